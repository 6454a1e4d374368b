/* Tokenization: Arabic and Latin words, numbers, dates, hashtags,
 * punctuation, quotes, symbols, invisible characters, the length cap. */
#include "text_test.h"

static void
test_words(void)
{
    CHECK_STR(tt_tokens("التقى مايك بومبيو مع مدير CIA في لانجلي"),
              "التقى|مايك|بومبيو|مع|مدير|CIA|في|لانجلي");
    CHECK_STR(tt_kinds_of("قال Trump's للصحفيين"), "W|L|W");
    /* a hyphen joining letters stays inside a Latin word; digits too */
    CHECK_STR(tt_tokens("طائرات F-16 وطراز Al-Qaeda"), "طائرات|F-16|وطراز|Al-Qaeda");
    CHECK_STR(tt_tokens("شبكة 5G الجديدة"), "شبكة|5G|الجديدة");
    CHECK_STR(tt_kinds_of("شبكة 5G"), "W|L");
    /* initials keep their inner dots */
    CHECK_STR(tt_tokens("جيش U.S. Army هنا"), "جيش|U.S|.|Army|هنا");
    /* Arabic words split at hyphens and slashes */
    CHECK_STR(tt_tokens("في أيار/مايو الماضي"), "في|أيار|/|مايو|الماضي");
    CHECK_STR(tt_tokens("العلاقات الروسية-الأمريكية"), "العلاقات|الروسية|-|الأمريكية");
    /* script change splits */
    CHECK_STR(tt_tokens("iPhoneالجديد"), "iPhone|الجديد");
    /* Persian and Urdu letters are Arabic-script letters */
    CHECK_STR(tt_kinds_of("پاکستان ہے یہ"), "W|W|W");
    /* diacritics, tatweel and ZWNJ stay in the surface, leave the key */
    struct txt_doc *doc = tt_doc("مُحَمَّد الســلام می\xE2\x80\x8Cخواهم");
    CHECK_STR(tt_join(doc, TT_SURFACE), "مُحَمَّد|الســلام|می\xE2\x80\x8Cخواهم");
    CHECK_STR(tt_join(doc, TT_KEY), "محمد|السلام|ميخواهم");
    /* bidi marks around a word are not part of it */
    doc = tt_doc("\xE2\x80\x8Fقال\xE2\x80\x8F الوزير");
    CHECK_STR(tt_join(doc, TT_SURFACE), "قال|الوزير");
    CHECK_INT(doc->tokens[0].start, 1);
    CHECK_INT(doc->tokens[0].end, 4);
}

static void
test_numbers_and_dates(void)
{
    CHECK_STR(tt_tokens("ارتفع بنسبة 3.5 في المئة إلى 1,000 دولار"),
              "ارتفع|بنسبة|3.5|في|المئة|إلى|1,000|دولار");
    CHECK_STR(tt_kinds_of("3.5 1,000 ٣٫٥ ١٬٠٠٠ 1,234.5"), "N|N|N|N|N");
    /* a sentence-final period is not part of the number */
    CHECK_STR(tt_tokens("بلغ العدد 25."), "بلغ|العدد|25|.");
    CHECK_STR(tt_tokens("في 31/1/2018 و2018-01-31 و1/1 و31.1.2018"),
              "في|31/1/2018|و|2018-01-31|و|1/1|و|31.1.2018");
    struct txt_doc *doc = tt_doc("31/1/2018 2018-01-31 1/1 ٣١/١/٢٠١٨ 5/2018 31.1.2018");
    CHECK_STR(tt_join(doc, TT_KIND), "D|D|D|D|D|D");
    CHECK_STR(doc->tokens[3].key, "31/1/2018");
    /* ranges and scores are not dates */
    CHECK_STR(tt_tokens("بين 2017-2018 بنتيجة 3-2"), "بين|2017|-|2018|بنتيجة|3|-|2");
    /* a number glued to Arabic letters */
    CHECK_STR(tt_tokens("عام 2018م"), "عام|2018|م");
    /* times keep their colon as punctuation */
    CHECK_STR(tt_kinds_of("10:30"), "N|P|N");
}

static void
test_hashtags_and_symbols(void)
{
    CHECK_STR(tt_tokens("وسم #سوريا_اليوم و#Syria انتشر"), "وسم|#سوريا_اليوم|و|#Syria|انتشر");
    CHECK_STR(tt_kinds_of("#سوريا_اليوم #Syria # وحده"), "H|H|P|W");
    /* an emoji with a skin tone is one symbol; an astral emoji too */
    CHECK_STR(tt_kinds_of("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x98\x80 $ ٪"), "S|S|S|P");
    CHECK_STR(tt_tokens("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!"), "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD|!");
    /* punctuation: one token per character */
    CHECK_STR(tt_tokens("حقا؟!..."), "حقا|؟|!|.|.|.");
    CHECK_STR(tt_tokens("(الأمم المتحدة)"), "(|الأمم|المتحدة|)");
}

static void
test_quotes(void)
{
    struct txt_doc *doc = tt_doc("ذكرت صحيفة «واشنطن بوست» أن اللقاء تم");
    CHECK_STR(tt_join(doc, TT_SURFACE), "ذكرت|صحيفة|«|واشنطن|بوست|»|أن|اللقاء|تم");
    CHECK_INT(doc->tokens[2].kind, TXT_PUNCT);
    CHECK_INT(doc->tokens[3].flags & (TXT_F_QUOTE_OPEN | TXT_F_IN_QUOTES),
              TXT_F_QUOTE_OPEN | TXT_F_IN_QUOTES);
    CHECK_INT(doc->tokens[4].flags & (TXT_F_QUOTE_CLOSE | TXT_F_IN_QUOTES),
              TXT_F_QUOTE_CLOSE | TXT_F_IN_QUOTES);
    CHECK_INT(doc->tokens[1].flags & TXT_F_IN_QUOTES, 0);
    CHECK_INT(doc->tokens[6].flags & TXT_F_IN_QUOTES, 0);

    /* straight double quotes, and curly ones in either order */
    const char *texts[] = {
        "قالت \"واشنطن بوست\" إن",
        "قالت “واشنطن بوست” إن",
        "قالت ”واشنطن بوست“ إن",
        "قالت »واشنطن بوست« إن",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        doc = tt_doc(texts[i]);
        CHECK_INT(doc->ntokens, 6);
        CHECK(doc->tokens[2].flags & TXT_F_QUOTE_OPEN);
        CHECK(doc->tokens[2].flags & TXT_F_IN_QUOTES);
        CHECK(doc->tokens[3].flags & TXT_F_QUOTE_CLOSE);
        CHECK(doc->tokens[3].flags & TXT_F_IN_QUOTES);
        CHECK_INT(doc->tokens[5].flags & TXT_F_IN_QUOTES, 0);
    }

    /* a quote left open marks nothing; quotes do not span lines */
    doc = tt_doc("قال «إن الاجتماع\nانتهى» اليوم");
    for (size_t i = 0; i < doc->ntokens; i++)
        CHECK_INT(doc->tokens[i].flags & TXT_F_IN_QUOTES, 0);
    /* nesting */
    doc = tt_doc("قال «وصف \"اللقاء\" بالمثمر» أمس");
    CHECK_STR(tt_join(doc, TT_SURFACE), "قال|«|وصف|\"|اللقاء|\"|بالمثمر|»|أمس");
    CHECK(doc->tokens[2].flags & TXT_F_IN_QUOTES);
    CHECK(doc->tokens[4].flags & TXT_F_IN_QUOTES);
    CHECK(doc->tokens[4].flags & TXT_F_QUOTE_OPEN);
    CHECK(doc->tokens[6].flags & TXT_F_QUOTE_CLOSE);
    CHECK_INT(doc->tokens[8].flags & TXT_F_IN_QUOTES, 0);
}

static void
test_lines_and_cap(void)
{
    struct txt_doc *doc = tt_doc("سطر أول\nسطر ثان\r\n\r\nثالث");
    CHECK_INT(doc->ntokens, 5);
    CHECK(doc->tokens[0].flags & TXT_F_LINE_START);
    CHECK_INT(doc->tokens[1].flags & TXT_F_LINE_START, 0);
    CHECK(doc->tokens[2].flags & TXT_F_LINE_START);
    CHECK(doc->tokens[4].flags & TXT_F_LINE_START);

    /* a run of 600 letters becomes tokens of at most 256 code points */
    char buf[1300];
    size_t n = 0;
    for (int i = 0; i < 600; i++) {
        memcpy(buf + n, "ب", 2);
        n += 2;
    }
    buf[n] = '\0';
    doc = tt_doc(buf);
    CHECK_INT(doc->ntokens, 3);
    CHECK_INT(doc->tokens[0].end - doc->tokens[0].start, 256);
    CHECK_INT(doc->tokens[2].end, 600);
}

int
main(void)
{
    tt_setup(NULL, NULL);
    test_words();
    test_numbers_and_dates();
    test_hashtags_and_symbols();
    test_quotes();
    test_lines_and_cap();
    tt_teardown();
    return test_done();
}

/* end of test_tokenize.c */
