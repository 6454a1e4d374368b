/* Tokenizer: one pass over the code points, one token per word, number,
 * date, hashtag, punctuation character or symbol; and the quote flags. */
#include "text_internal.h"

#include <string.h>

#define MAX_GROUPS 8u

static int
is_hyphen(uint32_t c)
{
    return '-' == c || 0x2010 == c || 0x2011 == c;
}

static int
is_numsep(uint32_t c)
{
    return '.' == c || ',' == c || 0x066B == c || 0x066C == c;
}

/* Arabic word: letters, marks inside; invisible format characters only
 * between letters. Returns the end. */
static size_t
scan_word(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i, end = i;
    while (j < n && j - i < TXTI_TOKEN_MAX) {
        enum txti_class k = txti_class(cps[j]);
        if (TXTI_ARABIC == k || TXTI_MARK == k)
            end = ++j;
        else if (TXTI_FORMAT == k)
            j++;
        else
            break;
    }
    return end;
}

static int
is_letter_or_digit(enum txti_class k)
{
    return TXTI_LETTER == k || TXTI_DIGIT == k;
}

/* Latin (any non-Arabic script) word: letters and digits, with inner
 * hyphens, apostrophes between letters, and dots of initials (U.S). */
static size_t
scan_latin(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i, end = i;
    while (j < n && j - i < TXTI_TOKEN_MAX) {
        uint32_t c = cps[j];
        enum txti_class k = txti_class(c);
        if (TXTI_LETTER == k || TXTI_DIGIT == k || TXTI_MARK == k) {
            end = ++j;
            continue;
        }
        if (TXTI_FORMAT == k) {
            j++;
            continue;
        }
        if (j == end && j > i && j + 1 < n) {
            enum txti_class pk = txti_class(cps[j - 1]);
            enum txti_class nk = txti_class(cps[j + 1]);
            if (is_hyphen(c) && is_letter_or_digit(pk) && is_letter_or_digit(nk)) {
                j++;
                continue;
            }
            if (('\'' == c || 0x2019 == c) && TXTI_LETTER == pk && TXTI_LETTER == nk) {
                j++;
                continue;
            }
            /* U.S, e.g: single letters joined by dots */
            if ('.' == c && TXTI_LETTER == pk && TXTI_LETTER == nk &&
                (j - 1 == i || '.' == cps[j - 2]) &&
                (j + 2 >= n || txti_class(cps[j + 2]) != TXTI_LETTER)) {
                j++;
                continue;
            }
        }
        break;
    }
    return end;
}

static size_t
scan_digits(const uint32_t *cps, size_t n, size_t j, size_t limit)
{
    while (j < n && j < limit && TXTI_DIGIT == txti_class(cps[j]))
        j++;
    return j;
}

/* Do groups [0, ng) with their separators form a numeric date? */
static int
is_date(const size_t *glen, const uint32_t *sep, size_t ng)
{
    for (size_t g = 2; g < ng; g++)
        if (sep[g] != sep[1])
            return 0;
    uint32_t s = sep[1];
    if ('/' == s) {
        if (2 == ng)
            return glen[0] <= 2 && (glen[1] <= 2 || 4 == glen[1]);
        if (3 == ng)
            return (glen[0] <= 2 && glen[1] <= 2 && (4 == glen[2] || 2 == glen[2])) ||
                   (4 == glen[0] && glen[1] <= 2 && glen[2] <= 2);
        return 0;
    }
    if ('-' == s || '.' == s) {
        if (3 != ng)
            return 0;
        return (glen[0] <= 2 && glen[1] <= 2 && 4 == glen[2]) ||
               (4 == glen[0] && glen[1] <= 2 && glen[2] <= 2);
    }
    return 0;
}

/* Number or date starting at digit i; a digit run glued to Latin letters
 * (5G, 10km) becomes a Latin token. */
static size_t
scan_number(const uint32_t *cps, size_t n, size_t i, enum txt_kind *kind)
{
    size_t limit = i + TXTI_TOKEN_MAX;
    size_t gend[MAX_GROUPS], glen[MAX_GROUPS];
    uint32_t sep[MAX_GROUPS];
    size_t j = scan_digits(cps, n, i, limit);
    size_t ng = 1;
    gend[0] = j;
    glen[0] = j - i;
    sep[0] = 0;
    while (ng < MAX_GROUPS && j + 1 < n && j + 1 < limit &&
           (is_numsep(cps[j]) || '/' == cps[j] || '-' == cps[j]) &&
           TXTI_DIGIT == txti_class(cps[j + 1])) {
        sep[ng] = cps[j];
        size_t s = j + 1;
        j = scan_digits(cps, n, s, limit);
        gend[ng] = j;
        glen[ng] = j - s;
        ng++;
    }
    for (size_t k = ng < 3 ? ng : 3; k >= 2; k--) {
        if (is_date(glen, sep, k)) {
            *kind = TXT_DATE;
            return gend[k - 1];
        }
    }
    size_t end = gend[0];
    for (size_t g = 1; g < ng && is_numsep(sep[g]); g++)
        end = gend[g];
    if (end == gend[0] && end < n && TXTI_LETTER == txti_class(cps[end])) {
        *kind = TXT_LATIN;
        return scan_latin(cps, n, i);
    }
    *kind = TXT_NUMBER;
    return end;
}

static int
is_tag_char(uint32_t c)
{
    enum txti_class k = txti_class(c);
    return TXTI_ARABIC == k || TXTI_LETTER == k || TXTI_DIGIT == k || '_' == c;
}

static size_t
scan_hashtag(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i + 1, end = i + 1;
    while (j < n && j - i < TXTI_TOKEN_MAX) {
        uint32_t c = cps[j];
        enum txti_class k = txti_class(c);
        if (is_tag_char(c) || TXTI_MARK == k)
            end = ++j;
        else if (TXTI_FORMAT == k)
            j++;
        else
            break;
    }
    return end;
}

static int
is_emoji_modifier(uint32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || 0x20E3 == c ||
           (c >= 0xE0020 && c <= 0xE007F);
}

/* A symbol with what modifies it: variation selectors, skin tones, keycaps,
 * ZWJ sequences and regional-indicator pairs. */
static size_t
scan_symbol(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i + 1;
    if (cps[i] >= 0x1F1E6 && cps[i] <= 0x1F1FF && j < n && cps[j] >= 0x1F1E6 && cps[j] <= 0x1F1FF)
        return j + 1;
    while (j < n && j - i < 32) {
        uint32_t c = cps[j];
        if (is_emoji_modifier(c) || TXTI_MARK == txti_class(c))
            j++;
        else if (0x200D == c && j + 1 < n && TXTI_SYMBOL == txti_class(cps[j + 1]))
            j += 2;
        else
            break;
    }
    return j;
}

size_t
txti_tokenize(const uint32_t *cps, size_t n, struct txt_token *out, size_t cap)
{
    size_t nt = 0, i = 0;
    int line_start = 1;
    while (i < n) {
        uint32_t c = cps[i];
        enum txti_class k = txti_class(c);
        enum txt_kind kind;
        size_t end;
        switch (k) {
        case TXTI_NEWLINE:
            line_start = 1;
            i++;
            continue;
        case TXTI_SPACE:
        case TXTI_FORMAT:
        case TXTI_MARK:
            i++;
            continue;
        case TXTI_ARABIC:
            end = scan_word(cps, n, i);
            kind = TXT_WORD;
            break;
        case TXTI_LETTER:
            end = scan_latin(cps, n, i);
            kind = TXT_LATIN;
            break;
        case TXTI_DIGIT:
            end = scan_number(cps, n, i, &kind);
            break;
        case TXTI_PUNCT:
            if (('#' == c || 0xFF03 == c) && i + 1 < n && is_tag_char(cps[i + 1])) {
                end = scan_hashtag(cps, n, i);
                kind = TXT_HASHTAG;
            } else {
                end = i + 1;
                kind = TXT_PUNCT;
            }
            break;
        default:
            end = scan_symbol(cps, n, i);
            kind = TXT_SYMBOL;
            break;
        }
        if (out && nt < cap) {
            struct txt_token *t = &out[nt];
            memset(t, 0, sizeof(*t));
            t->start = (uint32_t)i;
            t->end = (uint32_t)end;
            t->body_start = (uint32_t)i;
            t->kind = kind;
            t->flags = line_start ? TXT_F_LINE_START : 0;
        }
        nt++;
        line_start = 0;
        i = end;
    }
    return nt;
}

/* ---- quotes ---------------------------------------------------------- */

enum { Q_NONE = 0, Q_GUILLEMET, Q_DOUBLE, Q_SINGLE };
enum { DIR_NONE = 0, DIR_OPEN, DIR_CLOSE };

#define QUOTE_DEPTH 8

static int
quote_family(uint32_t c)
{
    switch (c) {
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
        return Q_GUILLEMET;
    case '"': case 0x201C: case 0x201D: case 0x201E:
        return Q_DOUBLE;
    default:
        return Q_SINGLE;
    }
}

static int
quote_natural(uint32_t c)
{
    switch (c) {
    case 0x00AB: case 0x2039: case 0x201C: case 0x201E: case 0x2018: case 0x201A:
        return DIR_OPEN;
    case 0x00BB: case 0x203A: case 0x201D: case 0x2019:
        return DIR_CLOSE;
    default:
        return DIR_NONE;
    }
}

static int
is_opener_context(uint32_t c)
{
    enum txti_class k = txti_class(c);
    return TXTI_SPACE == k || TXTI_NEWLINE == k || '(' == c || '[' == c || '{' == c ||
           txti_is_quote(c) || ':' == c;
}

static int
is_closer_context(uint32_t c)
{
    enum txti_class k = txti_class(c);
    return TXTI_SPACE == k || TXTI_NEWLINE == k || TXTI_PUNCT == k;
}

struct qopen {
    size_t tok;
    int family;
};

static void
pair_quotes(struct txt_token *toks, size_t o, size_t c)
{
    if (c <= o + 1)
        return;
    toks[o + 1].flags |= TXT_F_QUOTE_OPEN;
    toks[c - 1].flags |= TXT_F_QUOTE_CLOSE;
    /* difference array in the sentence field, summed below */
    toks[o + 1].sentence = (uint32_t)((int32_t)toks[o + 1].sentence + 1);
    toks[c].sentence = (uint32_t)((int32_t)toks[c].sentence - 1);
}

void
txti_mark_quotes(const uint32_t *cps, size_t n, struct txt_token *toks, size_t ntoks)
{
    struct qopen stack[QUOTE_DEPTH];
    size_t depth = 0;
    for (size_t t = 0; t < ntoks; t++)
        toks[t].sentence = 0;
    for (size_t t = 0; t < ntoks; t++) {
        struct txt_token *tk = &toks[t];
        if (tk->flags & TXT_F_LINE_START)
            depth = 0; /* quotes do not span lines */
        if (TXT_PUNCT != tk->kind || !txti_is_quote(cps[tk->start]))
            continue;
        uint32_t c = cps[tk->start];
        int fam = quote_family(c);
        int lsp = 0 == tk->start || is_opener_context(cps[tk->start - 1]);
        int rsp = tk->end >= n || is_closer_context(cps[tk->end]);
        int dir;
        if (lsp && !rsp)
            dir = DIR_OPEN;
        else if (!lsp && rsp)
            dir = DIR_CLOSE;
        else
            dir = quote_natural(c);
        if (DIR_NONE == dir)
            dir = (depth && stack[depth - 1].family == fam) ? DIR_CLOSE : DIR_OPEN;
        if (DIR_OPEN == dir) {
            if (depth < QUOTE_DEPTH) {
                stack[depth].tok = t;
                stack[depth].family = fam;
                depth++;
            }
            continue;
        }
        for (size_t d = depth; d > 0; d--) {
            if (stack[d - 1].family == fam) {
                pair_quotes(toks, stack[d - 1].tok, t);
                depth = d - 1;
                break;
            }
        }
    }
    int32_t run = 0;
    for (size_t t = 0; t < ntoks; t++) {
        run += (int32_t)toks[t].sentence;
        toks[t].sentence = 0;
        if (run > 0)
            toks[t].flags |= TXT_F_IN_QUOTES;
    }
}

/* end of tokenize.c */
