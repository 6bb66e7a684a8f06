"""pandas DataFrames from brobygger results, for notebooks.

pandas is optional: install it with ``pip install 'brobygger[pandas]'``. Without it these
functions raise an ``ImportError`` that says so; the rest of brobygger works without pandas.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

__all__ = ["findings_frame", "polars_frame", "to_frame"]


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - exercised by a test that hides pandas
        raise ImportError(
            "brobygger's DataFrame helpers need pandas: pip install 'brobygger[pandas]'"
        ) from e


def _row(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    to_dict = getattr(item, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"cannot make a row from {type(item).__name__}: it has no to_dict()")
    row = to_dict()
    if not isinstance(row, dict):
        raise TypeError(f"{type(item).__name__}.to_dict() did not return a dict")
    return row


def to_frame(items: Iterable[Any], *, flatten: bool = True) -> Any:
    """A DataFrame with one row per item.

    Items are brobygger objects with ``to_dict()`` (findings, agreements, matches, ...) or plain
    dicts. Nested fields become dotted columns (``text.da``) unless ``flatten=False``.
    """
    pd = _pandas()
    rows = [_row(i) for i in items]
    if flatten:
        return pd.json_normalize(rows)
    return pd.DataFrame(rows)


def findings_frame(findings: Iterable[Any], lang: str = "en") -> Any:
    """Findings as a DataFrame with columns severity, code, path, message, source_document,
    source_section (the message in ``lang``, ``"da"`` or ``"en"``): the core's ``findings``
    table."""
    from brobygger._brobygger import findings_table
    from brobygger.tables import frame

    _pandas()
    return frame([findings_table(list(findings), lang)], "findings", lang)


def _polars() -> Any:
    try:
        return importlib.import_module("polars")
    except ImportError as e:
        raise ImportError("brobygger's polars frames need polars: pip install polars") from e


def polars_frame(tables: Iterable[Any], name: str, lang: str = "en") -> Any:
    """A polars DataFrame of the core's tables named ``name``: the same rows and columns as
    :func:`brobygger.frame` gives in pandas, one polars type per column type (text ``String``,
    integer ``Int64``, decimal ``Float64``, date ``Date``, bool ``Boolean``, list ``List``); a
    missing value is null."""
    import datetime as dt

    from brobygger._brobygger import empty_table

    pl = _polars()
    columns = empty_table(name, lang)["columns"]
    rows = [row for t in tables if t["name"] == name for row in t["rows"]]
    names = [c["name"] for c in columns]
    data: dict[str, list[Any]] = {}
    schema: dict[str, Any] = {}
    for i, column in enumerate(columns):
        values = [row[column["name"]] if isinstance(row, dict) else row[i] for row in rows]
        kind = column["type"]
        if kind == "date":
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        data[column["name"]] = values
        scalar = {"text": pl.String, "integer": pl.Int64, "decimal": pl.Float64, "date": pl.Date, "bool": pl.Boolean}
        if kind in scalar:
            schema[column["name"]] = scalar[kind]
    df = pl.DataFrame(data, schema_overrides=schema, strict=False)
    return df.select(names)


def _result_frame(result: Any, engine: str, table: str, lang: str | None) -> Any:
    """What ``to_pandas``/``to_polars`` of a result object return: its table ``table`` as a
    DataFrame of ``engine``, texts in ``lang`` (default ``bb.options.lang``)."""
    from brobygger.options import options
    from brobygger.tables import frame

    lang = lang or options.lang
    tables = result.tables(lang)
    has = [t["name"] for t in tables]
    if table not in has:
        raise ValueError(f"{type(result).__name__} has the tables {', '.join(has)}, not {table!r}")
    if engine == "polars":
        return polars_frame(tables, table, lang)
    _pandas()
    return frame(tables, table, lang)
