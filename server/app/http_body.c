/* Request body decoding (see http_body.h). */
#include "http_body.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
http_body_init(struct http_body *b, size_t max)
{
    b->buf = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void
http_body_free(struct http_body *b)
{
    free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
}

enum http_body_rc
http_body_append(struct http_body *b, const char *data, size_t n)
{
    if (n > b->max || b->len > b->max - n) {
        http_body_free(b);
        return HTTP_BODY_TOO_LARGE;
    }
    size_t need = b->len + n + 1; /* cannot overflow: len + n <= max < SIZE_MAX */
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < need)
            cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        if (cap > b->max + 1)
            cap = b->max + 1;
        char *grown = realloc(b->buf, cap);
        if (NULL == grown)
            return HTTP_BODY_NOMEM;
        b->buf = grown;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, data, n);
    b->len += n;
    b->buf[b->len] = '\0';
    return HTTP_BODY_OK;
}

static const char *
skip_ows(const char *s)
{
    while (' ' == *s || '\t' == *s)
        s++;
    return s;
}

/* Compare [s, s + n) with a lower-case word, ignoring case. */
static int
token_is(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && 0 == strncasecmp(s, word, n);
}

enum http_ctype
http_content_type(const char *value)
{
    if (NULL == value)
        return HTTP_CT_NONE;
    const char *s = skip_ows(value);
    const char *end = s;
    while (*end && ';' != *end && ' ' != *end && '\t' != *end)
        end++;
    size_t n = (size_t)(end - s);
    enum http_ctype kind = HTTP_CT_OTHER;
    if (token_is(s, n, "application/json"))
        kind = HTTP_CT_JSON;
    else if (token_is(s, n, "text/plain"))
        kind = HTTP_CT_TEXT;
    if (HTTP_CT_OTHER == kind)
        return kind;
    /* parameters: ; name=value or ; name="value" */
    const char *p = skip_ows(end);
    while (';' == *p) {
        p = skip_ows(p + 1);
        const char *name = p;
        while (*p && '=' != *p && ';' != *p && ' ' != *p && '\t' != *p)
            p++;
        size_t nl = (size_t)(p - name);
        p = skip_ows(p);
        const char *val = p;
        size_t vl = 0;
        if ('=' == *p) {
            p = skip_ows(p + 1);
            if ('"' == *p) {
                val = ++p;
                while (*p && '"' != *p)
                    p++;
                vl = (size_t)(p - val);
                if ('"' == *p)
                    p++;
            } else {
                val = p;
                while (*p && ';' != *p && ' ' != *p && '\t' != *p)
                    p++;
                vl = (size_t)(p - val);
            }
        }
        if (token_is(name, nl, "charset") && !token_is(val, vl, "utf-8") &&
            !token_is(val, vl, "utf8"))
            return HTTP_CT_BAD_CHARSET;
        p = skip_ows(p);
        if ('\0' != *p && ';' != *p)
            return HTTP_CT_OTHER; /* garbage after a parameter */
    }
    if ('\0' != *p)
        return HTTP_CT_OTHER;
    return kind;
}

int
http_content_length(const char *value, unsigned long long *out)
{
    if (NULL == value || !isdigit((unsigned char)value[0]))
        return -1;
    errno = 0;
    char *end = NULL;
    unsigned long long n = strtoull(value, &end, 10);
    if (ERANGE == errno || '\0' != *end)
        return -1;
    *out = n;
    return 0;
}

long long
http_json_too_deep(const char *s, size_t len, unsigned max)
{
    unsigned depth = 0;
    int in_string = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (in_string) {
            if ('\\' == c)
                i++; /* the escaped character cannot end the string */
            else if ('"' == c)
                in_string = 0;
            continue;
        }
        switch (c) {
        case '"':
            in_string = 1;
            break;
        case '[':
        case '{':
            if (++depth > max)
                return (long long)i;
            break;
        case ']':
        case '}':
            if (depth > 0)
                depth--;
            break;
        default:
            break;
        }
    }
    return -1;
}

/* end of http_body.c */
