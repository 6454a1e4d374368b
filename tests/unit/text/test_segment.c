/* Proclitic segmentation: what must be cut, what must never be cut, with and
 * without lexicons, in txt_analyze() and txt_analyze_word(). */
#include "text_test.h"

struct seg_case {
    const char *word;
    const char *clitics;
    const char *base;
    const char *stem;
};

static void
check_word(const struct seg_case *c)
{
    struct txt_token t;
    int ret = txt_analyze_word(tt_ctx, tt_arena, c->word, strlen(c->word), &t);
    CHECK_INT(ret, LQ_OK);
    if (ret)
        return;
    if (strcmp(t.clitics, c->clitics) || strcmp(t.base, c->base) || strcmp(t.stem, c->stem))
        fprintf(stderr, "word %s: clitics=%s base=%s stem=%s\n", c->word, t.clitics, t.base,
                t.stem);
    CHECK_STR(t.clitics, c->clitics);
    CHECK_STR(t.base, c->base);
    CHECK_STR(t.stem, c->stem);
    CHECK_INT(t.start, 0);
    CHECK_STR(t.surface, c->word);
}

/* Cut with no lexicon at all. */
static const struct seg_case must_cut[] = {
    { "والولايات", "و", "الولايات", "ولايات" },
    { "للرئيس", "ل", "الرييس", "رييس" },
    { "وللرئيس", "ول", "الرييس", "رييس" },
    { "وبالتالي", "وب", "التالي", "تالي" },
    { "فالحكومة", "ف", "الحكومه", "حكومه" },
    { "وسيلتقي", "وس", "يلتقي", "يلتقي" },
    { "سيتم", "س", "يتم", "يتم" },
    { "ستعقد", "س", "تعقد", "تعقد" },
    { "كالعادة", "ك", "العاده", "عاده" },
    { "بالقاهرة", "ب", "القاهره", "قاهره" },
    { "وأكد", "و", "اكد", "اكد" },
    { "لأن", "ل", "ان", "ان" },
    { "وإيران", "و", "ايران", "ايران" },
    { "وموسكو", "و", "موسكو", "موسكو" },
    { "ونيويورك", "و", "نيويورك", "نيويورك" },
    { "ووزير", "و", "وزير", "وزير" },
    { "وبومبيو", "و", "بومبيو", "بومبيو" },
    { "لمناقشة", "ل", "مناقشه", "مناقشه" },
    { "بمشاركة", "ب", "مشاركه", "مشاركه" },
    { "ولمناقشة", "ول", "مناقشه", "مناقشه" },
    { "الرئيس", "", "الرييس", "رييس" },
    /* derived forms with hamzat al-wasl after و, verbal nouns after ل ب */
    { "واستقبل", "و", "استقبل", "استقبل" },
    { "واجتمع", "و", "اجتمع", "اجتمع" },
    { "واتفق", "و", "اتفق", "اتفق" },
    { "وانسحب", "و", "انسحب", "انسحب" },
    { "لاستقبال", "ل", "استقبال", "استقبال" },
    { "بانتخابات", "ب", "انتخابات", "انتخابات" },
};

/* Never cut, even with no lexicon. */
static const char *const never_cut[] = {
    "بومبيو", "لانجلي", "وارسو", "فرجينيا", "بكين", "كوتس", "بريطانيا", "فرنسا", "فلسطين",
    "بغداد",  "بيروت",  "لبنان", "ليبيا",   "كندا", "كوريا", "سوريا",    "وزير",  "وزارة",
    "وفد",    "ولاية",  "وكالة", "وثيقة",   "والد", "بالي",  "سيارة",    "سياسة", "سيطرة",
    "سيول",   "سيسي",   "ستيفن", "سنوات",   "سيدة", "واشنطن", "فيينا", "لندن",
    "وقال",   "بعد",    "بين",   "كأس",     "فقط",  "لقاءات", "وزراء",   "سيبيريا",
    /* names that begin like the derived forms, and nouns after س */
    "فانكوفر", "لانجلي", "كاسترو", "باستور", "سينما", "سيارات", "سيرينا",
};

static void
test_no_lexicon(void)
{
    tt_setup(NULL, NULL);
    for (size_t i = 0; i < sizeof(must_cut) / sizeof(must_cut[0]); i++)
        check_word(&must_cut[i]);
    for (size_t i = 0; i < sizeof(never_cut) / sizeof(never_cut[0]); i++) {
        struct txt_token t;
        CHECK_INT(txt_analyze_word(tt_ctx, tt_arena, never_cut[i], strlen(never_cut[i]), &t),
                  LQ_OK);
        if (strcmp(t.clitics, ""))
            fprintf(stderr, "cut: %s → %s + %s\n", never_cut[i], t.clitics, t.base);
        CHECK_STR(t.clitics, "");
        CHECK_INT(t.body_start, 0);
    }
    /* without a lexicon واشنطن does not licence the cut of بواشنطن */
    struct seg_case c = { "بواشنطن", "", "بواشنطن", "بواشنطن" };
    check_word(&c);
}

static void
test_lexicons(void)
{
    struct lex *protect = lex_new(), *known = lex_new();
    CHECK(protect && known);
    lex_add(known, "واشنطن", NULL);
    lex_add(known, "مصر", NULL);
    lex_add(protect, "لبنان", NULL);
    lex_add(protect, "وتيرة", NULL);
    lex_add(protect, "بالغة", NULL);
    lex_add(protect, "ألمانيا", NULL);
    tt_setup(protect, known);
    static const struct seg_case cases[] = {
        { "بواشنطن", "ب", "واشنطن", "واشنطن" },
        { "وواشنطن", "و", "واشنطن", "واشنطن" },
        { "ومصر", "و", "مصر", "مصر" },
        { "لمصر", "ل", "مصر", "مصر" },
        /* ل + لبنان, not ل + ال + بنان */
        { "للبنان", "ل", "لبنان", "لبنان" },
        { "ولبنان", "و", "لبنان", "لبنان" },
        /* protected whole words */
        { "وتيرة", "", "وتيره", "وتيره" },
        { "بالغة", "", "بالغه", "بالغه" },
        { "لبنان", "", "لبنان", "لبنان" },
        /* protected words keep their ال in the stem */
        { "المانيا", "", "المانيا", "المانيا" },
        { "وألمانيا", "و", "المانيا", "المانيا" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_word(&cases[i]);
    tt_setup(NULL, NULL);
    lex_free(protect);
    lex_free(known);
}

static void
test_in_text(void)
{
    tt_setup(NULL, NULL);
    /* offsets: body_start after the clitics; لل keeps the start */
    struct txt_doc *doc = tt_doc("وَالولايات للرئيس وسيلتقي بومبيو");
    CHECK_INT(doc->ntokens, 4);
    const struct txt_token *t = doc->tokens;
    CHECK_INT(t[0].start, 0);
    CHECK_INT(t[0].body_start, 2); /* و + fatha */
    CHECK(t[0].flags & TXT_F_AL);
    CHECK_STR(t[0].base, "الولايات");
    CHECK_INT(t[1].body_start, t[1].start);
    CHECK(t[1].flags & TXT_F_AL);
    CHECK_STR(t[1].clitics, "ل");
    CHECK_INT(t[2].body_start, t[2].start + 2);
    CHECK_STR(t[2].clitics, "وس");
    CHECK_INT(t[2].flags & TXT_F_AL, 0);
    CHECK_INT(t[3].body_start, t[3].start);
    /* وللرئيس: body_start at the ل of لل */
    doc = tt_doc("وللرئيس");
    CHECK_INT(doc->tokens[0].body_start, 1);
    /* presentation forms segment like the letters they show */
    doc = tt_doc("\xEF\xBB\xAD\xEF\xBA\x8D\xEF\xBB\x9F\xEF\xBB\xAE\xEF\xBB\xBB"
                 "\xEF\xBB\xB3\xEF\xBA\x8E\xEF\xBA\x95"); /* والولايات, positional forms */
    CHECK_INT(doc->ntokens, 1);
    CHECK_STR(doc->tokens[0].key, "والولايات");
    CHECK_STR(doc->tokens[0].clitics, "و");
    CHECK_STR(doc->tokens[0].stem, "ولايات");
    CHECK_INT(doc->tokens[0].body_start, 1);
    /* non-words are never segmented */
    doc = tt_doc("#والولايات Washington 2018");
    for (size_t i = 0; i < doc->ntokens; i++) {
        CHECK_STR(doc->tokens[i].clitics, "");
        CHECK(doc->tokens[i].base == doc->tokens[i].key);
    }
    /* the document's own words licence cuts: رئيس, كيلر, ليون occur alone */
    doc = tt_doc("قال رئيس الوفد إن كيلر وصل إلى ليون. ورئيس الحكومة وكيلر غادرا لليون.");
    CHECK_STR(tt_join(doc, TT_BASE),
              "قال|رييس|الوفد|ان|كيلر|وصل|الي|ليون|.|رييس|الحكومه|كيلر|غادرا|ليون|.");
    CHECK_STR(tt_join(doc, TT_CLITICS), "|||||||||و||و||ل|");
    /* ... but not when the part after the lam occurs too: للحرب stays ل + الحرب */
    doc = tt_doc("إن للحرب ثمنا ولا حرب بلا ثمن، وقال لحرب أخرى");
    CHECK_STR(doc->tokens[1].base, "الحرب");
    CHECK(doc->tokens[1].flags & TXT_F_AL);
    /* without the document the same words stay whole */
    struct txt_token one;
    CHECK_INT(txt_analyze_word(tt_ctx, tt_arena, "وكيلر", strlen("وكيلر"), &one), LQ_OK);
    CHECK_STR(one.clitics, "");
    /* a long word is fine */
    char buf[2 * 300 + 3];
    memcpy(buf, "و", 2);
    for (int i = 0; i < 300; i++)
        memcpy(buf + 2 + 2 * i, "م", 2);
    buf[602] = '\0';
    doc = tt_doc(buf);
    CHECK_INT(doc->ntokens, 2);
}

/* The project's own protect lexicon: it loads, and what it lists stays whole. */
static void
test_protect_file(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    if (NULL == src)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/config/lexicons/clitic_protect.txt", src);
    struct lex *protect = lex_new();
    char err[512] = "";
    int ret = lex_load_file(protect, path, err, sizeof(err));
    if (ret)
        fprintf(stderr, "%s\n", err);
    CHECK_INT(ret, LQ_OK);
    CHECK(lex_size(protect) >= 300);
    tt_setup(protect, NULL);
    static const char *const words[] = { "وزير", "فرنسا", "بغداد", "سيدني", "سيناريو", "وتيرة",
                                         "بالغة", "والدة", "كاليفورنيا", "لمياء" };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        struct txt_token t;
        CHECK_INT(txt_analyze_word(tt_ctx, tt_arena, words[i], strlen(words[i]), &t), LQ_OK);
        if (strcmp(t.clitics, ""))
            fprintf(stderr, "cut: %s\n", words[i]);
        CHECK_STR(t.clitics, "");
    }
    /* and a listed name with a real clitic is cut before it */
    struct seg_case c = { "وفرنسا", "و", "فرنسا", "فرنسا" };
    check_word(&c);
    struct seg_case d = { "لسوريا", "ل", "سوريا", "سوريا" };
    check_word(&d);
    tt_setup(NULL, NULL);
    lex_free(protect);
}

int
main(void)
{
    test_no_lexicon();
    test_lexicons();
    test_in_text();
    test_protect_file();
    tt_teardown();
    return test_done();
}

/* end of test_segment.c */
