# DealFinance — exact deal finance. Pricing portfolios inside DuckDB and Spark with the
# columnar batch (dealfinance.batch): an Arrow UDF for DuckDB, mapInArrow for Spark.
"""Portfolio pricing in the data engines (needs ``dealfinance[arrow]`` and the engine).

DuckDB — a vectorized Arrow UDF returning a STRUCT per deal::

    import duckdb, dealfinance.engines as engines
    con = duckdb.connect()
    engines.register_duckdb(con)            # SQL function dealfinance_loan(...)
    con.sql("SELECT id, dealfinance_loan(selling_price, down_payment, trade_in_allowance, "
            "trade_in_payoff, fees, balloon, apr, tax_rate, term, frequency, timing) AS q FROM deals")

Spark — ``mapInArrow`` over the partitions (the wheel must be installed on every executor;
bindings/python/README.md shows how)::

    priced = engines.spark_loan_quotes(deals)   # deals' columns + LOAN_OUTPUTS, status, message
"""

from __future__ import annotations

from typing import Any, Iterator, List

from . import batch

__all__ = ["DUCKDB_LOAN_FUNCTION", "register_duckdb", "spark_loan_quotes", "spark_lease_quotes"]

#: The SQL name `register_duckdb` gives the loan function.
DUCKDB_LOAN_FUNCTION = "dealfinance_loan"

# The SQL parameter types of dealfinance_loan, in LOAN_INPUTS order. Money is DECIMAL(18,2)
# (USD cents) and rates DECIMAL(18,6): DuckDB widens narrower decimals to them exactly.
_DUCKDB_LOAN_PARAMETERS = ["DECIMAL(18,2)"] * 6 + ["DECIMAL(18,6)", "DECIMAL(18,6)", "INTEGER", "VARCHAR", "VARCHAR"]


def register_duckdb(connection: Any, name: str = DUCKDB_LOAN_FUNCTION) -> None:
    """Registers ``name(selling_price, down_payment, trade_in_allowance, trade_in_payoff, fees,
    balloon, apr, tax_rate, term, frequency, timing)`` on a DuckDB connection: a vectorized
    (Arrow) UDF returning STRUCT(payment, final_payment, amount_financed, finance_charge,
    total_of_payments, disclosed_apr DECIMAL(18,2), status, message VARCHAR). NULL in an
    optional argument is "absent"; a bad deal gives status and message, never an error."""
    import duckdb
    import pyarrow as pa

    names = list(batch.LOAN_INPUTS)
    fields = {output: duckdb.decimal_type(18, 2) for output in batch.LOAN_OUTPUTS}
    fields.update({"status": duckdb.sqltype("VARCHAR"), "message": duckdb.sqltype("VARCHAR")})
    result_type = duckdb.struct_type(fields)

    def loan(selling_price: Any, down_payment: Any, trade_in_allowance: Any, trade_in_payoff: Any, fees: Any,
             balloon: Any, apr: Any, tax_rate: Any, term: Any, frequency: Any, timing: Any) -> Any:
        arrays = [selling_price, down_payment, trade_in_allowance, trade_in_payoff, fees, balloon, apr, tax_rate,
                  term, frequency, timing]
        table = pa.table(dict(zip(names, arrays)))
        result = batch.loan_quotes(table)
        columns = [result.column(output).combine_chunks() for output in [*batch.LOAN_OUTPUTS, "status", "message"]]
        return pa.StructArray.from_arrays(columns, names=[*batch.LOAN_OUTPUTS, "status", "message"])

    parameters = [duckdb.sqltype(kind) for kind in _DUCKDB_LOAN_PARAMETERS]
    connection.create_function(name, loan, parameters, result_type, type="arrow", null_handling="special")


def _spark_schema(frame: Any, outputs: List[str]) -> Any:
    from pyspark.sql.types import DecimalType, StringType, StructField, StructType
    fields = list(frame.schema.fields)
    fields += [StructField(output, DecimalType(18, 2), True) for output in outputs]
    fields += [StructField("status", StringType(), False), StructField("message", StringType(), True)]
    return StructType(fields)


def spark_loan_quotes(frame: Any) -> Any:
    """The Spark DataFrame `frame` (columns named as ``batch.LOAN_INPUTS``) with the loan
    quote columns added, priced partition by partition with ``mapInArrow``."""
    def price(batches: Iterator[Any]) -> Iterator[Any]:
        from dealfinance import batch as on_executor
        for record_batch in batches:
            import pyarrow as pa
            yield from on_executor.loan_quotes(pa.Table.from_batches([record_batch]), keep_inputs=True).to_batches()

    return frame.mapInArrow(price, _spark_schema(frame, list(batch.LOAN_OUTPUTS)))


def spark_lease_quotes(frame: Any) -> Any:
    """The Spark DataFrame `frame` (columns named as ``batch.LEASE_INPUTS``) with the lease
    quote columns added, with ``mapInArrow``."""
    def price(batches: Iterator[Any]) -> Iterator[Any]:
        from dealfinance import batch as on_executor
        for record_batch in batches:
            import pyarrow as pa
            yield from on_executor.lease_quotes(pa.Table.from_batches([record_batch]), keep_inputs=True).to_batches()

    return frame.mapInArrow(price, _spark_schema(frame, list(batch.LEASE_OUTPUTS)))
