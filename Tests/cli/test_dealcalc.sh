#!/usr/bin/env bash
# DealFinance — command-line tests of dealcalc (Documentation/Reference/Dealcalc.md). Builds nothing itself.
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

# --format table: section 2 itemizes a loan's add-ons, the pre-installed one marked, with the balloon.
printf '%s' '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"balloon":{"amount":"10000.00"},"addOns":[{"name":"Tint","amount":"399.00","preInstalled":true},{"name":"Mats","amount":"150.00"}]}' >"$WORK/preinstalled.json"
run quote "$WORK/preinstalled.json" --format table
check "pre-installed add-on table exits 0 (got $RC)" test "$RC" -eq 0
for row in "Tint (pre-installed)                    399.00" "    Mats                                    150.00" "Balloon (RV)                           10,000.00"; do
    check "--format table shows \"$row\"" contains "$OUT" "$row"
done

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
check "quote FILE prints the Documentation/Reference/Loan.md payment 436.66" contains "$OUT" '"total": "436.66"'
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
    {"id": "pass", "source": "Documentation/Reference/Loan.md worked example",
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
check "leads hot sheet has a title in words" test "$(sed -n 1p "$WORK/out")" = "Hot sheet"
check "leads hot sheet heads its columns in words" contains "$OUT" "Lead ID  Name"
check "leads hot sheet has no JSON keys as headings" bash -c '! grep -qE "leadId|ageHours|assignedTo" "$1"' _ "$WORK/out"
run leads Samples/leads --report funnel --as-of "$AS_OF"
check "leads funnel exits 0 (got $RC)" test "$RC" -eq 0
check "leads funnel starts at New" contains "$OUT" "New"
check "leads funnel heads its percent columns with %" contains "$OUT" "Conversion to next %"
run leads Samples/leads --report funnel --as-of "$AS_OF" --format json
check "leads funnel --format json is valid JSON" json_ok "$WORK/out"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["calculate"]="loan"; print(json.dumps(d))' \
    Samples/deals/S-007-finance.json >"$WORK/deal-loan.json"
"$DEALCALC" quote "$WORK/deal-loan.json" >"$WORK/deal-quote.json"
# The table groups thousands: 1410.88 prints as 1,410.88.
PAYMENT=$(python3 -c 'import json,sys,decimal; print(format(decimal.Decimal(json.load(open(sys.argv[1]))["periodicPayment"]["total"]), ","))' "$WORK/deal-quote.json")
run leads Samples/leads --summary S-007 --deal Samples/deals/S-007-finance.json --as-of "$AS_OF"
check "leads --summary exits 0 (got $RC)" test "$RC" -eq 0
check "leads --summary has a Deal Summary" contains "$OUT" "Deal Summary"
check "leads --summary names the deal type" contains "$OUT" "24 Months Finance"
check "leads --summary has the Payment Breakdown" contains "$OUT" "Payment Breakdown"
check "leads --summary payment equals dealcalc quote's ($PAYMENT)" contains "$OUT" "$PAYMENT"
run leads Samples/leads --summary NO-SUCH-LEAD --as-of "$AS_OF"
check "leads --summary of an unknown lead fails (got $RC)" test "$RC" -ne 0

# dealcalc leads reads ADF files as bytes: an e-mail-wrapped producer fixture imports, Latin-1
# decodes by its declaration, and invalid UTF-8 is refused naming the byte (never U+FFFD).
run leads Vectors/leads/fixtures/leadsync-facebook-multipart.eml --report source-analysis --as-of "$AS_OF" --format json
check "leads reads an ADF e-mail (got $RC)" test "$RC" -eq 0
check "leads counts the e-mailed lead" contains "$OUT" '"cohort": 1'
printf '<?xml version="1.0" encoding="ISO-8859-1"?><adf><prospect><requestdate>2024-05-14T09:30:00Z</requestdate><vehicle><year>2024</year><make>Kia</make><model>EV6</model></vehicle><customer><contact><name part="last">Mu\361oz</name><phone>312-555-0147</phone></contact></customer><vendor><vendorname>D</vendorname></vendor></prospect></adf>' >"$WORK/latin1.xml"
run leads "$WORK/latin1.xml" --summary latin1 --as-of "$AS_OF"
check "leads decodes an ISO-8859-1 file (got $RC)" test "$RC" -eq 0
check "leads shows the Latin-1 name" contains "$OUT" "Muñoz"
printf '<adf><prospect><customer><contact><name>Mu\361oz</name></contact></customer></prospect></adf>' >"$WORK/bad-utf8.xml"
run leads "$WORK/bad-utf8.xml" --as-of "$AS_OF"
check "leads refuses invalid UTF-8 (got $RC)" test "$RC" -ne 0
check "leads names the offending byte" contains "$ERR" "at byte 42"
check "leads names the file" contains "$ERR" "bad-utf8.xml"
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
run leads Samples/leads --bogus
check "unknown option of leads exits 2 (got $RC)" test "$RC" -eq 2
check "unknown option of leads is named on stderr" contains "$ERR" "--bogus"
run leads Samples/leads --report hot-sheet --summary S-007
check "--report with --summary exits 2 (got $RC)" test "$RC" -eq 2
run leads Samples/leads --report hot-sheet --insights customer
check "--insights without --summary exits 2 (got $RC)" test "$RC" -eq 2
run leads Samples/leads --report hot-sheet --format svg
check "--format svg of a report other than the funnel exits 2 (got $RC)" test "$RC" -eq 2
run --help
check "--help exits 0 (got $RC)" test "$RC" -eq 0
check "--help prints the usage" contains "$OUT" "USAGE: dealcalc <subcommand>"
for sub in quote check leads; do
    check "--help lists $sub" contains "$OUT" "  $sub "
done
for sub in quote check leads; do
    run "$sub" --help
    check "$sub --help exits 0 (got $RC)" test "$RC" -eq 0
    check "$sub --help prints its own usage" contains "$OUT" "USAGE: dealcalc $sub"
    check "$sub --help writes nothing on stderr" test -z "$ERR"
    run help "$sub"
    check "help $sub exits 0 (got $RC)" test "$RC" -eq 0
done
run --version
check "--version exits 0 (got $RC)" test "$RC" -eq 0
check "--version names dealcalc" contains "$OUT" "dealcalc "
for shell in bash zsh fish; do
    run --generate-completion-script "$shell"
    check "$shell completion script exits 0 (got $RC)" test "$RC" -eq 0
    check "$shell completion script offers the subcommands" contains "$OUT" "leads"
done
run --generate-completion-script bash
check "bash completion script is valid bash" bash -n "$WORK/out"
check "bash completion script completes --format values" contains "$OUT" "svg"

# The Payment Breakdown in the portal's three sections; the periodic rate as a percent.
run quote --example loan --format table
for label in "1. Payment" "2. Price, products and trade-in" "3. Amount financed" "Due at signing" \
             "Dealer offer" "Capitalized cost reduction" "Finance charge" "First payment date" "Total deal payments"; do
    check "--format table shows \"$label\"" contains "$OUT" "$label"
done
check "--format table prints the periodic rate as a percent (0.575 %)" grep -qE 'Periodic rate +0\.575 %$' "$WORK/out"

# The Lead Summary in people's labels; Activity Insights filtered by who changed the deal.
run leads Samples/leads --summary S-007 --deal Samples/deals/S-007-finance.json --as-of "$AS_OF"
for label in "Net Financed Amount" "Est. Periodic Payment" "Activity Insights" "Customer Details"; do
    check "leads --summary shows \"$label\"" contains "$OUT" "$label"
done
check "leads --summary shows no JSON keys" bash -c '! grep -qE "netFinancedAmount|estimatedPayment|dealType" "$1"' _ "$WORK/out"
# S-007 with deal-term changes by the customer and the dealer.
python3 - Samples/leads/leads.jsonl "$WORK/changes.jsonl" <<'PY'
import json, sys
lead = next(json.loads(l) for l in open(sys.argv[1]) if l.strip() and json.loads(l)["id"] == "S-007")
for n, (actor, term, old, new) in enumerate([("customer", "downPayment", "3000.00", "5000.00"), ("dealer", "term", "24", "36"),
                                             ("customer", "creditScore", "680", "720"), ("dealer", "rebates", "0.00", "1500.00")]):
    lead["activities"].append({"id": f"S-007-t{n}", "at": f"2026-10-2{4 + n}T12:00:00Z", "actor": actor, "type": "dealTermChange",
                               "term": term, "from": old, "to": new})
open(sys.argv[2], "w").write(json.dumps(lead) + "\n")
PY
run leads "$WORK/changes.jsonl" --summary S-007 --as-of "$AS_OF"
for line in "Down payment: 3,000.00 → 5,000.00" "Term: 24 → 36" "Credit score: 680 → 720" "Rebates: 0.00 → 1,500.00"; do
    check "Activity Insights shows \"$line\"" contains "$OUT" "$line"
done
run leads "$WORK/changes.jsonl" --summary S-007 --insights customer --as-of "$AS_OF"
check "--insights customer exits 0 (got $RC)" test "$RC" -eq 0
check "--insights customer keeps the customer's changes" contains "$OUT" "Credit score: 680 → 720"
check "--insights customer drops the dealer's changes" bash -c '! grep -qF "Term: 24 → 36" "$1"' _ "$WORK/out"
run leads "$WORK/changes.jsonl" --summary S-007 --insights dealer --as-of "$AS_OF"
check "--insights dealer keeps the dealer's changes" contains "$OUT" "Rebates: 0.00 → 1,500.00"
check "--insights dealer drops the customer's changes" bash -c '! grep -qF "Down payment" "$1"' _ "$WORK/out"
for who in customer dealer all; do
    run leads "$WORK/changes.jsonl" --summary S-007 --insights "$who" --as-of "$AS_OF" --format json
    check "leads --insights $who --format json filters by $who" python3 -c '
import json, sys
insights = json.load(open(sys.argv[1]))["activityInsights"]
assert insights["filter"] == sys.argv[2]
assert len(insights["termChanges"]) == (4 if sys.argv[2] == "all" else 2)
assert sys.argv[2] == "all" or all(c["actor"] == sys.argv[2] for c in insights["termChanges"])
' "$WORK/out" "$who"
done
run leads Samples/leads --summary S-007 --insights nobody --as-of "$AS_OF"
check "leads --insights nobody exits 2 (got $RC)" test "$RC" -eq 2

# Pictures: --format svg draws the amortization and the funnel; each renders to a PNG that is
# not empty (rsvg-convert, Debian's librsvg2-bin: make deps installs it).
png_has_picture() { # png_has_picture FILE: a PNG with at least 4 colours and 1% non-white pixels
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR": header = struct.unpack(">IIBBBBB", body)
    if kind == b"IDAT": idat += body
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
assert depth == 8 and colour in (2, 6) and interlace == 0, header
bpp = 4 if colour == 6 else 3
raw, stride = zlib.decompress(idat), width * bpp
rows, previous, at = [], bytearray(stride), 0
for _ in range(height):
    kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride]); at += 1 + stride
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = previous[i], (previous[i - bpp] if i >= bpp else 0)
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); previous = line
pixels = [row[i:i + 3] for row in rows for i in range(0, stride, bpp)]
colours = set(pixels)
inked = sum(1 for p in pixels if p != b"\xff\xff\xff")
assert len(colours) >= 4 and inked * 100 >= len(pixels), (len(colours), inked, len(pixels))
PY
}
if command -v rsvg-convert >/dev/null 2>&1; then
    for chart in "quote --example loan" "quote --example lease" "leads Samples/leads --report funnel --as-of $AS_OF"; do
        # shellcheck disable=SC2086
        run $chart --format svg
        check "$chart --format svg exits 0 (got $RC)" test "$RC" -eq 0
        check "$chart --format svg prints an SVG document" contains "$(head -c 5 "$WORK/out")" "<svg"
        cp "$WORK/out" "$WORK/chart.svg"
        # shellcheck disable=SC2086
        run $chart --format svg
        check "$chart --format svg is deterministic" cmp -s "$WORK/out" "$WORK/chart.svg"
        rm -f "$WORK/chart.png"
        check "$chart --format svg renders to PNG" rsvg-convert -z 0.5 -b white -o "$WORK/chart.png" "$WORK/chart.svg"
        check "$chart --format svg: the picture is not empty" png_has_picture "$WORK/chart.png"
    done
else
    fail "rsvg-convert not found: install librsvg2-bin (make deps) to check the SVG charts"
fi
run quote --example loan --format svg
check "the amortization chart names its payment" contains "$OUT" "698.76"
printf '%s' '{"calculate":"apr","advances":[{"amount":"10000.00","date":"2026-04-01"}],"payments":[{"amount":"320.00","count":36,"firstDate":"2026-05-16","frequency":"monthly"}]}' >"$WORK/apr.json"
run quote "$WORK/apr.json"
check "the apr request without --format svg exits 0 (got $RC)" test "$RC" -eq 0
run quote "$WORK/apr.json" --format svg
check "--format svg of a result without a schedule exits 2 (got $RC)" test "$RC" -eq 2
check "--format svg of a result without a schedule says so on stderr" contains "$ERR" "schedule"
check "--format svg of a result without a schedule prints nothing on stdout" test -z "$OUT"
run quote "$WORK/bad.json" --format svg
check "--format svg of a failing request exits 1 with the error object (got $RC)" test "$RC" -eq 1
check "--format svg of a failing request prints the error JSON" json_ok "$WORK/out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
