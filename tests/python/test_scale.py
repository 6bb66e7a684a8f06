"""Matching at scale through the Python binding: dense assignment equals brute force and the
shared fixtures, errors are typed; profiles read in bulk from DataFrames, columns and records
match exactly like lists of dicts; the GIL is released while a bulk run solves; and a small
version of benches/compare.py's agreement checks against the peers (scipy, matching), skipped
with a message when they are not installed."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
import math
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES, cases

ROOT = Path(__file__).resolve().parent.parent.parent
MATCHING = FIXTURES / "matching"


def compare_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_compare", ROOT / "benches" / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def brute_force(c: list[list[float]], maximize: bool) -> float | None:
    rows, cols = len(c), len(c[0])
    if rows > cols:
        c = [list(r) for r in zip(*c)]
        rows, cols = cols, rows
    best: float | None = None
    for perm in itertools.permutations(range(cols), rows):
        cells = [c[i][j] for i, j in enumerate(perm)]
        if any(math.isinf(x) for x in cells):
            continue
        t = sum(cells)
        if best is None or (t > best if maximize else t < best):
            best = t
    return best


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda r: st.integers(1, 5).flatmap(
            lambda k: st.lists(
                st.lists(st.one_of(st.integers(-50, 50).map(float), st.floats(-1e3, 1e3)), min_size=k, max_size=k),
                min_size=r,
                max_size=r,
            )
        )
    ),
    st.booleans(),
)
def test_dense_assignment_equals_brute_force(c: list[list[float]], maximize: bool) -> None:
    rows, cols = bb.linear_sum_assignment(c, maximize=maximize)
    assert list(rows) == sorted(rows) and len(set(cols)) == len(cols) == min(len(c), len(c[0]))
    total = sum(c[int(i)][int(j)] for i, j in zip(rows, cols))
    best = brute_force(c, maximize)
    assert best is not None and math.isclose(total, best, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize(("case", "path"), cases("assignment"))
def test_assignment_fixtures_match_rust(case: str, path: Path) -> None:
    i = json.loads(path.read_text(encoding="utf-8"))
    want = json.loads((FIXTURES / "assignment" / f"{case}.expected.json").read_text(encoding="utf-8"))
    maximize = i["objective"] == "maximize"
    forbidden = -math.inf if maximize else math.inf
    c = [[forbidden if x is None else float(x) for x in row] for row in i["costs"]]
    if "error" in want:
        with pytest.raises(bb.InfeasibleError) as e:
            bb.linear_sum_assignment(c, maximize=maximize)
        assert e.value.code == want["error"]
        return
    rows, cols = bb.linear_sum_assignment(c, maximize=maximize)
    assert [int(x) for x in rows] == want["rows"] and [int(x) for x in cols] == want["columns"]
    assert sum(c[int(r)][int(k)] for r, k in zip(rows, cols)) == want["total"]


def test_dense_assignment_takes_numpy_arrays_and_reports_bad_input() -> None:
    np = pytest.importorskip("numpy")
    c = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    rows, cols = bb.linear_sum_assignment(c)
    assert rows.dtype == np.intp and cols.tolist() == [1, 0, 2]
    assert int(c[rows, cols].sum()) == 5
    # Fortran order, float32 and a transposed view convert the same way.
    rows, cols = bb.linear_sum_assignment(np.asfortranarray(c.astype(np.float32)).T, maximize=True)
    assert int(c.T[rows, cols].sum()) == 11
    with pytest.raises(bb.InvalidInputError) as e:
        bb.linear_sum_assignment(np.array([[1.0, math.nan]]))
    assert e.value.code == "assignment.invalid_entry"
    assert e.value.path == "costs[0][1]"
    with pytest.raises(bb.InvalidInputError):
        bb.linear_sum_assignment(np.zeros(3))
    with pytest.raises(bb.InvalidInputError):
        bb.linear_sum_assignment([[1.0, 2.0], [3.0]])
    empty_rows, empty_cols = bb.linear_sum_assignment(np.zeros((0, 4)))
    assert len(empty_rows) == len(empty_cols) == 0


def vvv() -> tuple[list[dict[str, Any]], list[dict[str, Any]], bb.RuleSet]:
    newcomers = json.loads((MATCHING / "vvv-ikast.newcomers.json").read_text(encoding="utf-8"))
    offers = json.loads((MATCHING / "vvv-ikast.offers.json").read_text(encoding="utf-8"))
    return newcomers, offers, bb.RuleSet.load(MATCHING / "vvv-ikast.rules.toml")


def test_profiles_in_bulk_match_like_lists_of_dicts() -> None:
    pd = pytest.importorskip("pandas")
    newcomers, offers, rules = vvv()
    day = dt.date(2016, 4, 1)
    want = bb.match_profiles(rules, newcomers, offers, as_of=day)
    # Records, a DataFrame with flat lat/lon columns, and a dict of columns all read the same.
    as_records = bb.profiles(newcomers, offers)
    assert (as_records.newcomer_count, as_records.offer_count) == (len(newcomers), len(offers))
    frame = pd.json_normalize(newcomers, max_level=0)
    frame["lat"] = [n.get("location", {}).get("lat") for n in newcomers]
    frame["lon"] = [n.get("location", {}).get("lon") for n in newcomers]
    frame = frame.drop(columns=["location"])
    frame["arrival"] = pd.to_datetime(frame["arrival"])
    columns = {k: list(frame[k]) for k in frame.columns if k != "arrival"}
    columns["arrival"] = [n["arrival"] for n in newcomers]
    for p in [as_records, bb.profiles(frame, offers), bb.profiles(columns, json.dumps(offers))]:
        run = p.run(rules, day)
        assert run == want
        assert run.pairs() == want.pairs()


def test_bulk_errors_name_the_row_and_field_and_hide_the_value() -> None:
    newcomers, offers, _ = vvv()
    newcomers[2]["needs"] = ["secret-need"]
    with pytest.raises(bb.InvalidInputError) as e:
        bb.profiles(newcomers, offers)
    assert e.value.path == "newcomers[2].needs[0]"
    assert "secret-need" not in str(e.value)
    with pytest.raises(bb.ParseError) as p:
        bb.profiles(json.dumps(newcomers), json.dumps(offers))
    assert p.value.path == "newcomers[2].needs[0]"
    assert "secret-need" not in str(p.value)
    with pytest.raises(bb.InvalidInputError):
        bb.profiles({"id": ["a", "b"], "arrival": ["2024-01-01"]}, offers)
    with pytest.raises(bb.InvalidInputError):
        bb.profiles({"id": ["a"], "arrival": ["2024-01-01"], "lat": [1.0], "needs": [[]]}, offers)
    # A spreadsheet-shaped table (no lists in any cell) is read as the CSV file it would be.
    with pytest.raises(bb.ValidationError) as v:
        bb.profiles({"id": ["a"], "arrival": ["2024-01-01"], "lat": [1.0]}, offers)
    assert [f.path for f in v.value.findings] == ["newcomers[0].lat"]
    with pytest.raises(bb.InvalidInputError):
        bb.profiles({"id": "not a list"}, offers)


def test_a_bulk_run_releases_the_gil() -> None:
    pytest.importorskip("pandas")
    compare = compare_module()
    newcomers, offers = compare.profile_frames(3000, 600)
    p = bb.profiles(newcomers, offers)
    rules = bb.RuleSet.from_dict(compare.BENCH_RULES)
    done = threading.Event()
    ticks = 0

    def work() -> None:
        p.run(rules, dt.date(2024, 6, 1))
        done.set()

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        ticks += 1
    t.join()
    # A thread holding the GIL would let this loop run only at switch intervals (5 ms).
    assert ticks > 1000 * (time.perf_counter() - start) + 100


def test_agreement_with_the_peers_on_small_instances() -> None:
    compare = compare_module()
    missing = [m for m in ("scipy", "matching", "numpy") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(
            f"peer(s) not installed: {', '.join(missing)}; `python3 benches/compare.py` installs "
            "them in its own venv and runs the full comparison"
        )
    res, hos, caps = compare.hr_instance(300, seed=9)
    for side in ["residents", "hospitals"]:
        assert compare.hr_ours(res, hos, caps, side) == compare.hr_peer(res, hos, caps, side)
    for rows, cols, kind, maximize in [(40, 40, "int", False), (30, 50, "float", True), (50, 20, "int", True)]:
        c = compare.dense_instance(rows, cols, kind, seed=rows)
        assert compare.totals_agree(compare.dense_ours(c, maximize), compare.dense_peer(c, maximize))


def test_the_comparison_script_has_no_side_effects_on_import() -> None:
    before = set(sys.modules)
    compare_module()
    assert "scipy" not in set(sys.modules) - before


@settings(max_examples=150, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    values=st.lists(st.integers(-(2**63), 2**63 - 1), min_size=16, max_size=16),
    maximize=st.booleans(),
)
def test_integer_matrices_are_solved_exactly_over_all_of_int64(
    shape: tuple[int, int], values: list[int], maximize: bool
) -> None:
    np = pytest.importorskip("numpy")
    r, c = shape
    cells = [values[i * c + j] for i in range(r) for j in range(c)]
    matrix = [cells[i * c:(i + 1) * c] for i in range(r)]
    k = min(r, c)
    totals = [
        sum(matrix[i][j] for i, j in zip(rs, cs))
        for rs in itertools.combinations(range(r), k)
        for cs in itertools.permutations(range(c), k)
    ]
    best = max(totals) if maximize else min(totals)
    for given_ in (np.array(matrix, dtype=np.int64), matrix):
        rows, cols = bb.linear_sum_assignment(given_, maximize=maximize)
        assert len(rows) == k
        assert sum(matrix[i][j] for i, j in zip(rows.tolist(), cols.tolist())) == best


def test_integers_above_2_to_the_53_and_every_dtype_and_typed_refusals() -> None:
    np = pytest.importorskip("numpy")
    big = 2**60
    # 2**60 + 1 and 2**60 are one float64: only exact integers find the better pairing.
    exact = [[big + 1, big], [big, big + 3]]
    assert bb.linear_sum_assignment(np.array(exact, dtype=np.int64))[1].tolist() == [1, 0]
    assert bb.linear_sum_assignment(exact)[1].tolist() == [1, 0]
    small = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    want = bb.linear_sum_assignment(small.astype(np.float64))[1].tolist()
    for dtype in [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
                  np.float32, np.float64]:
        a = small.astype(dtype)
        assert bb.linear_sum_assignment(a)[1].tolist() == want, dtype
        r, k = bb.linear_sum_assignment(a.T)  # tall: the transpose, the same pairs turned round
        assert sorted(zip(k.tolist(), r.tolist())) == list(enumerate(want)), dtype
        assert bb.linear_sum_assignment(a.astype(a.dtype.newbyteorder()))[1].tolist() == want
        assert bb.linear_sum_assignment(np.asfortranarray(a))[1].tolist() == want
    assert bb.linear_sum_assignment(np.eye(3, dtype=bool), maximize=True)[1].tolist() == [0, 1, 2]
    bad: list[Any] = [np.array([[1 + 2j, 3]]), np.array([["a", "b"]]), np.array([[object(), 1]], dtype=object),
                      np.array([["2024-01-01"]], dtype="datetime64[D]"), [[1j, 2]], [["a", "b"]]]
    for matrix in bad:
        with pytest.raises(bb.InvalidInputError) as e:
            bb.linear_sum_assignment(matrix)
        assert e.value.code == "assignment.element_type"
