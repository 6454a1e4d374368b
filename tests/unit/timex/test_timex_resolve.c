/* Unit tests of tmx_parse_published and tmx_resolve on expressions built by
 * hand (no text analysis). */
#include "liqa/timex.h"
#include "test.h"

#include <string.h>

static int
parses(const char *s, int y, int m, int d)
{
    struct tmx_date out = {-1, -1, -1};
    if (!tmx_parse_published(s, &out))
        return 0;
    return out.year == y && out.month == m && out.day == d;
}

static int
rejects(const char *s)
{
    struct tmx_date out = {7, 7, 7};
    return !tmx_parse_published(s, &out) && 7 == out.year && 7 == out.month && 7 == out.day;
}

static void
test_published(void)
{
    CHECK(parses("2018-01-30", 2018, 1, 30));
    CHECK(parses("2020-02-29", 2020, 2, 29));
    CHECK(parses("2000-02-29", 2000, 2, 29));
    CHECK(parses("1000-01-01", 1000, 1, 1));
    CHECK(parses("9999-12-31", 9999, 12, 31));
    CHECK(parses("2018-01-30T10:20:30Z", 2018, 1, 30));
    CHECK(parses("2018-01-30t10:20:30z", 2018, 1, 30));
    CHECK(parses("2018-01-30T23:59:60+03:00", 2018, 1, 30));
    CHECK(parses("2018-01-30T00:00:00.123456-05:30", 2018, 1, 30));
    CHECK(parses("2018-12-31T23:59:59.9Z", 2018, 12, 31));

    CHECK(rejects(NULL));
    CHECK(rejects(""));
    CHECK(rejects("0000-00-00"));
    CHECK(rejects("2018-02-30"));
    CHECK(rejects("2019-02-29"));
    CHECK(rejects("1900-02-29"));
    CHECK(rejects("2018-13-01"));
    CHECK(rejects("2018-00-10"));
    CHECK(rejects("2018-04-31"));
    CHECK(rejects("0999-12-31"));
    CHECK(rejects("2018-1-5"));
    CHECK(rejects("2018/01/05"));
    CHECK(rejects("18-01-05"));
    CHECK(rejects("20180105"));
    CHECK(rejects("2018-01-05 "));
    CHECK(rejects(" 2018-01-05"));
    CHECK(rejects("2018-01-05x"));
    CHECK(rejects("2018-01-05T"));
    CHECK(rejects("2018-01-05T10:20"));
    CHECK(rejects("2018-01-05T10:20:30"));    /* RFC 3339 requires an offset */
    CHECK(rejects("2018-01-05T24:00:00Z"));
    CHECK(rejects("2018-01-05T10:60:00Z"));
    CHECK(rejects("2018-01-05T10:20:61Z"));
    CHECK(rejects("2018-01-05T10:20:30.Z"));
    CHECK(rejects("2018-01-05T10:20:30+0300"));
    CHECK(rejects("2018-01-05T10:20:30+24:00"));
    CHECK(rejects("2018-01-05T10:20:30Zjunk"));
    CHECK(rejects("2018-01-05 10:20:30Z"));
    CHECK(rejects("-2018-01-05"));
    CHECK(rejects("\xd9\xa2\xd9\xa0\xd9\xa1\xd9\xa8-01-05")); /* Arabic-Indic digits */

    char big[301];
    memset(big, '1', 300);
    big[300] = '\0';
    memcpy(big, "2018-01-05T10:20:30.", 20);
    big[299] = 'Z';
    CHECK(rejects(big));
}

static const char *
value(const struct tmx_expr *e, const struct tmx_date *dct, int future)
{
    static char buf[32];
    if (!tmx_resolve(e, dct, future, buf, sizeof(buf)))
        return "null";
    return buf;
}

static struct tmx_expr
rel(enum tmx_grain g, int offset)
{
    struct tmx_expr e;
    memset(&e, 0, sizeof(e));
    e.anchor = TMX_RELATIVE;
    e.grain = g;
    e.offset = offset;
    return e;
}

static void
test_relative(void)
{
    struct tmx_date d = {2018, 1, 31};
    struct tmx_expr e = rel(TMX_DAY, -1);
    CHECK_STR(value(&e, &d, 0), "2018-01-30");
    CHECK_STR(value(&e, NULL, 0), "null");
    e = rel(TMX_WEEK, -1);
    CHECK_STR(value(&e, &d, 0), "2018-W04");
    e = rel(TMX_WEEK, 0);
    CHECK_STR(value(&e, &d, 0), "2018-W05");
    e = rel(TMX_MONTH, -1);
    CHECK_STR(value(&e, &d, 0), "2017-12");
    e = rel(TMX_MONTH, +11);
    CHECK_STR(value(&e, &d, 0), "2018-12");
    e = rel(TMX_MONTH, +12);
    CHECK_STR(value(&e, &d, 0), "2019-01");
    e = rel(TMX_YEAR, -1);
    CHECK_STR(value(&e, &d, 0), "2017");

    /* ISO weeks at year boundaries */
    struct tmx_date d1 = {2021, 1, 3};
    e = rel(TMX_WEEK, 0);
    CHECK_STR(value(&e, &d1, 0), "2020-W53");
    struct tmx_date d2 = {2019, 12, 30};
    CHECK_STR(value(&e, &d2, 0), "2020-W01");
    struct tmx_date d3 = {2010, 1, 3};
    CHECK_STR(value(&e, &d3, 0), "2009-W53");
    struct tmx_date d4 = {2027, 1, 1};
    CHECK_STR(value(&e, &d4, 0), "2026-W53");
    struct tmx_date d5 = {2024, 12, 30};
    CHECK_STR(value(&e, &d5, 0), "2025-W01");

    /* a day of a relative month, checked against the calendar */
    struct tmx_date d6 = {2016, 3, 10};
    e = rel(TMX_DAY, -1);
    e.unit = TMX_MONTH;
    e.day = 29;
    CHECK_STR(value(&e, &d6, 0), "2016-02-29");
    e.day = 30;
    CHECK_STR(value(&e, &d6, 0), "null");

    /* a month of a relative year */
    e = rel(TMX_MONTH, -1);
    e.unit = TMX_YEAR;
    e.month = 5;
    CHECK_STR(value(&e, &d, 0), "2017-05");

    /* a relative day that names its weekday: the weekday wins nearby */
    struct tmx_date tue = {2017, 4, 4};
    e = rel(TMX_DAY, -1);
    e.weekday = 7; /* أمس الأحد written on Monday, published on Tuesday */
    CHECK_STR(value(&e, &tue, 0), "2017-04-02");
    e.weekday = 1; /* consistent */
    CHECK_STR(value(&e, &tue, 0), "2017-04-03");

    /* vague is always null */
    e = rel(TMX_VAGUE, 0);
    CHECK_STR(value(&e, &d, 0), "null");

    /* an out-of-range result */
    struct tmx_date d7 = {9999, 12, 31};
    e = rel(TMX_DAY, +1);
    CHECK_STR(value(&e, &d7, 0), "null");
}

static void
test_weekday(void)
{
    struct tmx_expr e;
    memset(&e, 0, sizeof(e));
    e.anchor = TMX_WEEKDAY;
    e.grain = TMX_DAY;
    e.weekday = 4; /* Thursday */
    struct tmx_date wed = {2018, 1, 31}, thu = {2018, 2, 1};
    CHECK_STR(value(&e, &wed, 0), "2018-01-25");
    CHECK_STR(value(&e, &wed, 1), "2018-02-01");
    CHECK_STR(value(&e, &thu, 0), "2018-02-01"); /* the day itself counts */
    CHECK_STR(value(&e, &thu, 1), "2018-02-01");
    CHECK_STR(value(&e, NULL, 0), "null");
    e.offset = -1; /* الخميس الماضي */
    CHECK_STR(value(&e, &thu, 0), "2018-01-25");
    CHECK_STR(value(&e, &thu, 1), "2018-01-25");
    e.offset = +1; /* الخميس المقبل */
    CHECK_STR(value(&e, &thu, 0), "2018-02-08");
    CHECK_STR(value(&e, &wed, 0), "2018-02-01");
    e.offset = 0;
    e.weekday = 0;
    CHECK_STR(value(&e, &wed, 0), "null");
}

static void
test_partial(void)
{
    struct tmx_expr e;
    memset(&e, 0, sizeof(e));
    e.anchor = TMX_PARTIAL;
    e.grain = TMX_DAY;
    e.month = 1;
    e.day = 5;
    struct tmx_date d = {2018, 1, 31};
    /* within 31 days of the DCT: its year, whatever the tense */
    CHECK_STR(value(&e, &d, 0), "2018-01-05");
    CHECK_STR(value(&e, &d, 1), "2018-01-05");
    e.month = 2;
    CHECK_STR(value(&e, &d, 0), "2018-02-05");
    CHECK_STR(value(&e, &d, 1), "2018-02-05");
    /* farther: the tense decides */
    e.month = 6;
    CHECK_STR(value(&e, &d, 0), "2017-06-05");
    CHECK_STR(value(&e, &d, 1), "2018-06-05");
    e.month = 12;
    e.day = 20;
    CHECK_STR(value(&e, &d, 0), "2017-12-20");
    CHECK_STR(value(&e, &d, 1), "2018-12-20");
    e.day = 5;
    e.month = 10;
    CHECK_STR(value(&e, &d, 1), "2018-10-05");
    e.month = 2;
    e.month = 1;
    e.day = 31; /* the DCT itself */
    CHECK_STR(value(&e, &d, 0), "2018-01-31");
    CHECK_STR(value(&e, &d, 1), "2018-01-31");
    e.offset = -1;
    CHECK_STR(value(&e, &d, 0), "2017-01-31");
    e.offset = +1;
    CHECK_STR(value(&e, &d, 0), "2019-01-31");
    /* 29 February: the nearest leap year in the direction */
    e.offset = 0;
    e.month = 2;
    e.day = 29;
    struct tmx_date d2 = {2021, 3, 5};
    CHECK_STR(value(&e, &d2, 0), "2020-02-29");
    CHECK_STR(value(&e, &d2, 1), "2024-02-29");
    e.day = 30;
    CHECK_STR(value(&e, &d2, 0), "null");
    /* months */
    e.grain = TMX_MONTH;
    e.day = 0;
    e.month = 3;
    CHECK_STR(value(&e, &d, 0), "2017-03");
    CHECK_STR(value(&e, &d, 1), "2018-03");
    e.month = 1;
    CHECK_STR(value(&e, &d, 0), "2018-01");
    e.offset = -1;
    CHECK_STR(value(&e, &d, 0), "2017-01");
    CHECK_STR(value(&e, NULL, 0), "null");
    e.month = 13;
    CHECK_STR(value(&e, &d, 0), "null");
}

static void
test_absolute(void)
{
    struct tmx_expr e;
    memset(&e, 0, sizeof(e));
    e.anchor = TMX_ABSOLUTE;
    e.grain = TMX_DAY;
    e.year = 2018;
    e.month = 2;
    e.day = 28;
    CHECK_STR(value(&e, NULL, 0), "2018-02-28");
    e.day = 30;
    CHECK_STR(value(&e, NULL, 0), "null");
    e.grain = TMX_MONTH;
    CHECK_STR(value(&e, NULL, 0), "2018-02");
    e.grain = TMX_YEAR;
    CHECK_STR(value(&e, NULL, 0), "2018");
    /* a bad DCT is no DCT */
    struct tmx_date bad = {2018, 2, 30};
    struct tmx_expr r = rel(TMX_DAY, 0);
    CHECK_STR(value(&r, &bad, 0), "null");
    /* small output buffers */
    char small[8];
    e.grain = TMX_DAY;
    e.day = 28;
    CHECK(!tmx_resolve(&e, NULL, 0, small, sizeof(small)));
    CHECK_STR(small, "");
    CHECK(!tmx_resolve(NULL, NULL, 0, small, sizeof(small)));
}

int
main(void)
{
    test_published();
    test_relative();
    test_weekday();
    test_partial();
    test_absolute();
    return test_done();
}

/* end of test_timex_resolve.c */
