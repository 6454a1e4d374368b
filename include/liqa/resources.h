/**
 * @file resources.h
 * @brief The editable lexicons of the pipeline, loaded from config/lexicons.
 *
 * Prefixes lq_lexicons_ (loading) and lq_place_ (containment). Each file in
 * the lexicon folder holds one kind of general knowledge (see the header
 * comment of each file). Country and city names are also taken from ICU's
 * Arabic locale data at load time, so the files only add what ICU lacks.
 *
 * Place containment: every country name maps to its ISO 3166 code (ICU's
 * names directly, the other spellings of places.txt by their code: or =
 * field), and every city, region or site to the country it lies in (ICU's
 * exemplar cities through their time zone's region, the entries of
 * places.txt through their in: field). lq_place_country() and
 * lq_place_within() answer on entity names as the entity stage writes them.
 *
 * Ownership: struct lq_lexicons owns every struct lex in it; read-only after
 * lq_lexicons_load() and shared by all threads. Strings the lq_place_
 * functions return point into the lexicons and live as long as they do.
 */
#pragma once

#include <stddef.h>

struct lex;

struct lq_lexicons {
    /* entities */
    struct lex *titles;        /**< titles and offices: وزير، رئيس، سفير ... */
    struct lex *honorifics;    /**< not part of names: الشيخ، الدكتور، السيد ... */
    struct lex *org_heads;     /**< organization head nouns: وزارة، وكالة ... */
    struct lex *first_names;   /**< common given names, Arabic and foreign */
    struct lex *nationalities; /**< adjective → country: الروسية → روسيا */
    struct lex *places;        /**< countries, cities, regions (ICU + file); value: kind */
    struct lex *organizations; /**< well-known organizations by name */
    struct lex *acronyms;      /**< acronym → organization: سي آي إيه → وكالة الاستخبارات المركزية */
    struct lex *synonyms;      /**< word → canonical word: المخابرات → الاستخبارات */
    struct lex *nonname;       /**< function words and common nouns never inside a name */
    /* text layer */
    struct lex *protect;       /**< words never split into proclitic + body (union of
                                    clitic_protect.txt, first_names, places) */
    struct lex *known;         /**< single words known as bodies, which licence a proclitic
                                    cut (places, first names, titles, head nouns,
                                    nationalities, organizations, triggers) */
    /* events */
    struct lex *triggers;      /**< meeting triggers; value: class (see triggers.txt) */
    struct lex *cues;          /**< status and role cues; value: class (see cues.txt) */
    /* time */
    struct lex *time_words;    /**< relative time expressions; value: rule (see time_words.txt) */
    /* place containment (read them through lq_place_country() and lq_place_within()) */
    struct lex *place_code;    /**< country name → its ISO 3166 code: ICU's names, and the
                                    code: lines of places.txt */
    struct lex *place_in;      /**< place → where it lies: code(s) of its country ("EG", or
                                    "IL|PS" when it is shared or disputed), or the key of
                                    the place that holds it (a site in a city) */
    struct lex *place_same;    /**< spelling → the place it spells (the = lines of
                                    places.txt): أبو ظبي → ابوظبي */
};

/**
 * Load every lexicon of @p dir. A missing, unreadable or corrupt file is an
 * error that names the file (and line).
 * @param out  the lexicons; free with lq_lexicons_free()
 * @return LQ_OK or a negative enum lq_status, with @p err filled
 */
int
lq_lexicons_load(const char *dir, struct lq_lexicons **out, char *err, size_t errlen);

/** Free the lexicons; NULL is a no-op. */
void
lq_lexicons_free(struct lq_lexicons *lx);

/**
 * The match key of the place @p name stands for, when it is a known place.
 * @p name is folded (txt_fold()), so an entity's name, its surface text or
 * a match key all do. When the name itself is no place, the name with ال
 * added or removed is tried (مغرب → المغرب), then the name without a
 * leading place head noun of cues.txt (class placehead: مدينة جدة → جدة,
 * ولاية تكساس → تكساس; at most two). Another spelling given by an = line
 * of places.txt gives the key of the place it spells (أبو ظبي → ابوظبي).
 * Thread safe; bounded work (a few lookups).
 * @param buf  receives the key, NUL-terminated (the caller's storage)
 * @return @p buf, or NULL when @p name is no known place (or the key does
 *         not fit in @p cap bytes, or @p lx is NULL)
 */
const char *
lq_place_key(const struct lq_lexicons *lx, const char *name, char *buf, size_t cap);

/**
 * The country the place @p name lies in, as its ISO 3166 alpha-2 code
 * ("EG" for القاهرة, for مصر and for جمهورية مصر العربية): every spelling
 * of a country answers with the same code, so codes compare countries.
 * Names are read as by lq_place_key().
 * @return the code, pointing into @p lx (valid while it lives; do not free),
 *         or NULL when the place is unknown, lies in no one country (أوروبا),
 *         or may lie in several (a disputed or ambiguous name: in:IL|PS)
 */
const char *
lq_place_country(const struct lq_lexicons *lx, const char *name);

/**
 * Does the place @p inner lie within the place @p outer? A city, region or
 * site within its country, or within the place its in: chain goes through
 * (a site within its city); a place is within itself and within the other
 * spellings of itself (أمريكا within الولايات المتحدة). Names are read as
 * by lq_place_key(). Thread safe; at most 8 links followed.
 * @return 1 when it is; 0 when it is known not to be (جدة and the United
 *         States; a country within a city); -1 when unknown (either is no
 *         known place, a country is missing, or @p outer is a region the
 *         tables do not describe, such as أوروبا)
 */
int
lq_place_within(const struct lq_lexicons *lx, const char *inner, const char *outer);

/* end of resources.h */
