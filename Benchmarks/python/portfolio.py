# DealFinance benchmarks — portfolios (make bench-portfolio): one run, one table of rows per
# second and ratios, written to Benchmarks/RESULTS-portfolio.md and as the last section of
# RESULTS.md (report.py appends the file there on make bench), and printed.
#
#   python portfolio.py ROWS WORKDIR
#
# Workload: ROWS fixed-seed monthly loans in arrears (5,000.00–80,000.00, a rate sheet of
# 0.00–24.99 %, 24–84 payments), the same deals for every row of the table.
"""Rows/s of the columnar batches, numpy-financial, decimal128, DuckDB, Spark and a Python loop."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import time
from typing import Callable, Dict, List, Tuple

import numpy as np
import numpy_financial as npf
import pyarrow as pa
import pyarrow.parquet as pq

import dealfinance
from dealfinance import batch, engines
from dealfinance._native import lib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(function: Callable[[], object], repeat: int = 1) -> float:
    """The best wall time of `repeat` calls, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def decimal_column(values: np.ndarray, precision: int, scale: int) -> pa.Array:
    """int64 coefficients as a decimal128(precision, scale) column (no per-value conversion)."""
    words = np.empty((len(values), 2), dtype=np.int64)
    words[:, 0], words[:, 1] = values, values >> 63
    return pa.Array.from_buffers(pa.decimal128(precision, scale), len(values), [None, pa.py_buffer(words)])


def deals(rows: int) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(20261205)
    return {"principal": rng.integers(500_000, 8_000_001, rows, dtype=np.int64),
            "apr": rng.integers(0, 2500, rows, dtype=np.int64),                      # scale 2
            "term": rng.choice(np.array([24, 36, 48, 60, 72, 84], dtype=np.int32), rows)}


def exact_payments(d: Dict[str, np.ndarray]) -> Tuple[np.ndarray, np.ndarray, Callable[[], None]]:
    """dfin_loan_payment_batch over every deal (rates as the rate sheet's texts)."""
    rows = len(d["principal"])
    sheet = [dealfinance.decimal_format(int(k), 2).encode() for k in range(2500)]
    keep = [ctypes.c_char_p(text) for text in sheet]
    addresses = np.array([ctypes.cast(text, ctypes.c_void_p).value for text in keep], dtype=np.uint64)
    aprs = np.ascontiguousarray(addresses[d["apr"]])
    lengths = np.array([len(text) for text in sheet], dtype=np.uint64)[d["apr"]]
    payments = np.zeros(rows, dtype=np.int64)
    statuses = np.zeros(rows, dtype=np.int32)
    p64, p32 = ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(ctypes.c_int32)

    def run() -> None:
        lib.dfin_loan_payment_batch(payments.ctypes.data_as(p64), statuses.ctypes.data_as(p32), rows,
                                    d["principal"].ctypes.data_as(p64), None,
                                    ctypes.cast(aprs.ctypes.data, ctypes.POINTER(ctypes.c_char_p)),
                                    ctypes.cast(lengths.ctypes.data, ctypes.POINTER(ctypes.c_size_t)),
                                    d["term"].ctypes.data_as(p32), 12, 0, 7, 2)
        _ = keep
    return payments, statuses, run


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    work = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build-data", "portfolio")
    os.makedirs(work, exist_ok=True)
    d = deals(rows)
    table: List[Tuple[str, float, str]] = []
    cores = sorted(os.sched_getaffinity(0))

    # --- one core ---------------------------------------------------------------------------
    os.sched_setaffinity(0, {cores[0]})
    payments, statuses, run = exact_payments(d)
    exact_seconds = timed(run)
    assert not statuses.any()
    exact_rate = rows / exact_seconds
    table.append(("exact payments, C batch dfin_loan_payment_batch (1 core)", exact_rate, "correctly rounded"))

    rate = d["apr"] / 120000.0
    def numpy_pmt() -> np.ndarray:
        return npf.pmt(rate, d["term"], -d["principal"] / 100.0)
    float_seconds = timed(numpy_pmt)
    float_payments = np.floor(numpy_pmt() * 100 + 0.5).astype(np.int64)
    float_wrong = int((float_payments != payments).sum())
    table.append(("numpy-financial vectorized pmt, float64 (1 core)", rows / float_seconds,
                  f"{float_wrong} of {rows} cents differ"))

    for name, values in (("principal.i64", d["principal"]), ("apr.i64", d["apr"]), ("term.i32", d["term"])):
        values.tofile(os.path.join(work, name))
    peer = os.path.join(work, "decimal128")
    subprocess.run(["cc", "-O2", "-std=c99", os.path.join(ROOT, "c", "decimal128.c"), "-lbidgcc000", "-o", peer],
                   check=True)
    output = subprocess.run([peer, work, str(rows)], check=True, capture_output=True, text=True).stdout
    decimal_rate = float(output.split()[-1])
    decimal_wrong = int((np.fromfile(os.path.join(work, "decimal128.i64"), dtype=np.int64) != payments).sum())
    table.append(("IEEE 754 decimal128 in C, Intel libbid, 34 digits (1 core)", decimal_rate,
                  f"{decimal_wrong} of {rows} cents differ"))

    columns = dict(selling_price=d["principal"], apr=d["apr"], term=d["term"], scales={"apr": 2}, disclosed_apr=False)
    quote_seconds = timed(lambda: batch.loan_quote_arrays(**columns))
    quote_rate = rows / quote_seconds
    table.append(("full loan quote batch, dfin_loan_quote_batch, no APR (1 core)", quote_rate, ""))
    apr_rows = min(rows, 1_000_000)
    sample = {name: value[:apr_rows] for name, value in d.items()}
    def with_apr() -> None:
        batch.loan_quote_arrays(selling_price=sample["principal"], apr=sample["apr"], term=sample["term"],
                                scales={"apr": 2})
    apr_seconds = timed(with_apr)
    table.append((f"full loan quote batch with the disclosed APR (1 core, {apr_rows:,} rows)", apr_rows / apr_seconds,
                  "solves the Reg Z APR per row"))
    lease = dict(selling_price=d["principal"] + 1_000_000, msrp=d["principal"] + 1_200_000,
                 residual_percent=np.full(rows, 55, dtype=np.int64), money_factor=d["apr"] + 100, term=d["term"],
                 scales={"money_factor": 6})
    table.append(("full lease quote batch, dfin_lease_quote_batch (1 core)",
                  rows / timed(lambda: batch.lease_quote_arrays(**lease)), ""))

    loop_rows = min(rows, 20_000)
    requests = [{"calculate": "loan", "sellingPrice": dealfinance.decimal_format(int(d["principal"][k]), 2),
                 "apr": dealfinance.decimal_format(int(d["apr"][k]), 2), "term": int(d["term"][k])} for k in range(loop_rows)]
    loop_rate = loop_rows / timed(lambda: [dealfinance.calculate(request) for request in requests])
    table.append((f"Python loop over dealfinance.calculate (1 core, {loop_rows:,} rows)", loop_rate,
                  "JSON per row, with the APR"))

    # --- both cores ---------------------------------------------------------------------------
    os.sched_setaffinity(0, set(cores))
    # Wall time needs two idle cores; CPU time per row shows whether the threads slow each
    # other down (contention), which holds on a loaded machine too.
    cpu_start = time.process_time()
    one_wall = timed(lambda: batch.loan_quote_arrays(threads=1, **columns))
    one_cpu = time.process_time() - cpu_start
    cpu_start = time.process_time()
    two_wall = timed(lambda: batch.loan_quote_arrays(threads=2, **columns))
    two_cpu = time.process_time() - cpu_start
    two_rate = rows / two_wall
    quote_rate = max(quote_rate, rows / one_wall)
    table.append(("full loan quote batch, no APR, 2 threads", two_rate,
                  f"{two_rate / quote_rate:.2f}× of 1 thread (wall); CPU time per row {two_cpu / one_cpu:.2f}× of 1 thread"))

    arrow = pa.table({"selling_price": decimal_column(d["principal"], 14, 2), "apr": decimal_column(d["apr"], 6, 2),
                      "term": pa.array(d["term"])})
    parquet = os.path.join(work, "deals.parquet")
    pq.write_table(arrow, parquet)

    import duckdb
    connection = duckdb.connect()
    engines.register_duckdb(connection)
    sql = ("SELECT count(*), sum(q.payment) FROM (SELECT dealfinance_loan(selling_price, NULL, NULL, NULL, NULL, "
           "NULL, apr, NULL, term, NULL, NULL) AS q FROM read_parquet('" + parquet + "'))")
    duck_seconds = timed(lambda: connection.execute(sql).fetchall())
    count, total = connection.execute(sql).fetchall()[0]
    assert count == rows and int(total * 100) == int(payments.sum()), (count, total)
    table.append(("DuckDB, dealfinance_loan Arrow UDF over Parquet, with the APR (2 cores)", rows / duck_seconds,
                  f"{rows / duck_seconds / loop_rate:.0f}× the Python loop"))

    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession, functions
    spark = (SparkSession.builder.master("local[2]").appName("dealfinance-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.read.parquet(parquet)
    def spark_run() -> None:
        result = engines.spark_loan_quotes(frame).agg(functions.count("*"), functions.sum("payment")).collect()[0]
        assert result[0] == rows and int(result[1] * 100) == int(payments.sum())
    spark_seconds = timed(spark_run)
    spark.stop()
    table.append(("Spark local[2], mapInArrow, with the APR (2 cores, start-up included)", rows / spark_seconds,
                  f"{rows / spark_seconds / loop_rate:.0f}× the Python loop"))

    # --- report -------------------------------------------------------------------------------
    lines = ["## Portfolios (make bench-portfolio)", "",
             f"One run of `Benchmarks/python/portfolio.py` over {rows:,} fixed-seed monthly loans "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, shared machine: "
             "ratios are indicative). Every payment of every peer is compared with ours.", "",
             "| workload | rows/s | note |", "|---|---:|---|"]
    for name, value, note in table:
        lines.append(f"| {name} | {value:,.0f} | {note} |")
    lines += ["", f"Exact batch payments vs numpy-financial's vectorized float pmt: "
              f"**{exact_rate / (rows / float_seconds):.2f}×** its speed (ratio of payments/s, same run); "
              f"vs decimal128: **{exact_rate / decimal_rate:.2f}×**. Full quote 1 → 2 threads: "
              f"**{two_rate / quote_rate:.2f}×** wall, CPU time per row {two_cpu / one_cpu:.2f}× "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores during the run).", ""]
    text = "\n".join(lines)
    with open(os.path.join(ROOT, "RESULTS-portfolio.md"), "w") as handle:
        handle.write(text)
    splice_results(text)
    print(text)


def splice_results(text: str) -> None:
    """Replaces the portfolio section of RESULTS.md (the last one; report.py appends
    RESULTS-portfolio.md there too) with `text`."""
    path = os.path.join(ROOT, "RESULTS.md")
    with open(path) as handle:
        results = handle.read()
    head = results.split("## Portfolios (make bench-portfolio)")[0].rstrip()
    with open(path, "w") as handle:
        handle.write(head + "\n\n" + text.rstrip() + "\n")


if __name__ == "__main__":
    main()
