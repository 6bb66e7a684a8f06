"""Matching per group on Spark: :func:`match_groups` runs brobygger's table run
(:func:`brobygger.match_tables`) once per group key (a municipality, a region, any columns) with
PySpark's ``groupBy(key).cogroup(...).applyInArrow``: Spark brings each group's households and
offers together in one Python worker call, as Arrow tables, and gets the group's tables back.

The three tables travel together, stacked into one Spark DataFrame whose columns are the union of
the three (a ``_table`` column says which table a row belongs to); :func:`match_groups` returns
the three as views of it, each with the core's columns in the core's order. The stacked frame is
cached, so asking for the three tables runs the matching once. The result is the same as
:func:`brobygger.match_groups` in one process, for any number of partitions.

Nested cells (``languages``, ``availability``: lists of records) are Spark arrays of structs, as
``spark.createDataFrame(pyarrow_table)`` makes them from pandas' lists of dicts. On a cluster
only the master changes (``SparkSession.builder.master("spark://host:7077")``); the executors
need ``brobygger`` installed (the same wheel) and ``pyarrow``.

Needs ``pyspark`` (4.0 or newer) and Java 17; the test is its own target, ``scripts/test_spark.sh``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Union

from brobygger.tabular import TABLE_NAMES, MatchTables, Rules, empty_tables, match_tables, rule_set

__all__ = ["match_groups"]

#: The column saying which of the three tables a row of the stacked frame belongs to.
TABLE_COLUMN = "_table"


def _sample(data_type: Any) -> Any:
    """A Python value of a Spark key column's type: it types the key's columns in the output."""
    from pyspark.sql import types as T

    if isinstance(data_type, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return 0
    if isinstance(data_type, (T.FloatType, T.DoubleType, T.DecimalType)):
        return 0.0
    if isinstance(data_type, T.BooleanType):
        return False
    if isinstance(data_type, T.DateType):
        return dt.date(2000, 1, 1)
    return ""


def _spark_type(kind: str) -> Any:
    from pyspark.sql import types as T

    return {
        "text": T.StringType(),
        "integer": T.LongType(),
        "decimal": T.DoubleType(),
        "date": T.DateType(),
        "bool": T.BooleanType(),
        "list": T.ArrayType(T.StringType()),
    }[kind]


def _union(tables: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The columns of the three tables by name, in first appearance; a name with two types
    would be an error in the core's tables, so it is refused here rather than coerced."""
    columns: dict[str, Mapping[str, Any]] = {}
    for table in tables:
        for column in table["columns"]:
            seen = columns.get(column["name"])
            if seen is not None and seen["type"] != column["type"]:
                raise TypeError(f"column {column['name']!r} has two types in the match tables")
            columns.setdefault(column["name"], column)
    return list(columns.values())


def _arrow_schema(union: Sequence[Mapping[str, Any]]) -> Any:
    import pyarrow as pa

    types = {
        "text": pa.string(), "integer": pa.int64(), "decimal": pa.float64(),
        "date": pa.date32(), "bool": pa.bool_(), "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(TABLE_COLUMN, pa.string())] + [pa.field(c["name"], types[c["type"]]) for c in union])


def _group(
    key: tuple[Any, ...], newcomers: Any, offers: Any, *, by: list[str], rules: Any, as_of: dt.date,
    options: dict[str, Any], union: list[Mapping[str, Any]],
) -> Any:
    """One group, in a Spark Python worker: Arrow tables in, the stacked Arrow table out."""
    import pyarrow as pa

    values = [k.as_py() if hasattr(k, "as_py") else k for k in key]
    got = match_tables(newcomers, offers, rules, as_of, key=list(zip(by, values)), output="tables", **options)
    names = [c["name"] for c in union]
    data: dict[str, list[Any]] = {TABLE_COLUMN: [], **{n: [] for n in names}}
    for name, table in zip(TABLE_NAMES, got):
        index = {c["name"]: i for i, c in enumerate(table["columns"])}
        kinds = {c["name"]: c["type"] for c in table["columns"]}
        for row in table["rows"]:
            data[TABLE_COLUMN].append(name)
            for n in names:
                i = index.get(n)
                v = None if i is None else row[i]
                if v is not None and kinds.get(n) == "date":
                    v = dt.date.fromisoformat(v)
                data[n].append(v)
    return pa.Table.from_pydict(data, schema=_arrow_schema(union))


def match_groups(
    newcomers: Any,
    offers: Any,
    rules: Rules,
    as_of: dt.date,
    by: Union[str, Sequence[str]],
    *,
    solver: str = "optimal",
    offer_ranking: str = "score",
    lang: str = "en",
    bases: Any = None,
    cache: bool = True,
) -> MatchTables:
    """Matches the households of a Spark DataFrame with the offers of another, group by group
    of the ``by`` columns, and returns :class:`brobygger.MatchTables` of three Spark DataFrames
    (``matches``, ``unmatched``, ``statistics``), the key's columns first, then the core's
    columns of each table. ``cache`` keeps the stacked result once computed, so the three are
    computed by one matching pass. The rule set is pickled to the workers through its serde form.
    """
    from functools import partial

    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    columns = [by] if isinstance(by, str) else list(by)
    fields = {f.name: f.dataType for f in newcomers.schema.fields}
    key = [(c, _sample(fields[c])) for c in columns]
    empty = empty_tables(key)
    union = _union(empty)
    schema = T.StructType(
        [T.StructField(TABLE_COLUMN, T.StringType())]
        + [
            T.StructField(c["name"], _spark_type(c["type"]))
            for c in union
        ]
    )
    options = {"solver": solver, "offer_ranking": offer_ranking, "lang": lang, "bases": bases}
    run = partial(_group, by=columns, rules=rule_set(rules), as_of=as_of, options=options, union=union)
    stacked = newcomers.groupBy(*columns).cogroup(offers.groupBy(*columns)).applyInArrow(run, schema)
    if cache:
        stacked = stacked.cache()
    return MatchTables(
        *(
            stacked.where(F.col(TABLE_COLUMN) == name).select(*[c["name"] for c in table["columns"]])
            for name, table in zip(TABLE_NAMES, empty)
        )
    )
