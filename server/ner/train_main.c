/* liqa-train-ner: train the NER model from CoNLL corpora (see model/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "ner_internal.h"
#include "ner_tool.h"

#define MAX_CORPORA 16

static void
usage(void)
{
    fprintf(stderr,
            "usage: liqa-train-ner --out MODEL [--lexicons DIR] --train TAGSET[+merge]:PATH ...\n"
            "       [--dev TAGSET:PATH | --dev-tail N] [--exclude TAGSET:PATH ...]\n"
            "       [--epochs N] [--seed N] [--min-count N] [--no-average] [--adapt]\n"
            "       [--margin X] [--o-bias X] [--prune X] [--repeat-first N] [--pa C]\n"
            "       [--clusters K [--cluster-min N] [--unlabeled TAGSET:PATH ...]]\n"
            "       [--stack K [--stack-epochs N] [--doc-size N] [--stack-first | --stack-full]]\n"
            "       [--lex-dropout P] [--gazetteer KIND:PATH ...]\n"
            "TAGSET: anercorp, fane (NewsFANE/WikiFANE coarse), aqmar.\n"
            "--dev-tail N: the last N sentences of the first --train corpus are the dev set\n"
            "  (not trained on; their text is also excluded from the other corpora).\n"
            "--exclude: sentences of the training corpora that share a %u-character window\n"
            "  of folded text with this corpus are dropped (held-out copies).\n"
            "--pa C: passive-aggressive (PA-I) updates with step cap C instead of\n"
            "  perceptron steps of 1 (weights are then smaller: scale --prune with C).\n"
            "--adapt: feature augmentation per corpus; the first --train corpus is the\n"
            "  target domain whose private weights the model keeps.\n"
            "--clusters K: K word classes (exchange algorithm) over the stems of the\n"
            "  training text and the --unlabeled text (held-out copies dropped), stored\n"
            "  in the model; words seen fewer than --cluster-min times get none.\n"
            "--stack K: also train the second stage (document features over the first\n"
            "  stage's labels) on first-stage output of K jackknife models, each trained\n"
            "  without one K-th of the documents (blocks of --doc-size sentences, 15)\n"
            "  and run on it; --stack-epochs (5) passes; --stack-first: the second stage\n"
            "  learns from the first --train corpus only. --stack-full: the second stage is\n"
            "  a whole model (all first-stage features plus the document features, trained\n"
            "  like the first) instead of weights added to the first stage's scores.\n"
            "--lex-dropout P: training tokens lose their lexicon classes with probability P.\n"
            "--gazetteer KIND:PATH: names of a gazetteer (KIND per, org, loc: one a line;\n"
            "  anetac: english TAB arabic TAB class) are lexicon classes of their own; the\n"
            "  model keeps their hashed keys (not their text) and gives them to the tagger.\n",
            NER_EXCLUDE_WINDOW);
}

/* One gazetteer into the lexicon table as the classes NER_LX_G*.
 * KIND:PATH, KIND per, org or loc (one name a line; lines of only = or *,
 * the marker lines of ANERgazet, are skipped) or anetac (english TAB arabic
 * TAB PERSON|ORGANIZATION|LOCATION). Names are folded like lexicon entries.
 * Returns the number of names added, or -1 (message printed). */
static long
read_gazetteer(struct ner_lexfeat *lf, const char *spec)
{
    static const struct {
        const char *kind;
        int cls; /* -1: from the third column */
    } kinds[] = {{"per", NER_LX_GPER}, {"org", NER_LX_GORG}, {"loc", NER_LX_GLOC}, {"anetac", -1}};
    const char *colon = strchr(spec, ':');
    int cls = -2;
    for (size_t i = 0; colon && i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strlen(kinds[i].kind) == (size_t)(colon - spec) &&
            0 == strncmp(spec, kinds[i].kind, (size_t)(colon - spec)))
            cls = kinds[i].cls;
    if (-2 == cls) {
        fprintf(stderr, "--gazetteer %s: expected per:, org:, loc: or anetac:PATH\n", spec);
        return -1;
    }
    FILE *f = fopen(colon + 1, "r");
    if (NULL == f) {
        perror(colon + 1);
        return -1;
    }
    char line[4096], key[4096];
    long added = 0;
    while (fgets(line, sizeof(line), f)) {
        char *name = line;
        int c = cls;
        line[strcspn(line, "\r\n")] = 0;
        if (-1 == cls) {
            char *t1 = strchr(line, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (NULL == t2)
                continue;
            *t2 = 0;
            name = t1 + 1;
            c = 0 == strcmp(t2 + 1, "PERSON")         ? NER_LX_GPER
                : 0 == strcmp(t2 + 1, "ORGANIZATION") ? NER_LX_GORG
                : 0 == strcmp(t2 + 1, "LOCATION")     ? NER_LX_GLOC
                                                      : -1;
            if (c < 0)
                continue;
        }
        if (0 == name[strspn(name, " \t=*")] || '#' == name[strspn(name, " \t")])
            continue;
        size_t kl = txt_fold(name, strlen(name), key, sizeof(key));
        if (kl >= sizeof(key) || 0 == kl)
            continue;
        for (size_t i = 0; i < kl; i++)
            if ('\t' == key[i])
                key[i] = ' ';
        if (LQ_OK != ner_lexfeat_add(lf, key, (enum ner_lexclass)c)) {
            fclose(f);
            fprintf(stderr, "out of memory\n");
            return -1;
        }
        added++;
    }
    fclose(f);
    return added;
}

/* Word classes of the stems of the kept sentences of some corpora. */
static int
cluster_text(const struct txt_ctx *tx, struct ner_corpus **src, uint8_t **keep, const size_t *n,
             size_t nsrc, unsigned k, unsigned min_count, struct ner_clusters **out)
{
    size_t total = 0;
    for (size_t c = 0; c < nsrc; c++)
        for (size_t s = 0; s < n[c]; s++)
            total += keep[c][s] ? src[c]->sents[s].n + 1 : 0;
    uint64_t *seq = malloc((total ? total : 1) * sizeof(*seq));
    struct ner_tokinfo *info = malloc(4096 * sizeof(*info));
    struct lq_arena *arena = lq_arena_new(0);
    int rc = seq && info && arena ? LQ_OK : LQ_ERR_NOMEM;
    size_t m = 0;
    for (size_t c = 0; LQ_OK == rc && c < nsrc; c++) {
        for (size_t s = 0; LQ_OK == rc && s < n[c]; s++) {
            const struct ner_sent *se = &src[c]->sents[s];
            if (!keep[c][s])
                continue;
            lq_arena_reset(arena);
            struct txt_doc doc;
            rc = ner_sent_analyze(tx, arena, se, &doc);
            for (size_t b = 0; LQ_OK == rc && b < se->n; b += 4096) {
                size_t len = se->n - b < 4096 ? se->n - b : 4096;
                ner_tokinfo_fill(NULL, NULL, doc.tokens + b, len, info);
                for (size_t i = 0; i < len; i++)
                    seq[m++] = info[i].hstem ? info[i].hstem : 1;
            }
            seq[m++] = 0;
        }
    }
    if (LQ_OK == rc)
        rc = ner_cluster_words(seq, m, k, min_count, 20, stderr, out);
    free(seq);
    free(info);
    lq_arena_free(arena);
    return LQ_OK == rc ? 0 : 1;
}

/* One document of the sentences [s0, s1) of @p c, analysed into @p arena. */
static int
make_doc(const struct txt_ctx *tx, struct lq_arena *arena, const struct ner_sent *sents, size_t ns,
         struct txt_doc *doc)
{
    size_t total = 0;
    for (size_t s = 0; s < ns; s++)
        total += sents[s].n;
    memset(doc, 0, sizeof(*doc));
    doc->tokens = lq_arena_calloc(arena, total ? total : 1, sizeof(*doc->tokens));
    doc->sents = lq_arena_calloc(arena, ns ? ns : 1, sizeof(*doc->sents));
    if (NULL == doc->tokens || NULL == doc->sents)
        return LQ_ERR_NOMEM;
    size_t off = 0;
    for (size_t s = 0; s < ns; s++) {
        struct txt_doc one;
        int rc = ner_sent_analyze(tx, arena, &sents[s], &one);
        if (LQ_OK != rc)
            return rc;
        memcpy(doc->tokens + off, one.tokens, sents[s].n * sizeof(*doc->tokens));
        doc->sents[s] = (struct txt_sentence){0, 0, (uint32_t)off, (uint32_t)(off + sents[s].n)};
        off += sents[s].n;
    }
    doc->ntokens = total;
    doc->nsents = ns;
    return LQ_OK;
}

/* The kept sentences of a corpus, in documents of @p dsize sentences. */
struct kept {
    size_t *idx; /* kept sentence numbers */
    size_t n;
};

/* Second stage: K jackknife first-stage models label the documents they
 * were not trained on; the second stage learns from their output. */
static int
train_stack(const struct txt_ctx *tx, const struct ner_lexfeat *lf, const struct ner_clusters *cl,
            const struct lq_lexicons *lex, int adapt, const struct ner_train_opts *o,
            struct ner_corpus *corp, const struct kept *kp, size_t ntrain, unsigned repeat_first,
            unsigned k, unsigned dsize, unsigned epochs2, int first_only, int full,
            float lex_dropout, struct ner_model *m)
{
    int rc = LQ_ERR_NOMEM;
    struct ner_stack_trainer *st = NULL;
    struct ner_trainer *t2 = NULL;
    struct ner_model *m2 = NULL;
    if (full)
        first_only = 0;
    struct lq_arena *arena = lq_arena_new(0);
    struct ner_sent *buf = NULL;
    uint8_t *gold = NULL;
    uint64_t *keys = NULL;
    float *rows = NULL;
    size_t nrows = 0, maxs = 1, goldcap = 1;
    for (size_t i = 0; i < ntrain; i++)
        for (size_t j = 0; j < kp[i].n; j++)
            if (corp[i].sents[kp[i].idx[j]].n > goldcap)
                goldcap = corp[i].sents[kp[i].idx[j]].n;
    maxs = dsize ? dsize : 1;
    buf = malloc(maxs * sizeof(*buf));
    gold = malloc(goldcap);
    if (NULL == arena || NULL == buf || NULL == gold || LQ_OK != ner_stack_trainer_new(&st))
        goto out;
    if (full && LQ_OK != ner_trainer_new(lf, cl, tx, adapt, &t2))
        goto out;
    if (full)
        ner_trainer_set_dropout(t2, lex_dropout, o->seed + 100);
    for (unsigned p = 0; p < k; p++) {
        struct ner_trainer *tp = NULL;
        struct ner_model *mp = NULL;
        struct ner_tagger *tg = NULL;
        rc = ner_trainer_new(lf, cl, tx, adapt, &tp);
        if (LQ_OK == rc)
            ner_trainer_set_dropout(tp, lex_dropout, o->seed + p + 1);
        for (size_t i = 0; LQ_OK == rc && i < ntrain; i++)
            for (unsigned r = 0; LQ_OK == rc && r < (0 == i ? repeat_first : 1u); r++)
                for (size_t j = 0; LQ_OK == rc && j < kp[i].n; j++)
                    if ((j / dsize) % k != p)
                        rc = ner_trainer_add(tp, &corp[i].sents[kp[i].idx[j]], 1, 0, (unsigned)i);
        if (LQ_OK == rc)
            rc = ner_trainer_run(tp, o, NULL, NULL);
        if (LQ_OK == rc)
            rc = ner_trainer_model(tp, NULL, lex, &mp);
        ner_trainer_free(tp);
        if (LQ_OK == rc && NULL == (tg = ner_tagger_new(mp)))
            rc = LQ_ERR_NOMEM;
        size_t nsent = 0;
        for (size_t i = 0; LQ_OK == rc && i < (first_only ? 1 : ntrain); i++) {
            for (size_t d0 = (size_t)p * dsize; LQ_OK == rc && d0 < kp[i].n; d0 += (size_t)k * dsize) {
                size_t d1 = d0 + dsize < kp[i].n ? d0 + dsize : kp[i].n;
                for (size_t j = d0; j < d1; j++)
                    buf[j - d0] = corp[i].sents[kp[i].idx[j]];
                lq_arena_reset(arena);
                struct txt_doc doc;
                const float *emit;
                const uint64_t *dk;
                const size_t *kofs;
                rc = make_doc(tx, arena, buf, d1 - d0, &doc);
                if (LQ_OK == rc)
                    rc = ner_tag_doc_input(tg, &doc, &emit, &dk, &kofs);
                for (size_t j = d0; LQ_OK == rc && j < d1; j++) {
                    const struct txt_sentence *ts = &doc.sents[j - d0];
                    ner_sent_labels(&buf[j - d0], gold);
                    for (unsigned r = 0; full && LQ_OK == rc && r < (0 == i ? repeat_first : 1u);
                         r++) {
                        ner_trainer_set_extra(t2, dk + kofs[ts->tok_begin], kofs + ts->tok_begin);
                        rc = ner_trainer_add(t2, &buf[j - d0], 1, 0, (unsigned)i);
                        ner_trainer_set_extra(t2, NULL, NULL);
                    }
                    for (unsigned r = 0; !full && LQ_OK == rc && r < (0 == i ? repeat_first : 1u); r++)
                        rc = ner_stack_trainer_add(st, &mp->tr, emit + (size_t)ts->tok_begin * NER_NLABELS,
                                                   dk + kofs[ts->tok_begin], kofs + ts->tok_begin,
                                                   gold, ts->tok_end - ts->tok_begin);
                    nsent++;
                }
            }
        }
        fprintf(stderr, "stage 2: jackknife part %u of %u: %zu sentences labelled\n", p + 1, k,
                nsent);
        ner_tagger_free(tg);
        ner_model_free(mp);
        if (LQ_OK != rc)
            goto out;
    }
    if (full) {
        rc = ner_trainer_run(t2, o, stderr, NULL);
        if (LQ_OK == rc)
            rc = ner_trainer_model(t2, NULL, NULL, &m2);
        if (LQ_OK == rc) {
            rc = ner_model_set_doc_model(m, m2);
            m2 = NULL;
        }
    } else {
        rc = ner_stack_trainer_run(st, epochs2, o->margin, o->seed, stderr, &keys, &rows, &nrows);
        if (LQ_OK == rc)
            rc = ner_model_set_doc(m, keys, rows, nrows);
    }
    if (LQ_OK == rc)
        fprintf(stderr, "stage 2: %zu features\n", m->doc->nfeat);
out:
    free(keys);
    free(rows);
    free(buf);
    free(gold);
    ner_stack_trainer_free(st);
    ner_trainer_free(t2);
    ner_model_free(m2);
    lq_arena_free(arena);
    return rc;
}

static int
is_forbidden(const char *spec)
{
    /* the ANERcorp test split is for the final score only */
    const char *p = strchr(spec, ':');
    p = p ? p + 1 : spec;
    size_t n = strlen(p);
    const char *tail = "anercorp-camel/test.txt";
    size_t tn = strlen(tail);
    return n >= tn && 0 == strcmp(p + n - tn, tail);
}

int
main(int argc, char **argv)
{
    const char *out = NULL, *lexdir = NULL, *devspec = NULL;
    const char *train[MAX_CORPORA], *excl[MAX_CORPORA], *unl[MAX_CORPORA], *gaz[MAX_CORPORA];
    size_t ntrain = 0, nexcl = 0, nunl = 0, ngaz = 0, dev_tail = 0;
    unsigned nclusters = 0, cluster_min = 2, repeat_first = 1;
    unsigned stack_k = 0, stack_epochs = 5, doc_size = 15;
    float lex_dropout = 0;
    int adapt = 0, stack_first = 0, stack_full = 0;
    struct ner_train_opts o = {.epochs = 12, .seed = 1, .min_count = 1, .average = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (0 == strcmp(a, "--no-average")) {
            o.average = 0;
            continue;
        }
        if (0 == strcmp(a, "--adapt")) {
            adapt = 1;
            continue;
        }
        if (0 == strcmp(a, "--stack-first")) {
            stack_first = 1;
            continue;
        }
        if (0 == strcmp(a, "--stack-full")) {
            stack_full = 1;
            continue;
        }
        if (NULL == v) {
            usage();
            return 2;
        }
        i++;
        if (0 == strcmp(a, "--out"))
            out = v;
        else if (0 == strcmp(a, "--lexicons"))
            lexdir = v;
        else if (0 == strcmp(a, "--train") && ntrain < MAX_CORPORA)
            train[ntrain++] = v;
        else if (0 == strcmp(a, "--exclude") && nexcl < MAX_CORPORA)
            excl[nexcl++] = v;
        else if (0 == strcmp(a, "--unlabeled") && nunl < MAX_CORPORA)
            unl[nunl++] = v;
        else if (0 == strcmp(a, "--gazetteer") && ngaz < MAX_CORPORA)
            gaz[ngaz++] = v;
        else if (0 == strcmp(a, "--clusters"))
            nclusters = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--cluster-min"))
            cluster_min = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--dev"))
            devspec = v;
        else if (0 == strcmp(a, "--dev-tail"))
            dev_tail = strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--epochs"))
            o.epochs = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--seed"))
            o.seed = strtoull(v, NULL, 10);
        else if (0 == strcmp(a, "--repeat-first"))
            repeat_first = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--prune"))
            o.prune = strtof(v, NULL);
        else if (0 == strcmp(a, "--o-bias"))
            o.o_bias = strtof(v, NULL);
        else if (0 == strcmp(a, "--pa"))
            o.pa_c = strtof(v, NULL);
        else if (0 == strcmp(a, "--margin"))
            o.margin = strtof(v, NULL);
        else if (0 == strcmp(a, "--lex-dropout"))
            lex_dropout = strtof(v, NULL);
        else if (0 == strcmp(a, "--stack"))
            stack_k = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--stack-epochs"))
            stack_epochs = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--doc-size"))
            doc_size = (unsigned)strtoul(v, NULL, 10);
        else if (0 == strcmp(a, "--min-count"))
            o.min_count = (unsigned)strtoul(v, NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (NULL == out || 0 == ntrain || 0 == o.epochs || 0 == doc_size || 1 == stack_k) {
        usage();
        return 2;
    }
    for (size_t i = 0; i < ntrain; i++) {
        if (is_forbidden(train[i])) {
            fprintf(stderr, "refusing to train on %s (the held-out test split)\n", train[i]);
            return 2;
        }
    }

    int status = 1;
    struct lq_lexicons *lex = NULL;
    struct txt_ctx *tx = NULL;
    struct ner_lexfeat *lf = NULL;
    struct ner_trainer *tr = NULL;
    struct ner_exclude *ex = NULL;
    struct ner_model *m = NULL;
    struct ner_corpus corp[MAX_CORPORA];
    struct ner_corpus devc = {0};
    struct ner_corpus unlc[MAX_CORPORA];
    uint8_t *keep[MAX_CORPORA], *ukeep[MAX_CORPORA];
    struct ner_clusters *cl = NULL;
    double *devf = NULL;
    char *meta = NULL;
    memset(corp, 0, sizeof(corp));
    memset(unlc, 0, sizeof(unlc));
    memset(keep, 0, sizeof(keep));
    memset(ukeep, 0, sizeof(ukeep));
    double t0 = ner_tool_now();

    if (ner_tool_setup(lexdir, &lex, &tx))
        goto out;
    if (LQ_OK != ner_lexfeat_new(lex, &lf) || LQ_OK != ner_exclude_new(&ex))
        goto nomem;
    fprintf(stderr, "lexicon feature table: %zu word sequences\n", ner_lexfeat_size(lf));
    for (size_t i = 0; i < ngaz; i++) {
        long added = read_gazetteer(lf, gaz[i]);
        if (added < 0)
            goto out;
        fprintf(stderr, "%s: %ld names; table now %zu word sequences\n", gaz[i], added,
                ner_lexfeat_size(lf));
    }
    for (size_t i = 0; i < ntrain; i++)
        if (ner_tool_read(train[i], &corp[i]))
            goto out;
    for (size_t i = 0; i < nexcl; i++) {
        struct ner_corpus c = {0};
        if (ner_tool_read(excl[i], &c))
            goto out;
        int rc = ner_exclude_add(ex, &c);
        ner_corpus_clear(&c);
        if (LQ_OK != rc)
            goto nomem;
    }
    /* dev set: the tail of the first corpus, or a file; its text is held out too */
    size_t first_n = corp[0].nsents;
    const struct ner_sent *dev = NULL;
    size_t ndev = 0;
    if (dev_tail) {
        if (dev_tail >= corp[0].nsents) {
            fprintf(stderr, "--dev-tail %zu: the first corpus has %zu sentences\n", dev_tail,
                    corp[0].nsents);
            goto out;
        }
        first_n = corp[0].nsents - dev_tail;
        dev = corp[0].sents + first_n;
        ndev = dev_tail;
    } else if (devspec) {
        if (ner_tool_read(devspec, &devc))
            goto out;
        dev = devc.sents;
        ndev = devc.nsents;
    }
    if (ndev) {
        struct ner_corpus dc = {(struct ner_sent *)dev, ndev, ndev};
        if (LQ_OK != ner_exclude_add(ex, &dc))
            goto nomem;
    }
    /* which training sentences survive the held-out filter */
    int filter = nexcl || ndev;
    for (size_t i = 0; i < ntrain; i++) {
        size_t n = 0 == i ? first_n : corp[i].nsents, dropped = 0, toks = 0;
        keep[i] = calloc(n ? n : 1, 1);
        if (NULL == keep[i])
            goto nomem;
        for (size_t s = 0; s < n; s++) {
            keep[i][s] = !(filter && ner_exclude_hits(ex, &corp[i].sents[s]));
            dropped += !keep[i][s];
            toks += keep[i][s] ? corp[i].sents[s].n : 0;
        }
        fprintf(stderr, "%s: %zu sentences (%zu tokens) used, %zu dropped as held-out copies\n",
                train[i], n - dropped, toks, dropped);
    }
    if (nclusters) {
        /* word classes from the training text and any --unlabeled text */
        for (size_t i = 0; i < nunl; i++) {
            if (ner_tool_read(unl[i], &unlc[i]))
                goto out;
            ukeep[i] = calloc(unlc[i].nsents ? unlc[i].nsents : 1, 1);
            if (NULL == ukeep[i])
                goto nomem;
            size_t dropped = 0;
            for (size_t s = 0; s < unlc[i].nsents; s++) {
                ukeep[i][s] = !(filter && ner_exclude_hits(ex, &unlc[i].sents[s]));
                dropped += !ukeep[i][s];
            }
            fprintf(stderr, "%s: unlabelled, %zu sentences used, %zu dropped\n", unl[i],
                    unlc[i].nsents - dropped, dropped);
        }
        struct ner_corpus *src[2 * MAX_CORPORA];
        uint8_t *srckeep[2 * MAX_CORPORA];
        size_t srcn[2 * MAX_CORPORA], nsrc = 0;
        for (size_t i = 0; i < ntrain; i++) {
            src[nsrc] = &corp[i];
            srckeep[nsrc] = keep[i];
            srcn[nsrc++] = 0 == i ? first_n : corp[i].nsents;
        }
        for (size_t i = 0; i < nunl; i++) {
            src[nsrc] = &unlc[i];
            srckeep[nsrc] = ukeep[i];
            srcn[nsrc++] = unlc[i].nsents;
        }
        if (0 != cluster_text(tx, src, srckeep, srcn, nsrc, nclusters, cluster_min, &cl))
            goto nomem;
    }
    if (LQ_OK != ner_trainer_new(lf, cl, tx, adapt, &tr))
        goto nomem;
    ner_trainer_set_dropout(tr, lex_dropout, o.seed);
    if (ndev && LQ_OK != ner_trainer_add(tr, dev, ndev, 1, 0))
        goto nomem;
    for (size_t i = 0; i < ntrain; i++) {
        size_t n = 0 == i ? first_n : corp[i].nsents;
        for (unsigned r = 0; r < (0 == i ? repeat_first : 1u); r++)
            for (size_t s = 0; s < n; s++)
                if (keep[i][s] &&
                    LQ_OK != ner_trainer_add(tr, &corp[i].sents[s], 1, 0, (unsigned)i))
                    goto nomem;
    }
    size_t ns, nt, nd;
    ner_trainer_sizes(tr, &ns, &nt, &nd);
    fprintf(stderr, "prepared in %.1f s\n", ner_tool_now() - t0);
    devf = calloc(o.epochs, sizeof(*devf));
    if (NULL == devf || LQ_OK != ner_trainer_run(tr, &o, stderr, devf))
        goto nomem;

    /* provenance kept inside the model file */
    size_t mcap = 4096;
    for (int i = 0; i < argc; i++)
        mcap += strlen(argv[i]) + 3;
    meta = malloc(mcap);
    if (NULL == meta)
        goto nomem;
    size_t ml = (size_t)snprintf(meta, mcap, "command:");
    for (int i = 0; i < argc; i++)
        ml += (size_t)snprintf(meta + ml, mcap - ml, " %s", argv[i]);
    ml += (size_t)snprintf(meta + ml, mcap - ml,
                           "\ntrain: %zu sentences, %zu tokens; dev: %zu sentences; seed %llu; "
                           "epochs %u; min count %u; averaged %d; margin %.2f; PA-I cap %.3f; "
                           "O bias %.2f; prune %.3f; adapt %d; word classes %u (min count %u); "
                           "second stage: %u jackknife parts, %u epochs, documents of %u "
                           "sentences, first corpus only %d, whole model %d; lexicon dropout %.2f",
                           ns, nt, nd, (unsigned long long)o.seed, o.epochs, o.min_count,
                           o.average, (double)o.margin, (double)o.pa_c, (double)o.o_bias,
                           (double)o.prune, adapt, nclusters, cluster_min, stack_k, stack_epochs,
                           doc_size, stack_first, stack_full, (double)lex_dropout);
    if (nd)
        ml += (size_t)snprintf(meta + ml, mcap - ml, "; final dev micro F1 %.2f",
                               devf[o.epochs - 1]);
    ml += (size_t)snprintf(meta + ml, mcap - ml, "\nlexicons: %016llx (%zu word sequences)",
                           (unsigned long long)ner_lexfeat_fingerprint(lf), ner_lexfeat_size(lf));
    int rc = ner_trainer_model(tr, meta, lex, &m);
    if (LQ_OK != rc)
        goto nomem;
    if (stack_k) {
        ner_trainer_free(tr);
        tr = NULL;
        struct kept kp[MAX_CORPORA];
        memset(kp, 0, sizeof(kp));
        for (size_t i = 0; LQ_OK == rc && i < ntrain; i++) {
            size_t n = 0 == i ? first_n : corp[i].nsents;
            kp[i].idx = malloc((n ? n : 1) * sizeof(*kp[i].idx));
            if (NULL == kp[i].idx) {
                rc = LQ_ERR_NOMEM;
                break;
            }
            for (size_t s = 0; s < n; s++)
                if (keep[i][s] && corp[i].sents[s].n)
                    kp[i].idx[kp[i].n++] = s;
        }
        if (LQ_OK == rc)
            rc = train_stack(tx, lf, cl, lex, adapt, &o, corp, kp, ntrain, repeat_first, stack_k,
                             doc_size, stack_epochs, stack_first, stack_full, lex_dropout, m);
        for (size_t i = 0; i < ntrain; i++)
            free(kp[i].idx);
        if (LQ_OK != rc)
            goto nomem;
    }
    char err[512];
    if (LQ_OK != ner_model_save(m, out, err, sizeof(err))) {
        fprintf(stderr, "%s\n", err);
        goto out;
    }
    fprintf(stderr, "wrote %s: %s, %zu features, %.1f s in all\n", out, ner_model_id(m), m->nfeat,
            ner_tool_now() - t0);
    status = 0;
    goto out;
nomem:
    fprintf(stderr, "out of memory\n");
out:
    for (size_t i = 0; i < ntrain; i++) {
        ner_corpus_clear(&corp[i]);
        free(keep[i]);
    }
    for (size_t i = 0; i < nunl; i++) {
        ner_corpus_clear(&unlc[i]);
        free(ukeep[i]);
    }
    ner_clusters_free(cl);
    ner_corpus_clear(&devc);
    ner_model_free(m);
    ner_trainer_free(tr);
    ner_exclude_free(ex);
    ner_lexfeat_free(lf);
    txt_ctx_free(tx);
    lq_lexicons_free(lex);
    free(devf);
    free(meta);
    return status;
}

/* end of train_main.c */
