# DealFinance — exact deal finance. The Python binding of the C ABI (include/dealfinance.h).
"""Exact vehicle deal pricing through libdealfinance's C ABI.

Money is never a float: amounts are decimal strings ("30000.00") or whole minor units (int).

>>> import dealfinance
>>> dealfinance.calculate({"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60})["periodicPayment"]
{'net': '579.98', 'tax': '0.00', 'total': '579.98'}
>>> dealfinance.loan_payment("30000.00", "6", 60, balloon="10000.00")
43666
"""

from __future__ import annotations

import ctypes
import json
from enum import IntEnum
from typing import Any, Mapping, Optional, Sequence, Tuple, Union, overload

from . import types
from ._native import DfinError, lib as _lib
from .types import (
    LoanRequest, LoanResult,
    LeaseRequest, LeaseResult,
    APRRequest, APRResult,
    TVMRequest, TVMResult,
    GridRequest, GridResult,
    PayoffRequest, PayoffResult,
    ReconcileRequest, ReconcileResult,
    LeadScoreRequest, LeadScoreResult,
    LeadIndicatorsRequest, LeadIndicatorsResult,
    LeadTransitionRequest, LeadTransitionResult,
    DealTransitionRequest, DealTransitionResult,
    LeadAssignRequest, LeadAssignResult,
    FollowUpDueRequest, FollowUpDueResult,
    LeadDuplicatesRequest, LeadDuplicatesResult,
    LeadMergeRequest, LeadMergeResult,
    ActivityInsightsRequest, ActivityInsightsResult,
    VINValidateRequest, VINValidateResult,
    PhoneNormalizeRequest, PhoneNormalizeResult,
    EmailNormalizeRequest, EmailNormalizeResult,
    ADFParseRequest, ADFParseResult,
    ADFGenerateRequest, ADFGenerateResult,
    LeadReportRequest, LeadReportResult,
    LeadSummaryRequest, LeadSummaryResult,
)

__all__ = [
    "Status", "Rounding", "Timing", "DealFinanceError",
    "version", "version_number", "status_string",
    "calculate", "calculate_text", "types",
    "decimal_validate", "decimal_parse", "decimal_format", "decimal_round",
    "loan_payment", "loan_payment_batch",
]

Text = Union[str, bytes]


class Status(IntEnum):
    """The pinned `dfin_status` codes."""

    OK = 0
    INVALID_JSON = 1
    INVALID_ARGUMENT = 2
    UNSUPPORTED = 3
    NO_SOLUTION = 4
    OVERFLOW = 5
    BUFFER_TOO_SMALL = 6
    NULL_ARGUMENT = 7
    INTERNAL = 8


class Rounding(IntEnum):
    """The `DFIN_ROUND_*` rules, named as the Swift `RoundingRule` cases."""

    DOWN = 0
    UP = 1
    TOWARD_ZERO = 2
    AWAY_FROM_ZERO = 3
    TO_NEAREST_OR_DOWN = 4
    TO_NEAREST_OR_UP = 5
    TO_NEAREST_OR_ZERO = 6
    TO_NEAREST_OR_AWAY = 7
    TO_NEAREST_OR_EVEN = 8
    TO_ODD = 9
    REQUIRE_EXACT = 10


class Timing(IntEnum):
    """The `DFIN_TIMING_*` constants."""

    ARREARS = 0
    ADVANCE = 1


class DealFinanceError(Exception):
    """A call failed: the status, the Documentation/Reference/Errors.md code, the path (a JSON field, or the C
    parameter of a typed call such as "apr" or "aprs[3]") and the message."""

    def __init__(self, status: int, code: str, path: str = "", message: str = "") -> None:
        super().__init__(f"{code} at {path}: {message}" if path else (f"{code}: {message}" if message else code))
        self.status = status
        self.code = code
        self.path = path
        self.message = message


def _bytes(text: Text) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def _check(status: int, error: Optional[Any] = None) -> None:
    """Raises DealFinanceError for a failed status, with the `dfin_error` detail when given."""
    if status != Status.OK:
        if error is None:
            raise DealFinanceError(status, status_string(status))
        raise DealFinanceError(status, status_string(status), error.path.decode("utf-8", "replace"),
                               error.message.decode("utf-8", "replace"))


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.dfin_version_string().decode()


def version_number() -> int:
    """MAJOR·10000 + MINOR·100 + PATCH of the loaded library."""
    return int(_lib.dfin_version_number())


def status_string(status: int) -> str:
    """The name of a status: "ok", "invalid_json", …, "unknown"."""
    return _lib.dfin_status_string(status).decode()


def calculate_text(request: Text, *, caller_buffer: bool = False) -> Tuple[int, str]:
    """Answers one JSON request: (status, answer JSON text) — the result or the error object.

    With caller_buffer=True the caller-buffer entry point is used (size query, then the call);
    otherwise the library allocates the answer and it is released with dfin_string_free.
    """
    data = _bytes(request)
    length = ctypes.c_size_t(0)
    if caller_buffer:
        status = _lib.dfin_calculate_buffer(None, 0, ctypes.byref(length), data, len(data))
        if status != Status.BUFFER_TOO_SMALL:
            raise DealFinanceError(status, status_string(status))
        buffer = ctypes.create_string_buffer(length.value + 1)
        status = _lib.dfin_calculate_buffer(buffer, len(buffer), ctypes.byref(length), data, len(data))
        return int(status), buffer.raw[: length.value].decode("utf-8")
    answer = ctypes.c_void_p()
    status = _lib.dfin_calculate(ctypes.byref(answer), ctypes.byref(length), data, len(data))
    if not answer.value:
        raise DealFinanceError(status, status_string(status))
    try:
        return int(status), ctypes.string_at(answer.value, length.value).decode("utf-8")
    finally:
        _lib.dfin_string_free(answer)


@overload
def calculate(request: LoanRequest) -> LoanResult: ...
@overload
def calculate(request: LeaseRequest) -> LeaseResult: ...
@overload
def calculate(request: APRRequest) -> APRResult: ...
@overload
def calculate(request: TVMRequest) -> TVMResult: ...
@overload
def calculate(request: GridRequest) -> GridResult: ...
@overload
def calculate(request: PayoffRequest) -> PayoffResult: ...
@overload
def calculate(request: ReconcileRequest) -> ReconcileResult: ...
@overload
def calculate(request: LeadScoreRequest) -> LeadScoreResult: ...
@overload
def calculate(request: LeadIndicatorsRequest) -> LeadIndicatorsResult: ...
@overload
def calculate(request: LeadTransitionRequest) -> LeadTransitionResult: ...
@overload
def calculate(request: DealTransitionRequest) -> DealTransitionResult: ...
@overload
def calculate(request: LeadAssignRequest) -> LeadAssignResult: ...
@overload
def calculate(request: FollowUpDueRequest) -> FollowUpDueResult: ...
@overload
def calculate(request: LeadDuplicatesRequest) -> LeadDuplicatesResult: ...
@overload
def calculate(request: LeadMergeRequest) -> LeadMergeResult: ...
@overload
def calculate(request: ActivityInsightsRequest) -> ActivityInsightsResult: ...
@overload
def calculate(request: VINValidateRequest) -> VINValidateResult: ...
@overload
def calculate(request: PhoneNormalizeRequest) -> PhoneNormalizeResult: ...
@overload
def calculate(request: EmailNormalizeRequest) -> EmailNormalizeResult: ...
@overload
def calculate(request: ADFParseRequest) -> ADFParseResult: ...
@overload
def calculate(request: ADFGenerateRequest) -> ADFGenerateResult: ...
@overload
def calculate(request: LeadReportRequest) -> LeadReportResult: ...
@overload
def calculate(request: LeadSummaryRequest) -> LeadSummaryResult: ...
@overload
def calculate(request: Union[Mapping[str, Any], Text]) -> Any: ...


def calculate(request: Union[Mapping[str, Any], Text]) -> Any:
    """Answers one request (a mapping or JSON text) with the parsed result object.

    A request typed as one of `dealfinance.types` (LoanRequest, …) gives its result type
    (LoanResult, …); both follow schemas/ (KIND.request.schema.json, KIND.result.schema.json).
    Raises DealFinanceError with the error object's code, path and message on failure.
    Money in the request must be strings; a float is refused, never rounded silently.
    """
    text = request if isinstance(request, (str, bytes)) else json.dumps(request, default=_refuse)
    status, answer = calculate_text(text)
    parsed = json.loads(answer)
    if status != Status.OK:
        error = parsed.get("error", {}) if isinstance(parsed, dict) else {}
        raise DealFinanceError(status, error.get("code", status_string(status)), error.get("path", ""), error.get("message", ""))
    return parsed


def _refuse(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serializable; give money as a decimal string")


def decimal_validate(text: Text) -> int:
    """Checks a plain decimal (Documentation/Reference/Values.md) and returns its scale; raises DealFinanceError."""
    data = _bytes(text)
    scale = ctypes.c_int32(0)
    error = DfinError()
    _check(_lib.dfin_decimal_validate_ex(ctypes.byref(scale), data, len(data), ctypes.byref(error)), error)
    return int(scale.value)


def decimal_parse(text: Text, scale: int, rounding: Rounding = Rounding.REQUIRE_EXACT) -> int:
    """The decimal in whole units of 10**-scale: decimal_parse("436.66", 2) == 43666."""
    data = _bytes(text)
    out = ctypes.c_int64(0)
    error = DfinError()
    _check(_lib.dfin_decimal_parse_ex(ctypes.byref(out), data, len(data), scale, int(rounding), ctypes.byref(error)), error)
    return int(out.value)


def _into_buffer(call: Any) -> str:
    buffer = ctypes.create_string_buffer(48)   # DFIN_DECIMAL_BUFFER_SIZE
    length = ctypes.c_size_t(0)
    error = DfinError()
    _check(call(buffer, len(buffer), ctypes.byref(length), ctypes.byref(error)), error)
    return buffer.raw[: length.value].decode("ascii")


def decimal_format(units: int, scale: int) -> str:
    """Whole units of 10**-scale as canonical text: decimal_format(43666, 2) == "436.66"."""
    return _into_buffer(lambda out, capacity, length, error: _lib.dfin_decimal_format_ex(out, capacity, length, units, scale,
                                                                                         error))


def decimal_round(text: Text, scale: int, rounding: Rounding) -> str:
    """The decimal rounded to `scale` places: decimal_round("2.345", 2, Rounding.TO_NEAREST_OR_EVEN) == "2.34"."""
    data = _bytes(text)
    return _into_buffer(lambda out, capacity, length, error: _lib.dfin_decimal_round_ex(out, capacity, length, data, len(data),
                                                                                        scale, int(rounding), error))


def loan_payment(principal: Union[Text, int], apr: Text, term: int, *, balloon: Union[Text, int, None] = None,
                 periods_per_year: int = 12, timing: Timing = Timing.ARREARS,
                 rounding: Rounding = Rounding.TO_NEAREST_OR_AWAY, minor_digits: int = 2) -> int:
    """The correctly rounded level payment in minor units.

    principal and balloon are decimal strings of major units ("30000.00") or ints of minor
    units (3000000); apr is percent text ("6.9").
    """
    out = ctypes.c_int64(0)
    error = DfinError()
    rate = _bytes(apr)
    if isinstance(principal, int):
        if balloon is not None and not isinstance(balloon, int):
            raise TypeError("give principal and balloon both as minor units (int) or both as decimal text")
        status = _lib.dfin_loan_payment_minor_ex(ctypes.byref(out), principal, balloon or 0, rate, len(rate), term,
                                                 periods_per_year, int(timing), int(rounding), minor_digits,
                                                 ctypes.byref(error))
    else:
        if isinstance(balloon, int):
            raise TypeError("give principal and balloon both as minor units (int) or both as decimal text")
        amount = _bytes(principal)
        balloon_bytes: Optional[bytes] = None if balloon is None else _bytes(balloon)
        status = _lib.dfin_loan_payment_ex(ctypes.byref(out), amount, len(amount), balloon_bytes,
                                           0 if balloon_bytes is None else len(balloon_bytes), rate, len(rate), term,
                                           periods_per_year, int(timing), int(rounding), minor_digits,
                                           ctypes.byref(error))
    _check(status, error)
    return int(out.value)


def loan_payment_batch(principals: Sequence[int], aprs: Sequence[Text], terms: Sequence[int], *,
                       balloons: Optional[Sequence[int]] = None, periods_per_year: int = 12,
                       timing: Timing = Timing.ARREARS, rounding: Rounding = Rounding.TO_NEAREST_OR_AWAY,
                       minor_digits: int = 2) -> Tuple[list, list]:
    """Prices N loans in one call: (payments in minor units, per-deal Status). A failed deal
    has payment 0 and its status; nothing is raised for per-deal failures."""
    count = len(principals)
    if len(aprs) != count or len(terms) != count or (balloons is not None and len(balloons) != count):
        raise ValueError("principals, aprs, terms (and balloons) must have the same length")
    encoded = [_bytes(apr) for apr in aprs]
    principal_array = (ctypes.c_int64 * count)(*principals)
    balloon_array = None if balloons is None else (ctypes.c_int64 * count)(*balloons)
    apr_array = (ctypes.c_char_p * count)(*encoded)
    length_array = (ctypes.c_size_t * count)(*[len(apr) for apr in encoded])
    term_array = (ctypes.c_int32 * count)(*terms)
    payments = (ctypes.c_int64 * count)()
    statuses = (ctypes.c_int32 * count)()
    status = _lib.dfin_loan_payment_batch(payments, statuses, count, principal_array, balloon_array, apr_array,
                                          length_array, term_array, periods_per_year, int(timing), int(rounding),
                                          minor_digits)
    if status in (Status.NULL_ARGUMENT, Status.INTERNAL):
        raise DealFinanceError(status, status_string(status))
    return [int(p) for p in payments], [Status(s) if s in Status._value2member_map_ else int(s) for s in statuses]
