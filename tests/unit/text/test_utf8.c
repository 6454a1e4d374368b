/* Strict UTF-8 validation: every kind of ill-formed input, with the byte
 * offset of the first byte of the first ill-formed sequence. */
#include <string.h>

#include "liqa/arena.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "test.h"

struct vcase {
    const char *s;
    size_t len;
    int valid;
    size_t bad;
};

#define V(str) { str, sizeof(str) - 1, 1, 0 }
#define B(str, at) { str, sizeof(str) - 1, 0, at }

static const struct vcase cases[] = {
    V(""),
    V("abc"),
    V("مرحبا بالعالم"),
    V("\xF0\x9F\x98\x80"),          /* U+1F600 */
    V("\xF4\x8F\xBF\xBF"),          /* U+10FFFF, the last code point */
    V("\xEF\xBF\xBF"),              /* U+FFFF, a noncharacter, still valid */
    V("\xED\x9F\xBF"),              /* U+D7FF, just below the surrogates */
    V("\xEE\x80\x80"),              /* U+E000, just above them */
    V("\xC2\x80"),                  /* U+0080, the smallest two-byte form */
    V("\xE0\xA0\x80"),              /* U+0800, the smallest three-byte form */
    V("\xF0\x90\x80\x80"),          /* U+10000, the smallest four-byte form */
    V("a\0b"),                      /* NUL is a valid code point */
    /* lone continuation bytes */
    B("\x80", 0),
    B("ab\x80", 2),
    B("\xBF\xBF", 0),
    B("كلمة\x9F", 8),
    /* overlong forms */
    B("\xC0\xAF", 0),
    B("a\xC1\xBF", 1),
    B("\xE0\x80\xAF", 0),
    B("\xE0\x9F\xBF", 0),
    B("\xF0\x80\x80\xAF", 0),
    B("\xF0\x8F\xBF\xBF", 0),
    /* surrogates U+D800..U+DFFF */
    B("x\xED\xA0\x80", 1),
    B("\xED\xBF\xBF", 0),
    B("\xED\xA0\xBD\xED\xB8\x80", 0), /* CESU-8 pair */
    /* above U+10FFFF and impossible bytes */
    B("\xF4\x90\x80\x80", 0),
    B("\xF5\x80\x80\x80", 0),
    B("\xF8\x88\x80\x80\x80", 0),
    B("ok \xFE", 3),
    B("\xFF", 0),
    /* truncated sequences at the end */
    B("abc\xD8", 3),
    B("ab\xE2\x82", 2),
    B("\xF0\x9F\x98", 0),
    B("سلام\xF0", 8),
    /* truncated sequences in the middle */
    B("\xE2\x82x", 0),
    B("\xD8 ", 0),
    B("\xF0\x9F\x98\x41", 0),
    /* after a long ASCII run (the eight-byte fast path) */
    B("0123456789abcdef\x80", 16),
    B("0123456789abcdefg\xC3", 17),
};

static void
test_cases(void)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t bad = 12345;
        int ok = txt_utf8_valid(cases[i].s, cases[i].len, &bad);
        if (ok != cases[i].valid)
            fprintf(stderr, "case %zu\n", i);
        CHECK_INT(ok, cases[i].valid);
        if (!cases[i].valid) {
            if (bad != cases[i].bad)
                fprintf(stderr, "case %zu\n", i);
            CHECK_INT(bad, cases[i].bad);
        }
    }
    /* a NULL pointer with length 0 is the empty text */
    CHECK_INT(txt_utf8_valid(NULL, 0, NULL), 1);
}

static void
test_analyze_rejects(void)
{
    struct txt_ctx *ctx = NULL;
    CHECK_INT(txt_ctx_new(NULL, NULL, &ctx), LQ_OK);
    struct txt_scratch *sc = txt_scratch_new(ctx);
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc = (struct txt_doc *)&doc;
    size_t bad = 0;
    const char text[] = "قال الوزير \xED\xA0\x80 شيئا";
    CHECK_INT(txt_analyze(ctx, sc, a, text, sizeof(text) - 1, &bad, &doc), LQ_ERR_UTF8);
    CHECK_INT(bad, strlen("قال الوزير "));
    CHECK(NULL == doc);
    /* a valid text passes after a rejected one with the same scratch */
    CHECK_INT(txt_analyze(ctx, sc, a, "نعم", strlen("نعم"), &bad, &doc), LQ_OK);
    CHECK(doc && 1 == doc->ntokens);
    lq_arena_free(a);
    txt_scratch_free(sc);
    txt_ctx_free(ctx);
}

int
main(void)
{
    test_cases();
    test_analyze_rejects();
    return test_done();
}

/* end of test_utf8.c */
