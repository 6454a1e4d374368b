/* Match keys: every folding rule of txt_fold(). */
#include <string.h>

#include "liqa/text.h"
#include "test.h"

static const char *
fold(const char *s)
{
    static char out[1024];
    size_t n = txt_fold(s, strlen(s), out, sizeof(out));
    if (n != strlen(out))
        return "(length mismatch)";
    return out;
}

static void
test_arabic(void)
{
    /* diacritics (harakat, shadda, sukun, dagger alef) vanish */
    CHECK_STR(fold("مُحَمَّدٌ"), "محمد");
    CHECK_STR(fold("الرَّحْمٰن"), "الرحمن");
    /* tatweel */
    CHECK_STR(fold("الســــلام"), "السلام");
    /* hamza and madda forms of alef, and alef wasla */
    CHECK_STR(fold("أحمد إبراهيم آمنة ٱلكتاب"), "احمد ابراهيم امنه الكتاب");
    /* alef maqsura, teh marbuta, hamza on waw and yeh */
    CHECK_STR(fold("مصطفى"), "مصطفي");
    CHECK_STR(fold("مدينة"), "مدينه");
    CHECK_STR(fold("مؤتمر"), "موتمر");
    CHECK_STR(fold("رئيس"), "رييس");
    /* a decomposed hamza above folds like the precomposed letter */
    CHECK_STR(fold("ا\xD9\x94حمد"), "احمد");
    /* Persian and Urdu letters */
    CHECK_STR(fold("ی ک ہ ە"), "ي ك ه ه");
    CHECK_STR(fold("پاکستان"), "پاكستان");
    /* the hamza alone stays */
    CHECK_STR(fold("سماء"), "سماء");
}

static void
test_digits(void)
{
    CHECK_STR(fold("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    CHECK_STR(fold("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    CHECK_STR(fold("٣١/١/٢٠١٨"), "31/1/2018");
    CHECK_STR(fold("٣٫٥"), "3.5");
    CHECK_STR(fold("١٬٠٠٠"), "1,000");
    CHECK_STR(fold("٪٥٠"), "%50");
    /* other scripts through ICU: Devanagari, fullwidth */
    CHECK_STR(fold("२०१८"), "2018");
    CHECK_STR(fold("２０"), "20");
}

static void
test_presentation_forms(void)
{
    CHECK_STR(fold("\xEF\xBB\xBB"), "لا");                /* U+FEFB lam-alef ligature */
    CHECK_STR(fold("\xEF\xBB\xB7"), "لا");                /* U+FEF7 lam-alef with hamza */
    CHECK_STR(fold("\xEF\xB7\xB2"), "الله");              /* U+FDF2 */
    CHECK_STR(fold("\xEF\xBB\xA3\xEF\xBA\xA4\xEF\xBB\xA4\xEF\xBA\xAA"), "محمد"); /* positional */
    CHECK_STR(fold("\xEF\xB7\xBA"), "صلي الله عليه وسلم"); /* U+FDFA, spells four words */
    CHECK_STR(fold("\xEF\xB9\xB1"), "");                  /* U+FE71 tatweel with fatha */
    CHECK_STR(fold("\xEF\xAF\xBC"), "ي");                 /* U+FBFC Farsi yeh isolated */
}

static void
test_invisible(void)
{
    CHECK_STR(fold("\xE2\x80\x8Fمحمد\xE2\x80\x8D"), "محمد"); /* RLM, ZWJ */
    CHECK_STR(fold("می\xE2\x80\x8Cخواهم"), "ميخواهم");      /* ZWNJ */
    CHECK_STR(fold("a\xE2\x80\x8B" "b"), "ab");               /* ZWSP */
    CHECK_STR(fold("\xEF\xBB\xBFنص"), "نص");                  /* BOM */
    CHECK_STR(fold("\xE2\x80\xAB" "قال\xE2\x80\xAC"), "قال"); /* RLE, PDF */
    CHECK_STR(fold("\xE2\x81\xA7" "كلمة\xE2\x81\xA9"), "كلمه"); /* RLI, PDI */
    CHECK_STR(fold("\xD8\x9C" "نص"), "نص");                   /* ALM */
    CHECK_STR(fold("soft\xC2\xADhyphen"), "softhyphen");
}

static void
test_latin_and_space(void)
{
    CHECK_STR(fold("CIA Trump's"), "cia trump's");
    CHECK_STR(fold("ÉCOLE Ärzte"), "école ärzte");
    CHECK_STR(fold("  واشنطن \t\n بوست  "), "واشنطن بوست");
    CHECK_STR(fold("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d"), "a b c d"); /* NBSP etc. */
    CHECK_STR(fold(" \t\r\n "), "");
    CHECK_STR(fold(""), "");
    /* a space made only of removed characters does not appear */
    CHECK_STR(fold("\xE2\x80\x8F \xE2\x80\x8F"), "");
    /* NUL counts as white space */
    char out[16];
    CHECK_INT(txt_fold("a\0b", 3, out, sizeof(out)), 3);
    CHECK_STR(out, "a b");
}

static void
test_truncation(void)
{
    char out[8];
    /* the full length comes back; the output keeps whole characters */
    CHECK_INT(txt_fold("محمد", strlen("محمد"), out, 4), 8);
    CHECK_STR(out, "م");
    CHECK_INT(txt_fold("محمد", strlen("محمد"), out, 5), 8);
    CHECK_STR(out, "مح");
    CHECK_INT(txt_fold("abc", 3, out, 1), 3);
    CHECK_STR(out, "");
    CHECK_INT(txt_fold("abc", 3, NULL, 0), 3);
    /* invalid bytes read as U+FFFD */
    CHECK_INT(txt_fold("a\xFF", 2, out, sizeof(out)), 4);
    CHECK_STR(out, "a\xEF\xBF\xBD");
}

int
main(void)
{
    test_arabic();
    test_digits();
    test_presentation_forms();
    test_invisible();
    test_latin_and_space();
    test_truncation();
    return test_done();
}

/* end of test_fold.c */
