/* `liqa serve`: load, listen, wait for SIGTERM/SIGINT, drain, exit 0.
 *
 * Readiness: the pipeline (lexicons, model) is loaded before the port
 * opens, so a liqa that accepts connections is ready; /readyz answers 200
 * from the first request and 503 once shutdown has begun. A load failure
 * exits with 3 before anything listens. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "access.h"
#include "cli.h"
#include "http.h"
#include "liqa-config.h"
#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "log.h"

static double
mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *
signal_name(int sig)
{
    switch (sig) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "signal";
    }
}

/* Whether nothing is left to answer: no request begun and not completed,
 * and no connection holding a request that no thread has picked up yet (a
 * thread busy with one extraction has other connections waiting). */
static int
idle(struct app *app)
{
    return 0 == atomic_load(&app->in_flight) && 0 == http_pending(app);
}

/* Wait until nothing is left to answer or the grace period ends; a second
 * signal cuts the wait short. @return 1 when all finished. */
static int
drain(struct app *app, const sigset_t *set)
{
    double deadline = mono_s() + app->cfg->shutdown_grace_s;
    int calm = 0;
    /* idle twice 10 ms apart: a thread may have just read a request that it
     * has not parsed yet */
    while (calm < 2) {
        calm = idle(app) ? calm + 1 : 0;
        if (calm >= 2)
            break;
        double left = deadline - mono_s();
        if (left <= 0)
            return 0;
        struct timespec ts = {0, 10 * 1000 * 1000};
        if (left < 0.01)
            ts.tv_nsec = (long)(left * 1e9);
        int sig = sigtimedwait(set, NULL, &ts);
        if (sig > 0) {
            log_message("warn", "shutdown", "%s again: stopping without waiting",
                        signal_name(sig));
            return 0;
        }
    }
    return 1;
}

int
app_serve(const struct cfg *cfg)
{
    int rc = APP_EXIT_RUNTIME;
    struct app app;
    memset(&app, 0, sizeof(app));
    app.cfg = cfg;

    /* Block the signals in every thread (MHD's inherit the mask); the main
     * thread takes them with sigwait. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    log_event_steal("info", "starting",
                    json_pack("{s:s, s:s?, s:i, s:s, s:s}", "version", LIQA_VERSION,
                              "config_file", cfg->config_file, "pid", (int)getpid(),
                              "lexicon_dir", cfg->lexicon_dir, "model_path", cfg->model_path));
    double t0 = mono_s();
    char err[512] = "";
    int lrc = app_pipeline_load(cfg, &app.pipeline, err, sizeof(err));
    if (LQ_OK != lrc) {
        log_event_steal("error", "load_failed",
                        json_pack("{s:s, s:s}", "status", lq_status_str(lrc), "message", err));
        return APP_EXIT_RESOURCES;
    }
    app.acc = acc_new(cfg);
    if (NULL == app.acc || 0 != handler_status_prepare(&app)) {
        log_message("error", "startup", "out of memory");
        goto done;
    }
    atomic_store(&app.ready, 1);
    double load_ms = (mono_s() - t0) * 1000.0;
    if (0 != http_start(&app, err, sizeof(err))) {
        log_message("error", "startup", "%s", err);
        goto done;
    }
    unsigned threads = cfg->threads ? cfg->threads : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    log_event_steal(
        "info", "listening",
        json_pack("{s:s, s:i, s:i, s:f, s:b, s:b, s:i}", "listen", cfg->listen, "port",
                  (int)app.port, "threads", (int)threads, "load_ms", load_ms, "api_keys",
                  cfg->nkeys > 0, "cors", cfg->norigins > 0, "rate_limit_per_minute",
                  (int)cfg->rate_limit_per_minute));

    int sig = 0;
    while (0 != sigwait(&set, &sig))
        ;
    atomic_store(&app.stopping, 1);
    atomic_store(&app.ready, 0);
    log_event_steal("info", "shutdown",
                    json_pack("{s:s, s:i, s:i}", "signal", signal_name(sig), "in_flight",
                              (int)atomic_load(&app.in_flight), "grace_s",
                              (int)cfg->shutdown_grace_s));
    unsigned adopted = http_quiesce(&app);
    double t1 = mono_s();
    int drained = drain(&app, &set);
    unsigned left = atomic_load(&app.in_flight);
    unsigned pending = http_pending(&app);
    http_stop(&app);
    log_event_steal("info", "stopped",
                    json_pack("{s:b, s:i, s:i, s:i, s:f}", "drained", drained, "abandoned",
                              (int)left, "pending_connections", (int)pending,
                              "adopted_from_listen_queue", (int)adopted,
                              "drain_ms", (mono_s() - t1) * 1000.0));
    rc = APP_EXIT_OK;
done:
    http_stop(&app);
    acc_free(app.acc);
    free(app.openapi);
    free(app.version);
    lq_pipeline_free(app.pipeline);
    return rc;
}

/* end of serve.c */
