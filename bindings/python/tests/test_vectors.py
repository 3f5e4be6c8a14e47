# DealFinance — exact deal finance. Every vector in Vectors/ through the C ABI (Documentation/Reference/Vectors.md).
"""Each case runs through dfin_calculate and dfin_calculate_buffer and is compared exactly as
`dealcalc check` compares it, so the Swift API and the C ABI are held to one truth."""

from __future__ import annotations

import json

import pytest

import dealfinance
from dealfinance import Status
from vectors import cases, failures, matches

CASES = list(cases())
CODES = {"invalid_json": Status.INVALID_JSON, "invalid_argument": Status.INVALID_ARGUMENT,
         "unsupported": Status.UNSUPPORTED, "no_solution": Status.NO_SOLUTION, "overflow": Status.OVERFLOW,
         "internal": Status.INTERNAL}


def test_vectors_found() -> None:
    assert len(CASES) > 0, "no vector cases found"
    assert len({label for label, _ in CASES}) == len(CASES), "duplicate case ids"


@pytest.mark.parametrize("label,case", CASES, ids=[label for label, _ in CASES])
def test_vector(label: str, case: dict) -> None:
    request = json.dumps(case["request"])
    status, text = dealfinance.calculate_text(request)
    buffered_status, buffered_text = dealfinance.calculate_text(request, caller_buffer=True)
    assert (buffered_status, buffered_text) == (status, text), "the two JSON entry points disagree"
    answer = json.loads(text)
    # The status names the error object's code (Documentation/Reference/Errors.md), or OK for a result.
    error = answer.get("error") if isinstance(answer, dict) else None
    assert status == (CODES[error["code"]] if error else Status.OK)
    problems = failures(case, answer)
    assert not problems, f"FAIL {label} " + f"\nFAIL {label} ".join(problems)


def test_matching_rule() -> None:
    assert matches("9.6857", "9.69", None)
    assert matches("1330.60", "1331", None)
    assert not matches("9.6849", "9.69", None)
    assert matches("436.41", "436.40", "0.01")
    assert not matches("436.42", "436.40", "0.01")
    assert matches(60, 60, None) and not matches(60, 61, None)
    assert matches("USD", "USD", None) and not matches(True, 1, None)


FIFTY = "3.1415926535897932384626433832795028841971693993751"


def test_matching_rule_at_fifty_digits() -> None:
    # More digits than a 38-digit decimal (or a float) holds: compared exactly.
    assert matches(FIFTY, FIFTY, None)
    assert matches("3.14159265358979323846264338327950288419716939937505", FIFTY, None)
    assert not matches("3.14159265358979323846264338327950288419716939937504999", FIFTY, None)
    assert not matches("3.1415926535897932384626433832795", FIFTY, None)
    assert matches("-3.14159265358979323846264338327950288419716939937505", "-" + FIFTY, None)
    assert matches(FIFTY, "3.14", None)
    assert matches("3.14159265358979", FIFTY, "0.0000000001")
    assert not matches("3.1415926", FIFTY, "0.0000000001")
    tiny = "0.0000000000000000000000000000000000000000000000001"
    assert matches("3.1415926535897932384626433832795028841971693993752", FIFTY, tiny)
    assert not matches("3.1415926535897932384626433832795028841971693993753", FIFTY, tiny)
    big = "1" * 250 + ".5"
    assert matches(big, "1" * 249 + "2", None) and not matches(big, "1" * 250, None)
