/**
 * @file fuzz_common.h
 * @brief Helpers shared by the libFuzzer harnesses: where the data lives,
 *        and an invariant check that stops the fuzzer with a message.
 *
 * The harnesses check the promises of the module headers and of the HTTP
 * contract (offsets in range, mention text equal to its slice, ...), not
 * only the absence of crashes: a broken promise aborts, and libFuzzer keeps
 * the input as a crash artifact.
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "liqa-config.h"

/** Abort with a message when @p cond is false. */
#define FZ_CHECK(cond, ...)                                                                        \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n  ", __FILE__, __LINE__,          \
                    #cond);                                                                        \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/** Stop at start-up (not an input's fault): resources missing. */
#define FZ_DIE(...)                                                                                \
    do {                                                                                           \
        fprintf(stderr, "fuzz set-up failed: ");                                                   \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fputc('\n', stderr);                                                                       \
        exit(2);                                                                                   \
    } while (0)

/* The lexicon folder: $LIQA_LEXICON_DIR, else the source tree's. */
static inline const char *
fz_lexicon_dir(void)
{
    const char *d = getenv("LIQA_LEXICON_DIR");
    return (d && d[0]) ? d : LIQA_SOURCE_DIR "/config/lexicons";
}

/*
 * The NER model: $LIQA_FUZZ_MODEL ("" or "none" = rules alone), else the
 * first of the usual file names in the source tree's model/ that exists.
 */
static inline const char *
fz_model_path(void)
{
    static const char *const names[] = {
        LIQA_SOURCE_DIR "/model/ner.model",
        LIQA_SOURCE_DIR "/model/ner.bin",
        LIQA_SOURCE_DIR "/model/liqa-ner.model",
    };
    const char *m = getenv("LIQA_FUZZ_MODEL");
    if (m)
        return (0 == strcmp(m, "none")) ? "" : m;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        struct stat st;
        if (0 == stat(names[i], &st) && S_ISREG(st.st_mode))
            return names[i];
    }
    return "";
}

/* end of fuzz_common.h */
