/* Feature extraction: per-token hashes, lexicon classes, feature templates. */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

/* Most words of a multiword lexicon entry that the matcher follows. */
#define LEX_MAX_WORDS 8

/* ------------------------------------------------------- compiled lexicons */

struct lf_slot {
    uint64_t key;  /* sequence hash; 0 = empty */
    uint16_t ends; /* bit c: an entry of class c ends here */
    uint16_t prefix; /* a longer entry continues: 1 of a lexicon, 2 of a gazetteer */
};

struct ner_lexfeat {
    struct lf_slot *slots;
    size_t mask, used;
};

static int
lf_grow(struct ner_lexfeat *lf)
{
    size_t ncap = lf->slots ? 2 * (lf->mask + 1) : 1024;
    struct lf_slot *ns = calloc(ncap, sizeof(*ns));
    if (NULL == ns)
        return LQ_ERR_NOMEM;
    if (lf->slots) {
        for (size_t i = 0; i <= lf->mask; i++) {
            if (0 == lf->slots[i].key)
                continue;
            size_t j = (size_t)lf->slots[i].key & (ncap - 1);
            while (ns[j].key)
                j = (j + 1) & (ncap - 1);
            ns[j] = lf->slots[i];
        }
        free(lf->slots);
    }
    lf->slots = ns;
    lf->mask = ncap - 1;
    return LQ_OK;
}

static struct lf_slot *
lf_insert(struct ner_lexfeat *lf, uint64_t key)
{
    if (0 == key)
        key = 1;
    if (NULL == lf->slots || 2 * (lf->used + 1) > lf->mask + 1) {
        if (LQ_OK != lf_grow(lf))
            return NULL;
    }
    size_t i = (size_t)key & lf->mask;
    while (lf->slots[i].key && lf->slots[i].key != key)
        i = (i + 1) & lf->mask;
    if (0 == lf->slots[i].key) {
        lf->slots[i].key = key;
        lf->used++;
    }
    return &lf->slots[i];
}

static const struct lf_slot *
lf_find(const struct ner_lexfeat *lf, uint64_t key)
{
    if (0 == key)
        key = 1;
    size_t i = (size_t)key & lf->mask;
    for (;;) {
        const struct lf_slot *s = &lf->slots[i];
        if (s->key == key)
            return s;
        if (0 == s->key)
            return NULL;
        i = (i + 1) & lf->mask;
    }
}

int
ner_lexfeat_add(struct ner_lexfeat *lf, const char *key, enum ner_lexclass cls)
{
    uint64_t h = 0;
    unsigned nw = 0;
    const char *p = key;
    while (*p) {
        while (' ' == *p)
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && ' ' != *q)
            q++;
        if (nw > 0) {
            /* the sequence so far is a proper prefix of this entry */
            struct lf_slot *s = lf_insert(lf, h);
            if (NULL == s)
                return LQ_ERR_NOMEM;
            s->prefix |= cls >= NER_LX_CONF ? 2u : 1u;
        }
        uint64_t hw = ner_hash_bytes(p, (size_t)(q - p));
        h = 0 == nw ? hw : ner_hash2(h, hw);
        nw++;
        p = q;
        if (nw >= LEX_MAX_WORDS)
            break;
    }
    if (0 == nw || *p)
        return LQ_OK; /* empty, or longer than the matcher follows */
    struct lf_slot *s = lf_insert(lf, h);
    if (NULL == s)
        return LQ_ERR_NOMEM;
    s->ends |= (uint16_t)(1u << cls);
    return LQ_OK;
}

struct lf_add_ctx {
    struct ner_lexfeat *lf;
    enum ner_lexclass cls;
    int status;
};

static void
lf_add_cb(const char *key, const char *value, void *arg)
{
    (void)value;
    struct lf_add_ctx *c = arg;
    if (LQ_OK == c->status)
        c->status = ner_lexfeat_add(c->lf, key, c->cls);
}

int
ner_lexfeat_new(const struct lq_lexicons *lex, struct ner_lexfeat **out)
{
    *out = NULL;
    struct ner_lexfeat *lf = calloc(1, sizeof(*lf));
    if (NULL == lf)
        return LQ_ERR_NOMEM;
    if (LQ_OK != lf_grow(lf))
        goto fail;
    if (lex) {
        const struct lex *src[NER_LX_CONF] = {
            [NER_LX_FIRST] = lex->first_names,     [NER_LX_TITLE] = lex->titles,
            [NER_LX_HONOR] = lex->honorifics,      [NER_LX_ORGHEAD] = lex->org_heads,
            [NER_LX_NAT] = lex->nationalities,     [NER_LX_PLACE] = lex->places,
            [NER_LX_ORG] = lex->organizations,     [NER_LX_NONNAME] = lex->nonname,
        };
        for (int c = 0; c < NER_LX_CONF; c++) {
            if (NULL == src[c])
                continue;
            struct lf_add_ctx ctx = {lf, (enum ner_lexclass)c, LQ_OK};
            lex_foreach(src[c], lf_add_cb, &ctx);
            if (LQ_OK != ctx.status)
                goto fail;
        }
    }
    *out = lf;
    return LQ_OK;
fail:
    ner_lexfeat_free(lf);
    return LQ_ERR_NOMEM;
}

void
ner_lexfeat_free(struct ner_lexfeat *lf)
{
    if (NULL == lf)
        return;
    free(lf->slots);
    free(lf);
}

size_t
ner_lexfeat_size(const struct ner_lexfeat *lf)
{
    return lf ? lf->used : 0;
}

uint64_t
ner_lexfeat_fingerprint(const struct ner_lexfeat *lf)
{
    uint64_t fp = 0;
    if (NULL == lf)
        return 0;
    /* of the lexicons alone: a model's gazetteer does not change it */
    for (size_t i = 0; i <= lf->mask; i++) {
        const struct lf_slot *s = &lf->slots[i];
        uint64_t ends = s->ends & (uint16_t)~NER_LX_GAZ_MASK, prefix = s->prefix & 1u;
        if (s->key && (ends || prefix))
            fp += ner_mix(s->key ^ (ends << 32 | prefix));
    }
    return fp;
}

static int
cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

size_t
ner_lexfeat_gaz_export(const struct ner_lexfeat *lf, uint64_t **keys, uint16_t **flags)
{
    *keys = NULL;
    *flags = NULL;
    size_t n = 0;
    for (size_t i = 0; lf && i <= lf->mask; i++)
        n += lf->slots[i].key && ((lf->slots[i].ends & NER_LX_GAZ_MASK) || (lf->slots[i].prefix & 2u));
    if (0 == n)
        return 0;
    uint64_t *k = malloc(n * sizeof(*k));
    uint16_t *f = malloc(n * sizeof(*f));
    if (NULL == k || NULL == f) {
        free(k);
        free(f);
        return (size_t)-1;
    }
    size_t j = 0;
    for (size_t i = 0; i <= lf->mask; i++) {
        const struct lf_slot *s = &lf->slots[i];
        if (s->key && ((s->ends & NER_LX_GAZ_MASK) || (s->prefix & 2u)))
            k[j++] = s->key;
    }
    qsort(k, n, sizeof(*k), cmp_u64);
    for (size_t i = 0; i < n; i++) {
        const struct lf_slot *s = lf_find(lf, k[i]);
        f[i] = (uint16_t)((s->ends & NER_LX_GAZ_MASK) | (s->prefix & 2u ? NER_GAZ_PREFIX : 0));
    }
    *keys = k;
    *flags = f;
    return n;
}

int
ner_lexfeat_gaz_import(struct ner_lexfeat *lf, const uint64_t *keys, const uint16_t *flags,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct lf_slot *s = lf_insert(lf, keys[i]);
        if (NULL == s)
            return LQ_ERR_NOMEM;
        s->ends |= flags[i] & NER_LX_GAZ_MASK;
        if (flags[i] & NER_GAZ_PREFIX)
            s->prefix |= 2u;
    }
    return LQ_OK;
}

/* ------------------------------------------------------------- token info */

static size_t
cp_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += (0x80 != ((unsigned char)s[i] & 0xc0));
    return c;
}

static unsigned
len_bucket(size_t n)
{
    static const unsigned char b[] = {0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 7};
    return n < sizeof(b) ? b[n] : 8;
}

static uint32_t
token_shape(const struct txt_token *t, size_t stem_cps)
{
    uint32_t s = (uint32_t)t->kind & 7u;
    if (TXT_LATIN == t->kind) {
        const char *p = t->surface ? t->surface : "";
        int upper0 = p[0] >= 'A' && p[0] <= 'Z';
        int lower = 0, upper = 0;
        for (const char *q = p; *q; q++) {
            lower += *q >= 'a' && *q <= 'z';
            upper += *q >= 'A' && *q <= 'Z';
        }
        unsigned caps = 0 == lower && upper > 0 ? 3u : upper0 ? 2u : upper ? 1u : 0u;
        s |= caps << 3;
        s |= (len_bucket(stem_cps) > 3 ? 1u : 0u) << 5;
    } else if (TXT_WORD == t->kind) {
        s |= len_bucket(stem_cps) << 3;
        s |= (t->flags & TXT_F_AL ? 1u : 0u) << 7;
        s |= (t->clitics && t->clitics[0] ? 1u : 0u) << 8;
    } else if (TXT_NUMBER == t->kind) {
        s |= (len_bucket(stem_cps) > 3 ? 1u : 0u) << 3;
        s |= (4 == stem_cps ? 1u : 0u) << 4; /* looks like a year */
    }
    return s;
}

static uint64_t
str_hash(const char *s)
{
    return s && s[0] ? ner_hash_bytes(s, strlen(s)) : ner_hash_bytes("", 0);
}

static void
lex_classes(const struct ner_lexfeat *lf, struct ner_tokinfo *info, size_t n, size_t i)
{
    uint64_t starts[2] = {info[i].hbase, info[i].hstem};
    unsigned nstart = info[i].hbase == info[i].hstem ? 1u : 2u;
    for (unsigned k = 0; k < nstart; k++) {
        const struct lf_slot *s = lf_find(lf, starts[k]);
        if (NULL == s)
            continue;
        info[i].lex |= s->ends;
        uint64_t h = starts[k];
        for (size_t j = i + 1; s->prefix && j < n && j < i + LEX_MAX_WORDS; j++) {
            h = ner_hash2(h, info[j].hkey);
            s = lf_find(lf, h);
            if (NULL == s)
                break;
            if (s->ends) {
                info[i].mwb |= s->ends;
                for (size_t m = i + 1; m <= j; m++)
                    info[m].mwi |= s->ends;
                info[j].mwe |= s->ends;
            }
        }
    }
}

/* The text layer cuts a proclitic only when it is sure; names with an
 * unknown body keep theirs (وكوناري). The alternative stem is the key
 * without a leading و ف ب ل ك (and then without ال), when 3+ letters remain. */
static void
alt_stem(const struct txt_token *t, struct ner_tokinfo *ti, const struct ner_lexfeat *lf,
         const struct ner_clusters *cl)
{
    static const char *const pro[] = {"و", "ف", "ب", "ل", "ك"};
    ti->halt = 0;
    ti->alt_cls = 0;
    ti->alt_lex = 0;
    if (TXT_WORD != t->kind || (t->clitics && t->clitics[0]) || NULL == t->key)
        return;
    const char *k = t->key;
    int hit = 0;
    /* the letters are two bytes each: compared byte by byte (a shorter key
     * stops at its NUL), as strncmp() would */
    for (size_t i = 0; i < sizeof(pro) / sizeof(pro[0]) && !hit; i++)
        hit = k[0] == pro[i][0] && k[1] == pro[i][1];
    if (!hit)
        return;
    const char *r = k + 2;
    size_t rn = strlen(r);
    static const char al[] = "ال";
    if (r[0] == al[0] && r[1] == al[1] && r[2] == al[2] && r[3] == al[3] &&
        cp_len(r + 4, rn - 4) >= 2) {
        r += 4;
        rn -= 4;
    }
    if (cp_len(r, rn) < 3)
        return;
    ti->halt = ner_hash_bytes(r, rn);
    ti->alt_cls = ner_clusters_get(cl, ti->halt);
    if (lf) {
        const struct lf_slot *s = lf_find(lf, ti->halt);
        if (s)
            ti->alt_lex = s->ends;
    }
}

void
ner_tokinfo_fill(const struct ner_lexfeat *lf, const struct ner_clusters *cl,
                 const struct txt_token *toks, size_t n, struct ner_tokinfo *info)
{
    for (size_t i = 0; i < n; i++) {
        const struct txt_token *t = &toks[i];
        struct ner_tokinfo *ti = &info[i];
        const char *stem = t->stem && t->stem[0] ? t->stem : t->key ? t->key : "";
        size_t sn = strlen(stem);
        /* stem hash, recording prefixes of 1..3 code points and counting
         * code points on the way */
        uint64_t h = 0xcbf29ce484222325ull;
        unsigned cps = 0;
        size_t ncp = 0;
        ti->hpre[0] = ti->hpre[1] = ti->hpre[2] = ti->hpre[3] = 0;
        for (size_t b = 0; b < sn; b++) {
            if (0x80 != ((unsigned char)stem[b] & 0xc0)) {
                if (cps < 4 && b > 0)
                    ti->hpre[cps++] = h;
                ncp++;
            }
            h ^= (unsigned char)stem[b];
            h *= 0x100000001b3ull;
        }
        if (cps < 4 && sn > 0)
            ti->hpre[cps++] = h;
        ti->hstem = h;
        /* where the last 1..4 code points start (as last_cps()), in one pass */
        size_t off[4] = {0, 0, 0, 0};
        unsigned nsuf = 0;
        for (size_t b = sn; b > 0 && nsuf < 4;)
            if (0x80 != ((unsigned char)stem[--b] & 0xc0))
                off[nsuf++] = b;
        for (unsigned k = 0; k < 4; k++) {
            if (ncp > k + 1) {
                ti->hsuf[k] = ner_hash_bytes(stem + off[k], sn - off[k]);
            } else {
                ti->hsuf[k] = 0;
                ti->hpre[k] = 0;
            }
        }
        /* the text layer points key, base and stem at one string when they
         * are the same: the same string has the same hash */
        ti->hkey = t->key && t->key == stem ? ti->hstem : str_hash(t->key);
        ti->hbase = !(t->base && t->base[0]) ? ti->hkey
                    : t->base == stem        ? ti->hstem
                    : t->base == t->key      ? ti->hkey
                                             : str_hash(t->base);
        ti->hclit = str_hash(t->clitics);
        ti->cps = (uint32_t)ncp;
        ti->shape = token_shape(t, ncp);
        ti->lex = ti->mwb = ti->mwi = ti->mwe = 0;
        ti->cls = ner_clusters_get(cl, ti->hstem);
        ti->has_cls = NULL != cl;
        alt_stem(t, ti, lf, cl);
    }
    if (lf) {
        for (size_t i = 0; i < n; i++)
            lex_classes(lf, info, n, i);
    }
}

void
ner_token_match(const struct ner_lexfeat *lf, const struct txt_token *t, struct ner_match *out)
{
    struct ner_tokinfo ti;
    const char *stem = t->stem && t->stem[0] ? t->stem : t->key ? t->key : "";
    out->stem = ner_hash_bytes(stem, strlen(stem));
    out->key = str_hash(t->key);
    out->cps = (uint32_t)cp_len(stem, strlen(stem));
    alt_stem(t, &ti, NULL, NULL);
    out->alt = ti.halt;
    out->lex = 0;
    if (lf) {
        uint64_t hb = t->base && t->base[0] ? str_hash(t->base) : out->key;
        const struct lf_slot *s = lf_find(lf, out->stem);
        if (s)
            out->lex |= s->ends;
        s = lf_find(lf, hb);
        if (s)
            out->lex |= s->ends;
    }
}



/* ---------------------------------------------------------------- templates */

enum {
    T_BIAS = 0,
    T_KEY,
    T_BASE,
    T_STEM,
    T_CLIT,
    T_PRE1,
    T_SUF1 = T_PRE1 + 4,
    T_SHAPE = T_SUF1 + 4,
    T_STEM_M1,
    T_STEM_P1,
    T_STEM_M2,
    T_STEM_P2,
    T_BI_M1,
    T_BI_P1,
    T_SHAPE_M1,
    T_SHAPE_P1,
    T_POS,
    T_LEX,
    T_LEX_M1,
    T_LEX_P1,
    T_MWB,
    T_MWI,
    T_MWE,
    T_LEXMASK,
    T_SUF2_M1,
    T_CLIT_STEM,
    T_LEXMASK_M1_STEM,
    T_KEY_M1,
    T_KEY_P1,
    T_CL,
    T_CL_M1,
    T_CL_P1,
    T_CL_M2,
    T_CL_P2,
    T_CL_BI_M1,
    T_CL_BI_P1,
    T_ALT,
    T_ALT_LEX,
    T_ALT_CL,
};

/* The features of the token's own word forms (bias, key, base, stem,
 * proclitics, prefixes, suffixes, shape), shared by ner_token_features()
 * and the self role of ner_role_features(); @return how many it wrote. */
static size_t
word_features(const struct ner_tokinfo *t, uint64_t *out)
{
    size_t k = 0;
    out[k++] = ner_feat(T_BIAS, 0);
    if (t->hkey != t->hbase)
        out[k++] = ner_feat(T_KEY, t->hkey);
    if (t->hbase != t->hstem)
        out[k++] = ner_feat(T_BASE, t->hbase);
    out[k++] = ner_feat(T_STEM, t->hstem);
    out[k++] = ner_feat(T_CLIT, t->hclit);
    if (t->hkey != t->hbase)
        out[k++] = ner_feat(T_CLIT_STEM, ner_hash2(t->hclit, t->hstem));
    for (unsigned j = 0; j < 4; j++) {
        if (t->hpre[j])
            out[k++] = ner_feat(T_PRE1 + j, t->hpre[j]);
        if (t->hsuf[j])
            out[k++] = ner_feat(T_SUF1 + j, t->hsuf[j]);
    }
    out[k++] = ner_feat(T_SHAPE, t->shape);
    return k;
}

#define BOS_HASH 0x5f3759df0badf00dull
#define EOS_HASH 0x2545f4914f6cdd1dull

size_t
ner_token_features(const struct ner_tokinfo *info, size_t n, size_t i, uint64_t *out)
{
    size_t k = 0;
    const struct ner_tokinfo *t = &info[i];
    uint64_t sm1 = i >= 1 ? info[i - 1].hstem : BOS_HASH;
    uint64_t sm2 = i >= 2 ? info[i - 2].hstem : BOS_HASH;
    uint64_t sp1 = i + 1 < n ? info[i + 1].hstem : EOS_HASH;
    uint64_t sp2 = i + 2 < n ? info[i + 2].hstem : EOS_HASH;

    /* key, base and stem are often the same string: a form that equals the
     * next shorter one adds nothing, so it is left out */
    k += word_features(t, out + k);
    out[k++] = ner_feat(T_STEM_M1, sm1);
    out[k++] = ner_feat(T_STEM_P1, sp1);
    out[k++] = ner_feat(T_STEM_M2, sm2);
    out[k++] = ner_feat(T_STEM_P2, sp2);
    out[k++] = ner_feat(T_BI_M1, ner_hash2(sm1, t->hstem));
    out[k++] = ner_feat(T_BI_P1, ner_hash2(t->hstem, sp1));
    out[k++] = ner_feat(T_SHAPE_M1, i >= 1 ? info[i - 1].shape : 0xffffu);
    out[k++] = ner_feat(T_SHAPE_P1, i + 1 < n ? info[i + 1].shape : 0xfffeu);
    if (i >= 1 && info[i - 1].hsuf[1])
        out[k++] = ner_feat(T_SUF2_M1, info[i - 1].hsuf[1]);
    unsigned pos = (0 == i ? 1u : 0u) | (i + 1 == n ? 2u : 0u);
    if (pos)
        out[k++] = ner_feat(T_POS, pos);
    for (unsigned c = 0; c < NER_LX_N; c++) {
        uint16_t bit = (uint16_t)(1u << c);
        if (t->lex & bit)
            out[k++] = ner_feat(T_LEX, c);
        if (i >= 1 && (info[i - 1].lex & bit))
            out[k++] = ner_feat(T_LEX_M1, c);
        if (i + 1 < n && (info[i + 1].lex & bit))
            out[k++] = ner_feat(T_LEX_P1, c);
        if (t->mwb & bit)
            out[k++] = ner_feat(T_MWB, c);
        if (t->mwi & bit)
            out[k++] = ner_feat(T_MWI, c);
        if (t->mwe & bit)
            out[k++] = ner_feat(T_MWE, c);
    }
    if (t->lex)
        out[k++] = ner_feat(T_LEXMASK, t->lex);
    if (i >= 1 && info[i - 1].lex)
        out[k++] = ner_feat(T_LEXMASK_M1_STEM, ner_hash2(info[i - 1].lex, t->hstem));
    if (t->has_cls) {
        /* word classes; 0xffff stands for the sentence edges */
        uint32_t cm1 = i >= 1 ? info[i - 1].cls : 0xffffu, cp1 = i + 1 < n ? info[i + 1].cls : 0xffffu;
        uint32_t cm2 = i >= 2 ? info[i - 2].cls : 0xffffu, cp2 = i + 2 < n ? info[i + 2].cls : 0xffffu;
        out[k++] = ner_feat(T_CL, t->cls);
        out[k++] = ner_feat(T_CL_M1, cm1);
        out[k++] = ner_feat(T_CL_P1, cp1);
        out[k++] = ner_feat(T_CL_M2, cm2);
        out[k++] = ner_feat(T_CL_P2, cp2);
        out[k++] = ner_feat(T_CL_BI_M1, (uint64_t)cm1 << 16 | t->cls);
        out[k++] = ner_feat(T_CL_BI_P1, (uint64_t)t->cls << 16 | cp1);
    }
    out[k++] = ner_feat(T_KEY_M1, i >= 1 ? info[i - 1].hkey : BOS_HASH);
    out[k++] = ner_feat(T_KEY_P1, i + 1 < n ? info[i + 1].hkey : EOS_HASH);
    if (t->halt) {
        out[k++] = ner_feat(T_ALT, t->halt);
        if (t->alt_lex)
            out[k++] = ner_feat(T_ALT_LEX, t->alt_lex);
        if (t->has_cls)
            out[k++] = ner_feat(T_ALT_CL, t->alt_cls);
    }
    return k;
}

/* The same templates split by what they read, for the tagger's cache of
 * word types (ner_tag.c). Each must stay in step with ner_token_features();
 * tests/unit/ner/test_ner.c checks that the parts add up to its keys. */

size_t
ner_role_features(const struct ner_tokinfo *t, int has_cls, unsigned role, uint64_t *out)
{
    size_t k = 0;
    switch (role) {
    case NER_ROLE_SELF:
        k += word_features(t, out + k);
        for (unsigned c = 0; c < NER_LX_N; c++)
            if (t->lex & (1u << c))
                out[k++] = ner_feat(T_LEX, c);
        if (t->lex)
            out[k++] = ner_feat(T_LEXMASK, t->lex);
        if (has_cls)
            out[k++] = ner_feat(T_CL, t->cls);
        if (t->halt) {
            out[k++] = ner_feat(T_ALT, t->halt);
            if (t->alt_lex)
                out[k++] = ner_feat(T_ALT_LEX, t->alt_lex);
            if (has_cls)
                out[k++] = ner_feat(T_ALT_CL, t->alt_cls);
        }
        break;
    case NER_ROLE_M1:
        out[k++] = ner_feat(T_STEM_M1, t ? t->hstem : BOS_HASH);
        out[k++] = ner_feat(T_SHAPE_M1, t ? t->shape : 0xffffu);
        if (t && t->hsuf[1])
            out[k++] = ner_feat(T_SUF2_M1, t->hsuf[1]);
        for (unsigned c = 0; t && c < NER_LX_N; c++)
            if (t->lex & (1u << c))
                out[k++] = ner_feat(T_LEX_M1, c);
        if (has_cls)
            out[k++] = ner_feat(T_CL_M1, t ? t->cls : 0xffffu);
        out[k++] = ner_feat(T_KEY_M1, t ? t->hkey : BOS_HASH);
        break;
    case NER_ROLE_M2:
        out[k++] = ner_feat(T_STEM_M2, t ? t->hstem : BOS_HASH);
        if (has_cls)
            out[k++] = ner_feat(T_CL_M2, t ? t->cls : 0xffffu);
        break;
    case NER_ROLE_P1:
        out[k++] = ner_feat(T_STEM_P1, t ? t->hstem : EOS_HASH);
        out[k++] = ner_feat(T_SHAPE_P1, t ? t->shape : 0xfffeu);
        for (unsigned c = 0; t && c < NER_LX_N; c++)
            if (t->lex & (1u << c))
                out[k++] = ner_feat(T_LEX_P1, c);
        if (has_cls)
            out[k++] = ner_feat(T_CL_P1, t ? t->cls : 0xffffu);
        out[k++] = ner_feat(T_KEY_P1, t ? t->hkey : EOS_HASH);
        break;
    case NER_ROLE_P2:
        out[k++] = ner_feat(T_STEM_P2, t ? t->hstem : EOS_HASH);
        if (has_cls)
            out[k++] = ner_feat(T_CL_P2, t ? t->cls : 0xffffu);
        break;
    default:
        break;
    }
    return k;
}

size_t
ner_pair_features(const struct ner_tokinfo *info, size_t n, size_t i, uint64_t *out)
{
    size_t k = 0;
    const struct ner_tokinfo *t = &info[i];
    uint64_t sm1 = i >= 1 ? info[i - 1].hstem : BOS_HASH;
    uint64_t sp1 = i + 1 < n ? info[i + 1].hstem : EOS_HASH;
    out[k++] = ner_feat(T_BI_M1, ner_hash2(sm1, t->hstem));
    out[k++] = ner_feat(T_BI_P1, ner_hash2(t->hstem, sp1));
    unsigned pos = (0 == i ? 1u : 0u) | (i + 1 == n ? 2u : 0u);
    if (pos)
        out[k++] = ner_feat(T_POS, pos);
    if (t->mwb | t->mwi | t->mwe) {
        for (unsigned c = 0; c < NER_LX_N; c++) {
            uint16_t bit = (uint16_t)(1u << c);
            if (t->mwb & bit)
                out[k++] = ner_feat(T_MWB, c);
            if (t->mwi & bit)
                out[k++] = ner_feat(T_MWI, c);
            if (t->mwe & bit)
                out[k++] = ner_feat(T_MWE, c);
        }
    }
    if (i >= 1 && info[i - 1].lex)
        out[k++] = ner_feat(T_LEXMASK_M1_STEM, ner_hash2(info[i - 1].lex, t->hstem));
    if (t->has_cls) {
        uint32_t cm1 = i >= 1 ? info[i - 1].cls : 0xffffu, cp1 = i + 1 < n ? info[i + 1].cls : 0xffffu;
        out[k++] = ner_feat(T_CL_BI_M1, (uint64_t)cm1 << 16 | t->cls);
        out[k++] = ner_feat(T_CL_BI_P1, (uint64_t)t->cls << 16 | cp1);
    }
    return k;
}

/* end of ner_features.c */
