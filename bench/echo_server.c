/* liqa-echo: the HTTP ceiling for scripts/bench.sh.
 *
 *   liqa-echo [--port N] [--threads T] [--parse] [--work-us N] [--epoll]
 *
 * libmicrohttpd started with the daemon flags and options of liqa's
 * server/app/http_daemon.c (internal polling thread, MHD_USE_POLL, a thread
 * pool of one thread per core, the same connection limits and per-connection
 * memory as config/liqa.conf, minus the per-IP limit, since every benchmark
 * connection comes from 127.0.0.1). POST /v1/extract collects the body the
 * way liqa does (a growing buffer), then answers 200 with a small Jansson
 * object {"ok": true, "bytes": N} and the same response headers; with
 * --parse the body is also decoded with json_loadb(); --work-us N spends N
 * µs of CPU per POST (a stand-in for the pipeline, to study queueing);
 * --epoll uses MHD_USE_AUTO (epoll) instead of poll(), as liqa did
 * before: with it a burst of 128 or 256 connections sometimes leaves every
 * connection unserved (wrk -c256 against a fresh liqa-echo --threads 1
 * reproduces it), which is why liqa uses poll(). liqa also hands the
 * pipeline to a pool of threads (suspend/resume); the echo answers on the
 * MHD thread, which is all the HTTP ceiling needs. GET /readyz and
 * /healthz answer 200. Listens on 127.0.0.1 only; prints "listening PORT"
 * once ready and runs until SIGINT or SIGTERM.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#define ECHO_MAX_BODY ((size_t)4 << 20)

struct echo_req {
    char *buf;
    size_t len, cap;
    int too_large;
};

static int parse_body;
static unsigned work_us; /* CPU spent per POST, standing in for the pipeline */

static void
spin_us(unsigned us)
{
    struct timespec t0, t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    do
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    while ((t.tv_sec - t0.tv_sec) * 1000000L + (t.tv_nsec - t0.tv_nsec) / 1000 < (long)us);
}

static enum MHD_Result
reply(struct MHD_Connection *conn, unsigned status, char *body, size_t len)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (NULL == resp) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json; charset=utf-8");
    MHD_add_response_header(resp, "X-Request-Id", "0123456789abcdef0123456789abcdef");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result
reply_json_steal(struct MHD_Connection *conn, unsigned status, json_t *j)
{
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (NULL == s)
        return MHD_NO;
    size_t n = strlen(s);
    char *t = realloc(s, n + 2);
    if (NULL == t) {
        free(s);
        return MHD_NO;
    }
    t[n] = '\n';
    t[n + 1] = '\0';
    return reply(conn, status, t, n + 1);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
           const char *version, const char *upload_data, size_t *upload_data_size,
           void **req_cls)
{
    (void)cls;
    (void)version;
    struct echo_req *r = *req_cls;
    int post = 0 == strcmp(method, MHD_HTTP_METHOD_POST);
    if (NULL == r) {
        if (!post) {
            /* GET: answer on the final call of the request (no body) */
            if (0 != *upload_data_size) {
                *upload_data_size = 0;
                return MHD_YES;
            }
            unsigned st = (0 == strcmp(url, "/readyz") || 0 == strcmp(url, "/healthz"))
                              ? MHD_HTTP_OK
                              : MHD_HTTP_NOT_FOUND;
            return reply_json_steal(conn, st, json_pack("{s:b}", "ok", MHD_HTTP_OK == st));
        }
        r = calloc(1, sizeof(*r));
        if (NULL == r)
            return MHD_NO;
        *req_cls = r;
        return MHD_YES;
    }
    if (0 != *upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (r->too_large || r->len + n > ECHO_MAX_BODY) {
            r->too_large = 1;
            return MHD_YES;
        }
        if (r->len + n + 1 > r->cap) {
            size_t cap = r->cap ? r->cap : 4096;
            while (cap < r->len + n + 1)
                cap *= 2;
            char *nb = realloc(r->buf, cap);
            if (NULL == nb)
                return MHD_NO;
            r->buf = nb;
            r->cap = cap;
        }
        memcpy(r->buf + r->len, upload_data, n);
        r->len += n;
        r->buf[r->len] = '\0';
        return MHD_YES;
    }
    if (r->too_large)
        return reply_json_steal(conn, MHD_HTTP_CONTENT_TOO_LARGE,
                                json_pack("{s:b}", "ok", 0));
    int ok = 1;
    if (work_us)
        spin_us(work_us);
    if (parse_body) {
        json_t *doc = json_loadb(r->buf ? r->buf : "", r->len, JSON_REJECT_DUPLICATES, NULL);
        ok = NULL != doc;
        json_decref(doc);
    }
    return reply_json_steal(conn, ok ? MHD_HTTP_OK : MHD_HTTP_BAD_REQUEST,
                            json_pack("{s:b, s:I}", "ok", ok, "bytes", (json_int_t)r->len));
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
             enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    struct echo_req *r = *req_cls;
    if (NULL == r)
        return;
    *req_cls = NULL;
    free(r->buf);
    free(r);
}

int
main(int argc, char **argv)
{
    unsigned port = 0, threads = 0;
    int use_epoll = 0;
    for (int i = 1; i < argc; i++) {
        if (0 == strcmp(argv[i], "--port") && i + 1 < argc)
            port = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (0 == strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (0 == strcmp(argv[i], "--parse"))
            parse_body = 1;
        else if (0 == strcmp(argv[i], "--work-us") && i + 1 < argc)
            work_us = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (0 == strcmp(argv[i], "--epoll"))
            use_epoll = 1;
        else {
            fprintf(stderr, "usage: liqa-echo [--port N] [--threads T] [--parse] [--work-us N]"
                            " [--epoll]\n");
            return 2;
        }
    }
    if (port > 65535) {
        fprintf(stderr, "liqa-echo: bad port %u\n", port);
        return 2;
    }
    if (0 == threads) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (unsigned)n : 1;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC |
                     (use_epoll ? MHD_USE_AUTO : MHD_USE_POLL);
    unsigned pool = threads > 1 ? threads : 0;
    /* the values of config/liqa.conf */
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &sa},
        {MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, 512, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, 0, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, 20, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, 64 * 1024, NULL},
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)pool, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    struct MHD_Daemon *d =
        MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, NULL, MHD_OPTION_ARRAY,
                         opts, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    if (NULL == d) {
        fprintf(stderr, "liqa-echo: cannot listen on 127.0.0.1 port %u\n", port);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening %u threads %u\n", info ? (unsigned)info->port : port, threads);
    fflush(stdout);
    int sig = 0;
    while (0 != sigwait(&set, &sig))
        ;
    MHD_stop_daemon(d);
    return 0;
}

/* end of echo_server.c */
