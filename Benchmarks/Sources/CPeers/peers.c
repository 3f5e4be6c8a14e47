// DealFinance benchmarks — C peers computing the same level payment as DealEngine.LevelPayment
// (regular first period, arrears or advance): the naive double formula and GMP's exact rationals.
#include "CPeers.h"
#include <math.h>
#include <gmp.h>

double cpeer_double_payment(double a, double b, double p, double q, int n, int advance) {
    double i = p / q;
    if (i == 0.0) return (a - b) / n;
    double r = pow(1.0 + i, n);
    double payment = (a * r - b) * i / (r - 1.0);
    if (advance) payment /= 1.0 + i;
    return payment;
}

int64_t cpeer_double_payment_rounded(double a, double b, double p, double q, int n, int advance) {
    return (int64_t)floor(cpeer_double_payment(a, b, p, q, n, advance) + 0.5);
}

int64_t cpeer_gmp_payment_rounded(int64_t a, int64_t b, int64_t p, int64_t q, int n, int advance) {
    // P = (A·(q+p)^n − B·q^n)·p / (q·((q+p)^n − q^n)), advance: × q/(q+p); round half up.
    mpz_t r, rn, qn, num, den, tmp, quo, rem;
    mpz_inits(r, rn, qn, num, den, tmp, quo, rem, NULL);
    int64_t result;
    if (p == 0) {
        mpz_set_si(num, a - b);
        mpz_set_si(den, n);
    } else {
        mpz_set_si(r, q + p);
        mpz_pow_ui(rn, r, (unsigned long)n);
        mpz_set_si(tmp, q);
        mpz_pow_ui(qn, tmp, (unsigned long)n);
        mpz_mul_si(num, rn, a);
        mpz_mul_si(tmp, qn, b);
        mpz_sub(num, num, tmp);
        mpz_mul_si(num, num, p);
        mpz_sub(den, rn, qn);
        mpz_mul_si(den, den, q);
        if (advance) {
            mpz_mul_si(num, num, q);
            mpz_mul(den, den, r);
        }
    }
    // The rational num/den through mpq (canonicalized as an exact rational would be), then
    // floor(P + 1/2) = floor((2·num + den) / (2·den)).
    mpq_t value;
    mpq_init(value);
    mpq_set_num(value, num);
    mpq_set_den(value, den);
    mpq_canonicalize(value);
    mpz_mul_2exp(tmp, mpq_numref(value), 1);
    mpz_add(tmp, tmp, mpq_denref(value));
    mpz_mul_2exp(den, mpq_denref(value), 1);
    mpz_fdiv_q(quo, tmp, den);
    result = (int64_t)mpz_get_si(quo);
    mpq_clear(value);
    mpz_clears(r, rn, qn, num, den, tmp, quo, rem, NULL);
    return result;
}
