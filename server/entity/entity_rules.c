/*
 * Rules of the entity stage: where Arabic news prose is regular, names are
 * found from their context. Titles and honorifics before person names,
 * organization head nouns with their modifiers, quoted names after a type
 * word, and the lexicons of places, organizations and acronyms.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity_internal.h"
#include "liqa/arena.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

#define NAME_MAX_TOKENS 7
#define ORG_MAX_MODIFIERS 8
#define TITLE_MAX_TOKENS 12
#define QUOTE_MAX_TOKENS 8

/* the sentence being read */
struct sent {
    struct ent_work *w;
    const struct txt_token *t;
    uint32_t b, e;
    int depth;  /* nesting of read_org (لجنة ... بمجلس ...), at most 1 */
    uint32_t per_end; /* the end of the last name read_title() read, 0 if none */
};

static const struct txt_token *
tok(const struct sent *s, uint32_t i)
{
    return &s->t[i];
}

static int
is_punct(const struct txt_token *t)
{
    return TXT_PUNCT == t->kind || TXT_SYMBOL == t->kind || TXT_NUMBER == t->kind ||
           TXT_DATE == t->kind || TXT_HASHTAG == t->kind;
}

static int
is_comma(const struct txt_token *t)
{
    return 0 == strcmp(t->surface, "،") || 0 == strcmp(t->surface, ",");
}

static int
has_clitic(const struct txt_token *t)
{
    return t->clitics && t->clitics[0];
}

/* only و, only ل */
static int
clitic_is(const struct txt_token *t, const char *c)
{
    return t->clitics && 0 == strcmp(t->clitics, c);
}

static int
definite(const struct txt_token *t)
{
    return (t->flags & TXT_F_AL) != 0; /* not أ: ألقاها folds to القاها */
}


static const char *
get(const struct lex *lx, const struct txt_token *t)
{
    return lx ? lex_get(lx, t->base) : NULL;
}

/* The rules ask some ten lexicons about each token, and most say no at the
 * first word. Which of the lexicons of ent_first_lexicons() the base of
 * token i (< ntokens; w->first_memo not NULL) starts an entry of is found
 * once per token (one probe of the context's index of first words, or
 * lex_first_mask()) and kept in w->first_memo; a lexicon it does not start
 * gives nothing, without a lookup. */
static uint32_t
first_bits_fill(struct ent_work *w, size_t i)
{
    uint16_t *m = &w->first_memo[i];
    const char *base = w->doc->tokens[i].base;
    uint32_t fm;
    if (w->ctx && w->ctx->firsts) {
        fm = lex_firsts_mask(w->ctx->firsts, base);
    } else {
        const struct lex *memo_lex[ENT_FIRST_NLEX];
        ent_first_lexicons(w->lx, memo_lex);
        fm = lex_first_mask(memo_lex, ENT_FIRST_NLEX, base);
    }
    *m = (uint16_t)(0x8000u | fm);
    return *m & 0x7FFFu;
}

void
ent_first_bits_all(struct ent_work *w)
{
    if (NULL == w->first_memo)
        return;
    for (size_t i = 0; i < w->doc->ntokens; i++)
        if (0 == w->first_memo[i])
            first_bits_fill(w, i);
}

/* inline: most calls find the bits kept */
static inline uint32_t
first_bits(struct ent_work *w, size_t i)
{
    uint16_t m = w->first_memo[i];
    return m ? m & 0x7FFFu : first_bits_fill(w, i);
}

/* get(lx, t) for the lexicon of first_bits() bit @p bit: NULL without a
 * lookup for a token of the document whose bit is clear */
static const char *
get_bit(const struct sent *s, const struct lex *lx, uint32_t bit, const struct txt_token *t)
{
    const struct txt_doc *doc = s->w->doc;
    if (s->w->first_memo && t >= doc->tokens && t < doc->tokens + doc->ntokens &&
        !(first_bits(s->w, (size_t)(t - doc->tokens)) & bit))
        return NULL;
    return get(lx, t);
}

/* The bit of each lexicon in first_bits() (the order of
 * ent_first_lexicons()): callers name it with the lexicon, so that no call
 * has to find it by comparing the lexicon with each of them. */
enum {
    LX_TITLES = 0,
    LX_HONORIFICS = 1,
    LX_NATIONALITIES = 2,
    LX_PLACES = 3,
    LX_ORG_HEADS = 4,
    LX_ORGANIZATIONS = 5,
    LX_FIRST_NAMES = 6,
    LX_ACRONYMS = 7,
    LX_TIME_WORDS = 8,
};

/* The longest entry of lexicon @p lx at token i, skipped at once when bit
 * @p k of first_bits() (LX_*, -1: none) says the token starts none */
static size_t
longest_k(const struct sent *s, const struct lex *lx, int k, uint32_t i, const char **value)
{
    if (k >= 0 && s->w->first_memo && i < s->w->doc->ntokens &&
        !(first_bits(s->w, i) & (1u << k))) {
        if (value)
            *value = NULL;
        return 0;
    }
    return lex_longest(lx, s->w->doc, i, s->e, LEX_BASE, value);
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* nonname: 0 absent, 1 a common noun, 2 a function word, verb or time word;
 * @p bits: first_bits() of the token, or all ones for a token outside the
 * document (a copy with a changed key) */
static int
nonname_lookup(const struct sent *s, const struct txt_token *t, uint32_t bits);

/* nonname_lookup(), looked up once per token of the document */
static int
nonname(const struct sent *s, const struct txt_token *t)
{
    const struct txt_doc *doc = s->w->doc;
    uint8_t *memo = s->w->nonname_memo;
    if (NULL == memo || t < doc->tokens || t >= doc->tokens + doc->ntokens)
        return nonname_lookup(s, t, ~0u);
    size_t i = (size_t)(t - doc->tokens);
    if (0 == memo[i])
        memo[i] = (uint8_t)(nonname_lookup(s, t, s->w->first_memo ? first_bits(s->w, i) : ~0u) + 1);
    return memo[i] - 1;
}

static int
nonname_lookup(const struct sent *s, const struct txt_token *t, uint32_t bits)
{
    const struct lq_lexicons *lx = s->w->lx;
    /* no call: this runs once per token */
#define BASE_IS(word) txt_str_is(t->base, word)
    /* على and علي share a key; the preposition is written with ى */
    if (BASE_IS("علي"))
        return NULL != strstr(t->surface, "ى") ? 2 : 0;
    /* آن (Anne) and the particles أن، إن share a key too */
    if (BASE_IS("ان") && 0 == strncmp(t->surface, "آ", strlen("آ")))
        return 0;
#undef BASE_IS
    /* ألينا، آليس: a word written with أ or آ is none of إلى، إليه، إلينا */
    int not_ila = (0 == strncmp(t->surface, "أ", strlen("أ")) || 0 == strncmp(t->surface, "آ", strlen("آ"))) &&
                  0 == strncmp(t->base, "الي", strlen("الي"));
    /* four lexicons are asked about the base, those first_bits() does not
     * rule out: the base is hashed once for them */
    const uint32_t time_bit = ENT_FIRST_TIME_WORDS;
    struct lex_key k = { NULL, 0, 0 };
    if (bits & (ENT_FIRST_NONNAME | ENT_FIRST_TRIGGERS | ENT_FIRST_CUES | time_bit))
        lex_key_init(&k, t->base);
    const char *v = not_ila || !(bits & ENT_FIRST_NONNAME) ? NULL : lex_get_key(lx->nonname, &k);
    if (v)
        return ('n' == v[0] && 0 == strcmp(v, "noun")) ? 1 : 2;
    /* اتصالا، اجتماعا: the accusative of an indefinite common noun, written
     * with the alif of its tanween, is the noun (not a one-word name) */
    /* (the final alif's two bytes and the length from the token's code
     * points first: most words end otherwise, and strlen() is not asked) */
    const unsigned char *bu = (const unsigned char *)t->base;
    size_t bl = t->end - t->body_start >= 4 && t->end - t->body_start < 32 ? strlen(t->base) : 0;
    if (!not_ila && bl >= 4 * 2 && bl < 64 && 0xd8 == bu[bl - 2] && 0xa7 == bu[bl - 1] &&
        !(0xd8 == bu[bl - 4] && 0xa7 == bu[bl - 3]) && 0 != strncmp(t->base, "ال", strlen("ال"))) {
        char buf[64];
        memcpy(buf, t->base, bl - strlen("ا"));
        buf[bl - strlen("ا")] = '\0';
        const char *av = lex_get(lx->nonname, buf);
        if (av && 0 == strcmp(av, "noun"))
            return 1;
    }
    if ((bits & ENT_FIRST_TRIGGERS) && lex_get_key(lx->triggers, &k))
        return 2;
    /* cues that are nouns (placehead مدينة، group وفد، counterpart نظيره,
     * sports مباراة، media، dual) may stand in names and titles; the others
     * (particles, verbs, complementizers) end them */
    const char *cue = (bits & ENT_FIRST_CUES) ? lex_get_key(lx->cues, &k) : NULL;
    if (cue && !(0 == strcmp(cue, "placehead") || 0 == strcmp(cue, "group") ||
                 0 == strcmp(cue, "counterpart") || 0 == strcmp(cue, "sports") ||
                 0 == strcmp(cue, "media") || 0 == strcmp(cue, "dual") ||
                 0 == strncmp(cue, "members", strlen("members"))))
        return 2;
    /* ordinals stay in names: محمد السادس */
    const char *tw = (bits & time_bit) ? lex_get_key(lx->time_words, &k) : NULL;
    if (tw && 0 != strncmp(tw, "ord:", 4))
        return 2;
    return 0;
}

static int
first_name(const struct sent *s, uint32_t i, int *ambig)
{
    const char *v = NULL;
    size_t n = longest_k(s, s->w->lx->first_names, LX_FIRST_NAMES, i, &v);
    if (ambig)
        *ambig = n && v && 0 == strcmp(v, "ambig");
    return (int)n;
}

/* a word that links name parts: بن، ابن، بنت، آل، أبو، عبد */
static int
connector(const struct txt_token *t)
{
    static const char *const c[] = { "بن", "ابن", "بنت", "ال", "ابو", "ابي", "عبد", "ولد", "بو" };
    for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
        if (0 == strcmp(t->key, c[i]))
            return 1;
    return 0;
}

/* فان، فون، دي، دو ...: particles of European names written apart */
static int
foreign_particle(const struct txt_token *t)
{
    static const char *const c[] = { "فان", "فون", "دي", "دو", "دا", "ديل", "دوس", "ديلا" };
    if (TXT_WORD != t->kind || has_clitic(t))
        return 0;
    /* every particle starts with ف or د: most words are ruled out at once */
    const unsigned char *k = (const unsigned char *)t->key;
    if (!(0xD9 == k[0] && 0x81 == k[1]) && !(0xD8 == k[0] && 0xAF == k[1]))
        return 0;
    for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
        if (0 == strcmp(t->key, c[i]))
            return 1;
    return 0;
}

static int
add(struct sent *s, uint32_t b, uint32_t e, enum ner_type type, unsigned src, int prio)
{
    struct ent_cand c = { .b = b, .e = e, .type = type, .source = src, .prio = prio,
                          .title_b = -1, .title_e = -1, .mention = -1 };
    return ent_add_cand(s->w, &c);
}

/*
 * A lexicon entry that starts after an unsplit proclitic: لشبه جزيرة القرم
 * when the text layer kept لشبه whole. Only a single letter و ب ل ف ك is
 * tried, and only when the rest has three letters or more.
 * @return the number of tokens, 0 when none
 */
static size_t
longest_cut(const struct sent *s, const struct lex *lx, uint32_t i, const char **value)
{
    const struct txt_token *t = tok(s, i);
    if (NULL == lx || TXT_WORD != t->kind || has_clitic(t))
        return 0;
    static const char *const cl[] = { "و", "ب", "ل", "ف", "ك" };
    const char *rest = NULL;
    for (size_t k = 0; k < sizeof(cl) / sizeof(cl[0]); k++)
        if (0 == strncmp(t->key, cl[k], strlen(cl[k])))
            rest = t->key + strlen(cl[k]);
    if (NULL == rest || strlen(rest) < 3 * 2)
        return 0;
    unsigned maxw = lex_max_words(lx);
    char key[1024];
    size_t best = 0;
    size_t len = strlen(rest);
    if (len >= sizeof(key))
        return 0;
    memcpy(key, rest, len);
    for (uint32_t n = 1; n <= maxw && i + n <= s->e; n++) {
        if (n > 1) {
            const char *k2 = tok(s, i + n - 1)->key;
            size_t l = strlen(k2) + 1;
            if (len + l >= sizeof(key))
                break;
            key[len] = ' ';
            memcpy(key + len + 1, k2, l - 1);
            len += l;
        }
        int more = 0;
        const char *v = lex_probe(lx, key, len, &more);
        if (v) {
            best = n;
            if (value)
                *value = v;
        }
        if (!more)
            break; /* no longer entry starts so */
    }
    return best;
}

/* does a place, organization or acronym entry start at i? */
static size_t
known_name(const struct sent *s, uint32_t i)
{
    const struct lq_lexicons *lx = s->w->lx;
    size_t n = longest_k(s, lx->places, LX_PLACES, i, NULL);
    size_t m = longest_k(s, lx->organizations, LX_ORGANIZATIONS, i, NULL);
    if (m > n)
        n = m;
    m = longest_k(s, lx->acronyms, LX_ACRONYMS, i, NULL);
    return m > n ? m : n;
}

/* Can token i continue a person's name (after its first word)? */
static int
name_word(const struct sent *s, uint32_t i, int in_quote)
{
    const struct txt_token *t = tok(s, i);
    const struct lq_lexicons *lx = s->w->lx;
    if (TXT_WORD != t->kind || has_clitic(t))
        return 0;
    if ((t->flags & TXT_F_QUOTE_OPEN) && !in_quote)
        return 0;
    if (nonname(s, t))
        return 0;
    if (first_name(s, i, NULL))
        return 1;
    if (longest_k(s, lx->titles, LX_TITLES, i, NULL) || longest_k(s, lx->honorifics, LX_HONORIFICS, i, NULL) ||
        longest_k(s, lx->nationalities, LX_NATIONALITIES, i, NULL) || longest_k(s, lx->org_heads, LX_ORG_HEADS, i, NULL) ||
        known_name(s, i))
        return 0;
    return 1;
}

/* Could an unknown word be a name? Not a word with a pronoun suffix or a
 * feminine ending, an adverb with tanween, a short word, or one that
 * starts with an unsplit و. */
static int
name_shape2(const struct txt_token *t, int loose);

static int
name_shape(const struct txt_token *t)
{
    return name_shape2(t, 0);
}

/* بيفيه، دوفيلبان: a foreign family name may end in ه, which name_shape()
 * takes for a pronoun; four letters or more, no ال */
static int
foreign_h_end(const struct txt_token *t)
{
    size_t n = strlen(t->base);
    return TXT_WORD == t->kind && !has_clitic(t) && n >= 4 * 2 && !definite(t) &&
           0 == strcmp(t->base + n - strlen("ه"), "ه");
}

/* الأمير، الملك، الشيخ، الفريق ...: a style or rank said before a name */
static int
style_word(const struct txt_token *t)
{
    static const char *const w[] = { "الامير", "الاميره", "الملك", "الملكه", "السلطان", "الشيخ",
                                     "الشيخه", "الفريق", "اللواء", "العميد", "العقيد",
                                     "المشير" };
    if (has_clitic(t))
        return 0;
    for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
        if (txt_str_is(t->key, w[k]))
            return 1;
    return 0;
}

/*
 * Is the indefinite place head at i a common noun here? After a pronoun it
 * is a predicate (وهي منطقة تحظى باهتمام); a word after it ending in ية
 * is an adjective (مدينة ذكية، منطقة عسكرية).
 */
static int
admin_predicate(const struct sent *s, uint32_t i, const struct txt_token *t)
{
    if (i > s->b) {
        const char *pk = tok(s, i - 1)->key;
        if (0 == strcmp(pk, "هي") || 0 == strcmp(pk, "هو") || 0 == strcmp(pk, "وهي") ||
            0 == strcmp(pk, "وهو"))
            return 1;
    }
    size_t n = strlen(t->key);
    return n > 3 * 2 && 0 == strcmp(t->key + n - strlen("يه"), "يه") && !definite(t);
}

/* البلاد، المملكة، الدولة ...: a word for the country an article is about */
static int
country_word(const struct txt_token *t)
{
    static const char *const w[] = { "البلاد", "المملكه", "الدوله", "السلطنه", "الاماره", "الجمهوريه" };
    for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
        if (0 == strcmp(t->key, w[k]))
            return 1;
    return 0;
}

/* name_shape2(), where a word that clitic_protect.txt keeps whole may begin
 * with و (ويتكوف، ويليام) */
static int
name_shape_p(const struct sent *s, const struct txt_token *t, int loose)
{
    if (0 == strncmp(t->key, "و", strlen("و")) && s->w->lx->protect &&
        lex_get(s->w->lx->protect, t->key)) {
        struct txt_token u = *t;
        u.key = t->key + strlen("و");
        return name_shape2(&u, loose);
    }
    return name_shape2(t, loose);
}

/* loose: a word after a given name may end in ة (العطية، بوتفليقة) */
static int
name_shape2(const struct txt_token *t, int loose)
{
    const char *b = t->surface + 0;
    size_t n = strlen(t->base);
    if (n < 3 * 2)
        return 0;
    if (0 == strncmp(t->key, "و", strlen("و")) && t->clitics && !t->clitics[0])
        return 0;
    if (strstr(b, "ً") || strstr(b, "ٌ") || strstr(b, "ٍ"))
        return 0;
    /* يتطلع، يتوجه، يستقبل: an imperfect verb of the derived forms */
    if (n >= 5 * 2 && (0 == strncmp(t->base, "يت", strlen("يت")) ||
                       0 == strncmp(t->base, "يست", strlen("يست"))))
        return 0;
    size_t sl = strlen(b);
    if (sl >= strlen("الله") && 0 == strcmp(b + sl - strlen("الله"), "الله"))
        return 1; /* العبدالله، عبدالله */
    /* تساؤلات، مشاورات: an indefinite feminine plural of six letters or
     * more (not the family names of five, بركات، عرفات, nor السادات) */
    if (n >= 6 * 2 && 0 == strcmp(t->base + n - strlen("ات"), "ات") && 0 != strncmp(t->base, "ال", strlen("ال")))
        return 0;
    /* with their lengths: no strlen() per ending for every word asked */
    static const struct {
        const char *s;
        size_t n;
    } ends[] = { { "ة", 2 }, { "ه", 2 }, { "اً", 4 }, { "هم", 4 },
                 { "ها", 4 }, { "هما", 6 }, { "كم", 4 }, { "نا", 4 } };
    const size_t nends = sizeof(ends) / sizeof(ends[0]);
    for (size_t k = loose ? 1 : 0; k < nends; k++) {
        if (loose && k + 1 == nends)
            continue; /* the last, نا (ماري فيرونا): after a given name, the name's own */
        size_t el = ends[k].n;
        /* the last el bytes and the NUL: strcmp() of the word's end */
        if (sl > el + 2 && 0 == memcmp(b + sl - el, ends[k].s, el + 1))
            return 0;
    }
    return 1;
}

enum part { P_FIRST, P_LINK, P_AL, P_UNKNOWN };

/* a verbal noun of the derived patterns افتعال، انفعال، استفعال
 * (الافتتاح، الانسحاب، الاستقبال): "شريط الافتتاح" is no name */
static int
masdar(const struct txt_token *t)
{
    const char *k = t->base;
    if (0 != strncmp(k, "ال", strlen("ال")))
        return 0;
    k += strlen("ال");
    /* Arabic letters are two bytes each in UTF-8 */
    size_t n = strlen(k);
    if (n % 2)
        return 0;
    n /= 2;
#define L(i, c) (0 == strncmp(k + 2 * (i), (c), 2))
    if (6 == n && L(0, "ا") && L(2, "ت") && L(4, "ا"))
        return 1;
    if (6 == n && L(0, "ا") && L(1, "ن") && L(4, "ا"))
        return 1;
    if (7 == n && L(0, "ا") && L(1, "س") && L(2, "ت") && L(5, "ا"))
        return 1;
#undef L
    return 0;
}

/* المساعدين، المستشارون: a plural participle is the complement of a title
 * (كبير المستشارين), never a family name */
static int
plural_participle(const struct txt_token *t)
{
    const char *k = t->base;
    size_t n = strlen(k);
    if (0 != strncmp(k, "الم", strlen("الم")) || n < strlen("الم") + 4 * 2)
        return 0;
    return 0 == strcmp(k + n - strlen("ين"), "ين") || 0 == strcmp(k + n - strlen("ون"), "ون");
}

/*
 * Read a person's name from i: given names, connectors with the word after
 * them, family names with or without ال; stop at verbs, prepositions,
 * nonname words, titles, punctuation and words with a proclitic. An unknown
 * word without ال must follow a given name or a connector, so that a name
 * does not run on into the words after it.
 * @return the end token (i when no name)
 */
static uint32_t
read_name2(const struct sent *s, uint32_t i, int honored, int after_first);

/* الشيخ صباح العلي: after an honorific, a given name that is also a time
 * word (صباح، فجر) starts the name when a family name with ال follows */
static int
honored_given(const struct sent *s, uint32_t i, int honored)
{
    if (!honored || i + 1 >= s->e || !first_name(s, i, NULL) || has_clitic(tok(s, i)))
        return 0;
    const struct txt_token *n = tok(s, i + 1);
    /* (الدكتور على عبد العال: a link or عبد after it too; الشيخ صباح خالد:
     * another given name) */
    return ((definite(n) && !nonname(s, n)) || (connector(n) && i + 2 < s->e && TXT_WORD == tok(s, i + 2)->kind) ||
            (first_name(s, i + 1, NULL) && !nonname(s, n))) &&
           !has_clitic(n) && TXT_WORD == n->kind;
}

static int
boundary(const struct sent *s, uint32_t e);

static int
ordinal(const struct sent *s, const struct txt_token *t);

/* شمال، جنوب، شرق، غرب، وسط: a point of the compass before a place */
static int
compass(const struct txt_token *t)
{
    static const char *const w[] = { "شمال", "جنوب", "شرق", "غرب", "وسط" };
    for (size_t i = 0; t->base && i < sizeof(w) / sizeof(w[0]); i++)
        if (0 == strcmp(t->base, w[i]))
            return 1;
    return 0;
}

/* The end of a ruler's number whose ordinal is at @p j: الثالث, and عشر
 * after it for the teens (الثالث عشر). */
static uint32_t
regnal_end(const struct sent *s, uint32_t j)
{
    j++;
    if (j < s->e && !has_clitic(tok(s, j)) && TXT_WORD == tok(s, j)->kind &&
        0 == strcmp(tok(s, j)->key, "عشر"))
        j++;
    return j;
}

/* Is token i the first word of "X بن Y" with Y a given name (X no common
 * word, title or head noun)? */
static int
lineage_start(const struct sent *s, uint32_t i)
{
    const struct lq_lexicons *lx = s->w->lx;
    if (i + 2 >= s->e)
        return 0;
    const struct txt_token *t = tok(s, i), *l = tok(s, i + 1), *g = tok(s, i + 2);
    /* the link first: two or three letters (a length in code points) rule
     * out almost every word before any compare */
    uint32_t ll = l->end - l->start;
    if ((2 != ll && 3 != ll) || TXT_WORD != l->kind || NULL == l->key || has_clitic(l) ||
        !(txt_str_is(l->key, "بن") || txt_str_is(l->key, "ابن") || txt_str_is(l->key, "بنت")))
        return 0;
    if (TXT_WORD != t->kind || has_clitic(g) || TXT_WORD != g->kind || nonname(s, t) || !name_shape(t))
        return 0;
    if (longest_k(s, lx->titles, LX_TITLES, i, NULL) || longest_k(s, lx->honorifics, LX_HONORIFICS, i, NULL) ||
        longest_k(s, lx->org_heads, LX_ORG_HEADS, i, NULL) || longest_k(s, lx->nationalities, LX_NATIONALITIES, i, NULL) || known_name(s, i))
        return 0;
    return first_name(s, i + 2, NULL) || 0 == strcmp(g->key, "عبد");
}

/* Does the name nb..ne end in a ruler's number (الثاني، الثالث عشر)? */
static int
regnal_closed(const struct sent *s, uint32_t nb, uint32_t ne)
{
    if (ne < nb + 2)
        return 0;
    uint32_t k = ne - 1;
    if (0 == strcmp(tok(s, k)->key, "عشر") && k > nb + 1)
        k--;
    const struct txt_token *t = tok(s, k);
    return definite(t) && !has_clitic(t) && ordinal(s, t);
}

static uint32_t
read_name(const struct sent *s, uint32_t i, int honored)
{
    return read_name2(s, i, honored, 0);
}

/* after_first: the words before i were a given name (وعبد العزيز | بوتفليقة) */
static uint32_t
read_name2(const struct sent *s, uint32_t i, int honored, int after_first)
{
    uint32_t j = i;
    int in_quote = (tok(s, i)->flags & TXT_F_QUOTE_OPEN) != 0;
    enum part prev = after_first ? P_FIRST : P_UNKNOWN;
    int al_run = 0;
    while (j < s->e && j - i < NAME_MAX_TOKENS) {
        const struct txt_token *t = tok(s, j);
        if (j > i && (tok(s, j - 1)->flags & TXT_F_QUOTE_CLOSE))
            break;
        if ((2 == nonname(s, t) && !(j == i && honored_given(s, j, honored))) || is_punct(t)) {
            /* سالم العبد الله: the family name العبد الله */
            if (j > i && !has_clitic(t) && 0 == strcmp(t->key, "الله") && 0 == strcmp(tok(s, j - 1)->key, "العبد")) {
                j++;
                break;
            }
            break;
        }
        /* كريم حداد الأمين العام: a title of two words or more ends the
         * name, even when its first word is also a given name */
        if (j > i && !has_clitic(t) && longest_k(s, s->w->lx->titles, LX_TITLES, j, NULL) >= 2)
            break;
        int fn = first_name(s, j, NULL);
        /* محمد شاكر أصر على: after two name words, a word of three letters
         * written with أ that no lexicon knows is a verb (أفعل: أصر، أقر) */
        if (!fn && j >= i + 2 && !has_clitic(t) && 3 == t->end - t->body_start && t->surface &&
            0 == strncmp(t->surface, "\xd8\xa3", 2) && !known_name(s, j))
            break;
        /* استقبل الرئيس رجب طيب أردوغان محمد بن سلمان: after a name of two
         * words or more, a given name that opens a lineage (X بن Y) is the
         * next person (the link before it would make it a father's name) */
        if (fn && j >= i + 2 && !has_clitic(t) && !connector(tok(s, j - 1)) && lineage_start(s, j))
            break;
        /* التقى سعد الحريري حسين خليل: after a given name and a family name
         * with ال, a given name no other word shares starts the next person */
        if (fn && j >= i + 2 && P_AL == prev && !has_clitic(t) && !connector(tok(s, j - 1))) {
            int amb = 0;
            first_name(s, j, &amb);
            /* (a name word after it: عبد الفتاح البرهان عبد الرحمن اليوم is one
             * man, his father's name last) */
            if (!amb && j + fn < s->e && TXT_WORD == tok(s, j + fn)->kind && !has_clitic(tok(s, j + fn)) &&
                !nonname(s, tok(s, j + fn)) && !longest_k(s, s->w->lx->titles, LX_TITLES, j + fn, NULL))
                break;
        }
        /* هيثم بن طارق سلطان عمان: a given name that is also a title, before
         * a place, is the office (the ruler of that place) */
        if (fn && j > i && j + 1 < s->e && !has_clitic(t) &&
            (longest_k(s, s->w->lx->titles, LX_TITLES, j, NULL) || 0 == strcmp(t->key, "سلطان") ||
             0 == strcmp(t->key, "امير") || 0 == strcmp(t->key, "ملك")) &&
            longest_k(s, s->w->lx->places, LX_PLACES, j + 1, NULL))
            break;
        if (fn && (!has_clitic(t) || (j == i && clitic_is(t, "و")))) {
            j += (uint32_t)fn;
            prev = P_FIRST;
            al_run = 0;
            continue;
        }
        /* كريس فان هولن، ستيفان دي ميستورا: a particle of a foreign name,
         * then a family name that is no common word */
        if (j > i && foreign_particle(t) && j + 1 < s->e) {
            const struct txt_token *n = tok(s, j + 1);
            if (TXT_WORD == n->kind && !has_clitic(n) && !definite(n) && !nonname(s, n) &&
                name_shape(n) && !known_name(s, j + 1) && !longest_k(s, s->w->lx->titles, LX_TITLES, j + 1, NULL)) {
                j += 2;
                prev = P_UNKNOWN;
                al_run = 0;
                break; /* the family name ends the name */
            }
            break;
        }
        if (connector(t) && !has_clitic(t) && j + 1 < s->e) {
            const struct txt_token *n = tok(s, j + 1);
            if (TXT_WORD == n->kind && !has_clitic(n) && !is_punct(n)) {
                /* بن عبد الله، بن عبد العزيز: the link, then عبد and its
                 * divine name, a given name (a family name may follow) */
                if (0 != strcmp(t->key, "عبد") && 0 == strcmp(n->key, "عبد") && j + 2 < s->e &&
                    TXT_WORD == tok(s, j + 2)->kind && !has_clitic(tok(s, j + 2)) &&
                    (definite(tok(s, j + 2)) || 0 == strcmp(tok(s, j + 2)->key, "الله"))) {
                    j += 3;
                    prev = P_FIRST;
                    al_run = 0;
                    continue;
                }
                j += 2;
                /* عبد الباسط، عبد الودود: عبد and a divine name are a given name */
                prev = 0 == strcmp(t->key, "عبد") && definite(n) ? P_FIRST : P_LINK;
                al_run = 0;
                continue;
            }
            break;
        }
        if (j == i && !after_first) {
            if (TXT_WORD == t->kind && !has_clitic(t) && !nonname(s, t) && !known_name(s, j) &&
                name_shape(t)) {
                j++;
                prev = definite(t) ? P_AL : P_UNKNOWN;
                al_run = definite(t);
                /* with no given name and no honorific, one word only:
                 * "شريط الافتتاح" is a noun phrase, not a name; unless a
                 * link follows (حيان عبد الغني، راكان بن فهد) */
                if (!honored && !(j + 1 < s->e && connector(tok(s, j)) && !has_clitic(tok(s, j)) &&
                                  TXT_WORD == tok(s, j + 1)->kind && !has_clitic(tok(s, j + 1))))
                    break;
                continue;
            }
            break;
        }
        /* حسن قائد العامري: a one-word title between a given name and a
         * family name with ال is part of the name */
        if (P_FIRST == prev && j + 1 < s->e && 1 == longest_k(s, s->w->lx->titles, LX_TITLES, j, NULL) &&
            !has_clitic(t) && definite(tok(s, j + 1)) && !has_clitic(tok(s, j + 1)) &&
            !plural_participle(tok(s, j + 1)) &&
            name_word(s, j + 1, in_quote) && name_shape(tok(s, j + 1)) &&
            !longest_k(s, s->w->lx->titles, LX_TITLES, j + 1, NULL)) {
            j += 2;
            break; /* the family name ends the name */
        }
        /* سالم قائد يوسف: the same between two given names, when the name
         * ends there */
        if (P_FIRST == prev && j + 1 < s->e && 1 == longest_k(s, s->w->lx->titles, LX_TITLES, j, NULL) &&
            !has_clitic(t) && !definite(t) && !has_clitic(tok(s, j + 1)) &&
            1 == first_name(s, j + 1, NULL) && !longest_k(s, s->w->lx->titles, LX_TITLES, j + 1, NULL) &&
            boundary(s, j + 2)) {
            j += 2;
            break;
        }
        /* عبد الكريم المصري، المدير ...: a nisba that is also a nationality
         * ends a name after a given name when punctuation closes it */
        /* ... and after a name of two words or more (سامر حمدان العراقي مع)
         * when the next word closes it */
        if ((P_FIRST == prev || P_LINK == prev || (P_UNKNOWN == prev && j >= i + 2)) &&
            definite(t) && !has_clitic(t) &&
            1 == longest_k(s, s->w->lx->nationalities, LX_NATIONALITIES, j, NULL) && j + 1 < s->e &&
            ((is_punct(tok(s, j + 1)) && !(tok(s, j + 1)->flags & TXT_F_QUOTE_CLOSE)) ||
             (j >= i + 2 && boundary(s, j + 1) && !is_punct(tok(s, j + 1))))) {
            j++;
            break;
        }
        /* خالد النجم، عبد الناصر الوالي وزير ...: after a given name, a
         * one-word definite title that a mark or another title closes is
         * the family name (before a name it is that name's title) */
        if (P_FIRST == prev && j > i && definite(t) && !has_clitic(t) && j + 1 <= s->e &&
            1 == longest_k(s, s->w->lx->titles, LX_TITLES, j, NULL) &&
            (j + 1 == s->e ||
             (TXT_PUNCT == tok(s, j + 1)->kind && !(tok(s, j + 1)->flags & TXT_F_QUOTE_OPEN)) ||
             (!has_clitic(tok(s, j + 1)) && !definite(tok(s, j + 1)) &&
              longest_k(s, s->w->lx->titles, LX_TITLES, j + 1, NULL)))) {
            j++;
            break;
        }
        /* حسين الشيخ، أحمد السيد: after a given name, a one-word honorific
         * with ال that a mark or the end closes is the family name (before
         * another name it is that name's honorific) */
        if (P_FIRST == prev && j > i && definite(t) && !has_clitic(t) &&
            1 == longest_k(s, s->w->lx->honorifics, LX_HONORIFICS, j, NULL) &&
            (j + 1 >= s->e || (TXT_PUNCT == tok(s, j + 1)->kind &&
                               !(tok(s, j + 1)->flags & TXT_F_QUOTE_OPEN)))) {
            j++;
            break;
        }
        /* عبد الله الثاني، محمد السادس: an ordinal after a given name ends
         * the name (a ruler's number); so after an unknown word that a
         * title introduces (البابا كيرلس السادس) */
        if ((P_FIRST == prev || P_AL == prev || P_LINK == prev || (P_UNKNOWN == prev && honored && j == i + 1)) &&
            definite(t) && !has_clitic(t) && ordinal(s, t)) {
            j = regnal_end(s, j);
            break;
        }
        /* سامر بن يوسف قرنفل:، عبد الودود زعبولهم،: after a given name or a
         * link, an unknown family name that punctuation closes */
        /* (a mark, not a number or a date: فيصل بن فرحان بتاريخ 14 مايو);
         * after a link, a title closes it too (محمد بن علي زعبول الأمين
         * العام) */
        if ((P_FIRST == prev || P_LINK == prev) && !definite(t) && name_word(s, j, in_quote) &&
            j + 1 < s->e && !(t->flags & TXT_F_QUOTE_CLOSE) && strlen(t->base) >= 3 * 2 &&
            !strstr(t->surface, "ً") && 0 != strncmp(t->key, "و", strlen("و")) &&
            (TXT_PUNCT == tok(s, j + 1)->kind ||
             (j >= i + 2 && P_LINK == prev && connector(tok(s, j - 2)) && !has_clitic(tok(s, j + 1)) &&
              longest_k(s, s->w->lx->titles, LX_TITLES, j + 1, NULL)))) {
            j++;
            break;
        }
        if (!name_word(s, j, in_quote) || !name_shape_p(s, t, P_FIRST == prev || P_LINK == prev))
            break;
        if (definite(t)) {
            if (++al_run > 4)
                break;
            prev = P_AL;
        } else {
            /* after بن + name only given names, links and family names with ال */
            if (P_FIRST != prev)
                break;
            prev = P_UNKNOWN;
            al_run = 0;
        }
        j++;
    }
    if (j > s->e)
        j = s->e;
    while (j > i && connector(tok(s, j - 1)))
        j--;
    return j;
}

/* a name whose first @p fn tokens (from i) were read as a given name */
static uint32_t
read_name_from(const struct sent *s, uint32_t i, uint32_t fn)
{
    if (i + fn >= s->e)
        return i + fn;
    const struct txt_token *t = tok(s, i + fn);
    if (is_punct(t) || has_clitic(t) || 2 == nonname(s, t))
        return i + fn;
    /* continue as if the next word followed a given name */
    uint32_t e = i + fn;
    uint32_t e2 = read_name2(s, e, 1, 1);
    return e2 > e ? e2 : e;
}

/*
 * Does a definite word look like an adjective? Nisba (الروسي، الفدرالية),
 * participles (المتحدة، المسلحة), elatives (الأعلى، العليا).
 */
static int
adjective(const struct txt_token *t)
{
    const char *k = t->base;
    size_t n = strlen(k);
    static const char *const ends[] = { "ي", "يه", "يا", "يين", "يون" };
    for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
        size_t l = strlen(ends[e]);
        if (n > l + 4 && 0 == strcmp(k + n - l, ends[e]))
            return 1;
    }
    /* ال + م + at least three letters: a participle */
    if (0 == strncmp(k, "الم", strlen("الم")) && n >= strlen("الم") + 3 * 2)
        return 1;
    /* فاعل and فعيل patterns: الحاكمة، العامة، السريع، الكبير */
    {
        uint32_t cp[16];
        size_t nc = 0;
        const unsigned char *p = (const unsigned char *)k + strlen("ال");
        while (*p && nc < 16) {
            size_t l = (*p < 0x80) ? 1 : ((*p & 0xE0) == 0xC0) ? 2 : ((*p & 0xF0) == 0xE0) ? 3 : 4;
            uint32_t c = 0;
            for (size_t q = 0; q < l && p[q]; q++)
                c = (c << 8) | p[q];
            cp[nc++] = c;
            p += l;
        }
        const uint32_t alef = 0xD8A7, yeh = 0xD98A, heh = 0xD987; /* UTF-8 of ا ي ه */
        size_t core = nc > 0 && cp[nc - 1] == heh ? nc - 1 : nc;
        if ((core == 4 || (core == 3 && core < nc)) && cp[1] == alef)
            return 1;
        if (core == 4 && cp[2] == yeh)
            return 1;
    }
    /* أفعل elatives: الأكبر، الأعلى (folded: الاكبر) */
    if (0 == strncmp(k, "الا", strlen("الا")) && n == strlen("الا") + 3 * 2)
        return 1;
    return 0;
}

/*
 * Does a name end at token e? After a name with no known given name the
 * next token must close it: punctuation, a word with a proclitic, a verb or
 * function word, a title, or the end of the sentence (not a noun or a
 * definite word: "لدول الخليج", "تضمنت دعوة").
 */
static int
boundary(const struct sent *s, uint32_t e)
{
    if (e >= s->e)
        return 1;
    const struct txt_token *t = tok(s, e);
    if (is_punct(t) || has_clitic(t) || TXT_WORD != t->kind)
        return 1;
    if (2 == nonname(s, t))
        return 1;
    if (longest_k(s, s->w->lx->titles, LX_TITLES, e, NULL) || longest_k(s, s->w->lx->honorifics, LX_HONORIFICS, e, NULL))
        return 1;
    /* بحضور، مع، لبحث: a cue that opens a phrase of its own */
    const char *cue = get_bit(s, s->w->lx->cues, ENT_FIRST_CUES, t);
    if (cue && (0 == strcmp(cue, "attend") || 0 == strcmp(cue, "with") || 0 == strcmp(cue, "purpose")))
        return 1;
    return 0;
}

/*
 * Is the organization entry at i a common word here? An `ambig` entry counts
 * only in quotes, a `club` entry also in an article about sport.
 */
static int
weak_org(const struct sent *s, uint32_t i)
{
    const char *v = NULL;
    if (0 == longest_k(s, s->w->lx->organizations, LX_ORGANIZATIONS, i, &v) || NULL == v)
        return 0;
    if (tok(s, i)->flags & TXT_F_QUOTE_OPEN)
        return 0;
    if (0 == strcmp(v, "ambig"))
        return 1;
    return 0 == strcmp(v, "club") && !s->w->sports;
}

/* does the word begin with a letter that may be an unsplit proclitic? */
static int
starts_proclitic(const struct txt_token *t)
{
    static const char *const cl[] = { "و", "ب", "ل", "ف", "ك" };
    for (size_t k = 0; k < sizeof(cl) / sizeof(cl[0]); k++)
        if (0 == strncmp(t->key, cl[k], strlen(cl[k])))
            return 1;
    return 0;
}

/* الرئيس، الملك، الأمير ...: titles that news puts right before a bare family name */
static int
ruler_title(const struct txt_token *t)
{
    static const char *const r[] = { "الرييس", "الملك", "الامير", "السلطان", "الزعيم", "المشير",
                                     "الجنرال", "الفريق", "اللواء", "العقيد", "الشيخ", "الامام" };
    for (size_t k = 0; k < sizeof(r) / sizeof(r[0]); k++)
        if (0 == strcmp(t->base, r[k]))
            return 1;
    return 0;
}

/* an ordinal adjective (time_words.txt `ord:`): الثامن، العاشرة */
static int
ordinal(const struct sent *s, const struct txt_token *t)
{
    const char *v = get_bit(s, s->w->lx->time_words, ENT_FIRST_TIME_WORDS, t);
    return v && 0 == strncmp(v, "ord:", 4);
}

/* a feminine singular noun or adjective: its key ends in ه (ة folded) */
static int
feminine(const struct txt_token *t)
{
    size_t n = strlen(t->base);
    return n > strlen("ال") + 2 * 2 && 0 == strcmp(t->base + n - strlen("ه"), "ه");
}

/* a sound feminine plural (القوات، الهيئات): it takes a feminine adjective */
static int
plural_f(const struct txt_token *t)
{
    size_t n = strlen(t->base);
    return n > strlen("ات") + 2 * 2 && 0 == strcmp(t->base + n - strlen("ات"), "ات");
}

/* a feminine elative or ending in alef: العليا، الكبرى، الوسطى */
static int
elative_f(const struct txt_token *t)
{
    size_t n = strlen(t->base), m = strlen(t->surface);
    return (n > 2 && 0 == strcmp(t->base + n - strlen("ا"), "ا")) ||
           (m > 2 && 0 == strcmp(t->surface + m - strlen("ى"), "ى"));
}

/* The length of the tagger's place span that starts at token k (0 when
 * none): its spans are the first ntagged candidates, in text order. */
static size_t
tagged_place(const struct ent_work *w, uint32_t k)
{
    size_t lo = 0, hi = w->ntagged;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->cands[mid].b < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < w->ntagged && w->cands[lo].b == k && NER_LOC == w->cands[lo].type)
        return w->cands[lo].e - w->cands[lo].b;
    return 0;
}

/* a definite passive participle of the pattern مفعول (المخلوع، المعزول):
 * an epithet of a person, never the genitive that names a body */
static int
passive_participle(const struct txt_token *t)
{
    const char *k = t->base;
    if (0 != strncmp(k, "الم", strlen("الم")) || has_clitic(t))
        return 0;
    k += strlen("ال");
    /* five letters of two bytes each, the fourth و */
    return 5 * 2 == strlen(k) && 0 == strncmp(k + 3 * 2, "و", strlen("و"));
}

/* the org_heads value of a head noun starting at j, or "" */
static const char *
v_of_head(const struct sent *s, uint32_t j)
{
    const char *v = NULL;
    if (0 == longest_k(s, s->w->lx->org_heads, LX_ORG_HEADS, j, &v) || NULL == v)
        return "";
    return v;
}

/* الجهوي، البلدي، المحلي: an adjective of a local body */
static int
regional(const struct txt_token *t)
{
    static const char *const r[] = { "الجهوي", "الجهويه", "البلدي", "المحلي", "المحليه" };
    for (size_t k = 0; k < sizeof(r) / sizeof(r[0]); k++)
        if (0 == strcmp(t->base, r[k]))
            return 1;
    return 0;
}

static uint32_t
read_org(struct sent *s, uint32_t i, uint32_t *out_b, uint32_t *out_e, enum ner_type *type);

/* Has the tagger read token j as part of a person's name? Its spans come
 * first among the candidates, in text order and apart: a binary search. */
static int
person_at(const struct sent *s, uint32_t j)
{
    const struct ent_work *w = s->w;
    size_t lo = 0, hi = w->ntagged;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->cands[mid].e <= j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->ntagged && w->cands[lo].b <= j && j < w->cands[lo].e && NER_PER == w->cands[lo].type;
}

/*
 * The ب-phrase at j that ends a local body's name (its town: بجدة، بوادي
 * الدواسر، بمدينة تبوك، بقفصة) or a committee's (its parliament: بمجلس
 * الشيوخ الأميركي).
 * @return the end of the phrase, j when none
 */
static uint32_t
local_part(struct sent *s, uint32_t j, int local, int sub)
{
    const struct lq_lexicons *lx = s->w->lx;
    const struct txt_token *t = tok(s, j);
    size_t m;
    if (sub && s->depth < 1 && 0 == strncmp(v_of_head(s, j), "org", 3) && !definite(t)) {
        uint32_t ob, oe;
        enum ner_type ot;
        s->depth++;
        uint32_t end = read_org(s, j, &ob, &oe, &ot);
        s->depth--;
        if (end > j && NER_ORG == ot && ob == j)
            return oe;
        if (0 == longest_k(s, lx->organizations, LX_ORGANIZATIONS, j, NULL))
            return j;
    }
    if (sub && (m = longest_k(s, lx->organizations, LX_ORGANIZATIONS, j, NULL)) && !weak_org(s, j))
        return j + (uint32_t)m;
    if (!local)
        return j;
    if ((m = longest_k(s, lx->places, LX_PLACES, j, NULL)))
        return j + (uint32_t)m;
    /* بمدينة تبوك */
    const char *v = v_of_head(s, j);
    if (strstr(v, "admin") && j + 1 < s->e) {
        if ((m = longest_k(s, lx->places, LX_PLACES, j + 1, NULL)) && !has_clitic(tok(s, j + 1)))
            return j + 1 + (uint32_t)m;
        const struct txt_token *nx = tok(s, j + 1);
        if (TXT_WORD == nx->kind && !has_clitic(nx) && !nonname(s, nx) && name_shape2(nx, 1) &&
            boundary(s, j + 2))
            return j + 2;
        return j;
    }
    /* بقفصة: one unknown word that ends the phrase */
    if (TXT_WORD == t->kind && !nonname(s, t) && !v[0] && name_shape2(t, 1) &&
        !longest_k(s, lx->titles, LX_TITLES, j, NULL) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL) &&
        !first_name(s, j, NULL) && boundary(s, j + 1) && !(tok(s, j)->flags & TXT_F_QUOTE_OPEN))
        return j + 1;
    return j;
}

/*
 * An organization (or named place) from a head noun at i: the head, then
 * definite words, genitive places, ل-phrases, and a closing nationality
 * adjective; or the quoted name after a media or party head.
 * @param out_b, out_e  receive the mention's token range
 * @return the end token of the whole phrase (i when none)
 */
static uint32_t
read_org(struct sent *s, uint32_t i, uint32_t *out_b, uint32_t *out_e, enum ner_type *type)
{
    const struct lq_lexicons *lx = s->w->lx;
    const char *v = NULL;
    size_t n = longest_k(s, lx->org_heads, LX_ORG_HEADS, i, &v);
    if (0 == n || NULL == v)
        return i;
    const struct txt_token *h = tok(s, i);
    if (has_clitic(h) && !clitic_is(h, "ل") && !clitic_is(h, "ب") && !clitic_is(h, "و") &&
        !clitic_is(h, "وب") && !clitic_is(h, "ول"))
        return i;
    /* برئاسة X is "headed by X", not the presidency */
    if (clitic_is(h, "ب") && 0 == strcmp(h->base, "رياسه"))
        return i;
    /* في عين X، في تل X: a word that starts a place's name only right
     * after في (عيّن is "appointed", بعين الاعتبار an idiom) */
    if (strstr(v, "prep")) {
        const struct txt_token *pv = i > s->b ? tok(s, i - 1) : NULL;
        if (has_clitic(h) || NULL == pv || has_clitic(pv) || 0 != strcmp(pv->base, "في") ||
            i + n >= s->e || !definite(tok(s, i + n)) || has_clitic(tok(s, i + n)) ||
            nonname(s, tok(s, i + n)))
            return i;
    }
    /* طريق X، بطريق X: a road named by the town it leads to (a known
     * place, or one the tagger found); not عن طريق X ("by way of X") */
    if (strstr(v, "toplace")) {
        uint32_t k = i + (uint32_t)n;
        size_t pm = k < s->e && !has_clitic(tok(s, k)) ? longest_k(s, lx->places, LX_PLACES, k, NULL) : 0;
        if (0 == pm && k < s->e && !has_clitic(tok(s, k)))
            pm = tagged_place(s->w, k); /* a town the tagger knows */
        const struct txt_token *pv = i > s->b ? tok(s, i - 1) : NULL;
        if (0 == pm || (pv && 0 == strcmp(pv->base, "عن")))
            return i;
        *type = NER_LOC;
        *out_b = i;
        *out_e = k + (uint32_t)pm;
        return *out_e;
    }
    *type = 0 == strncmp(v, "loc", 3) ? NER_LOC : NER_ORG;
    int quote = NULL != strstr(v, "quote");
    uint32_t j = i + (uint32_t)n;
    /* صحيفة "واشنطن بوست": the quoted words are the name */
    if (quote && j + 1 < s->e && TXT_PUNCT == tok(s, j)->kind &&
        (tok(s, j + 1)->flags & TXT_F_QUOTE_OPEN))
        j++;
    if (quote && j < s->e && (tok(s, j)->flags & TXT_F_QUOTE_OPEN)) {
        uint32_t k = j;
        while (k < s->e && k - j < QUOTE_MAX_TOKENS && !(tok(s, k)->flags & TXT_F_QUOTE_CLOSE))
            k++;
        if (k < s->e && (tok(s, k)->flags & TXT_F_QUOTE_CLOSE) && !is_punct(tok(s, j))) {
            *out_b = j;
            *out_e = k + 1;
            return k + 1;
        }
        return i;
    }
    if (strstr(v, "qonly"))
        return i; /* موقع، تنظيم: only a quoted name follows them */
    uint32_t mods = 0, strong = 0, last = j, nat_at = 0;
    int genitive = 0; /* the construct's noun has been read */
    int after_li = 0; /* the last token was ل + an indefinite noun */
    int adj_seen = 0; /* an adjective has been read: no more coordinated nouns */
    int li_seen = 0, coord_seen = 0;
    uint32_t li_last = 0; /* the token of the ل-phrase, or 0 */
    int li_noun = 0; /* the last word was the noun of a ل-phrase: للإغاثة والأعمال */
    int chain_name = 0; /* the last word was an unknown word of a construct chain */
    int head_def = definite(h);
    int admin = NULL != strstr(v, "admin");
    int named = NULL != strstr(v, "named");
    int placed = NULL != strstr(v, "place"); /* بلدية صفاقس: a place's name ends it */
    int local = NULL != strstr(v, "local");  /* الغرفة التجارية بجدة */
    int bare = NULL != strstr(v, "bare");    /* نادي بيرغن: an unknown word names it */
    int sub = 0 == strcmp(h->base, "لجنه") || 0 == strcmp(h->base, "اللجنه");
    while (j < s->e && mods < ORG_MAX_MODIFIERS && !(admin && mods >= 1)) {
        const struct txt_token *t = tok(s, j);
        if (is_punct(t) || TXT_WORD != t->kind || (t->flags & TXT_F_QUOTE_OPEN))
            break;
        int nn = nonname(s, t);
        /* الاتحاد العام، الأمانة العامة: here العام is "general", not "the
         * year" (العام الماضي stays a time expression) */
        int general = 0;
        if (2 == nn && !has_clitic(t) && 0 == strcmp(t->base, "العام") &&
            !(s->w->lx->time_words && longest_k(s, s->w->lx->time_words, LX_TIME_WORDS, j, NULL) > 1))
            nn = 0, general = 1;
        if (2 == nn)
            break;
        /* المركز الخامس، المؤتمر السابع: an ordinal names no organization */
        if (definite(t) && !has_clitic(t) && ordinal(s, t))
            break;
        /* مبادرات البنك التنموية: nor a masculine head a feminine one (it
         * agrees with the noun before the head) */
        if (0 == mods && head_def && definite(t) && !has_clitic(t) && !feminine(h) &&
            !plural_f(h) && feminine(t) && adjective(t))
            break;
        /* الجمعية السابع: a feminine head takes no masculine adjective */
        if (0 == mods && head_def && definite(t) && !has_clitic(t) && feminine(h) &&
            !feminine(t) && !elative_f(t) && adjective(t) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL))
            break;
        size_t m;
        if (0 == mods && !head_def && named && !has_clitic(t) && j + 1 < s->e &&
            connector(tok(s, j + 1)) && first_name(s, j, NULL)) {
            /* مركز سامر بن يوسف للثقافة: named after a person, with no title */
            uint32_t ne = read_name(s, j, 1);
            if (ne > j + 2) {
                j = ne;
                mods++;
                strong++;
                genitive = 1;
                adj_seen = 1;
                last = j;
                continue;
            }
        }
        if (0 == mods && !head_def && !has_clitic(t) && !definite(t) &&
            (m = longest_k(s, lx->organizations, LX_ORGANIZATIONS, j, NULL)) && !weak_org(s, j)) {
            /* وكالة رويترز، صحيفة يديعوت أحرونوت: a known name after the head */
            j += (uint32_t)m;
            mods++;
            strong++;
            genitive = 1;
            last = j;
            continue;
        }
        if (0 == mods && !head_def && named && !has_clitic(t) &&
            (ruler_title(t) || longest_k(s, lx->honorifics, LX_HONORIFICS, j, NULL))) {
            /* مركز الملك سلمان للإغاثة: an institution named after a person */
            uint32_t k = j;
            size_t hn;
            while (k < s->e && k < j + 3 &&
                   ((hn = longest_k(s, lx->honorifics, LX_HONORIFICS, k, NULL)) || ruler_title(tok(s, k))))
                k += hn ? (uint32_t)hn : 1;
            uint32_t ne = k < s->e && first_name(s, k, NULL) ? read_name(s, k, 1) : k;
            /* مطار الإمام الخميني الدولي: or a family name alone */
            if (ne == k && k > j && k < s->e && definite(tok(s, k)) && !has_clitic(tok(s, k)) &&
                TXT_WORD == tok(s, k)->kind && !nonname(s, tok(s, k)) && name_shape(tok(s, k)) &&
                !known_name(s, k) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, k, NULL) &&
                !longest_k(s, lx->titles, LX_TITLES, k, NULL))
                ne = k + 1;
            if (ne > k) {
                j = ne;
                mods++;
                strong++;
                genitive = 1;
                adj_seen = 1;
                last = j;
                continue;
            }
            break;
        }
        /* مكتب الرئيس الفرنسي: an office named by the title it serves
         * and its country */
        if (0 == mods && !head_def && !has_clitic(t) && 0 == strcmp(h->base, "مكتب") &&
            (m = longest_k(s, lx->titles, LX_TITLES, j, NULL)) && j + m < s->e &&
            !has_clitic(tok(s, j + (uint32_t)m))) {
            size_t nm = longest_k(s, lx->nationalities, LX_NATIONALITIES, j + (uint32_t)m, NULL);
            if (nm) {
                j += (uint32_t)(m + nm);
                mods += 2;
                strong++;
                last = j;
                break;
            }
        }
        if (longest_k(s, lx->titles, LX_TITLES, j, NULL) || longest_k(s, lx->honorifics, LX_HONORIFICS, j, NULL))
            break;
        if ((m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL)) && (!has_clitic(t))) {
            nat_at = j;
            j += (uint32_t)m;
            /* اللجنة العليا السعودية المصرية: a joint body of two countries,
             * also with a hyphen (الفلسطينية-الأردنية، العراقي- السعودي) */
            if (j + 1 < s->e && is_punct(tok(s, j)) && tok(s, j)->surface &&
                (0 == strcmp(tok(s, j)->surface, "-") || 0 == strcmp(tok(s, j)->surface, "\xe2\x80\x93")) &&
                !has_clitic(tok(s, j + 1)) && longest_k(s, lx->nationalities, LX_NATIONALITIES, j + 1, NULL))
                j++;
            if (j < s->e && !has_clitic(tok(s, j)) && (m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL)))
                j += (uint32_t)m;
            mods++;
            strong++;
            last = j;
            /* the adjective closes the name, unless a ل-phrase follows:
             * الاتحاد الجزائري لكرة القدم */
            if (j < s->e && clitic_is(tok(s, j), "ل"))
                continue;
            break;
        }
        if (has_clitic(t)) {
            const char *c = t->clitics;
            if (0 == mods)
                break;
            /* اللجنة التنفيذية | لحزب الاستقلال: a second organization starts;
             * القيادة العامة للقوات المسلحة: a definite head after ل is the
             * genitive of this one */
            if (0 == strcmp(c, "ل") && 0 == strncmp(v_of_head(s, j), "org", 3) && !definite(t))
                break;
            if (0 == strcmp(c, "ل") && (li_seen || coord_seen))
                break; /* one ل-phrase, and none after a coordinated noun */
            if (0 == strcmp(c, "ل")) {
                li_seen = 1;
                int ok = definite(t) ||
                         (j + 1 < s->e && definite(tok(s, j + 1)) && !is_punct(tok(s, j + 1)));
                if (!ok)
                    break;
                li_last = j;
                j++;
                mods++;
                strong++;
                last = j;
                after_li = !definite(t); /* للأنشطة is itself the noun */
                li_noun = definite(t);
                continue;
            }
            /* الغرفة التجارية بجدة، لجنة الاستخبارات بمجلس الشيوخ: a local
             * body's town, a committee's parliament */
            if (0 == strcmp(c, "ب") && (local || sub)) {
                uint32_t be = local_part(s, j, local, sub);
                if (be > j) {
                    j = be;
                    mods++;
                    strong++;
                    last = j;
                }
                break;
            }
            /* حزب العدالة والتنمية، وزارة النقل والمواصلات */
            /* الزراعية والصناعي: coordinated adjectives agree in gender */
            int disagree = adj_seen && !li_noun && feminine(tok(s, j - 1)) && !feminine(t) &&
                           !elative_f(t);
            if (0 == strcmp(c, "و") && definite(t) && !longest_k(s, lx->org_heads, LX_ORG_HEADS, j, NULL) &&
                !known_name(s, j) && !nonname(s, t) && !longest_k(s, lx->titles, LX_TITLES, j, NULL) &&
                (!adj_seen || li_noun || adjective(t)) && !disagree) {
                coord_seen = !li_noun;
                j++;
                mods++;
                last = j;
                continue;
            }
            break;
        }
        /* الاتحاد الجهوي للنقل بقفصة with the ب left on the unknown town */
        if (local && mods >= 1 && !has_clitic(t) && 0 == strncmp(t->key, "ب", strlen("ب")) &&
            strlen(t->key) >= strlen("ب") + 3 * 2 && !nn && boundary(s, j + 1) && name_shape2(t, 1) &&
            !known_name(s, j) && !first_name(s, j, NULL) && !longest_k(s, lx->titles, LX_TITLES, j, NULL)) {
            j++;
            mods++;
            last = j;
            break;
        }
        if ((m = known_name(s, j)) && longest_k(s, lx->places, LX_PLACES, j, NULL) != m && head_def)
            break; /* المركز | الأمم المتحدة */
        /* صندوق النقد الدولي مصر: after an adjective no place is the
         * genitive (it is the next phrase) */
        if (adj_seen && (m = known_name(s, j)) && longest_k(s, lx->places, LX_PLACES, j, NULL) == m)
            break;
        if ((m = known_name(s, j)) && longest_k(s, lx->places, LX_PLACES, j, NULL) == m) {
            genitive = 1;
            after_li = 0;
            j += (uint32_t)m;
            mods++;
            strong++;
            last = j;
            if (placed && 1 == mods)
                break;
            continue;
        }
        /* نادي بيرغن، نادي أولد ترافورد: a club's foreign name, one or two
         * words no lexicon knows, before the end of the phrase */
        if (bare && 0 == mods && !definite(t) && !nn && !has_clitic(t) && name_shape2(t, 1) &&
            !first_name(s, j, NULL) && !longest_k(s, lx->titles, LX_TITLES, j, NULL) &&
            !longest_k(s, lx->org_heads, LX_ORG_HEADS, j, NULL) && !masdar(t) && !(t->flags & TXT_F_QUOTE_OPEN)) {
            uint32_t k = j + 1;
            if (k < s->e && !boundary(s, k)) {
                const struct txt_token *u = tok(s, k);
                if (!definite(u) && !nonname(s, u) && name_shape2(u, 1) && !first_name(s, k, NULL) &&
                    !longest_k(s, lx->org_heads, LX_ORG_HEADS, k, NULL) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, k, NULL) &&
                    boundary(s, k + 1))
                    k++;
            }
            if (k == j + 1 && !boundary(s, k) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, k, NULL))
                break;
            j = k;
            mods++;
            strong++;
            last = j;
            if (j < s->e && !has_clitic(tok(s, j)) && (m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL)))
                last = j += (uint32_t)m;
            break;
        }
        if (placed && 0 == mods && !definite(t) && !nn && !has_clitic(t) && name_shape2(t, 1) &&
            !first_name(s, j, NULL)) {
            /* بلدية صفاقس الجلسة الأولى: the unknown word is the place */
            j++;
            mods++;
            strong++;
            last = j;
            break;
        }
        if (definite(t)) {
            int amb = 0;
            if (first_name(s, j, &amb) && !amb)
                break;
            /* after a definite head, or after the first noun of a construct,
             * a definite word must look like an adjective; inside a ل-phrase
             * any noun may follow (للأنشطة البترولية) */
            int need_adj = (head_def || genitive || chain_name) && !after_li;
            if (need_adj && !adjective(t) && !general)
                break;
            chain_name = 0;
            if (regional(t))
                local = 1;
            if (!head_def && !genitive)
                genitive = 1;
            else
                adj_seen = 1;
            if (!after_li)
                li_noun = 0;
            else
                li_noun = 1; /* ل + noun + its definite genitive */
            after_li = 0;
            j++;
            mods++;
            if (1 != nn)
                strong++;
            last = j;
            continue;
        }
        /* محافظة شمال سيناء، ولاية جنوب دارفور: a point of the compass and
         * the place it is part of */
        if (admin && 0 == mods && !has_clitic(t) && compass(t) && j + 1 < s->e &&
            TXT_WORD == tok(s, j + 1)->kind && !has_clitic(tok(s, j + 1)) &&
            !nonname(s, tok(s, j + 1))) {
            j += 2;
            mods++;
            last = j;
            break;
        }
        /* مدينة لوزان، محافظة وادي الدواسر: after a generic place head an
         * unknown word is the place's name, with a following definite noun
         * (not an adjective of nationality or a nisba) */
        if (admin && 0 == mods && TXT_WORD == t->kind && !nn && name_shape2(t, 1) &&
            !admin_predicate(s, i, t)) {
            j++;
            mods++;
            last = j;
            if (j < s->e) {
                const struct txt_token *nx = tok(s, j);
                size_t kl = strlen(nx->base);
                int nisba = kl > 4 && (0 == strcmp(nx->base + kl - 2, "ي") ||
                                       0 == strcmp(nx->base + kl - 4, "يه"));
                if (definite(nx) && !has_clitic(nx) && !nisba && !nonname(s, nx) &&
                    !longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL) && !longest_k(s, lx->titles, LX_TITLES, j, NULL))
                    last = ++j;
            }
            break;
        }
        /* مطار هواري بومدين الدولي، مطار رفيق الحريري الدولي: after the
         * head of a named place, up to three words of a name, then الدولي,
         * are the place's name (whoever it is named after) */
        if (NER_LOC == *type && named && 0 == mods && !head_def && !has_clitic(t) && !definite(t)) {
            uint32_t k = j;
            while (k < s->e && k < j + 4 && TXT_WORD == tok(s, k)->kind && !has_clitic(tok(s, k)) &&
                   !nonname(s, tok(s, k)) && !(k > j && (0 == strcmp(tok(s, k)->key, "الدولي") ||
                                                          0 == strcmp(tok(s, k)->key, "الدوليه"))))
                k++;
            if (k > j && k < s->e && k < j + 4 &&
                (0 == strcmp(tok(s, k)->key, "الدولي") || 0 == strcmp(tok(s, k)->key, "الدوليه"))) {
                j = k + 1;
                mods++;
                strong++;
                last = j;
                break;
            }
        }
        /* قصر الإليزيه، مسجد قباء: after a head of a named place, one unknown
         * word that ends the phrase is the place's name */
        /* قصر بيان: a head that may be named after a person or thing takes
         * a common noun or an ambiguous given name too */
        int amb_fn = 0, fn = first_name(s, j, &amb_fn);
        if (NER_LOC == *type && !admin && 0 == mods && !head_def && (!nn || (named && 1 == nn)) &&
            !definite(t) && name_shape(t) && (!fn || (named && amb_fn)) && boundary(s, j + 1) &&
            !(j + 1 < s->e && clitic_is(tok(s, j + 1), "و"))) {
            j++;
            mods++;
            strong++;
            last = j;
            break;
        }
        /* مركز محافظة أسيوط: the seat of a province is no organization */
        if (0 == mods && !head_def && !has_clitic(t) && 0 == strcmp(h->base, "مركز") &&
            strstr(v_of_head(s, j), "admin"))
            return i;
        /* construct chain after an indefinite head: وزارة شؤون المرأة */
        if (!head_def && j + 1 < s->e && (0 == mods || (1 == nn && !definite(tok(s, j - 1)))) &&
            !is_punct(tok(s, j + 1)) && !has_clitic(tok(s, j + 1)) &&
            (definite(tok(s, j + 1)) || longest_k(s, lx->places, LX_PLACES, j + 1, NULL)) &&
            !first_name(s, j, NULL)) {
            /* مكتب حداد الإعلامي: after a word no lexicon knows (a name),
             * only an adjective may follow (not مكتب حداد الأنباء) */
            chain_name = !nn && person_at(s, j);
            j++;
            mods++;
            genitive = 0; /* the next definite word is the construct's noun */
            continue;
        }
        break;
    }
    if (0 == mods || last <= i + n)
        return i;
    /* مصلحة الشعب is "the people's interest": a head that is also a
     * common word needs two modifiers (مصلحة السجون الإسرائيلية) */
    if (strstr(v, "common") && mods < 2)
        return i;
    /* حكومة أنقرة: a government named by its capital is a description */
    if (strstr(v, "noplace") && 1 == mods && longest_k(s, lx->places, LX_PLACES, i + (uint32_t)n, NULL) == last - i - n)
        return i;
    /* شركة نفط الكويت للبحث عن ...، جامعة الملك سعود للتخطيط الدكتور ...: a
     * closing ل + verbal noun that governs what follows names a purpose or
     * an office, not the organization */
    if (li_last && last == li_last + 1 && last > i + n + 1 && last < s->e) {
        const struct txt_token *nx = tok(s, last);
        if ((!has_clitic(nx) && (0 == strcmp(nx->base, "علي") || 0 == strcmp(nx->base, "عن"))) ||
            longest_k(s, lx->honorifics, LX_HONORIFICS, last, NULL))
            last = li_last;
    }
    /* قوات المخلوع: a head with only an epithet (a passive participle)
     * names no body */
    if (!head_def && 1 == mods && last == i + n + 1 && passive_participle(tok(s, i + (uint32_t)n)))
        return i;
    /* الحكومة الجديدة: a definite head needs more than a common adjective */
    if (head_def && 0 == strong)
        return i;
    /* قوات أميركية، استخبارات روسية: an indefinite head with only an
     * adjective of nationality names no organization */
    if (!head_def && 1 == mods && longest_k(s, lx->nationalities, LX_NATIONALITIES, i + (uint32_t)n, NULL))
        return i;
    *out_b = i;
    *out_e = last;
    /* مدينة بوسطن الأمريكية: a place's name leaves its nationality out */
    if (NER_LOC == *type && nat_at > i + n && nat_at < last)
        *out_e = nat_at;
    return last;
}

/* Does a word that cannot continue an apposition start at j: a place or
 * a time word after في، or في مكتبه (استقبل الرئيس X رئيس الدولة في قصر ...)? */
static int
time_or_place_after(const struct sent *s, uint32_t j)
{
    const struct txt_token *t = tok(s, j);
    return TXT_WORD == t->kind && !has_clitic(t) && 0 == strcmp(t->base, "في");
}

/*
 * A title phrase in apposition right after a name, at i: a title, then
 * definite words, nationality adjectives and known names, closed by
 * punctuation, a word with و, or the end of the sentence (not by a name: in
 * استقبل X وزير الخارجية Y the title is Y's).
 * @param country  receives the country of a nationality adjective in it, if
 *                 none was set
 * @return the end of the phrase, or i when there is none
 */
static uint32_t
post_title(const struct sent *s, uint32_t i, const char **country)
{
    const struct lq_lexicons *lx = s->w->lx;
    const char *tv = NULL;
    size_t n = i < s->e && !has_clitic(tok(s, i)) ? longest_k(s, lx->titles, LX_TITLES, i, &tv) : 0;
    if (0 == n || (tv && 0 == strcmp(tv, "generic")))
        return i;
    uint32_t j = i + (uint32_t)n;
    const char *nat_country = NULL;
    while (j < s->e && j < i + TITLE_MAX_TOKENS) {
        const struct txt_token *t = tok(s, j);
        size_t m;
        const char *nat = NULL;
        if (TXT_WORD != t->kind || (has_clitic(t) && !clitic_is(t, "ل")))
            break;
        if ((m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, &nat))) {
            if (NULL == nat_country && nat && nat[0])
                nat_country = nat;
            j += (uint32_t)m;
            continue;
        }
        if ((m = known_name(s, j))) {
            j += (uint32_t)m;
            continue;
        }
        if (definite(t) && 2 != nonname(s, t) && !first_name(s, j, NULL)) {
            j++;
            continue;
        }
        break;
    }
    /* رئيس الدولة حفظه الله، ...: a blessing may close the phrase */
    uint32_t end = j;
    if (j + 1 < s->e && 0 == strcmp(tok(s, j + 1)->key, "الله") &&
        (0 == strcmp(tok(s, j)->key, "حفظه") || 0 == strcmp(tok(s, j)->key, "رعاه") ||
         0 == strcmp(tok(s, j)->key, "يحفظه") || 0 == strcmp(tok(s, j)->key, "يرعاه")))
        j += 2;
    if (j < s->e && !is_punct(tok(s, j)) && !clitic_is(tok(s, j), "و") && !time_or_place_after(s, j))
        return i;
    if (NULL == *country)
        *country = nat_country;
    return end;
}

/*
 * A title block at i: titles and honorifics in any order, each title with
 * its complement (organization, place, nationality, definite words), then
 * the person's name if one follows.
 */
static int
read_title(struct sent *s, uint32_t i, uint32_t *next)
{
    const struct lq_lexicons *lx = s->w->lx;
    uint32_t j = i, title_b = i, title_e = i, title_after = UINT32_MAX;
    int titled = 0, honored = 0;
    uint32_t gen_tok = UINT32_MAX; /* an indefinite noun with ل in the complement (لبرنامج) */
    uint32_t appos_end = 0; /* the comma that closes a three-word name in apposition */
    const char *country = NULL;
    *next = i + 1;
    /* شركة جنرال إلكتريك: a title word as the genitive of an organization's
     * head noun, before a word that is no genitive of its own (not مكتب
     * رئيس الوزراء), is a word of the organization's name, no office */
    if (i > s->b && i + 1 < s->e && !definite(tok(s, i)) && !has_clitic(tok(s, i)) &&
        !definite(tok(s, i - 1)) && !has_clitic(tok(s, i - 1)) && TXT_WORD == tok(s, i - 1)->kind &&
        TXT_WORD == tok(s, i + 1)->kind && !definite(tok(s, i + 1)) && !has_clitic(tok(s, i + 1)) &&
        1 == longest_k(s, lx->org_heads, LX_ORG_HEADS, i - 1, NULL) &&
        !longest_k(s, lx->titles, LX_TITLES, i - 1, NULL) && !first_name(s, i + 1, NULL))
        return 0;
    while (j < s->e && j - i < TITLE_MAX_TOKENS) {
        const struct txt_token *t = tok(s, j);
        if (j > i && has_clitic(t))
            break;
        size_t n;
        if ((n = longest_k(s, lx->honorifics, LX_HONORIFICS, j, NULL))) {
            /* استقبل الوزير معالي وزير ...: a bare definite title, then an
             * honorific that opens another title, are two people */
            if (titled && title_e == title_after && title_e == j && definite(tok(s, title_b)) &&
                title_after == title_b + 1 && j + n < s->e && longest_k(s, lx->titles, LX_TITLES, j + n, NULL))
                break;
            j += (uint32_t)n;
            honored = 1;
            /* د. أحمد، د.أحمد: the period of an abbreviated honorific */
            if (j < s->e && is_punct(tok(s, j)) && tok(s, j)->surface &&
                0 == strcmp(tok(s, j)->surface, ".") && 1 == n && strlen(tok(s, j - 1)->base) <= 2)
                j++;
            continue;
        }
        if ((n = longest_k(s, lx->titles, LX_TITLES, j, NULL)) && 1 == n && j + 1 < s->e &&
            first_name(s, j, NULL) && connector(tok(s, j + 1)))
            break; /* مساعد بن محمد: the title word is a given name */
        const char *tv = NULL;
        if ((n = longest_k(s, lx->titles, LX_TITLES, j, &tv)) && tv && 0 == strcmp(tv, "generic"))
            break; /* المسؤول الأمريكي: a word for anyone, not an office */
        if (n) {
            if (has_clitic(t) && !clitic_is(t, "و") && !clitic_is(t, "ل") && !clitic_is(t, "ب") &&
                !clitic_is(t, "ول") && !clitic_is(t, "وب") && !clitic_is(t, "ف"))
                break;
            /* استقبل المحافظ سفيرة ...: a bare definite title with no
             * complement, then an indefinite one, are two people */
            if (titled && title_e == title_after && title_e == j && definite(tok(s, title_b)) &&
                title_after == title_b + 1 && !definite(t))
                break;
            if (!titled)
                title_b = j;
            titled = 1;
            j += (uint32_t)n;
            uint32_t compl_start = j;
            title_after = j;
            /* the complement */
            while (j < s->e && j - i < TITLE_MAX_TOKENS) {
                const struct txt_token *c = tok(s, j);
                size_t m;
                if (is_punct(c)) {
                    /* الرئيس الفنلندي، ماتي فيرتانين */
                    int amb = 1;
                    /* رئيس الاتحاد المحلي، رضوان بلعيدي، ...: two unknown
                     * words closed by a comma are a name in apposition */
                    int appos = is_comma(c) && j + 3 < s->e && j > compl_start &&
                                is_comma(tok(s, j + 3)) && !definite(tok(s, j + 1)) &&
                                !definite(tok(s, j + 2)) && name_word(s, j + 1, 0) &&
                                name_word(s, j + 2, 0) && name_shape(tok(s, j + 1)) &&
                                name_shape(tok(s, j + 2)) && !masdar(tok(s, j + 2));
                    /* ... or three (رئيس المجلس، راشيد الطالبي العلمي، ...): an
                     * unknown first word, then two name words */
                    if (!appos && is_comma(c) && j + 4 < s->e && j > compl_start && is_comma(tok(s, j + 4)) &&
                        !definite(tok(s, j + 1)) && name_word(s, j + 1, 0) && name_shape(tok(s, j + 1)) &&
                        name_word(s, j + 2, 0) && name_shape2(tok(s, j + 2), 1) && name_word(s, j + 3, 0) &&
                        (name_shape2(tok(s, j + 3), 1) || foreign_h_end(tok(s, j + 3))) &&
                        !masdar(tok(s, j + 3)) && !masdar(tok(s, j + 2))) {
                        appos = 1;
                        appos_end = j + 4;
                    }
                    /* X وزير الداخلية، الدكتور Y: a title right after a
                     * name is that name's office, not Y's */
                    /* (الوزير، بالدكتور Y: a preposition is no apposition) */
                    if (is_comma(c) && j + 1 < s->e && s->per_end != i && !has_clitic(tok(s, j + 1)) &&
                        ((first_name(s, j + 1, &amb) && !amb) || appos ||
                         longest_k(s, lx->honorifics, LX_HONORIFICS, j + 1, NULL))) {
                        title_e = j;
                        j++;
                        goto name;
                    }
                    break;
                }
                if (TXT_WORD != c->kind || (c->flags & TXT_F_QUOTE_OPEN))
                    break;
                if (has_clitic(c) && !clitic_is(c, "ل") && !(clitic_is(c, "و") && definite(c)))
                    break;
                if (clitic_is(c, "ل") && !definite(c))
                    gen_tok = j;
                /* (وزير الاقتصاد والمالية X: the name may follow the
                 * coordinated noun) */
                if (clitic_is(c, "و") &&
                    (longest_k(s, lx->titles, LX_TITLES, j, NULL) ||
                     !(j + 1 < s->e && (definite(tok(s, j + 1)) || (j > title_b + 1 && first_name(s, j + 1, NULL))))))
                    break; /* (الوالي والمعتمد X: no complement before و, another office) */
                if (longest_k(s, lx->honorifics, LX_HONORIFICS, j, NULL) || (longest_k(s, lx->titles, LX_TITLES, j, NULL) && !has_clitic(c)))
                    break;
                uint32_t ob, oe;
                enum ner_type ot;
                uint32_t end = read_org(s, j, &ob, &oe, &ot);
                if (end > j && known_name(s, j) >= end - j)
                    end = j; /* the lexicon knows a longer name */
                if (end > j) {
                    int rc = add(s, ob, oe, ot, ENT_SRC_RULE, 3);
                    if (LQ_OK != rc)
                        return rc;
                    j = end;
                    continue;
                }
                /* رئيس الوزراء الأردني فارس X: a given name that is also a
                 * weak organization name (a news agency فارس) after the
                 * complement starts the person's name */
                if (j > compl_start && weak_org(s, j) && first_name(s, j, NULL) && j + 1 < s->e &&
                    !has_clitic(tok(s, j + 1)) && TXT_WORD == tok(s, j + 1)->kind)
                    break;
                /* رئيسة الوزراء الإيطالية جورجيا ميلوني: right after a
                 * nationality adjective, a place's one-word name before an
                 * unknown word shaped like a name is a given name, not the
                 * complement */
                /* (... or a country's name: رئيسة وزراء إيطاليا جورجيا ميلوني) */
                if (j > compl_start && !has_clitic(c) && !definite(c) && j + 1 < s->e &&
                    ((country && 1 == longest_k(s, lx->nationalities, LX_NATIONALITIES, j - 1, NULL)) ||
                     (!has_clitic(tok(s, j - 1)) && 1 == longest_k(s, lx->places, LX_PLACES, j - 1, NULL))) &&
                    1 == known_name(s, j) && 1 == longest_k(s, lx->places, LX_PLACES, j, NULL) &&
                    TXT_WORD == tok(s, j + 1)->kind && !has_clitic(tok(s, j + 1)) &&
                    !definite(tok(s, j + 1)) && !nonname(s, tok(s, j + 1)) &&
                    name_shape(tok(s, j + 1)) && !known_name(s, j + 1))
                    break;
                if ((m = known_name(s, j))) {
                    const char *pv = NULL;
                    size_t pn = longest_k(s, lx->places, LX_PLACES, j, &pv);
                    int rc;
                    if (pn == m)
                        rc = add(s, j, j + (uint32_t)m, NER_LOC, ENT_SRC_LEXICON, 2);
                    else if (longest_k(s, lx->acronyms, LX_ACRONYMS, j, NULL) == m) {
                        struct ent_cand ac = { .b = j, .e = j + (uint32_t)m, .type = NER_ORG,
                                               .source = ENT_SRC_LEXICON, .prio = 2,
                                               .title_b = -1, .title_e = -1, .mention = -1 };
                        longest_k(s, lx->acronyms, LX_ACRONYMS, j, &ac.expand);
                        rc = ent_add_cand(s->w, &ac);
                    } else if (!weak_org(s, j))
                        rc = add(s, j, j + (uint32_t)m, NER_ORG, ENT_SRC_LEXICON, 2);
                    else
                        rc = LQ_OK;
                    if (LQ_OK != rc)
                        return rc;
                    j += (uint32_t)m;
                    continue;
                }
                const char *nat = NULL;
                if ((m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, &nat))) {
                    if (NULL == country && nat && nat[0])
                        country = nat;
                    j += (uint32_t)m;
                    continue;
                }
                /* سفيرة كندا لدى اليابان ...، ممثل المنظمة في ليبيا ...: a
                 * preposition before a known place or name stays in the
                 * complement */
                if (j > compl_start && !has_clitic(c) && j + 1 < s->e &&
                    (0 == strcmp(c->key, "لدي") || 0 == strcmp(c->key, "في")) &&
                    !has_clitic(tok(s, j + 1)) && known_name(s, j + 1)) {
                    j++;
                    continue;
                }
                /* سفير الهند لدى البلاد، لدى المملكة: the host country named
                 * by a word for "the country" */
                if (j > compl_start && !has_clitic(c) && j + 1 < s->e && 0 == strcmp(c->key, "لدي") &&
                    !has_clitic(tok(s, j + 1)) && country_word(tok(s, j + 1))) {
                    j += 2;
                    continue;
                }
                int nn = nonname(s, c);
                if (2 == nn)
                    break;
                /* ووجه العاهل الأردني دعوة للرئيس ...: after a definite word
                 * the construct is closed; a bare common noun there starts
                 * another phrase */
                if (1 == nn && !definite(c) && !has_clitic(c) && definite(tok(s, j - 1)) &&
                    !has_clitic(tok(s, j - 1)))
                    break;
                if (1 == nn) {
                    j++;
                    continue;
                }
                int amb = 0;
                if (first_name(s, j, &amb) && !amb)
                    break;
                /* الأمير الوليد بن طلال: a definite word that a link and a
                 * given name follow starts the name, not the complement */
                if (definite(c) && !has_clitic(c) && j + 2 < s->e &&
                    tok(s, j + 1)->end - tok(s, j + 1)->start <= 3 && lineage_start(s, j))
                    break;
                if (definite(c) || has_clitic(c)) {
                    /* الرئيس العلوي: a nisba right after the title, before the end, is the name */
                    const struct txt_token *nx = j + 1 < s->e ? tok(s, j + 1) : NULL;
                    int name_next = nx && !is_punct(nx) && !has_clitic(nx) && TXT_WORD == nx->kind &&
                                    !nonname(s, nx);
                    size_t kl = strlen(c->key);
                    int nisba = kl > 2 && 0 == strcmp(c->key + kl - strlen("ي"), "ي");
                    if (!has_clitic(c) && !name_next && !amb && j == compl_start && nisba &&
                        ruler_title(tok(s, title_b)) &&
                        !longest_k(s, lx->org_heads, LX_ORG_HEADS, j, NULL))
                        break; /* read as the name */
                    j++;
                    continue;
                }
                break;
            }
            title_e = j;
            continue;
        }
        break;
    }
name:
    /* ولي العهد السعودي الأمير X، قائد الجيش الفريق X: a royal style or a
     * rank right before the name, after an office, is not the office */
    if (titled && title_e >= title_b + 3 && title_e <= j) {
        int only_hon = 1; /* (honorifics may stand between: الفريق أول ركن X) */
        for (uint32_t k = title_e; k < j && only_hon; k++)
            only_hon = 0 != longest_k(s, lx->honorifics, LX_HONORIFICS, k, NULL);
        if (only_hon && style_word(tok(s, title_e - 1)))
            title_e--;
        else if (only_hon && title_e >= title_b + 4 && 0 == strcmp(tok(s, title_e - 1)->key, "اول") &&
                 style_word(tok(s, title_e - 2)))
            title_e -= 2; /* الفريق أول */
    }
    if (!titled && !honored)
        return LQ_OK;
    if (!titled)
        title_b = title_e = j;
    if (j < s->e) {
        /* honorifics between the title and the name */
        size_t n;
        while (j < s->e && (n = longest_k(s, lx->honorifics, LX_HONORIFICS, j, NULL))) {
            j += (uint32_t)n;
            honored = 1;
        }
    }
    /* وزير الخارجية الأمريكي "أنتوني بلينكن": the name in quotes right
     * after the title, closed by its quote */
    int quoted = 0;
    if (titled && j + 1 < s->e && is_punct(tok(s, j)) && TXT_WORD == tok(s, j + 1)->kind &&
        (tok(s, j + 1)->flags & TXT_F_QUOTE_OPEN)) {
        j++;
        quoted = 1;
    }
    uint32_t nb = j, ne = j;
    if (j < s->e) {
        const struct txt_token *t = tok(s, j);
        int amb = 0;
        int fn = first_name(s, j, &amb);
        int titled_name = fn && j + 1 < s->e && connector(tok(s, j + 1));
        if (TXT_WORD == t->kind && !has_clitic(t) && !is_punct(t) &&
            (!nonname(s, t) || honored_given(s, j, honored)) && (fn || !known_name(s, j)) && (titled_name || !longest_k(s, lx->titles, LX_TITLES, j, NULL)) &&
            !longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL) && !longest_k(s, lx->org_heads, LX_ORG_HEADS, j, NULL))
            ne = read_name(s, j, honored);
        /* المدير التنفيذي لبرنامج نطاقات: the word after a construct noun
         * is its genitive, not the person's name */
        if (gen_tok + 1 == nb && nb == title_e && !fn)
            ne = nb;
        /* سلم الرئيس وسام الجمهورية: a given name that is also a common
         * noun, alone before a definite word that cannot continue a name,
         * is that noun with its genitive */
        if (fn && amb && ne == nb + (uint32_t)fn && ne < s->e && definite(tok(s, ne)) &&
            !has_clitic(tok(s, ne)) && TXT_WORD == tok(s, ne)->kind && !is_punct(tok(s, ne)))
            ne = nb;
        /* عبد الودود ...: عبد and a divine name are a given name */
        if (!fn && ne > nb + 1 && 0 == strcmp(tok(s, nb)->key, "عبد") && definite(tok(s, nb + 1)))
            fn = 2;
        if (ne > nb && !fn) {
            /* رئيس وزرائه أحمد ...: the name starts at the given name, past
             * words that cannot be names (not حيان عبد الغني) */
            for (uint32_t k = nb + 1; k < ne; k++) {
                if (name_shape(tok(s, k - 1)) && !nonname(s, tok(s, k - 1)))
                    break;
                if (first_name(s, k, NULL)) {
                    nb = k;
                    fn = 1;
                    break;
                }
            }
        }
        /* الرئيس سامر الخطيب: right after a title, an unknown word and one
         * family name with ال before the end of the phrase */
        if (ne == nb + 1 && !fn && !honored && titled && nb == title_after &&
            !starts_proclitic(tok(s, nb)) &&
            ne < s->e && definite(tok(s, ne)) && !has_clitic(tok(s, ne)) && !masdar(tok(s, ne)) &&
            name_word(s, ne, 0) && name_shape(tok(s, ne)) && boundary(s, ne + 1))
            ne++;
        /* البابا شنودة الثالث، الملك ألفونسو الثالث عشر: after a title, an
         * unknown word and a ruler's number */
        int regnal = ne == nb + 1 && titled && !fn && ne < s->e && definite(tok(s, ne)) &&
                     !has_clitic(tok(s, ne)) && ordinal(s, tok(s, ne));
        if (regnal)
            ne = regnal_end(s, ne); /* (the number closes the name: no boundary needed after it) */
        /* ... the first of them may end in نا (كريستينا، ألينا), when the
         * second follows */
        int loose_first = 0;
        if (ne == nb && titled && !fn && !honored && nb + 1 < s->e && gen_tok + 1 != nb &&
            TXT_WORD == tok(s, nb)->kind && !has_clitic(tok(s, nb)) && !definite(tok(s, nb)) &&
            !nonname(s, tok(s, nb)) && !known_name(s, nb) && name_shape2(tok(s, nb), 1) &&
            !longest_k(s, lx->titles, LX_TITLES, nb, NULL))
            ne = nb + 1, loose_first = 1;
        /* سفيرة كندا ألينا سكوفيلد: after a title, two unknown words without
         * ال (a foreign given name and family name) before the end */
        if (ne == nb + 1 && !fn && !honored && titled && !definite(tok(s, nb)) &&
            0 != strncmp(tok(s, nb)->key, "و", strlen("و")) && ne < s->e &&
            !definite(tok(s, ne)) && name_word(s, ne, 0) && name_shape(tok(s, ne)) &&
            !masdar(tok(s, ne)) && boundary(s, ne + 1))
            ne++;
        if (loose_first && ne == nb + 1)
            ne = nb;
        /* الأمير X بن Y الثاني: a name that read_name() closed with a
         * ruler's number needs no boundary after it either */
        if (!regnal && ne >= nb + 3 && regnal_closed(s, nb, ne))
            regnal = 1;
        if (ne > nb && !fn && !honored && !regnal && !boundary(s, ne))
            ne = nb;
        if (ne == nb + 1 && !fn && !name_shape(tok(s, nb)))
            ne = nb;
    }
    if (quoted && ne > nb && !(tok(s, ne - 1)->flags & TXT_F_QUOTE_CLOSE))
        ne = nb; /* (the quote holds more than the name) */
    if (appos_end && nb + 1 <= appos_end && ne < appos_end && !honored)
        ne = appos_end; /* the three words between the commas */
    /* السيد X وزير الخارجية الأمريكي، ...: after a name that an honorific
     * introduced, a title phrase that no name follows is his office */
    /* (... or a royal style alone: الأمير X وزير الداخلية) */
    int style_only = titled && title_e == title_b + 1 && style_word(tok(s, title_b));
    if (ne > nb && ((honored && !titled) || style_only)) {
        uint32_t te = post_title(s, ne, &country);
        if (te > ne) {
            titled = 1;
            title_b = ne;
            title_e = te;
        }
    }
    if (ne > nb) {
        struct ent_cand c = { .b = nb, .e = ne, .type = NER_PER, .source = ENT_SRC_RULE,
                              .prio = 3, .title_b = titled ? (int32_t)title_b : -1,
                              .title_e = titled ? (int32_t)title_e : -1, .country = country,
                              .mention = -1 };
        int rc = ent_add_cand(s->w, &c);
        if (LQ_OK != rc)
            return rc;
        *next = ne;
        s->per_end = ne;
        return LQ_OK;
    }
    if (titled) {
        struct ent_work *w = s->w;
        if (w->nphrases == w->capphrases) {
            size_t cap = w->capphrases ? 2 * w->capphrases : 16;
            struct ent_titlephrase *p = lq_arena_calloc(w->arena, cap, sizeof(*p));
            if (NULL == p)
                return LQ_ERR_NOMEM;
            if (w->nphrases)
                memcpy(p, w->phrases, w->nphrases * sizeof(*p));
            w->phrases = p;
            w->capphrases = cap;
        }
        w->phrases[w->nphrases++] = (struct ent_titlephrase){ title_b, title_e, tok(s, title_b)->sentence,
                                                              country };
    }
    *next = j > i ? j : i + 1;
    return LQ_OK;
}

/*
 * وقال امحند العنصر، الأمين العام للحزب، ...: right after a verb of saying
 * or a comma, two words no lexicon knows, closed by a comma that a title
 * follows, are a name with its office in apposition.
 */
static int
appositive_name(struct sent *s, uint32_t i, uint32_t *next)
{
    const struct lq_lexicons *lx = s->w->lx;
    if (i <= s->b || i + 3 >= s->e)
        return LQ_OK;
    /* the verb, with its conjunction left on or split off (وقال) */
    const struct txt_token *v = tok(s, i - 1);
    const char *cue = get_bit(s, lx->cues, ENT_FIRST_CUES, v);
    if (NULL == cue && lx->cues && (0 == strncmp(v->base, "و", strlen("و")) ||
                                    0 == strncmp(v->base, "ف", strlen("ف"))))
        cue = lex_get(lx->cues, v->base + strlen("و"));
    /* (... or a comma: استقبل X اليوم، غزالي عثماني، رئيس ...) */
    if ((NULL == cue || 0 != strcmp(cue, "speech")) && !is_comma(v))
        return LQ_OK;
    for (uint32_t k = i; k < i + 2; k++) {
        const struct txt_token *t = tok(s, k);
        if (TXT_WORD != t->kind || has_clitic(t) || nonname(s, t) || !name_shape2(t, k > i) ||
            known_name(s, k) || longest_k(s, lx->titles, LX_TITLES, k, NULL) ||
            longest_k(s, lx->honorifics, LX_HONORIFICS, k, NULL) || longest_k(s, lx->nationalities, LX_NATIONALITIES, k, NULL) ||
            longest_k(s, lx->org_heads, LX_ORG_HEADS, k, NULL) || (k == i && definite(t)))
            return LQ_OK;
    }
    if (!is_comma(tok(s, i + 2)) || 0 == longest_k(s, lx->titles, LX_TITLES, i + 3, NULL))
        return LQ_OK;
    struct ent_cand c = { .b = i, .e = i + 2, .type = NER_PER, .source = ENT_SRC_RULE, .prio = 3,
                          .title_b = -1, .title_e = -1, .mention = -1 };
    int rc = ent_add_cand(s->w, &c);
    if (LQ_OK == rc)
        *next = i + 2;
    return rc;
}

/*
 * بزرالدة (الجزائر العاصمة)، في كفرنبل (إدلب): after ب or في, one word no
 * lexicon knows, then a known place in parentheses, is a place inside it.
 */
static int
paren_place(struct sent *s, uint32_t i)
{
    const struct lq_lexicons *lx = s->w->lx;
    if (i + 2 >= s->e)
        return LQ_OK;
    const struct txt_token *t = tok(s, i), *p = tok(s, i + 1);
    if (TXT_WORD != t->kind || TXT_PUNCT != p->kind || NULL == p->surface || 0 != strcmp(p->surface, "(") ||
        0 == longest_k(s, lx->places, LX_PLACES, i + 2, NULL))
        return LQ_OK;
    int after_fi = i > s->b && !has_clitic(tok(s, i - 1)) && 0 == strcmp(tok(s, i - 1)->base, "في");
    int cut = 0;
    if (!after_fi && !clitic_is(t, "ب")) {
        /* the ب left on a word the segmenter did not know */
        if (has_clitic(t) || 0 != strncmp(t->key, "ب", strlen("ب")))
            return LQ_OK;
        cut = 1;
    }
    struct txt_token bare = *t;
    if (cut)
        bare.base = bare.key = t->key + strlen("ب");
    if (nonname(s, &bare) || !name_shape2(&bare, 1) || (!cut && (known_name(s, i) || first_name(s, i, NULL))) ||
        longest_k(s, lx->org_heads, LX_ORG_HEADS, i, NULL) || longest_k(s, lx->titles, LX_TITLES, i, NULL) || definite(&bare))
        return LQ_OK;
    struct ent_cand c = { .b = i, .e = i + 1, .type = NER_LOC, .source = ENT_SRC_RULE, .prio = 3,
                          .title_b = -1, .title_e = -1, .mention = -1, .cut = (uint8_t)cut };
    return ent_add_cand(s->w, &c);
}

/* a first name that starts a name with no title: محمد بن سلمان، دونالد ترامب */
static int
read_bare_name(struct sent *s, uint32_t i, uint32_t *next)
{
    int amb = 0;
    const struct txt_token *t = tok(s, i);
    /* وعبد الكريم الشمري: a conjunction may stand before the name */
    if ((has_clitic(t) && !clitic_is(t, "و")) || TXT_WORD != t->kind || nonname(s, t))
        return LQ_OK;
    int fn = first_name(s, i, &amb);
    int cut = 0;
    if (!fn && !has_clitic(t) && 0 == strncmp(t->key, "و", strlen("و"))) {
        /* وعبد الكريم الشمري with the و left on: */
        const char *v = NULL;
        fn = (int)longest_cut(s, s->w->lx->first_names, i, &v);
        amb = v && 0 == strcmp(v, "ambig");
        cut = fn ? 1 : 0;
        if (fn && !lex_get(s->w->lx->first_names, t->key + strlen("و")) && fn == 1)
            fn = 0;
    }
    /* وقال الوليد بن طلال، المنصور بن يوسف الثاني: a word that a link and
     * a given name follow starts a name of its own */
    if (!fn && !cut && i + 2 < s->e && tok(s, i + 1)->end - tok(s, i + 1)->start <= 3 &&
        lineage_start(s, i)) {
        uint32_t le = read_name(s, i, 0);
        if (le < i + 3)
            return LQ_OK;
        struct ent_cand lc = { .b = i, .e = le, .type = NER_PER, .source = ENT_SRC_RULE, .prio = 3,
                               .title_b = -1, .title_e = -1, .mention = -1 };
        int lrc = ent_add_cand(s->w, &lc);
        if (LQ_OK == lrc)
            *next = le;
        return lrc;
    }
    if (!fn)
        return appositive_name(s, i, next);
    uint32_t e = cut ? read_name_from(s, i, (uint32_t)fn) : read_name(s, i, 0);
    if (e < i + 2)
        return LQ_OK;
    /* والسعودي عادل الجبير: a nationality adjective before the name vouches for it */
    if (amb && i > s->b && longest_k(s, s->w->lx->nationalities, LX_NATIONALITIES, i - 1, NULL))
        amb = 0;
    /* برئاسة X، بقيادة X، بحضور X: so do the words that introduce a person */
    if (amb && i > s->b) {
        const struct txt_token *p = tok(s, i - 1);
        const char *cue = get_bit(s, s->w->lx->cues, ENT_FIRST_CUES, p);
        if ((clitic_is(p, "ب") && (0 == strcmp(p->base, "رياسه") || 0 == strcmp(p->base, "قياده"))) ||
            (cue && 0 == strcmp(cue, "attend")))
            amb = 0;
    }
    if (amb) {
        /* an ambiguous given name needs another given name or a connector after it */
        uint32_t k = i + (uint32_t)fn;
        if (k >= e || !(first_name(s, k, NULL) || connector(tok(s, k))))
            return LQ_OK;
    }
    struct ent_cand c = { .b = i, .e = e, .type = NER_PER, .source = ENT_SRC_RULE, .prio = 3,
                          .title_b = -1, .title_e = -1, .mention = -1, .cut = (uint8_t)cut };
    int rc = ent_add_cand(s->w, &c);
    if (LQ_OK == rc)
        *next = e;
    return rc;
}

/*
 * السوق السعودية، الجامعة الأردنية: a country whose name is also the
 * feminine adjective of nationality, right after a definite noun, is the
 * adjective (the noun is no place, title or adjective itself).
 */
static int
nisba_place(const struct sent *s, uint32_t i)
{
    const struct lq_lexicons *lx = s->w->lx;
    if (i <= s->b || i + 1 > s->e)
        return 0;
    const struct txt_token *t = tok(s, i), *p = tok(s, i - 1);
    if (TXT_WORD != t->kind || has_clitic(t) || TXT_WORD != p->kind ||
        !definite(p) || (p->flags & TXT_F_QUOTE_CLOSE) || (t->flags & TXT_F_QUOTE_OPEN))
        return 0;
    if (1 != longest_k(s, lx->places, LX_PLACES, i, NULL) || 1 != longest_k(s, lx->nationalities, LX_NATIONALITIES, i, NULL))
        return 0;
    return !known_name(s, i - 1) && !longest_k(s, lx->nationalities, LX_NATIONALITIES, i - 1, NULL) &&
           !longest_k(s, lx->titles, LX_TITLES, i - 1, NULL) && !longest_k(s, lx->honorifics, LX_HONORIFICS, i - 1, NULL) &&
           !first_name(s, i - 1, NULL) && 2 != nonname(s, p);
}

/*
 * وحي الزهور، بحي النخيل: a place head of two letters (حي) that a
 * proclitic is written on stays one word in the text layer (وحي is also
 * "revelation"); before a definite name word it is the head with its
 * proclitic, and the place is the head and that word (with a ruler-style
 * number after it: حي الزهور الثاني).
 */
static int
cut_place_head(struct sent *s, uint32_t i)
{
    const struct lq_lexicons *lx = s->w->lx;
    const struct txt_token *t = tok(s, i);
    /* three letters first: a proclitic and a two-letter body (one compare
     * rules out most words) */
    if (3 != t->end - t->start || TXT_WORD != t->kind || NULL == t->key || strlen(t->key) != 3 * 2 ||
        has_clitic(t) || i + 1 >= s->e)
        return LQ_OK;
    /* (longest_cut() leaves bodies under three letters alone) */
    static const char *const cl[] = { "و", "ب", "ل", "ف" };
    const char *rest = NULL;
    for (size_t k = 0; k < sizeof(cl) / sizeof(cl[0]) && NULL == rest; k++)
        if (0 == strncmp(t->key, cl[k], strlen(cl[k])))
            rest = t->key + strlen(cl[k]);
    if (NULL == rest || first_name(s, i, NULL))
        return LQ_OK;
    const char *v = lex_get(lx->org_heads, rest);
    if (NULL == v || 0 != strncmp(v, "loc", 3) || strstr(v, "prep") || strstr(v, "qonly"))
        return LQ_OK;
    const struct txt_token *nx = tok(s, i + 1);
    if (TXT_WORD != nx->kind || !definite(nx) || has_clitic(nx) || nonname(s, nx) || masdar(nx) ||
        (nx->flags & TXT_F_QUOTE_OPEN) || longest_k(s, lx->titles, LX_TITLES, i + 1, NULL) ||
        longest_k(s, lx->nationalities, LX_NATIONALITIES, i + 1, NULL))
        return LQ_OK;
    uint32_t e = i + 2;
    if (e < s->e && definite(tok(s, e)) && !has_clitic(tok(s, e)) && ordinal(s, tok(s, e)))
        e++;
    struct ent_cand c = { .b = i, .e = e, .type = NER_LOC, .source = ENT_SRC_RULE, .prio = 3,
                          .title_b = -1, .title_e = -1, .mention = -1, .cut = 1 };
    return ent_add_cand(s->w, &c);
}

static int
sentence_rules(struct ent_work *w, uint32_t b, uint32_t e)
{
    struct sent s = { w, w->doc->tokens, b, e, 0, 0 };
    const struct lq_lexicons *lx = w->lx;
    uint32_t i = b;
    uint32_t org_b = UINT32_MAX, org_e = 0; /* the last organization or place read */
    while (i < e) {
        const struct txt_token *t = tok(&s, i);
        if (is_punct(t)) {
            i++;
            continue;
        }
        uint32_t next = i + 1;
        int rc;
        /* مطار الإمام الخميني الدولي، مركز الملك سلمان: the style after the
         * head of a name read opens the person the body is named after, no
         * title of its own */
        int named_after = org_b + 1 == i && i < org_e && ruler_title(t);
        if (!named_after &&
            (longest_k(&s, lx->titles, LX_TITLES, i, NULL) || longest_k(&s, lx->honorifics, LX_HONORIFICS, i, NULL))) {
            size_t before = w->ncands;
            rc = read_title(&s, i, &next);
            if (LQ_OK != rc)
                return rc;
            if (w->ncands > before || next > i + 1) {
                i = next;
                continue;
            }
        }
        uint32_t ob, oe;
        enum ner_type ot;
        uint32_t end = read_org(&s, i, &ob, &oe, &ot);
        size_t n;
        const char *v = NULL;
        if (end > i) {
            rc = add(&s, ob, oe, ot, ENT_SRC_RULE, 3);
            if (LQ_OK != rc)
                return rc;
            org_b = ob;
            org_e = oe;
            /* a place or organization inside still counts on its own */
        } else if (3 == tok(&s, i)->end - tok(&s, i)->start && LQ_OK != (rc = cut_place_head(&s, i)))
            return rc; /* (three letters: a proclitic and a two-letter head, وحي) */
        if ((n = longest_k(&s, lx->acronyms, LX_ACRONYMS, i, &v))) {
            struct ent_cand c = { .b = i, .e = i + (uint32_t)n, .type = NER_ORG,
                                  .source = ENT_SRC_LEXICON, .prio = 2, .title_b = -1,
                                  .title_e = -1, .expand = v, .mention = -1 };
            if (LQ_OK != (rc = ent_add_cand(w, &c)))
                return rc;
        }
        if ((n = longest_k(&s, lx->organizations, LX_ORGANIZATIONS, i, &v))) {
            /* الهلال الأحمر السعودي: a nationality adjective after the name belongs to it */
            size_t m;
            if (i + n < e && !has_clitic(tok(&s, i + (uint32_t)n)) &&
                (m = longest_k(&s, lx->nationalities, LX_NATIONALITIES, i + (uint32_t)n, NULL)))
                n += m;
            /* الوداد الرياضي، الترجي الرياضية: a club with the word for its
             * sports club or association is the club, in any article */
            int sporting = 0;
            if (v && 0 == strcmp(v, "club") && i + n < e) {
                const struct txt_token *nx = tok(&s, i + (uint32_t)n);
                sporting = !has_clitic(nx) && (0 == strcmp(nx->key, "الرياضي") ||
                                               0 == strcmp(nx->key, "الرياضيه"));
                n += (size_t)sporting;
            }
            if (sporting || !weak_org(&s, i))
                if (LQ_OK != (rc = add(&s, i, i + (uint32_t)n, NER_ORG, ENT_SRC_LEXICON, 2)))
                    return rc;
        }
        if ((n = longest_k(&s, lx->places, LX_PLACES, i, NULL))) {
            if (n > 1 || (!nonname(&s, t) && !nisba_place(&s, i)))
                if (LQ_OK != (rc = add(&s, i, i + (uint32_t)n, NER_LOC, ENT_SRC_LEXICON, 2)))
                    return rc;
        } else if ((n = longest_cut(&s, lx->places, i, NULL)) && !nonname(&s, t) &&
                   !first_name(&s, i, NULL)) {
            struct ent_cand c = { .b = i, .e = i + (uint32_t)n, .type = NER_LOC,
                                  .source = ENT_SRC_LEXICON, .prio = 2, .title_b = -1,
                                  .title_e = -1, .mention = -1, .cut = 1 };
            if (LQ_OK != (rc = ent_add_cand(w, &c)))
                return rc;
        }
        if (LQ_OK != (rc = paren_place(&s, i)))
            return rc;
        if (LQ_OK != (rc = read_bare_name(&s, i, &next)))
            return rc;
        i = next > i ? next : i + 1;
    }
    return LQ_OK;
}

/* can a person's name end with this word? Not with tanween (فيرتانين غاضباً)
 * nor with a cue word of news prose */
static int
name_word_end(const struct sent *s, const struct txt_token *t)
{
    const char *b = t->surface;
    if (strstr(b, "ً") || strstr(b, "ٌ") || strstr(b, "ٍ"))
        return 0;
    if (get_bit(s, s->w->lx->cues, ENT_FIRST_CUES, t) && !first_name(s, (uint32_t)(t - s->t), NULL))
        return 0;
    /* ميسي استعدادا: a verbal noun, in the accusative or not */
    char buf[256];
    size_t n = strlen(t->key);
    if (n + 1 + strlen("ال") >= sizeof(buf) || 0 == strncmp(t->key, "ال", strlen("ال")))
        return 1;
    memcpy(buf, "ال", strlen("ال"));
    memcpy(buf + strlen("ال"), t->key, n + 1);
    size_t bl = strlen(buf);
    if (bl > strlen("ال") + 2 && 0 == strcmp(buf + bl - strlen("ا"), "ا"))
        buf[bl - strlen("ا")] = '\0';
    struct txt_token tmp = *t;
    tmp.base = buf;
    return !masdar(&tmp);
}

/*
 * Tagger spans are trimmed of function words and common nouns at their
 * edges (على، قال), split at a conjunction (أردوغان وعباس), and a person
 * span that ends in the family name of a person the rules found loses the
 * unknown words before it (يطالبون كيري → كيري).
 */
int
ent_clean_tagger(struct ent_work *w)
{
    const struct txt_doc *doc = w->doc;
    const struct txt_token *tk = doc->tokens;
    const struct lq_lexicons *lx = w->lx;
    size_t n0 = w->ncands;
    /* how often the tagger calls each lone word a person or an organization */
    struct lex *lone = lex_new();
    if (NULL == lone)
        return LQ_ERR_NOMEM;
    for (size_t k = 0; k < n0; k++) {
        const struct ent_cand *c = &w->cands[k];
        if (!(c->source & ENT_SRC_TAGGER) || c->e - c->b != 1 ||
            (NER_PER != c->type && NER_ORG != c->type))
            continue;
        const char *v = lex_get(lone, tk[c->b].base);
        char num[16];
        snprintf(num, sizeof(num), "%d", v ? atoi(v) + 1 : 1);
        if (LQ_ERR_NOMEM == lex_add(lone, tk[c->b].base, num)) {
            lex_free(lone);
            return LQ_ERR_NOMEM;
        }
    }
    for (size_t k = 0; k < n0; k++) {
        struct ent_cand *c = &w->cands[k];
        if (!(c->source & ENT_SRC_TAGGER))
            continue;
        const struct txt_sentence *st = &doc->sents[tk[c->b].sentence];
        struct sent s = { w, tk, st->tok_begin, st->tok_end, 0, 0 };
        uint32_t b0 = c->b, e0 = c->e;
        /* آية الله العظمى X: an honorific of several words, whatever its
         * first word, before a function word inside it splits the span;
         * also a span that starts inside one */
        if (NER_PER == c->type) {
            size_t hn;
            for (uint32_t h = 1; h <= 2 && c->b >= s.b + h; h++)
                if ((hn = longest_k(&s, lx->honorifics, LX_HONORIFICS, c->b - h, NULL)) > h) {
                    c->b = c->b - h + (uint32_t)hn < c->e ? c->b - h + (uint32_t)hn : c->e;
                    break;
                }
            while (c->b < c->e && (hn = longest_k(&s, lx->honorifics, LX_HONORIFICS, c->b, NULL)) >= 2 &&
                   c->b + hn <= c->e)
                c->b += (uint32_t)hn;
        }
        while (c->b < c->e && nonname(&s, &tk[c->b]))
            c->b++;
        while (c->e > c->b && (nonname(&s, &tk[c->e - 1]) ||
                               (NER_PER == c->type && c->e - c->b > 1 && !name_word_end(&s, &tk[c->e - 1]))))
            c->e--;
        if (NER_LOC == c->type && 1 == c->e - c->b && nisba_place(&s, c->b)) {
            c->e = c->b; /* السوق السعودية */
            continue;
        }

        /* أردوغان وعباس tagged an organization: two words joined by و with
         * no head noun and no known body are two persons */
        if (NER_ORG == c->type && 2 == c->e - c->b && clitic_is(&tk[c->b + 1], "و") &&
            !has_clitic(&tk[c->b]) && !longest_k(&s, lx->org_heads, LX_ORG_HEADS, c->b, NULL) &&
            !longest_k(&s, lx->organizations, LX_ORGANIZATIONS, c->b, NULL) && !longest_k(&s, lx->organizations, LX_ORGANIZATIONS, c->b + 1, NULL) &&
            !longest_cut(&s, lx->organizations, c->b + 1, NULL) && !definite(&tk[c->b]) &&
            name_shape(&tk[c->b]))
            c->type = NER_PER;
        /* «بن سعود» tagged a body: بن and one name are a person's short
         * name */
        if (NER_PER != c->type && 2 == c->e - c->b && !has_clitic(&tk[c->b]) && !has_clitic(&tk[c->b + 1]) &&
            (0 == strcmp(tk[c->b].key, "بن") || 0 == strcmp(tk[c->b].key, "ابن")) &&
            TXT_WORD == tk[c->b + 1].kind && !definite(&tk[c->b + 1]))
            c->type = NER_PER;
        if (NER_PER == c->type) {
            /* كريم أن فيرتانين: a function word inside splits the span */
            for (uint32_t j = c->b + 1; j + 1 < c->e; j++)
                if (2 == nonname(&s, &tk[j])) {
                    struct ent_cand d = *c;
                    d.b = j + 1;
                    c->e = j;
                    int rc = ent_add_cand(w, &d);
                    if (LQ_OK != rc) {
                        lex_free(lone);
                        return rc;
                    }
                    c = &w->cands[k]; /* the array may have moved */
                    break;
                }
        }
        if (c->e <= c->b)
            continue;
        /* "على زيارتكم" less its preposition is no name */
        if ((c->b != b0 || c->e != e0) && c->e - c->b == 1 && !name_shape(&tk[c->b])) {
            c->e = c->b;
            continue;
        }
        /* a lone word the tagger calls a person or an organization once is
         * weak evidence: it stays in quotes, in Latin letters, when tagged
         * so again in the article, or when the same name is found elsewhere
         * (the repeat pass adds it back then) */
        if ((NER_PER == c->type || NER_ORG == c->type) && c->e - c->b == 1 &&
            TXT_WORD == tk[c->b].kind && !(tk[c->b].flags & TXT_F_QUOTE_OPEN)) {
            const char *v = lex_get(lone, tk[c->b].base);
            if (NULL == v || atoi(v) < 2) {
                c->e = c->b;
                continue;
            }
        }
        if (NER_PER == c->type) {
            /* النيجيري أونيليو، أحمد الطيب شيخ الأزهر: titles, honorifics and
             * adjectives of nationality are no part of a person's name */
            /* and the period of an abbreviated honorific: د.سامي */
            while (c->b < c->e && ((longest_k(&s, lx->nationalities, LX_NATIONALITIES, c->b, NULL) ||
                                    longest_k(&s, lx->titles, LX_TITLES, c->b, NULL) ||
                                    longest_k(&s, lx->honorifics, LX_HONORIFICS, c->b, NULL)) &&
                                   !first_name(&s, c->b, NULL))) {
                c->b++;
                while (c->b < c->e && is_punct(&tk[c->b]))
                    c->b++;
            }
            for (uint32_t j = c->b + 1; j < c->e; j++)
                if ((longest_k(&s, lx->nationalities, LX_NATIONALITIES, j, NULL) || longest_k(&s, lx->titles, LX_TITLES, j, NULL)) &&
                    !first_name(&s, j, NULL) &&
                    !(j > c->b && 1 == longest_k(&s, lx->titles, LX_TITLES, j, NULL) &&
                      first_name(&s, j - 1, NULL) && j + 1 < c->e && definite(&tk[j + 1]))) {
                    c->e = j;
                    break;
                }
            if (c->e <= c->b)
                continue;
            /* سامي حداد ورضوان بلعيدي: a و the segmenter left on the first
             * word of the second of two coordinated names (not وليد) */
            const struct txt_token *f = &tk[c->b];
            if (c->e - c->b >= 2 && !c->cut && (NULL == f->clitics || !f->clitics[0]) &&
                0 == strncmp(f->key, "و", strlen("و")) &&
                strlen(f->key) >= strlen("و") + 3 * 2 && !first_name(&s, c->b, NULL)) {
                int after_name = 0;
                for (size_t q = 0; q < n0 && !after_name; q++)
                    after_name = q != k && NER_PER == w->cands[q].type && w->cands[q].e == c->b;
                if (after_name || lex_get(lx->first_names, f->key + strlen("و")))
                    c->cut = 1;
            }
            for (uint32_t j = c->b + 1; j < c->e; j++) {
                if (clitic_is(&tk[j], "و")) {
                    struct ent_cand d = *c;
                    d.b = j;
                    c->e = j;
                    int rc = ent_add_cand(w, &d);
                    if (LQ_OK != rc) {
                        lex_free(lone);
                        return rc;
                    }
                    c = &w->cands[k]; /* the array may have moved */
                    break;
                }
            }
        }
    }
    lex_free(lone);
    /* family names of the persons the rules found (a heap lexicon, freed here) */
    struct lex *fam = lex_new();
    if (NULL == fam)
        return LQ_ERR_NOMEM;
    for (size_t k = 0; k < w->ncands; k++) {
        const struct ent_cand *r = &w->cands[k];
        /* the rules' persons, and the tagger's that start with a given name */
        int sure = (r->source & ENT_SRC_RULE) ||
                   ((r->source & ENT_SRC_TAGGER) && r->e - r->b >= 3 && lex_get(lx->first_names, tk[r->b].base));
        if (sure && NER_PER == r->type && r->e - r->b >= 2 &&
            LQ_ERR_NOMEM == lex_add(fam, tk[r->e - 1].key, tk[r->b].key)) {
            lex_free(fam);
            return LQ_ERR_NOMEM;
        }
    }
    for (size_t k = 0; k < w->ncands; k++) {
        struct ent_cand *c = &w->cands[k];
        if (!(c->source & ENT_SRC_TAGGER) || NER_PER != c->type || c->e - c->b != 2)
            continue;
        const struct txt_token *first = &tk[c->b], *last = &tk[c->e - 1];
        if (lex_get(lx->first_names, first->base))
            continue;
        const char *given = lex_get(fam, last->key);
        if (given && 0 != strcmp(given, first->key))
            c->b = c->e - 1;
    }
    lex_free(fam);
    return LQ_OK;
}

/* code points of a token's base */
static size_t
t_cps(const struct txt_token *t)
{
    size_t c = 0;
    for (const unsigned char *p = (const unsigned char *)t->base; *p; p++)
        c += 0x80 != (*p & 0xc0);
    return c;
}

int
ent_extend_by_tagger(struct ent_work *w)
{
    const struct txt_token *tk = w->doc->tokens;
    const struct lq_lexicons *lx = w->lx;
    size_t nt = w->doc->ntokens;
    /* the rules' person starting at each token (index + 1; 0: none) */
    uint32_t *rule_at = lq_arena_calloc(w->arena, nt ? nt : 1, sizeof(*rule_at));
    if (NULL == rule_at)
        return LQ_ERR_NOMEM;
    for (size_t q = 0; q < w->ncands; q++) {
        const struct ent_cand *r = &w->cands[q];
        if ((r->source & ENT_SRC_RULE) && NER_PER == r->type && r->b < nt && 0 == rule_at[r->b])
            rule_at[r->b] = (uint32_t)q + 1;
    }
    for (size_t k = 0; k < w->ncands; k++) {
        const struct ent_cand *t = &w->cands[k];
        if (!(t->source & ENT_SRC_TAGGER) || NER_PER != t->type || t->e - t->b < 2 ||
            t->b >= nt || 0 == rule_at[t->b])
            continue;
        struct ent_cand *r = &w->cands[rule_at[t->b] - 1];
        uint32_t j = t->e - 1;
        if (r->e != j)
            continue;
        const struct txt_token *x = &tk[j];
        if (TXT_WORD != x->kind || has_clitic(x) || definite(x))
            continue;
        const struct txt_sentence *st = &w->doc->sents[x->sentence];
        struct sent s = { w, tk, st->tok_begin, st->tok_end, 0, 0 };
        /* a word of two letters, which name_shape() leaves out for its
         * length alone (يي، لي، وو); or the third word of a foreign name
         * with no link (يون سوك يول), shaped like a name and no given name */
        int foreign = r->e - r->b >= 2 && name_shape(x) && !first_name(&s, j, NULL);
        for (uint32_t q = r->b; foreign && q < r->e; q++)
            foreign = !connector(&tk[q]) && !definite(&tk[q]);
        /* ... or the second word of a foreign name of two that a title or
         * an honorific introduces (السيد يان كوبيش، السيدة متسيبو
         * راماكواي): the rules read one word of no given name, the tagger
         * both */
        if (!foreign && r->e == r->b + 1 && t->e == t->b + 2 && name_shape(x) &&
            !first_name(&s, j, NULL) && !first_name(&s, r->b, NULL) &&
            (r->title_b >= 0 ||
             (r->b > s.b && 1 == longest_k(&s, lx->honorifics, LX_HONORIFICS, r->b - 1, NULL))))
            foreign = 1;
        if (2 != t_cps(x) && !foreign)
            continue;
        if (0 == nonname(&s, x) && !longest_k(&s, lx->titles, LX_TITLES, j, NULL) &&
            !longest_k(&s, lx->honorifics, LX_HONORIFICS, j, NULL) &&
            !longest_k(&s, lx->nationalities, LX_NATIONALITIES, j, NULL) &&
            !longest_k(&s, lx->org_heads, LX_ORG_HEADS, j, NULL) &&
            !longest_k(&s, lx->places, LX_PLACES, j, NULL))
            r->e = t->e;
    }
    return LQ_OK;
}

/* A word of a fixed list with its length. The lists below are asked about
 * every token of an article (or of a sports article): the length is taken
 * once and compared before the bytes, where strcmp() against each word
 * cost a call apiece. */
struct word_len {
    const char *s;
    size_t n;
};

#define WL(word) { word, sizeof(word) - 1 }

/* is @p s one of the @p ntab words of @p tab? */
static int
in_words(const char *s, const struct word_len *tab, size_t ntab)
{
    size_t n = strlen(s);
    for (size_t k = 0; k < ntab; k++)
        if (tab[k].n == n && 0 == memcmp(s, tab[k].s, n))
            return 1;
    return 0;
}

/* words of football reporting that cues.txt does not list as sports words */
static int
sports_word(const char *base)
{
    static const struct word_len sw[] = {
        WL("النادي"), WL("الاندية"), WL("لاعب"), WL("اللاعب"), WL("لاعبي"), WL("لاعبيه"),
        WL("المهاجم"), WL("مهاجم"), WL("المدافع"), WL("مدافع"), WL("الحارس"), WL("حارس"),
        WL("الكره"), WL("المرمي"), WL("الهداف") };
    /* asked about every word of every article: the words above start with
     * ال + ن ا ل م ح ك ه, لا, مه, مد or حا (a word added above must pass
     * this test too), and most words of a text fail it by their first
     * letters, so the list is searched for few of them */
    const unsigned char *b = (const unsigned char *)base;
    int may;
    if (0xD8 == b[0] && 0xA7 == b[1]) /* ا: ال and one of the seven letters */
        may = 0xD9 == b[2] && 0x84 == b[3] &&
              ((0xD9 == b[4] && (0x86 == b[5] || 0x84 == b[5] || 0x85 == b[5] || 0x83 == b[5] ||
                                 0x87 == b[5])) ||
               (0xD8 == b[4] && (0xA7 == b[5] || 0xAD == b[5])));
    else if (0xD9 == b[0] && 0x84 == b[1]) /* لا */
        may = 0xD8 == b[2] && 0xA7 == b[3];
    else if (0xD9 == b[0] && 0x85 == b[1]) /* مه مد */
        may = (0xD9 == b[2] && 0x87 == b[3]) || (0xD8 == b[2] && 0xAF == b[3]);
    else if (0xD8 == b[0] && 0xAD == b[1]) /* حا */
        may = 0xD8 == b[2] && 0xA7 == b[3];
    else
        may = 0;
    return may && in_words(base, sw, sizeof(sw) / sizeof(sw[0]));
}

/* a player's or coach's role, whose genitive is his club: لاعب النصر */
static int
club_role(const struct txt_token *t)
{
    static const struct word_len r[] = {
        WL("لاعب"), WL("مدافع"), WL("مهاجم"), WL("حارس"), WL("نجم"), WL("مدرب"), WL("هداف"),
        WL("لاعبو"), WL("لاعبي"), WL("نجوم"), WL("جماهير"), WL("جمهور"), WL("انصار") };
    return in_words(t->base, r, sizeof(r) / sizeof(r[0]));
}

/* the team's own positions and units, never a club: لاعب الوسط */
static int
team_word(const char *base)
{
    static const struct word_len r[] = {
        WL("الوسط"), WL("الدفاع"), WL("الهجوم"), WL("الارتكاز"), WL("الفريق"), WL("النادي"),
        WL("المنتخب"), WL("الاندية"), WL("الكره"), WL("الرديف"), WL("الشباب"), WL("الناشيين") };
    return in_words(base, r, sizeof(r) / sizeof(r[0]));
}

/* could a definite word be a club named by an ordinary word (الكواكب)? */
static int
club_word(const struct sent *s, uint32_t i)
{
    const struct txt_token *t = tok(s, i);
    const struct lq_lexicons *lx = s->w->lx;
    if (TXT_WORD != t->kind || !definite(t) || strlen(t->base) < strlen("ال") + 3 * 2)
        return 0;
    const char *v = NULL;
    if (longest_k(s, lx->organizations, LX_ORGANIZATIONS, i, &v) == 1 && v && 0 == strcmp(v, "club"))
        return 1;
    if (team_word(t->base) || nonname(s, t) || ordinal(s, t) ||
        longest_k(s, lx->nationalities, LX_NATIONALITIES, i, NULL) || longest_k(s, lx->titles, LX_TITLES, i, NULL) ||
        longest_k(s, lx->org_heads, LX_ORG_HEADS, i, NULL) || first_name(s, i, NULL))
        return 0;
    /* a definite word followed by another definite word is a noun phrase */
    if (i + 1 < s->e && definite(tok(s, i + 1)) && !has_clitic(tok(s, i + 1)) &&
        !longest_k(s, lx->time_words, LX_TIME_WORDS, i + 1, NULL))
        return 0;
    return 1;
}

/* a verb of a match result: فاز، تغلب، خسر، تعادل، هزم */
static int
match_verb(const struct txt_token *t)
{
    static const struct word_len r[] = { WL("فاز"), WL("تغلب"), WL("خسر"), WL("تعادل"),
                                         WL("هزم"), WL("انتصر"), WL("يفوز"), WL("يتغلب"),
                                         WL("يخسر"), WL("يتعادل"), WL("سقط") };
    return in_words(t->base, r, sizeof(r) / sizeof(r[0]));
}

/*
 * After a match verb, at p: على/أمام/مع and the opponent, one or two
 * unknown words or a place (دينامو كييف) and an adjective of nationality.
 * @return the end of the opponent's name, p when none
 */
static uint32_t
opponent(const struct sent *s, uint32_t p)
{
    const struct lq_lexicons *lx = s->w->lx;
    const struct txt_token *pr = tok(s, p);
    if (has_clitic(pr) || !(0 == strcmp(pr->base, "علي") || 0 == strcmp(pr->base, "امام") ||
                            0 == strcmp(pr->base, "مع")))
        return p;
    uint32_t j = p + 1, words = 0;
    while (j < s->e && words < 2) {
        const struct txt_token *t = tok(s, j);
        if (TXT_WORD != t->kind || has_clitic(t) || nonname(s, t) || team_word(t->base) ||
            longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL) || longest_k(s, lx->titles, LX_TITLES, j, NULL) ||
            longest_k(s, lx->org_heads, LX_ORG_HEADS, j, NULL) || first_name(s, j, NULL) || strlen(t->base) < 3 * 2 ||
            strstr(t->surface, "ً"))
            break;
        if (words && definite(t))
            break;
        j++;
        words++;
        if (definite(t))
            break; /* المنارة: one definite word */
    }
    if (0 == words)
        return p;
    size_t m;
    if (j < s->e && !has_clitic(tok(s, j)) && (m = longest_k(s, lx->nationalities, LX_NATIONALITIES, j, NULL)))
        j += (uint32_t)m;
    return j;
}

/*
 * In an article about sport, clubs named by ordinary words: the genitive of
 * a player's role (لاعب المنارة، مدافع الكواكب) and the words coordinated
 * with a club (كالهلال والسواحل والمنارة); and foreign clubs whose name ends
 * in سبور or سبورت (بيرغن سبور).
 */
static int
club_rules(struct ent_work *w, uint32_t b, uint32_t e)
{
    struct sent s = { w, w->doc->tokens, b, e, 0, 0 };
    const struct lq_lexicons *lx = w->lx;
    uint32_t i = b;
    while (i < e) {
        const struct txt_token *t = tok(&s, i);
        static const struct word_len sport[] = { WL("سبور"), WL("سبورت") };
        if (TXT_WORD == t->kind && i > b && in_words(t->key, sport, 2)) {
            /* up to two unknown words before it */
            uint32_t k = i;
            while (k > b && i - k < 2) {
                const struct txt_token *p = tok(&s, k - 1);
                if (TXT_WORD != p->kind || has_clitic(p) || nonname(&s, p) || definite(p) ||
                    longest_k(&s, lx->org_heads, LX_ORG_HEADS, k - 1, NULL) || longest_k(&s, lx->titles, LX_TITLES, k - 1, NULL) ||
                    longest_k(&s, lx->nationalities, LX_NATIONALITIES, k - 1, NULL) || strlen(p->base) < 3 * 2 ||
                    strstr(p->surface, "ً"))
                    break;
                k--;
            }
            if (k < i) {
                int rc = add(&s, k, i + 1, NER_ORG, ENT_SRC_RULE, 3);
                if (LQ_OK != rc)
                    return rc;
            }
            i++;
            continue;
        }
        if (!w->sports) {
            i++;
            continue;
        }
        /* فاز على ...، خسر أمام ...: the opponent of a match result */
        uint32_t oe;
        if (match_verb(t) && i + 2 < e && (oe = opponent(&s, i + 1)) > i + 2) {
            int rc = add(&s, i + 2, oe, NER_ORG, ENT_SRC_RULE, 3);
            if (LQ_OK != rc)
                return rc;
            i = oe;
            continue;
        }
        /* فريقه ليفربول، مع برشلونة الإسباني: a city named as a team, or
         * with a masculine adjective of nationality (a city is feminine:
         * the adjective agrees with the club) */
        const char *pv = NULL;
        size_t pn = TXT_WORD == t->kind ? longest_k(&s, lx->places, LX_PLACES, i, &pv) : 0;
        if (pn && pv && 0 == strncmp(pv, "city", strlen("city")) && i + pn <= e) {
            static const struct word_len team[] = { WL("فريق"), WL("فريقه"), WL("فريقها"), WL("ناديه"),
                                                    WL("ناديها") };
            int named_team = i > b && !has_clitic(t) && !has_clitic(tok(&s, i - 1)) &&
                             in_words(tok(&s, i - 1)->base, team, sizeof(team) / sizeof(team[0]));
            const struct txt_token *nx = i + pn < e ? tok(&s, i + (uint32_t)pn) : NULL;
            int masc = nx && !has_clitic(nx) && 1 == longest_k(&s, lx->nationalities, LX_NATIONALITIES, i + (uint32_t)pn, NULL) &&
                       !feminine(nx);
            if (named_team || masc) {
                int rc = add(&s, i, i + (uint32_t)pn, NER_ORG, ENT_SRC_RULE, 3);
                if (LQ_OK != rc)
                    return rc;
                i += (uint32_t)pn;
                continue;
            }
        }
        int start = 0;
        if (club_role(t) && !definite(t) && i + 1 < e && !has_clitic(tok(&s, i + 1)) &&
            club_word(&s, i + 1)) {
            i++;
            start = 1;
        } else {
            const char *v = NULL;
            start = longest_k(&s, lx->organizations, LX_ORGANIZATIONS, i, &v) == 1 && v && 0 == strcmp(v, "club") &&
                    i + 1 < e && clitic_is(tok(&s, i + 1), "و");
        }
        if (!start) {
            i++;
            continue;
        }
        /* the club at i, and the clubs coordinated with it */
        uint32_t k = i;
        int rc = add(&s, k, k + 1, NER_ORG, ENT_SRC_RULE, 3);
        if (LQ_OK != rc)
            return rc;
        while (k + 1 < e && k - i < 8 && clitic_is(tok(&s, k + 1), "و") && club_word(&s, k + 1)) {
            k++;
            if (LQ_OK != (rc = add(&s, k, k + 1, NER_ORG, ENT_SRC_RULE, 3)))
                return rc;
        }
        i = k + 1;
    }
    return LQ_OK;
}

int
ent_rules(struct ent_work *w)
{
    const struct txt_doc *doc = w->doc;
    /* an article about sport: words of matches and leagues (cues.txt class
     * sports) and of football reporting */
    unsigned sports = 0;
    for (size_t i = 0; i < doc->ntokens && sports < 3; i++) {
        /* first_bits() rules most words out; the rules need the bits anyway */
        if (w->lx->cues && (NULL == w->first_memo || (first_bits(w, i) & ENT_FIRST_CUES))) {
            const char *c = lex_get(w->lx->cues, doc->tokens[i].base);
            if (c && 0 == strcmp(c, "sports"))
                sports++;
        }
        if (sports_word(doc->tokens[i].base))
            sports++;
    }
    w->sports = sports >= 3;
    for (size_t si = 0; si < doc->nsents; si++) {
        int rc = sentence_rules(w, doc->sents[si].tok_begin, doc->sents[si].tok_end);
        if (LQ_OK == rc)
            rc = club_rules(w, doc->sents[si].tok_begin, doc->sents[si].tok_end);
        if (LQ_OK != rc)
            return rc;
    }
    return LQ_OK;
}

/* end of entity_rules.c */
