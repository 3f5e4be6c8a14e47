# DealFinance — exact deal finance. dealfinance.types against the JSON Schemas in schemas/.
from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

import dealfinance
from dealfinance import types

SCHEMAS = Path(os.environ.get("DEALFINANCE_SCHEMAS", Path(__file__).resolve().parents[3] / "schemas"))
KINDS: List[str] = json.loads((SCHEMAS / "request.schema.json").read_text())["properties"]["calculate"]["enum"]


def schema(name: str) -> Dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text())


def keys(object_schema: Dict[str, Any]) -> Tuple[Set[str], Set[str]]:
    """(every property, the required ones) of an object schema; a result whose shapes are
    oneOf alternatives (payoff) has the union of their properties and requires what all do."""
    properties = set(object_schema.get("properties", {}))
    required = set(object_schema.get("required", []))
    alternatives = [branch for branch in object_schema.get("oneOf", []) if "properties" in branch]
    for branch in alternatives:
        properties |= set(branch["properties"])
    if alternatives and not required:
        required = set.intersection(*(set(branch.get("required", [])) for branch in alternatives))
    return properties, required


def assert_agrees(typed_dict: Any, object_schema: Dict[str, Any]) -> None:
    properties, required = keys(object_schema)
    assert set(typed_dict.__required_keys__) == required
    assert set(typed_dict.__required_keys__) | set(typed_dict.__optional_keys__) == properties


def test_every_kind_has_a_schema_and_a_typed_dict() -> None:
    assert len(KINDS) == 23
    assert set(types.KINDS) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("part", ["request", "result"])
def test_typed_dict_keys_are_the_schema_properties(kind: str, part: str) -> None:
    request_type, result_type = types.KINDS[kind]
    assert_agrees(request_type if part == "request" else result_type, schema(f"{kind}.{part}.schema.json"))


@pytest.mark.parametrize("name", ["lead", "leadRecord", "activity", "vehicle", "tradeIn", "contact", "pipeline", "timeZone",
                                  "businessHours", "scoringRules", "conversion", "followUp"])
def test_lead_model_typed_dicts(name: str) -> None:
    typed_dict = getattr(types, name[:1].upper() + name[1:])
    assert_agrees(typed_dict, schema("lead.schema.json")["$defs"][name])


def test_rounding_and_error_typed_dicts() -> None:
    common = schema("common.schema.json")["$defs"]
    assert_agrees(types.RoundingOverrides, common["roundingOverrides"])
    assert_agrees(types.ErrorDetail, common["errorDetail"])
    assert_agrees(types.ErrorAnswer, schema("error.schema.json"))


def test_nested_typed_dicts_follow_the_schema() -> None:
    loan = schema("loan.request.schema.json")["properties"]
    assert_agrees(types.LoanRequestTax, loan["tax"])
    assert_agrees(types.LoanRequestFees, loan["fees"]["items"])
    lease = schema("lease.result.schema.json")["properties"]
    assert_agrees(types.LeaseResultDueAtSigning, lease["dueAtSigning"])


def test_calculate_has_an_overload_per_kind() -> None:
    source = inspect.getsource(dealfinance)
    for kind in KINDS:
        request_type, result_type = types.KINDS[kind]
        assert f"def calculate(request: {request_type.__name__}) -> {result_type.__name__}: ..." in source


def test_a_typed_request_gives_its_result() -> None:
    request: types.LoanRequest = {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60}
    result: types.LoanResult = dealfinance.calculate(request)
    assert set(result) <= set(types.LoanResult.__required_keys__) | set(types.LoanResult.__optional_keys__)
    assert set(types.LoanResult.__required_keys__) <= set(result)
    assert result["periodicPayment"]["total"] == "579.98"
