# DealFinance — exact deal finance. Portfolio pricing: numpy arrays and pyarrow tables through
# the columnar C batches (dfin_loan_quote_batch, dfin_lease_quote_batch).
"""Vectorized portfolio pricing (optional extras: ``dealfinance[numpy]``, ``dealfinance[arrow]``).

A table row is one deal; ``loan_quotes(table)`` and ``lease_quotes(table)`` give one result
row per deal, equal to ``dealfinance.calculate`` of the JSON request the row stands for
(``loan_request`` / ``lease_request`` build it). A bad row gets ``status`` and ``message``
(the JSON error's code, and its path and message) and nulls; the batch never raises for it.

Input columns (names as below; only the required ones must be present):

* money — ``decimal128`` (exact, any scale up to the currency's digits; more decimals than the
  currency are a bad row) or an integer type holding minor units (cents);
* rates in percent (``apr``, ``tax_rate``, ``residual_percent``) and ``money_factor`` —
  ``decimal128`` (the coefficient and the column's scale go to C unchanged) or integers;
* ``term`` — integers; ``frequency`` and ``timing`` — strings (``"monthly"``, ``"advance"``)
  or the ``DFIN_FREQUENCY_*`` / ``DFIN_TIMING_*`` codes.

A null in an optional column is 0 (no down payment, no trade-in…); in a required column it
is a bad row. Floats are refused (a ``TypeError`` for the whole batch): money is never binary.

>>> import pyarrow as pa, decimal
>>> from dealfinance.batch import loan_quotes
>>> table = pa.table({"selling_price": pa.array([decimal.Decimal("30000.00")], pa.decimal128(12, 2)),
...                   "apr": pa.array([decimal.Decimal("6")], pa.decimal128(6, 0)), "term": [60]})
>>> loan_quotes(table).column("payment")[0].as_py()
Decimal('579.98')
"""

from __future__ import annotations

import ctypes
import json
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from . import DealFinanceError, calculate, decimal_format
from ._native import lib as _lib

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

__all__ = [
    "LOAN_INPUTS", "LOAN_OUTPUTS", "LEASE_INPUTS", "LEASE_OUTPUTS", "FREQUENCIES", "TIMINGS", "STATUS_NAMES",
    "loan_quotes", "lease_quotes", "loan_quote_arrays", "lease_quote_arrays",
    "loan_request", "lease_request", "calculate_batch",
]

#: The JSON "frequency" names in DFIN_FREQUENCY_* order.
FREQUENCIES = ("monthly", "semimonthly", "biweekly", "weekly", "quarterly", "semiannual", "annual")
#: The JSON "paymentTiming" names in DFIN_TIMING_* order.
TIMINGS = ("arrears", "advance")
#: dfin_status names by value.
STATUS_NAMES = ("ok", "invalid_json", "invalid_argument", "unsupported", "no_solution", "overflow",
                "buffer_too_small", "null_argument", "internal")

_MONEY, _RATE, _INT, _CODE = "money", "rate", "int", "code"
#: Loan input columns: name → (kind, required).
LOAN_INPUTS: Dict[str, Tuple[str, bool]] = {
    "selling_price": (_MONEY, True), "down_payment": (_MONEY, False), "trade_in_allowance": (_MONEY, False),
    "trade_in_payoff": (_MONEY, False), "fees": (_MONEY, False), "balloon": (_MONEY, False),
    "apr": (_RATE, True), "tax_rate": (_RATE, False), "term": (_INT, True),
    "frequency": (_CODE, False), "timing": (_CODE, False),
}
#: Loan result columns (money in the currency's minor units) and "disclosed_apr" (the JSON
#: result's "apr", in hundredths of a percent; the C field `apr`).
LOAN_OUTPUTS = ("payment", "final_payment", "amount_financed", "finance_charge", "total_of_payments", "disclosed_apr")
#: Lease input columns: name → (kind, required). Exactly one of residual_percent/residual_amount
#: and one of money_factor/apr.
LEASE_INPUTS: Dict[str, Tuple[str, bool]] = {
    "selling_price": (_MONEY, True), "msrp": (_MONEY, False), "residual_percent": (_RATE, False),
    "residual_amount": (_MONEY, False), "money_factor": (_RATE, False), "apr": (_RATE, False),
    "down_payment": (_MONEY, False), "trade_in_allowance": (_MONEY, False), "trade_in_payoff": (_MONEY, False),
    "fees": (_MONEY, False), "tax_rate": (_RATE, False), "term": (_INT, True), "timing": (_CODE, False),
}
#: Lease result columns (minor units).
LEASE_OUTPUTS = ("payment", "base_payment", "adjusted_capitalized_cost", "residual_value", "rent_charge",
                 "total_of_payments", "due_at_signing")

_P64 = ctypes.POINTER(ctypes.c_int64)
_P32 = ctypes.POINTER(ctypes.c_int32)


class _LoanColumns(ctypes.Structure):
    _fields_ = [("selling_price", _P64), ("down_payment", _P64), ("trade_in_allowance", _P64),
                ("trade_in_payoff", _P64), ("fees", _P64), ("balloon", _P64), ("apr", _P64),
                ("apr_scale", ctypes.c_int32), ("tax_rate", _P64), ("tax_rate_scale", ctypes.c_int32),
                ("term", _P32), ("frequency", _P32), ("timing", _P32),
                ("currency", ctypes.c_char_p), ("currency_length", ctypes.c_size_t)]


class _LoanResults(ctypes.Structure):
    _fields_ = [(name, _P64) for name in LOAN_OUTPUTS] + [("status", _P32)]   # disclosed_apr is the C `apr`


class _LeaseColumns(ctypes.Structure):
    _fields_ = [("selling_price", _P64), ("msrp", _P64), ("residual_percent", _P64),
                ("residual_percent_scale", ctypes.c_int32), ("residual_amount", _P64), ("money_factor", _P64),
                ("money_factor_scale", ctypes.c_int32), ("apr", _P64), ("apr_scale", ctypes.c_int32),
                ("down_payment", _P64), ("trade_in_allowance", _P64), ("trade_in_payoff", _P64), ("fees", _P64),
                ("tax_rate", _P64), ("tax_rate_scale", ctypes.c_int32), ("term", _P32), ("timing", _P32),
                ("currency", ctypes.c_char_p), ("currency_length", ctypes.c_size_t)]


class _LeaseResults(ctypes.Structure):
    _fields_ = [(name, _P64) for name in LEASE_OUTPUTS] + [("status", _P32)]


_lib.dfin_loan_quote_batch.restype = ctypes.c_int32
_lib.dfin_loan_quote_batch.argtypes = [ctypes.POINTER(_LoanResults), ctypes.POINTER(_LoanColumns), ctypes.c_size_t]
_lib.dfin_lease_quote_batch.restype = ctypes.c_int32
_lib.dfin_lease_quote_batch.argtypes = [ctypes.POINTER(_LeaseResults), ctypes.POINTER(_LeaseColumns), ctypes.c_size_t]
_lib.dfin_calculate_batch.restype = ctypes.c_int32
_lib.dfin_calculate_batch.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
                                      ctypes.c_char_p, ctypes.c_size_t]


# ------------------------------------------------------------------------------------------
# numpy: columns already in C form
# ------------------------------------------------------------------------------------------

class _Prepared:
    """Columns in C form: int64/int32 contiguous arrays, scales, and rows refused before C."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.arrays: Dict[str, np.ndarray] = {}
        self.scales: Dict[str, int] = {}
        #: row → (code, path, message) for rows refused in Python (nulls, overflow, decimals).
        self.refused: Dict[int, Tuple[str, str, str]] = {}

    def refuse(self, rows: np.ndarray, code: str, path: str, message: str) -> None:
        for row in np.flatnonzero(rows):
            self.refused.setdefault(int(row), (code, path, message))


def _as_int(values: Any, dtype: Any, name: str) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype.kind not in "iu":
        raise TypeError(f"column {name}: expected integers (minor units, coefficients or codes), found {array.dtype}")
    if dtype == np.int32 and array.dtype.itemsize > 4:
        # Out-of-range terms and codes stay out of range (the engine refuses them), never wrap.
        array = np.clip(array, -(2 ** 31), 2 ** 31 - 1)
    return np.ascontiguousarray(array, dtype=dtype)


def _pointer(array: Optional[np.ndarray], kind: Any, offset: int = 0) -> Any:
    if array is None:
        return None
    return ctypes.cast(array.ctypes.data + offset * array.itemsize, kind)


def _run(function: Any, columns_type: Any, results_type: Any, prepared: _Prepared, outputs: Sequence[str],
         fields: Mapping[str, Any], threads: int) -> Tuple[Dict[str, np.ndarray], np.ndarray]:
    """Calls the C batch over `threads` slices (ctypes releases the GIL during each call);
    `outputs` names the result arrays to fill (the others stay NULL: not computed)."""
    count = prepared.count
    out = {name: np.zeros(count, dtype=np.int64) for name in outputs}
    status = np.zeros(count, dtype=np.int32)

    def call(start: int, stop: int) -> None:
        columns = columns_type(**{name: value for name, value in fields.items() if not isinstance(value, np.ndarray)})
        for name, array in fields.items():
            if isinstance(array, np.ndarray):
                setattr(columns, name, _pointer(array, _P32 if array.dtype == np.int32 else _P64, start))
        results = results_type(**{name: _pointer(out[name], _P64, start) for name in outputs},
                               status=_pointer(status, _P32, start))
        code = function(ctypes.byref(results), ctypes.byref(columns), stop - start)
        if code == 7:
            raise DealFinanceError(code, "null_argument", "", "a required column is missing")
        if code in (2, 5) and stop > start and not status[start:stop].any():
            raise DealFinanceError(code, STATUS_NAMES[code], "", "the columns cannot go together (scale 0-18, known currency, "
                                   "trade_in_payoff needs trade_in_allowance, one residual and one rate column)")

    threads = max(1, min(int(threads), count or 1))
    bounds = [count * k // threads for k in range(threads + 1)]
    if threads == 1:
        call(0, count)
    else:
        with ThreadPoolExecutor(threads) as pool:
            for future in [pool.submit(call, bounds[k], bounds[k + 1]) for k in range(threads)]:
                future.result()
    return out, status


@lru_cache(maxsize=None)
def _currency(currency: Optional[str]) -> Tuple[Optional[bytes], int, int]:
    """(code bytes, length, minor-unit digits); the engine's own currency table decides."""
    if currency is None:
        return None, 0, 2
    try:
        one = calculate({"calculate": "loan", "currency": currency, "sellingPrice": "1", "apr": "0", "term": 1})
    except DealFinanceError as error:
        raise ValueError(f"currency: {error.message}") from None
    text = one["sellingPrice"]
    code = currency.encode("utf-8")
    return code, len(code), len(text.partition(".")[2])


def _prepare_numpy(columns: Mapping[str, Any], scales: Mapping[str, int], inputs: Mapping[str, Tuple[str, bool]],
                   count: Optional[int] = None) -> _Prepared:
    unknown = set(columns) - set(inputs)
    if unknown:
        raise ValueError(f"unknown columns {sorted(unknown)}; expected some of {list(inputs)}")
    for name, (_, required) in inputs.items():
        if required and columns.get(name) is None:
            raise ValueError(f"column {name} is required")
    lengths = {len(np.asarray(value)) for value in columns.values() if value is not None}
    if len(lengths) > 1:
        raise ValueError(f"columns have different lengths {sorted(lengths)}")
    prepared = _Prepared(count if count is not None else (lengths.pop() if lengths else 0))
    for name, value in columns.items():
        if value is None:
            continue
        kind = inputs[name][0]
        if kind == _CODE and np.asarray(value).dtype.kind in "OUS":
            names = FREQUENCIES if name == "frequency" else TIMINGS
            lookup = {text: code for code, text in enumerate(names)}
            value = np.fromiter((lookup.get(text, 99) for text in np.asarray(value)), dtype=np.int32, count=prepared.count)
        prepared.arrays[name] = _as_int(value, np.int32 if kind in (_INT, _CODE) else np.int64, name)
        if kind == _RATE:
            prepared.scales[name] = int(scales.get(name, 0))
    return prepared


def _fields(prepared: _Prepared, currency: Optional[str]) -> Dict[str, Any]:
    code, length, _ = _currency(currency)
    fields: Dict[str, Any] = dict(prepared.arrays)
    for name, scale in prepared.scales.items():
        fields[f"{name}_scale"] = scale
    fields["currency"] = code
    fields["currency_length"] = length
    return fields


def _loan_outputs(disclosed_apr: bool) -> Tuple[str, ...]:
    return LOAN_OUTPUTS if disclosed_apr else tuple(name for name in LOAN_OUTPUTS if name != "disclosed_apr")


def loan_quote_arrays(*, currency: Optional[str] = None, scales: Optional[Mapping[str, int]] = None,
                      threads: int = 1, disclosed_apr: bool = True, **columns: Any) -> Dict[str, np.ndarray]:
    """Quotes loans given as numpy integer arrays in C form (money in minor units, rates as
    coefficients with `scales`, e.g. ``apr=np.array([690]), scales={"apr": 2}``).

    Returns int64 arrays named as ``LOAN_OUTPUTS`` (0 for refused rows; ``disclosed_apr`` −1 where the
    JSON result has no "apr") and ``status`` (int32 ``dfin_status`` codes). Solving the
    disclosed APR is most of a row's time: ``disclosed_apr=False`` leaves it out.

    >>> import numpy as np
    >>> loan_quote_arrays(selling_price=np.array([3000000]), apr=np.array([6]), term=np.array([60]))["payment"]
    array([57998])
    """
    prepared = _prepare_numpy(columns, scales or {}, LOAN_INPUTS)
    out, status = _run(_lib.dfin_loan_quote_batch, _LoanColumns, _LoanResults, prepared, _loan_outputs(disclosed_apr),
                       _fields(prepared, currency), threads)
    out["status"] = status
    return out


def lease_quote_arrays(*, currency: Optional[str] = None, scales: Optional[Mapping[str, int]] = None,
                       threads: int = 1, **columns: Any) -> Dict[str, np.ndarray]:
    """Quotes leases given as numpy integer arrays in C form; as ``loan_quote_arrays``.

    >>> import numpy as np
    >>> lease_quote_arrays(selling_price=np.array([3700000]), msrp=np.array([4000000]),
    ...                    residual_percent=np.array([58]), money_factor=np.array([250]),
    ...                    scales={"money_factor": 5}, term=np.array([36]))["payment"]
    array([53383])
    """
    prepared = _prepare_numpy(columns, scales or {}, LEASE_INPUTS)
    out, status = _run(_lib.dfin_lease_quote_batch, _LeaseColumns, _LeaseResults, prepared, LEASE_OUTPUTS,
                       _fields(prepared, currency), threads)
    out["status"] = status
    return out


# ------------------------------------------------------------------------------------------
# pyarrow: tables in, tables out
# ------------------------------------------------------------------------------------------

def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.compute
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("dealfinance.batch table functions need pyarrow: pip install 'dealfinance[arrow]'") from error
    return pyarrow


def _decimal_words(array: Any) -> Tuple[np.ndarray, np.ndarray]:
    """The int64 coefficient of each decimal128 slot and whether it fits an int64."""
    buffer = array.buffers()[1]
    words = np.frombuffer(buffer, dtype=np.int64, count=2 * (array.offset + len(array)))[2 * array.offset:]
    words = words.reshape(-1, 2)
    low = np.ascontiguousarray(words[:, 0])
    return low, words[:, 1] == (low >> 63)


def _arrow_column(pa: Any, prepared: _Prepared, name: str, kind: str, required: bool, column: Any, digits: int) -> None:
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    nulls = np.zeros(len(array), dtype=bool) if array.null_count == 0 else \
        array.is_null().to_numpy(zero_copy_only=False)
    if required and nulls.any():
        prepared.refuse(nulls, "invalid_argument", name, f"expected a value in the required column {name}, found null")
    kind_type = array.type
    if kind == _CODE and (pa.types.is_string(kind_type) or pa.types.is_large_string(kind_type) or pa.types.is_dictionary(kind_type)):
        names = FREQUENCIES if name == "frequency" else TIMINGS
        codes = pa.compute.index_in(array.cast(pa.string()), value_set=pa.array(names))
        values = codes.fill_null(99).to_numpy(zero_copy_only=False).astype(np.int32)
        values[nulls] = 0
        prepared.arrays[name] = values
        return
    if pa.types.is_decimal(kind_type):
        if kind in (_INT, _CODE) or kind_type.byte_width != 16:
            raise TypeError(f"column {name}: expected {'integers' if kind in (_INT, _CODE) else 'decimal128 or integers'}, found {kind_type}")
        values, fits = _decimal_words(array)
        values = values.copy()
        overflow = ~fits & ~nulls
        if overflow.any():
            prepared.refuse(overflow, "overflow", name, f"expected a {name} of at most 18 digits, found more")
            values[overflow] = 0
        scale = kind_type.scale
        if kind == _MONEY and scale != digits:
            if scale < digits:
                values = values * (10 ** (digits - scale))
            else:
                unit = 10 ** (scale - digits)
                inexact = (values % unit != 0) & ~nulls
                if inexact.any():
                    prepared.refuse(inexact, "invalid_argument", name, f"expected at most {digits} decimals in {name}, found more")
                values = values // unit
        elif kind == _RATE:
            if not 0 <= scale <= 18:
                raise TypeError(f"column {name}: expected a decimal scale from 0 to 18, found {scale}")
            prepared.scales[name] = scale
    elif pa.types.is_integer(kind_type):
        values = array.fill_null(0).to_numpy(zero_copy_only=False)
        if kind == _RATE:
            prepared.scales[name] = 0
    else:
        raise TypeError(f"column {name}: expected decimal128 or integers (money is never a float), found {kind_type}")
    values = _as_int(values, np.int32 if kind in (_INT, _CODE) else np.int64, name)
    if nulls.any():
        values = values.copy()
        values[nulls] = 0
    prepared.arrays[name] = values


def _prepare_arrow(pa: Any, table: Any, inputs: Mapping[str, Tuple[str, bool]], digits: int) -> _Prepared:
    prepared = _Prepared(table.num_rows)
    for name, (kind, required) in inputs.items():
        if name in table.column_names:
            _arrow_column(pa, prepared, name, kind, required, table.column(name), digits)
        elif required:
            raise ValueError(f"column {name} is required (columns: {table.column_names})")
    return prepared


def _money_array(pa: Any, values: np.ndarray, valid: np.ndarray, scale: int) -> Any:
    """int64 minor units as decimal128(18, scale), null where not valid."""
    words = np.empty((len(values), 2), dtype=np.int64)
    words[:, 0] = values
    words[:, 1] = values >> 63
    mask = None if valid.all() else pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.Array.from_buffers(pa.decimal128(18, scale), len(values), [mask, pa.py_buffer(words)],
                                 null_count=int((~valid).sum()))


def _answer_table(pa: Any, table: Any, prepared: _Prepared, outputs: Sequence[str], out: Mapping[str, np.ndarray],
                  status: np.ndarray, digits: int, request: Any, currency: Optional[str], keep: bool) -> Any:
    for row, (code, _, _) in prepared.refused.items():
        status[row] = STATUS_NAMES.index(code)
    valid = status == 0
    messages: List[str] = []
    message_index = np.full(len(status), -1, dtype=np.int32)
    for row in (int(index) for index in np.flatnonzero(~valid)):
        if row in prepared.refused:
            _, path, message = prepared.refused[row]
        else:
            path, message = _scalar_error(request(table, row, currency))
        message_index[row] = len(messages)
        messages.append(f"{path}: {message}" if path else message)
    result: Dict[str, Any] = {}
    if keep:
        for name in table.column_names:
            result[name] = table.column(name)
    for name in outputs:
        apr = name == "disclosed_apr"
        scale = 2 if apr else digits
        result[name] = _money_array(pa, out[name], valid & (out[name] >= 0) if apr else valid, scale)
    result["status"] = pa.compute.take(pa.array(STATUS_NAMES), pa.array(status))
    indices = pa.array(message_index, mask=message_index < 0)
    result["message"] = pa.compute.take(pa.array(messages, pa.string()), indices)
    return pa.table(result)


def _scalar_error(request: Mapping[str, Any]) -> Tuple[str, str]:
    try:
        calculate(request)
    except DealFinanceError as error:
        return error.path, error.message
    return "", "refused by the batch although the JSON request succeeds (please report it)"


def loan_quotes(table: "pa.Table", *, currency: Optional[str] = None, threads: int = 1,
                keep_inputs: bool = False, disclosed_apr: bool = True) -> "pa.Table":
    """Quotes every row of `table` as a loan: a table of ``LOAN_OUTPUTS`` (decimal128 money,
    ``disclosed_apr`` as decimal128(18, 2)), ``status`` and ``message``, in row order (with the input
    columns first when `keep_inputs`). `threads` splits the batch across threads;
    ``disclosed_apr=False`` leaves out the APR (most of a row's time)."""
    pa = _arrow()
    _, _, digits = _currency(currency)
    prepared = _prepare_arrow(pa, table, LOAN_INPUTS, digits)
    outputs = _loan_outputs(disclosed_apr)
    out, status = _run(_lib.dfin_loan_quote_batch, _LoanColumns, _LoanResults, prepared, outputs,
                       _fields(prepared, currency), threads)
    return _answer_table(pa, table, prepared, outputs, out, status, digits, loan_request, currency, keep_inputs)


def lease_quotes(table: "pa.Table", *, currency: Optional[str] = None, threads: int = 1,
                 keep_inputs: bool = False) -> "pa.Table":
    """Quotes every row of `table` as a lease: a table of ``LEASE_OUTPUTS``, ``status`` and
    ``message``; as ``loan_quotes``."""
    pa = _arrow()
    _, _, digits = _currency(currency)
    prepared = _prepare_arrow(pa, table, LEASE_INPUTS, digits)
    out, status = _run(_lib.dfin_lease_quote_batch, _LeaseColumns, _LeaseResults, prepared, LEASE_OUTPUTS,
                       _fields(prepared, currency), threads)
    return _answer_table(pa, table, prepared, LEASE_OUTPUTS, out, status, digits, lease_request, currency, keep_inputs)


# ------------------------------------------------------------------------------------------
# The JSON request a row stands for (the scalar path), and JSON arrays
# ------------------------------------------------------------------------------------------

def _text(value: Any, kind: str, digits: int) -> str:
    """A cell as JSON decimal text (decimals as written, integers of money as minor units)."""
    if kind == _MONEY and isinstance(value, int):
        return decimal_format(value, digits)
    return format(value, "f") if not isinstance(value, int) else str(value)


def _row(table: Any, row: int) -> Dict[str, Any]:
    return {name: table.column(name)[row].as_py() for name in table.column_names}


def loan_request(table: "pa.Table", row: int, currency: Optional[str] = None) -> Dict[str, Any]:
    """The JSON loan request row `row` stands for (what ``loan_quotes`` must equal)."""
    _, _, digits = _currency(currency)
    cells = _row(table, row)
    request: Dict[str, Any] = {"calculate": "loan"}
    if currency:
        request["currency"] = currency
    for name, key in (("selling_price", "sellingPrice"), ("down_payment", "downPayment"), ("apr", "apr")):
        if cells.get(name) is not None or LOAN_INPUTS[name][1]:
            request[key] = _text(cells.get(name) or 0, LOAN_INPUTS[name][0], digits)
    request["term"] = cells.get("term") or 0
    _common_items(request, cells, digits, {"name": "Fees"})
    if cells.get("balloon") is not None:
        request["balloon"] = {"amount": _text(cells["balloon"], _MONEY, digits)}
    if cells.get("tax_rate") is not None:
        request["tax"] = {"rate": _text(cells["tax_rate"], _RATE, digits)}
    if cells.get("frequency") is not None:
        value = cells["frequency"]
        request["frequency"] = FREQUENCIES[value] if isinstance(value, int) and 0 <= value < 7 else str(value)
    _timing(request, cells)
    return request


def lease_request(table: "pa.Table", row: int, currency: Optional[str] = None) -> Dict[str, Any]:
    """The JSON lease request row `row` stands for (what ``lease_quotes`` must equal)."""
    _, _, digits = _currency(currency)
    cells = _row(table, row)
    request: Dict[str, Any] = {"calculate": "lease", "sellingPrice": _text(cells.get("selling_price") or 0, _MONEY, digits),
                               "term": cells.get("term") or 0}
    if currency:
        request["currency"] = currency
    if cells.get("msrp") is not None:
        request["msrp"] = _text(cells["msrp"], _MONEY, digits)
    if "residual_percent" in cells:
        request["residual"] = {"percent": _text(cells["residual_percent"] or 0, _RATE, digits)}
    elif "residual_amount" in cells:
        request["residual"] = {"amount": _text(cells["residual_amount"] or 0, _MONEY, digits)}
    if "money_factor" in cells:
        request["moneyFactor"] = _text(cells["money_factor"] or 0, _RATE, digits)
    elif "apr" in cells:
        request["apr"] = _text(cells["apr"] or 0, _RATE, digits)
    if cells.get("down_payment") is not None:
        request["downPayment"] = _text(cells["down_payment"], _MONEY, digits)
    _common_items(request, cells, digits, {"name": "Fees"})
    if cells.get("tax_rate") is not None:
        request["tax"] = {"rate": _text(cells["tax_rate"], _RATE, digits)}
    _timing(request, cells)
    return request


def _common_items(request: Dict[str, Any], cells: Mapping[str, Any], digits: int, fee: Dict[str, Any]) -> None:
    if cells.get("trade_in_allowance") is not None:
        request["tradeIns"] = [{"allowance": _text(cells["trade_in_allowance"], _MONEY, digits),
                                "payoff": _text(cells.get("trade_in_payoff") or 0, _MONEY, digits)}]
    if cells.get("fees") is not None:
        request["fees"] = [dict(fee, amount=_text(cells["fees"], _MONEY, digits))]


def _timing(request: Dict[str, Any], cells: Mapping[str, Any]) -> None:
    if cells.get("timing") is not None:
        value = cells["timing"]
        request["paymentTiming"] = TIMINGS[value] if isinstance(value, int) and 0 <= value < 2 else str(value)


def calculate_batch(requests: Sequence[Mapping[str, Any]]) -> List[Any]:
    """Answers a list of JSON requests in one call (dfin_calculate_batch): the list of result
    or error objects, in order; nothing is raised for a failed element."""
    data = json.dumps(list(requests)).encode("utf-8")
    answer = ctypes.c_void_p()
    length = ctypes.c_size_t(0)
    status = _lib.dfin_calculate_batch(ctypes.byref(answer), ctypes.byref(length), data, len(data))
    if not answer.value:
        raise DealFinanceError(status, STATUS_NAMES[status] if 0 <= status < 9 else "unknown")
    try:
        parsed: Any = json.loads(ctypes.string_at(answer.value, length.value).decode("utf-8"))
    finally:
        _lib.dfin_string_free(answer)
    if isinstance(parsed, dict):
        error = parsed.get("error", {})
        raise DealFinanceError(status, error.get("code", ""), error.get("path", ""), error.get("message", ""))
    answers: List[Any] = parsed
    return answers
