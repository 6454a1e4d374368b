/* Data-driven tests of the time normalizer: tests/unit/timex/timex.test.
 *
 * The table is read in groups of lines separated by blank lines (jq style;
 * `#` lines are comments):
 *   1. an Arabic text
 *   2. the publication date (ISO date or RFC 3339), or "none"
 *   3. the tense of the clause: "past" or "future"
 *   4. the value of every expression found, in text order, joined by " ; "
 *      ("null" for an expression without value, "-" when none is found)
 *   5. optional: "text: " and the text of every expression, joined by " ; "
 * Each text runs through txt_analyze, tmx_scan over all its tokens and
 * tmx_resolve.
 *
 * usage: test_timex_table TABLE TIME_WORDS_TXT
 */
#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EXPR 16
#define LINE_MAX_ 4096

struct group {
    char text[LINE_MAX_], dct[LINE_MAX_], tense[LINE_MAX_], want[LINE_MAX_], want_text[LINE_MAX_];
    int has_text;
    int line;
};

static void
chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ('\n' == s[n - 1] || '\r' == s[n - 1]))
        s[--n] = '\0';
}

/* Append "piece" to buf with " ; " between pieces. */
static void
join(char *buf, size_t cap, const char *piece)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? " ; " : "", piece);
}

static int
run_group(const struct tmx_ctx *tc, const struct txt_ctx *xc, struct txt_scratch *scr,
          struct lq_arena *arena, const struct group *g)
{
    struct tmx_date dct;
    const struct tmx_date *pd = NULL;
    if (0 != strcmp(g->dct, "none")) {
        if (!tmx_parse_published(g->dct, &dct)) {
            fprintf(stderr, "line %d: bad date \"%s\"\n", g->line, g->dct);
            return 0;
        }
        pd = &dct;
    }
    int future;
    if (0 == strcmp(g->tense, "future"))
        future = 1;
    else if (0 == strcmp(g->tense, "past"))
        future = 0;
    else {
        fprintf(stderr, "line %d: bad tense \"%s\"\n", g->line, g->tense);
        return 0;
    }
    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    int rc = txt_analyze(xc, scr, arena, g->text, strlen(g->text), &bad, &doc);
    if (LQ_OK != rc) {
        fprintf(stderr, "line %d: txt_analyze: %s\n", g->line, lq_status_str(rc));
        return 0;
    }
    struct tmx_expr ex[MAX_EXPR];
    size_t n = 0;
    rc = tmx_scan(tc, doc, 0, doc->ntokens, ex, MAX_EXPR, &n);
    if (LQ_OK != rc) {
        fprintf(stderr, "line %d: tmx_scan: %s\n", g->line, lq_status_str(rc));
        return 0;
    }
    char got[LINE_MAX_] = "", got_text[LINE_MAX_] = "";
    for (size_t i = 0; i < n && i < MAX_EXPR; i++) {
        char v[32];
        join(got, sizeof(got), tmx_resolve(&ex[i], pd, future, v, sizeof(v)) ? v : "null");
        char *t = txt_slice(doc, arena, ex[i].start, ex[i].end);
        join(got_text, sizeof(got_text), t ? t : "(nomem)");
    }
    if (0 == n)
        snprintf(got, sizeof(got), "-");
    int ok = 0 == strcmp(got, g->want);
    if (g->has_text && 0 != strcmp(got_text, g->want_text))
        ok = 0;
    if (!ok) {
        fprintf(stderr, "line %d: %s\n  dct %s, %s\n  want: %s", g->line, g->text, g->dct,
                g->tense, g->want);
        if (g->has_text)
            fprintf(stderr, " [%s]", g->want_text);
        fprintf(stderr, "\n  got:  %s [%s]\n", got, got_text);
    }
    return ok;
}

/* The scan API itself: counting past max, bad arguments, ranges, no lexicon. */
static void
api_checks(const struct tmx_ctx *tc, const struct txt_ctx *xc, struct txt_scratch *scr,
           struct lq_arena *arena)
{
    static const char text[] = "\xd8\xa3\xd9\x85\xd8\xb3 \xd9\x88\xd8\xa7\xd9\x84\xd9\x8a"
                               "\xd9\x88\xd9\x85 \xd9\x88\xd8\xba\xd8\xaf\xd8\xa7"; /* أمس واليوم وغدا */
    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    CHECK_INT(txt_analyze(xc, scr, arena, text, strlen(text), &bad, &doc), LQ_OK);
    if (NULL == doc)
        return;
    struct tmx_expr ex[2];
    size_t n = 99;
    CHECK_INT(tmx_scan(tc, doc, 0, doc->ntokens, ex, 2, &n), LQ_OK);
    CHECK_INT(n, 3);
    CHECK_INT(ex[0].offset, -1);
    CHECK_INT(ex[1].offset, 0);
    CHECK_INT(ex[1].anchor, TMX_RELATIVE);
    CHECK_INT(ex[1].grain, TMX_DAY);
    CHECK_INT(tmx_scan(tc, doc, 0, doc->ntokens, NULL, 0, &n), LQ_OK);
    CHECK_INT(n, 3);
    CHECK_INT(tmx_scan(tc, doc, 1, 2, ex, 2, &n), LQ_OK); /* only واليوم */
    CHECK_INT(n, 1);
    CHECK_INT(ex[0].tok_begin, 1);
    CHECK_INT(ex[0].tok_end, 2);
    CHECK_INT(ex[0].start, doc->tokens[1].body_start);
    CHECK_INT(tmx_scan(tc, doc, 0, 1000, ex, 2, &n), LQ_OK); /* clamped */
    CHECK_INT(n, 3);
    CHECK_INT(tmx_scan(tc, doc, 5, 2, ex, 2, &n), LQ_OK);
    CHECK_INT(n, 0);
    CHECK_INT(tmx_scan(NULL, doc, 0, 1, ex, 2, &n), LQ_ERR_INVALID);
    CHECK_INT(tmx_scan(tc, NULL, 0, 1, ex, 2, &n), LQ_ERR_INVALID);
    CHECK_INT(tmx_scan(tc, doc, 0, 1, NULL, 2, &n), LQ_ERR_INVALID);
    CHECK_INT(tmx_scan(tc, doc, 0, 1, ex, 2, NULL), LQ_ERR_INVALID);

    /* without time_words, ICU's names alone still give dates */
    struct tmx_ctx *bare = NULL;
    CHECK_INT(tmx_ctx_new(NULL, &bare), LQ_OK);
    static const char date[] = "25 \xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1 2018"; /* 25 يناير 2018 */
    lq_arena_reset(arena);
    CHECK_INT(txt_analyze(xc, scr, arena, date, strlen(date), &bad, &doc), LQ_OK);
    if (NULL != bare && NULL != doc) {
        CHECK_INT(tmx_scan(bare, doc, 0, doc->ntokens, ex, 2, &n), LQ_OK);
        CHECK_INT(n, 1);
        char v[16];
        CHECK(tmx_resolve(&ex[0], NULL, 0, v, sizeof(v)));
        CHECK_STR(v, "2018-01-25");
    }
    tmx_ctx_free(bare);
    tmx_ctx_free(NULL);
    CHECK_INT(tmx_ctx_new(NULL, NULL), LQ_ERR_INVALID);
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s TABLE TIME_WORDS_TXT\n", argv[0]);
        return TEST_SETUP_FAILURE;
    }
    char err[256] = "";
    struct lex *tw = lex_new();
    if (NULL == tw || LQ_OK != lex_load_file(tw, argv[2], err, sizeof(err))) {
        fprintf(stderr, "time words: %s\n", err);
        return TEST_SETUP_FAILURE;
    }
    struct lq_lexicons lx;
    memset(&lx, 0, sizeof(lx));
    lx.time_words = tw;
    struct tmx_ctx *tc = NULL;
    struct txt_ctx *xc = NULL;
    if (LQ_OK != tmx_ctx_new(&lx, &tc) || LQ_OK != txt_ctx_new(NULL, NULL, &xc)) {
        fprintf(stderr, "context setup failed\n");
        return TEST_SETUP_FAILURE;
    }
    struct txt_scratch *scr = txt_scratch_new(xc);
    struct lq_arena *arena = lq_arena_new(0);
    FILE *f = fopen(argv[1], "r");
    if (NULL == scr || NULL == arena || NULL == f) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return TEST_SETUP_FAILURE;
    }

    api_checks(tc, xc, scr, arena);

    static struct group g;
    char line[LINE_MAX_];
    int lineno = 0, field = 0, cases = 0;
    for (;;) {
        char *r = fgets(line, sizeof(line), f);
        if (r) {
            lineno++;
            chomp(line);
            if ('#' == line[0])
                continue;
        }
        if (NULL == r || '\0' == line[0]) {
            if (field >= 4) {
                test_checks_++;
                if (!run_group(tc, xc, scr, arena, &g))
                    test_failures_++;
                cases++;
            } else if (field > 0) {
                fprintf(stderr, "line %d: incomplete group\n", g.line);
                test_checks_++;
                test_failures_++;
            }
            field = 0;
            if (NULL == r)
                break;
            continue;
        }
        switch (field) {
        case 0:
            memset(&g, 0, sizeof(g));
            g.line = lineno;
            snprintf(g.text, sizeof(g.text), "%s", line);
            break;
        case 1: snprintf(g.dct, sizeof(g.dct), "%s", line); break;
        case 2: snprintf(g.tense, sizeof(g.tense), "%s", line); break;
        case 3: snprintf(g.want, sizeof(g.want), "%s", line); break;
        case 4:
            if (0 == strncmp(line, "text: ", 6)) {
                snprintf(g.want_text, sizeof(g.want_text), "%s", line + 6);
                g.has_text = 1;
                break;
            }
            /* fall through */
        default:
            fprintf(stderr, "line %d: extra line in group\n", lineno);
            test_checks_++;
            test_failures_++;
            break;
        }
        field++;
    }
    fclose(f);
    fprintf(stderr, "%d cases\n", cases);
    lq_arena_free(arena);
    txt_scratch_free(scr);
    txt_ctx_free(xc);
    tmx_ctx_free(tc);
    lex_free(tw);
    if (cases < 80) {
        fprintf(stderr, "expected at least 80 cases\n");
        return 1;
    }
    return test_done();
}

/* end of test_timex_table.c */
