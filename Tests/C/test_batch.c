/* DealFinance — exact deal finance. Portfolio batch test (make c-test): dfin_loan_quote_batch
 * and dfin_lease_quote_batch compared row by row with the JSON request each row stands for
 * (dfin_calculate), invalid rows included; the same batch split across two threads; and
 * dfin_calculate_batch against dfin_calculate element by element.
 * Ends with "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "dealfinance.h"
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

enum { ROWS = 300, TEXT_MAX = 2048 };

/** A small deterministic generator (the same rows on every run). */
static uint64_t seed = 88172645463325252ULL;
static int64_t next(int64_t low, int64_t high) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return low + (int64_t)(seed % (uint64_t)(high - low + 1));
}

/** Appends `"key":"<value × 10^-scale>"` (with a leading comma) to `text`. */
static void append_decimal(char *text, const char *key, int64_t value, int32_t scale) {
    char number[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    if (dfin_decimal_format(number, sizeof number, &length, value, scale) != DFIN_OK) strcpy(number, "?");
    sprintf(text + strlen(text), ",\"%s\":\"%s\"", key, number);
}

/** The minor units of the decimal string after `key` (searched from `after` when not NULL). */
static int64_t field(const char *answer, const char *after, const char *key, int32_t scale) {
    char needle[64];
    const char *start = answer;
    int64_t value = -999;
    if (after != NULL) {
        start = strstr(answer, after);
        if (start == NULL) return -999;
    }
    sprintf(needle, "\"%s\":\"", key);
    start = strstr(start, needle);
    if (start == NULL) return -1;
    start += strlen(needle);
    if (dfin_decimal_parse(&value, start, (size_t)(strchr(start, '"') - start), scale, DFIN_ROUND_REQUIRE_EXACT) != DFIN_OK) return -998;
    return value;
}

/* ---------------------------------------------------------------------------------------- */
/* Loans                                                                                     */
/* ---------------------------------------------------------------------------------------- */

static int64_t price[ROWS], down[ROWS], allowance[ROWS], payoff[ROWS], fees[ROWS], balloon[ROWS];
static int64_t apr[ROWS], tax[ROWS];
static int32_t term[ROWS], frequency[ROWS], timing[ROWS];
static const char *const frequency_names[7] = {"monthly", "semimonthly", "biweekly", "weekly", "quarterly", "semiannual", "annual"};

static void make_loans(void) {
    int k;
    for (k = 0; k < ROWS; k++) {
        price[k] = next(500000, 8000000);
        down[k] = next(0, 4) == 0 ? 0 : next(0, 500000);
        allowance[k] = next(0, 600000);
        payoff[k] = next(0, 3) == 0 ? next(0, 700000) : 0;
        fees[k] = next(0, 150000);
        balloon[k] = next(0, 4) == 0 ? next(0, price[k] / 2) : 0;
        apr[k] = next(0, 2499); /* scale 2: 0.00 % … 24.99 % */
        tax[k] = next(0, 1000); /* scale 3: 0 … 1 %·10 */
        term[k] = (int32_t)next(12, 84);
        frequency[k] = (int32_t)next(0, 6);
        timing[k] = (int32_t)next(0, 1);
    }
    /* Rows the engine refuses, each for a different reason. */
    term[3] = 0;
    price[7] = 0;
    apr[11] = 15000;
    frequency[13] = 9;
    timing[17] = 4;
    balloon[19] = price[19] * 2;
    down[23] = price[23] * 3;
}

static void loan_request(char *text, int k) {
    char number[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    strcpy(text, "{\"calculate\":\"loan\"");
    append_decimal(text, "sellingPrice", price[k], 2);
    append_decimal(text, "downPayment", down[k], 2);
    append_decimal(text, "apr", apr[k], 2);
    sprintf(text + strlen(text), ",\"term\":%d", (int)term[k]);
    if (frequency[k] >= 0 && frequency[k] <= 6) sprintf(text + strlen(text), ",\"frequency\":\"%s\"", frequency_names[frequency[k]]);
    else sprintf(text + strlen(text), ",\"frequency\":\"code%d\"", (int)frequency[k]);
    sprintf(text + strlen(text), ",\"paymentTiming\":\"%s\"", timing[k] == 0 ? "arrears" : (timing[k] == 1 ? "advance" : "other"));
    dfin_decimal_format(number, sizeof number, &length, allowance[k], 2);
    sprintf(text + strlen(text), ",\"tradeIns\":[{\"allowance\":\"%s\"", number);
    dfin_decimal_format(number, sizeof number, &length, payoff[k], 2);
    sprintf(text + strlen(text), ",\"payoff\":\"%s\"}]", number);
    dfin_decimal_format(number, sizeof number, &length, fees[k], 2);
    sprintf(text + strlen(text), ",\"fees\":[{\"name\":\"Fees\",\"amount\":\"%s\"}]", number);
    dfin_decimal_format(number, sizeof number, &length, balloon[k], 2);
    sprintf(text + strlen(text), ",\"balloon\":{\"amount\":\"%s\"}", number);
    dfin_decimal_format(number, sizeof number, &length, tax[k], 3);
    sprintf(text + strlen(text), ",\"tax\":{\"rate\":\"%s\"}}", number);
}

static dfin_loan_columns loan_columns(void) {
    dfin_loan_columns in;
    memset(&in, 0, sizeof in);
    in.selling_price = price;
    in.down_payment = down;
    in.trade_in_allowance = allowance;
    in.trade_in_payoff = payoff;
    in.fees = fees;
    in.balloon = balloon;
    in.apr = apr;
    in.apr_scale = 2;
    in.tax_rate = tax;
    in.tax_rate_scale = 3;
    in.term = term;
    in.frequency = frequency;
    in.timing = timing;
    return in;
}

static int64_t out_payment[ROWS], out_final[ROWS], out_financed[ROWS], out_charge[ROWS], out_total[ROWS], out_apr[ROWS];
static dfin_status out_status[ROWS];

static dfin_loan_results loan_results(int offset) {
    dfin_loan_results out;
    out.payment = out_payment + offset;
    out.final_payment = out_final + offset;
    out.amount_financed = out_financed + offset;
    out.finance_charge = out_charge + offset;
    out.total_of_payments = out_total + offset;
    out.apr = out_apr + offset;
    out.status = out_status + offset;
    return out;
}

static void test_loan_batch(void) {
    dfin_loan_columns in = loan_columns();
    dfin_loan_results out = loan_results(0);
    char request[TEXT_MAX];
    int k, failed = 0, priced = 0;
    dfin_status first = dfin_loan_quote_batch(&out, &in, ROWS);
    for (k = 0; k < ROWS; k++) {
        char *answer = NULL;
        dfin_status status;
        loan_request(request, k);
        status = dfin_calculate(&answer, NULL, request, strlen(request));
        CHECK(status == out_status[k]);
        if (status != out_status[k]) fprintf(stderr, "  row %d: %s vs %s\n  %s\n  %s\n", k, dfin_status_string(out_status[k]), dfin_status_string(status), request, answer);
        if (status == DFIN_OK) {
            int64_t disclosed = field(answer, NULL, "apr", 2);
            priced++;
            CHECK(out_payment[k] == field(answer, "\"periodicPayment\"", "total", 2));
            CHECK(out_final[k] == field(answer, NULL, "finalPayment", 2));
            CHECK(out_financed[k] == field(answer, NULL, "amountFinanced", 2));
            CHECK(out_charge[k] == field(answer, NULL, "financeCharge", 2));
            CHECK(out_total[k] == field(answer, NULL, "totalOfPayments", 2));
            CHECK(out_apr[k] == disclosed);
            if (out_payment[k] != field(answer, "\"periodicPayment\"", "total", 2)) fprintf(stderr, "  row %d: %s\n", k, answer);
        } else {
            failed++;
            CHECK(out_payment[k] == 0 && out_final[k] == 0 && out_apr[k] == 0);
            if (first == DFIN_OK) fprintf(stderr, "  first status ok although row %d failed\n", k);
        }
        dfin_string_free(answer);
    }
    CHECK(failed >= 7 && priced >= ROWS - 20);
    CHECK(first == out_status[3]);
    printf("loan batch: %d rows priced, %d refused, each equal to its JSON request\n", priced, failed);
}

/** Half of a batch on another thread. */
typedef struct {
    int offset;
    int count;
} slice;

static void *price_slice(void *argument) {
    const slice *part = argument;
    dfin_loan_columns in = loan_columns();
    dfin_loan_results out = loan_results(part->offset);
    in.selling_price += part->offset;
    in.down_payment += part->offset;
    in.trade_in_allowance += part->offset;
    in.trade_in_payoff += part->offset;
    in.fees += part->offset;
    in.balloon += part->offset;
    in.apr += part->offset;
    in.tax_rate += part->offset;
    in.term += part->offset;
    in.frequency += part->offset;
    in.timing += part->offset;
    (void)dfin_loan_quote_batch(&out, &in, (size_t)part->count);
    return NULL;
}

static void test_loan_batch_threads(void) {
    static int64_t expected[ROWS], expected_apr[ROWS];
    static dfin_status expected_status[ROWS];
    dfin_loan_columns in = loan_columns();
    dfin_loan_results out = loan_results(0);
    pthread_t threads[2];
    slice parts[2];
    int k, round;
    (void)dfin_loan_quote_batch(&out, &in, ROWS);
    memcpy(expected, out_payment, sizeof expected);
    memcpy(expected_apr, out_apr, sizeof expected_apr);
    memcpy(expected_status, out_status, sizeof expected_status);
    for (round = 0; round < 5; round++) {
        memset(out_payment, 0, sizeof out_payment);
        memset(out_apr, 0, sizeof out_apr);
        parts[0].offset = 0;
        parts[0].count = ROWS / 2 - round;
        parts[1].offset = parts[0].count;
        parts[1].count = ROWS - parts[0].count;
        for (k = 0; k < 2; k++) CHECK(pthread_create(&threads[k], NULL, price_slice, &parts[k]) == 0);
        for (k = 0; k < 2; k++) CHECK(pthread_join(threads[k], NULL) == 0);
        CHECK(memcmp(expected, out_payment, sizeof expected) == 0);
        CHECK(memcmp(expected_apr, out_apr, sizeof expected_apr) == 0);
        CHECK(memcmp(expected_status, out_status, sizeof expected_status) == 0);
    }
}

static void test_loan_batch_arguments(void) {
    dfin_loan_columns in = loan_columns();
    dfin_loan_results out = loan_results(0);
    int64_t payment = 0;
    dfin_status status = 0;
    dfin_loan_results minimal;
    memset(&minimal, 0, sizeof minimal);
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 0), DFIN_OK);
    CHECK_STATUS(dfin_loan_quote_batch(NULL, &in, 1), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_quote_batch(&out, NULL, 1), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_quote_batch(&minimal, &in, 1), DFIN_ENULL_ARGUMENT);
    in.apr = NULL;
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 1), DFIN_ENULL_ARGUMENT);
    in = loan_columns();
    in.apr_scale = 19;
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 1), DFIN_EINVALID_ARGUMENT);
    in = loan_columns();
    in.trade_in_allowance = NULL;
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 1), DFIN_EINVALID_ARGUMENT);
    in = loan_columns();
    in.currency = "XYZ";
    in.currency_length = 3;
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 1), DFIN_EINVALID_ARGUMENT);
    in.currency = NULL;
    CHECK_STATUS(dfin_loan_quote_batch(&out, &in, 1), DFIN_ENULL_ARGUMENT);
    /* Only the required columns and results: the Documentation/Reference/Loan.md example, 30000.00 at 6 % for 60. */
    {
        int64_t one_price = 3000000, one_apr = 6;
        int32_t one_term = 60;
        dfin_loan_columns plain;
        memset(&plain, 0, sizeof plain);
        plain.selling_price = &one_price;
        plain.apr = &one_apr;
        plain.term = &one_term;
        minimal.payment = &payment;
        minimal.status = &status;
        CHECK_STATUS(dfin_loan_quote_batch(&minimal, &plain, 1), DFIN_OK);
        CHECK(payment == 57998);
        plain.currency = "JPY";
        plain.currency_length = 3;
        one_price = 3000000;
        CHECK_STATUS(dfin_loan_quote_batch(&minimal, &plain, 1), DFIN_OK);
        CHECK(payment == 57998);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Leases                                                                                    */
/* ---------------------------------------------------------------------------------------- */

static int64_t msrp[ROWS], residual[ROWS], factor[ROWS];
static int64_t lease_payment[ROWS], lease_base[ROWS], lease_cap[ROWS], lease_residual[ROWS], lease_rent[ROWS],
    lease_total[ROWS], lease_due[ROWS];

static void make_leases(void) {
    int k;
    for (k = 0; k < ROWS; k++) {
        msrp[k] = next(2000000, 9000000);
        price[k] = msrp[k] - next(0, msrp[k] / 10);
        residual[k] = next(3000, 7000); /* scale 2: 30.00 % … 70.00 % */
        factor[k] = next(0, 400000);    /* scale 8: 0 … 0.00400000 */
        down[k] = next(0, 400000);
        allowance[k] = next(0, 300000);
        payoff[k] = next(0, 3) == 0 ? next(0, 300000) : 0;
        fees[k] = next(0, 120000);
        tax[k] = next(0, 10000); /* scale 3 */
        term[k] = (int32_t)next(24, 48);
        timing[k] = (int32_t)next(0, 1);
    }
    term[5] = 0;
    residual[9] = 20000;
    price[15] = -1;
    timing[21] = 2;
}

static void lease_request(char *text, int k) {
    char number[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    strcpy(text, "{\"calculate\":\"lease\"");
    append_decimal(text, "sellingPrice", price[k], 2);
    append_decimal(text, "msrp", msrp[k], 2);
    dfin_decimal_format(number, sizeof number, &length, residual[k], 2);
    sprintf(text + strlen(text), ",\"residual\":{\"percent\":\"%s\"}", number);
    append_decimal(text, "moneyFactor", factor[k], 8);
    append_decimal(text, "downPayment", down[k], 2);
    sprintf(text + strlen(text), ",\"term\":%d", (int)term[k]);
    sprintf(text + strlen(text), ",\"paymentTiming\":\"%s\"", timing[k] == 0 ? "arrears" : (timing[k] == 1 ? "advance" : "other"));
    dfin_decimal_format(number, sizeof number, &length, allowance[k], 2);
    sprintf(text + strlen(text), ",\"tradeIns\":[{\"allowance\":\"%s\"", number);
    dfin_decimal_format(number, sizeof number, &length, payoff[k], 2);
    sprintf(text + strlen(text), ",\"payoff\":\"%s\"}]", number);
    dfin_decimal_format(number, sizeof number, &length, fees[k], 2);
    sprintf(text + strlen(text), ",\"fees\":[{\"name\":\"Fees\",\"amount\":\"%s\"}]", number);
    dfin_decimal_format(number, sizeof number, &length, tax[k], 3);
    sprintf(text + strlen(text), ",\"tax\":{\"rate\":\"%s\"}}", number);
}

static void test_lease_batch(void) {
    dfin_lease_columns in;
    dfin_lease_results out;
    char request[TEXT_MAX];
    int k, failed = 0, priced = 0;
    memset(&in, 0, sizeof in);
    in.selling_price = price;
    in.msrp = msrp;
    in.residual_percent = residual;
    in.residual_percent_scale = 2;
    in.money_factor = factor;
    in.money_factor_scale = 8;
    in.down_payment = down;
    in.trade_in_allowance = allowance;
    in.trade_in_payoff = payoff;
    in.fees = fees;
    in.tax_rate = tax;
    in.tax_rate_scale = 3;
    in.term = term;
    in.timing = timing;
    out.payment = lease_payment;
    out.base_payment = lease_base;
    out.adjusted_capitalized_cost = lease_cap;
    out.residual_value = lease_residual;
    out.rent_charge = lease_rent;
    out.total_of_payments = lease_total;
    out.due_at_signing = lease_due;
    out.status = out_status;
    CHECK(dfin_lease_quote_batch(&out, &in, ROWS) != DFIN_OK);
    for (k = 0; k < ROWS; k++) {
        char *answer = NULL;
        dfin_status status;
        lease_request(request, k);
        status = dfin_calculate(&answer, NULL, request, strlen(request));
        CHECK(status == out_status[k]);
        if (status != out_status[k]) fprintf(stderr, "  row %d: %s vs %s\n  %s\n  %s\n", k, dfin_status_string(out_status[k]), dfin_status_string(status), request, answer);
        if (status == DFIN_OK) {
            priced++;
            CHECK(lease_payment[k] == field(answer, "\"periodicPayment\"", "total", 2));
            CHECK(lease_base[k] == field(answer, "\"periodicPayment\"", "net", 2));
            CHECK(lease_cap[k] == field(answer, NULL, "adjustedCapitalizedCost", 2));
            CHECK(lease_residual[k] == field(answer, NULL, "residualValue", 2));
            CHECK(lease_rent[k] == field(answer, NULL, "rentCharge", 2));
            CHECK(lease_total[k] == field(answer, NULL, "totalOfPayments", 2));
            CHECK(lease_due[k] == field(answer, "\"dueAtSigning\"", "total", 2));
        } else {
            failed++;
            CHECK(lease_payment[k] == 0 && lease_due[k] == 0);
        }
        dfin_string_free(answer);
    }
    CHECK(failed >= 4 && priced >= ROWS - 40);
    printf("lease batch: %d rows priced, %d refused, each equal to its JSON request\n", priced, failed);
    in.money_factor = NULL;
    CHECK_STATUS(dfin_lease_quote_batch(&out, &in, ROWS), DFIN_EINVALID_ARGUMENT);
    in.apr = factor;
    in.residual_amount = residual;
    CHECK_STATUS(dfin_lease_quote_batch(&out, &in, ROWS), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_lease_quote_batch(NULL, &in, ROWS), DFIN_ENULL_ARGUMENT);
}

/* ---------------------------------------------------------------------------------------- */
/* JSON arrays                                                                               */
/* ---------------------------------------------------------------------------------------- */

static void test_calculate_batch(void) {
    static const char *const elements[3] = {
        "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60}",
        "{\"calculate\":\"loan\",\"sellingPrice\":30000}",
        ("{\"calculate\":\"lease\",\"moneyFactor\":\"0.00250\",\"msrp\":\"40000.00\",\"sellingPrice\":\"37000.00\","
         "\"residual\":{\"percent\":\"58\"},\"term\":36}"),
    };
    char requests[TEXT_MAX], expected[4 * TEXT_MAX];
    char *answer = NULL;
    size_t length = 0;
    int k;
    strcpy(requests, "[");
    strcpy(expected, "[");
    for (k = 0; k < 3; k++) {
        char *one = NULL;
        strcat(requests, k ? ", " : "");
        strcat(requests, elements[k]);
        (void)dfin_calculate(&one, NULL, elements[k], strlen(elements[k]));
        strcat(expected, k ? "," : "");
        strcat(expected, one);
        dfin_string_free(one);
    }
    strcat(requests, "]");
    strcat(expected, "]");
    CHECK_STATUS(dfin_calculate_batch(&answer, &length, requests, strlen(requests)), DFIN_EINVALID_ARGUMENT);
    CHECK(answer != NULL && strcmp(answer, expected) == 0 && length == strlen(expected));
    dfin_string_free(answer);
    CHECK_STATUS(dfin_calculate_batch(&answer, &length, "[]", 2), DFIN_OK);
    CHECK(answer != NULL && strcmp(answer, "[]") == 0);
    dfin_string_free(answer);
    CHECK_STATUS(dfin_calculate_batch(&answer, NULL, elements[0], strlen(elements[0])), DFIN_EINVALID_JSON);
    CHECK(answer != NULL && strstr(answer, "\"invalid_json\"") != NULL);
    dfin_string_free(answer);
    CHECK_STATUS(dfin_calculate_batch(&answer, NULL, "[", 1), DFIN_EINVALID_JSON);
    dfin_string_free(answer);
    CHECK_STATUS(dfin_calculate_batch(NULL, NULL, "[]", 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_calculate_batch(&answer, &length, NULL, 0), DFIN_ENULL_ARGUMENT);
    CHECK(answer == NULL && length == 0);
}

int main(void) {
    make_loans();
    test_loan_batch();
    test_loan_batch_threads();
    test_loan_batch_arguments();
    make_leases();
    test_lease_batch();
    test_calculate_batch();
    return check_finish();
}
