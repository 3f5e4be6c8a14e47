#!/bin/sh
# DealFinance — tests of Tests/repo/check_references.sh: a scratch repository with one file
# per case; each bad reference must fail the check, and public citations must pass it.
set -u
checker=$(cd "$(dirname "$0")" && pwd)/check_references.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

# expect PASS|FAIL FILE-NAME CONTENT: a repository holding only that file.
expect() {
    rm -rf "$scratch/repo" && mkdir -p "$scratch/repo/Documentation" && cd "$scratch/repo" || exit 2
    git init -q . && printf '# Index\n' > Documentation/README.md
    printf '%s\n' "$3" > "$2"
    git add -A
    if "$checker" . >/dev/null 2>&1; then got=PASS; else got=FAIL; fi
    if [ "$got" != "$1" ]; then echo "test_check_references: expected $1, got $got for $2: $3" >&2; failures=$((failures + 1)); fi
    cd - >/dev/null || exit 2
}

expect FAIL notes.md 'See ../shared/SPEC.md for the contract.'
expect FAIL a.swift '/// The result object of SPEC §3.1.'
expect FAIL b.swift '// The loan fields (SPEC 3.1 lists them).'
expect FAIL c.json '{"source": "leads.md §d.4 round-robin vectors"}'
expect FAIL d.md 'Background: reference/domain.md.'
expect FAIL e.md 'As the notes say (§b.6), odd days earn simple interest.'
expect FAIL f.md 'Errors are listed in §3.5.'
expect FAIL g.md 'Read [the reference](Documentation/Missing.md).'
expect PASS h.md 'Regulation Z, 12 CFR §1026.22(a); 15 U.S.C. §1615; RFC 8259 §8.3; NYCRR §527.15.'
expect PASS i.md 'See [the index](Documentation/README.md#top), [a site](https://example.com/x.md).'
expect PASS j.xml '<?ADF VERSION "1.0"?><ADF><PROSPECT/></ADF>'
expect PASS k.md 'Documentation/Leads.md describes the lead model.'

if [ "$failures" -ne 0 ]; then exit 1; fi
echo "test_check_references: 12 cases passed"
