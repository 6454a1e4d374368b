/**
 * @file resources.h
 * @brief The editable lexicons of the pipeline, loaded from config/lexicons.
 *
 * Prefix lq_lexicons_. Each file in the lexicon folder holds one kind of
 * general knowledge (see the header comment of each file). Country and city
 * names are also taken from ICU's Arabic locale data at load time, so the
 * files only add what ICU lacks.
 *
 * Ownership: struct lq_lexicons owns every struct lex in it; read-only after
 * lq_lexicons_load() and shared by all threads.
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
};

/**
 * Load every lexicon of @p dir. A missing, unreadable or corrupt file is an
 * error that names the file (and line).
 * @param out  the lexicons; free with lq_lexicons_free()
 * @return LQ_OK or a negative enum lq_status, with @p err filled
 */
int
lq_lexicons_load(const char *dir, struct lq_lexicons **out, char *err, size_t errlen);

void
lq_lexicons_free(struct lq_lexicons *lx);

/* end of resources.h */
