"""Table in, table out, and matching per group on Dask (issue 22, items 1 and 2).

``bb.match_tables`` gives the run's own tables from pandas and Arrow inputs, with a group key
leading every row and left out of the inputs (pandas 3's ``groupby.apply`` drops it, iteration
keeps it); rule sets and every result object pickle through the core's serde form; and
``brobygger.dask.match_groups`` on a local cluster of worker processes gives exactly the
single-process tables for every partition count from 1 to 8. (Spark: tests/spark, its own
target, ``scripts/test_spark.sh``.)
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import pickle
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent.parent
DAY = dt.date(2024, 6, 1)


def national() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_national", ROOT / "benches" / "national.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NATIONAL = national()
# The radius the benchmark sets for 300 offers over the country (~59 km): the frames below
# have 300 offers, so each household has candidates, as in the national run.
RULES = NATIONAL.rules(300)


@pytest.fixture(scope="module")
def frames() -> tuple[Any, Any]:
    # Few enough for seconds, enough municipalities (12) that partitions hold several groups,
    # and some municipalities with offers and no households or the other way round.
    n, o = NATIONAL.national_frames(1500, 300, municipalities=12, seed=5)
    n = n[n["municipality"] != "k011"]
    o = o[o["municipality"] != "k012"]
    return n.reset_index(drop=True), o.reset_index(drop=True)


def sort(t: Any) -> Any:
    cols = [c for c in ["municipality", "newcomer"] if c in t.columns]
    return t.sort_values(cols, kind="stable").reset_index(drop=True)


def assert_same(a: bb.MatchTables, b: bb.MatchTables) -> None:
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(sort(x), sort(y))


def test_match_tables_are_the_runs_tables_from_pandas_and_arrow() -> None:
    pa = pytest.importorskip("pyarrow")
    n, o = NATIONAL.national_frames(600, 120, municipalities=1, seed=3)
    n, o = n.drop(columns=["municipality"]), o.drop(columns=["municipality"])
    run = bb.profiles(n, o).run(bb.RuleSet.from_dict(RULES), DAY)
    want = {t["name"]: t for t in run.tables("en")}
    got = bb.match_tables(n, o, RULES, DAY)
    assert len(got.matches) == len(run.matches) > 0
    assert len(got.unmatched) == len(run.unmatched) > 0
    for frame, name in zip(got, ["matches", "unmatched", "match_statistics"]):
        assert list(frame.columns) == [c["name"] for c in want[name]["columns"]]
        assert frame.astype(object).where(frame.notna(), None).values.tolist() == want[name]["rows"]
    # Arrow in and out: the same rows, typed by the core's column types.
    arrow = bb.match_tables(pa.Table.from_pandas(n, preserve_index=False),
                            pa.Table.from_pandas(o, preserve_index=False), RULES, DAY, output="arrow")
    assert arrow.matches.schema.field("score").type == pa.float64()
    assert arrow.unmatched.schema.field("reasons").type == pa.list_(pa.string())
    assert arrow.matches.to_pylist() == got.matches.to_dict("records")
    # The rule set as data: a dict, JSON text, TOML text or a RuleSet all run the same.
    rs = bb.RuleSet.from_dict(RULES)
    forms: list[Any] = [rs, rs.to_json(), rs.to_toml(), rs.to_json().encode()]
    for rules in forms:
        assert_same(bb.match_tables(n, o, rules, DAY), got)


def test_the_key_leads_every_row_and_is_left_out_of_the_inputs(frames: tuple[Any, Any]) -> None:
    n, o = frames
    whole = bb.match_groups(n, o, RULES, DAY, by="municipality")
    assert list(whole.matches.columns[:2]) == ["municipality", "run"]
    assert sorted(whole.statistics["municipality"]) == sorted(set(n["municipality"]) | set(o["municipality"]))
    # pandas 3's groupby.apply hands each group over without its key column: the group's name
    # is the key, and the tables come out the same as from the frames that keep it.
    offers_of = {k: g for k, g in o.groupby("municipality")}

    def per_group(g: Any) -> Any:
        return bb.match_tables(g, offers_of.get(g.name, o.iloc[0:0]), RULES, DAY,
                               key={"municipality": g.name}).matches

    applied = n.groupby("municipality").apply(per_group).reset_index(drop=True)
    assert "municipality" in applied.columns
    expected = whole.matches[whole.matches["municipality"].isin(set(n["municipality"]))]
    pd.testing.assert_frame_equal(sort(applied), sort(expected))
    # A key column with a result column's name is a typed error, before any work.
    with pytest.raises(bb.InvalidInputError) as e:
        bb.match_tables(n.iloc[:5].drop(columns=["municipality"]), o.iloc[:0], RULES, DAY, key={"newcomer": "x"})
    assert e.value.code == "input.key_column"


@settings(max_examples=60, deadline=None)
@given(
    value=st.one_of(
        st.text(), st.integers(-(2**63), 2**63 - 1), st.booleans(), st.dates(),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    column=st.text(min_size=1).filter(lambda c: c not in {"run", "newcomer", "offer"}),
)
def test_any_key_value_comes_back_in_its_column(value: Any, column: str) -> None:
    tables = bb.match_tables([], [], RULES, DAY, key={column: value}, output="tables")
    for t in tables:
        if column in [c["name"] for c in t["columns"][1:]]:
            return  # the name of one of the table's own columns: refused in the test above
    stats = tables[2]
    assert stats["columns"][0]["name"] == column
    assert stats["rows"][0][0] == (value.isoformat() if isinstance(value, dt.date) else value)


def test_rule_sets_and_results_pickle_through_the_core_form() -> None:
    rs = bb.RuleSet.from_dict(RULES)
    n, o = NATIONAL.national_frames(300, 60, municipalities=1, seed=2)
    p = bb.profiles(n.drop(columns=["municipality"]), o.drop(columns=["municipality"]))
    run = p.run(rs, DAY)
    d = bb.Dossier.example("aalborg")
    assessment = d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30))
    directory = d.directory.build(dt.date(2017, 6, 30))
    objects: list[Any] = [rs, p, run, assessment, directory, d.agreement("aalborg-lbb"), *d.validate()]
    for obj in objects:
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
        assert back == obj or back.to_dict() == obj.to_dict()
    assert pickle.loads(pickle.dumps(run)).pairs() == run.pairs()
    # A state that is not the core's form is a typed error, not a crash.
    with pytest.raises(bb.InvalidInputError):
        bb.RuleSet._from_state(b"{not json")


def test_match_groups_gives_the_same_tables_on_any_number_of_threads(frames: tuple[Any, Any]) -> None:
    n, o = frames
    one = bb.match_groups(n, o, RULES, DAY, by="municipality", workers=1)
    assert len(one.matches) > 0 and len(one.statistics) == 12
    for workers in [2, 5, 64, None]:
        got = bb.match_groups(n, o, RULES, DAY, by="municipality", workers=workers)
        # Not only the same rows: the same order, group by group in key order.
        for x, y in zip(got, one):
            pd.testing.assert_frame_equal(x, y)
    bad_counts: list[Any] = [0, -1, 1.5, True, "2"]
    for bad in bad_counts:
        with pytest.raises(ValueError, match="workers"):
            bb.match_groups(n, o, RULES, DAY, by="municipality", workers=bad)


# ------------------------------------------------------------------------------------------
# Dask: a local cluster of worker processes, started here and closed after the module.


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def test_dask_gives_the_single_process_tables_for_1_to_8_partitions(
    client: Any, frames: tuple[Any, Any]
) -> None:
    dask: Any = pytest.importorskip("dask")
    dd: Any = pytest.importorskip("dask.dataframe")

    import brobygger.dask as bbd

    n, o = frames
    want = bb.match_groups(n, o, RULES, DAY, by="municipality")
    assert len(client.scheduler_info()["workers"]) == 2
    for parts in range(1, 9):
        with dask.config.set({"dataframe.convert-string": False}):
            h = dd.from_pandas(n, npartitions=parts)
            off = dd.from_pandas(o, npartitions=max(1, parts // 2))
        lazy = bbd.match_groups(h, off, RULES, DAY, by="municipality", npartitions=parts)
        got = bb.MatchTables(*dask.compute(*lazy))
        assert_same(got, want)
