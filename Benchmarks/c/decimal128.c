/* DealFinance benchmarks — the IEEE 754 decimal128 peer: the level payment of each deal of a
 * portfolio computed with Intel's Decimal Floating-Point Math Library (libintelrdfpmath-dev,
 * 34 significant digits, every operation rounded half-even), then rounded half away from zero
 * to cents: P = A·i / (1 − (1+i)^−n), i = apr / 100 / 12, (1+i)^n by repeated squaring.
 * A fixed-precision peer: near a half-cent tie its 34 digits can round the wrong way.
 *
 *   cc -O2 c/decimal128.c -lbidgcc000 -o decimal128
 *   decimal128 DIR COUNT   (reads DIR/principal.i64, apr.i64 (scale 2), term.i32; writes
 *                           DIR/decimal128.i64; prints "payments/s <rate>")
 */
#define _POSIX_C_SOURCE 200809L
#define DECIMAL_CALL_BY_REFERENCE 0
#define DECIMAL_GLOBAL_ROUNDING 0
#define DECIMAL_GLOBAL_EXCEPTION_FLAGS 0
#include <bid_conf.h>
#include <bid_functions.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define EVEN BID_ROUNDING_TO_NEAREST

static void *load(const char *dir, const char *name, size_t bytes) {
    char path[4096];
    void *data = malloc(bytes);
    FILE *file;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    file = fopen(path, "rb");
    if (file == NULL || data == NULL || fread(data, 1, bytes, file) != bytes) { perror(path); exit(1); }
    fclose(file);
    return data;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    size_t count = argc > 2 ? (size_t)atoll(argv[2]) : 0, k;
    int64_t *principal = load(dir, "principal.i64", count * 8), *apr = load(dir, "apr.i64", count * 8);
    int32_t *term = load(dir, "term.i32", count * 4);
    int64_t *payment = malloc(count * 8);
    _IDEC_flags flags = 0;
    BID_UINT128 one = bid128_from_int64(1), hundred_twelve_hundred = bid128_from_int64(120000);
    struct timespec start, stop;
    char path[4096];
    FILE *out;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (k = 0; k < count; k++) {
        /* apr[k] has scale 2: i = apr / 100 / 100 / 12 = apr / 120000. */
        BID_UINT128 amount = bid128_from_int64(principal[k]);   /* cents */
        BID_UINT128 rate = bid128_div(bid128_from_int64(apr[k]), hundred_twelve_hundred, EVEN, &flags);
        BID_UINT128 base = bid128_add(one, rate, EVEN, &flags), growth = one, cents;
        int32_t n = term[k];
        if (apr[k] == 0) {
            cents = bid128_div(amount, bid128_from_int64(n), EVEN, &flags);
        } else {
            while (n > 0) {
                if (n & 1) growth = bid128_mul(growth, base, EVEN, &flags);
                base = bid128_mul(base, base, EVEN, &flags);
                n >>= 1;
            }
            /* A·i·g / (g − 1) */
            cents = bid128_div(bid128_mul(bid128_mul(amount, rate, EVEN, &flags), growth, EVEN, &flags),
                               bid128_sub(growth, one, EVEN, &flags), EVEN, &flags);
        }
        payment[k] = bid128_to_int64_rninta(cents, &flags);
    }
    clock_gettime(CLOCK_MONOTONIC, &stop);
    snprintf(path, sizeof path, "%s/decimal128.i64", dir);
    out = fopen(path, "wb");
    if (out == NULL || fwrite(payment, 8, count, out) != count) { perror(path); return 1; }
    fclose(out);
    printf("payments/s %.1f\n", (double)count / ((double)(stop.tv_sec - start.tv_sec) + (double)(stop.tv_nsec - start.tv_nsec) * 1e-9));
    return 0;
}
