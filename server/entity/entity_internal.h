/**
 * @file entity_internal.h
 * @brief Internals shared by the files of the entity stage: the candidate
 *        spans that rules, lexicons and the tagger propose, the context,
 *        and the coreference step.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "liqa/entity.h"
#include "liqa/lexicon.h"
#include "liqa/resources.h"

struct lq_arena;
struct lq_lexicons;
struct txt_doc;

struct ent_ctx {
    const struct lq_lexicons *lex;
    const struct ner_model *model;
    struct lex_firsts *firsts; /* first words of ent_first_lexicons(), or NULL */
};

#define ENT_FIRST_NLEX 12
#define ENT_FIRST_TIME_WORDS (1u << 8)
#define ENT_FIRST_CUES (1u << 9)
#define ENT_FIRST_NONNAME (1u << 10)
#define ENT_FIRST_TRIGGERS (1u << 11)
/* the public names of three of the bits (ent_result.tok_first) */
_Static_assert(ENT_TOK_FIRST_TITLES == 1u << 0 && ENT_TOK_FIRST_CUES == ENT_FIRST_CUES &&
                   ENT_TOK_FIRST_TRIGGERS == ENT_FIRST_TRIGGERS,
               "ent_result.tok_first bits follow ent_first_lexicons()");

/* The lexicons whose first words entity_rules.c keeps per token (bit k of
 * w->first_memo for out[k]); ctx->firsts indexes the same. A clear bit
 * means the lexicon holds the token's base neither as an entry nor as the
 * first words of one: lex_longest() and lex_get() of it give nothing. */
static inline void
ent_first_lexicons(const struct lq_lexicons *l, const struct lex *out[ENT_FIRST_NLEX])
{
    out[0] = l->titles;
    out[1] = l->honorifics;
    out[2] = l->nationalities;
    out[3] = l->places;
    out[4] = l->org_heads;
    out[5] = l->organizations;
    out[6] = l->first_names;
    out[7] = l->acronyms;
    out[8] = l->time_words;
    out[9] = l->cues;
    out[10] = l->nonname;
    out[11] = l->triggers;
}

/*
 * The hash of the stage's string tables (the repeat pass, coreference):
 * eight bytes a step, where a byte-wise hash cost a multiply per byte of
 * every word of the text. The tables are only asked about membership (none
 * is walked in slot order), so no answer depends on the hash.
 */
static inline uint64_t
ent_hash_str(const char *s)
{
    const uint64_t mul1 = 0xbf58476d1ce4e5b9ull, mul2 = 0x94d049bb133111ebull;
    size_t n = strlen(s);
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * mul2);
    while (n > 8) {
        uint64_t v;
        memcpy(&v, s, sizeof(v));
        h = (h ^ v) * mul1;
        h ^= h >> 31;
        s += 8;
        n -= 8;
    }
    uint64_t t = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, sizeof(a));
        memcpy(&b, s + n - 4, sizeof(b));
        t = ((uint64_t)a << 32) | b;
    } else if (n) {
        const unsigned char *p = (const unsigned char *)s;
        t = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
    }
    h = (h ^ t) * mul1;
    h ^= h >> 29;
    h *= mul2;
    h ^= h >> 32;
    return h;
}

/** A proposed mention: a token range with a type and where it came from. */
struct ent_cand {
    uint32_t b, e;         /* token range */
    enum ner_type type;
    unsigned source;       /* enum ent_source bits */
    int prio;              /* 3 rule, 2 lexicon, 1 tagger, 0 repeat */
    int32_t title_b;       /* PER from a title: the title's token range, else -1 */
    int32_t title_e;
    const char *expand;    /* acronym: the organization it stands for (lexicon text) */
    const char *country;   /* PER: the country a nationality adjective in its title names */
    int32_t mention;       /* index of the mention made of it, or -1 */
    float margin;          /* tagger: its margin; others 0 */
    uint8_t cut;           /* letters of an unsplit proclitic to skip (بشبه → شبه) */
};

/** A title phrase that names no person, kept for the descriptors. */
struct ent_titlephrase {
    uint32_t b, e;
    uint32_t sentence;
    const char *country;   /* from a nationality adjective, or NULL */
};

/** Everything one extraction builds on the way to struct ent_result. */
struct ent_work {
    const struct ent_ctx *ctx;
    const struct lq_lexicons *lx;
    const struct txt_doc *doc;
    struct lq_arena *arena;
    struct ent_cand *cands;
    size_t ncands, capcands;
    size_t ntagged;        /* the first ntagged candidates are the tagger's, in text order */
    struct ent_titlephrase *phrases;
    size_t nphrases, capphrases;
    int sports;            /* the article is about sport: club names count */
    uint8_t *nonname_memo; /* per token: 0 not looked up yet, else the nonname class + 1 */
    uint16_t *first_memo;  /* per token: 0 not looked up yet, else 0x8000 | the lexicons
                              its base starts an entry of (longest() in entity_rules.c) */
};

/** Append a candidate; LQ_OK or LQ_ERR_NOMEM. */
int
ent_add_cand(struct ent_work *w, const struct ent_cand *c);

/** Fill w->first_memo for the tokens the rules did not ask about. */
void
ent_first_bits_all(struct ent_work *w);

/** Trim, split and correct the tagger's candidates (after ent_rules). */
int
ent_clean_tagger(struct ent_work *w);

/**
 * A person the rules read that ends one word before the tagger's person
 * starting at the same token takes that word, when no lexicon knows it as
 * anything else and it is a word of two letters (وانغ of وانغ يي: the rules
 * do not judge words that short) or, after two words or more with no link
 * and no ال, a word shaped like a name that is no given name (يون سوك يول). Run after ent_clean_tagger(); linear in the
 * candidates. @return LQ_OK or LQ_ERR_NOMEM
 */
int
ent_extend_by_tagger(struct ent_work *w);

/** Run the rules and lexicons over every sentence, adding candidates. */
int
ent_rules(struct ent_work *w);

/**
 * Group the mentions of @p out into entities (fills entities, nmentions'
 * entity fields), with names, titles and affiliations from @p w's candidates.
 */
int
ent_coref(struct ent_work *w, struct ent_result *out);

/**
 * The consonant skeleton of a folded word, used to compare transliteration
 * variants: ال dropped, long vowels and hamza carriers dropped, ج/غ merged.
 * @return the length written to @p out (NUL-terminated, truncated to cap-1)
 */
size_t
ent_skeleton(const char *key, char *out, size_t cap);

/* end of entity_internal.h */
