#!/bin/sh
# DealFinance — the reference check (make reference-check, part of make test).
#
# The repository's own documentation is the contract, so nothing tracked may point to a
# document a user of the repository does not have:
#   - paths outside the repository (../shared);
#   - the old contract text or research notes by name (SPEC, SPEC.md, domain.md, leads.md,
#     conventions.md, exactness.md) or their numbered or lettered sections (§3.1, §b.6);
# and every relative Markdown link in a tracked .md file must resolve to a tracked path.
# Public citations stay allowed: "12 CFR §1026.43", "15 U.S.C. §1615", "RFC 8259 §8.3".
#
# Usage: Tests/repo/check_references.sh [REPOSITORY]   (default: the current directory)
set -u
cd "${1:-.}" || exit 2
self=Tests/repo/check_references.sh
# The checker and its tests hold the patterns they look for.
cases=Tests/repo/test_check_references.sh
failed=0

# Outside references. Section signs: lettered (§a, §b.6, §0) and the old contract's
# one-digit sections (§2, §3.1–§3.5, §4–§6) not followed by further digits (so §1026.43,
# §1615 and RFC 8259 §8.3 pass).
pattern='\.\./shared|\bSPEC(\.md)?\b|(^|[^A-Za-z])(domain|leads|conventions|exactness)\.md|reference/(domain|leads|conventions|exactness)|§ ?[a-d0](\.[0-9]+)?([^0-9A-Za-z]|$)|§[1-6](\.[1-5])?(\.?[^0-9.]|\.?$)'
found=$(git grep -n -I -E "$pattern" -- . ":!$self" ":!$cases")
if [ -n "$found" ]; then
    echo "reference-check: tracked files point outside the repository (cite the public source or a Documentation/ page instead):" >&2
    echo "$found" >&2
    failed=1
fi

# Relative Markdown links: [text](path) and [text](path#anchor) in tracked .md files.
missing=$(git ls-files '*.md' | while IFS= read -r file; do
    dir=$(dirname "$file")
    grep -o -E '\]\([^) ]+\)' "$file" | sed -E 's/^\]\(//; s/\)$//' | while IFS= read -r link; do
        case "$link" in
            http://*|https://*|mailto:*|\#*) continue ;;
        esac
        target=${link%%#*}
        [ -z "$target" ] && continue
        if [ ! -e "$dir/$target" ]; then echo "$file: ($link) does not resolve"; fi
    done
done)
if [ -n "$missing" ]; then
    echo "reference-check: Markdown links to missing files:" >&2
    echo "$missing" >&2
    failed=1
fi

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "reference-check: $(git ls-files | wc -l | tr -d ' ') tracked files, no outside references, every relative Markdown link resolves"
