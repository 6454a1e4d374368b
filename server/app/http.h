/**
 * @file http.h
 * @brief The HTTP server: shared state (struct app), per-request state
 *        (struct http_req), the daemon's life cycle and the handlers.
 *
 * Prefix http_ for the daemon, handler_ for endpoints. The access callback
 * allocates a struct http_req on a request's first call; only the
 * completion callback frees it (it also logs the request and records its
 * metrics). Handlers reply through reply.h, which adds the common headers.
 */
#pragma once

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <microhttpd.h>

#include "app.h"
#include "config.h"
#include "http_body.h"

struct acc;
struct http_conns;
struct http_pool;
struct lq_pipeline;

/** Everything the server shares between threads. */
struct app {
    const struct cfg *cfg;            /**< read-only */
    struct lq_pipeline *pipeline;     /**< read-only; loaded before the daemon starts */
    struct acc *acc;
    char *openapi;                    /**< GET /openapi.json body */
    size_t openapi_len;
    char *version;                    /**< GET /version body */
    size_t version_len;
    atomic_int ready;                 /**< pipeline loaded and not stopping */
    atomic_int stopping;              /**< SIGTERM received */
    atomic_uint in_flight;            /**< requests begun, not completed */
    atomic_uint extract_in_flight;    /**< of those, POST /v1/extract */
    atomic_uint connections;
    struct http_conns *conns;         /**< open connections and the request
                                           deadline's watchdog (http_daemon.c) */
    struct MHD_Daemon *daemon;
    uint16_t port;                    /**< bound port */
    struct http_pool *pool;           /**< the extraction pool, or NULL */
};

struct http_req;

/** One endpoint of the route table. */
struct route {
    const char *path;
    unsigned methods;                 /**< HTTP_M_* bits */
    const char *allow;                /**< the Allow header for 405 and OPTIONS */
    int protected;                    /**< API key and rate limit apply */
    enum MHD_Result (*get)(struct http_req *r); /**< GET/HEAD handler */
};

enum {
    HTTP_M_GET = 1,
    HTTP_M_HEAD = 2,
    HTTP_M_POST = 4,
    HTTP_M_OPTIONS = 8,
};

/** Most extra headers one reply carries (Allow, Retry-After, ...). */
#define HTTP_MAX_EXTRA 4

/** Where a POST /v1/extract stands with the extraction pool. */
enum http_job {
    HTTP_JOB_NONE = 0,  /**< not handed over (or no pool: run on the MHD thread) */
    HTTP_JOB_QUEUED,    /**< suspended, with the pool */
    HTTP_JOB_DONE,      /**< resumed: the result waits to be replied */
};

/** State of one request, from its first access call to completion. */
struct http_req {
    struct app *app;
    struct MHD_Connection *conn;
    const struct route *route;        /**< NULL for unknown paths */
    size_t route_index;               /**< for metrics */
    uint64_t t0_ns;
    char method[16];
    char path[256];
    char request_id[80];
    char client[64];                  /**< peer IP address */
    const char *allow_origin;         /**< Access-Control-Allow-Origin, or NULL */
    int key_index;                    /**< matching API key, or -1 */
    unsigned status;                  /**< status of the queued reply, 0 before */
    uint64_t bytes_in, bytes_out;
    const char *error_code;           /**< code of an error reply, for the log */
    int counted_extract;              /**< extract_in_flight was incremented */
    int queued;                       /**< a reply is queued */
    int deferred;                     /**< bodiless request: dispatch on the final call */
    /* POST body */
    int body_kind;                    /**< enum http_ctype */
    struct http_body body;
    unsigned fail_status;             /**< decided while receiving: reply at the end */
    size_t drained;                   /**< bytes thrown away after fail_status */
    /* the extraction pool (handler_extract.c): the pipeline runs on one of
     * its threads while MHD keeps the connection suspended */
    int job;                          /**< enum http_job */
    struct http_req *job_next;        /**< the pool's queue */
    const char *q_id, *q_published, *q_offsets; /**< text/plain query parameters */
    int q_failed;                     /**< a query parameter is bad: the error is q_err */
    struct app_error q_err;
    int job_rc;                       /**< 0: job_out holds the body; else job_err */
    struct app_error job_err;
    char *job_out;
    size_t job_outlen;
    /* extra headers for the next reply */
    int nextra;
    const char *extra_name[HTTP_MAX_EXTRA];
    char extra_value[HTTP_MAX_EXTRA][96];
};

/**
 * Start the daemon with the limits of app->cfg and read back the bound port
 * into app->port.
 * @param err  the reason on failure
 * @return 0 or -1
 */
int
http_start(struct app *app, char *err, size_t errlen);

/**
 * Stop accepting connections; requests in flight go on. Connections the
 * kernel had already accepted (waiting in the listen queue while every
 * thread was busy) are taken over and served, not reset.
 * @return the number of such connections taken over
 */
unsigned
http_quiesce(struct app *app);

/**
 * Connections that hold a request not yet answered: a request line seen and
 * not completed, or bytes received that no thread has read yet (a busy
 * thread's connections). Idle keep-alive connections do not count.
 */
unsigned
http_pending(struct app *app);

/** Close every connection, join the threads and free the daemon. */
void
http_stop(struct app *app);

/** Add a header to the next reply of @p r (value copied, name borrowed). */
void
http_add_header(struct http_req *r, const char *name, const char *value);

/* handler_status.c: each queues its reply and returns MHD_YES, or MHD_NO
 * when no reply could be queued. */

/** GET /healthz: 200 {"status": "ok"} while the process runs. */
enum MHD_Result
handler_healthz(struct http_req *r);

/** GET /readyz: 200 once the pipeline is loaded, 503 before and while stopping. */
enum MHD_Result
handler_readyz(struct http_req *r);

/** GET /version: the body built by handler_status_prepare(). */
enum MHD_Result
handler_version(struct http_req *r);

/** GET /openapi.json: the embedded document with info.version filled in. */
enum MHD_Result
handler_openapi(struct http_req *r);

/** GET /metrics: met_render() with the gauges of @p r's app. */
enum MHD_Result
handler_metrics(struct http_req *r);

/**
 * Build the bodies of /version and /openapi.json into @p app.
 * @return 0, or -1 when out of memory or the embedded document is broken
 */
int
handler_status_prepare(struct app *app);

/* handler_extract.c */

/** First call of POST /v1/extract: checks the headers, may reply at once. */
enum MHD_Result
handler_extract_begin(struct http_req *r);

/** Middle calls: take @p size bytes of the body. */
enum MHD_Result
handler_extract_data(struct http_req *r, const char *data, size_t size);

/**
 * Final call: decode, run the pipeline, reply. With the pool started, the
 * first final call suspends the connection and queues the request; a pool
 * thread decodes it and runs the pipeline, then resumes the connection,
 * and the call MHD then makes queues the reply.
 */
enum MHD_Result
handler_extract_finish(struct http_req *r);

/**
 * Start the extraction pool: @p threads threads that take the requests of
 * every MHD thread from one queue in arrival order, so that all of them
 * work whichever MHD thread accepted the connections (MHD gives a burst of
 * connections to one thread). The daemon needs MHD_ALLOW_SUSPEND_RESUME.
 * @return 0, or -1 (then requests run on the MHD threads, as without it)
 */
int
handler_extract_pool_start(struct app *app, unsigned threads);

/**
 * Stop the pool before MHD_stop_daemon(): the requests being run finish,
 * the queued ones are answered 503, every connection is resumed, and the
 * threads are joined. No-op when the pool is not running.
 */
void
handler_extract_pool_stop(struct app *app);

/* end of http.h */
