/* txt_analyze(): validation, code point and offset tables, tokens with their
 * keys and segmentation, sentences; the context, the scratch and offsets. */
#include "text_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/status.h"

/* Scratch buffers above this many elements are freed after each text.
 * Kept, a long text's buffers (about 9 MB for 1 MB of text, at 2^20 here
 * before) stayed with the thread while the stages after this one
 * allocated; freed, malloc hands them the same memory. An article needs a
 * few thousand code points and keeps its buffers. */
#define SCRATCH_KEEP (1u << 16)
/* Documents with more words skip the second segmentation pass. */
#define DOC_WORDS_MAX (1u << 20)

int
txt_ctx_new(const struct lex *protect, const struct lex *known, struct txt_ctx **out)
{
    if (NULL == out)
        return LQ_ERR_INVALID;
    *out = NULL;
    txti_tables_init();
    struct txt_ctx *ctx = calloc(1, sizeof(*ctx));
    if (NULL == ctx)
        return LQ_ERR_NOMEM;
    ctx->protect = protect;
    ctx->known = known;
    UErrorCode st = U_ZERO_ERROR;
    ctx->brk = ubrk_open(UBRK_SENTENCE, "ar", NULL, 0, &st);
    int ret;
    if (U_FAILURE(st) || NULL == ctx->brk) {
        ret = U_MEMORY_ALLOCATION_ERROR == st ? LQ_ERR_NOMEM : LQ_ERR_ICU;
        goto fail;
    }
    *out = ctx;
    return LQ_OK;
fail:
    txt_ctx_free(ctx);
    return ret;
}

void
txt_ctx_free(struct txt_ctx *ctx)
{
    if (NULL == ctx)
        return;
    if (ctx->brk)
        ubrk_close(ctx->brk);
    free(ctx);
}

struct txt_scratch *
txt_scratch_new(const struct txt_ctx *ctx)
{
    struct txt_scratch *s = calloc(1, sizeof(*s));
    if (NULL == s)
        return NULL;
    if (ctx && ctx->brk) {
        UErrorCode st = U_ZERO_ERROR;
        s->brk = ubrk_clone(ctx->brk, &st);
        if (U_FAILURE(st) || NULL == s->brk)
            goto fail;
    }
    return s;
fail:
    txt_scratch_free(s);
    return NULL;
}

void
txt_scratch_free(struct txt_scratch *s)
{
    if (NULL == s)
        return;
    if (s->brk)
        ubrk_close(s->brk);
    free(s->cps);
    free(s->u16);
    free(s->bounds);
    txti_keyset_free(&s->words);
    free(s);
}

static void
scratch_trim(struct txt_scratch *s)
{
    if (s->cps_cap > SCRATCH_KEEP) {
        free(s->cps);
        s->cps = NULL;
        s->cps_cap = 0;
    }
    if (s->u16_cap > SCRATCH_KEEP) {
        free(s->u16);
        s->u16 = NULL;
        s->u16_cap = 0;
    }
    if (s->words.alloc > SCRATCH_KEEP)
        txti_keyset_free(&s->words);
    if (s->bounds_cap > SCRATCH_KEEP) {
        free(s->bounds);
        s->bounds = NULL;
        s->bounds_cap = 0;
    }
}

/* The clitic strings, static so that tokens need no copy. */
static const char *const clitic_names[] = {
    "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس",
};

static const char *
clitic_string(const char *key, size_t n, struct lq_arena *arena)
{
    if (0 == n)
        return "";
    for (size_t i = 0; i < sizeof(clitic_names) / sizeof(clitic_names[0]); i++)
        if (strlen(clitic_names[i]) == n && 0 == memcmp(clitic_names[i], key, n))
            return clitic_names[i];
    return lq_arena_strndup(arena, key, n);
}

/* Segment a word token whose key is set; with @p doc, only a new cut
 * changes it. */
static int
segment_token(const struct txt_ctx *ctx, struct lq_arena *arena, const uint32_t *tc, size_t tn,
              const struct txti_keyset *doc, struct txt_token *tok)
{
    struct txti_seg seg;
    txti_segment(ctx ? ctx->protect : NULL, ctx ? ctx->known : NULL, tc, tn, tok->key, doc, &seg);
    if (doc && 0 == seg.nclitic)
        return LQ_OK;
    const char *key = tok->key;
    tok->clitics = "";
    tok->body_start = tok->start;
    if (seg.nclitic) {
        tok->clitics = clitic_string(key, seg.key_clitic, arena);
        if (NULL == tok->clitics)
            return LQ_ERR_NOMEM;
        tok->body_start = tok->start + seg.body_cp;
    }
    const char *rest = key + seg.key_clitic;
    if (seg.elided) {
        /* ل + ال written لل: base "ال" + the rest, which starts with the lam */
        size_t rl = strlen(rest);
        char *base = lq_arena_alloc(arena, rl + 3);
        if (NULL == base)
            return LQ_ERR_NOMEM;
        memcpy(base, "\xD8\xA7", 2); /* alef */
        memcpy(base + 2, rest, rl + 1);
        tok->base = base;
        tok->stem = base + 4;
    } else {
        tok->base = rest;
        tok->stem = seg.al ? rest + 4 : rest;
    }
    tok->flags &= ~(uint32_t)TXT_F_AL;
    if (seg.al)
        tok->flags |= TXT_F_AL;
    return LQ_OK;
}

/*
 * Fill surface, key, base, stem, clitics, body_start and the AL flag of a
 * token whose code points are tc[0, tn) and whose text is src[0, sb).
 */
static int
fill_token(const struct txt_ctx *ctx, struct lq_arena *arena, const uint32_t *tc, size_t tn,
           const char *src, size_t sb, struct txt_token *tok)
{
    char buf[1024];
    size_t klen = txti_fold_cps(tc, tn, buf, sizeof(buf));
    if (klen > SIZE_MAX - sb - 2)
        return LQ_ERR_NOMEM;
    char *mem = lq_arena_alloc(arena, sb + 1 + klen + 1);
    if (NULL == mem)
        return LQ_ERR_NOMEM;
    memcpy(mem, src, sb);
    mem[sb] = '\0';
    char *key = mem + sb + 1;
    if (klen < sizeof(buf))
        memcpy(key, buf, klen + 1);
    else
        txti_fold_cps(tc, tn, key, klen + 1);
    tok->surface = mem;
    tok->key = key;
    tok->base = key;
    tok->stem = key;
    tok->clitics = "";
    tok->body_start = tok->start;
    if (TXT_WORD != tok->kind)
        return LQ_OK;
    return segment_token(ctx, arena, tc, tn, NULL, tok);
}

/* Could a second look with the document's words cut this token? Its key
 * starts with و ف ب ل ك and has five letters at least, or it was cut as
 * ل + ال with the alef elided. */
static int
is_elided(const struct txt_token *t)
{
    return t->clitics[0] && t->base != t->key + strlen(t->clitics);
}

static int
may_recut(const struct txt_token *t)
{
    if (TXT_WORD != t->kind)
        return 0;
    if (t->clitics[0])
        return is_elided(t);
    const unsigned char *k = (const unsigned char *)t->key;
    /* the letter first: most words start otherwise, and need no length */
    if (!((0xD9 == k[0] && (0x88 == k[1] || 0x81 == k[1] || 0x84 == k[1] || 0x83 == k[1])) ||
          (0xD8 == k[0] && 0xA8 == k[1])))
        return 0;
    return strnlen(t->key, 10) >= 10;
}

/* The second pass: words the document uses by themselves licence cuts. */
static int
recut_with_document(const struct txt_ctx *ctx, struct txt_scratch *sc, struct lq_arena *arena,
                    const uint32_t *cps, struct txt_token *toks, size_t nt)
{
    size_t nwords = 0, ncand = 0, nkeys = 0;
    for (size_t t = 0; t < nt; t++) {
        const struct txt_token *tk = &toks[t];
        if (TXT_WORD != tk->kind)
            continue;
        nwords++;
        ncand += may_recut(tk);
        /* the keys the loop below adds, at most */
        nkeys += !tk->clitics[0] + ((tk->flags & TXT_F_AL) && !is_elided(tk));
    }
    if (0 == ncand || nwords > DOC_WORDS_MAX)
        return LQ_OK;
    if (txti_keyset_reset(&sc->words, nkeys))
        return LQ_ERR_NOMEM;
    for (size_t t = 0; t < nt; t++) {
        const struct txt_token *tk = &toks[t];
        if (TXT_WORD != tk->kind)
            continue;
        if (!tk->clitics[0])
            txti_keyset_add(&sc->words, tk->key);
        if ((tk->flags & TXT_F_AL) && !is_elided(tk))
            txti_keyset_add(&sc->words, tk->stem);
    }
    for (size_t t = 0; t < nt; t++) {
        struct txt_token *tk = &toks[t];
        if (!may_recut(tk))
            continue;
        int ret = segment_token(ctx, arena, cps + tk->start, tk->end - tk->start, &sc->words, tk);
        if (ret)
            return ret;
    }
    return LQ_OK;
}

static int
grow_cps(struct txt_scratch *s, size_t need)
{
    if (need <= s->cps_cap)
        return 0;
    size_t nc = s->cps_cap ? s->cps_cap : 4096;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / sizeof(uint32_t))
            return -1;
        nc *= 2;
    }
    uint32_t *p = realloc(s->cps, nc * sizeof(uint32_t));
    if (NULL == p)
        return -1;
    s->cps = p;
    s->cps_cap = nc;
    return 0;
}

static int
analyze(const struct txt_ctx *ctx, struct txt_scratch *sc, struct lq_arena *arena,
        const char *text, size_t len, struct txt_doc **out)
{
    const unsigned char *u = (const unsigned char *)text;
    /* code points: bytes that are no continuation byte (10xxxxxx), eight
     * bytes a step: bit 7 of a byte stays set where bit 7 is set and bit 6
     * is clear, and the bytes of (x >> 7) add up in the top byte */
    size_t ncp = len, i0 = 0;
    for (; i0 + 8 <= len; i0 += 8) {
        uint64_t w;
        memcpy(&w, u + i0, sizeof(w));
        uint64_t x = w & ~(w << 1) & 0x8080808080808080ull;
        ncp -= (size_t)(((x >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; i0 < len; i0++)
        ncp -= (u[i0] & 0xC0) == 0x80;
    struct txt_doc *doc = lq_arena_calloc(arena, 1, sizeof(*doc));
    uint32_t *cp_byte = lq_arena_alloc(arena, (ncp + 1) * sizeof(uint32_t));
    uint32_t *cp_utf16 = lq_arena_alloc(arena, (ncp + 1) * sizeof(uint32_t));
    if (NULL == doc || NULL == cp_byte || NULL == cp_utf16 || grow_cps(sc, ncp + 1))
        return LQ_ERR_NOMEM;
    uint32_t *cps = sc->cps;
    size_t i = 0, k = 0;
    uint32_t u16 = 0;
    while (i < len) {
        cp_byte[k] = (uint32_t)i;
        cp_utf16[k] = u16;
        uint32_t c = u[i];
        if (c < 0x80) {
            i++;
        } else if (c < 0xE0 && i + 1 < len) {
            /* validated: a lead byte C2..DF and its continuation byte */
            c = ((c & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu);
            i += 2;
        } else {
            c = txti_utf8_next(u, len, &i);
        }
        cps[k++] = c;
        u16 += c >= 0x10000 ? 2 : 1;
    }
    cp_byte[ncp] = (uint32_t)len;
    cp_utf16[ncp] = u16;
    doc->text = text;
    doc->len = len;
    doc->ncp = (uint32_t)ncp;
    doc->cp_byte = cp_byte;
    doc->cp_utf16 = cp_utf16;

    /* one pass in the usual case: room for a token every four code points
     * (prose averages more than five: a word and a space); a text with more
     * tokens than that is tokenized again into room for all of them */
    size_t cap = ncp / 4 + 16;
    struct txt_token *toks = lq_arena_alloc(arena, cap * sizeof(struct txt_token));
    if (NULL == toks)
        return LQ_ERR_NOMEM;
    memset(toks, 0, sizeof(struct txt_token));
    size_t nt = txti_tokenize(cps, ncp, toks, cap);
    if (nt > cap) {
        toks = lq_arena_alloc(arena, nt * sizeof(struct txt_token));
        if (NULL == toks)
            return LQ_ERR_NOMEM;
        txti_tokenize(cps, ncp, toks, nt);
    }
    txti_mark_quotes(cps, ncp, toks, nt);
    doc->tokens = toks;
    doc->ntokens = nt;
    for (size_t t = 0; t < nt; t++) {
        struct txt_token *tk = &toks[t];
        int ret = fill_token(ctx, arena, cps + tk->start, tk->end - tk->start,
                             text + cp_byte[tk->start], cp_byte[tk->end] - cp_byte[tk->start], tk);
        if (ret)
            return ret;
    }
    int ret = recut_with_document(ctx, sc, arena, cps, toks, nt);
    if (ret)
        return ret;
    ret = txti_sentences(sc, arena, cps, doc);
    if (ret)
        return ret;
    *out = doc;
    return LQ_OK;
}

int
txt_analyze(const struct txt_ctx *ctx, struct txt_scratch *scratch, struct lq_arena *arena,
            const char *text, size_t len, size_t *bad, struct txt_doc **out)
{
    if (NULL == out || NULL == arena || (NULL == text && len))
        return LQ_ERR_INVALID;
    *out = NULL;
    if (NULL == text)
        text = "";
    if (!txt_utf8_valid(text, len, bad))
        return LQ_ERR_UTF8;
    txti_tables_init();
    if (len >= UINT32_MAX)
        return LQ_ERR_TOO_LARGE;
    struct txt_scratch *sc = scratch;
    if (NULL == sc) {
        sc = txt_scratch_new(ctx);
        if (NULL == sc)
            return LQ_ERR_NOMEM;
    }
    int ret = analyze(ctx, sc, arena, text, len, out);
    if (ret)
        *out = NULL;
    if (sc != scratch)
        txt_scratch_free(sc);
    else
        scratch_trim(sc);
    return ret;
}

int
txt_analyze_word(const struct txt_ctx *ctx, struct lq_arena *arena, const char *word, size_t len,
                 struct txt_token *out)
{
    if (NULL == out || NULL == arena || (NULL == word && len))
        return LQ_ERR_INVALID;
    memset(out, 0, sizeof(*out));
    txti_tables_init();
    if (NULL == word)
        word = "";
    const unsigned char *u = (const unsigned char *)word;
    uint32_t *cps = lq_arena_alloc(arena, (len + 1) * sizeof(uint32_t));
    if (NULL == cps)
        return LQ_ERR_NOMEM;
    size_t n = 0, i = 0;
    while (i < len)
        cps[n++] = txti_utf8_next(u, len, &i);
    /* the kind the tokenizer gives a lone word; else by what it holds */
    struct txt_token one[2];
    enum txt_kind kind = TXT_SYMBOL;
    if (n && n <= TXTI_TOKEN_MAX && 1 == txti_tokenize(cps, n, one, 1)) {
        kind = one[0].kind;
    } else {
        int has[TXTI_SYMBOL + 1] = { 0 };
        for (size_t j = 0; j < n; j++)
            has[txti_class(cps[j])] = 1;
        if (has[TXTI_ARABIC])
            kind = TXT_WORD;
        else if (has[TXTI_LETTER])
            kind = TXT_LATIN;
        else if (has[TXTI_DIGIT])
            kind = TXT_NUMBER;
        else if (has[TXTI_PUNCT])
            kind = TXT_PUNCT;
    }
    out->start = 0;
    out->end = (uint32_t)n;
    out->kind = kind;
    return fill_token(ctx, arena, cps, n, word, len, out);
}

uint32_t
txt_offset(const struct txt_doc *doc, uint32_t cp, enum txt_unit unit)
{
    if (NULL == doc)
        return cp;
    if (cp > doc->ncp)
        cp = doc->ncp;
    switch (unit) {
    case TXT_UNIT_UTF16:
        return doc->cp_utf16[cp];
    case TXT_UNIT_UTF8:
        return doc->cp_byte[cp];
    default:
        return cp;
    }
}

char *
txt_slice(const struct txt_doc *doc, struct lq_arena *arena, uint32_t start, uint32_t end)
{
    if (NULL == doc || NULL == arena)
        return NULL;
    if (end > doc->ncp)
        end = doc->ncp;
    if (start > end)
        start = end;
    uint32_t b0 = doc->cp_byte[start], b1 = doc->cp_byte[end];
    return lq_arena_strndup(arena, doc->text + b0, b1 - b0);
}

int
txt_unit_parse(const char *s)
{
    if (NULL == s)
        return -1;
    if (0 == strcmp(s, "codepoint"))
        return TXT_UNIT_CODEPOINT;
    if (0 == strcmp(s, "utf16"))
        return TXT_UNIT_UTF16;
    if (0 == strcmp(s, "utf8"))
        return TXT_UNIT_UTF8;
    return -1;
}

const char *
txt_unit_name(enum txt_unit unit)
{
    switch (unit) {
    case TXT_UNIT_UTF16:
        return "utf16";
    case TXT_UNIT_UTF8:
        return "utf8";
    default:
        return "codepoint";
    }
}

/* end of analyze.c */
