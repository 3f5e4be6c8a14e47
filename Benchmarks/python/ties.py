#!/usr/bin/env python3
"""DealFinance benchmarks — the tie-heavy workload (.build-data/ties.csv, same columns as deals.csv).

For a rate, term and timing with no balloon, the exact payment is linear in the amount:
P*(A) = α·A with α = a/D exact. The amounts A whose P*(A) lies within w of a half cent k + ½
are those with (2a·A) mod 2D in [D − W, D + W], W = ⌊2w·D⌋ — found without scanning by the
Euclid-like recursion `first` (TieTable's method). Standard library only.
"""
import os
import random
from fractions import Fraction
from math import gcd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("DEALBENCH_DATA", os.path.join(HERE, "..", ".build-data"))
WINDOW = Fraction(1, 10**8)       # minor units: within 10⁻⁸ cent of a half cent
CONFIGS = 4000
LOW, HIGH = 5_000_00, 150_000_00  # amounts searched (minor units)
HEADER = ("selling_price,down_payment,tax_rate,doc_fee,trade_allowance,trade_payoff,apr,periods_per_year,"
          "term,advance,balloon_percent,contract_date,principal_minor,balloon_minor,rate_p,rate_q")


def first(a, m, l, r):
    """Smallest x ≥ 0 with l ≤ (a·x) mod m ≤ r (0 ≤ l ≤ r < m), or None."""
    a %= m
    if l == 0:
        return 0
    if a == 0:
        return None
    k = -(-l // a)
    if a * k <= r:
        return k
    y = first(m % a, a, (-r) % a, (-l) % a)
    if y is None:
        return None
    return -(-(l + m * y) // a)


def hits(a, m, l, r, start, stop):
    """All x in [start, stop) with l ≤ (a·x) mod m ≤ r (no wrap), ascending."""
    x = start
    while x < stop:
        c = (a * x) % m
        lo, hi = (l - c) % m, (r - c) % m
        if lo <= hi:
            step = first(a, m, lo, hi)
        else:  # the shifted interval wraps: [lo, m) ∪ [0, hi] and 0 is in it
            step = 0
        if step is None or x + step >= stop:
            return
        yield x + step
        x += step + 1


def rate_of(apr_text, m):
    apr = Fraction(apr_text)
    return apr / 100 / m


def main():
    rng = random.Random(20260811)
    rows = []
    for _ in range(CONFIGS):
        m = rng.choice([12, 12, 12, 24, 26, 52, 4])
        decimals = rng.choice([1, 2, 3])
        apr_value = rng.randint(1, 25 * 10**decimals)
        apr_text = f"{apr_value // 10**decimals}.{apr_value % 10**decimals:0{decimals}d}"
        n = rng.choice([24, 36, 48, 60, 72, 84, 96]) * (m // 12 if m >= 12 else 1) if m >= 12 else rng.choice([8, 12, 20])
        advance = rng.random() < 0.15
        i = rate_of(apr_text, m)
        power = (1 + i) ** n
        alpha = i * power / (power - 1)          # P*(A) = α·A (arrears, no balloon)
        if advance:
            alpha /= 1 + i
        a, d = alpha.numerator, alpha.denominator
        w = (2 * WINDOW * d).__floor__()
        for amount in hits(2 * a, 2 * d, d - w, d + w, LOW, HIGH):
            exact = alpha * amount
            assert abs(exact - (exact.__floor__() + Fraction(1, 2))) <= WINDOW
            rows.append((amount, apr_text, m, n, advance, i))
    # Exact ties at rate zero (P = A/n exactly k + ½): the fast path must defer every one.
    for _ in range(200):
        n = rng.choice([24, 36, 48, 60, 72, 84, 96])
        k = rng.randint(200_00, 900_00)
        rows.append((n * (2 * k + 1) // 2, "0", 12, n, False, Fraction(0)))
    with open(os.path.join(DATA, "ties.csv"), "w") as f:
        f.write(HEADER + "\n")
        for amount, apr_text, m, n, advance, i in rows:
            price = f"{amount // 100}.{amount % 100:02d}"
            f.write(f"{price},0.00,0,0.00,,,{apr_text},{m},{n},{1 if advance else 0},,,{amount},0,{i.numerator},{i.denominator}\n")
    print(f"ties: wrote {len(rows)} near-tie deals (within {float(WINDOW):g} minor unit of a half) to {DATA}/ties.csv")


if __name__ == "__main__":
    # Self-check of `first` against brute force on small moduli.
    for a in range(1, 40):
        for m in range(a + 1, 60):
            for l in range(0, m, 3):
                for r in range(l, m, 4):
                    brute = next((x for x in range(m) if l <= (a * x) % m <= r), None)
                    assert first(a, m, l, r) == brute, (a, m, l, r)
    main()
