/* liqa-bench-ner: tokens per second of ner_tag() on running text, and the
 * model's load time. The corpus words are joined into plain text (one
 * sentence a line) and analysed by txt_analyze(), as the pipeline does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "ner_internal.h"
#include "ner_tool.h"

static double
cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int
main(int argc, char **argv)
{
    const char *model = NULL, *lexdir = NULL, *text = NULL;
    unsigned repeat = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (0 == strcmp(argv[i], "--model"))
            model = argv[i + 1];
        else if (0 == strcmp(argv[i], "--lexicons"))
            lexdir = argv[i + 1];
        else if (0 == strcmp(argv[i], "--text"))
            text = argv[i + 1];
        else if (0 == strcmp(argv[i], "--repeat"))
            repeat = (unsigned)strtoul(argv[i + 1], NULL, 10);
    }
    if (NULL == model || NULL == text) {
        fprintf(stderr, "usage: liqa-bench-ner --model MODEL [--lexicons DIR] --text TAGSET:PATH"
                        " [--repeat N]\n");
        return 2;
    }
    int status = 1;
    struct lq_lexicons *lex = NULL;
    struct txt_ctx *tx = NULL;
    struct txt_scratch *scr = NULL;
    struct ner_model *m = NULL;
    struct ner_tagger *tg = NULL;
    struct lq_arena *arena = NULL;
    struct ner_corpus c = {0};
    char *buf = NULL;
    struct ner_span *spans = NULL;
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
    if (ner_tool_read(text, &c))
        goto out;
    size_t len = 0;
    for (size_t s = 0; s < c.nsents; s++)
        for (size_t i = 0; i < c.sents[s].n; i++)
            len += strlen(c.sents[s].words[i]) + 1;
    buf = malloc(len + 1);
    scr = txt_scratch_new(tx);
    tg = ner_tagger_new(m);
    arena = lq_arena_new(0);
    spans = malloc(4096 * sizeof(*spans));
    if (NULL == buf || NULL == scr || NULL == tg || NULL == arena || NULL == spans)
        goto out;
    size_t p = 0;
    for (size_t s = 0; s < c.nsents; s++) {
        for (size_t i = 0; i < c.sents[s].n; i++) {
            size_t n = strlen(c.sents[s].words[i]);
            memcpy(buf + p, c.sents[s].words[i], n);
            p += n;
            buf[p++] = i + 1 < c.sents[s].n ? ' ' : '\n';
        }
    }
    buf[p] = 0;
    size_t bad;
    struct txt_doc *doc;
    double ta = ner_tool_now();
    rc = txt_analyze(tx, scr, arena, buf, p, &bad, &doc);
    ta = ner_tool_now() - ta;
    if (LQ_OK != rc) {
        fprintf(stderr, "txt_analyze: %s\n", lq_status_str(rc));
        goto out;
    }
    /* the best pass counts: the machine may be shared, and CPU time
     * leaves out the time this thread waited for a core */
    size_t nspans = 0;
    double best_wall = 1e30, best_cpu = 1e30;
    for (unsigned r = 0; r < repeat; r++) {
        double w0 = ner_tool_now(), c0 = cpu_now();
        for (size_t s = 0; s < doc->nsents; s++) {
            size_t n;
            if (LQ_OK != ner_tag(tg, doc, doc->sents[s].tok_begin, doc->sents[s].tok_end, spans,
                                 4096, &n))
                goto out;
            nspans += n;
        }
        double w = ner_tool_now() - w0, cpu = cpu_now() - c0;
        best_wall = w < best_wall ? w : best_wall;
        best_cpu = cpu < best_cpu ? cpu : best_cpu;
    }
    /* the whole text as one document: both stages and the consistency rules */
    double best_doc = 1e30;
    size_t ndspans = 0;
    for (unsigned r = 0; r < repeat; r++) {
        double c0 = cpu_now();
        if (LQ_OK != ner_tag_doc(tg, doc, spans, 4096, &ndspans))
            goto out;
        double cpu = cpu_now() - c0;
        best_doc = cpu < best_doc ? cpu : best_doc;
    }
    double tps = (double)doc->ntokens / best_cpu;
    double tpw = (double)doc->ntokens / best_wall;
    printf("model %s: %zu features, load %.1f ms\n", ner_model_id(m), m->nfeat, 1000 * tload);
    printf("text: %zu bytes, %zu tokens, %zu sentences; txt_analyze %.1f ms\n", p, doc->ntokens,
           doc->nsents, 1000 * ta);
    printf("ner_tag: best of %u passes: %.0f tokens/s per core (CPU time), %.0f tokens/s wall; "
           "%zu spans per pass\n",
           repeat, tps, tpw, nspans / (repeat ? repeat : 1));
    printf("ner_tag_doc (%s): best of %u passes: %.0f tokens/s per core (CPU time); %zu spans\n",
           m->doc ? "two stages" : "one stage", repeat, (double)doc->ntokens / best_doc, ndspans);
    status = 0;
out:
    free(spans);
    free(buf);
    ner_corpus_clear(&c);
    lq_arena_free(arena);
    ner_tagger_free(tg);
    ner_model_free(m);
    txt_scratch_free(scr);
    txt_ctx_free(tx);
    lq_lexicons_free(lex);
    return status;
}

/* end of bench_main.c */
