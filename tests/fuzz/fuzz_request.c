/*
 * libFuzzer harness: HTTP request decoding without the socket.
 *
 * The input is a request body. It is decoded the way handler_extract.c
 * decodes POST /v1/extract (app_check_utf8, http_json_too_deep, json_loadb
 * with duplicate keys rejected, lq_request_from_json, app_error_from_lq);
 * the same bytes are also read as a text/plain body whose first two lines
 * are the `published` and `offsets` query parameters (lq_request_init), as
 * a Content-Type and a Content-Length header value (http_content_type,
 * http_content_length), and as a body arriving in chunks (http_body_append).
 * Checked: every accepted request has a calendar-valid publication date, a
 * known offset unit, its text borrowed with its exact length; every refusal
 * has a 4xx status and an error body that app_error_body() can build (a
 * NULL there becomes a 500 "out of memory" for a client's mistake); the
 * nesting scan agrees with the real depth; the accumulator never holds
 * more than its limit.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"

#include "app.h"
#include "http_body.h"

#include "fuzz_common.h"

#define MAX_DEPTH 32 /* max_json_depth of config/liqa.conf */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (2 == m && ((0 == y % 4 && 0 != y % 100) || 0 == y % 400))
        return 29;
    return d[m - 1];
}

static int
digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* What every accepted `published` must look like, and what it must yield. */
static void
check_published(const char *s, const struct tmx_date *d)
{
    size_t n = strlen(s);
    FZ_CHECK(n >= 10, "accepted published \"%s\" is shorter than YYYY-MM-DD", s);
    FZ_CHECK('-' == s[4] && '-' == s[7], "accepted published \"%s\" is not YYYY-MM-DD...", s);
    FZ_CHECK(10 == n || 'T' == s[10] || 't' == s[10] || ' ' == s[10],
             "accepted published \"%s\" has trailing junk after the date", s);
    int y = digits(s, 4), m = digits(s + 5, 2), day = digits(s + 8, 2);
    FZ_CHECK(y >= 1 && m >= 1 && m <= 12 && day >= 1 && day <= days_in_month(y, m),
             "accepted published \"%s\" is not a calendar date", s);
    FZ_CHECK(d->year == y && d->month == m && d->day == day,
             "published \"%s\" parsed as %d-%d-%d", s, d->year, d->month, d->day);
}

static void
check_accepted(const struct lq_request *req, const char *text, size_t len)
{
    FZ_CHECK(req->text == text, "text is not borrowed from the body");
    FZ_CHECK(req->len == len, "text length %zu, expected %zu", req->len, len);
    FZ_CHECK(req->unit == TXT_UNIT_CODEPOINT || req->unit == TXT_UNIT_UTF16
                 || req->unit == TXT_UNIT_UTF8,
             "unit %d", (int)req->unit);
    if (req->published)
        check_published(req->published, &req->dct);
    else
        FZ_CHECK(0 == req->dct.year, "no published but dct year %d", req->dct.year);
}

static void
check_refused(int rc, const struct lq_error *err)
{
    FZ_CHECK(LQ_ERR_INVALID == rc, "refused with status %d", rc);
    FZ_CHECK(err->status == rc, "err->status %d, returned %d", err->status, rc);
    FZ_CHECK(memchr(err->message, '\0', sizeof(err->message)) && err->message[0],
             "empty or unterminated error message");
}

/* An error the client caused must be a 4xx whose body can be built. */
static void
check_app_error(const struct app_error *e, unsigned want)
{
    FZ_CHECK(e->http == want, "status %u, expected %u (%s: %s)", e->http, want, e->code,
             e->message);
    size_t len = 0;
    char *body = app_error_body(e, "0123456789abcdef", &len);
    FZ_CHECK(NULL != body, "app_error_body gave NULL for a %u (a 500 on the wire): \"%s\"",
             e->http, e->message);
    json_error_t jerr;
    json_t *j = json_loadb(body, len, 0, &jerr);
    FZ_CHECK(j && json_is_string(json_object_get(json_object_get(j, "error"), "message")),
             "error body is not {\"error\": {\"message\"}}: %s", body);
    json_decref(j);
    free(body);
}

static int
depth_of(const json_t *j)
{
    int d = 0;
    if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v) {
            int dv = depth_of(v);
            d = dv > d ? dv : d;
        }
        return d + 1;
    }
    if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) {
            int dv = depth_of(v);
            d = dv > d ? dv : d;
        }
        return d + 1;
    }
    return 0;
}

/* handler_extract.c: decode_json(), after app_check_utf8(). */
static void
as_json(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    struct app_error e;
    memset(&e, 0, sizeof(e));
    if (0 != app_check_utf8(buf, size, &e)) {
        check_app_error(&e, 400);
        return;
    }
    long long deep = http_json_too_deep(buf, size, MAX_DEPTH);
    if (deep >= 0) {
        FZ_CHECK((size_t)deep < size && ('[' == buf[deep] || '{' == buf[deep]),
                 "too deep at %lld, which is not a bracket", deep);
        app_error_set(&e, 400, "json_too_deep",
                      "JSON nested deeper than %u levels at byte offset %lld", MAX_DEPTH, deep);
        check_app_error(&e, 400);
        return;
    }
    json_error_t jerr;
    json_t *body = json_loadb(buf, size, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (NULL == body) {
        int dup = json_error_duplicate_key == json_error_code(&jerr);
        app_error_set(&e, 400, dup ? "duplicate_key" : "malformed_json",
                      "%s at line %d, column %d (byte offset %d): %s",
                      dup ? "duplicate key" : "malformed JSON", jerr.line, jerr.column,
                      jerr.position, jerr.text);
        check_app_error(&e, 400);
        return;
    }
    FZ_CHECK(depth_of(body) <= MAX_DEPTH, "depth %d passed the nesting scan (max %d)",
             depth_of(body), MAX_DEPTH);
    struct lq_request req;
    struct lq_error err;
    memset(&err, 0x5a, sizeof(err));
    int rc = lq_request_from_json(body, &req, &err);
    if (LQ_OK == rc) {
        const json_t *t = json_object_get(body, "text");
        FZ_CHECK(json_is_string(t), "accepted a body whose text is not a string");
        check_accepted(&req, json_string_value(t), json_string_length(t));
        const json_t *o = json_object_get(body, "offsets");
        if (json_is_string(o))
            FZ_CHECK(txt_unit_parse(json_string_value(o)) == (int)req.unit,
                     "offsets \"%s\" gave unit %d", json_string_value(o), (int)req.unit);
    } else {
        check_refused(rc, &err);
        app_error_from_lq(&e, &err);
        check_app_error(&e, 422);
    }
    json_decref(body);
}

/* Header values: Content-Type and Content-Length parsing. */
static void
as_headers(const uint8_t *data, size_t size)
{
    char v[256];
    size_t n = 0;
    while (n < size && n < sizeof(v) - 1 && '\n' != data[n] && '\0' != data[n])
        n++;
    memcpy(v, data, n);
    v[n] = '\0';
    enum http_ctype ct = http_content_type(v);
    FZ_CHECK(ct >= HTTP_CT_NONE && ct <= HTTP_CT_BAD_CHARSET, "content type %d", (int)ct);
    if (HTTP_CT_JSON != ct && HTTP_CT_TEXT != ct) {
        /* the 415 the handler then sends, with the header in its message */
        struct app_error e;
        app_error_set(&e, 415, "unsupported_media_type",
                      "Content-Type '%.100s' not supported: send application/json or "
                      "text/plain; charset=utf-8", v);
        check_app_error(&e, 415);
    }
    unsigned long long cl = 0;
    int rc = http_content_length(v, &cl);
    int digits = n > 0 && n <= 19;
    for (size_t i = 0; i < n && digits; i++)
        digits = v[i] >= '0' && v[i] <= '9';
    if (0 == rc) {
        FZ_CHECK(n > 0, "empty Content-Length accepted");
        for (size_t i = 0; i < n; i++)
            FZ_CHECK(v[i] >= '0' && v[i] <= '9', "Content-Length \"%s\" accepted", v);
        FZ_CHECK(cl == strtoull(v, NULL, 10), "Content-Length \"%s\" read as %llu", v, cl);
    } else {
        FZ_CHECK(!digits, "Content-Length \"%s\" refused", v);
    }
}

/* The body accumulator, fed in uneven chunks, with a limit inside the input. */
static void
as_chunks(const uint8_t *data, size_t size)
{
    struct http_body b;
    size_t max = 1024 + (size ? data[0] * 16 : 0);
    http_body_init(&b, max);
    size_t off = 0, k = 1;
    int over = 0;
    while (off < size) {
        size_t n = 1 + (data[off] % 97) * k;
        if (n > size - off)
            n = size - off;
        enum http_body_rc rc = http_body_append(&b, (const char *)data + off, n);
        off += n;
        k = k * 3 % 17 + 1;
        if (HTTP_BODY_TOO_LARGE == rc) {
            FZ_CHECK(off > max, "TOO_LARGE at %zu bytes, limit %zu", off, max);
            over = 1;
            break;
        }
        FZ_CHECK(HTTP_BODY_OK == rc, "append gave %d", (int)rc);
        FZ_CHECK(b.len == off && b.len <= max, "len %zu after %zu bytes", b.len, off);
        FZ_CHECK(b.buf && '\0' == b.buf[b.len] && 0 == memcmp(b.buf, data, b.len),
                 "buffer differs from what was appended");
    }
    FZ_CHECK(over == (size > max), "%zu bytes, limit %zu, over %d", size, max, over);
    http_body_free(&b);
}

/* The text/plain form: line 1 = published, line 2 = offsets, rest = text. */
static void
as_query(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (NULL == copy)
        return;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *published = copy, *offsets = NULL, *text = copy + size;
    char *nl = strchr(copy, '\n');
    if (nl) {
        *nl = '\0';
        offsets = nl + 1;
        char *nl2 = strchr(offsets, '\n');
        if (nl2) {
            *nl2 = '\0';
            text = nl2 + 1;
        }
    }
    size_t tlen = (size_t)(copy + size - text);
    struct lq_request req;
    struct lq_error err;
    int rc = lq_request_init(&req, text, tlen, NULL, published[0] ? published : NULL,
                             (offsets && offsets[0]) ? offsets : NULL, &err);
    if (LQ_OK == rc)
        check_accepted(&req, text, tlen);
    else
        check_refused(rc, &err);
    /* NULL everywhere is the plainest valid request */
    rc = lq_request_init(&req, text, tlen, NULL, NULL, NULL, &err);
    FZ_CHECK(LQ_OK == rc, "a request with only text was refused: %s", err.message);
    free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    as_json(data, size);
    as_query(data, size);
    as_headers(data, size);
    as_chunks(data, size);
    /* the date parser alone, on the whole input as one string */
    char buf[512];
    size_t n = size < sizeof(buf) - 1 ? size : sizeof(buf) - 1;
    memcpy(buf, data, n);
    buf[n] = '\0';
    struct tmx_date d = {-1, -1, -1};
    if (tmx_parse_published(buf, &d))
        check_published(buf, &d);
    return 0;
}

/* end of fuzz_request.c */
