/* Prometheus counters (see metrics.h). */
#include "metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa-config.h"

/* The statuses the service sends; anything else is counted as "other". */
static const unsigned statuses[] = {200, 204, 400, 401, 404, 405, 413, 415,
                                    422, 429, 500, 503, 0};
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]))
#define STATUS_OTHER NSTATUS

/* Upper bounds of the latency buckets, in seconds. */
static const double buckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                 0.25,  0.5,    1.0,   2.5,  5.0,   10.0};
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))

#define NROUTES (MET_MAX_ROUTES + 1)

static const char *route_names[NROUTES];
static size_t nroutes;
static time_t started;

static atomic_ullong requests[NROUTES][NSTATUS + 1];
static atomic_ullong hist[NROUTES][NBUCKETS + 1]; /* per bucket, not cumulative */
static atomic_ullong dur_us[NROUTES];
static atomic_ullong bytes_in_total[NROUTES];
static atomic_ullong bytes_out_total[NROUTES];

void
met_init(const char *const *names, size_t n)
{
    if (n > MET_MAX_ROUTES)
        n = MET_MAX_ROUTES;
    for (size_t i = 0; i < n; i++)
        route_names[i] = names[i];
    route_names[n] = "other";
    nroutes = n + 1;
    started = time(NULL);
}

void
met_record(size_t route, unsigned status, double seconds, uint64_t bytes_in, uint64_t bytes_out)
{
    if (0 == nroutes)
        return;
    if (route >= nroutes - 1)
        route = nroutes - 1;
    size_t s = STATUS_OTHER;
    for (size_t i = 0; i < NSTATUS; i++)
        if (statuses[i] == status) {
            s = i;
            break;
        }
    size_t b = NBUCKETS;
    for (size_t i = 0; i < NBUCKETS; i++)
        if (seconds <= buckets[i]) {
            b = i;
            break;
        }
    if (seconds < 0)
        seconds = 0;
    atomic_fetch_add_explicit(&requests[route][s], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&hist[route][b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&dur_us[route], (unsigned long long)(seconds * 1e6),
                              memory_order_relaxed);
    atomic_fetch_add_explicit(&bytes_in_total[route], bytes_in, memory_order_relaxed);
    atomic_fetch_add_explicit(&bytes_out_total[route], bytes_out, memory_order_relaxed);
}

struct buf {
    char *s;
    size_t len, cap;
    int failed;
};

static void
put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(struct buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = 1;
            return;
        }
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap * 2 + (size_t)n;
        char *s = realloc(b->s, cap);
        if (NULL == s) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
}

static const char *
status_label(size_t s, char *tmp, size_t len)
{
    if (STATUS_OTHER == s)
        return "other";
    if (0 == statuses[s])
        return "none";
    snprintf(tmp, len, "%u", statuses[s]);
    return tmp;
}

char *
met_render(const struct met_gauges *g, size_t *len)
{
    struct buf b = {malloc(8192), 0, 8192, 0};
    if (NULL == b.s)
        return NULL;
    char tmp[16];

    put(&b, "# HELP liqa_build_info Version of the running liqa.\n"
            "# TYPE liqa_build_info gauge\n"
            "liqa_build_info{version=\"%s\"} 1\n", LIQA_VERSION);
    put(&b, "# HELP liqa_start_time_seconds Start time of the process since the Unix epoch.\n"
            "# TYPE liqa_start_time_seconds gauge\n"
            "liqa_start_time_seconds %lld\n", (long long)started);
    put(&b, "# HELP liqa_ready Whether models and lexicons are loaded (1) or not (0).\n"
            "# TYPE liqa_ready gauge\n"
            "liqa_ready %d\n", g->ready ? 1 : 0);
    put(&b, "# HELP liqa_http_requests_in_flight Requests received and not yet completed.\n"
            "# TYPE liqa_http_requests_in_flight gauge\n"
            "liqa_http_requests_in_flight %u\n", g->in_flight);
    put(&b, "# HELP liqa_http_connections Open client connections.\n"
            "# TYPE liqa_http_connections gauge\n"
            "liqa_http_connections %u\n", g->connections);

    put(&b, "# HELP liqa_http_requests_total Completed requests by route and status "
            "(status \"none\": no reply was sent, the client left or timed out).\n"
            "# TYPE liqa_http_requests_total counter\n");
    for (size_t r = 0; r < nroutes; r++)
        for (size_t s = 0; s <= NSTATUS; s++) {
            unsigned long long v = atomic_load_explicit(&requests[r][s], memory_order_relaxed);
            if (v)
                put(&b, "liqa_http_requests_total{route=\"%s\",status=\"%s\"} %llu\n",
                    route_names[r], status_label(s, tmp, sizeof(tmp)), v);
        }

    put(&b, "# HELP liqa_http_request_duration_seconds Time from the request's headers to "
            "its completion.\n"
            "# TYPE liqa_http_request_duration_seconds histogram\n");
    for (size_t r = 0; r < nroutes; r++) {
        unsigned long long cum = 0;
        for (size_t i = 0; i <= NBUCKETS; i++) {
            cum += atomic_load_explicit(&hist[r][i], memory_order_relaxed);
            if (i < NBUCKETS)
                put(&b, "liqa_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                    route_names[r], buckets[i], cum);
            else
                put(&b, "liqa_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
                    route_names[r], cum);
        }
        put(&b, "liqa_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", route_names[r],
            (double)atomic_load_explicit(&dur_us[r], memory_order_relaxed) / 1e6);
        put(&b, "liqa_http_request_duration_seconds_count{route=\"%s\"} %llu\n", route_names[r],
            cum);
    }

    put(&b, "# HELP liqa_http_request_bytes_total Bytes of request bodies received.\n"
            "# TYPE liqa_http_request_bytes_total counter\n");
    for (size_t r = 0; r < nroutes; r++)
        put(&b, "liqa_http_request_bytes_total{route=\"%s\"} %llu\n", route_names[r],
            atomic_load_explicit(&bytes_in_total[r], memory_order_relaxed));
    put(&b, "# HELP liqa_http_response_bytes_total Bytes of response bodies sent.\n"
            "# TYPE liqa_http_response_bytes_total counter\n");
    for (size_t r = 0; r < nroutes; r++)
        put(&b, "liqa_http_response_bytes_total{route=\"%s\"} %llu\n", route_names[r],
            atomic_load_explicit(&bytes_out_total[r], memory_order_relaxed));

    if (b.failed) {
        free(b.s);
        return NULL;
    }
    *len = b.len;
    return b.s;
}

/* end of metrics.c */
