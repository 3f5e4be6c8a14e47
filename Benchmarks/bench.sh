#!/bin/sh
# DealFinance benchmarks — what `make bench` runs: build the nested package (release), write the
# fixed-seed workload, check every peer's rounded payment against ours, time ours and the peers
# in one run (ordo-one/benchmark + the Python peers), then print one table and write RESULTS.md
# and ratios.svg.
set -eu
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import numpy_financial' 2>/dev/null; then
    echo "bench: creating Benchmarks/.venv with numpy-financial (pip)"
    python3 -m venv .venv
    .venv/bin/pip install -q numpy-financial
fi

# The decimal128 peer of make bench-portfolio: Intel's Decimal Floating-Point Math Library.
if ! printf '#include <bid_conf.h>\n' | cc -E -x c - >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing libintelrdfpmath-dev (the decimal128 peer) with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libintelrdfpmath-dev >/dev/null
    else
        echo "bench: the decimal128 peer (make bench-portfolio) needs 'sudo apt-get install libintelrdfpmath-dev'" >&2
    fi
fi

echo "bench: building the benchmark package (release)"
# SwiftPM keeps the cached build plan of the path dependency (the root package) when only its
# sources change, so a source file added there is not compiled; drop the plan (not the objects).
rm -f .build/release/description.json
$SWIFT build -c release --product dealbench-data
BIN=$($SWIFT build -c release --show-bin-path)
"$BIN/dealbench-data" generate
.venv/bin/python python/ties.py
"$BIN/dealbench-data" check

echo "bench: C ABI batch pricing (Benchmarks/c/batch.c against ../.build-cabi/lib/libdealfinance.so)"
CC=${CC:-cc}
$CC -O2 -std=c99 -Wall -I../include c/batch.c -L../.build-cabi/lib -ldealfinance \
    -Wl,-rpath,"$(cd .. && pwd)/.build-cabi/lib" -o .build-data/cabi-batch
.build-data/cabi-batch .build-data 21

echo "bench: timing ours and the Swift/C peers (ordo-one/benchmark)"
rm -rf .build-data/results
if ! $SWIFT package --allow-writing-to-package-directory benchmark --format histogramSamples \
        --path .build-data/results --no-progress >.build-data/benchmark.log 2>&1; then
    tail -40 .build-data/benchmark.log
    exit 1
fi
echo "bench: timing the Python peers"
.venv/bin/python python/bench.py
echo
python3 python/report.py
