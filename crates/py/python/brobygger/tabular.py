"""Table in, table out: matching as a function a data engine calls per group.

:func:`match_tables` takes one group's households and offers as pandas DataFrames, pyarrow
Tables (or anything :func:`brobygger.profiles` reads) and a rule set as data, runs the match in
Rust with the GIL released, and returns three tables: ``matches``, ``unmatched`` (with the
binding constraint and the reasons) and ``statistics``. A group key (``{"municipality":
"Aarhus"}``) leads every row, so the tables of many groups stack; the key's columns are dropped
from the inputs, so a group's frame may carry them or not (pandas 3's ``groupby.apply`` drops
them, iteration over a ``groupby`` keeps them). What each table holds is the core's decision
(``brobygger.empty_table``); here the core's tables are only converted.

:func:`match_groups` runs every group of two pandas DataFrames in this process: the reference
the engine adapters (:mod:`brobygger.dask`, :mod:`brobygger.spark`) are tested against.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple, Union

from brobygger._brobygger import (
    Profiles,
    RuleSet,
    _empty_match_table,
    _match_tables,
    newcomers_from_csv,
    offers_from_csv,
)
from brobygger.frames import _pandas
from brobygger.scale import _side, profiles

__all__ = ["MatchTables", "match_groups", "match_tables", "rule_set"]

Key = Union[None, Mapping[str, Any], Sequence[tuple[str, Any]]]
Rules = Union[RuleSet, Mapping[str, Any], str, bytes]

#: The core's names of the three tables, in the order of :class:`MatchTables`.
TABLE_NAMES = ("matches", "unmatched", "match_statistics")


class MatchTables(NamedTuple):
    """The tables of one run or of many groups stacked: pandas DataFrames, pyarrow Tables or
    engine DataFrames, as asked."""

    matches: Any
    unmatched: Any
    statistics: Any


def rule_set(rules: Rules) -> RuleSet:
    """A ``RuleSet`` from a ``RuleSet``, a dict shaped like the file, or JSON or TOML text."""
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, Mapping):
        return RuleSet.from_dict(rules)
    if isinstance(rules, bytes):
        rules = rules.decode("utf-8")
    if isinstance(rules, str):
        return RuleSet.from_json(rules) if rules.lstrip().startswith("{") else RuleSet.from_toml(rules)
    raise TypeError(f"a rule set is a RuleSet, a dict or JSON/TOML text, not {type(rules).__name__}")


def _scalar(value: Any) -> Any:
    """A key value as a plain Python value: numpy scalars by ``item()``, pandas' missing values
    as None, timestamps as dates."""
    pd = _pandas()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, (str, bytes, dt.date)):
        value = item()
    return value


def _key(key: Key) -> list[tuple[str, Any]]:
    if key is None:
        return []
    pairs = key.items() if isinstance(key, Mapping) else key
    return [(str(c), _scalar(v)) for c, v in pairs]


def _columns(table: Any, drop: Iterable[str]) -> Any:
    """A side as ``profiles`` reads it: a pyarrow Table or RecordBatch as a dict of column lists;
    the key's columns left out of DataFrames and dicts of columns."""
    drop = set(drop)
    if hasattr(table, "schema") and hasattr(table, "to_pydict"):
        table = table.to_pydict()
    if hasattr(table, "columns") and hasattr(table, "drop"):
        present = [c for c in table.columns if c in drop]
        return table.drop(columns=present) if present else table
    if isinstance(table, Mapping) and drop:
        return {k: v for k, v in table.items() if k not in drop}
    return table


def _empty(side: Any) -> bool:
    if isinstance(side, (str, bytes)):
        return False
    if isinstance(side, Mapping):
        return all(len(v) == 0 for v in side.values())
    return len(side) == 0


def _profiles(newcomers: Any, offers: Any) -> Profiles:
    """``brobygger.profiles``, where a side with no rows (a group with no offers, or no
    households) is no profiles rather than a spreadsheet without a header."""
    if not (_empty(newcomers) or _empty(offers)):
        return profiles(newcomers, offers)
    n = [] if _empty(newcomers) else _side(newcomers, newcomers_from_csv, "newcomers")
    o = [] if _empty(offers) else _side(offers, offers_from_csv, "offers")
    return Profiles.from_tables(n, o)


def _pandas_dtype(column: Mapping[str, Any]) -> str:
    kind = column["type"]
    if kind == "integer":
        return "Int64" if column["optional"] else "int64"
    return {"text": "str", "decimal": "float64", "date": "datetime64[ns]", "bool": "bool", "list": "object"}[kind]


def to_pandas(table: Mapping[str, Any]) -> Any:
    """One of the core's tables (a plain dict with ``columns`` and ``rows``) as a DataFrame,
    one dtype per column type (also with no rows)."""
    pd = _pandas()
    columns = table["columns"]
    names = [c["name"] for c in columns]
    data = {n: [row[i] for row in table["rows"]] for i, n in enumerate(names)}
    out = {}
    modern = int(pd.__version__.split(".")[0]) >= 3
    for column in columns:
        name, dtype = column["name"], _pandas_dtype(column)
        values = data[name]
        if dtype == "datetime64[ns]":
            out[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype="object")), dtype="datetime64[ns]")
        elif dtype == "str":
            out[name] = pd.Series(values, dtype="str" if modern else "object")
        else:
            out[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(out, columns=names)


def _arrow_type(pa: Any, column: Mapping[str, Any]) -> Any:
    return {
        "text": pa.string(),
        "integer": pa.int64(),
        "decimal": pa.float64(),
        "date": pa.date32(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }[column["type"]]


def arrow_schema(table: Mapping[str, Any]) -> Any:
    """The pyarrow schema of one of the core's tables (nullable where the column is optional)."""
    import pyarrow as pa

    return pa.schema(
        [pa.field(c["name"], _arrow_type(pa, c), nullable=bool(c["optional"])) for c in table["columns"]]
    )


def to_arrow(table: Mapping[str, Any]) -> Any:
    """One of the core's tables as a pyarrow Table with :func:`arrow_schema`."""
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = []
    for i, field in enumerate(schema):
        values = [row[i] for row in table["rows"]]
        if pa.types.is_date32(field.type):
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        columns.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _convert(tables: Sequence[Mapping[str, Any]], output: str) -> MatchTables:
    if output == "pandas":
        return MatchTables(*(to_pandas(t) for t in tables))
    if output == "arrow":
        return MatchTables(*(to_arrow(t) for t in tables))
    if output == "tables":
        return MatchTables(*tables)
    raise ValueError(f"output is 'pandas', 'arrow' or 'tables', not {output!r}")


def empty_tables(key: Key = None) -> list[Mapping[str, Any]]:
    """The three tables with no rows, led by the key's columns (typed by its values)."""
    pairs = _key(key)
    return [_empty_match_table(name, pairs) for name in TABLE_NAMES]


def match_tables(
    newcomers: Any,
    offers: Any,
    rules: Rules,
    as_of: dt.date,
    *,
    key: Key = None,
    solver: str = "optimal",
    offer_ranking: str = "score",
    lang: str = "en",
    output: str = "pandas",
    id: Union[str, None] = None,
    bases: Any = None,
) -> MatchTables:
    """Matches one group's households with its offers and returns the run as tables.

    ``newcomers`` and ``offers`` are pandas DataFrames, pyarrow Tables or RecordBatches, dicts
    of columns or lists of dicts, with the column names of the CSV files (see
    :func:`brobygger.profiles`). ``rules`` is a ``RuleSet``, a dict shaped like the rule-set
    file, or its JSON or TOML text. ``key`` (a dict or ``(column, value)`` pairs) names the
    group: its columns lead every row and are left out of the inputs. ``output`` is
    ``"pandas"``, ``"arrow"`` or ``"tables"`` (the core's plain dicts).

    Returns :class:`MatchTables`: ``matches`` (one row per proposed match), ``unmatched`` (one
    row per household left unmatched: ``binding``, ``rule``, ``reason``, ``reasons``) and
    ``statistics`` (one row). The run releases the GIL. Raises what ``Profiles.run`` raises,
    and ``InvalidInputError`` (``input.key_column``) when a key column has the name of a
    result column.
    """
    pairs = _key(key)
    if pairs:
        _empty_match_table(TABLE_NAMES[0], pairs)  # a clashing key fails before any reading
    drop = [c for c, _ in pairs]
    p = _profiles(_columns(newcomers, drop), _columns(offers, drop))
    tables = _match_tables(p, rule_set(rules), as_of, solver, offer_ranking, pairs, lang, id, bases)
    return _convert(tables, output)


def _group_keys(frame: Any, by: list[str]) -> dict[tuple[Any, ...], Any]:
    """Each key (as a tuple) and its rows, in pandas' sorted order."""
    if len(frame) == 0:
        return {}
    return {(k if isinstance(k, tuple) else (k,)): g for k, g in frame.groupby(by, sort=True, dropna=False)}


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
    output: str = "pandas",
    bases: Any = None,
    workers: Union[int, None] = None,
) -> MatchTables:
    """Runs :func:`match_tables` for every group of two pandas DataFrames, in this process, and
    stacks the tables: households and offers meet only within their group (same values in the
    ``by`` columns). A group with households and no offers, or offers and no households, is run
    too. Groups come in sorted key order, each group's rows in the run's order.

    ``workers`` threads run groups side by side (default: the machine's cores; ``1`` runs them
    one after another). The matching releases the GIL, so they use the cores; the tables are
    the same for any number of workers."""
    columns = [by] if isinstance(by, str) else list(by)
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers is a whole number of at least 1, not {workers!r}")
    homes, places = _group_keys(newcomers, columns), _group_keys(offers, columns)
    empty_n, empty_o = newcomers.iloc[0:0], offers.iloc[0:0]
    ruleset = rule_set(rules)
    keys = sorted(set(homes) | set(places), key=_sort_key)
    if not keys:
        sample = newcomers if len(newcomers) else offers
        key0 = [(c, _scalar(sample[c].iloc[0]) if len(sample) else "") for c in columns]
        return _convert(empty_tables(key0), output)

    def one(k: tuple[Any, ...]) -> MatchTables:
        return match_tables(
            homes.get(k, empty_n), places.get(k, empty_o), ruleset, as_of,
            key=list(zip(columns, k)), solver=solver, offer_ranking=offer_ranking, lang=lang,
            output="tables", bases=bases,
        )

    threads = min(len(keys), workers or os.cpu_count() or 1)
    if threads == 1:
        done = {k: one(k) for k in keys}
    else:
        # The largest groups start first, so no thread is left with a big one at the end.
        size = {k: len(homes.get(k, empty_n)) + len(places.get(k, empty_o)) for k in keys}
        with ThreadPoolExecutor(threads) as pool:
            futures = {k: pool.submit(one, k) for k in sorted(keys, key=lambda k: -size[k])}
            done = {k: f.result() for k, f in futures.items()}
    parts = [[done[k][i] for k in keys] for i in range(len(TABLE_NAMES))]
    stacked = [dict(ts[0], rows=[r for t in ts for r in t["rows"]]) for ts in parts]
    return _convert(stacked, output)


def _sort_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """Sorts keys with missing values last and mixed types by their text."""
    return tuple((v is None, str(type(v)), v if v is not None else 0) for v in key)
