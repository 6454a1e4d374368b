/* The model: labels, BIOES constraints, quantised feature table, file I/O. */
#include "ner_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "liqa/status.h"

#define MAGIC "LIQANER"     /* 8 bytes with the NUL */
#define HEADER_BYTES 40u
#define LABEL_BYTES 16u
#define MAX_META (1u << 20)

static const char *const label_names[NER_NLABELS] = {
    "O",     "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG",
    "E-ORG", "S-ORG", "B-LOC", "I-LOC", "E-LOC", "S-LOC",
};

const char *
ner_label_name(int l)
{
    return l >= 0 && l < NER_NLABELS ? label_names[l] : "?";
}

const char *
ner_type_name(enum ner_type t)
{
    switch (t) {
    case NER_PER:
        return "PERSON";
    case NER_ORG:
        return "ORGANIZATION";
    case NER_LOC:
        return "LOCATION";
    default:
        return NULL;
    }
}

/* An entity is open after B or I; it must continue with I or E of its type. */
static int
is_open(int l)
{
    if (0 == l)
        return 0;
    enum ner_pos p = ner_label_pos(l);
    return NER_POS_B == p || NER_POS_I == p;
}

int
ner_allowed(int a, int b)
{
    if (is_open(a)) {
        if (0 == b || ner_label_type(a) != ner_label_type(b))
            return 0;
        enum ner_pos p = ner_label_pos(b);
        return NER_POS_I == p || NER_POS_E == p;
    }
    if (0 == b)
        return 1;
    enum ner_pos p = ner_label_pos(b);
    return NER_POS_B == p || NER_POS_S == p;
}

int
ner_allowed_start(int l)
{
    return ner_allowed(0, l);
}

int
ner_allowed_end(int l)
{
    return !is_open(l);
}

/* ------------------------------------------------------------ little endian */

static void
put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void
put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t
get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static uint32_t
f2u(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static float
u2f(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

/* ------------------------------------------------------------ slot table */

/* The slot table is probed at random for every feature of every token: ask
 * for huge pages so the probes do not also miss the TLB. */
#define HUGE_PAGE (2u << 20)

static int
table_alloc(struct ner_model *m, size_t nfeat)
{
    size_t cap = 16;
    while (cap < nfeat + nfeat / 2 + 1)
        cap *= 2;
    size_t bytes = cap * sizeof(*m->slots);
    size_t align = bytes >= HUGE_PAGE ? HUGE_PAGE : 64;
    bytes = (bytes + align - 1) / align * align;
    void *p = NULL;
    if (0 != posix_memalign(&p, align, bytes))
        p = NULL;
#ifdef MADV_HUGEPAGE
    if (p && HUGE_PAGE == align)
        madvise(p, bytes, MADV_HUGEPAGE);
#endif
    if (p)
        memset(p, 0, bytes);
    m->slots = p;
    m->keys = malloc((nfeat ? nfeat : 1) * sizeof(*m->keys));
    if (NULL == m->slots || NULL == m->keys)
        return LQ_ERR_NOMEM;
    m->mask = cap - 1;
    m->nfeat = 0;
    return LQ_OK;
}

/* Insert a new key (keys come in ascending order); returns NULL when its
 * tag is already in its probe chain: the key is then left out. */
static struct ner_slot *
table_insert(struct ner_model *m, uint64_t key)
{
    size_t i = (size_t)key & m->mask;
    uint32_t tag = ner_slot_tag(key);
    while (m->slots[i].tag) {
        if (m->slots[i].tag == tag)
            return NULL;
        i = (i + 1) & m->mask;
    }
    m->slots[i].tag = tag;
    m->keys[m->nfeat++] = key;
    return &m->slots[i];
}

static void
set_id(struct ner_model *m)
{
    snprintf(m->id, sizeof(m->id), "ner-perceptron-v%u:%08x", (unsigned)m->version,
             (unsigned)(m->checksum >> 32));
}

struct keyrow {
    uint64_t key;
    size_t row;
};

static int
cmp_keyrow(const void *a, const void *b)
{
    uint64_t x = ((const struct keyrow *)a)->key, y = ((const struct keyrow *)b)->key;
    return x < y ? -1 : x > y;
}

/* Start, transition and end weights; returns the end. */
static unsigned char *
put_trans(unsigned char *p, const struct ner_trans *tr)
{
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        put32(p, f2u(tr->start[l]));
    for (int a = 0; a < NER_NLABELS; a++)
        for (int b = 0; b < NER_NLABELS; b++, p += 4)
            put32(p, f2u(tr->trans[a][b]));
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        put32(p, f2u(tr->end[l]));
    return p;
}

/* Read what put_trans() wrote; 0 when a weight is not finite. */
static int
get_trans(const unsigned char *p, struct ner_trans *tr)
{
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        tr->start[l] = u2f(get32(p));
    for (int a = 0; a < NER_NLABELS; a++)
        for (int b = 0; b < NER_NLABELS; b++, p += 4)
            tr->trans[a][b] = u2f(get32(p));
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        tr->end[l] = u2f(get32(p));
    for (int l = 0; l < NER_NLABELS; l++) {
        if (!isfinite(tr->start[l]) || !isfinite(tr->end[l]))
            return 0;
        for (int b = 0; b < NER_NLABELS; b++)
            if (!isfinite(tr->trans[l][b]))
                return 0;
    }
    return 1;
}

/* Keys, then rows of weights, of the slot table of @p m; returns the end. */
static unsigned char *
put_table(unsigned char *p, const struct ner_model *m)
{
    const uint64_t *keys = m->keys;
    size_t nk = m->nfeat;
    for (size_t i = 0; i < nk; i++, p += 8)
        put64(p, keys[i]);
    for (size_t i = 0; i < nk; i++) {
        const struct ner_slot *s = ner_model_find(m, keys[i]);
        for (int l = 0; l < NER_NLABELS; l++, p += 2) {
            uint16_t v = (uint16_t)s->w[l];
            p[0] = (unsigned char)v;
            p[1] = (unsigned char)(v >> 8);
        }
    }
    return p;
}

/* Read @p nfeat keys and rows into the slot table of @p m; returns the end,
 * or NULL when the keys are not strictly ascending (*rc = LQ_ERR_FORMAT) or
 * memory runs out (*rc = LQ_ERR_NOMEM). */
static const unsigned char *
get_table(const unsigned char *p, size_t nfeat, struct ner_model *m, int *rc)
{
    if (LQ_OK != table_alloc(m, nfeat)) {
        *rc = LQ_ERR_NOMEM;
        return NULL;
    }
    const unsigned char *wp = p + nfeat * 8;
    uint64_t prev = 0;
    for (size_t f = 0; f < nfeat; f++, p += 8) {
        uint64_t key = get64(p);
        if (key <= prev) {
            *rc = LQ_ERR_FORMAT;
            return NULL;
        }
        prev = key;
        struct ner_slot *s = table_insert(m, key);
        for (int l = 0; l < NER_NLABELS; l++, wp += 2)
            if (s)
                s->w[l] = (int16_t)(uint16_t)(wp[0] | wp[1] << 8);
    }
    return wp;
}

/* Serialise into a heap buffer (also gives the checksum). */
static int
serialise(const struct ner_model *m, unsigned char **outbuf, size_t *outlen, uint64_t *checksum)
{
    size_t metalen = m->meta ? strlen(m->meta) : 0;
    size_t ntr = 2 * NER_NLABELS + NER_NLABELS * NER_NLABELS;
    const uint64_t *ckeys;
    const uint16_t *ccls;
    size_t ncl = ner_clusters_entries(m->clusters, &ckeys, &ccls);
    size_t ndoc = m->doc ? m->doc->nfeat : 0;
    uint32_t dmode = ndoc ? m->doc_mode : 0;
    size_t len = HEADER_BYTES + LABEL_BYTES * NER_NLABELS + 4 * ntr + metalen + ncl * (8 + 2) +
                 m->nfeat * (8 + 2 * NER_NLABELS) + (m->version >= 3 ? 12 + ndoc * (8 + 2 * NER_NLABELS) : 0) +
                 (m->version >= 3 && NER_STACK_FULL == dmode ? 4 * ntr : 0) +
                 (m->version >= 4 ? 4 + m->ngaz * (8 + 2) : 0) + 8;
    unsigned char *buf = calloc(1, len);
    if (NULL == buf)
        return LQ_ERR_NOMEM;
    memcpy(buf, MAGIC, 8);
    put32(buf + 8, m->version);
    put32(buf + 12, m->algo);
    put32(buf + 16, m->feat_version);
    put32(buf + 20, NER_NLABELS);
    put32(buf + 24, (uint32_t)m->nfeat);
    put32(buf + 28, (uint32_t)metalen);
    put32(buf + 32, f2u(m->scale));
    put32(buf + 36, (uint32_t)ncl);
    unsigned char *p = buf + HEADER_BYTES;
    for (int l = 0; l < NER_NLABELS; l++, p += LABEL_BYTES)
        memcpy(p, label_names[l], strlen(label_names[l]));
    p = put_trans(p, &m->tr);
    if (metalen)
        memcpy(p, m->meta, metalen);
    p += metalen;
    for (size_t i = 0; i < ncl; i++, p += 8)
        put64(p, ckeys[i]);
    for (size_t i = 0; i < ncl; i++, p += 2) {
        p[0] = (unsigned char)ccls[i];
        p[1] = (unsigned char)(ccls[i] >> 8);
    }
    p = put_table(p, m);
    if (m->version >= 3) {
        put32(p, (uint32_t)ndoc);
        put32(p + 4, f2u(m->doc ? m->doc->scale : 1.0f));
        put32(p + 8, dmode);
        p += 12;
        if (NER_STACK_FULL == dmode)
            p = put_trans(p, &m->doc->tr);
        if (ndoc)
            p = put_table(p, m->doc);
    }
    if (m->version >= 4) {
        put32(p, (uint32_t)m->ngaz);
        p += 4;
        for (size_t i = 0; i < m->ngaz; i++, p += 8)
            put64(p, m->gaz_keys[i]);
        for (size_t i = 0; i < m->ngaz; i++, p += 2) {
            p[0] = (unsigned char)m->gaz_flags[i];
            p[1] = (unsigned char)(m->gaz_flags[i] >> 8);
        }
    }
    uint64_t ck = ner_hash_bytes((const char *)buf, len - 8);
    put64(p, ck);
    *outbuf = buf;
    *outlen = len;
    *checksum = ck;
    return LQ_OK;
}

/* Quantise @p nfeat rows into the slot table of @p m (scale, slots, keys). */
static int
fill_table(struct ner_model *m, const uint64_t *keys, const float *rows, size_t nfeat)
{
    struct keyrow *order = NULL;
    int rc = LQ_ERR_NOMEM;
    float maxw = 0;
    for (size_t i = 0; i < nfeat * NER_NLABELS; i++)
        if (fabsf(rows[i]) > maxw)
            maxw = fabsf(rows[i]);
    m->scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
    if (LQ_OK != table_alloc(m, nfeat))
        goto fail;
    order = malloc((nfeat ? nfeat : 1) * sizeof(*order));
    if (NULL == order)
        goto fail;
    for (size_t f = 0; f < nfeat; f++) {
        order[f].key = keys[f];
        order[f].row = f;
    }
    qsort(order, nfeat, sizeof(*order), cmp_keyrow);
    for (size_t o = 0; o < nfeat; o++) {
        size_t f = order[o].row;
        int16_t q[NER_NLABELS];
        int nz = 0;
        if (o > 0 && order[o - 1].key == keys[f]) {
            rc = LQ_ERR_INVALID;
            goto fail;
        }
        for (int l = 0; l < NER_NLABELS; l++) {
            float v = rows[f * NER_NLABELS + l] / m->scale;
            long r = lroundf(v);
            if (r > 32767)
                r = 32767;
            if (r < -32767)
                r = -32767;
            q[l] = (int16_t)r;
            nz |= 0 != r;
        }
        if (!nz)
            continue;
        if (0 == keys[f]) {
            rc = LQ_ERR_INVALID;
            goto fail;
        }
        struct ner_slot *s = table_insert(m, keys[f]);
        if (s)
            memcpy(s->w, q, sizeof(q));
    }
    free(order);
    return LQ_OK;
fail:
    free(order);
    return rc;
}

/* After a change to @p m: the current format, and the checksum and id the
 * saved file will have. */
static int
reidentify(struct ner_model *m)
{
    m->version = NER_MODEL_VERSION;
    unsigned char *buf;
    size_t len;
    if (LQ_OK != serialise(m, &buf, &len, &m->checksum))
        return LQ_ERR_NOMEM;
    free(buf);
    set_id(m);
    return LQ_OK;
}

int
ner_model_build(const uint64_t *keys, const float *rows, size_t nfeat, const struct ner_trans *tr,
                const struct ner_clusters *cl, const char *meta, const struct lq_lexicons *lex,
                struct ner_model **out)
{
    *out = NULL;
    struct ner_model *m = calloc(1, sizeof(*m));
    if (NULL == m)
        return LQ_ERR_NOMEM;
    int rc = LQ_ERR_NOMEM;
    m->version = NER_MODEL_VERSION;
    m->algo = NER_ALGO_PERCEPTRON;
    m->feat_version = NER_FEAT_VERSION;
    m->tr = *tr;
    if (LQ_OK != (rc = fill_table(m, keys, rows, nfeat)))
        goto fail;
    rc = LQ_ERR_NOMEM;
    if (meta && NULL == (m->meta = strdup(meta)))
        goto fail;
    if (cl) {
        const uint64_t *ck;
        const uint16_t *cc;
        size_t nc = ner_clusters_entries(cl, &ck, &cc);
        if (LQ_OK != ner_clusters_build(ck, cc, nc, &m->clusters))
            goto fail;
    }
    if (LQ_OK != ner_lexfeat_new(lex, &m->lexf))
        goto fail;
    /* the checksum (and so the id) is that of the serialised image */
    if (LQ_OK != reidentify(m))
        goto fail;
    *out = m;
    return LQ_OK;
fail:
    ner_model_free(m);
    return rc;
}

/* Make @p d (owned from now on) the second stage of @p m in @p mode. */
static int
attach_doc(struct ner_model *m, struct ner_model *d, uint32_t mode)
{
    ner_model_free(m->doc);
    m->doc = d;
    m->doc_mode = mode;
    return reidentify(m);
}

int
ner_model_set_doc(struct ner_model *m, const uint64_t *keys, const float *rows, size_t n)
{
    struct ner_model *d = calloc(1, sizeof(*d));
    if (NULL == d)
        return LQ_ERR_NOMEM;
    int rc = fill_table(d, keys, rows, n);
    if (LQ_OK != rc) {
        ner_model_free(d);
        return rc;
    }
    return attach_doc(m, d, NER_STACK_RESIDUAL);
}

int
ner_model_save(const struct ner_model *m, const char *path, char *err, size_t errlen)
{
    unsigned char *buf;
    size_t len;
    uint64_t ck;
    int rc = serialise(m, &buf, &len, &ck);
    if (LQ_OK != rc) {
        snprintf(err, errlen, "%s: out of memory", path);
        return rc;
    }
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
        free(buf);
        snprintf(err, errlen, "%s: path too long", path);
        return LQ_ERR_IO;
    }
    FILE *f = fopen(tmp, "wb");
    if (NULL == f) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        free(buf);
        return LQ_ERR_IO;
    }
    int ok = len == fwrite(buf, 1, len, f);
    ok &= 0 == fclose(f);
    free(buf);
    if (!ok || 0 != rename(tmp, path)) {
        snprintf(err, errlen, "%s: write failed: %s", path, strerror(errno));
        remove(tmp);
        return LQ_ERR_IO;
    }
    return LQ_OK;
}

int
ner_model_set_doc_model(struct ner_model *m, struct ner_model *d)
{
    /* the second stage uses the first stage's lexicons and word classes */
    ner_lexfeat_free(d->lexf);
    ner_clusters_free(d->clusters);
    free(d->meta);
    free(d->gaz_keys);
    free(d->gaz_flags);
    d->lexf = NULL;
    d->clusters = NULL;
    d->meta = NULL;
    d->gaz_keys = NULL;
    d->gaz_flags = NULL;
    d->ngaz = 0;
    return attach_doc(m, d, NER_STACK_FULL);
}

int
ner_model_set_gaz(struct ner_model *m, const struct ner_lexfeat *lf)
{
    uint64_t *keys;
    uint16_t *flags;
    size_t n = ner_lexfeat_gaz_export(lf, &keys, &flags);
    if ((size_t)-1 == n)
        return LQ_ERR_NOMEM;
    if (LQ_OK != ner_lexfeat_gaz_import(m->lexf, keys, flags, n)) {
        free(keys);
        free(flags);
        return LQ_ERR_NOMEM;
    }
    free(m->gaz_keys);
    free(m->gaz_flags);
    m->gaz_keys = keys;
    m->gaz_flags = flags;
    m->ngaz = n;
    return reidentify(m);
}

#define FORMAT_ERR(...)                               \
    do {                                              \
        snprintf(err, errlen, __VA_ARGS__);           \
        rc = LQ_ERR_FORMAT;                           \
        goto fail;                                    \
    } while (0)

int
ner_model_parse(const unsigned char *buf, size_t len, const char *name,
                const struct lq_lexicons *lex, struct ner_model **out, char *err, size_t errlen)
{
    *out = NULL;
    int rc = LQ_ERR_NOMEM;
    struct ner_model *m = calloc(1, sizeof(*m));
    if (NULL == m) {
        snprintf(err, errlen, "%s: out of memory", name);
        return LQ_ERR_NOMEM;
    }
    if (len < HEADER_BYTES + 8 || 0 != memcmp(buf, MAGIC, 8))
        FORMAT_ERR("%s: not a liqa NER model (bad magic or too short)", name);
    m->version = get32(buf + 8);
    m->algo = get32(buf + 12);
    m->feat_version = get32(buf + 16);
    uint32_t nlabels = get32(buf + 20);
    uint32_t nfeat = get32(buf + 24);
    uint32_t metalen = get32(buf + 28);
    m->scale = u2f(get32(buf + 32));
    uint32_t ncl = get32(buf + 36);
    if (m->version < 2 || m->version > NER_MODEL_VERSION)
        FORMAT_ERR("%s: model format version %u, expected 2 to %u", name, (unsigned)m->version,
                   NER_MODEL_VERSION);
    if (NER_ALGO_PERCEPTRON != m->algo)
        FORMAT_ERR("%s: unknown algorithm %u", name, (unsigned)m->algo);
    if (NER_FEAT_VERSION != m->feat_version)
        FORMAT_ERR("%s: feature version %u, this build computes version %u", name,
                   (unsigned)m->feat_version, NER_FEAT_VERSION);
    if (NER_NLABELS != nlabels)
        FORMAT_ERR("%s: %u labels, expected %u", name, (unsigned)nlabels, NER_NLABELS);
    if (metalen > MAX_META || !(m->scale > 0) || !isfinite(m->scale))
        FORMAT_ERR("%s: corrupt header", name);
    size_t ntr = 2 * NER_NLABELS + NER_NLABELS * NER_NLABELS;
    size_t want = HEADER_BYTES + LABEL_BYTES * NER_NLABELS + 4 * ntr + (size_t)metalen +
                  (size_t)ncl * (8 + 2) + (size_t)nfeat * (8 + 2 * NER_NLABELS) + 8;
    uint32_t ndoc = 0, dmode = 0;
    float dscale = 1;
    if (m->version >= 3) {
        /* the second stage's count, scale and kind follow the first stage's weights */
        if (want + 12 > len)
            FORMAT_ERR("%s: size %zu bytes, header says at least %zu (truncated or corrupt)",
                       name, len, want + 12);
        ndoc = get32(buf + want - 8);
        dscale = u2f(get32(buf + want - 4));
        dmode = get32(buf + want);
        if (!(dscale > 0) || !isfinite(dscale) || ndoc > len ||
            (0 == dmode) != (0 == ndoc) || dmode > NER_STACK_FULL)
            FORMAT_ERR("%s: corrupt second-stage header", name);
        want += 12 + (size_t)ndoc * (8 + 2 * NER_NLABELS) + (NER_STACK_FULL == dmode ? 4 * ntr : 0);
    }
    uint32_t ngaz = 0;
    if (m->version >= 4) {
        /* the gazetteer's count follows the second stage */
        if (want + 4 > len)
            FORMAT_ERR("%s: size %zu bytes, header says at least %zu (truncated or corrupt)",
                       name, len, want + 4);
        ngaz = get32(buf + want - 8);
        if (ngaz > len)
            FORMAT_ERR("%s: corrupt gazetteer header", name);
        want += 4 + (size_t)ngaz * (8 + 2);
    }
    if (want != len)
        FORMAT_ERR("%s: size %zu bytes, header says %zu (truncated or corrupt)", name, len, want);
    uint64_t ck = get64(buf + len - 8);
    if (ck != ner_hash_bytes((const char *)buf, len - 8))
        FORMAT_ERR("%s: checksum mismatch (corrupt file)", name);
    m->checksum = ck;
    const unsigned char *p = buf + HEADER_BYTES;
    for (int l = 0; l < NER_NLABELS; l++, p += LABEL_BYTES) {
        char lab[LABEL_BYTES + 1];
        memcpy(lab, p, LABEL_BYTES);
        lab[LABEL_BYTES] = 0;
        if (0 != strcmp(lab, label_names[l]))
            FORMAT_ERR("%s: label %d is \"%s\", expected \"%s\"", name, l, lab, label_names[l]);
    }
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        m->tr.start[l] = u2f(get32(p));
    for (int a = 0; a < NER_NLABELS; a++)
        for (int b = 0; b < NER_NLABELS; b++, p += 4)
            m->tr.trans[a][b] = u2f(get32(p));
    for (int l = 0; l < NER_NLABELS; l++, p += 4)
        m->tr.end[l] = u2f(get32(p));
    for (size_t i = 0; i < ntr; i++) {
        float v = u2f(get32(buf + HEADER_BYTES + LABEL_BYTES * NER_NLABELS + 4 * i));
        if (!isfinite(v))
            FORMAT_ERR("%s: non-finite transition weight", name);
    }
    if (metalen) {
        m->meta = malloc((size_t)metalen + 1);
        if (NULL == m->meta)
            goto nomem;
        memcpy(m->meta, p, metalen);
        m->meta[metalen] = 0;
    }
    p += metalen;
    if (ncl) {
        uint64_t *clk = malloc((size_t)ncl * sizeof(*clk));
        uint16_t *clc = malloc((size_t)ncl * sizeof(*clc));
        int crc = clk && clc ? LQ_OK : LQ_ERR_NOMEM;
        uint64_t cprev = 0;
        for (uint32_t i = 0; LQ_OK == crc && i < ncl; i++) {
            clk[i] = get64(p + 8 * (size_t)i);
            const unsigned char *q = p + 8 * (size_t)ncl + 2 * (size_t)i;
            clc[i] = (uint16_t)(q[0] | q[1] << 8);
            if (clk[i] <= cprev)
                crc = LQ_ERR_FORMAT;
            cprev = clk[i];
        }
        if (LQ_OK == crc)
            crc = ner_clusters_build(clk, clc, ncl, &m->clusters);
        free(clk);
        free(clc);
        if (LQ_ERR_FORMAT == crc)
            FORMAT_ERR("%s: word class keys not strictly ascending", name);
        if (LQ_OK != crc)
            goto nomem;
        p += (size_t)ncl * 10;
    }
    int trc = LQ_OK;
    p = get_table(p, nfeat, m, &trc);
    if (NULL == p && LQ_ERR_FORMAT == trc)
        FORMAT_ERR("%s: feature keys not strictly ascending", name);
    if (NULL == p)
        goto nomem;
    if (m->version >= 3) {
        p += 12;
        if (ndoc) {
            if (NULL == (m->doc = calloc(1, sizeof(*m->doc))))
                goto nomem;
            m->doc_mode = dmode;
            m->doc->version = m->version;
            m->doc->scale = dscale;
            if (NER_STACK_FULL == dmode) {
                if (!get_trans(p, &m->doc->tr))
                    FORMAT_ERR("%s: non-finite second-stage transition weight", name);
                p += 4 * ntr;
            }
            p = get_table(p, ndoc, m->doc, &trc);
            if (NULL == p && LQ_ERR_FORMAT == trc)
                FORMAT_ERR("%s: second-stage keys not strictly ascending", name);
            if (NULL == p)
                goto nomem;
        }
    }
    if (LQ_OK != ner_lexfeat_new(lex, &m->lexf))
        goto nomem;
    if (m->version >= 4) {
        p += 4;
        if (ngaz) {
            m->gaz_keys = malloc((size_t)ngaz * sizeof(*m->gaz_keys));
            m->gaz_flags = malloc((size_t)ngaz * sizeof(*m->gaz_flags));
            if (NULL == m->gaz_keys || NULL == m->gaz_flags)
                goto nomem;
            m->ngaz = ngaz;
            uint64_t gprev = 0;
            for (uint32_t i = 0; i < ngaz; i++) {
                m->gaz_keys[i] = get64(p + 8 * (size_t)i);
                const unsigned char *q = p + 8 * (size_t)ngaz + 2 * (size_t)i;
                m->gaz_flags[i] = (uint16_t)(q[0] | q[1] << 8);
                if (m->gaz_keys[i] <= gprev)
                    FORMAT_ERR("%s: gazetteer keys not strictly ascending", name);
                gprev = m->gaz_keys[i];
            }
            if (LQ_OK != ner_lexfeat_gaz_import(m->lexf, m->gaz_keys, m->gaz_flags, ngaz))
                goto nomem;
        }
    }
    set_id(m);
    *out = m;
    return LQ_OK;
nomem:
    snprintf(err, errlen, "%s: out of memory", name);
    rc = LQ_ERR_NOMEM;
fail:
    ner_model_free(m);
    return rc;
}

int
ner_model_load(const char *path, const struct lq_lexicons *lex, struct ner_model **out, char *err,
               size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (NULL == f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return LQ_ERR_IO;
    }
    unsigned char *buf = NULL;
    long size = -1;
    if (0 == fseek(f, 0, SEEK_END))
        size = ftell(f);
    if (size < 0 || 0 != fseek(f, 0, SEEK_SET)) {
        snprintf(err, errlen, "%s: cannot determine size", path);
        fclose(f);
        return LQ_ERR_IO;
    }
    buf = malloc(size ? (size_t)size : 1);
    if (NULL == buf) {
        snprintf(err, errlen, "%s: out of memory", path);
        fclose(f);
        return LQ_ERR_NOMEM;
    }
    size_t got = fread(buf, 1, (size_t)size, f);
    int rerr = ferror(f);
    fclose(f);
    if (rerr || got != (size_t)size) {
        snprintf(err, errlen, "%s: read error", path);
        free(buf);
        return LQ_ERR_IO;
    }
    int rc = ner_model_parse(buf, (size_t)size, path, lex, out, err, errlen);
    free(buf);
    return rc;
}

void
ner_model_free(struct ner_model *m)
{
    if (NULL == m)
        return;
    free(m->slots);
    free(m->keys);
    ner_model_free(m->doc);
    ner_lexfeat_free(m->lexf);
    ner_clusters_free(m->clusters);
    free(m->meta);
    free(m->gaz_keys);
    free(m->gaz_flags);
    free(m);
}

const char *
ner_model_id(const struct ner_model *m)
{
    return m->id;
}

/* end of ner_model.c */
