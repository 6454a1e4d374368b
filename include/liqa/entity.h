/**
 * @file entity.h
 * @brief The entity stage: tagger spans and rules → mentions → in-document
 *        coreference → entities with names, titles and affiliations.
 *
 * Prefix ent_. struct ent_ctx is read-only and shared; every array of
 * struct ent_result lives in the request arena.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "liqa/ner.h"

struct lq_arena;
struct lq_lexicons;
struct txt_doc;

/** How a mention was found (for debugging and confidence). */
enum ent_source {
    ENT_SRC_TAGGER = 1 << 0,  /**< the statistical tagger */
    ENT_SRC_RULE = 1 << 1,    /**< a pattern rule (title + name, head noun + modifiers, ...) */
    ENT_SRC_LEXICON = 1 << 2, /**< a lexicon entry (place, organization, acronym) */
    ENT_SRC_COREF = 1 << 3,   /**< a repeat of an earlier name found by coreference */
};

/** One mention of an entity in the text. */
struct ent_mention {
    uint32_t tok_begin, tok_end; /**< token range */
    uint32_t start, end;         /**< code point range, attached proclitics excluded */
    const char *text;            /**< the slice [start, end) of the text */
    enum ner_type type;
    int32_t entity;              /**< index into ent_result.entities */
    uint32_t sentence;
    unsigned source;             /**< enum ent_source bits */
};

/** One real-world referent. */
struct ent_entity {
    enum ner_type type;
    const char *name;      /**< fullest form */
    uint32_t *mentions;    /**< indexes into ent_result.mentions, in text order */
    size_t nmentions;
    const char *title;     /**< title or office stated in the article, or NULL */
    int32_t affiliation;   /**< entity index of the organization or country, or -1 */
    float confidence;      /**< 0..1 */
};

/**
 * A title phrase that names no person ("رئيس الاستخبارات العسكرية الروسية"),
 * so that the event stage can make its organization a participant.
 */
struct ent_descriptor {
    uint32_t tok_begin, tok_end;
    int32_t affiliation;   /**< the organization (or country) entity it heads, or -1 */
    uint32_t sentence;
};

struct ent_result {
    struct ent_mention *mentions; /**< in text order */
    size_t nmentions;
    struct ent_entity *entities;  /**< in order of first mention */
    size_t nentities;
    int32_t *tok_mention;         /**< doc->ntokens entries: mention covering the token, or -1 */
    struct ent_descriptor *descriptors;
    size_t ndescriptors;
    /** doc->ntokens entries, or NULL: for each token, whether the lexicons
     *  titles, cues and triggers of @c tok_first_lex hold its base
     *  (txt_token.base) as an entry or as the first words of a longer one
     *  (bits ENT_TOK_FIRST_*; the other bits are the stage's own). A clear
     *  bit means lex_longest() of that lexicon, base form first, gives 0 at
     *  the token. The entity stage finds these for its rules anyway; the
     *  event stage reads them rather than hashing every word again. */
    const uint16_t *tok_first;
    const struct lq_lexicons *tok_first_lex; /**< the lexicons of tok_first (borrowed) */
};

#define ENT_TOK_FIRST_TITLES (1u << 0)    /**< ent_result.tok_first: lq_lexicons.titles */
#define ENT_TOK_FIRST_CUES (1u << 9)      /**< ent_result.tok_first: lq_lexicons.cues */
#define ENT_TOK_FIRST_TRIGGERS (1u << 11) /**< ent_result.tok_first: lq_lexicons.triggers */

struct ent_ctx;

/**
 * @param lex    lexicons (borrowed; must outlive the context)
 * @param model  the tagger model (borrowed; may be NULL: rules and lexicons only)
 */
int
ent_ctx_new(const struct lq_lexicons *lex, const struct ner_model *model, struct ent_ctx **out);

void
ent_ctx_free(struct ent_ctx *ctx);

/**
 * Find the entities of a document.
 * @param tagger  this thread's tagger (may be NULL when the context has no model)
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ent_extract(const struct ent_ctx *ctx, struct ner_tagger *tagger, const struct txt_doc *doc,
            struct lq_arena *arena, struct ent_result *out);

/* end of entity.h */
