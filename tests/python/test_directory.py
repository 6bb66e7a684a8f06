"""The association directory from Python (issue 23, item 1): the facet has the core's names and
gives the core's answers (the HSDS export is byte for byte the Rust golden file), the spreadsheet
reads from text, bytes or a table and round-trips, and nothing personal reaches an export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import brobygger as bb

HSDS = Path(__file__).resolve().parents[1] / "fixtures" / "hsds"
LAWAN = "DK-LOCAL-lawan-horsens"


def test_the_hsds_export_is_the_rust_golden_file() -> None:
    d = bb.Dossier.example("horsens")
    assert d.directory.hsds_json("da") == (HSDS / "horsens.json").read_text("utf-8")
    internal = d.directory.hsds_json("en", include_internal=True)
    assert internal == (HSDS / "horsens-internal-en.json").read_text("utf-8")
    assert d.directory.hsds("da") == json.loads((HSDS / "horsens.json").read_text("utf-8"))


@pytest.mark.parametrize("text", ["flygtningebørn", "FLYGTNINGEBØRNENE", "Kurdish", "netværksmøder"])
def test_search_finds_in_any_case_and_inflection(text: str) -> None:
    hits = bb.Dossier.example("horsens").directory.search(text)
    assert [h["association"]["organisation"] for h in hits] == [LAWAN]
    assert hits[0]["score"] > 0


def test_filters_as_a_dict_and_bad_filters_raise() -> None:
    d = bb.Dossier.example("horsens")
    hits = d.directory.search({"organisation_kinds": ["ethnic_minority_association"], "days": ["wednesday"]})
    assert [h["association"]["organisation"] for h in hits] == [LAWAN]
    assert all(o["schedule"][0]["days"] == ["wednesday"] for o in hits[0]["association"]["offers"])
    assert d.directory.search("fodbold") == []
    with pytest.raises(bb.BrobyggerError):
        d.directory.search({"colour": "blue"})
    with pytest.raises(bb.InvalidInputError):
        d.directory.hsds_json("de")  # type: ignore[arg-type]


def test_the_register_as_of_a_day_and_its_tables() -> None:
    d = bb.Dossier.example("horsens")
    register = d.directory.build(as_of=dt.date(2017, 8, 1))
    assert len(register) == 2
    lawan = next(a for a in register.associations if a["organisation"] == LAWAN)
    contact = lawan["contact_post"]
    assert contact is not None and contact["vacant"] is False
    assert d.directory.build(listed_only=True) == d.directory.build(listed_only=True)
    tables = {t["name"]: t for t in register.tables("da")}
    assert set(tables) == {"directory", "directory_offers"}
    offers = sum(len(a["offers"]) for a in register.to_dict()["associations"])
    assert len(tables["directory_offers"]["rows"]) == offers == 2
    assert "LAWAN Horsens" in register.html("da")
    assert register.markdown("en").startswith("## ")
    assert register.search("LAWAN")[0]["matched"][0] == "name"


def test_the_spreadsheet_round_trips_from_text_bytes_and_a_table() -> None:
    register = bb.Dossier.example("horsens").directory.build()
    text = register.to_csv()
    assert text == bb.directory_to_csv(register)
    back, problems = bb.directory_from_csv(text)
    assert problems == []
    assert back.to_csv() == text
    from_bytes, _ = bb.directory_from_csv(text.encode("utf-8"))
    assert from_bytes.to_csv() == text
    from_windows, _ = bb.directory_from_csv(text.encode("cp1252"))
    assert from_windows.to_csv() == text
    header = text.splitlines()[0].split(";")
    assert header == [c["name"] for c in bb.directory_columns()]
    table = {
        "organisation": ["Somali Kvindeforening"],
        "organisation_id": ["DK-LOCAL-somali-kvinder"],
        "organisation_kind": ["etnisk minoritetsforening"],
        "languages": ["so;da"],
        "offer": ["Lektiecafé"],
        "activity_kind": ["lektiecafé"],
        "days": ["tirsdag"],
        "opens": ["16:00"],
        "closes": ["18:00"],
    }
    read, problems = bb.directory_from_csv(table)
    assert [p.code for p in problems] == []
    assert read.associations[0]["languages"] == ["so", "da"]
    nested, problems = bb.directory_from_csv({"organisation": [["a", "list"]]})
    assert len(nested) == 0 and [p.code for p in problems] == ["directory.bad_cell"]
    with pytest.raises(TypeError):
        bb.directory_from_csv(42)  # type: ignore[arg-type]


def test_a_bad_sheet_reports_every_problem_without_its_values() -> None:
    text = "organisation;organisation_id;opens\nHemmelig Forening;not an id!;25:99\n"
    _, problems = bb.directory_from_csv(text)
    codes = {p.code for p in problems}
    assert codes and all(c.startswith(("directory.", "validation.")) for c in codes)
    for p in problems:
        assert "25:99" not in p.message_en and "not an id!" not in p.message_en


def test_hsds_ids_are_stable_name_based_uuids() -> None:
    a = bb.hsds_uuid("organization", LAWAN)
    assert a == bb.hsds_uuid("organization", LAWAN) != bb.hsds_uuid("service", LAWAN)
    assert len(a) == 36 and a.count("-") == 4


def test_places_are_read_by_id() -> None:
    d = bb.Dossier.example("esbjerg")
    place = d.place("esbjerg-oesterbyen")
    assert place is not None and place["kind"] == "neighbourhood"
    assert d.place("nowhere") is None
    assert d.directory.hsds_json("da").startswith("[")
