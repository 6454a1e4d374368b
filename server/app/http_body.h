/**
 * @file http_body.h
 * @brief Request body decoding for the HTTP server: a bounded accumulator,
 *        Content-Type and Content-Length checks, and a JSON nesting scan.
 *
 * Prefix http_body_ / http_. struct http_body owns its buffer; free it with
 * http_body_free().
 */
#pragma once

#include <stddef.h>

/** A body being received, never more than @p max bytes. */
struct http_body {
    char *buf;   /**< NUL-terminated after every append */
    size_t len;
    size_t cap;
    size_t max;
};

/** Result of http_body_append(). */
enum http_body_rc {
    HTTP_BODY_OK = 0,
    HTTP_BODY_TOO_LARGE = 1, /**< over max: the buffer is freed */
    HTTP_BODY_NOMEM = -1,
};

void
http_body_init(struct http_body *b, size_t max);

/** Append @p n bytes, keeping buf NUL-terminated. */
enum http_body_rc
http_body_append(struct http_body *b, const char *data, size_t n);

void
http_body_free(struct http_body *b);

/** Media types the extract endpoint takes. */
enum http_ctype {
    HTTP_CT_NONE = 0,   /**< header absent */
    HTTP_CT_JSON,       /**< application/json */
    HTTP_CT_TEXT,       /**< text/plain */
    HTTP_CT_OTHER,      /**< anything else */
    HTTP_CT_BAD_CHARSET /**< json or text with a charset other than UTF-8 */
};

/**
 * Classify a Content-Type header: the media type is matched without regard
 * to case, parameters may follow; a charset parameter must be utf-8 (any
 * case, quoted or not).
 */
enum http_ctype
http_content_type(const char *value);

/**
 * Parse a Content-Length value strictly: digits only, no sign, no blanks.
 * @return 0 and the value in @p out, or -1
 */
int
http_content_length(const char *value, unsigned long long *out);

/**
 * Find where a JSON text nests deeper than @p max arrays/objects, skipping
 * strings (with their escapes). Linear, no allocation; does not validate.
 * @return the byte offset of the bracket that goes too deep, or -1
 */
long long
http_json_too_deep(const char *s, size_t len, unsigned max);

/* end of http_body.h */
