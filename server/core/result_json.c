/* struct txt_doc + entities + events → the API's JSON object. */
#include "result_json.h"

#include <math.h>
#include <stdio.h>
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

/* end of result_json.c */
