/* Second stage (stacking): document features computed from what the first
 * stage found elsewhere in the document. The table counts, for each stem
 * hash, the first-stage labels of its occurrences (and the label of the
 * first one), and for each pair of adjacent stems the entities of each type
 * that contained both; a token's features compare it with the other
 * occurrences (its own label is taken out of the counts). */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

#include "liqa/status.h"

#define L NER_NLABELS

struct ds_slot {
    uint64_t key;          /* 0: empty */
    uint32_t first;        /* token index of the first occurrence (words) */
    uint16_t cnt[L];       /* words: label counts; pairs: cnt[type] */
    uint8_t first_lab;     /* words: label of the first occurrence */
};

struct ner_docstat {
    struct ds_slot *slots;
    size_t mask, used;
    /* per token: the longest match of a span the first stage found
     * elsewhere (position 1..4 = B I E S, 0 none; and its majority type) */
    uint8_t *mpos, *mtype;
    size_t mcap;
};

int
ner_docstat_new(struct ner_docstat **out)
{
    *out = calloc(1, sizeof(**out));
    return *out ? LQ_OK : LQ_ERR_NOMEM;
}

void
ner_docstat_free(struct ner_docstat *ds)
{
    if (NULL == ds)
        return;
    free(ds->slots);
    free(ds->mpos);
    free(ds->mtype);
    free(ds);
}

static uint64_t
word_key(uint64_t stem)
{
    uint64_t k = ner_mix(stem ^ 0x57a7e1d0c0ffee11ull);
    return k ? k : 1;
}

/* Key of the token sequence of stems s[0..n) as a found span (prefix: 0 for
 * the span, 1 for a proper prefix of one). */
static uint64_t
seq_key(uint64_t h, int prefix)
{
    uint64_t k = ner_mix(h ^ (prefix ? 0x3c6ef372fe94f82bull : 0xa54ff53a5f1d36f1ull));
    return k ? k : 1;
}

/* Longest span of the first stage the document dictionary holds. */
#define SEQ_MAX 8u

static uint64_t
pair_key(uint64_t a, uint64_t b)
{
    uint64_t k = ner_hash2(ner_hash2(a, b), 0x9a1b2c3d4e5f6071ull);
    return k ? k : 1;
}

static int
ds_grow(struct ner_docstat *ds, size_t need)
{
    size_t cap = ds->slots ? ds->mask + 1 : 0;
    if (cap && 2 * need <= cap)
        return LQ_OK;
    size_t nc = cap ? cap : 256;
    while (2 * need > nc)
        nc *= 2;
    struct ds_slot *ns = calloc(nc, sizeof(*ns));
    if (NULL == ns)
        return LQ_ERR_NOMEM;
    for (size_t i = 0; i < cap; i++) {
        if (0 == ds->slots[i].key)
            continue;
        size_t j = (size_t)ds->slots[i].key & (nc - 1);
        while (ns[j].key)
            j = (j + 1) & (nc - 1);
        ns[j] = ds->slots[i];
    }
    free(ds->slots);
    ds->slots = ns;
    ds->mask = nc - 1;
    return LQ_OK;
}

static struct ds_slot *
ds_get(struct ner_docstat *ds, uint64_t key, int *fresh)
{
    *fresh = 0;
    if (LQ_OK != ds_grow(ds, ds->used + 1))
        return NULL;
    size_t i = (size_t)key & ds->mask;
    while (ds->slots[i].key && ds->slots[i].key != key)
        i = (i + 1) & ds->mask;
    if (0 == ds->slots[i].key) {
        ds->slots[i].key = key;
        ds->used++;
        *fresh = 1;
    }
    return &ds->slots[i];
}

static const struct ds_slot *
ds_find(const struct ner_docstat *ds, uint64_t key)
{
    if (NULL == ds->slots)
        return NULL;
    size_t i = (size_t)key & ds->mask;
    for (;;) {
        const struct ds_slot *s = &ds->slots[i];
        if (s->key == key)
            return s;
        if (0 == s->key)
            return NULL;
        i = (i + 1) & ds->mask;
    }
}

/* Label @p a opens an entity that label @p b continues. */
static int
inside_pair(int a, int b)
{
    if (0 == a || 0 == b)
        return 0;
    enum ner_pos pa = ner_label_pos(a), pb = ner_label_pos(b);
    return (NER_POS_B == pa || NER_POS_I == pa) && (NER_POS_I == pb || NER_POS_E == pb) &&
           ner_label_type(a) == ner_label_type(b);
}

/* The spans of the first stage as token sequences, then the longest
 * matches of other occurrences (at most SEQ_MAX probes per token). */
static int
seq_build(struct ner_docstat *ds, const uint64_t *stem, const uint8_t *labels, size_t n)
{
    if (n > ds->mcap) {
        size_t cap = ds->mcap ? ds->mcap : 256;
        while (cap < n)
            cap *= 2;
        free(ds->mpos);
        free(ds->mtype);
        ds->mpos = malloc(cap);
        ds->mtype = malloc(cap);
        if (NULL == ds->mpos || NULL == ds->mtype) {
            free(ds->mpos);
            free(ds->mtype);
            ds->mpos = ds->mtype = NULL;
            ds->mcap = 0;
            return LQ_ERR_NOMEM;
        }
        ds->mcap = cap;
    }
    memset(ds->mpos, 0, n);
    memset(ds->mtype, 0, n);
    /* spans: B I* E or S */
    for (size_t b = 0; b < n; b++) {
        int l = labels[b];
        if (0 == l || (NER_POS_B != ner_label_pos(l) && NER_POS_S != ner_label_pos(l)))
            continue;
        size_t e = b + 1;
        while (e < n && e - b <= SEQ_MAX && inside_pair(labels[e - 1], labels[e]))
            e++;
        if (e - b > SEQ_MAX)
            continue;
        uint64_t h = stem[b];
        int fresh;
        for (size_t j = b; j < e; j++) {
            if (j > b)
                h = ner_hash2(h, stem[j]);
            if (j + 1 < e) {
                if (NULL == ds_get(ds, seq_key(h, 1), &fresh))
                    return LQ_ERR_NOMEM;
                continue;
            }
            struct ds_slot *s = ds_get(ds, seq_key(h, 0), &fresh);
            if (NULL == s)
                return LQ_ERR_NOMEM;
            int t = (int)ner_label_type(l);
            if (s->cnt[t] < UINT16_MAX)
                s->cnt[t]++;
        }
    }
    for (size_t i = 0; i < n;) {
        size_t best = 0;
        int btype = 0;
        uint64_t h = stem[i];
        for (size_t j = i; j < n && j < i + SEQ_MAX; j++) {
            if (j > i)
                h = ner_hash2(h, stem[j]);
            const struct ds_slot *s = ds_find(ds, seq_key(h, 0));
            if (s) {
                /* the others: leave this occurrence out when the first stage
                 * found exactly this span here */
                unsigned c[NER_NTYPES] = {0, s->cnt[1], s->cnt[2], s->cnt[3]};
                int self = labels[i] && (j == i ? NER_POS_S == ner_label_pos(labels[i])
                                                : NER_POS_B == ner_label_pos(labels[i]) &&
                                                      NER_POS_E == ner_label_pos(labels[j]))
                               ? (int)ner_label_type(labels[i])
                               : 0;
                if (self && j > i)
                    for (size_t q = i + 1; q < j && self; q++)
                        self = NER_POS_I == ner_label_pos(labels[q]) ? self : 0;
                if (self && c[self])
                    c[self]--;
                int bt = 0;
                for (int t = 1; t < NER_NTYPES; t++)
                    if (c[t] > (bt ? c[bt] : 0u))
                        bt = t;
                if (bt) {
                    best = j + 1 - i;
                    btype = bt;
                }
            }
            if (NULL == ds_find(ds, seq_key(h, 1)))
                break;
        }
        if (0 == best) {
            i++;
            continue;
        }
        for (size_t q = i; q < i + best; q++) {
            ds->mpos[q] = 1 == best ? 4 : q == i ? 1 : q + 1 == i + best ? 3 : 2;
            ds->mtype[q] = (uint8_t)btype;
        }
        i += best;
    }
    return LQ_OK;
}

int
ner_docstat_build(struct ner_docstat *ds, const uint64_t *stem, const uint8_t *labels, size_t n)
{
    if (ds->slots)
        memset(ds->slots, 0, (ds->mask + 1) * sizeof(*ds->slots));
    ds->used = 0;
    for (size_t i = 0; i < n; i++) {
        int fresh;
        struct ds_slot *s = ds_get(ds, word_key(stem[i]), &fresh);
        if (NULL == s)
            return LQ_ERR_NOMEM;
        if (fresh) {
            s->first = (uint32_t)i;
            s->first_lab = labels[i];
        }
        if (s->cnt[labels[i]] < UINT16_MAX)
            s->cnt[labels[i]]++;
        if (i + 1 < n && inside_pair(labels[i], labels[i + 1])) {
            s = ds_get(ds, pair_key(stem[i], stem[i + 1]), &fresh);
            if (NULL == s)
                return LQ_ERR_NOMEM;
            int t = (int)ner_label_type(labels[i]);
            if (s->cnt[t] < UINT16_MAX)
                s->cnt[t]++;
        }
    }
    return seq_build(ds, stem, labels, n);
}

/* ---------------------------------------------------------------- features */

enum {
    D_UNIQ = 200, /* no other occurrence; × own first-stage type */
    D_MAJ,        /* majority type of the others × count bucket */
    D_SELFMAJ,    /* own first-stage type × majority type of the others */
    D_TYPE,       /* a type found among the others × its share */
    D_LAB,        /* the commonest entity label of the others */
    D_FIRST,      /* label of the first occurrence (when it is earlier) */
    D_VIA_ALT,    /* the others were found by the alternative stem */
    D_MAJ_M1,     /* the previous token's majority entity type */
    D_MAJ_P1,     /* the next token's */
    D_PAIR_M1,    /* the pair (previous, this) was inside an entity of a type elsewhere */
    D_PAIR_P1,    /* the pair (this, next) */
    D_SELFMAJ_LAB, /* own first-stage label × majority type of the others */
    D_CTX,         /* first-stage labels of the previous, this and the next token */
    D_MAJ_CLS,     /* word class × majority type of the others × own type */
    D_SEQ,         /* position and type in a span found elsewhere × own label */
};

/* The others' label counts of token i; 0 when it has none. */
static unsigned
others(const struct ner_docstat *ds, const uint64_t *stem, const uint64_t *alt,
       const uint8_t *labels, size_t i, unsigned c[L], int *first_lab, int *via_alt)
{
    unsigned tot = 0;
    *first_lab = -1;
    *via_alt = 0;
    const struct ds_slot *s = ds_find(ds, word_key(stem[i]));
    if (s) {
        for (int l = 0; l < L; l++)
            c[l] = s->cnt[l];
        if (c[labels[i]])
            c[labels[i]]--;
        for (int l = 0; l < L; l++)
            tot += c[l];
        if (tot && s->first < i)
            *first_lab = s->first_lab;
    }
    if (0 == tot && alt && alt[i]) {
        s = ds_find(ds, word_key(alt[i]));
        if (s) {
            for (int l = 0; l < L; l++) {
                c[l] = s->cnt[l];
                tot += c[l];
            }
            *via_alt = tot > 0;
            if (tot && s->first != i)
                *first_lab = s->first_lab;
        }
    }
    return tot;
}

static int
majority(const unsigned c[L], unsigned ct[NER_NTYPES])
{
    ct[0] = c[0];
    for (int t = 1; t < NER_NTYPES; t++)
        ct[t] = c[1 + 4 * (t - 1)] + c[2 + 4 * (t - 1)] + c[3 + 4 * (t - 1)] + c[4 + 4 * (t - 1)];
    int maj = 0;
    for (int t = 1; t < NER_NTYPES; t++)
        if (ct[t] > ct[maj])
            maj = t;
    return maj;
}

/* Majority entity type of the other occurrences of token j (0: none). */
static int
entity_majority(const struct ner_docstat *ds, const uint64_t *stem, const uint64_t *alt,
                const uint8_t *labels, size_t j)
{
    unsigned c[L], ct[NER_NTYPES];
    int fl, va;
    if (0 == others(ds, stem, alt, labels, j, c, &fl, &va))
        return 0;
    return majority(c, ct);
}

static unsigned
count_bucket(unsigned n)
{
    return n <= 1 ? 0u : n == 2 ? 1u : n <= 5 ? 2u : 3u;
}

/* Types of the entities that held the pair elsewhere, as a 3-bit mask. */
static unsigned
pair_types(const struct ner_docstat *ds, const uint64_t *stem, const uint8_t *labels, size_t a)
{
    const struct ds_slot *s = ds_find(ds, pair_key(stem[a], stem[a + 1]));
    if (NULL == s)
        return 0;
    unsigned mask = 0;
    int self = inside_pair(labels[a], labels[a + 1]) ? (int)ner_label_type(labels[a]) : 0;
    for (int t = 1; t < NER_NTYPES; t++) {
        unsigned n = s->cnt[t] - (t == self ? 1u : 0u);
        if (n)
            mask |= 1u << (t - 1);
    }
    return mask;
}

size_t
ner_doc_features(const struct ner_docstat *ds, const uint64_t *stem, const uint64_t *alt,
                 const uint16_t *cls, const uint8_t *labels, size_t b, size_t e, size_t i,
                 uint64_t *out)
{
    size_t k = 0;
    unsigned c[L], ct[NER_NTYPES];
    int first_lab, via_alt;
    unsigned own = (unsigned)ner_label_type(labels[i]);
    unsigned tot = others(ds, stem, alt, labels, i, c, &first_lab, &via_alt);
    if (0 == tot) {
        out[k++] = ner_feat(D_UNIQ, own);
    } else {
        unsigned maj = (unsigned)majority(c, ct);
        out[k++] = ner_feat(D_MAJ, maj << 4 | count_bucket(tot));
        out[k++] = ner_feat(D_SELFMAJ, own << 4 | maj);
        out[k++] = ner_feat(D_SELFMAJ_LAB, (unsigned)labels[i] << 4 | maj);
        for (unsigned t = 1; t < NER_NTYPES; t++) {
            if (0 == ct[t])
                continue;
            unsigned share = ct[t] == tot ? 3u : 2 * ct[t] >= tot ? 2u : 1u;
            out[k++] = ner_feat(D_TYPE, t << 4 | share);
        }
        int best = 0;
        for (int l = 1; l < L; l++)
            if (c[l] > (best ? c[best] : 0u))
                best = l;
        if (best)
            out[k++] = ner_feat(D_LAB, (unsigned)best);
        if (first_lab >= 0)
            out[k++] = ner_feat(D_FIRST, (unsigned)first_lab);
        if (via_alt)
            out[k++] = ner_feat(D_VIA_ALT, maj);
        if (cls && (maj || own))
            out[k++] = ner_feat(D_MAJ_CLS, (uint64_t)cls[i] << 8 | maj << 4 | own);
    }
    if (ds->mpos && ds->mpos[i])
        out[k++] = ner_feat(D_SEQ, (unsigned)ds->mpos[i] << 12 | (unsigned)ds->mtype[i] << 8 |
                                       labels[i]);
    {
        unsigned lm = i > b ? labels[i - 1] : NER_NLABELS, lp = i + 1 < e ? labels[i + 1] : NER_NLABELS;
        out[k++] = ner_feat(D_CTX, lm << 16 | (unsigned)labels[i] << 8 | lp);
    }
    if (i > b) {
        int mj = entity_majority(ds, stem, alt, labels, i - 1);
        if (mj)
            out[k++] = ner_feat(D_MAJ_M1, (unsigned)mj);
        unsigned pm = pair_types(ds, stem, labels, i - 1);
        if (pm)
            out[k++] = ner_feat(D_PAIR_M1, pm);
    }
    if (i + 1 < e) {
        int mj = entity_majority(ds, stem, alt, labels, i + 1);
        if (mj)
            out[k++] = ner_feat(D_MAJ_P1, (unsigned)mj);
        unsigned pm = pair_types(ds, stem, labels, i);
        if (pm)
            out[k++] = ner_feat(D_PAIR_P1, pm);
    }
    return k;
}

/* end of ner_stack.c */
