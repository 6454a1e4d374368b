/* The whole pipeline: load resources once, run the stages per request. */
#include "liqa/pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/event.h"
#include "liqa/lexicon.h"
#include "liqa/ner.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"
#include "result_json.h"

#define DEFAULT_ARENA_LIMIT ((size_t)256 << 20)

struct lq_pipeline {
    size_t max_text_bytes;
    size_t arena_limit;
    struct lq_lexicons *lex;
    struct txt_ctx *txt;
    struct ner_model *ner; /* NULL: rules and lexicons only */
    struct tmx_ctx *tmx;
    struct ent_ctx *ent;
    struct evt_ctx *evt;
};

struct lq_worker {
    const struct lq_pipeline *p;
    struct lq_arena *arena;
    struct txt_scratch *txt;
    struct ner_tagger *tagger;
};

int
lq_pipeline_load(const struct lq_pipeline_opts *opts, struct lq_pipeline **out, char *err,
                 size_t errlen)
{
    *out = NULL;
    int rc = LQ_ERR_NOMEM;
    struct lq_pipeline *p = calloc(1, sizeof(*p));
    if (NULL == p) {
        snprintf(err, errlen, "out of memory");
        return rc;
    }
    p->max_text_bytes = opts->max_text_bytes;
    p->arena_limit = opts->arena_limit ? opts->arena_limit : DEFAULT_ARENA_LIMIT;

    rc = lq_lexicons_load(opts->lexicon_dir, &p->lex, err, errlen);
    if (LQ_OK != rc)
        goto fail;
    rc = txt_ctx_new(p->lex->protect, p->lex->known, &p->txt);
    if (LQ_OK != rc) {
        snprintf(err, errlen, "text layer: %s", lq_status_str(rc));
        goto fail;
    }
    if (opts->model_path && opts->model_path[0]) {
        rc = ner_model_load(opts->model_path, p->lex, &p->ner, err, errlen);
        if (LQ_OK != rc)
            goto fail;
    }
    rc = tmx_ctx_new(p->lex, &p->tmx);
    if (LQ_OK != rc) {
        snprintf(err, errlen, "time normalizer: %s", lq_status_str(rc));
        goto fail;
    }
    rc = ent_ctx_new(p->lex, p->ner, &p->ent);
    if (LQ_OK != rc) {
        snprintf(err, errlen, "entity stage: %s", lq_status_str(rc));
        goto fail;
    }
    rc = evt_ctx_new(p->lex, p->tmx, &p->evt);
    if (LQ_OK != rc) {
        snprintf(err, errlen, "event stage: %s", lq_status_str(rc));
        goto fail;
    }
    *out = p;
    return LQ_OK;
fail:
    lq_pipeline_free(p);
    return rc;
}

void
lq_pipeline_free(struct lq_pipeline *p)
{
    if (NULL == p)
        return;
    evt_ctx_free(p->evt);
    ent_ctx_free(p->ent);
    tmx_ctx_free(p->tmx);
    ner_model_free(p->ner);
    txt_ctx_free(p->txt);
    lq_lexicons_free(p->lex);
    free(p);
}

json_t *
lq_pipeline_models(const struct lq_pipeline *p)
{
    json_t *m = json_object();
    if (NULL == m)
        return NULL;
    json_object_set_new(m, "ner", p->ner ? json_string(ner_model_id(p->ner)) : json_null());
    return m;
}

struct lq_worker *
lq_worker_new(const struct lq_pipeline *p)
{
    struct lq_worker *w = calloc(1, sizeof(*w));
    if (NULL == w)
        return NULL;
    w->p = p;
    w->arena = lq_arena_new(p->arena_limit);
    w->txt = txt_scratch_new(p->txt);
    if (p->ner)
        w->tagger = ner_tagger_new(p->ner);
    if (NULL == w->arena || NULL == w->txt || (p->ner && NULL == w->tagger)) {
        lq_worker_free(w);
        return NULL;
    }
    return w;
}

void
lq_worker_free(struct lq_worker *w)
{
    if (NULL == w)
        return;
    ner_tagger_free(w->tagger);
    txt_scratch_free(w->txt);
    lq_arena_free(w->arena);
    free(w);
}

static int
fail_with(struct lq_error *err, int status, const char *message)
{
    err->status = status;
    snprintf(err->message, sizeof(err->message), "%s", message);
    return status;
}

int
lq_request_init(struct lq_request *req, const char *text, size_t len, const char *id,
                const char *published, const char *offsets, struct lq_error *err)
{
    memset(req, 0, sizeof(*req));
    req->text = text;
    req->len = len;
    req->id = id;
    req->unit = TXT_UNIT_CODEPOINT;
    if (offsets) {
        int u = txt_unit_parse(offsets);
        if (u < 0)
            return fail_with(err, LQ_ERR_INVALID,
                             "offsets: must be \"codepoint\", \"utf16\" or \"utf8\"");
        req->unit = (enum txt_unit)u;
    }
    if (published) {
        if (!tmx_parse_published(published, &req->dct))
            return fail_with(err, LQ_ERR_INVALID,
                             "published: not a valid ISO date or RFC 3339 date-time");
        req->published = published;
    }
    return LQ_OK;
}

/* A string member, or NULL when absent or null; -1 when of another type. */
static int
optional_string(const json_t *body, const char *name, const char **out)
{
    const json_t *v = json_object_get(body, name);
    *out = NULL;
    if (NULL == v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *out = json_string_value(v);
    return 1;
}

/* ---- the fast request decoder ------------------------------------------ */

#define FAST_MAX_MEMBERS 16

static int
json_space(unsigned char c)
{
    return ' ' == c || '\t' == c || '\n' == c || '\r' == c;
}

static int
hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

/* A JSON string at s[*i] (the opening quote), decoded into out (NUL added);
 * -1 for anything Jansson would refuse or that this decoder leaves to it
 * (a control character, a bad escape, \u0000, a lone surrogate). */
static int
fast_string(const unsigned char *s, size_t len, size_t *i, char *out, size_t *outlen)
{
    size_t p = *i + 1, o = 0;
    for (;;) {
        if (p >= len)
            return -1;
        unsigned c = s[p];
        if ('"' == c)
            break;
        if (c < 0x20)
            return -1;
        if ('\\' != c) {
            out[o++] = (char)c;
            p++;
            continue;
        }
        if (p + 1 >= len)
            return -1;
        unsigned e = s[p + 1];
        p += 2;
        switch (e) {
        case '"': out[o++] = '"'; continue;
        case '\\': out[o++] = '\\'; continue;
        case '/': out[o++] = '/'; continue;
        case 'b': out[o++] = '\b'; continue;
        case 'f': out[o++] = '\f'; continue;
        case 'n': out[o++] = '\n'; continue;
        case 'r': out[o++] = '\r'; continue;
        case 't': out[o++] = '\t'; continue;
        case 'u': break;
        default: return -1;
        }
        unsigned cp;
        if (p + 4 > len || hex4(s + p, &cp))
            return -1;
        p += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return -1;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo;
            if (p + 6 > len || '\\' != s[p] || 'u' != s[p + 1] || hex4(s + p + 2, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF)
                return -1;
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (0 == cp)
            return -1; /* Jansson refuses \u0000 without JSON_ALLOW_NUL */
        /* every escape is at least as long as the UTF-8 it stands for */
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | (cp >> 6));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (char)(0xE0 | (cp >> 12));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (cp >> 18));
            out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = '\0';
    *outlen = o;
    *i = p + 1;
    return 0;
}

int
lq_request_from_body(const char *buf, size_t len, struct lq_request *req, char **mem,
                     struct lq_error *err)
{
    *mem = NULL;
    const unsigned char *s = (const unsigned char *)buf;
    if (NULL == buf || !txt_utf8_valid(buf, len, NULL))
        return 0;
    /* decoded strings and their NULs fit in len + 1 bytes: each string's
     * two quotes make room for its NUL */
    char *m = malloc(len + 1);
    if (NULL == m)
        return 0;
    struct member {
        const char *key, *val; /* val NULL: null */
        size_t klen, vlen;
    } mb[FAST_MAX_MEMBERS];
    size_t n = 0, i = 0, o = 0;
    while (i < len && json_space(s[i]))
        i++;
    if (i >= len || '{' != s[i])
        goto no;
    i++;
    while (i < len && json_space(s[i]))
        i++;
    if (i < len && '}' == s[i])
        goto no; /* {} is left to Jansson and lq_request_from_json */
    for (;;) {
        if (n == FAST_MAX_MEMBERS || i >= len || '"' != s[i])
            goto no;
        struct member *e = &mb[n];
        e->key = m + o;
        if (fast_string(s, len, &i, m + o, &e->klen))
            goto no;
        o += e->klen + 1;
        while (i < len && json_space(s[i]))
            i++;
        if (i >= len || ':' != s[i])
            goto no;
        i++;
        while (i < len && json_space(s[i]))
            i++;
        if (i < len && '"' == s[i]) {
            e->val = m + o;
            if (fast_string(s, len, &i, m + o, &e->vlen))
                goto no;
            o += e->vlen + 1;
        } else if (i + 4 <= len && 0 == memcmp(s + i, "null", 4)) {
            e->val = NULL;
            e->vlen = 0;
            i += 4;
        } else {
            goto no;
        }
        for (size_t k = 0; k < n; k++)
            if (mb[k].klen == e->klen && 0 == memcmp(mb[k].key, e->key, e->klen))
                goto no; /* a duplicate: Jansson's error */
        n++;
        while (i < len && json_space(s[i]))
            i++;
        if (i >= len)
            goto no;
        if ('}' == s[i]) {
            i++;
            break;
        }
        if (',' != s[i])
            goto no;
        i++;
        while (i < len && json_space(s[i]))
            i++;
    }
    while (i < len && json_space(s[i]))
        i++;
    if (i != len)
        goto no;
    /* what lq_request_from_json() reads of the object */
    const struct member *text = NULL, *id = NULL, *published = NULL, *offsets = NULL;
    for (size_t k = 0; k < n; k++) {
        const struct member *e = &mb[k];
        if (4 == e->klen && 0 == memcmp(e->key, "text", 4))
            text = e;
        else if (2 == e->klen && 0 == memcmp(e->key, "id", 2))
            id = e;
        else if (9 == e->klen && 0 == memcmp(e->key, "published", 9))
            published = e;
        else if (7 == e->klen && 0 == memcmp(e->key, "offsets", 7))
            offsets = e;
    }
    if (NULL == text || NULL == text->val)
        goto no; /* "text: required" and "text: must be a string" come from there */
    *mem = m;
    err->status = LQ_OK;
    err->message[0] = '\0';
    lq_request_init(req, text->val, text->vlen, id ? id->val : NULL,
                    published ? published->val : NULL, offsets ? offsets->val : NULL, err);
    return 1;
no:
    free(m);
    return 0;
}

int
lq_request_from_json(const json_t *body, struct lq_request *req, struct lq_error *err)
{
    memset(req, 0, sizeof(*req));
    if (!json_is_object(body))
        return fail_with(err, LQ_ERR_INVALID, "the request body must be a JSON object");
    const json_t *text = json_object_get(body, "text");
    if (NULL == text)
        return fail_with(err, LQ_ERR_INVALID, "text: required");
    if (!json_is_string(text))
        return fail_with(err, LQ_ERR_INVALID, "text: must be a string");
    const char *id, *published, *offsets;
    if (optional_string(body, "id", &id) < 0)
        return fail_with(err, LQ_ERR_INVALID, "id: must be a string");
    if (optional_string(body, "published", &published) < 0)
        return fail_with(err, LQ_ERR_INVALID, "published: must be a string");
    if (optional_string(body, "offsets", &offsets) < 0)
        return fail_with(err, LQ_ERR_INVALID, "offsets: must be a string");
    return lq_request_init(req, json_string_value(text), json_string_length(text), id, published,
                           offsets, err);
}

/* The stages shared by lq_extract() and lq_extract_dump(): one of @p json
 * and @p dump receives the result. */
static int
run(struct lq_worker *w, const struct lq_request *req, json_t **json, char **dump, size_t *len,
    struct lq_error *err)
{
    const struct lq_pipeline *p = w->p;
    err->status = LQ_OK;
    err->message[0] = '\0';
    if (p->max_text_bytes && req->len > p->max_text_bytes) {
        err->status = LQ_ERR_TOO_LARGE;
        snprintf(err->message, sizeof(err->message), "text: %zu bytes, the limit is %zu",
                 req->len, p->max_text_bytes);
        return err->status;
    }
    lq_arena_reset(w->arena);
    size_t bad = 0;
    struct txt_doc *doc = NULL;
    int rc = txt_analyze(p->txt, w->txt, w->arena, req->text, req->len, &bad, &doc);
    if (LQ_ERR_UTF8 == rc) {
        err->status = rc;
        snprintf(err->message, sizeof(err->message), "text: invalid UTF-8 at byte %zu", bad);
        return rc;
    }
    struct ent_result ents;
    struct evt_result evts;
    if (LQ_OK == rc)
        rc = ent_extract(p->ent, w->tagger, doc, w->arena, &ents);
    if (LQ_OK == rc)
        rc = evt_extract(p->evt, doc, &ents, req->dct.year ? &req->dct : NULL, w->arena, &evts);
    if (LQ_OK == rc) {
        if (json) {
            *json = lq_result_json(req, doc, &ents, &evts);
            if (NULL == *json)
                rc = LQ_ERR_NOMEM;
        } else {
            *dump = lq_result_dump(req, doc, &ents, &evts, len);
            if (NULL == *dump)
                rc = LQ_ERR_NOMEM;
        }
    }
    if (LQ_OK != rc) {
        err->status = rc;
        snprintf(err->message, sizeof(err->message), "%s",
                 LQ_ERR_NOMEM == rc ? "the text needs more memory than one request may use"
                                    : "internal error in the pipeline");
    }
    /* keep a large request's memory from staying with the thread */
    lq_arena_reset(w->arena);
    return rc;
}

int
lq_extract(struct lq_worker *w, const struct lq_request *req, json_t **out, struct lq_error *err)
{
    *out = NULL;
    return run(w, req, out, NULL, NULL, err);
}

int
lq_extract_dump(struct lq_worker *w, const struct lq_request *req, char **out, size_t *len,
                struct lq_error *err)
{
    size_t n = 0;
    *out = NULL;
    int rc = run(w, req, NULL, out, &n, err);
    if (len)
        *len = LQ_OK == rc ? n : 0;
    return rc;
}

/* end of pipeline.c */
