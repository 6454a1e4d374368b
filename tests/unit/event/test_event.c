/*
 * Unit tests of the event stage on constructed sentences: status and its
 * scope, argument rules (subject, object, مع, attendees, counterparts,
 * reporter pronouns, organizations through unnamed people), homonyms, place
 * and merging. Entities are given by hand, so only the event rules are
 * tested here. The names and sentences are invented for these tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa-config.h"
#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/event.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "test.h"

static struct lq_lexicons lexs;
static struct lex *known;
static struct txt_ctx *tctx;
static struct txt_scratch *scratch;
static struct evt_ctx *ectx;
static struct evt_ctx *ectx_t; /* with the time normalizer, or NULL */
static struct tmx_ctx *tmx;

/* A hand-made entity: its type and the phrases of the text that mention it. */
struct fake_ent {
    enum ner_type type;
    const char *forms[4];
};

/* Token range of the n-th occurrence of @p phrase in the text, by bytes. */
static int
find_tokens(const struct txt_doc *doc, const char *phrase, int nth, uint32_t *tb, uint32_t *te,
            size_t *from)
{
    const char *p = doc->text + *from;
    const char *hit = NULL;
    for (int i = 0; i <= nth; i++) {
        hit = strstr(p, phrase);
        if (NULL == hit)
            return 0;
        p = hit + 1;
    }
    uint32_t b0 = (uint32_t)(hit - doc->text), b1 = b0 + (uint32_t)strlen(phrase);
    int found = 0;
    for (size_t i = 0; i < doc->ntokens; i++) {
        uint32_t s = doc->cp_byte[doc->tokens[i].body_start];
        uint32_t e = doc->cp_byte[doc->tokens[i].end];
        if (s >= b0 && e <= b1) {
            if (!found)
                *tb = (uint32_t)i;
            *te = (uint32_t)i + 1;
            found = 1;
        }
    }
    *from = (size_t)(hit - doc->text) + 1;
    return found;
}

/* the affiliation of each fake entity, or NULL for none */
static const int32_t *fake_aff;

/* Build an ent_result from fake entities: every occurrence of every form. */
static void
fake_entities(const struct txt_doc *doc, const struct fake_ent *fe, size_t nfe,
              struct lq_arena *a, struct ent_result *er)
{
    memset(er, 0, sizeof(*er));
    er->tok_mention = lq_arena_alloc(a, (doc->ntokens + 1) * sizeof(int32_t));
    for (size_t i = 0; i < doc->ntokens; i++)
        er->tok_mention[i] = -1;
    er->mentions = lq_arena_calloc(a, 64, sizeof(struct ent_mention));
    er->entities = lq_arena_calloc(a, nfe + 1, sizeof(struct ent_entity));
    for (size_t e = 0; e < nfe; e++) {
        er->entities[e].type = fe[e].type;
        er->entities[e].name = fe[e].forms[0];
        er->entities[e].affiliation = fake_aff ? fake_aff[e] : -1;
        for (int f = 0; f < 4 && fe[e].forms[f]; f++) {
            size_t from = 0;
            uint32_t tb, te;
            while (er->nmentions < 64 && find_tokens(doc, fe[e].forms[f], 0, &tb, &te, &from)) {
                if (er->tok_mention[tb] >= 0)
                    continue;
                struct ent_mention *m = &er->mentions[er->nmentions];
                m->tok_begin = tb;
                m->tok_end = te;
                m->start = doc->tokens[tb].body_start;
                m->end = doc->tokens[te - 1].end;
                m->type = fe[e].type;
                m->entity = (int32_t)e;
                m->sentence = doc->tokens[tb].sentence;
                for (uint32_t k = tb; k < te; k++)
                    er->tok_mention[k] = (int32_t)er->nmentions;
                er->nmentions++;
            }
        }
    }
    er->nentities = nfe;
    /* mentions in text order, tok_mention renumbered */
    for (size_t i = 1; i < er->nmentions; i++) {
        struct ent_mention m = er->mentions[i];
        size_t j = i;
        while (j > 0 && er->mentions[j - 1].tok_begin > m.tok_begin) {
            er->mentions[j] = er->mentions[j - 1];
            j--;
        }
        er->mentions[j] = m;
    }
    for (size_t i = 0; i < er->nmentions; i++)
        for (uint32_t k = er->mentions[i].tok_begin; k < er->mentions[i].tok_end; k++)
            er->tok_mention[k] = (int32_t)i;
    /* each entity's mentions, in text order, as the entity stage gives them */
    for (size_t e = 0; e < nfe; e++) {
        er->entities[e].mentions = lq_arena_calloc(a, er->nmentions + 1, sizeof(uint32_t));
        for (size_t i = 0; i < er->nmentions; i++)
            if (er->mentions[i].entity == (int32_t)e)
                er->entities[e].mentions[er->entities[e].nmentions++] = (uint32_t)i;
    }
}

static struct lq_arena *arena;
static struct evt_result res;
static struct ent_result ents;

/* Run the stage on @p text with the entities @p fe; 0 on a setup failure. */
static int
run(const char *text, const struct fake_ent *fe, size_t nfe)
{
    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    if (LQ_OK != txt_analyze(tctx, scratch, arena, text, strlen(text), &bad, &doc))
        return 0;
    fake_entities(doc, fe, nfe, arena, &ents);
    struct tmx_date dct = { 2020, 3, 11 };
    int ok = LQ_OK == evt_extract(ectx, doc, &ents, &dct, arena, &res);
    if (getenv("EVT_DEBUG"))
        for (size_t i = 0; i < res.nevents; i++)
            fprintf(stderr, "  event %zu: %s status %d parts %zu\n", i,
                    txt_slice(doc, arena, res.events[i].trig_start, res.events[i].trig_end),
                    (int)res.events[i].status, res.events[i].nparts);
    return ok;
}

/* Does event @p i have entity @p e with role @p r (r < 0: any role)? */
static int
has_part(size_t i, int32_t e, int r)
{
    if (i >= res.nevents)
        return 0;
    for (size_t k = 0; k < res.events[i].nparts; k++)
        if (res.events[i].parts[k].entity == e && (r < 0 || (int)res.events[i].parts[k].role == r))
            return 1;
    return 0;
}

/* Run @p text with @p fe and check for one event with @p a and @p b among
 * its parties (a failing check names this helper's line, so the text is
 * printed too). */
static void
check_one_with(const char *text, const struct fake_ent *fe, size_t nfe, int32_t a, int32_t b)
{
    CHECK(run(text, fe, nfe));
    CHECK_INT(res.nevents, 1);
    if (res.nevents && !(has_part(0, a, -1) && has_part(0, b, -1)))
        fprintf(stderr, "  parties %d and %d expected in: %s\n", (int)a, (int)b, text);
    if (res.nevents)
        CHECK(has_part(0, a, -1) && has_part(0, b, -1));
}

/* ... and without @p x among its parties */
static void
check_one_without(const char *text, const struct fake_ent *fe, size_t nfe, int32_t a, int32_t b, int32_t x)
{
    check_one_with(text, fe, nfe, a, b);
    if (res.nevents && has_part(0, x, -1))
        fprintf(stderr, "  party %d not expected in: %s\n", (int)x, text);
    CHECK(!has_part(0, x, -1));
}

/* Run @p text with @p fe and check for exactly one event; that event, or
 * NULL when there is none (the failed check says so). */
static const struct evt_event *
only_event(const char *text, const struct fake_ent *fe, size_t nfe)
{
    CHECK(run(text, fe, nfe));
    CHECK_INT(res.nevents, 1);
    return res.nevents ? &res.events[0] : NULL;
}

static const struct fake_ent people[] = {
    { NER_PER, { "سامي نور", "نور" } },
    { NER_PER, { "كريم حداد", "حداد" } },
    { NER_PER, { "ليلى سالم" } },
    { NER_LOC, { "البحيرة" } },
    { NER_LOC, { "الوادي" } },
    { NER_ORG, { "شركة النخيل" } },
};
#define NPEOPLE (sizeof(people) / sizeof(people[0]))
enum { SAMI, KARIM, LAILA, BUHAYRA, WADI, NAKHIL };

/* a speaker right after a meeting, or of "this meeting" in reported
 * speech, took part; a commentator quoting "this meeting" did not */
static void
test_speakers_of_a_meeting(void)
{
    CHECK(run("وقال سامي نور، في تصريح عقب لقاء مع النقابات، إن الوضع مستقر. "
              "وأكد كريم حداد ارتياحه لهذا الاجتماع.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_PARTICIPANT));
    CHECK(has_part(0, KARIM, EVT_PARTICIPANT));
    CHECK(run("وقال سامي نور، في تصريح عقب لقاء مع النقابات، إن الوضع مستقر. "
              "وقالت ليلى سالم إن «هذا الاجتماع لن يغير شيئا».",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_PARTICIPANT));
    CHECK(!has_part(0, LAILA, -1));
}

/* a meeting "with the parties": the speakers after it who belong to a
 * party took part; one who belongs to a company did not, and the run ends
 * at the next meeting */
static void
test_group_speakers(void)
{
    static const struct fake_ent ents_g[] = {
        { NER_PER, { "سامي نور", "نور" } },
        { NER_PER, { "كريم حداد", "حداد" } },
        { NER_PER, { "ليلى سالم" } },
        { NER_ORG, { "حزب الوفاق" } },
        { NER_ORG, { "شركة النخيل" } },
        { NER_PER, { "هدى مراد" } },
        { NER_PER, { "رامي خليل" } },
    };
    static const int32_t aff[] = { -1, 3, 4, -1, -1, 3, -1 };
    fake_aff = aff;
    CHECK(run("عقد الوزير سامي نور أمس لقاء تشاوريا مع الأحزاب السياسية. "
              "وقال كريم حداد، عضو حزب الوفاق، إن الحوار كان صريحا. "
              "وأكدت ليلى سالم، مديرة شركة النخيل، أن السوق مستقرة. "
              "واستقبل سامي نور بعد ذلك رامي خليل. "
              "وقالت هدى مراد، عضو حزب الوفاق، إن الحملة هادئة.",
              ents_g, sizeof(ents_g) / sizeof(ents_g[0])));
    fake_aff = NULL;
    CHECK(res.nevents >= 1);
    CHECK(has_part(0, 0, EVT_PARTICIPANT));
    CHECK(has_part(0, 1, EVT_PARTICIPANT));
    CHECK(!has_part(0, 2, -1));
    CHECK(!has_part(0, 5, -1));
}

/* a bare "the summit" takes the names right after it and those coordinated
 * with them */
static void
test_definite_noun_list(void)
{
    CHECK(run("وكان من المتوقع أن تجمع القمة الرباعية الرئيس سامي نور والرئيس الأسبق كريم حداد.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
}

/* the title words of a person stop at a noun outside any title: in
 * لرئيس الهيئة تحيات الوزيرة Y, رئيس الهيئة is not Y's */
static void
test_title_words_end(void)
{
    CHECK(run("التقى رئيس الهيئة سامي نور كريم حداد. "
              "ونقل كريم حداد لرئيس الهيئة تحيات الوزيرة ليلى سالم. "
              "وقال كريم حداد بعد لقائه برئيس الهيئة إن المحادثات مثمرة.",
              people, NPEOPLE));
    CHECK(res.nevents >= 1);
    for (size_t i = 0; i < res.nevents; i++)
        CHECK(!has_part(i, LAILA, EVT_PARTICIPANT));
}

/* a place after a new verb joined by و (ويفتتح معرضا في X) is not the
 * meeting's */
static void
test_coordinated_verb_place(void)
{
    CHECK(run("البحيرة – يلتقي سامي نور غدا كريم حداد، ويفتتح معرضا للكتاب في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
    /* the subject of the visit before is the subject of the meeting joined
     * to it by و; the names after the verb are its objects */
    CHECK(run("وقال البيان إن سامي نور سيزور البحيرة ويلتقي كريم حداد وليلى سالم.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK(has_part(0, SAMI, -1));
        CHECK(has_part(0, KARIM, -1));
        CHECK(has_part(0, LAILA, -1));
        CHECK_INT(res.events[0].status, EVT_PLANNED);
    }
}

/* an interview with a media outlet is no meeting; a trip still to come is
 * no venue for the meetings of the article */
static void
test_interview_and_future_trip(void)
{
    static const struct fake_ent ents_m[] = {
        { NER_PER, { "سامي نور", "نور" } },
        { NER_ORG, { "صحيفة الوادي" } },
        { NER_PER, { "كريم حداد" } },
        { NER_LOC, { "البحيرة" } },
    };
    CHECK(run("وقال سامي نور، في لقاء مع صحيفة الوادي، إن الوضع مستقر.", ents_m, 4));
    CHECK_INT(res.nevents, 0);
    CHECK(run("والتقى سامي نور أمس كريم حداد. وسيزور البحيرة الأسبوع المقبل.", ents_m, 4));
    CHECK(res.nevents >= 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
}

/* the sides of talks told by verbs of presiding; a welcome at the airport
 * is a meeting of its own beside the talks */
static void
test_sides_and_airport(void)
{
    CHECK(run("عقدت في البحيرة اليوم جلسة المباحثات الرسمية بين البلدين ترأس فيها الأمير سامي نور "
              "الجانب الأول فيما ترأس الرئيس كريم حداد الجانب الثاني.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    CHECK(run("وعقد سامي نور وكريم حداد اليوم جلسة مباحثات في البحيرة. ووصل كريم حداد صباح اليوم، "
              "وكان على رأس مستقبليه على أرض المطار سامي نور.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
}

/* one person who meets two unnamed others in two sentences: two meetings */
static void
test_two_unnamed_others(void)
{
    CHECK(run("التقى سامي نور مع أعضاء الوفد الرسمي أمس. واستقبل سامي نور وفدا من البحيرة.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 2);
}

/* datelines: بغداد/ الوكالة، and the agency first on a line of its own */
static void
test_dateline_forms(void)
{
    CHECK(run("الوادي/ المراسل\nالتقى سامي نور كريم حداد أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    CHECK(run("شركة النخيل - الوادي\nالتقى سامي نور كريم حداد أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
}

/* وقد starts a clause: a مع of the clause before names no party */
static void
test_wa_qad_clause(void)
{
    CHECK(run("وقال سامي نور إنه على تواصل مع شركة النخيل، وقد التقى كريم حداد أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, -1));
    CHECK(!has_part(0, NAKHIL, -1));
}

/* وهو ما نفاه X after the report: negated; الأمر الذي لم يؤكده: uncertain */
static void
test_afterword(void)
{
    static const struct {
        const char *text;
        enum evt_status status;
    } cases[] = {
        { "وذكرت صحف أن سامي نور التقى كريم حداد في البحيرة، وهو ما نفاه مكتبه.", EVT_NEGATED },
        { "وذكرت صحف أن سامي نور التقى كريم حداد في البحيرة، الأمر الذي لم يؤكده مكتبه.",
          EVT_UNCERTAIN },
        { "التقى سامي نور كريم حداد في البحيرة، وهو ما أكده مكتبه.", EVT_OCCURRED },
        /* a word of doubt right after a meeting noun; "not true" before it */
        { "وتحدثت صحف عن لقاء مزعوم جمع سامي نور وكريم حداد في البحيرة.", EVT_UNCERTAIN },
        { "وأكد مكتبه عدم صحة التقارير عن لقاء مزعوم بين سامي نور وكريم حداد.", EVT_NEGATED },
        /* the future verb that governs the noun, a word between them */
        { "وسيلتئم بالمناسبة اجتماع في البحيرة يجمع سامي نور وكريم حداد.", EVT_PLANNED },
        /* استبعد: ruled out; لم يستبعد: not ruled out, the longer cue decides */
        { "استبعد سامي نور عقد قمة مع كريم حداد.", EVT_NEGATED },
        { "لم يستبعد سامي نور عقد قمة مع كريم حداد.", EVT_UNCERTAIN },
        /* ليس من المقرر: not scheduled; مصادر لم تسمها: the لم negates no meeting */
        { "وقال مكتبه إنه ليس من المقرر أن يلتقي سامي نور كريم حداد.", EVT_NEGATED },
        { "وأفادت مصادر لم تسمها أن اجتماع سامي نور بكريم حداد عقد أمس في البحيرة.", EVT_OCCURRED },
        /* the noun's own verb past its parties: future, or قد + imperfective */
        { "وقال مكتبه إن الاجتماع الأول بين سامي نور وكريم حداد سيعقد في البحيرة.", EVT_PLANNED },
        { "وقال مكتبه إن الاجتماع الأول بين سامي نور وكريم حداد قد يعقد في البحيرة.", EVT_UNCERTAIN },
        /* ... or negated (لن تعقد), a quote mark between */
        { "وقال مكتبه إن القمة المرتقبة بين سامي نور وكريم حداد «لن تعقد» قريبا.", EVT_NEGATED },
        /* لم يكن هناك جدوى من: it was not worth it, so it did not happen */
        { "وقال سامي نور إنه لم يكن هناك جدوى من السفر للقاء كريم حداد.", EVT_NEGATED },
        /* نتوقع: we expect it */
        { "وقال المكتب: نتوقع اجتماعا بين سامي نور وكريم حداد في البحيرة.", EVT_PLANNED },
        /* a verb of cancelling right after the meeting noun */
        { "كان من المقرر أن يلتقي سامي نور كريم حداد في البحيرة، لكن الاجتماع ألغي.", EVT_NEGATED },
        /* a future light verb at the head, its subjects before the noun;
         * an imperfective one there may be the present */
        { "وقال المكتب: سيعقد الرئيس سامي نور والوزير كريم حداد محادثات في البحيرة.", EVT_PLANNED },
        { "عقد الرئيس سامي نور والوزير كريم حداد محادثات في البحيرة.", EVT_OCCURRED },
        /* الاستعدادات لـ: preparations for it */
        { "وتتواصل الاستعدادات لعقد اجتماع بين سامي نور وكريم حداد في البحيرة.", EVT_PLANNED },
        /* تناقلت: circulated, not confirmed */
        { "وتناقلت صحف خبرا عن لقاء بين سامي نور وكريم حداد في البحيرة.", EVT_UNCERTAIN },
        /* the meeting a future journey is for */
        { "سيتوجه سامي نور إلى البحيرة يوم الأحد لإجراء محادثات مع كريم حداد.", EVT_PLANNED },
        { "سيزور سامي نور البحيرة يوم الأحد لإجراء محادثات قمة مع كريم حداد.", EVT_PLANNED },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK(run(cases[i].text, people, NPEOPLE));
        CHECK_INT(res.nevents, 1);
        if (res.nevents)
            CHECK_INT(res.events[0].status, cases[i].status);
    }
}

/* ألغى X لقاء مع Y: the one who cancels is a party; a habit borrows no
 * place from the dateline */
static void
test_cancel_and_habit(void)
{
    CHECK(run("ألغى سامي نور لقاء كان مقررا مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_NEGATED);
        CHECK(has_part(0, SAMI, -1));
        CHECK(has_part(0, KARIM, -1));
    }
    CHECK(run("البحيرة – يلتقي سامي نور عادة كريم حداد مرتين في السنة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_HABITUAL);
        CHECK_INT(res.events[0].location, -1);
    }
}

/* words said to someone during a visit (طرحها على Y خلال زيارته) mean a
 * meeting with each of them; a visit with nobody spoken to is no meeting */
static void
test_visit_addressees(void)
{
    CHECK(run("وناقش الأفكار التي كان سامي نور قد طرحها على كريم حداد وشركة النخيل خلال زيارته "
              "إلى البحيرة.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(has_part(0, SAMI, -1) && has_part(1, SAMI, -1));
    CHECK(has_part(0, KARIM, -1) && has_part(1, NAKHIL, -1));
    CHECK(!has_part(0, NAKHIL, -1) && !has_part(1, KARIM, -1));
    for (size_t i = 0; i < res.nevents; i++)
        CHECK_INT(res.events[i].location, BUHAYRA);
    CHECK(run("وقال سامي نور خلال زيارته إلى البحيرة إن الوضع مستقر.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
}

/* ويلتقي X خلال زيارته Y، وZ: the people met during a visit, told as a
 * list after a verb, are met one by one where the visit went; a meeting
 * noun with a list (اجتماعا مع Y وZ) stays one meeting */
static void
test_met_during_visit(void)
{
    CHECK(run("وصل سامي نور أمس في زيارة إلى البحيرة. ويلتقي نور خلال زيارته كريم حداد، "
              "وليلى سالم، ويفتتح معرضا في الوادي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(has_part(0, SAMI, -1) && has_part(1, SAMI, -1));
    CHECK(has_part(0, KARIM, -1) != has_part(1, KARIM, -1));
    CHECK(has_part(0, LAILA, -1) != has_part(1, LAILA, -1));
    for (size_t i = 0; i < res.nevents; i++)
        CHECK_INT(res.events[i].location, BUHAYRA);
    CHECK(run("ووصل سامي نور أمس إلى البحيرة في زيارة تستمر يومين، يلتقي خلالها كريم حداد، وليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(has_part(0, KARIM, -1) != has_part(1, KARIM, -1));
    CHECK(run("وعقد سامي نور خلال زيارته إلى البحيرة اجتماعا مع كريم حداد وليلى سالم.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, -1) && has_part(0, LAILA, -1));
    /* خلال الزيارة: the visit told before, with its place and its time */
    CHECK(run("سيزور سامي نور البحيرة الأسبوع المقبل. وقال نور إنه سيلتقي خلال الزيارة كريم حداد، "
              "وليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(has_part(0, KARIM, -1) != has_part(1, KARIM, -1));
    for (size_t i = 0; i < res.nevents; i++) {
        CHECK_INT(res.events[i].status, EVT_PLANNED);
        CHECK_INT(res.events[i].location, BUHAYRA);
    }
}

/* ...، ويفتتح معرضا في X، ثم يشارك في الاجتماع: a place after a new verb
 * before the trigger's clause belongs to that verb, not to the meeting */
static void
test_place_of_verb_before(void)
{
    CHECK(run("البحيرة – يصل سامي نور غدا، ويفتتح معرضا في الوادي، ثم يشارك في اجتماع مع كريم حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

/* يشارك X في أعمال الدورة ... للجمعية العامة لـY: a session of an organ is
 * a meeting with the body it belongs to, when the article names that body
 * and another party; alone, the organ is the party */
static void
test_session_organizer(void)
{
    static const struct fake_ent ents_o[] = {
        { NER_PER, { "سامي نور" } },
        { NER_ORG, { "الجمعية العامة لمنظمة الواحات", "الجمعية العامة" } },
        { NER_ORG, { "منظمة الواحات" } },
        { NER_ORG, { "مجلس الاتحاد العربي" } },
        { NER_ORG, { "الاتحاد العربي" } },
        { NER_LOC, { "البحيرة" } },
    };
    const size_t n = sizeof(ents_o) / sizeof(ents_o[0]);
    CHECK(run("ويصل سامي نور غدا إلى البحيرة للمشاركة في اجتماعات الجمعية العامة لمنظمة الواحات.",
              ents_o, n));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, 0, -1) && has_part(0, 2, -1) && !has_part(0, 1, -1));
    CHECK(run("وقال الاتحاد العربي إن الوضع مستقر. وشارك سامي نور أمس في اجتماعات مجلس الاتحاد العربي "
              "في البحيرة.",
              ents_o, n));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, 0, -1) && has_part(0, 4, -1) && !has_part(0, 3, -1));
    CHECK(run("وتأسست منظمة الواحات قبل عشرين عاما. ومن المرجح أن تجري المشاورات في البحيرة قبل انعقاد "
              "الجمعية العامة لمنظمة الواحات.",
              ents_o, n));
    for (size_t i = 0; i < res.nevents; i++)
        CHECK(!has_part(i, 2, -1));
}

/* an invitation to visit (دعا X لزيارة Y، دعوة X لزيارة Y) is a meeting still
 * to come of the inviter and the invitee; not a call for something, not an
 * invitation of one party, not a visit of things */
static void
test_invitations(void)
{
    CHECK(run("وقال سامي نور أمس إن دعوة كريم حداد لزيارة البحيرة ما زالت قائمة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1));
        CHECK_INT(res.events[0].location, BUHAYRA);
    }
    CHECK(run("ودعا سامي نور كريم حداد لزيارة البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1));
    }
    /* accepted (حرصه على تلبيتها), and to be held where the inviter is, not
     * at the dateline */
    CHECK(run("البحيرة – رحب كريم حداد بدعوة سامي نور الكريمة، مؤكدا حرصه على تلبيتها.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1));
        CHECK_INT(res.events[0].location, -1);
    }
    CHECK(run("ودعا سامي نور المواطنين إلى المشاركة في الاقتراع.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    CHECK(run("وتلقى كريم حداد دعوة لزيارة البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    CHECK(run("وقال سامي نور إنه وجه دعوة لرجال الأعمال لزيارة المعارض مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
}

/* رئيس X (unnamed) زار ...، لكن من غير الواضح ما إذا كان التقى هو الآخر Y:
 * the pronoun after the verb is its subject, the name after it the object,
 * and an unnamed office heading a body stands for the body */
static void
test_office_and_pronoun_subject(void)
{
    CHECK(run("وزار رئيس شركة النخيل البحيرة أمس، لكن من غير الواضح ما إذا كان التقى هو الآخر كريم "
              "حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_UNCERTAIN);
        CHECK(has_part(0, NAKHIL, -1) && has_part(0, KARIM, -1));
    }
    CHECK(run("وزار رئيس شركة النخيل سامي نور البحيرة أمس، لكن من غير الواضح ما إذا كان التقى هو الآخر "
              "كريم حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1) && !has_part(0, NAKHIL, -1));
}

/* with the lexicons of the service (places and where they lie): a place
 * of another country does not replace a meeting's country when tellings
 * merge; a country gives way to the article's city in that country */
/* The service's own lexicons (every file of config/lexicons, with ICU's
 * places), loaded on first use; NULL when they do not load. */
static struct lq_lexicons *full_lex;
static struct evt_ctx *full_ctx;

static struct evt_ctx *
full_lexicons(void)
{
    if (NULL == full_ctx) {
        const char *src = getenv("LIQA_SOURCE_DIR");
        char dir[1024], err[256];
        snprintf(dir, sizeof(dir), "%s/config/lexicons", src ? src : LIQA_SOURCE_DIR);
        if (LQ_OK != lq_lexicons_load(dir, &full_lex, err, sizeof(err))) {
            fprintf(stderr, "%s\n", err);
            return NULL;
        }
        if (LQ_OK != evt_ctx_new(full_lex, NULL, &full_ctx))
            full_ctx = NULL;
    }
    return full_ctx;
}

/* Switch the stage to the service's own lexicons; 0 when they do not
 * load (the failed check says so). Put *saved back into ectx after. */
static int
with_full_lexicons(struct evt_ctx **saved)
{
    struct evt_ctx *fctx = full_lexicons();
    CHECK(fctx != NULL);
    if (NULL == fctx)
        return 0;
    *saved = ectx;
    ectx = fctx;
    return 1;
}

static void
test_place_containment(void)
{
    struct evt_ctx *fctx = full_lexicons();
    CHECK(fctx != NULL);
    if (NULL == fctx)
        return;
    static const struct fake_ent ents_p[] = {
        { NER_PER, { "سامي نور", "نور" } },
        { NER_PER, { "كريم حداد", "حداد" } },
        { NER_LOC, { "الولايات المتحدة" } },
        { NER_LOC, { "جدة" } },
        { NER_LOC, { "مصر" } },
        { NER_LOC, { "القاهرة" } },
    };
    const size_t n = sizeof(ents_p) / sizeof(ents_p[0]);
    struct evt_ctx *saved = ectx;
    ectx = fctx;
    CHECK(run("وقال سامي نور إنه سيلتقي كريم حداد في الولايات المتحدة الشهر المقبل. وأكد نور أن "
              "مباحثاته مع حداد في جدة ركزت على التجارة.",
              ents_p, n));
    int planned = 0;
    for (size_t i = 0; i < res.nevents; i++)
        if (res.events[i].status == EVT_PLANNED) {
            planned++;
            CHECK_INT(res.events[i].location, 2);
        }
    CHECK_INT(planned, 1);
    CHECK(run("سامي نور يزور القاهرة\nأعلن سامي نور أمس أنه سيتوجه إلى مصر الأسبوع المقبل، حيث سيلتقي "
              "كريم حداد.",
              ents_p, n));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, 5);
    ectx = saved;
}

/* two title phrases that refer back to persons named before, the subject
 * and the object of one verb */
static void
test_two_linked_titles(void)
{
    struct evt_ctx *fctx = full_lexicons();
    CHECK(fctx != NULL);
    if (NULL == fctx)
        return;
    struct evt_ctx *saved = ectx;
    ectx = fctx;
    static const char *const texts[] = {
        "سلم السفير الفرنسي كريم حداد رسالة إلى رئيس المجلس سامي نور. واستقبل رئيس المجلس "
        "السفير الفرنسي في البحيرة اليوم.",
        /* ... and a title, word for word that of a person named before,
         * right before a name first given with another title: the
         * subject, then the object */
        "سلم السفير الفرنسي كريم حداد رسالة إلى رئيس المجلس سامي نور. واستقبل رئيس المجلس "
        "كريم حداد في البحيرة اليوم.",
    };
    for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
        CHECK(run(texts[t], people, NPEOPLE));
        CHECK_INT(res.nevents, 1);
        if (res.nevents)
            CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1));
    }
    /* رئيس شركة X: a title whose genitive is a body is that body's office,
     * not the رئيس named before */
    CHECK(run("استقبل رئيس المجلس سامي نور أمس كريم حداد. وقالت صحف إن ليلى سالم التقت رئيس "
              "شركة الواحة في الوادي.",
              people, NPEOPLE));
    for (size_t i = 0; i < res.nevents; i++)
        if (has_part(i, LAILA, -1))
            CHECK(!has_part(i, SAMI, -1));
    ectx = saved;
}

/* العاهل المغربي after الملك X: a monarch's title (synonyms: العاهل =
 * الملك) and a nationality refer back to the one monarch named; with two
 * monarchs named, to neither */
static void
test_monarch_title(void)
{
    struct evt_ctx *fctx = full_lexicons();
    CHECK(fctx != NULL);
    if (NULL == fctx)
        return;
    static const struct fake_ent ents_k[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_PER, { "فؤاد منصور" } },
        { NER_LOC, { "الرباط" } },
    };
    const size_t n = sizeof(ents_k) / sizeof(ents_k[0]);
    struct evt_ctx *saved = ectx;
    ectx = fctx;
    /* (a royal adjective in another title, رئيس الديوان الملكي, is no monarch) */
    CHECK(run("ووصل الملك سامي نور أمس إلى العاصمة، وفي استقباله رئيس الديوان الملكي فؤاد منصور. والتقى "
              "الرئيس كريم حداد العاهل المغربي في القصر.",
              ents_k, n));
    int with_king = 0;
    for (size_t i = 0; i < res.nevents; i++)
        with_king |= has_part(i, 0, -1) && has_part(i, 1, -1);
    CHECK(with_king);
    /* العاهل المغربي الرئيس الموريتاني X: two titles, two persons */
    CHECK(run("ووصل الملك سامي نور أمس إلى العاصمة. والتقى العاهل المغربي الرئيس الموريتاني كريم حداد "
              "في القصر.",
              ents_k, n));
    with_king = 0;
    for (size_t i = 0; i < res.nevents; i++)
        with_king |= has_part(i, 0, -1) && has_part(i, 1, -1);
    CHECK(with_king);
    /* an invitation from a monarch named by his title */
    CHECK(run("ووصل الملك سامي نور أمس إلى العاصمة. ووجه العاهل المغربي دعوة للرئيس كريم حداد لزيارة "
              "الرباط.",
              ents_k, n));
    with_king = 0;
    for (size_t i = 0; i < res.nevents; i++)
        with_king |= has_part(i, 0, -1) && has_part(i, 1, -1) && res.events[i].status == EVT_PLANNED;
    CHECK(with_king);
    CHECK(run("ووصل الملك سامي نور أمس إلى العاصمة. والتقى الرئيس كريم حداد العاهل المغربي في القصر.",
              ents_k, n));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(has_part(0, 0, -1) && has_part(0, 1, -1));
    CHECK(run("ووصل الملك سامي نور والملك فؤاد منصور أمس إلى العاصمة. والتقى الرئيس كريم حداد العاهل "
              "المغربي في القصر.",
              ents_k, n));
    for (size_t i = 0; i < res.nevents; i++)
        CHECK(!(has_part(i, 1, -1) && (has_part(i, 0, -1) || has_part(i, 2, -1))));
    ectx = saved;
}

/* أهمية لقاء X و Y, a meeting noun with a named genitive and no status of
 * its own, is the meeting told before, still to come */
static void
test_construct_noun(void)
{
    CHECK(run("سيلتقي سامي نور كريم حداد في البحيرة. وأكدت مصادر أهمية لقاء نور وحداد بعد الاتفاق.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_PLANNED);
}

/* من جهة أخرى at the head of a sentence turns to another matter: a meeting
 * told there is not the one before unless with the same parties; the head
 * of a delegation in the meeting (ويرأس وفد X في الاجتماع Y) took part */
static void
test_new_topic_and_delegation(void)
{
    CHECK(run("يلتقي سامي نور غدا كريم حداد في البحيرة. من جهة أخرى، يلتقي نور غدا في البحيرة ليلى "
              "سالم وحداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(run("يلتقي سامي نور غدا كريم حداد في البحيرة. ويلتقي نور غدا في البحيرة ليلى سالم وحداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(run("عقد سامي نور اجتماعا مع كريم حداد في البحيرة. ورأس وفد الشركة في الاجتماع ليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_PARTICIPANT));
}

/* بخصوص الاجتماع، حول الاجتماع: a meeting spoken about is no meeting of its
 * own, and the names around it are none of its parties */
static void
test_topic_reference(void)
{
    CHECK(run("التقى سامي نور كريم حداد في البحيرة أمس. وأرسلت شركة النخيل بيانا إلى ليلى سالم بخصوص "
              "الاجتماع.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    for (size_t i = 0; i < res.nevents; i++)
        CHECK(!has_part(i, LAILA, -1) && !has_part(i, NAKHIL, -1));
}

/* وتلتقي رابطة X هذا العام: a body right after a verb of meeting is its
 * subject, meeting in session; no person of an earlier sentence joins it */
static void
test_body_subject(void)
{
    static const struct fake_ent ents_b[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_ORG, { "مجلس الأمناء" } },
        { NER_LOC, { "البحيرة" } },
    };
    CHECK(run("التقى سامي نور كريم حداد أمس. ويجتمع مجلس الأمناء غدا في البحيرة.", ents_b,
              sizeof(ents_b) / sizeof(ents_b[0])));
    int body = 0;
    for (size_t i = 0; i < res.nevents; i++)
        if (has_part(i, 2, -1)) {
            body++;
            CHECK(!has_part(i, 0, -1) && !has_part(i, 1, -1));
        }
    CHECK_INT(body, 1);
}

/* بمقر غرفة X: the seat of a body named after its town is in that town;
 * places of the meeting's topic (لبحث الأوضاع في X) are no venue */
static void
test_seat_and_topic(void)
{
    static const struct fake_ent ents_s[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_ORG, { "غرفة الوادي" } },
        { NER_LOC, { "الوادي" } },
        { NER_LOC, { "البحيرة" } },
    };
    CHECK(run("استقبل سامي نور أمس كريم حداد بمقر غرفة الوادي. وقال إن الوادي ينمو.", ents_s,
              sizeof(ents_s) / sizeof(ents_s[0])));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, 3);
    CHECK(run("الوادي – التقى سامي نور كريم حداد أمس لبحث إقامة مشروع كبير في البحيرة.", ents_s,
              sizeof(ents_s) / sizeof(ents_s[0])));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, 3);
}

/* a meeting told by a verb with two others, then as "meetings" with them:
 * one meeting with each */
static void
test_several_and_trio(void)
{
    CHECK(run("يلتقي سامي نور غدا كريم حداد وليلى سالم في البحيرة. "
              "وأضافت أن نور سيعقد اجتماعات مع كريم حداد وليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(has_part(0, SAMI, -1) && has_part(1, SAMI, -1));
    CHECK(has_part(0, KARIM, -1) != has_part(1, KARIM, -1));
}


/* وشارك في الاجتماع X: X is a party of the meeting told before; in a
 * reception's ceremony (وشارك في حفل الاستقبال) only an attendee */
static void
test_partake(void)
{
    CHECK(run("عقد سامي نور اجتماعا مع كريم حداد في البحيرة. وشارك في الاجتماع ليلى سالم.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_PARTICIPANT));
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة. وشارك في حفل الاستقبال ليلى سالم.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(!has_part(0, LAILA, EVT_PARTICIPANT));
    /* a body's name between the verb of taking part and في الاجتماع */
    CHECK(run("عقد سامي نور اجتماعا مع كريم حداد في البحيرة. ومثل شركة النخيل في الاجتماع ليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_PARTICIPANT));
    /* the parties of a summit after بمشاركة */
    CHECK(run("وتنطلق غدا أعمال القمة الإقليمية في البحيرة بمشاركة سامي نور وكريم حداد.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_PARTICIPANT));
    CHECK(has_part(0, KARIM, EVT_PARTICIPANT));
    /* a session of a named body, past its number */
    CHECK(run("ويصل سامي نور إلى البحيرة للمشاركة في أعمال الدورة الـ12 لشركة النخيل.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_PARTICIPANT));
    CHECK(has_part(0, NAKHIL, EVT_PARTICIPANT));
}

/* مستشار الرئيس X: the one met is the unnamed adviser, not X; رئيس
 * الوزراء X is one title and X took part */
/* وبحث X مع الوزيرين: the same meeting of X with the two named before */
static void
test_dual_after_with(void)
{
    CHECK(run("التقى سامي نور كريم حداد وليلى سالم في البحيرة. وبحث سامي نور مع الوزيرين سبل "
              "التعاون.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, -1));
    CHECK(has_part(0, LAILA, -1));
}

static void
test_genitive_of_a_title(void)
{
    CHECK(run("التقى سامي نور مستشار الرئيس كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK(res.nevents <= 1);
    CHECK(!has_part(0, KARIM, -1));
    CHECK(run("التقى سامي نور رئيس الوزراء كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    /* past a nationality the name is the envoy's own */
    CHECK(run("التقى سامي نور مبعوث الرئيس الكندي كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, -1));
}

static void
test_occurred_with_place(void)
{
    CHECK(run("التقى الرئيس سامي نور بالوزير كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents < 1)
        return;
    CHECK_INT(res.events[0].status, EVT_OCCURRED);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    CHECK_INT(res.events[0].location, BUHAYRA);
}

/* VSO visit: verb, visitor, place; the meeting during the visit is there,
 * not at the dateline's city */
static void
test_visit_place_after_visitor(void)
{
    CHECK(run("الوادي - زار الوزير سامي نور البحيرة أمس والتقى خلال زيارته كريم حداد.", people,
              NPEOPLE));
    int found = 0;
    for (size_t i = 0; i < res.nevents; i++) {
        if (has_part(i, SAMI, -1) && has_part(i, KARIM, -1)) {
            found = 1;
            CHECK_INT(res.events[i].location, BUHAYRA);
        }
    }
    CHECK(found);
}

static void
test_future_and_planned(void)
{
    CHECK(run("قال مصدر إن سامي نور سيلتقي مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_PLANNED);
    CHECK(run("ومن المقرر أن يعقد سامي نور لقاء مع كريم حداد في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK_INT(res.events[0].location, WADI);
    }
}

static void
test_negation_scope(void)
{
    /* the negation governs its own clause only */
    CHECK(run("قال سامي نور إنه لن يسافر، لكنه التقى كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
    CHECK(run("لم يلتق سامي نور كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_NEGATED);
    CHECK(run("ونفى سامي نور أن يكون التقى كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_NEGATED);
    /* a future marker in another clause does not make the meeting planned */
    CHECK(run("التقى سامي نور كريم حداد، بينما سيسافر وفد إلى الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
}

static void
test_uncertain_habitual(void)
{
    CHECK(run("ومن غير الواضح ما إذا كان سامي نور قد التقى كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_UNCERTAIN);
    CHECK(run("وقال سامي نور: \"نجتمع بشكل دوري مع كريم حداد\".", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_HABITUAL);
        CHECK(has_part(0, SAMI, -1));
        CHECK(has_part(0, KARIM, -1));
    }
}

/* برفقة X، مرفوقا بـX: attendees; a comma with no و after the list
 * closes it, and the name after it is a party again */
static void
test_accompanied(void)
{
    CHECK(run("استقبل سامي نور، برفقة ليلى سالم، الوزير كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    CHECK(run("استقبل سامي نور، مرفوقا بليلى سالم، الوزير كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    CHECK(run("استقبل سامي نور الوزير كريم حداد بمرافقة ليلى سالم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
    /* between a light verb and its meeting noun */
    CHECK(run("وعقد سامي نور، وكريم حداد، بحضور ليلى سالم، جلسة مباحثات رسمية.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_PARTICIPANT));
    CHECK(has_part(0, KARIM, EVT_PARTICIPANT));
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
}

/* وصل X ...، حيث استقبله Y: the name after the verb is the subject, the
 * pronoun stands for X (not for someone of the sentence before) */
static void
test_object_pronoun_after_arrival(void)
{
    CHECK(run("وقالت ليلى سالم إن التعاون مهم. ووصل سامي نور إلى البحيرة مساء أمس، حيث استقبله كريم حداد.",
              people, NPEOPLE));
    size_t k = res.nevents;
    for (size_t i = 0; i < res.nevents; i++)
        if (has_part(i, KARIM, -1))
            k = i;
    CHECK(k < res.nevents);
    CHECK(has_part(k, KARIM, EVT_HOST));
    CHECK(has_part(k, SAMI, EVT_VISITOR));
    CHECK(!has_part(k, LAILA, -1));
}

/* التقى X و Y في قمة Z: the summit of a body is the venue of the meeting
 * of the persons, no meeting of the body's own */
static void
test_summit_as_venue(void)
{
    check_one_without("وكان الرئيسان، سامي نور وكريم حداد، قد التقيا مرتين، في قمة شركة النخيل بالبحيرة.",
                      people, NPEOPLE, SAMI, KARIM, NAKHIL);
    /* ... nor a party of the persons' meeting */
    check_one_without("والتقى سامي نور وكريم حداد في قمة شركة النخيل بالبحيرة أمس.",
                      people, NPEOPLE, SAMI, KARIM, NAKHIL);
}

/* توجه X إلى P لإجراء مباحثات مع Y: the traveller is a party of the
 * meeting his journey is for; one he travels for is not */
static void
test_journey_purpose(void)
{
    check_one_with("توجه سامي نور إلى البحيرة لإجراء مباحثات مع كريم حداد.", people, NPEOPLE, SAMI, KARIM);
    check_one_with("وصل سامي نور إلى البحيرة للاجتماع مع كريم حداد.", people, NPEOPLE, SAMI, KARIM);
    check_one_without("وقال المكتب إن سامي نور سافر نيابة عن ليلى سالم إلى البحيرة للاجتماع مع كريم حداد.",
                      people, NPEOPLE, SAMI, KARIM, LAILA);
}

/* بالقاعة الشرفية لمطار X: the hall of a place, with ل after its
 * adjective, is a venue */
static void
test_hall_of_place(void)
{
    static const struct fake_ent ents_h[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_LOC, { "مطار البحيرة" } },
    };
    CHECK(run("واستقبل سامي نور كريم حداد بالقاعة الشرفية لمطار البحيرة.", ents_h, 3));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, 2);
}

/* ورافق X، Y: a sentence of companions after a meeting names its
 * attendees; not when it tells a meeting of its own */
static void
test_companions(void)
{
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة اليوم. ورافق حداد، مستشاره ليلى سالم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_HOST));
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة اليوم. وقالت ليلى سالم إن الزيارة مهمة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(!has_part(0, LAILA, -1));
}

/* أكد X أن الرئيسين سيلتقيان: the dual noun is the subject (the two
 * parties named before), the speaker no party */
static void
test_dual_subject_after_speaker(void)
{
    CHECK(run("ألغى سامي نور زيارته إلى البحيرة لإجراء محادثات مع كريم حداد. لكن ليلى سالم أكدت أن "
              "الرئيسين سيلتقيان في الوادي.",
              people, NPEOPLE));
    size_t k = res.nevents;
    for (size_t i = 0; i < res.nevents; i++)
        if (res.events[i].status == EVT_PLANNED)
            k = i;
    CHECK(k < res.nevents);
    CHECK(has_part(k, SAMI, -1));
    CHECK(has_part(k, KARIM, -1));
    CHECK(!has_part(k, LAILA, -1));
}

/* X المستشار للأمين العام لـY Z: the person whose office is served is no
 * party */
static void
test_served_office(void)
{
    check_one_without("التقى سامي نور كريم حداد المستشار السياسي للأمين العام لشركة النخيل ليلى سالم.",
                      people, NPEOPLE, SAMI, KARIM, LAILA);
    /* with no one before the title, the name after it holds it */
    static const struct fake_ent ents_d[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_PER, { "ليلى سالم" } },
        { NER_ORG, { "المجلس" } },
    };
    CHECK(run("بحث سامي نور مع كريم حداد الأوضاع في البحيرة، وشارك في اللقاء النائب الأول لرئيس المجلس "
              "ليلى سالم.",
              ents_d, 4));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, 2, -1));
}

/* لقاء جديد بينه وبين Y: the pronoun is the person of the clause */
static void
test_between_pronoun(void)
{
    CHECK(run("وقال سامي نور إنه يأمل في لقاء جديد بينه وبين كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_UNCERTAIN);
    CHECK(run("وأعرب سامي نور عن أمله في لقاء يجمعه بكريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_UNCERTAIN);
}

/* the subject of a relative clause on the topic is no party; the head of
 * a delegation met (الوفد الذي يرأسه Y) is one */
static void
test_relative_subject(void)
{
    check_one_without("بحث سامي نور مع كريم حداد القرار الأخير الذي أصدره الرئيس ليلى سالم.",
                      people, NPEOPLE, SAMI, KARIM, LAILA);
    CHECK(run("التقى سامي نور اليوم الوفد الذي يرأسه كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, -1));
}

/* تسلم منه رسالة أرسلها X لـY: the sender and the one the letter is for
 * are no parties */
static void
test_letter_sender_and_recipient(void)
{
    static const struct fake_ent ents_l[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_PER, { "فهد الراشد" } },
        { NER_PER, { "ليلى سالم" } },
    };
    check_one_without("استقبل سامي نور في مكتبه كريم حداد، وتسلم منه رسالة خطية أرسلها الأمير فهد الراشد، "
                      "للملك ليلى سالم.",
                      ents_l, 4, 0, 1, 2);
    CHECK(!has_part(0, 3, -1));
}

/* لم يعقد أي لقاءات ... ثم نفى لقاءه بـY: one denied matter told twice */
static void
test_denied_plural(void)
{
    CHECK(run("وأكد مكتبه أن سامي نور لم يعقد أي لقاءات مع مسؤولين في البحيرة. وقال البيان إن سامي نور "
              "ينفي الأنباء عن لقائه بكريم حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_NEGATED);
}

/* وزير الداخلية بدولة X: the state of an office is no venue */
static void
test_state_of_office(void)
{
    CHECK(run("عقد سامي نور وزير الداخلية بدولة البحيرة جلسة مباحثات مع كريم حداد، وذلك في الوادي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    CHECK(run("وعقد كريم حداد جلسة مباحثات مع سامي نور وزير الداخلية بدولة البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
    CHECK(run("وعقد كريم حداد جلسة مباحثات مع سامي نور بدولة البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

static void
test_roles_and_attendees(void)
{
    CHECK(run("استقبل الرئيس سامي نور الوزير كريم حداد بحضور ليلى سالم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_HOST));
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
    /* an office the article does not name receives: the name after it is the visitor */
    CHECK(run("استقبل المحافظ في مكتبه كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    /* وخلال استقباله ...، أكد X: the possessor is the speaker after it */
    CHECK(run("وخلال استقباله في مكتبه، أكد سامي نور لليلى سالم أهمية التعاون.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_HOST));
    CHECK(has_part(0, LAILA, EVT_VISITOR));
    /* لدى استقباله X: the possessor hosts */
    CHECK(run("وأكد سامي نور لدى استقباله كريم حداد في البحيرة أهمية التعاون.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_HOST));
    CHECK(has_part(0, KARIM, EVT_VISITOR));
    /* وكان في استقباله X، وكان على رأس مستقبليه X: X hosts the one who came */
    CHECK(run("ووصل سامي نور إلى البحيرة أمس، وكان في استقباله كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_VISITOR));
    CHECK(has_part(0, KARIM, EVT_HOST));
    CHECK(run("ووصل سامي نور إلى البحيرة أمس، وكان على رأس مستقبليه كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, EVT_VISITOR));
    CHECK(has_part(0, KARIM, EVT_HOST));
}

static void
test_reporter_pronoun(void)
{
    CHECK(run("وقال سامي نور إنه التقى كريم حداد أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
}

static void
test_dropped_subject(void)
{
    CHECK(run("وصل سامي نور إلى البحيرة. والتقى خلال الزيارة بالوزير كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    /* an office the article does not name is the subject: nobody else */
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة. وأجرى وزير الداخلية محادثات مع ليلى سالم.",
              people, NPEOPLE));
    for (size_t i = 0; i < res.nevents; i++)
        if (has_part(i, LAILA, -1))
            CHECK(!has_part(i, SAMI, -1));
}

static void
test_organization_through_people(void)
{
    CHECK(run("التقى سامي نور وفدا من شركة النخيل.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, NAKHIL, -1));
    /* a body as the subject of the light verb of a meeting noun */
    CHECK(run("وكانت شركة النخيل قد عقدت اجتماعا مع كريم حداد في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, NAKHIL, -1));
    CHECK(has_part(0, KARIM, -1));
}

static void
test_homonyms(void)
{
    CHECK(run("أجرى سامي نور اتصالا هاتفيا مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    CHECK(run("بحث سامي نور في اتصال هاتفي مع كريم حداد العلاقات.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* a reception of things (تستقبل المساعدات), and a person's unnamed
     * people (ممثلون لـX) */
    CHECK(run("وقال سامي نور إن البحيرة أصبحت تستقبل بشكل طبيعي المساعدات القادمة من كريم حداد.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 0);
    CHECK(run("وقال إن ممثلين عن كريم حداد يجرون محادثات مع دبلوماسيين من البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* the call said after the parties' names and titles, after في */
    CHECK(run("بحث رئيس الوزراء سامي نور، مع رئيس الوزراء الأسبق الوزير كريم حداد، في اتصال هاتفي، "
              "العلاقات.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    CHECK(run("وفاز فريق سامي نور في لقاء الدوري على فريق كريم حداد بهدف.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* talks held by video, the means said at the end of the clause */
    CHECK(run("وأجرى سامي نور محادثات مع الوزير كريم حداد رئيس لجنة الطاقة في البرلمان عبر "
              "الاتصال المرئي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* a fixture told with a verb of meeting, between teams */
    CHECK(run("ويلتقي فريق البحيرة نظيره الوادي مساء الخميس في مباريات الدوري.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* but people who meet about the league do meet */
    CHECK(run("والتقى سامي نور كريم حداد لبحث مباريات الدوري.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
}

static void
test_merge_and_split(void)
{
    CHECK(run("التقى سامي نور كريم حداد في البحيرة. وتناول اللقاء العلاقات بين البلدين.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(run("التقى سامي نور كريم حداد في البحيرة. ثم التقى سامي نور ليلى سالم في الوادي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة. وجرى خلال اللقاء بحث التعاون بين "
              "سامي نور وكريم حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
}

static void
test_between(void)
{
    CHECK(run("عقد لقاء بين سامي نور وكريم حداد في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, SAMI, -1));
    CHECK(has_part(0, KARIM, -1));
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
}

static void
test_dual_anaphor(void)
{
    /* الرئيسان names the two parties of the meeting before; a new status
     * makes a new meeting */
    CHECK(run("التقى سامي نور كريم حداد أمس في البحيرة. وسيعقد الرئيسان لقاء ثانيا الأسبوع "
              "المقبل.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2) {
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
        CHECK_INT(res.events[1].status, EVT_PLANNED);
        CHECK(has_part(1, SAMI, -1));
        CHECK(has_part(1, KARIM, -1));
    }
    /* ... told again in the present tense with no time of its own: the two
     * are still at the meeting that took place, one meeting */
    CHECK(run("استقبل سامي نور اليوم كريم حداد في البحيرة. ويعقد الرئيسان جلسة مباحثات "
              "تتناول التعاون.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents == 1)
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
    CHECK(run("استقبل سامي نور اليوم كريم حداد في البحيرة، حيث يعقد الرئيسان جلسة مباحثات.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents == 1)
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
}

static void
test_relative_clause(void)
{
    /* a visit in a relative clause lends its place, it is no meeting itself */
    CHECK(run("التقى سامي نور كريم حداد الذي يزور البحيرة حاليا.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
        CHECK_INT(res.events[0].location, BUHAYRA);
    }
}

/* a visit called the last one (زيارته الأخيرة) lends no place: it is not
 * the trip the meeting was held on */
static void
test_past_visit(void)
{
    CHECK(run("التقى سامي نور اليوم كريم حداد الذي أطلعه على نتائج زيارته الأخيرة إلى الوادي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
    CHECK(run("التقى سامي نور اليوم كريم حداد خلال زيارته إلى الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    CHECK(run("التقى سامي نور كريم حداد خلال زيارته الأخيرة إلى الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    /* the article's one venue is that of a summit still to come: a meeting
     * that took place borrows no place from it */
    CHECK(run("وجه سامي نور دعوة إلى كريم حداد لحضور قمة مرتقبة في الوادي مطلع يونيو. واستقبل "
              "سامي نور اليوم ليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK_INT(res.events[0].location, WADI);
        CHECK_INT(res.events[1].status, EVT_OCCURRED);
        CHECK_INT(res.events[1].location, -1);
    }
}

/* بحث X و Y: two persons joined by و after a verb of discussing discuss
 * together; with one person it is no meeting */
static void
test_joint_discussion(void)
{
    check_one_with("بحث سامي نور ووزير الخارجية كريم حداد الأوضاع في البحيرة أمس.", people, NPEOPLE,
                   SAMI, KARIM);
    CHECK(run("بحث سامي نور الأوضاع في البحيرة أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
}

/* وكان في استقبال معاليه X: an honorific with a pronoun after a meeting
 * noun is its possessor, the person named before */
static void
test_honorific_possessor(void)
{
    check_one_with("وصل سامي نور أمس إلى البحيرة. وكان في استقبال معاليه لدى وصوله كريم حداد.", people,
                   NPEOPLE, SAMI, KARIM);
}

/* عقد X اجتماعات مع كل من وزارة Y، ووزارة Z: bodies after مع كل من, and
 * after a comma and و, are parties (one meeting with each) */
static void
test_bodies_after_with_each(void)
{
    static const struct fake_ent ents_b[] = {
        { NER_PER, { "سامي نور" } },
        { NER_ORG, { "وزارة المالية" } },
        { NER_ORG, { "وزارة التخطيط" } },
    };
    CHECK(run("وعقد سامي نور اجتماعات مع كل من وزارة المالية، ووزارة التخطيط.", ents_b,
              sizeof(ents_b) / sizeof(ents_b[0])));
    CHECK_INT(res.nevents, 2);
    for (size_t i = 0; i < res.nevents; i++)
        CHECK(has_part(i, 0, -1));
    CHECK((has_part(0, 1, -1) && has_part(1, 2, -1)) || (has_part(0, 2, -1) && has_part(1, 1, -1)));
    /* (a colon after كل من opens the list) */
    CHECK(run("وعقد سامي نور اجتماعات مع كل من: وزارة المالية، ووزارة التخطيط.", ents_b,
              sizeof(ents_b) / sizeof(ents_b[0])));
    CHECK_INT(res.nevents, 2);
}

/* كشف X عن تأجيل اللقاء بين Y و Z، نفى X عقد لقاء بين Y و Z: the one who
 * tells of it is no party when بين names them */
static void
test_between_after_report(void)
{
    check_one_without("وكشفت ليلى سالم عن تأجيل اللقاء بين سامي نور وكريم حداد.", people, NPEOPLE, SAMI,
                      KARIM, LAILA);
    check_one_without("ونفت ليلى سالم عقد لقاء بين سامي نور وكريم حداد.", people, NPEOPLE, SAMI, KARIM, LAILA);
}

/* سيصل X إلى Y لإجراء مباحثات مع Z: the traveller is a party; a trip to
 * come lends its place to a later meeting only when the traveller leads it */
static void
test_future_arrival_purpose(void)
{
    check_one_with("وسيصل سامي نور إلى البحيرة غدا لإجراء مباحثات مع كريم حداد.", people, NPEOPLE, SAMI,
                   KARIM);
    const struct evt_event *ev =
        only_event("وسيصل سامي نور إلى البحيرة الشهر المقبل. ويعقد كريم حداد لقاء مع ليلى سالم وسامي نور.",
                   people, NPEOPLE);
    if (ev)
        CHECK(ev->location != BUHAYRA);
    ev = only_event("وسيصل سامي نور إلى البحيرة الشهر المقبل. ويعقد سامي نور لقاء مع ليلى سالم.", people,
                    NPEOPLE);
    if (ev)
        CHECK_INT(ev->location, BUHAYRA);
}

/* وفي البحيرة، استقبل X Y: a place fronted with وفي, which the text layer
 * keeps whole, is the venue */
static void
test_fronted_place(void)
{
    const struct evt_event *ev = only_event("وفي البحيرة، استقبل سامي نور كريم حداد.", people, NPEOPLE);
    if (ev)
        CHECK_INT(ev->location, BUHAYRA);
}

/* قنصل الوادي في البحيرة: the post of an office held in a place is no
 * venue; the place after another office's complement is */
static void
test_title_post(void)
{
    const struct evt_event *ev = only_event("استقبل سامي نور كريم حداد قنصل الوادي في البحيرة.", people, NPEOPLE);
    if (ev)
        CHECK_INT(ev->location, -1);
    ev = only_event("استقبل سامي نور كريم حداد رئيس شركة النخيل في البحيرة.", people, NPEOPLE);
    if (ev)
        CHECK_INT(ev->location, BUHAYRA);
}

/* التقى X كلا من Y1، وY2 ...: a list of names with their titles longer than
 * the window of a trigger; also a word of a name the entities left out */
static void
test_long_list(void)
{
    static const struct fake_ent ents_l[] = {
        { NER_PER, { "سامي نور" } },     { NER_PER, { "كريم حداد" } }, { NER_PER, { "ليلى سالم" } },
        { NER_PER, { "هدى مراد" } },     { NER_PER, { "رامي خليل" } }, { NER_PER, { "نادر عيسى" } },
        { NER_PER, { "وليد الشامي" } }, { NER_PER, { "ماجد العلي" } },
    };
    const size_t n = sizeof(ents_l) / sizeof(ents_l[0]);
    CHECK(run("والتقى سامي نور في البحيرة كلا من رئيس مجلس الوزراء كريم حداد، ووزير الخارجية والتعاون "
              "الدولي ليلى سالم، ورئيس مجلس النواب بالإنابة هدى مراد، ونائب رئيس الوزراء لشؤون "
              "الاقتصاد رامي خليل، ورئيس مجلس القضاء الأعلى نادر عيسى، ووزير الداخلية والأمن الوطني "
              "الفريق وليد الشامي، ووزير الطاقة المهندس بول ماجد العلي.",
              ents_l, n));
    CHECK_INT(res.nevents, 1);
    for (int32_t e = 0; e < (int32_t)n; e++) {
        if (!has_part(0, e, -1))
            fprintf(stderr, "  party %d missing from the long list\n", (int)e);
        CHECK(has_part(0, e, -1));
    }
}

/* استقبل قائد الثورة آية الله العظمى X الوزير Y: an honorific of several
 * words, and a religious title among the honorifics, between the office
 * and the name; the office is X's, so X hosts */
static void
test_long_honorific_host(void)
{
    struct evt_ctx *saved;
    if (!with_full_lexicons(&saved))
        return;
    static const char *const texts[] = {
        "واستقبل قائد الثورة آية الله العظمى سامي نور الوزير كريم حداد في البحيرة.",
        "واستقبل قائد الثورة آية الله العظمى الإمام سامي نور الوزير كريم حداد في البحيرة.",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        CHECK(run(texts[i], people, NPEOPLE));
        CHECK_INT(res.nevents, 1);
        CHECK(has_part(0, SAMI, EVT_HOST));
        CHECK(has_part(0, KARIM, EVT_VISITOR));
    }
    ectx = saved;
}

/* وصل X ...، وذلك لإجراء مباحثات مع Y: the meeting of the purpose of the
 * arrival is that of the person who arrived */
static void
test_purpose_meeting(void)
{
    check_one_with("وصل إلى البحيرة سامي نور، وذلك لإجراء مباحثات مع كريم حداد.", people, NPEOPLE,
                   SAMI, KARIM);
    /* (ذلك before للقاء points back to the arrival: no "that meeting") */
    check_one_with("وصل إلى البحيرة سامي نور، وذلك للقاء كريم حداد.", people, NPEOPLE, SAMI, KARIM);
}

/* لكنه لم يستبعد لقاء مع Y: the pronoun's person is a party of the noun */
static void
test_pronoun_noun_subject(void)
{
    CHECK(run("استبعد سامي نور عقد اجتماع مع كريم حداد، لكنه لم يستبعد لقاء مع ليلى سالم في "
              "الوادي.",
              people, NPEOPLE));
    int found = 0;
    for (size_t i = 0; i < res.nevents; i++)
        if (has_part(i, LAILA, -1)) {
            found = 1;
            CHECK(has_part(i, SAMI, -1));
            CHECK_INT(res.events[i].status, EVT_UNCERTAIN);
        }
    CHECK(found);
}

/* اللقاء الذي حضرته X: she attended the meeting told before */
static void
test_attended_relative(void)
{
    CHECK(run("التقى سامي نور أمس كريم حداد. وعقب اللقاء الذي حضرته ليلى سالم، قال حداد إن اللقاء "
              "كان بناء.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(has_part(0, LAILA, EVT_ATTENDEE));
}

/* an arrival that took place is the place of a meeting planned next */
static void
test_arrival_then_plan(void)
{
    CHECK(run("وصل سامي نور أمس إلى البحيرة قادما من الوادي. ومن المقرر أن يلتقي سامي نور كريم "
              "حداد.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK_INT(res.events[0].location, BUHAYRA);
    }
    /* يلتقي in the singular with one name after it: the name is the
     * object, the subject the person of the sentence before the clause */
    check_one_with("ووصل سامي نور أمس إلى البحيرة، ومن المقرر أن يلتقي كريم حداد.", people, NPEOPLE,
                   SAMI, KARIM);
}

static void
test_press_and_visit_alone(void)
{
    CHECK(run("عقد سامي نور لقاء صحفيا مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
    /* a trip with nobody met */
    CHECK(run("زار سامي نور البحيرة أمس.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
}

static void
test_headline(void)
{
    /* the headline's present tense reports what happened; the body gives the place */
    CHECK(run("سامي نور يستقبل كريم حداد\nاستقبل سامي نور اليوم كريم حداد في البحيرة.", people,
              NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_OCCURRED);
        CHECK_INT(res.events[0].location, BUHAYRA);
    }
}

static void
test_title_reference(void)
{
    if (NULL == lexs.titles)
        return;
    /* الوزير refers back to the person named with that title */
    CHECK(run("التقى وزير الخارجية سامي نور رئيس الوزراء كريم حداد. وفي المساء التقى الوزير "
              "في الوادي ليلى سالم.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2) {
        CHECK(has_part(1, SAMI, -1));
        CHECK(has_part(1, LAILA, -1));
        CHECK(!has_part(1, KARIM, -1));
    }
}

static void
test_plural_meetings(void)
{
    /* لقاءات مع X و Y: a meeting of the subject with each */
    CHECK(run("أجرى سامي نور أمس لقاءات مع كريم حداد وليلى سالم في البحيرة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2) {
        CHECK(has_part(0, SAMI, -1) && has_part(0, KARIM, -1) && !has_part(0, LAILA, -1));
        CHECK(has_part(1, SAMI, -1) && has_part(1, LAILA, -1) && !has_part(1, KARIM, -1));
    }
}

static void
test_postponed(void)
{
    /* news that the meeting was put off makes it negated */
    CHECK(run("من المقرر أن يلتقي سامي نور كريم حداد غدا في البحيرة. وأعلن مصدر تأجيل اللقاء.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_NEGATED);
    /* a figurative use: interests, not people, meet */
    CHECK(run("وقال سامي نور إن المصالح لا تلتقي فيها الآراء.", people, NPEOPLE));
    CHECK_INT(res.nevents, 0);
}

static void
test_two_clauses(void)
{
    /* the planned marker governs its clause; بعد أن starts another */
    CHECK(run("ومن المقرر أن يلتقي سامي نور كريم حداد غدا، بعد أن التقى ليلى سالم أمس في الوادي.",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK(has_part(0, KARIM, -1) && !has_part(0, LAILA, -1));
        CHECK_INT(res.events[1].status, EVT_OCCURRED);
        CHECK(has_part(1, SAMI, -1) && has_part(1, LAILA, -1));
    }
}

static void
test_light_verb_subject(void)
{
    /* وعقد اجتماعا مع X: the subject of the clause before */
    CHECK(run("التقى سامي نور كريم حداد في البحيرة، وعقد اجتماعا مع ليلى سالم.", people, NPEOPLE));
    CHECK(res.nevents >= 1);
    int found = 0;
    for (size_t i = 0; i < res.nevents; i++)
        found |= has_part(i, SAMI, -1) && has_part(i, LAILA, -1);
    CHECK(found);
}

static void
test_later_attendees(void)
{
    /* new names around a bare "the reception" after the meeting attend it */
    CHECK(run("استقبل سامي نور كريم حداد في البحيرة. وحضر الاستقبال ليلى سالم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    CHECK(has_part(0, LAILA, EVT_ATTENDEE));
}

static void
test_topic_place(void)
{
    /* الأوضاع في X: the place qualifies the topic, it is not the venue */
    CHECK(run("بحث سامي نور مع كريم حداد الأوضاع في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
    /* ... while the venue of the same sentence is kept */
    CHECK(run("بحث سامي نور مع كريم حداد في البحيرة التطورات في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
    /* ... with ب too (وقف إطلاق النار بالبحيرة), and a truce's place */
    CHECK(run("وبدأ سامي نور وكريم حداد محادثات وقف إطلاق النار بالبحيرة في الوادي اليوم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    CHECK(run("وبدأ سامي نور وكريم حداد محادثات الهدنة في البحيرة اليوم.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
}

static void
test_relative_place(void)
{
    /* a place in a relative clause about the guest is no venue, nor the lead's place */
    CHECK(run("البحيرة - التقى سامي نور كريم حداد الذي كان في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

static void
test_no_lending_across_complementizer(void)
{
    /* a visit told in a reported clause lends no place to the meeting noun
     * of the reporting clause */
    CHECK(run("البحيرة - التقى سامي نور كريم حداد. وقال نور خلال اللقاء إن زيارته إلى الوادي "
              "كانت مهمة.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

static void
test_headline_status_once(void)
{
    /* the first body mention sets the headline's status; a later mention
     * with another status is another meeting, not a new status for it */
    CHECK(run("سامي نور يلتقي كريم حداد\nومن المقرر أن يلتقي سامي نور كريم حداد. وكان نور قد التقى "
              "حداد في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 2);
    if (res.nevents >= 1)
        CHECK_INT(res.events[0].status, EVT_PLANNED);
}

static void
test_quote_speaker(void)
{
    /* the speaker of a first-person quote: the first person of the clause
     * that introduces it, not the addressee named after him */
    CHECK(run("وكتب كريم حداد إلى سامي نور في رسالة قائلا: \"نجتمع بانتظام مع ليلى سالم\".",
              people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_HABITUAL);
        CHECK(has_part(0, KARIM, -1));
        CHECK(!has_part(0, SAMI, -1));
    }
}

/* Run with time expressions (a context with the time normalizer). */
static int
run_timed(const char *text)
{
    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    if (NULL == ectx_t ||
        LQ_OK != txt_analyze(tctx, scratch, arena, text, strlen(text), &bad, &doc))
        return 0;
    fake_entities(doc, people, NPEOPLE, arena, &ents);
    struct tmx_date dct = { 2020, 3, 11 };
    return LQ_OK == evt_extract(ectx_t, doc, &ents, &dct, arena, &res);
}

/* meetings during a visit (خلال الزيارة) with no time of their own take the
 * time of the visit's sentence; a meeting with its own time keeps it */
static void
test_visit_time(void)
{
    if (NULL == ectx_t)
        return;
    CHECK(run_timed("سيزور سامي نور البحيرة الأسبوع المقبل. وقال نور إنه سيلتقي خلال الزيارة كريم "
                    "حداد، وليلى سالم."));
    CHECK_INT(res.nevents, 2);
    for (size_t i = 0; i < res.nevents; i++) {
        CHECK_INT(res.events[i].has_time_value, 1);
        if (res.events[i].has_time_value)
            CHECK_STR(res.events[i].time_value, "2020-W12");
    }
    CHECK(run_timed("سيزور سامي نور البحيرة الأسبوع المقبل. وقال نور إنه سيلتقي خلال الزيارة كريم "
                    "حداد يوم الخميس."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents && res.events[0].has_time_value)
        CHECK(0 != strcmp(res.events[0].time_value, "2020-W12"));
}

/* a meeting told first with no time and no word of status, then with a
 * time to come: planned; سيتم after the parties: planned */
static void
test_status_from_later_time(void)
{
    if (NULL == ectx_t)
        return;
    CHECK(run_timed("صحيفة تتحدث عن موعد اجتماع بين سامي نور وكريم حداد. وأفادت الصحيفة بأن الاجتماع "
                    "بين سامي نور وكريم حداد، قد يتم في الشهر المقبل."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(EVT_OCCURRED != res.events[0].status);
    CHECK(run_timed("وقال مكتبه إن الاجتماع بين سامي نور وكريم حداد سيتم في البحيرة."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].status, EVT_PLANNED);
}

/* وصل X ... وكان في استقباله Y، then a visit of X to Y still to come: the
 * welcome on arrival is a meeting of its own, and takes no day still to
 * come from the lead (الأحد المقبل) */
static void
test_arrival_welcome(void)
{
    if (NULL == ectx_t)
        return;
    CHECK(run_timed("وصل سامي نور إلى البحيرة منذ قليل، وكان في استقباله كريم حداد. ومن المقرر أن "
                    "يزور سامي نور مكتب كريم حداد يوم الأحد المقبل."));
    CHECK_INT(res.nevents, 2);
    int occurred = 0, planned = 0;
    for (size_t i = 0; i < res.nevents; i++) {
        CHECK(has_part(i, SAMI, -1) && has_part(i, KARIM, -1));
        if (res.events[i].status == EVT_OCCURRED) {
            occurred++;
            CHECK(!res.events[i].has_time_value);
        }
        planned += res.events[i].status == EVT_PLANNED;
    }
    CHECK_INT(occurred, 1);
    CHECK_INT(planned, 1);
    /* the visit to come told first */
    CHECK(run_timed("سيزور سامي نور مكتب كريم حداد يوم الأحد المقبل. وكان سامي نور وصل إلى البحيرة منذ "
                    "قليل، وكان في استقباله كريم حداد."));
    CHECK_INT(res.nevents, 2);
}

/* وصل X إلى المدينة، وكان في استقباله بمطار Y Z: the site right after
 * the trigger, not the town reached before it */
static void
test_site_after_trigger(void)
{
    static const struct fake_ent ents_s[] = {
        { NER_PER, { "سامي نور" } },
        { NER_PER, { "كريم حداد" } },
        { NER_LOC, { "الإسكندرية" } },
        { NER_LOC, { "مطار برج العرب الدولي" } },
    };
    struct evt_ctx *saved;
    if (!with_full_lexicons(&saved))
        return;
    const struct evt_event *ev = only_event("وصل سامي نور إلى الإسكندرية، وكان في استقباله في مطار برج العرب "
                                            "الدولي كريم حداد.",
                                            ents_s, sizeof(ents_s) / sizeof(ents_s[0]));
    if (ev)
        CHECK_INT(ev->location, 3);
    ectx = saved;
}

/* an arrival still to come lends no place to a meeting that took place */
static void
test_future_arrival(void)
{
    if (NULL == ectx_t)
        return;
    CHECK(run_timed("وسيتوجه سامي نور إلى البحيرة الشهر المقبل. والتقى سامي نور كريم حداد أمس."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
    CHECK(run_timed("وسيتوجه سامي نور إلى البحيرة. والتقى سامي نور كريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, -1);
    CHECK(run_timed("وتوجه سامي نور إلى البحيرة أمس. والتقى سامي نور كريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

/* the same three parties of a planned meeting told on two of its days:
 * one meeting */
static void
test_trio_days(void)
{
    if (NULL == ectx_t)
        return;
    CHECK(run_timed("سيعقد سامي نور اجتماعا ثلاثيا مع كريم حداد وليلى سالم في البحيرة في الثاني من أبريل. "
                    "وقالت الوزارة إن سامي نور سيلتقي كريم حداد وليلى سالم في الثالث من أبريل."));
    CHECK_INT(res.nevents, 1);
    /* two parties on two days stay two meetings */
    CHECK(run_timed("سيعقد سامي نور اجتماعا مع كريم حداد في البحيرة في الثاني من أبريل. "
                    "وقالت الوزارة إن سامي نور سيلتقي كريم حداد في الثالث من أبريل."));
    CHECK_INT(res.nevents, 2);
}

static void
test_time_choice(void)
{
    if (NULL == ectx_t)
        return;
    /* a vague expression gives way to a date of the same clause */
    CHECK(run_timed("التقى سامي نور مؤخرا كريم حداد يوم الخميس الماضي."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].has_time_value, 1);
        CHECK_STR(res.events[0].time_value, "2020-03-05");
    }
    /* the day of the announcement does not date a meeting still to come */
    CHECK(run_timed("أعلن سامي نور اليوم أنه سيلتقي كريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK_INT(res.events[0].status, EVT_PLANNED);
        CHECK_INT(res.events[0].has_time, 0);
    }
    /* ... but it dates one that took place */
    CHECK(run_timed("أعلن سامي نور اليوم أنه التقى كريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_STR(res.events[0].time_value, "2020-03-11");
}

static void
test_arrival_place_time(void)
{
    if (NULL == ectx_t)
        return;
    /* an arrival is no meeting, but the meeting of the one who arrived, told
     * next without a place or a day, took place there and then */
    CHECK(run_timed("وصل سامي نور إلى البحيرة يوم الأحد في زيارة رسمية. ثم التقى بالوزير كريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK(has_part(0, SAMI, -1));
        CHECK(has_part(0, KARIM, -1));
        CHECK_INT(res.events[0].location, BUHAYRA);
        CHECK_STR(res.events[0].time_value, "2020-03-08");
    }
    /* a place of the meeting's own clause wins over the arrival's */
    CHECK(run_timed("وصل سامي نور إلى البحيرة أمس. والتقى كريم حداد في الوادي."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, WADI);
    /* someone else's arrival lends nothing */
    CHECK(run_timed("وصلت ليلى سالم إلى الوادي أمس. والتقى سامي نور بكريم حداد."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(res.events[0].location != WADI);
    /* an arrival alone is no meeting */
    CHECK(run_timed("وصل سامي نور إلى البحيرة يوم الأحد."));
    CHECK_INT(res.nevents, 0);
    /* a meeting on another day said does not take the place of the one before */
    CHECK(run_timed("الوادي - التقى سامي نور كريم حداد في البحيرة يوم الأحد. والتقى سامي نور ليلى "
                    "سالم يوم الاثنين."));
    CHECK_INT(res.nevents, 2);
    if (res.nevents == 2)
        CHECK_INT(res.events[1].location, WADI);
    /* a party's past trip told in a relative clause is not where they met */
    CHECK(run_timed("ورفض سامي نور لقاء كريم حداد الذي زار الوادي الشهر الماضي."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(res.events[0].location != WADI);
    /* the next leg of a trip (قبل أن يتوجه إلى X) is not where he met */
    CHECK(run_timed("ومن المقرر أن يلتقي سامي نور كريم حداد، قبل أن يتوجه إلى الوادي."));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(res.events[0].location != WADI);
}

static void
test_topic_with_adjective(void)
{
    /* الجالية الشامية في X: the place qualifies the community, past its adjective */
    CHECK(run("استقبل سامي نور وفدا من الجالية الشامية في الوادي برئاسة كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK(res.events[0].location != WADI);
    /* ... while a venue after the topic stays one */
    CHECK(run("التقى سامي نور كريم حداد في البحيرة وبحثا الأوضاع الأمنية في الوادي.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents)
        CHECK_INT(res.events[0].location, BUHAYRA);
}

static void
test_title_in_relative_clause(void)
{
    /* الاستقبال الذي خصصه الوزير للسفير X: the title after the relative
     * verb is its subject (the minister named before), and the name after
     * the second title is that title's, not the first one's */
    CHECK(run("استقبل الوزير سامي نور ليلى سالم في البحيرة. وجاء اللقاء بعد الاستقبال الذي "
              "خصصه الوزير للسفير كريم حداد في الوادي.", people, NPEOPLE));
    int found = 0;
    for (size_t i = 0; i < res.nevents; i++) {
        if (has_part(i, SAMI, -1) && has_part(i, KARIM, -1) && !has_part(i, KARIM, EVT_ATTENDEE))
            found = 1;
        CHECK(!has_part(i, KARIM, EVT_ATTENDEE));
    }
    CHECK(found);
}

static void
test_org_possessor(void)
{
    /* طلبت شركة X ... بعد لقائها بـY: with no person or title before it,
     * the body that owns the meeting noun is its party */
    CHECK(run("وطلبت شركة النخيل تمديد العقد بعد لقائها بالوزير كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK(has_part(0, NAKHIL, -1));
        CHECK(has_part(0, KARIM, -1));
    }
    /* ... but a person named before owns it */
    CHECK(run("وقال سامي نور إن شركة النخيل رحبت بلقائه مع كريم حداد.", people, NPEOPLE));
    CHECK_INT(res.nevents, 1);
    if (res.nevents) {
        CHECK(has_part(0, SAMI, -1));
        CHECK(!has_part(0, NAKHIL, -1));
    }
}

static void
test_long_sentence_bounded(void)
{
    /* one sentence of many clauses without punctuation: every trigger reads
     * a bounded window, so this must finish and find meetings */
    static const char piece[] = "التقى سامي نور كريم حداد في البحيرة و ";
    size_t reps = 3000, n = strlen(piece);
    char *text = malloc(reps * n + 1);
    CHECK(NULL != text);
    if (NULL == text)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * n, piece, n);
    text[reps * n] = '\0';
    CHECK(run(text, people, NPEOPLE));
    CHECK(res.nevents >= 1);
    free(text);
}

static int
setup(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    char path[1024], err[256];
    if (NULL == src)
        src = LIQA_SOURCE_DIR;
    lexs.triggers = lex_new();
    lexs.cues = lex_new();
    known = lex_new();
    if (!lexs.triggers || !lexs.cues || !known)
        return 0;
    snprintf(path, sizeof(path), "%s/config/lexicons/triggers.txt", src);
    if (LQ_OK != lex_load_file(lexs.triggers, path, err, sizeof(err)) ||
        LQ_OK != lex_load_file(known, path, err, sizeof(err))) {
        fprintf(stderr, "%s\n", err);
        return 0;
    }
    /* titles (the entity module's lexicon) make title references testable */
    snprintf(path, sizeof(path), "%s/config/lexicons/titles.txt", src);
    lexs.titles = lex_new();
    if (lexs.titles && LQ_OK != lex_load_file(lexs.titles, path, err, sizeof(err))) {
        lex_free(lexs.titles);
        lexs.titles = NULL;
    }
    snprintf(path, sizeof(path), "%s/config/lexicons/cues.txt", src);
    if (LQ_OK != lex_load_file(lexs.cues, path, err, sizeof(err)) ||
        LQ_OK != lex_load_file(known, path, err, sizeof(err))) {
        fprintf(stderr, "%s\n", err);
        return 0;
    }
    /* like the resources module, an organization head licences a proclitic
     * cut (لشركة) */
    if (LQ_OK != lex_add(known, "شركة", NULL))
        return 0;
    if (LQ_OK != txt_ctx_new(NULL, known, &tctx))
        return 0;
    scratch = txt_scratch_new(tctx);
    arena = lq_arena_new(0);
    /* time words (the time module's lexicon: اليوم، مؤخرا) for the timed runs */
    snprintf(path, sizeof(path), "%s/config/lexicons/time_words.txt", src);
    lexs.time_words = lex_new();
    if (lexs.time_words && LQ_OK != lex_load_file(lexs.time_words, path, err, sizeof(err))) {
        lex_free(lexs.time_words);
        lexs.time_words = NULL;
    }
    if (LQ_OK == tmx_ctx_new(&lexs, &tmx) && LQ_OK != evt_ctx_new(&lexs, tmx, &ectx_t))
        ectx_t = NULL;
    return scratch && arena && LQ_OK == evt_ctx_new(&lexs, NULL, &ectx);
}

int
main(void)
{
    if (!setup())
        return TEST_SETUP_FAILURE;
    CHECK_STR(evt_status_name(EVT_PLANNED), "planned");
    CHECK_STR(evt_role_name(EVT_ATTENDEE), "attendee");
    test_occurred_with_place();
    test_speakers_of_a_meeting();
    test_genitive_of_a_title();
    test_dual_after_with();
    test_partake();
    test_group_speakers();
    test_several_and_trio();
    test_seat_and_topic();
    test_visit_addressees();
    test_met_during_visit();
    test_place_of_verb_before();
    test_session_organizer();
    test_invitations();
    test_office_and_pronoun_subject();
    test_place_containment();
    test_monarch_title();
    test_construct_noun();
    test_new_topic_and_delegation();
    test_topic_reference();
    test_body_subject();
    test_cancel_and_habit();
    test_afterword();
    test_definite_noun_list();
    test_wa_qad_clause();
    test_title_words_end();
    test_coordinated_verb_place();
    test_dateline_forms();
    test_interview_and_future_trip();
    test_two_unnamed_others();
    test_sides_and_airport();
    test_trio_days();
    test_future_arrival();
    test_visit_time();
    test_status_from_later_time();
    test_visit_place_after_visitor();
    test_future_and_planned();
    test_negation_scope();
    test_uncertain_habitual();
    test_roles_and_attendees();
    test_accompanied();
    test_state_of_office();
    test_object_pronoun_after_arrival();
    test_summit_as_venue();
    test_journey_purpose();
    test_hall_of_place();
    test_companions();
    test_dual_subject_after_speaker();
    test_denied_plural();
    test_served_office();
    test_letter_sender_and_recipient();
    test_between_pronoun();
    test_relative_subject();
    test_reporter_pronoun();
    test_dropped_subject();
    test_organization_through_people();
    test_homonyms();
    test_merge_and_split();
    test_between();
    test_dual_anaphor();
    test_past_visit();
    test_joint_discussion();
    test_attended_relative();
    test_pronoun_noun_subject();
    test_honorific_possessor();
    test_long_honorific_host();
    test_long_list();
    test_title_post();
    test_fronted_place();
    test_future_arrival_purpose();
    test_between_after_report();
    test_bodies_after_with_each();
    test_arrival_welcome();
    test_site_after_trigger();
    test_purpose_meeting();
    test_arrival_then_plan();
    test_two_linked_titles();
    test_relative_clause();
    test_press_and_visit_alone();
    test_headline();
    test_title_reference();
    test_plural_meetings();
    test_postponed();
    test_two_clauses();
    test_light_verb_subject();
    test_later_attendees();
    test_topic_place();
    test_relative_place();
    test_no_lending_across_complementizer();
    test_headline_status_once();
    test_quote_speaker();
    test_time_choice();
    test_arrival_place_time();
    test_topic_with_adjective();
    test_title_in_relative_clause();
    test_org_possessor();
    test_long_sentence_bounded();
    evt_ctx_free(ectx);
    evt_ctx_free(ectx_t);
    evt_ctx_free(full_ctx);
    lq_lexicons_free(full_lex);
    tmx_ctx_free(tmx);
    lq_arena_free(arena);
    txt_scratch_free(scratch);
    txt_ctx_free(tctx);
    lex_free(lexs.triggers);
    lex_free(lexs.cues);
    lex_free(lexs.titles);
    lex_free(lexs.time_words);
    lex_free(known);
    return test_done();
}

/* end of test_event.c */
