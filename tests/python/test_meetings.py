"""Meetings' minutes and action items from Python: the same states, owners and paths as Rust,
overdue items in the reminders and the assessment, their due days in the calendar (read by the
independent `icalendar` parser), and typed errors."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

import brobygger as bb

ON = dt.date(2017, 6, 30)


def test_the_minutes_hold_agenda_decisions_and_action_items_with_their_state() -> None:
    d = bb.Dossier.example("aalborg")
    minutes = d.meetings.minutes(ON)
    assert minutes.as_of == ON and len(minutes.meetings) == 4
    held = minutes.meetings[2]
    assert (held["forum"], held["held_on"]) == ("steering", "2016-12-07")
    assert held["agenda"][1] == "Møderække for 2017" and len(held["decisions"]) == 2
    states = [(i["overdue"], i["status"], i["days_overdue"]) for i in minutes.action_items()]
    assert states == [(False, "done", 0), (True, "open", 149), (False, "open", 0)]
    overdue = minutes.overdue_only().action_items()
    assert [i["path"] for i in overdue] == ["agreements[0].meetings[1].action_items[1]"]
    assert overdue[0]["owner"] == {"by": "party", "party": {"type": "organisation", "organisation": "DK-LOCAL-roede-kors-aalborg"}}
    assert overdue[0]["owner_name"]["da"] == "Røde Kors Aalborg"
    text = minutes.render("markdown", "en")
    assert "**\\[overdue\\]** Finde lokaler" in text and "- Decisions" in text
    assert len(d.meetings.minutes(ON, "aalborg-lbb").meetings) == 4


def test_overdue_items_reach_the_reminders_the_assessment_and_the_calendar() -> None:
    d = bb.Dossier.example("aalborg")
    items = [r for r in d.reminders.due(ON, 60) if r["kind"] == "action_item"]
    assert [(r["state"], r["due_on"]) for r in items] == [("overdue", "2017-02-01"), ("due", "2017-08-15")]
    a = d.assessment.assess("aalborg-lbb", ON)
    check = a.check("assessment.overdue_action_items")
    assert check is not None and check["credit"] == 0.5
    f = next(f for f in a.findings if f.code == "assessment.overdue_action_items")
    assert f.path == "agreements[0].meetings[1].action_items[1]"
    assert f.finding.citation == '001 "Handling i fokus"'
    cal = icalendar.Calendar.from_ical(d.calendar.ics(ON, lang="en", audience="partnership"))
    due = sorted(
        e.decoded("DTSTART") for e in cal.walk("VEVENT") if str(e.get("X-BROBYGGER-KIND")) == "action_item"
    )
    assert due == [ON, dt.date(2017, 8, 15)]


def test_an_unknown_agreement_is_a_typed_error() -> None:
    d = bb.Dossier.example("aalborg")
    with pytest.raises(bb.NotFoundError) as e:
        d.meetings.minutes(ON, "no-such")
    assert e.value.code == "not_found.agreement"
    with pytest.raises(TypeError):
        d.meetings.minutes(20170630)  # type: ignore[arg-type]
    # Text is a date (issue 21): the same minutes as for the date.
    assert d.meetings.minutes(ON.isoformat()).render("markdown", "en") == d.meetings.minutes(ON).render("markdown", "en")
