/*
 * libFuzzer harness: the whole pipeline (lq_extract), as the HTTP server
 * and `liqa extract` call it.
 *
 * The first input byte chooses the offset unit and the publication date
 * (none, 2018-01-30 or 2016-02-29); the rest is the text. Checked against
 * the API contract: only the documented error statuses, UTF-8 refused
 * exactly when it is invalid; on success the JSON has its arrays, entity
 * and event fields take only the documented values, every referenced
 * entity id exists, every span lies inside the text in the chosen unit, on
 * code point boundaries, and every `text` equals the slice [start, end).
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

#include "fuzz_common.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lq_pipeline *pipeline;
static struct lq_worker *worker;

static void
release(void)
{
    lq_worker_free(worker);
    lq_pipeline_free(pipeline);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[512] = "";
    struct lq_pipeline_opts o = {
        .lexicon_dir = fz_lexicon_dir(),
        .model_path = fz_model_path(),
        .max_text_bytes = 0,
        .arena_limit = (size_t)256 << 20,
    };
    if (LQ_OK != lq_pipeline_load(&o, &pipeline, err, sizeof(err)))
        FZ_DIE("pipeline (lexicons %s, model \"%s\"): %s", o.lexicon_dir, o.model_path, err);
    worker = lq_worker_new(pipeline);
    if (NULL == worker)
        FZ_DIE("out of memory");
    atexit(release);
    return 0;
}

/* Offsets of every code point boundary in one unit; -1 inside a code point. */
struct units {
    size_t n;       /* text length in the unit */
    int64_t *byte;  /* unit offset → byte offset, or -1 off a boundary */
};

static int
build_units(const char *s, size_t len, enum txt_unit unit, struct units *u)
{
    size_t cap = len + 1;
    u->byte = malloc(cap * sizeof(*u->byte));
    if (NULL == u->byte)
        return -1;
    for (size_t i = 0; i < cap; i++)
        u->byte[i] = -1;
    size_t pos = 0;
    for (size_t b = 0; b < len;) {
        unsigned char c = (unsigned char)s[b];
        size_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        u->byte[pos] = (int64_t)b;
        pos += TXT_UNIT_UTF8 == unit ? w : (TXT_UNIT_UTF16 == unit && 4 == w) ? 2 : 1;
        b += w;
    }
    u->byte[pos] = (int64_t)len;
    u->n = pos;
    return 0;
}

static const char *
str_of(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int
one_of(const char *s, const char *const *set)
{
    for (; s && *set; set++)
        if (0 == strcmp(s, *set))
            return 1;
    return 0;
}

/* A span object {start, end[, text]}; @p need_text: text must be present. */
static void
check_span(const json_t *sp, const char *what, const char *text, const struct units *u,
           int need_text)
{
    FZ_CHECK(json_is_object(sp), "%s is not an object", what);
    const json_t *js = json_object_get(sp, "start"), *je = json_object_get(sp, "end");
    FZ_CHECK(json_is_integer(js) && json_is_integer(je), "%s start/end not integers", what);
    json_int_t a = json_integer_value(js), b = json_integer_value(je);
    FZ_CHECK(a >= 0 && a <= b && (size_t)b <= u->n, "%s [%lld,%lld) outside [0,%zu)", what,
             (long long)a, (long long)b, u->n);
    FZ_CHECK(u->byte[a] >= 0 && u->byte[b] >= 0, "%s [%lld,%lld) cuts a code point", what,
             (long long)a, (long long)b);
    const json_t *jt = json_object_get(sp, "text");
    if (need_text)
        FZ_CHECK(json_is_string(jt), "%s has no text", what);
    if (json_is_string(jt)) {
        size_t bl = (size_t)(u->byte[b] - u->byte[a]);
        FZ_CHECK(json_string_length(jt) == bl
                     && 0 == memcmp(json_string_value(jt), text + u->byte[a], bl),
                 "%s text \"%s\" is not the slice [%lld,%lld) \"%.*s\"", what,
                 json_string_value(jt), (long long)a, (long long)b, (int)bl, text + u->byte[a]);
    }
}

static void
check_result(const json_t *r, const char *text, size_t len, enum txt_unit unit)
{
    static const char *const types[] = {"PERSON", "ORGANIZATION", "LOCATION", NULL};
    static const char *const statuses[] = {"occurred", "planned", "uncertain", "negated",
                                           "habitual", NULL};
    static const char *const roles[] = {"host", "visitor", "participant", "attendee", NULL};
    struct units u;
    if (build_units(text, len, unit, &u))
        return;
    FZ_CHECK(json_is_object(r), "result is not an object");
    FZ_CHECK(0 == strcmp(txt_unit_name(unit), str_of(r, "offsets") ? str_of(r, "offsets") : ""),
             "offsets field \"%s\"", str_of(r, "offsets"));
    const json_t *ents = json_object_get(r, "entities"), *evts = json_object_get(r, "events");
    FZ_CHECK(json_is_array(ents) && json_is_array(evts), "entities/events not arrays");
    size_t i, j;
    const json_t *e, *m;
    json_t *ids = json_object();
    json_array_foreach(ents, i, e) {
        const char *id = str_of(e, "id");
        FZ_CHECK(id && !json_object_get(ids, id), "entity %zu id missing or repeated", i);
        json_object_set_new(ids, id, json_true());
        FZ_CHECK(one_of(str_of(e, "type"), types), "entity %s type \"%s\"", id,
                 str_of(e, "type"));
        FZ_CHECK(str_of(e, "name") && str_of(e, "name")[0], "entity %s has no name", id);
        const json_t *ms = json_object_get(e, "mentions");
        FZ_CHECK(json_is_array(ms) && json_array_size(ms) > 0, "entity %s has no mentions", id);
        json_array_foreach(ms, j, m) check_span(m, "mention", text, &u, 1);
    }
    json_array_foreach(ents, i, e) {
        const json_t *aff = json_object_get(e, "affiliation");
        if (aff && !json_is_null(aff))
            FZ_CHECK(json_is_string(aff) && json_object_get(ids, json_string_value(aff)),
                     "affiliation of %s names no entity", str_of(e, "id"));
        const json_t *ti = json_object_get(e, "title");
        FZ_CHECK(NULL == ti || json_is_null(ti) || json_is_string(ti), "title not a string");
    }
    json_array_foreach(evts, i, e) {
        const char *ty = str_of(e, "type");
        FZ_CHECK(str_of(e, "id") && ty && 0 == strcmp("MEETING", ty), "event %zu type", i);
        FZ_CHECK(one_of(str_of(e, "status"), statuses), "event status \"%s\"",
                 str_of(e, "status"));
        check_span(json_object_get(e, "trigger"), "trigger", text, &u, 1);
        check_span(json_object_get(e, "sentence"), "sentence", text, &u, 0);
        const json_t *ps = json_object_get(e, "participants");
        FZ_CHECK(json_is_array(ps), "participants not an array");
        json_array_foreach(ps, j, m) {
            FZ_CHECK(one_of(str_of(m, "role"), roles), "role \"%s\"", str_of(m, "role"));
            FZ_CHECK(str_of(m, "entity") && json_object_get(ids, str_of(m, "entity")),
                     "participant names no entity");
        }
        const json_t *loc = json_object_get(e, "location");
        FZ_CHECK(loc && (json_is_null(loc) || (str_of(loc, "entity")
                                               && json_object_get(ids, str_of(loc, "entity")))),
                 "location missing or names no entity");
        const json_t *tm = json_object_get(e, "time");
        FZ_CHECK(tm && (json_is_null(tm) || json_is_object(tm)), "time missing");
        if (json_is_object(tm)) {
            check_span(tm, "time", text, &u, 1);
            const json_t *v = json_object_get(tm, "value");
            FZ_CHECK(v && (json_is_null(v) || json_is_string(v)), "time.value missing");
        }
        const json_t *c = json_object_get(e, "confidence");
        FZ_CHECK(NULL == c || (json_is_number(c) && json_number_value(c) >= 0
                               && json_number_value(c) <= 1),
                 "confidence out of [0,1]");
    }
    json_decref(ids);
    /* the reply is serialised exactly like this */
    char *dump = json_dumps(r, LQ_JSON_DUMP_FLAGS);
    FZ_CHECK(dump && txt_utf8_valid(dump, strlen(dump), NULL), "reply is not valid UTF-8");
    free(dump);
    free(u.byte);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const dates[] = {NULL, "2018-01-30", "2016-02-29", "2018-12-31T23:59:59Z"};
    if (0 == size)
        return 0;
    enum txt_unit unit = (enum txt_unit)(data[0] % 3);
    const char *published = dates[(data[0] >> 2) & 3];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    struct lq_request req;
    struct lq_error err;
    int rc = lq_request_init(&req, text, len, "fuzz", published, txt_unit_name(unit), &err);
    FZ_CHECK(LQ_OK == rc, "request refused: %s", err.message);
    json_t *out = NULL;
    rc = lq_extract(worker, &req, &out, &err);
    int valid = txt_utf8_valid(text, len, NULL);
    if (LQ_OK == rc) {
        FZ_CHECK(valid, "invalid UTF-8 accepted");
        FZ_CHECK(NULL != out, "LQ_OK without a result");
        check_result(out, text, len, unit);
        json_decref(out);
    } else {
        FZ_CHECK(NULL == out, "a result with an error");
        FZ_CHECK(LQ_ERR_UTF8 == rc || LQ_ERR_NOMEM == rc, "status %s: %s", lq_status_str(rc),
                 err.message);
        FZ_CHECK(valid == (LQ_ERR_UTF8 != rc), "UTF-8 verdict: valid %d, status %s", valid,
                 lq_status_str(rc));
        FZ_CHECK(err.status == rc && err.message[0], "error without a message");
    }
    return 0;
}

/* end of fuzz_pipeline.c */
