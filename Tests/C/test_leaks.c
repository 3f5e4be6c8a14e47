/* DealFinance — exact deal finance. Leak test (make leak-test): 100,000 C ABI calls cycling
 * through every function and every error path, run under AddressSanitizer with
 * ASAN_OPTIONS=detect_leaks=1 so LeakSanitizer reports any allocation the library loses
 * (the library's malloc/free go through the sanitizer's allocator). Ends with
 * "N passed, N failed". */
#include "dealfinance.h"
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

enum { CALLS = 100000, KINDS = 31 };

static const char *const requests[] = {
    "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60,\"balloon\":{\"amount\":\"10000.00\"},\"includeSchedule\":true,\"explain\":true}",
    "{\"calculate\":\"loan\",\"sellingPrice\":30000}",                 /* invalid_argument */
    "{\"calculate\":\"loan\",\"sellingPrice\":\"1\",",                  /* invalid_json */
    "{\"calculate\":\"loan\",\"sellingPrice\":\"1.50\",\"apr\":\"0\",\"term\":300}", /* unsupported: repays early */
    "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60,\"term\":61}", /* duplicate key */
    "\xff\xfe",                                                          /* invalid UTF-8 */
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
};

static int seen[9];

static void record(dfin_status status) {
    if (status >= 0 && status <= 8) seen[status]++;
}

static void call(int kind) {
    char buffer[DFIN_DECIMAL_BUFFER_SIZE];
    char small[4];
    size_t length = 0;
    int64_t value = 0;
    int32_t scale = 0;
    char *answer = NULL;
    dfin_error error;
    const char *request = requests[kind % 7];
    switch (kind) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6:
        record(dfin_calculate(&answer, &length, request, strlen(request)));
        dfin_string_free(answer);
        break;
    case 7:  record(dfin_calculate_buffer(small, sizeof small, &length, requests[0], strlen(requests[0]))); break;
    case 8:  record(dfin_calculate_buffer(NULL, 0, &length, requests[1], strlen(requests[1]))); break;
    case 9:  record(dfin_calculate(NULL, &length, requests[0], strlen(requests[0]))); break;
    case 10: record(dfin_calculate(&answer, &length, NULL, 5)); dfin_string_free(answer); break;
    case 11: record(dfin_calculate_buffer(NULL, 10, &length, requests[0], strlen(requests[0]))); break;
    case 12: record(dfin_decimal_validate(&scale, "12.50", 5)); break;
    case 13: record(dfin_decimal_validate(&scale, "1e3", 3)); break;
    case 14: record(dfin_decimal_validate(&scale, "111111111111111111111111111111111111111", 39)); break;
    case 15: record(dfin_decimal_parse(&value, "436.665", 7, 2, DFIN_ROUND_REQUIRE_EXACT)); break;
    case 16: record(dfin_decimal_parse(&value, "92233720368547758.08", 20, 2, DFIN_ROUND_TO_NEAREST_OR_EVEN)); break;
    case 17: record(dfin_decimal_format(buffer, sizeof buffer, &length, INT64_MIN, 38)); break;
    case 18: record(dfin_decimal_format(small, sizeof small, &length, 43666, 2)); break;
    case 19: record(dfin_decimal_round(buffer, sizeof buffer, &length, "2.345", 5, 2, DFIN_ROUND_TO_NEAREST_OR_EVEN)); break;
    case 20: record(dfin_decimal_round(buffer, sizeof buffer, &length, "2.345", 5, 2, 99)); break;
    case 21: record(dfin_loan_payment(&value, "30000.00", 8, "10000.00", 8, "6", 1, 60, 12, DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2)); break;
    case 22: record(dfin_loan_payment(&value, "30000.00", 8, NULL, 3, "6", 1, 1201, 12, 7, 99, 9)); break;
    /* The _ex forms: the error detail is written into the caller's struct, nothing allocated. */
    case 23: record(dfin_decimal_validate_ex(&scale, "1e3", 3, &error)); break;
    case 24: record(dfin_decimal_parse_ex(&value, "436.665", 7, 2, DFIN_ROUND_REQUIRE_EXACT, &error)); break;
    case 25: record(dfin_decimal_format_ex(small, sizeof small, &length, 43666, 2, &error)); break;
    case 26: record(dfin_decimal_round_ex(buffer, sizeof buffer, &length, "2.345", 5, 2, 99, &error)); break;
    case 27: record(dfin_loan_payment_ex(&value, "30000.00", 8, NULL, 0, "6", 1, 0, 12, 0, 7, 2, &error)); break;
    case 28: record(dfin_loan_payment_minor_ex(&value, 3000000, 0, "abc", 3, 60, 12, 0, 7, 2, &error)); break;
    case 29: {
        int64_t principals[3] = {3000000, -1, 100};
        const char *aprs[3] = {"6", "6", NULL};
        size_t apr_lengths[3] = {1, 1, 0};
        int32_t terms[3] = {60, 60, 60};
        int64_t payments[3];
        dfin_status statuses[3];
        record(dfin_loan_payment_batch(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 12,
                                       DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2));
        record(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 12,
                                          DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2, &error));
        record(dfin_loan_payment_minor(&value, 3000000, 0, "6", 1, 60, 12, DFIN_TIMING_ADVANCE, DFIN_ROUND_TO_ODD, 2));
        record(dfin_loan_payment_minor(NULL, 3000000, 0, "6", 1, 60, 12, DFIN_TIMING_ADVANCE, DFIN_ROUND_TO_ODD, 2));
        break;
    }
    default: {
        /* The portfolio batches, a valid row and a refused one each, and a JSON array. */
        int64_t prices[2] = {3000000, 0}, aprs[2] = {600, 600}, residuals[2] = {58, 58}, factors[2] = {250, 250};
        int32_t terms[2] = {60, 36};
        int64_t amounts[7][2];
        dfin_status statuses[2];
        dfin_loan_columns loans;
        dfin_loan_results loan_out = {amounts[0], amounts[1], amounts[2], amounts[3], amounts[4], amounts[5], statuses};
        dfin_lease_columns leases;
        dfin_lease_results lease_out = {amounts[0], amounts[1], amounts[2], amounts[3], amounts[4], amounts[5], amounts[6], statuses};
        memset(&loans, 0, sizeof loans);
        loans.selling_price = prices;
        loans.apr = aprs;
        loans.apr_scale = 2;
        loans.term = terms;
        record(dfin_loan_quote_batch(&loan_out, &loans, 2));
        memset(&leases, 0, sizeof leases);
        leases.selling_price = prices;
        leases.msrp = prices;
        leases.residual_percent = residuals;
        leases.money_factor = factors;
        leases.money_factor_scale = 6;
        leases.term = terms;
        record(dfin_lease_quote_batch(&lease_out, &leases, 2));
        record(dfin_calculate_batch(&answer, &length, "[{\"calculate\":\"loan\"},{}]", 26));
        dfin_string_free(answer);
        break;
    }
    }
}

int main(void) {
    int status;
    for (int index = 0; index < CALLS; index++) call(index % KINDS);
    /* Every status a caller can provoke was provoked (no_solution and internal have no input). */
    for (status = DFIN_OK; status <= DFIN_ENULL_ARGUMENT; status++) {
        if (status == DFIN_ENO_SOLUTION) continue;
        if (seen[status] == 0) fprintf(stderr, "status %s never seen\n", dfin_status_string(status));
        CHECK(seen[status] > 0);
    }
    CHECK(seen[DFIN_EINTERNAL] == 0);
    printf("leak-test: %d calls; ok %d, invalid_json %d, invalid_argument %d, unsupported %d, overflow %d, "
           "buffer_too_small %d, null_argument %d\n", CALLS, seen[0], seen[1], seen[2], seen[3], seen[5], seen[6], seen[7]);
    return check_finish();
}
