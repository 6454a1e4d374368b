/* Shared set-up of the ner command-line tools. */
#include "ner_tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liqa/resources.h"
#include "liqa/status.h"
#include "liqa/text.h"

int
ner_tool_setup(const char *dir, struct lq_lexicons **lex, struct txt_ctx **tx)
{
    char err[512] = "";
    *lex = NULL;
    *tx = NULL;
    if (dir) {
        int rc = lq_lexicons_load(dir, lex, err, sizeof(err));
        if (LQ_OK != rc) {
            fprintf(stderr, "lexicons: %s (%s)\n", err, lq_status_str(rc));
            return 1;
        }
    }
    int rc = txt_ctx_new(*lex ? (*lex)->protect : NULL, *lex ? (*lex)->known : NULL, tx);
    if (LQ_OK != rc) {
        fprintf(stderr, "text context: %s\n", lq_status_str(rc));
        lq_lexicons_free(*lex);
        *lex = NULL;
        return 1;
    }
    return 0;
}

int
ner_tool_read(const char *spec, struct ner_corpus *c)
{
    char err[512] = "";
    int rc = ner_corpus_read_spec(spec, c, err, sizeof(err));
    if (LQ_OK != rc) {
        fprintf(stderr, "%s (%s)\n", err, lq_status_str(rc));
        return 1;
    }
    return 0;
}

double
ner_tool_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* end of ner_tool.c */
