/* liqa-eval-entities: exact-span P/R/F1 of the whole entity stage (the
 * tagger, the rules, coreference and consistency: ent_extract()) on a
 * pre-tokenised CoNLL corpus, scored like liqa-eval-ner scores the tagger.
 *
 * The corpus tokens of K sentences are joined into one text (tokens by a
 * space, sentences by a newline), which goes through the text layer and the
 * entity stage as a request would. Each mention is mapped back onto the
 * corpus tokens its code-point span overlaps (a mention excludes attached
 * proclitics, so one starting inside a token starts at that token), the
 * covered tokens make spans (one span per mention and sentence), and the
 * spans are scored against the gold ones: exact boundaries and type,
 * conlleval semantics, PER/ORG/LOC only. Not installed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa-config.h"
#include "liqa/arena.h"
#include "liqa/entity.h"
#include "liqa/ner.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

static void
usage(void)
{
    fprintf(stderr,
            "usage: liqa-eval-entities --test TAGSET:PATH [--lexicons DIR] [--model MODEL]\n"
            "       [--doc K] [--sentences N] [--tagger] [--errors | --all]\n"
            "Runs the text layer and the entity stage (ent_extract: tagger, rules,\n"
            "coreference) on the corpus and scores exact spans of PER/ORG/LOC with\n"
            "conlleval semantics (MISC and other classes are O).\n"
            "TAGSET: anercorp (PERS ORG LOC), fane (PER ORG, GPE LOC FAC as LOC),\n"
            "  aqmar (PER ORG LOC). The file holds token TAB tag lines, a blank line\n"
            "  after each sentence.\n"
            "--lexicons DIR  default: the source tree's config/lexicons\n"
            "--model MODEL   the tagger model; without it, rules and lexicons only\n"
            "--doc K         K consecutive sentences make one document (default 1)\n"
            "--sentences N   the first N sentences only\n"
            "--tagger        score the tagger alone (ner_tag_doc) on the same text\n"
            "                layer, instead of the entity stage\n"
            "--errors        print gold and found spans of sentences with errors,\n"
            "--all           of every sentence\n");
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ------------------------------------------------------------ the corpus */

enum tagset { TS_ANERCORP, TS_FANE, TS_AQMAR };

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

/* The type of an IOB2 tag (NER_NONE for O and unmapped classes); *begin
 * is 1 for a B- tag. */
static enum ner_type
map_tag(enum tagset ts, const char *tag, int *begin)
{
    *begin = 0;
    if (('B' != tag[0] && 'I' != tag[0]) || '-' != tag[1])
        return NER_NONE;
    const struct tagmap *m = TS_ANERCORP == ts ? map_anercorp : TS_FANE == ts ? map_fane
                                                                              : map_aqmar;
    for (; m->name; m++) {
        if (0 == strcmp(tag + 2, m->name)) {
            *begin = 'B' == tag[0];
            return m->type;
        }
    }
    return NER_NONE;
}

struct corpus {
    char **words;     /* ntok tokens, each malloc'ed */
    uint8_t *types;   /* enum ner_type of each token's tag */
    uint8_t *begins;  /* 1 for a B- tag */
    size_t ntok, tokcap;
    size_t *sent;     /* nsents + 1 entries: first token of each sentence */
    size_t nsents, sentcap;
};

static void
corpus_clear(struct corpus *c)
{
    for (size_t i = 0; i < c->ntok; i++)
        free(c->words[i]);
    free(c->words);
    free(c->types);
    free(c->begins);
    free(c->sent);
    memset(c, 0, sizeof(*c));
}

static int
corpus_push_token(struct corpus *c, const char *word, enum ner_type t, int begin)
{
    if (c->ntok == c->tokcap) {
        size_t nc = c->tokcap ? 2 * c->tokcap : 1024;
        char **w = realloc(c->words, nc * sizeof(*w));
        if (NULL == w)
            return LQ_ERR_NOMEM;
        c->words = w;
        uint8_t *ty = realloc(c->types, nc);
        if (NULL == ty)
            return LQ_ERR_NOMEM;
        c->types = ty;
        uint8_t *bg = realloc(c->begins, nc);
        if (NULL == bg)
            return LQ_ERR_NOMEM;
        c->begins = bg;
        c->tokcap = nc;
    }
    char *copy = strdup(word);
    if (NULL == copy)
        return LQ_ERR_NOMEM;
    c->words[c->ntok] = copy;
    c->types[c->ntok] = (uint8_t)t;
    c->begins[c->ntok] = (uint8_t)begin;
    c->ntok++;
    return LQ_OK;
}

/* Close the sentence that ends at the current token, if it has any. */
static int
corpus_end_sentence(struct corpus *c)
{
    size_t first = c->nsents ? c->sent[c->nsents] : 0;
    if (c->ntok == first)
        return LQ_OK;
    if (c->nsents + 2 > c->sentcap) {
        size_t nc = c->sentcap ? 2 * c->sentcap : 256;
        size_t *s = realloc(c->sent, nc * sizeof(*s));
        if (NULL == s)
            return LQ_ERR_NOMEM;
        c->sent = s;
        c->sentcap = nc;
    }
    c->sent[c->nsents] = first;
    c->sent[++c->nsents] = c->ntok;
    return LQ_OK;
}

/* Read "TAGSET:PATH". Prints its errors; 0 on success. */
static int
corpus_read(const char *spec, struct corpus *c)
{
    const char *colon = strchr(spec, ':');
    enum tagset ts;
    if (NULL == colon) {
        fprintf(stderr, "%s: expected TAGSET:PATH (anercorp, fane, aqmar)\n", spec);
        return 1;
    }
    size_t n = (size_t)(colon - spec);
    if (8 == n && 0 == memcmp(spec, "anercorp", 8)) {
        ts = TS_ANERCORP;
    } else if (4 == n && 0 == memcmp(spec, "fane", 4)) {
        ts = TS_FANE;
    } else if (5 == n && 0 == memcmp(spec, "aqmar", 5)) {
        ts = TS_AQMAR;
    } else {
        fprintf(stderr, "%s: unknown tag set (anercorp, fane, aqmar)\n", spec);
        return 1;
    }
    const char *path = colon + 1;
    FILE *f = fopen(path, "r");
    if (NULL == f) {
        perror(path);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int status = 1;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && ('\n' == line[len - 1] || '\r' == line[len - 1]))
            line[--len] = '\0';
        if (0 == line[strspn(line, " \t")]) {
            if (LQ_OK != corpus_end_sentence(c))
                goto nomem;
            continue;
        }
        /* split on the TAB: a token may hold a space */
        char *tab = strchr(line, '\t');
        if (NULL == tab) {
            fprintf(stderr, "%s:%zu: no TAB between token and tag\n", path, lineno);
            goto out;
        }
        *tab = '\0';
        if ('\0' == line[0])
            continue;
        int begin;
        enum ner_type t = map_tag(ts, tab + 1 + strspn(tab + 1, " \t"), &begin);
        if (LQ_OK != corpus_push_token(c, line, t, begin))
            goto nomem;
    }
    if (LQ_OK != corpus_end_sentence(c))
        goto nomem;
    status = 0;
    goto out;
nomem:
    fprintf(stderr, "%s: out of memory\n", path);
out:
    free(line);
    fclose(f);
    return status;
}

/* ------------------------------------------------------------ spans, scores */

/* A span of corpus tokens [b, e) of one sentence (global token indexes). */
struct span {
    size_t b, e;
    enum ner_type type;
    unsigned source; /* enum ent_source bits of the mention (found spans) */
};

/* Gold spans of tokens [t0, t1): a span starts at a B- tag, or at an I- tag
 * that does not continue an open span of its type (conlleval). */
static size_t
gold_spans(const struct corpus *c, size_t t0, size_t t1, struct span *out)
{
    size_t n = 0, open = SIZE_MAX;
    enum ner_type otype = NER_NONE;
    for (size_t i = t0; i <= t1; i++) {
        enum ner_type t = i < t1 ? (enum ner_type)c->types[i] : NER_NONE;
        int begin = i < t1 ? c->begins[i] : 1;
        int cont = SIZE_MAX != open && t == otype && !begin;
        if (SIZE_MAX != open && !cont) {
            out[n++] = (struct span){open, i, otype, 0};
            open = SIZE_MAX;
        }
        if (NER_NONE != t && !cont) {
            open = i;
            otype = t;
        }
    }
    return n;
}

struct score {
    long tp[NER_NTYPES], fp[NER_NTYPES], fn[NER_NTYPES];
    /* found spans by the source bits of their mention */
    long src_found[16], src_correct[16];
    /* errors: a gold span found with other boundaries (same type), of
     * another type (same boundaries), overlapped only by another type,
     * not touched at all; a found span that touches no gold span */
    long boundary, wrong_type, overlap_other, missed, spurious;
};

static int
overlaps(const struct span *a, const struct span *b)
{
    return a->b < b->e && b->b < a->e;
}

/* Score one sentence: both lists are sorted by start and do not overlap.
 * @p ok receives, for each found span, whether it is correct. */
static void
score_add(struct score *sc, const struct span *gold, size_t ng, const struct span *pred,
          size_t np, uint8_t *ok)
{
    for (size_t i = 0; i < ng; i++)
        sc->fn[gold[i].type]++;
    for (size_t i = 0; i < np; i++) {
        sc->fp[pred[i].type]++;
        sc->src_found[pred[i].source & 15]++;
        ok[i] = 0;
    }
    size_t g = 0, p = 0;
    while (g < ng && p < np) {
        if (gold[g].b < pred[p].b) {
            g++;
        } else if (gold[g].b > pred[p].b) {
            p++;
        } else {
            if (gold[g].e == pred[p].e && gold[g].type == pred[p].type) {
                enum ner_type t = gold[g].type;
                sc->tp[t]++;
                sc->fn[t]--;
                sc->fp[t]--;
                sc->src_correct[pred[p].source & 15]++;
                ok[p] = 1;
            }
            g++;
            p++;
        }
    }
    /* the kinds of errors; the window of found spans that can overlap a
     * gold span moves forward only, so this is linear */
    size_t lo = 0;
    for (size_t i = 0; i < ng; i++) {
        while (lo < np && pred[lo].e <= gold[i].b)
            lo++;
        int exact = 0, same = 0, other = 0;
        for (size_t k = lo; k < np && pred[k].b < gold[i].e; k++) {
            if (pred[k].b == gold[i].b && pred[k].e == gold[i].e)
                exact = pred[k].type == gold[i].type ? 2 : 1;
            else if (pred[k].type == gold[i].type)
                same = 1;
            else
                other = 1;
        }
        if (2 == exact)
            continue;
        if (1 == exact)
            sc->wrong_type++;
        else if (same)
            sc->boundary++;
        else if (other)
            sc->overlap_other++;
        else
            sc->missed++;
    }
    lo = 0;
    for (size_t k = 0; k < np; k++) {
        while (lo < ng && gold[lo].e <= pred[k].b)
            lo++;
        if (!(lo < ng && overlaps(&gold[lo], &pred[k])))
            sc->spurious++;
    }
}

static void
prf(const struct score *sc, int type, long *gold, long *found, long *correct, double *p,
    double *r, double *f)
{
    long tp = 0, fp = 0, fn = 0;
    for (int t = 1; t < NER_NTYPES; t++) {
        if (type && t != type)
            continue;
        tp += sc->tp[t];
        fp += sc->fp[t];
        fn += sc->fn[t];
    }
    *gold = tp + fn;
    *found = tp + fp;
    *correct = tp;
    *p = tp + fp ? 100.0 * (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? 100.0 * (double)tp / (double)(tp + fn) : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void
score_print(const struct score *sc)
{
    static const char *const names[NER_NTYPES] = {"micro", "PER", "ORG", "LOC"};
    printf("%-6s %8s %8s %8s %7s %7s %7s\n", "type", "gold", "found", "correct", "P", "R", "F1");
    for (int t = 0; t < NER_NTYPES; t++) {
        long g, fo, c;
        double p, r, f1;
        prf(sc, t, &g, &fo, &c, &p, &r, &f1);
        printf("%-6s %8ld %8ld %8ld %7.2f %7.2f %7.2f\n", names[t], g, fo, c, p, r, f1);
    }
    printf("errors: %ld gold spans found with other boundaries, %ld with another type, %ld "
           "overlapped only by another type, %ld missed; %ld found spans touch no gold span\n",
           sc->boundary, sc->wrong_type, sc->overlap_other, sc->missed, sc->spurious);
    printf("found spans by source (found, correct, P):\n");
    for (unsigned s = 0; s < 16; s++) {
        if (0 == sc->src_found[s])
            continue;
        char name[64] = "";
        static const char *const bit[4] = {"tagger", "rule", "lexicon", "coref"};
        for (unsigned b = 0; b < 4; b++) {
            if (s & (1u << b)) {
                if (name[0])
                    strcat(name, "+");
                strcat(name, bit[b]);
            }
        }
        if (0 == s)
            strcpy(name, "none");
        printf("  %-28s %6ld %6ld %7.2f\n", name, sc->src_found[s], sc->src_correct[s],
               100.0 * (double)sc->src_correct[s] / (double)sc->src_found[s]);
    }
}

/* ------------------------------------------------------------ the run */

/* A found entity: code point range in the document text, and the range of
 * text-layer tokens. */
struct found {
    uint32_t start, end;
    uint32_t tok_begin, tok_end;
    enum ner_type type;
    unsigned source;
};

struct align {
    long exact;       /* corpus tokens that are exactly one text-layer token */
    long split;       /* corpus tokens cut into several text-layer tokens */
    long narrower;    /* one text-layer token, shorter than the corpus token */
    long none;        /* corpus tokens holding no text-layer token */
    long split_gold;  /* of the not-exact ones, inside a gold span */
    long text_sents;  /* sentences of the text layer */
    long cross;       /* mentions over two corpus sentences (split for scoring) */
    long edge_inside; /* mentions starting or ending inside a corpus token, past
                         its proclitics */
    long mentions;    /* mentions (or tagger spans) in all */
};

struct eval {
    const struct corpus *c;
    const struct txt_ctx *txt;
    struct txt_scratch *scratch;
    const struct ent_ctx *ent;
    struct ner_tagger *tagger;
    struct lq_arena *arena;
    int tagger_only;
    int errors;
    /* per corpus token: code point range in its document's text, and the
     * found entity covering it (index into the document's list) or -1 */
    uint32_t *cs, *ce;
    int32_t *owner;
    struct span *gs, *ps; /* one sentence's spans */
    uint8_t *ok;
    char *buf;
    size_t bufcap;
    struct score sc;
    struct align al;
    double seconds;
};

static const char *
type_name(enum ner_type t)
{
    return NER_PER == t ? "PER" : NER_ORG == t ? "ORG" : NER_LOC == t ? "LOC" : "O";
}

static void
print_span(const struct eval *ev, const struct span *sp, const char *what, int ok)
{
    printf("  %s%s %s:", what, ok ? "" : " *", type_name(sp->type));
    for (size_t i = sp->b; i < sp->e; i++)
        printf(" %s", ev->c->words[i]);
    if (sp->source) {
        printf("  [");
        static const char *const bit[4] = {"tagger", "rule", "lexicon", "coref"};
        int first = 1;
        for (unsigned b = 0; b < 4; b++) {
            if (sp->source & (1u << b)) {
                printf("%s%s", first ? "" : "+", bit[b]);
                first = 0;
            }
        }
        printf("]");
    }
    printf("\n");
}

static int
buf_put(struct eval *ev, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > ev->bufcap) {
        size_t nc = ev->bufcap ? ev->bufcap : 4096;
        while (nc < *len + n + 1)
            nc *= 2;
        char *nb = realloc(ev->buf, nc);
        if (NULL == nb)
            return LQ_ERR_NOMEM;
        ev->buf = nb;
        ev->bufcap = nc;
    }
    memcpy(ev->buf + *len, s, n);
    *len += n;
    ev->buf[*len] = '\0';
    return LQ_OK;
}

static uint32_t
count_cp(const char *s, size_t n)
{
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += 0x80 != ((unsigned char)s[i] & 0xC0);
    return k;
}

/* The found entities of one document, in text order. */
static int
find(struct eval *ev, const struct txt_doc *doc, struct found **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (ev->tagger_only) {
        if (NULL == ev->tagger || 0 == doc->ntokens)
            return LQ_OK;
        struct ner_span *sp = lq_arena_alloc(ev->arena, doc->ntokens * sizeof(*sp));
        struct found *f = lq_arena_alloc(ev->arena, doc->ntokens * sizeof(*f));
        if (NULL == sp || NULL == f)
            return LQ_ERR_NOMEM;
        size_t n = 0;
        int rc = ner_tag_doc(ev->tagger, doc, sp, doc->ntokens, &n);
        if (LQ_OK != rc)
            return rc;
        if (n > doc->ntokens)
            n = doc->ntokens;
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (sp[i].type < NER_PER || sp[i].type > NER_LOC || sp[i].tok_begin >= sp[i].tok_end)
                continue;
            f[k++] = (struct found){doc->tokens[sp[i].tok_begin].body_start,
                                    doc->tokens[sp[i].tok_end - 1].end, sp[i].tok_begin,
                                    sp[i].tok_end, sp[i].type, ENT_SRC_TAGGER};
        }
        *out = f;
        *nout = k;
        return LQ_OK;
    }
    struct ent_result res;
    int rc = ent_extract(ev->ent, ev->tagger, doc, ev->arena, &res);
    if (LQ_OK != rc)
        return rc;
    struct found *f = lq_arena_alloc(ev->arena, (res.nmentions ? res.nmentions : 1) * sizeof(*f));
    if (NULL == f)
        return LQ_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < res.nmentions; i++) {
        const struct ent_mention *m = &res.mentions[i];
        if (m->type < NER_PER || m->type > NER_LOC || m->start >= m->end)
            continue;
        f[k++] = (struct found){m->start, m->end, m->tok_begin, m->tok_end, m->type, m->source};
    }
    *out = f;
    *nout = k;
    return LQ_OK;
}

/* First corpus token of [t0, t1) whose range ends after @p cp. */
static size_t
first_after(const struct eval *ev, size_t t0, size_t t1, uint32_t cp)
{
    while (t0 < t1) {
        size_t mid = t0 + (t1 - t0) / 2;
        if (ev->ce[mid] > cp)
            t1 = mid;
        else
            t0 = mid + 1;
    }
    return t0;
}

/* Evaluate the document of sentences [s0, s1). */
static int
eval_doc(struct eval *ev, size_t s0, size_t s1)
{
    const struct corpus *c = ev->c;
    size_t t0 = c->sent[s0], t1 = c->sent[s1];
    size_t len = 0;
    uint32_t cp = 0;
    int rc;
    if (LQ_OK != (rc = buf_put(ev, &len, "", 0)))
        return rc;
    for (size_t s = s0; s < s1; s++) {
        for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++) {
            if (i > t0) {
                const char *sep = i == c->sent[s] ? "\n" : " ";
                if (LQ_OK != (rc = buf_put(ev, &len, sep, 1)))
                    return rc;
                cp++;
            }
            size_t n = strlen(c->words[i]);
            if (LQ_OK != (rc = buf_put(ev, &len, c->words[i], n)))
                return rc;
            ev->cs[i] = cp;
            cp += count_cp(c->words[i], n);
            ev->ce[i] = cp;
            ev->owner[i] = -1;
        }
    }
    lq_arena_reset(ev->arena);
    double ta = now();
    size_t bad = 0;
    struct txt_doc *doc = NULL;
    rc = txt_analyze(ev->txt, ev->scratch, ev->arena, ev->buf, len, &bad, &doc);
    if (LQ_ERR_UTF8 == rc) {
        fprintf(stderr, "sentence %zu: invalid UTF-8 at byte %zu of its document\n", s0 + 1,
                bad);
        return rc;
    }
    if (LQ_OK != rc)
        return rc;
    struct found *f;
    size_t nf;
    if (LQ_OK != (rc = find(ev, doc, &f, &nf)))
        return rc;
    ev->seconds += now() - ta;

    /* alignment of the corpus tokens with the text layer's */
    ev->al.text_sents += (long)doc->nsents;
    size_t tt = 0;
    for (size_t i = t0; i < t1; i++) {
        while (tt < doc->ntokens && doc->tokens[tt].end <= ev->cs[i])
            tt++;
        size_t k = tt, inside = 0;
        for (; k < doc->ntokens && doc->tokens[k].start < ev->ce[i]; k++)
            inside++;
        int gold = NER_NONE != c->types[i];
        if (1 == inside && doc->tokens[tt].start == ev->cs[i] && doc->tokens[tt].end == ev->ce[i]) {
            ev->al.exact++;
            continue;
        }
        if (0 == inside)
            ev->al.none++;
        else if (1 == inside)
            ev->al.narrower++;
        else
            ev->al.split++;
        ev->al.split_gold += gold;
    }

    /* each corpus token goes to the first found entity that overlaps it */
    ev->al.mentions += (long)nf;
    for (size_t k = 0; k < nf; k++) {
        size_t i = first_after(ev, t0, t1, f[k].start);
        size_t first = i, last = i;
        for (; i < t1 && ev->cs[i] < f[k].end; i++) {
            if (ev->owner[i] < 0)
                ev->owner[i] = (int32_t)k;
            last = i;
        }
        if (first >= t1 || ev->cs[first] >= f[k].end)
            continue; /* on no corpus token (cannot happen: no token is blank) */
        if (doc->tokens[f[k].tok_begin].start != ev->cs[first] ||
            doc->tokens[f[k].tok_end - 1].end != ev->ce[last])
            ev->al.edge_inside++;
        size_t s = s0;
        while (s + 1 < s1 && c->sent[s + 1] <= first)
            s++;
        if (c->sent[s + 1] <= last)
            ev->al.cross++;
    }

    /* spans, sentence by sentence */
    for (size_t s = s0; s < s1; s++) {
        size_t a = c->sent[s], b = c->sent[s + 1];
        size_t ng = gold_spans(c, a, b, ev->gs);
        size_t np = 0;
        for (size_t i = a; i < b;) {
            int32_t o = ev->owner[i];
            size_t j = i + 1;
            while (j < b && ev->owner[j] == o)
                j++;
            if (o >= 0)
                ev->ps[np++] = (struct span){i, j, f[o].type, f[o].source};
            i = j;
        }
        score_add(&ev->sc, ev->gs, ng, ev->ps, np, ev->ok);
        if (ev->errors) {
            int bad1 = ng != np;
            for (size_t k = 0; k < np && !bad1; k++)
                bad1 = !ev->ok[k];
            if (bad1 || 2 == ev->errors) {
                printf("sentence %zu:", s + 1);
                for (size_t i = a; i < b; i++)
                    printf(" %s", c->words[i]);
                printf("\n");
                size_t k = 0;
                for (size_t q = 0; q < ng; q++) {
                    while (k < np && ev->ps[k].b < ev->gs[q].b)
                        k++;
                    int hit = k < np && ev->ok[k] && ev->ps[k].b == ev->gs[q].b;
                    print_span(ev, &ev->gs[q], "gold", hit);
                }
                for (size_t q = 0; q < np; q++)
                    print_span(ev, &ev->ps[q], "pred", ev->ok[q]);
            }
        }
    }
    return LQ_OK;
}

int
main(int argc, char **argv)
{
    const char *model = NULL, *lexdir = LIQA_SOURCE_DIR "/config/lexicons", *test = NULL;
    size_t maxsent = SIZE_MAX, docsize = 1;
    int errors = 0, tagger_only = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (0 == strcmp(a, "--errors")) {
            errors = 1;
            continue;
        }
        if (0 == strcmp(a, "--all")) {
            errors = 2;
            continue;
        }
        if (0 == strcmp(a, "--tagger")) {
            tagger_only = 1;
            continue;
        }
        if (0 == strcmp(a, "--help") || 0 == strcmp(a, "-h")) {
            usage();
            return 0;
        }
        if (i + 1 >= argc) {
            usage();
            return 2;
        }
        const char *v = argv[++i];
        char *end = NULL;
        if (0 == strcmp(a, "--model")) {
            model = v;
        } else if (0 == strcmp(a, "--lexicons")) {
            lexdir = v;
        } else if (0 == strcmp(a, "--test")) {
            test = v;
        } else if (0 == strcmp(a, "--sentences")) {
            maxsent = strtoul(v, &end, 10);
            if (end == v || *end) {
                usage();
                return 2;
            }
        } else if (0 == strcmp(a, "--doc")) {
            docsize = strtoul(v, &end, 10);
            if (end == v || *end || 0 == docsize) {
                usage();
                return 2;
            }
        } else {
            usage();
            return 2;
        }
    }
    if (NULL == test || (tagger_only && NULL == model)) {
        usage();
        return 2;
    }
    int status = 1;
    char err[512] = "";
    struct corpus c = {0};
    struct lq_lexicons *lex = NULL;
    struct txt_ctx *txt = NULL;
    struct ner_model *m = NULL;
    struct ent_ctx *ent = NULL;
    struct eval ev;
    memset(&ev, 0, sizeof(ev));
    double t0 = now();
    int rc = lq_lexicons_load(lexdir, &lex, err, sizeof(err));
    if (LQ_OK != rc) {
        fprintf(stderr, "lexicons: %s (%s)\n", err, lq_status_str(rc));
        goto out;
    }
    if (LQ_OK != (rc = txt_ctx_new(lex->protect, lex->known, &txt))) {
        fprintf(stderr, "text layer: %s\n", lq_status_str(rc));
        goto out;
    }
    if (model && LQ_OK != (rc = ner_model_load(model, lex, &m, err, sizeof(err)))) {
        fprintf(stderr, "%s (%s)\n", err, lq_status_str(rc));
        goto out;
    }
    if (LQ_OK != (rc = ent_ctx_new(lex, m, &ent))) {
        fprintf(stderr, "entity stage: %s\n", lq_status_str(rc));
        goto out;
    }
    double tload = now() - t0;
    if (corpus_read(test, &c))
        goto out;
    size_t nsent = c.nsents < maxsent ? c.nsents : maxsent;
    size_t ntok = nsent ? c.sent[nsent] : 0;
    ev.c = &c;
    ev.txt = txt;
    ev.ent = ent;
    ev.tagger_only = tagger_only;
    ev.errors = errors;
    ev.scratch = txt_scratch_new(txt);
    ev.arena = lq_arena_new(0);
    ev.tagger = m ? ner_tagger_new(m) : NULL;
    size_t cap = c.ntok ? c.ntok : 1;
    ev.cs = malloc(cap * sizeof(*ev.cs));
    ev.ce = malloc(cap * sizeof(*ev.ce));
    ev.owner = malloc(cap * sizeof(*ev.owner));
    ev.gs = malloc(cap * sizeof(*ev.gs));
    ev.ps = malloc(cap * sizeof(*ev.ps));
    ev.ok = malloc(cap);
    if (NULL == ev.scratch || NULL == ev.arena || (m && NULL == ev.tagger) || NULL == ev.cs ||
        NULL == ev.ce || NULL == ev.owner || NULL == ev.gs || NULL == ev.ps || NULL == ev.ok) {
        fprintf(stderr, "out of memory\n");
        goto out;
    }
    size_t ndocs = 0;
    for (size_t s0 = 0; s0 < nsent; s0 += docsize) {
        size_t s1 = s0 + docsize < nsent ? s0 + docsize : nsent;
        if (LQ_OK != (rc = eval_doc(&ev, s0, s1))) {
            fprintf(stderr, "sentences %zu-%zu: %s\n", s0 + 1, s1, lq_status_str(rc));
            goto out;
        }
        ndocs++;
    }
    printf("%s; lexicons %s; model %s (set-up %.0f ms)\n",
           tagger_only ? "tagger alone (ner_tag_doc) on the text layer"
                       : "entity stage (ent_extract)",
           lexdir, m ? ner_model_id(m) : "none: rules and lexicons only", 1000 * tload);
    printf("test %s: %zu sentences, %zu tokens, %zu documents of up to %zu sentences; "
           "%.0f tokens/s (%.2f s in txt_analyze + %s)\n",
           test, nsent, ntok, ndocs, docsize, ev.seconds > 0 ? (double)ntok / ev.seconds : 0,
           ev.seconds, tagger_only ? "ner_tag_doc" : "ent_extract");
    printf("alignment: %ld corpus tokens are one text-layer token, %ld are cut into several, "
           "%ld are wider than their one token, %ld hold none (%ld of these %ld inside gold "
           "spans); %ld text-layer sentences for %zu corpus sentences; %ld found entities, "
           "%ld with an edge inside a corpus token, %ld over two corpus sentences\n",
           ev.al.exact, ev.al.split, ev.al.narrower, ev.al.none, ev.al.split_gold,
           ev.al.split + ev.al.narrower + ev.al.none, ev.al.text_sents, nsent, ev.al.mentions,
           ev.al.edge_inside, ev.al.cross);
    score_print(&ev.sc);
    status = 0;
out:
    free(ev.cs);
    free(ev.ce);
    free(ev.owner);
    free(ev.gs);
    free(ev.ps);
    free(ev.ok);
    free(ev.buf);
    ner_tagger_free(ev.tagger);
    lq_arena_free(ev.arena);
    txt_scratch_free(ev.scratch);
    corpus_clear(&c);
    ent_ctx_free(ent);
    ner_model_free(m);
    txt_ctx_free(txt);
    lq_lexicons_free(lex);
    return status;
}

/* end of eval_entities.c */
