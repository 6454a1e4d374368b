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
#include "liqa/ner_corpus.h"
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

/* Read "TAGSET:PATH" or "TAGSET+merge:PATH" (ner_corpus_read_spec()).
 * Prints its errors; 0 on success. */
static int
corpus_read(const char *spec, struct ner_corpus *c)
{
    char err[512] = "";
    int rc = ner_corpus_read_spec(spec, c, err, sizeof(err));
    if (LQ_OK != rc) {
        fprintf(stderr, "%s (%s)\n", err, lq_status_str(rc));
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ scores */

/* The counts of ner_score_add(), and what this tool adds to them. */
struct score {
    struct ner_score ner;
    /* found spans by the source bits of their mention */
    long src_found[16], src_correct[16];
    /* errors: a gold span found with other boundaries (same type), of
     * another type (same boundaries), overlapped only by another type,
     * not touched at all; a found span that touches no gold span */
    long boundary, wrong_type, overlap_other, missed, spurious;
};

static int
overlaps(const struct ner_span *a, const struct ner_span *b)
{
    return a->tok_begin < b->tok_end && b->tok_begin < a->tok_end;
}

/* Score one sentence: both lists are sorted by start and do not overlap;
 * @p src holds the source bits of each found span. @p ok receives, for
 * each found span, whether it is correct. */
static void
score_add(struct score *sc, const struct ner_span *gold, size_t ng, const struct ner_span *pred,
          const unsigned *src, size_t np, uint8_t *ok)
{
    ner_score_add(&sc->ner, gold, ng, pred, np);
    for (size_t k = 0; k < np; k++) {
        sc->src_found[src[k] & 15]++;
        ok[k] = 0;
    }
    /* the kinds of errors; the window of found spans that can overlap a
     * gold span moves forward only, so this is linear */
    size_t lo = 0;
    for (size_t i = 0; i < ng; i++) {
        while (lo < np && pred[lo].tok_end <= gold[i].tok_begin)
            lo++;
        int exact = 0, same = 0, other = 0;
        for (size_t k = lo; k < np && pred[k].tok_begin < gold[i].tok_end; k++) {
            if (pred[k].tok_begin == gold[i].tok_begin && pred[k].tok_end == gold[i].tok_end) {
                exact = pred[k].type == gold[i].type ? 2 : 1;
                if (2 == exact) {
                    ok[k] = 1;
                    sc->src_correct[src[k] & 15]++;
                }
            } else if (pred[k].type == gold[i].type) {
                same = 1;
            } else {
                other = 1;
            }
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
        while (lo < ng && gold[lo].tok_end <= pred[k].tok_begin)
            lo++;
        if (!(lo < ng && overlaps(&gold[lo], &pred[k])))
            sc->spurious++;
    }
}

/* The source bits @p s as "tagger+rule..." ("" for none) into @p name. */
static void
source_name(unsigned s, char name[64])
{
    static const char *const bit[4] = {"tagger", "rule", "lexicon", "coref"};
    name[0] = '\0';
    for (unsigned b = 0; b < 4; b++) {
        if (s & (1u << b)) {
            if (name[0])
                strcat(name, "+");
            strcat(name, bit[b]);
        }
    }
}

static void
score_print(const struct score *sc)
{
    ner_score_print(&sc->ner, stdout);
    printf("errors: %ld gold spans found with other boundaries, %ld with another type, %ld "
           "overlapped only by another type, %ld missed; %ld found spans touch no gold span\n",
           sc->boundary, sc->wrong_type, sc->overlap_other, sc->missed, sc->spurious);
    printf("found spans by source (found, correct, P):\n");
    for (unsigned s = 0; s < 16; s++) {
        if (0 == sc->src_found[s])
            continue;
        char name[64];
        source_name(s, name);
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
    const struct ner_corpus *c;
    size_t *first; /* nsents + 1 entries: global index of each sentence's first token */
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
    /* one sentence's spans (its token indexes), the source bits of the
     * found ones and whether they are correct */
    struct ner_span *gs, *ps;
    unsigned *src;
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

/* A span of sentence @p se; @p source: its mention's source bits (0 for gold). */
static void
print_span(const struct ner_sent *se, const struct ner_span *sp, unsigned source,
           const char *what, int ok)
{
    printf("  %s%s %s:", what, ok ? "" : " *", type_name(sp->type));
    for (size_t i = sp->tok_begin; i < sp->tok_end; i++)
        printf(" %s", se->words[i]);
    if (source) {
        char name[64];
        source_name(source, name);
        printf("  [%s]", name);
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
    const struct ner_corpus *c = ev->c;
    const size_t *first_tok = ev->first;
    size_t t0 = first_tok[s0], t1 = first_tok[s1];
    size_t len = 0;
    uint32_t cp = 0;
    int rc;
    if (LQ_OK != (rc = buf_put(ev, &len, "", 0)))
        return rc;
    for (size_t s = s0; s < s1; s++) {
        const struct ner_sent *se = &c->sents[s];
        for (size_t j = 0; j < se->n; j++) {
            size_t i = first_tok[s] + j;
            if (i > t0) {
                const char *sep = 0 == j ? "\n" : " ";
                if (LQ_OK != (rc = buf_put(ev, &len, sep, 1)))
                    return rc;
                cp++;
            }
            size_t n = strlen(se->words[j]);
            if (LQ_OK != (rc = buf_put(ev, &len, se->words[j], n)))
                return rc;
            ev->cs[i] = cp;
            cp += count_cp(se->words[j], n);
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
    for (size_t s = s0; s < s1; s++) {
        for (size_t j = 0; j < c->sents[s].n; j++) {
            size_t i = first_tok[s] + j;
            while (tt < doc->ntokens && doc->tokens[tt].end <= ev->cs[i])
                tt++;
            size_t k = tt, inside = 0;
            for (; k < doc->ntokens && doc->tokens[k].start < ev->ce[i]; k++)
                inside++;
            int gold = NER_NONE != c->sents[s].types[j];
            if (1 == inside && doc->tokens[tt].start == ev->cs[i] &&
                doc->tokens[tt].end == ev->ce[i]) {
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
        while (s + 1 < s1 && first_tok[s + 1] <= first)
            s++;
        if (first_tok[s + 1] <= last)
            ev->al.cross++;
    }

    /* spans, sentence by sentence */
    for (size_t s = s0; s < s1; s++) {
        const struct ner_sent *se = &c->sents[s];
        size_t a = first_tok[s], b = first_tok[s + 1];
        size_t ng = ner_sent_spans(se, ev->gs, se->n);
        size_t np = 0;
        for (size_t i = a; i < b;) {
            int32_t o = ev->owner[i];
            size_t j = i + 1;
            while (j < b && ev->owner[j] == o)
                j++;
            if (o >= 0) {
                ev->ps[np] = (struct ner_span){(uint32_t)(i - a), (uint32_t)(j - a), f[o].type, 0};
                ev->src[np++] = f[o].source;
            }
            i = j;
        }
        score_add(&ev->sc, ev->gs, ng, ev->ps, ev->src, np, ev->ok);
        if (ev->errors) {
            int bad1 = ng != np;
            for (size_t k = 0; k < np && !bad1; k++)
                bad1 = !ev->ok[k];
            if (bad1 || 2 == ev->errors) {
                printf("sentence %zu:", s + 1);
                for (size_t i = 0; i < se->n; i++)
                    printf(" %s", se->words[i]);
                printf("\n");
                size_t k = 0;
                for (size_t q = 0; q < ng; q++) {
                    while (k < np && ev->ps[k].tok_begin < ev->gs[q].tok_begin)
                        k++;
                    int hit = k < np && ev->ok[k] && ev->ps[k].tok_begin == ev->gs[q].tok_begin;
                    print_span(se, &ev->gs[q], 0, "gold", hit);
                }
                for (size_t q = 0; q < np; q++)
                    print_span(se, &ev->ps[q], ev->src[q], "pred", ev->ok[q]);
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
    struct ner_corpus c = {0};
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
    ev.first = malloc((c.nsents + 1) * sizeof(*ev.first));
    if (NULL == ev.first) {
        fprintf(stderr, "out of memory\n");
        goto out;
    }
    size_t maxn = 1;
    ev.first[0] = 0;
    for (size_t s = 0; s < c.nsents; s++) {
        ev.first[s + 1] = ev.first[s] + c.sents[s].n;
        if (c.sents[s].n > maxn)
            maxn = c.sents[s].n;
    }
    size_t nsent = c.nsents < maxsent ? c.nsents : maxsent;
    size_t ntok = ev.first[nsent];
    ev.c = &c;
    ev.txt = txt;
    ev.ent = ent;
    ev.tagger_only = tagger_only;
    ev.errors = errors;
    ev.scratch = txt_scratch_new(txt);
    ev.arena = lq_arena_new(0);
    ev.tagger = m ? ner_tagger_new(m) : NULL;
    size_t cap = ev.first[c.nsents] ? ev.first[c.nsents] : 1;
    ev.cs = malloc(cap * sizeof(*ev.cs));
    ev.ce = malloc(cap * sizeof(*ev.ce));
    ev.owner = malloc(cap * sizeof(*ev.owner));
    ev.gs = malloc(maxn * sizeof(*ev.gs));
    ev.ps = malloc(maxn * sizeof(*ev.ps));
    ev.src = malloc(maxn * sizeof(*ev.src));
    ev.ok = malloc(maxn);
    if (NULL == ev.scratch || NULL == ev.arena || (m && NULL == ev.tagger) || NULL == ev.cs ||
        NULL == ev.ce || NULL == ev.owner || NULL == ev.gs || NULL == ev.ps || NULL == ev.src ||
        NULL == ev.ok) {
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
    free(ev.src);
    free(ev.ok);
    free(ev.first);
    free(ev.buf);
    ner_tagger_free(ev.tagger);
    lq_arena_free(ev.arena);
    txt_scratch_free(ev.scratch);
    ner_corpus_clear(&c);
    ent_ctx_free(ent);
    ner_model_free(m);
    txt_ctx_free(txt);
    lq_lexicons_free(lex);
    return status;
}

/* end of eval_entities.c */
