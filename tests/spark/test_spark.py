"""Matching per group on Spark in local mode (issue 22, item 2): ``brobygger.spark.match_groups``
gives exactly the single-process tables (``bb.match_groups``) for every partition count from 1
to 8. Slow (a JVM, ~500 MB of PySpark), so it is its own target: ``scripts/test_spark.sh``."""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import brobygger as bb

pyspark = pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parent.parent.parent
DAY = dt.date(2024, 6, 1)


def national() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_national", ROOT / "benches" / "national.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NATIONAL = national()
# The radius the benchmark sets for the 300 offers of the frames below.
RULES = NATIONAL.rules(300)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # Spark's Python workers run this interpreter (the one brobygger is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]").appName("brobygger-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def records(frame: Any) -> list[tuple[Any, ...]]:
    """A table's rows as plain Python values, sorted: NaN and <NA> as None, arrays as lists,
    timestamps as dates; so pandas' and Spark's dtypes compare by value."""

    def plain(v: Any) -> Any:
        if v is None or v is getattr(__import__("pandas"), "NA"):
            return None
        if isinstance(v, float) and math.isnan(v):
            return None
        if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
            v = v.tolist()
        if isinstance(v, list):
            return tuple(plain(x) for x in v)
        if hasattr(v, "date") and callable(v.date) and not isinstance(v, dt.date):
            return v.date()
        return v

    rows = [tuple(plain(v) for v in row) for row in frame.astype(object).itertuples(index=False)]
    return sorted(rows, key=repr)


def test_spark_gives_the_single_process_tables_for_1_to_8_partitions(spark: Any) -> None:
    import brobygger.spark as bbs

    n, o = NATIONAL.national_frames(1500, 300, municipalities=12, seed=5)
    n = n[n["municipality"] != "k011"].reset_index(drop=True)
    o = o[o["municipality"] != "k012"].reset_index(drop=True)
    want = bb.match_groups(n, o, RULES, DAY, by="municipality")
    expected = [records(t) for t in want]
    assert len(expected[0]) > 0 and len(expected[1]) > 0 and len(expected[2]) == 12
    homes = spark.createDataFrame(pa.Table.from_pandas(n, preserve_index=False))
    places = spark.createDataFrame(pa.Table.from_pandas(o, preserve_index=False))
    for parts in range(1, 9):
        spark.conf.set("spark.sql.shuffle.partitions", str(parts))
        got = bbs.match_groups(homes.repartition(parts), places.repartition(max(1, parts // 2)),
                               RULES, DAY, by="municipality")
        for table, frame, exp in zip(bb.MatchTables._fields, got, expected):
            pdf = frame.toPandas()
            assert list(pdf.columns) == list(getattr(want, table).columns), table
            assert records(pdf) == exp, (parts, table)
