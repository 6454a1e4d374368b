/* Unit tests of the arena: alignment, limits, reset. */
#include <stdint.h>
#include <string.h>

#include "liqa/arena.h"
#include "liqa/status.h"
#include "test.h"

static void
test_alloc_and_align(void)
{
    struct lq_arena *a = lq_arena_new(0);
    CHECK(NULL != a);
    for (size_t i = 1; i < 200; i++) {
        unsigned char *p = lq_arena_alloc(a, i);
        CHECK(NULL != p);
        CHECK_INT((uintptr_t)p % 16, 0);
        memset(p, 0xab, i);
    }
    /* a request larger than a block gets its own block */
    char *big = lq_arena_alloc(a, 1u << 20);
    CHECK(NULL != big);
    memset(big, 1, 1u << 20);
    char *s = lq_arena_strndup(a, "لقاء", strlen("لقاء"));
    CHECK_STR(s, "لقاء");
    int *z = lq_arena_calloc(a, 100, sizeof(int));
    CHECK(NULL != z);
    CHECK_INT(z[0] + z[99], 0);
    CHECK(NULL == lq_arena_calloc(a, SIZE_MAX / 2, 4));
    lq_arena_free(a);
    lq_arena_free(NULL);
}

static void
test_limit_and_reset(void)
{
    struct lq_arena *a = lq_arena_new(1000);
    CHECK(NULL != lq_arena_alloc(a, 900));
    CHECK(NULL == lq_arena_alloc(a, 200));
    CHECK(lq_arena_used(a) <= 1000);
    lq_arena_reset(a);
    CHECK_INT(lq_arena_used(a), 0);
    CHECK(NULL != lq_arena_alloc(a, 200));
    CHECK(NULL == lq_arena_alloc(a, SIZE_MAX));
    lq_arena_free(a);
}

static void
test_status_names(void)
{
    CHECK_STR(lq_status_str(LQ_OK), "ok");
    CHECK_STR(lq_status_str(LQ_ERR_NOMEM), "out_of_memory");
    CHECK_STR(lq_status_str(12345), "unknown_error");
}

int
main(void)
{
    test_alloc_and_align();
    test_limit_and_reset();
    test_status_names();
    return test_done();
}
