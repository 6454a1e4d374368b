/**
 * @file timex.h
 * @brief Time expressions in Arabic news, normalised to TIMEX3 values
 *        against the document creation time.
 *
 * Prefix tmx_. Detection (tmx_scan) and resolution (tmx_resolve) are apart,
 * because a weekday's value depends on the tense of the clause that governs
 * it (الخميس: the latest Thursday on or before the publication date, or the
 * next one under future tense), which the event stage knows.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct lq_arena;
struct lq_lexicons;
struct txt_doc;

/** A calendar date; year 0 means "none". */
struct tmx_date {
    int year, month, day;
};

/**
 * Parse an ISO date "YYYY-MM-DD" or an RFC 3339 date-time
 * ("YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)"), checking the calendar
 * (2018-02-30 is invalid). The date part is kept. Strict: years 1000..9999,
 * two-digit months and days, 'T' (or 't') before the time, seconds up to 60,
 * an offset Z or ±HH:MM, nothing after it, at most 64 bytes in all.
 * @param out  written only when the string is valid
 * @return 1 when valid, 0 when not (s NULL included)
 */
int
tmx_parse_published(const char *s, struct tmx_date *out);

/** Granularity of an expression. */
enum tmx_grain {
    TMX_DAY = 1,
    TMX_WEEK,
    TMX_MONTH,
    TMX_YEAR,
    TMX_VAGUE, /**< مؤخرا، في وقت سابق: recognised, value always null
                    (anchor TMX_RELATIVE, offset 0) */
};

/** What an expression says, before resolution. */
enum tmx_anchor {
    TMX_ABSOLUTE = 1, /**< a full date or year in the text */
    TMX_RELATIVE,     /**< an offset from the publication date (أمس، الأسبوع الماضي) */
    TMX_WEEKDAY,      /**< a weekday name alone (الخميس) */
    TMX_PARTIAL,      /**< a day and/or month without year (في 5 يناير) */
};

/** One time expression found in the text. */
struct tmx_expr {
    uint32_t tok_begin, tok_end; /**< token range */
    uint32_t start, end;         /**< code point range */
    enum tmx_grain grain;
    enum tmx_anchor anchor;
    int year, month, day;        /**< what the text gives (0 = not given) */
    int offset;                  /**< relative: units of grain from the DCT (-1 أمس، +1 غدا);
                                      weekday and partial: -1 when marked past (الخميس
                                      الماضي، مارس الماضي), +1 when marked future
                                      (المقبل), 0 when the clause's tense decides */
    int weekday;                 /**< 1 = Monday … 7 = Sunday, 0 none */
    enum tmx_grain unit;         /**< relative: the grain @c offset counts in when it is
                                      coarser than @c grain, 0 when it is @c grain itself
                                      (الرابع عشر من الشهر الماضي: grain TMX_DAY, unit
                                      TMX_MONTH, offset -1, day 14; مايو من العام الماضي:
                                      grain TMX_MONTH, unit TMX_YEAR, offset -1, month 5) */
};

struct tmx_ctx;

/**
 * Build the word table: Gregorian month names (ICU date format symbols of
 * ar, ar_EG, ar_SY, ar_IQ, ar_LB, ar_JO, ar_MA, ar_DZ, ar_TN, ar_MR), Hijri
 * month names (ICU's islamic calendars) and weekday names (ar), then every
 * entry of lex->time_words on top (see config/lexicons/time_words.txt).
 * The context is read-only afterwards and may be shared by threads.
 * @param lex  lexicons (time_words; borrowed, only read here, may be NULL)
 * @param out  the new context; free with tmx_ctx_free()
 * @return LQ_OK, LQ_ERR_NOMEM, LQ_ERR_ICU, LQ_ERR_INVALID (out NULL)
 */
int
tmx_ctx_new(const struct lq_lexicons *lex, struct tmx_ctx **out);

/** Free a context; NULL is a no-op. */
void
tmx_ctx_free(struct tmx_ctx *ctx);

/**
 * Find the time expressions in tokens [tok_begin, tok_end) of @p doc.
 * Linear in the tokens (hash lookups of their keys; ICU only to convert a
 * Hijri date). An expression's [start, end) runs from its first token's
 * body (after proclitics) to its last token; day-part and vague prefixes
 * (صباح اليوم، في وقت سابق اليوم), عام/سنة before a year and شهر before a
 * month belong to it, a leading cue such as في or خلال does not. The
 * recognition rules are listed at the top of server/timex/timex.c.
 * @param out  receives up to @p max expressions in text order (caller's
 *             memory; nothing in them points anywhere)
 * @param n    receives how many were found (may be > max)
 * @return LQ_OK, or LQ_ERR_INVALID when ctx, doc or n is NULL
 */
int
tmx_scan(const struct tmx_ctx *ctx, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
         struct tmx_expr *out, size_t max, size_t *n);

/**
 * Resolve an expression to a TIMEX3 value ("2018-01-25", "2018-W04",
 * "2017-05", "2017").
 *
 * Weeks are ISO-8601 weeks: الأسبوع الماضي is the week of DCT - 7 days,
 * هذا الأسبوع the DCT's week. A weekday with offset 0 is the latest such
 * day on or before the DCT (the DCT itself counts) in a past clause, the
 * earliest on or after it in a future one; marked ones (offset ±1:
 * الخميس الماضي/المقبل) are strictly before/after. A partial date is the
 * nearest occurrence on or before the DCT (past) or on or after it
 * (future), strictly so when marked; months compare by month; an
 * unmarked day and month within 31 days of the DCT is in its year. A relative
 * day that names its weekday (أمس الأحد) takes that weekday's date nearest
 * to DCT + offset. Dates are calendar-checked (2018-02-30 is null). The
 * full list is at the top of server/timex/resolve.c.
 * @param dct     the publication date, or NULL when unknown: relative,
 *                weekday and partial expressions then have no value (an
 *                invalid date counts as unknown)
 * @param future  1 when the governing clause is future (weekdays and
 *                partial dates resolve forward), else 0
 * @param out     receives the value, NUL-terminated (at least 16 bytes)
 * @return 1 when a value was written, 0 when the value is null
 */
int
tmx_resolve(const struct tmx_expr *e, const struct tmx_date *dct, int future, char *out,
            size_t outcap);

/* end of timex.h */
