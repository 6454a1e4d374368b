/*
 * libFuzzer harness: the Arabic text layer (txt_).
 *
 * Any bytes go to txt_utf8_valid(), txt_fold() and txt_analyze(); the
 * result is checked against text.h: the validator and the analyser agree
 * on where the text first goes wrong, the offset tables are monotone and
 * end at the text's length, tokens and sentences are ordered and inside the
 * text, each token's surface is its slice, keys hold no white space at the
 * ends, and txt_fold() behaves like snprintf with any buffer size.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#include "fuzz_common.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lq_lexicons *lexicons;
static struct txt_ctx *ctx;
static struct txt_scratch *scratch;
static struct lq_arena *arena;

static void
release(void)
{
    lq_arena_free(arena);
    txt_scratch_free(scratch);
    txt_ctx_free(ctx);
    lq_lexicons_free(lexicons);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[512] = "";
    if (LQ_OK != lq_lexicons_load(fz_lexicon_dir(), &lexicons, err, sizeof(err)))
        FZ_DIE("lexicons %s: %s", fz_lexicon_dir(), err);
    if (LQ_OK != txt_ctx_new(lexicons->protect, lexicons->known, &ctx))
        FZ_DIE("txt_ctx_new");
    scratch = txt_scratch_new(ctx);
    arena = lq_arena_new((size_t)512 << 20);
    if (NULL == scratch || NULL == arena)
        FZ_DIE("out of memory");
    atexit(release);
    return 0;
}

static void
check_key(const char *what, const char *k)
{
    FZ_CHECK(NULL != k, "%s is NULL", what);
    size_t n = strlen(k);
    if (n)
        FZ_CHECK(' ' != k[0] && ' ' != k[n - 1], "%s \"%s\" not trimmed", what, k);
    FZ_CHECK(txt_utf8_valid(k, n, NULL), "%s is not valid UTF-8", what);
}

static void
check_fold(const uint8_t *data, size_t size)
{
    char small[8], big[4096], one[1];
    const char *s = (const char *)data;
    size_t full = txt_fold(s, size, big, sizeof(big));
    size_t got = strlen(big);
    /* a truncated key may stop short of outcap - 1 so as not to cut a
     * character, or to end on the space before one: up to 4 bytes short */
    size_t cap = sizeof(big) - 1;
    FZ_CHECK(full <= cap ? got == full : (got <= cap && got + 5 > cap),
             "txt_fold returned %zu but wrote %zu bytes", full, got);
    size_t full2 = txt_fold(s, size, small, sizeof(small));
    FZ_CHECK(full2 == full, "txt_fold length depends on the buffer: %zu vs %zu", full2, full);
    FZ_CHECK(strlen(small) < sizeof(small), "txt_fold overran");
    FZ_CHECK(full < sizeof(big) || txt_utf8_valid(big, got, NULL) || !txt_utf8_valid(s, size, NULL),
             "a truncated key cuts a character");
    FZ_CHECK(0 == strncmp(small, big, strlen(small)), "truncated key is not a prefix");
    FZ_CHECK(txt_fold(s, size, one, 1) == full && '\0' == one[0], "txt_fold with outcap 1");
    /* folding is idempotent on text: a key is its own key (lexicons store keys) */
    if (full < sizeof(big) && txt_utf8_valid(s, size, NULL)) {
        char again[4096];
        size_t n2 = txt_fold(big, full, again, sizeof(again));
        FZ_CHECK(n2 == full && 0 == strcmp(again, big),
                 "txt_fold not idempotent: \"%s\" -> \"%s\"", big, again);
    }
}

static void
check_doc(const struct txt_doc *doc, const char *text, size_t len)
{
    FZ_CHECK(doc->text == text && doc->len == len, "doc does not borrow the text");
    FZ_CHECK(doc->ncp <= len, "ncp %u > len %zu", doc->ncp, len);
    FZ_CHECK(0 == doc->cp_byte[0] && 0 == doc->cp_utf16[0], "tables do not start at 0");
    FZ_CHECK(doc->cp_byte[doc->ncp] == len, "cp_byte[ncp] %u != len %zu", doc->cp_byte[doc->ncp],
             len);
    for (uint32_t i = 0; i < doc->ncp; i++) {
        uint32_t b = doc->cp_byte[i + 1] - doc->cp_byte[i];
        uint32_t u = doc->cp_utf16[i + 1] - doc->cp_utf16[i];
        FZ_CHECK(b >= 1 && b <= 4, "code point %u spans %u bytes", i, b);
        FZ_CHECK(u == (4 == b ? 2u : 1u), "code point %u spans %u UTF-16 units", i, u);
        FZ_CHECK(0x80 != ((unsigned char)text[doc->cp_byte[i]] & 0xC0),
                 "code point %u starts on a continuation byte", i);
    }
    uint32_t prev_end = 0;
    for (size_t t = 0; t < doc->ntokens; t++) {
        const struct txt_token *k = &doc->tokens[t];
        FZ_CHECK(k->start < k->end && k->end <= doc->ncp, "token %zu [%u,%u) ncp %u", t, k->start,
                 k->end, doc->ncp);
        FZ_CHECK(k->start >= prev_end, "token %zu starts at %u before the last end %u", t,
                 k->start, prev_end);
        FZ_CHECK(k->body_start >= k->start && k->body_start < k->end,
                 "token %zu body_start %u outside [%u,%u)", t, k->body_start, k->start, k->end);
        prev_end = k->end;
        size_t bs = doc->cp_byte[k->start], be = doc->cp_byte[k->end];
        FZ_CHECK(strlen(k->surface) == be - bs && 0 == memcmp(k->surface, text + bs, be - bs),
                 "token %zu surface is not its slice", t);
        check_key("key", k->key);
        check_key("base", k->base);
        check_key("stem", k->stem);
        FZ_CHECK(NULL != k->clitics, "token %zu clitics NULL", t);
        FZ_CHECK(k->kind <= TXT_SYMBOL, "token %zu kind %d", t, (int)k->kind);
        FZ_CHECK(k->sentence < doc->nsents, "token %zu in sentence %u of %zu", t, k->sentence,
                 doc->nsents);
        const struct txt_sentence *s = &doc->sents[k->sentence];
        FZ_CHECK(t >= s->tok_begin && t < s->tok_end, "token %zu outside its sentence's range",
                 t);
    }
    uint32_t prev_tok = 0, prev_cp = 0;
    for (size_t i = 0; i < doc->nsents; i++) {
        const struct txt_sentence *s = &doc->sents[i];
        FZ_CHECK(s->start <= s->end && s->end <= doc->ncp && s->start >= prev_cp,
                 "sentence %zu [%u,%u) after %u, ncp %u", i, s->start, s->end, prev_cp, doc->ncp);
        FZ_CHECK(s->tok_begin <= s->tok_end && s->tok_end <= doc->ntokens
                     && s->tok_begin >= prev_tok,
                 "sentence %zu tokens [%u,%u)", i, s->tok_begin, s->tok_end);
        for (uint32_t t = s->tok_begin; t < s->tok_end; t++)
            FZ_CHECK(doc->tokens[t].start >= s->start && doc->tokens[t].end <= s->end,
                     "token %u outside sentence %zu", t, i);
        prev_tok = s->tok_end;
        prev_cp = s->end;
    }
    /* offsets at the edges and a slice */
    FZ_CHECK(txt_offset(doc, doc->ncp, TXT_UNIT_UTF8) == len, "utf8 offset of the end");
    FZ_CHECK(txt_offset(doc, doc->ncp, TXT_UNIT_CODEPOINT) == doc->ncp, "cp offset of the end");
    FZ_CHECK(txt_offset(doc, doc->ncp, TXT_UNIT_UTF16) == doc->cp_utf16[doc->ncp],
             "utf16 offset of the end");
    if (doc->ntokens) {
        const struct txt_token *k = &doc->tokens[doc->ntokens / 2];
        char *sl = txt_slice(doc, arena, k->start, k->end);
        FZ_CHECK(NULL == sl || 0 == strcmp(sl, k->surface), "txt_slice differs from surface");
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t bad_v = (size_t)-1, bad_a = (size_t)-1;
    int valid = txt_utf8_valid(text, size, &bad_v);
    FZ_CHECK(valid || bad_v < size, "invalid but bad offset %zu >= size %zu", bad_v, size);
    check_fold(data, size);

    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    int rc = txt_analyze(ctx, scratch, arena, text, size, &bad_a, &doc);
    if (valid) {
        FZ_CHECK(LQ_OK == rc || LQ_ERR_NOMEM == rc, "valid UTF-8 gave %s",
                 lq_status_str(rc));
        if (LQ_OK == rc)
            check_doc(doc, text, size);
    } else {
        FZ_CHECK(LQ_ERR_UTF8 == rc, "invalid UTF-8 (byte %zu) gave %s", bad_v, lq_status_str(rc));
        FZ_CHECK(bad_a == bad_v, "validator says byte %zu, analyser %zu", bad_v, bad_a);
    }
    /* one word, as the trainer uses it: the first line, capped */
    size_t wl = 0;
    while (wl < size && wl < 256 && '\n' != text[wl])
        wl++;
    if (txt_utf8_valid(text, wl, NULL) && wl > 0) {
        struct txt_token tok;
        rc = txt_analyze_word(ctx, arena, text, wl, &tok);
        FZ_CHECK(LQ_OK == rc || LQ_ERR_NOMEM == rc, "txt_analyze_word gave %s",
                 lq_status_str(rc));
        if (LQ_OK == rc) {
            check_key("word key", tok.key);
            check_key("word base", tok.base);
            check_key("word stem", tok.stem);
        }
    }
    return 0;
}

/* end of fuzz_text.c */
