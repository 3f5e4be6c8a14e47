# DealFinance — exact deal finance. Test portfolios: deterministic loan and lease tables with
# some bad rows, and the JSON request of each row built independently of dealfinance.batch.
"""Shared by test_batch.py and the DuckDB / Spark tests (Tests/portfolio)."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any, Dict, List

FREQUENCIES = ["monthly", "semimonthly", "biweekly", "weekly", "quarterly", "semiannual", "annual"]


def loan_rows(count: int, seed: int = 17, bad: bool = True) -> List[Dict[str, Any]]:
    """`count` loans as dicts of Decimal / int / str cells (None = null)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        price = Decimal(rng.randint(500_000, 8_000_000)).scaleb(-2)
        rows.append({
            "selling_price": price,
            "down_payment": Decimal(rng.randint(0, 500_000)).scaleb(-2) if rng.random() < 0.8 else None,
            "trade_in_allowance": Decimal(rng.randint(0, 600_000)).scaleb(-2),
            "trade_in_payoff": Decimal(rng.randint(0, 700_000)).scaleb(-2) if rng.random() < 0.3 else Decimal("0.00"),
            "fees": Decimal(rng.randint(0, 150_000)).scaleb(-2),
            "balloon": (price * rng.randint(0, 40) / 100).quantize(Decimal("0.01")) if rng.random() < 0.2 else None,
            "apr": Decimal(rng.randint(0, 2499)).scaleb(-2),
            "tax_rate": Decimal(rng.randint(0, 10_000)).scaleb(-3),
            "term": rng.randint(12, 84),
            "frequency": rng.choice(FREQUENCIES),
            "timing": rng.choice(["arrears", "advance"]),
        })
    if bad and count > 40:
        rows[3]["term"] = 0
        rows[7]["apr"] = None
        rows[11]["apr"] = Decimal("150.00")
        rows[13]["frequency"] = "fortnightly"
        rows[19]["balloon"] = rows[19]["selling_price"] * 2
        rows[23]["down_payment"] = rows[23]["selling_price"] * 3
        rows[29]["selling_price"] = None
    return rows


def lease_rows(count: int, seed: int = 23, bad: bool = True) -> List[Dict[str, Any]]:
    """`count` leases (money factor, residual percent of MSRP)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        msrp = rng.randint(2_000_000, 9_000_000)
        rows.append({
            "selling_price": Decimal(msrp - rng.randint(0, msrp // 10)).scaleb(-2),
            "msrp": Decimal(msrp).scaleb(-2),
            "residual_percent": Decimal(rng.randint(3000, 7000)).scaleb(-2),
            "money_factor": Decimal(rng.randint(0, 400_000)).scaleb(-8),
            "down_payment": Decimal(rng.randint(0, 400_000)).scaleb(-2),
            "tax_rate": Decimal(rng.randint(0, 10_000)).scaleb(-3),
            "term": rng.randint(24, 48),
            "timing": rng.choice(["arrears", "advance"]),
        })
    if bad and count > 20:
        rows[5]["term"] = 0
        rows[9]["residual_percent"] = Decimal("200.00")
    return rows


def loan_json(row: Dict[str, Any]) -> Dict[str, Any]:
    """The JSON loan request a row stands for (nulls in optional columns are absent)."""
    request: Dict[str, Any] = {"calculate": "loan", "term": row["term"]}
    for column, key in (("selling_price", "sellingPrice"), ("down_payment", "downPayment"), ("apr", "apr")):
        if row.get(column) is not None:
            request[key] = str(row[column])
    if row.get("trade_in_allowance") is not None:
        request["tradeIns"] = [{"allowance": str(row["trade_in_allowance"]), "payoff": str(row.get("trade_in_payoff") or "0")}]
    if row.get("fees") is not None:
        request["fees"] = [{"name": "Fees", "amount": str(row["fees"])}]
    if row.get("balloon") is not None:
        request["balloon"] = {"amount": str(row["balloon"])}
    if row.get("tax_rate") is not None:
        request["tax"] = {"rate": str(row["tax_rate"])}
    if row.get("frequency") is not None:
        request["frequency"] = row["frequency"]
    if row.get("timing") is not None:
        request["paymentTiming"] = row["timing"]
    return request


def lease_json(row: Dict[str, Any]) -> Dict[str, Any]:
    """The JSON lease request a row stands for."""
    return {"calculate": "lease", "sellingPrice": str(row["selling_price"]), "msrp": str(row["msrp"]),
            "residual": {"percent": str(row["residual_percent"])}, "moneyFactor": str(row["money_factor"]),
            "downPayment": str(row["down_payment"]), "tax": {"rate": str(row["tax_rate"])}, "term": row["term"],
            "paymentTiming": row["timing"]}


LOAN_RESULT_PATHS = {"payment": ("periodicPayment", "total"), "final_payment": ("finalPayment",),
                     "amount_financed": ("amountFinanced",), "finance_charge": ("financeCharge",),
                     "total_of_payments": ("totalOfPayments",), "disclosed_apr": ("apr",)}
LEASE_RESULT_PATHS = {"payment": ("periodicPayment", "total"), "base_payment": ("periodicPayment", "net"),
                      "adjusted_capitalized_cost": ("adjustedCapitalizedCost",), "residual_value": ("residualValue",),
                      "rent_charge": ("rentCharge",), "total_of_payments": ("totalOfPayments",),
                      "due_at_signing": ("dueAtSigning", "total")}


def scalar(answer: Dict[str, Any], path: tuple) -> Decimal:
    value: Any = answer
    for key in path:
        value = value[key]
    return Decimal(value)


def loan_table(rows: List[Dict[str, Any]]) -> Any:
    """The rows as a pyarrow table with decimal128 money and rates."""
    import pyarrow as pa
    types = {"selling_price": pa.decimal128(14, 2), "down_payment": pa.decimal128(14, 2),
             "trade_in_allowance": pa.decimal128(14, 2), "trade_in_payoff": pa.decimal128(14, 2),
             "fees": pa.decimal128(14, 2), "balloon": pa.decimal128(14, 2), "apr": pa.decimal128(7, 2),
             "tax_rate": pa.decimal128(8, 3), "term": pa.int32(), "frequency": pa.string(), "timing": pa.string()}
    return pa.table({name: pa.array([row[name] for row in rows], kind) for name, kind in types.items()})


def lease_table(rows: List[Dict[str, Any]]) -> Any:
    import pyarrow as pa
    types = {"selling_price": pa.decimal128(14, 2), "msrp": pa.decimal128(14, 2),
             "residual_percent": pa.decimal128(7, 2), "money_factor": pa.decimal128(10, 8),
             "down_payment": pa.decimal128(14, 2), "tax_rate": pa.decimal128(8, 3), "term": pa.int32(),
             "timing": pa.string()}
    return pa.table({name: pa.array([row[name] for row in rows], kind) for name, kind in types.items()})
