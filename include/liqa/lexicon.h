/**
 * @file lexicon.h
 * @brief Lexicons: sets of phrases keyed by match key, with optional values.
 *
 * Prefix lex_. A lexicon file is plain UTF-8, one entry a line; `#` starts a
 * comment line; blank lines are skipped; an entry may carry a value after a
 * TAB (for example a nationality adjective and its country:
 * `الروسي<TAB>روسيا`). Entries are stored by their match key (txt_fold()),
 * words separated by one space, so lookups ignore diacritics and the spelling
 * variants the key folds.
 *
 * Ownership: a struct lex owns its entries. It is read-only after loading and
 * may be shared by threads. Values returned by lookups point into the lexicon.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct txt_doc;
struct lex;

/** Which form of a token a lookup compares with the lexicon's words. */
enum lex_form {
    LEX_KEY = 0,  /**< the whole token's key */
    LEX_BASE = 1, /**< proclitics removed, ال kept */
    LEX_STEM = 2, /**< proclitics and ال removed */
};

/** An empty lexicon, or NULL when out of memory. */
struct lex *
lex_new(void);

/** Free a lexicon; NULL is a no-op. */
void
lex_free(struct lex *lx);

/**
 * Add one entry; it is folded with txt_fold() first. A later value for the
 * same key replaces the earlier one.
 * @param value  NULL or a string copied into the lexicon
 * @return LQ_OK, LQ_ERR_NOMEM, LQ_ERR_INVALID (empty after folding)
 */
int
lex_add(struct lex *lx, const char *entry, const char *value);

/**
 * Add every entry of a file. A UTF-8 BOM and CR line ends are accepted; a
 * line whose first non-space character is `#` is a comment; spaces around
 * the entry and around the value are dropped. Lines are at most 4096 bytes.
 * @param err  on failure, a message naming the file and line
 *             ("config/lexicons/x.txt: No such file or directory",
 *             "path:3: invalid UTF-8 at byte 8 of the line")
 * @return LQ_OK, LQ_ERR_IO (missing or unreadable), LQ_ERR_FORMAT
 *         (invalid UTF-8, NUL byte, line too long), LQ_ERR_NOMEM
 */
int
lex_load_file(struct lex *lx, const char *path, char *err, size_t errlen);

/**
 * Look a folded key up (words separated by one space).
 * @return the entry's value ("" when it has none), or NULL when absent
 */
const char *
lex_get(const struct lex *lx, const char *key);

/**
 * A folded key hashed once, for a caller that asks several lexicons about
 * the same word (lex_get_key()). It points to the caller's string, which
 * must outlive it; it owns nothing.
 */
struct lex_key {
    const char *s; /**< the folded key (NUL-terminated) */
    size_t len;    /**< strlen(s) */
    uint64_t hash; /**< as the lexicons hash it */
};

/** Fill @p k for the folded key @p key (NULL: a key no lexicon holds). */
void
lex_key_init(struct lex_key *k, const char *key);

/** lex_get(lx, k->s), without measuring or hashing the key again. */
const char *
lex_get_key(const struct lex *lx, const struct lex_key *k);

/**
 * Look up a folded key of @p len bytes (no NUL needed), and say whether
 * longer entries continue it: for callers that build multi-word keys
 * themselves and can stop as lex_longest() does.
 * @param more  if not NULL, receives 1 when some entry starts with the key
 *              and a space, else 0
 * @return the entry's value ("" when it has none), or NULL when absent
 */
const char *
lex_probe(const struct lex *lx, const char *key, size_t len, int *more);

/** Fold @p s and look it up; like lex_get(). */
const char *
lex_lookup(const struct lex *lx, const char *s);

/**
 * The longest entry that starts at token @p tok and ends before @p tok_end.
 * The first token is compared in @p first_form, the others by LEX_KEY.
 * Punctuation tokens never match: a match stops before one. At most
 * lex_max_words() lookups.
 * @param value  if not NULL, receives the entry's value
 * @return the number of tokens of the entry, 0 when none matches
 */
size_t
lex_longest(const struct lex *lx, const struct txt_doc *doc, size_t tok, size_t tok_end,
            enum lex_form first_form, const char **value);

/**
 * Which of @p n lexicons (at most 32; NULL ones never match) hold @p key
 * (folded) as an entry or as the first words of a longer one: bit k is set
 * for @p lexs[k]. The key is hashed once for all of them. A lexicon whose
 * bit is clear gives 0 from lex_longest() at a token whose first form is
 * @p key, so a caller asking several lexicons about the same token can
 * skip those.
 */
uint32_t
lex_first_mask(const struct lex *const *lexs, size_t n, const char *key);

/**
 * An index of the first words of several lexicons, for a caller that asks
 * lex_first_mask() of the same lexicons for every token: one probe of one
 * table instead of one per lexicon. Built once from lexicons that no longer
 * change; read-only afterwards and shareable by threads.
 */
struct lex_firsts;

/**
 * The index of @p lexs (at most 32; NULL ones never match), in that order.
 * @return the index (free with lex_firsts_free()), or NULL when out of memory
 */
struct lex_firsts *
lex_firsts_new(const struct lex *const *lexs, size_t n);

/** Free an index; NULL is a no-op. */
void
lex_firsts_free(struct lex_firsts *fx);

/** lex_first_mask(lexs, n, key) for the @p lexs and @p n the index was built from. */
uint32_t
lex_firsts_mask(const struct lex_firsts *fx, const char *key);

/** Number of entries. */
size_t
lex_size(const struct lex *lx);

/** Most words in one entry (bounds lex_longest's work). */
unsigned
lex_max_words(const struct lex *lx);

/** Call @p fn on every entry (key, value) in no particular order. */
void
lex_foreach(const struct lex *lx, void (*fn)(const char *key, const char *value, void *arg),
            void *arg);

/* end of lexicon.h */
