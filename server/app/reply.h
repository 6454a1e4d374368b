/**
 * @file reply.h
 * @brief The only response builders of the HTTP server.
 *
 * Prefix reply_. Every reply gets X-Request-Id, the CORS headers when the
 * request's Origin is allowed, `Connection: close` while shutting down, and
 * the extra headers set with http_add_header(). The _steal functions take
 * ownership of their body. A return of MHD_NO means no reply could be
 * queued (the connection is closed).
 */
#pragma once

#include <stddef.h>

#include <jansson.h>
#include <microhttpd.h>

#include "app.h"

struct http_req;

/** Queue @p body (malloc'ed, stolen) with @p content_type. */
enum MHD_Result
reply_body_steal(struct http_req *r, unsigned status, const char *content_type, char *body,
                 size_t len);

/** Queue a static body (not copied, never freed). */
enum MHD_Result
reply_static(struct http_req *r, unsigned status, const char *content_type, const char *body,
             size_t len);

/** Queue @p j serialised with app_dump(); the reference is stolen. */
enum MHD_Result
reply_json_steal(struct http_req *r, unsigned status, json_t *j);

/** Queue the JSON error body of @p e (with the request id). */
enum MHD_Result
reply_app_error(struct http_req *r, const struct app_error *e);

/** Queue an error; the message is printf-formatted. */
enum MHD_Result
reply_error(struct http_req *r, unsigned status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** JSON content type of every JSON reply. */
#define REPLY_JSON "application/json; charset=utf-8"

/* end of reply.h */
