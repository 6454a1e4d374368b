/* Sentence splitting: ICU's sentence iterator for the Arabic locale,
 * combined with rules on the tokens.
 *
 * A new sentence starts at a token when
 *  - it is the first token of a line (a line break always ends a sentence);
 *  - the token before it (closing quotes and brackets glued to it skipped)
 *    is ؛ ؟ or ۔ (ICU does not end sentences at the Arabic semicolon);
 *  - ICU puts a boundary between the two tokens, unless the terminator is
 *    the period of an abbreviation-like token (a single letter such as
 *    د. or J., or initials such as U.S) or the boundary follows a comma
 *    ، or , (never a sentence end).
 * Boundaries inside a token are ignored, so numbers (3.5) and dates
 * (31/1/2018) are never split. Without ICU (iterator unavailable, or a text
 * beyond ICU's int32 lengths) the terminators . ! ? end a sentence when a
 * space or line break follows them.
 */
#include "text_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "liqa/arena.h"
#include "liqa/status.h"

static int
grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 1024;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elsize)
            return -1;
        nc *= 2;
    }
    void *q = realloc(*p, nc * elsize);
    if (NULL == q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}

/* The code point whose UTF-16 offset is u (or the first after it). */
static uint32_t
cp_of_u16(const uint32_t *cp_utf16, uint32_t ncp, uint32_t u)
{
    uint32_t lo = 0, hi = ncp;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cp_utf16[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Can ICU end a sentence right after code point c: a terminal mark (its
 * Sentence_Break value STerm or ATerm) or a paragraph separator? Arabic
 * letters and marks, the bulk of the text, are ruled out before asking. */
static int
may_end(uint32_t c)
{
    if (c < 0x80)
        return '.' == c || '!' == c || '?' == c || '\r' == c || '\v' == c || '\f' == c;
    if (c >= 0x0621 && c <= 0x065F)
        return 0;
    int32_t sb = u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
    return U_SB_STERM == sb || U_SB_ATERM == sb || U_SB_SEP == sb;
}

/* Boundaries ICU puts inside [a, b) of the UTF-16 text u, appended to
 * sc->bounds as code point offsets; -1 on failure. */
static int
icu_line(struct txt_scratch *sc, const struct txt_doc *doc, const uint16_t *u, uint32_t a, uint32_t b,
         size_t *n, int *nomem)
{
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(sc->brk, (const UChar *)(u + a), (int32_t)(b - a), &st);
    if (U_FAILURE(st))
        return -1;
    ubrk_first(sc->brk);
    for (int32_t x = ubrk_next(sc->brk); UBRK_DONE != x && a + (uint32_t)x < b; x = ubrk_next(sc->brk)) {
        if (grow((void **)&sc->bounds, &sc->bounds_cap, *n + 1, sizeof(uint32_t))) {
            *nomem = 1;
            return -1;
        }
        sc->bounds[(*n)++] = cp_of_u16(doc->cp_utf16, doc->ncp, a + (uint32_t)x);
    }
    return 0;
}

/* Code points [a, b) as UTF-16 at u. */
static void
to_utf16(const uint32_t *cps, uint32_t a, uint32_t b, uint16_t *u)
{
    size_t k = 0;
    for (uint32_t i = a; i < b; i++) {
        uint32_t c = cps[i];
        if (c >= 0x10000) {
            c -= 0x10000;
            u[k++] = (uint16_t)(0xD800 + (c >> 10));
            u[k++] = (uint16_t)(0xDC00 + (c & 0x3FF));
        } else {
            u[k++] = (uint16_t)c;
        }
    }
}

/*
 * ICU boundaries into sc->bounds; -1 when ICU cannot be used.
 *
 * A line break always ends a sentence (and ICU's rules read nothing across
 * one), so ICU is run line by line, and only on the lines where it can put
 * a boundary the rules ask about: after a terminal mark or a separator
 * that something other than white space follows on the same line. Each
 * line is read as ICU would read it inside the whole text, from the start
 * of the line to its line break included.
 */
static int
icu_bounds(struct txt_scratch *sc, const uint32_t *cps, const struct txt_doc *doc, size_t *nb,
           int *nomem)
{
    *nb = 0;
    if (NULL == sc->brk)
        return -1;
    uint32_t n16 = doc->cp_utf16[doc->ncp];
    if (n16 > INT32_MAX)
        return -1;
    if (grow((void **)&sc->u16, &sc->u16_cap, (size_t)n16 + 1, sizeof(uint16_t))) {
        *nomem = 1;
        return -1;
    }
    uint16_t *u = sc->u16;
    size_t n = 0;
    int ret = 0;
    /* line by line: [ls, le) with its line break */
    for (uint32_t ls = 0; ls < doc->ncp && 0 == ret;) {
        int pending = 0; /* a mark seen on this line, nothing but space after it yet */
        int need = 0;
        uint32_t j = ls;
        for (; j < doc->ncp; j++) {
            uint32_t c = cps[j];
            if ('\n' == c)
                break;
            if (pending) {
                if (!(' ' == c || '\t' == c || 0xA0 == c || (c >= 0x2000 && c <= 0x200B) || 0x3000 == c)) {
                    need = 1;
                    break;
                }
            } else if (may_end(c)) {
                pending = 1;
            }
        }
        while (need && j < doc->ncp && '\n' != cps[j])
            j++;
        uint32_t le = j < doc->ncp ? j + 1 : j;
        if (need) {
            to_utf16(cps, ls, le, u + doc->cp_utf16[ls]);
            ret = icu_line(sc, doc, u, doc->cp_utf16[ls], doc->cp_utf16[le], &n, nomem);
        }
        ls = le;
    }
    static const UChar empty[1] = { 0 };
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(sc->brk, empty, 0, &st); /* do not keep a pointer into the buffer */
    *nb = n;
    return ret;
}

static int
is_closer(uint32_t c)
{
    switch (c) {
    case 0x00BB: case 0x201D: case 0x2019: case ')': case ']': case '}': case 0x203A:
    case '"': case '\'': case 0xFD3E: case 0xFD3F:
        return 1;
    default:
        return 0;
    }
}

static int
is_term(uint32_t c)
{
    switch (c) {
    case '.': case '!': case '?': case 0x061F: case 0x061B: case 0x06D4: case 0x203C:
    case 0x2047: case 0x2048: case 0x2049:
        return 1;
    default:
        return 0;
    }
}

static int
glued(const struct txt_token *toks, size_t t)
{
    return t > 0 && toks[t].start == toks[t - 1].end;
}

/* The token that ends the stretch before t, closers glued to it skipped. */
static size_t
last_real(const uint32_t *cps, const struct txt_token *toks, size_t t)
{
    size_t p = t - 1;
    for (int k = 0; k < 3 && p > 0 && TXT_PUNCT == toks[p].kind &&
                    is_closer(cps[toks[p].start]) && glued(toks, p);
         k++)
        p--;
    return p;
}

/* Is token p a period after an abbreviation-like token? */
static int
is_abbrev_period(const uint32_t *cps, const struct txt_token *toks, size_t p)
{
    if ('.' != cps[toks[p].start] || 0 == p || !glued(toks, p))
        return 0;
    const struct txt_token *a = &toks[p - 1];
    if (TXT_LATIN == a->kind) {
        for (uint32_t i = a->start; i < a->end; i++)
            if ('.' == cps[i])
                return 1;
    }
    if ((TXT_WORD != a->kind && TXT_LATIN != a->kind) || a->end - a->start != 1)
        return 0;
    /* 2018م. ends a sentence: the letter there is an era mark */
    return !(p >= 2 && TXT_NUMBER == toks[p - 2].kind && glued(toks, p - 1));
}

int
txti_sentences(struct txt_scratch *sc, struct lq_arena *arena, const uint32_t *cps,
               struct txt_doc *doc)
{
    struct txt_token *toks = doc->tokens;
    size_t ntok = doc->ntokens;
    doc->nsents = 0;
    doc->sents = lq_arena_calloc(arena, 1, sizeof(struct txt_sentence));
    if (NULL == doc->sents)
        return LQ_ERR_NOMEM;
    if (0 == ntok)
        return LQ_OK;

    size_t nb = 0, bi = 0;
    int nomem = 0;
    int use_icu = 0 == icu_bounds(sc, cps, doc, &nb, &nomem);
    if (nomem)
        return LQ_ERR_NOMEM;
    uint32_t s = 0;
    toks[0].sentence = 0;
    for (size_t t = 1; t < ntok; t++) {
        int brk = 0;
        const struct txt_token *cur = &toks[t];
        if (cur->flags & TXT_F_LINE_START) {
            brk = 1;
        } else if (!(TXT_PUNCT == cur->kind && glued(toks, t) &&
                     (is_closer(cps[cur->start]) || is_term(cps[cur->start])))) {
            size_t p = last_real(cps, toks, t);
            uint32_t pc = cps[toks[p].start];
            int punct = TXT_PUNCT == toks[p].kind;
            if (punct && (0x061B == pc || 0x061F == pc || 0x06D4 == pc)) {
                brk = 1;
            } else if (punct && (0x060C == pc || ',' == pc)) {
                brk = 0;
            } else if (use_icu) {
                while (bi < nb && sc->bounds[bi] < toks[t - 1].end)
                    bi++;
                if (bi < nb && sc->bounds[bi] <= cur->start)
                    brk = !(punct && is_abbrev_period(cps, toks, p));
            } else if (punct && is_term(pc) && cur->start > toks[t - 1].end) {
                brk = !is_abbrev_period(cps, toks, p);
            }
        }
        if (brk)
            s++;
        toks[t].sentence = s;
    }

    size_t ns = (size_t)s + 1;
    struct txt_sentence *sents = lq_arena_calloc(arena, ns, sizeof(*sents));
    if (NULL == sents)
        return LQ_ERR_NOMEM;
    for (size_t t = 0; t < ntok; t++) {
        struct txt_sentence *se = &sents[toks[t].sentence];
        if (se->tok_end == 0) {
            se->start = toks[t].start;
            se->tok_begin = (uint32_t)t;
        }
        se->end = toks[t].end;
        se->tok_end = (uint32_t)(t + 1);
    }
    doc->sents = sents;
    doc->nsents = ns;
    return LQ_OK;
}

/* end of sentence.c */
