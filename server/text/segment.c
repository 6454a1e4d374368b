/* Proclitic segmentation of Arabic words.
 *
 * Candidates are one or two proclitics: a conjunction و ف, then a
 * preposition ب ل ك or the future prefix س; the longer candidate is tried
 * first. A word is never cut when its key is in the protect or known
 * lexicon. A candidate is taken when its remainder (the body) passes one of
 * these tests, in order:
 *
 *  1. future: after س the body is an imperfect verb: it starts with ي ت ن أ,
 *     has 3..8 letters, its second letter is no long vowel ا ي, it does not
 *     end like a noun or a name (ة, ا, ات, اء, يا, يو; و after 5+ letters;
 *     ي...ين), and a 3-letter body has neither و second nor a vowel letter
 *     last (سيتم yes; سيول, سيسي no);
 *  2. article: the body starts with ال (plain alef) and has at least two
 *     letters after it (والولايات, بالتالي; not والد, بالي);
 *  3. lexicon: the body's key is in known or protect and has 3+ letters
 *     (بواشنطن, ومصر);
 *  4. document: the body has 4+ letters and the same document uses it as
 *     a word by itself (ورئيس when رئيس or الرئيس occurs; وهاريسون after
 *     هاريسون). txt_analyze() tries this in a second pass over the words it
 *     left whole and over its لل words (لليون is ل + ليون when ليون occurs,
 *     unless the part after the lam occurs as well: للحرب stays ل + الحرب
 *     next to لحرب and حرب); txt_analyze_word() has no document and skips
 *     it;
 *  5. elided article: after ل the body starts with ل and has 3+ letters:
 *     للرئيس is ل + الرئيس;
 *  6. hamza: the body starts with أ إ آ as written and has 3+ letters, or
 *     is أن إن (وأكد، لأن، فإن);
 *  7. shape: the body has 4+ letters and starts with a letter that rarely
 *     follows the clitic's letter inside a whole word: و + ب ت م ن و
 *     (وموسكو، ونيويورك، ووزير), ل + م ت (لمناقشة، لتعزيز), ب + م
 *     (بمشاركة); and after و a derived verb or verbal noun that starts
 *     with a plain alef: است (واستقبل), ا?ت (واجتمع، واتفق، واتفاق), اصط,
 *     ان + two consonants (وانطلق) — never after ف, and after ب ل ك only
 *     the verbal nouns استفعال افتعال of six letters or more (لاستقبال،
 *     لاجتماع), since names such as فانكوفر، لانجلي، كاسترو begin alike.
 * No other plain cut is made, so foreign names such as بومبيو، لانجلي،
 * وارسو، فرجينيا، بكين، كوتس stay whole even without any lexicon.
 *
 * A cut must fall between two code points of the original text (not inside
 * a presentation-form ligature). The body's ال is recognised when it is
 * written with a plain alef, two letters at least follow it, and the body
 * is not itself in protect (المانيا، الله).
 */
#include "text_internal.h"

#include <stdlib.h>
#include <string.h>

#include "liqa/lexicon.h"

#define SEG_MAX 512u

#define HAMZA_ALEF_ABOVE 0x0623u
#define HAMZA_ALEF_BELOW 0x0625u
#define ALEF_MADDA 0x0622u
#define ALEF 0x0627u
#define ALEF_WASLA 0x0671u
#define TEH_MARBUTA 0x0629u
#define HAMZA 0x0621u
#define SAD 0x0635u
#define DAD 0x0636u
#define TAH 0x0637u
#define ZAH 0x0638u
#define BEH 0x0628u
#define TEH 0x062Au
#define SEEN 0x0633u
#define FEH 0x0641u
#define KAF 0x0643u
#define LAM 0x0644u
#define MEEM 0x0645u
#define NOON 0x0646u
#define HEH 0x0647u
#define WAW 0x0648u
#define YEH 0x064Au

struct word {
    const struct lex *protect, *known;
    const struct txti_keyset *doc;
    const char *key;
    size_t m;                /* letters */
    uint32_t L[SEG_MAX];     /* folded letters */
    uint32_t O[SEG_MAX];     /* the original code point each comes from */
    uint16_t P[SEG_MAX];     /* its offset in the word */
    uint16_t KB[SEG_MAX + 1]; /* byte offset of each letter in the key */
    uint8_t first[SEG_MAX];  /* first letter of its original code point */
};

static int
in_lex(const struct lex *lx, const char *key)
{
    return lx && *key && NULL != lex_get(lx, key);
}

/* in_lex(a, key) || in_lex(b, key), the key hashed once for both */
static int
in_either(const struct lex *a, const struct lex *b, const char *key)
{
    if (!*key || (NULL == a && NULL == b))
        return 0;
    struct lex_key k;
    lex_key_init(&k, key);
    return NULL != lex_get_key(a, &k) || NULL != lex_get_key(b, &k);
}

static int
in_any(const struct word *w, size_t from)
{
    return in_either(w->protect, w->known, w->key + w->KB[from]);
}

static int
future_body(const struct word *w, size_t r0)
{
    size_t m = w->m, rlen = m - r0;
    if (rlen < 3 || rlen > 8)
        return 0;
    uint32_t c0 = w->L[r0], o0 = w->O[r0];
    if (!((YEH == c0 && YEH == o0) || TEH == c0 || NOON == c0 || HAMZA_ALEF_ABOVE == o0))
        return 0;
    uint32_t c1 = w->L[r0 + 1];
    if (ALEF == c1 || YEH == c1)
        return 0;
    uint32_t last = w->L[m - 1], before = w->L[m - 2];
    if (TEH_MARBUTA == w->O[m - 1] || ALEF == w->O[m - 1])
        return 0;
    if ((ALEF == before && (TEH == last || HAMZA == last)) ||
        (YEH == before && (ALEF == last || WAW == last)))
        return 0;
    /* a long body ending in و is a name (ستورارو); verbs ending so are
     * short (سيدعو); a body in ي ... ين is no verb form either */
    if ((WAW == last && rlen >= 5) || (YEH == c0 && YEH == before && NOON == last))
        return 0;
    if (3 == rlen) {
        uint32_t c2 = w->L[r0 + 2];
        if (WAW == c1 || ALEF == c2 || WAW == c2 || YEH == c2 || HEH == c2)
            return 0;
    }
    return 1;
}

static int
is_vowel_letter(uint32_t c)
{
    return ALEF == c || WAW == c || YEH == c;
}

/* After و: a verb or verbal noun of the derived forms that begin with a
 * plain alef (hamzat al-wasl): استفعل, افتعل (اجتمع، اصطحب), اتّفق, انفعل. */
static int
wasl_form(const struct word *w, size_t r0)
{
    size_t rlen = w->m - r0;
    if (rlen < 4 || ALEF != w->L[r0] || ALEF != w->O[r0])
        return 0;
    uint32_t c1 = w->L[r0 + 1], c2 = w->L[r0 + 2], c3 = w->L[r0 + 3];
    uint32_t last = w->L[w->m - 1];
    if (TEH == c1) { /* اتفق، اتفقت، اتفاق، اتصالات */
        if (is_vowel_letter(c2))
            return 0;
        return 4 == rlen || ALEF == c3 || (5 == rlen && (TEH == last || ALEF == last));
    }
    if (rlen < 5)
        return 0;
    if (SEEN == c1 && TEH == c2) /* استقبل، استمر */
        return 1;
    if (TEH == c2 && !is_vowel_letter(c1) && HAMZA != c1) /* اجتمع، انتخابات */
        return 1;
    if (TAH == c2 && (SAD == c1 || DAD == c1 || TAH == c1 || ZAH == c1)) /* اصطحب */
        return 1;
    if (NOON == c1 && !is_vowel_letter(c2) && !is_vowel_letter(c3)) /* انطلق، انسحب */
        return 1;
    return 0;
}

/* After ب ل ك: a verbal noun of those forms, six letters or more:
 * استفعال (لاستقبال، باستثناء) and افتعال (لاجتماع، بانتخابات). */
static int
wasl_noun(const struct word *w, size_t r0)
{
    size_t rlen = w->m - r0;
    if (rlen < 6 || ALEF != w->L[r0] || ALEF != w->O[r0])
        return 0;
    uint32_t c1 = w->L[r0 + 1], c2 = w->L[r0 + 2];
    if (SEEN == c1 && TEH == c2)
        return 1;
    return TEH == c2 && !is_vowel_letter(c1) && HAMZA != c1 && ALEF == w->L[r0 + 4];
}

static int
is_article(const struct word *w, size_t b)
{
    return w->m - b >= 4 && ALEF == w->L[b] && (ALEF == w->O[b] || ALEF_WASLA == w->O[b]) &&
           LAM == w->L[b + 1];
}

/* 0: no cut; 1: cut; 2: cut, ال elided after ل. */
static int
license(const struct word *w, size_t ncl)
{
    size_t r0 = ncl, rlen = w->m - r0;
    uint32_t cl = w->L[ncl - 1];
    if (rlen < 2 || !w->first[r0])
        return 0;
    if (SEEN == cl)
        return future_body(w, r0);
    if (is_article(w, r0))
        return 1;
    if (rlen >= 3 && in_any(w, r0))
        return 1;
    if (rlen >= 4 && w->doc && txti_keyset_has(w->doc, w->key + w->KB[r0]) &&
        !(LAM == cl && LAM == w->L[r0] && txti_keyset_has(w->doc, w->key + w->KB[r0 + 1])))
        return 1;
    if (LAM == cl && LAM == w->O[r0] && rlen >= 3)
        return 2;
    uint32_t o0 = w->O[r0], c0 = w->L[r0];
    if ((HAMZA_ALEF_ABOVE == o0 || HAMZA_ALEF_BELOW == o0 || ALEF_MADDA == o0) &&
        (rlen >= 3 || NOON == w->L[r0 + 1]))
        return 1;
    if (rlen >= 4) {
        if (1 == ncl && WAW == cl &&
            (BEH == c0 || TEH == c0 || MEEM == c0 || NOON == c0 || WAW == c0))
            return 1;
        if (1 == ncl && WAW == cl && wasl_form(w, r0))
            return 1;
        if ((BEH == cl || LAM == cl || KAF == cl) && wasl_noun(w, r0))
            return 1;
        if (LAM == cl && (MEEM == c0 || TEH == c0))
            return 1;
        if (BEH == cl && MEEM == c0)
            return 1;
    }
    return 0;
}

static int
is_conj(uint32_t c)
{
    return WAW == c || FEH == c;
}

static int
is_prep(uint32_t c)
{
    return BEH == c || LAM == c || KAF == c || SEEN == c;
}

/* 0 when txti_segment() leaves the word whole for sure: its first letter
 * (the first code point that folds to something) is no clitic letter and no
 * alef, so neither a cut nor the ال of is_article() can apply. */
static int
may_segment(const uint32_t *cps, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint32_t nf[TXTI_FOLD_MAX], tmp[TXTI_FOLD_MAX];
        size_t nn = txti_nfkc_cp(cps[k], nf);
        for (size_t i = 0; i < nn; i++) {
            if (0 == txti_fold_cp(nf[i], tmp))
                continue;
            uint32_t c = tmp[0];
            return is_conj(c) || is_prep(c) || ALEF == c;
        }
    }
    return 0; /* no letter at all */
}

void
txti_segment(const struct lex *protect, const struct lex *known, const uint32_t *cps, size_t n,
             const char *key, const struct txti_keyset *doc, struct txti_seg *seg)
{
    struct word w;
    memset(seg, 0, sizeof(*seg));
    if (n > TXTI_TOKEN_MAX)
        return;
    /* Only a word whose first letter is a clitic's or the alef of ال can
     * change: the others are done without the letter tables below. */
    if (!may_segment(cps, n))
        return;
    w.protect = protect;
    w.known = known;
    w.doc = doc;
    w.key = key;
    size_t m = 0, kb = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = cps[k];
        if (c < TXTI_TAB_SIZE && 0xFFFF != txti_fold_tab[c]) {
            /* one code point that folds by the table to one letter or none
             * (what txti_nfkc_cp and txti_fold_cp give it) */
            uint32_t f = txti_fold_tab[c];
            if (0 == f)
                continue;
            if (' ' == f || m >= SEG_MAX)
                return;
            w.L[m] = f;
            w.O[m] = c;
            w.P[m] = (uint16_t)k;
            w.first[m] = 1;
            w.KB[m] = (uint16_t)kb;
            kb += txti_utf8_len(f);
            m++;
            continue;
        }
        /* O keeps the letter as written (after NFKC of presentation forms),
         * L its folded form */
        uint32_t nf[TXTI_FOLD_MAX], tmp[TXTI_FOLD_MAX];
        size_t nn = txti_nfkc_cp(c, nf);
        int firstout = 1;
        for (size_t i = 0; i < nn; i++) {
            size_t cnt = txti_fold_cp(nf[i], tmp);
            for (size_t j = 0; j < cnt; j++) {
                if (' ' == tmp[j] || m >= SEG_MAX)
                    return; /* a ligature that spells words, or too long */
                w.L[m] = tmp[j];
                w.O[m] = nf[i];
                w.P[m] = (uint16_t)k;
                w.first[m] = (uint8_t)firstout;
                firstout = 0;
                w.KB[m] = (uint16_t)kb;
                kb += txti_utf8_len(tmp[j]);
                m++;
            }
        }
    }
    w.KB[m] = (uint16_t)kb;
    w.m = m;
    if (m < 2)
        return;

    size_t body = 0;
    if (m >= 3 && (is_conj(w.L[0]) || is_prep(w.L[0])) && !in_either(protect, known, key)) {
        size_t cand[2], nc = 0;
        if (is_conj(w.L[0])) {
            if (m >= 4 && is_prep(w.L[1]) && !in_any(&w, 1))
                cand[nc++] = 2;
            cand[nc++] = 1;
        } else if (is_prep(w.L[0])) {
            cand[nc++] = 1;
        }
        for (size_t c = 0; c < nc; c++) {
            int lic = license(&w, cand[c]);
            if (0 == lic)
                continue;
            size_t ncl = cand[c];
            if (2 == lic && !w.first[ncl - 1])
                continue;
            seg->nclitic = ncl;
            seg->key_clitic = w.KB[ncl];
            if (2 == lic) {
                seg->elided = 1;
                seg->al = 1;
                seg->body_cp = w.P[ncl - 1];
            } else {
                seg->body_cp = w.P[ncl];
            }
            body = ncl;
            break;
        }
    }
    if (!seg->elided && is_article(&w, body) && !in_lex(protect, key + w.KB[body]))
        seg->al = 1;
}

/* ---- the document's words -------------------------------------------- */

/* the word set's hash: the lexicons' one, 8 bytes a step (the set is only
 * asked about membership, so no order depends on it) */
static uint64_t
str_hash(const char *s)
{
    return txti_hash_bytes(s, strlen(s));
}

/* a slot's tag: 32 bits of the hash, never 0 (0 marks an empty slot) */
static inline uint32_t
ks_tag(uint64_t h)
{
    uint32_t t = (uint32_t)(h >> 32);
    return t ? t : 1;
}

int
txti_keyset_reset(struct txti_keyset *ks, size_t expect)
{
    size_t cap = 64;
    while (cap < expect * 2) {
        if (cap > SIZE_MAX / 4 / sizeof(const char *))
            return -1;
        cap *= 2;
    }
    if (cap > ks->alloc) {
        free(ks->slot);
        free(ks->tag);
        ks->slot = NULL;
        ks->tag = NULL;
        ks->cap = 0;
        ks->alloc = 0;
        ks->slot = malloc(cap * sizeof(const char *));
        ks->tag = malloc(cap * sizeof(uint32_t));
        if (NULL == ks->slot || NULL == ks->tag)
            return -1;
        ks->alloc = cap;
    }
    /* only the slots this text uses: a large text before leaves a large
     * allocation, not a large memset for every text after it; and only the
     * tags (a slot's string is read where its tag is set) */
    ks->cap = cap;
    memset(ks->tag, 0, cap * sizeof(uint32_t));
    ks->n = 0;
    return 0;
}

void
txti_keyset_add(struct txti_keyset *ks, const char *key)
{
    if (0 == ks->cap || ks->n * 2 >= ks->cap || '\0' == *key)
        return;
    size_t mask = ks->cap - 1;
    uint64_t h = str_hash(key);
    uint32_t tag = ks_tag(h);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (0 == ks->tag[i]) {
            ks->slot[i] = key;
            ks->tag[i] = tag;
            ks->n++;
            return;
        }
        /* the tag first: strcmp() only for a probable repeat */
        if (tag == ks->tag[i] && 0 == strcmp(ks->slot[i], key))
            return;
    }
}

int
txti_keyset_has(const struct txti_keyset *ks, const char *key)
{
    if (0 == ks->n)
        return 0;
    size_t mask = ks->cap - 1;
    uint64_t h = str_hash(key);
    uint32_t tag = ks_tag(h);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (0 == ks->tag[i])
            return 0;
        if (tag == ks->tag[i] && 0 == strcmp(ks->slot[i], key))
            return 1;
    }
}

void
txti_keyset_free(struct txti_keyset *ks)
{
    free(ks->slot);
    free(ks->tag);
    ks->slot = NULL;
    ks->tag = NULL;
    ks->cap = 0;
    ks->alloc = 0;
    ks->n = 0;
}

/* end of segment.c */
