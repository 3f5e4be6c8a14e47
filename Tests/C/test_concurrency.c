/* DealFinance — exact deal finance. Concurrency test (make c-test): 8 threads × 10,000 mixed
 * calls of every kind at once (loans, a lease, an APR, errors, decimals, payments), each result
 * compared with the single-threaded answer.
 * Ends with "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "dealfinance.h"
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

enum { THREADS = 8, CALLS = 10000, TASKS = 8, REQUESTS = 5, ANSWER_MAX = 8192 };

static const char *const requests[REQUESTS] = {
    "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60,\"balloon\":{\"amount\":\"10000.00\"}}",
    ("{\"calculate\":\"loan\",\"sellingPrice\":\"41999.99\",\"apr\":\"7.49\",\"term\":72,\"frequency\":\"biweekly\","
     "\"tax\":{\"rate\":\"7.25\"},\"tradeIns\":[{\"allowance\":\"8000.00\",\"payoff\":\"9500.00\"}]}"),
    "{\"calculate\":\"loan\",\"sellingPrice\":30000}",
    ("{\"calculate\":\"lease\",\"moneyFactor\":\"0.00250\",\"msrp\":\"40000.00\",\"sellingPrice\":\"37000.00\","
     "\"residual\":{\"percent\":\"58\"},\"term\":36,\"tax\":{\"rate\":\"7\",\"method\":\"monthly\"}}"),
    ("{\"calculate\":\"apr\",\"method\":\"regz\",\"advances\":[{\"amount\":\"5000.00\",\"date\":\"1978-01-10\"}],"
     "\"payments\":[{\"amount\":\"230.00\",\"count\":24,\"firstDate\":\"1978-02-10\",\"frequency\":\"monthly\"}]}"),
};

/** One call's observable outcome. */
typedef struct {
    dfin_status status;
    int64_t number;
    char text[ANSWER_MAX];
} outcome;

/** Runs task `task` (0…TASKS−1) into `result`. */
static void run_task(int task, outcome *result) {
    size_t length = 0;
    memset(result, 0, sizeof *result);
    switch (task) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
        result->status = dfin_calculate_buffer(result->text, sizeof result->text, &length, requests[task], strlen(requests[task]));
        break;
    case 5: {
        char *answer = NULL;
        result->status = dfin_calculate(&answer, &length, requests[1], strlen(requests[1]));
        if (answer != NULL && length < sizeof result->text) memcpy(result->text, answer, length + 1);
        dfin_string_free(answer);
        break;
    }
    case 6:
        result->status = dfin_decimal_round(result->text, sizeof result->text, &length, "2.345", 5, 2, DFIN_ROUND_TO_NEAREST_OR_EVEN);
        break;
    default:
        result->status = dfin_loan_payment(&result->number, "27500.00", 8, NULL, 0, "4.99", 4, 84, 12, DFIN_TIMING_ARREARS,
                                           DFIN_ROUND_TO_NEAREST_OR_AWAY, 2);
        break;
    }
}

static outcome expected[TASKS];

/** A thread: CALLS calls cycling through the tasks from a thread-specific start; returns the
 *  number of mismatches. */
static void *worker(void *argument) {
    intptr_t index = (intptr_t)argument;
    intptr_t mismatches = 0;
    outcome *result = malloc(sizeof *result);
    int call;
    if (result == NULL) return (void *)(intptr_t)CALLS;
    for (call = 0; call < CALLS; call++) {
        int task = (int)((call + index) % TASKS);
        run_task(task, result);
        if (result->status != expected[task].status || result->number != expected[task].number ||
            strcmp(result->text, expected[task].text) != 0) {
            mismatches++;
        }
    }
    free(result);
    return (void *)mismatches;
}

int main(void) {
    pthread_t threads[THREADS];
    int task;
    intptr_t index;
    for (task = 0; task < TASKS; task++) run_task(task, &expected[task]);
    CHECK(expected[0].status == DFIN_OK && strstr(expected[0].text, "\"436.66\"") != NULL);
    CHECK(expected[2].status == DFIN_EINVALID_ARGUMENT);
    CHECK(expected[3].status == DFIN_OK && strstr(expected[3].text, "\"571.20\"") != NULL);
    CHECK(expected[4].status == DFIN_OK && strstr(expected[4].text, "\"error\"") == NULL);
    CHECK(expected[5].status == DFIN_OK && strcmp(expected[5].text, expected[1].text) == 0);
    CHECK(expected[6].status == DFIN_OK && strcmp(expected[6].text, "2.34") == 0);
    CHECK(expected[7].status == DFIN_OK && expected[7].number > 0);
    for (index = 0; index < THREADS; index++) {
        CHECK(pthread_create(&threads[index], NULL, worker, (void *)index) == 0);
    }
    for (index = 0; index < THREADS; index++) {
        void *mismatches = NULL;
        CHECK(pthread_join(threads[index], &mismatches) == 0);
        /* Every call is one check. */
        check_passed += CALLS - (int)(intptr_t)mismatches;
        check_failed += (int)(intptr_t)mismatches;
        if ((intptr_t)mismatches != 0) fprintf(stderr, "thread %d: %d of %d calls differed\n", (int)index, (int)(intptr_t)mismatches, CALLS);
    }
    printf("%d threads x %d calls compared with single-threaded results\n", THREADS, CALLS);
    return check_finish();
}
