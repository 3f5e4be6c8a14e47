#!/usr/bin/env bash
# DealFinance — command-line tests of dealcalc (SPEC §6). Builds nothing itself.
# usage: Tests/cli/test_dealcalc.sh PATH/TO/dealcalc
# Prints one line per failed check and ends with "N passed, N failed"; exits non-zero on any failure.
set -u

DEALCALC=${1:?usage: $0 PATH/TO/dealcalc}
[ -x "$DEALCALC" ] || { echo "not executable: $DEALCALC" >&2; exit 2; }

passed=0
failed=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION CONDITION-COMMAND...
    local what=$1; shift
    if "$@"; then ok; else fail "$what"; fi
}

# run ARGS... → sets OUT, ERR, RC
run() {
    "$DEALCALC" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    RC=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}
json_ok()  { python3 -m json.tool "$1" /dev/null 2>/dev/null; }
contains() { grep -qF -- "$2" <<<"$1"; }
lines()    { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l | tr -d ' '; fi; }

# quote --example loan: exit 0, valid JSON, the hand-checked payment.
run quote --example loan
check "quote --example loan exits 0 (got $RC)" test "$RC" -eq 0
check "quote --example loan prints valid JSON" json_ok "$WORK/out"
check "quote --example loan prints periodicPayment 698.76" contains "$OUT" '"total": "698.76"'
check "quote --example loan writes nothing on stderr" test -z "$ERR"

# --format table.
run quote --example loan --format table
check "--format table exits 0 (got $RC)" test "$RC" -eq 0
for label in "Payment Breakdown" "Net financed amount" "Total of payments"; do
    check "--format table shows \"$label\"" contains "$OUT" "$label"
done
check "--format table groups thousands" contains "$OUT" "35,278.18"

# quote --example lease: JSON and the lease Payment Breakdown (Reg M boxes, itemization).
run quote --example lease
check "quote --example lease exits 0 (got $RC)" test "$RC" -eq 0
check "quote --example lease prints valid JSON" json_ok "$WORK/out"
check "quote --example lease prints periodicPayment 503.01" contains "$OUT" '"total": "503.01"'
run quote --example lease --format table
check "lease --format table exits 0 (got $RC)" test "$RC" -eq 0
for label in "closed-end vehicle lease" "Amount due at signing" "Total of payments" "Adjusted capitalized cost" "Residual value" "503.01" "22,154.31"; do
    check "lease --format table shows \"$label\"" contains "$OUT" "$label"
done

# A request from a file and from standard input.
printf '%s' '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"balloon":{"amount":"10000.00"}}' >"$WORK/good.json"
run quote "$WORK/good.json"
check "quote FILE exits 0 (got $RC)" test "$RC" -eq 0
check "quote FILE prints the SPEC §3.1 payment 436.66" contains "$OUT" '"total": "436.66"'
"$DEALCALC" quote - <"$WORK/good.json" >"$WORK/out" 2>/dev/null
RC=$?
check "quote - reads standard input (exit $RC)" test "$RC" -eq 0
check "quote - prints the payment" grep -qF '"finalPayment": "436.41"' "$WORK/out"

# A failing request: the error object on stdout, exit 1.
printf '%s' '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":0}' >"$WORK/bad.json"
run quote "$WORK/bad.json"
check "failing request exits 1 (got $RC)" test "$RC" -eq 1
check "failing request prints valid JSON on stdout" json_ok "$WORK/out"
check "failing request prints the error object" python3 -c '
import json, sys
answer = json.load(open(sys.argv[1]))
error = answer["error"]
assert list(answer) == ["error"] and error["code"] == "invalid_argument" and error["path"] == "term"
assert error["message"].startswith("expected")
' "$WORK/out" 2>/dev/null
check "failing request writes nothing on stderr" test -z "$ERR"
printf '%s' 'not json' >"$WORK/notjson.json"
run quote "$WORK/notjson.json" --format table
check "invalid JSON exits 1 even with --format table (got $RC)" test "$RC" -eq 1
check "invalid JSON prints invalid_json" contains "$OUT" '"code": "invalid_json"'

# A missing file: exit 2, one line on stderr, nothing on stdout.
run quote "$WORK/no-such-file.json"
check "missing file exits 2 (got $RC)" test "$RC" -eq 2
check "missing file: one line on stderr (got $(lines "$ERR"))" test "$(lines "$ERR")" -eq 1
check "missing file: stderr names the file" contains "$ERR" "no-such-file.json"
check "missing file: nothing on stdout" test -z "$OUT"

# check: one passing and one failing vector.
mkdir -p "$WORK/vectors"
cat >"$WORK/vectors/loan.json" <<'JSON'
{
  "format": "dealfinance-vectors/1",
  "title": "CLI test",
  "cases": [
    {"id": "pass", "source": "SPEC §3.1 worked example",
     "request": {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60, "balloon": {"amount": "10000.00"}},
     "expect": {"periodicPayment.total": "436.66", "finalPayment": "436.41"}},
    {"id": "fail", "source": "deliberately wrong",
     "request": {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60},
     "expect": {"periodicPayment.total": "579.99"}}
  ]
}
JSON
run check "$WORK/vectors"
check "check with a failure exits 1 (got $RC)" test "$RC" -eq 1
expected_fail="FAIL $WORK/vectors/loan.json#fail periodicPayment.total: expected \"579.99\", got \"579.98\""
check "check prints exactly the FAIL line (got: $OUT)" test "$(sed -n 1p "$WORK/out")" = "$expected_fail"
check "check ends with 1 passed, 1 failed" test "$(tail -n 1 "$WORK/out")" = "1 passed, 1 failed"
check "check prints exactly two lines" test "$(lines "$OUT")" -eq 2
run check "$WORK/vectors/loan.json"
check "check FILE works the same (exit $RC)" test "$RC" -eq 1

# check: everything passing exits 0.
python3 - "$WORK/vectors/loan.json" "$WORK/passing.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data["cases"] = data["cases"][:1]
json.dump(data, open(sys.argv[2], "w"))
PY
run check "$WORK/passing.json"
check "check with no failures exits 0 (got $RC)" test "$RC" -eq 0
check "check prints 1 passed, 0 failed" test "$OUT" = "1 passed, 0 failed"

# check: an unparseable vector file exits 2 with one line on stderr.
mkdir -p "$WORK/broken"
printf '%s' '{"format": "dealfinance-vectors/1", "cases": [' >"$WORK/broken/broken.json"
run check "$WORK/broken"
check "unparseable vector file exits 2 (got $RC)" test "$RC" -eq 2
check "unparseable vector file: one line on stderr (got $(lines "$ERR"))" test "$(lines "$ERR")" -eq 1
check "unparseable vector file: stderr names the file" contains "$ERR" "broken.json"
printf '%s' '{"format": "dealfinance-vectors/9", "cases": []}' >"$WORK/broken/broken.json"
run check "$WORK/broken/broken.json"
check "wrong vector format exits 2 (got $RC)" test "$RC" -eq 2
check "wrong vector format: one line on stderr" test "$(lines "$ERR")" -eq 1
run check "$WORK/no-such-dir"
check "check on a missing path exits 2 (got $RC)" test "$RC" -eq 2

# dealcalc leads on the shipped sample: hot sheet, funnel, and a Lead Summary whose Payment
# Breakdown is the engine's quote of the same deal (checked against `dealcalc quote`).
AS_OF=2026-11-23T12:00:00Z
run leads Samples/leads --report hot-sheet --as-of "$AS_OF"
check "leads hot sheet exits 0 (got $RC)" test "$RC" -eq 0
check "leads hot sheet names its report and date" contains "$OUT" "hotSheet as of $AS_OF"
check "leads hot sheet lists the hottest sample lead" contains "$OUT" "S-007"
run leads Samples/leads --report funnel --as-of "$AS_OF"
check "leads funnel exits 0 (got $RC)" test "$RC" -eq 0
check "leads funnel starts at New" contains "$OUT" "New"
run leads Samples/leads --report funnel --as-of "$AS_OF" --format json
check "leads funnel --format json is valid JSON" json_ok "$WORK/out"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["calculate"]="loan"; print(json.dumps(d))' \
    Samples/deals/S-007-finance.json >"$WORK/deal-loan.json"
"$DEALCALC" quote "$WORK/deal-loan.json" >"$WORK/deal-quote.json"
PAYMENT=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["periodicPayment"]["total"])' "$WORK/deal-quote.json")
run leads Samples/leads --summary S-007 --deal Samples/deals/S-007-finance.json --as-of "$AS_OF"
check "leads --summary exits 0 (got $RC)" test "$RC" -eq 0
check "leads --summary has a Deal Summary" contains "$OUT" "Deal Summary"
check "leads --summary names the deal type" contains "$OUT" "24 Months Finance"
check "leads --summary has the Payment Breakdown" contains "$OUT" "Payment Breakdown"
check "leads --summary payment equals dealcalc quote's ($PAYMENT)" contains "$OUT" "$PAYMENT"
run leads Samples/leads --summary NO-SUCH-LEAD --as-of "$AS_OF"
check "leads --summary of an unknown lead fails (got $RC)" test "$RC" -ne 0

# reconcile: a lender who keeps a monthly rate of 5 decimals (0.00499 for 5.99 %) quotes the
# standard payment of 5.988 % (497.02 against 497.05).
printf '%s' '{"request":{"calculate":"loan","sellingPrice":"30000.00","apr":"5.99","term":72},"quoted":{"periodicPayment.total":"497.02"}}' >"$WORK/reconcile.json"
run reconcile "$WORK/reconcile.json"
check "reconcile exits 0 (got $RC)" test "$RC" -eq 0
check "reconcile shows the lender's line" contains "$OUT" "497.02"
check "reconcile shows the computed line" contains "$OUT" "497.05"
check "reconcile says the line differs" contains "$OUT" "differs"
check "reconcile names the convention" contains "$OUT" "periodic rate rounded to 5 decimals"
check "reconcile prints the rounding to put in the request" contains "$OUT" '"rounding": {"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}'
check "reconcile lists implied values" contains "$OUT" "apr = 5.988"
check "reconcile reports the search size" contains "$OUT" "of 784 conventions"
run reconcile "$WORK/reconcile.json" --format json
check "reconcile --format json is valid JSON" json_ok "$WORK/out"
check "reconcile --format json has profiles" contains "$OUT" '"profiles"'
"$DEALCALC" reconcile - <"$WORK/reconcile.json" >"$WORK/out" 2>/dev/null
check "reconcile reads standard input" grep -qF "periodic rate rounded" "$WORK/out"
printf '%s' '{"request":{"calculate":"loan","sellingPrice":"30000.00","apr":"5.99","term":72},"quoted":{"nope":"1"}}' >"$WORK/reconcile-bad.json"
run reconcile "$WORK/reconcile-bad.json"
check "reconcile of a bad path exits 1 (got $RC)" test "$RC" -eq 1
check "reconcile of a bad path names it" contains "$OUT" '"path": "quoted.nope"'

# Bad usage exits 2.
for args in "" "frobnicate" "quote" "quote --format" "quote --example" "quote --example nope" \
            "quote --example loan --format xml" "quote a.json b.json" "quote --example loan $WORK/good.json" "check" "quote --bogus" \
            "reconcile" "reconcile --format" "reconcile $WORK/good.json" "reconcile $WORK/reconcile.json --format xml" \
            "reconcile a.json b.json"; do
    # shellcheck disable=SC2086
    run $args
    check "bad usage '$args' exits 2 (got $RC)" test "$RC" -eq 2
    check "bad usage '$args' writes to stderr" test -n "$ERR"
done
run --help
check "--help exits 0 (got $RC)" test "$RC" -eq 0
check "--help prints the usage" contains "$OUT" "usage: dealcalc quote"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
