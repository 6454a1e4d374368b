/* Unit tests of the ner module on constructed examples: labels and BIOES
 * constraints, Viterbi against brute force, features of hand-made tokens,
 * lexicon matches, model build/save/load, corrupt model files, corpus
 * reading with tag mappings, and scoring. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liqa/status.h"
#include "liqa/text.h"
#include "ner_internal.h"
#include "test.h"

#define L NER_NLABELS

static char tmpdir[256];

/* ------------------------------------------------------------ helpers */

static struct txt_token
tok(const char *key, const char *base, const char *stem, const char *clitics, enum txt_kind kind)
{
    struct txt_token t;
    memset(&t, 0, sizeof(t));
    t.surface = key;
    t.key = key;
    t.base = base;
    t.stem = stem;
    t.clitics = clitics;
    t.kind = kind;
    if (0 == strncmp(base, "ال", strlen("ال")))
        t.flags |= TXT_F_AL;
    return t;
}

static int
has_key(const uint64_t *f, size_t n, uint64_t k)
{
    for (size_t i = 0; i < n; i++)
        if (f[i] == k)
            return 1;
    return 0;
}

static size_t
common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t c = 0;
    for (size_t i = 0; i < na; i++)
        c += (size_t)has_key(b, nb, a[i]);
    return c;
}

/* ------------------------------------------------------------ labels */

static void
test_labels(void)
{
    int bper = ner_label(NER_PER, NER_POS_B), iper = ner_label(NER_PER, NER_POS_I);
    int eper = ner_label(NER_PER, NER_POS_E), sper = ner_label(NER_PER, NER_POS_S);
    int bloc = ner_label(NER_LOC, NER_POS_B), iloc = ner_label(NER_LOC, NER_POS_I);
    CHECK_STR(ner_label_name(0), "O");
    CHECK_STR(ner_label_name(bper), "B-PER");
    CHECK_STR(ner_label_name(ner_label(NER_ORG, NER_POS_E)), "E-ORG");
    CHECK_STR(ner_label_name(ner_label(NER_LOC, NER_POS_S)), "S-LOC");
    for (int l = 1; l < L; l++) {
        CHECK_INT(ner_label(ner_label_type(l), ner_label_pos(l)), l);
    }
    CHECK(ner_allowed(bper, iper));
    CHECK(ner_allowed(bper, eper));
    CHECK(ner_allowed(iper, eper));
    CHECK(!ner_allowed(bper, 0));
    CHECK(!ner_allowed(bper, iloc));
    CHECK(!ner_allowed(0, iper));
    CHECK(!ner_allowed(0, eper));
    CHECK(!ner_allowed(eper, iper));
    CHECK(ner_allowed(eper, bloc));
    CHECK(ner_allowed(sper, sper));
    CHECK(ner_allowed(0, sper));
    CHECK(ner_allowed_start(bper) && !ner_allowed_start(iper));
    CHECK(ner_allowed_end(eper) && ner_allowed_end(sper) && !ner_allowed_end(bper));
    CHECK_STR(ner_type_name(NER_PER), "PERSON");
    CHECK_STR(ner_type_name(NER_ORG), "ORGANIZATION");
    CHECK_STR(ner_type_name(NER_LOC), "LOCATION");
    CHECK(NULL == ner_type_name(NER_NONE));
}

/* ------------------------------------------------------------ decoder */

static uint64_t rng_state = 12345;

static float
frand(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (float)((rng_state >> 40) & 0xffff) / 65536.0f * 4.0f - 2.0f;
}

static float
path_score(const struct ner_trans *tr, const float *emit, const int *y, size_t n)
{
    float s = tr->start[y[0]] + tr->end[y[n - 1]];
    for (size_t i = 0; i < n; i++) {
        s += emit[i * L + y[i]];
        if (i)
            s += tr->trans[y[i - 1]][y[i]];
    }
    return s;
}

static int
path_valid(const int *y, size_t n)
{
    if (!ner_allowed_start(y[0]) || !ner_allowed_end(y[n - 1]))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!ner_allowed(y[i - 1], y[i]))
            return 0;
    return 1;
}

static void
test_viterbi_brute(void)
{
    enum { N = 4 };
    float emit[N * L], delta[N * L], beta[N * L];
    uint8_t bp[N * L], lab[N];
    struct ner_trans tr;
    for (int round = 0; round < 20; round++) {
        for (int l = 0; l < L; l++) {
            tr.start[l] = frand();
            tr.end[l] = frand();
            for (int m = 0; m < L; m++)
                tr.trans[l][m] = frand();
        }
        for (int i = 0; i < N * L; i++)
            emit[i] = 3 * frand();
        float best = ner_viterbi(&tr, emit, N, delta, bp, lab);
        /* brute force over all valid label sequences */
        float bbest = -INFINITY;
        int y[N];
        for (long code = 0; code < (long)L * L * L * L; code++) {
            long c = code;
            for (int i = 0; i < N; i++, c /= L)
                y[i] = (int)(c % L);
            if (!path_valid(y, N))
                continue;
            float s = path_score(&tr, emit, y, N);
            if (s > bbest)
                bbest = s;
        }
        int yl[N];
        for (int i = 0; i < N; i++)
            yl[i] = lab[i];
        CHECK(path_valid(yl, N));
        CHECK(fabsf(best - bbest) < 1e-3f);
        CHECK(fabsf(path_score(&tr, emit, yl, N) - best) < 1e-3f);
        /* max-marginals from forward and backward agree with the best score */
        ner_backward(&tr, emit, N, beta);
        for (int i = 0; i < N; i++) {
            float mm = -INFINITY;
            for (int l = 0; l < L; l++)
                if (delta[i * L + l] + beta[i * L + l] > mm)
                    mm = delta[i * L + l] + beta[i * L + l];
            CHECK(fabsf(mm - best) < 1e-3f);
        }
    }
}

/* The decoder as first written: predecessor and successor lists built from
 * ner_allowed(), every NEG_INF skipped. The decoder now follows the BIOES
 * shape directly; it must give the same scores, back pointers and labels,
 * bit for bit, ties included. */
static float
ref_viterbi(const struct ner_trans *tr, const float *emit, size_t n, float *delta, uint8_t *bp,
            uint8_t *labels)
{
    const float ninf = -FLT_MAX;
    for (int l = 0; l < L; l++) {
        delta[l] = ner_allowed_start(l) ? tr->start[l] + emit[l] : ninf;
        bp[l] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        for (int y = 0; y < L; y++) {
            float best = ninf;
            int arg = 0;
            for (int x = 0; x < L; x++) {
                if (!ner_allowed(x, y) || ninf == delta[(i - 1) * L + x])
                    continue;
                float s = delta[(i - 1) * L + x] + tr->trans[x][y];
                if (s > best) {
                    best = s;
                    arg = x;
                }
            }
            delta[i * L + y] = ninf == best ? ninf : best + emit[i * L + y];
            bp[i * L + y] = (uint8_t)arg;
        }
    }
    float best = ninf;
    int arg = 0;
    for (int l = 0; l < L; l++) {
        if (!ner_allowed_end(l) || ninf == delta[(n - 1) * L + l])
            continue;
        float s = delta[(n - 1) * L + l] + tr->end[l];
        if (s > best) {
            best = s;
            arg = l;
        }
    }
    labels[n - 1] = (uint8_t)arg;
    for (size_t i = n - 1; i > 0; i--)
        labels[i - 1] = bp[i * L + labels[i]];
    return best;
}

static void
ref_backward(const struct ner_trans *tr, const float *emit, size_t n, float *beta)
{
    const float ninf = -FLT_MAX;
    for (int l = 0; l < L; l++)
        beta[(n - 1) * L + l] = ner_allowed_end(l) ? tr->end[l] : ninf;
    for (size_t i = n - 1; i > 0; i--) {
        for (int x = 0; x < L; x++) {
            float best = ninf;
            for (int y = 0; y < L; y++) {
                if (!ner_allowed(x, y) || ninf == beta[i * L + y])
                    continue;
                float s = tr->trans[x][y] + emit[i * L + y] + beta[i * L + y];
                if (s > best)
                    best = s;
            }
            beta[(i - 1) * L + x] = best;
        }
    }
}

static void
test_viterbi_reference(void)
{
    enum { N = 40 };
    float emit[N * L], d1[N * L], d2[N * L], b1[N * L], b2[N * L];
    uint8_t bp1[N * L], bp2[N * L], lab1[N], lab2[N];
    struct ner_trans tr;
    for (int round = 0; round < 400; round++) {
        /* even rounds: few distinct values, so that paths tie often */
        int coarse = 0 == round % 2;
        size_t n = 1 + (size_t)(round % N);
        for (int l = 0; l < L; l++) {
            tr.start[l] = coarse ? roundf(frand()) : frand();
            tr.end[l] = coarse ? roundf(frand()) : frand();
            for (int m = 0; m < L; m++)
                tr.trans[l][m] = coarse ? roundf(frand()) : frand();
        }
        for (size_t i = 0; i < n * L; i++)
            emit[i] = coarse ? roundf(frand()) : 3 * frand();
        /* now and then a score no path can beat down to */
        if (0 == round % 7)
            emit[(size_t)round % (n * L)] = -FLT_MAX;
        float s1 = ner_viterbi(&tr, emit, n, d1, bp1, lab1);
        float s2 = ref_viterbi(&tr, emit, n, d2, bp2, lab2);
        CHECK(0 == memcmp(&s1, &s2, sizeof(s1)));
        CHECK(0 == memcmp(d1, d2, n * L * sizeof(float)));
        CHECK(0 == memcmp(bp1, bp2, n * L));
        CHECK(0 == memcmp(lab1, lab2, n));
        ner_backward(&tr, emit, n, b1);
        ref_backward(&tr, emit, n, b2);
        CHECK(0 == memcmp(b1, b2, n * L * sizeof(float)));
    }
}

static void
test_viterbi_constraints(void)
{
    /* emissions want O then I-PER, which cannot end a sentence: the
     * decoder must choose a valid path (O O) */
    enum { N = 2 };
    float emit[N * L], delta[N * L];
    uint8_t bp[N * L], lab[N];
    struct ner_trans tr;
    memset(&tr, 0, sizeof(tr));
    for (int i = 0; i < N * L; i++)
        emit[i] = 0;
    emit[0 * L + 0] = 1;
    emit[1 * L + ner_label(NER_PER, NER_POS_I)] = 5;
    float best = ner_viterbi(&tr, emit, N, delta, bp, lab);
    int y[N] = {lab[0], lab[1]};
    CHECK(path_valid(y, N));
    CHECK_INT(lab[0], 0);
    CHECK_INT(lab[1], 0);
    CHECK(fabsf(best - 1) < 1e-6f);
    /* a strong transition weight cannot license a forbidden transition */
    tr.trans[0][ner_label(NER_PER, NER_POS_E)] = 100;
    ner_viterbi(&tr, emit, N, delta, bp, lab);
    CHECK_INT(lab[1], 0);

    /* spans from BIOES labels */
    uint8_t seq[] = {0,
                     (uint8_t)ner_label(NER_PER, NER_POS_B),
                     (uint8_t)ner_label(NER_PER, NER_POS_I),
                     (uint8_t)ner_label(NER_PER, NER_POS_E),
                     (uint8_t)ner_label(NER_LOC, NER_POS_S),
                     0,
                     (uint8_t)ner_label(NER_ORG, NER_POS_B),
                     (uint8_t)ner_label(NER_ORG, NER_POS_E)};
    struct ner_span sp[8];
    size_t ns = ner_labels_to_spans(seq, sizeof(seq), sp, 8);
    CHECK_INT(ns, 3);
    CHECK_INT(sp[0].tok_begin, 1);
    CHECK_INT(sp[0].tok_end, 4);
    CHECK_INT(sp[0].type, NER_PER);
    CHECK_INT(sp[1].tok_begin, 4);
    CHECK_INT(sp[1].tok_end, 5);
    CHECK_INT(sp[1].type, NER_LOC);
    CHECK_INT(sp[2].tok_begin, 6);
    CHECK_INT(sp[2].tok_end, 8);
    CHECK_INT(sp[2].type, NER_ORG);
    CHECK_INT(ner_labels_to_spans(seq, sizeof(seq), sp, 1), 3);
}

/* ------------------------------------------------------------ features */

static void
test_features(void)
{
    /* the same name with and without a proclitic, as ANERcorp spells it
     * whole and NewsFANE splits it */
    struct txt_token a[3] = {
        tok("وصل", "وصل", "وصل", "", TXT_WORD),
        tok("وسمير", "سمير", "سمير", "و", TXT_WORD),
        tok("أمس", "أمس", "أمس", "", TXT_WORD),
    };
    struct txt_token b[3] = {
        tok("وصل", "وصل", "وصل", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("أمس", "أمس", "أمس", "", TXT_WORD),
    };
    struct ner_tokinfo ia[3], ib[3];
    ner_tokinfo_fill(NULL, NULL, a, 3, ia);
    ner_tokinfo_fill(NULL, NULL, b, 3, ib);
    CHECK(ia[1].hstem == ib[1].hstem);
    CHECK(ia[1].hbase == ib[1].hbase);
    CHECK(ia[1].hkey != ib[1].hkey);
    CHECK(ia[1].hclit != ib[1].hclit);
    CHECK(ia[1].hpre[0] == ib[1].hpre[0] && ia[1].hsuf[2] == ib[1].hsuf[2]);
    /* "سمير" has 4 code points: prefixes and suffixes of 1..3 exist */
    CHECK(ia[1].hpre[2] != 0 && ia[1].hsuf[2] != 0);
    /* a 2-letter word has only the 1-letter affixes */
    struct txt_token s2 = tok("من", "من", "من", "", TXT_WORD);
    struct ner_tokinfo i2;
    ner_tokinfo_fill(NULL, NULL, &s2, 1, &i2);
    CHECK(i2.hpre[0] != 0 && 0 == i2.hpre[1] && 0 == i2.hsuf[1]);

    uint64_t fa[NER_MAX_FEATS], fb[NER_MAX_FEATS];
    size_t na = ner_token_features(ia, 3, 1, fa);
    size_t nb = ner_token_features(ib, 3, 1, fb);
    CHECK(na > 20 && na <= NER_MAX_FEATS);
    /* everything but the key, clitic, clitic+stem and shape features agree */
    size_t c = common(fa, na, fb, nb);
    CHECK(c + 4 >= na && c < na);
    /* deterministic */
    uint64_t fa2[NER_MAX_FEATS];
    CHECK_INT(ner_token_features(ia, 3, 1, fa2), na);
    CHECK(0 == memcmp(fa, fa2, na * sizeof(uint64_t)));
    /* window features see the neighbours: changing the next word changes some */
    struct txt_token c3[3] = {a[0], a[1], tok("غدا", "غدا", "غدا", "", TXT_WORD)};
    struct ner_tokinfo ic[3];
    ner_tokinfo_fill(NULL, NULL, c3, 3, ic);
    uint64_t fc[NER_MAX_FEATS];
    size_t nc = ner_token_features(ic, 3, 1, fc);
    size_t cc = common(fa, na, fc, nc);
    CHECK(cc < na && cc + 6 >= na);
    /* sentence position: the first and the last token get an extra feature */
    uint64_t f0[NER_MAX_FEATS];
    size_t n0 = ner_token_features(ia, 1, 0, f0);
    CHECK(n0 > 0);
    /* Latin shape depends on capitals */
    struct txt_token l1 = tok("cia", "cia", "cia", "", TXT_LATIN), l2 = l1;
    l1.surface = "CIA";
    l2.surface = "cia";
    struct ner_tokinfo il1, il2;
    ner_tokinfo_fill(NULL, NULL, &l1, 1, &il1);
    ner_tokinfo_fill(NULL, NULL, &l2, 1, &il2);
    CHECK(il1.shape != il2.shape);
    CHECK(il1.hstem == il2.hstem);
}

static void
test_lexicon_features(void)
{
    struct ner_lexfeat *lf = NULL;
    CHECK_INT(ner_lexfeat_new(NULL, &lf), LQ_OK);
    if (NULL == lf)
        return;
    CHECK_INT(ner_lexfeat_add(lf, "سمير", NER_LX_FIRST), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "وزير", NER_LX_TITLE), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "جزر الملح", NER_LX_PLACE), LQ_OK);
    /* "زار الوزير سمير جزر الملح الكبرى" with a clitic on the first word of the place */
    struct txt_token t[6] = {
        tok("زار", "زار", "زار", "", TXT_WORD),
        tok("الوزير", "الوزير", "وزير", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("بجزر", "جزر", "جزر", "ب", TXT_WORD),
        tok("الملح", "الملح", "ملح", "", TXT_WORD),
        tok("الكبرى", "الكبري", "كبري", "", TXT_WORD),
    };
    /* the lexicon stores folded keys: الكبرى folds to الكبري */
    t[5].key = "الكبري";
    CHECK_INT(ner_lexfeat_add(lf, "جزر الملح الكبري", NER_LX_PLACE), LQ_OK);
    struct ner_tokinfo in[6];
    ner_tokinfo_fill(lf, NULL, t, 6, in);
    uint16_t place = 1u << NER_LX_PLACE;
    CHECK(in[1].lex & (1u << NER_LX_TITLE)); /* by its stem */
    CHECK(in[2].lex & (1u << NER_LX_FIRST));
    CHECK(0 == in[0].lex);
    CHECK(in[3].mwb & place);
    CHECK(!(in[3].mwi & place));
    CHECK(in[4].mwi & place);
    CHECK(in[4].mwe & place); /* the shorter entry ends here */
    CHECK(in[5].mwi & place);
    CHECK(in[5].mwe & place);
    CHECK(!(in[2].mwb & place));
    /* the features differ from those without lexicons */
    struct ner_tokinfo plain[6];
    ner_tokinfo_fill(NULL, NULL, t, 6, plain);
    uint64_t f1[NER_MAX_FEATS], f2[NER_MAX_FEATS];
    size_t n1 = ner_token_features(in, 6, 4, f1), n2 = ner_token_features(plain, 6, 4, f2);
    CHECK(n1 > n2);
    CHECK_INT(common(f2, n2, f1, n1), n2);
    ner_lexfeat_free(lf);
}

static int
key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The tagger sums a token's features in parts (ner_role_features() of the
 * token and of its neighbours, ner_pair_features()): the parts must make up
 * exactly the keys of ner_token_features(), counted with repetition. */
static void
check_feature_parts(const struct ner_tokinfo *in, size_t n, int has_cls)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t whole[NER_MAX_FEATS], parts[6 * NER_MAX_FEATS];
        size_t nw = ner_token_features(in, n, i, whole), np = 0;
        np += ner_role_features(&in[i], has_cls, NER_ROLE_SELF, parts + np);
        np += ner_role_features(i >= 1 ? &in[i - 1] : NULL, has_cls, NER_ROLE_M1, parts + np);
        np += ner_role_features(i >= 2 ? &in[i - 2] : NULL, has_cls, NER_ROLE_M2, parts + np);
        np += ner_role_features(i + 1 < n ? &in[i + 1] : NULL, has_cls, NER_ROLE_P1, parts + np);
        np += ner_role_features(i + 2 < n ? &in[i + 2] : NULL, has_cls, NER_ROLE_P2, parts + np);
        np += ner_pair_features(in, n, i, parts + np);
        CHECK_INT(np, nw);
        if (np != nw)
            continue;
        qsort(whole, nw, sizeof(*whole), key_cmp);
        qsort(parts, np, sizeof(*parts), key_cmp);
        CHECK(0 == memcmp(whole, parts, nw * sizeof(*whole)));
    }
}

static void
test_feature_parts(void)
{
    struct ner_lexfeat *lf = NULL;
    CHECK_INT(ner_lexfeat_new(NULL, &lf), LQ_OK);
    if (NULL == lf)
        return;
    CHECK_INT(ner_lexfeat_add(lf, "سمير", NER_LX_FIRST), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "وزير", NER_LX_TITLE), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "جزر الملح", NER_LX_PLACE), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "ملح", NER_LX_NONNAME), LQ_OK);
    struct txt_token t[9] = {
        tok("وزار", "زار", "زار", "و", TXT_WORD),
        tok("الوزير", "الوزير", "وزير", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("بجزر", "جزر", "جزر", "ب", TXT_WORD),
        tok("الملح", "الملح", "ملح", "", TXT_WORD),
        tok("وكوناري", "وكوناري", "وكوناري", "", TXT_WORD),
        tok("CIA", "cia", "cia", "", TXT_LATIN),
        tok("2019", "2019", "2019", "", TXT_NUMBER),
        tok("،", "،", "،", "", TXT_PUNCT),
    };
    t[6].key = "cia";
    struct ner_tokinfo in[9];
    uint64_t ck[9];
    uint16_t cc[9];
    for (size_t n = 1; n <= 9; n++) {
        ner_tokinfo_fill(lf, NULL, t, n, in);
        check_feature_parts(in, n, 0);
    }
    /* with word classes: one class per stem (some share one) */
    ner_tokinfo_fill(NULL, NULL, t, 9, in);
    size_t nk = 0;
    for (size_t i = 0; i < 9; i++) {
        size_t j = 0;
        while (j < nk && ck[j] != in[i].hstem)
            j++;
        if (j == nk) {
            ck[nk] = in[i].hstem;
            cc[nk++] = (uint16_t)(1 + i % 3);
        }
    }
    struct ner_clusters *cl = NULL;
    CHECK_INT(ner_clusters_build(ck, cc, nk, &cl), LQ_OK);
    for (size_t n = 1; cl && n <= 9; n++) {
        ner_tokinfo_fill(lf, cl, t, n, in);
        check_feature_parts(in, n, 1);
    }
    ner_clusters_free(cl);
    ner_lexfeat_free(lf);
}

/* ------------------------------------------------------------ model */

/* The bytes of the file at @p path (at most 1 MiB, in a buffer the caller
 * frees; NULL when it cannot be had), their number in *len. */
static unsigned char *
slurp(const char *path, size_t *len)
{
    *len = 0;
    unsigned char *buf = malloc(1 << 20);
    FILE *f = buf ? fopen(path, "rb") : NULL;
    if (f) {
        *len = fread(buf, 1, 1 << 20, f);
        fclose(f);
    }
    return buf;
}

/* A model that tags the middle token of a hand-made sentence S-PER. */
static struct ner_model *
tiny_model(struct txt_token *t, size_t n, size_t target)
{
    struct ner_tokinfo in[8];
    ner_tokinfo_fill(NULL, NULL, t, n, in);
    uint64_t keys[8 * NER_MAX_FEATS];
    float rows[8 * NER_MAX_FEATS * L];
    size_t nk = 0;
    memset(rows, 0, sizeof(rows));
    for (size_t i = 0; i < n; i++) {
        uint64_t f[NER_MAX_FEATS];
        size_t nf = ner_token_features(in, n, i, f);
        for (size_t k = 0; k < nf; k++) {
            size_t j = 0;
            while (j < nk && keys[j] != f[k])
                j++;
            if (j == nk)
                keys[nk++] = f[k];
            rows[j * L + (i == target ? ner_label(NER_PER, NER_POS_S) : 0)] += 0.25f;
        }
    }
    struct ner_trans tr;
    memset(&tr, 0, sizeof(tr));
    tr.trans[0][ner_label(NER_PER, NER_POS_S)] = -0.5f;
    struct ner_model *m = NULL;
    CHECK_INT(ner_model_build(keys, rows, nk, &tr, NULL, "test model", NULL, &m), LQ_OK);
    return m;
}

static void
test_model_roundtrip(void)
{
    struct txt_token t[3] = {
        tok("قال", "قال", "قال", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("إن", "ان", "ان", "", TXT_WORD),
    };
    struct ner_model *m = tiny_model(t, 3, 1);
    if (NULL == m)
        return;
    CHECK(0 == strncmp(ner_model_id(m), "ner-perceptron-v4:", 18));
    CHECK_INT(strlen(ner_model_id(m)), 26);

    struct txt_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.tokens = t;
    doc.ntokens = 3;
    struct ner_tagger *tg = ner_tagger_new(m);
    CHECK(tg != NULL);
    struct ner_span sp[4];
    size_t n = 99;
    CHECK_INT(ner_tag(tg, &doc, 0, 3, sp, 4, &n), LQ_OK);
    CHECK_INT(n, 1);
    float margin = -1;
    if (1 == n) {
        CHECK_INT(sp[0].tok_begin, 1);
        CHECK_INT(sp[0].tok_end, 2);
        CHECK_INT(sp[0].type, NER_PER);
        CHECK(sp[0].margin > 0);
        margin = sp[0].margin;
    }
    /* a sub-range: spans keep document token indices */
    CHECK_INT(ner_tag(tg, &doc, 1, 3, sp, 4, &n), LQ_OK);
    CHECK_INT(n, 1);
    if (n)
        CHECK_INT(sp[0].tok_begin, 1);
    /* max = 0 still counts */
    CHECK_INT(ner_tag(tg, &doc, 0, 3, sp, 0, &n), LQ_OK);
    CHECK_INT(n, 1);
    /* empty range */
    CHECK_INT(ner_tag(tg, &doc, 2, 2, sp, 4, &n), LQ_OK);
    CHECK_INT(n, 0);

    char path[512];
    snprintf(path, sizeof(path), "%s/tiny.model", tmpdir);
    char err[512] = "";
    CHECK_INT(ner_model_save(m, path, err, sizeof(err)), LQ_OK);
    struct ner_model *m2 = NULL;
    CHECK_INT(ner_model_load(path, NULL, &m2, err, sizeof(err)), LQ_OK);
    if (m2) {
        CHECK_STR(ner_model_id(m2), ner_model_id(m));
        CHECK_STR(m2->meta, "test model");
        CHECK_INT(m2->nfeat, m->nfeat);
        CHECK(m2->scale == m->scale);
        CHECK(0 == memcmp(&m2->tr, &m->tr, sizeof(m->tr)));
        size_t same = 0;
        for (size_t i = 0; i < m->nfeat; i++) {
            const struct ner_slot *s1 = ner_model_find(m, m->keys[i]);
            const struct ner_slot *s2 = ner_model_find(m2, m->keys[i]);
            same += s1 && s2 && m->keys[i] == m2->keys[i] && 0 == memcmp(s1->w, s2->w, sizeof(s1->w));
        }
        CHECK_INT(same, m->nfeat);
        struct ner_tagger *tg2 = ner_tagger_new(m2);
        struct ner_span sp2[4];
        size_t n2 = 0;
        CHECK_INT(ner_tag(tg2, &doc, 0, 3, sp2, 4, &n2), LQ_OK);
        CHECK_INT(n2, 1);
        if (1 == n2)
            CHECK(fabsf(sp2[0].margin - margin) < 1e-5f);
        ner_tagger_free(tg2);
    }
    ner_model_free(m2);

    /* corrupt files: bad byte (checksum), truncated, bad magic, missing */
    size_t len;
    unsigned char *buf = slurp(path, &len);
    FILE *f;
    CHECK(len > 100);
    char bad[512];
    snprintf(bad, sizeof(bad), "%s/bad.model", tmpdir);
    struct {
        size_t len;
        size_t flip; /* byte to change, or SIZE_MAX */
        const char *what;
    } cases[] = {
        {len, len / 2, "checksum"},
        {len - 7, SIZE_MAX, "size"},
        {len / 3, SIZE_MAX, "size"},
        {len, 0, "magic"},
        {20, SIZE_MAX, "magic"},
        {len, 8, "version"},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        f = fopen(bad, "wb");
        if (NULL == f)
            break;
        if (SIZE_MAX != cases[k].flip)
            buf[cases[k].flip] ^= 0x5a;
        fwrite(buf, 1, cases[k].len, f);
        if (SIZE_MAX != cases[k].flip)
            buf[cases[k].flip] ^= 0x5a;
        fclose(f);
        struct ner_model *mb = (struct ner_model *)1;
        err[0] = 0;
        CHECK_INT(ner_model_load(bad, NULL, &mb, err, sizeof(err)), LQ_ERR_FORMAT);
        CHECK(NULL == mb);
        CHECK(NULL != strstr(err, bad));
        if (NULL == strstr(err, bad))
            fprintf(stderr, "case %zu: %s\n", k, err);
    }
    struct ner_model *mb = NULL;
    snprintf(bad, sizeof(bad), "%s/missing.model", tmpdir);
    CHECK_INT(ner_model_load(bad, NULL, &mb, err, sizeof(err)), LQ_ERR_IO);
    CHECK(NULL != strstr(err, "missing.model"));
    free(buf);
    ner_tagger_free(tg);
    ner_model_free(m);
    ner_tagger_free(NULL);
    ner_model_free(NULL);
}

/* A gazetteer given to a model (ner_model_set_gaz()) is saved with it, and
 * the loaded model's lexicon table has its classes, multiword prefixes
 * included; the lexicons' fingerprint does not count it. */
static void
test_gazetteer(void)
{
    struct ner_lexfeat *lf = NULL;
    CHECK_INT(ner_lexfeat_new(NULL, &lf), LQ_OK);
    if (NULL == lf)
        return;
    CHECK_INT(ner_lexfeat_add(lf, "سمير", NER_LX_FIRST), LQ_OK);
    uint64_t fp = ner_lexfeat_fingerprint(lf);
    uint64_t *gk = (uint64_t *)1;
    uint16_t *gf = (uint16_t *)1;
    CHECK_INT(ner_lexfeat_gaz_export(lf, &gk, &gf), 0); /* no gazetteer yet */
    CHECK(NULL == gk && NULL == gf);
    CHECK_INT(ner_lexfeat_add(lf, "فيلالون", NER_LX_GPER), LQ_OK);
    CHECK_INT(ner_lexfeat_add(lf, "سمير", NER_LX_GPER), LQ_OK); /* also a lexicon entry */
    CHECK_INT(ner_lexfeat_add(lf, "بحر الملح", NER_LX_GLOC), LQ_OK);
    CHECK(fp == ner_lexfeat_fingerprint(lf));
    size_t ng = ner_lexfeat_gaz_export(lf, &gk, &gf);
    CHECK_INT(ng, 4); /* three names and the prefix بحر */
    for (size_t i = 1; i < ng; i++)
        CHECK(gk[i - 1] < gk[i]);
    size_t prefixes = 0;
    for (size_t i = 0; i < ng; i++)
        prefixes += !!(gf[i] & NER_GAZ_PREFIX);
    CHECK_INT(prefixes, 1);
    free(gk);
    free(gf);

    struct txt_token t[3] = {
        tok("قال", "قال", "قال", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("إن", "ان", "ان", "", TXT_WORD),
    };
    struct ner_model *m = tiny_model(t, 3, 1);
    if (NULL == m) {
        ner_lexfeat_free(lf);
        return;
    }
    char id_before[64];
    snprintf(id_before, sizeof(id_before), "%s", ner_model_id(m));
    CHECK_INT(ner_model_set_gaz(m, lf), LQ_OK);
    CHECK_INT(m->ngaz, 4);
    CHECK(0 != strcmp(id_before, ner_model_id(m))); /* the file changes, so does the id */
    char path[512], err[512] = "";
    snprintf(path, sizeof(path), "%s/gaz.model", tmpdir);
    CHECK_INT(ner_model_save(m, path, err, sizeof(err)), LQ_OK);
    struct ner_model *m2 = NULL;
    CHECK_INT(ner_model_load(path, NULL, &m2, err, sizeof(err)), LQ_OK);
    if (m2) {
        CHECK_STR(ner_model_id(m2), ner_model_id(m));
        CHECK_INT(m2->ngaz, 4);
        CHECK(0 == memcmp(m2->gaz_keys, m->gaz_keys, 4 * sizeof(*m->gaz_keys)));
        /* "رحب سمير بفيلالون على بحر الملح": the loaded table knows the names */
        struct txt_token s[6] = {
            tok("رحب", "رحب", "رحب", "", TXT_WORD),
            tok("سمير", "سمير", "سمير", "", TXT_WORD),
            tok("بفيلالون", "فيلالون", "فيلالون", "ب", TXT_WORD),
            tok("علي", "علي", "علي", "", TXT_WORD),
            tok("بحر", "بحر", "بحر", "", TXT_WORD),
            tok("الملح", "الملح", "ملح", "", TXT_WORD),
        };
        struct ner_tokinfo in[6];
        ner_tokinfo_fill(m2->lexf, NULL, s, 6, in);
        uint16_t per = 1u << NER_LX_GPER, loc = 1u << NER_LX_GLOC;
        CHECK_INT(in[1].lex, per); /* the lexicon was not given to this model: no FIRST */
        CHECK_INT(in[2].lex, per);
        CHECK_INT(in[0].lex, 0);
        CHECK(in[4].mwb & loc);
        CHECK(in[5].mwe & loc);
        CHECK_INT(in[4].lex, 0);
        /* the fingerprint is still that of no lexicon at all */
        struct ner_lexfeat *none = NULL;
        CHECK_INT(ner_lexfeat_new(NULL, &none), LQ_OK);
        CHECK(ner_lexfeat_fingerprint(none) == ner_lexfeat_fingerprint(m2->lexf));
        ner_lexfeat_free(none);
    }
    ner_model_free(m2);

    /* gazetteer keys out of order (with a valid checksum) are a format error */
    size_t len;
    unsigned char *buf = slurp(path, &len);
    CHECK(len > 8 + 4 * 10);
    if (len > 8 + 4 * 10) {
        unsigned char *k0 = buf + len - 8 - 4 * 10, tmp[8];
        memcpy(tmp, k0, 8);
        memcpy(k0, k0 + 8, 8);
        memcpy(k0 + 8, tmp, 8);
        uint64_t ck = ner_hash_bytes((const char *)buf, len - 8);
        for (int b = 0; b < 8; b++)
            buf[len - 8 + b] = (unsigned char)(ck >> (8 * b));
        struct ner_model *mb = NULL;
        CHECK_INT(ner_model_parse(buf, len, "swapped", NULL, &mb, err, sizeof(err)), LQ_ERR_FORMAT);
        CHECK(NULL == mb);
        CHECK(NULL != strstr(err, "gazetteer"));
    }
    free(buf);
    ner_model_free(m);
    ner_lexfeat_free(lf);
}

/* Every class bit set everywhere: the templates stay within NER_MAX_FEATS. */
static void
test_feature_bound(void)
{
    struct ner_tokinfo in[5];
    memset(in, 0, sizeof(in));
    for (size_t i = 0; i < 5; i++) {
        in[i].hkey = 11 + i;
        in[i].hbase = 21 + i;
        in[i].hstem = 31 + i;
        in[i].hclit = 41 + i;
        for (int k = 0; k < 4; k++)
            in[i].hpre[k] = in[i].hsuf[k] = 51 + 10 * i + k;
        in[i].lex = in[i].mwb = in[i].mwi = in[i].mwe = (uint16_t)((1u << NER_LX_N) - 1);
        in[i].alt_lex = in[i].lex;
        in[i].halt = 61 + i;
        in[i].cls = in[i].alt_cls = 3;
        in[i].has_cls = 1;
        in[i].shape = 5;
    }
    uint64_t out[4 * NER_MAX_FEATS];
    size_t n = ner_token_features(in, 5, 2, out);
    CHECK(n <= NER_MAX_FEATS);
    check_feature_parts(in, 5, 1);
}

static void
test_long_range(void)
{
    /* more tokens than one decoding chunk: bounded scratch, spans everywhere */
    enum { N = 2600 };
    struct txt_token t[3] = {
        tok("قال", "قال", "قال", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("إن", "ان", "ان", "", TXT_WORD),
    };
    struct ner_model *m = tiny_model(t, 3, 1);
    if (NULL == m)
        return;
    struct txt_token *many = malloc(N * sizeof(*many));
    for (size_t i = 0; i < N; i++)
        many[i] = t[i % 3];
    struct txt_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.tokens = many;
    doc.ntokens = N;
    struct ner_tagger *tg = ner_tagger_new(m);
    struct ner_span *sp = malloc(N * sizeof(*sp));
    size_t n = 0;
    CHECK_INT(ner_tag(tg, &doc, 0, N, sp, N, &n), LQ_OK);
    CHECK(n > N / 3 - 5 && n <= N / 3 + 1);
    int ok = 1;
    for (size_t k = 0; k < n && k < N; k++)
        ok &= sp[k].tok_begin < sp[k].tok_end && sp[k].tok_end <= N && sp[k].margin >= 0 &&
              (0 == k || sp[k].tok_begin >= sp[k - 1].tok_end);
    CHECK(ok);
    free(sp);
    free(many);
    ner_tagger_free(tg);
    ner_model_free(m);
}

/* ------------------------------------------------------------ document */

/* Add weight @p w for label @p lab to every feature of token @p i of @p t
 * that no token of the @p nex tokens @p ex has. */
static void
add_specific(uint64_t *keys, float *rows, size_t *nk, const struct txt_token *t, size_t n,
             size_t i, const struct txt_token *ex, size_t nex, int lab, float w)
{
    struct ner_tokinfo in[8], ie[8];
    ner_tokinfo_fill(NULL, NULL, t, n, in);
    ner_tokinfo_fill(NULL, NULL, ex, nex, ie);
    uint64_t f[NER_MAX_FEATS], g[NER_MAX_FEATS];
    size_t nf = ner_token_features(in, n, i, f);
    for (size_t k = 0; k < nf; k++) {
        int seen = 0;
        for (size_t j = 0; j < nex && !seen; j++) {
            size_t ng = ner_token_features(ie, nex, j, g);
            seen = has_key(g, ng, f[k]);
        }
        if (seen)
            continue;
        size_t q = 0;
        while (q < *nk && keys[q] != f[k])
            q++;
        if (q == *nk) {
            keys[q] = f[k];
            memset(rows + q * L, 0, L * sizeof(float));
            (*nk)++;
        }
        rows[q * L + lab] += w;
    }
}

static void
test_tag_doc(void)
{
    /* sentence 1 names "سمير حداد"; sentence 2 has "وسمير حداد" and
     * sentence 3 "حداد" alone, in contexts the model knows nothing about */
    struct txt_token toks[9] = {
        tok("التقى", "التقى", "التقى", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("حداد", "حداد", "حداد", "", TXT_WORD),
        tok("ثم", "ثم", "ثم", "", TXT_WORD),
        tok("وسمير", "سمير", "سمير", "و", TXT_WORD),
        tok("حداد", "حداد", "حداد", "", TXT_WORD),
        tok("وقال", "قال", "قال", "و", TXT_WORD),
        tok("حداد", "حداد", "حداد", "", TXT_WORD),
        tok("أمس", "أمس", "أمس", "", TXT_WORD),
    };
    uint64_t keys[4 * NER_MAX_FEATS];
    float rows[4 * NER_MAX_FEATS * L];
    size_t nk = 0;
    add_specific(keys, rows, &nk, toks, 3, 1, toks + 3, 6, ner_label(NER_PER, NER_POS_B), 1);
    add_specific(keys, rows, &nk, toks, 3, 2, toks + 3, 6, ner_label(NER_PER, NER_POS_E), 1);
    struct ner_tokinfo in[1];
    uint64_t f[NER_MAX_FEATS];
    ner_tokinfo_fill(NULL, NULL, toks, 1, in);
    ner_token_features(in, 1, 0, f); /* f[0] is the bias, which every token has */
    size_t q = 0;
    while (q < nk && keys[q] != f[0])
        q++;
    if (q == nk) {
        keys[q] = f[0];
        memset(rows + q * L, 0, L * sizeof(float));
        nk++;
    }
    rows[q * L + 0] += 0.5f;
    struct ner_trans tr;
    memset(&tr, 0, sizeof(tr));
    struct ner_model *m = NULL;
    CHECK_INT(ner_model_build(keys, rows, nk, &tr, NULL, NULL, NULL, &m), LQ_OK);
    if (NULL == m)
        return;
    struct txt_sentence sents[3] = {{0, 0, 0, 3}, {0, 0, 3, 6}, {0, 0, 6, 9}};
    struct txt_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.tokens = toks;
    doc.ntokens = 9;
    doc.sents = sents;
    doc.nsents = 3;
    struct ner_tagger *tg = ner_tagger_new(m);
    struct ner_span sp[8];
    size_t n = 0;
    /* sentence by sentence, only the first mention is found */
    for (size_t s = 0; s < 3; s++) {
        size_t k = 0;
        CHECK_INT(ner_tag(tg, &doc, sents[s].tok_begin, sents[s].tok_end, sp, 8, &k), LQ_OK);
        CHECK_INT(k, 0 == s ? 1 : 0);
    }
    CHECK_INT(ner_tag_doc(tg, &doc, sp, 8, &n), LQ_OK);
    CHECK_INT(n, 3);
    if (3 == n) {
        CHECK_INT(sp[0].tok_begin, 1);
        CHECK_INT(sp[0].tok_end, 3);
        CHECK_INT(sp[1].tok_begin, 4); /* the proclitic does not stop the match */
        CHECK_INT(sp[1].tok_end, 6);
        CHECK_INT(sp[1].type, NER_PER);
        CHECK_INT(sp[2].tok_begin, 7); /* the last name alone */
        CHECK_INT(sp[2].tok_end, 8);
        CHECK_INT(sp[2].type, NER_PER);
        CHECK(sp[1].margin == sp[0].margin);
    }
    /* max smaller than the count */
    CHECK_INT(ner_tag_doc(tg, &doc, sp, 1, &n), LQ_OK);
    CHECK_INT(n, 3);
    /* an empty document */
    doc.ntokens = 0;
    doc.nsents = 0;
    CHECK_INT(ner_tag_doc(tg, &doc, sp, 8, &n), LQ_OK);
    CHECK_INT(n, 0);
    ner_tagger_free(tg);
    ner_model_free(m);
}


/* ------------------------------------------------------------ second stage */

static void
test_doc_features(void)
{
    /* stems: A B A C A; the first stage tagged the first and last A S-PER
     * and the pair (C, A) as one ORG */
    uint64_t stem[5] = {11, 22, 11, 33, 11};
    uint8_t lab[5] = {4, 0, 0, 0, 4};
    struct ner_docstat *ds = NULL;
    CHECK_INT(ner_docstat_new(&ds), LQ_OK);
    if (NULL == ds)
        return;
    CHECK_INT(ner_docstat_build(ds, stem, lab, 5), LQ_OK);
    uint64_t f0[NER_MAX_DOCFEATS], f2[NER_MAX_DOCFEATS], f4[NER_MAX_DOCFEATS],
        f1[NER_MAX_DOCFEATS];
    size_t n0 = ner_doc_features(ds, stem, NULL, NULL, lab, 0, 5, 0, f0);
    size_t n2 = ner_doc_features(ds, stem, NULL, NULL, lab, 0, 5, 2, f2);
    size_t n4 = ner_doc_features(ds, stem, NULL, NULL, lab, 0, 5, 4, f4);
    size_t n1 = ner_doc_features(ds, stem, NULL, NULL, lab, 0, 5, 1, f1);
    CHECK(n0 > 2 && n0 <= NER_MAX_DOCFEATS);
    CHECK(n2 > n0); /* the middle A also sees an earlier first occurrence */
    CHECK(n4 <= NER_MAX_DOCFEATS);
    /* B occurs once: "unique" and the label context, plus both neighbours' majority */
    CHECK(n1 >= 2);
    /* a token's own label is left out of the counts: the middle A (O) sees
     * two S-PER, the last A (S-PER) one S-PER and one O */
    CHECK(common(f2, n2, f4, n4) < n2);
    /* a chunk bound hides the neighbours */
    uint64_t g[NER_MAX_DOCFEATS];
    size_t ng = ner_doc_features(ds, stem, NULL, NULL, lab, 1, 2, 1, g);
    CHECK_INT(ng, 2);
    /* the alternative stem finds the others when the stem has none */
    uint64_t stem2[2] = {11, 44}, alt2[2] = {0, 11};
    uint8_t lab2[2] = {4, 0};
    CHECK_INT(ner_docstat_build(ds, stem2, lab2, 2), LQ_OK);
    size_t na = ner_doc_features(ds, stem2, alt2, NULL, lab2, 1, 2, 1, g);
    size_t nb = ner_doc_features(ds, stem2, NULL, NULL, lab2, 1, 2, 1, f1);
    CHECK(na > nb);
    /* a long document: bounded and still correct */
    size_t big = 100000;
    uint64_t *bs = malloc(big * sizeof(*bs));
    uint8_t *bl = calloc(big, 1);
    if (bs && bl) {
        for (size_t i = 0; i < big; i++)
            bs[i] = 1 + i % 5000;
        bl[7] = 4;
        CHECK_INT(ner_docstat_build(ds, bs, bl, big), LQ_OK);
        size_t nx = ner_doc_features(ds, bs, NULL, NULL, bl, 5000, 10000, 5007, g);
        size_t ny = ner_doc_features(ds, bs, NULL, NULL, bl, 5000, 10000, 5008, f1);
        CHECK(nx > 0 && ny > 0 && common(g, nx, f1, ny) < nx);
    }
    free(bs);
    free(bl);
    ner_docstat_free(ds);
    ner_docstat_free(NULL);
}

static void
test_stack(void)
{
    /* stage 1 tags "سمير" after "قال" only; the second stage, told that a
     * word the first stage tagged elsewhere is a person, tags the other
     * occurrence too */
    struct txt_token toks[6] = {
        tok("قال", "قال", "قال", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("أمس", "أمس", "أمس", "", TXT_WORD),
        tok("ثم", "ثم", "ثم", "", TXT_WORD),
        tok("سمير", "سمير", "سمير", "", TXT_WORD),
        tok("غدا", "غدا", "غدا", "", TXT_WORD),
    };
    uint64_t fk[2 * NER_MAX_FEATS];
    float fr[2 * NER_MAX_FEATS * L];
    size_t nfk = 0;
    add_specific(fk, fr, &nfk, toks, 3, 1, toks + 3, 3, ner_label(NER_PER, NER_POS_S), 1);
    struct ner_tokinfo in1[1];
    uint64_t bf[NER_MAX_FEATS];
    ner_tokinfo_fill(NULL, NULL, toks, 1, in1);
    ner_token_features(in1, 1, 0, bf); /* the bias */
    fk[nfk] = bf[0];
    memset(fr + nfk * L, 0, L * sizeof(float));
    fr[nfk * L] = 0.5f;
    nfk++;
    struct ner_trans ftr;
    memset(&ftr, 0, sizeof(ftr));
    struct ner_model *m = NULL;
    CHECK_INT(ner_model_build(fk, fr, nfk, &ftr, NULL, NULL, NULL, &m), LQ_OK);
    if (NULL == m)
        return;
    struct txt_sentence sents[2] = {{0, 0, 0, 3}, {0, 0, 3, 6}};
    struct txt_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.tokens = toks;
    doc.ntokens = 6;
    doc.sents = sents;
    doc.nsents = 2;
    struct ner_tagger *tg = ner_tagger_new(m);
    struct ner_span sp[8];
    size_t n = 0;
    CHECK_INT(ner_tag_doc_ex(tg, &doc, sp, 8, &n, NER_DOC_NO_CONSISTENCY), LQ_OK);
    CHECK_INT(n, 1);
    /* the second stage's input: the features of token 4 */
    const float *emit;
    const uint64_t *keys;
    const size_t *kofs;
    CHECK_INT(ner_tag_doc_input(tg, &doc, &emit, &keys, &kofs), LQ_OK);
    CHECK(kofs[5] > kofs[4] && kofs[6] <= 6 * NER_MAX_DOCFEATS);
    size_t nk = kofs[5] - kofs[4];
    uint64_t dk[NER_MAX_DOCFEATS];
    float rows[NER_MAX_DOCFEATS * L];
    memset(rows, 0, sizeof(rows));
    for (size_t k = 0; k < nk; k++) {
        dk[k] = keys[kofs[4] + k];
        rows[k * L + ner_label(NER_PER, NER_POS_S)] = 5.0f;
    }
    /* keys shared with other tokens would tag them too: keep token 4's own */
    size_t w = 0;
    for (size_t k = 0; k < nk; k++) {
        int shared = 0;
        for (size_t i = 0; i < 6 && !shared; i++)
            if (4 != i)
                shared = has_key(keys + kofs[i], kofs[i + 1] - kofs[i], dk[k]);
        if (!shared)
            dk[w++] = dk[k];
    }
    CHECK(w > 0);
    char idv2[64];
    snprintf(idv2, sizeof(idv2), "%s", ner_model_id(m));
    CHECK_INT(ner_model_set_doc(m, dk, rows, w), LQ_OK);
    CHECK(0 == strncmp(ner_model_id(m), "ner-perceptron-v4:", 18));
    CHECK(0 != strcmp(ner_model_id(m), idv2));
    CHECK(m->doc != NULL && m->doc->nfeat == w);
    ner_tagger_free(tg);
    tg = ner_tagger_new(m);
    CHECK_INT(ner_tag_doc_ex(tg, &doc, sp, 8, &n, NER_DOC_NO_CONSISTENCY), LQ_OK);
    CHECK_INT(n, 2);
    if (2 == n) {
        CHECK_INT(sp[1].tok_begin, 4);
        CHECK_INT(sp[1].tok_end, 5);
        CHECK_INT(sp[1].type, NER_PER);
        CHECK(sp[1].margin > 0);
    }
    CHECK_INT(ner_tag_doc_ex(tg, &doc, sp, 8, &n, NER_DOC_NO_STACK | NER_DOC_NO_CONSISTENCY),
              LQ_OK);
    CHECK_INT(n, 1);
    /* ner_tag() is the first stage alone */
    CHECK_INT(ner_tag(tg, &doc, 3, 6, sp, 8, &n), LQ_OK);
    CHECK_INT(n, 0);
    /* save and load keep the second stage */
    char path[512], err[512] = "";
    snprintf(path, sizeof(path), "%s/tiny.model", tmpdir);
    CHECK_INT(ner_model_save(m, path, err, sizeof(err)), LQ_OK);
    struct ner_model *m2 = NULL;
    CHECK_INT(ner_model_load(path, NULL, &m2, err, sizeof(err)), LQ_OK);
    if (m2) {
        CHECK_STR(ner_model_id(m2), ner_model_id(m));
        CHECK(m2->doc != NULL && m2->doc->nfeat == w && m2->doc->scale == m->doc->scale);
        struct ner_tagger *tg2 = ner_tagger_new(m2);
        struct ner_span sp2[8];
        size_t n2 = 0;
        CHECK_INT(ner_tag_doc(tg2, &doc, sp2, 8, &n2), LQ_OK);
        CHECK_INT(ner_tag_doc(tg, &doc, sp, 8, &n), LQ_OK);
        CHECK_INT(n2, n);
        for (size_t k = 0; k < n && k < n2; k++)
            CHECK(sp[k].tok_begin == sp2[k].tok_begin && sp[k].type == sp2[k].type &&
                  fabsf(sp[k].margin - sp2[k].margin) < 1e-4f);
        ner_tagger_free(tg2);
    }
    ner_model_free(m2);
    /* a truncated second stage is refused */
    size_t len;
    unsigned char *buf = slurp(path, &len);
    if (len > 40) {
        struct ner_model *mb = NULL;
        CHECK_INT(ner_model_parse(buf, len - 18, "cut", NULL, &mb, err, sizeof(err)),
                  LQ_ERR_FORMAT);
        CHECK(NULL == mb);
    }
    free(buf);
    ner_tagger_free(tg);
    ner_model_free(m);

    /* a whole second-stage model: the first stage's weights plus the
     * document features, with its own transitions */
    struct ner_model *m1 = NULL, *d = NULL;
    CHECK_INT(ner_model_build(fk, fr, nfk, &ftr, NULL, NULL, NULL, &m1), LQ_OK);
    uint64_t ak[2 * NER_MAX_FEATS + NER_MAX_DOCFEATS];
    float ar[(2 * NER_MAX_FEATS + NER_MAX_DOCFEATS) * L];
    memcpy(ak, fk, nfk * sizeof(*ak));
    memcpy(ar, fr, nfk * L * sizeof(*ar));
    memcpy(ak + nfk, dk, w * sizeof(*ak));
    memcpy(ar + nfk * L, rows, w * L * sizeof(*ar));
    CHECK_INT(ner_model_build(ak, ar, nfk + w, &ftr, NULL, NULL, NULL, &d), LQ_OK);
    if (NULL == m1 || NULL == d) {
        ner_model_free(m1);
        ner_model_free(d);
        return;
    }
    CHECK_INT(ner_model_set_doc_model(m1, d), LQ_OK);
    CHECK_INT(m1->doc_mode, NER_STACK_FULL);
    tg = ner_tagger_new(m1);
    CHECK_INT(ner_tag_doc_ex(tg, &doc, sp, 8, &n, NER_DOC_NO_CONSISTENCY), LQ_OK);
    CHECK_INT(n, 2);
    CHECK_INT(ner_tag(tg, &doc, 3, 6, sp, 8, &n), LQ_OK);
    CHECK_INT(n, 0);
    CHECK_INT(ner_model_save(m1, path, err, sizeof(err)), LQ_OK);
    m2 = NULL;
    CHECK_INT(ner_model_load(path, NULL, &m2, err, sizeof(err)), LQ_OK);
    if (m2) {
        CHECK_STR(ner_model_id(m2), ner_model_id(m1));
        CHECK_INT(m2->doc_mode, NER_STACK_FULL);
        CHECK(m2->doc && m2->doc->nfeat == m1->doc->nfeat);
        CHECK(m2->doc && 0 == memcmp(&m2->doc->tr, &m1->doc->tr, sizeof(m1->doc->tr)));
        struct ner_tagger *tg2 = ner_tagger_new(m2);
        struct ner_span sp2[8];
        size_t n2 = 0;
        CHECK_INT(ner_tag_doc(tg2, &doc, sp2, 8, &n2), LQ_OK);
        CHECK_INT(ner_tag_doc(tg, &doc, sp, 8, &n), LQ_OK);
        CHECK_INT(n2, n);
        ner_tagger_free(tg2);
    }
    ner_model_free(m2);
    ner_tagger_free(tg);
    ner_model_free(m1);
}

/* ------------------------------------------------------------ corpora */

static void
test_tag_maps(void)
{
    int b = -1;
    CHECK_INT(ner_map_tag(NER_TAGSET_ANERCORP, "B-PERS", &b), NER_PER);
    CHECK_INT(b, 1);
    CHECK_INT(ner_map_tag(NER_TAGSET_ANERCORP, "I-ORG", &b), NER_ORG);
    CHECK_INT(b, 0);
    CHECK_INT(ner_map_tag(NER_TAGSET_ANERCORP, "B-MISC", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_ANERCORP, "O", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_ANERCORP, "B-PER", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "B-GPE", &b), NER_LOC);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "I-FAC", &b), NER_LOC);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "B-LOC", &b), NER_LOC);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "B-PER", &b), NER_PER);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "B-ORG", &b), NER_ORG);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "B-PRO", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_FANE, "I-VEH", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_AQMAR, "B-MIS1", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_AQMAR, "I--ORG", &b), NER_NONE);
    CHECK_INT(ner_map_tag(NER_TAGSET_AQMAR, "B-LOC", &b), NER_LOC);
    CHECK_INT(ner_tagset_parse("fane"), NER_TAGSET_FANE);
    CHECK_INT(ner_tagset_parse("conll"), -1);
}

static void
test_corpus_read(void)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/c.txt", tmpdir);
    FILE *f = fopen(path, "w");
    if (NULL == f) {
        CHECK(0);
        return;
    }
    /* sentence 1: clitics split as in NewsFANE; sentence 2 after a TAB-only line */
    fputs("و\tO\nالتقى\tO\nب\tO\nسمير\tB-PER\nحداد\tI-PER\nل\tO\nالحديث\tO\nفي\tO\n"
          "دمشق\tB-GPE\n.\tO\n\t\nالكتاب\tB-PRO\nو\tO\n5\tO\n",
          f);
    fclose(f);
    char err[512];
    struct ner_corpus c = {0};
    /* named as on a command line: the same with +merge, bad names refused */
    char spec[600];
    snprintf(spec, sizeof(spec), "fane+merge:%s", path);
    CHECK_INT(ner_corpus_read_spec(spec, &c, err, sizeof(err)), LQ_OK);
    CHECK_INT(c.nsents, 2);
    if (2 == c.nsents)
        CHECK_STR(c.sents[0].words[0], "والتقى");
    ner_corpus_clear(&c);
    snprintf(spec, sizeof(spec), "fane+split:%s", path);
    CHECK_INT(ner_corpus_read_spec(spec, &c, err, sizeof(err)), LQ_ERR_INVALID);
    CHECK(NULL != strstr(err, "+split"));
    CHECK_INT(ner_corpus_read_spec("conll:x.txt", &c, err, sizeof(err)), LQ_ERR_INVALID);
    CHECK_INT(ner_corpus_read_spec("no-colon", &c, err, sizeof(err)), LQ_ERR_INVALID);
    CHECK_INT(c.nsents, 0);
    CHECK_INT(ner_corpus_read(path, NER_TAGSET_FANE, 1, &c, err, sizeof(err)), LQ_OK);
    CHECK_INT(c.nsents, 2);
    if (2 == c.nsents) {
        const struct ner_sent *s = &c.sents[0];
        CHECK_INT(s->n, 7);
        if (7 == s->n) {
            CHECK_STR(s->words[0], "والتقى");
            CHECK_STR(s->words[1], "بسمير");
            CHECK_INT(s->types[1], NER_PER);
            CHECK_INT(s->begins[1], 1);
            CHECK_STR(s->words[3], "للحديث");
            CHECK_INT(s->types[5], NER_LOC);
        }
        struct ner_span sp[8];
        CHECK_INT(ner_sent_spans(s, sp, 8), 2);
        CHECK_INT(sp[0].tok_begin, 1);
        CHECK_INT(sp[0].tok_end, 3);
        /* a clitic before a number stays a token */
        CHECK_INT(c.sents[1].n, 3);
        CHECK_INT(c.sents[1].types[0], NER_NONE);
    }
    ner_corpus_clear(&c);
    CHECK_INT(ner_corpus_read(path, NER_TAGSET_FANE, 0, &c, err, sizeof(err)), LQ_OK);
    CHECK_INT(c.nsents, 2);
    if (c.nsents)
        CHECK_INT(c.sents[0].n, 10);
    ner_corpus_clear(&c);

    /* conlleval semantics: an I- after O or after another type starts a span */
    f = fopen(path, "w");
    fputs("a\tI-PERS\nb\tI-PERS\nc\tI-LOC\nd\tO\ne\tB-ORG\nf\tB-ORG\ng\tB-MISC\nh\tI-MISC\n", f);
    fclose(f);
    CHECK_INT(ner_corpus_read(path, NER_TAGSET_ANERCORP, 0, &c, err, sizeof(err)), LQ_OK);
    if (1 == c.nsents) {
        struct ner_span sp[8];
        size_t n = ner_sent_spans(&c.sents[0], sp, 8);
        CHECK_INT(n, 4);
        if (4 == n) {
            CHECK_INT(sp[0].tok_end, 2);
            CHECK_INT(sp[1].type, NER_LOC);
            CHECK_INT(sp[2].tok_begin, 4);
            CHECK_INT(sp[3].tok_begin, 5);
        }
    }
    ner_corpus_clear(&c);

    f = fopen(path, "w");
    fputs("word without tab\n", f);
    fclose(f);
    CHECK_INT(ner_corpus_read(path, NER_TAGSET_ANERCORP, 0, &c, err, sizeof(err)), LQ_ERR_FORMAT);
    CHECK(NULL != strstr(err, ":1:"));
    ner_corpus_clear(&c);
    remove(path);
}

static void
test_score(void)
{
    struct ner_span gold[] = {{0, 2, NER_PER, 0}, {3, 4, NER_LOC, 0}, {5, 7, NER_ORG, 0}};
    struct ner_span pred[] = {{0, 2, NER_PER, 0}, {3, 4, NER_ORG, 0}, {5, 6, NER_ORG, 0},
                              {8, 9, NER_LOC, 0}};
    struct ner_score sc;
    memset(&sc, 0, sizeof(sc));
    ner_score_add(&sc, gold, 3, pred, 4);
    CHECK_INT(sc.tp[NER_PER], 1);
    CHECK_INT(sc.fp[NER_ORG], 2);
    CHECK_INT(sc.fn[NER_ORG], 1);
    CHECK_INT(sc.fn[NER_LOC], 1);
    CHECK_INT(sc.fp[NER_LOC], 1);
    /* micro: tp 1, fp 3, fn 2 → P 25, R 33.3, F1 28.57 */
    CHECK(fabs(ner_score_f1(&sc, 0) - 200.0 / 7.0) < 1e-6);
    CHECK(fabs(ner_score_f1(&sc, NER_PER) - 100.0) < 1e-6);
}

int
main(void)
{
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof(tmpdir), "%s/liqa-ner-test-XXXXXX", base ? base : "/tmp");
    if (NULL == mkdtemp(tmpdir))
        return TEST_SETUP_FAILURE;
    test_labels();
    test_viterbi_brute();
    test_viterbi_reference();
    test_viterbi_constraints();
    test_features();
    test_lexicon_features();
    test_feature_parts();
    test_model_roundtrip();
    test_gazetteer();
    test_feature_bound();
    test_long_range();
    test_tag_doc();
    test_doc_features();
    test_stack();
    test_tag_maps();
    test_corpus_read();
    test_score();
    char p[600];
    snprintf(p, sizeof(p), "%s/tiny.model", tmpdir);
    remove(p);
    snprintf(p, sizeof(p), "%s/bad.model", tmpdir);
    remove(p);
    rmdir(tmpdir);
    return test_done();
}

/* end of test_ner.c */
