/**
 * @file ner_corpus.h
 * @brief Reading and scoring labelled corpora, for the training and
 *        evaluation tools (liqa-train-ner, liqa-eval-ner, liqa-eval-entities).
 *        Not part of the pipeline API.
 *
 * Prefix ner_. A corpus is a CoNLL file of `token<TAB>tag` lines, a blank
 * line after each sentence; its tags are mapped onto PER/ORG/LOC by an
 * explicit tag-set mapping (every other class is O). Gold spans follow
 * conlleval semantics, and scores count exact-span matches by type.
 *
 * Ownership: ner_corpus_read() allocates the sentences it appends (free them
 * with ner_corpus_clear()); nothing else here allocates or keeps a pointer
 * to its arguments.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "liqa/ner.h"

/** Tag-set mappings of the corpora in ../shared/data. */
enum ner_tagset {
    NER_TAGSET_ANERCORP = 0, /**< B-PERS/LOC/ORG/MISC; MISC → O */
    NER_TAGSET_FANE = 1,     /**< coarse PER GPE LOC FAC ORG PRO VEH WEA; GPE LOC FAC → LOC */
    NER_TAGSET_AQMAR = 2,    /**< PER LOC ORG MIS*; MIS* and malformed → O */
};

/** Parse "anercorp", "fane", "aqmar"; -1 when unknown. */
int
ner_tagset_parse(const char *s);

/**
 * Map a corpus tag to a type and a B/I flag.
 * @param begin  set to 1 for B-, 0 for I- (unchanged for O)
 * @return the type, NER_NONE for O and every unmapped tag
 */
enum ner_type
ner_map_tag(enum ner_tagset ts, const char *tag, int *begin);

/** A corpus sentence: words and gold IOB2 tags already mapped. */
struct ner_sent {
    char **words;     /**< UTF-8 words */
    uint8_t *types;   /**< enum ner_type per word */
    uint8_t *begins;  /**< 1 when the tag was B- */
    size_t n;
};

/** The sentences of a corpus; zero-initialise before ner_corpus_read(). */
struct ner_corpus {
    struct ner_sent *sents;
    size_t nsents, cap;
};

/**
 * Read a CoNLL `token<TAB>tag` file, blank lines between sentences.
 * @param merge_clitics  join a standalone proclitic token (و ف ب ل ك) to the
 *                       next word, as raw text spells it
 * @param c  sentences are appended (heap memory, free with ner_corpus_clear())
 * @return LQ_OK, LQ_ERR_IO, LQ_ERR_FORMAT, LQ_ERR_NOMEM
 */
int
ner_corpus_read(const char *path, enum ner_tagset ts, int merge_clitics, struct ner_corpus *c,
                char *err, size_t errlen);

/**
 * ner_corpus_read() of a corpus named on a command line: "TAGSET:PATH", or
 * "TAGSET+merge:PATH" to join standalone proclitics (merge_clitics).
 * @return LQ_OK; LQ_ERR_INVALID for a bad name (with @p err saying why);
 *         or what ner_corpus_read() returns
 */
int
ner_corpus_read_spec(const char *spec, struct ner_corpus *c, char *err, size_t errlen);

/** Free the sentences of @p c (the heap memory of ner_corpus_read()) and empty it. */
void
ner_corpus_clear(struct ner_corpus *c);

/**
 * Gold spans of a sentence, with conlleval semantics (an I- that does not
 * continue a span of its type starts one); token indexes are the sentence's.
 * @return the number of spans (may exceed @p max; only max are stored)
 */
size_t
ner_sent_spans(const struct ner_sent *s, struct ner_span *spans, size_t max);

/** Entity-level counts per type (index enum ner_type; 0 = micro over all). */
struct ner_score {
    long tp[NER_NTYPES], fp[NER_NTYPES], fn[NER_NTYPES];
};

/** Count exact-span matches of @p pred against @p gold. */
void
ner_score_add(struct ner_score *sc, const struct ner_span *gold, size_t ngold,
              const struct ner_span *pred, size_t npred);

/** Micro F1 (0..100) over PER/ORG/LOC. */
double
ner_score_f1(const struct ner_score *sc, int type);

/** Print a conlleval-like table to @p f (FILE *). */
void
ner_score_print(const struct ner_score *sc, void *f);

/* end of ner_corpus.h */
