/**
 * @file text_test.h
 * @brief Helpers of the text-layer unit tests: one context, scratch and
 *        arena per test program, and token lists joined into one string.
 */
#pragma once

#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "test.h"

static struct txt_ctx *tt_ctx;
static struct txt_scratch *tt_scratch;
static struct lq_arena *tt_arena;

/** Set up with these lexicons (borrowed; may be NULL). */
static inline void
tt_setup(const struct lex *protect, const struct lex *known)
{
    txt_scratch_free(tt_scratch);
    txt_ctx_free(tt_ctx);
    tt_ctx = NULL;
    if (LQ_OK != txt_ctx_new(protect, known, &tt_ctx) || NULL == (tt_scratch = txt_scratch_new(tt_ctx))) {
        fprintf(stderr, "text context setup failed\n");
        exit(TEST_SETUP_FAILURE);
    }
    if (NULL == tt_arena && NULL == (tt_arena = lq_arena_new(0)))
        exit(TEST_SETUP_FAILURE);
}

static inline void
tt_teardown(void)
{
    txt_scratch_free(tt_scratch);
    txt_ctx_free(tt_ctx);
    lq_arena_free(tt_arena);
    tt_scratch = NULL;
    tt_ctx = NULL;
    tt_arena = NULL;
}

/** Analyse a NUL-terminated text; NULL (and a failed check) on error. */
static inline struct txt_doc *
tt_doc(const char *text)
{
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    int ret = txt_analyze(tt_ctx, tt_scratch, tt_arena, text, strlen(text), &bad, &doc);
    CHECK_INT(ret, LQ_OK);
    return ret ? NULL : doc;
}

enum tt_field { TT_SURFACE, TT_KEY, TT_BASE, TT_STEM, TT_CLITICS, TT_KIND };

static const char *const tt_kinds[] = { "W", "L", "N", "D", "H", "P", "S" };

/** One field of every token, joined with '|'. */
static inline const char *
tt_join(const struct txt_doc *doc, enum tt_field f)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; doc && i < doc->ntokens; i++) {
        const struct txt_token *t = &doc->tokens[i];
        const char *s = TT_SURFACE == f ? t->surface
                        : TT_KEY == f   ? t->key
                        : TT_BASE == f  ? t->base
                        : TT_STEM == f  ? t->stem
                        : TT_CLITICS == f ? t->clitics
                                          : tt_kinds[t->kind];
        size_t l = strlen(s);
        if (n + l + 2 >= sizeof(buf))
            break;
        if (i)
            buf[n++] = '|';
        memcpy(buf + n, s, l);
        n += l;
        buf[n] = '\0';
    }
    return buf;
}

/** Surfaces of the tokens of @p text joined with '|'. */
static inline const char *
tt_tokens(const char *text)
{
    return tt_join(tt_doc(text), TT_SURFACE);
}

/** Kinds (W L N D H P S) of the tokens of @p text joined with '|'. */
static inline const char *
tt_kinds_of(const char *text)
{
    return tt_join(tt_doc(text), TT_KIND);
}

/** The sentences of @p text as their token surfaces, sentences split by " // ". */
static inline const char *
tt_sentences(const char *text)
{
    static char buf[8192];
    struct txt_doc *doc = tt_doc(text);
    size_t n = 0;
    buf[0] = '\0';
    for (size_t s = 0; doc && s < doc->nsents; s++) {
        const struct txt_sentence *se = &doc->sents[s];
        for (size_t t = se->tok_begin; t < se->tok_end; t++) {
            const char *w = doc->tokens[t].surface;
            size_t l = strlen(w);
            if (n + l + 6 >= sizeof(buf))
                return buf;
            if (t > se->tok_begin)
                buf[n++] = ' ';
            else if (s)
                n += (size_t)sprintf(buf + n, " // ");
            memcpy(buf + n, w, l);
            n += l;
            buf[n] = '\0';
        }
    }
    return buf;
}

/* end of text_test.h */
