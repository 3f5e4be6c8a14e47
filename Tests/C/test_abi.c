/* DealFinance — exact deal finance. C ABI tests (make c-test): every entry point, every error
 * path (NULL, zero length, invalid UTF-8, oversized input, too-small buffers, each status),
 * the caller-buffer protocol and the version check. Strict C99; built with gcc and clang under
 * -fsanitize=address,undefined. Ends with "N passed, N failed". */
#include "dealfinance.h"
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

/** strlen for string literals passed as pointer + length. */
#define TEXT(literal) (literal), (sizeof(literal) - 1)

static const char loan_request[] =
    "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60,"
    "\"balloon\":{\"amount\":\"10000.00\"}}";

static void test_version(void) {
    CHECK(DFIN_VERSION_NUMBER == dfin_version_number());
    CHECK(DFIN_VERSION_NUMBER == DFIN_VERSION_MAJOR * 10000 + DFIN_VERSION_MINOR * 100 + DFIN_VERSION_PATCH);
    CHECK(strcmp(dfin_version_string(), DFIN_VERSION_STRING) == 0);
    CHECK(dfin_version_string() == dfin_version_string());
}

static void test_status_strings(void) {
    CHECK(DFIN_OK == 0 && DFIN_EINVALID_JSON == 1 && DFIN_EINVALID_ARGUMENT == 2 && DFIN_EUNSUPPORTED == 3);
    CHECK(DFIN_ENO_SOLUTION == 4 && DFIN_EOVERFLOW == 5 && DFIN_EBUFFER_TOO_SMALL == 6);
    CHECK(DFIN_ENULL_ARGUMENT == 7 && DFIN_EINTERNAL == 8);
    CHECK(strcmp(dfin_status_string(DFIN_OK), "ok") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EINVALID_JSON), "invalid_json") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EINVALID_ARGUMENT), "invalid_argument") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EUNSUPPORTED), "unsupported") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_ENO_SOLUTION), "no_solution") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EOVERFLOW), "overflow") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EBUFFER_TOO_SMALL), "buffer_too_small") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_ENULL_ARGUMENT), "null_argument") == 0);
    CHECK(strcmp(dfin_status_string(DFIN_EINTERNAL), "internal") == 0);
    CHECK(strcmp(dfin_status_string(9), "unknown") == 0);
    CHECK(strcmp(dfin_status_string(-1), "unknown") == 0);
    CHECK(strcmp(dfin_status_string(INT32_MAX), "unknown") == 0);
    CHECK(strcmp(dfin_status_string(INT32_MIN), "unknown") == 0);
}

/** dfin_calculate on `request`: checks the status and that the answer contains `needle`. */
static void expect_answer(const char *request, size_t length, dfin_status expected, const char *needle) {
    char *answer = NULL;
    size_t answer_length = 12345;
    CHECK_STATUS(dfin_calculate(&answer, &answer_length, request, length), expected);
    CHECK(answer != NULL);
    if (answer != NULL) {
        CHECK(strlen(answer) == answer_length);
        CHECK(strstr(answer, needle) != NULL);
        if (strstr(answer, needle) == NULL) fprintf(stderr, "  answer: %s\n  wanted: %s\n", answer, needle);
    }
    dfin_string_free(answer);
}

static void test_calculate(void) {
    expect_answer(TEXT(loan_request), DFIN_OK, "\"periodicPayment\":{\"net\":\"436.66\"");
    expect_answer(TEXT(loan_request), DFIN_OK, "\"finalPayment\":\"436.41\"");
    expect_answer(TEXT("{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60}"),
                  DFIN_OK, "\"total\":\"579.98\"");
    /* Each Documentation/Reference/Errors.md code the loan engine can produce, with its error object. */
    expect_answer("", 0, DFIN_EINVALID_JSON, "{\"error\":{\"code\":\"invalid_json\"");
    expect_answer(TEXT("not json"), DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    expect_answer(TEXT("{\"a\":1,\"a\":2}"), DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    expect_answer(TEXT("{\"calculate\":\"loan\xff\"}"), DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    expect_answer(TEXT("{\"calculate\":\"\xc3\x28\"}"), DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    expect_answer(TEXT("{\"calculate\":\"loan\"}\0"), DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    expect_answer(TEXT("{}"), DFIN_EINVALID_ARGUMENT, "\"code\":\"invalid_argument\",\"path\":\"calculate\"");
    expect_answer(TEXT("{\"calculate\":\"loan\",\"sellingPrice\":30000,\"apr\":\"6\",\"term\":60}"),
                  DFIN_EINVALID_ARGUMENT, "\"path\":\"sellingPrice\"");
    /* A valid loan the engine does not compute: its rounded payment (0.01) would repay 1.50 by
     * payment 151 of 300, leaving a negative final payment. */
    expect_answer(TEXT("{\"calculate\":\"loan\",\"sellingPrice\":\"1.50\",\"apr\":\"0\",\"term\":300}"),
                  DFIN_EUNSUPPORTED, "\"code\":\"unsupported\",\"path\":\"term\"");

    /* NULL arguments. */
    {
        char *answer = (char *)1;
        size_t length = 99;
        CHECK_STATUS(dfin_calculate(NULL, &length, TEXT(loan_request)), DFIN_ENULL_ARGUMENT);
        CHECK(length == 0);
        CHECK_STATUS(dfin_calculate(&answer, &length, NULL, 10), DFIN_ENULL_ARGUMENT);
        CHECK(answer == NULL && length == 0);
        CHECK_STATUS(dfin_calculate(&answer, &length, NULL, 0), DFIN_ENULL_ARGUMENT);
        CHECK(answer == NULL);
        /* out_length is optional. */
        CHECK_STATUS(dfin_calculate(&answer, NULL, TEXT(loan_request)), DFIN_OK);
        CHECK(answer != NULL);
        dfin_string_free(answer);
        dfin_string_free(NULL);
    }
    /* Oversized input: rejected by its length, never read (SIZE_MAX would fault if read). */
    {
        size_t big = (1u << 20) + 1;
        char *spaces = malloc(big);
        CHECK(spaces != NULL);
        if (spaces != NULL) {
            memset(spaces, ' ', big);
            expect_answer(spaces, big, DFIN_EINVALID_JSON, "at most 1048576 bytes");
            free(spaces);
        }
        expect_answer("{}", SIZE_MAX, DFIN_EINVALID_JSON, "\"code\":\"invalid_json\"");
    }
}

static void test_calculate_buffer(void) {
    char *owned = NULL;
    size_t owned_length = 0;
    size_t length = 0;
    char *buffer;
    CHECK_STATUS(dfin_calculate(&owned, &owned_length, TEXT(loan_request)), DFIN_OK);

    /* Size query, then exactly too small (no room for the NUL), then exactly right. */
    CHECK_STATUS(dfin_calculate_buffer(NULL, 0, &length, TEXT(loan_request)), DFIN_EBUFFER_TOO_SMALL);
    CHECK(length == owned_length);
    buffer = malloc(length + 1);
    CHECK(buffer != NULL);
    if (buffer != NULL && owned != NULL) {
        memset(buffer, 'X', length + 1);
        CHECK_STATUS(dfin_calculate_buffer(buffer, length, &length, TEXT(loan_request)), DFIN_EBUFFER_TOO_SMALL);
        CHECK(length == owned_length);
        CHECK(buffer[0] == 'X' && buffer[length] == 'X');
        CHECK_STATUS(dfin_calculate_buffer(buffer, length + 1, &length, TEXT(loan_request)), DFIN_OK);
        CHECK(length == owned_length);
        CHECK(strcmp(buffer, owned) == 0);
        CHECK(buffer[length] == '\0');
    }
    free(buffer);
    dfin_string_free(owned);

    /* An error answer follows the same protocol; too small wins over the answer's status. */
    {
        char small[8];
        char large[512];
        CHECK_STATUS(dfin_calculate_buffer(small, sizeof small, &length, TEXT("{}")), DFIN_EBUFFER_TOO_SMALL);
        CHECK(length > sizeof small);
        CHECK_STATUS(dfin_calculate_buffer(large, sizeof large, &length, TEXT("{}")), DFIN_EINVALID_ARGUMENT);
        CHECK(strlen(large) == length);
        CHECK(strncmp(large, "{\"error\":{\"code\":\"invalid_argument\"", 35) == 0);
        CHECK_STATUS(dfin_calculate_buffer(large, sizeof large, &length, "", 0), DFIN_EINVALID_JSON);
        CHECK_STATUS(dfin_calculate_buffer(large, sizeof large, &length, TEXT("{\"calculate\":\"loan\",\"sellingPrice\":\"1.50\",\"apr\":\"0\",\"term\":300}")), DFIN_EUNSUPPORTED);
        CHECK(strstr(large, "\"unsupported\"") != NULL);
        /* NULL arguments. */
        length = 7;
        CHECK_STATUS(dfin_calculate_buffer(large, sizeof large, NULL, TEXT("{}")), DFIN_ENULL_ARGUMENT);
        CHECK_STATUS(dfin_calculate_buffer(NULL, 5, &length, TEXT("{}")), DFIN_ENULL_ARGUMENT);
        CHECK(length == 0);
        length = 7;
        CHECK_STATUS(dfin_calculate_buffer(large, sizeof large, &length, NULL, 3), DFIN_ENULL_ARGUMENT);
        CHECK(length == 0);
    }
}

static void test_decimal_validate(void) {
    int32_t scale = -1;
    char long_text[DFIN_DECIMAL_INPUT_MAX + 1];
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("30000.00")), DFIN_OK);
    CHECK(scale == 2);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("-0.005")), DFIN_OK);
    CHECK(scale == 3);
    CHECK_STATUS(dfin_decimal_validate(NULL, TEXT("7")), DFIN_OK);
    CHECK_STATUS(dfin_decimal_validate(&scale, NULL, 1), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, "", 0), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("1e3")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("+1")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT(" 1")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("1,000")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("1.")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT(".5")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("NaN")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("1\0")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("\xc3\x28")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("1\xff")), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("123456789012345678901234567890123456789")), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_decimal_validate(&scale, TEXT("0.000000000000000000000000000000000000001")), DFIN_EOVERFLOW);
    memset(long_text, '1', sizeof long_text);
    CHECK_STATUS(dfin_decimal_validate(&scale, long_text, sizeof long_text), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_validate(&scale, "1", SIZE_MAX), DFIN_EINVALID_ARGUMENT);
}

/** The rounding table of the header: value → whole number under each rule. */
static void test_rounding_table(void) {
    static const char *const values[4] = {"-1.5", "-0.5", "0.5", "2.5"};
    static const char *const expected[10][4] = {
        {"-2", "-1", "0", "2"}, {"-1", "0", "1", "3"}, {"-1", "0", "0", "2"}, {"-2", "-1", "1", "3"},
        {"-2", "-1", "0", "2"}, {"-1", "0", "1", "3"}, {"-1", "0", "0", "2"}, {"-2", "-1", "1", "3"},
        {"-2", "0", "0", "2"},  {"-1", "-1", "1", "3"},
    };
    dfin_rounding rule;
    int column;
    for (rule = DFIN_ROUND_DOWN; rule <= DFIN_ROUND_TO_ODD; rule++) {
        for (column = 0; column < 4; column++) {
            char out[DFIN_DECIMAL_BUFFER_SIZE];
            size_t length = 0;
            int64_t units = 99;
            CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, values[column], strlen(values[column]), 0, rule), DFIN_OK);
            CHECK(strcmp(out, expected[rule][column]) == 0);
            CHECK_STATUS(dfin_decimal_parse(&units, values[column], strlen(values[column]), 0, rule), DFIN_OK);
            CHECK(units == strtoll(expected[rule][column], NULL, 10));
        }
        CHECK_STATUS(dfin_decimal_round(NULL, 0, &(size_t){0}, TEXT("1.5"), 0, DFIN_ROUND_REQUIRE_EXACT), DFIN_EINVALID_ARGUMENT);
    }
}

static void test_decimal_parse(void) {
    int64_t units = 0;
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("436.66"), 2, DFIN_ROUND_REQUIRE_EXACT), DFIN_OK);
    CHECK(units == 43666);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("2.345"), 2, DFIN_ROUND_TO_NEAREST_OR_EVEN), DFIN_OK);
    CHECK(units == 234);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("2.345"), 2, DFIN_ROUND_TO_NEAREST_OR_AWAY), DFIN_OK);
    CHECK(units == 235);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1.5"), 3, DFIN_ROUND_REQUIRE_EXACT), DFIN_OK);
    CHECK(units == 1500);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("-9223372036854775808"), 0, DFIN_ROUND_REQUIRE_EXACT), DFIN_OK);
    CHECK(units == INT64_MIN);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("9223372036854775807"), 0, DFIN_ROUND_REQUIRE_EXACT), DFIN_OK);
    CHECK(units == INT64_MAX);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("9223372036854775808"), 0, DFIN_ROUND_REQUIRE_EXACT), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1"), 38, DFIN_ROUND_REQUIRE_EXACT), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1.005"), 2, DFIN_ROUND_REQUIRE_EXACT), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1"), 39, DFIN_ROUND_DOWN), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1"), -1, DFIN_ROUND_DOWN), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1"), 2, 11), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("1"), 2, -1), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, TEXT("abc"), 2, DFIN_ROUND_DOWN), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, "", 0, 2, DFIN_ROUND_DOWN), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(NULL, TEXT("1"), 2, DFIN_ROUND_DOWN), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_decimal_parse(&units, NULL, 1, 2, DFIN_ROUND_DOWN), DFIN_ENULL_ARGUMENT);
}

static void test_decimal_format(void) {
    char out[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, 43666, 2), DFIN_OK);
    CHECK(strcmp(out, "436.66") == 0 && length == 6);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, -5, 3), DFIN_OK);
    CHECK(strcmp(out, "-0.005") == 0);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, 0, 2), DFIN_OK);
    CHECK(strcmp(out, "0.00") == 0);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, INT64_MAX, 0), DFIN_OK);
    CHECK(strcmp(out, "9223372036854775807") == 0);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, INT64_MIN, 38), DFIN_OK);
    CHECK(length <= DFIN_DECIMAL_STRING_MAX && strlen(out) == length);
    CHECK(strcmp(out, "-0.00000000000000000009223372036854775808") == 0);
    /* Buffer protocol. */
    CHECK_STATUS(dfin_decimal_format(NULL, 0, &length, 43666, 2), DFIN_EBUFFER_TOO_SMALL);
    CHECK(length == 6);
    memset(out, 'X', sizeof out);
    CHECK_STATUS(dfin_decimal_format(out, 6, &length, 43666, 2), DFIN_EBUFFER_TOO_SMALL);
    CHECK(out[0] == 'X' && length == 6);
    CHECK_STATUS(dfin_decimal_format(out, 7, &length, 43666, 2), DFIN_OK);
    CHECK(strcmp(out, "436.66") == 0);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, 1, 39), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, &length, 1, -1), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_format(out, sizeof out, NULL, 1, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_decimal_format(NULL, 4, &length, 1, 2), DFIN_ENULL_ARGUMENT);
}

static void test_decimal_round(void) {
    char out[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("2.345"), 2, DFIN_ROUND_TO_NEAREST_OR_EVEN), DFIN_OK);
    CHECK(strcmp(out, "2.34") == 0 && length == 4);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("1.5"), 3, DFIN_ROUND_REQUIRE_EXACT), DFIN_OK);
    CHECK(strcmp(out, "1.500") == 0);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("-0.004"), 2, DFIN_ROUND_TO_NEAREST_OR_AWAY), DFIN_OK);
    CHECK(strcmp(out, "0.00") == 0);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("12345678901234567890"), 38, DFIN_ROUND_DOWN), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("1"), 38, DFIN_ROUND_DOWN), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("-0.1"), 38, DFIN_ROUND_DOWN), DFIN_OK);
    CHECK(length == DFIN_DECIMAL_STRING_MAX && strlen(out) == length);
    CHECK_STATUS(dfin_decimal_round(out, 4, &length, TEXT("2.345"), 2, DFIN_ROUND_DOWN), DFIN_EBUFFER_TOO_SMALL);
    CHECK(length == 4);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("2.3x"), 2, DFIN_ROUND_DOWN), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, TEXT("2.3"), 2, 42), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, &length, NULL, 0, 2, DFIN_ROUND_DOWN), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_decimal_round(out, sizeof out, NULL, TEXT("1"), 2, DFIN_ROUND_DOWN), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_decimal_round(NULL, 1, &length, TEXT("1"), 2, DFIN_ROUND_DOWN), DFIN_ENULL_ARGUMENT);
}

/** dfin_loan_payment with the common defaults: monthly, arrears, half up, cents. */
static dfin_status payment(int64_t *out, const char *principal, const char *balloon, const char *apr, int32_t term) {
    return dfin_loan_payment(out, principal, strlen(principal), balloon, balloon ? strlen(balloon) : 0, apr, strlen(apr),
                             term, 12, DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2);
}

static void test_loan_payment(void) {
    int64_t out = -1;
    /* the worked example of Documentation/Reference/Loan.md. */
    CHECK_STATUS(payment(&out, "30000.00", "10000.00", "6", 60), DFIN_OK);
    CHECK(out == 43666);
    CHECK_STATUS(payment(&out, "30000.00", NULL, "6", 60), DFIN_OK);
    CHECK(out == 57998);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("30000.00"), TEXT("10000.00"), TEXT("6"), 60, 12, DFIN_TIMING_ADVANCE,
                                   DFIN_ROUND_TO_NEAREST_OR_AWAY, 2), DFIN_OK);
    CHECK(out == 43448);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("30000.00"), TEXT("10000.00"), TEXT("6"), 60, 12, DFIN_TIMING_ARREARS,
                                   DFIN_ROUND_DOWN, 2), DFIN_OK);
    CHECK(out == 43665);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("30000"), TEXT("0"), TEXT("0"), 12, 12, DFIN_TIMING_ARREARS,
                                   DFIN_ROUND_REQUIRE_EXACT, 0), DFIN_OK);
    CHECK(out == 2500);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000.00"), NULL, 0, TEXT("0"), 3, 12, DFIN_TIMING_ARREARS,
                                   DFIN_ROUND_REQUIRE_EXACT, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, 3000000, 1000000, TEXT("6"), 60, 12, DFIN_TIMING_ARREARS,
                                         DFIN_ROUND_TO_NEAREST_OR_AWAY, 2), DFIN_OK);
    CHECK(out == 43666);
    CHECK_STATUS(dfin_loan_payment_minor(&out, 3000000, 0, TEXT("6"), 60, 12, DFIN_TIMING_ARREARS,
                                         DFIN_ROUND_TO_NEAREST_OR_AWAY, 2), DFIN_OK);
    CHECK(out == 57998);
    /* Out of range, each parameter in turn. */
    CHECK_STATUS(payment(&out, "0", NULL, "6", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "-1.00", NULL, "6", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.001", NULL, "6", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000000000000.00", NULL, "6", 60), DFIN_EINVALID_ARGUMENT);
    /* A balloon equal to the principal is an interest-only loan (1000.00 × 0.5 %); above it
       is negative amortization, which is unsupported. */
    CHECK_STATUS(payment(&out, "1000.00", "1000.00", "6", 60), DFIN_OK);
    CHECK(out == 500);
    CHECK_STATUS(payment(&out, "1000.00", "1000.01", "6", 60), DFIN_EUNSUPPORTED);
    CHECK_STATUS(payment(&out, "1000.00", "-1", "6", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "101", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "-1", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "6.12345678901", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "6", 0), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "6", 1201), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "six", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "1000.00", NULL, "", 60), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(payment(&out, "123456789012345678901234567890123456789", NULL, "6", 60), DFIN_EOVERFLOW);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 0, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 366, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 12, 2, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 12, -1, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 12, 0, 11, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 12, 0, 7, 5), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, TEXT("6"), 60, 12, 0, 7, -1), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, 0, 0, TEXT("6"), 60, 12, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, -100, 0, TEXT("6"), 60, 12, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, INT64_MAX, 0, TEXT("6"), 60, 12, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, 1000, INT64_MIN, TEXT("6"), 60, 12, 0, 7, 2), DFIN_EINVALID_ARGUMENT);
    /* NULL arguments. */
    CHECK_STATUS(payment(NULL, "1000.00", NULL, "6", 60), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, NULL, 4, NULL, 0, TEXT("6"), 60, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 3, TEXT("6"), 60, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment(&out, TEXT("1000"), NULL, 0, NULL, 1, 60, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(NULL, 1000, 0, TEXT("6"), 60, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_minor(&out, 1000, 0, NULL, 0, 60, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
}

static void test_loan_payment_batch(void) {
    enum { COUNT = 4 };
    const int64_t principals[COUNT] = {3000000, 3000000, 0, 2500000};
    const int64_t balloons[COUNT] = {1000000, 0, 0, 0};
    const char *const aprs[COUNT] = {"6", "6", "6", NULL};
    const size_t apr_lengths[COUNT] = {1, 1, 1, 1};
    const int32_t terms[COUNT] = {60, 60, 60, 48};
    int64_t payments[COUNT];
    dfin_status statuses[COUNT];
    const char *const rates[5] = {"0", "2.9", "4.99", "6.9", "19.99"};
    const int32_t months[3] = {36, 60, 84};
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, COUNT, principals, balloons, aprs, apr_lengths, terms, 12,
                                         DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2), DFIN_EINVALID_ARGUMENT);
    CHECK(statuses[0] == DFIN_OK && payments[0] == 43666);
    CHECK(statuses[1] == DFIN_OK && payments[1] == 57998);
    CHECK(statuses[2] == DFIN_EINVALID_ARGUMENT && payments[2] == 0);
    CHECK(statuses[3] == DFIN_ENULL_ARGUMENT && payments[3] == 0);
    /* No balloons array: all zero. */
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 2, principals, NULL, aprs, apr_lengths, terms, 12,
                                         DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2), DFIN_OK);
    CHECK(payments[0] == 57998 && payments[1] == 57998);
    /* A rate sheet equals the single calls. */
    {
        int64_t sheet_principals[15], sheet_payments[15];
        const char *sheet_aprs[15];
        size_t sheet_lengths[15];
        int32_t sheet_terms[15];
        dfin_status sheet_statuses[15];
        int row, column;
        for (row = 0; row < 5; row++) {
            for (column = 0; column < 3; column++) {
                sheet_principals[row * 3 + column] = 2750000;
                sheet_aprs[row * 3 + column] = rates[row];
                sheet_lengths[row * 3 + column] = strlen(rates[row]);
                sheet_terms[row * 3 + column] = months[column];
            }
        }
        CHECK_STATUS(dfin_loan_payment_batch(sheet_payments, sheet_statuses, 15, sheet_principals, NULL, sheet_aprs, sheet_lengths,
                                             sheet_terms, 12, DFIN_TIMING_ADVANCE, DFIN_ROUND_TO_NEAREST_OR_EVEN, 2), DFIN_OK);
        for (row = 0; row < 15; row++) {
            int64_t single = -1;
            CHECK_STATUS(dfin_loan_payment_minor(&single, 2750000, 0, sheet_aprs[row], sheet_lengths[row], sheet_terms[row], 12,
                                                 DFIN_TIMING_ADVANCE, DFIN_ROUND_TO_NEAREST_OR_EVEN, 2), DFIN_OK);
            CHECK(sheet_statuses[row] == DFIN_OK && sheet_payments[row] == single);
        }
    }
    /* Zero deals: nothing to do, arrays may be NULL. */
    CHECK_STATUS(dfin_loan_payment_batch(NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, 12, 0, 7, 2), DFIN_OK);
    /* A required array NULL. */
    CHECK_STATUS(dfin_loan_payment_batch(NULL, statuses, 1, principals, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_batch(payments, NULL, 1, principals, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 1, NULL, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 1, principals, NULL, NULL, apr_lengths, terms, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 1, principals, NULL, aprs, NULL, terms, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 1, principals, NULL, aprs, apr_lengths, NULL, 12, 0, 7, 2), DFIN_ENULL_ARGUMENT);
    /* Shared parameters out of range fail every deal. */
    CHECK_STATUS(dfin_loan_payment_batch(payments, statuses, 2, principals, NULL, aprs, apr_lengths, terms, 12, 0, 99, 2), DFIN_EINVALID_ARGUMENT);
    CHECK(statuses[0] == DFIN_EINVALID_ARGUMENT && statuses[1] == DFIN_EINVALID_ARGUMENT);
}

/** Checks an `_ex` call's error detail: status, path and a message containing `needle`. */
static void expect_error(const dfin_error *error, dfin_status status, const char *path, const char *needle) {
    CHECK(error->status == status);
    CHECK(strcmp(error->path, path) == 0);
    CHECK(strstr(error->message, needle) != NULL);
    CHECK(memchr(error->path, 0, DFIN_ERROR_PATH_SIZE) != NULL && memchr(error->message, 0, DFIN_ERROR_MESSAGE_SIZE) != NULL);
    if (error->status != status || strcmp(error->path, path) != 0 || strstr(error->message, needle) == NULL)
        fprintf(stderr, "  error: %s at '%s': %s\n  wanted: %s at '%s': %s\n", dfin_status_string(error->status),
                error->path, error->message, dfin_status_string(status), path, needle);
}

/** The `_ex` forms: same results and statuses as the plain calls, with the path and message. */
static void test_error_detail(void) {
    dfin_error error;
    int64_t out = -1;
    int32_t scale = -1;
    char buffer[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;

    /* Success: status ok, both texts empty (a stale detail is overwritten). */
    memset(&error, 'x', sizeof error);
    CHECK_STATUS(dfin_loan_payment_ex(&out, TEXT("30000.00"), TEXT("10000.00"), TEXT("6"), 60, 12, DFIN_TIMING_ARREARS,
                                      DFIN_ROUND_TO_NEAREST_OR_AWAY, 2, &error), DFIN_OK);
    CHECK(out == 43666);
    expect_error(&error, DFIN_OK, "", "");
    CHECK(error.message[0] == '\0');
    /* NULL error: the plain behaviour. */
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 1000000, TEXT("6"), 60, 12, 0, 7, 2, NULL), DFIN_OK);
    CHECK(out == 43666);

    /* Each parameter named. */
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("6"), 0, 12, 0, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "term", "found 0");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("140"), 60, 12, 0, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "apr", "found 140");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("6"), 60, 0, 0, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "periods_per_year", "found 0");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("6"), 60, 12, 0, 7, 9, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "minor_digits", "found 9");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("6"), 60, 12, 5, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "timing", "found 5");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 0, TEXT("6"), 60, 12, 0, 42, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "rounding", "found 42");
    CHECK_STATUS(dfin_loan_payment_minor_ex(&out, 3000000, 4000000, TEXT("6"), 60, 12, 0, 7, 2, &error), DFIN_EUNSUPPORTED);
    expect_error(&error, DFIN_EUNSUPPORTED, "balloon", "negative amortization");
    CHECK_STATUS(dfin_loan_payment_minor_ex(NULL, 3000000, 0, TEXT("6"), 60, 12, 0, 7, 2, &error), DFIN_ENULL_ARGUMENT);
    expect_error(&error, DFIN_ENULL_ARGUMENT, "out", "NULL");
    CHECK_STATUS(dfin_loan_payment_ex(&out, TEXT("30,000"), NULL, 0, TEXT("6"), 60, 12, 0, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "principal", "expected");
    CHECK_STATUS(dfin_loan_payment_ex(&out, TEXT("30000.001"), NULL, 0, TEXT("6"), 60, 12, 0, 7, 2, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "principal", "decimal places");
    CHECK_STATUS(dfin_loan_payment_ex(&out, TEXT("30000"), NULL, 5, TEXT("6"), 60, 12, 0, 7, 2, &error), DFIN_ENULL_ARGUMENT);
    expect_error(&error, DFIN_ENULL_ARGUMENT, "balloon", "NULL");

    /* Decimals. */
    CHECK_STATUS(dfin_decimal_validate_ex(&scale, TEXT("12.5e3"), &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "text", "offset 4");
    CHECK_STATUS(dfin_decimal_validate_ex(&scale, TEXT("12.50"), &error), DFIN_OK);
    CHECK(scale == 2);
    expect_error(&error, DFIN_OK, "", "");
    CHECK_STATUS(dfin_decimal_parse_ex(&out, TEXT("1.005"), 2, DFIN_ROUND_REQUIRE_EXACT, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "text", "not exact");
    CHECK_STATUS(dfin_decimal_parse_ex(&out, TEXT("99999999999999999999"), 0, DFIN_ROUND_DOWN, &error), DFIN_EOVERFLOW);
    expect_error(&error, DFIN_EOVERFLOW, "text", "int64_t");
    CHECK_STATUS(dfin_decimal_parse_ex(&out, TEXT("1"), 39, DFIN_ROUND_DOWN, &error), DFIN_EINVALID_ARGUMENT);
    expect_error(&error, DFIN_EINVALID_ARGUMENT, "scale", "found 39");
    CHECK_STATUS(dfin_decimal_format_ex(buffer, 3, &length, 43666, 2, &error), DFIN_EBUFFER_TOO_SMALL);
    CHECK(length == 6);
    expect_error(&error, DFIN_EBUFFER_TOO_SMALL, "capacity", "at least 7 bytes");
    CHECK_STATUS(dfin_decimal_format_ex(buffer, sizeof buffer, NULL, 43666, 2, &error), DFIN_ENULL_ARGUMENT);
    expect_error(&error, DFIN_ENULL_ARGUMENT, "out_length", "NULL");
    CHECK_STATUS(dfin_decimal_round_ex(buffer, sizeof buffer, &length, TEXT("2.345"), 2, DFIN_ROUND_TO_NEAREST_OR_EVEN, &error), DFIN_OK);
    CHECK(strcmp(buffer, "2.34") == 0);
    expect_error(&error, DFIN_OK, "", "");

    /* Batch: the first failing deal, by array element. */
    {
        int64_t payments[3], principals[3] = {3000000, 3000000, 3000000};
        dfin_status statuses[3];
        const char *aprs[3] = {"6", "abc", "6"};
        size_t apr_lengths[3] = {1, 3, 1};
        int32_t terms[3] = {60, 60, 0};
        CHECK_STATUS(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2, &error),
                     DFIN_EINVALID_ARGUMENT);
        expect_error(&error, DFIN_EINVALID_ARGUMENT, "aprs[1]", "expected");
        CHECK(statuses[0] == DFIN_OK && statuses[1] == DFIN_EINVALID_ARGUMENT && statuses[2] == DFIN_EINVALID_ARGUMENT);
        aprs[1] = "6";
        apr_lengths[1] = 1;
        CHECK_STATUS(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2, &error),
                     DFIN_EINVALID_ARGUMENT);
        expect_error(&error, DFIN_EINVALID_ARGUMENT, "terms[2]", "found 0");
        CHECK_STATUS(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 0, 0, 7, 2, &error),
                     DFIN_EINVALID_ARGUMENT);
        expect_error(&error, DFIN_EINVALID_ARGUMENT, "periods_per_year", "found 0");
        CHECK_STATUS(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, NULL, apr_lengths, terms, 12, 0, 7, 2, &error),
                     DFIN_ENULL_ARGUMENT);
        expect_error(&error, DFIN_ENULL_ARGUMENT, "aprs", "NULL");
        terms[2] = 60;
        CHECK_STATUS(dfin_loan_payment_batch_ex(payments, statuses, 3, principals, NULL, aprs, apr_lengths, terms, 12, 0, 7, 2, &error),
                     DFIN_OK);
        expect_error(&error, DFIN_OK, "", "");
        CHECK(payments[0] == 57998 && payments[2] == 57998);
    }
}

int main(void) {
    test_version();
    test_status_strings();
    test_calculate();
    test_calculate_buffer();
    test_decimal_validate();
    test_rounding_table();
    test_decimal_parse();
    test_decimal_format();
    test_decimal_round();
    test_loan_payment();
    test_loan_payment_batch();
    test_error_detail();
    return check_finish();
}
