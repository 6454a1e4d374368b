/* lq_result_dump() against Jansson: for many random results (strings with
 * quotes, backslashes, control characters, NUL, non-BMP characters,
 * ill-formed UTF-8; odd confidences: NaN, infinities, -0, huge; offsets in
 * every unit), the bytes must be those of json_dumps(lq_result_json()) with
 * LQ_JSON_DUMP_FLAGS and with the server's JSON_REAL_PRECISION(15), and
 * both must fail together. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/event.h"
#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "result_json.h"
#include "test.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned nsame_bytes, nsame_fail; /* results compared equal, failures shared */

static uint32_t
rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return n ? (uint32_t)(rng % n) : 0;
}

/* Append one random piece of text to buf (cap bytes). Pieces are mostly
 * well-formed; with @p bad some are not. */
static size_t
piece(char *buf, size_t pos, size_t cap, int bad)
{
    static const char *const pieces[] = {
        "التقى", " ", "الرئيس", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x01",
        "\x1f", "\x7f", "\xF0\x9F\x98\x80", "\xF0\x9D\x94\xB8", "\xEF\xBF\xBF", "\xC2\x80",
        "a", "Z", "0", "9", "،", ".", "\xE2\x80\x8F", "\xEF\xBB\xBF", "\xF4\x8F\xBF\xBF", "<>&'",
        "\u00e9", "\u2028",
    };
    static const char *const broken[] = {
        "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE0\x80\xAF", "\xC3", "\xFF",
    };
    const char *p = bad && 0 == rnd(4) ? broken[rnd(sizeof(broken) / sizeof(*broken))]
                                       : pieces[rnd(sizeof(pieces) / sizeof(*pieces))];
    size_t n = strlen(p);
    if (pos + n + 1 > cap)
        return pos;
    memcpy(buf + pos, p, n);
    return pos + n;
}

static char *
rand_string(struct lq_arena *a, int bad, size_t maxpieces)
{
    char buf[512];
    size_t n = 0, k = rnd((uint32_t)maxpieces + 1);
    for (size_t i = 0; i < k; i++)
        n = piece(buf, n, sizeof(buf), bad);
    buf[n] = '\0';
    char *s = lq_arena_alloc(a, n + 1);
    if (s)
        memcpy(s, buf, n + 1);
    return s;
}

static float
rand_conf(void)
{
    switch (rnd(12)) {
    case 0:
        return NAN;
    case 1:
        return INFINITY;
    case 2:
        return -INFINITY;
    case 3:
        return -0.0f;
    case 4:
        return -0.004f;
    case 5:
        return 1e30f;
    case 6:
        return -3.5f;
    case 7:
        return (float)rnd(101) / 100.0f;
    default:
        return (float)rnd(1000001) / 1000000.0f;
    }
}

/* Compare the writer with Jansson on one result; 1 when they agree. */
static int
same(const struct lq_request *req, const struct txt_doc *doc, const struct ent_result *ents,
     const struct evt_result *evts)
{
    size_t len = 0;
    char *mine = lq_result_dump(req, doc, ents, evts, &len);
    json_t *j = lq_result_json(req, doc, ents, evts);
    int ok = 1;
    const size_t flags[2] = { LQ_JSON_DUMP_FLAGS, JSON_COMPACT | JSON_REAL_PRECISION(15) };
    for (int f = 0; f < 2; f++) {
        char *ref = j ? json_dumps(j, flags[f]) : NULL;
        if ((NULL == ref) != (NULL == mine))
            ok = 0;
        else if (ref && (strlen(ref) != len || 0 != memcmp(ref, mine, len + 1)))
            ok = 0;
        if (!ok) {
            fprintf(stderr, "jansson: %s\nmine:    %s\n", ref ? ref : "(null)",
                    mine ? mine : "(null)");
            free(ref);
            break;
        }
        free(ref);
    }
    if (ok && mine)
        nsame_bytes++;
    else if (ok)
        nsame_fail++;
    json_decref(j);
    free(mine);
    return ok;
}

static void
test_random(void)
{
    struct lq_arena *a = lq_arena_new(0);
    int agree = 1;
    for (int round = 0; round < 3000 && agree; round++) {
        lq_arena_reset(a);
        /* a random, well-formed text (NUL and control characters included) */
        char text[2048];
        size_t tl = 0, k = 1 + rnd(60);
        for (size_t i = 0; i < k; i++)
            tl = piece(text, tl, sizeof(text), 0);
        if (0 == rnd(5) && tl + 1 < sizeof(text))
            text[tl++] = '\0';
        struct txt_doc *doc = NULL;
        size_t bad = 0;
        CHECK_INT(txt_analyze(NULL, NULL, a, text, tl, &bad, &doc), LQ_OK);
        if (NULL == doc)
            break;
        int broken = 0 == rnd(8);
        struct lq_request req;
        memset(&req, 0, sizeof(req));
        req.text = text;
        req.len = tl;
        req.unit = (enum txt_unit)rnd(3);
        req.id = rnd(3) ? rand_string(a, broken, 4) : NULL;
        req.published = rnd(2) ? "2024-05-01" : NULL;

        uint32_t ncp = doc->ncp;
        struct ent_result ents;
        memset(&ents, 0, sizeof(ents));
        ents.nmentions = rnd(8);
        ents.mentions = lq_arena_alloc(a, (ents.nmentions + 1) * sizeof(*ents.mentions));
        for (size_t i = 0; i < ents.nmentions; i++) {
            uint32_t s = rnd(ncp + 1), e = s + rnd(ncp - s + 1);
            memset(&ents.mentions[i], 0, sizeof(ents.mentions[i]));
            ents.mentions[i].start = s;
            ents.mentions[i].end = e;
        }
        ents.nentities = ents.nmentions ? rnd(6) : 0;
        ents.entities = lq_arena_alloc(a, (ents.nentities + 1) * sizeof(*ents.entities));
        for (size_t i = 0; i < ents.nentities; i++) {
            struct ent_entity *e = &ents.entities[i];
            e->type = (enum ner_type)rnd(3);
            e->name = 0 == rnd(40) ? NULL : rand_string(a, broken, 6);
            e->nmentions = rnd(4);
            e->mentions = lq_arena_alloc(a, (e->nmentions + 1) * sizeof(uint32_t));
            for (size_t m = 0; m < e->nmentions; m++)
                e->mentions[m] = rnd((uint32_t)ents.nmentions);
            e->title = rnd(3) ? NULL : rand_string(a, broken, 3);
            e->affiliation = (int32_t)rnd((uint32_t)ents.nentities + 3) - 1;
            e->confidence = rand_conf();
        }
        struct evt_result evts;
        evts.nevents = rnd(4);
        evts.events = lq_arena_alloc(a, (evts.nevents + 1) * sizeof(*evts.events));
        for (size_t i = 0; i < evts.nevents; i++) {
            struct evt_event *ev = &evts.events[i];
            memset(ev, 0, sizeof(*ev));
            ev->trig_start = rnd(ncp + 1);
            ev->trig_end = ev->trig_start + rnd(ncp - ev->trig_start + 1);
            ev->sent_start = rnd(ncp + 1);
            ev->sent_end = rnd(ncp + 1);
            ev->status = (enum evt_status)rnd(5);
            ev->nparts = rnd(4);
            ev->parts = lq_arena_alloc(a, (ev->nparts + 1) * sizeof(*ev->parts));
            for (size_t p = 0; p < ev->nparts; p++) {
                ev->parts[p].entity = (int32_t)rnd((uint32_t)ents.nentities + 3) - 1;
                ev->parts[p].role = (enum evt_role)rnd(4);
            }
            ev->location = (int32_t)rnd((uint32_t)ents.nentities + 3) - 1;
            ev->has_time = (int)rnd(2);
            ev->time.start = rnd(ncp + 1);
            ev->time.end = ev->time.start + rnd(ncp - ev->time.start + 1);
            ev->has_time_value = (int)rnd(2);
            snprintf(ev->time_value, sizeof(ev->time_value), "%s",
                     rnd(4) ? "2024-05-01" : rand_string(a, broken, 2));
            ev->confidence = rand_conf();
        }
        agree = same(&req, doc, &ents, &evts);
        CHECK(agree);
    }
    lq_arena_free(a);
}

/* Every probability the pipeline can give, and the huge and tiny offsets. */
static void
test_probabilities(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    const char *text = "التقى الوزير نظيره";
    CHECK_INT(txt_analyze(NULL, NULL, a, text, strlen(text), &bad, &doc), LQ_OK);
    struct lq_request req;
    memset(&req, 0, sizeof(req));
    req.text = text;
    req.len = strlen(text);
    struct ent_mention m;
    memset(&m, 0, sizeof(m));
    m.start = 6;
    m.end = 12;
    uint32_t idx = 0;
    struct ent_entity e = { NER_PER, "الوزير", &idx, 1, NULL, -1, 0.0f };
    struct ent_result ents;
    memset(&ents, 0, sizeof(ents));
    ents.mentions = &m;
    ents.nmentions = 1;
    ents.entities = &e;
    ents.nentities = 1;
    struct evt_result evts = { NULL, 0 };
    for (int k = -5; k <= 105; k++) {
        e.confidence = (float)k / 100.0f;
        CHECK(same(&req, doc, &ents, &evts));
        e.confidence = (float)k / 100.0f + 0.004f;
        CHECK(same(&req, doc, &ents, &evts));
        e.confidence = (float)k / 100.0f - 0.005f;
        CHECK(same(&req, doc, &ents, &evts));
    }
    lq_arena_free(a);
}

int
main(void)
{
    test_probabilities();
    test_random();
    fprintf(stderr, "%u results the same bytes, %u failed in both\n", nsame_bytes, nsame_fail);
    CHECK(nsame_bytes > 1000 && nsame_fail > 100);
    return test_done();
}

/* end of test_result_dump.c */
