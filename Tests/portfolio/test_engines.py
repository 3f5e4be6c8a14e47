# DealFinance — exact deal finance. A portfolio priced inside DuckDB (an Arrow UDF) and inside
# Spark (mapInArrow on local[2]); every row equals the scalar path, dealfinance.calculate.
from __future__ import annotations

from decimal import Decimal

import duckdb
import pyarrow as pa

import dealfinance
from dealfinance import batch, engines
from portfolio import LEASE_RESULT_PATHS, LOAN_RESULT_PATHS, lease_json, lease_rows, lease_table, loan_json, loan_rows, \
    loan_table, scalar

ROWS = 200


def expect_scalar(rows: list, results: list, to_request, paths: dict) -> int:
    """results[k] (a dict of result columns) equals calculate(to_request(rows[k])); returns the refused."""
    refused = 0
    assert len(results) == len(rows)
    for row, result in zip(rows, results):
        try:
            answer = dealfinance.calculate(to_request(row))
        except dealfinance.DealFinanceError as error:
            refused += 1
            assert result["status"] == error.code and result["message"], (row, result)
            assert all(result[name] is None for name in paths)
            continue
        assert result["status"] == "ok" and result["message"] is None, (row, result)
        for name, path in paths.items():
            assert Decimal(result[name]) == scalar(answer, path), (name, row, result)
    return refused


def test_duckdb_prices_the_portfolio_with_the_arrow_udf():
    rows = loan_rows(ROWS)
    connection = duckdb.connect()
    engines.register_duckdb(connection)
    deals = loan_table(rows).append_column("id", pa.array(range(ROWS), pa.int32()))
    connection.register("deals", deals)
    quoted = connection.sql(
        "SELECT id, dealfinance_loan(selling_price, down_payment, trade_in_allowance, trade_in_payoff, fees, balloon, "
        "apr, tax_rate, term, frequency, timing) AS q FROM deals ORDER BY id").fetchall()
    assert [row[0] for row in quoted] == list(range(ROWS))
    refused = expect_scalar(rows, [row[1] for row in quoted], loan_json, LOAN_RESULT_PATHS)
    assert refused >= 7


def test_duckdb_sql_over_the_results():
    connection = duckdb.connect()
    engines.register_duckdb(connection)
    connection.register("deals", loan_table(loan_rows(ROWS)))
    ok, total = connection.execute(
        "SELECT count(*) FILTER (WHERE q.status = 'ok'), sum(q.payment) FROM "
        "(SELECT dealfinance_loan(selling_price, down_payment, trade_in_allowance, trade_in_payoff, fees, balloon, "
        "apr, tax_rate, term, frequency, timing) AS q FROM deals)").fetchone()
    expected = batch.loan_quotes(loan_table(loan_rows(ROWS)))
    assert ok == expected.column("status").to_pylist().count("ok")
    assert total == sum(value for value in expected.column("payment").to_pylist() if value is not None)


def test_spark_prices_the_portfolio_with_map_in_arrow(spark):
    rows = loan_rows(ROWS)
    table = loan_table(rows).append_column("id", pa.array(range(ROWS), pa.int32()))
    frame = spark.createDataFrame(table).repartition(2)
    priced = engines.spark_loan_quotes(frame)
    assert priced.rdd.getNumPartitions() == 2
    results = sorted((row.asDict() for row in priced.collect()), key=lambda row: row["id"])
    assert [row["id"] for row in results] == list(range(ROWS))
    refused = expect_scalar(rows, results, loan_json, LOAN_RESULT_PATHS)
    assert refused >= 7


def test_spark_prices_leases_with_map_in_arrow(spark):
    rows = lease_rows(ROWS)
    table = lease_table(rows).append_column("id", pa.array(range(ROWS), pa.int32()))
    priced = engines.spark_lease_quotes(spark.createDataFrame(table).repartition(2))
    results = sorted((row.asDict() for row in priced.collect()), key=lambda row: row["id"])
    refused = expect_scalar(rows, results, lease_json, LEASE_RESULT_PATHS)
    assert refused >= 2
