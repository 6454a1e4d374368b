/* Unit tests of the lexicon loader: the project's files, ICU places, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liqa/lexicon.h"
#include "liqa/resources.h"
#include "liqa/status.h"
#include "test.h"

static void
test_project_lexicons(const char *dir)
{
    struct lq_lexicons *lx = NULL;
    char err[512] = "";
    int rc = lq_lexicons_load(dir, &lx, err, sizeof(err));
    CHECK_INT(rc, LQ_OK);
    if (LQ_OK != rc) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    /* countries come from ICU's Arabic locale data */
    CHECK_STR(lex_lookup(lx->places, "روسيا"), "country");
    CHECK(NULL != lex_lookup(lx->places, "مصر"));
    /* exemplar cities of ICU's time zones */
    CHECK(NULL != lex_lookup(lx->places, "القاهرة"));
    CHECK(NULL != lex_lookup(lx->places, "موسكو"));
    /* one-word places are protected from proclitic cuts and licence them */
    CHECK(NULL != lex_lookup(lx->protect, "بيروت"));
    CHECK(NULL != lex_lookup(lx->known, "موسكو"));
    /* the common nouns of nonname.txt licence a cut (لشؤون) */
    CHECK(NULL != lex_lookup(lx->known, "شؤون"));
    lq_lexicons_free(lx);
}

static void
test_missing_folder(void)
{
    struct lq_lexicons *lx = NULL;
    char err[512] = "";
    int rc = lq_lexicons_load("/nonexistent/lexicons", &lx, err, sizeof(err));
    CHECK_INT(rc, LQ_ERR_IO);
    CHECK(NULL == lx);
    CHECK(NULL != strstr(err, "/nonexistent/lexicons/"));
    lq_lexicons_free(NULL);
}

int
main(void)
{
    const char *src = getenv("LIQA_SOURCE_DIR");
    if (NULL == src)
        return TEST_SETUP_FAILURE;
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/config/lexicons", src);
    test_project_lexicons(dir);
    test_missing_folder();
    return test_done();
}
