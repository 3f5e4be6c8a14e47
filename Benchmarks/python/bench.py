#!/usr/bin/env python3
"""DealFinance benchmarks — the Python peers on the shared workload (.build-data/deals.csv).

Times Python `decimal` (28 digits, the default context) and numpy-financial `pmt` (scalar
calls and one vectorized call over all deals) computing the same payment as ours — half-up
rounded to minor units — and counts the deals where each disagrees with ours
(.build-data/ours-random.txt, written by `dealbench-data check`). Writes .build-data/python.json.
"""
import csv
import decimal
import json
import math
import os
import sys
import time

import numpy as np
import numpy_financial as npf

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("DEALBENCH_DATA", os.path.join(HERE, "..", ".build-data"))
TIMED = 20_000          # deals per timed scalar pass
REPEATS = 5             # passes; the median pass is reported


def load(name):
    with open(os.path.join(DATA, name)) as f:
        rows = list(csv.DictReader(f))
    return [(int(r["principal_minor"]), int(r["balloon_minor"]), r["apr"], int(r["periods_per_year"]),
             int(r["term"]), r["advance"] == "1") for r in rows]


D = decimal.Decimal
ONE = D(1)
HUNDRED = D(100)


def decimal_payment(a, b, apr, m, n, advance):
    i = D(apr) / HUNDRED / m
    if not i:
        p = D(a - b) / n
    else:
        r = (ONE + i) ** n
        p = (a * r - b) * i / (r - ONE)
        if advance:
            p = p / (ONE + i)
    return int(p.quantize(ONE, rounding=decimal.ROUND_HALF_UP))


def npf_payment(a, b, apr, m, n, advance):
    i = float(apr) / 100 / m
    p = -npf.pmt(i, n, a, -b, when="begin" if advance else "end")
    return math.floor(p + 0.5)


def median_ns_per_deal(fn, deals):
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter_ns()
        for d in deals:
            fn(*d)
        times.append((time.perf_counter_ns() - start) / len(deals))
    times.sort()
    return times[len(times) // 2]


def main():
    decimal.getcontext().prec = 28
    result = {}
    for workload in ("random", "ties"):
        file = "deals.csv" if workload == "random" else "ties.csv"
        if not os.path.exists(os.path.join(DATA, file)):
            continue
        deals = load(file)
        with open(os.path.join(DATA, f"ours-{workload}.txt")) as f:
            ours = [int(line) for line in f if line.strip()]
        assert len(ours) == len(deals), "ours-*.txt does not match the workload: run dealbench-data check"
        a = np.array([d[0] for d in deals], dtype=np.float64)
        b = np.array([d[1] for d in deals], dtype=np.float64)
        rate = np.array([float(d[2]) / 100 / d[3] for d in deals])
        n = np.array([d[4] for d in deals], dtype=np.float64)
        when = np.array([1 if d[5] else 0 for d in deals])
        vector = np.floor(-npf.pmt(rate, n, a, -b, when=when) + 0.5).astype(np.int64)
        entry = {
            "python-decimal": {"disagreements": sum(decimal_payment(*d) != o for d, o in zip(deals, ours))},
            "numpy-financial": {"disagreements": sum(npf_payment(*d) != o for d, o in zip(deals, ours))},
            "numpy-financial-vectorized": {"disagreements": int(np.count_nonzero(vector != np.array(ours)))},
            "deals": len(deals),
        }
        if workload == "random":
            subset = deals[:TIMED]
            entry["python-decimal"]["ns"] = median_ns_per_deal(decimal_payment, subset)
            entry["numpy-financial"]["ns"] = median_ns_per_deal(npf_payment, subset)
            vtimes = []
            for _ in range(REPEATS):
                start = time.perf_counter_ns()
                np.floor(-npf.pmt(rate, n, a, -b, when=when) + 0.5).astype(np.int64)
                vtimes.append((time.perf_counter_ns() - start) / len(deals))
            vtimes.sort()
            entry["numpy-financial-vectorized"]["ns"] = vtimes[len(vtimes) // 2]
        result[workload] = entry
        print(f"python {workload}: " + ", ".join(
            f"{k} {v.get('ns', float('nan')):.0f} ns/deal, {v['disagreements']} disagreements"
            for k, v in entry.items() if isinstance(v, dict)))
    result["python"] = sys.version.split()[0]
    result["numpy"] = np.__version__
    result["numpy_financial"] = getattr(npf, "__version__", "?")
    with open(os.path.join(DATA, "python.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
