#!/usr/bin/env python3
"""DealFinance benchmarks — one table from one `make bench` run.

Reads the raw samples package-benchmark exported (.build-data/results/*.histogram.samples.tsv,
1,000 operations per sample), the correctness check (.build-data/check.tsv) and the Python
peers (.build-data/python.json); prints the table and writes Benchmarks/RESULTS.md and
Benchmarks/ratios.svg (a plain SVG bar chart of the ratios, drawn here from the numbers).
Standard library only.
"""
import datetime
import glob
import json
import math
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
DATA = os.environ.get("DEALBENCH_DATA", os.path.join(ROOT, ".build-data"))
SCALE = 1000  # operations per sample (scalingFactor .kilo)
UNITS = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}

# (benchmark, workload label, implementation label, ops per "operation" note)
SWIFT = [
    ("payment_ours", "loan payment", "ours (DealFinance, correctly rounded)"),
    ("payment_c-double", "loan payment", "C double + pow (naive)"),
    ("payment_gmp-mpq", "loan payment", "C GMP mpq (exact)"),
    ("payment_foundation-decimal", "loan payment", "Foundation.Decimal"),
    ("quote_ours", "full loan quote", "ours: RetailLoan.quote()"),
    ("leasequote_ours", "full lease quote", "ours: Lease.quote()"),
    ("aprsolve_ours", "Reg Z APR, 72 payments, odd first period", "ours: AnnualPercentageRate.solve()"),
    ("schedule360_ours", "360-row schedule", "ours: quote(includeSchedule: true)"),
    ("json_ours", "JSON round trip", "ours: calculate(requestBytes:) + JSONWriter"),
    ("grid30_ours", "payment grid 6×5", "ours: 30 quotes"),
    ("leads_ours", "lead scoring + hot sheet, 100,000 leads", "ours: LeadScorer.score(leads, explained: false) + LeadAnalytics.hotSheet"),
    ("reconcileloan_ours", "reconcile a loan quote (784 conventions + implied values)", "ours: calculate reconcile"),
    ("reconcilelease_ours", "reconcile a lease quote (166 conventions + implied values)", "ours: calculate reconcile"),
]
# Operations per sample where it is not SCALE (the leads benchmark times one pass per sample).
SAMPLE_SCALE = {"leads_ours": 1, "reconcileloan_ours": 1, "reconcilelease_ours": 1}
PYTHON = [
    ("python-decimal", "Python decimal (28 digits)"),
    ("numpy-financial", "numpy-financial pmt (scalar)"),
    ("numpy-financial-vectorized", "numpy-financial pmt (vectorized, 100k)"),
]
TARGETS = {
    "quote_ours": ("≤ 1 µs, 0 allocations", lambda ns, al: ns <= 1000 and al == 0),
    "leasequote_ours": ("≤ 1 µs, 0 allocations", lambda ns, al: ns <= 1000 and al == 0),
    "aprsolve_ours": ("≤ 5 µs", lambda ns, al: ns <= 5000),
    "schedule360_ours": ("≤ 15 µs", lambda ns, al: ns <= 15000),
    "json_ours": ("≤ 25 µs", lambda ns, al: ns <= 25000),
    "leads_ours": ("≤ 100 ms", lambda ns, al: ns <= 100e6),
}


def samples(name, metric):
    paths = glob.glob(os.path.join(DATA, "results", f"*.DealBenchmarks.{name}.{metric}.histogram.samples.tsv"))
    if not paths:
        return None
    with open(paths[0]) as f:
        header = f.readline()
        unit = re.search(r"\((K|M|G)\)", header)
        factor = UNITS[unit.group(1) if unit else ""]
        values = sorted(float(line) * factor for line in f if line.strip())
    return values


def median(values):
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def fmt_time(ns):
    if ns is None:
        return "—"
    if ns < 1000:
        return f"{ns:.1f} ns" if ns < 100 else f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1000:.2f} µs"
    return f"{ns / 1e6:.2f} ms"


def fmt_ratio(r):
    return "—" if r is None else (f"{r:.2f}×" if r < 10 else f"{r:.0f}×")


def command(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def main():
    rows = []  # (workload, impl, ns, allocs, ratio peer/ours, disagreements, key)
    measured = {}
    for key, workload, impl in SWIFT:
        t, m = samples(key, "wallClock"), samples(key, "mallocCountTotal")
        scale = SAMPLE_SCALE.get(key, SCALE)
        ns = median(t) / scale if t else None
        al = median(m) / scale if m else None
        measured[key] = (ns, al)
    check = {}
    checkpath = os.path.join(DATA, "check.tsv")
    if os.path.exists(checkpath):
        lines = open(checkpath).read().split("\n")
        cols = lines[0].split("\t")
        for line in lines[1:]:
            if line:
                check[line.split("\t")[0]] = dict(zip(cols, line.split("\t")))
    py = json.load(open(os.path.join(DATA, "python.json"))) if os.path.exists(os.path.join(DATA, "python.json")) else {}
    ours_ns = measured["payment_ours"][0]
    disagreement_columns = {"payment_gmp-mpq": "gmp", "payment_c-double": "c_double",
                            "payment_foundation-decimal": "foundation_decimal"}

    def disagreements(getter):
        parts = []
        for workload in ("random", "ties"):
            value = getter(workload)
            if value is not None:
                parts.append(f"{value} / {check.get(workload, {}).get('deals', '?')}" + (" ties" if workload == "ties" else ""))
        return "; ".join(parts) if parts else "—"

    for key, workload, impl in SWIFT:
        ns, al = measured[key]
        ratio = ns / ours_ns if key.startswith("payment_") and key != "payment_ours" and ns and ours_ns else None
        if key == "payment_ours":
            dis = disagreements(lambda w: check[w]["fallbacks"] if w in check else None)
            dis = "exact fallback: " + dis
        elif key in disagreement_columns:
            dis = disagreements(lambda w: check[w][disagreement_columns[key]] if w in check else None)
        else:
            dis = ""
        rows.append((workload, impl, ns, al, ratio, dis, key))
    for key, impl in PYTHON:
        entry = py.get("random", {}).get(key)
        if not entry:
            continue
        ns = entry.get("ns")
        dis = disagreements(lambda w: py.get(w, {}).get(key, {}).get("disagreements"))
        rows.append(("loan payment", impl, ns, None, ns / ours_ns if ns and ours_ns else None, dis, key))

    cabi = {}
    cabipath = os.path.join(DATA, "cabi.tsv")
    if os.path.exists(cabipath):
        lines = open(cabipath).read().split("\n")
        cabi = dict(zip(lines[0].split("\t"), lines[1].split("\t")))
    if cabi:
        per = float(cabi["median_seconds"]) / int(cabi["deals"]) * 1e9
        rows.append((f"batch of {int(cabi['deals']):,} deals via C ABI", "ours: dfin_loan_payment_batch (libdealfinance.so, C harness)",
                     per, None, None, f"{float(cabi['payments_per_second']) / 1e6:.2f} M payments/s; ≠ ours: {cabi['differing']} / {cabi['deals']}", "cabi"))

    header = ["workload", "implementation", "time/op (median)", "allocs/op", "peer ÷ ours", "rounded payments ≠ ours"]
    table = [header] + [[w, i, fmt_time(ns), "—" if al is None else (f"{al:.3f}".rstrip("0").rstrip(".") if al else "0"),
                         fmt_ratio(r), d] for (w, i, ns, al, r, d, _) in rows]
    widths = [max(len(r[c]) for r in table) for c in range(len(header))]
    text = "\n".join("  ".join(cell.ljust(widths[c]) for c, cell in enumerate(r)) for r in table)
    print(text)

    # Targets.
    double_ns = measured["payment_c-double"][0]
    gmp_ns = measured["payment_gmp-mpq"][0]
    pyd_ns = py.get("random", {}).get("python-decimal", {}).get("ns")
    pay_allocs = measured["payment_ours"][1]
    targets = [
        ("payment ≤ 3× naive C double", ours_ns <= 3 * double_ns, f"{ours_ns / double_ns:.2f}×"),
        ("payment ≥ 50× faster than GMP", gmp_ns >= 50 * ours_ns, f"{gmp_ns / ours_ns:.1f}×"),
        ("payment ≥ 50× faster than Python decimal", bool(pyd_ns) and pyd_ns >= 50 * ours_ns,
         f"{pyd_ns / ours_ns:.1f}×" if pyd_ns else "not measured"),
        ("payment: zero heap allocations", pay_allocs == 0, f"{pay_allocs:.3f} allocs/op"),
    ]
    for key, (label, ok) in TARGETS.items():
        ns, al = measured[key]
        if ns is None:
            targets.append((f"{key.split('_')[0]} {label}", False, "not measured"))
            continue
        allocs = "" if al is None else (f", {al:,.0f} allocs/op" if al >= 1000 else f", {al:.3f} allocs/op")
        targets.append((f"{key.split('_')[0]} {label}", ok(ns, al), f"{fmt_time(ns)}{allocs}"))
    if cabi:
        rate = float(cabi["payments_per_second"])
        targets.append(("C ABI batch ≥ 5,000,000 payments/s", rate >= 5e6, f"{rate / 1e6:.2f} M payments/s"))
    target_text = "\n".join(f"- {'MET' if ok else 'NOT MET'}: {label} — measured {value}" for label, ok, value in targets)
    print()
    print(target_text)

    # RESULTS.md (the generated part; the hand-written analysis lives in RESULTS-notes.md).
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = command(["swift", "--version"]).splitlines()
    gmp = command(["dpkg-query", "-W", "-f", "${Version}", "libgmp-dev"]) or "?"
    md = ["# DealFinance benchmark results", "",
          "Generated by `make bench` (Benchmarks/python/report.py) — do not edit by hand; the notes",
          "below the table come from Benchmarks/RESULTS-notes.md.", "",
          f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
          f"- Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()} {platform.machine()}",
          f"- Toolchain: {swift[0] if swift else '?'}; ordo-one/benchmark 1.38.1; libgmp-dev {gmp}",
          f"- Python {py.get('python', '?')}, numpy {py.get('numpy', '?')}, numpy-financial {py.get('numpy_financial', '?')}",
          f"- Workload: {check.get('random', {}).get('deals', '?')} fixed-seed deals (`dealbench-data generate`, seed 20260811)"
          + (f"; tie workload: {check['ties']['deals']} deals within 10⁻⁸ minor unit of a half cent (python/ties.py)" if 'ties' in check else ""),
          "- Times are medians of samples of 1,000 operations (Swift, one process per suite, same run);"
          " Python peers are the median of 5 passes over 20,000 deals in the same `make bench` run."
          " `peer ÷ ours` > 1 means ours is faster. Other builds share the 2 cores: compare ratios, not absolute times.",
          "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in table[1:]:
        md.append("| " + " | ".join(r) + " |")
    md += ["", "## Targets", "", target_text, "", "![ratios](ratios.svg)", ""]
    notes = os.path.join(ROOT, "RESULTS-notes.md")
    if os.path.exists(notes):
        md.append(open(notes).read())
    # The portfolio rows of the last make bench-portfolio (a separate, longer run).
    portfolio = os.path.join(ROOT, "RESULTS-portfolio.md")
    if os.path.exists(portfolio):
        md.append(open(portfolio).read())
    with open(os.path.join(ROOT, "RESULTS.md"), "w") as f:
        f.write("\n".join(md).rstrip() + "\n")

    # ratios.svg: peer time ÷ our time for each payment peer, log scale.
    bars = [(impl, r) for (w, impl, ns, al, r, d, key) in rows if r]
    write_svg(os.path.join(ROOT, "ratios.svg"), bars)
    print(f"\nwrote {os.path.relpath(os.path.join(ROOT, 'RESULTS.md'))} and {os.path.relpath(os.path.join(ROOT, 'ratios.svg'))}")


def write_svg(path, bars):
    left, width, bar_h, gap, top = 300, 440, 22, 10, 50
    lo = min(-1.0, math.floor(min(math.log10(r) for _, r in bars))) if bars else -1
    hi = max(1.0, math.ceil(max(math.log10(r) for _, r in bars))) if bars else 1
    x = lambda v: left + (math.log10(v) - lo) / (hi - lo) * width
    height = top + len(bars) * (bar_h + gap) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">Loan payment: peer time ÷ DealFinance time (log scale; &gt; 1 = DealFinance faster)</text>']
    for e in range(int(lo), int(hi) + 1):
        xx = x(10 ** e)
        out.append(f'<line x1="{xx:.1f}" y1="{top - 8}" x2="{xx:.1f}" y2="{height - 30}" stroke="#ddd"/>')
        out.append(f'<text x="{xx:.1f}" y="{height - 14}" text-anchor="middle">{10 ** e:g}×</text>')
    one = x(1)
    for k, (label, r) in enumerate(bars):
        y = top + k * (bar_h + gap)
        x0, x1 = sorted((one, x(r)))
        color = "#2a7ab9" if r >= 1 else "#d9822b"
        out.append(f'<text x="{left - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{x0:.1f}" y="{y}" width="{max(1.0, x1 - x0):.1f}" height="{bar_h}" fill="{color}"/>')
        out.append(f'<text x="{max(x1, one) + 4:.1f}" y="{y + bar_h * 0.7:.1f}">{fmt_ratio(r)}</text>')
    out.append(f'<line x1="{one:.1f}" y1="{top - 8}" x2="{one:.1f}" y2="{height - 30}" stroke="black"/>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    sys.exit(main())
