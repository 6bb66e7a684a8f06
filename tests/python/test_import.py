"""Spreadsheet lists and reminders through the Python binding: the shared CSV fixtures give the
same rows and problems (line, column, code, text) as Rust, from a path, text or bytes; files
round-trip; a bad file raises ValidationError with every problem and no personal values;
arbitrary text never raises anything else (Hypothesis); reminders match the shared fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES

IMPORT = FIXTURES / "import"
CSV_CASES = sorted(IMPORT.glob("*.csv"))


def expected_for(path: Path) -> Any:
    return json.loads((IMPORT / f"{path.stem}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CSV_CASES, ids=[p.stem for p in CSV_CASES])
def test_every_csv_fixture_reads_like_rust(path: Path) -> None:
    check = bb.check_newcomers_csv if path.stem.endswith("newcomers") else bb.check_offers_csv
    result = check(path.read_bytes(), file_name=path.name)
    assert result == expected_for(path)


def test_enough_fixtures() -> None:
    assert len(CSV_CASES) >= 8


def test_lists_read_from_a_path_text_or_bytes_and_round_trip() -> None:
    d = bb.Dossier.example("ikast-brande")
    path = IMPORT / "ikast-newcomers.csv"
    from_path = bb.read_newcomers_csv(path)
    text = path.read_text(encoding="utf-8")
    assert bb.newcomers_from_csv(text) == from_path == bb.newcomers_from_csv(path.read_bytes())
    assert bb.newcomers_to_csv(from_path) == text
    offers = bb.read_offers_csv(str(IMPORT / "ikast-offers.csv"))
    assert bb.offers_to_csv(offers) == (IMPORT / "ikast-offers.csv").read_text(encoding="utf-8")
    # The lists are what match_profiles takes. These files carry no consent or basis columns, so
    # the sensitive rules are withheld; under the dossier's records it is the dossier's own run.
    rules = bb.RuleSet.load(FIXTURES / "matching" / "vvv-ikast.rules.toml")
    run = bb.match_profiles(rules, from_path, offers, dt.date(2016, 4, 1), solver="optimal")
    assert len(run.withheld) == len(from_path) + len(offers) and run.sensitive_uses == []
    cohort = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1), solver="optimal")
    beside = d.matching.match_profiles(rules, from_path, offers, dt.date(2016, 4, 1), solver="optimal")
    assert beside.pairs() == cohort.pairs()
    table = bb.match_run_to_csv(run, "en").splitlines()
    assert table[0] == "newcomer,status,offer,score,waiting_days,binding,reason"
    assert len(table) == 1 + len(from_path) == 49  # a header and one row per household
    # A Danish spreadsheet (semicolons, day-first dates, decimal commas) reads the same household.
    danish = bb.read_newcomers_csv(IMPORT / "spreadsheet-newcomers.csv")
    assert danish[0]["languages"] == from_path[0]["languages"]
    assert danish[0]["location"] == from_path[0]["location"]


def test_excel_forms_and_workbooks_round_trip_and_match_like_rust(tmp_path: Path) -> None:
    """Issue 20: Danish Excel CSV and .xlsx out of Python read back to the same lists, in
    Python and in the CLI's reader alike (the same core), and a workbook is read by its bytes."""
    newcomers = bb.read_newcomers_csv(IMPORT / "ikast-newcomers.csv")
    offers = bb.read_offers_csv(IMPORT / "ikast-offers.csv")
    excel = bb.newcomers_to_csv_styled(newcomers, "excel_da")
    assert excel.startswith("\ufeffId;Ankomst;") and "\r\n" in excel
    assert bb.newcomers_from_csv(excel.encode("utf-8")) == newcomers
    assert bb.offers_from_csv(bb.offers_to_csv_styled(offers, "excel_en")) == offers
    for lang in ("da", "en", None):
        book = bb.newcomers_to_xlsx(newcomers, lang)
        assert book[:2] == b"PK"
        path = tmp_path / f"nyankomne-{lang}.xlsx"
        path.write_bytes(book)
        assert bb.read_newcomers_csv(path) == newcomers
        assert bb.offers_from_csv(bb.offers_to_xlsx(offers, lang)) == offers
    # The Danish sheet saved by Excel on Windows (CRLF, Windows-1252): its bad date is on line 3,
    # the line Excel shows, with the three line ends alike.
    for name in ("danish-crlf-newcomers.csv", "danish-cr-newcomers.csv", "danish-lf-newcomers.csv"):
        problems = bb.check_newcomers_csv((IMPORT / name).read_bytes(), file_name=name)["problems"]
        errors = [(p["line"], p["column"], p["code"]) for p in problems if p["severity"] == "error"]
        assert errors == [(3, 2, "import.invalid_date")], name
    rules = bb.RuleSet.load(FIXTURES / "matching" / "vvv-ikast.rules.toml")
    run = bb.match_profiles(rules, newcomers, offers, dt.date(2016, 4, 1), solver="optimal")
    table = bb.match_run_to_csv_styled(run, "da", "excel_da")
    assert table.startswith("\ufeffHusstand;Status;Tilbud;Point;Ventedage;Afgørende;Begrundelse\r\n")
    assert bb.match_run_to_xlsx(run, "da")[:2] == b"PK"
    with pytest.raises(bb.InvalidInputError, match="excel_da"):
        bb.newcomers_to_csv_styled(newcomers, "excel_fr")


def test_a_bad_file_raises_with_every_problem_and_no_personal_values() -> None:
    with pytest.raises(bb.ValidationError) as info:
        bb.read_newcomers_csv(IMPORT / "bad-newcomers.csv")
    e = info.value
    assert e.code == "import.invalid_csv"
    assert len(e.findings) == 16
    first = e.findings[0]
    assert first.path == "newcomers[0].integration_contract_meeting"
    assert first.message("en").startswith("bad-newcomers.csv:2:3 (integration_contract_meeting): ")
    everything = " ".join(f.message("da") + f.message("en") for f in e.findings)
    for secret in ["Hajar", "muslim", "fluent", "bike repair", "someday"]:
        assert secret not in everything
    # The structured problems give the line and column of each.
    problems = bb.check_newcomers_csv((IMPORT / "bad-newcomers.csv").read_bytes())["problems"]
    assert [(p["line"], p["column"]) for p in problems][:3] == [(2, 3), (2, 9), (3, 1)]
    with pytest.raises(bb.ValidationError):
        bb.offers_from_csv("id,kind,title,capacity\no-1,contact_famly,x,1\n", file_name="tilbud.csv")
    with pytest.raises(bb.InvalidInputError) as missing:
        bb.read_offers_csv(IMPORT / "no-such-file.csv")
    assert isinstance(missing.value, FileNotFoundError)
    with pytest.raises(TypeError):
        bb.newcomers_from_csv(42)  # type: ignore[arg-type]
    with pytest.raises(bb.InvalidInputError):
        bb.csv_columns("volunteers")  # type: ignore[arg-type]


def test_columns_declare_their_sensitivity() -> None:
    columns = {c["name"]: c for c in bb.csv_columns("newcomers")}
    assert columns["preferences"]["sensitivity"] == "special_category"
    assert columns["id"]["required"] and not columns["preferences"]["quoted_in_problems"]
    quoted = [c["name"] for c in bb.csv_columns("offers") if c["quoted_in_problems"]]
    # No cell is quoted in a problem: a value in the wrong column may be anyone's data.
    assert quoted == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('id,arrival;languages:"\n\r 0123456789-abzæø\t')), max_size=300))
def test_any_text_reads_or_raises_validation_error(text: str) -> None:
    try:
        rows = bb.newcomers_from_csv(text)
    except bb.ValidationError as e:
        assert e.code == "import.invalid_csv"
        assert all(f.code.startswith("import.") for f in e.findings)
    else:
        assert isinstance(rows, list)
    result = bb.check_offers_csv(text.encode("utf-8"))
    assert set(result) == {"offers", "problems", "delimiter", "encoding"}


def test_reminders_match_the_shared_fixture() -> None:
    for case in ["ikast-2016-03-01", "ikast-2016-06-01", "aalborg-2017-06-30"]:
        spec = json.loads((FIXTURES / "reminders" / f"{case}.input.json").read_text(encoding="utf-8"))
        d = bb.Dossier.example(spec["example"])
        got = d.reminders.due(dt.date.fromisoformat(spec["as_of"]), horizon_days=spec["horizon_days"])
        want = json.loads((FIXTURES / "reminders" / f"{case}.expected.json").read_text(encoding="utf-8"))
        assert json.loads(json.dumps(got, default=str)) == want, case
    assert bb.Dossier.example("horsens").reminders.due(dt.date(2017, 8, 1)) == []


def test_a_table_with_the_csv_columns_means_what_the_csv_file_means() -> None:
    # One column layout for CSV files and bulk tables: flat lat/lon and adults/children_ages.
    newcomers = bb.read_newcomers_csv(IMPORT / "ikast-newcomers.csv")
    offers = bb.read_offers_csv(IMPORT / "ikast-offers.csv")
    names = [c["name"] for c in bb.csv_columns("newcomers")]
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for n in newcomers:
        location = n.get("location") or {}  # type: ignore[var-annotated]
        household = n.get("household") or {}
        for name in names:
            if name in ("lat", "lon"):
                columns[name].append(location.get(name))
            elif name in ("adults", "children_ages"):
                columns[name].append(household.get(name))
            else:
                columns[name].append(n.get(name))
    rules = bb.RuleSet.load(FIXTURES / "matching" / "vvv-ikast.rules.toml")
    day = dt.date(2016, 4, 1)
    want = bb.match_profiles(rules, newcomers, offers, day)
    assert bb.profiles(columns, offers).run(rules, day) == want
    assert bb.profiles(json.dumps(columns), json.dumps(offers)).run(rules, day) == want
    # Children without a count of adults: one adult, as an empty CSV cell says.
    one = {"id": ["nc-1"], "arrival": ["2016-01-11"], "children_ages": [[6, 9]]}
    assert bb.profiles(one, offers).newcomer_count == 1
    with pytest.raises(bb.InvalidInputError):
        bb.profiles({"id": ["a"], "arrival": ["2016-01-11"], "lon": [9.1], "needs": [[]]}, offers)
    with pytest.raises(bb.ValidationError):
        bb.profiles({"id": ["a"], "arrival": ["2016-01-11"], "lon": [9.1]}, offers)


def test_a_spreadsheet_read_by_pandas_means_what_the_csv_file_means() -> None:
    # Analysts load the municipality's list with pandas (read_csv, read_excel): every cell a
    # scalar, lists as ';'-separated text. profiles() reads such a table as the CSV file.
    pd = pytest.importorskip("pandas")
    newcomers = bb.read_newcomers_csv(IMPORT / "ikast-newcomers.csv")
    offers = bb.read_offers_csv(IMPORT / "ikast-offers.csv")
    rules = bb.RuleSet.load(FIXTURES / "matching" / "vvv-ikast.rules.toml")
    day = dt.date(2016, 4, 1)
    want = bb.match_profiles(rules, newcomers, offers, day)
    n = pd.read_csv(IMPORT / "ikast-newcomers.csv")
    o = pd.read_csv(IMPORT / "ikast-offers.csv")
    assert bb.profiles(n, o).run(rules, day) == want
    # As read_excel or dtype=str give it: every cell text.
    n_text = pd.read_csv(IMPORT / "ikast-newcomers.csv", dtype=str)
    o_text = pd.read_csv(IMPORT / "ikast-offers.csv", dtype=str)
    assert bb.profiles(n_text, o_text).run(rules, day) == want
    # Records of scalars, as DataFrame.to_dict("records") gives them.
    assert bb.profiles(n.to_dict("records"), o).run(rules, day) == want
    # Every bad cell at once, each with its line (a row i is line i + 2) and column, no value.
    bad = n_text.copy()
    bad.loc[1, "arrival"] = "2016-13-01"
    bad.loc[3, "languages"] = "secret-language:fluent"
    with pytest.raises(bb.ValidationError) as e:
        bb.profiles(bad, o_text)
    texts = [f.message_en for f in e.value.findings]
    assert len(texts) == 2, texts
    assert texts[0].startswith("newcomers:3:2 (arrival)") and texts[1].startswith("newcomers:5:8 (languages)")
    assert not any("secret-language" in t or "2016-13-01" in t for t in texts)
