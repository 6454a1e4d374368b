/* Lexicons: folding of entries, values, files and their errors, and the
 * longest multiword match over tokens. */
#include <stdio.h>
#include <unistd.h>

#include "text_test.h"

static void
test_add_get(void)
{
    struct lex *lx = lex_new();
    CHECK(NULL != lx);
    CHECK_INT(lex_size(lx), 0);
    CHECK(NULL == lex_get(lx, "شيء"));
    CHECK_INT(lex_add(lx, "الرُّوسي", "روسيا"), LQ_OK);
    CHECK_INT(lex_add(lx, "وزارة الخارجية", NULL), LQ_OK);
    CHECK_INT(lex_add(lx, "  سي   آي إيه ", "وكالة الاستخبارات المركزية"), LQ_OK);
    CHECK_INT(lex_add(lx, "\xD9\x8E\xD9\x8F", NULL), LQ_ERR_INVALID); /* only diacritics */
    CHECK_INT(lex_size(lx), 3);
    CHECK_INT(lex_max_words(lx), 3);
    /* stored by key: lookups ignore diacritics and spelling variants */
    CHECK_STR(lex_get(lx, "الروسي"), "روسيا");
    CHECK_STR(lex_lookup(lx, "الروسي"), "روسيا");
    CHECK_STR(lex_get(lx, "وزاره الخارجيه"), "");
    CHECK_STR(lex_lookup(lx, "وزارة الخارجيّة"), "");
    CHECK_STR(lex_lookup(lx, "سي آي إيه"), "وكالة الاستخبارات المركزية");
    CHECK_STR(lex_get(lx, "سي اي ايه"), "وكالة الاستخبارات المركزية");
    CHECK(NULL == lex_get(lx, "وزارة الخارجية")); /* lex_get takes a key */
    CHECK(NULL == lex_lookup(lx, "الروس"));
    /* a later value replaces the earlier one */
    CHECK_INT(lex_add(lx, "الروسي", "الاتحاد الروسي"), LQ_OK);
    CHECK_INT(lex_size(lx), 3);
    CHECK_STR(lex_lookup(lx, "الروسي"), "الاتحاد الروسي");
    /* growth */
    char word[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(word, sizeof(word), "w%d", i);
        CHECK_INT(lex_add(lx, word, word), LQ_OK);
    }
    CHECK_INT(lex_size(lx), 5003);
    CHECK_STR(lex_get(lx, "w4321"), "w4321");
    size_t count = 0;
    lex_foreach(lx, NULL, &count); /* no callback: nothing happens */
    CHECK_INT(count, 0);
    lex_free(lx);
    lex_free(NULL);
}

static void
count_entry(const char *key, const char *value, void *arg)
{
    (void)key;
    (void)value;
    (*(size_t *)arg)++;
}

static void
test_foreach(void)
{
    struct lex *lx = lex_new();
    lex_add(lx, "بغداد", "مدينة");
    lex_add(lx, "دمشق", "مدينة");
    size_t n = 0;
    lex_foreach(lx, count_entry, &n);
    CHECK_INT(n, 2);
    lex_free(lx);
}

static char tmpdir[256];

static const char *
write_file(const char *name, const char *data, size_t len)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    if (NULL == f)
        return NULL;
    fwrite(data, 1, len, f);
    fclose(f);
    return path;
}

static void
test_files(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/liqa-test-lexicon-XXXXXX");
    if (NULL == mkdtemp(tmpdir)) {
        CHECK(0);
        return;
    }
    char err[512];
    struct lex *lx = lex_new();

    /* missing file */
    int ret = lex_load_file(lx, "config/lexicons/x.txt", err, sizeof(err));
    CHECK_INT(ret, LQ_ERR_IO);
    CHECK_STR(err, "config/lexicons/x.txt: No such file or directory");

    /* a good file: BOM, comments, blank lines, CRLF, values, spaces */
    static const char good[] = "\xEF\xBB\xBF# الجنسيات\n"
                               "\n"
                               "الروسي\tروسيا\r\n"
                               "   # مسافة ثم تعليق\n"
                               "  الفرنسية  \t  فرنسا  \n"
                               "   \t  \n"
                               "وزير الخارجية\n"
                               "بلا نهاية سطر";
    const char *p = write_file("good.txt", good, sizeof(good) - 1);
    ret = lex_load_file(lx, p, err, sizeof(err));
    CHECK_INT(ret, LQ_OK);
    CHECK_INT(lex_size(lx), 4);
    CHECK_STR(lex_lookup(lx, "الروسي"), "روسيا");
    CHECK_STR(lex_lookup(lx, "الفرنسية"), "فرنسا");
    CHECK_STR(lex_lookup(lx, "وزير الخارجية"), "");
    CHECK_STR(lex_lookup(lx, "بلا نهاية سطر"), "");

    /* invalid UTF-8 on line 3 */
    static const char badu[] = "# تعليق\nسطر\nسطر \xC0\xAF خطأ\n";
    p = write_file("bad.txt", badu, sizeof(badu) - 1);
    ret = lex_load_file(lx, p, err, sizeof(err));
    CHECK_INT(ret, LQ_ERR_FORMAT);
    char want[600];
    snprintf(want, sizeof(want), "%s:3: invalid UTF-8 at byte 8 of the line", p);
    CHECK_STR(err, want);

    /* a NUL byte on line 2 */
    static const char nul[] = "سطر\nس\0ط\n";
    p = write_file("nul.txt", nul, sizeof(nul) - 1);
    CHECK_INT(lex_load_file(lx, p, err, sizeof(err)), LQ_ERR_FORMAT);
    snprintf(want, sizeof(want), "%s:2: NUL byte", p);
    CHECK_STR(err, want);

    /* a line that is too long */
    static char longl[6000];
    memset(longl, 'a', sizeof(longl) - 1);
    p = write_file("long.txt", longl, sizeof(longl) - 1);
    CHECK_INT(lex_load_file(lx, p, err, sizeof(err)), LQ_ERR_FORMAT);
    CHECK(NULL != strstr(err, ":1: line longer than"));

    /* an entry that folds to nothing */
    static const char empty[] = "كلمة\n\xD9\x8E\tقيمة\n";
    p = write_file("empty.txt", empty, sizeof(empty) - 1);
    CHECK_INT(lex_load_file(lx, p, err, sizeof(err)), LQ_ERR_FORMAT);
    snprintf(want, sizeof(want), "%s:2: empty entry", p);
    CHECK_STR(err, want);

    /* a directory cannot be read */
    ret = lex_load_file(lx, tmpdir, err, sizeof(err));
    CHECK(LQ_ERR_IO == ret);

    lex_free(lx);
    const char *names[] = { "good.txt", "bad.txt", "nul.txt", "long.txt", "empty.txt" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", tmpdir, names[i]);
        unlink(path);
    }
    rmdir(tmpdir);
}

static void
test_longest(void)
{
    struct lex *lx = lex_new();
    lex_add(lx, "سي آي إيه", "وكالة الاستخبارات المركزية");
    lex_add(lx, "الأمم", "x");
    lex_add(lx, "الأمم المتحدة", "منظمة");
    lex_add(lx, "الأمم المتحدة للطفولة", "يونيسف");
    lex_add(lx, "الولايات المتحدة", "دولة");
    lex_add(lx, "البيت الأبيض", "مبنى");
    lex_add(lx, "بيت", "y");
    tt_setup(NULL, NULL);
    const char *v = NULL;

    struct txt_doc *doc = tt_doc("قال مدير سي آي إيه إن الأمم المتحدة للطفولة والولايات المتحدة");
    /* 0 قال 1 مدير 2 سي 3 آي 4 إيه 5 إن 6 الأمم 7 المتحدة 8 للطفولة 9 والولايات 10 المتحدة */
    CHECK_INT(lex_longest(lx, doc, 2, doc->ntokens, LEX_KEY, &v), 3);
    CHECK_STR(v, "وكالة الاستخبارات المركزية");
    CHECK_INT(lex_longest(lx, doc, 6, doc->ntokens, LEX_KEY, &v), 3);
    CHECK_STR(v, "يونيسف");
    /* tok_end bounds the match */
    CHECK_INT(lex_longest(lx, doc, 6, 8, LEX_KEY, &v), 2);
    CHECK_STR(v, "منظمة");
    CHECK_INT(lex_longest(lx, doc, 6, 7, LEX_KEY, &v), 1);
    CHECK_STR(v, "x");
    /* the first token by its base: والولايات → الولايات */
    CHECK_INT(lex_longest(lx, doc, 9, doc->ntokens, LEX_KEY, &v), 0);
    CHECK(NULL == v);
    CHECK_INT(lex_longest(lx, doc, 9, doc->ntokens, LEX_BASE, &v), 2);
    CHECK_STR(v, "دولة");
    CHECK_INT(lex_longest(lx, doc, 0, doc->ntokens, LEX_KEY, NULL), 0);
    CHECK_INT(lex_longest(lx, doc, 99, 120, LEX_KEY, NULL), 0);

    /* punctuation never matches and stops a match */
    doc = tt_doc("سي، آي إيه «البيت الأبيض»");
    CHECK_INT(lex_longest(lx, doc, 0, doc->ntokens, LEX_KEY, NULL), 0);
    CHECK_INT(lex_longest(lx, doc, 1, doc->ntokens, LEX_KEY, NULL), 0);
    CHECK_INT(lex_longest(lx, doc, 5, doc->ntokens, LEX_KEY, &v), 2);
    CHECK_STR(v, "مبنى");
    /* the stem form: البيت → بيت */
    CHECK_INT(lex_longest(lx, doc, 5, 6, LEX_STEM, &v), 1);
    CHECK_STR(v, "y");
    CHECK_INT(lex_longest(NULL, doc, 0, 1, LEX_KEY, NULL), 0);
    lex_free(lx);
}

static void
test_first_mask(void)
{
    /* keys are folded: the words here fold to themselves */
    struct lex *a = lex_new(), *b = lex_new(), *empty = lex_new();
    lex_add(a, "وزير", NULL);
    lex_add(a, "مدير المكتب", NULL);
    lex_add(b, "مدير", NULL);
    lex_add(b, "مجلس الامن الدولي", NULL);
    const struct lex *set[4] = {a, NULL, b, empty};
    CHECK_INT(lex_first_mask(set, 4, "وزير"), 1);
    CHECK_INT(lex_first_mask(set, 4, "مدير"), 1 | 4); /* a prefix in a, an entry in b */
    CHECK_INT(lex_first_mask(set, 4, "مجلس"), 4);
    CHECK_INT(lex_first_mask(set, 4, "مجلس الامن"), 4); /* a prefix of two words */
    CHECK_INT(lex_first_mask(set, 4, "المكتب"), 0);
    CHECK_INT(lex_first_mask(set, 4, ""), 0);
    CHECK_INT(lex_first_mask(set, 4, NULL), 0);
    CHECK_INT(lex_first_mask(set, 2, "مدير"), 1);
    /* a clear bit means lex_longest() finds nothing there */
    tt_setup(NULL, NULL);
    struct txt_doc *doc = tt_doc("قال مدير المكتب، وزير مجلس الامن الدولي ومدير .");
    for (size_t i = 0; i < doc->ntokens; i++) {
        uint32_t m = lex_first_mask(set, 4, doc->tokens[i].base);
        for (size_t k = 0; k < 4; k++)
            if (!(m & (1u << k)))
                CHECK_INT(lex_longest(set[k], doc, i, doc->ntokens, LEX_BASE, NULL), 0);
    }
    CHECK_INT(lex_first_mask(set, 4, doc->tokens[doc->ntokens - 2].base), 5); /* ومدير → مدير */
    CHECK_INT(lex_longest(b, doc, 5, doc->ntokens, LEX_BASE, NULL), 3);
    /* the index of first words gives the same masks, for every key the
     * lexicons hold and for others */
    struct lex_firsts *fx = lex_firsts_new(set, 4), *fx2 = lex_firsts_new(set, 2);
    CHECK(NULL != fx && NULL != fx2);
    static const char *const keys[] = { "وزير", "مدير", "مجلس", "مجلس الامن", "مجلس الامن الدولي",
                                        "مدير المكتب", "المكتب", "", "الامن", "وزير مدير" };
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        CHECK_INT(lex_firsts_mask(fx, keys[k]), lex_first_mask(set, 4, keys[k]));
        CHECK_INT(lex_firsts_mask(fx2, keys[k]), lex_first_mask(set, 2, keys[k]));
    }
    for (size_t i = 0; i < doc->ntokens; i++)
        CHECK_INT(lex_firsts_mask(fx, doc->tokens[i].base), lex_first_mask(set, 4, doc->tokens[i].base));
    CHECK_INT(lex_firsts_mask(fx, NULL), 0);
    CHECK_INT(lex_firsts_mask(NULL, "وزير"), 0);
    lex_firsts_free(fx);
    lex_firsts_free(fx2);
    lex_firsts_free(NULL);
    /* a key hashed once answers as lex_get() does */
    struct lex_key lk;
    lex_key_init(&lk, "مدير");
    CHECK(NULL != lex_get_key(b, &lk) && lex_get_key(b, &lk) == lex_get(b, "مدير"));
    CHECK(NULL == lex_get_key(a, &lk)); /* only a prefix in a */
    CHECK(NULL == lex_get_key(NULL, &lk));
    lex_key_init(&lk, NULL);
    CHECK(NULL == lex_get_key(b, &lk));
    lex_free(a);
    lex_free(b);
    lex_free(empty);
}

/* lex_probe: a key given by length, and whether longer entries go on */
static void
test_probe(void)
{
    struct lex *lx = lex_new();
    lex_add(lx, "مجلس", "هيئة");
    lex_add(lx, "مجلس الامن الدولي", "منظمة");
    int more = -1;
    const char *key = "مجلس الامن الدولي";
    size_t w1 = strlen("مجلس"), w2 = strlen("مجلس الامن");
    CHECK_STR(lex_probe(lx, key, w1, &more), "هيئة");
    CHECK_INT(more, 1);
    /* a word prefix only: no value, but more */
    CHECK(NULL == lex_probe(lx, key, w2, &more));
    CHECK_INT(more, 1);
    CHECK_STR(lex_probe(lx, key, strlen(key), &more), "منظمة");
    CHECK_INT(more, 0);
    /* not a whole word: nothing */
    CHECK(NULL == lex_probe(lx, key, w1 - 2, &more));
    CHECK_INT(more, 0);
    CHECK(NULL == lex_probe(lx, "وزارة", strlen("وزارة"), NULL));
    CHECK(NULL == lex_probe(NULL, key, w1, &more));
    CHECK_INT(more, 0);
    /* many keys, so the table grows: every one still found */
    char buf[64];
    for (int i = 0; i < 3000; i++) {
        snprintf(buf, sizeof(buf), "بلد%d شمال", i);
        CHECK_INT(lex_add(lx, buf, NULL), LQ_OK);
    }
    int found = 0, prefixes = 0;
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(buf, sizeof(buf), "بلد%d شمال", i);
        found += NULL != lex_probe(lx, buf, (size_t)n, NULL);
        const char *sp = strchr(buf, ' ');
        lex_probe(lx, buf, (size_t)(sp - buf), &more);
        prefixes += more;
        found += NULL != lex_get(lx, buf);
    }
    CHECK_INT(found, 6000);
    CHECK_INT(prefixes, 3000);
    CHECK_INT(lex_size(lx), 3002);
    lex_free(lx);
}

int
main(void)
{
    test_probe();
    test_add_get();
    test_foreach();
    test_files();
    test_longest();
    test_first_mask();
    tt_teardown();
    return test_done();
}

/* end of test_lexicon.c */
