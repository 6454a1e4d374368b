/* The committed model (model/ner.model) loads quickly and reproduces its
 * recorded score on a fixed sample: the first SAMPLE_SENTENCES sentences of
 * ../shared/data/anercorp-camel/test.txt. Exits 77 when ../shared is absent.
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
/* recorded with the committed model (see model/README.md) */
#define EXPECTED_TP 300
#define EXPECTED_FOUND 366
#define EXPECTED_GOLD 444
#define TOLERANCE 2.0

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int
main(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    const char *shared = getenv("LIQA_SHARED_DIR");
    char path[4096], model[4096], lexdir[4096], err[512];
    if (NULL == src || NULL == shared)
        return TEST_SKIP;
    snprintf(path, sizeof(path), "%s/data/anercorp-camel/test.txt", shared);
    FILE *probe = fopen(path, "r");
    if (NULL == probe) {
        fprintf(stderr, "%s absent: skipped\n", path);
        return TEST_SKIP;
    }
    fclose(probe);
    snprintf(model, sizeof(model), "%s/model/ner.model", src);
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
    double t0 = now();
    struct ner_model *m = NULL;
    rc = ner_model_load(model, lex, &m, err, sizeof(err));
    double tload = now() - t0;
    CHECK_INT(rc, LQ_OK);
    if (LQ_OK != rc) {
        fprintf(stderr, "%s\n", err);
        return test_done();
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

    struct ner_corpus c = {0};
    rc = ner_corpus_read(path, NER_TAGSET_ANERCORP, 0, &c, err, sizeof(err));
    CHECK_INT(rc, LQ_OK);
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
    long exp_fp = EXPECTED_FOUND - EXPECTED_TP, exp_fn = EXPECTED_GOLD - EXPECTED_TP;
    double f1 = ner_score_f1(&sc, 0);
    double ef1 = 200.0 * EXPECTED_TP / (double)(EXPECTED_FOUND + EXPECTED_GOLD);
    fprintf(stderr, "sample: tp %ld, found %ld, gold %ld, micro F1 %.2f (recorded %.2f)\n", tp,
            tp + fp, tp + fn, f1, ef1);
    if (exact) {
        CHECK_INT(tp, EXPECTED_TP);
        CHECK_INT(fp, exp_fp);
        CHECK_INT(fn, exp_fn);
    } else {
        fprintf(stderr, "lexicons changed since training (%s, model has %s): "
                        "checking F1 within %.1f points; retrain the model\n",
                have, want, TOLERANCE);
        CHECK_INT(tp + fn, EXPECTED_GOLD);
        CHECK(f1 > ef1 - TOLERANCE);
    }
    ner_corpus_clear(&c);
    lq_arena_free(arena);
    ner_tagger_free(tg);
    ner_model_free(m);
    txt_ctx_free(tx);
    lq_lexicons_free(lex);
    return test_done();
}

/* end of test_ner_model.c */
