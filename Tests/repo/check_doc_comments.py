#!/usr/bin/env python3
"""DealFinance — every public declaration has a doc comment (make doc-check).

Reads the symbol graphs of `swift package dump-symbol-graph --minimum-access-level public`
and lists each public or open declaration written in Sources/ that has no doc comment
(`///` or `/** */`). Synthesized members (no source location) and underscored names are
not API and are skipped. The cases of a one-line enum (`enum Kind { case a, b }`) are
documented by the enum's own doc comment.

Usage: check_doc_comments.py SYMBOL-GRAPH-DIRECTORY MODULE...
"""
import json
import os
import sys
from urllib.parse import unquote, urlparse


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    directory, modules = argv[1], argv[2:]
    root = os.getcwd()
    missing, checked = [], 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".symbols.json") or name.split("@")[0].split(".")[0] not in modules:
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            graph = json.load(handle)
        symbols = graph.get("symbols", [])
        documented_lines = {
            (tuple(symbol.get("pathComponents", [])), symbol["location"]["uri"], symbol["location"]["position"]["line"])
            for symbol in symbols
            if symbol.get("location") and any(line.get("text", "").strip() for line in (symbol.get("docComment") or {}).get("lines", []))
        }
        for symbol in symbols:
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            location = symbol.get("location")
            if not location:
                continue
            path = os.path.relpath(unquote(urlparse(location["uri"]).path), root)
            if not path.startswith("Sources" + os.sep):
                continue
            components = symbol.get("pathComponents", [])
            if any(component.startswith("_") for component in components):
                continue
            checked += 1
            lines = (symbol.get("docComment") or {}).get("lines", [])
            if any(line.get("text", "").strip() for line in lines):
                continue
            parent = (tuple(components[:-1]), location["uri"], location["position"]["line"])
            if symbol["kind"]["identifier"] == "swift.enum.case" and parent in documented_lines:
                continue
            line = location["position"]["line"] + 1
            missing.append(f"{path}:{line}: {symbol['kind']['displayName'].lower()} {'.'.join(components)}")
    if missing:
        print("doc-check: public declarations without a doc comment:", file=sys.stderr)
        for entry in sorted(set(missing)):
            print("  " + entry, file=sys.stderr)
        return 1
    print(f"doc-check: {checked} public declarations in {', '.join(modules)}, every one with a doc comment")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
