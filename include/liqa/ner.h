/**
 * @file ner.h
 * @brief Statistical named-entity tagger: averaged structured perceptron
 *        over BIOES labels, Viterbi decoding with transition constraints.
 *
 * Prefix ner_. The model (struct ner_model) is read-only after loading and
 * shared by all threads; each thread tags with its own struct ner_tagger.
 * Features are computed by ner_features_*() from struct txt_token fields
 * (key, base, stem, clitics, kind, flags) and lexicon membership, so the
 * same code serves training on CoNLL corpora and tagging live text.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct txt_doc;
struct txt_token;
struct lq_lexicons;
struct lq_arena;

/** Entity types, also used by the entity and event stages. */
enum ner_type {
    NER_NONE = 0,
    NER_PER = 1,
    NER_ORG = 2,
    NER_LOC = 3,
};
#define NER_NTYPES 4

/** API name of a type: "PERSON", "ORGANIZATION", "LOCATION"; NULL for NER_NONE. */
const char *
ner_type_name(enum ner_type t);

/** A tagged span of tokens [tok_begin, tok_end) within one sentence. */
struct ner_span {
    uint32_t tok_begin, tok_end;
    enum ner_type type;
    float margin; /**< score of the best path minus the best path without this span's labels; >= 0 */
};

struct ner_model;
struct ner_tagger;

/**
 * Load a model file (format in model/README.md).
 * @param lex  the lexicons its features use (borrowed, must outlive the model)
 * @return LQ_OK, LQ_ERR_IO, LQ_ERR_FORMAT (bad magic, version, size or
 *         checksum), LQ_ERR_NOMEM; @p err names the file
 */
int
ner_model_load(const char *path, const struct lq_lexicons *lex, struct ner_model **out, char *err,
               size_t errlen);

void
ner_model_free(struct ner_model *m);

/** Identifier of the model, e.g. "ner-perceptron-v1:3f2a9c01" (owned by the model). */
const char *
ner_model_id(const struct ner_model *m);

/** A tagger for one thread; NULL when out of memory. */
struct ner_tagger *
ner_tagger_new(const struct ner_model *m);

void
ner_tagger_free(struct ner_tagger *t);

/**
 * Tag tokens [tok_begin, tok_end) of @p doc (normally one sentence) with
 * the first stage alone.
 * @param spans  receives up to @p max spans, in order
 * @param n      receives the number of spans found (may be > max: then
 *               only max were stored)
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_tag(struct ner_tagger *t, const struct txt_doc *doc, size_t tok_begin, size_t tok_end,
        struct ner_span *spans, size_t max, size_t *n);

/**
 * Tag every sentence of @p doc in two stages when the model has a second
 * stage (format version 3; model/README.md): the first stage is ner_tag();
 * the second sees, for each token, what the first found at the other
 * occurrences of its word, its word pairs and its spans in the document.
 * Then make the tags consistent across the
 * document: a token sequence the first pass tagged somewhere is tagged
 * with the same type (the majority, when it was found with several) where
 * it occurs untagged elsewhere; the first word is compared by its stem
 * (so a proclitic does not matter), the others by key; and the last word
 * of a multi-word PERSON name is a PERSON where it stands alone (4+
 * letters, not a nonname word). Added spans get the best margin of the
 * spans they copy. Bounded work: linear in the tokens (at most 8 dictionary
 * probes per token for the rules, a few for the second stage).
 * @param spans  receives up to @p max spans, in document order
 * @param n      receives the number found (may be > max)
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_tag_doc(struct ner_tagger *t, const struct txt_doc *doc, struct ner_span *spans, size_t max,
            size_t *n);

/* end of ner.h */
