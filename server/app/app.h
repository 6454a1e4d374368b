/**
 * @file app.h
 * @brief What the CLI and the HTTP server share: exit codes, the error
 *        value both turn into {"error": {...}}, and the one extraction path
 *        (so `liqa extract` prints byte for byte what the API answers).
 *
 * Prefix app_. Strings returned as `char *` are malloc'ed and owned by the
 * caller (free()); json_t arguments are borrowed unless a name ends in _steal.
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>

#include <jansson.h>

#include "config.h"

struct lq_pipeline;
struct lq_worker;
struct lq_request;
struct lq_error;

/**
 * Exit codes of the `liqa` executable:
 *   0 success;
 *   1 runtime error (input unreadable, port in use, ...);
 *   2 usage or configuration error (bad flag, bad config key or value);
 *   3 resources (lexicons, model) failed to load;
 *   4 bad input for `liqa extract` (invalid UTF-8, ...; a JSON error is
 *     printed on stdout, as the API would answer).
 */
enum app_exit {
    APP_EXIT_OK = 0,
    APP_EXIT_RUNTIME = 1,
    APP_EXIT_USAGE = 2,
    APP_EXIT_RESOURCES = 3,
    APP_EXIT_INPUT = 4,
};

/** An error as the API reports it: HTTP status, stable code, message. */
struct app_error {
    unsigned http;     /**< 400, 413, 422, 500, ... */
    const char *code;  /**< static string: "malformed_json", ... */
    char message[320];
};

/**
 * Fill @p e; the message is printf-formatted, then made valid UTF-8 (each
 * byte that does not start a valid sequence becomes U+FFFD; a message too
 * long for e->message is cut between characters, never inside one).
 */
void
app_error_set(struct app_error *e, unsigned http, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/**
 * Copy @p src (@p srclen bytes) into @p dst as valid UTF-8: every byte that
 * does not begin a well-formed sequence (stray continuation bytes, overlong
 * forms, surrogates, code points past U+10FFFF, a sequence cut short, NUL)
 * becomes U+FFFD; the copy stops before a character that does not fit, so
 * it is never cut inside one. @p dst is always NUL-terminated when
 * @p dstlen > 0.
 * @return the bytes written to @p dst, without the NUL
 */
size_t
app_utf8_copy(char *dst, size_t dstlen, const char *src, size_t srclen);

/**
 * The longest prefix of @p s, at most @p max bytes, that does not end
 * inside a UTF-8 sequence (for '%.*s' in messages).
 * @return its length in bytes
 */
int
app_utf8_prefix(const char *s, size_t max);

/** Map a pipeline error (enum lq_status with its message) to an API error. */
void
app_error_from_lq(struct app_error *e, const struct lq_error *err);

/**
 * The body {"error": {"code", "message"[, "request_id"]}} followed by "\n".
 * @param request_id  added inside "error" when not NULL
 * @return a malloc'ed NUL-terminated string (length in @p len), or NULL
 *         when out of memory
 */
char *
app_error_body(const struct app_error *e, const char *request_id, size_t *len);

/**
 * Serialise a response object the one way the service does (compact,
 * insertion order, UTF-8 kept) followed by "\n".
 * @return a malloc'ed string (length in @p len), or NULL when out of memory
 */
char *
app_dump(const json_t *j, size_t *len);

/**
 * Check that @p s is UTF-8; on failure fill @p e (400 invalid_utf8, with the
 * byte offset in the message).
 * @return 0 when valid, -1 when not
 */
int
app_check_utf8(const char *s, size_t len, struct app_error *e);

/**
 * Load the pipeline with the paths and limits of @p cfg.
 * @param err  file and reason on failure
 * @return LQ_OK or a negative enum lq_status
 */
int
app_pipeline_load(const struct cfg *cfg, struct lq_pipeline **out, char *err, size_t errlen);

/**
 * Run one decoded request: check the text length limit, run lq_extract()
 * and serialise the result with app_dump().
 * @param body  on success, the response body (malloc'ed, caller frees)
 * @return 0 on success, -1 with @p e filled
 */
int
app_extract(struct lq_worker *w, const struct cfg *cfg, const struct lq_request *req,
            char **body, size_t *len, struct app_error *e);

/* end of app.h */
