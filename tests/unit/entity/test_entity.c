/*
 * Unit tests of the entity stage on constructed sentences: title + name,
 * honorifics, head noun + nationality, quoted names, acronyms, clitic-free
 * offsets, family-name and spelling-variant coreference, people with
 * similar names kept apart, organization synonyms, descriptors, and a
 * name repeated many times.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entity_internal.h"
#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "test.h"

static struct lq_lexicons lx;
static struct txt_ctx *tctx;
static struct txt_scratch *scratch;
static struct ent_ctx *ectx;
static struct lex *known;

static void
add_known(const char *key, const char *value, void *arg)
{
    (void)value;
    if (NULL == strchr(key, ' '))
        lex_add(arg, key, NULL);
}

static struct lex *
mk(const char *const *entries)
{
    struct lex *l = lex_new();
    if (NULL == l)
        return NULL;
    for (size_t i = 0; entries[i]; i++) {
        const char *tab = strchr(entries[i], '\t');
        if (tab) {
            char key[256];
            size_t n = (size_t)(tab - entries[i]);
            memcpy(key, entries[i], n);
            key[n] = '\0';
            lex_add(l, key, tab + 1);
        } else
            lex_add(l, entries[i], NULL);
    }
    return l;
}

static int
setup(void)
{
    static const char *const titles[] = { "رئيس", "الرئيس", "وزير", "الوزير", "مدير", "وزير الخارجية",
                                          "المتحدث باسم", "الوزيرة", "الأمير", "كبير", "رئيس الوزراء",
                                          "أمير", "سفيرة", "المحافظ", "الفريق", "قائد",
                                          "المدير التنفيذي", "المسؤول\tgeneric", "السفير", "الأمين العام", "البابا", "الملك", "الإمام", NULL };
    static const char *const honor[] = { "الشيخ", "الدكتور", "السيد", "صاحب السمو", "د", NULL };
    static const char *const heads[] = { "هيئة\torg", "وزارة\torg", "جهاز\torg", "صحيفة\torg,quote",
                                         "وكالة\torg,quote", "مدينة\tloc,admin", "مجلس\torg",
                                         "حزب\torg,quote", "اللجنة\torg", "الحكومة\torg",
                                         "المجلس\torg", "القوات\torg", "بلدية\torg,place",
                                         "حكومة\torg,noplace", "شركة\torg", "قصر\tloc,named", "مطار\tloc,named",
                                         "مصلحة\torg,common", "الحركة\torg", "الجيش\torg",
                                         "الغرفة\torg,local", "مكتب\torg", "الاتحاد\torg",
                                         "رئاسة\torg", "لجنة\torg", "عين\tloc,prep", "الجمهورية\tloc",
                                         "حي\tloc,admin", "نادي\torg,quote,bare", "طريق\tloc,toplace", NULL };
    static const char *const first[] = { "سامر", "ليلى", "ستيفان", "كريم\tambig", "عبد الرحيم",
                                         "يوسف", "أحمد", "صالح", "صباح", "آن", "سلطان",
                                         "وسام\tambig", "فارس\tambig", "علي", "جورجيا", NULL };
    static const char *const nat[] = { "المصرية\tمصر", "المصري\tمصر", "الكندي\tكندا",
                                       "الكندية\tكندا", "السعودية\tالسعودية", NULL };
    static const char *const places[] = { "القاهرة\tcity", "مصر\tcountry", "كندا\tcountry",
                                          "أوتاوا\tcity", "اليابان\tcountry", "الإسكندرية\tcity", "شبه جزيرة القرم\tregion", "السعودية\tcountry", "جورجيا\tcountry",
                                          NULL };
    static const char *const orgs[] = { "الأمم المتحدة", "فتح\tambig", "فارس\tambig", "الهلال\tclub",
                                        "البيت الأبيض\tseat", NULL };
    static const char *const cues[] = { "مباراة\tsports", "الدوري\tsports", "هدف\tsports",
                                        "بحضور\tattend", "قال\tspeech", NULL };
    static const char *const acr[] = { "إن إي إيه\tوكالة الطاقة الوطنية", NULL };
    static const char *const syn[] = { "المخابرات\tالاستخبارات", "الجيش\tالقوات المسلحة", NULL };
    static const char *const tw[] = { "العاشر\tord:10", "الثاني\tord:2", "الثالث\tord:3", "صباح\tpart",
                                      NULL };
    static const char *const non[] = { "إلى", "في", "أن", "إن", "قال", "وقال", "أضاف", "أمس",
                                       "الوفد\tnoun", "التقى", "استقبل", "وصل", "أعلنت", "ذكرت",
                                       "من", "مع", "عن", "اليوم", "الجديدة\tnoun", "لدى", "الثاني\tnoun",
                                       "نور\tnoun", "الاعتبار\tnoun", "العام", "النقل\tnoun", "الله", "دعوة\tnoun",
                                       "اتصال\tnoun", "على", NULL };
    static const char *const none[] = { NULL };
    lx.titles = mk(titles);
    lx.honorifics = mk(honor);
    lx.org_heads = mk(heads);
    lx.first_names = mk(first);
    lx.nationalities = mk(nat);
    lx.places = mk(places);
    lx.organizations = mk(orgs);
    lx.acronyms = mk(acr);
    lx.synonyms = mk(syn);
    lx.nonname = mk(non);
    lx.protect = mk(none);
    lx.triggers = mk(none);
    lx.cues = mk(cues);
    lx.time_words = mk(tw);
    if (!lx.titles || !lx.honorifics || !lx.org_heads || !lx.first_names || !lx.nationalities ||
        !lx.places || !lx.organizations || !lx.acronyms || !lx.synonyms || !lx.nonname ||
        !lx.protect || !lx.triggers || !lx.cues || !lx.time_words)
        return -1;
    /* like the resources module: one-word entries of these lexicons licence a proclitic cut */
    known = lex_new();
    if (NULL == known)
        return -1;
    const struct lex *from[] = { lx.places, lx.org_heads, lx.first_names, lx.titles };
    for (size_t i = 0; i < sizeof(from) / sizeof(from[0]); i++)
        lex_foreach(from[i], add_known, known);
    if (LQ_OK != txt_ctx_new(lx.places, known, &tctx))
        return -1;
    scratch = txt_scratch_new(tctx);
    if (NULL == scratch)
        return -1;
    return LQ_OK == ent_ctx_new(&lx, NULL, &ectx) ? 0 : -1;
}

static void
teardown(void)
{
    ent_ctx_free(ectx);
    txt_scratch_free(scratch);
    txt_ctx_free(tctx);
    struct lex *all[] = { lx.titles, lx.honorifics, lx.org_heads, lx.first_names, lx.nationalities,
                          lx.places, lx.organizations, lx.acronyms, lx.synonyms, lx.nonname,
                          lx.protect, lx.triggers, lx.cues, lx.time_words };
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        lex_free(all[i]);
    lex_free(known);
}

static void
dump(const struct ent_result *r)
{
    if (NULL == getenv("ENT_TEST_DUMP") || r->nmentions > 40)
        return;
    for (size_t i = 0; i < r->nentities; i++) {
        fprintf(stderr, "E%zu %d %s:", i, r->entities[i].type, r->entities[i].name);
        for (size_t k = 0; k < r->entities[i].nmentions; k++)
            fprintf(stderr, " [%s]", r->mentions[r->entities[i].mentions[k]].text);
        fprintf(stderr, "\n");
    }
}

static int
run(struct lq_arena *a, const char *text, struct txt_doc **doc, struct ent_result *r)
{
    size_t bad = 0;
    if (LQ_OK != txt_analyze(tctx, scratch, a, text, strlen(text), &bad, doc))
        return -1;
    if (LQ_OK != ent_extract(ectx, NULL, *doc, a, r))
        return -1;
    dump(r);
    return 0;
}

/* the entity whose name is @p name, or NULL */
static const struct ent_entity *
by_name(const struct ent_result *r, const char *name)
{
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].name && 0 == strcmp(r->entities[i].name, name))
            return &r->entities[i];
    return NULL;
}

static int32_t
index_of(const struct ent_result *r, const struct ent_entity *e)
{
    return e ? (int32_t)(e - r->entities) : -2;
}

static void
test_title_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وصل رئيس هيئة الموانئ البحرية المصرية كريم الدسوقي إلى الإسكندرية أمس.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "كريم الدسوقي");
    const struct ent_entity *o = by_name(&r, "هيئة الموانئ البحرية المصرية");
    CHECK(p != NULL);
    CHECK(o != NULL);
    CHECK(by_name(&r, "الإسكندرية") != NULL);
    if (p && o) {
        CHECK_INT(p->type, NER_PER);
        CHECK_INT(o->type, NER_ORG);
        CHECK_STR(p->title, "رئيس هيئة الموانئ البحرية المصرية");
        CHECK_INT(p->affiliation, index_of(&r, o));
    }
    /* after a country's name in the complement, a place's one-word name
     * before an unknown word shaped like a name is a given name */
    CHECK(0 == run(a, "والتقى الوزير سفيرة كندا جورجيا ميرفيلد في القاهرة.", &doc, &r));
    p = by_name(&r, "جورجيا ميرفيلد");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "سفيرة كندا");
    /* a joint body of two countries with a hyphen between them */
    CHECK(0 == run(a, "وعقدت اللجنة العليا المصرية-الكندية اجتماعها أمس.", &doc, &r));
    CHECK(by_name(&r, "اللجنة العليا المصرية-الكندية") != NULL);
    /* after an adjective a place is no genitive of the body: it starts the
     * next phrase */
    CHECK(0 == run(a, "ويزور مسؤول من هيئة الموانئ البحرية مصر الأسبوع المقبل.", &doc, &r));
    CHECK(by_name(&r, "هيئة الموانئ البحرية") != NULL);
    CHECK(by_name(&r, "مصر") != NULL);
    /* a coordinated noun in the complement, then the name */
    CHECK(0 == run(a, "والتقى وزير الزراعة والري سامر يوسف الوفد.", &doc, &r));
    p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الزراعة والري");
    /* ... not right after a one-word title: another office */
    CHECK(0 == run(a, "وحاولوا لقاء المحافظ والمندوب سامر يوسف أمس.", &doc, &r));
    p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK(NULL == p->title || 0 != strcmp(p->title, "المحافظ والمندوب"));
    lq_arena_free(a);
}

/* وقال X رئيس هيئة ... إن، ...، وY مدير هيئة ...: a title phrase no name
 * follows is the office of the name before it when that name is a verb of
 * saying's subject or a list item; after استقبل X it is the one received */
static void
test_post_title_phrase(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال سامر الخطيب رئيس هيئة الموانئ إن الميناء جاهز. "
                      "وحضر ليلى حداد وأحمد الزين مدير هيئة الموانئ.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر الخطيب");
    const struct ent_entity *q = by_name(&r, "أحمد الزين");
    CHECK(p != NULL && q != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس هيئة الموانئ");
    if (q)
        CHECK_STR(q->title, "مدير هيئة الموانئ");
    CHECK(by_name(&r, "ليلى حداد") != NULL && NULL == by_name(&r, "ليلى حداد")->title);
    lq_arena_reset(a);
    CHECK(0 == run(a, "استقبل سامر الخطيب وزير الخارجية الكندي في القاهرة.", &doc, &r));
    p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK(NULL == p->title);
    lq_arena_free(a);
}

/* a ruler's number ends a name after a title and an unknown word
 * (البابا X الثاني), with عشر for the teens */
static void
test_regnal_number(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال البابا يوساب الثاني إن الزيارة مهمة. واستقبل الملك أرنولفو الثالث عشر "
                      "الوفد في القصر.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "يوساب الثاني");
    const struct ent_entity *k = by_name(&r, "أرنولفو الثالث عشر");
    CHECK(p != NULL);
    CHECK(k != NULL);
    if (p) {
        CHECK_INT(p->type, NER_PER);
        CHECK_STR(p->title, "البابا");
    }
    if (k)
        CHECK_STR(k->title, "الملك");
    lq_arena_free(a);
}

/* a given name that is also a weak organization name (فارس, a news
 * agency) after a title's complement starts the name */
static void
test_given_name_not_agency(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "والتقى رئيس الوزراء المصري فارس الخطيب أمس.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "فارس الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس الوزراء المصري");
    lq_arena_free(a);
}

/* after a definite word a title's construct is closed: a bare common noun
 * there (ووجه الوزير دعوة للرئيس X) is no part of X's title */
static void
test_title_construct_closed(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "ووجه الوزير دعوة للرئيس سامر الخطيب لزيارة القاهرة.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "الرئيس");
    CHECK(0 == run(a, "ووجه الوزير المصري دعوة للرئيس سامر الخطيب لزيارة القاهرة.", &doc, &r));
    p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "الرئيس");
    lq_arena_free(a);
}

/* a seat of government is a place where the article only names it as one
 * (في البيت الأبيض، إلى البيت الأبيض), the administration where it acts */
static void
test_seat_of_government(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "واجتمع الوفد أمس في البيت الأبيض. ثم عاد الوفد إلى البيت الأبيض مساء.", &doc, &r));
    const struct ent_entity *e = by_name(&r, "البيت الأبيض");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->type, NER_LOC);
        CHECK_INT(r.mentions[e->mentions[0]].type, NER_LOC);
    }
    CHECK(0 == run(a, "وأعلن البيت الأبيض أن الوفد اجتمع في البيت الأبيض.", &doc, &r));
    e = by_name(&r, "البيت الأبيض");
    CHECK(e != NULL);
    if (e)
        CHECK_INT(e->type, NER_ORG);
    CHECK(0 == run(a, "وأرسل الوفد رسالة إلى البيت الأبيض.", &doc, &r));
    e = by_name(&r, "البيت الأبيض");
    if (e)
        CHECK_INT(e->type, NER_ORG);
    lq_arena_free(a);
}

/* what a title phrase holds: لدى + a place, two words of a foreign name,
 * a bare title before another person's, a construct noun's genitive, a
 * title word inside a name, a generic noun that is no office */
static void
test_title_phrases(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل المحافظ سفيرة كندا لدى اليابان ماريكا سكوفيلد في القاهرة.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "ماريكا سكوفيلد");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "سفيرة كندا لدى اليابان");
    CHECK(0 == run(a, "التقى الفريق أحمد قائد صالح المدير التنفيذي لبرنامج نطاقات.", &doc, &r));
    CHECK(by_name(&r, "أحمد قائد صالح") != NULL);
    CHECK(by_name(&r, "نطاقات") == NULL);
    CHECK(0 == run(a, "وصل رئيس هيئة الموانئ، جهيد بلعيدي، إلى القاهرة.", &doc, &r));
    p = by_name(&r, "جهيد بلعيدي");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس هيئة الموانئ");
    CHECK(0 == run(a, "وقال إن الرئيس سامر يوسف يتطلع إلى الزيارة.", &doc, &r));
    CHECK(by_name(&r, "سامر يوسف") != NULL);
    /* a family name that is also a nationality, after a name of two words */
    CHECK(0 == run(a, "بحث رئيس الوزراء سامر شياع المصري مع الوفد سبل التعاون.", &doc, &r));
    CHECK(by_name(&r, "سامر شياع المصري") != NULL);
    CHECK(0 == run(a, "بحث وزير الخارجية المصري سامر شياع مع الوفد سبل التعاون.", &doc, &r));
    CHECK(by_name(&r, "سامر شياع") != NULL);
    /* عبد and a divine name are a given name; a family name may end in نا */
    CHECK(0 == run(a, "أجرى وزير الخارجية عبد الودود لحلو مباحثات مع سامر فيرونا في القاهرة.", &doc,
                   &r));
    p = by_name(&r, "عبد الودود لحلو");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الخارجية");
    CHECK(by_name(&r, "سامر فيرونا") != NULL);
    /* an unknown family name after a link or a given name, closed by punctuation */
    CHECK(0 == run(a, "وقال الوزير سامر بن يوسف قرنفل: إن الوفد وصل، وحضر عبد الرحيم زعبولهم، مستشار الرئيس.",
                   &doc, &r));
    CHECK(by_name(&r, "سامر بن يوسف قرنفل") != NULL);
    CHECK(by_name(&r, "عبد الرحيم زعبولهم") != NULL);
    /* آن (a given name) is not the particle أن that shares its key */
    CHECK(0 == run(a, "وصلت الوزيرة آن سميث إلى القاهرة.", &doc, &r));
    CHECK(by_name(&r, "آن سميث") != NULL);
    /* a foreign given name ending in نا, a name closed by بحضور */
    CHECK(0 == run(a, "استقبل المحافظ سفيرة كندا لدى اليابان ألينا سميرنوفا بحضور الوزير.", &doc, &r));
    CHECK(by_name(&r, "ألينا سميرنوفا") != NULL);
    /* an ambiguous given name after برئاسة is a name */
    CHECK(0 == run(a, "وصل إلى القاهرة وفد برئاسة كريم الحلبي.", &doc, &r));
    CHECK(by_name(&r, "كريم الحلبي") != NULL);
    /* a ruler's ordinal ends the name */
    CHECK(0 == run(a, "استقبل الأمير سامر يوسف الثاني الوفد في القاهرة.", &doc, &r));
    CHECK(by_name(&r, "سامر يوسف الثاني") != NULL);
    /* an unknown given name before a link starts the name */
    CHECK(0 == run(a, "وصل وزير النفط المصري حيان عبد الرحيم إلى القاهرة.", &doc, &r));
    CHECK(by_name(&r, "حيان عبد الرحيم") != NULL);
    /* برئاسة X: headed by X, no organization */
    CHECK(0 == run(a, "وصل الوفد برئاسة وزير الخارجية سامر يوسف إلى القاهرة.", &doc, &r));
    CHECK(by_name(&r, "رئاسة وزير الخارجية") == NULL);
    CHECK(by_name(&r, "سامر يوسف") != NULL);
    /* a given name that is also a time word, after an honorific */
    CHECK(0 == run(a, "استقبل الشيخ صباح العلي الوفد في القاهرة.", &doc, &r));
    CHECK(by_name(&r, "صباح العلي") != NULL);
    /* بو, the Levantine and Maghrebi أبو, links a family name */
    CHECK(0 == run(a, "والتقى الوزير سامر بو حديد الوفد في القاهرة.", &doc, &r));
    CHECK(by_name(&r, "سامر بو حديد") != NULL);
    /* ... before another given name */
    CHECK(0 == run(a, "استقبل الشيخ صباح أحمد العلي الوفد في القاهرة.", &doc, &r));
    CHECK(by_name(&r, "صباح أحمد العلي") != NULL);
    CHECK(0 == run(a, "وقال الشيخ صباح اليوم إن الوفد وصل.", &doc, &r));
    CHECK(by_name(&r, "صباح") == NULL);
    CHECK(0 == run(a, "لكن المسؤول الكندي ألمح إلى تأجيل الزيارة.", &doc, &r));
    CHECK(by_name(&r, "ألمح") == NULL);
    lq_arena_free(a);
}

/* للحكومة المصرية: ل + ال cannot be cut off the surface, but the name is
 * الحكومة المصرية */
static void
test_lam_al_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وأكد الوفد دعمه للحكومة المصرية في القاهرة.", &doc, &r));
    const struct ent_entity *o = by_name(&r, "الحكومة المصرية");
    CHECK(o != NULL);
    if (o && o->nmentions)
        CHECK_STR(r.mentions[o->mentions[0]].text, "للحكومة المصرية");
    /* a title with ل + ال is written with ال */
    CHECK(0 == run(a, "وقدم الوفد هدية للسفير الكندي سامر يوسف في القاهرة.", &doc, &r));
    const struct ent_entity *q = by_name(&r, "سامر يوسف");
    CHECK(q != NULL);
    if (q)
        CHECK_STR(q->title, "السفير الكندي");
    /* للجنة الوطنية: ل + اللجنة, the word's own ل left in the mention */
    CHECK(0 == run(a, "وقدم الوفد دعمه للجنة الوطنية في القاهرة.", &doc, &r));
    CHECK(by_name(&r, "اللجنة الوطنية") != NULL);
    lq_arena_free(a);
}

static void
test_honorifics(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل صاحب السمو الشيخ الدكتور سامر عبد الرحيم الوفد في القاهرة.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر عبد الرحيم");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->type, NER_PER);
        CHECK_INT(p->nmentions, 1);
        CHECK(p->title == NULL);
    }
    lq_arena_free(a);
}

static void
test_head_nationality(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "أعلنت وزارة الزراعة المصرية أمس أن المحصول وفير.", &doc, &r));
    const struct ent_entity *o = by_name(&r, "وزارة الزراعة المصرية");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->type, NER_ORG);
    /* the adjective alone is no entity */
    CHECK(by_name(&r, "المصرية") == NULL);
    lq_arena_free(a);
}

static void
test_quoted(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "ذكرت صحيفة \"النجمة الزرقاء\" الكندية أن الاتفاق قريب. ونقلت \"النجمة الزرقاء\" عن مصدر.",
                   &doc, &r));
    const struct ent_entity *o = by_name(&r, "النجمة الزرقاء");
    CHECK(o != NULL);
    if (o) {
        CHECK_INT(o->type, NER_ORG);
        CHECK_INT(o->nmentions, 2);
    }
    /* a person's name in quotes right after the title keeps the title */
    CHECK(0 == run(a, "والتقى وزير الخارجية الكندي \"ستيفان يوسف\" نظيره في القاهرة.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "ستيفان يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الخارجية الكندي");
    lq_arena_free(a);
}

static void
test_acronym(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "أعلنت وكالة الطاقة الوطنية الكندية خطة جديدة. وقال متحدث إن إن إي إيه ستبدأ اليوم.",
                   &doc, &r));
    const struct ent_entity *o = by_name(&r, "وكالة الطاقة الوطنية الكندية");
    CHECK(o != NULL);
    if (o) {
        CHECK_INT(o->nmentions, 2);
        int found = 0;
        for (size_t k = 0; k < o->nmentions; k++)
            if (0 == strcmp(r.mentions[o->mentions[k]].text, "إن إي إيه"))
                found = 1;
        CHECK(found);
    }
    lq_arena_free(a);
}

static void
test_clitic_offsets(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    const char *text = "وصل الوفد بالقاهرة ثم أوتاوا.";
    CHECK(0 == run(a, text, &doc, &r));
    const struct ent_entity *l = by_name(&r, "القاهرة");
    CHECK(l != NULL);
    if (l) {
        const struct ent_mention *m = &r.mentions[l->mentions[0]];
        /* وصل الوفد ب|القاهرة: 4 + 6 + 1 code points */
        CHECK_INT(m->start, 11);
        CHECK_INT(m->end, 18);
        CHECK_STR(m->text, "القاهرة");
        CHECK_INT(txt_offset(doc, m->start, TXT_UNIT_UTF8), 2 * 9 + 2);
        CHECK_INT(txt_offset(doc, m->start, TXT_UNIT_UTF16), 11);
        CHECK_INT(r.tok_mention[doc->tokens[2].sentence == 0 ? 2 : 2], (int32_t)l->mentions[0]);
    }
    lq_arena_free(a);
}

static void
test_surname(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "قال الوزير سامر الخطيب إن المفاوضات مستمرة. وأضاف الخطيب أن الجولة المقبلة في القاهرة.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->nmentions, 2);
        CHECK_STR(p->title, "الوزير");
    }
    CHECK(by_name(&r, "الخطيب") == NULL);
    lq_arena_free(a);
}

/* a family name that is also a given name (سامر يوسف) repeats alone as the
 * subject of a verb of saying (وقال يوسف إن), not elsewhere; so does the
 * first word of a two-word name that is a given name */
static void
test_given_family_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الوزير سامر يوسف الوفد في القاهرة. وقال يوسف إن اللقاء مثمر.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    CHECK(by_name(&r, "يوسف") == NULL);
    lq_arena_reset(a);
    CHECK(0 == run(a, "استقبل الوزير سامر يوسف الوفد في القاهرة. ووصل يوسف إلى القاهرة أمس.",
                   &doc, &r));
    p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 1);
    /* the first word of a two-word name, when it is a given name, the same
     * way (a family name written first: وانغ of وانغ يي) */
    lq_arena_reset(a);
    CHECK(0 == run(a, "استقبل الوزير سامر حداد الوفد في القاهرة. وقال سامر إن اللقاء مثمر.",
                   &doc, &r));
    p = by_name(&r, "سامر حداد");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    lq_arena_reset(a);
    CHECK(0 == run(a, "استقبل الوزير سامر حداد الوفد في القاهرة. ووصل سامر إلى القاهرة أمس.",
                   &doc, &r));
    p = by_name(&r, "سامر حداد");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 1);
    lq_arena_free(a);
}

static void
test_variants(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "التقى الرئيس ستيفان ماركوفيتش الوفد. وقال ماركفيتش إن اللقاء مثمر.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "ستيفان ماركوفيتش");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    char sk1[64], sk2[64];
    ent_skeleton("بورتينكوف", sk1, sizeof(sk1));
    ent_skeleton("بورتنيكوف", sk2, sizeof(sk2));
    CHECK_STR(sk1, sk2);
    ent_skeleton("ترمب", sk1, sizeof(sk1));
    ent_skeleton("ترامب", sk2, sizeof(sk2));
    CHECK_STR(sk1, sk2);
    ent_skeleton("سلمان", sk1, sizeof(sk1));
    ent_skeleton("سلطان", sk2, sizeof(sk2));
    CHECK(0 != strcmp(sk1, sk2));
    lq_arena_free(a);
}

static void
test_apart(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الوزير سامر حداد الوزيرة ليلى حداد في القاهرة. وقال الرئيس يوسف حداد إن الزيارة ناجحة.",
                   &doc, &r));
    const struct ent_entity *p1 = by_name(&r, "سامر حداد");
    const struct ent_entity *p2 = by_name(&r, "ليلى حداد");
    const struct ent_entity *p3 = by_name(&r, "يوسف حداد");
    CHECK(p1 != NULL);
    CHECK(p3 != NULL);
    CHECK(p1 != p3);
    (void)p2;
    lq_arena_free(a);
}

static void
test_org_synonyms(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "قال جهاز المخابرات العامة المصري إن الخطة جاهزة. وأضاف جهاز الاستخبارات العامة أن الموعد قريب.",
                   &doc, &r));
    size_t orgs = 0;
    for (size_t i = 0; i < r.nentities; i++)
        if (NER_ORG == r.entities[i].type)
            orgs++;
    CHECK_INT(orgs, 1);
    const struct ent_entity *o = by_name(&r, "جهاز المخابرات العامة المصري");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->nmentions, 2);
    lq_arena_free(a);
}

static void
test_descriptor(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال رئيس هيئة الموانئ البحرية المصرية إن العمل مستمر.", &doc, &r));
    const struct ent_entity *o = by_name(&r, "هيئة الموانئ البحرية المصرية");
    CHECK(o != NULL);
    CHECK_INT(r.ndescriptors, 1);
    if (o && r.ndescriptors)
        CHECK_INT(r.descriptors[0].affiliation, index_of(&r, o));
    for (size_t i = 0; i < r.nentities; i++)
        CHECK(NER_PER != r.entities[i].type);
    lq_arena_free(a);
}


static void
test_unsplit_clitic(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    /* the text layer keeps لشبه whole (شبه is no known word) */
    CHECK(0 == run(a, "وصل الوفد لشبه جزيرة القرم أمس.", &doc, &r));
    const struct ent_entity *l = by_name(&r, "شبه جزيرة القرم");
    CHECK(l != NULL);
    if (l) {
        const struct ent_mention *m = &r.mentions[l->mentions[0]];
        CHECK_INT(m->start, 11); /* وصل الوفد ل|شبه */
        CHECK_STR(m->text, "شبه جزيرة القرم");
    }
    lq_arena_free(a);
}

static void
test_admin_head(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وصل الوفد إلى مدينة أوتاوا الكندية أمس. وغادر أوتاوا اليوم.", &doc, &r));
    const struct ent_entity *l = by_name(&r, "أوتاوا");
    CHECK(l != NULL);
    if (l) {
        CHECK_INT(l->type, NER_LOC);
        CHECK_INT(l->nmentions, 2);
        /* the mention keeps the head and leaves the adjective out */
        CHECK_STR(r.mentions[l->mentions[0]].text, "مدينة أوتاوا");
    }
    lq_arena_free(a);
}

static void
test_lineage(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الأمير سامر بن يوسف بن عبد الرحيم الوفد. وقال سامر بن يوسف إن اللقاء مثمر. "
                      "وحضر الأمير يوسف بن عبد الرحيم.",
                   &doc, &r));
    const struct ent_entity *son = by_name(&r, "سامر بن يوسف بن عبد الرحيم");
    const struct ent_entity *father = by_name(&r, "يوسف بن عبد الرحيم");
    CHECK(son != NULL);
    CHECK(father != NULL);
    if (son)
        CHECK_INT(son->nmentions, 2); /* سامر بن يوسف is the son */
    CHECK(son != father);
    lq_arena_free(a);
}

/* بن عبد الله: the link takes عبد and its divine name as one given name,
 * and a family name may follow */
static void
test_lineage_abd(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "التقى الوزير سامر بن عبد الله قرنفل السفير رامي بن عبد الكريم حداد أمس.", &doc,
                   &r));
    CHECK(by_name(&r, "سامر بن عبد الله قرنفل") != NULL);
    CHECK(by_name(&r, "رامي بن عبد الكريم حداد") != NULL);
    CHECK(by_name(&r, "عبد الله قرنفل") == NULL);
    /* a number after an unknown word does not close a family name as a
     * mark does (بتاريخ is no name) */
    CHECK(0 == run(a, "التقى الوزير سامر بن يوسف بتاريخ 14 مايو السفير رامي حداد.", &doc, &r));
    CHECK(by_name(&r, "سامر بن يوسف") != NULL);
    lq_arena_free(a);
}

/* after a link, an unknown family name closed by a title (not only by a
 * mark); the father's name of a longer chain (بن يوسف) is its short form */
static void
test_lineage_short_forms(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الوزير أمس الدكتور سامر بن يوسف زعبول الأمين العام للمجلس.", &doc, &r));
    CHECK(by_name(&r, "سامر بن يوسف زعبول") != NULL);
    CHECK(by_name(&r, "سامر بن يوسف") == NULL);
    CHECK(0 == run(a, "استقبل الأمير سامر بن يوسف بن صالح بن أحمد الوفد. وقال بن يوسف إن اللقاء مثمر.", &doc,
                   &r));
    const struct ent_entity *p = by_name(&r, "سامر بن يوسف بن صالح بن أحمد");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    /* the grandfather's name is no short form of the grandson */
    CHECK(0 == run(a, "استقبل الأمير سامر بن يوسف بن صالح بن أحمد الوفد. وقال بن صالح إن اللقاء مثمر.", &doc,
                   &r));
    p = by_name(&r, "سامر بن يوسف بن صالح بن أحمد");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 1);
    /* a verb, then two names side by side: a given name that opens a
     * lineage after a name of two words is the next person */
    CHECK(0 == run(a, "استقبل الوزير سامر يوسف قرنفل أحمد بن صالح أمس.", &doc, &r));
    CHECK(by_name(&r, "سامر يوسف قرنفل") != NULL);
    CHECK(by_name(&r, "أحمد بن صالح") != NULL);
    /* الدكتور على عبد الرحيم: the given name علي written like the
     * preposition, after an honorific and before عبد; the preposition
     * after an honorific stays one */
    CHECK(0 == run(a, "استقبل الدكتور على عبد الرحيم حداد الوفد أمس.", &doc, &r));
    CHECK(by_name(&r, "على عبد الرحيم حداد") != NULL);
    CHECK(0 == run(a, "وأكد الدكتور على أهمية اللقاء.", &doc, &r));
    CHECK_INT(r.nentities, 0);
    /* ... and after a given name and a family name with ال, a given name
     * no other word shares */
    CHECK(0 == run(a, "التقى الوزير سامر الزعتري أحمد حداد أمس.", &doc, &r));
    CHECK(by_name(&r, "سامر الزعتري") != NULL);
    CHECK(by_name(&r, "أحمد حداد") != NULL);
    /* ... but with a time word after it, the given name is the father's */
    CHECK(0 == run(a, "التقى الوزير سامر الزعتري أحمد اليوم الوفد.", &doc, &r));
    CHECK(by_name(&r, "سامر الزعتري أحمد") != NULL);
    /* a one-word title after a given name, closed by a mark or another
     * title, is the family name */
    CHECK(0 == run(a, "والتقى السفير أحمد المحافظ، الوفد أمس.", &doc, &r));
    CHECK(by_name(&r, "أحمد المحافظ") != NULL);
    CHECK(0 == run(a, "واستقبل الدكتور أحمد المحافظ وزير الخارجية الوفد أمس.", &doc, &r));
    CHECK(by_name(&r, "أحمد المحافظ") != NULL);
    /* an airport named after a person, with الدولي */
    CHECK(0 == run(a, "وصل الوزير إلى مطار سامر يوسف الدولي أمس.", &doc, &r));
    const struct ent_entity *ap = by_name(&r, "مطار سامر يوسف الدولي");
    CHECK(ap != NULL);
    if (ap)
        CHECK_INT(ap->type, NER_LOC);
    /* ... after a style and with the family name alone; the style opens
     * no title there */
    CHECK(0 == run(a, "وكان في استقباله بمطار الإمام الزاهري الدولي الوزير سامر يوسف.", &doc, &r));
    ap = by_name(&r, "مطار الإمام الزاهري الدولي");
    CHECK(ap != NULL);
    const struct ent_entity *sy = by_name(&r, "سامر يوسف");
    CHECK(sy != NULL);
    if (sy)
        CHECK_STR(sy->title, "الوزير");
    /* a word no lexicon knows, alone after an honorific, joins the long
     * lineage it starts */
    CHECK(0 == run(a, "استقبل الدكتور زعبول بن صالح بن أحمد الوفد. ورحب الدكتور زعبول بالضيوف.", &doc,
                   &r));
    const struct ent_entity *zb = by_name(&r, "زعبول بن صالح بن أحمد");
    CHECK(zb != NULL);
    if (zb)
        CHECK_INT(zb->nmentions, 2);
    /* العبد الله: a family name that ends in the divine name */
    CHECK(0 == run(a, "التقى الوزير سامر العبد الله السفير أحمد حداد.", &doc, &r));
    CHECK(by_name(&r, "سامر العبد الله") != NULL);
    lq_arena_free(a);
}

/* a title right after a name is that name's office, not the office of the
 * name after the comma; a preposition after the comma is no apposition */
static void
test_title_after_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الفريق سامر بن يوسف قرنفل وزير الخارجية، الدكتور أحمد حداد أمس.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "أحمد حداد");
    CHECK(p != NULL);
    if (p)
        CHECK(NULL == p->title);
    CHECK(0 == run(a, "وقال الوزير، الدكتور أحمد حداد إن اللقاء مثمر.", &doc, &r));
    p = by_name(&r, "أحمد حداد");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "الوزير");
    CHECK(0 == run(a, "ورحب الوزير، بالدكتور أحمد حداد في مكتبه.", &doc, &r));
    p = by_name(&r, "أحمد حداد");
    CHECK(p != NULL);
    if (p)
        CHECK(NULL == p->title);
    lq_arena_free(a);
}

/* سامر الشيخ،: an honorific after a given name, closed by a mark, is the
 * family name */
static void
test_honorific_family_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "التقى الوزير رامي الزعتري السيد سامر الشيخ، أمس في العاصمة.", &doc, &r));
    CHECK(by_name(&r, "سامر الشيخ") != NULL);
    lq_arena_free(a);
}

/* a family name alone that two persons share joins the one named first */
static void
test_shared_family_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الرئيس سامر قرنفل اليوم السفير رامي الزعتري بحضور أحمد قرنفل. وقال "
                      "الزعتري إنه التقى الرئيس قرنفل.",
                   &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر قرنفل");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    lq_arena_free(a);
}

/* مدينة شمال الوادي: a point of the compass and the place after it are one
 * name after a generic place head */
static void
test_compass_place(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وصل الوفد أمس إلى مدينة شمال زنارة قادما من العاصمة.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "شمال زنارة");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->type, NER_LOC);
    lq_arena_free(a);
}

/* فيصل alone is the king فيصل بن ناصر, not the father's name in خالد بن
 * فيصل; بن فيصل written with the link is the son */
static void
test_father_name_alone(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "استقبل الملك فيصل بن ناصر اليوم الأمير خالد بن فيصل. وقال الملك فيصل إن اللقاء "
                      "مثمر. وأكد بن فيصل ذلك.",
                   &doc, &r));
    const struct ent_entity *king = by_name(&r, "فيصل بن ناصر");
    const struct ent_entity *son = by_name(&r, "خالد بن فيصل");
    CHECK(king != NULL);
    CHECK(son != NULL);
    if (king)
        CHECK_INT(king->nmentions, 2);
    if (son)
        CHECK_INT(son->nmentions, 2);
    lq_arena_free(a);
}

static void
test_middle_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "قال الوزير سامر بن يوسف الخطيب إن الاتفاق قريب. وأكد الوزير سامر الخطيب ذلك.", &doc,
                   &r));
    const struct ent_entity *p = by_name(&r, "سامر بن يوسف الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    lq_arena_free(a);
}

static void
test_apposition(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال سامر الخطيب، وزير الزراعة المصري، إن المحصول وفير.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الزراعة المصري");
    lq_arena_free(a);
}

static void
test_org_prefix_and_nested(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "اجتمع مجلس التنسيق للدول الساحلية أمس. وقال مجلس التنسيق إن الاجتماع مثمر. "
                      "وأعلنت اللجنة التنفيذية لحزب الوسط خطة. وقالت الحكومة الجديدة إن الخطة جيدة.",
                   &doc, &r));
    const struct ent_entity *o = by_name(&r, "مجلس التنسيق للدول الساحلية");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->nmentions, 2);
    CHECK(by_name(&r, "حزب الوسط") != NULL);
    CHECK(by_name(&r, "اللجنة التنفيذية") != NULL);
    CHECK(by_name(&r, "الحكومة الجديدة") == NULL);
    lq_arena_free(a);
}

/* the clean-up of tagger spans, with spans made by hand (no model needed) */
static void
test_clean_tagger(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    size_t bad = 0;
    const char *text = "شكره على زيارتكم. وصل سامر وكريم إلى القاهرة. قال فلان.";
    CHECK(LQ_OK == txt_analyze(tctx, scratch, a, text, strlen(text), &bad, &doc));
    struct ent_work w = { .ctx = ectx, .lx = &lx, .doc = doc, .arena = a };
    /* tokens: شكره على زيارتكم . وصل سامر وكريم إلى القاهرة . قال فلان . */
    struct ent_cand c1 = { .b = 1, .e = 3, .type = NER_PER, .source = ENT_SRC_TAGGER, .prio = 1,
                           .title_b = -1, .title_e = -1, .mention = -1 };
    struct ent_cand c2 = { .b = 5, .e = 7, .type = NER_PER, .source = ENT_SRC_TAGGER, .prio = 1,
                           .title_b = -1, .title_e = -1, .mention = -1 };
    struct ent_cand c3 = { .b = 11, .e = 12, .type = NER_PER, .source = ENT_SRC_TAGGER, .prio = 1,
                           .title_b = -1, .title_e = -1, .mention = -1 };
    CHECK(LQ_OK == ent_add_cand(&w, &c1));
    CHECK(LQ_OK == ent_add_cand(&w, &c2));
    CHECK(LQ_OK == ent_add_cand(&w, &c3));
    CHECK(LQ_OK == ent_clean_tagger(&w));
    /* على trimmed, and what is left has a pronoun suffix: no name */
    CHECK(w.cands[0].e <= w.cands[0].b);
    /* سامر وكريم is split at the conjunction */
    CHECK_INT(w.cands[1].b, 5);
    CHECK_INT(w.cands[1].e, 6);
    int split = 0;
    for (size_t k = 3; k < w.ncands; k++)
        if (6 == w.cands[k].b && 7 == w.cands[k].e)
            split = 1;
    CHECK(split);
    /* a lone unknown word tagged once is dropped */
    CHECK(w.cands[2].e <= w.cands[2].b);
    lq_arena_free(a);
    /* two words joined by و tagged an organization, with no head noun: two
     * persons */
    a = lq_arena_new(0);
    const char *text2 = "وبعد وقوف ماركوني وبيلوسي في المكان، أطلقت المدفعية.";
    CHECK(LQ_OK == txt_analyze(tctx, scratch, a, text2, strlen(text2), &bad, &doc));
    struct ent_work w2 = { .ctx = ectx, .lx = &lx, .doc = doc, .arena = a };
    struct ent_cand o = { .b = 2, .e = 4, .type = NER_ORG, .source = ENT_SRC_TAGGER, .prio = 1,
                          .title_b = -1, .title_e = -1, .mention = -1 };
    CHECK(LQ_OK == ent_add_cand(&w2, &o));
    CHECK(LQ_OK == ent_clean_tagger(&w2));
    CHECK_INT(w2.cands[0].type, NER_PER);
    CHECK_INT(w2.cands[0].e, 3);
    lq_arena_free(a);
}

static void
test_weak_names(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "فتح الوزير الباب للحوار. وقال بيان \"فتح\" إن الحوار مهم. وظهر الهلال في السماء.", &doc,
                   &r));
    const struct ent_entity *o = by_name(&r, "فتح");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->nmentions, 1); /* only the quoted one */
    CHECK(by_name(&r, "الهلال") == NULL);
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "فاز الهلال في مباراة الدوري بهدف. وكانت المباراة الثانية هدف الفريق.", &doc, &r));
    CHECK(by_name(&r, "الهلال") != NULL);
    lq_arena_free(a);
}

static size_t
count_type(const struct ent_result *r, enum ner_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nentities; i++)
        if (t == r->entities[i].type)
            n++;
    return n;
}

/* one organization written as a construct and as noun + adjective, or with
 * a synonym of its head */
static void
test_org_variants(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "قال المجلس السيادي الكندي إن الخطة جاهزة. وأضاف مجلس السيادة الكندي أن الموعد قريب.",
                   &doc, &r));
    CHECK_INT(count_type(&r, NER_ORG), 1);
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "أعلن الجيش المصري خطة جديدة. وقالت القوات المسلحة المصرية إن الخطة دفاعية. "
                      "وقال الجيش الكندي إنه يتابع.",
                   &doc, &r));
    CHECK_INT(count_type(&r, NER_ORG), 2);
    const struct ent_entity *o = by_name(&r, "القوات المسلحة المصرية");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->nmentions, 2);
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "وقالت الغرفة التجارية بمدينة أوتاوا إن السوق نشط. وأكدت الغرفة التجارية بأوتاوا ذلك.",
                   &doc, &r));
    CHECK_INT(count_type(&r, NER_ORG), 1);
    o = by_name(&r, "الغرفة التجارية بمدينة أوتاوا");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->nmentions, 2);
    lq_arena_free(a);
}

/* what a head noun may take: a place that ends it, two nationalities, an
 * ordinal that names nothing, a purpose that is no part of the name */
static void
test_org_shapes(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "زار رئيس بلدية أوتاوا الجديدة القاهرة. وعقدت اللجنة المصرية الكندية اجتماعها. "
                      "وقالت حكومة أوتاوا إن الاتفاق قريب. وعقدت الحركة العاشر مؤتمرا. "
                      "ووصل وفد شركة كندا للاطلاع على المشروع. وقالت مصلحة القاهرة شيئا.",
                   &doc, &r));
    CHECK(by_name(&r, "بلدية أوتاوا") != NULL);
    CHECK(by_name(&r, "اللجنة المصرية الكندية") != NULL);
    CHECK(by_name(&r, "حكومة أوتاوا") == NULL);
    CHECK(by_name(&r, "الحركة العاشر") == NULL);
    CHECK(by_name(&r, "شركة كندا") != NULL);
    CHECK(by_name(&r, "مصلحة القاهرة") == NULL);
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "وصل الوزير إلى قصر باردو أمس. وقال سامر يوسف كبير المساعدين إن الزيارة مهمة.", &doc,
                   &r));
    const struct ent_entity *l = by_name(&r, "قصر باردو");
    CHECK(l != NULL);
    if (l)
        CHECK_INT(l->type, NER_LOC);
    CHECK(by_name(&r, "سامر يوسف") != NULL);
    lq_arena_free(a);
    /* a palace named by a common noun; a toponym's first word only after في */
    a = lq_arena_new(0);
    CHECK(0 == run(a, "واجتمع الوزير بالسفير في قصر نور أمس. واستقبل المحافظ سامر يوسف في عين الزيتونة. "
                      "وقال إن عين الوزير يوسف تم أمس. وأخذ المجلس في عين الاعتبار رأيه.",
                   &doc, &r));
    dump(&r);
    l = by_name(&r, "قصر نور");
    CHECK(l != NULL);
    if (l)
        CHECK_INT(l->type, NER_LOC);
    l = by_name(&r, "عين الزيتونة");
    CHECK(l != NULL);
    if (l)
        CHECK_INT(l->type, NER_LOC);
    CHECK(by_name(&r, "عين الوزير") == NULL);
    CHECK(by_name(&r, "عين الاعتبار") == NULL);
    lq_arena_free(a);
}

/* after ب or في, an unknown word before a known place in parentheses is a
 * place; with no preposition it is not */
static void
test_paren_place(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وعقد الاجتماع بزوراتة (القاهرة) أمس. وفاز اللاعب مرقوص (القاهرة) بالسباق.", &doc, &r));
    dump(&r);
    const struct ent_entity *l = by_name(&r, "زوراتة");
    CHECK(l != NULL);
    if (l && l->nmentions) {
        CHECK_INT(l->type, NER_LOC);
        const struct ent_mention *m = &r.mentions[l->mentions[0]];
        CHECK_STR(m->text, "زوراتة");
    }
    l = by_name(&r, "مرقوص");
    CHECK(l == NULL || l->type != NER_LOC);
    lq_arena_free(a);
}

/* العام after a definite head is "general" (الاتحاد العام ...); a bare
 * definite title and an honorific that opens another title are two people */
static void
test_general_and_two_titles(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال الاتحاد العام المصري للنقل إن الإضراب قائم. "
                      "واستقبل الوزير السيد رئيس هيئة النقل سامر يوسف.",
                   &doc, &r));
    dump(&r);
    CHECK(by_name(&r, "الاتحاد العام المصري للنقل") != NULL);
    const struct ent_entity *p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p && p->title)
        CHECK(0 != strncmp(p->title, "الوزير", strlen("الوزير")));
    lq_arena_free(a);
}

/* السيد X وزير النقل، ...: the title after a name an honorific introduced;
 * not when a name follows the title (it is that person's) */
static void
test_post_title(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وحضر اللقاء السيد سامر يوسف وزير النقل، وآخرون. "
                      "واستقبل السيد أحمد الخطيب وزير النقل ستيفان ماركو.",
                   &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير النقل");
    p = by_name(&r, "أحمد الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK(NULL == p->title || 0 != strcmp(p->title, "وزير النقل"));
    lq_arena_free(a);
    /* a blessing or في may close the title phrase */
    a = lq_arena_new(0);
    CHECK(0 == run(a, "واستقبل السيد سامر الخطيب رئيس الهيئة حفظه الله، الوفد. "
                      "واستقبل الدكتور كريم حداد وزير النقل في مكتبه الوفد.",
                   &doc, &r));
    p = by_name(&r, "سامر الخطيب");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس الهيئة");
    p = by_name(&r, "كريم حداد");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير النقل");
    lq_arena_free(a);
    /* a royal style alone before the name gives way to the office after it */
    a = lq_arena_new(0);
    CHECK(0 == run(a, "والتقى الأمير كريم يوسف وزير النقل، الوفد.", &doc, &r));
    p = by_name(&r, "كريم يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير النقل");
    lq_arena_free(a);
}

/* a family name that is also an adjective of nationality repeats where an
 * adjective cannot stand, not after a noun */
static void
test_nisba_surname(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "قال الوزير سامر المصري، إن الخطة جيدة. وقال إن المصري وافق على الخطة. "
                      "وأشاد الوفد المصري بالخطة.",
                   &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "سامر المصري");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->nmentions, 2);
    lq_arena_free(a);
}

/* د. X: the period of an abbreviated honorific stays in the title block */
static void
test_abbreviated_honorific(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "واستقبل وزير الخارجية د. سامر يوسف الوفد.", &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الخارجية");
    lq_arena_free(a);
}

/* three words closed by commas after a title phrase are a name in
 * apposition, the last one may end in ه */
static void
test_three_word_apposition(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وتباحث رئيس الهيئة، راميلو فونتي بيفيه، مع الوفد. "
                      "وقال رئيس الهيئة، روسانو الطالبي العلمي، إن الوضع مستقر.",
                   &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "راميلو فونتي بيفيه");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس الهيئة");
    CHECK(by_name(&r, "روسانو الطالبي العلمي") != NULL);
    lq_arena_free(a);
}

/* a particle of a European name (فان، دي) joins the family name after it,
 * not a common word */
static void
test_foreign_particle(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال الوزير ستيفان فان دورنيك إن الوضع مستقر. وقال سامر دي الوفد إن الوضع مستقر.",
                   &doc, &r));
    dump(&r);
    CHECK(by_name(&r, "ستيفان فان دورنيك") != NULL);
    CHECK(by_name(&r, "سامر دي الوفد") == NULL);
    lq_arena_free(a);
}

/* a place head after a pronoun, or before an adjective in ية, names no place */
static void
test_admin_predicate(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وزار الوفد مدينة زوراتة، وهي مدينة تحظى باهتمام كبير، وستصبح مدينة ذكية.", &doc, &r));
    dump(&r);
    CHECK(by_name(&r, "مدينة زوراتة") != NULL || by_name(&r, "زوراتة") != NULL);
    CHECK(by_name(&r, "مدينة تحظى") == NULL && by_name(&r, "تحظى") == NULL);
    CHECK(by_name(&r, "مدينة ذكية") == NULL && by_name(&r, "ذكية") == NULL);
    lq_arena_free(a);
}

/* a given name that is also a ruler's title, before a place, is the office
 * (X بن Y سلطان مصر), not the grandfather's name */
static void
test_ruler_of_place(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال السلطان سامر بن يوسف سلطان مصر إن الوضع مستقر.", &doc, &r));
    dump(&r);
    CHECK(by_name(&r, "سامر بن يوسف") != NULL);
    CHECK(by_name(&r, "سامر بن يوسف سلطان") == NULL);
    lq_arena_free(a);
}

/* a royal style or a rank right before the name is not part of the office */
static void
test_style_before_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال وزير الخارجية المصري الفريق سامر يوسف إن الوضع مستقر.", &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "سامر يوسف");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "وزير الخارجية المصري");
    lq_arena_free(a);
}

/* الجمهورية + an adjective of nationality is the country of the adjective */
static void
test_state_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "زار الوزير كندا أمس. وقال إن الجمهورية الكندية شريك مهم.", &doc, &r));
    dump(&r);
    const struct ent_entity *c = by_name(&r, "كندا");
    const struct ent_entity *j = by_name(&r, "الجمهورية الكندية");
    CHECK(c != NULL || j != NULL);
    CHECK(c == NULL || j == NULL || c == j);
    const struct ent_entity *e = c ? c : j;
    if (e)
        CHECK_INT(e->nmentions, 2);
    lq_arena_free(a);
}

/* a speaker's name no lexicon knows, with his office in apposition */
static void
test_appositive_name(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال إيدير أوبلا، الأمين العام لحزب الوسط، إن الحملة هادئة. "
                      "وقال المتحدثون، الأمين العام للحزب حاضر.",
                   &doc, &r));
    dump(&r);
    const struct ent_entity *p = by_name(&r, "إيدير أوبلا");
    CHECK(p != NULL);
    if (p)
        CHECK_INT(p->type, NER_PER);
    CHECK(by_name(&r, "المتحدثون") == NULL);
    /* ... between commas after another word */
    CHECK(0 == run(a, "واستقبل الوزير اليوم، غزوان عتماني، رئيس هيئة الموانئ.", &doc, &r));
    p = by_name(&r, "غزوان عتماني");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "رئيس هيئة الموانئ");
    lq_arena_free(a);
}

/* a local body's town and a committee's parliament after ب; an office
 * named by a title; a verbal noun is no family name */
static void
test_org_ba(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقال رئيس الغرفة التجارية بالإسكندرية إن السوق نشط. "
                      "وقال الاتحاد الجهوي للنقل بسلوان إن الإضراب مستمر. "
                      "واجتمع مجلس التنسيق بالقاهرة أمس. "
                      "وقال مسؤول بمكتب رئيس الوزراء الكندي إن الزيارة مهمة. "
                      "وقص أمير المنطقة شريط الافتتاح في القاهرة.",
                   &doc, &r));
    CHECK(by_name(&r, "الغرفة التجارية بالإسكندرية") != NULL);
    CHECK(by_name(&r, "الاتحاد الجهوي للنقل بسلوان") != NULL);
    CHECK(by_name(&r, "مجلس التنسيق") != NULL);
    CHECK(by_name(&r, "مكتب رئيس الوزراء الكندي") != NULL);
    CHECK(by_name(&r, "شريط الافتتاح") == NULL);
    lq_arena_free(a);
}

/* clubs named by ordinary words, in an article about sport only */
static void
test_clubs(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "فاز الهلال في مباراة الدوري بهدف. وانضم لاعب المنارة إلى الفريق. "
                      "وتعاقد النادي مع مدافع الكواكب والسواحل. ولعب الفريق مع بيرغن سبور.",
                   &doc, &r));
    const char *clubs[] = { "الهلال", "المنارة", "الكواكب", "السواحل", "بيرغن سبور" };
    for (size_t k = 0; k < sizeof(clubs) / sizeof(clubs[0]); k++) {
        const struct ent_entity *o = by_name(&r, clubs[k]);
        CHECK(o != NULL);
        if (o)
            CHECK_INT(o->type, NER_ORG);
    }
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "وقال لاعب المنارة إن الطقس جميل.", &doc, &r));
    CHECK(by_name(&r, "المنارة") == NULL);
    lq_arena_free(a);
}

/* tagger person spans: a function word inside splits them, tanween ends them */
static void
test_clean_person_spans(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    size_t bad = 0;
    const char *text = "قال سامر يوسف أن ليلى ستيفان جاءت. وبدا ستيفان سامر مرتاحاً.";
    CHECK(LQ_OK == txt_analyze(tctx, scratch, a, text, strlen(text), &bad, &doc));
    struct ent_work w = { .ctx = ectx, .lx = &lx, .doc = doc, .arena = a };
    /* tokens: قال سامر يوسف أن ليلى ستيفان جاءت . وبدا ستيفان سامر مرتاحاً . */
    struct ent_cand c1 = { .b = 1, .e = 6, .type = NER_PER, .source = ENT_SRC_TAGGER, .prio = 1,
                           .title_b = -1, .title_e = -1, .mention = -1 };
    struct ent_cand c2 = { .b = 9, .e = 12, .type = NER_PER, .source = ENT_SRC_TAGGER, .prio = 1,
                           .title_b = -1, .title_e = -1, .mention = -1 };
    CHECK(LQ_OK == ent_add_cand(&w, &c1));
    CHECK(LQ_OK == ent_add_cand(&w, &c2));
    CHECK(LQ_OK == ent_clean_tagger(&w));
    CHECK_INT(w.cands[0].b, 1);
    CHECK_INT(w.cands[0].e, 3);
    int split = 0;
    for (size_t k = 2; k < w.ncands; k++)
        if (4 == w.cands[k].b && 6 == w.cands[k].e)
            split = 1;
    CHECK(split);
    CHECK_INT(w.cands[1].b, 9);
    CHECK_INT(w.cands[1].e, 11);
    lq_arena_free(a);
}

static void
test_repeated(void)
{
    const char *unit = "قال الوزير سامر الخطيب إن الخطيب في القاهرة. ";
    size_t ul = strlen(unit), reps = 20000;
    char *text = malloc(ul * reps + 1);
    CHECK(text != NULL);
    if (NULL == text)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ul, unit, ul);
    text[ul * reps] = '\0';
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    clock_t t0 = clock();
    CHECK(0 == run(a, text, &doc, &r));
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 20.0);
    CHECK_INT(r.nentities, 2);
    lq_arena_free(a);
    free(text);
}

/* an indefinite accusative of a common noun after a title (تلقى الوزير
 * اتصالا) is the noun, not a one-word name */
static void
test_accusative_noun(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وتلقى الوزير اتصالا أمس من الرئيس سامر الخطيب.", &doc, &r));
    CHECK(by_name(&r, "اتصالا") == NULL);
    CHECK(by_name(&r, "سامر الخطيب") != NULL);
    lq_arena_free(a);
}

/* a two-letter place head with an unsplit proclitic (وحي، بحي) still
 * heads a place before a definite word */
static void
test_short_place_head(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وتجول الوزير في حي الزهور وحي الياسمين أمس.", &doc, &r));
    const struct ent_entity *l = by_name(&r, "حي الياسمين");
    CHECK(l != NULL);
    if (l) {
        CHECK_INT(l->type, NER_LOC);
        CHECK_STR(r.mentions[l->mentions[0]].text, "حي الياسمين");
    }
    lq_arena_free(a);
}

/* a ruler's number after a link belongs to the whole name, with a title
 * before it or not (الأمير X بن Y الثاني، وقال X بن Y الثاني) */
static void
test_regnal_after_link(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "واستقبل الأمير المنصور بن يوسف الثاني الوفد في القصر.", &doc, &r));
    const struct ent_entity *p = by_name(&r, "المنصور بن يوسف الثاني");
    CHECK(p != NULL);
    if (p)
        CHECK_STR(p->title, "الأمير");
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "وقال المنصور بن يوسف الثاني إن الزيارة مهمة.", &doc, &r));
    CHECK(by_name(&r, "المنصور بن يوسف الثاني") != NULL);
    CHECK(by_name(&r, "يوسف الثاني") == NULL);
    lq_arena_free(a);
}

/* a club: its foreign name after نادي (one or two unknown words), and a
 * known club with الرياضي, in an article that is not about sport */
static void
test_club_names(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وأعلن نادي بيرغاما أمس عن صفقة. وقال مدير نادي كارسيا يونايتد إن الصفقة تمت. "
                      "ووقع الهلال الرياضي اتفاقا مع شركة كندا.",
                   &doc, &r));
    const char *orgs[] = { "نادي بيرغاما", "نادي كارسيا يونايتد", "الهلال الرياضي" };
    for (size_t k = 0; k < sizeof(orgs) / sizeof(orgs[0]); k++) {
        const struct ent_entity *o = by_name(&r, orgs[k]);
        CHECK(o != NULL);
        if (o)
            CHECK_INT(o->type, NER_ORG);
    }
    lq_arena_free(a);
}

/* a head with only an epithet (حزب المعزول) and a masculine head with a
 * feminine adjective (مشاريع المجلس التنموية) are no organizations; a
 * real genitive still is */
static void
test_org_epithet_gender(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وهاجم حزب المعزول مقر الحكومة أمس. وأشاد الوزير بمشاريع المجلس التنموية في القاهرة. "
                      "وقال حزب الأحرار إن الاتفاق قريب.",
                   &doc, &r));
    CHECK(by_name(&r, "حزب المعزول") == NULL);
    CHECK(by_name(&r, "المجلس التنموية") == NULL);
    CHECK(by_name(&r, "حزب الأحرار") != NULL);
    lq_arena_free(a);
}

/* an ambiguous given name alone before a definite word after a title is
 * the common noun (سلم الوزير وسام الجمهورية); with a family name it is a
 * name */
static void
test_ambiguous_given_noun(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وسلم الوزير وسام الجمهورية للفائزين. وقال الوزير وسام الخطيب إن الاتفاق قريب.", &doc,
                   &r));
    CHECK(by_name(&r, "وسام") == NULL);
    CHECK(by_name(&r, "وسام الجمهورية") == NULL);
    CHECK(by_name(&r, "وسام الخطيب") != NULL);
    lq_arena_free(a);
}

/* a country named like the feminine adjective of its nationality is the
 * adjective after a definite noun (في السوق السعودية), the country after
 * a verb or a preposition */
static void
test_nisba_country(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وارتفعت الأسعار في السوق السعودية أمس. ووصل الوزير إلى السعودية أمس.", &doc, &r));
    const struct ent_entity *l = by_name(&r, "السعودية");
    CHECK(l != NULL);
    if (l) {
        CHECK_INT(l->type, NER_LOC);
        CHECK_INT(l->nmentions, 1);
    }
    lq_arena_free(a);
}

/* in an article about sport a city named as a team (فريقه X) or with a
 * masculine adjective of nationality (X المصري) is the club */
static void
test_city_club(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "وقاد المهاجم فريقه الإسكندرية إلى الفوز في مباراة الدوري بهدف نظيف. "
                      "ووصل الوفد إلى القاهرة أمس.",
                   &doc, &r));
    const struct ent_entity *o = by_name(&r, "الإسكندرية");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->type, NER_ORG);
    lq_arena_free(a);
    a = lq_arena_new(0);
    CHECK(0 == run(a, "وسجل المهاجم هدفا في مباراة الدوري. وتعادل الفريق مع الإسكندرية المصري بهدف لمثله.", &doc, &r));
    o = by_name(&r, "الإسكندرية");
    CHECK(o != NULL);
    if (o)
        CHECK_INT(o->type, NER_ORG);
    lq_arena_free(a);
}

/* a road named by the town it leads to (بطريق X), not عن طريق X, and not
 * with a common noun (طريق السلام) */
static void
test_road_to_place(void)
{
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    struct ent_result r;
    CHECK(0 == run(a, "ومر الموكب بطريق القاهرة أمس. ووصل السلاح عن طريق مصر. وسار الوزير على طريق السلام.",
                   &doc, &r));
    const struct ent_entity *l = by_name(&r, "طريق القاهرة");
    CHECK(l != NULL);
    if (l)
        CHECK_INT(l->type, NER_LOC);
    CHECK(by_name(&r, "طريق مصر") == NULL);
    CHECK(by_name(&r, "مصر") != NULL);
    CHECK(by_name(&r, "طريق السلام") == NULL);
    lq_arena_free(a);
}

int
main(void)
{
    if (0 != setup()) {
        fprintf(stderr, "setup failed\n");
        return TEST_SETUP_FAILURE;
    }
    test_title_name();
    test_regnal_number();
    test_seat_of_government();
    test_title_construct_closed();
    test_given_name_not_agency();
    test_honorifics();
    test_post_title_phrase();
    test_head_nationality();
    test_quoted();
    test_acronym();
    test_clitic_offsets();
    test_surname();
    test_given_family_name();
    test_appositive_name();
    test_state_name();
    test_paren_place();
    test_general_and_two_titles();
    test_post_title();
    test_nisba_surname();
    test_abbreviated_honorific();
    test_style_before_name();
    test_three_word_apposition();
    test_foreign_particle();
    test_ruler_of_place();
    test_admin_predicate();
    test_variants();
    test_apart();
    test_org_synonyms();
    test_descriptor();
    test_unsplit_clitic();
    test_admin_head();
    test_lineage();
    test_lineage_abd();
    test_father_name_alone();
    test_compass_place();
    test_shared_family_name();
    test_honorific_family_name();
    test_lineage_short_forms();
    test_title_after_name();
    test_middle_name();
    test_apposition();
    test_org_prefix_and_nested();
    test_clean_tagger();
    test_weak_names();
    test_org_variants();
    test_org_shapes();
    test_org_ba();
    test_clubs();
    test_title_phrases();
    test_lam_al_name();
    test_clean_person_spans();
    test_repeated();
    test_accusative_noun();
    test_short_place_head();
    test_regnal_after_link();
    test_club_names();
    test_org_epithet_gender();
    test_ambiguous_given_noun();
    test_nisba_country();
    test_city_club();
    test_road_to_place();
    teardown();
    return test_done();
}

/* end of test_entity.c */
