"""pandas DataFrames from brobygger results, for notebooks.

pandas is optional: install it with ``pip install 'brobygger[pandas]'``. Without it these
functions raise an ``ImportError`` that says so; the rest of brobygger works without pandas.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

__all__ = ["findings_frame", "to_frame"]


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
