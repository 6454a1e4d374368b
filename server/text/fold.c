/* Code point classes and match keys.
 *
 * The Arabic block, ASCII and the invisible characters are decided by hand
 * (most text never leaves them); everything else asks ICU. Presentation forms
 * (U+FB50..U+FDFF, U+FE80..U+FEFC) go through ICU's NFKC one code point at a
 * time, and only when they occur. */
#include "text_internal.h"

#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#define ALEF 0x0627u
#define YEH 0x064Au
#define HEH 0x0647u
#define WAW 0x0648u
#define KAF 0x0643u

static enum txti_class
ascii_class(uint32_t c)
{
    if (c <= 0x20 || 0x7F == c)
        return (c >= 0x0A && c <= 0x0D) ? TXTI_NEWLINE : TXTI_SPACE;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return TXTI_LETTER;
    if (c >= '0' && c <= '9')
        return TXTI_DIGIT;
    switch (c) {
    case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
        return TXTI_SYMBOL;
    default:
        return TXTI_PUNCT;
    }
}

static enum txti_class
arabic_block_class(uint32_t c)
{
    if (c <= 0x0605)
        return TXTI_FORMAT;
    if (c <= 0x0608)
        return TXTI_SYMBOL;
    if (c <= 0x060A)
        return TXTI_PUNCT;
    if (0x060B == c)
        return TXTI_SYMBOL;
    if (c <= 0x060D)
        return TXTI_PUNCT;
    if (c <= 0x060F)
        return TXTI_SYMBOL;
    if (c <= 0x061A)
        return TXTI_MARK;
    if (0x061B == c)
        return TXTI_PUNCT;
    if (0x061C == c)
        return TXTI_FORMAT;
    if (c <= 0x061F)
        return TXTI_PUNCT;
    if (c <= 0x063F)
        return TXTI_ARABIC;
    if (0x0640 == c)
        return TXTI_MARK; /* tatweel */
    if (c <= 0x064A)
        return TXTI_ARABIC;
    if (c <= 0x065F)
        return TXTI_MARK;
    if (c <= 0x0669)
        return TXTI_DIGIT;
    if (c <= 0x066D)
        return TXTI_PUNCT;
    if (c <= 0x066F)
        return TXTI_ARABIC;
    if (0x0670 == c)
        return TXTI_MARK;
    if (c <= 0x06D3)
        return TXTI_ARABIC;
    if (0x06D4 == c)
        return TXTI_PUNCT;
    if (0x06D5 == c)
        return TXTI_ARABIC;
    if (c <= 0x06DC)
        return TXTI_MARK;
    if (0x06DD == c)
        return TXTI_FORMAT;
    if (0x06DE == c)
        return TXTI_SYMBOL;
    if (c <= 0x06E8)
        return TXTI_MARK; /* includes the small waw and yeh U+06E5, U+06E6 */
    if (0x06E9 == c)
        return TXTI_SYMBOL;
    if (c <= 0x06ED)
        return TXTI_MARK;
    if (c <= 0x06EF)
        return TXTI_ARABIC;
    if (c <= 0x06F9)
        return TXTI_DIGIT;
    if (c <= 0x06FC)
        return TXTI_ARABIC;
    if (c <= 0x06FE)
        return TXTI_SYMBOL;
    return TXTI_ARABIC;
}

/* Invisible characters that vanish from keys (outside the Arabic block). */
static int
is_format(uint32_t c)
{
    return 0x00AD == c || 0x034F == c || 0x180E == c || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x206F) || 0xFEFF == c || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

static int
is_space(uint32_t c)
{
    return 0x00A0 == c || 0x1680 == c || (c >= 0x2000 && c <= 0x200A) || 0x202F == c ||
           0x205F == c || 0x3000 == c;
}

static enum txti_class
icu_class(uint32_t c)
{
    int8_t t = u_charType((UChar32)c);
    switch (t) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: {
        UErrorCode st = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript((UChar32)c, &st);
        return (U_SUCCESS(st) && USCRIPT_ARABIC == sc) ? TXTI_ARABIC : TXTI_LETTER;
    }
    case U_DECIMAL_DIGIT_NUMBER:
        return TXTI_DIGIT;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
        return TXTI_MARK;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
        return TXTI_SPACE;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        return TXTI_NEWLINE;
    case U_FORMAT_CHAR:
        return TXTI_FORMAT;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return TXTI_PUNCT;
    default:
        return TXTI_SYMBOL;
    }
}

static enum txti_class
class_slow(uint32_t c)
{
    if (c < 0x80)
        return ascii_class(c);
    if (c >= 0x0600 && c <= 0x06FF)
        return arabic_block_class(c);
    if (c < 0x00A0)
        return 0x85 == c ? TXTI_NEWLINE : TXTI_SPACE;
    if (c >= 0x0750 && c <= 0x077F)
        return TXTI_ARABIC;
    if (c >= 0x0870 && c <= 0x08FF) {
        if (c <= 0x088F)
            return TXTI_ARABIC;
        if (c <= 0x0891 || 0x08E2 == c)
            return TXTI_FORMAT;
        if (c <= 0x0897)
            return TXTI_SYMBOL;
        if (c <= 0x089F)
            return TXTI_MARK;
        if (c <= 0x08C9)
            return TXTI_ARABIC;
        return TXTI_MARK;
    }
    if (0x2028 == c || 0x2029 == c)
        return TXTI_NEWLINE;
    if (is_space(c))
        return TXTI_SPACE;
    if (is_format(c))
        return TXTI_FORMAT;
    if (c >= 0xFE70 && c <= 0xFE7F)
        return TXTI_MARK; /* isolated and medial forms of the harakat and tatweel */
    return icu_class(c);
}

int
txti_is_quote(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201C: case 0x201D: case 0x201E: case 0x2039: case 0x203A:
        return 1;
    default:
        return 0;
    }
}

/* Arabic block: the key code point of c, or 0 when c vanishes. */
static uint32_t
arabic_block_fold(uint32_t c)
{
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: case 0x0675:
        return ALEF;
    case 0x0624: case 0x0676: case 0x0677:
        return WAW;
    case 0x0626: case 0x0649: case 0x0678: case 0x06CC: case 0x06D2: case 0x06D3:
        return YEH;
    case 0x0629: case 0x06BE: case 0x06C0: case 0x06C1: case 0x06C2: case 0x06C3: case 0x06D5:
        return HEH;
    case 0x06A9: case 0x06AA:
        return KAF;
    case 0x066A:
        return '%';
    case 0x066B:
        return '.';
    case 0x066C:
        return ',';
    default:
        break;
    }
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    enum txti_class k = arabic_block_class(c);
    if (TXTI_MARK == k || TXTI_FORMAT == k)
        return 0;
    return c;
}

static size_t fold_simple(uint32_t c, uint32_t *out);

static int
is_presentation(uint32_t c)
{
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE80 && c <= 0xFEFC);
}

size_t
txti_nfkc_cp(uint32_t c, uint32_t *out)
{
    out[0] = c;
    if (!is_presentation(c))
        return 1;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    if (U_FAILURE(st) || NULL == nfkc)
        return 1;
    UChar src[2], dst[TXTI_FOLD_MAX];
    int32_t slen = 0;
    UBool err = 0;
    U16_APPEND((UChar *)src, slen, 2, (UChar32)c, err);
    (void)err;
    int32_t dlen = unorm2_normalize(nfkc, src, slen, dst, (int32_t)TXTI_FOLD_MAX, &st);
    if (U_FAILURE(st) || dlen <= 0)
        return 1;
    size_t n = 0;
    int32_t i = 0;
    while (i < dlen && n < TXTI_FOLD_MAX) {
        UChar32 d;
        U16_NEXT(dst, i, dlen, d);
        out[n++] = (uint32_t)d;
    }
    return n;
}

/* NFKC of one presentation form, then folded. */
static size_t
fold_nfkc(uint32_t c, uint32_t *out)
{
    uint32_t nf[TXTI_FOLD_MAX];
    size_t k = txti_nfkc_cp(c, nf), n = 0;
    for (size_t i = 0; i < k; i++) {
        uint32_t tmp[4];
        size_t m = fold_simple(nf[i], tmp);
        for (size_t j = 0; j < m && n < TXTI_FOLD_MAX; j++)
            out[n++] = tmp[j];
    }
    return n;
}

/* Fold a code point that is not a presentation form (at most one out). */
static size_t
fold_simple(uint32_t c, uint32_t *out)
{
    if (c < 0x80) {
        if (c <= 0x20 || 0x7F == c)
            out[0] = ' ';
        else if (c >= 'A' && c <= 'Z')
            out[0] = c + 32;
        else
            out[0] = c;
        return 1;
    }
    if (c >= 0x0600 && c <= 0x06FF) {
        uint32_t f = arabic_block_fold(c);
        if (0 == f)
            return 0;
        out[0] = f;
        return 1;
    }
    if (c <= 0xA0) {
        out[0] = ' ';
        return 1;
    }
    if (c >= 0x0750 && c <= 0x077F) {
        out[0] = c;
        return 1;
    }
    if (c >= 0x0870 && c <= 0x08FF) {
        enum txti_class k = class_slow(c);
        if (TXTI_MARK == k || TXTI_FORMAT == k)
            return 0;
        out[0] = c;
        return 1;
    }
    if (0x2028 == c || 0x2029 == c || is_space(c)) {
        out[0] = ' ';
        return 1;
    }
    if (is_format(c) || (c >= 0xFE70 && c <= 0xFE7F))
        return 0;
    if (c >= 0xFF01 && c <= 0xFF5E)
        return fold_simple(c - 0xFEE0, out);
    int8_t t = u_charType((UChar32)c);
    switch (t) {
    case U_DECIMAL_DIGIT_NUMBER: {
        int32_t v = u_charDigitValue((UChar32)c);
        out[0] = (v >= 0 && v <= 9) ? (uint32_t)('0' + v) : c;
        return 1;
    }
    case U_FORMAT_CHAR:
        return 0;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        out[0] = ' ';
        return 1;
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
        out[0] = (uint32_t)u_tolower((UChar32)c);
        return 1;
    default:
        out[0] = c;
        return 1;
    }
}

uint8_t txti_class_tab[TXTI_TAB_SIZE];
uint16_t txti_fold_tab[TXTI_TAB_SIZE];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void
tables_build(void)
{
    for (uint32_t c = 0; c < TXTI_TAB_SIZE; c++) {
        uint32_t out[TXTI_FOLD_MAX];
        txti_class_tab[c] = (uint8_t)class_slow(c);
        size_t k = fold_simple(c, out);
        txti_fold_tab[c] = 0 == k ? 0 : (1 == k && out[0] < 0xFFFF) ? (uint16_t)out[0] : 0xFFFF;
    }
}

void
txti_tables_init(void)
{
    pthread_once(&tables_once, tables_build);
}

enum txti_class
txti_class_big(uint32_t c)
{
    return class_slow(c);
}

size_t
txti_fold_cp(uint32_t c, uint32_t *out)
{
    if (c < TXTI_TAB_SIZE && 0xFFFF != txti_fold_tab[c]) {
        out[0] = txti_fold_tab[c];
        return 0 != out[0];
    }
    if (is_presentation(c))
        return fold_nfkc(c, out);
    return fold_simple(c, out);
}

/* Output state of a fold: collapses spaces, truncates at whole characters. */
struct fold_out {
    char *out;
    size_t cap;     /* usable bytes, NUL excluded */
    size_t len;     /* full length of the key */
    size_t written; /* bytes written */
    int full;       /* a character did not fit: write nothing more */
    int space;      /* a space is pending */
};

static inline void
fold_emit(struct fold_out *fo, uint32_t cp)
{
    if (' ' == cp) {
        if (fo->len)
            fo->space = 1;
        return;
    }
    if (cp >= 0x80 && cp < 0x800 && !fo->space && !fo->full && fo->written + 2 <= fo->cap) {
        /* the common case, an Arabic letter with room for it */
        fo->out[fo->written] = (char)(0xC0 | (cp >> 6));
        fo->out[fo->written + 1] = (char)(0x80 | (cp & 0x3F));
        fo->written += 2;
        fo->len += 2;
        return;
    }
    char buf[5];
    size_t k = 0;
    if (fo->space) {
        buf[k++] = ' ';
        fo->space = 0;
    }
    k += txti_utf8_put(cp, buf + k);
    fo->len += k;
    if (!fo->full && fo->written + k <= fo->cap) {
        memcpy(fo->out + fo->written, buf, k);
        fo->written += k;
    } else {
        fo->full = 1;
    }
}

static inline void
fold_push(struct fold_out *fo, uint32_t c)
{
    if (c < 0x80) { /* ASCII fast path */
        if (c <= 0x20 || 0x7F == c)
            c = ' ';
        else if (c >= 'A' && c <= 'Z')
            c += 32;
        fold_emit(fo, c);
        return;
    }
    if (c < TXTI_TAB_SIZE && 0xFFFF != txti_fold_tab[c]) {
        if (txti_fold_tab[c])
            fold_emit(fo, txti_fold_tab[c]);
        return;
    }
    uint32_t tmp[TXTI_FOLD_MAX];
    size_t k = txti_fold_cp(c, tmp);
    for (size_t j = 0; j < k; j++)
        fold_emit(fo, tmp[j]);
}

static void
fold_init(struct fold_out *fo, char *out, size_t outcap)
{
    fo->out = out;
    fo->cap = (out && outcap) ? outcap - 1 : 0;
    fo->len = 0;
    fo->written = 0;
    fo->full = 0;
    fo->space = 0;
}

static void
fold_end(struct fold_out *fo)
{
    fo->out[fo->written] = '\0';
}

size_t
txti_fold_cps(const uint32_t *cps, size_t n, char *out, size_t outcap)
{
    txti_tables_init();
    struct fold_out fo;
    fold_init(&fo, out, outcap);
    /* a token's letters mostly fold to one two-byte letter each: those are
     * written here as fold_emit() would (no space pending, nothing cut, room
     * for two bytes), everything else goes through fold_push() */
    size_t written = 0, cap = fo.cap;
    int plain = 1; /* no space pending, nothing cut: fold_push() changes these */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i], f;
        if (plain && c >= 0x80 && c < TXTI_TAB_SIZE && (f = txti_fold_tab[c]) >= 0x80 &&
            f < 0x800 && written + 2 <= cap) {
            out[written] = (char)(0xC0 | (f >> 6));
            out[written + 1] = (char)(0x80 | (f & 0x3F));
            written += 2;
            continue;
        }
        fo.len += written - fo.written; /* the bytes written above, in both counts */
        fo.written = written;
        fold_push(&fo, c);
        written = fo.written;
        plain = !fo.space && !fo.full;
    }
    fo.len += written - fo.written;
    fo.written = written;
    if (out && outcap)
        fold_end(&fo);
    return fo.len;
}

size_t
txt_fold(const char *s, size_t len, char *out, size_t outcap)
{
    txti_tables_init();
    struct fold_out fo;
    fold_init(&fo, out, outcap);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (s && i < len)
        fold_push(&fo, txti_utf8_next(u, len, &i));
    if (out && outcap)
        fold_end(&fo);
    return fo.len;
}

/* end of fold.c */
