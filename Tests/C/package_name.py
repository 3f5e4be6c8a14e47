#!/usr/bin/env python3
"""Prints the -package-name SwiftPM gave a module (default DealFinanceC) in a build's
description.json, so `make drift` type-checks the exports as SwiftPM compiled them (the
exports use `package` declarations of the other modules). SwiftPM derives the name from the
checkout folder; dependencies have their own, so the first -package-name in the file is not
necessarily ours."""
import json
import sys


def argument_lists(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from argument_lists(value)
    elif isinstance(node, list):
        if node and all(isinstance(item, str) for item in node):
            yield node
        else:
            for value in node:
                yield from argument_lists(value)


def main() -> int:
    path = sys.argv[1]
    module = sys.argv[2] if len(sys.argv) > 2 else "DealFinanceC"
    with open(path, encoding="utf-8") as file:
        description = json.load(file)
    for args in argument_lists(description):
        if "-module-name" in args and "-package-name" in args:
            if args[args.index("-module-name") + 1] == module:
                print(args[args.index("-package-name") + 1])
                return 0
    print(f"package_name.py: no -package-name for module {module} in {path}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
