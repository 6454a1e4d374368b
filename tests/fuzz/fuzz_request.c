/*
 * libFuzzer harness: HTTP request decoding without the socket.
 *
 * The input is a request body. It is decoded the way POST /v1/extract
 * decodes application/json (json_loadb with duplicate keys rejected, then
 * lq_request_from_json); the same bytes are also read as a text/plain body
 * whose first two lines are the `published` and `offsets` query parameters
 * (lq_request_init). Every accepted request is checked against the contract:
 * a calendar-valid publication date, a known offset unit, text borrowed
 * with its exact length.
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

#include "fuzz_common.h"

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

static void
as_json(const uint8_t *data, size_t size)
{
    json_error_t jerr;
    json_t *body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
    if (NULL == body)
        return; /* 400 malformed JSON: the app's reply, jansson's parser */
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
    }
    json_decref(body);
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
