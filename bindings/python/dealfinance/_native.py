# DealFinance — exact deal finance. Loading libdealfinance.so and declaring its C signatures.
"""The ctypes view of include/dealfinance.h. Not API: use the functions of `dealfinance`."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

_c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_size_p = ctypes.POINTER(ctypes.c_size_t)
_int32_p = ctypes.POINTER(ctypes.c_int32)
_int64_p = ctypes.POINTER(ctypes.c_int64)


class DfinError(ctypes.Structure):
    """`dfin_error`: the status, path and message an `_ex` call fills."""

    _fields_ = [("status", ctypes.c_int32), ("path", ctypes.c_char * 64), ("message", ctypes.c_char * 256)]


_error_p = ctypes.POINTER(DfinError)


def _library_path() -> str:
    """The bundled library, or $DEALFINANCE_LIBRARY when set."""
    override = os.environ.get("DEALFINANCE_LIBRARY")
    if override:
        return override
    return str(Path(__file__).with_name("libdealfinance.so"))


def _load() -> ctypes.CDLL:
    """Loads the library and declares every function's argument and result types."""
    lib = ctypes.CDLL(_library_path())
    signatures = {
        "dfin_version_number": (ctypes.c_int32, []),
        "dfin_version_string": (ctypes.c_char_p, []),
        "dfin_status_string": (ctypes.c_char_p, [ctypes.c_int32]),
        # char ** out: declared as a pointer to c_void_p so the pointer can be freed later.
        "dfin_calculate": (ctypes.c_int32, [ctypes.POINTER(ctypes.c_void_p), _size_p, ctypes.c_char_p, ctypes.c_size_t]),
        "dfin_calculate_buffer": (ctypes.c_int32, [ctypes.c_char_p, ctypes.c_size_t, _size_p, ctypes.c_char_p, ctypes.c_size_t]),
        "dfin_string_free": (None, [ctypes.c_void_p]),
        "dfin_decimal_validate": (ctypes.c_int32, [_int32_p, ctypes.c_char_p, ctypes.c_size_t]),
        "dfin_decimal_parse": (ctypes.c_int32, [_int64_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int32, ctypes.c_int32]),
        "dfin_decimal_format": (ctypes.c_int32, [ctypes.c_char_p, ctypes.c_size_t, _size_p, ctypes.c_int64, ctypes.c_int32]),
        "dfin_decimal_round": (ctypes.c_int32, [ctypes.c_char_p, ctypes.c_size_t, _size_p, ctypes.c_char_p, ctypes.c_size_t,
                                                ctypes.c_int32, ctypes.c_int32]),
        "dfin_loan_payment": (ctypes.c_int32, [_int64_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                               ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int32, ctypes.c_int32,
                                               ctypes.c_int32, ctypes.c_int32, ctypes.c_int32]),
        "dfin_loan_payment_minor": (ctypes.c_int32, [_int64_p, ctypes.c_int64, ctypes.c_int64, ctypes.c_char_p, ctypes.c_size_t,
                                                     ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32,
                                                     ctypes.c_int32]),
        "dfin_loan_payment_batch": (ctypes.c_int32, [_int64_p, _int32_p, ctypes.c_size_t, _int64_p, _int64_p, _c_char_pp,
                                                     _size_p, _int32_p, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32,
                                                     ctypes.c_int32]),
    }
    # Each typed call's `_ex` form: the same parameters and a last `dfin_error *`.
    for name in ["dfin_decimal_validate", "dfin_decimal_parse", "dfin_decimal_format", "dfin_decimal_round",
                 "dfin_loan_payment", "dfin_loan_payment_minor", "dfin_loan_payment_batch"]:
        result, arguments = signatures[name]
        signatures[name + "_ex"] = (result, arguments + [_error_p])
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype = result
        function.argtypes = arguments
    return lib


lib = _load()
