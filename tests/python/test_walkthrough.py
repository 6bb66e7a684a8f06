"""Issue 20's walkthrough in Python (docs/guide/src/walkthrough.md): the sheets Excel saved
(Danish headings and words, CRLF, Windows-1252) become a dossier through the same core function
as `brobygger new`, which reaches a stored match, a calendar file and a report; the same sheets
as .xlsx give the same result; every problem is placed by file, line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import brobygger as bb
from conftest import FIXTURES

WALK = FIXTURES / "walkthrough"
TITLE = "Venner Viser Vej i Ikast-Brande"


def from_sheets(newcomers: Path, offers: Path) -> bb.Dossier:
    return bb.Dossier.from_sheets(
        TITLE,
        start=dt.date(2016, 1, 1),
        newcomers=str(newcomers),
        offers=[offers],
        organisations=WALK / "parter.csv",
        posts=[str(WALK / "poster.csv")],
        rules=WALK / "regler.toml",
    )


def walk(tmp: Path, d: bb.Dossier) -> tuple[list[tuple[str, str]], str, str]:
    """Match and store the run (saved and loaded again), the calendar file and the report."""
    run = d.matching.match_cohort(
        f"{d.to_dict()['agreements'][0]['id']}-nyankomne", "vores-regler", dt.date(2016, 3, 1)
    )
    d.matching.add_run(run)
    d.save(tmp / "dossier.json")
    stored = bb.Dossier.load(tmp / "dossier.json")
    runs = stored.to_dict()["match_runs"]
    assert len(runs) == 1
    pairs = sorted((m["newcomer"], m["offer"]) for m in runs[0]["matches"])
    ics = stored.calendar.export(dt.date(2016, 3, 1), lang="da").to_ics()
    (tmp / "kalender.ics").write_text(ics, encoding="utf-8")
    agreement = stored.to_dict()["agreements"][0]["id"]
    report = stored.assessment.report(agreement, dt.date(2016, 3, 1), lang="da").html()
    return pairs, ics, report


def test_from_excel_sheets_to_a_stored_match_a_calendar_and_a_report(tmp_path: Path) -> None:
    d = from_sheets(WALK / "nyankomne.csv", WALK / "tilbud.csv")
    data = d.to_dict()
    assert data["municipalities"][0]["code"] == 756
    assert [o["name"] for o in data["organisations"]] == ["Venner Viser Vej", "Røde Kors Ikast"]
    assert len(data["posts"]) == 3
    household = data["cohorts"][0]["newcomers"][0]
    assert household["languages"][0] == {"language": "ar", "level": "native"}
    assert {"day": "saturday", "time": "daytime"} in household["availability"]
    pairs, ics, report = walk(tmp_path, d)
    assert pairs == [
        ("nc-1001", "vvv-ikast-1"),
        ("nc-1002", "vvv-brande-1"),
        ("nc-1003", "rk-kvinder"),
        ("nc-1004", "rk-job"),
    ]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") == 4
    assert TITLE in report and '<html lang="da"' in report

    # The same sheets as workbooks: the same dossier and the same result.
    books = tmp_path / "books"
    books.mkdir()
    (books / "nyankomne.xlsx").write_bytes(
        bb.newcomers_to_xlsx(bb.read_newcomers_csv(WALK / "nyankomne.csv"), "da")
    )
    (books / "tilbud.xlsx").write_bytes(
        bb.offers_to_xlsx(bb.read_offers_csv(WALK / "tilbud.csv"), "da")
    )
    from_books = from_sheets(books / "nyankomne.xlsx", books / "tilbud.xlsx")
    assert from_books.to_dict() == data
    run2 = tmp_path / "run2"
    run2.mkdir()
    assert walk(run2, from_books) == (pairs, ics, report)


def test_every_problem_is_placed_and_no_personal_value_is_repeated(tmp_path: Path) -> None:
    bad = tmp_path / "parter.csv"
    bad.write_bytes(
        "Id;Navn;Type;Kommunekode\r\nikast-brande;Ikast-Brande Kommune;kommune;\r\n"
        ";Søren Sørensens Venner;fodboldklub;\r\n".encode("cp1252")
    )
    with pytest.raises(bb.ValidationError) as info:
        bb.Dossier.from_sheets("x", start=dt.date(2016, 1, 1), organisations=bad)
    e = info.value
    assert e.code == "import.invalid_csv"
    messages = [f.message("en") for f in e.findings]
    assert [m.split(": ")[0] for m in messages] == ["parter.csv:2:4 (code)", "parter.csv:3:3 (kind)"]
    assert not any("Søren" in f.message("da") + f.message("en") for f in e.findings)
    with pytest.raises(TypeError):
        bb.Dossier.from_sheets("x", newcomers=42)  # type: ignore[arg-type]
    with pytest.raises(bb.InvalidInputError):
        bb.Dossier.from_sheets("x", newcomers=tmp_path / "no-such-file.csv")
