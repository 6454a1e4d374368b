/* CoNLL corpora: reading, explicit tag-set mappings, gold spans, scoring. */
#include "ner_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/status.h"
#include "liqa/text.h"

int
ner_tagset_parse(const char *s)
{
    if (0 == strcmp(s, "anercorp"))
        return NER_TAGSET_ANERCORP;
    if (0 == strcmp(s, "fane"))
        return NER_TAGSET_FANE;
    if (0 == strcmp(s, "aqmar"))
        return NER_TAGSET_AQMAR;
    return -1;
}

/*
 * The mappings, one table per corpus. Every tag not listed is O:
 * - ANERcorp: PERS ORG LOC; MISC → O (we do not predict MISC).
 * - NewsFANE/WikiFANE coarse: PER; ORG; GPE, LOC and FAC → LOC (the
 *   annotation guideline counts countries, cities, regions, named buildings
 *   and sites as LOCATION); PRO, VEH, WEA → O.
 * - AQMAR: PER ORG LOC; MIS0-3 and the malformed labels → O.
 */
struct tagmap {
    const char *name;
    enum ner_type type;
};

static const struct tagmap map_anercorp[] = {
    {"PERS", NER_PER}, {"ORG", NER_ORG}, {"LOC", NER_LOC}, {NULL, NER_NONE}};
static const struct tagmap map_fane[] = {{"PER", NER_PER}, {"ORG", NER_ORG}, {"GPE", NER_LOC},
                                         {"LOC", NER_LOC}, {"FAC", NER_LOC}, {NULL, NER_NONE}};
static const struct tagmap map_aqmar[] = {
    {"PER", NER_PER}, {"ORG", NER_ORG}, {"LOC", NER_LOC}, {NULL, NER_NONE}};

enum ner_type
ner_map_tag(enum ner_tagset ts, const char *tag, int *begin)
{
    if (('B' != tag[0] && 'I' != tag[0]) || '-' != tag[1])
        return NER_NONE;
    const struct tagmap *m = NER_TAGSET_ANERCORP == ts ? map_anercorp
                             : NER_TAGSET_FANE == ts   ? map_fane
                                                       : map_aqmar;
    for (; m->name; m++) {
        if (0 == strcmp(tag + 2, m->name)) {
            *begin = 'B' == tag[0];
            return m->type;
        }
    }
    return NER_NONE;
}

/* ------------------------------------------------------------------ reading */

static int
is_proclitic(const char *w)
{
    static const char *const pro[] = {"و", "ف", "ب", "ل", "ك"};
    for (size_t i = 0; i < sizeof(pro) / sizeof(pro[0]); i++)
        if (0 == strcmp(w, pro[i]))
            return 1;
    return 0;
}

/* First byte of an Arabic-block letter (U+0600..U+06FF is D8..DB in UTF-8). */
static int
starts_arabic(const char *w)
{
    unsigned char c = (unsigned char)w[0];
    return c >= 0xd8 && c <= 0xdb;
}

struct sent_buf {
    struct ner_sent s;
    size_t cap;
};

static int
sent_push(struct sent_buf *b, char *word, enum ner_type t, int begin)
{
    if (b->s.n == b->cap) {
        size_t nc = b->cap ? 2 * b->cap : 32;
        char **w = realloc(b->s.words, nc * sizeof(*w));
        if (NULL == w)
            return LQ_ERR_NOMEM;
        b->s.words = w;
        uint8_t *ty = realloc(b->s.types, nc);
        if (NULL == ty)
            return LQ_ERR_NOMEM;
        b->s.types = ty;
        uint8_t *bg = realloc(b->s.begins, nc);
        if (NULL == bg)
            return LQ_ERR_NOMEM;
        b->s.begins = bg;
        b->cap = nc;
    }
    b->s.words[b->s.n] = word;
    b->s.types[b->s.n] = (uint8_t)t;
    b->s.begins[b->s.n] = (uint8_t)begin;
    b->s.n++;
    return LQ_OK;
}

static void
sent_free(struct ner_sent *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->words[i]);
    free(s->words);
    free(s->types);
    free(s->begins);
    memset(s, 0, sizeof(*s));
}

static int
corpus_push(struct ner_corpus *c, struct sent_buf *b)
{
    if (0 == b->s.n)
        return LQ_OK;
    if (c->nsents == c->cap) {
        size_t nc = c->cap ? 2 * c->cap : 256;
        struct ner_sent *ns = realloc(c->sents, nc * sizeof(*ns));
        if (NULL == ns)
            return LQ_ERR_NOMEM;
        c->sents = ns;
        c->cap = nc;
    }
    c->sents[c->nsents++] = b->s;
    memset(b, 0, sizeof(*b));
    return LQ_OK;
}

/* Join the pending proclitics to a word, spelling ل + ال as لل. */
static char *
join_clitics(const char *pending, size_t plen, const char *word)
{
    static const char al[] = "\xd8\xa7\xd9\x84"; /* ال */
    static const char lam[] = "\xd9\x84";        /* ل */
    size_t wlen = strlen(word);
    char *out = malloc(plen + wlen + 1);
    if (NULL == out)
        return NULL;
    memcpy(out, pending, plen);
    if (plen >= 2 && 0 == memcmp(pending + plen - 2, lam, 2) && 0 == strncmp(word, al, 4)) {
        /* ل + الكتاب → للكتاب: the alef drops */
        memcpy(out + plen, word + 2, wlen - 2);
        out[plen + wlen - 2] = 0;
    } else {
        memcpy(out + plen, word, wlen);
        out[plen + wlen] = 0;
    }
    return out;
}

int
ner_corpus_read(const char *path, enum ner_tagset ts, int merge_clitics, struct ner_corpus *c,
                char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (NULL == f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return LQ_ERR_IO;
    }
    struct sent_buf b = {0};
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    int rc = LQ_OK;
    size_t lineno = 0;
    char pending[64];
    size_t plen = 0;
    while ((len = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        while (len > 0 && ('\n' == line[len - 1] || '\r' == line[len - 1]))
            line[--len] = 0;
        char *tab = strchr(line, '\t');
        if (0 == len || (tab == line && '\0' == tab[1 + strspn(tab + 1, " \t")])) {
            plen = 0;
            if (LQ_OK != (rc = corpus_push(c, &b)))
                goto nomem;
            continue;
        }
        if (NULL == tab) {
            snprintf(err, errlen, "%s:%zu: no TAB between token and tag", path, lineno);
            rc = LQ_ERR_FORMAT;
            goto out;
        }
        *tab = 0;
        const char *word = line;
        const char *tag = tab + 1;
        if (0 == *word)
            continue;
        int begin = 0;
        enum ner_type t = ner_map_tag(ts, tag, &begin);
        if (merge_clitics && is_proclitic(word) && plen + strlen(word) < sizeof(pending)) {
            memcpy(pending + plen, word, strlen(word));
            plen += strlen(word);
            continue;
        }
        char *w;
        if (plen && starts_arabic(word)) {
            w = join_clitics(pending, plen, word);
        } else {
            if (plen) {
                /* the clitics stood before something that is not a word: keep them */
                pending[plen] = 0;
                char *cw = strdup(pending);
                if (NULL == cw || LQ_OK != sent_push(&b, cw, NER_NONE, 0)) {
                    free(cw);
                    goto nomem;
                }
            }
            w = strdup(word);
        }
        plen = 0;
        if (NULL == w || LQ_OK != sent_push(&b, w, t, begin)) {
            free(w);
            goto nomem;
        }
    }
    if (LQ_OK != corpus_push(c, &b))
        goto nomem;
    goto out;
nomem:
    snprintf(err, errlen, "%s: out of memory", path);
    rc = LQ_ERR_NOMEM;
out:
    sent_free(&b.s);
    free(line);
    fclose(f);
    return rc;
}

int
ner_corpus_read_spec(const char *spec, struct ner_corpus *c, char *err, size_t errlen)
{
    const char *colon = strchr(spec, ':');
    if (NULL == colon) {
        snprintf(err, errlen, "%s: expected TAGSET:PATH (anercorp, fane, aqmar; +merge)", spec);
        return LQ_ERR_INVALID;
    }
    char ts[32];
    size_t n = (size_t)(colon - spec);
    if (n >= sizeof(ts)) {
        snprintf(err, errlen, "%s: bad tag set", spec);
        return LQ_ERR_INVALID;
    }
    memcpy(ts, spec, n);
    ts[n] = 0;
    int merge = 0;
    char *plus = strchr(ts, '+');
    if (plus) {
        if (0 != strcmp(plus, "+merge")) {
            snprintf(err, errlen, "%s: unknown option %s", spec, plus);
            return LQ_ERR_INVALID;
        }
        *plus = 0;
        merge = 1;
    }
    int set = ner_tagset_parse(ts);
    if (set < 0) {
        snprintf(err, errlen, "%s: unknown tag set %s (anercorp, fane, aqmar)", spec, ts);
        return LQ_ERR_INVALID;
    }
    return ner_corpus_read(colon + 1, (enum ner_tagset)set, merge, c, err, errlen);
}

void
ner_corpus_clear(struct ner_corpus *c)
{
    for (size_t i = 0; i < c->nsents; i++)
        sent_free(&c->sents[i]);
    free(c->sents);
    memset(c, 0, sizeof(*c));
}

size_t
ner_sent_spans(const struct ner_sent *s, struct ner_span *spans, size_t max)
{
    size_t ns = 0;
    size_t open = SIZE_MAX;
    enum ner_type otype = NER_NONE;
    for (size_t i = 0; i <= s->n; i++) {
        enum ner_type t = i < s->n ? (enum ner_type)s->types[i] : NER_NONE;
        int begin = i < s->n ? s->begins[i] : 1;
        int cont = SIZE_MAX != open && t == otype && !begin;
        if (SIZE_MAX != open && !cont) {
            if (ns < max)
                spans[ns] = (struct ner_span){(uint32_t)open, (uint32_t)i, otype, 0};
            ns++;
            open = SIZE_MAX;
        }
        if (NER_NONE != t && !cont) {
            open = i;
            otype = t;
        }
    }
    return ns;
}


int
ner_sent_analyze(const struct txt_ctx *tx, struct lq_arena *arena, const struct ner_sent *s,
                 struct txt_doc *doc)
{
    memset(doc, 0, sizeof(*doc));
    struct txt_token *toks = lq_arena_calloc(arena, s->n ? s->n : 1, sizeof(*toks));
    struct txt_sentence *sent = lq_arena_calloc(arena, 1, sizeof(*sent));
    if (NULL == toks || NULL == sent)
        return LQ_ERR_NOMEM;
    uint32_t off = 0;
    for (size_t i = 0; i < s->n; i++) {
        int rc = txt_analyze_word(tx, arena, s->words[i], strlen(s->words[i]), &toks[i]);
        if (LQ_OK != rc)
            return rc;
        uint32_t len = toks[i].end - toks[i].start;
        toks[i].start += off;
        toks[i].end += off;
        toks[i].body_start += off;
        toks[i].sentence = 0;
        off += len + 1;
    }
    sent->start = 0;
    sent->end = off ? off - 1 : 0;
    sent->tok_begin = 0;
    sent->tok_end = (uint32_t)s->n;
    doc->tokens = toks;
    doc->ntokens = s->n;
    doc->sents = sent;
    doc->nsents = 1;
    doc->ncp = sent->end;
    return LQ_OK;
}

/* ------------------------------------------------------------------ scoring */

void
ner_score_add(struct ner_score *sc, const struct ner_span *gold, size_t ngold,
              const struct ner_span *pred, size_t npred)
{
    size_t g = 0, p = 0;
    for (size_t i = 0; i < ngold; i++)
        sc->fn[gold[i].type]++;
    for (size_t i = 0; i < npred; i++)
        sc->fp[pred[i].type]++;
    /* both lists are sorted by start and do not overlap */
    while (g < ngold && p < npred) {
        if (gold[g].tok_begin < pred[p].tok_begin) {
            g++;
        } else if (gold[g].tok_begin > pred[p].tok_begin) {
            p++;
        } else {
            if (gold[g].tok_end == pred[p].tok_end && gold[g].type == pred[p].type) {
                enum ner_type t = gold[g].type;
                sc->tp[t]++;
                sc->fn[t]--;
                sc->fp[t]--;
            }
            g++;
            p++;
        }
    }
}

static void
prf(const struct ner_score *sc, int type, double *p, double *r, double *f)
{
    long tp = 0, fp = 0, fn = 0;
    for (int t = 1; t < NER_NTYPES; t++) {
        if (type && t != type)
            continue;
        tp += sc->tp[t];
        fp += sc->fp[t];
        fn += sc->fn[t];
    }
    *p = tp + fp ? 100.0 * (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? 100.0 * (double)tp / (double)(tp + fn) : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

double
ner_score_f1(const struct ner_score *sc, int type)
{
    double p, r, f;
    prf(sc, type, &p, &r, &f);
    return f;
}

void
ner_score_print(const struct ner_score *sc, void *out)
{
    FILE *f = out;
    static const char *const names[NER_NTYPES] = {"micro", "PER", "ORG", "LOC"};
    fprintf(f, "%-6s %8s %8s %8s %7s %7s %7s\n", "type", "gold", "found", "correct", "P", "R",
            "F1");
    for (int t = 0; t < NER_NTYPES; t++) {
        long tp = 0, fp = 0, fn = 0;
        for (int u = 1; u < NER_NTYPES; u++) {
            if (t && u != t)
                continue;
            tp += sc->tp[u];
            fp += sc->fp[u];
            fn += sc->fn[u];
        }
        double p, r, f1;
        prf(sc, t, &p, &r, &f1);
        fprintf(f, "%-6s %8ld %8ld %8ld %7.2f %7.2f %7.2f\n", names[t], tp + fn, tp + fp, tp, p,
                r, f1);
    }
}

/* end of ner_corpus.c */
