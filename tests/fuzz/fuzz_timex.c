/*
 * libFuzzer harness: the time normalizer (tmx_).
 *
 * Input: the first line is a publication date for tmx_parse_published();
 * the rest is a text. The text is analysed, scanned for time expressions,
 * and every expression is resolved against the parsed date (or, when it
 * does not parse, a date taken from the first bytes, including the edges
 * of the calendar: 29 February, 31 December, year 1 and 9999), in past and
 * future tense. Checked: expressions lie inside the scanned tokens and the
 * text, in order; a value is written only when promised, NUL-terminated,
 * and has a TIMEX3 shape (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) with a
 * month, day and ISO week that exist.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"
#include "liqa/timex.h"

#include "fuzz_common.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_EXPR 64

static struct lq_lexicons *lexicons;
static struct txt_ctx *txt;
static struct txt_scratch *scratch;
static struct tmx_ctx *tmx;
static struct lq_arena *arena;

static void
release(void)
{
    lq_arena_free(arena);
    tmx_ctx_free(tmx);
    txt_scratch_free(scratch);
    txt_ctx_free(txt);
    lq_lexicons_free(lexicons);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[512] = "";
    if (LQ_OK != lq_lexicons_load(fz_lexicon_dir(), &lexicons, err, sizeof(err)))
        FZ_DIE("lexicons %s: %s", fz_lexicon_dir(), err);
    if (LQ_OK != txt_ctx_new(lexicons->protect, lexicons->known, &txt))
        FZ_DIE("txt_ctx_new");
    if (LQ_OK != tmx_ctx_new(lexicons, &tmx))
        FZ_DIE("tmx_ctx_new");
    scratch = txt_scratch_new(txt);
    arena = lq_arena_new((size_t)512 << 20);
    if (NULL == scratch || NULL == arena)
        FZ_DIE("out of memory");
    atexit(release);
    return 0;
}

static int
leap(int y)
{
    return (0 == y % 4 && 0 != y % 100) || 0 == y % 400;
}

static int
days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (2 == m && leap(y)) ? 29 : d[m - 1];
}

/* ISO weeks in a year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
static int
iso_weeks(int y)
{
    /* weekday of 1 January, 0 = Monday (Zeller-free: Sakamoto) */
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = y - 1;
    int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[0] + 1) % 7; /* 0 = Sunday */
    int mon0 = (dow + 6) % 7;                                      /* 0 = Monday */
    return (3 == mon0 || (2 == mon0 && leap(y))) ? 53 : 52;
}

static int
num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static void
check_value(const char *v, const struct tmx_expr *e)
{
    size_t n = strlen(v);
    int y = num(v, 4);
    FZ_CHECK(n >= 4 && y >= 0, "value \"%s\" does not start with a year", v);
    if (4 == n)
        return;
    FZ_CHECK('-' == v[4], "value \"%s\": no dash after the year", v);
    if ('W' == v[5]) {
        int w = num(v + 6, 2);
        FZ_CHECK(8 == n && w >= 1 && w <= iso_weeks(y), "value \"%s\": bad ISO week (%d weeks)",
                 v, iso_weeks(y));
        return;
    }
    int m = num(v + 5, 2);
    FZ_CHECK((7 == n || 10 == n) && m >= 1 && m <= 12, "value \"%s\": bad month", v);
    if (7 == n)
        return;
    int d = num(v + 8, 2);
    FZ_CHECK('-' == v[7] && d >= 1 && d <= days_in_month(y, m), "value \"%s\": bad day", v);
    (void)e;
}

/* A date from the input's first bytes, biased to the calendar's edges. */
static struct tmx_date
some_date(const uint8_t *data, size_t size)
{
    static const int years[] = {2018, 2016, 2000, 1900, 2100, 1, 9999, 2024};
    struct tmx_date d = {2018, 1, 30};
    if (size < 3)
        return d;
    d.year = years[data[0] % 8];
    d.month = 1 + data[1] % 12;
    int dim = days_in_month(d.year, d.month);
    d.day = (data[2] & 0x80) ? dim - (data[2] & 1) : 1 + data[2] % dim;
    return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *nl = memchr(data, '\n', size < 400 ? size : 400);
    size_t plen = nl ? (size_t)(nl - (const char *)data) : 0;
    char published[401];
    memcpy(published, data, plen);
    published[plen] = '\0';
    struct tmx_date dct = {0, 0, 0};
    int have = plen && tmx_parse_published(published, &dct);
    if (have)
        FZ_CHECK(dct.year >= 1 && dct.month >= 1 && dct.month <= 12 && dct.day >= 1
                     && dct.day <= days_in_month(dct.year, dct.month),
                 "published \"%s\" parsed as %d-%d-%d", published, dct.year, dct.month, dct.day);
    else
        dct = some_date(data, size);

    const char *text = (const char *)data + (nl ? plen + 1 : 0);
    size_t len = size - (size_t)(text - (const char *)data);
    lq_arena_reset(arena);
    struct txt_doc *doc = NULL;
    size_t bad = 0;
    if (LQ_OK != txt_analyze(txt, scratch, arena, text, len, &bad, &doc))
        return 0;

    struct tmx_expr ex[MAX_EXPR];
    /* the whole text, then each sentence on its own, as the event stage does */
    for (size_t s = 0; s <= doc->nsents; s++) {
        size_t tb = 0, te = doc->ntokens;
        if (s < doc->nsents) {
            tb = doc->sents[s].tok_begin;
            te = doc->sents[s].tok_end;
        }
        size_t n = (size_t)-1;
        int rc = tmx_scan(tmx, doc, tb, te, ex, MAX_EXPR, &n);
        FZ_CHECK(LQ_OK == rc || LQ_ERR_NOMEM == rc, "tmx_scan gave %s", lq_status_str(rc));
        if (LQ_OK != rc)
            continue;
        FZ_CHECK(n != (size_t)-1, "tmx_scan did not set n");
        size_t k = n < MAX_EXPR ? n : MAX_EXPR;
        uint32_t prev = 0;
        for (size_t i = 0; i < k; i++) {
            const struct tmx_expr *e = &ex[i];
            FZ_CHECK(e->tok_begin >= tb && e->tok_begin < e->tok_end && e->tok_end <= te,
                     "expression %zu tokens [%u,%u) outside [%zu,%zu)", i, e->tok_begin,
                     e->tok_end, tb, te);
            FZ_CHECK(e->start < e->end && e->end <= doc->ncp, "expression %zu [%u,%u)", i,
                     e->start, e->end);
            FZ_CHECK(e->start >= doc->tokens[e->tok_begin].start
                         && e->start < doc->tokens[e->tok_begin].end,
                     "expression %zu starts at %u, outside its first token [%u,%u)", i, e->start,
                     doc->tokens[e->tok_begin].start, doc->tokens[e->tok_begin].end);
            FZ_CHECK(e->end == doc->tokens[e->tok_end - 1].end,
                     "expression %zu ends at %u, its last token at %u", i, e->end,
                     doc->tokens[e->tok_end - 1].end);
            FZ_CHECK(e->tok_begin >= prev, "expressions out of order or overlapping");
            prev = e->tok_end;
            FZ_CHECK(e->grain >= TMX_DAY && e->grain <= TMX_VAGUE, "grain %d", (int)e->grain);
            FZ_CHECK(e->anchor >= TMX_ABSOLUTE && e->anchor <= TMX_PARTIAL, "anchor %d",
                     (int)e->anchor);
            FZ_CHECK(e->weekday >= 0 && e->weekday <= 7, "weekday %d", e->weekday);
            for (int fut = 0; fut < 2; fut++) {
                char v[32];
                memset(v, 'x', sizeof(v));
                int w = tmx_resolve(e, &dct, fut, v, 16);
                if (w) {
                    FZ_CHECK(memchr(v, '\0', 16), "value not NUL-terminated within 16 bytes");
                    FZ_CHECK(TMX_VAGUE != e->grain, "a vague expression got value \"%s\"", v);
                    check_value(v, e);
                }
                char v2[32];
                int w2 = tmx_resolve(e, NULL, fut, v2, sizeof(v2));
                if (w2) {
                    FZ_CHECK(TMX_ABSOLUTE == e->anchor,
                             "a %d-anchored expression got \"%s\" without a date", (int)e->anchor,
                             v2);
                    check_value(v2, e);
                }
            }
        }
    }
    return 0;
}

/* end of fuzz_timex.c */
