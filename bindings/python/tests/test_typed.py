# DealFinance — exact deal finance. The typed calls and errors through the C ABI.
from __future__ import annotations

import ctypes
import json
import threading

import pytest

import dealfinance
from dealfinance import DealFinanceError, Rounding, Status, Timing
from dealfinance._native import lib

LOAN = {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60, "balloon": {"amount": "10000.00"}}


def test_version() -> None:
    assert dealfinance.version() == "0.2.0"
    assert dealfinance.version_number() == 200


def test_status_strings() -> None:
    names = ["ok", "invalid_json", "invalid_argument", "unsupported", "no_solution", "overflow",
             "buffer_too_small", "null_argument", "internal"]
    assert [dealfinance.status_string(status) for status in Status] == names
    assert dealfinance.status_string(99) == "unknown"


def test_calculate() -> None:
    result = dealfinance.calculate(LOAN)
    assert result["periodicPayment"]["total"] == "436.66"
    assert result["finalPayment"] == "436.41"
    assert result["totalOfPayments"] == "36199.35"


@pytest.mark.parametrize("request_text,status,code,path", [
    ("", Status.INVALID_JSON, "invalid_json", ""),
    (b"{\"calculate\":\"\xff\"}", Status.INVALID_JSON, "invalid_json", None),
    ("{}", Status.INVALID_ARGUMENT, "invalid_argument", "calculate"),
    ('{"calculate":"loan","sellingPrice":30000,"apr":"6","term":60}', Status.INVALID_ARGUMENT, "invalid_argument", "sellingPrice"),
    # A valid loan the engine does not compute: the rounded payment would repay it early.
    ('{"calculate":"loan","sellingPrice":"1.50","apr":"0","term":300}', Status.UNSUPPORTED, "unsupported", "term"),
])
def test_calculate_errors(request_text: str, status: Status, code: str, path: str) -> None:
    with pytest.raises(DealFinanceError) as raised:
        dealfinance.calculate(request_text)
    assert raised.value.status == status and raised.value.code == code
    if path is not None:
        assert raised.value.path == path
    assert raised.value.message


def test_floats_refused() -> None:
    with pytest.raises(TypeError):
        dealfinance.calculate({"calculate": "loan", "sellingPrice": __import__("decimal").Decimal("1")})


def test_buffer_protocol() -> None:
    request = json.dumps(LOAN).encode()
    length = ctypes.c_size_t(0)
    assert lib.dfin_calculate_buffer(None, 0, ctypes.byref(length), request, len(request)) == Status.BUFFER_TOO_SMALL
    small = ctypes.create_string_buffer(length.value)
    assert lib.dfin_calculate_buffer(small, len(small), ctypes.byref(length), request, len(request)) == Status.BUFFER_TOO_SMALL
    exact = ctypes.create_string_buffer(length.value + 1)
    assert lib.dfin_calculate_buffer(exact, len(exact), ctypes.byref(length), request, len(request)) == Status.OK
    assert exact.value.decode() == dealfinance.calculate_text(request)[1]
    assert lib.dfin_calculate_buffer(exact, len(exact), None, request, len(request)) == Status.NULL_ARGUMENT
    assert lib.dfin_calculate_buffer(exact, len(exact), ctypes.byref(length), None, 3) == Status.NULL_ARGUMENT
    assert lib.dfin_calculate(None, None, request, len(request)) == Status.NULL_ARGUMENT
    lib.dfin_string_free(None)


def test_decimals() -> None:
    assert dealfinance.decimal_validate("30000.00") == 2
    assert dealfinance.decimal_parse("436.66", 2) == 43666
    assert dealfinance.decimal_parse("2.345", 2, Rounding.TO_NEAREST_OR_EVEN) == 234
    assert dealfinance.decimal_format(43666, 2) == "436.66"
    assert dealfinance.decimal_format(-5, 3) == "-0.005"
    assert dealfinance.decimal_round("2.345", 2, Rounding.TO_NEAREST_OR_EVEN) == "2.34"
    assert dealfinance.decimal_round("2.345", 2, Rounding.TO_NEAREST_OR_AWAY) == "2.35"
    assert dealfinance.decimal_round("-2.345", 2, Rounding.UP) == "-2.34"
    assert dealfinance.decimal_round("1.5", 3, Rounding.REQUIRE_EXACT) == "1.500"


@pytest.mark.parametrize("call,status", [
    (lambda: dealfinance.decimal_validate("1e3"), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_validate(""), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_validate(b"1\xff"), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_validate("1" * 39), Status.OVERFLOW),
    (lambda: dealfinance.decimal_validate("1" * 2000), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_parse("1.005", 2), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_parse("9223372036854775808", 0), Status.OVERFLOW),
    (lambda: dealfinance.decimal_parse("1", 2, 11), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_format(1, 39), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.decimal_round("1", 38, Rounding.DOWN), Status.OVERFLOW),
    (lambda: dealfinance.loan_payment("0", "6", 60), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.loan_payment("1000.00", "6", 0), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.loan_payment("1000.00", "101", 60), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.loan_payment("1000.00", "6", 60, balloon="1000.01"), Status.UNSUPPORTED),
    (lambda: dealfinance.loan_payment(100000, "6", 60, timing=5), Status.INVALID_ARGUMENT),
    (lambda: dealfinance.loan_payment(100000, "6", 60, minor_digits=7), Status.INVALID_ARGUMENT),
])
def test_typed_errors(call, status: Status) -> None:
    with pytest.raises(DealFinanceError) as raised:
        call()
    assert raised.value.status == status
    assert raised.value.code == dealfinance.status_string(status)


@pytest.mark.parametrize("call, path, needle", [
    (lambda: dealfinance.loan_payment("1000.00", "6", 0), "term", "found 0"),
    (lambda: dealfinance.loan_payment("1000.00", "101", 60), "apr", "found 101"),
    (lambda: dealfinance.loan_payment("1000.00", "6", 60, balloon="1000.01"), "balloon", "negative amortization"),
    (lambda: dealfinance.loan_payment(100000, "6", 60, periods_per_year=0), "periods_per_year", "found 0"),
    (lambda: dealfinance.loan_payment(100000, "6", 60, minor_digits=7), "minor_digits", "found 7"),
    (lambda: dealfinance.decimal_validate("12,50"), "text", "offset 2"),
    (lambda: dealfinance.decimal_parse("1", 39), "scale", "found 39"),
])
def test_typed_error_detail(call, path: str, needle: str) -> None:
    """Typed calls report the C parameter at fault and what was expected (dfin_error)."""
    with pytest.raises(DealFinanceError) as raised:
        call()
    assert raised.value.path == path
    assert needle in raised.value.message
    assert path in str(raised.value)


def test_loan_payment() -> None:
    assert dealfinance.loan_payment("30000.00", "6", 60, balloon="10000.00") == 43666
    assert dealfinance.loan_payment("30000.00", "6", 60) == 57998
    assert dealfinance.loan_payment("30000.00", "6", 60, balloon="10000.00", timing=Timing.ADVANCE) == 43448
    assert dealfinance.loan_payment(3000000, "6", 60, balloon=1000000) == 43666
    # A balloon equal to the principal: interest only, 1000.00 × 0.5 % a month.
    assert dealfinance.loan_payment("1000.00", "6", 60, balloon="1000.00") == 500
    assert dealfinance.loan_payment("3000000", "6", 60, minor_digits=0) == 57998
    # The typed payment equals the JSON interface's for every frequency.
    for frequency, periods in [("monthly", 12), ("biweekly", 26), ("weekly", 52), ("quarterly", 4)]:
        request = {"calculate": "loan", "sellingPrice": "41999.99", "apr": "7.49", "term": 72, "frequency": frequency}
        expected = dealfinance.calculate(request)["periodicPayment"]["net"]
        cents = dealfinance.loan_payment("41999.99", "7.49", 72, periods_per_year=periods)
        assert dealfinance.decimal_format(cents, 2) == expected


def test_loan_payment_batch() -> None:
    aprs = ["0", "2.9", "4.99", "6.9", "19.99"] * 3
    terms = [36] * 5 + [60] * 5 + [84] * 5
    principals = [2750000] * 15
    payments, statuses = dealfinance.loan_payment_batch(principals, aprs, terms, rounding=Rounding.TO_NEAREST_OR_EVEN)
    assert statuses == [Status.OK] * 15
    for payment, apr, term in zip(payments, aprs, terms):
        assert payment == dealfinance.loan_payment(2750000, apr, term, rounding=Rounding.TO_NEAREST_OR_EVEN)
    payments, statuses = dealfinance.loan_payment_batch([3000000, 0, 3000000], ["6", "6", "x"], [60, 60, 60],
                                                        balloons=[1000000, 0, 0])
    assert payments == [43666, 0, 0]
    assert statuses == [Status.OK, Status.INVALID_ARGUMENT, Status.INVALID_ARGUMENT]
    assert dealfinance.loan_payment_batch([], [], []) == ([], [])


def test_threads_agree() -> None:
    expected = dealfinance.calculate_text(json.dumps(LOAN))
    results = []

    def work() -> None:
        for _ in range(200):
            results.append(dealfinance.calculate_text(json.dumps(LOAN)) == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 800 and all(results)


def test_installed_package() -> None:
    """Under `make python-test` the package under test is the one pip installed, bundled library included."""
    import os
    from pathlib import Path

    if os.environ.get("DEALFINANCE_EXPECT_INSTALLED") == "1":
        assert "site-packages" in Path(dealfinance.__file__).parts
        assert (Path(dealfinance.__file__).parent / "libdealfinance.so").is_file()
