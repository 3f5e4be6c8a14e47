/* DealFinance — exact deal finance. The README's C example, built against an installed
 * library with pkg-config (make install-test):
 *
 *     cc example.c $(pkg-config --cflags --libs dealfinance) -o example */
#include <dealfinance.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    const char *request = "{\"calculate\":\"loan\",\"sellingPrice\":\"30000.00\",\"apr\":\"6\",\"term\":60,"
                          "\"balloon\":{\"amount\":\"10000.00\"}}";
    char *answer = NULL;
    char text[DFIN_DECIMAL_BUFFER_SIZE];
    size_t length = 0;
    int64_t cents = 0;
    dfin_status status;
    dfin_error error;

    if (dfin_version_number() != DFIN_VERSION_NUMBER) {
        fprintf(stderr, "header %s, library %s\n", DFIN_VERSION_STRING, dfin_version_string());
        return 1;
    }
    /* The JSON interface: the library allocates the answer; dfin_string_free releases it. */
    status = dfin_calculate(&answer, &length, request, strlen(request));
    printf("%s: %s\n", dfin_status_string(status), answer);
    dfin_string_free(answer);
    if (status != DFIN_OK) return 1;

    /* The typed fast path: the same payment without JSON, then formatted as text. The _ex
       form names the parameter at fault in the caller's dfin_error. */
    status = dfin_loan_payment_ex(&cents, "30000.00", 8, "10000.00", 8, "6", 1, 60, 12,
                                  DFIN_TIMING_ARREARS, DFIN_ROUND_TO_NEAREST_OR_AWAY, 2, &error);
    if (status != DFIN_OK) {
        fprintf(stderr, "%s at %s: %s\n", dfin_status_string(status), error.path, error.message);
        return 1;
    }
    status = dfin_decimal_format(text, sizeof text, &length, cents, 2);
    printf("payment %s\n", text);
    return status == DFIN_OK && strcmp(text, "436.66") == 0 ? 0 : 1;
}
