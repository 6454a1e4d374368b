/**
 * @file text_internal.h
 * @brief Internals shared by the sources of the text layer (not installed,
 *        not for other modules): code point classes, UTF-8 coding, folding
 *        of single code points, tokenizer, segmenter and sentence splitter.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "liqa/text.h"

struct lex;

/** Most code points one token may have; a longer run becomes several tokens. */
#define TXTI_TOKEN_MAX 256u
/** Most code points txti_fold_cp() writes for one input code point. */
#define TXTI_FOLD_MAX 32u

/** Class of a code point for the tokenizer. */
enum txti_class {
    TXTI_SPACE = 0, /**< white space, and control characters (U+0000 included) */
    TXTI_NEWLINE,   /**< LF, VT, FF, CR, NEL, LS, PS */
    TXTI_ARABIC,    /**< a letter of the Arabic script (Persian, Urdu, presentation forms) */
    TXTI_LETTER,    /**< a letter of any other script */
    TXTI_DIGIT,     /**< a decimal digit of any script */
    TXTI_MARK,      /**< combining mark, diacritic or tatweel: stays inside a word */
    TXTI_FORMAT,    /**< invisible: ZWJ, ZWNJ, bidi controls, BOM, variation selectors */
    TXTI_PUNCT,     /**< punctuation */
    TXTI_SYMBOL,    /**< anything else */
};

/** Code points below this have their class and key in tables. */
#define TXTI_TAB_SIZE 0x0800u

/** Class of each code point below TXTI_TAB_SIZE (enum txti_class). */
extern uint8_t txti_class_tab[TXTI_TAB_SIZE];
/** Key of each code point below TXTI_TAB_SIZE: 0 vanishes, 0xFFFF not simple. */
extern uint16_t txti_fold_tab[TXTI_TAB_SIZE];

/** Build the tables once (thread safe); every entry point calls it. */
void
txti_tables_init(void);

/** The class of a code point at or above TXTI_TAB_SIZE. */
enum txti_class
txti_class_big(uint32_t cp);

/** The class of @p cp (after txti_tables_init()). */
static inline enum txti_class
txti_class(uint32_t cp)
{
    return cp < TXTI_TAB_SIZE ? (enum txti_class)txti_class_tab[cp] : txti_class_big(cp);
}

/**
 * Fold one code point (see txt_fold()). White space and control characters
 * come out as a single U+0020; the caller collapses runs.
 * @param out  room for TXTI_FOLD_MAX code points
 * @return how many code points were written (0: the code point vanishes)
 */
size_t
txti_fold_cp(uint32_t cp, uint32_t *out);

/**
 * NFKC of one code point: a presentation form (U+FB50..U+FDFF,
 * U+FE80..U+FEFC) becomes the letters it shows; anything else stays.
 * @param out  room for TXTI_FOLD_MAX code points
 * @return how many code points were written (at least 1)
 */
size_t
txti_nfkc_cp(uint32_t cp, uint32_t *out);

/**
 * Fold a code point array to its UTF-8 match key, like txt_fold().
 * @return the full length of the key in bytes
 */
size_t
txti_fold_cps(const uint32_t *cps, size_t n, char *out, size_t outcap);

/** Encode @p cp as UTF-8 into @p out (room for 4); the number of bytes. */
size_t
txti_utf8_put(uint32_t cp, char *out);

/*
 * The hash of n bytes of the lexicons' tables and of the document's word
 * set: 8 bytes a step, the tail read as two overlapping 4-byte words (or 1
 * to 3 bytes), the length mixed in; then a final mix. Same value on every
 * machine of the same byte order; nothing stores it.
 */
static inline uint64_t
txti_hash_bytes(const char *s, size_t n)
{
    const uint64_t seed = 0x9E3779B97F4A7C15ull, mul1 = 0xbf58476d1ce4e5b9ull,
                   mul2 = 0x94d049bb133111ebull;
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = seed ^ ((uint64_t)n * mul2);
    while (n > 8) {
        uint64_t v;
        memcpy(&v, p, sizeof(v));
        h = (h ^ v) * mul1;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    uint64_t t;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, sizeof(a));
        memcpy(&b, p + n - 4, sizeof(b));
        t = ((uint64_t)a << 32) | b;
    } else if (n) {
        t = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
    } else {
        t = 0;
    }
    h = (h ^ t) * mul1;
    h ^= h >> 29;
    h *= mul2;
    h ^= h >> 32;
    return h;
}

/** Bytes that @p cp takes in UTF-8 (inline: the segmenter asks it per letter). */
static inline size_t
txti_utf8_len(uint32_t cp)
{
    if (cp < 0x80)
        return 1;
    if (cp < 0x800)
        return 2;
    if (cp < 0x10000)
        return 3;
    return 4;
}

/**
 * Decode one code point at s[*i], leniently: an invalid byte reads as
 * U+FFFD and advances by one.
 */
uint32_t
txti_utf8_next(const unsigned char *s, size_t len, size_t *i);

/** Is @p cp a quotation mark (« » " “ ” ' ‘ ’ „ ‹ › ‚)? */
int
txti_is_quote(uint32_t cp);

/**
 * Tokenize cps[0, n): the first @p cap tokens are written to @p out (none
 * when @p out is NULL), the others only counted.
 * @return the number of tokens (more than @p cap: run again with room for all)
 */
size_t
txti_tokenize(const uint32_t *cps, size_t n, struct txt_token *out, size_t cap);

/** Set the quote flags of the tokens (needs their kind and offsets). */
void
txti_mark_quotes(const uint32_t *cps, size_t n, struct txt_token *toks, size_t ntoks);

/** Result of proclitic segmentation of one word. */
struct txti_seg {
    size_t nclitic;      /**< letters split off (0: none) */
    uint32_t body_cp;    /**< code point offset of the body inside the word */
    int elided;          /**< 1: لل, ال written without its alef */
    int al;              /**< 1: the body starts with ال */
    size_t key_clitic;   /**< bytes of the clitics in the word's key */
};

/** A set of borrowed strings: the words one document uses by themselves. */
struct txti_keyset {
    const char **slot; /**< read only where tag is set */
    uint32_t *tag;     /**< per slot: 32 bits of the string's hash, 0 when empty */
    size_t cap;   /**< slots in use: a power of two; 0: empty */
    size_t alloc; /**< slots allocated (>= cap): kept for the next text */
    size_t n;
};

/** Empty the set and make room for @p expect strings; -1 when out of memory. */
int
txti_keyset_reset(struct txti_keyset *ks, size_t expect);

/** Add a string (borrowed); ignored when the set is full. */
void
txti_keyset_add(struct txti_keyset *ks, const char *key);

/** Is @p key in the set? */
int
txti_keyset_has(const struct txti_keyset *ks, const char *key);

void
txti_keyset_free(struct txti_keyset *ks);

/**
 * Segment one Arabic word.
 * @param cps   its code points (original text)
 * @param key   its match key (txti_fold_cps of cps), NUL-terminated
 * @param doc   NULL, or the words its document uses by themselves: a body
 *              of four letters or more found there licences a cut
 */
void
txti_segment(const struct lex *protect, const struct lex *known, const uint32_t *cps, size_t n,
             const char *key, const struct txti_keyset *doc, struct txti_seg *seg);

/** Read-only resources (struct txt_ctx of text.h). */
struct txt_ctx {
    const struct lex *protect;
    const struct lex *known;
    struct UBreakIterator *brk; /**< sentence iterator for "ar", cloned per scratch */
};

/** Per-thread buffers (struct txt_scratch of text.h). */
struct txt_scratch {
    struct UBreakIterator *brk; /**< own clone; NULL: hand-written rules only */
    uint32_t *cps;              /**< the text's code points */
    size_t cps_cap;
    uint16_t *u16;              /**< the text in UTF-16 for ICU */
    size_t u16_cap;
    uint32_t *bounds;           /**< ICU sentence boundaries, code point offsets */
    size_t bounds_cap;
    struct txti_keyset words;   /**< the document's stand-alone words */
};

/**
 * Split @p doc (tokens ready) into sentences, set every token's sentence.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
txti_sentences(struct txt_scratch *sc, struct lq_arena *arena, const uint32_t *cps,
               struct txt_doc *doc);

/* end of text_internal.h */
