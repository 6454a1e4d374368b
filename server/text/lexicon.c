/* Lexicons: an open-addressing hash table (linear probing, a hash that
 * reads 8 bytes at a time) from match keys to values, and the lexicon file
 * reader. */
#include "liqa/lexicon.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/status.h"
#include "liqa/text.h"
#include "text_internal.h"

#define LINE_MAX_BYTES 4096u
#define FILE_MAX_BYTES (256u * 1024u * 1024u)
#define PROBE_MAX 1024u /* bytes of the longest probe string of lex_longest */

/* A slot holds an entry, or only a word prefix of longer entries (so that
 * lex_longest() stops as soon as no entry can start with its probe), or both. */
#define LEX_E_ENTRY 1u
#define LEX_E_PREFIX 2u

struct lex_ent {
    uint64_t hash;
    char *key;         /* key NUL value NUL, one allocation; NULL: empty slot */
    const char *value; /* points into the same allocation */
    uint32_t klen;     /* keys are far shorter than 4 GiB (lines: 4096 bytes) */
    uint32_t flags;    /* LEX_E_* */
};

struct lex {
    struct lex_ent *tab;
    uint8_t *tags;  /* per slot: 0 empty, else tag_of(hash), 8 bits of the
                       hash; probed first, 64 slots to a cache line, so a
                       lookup that fails seldom touches more than one line */
    size_t cap; /* power of two */
    size_t n;   /* entries */
    size_t used; /* slots in use: entries and prefixes */
    unsigned max_words;
};

static inline uint64_t
rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static inline uint64_t
rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

/* The hash of n bytes (txti_hash_bytes(), shared with the document's word
 * set). Same value on every machine of the same byte order. */
static inline uint64_t
hash_bytes(const char *s, size_t n)
{
    return txti_hash_bytes(s, n);
}

/* a[0..n) == b[0..n), for the short keys of a lexicon without a call */
static inline int
same_bytes(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (n >= 8) {
        if (rd64(x) != rd64(y))
            return 0;
        x += 8;
        y += 8;
        n -= 8;
    }
    if (n >= 4)
        return rd32(x) == rd32(y) && rd32(x + n - 4) == rd32(y + n - 4);
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

struct lex *
lex_new(void)
{
    struct lex *lx = calloc(1, sizeof(*lx));
    if (NULL == lx)
        return NULL;
    lx->cap = 16; /* small: some lexicons are made per request */
    lx->tab = calloc(lx->cap, sizeof(struct lex_ent));
    lx->tags = calloc(lx->cap, sizeof(uint8_t));
    if (NULL == lx->tab || NULL == lx->tags)
        goto fail;
    return lx;
fail:
    lex_free(lx);
    return NULL;
}

void
lex_free(struct lex *lx)
{
    if (NULL == lx)
        return;
    if (lx->tab)
        for (size_t i = 0; i < lx->cap; i++)
            free(lx->tab[i].key);
    free(lx->tab);
    free(lx->tags);
    free(lx);
}

static inline uint8_t
tag_of(uint64_t h)
{
    uint8_t t = (uint8_t)(h >> 56); /* the index uses the low bits */
    return t ? t : 1;
}

/* The slot of the key, or the empty slot where it would go. */
static inline size_t
find_slot(const struct lex *lx, const char *key, size_t klen, uint64_t h)
{
    size_t mask = lx->cap - 1;
    uint8_t tag = tag_of(h);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint8_t t = lx->tags[i];
        if (0 == t)
            return i;
        if (t == tag) {
            const struct lex_ent *e = &lx->tab[i];
            if (e->hash == h && e->klen == klen && same_bytes(e->key, key, klen))
                return i;
        }
    }
}

/* The entry or prefix of the key, NULL when absent. */
static inline const struct lex_ent *
find(const struct lex *lx, const char *key, size_t klen, uint64_t h)
{
    size_t i = find_slot(lx, key, klen, h);
    return lx->tags[i] ? &lx->tab[i] : NULL;
}

static int
rehash(struct lex *lx)
{
    size_t nc = lx->cap * 2;
    struct lex_ent *nt = calloc(nc, sizeof(struct lex_ent));
    uint8_t *ntags = calloc(nc, sizeof(uint8_t));
    if (NULL == nt || NULL == ntags) {
        free(nt);
        free(ntags);
        return LQ_ERR_NOMEM;
    }
    for (size_t i = 0; i < lx->cap; i++) {
        struct lex_ent *e = &lx->tab[i];
        if (NULL == e->key)
            continue;
        size_t j = (size_t)e->hash & (nc - 1);
        while (ntags[j])
            j = (j + 1) & (nc - 1);
        nt[j] = *e;
        ntags[j] = tag_of(e->hash);
    }
    free(lx->tab);
    free(lx->tags);
    lx->tab = nt;
    lx->tags = ntags;
    lx->cap = nc;
    return LQ_OK;
}

/* The entry of the key [0, klen), inserted with an empty value and no
 * flags when it is not there yet (*added then 1); NULL when out of memory. */
static struct lex_ent *
ensure_key(struct lex *lx, const char *key, size_t klen, int *added)
{
    *added = 0;
    if ((lx->used + 1) * 2 > lx->cap && rehash(lx))
        return NULL;
    uint64_t h = hash_bytes(key, klen);
    size_t slot = find_slot(lx, key, klen, h);
    struct lex_ent *e = &lx->tab[slot];
    if (NULL == e->key) {
        char *mem = malloc(klen + 2);
        if (NULL == mem)
            return NULL;
        memcpy(mem, key, klen);
        mem[klen] = '\0';
        mem[klen + 1] = '\0';
        e->key = mem;
        e->value = mem + klen + 1;
        e->hash = h;
        e->klen = (uint32_t)klen;
        e->flags = 0;
        lx->tags[slot] = tag_of(h);
        lx->used++;
        *added = 1;
    }
    return e;
}

/* Mark the key [0, klen) as a word prefix of a longer entry. */
static int
add_prefix(struct lex *lx, const char *key, size_t klen)
{
    int added;
    struct lex_ent *e = ensure_key(lx, key, klen, &added);
    if (NULL == e)
        return LQ_ERR_NOMEM;
    e->flags |= LEX_E_PREFIX;
    return LQ_OK;
}

/* Add an already folded key. */
static int
add_key(struct lex *lx, const char *key, size_t klen, const char *value, size_t vlen)
{
    if (0 == klen)
        return LQ_ERR_INVALID;
    if (klen > UINT32_MAX / 2 || vlen > UINT32_MAX / 2)
        return LQ_ERR_NOMEM;
    for (size_t i = 1; i < klen; i++)
        if (' ' == key[i] && add_prefix(lx, key, i))
            return LQ_ERR_NOMEM;
    if ((lx->used + 1) * 2 > lx->cap && rehash(lx))
        return LQ_ERR_NOMEM;
    uint64_t h = hash_bytes(key, klen);
    size_t slot = find_slot(lx, key, klen, h);
    struct lex_ent *e = &lx->tab[slot];
    char *mem = malloc(klen + 1 + vlen + 1);
    if (NULL == mem)
        return LQ_ERR_NOMEM;
    memcpy(mem, key, klen);
    mem[klen] = '\0';
    if (vlen)
        memcpy(mem + klen + 1, value, vlen);
    mem[klen + 1 + vlen] = '\0';
    int fresh = NULL == e->key || 0 == (e->flags & LEX_E_ENTRY);
    if (NULL == e->key)
        lx->used++;
    free(e->key);
    e->key = mem;
    e->value = mem + klen + 1;
    e->hash = h;
    e->klen = (uint32_t)klen;
    e->flags |= LEX_E_ENTRY;
    lx->tags[slot] = tag_of(h);
    if (fresh) {
        lx->n++;
        unsigned words = 1;
        for (size_t i = 0; i < klen; i++)
            words += ' ' == key[i];
        if (words > lx->max_words)
            lx->max_words = words;
    }
    return LQ_OK;
}

static int
add_n(struct lex *lx, const char *entry, size_t elen, const char *value, size_t vlen)
{
    char buf[1024];
    size_t klen = txt_fold(entry, elen, buf, sizeof(buf));
    if (klen < sizeof(buf))
        return add_key(lx, buf, klen, value, vlen);
    char *big = malloc(klen + 1);
    if (NULL == big)
        return LQ_ERR_NOMEM;
    txt_fold(entry, elen, big, klen + 1);
    int ret = add_key(lx, big, klen, value, vlen);
    free(big);
    return ret;
}

int
lex_add(struct lex *lx, const char *entry, const char *value)
{
    if (NULL == lx || NULL == entry)
        return LQ_ERR_INVALID;
    return add_n(lx, entry, strlen(entry), value, value ? strlen(value) : 0);
}

static int
load_error(char *err, size_t errlen, int ret, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
load_error(char *err, size_t errlen, int ret, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return ret;
}

static int
is_blank(char c)
{
    return ' ' == c || '\t' == c;
}

static int
parse_buffer(struct lex *lx, const char *path, const char *data, size_t size, char *err,
             size_t errlen)
{
    size_t pos = 0, line = 0;
    if (size >= 3 && 0 == memcmp(data, "\xEF\xBB\xBF", 3))
        pos = 3;
    while (pos < size) {
        line++;
        const char *ls = data + pos;
        const char *nl = memchr(ls, '\n', size - pos);
        size_t ll = nl ? (size_t)(nl - ls) : size - pos;
        pos += ll + (nl ? 1 : 0);
        if (ll && '\r' == ls[ll - 1])
            ll--;
        if (ll > LINE_MAX_BYTES)
            return load_error(err, errlen, LQ_ERR_FORMAT, "%s:%zu: line longer than %u bytes",
                              path, line, LINE_MAX_BYTES);
        if (memchr(ls, '\0', ll))
            return load_error(err, errlen, LQ_ERR_FORMAT, "%s:%zu: NUL byte", path, line);
        size_t bad = 0;
        if (!txt_utf8_valid(ls, ll, &bad))
            return load_error(err, errlen, LQ_ERR_FORMAT,
                              "%s:%zu: invalid UTF-8 at byte %zu of the line", path, line,
                              bad + 1);
        size_t b = 0;
        while (b < ll && ' ' == ls[b])
            b++;
        if (b == ll || '#' == ls[b])
            continue;
        size_t k = b;
        while (k < ll && is_blank(ls[k]))
            k++;
        if (k == ll)
            continue; /* blank line */
        const char *tab = memchr(ls + b, '\t', ll - b);
        size_t elen = tab ? (size_t)(tab - (ls + b)) : ll - b;
        const char *v = tab ? tab + 1 : ls + ll;
        size_t vlen = tab ? (size_t)(ls + ll - v) : 0;
        while (vlen && is_blank(*v)) {
            v++;
            vlen--;
        }
        while (vlen && is_blank(v[vlen - 1]))
            vlen--;
        int ret = add_n(lx, ls + b, elen, v, vlen);
        if (LQ_ERR_INVALID == ret)
            return load_error(err, errlen, LQ_ERR_FORMAT, "%s:%zu: empty entry", path, line);
        if (ret)
            return load_error(err, errlen, ret, "%s:%zu: out of memory", path, line);
    }
    return LQ_OK;
}

int
lex_load_file(struct lex *lx, const char *path, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (NULL == lx || NULL == path)
        return load_error(err, errlen, LQ_ERR_INVALID, "lexicon: no path");
    FILE *f = fopen(path, "rb");
    if (NULL == f)
        return load_error(err, errlen, LQ_ERR_IO, "%s: %s", path, strerror(errno));
    char *data = NULL;
    size_t size = 0, cap = 0;
    int ret = LQ_OK;
    for (;;) {
        if (size == cap) {
            if (cap >= FILE_MAX_BYTES) {
                ret = load_error(err, errlen, LQ_ERR_FORMAT, "%s: larger than %u bytes", path,
                                 FILE_MAX_BYTES);
                goto done;
            }
            size_t nc = cap ? cap * 2 : 65536;
            char *p = realloc(data, nc);
            if (NULL == p) {
                ret = load_error(err, errlen, LQ_ERR_NOMEM, "%s: out of memory", path);
                goto done;
            }
            data = p;
            cap = nc;
        }
        size_t got = fread(data + size, 1, cap - size, f);
        size += got;
        if (got == 0) {
            if (ferror(f))
                ret = load_error(err, errlen, LQ_ERR_IO, "%s: %s", path, strerror(errno));
            break;
        }
    }
    if (LQ_OK == ret)
        ret = parse_buffer(lx, path, data ? data : "", size, err, errlen);
done:
    free(data);
    fclose(f);
    return ret;
}

static const char *
get_h(const struct lex *lx, const char *key, size_t klen, uint64_t h)
{
    const struct lex_ent *e = find(lx, key, klen, h);
    return e && (e->flags & LEX_E_ENTRY) ? e->value : NULL;
}

const char *
lex_get(const struct lex *lx, const char *key)
{
    if (NULL == lx || NULL == key || 0 == lx->n)
        return NULL;
    size_t klen = strlen(key);
    return get_h(lx, key, klen, hash_bytes(key, klen));
}

void
lex_key_init(struct lex_key *k, const char *key)
{
    k->s = key;
    k->len = key ? strlen(key) : 0;
    k->hash = key ? hash_bytes(key, k->len) : 0;
}

const char *
lex_get_key(const struct lex *lx, const struct lex_key *k)
{
    if (NULL == lx || NULL == k->s || 0 == lx->n)
        return NULL;
    return get_h(lx, k->s, k->len, k->hash);
}

const char *
lex_probe(const struct lex *lx, const char *key, size_t len, int *more)
{
    if (more)
        *more = 0;
    if (NULL == lx || NULL == key || 0 == lx->n)
        return NULL;
    const struct lex_ent *e = find(lx, key, len, hash_bytes(key, len));
    if (NULL == e)
        return NULL;
    if (more)
        *more = 0 != (e->flags & LEX_E_PREFIX);
    return (e->flags & LEX_E_ENTRY) ? e->value : NULL;
}

const char *
lex_lookup(const struct lex *lx, const char *s)
{
    if (NULL == lx || NULL == s || 0 == lx->n)
        return NULL;
    char buf[1024];
    size_t len = strlen(s);
    size_t klen = txt_fold(s, len, buf, sizeof(buf));
    if (klen < sizeof(buf))
        return get_h(lx, buf, klen, hash_bytes(buf, klen));
    char *big = malloc(klen + 1);
    if (NULL == big)
        return NULL;
    txt_fold(s, len, big, klen + 1);
    const char *v = get_h(lx, big, klen, hash_bytes(big, klen));
    free(big);
    return v;
}

static const char *
form_of(const struct txt_token *t, enum lex_form form)
{
    switch (form) {
    case LEX_BASE:
        return t->base;
    case LEX_STEM:
        return t->stem;
    default:
        return t->key;
    }
}

size_t
lex_longest(const struct lex *lx, const struct txt_doc *doc, size_t tok, size_t tok_end,
            enum lex_form first_form, const char **value)
{
    if (value)
        *value = NULL;
    if (NULL == lx || NULL == doc || 0 == lx->n)
        return 0;
    if (tok_end > doc->ntokens)
        tok_end = doc->ntokens;
    if (tok >= tok_end)
        return 0;
    char buf[PROBE_MAX];
    size_t bl = 0, best = 0;
    const char *bestv = NULL;
    const char *first = NULL; /* the first word, copied into buf only for a second */
    for (size_t k = 0; k < lx->max_words && tok + k < tok_end; k++) {
        const struct txt_token *t = &doc->tokens[tok + k];
        if (TXT_PUNCT == t->kind)
            break;
        const char *s = k ? t->key : form_of(t, first_form);
        size_t sl = s ? strlen(s) : 0;
        if (0 == sl || bl + sl + 1 > sizeof(buf))
            break;
        const char *probe;
        if (0 == k) {
            first = s;
            probe = s;
        } else {
            if (1 == k)
                memcpy(buf, first, bl);
            buf[bl++] = ' ';
            memcpy(buf + bl, s, sl);
            probe = buf;
        }
        bl += sl;
        const struct lex_ent *e = find(lx, probe, bl, hash_bytes(probe, bl));
        if (NULL == e)
            break;
        if (e->flags & LEX_E_ENTRY) {
            best = k + 1;
            bestv = e->value;
        }
        if (0 == (e->flags & LEX_E_PREFIX))
            break;
    }
    if (value)
        *value = bestv;
    return best;
}

uint32_t
lex_first_mask(const struct lex *const *lexs, size_t n, const char *key)
{
    if (NULL == lexs || NULL == key)
        return 0;
    size_t klen = strlen(key);
    uint64_t h = hash_bytes(key, klen); /* one hash for every table */
    uint32_t mask = 0;
    for (size_t k = 0; k < n && k < 32; k++) {
        const struct lex *lx = lexs[k];
        if (lx && lx->n && find(lx, key, klen, h))
            mask |= 1u << k;
    }
    return mask;
}

/* The index is a table of its own whose slots hold every key (entry or
 * prefix) of the source lexicons, each slot's flags the bits of the
 * lexicons that hold it: lex_first_mask() finds exactly those slots. */
struct lex_firsts {
    struct lex *ix;
};

static int
firsts_add(struct lex *ix, const char *key, size_t klen, uint32_t bit)
{
    int added;
    struct lex_ent *e = ensure_key(ix, key, klen, &added);
    if (NULL == e)
        return LQ_ERR_NOMEM;
    ix->n += (size_t)added;
    e->flags |= bit;
    return LQ_OK;
}

struct lex_firsts *
lex_firsts_new(const struct lex *const *lexs, size_t n)
{
    struct lex_firsts *fx = calloc(1, sizeof(*fx));
    if (NULL == fx || NULL == (fx->ix = lex_new()))
        goto fail;
    for (size_t k = 0; lexs && k < n && k < 32; k++) {
        const struct lex *lx = lexs[k];
        if (NULL == lx || 0 == lx->n) /* lex_first_mask() skips an empty one */
            continue;
        for (size_t i = 0; i < lx->cap; i++)
            if (lx->tab[i].key && LQ_OK != firsts_add(fx->ix, lx->tab[i].key, lx->tab[i].klen, 1u << k))
                goto fail;
    }
    return fx;
fail:
    lex_firsts_free(fx);
    return NULL;
}

void
lex_firsts_free(struct lex_firsts *fx)
{
    if (NULL == fx)
        return;
    lex_free(fx->ix);
    free(fx);
}

uint32_t
lex_firsts_mask(const struct lex_firsts *fx, const char *key)
{
    if (NULL == fx || NULL == key || 0 == fx->ix->n)
        return 0;
    size_t klen = strlen(key);
    const struct lex_ent *e = find(fx->ix, key, klen, hash_bytes(key, klen));
    return e ? e->flags : 0;
}

size_t
lex_size(const struct lex *lx)
{
    return lx ? lx->n : 0;
}

unsigned
lex_max_words(const struct lex *lx)
{
    return lx ? lx->max_words : 0;
}

void
lex_foreach(const struct lex *lx, void (*fn)(const char *key, const char *value, void *arg),
            void *arg)
{
    if (NULL == lx || NULL == fn)
        return;
    for (size_t i = 0; i < lx->cap; i++)
        if (lx->tab[i].key && (lx->tab[i].flags & LEX_E_ENTRY))
            fn(lx->tab[i].key, lx->tab[i].value, arg);
}

/* end of lexicon.c */
