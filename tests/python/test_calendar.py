"""Calendars (issue 20, item 4) checked by an independent parser: every file the library writes
is read with the `icalendar` package, its series expanded with `dateutil`'s rrule, and compared
with the library's own reading. Households never reach a calendar their audience may not see."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CPH = ZoneInfo("Europe/Copenhagen")
AS_OF = {
    "aalborg": dt.date(2017, 6, 30),
    "ikast-brande": dt.date(2016, 3, 1),
    "horsens": dt.date(2017, 10, 2),
    "esbjerg": dt.date(2022, 1, 10),
}
AUDIENCES = ["coordinator", "partnership", "public"]


def _events(ics: str) -> list[Any]:
    cal = icalendar.Calendar.from_ical(ics)
    return list(cal.walk("VEVENT"))


def _as_datetime(v: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(v, dt.datetime):
        return v
    return dt.datetime(v.year, v.month, v.day)


def _occurrences(ev: Any, n: int) -> list[dt.datetime]:
    start = _as_datetime(ev.decoded("DTSTART"))
    rule = ev["RRULE"].to_ical().decode()
    out: list[dt.datetime] = []
    for k, o in enumerate(rrulestr("RRULE:" + rule, dtstart=start)):
        if k >= n:
            break
        out.append(o)
    return out


def _ours(text: str) -> str:
    """A text as the file keeps it: line breaks as LF, control characters but tabs left out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


@pytest.mark.parametrize("name", sorted(AS_OF))
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_an_independent_parser_reads_every_file_as_the_library_does(name: str, lang: str, audience: str) -> None:
    d = bb.Dossier.example(name)
    cal = d.calendar.export(AS_OF[name], lang=lang, audience=audience)  # type: ignore[arg-type]
    ics = cal.to_ics()
    assert ics == d.calendar.ics(AS_OF[name], lang=lang, audience=audience)  # type: ignore[arg-type]
    parsed = icalendar.Calendar.from_ical(ics)
    assert str(parsed["VERSION"]) == "2.0"
    zones = list(parsed.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
    events = _events(ics)
    assert len(events) == len(cal) == len(cal.events)
    assert len({str(e["UID"]) for e in events}) == len(events), "unique UIDs"
    for theirs, ours in zip(events, cal.events):
        assert str(theirs["UID"]) == ours["uid"]
        assert str(theirs["SUMMARY"]) == ours["summary"]
        assert str(theirs.get("DESCRIPTION", "")) == (ours.get("description") or "")
        assert str(theirs.get("LOCATION", "")) == (ours.get("location") or "")
        assert theirs["X-BROBYGGER-KIND"] == ours["kind"]
        assert theirs.decoded("DTSTAMP") == dt.datetime(AS_OF[name].year, AS_OF[name].month, AS_OF[name].day, tzinfo=dt.timezone.utc)
        start = theirs.decoded("DTSTART")
        if ours["start"]["type"] == "at":
            assert isinstance(start, dt.datetime) and start.utcoffset() is not None
            assert start.tzinfo is not None and str(theirs["DTSTART"].params["TZID"]) == "Europe/Copenhagen"
            assert start.strftime("%Y-%m-%d %H:%M") == f"{ours['start']['date']} {ours['start']['time']}"
            # The zone icalendar built from the file gives the same offset as the system's.
            local = start.replace(tzinfo=None).replace(tzinfo=CPH)
            assert start.utcoffset() == local.utcoffset()
        else:
            assert not isinstance(start, dt.datetime) and start.isoformat() == ours["start"]["date"]
        if "RRULE" in theirs:
            occ = _occurrences(theirs, 12)
            # The series starts on the event's own day: DTSTART is its first occurrence.
            assert occ and occ[0] == _as_datetime(start)
            repeat = ours["repeat"]
            assert repeat is not None, "an RRULE comes from a repeat rule"
            until = repeat.get("until")
            for o in occ:
                if until:
                    assert o.date() <= dt.date.fromisoformat(until)
                if ours["kind"] == "routine" and repeat["frequency"] != "daily":
                    assert o.weekday() < 5, "fixed meetings fall on working days"
        our_alarm = ours.get("alarm")
        if our_alarm:
            alarm = next(iter(theirs.walk("VALARM")))
            assert alarm.decoded("TRIGGER") == -dt.timedelta(days=our_alarm["days_before"])
    assert bb.read_ics(ics) == cal


@pytest.mark.parametrize(
    "example, day, lang, audience, file",
    [
        ("aalborg", dt.date(2017, 6, 30), "en", "coordinator", "aalborg-2017-06-30.en.ics"),
        ("horsens", dt.date(2017, 10, 2), "da", "public", "horsens-2017-10-02.public.da.ics"),
    ],
)
def test_the_golden_calendars_are_what_rust_writes(example: str, day: dt.date, lang: str, audience: str, file: str) -> None:
    expected = (FIXTURES / "calendar" / file).read_bytes().decode("utf-8")
    assert bb.Dossier.example(example).calendar.ics(day, lang=lang, audience=audience) == expected  # type: ignore[arg-type]


def test_aalborgs_steering_group_meets_on_the_second_friday_every_quarter() -> None:
    d = bb.Dossier.example("aalborg")
    ics = d.calendar.ics(dt.date(2017, 6, 30), lang="en")
    steering = next(e for e in _events(ics) if str(e["SUMMARY"]).startswith("Styregruppe"))
    occ = _occurrences(steering, 4)
    assert [o.date() for o in occ] == [dt.date(2017, 7, 14), dt.date(2017, 10, 13), dt.date(2018, 1, 12), dt.date(2018, 4, 13)]
    assert all(o.hour == 15 for o in occ)
    assert "Fixed meeting under" in str(steering["DESCRIPTION"])
    alarm = next(iter(steering.walk("VALARM")))
    assert "invitation" in str(alarm["DESCRIPTION"])


def test_households_reach_only_the_coordinators_calendar() -> None:
    d = bb.Dossier.load(str(FIXTURES / "matching" / "ikast-relationships.dossier.json"))
    newcomers = [n["id"] for c in d.cohorts for n in c["newcomers"]]
    assert newcomers
    coordinator = d.calendar.ics(dt.date(2016, 6, 10))
    kinds = {str(e["X-BROBYGGER-KIND"]) for e in _events(coordinator)}
    assert "check_in" in kinds
    for audience in ["partnership", "public"]:
        for day in [dt.date(2016, 3, 1), dt.date(2016, 6, 10)]:
            ics = d.calendar.ics(day, audience=audience)
            assert not any(n in ics for n in newcomers), audience
            kinds = {str(e["X-BROBYGGER-KIND"]) for e in _events(ics)}
            assert not kinds & {"introduction", "check_in"}


def test_bad_files_and_arguments_are_typed_errors() -> None:
    with pytest.raises(bb.ParseError) as e:
        bb.read_ics("not a calendar")
    assert e.value.code == "calendar.syntax"
    with pytest.raises(bb.ParseError) as e:
        bb.read_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Hemmelig\r\nDTSTART:nope\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert e.value.code == "calendar.bad_value" and "Hemmelig" not in str(e.value)
    d = bb.Dossier.example("aalborg")
    with pytest.raises(bb.InvalidInputError):
        d.calendar.export(dt.date(2017, 6, 30), audience="everyone")
    with pytest.raises(bb.InvalidInputError):
        d.calendar.export(dt.date(2017, 6, 30), lang="sv")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=200), as_of=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_any_forum_name_survives_an_independent_parser(name: str, as_of: dt.date) -> None:
    data = json.loads(bb.Dossier.example("aalborg").to_json())
    for version in data["agreements"][0]["versions"]:
        version["terms"]["routines"][0]["name"] = name
    d = bb.Dossier.from_json(json.dumps(data))
    ics = d.calendar.ics(as_of)
    for line in ics.split("\r\n"):
        assert len(line.encode()) <= 75
    routine = [e for e in _events(ics) if str(e["X-BROBYGGER-KIND"]) == "routine"]
    if routine:
        assert str(routine[0]["SUMMARY"]) == _ours(name)
    back = bb.read_ics(ics)
    assert bb.read_ics(back.to_ics()) == back
    assert [e["summary"] for e in back.events] == [str(e["SUMMARY"]) for e in _events(ics)]
