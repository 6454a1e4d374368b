/* The extraction path shared by POST /v1/extract and `liqa extract`. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "liqa/text.h"

/* Length of the well-formed UTF-8 sequence at s[0..n), or 0 when the bytes
 * there are not one (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c >= 0x01 && c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (0xE0 == c)
            lo = 0xA0;
        else if (0xED == c)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (0xF0 == c)
            lo = 0x90;
        else if (0xF4 == c)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (0x80 != (s[i] & 0xC0))
            return 0;
    return len;
}

size_t
app_utf8_copy(char *dst, size_t dstlen, const char *src, size_t srclen)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, k = 0;
    if (0 == dstlen)
        return 0;
    while (i < srclen) {
        size_t n = utf8_seq(s + i, srclen - i);
        const char *from = n ? src + i : fffd;
        size_t w = n ? n : 3;
        if (k + w >= dstlen)
            break;
        memcpy(dst + k, from, w);
        k += w;
        i += n ? n : 1;
    }
    dst[k] = '\0';
    return k;
}

/* @p n reduced so that s[0..n) does not end inside a multi-byte sequence. */
static size_t
trim_cut(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t j = n;
    while (j > 0 && n - j < 3 && 0x80 == (u[j - 1] & 0xC0))
        j--;
    if (j > 0 && u[j - 1] >= 0xC0) {
        size_t need = u[j - 1] >= 0xF0 ? 4 : u[j - 1] >= 0xE0 ? 3 : 2;
        if (n - (j - 1) < need)
            return j - 1;
    }
    return n;
}

int
app_utf8_prefix(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    if (n == max && '\0' != s[n])
        n = trim_cut(s, n);
    return n > INT_MAX ? INT_MAX : (int)n;
}

void
app_error_set(struct app_error *e, unsigned http, const char *code, const char *fmt, ...)
{
    char raw[1024];
    va_list ap;
    e->http = http;
    e->code = code;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof(raw), fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n;
    if (len >= sizeof(raw))
        len = trim_cut(raw, sizeof(raw) - 1); /* cut by vsnprintf */
    app_utf8_copy(e->message, sizeof(e->message), raw, len);
}

void
app_error_from_lq(struct app_error *e, const struct lq_error *err)
{
    const char *msg = err->message[0] ? err->message : lq_status_str(err->status);
    switch (err->status) {
    case LQ_ERR_UTF8:
        app_error_set(e, 400, "invalid_utf8", "%s", msg);
        break;
    case LQ_ERR_INVALID:
        app_error_set(e, 422, "invalid_request", "%s", msg);
        break;
    case LQ_ERR_TOO_LARGE:
        app_error_set(e, 413, "text_too_long", "%s", msg);
        break;
    case LQ_ERR_NOMEM:
        app_error_set(e, 500, "out_of_memory", "%s", msg);
        break;
    default:
        app_error_set(e, 500, "internal_error", "%s", msg);
        break;
    }
}

char *
app_dump(const json_t *j, size_t *len)
{
    /* 15 significant digits: a probability rounded to 0.9 prints as 0.9 */
    char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
    if (NULL == s)
        return NULL;
    size_t n = strlen(s);
    char *out = realloc(s, n + 2);
    if (NULL == out) {
        free(s);
        return NULL;
    }
    out[n] = '\n';
    out[n + 1] = '\0';
    *len = n + 1;
    return out;
}

char *
app_error_body(const struct app_error *e, const char *request_id, size_t *len)
{
    json_t *inner = json_pack("{s:s, s:s}", "code", e->code, "message", e->message);
    json_t *root = NULL;
    char *out = NULL;
    if (NULL == inner)
        return NULL;
    if (request_id && 0 != json_object_set_new(inner, "request_id", json_string(request_id)))
        goto done;
    root = json_pack("{s:O}", "error", inner);
    if (NULL == root)
        goto done;
    out = app_dump(root, len);
done:
    json_decref(root);
    json_decref(inner);
    return out;
}

int
app_check_utf8(const char *s, size_t len, struct app_error *e)
{
    size_t bad = 0;
    if (txt_utf8_valid(s, len, &bad))
        return 0;
    app_error_set(e, 400, "invalid_utf8", "invalid UTF-8 at byte offset %zu", bad);
    return -1;
}

int
app_pipeline_load(const struct cfg *cfg, struct lq_pipeline **out, char *err, size_t errlen)
{
    struct lq_pipeline_opts opts = {
        .lexicon_dir = cfg->lexicon_dir,
        .model_path = cfg->model_path,
        .max_text_bytes = 0, /* the body limit bounds bytes; app_extract() counts characters */
        .arena_limit = cfg->arena_limit_bytes,
    };
    return lq_pipeline_load(&opts, out, err, errlen);
}

static size_t
count_codepoints(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += 0x80 != ((unsigned char)s[i] & 0xC0);
    return n;
}

int
app_extract(struct lq_worker *w, const struct cfg *cfg, const struct lq_request *req,
            char **body, size_t *len, struct app_error *e)
{
    *body = NULL;
    *len = 0;
    size_t chars = count_codepoints(req->text, req->len);
    if (chars > cfg->max_text_chars) {
        app_error_set(e, 413, "text_too_long", "text: %zu characters, the limit is %zu", chars,
                      cfg->max_text_chars);
        return -1;
    }
    struct lq_error err;
    memset(&err, 0, sizeof(err));
    /* the response's bytes straight from the result, as app_dump() of
     * lq_extract()'s object would print them */
    char *out = NULL;
    size_t n = 0;
    int rc = lq_extract_dump(w, req, &out, &n, &err);
    if (LQ_OK != rc) {
        if (LQ_OK == err.status)
            err.status = rc;
        app_error_from_lq(e, &err);
        return -1;
    }
    out[n] = '\n'; /* lq_extract_dump() leaves room for it */
    out[n + 1] = '\0';
    *body = out;
    *len = n + 1;
    return 0;
}

/* end of extract.c */
