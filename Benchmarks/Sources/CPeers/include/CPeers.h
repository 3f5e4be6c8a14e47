#ifndef DEALFINANCE_CPEERS_H
#define DEALFINANCE_CPEERS_H
#include <stdint.h>

/// The naive payment a spreadsheet computes: P = (A·(1+i)^n − B)·i / ((1+i)^n − 1) in double
/// with pow, then rounded half away from zero to cents. Amounts in minor units; i = p/q.
double cpeer_double_payment(double principal, double balloon, double p, double q, int n, int advance);
/// The same formula rounded half up to an integer number of minor units.
int64_t cpeer_double_payment_rounded(double principal, double balloon, double p, double q, int n, int advance);

/// The exact payment with GMP rationals (mpq), rounded half up to minor units.
/// `p`, `q` are the reduced periodic rate; amounts in minor units. Allocates (GMP does).
int64_t cpeer_gmp_payment_rounded(int64_t principal, int64_t balloon, int64_t p, int64_t q, int n, int advance);
#endif
