# DealFinance — exact deal finance. Rounding profiles and reconcile through the C ABI.
from __future__ import annotations

import pytest

import dealfinance
from dealfinance import DealFinanceError

LOAN = {"calculate": "loan", "sellingPrice": "30000.00", "apr": "5.99", "term": 72}
KEPT = {"base": "standard", "periodicRate": "rounded", "periodicRateDecimals": 5}


def test_rounding_object_passes_unchanged() -> None:
    # 5.99 % kept as 0.00499 a month is 5.988 % exactly: the same payment (497.02).
    kept = dealfinance.calculate({**LOAN, "rounding": KEPT})
    named = dealfinance.calculate({**LOAN, "rounding": "periodicRateRounded5"})
    at_kept_rate = dealfinance.calculate({**LOAN, "apr": "5.988"})
    assert kept["periodicPayment"]["total"] == named["periodicPayment"]["total"] == at_kept_rate["periodicPayment"]["total"] == "497.02"
    assert dealfinance.calculate({**LOAN, "rounding": {"base": "standard"}}) == dealfinance.calculate(LOAN)


def test_unknown_override_names_it() -> None:
    with pytest.raises(DealFinanceError) as caught:
        dealfinance.calculate({**LOAN, "rounding": {"base": "standard", "cents": "up"}})
    assert caught.value.code == "invalid_argument"
    assert caught.value.path == "rounding.cents"


def test_reconcile() -> None:
    answer = dealfinance.calculate({"calculate": "reconcile", "request": LOAN, "quoted": {"periodicPayment.total": "497.02"}})
    assert answer["lines"] == [{"path": "periodicPayment.total", "quoted": "497.02", "computed": "497.05", "matches": False}]
    assert {"rounding": KEPT, "departures": 1} in answer["profiles"]
    assert answer["implied"][0]["field"] == "apr"
