/* Calendar arithmetic, publication dates and TIMEX3 values.
 *
 * Resolution rules (the contract of tmx_resolve in timex.h):
 * - absolute: the date, month or year the text gives, calendar-checked.
 * - relative: DCT + offset units. Days give a day, weeks the ISO-8601 week
 *   of DCT + 7 * offset (الأسبوع الماضي: the week of DCT - 7 days), months
 *   and years a month or a year; finer fields the text adds are kept
 *   (مايو من العام الماضي → YYYY-05). A relative day that also names its
 *   weekday (أمس الأحد، اليوم الخميس) takes the date of that weekday
 *   nearest to DCT + offset (within three days), because a publication
 *   date can be a day off the day the article was written.
 * - weekday: offset 0 follows the tense: past → the latest such weekday on
 *   or before DCT (the DCT itself counts: الخميس in an article of a
 *   Thursday is that Thursday), future → the earliest on or after DCT.
 *   Marked ones are strict: الخميس الماضي → before DCT, المقبل → after.
 * - partial (a month, or a day and a month, without year): the nearest
 *   occurrence on or before DCT in a past clause, on or after DCT in a
 *   future one (comparing months for a month, dates for a date); marked
 *   ones (مارس الماضي، 27 أغسطس المقبل) strictly before or after. An
 *   unmarked day and month within 31 days of the DCT on either side is in
 *   the DCT's year whatever the tense (a past clause with a date a few
 *   days ahead was misread, it is no date eleven months back). A 29
 *   February moves to the nearest leap year in that direction.
 * - without DCT, everything but absolute values is null; vague is always
 *   null.
 */
#include "liqa/timex.h"

#include "calendar.h"

#include <stdio.h>
#include <string.h>

/* days either side of the DCT within which an unmarked date is in its year */
#define TMX_NEAR_DAYS 31

int
tmxc_leap(int y)
{
    return (0 == y % 4 && 0 != y % 100) || 0 == y % 400;
}

int
tmxc_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (2 == m && tmxc_leap(y))
        return 29;
    return days[m - 1];
}

int
tmxc_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= tmxc_month_days(y, m);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long
tmxc_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
tmxc_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int
tmxc_weekday(long z)
{
    /* 1970-01-01 was a Thursday (4). */
    long w = (z + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

/* ------------------------------------------------------------------------ */

static int
digits(const char *s, int n, int *val)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *val = v;
    return 1;
}

int
tmx_parse_published(const char *s, struct tmx_date *out)
{
    enum { MAXLEN = 64 };
    if (NULL == s || NULL == out)
        return 0;
    size_t len = 0;
    while (len <= MAXLEN && s[len])
        len++;
    if (len < 10 || len > MAXLEN)
        return 0;
    int y, m, d;
    if (!digits(s, 4, &y) || '-' != s[4] || !digits(s + 5, 2, &m) || '-' != s[7]
        || !digits(s + 8, 2, &d))
        return 0;
    if (y < 1000 || !tmxc_valid(y, m, d))
        return 0;
    if (len > 10) {
        int hh, mi, ss;
        if (len < 20 || ('T' != s[10] && 't' != s[10]))
            return 0;
        if (!digits(s + 11, 2, &hh) || ':' != s[13] || !digits(s + 14, 2, &mi)
            || ':' != s[16] || !digits(s + 17, 2, &ss))
            return 0;
        if (hh > 23 || mi > 59 || ss > 60)
            return 0;
        size_t p = 19;
        if ('.' == s[p]) {
            size_t q = ++p;
            while (p < len && s[p] >= '0' && s[p] <= '9')
                p++;
            if (p == q)
                return 0;
        }
        if ('Z' == s[p] || 'z' == s[p]) {
            p++;
        } else if ('+' == s[p] || '-' == s[p]) {
            int oh, om;
            if (p + 6 > len || !digits(s + p + 1, 2, &oh) || ':' != s[p + 3]
                || !digits(s + p + 4, 2, &om) || oh > 23 || om > 59)
                return 0;
            p += 6;
        } else {
            return 0;
        }
        if (p != len)
            return 0;
    }
    out->year = y;
    out->month = m;
    out->day = d;
    return 1;
}

/* ------------------------------------------------------------------------ */

static int
put_day(long z, char *out, size_t cap)
{
    int y, m, d;
    tmxc_civil(z, &y, &m, &d);
    if (y < 1 || y > 9999)
        return 0;
    int n = snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
    return n > 0 && (size_t)n < cap;
}

static int
put_ymd(int y, int m, int d, char *out, size_t cap)
{
    if (!tmxc_valid(y, m, d))
        return 0;
    return put_day(tmxc_days(y, m, d), out, cap);
}

static int
put_month(int y, int m, char *out, size_t cap)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12)
        return 0;
    int n = snprintf(out, cap, "%04d-%02d", y, m);
    return n > 0 && (size_t)n < cap;
}

static int
put_year(int y, char *out, size_t cap)
{
    if (y < 1 || y > 9999)
        return 0;
    int n = snprintf(out, cap, "%04d", y);
    return n > 0 && (size_t)n < cap;
}

/* ISO-8601 week of day number z: the week belongs to the year of its Thursday. */
static int
put_week(long z, char *out, size_t cap)
{
    long thu = z - (tmxc_weekday(z) - 1) + 3;
    int y, m, d;
    tmxc_civil(thu, &y, &m, &d);
    if (y < 1 || y > 9999)
        return 0;
    long doy = thu - tmxc_days(y, 1, 1);
    int week = (int)(doy / 7) + 1;
    int n = snprintf(out, cap, "%04d-W%02d", y, week);
    return n > 0 && (size_t)n < cap;
}

/* The day with weekday wd nearest to z (at most three days away). */
static long
nearest_weekday(long z, int wd)
{
    int diff = wd - tmxc_weekday(z); /* -6..6 */
    if (diff > 3)
        diff -= 7;
    if (diff < -3)
        diff += 7;
    return z + diff;
}

static int
resolve_relative(const struct tmx_expr *e, const struct tmx_date *dct, char *out, size_t cap)
{
    enum tmx_grain unit = e->unit ? e->unit : e->grain;
    long z0 = tmxc_days(dct->year, dct->month, dct->day);
    /* Offsets are small in any text; keep arithmetic far from overflow. */
    if (e->offset < -100000 || e->offset > 100000)
        return 0;
    switch (unit) {
    case TMX_DAY: {
        long z = z0 + e->offset;
        if (e->weekday >= 1 && e->weekday <= 7 && e->offset >= -2 && e->offset <= 2)
            z = nearest_weekday(z, e->weekday);
        return put_day(z, out, cap);
    }
    case TMX_WEEK: {
        long z = z0 + 7L * e->offset;
        if (TMX_DAY == e->grain && e->weekday >= 1 && e->weekday <= 7)
            return put_day(z - (tmxc_weekday(z) - 1) + (e->weekday - 1), out, cap);
        return put_week(z, out, cap);
    }
    case TMX_MONTH: {
        long t = (long)dct->year * 12 + (dct->month - 1) + e->offset;
        int y = (int)(t / 12), m = (int)(t % 12) + 1;
        if (TMX_DAY == e->grain)
            return put_ymd(y, m, e->day, out, cap);
        return put_month(y, m, out, cap);
    }
    case TMX_YEAR: {
        int y = dct->year + e->offset;
        if (TMX_DAY == e->grain)
            return put_ymd(y, e->month, e->day, out, cap);
        if (TMX_MONTH == e->grain)
            return put_month(y, e->month, out, cap);
        return put_year(y, out, cap);
    }
    default:
        return 0;
    }
}

static int
resolve_weekday(const struct tmx_expr *e, const struct tmx_date *dct, int future, char *out,
                size_t cap)
{
    if (e->weekday < 1 || e->weekday > 7)
        return 0;
    long z0 = tmxc_days(dct->year, dct->month, dct->day);
    int w0 = tmxc_weekday(z0);
    int strict = 0 != e->offset;
    int forward = e->offset > 0 || (0 == e->offset && future);
    int diff;
    if (forward) {
        diff = (e->weekday - w0 + 7) % 7;
        if (strict && 0 == diff)
            diff = 7;
        return put_day(z0 + diff, out, cap);
    }
    diff = (w0 - e->weekday + 7) % 7;
    if (strict && 0 == diff)
        diff = 7;
    return put_day(z0 - diff, out, cap);
}

static int
resolve_partial(const struct tmx_expr *e, const struct tmx_date *dct, int future, char *out,
                size_t cap)
{
    int m = e->month, d = e->day;
    if (m < 1 || m > 12)
        return 0;
    int strict = 0 != e->offset;
    int forward = e->offset > 0 || (0 == e->offset && future);
    /* cmp < 0: the partial comes before the DCT within a year */
    int cmp = 0 == d ? m - dct->month : (m != dct->month ? m - dct->month : d - dct->day);
    int y = dct->year;
    /* an unmarked day a few weeks on the other side of the DCT is in its
     * year whatever the tense says (في 5 مارس in an article of 27
     * February: the clause's tense was misread, not a date eleven months
     * back) */
    int near = 0;
    if (!strict && 0 != d && d <= tmxc_month_days(2000, m)) {
        int dd = d > tmxc_month_days(dct->year, m) ? tmxc_month_days(dct->year, m) : d;
        long diff = tmxc_days(dct->year, m, dd) - tmxc_days(dct->year, dct->month, dct->day);
        near = diff >= -TMX_NEAR_DAYS && diff <= TMX_NEAR_DAYS;
    }
    if (near) {
        /* the DCT's year */
    } else if (forward) {
        if (cmp < 0 || (strict && 0 == cmp))
            y++;
    } else {
        if (cmp > 0 || (strict && 0 == cmp))
            y--;
    }
    if (0 == d)
        return put_month(y, m, out, cap);
    if (d > tmxc_month_days(2000, m))
        return 0;
    for (int i = 0; i < 8 && !tmxc_valid(y, m, d); i++)
        y += forward ? 1 : -1;
    return put_ymd(y, m, d, out, cap);
}

int
tmx_resolve(const struct tmx_expr *e, const struct tmx_date *dct, int future, char *out,
            size_t outcap)
{
    if (NULL == out || 0 == outcap)
        return 0;
    out[0] = '\0';
    if (NULL == e || TMX_VAGUE == e->grain)
        return 0;
    if (NULL != dct && !tmxc_valid(dct->year, dct->month, dct->day))
        dct = NULL;
    int ok = 0;
    switch (e->anchor) {
    case TMX_ABSOLUTE:
        switch (e->grain) {
        case TMX_DAY: ok = put_ymd(e->year, e->month, e->day, out, outcap); break;
        case TMX_WEEK:
            if (tmxc_valid(e->year, e->month, e->day))
                ok = put_week(tmxc_days(e->year, e->month, e->day), out, outcap);
            break;
        case TMX_MONTH: ok = put_month(e->year, e->month, out, outcap); break;
        case TMX_YEAR: ok = put_year(e->year, out, outcap); break;
        default: break;
        }
        break;
    case TMX_RELATIVE:
        if (NULL != dct)
            ok = resolve_relative(e, dct, out, outcap);
        break;
    case TMX_WEEKDAY:
        if (NULL != dct)
            ok = resolve_weekday(e, dct, future, out, outcap);
        break;
    case TMX_PARTIAL:
        if (NULL != dct)
            ok = resolve_partial(e, dct, future, out, outcap);
        break;
    default:
        break;
    }
    if (!ok)
        out[0] = '\0';
    return ok;
}

/* end of resolve.c */
