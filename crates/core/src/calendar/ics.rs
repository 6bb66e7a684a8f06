//! A [`Calendar`] as an iCalendar (RFC 5545) file and back.
//!
//! The file carries the Europe/Copenhagen time zone (`VTIMEZONE`, with the EU's summer-time
//! rules Denmark has followed since 1996), every timed event in it (`DTSTART;TZID=...`), whole
//! days as dates, series as `RRULE`, the notice before a meeting as a `VALARM`, and what each
//! event is about as `X-BROBYGGER-KIND` beside the words in `CATEGORIES`. Reading takes what
//! writing gives, so a calendar written and read back is the same data; from other
//! calendars it reads events in Danish time, in UTC or as whole days, and leaves properties it
//! does not model aside.

use crate::calendar::model::{
    Alarm, CALENDAR_VERSION, Calendar, CalendarCode, CalendarEvent, CalendarEventKind, EventTime,
    Frequency, RepeatRule, WeekdayRule,
};
use crate::directory::model::ClockTime;
use crate::error::BrobyggerError;
use crate::i18n::Lang;
use crate::matching::model::profile::Weekday;
use crate::present::ics::{
    ContentLine, content_lines, escape_text, param_value, push_line, split_text_list, unescape_text,
};
use crate::time::Timestamp;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The one time zone of the files: Danish time.
pub const TIME_ZONE: &str = "Europe/Copenhagen";

/// Europe/Copenhagen as RFC 5545 describes a zone: CET, and CEST from the last Sunday of March
/// at 02:00 to the last Sunday of October at 03:00 (EU rules, followed since 1996).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Copenhagen",
    "X-LIC-LOCATION:Europe/Copenhagen",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn weekday_code(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

fn weekday_of_code(s: &str) -> Option<Weekday> {
    Some(match s {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => return None,
    })
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn time_line(name: &str, t: EventTime) -> String {
    match t {
        EventTime::Day { date } => format!("{name};VALUE=DATE:{}", ymd(date)),
        EventTime::At { date, time } => format!(
            "{name};TZID={TIME_ZONE}:{}T{:02}{:02}00",
            ymd(date),
            time.hour(),
            time.minute()
        ),
    }
}

fn rrule(r: &RepeatRule, timed: bool) -> String {
    let mut s = format!("RRULE:FREQ={}", r.frequency.code());
    if r.interval > 1 {
        s.push_str(&format!(";INTERVAL={}", r.interval));
    }
    if let Some(m) = r.by_month {
        s.push_str(&format!(";BYMONTH={m}"));
    }
    if !r.by_day.is_empty() {
        let days: Vec<String> = r
            .by_day
            .iter()
            .map(|w| {
                format!(
                    "{}{}",
                    w.nth.map(|n| n.to_string()).unwrap_or_default(),
                    weekday_code(w.day)
                )
            })
            .collect();
        s.push_str(&format!(";BYDAY={}", days.join(",")));
    }
    if let Some(u) = r.until {
        // With a zoned start, UNTIL must be UTC (RFC 5545 §3.3.10): the end of the day in
        // Danish time, which is 21:59:59 UTC in summer and 22:59:59 in winter.
        if timed {
            s.push_str(&format!(";UNTIL={}T{}Z", ymd(u), until_utc_time(u)));
        } else {
            s.push_str(&format!(";UNTIL={}", ymd(u)));
        }
    }
    s
}

/// The UTC time of 23:59:59 Danish time on `d`, as `HHMMSS`.
fn until_utc_time(d: NaiveDate) -> &'static str {
    if copenhagen_offset_hours(d) == 2 {
        "215959"
    } else {
        "225959"
    }
}

/// Danish time's offset from UTC at noon on `d`: 2 in summer time (last Sunday of March to the
/// last Sunday of October), 1 otherwise.
fn copenhagen_offset_hours(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    let last_sunday = |month: u32| {
        let mut day = NaiveDate::from_ymd_opt(d.year(), month, 31);
        while let Some(x) = day {
            if x.weekday() == chrono::Weekday::Sun {
                return Some(x);
            }
            day = x.pred_opt();
        }
        None
    };
    match (last_sunday(3), last_sunday(10)) {
        (Some(start), Some(end)) if d >= start && d < end => 2,
        _ => 1,
    }
}

impl Calendar {
    /// The calendar as an iCalendar (RFC 5545) file: CRLF line ends, lines folded at 75
    /// octets, the Europe/Copenhagen time zone, every event with its stable `UID`.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        let mut line = |l: &str| push_line(&mut out, l);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!(
            "PRODID:-//brobygger//brobygger {}//{}",
            env!("CARGO_PKG_VERSION"),
            self.lang.code().to_ascii_uppercase()
        ));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line(&format!(
            "NAME;LANGUAGE={}:{}",
            self.lang.code(),
            escape_text(&self.name)
        ));
        line(&format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        line(&format!("X-WR-TIMEZONE:{TIME_ZONE}"));
        line(&format!("X-BROBYGGER-VERSION:{CALENDAR_VERSION}"));
        let stamp = self.stamp.format("%Y%m%dT%H%M%SZ").to_string();
        line(&format!("LAST-MODIFIED:{stamp}"));
        for l in VTIMEZONE {
            line(l);
        }
        for e in &self.events {
            line("BEGIN:VEVENT");
            line(&format!("UID:{}", escape_text(&e.uid)));
            line(&format!("DTSTAMP:{stamp}"));
            line(&time_line("DTSTART", e.start));
            line(&time_line("DTEND", e.end));
            if let Some(r) = &e.repeat {
                line(&rrule(r, matches!(e.start, EventTime::At { .. })));
            }
            let lang = param_value(self.lang.code());
            line(&format!(
                "SUMMARY;LANGUAGE={lang}:{}",
                escape_text(&e.summary)
            ));
            if let Some(d) = &e.description {
                line(&format!("DESCRIPTION;LANGUAGE={lang}:{}", escape_text(d)));
            }
            if let Some(l) = &e.location {
                line(&format!("LOCATION;LANGUAGE={lang}:{}", escape_text(l)));
            }
            if !e.categories.is_empty() {
                let cats: Vec<String> = e.categories.iter().map(|c| escape_text(c)).collect();
                line(&format!("CATEGORIES;LANGUAGE={lang}:{}", cats.join(",")));
            }
            // Meetings take the time; activities and tasks only mark the day.
            line(
                if matches!(
                    e.kind,
                    CalendarEventKind::Routine | CalendarEventKind::Meeting
                ) {
                    "TRANSP:OPAQUE"
                } else {
                    "TRANSP:TRANSPARENT"
                },
            );
            line(&format!("X-BROBYGGER-KIND:{}", e.kind.code()));
            if let Some(a) = &e.alarm {
                line("BEGIN:VALARM");
                line("ACTION:DISPLAY");
                line(&format!("TRIGGER:-P{}D", a.days_before));
                line(&format!("DESCRIPTION:{}", escape_text(&a.text)));
                line("END:VALARM");
            }
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }
}

fn err(code: CalendarCode, line: u32, reason: impl Into<String>) -> BrobyggerError {
    BrobyggerError::parse(code, "", (line, 0), reason)
}

/// A UTC date and time, `YYYYMMDDTHHMMSSZ`.
fn parse_stamp(v: &str) -> Option<Timestamp> {
    let v = v.trim().strip_suffix('Z')?;
    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
        .ok()
        .map(|dt| dt.and_utc())
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..8)?, "%Y%m%d").ok()
}

/// A DTSTART or DTEND: a date, a Danish local time, a UTC time (turned into Danish time) or a
/// floating time (taken as Danish time).
fn parse_time(l: &ContentLine) -> Result<EventTime, BrobyggerError> {
    let bad = || {
        err(
            CalendarCode::BadValue,
            l.line,
            format!("{} is not a date or a date and time", l.name),
        )
    };
    let v = l.value.trim();
    if l.param("VALUE")
        .is_some_and(|x| x.eq_ignore_ascii_case("DATE"))
        || v.len() == 8
    {
        return parse_date(v)
            .filter(|_| v.len() == 8)
            .map(|date| EventTime::Day { date })
            .ok_or_else(bad);
    }
    if let Some(tz) = l.param("TZID")
        && tz != TIME_ZONE
    {
        return Err(err(
            CalendarCode::OtherTimeZone,
            l.line,
            format!("{} is in another time zone", l.name),
        ));
    }
    let (body, utc) = match v.strip_suffix('Z') {
        Some(b) => (b, true),
        None => (v, false),
    };
    let dt = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    let local = if utc {
        let at = Utc.from_utc_datetime(&dt);
        let offset = copenhagen_offset_hours(at.date_naive());
        // The offset of the UTC day is right but for the two hours around a change.
        let fixed = chrono::FixedOffset::east_opt(offset * 3600).ok_or_else(bad)?;
        at.with_timezone(&fixed).naive_local()
    } else {
        dt
    };
    let time = ClockTime::new(
        u8::try_from(chrono::Timelike::hour(&local)).map_err(|_| bad())?,
        u8::try_from(chrono::Timelike::minute(&local)).map_err(|_| bad())?,
    )
    .ok_or_else(bad)?;
    Ok(EventTime::At {
        date: local.date(),
        time,
    })
}

fn parse_rrule(l: &ContentLine) -> Result<RepeatRule, BrobyggerError> {
    let bad = |what: &str| {
        err(
            CalendarCode::BadValue,
            l.line,
            format!("the repeat rule's {what} cannot be read"),
        )
    };
    let mut rule = RepeatRule {
        frequency: Frequency::Daily,
        interval: 1,
        by_day: Vec::new(),
        by_month: None,
        until: None,
    };
    let mut freq = None;
    for part in l.value.split(';').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').ok_or_else(|| bad("parts"))?;
        match k.to_ascii_uppercase().as_str() {
            "FREQ" => {
                freq = Some(match v.to_ascii_uppercase().as_str() {
                    "DAILY" => Frequency::Daily,
                    "WEEKLY" => Frequency::Weekly,
                    "MONTHLY" => Frequency::Monthly,
                    "YEARLY" => Frequency::Yearly,
                    _ => return Err(bad("FREQ")),
                })
            }
            "INTERVAL" => {
                rule.interval = v
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| bad("INTERVAL"))?
            }
            "BYMONTH" => {
                rule.by_month = Some(
                    v.parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| bad("BYMONTH"))?,
                )
            }
            "BYDAY" => {
                for d in v.split(',') {
                    let d = d.trim().to_ascii_uppercase();
                    let split = d.len().checked_sub(2).ok_or_else(|| bad("BYDAY"))?;
                    let day = d
                        .get(split..)
                        .and_then(weekday_of_code)
                        .ok_or_else(|| bad("BYDAY"))?;
                    let n = d.get(..split).unwrap_or("");
                    let nth = if n.is_empty() {
                        None
                    } else {
                        Some(
                            n.trim_start_matches('+')
                                .parse::<i8>()
                                .ok()
                                .filter(|x| *x != 0 && (-53..=53).contains(x))
                                .ok_or_else(|| bad("BYDAY"))?,
                        )
                    };
                    rule.by_day.push(WeekdayRule { nth, day });
                }
            }
            "UNTIL" => rule.until = Some(parse_date(v).ok_or_else(|| bad("UNTIL"))?),
            "WKST" => {}
            _ => return Err(bad(k)),
        }
    }
    rule.frequency = freq.ok_or_else(|| bad("FREQ"))?;
    Ok(rule)
}

fn parse_trigger(l: &ContentLine) -> Result<u32, BrobyggerError> {
    let v = l.value.trim();
    let days = v
        .strip_prefix("-P")
        .and_then(|r| r.strip_suffix('D'))
        .and_then(|n| n.parse::<u32>().ok());
    if let Some(d) = days {
        return Ok(d);
    }
    // Other relative triggers count in whole days before the start (rounded down).
    let weeks = v
        .strip_prefix("-P")
        .and_then(|r| r.strip_suffix('W'))
        .and_then(|n| n.parse::<u32>().ok())
        .and_then(|w| w.checked_mul(7));
    weeks.ok_or_else(|| {
        err(
            CalendarCode::BadValue,
            l.line,
            "an alarm's trigger is not a number of days or weeks before the start",
        )
    })
}

#[derive(Default)]
struct EventDraft {
    line: u32,
    uid: Option<String>,
    kind: Option<CalendarEventKind>,
    start: Option<EventTime>,
    end: Option<EventTime>,
    summary: Option<String>,
    description: Option<String>,
    location: Option<String>,
    categories: Vec<String>,
    repeat: Option<RepeatRule>,
    alarm: Option<Alarm>,
}

impl EventDraft {
    fn finish(self) -> Result<CalendarEvent, BrobyggerError> {
        let missing = |what: &str| {
            err(
                CalendarCode::MissingProperty,
                self.line,
                format!("the event has no {what}"),
            )
        };
        let start = self.start.ok_or_else(|| missing("DTSTART"))?;
        // Without an end, an event lasts its day (RFC 5545 §3.6.1).
        let end = self.end.unwrap_or(match start {
            EventTime::Day { date } => EventTime::Day {
                date: date.succ_opt().unwrap_or(date),
            },
            at => at,
        });
        Ok(CalendarEvent {
            uid: self.uid.clone().ok_or_else(|| missing("UID"))?,
            kind: self.kind.unwrap_or(CalendarEventKind::Other),
            start,
            end,
            summary: self.summary.clone().ok_or_else(|| missing("SUMMARY"))?,
            description: self.description,
            location: self.location,
            categories: self.categories,
            repeat: self.repeat,
            alarm: self.alarm,
        })
    }
}

/// Reads an iCalendar file: its first calendar with its events (`VEVENT`s; to-dos, journals
/// and other components are left aside). Every problem is a
/// [`Parse`](BrobyggerError::Parse) error with a `calendar.*` code and the line; no value of
/// the file is quoted.
pub fn read_ics(text: &str) -> Result<Calendar, BrobyggerError> {
    let lines = content_lines(text).map_err(|p| err(CalendarCode::Syntax, p.line, p.reason))?;
    let mut stack: Vec<String> = Vec::new();
    let mut calendar: Option<Calendar> = None;
    let mut name_lang: Option<Lang> = None;
    let mut name: Option<String> = None;
    let mut wr_name: Option<String> = None;
    let mut stamp: Option<Timestamp> = None;
    let mut event: Option<EventDraft> = None;
    let mut alarm: Option<(u32, Option<u32>, Option<String>)> = None;
    let mut events = Vec::new();
    let mut done = false;
    for l in &lines {
        if done {
            break;
        }
        match l.name.as_str() {
            "BEGIN" => {
                let what = l.value.trim().to_ascii_uppercase();
                if stack.is_empty() && what != "VCALENDAR" {
                    return Err(err(
                        CalendarCode::Structure,
                        l.line,
                        "the file does not start with BEGIN:VCALENDAR",
                    ));
                }
                if what == "VCALENDAR" {
                    calendar = Some(Calendar {
                        name: String::new(),
                        lang: Lang::Da,
                        stamp: Timestamp::default(),
                        events: Vec::new(),
                    });
                }
                let parent = stack.last().map(String::as_str);
                if what == "VEVENT" && parent == Some("VCALENDAR") {
                    event = Some(EventDraft {
                        line: l.line,
                        ..EventDraft::default()
                    });
                }
                if what == "VALARM" && parent == Some("VEVENT") {
                    alarm = Some((l.line, None, None));
                }
                stack.push(what);
            }
            "END" => {
                let what = l.value.trim().to_ascii_uppercase();
                if stack.pop().as_deref() != Some(what.as_str()) {
                    return Err(err(
                        CalendarCode::Structure,
                        l.line,
                        "an END that does not close the part last begun",
                    ));
                }
                match what.as_str() {
                    "VEVENT" if stack.last().map(String::as_str) == Some("VCALENDAR") => {
                        if let Some(e) = event.take() {
                            events.push(e.finish()?);
                        }
                    }
                    "VALARM" => {
                        if let (Some((line, days, text)), Some(e)) = (alarm.take(), event.as_mut())
                        {
                            // Only the first display alarm with a day trigger is kept.
                            if e.alarm.is_none() {
                                let days_before = days.ok_or_else(|| {
                                    err(
                                        CalendarCode::MissingProperty,
                                        line,
                                        "the alarm has no TRIGGER",
                                    )
                                })?;
                                e.alarm = Some(Alarm {
                                    days_before,
                                    text: text.unwrap_or_default(),
                                });
                            }
                        }
                    }
                    "VCALENDAR" => done = true,
                    _ => {}
                }
            }
            _ => {
                let here = stack.last().map(String::as_str);
                match here {
                    Some("VCALENDAR") => match l.name.as_str() {
                        "NAME" => {
                            name = Some(unescape_text(&l.value));
                            name_lang = l.param("LANGUAGE").and_then(Lang::parse);
                        }
                        "X-WR-CALNAME" => wr_name = Some(unescape_text(&l.value)),
                        "LAST-MODIFIED" => stamp = parse_stamp(&l.value).or(stamp),
                        "X-BROBYGGER-VERSION" => {
                            let v: u32 = l.value.trim().parse().map_err(|_| {
                                err(
                                    CalendarCode::BadValue,
                                    l.line,
                                    "the version is not a number",
                                )
                            })?;
                            if v > CALENDAR_VERSION {
                                return Err(err(
                                    CalendarCode::NewerVersion,
                                    l.line,
                                    format!(
                                        "version {v}; this library reads up to {CALENDAR_VERSION}"
                                    ),
                                ));
                            }
                        }
                        _ => {}
                    },
                    Some("VEVENT") => {
                        let Some(e) = event.as_mut() else { continue };
                        match l.name.as_str() {
                            "UID" => e.uid = Some(unescape_text(&l.value)),
                            "DTSTAMP" if stamp.is_none() => stamp = parse_stamp(&l.value),
                            "DTSTART" => e.start = Some(parse_time(l)?),
                            "DTEND" => e.end = Some(parse_time(l)?),
                            "RRULE" => e.repeat = Some(parse_rrule(l)?),
                            "SUMMARY" => e.summary = Some(unescape_text(&l.value)),
                            "DESCRIPTION" => e.description = Some(unescape_text(&l.value)),
                            "LOCATION" => e.location = Some(unescape_text(&l.value)),
                            "CATEGORIES" => e.categories.extend(split_text_list(&l.value)),
                            "X-BROBYGGER-KIND" => {
                                e.kind = CalendarEventKind::from_code(l.value.trim())
                            }
                            _ => {}
                        }
                    }
                    Some("VALARM") => {
                        if let Some(a) = alarm.as_mut() {
                            match l.name.as_str() {
                                "TRIGGER" => a.1 = Some(parse_trigger(l)?),
                                "DESCRIPTION" => a.2 = Some(unescape_text(&l.value)),
                                _ => {}
                            }
                        }
                    }
                    None => {
                        return Err(err(
                            CalendarCode::Structure,
                            l.line,
                            "a property outside BEGIN:VCALENDAR and END:VCALENDAR",
                        ));
                    }
                    _ => {}
                }
            }
        }
    }
    let last = lines.last().map_or(0, |l| l.line);
    let mut calendar = calendar.ok_or_else(|| {
        err(
            CalendarCode::Structure,
            last,
            "the file holds no BEGIN:VCALENDAR",
        )
    })?;
    if !done {
        return Err(err(
            CalendarCode::Structure,
            last,
            "the calendar is not closed by END:VCALENDAR",
        ));
    }
    calendar.name = name.or(wr_name).unwrap_or_default();
    calendar.lang = name_lang.unwrap_or(Lang::Da);
    calendar.stamp = stamp.unwrap_or_default();
    calendar.events = events;
    Ok(calendar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_summer_time_by_the_eu_rule() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(copenhagen_offset_hours(d("2016-03-26")), 1);
        assert_eq!(copenhagen_offset_hours(d("2016-03-27")), 2);
        assert_eq!(copenhagen_offset_hours(d("2016-10-29")), 2);
        assert_eq!(copenhagen_offset_hours(d("2016-10-30")), 1);
        assert_eq!(copenhagen_offset_hours(d("2024-01-15")), 1);
    }

    #[test]
    fn utc_times_become_danish_time() {
        let l = content_lines("DTSTART:20160405T170000Z").unwrap();
        assert_eq!(
            parse_time(&l[0]).unwrap(),
            EventTime::At {
                date: "2016-04-05".parse().unwrap(),
                time: ClockTime::new(19, 0).unwrap()
            }
        );
        let l = content_lines("DTSTART;TZID=America/New_York:20160405T170000").unwrap();
        assert_eq!(
            parse_time(&l[0]).unwrap_err().error_code().as_str(),
            "calendar.other_time_zone"
        );
    }

    #[test]
    fn broken_files_are_located_errors() {
        for (text, code) in [
            ("", "calendar.structure"),
            ("BEGIN:VEVENT\r\nEND:VEVENT\r\n", "calendar.structure"),
            (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
                "calendar.structure",
            ),
            ("BEGIN:VCALENDAR\r\nno colon here\r\n", "calendar.syntax"),
            (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "calendar.missing_property",
            ),
            (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2016\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "calendar.bad_value",
            ),
            (
                "BEGIN:VCALENDAR\r\nX-BROBYGGER-VERSION:99\r\nEND:VCALENDAR\r\n",
                "calendar.newer_version",
            ),
        ] {
            let e = read_ics(text).unwrap_err();
            assert_eq!(e.error_code().as_str(), code, "{text:?}");
        }
    }
}
