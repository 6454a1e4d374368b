/* Training: averaged structured perceptron over BIOES with constrained
 * Viterbi, deterministic shuffling, and a filter that keeps copies of
 * held-out text out of the training data. */
#include "ner_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/status.h"
#include "liqa/text.h"

#define L NER_NLABELS
#define NONE UINT32_MAX

/* ------------------------------------------------------------- hash map */

struct fmap {
    uint64_t *keys; /* slots; 0 = empty */
    uint32_t *ids;  /* slots */
    size_t mask, used;
    uint64_t *id_key; /* id → key */
    uint32_t *id_count;
    size_t idcap;
};

static int
fmap_grow(struct fmap *m)
{
    size_t ncap = m->keys ? 2 * (m->mask + 1) : 1u << 16;
    uint64_t *nk = calloc(ncap, sizeof(*nk));
    uint32_t *ni = calloc(ncap, sizeof(*ni));
    if (NULL == nk || NULL == ni) {
        free(nk);
        free(ni);
        return LQ_ERR_NOMEM;
    }
    if (m->keys) {
        for (size_t i = 0; i <= m->mask; i++) {
            if (0 == m->keys[i])
                continue;
            size_t j = (size_t)m->keys[i] & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            ni[j] = m->ids[i];
        }
    }
    free(m->keys);
    free(m->ids);
    m->keys = nk;
    m->ids = ni;
    m->mask = ncap - 1;
    return LQ_OK;
}

/* Id of @p key, inserted if new; NONE when out of memory. */
static uint32_t
fmap_id(struct fmap *m, uint64_t key)
{
    if (NULL == m->keys || 2 * (m->used + 1) > m->mask + 1) {
        if (LQ_OK != fmap_grow(m))
            return NONE;
    }
    size_t i = (size_t)key & m->mask;
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return m->ids[i];
        i = (i + 1) & m->mask;
    }
    if (m->used == m->idcap) {
        size_t nc = m->idcap ? 2 * m->idcap : 1u << 16;
        uint64_t *k = realloc(m->id_key, nc * sizeof(*k));
        if (NULL == k)
            return NONE;
        m->id_key = k;
        uint32_t *c = realloc(m->id_count, nc * sizeof(*c));
        if (NULL == c)
            return NONE;
        m->id_count = c;
        m->idcap = nc;
    }
    uint32_t id = (uint32_t)m->used++;
    m->keys[i] = key;
    m->ids[i] = id;
    m->id_key[id] = key;
    m->id_count[id] = 0;
    return id;
}

static void
fmap_free(struct fmap *m)
{
    free(m->keys);
    free(m->ids);
    free(m->id_key);
    free(m->id_count);
    memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------- exclusion */

struct ner_exclude {
    struct fmap set;
};

int
ner_exclude_new(struct ner_exclude **out)
{
    *out = calloc(1, sizeof(**out));
    return *out ? LQ_OK : LQ_ERR_NOMEM;
}

void
ner_exclude_free(struct ner_exclude *ex)
{
    if (NULL == ex)
        return;
    fmap_free(&ex->set);
    free(ex);
}

/* Folded text of words without spaces, and the byte offset of each code point. */
struct stream {
    char *buf;
    size_t len, cap;
    size_t *cps;
    size_t ncp, cpcap;
};

static int
stream_add_word(struct stream *st, const char *w)
{
    char tmp[512];
    size_t n = txt_fold(w, strlen(w), tmp, sizeof(tmp));
    if (n >= sizeof(tmp))
        n = sizeof(tmp) - 1;
    if (st->len + n + 1 > st->cap) {
        size_t nc = st->cap ? st->cap : 4096;
        while (nc < st->len + n + 1)
            nc *= 2;
        char *b = realloc(st->buf, nc);
        if (NULL == b)
            return LQ_ERR_NOMEM;
        st->buf = b;
        st->cap = nc;
    }
    for (size_t i = 0; i < n; i++) {
        if (' ' == tmp[i])
            continue;
        if (0x80 != ((unsigned char)tmp[i] & 0xc0)) {
            if (st->ncp == st->cpcap) {
                size_t nc = st->cpcap ? 2 * st->cpcap : 4096;
                size_t *c = realloc(st->cps, nc * sizeof(*c));
                if (NULL == c)
                    return LQ_ERR_NOMEM;
                st->cps = c;
                st->cpcap = nc;
            }
            st->cps[st->ncp++] = st->len;
        }
        st->buf[st->len++] = tmp[i];
    }
    return LQ_OK;
}

static uint64_t
window_hash(const struct stream *st, size_t cp)
{
    size_t b = st->cps[cp];
    size_t e = cp + NER_EXCLUDE_WINDOW < st->ncp ? st->cps[cp + NER_EXCLUDE_WINDOW] : st->len;
    uint64_t h = ner_hash_bytes(st->buf + b, e - b);
    return h ? h : 1;
}

int
ner_exclude_add(struct ner_exclude *ex, const struct ner_corpus *c)
{
    struct stream st = {0};
    int rc = LQ_OK;
    for (size_t s = 0; s < c->nsents && LQ_OK == rc; s++)
        for (size_t i = 0; i < c->sents[s].n && LQ_OK == rc; i++)
            rc = stream_add_word(&st, c->sents[s].words[i]);
    for (size_t cp = 0; LQ_OK == rc && cp + NER_EXCLUDE_WINDOW <= st.ncp; cp++) {
        uint32_t id = fmap_id(&ex->set, window_hash(&st, cp));
        if (NONE == id)
            rc = LQ_ERR_NOMEM;
    }
    free(st.buf);
    free(st.cps);
    return rc;
}

static uint32_t
fmap_find(const struct fmap *m, uint64_t key)
{
    if (NULL == m->keys)
        return NONE;
    size_t i = (size_t)key & m->mask;
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return m->ids[i];
        i = (i + 1) & m->mask;
    }
    return NONE;
}

static int
fmap_has(const struct fmap *m, uint64_t key)
{
    return NONE != fmap_find(m, key);
}

int
ner_exclude_hits(const struct ner_exclude *ex, const struct ner_sent *s)
{
    struct stream st = {0};
    int hit = 0;
    for (size_t i = 0; i < s->n; i++)
        if (LQ_OK != stream_add_word(&st, s->words[i]))
            break;
    for (size_t cp = 0; !hit && cp + NER_EXCLUDE_WINDOW <= st.ncp; cp++)
        hit = fmap_has(&ex->set, window_hash(&st, cp));
    free(st.buf);
    free(st.cps);
    return hit;
}

/* ------------------------------------------------------------- trainer */

static uint64_t
rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ull;
    return ner_mix(*s);
}

/* Fisher-Yates: a new order of the @p n indices, from @p rng */
static void
shuffle(size_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

struct tsent {
    size_t tok0, n;
};

struct ner_trainer {
    int adapt;
    uint8_t *is_copy; /* id → 1 for domain copies (with adaptation) */
    size_t copycap;
    const struct ner_lexfeat *lf;
    const struct ner_clusters *cl;
    const struct txt_ctx *tx;
    struct lq_arena *arena;
    struct fmap map;
    /* tokens of all sentences, train and dev */
    uint8_t *gold;
    size_t *fofs; /* ntok + 1 */
    size_t ntok, tokcap;
    uint32_t *feats; /* feature ids */
    size_t nfeats, featcap;
    struct tsent *train, *dev;
    size_t ntrain, ndev, traincap, devcap;
    size_t maxlen;
    /* result of the last run */
    uint32_t *remap; /* id → dense index or NONE */
    size_t nf;
    float *avg;
    struct ner_trans tavg;
    float o_bias;
    float prune;
    /* extra keys for the next sentence added (ner_trainer_set_extra) */
    const uint64_t *extra;
    const size_t *ekofs;
    /* lexicon dropout of training tokens (ner_trainer_set_dropout) */
    float lex_dropout;
    uint64_t drop_rng;
};

int
ner_trainer_new(const struct ner_lexfeat *lf, const struct ner_clusters *cl,
                const struct txt_ctx *tx, int adapt, struct ner_trainer **out)
{
    struct ner_trainer *tr = calloc(1, sizeof(*tr));
    *out = NULL;
    if (NULL == tr)
        return LQ_ERR_NOMEM;
    tr->adapt = adapt;
    tr->cl = cl;
    tr->lf = lf;
    tr->tx = tx;
    tr->arena = lq_arena_new(0);
    tr->fofs = malloc(sizeof(*tr->fofs));
    if (NULL == tr->arena || NULL == tr->fofs) {
        ner_trainer_free(tr);
        return LQ_ERR_NOMEM;
    }
    tr->fofs[0] = 0;
    *out = tr;
    return LQ_OK;
}

void
ner_trainer_free(struct ner_trainer *tr)
{
    if (NULL == tr)
        return;
    lq_arena_free(tr->arena);
    fmap_free(&tr->map);
    free(tr->gold);
    free(tr->fofs);
    free(tr->feats);
    free(tr->train);
    free(tr->dev);
    free(tr->remap);
    free(tr->avg);
    free(tr->is_copy);
    free(tr);
}

static int
grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return LQ_OK;
    size_t nc = *cap ? *cap : 1024;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (NULL == np)
        return LQ_ERR_NOMEM;
    *p = np;
    *cap = nc;
    return LQ_OK;
}

/* BIOES labels of a sentence's gold spans. */
void
ner_sent_labels(const struct ner_sent *s, uint8_t *lab)
{
    memset(lab, 0, s->n);
    struct ner_span sp[256];
    size_t ns = ner_sent_spans(s, sp, 256);
    if (ns > 256)
        ns = 256;
    for (size_t k = 0; k < ns; k++) {
        uint32_t b = sp[k].tok_begin, e = sp[k].tok_end;
        if (e - b == 1) {
            lab[b] = (uint8_t)ner_label(sp[k].type, NER_POS_S);
            continue;
        }
        lab[b] = (uint8_t)ner_label(sp[k].type, NER_POS_B);
        for (uint32_t i = b + 1; i + 1 < e; i++)
            lab[i] = (uint8_t)ner_label(sp[k].type, NER_POS_I);
        lab[e - 1] = (uint8_t)ner_label(sp[k].type, NER_POS_E);
    }
}

/* Key of the copy of feature @p key private to @p domain. */
static uint64_t
domain_key(uint64_t key, unsigned domain)
{
    uint64_t k = ner_hash2(key, 0xd0d0d0d0ull + domain);
    return k ? k : 1;
}

/* Id of a key, counting it for the training set; marks domain copies. */
static int
add_feature(struct ner_trainer *tr, uint64_t key, int dev, int copy)
{
    uint32_t id = fmap_id(&tr->map, key);
    if (NONE == id)
        return LQ_ERR_NOMEM;
    if (LQ_OK != grow((void **)&tr->is_copy, &tr->copycap, tr->map.used, 1))
        return LQ_ERR_NOMEM;
    if (id + 1 == tr->map.used)
        tr->is_copy[id] = (uint8_t)copy;
    if (!dev)
        tr->map.id_count[id]++;
    tr->feats[tr->nfeats++] = id;
    return LQ_OK;
}

int
ner_trainer_add(struct ner_trainer *tr, const struct ner_sent *sents, size_t n, int dev,
                unsigned domain)
{
    struct ner_tokinfo *info = NULL;
    size_t infocap = 0;
    uint64_t keys[NER_MAX_FEATS];
    int rc = LQ_OK;
    for (size_t s = 0; s < n && LQ_OK == rc; s++) {
        const struct ner_sent *se = &sents[s];
        if (0 == se->n)
            continue;
        lq_arena_reset(tr->arena);
        struct txt_doc doc;
        if (LQ_OK != (rc = ner_sent_analyze(tr->tx, tr->arena, se, &doc)))
            break;
        if (se->n > infocap) {
            free(info);
            infocap = se->n * 2;
            info = malloc(infocap * sizeof(*info));
            if (NULL == info) {
                rc = LQ_ERR_NOMEM;
                break;
            }
        }
        ner_tokinfo_fill(tr->lf, tr->cl, doc.tokens, se->n, info);
        for (size_t i = 0; !dev && tr->lex_dropout > 0 && i < se->n; i++) {
            double u = (double)(rng_next(&tr->drop_rng) >> 11) / 9007199254740992.0;
            if (u < (double)tr->lex_dropout)
                info[i].lex = info[i].mwb = info[i].mwi = info[i].mwe = info[i].alt_lex = 0;
        }
        if (LQ_OK != (rc = grow((void **)&tr->gold, &tr->tokcap, tr->ntok + se->n, 1)))
            break;
        size_t *nf = realloc(tr->fofs, (tr->ntok + se->n + 1) * sizeof(*nf));
        if (NULL == nf) {
            rc = LQ_ERR_NOMEM;
            break;
        }
        tr->fofs = nf;
        ner_sent_labels(se, tr->gold + tr->ntok);
        for (size_t i = 0; i < se->n && LQ_OK == rc; i++) {
            size_t k = ner_token_features(info, se->n, i, keys);
            rc = grow((void **)&tr->feats, &tr->featcap, tr->nfeats + 2 * k, sizeof(uint32_t));
            for (size_t j = 0; j < k && LQ_OK == rc; j++) {
                rc = add_feature(tr, keys[j], dev, 0);
                if (LQ_OK == rc && tr->adapt)
                    rc = add_feature(tr, domain_key(keys[j], domain), dev, 1);
            }
            if (tr->extra && 0 == s) {
                const uint64_t *ek = tr->extra + (tr->ekofs[i] - tr->ekofs[0]);
                size_t ne = tr->ekofs[i + 1] - tr->ekofs[i];
                if (LQ_OK == rc)
                    rc = grow((void **)&tr->feats, &tr->featcap, tr->nfeats + 2 * ne,
                              sizeof(uint32_t));
                for (size_t j = 0; j < ne && LQ_OK == rc; j++) {
                    rc = add_feature(tr, ek[j], dev, 0);
                    if (LQ_OK == rc && tr->adapt)
                        rc = add_feature(tr, domain_key(ek[j], domain), dev, 1);
                }
            }
            tr->fofs[tr->ntok + i + 1] = tr->nfeats;
        }
        if (LQ_OK != rc)
            break;
        struct tsent ts = {tr->ntok, se->n};
        tr->ntok += se->n;
        if (se->n > tr->maxlen)
            tr->maxlen = se->n;
        if (dev) {
            rc = grow((void **)&tr->dev, &tr->devcap, tr->ndev + 1, sizeof(ts));
            if (LQ_OK == rc)
                tr->dev[tr->ndev++] = ts;
        } else {
            rc = grow((void **)&tr->train, &tr->traincap, tr->ntrain + 1, sizeof(ts));
            if (LQ_OK == rc)
                tr->train[tr->ntrain++] = ts;
        }
    }
    free(info);
    lq_arena_reset(tr->arena);
    return rc;
}

void
ner_trainer_set_dropout(struct ner_trainer *tr, float p, uint64_t seed)
{
    tr->lex_dropout = p;
    tr->drop_rng = seed ^ 0x6c657864726f70ull;
}

void
ner_trainer_set_extra(struct ner_trainer *tr, const uint64_t *keys, const size_t *kofs)
{
    tr->extra = keys;
    tr->ekofs = kofs;
}

void
ner_trainer_sizes(const struct ner_trainer *tr, size_t *sents, size_t *tokens, size_t *dev_sents)
{
    size_t nt = 0;
    for (size_t i = 0; i < tr->ntrain; i++)
        nt += tr->train[i].n;
    *sents = tr->ntrain;
    *tokens = nt;
    *dev_sents = tr->ndev;
}

static void
emit_scores(const struct ner_trainer *tr, const float *w, const struct tsent *s, float *emit)
{
    for (size_t i = 0; i < s->n; i++) {
        float *e = emit + i * L;
        for (int l = 0; l < L; l++)
            e[l] = 0;
        size_t t = s->tok0 + i;
        for (size_t k = tr->fofs[t]; k < tr->fofs[t + 1]; k++) {
            uint32_t d = tr->remap[tr->feats[k]];
            if (NONE == d)
                continue;
            const float *row = w + (size_t)d * L;
            for (int l = 0; l < L; l++)
                e[l] += row[l];
        }
    }
}

/* Dev micro F1 of weights @p w and transitions @p tw. */
static double
dev_f1(const struct ner_trainer *tr, const float *w, const struct ner_trans *tw, float obias,
       float *emit, float *delta, uint8_t *bp, uint8_t *pred, struct ner_span *gs,
       struct ner_span *ps)
{
    struct ner_score sc;
    memset(&sc, 0, sizeof(sc));
    for (size_t d = 0; d < tr->ndev; d++) {
        const struct tsent *s = &tr->dev[d];
        emit_scores(tr, w, s, emit);
        for (size_t i = 0; i < s->n; i++)
            emit[i * L] -= obias;
        ner_viterbi(tw, emit, s->n, delta, bp, pred);
        size_t np = ner_labels_to_spans(pred, s->n, ps, s->n);
        size_t ng = ner_labels_to_spans(tr->gold + s->tok0, s->n, gs, s->n);
        ner_score_add(&sc, gs, ng, ps, np);
    }
    return ner_score_f1(&sc, 0);
}

/* Transition weight number @p i: start labels, then [from][to], then end labels. */
static float *
trans_at(struct ner_trans *t, size_t i)
{
    if (i < L)
        return &t->start[i];
    i -= L;
    if (i < L * L)
        return &t->trans[i / L][i % L];
    return &t->end[i - L * L];
}

static void
update_trans(struct ner_trans *tw, double *twa, size_t gi, size_t pi, double c, float step)
{
    *trans_at(tw, gi) += step;
    twa[gi] += c * step;
    *trans_at(tw, pi) -= step;
    twa[pi] -= c * step;
}

/* Score of label sequence @p y under emissions @p emit and transitions @p tw. */
static double
path_score(const struct ner_trans *tw, const float *emit, const uint8_t *y, size_t n)
{
    double sc = (double)tw->start[y[0]] + (double)tw->end[y[n - 1]];
    for (size_t i = 0; i < n; i++)
        sc += emit[i * L + y[i]];
    for (size_t i = 1; i < n; i++)
        sc += tw->trans[y[i - 1]][y[i]];
    return sc;
}

/* PA-I step (Crammer et al. 2006): the hinge loss of the predicted path
 * over the gold one (their score difference under the loss-augmented
 * emissions, which already count the margin of every wrong label; without a
 * margin, @p loss per wrong label is added), over the
 * squared norm of the feature difference, capped at @p cap. The norm counts
 * each wrong token's features twice (gold and predicted label) and its
 * transitions (at most two on each side). */
static float
pa_step(const struct ner_trainer *tr, const struct ner_trans *tw, const struct tsent *s,
        const float *emit, const uint8_t *g, const uint8_t *pred, float cap, float loss)
{
    double diff = path_score(tw, emit, pred, s->n) - path_score(tw, emit, g, s->n);
    double nrm = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (pred[i] != g[i]) {
            nrm += 2.0 * (double)(tr->fofs[s->tok0 + i + 1] - tr->fofs[s->tok0 + i]) + 4;
            diff += loss;
        }
    }
    if (nrm <= 0)
        return cap;
    double tau = (diff > 1e-3 ? diff : 1e-3) / nrm;
    return (float)(tau < cap ? tau : cap);
}

static void
update_emit(const struct ner_trainer *tr, float *w, double *wa, size_t tok, int lab, float delta,
            double c)
{
    for (size_t k = tr->fofs[tok]; k < tr->fofs[tok + 1]; k++) {
        uint32_t d = tr->remap[tr->feats[k]];
        if (NONE == d)
            continue;
        w[(size_t)d * L + lab] += delta;
        wa[(size_t)d * L + lab] += c * delta;
    }
}

int
ner_trainer_run(struct ner_trainer *tr, const struct ner_train_opts *o, void *logp, double *devf)
{
    FILE *log = logp;
    int rc = LQ_ERR_NOMEM;
    size_t nids = tr->map.used;
    float *w = NULL;
    double *wa = NULL;
    size_t *order = NULL;
    float *emit = NULL, *delta = NULL;
    uint8_t *bp = NULL, *pred = NULL;
    struct ner_span *gs = NULL, *ps = NULL;
    struct ner_trans tw, *tavg = &tr->tavg;
    double twa[L * L + 2 * L];
    memset(&tw, 0, sizeof(tw));
    memset(twa, 0, sizeof(twa));

    free(tr->remap);
    free(tr->avg);
    tr->avg = NULL;
    tr->remap = malloc((nids ? nids : 1) * sizeof(*tr->remap));
    if (NULL == tr->remap)
        goto out;
    tr->nf = 0;
    for (size_t i = 0; i < nids; i++)
        tr->remap[i] = tr->map.id_count[i] >= (o->min_count ? o->min_count : 1)
                           ? (uint32_t)tr->nf++
                           : NONE;
    size_t ml = tr->maxlen ? tr->maxlen : 1;
    w = calloc(tr->nf * L + 1, sizeof(*w));
    wa = calloc(tr->nf * L + 1, sizeof(*wa));
    tr->avg = calloc(tr->nf * L + 1, sizeof(*tr->avg));
    order = malloc((tr->ntrain + 1) * sizeof(*order));
    emit = malloc(ml * L * sizeof(*emit));
    delta = malloc(ml * L * sizeof(*delta));
    bp = malloc(ml * L);
    pred = malloc(ml);
    gs = malloc(ml * sizeof(*gs));
    ps = malloc(ml * sizeof(*ps));
    if (!w || !wa || !tr->avg || !order || !emit || !delta || !bp || !pred || !gs || !ps)
        goto out;
    if (log)
        fprintf(log, "features: %zu seen, %zu kept (min count %u); %zu train sentences, %zu dev\n",
                nids, tr->nf, o->min_count, tr->ntrain, tr->ndev);
    for (size_t i = 0; i < tr->ntrain; i++)
        order[i] = i;
    uint64_t rng = o->seed;
    double c = 1;
    for (unsigned ep = 0; ep < o->epochs; ep++) {
        shuffle(order, tr->ntrain, &rng);
        size_t errors = 0;
        for (size_t oi = 0; oi < tr->ntrain; oi++, c += 1) {
            const struct tsent *s = &tr->train[order[oi]];
            const uint8_t *g = tr->gold + s->tok0;
            emit_scores(tr, w, s, emit);
            if (o->margin > 0) {
                for (size_t i = 0; i < s->n; i++)
                    for (int l = 0; l < L; l++)
                        emit[i * L + l] += l == g[i] ? 0 : o->margin;
            }
            ner_viterbi(&tw, emit, s->n, delta, bp, pred);
            if (0 == memcmp(pred, g, s->n))
                continue;
            errors++;
            float step = o->pa_c > 0 ? pa_step(tr, &tw, s, emit, g, pred, o->pa_c,
                                                  o->margin > 0 ? 0.0f : 1.0f)
                                        : 1;
            for (size_t i = 0; i < s->n; i++) {
                if (pred[i] == g[i])
                    continue;
                update_emit(tr, w, wa, s->tok0 + i, g[i], step, c);
                update_emit(tr, w, wa, s->tok0 + i, pred[i], -step, c);
            }
            /* transitions: start, pairs, end; equal parts cancel */
            size_t off_start = 0, off_trans = L, off_end = L + L * L;
            if (g[0] != pred[0])
                update_trans(&tw, twa, off_start + g[0], off_start + pred[0], c, step);
            for (size_t i = 1; i < s->n; i++) {
                if (g[i - 1] == pred[i - 1] && g[i] == pred[i])
                    continue;
                update_trans(&tw, twa, off_trans + (size_t)g[i - 1] * L + g[i],
                             off_trans + (size_t)pred[i - 1] * L + pred[i], c, step);
            }
            if (g[s->n - 1] != pred[s->n - 1])
                update_trans(&tw, twa, off_end + g[s->n - 1], off_end + pred[s->n - 1], c, step);
        }
        /* averaged weights: w - wa / c */
        for (size_t i = 0; i < tr->nf * L; i++)
            tr->avg[i] = o->average ? (float)(w[i] - wa[i] / c) : w[i];
        for (size_t i = 0; i < L * L + 2 * L; i++) {
            float v = *trans_at(&tw, i);
            *trans_at(tavg, i) = o->average ? (float)(v - twa[i] / c) : v;
        }
        double f = tr->ndev ? dev_f1(tr, tr->avg, tavg, o->o_bias, emit, delta, bp, pred, gs, ps)
                            : 0;
        if (devf)
            devf[ep] = f;
        if (log) {
            fprintf(log, "epoch %2u: %zu of %zu sentences wrong", ep + 1, errors, tr->ntrain);
            if (tr->ndev)
                fprintf(log, "; dev micro F1 %.2f", f);
            fprintf(log, "\n");
            fflush(log);
        }
    }
    if (log && tr->ndev) {
        /* how the dev score moves with the O bias */
        fprintf(log, "dev micro F1 by O bias:");
        for (int b = 0; b <= 12; b++) {
            float ob = 2.0f * (float)b;
            fprintf(log, " %.2f:%.2f", (double)ob,
                    dev_f1(tr, tr->avg, tavg, ob, emit, delta, bp, pred, gs, ps));
        }
        fprintf(log, "\n");
    }
    tr->o_bias = o->o_bias;
    tr->prune = o->prune;
    rc = LQ_OK;
out:
    free(w);
    free(wa);
    free(order);
    free(emit);
    free(delta);
    free(bp);
    free(pred);
    free(gs);
    free(ps);
    return rc;
}

int
ner_trainer_model(const struct ner_trainer *tr, const char *meta, const struct lq_lexicons *lex,
                  struct ner_model **out)
{
    *out = NULL;
    if (NULL == tr->avg)
        return LQ_ERR_INVALID;
    uint64_t *keys = malloc((tr->nf + 1) * sizeof(*keys));
    float *rows = malloc((tr->nf + 1) * L * sizeof(*rows));
    if (NULL == keys || NULL == rows) {
        free(keys);
        free(rows);
        return LQ_ERR_NOMEM;
    }
    /* shared features, plus the target domain's copy when adapting */
    size_t nk = 0;
    for (size_t i = 0; i < tr->map.used; i++) {
        if (NONE == tr->remap[i] || tr->is_copy[i])
            continue;
        uint64_t key = tr->map.id_key[i];
        keys[nk] = key;
        memcpy(rows + nk * L, tr->avg + (size_t)tr->remap[i] * L, L * sizeof(*rows));
        if (tr->adapt) {
            uint32_t c = fmap_find(&tr->map, domain_key(key, 0));
            if (NONE != c && NONE != tr->remap[c])
                for (int l = 0; l < L; l++)
                    rows[nk * L + l] += tr->avg[(size_t)tr->remap[c] * L + l];
        }
        float mx = 0;
        for (int l = 0; l < L; l++)
            mx = fabsf(rows[nk * L + l]) > mx ? fabsf(rows[nk * L + l]) : mx;
        if (mx < tr->prune && key != ner_feat(0, 0))
            continue;
        nk++;
    }
    /* the O bias goes into the bias feature, which every token has */
    uint64_t bias = ner_feat(0, 0);
    for (size_t i = 0; i < nk && tr->o_bias != 0; i++)
        if (keys[i] == bias)
            rows[i * L] -= tr->o_bias;
    int rc = ner_model_build(keys, rows, nk, &tr->tavg, tr->cl, meta, lex, out);
    free(keys);
    free(rows);
    /* the gazetteer classes the features were computed with go with the model */
    if (LQ_OK == rc && tr->lf && LQ_OK != (rc = ner_model_set_gaz(*out, tr->lf))) {
        ner_model_free(*out);
        *out = NULL;
    }
    return rc;
}

/* ------------------------------------------------- second-stage trainer */

#define STACK_MAX_TRANS 64

struct ssent {
    size_t tok0, n;
    unsigned tr;
};

struct ner_stack_trainer {
    struct fmap map;
    float *emit;
    uint8_t *gold;
    size_t *fofs; /* ntok + 1 */
    size_t ntok, emitcap, goldcap, fofscap;
    uint32_t *feats;
    size_t nfeats, featcap;
    struct ssent *sents;
    size_t nsents, scap, maxlen;
    struct ner_trans trs[STACK_MAX_TRANS];
    unsigned ntrs;
};

int
ner_stack_trainer_new(struct ner_stack_trainer **out)
{
    struct ner_stack_trainer *st = calloc(1, sizeof(*st));
    *out = NULL;
    if (NULL == st)
        return LQ_ERR_NOMEM;
    st->fofs = malloc(sizeof(*st->fofs));
    if (NULL == st->fofs) {
        free(st);
        return LQ_ERR_NOMEM;
    }
    st->fofs[0] = 0;
    st->fofscap = 1;
    *out = st;
    return LQ_OK;
}

void
ner_stack_trainer_free(struct ner_stack_trainer *st)
{
    if (NULL == st)
        return;
    fmap_free(&st->map);
    free(st->emit);
    free(st->gold);
    free(st->fofs);
    free(st->feats);
    free(st->sents);
    free(st);
}

int
ner_stack_trainer_add(struct ner_stack_trainer *st, const struct ner_trans *tr, const float *emit,
                      const uint64_t *keys, const size_t *kofs, const uint8_t *gold, size_t n)
{
    if (0 == n)
        return LQ_OK;
    unsigned ti = 0;
    while (ti < st->ntrs && 0 != memcmp(&st->trs[ti], tr, sizeof(*tr)))
        ti++;
    if (ti == st->ntrs) {
        if (st->ntrs == STACK_MAX_TRANS)
            return LQ_ERR_INVALID;
        st->trs[st->ntrs++] = *tr;
    }
    size_t nk = kofs[n] - kofs[0];
    if (LQ_OK != grow((void **)&st->emit, &st->emitcap, (st->ntok + n) * L, sizeof(float)) ||
        LQ_OK != grow((void **)&st->gold, &st->goldcap, st->ntok + n, 1) ||
        LQ_OK != grow((void **)&st->fofs, &st->fofscap, st->ntok + n + 1, sizeof(size_t)) ||
        LQ_OK != grow((void **)&st->feats, &st->featcap, st->nfeats + nk, sizeof(uint32_t)) ||
        LQ_OK != grow((void **)&st->sents, &st->scap, st->nsents + 1, sizeof(struct ssent)))
        return LQ_ERR_NOMEM;
    memcpy(st->emit + st->ntok * L, emit, n * L * sizeof(float));
    memcpy(st->gold + st->ntok, gold, n);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = kofs[i]; k < kofs[i + 1]; k++) {
            uint32_t id = fmap_id(&st->map, keys[k - kofs[0]]);
            if (NONE == id)
                return LQ_ERR_NOMEM;
            st->feats[st->nfeats++] = id;
        }
        st->fofs[st->ntok + i + 1] = st->nfeats;
    }
    st->sents[st->nsents++] = (struct ssent){st->ntok, n, ti};
    st->ntok += n;
    if (n > st->maxlen)
        st->maxlen = n;
    return LQ_OK;
}

int
ner_stack_trainer_run(struct ner_stack_trainer *st, unsigned epochs, float margin, uint64_t seed,
                      void *logp, uint64_t **okeys, float **orows, size_t *on)
{
    FILE *log = logp;
    size_t nf = st->map.used, ml = st->maxlen ? st->maxlen : 1;
    float *w = calloc(nf * L + 1, sizeof(*w));
    double *wa = calloc(nf * L + 1, sizeof(*wa));
    size_t *order = malloc((st->nsents + 1) * sizeof(*order));
    float *emit = malloc(ml * L * sizeof(*emit)), *delta = malloc(ml * L * sizeof(*delta));
    uint8_t *bp = malloc(ml * L), *pred = malloc(ml);
    uint64_t *keys = malloc((nf + 1) * sizeof(*keys));
    float *rows = malloc((nf * L + 1) * sizeof(*rows));
    int rc = LQ_ERR_NOMEM;
    *okeys = NULL;
    *orows = NULL;
    *on = 0;
    if (!w || !wa || !order || !emit || !delta || !bp || !pred || !keys || !rows)
        goto out;
    for (size_t i = 0; i < st->nsents; i++)
        order[i] = i;
    uint64_t rng = seed;
    double c = 1;
    /* the first stage's path score counts with a learnt weight alpha (so
     * the document weights stay on its scale); the model stores the
     * document weights divided by the averaged alpha */
    double alpha = 1, alpha_a = 0;
    struct ner_trans tws;
    for (unsigned ep = 0; ep < epochs; ep++) {
        shuffle(order, st->nsents, &rng);
        size_t errors = 0;
        for (size_t oi = 0; oi < st->nsents; oi++, c += 1) {
            const struct ssent *s = &st->sents[order[oi]];
            const uint8_t *g = st->gold + s->tok0;
            const struct ner_trans *t1 = &st->trs[s->tr];
            for (int l = 0; l < L; l++) {
                tws.start[l] = (float)alpha * t1->start[l];
                tws.end[l] = (float)alpha * t1->end[l];
                for (int l2 = 0; l2 < L; l2++)
                    tws.trans[l][l2] = (float)alpha * t1->trans[l][l2];
            }
            for (size_t i = 0; i < s->n; i++) {
                size_t t = s->tok0 + i;
                float *e = emit + i * L;
                for (int l = 0; l < L; l++)
                    e[l] = (float)alpha * st->emit[t * L + l];
                for (size_t k = st->fofs[t]; k < st->fofs[t + 1]; k++) {
                    const float *row = w + (size_t)st->feats[k] * L;
                    for (int l = 0; l < L; l++)
                        e[l] += row[l];
                }
                if (margin > 0)
                    for (int l = 0; l < L; l++)
                        e[l] += l == g[i] ? 0 : margin;
            }
            ner_viterbi(&tws, emit, s->n, delta, bp, pred);
            if (0 == memcmp(pred, g, s->n))
                continue;
            errors++;
            double d1 = path_score(t1, st->emit + s->tok0 * L, g, s->n) -
                        path_score(t1, st->emit + s->tok0 * L, pred, s->n);
            alpha += d1;
            alpha_a += c * d1;
            for (size_t i = 0; i < s->n; i++) {
                if (pred[i] == g[i])
                    continue;
                size_t t = s->tok0 + i;
                for (size_t k = st->fofs[t]; k < st->fofs[t + 1]; k++) {
                    size_t r = (size_t)st->feats[k] * L;
                    w[r + g[i]] += 1;
                    wa[r + g[i]] += c;
                    w[r + pred[i]] -= 1;
                    wa[r + pred[i]] -= c;
                }
            }
        }
        if (log)
            fprintf(log, "stage 2 epoch %2u: %zu of %zu sentences wrong; alpha %.3f\n", ep + 1,
                    errors, st->nsents, alpha);
    }
    double aavg = alpha - alpha_a / c;
    if (!(aavg > 1e-3)) {
        rc = LQ_ERR_INVALID;
        goto out;
    }
    for (size_t i = 0; i < nf; i++) {
        keys[i] = st->map.id_key[i];
        for (int l = 0; l < L; l++)
            rows[i * L + l] = (float)((w[i * L + l] - wa[i * L + l] / c) / aavg);
    }
    if (log)
        fprintf(log, "stage 2: averaged alpha %.3f\n", aavg);
    *okeys = keys;
    *orows = rows;
    *on = nf;
    keys = NULL;
    rows = NULL;
    rc = LQ_OK;
out:
    free(w);
    free(wa);
    free(order);
    free(emit);
    free(delta);
    free(bp);
    free(pred);
    free(keys);
    free(rows);
    return rc;
}

/* end of ner_train.c */
