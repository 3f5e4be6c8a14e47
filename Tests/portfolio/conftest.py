# DealFinance — exact deal finance. pytest configuration of the engine tests (make portfolio-test):
# the test portfolios of bindings/python/tests/portfolio.py, and one local Spark session.
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bindings" / "python" / "tests"))


@pytest.fixture(scope="session")
def spark():
    """A local[2] Spark session whose Python workers run this interpreter (and its dealfinance).
    A session that cannot start fails the tests that need it; nothing is skipped."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master("local[2]").appName("dealfinance-portfolio-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
