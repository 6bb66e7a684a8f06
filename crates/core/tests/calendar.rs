#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Calendars (issue 20, item 4): a dossier's fixed meetings, meetings held, activities, dated
//! tasks and check-ins as iCalendar files. What is written reads back as the same data (for the
//! built-in examples, generated dossiers on any day chrono knows, and generated calendars with
//! any Unicode text), the lines obey RFC 5545, series start where the rule says, ids stay
//! stable, and no household reaches a calendar its audience may not see. The Python suite
//! checks the same files with an independent parser (`icalendar`) and expands the series with
//! `dateutil`.

mod common;

use brobygger::calendar::{
    Alarm, Calendar, CalendarAudience, CalendarEvent, CalendarEventKind, CalendarOptions,
    EventTime, Frequency, RepeatRule, WeekdayRule, read_ics,
};
use brobygger::directory::ClockTime;
use brobygger::matching::Weekday;
use brobygger::{Dossier, Lang};
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::HashSet;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const AUDIENCES: [CalendarAudience; 3] = [
    CalendarAudience::Coordinator,
    CalendarAudience::Partnership,
    CalendarAudience::Public,
];

/// Every physical line at most 75 octets, CRLF-ended, and no bare LF or CR anywhere.
fn assert_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains(['\n', '\r']));
    }
}

fn relationships() -> Dossier {
    let path = common::fixtures().join("matching/ikast-relationships.dossier.json");
    Dossier::load(path).unwrap()
}

#[test]
fn every_example_round_trips_in_both_languages_for_every_audience() {
    for name in ["aalborg", "ikast-brande", "horsens", "esbjerg"] {
        let dossier = Dossier::example(name).unwrap();
        for as_of in ["2015-01-15", "2016-03-01", "2017-06-30", "2018-02-28"] {
            for lang in [Lang::Da, Lang::En] {
                for audience in AUDIENCES {
                    let options = CalendarOptions::new(d(as_of)).lang(lang).audience(audience);
                    let calendar = dossier.calendar().export(options);
                    let ics = calendar.to_ics();
                    assert_lines(&ics);
                    assert_eq!(read_ics(&ics).unwrap(), calendar, "{name} {as_of} {lang}");
                    assert_eq!(dossier.calendar().ics(options), ics);
                    let uids: HashSet<&str> =
                        calendar.events.iter().map(|e| e.uid.as_str()).collect();
                    assert_eq!(uids.len(), calendar.events.len(), "{name}: unique UIDs");
                }
            }
        }
    }
}

/// The files Python and Kotlin must write byte for byte too.
#[test]
fn golden_calendars() {
    let dir = common::fixtures().join("calendar");
    for (example, day, lang, audience, file) in [
        (
            "aalborg",
            "2017-06-30",
            Lang::En,
            CalendarAudience::Coordinator,
            "aalborg-2017-06-30.en.ics",
        ),
        (
            "horsens",
            "2017-10-02",
            Lang::Da,
            CalendarAudience::Public,
            "horsens-2017-10-02.public.da.ics",
        ),
    ] {
        let options = CalendarOptions::new(d(day)).lang(lang).audience(audience);
        let ics = Dossier::example(example).unwrap().calendar().ics(options);
        common::golden(&dir.join(file), &ics);
    }
}

#[test]
fn aalborgs_steering_group_is_a_quarterly_series_on_a_working_day_with_its_notice() {
    let dossier = Dossier::example("aalborg").unwrap();
    let as_of = d("2017-06-30");
    let calendar = dossier.calendar().export(CalendarOptions::new(as_of));
    let routines: Vec<&CalendarEvent> = calendar
        .events
        .iter()
        .filter(|e| e.kind == CalendarEventKind::Routine)
        .collect();
    assert_eq!(routines.len(), 2, "steering group and network meeting");
    for r in &routines {
        let start = r.start.date();
        assert!(start.weekday().num_days_from_monday() < 5, "a working day");
        let rule = r.repeat.as_ref().unwrap();
        assert_eq!(rule.frequency, Frequency::Monthly);
        let alarm = r.alarm.as_ref().unwrap();
        assert!(
            (start - as_of).num_days() >= i64::from(alarm.days_before),
            "the invitation can still go out with the agreed notice"
        );
        // The series' rule gives its first day: the nth weekday of the month.
        let by = rule.by_day[0];
        let nth = by.nth.unwrap();
        let day = (start.day() - 1) / 7 + 1;
        assert!(nth == i8::try_from(day).unwrap() || (nth == -1 && day == 5));
        assert!(alarm.text.contains("indkaldelse"));
    }
    let steering = routines
        .iter()
        .find(|e| e.summary.to_lowercase().contains("styregruppe"))
        .unwrap();
    assert_eq!(steering.repeat.as_ref().unwrap().interval, 3);
    assert!(matches!(steering.start, EventTime::At { time, .. } if time.hour() == 15));
    let ics = calendar.to_ics();
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
    assert!(ics.contains("DTSTART;TZID=Europe/Copenhagen:"));
    assert!(ics.contains("TRIGGER:-P14D"));
    // Meetings held are in it too, each once.
    let held = calendar
        .events
        .iter()
        .filter(|e| e.kind == CalendarEventKind::Meeting)
        .count();
    assert_eq!(held, 4);
}

#[test]
fn uids_stay_the_same_from_one_export_to_the_next() {
    let dossier = Dossier::example("ikast-brande").unwrap();
    let uids = |on: &str, kind| -> Vec<String> {
        dossier
            .calendar()
            .export(CalendarOptions::new(d(on)))
            .events
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.uid)
            .collect()
    };
    let first = uids("2016-03-01", CalendarEventKind::Routine);
    assert_eq!(first.len(), 2);
    assert_eq!(first, uids("2016-05-17", CalendarEventKind::Routine));
    assert_eq!(
        uids("2016-03-01", CalendarEventKind::Meeting),
        uids("2019-01-01", CalendarEventKind::Meeting)
    );
    // The ids tell nothing of the dossier.
    let ics = dossier
        .calendar()
        .ics(CalendarOptions::new(d("2016-03-01")));
    for line in ics.split("\r\n").filter(|l| l.starts_with("UID:")) {
        assert!(!line.contains("ikast") && !line.contains("nc-"), "{line}");
    }
}

#[test]
fn households_reach_only_the_coordinators_calendar_and_only_by_pseudonym() {
    let dossier = relationships();
    let as_of = d("2016-06-10");
    let newcomers: Vec<String> = dossier
        .cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter().map(|n| n.id.to_string()))
        .collect();
    assert!(!newcomers.is_empty());
    let coordinator = dossier.calendar().export(CalendarOptions::new(as_of));
    let check_in = coordinator
        .events
        .iter()
        .find(|e| e.kind == CalendarEventKind::CheckIn)
        .expect("the running relationship's check-in");
    assert_eq!(
        check_in.start,
        EventTime::Day {
            date: d("2016-06-15")
        }
    );
    assert_eq!(check_in.repeat.as_ref().unwrap().interval, 42);
    for audience in [CalendarAudience::Partnership, CalendarAudience::Public] {
        for lang in [Lang::Da, Lang::En] {
            let options = CalendarOptions::new(d("2016-03-01"))
                .lang(lang)
                .audience(audience);
            for on in [options, CalendarOptions { as_of, ..options }] {
                let c = dossier.calendar().export(on);
                assert!(c.events.iter().all(|e| !matches!(
                    e.kind,
                    CalendarEventKind::Introduction | CalendarEventKind::CheckIn
                )));
                let ics = c.to_ics();
                for n in &newcomers {
                    assert!(!ics.contains(n.as_str()), "{audience:?} shows {n}");
                }
            }
        }
    }
    // Coordinators see the introductions due, by pseudonymous id.
    let early = dossier
        .calendar()
        .export(CalendarOptions::new(d("2016-03-01")));
    assert!(
        early
            .events
            .iter()
            .any(|e| e.kind == CalendarEventKind::Introduction)
    );
}

#[test]
fn the_public_sees_only_the_activities_of_associations_listed_publicly() {
    let dossier = Dossier::example("horsens").unwrap();
    let options = CalendarOptions::new(d("2017-10-02")).audience(CalendarAudience::Public);
    let c = dossier.calendar().export(options);
    assert_eq!(c.events.len(), 2, "Lawan's two offers");
    assert!(
        c.events
            .iter()
            .all(|e| e.kind == CalendarEventKind::Activity)
    );
    let children = c
        .events
        .iter()
        .find(|e| e.repeat.as_ref().unwrap().frequency == Frequency::Weekly)
        .unwrap();
    assert_eq!(
        (children.start, children.end),
        (
            EventTime::At {
                date: d("2017-10-04"),
                time: ClockTime::new(16, 0).unwrap()
            },
            EventTime::At {
                date: d("2017-10-04"),
                time: ClockTime::new(18, 0).unwrap()
            }
        ),
        "the first Wednesday on or after the day, 16-18"
    );
    let network = c
        .events
        .iter()
        .find(|e| e.repeat.as_ref().unwrap().frequency == Frequency::Monthly)
        .unwrap();
    assert_eq!(network.start.date(), d("2017-10-03"), "the first Tuesday");
    assert_eq!(
        network.repeat.as_ref().unwrap().by_day,
        vec![WeekdayRule {
            nth: Some(1),
            day: Weekday::Tuesday
        }]
    );
    // The partnership sees the negotiating agreement's nothing (it is not in force) but the
    // same activities.
    let partnership = dossier
        .calendar()
        .export(options.audience(CalendarAudience::Partnership));
    assert!(partnership.events.len() >= 2);
}

#[test]
fn texts_follow_the_language() {
    let dossier = Dossier::example("aalborg").unwrap();
    let options = CalendarOptions::new(d("2017-06-30"));
    let da = dossier.calendar().ics(options);
    let en = dossier.calendar().ics(options.lang(Lang::En));
    assert!(da.contains("NAME;LANGUAGE=da:") && da.contains("Fast møde under"));
    assert!(en.contains("NAME;LANGUAGE=en:") && en.contains("Fixed meeting under"));
    assert!(da.contains("CATEGORIES;LANGUAGE=da:fast møde"));
    assert!(en.contains("CATEGORIES;LANGUAGE=en:fixed meeting"));
}

#[test]
fn files_from_other_calendars_read_with_utc_and_whole_days() {
    let text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\nBEGIN:VEVENT\nUID:a@x\nDTSTAMP:20240101T120000Z\nDTSTART:20240105T080000Z\nSUMMARY:Kaffe\\, kage\nBEGIN:VALARM\nTRIGGER:-P1W\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\nBEGIN:VTODO\nUID:b@x\nSUMMARY:skip\nEND:VTODO\nBEGIN:VEVENT\nUID:c@x\nDTSTART;VALUE=DATE:20240301\nSUMMARY:Hele dagen\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;WKST=MO\nEND:VEVENT\nEND:VCALENDAR\n";
    let c = read_ics(text).unwrap();
    assert_eq!(c.events.len(), 2);
    assert_eq!(c.events[0].summary, "Kaffe, kage");
    assert_eq!(
        c.events[0].start,
        EventTime::At {
            date: d("2024-01-05"),
            time: ClockTime::new(9, 0).unwrap()
        }
    );
    assert_eq!(c.events[0].kind, CalendarEventKind::Other);
    assert_eq!(c.events[0].alarm.as_ref().unwrap().days_before, 7);
    assert_eq!(
        c.events[1].end,
        EventTime::Day {
            date: d("2024-03-02")
        }
    );
    assert_eq!(c.events[1].repeat.as_ref().unwrap().by_day.len(), 2);
    assert_eq!(c.stamp, Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap());
}

#[test]
fn errors_name_the_line_and_never_a_value() {
    let secret = "Fatima-Hussein-7";
    let text = format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{secret}\r\nSUMMARY:{secret}\r\nDTSTART:{secret}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let e = read_ics(&text).unwrap_err();
    assert_eq!(e.error_code().as_str(), "calendar.bad_value");
    let shown = format!("{e} {e:?}");
    assert!(shown.contains("line 5"), "{shown}");
    assert!(!shown.contains(secret), "{shown}");
}

// ---- generated calendars and dossiers ----

/// What a text is once through TEXT: line breaks as `\n`, control characters but tabs gone.
fn normalized(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zæøåÆØÅ ,;:\\\\\"\r\n\t]{0,200}",
        Just("🙂".repeat(30)),
    ]
}

fn ical_date() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=366).prop_map(|(y, k)| {
        NaiveDate::from_yo_opt(y, k).unwrap_or(NaiveDate::from_ymd_opt(y, 12, 31).unwrap())
    })
}

fn event_time() -> impl Strategy<Value = EventTime> {
    prop_oneof![
        ical_date().prop_map(|date| EventTime::Day { date }),
        (ical_date(), 0u8..24, 0u8..60).prop_map(|(date, h, m)| EventTime::At {
            date,
            time: ClockTime::new(h, m).unwrap()
        }),
    ]
}

fn weekday() -> impl Strategy<Value = Weekday> {
    prop_oneof![
        Just(Weekday::Monday),
        Just(Weekday::Tuesday),
        Just(Weekday::Wednesday),
        Just(Weekday::Thursday),
        Just(Weekday::Friday),
        Just(Weekday::Saturday),
        Just(Weekday::Sunday),
    ]
}

fn repeat() -> impl Strategy<Value = RepeatRule> {
    (
        prop_oneof![
            Just(Frequency::Daily),
            Just(Frequency::Weekly),
            Just(Frequency::Monthly),
            Just(Frequency::Yearly)
        ],
        1u32..=u32::MAX,
        prop::collection::vec(
            (
                prop::option::of(prop_oneof![1i8..=53, -53i8..=-1]),
                weekday(),
            )
                .prop_map(|(nth, day)| WeekdayRule { nth, day }),
            0..4,
        ),
        prop::option::of(1u8..=12),
        prop::option::of(ical_date()),
    )
        .prop_map(
            |(frequency, interval, by_day, by_month, until)| RepeatRule {
                frequency,
                interval,
                by_day,
                by_month,
                until,
            },
        )
}

fn kind() -> impl Strategy<Value = CalendarEventKind> {
    prop::sample::select(CalendarEventKind::ALL.to_vec())
}

fn event() -> impl Strategy<Value = CalendarEvent> {
    (
        (any_text(), kind(), event_time(), event_time()),
        (
            any_text(),
            prop::option::of(any_text()),
            prop::option::of(any_text()),
            prop::collection::vec(any_text(), 0..3),
        ),
        prop::option::of(repeat()),
        prop::option::of(
            (any::<u32>(), any_text()).prop_map(|(days_before, text)| Alarm { days_before, text }),
        ),
    )
        .prop_map(
            |(
                (uid, kind, start, end),
                (summary, description, location, categories),
                repeat,
                alarm,
            )| {
                CalendarEvent {
                    uid,
                    kind,
                    start,
                    end,
                    summary,
                    description,
                    location,
                    categories,
                    repeat,
                    alarm,
                }
            },
        )
}

fn calendar() -> impl Strategy<Value = Calendar> {
    (
        any_text(),
        prop_oneof![Just(Lang::Da), Just(Lang::En)],
        (0i64..253_402_300_799),
        prop::collection::vec(event(), 0..6),
    )
        .prop_map(|(name, lang, secs, events)| Calendar {
            name,
            lang,
            stamp: Utc.timestamp_opt(secs, 0).single().unwrap(),
            events,
        })
}

/// The calendar as the file keeps it: texts normalised.
fn as_kept(mut c: Calendar) -> Calendar {
    c.name = normalized(&c.name);
    for e in &mut c.events {
        e.uid = normalized(&e.uid);
        e.summary = normalized(&e.summary);
        e.description = e.description.as_deref().map(normalized);
        e.location = e.location.as_deref().map(normalized);
        // A category list of one empty category and no list at all differ on the page only.
        e.categories = e.categories.iter().map(|x| normalized(x)).collect();
        if let Some(a) = &mut e.alarm {
            a.text = normalized(&a.text);
        }
    }
    c
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        common::date(),
        (NaiveDate::MIN.year()..=NaiveDate::MAX.year(), 1u32..=365)
            .prop_map(|(y, k)| NaiveDate::from_yo_opt(y, k).unwrap_or(NaiveDate::MIN)),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_calendar_reads_back_as_written(c in calendar()) {
        let ics = c.to_ics();
        assert_lines(&ics);
        let back = read_ics(&ics).unwrap();
        prop_assert_eq!(&back, &as_kept(c.clone()));
        // And once normalised, exactly.
        prop_assert_eq!(read_ics(&back.to_ics()).unwrap(), back);
    }

    #[test]
    fn any_dossier_on_any_day_gives_a_calendar_that_reads_back(
        dossier in common::dossier(),
        as_of in any_day(),
        horizon in prop_oneof![Just(0u32), Just(365), any::<u32>()],
        audience in prop::sample::select(AUDIENCES.to_vec()),
        lang in prop_oneof![Just(Lang::Da), Just(Lang::En)],
    ) {
        let options = CalendarOptions { as_of, lang, audience, horizon_days: horizon };
        let c = dossier.calendar().export(options);
        let ics = c.to_ics();
        assert_lines(&ics);
        prop_assert_eq!(read_ics(&ics).unwrap(), as_kept(c));
    }

    #[test]
    fn any_text_never_panics_the_reader(text in any_text()) {
        let _ = read_ics(&text);
        let wrapped = format!("BEGIN:VCALENDAR\r\n{text}\r\nEND:VCALENDAR\r\n");
        let _ = read_ics(&wrapped);
    }
}

/// Open action items of meetings are events on their due day (overdue ones on the calendar's
/// day, marked so), for coordinators and the partnership but not the public; a meeting held
/// carries its agenda and decisions.
#[test]
fn action_items_are_events_on_their_due_day_and_meetings_carry_their_minutes() {
    let dossier = Dossier::example("aalborg").unwrap();
    let as_of = d("2017-06-30");
    let of = |audience| {
        dossier
            .calendar()
            .export(CalendarOptions::new(as_of).audience(audience))
    };
    let coordinator = of(CalendarAudience::Coordinator);
    let items: Vec<&CalendarEvent> = coordinator
        .events
        .iter()
        .filter(|e| e.kind == CalendarEventKind::ActionItem)
        .collect();
    let days: Vec<NaiveDate> = items.iter().map(|e| e.start.date()).collect();
    assert_eq!(days, [as_of, d("2017-08-15")]);
    assert!(items[0].summary.contains("overskredet"));
    assert!(
        items[1]
            .description
            .as_ref()
            .unwrap()
            .contains("Frist: 2017-08-15")
    );
    let partnership = of(CalendarAudience::Partnership);
    assert_eq!(
        partnership
            .events
            .iter()
            .filter(|e| e.kind == CalendarEventKind::ActionItem)
            .count(),
        2
    );
    assert!(
        of(CalendarAudience::Public)
            .events
            .iter()
            .all(|e| e.kind != CalendarEventKind::ActionItem)
    );
    let held = coordinator
        .events
        .iter()
        .find(|e| e.kind == CalendarEventKind::Meeting && e.start.date() == d("2016-12-07"))
        .unwrap();
    let text = held.description.as_ref().unwrap();
    assert!(text.contains("Dagsorden:\n1. Status på frivilligindsatsen"));
    assert!(text.contains("Beslutninger:\n1. Netværksmøderne"));
    // Read back by the library's own reader, the kind survives.
    let back = read_ics(&coordinator.to_ics()).unwrap();
    assert_eq!(
        back.events
            .iter()
            .filter(|e| e.kind == CalendarEventKind::ActionItem)
            .count(),
        2
    );
}
