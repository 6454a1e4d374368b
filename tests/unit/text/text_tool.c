/* A small tool for the text layer, not a test:
 *   text_tool dump [lexicon...] < text   tokens and sentences of a text
 *   text_tool bench [file [rounds [lexicon]]]  time txt_analyze() on a text
 *                                        (the lexicon serves as protect and known)
 * The first lexicon given to dump is the protect lexicon, the second known. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/status.h"
#include "liqa/text.h"

static char *
read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (NULL == buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            char *p = realloc(buf, cap * 2);
            if (NULL == p) {
                free(buf);
                return NULL;
            }
            buf = p;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (0 == got)
            break;
        n += got;
    }
    *len = n;
    return buf;
}

static const char *const kinds[] = { "WORD", "LATIN", "NUMBER", "DATE", "HASHTAG", "PUNCT",
                                     "SYMBOL" };

static int
dump(int argc, char **argv)
{
    struct lex *lx[2] = { NULL, NULL };
    char err[512];
    for (int i = 0; i < argc && i < 2; i++) {
        lx[i] = lex_new();
        if (NULL == lx[i] || lex_load_file(lx[i], argv[i], err, sizeof(err))) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
    }
    size_t len;
    char *text = read_all(stdin, &len);
    struct txt_ctx *ctx;
    if (NULL == text || txt_ctx_new(lx[0], lx[1], &ctx))
        return 1;
    struct txt_scratch *sc = txt_scratch_new(ctx);
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc;
    size_t bad = 0;
    int ret = txt_analyze(ctx, sc, a, text, len, &bad, &doc);
    if (ret) {
        fprintf(stderr, "%s (byte %zu)\n", lq_status_str(ret), bad);
        return 1;
    }
    for (size_t s = 0; s < doc->nsents; s++) {
        const struct txt_sentence *se = &doc->sents[s];
        printf("== sentence %zu [%u,%u) tokens [%u,%u)\n", s, se->start, se->end, se->tok_begin,
               se->tok_end);
        for (size_t t = se->tok_begin; t < se->tok_end; t++) {
            const struct txt_token *tk = &doc->tokens[t];
            printf("  %-7s [%u,%u) body %u %s key=%s base=%s stem=%s cl=%s flags=%x\n",
                   kinds[tk->kind], tk->start, tk->end, tk->body_start, tk->surface, tk->key,
                   tk->base, tk->stem, tk->clitics, tk->flags);
        }
    }
    txt_scratch_free(sc);
    txt_ctx_free(ctx);
    lq_arena_free(a);
    lex_free(lx[0]);
    lex_free(lx[1]);
    free(text);
    return 0;
}

static double
now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A 4 KB article of our own when no file is given. */
static const char sample[] =
    "التقى وزير الخارجية الأمريكي مايك بومبيو، يوم الثلاثاء 31/1/2018، نظيره الفرنسي في "
    "باريس لبحث الأوضاع في سوريا وليبيا. وقال الوزير في مؤتمر صحفي إن الجانبين اتفقا على "
    "مواصلة التنسيق بشأن الملفات الإقليمية، وأضاف أن واشنطن ستواصل دعمها للحكومة الشرعية.\n"
    "ومن المقرر أن يلتقي بومبيو الأسبوع المقبل بالرئيس اللبناني في بيروت، كما سيزور "
    "بغداد والكويت قبل أن يعود إلى العاصمة الأمريكية. وذكرت صحيفة \"واشنطن بوست\" أن "
    "المحادثات تناولت أيضا ملف اللاجئين؛ فهل تنجح الجهود الدبلوماسية؟ يرى مراقبون أن "
    "نسبة النجاح لا تتجاوز 3.5 في المئة.\n";

static int
bench(int argc, char **argv)
{
    char *text = NULL;
    size_t len = 0;
    if (argc >= 1) {
        FILE *f = fopen(argv[0], "rb");
        if (NULL == f) {
            perror(argv[0]);
            return 1;
        }
        text = read_all(f, &len);
        fclose(f);
    } else {
        /* repeat the sample up to 4096 bytes */
        len = 0;
        text = malloc(4096 + sizeof(sample));
        while (text && len + sizeof(sample) - 1 <= 4096) {
            memcpy(text + len, sample, sizeof(sample) - 1);
            len += sizeof(sample) - 1;
        }
    }
    int rounds = argc >= 2 ? atoi(argv[1]) : 2000;
    if (NULL == text || rounds <= 0)
        return 1;
    struct lex *protect = NULL;
    if (argc >= 3) {
        char err[512];
        protect = lex_new();
        if (NULL == protect || lex_load_file(protect, argv[2], err, sizeof(err))) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
    }
    struct txt_ctx *ctx;
    if (txt_ctx_new(protect, protect, &ctx))
        return 1;
    struct txt_scratch *sc = txt_scratch_new(ctx);
    struct lq_arena *a = lq_arena_new(0);
    struct txt_doc *doc = NULL;
    size_t bad;
    double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID);
    for (int r = 0; r < rounds; r++) {
        lq_arena_reset(a);
        if (txt_analyze(ctx, sc, a, text, len, &bad, &doc))
            return 1;
    }
    double w1 = now(CLOCK_MONOTONIC), c1 = now(CLOCK_THREAD_CPUTIME_ID);
    /* CPU time is what one core spends; wall time includes waiting for it */
    printf("%zu bytes, %u code points, %zu tokens, %zu sentences: %.4f ms CPU, %.4f ms wall "
           "per analysis\n",
           len, doc->ncp, doc->ntokens, doc->nsents, (c1 - c0) * 1e3 / rounds,
           (w1 - w0) * 1e3 / rounds);
    txt_scratch_free(sc);
    txt_ctx_free(ctx);
    lq_arena_free(a);
    lex_free(protect);
    free(text);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc >= 2 && 0 == strcmp(argv[1], "dump"))
        return dump(argc - 2, argv + 2);
    if (argc >= 2 && 0 == strcmp(argv[1], "bench"))
        return bench(argc - 2, argv + 2);
    fprintf(stderr, "usage: text_tool dump [protect [known]] < text | bench [file [rounds [lexicon]]]\n");
    return 2;
}

/* end of text_tool.c */
