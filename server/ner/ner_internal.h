/**
 * @file ner_internal.h
 * @brief Internals of the ner module shared by its sources, the training and
 *        evaluation tools and the unit tests. Not part of the pipeline API.
 *
 * Labels are BIOES over PER, ORG, LOC: label 0 is O, and type t (1..3) with
 * position p (B=0, I=1, E=2, S=3) is label 1 + 4 * (t - 1) + p.
 *
 * Features are 64-bit hashes: a string hash (FNV-1a over the match key
 * bytes) mixed with a template number. Each token's strings are hashed once
 * (struct ner_tokinfo), then the templates combine those hashes, so tagging
 * builds no strings and allocates nothing per token.
 *
 * Ownership: every function that returns a pointer through an out-parameter
 * says who frees it; nothing here keeps a pointer to its arguments unless
 * stated.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "liqa/ner.h"
#include "liqa/ner_corpus.h"

struct txt_token;
struct txt_doc;
struct lq_lexicons;
struct txt_ctx;
struct lq_arena;

/* ------------------------------------------------------------------ labels */

#define NER_NLABELS 13

enum ner_pos {
    NER_POS_B = 0,
    NER_POS_I = 1,
    NER_POS_E = 2,
    NER_POS_S = 3,
};

/** Label of type @p t at position @p p; 0 (O) for NER_NONE. */
static inline int
ner_label(enum ner_type t, enum ner_pos p)
{
    return NER_NONE == t ? 0 : 1 + 4 * ((int)t - 1) + (int)p;
}

/** Type of label @p l (NER_NONE for O). */
static inline enum ner_type
ner_label_type(int l)
{
    return 0 == l ? NER_NONE : (enum ner_type)(1 + (l - 1) / 4);
}

/** Position of label @p l (meaningless for O). */
static inline enum ner_pos
ner_label_pos(int l)
{
    return (enum ner_pos)((l - 1) % 4);
}

/** Name of label @p l: "O", "B-PER", ... "S-LOC" (static). */
const char *
ner_label_name(int l);

/** 1 when label @p b may follow label @p a under BIOES. */
int
ner_allowed(int a, int b);

/** 1 when a sequence may start (end) with label @p l. */
int
ner_allowed_start(int l);
int
ner_allowed_end(int l);

/* ------------------------------------------------------------------ hashing */

/** FNV-1a 64 of @p n bytes. */
static inline uint64_t
ner_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/** splitmix64 finaliser. */
static inline uint64_t
ner_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/** Feature key of template @p tmpl over string hash @p h; never 0. */
static inline uint64_t
ner_feat(unsigned tmpl, uint64_t h)
{
    uint64_t f = ner_mix(h + 0x9e3779b97f4a7c15ull * (uint64_t)(tmpl + 1));
    return f ? f : 1;
}

/** Combine two hashes (for bigram templates and word sequences). */
static inline uint64_t
ner_hash2(uint64_t a, uint64_t b)
{
    return ner_mix(a * 0x9e3779b97f4a7c15ull + b);
}

/* ----------------------------------------------------------------- features */

/** Lexicon classes used as features (bit numbers of ner_tokinfo.lex). */
enum ner_lexclass {
    NER_LX_FIRST = 0,   /**< first_names */
    NER_LX_TITLE = 1,   /**< titles */
    NER_LX_HONOR = 2,   /**< honorifics */
    NER_LX_ORGHEAD = 3, /**< org_heads */
    NER_LX_NAT = 4,     /**< nationalities */
    NER_LX_PLACE = 5,   /**< places */
    NER_LX_ORG = 6,     /**< organizations */
    NER_LX_NONNAME = 7, /**< nonname */
    NER_LX_CONF = 8,    /**< the classes above are read from config/lexicons */
    /* gazetteers a model was trained with and carries (ner_model_set_gaz()) */
    NER_LX_GPER = 8,    /**< gazetteer: person names */
    NER_LX_GORG = 9,    /**< gazetteer: organizations */
    NER_LX_GLOC = 10,   /**< gazetteer: places */
    NER_LX_N = 11,
};

/** Bits of the gazetteer classes in a class mask. */
#define NER_LX_GAZ_MASK ((uint16_t)(1u << NER_LX_GPER | 1u << NER_LX_GORG | 1u << NER_LX_GLOC))

/** Lexicons compiled into one hash table of word sequences. */
struct ner_lexfeat;

/**
 * Compile the feature lexicons of @p lex (may be NULL: no lexicon features).
 * @param out  the table, free with ner_lexfeat_free()
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_lexfeat_new(const struct lq_lexicons *lex, struct ner_lexfeat **out);

void
ner_lexfeat_free(struct ner_lexfeat *lf);

/** Number of word sequences in the table (for logs). */
size_t
ner_lexfeat_size(const struct ner_lexfeat *lf);

/**
 * Order-independent fingerprint of the table's contents. A model records
 * the fingerprint of the lexicons it was trained with (meta "lexicons:").
 */
uint64_t
ner_lexfeat_fingerprint(const struct ner_lexfeat *lf);

/** Add one entry (a folded key, words separated by one space) of class @p cls. */
int
ner_lexfeat_add(struct ner_lexfeat *lf, const char *key, enum ner_lexclass cls);

/**
 * The gazetteer part of a table (the sequences with a bit of
 * NER_LX_GAZ_MASK, and the proper prefixes of such entries), in ascending
 * key order: flags are the gazetteer class bits, plus NER_GAZ_PREFIX when a
 * longer gazetteer entry continues.
 * @param keys, flags  receive arrays the caller frees with free() (NULL when
 *                     the count is 0)
 * @return the count, or (size_t)-1 when memory runs out
 */
size_t
ner_lexfeat_gaz_export(const struct ner_lexfeat *lf, uint64_t **keys, uint16_t **flags);

#define NER_GAZ_PREFIX ((uint16_t)0x8000u)

/** Add @p n exported gazetteer sequences to @p lf. @return LQ_OK or LQ_ERR_NOMEM */
int
ner_lexfeat_gaz_import(struct ner_lexfeat *lf, const uint64_t *keys, const uint16_t *flags,
                       size_t n);

/** Word classes: stem hash → class 1..K (0: unknown word). */
struct ner_clusters;

/**
 * Build a class table from @p n entries (keys non-zero; duplicates keep the
 * first). @param out  free with ner_clusters_free()
 */
int
ner_clusters_build(const uint64_t *keys, const uint16_t *cls, size_t n, struct ner_clusters **out);

void
ner_clusters_free(struct ner_clusters *c);

/** Class of a stem hash; 0 when unknown or @p c is NULL. */
uint16_t
ner_clusters_get(const struct ner_clusters *c, uint64_t key);

/** The entries in ascending key order (owned by @p c); returns their number. */
size_t
ner_clusters_entries(const struct ner_clusters *c, const uint64_t **keys, const uint16_t **cls);

/**
 * Cluster the words of a text with the exchange algorithm.
 * @param seq        stem hashes (ner_tokinfo.hstem) of the text; 0 ends a sentence
 * @param k          number of classes
 * @param min_count  rarer words get no class
 * @param iters      most passes over the vocabulary
 * @param log        FILE * for progress, or NULL
 * @param out        the table, free with ner_clusters_free()
 */
int
ner_cluster_words(const uint64_t *seq, size_t n, unsigned k, unsigned min_count, unsigned iters,
                  void *log, struct ner_clusters **out);

/** Per-token hashes and classes, computed once per token. */
struct ner_tokinfo {
    uint64_t hkey, hbase, hstem, hclit;
    uint64_t hpre[4], hsuf[4]; /**< stem prefixes and suffixes of 1..4 code points */
    uint32_t shape;            /**< small shape code (kind, length, ال, clitics) */
    uint16_t lex;              /**< bit c: base or stem is a one-word entry of class c */
    uint16_t mwb;              /**< bit c: a multiword entry of class c starts here */
    uint16_t mwi;              /**< bit c: a multiword entry of class c continues here */
    uint16_t mwe;              /**< bit c: a multiword entry of class c ends here */
    uint16_t cls;              /**< word class of the stem (0: unknown) */
    uint16_t alt_cls;          /**< word class of the alternative stem */
    uint16_t alt_lex;          /**< lexicon classes of the alternative stem */
    uint64_t halt;             /**< alternative stem: the key without a leading
                                    و ف ب ل ك the text layer left attached (0: none) */
    uint16_t has_cls;          /**< 1 when a class table was given */
    uint32_t cps;              /**< code points of the stem */
};

/** The hashes document consistency compares a token by. */
struct ner_match {
    uint64_t stem; /**< as ner_tokinfo.hstem */
    uint64_t alt;  /**< as ner_tokinfo.halt (0: none) */
    uint64_t key;  /**< as ner_tokinfo.hkey */
    uint32_t cps;  /**< code points of the stem */
    uint16_t lex;  /**< lexicon classes of base or stem (as ner_tokinfo.lex) */
};

void
ner_token_match(const struct ner_lexfeat *lf, const struct txt_token *t, struct ner_match *out);

/** ner_token_match() of a token whose info ner_tokinfo_fill() filled with the same @p lf. */
static inline void
ner_tokinfo_match(const struct ner_tokinfo *ti, struct ner_match *out)
{
    out->stem = ti->hstem;
    out->alt = ti->halt;
    out->key = ti->hkey;
    out->cps = ti->cps;
    out->lex = ti->lex; /* the one-word classes of base and stem, as ner_token_match() finds */
}

/** Upper bound of ner_token_features()' output. */
#define NER_MAX_FEATS 128

/** Version of the feature templates; a model records the version it was trained with. */
#define NER_FEAT_VERSION 2u

/**
 * Hash the strings of @p n tokens and find their lexicon and word classes.
 * @param lf  compiled lexicons or NULL
 * @param cl  word classes or NULL (then no class features)
 */
void
ner_tokinfo_fill(const struct ner_lexfeat *lf, const struct ner_clusters *cl,
                 const struct txt_token *toks, size_t n, struct ner_tokinfo *info);

/**
 * Feature keys of token @p i of a sequence of @p n tokens.
 * @param out  receives at most NER_MAX_FEATS keys
 * @return the number of keys written
 */
size_t
ner_token_features(const struct ner_tokinfo *info, size_t n, size_t i, uint64_t *out);

/**
 * What a token contributes to the features of a token at a given distance:
 * its own (SELF), or as the token before (M1), two before (M2), after (P1)
 * or two after (P2) the one being scored.
 */
enum ner_role {
    NER_ROLE_SELF = 0,
    NER_ROLE_M1,
    NER_ROLE_M2,
    NER_ROLE_P1,
    NER_ROLE_P2,
    NER_NROLES,
};

/**
 * The keys of ner_token_features() that read one token alone, in role
 * @p role: they depend on nothing but that token's info, so a tagger may
 * sum their weights once per word type. @p t NULL stands for the sentence
 * edge (before the first token for M1 and M2, after the last for P1 and P2;
 * not for SELF). @p has_cls is ner_tokinfo.has_cls.
 * Token i's keys, as a multiset, are its SELF keys, the M1 keys of token
 * i-1, the M2 keys of i-2, the P1 keys of i+1, the P2 keys of i+2 (edges
 * where they do not exist) and its ner_pair_features().
 * @param out  receives at most NER_MAX_FEATS keys
 * @return the number of keys
 */
size_t
ner_role_features(const struct ner_tokinfo *t, int has_cls, unsigned role, uint64_t *out);

/** The keys of ner_token_features() that read token i with a neighbour or its place. */
size_t
ner_pair_features(const struct ner_tokinfo *info, size_t n, size_t i, uint64_t *out);

/* -------------------------------------------------------------------- model */

/** Transition weights; constraints are applied by the decoder, not stored. */
struct ner_trans {
    float start[NER_NLABELS];
    float trans[NER_NLABELS][NER_NLABELS]; /**< [from][to] */
    float end[NER_NLABELS];
};

/**
 * One feature of a loaded model: a 32-bit tag (the key's high half; the low
 * half picks the slot) and the quantised weights; 32 bytes, so a probe reads
 * half a cache line. Two keys can only be confused when they share the tag
 * and the probe chain (odds about 1 in 10^9 per lookup).
 */
struct ner_slot {
    uint32_t tag; /**< 0: empty slot */
    int16_t w[NER_NLABELS];
    int16_t pad_;
};

/** Tag of a key in the slot table (never 0). */
static inline uint32_t
ner_slot_tag(uint64_t key)
{
    uint32_t t = (uint32_t)(key >> 32);
    return t ? t : 1;
}

#define NER_MODEL_VERSION 4u
#define NER_ALGO_PERCEPTRON 1u

struct ner_model {
    uint32_t version, algo, feat_version;
    float scale; /**< emission weight = w * scale */
    struct ner_trans tr;
    struct ner_slot *slots; /**< open addressing, mask + 1 slots */
    size_t mask;
    size_t nfeat;
    uint64_t *keys;         /**< the nfeat full keys, ascending (for saving) */
    uint64_t checksum;
    struct ner_lexfeat *lexf; /**< owned */
    struct ner_clusters *clusters; /**< owned; NULL when the model has none */
    char *meta;               /**< owned: free text recorded at training */
    /** owned: the second stage, or NULL. NER_STACK_RESIDUAL: weights of
     *  document features added to the first stage's emissions (only slots,
     *  mask, nfeat, keys and scale are used); NER_STACK_FULL: a whole model
     *  (first-stage templates plus document features, its own transitions) */
    struct ner_model *doc;
    uint32_t doc_mode;
    /** owned: the gazetteer sequences the model was trained with (format 4;
     *  also imported into lexf), ascending keys; ngaz = 0: none */
    uint64_t *gaz_keys;
    uint16_t *gaz_flags;
    size_t ngaz;
    char id[64];
};

/**
 * Give @p m the gazetteer part of @p lf (ner_lexfeat_gaz_export()): it is
 * saved with the model and added to the model's own lexicon table, so that
 * the tagger sees the gazetteer classes it was trained with. Replaces any
 * gazetteer the model had; the checksum and id are recomputed.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_model_set_gaz(struct ner_model *m, const struct ner_lexfeat *lf);

/**
 * Give @p m a second stage: weights of document features (ner_doc_features())
 * added to the first stage's emissions by ner_tag_doc(). Replaces any
 * second stage it had; the checksum and id are recomputed.
 * @param keys  @p n distinct non-zero keys; @p rows  n * NER_NLABELS weights
 * @return LQ_OK, LQ_ERR_NOMEM, LQ_ERR_INVALID
 */
int
ner_model_set_doc(struct ner_model *m, const uint64_t *keys, const float *rows, size_t n);

#define NER_STACK_RESIDUAL 1u
#define NER_STACK_FULL 2u

/**
 * Give @p m a whole second-stage model @p d (taken over, also on failure):
 * its emissions over the first-stage templates and the document features
 * replace the first stage's, with its own transitions.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_model_set_doc_model(struct ner_model *m, struct ner_model *d);

/**
 * Build a model from float weights (quantised to int16 with one scale).
 * Rows whose weights all quantise to 0 are dropped.
 * @param keys  @p nfeat feature keys (distinct, non-zero)
 * @param rows  @p nfeat * NER_NLABELS weights
 * @param cl    word classes the features used (copied; may be NULL)
 * @param meta  free text kept in the file (copied; may be NULL)
 * @param lex   lexicons for the features (borrowed; may be NULL)
 * @param out   the model, free with ner_model_free()
 * @return LQ_OK, LQ_ERR_NOMEM, LQ_ERR_INVALID
 */
int
ner_model_build(const uint64_t *keys, const float *rows, size_t nfeat, const struct ner_trans *tr,
                const struct ner_clusters *cl, const char *meta, const struct lq_lexicons *lex,
                struct ner_model **out);

/**
 * Write @p m in the format of model/README.md.
 * @return LQ_OK or LQ_ERR_IO (with @p err naming the file)
 */
int
ner_model_save(const struct ner_model *m, const char *path, char *err, size_t errlen);

/** Parse a model image held in memory (used by ner_model_load()). */
int
ner_model_parse(const unsigned char *buf, size_t len, const char *name,
                const struct lq_lexicons *lex, struct ner_model **out, char *err, size_t errlen);

/** The slot of @p key, or NULL. */
static inline const struct ner_slot *
ner_model_find(const struct ner_model *m, uint64_t key)
{
    size_t i = (size_t)key & m->mask;
    uint32_t tag = ner_slot_tag(key);
    for (;;) {
        const struct ner_slot *s = &m->slots[i];
        if (s->tag == tag)
            return s;
        if (0 == s->tag)
            return NULL;
        i = (i + 1) & m->mask;
    }
}

/* ------------------------------------------------------- second stage */

/** Upper bound of ner_doc_features()' output. */
#define NER_MAX_DOCFEATS 24

/** What the first stage found in a document, by word (stem) and word pair. */
struct ner_docstat;

int
ner_docstat_new(struct ner_docstat **out);

void
ner_docstat_free(struct ner_docstat *ds);

/**
 * Count the first-stage labels of the @p n tokens of a document by stem
 * hash, and the word pairs inside one entity. Bounded: one probe per token.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_docstat_build(struct ner_docstat *ds, const uint64_t *stem, const uint8_t *labels, size_t n);

/**
 * Document feature keys of token @p i (document index) of the chunk
 * [@p b, @p e): how the first stage labelled the other occurrences of its
 * stem (or alternative stem @p alt) in the document, and of its word pairs;
 * the first-stage labels around it; its word class @p cls (may be NULL).
 * @param out  receives at most NER_MAX_DOCFEATS keys
 * @return the number of keys
 */
size_t
ner_doc_features(const struct ner_docstat *ds, const uint64_t *stem, const uint64_t *alt,
                 const uint16_t *cls, const uint8_t *labels, size_t b, size_t e, size_t i,
                 uint64_t *out);

/**
 * First stage over every sentence of @p doc, then the document features of
 * every token (the input of the second stage; for training it).
 * @param emit  receives ntokens * NER_NLABELS first-stage emissions
 * @param keys  receives the feature keys, token i's at [kofs[i], kofs[i+1])
 * All three arrays are owned by @p t and valid until its next use.
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_tag_doc_input(struct ner_tagger *t, const struct txt_doc *doc, const float **emit,
                  const uint64_t **keys, const size_t **kofs);

/** Options of ner_tag_doc_ex(): bits. */
enum {
    NER_DOC_NO_STACK = 1,       /**< do not apply the second stage */
    NER_DOC_NO_CONSISTENCY = 2, /**< do not apply the consistency rules */
};

/** ner_tag_doc() with options (for the evaluation tool). */
int
ner_tag_doc_ex(struct ner_tagger *t, const struct txt_doc *doc, struct ner_span *spans, size_t max,
               size_t *n, unsigned flags);

/* ------------------------------------------------------------------ decoder */

/**
 * Constrained first-order Viterbi.
 * @param emit    n * NER_NLABELS emission scores
 * @param delta   scratch of n * NER_NLABELS floats
 * @param bp      scratch of n * NER_NLABELS bytes
 * @param labels  receives n labels
 * @return the best path's score
 */
float
ner_viterbi(const struct ner_trans *tr, const float *emit, size_t n, float *delta, uint8_t *bp,
            uint8_t *labels);

/**
 * Backward max scores: beta[i][l] = best score of labels i+1..n-1 given
 * label l at i (emissions after i and transitions, end weight included).
 */
void
ner_backward(const struct ner_trans *tr, const float *emit, size_t n, float *beta);

/**
 * Spans of a BIOES label sequence (well-formed by construction of the
 * decoder; stray I/E are read leniently as B).
 * @return the number of spans (may exceed @p max; only max are stored)
 */
size_t
ner_labels_to_spans(const uint8_t *labels, size_t n, struct ner_span *spans, size_t max);

/* ------------------------------------------------------------------ corpora */

/* The corpus types and functions (struct ner_sent, struct ner_corpus,
 * ner_corpus_read(), ner_sent_spans(), struct ner_score, ...) are in
 * liqa/ner_corpus.h. */

/** BIOES labels of the gold spans of @p s (s->n labels). */
void
ner_sent_labels(const struct ner_sent *s, uint8_t *labels);

/**
 * Analyse the words of a corpus sentence with txt_analyze_word() into a
 * one-sentence document (tokens and strings in @p arena; doc->text is NULL).
 * @return LQ_OK or LQ_ERR_NOMEM
 */
int
ner_sent_analyze(const struct txt_ctx *tx, struct lq_arena *arena, const struct ner_sent *s,
                 struct txt_doc *doc);

/* ----------------------------------------------------------------- training */

/** Text windows of held-out data, to keep copies of it out of training. */
struct ner_exclude;

/** Window length in code points of folded text with spaces removed. */
#define NER_EXCLUDE_WINDOW 32u

int
ner_exclude_new(struct ner_exclude **out);

void
ner_exclude_free(struct ner_exclude *ex);

/** Add every window of a corpus read as one stream. */
int
ner_exclude_add(struct ner_exclude *ex, const struct ner_corpus *c);

/** 1 when a window of @p s is in the set. */
int
ner_exclude_hits(const struct ner_exclude *ex, const struct ner_sent *s);

struct ner_train_opts {
    unsigned epochs;    /**< passes over the training data */
    uint64_t seed;      /**< shuffling seed */
    unsigned min_count; /**< features seen fewer times are dropped */
    int average;        /**< 1: averaged perceptron (default) */
    float margin;       /**< cost added to every wrong label while training
                             (loss-augmented decoding); 0: plain perceptron */
    float o_bias;       /**< subtracted from every O score of the final model
                             (trades precision for recall); 0: none */
    float prune;        /**< features whose largest |weight| is below this are
                             left out of the model; 0: keep all */
    float pa_c;         /**< > 0: passive-aggressive (PA-I) steps of at most
                             this size instead of perceptron steps of 1 */
};

struct ner_trainer;

/**
 * @param lf     compiled lexicons (borrowed; may be NULL)
 * @param cl     word classes (borrowed; may be NULL)
 * @param tx     text context for txt_analyze_word() (borrowed)
 * @param adapt  1: domain adaptation by feature augmentation (Daumé 2007):
 *               every feature also gets a copy private to its corpus; the
 *               model keeps the shared weights plus those of domain 0
 */
int
ner_trainer_new(const struct ner_lexfeat *lf, const struct ner_clusters *cl,
                const struct txt_ctx *tx, int adapt, struct ner_trainer **out);

void
ner_trainer_free(struct ner_trainer *tr);

/**
 * Analyse and add sentences to the training set (dev = 0) or dev set
 * (dev = 1). @p domain numbers the corpus (0: the target domain; the dev
 * set should be 0); it matters only with adaptation.
 */
int
ner_trainer_add(struct ner_trainer *tr, const struct ner_sent *sents, size_t n, int dev,
                unsigned domain);

/**
 * Extra feature keys for the first sentence of the next ner_trainer_add()
 * (token i's at keys[kofs[i] - kofs[0] ...]); NULL: none. Borrowed until then.
 */
void
ner_trainer_set_extra(struct ner_trainer *tr, const uint64_t *keys, const size_t *kofs);

/**
 * Lexicon dropout: each training token added from now on loses its lexicon
 * classes (its own and as a neighbour) with probability @p p, so that the
 * model does not rely on the lexicons alone. 0: off (the default).
 */
void
ner_trainer_set_dropout(struct ner_trainer *tr, float p, uint64_t seed);

/** Sentences and tokens in the training set. */
void
ner_trainer_sizes(const struct ner_trainer *tr, size_t *sents, size_t *tokens, size_t *dev_sents);

/**
 * Train; prints one line per epoch (with dev F1 when there is a dev set) to
 * @p log (FILE *, may be NULL).
 * @param dev_f1  if not NULL, receives the dev micro F1 of each epoch (epochs entries)
 */
int
ner_trainer_run(struct ner_trainer *tr, const struct ner_train_opts *o, void *log, double *dev_f1);

/** Model of the (averaged) weights of the last run. */
int
ner_trainer_model(const struct ner_trainer *tr, const char *meta, const struct lq_lexicons *lex,
                  struct ner_model **out);

/* ------------------------------------------------- second-stage training */

/** Perceptron over document features on top of fixed first-stage emissions. */
struct ner_stack_trainer;

int
ner_stack_trainer_new(struct ner_stack_trainer **out);

void
ner_stack_trainer_free(struct ner_stack_trainer *st);

/**
 * Add one sentence of @p n tokens: first-stage emissions (n * NER_NLABELS,
 * of the model whose transitions are @p tr), document feature keys
 * (token i's at keys[kofs[i] - kofs[0] ...]), gold labels. Copies all.
 */
int
ner_stack_trainer_add(struct ner_stack_trainer *st, const struct ner_trans *tr, const float *emit,
                      const uint64_t *keys, const size_t *kofs, const uint8_t *gold, size_t n);

/**
 * Train @p epochs passes (shuffled with @p seed, loss-augmented by
 * @p margin, averaged); log (FILE *) may be NULL.
 * @param keys, rows  receive the features and their averaged weights
 *        (malloc'd; free() them), @p n their number
 */
int
ner_stack_trainer_run(struct ner_stack_trainer *st, unsigned epochs, float margin, uint64_t seed,
                      void *log, uint64_t **keys, float **rows, size_t *n);

/* end of ner_internal.h */
