/**
 * @file text.h
 * @brief The Arabic text layer: UTF-8 validation, match keys, sentences,
 *        tokens, proclitic segmentation and offsets in three units.
 *
 * Prefix txt_. All offsets inside the pipeline are code point offsets into
 * the original text; txt_offset() converts them to UTF-16 units or UTF-8
 * bytes at the edge (JSON output).
 *
 * Ownership: struct txt_doc and every string it points to live in the arena
 * passed to txt_analyze(). struct txt_ctx is read-only after txt_ctx_new()
 * and may be shared by any number of threads; struct txt_scratch is per
 * thread.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct lq_arena;
struct lex;

/** Offset units of the API's `offsets` option. */
enum txt_unit {
    TXT_UNIT_CODEPOINT = 0,
    TXT_UNIT_UTF16 = 1,
    TXT_UNIT_UTF8 = 2,
};

/** What a token is. */
enum txt_kind {
    TXT_WORD = 0,   /**< Arabic-script word (Arabic, Persian, Urdu letters) */
    TXT_LATIN,      /**< Latin-script word, kept whole (e.g. "CIA", "Trump's") */
    TXT_NUMBER,     /**< digits in any script, with inner . , ٫ ٬ (3.5, 1,000) */
    TXT_DATE,       /**< numeric date kept whole: 31/1/2018, 2018-01-31 */
    TXT_HASHTAG,    /**< #word or #كلمة_كلمة */
    TXT_PUNCT,      /**< one punctuation character */
    TXT_SYMBOL,     /**< any other character (emoji, currency, ...) */
};

/** Token flags. */
enum txt_flag {
    TXT_F_QUOTE_OPEN = 1u << 0,  /**< an opening quote stands right before */
    TXT_F_QUOTE_CLOSE = 1u << 1, /**< a closing quote stands right after */
    /* The quote flags are set for quotes that pair up within one line
     * (« », “ ”, " ", ‘ ’, ' ', in either direction); an unmatched quote
     * flags nothing. */
    TXT_F_LINE_START = 1u << 2,  /**< first token of a line (paragraph) */
    TXT_F_AL = 1u << 3,          /**< the body starts with the article ال */
    TXT_F_IN_QUOTES = 1u << 4,   /**< inside a quoted span */
};

/**
 * One token. Proclitics: the conjunctions و ف, the prepositions ب ل ك and
 * the future prefix س are split off the front of a word when the guard in
 * txt_segment() allows it; ال is recognised but stays part of the body,
 * because names keep it (الولايات المتحدة). لل is ل + ال with the alef
 * elided: body_start then stays at start, because no slice of the text
 * spells the word with its ال.
 *
 * Tokenization: one token per Arabic-script word, Latin word (inner hyphens,
 * apostrophes and the dots of initials such as U.S kept), number, numeric
 * date, hashtag, symbol (an emoji with its modifiers); one token per
 * punctuation character (quotes included). Arabic words are split at
 * hyphens and slashes (أيار / مايو). Diacritics, tatweel and invisible
 * characters (ZWJ, ZWNJ, bidi marks) inside a word stay in its surface and
 * vanish from its keys; invisible characters before or after a word belong
 * to no token. U+0000 and the other control characters are white space, so
 * no surface contains a NUL. A run of more than 256 code points is cut into
 * several tokens.
 */
struct txt_token {
    uint32_t start;      /**< code point offset of the token */
    uint32_t end;        /**< code point offset just past it */
    uint32_t body_start; /**< offset after the split proclitics (mention start);
                              for لل the offset of its first ل (وللرئيس: 1) */
    const char *surface; /**< the original slice [start, end), NUL-terminated */
    const char *key;     /**< match key of the whole token (txt_fold) */
    const char *base;    /**< match key of the body: proclitics removed, ال kept
                              (for لل: "ال" + rest) */
    const char *stem;    /**< match key of the body without ال either */
    const char *clitics; /**< match key of the split proclitics ("", "و", "وب");
                              may be a static string */
    enum txt_kind kind;
    uint32_t flags;      /**< enum txt_flag bits */
    uint32_t sentence;   /**< index of its sentence in txt_doc.sents */
};

/**
 * One sentence: a code point range and the tokens in it. Sentences come from
 * ICU's sentence iterator for "ar", plus a split after ؛ ؟ ۔ and at every
 * line break; never after ، or , nor inside a token (3.5, 31/1/2018), nor
 * after the period of a one-letter abbreviation (د. محمد) or of initials.
 * Every token belongs to exactly one sentence; there are no empty ones.
 */
struct txt_sentence {
    uint32_t start, end;         /**< code point offsets, trimmed of spaces */
    uint32_t tok_begin, tok_end; /**< token index range [begin, end) */
};

/** An analysed text. */
struct txt_doc {
    const char *text;           /**< the original UTF-8 text (borrowed) */
    size_t len;                 /**< its length in bytes */
    uint32_t ncp;               /**< its length in code points */
    const uint32_t *cp_byte;    /**< ncp + 1 entries: byte offset of each code point */
    const uint32_t *cp_utf16;   /**< ncp + 1 entries: UTF-16 offset of each code point */
    struct txt_token *tokens;   /**< never NULL, even when ntokens is 0 */
    size_t ntokens;
    struct txt_sentence *sents; /**< never NULL, even when nsents is 0 */
    size_t nsents;
};

/** Read-only resources of the text layer. */
struct txt_ctx;
/** Per-thread scratch (ICU iterators, buffers). */
struct txt_scratch;

/**
 * Validate UTF-8 strictly (no overlongs, no surrogates, nothing above
 * U+10FFFF, no truncated sequence).
 * @param bad  set to the byte offset of the first invalid byte on failure:
 *             the first byte of the first ill-formed sequence (a stray
 *             continuation byte, or the lead byte of an overlong, surrogate,
 *             out-of-range or truncated sequence); may be NULL
 * @return 1 when valid, 0 when not
 */
int
txt_utf8_valid(const char *s, size_t len, size_t *bad);

/**
 * Fold a string to its match key: NFKC for presentation forms, diacritics,
 * tatweel, bidi controls and zero-width characters removed; أ إ آ ٱ → ا,
 * ى → ي, ة → ه, ؤ → و, ئ → ي; Persian/Urdu ی ک ہ ە → ي ك ه ه; digits of any
 * script → ASCII; Latin lower-cased; runs of white space → one space, trimmed.
 * Also: the Arabic decimal and thousands separators ٫ ٬ → . , and ٪ → %;
 * control characters (U+0000 included) count as white space; an invalid
 * UTF-8 byte reads as U+FFFD. Thread safe.
 * @param out     receives the key, NUL-terminated, truncated to @p outcap - 1
 *                at a character boundary; may be NULL when @p outcap is 0
 * @return the length of the full key (may exceed outcap - 1, like snprintf)
 */
size_t
txt_fold(const char *s, size_t len, char *out, size_t outcap);

/**
 * Create the text-layer resources.
 * @param protect  words never cut by proclitic segmentation (match keys;
 *                 borrowed, must outlive the context; may be NULL)
 * @param known    words known to exist as bodies, which licence a cut
 *                 (borrowed; may be NULL)
 * @param out      the new context, free with txt_ctx_free()
 * @return LQ_OK or a negative enum lq_status
 */
int
txt_ctx_new(const struct lex *protect, const struct lex *known, struct txt_ctx **out);

void
txt_ctx_free(struct txt_ctx *ctx);

/** Per-thread scratch for txt_analyze(); NULL when out of memory. */
struct txt_scratch *
txt_scratch_new(const struct txt_ctx *ctx);

void
txt_scratch_free(struct txt_scratch *s);

/**
 * Analyse a text: validate, split sentences, tokenize, segment proclitics,
 * fold keys and build the offset tables. Linear in the text's length. An
 * empty or white-space-only text gives 0 tokens and 0 sentences.
 * Segmentation here also uses the document itself: a word that the text
 * uses by itself (رئيس, هاريسون) licences cutting a clitic before it
 * elsewhere in the text (ورئيس, وهاريسون).
 * @param ctx      may be NULL: no lexicons, and hand-written sentence rules
 *                 instead of ICU
 * @param scratch  may be NULL: a temporary one is made (slower)
 * @param text  UTF-8, need not be NUL-terminated; borrowed by the result
 * @param bad   on LQ_ERR_UTF8, the byte offset of the first invalid byte
 *              (see txt_utf8_valid())
 * @param out   the document, allocated in @p arena; NULL on failure
 * @return LQ_OK, LQ_ERR_UTF8, LQ_ERR_NOMEM, LQ_ERR_TOO_LARGE (4 GiB or more),
 *         LQ_ERR_INVALID (NULL arena or out)
 */
int
txt_analyze(const struct txt_ctx *ctx, struct txt_scratch *scratch, struct lq_arena *arena,
            const char *text, size_t len, size_t *bad, struct txt_doc **out);

/**
 * Analyse one word the way txt_analyze() analyses a token (for training on
 * pre-tokenised corpora). Offsets are 0 and the word's length; sentence 0.
 * The kind is the one the tokenizer gives the word when it is one token,
 * else by what it holds (Arabic letters: TXT_WORD). There is no document, so
 * the document's own words do not licence cuts. Invalid UTF-8 reads as
 * U+FFFD. Strings live in @p arena.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
txt_analyze_word(const struct txt_ctx *ctx, struct lq_arena *arena, const char *word, size_t len,
                 struct txt_token *out);

/** Convert a code point offset of @p doc to @p unit. */
uint32_t
txt_offset(const struct txt_doc *doc, uint32_t cp, enum txt_unit unit);

/**
 * Copy the original text of the code point range [start, end) into the arena.
 * @return a NUL-terminated string, or NULL when out of memory
 */
char *
txt_slice(const struct txt_doc *doc, struct lq_arena *arena, uint32_t start, uint32_t end);

/** Parse "codepoint", "utf16", "utf8"; -1 when unknown. */
int
txt_unit_parse(const char *s);

/** Name of a unit ("codepoint", "utf16", "utf8"). */
const char *
txt_unit_name(enum txt_unit unit);

/**
 * Is @p s the string @p word? The same answer as 0 == strcmp(s, word),
 * inline and without a call: the loop stops at the first byte that
 * differs (for most words of a text the first or the second) and never
 * reads @p s past its end. Both must be NUL-terminated.
 */
static inline int
txt_str_is(const char *s, const char *word)
{
    for (; *word; s++, word++)
        if (*s != *word)
            return 0;
    return '\0' == *s;
}

/* end of text.h */
