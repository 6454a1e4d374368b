/* Response builders (see reply.h). */
#include "reply.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

static const char oom_body[] =
    "{\"error\":{\"code\":\"out_of_memory\",\"message\":\"out of memory\"}}\n";

static enum MHD_Result
queue(struct http_req *r, unsigned status, struct MHD_Response *resp, const char *content_type,
      size_t len)
{
    int ok = 1;
    if (content_type)
        ok &= MHD_YES == MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
    ok &= MHD_YES == MHD_add_response_header(resp, "X-Request-Id", r->request_id);
    ok &= MHD_YES == MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    ok &= MHD_YES == MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->allow_origin) {
        ok &= MHD_YES == MHD_add_response_header(resp, "Access-Control-Allow-Origin",
                                                 r->allow_origin);
        ok &= MHD_YES == MHD_add_response_header(resp, "Access-Control-Expose-Headers",
                                                 "X-Request-Id, Retry-After, WWW-Authenticate");
    }
    if (r->app->cfg->norigins && !r->app->cfg->cors_any)
        ok &= MHD_YES == MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
    for (int i = 0; i < r->nextra; i++)
        ok &= MHD_YES == MHD_add_response_header(resp, r->extra_name[i], r->extra_value[i]);
    r->nextra = 0;
    if (atomic_load(&r->app->stopping))
        ok &= MHD_YES == MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result ret = MHD_NO;
    if (ok)
        ret = MHD_queue_response(r->conn, status, resp);
    MHD_destroy_response(resp);
    /* An extract request stops counting against max_in_flight once its
     * answer is decided; the completion callback only sees the send end,
     * which a quick client can outrun. */
    if (r->counted_extract) {
        atomic_fetch_sub(&r->app->extract_in_flight, 1);
        r->counted_extract = 0;
    }
    if (MHD_YES == ret) {
        r->status = status;
        r->bytes_out = len;
        r->queued = 1;
    }
    return ret;
}

enum MHD_Result
reply_static(struct http_req *r, unsigned status, const char *content_type, const char *body,
             size_t len)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, (void *)(uintptr_t)body, MHD_RESPMEM_PERSISTENT);
    if (NULL == resp)
        return MHD_NO;
    return queue(r, status, resp, content_type, len);
}

static enum MHD_Result
reply_oom(struct http_req *r)
{
    r->error_code = "out_of_memory";
    return reply_static(r, MHD_HTTP_INTERNAL_SERVER_ERROR, REPLY_JSON, oom_body,
                        sizeof(oom_body) - 1);
}

enum MHD_Result
reply_body_steal(struct http_req *r, unsigned status, const char *content_type, char *body,
                 size_t len)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (NULL == resp) {
        free(body);
        return reply_oom(r);
    }
    return queue(r, status, resp, content_type, len);
}

enum MHD_Result
reply_json_steal(struct http_req *r, unsigned status, json_t *j)
{
    size_t len = 0;
    char *s = j ? app_dump(j, &len) : NULL;
    json_decref(j);
    if (NULL == s)
        return reply_oom(r);
    return reply_body_steal(r, status, REPLY_JSON, s, len);
}

enum MHD_Result
reply_app_error(struct http_req *r, const struct app_error *e)
{
    size_t len = 0;
    r->error_code = e->code;
    char *s = app_error_body(e, r->request_id, &len);
    if (NULL == s)
        return reply_oom(r);
    return reply_body_steal(r, e->http, REPLY_JSON, s, len);
}

enum MHD_Result
reply_error(struct http_req *r, unsigned status, const char *code, const char *fmt, ...)
{
    struct app_error e;
    char raw[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof(raw), fmt, ap);
    va_end(ap);
    /* app_error_set makes the message valid UTF-8 (paths, methods and
     * header values echoed here are whatever the client sent) */
    app_error_set(&e, status, code, "%s", raw);
    return reply_app_error(r, &e);
}

/* end of reply.c */
