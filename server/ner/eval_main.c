/* liqa-eval-ner: entity-level P/R/F1 of a model on a CoNLL file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "ner_internal.h"
#include "ner_tool.h"

static void
usage(void)
{
    fprintf(stderr, "usage: liqa-eval-ner --model MODEL [--lexicons DIR] --test TAGSET[+merge]:PATH\n"
                    "       [--sentences N] [--errors | --all] [--doc K [--no-stack]\n"
                    "       [--no-consistency]]\n"
                    "--doc K: groups of K consecutive sentences are tagged as one document\n"
                    "  by ner_tag_doc() (second stage, document consistency); default:\n"
                    "  ner_tag() per sentence. --no-stack leaves out the second stage,\n"
                    "  --no-consistency the consistency rules.\n"
                    "--errors prints the gold and found spans of sentences with errors, --all\n"
                    "of every sentence.\n"
                    "Scores exact spans of PER/ORG/LOC (conlleval semantics); the tag-set\n"
                    "mapping sends MISC and other classes to O.\n");
}

static void
print_span(const struct ner_sent *s, const struct ner_span *sp, const char *what)
{
    printf("  %s %s:", what, ner_type_name(sp->type));
    for (uint32_t i = sp->tok_begin; i < sp->tok_end; i++)
        printf(" %s", s->words[i]);
    printf("\n");
}

int
main(int argc, char **argv)
{
    const char *model = NULL, *lexdir = NULL, *test = NULL;
    size_t maxsent = SIZE_MAX, docsize = 0;
    int errors = 0;
    unsigned dflags = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (0 == strcmp(a, "--no-stack")) {
            dflags |= NER_DOC_NO_STACK;
            continue;
        }
        if (0 == strcmp(a, "--no-consistency")) {
            dflags |= NER_DOC_NO_CONSISTENCY;
            continue;
        }
        if (0 == strcmp(a, "--errors")) {
            errors = 1;
            continue;
        }
        if (0 == strcmp(a, "--all")) {
            errors = 2;
            continue;
        }
        if (i + 1 >= argc) {
            usage();
            return 2;
        }
        const char *v = argv[++i];
        if (0 == strcmp(a, "--model"))
            model = v;
        else if (0 == strcmp(a, "--lexicons"))
            lexdir = v;
        else if (0 == strcmp(a, "--test"))
            test = v;
        else if (0 == strcmp(a, "--sentences"))
            maxsent = strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--doc"))
            docsize = strtoul(v, NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (NULL == model || NULL == test) {
        usage();
        return 2;
    }
    int status = 1;
    struct lq_lexicons *lex = NULL;
    struct txt_ctx *tx = NULL;
    struct ner_model *m = NULL;
    struct ner_tagger *tg = NULL;
    struct lq_arena *arena = NULL;
    struct ner_corpus c = {0};
    struct ner_span *gs = NULL, *ps = NULL;
    char err[512];
    if (ner_tool_setup(lexdir, &lex, &tx))
        goto out;
    double t0 = ner_tool_now();
    int rc = ner_model_load(model, lex, &m, err, sizeof(err));
    if (LQ_OK != rc) {
        fprintf(stderr, "%s (%s)\n", err, lq_status_str(rc));
        goto out;
    }
    double tload = ner_tool_now() - t0;
    if (ner_tool_read(test, &c))
        goto out;
    tg = ner_tagger_new(m);
    arena = lq_arena_new(0);
    size_t maxn = 1;
    for (size_t s = 0; s < c.nsents; s++)
        if (c.sents[s].n > maxn)
            maxn = c.sents[s].n;
    gs = malloc(maxn * sizeof(*gs));
    ps = malloc(maxn * sizeof(*ps));
    if (NULL == tg || NULL == arena || NULL == gs || NULL == ps)
        goto nomem;
    struct ner_score sc;
    memset(&sc, 0, sizeof(sc));
    size_t ntok = 0, nsent = 0;
    double ttag = 0;
    size_t nuse = c.nsents < maxsent ? c.nsents : maxsent;
    size_t step = docsize ? docsize : 1;
    struct txt_doc *one = calloc(step, sizeof(*one));
    struct ner_span *dsp = NULL;
    size_t dspcap = 0;
    if (NULL == one)
        goto nomem;
    for (size_t s0 = 0; s0 < nuse; s0 += step) {
        size_t s1 = s0 + step < nuse ? s0 + step : nuse;
        lq_arena_reset(arena);
        /* one document of sentences s0..s1 */
        size_t total = 0;
        for (size_t s = s0; s < s1; s++) {
            if (LQ_OK != ner_sent_analyze(tx, arena, &c.sents[s], &one[s - s0]))
                goto nomem;
            total += c.sents[s].n;
        }
        struct txt_doc doc = one[0];
        if (s1 - s0 > 1) {
            doc.tokens = lq_arena_calloc(arena, total ? total : 1, sizeof(*doc.tokens));
            doc.sents = lq_arena_calloc(arena, s1 - s0, sizeof(*doc.sents));
            if (NULL == doc.tokens || NULL == doc.sents)
                goto nomem;
            size_t off = 0;
            for (size_t s = s0; s < s1; s++) {
                memcpy(doc.tokens + off, one[s - s0].tokens, c.sents[s].n * sizeof(*doc.tokens));
                doc.sents[s - s0] = (struct txt_sentence){0, 0, (uint32_t)off,
                                                          (uint32_t)(off + c.sents[s].n)};
                off += c.sents[s].n;
            }
            doc.ntokens = total;
            doc.nsents = s1 - s0;
        }
        if (dspcap < total + 1) {
            free(dsp);
            dspcap = total + 1;
            dsp = malloc(dspcap * sizeof(*dsp));
            if (NULL == dsp)
                goto nomem;
        }
        size_t np = 0;
        double t1 = ner_tool_now();
        int rc2 = docsize ? ner_tag_doc_ex(tg, &doc, dsp, dspcap, &np, dflags)
                          : ner_tag(tg, &doc, 0, doc.ntokens, dsp, dspcap, &np);
        if (LQ_OK != rc2)
            goto nomem;
        ttag += ner_tool_now() - t1;
        size_t k = 0, off = 0;
        for (size_t s = s0; s < s1; s++) {
            const struct ner_sent *se = &c.sents[s];
            size_t np1 = 0;
            while (k < np && dsp[k].tok_begin < off + se->n) {
                ps[np1] = dsp[k];
                ps[np1].tok_begin -= (uint32_t)off;
                ps[np1].tok_end -= (uint32_t)off;
                np1++;
                k++;
            }
            off += se->n;
            size_t ng = ner_sent_spans(se, gs, maxn);
            ner_score_add(&sc, gs, ng, ps, np1);
            ntok += se->n;
            nsent++;
            if (errors) {
                struct ner_score one1;
                memset(&one1, 0, sizeof(one1));
                ner_score_add(&one1, gs, ng, ps, np1);
                long bad = 0;
                for (int t = 1; t < NER_NTYPES; t++)
                    bad += one1.fp[t] + one1.fn[t];
                if (bad || 2 == errors) {
                    printf("sentence %zu:", s + 1);
                    for (size_t i = 0; i < se->n; i++)
                        printf(" %s", se->words[i]);
                    printf("\n");
                    for (size_t q = 0; q < ng; q++)
                        print_span(se, &gs[q], "gold");
                    for (size_t q = 0; q < np1; q++)
                        print_span(se, &ps[q], "pred");
                }
            }
        }
    }
    free(one);
    free(dsp);
    printf("model %s (loaded in %.1f ms)\n", ner_model_id(m), 1000 * tload);
    printf("test %s: %zu sentences, %zu tokens; tagging %.0f tokens/s\n", test, nsent, ntok,
           ttag > 0 ? (double)ntok / ttag : 0);
    ner_score_print(&sc, stdout);
    status = 0;
    goto out;
nomem:
    fprintf(stderr, "out of memory\n");
out:
    free(gs);
    free(ps);
    ner_corpus_clear(&c);
    lq_arena_free(arena);
    ner_tagger_free(tg);
    ner_model_free(m);
    txt_ctx_free(tx);
    lq_lexicons_free(lex);
    return status;
}

/* end of eval_main.c */
