/* Offsets in code points, UTF-16 units and UTF-8 bytes; slices; units. */
#include "text_test.h"

static void
test_tables(void)
{
    /* Arabic with a fatha, Latin, an astral emoji (two UTF-16 units, four
     * bytes), Arabic again */
    const char *text = "قالَ Trump 😀 نعم";
    struct txt_doc *doc = tt_doc(text);
    CHECK_INT(doc->len, strlen(text));
    CHECK_INT(doc->ncp, 16);
    static const uint32_t bytes[17] = { 0, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 22, 24, 26 };
    static const uint32_t u16[17] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17 };
    for (uint32_t i = 0; i <= 16; i++) {
        CHECK_INT(doc->cp_byte[i], bytes[i]);
        CHECK_INT(doc->cp_utf16[i], u16[i]);
        CHECK_INT(txt_offset(doc, i, TXT_UNIT_UTF8), bytes[i]);
        CHECK_INT(txt_offset(doc, i, TXT_UNIT_UTF16), u16[i]);
        CHECK_INT(txt_offset(doc, i, TXT_UNIT_CODEPOINT), i);
    }
    /* past the end clamps */
    CHECK_INT(txt_offset(doc, 99, TXT_UNIT_UTF8), 26);
    CHECK_INT(txt_offset(doc, 99, TXT_UNIT_UTF16), 17);

    CHECK_INT(doc->ntokens, 4);
    CHECK_STR(tt_join(doc, TT_SURFACE), "قالَ|Trump|😀|نعم");
    const struct txt_token *t = doc->tokens;
    CHECK_INT(t[0].start, 0);
    CHECK_INT(t[0].end, 4);
    CHECK_INT(t[1].start, 5);
    CHECK_INT(t[1].end, 10);
    CHECK_INT(t[2].start, 11);
    CHECK_INT(t[2].end, 12);
    CHECK_INT(t[3].start, 13);
    CHECK_INT(t[3].end, 16);
    /* the emoji in each unit */
    CHECK_INT(txt_offset(doc, t[2].start, TXT_UNIT_UTF16), 11);
    CHECK_INT(txt_offset(doc, t[2].end, TXT_UNIT_UTF16), 13);
    CHECK_INT(txt_offset(doc, t[2].start, TXT_UNIT_UTF8), 15);
    CHECK_INT(txt_offset(doc, t[2].end, TXT_UNIT_UTF8), 19);
    /* the last word in each unit */
    CHECK_INT(txt_offset(doc, t[3].start, TXT_UNIT_UTF16), 14);
    CHECK_INT(txt_offset(doc, t[3].start, TXT_UNIT_UTF8), 20);

    CHECK_STR(txt_slice(doc, tt_arena, 11, 12), "😀");
    CHECK_STR(txt_slice(doc, tt_arena, 0, 4), "قالَ");
    CHECK_STR(txt_slice(doc, tt_arena, 5, 16), "Trump 😀 نعم");
    CHECK_STR(txt_slice(doc, tt_arena, 3, 3), "");
    CHECK_STR(txt_slice(doc, tt_arena, 14, 99), "عم");
    CHECK_STR(txt_slice(doc, tt_arena, 9, 2), "");
    /* the sentence covers all */
    CHECK_INT(doc->nsents, 1);
    CHECK_INT(doc->sents[0].start, 0);
    CHECK_INT(doc->sents[0].end, 16);
}

static void
test_clitic_offsets(void)
{
    /* the mention of a name with a clitic starts after it in every unit */
    const char *text = "😀 وبومبيو";
    struct txt_doc *doc = tt_doc(text);
    CHECK_INT(doc->ntokens, 2);
    const struct txt_token *t = &doc->tokens[1];
    CHECK_INT(t->start, 2);
    CHECK_INT(t->body_start, 3);
    CHECK_INT(txt_offset(doc, t->body_start, TXT_UNIT_UTF16), 4);
    CHECK_INT(txt_offset(doc, t->body_start, TXT_UNIT_UTF8), 7);
    CHECK_STR(txt_slice(doc, tt_arena, t->body_start, t->end), "بومبيو");
}

static void
test_units(void)
{
    CHECK_INT(txt_unit_parse("codepoint"), TXT_UNIT_CODEPOINT);
    CHECK_INT(txt_unit_parse("utf16"), TXT_UNIT_UTF16);
    CHECK_INT(txt_unit_parse("utf8"), TXT_UNIT_UTF8);
    CHECK_INT(txt_unit_parse("UTF8"), -1);
    CHECK_INT(txt_unit_parse("bytes"), -1);
    CHECK_INT(txt_unit_parse(NULL), -1);
    CHECK_STR(txt_unit_name(TXT_UNIT_CODEPOINT), "codepoint");
    CHECK_STR(txt_unit_name(TXT_UNIT_UTF16), "utf16");
    CHECK_STR(txt_unit_name(TXT_UNIT_UTF8), "utf8");
}

int
main(void)
{
    tt_setup(NULL, NULL);
    test_tables();
    test_clitic_offsets();
    test_units();
    tt_teardown();
    return test_done();
}

/* end of test_offsets.c */
