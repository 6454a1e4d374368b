/* POST /v1/extract: JSON or text/plain body → the pipeline's JSON. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "reply.h"

/* One struct lq_worker per MHD thread, created on the thread's first
 * extraction and freed by the key's destructor when the thread exits
 * (MHD_stop_daemon joins every thread before the pipeline is freed). */
static pthread_key_t worker_key;
static pthread_once_t worker_once = PTHREAD_ONCE_INIT;
static int worker_key_ok;

static void
worker_destroy(void *w)
{
    lq_worker_free(w);
}

static void
worker_key_init(void)
{
    worker_key_ok = 0 == pthread_key_create(&worker_key, worker_destroy);
}

static struct lq_worker *
thread_worker(const struct lq_pipeline *p)
{
    pthread_once(&worker_once, worker_key_init);
    if (!worker_key_ok)
        return NULL;
    struct lq_worker *w = pthread_getspecific(worker_key);
    if (NULL != w)
        return w;
    w = lq_worker_new(p);
    if (NULL == w)
        return NULL;
    if (0 != pthread_setspecific(worker_key, w)) {
        lq_worker_free(w);
        return NULL;
    }
    return w;
}

static const char *
header(struct http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

enum MHD_Result
handler_extract_begin(struct http_req *r)
{
    struct app *app = r->app;
    const struct cfg *cfg = app->cfg;
    /* While shutting down (ready is 0 then), requests that reach a thread are
     * still served within the grace period, with Connection: close: they
     * were sent on a connection accepted before the signal. */
    if (!atomic_load(&app->ready) && !atomic_load(&app->stopping)) {
        http_add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
        return reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "not_ready",
                           "models and lexicons are not loaded yet");
    }
    unsigned n = atomic_fetch_add(&app->extract_in_flight, 1) + 1;
    r->counted_extract = 1;
    if (cfg->max_in_flight && n > cfg->max_in_flight) {
        http_add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
        return reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "overloaded",
                           "more than %u requests in flight; retry later", cfg->max_in_flight);
    }
    const char *ct = header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
    r->body_kind = http_content_type(ct);
    switch (r->body_kind) {
    case HTTP_CT_JSON:
    case HTTP_CT_TEXT:
        break;
    case HTTP_CT_NONE:
        return reply_error(r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                           "Content-Type missing: send application/json or "
                           "text/plain; charset=utf-8");
    case HTTP_CT_BAD_CHARSET:
        return reply_error(r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                           "Content-Type '%.*s': only charset=utf-8 is accepted",
                           app_utf8_prefix(ct, 100), ct);
    default:
        return reply_error(r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                           "Content-Type '%.*s' not supported: send application/json or "
                           "text/plain; charset=utf-8",
                           app_utf8_prefix(ct, 100), ct);
    }
    const char *te = header(r, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (NULL != te && 0 != strcasecmp(te, "chunked"))
        return reply_error(r, MHD_HTTP_BAD_REQUEST, "bad_request",
                           "Transfer-Encoding '%.*s' not supported: send Content-Length or "
                           "Transfer-Encoding: chunked",
                           app_utf8_prefix(te, 40), te);
    const char *cl = header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (NULL != cl) {
        unsigned long long len = 0;
        if (0 != http_content_length(cl, &len))
            return reply_error(r, MHD_HTTP_BAD_REQUEST, "bad_request",
                               "Content-Length '%.*s' is not a number",
                               app_utf8_prefix(cl, 40), cl);
        if (len > cfg->max_body_bytes)
            return reply_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "payload_too_large",
                               "request body of %llu bytes; the limit is %zu bytes", len,
                               cfg->max_body_bytes);
    }
    http_body_init(&r->body, cfg->max_body_bytes);
    return MHD_YES;
}

enum MHD_Result
handler_extract_data(struct http_req *r, const char *data, size_t size)
{
    const struct cfg *cfg = r->app->cfg;
    r->bytes_in += size;
    if (r->fail_status) {
        /* Drain to answer at the end, but not for ever: past four times the
         * limit the client is not listening, and the connection is closed. */
        r->drained += size;
        return r->drained > cfg->max_body_bytes * 4 + ((size_t)1 << 20) ? MHD_NO : MHD_YES;
    }
    switch (http_body_append(&r->body, data, size)) {
    case HTTP_BODY_OK:
        break;
    case HTTP_BODY_TOO_LARGE:
        r->fail_status = MHD_HTTP_CONTENT_TOO_LARGE;
        r->drained = size;
        break;
    case HTTP_BODY_NOMEM:
        http_body_free(&r->body);
        r->fail_status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        r->drained = size;
        break;
    }
    return MHD_YES;
}

/* A query parameter, checked to be UTF-8 (MHD has percent-decoded it). */
static int
query_param(struct http_req *r, const char *name, const char **out, struct app_error *e)
{
    *out = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
    if (NULL == *out || 0 == app_check_utf8(*out, strlen(*out), e))
        return 0;
    char msg[sizeof(e->message)];
    snprintf(msg, sizeof(msg), "%s", e->message);
    app_error_set(e, 400, "invalid_utf8", "query parameter '%s': %s", name, msg);
    return -1;
}

static int
decode_json(struct http_req *r, const char *buf, size_t len, json_t **root, char **mem,
            struct lq_request *req, struct app_error *e)
{
    long long deep = http_json_too_deep(buf, len, r->app->cfg->max_json_depth);
    if (deep >= 0) {
        app_error_set(e, 400, "json_too_deep",
                      "JSON nested deeper than %u levels at byte offset %lld",
                      r->app->cfg->max_json_depth, deep);
        return -1;
    }
    if (0 == len) {
        app_error_set(e, 400, "malformed_json", "empty body: expected a JSON object");
        return -1;
    }
    /* the usual body, {"text": "...", "id": "...", ...}, without Jansson;
     * any other goes to Jansson, which words the errors */
    struct lq_error ferr;
    memset(&ferr, 0, sizeof(ferr));
    if (lq_request_from_body(buf, len, req, mem, &ferr)) {
        if (LQ_OK == ferr.status)
            return 0;
        app_error_from_lq(e, &ferr);
        return -1;
    }
    json_error_t jerr;
    *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (NULL == *root) {
        int dup = json_error_duplicate_key == json_error_code(&jerr);
        app_error_set(e, 400, dup ? "duplicate_key" : "malformed_json",
                      "%s at line %d, column %d (byte offset %d): %s",
                      dup ? "duplicate key" : "malformed JSON", jerr.line, jerr.column,
                      jerr.position, jerr.text);
        return -1;
    }
    struct lq_error err;
    memset(&err, 0, sizeof(err));
    if (LQ_OK != lq_request_from_json(*root, req, &err)) {
        app_error_from_lq(e, &err);
        return -1;
    }
    return 0;
}

/* The query parameters of a text/plain request, read on the MHD thread
 * (MHD's connection is not to be used from a pool thread); a bad one is
 * kept in r->q_err and reported after the body's UTF-8 check, as before. */
static void
read_query(struct http_req *r)
{
    if (0 != query_param(r, "id", &r->q_id, &r->q_err) ||
        0 != query_param(r, "published", &r->q_published, &r->q_err) ||
        0 != query_param(r, "offsets", &r->q_offsets, &r->q_err))
        r->q_failed = 1;
}

static int
decode_text(struct http_req *r, const char *buf, size_t len, struct lq_request *req,
            struct app_error *e)
{
    if (r->q_failed) {
        *e = r->q_err;
        return -1;
    }
    struct lq_error err;
    memset(&err, 0, sizeof(err));
    if (LQ_OK != lq_request_init(req, buf, len, r->q_id, r->q_published, r->q_offsets, &err)) {
        app_error_from_lq(e, &err);
        return -1;
    }
    return 0;
}

/* Decode the body and run the pipeline; touches no MHD object, so a pool
 * thread may run it. On success r->job_out holds the response body. */
static void
run_extract(struct http_req *r)
{
    struct app *app = r->app;
    const char *buf = r->body.buf ? r->body.buf : "";
    size_t len = r->body.len;
    struct lq_request req;
    json_t *root = NULL;
    char *mem = NULL; /* the strings of req, when decoded without Jansson */
    r->job_out = NULL;
    r->job_outlen = 0;
    int rc = app_check_utf8(buf, len, &r->job_err);
    if (0 == rc)
        rc = HTTP_CT_JSON == r->body_kind
                 ? decode_json(r, buf, len, &root, &mem, &req, &r->job_err)
                 : decode_text(r, buf, len, &req, &r->job_err);
    /* a JSON request's strings are copies (in mem or root): its body goes
     * before the pipeline runs, not after (1 MB less for a 1 MB text) */
    if (HTTP_CT_JSON == r->body_kind)
        http_body_free(&r->body);
    if (0 == rc) {
        struct lq_worker *w = thread_worker(app->pipeline);
        if (NULL == w) {
            app_error_set(&r->job_err, 500, "out_of_memory",
                          "cannot set up the pipeline's thread state");
            rc = -1;
        } else {
            rc = app_extract(w, app->cfg, &req, &r->job_out, &r->job_outlen, &r->job_err);
        }
    }
    json_decref(root);
    free(mem);
    /* the body is no longer needed: give its memory back before replying */
    http_body_free(&r->body);
    r->job_rc = rc;
}

static enum MHD_Result
reply_result(struct http_req *r)
{
    if (0 != r->job_rc)
        return reply_app_error(r, &r->job_err);
    char *out = r->job_out;
    r->job_out = NULL;
    return reply_body_steal(r, MHD_HTTP_OK, REPLY_JSON, out, r->job_outlen);
}

/* ---- the extraction pool ------------------------------------------------ */

struct http_pool {
    struct app *app;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    struct http_req *head, *tail; /* queued requests, oldest first */
    int stop;
    unsigned nthreads;            /* started */
    pthread_t *threads;
};

/* Hand a finished request back to MHD. Nothing of @p r may be touched after
 * the resume: MHD may reply and free it at once. */
static void
job_done(struct http_req *r)
{
    struct MHD_Connection *conn = r->conn;
    r->job = HTTP_JOB_DONE;
    MHD_resume_connection(conn);
}

static void *
pool_main(void *arg)
{
    struct http_pool *pl = arg;
    pthread_mutex_lock(&pl->lock);
    for (;;) {
        while (NULL == pl->head && !pl->stop)
            pthread_cond_wait(&pl->wake, &pl->lock);
        struct http_req *r = pl->head;
        if (NULL == r)
            break; /* stopping, and nothing left */
        pl->head = r->job_next;
        if (NULL == pl->head)
            pl->tail = NULL;
        int stop = pl->stop;
        pthread_mutex_unlock(&pl->lock);
        if (stop) {
            /* shutting down past the grace period: no more pipeline runs */
            http_body_free(&r->body);
            app_error_set(&r->job_err, 503, "not_ready", "the server is stopping");
            http_add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
            r->job_rc = -1;
        } else {
            run_extract(r);
        }
        job_done(r);
        pthread_mutex_lock(&pl->lock);
    }
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

int
handler_extract_pool_start(struct app *app, unsigned threads)
{
    if (0 == threads)
        return -1;
    struct http_pool *pl = calloc(1, sizeof(*pl));
    if (NULL == pl)
        return -1;
    pl->app = app;
    pl->threads = calloc(threads, sizeof(pthread_t));
    if (NULL == pl->threads || 0 != pthread_mutex_init(&pl->lock, NULL)) {
        free(pl->threads);
        free(pl);
        return -1;
    }
    if (0 != pthread_cond_init(&pl->wake, NULL)) {
        pthread_mutex_destroy(&pl->lock);
        free(pl->threads);
        free(pl);
        return -1;
    }
    for (unsigned i = 0; i < threads; i++) {
        if (0 != pthread_create(&pl->threads[i], NULL, pool_main, pl))
            break;
        pl->nthreads++;
    }
    app->pool = pl;
    if (0 == pl->nthreads) {
        handler_extract_pool_stop(app);
        return -1;
    }
    return 0;
}

void
handler_extract_pool_stop(struct app *app)
{
    struct http_pool *pl = app->pool;
    if (NULL == pl)
        return;
    pthread_mutex_lock(&pl->lock);
    pl->stop = 1;
    pthread_cond_broadcast(&pl->wake);
    pthread_mutex_unlock(&pl->lock);
    for (unsigned i = 0; i < pl->nthreads; i++)
        pthread_join(pl->threads[i], NULL);
    /* every queued request was answered by the threads on their way out */
    pthread_cond_destroy(&pl->wake);
    pthread_mutex_destroy(&pl->lock);
    free(pl->threads);
    free(pl);
    app->pool = NULL;
}

/* Queue @p r with the pool; 0 when taken (the connection is suspended). */
static int
pool_submit(struct http_pool *pl, struct http_req *r)
{
    pthread_mutex_lock(&pl->lock);
    if (pl->stop) {
        pthread_mutex_unlock(&pl->lock);
        return -1;
    }
    r->job = HTTP_JOB_QUEUED;
    r->job_next = NULL;
    /* suspend before a pool thread can see it, so its resume comes after */
    MHD_suspend_connection(r->conn);
    if (pl->tail)
        pl->tail->job_next = r;
    else
        pl->head = r;
    pl->tail = r;
    pthread_cond_signal(&pl->wake);
    pthread_mutex_unlock(&pl->lock);
    return 0;
}

enum MHD_Result
handler_extract_finish(struct http_req *r)
{
    struct app *app = r->app;
    if (HTTP_JOB_DONE == r->job)
        return reply_result(r);
    if (HTTP_JOB_QUEUED == r->job)
        return MHD_YES; /* not expected while suspended */
    if (MHD_HTTP_CONTENT_TOO_LARGE == r->fail_status)
        return reply_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "payload_too_large",
                           "request body over the limit of %zu bytes",
                           app->cfg->max_body_bytes);
    if (r->fail_status)
        return reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out_of_memory",
                           "out of memory while receiving the body");
    if (HTTP_CT_JSON != r->body_kind)
        read_query(r);
    if (app->pool && 0 == pool_submit(app->pool, r))
        return MHD_YES;
    run_extract(r);
    return reply_result(r);
}

/* end of handler_extract.c */
