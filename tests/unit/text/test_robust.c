/* Hostile and odd inputs: huge runs, endless sentences, NUL bytes, bidi
 * controls, joiners, Persian and Urdu, mixed scripts, empty texts, arena
 * limits. Every result is checked for its invariants. */
#include "text_test.h"

static void
check_doc(const struct txt_doc *doc, const char *text, size_t len)
{
    if (text)
        CHECK(doc->text == text);
    CHECK_INT(doc->len, len);
    CHECK_INT(doc->cp_byte[doc->ncp], len);
    size_t next_tok_start = 0;
    for (size_t i = 0; i < doc->ntokens && i < 50000; i++) {
        const struct txt_token *t = &doc->tokens[i];
        CHECK(t->start >= next_tok_start);
        CHECK(t->end > t->start);
        CHECK(t->end - t->start <= 256 + 32);
        CHECK(t->body_start >= t->start && t->body_start < t->end);
        CHECK(t->surface && t->key && t->base && t->stem && t->clitics);
        CHECK(t->sentence < doc->nsents);
        size_t sb = doc->cp_byte[t->end] - doc->cp_byte[t->start];
        CHECK_INT(strlen(t->surface), sb);
        next_tok_start = t->end;
    }
    size_t next = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        CHECK_INT(doc->sents[s].tok_begin, next);
        CHECK(doc->sents[s].tok_end > doc->sents[s].tok_begin);
        next = doc->sents[s].tok_end;
    }
    CHECK_INT(next, doc->ntokens);
}

static struct txt_doc *
analyze_n(const char *text, size_t len)
{
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    lq_arena_reset(tt_arena);
    int ret = txt_analyze(tt_ctx, tt_scratch, tt_arena, text, len, &bad, &doc);
    CHECK_INT(ret, LQ_OK);
    if (doc)
        check_doc(doc, text, len);
    return doc;
}

static char *
repeat(const char *unit, size_t times, size_t *len)
{
    size_t ul = strlen(unit);
    char *buf = malloc(ul * times + 1);
    if (NULL == buf)
        exit(TEST_SETUP_FAILURE);
    for (size_t i = 0; i < times; i++)
        memcpy(buf + i * ul, unit, ul);
    buf[ul * times] = '\0';
    *len = ul * times;
    return buf;
}

static void
test_huge_word(void)
{
    /* 10 MB of one letter */
    size_t len;
    char *text = repeat("ب", 5u * 1024 * 1024, &len);
    struct txt_doc *doc = analyze_n(text, len);
    if (doc) {
        CHECK_INT(doc->ncp, 5u * 1024 * 1024);
        CHECK_INT(doc->ntokens, (5u * 1024 * 1024 + 255) / 256);
        CHECK_INT(doc->nsents, 1);
    }
    free(text);
    /* 10 MB of ASCII letters */
    text = repeat("a", 10u * 1024 * 1024, &len);
    doc = analyze_n(text, len);
    if (doc)
        CHECK_INT(doc->ntokens, 10u * 1024 * 1024 / 256);
    free(text);
}

static void
test_endless_sentence(void)
{
    size_t len;
    char *text = repeat("كلمة ", 100000, &len);
    struct txt_doc *doc = analyze_n(text, len);
    if (doc) {
        CHECK_INT(doc->ntokens, 100000);
        CHECK_INT(doc->nsents, 1);
        CHECK_INT(doc->sents[0].end, 100000 * 5 - 1);
    }
    free(text);
    /* and a million punctuation marks */
    text = repeat("،", 1000000, &len);
    doc = analyze_n(text, len);
    if (doc)
        CHECK_INT(doc->ntokens, 1000000);
    free(text);
}

static void
test_odd_characters(void)
{
    /* NUL bytes are white space */
    static const char nul[] = "قال\0الوزير\0\0إن";
    struct txt_doc *doc = analyze_n(nul, sizeof(nul) - 1);
    if (doc) {
        CHECK_INT(doc->ntokens, 3);
        CHECK_STR(doc->tokens[1].surface, "الوزير");
    }
    /* bidi controls and joiners everywhere */
    static const char bidi[] = "\xE2\x80\xAB\xE2\x80\x8Fقال\xE2\x80\x8D\xE2\x80\x8C "
                               "\xE2\x81\xA6Trump\xE2\x81\xA9 \xE2\x80\x8E\xE2\x80\x8E\xE2\x80\x8E";
    doc = analyze_n(bidi, sizeof(bidi) - 1);
    if (doc) {
        CHECK_INT(doc->ntokens, 2);
        CHECK_STR(doc->tokens[0].key, "قال");
        CHECK_STR(doc->tokens[1].key, "trump");
    }
    /* only invisible characters and marks: no tokens */
    static const char inv[] = "\xE2\x80\x8F\xE2\x80\x8D \xD9\x8E\xD9\x8E \xEF\xBB\xBF";
    doc = analyze_n(inv, sizeof(inv) - 1);
    if (doc) {
        CHECK_INT(doc->ntokens, 0);
        CHECK_INT(doc->nsents, 0);
    }
    /* Persian, Urdu, mixed scripts, presentation forms */
    static const char mix[] = "رئیس‌جمهور ایران و وزیر خارجه پاکستان یہ ہے؛ CIA-led مع "
                              "\xEF\xBB\xBB\xEF\xB7\xBA Москва 東京 ٣١/١/٢٠١٨";
    doc = analyze_n(mix, sizeof(mix) - 1);
    if (doc) {
        CHECK_STR(doc->tokens[0].key, "رييسجمهور");
        CHECK(doc->nsents == 2);
    }
    /* control characters of every kind */
    char ctl[64];
    for (int i = 0; i < 32; i++)
        ctl[i] = (char)i;
    memcpy(ctl + 32, "نص", 4);
    doc = analyze_n(ctl, 36);
    if (doc)
        CHECK_INT(doc->ntokens, 1);
    /* empty and white space */
    doc = analyze_n("", 0);
    if (doc)
        CHECK_INT(doc->ntokens + doc->nsents, 0);
    doc = analyze_n(NULL, 0);
    if (doc)
        CHECK_INT(doc->ntokens + doc->nsents, 0);
}

static void
test_arena_limit(void)
{
    struct lq_arena *small = lq_arena_new(64 * 1024);
    size_t len, bad;
    char *text = repeat("كلمة ", 20000, &len);
    struct txt_doc *doc = (struct txt_doc *)&len;
    CHECK_INT(txt_analyze(tt_ctx, tt_scratch, small, text, len, &bad, &doc), LQ_ERR_NOMEM);
    CHECK(NULL == doc);
    /* the scratch still works afterwards */
    lq_arena_free(small);
    doc = analyze_n(text, len);
    CHECK(NULL != doc);
    free(text);
    /* no scratch given: a temporary one */
    lq_arena_reset(tt_arena);
    CHECK_INT(txt_analyze(tt_ctx, NULL, tt_arena, "نص قصير.", strlen("نص قصير."), &bad, &doc),
              LQ_OK);
    CHECK_INT(txt_analyze(tt_ctx, tt_scratch, NULL, "x", 1, &bad, &doc), LQ_ERR_INVALID);
}

/* Random texts over an alphabet of the characters the layer treats
 * specially (fixed seed, so the run is repeatable). */
static void
test_random(void)
{
    static const char *const alphabet[] = {
        "و", "ف", "ب", "ل", "ك", "س", "ا", "أ", "ل", "ي", "ت", "ن", "ة", "ى", "ـ", "َ", "ّ",
        "ی", "ک", "ہ", "ﻻ", "ﷺ", "ﻭ", " ", "\n", "\r", "\t", ".", ",", "،", "؛", "؟", "!",
        "?", "/", "-", ":", "#", "_", "'", "\"", "«", "»", "“", "”", "(", ")", "1", "٣", "۴",
        "٫", "٬", "a", "Z", "é", "😀", "🏽", "\xE2\x80\x8D", "\xE2\x80\x8C", "\xE2\x80\x8F",
        "\xE2\x81\xA7", "\xEF\xBB\xBF", "\xC2\xA0", "\xC2\xAD", "$", "%", "\xD8\x80",
    };
    size_t na = sizeof(alphabet) / sizeof(alphabet[0]);
    uint32_t seed = 12345;
    char buf[4096];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        size_t parts = (seed >> 16) % 200;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = alphabet[(seed >> 16) % na];
            size_t l = strlen(a);
            if (n + l >= sizeof(buf))
                break;
            memcpy(buf + n, a, l);
            n += l;
        }
        buf[n] = '\0';
        analyze_n(buf, n);
        /* every word also through txt_analyze_word */
        struct txt_token t;
        CHECK_INT(txt_analyze_word(tt_ctx, tt_arena, buf, n < 64 ? n : 0, &t), LQ_OK);
    }
}

int
main(void)
{
    tt_setup(NULL, NULL);
    test_huge_word();
    test_endless_sentence();
    test_odd_characters();
    test_arena_limit();
    test_random();
    tt_teardown();
    return test_done();
}

/* end of test_robust.c */
