/* Decoding: constrained Viterbi, max-marginal margins, the per-thread tagger. */
#include "ner_internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/status.h"
#include "liqa/text.h"

#define NEG_INF (-FLT_MAX)
/* Longest run of tokens decoded at once; longer ranges are cut into chunks
 * so the scratch stays bounded whatever the input. */
#define CHUNK_MAX 1024u
#define L NER_NLABELS

/* The allowed transitions as lists: predecessors of each label (for the
 * forward pass) and successors (for the backward pass). */
struct allowed {
    uint8_t start[L], end[L];
    uint8_t npred[L], pred[L][L];
    uint8_t nsucc[L], succ[L][L];
};

static void
allowed_fill(struct allowed *a)
{
    memset(a, 0, sizeof(*a));
    for (int x = 0; x < L; x++) {
        a->start[x] = (uint8_t)ner_allowed_start(x);
        a->end[x] = (uint8_t)ner_allowed_end(x);
        for (int y = 0; y < L; y++) {
            if (!ner_allowed(x, y))
                continue;
            a->pred[y][a->npred[y]++] = (uint8_t)x;
            a->succ[x][a->nsucc[x]++] = (uint8_t)y;
        }
    }
}

float
ner_viterbi(const struct ner_trans *tr, const float *emit, size_t n, float *delta, uint8_t *bp,
            uint8_t *labels)
{
    if (0 == n)
        return 0;
    struct allowed al;
    allowed_fill(&al);
    for (int l = 0; l < L; l++) {
        delta[l] = al.start[l] ? tr->start[l] + emit[l] : NEG_INF;
        bp[l] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        const float *prev = delta + (i - 1) * L;
        float *cur = delta + i * L;
        const float *e = emit + i * L;
        uint8_t *b = bp + i * L;
        for (int y = 0; y < L; y++) {
            float best = NEG_INF;
            int arg = 0;
            for (int k = 0; k < al.npred[y]; k++) {
                int x = al.pred[y][k];
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
    }
    const float *last = delta + (n - 1) * L;
    float best = NEG_INF;
    int arg = 0;
    for (int l = 0; l < L; l++) {
        if (!al.end[l] || NEG_INF == last[l])
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

void
ner_backward(const struct ner_trans *tr, const float *emit, size_t n, float *beta)
{
    if (0 == n)
        return;
    struct allowed al;
    allowed_fill(&al);
    float *last = beta + (n - 1) * L;
    for (int l = 0; l < L; l++)
        last[l] = al.end[l] ? tr->end[l] : NEG_INF;
    for (size_t i = n - 1; i > 0; i--) {
        const float *next = beta + i * L;
        const float *e = emit + i * L;
        float *cur = beta + (i - 1) * L;
        for (int x = 0; x < L; x++) {
            float best = NEG_INF;
            for (int k = 0; k < al.nsucc[x]; k++) {
                int y = al.succ[x][k];
                if (NEG_INF == next[y])
                    continue;
                float s = tr->trans[x][y] + e[y] + next[y];
                if (s > best)
                    best = s;
            }
            cur[x] = best;
        }
    }
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

struct ner_tagger {
    const struct ner_model *m;
    size_t cap;
    struct ner_tokinfo *info;
    float *emit, *delta, *beta;
    uint8_t *bp, *labels;
    struct ner_span *spans; /* cap entries: spans of one chunk */
};

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
    if (!t->info || !t->emit || !t->delta || !t->beta || !t->bp || !t->labels || !t->spans) {
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

static void
emissions(const struct ner_model *m, const struct ner_tokinfo *info, size_t n, float *emit)
{
    uint64_t fbuf[PREFETCH_AHEAD + 1][NER_MAX_FEATS];
    size_t nf[PREFETCH_AHEAD + 1];
    for (size_t j = 0; j < PREFETCH_AHEAD && j < n; j++) {
        nf[j] = ner_token_features(info, n, j, fbuf[j]);
        prefetch_slots(m, fbuf[j], nf[j]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t ahead = i + PREFETCH_AHEAD;
        if (ahead < n) {
            size_t r = ahead % (PREFETCH_AHEAD + 1);
            nf[r] = ner_token_features(info, n, ahead, fbuf[r]);
            prefetch_slots(m, fbuf[r], nf[r]);
        }
        const uint64_t *feats = fbuf[i % (PREFETCH_AHEAD + 1)];
        size_t cnt = nf[i % (PREFETCH_AHEAD + 1)];
        int32_t acc[L] = {0};
        for (size_t k = 0; k < cnt; k++) {
            const struct ner_slot *s = ner_model_find(m, feats[k]);
            if (NULL == s)
                continue;
            for (int l = 0; l < L; l++)
                acc[l] += s->w[l];
        }
        float *e = emit + i * L;
        for (int l = 0; l < L; l++)
            e[l] = (float)acc[l] * m->scale;
    }
}

/* Margin of each span: best score minus the best path that changes at least
 * one label inside the span (exact, from forward and backward max scores). */
static void
margins(const struct ner_tagger *t, size_t n, float best, struct ner_span *spans, size_t ns)
{
    ner_backward(&t->m->tr, t->emit, n, t->beta);
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

int
ner_tag(struct ner_tagger *t, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
        struct ner_span *spans, size_t max, size_t *n)
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
        emissions(t->m, t->info, len, t->emit);
        float best = ner_viterbi(&t->m->tr, t->emit, len, t->delta, t->bp, t->labels);
        size_t ns = ner_labels_to_spans(t->labels, len, t->spans, t->cap);
        if (0 == ns)
            continue;
        margins(t, len, best, t->spans, ns);
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

/* end of ner_tag.c */
