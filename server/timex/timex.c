/* Time expressions: the word table (ICU month and weekday names plus
 * config/lexicons/time_words.txt) and the scanner over tokens.
 *
 * The scanner is a small recursive-descent matcher over token match keys:
 * at each token it looks the longest time_words/ICU entry up (a hash
 * lookup per n-gram, see lex_longest) and follows the roles the entry
 * carries (see the header of time_words.txt). It never calls ICU, except
 * to convert a Hijri date. Every rule reads a bounded number of tokens
 * ahead (recursion depth at most MAX_DEPTH), so a scan is linear in the
 * number of tokens.
 *
 * Expression text: an expression starts at its first token's body (after
 * proclitics: بالأمس → الأمس) and ends with its last token. Day-part and
 * vague prefixes, عام/سنة before a year and شهر before a month are part of
 * it (صباح اليوم، في وقت سابق اليوم، عام 2017، شهر مايو); a cue such as في or
 * خلال is not (في أيار/ مايو من العام الماضي is reported as
 * أيار/ مايو من العام الماضي).
 *
 * Recognition rules in short:
 * - a day number (1..31 or an ordinal word) + [من] + month name
 *   [+ combined form] [+ [من] [عام] year | + [من] العام الماضي | + الماضي];
 * - a month name alone only after a cue (في، خلال، مطلع، شهر …), in a combined
 *   form (أيار/مايو), before a year or before الماضي/المقبل/الجاري;
 * - a year: 4 digits in 1900..2100 after عام/سنة, a cue word, or a month;
 *   not after منذ (a duration: منذ عام 2011);
 * - a Hijri date needs its Hijri year (1300..1600): [day] month year [هـ];
 *   it is converted with ICU's Umm al-Qura calendar (a Hijri month alone
 *   resolves to the Gregorian month of its 15th day);
 * - قبل/بعد [نحو] count unit: a relative value (قبل يومين = day:-2, قبل شهر =
 *   month:-1, hours = today); a bare plural (قبل أيام) or a reference point
 *   after it (بعد يومين من وصوله) is vague; منذ only for days (up to 10),
 *   weeks (up to 4) and hours, other منذ phrases are durations and skipped.
 */
#include "liqa/timex.h"

#include "calendar.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#define MAX_DEPTH 4
#define YEAR_MIN 1900
#define YEAR_MAX 2100
#define HIJRI_MIN 1300
#define HIJRI_MAX 1600

/*
 * Two-letter filters: one bit per (ال or not, first two letters after it)
 * that some key of a lexicon has. The scanner asks the lexicons about every
 * word of the text (look()), and nearly all of them are no time word; a
 * clear bit says so without measuring and hashing the word. A key whose
 * slot is -1 (too short, not two Arabic letters) is always looked up.
 */
#define TF_BITS 15
#define TF_WORDS ((1u << TF_BITS) / 64)

struct tfilter {
    uint64_t bit[TF_WORDS];
};

struct tmx_ctx {
    struct lex *words; /* match key → roles (see time_words.txt) */
    struct lex *first; /* the first word of every entry: a cheap pre-check */
    struct tfilter ffirst; /* the keys of first */
    struct tfilter fwords; /* the keys of words */
};

/* The filter slot of a folded key, or -1 when the filter cannot tell. */
static inline int
tf_slot(const char *key)
{
    const unsigned char *p = (const unsigned char *)key;
    unsigned al = 0;
    /* ال and at least four more bytes: the two letters after it count */
    if (0xD8 == p[0] && 0xA7 == p[1] && 0xD9 == p[2] && 0x84 == p[3] && p[4] && p[5] && p[6] &&
        p[7]) {
        p += 4;
        al = 1;
    }
    if ((0xD8 != p[0] && 0xD9 != p[0]) || 0 == p[1] || (0xD8 != p[2] && 0xD9 != p[2]) || 0 == p[3])
        return -1;
    return (int)(al << 14 | (p[0] & 1u) << 13 | (p[1] & 0x3Fu) << 7 | (p[2] & 1u) << 6 |
                 (p[3] & 0x3Fu));
}

/* 0 when no key of the filter's lexicon can equal @p key. */
static inline int
tf_may(const struct tfilter *f, const char *key)
{
    int i = tf_slot(key);
    return i < 0 || 0 != (f->bit[(unsigned)i >> 6] >> ((unsigned)i & 63) & 1);
}

static void
tf_add(const char *key, const char *value, void *arg)
{
    struct tfilter *f = arg;
    (void)value;
    int i = tf_slot(key);
    if (i >= 0)
        f->bit[(unsigned)i >> 6] |= 1ull << ((unsigned)i & 63);
}

/* ------------------------------------------------------------------------ */
/* Roles of a word                                                           */

enum {
    R_REL = 1u << 0,
    R_MONTH = 1u << 1,
    R_WEEKDAY = 1u << 2,
    R_WDBARE = 1u << 3,
    R_HIJRI = 1u << 4,
    R_ORD = 1u << 5,
    R_NUM = 1u << 6,
    R_UNIT = 1u << 7,
    R_SHIFT = 1u << 8,
    R_APPROX = 1u << 9,
    R_DIR = 1u << 10,
    R_PART = 1u << 11,
    R_CUE = 1u << 12,
    R_CUE_YEAR = 1u << 13,
    R_CUE_MONTH = 1u << 14,
    R_ERA_HIJRI = 1u << 15,
    R_ERA_GREG = 1u << 16,
    R_VAGUE = 1u << 17,
    R_SKIP = 1u << 18,
};

enum { UNIT_HOUR = 100 }; /* beside enum tmx_grain values */
enum { SHIFT_SINCE = 2 };

struct wv {
    unsigned roles;
    int rel_grain, rel_off;
    int month, weekday, hijri, ord, num;
    int unit_grain, unit_count;
    int shift; /* -1 قبل, +1 بعد, SHIFT_SINCE منذ */
    int dir;
};

/* Parse an optionally signed integer; *signed_ set when a sign was written. */
static int
parse_int(const char *s, size_t n, int *val, int *signed_)
{
    int neg = 0, v = 0;
    size_t i = 0;
    *signed_ = 0;
    if (i < n && ('+' == s[i] || '-' == s[i])) {
        neg = '-' == s[i];
        *signed_ = 1;
        i++;
    }
    if (i == n || n - i > 6)
        return 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *val = neg ? -v : v;
    return 1;
}

static int
grain_of(const char *s, size_t n)
{
    if (3 == n && 0 == memcmp(s, "day", 3))
        return TMX_DAY;
    if (4 == n && 0 == memcmp(s, "week", 4))
        return TMX_WEEK;
    if (5 == n && 0 == memcmp(s, "month", 5))
        return TMX_MONTH;
    if (4 == n && 0 == memcmp(s, "year", 4))
        return TMX_YEAR;
    if (4 == n && 0 == memcmp(s, "hour", 4))
        return UNIT_HOUR;
    return 0;
}

static int
is_name(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && 0 == memcmp(s, name, n);
}

/* One role "name[:a[:b]]". Unknown roles are ignored. */
static void
parse_role(const char *s, size_t n, struct wv *w)
{
    const char *c1 = memchr(s, ':', n);
    size_t n0 = c1 ? (size_t)(c1 - s) : n;
    const char *a = c1 ? c1 + 1 : NULL;
    size_t na = 0;
    const char *b = NULL;
    size_t nb = 0;
    if (a) {
        const char *c2 = memchr(a, ':', (size_t)(s + n - a));
        na = c2 ? (size_t)(c2 - a) : (size_t)(s + n - a);
        if (c2) {
            b = c2 + 1;
            nb = (size_t)(s + n - b);
        }
    }
    int v = 0, sg = 0;
    int g = grain_of(s, n0);
    if (g && UNIT_HOUR != g && a && parse_int(a, na, &v, &sg)) {
        if (TMX_MONTH == g && !sg && v >= 1 && v <= 12) {
            w->roles |= R_MONTH; /* month:M, a month name */
            w->month = v;
        } else {
            w->roles |= R_REL;
            w->rel_grain = g;
            w->rel_off = v;
        }
    } else if (is_name(s, n0, "weekday") && a && parse_int(a, na, &v, &sg) && v >= 1 && v <= 7) {
        w->roles |= (b && is_name(b, nb, "bare")) ? R_WDBARE : R_WEEKDAY;
        w->weekday = v;
    } else if (is_name(s, n0, "hijri") && a && parse_int(a, na, &v, &sg) && v >= 1 && v <= 12) {
        w->roles |= R_HIJRI;
        w->hijri = v;
    } else if (is_name(s, n0, "ord") && a && parse_int(a, na, &v, &sg) && v >= 1 && v <= 31) {
        w->roles |= R_ORD;
        w->ord = v;
    } else if (is_name(s, n0, "num") && a && parse_int(a, na, &v, &sg) && v >= 0 && v <= 100) {
        w->roles |= R_NUM;
        w->num = v;
    } else if (is_name(s, n0, "unit") && a && 0 != (g = grain_of(a, na))) {
        w->roles |= R_UNIT;
        w->unit_grain = g;
        w->unit_count = 1;
        if (b && parse_int(b, nb, &v, &sg) && v >= 0 && v <= 100)
            w->unit_count = v;
    } else if (is_name(s, n0, "shift") && a) {
        if (is_name(a, na, "since")) {
            w->roles |= R_SHIFT;
            w->shift = SHIFT_SINCE;
        } else if (parse_int(a, na, &v, &sg) && (1 == v || -1 == v)) {
            w->roles |= R_SHIFT;
            w->shift = v;
        }
    } else if (is_name(s, n0, "dir") && a && parse_int(a, na, &v, &sg) && v >= -1 && v <= 1) {
        w->roles |= R_DIR;
        w->dir = v;
    } else if (is_name(s, n0, "cue")) {
        if (!a)
            w->roles |= R_CUE;
        else if (is_name(a, na, "year"))
            w->roles |= R_CUE_YEAR;
        else if (is_name(a, na, "month"))
            w->roles |= R_CUE_MONTH;
    } else if (is_name(s, n0, "era") && a) {
        if (is_name(a, na, "hijri"))
            w->roles |= R_ERA_HIJRI;
        else if (is_name(a, na, "greg"))
            w->roles |= R_ERA_GREG;
    } else if (is_name(s, n0, "approx")) {
        w->roles |= R_APPROX;
    } else if (is_name(s, n0, "part")) {
        w->roles |= R_PART;
    } else if (is_name(s, n0, "vague")) {
        w->roles |= R_VAGUE;
    } else if (is_name(s, n0, "skip")) {
        w->roles |= R_SKIP;
    }
}

static void
parse_value(const char *v, struct wv *w)
{
    memset(w, 0, sizeof(*w));
    if (NULL == v)
        return;
    while (*v) {
        const char *c = strchr(v, ',');
        size_t n = c ? (size_t)(c - v) : strlen(v);
        while (n > 0 && ' ' == *v) {
            v++;
            n--;
        }
        while (n > 0 && ' ' == v[n - 1])
            n--;
        if (n > 0)
            parse_role(v, n, w);
        if (!c)
            break;
        v = c + 1;
    }
}

/* ------------------------------------------------------------------------ */
/* The context                                                               */

static int
add_utf16(struct lex *lx, const UChar *u, int32_t ulen, const char *value, int bare)
{
    char buf[256], key[256];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(buf, (int32_t)sizeof(buf), &n, u, ulen, &st);
    if (U_FAILURE(st) || n <= 0 || n >= (int32_t)sizeof(buf))
        return LQ_OK; /* an odd symbol: skip it, do not fail */
    buf[n] = '\0';
    if (bare) {
        size_t k = txt_fold(buf, (size_t)n, key, sizeof(key));
        /* strip the article: match keys spell it "ال" */
        if (k >= sizeof(key) || k <= 4 || 0 != memcmp(key, "\xd8\xa7\xd9\x84", 4))
            return LQ_OK;
        if (NULL != lex_get(lx, key + 4))
            return LQ_OK; /* never shadow a real entry */
        int rc = lex_add(lx, key + 4, value);
        return LQ_ERR_INVALID == rc ? LQ_OK : rc;
    }
    int rc = lex_add(lx, buf, value);
    return LQ_ERR_INVALID == rc ? LQ_OK : rc;
}

/* Add the symbols of one kind of one locale: value "<prefix>:<index + base>". */
static int
add_symbols(struct lex *lx, const char *locale, UDateFormatSymbolType type, const char *prefix)
{
    static const UChar pattern[] = {'M', 'M', 'M', 'M', 0};
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, NULL, 0, pattern, -1, &st);
    if (U_FAILURE(st) || NULL == fmt) {
        if (fmt)
            udat_close(fmt);
        return LQ_ERR_ICU;
    }
    int rc = LQ_OK;
    int32_t count = udat_countSymbols(fmt, type);
    for (int32_t i = 0; i < count && LQ_OK == rc; i++) {
        UChar u[128];
        UErrorCode s2 = U_ZERO_ERROR;
        int32_t n = udat_getSymbols(fmt, type, i, u, (int32_t)(sizeof(u) / sizeof(u[0])), &s2);
        if (U_FAILURE(s2) || n <= 0 || n >= (int32_t)(sizeof(u) / sizeof(u[0])))
            continue;
        char value[32];
        if (UDAT_WEEKDAYS == type || UDAT_STANDALONE_WEEKDAYS == type) {
            /* ICU: index 1 = Sunday … 7 = Saturday; ours: 1 = Monday … 7 = Sunday */
            if (i < 1 || i > 7)
                continue;
            int wd = (i + 5) % 7 + 1;
            snprintf(value, sizeof(value), "weekday:%d", wd);
            rc = add_utf16(lx, u, n, value, 0);
            /* bare forms (يوم خميس), but not أحد، اثنين: they are numbers too */
            if (LQ_OK == rc && 7 != wd && 1 != wd) {
                snprintf(value, sizeof(value), "weekday:%d:bare", wd);
                rc = add_utf16(lx, u, n, value, 1);
            }
        } else {
            if (i > 11)
                continue;
            snprintf(value, sizeof(value), "%s:%d", prefix, (int)i + 1);
            rc = add_utf16(lx, u, n, value, 0);
        }
    }
    udat_close(fmt);
    return rc;
}

static int
add_icu_names(struct lex *lx)
{
    static const char *const greg[] = {
        "ar@calendar=gregorian",    "ar_EG@calendar=gregorian", "ar_SY@calendar=gregorian",
        "ar_IQ@calendar=gregorian", "ar_LB@calendar=gregorian", "ar_JO@calendar=gregorian",
        "ar_MA@calendar=gregorian", "ar_DZ@calendar=gregorian", "ar_TN@calendar=gregorian",
        "ar_MR@calendar=gregorian",
    };
    static const char *const hijri[] = {
        "ar@calendar=islamic",
        "ar_SA@calendar=islamic-umalqura",
    };
    int rc = LQ_OK;
    for (size_t i = 0; i < sizeof(greg) / sizeof(greg[0]) && LQ_OK == rc; i++) {
        rc = add_symbols(lx, greg[i], UDAT_MONTHS, "month");
        if (LQ_OK == rc)
            rc = add_symbols(lx, greg[i], UDAT_STANDALONE_MONTHS, "month");
    }
    for (size_t i = 0; i < sizeof(hijri) / sizeof(hijri[0]) && LQ_OK == rc; i++) {
        rc = add_symbols(lx, hijri[i], UDAT_MONTHS, "hijri");
        if (LQ_OK == rc)
            rc = add_symbols(lx, hijri[i], UDAT_STANDALONE_MONTHS, "hijri");
    }
    if (LQ_OK == rc)
        rc = add_symbols(lx, "ar@calendar=gregorian", UDAT_WEEKDAYS, "weekday");
    if (LQ_OK == rc)
        rc = add_symbols(lx, "ar@calendar=gregorian", UDAT_STANDALONE_WEEKDAYS, "weekday");
    return rc;
}

struct copy_state {
    struct lex *to;
    int rc;
};

static void
copy_entry(const char *key, const char *value, void *arg)
{
    struct copy_state *cs = arg;
    if (LQ_OK != cs->rc)
        return;
    int rc = lex_add(cs->to, key, value);
    if (LQ_OK != rc && LQ_ERR_INVALID != rc)
        cs->rc = rc;
    /* وفي وقت سابق، وبعد يومين: the segmenter keeps a short first word whole
     * with its و or ف, so a phrase is also entered with them */
    const char *sp = strchr(key, ' ');
    char buf[512];
    if (LQ_OK != cs->rc || NULL == sp || (size_t)(sp - key) > 6 || strlen(key) + 3 > sizeof(buf))
        return;
    static const char *const pro[] = { "\xd9\x88", "\xd9\x81" }; /* و ف */
    for (size_t i = 0; i < 2 && LQ_OK == cs->rc; i++) {
        snprintf(buf, sizeof(buf), "%s%s", pro[i], key);
        rc = lex_add(cs->to, buf, value);
        if (LQ_OK != rc && LQ_ERR_INVALID != rc)
            cs->rc = rc;
    }
}

static void
add_first_word(const char *key, const char *value, void *arg)
{
    struct copy_state *cs = arg;
    (void)value;
    if (LQ_OK != cs->rc)
        return;
    char word[256];
    const char *sp = strchr(key, ' ');
    size_t n = sp ? (size_t)(sp - key) : strlen(key);
    if (0 == n || n >= sizeof(word))
        return;
    memcpy(word, key, n);
    word[n] = '\0';
    int rc = lex_add(cs->to, word, NULL);
    if (LQ_OK != rc && LQ_ERR_INVALID != rc)
        cs->rc = rc;
}

int
tmx_ctx_new(const struct lq_lexicons *lex, struct tmx_ctx **out)
{
    int rc = LQ_ERR_NOMEM;
    if (NULL == out)
        return LQ_ERR_INVALID;
    *out = NULL;
    struct tmx_ctx *ctx = calloc(1, sizeof(*ctx));
    if (NULL == ctx)
        goto fail;
    ctx->words = lex_new();
    ctx->first = lex_new();
    if (NULL == ctx->words || NULL == ctx->first)
        goto fail;
    rc = add_icu_names(ctx->words);
    if (LQ_OK != rc)
        goto fail;
    if (NULL != lex && NULL != lex->time_words) {
        struct copy_state cs = {ctx->words, LQ_OK};
        lex_foreach(lex->time_words, copy_entry, &cs);
        rc = cs.rc;
        if (LQ_OK != rc)
            goto fail;
    }
    struct copy_state fs = {ctx->first, LQ_OK};
    lex_foreach(ctx->words, add_first_word, &fs);
    rc = fs.rc;
    if (LQ_OK != rc)
        goto fail;
    /* the stored (folded) keys: the bytes lex_get() compares */
    lex_foreach(ctx->first, tf_add, &ctx->ffirst);
    lex_foreach(ctx->words, tf_add, &ctx->fwords);
    *out = ctx;
    return LQ_OK;
fail:
    tmx_ctx_free(ctx);
    return rc;
}

void
tmx_ctx_free(struct tmx_ctx *ctx)
{
    if (NULL == ctx)
        return;
    lex_free(ctx->words);
    lex_free(ctx->first);
    free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Hijri dates                                                               */

/* Convert a Hijri date (Umm al-Qura) to Gregorian; 1 on success. */
static int
hijri_to_gregorian(int hy, int hm, int hd, int *y, int *m, int *d)
{
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode st = U_ZERO_ERROR;
    int ok = 0;
    UCalendar *hc = ucal_open(utc, -1, "ar_SA@calendar=islamic-umalqura", UCAL_DEFAULT, &st);
    UCalendar *gc = NULL;
    if (U_FAILURE(st) || NULL == hc)
        goto done;
    ucal_setAttribute(hc, UCAL_LENIENT, 0);
    ucal_clear(hc);
    ucal_setDate(hc, hy, hm - 1, hd, &st);
    UDate ms = ucal_getMillis(hc, &st);
    if (U_FAILURE(st))
        goto done;
    /* a day the month does not have (30 in a 29-day month) fails or moves */
    if (ucal_get(hc, UCAL_DATE, &st) != hd || ucal_get(hc, UCAL_MONTH, &st) != hm - 1
        || U_FAILURE(st))
        goto done;
    gc = ucal_open(utc, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st) || NULL == gc)
        goto done;
    ucal_setMillis(gc, ms, &st);
    int32_t gy = ucal_get(gc, UCAL_EXTENDED_YEAR, &st);
    int32_t gm = ucal_get(gc, UCAL_MONTH, &st) + 1;
    int32_t gd = ucal_get(gc, UCAL_DATE, &st);
    if (U_FAILURE(st) || !tmxc_valid(gy, gm, gd))
        goto done;
    *y = gy;
    *m = gm;
    *d = gd;
    ok = 1;
done:
    if (hc)
        ucal_close(hc);
    if (gc)
        ucal_close(gc);
    return ok;
}

/* ------------------------------------------------------------------------ */
/* The scanner                                                               */

struct scan {
    const struct tmx_ctx *ctx;
    const struct txt_doc *doc;
    size_t b, e; /* token range */
};

enum { F_AFTER_PART = 1 }; /* bare weekday names are allowed (يوم خميس) */

static const struct txt_token *
tok(const struct scan *s, size_t i)
{
    return &s->doc->tokens[i];
}

/* Does key start with و or ف, with more after? (Spelled out: a loop over a
 * set of letters costs more than the rest of the test, and it runs for
 * every word of the text.) */
static inline int
is_wa_fa(const char *key)
{
    return '\xd9' == key[0] && ('\x88' == key[1] || '\x81' == key[1]) && key[2];
}

/* Does key start with ب, ل or ك, with more after? */
static inline int
is_bi_li_ka(const char *key)
{
    return (('\xd8' == key[0] && '\xa8' == key[1]) ||
            ('\xd9' == key[0] && ('\x84' == key[1] || '\x83' == key[1]))) &&
           key[2];
}

/*
 * The segmenter keeps a clitic when nothing licenses the cut (وغدا، ويوم):
 * the value of the word without و/ف and then ب/ل/ك, and in *strip how many
 * letters were taken off; NULL when the token was cut or nothing matches.
 */
static const char *
uncut_value(const struct scan *s, const struct txt_token *t, unsigned *strip)
{
    *strip = 0;
    /* key and base are one string when nothing was cut (no strcmp then) */
    if (NULL == t->key || NULL == t->base || (t->key != t->base && 0 != strcmp(t->key, t->base)))
        return NULL;
    const char *k = t->key, *v = NULL;
    if (is_wa_fa(k)) {
        k += 2;
        *strip = 1;
        if (tf_may(&s->ctx->fwords, k))
            v = lex_get(s->ctx->words, k);
    }
    if (NULL == v && is_bi_li_ka(k)) {
        k += 2;
        (*strip)++;
        if (tf_may(&s->ctx->fwords, k))
            v = lex_get(s->ctx->words, k);
    }
    if (NULL == v || strlen(k) < 4) { /* at least two letters left (لم is no ل + م) */
        *strip = 0;
        return NULL;
    }
    return v;
}

/* Longest entry at token i; fills *w (roles 0 when none). */
static size_t
look(const struct scan *s, size_t i, struct wv *w)
{
    memset(w, 0, sizeof(*w));
    if (i >= s->e)
        return 0;
    const struct txt_token *t = tok(s, i);
    if (TXT_WORD != t->kind)
        return 0;
    const char *value = NULL;
    size_t n = 0;
    if (NULL != t->base && tf_may(&s->ctx->ffirst, t->base) &&
        NULL != lex_get(s->ctx->first, t->base))
        n = lex_longest(s->ctx->words, s->doc, i, s->e, LEX_BASE, &value);
    if (0 == n) {
        unsigned strip;
        value = uncut_value(s, t, &strip);
        n = NULL != value;
    }
    if (0 == n)
        return 0;
    parse_value(value, w);
    if (0 == w->roles)
        return 0;
    return n;
}

/* Roles of token i alone (its base). */
static unsigned
roles1(const struct scan *s, size_t i, struct wv *w)
{
    memset(w, 0, sizeof(*w));
    if (i < s->b || i >= s->e)
        return 0;
    const struct txt_token *t = tok(s, i);
    if (TXT_WORD != t->kind || NULL == t->base)
        return 0;
    const char *v = tf_may(&s->ctx->fwords, t->base) ? lex_get(s->ctx->words, t->base) : NULL;
    unsigned strip;
    if (NULL == v)
        v = uncut_value(s, t, &strip); /* وفي: the segmenter keeps short words whole */
    parse_value(v, w);
    return w->roles;
}

static int
is_word(const struct scan *s, size_t i, const char *key)
{
    if (i >= s->e)
        return 0;
    const struct txt_token *t = tok(s, i);
    return TXT_WORD == t->kind && NULL != t->base && 0 == strcmp(t->base, key);
}

#define W_MIN "\xd9\x85\xd9\x86"                                            /* من */
#define W_MUWAFIQ "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82" /* الموافق */

static int
is_punct(const struct scan *s, size_t i, const char *const *set)
{
    if (i >= s->e)
        return 0;
    const struct txt_token *t = tok(s, i);
    if (TXT_PUNCT != t->kind || NULL == t->surface)
        return 0;
    for (; *set; set++)
        if (0 == strcmp(t->surface, *set))
            return 1;
    return 0;
}

static const char *const P_SEP[] = {"/", "(", "-", "\xe2\x80\x93", "\\", "[", NULL};
static const char *const P_CLOSE[] = {")", "]", NULL};
static const char *const P_QOPEN[] = {"\xc2\xab", "\"", "(", "\xe2\x80\x9c", "'", "-", NULL};
static const char *const P_QCLOSE[] = {"\xc2\xbb", "\"", ")", "\xe2\x80\x9d", "'", NULL};
static const char *const P_DATESEP[] = {"\xd8\x8c", ",", "(", "-", NULL};

/* Value of an all-digit number token, or -1; *ndig receives the digit count. */
static int
number(const struct scan *s, size_t i, int *ndig)
{
    *ndig = 0;
    if (i >= s->e)
        return -1;
    const struct txt_token *t = tok(s, i);
    if (TXT_NUMBER != t->kind || NULL == t->key)
        return -1;
    const char *k = t->key;
    size_t n = strlen(k);
    if (0 == n || n > 4)
        return -1;
    int v = 0;
    for (size_t j = 0; j < n; j++) {
        if (k[j] < '0' || k[j] > '9')
            return -1;
        v = v * 10 + (k[j] - '0');
    }
    *ndig = (int)n;
    return v;
}

static int
year_at(const struct scan *s, size_t i, int lo, int hi)
{
    int nd;
    int v = number(s, i, &nd);
    return (4 == nd && v >= lo && v <= hi) ? v : -1;
}

/* After a year at token i: skip an era word of the given role. */
static size_t
after_era(const struct scan *s, size_t i, unsigned role)
{
    struct wv w;
    size_t n = look(s, i, &w);
    return (n && (w.roles & role)) ? i + n : i;
}

static size_t
set_abs(struct tmx_expr *x, enum tmx_grain g, int y, int m, int d, size_t end)
{
    x->anchor = TMX_ABSOLUTE;
    x->grain = g;
    x->year = y;
    x->month = m;
    x->day = d;
    return end;
}

static size_t parse_any(const struct scan *s, size_t i, struct tmx_expr *x, int depth,
                        unsigned flags);

/* A Hijri month at k (n tokens), with an optional day already read. */
static size_t
parse_hijri_tail(const struct scan *s, size_t k, size_t n, int hm, int day, struct tmx_expr *x)
{
    size_t j = k + n;
    struct wv w;
    size_t m = look(s, j, &w);
    if (m && (w.roles & R_CUE_YEAR))
        j += m;
    int hy = year_at(s, j, HIJRI_MIN, HIJRI_MAX);
    if (hy < 0)
        return 0;
    size_t end = after_era(s, j + 1, R_ERA_HIJRI);
    int y, mo, d;
    if (!hijri_to_gregorian(hy, hm, day ? day : 15, &y, &mo, &d)) {
        x->grain = 0; /* 30 in a 29-day month: not a date */
        return end;
    }
    if (day)
        return set_abs(x, TMX_DAY, y, mo, d, end);
    return set_abs(x, TMX_MONTH, y, mo, 0, end);
}

/*
 * A Gregorian month at k (n tokens) with an optional day already read.
 * cue: the month is licensed by what comes before (a day, a cue word).
 */
static size_t
parse_month_tail(const struct scan *s, size_t k, size_t n, int month, int day, int cue,
                 struct tmx_expr *x)
{
    size_t end = k + n;
    struct wv w;
    size_t m;
    /* combined forms: كانون الثاني/يناير، سبتمبر (أيلول)، أيار/ مايو */
    if (is_punct(s, end, P_SEP)) {
        m = look(s, end + 1, &w);
        if (m && (w.roles & R_MONTH) && w.month == month) {
            end += 1 + m;
            if (is_punct(s, end, P_CLOSE))
                end++;
            cue = 1;
        }
    } else {
        m = look(s, end, &w);
        if (m && (w.roles & R_MONTH) && w.month == month) {
            end += m;
            cue = 1;
        }
    }
    enum tmx_grain g = day ? TMX_DAY : TMX_MONTH;
    x->month = month;
    x->day = day;
    /* a year: [من] [عام] YYYY, or [من] العام الماضي */
    size_t j = end;
    if (is_word(s, j, W_MIN))
        j++;
    m = look(s, j, &w);
    if (m && (w.roles & R_REL) && TMX_YEAR == w.rel_grain) {
        x->anchor = TMX_RELATIVE;
        x->grain = g;
        x->unit = TMX_YEAR;
        x->offset = w.rel_off;
        return j + m;
    }
    if (m && (w.roles & R_CUE_YEAR))
        j += m;
    int y = year_at(s, j, YEAR_MIN, YEAR_MAX);
    if (y >= 0) {
        return set_abs(x, g, y, month, day, after_era(s, j + 1, R_ERA_GREG));
    }
    /* a marker: مارس الماضي، 27 أغسطس المقبل، مايو الجاري */
    m = look(s, end, &w);
    if (m && (w.roles & R_DIR)) {
        if (0 == w.dir) {
            x->anchor = TMX_RELATIVE;
            x->grain = g;
            x->unit = TMX_YEAR;
            x->offset = 0;
        } else {
            x->anchor = TMX_PARTIAL;
            x->grain = g;
            x->offset = w.dir;
        }
        return end + m;
    }
    if (!day && !cue)
        return 0;
    x->anchor = TMX_PARTIAL;
    x->grain = g;
    x->offset = 0;
    return end;
}

/*
 * parse_month_tail, then: a day the month does not have (30 فبراير، 29
 * فبراير 2019) makes the whole phrase a non-time, read and skipped.
 */
static size_t
parse_month_checked(const struct scan *s, size_t k, size_t n, int month, int day, int cue,
                    struct tmx_expr *x)
{
    size_t end = parse_month_tail(s, k, n, month, day, cue, x);
    if (end && day) {
        int ok = TMX_ABSOLUTE == x->anchor ? tmxc_valid(x->year, month, day)
                                           : day <= tmxc_month_days(2000, month);
        if (!ok)
            x->grain = 0;
    }
    return end;
}

/* A day of the month (number or ordinal) has been read, tokens [i, j). */
static size_t
parse_day_of_month(const struct scan *s, size_t j, int day, struct tmx_expr *x)
{
    if (day < 1 || day > 31)
        return 0;
    size_t k = j;
    if (is_word(s, k, W_MIN))
        k++;
    struct wv w;
    size_t n = look(s, k, &w);
    if (!n)
        return 0;
    if (w.roles & R_CUE_MONTH) { /* الخامس من شهر يناير */
        size_t k2 = k + n;
        size_t n2 = look(s, k2, &w);
        if (!n2)
            return 0;
        k = k2;
        n = n2;
    }
    if (w.roles & R_MONTH)
        return parse_month_checked(s, k, n, w.month, day, 1, x);
    if (w.roles & R_HIJRI)
        return parse_hijri_tail(s, k, n, w.hijri, day, x);
    if ((w.roles & R_REL) && TMX_MONTH == w.rel_grain) { /* 14 من الشهر الماضي */
        x->anchor = TMX_RELATIVE;
        x->grain = TMX_DAY;
        x->unit = TMX_MONTH;
        x->offset = w.rel_off;
        x->day = day;
        return k + n;
    }
    return 0;
}

/* Numeric dates: 31/1/2018, 2018-01-31, 31.1.2018, 1/2018. */
static size_t
parse_numeric_date(const struct scan *s, size_t i, struct tmx_expr *x)
{
    const char *k = tok(s, i)->key;
    if (NULL == k)
        return 0;
    int part[3], len[3], np = 0;
    const char *p = k;
    char sep = 0;
    while (*p) {
        if (np == 3)
            return 0;
        int v = 0, l = 0;
        while (*p >= '0' && *p <= '9') {
            if (++l > 4)
                return 0;
            v = v * 10 + (*p - '0');
            p++;
        }
        if (0 == l)
            return 0;
        part[np] = v;
        len[np] = l;
        np++;
        if (!*p)
            break;
        if ('/' != *p && '-' != *p && '.' != *p)
            return 0;
        if (sep && *p != sep)
            return 0;
        sep = *p++;
        if (!*p)
            return 0;
    }
    int y, m, d;
    if (3 == np) {
        if (4 == len[0] && len[1] <= 2 && len[2] <= 2) {
            y = part[0];
            m = part[1];
            d = part[2];
        } else if (4 == len[2] && len[0] <= 2 && len[1] <= 2) {
            y = part[2];
            d = part[0];
            m = part[1];
            if (m > 12 && d <= 12) { /* month first (1/31/2018) */
                int t = m;
                m = d;
                d = t;
            }
        } else {
            return 0;
        }
        if (y < YEAR_MIN || y > YEAR_MAX || !tmxc_valid(y, m, d))
            return 0;
        return set_abs(x, TMX_DAY, y, m, d, i + 1);
    }
    if (2 == np && '.' != sep) {
        if (4 == len[1] && len[0] <= 2) {
            y = part[1];
            m = part[0];
        } else if (4 == len[0] && len[1] <= 2) {
            y = part[0];
            m = part[1];
        } else {
            return 0;
        }
        if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12)
            return 0;
        return set_abs(x, TMX_MONTH, y, m, 0, i + 1);
    }
    return 0;
}

/* A bare year is a year only after a cue word (في 2019، خلال 2019). */
static size_t
parse_number(const struct scan *s, size_t i, struct tmx_expr *x)
{
    int nd;
    int v = number(s, i, &nd);
    if (v < 0)
        return TXT_NUMBER == tok(s, i)->kind ? parse_numeric_date(s, i, x) : 0;
    if (nd <= 2)
        return parse_day_of_month(s, i + 1, v, x);
    if (4 != nd)
        return 0;
    struct wv w;
    size_t m = look(s, i + 1, &w);
    if (m && (w.roles & R_ERA_HIJRI)) { /* a Hijri year alone: not a point */
        x->grain = 0;
        return i + 1 + m;
    }
    if (v < YEAR_MIN || v > YEAR_MAX)
        return 0;
    if (i == s->b || !(roles1(s, i - 1, &w) & R_CUE))
        return 0;
    return set_abs(x, TMX_YEAR, v, 0, 0, after_era(s, i + 1, R_ERA_GREG));
}

/* عام/سنة at i (n tokens) + year. */
static size_t
parse_cue_year(const struct scan *s, size_t i, size_t n, struct tmx_expr *x)
{
    size_t j = i + n;
    int nd;
    int v = number(s, j, &nd);
    if (4 != nd)
        return 0;
    struct wv w;
    size_t m = look(s, j + 1, &w);
    if (m && (w.roles & R_ERA_HIJRI)) {
        x->grain = 0;
        return j + 1 + m;
    }
    if (v < YEAR_MIN || v > YEAR_MAX)
        return 0;
    size_t end = after_era(s, j + 1, R_ERA_GREG);
    if (i > s->b && (roles1(s, i - 1, &w) & R_SHIFT) && SHIFT_SINCE == w.shift) {
        x->grain = 0; /* منذ عام 2011: a duration */
        return end;
    }
    return set_abs(x, TMX_YEAR, v, 0, 0, end);
}

/* قبل/بعد/منذ at i (n tokens) + [approx] count unit. */
static size_t
parse_shift(const struct scan *s, size_t i, size_t n, int shift, struct tmx_expr *x)
{
    size_t j = i + n;
    struct wv w;
    size_t m = look(s, j, &w);
    if (m && (w.roles & R_APPROX)) {
        j += m;
        m = look(s, j, &w);
    }
    int count = -1, nd;
    int v = number(s, j, &nd);
    if (v >= 0) {
        if (nd > 3)
            return 0;
        count = v;
        j++;
        m = look(s, j, &w);
    } else if (m && (w.roles & R_NUM)) {
        count = w.num;
        j += m;
        m = look(s, j, &w);
    }
    if (!m || !(w.roles & R_UNIT))
        return 0;
    if (count < 0)
        count = w.unit_count;
    int unit = w.unit_grain;
    size_t end = j + m;
    struct wv w1;
    size_t m1 = look(s, end, &w1);
    if (m1 && (w1.roles & R_NUM) && 1 == w1.num && count <= 1)
        end += m1; /* بعد يوم واحد */
    /* قبل عام 2011 / قبل شهر مارس: a year or a month follows */
    if (year_at(s, end, 1000, 9999) >= 0)
        return 0;
    struct wv w2;
    size_t m2 = look(s, end, &w2);
    if (m2 && (w2.roles & (R_MONTH | R_HIJRI)))
        return 0;
    /* بعد يومين من وصوله: counted from another event */
    if (0 == count || is_word(s, end, W_MIN)) {
        if (SHIFT_SINCE == shift) {
            x->grain = 0;
            return end;
        }
        x->anchor = TMX_RELATIVE;
        x->grain = TMX_VAGUE;
        return end;
    }
    if (SHIFT_SINCE == shift) {
        int point = UNIT_HOUR == unit || (TMX_DAY == unit && count <= 10)
                    || (TMX_WEEK == unit && count <= 4);
        if (!point) {
            x->grain = 0; /* منذ 20 عاما: a duration */
            return end;
        }
        shift = -1;
    }
    int limit = TMX_DAY == unit ? 400 : TMX_WEEK == unit ? 60 : TMX_MONTH == unit ? 120 : 100;
    /* الاجتماع الأول بعد 13 عاما: years after which something happens again
     * are a duration, not a date years ahead */
    if (count > limit || (shift > 0 && TMX_YEAR == unit && count >= 3)) {
        x->grain = 0;
        return end;
    }
    x->anchor = TMX_RELATIVE;
    if (UNIT_HOUR == unit) {
        x->grain = TMX_DAY;
        x->offset = 0;
    } else {
        x->grain = (enum tmx_grain)unit;
        x->offset = shift * count;
    }
    return end;
}

/* A weekday at i (n tokens): [الماضي|المقبل] or [،|(|الموافق] date. */
static size_t
parse_weekday(const struct scan *s, size_t i, size_t n, int wd, int depth, struct tmx_expr *x)
{
    size_t end = i + n;
    x->anchor = TMX_WEEKDAY;
    x->grain = TMX_DAY;
    x->weekday = wd;
    x->offset = 0;
    struct wv w;
    size_t m = look(s, end, &w);
    if (m && (w.roles & R_DIR) && 0 != w.dir) {
        x->offset = w.dir;
        return end + m;
    }
    /* الخميس من الأسبوع الماضي: that weekday of a relative (ISO) week */
    if (is_word(s, end, W_MIN) && (m = look(s, end + 1, &w)) && (w.roles & R_REL)
        && TMX_WEEK == w.rel_grain) {
        x->anchor = TMX_RELATIVE;
        x->unit = TMX_WEEK;
        x->offset = w.rel_off;
        return end + 1 + m;
    }
    if (depth < MAX_DEPTH) {
        size_t j = end;
        int open = 0;
        if (is_punct(s, j, P_DATESEP)) {
            open = is_punct(s, j, (const char *const[]){"(", NULL});
            j++;
        }
        if (is_word(s, j, W_MUWAFIQ))
            j++;
        int nd;
        struct tmx_expr d;
        memset(&d, 0, sizeof(d));
        size_t r = 0;
        if (number(s, j, &nd) >= 0 || (j < s->e && TXT_DATE == tok(s, j)->kind))
            r = parse_any(s, j, &d, depth + 1, 0);
        else if (look(s, j, &w) && (w.roles & R_ORD))
            r = parse_any(s, j, &d, depth + 1, 0);
        if (r && TMX_DAY == d.grain && TMX_RELATIVE != d.anchor) {
            *x = d;
            x->weekday = wd;
            if (open && is_punct(s, r, P_CLOSE))
                r++;
            return r;
        }
    }
    return end;
}

/* A relative entry at i (n tokens); a day may name its weekday after it. */
static size_t
parse_rel(const struct scan *s, size_t i, size_t n, const struct wv *rw, struct tmx_expr *x)
{
    size_t end = i + n;
    x->anchor = TMX_RELATIVE;
    x->grain = (enum tmx_grain)rw->rel_grain;
    x->offset = rw->rel_off;
    if (TMX_DAY != x->grain)
        return end;
    size_t j = end;
    int quoted = is_punct(s, j, P_QOPEN);
    if (quoted)
        j++;
    struct wv w;
    size_t m = look(s, j, &w);
    if (m && (w.roles & R_WEEKDAY)) {
        x->weekday = w.weekday;
        end = j + m;
        if (quoted && is_punct(s, end, P_QCLOSE))
            end++;
    }
    return end;
}

/* Vague entry at i (n tokens): [من] + an expression with a value takes it. */
static size_t
parse_vague(const struct scan *s, size_t i, size_t n, int depth, struct tmx_expr *x)
{
    size_t end = i + n;
    if (depth < MAX_DEPTH) {
        size_t j = end;
        if (is_word(s, j, W_MIN))
            j++;
        struct tmx_expr y;
        memset(&y, 0, sizeof(y));
        size_t r = j < s->e ? parse_any(s, j, &y, depth + 1, 0) : 0;
        if (r && y.grain && TMX_VAGUE != y.grain) {
            *x = y;
            return r;
        }
    }
    x->anchor = TMX_RELATIVE;
    x->grain = TMX_VAGUE;
    return end;
}

/*
 * Try an expression starting at token i. Returns the token just past it and
 * fills *x (x->grain 0: a phrase to skip), or 0 when nothing starts here.
 */
static size_t
parse_any(const struct scan *s, size_t i, struct tmx_expr *x, int depth, unsigned flags)
{
    if (i >= s->e || depth > MAX_DEPTH)
        return 0;
    const struct txt_token *t = tok(s, i);
    if (TXT_NUMBER == t->kind)
        return parse_number(s, i, x);
    if (TXT_DATE == t->kind)
        return parse_numeric_date(s, i, x);
    struct wv w;
    size_t n = look(s, i, &w);
    if (!n)
        return 0;
    if (w.roles & R_SKIP) {
        x->grain = 0;
        return i + n;
    }
    if (w.roles & R_REL)
        return parse_rel(s, i, n, &w, x);
    if (w.roles & R_VAGUE)
        return parse_vague(s, i, n, depth, x);
    if (w.roles & R_PART) {
        struct tmx_expr y;
        memset(&y, 0, sizeof(y));
        size_t r = parse_any(s, i + n, &y, depth + 1, F_AFTER_PART);
        if (r && TMX_DAY == y.grain) {
            *x = y;
            return r;
        }
        if (!(w.roles & R_UNIT))
            return 0;
    }
    if (w.roles & R_MONTH) {
        struct wv c;
        int cue = i > s->b && 0 != (roles1(s, i - 1, &c) & R_CUE);
        return parse_month_tail(s, i, n, w.month, 0, cue, x);
    }
    if (w.roles & R_WEEKDAY)
        return parse_weekday(s, i, n, w.weekday, depth, x);
    if ((w.roles & R_WDBARE) && (flags & F_AFTER_PART))
        return parse_weekday(s, i, n, w.weekday, depth, x);
    if (w.roles & R_HIJRI)
        return parse_hijri_tail(s, i, n, w.hijri, 0, x);
    if (w.roles & R_ORD)
        return parse_day_of_month(s, i + n, w.ord, x);
    if (w.roles & R_SHIFT)
        return parse_shift(s, i, n, w.shift, x);
    if (w.roles & R_CUE_YEAR)
        return parse_cue_year(s, i, n, x);
    if (w.roles & R_CUE_MONTH) {
        size_t m = look(s, i + n, &w);
        if (m && (w.roles & R_MONTH))
            return parse_month_tail(s, i + n, m, w.month, 0, 1, x);
        return 0;
    }
    return 0;
}

/* Code points of the first n letters of a word, with the marks after them. */
static uint32_t
skip_letters(const char *surface, unsigned n)
{
    const unsigned char *p = (const unsigned char *)surface;
    uint32_t cps = 0;
    unsigned letters = 0;
    while (NULL != p && *p) {
        unsigned len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;
        uint32_t c = 2 == len && p[1] ? ((uint32_t)(*p & 0x1F) << 6) | (p[1] & 0x3F) : 0;
        int mark = (c >= 0x064B && c <= 0x065F) || 0x0670 == c || 0x0640 == c;
        if (!mark && letters++ == n)
            break;
        for (unsigned k = 0; k < len && *p; k++)
            p++;
        cps++;
    }
    return cps;
}

int
tmx_scan(const struct tmx_ctx *ctx, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
         struct tmx_expr *out, size_t max, size_t *n)
{
    if (NULL != n)
        *n = 0;
    if (NULL == ctx || NULL == doc || NULL == n || (NULL == out && max > 0))
        return LQ_ERR_INVALID;
    if (tok_end > doc->ntokens)
        tok_end = doc->ntokens;
    struct scan s = {ctx, doc, tok_begin, tok_end};
    size_t found = 0;
    for (size_t i = tok_begin; i < tok_end;) {
        /* an expression never crosses a sentence boundary */
        uint32_t si = doc->tokens[i].sentence;
        s.b = tok_begin;
        s.e = tok_end;
        if (NULL != doc->sents && si < doc->nsents) {
            const struct txt_sentence *st = &doc->sents[si];
            if (st->tok_begin > s.b && st->tok_begin <= i)
                s.b = st->tok_begin;
            if (st->tok_end < s.e && st->tok_end > i)
                s.e = st->tok_end;
        }
        struct tmx_expr x;
        memset(&x, 0, sizeof(x));
        size_t end = parse_any(&s, i, &x, 0, 0);
        if (end <= i) {
            i++;
            continue;
        }
        if (0 != x.grain) {
            const struct txt_token *first = &doc->tokens[i];
            const struct txt_token *last = &doc->tokens[end - 1];
            x.tok_begin = (uint32_t)i;
            x.tok_end = (uint32_t)end;
            x.start = first->body_start;
            unsigned strip = 0;
            if (TXT_WORD == first->kind
                && 0 == lex_longest(ctx->words, doc, i, s.e, LEX_BASE, NULL)
                && NULL != uncut_value(&s, first, &strip))
                x.start += skip_letters(first->surface, strip);
            x.end = last->end;
            if (found < max)
                out[found] = x;
            found++;
        }
        i = end;
    }
    *n = found;
    return LQ_OK;
}

/* end of timex.c */
