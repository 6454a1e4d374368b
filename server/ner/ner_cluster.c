/* Word classes from unlabelled text: the exchange algorithm (Kneser & Ney
 * 1993, Martin, Liermann & Ney 1998) maximising the likelihood of a class
 * bigram model, run over token stems. The classes become features, so
 * words never seen with a label still share weights with words that were
 * seen in the same contexts. */
#include "ner_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/status.h"

/* ------------------------------------------------------------- lookup table */

struct cl_slot {
    uint64_t key; /* 0 = empty */
    uint64_t cls;
};

struct ner_clusters {
    uint64_t *keys; /* entries, ascending */
    uint16_t *cls;
    size_t n;
    struct cl_slot *slots; /* open addressing over the entries */
    size_t mask;
};

static int
cmp_entry(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int
ner_clusters_build(const uint64_t *keys, const uint16_t *cls, size_t n, struct ner_clusters **out)
{
    *out = NULL;
    struct ner_clusters *c = calloc(1, sizeof(*c));
    if (NULL == c)
        return LQ_ERR_NOMEM;
    size_t cap = 16;
    while (cap < 2 * n + 1)
        cap *= 2;
    uint64_t *pairs = malloc((n ? n : 1) * 2 * sizeof(*pairs));
    c->keys = malloc((n ? n : 1) * sizeof(*c->keys));
    c->cls = malloc((n ? n : 1) * sizeof(*c->cls));
    c->slots = calloc(cap, sizeof(*c->slots));
    if (!pairs || !c->keys || !c->cls || !c->slots) {
        free(pairs);
        ner_clusters_free(c);
        return LQ_ERR_NOMEM;
    }
    c->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        pairs[2 * i] = keys[i];
        pairs[2 * i + 1] = cls[i];
    }
    qsort(pairs, n, 2 * sizeof(*pairs), cmp_entry);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = pairs[2 * i];
        if (0 == k || (c->n && c->keys[c->n - 1] == k))
            continue; /* 0 is the empty marker; duplicates keep the first */
        c->keys[c->n] = k;
        c->cls[c->n] = (uint16_t)pairs[2 * i + 1];
        size_t j = (size_t)k & c->mask;
        while (c->slots[j].key)
            j = (j + 1) & c->mask;
        c->slots[j].key = k;
        c->slots[j].cls = c->cls[c->n];
        c->n++;
    }
    free(pairs);
    *out = c;
    return LQ_OK;
}

void
ner_clusters_free(struct ner_clusters *c)
{
    if (NULL == c)
        return;
    free(c->keys);
    free(c->cls);
    free(c->slots);
    free(c);
}

uint16_t
ner_clusters_get(const struct ner_clusters *c, uint64_t key)
{
    if (NULL == c || 0 == key)
        return 0;
    size_t j = (size_t)key & c->mask;
    while (c->slots[j].key) {
        if (c->slots[j].key == key)
            return (uint16_t)c->slots[j].cls;
        j = (j + 1) & c->mask;
    }
    return 0;
}

size_t
ner_clusters_entries(const struct ner_clusters *c, const uint64_t **keys, const uint16_t **cls)
{
    if (NULL == c) {
        *keys = NULL;
        *cls = NULL;
        return 0;
    }
    *keys = c->keys;
    *cls = c->cls;
    return c->n;
}

/* ------------------------------------------------------------- clustering */

struct vocab {
    uint64_t *keys; /* slots */
    uint32_t *ids;
    size_t mask, n;
    uint64_t *id_key;
    uint64_t *count;
};

static uint32_t
vocab_id(struct vocab *v, uint64_t key)
{
    size_t j = (size_t)key & v->mask;
    while (v->keys[j]) {
        if (v->keys[j] == key)
            return v->ids[j];
        j = (j + 1) & v->mask;
    }
    v->keys[j] = key;
    v->ids[j] = (uint32_t)v->n;
    v->id_key[v->n] = key;
    v->count[v->n] = 0;
    return (uint32_t)v->n++;
}

struct pair {
    uint32_t a, b;
};

static int
cmp_pair(const void *x, const void *y)
{
    const struct pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Compressed lists of (neighbour, count) per word. */
struct adj {
    size_t *off; /* nwords + 1 */
    uint32_t *nb;
    uint64_t *cnt;
};

static int
adj_build(struct pair *pairs, size_t np, size_t nwords, struct adj *g)
{
    qsort(pairs, np, sizeof(*pairs), cmp_pair);
    g->off = calloc(nwords + 1, sizeof(*g->off));
    g->nb = malloc((np ? np : 1) * sizeof(*g->nb));
    g->cnt = malloc((np ? np : 1) * sizeof(*g->cnt));
    if (!g->off || !g->nb || !g->cnt)
        return LQ_ERR_NOMEM;
    size_t m = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b)
            j++;
        g->nb[m] = pairs[i].b;
        g->cnt[m] = j - i;
        g->off[pairs[i].a + 1]++;
        m++;
        i = j;
    }
    for (size_t w = 0; w < nwords; w++)
        g->off[w + 1] += g->off[w];
    return LQ_OK;
}

static void
adj_free(struct adj *g)
{
    free(g->off);
    free(g->nb);
    free(g->cnt);
}

struct rank {
    uint64_t count;
    uint32_t id;
};

static int
cmp_rank(const void *x, const void *y)
{
    const struct rank *p = x, *q = y;
    if (p->count != q->count)
        return p->count > q->count ? -1 : 1;
    return p->id < q->id ? -1 : p->id > q->id;
}

int
ner_cluster_words(const uint64_t *seq, size_t n, unsigned k, unsigned min_count, unsigned iters,
                  void *logp, struct ner_clusters **out)
{
    FILE *logf = logp;
    *out = NULL;
    int rc = LQ_ERR_NOMEM;
    /* ids: 0 = sentence boundary, 1 = every rare word; both keep their class */
    const uint32_t BOUND = 0, RARE = 1;
    size_t C = (size_t)k + 2;
    struct vocab v = {0};
    struct pair *pairs = NULL;
    struct adj succ = {0}, pred = {0};
    uint32_t *tok = NULL, *cls = NULL, *remap = NULL;
    struct rank *order = NULL;
    int64_t *ncc = NULL, *nc = NULL, *r = NULL, *l = NULL;
    uint32_t *rlist = NULL, *llist = NULL;
    double *flog = NULL;
    uint64_t *okeys = NULL;
    uint16_t *ocls = NULL;

    size_t cap = 1024;
    while (cap < 2 * n + 4)
        cap *= 2;
    v.keys = calloc(cap, sizeof(*v.keys));
    v.ids = calloc(cap, sizeof(*v.ids));
    v.id_key = malloc((n + 2) * sizeof(*v.id_key));
    v.count = malloc((n + 2) * sizeof(*v.count));
    tok = malloc((n + 1) * sizeof(*tok));
    if (!v.keys || !v.ids || !v.id_key || !v.count || !tok)
        goto out;
    v.mask = cap - 1;
    v.n = 2; /* the two fixed pseudo-words */
    v.id_key[0] = v.id_key[1] = 0;
    v.count[0] = v.count[1] = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = seq[i] ? vocab_id(&v, seq[i]) : BOUND;
        v.count[id]++;
        tok[i] = id;
    }
    /* rare words share one pseudo-word */
    remap = malloc(v.n * sizeof(*remap));
    if (NULL == remap)
        goto out;
    size_t nw = 2;
    for (size_t w = 0; w < v.n; w++)
        remap[w] = w < 2 ? (uint32_t)w : v.count[w] >= min_count ? (uint32_t)nw++ : RARE;
    uint64_t *cnt = calloc(nw, sizeof(*cnt));
    uint64_t *wkey = calloc(nw, sizeof(*wkey));
    if (NULL == cnt || NULL == wkey) {
        free(cnt);
        free(wkey);
        goto out;
    }
    for (size_t w = 0; w < v.n; w++) {
        cnt[remap[w]] += v.count[w];
        if (remap[w] >= 2)
            wkey[remap[w]] = v.id_key[w];
    }
    free(v.count);
    v.count = cnt;
    free(v.id_key);
    v.id_key = wkey;
    for (size_t i = 0; i < n; i++)
        tok[i] = remap[tok[i]];
    /* the text is framed by boundaries */
    size_t np = 0;
    pairs = malloc((n + 2) * sizeof(*pairs));
    if (NULL == pairs)
        goto out;
    uint32_t prev = BOUND;
    for (size_t i = 0; i <= n; i++) {
        uint32_t cur = i < n ? tok[i] : BOUND;
        if (!(BOUND == prev && BOUND == cur))
            pairs[np++] = (struct pair){prev, cur};
        prev = cur;
    }
    uint64_t total = np;
    if (LQ_OK != adj_build(pairs, np, nw, &succ))
        goto out;
    for (size_t i = 0; i < np; i++) {
        uint32_t t = pairs[i].a;
        pairs[i].a = pairs[i].b;
        pairs[i].b = t;
    }
    if (LQ_OK != adj_build(pairs, np, nw, &pred))
        goto out;
    free(pairs);
    pairs = NULL;

    /* x log x for every count that can occur */
    flog = malloc((total + 2) * sizeof(*flog));
    if (NULL == flog)
        goto out;
    flog[0] = 0;
    for (uint64_t x = 1; x <= total + 1; x++)
        flog[x] = (double)x * log((double)x);

    /* initial classes: round robin over the words by frequency */
    cls = malloc(nw * sizeof(*cls));
    order = malloc(nw * sizeof(*order));
    if (!cls || !order)
        goto out;
    size_t nrank = 0;
    for (size_t w = 2; w < nw; w++)
        order[nrank++] = (struct rank){v.count[w], (uint32_t)w};
    qsort(order, nrank, sizeof(*order), cmp_rank);
    cls[BOUND] = 0;
    cls[RARE] = 1;
    for (size_t i = 0; i < nrank; i++)
        cls[order[i].id] = (uint32_t)(2 + i % k);

    ncc = calloc(C * C, sizeof(*ncc));
    nc = calloc(C, sizeof(*nc));
    r = calloc(C, sizeof(*r));
    l = calloc(C, sizeof(*l));
    rlist = malloc(C * sizeof(*rlist));
    llist = malloc(C * sizeof(*llist));
    if (!ncc || !nc || !r || !l || !rlist || !llist)
        goto out;
    for (size_t w = 0; w < nw; w++) {
        for (size_t e = succ.off[w]; e < succ.off[w + 1]; e++)
            ncc[cls[w] * C + cls[succ.nb[e]]] += (int64_t)succ.cnt[e];
    }
    for (size_t a = 0; a < C; a++)
        for (size_t b = 0; b < C; b++)
            nc[a] += ncc[a * C + b];

    for (unsigned it = 0; it < iters; it++) {
        size_t moves = 0;
        for (size_t oi = 0; oi < nrank; oi++) {
            uint32_t w = order[oi].id;
            uint32_t a = cls[w];
            int64_t self = 0, nwc = 0;
            size_t nr = 0, nl = 0;
            for (size_t e = succ.off[w]; e < succ.off[w + 1]; e++) {
                nwc += (int64_t)succ.cnt[e];
                if (succ.nb[e] == w) {
                    self += (int64_t)succ.cnt[e];
                    continue;
                }
                uint32_t d = cls[succ.nb[e]];
                if (0 == r[d])
                    rlist[nr++] = d;
                r[d] += (int64_t)succ.cnt[e];
            }
            for (size_t e = pred.off[w]; e < pred.off[w + 1]; e++) {
                if (pred.nb[e] == w)
                    continue;
                uint32_t c = cls[pred.nb[e]];
                if (0 == l[c])
                    llist[nl++] = c;
                l[c] += (int64_t)pred.cnt[e];
            }
            /* take w out of a */
            for (size_t j = 0; j < nr; j++)
                ncc[a * C + rlist[j]] -= r[rlist[j]];
            for (size_t j = 0; j < nl; j++)
                ncc[llist[j] * C + a] -= l[llist[j]];
            ncc[a * C + a] -= self;
            nc[a] -= nwc;
            /* best class; the old one wins ties */
            double best = -INFINITY;
            uint32_t arg = a;
            for (uint32_t b0 = 1; b0 <= k + 1; b0++) {
                uint32_t b = 1 == b0 ? a : b0; /* a first, then 2..k+1 */
                if (b0 > 1 && b == a)
                    continue;
                double dl = 0;
                const int64_t *row = ncc + (size_t)b * C;
                for (size_t j = 0; j < nr; j++) {
                    uint32_t d = rlist[j];
                    if (d != b)
                        dl += flog[row[d] + r[d]] - flog[row[d]];
                }
                for (size_t j = 0; j < nl; j++) {
                    uint32_t c = llist[j];
                    if (c == b)
                        continue;
                    int64_t x = ncc[(size_t)c * C + b];
                    dl += flog[x + l[c]] - flog[x];
                }
                int64_t bb = row[b];
                dl += flog[bb + r[b] + l[b] + self] - flog[bb];
                dl -= 2 * (flog[nc[b] + nwc] - flog[nc[b]]);
                if (dl > best + 1e-9) {
                    best = dl;
                    arg = b;
                }
            }
            /* put w into arg */
            for (size_t j = 0; j < nr; j++)
                ncc[arg * C + rlist[j]] += r[rlist[j]];
            for (size_t j = 0; j < nl; j++)
                ncc[llist[j] * C + arg] += l[llist[j]];
            ncc[arg * C + arg] += self;
            nc[arg] += nwc;
            if (arg != a) {
                moves++;
                cls[w] = arg;
            }
            for (size_t j = 0; j < nr; j++)
                r[rlist[j]] = 0;
            for (size_t j = 0; j < nl; j++)
                l[llist[j]] = 0;
        }
        if (logf) {
            fprintf(logf, "clusters: pass %u, %zu of %zu words moved\n", it + 1, moves, nrank);
            fflush(logf);
        }
        if (0 == moves)
            break;
    }
    okeys = malloc((nrank ? nrank : 1) * sizeof(*okeys));
    ocls = malloc((nrank ? nrank : 1) * sizeof(*ocls));
    if (!okeys || !ocls)
        goto out;
    for (size_t i = 0; i < nrank; i++) {
        okeys[i] = v.id_key[order[i].id];
        ocls[i] = (uint16_t)(cls[order[i].id] - 1); /* 1..k; 0 = unknown */
    }
    rc = ner_clusters_build(okeys, ocls, nrank, out);
    if (logf && LQ_OK == rc)
        fprintf(logf, "clusters: %zu words (count >= %u) in %u classes, %llu tokens\n", nrank,
                min_count, k, (unsigned long long)n);
out:
    free(v.keys);
    free(v.ids);
    free(v.id_key);
    free(v.count);
    free(pairs);
    adj_free(&succ);
    adj_free(&pred);
    free(tok);
    free(cls);
    free(remap);
    free(order);
    free(ncc);
    free(nc);
    free(r);
    free(l);
    free(rlist);
    free(llist);
    free(flog);
    free(okeys);
    free(ocls);
    return rc;
}

/* end of ner_cluster.c */
