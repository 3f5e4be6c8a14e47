# DealFinance — exact deal finance. dealfinance.batch: every row of a portfolio equals the
# scalar JSON path (dealfinance.calculate), bad rows give status and message, never raise.
from __future__ import annotations

import json
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pytest

import dealfinance
from dealfinance import batch
from portfolio import (LEASE_RESULT_PATHS, LOAN_RESULT_PATHS, lease_json, lease_rows, lease_table, loan_json,
                       loan_rows, loan_table, scalar)


def expect_rows_equal_scalar(result: pa.Table, requests: list, paths: dict) -> int:
    """Compares every result row with dealfinance.calculate of its request; returns the bad rows."""
    refused = 0
    for index, request in enumerate(requests):
        status = result.column("status")[index].as_py()
        message = result.column("message")[index].as_py()
        try:
            answer = dealfinance.calculate(request)
        except dealfinance.DealFinanceError as error:
            refused += 1
            assert status == error.code, (index, request, message)
            # The engine's path and message, or (a null cell) the column's name.
            assert message is not None and (f"{error.path}: {error.message}" == message or "found null" in message), \
                (index, message, error)
            for name in paths:
                assert result.column(name)[index].as_py() is None
            continue
        assert status == "ok" and message is None, (index, request, message)
        for name, path in paths.items():
            assert result.column(name)[index].as_py() == scalar(answer, path), (index, name, request)
    return refused


def test_loan_table_equals_the_scalar_path_row_by_row():
    rows = loan_rows(200)
    result = batch.loan_quotes(loan_table(rows))
    assert result.num_rows == 200
    assert result.schema.field("payment").type == pa.decimal128(18, 2)
    refused = expect_rows_equal_scalar(result, [loan_json(row) for row in rows], LOAN_RESULT_PATHS)
    assert refused >= 7


def test_null_required_cell_is_a_bad_row_with_the_column_named():
    rows = loan_rows(50)
    result = batch.loan_quotes(loan_table(rows))
    assert result.column("status")[7].as_py() == "invalid_argument"
    assert result.column("message")[7].as_py().startswith("apr:")
    assert result.column("message")[29].as_py().startswith("selling_price:")


def test_lease_table_equals_the_scalar_path_row_by_row():
    rows = lease_rows(120)
    result = batch.lease_quotes(lease_table(rows))
    refused = expect_rows_equal_scalar(result, [lease_json(row) for row in rows], LEASE_RESULT_PATHS)
    assert refused >= 2


def test_threads_split_the_batch_without_changing_a_row():
    table = loan_table(loan_rows(300))
    assert batch.loan_quotes(table, threads=2).equals(batch.loan_quotes(table))
    assert batch.loan_quotes(table, threads=3, keep_inputs=True).select(table.column_names).equals(table)


def test_numpy_arrays_in_c_form_equal_the_table_path():
    rows = loan_rows(100, bad=False)
    table_result = batch.loan_quotes(loan_table(rows))
    arrays = batch.loan_quote_arrays(
        selling_price=np.array([int(row["selling_price"] * 100) for row in rows]),
        down_payment=np.array([int((row["down_payment"] or 0) * 100) for row in rows]),
        trade_in_allowance=np.array([int(row["trade_in_allowance"] * 100) for row in rows]),
        trade_in_payoff=np.array([int(row["trade_in_payoff"] * 100) for row in rows]),
        fees=np.array([int(row["fees"] * 100) for row in rows]),
        balloon=np.array([int((row["balloon"] or 0) * 100) for row in rows]),
        apr=np.array([int(row["apr"] * 100) for row in rows]),
        tax_rate=np.array([int(row["tax_rate"] * 1000) for row in rows]),
        term=np.array([row["term"] for row in rows]),
        frequency=np.array([row["frequency"] for row in rows]),
        timing=np.array([row["timing"] for row in rows]),
        scales={"apr": 2, "tax_rate": 3})
    ok = arrays["status"] == 0
    assert [batch.STATUS_NAMES[code] for code in arrays["status"]] == table_result.column("status").to_pylist()
    assert ok.sum() >= 90
    for name in batch.LOAN_OUTPUTS:
        expected = [int(value.as_py().scaleb(2)) if value.as_py() is not None else 0 for value in table_result.column(name)]
        assert arrays[name][ok].tolist() == np.array(expected)[ok].tolist(), name


def test_integer_minor_units_and_codes_are_accepted():
    table = pa.table({"selling_price": pa.array([3000000, 100], pa.int64()), "apr": pa.array([6, 6]),
                      "term": pa.array([60, 60]), "frequency": pa.array([0, 9], pa.int32())})
    result = batch.loan_quotes(table)
    assert result.column("payment").to_pylist() == [Decimal("579.98"), None]
    assert result.column("status").to_pylist() == ["ok", "invalid_argument"]
    assert "frequency" in result.column("message")[1].as_py()


def test_money_with_more_decimals_than_the_currency_is_a_bad_row():
    table = pa.table({"selling_price": pa.array([Decimal("30000.001"), Decimal("30000.000")], pa.decimal128(12, 3)),
                      "apr": pa.array([Decimal("6")], pa.decimal128(3, 0)).take([0, 0]), "term": [60, 60]})
    result = batch.loan_quotes(table)
    assert result.column("status").to_pylist() == ["invalid_argument", "ok"]
    assert result.column("payment")[1].as_py() == Decimal("579.98")


def test_floats_are_refused_for_the_whole_batch():
    with pytest.raises(TypeError, match="never a float"):
        batch.loan_quotes(pa.table({"selling_price": [30000.0], "apr": [6], "term": [60]}))
    with pytest.raises(ValueError, match="required"):
        batch.loan_quotes(pa.table({"selling_price": [3000000], "term": [60]}))


def test_other_currencies_use_their_minor_units():
    table = pa.table({"selling_price": pa.array([3000000], pa.int64()), "apr": [6], "term": [60]})
    result = batch.loan_quotes(table, currency="JPY")
    assert result.column("payment")[0].as_py() == Decimal("57998")
    assert dealfinance.calculate({"calculate": "loan", "currency": "JPY", "sellingPrice": "3000000", "apr": "6",
                                  "term": 60})["periodicPayment"]["total"] == "57998"


def test_calculate_batch_answers_each_element_as_calculate():
    requests = [loan_json(row) for row in loan_rows(45)] + [{"calculate": "loan"}, {}]
    answers = batch.calculate_batch(requests)
    assert len(answers) == len(requests)
    for request, answer in zip(requests, answers):
        _, text = dealfinance.calculate_text(json.dumps(request))
        assert answer == json.loads(text)


def test_the_row_requests_of_the_module_are_the_tests_own():
    rows = loan_rows(60)
    table = loan_table(rows)
    for index, row in enumerate(rows):
        if row["selling_price"] is not None and row["apr"] is not None:
            ours, theirs = batch.loan_request(table, index), loan_json(row)
            try:
                expected = dealfinance.calculate(theirs)
            except dealfinance.DealFinanceError as error:
                with pytest.raises(dealfinance.DealFinanceError, match=error.code):
                    dealfinance.calculate(ours)
                continue
            assert dealfinance.calculate(ours) == expected


def test_the_examples_in_the_docstrings():
    import doctest
    assert doctest.testmod(batch).failed == 0


def test_leaving_out_the_disclosed_apr_changes_no_other_column():
    rows = loan_rows(80)
    full = batch.loan_quotes(loan_table(rows))
    lean = batch.loan_quotes(loan_table(rows), disclosed_apr=False)
    assert "disclosed_apr" not in lean.column_names
    assert lean.equals(full.drop_columns(["disclosed_apr"]))
