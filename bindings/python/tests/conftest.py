# DealFinance — exact deal finance. pytest configuration: makes tests/vectors.py importable and
# reports how many vector cases passed through the C ABI.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

_vector_outcomes = {"passed": 0, "failed": 0}


def pytest_runtest_logreport(report):
    """Counts the outcomes of the per-case vector tests."""
    if report.when == "call" and "test_vectors.py::test_vector[" in report.nodeid:
        _vector_outcomes["passed" if report.passed else "failed"] += 1


def pytest_terminal_summary(terminalreporter):
    """Ends with `vectors through the C ABI: N passed, N failed` (cases, as dealcalc counts)."""
    terminalreporter.write_line(
        f"vectors through the C ABI: {_vector_outcomes['passed']} passed, {_vector_outcomes['failed']} failed")
