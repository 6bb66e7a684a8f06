"""The stub's types are the runtime's: every value the examples give fits the type the stub
declares for it (scripts/stub_types.py), the vocabularies' Literals are the core's vocabularies,
and a type checker rejects a name outside them (docs/adr/0062)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import get_args

import brobygger
import brobygger.types as t
import pytest

from runtime_types import problems
from stub_exercise import ROOT, STUB, exercise, stub_functions

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import stub_types  # type: ignore[import-not-found]  # noqa: E402

NS: dict[str, object] = {**vars(t), "Dossier": brobygger.Dossier}
# The DataFrame returns name their module (`pandas.DataFrame`): checked where it is installed.
for _frames in ("pandas", "polars"):
    try:
        NS[_frames] = __import__(_frames)
    except ImportError:
        pass

# Table entries no call on the examples reaches, and why. Adding an entry here is a decision:
# prefer giving stub_exercise.py the argument it needs.
NOT_EXERCISED: dict[str, str] = {
    "Dossier.place": "the examples have no places",
    "DossierRelationships.get": "the examples have no relationships",
    "DossierPrivacy.anonymise": "changes the dossier",
    "DossierPrivacy.anonymised": "needs a scope",
    "DossierPrivacy.covering_basis": "needs a subject key",
    "DossierPrivacy.release": "changes the dossier",
    "DossierPrivacy.view_offer": "needs a viewer key",
    "DossierPrivacy.view_proposal": "needs a viewer key",
    "DossierSurveys.compare": "needs two rounds",
    "DossierSurveys.share_changes": "needs two rounds",
    "_assign_dense_typed": "takes a buffer (tests/python/test_scale.py)",
    "Progress.stage": "reached through a progress callback (tests/python/test_progress.py checks its values)",
    "_match_tables": "takes profiles (tests/python/test_tables_engines.py)",
    "_empty_match_table": "private",
    "check_newcomers_csv": "takes CSV text",
    "check_offers_csv": "takes CSV text",
    "compare_with_national": "takes answers",
    "national_comparison_table": "takes answers",
    "newcomers_from_csv": "takes CSV text",
    "offers_from_csv": "takes CSV text",
    "read_newcomers_csv": "takes a file",
    "read_offers_csv": "takes a file",
    "read_dpv": "takes DPV text",
    "survey_changes_table": "needs two rounds",
    "survey_shares_table": "takes survey ids",
    "weakly_stable_matching": "takes preference lists (tests/python/test_matching.py)",
    "largest_weakly_stable_matching": "takes preference lists",
    "stable_matching": "takes preference lists; tests/python/test_matching.py checks its pairs are `(str, str | None)`",
    "DossierMatching.volunteer_view": "needs a stored run (test_volunteer_view_values_fit_their_types)",
    "DossierAssessment.compare_with_national": "takes answers",
    "Assessment.check": "takes a check code",
    "empty_table": "takes a table name (tests/python/test_tables.py)",
    "Assessment.dimension": "takes a dimension",
    "DossierRelationships.offer_loads": "reached only on some examples",
}


def _store_values(tmp: Path) -> dict[str, list[object]]:
    """What a store on disk returns, by `Store.function`: stub_exercise.py never writes."""
    out: dict[str, list[object]] = {}
    with brobygger.Store.open(tmp / "a.db") as a, brobygger.Store.open(tmp / "b.db") as b:
        d = brobygger.Dossier.example("ikast-brande")
        out["Store.import_"] = [a.import_(d, "coordinator-1"), b.import_(d, "coordinator-1")]
        out["Store.update"] = [a.update("coordinator-1", "add_person", lambda x: x.add_person("Maren Holm", id="p-7x2k9q"))]
        newcomer = d.cohorts[0]["newcomers"][0]["id"]
        out["Store.erase"] = [a.erase("coordinator-1", date(2017, 1, 1), newcomer=newcomer)]
        out["Store.log"] = [a.log(records=True)]
        out["Store.log_of"] = [a.log_of("cohorts", d.cohorts[0]["id"], records=True)]
        out["Store.history"] = [a.history("cohorts", d.cohorts[0]["id"], records=True)]
        changes = a.changes_since(b.head())
        out["Store.changes_since"] = [changes]
        out["Store.apply"] = [b.apply(changes, "coordinator-2")]
        out["Store.verify"] = [a.verify()]
        out["Store.verify_intact"] = [b.verify_intact()]
    return out


def _privacy_values() -> dict[str, list[object]]:
    """What the privacy calls that change a dossier return, each on a fresh example."""
    def example() -> brobygger.Dossier:
        return brobygger.Dossier.example("ikast-brande")

    day = brobygger.example_reference_date("ikast-brande")
    d = example()
    cohort = d.cohorts[0]
    data = d.to_dict()
    data["privacy"]["consents"], data["privacy"]["bases"] = [], []
    return {
        "DossierPrivacy.withdraw_consent": [example().privacy.withdraw_consent(d.privacy.consents[0]["id"], day)],
        "DossierPrivacy.apply_retention": [example().privacy.apply_retention(day)],
        "DossierPrivacy.import_dpv": [brobygger.Dossier.from_dict(data).privacy.import_dpv(d.privacy.export_dpv(day))],
        "DossierPrivacy.safe_table": [d.privacy.safe_table(cohort["id"], ["need"], day)],
        "DossierPrivacy.view_newcomer": [d.privacy.view_newcomer(cohort["newcomers"][0]["id"], "coordinator", day)],
    }


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[object]]:
    values = exercise()
    for key, more in {**_store_values(tmp_path_factory.mktemp("store")), **_privacy_values()}.items():
        values.setdefault(key, []).extend(more)
    return values


def test_every_value_fits_its_type_in_the_stub(seen: dict[str, list[object]]) -> None:
    fns = stub_functions()
    bad: list[str] = []
    checked = 0
    for key, values in seen.items():
        f = fns.get(key)
        if f is None or f.returns is None:
            continue
        hint = ast.unparse(f.returns)
        if hint in ("None",) or hint.startswith("Iterator"):
            continue
        try:
            eval(hint, {**NS, **vars(brobygger._brobygger)})
        except Exception:  # noqa: BLE001 - a type this check does not resolve (SupportsIndex, ...)
            continue
        for v in values:
            checked += 1
            p = problems(v, hint, {**NS, **vars(brobygger._brobygger)})
            if p:
                bad.append(f"{key} -> {hint}: " + "; ".join(p[:3]))
    assert checked > 300, checked
    assert not bad, "\n".join(bad)


def test_every_table_entry_is_exercised_or_excused(seen: dict[str, list[object]]) -> None:
    fns = stub_functions()
    entries = [k for k in stub_types.RETURNS if not k.startswith("*")]
    missing = [k for k in entries if not seen.get(k) and k not in NOT_EXERCISED]
    assert not missing, f"table entries no example call reaches: {missing}"
    stale = [k for k in NOT_EXERCISED if k not in fns]
    assert not stale, stale
    # the examples reach the values users read most
    for key in ("MatchRun.matches", "MatchRun.statistics", "Dossier.cohorts", "MatchRun.tables"):
        assert any(seen.get(key) or []), key


def test_a_run_s_matches_and_statistics_are_typed_records() -> None:
    d = brobygger.Dossier.example("ikast-brande")
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", date(2016, 4, 1))
    assert run.matches, "the example matches someone"
    assert not problems(run.matches, "List[MatchDict]", NS)
    assert not problems(run.statistics, "MatchStatisticsDict", NS)
    assert run.statistics["matched"] == len(run.matches)
    # a value that does not fit is caught: the check can fail
    assert problems({**run.statistics, "surprise": 1}, "MatchStatisticsDict", NS)
    assert problems(run.matches[0] | {"score": "high"}, "MatchDict", NS)


def test_every_vocabulary_is_a_literal_with_the_core_s_values() -> None:
    by_name: dict[str, list[str]] = {}
    for e in brobygger.vocabulary("en"):
        by_name.setdefault(e["vocabulary"], []).append(e["value"])
    assert len(by_name) > 40
    for name, values in by_name.items():
        literal = t.VOCABULARIES[name]
        extra = set(get_args(literal)) - set(values)
        assert set(values) <= set(get_args(literal)), name
        assert extra <= {"stable", "stable_offers"}, (name, extra)


@pytest.mark.parametrize(("short", "long"), [("stable", "stable_newcomer_proposing"), ("stable_offers", "stable_offer_proposing")])
def test_the_cli_s_solver_names_work_in_python(short: str, long: str) -> None:
    assert short in get_args(t.Solver) and long in get_args(t.Solver)
    d = brobygger.Dossier.example("ikast-brande")
    cohort, rule_set, day = "ikast-2016-q1", "vvv-ikast", date(2016, 4, 1)
    a = d.matching.match_cohort(cohort, rule_set, day, solver=short, id="a")  # type: ignore[arg-type]
    b = d.matching.match_cohort(cohort, rule_set, day, solver=long, id="a")  # type: ignore[arg-type]
    assert a.pairs() and a.pairs() == b.pairs()
    assert a.to_dict()["solver"] == long
    with pytest.raises(brobygger.InvalidInputError):
        d.matching.match_cohort(cohort, rule_set, day, solver="hungarian")  # type: ignore[arg-type]


def test_the_hand_written_literals_are_what_the_runtime_accepts() -> None:
    d = brobygger.Dossier.example("ikast-brande")
    for value in get_args(t.PreviousPartner):
        d.matching.rematch("vvv-ikast", date(2016, 9, 5), previous_partner=value)
    with pytest.raises(brobygger.InvalidInputError):
        d.matching.rematch("vvv-ikast", date(2016, 9, 5), previous_partner="forbid")  # type: ignore[arg-type]
    for value in get_args(t.Objective):
        brobygger._brobygger._assign_dense(bytes(8), 1, 1, objective=value)
    for value in [v for lit in get_args(t.FormatName) for v in get_args(lit)]:
        d.assessment.report(d.to_dict()["agreements"][0]["id"], date(2017, 6, 30)).render_as(value)


def _mypy(source: str, tmp_path: object, *flags: str) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    path = os.path.join(str(tmp_path), "snippet.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(textwrap.dedent(source))
    out, err, code = api.run(["--strict", "--no-incremental", *flags, path])
    return out + err, code


def test_mypy_rejects_a_solver_outside_the_vocabulary_and_sees_typed_values(tmp_path: object) -> None:
    out, code = _mypy(
        """
        import brobygger
        from datetime import date

        d = brobygger.Dossier.example("ikast-brande")
        run = d.matching.match_cohort("c", "r", date(2016, 4, 1), solver="hungarian")
        score: str = run.matches[0]["score"]
        """,
        tmp_path,
    )
    assert code == 1, out
    assert '"solver"' in out and "'hungarian'" in out, out
    assert 'variable has type "str"' in out and "float" in out, out


def test_the_tour_type_checks_without_any_leaking(tmp_path: object) -> None:
    out, code = _mypy(
        """
        import brobygger
        from brobygger.types import MatchDict

        d = brobygger.Dossier.example("ikast-brande")
        day = brobygger.example_reference_date("ikast-brande")
        cohort = d.cohorts[0]["id"]
        run = d.matching.match_cohort(cohort, "vvv-ikast", day, solver="stable")
        best: list[MatchDict] = [m for m in run.matches if m["score"] > 0]
        matched: int = run.statistics["matched"]
        names: list[str] = [t["name"] for t in run.tables("da")]
        waiting: list[int] = [m["waiting_days"] for m in best]
        print(len(best), matched, names, waiting)
        """,
        tmp_path,
        "--disallow-any-expr",
    )
    assert code == 0, out


def test_the_stub_types_dataframes_without_loading_pandas_or_polars() -> None:
    stub = ast.parse(Path(STUB).read_text(encoding="utf-8"))
    guarded = {
        alias.name
        for st in stub.body
        if isinstance(st, ast.If) and ast.unparse(st.test) == "TYPE_CHECKING"
        for imp in st.body
        if isinstance(imp, ast.Import)
        for alias in imp.names
    }
    assert guarded == {"pandas", "polars"}
    top = {a.name for st in stub.body if isinstance(st, ast.Import) for a in st.names}
    assert not top & {"pandas", "polars"}, "an unguarded DataFrame import"
    returns = {k: ast.unparse(f.returns) for k, f in stub_functions().items() if f.returns is not None}
    assert returns["MatchRun.to_pandas"] == "pandas.DataFrame"
    assert returns["MatchRun.to_polars"] == "polars.DataFrame"
    # the package and its types import, and work, where neither is installed
    script = textwrap.dedent(
        """
        import sys
        sys.modules["pandas"] = None
        sys.modules["polars"] = None
        import datetime, brobygger, brobygger.types
        d = brobygger.Dossier.example("ikast-brande")
        run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", datetime.date(2016, 4, 1))
        try:
            run.to_pandas()
        except ImportError as e:
            assert "brobygger[pandas]" in str(e), e
        else:
            raise AssertionError("to_pandas without pandas")
        print(len(run.tables("en")))
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) > 0


def test_mypy_sees_a_dataframe_and_the_store_s_records(tmp_path: object) -> None:
    pytest.importorskip("pandas")
    out, code = _mypy(
        """
        import brobygger
        from datetime import date

        d = brobygger.Dossier.example("ikast-brande")
        run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", date(2016, 4, 1))
        reveal_type(run.to_pandas())
        store = brobygger.Store.open("s.db")
        reveal_type(store.log())
        reveal_type(store.log(records=True)[0]["seq"])
        reveal_type(d.assessment.assess(d.to_dict()["agreements"][0]["id"], date(2017, 6, 30)).dimensions[0]["score"])
        """,
        tmp_path,
    )
    assert code == 0, out
    lines = [line for line in out.splitlines() if "Revealed type" in line]
    assert len(lines) == 4, out
    assert "pandas.core.frame.DataFrame" in lines[0], out
    assert "pandas.core.frame.DataFrame" in lines[1], out
    assert lines[2].endswith('"int"'), out
    assert lines[3].endswith('"int | None"'), out


def test_volunteer_view_is_typed_in_both_shapes(tmp_path: object) -> None:
    # With a language the texts are plain strings, without one they are {da, en}: mypy knows
    # which from the argument, and no `Any` reaches the caller either way.
    out, code = _mypy(
        """
        import brobygger
        from datetime import date

        d = brobygger.Dossier.example("ikast-brande")
        run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", date(2016, 4, 1))
        d.matching.add_run(run)
        one = d.matching.volunteer_view(run.id, "vvv-womens-group", lang="da")
        both = d.matching.volunteer_view(run.id, "vvv-womens-group")
        reveal_type(one[0]["shared"][0]["value"])
        reveal_type(both[0]["shared"][0]["value"]["en"])
        reveal_type(one[0]["explanation"])
        text: str = both[0]["explanation"][0]
        """,
        tmp_path,
        "--disallow-any-expr",
    )
    assert code == 1, out  # the last line: a {da, en} text is not a str
    lines = [line for line in out.splitlines() if "Revealed type" in line]
    assert [line.rsplit(" ", 1)[-1] for line in lines] == ['"str"', '"str"', '"list[str]"'], out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "TextDict" in errors[0] and 'variable has type "str"' in errors[0], out


def test_volunteer_view_values_fit_their_types() -> None:
    d = brobygger.Dossier.example("ikast-brande")
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", date(2016, 4, 1))
    d.matching.add_run(run)
    ns = {**NS, **vars(brobygger._brobygger)}
    for code in ("da", "en"):
        one = d.matching.volunteer_view(run.id, "vvv-womens-group", lang=code)
        assert one and not problems(one, "list[VolunteerMatchTextDict]", ns)
        assert problems(one, "list[VolunteerMatchViewDict]", ns)
    both = d.matching.volunteer_view(run.id, "vvv-womens-group")
    assert both and not problems(both, "list[VolunteerMatchViewDict]", ns)
    assert problems(both, "list[VolunteerMatchTextDict]", ns)


def test_date_is_still_a_date() -> None:
    # the generated types leave dates alone: example_reference_date stays a date
    assert isinstance(brobygger.example_reference_date("aalborg"), date)
