/* DealFinance — exact deal finance. A minimal test harness for the C ABI tests. */
#ifndef DFIN_TEST_CHECK_H
#define DFIN_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed = 0;
static int check_failed = 0;

/** Records one check; prints the failing expression and line. */
#define CHECK(condition)                                                                    \
    do {                                                                                    \
        if (condition) {                                                                    \
            check_passed++;                                                                 \
        } else {                                                                            \
            check_failed++;                                                                 \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #condition);           \
        }                                                                                   \
    } while (0)

/** Checks a status against its expected value, naming both. */
#define CHECK_STATUS(call, expected)                                                        \
    do {                                                                                    \
        dfin_status check_status_ = (call);                                                 \
        if (check_status_ == (expected)) {                                                  \
            check_passed++;                                                                 \
        } else {                                                                            \
            check_failed++;                                                                 \
            fprintf(stderr, "FAIL %s:%d: %s returned %s, expected %s\n", __FILE__, __LINE__, \
                    #call, dfin_status_string(check_status_), dfin_status_string(expected)); \
        }                                                                                   \
    } while (0)

/** Prints the closing line and gives the exit status. */
static int check_finish(void) {
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

#endif
