# DealFinance — exact deal finance. Reading vector files and Documentation/Reference/Vectors.md's matching rule, in Python.
"""The same checks as `dealcalc check` (Documentation/Reference/Vectors.md), for running the vectors through the C ABI."""

from __future__ import annotations

import json
import os
import re
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterator, List, Optional, Tuple

DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
_MISSING = object()


def vectors_root() -> Path:
    """$DEALFINANCE_VECTORS, or the repository's Vectors/ next to bindings/."""
    override = os.environ.get("DEALFINANCE_VECTORS")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "Vectors"


def cases() -> Iterator[Tuple[str, dict]]:
    """Every case of every Vectors/**/*.json file, labelled `file#id`."""
    root = vectors_root()
    for path in sorted(root.rglob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document.get("format") == "dealfinance-vectors/1", f"{path}: unexpected format"
        for case in document["cases"]:
            yield f"{path.relative_to(root)}#{case['id']}", case


def value_at(answer: Any, path: str) -> Any:
    """The value at a dotted path (array elements by canonical index), or _MISSING."""
    current = answer
    for step in path.split("."):
        if isinstance(current, dict):
            if step not in current:
                return _MISSING
            current = current[step]
        elif isinstance(current, list):
            if not re.fullmatch(r"0|[1-9][0-9]*", step) or int(step) >= len(current):
                return _MISSING
            current = current[int(step)]
        else:
            return _MISSING
    return current


def matches(computed: Any, expected: Any, tolerance: Optional[str]) -> bool:
    """Documentation/Reference/Vectors.md: decimal strings match when the computed value rounded half up to the expected's
    decimals equals it, or within the tolerance; other JSON values must be equal. Exact for
    decimals of any length (integers and fractions, no decimal context to overflow)."""
    if isinstance(expected, str) and isinstance(computed, str) and DECIMAL.match(expected) and DECIMAL.match(computed):
        want, got = Fraction(expected), Fraction(computed)
        if tolerance is not None:
            return abs(got - want) <= Fraction(tolerance)
        places = len(expected.partition(".")[2])
        scaled = got * 10 ** places
        # Half away from zero ("half up"): floor(|x| + 1/2) with x's sign.
        rounded = int(abs(scaled) + Fraction(1, 2))
        return Fraction(-rounded if scaled < 0 else rounded, 10 ** places) == want
    if isinstance(expected, bool) or isinstance(computed, bool):
        return computed is expected
    return computed == expected


def failures(case: dict, answer: Any) -> List[str]:
    """The failing paths of one case given its parsed answer (empty when the case passes)."""
    code = value_at(answer, "error.code")
    if "expectError" in case:
        return [] if code == case["expectError"] else [f"error: expected {case['expectError']}, got {json.dumps(answer)[:300]}"]
    if code is not _MISSING:
        return [f"error: expected a result, got {json.dumps(answer)}"]
    problems = []
    tolerances = case.get("tolerance", {})
    for path, expected in case.get("expect", {}).items():
        computed = value_at(answer, path)
        if computed is _MISSING:
            problems.append(f"{path}: expected {json.dumps(expected)}, got nothing (missing path)")
        elif not matches(computed, expected, tolerances.get(path)):
            problems.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(computed)}")
    for path, elements in case.get("expectIncludes", {}).items():
        array = value_at(answer, path)
        if not isinstance(array, list):
            problems.append(f"{path}: expected an array including {json.dumps(elements)}, got nothing (missing path)")
            continue
        for element in elements:
            if not any(includes(item, element) for item in array):
                problems.append(f"{path}: expected an element matching {json.dumps(element)}, got {json.dumps(array)}")
    return problems


def includes(computed: Any, expected: Any) -> bool:
    """`expectIncludes`: objects by key (extra keys allowed), arrays element by element, values
    by the matching rule."""
    if isinstance(expected, dict):
        return isinstance(computed, dict) and all(key in computed and includes(computed[key], value) for key, value in expected.items())
    if isinstance(expected, list):
        return isinstance(computed, list) and len(computed) == len(expected) and all(includes(c, e) for c, e in zip(computed, expected))
    return matches(computed, expected, None)
