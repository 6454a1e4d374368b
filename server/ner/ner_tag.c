/* Decoding: constrained Viterbi, max-marginal margins, the per-thread tagger. */
#include "ner_internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "liqa/status.h"
#include "liqa/text.h"

#define NEG_INF (-FLT_MAX)
/* Longest run of tokens decoded at once; longer ranges are cut into chunks
 * so the scratch stays bounded whatever the input. */
#define CHUNK_MAX 1024u
#define L NER_NLABELS

/* The allowed transitions (ner_allowed()) follow the shape of BIOES, which
 * the decoder's loops use directly instead of building lists on every call.
 * Label 0 is O; type t (0..2) has B = 1 + 4t, I = 2 + 4t, E = 3 + 4t,
 * S = 4 + 4t. A label that closes an entity (O, E, S) may be followed by
 * one that starts one or none (O, B, S); B and I are followed by I or E of
 * their type. Sequences start with a starting label and end with a closing
 * one. Every list is ascending, the order in which the first version of
 * the decoder tried predecessors (its ties go to the first, so the order
 * decides the labels when two paths score the same). */
#define NCLOSE 7
static const uint8_t closing[NCLOSE] = {0, 3, 4, 7, 8, 11, 12};
static const uint8_t starting[NCLOSE] = {0, 1, 4, 5, 8, 9, 12};
/* the labels inside an entity (I, E of each type) and their two
 * predecessors, B and I of the same type */
#define NINNER 6
static const uint8_t inner[NINNER] = {2, 3, 6, 7, 10, 11};
static const uint8_t inner_pred[NINNER][2] = {{1, 2}, {1, 2}, {5, 6}, {5, 6}, {9, 10}, {9, 10}};
/* the labels that open an entity (B, I) and their successors, I and E */
#define NOPEN 6
static const uint8_t opening[NOPEN] = {1, 2, 5, 6, 9, 10};
static const uint8_t open_succ[NOPEN][2] = {{2, 3}, {2, 3}, {6, 7}, {6, 7}, {10, 11}, {10, 11}};
/* 1 for O, B and S (may start a sequence); 1 for O, E and S (may end one) */
static const uint8_t may_start[L] = {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1};
static const uint8_t may_end[L] = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1};

static int
has_neg_inf(const float *v)
{
    int any = 0, l = 0;
#if defined(__SSE2__)
    /* four compares a step (the same == as below), asked once per position */
    const __m128 ni = _mm_set1_ps(NEG_INF);
    for (; l + 4 <= L; l += 4)
        any |= _mm_movemask_ps(_mm_cmpeq_ps(_mm_loadu_ps(v + l), ni));
#endif
    for (; l < L; l++)
        any |= NEG_INF == v[l];
    return 0 != any;
}

/* One label y of a forward step when some previous score is -inf: the best
 * of its predecessors @p preds (in this order, > keeping the first of equal
 * scores), plus its emission; -inf when none is reachable. */
static inline void
step_slow(const struct ner_trans *tr, const float *prev, const float *e, float *cur, uint8_t *b,
          int y, const uint8_t *preds, int npreds)
{
    float best = NEG_INF;
    int arg = 0;
    for (int k = 0; k < npreds; k++) {
        int x = preds[k];
        if (NEG_INF == prev[x])
            continue;
        float s = prev[x] + tr->trans[x][y];
        if (s > best) {
            best = s;
            arg = x;
        }
    }
    cur[y] = NEG_INF == best ? NEG_INF : best + e[y];
    b[y] = (uint8_t)arg;
}

/* One step of the forward pass: cur[y] = best of prev[x] + trans[x][y] over
 * the predecessors x of y, plus e[y]; b[y] = that x (the first of equals).
 * @p tt is the transitions from closing to starting labels, tt[k][j] =
 * trans[closing[k]][starting[j]] (an 8th lane for the vector unit).
 * A predecessor whose score is NEG_INF is skipped, as no path reaches it;
 * when @p prev holds none (every position after the first two), the test
 * is left out, which changes nothing. */
static void
forward_step(const struct ner_trans *tr, const float (*tt)[8], const float *prev, const float *e,
             float *cur, uint8_t *b)
{
    if (has_neg_inf(prev)) {
        for (int j = 0; j < NCLOSE; j++)
            step_slow(tr, prev, e, cur, b, starting[j], closing, NCLOSE);
        for (int j = 0; j < NINNER; j++)
            step_slow(tr, prev, e, cur, b, inner[j], inner_pred[j], 2);
        return;
    }
    /* starting labels: eight lanes (the last is padding), predecessors in
     * ascending order, so a lane keeps the first of equal scores */
    float best[8];
    int arg[8];
#if defined(__SSE2__)
    /* the same, four lanes a step: a lane takes s and closing[k] where
     * s > best (CMPGTPS), else keeps both */
    {
        __m128 b0 = _mm_set1_ps(NEG_INF), b1 = b0;
        __m128i a0 = _mm_setzero_si128(), a1 = a0;
        for (int k = 0; k < NCLOSE; k++) {
            __m128 p = _mm_set1_ps(prev[closing[k]]);
            __m128i x = _mm_set1_epi32(closing[k]);
            __m128 s0 = _mm_add_ps(p, _mm_loadu_ps(tt[k])), s1 = _mm_add_ps(p, _mm_loadu_ps(tt[k] + 4));
            __m128 g0 = _mm_cmpgt_ps(s0, b0), g1 = _mm_cmpgt_ps(s1, b1);
            b0 = _mm_or_ps(_mm_and_ps(g0, s0), _mm_andnot_ps(g0, b0));
            b1 = _mm_or_ps(_mm_and_ps(g1, s1), _mm_andnot_ps(g1, b1));
            __m128i m0 = _mm_castps_si128(g0), m1 = _mm_castps_si128(g1);
            a0 = _mm_or_si128(_mm_and_si128(m0, x), _mm_andnot_si128(m0, a0));
            a1 = _mm_or_si128(_mm_and_si128(m1, x), _mm_andnot_si128(m1, a1));
        }
        _mm_storeu_ps(best, b0);
        _mm_storeu_ps(best + 4, b1);
        _mm_storeu_si128((__m128i *)arg, a0);
        _mm_storeu_si128((__m128i *)(arg + 4), a1);
    }
#else
    for (int j = 0; j < 8; j++) {
        best[j] = NEG_INF;
        arg[j] = 0;
    }
    for (int k = 0; k < NCLOSE; k++) {
        float p = prev[closing[k]];
        for (int j = 0; j < 8; j++) {
            float s = p + tt[k][j];
            int better = s > best[j];
            best[j] = better ? s : best[j];
            arg[j] = better ? closing[k] : arg[j];
        }
    }
#endif
    for (int j = 0; j < NCLOSE; j++) {
        int y = starting[j];
        cur[y] = NEG_INF == best[j] ? NEG_INF : best[j] + e[y];
        b[y] = (uint8_t)arg[j];
    }
    for (int j = 0; j < NINNER; j++) {
        int y = inner[j];
        int x0 = inner_pred[j][0], x1 = inner_pred[j][1];
        float bs = NEG_INF;
        int ba = 0;
        float s = prev[x0] + tr->trans[x0][y];
        if (s > bs) {
            bs = s;
            ba = x0;
        }
        s = prev[x1] + tr->trans[x1][y];
        if (s > bs) {
            bs = s;
            ba = x1;
        }
        cur[y] = NEG_INF == bs ? NEG_INF : bs + e[y];
        b[y] = (uint8_t)ba;
    }
}

float
ner_viterbi(const struct ner_trans *tr, const float *emit, size_t n, float *delta, uint8_t *bp,
            uint8_t *labels)
{
    if (0 == n)
        return 0;
    float tt[NCLOSE][8];
    for (int k = 0; k < NCLOSE; k++) {
        for (int j = 0; j < NCLOSE; j++)
            tt[k][j] = tr->trans[closing[k]][starting[j]];
        tt[k][NCLOSE] = 0;
    }
    for (int l = 0; l < L; l++) {
        delta[l] = may_start[l] ? tr->start[l] + emit[l] : NEG_INF;
        bp[l] = 0;
    }
    for (size_t i = 1; i < n; i++)
        forward_step(tr, (const float (*)[8])tt, delta + (i - 1) * L, emit + i * L, delta + i * L,
                     bp + i * L);
    const float *last = delta + (n - 1) * L;
    float best = NEG_INF;
    int arg = 0;
    for (int l = 0; l < L; l++) {
        if (!may_end[l] || NEG_INF == last[l])
            continue;
        float s = last[l] + tr->end[l];
        if (s > best) {
            best = s;
            arg = l;
        }
    }
    labels[n - 1] = (uint8_t)arg;
    for (size_t i = n - 1; i > 0; i--)
        labels[i - 1] = bp[i * L + labels[i]];
    return best;
}

/* ner_backward() for the positions lo..n-1 only (the margins need no
 * more than the first span's start onwards). Each score is summed as
 * (trans + e) + next, the order of the first version; the maximum is
 * taken over successors in ascending order with the same comparisons, so
 * the values are those of a full pass. */
static void
backward_from(const struct ner_trans *tr, const float *emit, size_t n, size_t lo, float *beta)
{
    if (0 == n)
        return;
    float *last = beta + (n - 1) * L;
    for (int l = 0; l < L; l++)
        last[l] = may_end[l] ? tr->end[l] : NEG_INF;
    /* ts[j][k] = trans[closing[k]][starting[j]]: closing labels in lanes */
    float ts[NCLOSE][8];
    for (int j = 0; j < NCLOSE; j++) {
        for (int k = 0; k < NCLOSE; k++)
            ts[j][k] = tr->trans[closing[k]][starting[j]];
        ts[j][NCLOSE] = 0;
    }
    for (size_t i = n - 1; i > lo; i--) {
        const float *next = beta + i * L;
        const float *e = emit + i * L;
        float *cur = beta + (i - 1) * L;
        int check = has_neg_inf(next);
        float best[8];
#if defined(__SSE2__)
        /* the same sums and maxima, four lanes a step: MAXPS(s, best) is
         * s > best ? s : best, lane by lane */
        __m128 b0 = _mm_set1_ps(NEG_INF), b1 = b0;
        for (int j = 0; j < NCLOSE; j++) {
            int y = starting[j];
            if (check && NEG_INF == next[y])
                continue;
            __m128 ey = _mm_set1_ps(e[y]), ny = _mm_set1_ps(next[y]);
            b0 = _mm_max_ps(_mm_add_ps(_mm_add_ps(_mm_loadu_ps(ts[j]), ey), ny), b0);
            b1 = _mm_max_ps(_mm_add_ps(_mm_add_ps(_mm_loadu_ps(ts[j] + 4), ey), ny), b1);
        }
        _mm_storeu_ps(best, b0);
        _mm_storeu_ps(best + 4, b1);
#else
        for (int k = 0; k < 8; k++)
            best[k] = NEG_INF;
        for (int j = 0; j < NCLOSE; j++) {
            int y = starting[j];
            if (check && NEG_INF == next[y])
                continue;
            float ey = e[y], ny = next[y];
            for (int k = 0; k < 8; k++) {
                float s = ts[j][k] + ey + ny;
                best[k] = s > best[k] ? s : best[k];
            }
        }
#endif
        for (int k = 0; k < NCLOSE; k++)
            cur[closing[k]] = best[k];
        for (int k = 0; k < NOPEN; k++) {
            int x = opening[k];
            float bs = NEG_INF;
            for (int m = 0; m < 2; m++) {
                int y = open_succ[k][m];
                if (check && NEG_INF == next[y])
                    continue;
                float s = tr->trans[x][y] + e[y] + next[y];
                if (s > bs)
                    bs = s;
            }
            cur[x] = bs;
        }
    }
}

void
ner_backward(const struct ner_trans *tr, const float *emit, size_t n, float *beta)
{
    backward_from(tr, emit, n, 0, beta);
}

size_t
ner_labels_to_spans(const uint8_t *labels, size_t n, struct ner_span *spans, size_t max)
{
    size_t ns = 0;
    size_t open = SIZE_MAX;
    enum ner_type otype = NER_NONE;
    for (size_t i = 0; i <= n; i++) {
        int l = i < n ? labels[i] : 0;
        enum ner_type t = ner_label_type(l);
        enum ner_pos p = NER_NONE == t ? NER_POS_B : ner_label_pos(l);
        int cont = SIZE_MAX != open && t == otype && (NER_POS_I == p || NER_POS_E == p);
        if (SIZE_MAX != open && !cont) {
            if (ns < max)
                spans[ns] = (struct ner_span){(uint32_t)open, (uint32_t)i, otype, 0};
            ns++;
            open = SIZE_MAX;
        }
        if (NER_NONE == t)
            continue;
        if (!cont) {
            open = i;
            otype = t;
        }
        if (NER_POS_E == p || NER_POS_S == p) {
            if (ns < max)
                spans[ns] = (struct ner_span){(uint32_t)open, (uint32_t)i + 1, otype, 0};
            ns++;
            open = SIZE_MAX;
        }
    }
    return ns;
}

/* ----------------------------------------------------------------- tagger */

/* An entry of the document dictionary: a token sequence found by the first
 * pass, the types it was found with and their best margins. */
struct dslot {
    uint64_t key; /* 0: empty */
    uint32_t cnt[NER_NTYPES];
    float mg[NER_NTYPES];
    uint32_t prefix; /* a longer entry continues */
};

struct ner_tagger {
    const struct ner_model *m;
    /* document scratch (ner_tag_doc) */
    struct ner_span *dspans;
    size_t dcap;
    struct ner_match *match;
    uint8_t *covered;
    size_t mcap;
    struct dslot *dict;
    size_t dmask;  /* this document's slots - 1 (a power of two, <= dalloc) */
    size_t dalloc; /* slots allocated */
    size_t cap;
    struct ner_tokinfo *info;
    float *emit, *delta, *beta;
    uint8_t *bp, *labels;
    struct ner_span *spans; /* cap entries: spans of one chunk */
    /* second stage: first-stage emissions, labels and stems of the document */
    float *demit, *demit2; /* demit2: the whole second stage's first-stage share */
    uint8_t *dlab;
    uint64_t *dstem, *dalt;
    uint16_t *dcls;
    size_t dtcap;
    struct ner_docstat *ds;
    uint64_t *dkeys; /* ner_tag_doc_input() */
    size_t *dkofs;
    size_t dkcap;
    /* the cache of word types (first-stage emissions); NULL until first
     * used, and when it could not be allocated */
    struct tcache *tc;
    int32_t *acc; /* cap * L: integer emission sums of a chunk */
};

static void
doc_tokens_free(struct ner_tagger *t);

static void
scratch_release(struct ner_tagger *t)
{
    free(t->info);
    free(t->emit);
    free(t->delta);
    free(t->beta);
    free(t->bp);
    free(t->labels);
    free(t->spans);
    free(t->acc);
    t->acc = NULL;
    t->info = NULL;
    t->emit = t->delta = t->beta = NULL;
    t->bp = t->labels = NULL;
    t->spans = NULL;
    t->cap = 0;
}

static int
scratch_reserve(struct ner_tagger *t, size_t n)
{
    if (n <= t->cap)
        return LQ_OK;
    size_t cap = t->cap ? t->cap : 64;
    while (cap < n)
        cap *= 2;
    scratch_release(t);
    t->info = malloc(cap * sizeof(*t->info));
    t->emit = malloc(cap * L * sizeof(float));
    t->delta = malloc(cap * L * sizeof(float));
    t->beta = malloc(cap * L * sizeof(float));
    t->bp = malloc(cap * L);
    t->labels = malloc(cap);
    t->spans = malloc(cap * sizeof(*t->spans));
    t->acc = malloc(cap * L * sizeof(*t->acc));
    if (!t->info || !t->emit || !t->delta || !t->beta || !t->bp || !t->labels || !t->spans ||
        !t->acc) {
        scratch_release(t);
        return LQ_ERR_NOMEM;
    }
    t->cap = cap;
    return LQ_OK;
}

struct ner_tagger *
ner_tagger_new(const struct ner_model *m)
{
    struct ner_tagger *t = calloc(1, sizeof(*t));
    if (NULL == t)
        return NULL;
    t->m = m;
    if (LQ_OK != scratch_reserve(t, 128)) {
        free(t);
        return NULL;
    }
    return t;
}

void
ner_tagger_free(struct ner_tagger *t)
{
    if (NULL == t)
        return;
    scratch_release(t);
    free(t->dspans);
    free(t->match);
    free(t->covered);
    free(t->dict);
    doc_tokens_free(t);
    ner_docstat_free(t->ds);
    free(t->dkeys);
    free(t->dkofs);
    free(t->tc);
    free(t);
}

static void
prefetch_slots(const struct ner_model *m, const uint64_t *keys, size_t n)
{
#if defined(__GNUC__)
    for (size_t k = 0; k < n; k++)
        __builtin_prefetch(&m->slots[(size_t)keys[k] & m->mask]);
#else
    (void)m;
    (void)keys;
    (void)n;
#endif
}

/* Emission scores of n tokens whose info is filled. The feature keys of the
 * tokens PREFETCH_AHEAD places ahead are computed and their slots
 * prefetched while the current token's weights are summed, so the table's
 * cache misses overlap. */
#define PREFETCH_AHEAD 2

/* The emission scores of one token: the sum of its features' weights in
 * @p m, scaled, into @p e (L floats), or added to it when @p add. */
static inline void
score_token(const struct ner_model *m, const uint64_t *feats, size_t cnt, float *e, int add)
{
    int32_t acc[L] = {0};
    for (size_t k = 0; k < cnt; k++) {
        const struct ner_slot *s = ner_model_find(m, feats[k]);
        if (NULL == s)
            continue;
        for (int l = 0; l < L; l++)
            acc[l] += s->w[l];
    }
    for (int l = 0; l < L; l++)
        e[l] = (add ? e[l] : 0.0f) + (float)acc[l] * m->scale;
}

/* Emissions of @p m into @p emit and, when @p m2 is not NULL, of @p m2
 * over the same feature keys into @p emit2 (the whole second stage's share
 * of the first-stage templates, so its features are computed once). */
static void
emissions2(const struct ner_model *m, const struct ner_model *m2, const struct ner_tokinfo *info,
           size_t n, float *emit, float *emit2)
{
    uint64_t fbuf[PREFETCH_AHEAD + 1][NER_MAX_FEATS];
    size_t nf[PREFETCH_AHEAD + 1];
    for (size_t j = 0; j < PREFETCH_AHEAD && j < n; j++) {
        nf[j] = ner_token_features(info, n, j, fbuf[j]);
        prefetch_slots(m, fbuf[j], nf[j]);
        if (m2)
            prefetch_slots(m2, fbuf[j], nf[j]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t ahead = i + PREFETCH_AHEAD;
        if (ahead < n) {
            size_t r = ahead % (PREFETCH_AHEAD + 1);
            nf[r] = ner_token_features(info, n, ahead, fbuf[r]);
            prefetch_slots(m, fbuf[r], nf[r]);
            if (m2)
                prefetch_slots(m2, fbuf[r], nf[r]);
        }
        const uint64_t *feats = fbuf[i % (PREFETCH_AHEAD + 1)];
        size_t cnt = nf[i % (PREFETCH_AHEAD + 1)];
        score_token(m, feats, cnt, emit + i * L, 0);
        if (m2)
            score_token(m2, feats, cnt, emit2 + i * L, 0);
    }
}

static void
emissions(const struct ner_model *m, const struct ner_tokinfo *info, size_t n, float *emit)
{
    emissions2(m, NULL, info, n, emit, NULL);
}

/* ------------------------------------------------------- word-type cache */

/* Most of a token's features read that token alone (its strings, shape,
 * lexicon classes: ner_role_features()), either as the token scored or as
 * a neighbour of it. Their summed weights depend only on the word, so the
 * tagger keeps them per word type, for the five roles, in a cache that
 * lives as long as the tagger (one per thread, one model): a word seen
 * before costs one probe and five vector additions instead of some forty
 * table lookups. Weights are summed as integers, as score_token() does, so
 * the grouping changes no sum and no emission. An entry is found by the
 * whole of the token information those features read, compared in full,
 * so two words share an entry only when every one of their features is
 * the same. Direct-mapped and of fixed size: a new word replaces the
 * entry in its slot. */
#define TC_BITS 13
#define TC_SIZE (1u << TC_BITS)

/* The fields of struct ner_tokinfo that the role features read. */
struct tc_key {
    uint64_t hkey, hbase, hstem, hclit, halt;
    uint64_t hpre[4], hsuf[4];
    uint32_t shape;
    uint16_t lex, cls, alt_cls, alt_lex;
};

struct tc_entry {
    struct tc_key key;
    uint32_t used;
    int32_t w[NER_NROLES][L];
};

struct tcache {
    int has_cls;
    int32_t edge[NER_NROLES][L]; /* the sentence edges' share (M1, M2, P1, P2) */
    struct tc_entry e[TC_SIZE];
};

static void
tc_key_of(const struct ner_tokinfo *ti, struct tc_key *k)
{
    memset(k, 0, sizeof(*k)); /* padding too: keys are compared with memcmp */
    k->hkey = ti->hkey;
    k->hbase = ti->hbase;
    k->hstem = ti->hstem;
    k->hclit = ti->hclit;
    k->halt = ti->halt;
    memcpy(k->hpre, ti->hpre, sizeof(k->hpre));
    memcpy(k->hsuf, ti->hsuf, sizeof(k->hsuf));
    k->shape = ti->shape;
    k->lex = ti->lex;
    k->cls = ti->cls;
    k->alt_cls = ti->alt_cls;
    k->alt_lex = ti->alt_lex;
}

/* Integer sum of the weights of @p cnt keys into @p acc (L entries). */
static void
sum_weights(const struct ner_model *m, const uint64_t *feats, size_t cnt, int32_t *acc)
{
#if defined(__SSE2__) && 13 == NER_NLABELS
    /* The same integer sums, four lanes at a time in registers (the
     * compiler leaves this loop scalar: 13 loads and adds per slot). The
     * 13 weights are read as w[0..7] and w[5..12], both inside the slot
     * (tag, 13 weights, pad: 32 bytes); w[8..11] are the last four of the
     * second read, w[12] is added alone. */
    __m128i a0 = _mm_loadu_si128((const __m128i *)acc);
    __m128i a1 = _mm_loadu_si128((const __m128i *)(acc + 4));
    __m128i a2 = _mm_loadu_si128((const __m128i *)(acc + 8));
    int32_t a12 = acc[12];
    for (size_t k = 0; k < cnt; k++) {
        const struct ner_slot *s = ner_model_find(m, feats[k]);
        if (NULL == s)
            continue;
        __m128i x = _mm_loadu_si128((const __m128i *)s->w);
        __m128i y = _mm_srli_si128(_mm_loadu_si128((const __m128i *)(s->w + 5)), 6);
        /* each int16 doubled into an int32 and shifted back: sign-extended */
        a0 = _mm_add_epi32(a0, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
        a1 = _mm_add_epi32(a1, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
        a2 = _mm_add_epi32(a2, _mm_srai_epi32(_mm_unpacklo_epi16(y, y), 16));
        a12 += s->w[12];
    }
    _mm_storeu_si128((__m128i *)acc, a0);
    _mm_storeu_si128((__m128i *)(acc + 4), a1);
    _mm_storeu_si128((__m128i *)(acc + 8), a2);
    acc[12] = a12;
#else
    for (size_t k = 0; k < cnt; k++) {
        const struct ner_slot *s = ner_model_find(m, feats[k]);
        if (NULL == s)
            continue;
        for (int l = 0; l < L; l++)
            acc[l] += s->w[l];
    }
#endif
}

static void
role_weights(const struct ner_model *m, const struct ner_tokinfo *ti, int has_cls, unsigned role,
             int32_t *w)
{
    uint64_t feats[NER_MAX_FEATS];
    size_t nf = ner_role_features(ti, has_cls, role, feats);
    memset(w, 0, L * sizeof(*w));
    sum_weights(m, feats, nf, w);
}

static struct tcache *
tc_get(struct ner_tagger *t)
{
    if (t->tc)
        return t->tc;
    struct tcache *tc = calloc(1, sizeof(*tc));
    if (NULL == tc)
        return NULL;
    tc->has_cls = NULL != t->m->clusters;
    for (unsigned r = NER_ROLE_M1; r < NER_NROLES; r++)
        role_weights(t->m, NULL, tc->has_cls, r, tc->edge[r]);
    t->tc = tc;
    return tc;
}

/* The entry of token info @p ti, filled on a miss. */
static const struct tc_entry *
tc_lookup(struct tcache *tc, const struct ner_model *m, const struct ner_tokinfo *ti)
{
    struct tc_key k;
    tc_key_of(ti, &k);
    size_t i = (size_t)(ner_hash2(k.hkey, k.hstem ^ k.shape) >> (64 - TC_BITS));
    struct tc_entry *e = &tc->e[i];
    if (e->used && 0 == memcmp(&e->key, &k, sizeof(k)))
        return e;
    memcpy(&e->key, &k, sizeof(k));
    e->used = 1;
    for (unsigned r = 0; r < NER_NROLES; r++)
        role_weights(m, ti, tc->has_cls, r, e->w[r]);
    return e;
}

static inline void
add_vec(int32_t *acc, const int32_t *w)
{
    int l = 0;
#if defined(__SSE2__)
    for (; l + 4 <= L; l += 4) /* four lanes a step, the rest alone */
        _mm_storeu_si128((__m128i *)(acc + l),
                         _mm_add_epi32(_mm_loadu_si128((const __m128i *)(acc + l)),
                                       _mm_loadu_si128((const __m128i *)(w + l))));
#endif
    for (; l < L; l++)
        acc[l] += w[l];
}

/* First-stage emissions of n tokens whose info is filled, as emissions()
 * computes them, through the word-type cache. 0 when the cache cannot be
 * had (then the caller computes them without it). */
static int
emissions_cached(struct ner_tagger *t, size_t n, float *emit)
{
    struct tcache *tc = tc_get(t);
    if (NULL == tc)
        return 0;
    const struct ner_model *m = t->m;
    const struct ner_tokinfo *info = t->info;
    int32_t *acc = t->acc;
    /* no memset: a token's sums are first written by the token two places
     * before it (M2), or, for the first two, by token 0 (integer sums: the
     * order of the additions does not change them) */
    for (size_t i = 0; i < n; i++) {
        const struct tc_entry *e = tc_lookup(tc, m, &info[i]);
        if (0 == i) {
            memcpy(acc, e->w[NER_ROLE_SELF], L * sizeof(*acc));
            if (1 < n)
                memcpy(acc + L, e->w[NER_ROLE_M1], L * sizeof(*acc));
        } else {
            add_vec(acc + i * L, e->w[NER_ROLE_SELF]);
            if (i + 1 < n)
                add_vec(acc + (i + 1) * L, e->w[NER_ROLE_M1]);
        }
        if (i + 2 < n)
            memcpy(acc + (i + 2) * L, e->w[NER_ROLE_M2], L * sizeof(*acc));
        if (i >= 1)
            add_vec(acc + (i - 1) * L, e->w[NER_ROLE_P1]);
        if (i >= 2)
            add_vec(acc + (i - 2) * L, e->w[NER_ROLE_P2]);
    }
    for (size_t i = 0; i < n && i < 2; i++) {
        if (0 == i)
            add_vec(acc + i * L, tc->edge[NER_ROLE_M1]);
        add_vec(acc + i * L, tc->edge[NER_ROLE_M2]);
    }
    for (size_t i = n >= 2 ? n - 2 : 0; i < n; i++) {
        if (i + 1 == n)
            add_vec(acc + i * L, tc->edge[NER_ROLE_P1]);
        add_vec(acc + i * L, tc->edge[NER_ROLE_P2]);
    }
    /* the features of a token with its neighbours; the keys of the token
     * PREFETCH_AHEAD places ahead are computed and their slots prefetched
     * while the current one's are summed */
    uint64_t fbuf[PREFETCH_AHEAD + 1][NER_MAX_FEATS];
    size_t nf[PREFETCH_AHEAD + 1];
    for (size_t j = 0; j < PREFETCH_AHEAD && j < n; j++) {
        nf[j] = ner_pair_features(info, n, j, fbuf[j]);
        prefetch_slots(m, fbuf[j], nf[j]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t ahead = i + PREFETCH_AHEAD;
        if (ahead < n) {
            size_t r = ahead % (PREFETCH_AHEAD + 1);
            nf[r] = ner_pair_features(info, n, ahead, fbuf[r]);
            prefetch_slots(m, fbuf[r], nf[r]);
        }
        size_t r = i % (PREFETCH_AHEAD + 1);
        int32_t *a = acc + i * L;
        sum_weights(m, fbuf[r], nf[r], a);
        float *e = emit + i * L;
        /* as score_token() writes it: per label the same conversion,
         * product and sum (four labels a step with SSE2, each rounded as
         * the scalar code rounds it) */
        int l = 0;
#if defined(__SSE2__)
        const __m128 scale = _mm_set1_ps(m->scale), zero = _mm_setzero_ps();
        for (; l + 4 <= L; l += 4) {
            __m128 v = _mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)(a + l)));
            _mm_storeu_ps(e + l, _mm_add_ps(zero, _mm_mul_ps(v, scale)));
        }
#endif
        for (; l < L; l++)
            e[l] = 0.0f + (float)a[l] * m->scale;
    }
    return 1;
}

/* Margin of each span: best score minus the best path that changes at least
 * one label inside the span (exact, from forward and backward max scores). */
static void
margins(const struct ner_tagger *t, const struct ner_trans *tr, size_t n, float best,
        struct ner_span *spans, size_t ns)
{
    /* spans are in order: no beta before the first one's start is read */
    backward_from(tr, t->emit, n, spans[0].tok_begin, t->beta);
    for (size_t k = 0; k < ns; k++) {
        float alt = NEG_INF;
        for (uint32_t i = spans[k].tok_begin; i < spans[k].tok_end; i++) {
            const float *d = t->delta + (size_t)i * L;
            const float *b = t->beta + (size_t)i * L;
            for (int l = 0; l < L; l++) {
                if (l == t->labels[i] || NEG_INF == d[l] || NEG_INF == b[l])
                    continue;
                float s = d[l] + b[l];
                if (s > alt)
                    alt = s;
            }
        }
        float mg = NEG_INF == alt ? FLT_MAX : best - alt;
        spans[k].margin = mg > 0 ? mg : 0;
    }
}

/* Fill @p mt (document-indexed) from the info of the chunk at @p cb, and
 * mark those tokens in @p done, so that ner_tag_doc() need not hash the
 * tokens again; nothing when @p mt is NULL. */
static void
chunk_matches(const struct ner_tagger *t, size_t cb, size_t len, struct ner_match *mt,
              uint8_t *done)
{
    if (NULL == mt)
        return;
    for (size_t i = 0; i < len; i++) {
        ner_tokinfo_match(&t->info[i], &mt[cb + i]);
        done[cb + i] = 1;
    }
}

/* ner_tag(), filling @p mt and @p done as chunk_matches() does. */
static int
tag_range(struct ner_tagger *t, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
          struct ner_span *spans, size_t max, size_t *n, struct ner_match *mt, uint8_t *done)
{
    *n = 0;
    if (tok_end > doc->ntokens)
        tok_end = doc->ntokens;
    size_t total = 0;
    for (size_t cb = tok_begin; cb < tok_end; cb += CHUNK_MAX) {
        size_t len = tok_end - cb < CHUNK_MAX ? tok_end - cb : CHUNK_MAX;
        if (LQ_OK != scratch_reserve(t, len))
            return LQ_ERR_NOMEM;
        ner_tokinfo_fill(t->m->lexf, t->m->clusters, doc->tokens + cb, len, t->info);
        chunk_matches(t, cb, len, mt, done);
        if (!emissions_cached(t, len, t->emit))
            emissions(t->m, t->info, len, t->emit);
        float best = ner_viterbi(&t->m->tr, t->emit, len, t->delta, t->bp, t->labels);
        size_t ns = ner_labels_to_spans(t->labels, len, t->spans, t->cap);
        if (0 == ns)
            continue;
        margins(t, &t->m->tr, len, best, t->spans, ns);
        for (size_t k = 0; k < ns; k++, total++) {
            if (total >= max)
                continue;
            spans[total] = t->spans[k];
            spans[total].tok_begin += (uint32_t)cb;
            spans[total].tok_end += (uint32_t)cb;
        }
    }
    *n = total;
    return LQ_OK;
}

int
ner_tag(struct ner_tagger *t, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
        struct ner_span *spans, size_t max, size_t *n)
{
    return tag_range(t, doc, tok_begin, tok_end, spans, max, n, NULL, NULL);
}

/* ------------------------------------------------------ document consistency */

/* Longest token sequence the dictionary holds. */
#define DOC_MAX_WORDS 8u

static int
grow_bytes(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return LQ_OK;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (NULL == np)
        return LQ_ERR_NOMEM;
    *p = np;
    *cap = nc;
    return LQ_OK;
}

static struct dslot *
dict_slot(struct ner_tagger *t, uint64_t key, int insert)
{
    if (0 == key)
        key = 1;
    size_t i = (size_t)key & t->dmask;
    while (t->dict[i].key) {
        if (t->dict[i].key == key)
            return &t->dict[i];
        i = (i + 1) & t->dmask;
    }
    if (!insert)
        return NULL;
    memset(&t->dict[i], 0, sizeof(t->dict[i]));
    t->dict[i].key = key;
    return &t->dict[i];
}

/* Record the tokens [b, e) with the first word hashed as @p first. */
static void
dict_add(struct ner_tagger *t, uint64_t first, const struct ner_match *mt, uint32_t b, uint32_t e,
         enum ner_type type, float margin)
{
    uint64_t h = first;
    for (uint32_t i = b; i < e; i++) {
        if (i > b)
            h = ner_hash2(h, mt[i].key);
        struct dslot *s = dict_slot(t, h, 1);
        if (i + 1 < e) {
            s->prefix = 1;
            continue;
        }
        s->cnt[type]++;
        if (margin > s->mg[type])
            s->mg[type] = margin;
    }
}

static int
can_stand_alone(const struct ner_match *m, uint32_t min_cps)
{
    return m->cps >= min_cps && !(m->lex & (1u << NER_LX_NONNAME));
}

static int
span_cmp(const void *a, const void *b)
{
    const struct ner_span *x = a, *y = b;
    return x->tok_begin < y->tok_begin ? -1 : x->tok_begin > y->tok_begin;
}

/* ------------------------------------------------------------ second stage */

/* Free the per-token arrays of the document (first-stage emissions, labels,
 * stems, alternative stems, word classes); they are made again on demand. */
static void
doc_tokens_free(struct ner_tagger *t)
{
    free(t->demit);
    free(t->demit2);
    free(t->dlab);
    free(t->dstem);
    free(t->dalt);
    free(t->dcls);
    t->demit = t->demit2 = NULL;
    t->dlab = NULL;
    t->dstem = t->dalt = NULL;
    t->dcls = NULL;
    t->dtcap = 0;
}

/* First stage over every sentence: emissions, labels, stems and
 * alternative stems of the whole document in t->demit, dlab, dstem, dalt;
 * then the document table. */
static int
stage1(struct ner_tagger *t, const struct txt_doc *doc, const struct txt_sentence *sents,
       size_t nsents, struct ner_match *mt, uint8_t *done)
{
    size_t nt = doc->ntokens;
    if (nt > t->dtcap) {
        size_t cap = t->dtcap ? t->dtcap : 256;
        while (cap < nt)
            cap *= 2;
        doc_tokens_free(t);
        t->demit = malloc(cap * L * sizeof(*t->demit));
        t->demit2 = malloc(cap * L * sizeof(*t->demit2));
        t->dlab = malloc(cap);
        t->dstem = malloc(cap * sizeof(*t->dstem));
        t->dalt = malloc(cap * sizeof(*t->dalt));
        t->dcls = malloc(cap * sizeof(*t->dcls));
        if (!t->demit || !t->demit2 || !t->dlab || !t->dstem || !t->dalt || !t->dcls) {
            doc_tokens_free(t);
            return LQ_ERR_NOMEM;
        }
        t->dtcap = cap;
    }
    if (NULL == t->ds && LQ_OK != ner_docstat_new(&t->ds))
        return LQ_ERR_NOMEM;
    memset(t->dlab, 0, nt);
    memset(t->dstem, 0, nt * sizeof(*t->dstem));
    memset(t->dalt, 0, nt * sizeof(*t->dalt));
    memset(t->dcls, 0, nt * sizeof(*t->dcls));
    memset(t->demit, 0, nt * L * sizeof(*t->demit));
    for (size_t s = 0; s < nsents; s++) {
        size_t tb = sents[s].tok_begin, te = sents[s].tok_end;
        if (te > nt)
            te = nt;
        for (size_t cb = tb; cb < te; cb += CHUNK_MAX) {
            size_t len = te - cb < CHUNK_MAX ? te - cb : CHUNK_MAX;
            if (LQ_OK != scratch_reserve(t, len))
                return LQ_ERR_NOMEM;
            ner_tokinfo_fill(t->m->lexf, t->m->clusters, doc->tokens + cb, len, t->info);
            chunk_matches(t, cb, len, mt, done);
            if (NER_STACK_FULL == t->m->doc_mode)
                emissions2(t->m, t->m->doc, t->info, len, t->demit + cb * L, t->demit2 + cb * L);
            else if (!emissions_cached(t, len, t->demit + cb * L))
                emissions(t->m, t->info, len, t->demit + cb * L);
            ner_viterbi(&t->m->tr, t->demit + cb * L, len, t->delta, t->bp, t->dlab + cb);
            for (size_t i = 0; i < len; i++) {
                t->dstem[cb + i] = t->info[i].hstem;
                t->dalt[cb + i] = t->info[i].halt;
                t->dcls[cb + i] = t->info[i].cls;
            }
        }
    }
    return ner_docstat_build(t->ds, t->dstem, t->dlab, nt);
}

/* Second-stage emissions of the chunk [cb, cb + len) into t->emit. */
static void
stage2_emit(struct ner_tagger *t, size_t cb, size_t len)
{
    const struct ner_model *dm = t->m->doc;
    uint64_t keys[NER_MAX_DOCFEATS];
    const float *base = NER_STACK_FULL == t->m->doc_mode ? t->demit2 : t->demit;
    for (size_t i = 0; i < len; i++) {
        float *e = t->emit + i * L;
        memcpy(e, base + (cb + i) * L, L * sizeof(*e));
        size_t nk = ner_doc_features(t->ds, t->dstem, t->dalt, t->dcls, t->dlab, cb, cb + len, cb + i, keys);
        score_token(dm, keys, nk, e, 1);
    }
}

int
ner_tag_doc_input(struct ner_tagger *t, const struct txt_doc *doc, const float **emit,
                  const uint64_t **keys, const size_t **kofs)
{
    size_t nt = doc->ntokens;
    struct txt_sentence whole = {0, 0, 0, (uint32_t)nt};
    const struct txt_sentence *sents = doc->nsents ? doc->sents : &whole;
    size_t nsents = doc->nsents ? doc->nsents : 1;
    int rc = stage1(t, doc, sents, nsents, NULL, NULL);
    if (LQ_OK != rc)
        return rc;
    if (nt * NER_MAX_DOCFEATS + 1 > t->dkcap) {
        free(t->dkeys);
        free(t->dkofs);
        t->dkcap = nt * NER_MAX_DOCFEATS + 1;
        t->dkeys = malloc(t->dkcap * sizeof(*t->dkeys));
        t->dkofs = malloc((nt + 1) * sizeof(*t->dkofs));
        if (NULL == t->dkeys || NULL == t->dkofs) {
            free(t->dkeys);
            free(t->dkofs);
            t->dkeys = NULL;
            t->dkofs = NULL;
            t->dkcap = 0;
            return LQ_ERR_NOMEM;
        }
    }
    /* dkofs first holds, at each chunk's first token, the chunk's end;
     * tokens outside every sentence get no features */
    size_t nk = 0;
    size_t *cbeg = t->dkofs;
    for (size_t i = 0; i <= nt; i++)
        cbeg[i] = SIZE_MAX;
    for (size_t s = 0; s < nsents; s++) {
        size_t tb = sents[s].tok_begin, te = sents[s].tok_end;
        if (te > nt)
            te = nt;
        for (size_t cb = tb; cb < te; cb += CHUNK_MAX)
            cbeg[cb] = te - cb < CHUNK_MAX ? te : cb + CHUNK_MAX;
    }
    size_t ce = 0, cs = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t end = cbeg[i];
        if (SIZE_MAX != end) {
            cs = i;
            ce = end;
        }
        cbeg[i] = nk;
        if (i >= cs && i < ce)
            nk += ner_doc_features(t->ds, t->dstem, t->dalt, t->dcls, t->dlab, cs, ce, i, t->dkeys + nk);
    }
    t->dkofs[nt] = nk;
    *emit = t->demit;
    *keys = t->dkeys;
    *kofs = t->dkofs;
    return LQ_OK;
}

int
ner_tag_doc(struct ner_tagger *t, const struct txt_doc *doc, struct ner_span *spans, size_t max,
            size_t *n)
{
    return ner_tag_doc_ex(t, doc, spans, max, n, 0);
}

/* Document buffers with room for more tokens (dictionary: slots) than
 * this are freed after the document. For a 1 MB text they take about 7 MB;
 * kept, they stayed with the thread while the stages after the tagger
 * allocated as much again, and until the thread's next long text. Freed,
 * malloc hands the same memory to those stages. Articles stay far below
 * it, and keep their buffers from one text to the next. */
#define DOC_KEEP (1u << 14)

static void
doc_scratch_trim(struct ner_tagger *t, size_t ntokens)
{
    if (t->mcap > DOC_KEEP) {
        free(t->match);
        free(t->covered);
        t->match = NULL;
        t->covered = NULL;
        t->mcap = 0;
    }
    if (t->dcap > DOC_KEEP) {
        free(t->dspans);
        t->dspans = NULL;
        t->dcap = 0;
    }
    if (t->dalloc > DOC_KEEP) {
        free(t->dict);
        t->dict = NULL;
        t->dalloc = 0;
        t->dmask = 0;
    }
    if (t->dtcap > DOC_KEEP)
        doc_tokens_free(t);
    /* the second stage's table grows with the document, too */
    if (ntokens > DOC_KEEP) {
        ner_docstat_free(t->ds);
        t->ds = NULL;
    }
}

static int
tag_doc(struct ner_tagger *t, const struct txt_doc *doc, struct ner_span *spans, size_t max,
        size_t *n, unsigned flags)
{
    *n = 0;
    size_t nt = doc->ntokens;
    if (0 == nt)
        return LQ_OK;
    /* first pass, sentence by sentence */
    size_t ns = 0;
    struct txt_sentence whole = {0, 0, 0, (uint32_t)nt};
    const struct txt_sentence *sents = doc->nsents ? doc->sents : &whole;
    size_t nsents = doc->nsents ? doc->nsents : 1;
    int stack = NULL != t->m->doc && !(flags & NER_DOC_NO_STACK);
    /* the hashes document consistency compares tokens by, taken from the
     * tagging passes (cov marks the tokens they reached) */
    if (LQ_OK != grow_bytes((void **)&t->match, &t->mcap, nt, sizeof(*t->match)))
        return LQ_ERR_NOMEM;
    size_t ccap = t->mcap;
    uint8_t *cov = realloc(t->covered, ccap);
    if (NULL == cov)
        return LQ_ERR_NOMEM;
    t->covered = cov;
    memset(cov, 0, nt);
    if (stack) {
        int rc = stage1(t, doc, sents, nsents, t->match, cov);
        if (LQ_OK != rc)
            return rc;
    }
    for (size_t s = 0; s < nsents; s++) {
        size_t tb = sents[s].tok_begin, te = sents[s].tok_end, k = 0;
        if (te > nt)
            te = nt;
        if (tb >= te)
            continue;
        if (LQ_OK != grow_bytes((void **)&t->dspans, &t->dcap, ns + (te - tb) + 1,
                                sizeof(*t->dspans)))
            return LQ_ERR_NOMEM;
        if (!stack) {
            int rc = tag_range(t, doc, tb, te, t->dspans + ns, te - tb, &k, t->match, cov);
            if (LQ_OK != rc)
                return rc;
            ns += k;
            continue;
        }
        for (size_t cb = tb; cb < te; cb += CHUNK_MAX) {
            size_t len = te - cb < CHUNK_MAX ? te - cb : CHUNK_MAX;
            const struct ner_trans *tr2 =
                NER_STACK_FULL == t->m->doc_mode ? &t->m->doc->tr : &t->m->tr;
            stage2_emit(t, cb, len);
            float best = ner_viterbi(tr2, t->emit, len, t->delta, t->bp, t->labels);
            size_t nc = ner_labels_to_spans(t->labels, len, t->spans, t->cap);
            if (0 == nc)
                continue;
            margins(t, tr2, len, best, t->spans, nc);
            for (size_t j = 0; j < nc; j++) {
                struct ner_span sp = t->spans[j];
                sp.tok_begin += (uint32_t)cb;
                sp.tok_end += (uint32_t)cb;
                t->dspans[ns++] = sp;
            }
        }
    }
    if (flags & NER_DOC_NO_CONSISTENCY) {
        for (size_t k = 0; k < ns && k < max; k++)
            spans[k] = t->dspans[k];
        *n = ns;
        return LQ_OK;
    }
    /* the dictionary of what the first pass found */
    for (size_t i = 0; i < nt; i++)
        if (!cov[i])
            ner_token_match(t->m->lexf, &doc->tokens[i], &t->match[i]);
    memset(cov, 0, nt);
    /* Entries the loop below can add at most: each dict_add() adds one per
     * token of its span, and a span makes at most three calls (its stem,
     * its alternative stem, a person's last name). The table has four slots
     * per such entry at least, so it never fills, and it is no larger than
     * this document needs: for a 1 MB text a bound of ns * (DOC_MAX_WORDS +
     * 2) entries made a 12 MB table that every lookup below left mostly
     * empty (what the table holds does not depend on its size). */
    size_t adds = 1;
    for (size_t k = 0; k < ns; k++) {
        const struct ner_span *sp = &t->dspans[k];
        size_t w = sp->tok_end - sp->tok_begin;
        if (w > DOC_MAX_WORDS)
            continue;
        adds += w * (t->match[sp->tok_begin].alt ? 2 : 1) + (NER_PER == sp->type && w >= 2);
    }
    size_t want = 16;
    while (want < 4 * adds)
        want *= 2;
    if (want > t->dalloc || NULL == t->dict) {
        free(t->dict);
        t->dict = malloc(want * sizeof(*t->dict));
        if (NULL == t->dict) {
            t->dmask = 0;
            t->dalloc = 0;
            return LQ_ERR_NOMEM;
        }
        t->dalloc = want;
    }
    /* only the slots this document needs: after a long document the table
     * stays large, and clearing all of it for every later one cost more
     * than the lookups (what the table holds does not depend on its size) */
    t->dmask = want - 1;
    for (size_t i = 0; i <= t->dmask; i++)
        t->dict[i].key = 0;
    const struct ner_match *mt = t->match;
    for (size_t k = 0; k < ns; k++) {
        const struct ner_span *sp = &t->dspans[k];
        uint32_t b = sp->tok_begin, e = sp->tok_end;
        for (uint32_t i = b; i < e; i++)
            cov[i] = 1;
        if (e - b > DOC_MAX_WORDS)
            continue;
        if (e - b > 1 || can_stand_alone(&mt[b], 2)) {
            dict_add(t, mt[b].stem, mt, b, e, sp->type, sp->margin);
            if (mt[b].alt)
                dict_add(t, mt[b].alt, mt, b, e, sp->type, sp->margin);
        }
        /* a person's last name stands for the person */
        if (NER_PER == sp->type && e - b >= 2 && can_stand_alone(&mt[e - 1], 4))
            dict_add(t, mt[e - 1].stem, mt, e - 1, e, NER_PER, sp->margin);
    }
    /* a sequence found with several types takes the majority type */
    for (size_t k = 0; k < ns; k++) {
        struct ner_span *sp = &t->dspans[k];
        uint32_t b = sp->tok_begin, e = sp->tok_end;
        if (e - b > DOC_MAX_WORDS)
            continue;
        uint64_t h = mt[b].stem;
        for (uint32_t i = b + 1; i < e; i++)
            h = ner_hash2(h, mt[i].key);
        const struct dslot *d = dict_slot(t, h, 0);
        if (NULL == d)
            continue;
        int bt = sp->type;
        for (int ty = 1; ty < NER_NTYPES; ty++)
            if (d->cnt[ty] > d->cnt[bt])
                bt = ty;
        sp->type = (enum ner_type)bt;
    }
    /* second pass: untagged occurrences of dictionary entries */
    size_t total = ns;
    for (size_t s = 0; s < nsents; s++) {
        size_t tb = sents[s].tok_begin, te = sents[s].tok_end;
        if (te > nt)
            te = nt;
        for (size_t i = tb; i < te;) {
            size_t best_len = 0;
            const struct dslot *best = NULL;
            uint64_t starts[2] = {mt[i].stem, mt[i].alt};
            for (int v = 0; v < 2 && !cov[i]; v++) {
                if (0 == starts[v])
                    continue;
                uint64_t h = starts[v];
                for (size_t j = i; j < te && j < i + DOC_MAX_WORDS && !cov[j]; j++) {
                    if (j > i)
                        h = ner_hash2(h, mt[j].key);
                    const struct dslot *d = dict_slot(t, h, 0);
                    if (NULL == d)
                        break;
                    uint32_t c = d->cnt[1] + d->cnt[2] + d->cnt[3];
                    if (c && j + 1 - i > best_len) {
                        best_len = j + 1 - i;
                        best = d;
                    }
                    if (!d->prefix)
                        break;
                }
            }
            if (NULL == best) {
                i++;
                continue;
            }
            int bt = 1;
            for (int ty = 2; ty < NER_NTYPES; ty++)
                if (best->cnt[ty] > best->cnt[bt])
                    bt = ty;
            if (LQ_OK != grow_bytes((void **)&t->dspans, &t->dcap, total + 1, sizeof(*t->dspans)))
                return LQ_ERR_NOMEM;
            t->dspans[total++] = (struct ner_span){(uint32_t)i, (uint32_t)(i + best_len),
                                                   (enum ner_type)bt, best->mg[bt]};
            i += best_len;
        }
    }
    if (total > ns)
        qsort(t->dspans, total, sizeof(*t->dspans), span_cmp);
    for (size_t k = 0; k < total && k < max; k++)
        spans[k] = t->dspans[k];
    *n = total;
    return LQ_OK;
}

int
ner_tag_doc_ex(struct ner_tagger *t, const struct txt_doc *doc, struct ner_span *spans, size_t max,
               size_t *n, unsigned flags)
{
    int rc = tag_doc(t, doc, spans, max, n, flags);
    doc_scratch_trim(t, doc->ntokens);
    return rc;
}

/* end of ner_tag.c */
