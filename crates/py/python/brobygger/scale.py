"""Matching at scale: dense optimal assignment on a matrix, and profiles in bulk.

``linear_sum_assignment`` solves the same problem as ``scipy.optimize.linear_sum_assignment``
and returns the same shape of answer. The matrix crosses into Rust as one block of float64
bytes (the extension targets the stable ABI, where the buffer protocol is not available), so a
numpy array costs one copy; lists of lists work too, without numpy.

``profiles`` reads newcomers and offers in bulk from pandas DataFrames, dicts of columns or
lists of dicts: Rust reads the column lists straight from the Python objects in one call (no
JSON text, no per-object calls through the binding); JSON text is parsed in Rust as well. The ``Profiles`` it returns matches
under any rule set with the GIL released. A table as a spreadsheet gives it (``pd.read_csv``,
``pd.read_excel``: every cell a scalar, lists written as ``;``-separated text) is read by the
CSV reader instead, so it means what the same spreadsheet saved as a CSV file means.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import sys
from array import array
from collections.abc import Mapping, Sequence
from typing import Any, Union

from brobygger._brobygger import (
    Profiles,
    _assign_dense_typed,
    _spreadsheet_csv,
    newcomers_from_csv,
    offers_from_csv,
)
from brobygger.types import ProgressOption

__all__ = ["linear_sum_assignment", "profiles", "table_json"]

Table = Union[str, Mapping[str, Any], Sequence[Mapping[str, Any]], Any]


def _invalid(reason: str, what: str = "cost_matrix") -> Exception:
    """An ``InvalidInputError`` shaped like the ones Rust raises."""
    from brobygger import InvalidInputError

    code = "assignment.shape" if what == "cost_matrix" else "input.table"
    err = InvalidInputError(f"{code}: invalid input at {what}: {reason}")
    err.code = code  # type: ignore[attr-defined]
    err.findings = []  # type: ignore[attr-defined]
    err.path = what  # type: ignore[attr-defined]
    err.reason = reason  # type: ignore[attr-defined]
    return err


def _numpy() -> Any:
    try:
        return importlib.import_module("numpy")
    except ImportError:
        return None


def linear_sum_assignment(
    cost_matrix: Any, maximize: bool = False, *, progress: ProgressOption | None = None
) -> tuple[Any, Any]:
    """The optimal assignment of a ``rows × cols`` matrix: ``(row_ind, col_ind)``.

    One cell per row and per column (``min(rows, cols)`` cells, rows increasing) with the
    least total cost, or the largest total when ``maximize`` is true; the total is
    ``cost_matrix[row_ind, col_ind].sum()``. Integer and float matrices are accepted;
    ``inf`` (``-inf`` when maximising) forbids a cell. Integer matrices (any numpy integer or
    bool dtype, or lists of ints) are solved in exact integers, so costs above 2**53 give the
    true optimum where float64 would round them. With numpy the indices are numpy integer
    arrays, as scipy returns them; without numpy, lists.

    Raises ``InvalidInputError`` for a NaN or a wrong-way infinity (path ``costs[i][j]``), a
    matrix of complex numbers, text or objects (``assignment.element_type``, as scipy refuses
    them) or a matrix that is not two-dimensional, and ``InfeasibleError`` when every complete assignment
    uses a forbidden cell.

    ``progress``: as in ``match_profiles`` (a callable, ``"auto"`` or ``False``; by default
    ``bb.options.progress``), counting the rows the solver's shortest paths place. Ctrl-C stops
    a large solve within a row and raises ``KeyboardInterrupt``.
    """
    objective = "maximize" if maximize else "minimize"
    np = _numpy()
    if np is not None and not isinstance(cost_matrix, (list, tuple)):
        a = np.asarray(cost_matrix)
        if a.ndim != 2:
            raise _invalid("the matrix must be two-dimensional")
        # The array's own bytes and element type: integers are solved exactly in Rust, and the
        # core refuses complex numbers, text and objects with a typed error. `tobytes` writes
        # C order whatever the layout; a tall matrix is transposed by the core in the one copy
        # it makes of it (numpy's copy of a transposed view took longer than both).
        rows, cols, _ = _assign_dense_typed(a.tobytes(), a.dtype.str, a.shape[0], a.shape[1], objective, progress)
        return np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
    matrix = [list(r) for r in cost_matrix]
    n_cols = len(matrix[0]) if matrix else 0
    if any(len(r) != n_cols for r in matrix):
        raise _invalid("the rows must all have the same length")
    cells = [x for r in matrix for x in r]
    typestr, data = _pack(cells)
    rows, cols, _ = _assign_dense_typed(data, typestr, len(matrix), n_cols, objective, progress)
    if np is not None:
        return np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
    return rows, cols


def _pack(cells: list[Any]) -> tuple[str, bytes]:
    """Plain Python numbers as bytes and their element type: 64-bit integers when every cell is
    an int that fits (exact), float64 otherwise. A complex number or a text is handed over as
    such, for the core to refuse with its typed error."""
    order = "<" if sys.byteorder == "little" else ">"
    if any(isinstance(x, complex) for x in cells):
        return order + "c16", b""
    if any(isinstance(x, (str, bytes)) for x in cells):
        return order + "U1", b""
    if all(isinstance(x, int) for x in cells):
        try:
            return order + "i8", array("q", cells).tobytes()
        except OverflowError:
            pass  # beyond 64 bits: as floats
    return order + "f8", array("d", (float(x) for x in cells)).tobytes()


def _plain(value: Any) -> Any:
    """JSON fallback for values json does not know: numpy arrays and scalars, dates."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    tolist = getattr(value, "tolist", None)
    if tolist is not None:
        return tolist()
    raise TypeError(f"cannot write a {type(value).__name__} into a profile table")


def _column(values: Any) -> Any:
    """A column as JSON-ready values: NaN (pandas' and numpy's empty cell) becomes None."""
    isna = getattr(values, "isna", None)
    if isna is not None:  # a pandas Series: look for empty cells in C, fix them only if any
        if str(values.dtype).startswith("datetime64"):
            values = values.dt.strftime("%Y-%m-%d")
        if not bool(isna().any()):
            return values.tolist()
        return [None if m else x for x, m in zip(values.tolist(), isna().tolist())]
    dtype = getattr(values, "dtype", None)
    if dtype is not None:
        values = values.tolist()
    return [None if isinstance(x, float) and math.isnan(x) else x for x in values]


def table_json(table: Table) -> str:
    """One JSON text for a table of profiles: a DataFrame or a dict of columns becomes an
    object of lists (written by json's C encoder), a list of dicts a list of records; a string
    is taken to be JSON already."""
    if isinstance(table, str):
        return table
    if hasattr(table, "to_json") and hasattr(table, "columns"):
        return json.dumps({str(c): _column(table[c]) for c in table.columns}, default=_plain)
    if isinstance(table, Mapping):
        return json.dumps({k: _column(v) for k, v in table.items()}, default=_plain)
    return json.dumps(list(table), default=_plain)


def _table(table: Table) -> Any:
    """A dict of column lists (DataFrames and dicts of columns, with NaN as None) or the list of
    dicts as it is. Flat columns (``lat``/``lon``, ``adults``/``children_ages``) are folded
    into their field in Rust, by the one column layout the CSV reader uses."""
    if hasattr(table, "to_json") and hasattr(table, "columns"):
        return {str(c): _column(table[c]) for c in table.columns}
    if isinstance(table, Mapping):
        return {str(k): _column(v) for k, v in table.items()}
    return list(table)


def _side(raw: Any, read_csv: Any, file_name: str) -> Any:
    table = _table(raw)
    if isinstance(raw, Mapping) and any(isinstance(v, (str, bytes)) for v in raw.values()):
        return table  # a column that is text, not a list: the bulk reader says so
    # Whether the side is a spreadsheet, and how its cells are written, is the core's rule
    # (brobygger::import::Sheet); this layer only hands over the plain columns.
    text = _spreadsheet_csv(table)
    if text is None:
        return table
    return read_csv(text, file_name=file_name)


def profiles(newcomers: Table, offers: Table) -> Profiles:
    """Newcomers and offers read in bulk, ready for ``Profiles.run(rules, as_of, ...)``.

    Each side is a pandas DataFrame, a dict of columns (lists or numpy arrays), a list of dicts
    or JSON text, with the column names of the CSV files (``id``, ``arrival``, ``lat``, ``lon``,
    ``adults``, ``children_ages``, ``languages``, ...; see ``csv_columns``) or the nested
    ``location`` and ``household`` of the file format; empty cells (``None``, NaN) are absent
    fields. Cells hold Python values (a list for languages or needs), read by Rust straight
    from the Python lists in one call; JSON text is parsed in Rust with the GIL released.

    A side with no list or dict in any cell is a spreadsheet as ``pd.read_csv`` or
    ``pd.read_excel`` gives it: it is read by the CSV reader (``ar:native;da:A1`` in
    ``languages``, ``6;9`` in ``children_ages``, dates as ``YYYY-MM-DD`` or ``DD-MM-YYYY``),
    and a bad cell raises ``ValidationError`` naming ``newcomers:<line>:<column>`` (line 1 is
    the header, so a DataFrame's row ``i`` is line ``i + 2``) without its value.
    """
    if isinstance(newcomers, str) or isinstance(offers, str):
        return Profiles.from_json(table_json(newcomers), table_json(offers))
    n = _side(newcomers, newcomers_from_csv, "newcomers")
    o = _side(offers, offers_from_csv, "offers")
    return Profiles.from_tables(n, o)
