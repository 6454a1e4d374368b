/* The committed models load quickly and reproduce their recorded scores on
 * a fixed sample: the first SAMPLE_SENTENCES sentences of
 * ../shared/data/anercorp-camel/test.txt, sentence by sentence (ner_tag(),
 * the first stage) and in documents (ner_tag_doc(): with model/ner-doc.model
 * both stages). model/ner.model is the default one-stage model,
 * model/ner-doc.model the stacked one (see model/README.md). Exits 77 when
 * ../shared is absent.
 *
 * The expected counts are recorded below and in model/README.md; they are
 * exact when the lexicons are those the model was trained with (the model
 * records their fingerprint). When the lexicons have changed since, the
 * features change a little, so the test then only requires the micro F1 to
 * stay within TOLERANCE points and says that the model should be retrained. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "ner_internal.h"
#include "test.h"

#define SAMPLE_SENTENCES 200
#define EXPECTED_GOLD 444
/* the same sample through ner_tag_doc() in documents of DOC_SENTENCES
 * consecutive sentences */
#define DOC_SENTENCES 15
#define TOLERANCE 2.0

/* counts recorded with each committed model (see model/README.md):
 * sentence by sentence, then in documents */
struct expected {
    const char *file;
    long tp, found, doc_tp, doc_found;
};
static const struct expected models[] = {
    { "ner.model", 306, 375, 321, 395 },
    { "ner-doc.model", 306, 375, 323, 397 },
};

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Load @p model, tag the sample with it and compare with @p e. */
static void
check_model(const char *model, const struct expected *e, const struct lq_lexicons *lex,
            struct txt_ctx *tx, const struct ner_corpus *cp)
{
    char err[512];
    const struct ner_corpus c = *cp;
    double t0 = now();
    struct ner_model *m = NULL;
    int rc = ner_model_load(model, lex, &m, err, sizeof(err));
    double tload = now() - t0;
    CHECK_INT(rc, LQ_OK);
    if (LQ_OK != rc) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    fprintf(stderr, "%s loaded in %.1f ms\n", ner_model_id(m), 1000 * tload);
    CHECK(tload < 1.0);

    /* were the lexicons the ones the model was trained with? */
    char want[64] = "";
    const char *lp = m->meta ? strstr(m->meta, "lexicons: ") : NULL;
    if (lp)
        sscanf(lp + 10, "%16s", want);
    char have[64];
    snprintf(have, sizeof(have), "%016" PRIx64, ner_lexfeat_fingerprint(m->lexf));
    int exact = 0 == strcmp(want, have);

    struct ner_tagger *tg = ner_tagger_new(m);
    struct lq_arena *arena = lq_arena_new(0);
    struct ner_span gs[512], ps[512];
    struct ner_score sc;
    memset(&sc, 0, sizeof(sc));
    for (size_t s = 0; s < c.nsents && s < SAMPLE_SENTENCES; s++) {
        lq_arena_reset(arena);
        struct txt_doc doc;
        CHECK_INT(ner_sent_analyze(tx, arena, &c.sents[s], &doc), LQ_OK);
        size_t np = 0, ng = ner_sent_spans(&c.sents[s], gs, 512);
        CHECK_INT(ner_tag(tg, &doc, 0, doc.ntokens, ps, 512, &np), LQ_OK);
        ner_score_add(&sc, gs, ng < 512 ? ng : 512, ps, np < 512 ? np : 512);
    }
    long tp = 0, fp = 0, fn = 0;
    for (int t = 1; t < NER_NTYPES; t++) {
        tp += sc.tp[t];
        fp += sc.fp[t];
        fn += sc.fn[t];
    }
    long exp_fp = e->found - e->tp, exp_fn = EXPECTED_GOLD - e->tp;
    double f1 = ner_score_f1(&sc, 0);
    double ef1 = 200.0 * e->tp / (double)(e->found + EXPECTED_GOLD);
    fprintf(stderr, "sample: tp %ld, found %ld, gold %ld, micro F1 %.2f (recorded %.2f)\n", tp,
            tp + fp, tp + fn, f1, ef1);
    if (exact) {
        CHECK_INT(tp, e->tp);
        CHECK_INT(fp, exp_fp);
        CHECK_INT(fn, exp_fn);
    } else {
        fprintf(stderr, "lexicons changed since training (%s, model has %s): "
                        "checking F1 within %.1f points; retrain the model\n",
                have, want, TOLERANCE);
        CHECK_INT(tp + fn, EXPECTED_GOLD);
        CHECK(f1 > ef1 - TOLERANCE);
    }
    /* documents of DOC_SENTENCES sentences through both stages */
    struct ner_score dsc;
    memset(&dsc, 0, sizeof(dsc));
    size_t nuse = c.nsents < SAMPLE_SENTENCES ? c.nsents : SAMPLE_SENTENCES;
    struct ner_span *dsp = malloc(8192 * sizeof(*dsp));
    CHECK(dsp != NULL);
    for (size_t s0 = 0; dsp && s0 < nuse; s0 += DOC_SENTENCES) {
        size_t s1 = s0 + DOC_SENTENCES < nuse ? s0 + DOC_SENTENCES : nuse, total = 0;
        lq_arena_reset(arena);
        for (size_t s = s0; s < s1; s++)
            total += c.sents[s].n;
        struct txt_doc doc;
        memset(&doc, 0, sizeof(doc));
        doc.tokens = lq_arena_calloc(arena, total + 1, sizeof(*doc.tokens));
        doc.sents = lq_arena_calloc(arena, s1 - s0, sizeof(*doc.sents));
        CHECK(doc.tokens && doc.sents);
        if (NULL == doc.tokens || NULL == doc.sents)
            break;
        size_t off = 0;
        for (size_t s = s0; s < s1; s++) {
            struct txt_doc one;
            CHECK_INT(ner_sent_analyze(tx, arena, &c.sents[s], &one), LQ_OK);
            memcpy(doc.tokens + off, one.tokens, c.sents[s].n * sizeof(*doc.tokens));
            doc.sents[s - s0] = (struct txt_sentence){0, 0, (uint32_t)off,
                                                      (uint32_t)(off + c.sents[s].n)};
            off += c.sents[s].n;
        }
        doc.ntokens = total;
        doc.nsents = s1 - s0;
        size_t np = 0, k = 0;
        CHECK_INT(ner_tag_doc(tg, &doc, dsp, 8192, &np), LQ_OK);
        off = 0;
        for (size_t s = s0; s < s1; s++) {
            size_t np1 = 0, ng = ner_sent_spans(&c.sents[s], gs, 512);
            while (k < np && k < 8192 && dsp[k].tok_begin < off + c.sents[s].n && np1 < 512) {
                ps[np1] = dsp[k++];
                ps[np1].tok_begin -= (uint32_t)off;
                ps[np1].tok_end -= (uint32_t)off;
                np1++;
            }
            off += c.sents[s].n;
            ner_score_add(&dsc, gs, ng < 512 ? ng : 512, ps, np1);
        }
    }
    free(dsp);
    long dtp = 0, dfp = 0;
    for (int t = 1; t < NER_NTYPES; t++) {
        dtp += dsc.tp[t];
        dfp += dsc.fp[t];
    }
    double df1 = ner_score_f1(&dsc, 0);
    double edf1 = 200.0 * e->doc_tp / (double)(e->doc_found + EXPECTED_GOLD);
    fprintf(stderr, "sample in documents: tp %ld, found %ld, micro F1 %.2f (recorded %.2f)\n", dtp,
            dtp + dfp, df1, edf1);
    if (exact) {
        CHECK_INT(dtp, e->doc_tp);
        CHECK_INT(dtp + dfp, e->doc_found);
    } else {
        CHECK(df1 > edf1 - TOLERANCE);
    }
    lq_arena_free(arena);
    ner_tagger_free(tg);
    ner_model_free(m);
}

int
main(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    const char *shared = getenv("LIQA_SHARED_DIR");
    char path[4096], lexdir[4096], err[512];
    if (NULL == src || NULL == shared)
        return TEST_SKIP;
    snprintf(path, sizeof(path), "%s/data/anercorp-camel/test.txt", shared);
    FILE *probe = fopen(path, "r");
    if (NULL == probe) {
        fprintf(stderr, "%s absent: skipped\n", path);
        return TEST_SKIP;
    }
    fclose(probe);
    snprintf(lexdir, sizeof(lexdir), "%s/config/lexicons", src);

    struct lq_lexicons *lex = NULL;
    int rc = lq_lexicons_load(lexdir, &lex, err, sizeof(err));
    if (LQ_OK != rc) {
        fprintf(stderr, "lexicons: %s\n", err);
        return TEST_SETUP_FAILURE;
    }
    struct txt_ctx *tx = NULL;
    if (LQ_OK != txt_ctx_new(lex->protect, lex->known, &tx))
        return TEST_SETUP_FAILURE;
    struct ner_corpus c = {0};
    rc = ner_corpus_read(path, NER_TAGSET_ANERCORP, 0, &c, err, sizeof(err));
    CHECK_INT(rc, LQ_OK);
    for (size_t i = 0; LQ_OK == rc && i < sizeof(models) / sizeof(models[0]); i++) {
        char model[4096];
        snprintf(model, sizeof(model), "%s/model/%s", src, models[i].file);
        check_model(model, &models[i], lex, tx, &c);
    }
    ner_corpus_clear(&c);
    txt_ctx_free(tx);
    lq_lexicons_free(lex);
    return test_done();
}

/* end of test_ner_model.c */
