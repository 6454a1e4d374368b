/* GET /healthz, /readyz, /version, /openapi.json and /metrics. */
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "liqa-config.h"
#include "liqa/pipeline.h"
#include "metrics.h"
#include "reply.h"

/* openapi.json, embedded at build time by embed.py (openapi_data.c). */
extern const unsigned char liqa_openapi_json[];
extern const size_t liqa_openapi_json_len;

static const char healthz_body[] = "{\"status\":\"ok\"}\n";
static const char readyz_body[] = "{\"status\":\"ready\"}\n";

enum MHD_Result
handler_healthz(struct http_req *r)
{
    return reply_static(r, MHD_HTTP_OK, REPLY_JSON, healthz_body, sizeof(healthz_body) - 1);
}

enum MHD_Result
handler_readyz(struct http_req *r)
{
    if (atomic_load(&r->app->ready))
        return reply_static(r, MHD_HTTP_OK, REPLY_JSON, readyz_body, sizeof(readyz_body) - 1);
    http_add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    if (atomic_load(&r->app->stopping))
        return reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "shutting_down",
                           "the service is shutting down");
    return reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "not_ready",
                       "models and lexicons are not loaded yet");
}

enum MHD_Result
handler_version(struct http_req *r)
{
    return reply_static(r, MHD_HTTP_OK, REPLY_JSON, r->app->version, r->app->version_len);
}

enum MHD_Result
handler_openapi(struct http_req *r)
{
    return reply_static(r, MHD_HTTP_OK, REPLY_JSON, r->app->openapi, r->app->openapi_len);
}

enum MHD_Result
handler_metrics(struct http_req *r)
{
    struct met_gauges g = {
        .in_flight = atomic_load(&r->app->in_flight),
        .connections = atomic_load(&r->app->connections),
        .ready = atomic_load(&r->app->ready),
    };
    size_t len = 0;
    char *s = met_render(&g, &len);
    if (NULL == s)
        return reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out_of_memory",
                           "out of memory while rendering the metrics");
    return reply_body_steal(r, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", s, len);
}

int
handler_status_prepare(struct app *app)
{
    json_t *models = app->pipeline ? lq_pipeline_models(app->pipeline) : json_object();
    json_t *v = json_pack("{s:s, s:s, s:o?}", "name", "liqa", "version", LIQA_VERSION, "models",
                          models);
    app->version = v ? app_dump(v, &app->version_len) : NULL;
    json_decref(v);

    json_error_t jerr;
    json_t *doc = json_loadb((const char *)liqa_openapi_json, liqa_openapi_json_len, JSON_REJECT_DUPLICATES,
                             &jerr);
    json_t *info = doc ? json_object_get(doc, "info") : NULL;
    if (info)
        json_object_set_new(info, "version", json_string(LIQA_VERSION));
    app->openapi = info ? app_dump(doc, &app->openapi_len) : NULL;
    json_decref(doc);
    return NULL != app->version && NULL != app->openapi ? 0 : -1;
}

/* end of handler_status.c */
