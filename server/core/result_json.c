/* struct txt_doc + entities + events → the API's JSON object. */
#include "result_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/entity.h"
#include "liqa/event.h"
#include "liqa/pipeline.h"
#include "liqa/text.h"

/* Builders record the first failure in `ok` instead of checking each call. */
struct builder {
    const struct txt_doc *doc;
    enum txt_unit unit;
    int ok;
};

static void
put(struct builder *b, json_t *obj, const char *key, json_t *value)
{
    if (NULL == value || 0 != json_object_set_new(obj, key, value))
        b->ok = 0;
}

static void
append(struct builder *b, json_t *arr, json_t *value)
{
    if (NULL == value || 0 != json_array_append_new(arr, value))
        b->ok = 0;
}

static json_t *
offset(const struct builder *b, uint32_t cp)
{
    return json_integer((json_int_t)txt_offset(b->doc, cp, b->unit));
}

/* The original text of [start, end) as a JSON string. */
static json_t *
slice(const struct builder *b, uint32_t start, uint32_t end)
{
    uint32_t s = b->doc->cp_byte[start], e = b->doc->cp_byte[end];
    return json_stringn(b->doc->text + s, e - s);
}

/* {"start", "end", "text"} of a code point range. */
static json_t *
span(struct builder *b, uint32_t start, uint32_t end)
{
    json_t *o = json_object();
    if (NULL == o) {
        b->ok = 0;
        return NULL;
    }
    put(b, o, "start", offset(b, start));
    put(b, o, "end", offset(b, end));
    put(b, o, "text", slice(b, start, end));
    return o;
}

static json_t *
entity_ref(int32_t index)
{
    char id[16];
    snprintf(id, sizeof(id), "E%d", (int)index + 1);
    return json_string(id);
}

/* Probabilities with two decimals, so the JSON says 0.9 and not 0.899999. */
static json_t *
probability(float p)
{
    double v = round((double)p * 100.0) / 100.0;
    if (v < 0.0)
        v = 0.0;
    if (v > 1.0)
        v = 1.0;
    return json_real(v);
}

static json_t *
entities_json(struct builder *b, const struct ent_result *ents)
{
    json_t *arr = json_array();
    if (NULL == arr) {
        b->ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < ents->nentities && b->ok; i++) {
        const struct ent_entity *e = &ents->entities[i];
        json_t *o = json_object();
        append(b, arr, o);
        if (NULL == o)
            break;
        put(b, o, "id", entity_ref((int32_t)i));
        put(b, o, "type", json_string(ner_type_name(e->type)));
        put(b, o, "name", json_string(e->name));
        json_t *ms = json_array();
        put(b, o, "mentions", ms);
        for (size_t k = 0; ms && k < e->nmentions; k++) {
            const struct ent_mention *m = &ents->mentions[e->mentions[k]];
            append(b, ms, span(b, m->start, m->end));
        }
        if (e->title)
            put(b, o, "title", json_string(e->title));
        if (e->affiliation >= 0 && (size_t)e->affiliation < ents->nentities)
            put(b, o, "affiliation", entity_ref(e->affiliation));
        put(b, o, "confidence", probability(e->confidence));
    }
    return arr;
}

static json_t *
event_json(struct builder *b, const struct evt_event *ev, size_t index, size_t nentities)
{
    json_t *o = json_object();
    if (NULL == o) {
        b->ok = 0;
        return NULL;
    }
    char id[32];
    snprintf(id, sizeof(id), "M%zu", index + 1);
    put(b, o, "id", json_string(id));
    put(b, o, "type", json_string("MEETING"));
    put(b, o, "status", json_string(evt_status_name(ev->status)));
    put(b, o, "trigger", span(b, ev->trig_start, ev->trig_end));
    json_t *parts = json_array();
    put(b, o, "participants", parts);
    for (size_t k = 0; parts && k < ev->nparts; k++) {
        if (ev->parts[k].entity < 0 || (size_t)ev->parts[k].entity >= nentities)
            continue;
        json_t *p = json_object();
        append(b, parts, p);
        if (NULL == p)
            break;
        put(b, p, "entity", entity_ref(ev->parts[k].entity));
        put(b, p, "role", json_string(evt_role_name(ev->parts[k].role)));
    }
    if (ev->location >= 0 && (size_t)ev->location < nentities) {
        json_t *loc = json_object();
        put(b, o, "location", loc);
        if (loc)
            put(b, loc, "entity", entity_ref(ev->location));
    } else {
        put(b, o, "location", json_null());
    }
    if (ev->has_time) {
        json_t *t = span(b, ev->time.start, ev->time.end);
        put(b, o, "time", t);
        if (t)
            put(b, t, "value", ev->has_time_value ? json_string(ev->time_value) : json_null());
    } else {
        put(b, o, "time", json_null());
    }
    json_t *sent = json_object();
    put(b, o, "sentence", sent);
    if (sent) {
        put(b, sent, "start", offset(b, ev->sent_start));
        put(b, sent, "end", offset(b, ev->sent_end));
    }
    put(b, o, "confidence", probability(ev->confidence));
    return o;
}

json_t *
lq_result_json(const struct lq_request *req, const struct txt_doc *doc,
               const struct ent_result *ents, const struct evt_result *evts)
{
    struct builder b = { doc, req->unit, 1 };
    json_t *root = json_object();
    if (NULL == root)
        return NULL;
    put(&b, root, "id", req->id ? json_string(req->id) : json_null());
    put(&b, root, "lang", json_string("ar"));
    put(&b, root, "published", req->published ? json_string(req->published) : json_null());
    put(&b, root, "offsets", json_string(txt_unit_name(req->unit)));
    put(&b, root, "entities", entities_json(&b, ents));
    json_t *events = json_array();
    put(&b, root, "events", events);
    for (size_t i = 0; events && i < evts->nevents && b.ok; i++)
        append(&b, events, event_json(&b, &evts->events[i], i, ents->nentities));
    json_t *sents = json_array();
    put(&b, root, "sentences", sents);
    for (size_t i = 0; sents && i < doc->nsents && b.ok; i++) {
        json_t *s = json_object();
        append(&b, sents, s);
        if (NULL == s)
            break;
        put(&b, s, "start", offset(&b, doc->sents[i].start));
        put(&b, s, "end", offset(&b, doc->sents[i].end));
    }
    if (!b.ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* ---- the same response written directly as bytes ------------------------
 *
 * lq_result_dump() writes what json_dumps(lq_result_json(...)) writes with
 * JSON_COMPACT (Jansson 2.14: members in insertion order, "," and ":"
 * without spaces, strings with \" \\ \b \f \n \r \t escaped and any other
 * code point below U+0020 as \u00XX, everything else as UTF-8, reals by
 * "%.<precision>g" with ".0" added when the result has neither "." nor
 * "e"), without building the object. Every string is checked as Jansson's
 * json_string() checks it (strict UTF-8): where the builder fails, so does
 * the writer. */

struct wbuf {
    char *p;
    size_t len, cap;
    const struct txt_doc *doc;
    enum txt_unit unit;
    int ok;
};

static int
wb_grow(struct wbuf *w, size_t need)
{
    if (!w->ok)
        return 0;
    size_t nc = w->cap ? w->cap : 4096;
    while (nc - w->len < need) {
        if (nc > ((size_t)-1) / 2) {
            w->ok = 0;
            return 0;
        }
        nc *= 2;
    }
    char *np = realloc(w->p, nc);
    if (NULL == np) {
        w->ok = 0;
        return 0;
    }
    w->p = np;
    w->cap = nc;
    return 1;
}

/* Room for @p n more bytes, and 2 spare bytes at the end (see lq_result_dump). */
static inline int
wb_room(struct wbuf *w, size_t n)
{
    if (w->cap - w->len >= n + 2)
        return w->ok;
    return wb_grow(w, n + 2);
}

static inline void
wb_put(struct wbuf *w, const char *s, size_t n)
{
    if (!wb_room(w, n))
        return;
    memcpy(w->p + w->len, s, n);
    w->len += n;
}

#define WB_LIT(w, lit) wb_put((w), (lit), sizeof(lit) - 1)

static void
wb_uint(struct wbuf *w, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    wb_put(w, tmp + i, sizeof(tmp) - i);
}

/* Length of the well-formed UTF-8 sequence at s[0..n), 0 when ill-formed
 * (the rules of Jansson's utf8_check_string and of txt_utf8_valid). */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        return n >= 2 && 0x80 == (s[1] & 0xC0) ? 2 : 0;
    }
    if (c < 0xF0) {
        if (n < 3 || 0x80 != (s[1] & 0xC0) || 0x80 != (s[2] & 0xC0))
            return 0;
        if (0xE0 == c && s[1] < 0xA0)
            return 0; /* overlong */
        if (0xED == c && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || 0x80 != (s[1] & 0xC0) || 0x80 != (s[2] & 0xC0) || 0x80 != (s[3] & 0xC0))
            return 0;
        if (0xF0 == c && s[1] < 0x90)
            return 0; /* overlong */
        if (0xF4 == c && s[1] >= 0x90)
            return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

/* A JSON string of s[0..n), escaped as Jansson escapes it. */
static void
wb_string(struct wbuf *w, const char *str, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)str;
    /* at most 6 bytes per input byte (\u00XX) and the quotes */
    if (NULL == str || n > ((size_t)-1) / 8 || !wb_room(w, n + 2)) {
        w->ok = 0;
        return;
    }
    w->p[w->len++] = '"';
    size_t i = 0;
    while (i < n) {
        /* a run of bytes copied as they are */
        size_t j = i;
        while (j < n) {
            unsigned c = s[j];
            if (c >= 0x80) {
                /* Arabic: a run of two-byte letters (U+0080..U+07FF, which
                 * utf8_seq() accepts by the same test), a few operations
                 * per letter */
                while (j + 1 < n && s[j] >= 0xC2 && s[j] < 0xE0 && 0x80 == (s[j + 1] & 0xC0))
                    j += 2;
                if (j == n || s[j] < 0x80)
                    continue;
                size_t k = utf8_seq(s + j, n - j);
                if (0 == k) {
                    w->ok = 0;
                    return;
                }
                j += k;
            } else if (c < 0x20 || '"' == c || '\\' == c) {
                break;
            } else {
                j++;
            }
        }
        if (j > i) {
            if (!wb_room(w, j - i + 1))
                return;
            memcpy(w->p + w->len, s + i, j - i);
            w->len += j - i;
        }
        if (j == n)
            break;
        unsigned c = s[j];
        char e[6] = { '\\', 0, 0, 0, 0, 0 };
        size_t el = 2;
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
            el = 6;
            break;
        }
        if (!wb_room(w, el + 1))
            return;
        memcpy(w->p + w->len, e, el);
        w->len += el;
        i = j + 1;
    }
    if (wb_room(w, 1))
        w->p[w->len++] = '"';
}

static void
wb_cstring(struct wbuf *w, const char *s)
{
    if (NULL == s) {
        w->ok = 0;
        return;
    }
    wb_string(w, s, strlen(s));
}

static void
wb_offset(struct wbuf *w, uint32_t cp)
{
    wb_uint(w, txt_offset(w->doc, cp, w->unit));
}

static void
wb_entity_ref(struct wbuf *w, int32_t index)
{
    /* "E%d" of index + 1, as entity_ref() prints it */
    int v = (int)index + 1;
    WB_LIT(w, "\"E");
    if (v < 0) {
        WB_LIT(w, "-");
        wb_uint(w, (unsigned long long)(-(long long)v));
    } else {
        wb_uint(w, (unsigned long long)v);
    }
    WB_LIT(w, "\"");
}

/* Jansson's real: "%.15g", then ".0" when it reads as an integer, and the
 * exponent without "+" and leading zeros. */
static void
wb_real(struct wbuf *w, double v)
{
    if (isnan(v) || isinf(v)) {
        w->ok = 0; /* json_real() refuses them */
        return;
    }
    char buf[64];
    int n = snprintf(buf, sizeof(buf), "%.15g", v);
    if (n < 0 || (size_t)n >= sizeof(buf) - 3) {
        w->ok = 0;
        return;
    }
    size_t len = (size_t)n;
    for (size_t i = 0; i < len; i++)
        if (',' == buf[i])
            buf[i] = '.'; /* a locale's decimal comma, as Jansson's from_locale */
    if (NULL == strchr(buf, '.') && NULL == strchr(buf, 'e')) {
        buf[len++] = '.';
        buf[len++] = '0';
        buf[len] = '\0';
    }
    char *ex = strchr(buf, 'e');
    if (ex) {
        char *start = ex + 1, *end = ex + 2;
        if ('-' == *start)
            start++;
        while ('0' == *end)
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - buf) + 1);
            len -= (size_t)(end - start);
        }
    }
    wb_put(w, buf, len);
}

/* probability() and json_real() in one: round(p * 100) / 100 clamped to
 * [0, 1]; r / 100 for an integer r from 0 to 100 prints by "%.15g" as
 * "0", "0.r" or "1" (tests/unit/core checks every r against Jansson). */
static void
wb_probability(struct wbuf *w, float p)
{
    double r = round((double)p * 100.0);
    if (isnan(r) || (0.0 == r && signbit(r))) {
        /* NaN fails as json_real(NaN) does; -0.0 prints as "-0.0" */
        wb_real(w, r / 100.0);
        return;
    }
    int k = r < 0.0 ? 0 : r > 100.0 ? 100 : (int)r;
    char t[4] = { '0', '.', (char)('0' + k / 10), (char)('0' + k % 10) };
    if (0 == k)
        WB_LIT(w, "0.0");
    else if (100 == k)
        WB_LIT(w, "1.0");
    else
        wb_put(w, t, 0 == k % 10 ? 3 : 4);
}

/* {"start":..,"end":..,"text":".." — without the closing brace */
static void
wb_span_open(struct wbuf *w, uint32_t start, uint32_t end)
{
    WB_LIT(w, "{\"start\":");
    wb_offset(w, start);
    WB_LIT(w, ",\"end\":");
    wb_offset(w, end);
    WB_LIT(w, ",\"text\":");
    uint32_t s = w->doc->cp_byte[start], e = w->doc->cp_byte[end];
    if (e < s) {
        w->ok = 0;
        return;
    }
    wb_string(w, w->doc->text + s, e - s);
}

static void
wb_entities(struct wbuf *w, const struct ent_result *ents)
{
    WB_LIT(w, "[");
    for (size_t i = 0; i < ents->nentities && w->ok; i++) {
        const struct ent_entity *e = &ents->entities[i];
        if (i)
            WB_LIT(w, ",");
        WB_LIT(w, "{\"id\":");
        wb_entity_ref(w, (int32_t)i);
        WB_LIT(w, ",\"type\":");
        wb_cstring(w, ner_type_name(e->type));
        WB_LIT(w, ",\"name\":");
        wb_cstring(w, e->name);
        WB_LIT(w, ",\"mentions\":[");
        for (size_t k = 0; k < e->nmentions && w->ok; k++) {
            const struct ent_mention *m = &ents->mentions[e->mentions[k]];
            if (k)
                WB_LIT(w, ",");
            wb_span_open(w, m->start, m->end);
            WB_LIT(w, "}");
        }
        WB_LIT(w, "]");
        if (e->title) {
            WB_LIT(w, ",\"title\":");
            wb_cstring(w, e->title);
        }
        if (e->affiliation >= 0 && (size_t)e->affiliation < ents->nentities) {
            WB_LIT(w, ",\"affiliation\":");
            wb_entity_ref(w, e->affiliation);
        }
        WB_LIT(w, ",\"confidence\":");
        wb_probability(w, e->confidence);
        WB_LIT(w, "}");
    }
    WB_LIT(w, "]");
}

static void
wb_event(struct wbuf *w, const struct evt_event *ev, size_t index, size_t nentities)
{
    WB_LIT(w, "{\"id\":\"M");
    wb_uint(w, (unsigned long long)index + 1);
    WB_LIT(w, "\",\"type\":\"MEETING\",\"status\":");
    wb_cstring(w, evt_status_name(ev->status));
    WB_LIT(w, ",\"trigger\":");
    wb_span_open(w, ev->trig_start, ev->trig_end);
    WB_LIT(w, "},\"participants\":[");
    int first = 1;
    for (size_t k = 0; k < ev->nparts && w->ok; k++) {
        if (ev->parts[k].entity < 0 || (size_t)ev->parts[k].entity >= nentities)
            continue;
        if (!first)
            WB_LIT(w, ",");
        first = 0;
        WB_LIT(w, "{\"entity\":");
        wb_entity_ref(w, ev->parts[k].entity);
        WB_LIT(w, ",\"role\":");
        wb_cstring(w, evt_role_name(ev->parts[k].role));
        WB_LIT(w, "}");
    }
    WB_LIT(w, "],\"location\":");
    if (ev->location >= 0 && (size_t)ev->location < nentities) {
        WB_LIT(w, "{\"entity\":");
        wb_entity_ref(w, ev->location);
        WB_LIT(w, "}");
    } else {
        WB_LIT(w, "null");
    }
    WB_LIT(w, ",\"time\":");
    if (ev->has_time) {
        wb_span_open(w, ev->time.start, ev->time.end);
        WB_LIT(w, ",\"value\":");
        if (ev->has_time_value)
            wb_cstring(w, ev->time_value);
        else
            WB_LIT(w, "null");
        WB_LIT(w, "}");
    } else {
        WB_LIT(w, "null");
    }
    WB_LIT(w, ",\"sentence\":{\"start\":");
    wb_offset(w, ev->sent_start);
    WB_LIT(w, ",\"end\":");
    wb_offset(w, ev->sent_end);
    WB_LIT(w, "},\"confidence\":");
    wb_probability(w, ev->confidence);
    WB_LIT(w, "}");
}

char *
lq_result_dump(const struct lq_request *req, const struct txt_doc *doc,
               const struct ent_result *ents, const struct evt_result *evts, size_t *len)
{
    struct wbuf w = { NULL, 0, 0, doc, req->unit, 1 };
    /* about a third of the text's bytes come back as mention texts */
    if (!wb_grow(&w, 1024 + doc->len / 2))
        return NULL;
    WB_LIT(&w, "{\"id\":");
    if (req->id)
        wb_cstring(&w, req->id);
    else
        WB_LIT(&w, "null");
    WB_LIT(&w, ",\"lang\":\"ar\",\"published\":");
    if (req->published)
        wb_cstring(&w, req->published);
    else
        WB_LIT(&w, "null");
    WB_LIT(&w, ",\"offsets\":");
    wb_cstring(&w, txt_unit_name(req->unit));
    WB_LIT(&w, ",\"entities\":");
    wb_entities(&w, ents);
    WB_LIT(&w, ",\"events\":[");
    for (size_t i = 0; i < evts->nevents && w.ok; i++) {
        if (i)
            WB_LIT(&w, ",");
        wb_event(&w, &evts->events[i], i, ents->nentities);
    }
    WB_LIT(&w, "],\"sentences\":[");
    for (size_t i = 0; i < doc->nsents && w.ok; i++) {
        if (i)
            WB_LIT(&w, ",");
        WB_LIT(&w, "{\"start\":");
        wb_offset(&w, doc->sents[i].start);
        WB_LIT(&w, ",\"end\":");
        wb_offset(&w, doc->sents[i].end);
        WB_LIT(&w, "}");
    }
    WB_LIT(&w, "]}");
    if (!w.ok) {
        free(w.p);
        return NULL;
    }
    w.p[w.len] = '\0';
    if (len)
        *len = w.len;
    return w.p;
}

/* end of result_json.c */
