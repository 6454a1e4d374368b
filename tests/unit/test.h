/**
 * @file test.h
 * @brief Minimal helpers for the C unit tests: checks that report file and
 *        line and keep going, and the meson exit codes.
 *
 * A test program calls its cases, then `return test_done();`: 0 when every
 * check passed, 1 otherwise. TEST_SKIP (77) tells meson the test was skipped
 * (for example when ../shared is absent); TEST_SETUP_FAILURE (99) that the
 * test could not run at all.
 */
#pragma once

#include <stdio.h>
#include <string.h>

#define TEST_SKIP 77
#define TEST_SETUP_FAILURE 99

static int test_failures_;
static int test_checks_;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        test_checks_++;                                                               \
        if (!(cond)) {                                                                \
            test_failures_++;                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                             \
    } while (0)

#define CHECK_INT(a, b)                                                               \
    do {                                                                              \
        long long a_ = (long long)(a), b_ = (long long)(b);                           \
        test_checks_++;                                                               \
        if (a_ != b_) {                                                               \
            test_failures_++;                                                         \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__,     \
                    __LINE__, #a, a_, #b, b_);                                        \
        }                                                                             \
    } while (0)

#define CHECK_STR(a, b)                                                               \
    do {                                                                              \
        const char *a_ = (a), *b_ = (b);                                              \
        test_checks_++;                                                               \
        if (NULL == a_ || NULL == b_ || 0 != strcmp(a_, b_)) {                        \
            test_failures_++;                                                         \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__,       \
                    __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");            \
        }                                                                             \
    } while (0)

static inline int
test_done(void)
{
    fprintf(stderr, "%d checks, %d failed\n", test_checks_, test_failures_);
    return test_failures_ ? 1 : 0;
}

/* end of test.h */
