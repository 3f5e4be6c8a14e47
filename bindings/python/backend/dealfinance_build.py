# DealFinance — exact deal finance. The PEP 517 build backend of the Python binding.
"""setuptools' backend, plus one rule: a wheel (or sdist) is built only with libdealfinance.so
inside the package, so an installed ``dealfinance`` can always be imported.

When ``dealfinance/libdealfinance.so`` is not staged, the backend builds it: from a clone of the
repository (``bindings/python`` inside it) with a Swift toolchain on PATH it runs
``make cabi`` at the repository root and copies the library in. Otherwise it stops with a
message naming what to run. ``make python-test`` and ``make wheel`` stage the library first.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional

from setuptools import build_meta as _setuptools
from setuptools.build_meta import get_requires_for_build_sdist, get_requires_for_build_wheel  # noqa: F401
from setuptools.build_meta import prepare_metadata_for_build_wheel  # noqa: F401

_PACKAGE = Path(__file__).resolve().parent.parent / "dealfinance"
_LIBRARY = _PACKAGE / "libdealfinance.so"


class LibraryMissing(RuntimeError):
    """The package has no libdealfinance.so and it cannot be built here."""


def _repository_root() -> Optional[Path]:
    root = Path(__file__).resolve().parents[3]
    if (root / "Package.swift").is_file() and (root / "Makefile").is_file() and (root / "include" / "dealfinance.h").is_file():
        return root
    return None


def _ensure_library() -> None:
    if _LIBRARY.is_file():
        return
    root = _repository_root()
    advice = ("dealfinance: the package has no libdealfinance.so, so it could not be imported. "
              "Build the C library first, from the repository root: 'make wheel' (a wheel in "
              "bindings/python/dist/ with the library inside), or 'make cabi' and then copy "
              ".build-cabi/lib/libdealfinance.so.<version> to bindings/python/dealfinance/libdealfinance.so. "
              "Building the library needs Swift 6 (https://swift.org/install); installing a built "
              "wheel (pip install dealfinance-*.whl) does not.")
    if root is None:
        raise LibraryMissing(advice + " (This source tree is not inside a clone of the repository.)")
    if shutil.which(os.environ.get("SWIFT", "swift")) is None:
        raise LibraryMissing(advice + " (No 'swift' on PATH.)")
    subprocess.run(["make", "-C", str(root), "cabi"], check=True)
    header = (root / "include" / "dealfinance.h").read_text(encoding="utf-8")
    match = re.search(r'^#define DFIN_VERSION_STRING "([^"]+)"', header, re.MULTILINE)
    if match is None:
        raise LibraryMissing("dealfinance: include/dealfinance.h has no DFIN_VERSION_STRING")
    shutil.copyfile(root / ".build-cabi" / "lib" / f"libdealfinance.so.{match.group(1)}", _LIBRARY)


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    """setuptools' wheel, after making sure the library is in the package."""
    _ensure_library()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    """setuptools' sdist, with the library inside (a wheel built from it needs no Swift)."""
    _ensure_library()
    return _setuptools.build_sdist(sdist_directory, config_settings)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    """setuptools' editable wheel, after making sure the library is in the package."""
    _ensure_library()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return _setuptools.get_requires_for_build_editable(config_settings)


def prepare_metadata_for_build_editable(metadata_directory: str,
                                        config_settings: Optional[Dict[str, Any]] = None) -> str:
    return _setuptools.prepare_metadata_for_build_editable(metadata_directory, config_settings)
