/**
 * @file ner_tool.h
 * @brief Shared set-up of the command-line tools liqa-train-ner,
 *        liqa-eval-ner and liqa-bench-ner (not part of the library).
 */
#pragma once

#include <stddef.h>

#include "ner_internal.h"

struct lq_lexicons;
struct txt_ctx;

/**
 * Load the lexicons of @p dir (NULL: none) and create the text context the
 * pipeline uses for them. On failure prints the error and returns non-zero.
 * @param lex  receives the lexicons or NULL (free with lq_lexicons_free())
 * @param tx   receives the context (free with txt_ctx_free())
 */
int
ner_tool_setup(const char *dir, struct lq_lexicons **lex, struct txt_ctx **tx);

/**
 * Read a corpus named "TAGSET:PATH" or "TAGSET+merge:PATH" (merge: join
 * standalone proclitic tokens to the next word). Prints errors.
 * @return 0 on success
 */
int
ner_tool_read(const char *spec, struct ner_corpus *c);

/** Seconds of a monotonic clock. */
double
ner_tool_now(void);

/* end of ner_tool.h */
