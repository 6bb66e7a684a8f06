//! A dossier's calendar: what its partnership has fixed in time, as events.
//!
//! - **Fixed meetings** (routines) of every agreement in force, each a series from its next
//!   meeting: one cadence after it last met (or after the term began), but never sooner than
//!   the agreed notice allows, on a weekday, repeating as "the second Tuesday every third
//!   month" so the day stays a working day; until the term ends. Its alarm is the notice: the
//!   day the invitation and agenda must go out (001 "Handling i fokus").
//! - **Meetings held**, from the agreements' meeting records.
//! - **Activities**: each running offer of the association directory on its schedule.
//! - **Dated tasks** within the horizon: planned reviews, the end of a term, briefing the
//!   committee again, and for coordinators the introductions of volunteer offers due (the
//!   reminders' rules; what is overdue is shown on the day the calendar is made).
//! - **Follow-up check-ins** of running relationships, for coordinators: a series from the next
//!   one due, on the schedule of the rule set.
//!
//! Times of day follow the forum's usual time (morning 09–11, daytime 10–12, afternoon 15–17,
//! evening 19–21, Danish time) or an offer's opening hours; without one an event is a whole
//! day. Households appear only in a coordinator's calendar and only by pseudonymous id.

use crate::agreement::{Agreement, Cadence, MeetingForum, TimeOfDay};
use crate::calendar::model::{
    Alarm, Calendar, CalendarAudience, CalendarEvent, CalendarEventKind, CalendarOptions,
    EventTime, Frequency, RepeatRule, WeekdayRule,
};
use crate::directory::model::{Address, ClockTime, OfferStatus, Recurrence, Visibility};
use crate::dossier::Dossier;
use crate::finding::{SeedDocument, SourceRef};
use crate::i18n::plural::DAY;
use crate::i18n::{Label, Lang, t};
use crate::matching::lookup::find_rule_set;
use crate::matching::model::profile::Weekday;
use crate::reminders::{ReminderKind, ReminderState, forum_name, reminders};
use crate::time::start_of_day;
use chrono::{Datelike, Days, NaiveDate};
use sha2::{Digest, Sha256};

/// A stable event id from what the event is about: a hash, so it shows no id of the dossier.
pub(crate) fn uid(key: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"brobygger/calendar/");
    h.update(key.as_bytes());
    let hex: String = h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{hex}@brobygger")
}

fn plus(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

fn weekday(d: NaiveDate) -> Weekday {
    match d.weekday() {
        chrono::Weekday::Mon => Weekday::Monday,
        chrono::Weekday::Tue => Weekday::Tuesday,
        chrono::Weekday::Wed => Weekday::Wednesday,
        chrono::Weekday::Thu => Weekday::Thursday,
        chrono::Weekday::Fri => Weekday::Friday,
        chrono::Weekday::Sat => Weekday::Saturday,
        chrono::Weekday::Sun => Weekday::Sunday,
    }
}

/// Which of its weekday in the month `d` is: 1–4, or −1 for the fifth (always the last).
fn nth_in_month(d: NaiveDate) -> i8 {
    match (d.day() - 1) / 7 + 1 {
        5 => -1,
        n => i8::try_from(n).unwrap_or(-1),
    }
}

/// Whether `d` is the `nth` (1–5, or −1…−5 from the end) of its weekday in its month.
pub(crate) fn is_nth_in_month(d: NaiveDate, nth: i8) -> bool {
    if nth > 0 {
        i64::from((d.day() - 1) / 7 + 1) == i64::from(nth)
    } else {
        let days_in_month = (28..=31)
            .rev()
            .find(|n| NaiveDate::from_ymd_opt(d.year(), d.month(), *n).is_some())
            .unwrap_or(28);
        i64::from((days_in_month - d.day()) / 7 + 1) == -i64::from(nth)
    }
}

/// The first working day (Monday to Friday) on or after `d`.
fn working_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        chrono::Weekday::Sat => plus(d, 2),
        chrono::Weekday::Sun => plus(d, 1),
        _ => d,
    }
}

/// When a forum's meetings usually start and end.
fn hours(time: TimeOfDay) -> Option<(ClockTime, ClockTime)> {
    let (from, to) = match time {
        TimeOfDay::Morning => (9, 11),
        TimeOfDay::Daytime => (10, 12),
        TimeOfDay::Afternoon => (15, 17),
        TimeOfDay::Evening => (19, 21),
    };
    Some((ClockTime::new(from, 0)?, ClockTime::new(to, 0)?))
}

/// A day, or the forum's usual hours on it.
fn span(date: NaiveDate, time: Option<(ClockTime, ClockTime)>) -> (EventTime, EventTime) {
    match time {
        Some((from, to)) => (
            EventTime::At { date, time: from },
            EventTime::At { date, time: to },
        ),
        None => whole_day(date),
    }
}

fn whole_day(date: NaiveDate) -> (EventTime, EventTime) {
    (
        EventTime::Day { date },
        EventTime::Day {
            date: date.succ_opt().unwrap_or(date),
        },
    )
}

/// The series a forum's cadence gives from `anchor` (a working day for every cadence counted
/// in weeks, months or years).
fn cadence_rule(c: &Cadence, anchor: NaiveDate, until: Option<NaiveDate>) -> RepeatRule {
    let nth = |d: NaiveDate| WeekdayRule {
        nth: Some(nth_in_month(d)),
        day: weekday(d),
    };
    let every = |d: NaiveDate| WeekdayRule {
        nth: None,
        day: weekday(d),
    };
    let (frequency, interval, by_day, by_month) = match c {
        Cadence::Weekly => (Frequency::Weekly, 1, vec![every(anchor)], None),
        Cadence::Biweekly => (Frequency::Weekly, 2, vec![every(anchor)], None),
        Cadence::Monthly => (Frequency::Monthly, 1, vec![nth(anchor)], None),
        Cadence::Quarterly => (Frequency::Monthly, 3, vec![nth(anchor)], None),
        Cadence::HalfYearly => (Frequency::Monthly, 6, vec![nth(anchor)], None),
        Cadence::Yearly => (
            Frequency::Yearly,
            1,
            vec![nth(anchor)],
            u8::try_from(anchor.month()).ok(),
        ),
        Cadence::EveryDays { days } => (Frequency::Daily, (*days).max(1), Vec::new(), None),
    };
    RepeatRule {
        frequency,
        interval,
        by_day,
        by_month,
        until,
    }
}

/// Builds the calendar of `dossier` for `options`.
pub(crate) fn build(dossier: &Dossier, options: CalendarOptions) -> Calendar {
    let lang = options.lang;
    let mut events = Vec::new();
    if options.audience != CalendarAudience::Public {
        for a in &dossier.agreements {
            routines(dossier, a, options, &mut events);
            meetings_held(a, lang, &mut events);
        }
    }
    activities(dossier, options, &mut events);
    if options.audience != CalendarAudience::Public {
        tasks(dossier, options, &mut events);
        for a in &dossier.agreements {
            action_items(dossier, a, options, &mut events);
        }
    }
    if options.audience == CalendarAudience::Coordinator {
        check_ins(dossier, options, &mut events);
    }
    // iCalendar writes four-digit years: an event beyond them (a mistyped date) is left out.
    events.retain(representable);
    let name = match lang {
        Lang::Da => format!("{}: partnerskabets kalender", dossier.title),
        Lang::En => format!("{}: the partnership's calendar", dossier.title),
    };
    Calendar {
        name,
        lang,
        // The stamp too must have a four-digit year.
        stamp: start_of_day(options.as_of.clamp(
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX),
        )),
        events,
    }
}

/// Whether every day of `e` has a year iCalendar can write (1 to 9999).
pub(crate) fn representable(e: &CalendarEvent) -> bool {
    let ok = |d: NaiveDate| (1..=9999).contains(&d.year());
    ok(e.start.date()) && ok(e.end.date()) && e.repeat.as_ref().and_then(|r| r.until).is_none_or(ok)
}

/// The version of an agreement in force on `date` and its terms.
fn in_force(a: &Agreement, date: NaiveDate) -> Option<&crate::agreement::AgreementTerms> {
    let mut found = None;
    for v in &a.versions {
        match &v.amendment {
            Some(am) if am.on > date => {}
            _ => found = Some(&v.terms),
        }
    }
    found.or_else(|| a.versions.first().map(|v| &v.terms))
}

fn routines(d: &Dossier, a: &Agreement, o: CalendarOptions, out: &mut Vec<CalendarEvent>) {
    let lang = o.lang;
    if !a.status_on(o.as_of).is_binding() {
        return;
    }
    let Some(terms) = in_force(a, o.as_of) else {
        return;
    };
    for forum in &terms.routines {
        let interval = forum.cadence.interval_days().max(1);
        let last = a
            .meetings
            .iter()
            .filter(|m| m.forum == forum.id && m.held_on <= o.as_of)
            .map(|m| m.held_on)
            .max();
        let due = plus(last.unwrap_or(terms.term.start), interval);
        // Never sooner than the invitation can go out with the agreed notice.
        let earliest = plus(o.as_of, forum.notice_days);
        let mut anchor = due.max(earliest);
        if !matches!(forum.cadence, Cadence::EveryDays { .. }) {
            anchor = working_day(anchor);
        }
        if terms.term.end.is_some_and(|end| anchor > end) {
            continue;
        }
        let (start, end) = span(anchor, forum.usual_time.and_then(hours));
        let convener = forum
            .convened_by
            .as_ref()
            .and_then(|p| d.post(p))
            .map(|p| p.title.clone());
        let mut description = match lang {
            Lang::Da => format!(
                "Fast møde under {} ({}), {}.",
                terms.title,
                a.id,
                forum.cadence.every(lang)
            ),
            Lang::En => format!(
                "Fixed meeting under {} ({}), {}.",
                terms.title,
                a.id,
                forum.cadence.every(lang)
            ),
        };
        description.push(' ');
        description.push_str(&notice_text(forum, convener.as_deref(), lang));
        if let Some(time) = forum.usual_time {
            description.push(' ');
            description.push_str(&match lang {
                Lang::Da => format!("Sædvanligt tidspunkt: {}.", time.label(lang)),
                Lang::En => format!("Usual time: {}.", time.label(lang)),
            });
        }
        let participants: Vec<String> = forum
            .participants
            .iter()
            .map(|p| d.party_label(p, lang))
            .collect();
        if !participants.is_empty() {
            description.push(' ');
            description.push_str(t(lang, "Deltagere: ", "Participants: "));
            description.push_str(&participants.join(", "));
            description.push('.');
        }
        out.push(CalendarEvent {
            uid: uid(&format!("routine/{}/{}", a.id, forum.id)),
            kind: CalendarEventKind::Routine,
            start,
            end,
            summary: forum.name.clone(),
            description: Some(description),
            location: None,
            categories: vec![CalendarEventKind::Routine.label(lang).to_owned()],
            repeat: Some(cadence_rule(&forum.cadence, anchor, terms.term.end)),
            alarm: (forum.notice_days > 0).then(|| Alarm {
                days_before: forum.notice_days,
                text: match lang {
                    Lang::Da => format!("Send indkaldelse og dagsorden til {} i dag.", forum.name),
                    Lang::En => format!("Send the invitation and agenda for {} today.", forum.name),
                },
            }),
        });
    }
}

fn notice_text(forum: &MeetingForum, convener: Option<&str>, lang: Lang) -> String {
    let days = DAY.count(lang, u64::from(forum.notice_days));
    match (lang, convener) {
        (Lang::Da, Some(c)) => {
            format!("Indkaldelse og dagsorden senest {days} før (indkaldes af {c}).")
        }
        (Lang::Da, None) => format!("Indkaldelse og dagsorden senest {days} før."),
        (Lang::En, Some(c)) => {
            format!("Invitation and agenda at least {days} before (convened by the {c}).")
        }
        (Lang::En, None) => format!("Invitation and agenda at least {days} before."),
    }
}

fn meetings_held(a: &Agreement, lang: Lang, out: &mut Vec<CalendarEvent>) {
    for (k, m) in a.meetings.iter().enumerate() {
        let forum = in_force(a, m.held_on)
            .into_iter()
            .chain(a.versions.iter().rev().map(|v| &v.terms))
            .flat_map(|terms| terms.routines.iter())
            .find(|f| f.id == m.forum);
        let name = forum.map_or_else(|| m.forum.to_string(), |f| f.name.clone());
        let (start, end) = span(m.held_on, forum.and_then(|f| f.usual_time).and_then(hours));
        let mut description = match lang {
            Lang::Da => format!("Holdt under {}.", a.title()),
            Lang::En => format!("Held under {}.", a.title()),
        };
        if let (Some(inv), Some(days)) = (m.invited_on, m.notice_given()) {
            let n = DAY.count(lang, u64::try_from(days.max(0)).unwrap_or(0));
            description.push(' ');
            description.push_str(&match lang {
                Lang::Da => format!("Indkaldt {inv} ({n} før)."),
                Lang::En => format!("Invited on {inv} ({n} before)."),
            });
        }
        description.push(' ');
        description.push_str(if m.agenda_sent {
            t(
                lang,
                "Dagsorden sendt med indkaldelsen.",
                "Agenda sent with the invitation.",
            )
        } else {
            t(
                lang,
                "Ingen dagsorden med indkaldelsen.",
                "No agenda with the invitation.",
            )
        });
        for (label, lines) in [
            (t(lang, "Dagsorden", "Agenda"), &m.agenda),
            (t(lang, "Beslutninger", "Decisions"), &m.decisions),
        ] {
            if !lines.is_empty() {
                description.push_str(&format!("\n{label}:"));
                for (n, line) in lines.iter().enumerate() {
                    description.push_str(&format!("\n{}. {line}", n + 1));
                }
            }
        }
        out.push(CalendarEvent {
            uid: uid(&format!("meeting/{}/{}/{}/{k}", a.id, m.forum, m.held_on)),
            kind: CalendarEventKind::Meeting,
            start,
            end,
            summary: name,
            description: Some(description),
            location: None,
            categories: vec![CalendarEventKind::Meeting.label(lang).to_owned()],
            repeat: None,
            alarm: None,
        });
    }
}

/// Every action item of the agreement's meetings still open on the calendar's day, on its due
/// day; an overdue one on the calendar's day, marked overdue, so it is not lost in the past.
/// Owners are posts and parties, never households, so the partnership's calendar shows them too.
fn action_items(d: &Dossier, a: &Agreement, o: CalendarOptions, out: &mut Vec<CalendarEvent>) {
    let lang = o.lang;
    for (k, m) in a.meetings.iter().enumerate() {
        let forum = forum_name(a, m);
        for (j, item) in m.action_items.iter().enumerate() {
            if !item.open_on(o.as_of) {
                continue;
            }
            let owner = d.action_owner_text(&item.owner);
            let owner = owner.get(lang);
            let label = capitalised(CalendarEventKind::ActionItem.label(lang));
            let (day, summary) = if item.due < o.as_of {
                (
                    o.as_of,
                    format!(
                        "{label}: {} ({})",
                        item.what,
                        t(lang, "overskredet", "overdue")
                    ),
                )
            } else {
                (item.due, format!("{label}: {}", item.what))
            };
            let due = item.due;
            let held = m.held_on;
            let title = a.title();
            let cite = SourceRef::new(SeedDocument::Lbb2017, "Handling i fokus").cite();
            let description = match lang {
                Lang::Da => format!(
                    "Ansvarlig: {owner}. Frist: {due}. Besluttet på mødet i «{forum}» {held} under {title} ({cite})."
                ),
                Lang::En => format!(
                    "Owner: {owner}. Due: {due}. Agreed at the \"{forum}\" meeting on {held} under {title} ({cite})."
                ),
            };
            let (start, end) = whole_day(day);
            out.push(CalendarEvent {
                uid: uid(&format!("action/{}/{k}/{j}", a.id)),
                kind: CalendarEventKind::ActionItem,
                start,
                end,
                summary,
                description: Some(description),
                location: None,
                categories: vec![CalendarEventKind::ActionItem.label(lang).to_owned()],
                repeat: None,
                alarm: None,
            });
        }
    }
}

fn address_text(a: &Address) -> String {
    format!("{}, {} {}", a.street, a.postal_code, a.city)
}

fn activities(d: &Dossier, o: CalendarOptions, out: &mut Vec<CalendarEvent>) {
    let lang = o.lang;
    for entry in &d.directory {
        if o.audience == CalendarAudience::Public && entry.visibility != Visibility::Public {
            continue;
        }
        // A champion is a person: never named (validation refuses listing one anyway).
        let org = d
            .organisation(&entry.organisation)
            .filter(|x| !x.is_individual())
            .map(|x| x.name.clone());
        for offer in &entry.offers {
            if offer.status != OfferStatus::Active {
                continue;
            }
            for (k, rule) in offer.schedule.iter().enumerate() {
                if rule.days.is_empty() || rule.valid_to.is_some_and(|to| to < o.as_of) {
                    continue;
                }
                let by_day: Vec<WeekdayRule> = rule
                    .days
                    .iter()
                    .map(|day| WeekdayRule {
                        nth: match rule.recurrence {
                            Recurrence::Monthly { nth } => Some(nth),
                            _ => None,
                        },
                        day: *day,
                    })
                    .collect();
                let (frequency, interval) = match rule.recurrence {
                    Recurrence::Weekly => (Frequency::Weekly, 1),
                    Recurrence::EveryOtherWeek => (Frequency::Weekly, 2),
                    Recurrence::Monthly { .. } => (Frequency::Monthly, 1),
                };
                // Counted from the rule's first day when it has one (every other week needs
                // it), else from the day the calendar is made.
                let from = rule.valid_from.unwrap_or(o.as_of);
                let Some(first) = first_occurrence(from, &by_day, rule.valid_to) else {
                    continue;
                };
                let time = rule.opens.map(|opens| {
                    let closes = rule.closes.unwrap_or_else(|| {
                        ClockTime::new(opens.hour().saturating_add(2).min(23), opens.minute())
                            .unwrap_or(opens)
                    });
                    (opens, closes)
                });
                let (start, end) = span(first, time);
                let mut description = Vec::new();
                if let Some(org) = &org {
                    description.push(org.clone());
                }
                if let Some(text) = &offer.description {
                    description.push(text.clone());
                }
                if let Some(note) = &rule.note {
                    description.push(note.clone());
                }
                let location = offer
                    .address
                    .as_ref()
                    .or(entry.premises.as_ref())
                    .map(address_text)
                    .or_else(|| offer.area.clone());
                out.push(CalendarEvent {
                    uid: uid(&format!("activity/{}/{k}", offer.id)),
                    kind: CalendarEventKind::Activity,
                    start,
                    end,
                    summary: offer.name.clone(),
                    description: (!description.is_empty()).then(|| description.join("\n")),
                    location,
                    categories: vec![
                        CalendarEventKind::Activity.label(lang).to_owned(),
                        offer.kind.label(lang).to_owned(),
                    ],
                    repeat: Some(RepeatRule {
                        frequency,
                        interval,
                        by_day,
                        by_month: None,
                        until: rule.valid_to,
                    }),
                    alarm: None,
                });
            }
        }
    }
}

/// The first day on or after `from` that a weekly or monthly weekday rule gives, within a year
/// and before `until`.
fn first_occurrence(
    from: NaiveDate,
    by_day: &[WeekdayRule],
    until: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let mut d = from;
    for _ in 0..400 {
        if until.is_some_and(|u| d > u) {
            return None;
        }
        let hit = by_day
            .iter()
            .any(|w| w.day == weekday(d) && w.nth.is_none_or(|n| is_nth_in_month(d, n)));
        if hit {
            return Some(d);
        }
        d = d.succ_opt()?;
    }
    None
}

fn tasks(d: &Dossier, o: CalendarOptions, out: &mut Vec<CalendarEvent>) {
    let lang = o.lang;
    for r in reminders(d, o.as_of, o.horizon_days) {
        let kind = match r.kind {
            ReminderKind::Review => CalendarEventKind::Review,
            ReminderKind::TermEnd => CalendarEventKind::TermEnd,
            ReminderKind::CommitteeBriefing => CalendarEventKind::CommitteeBriefing,
            ReminderKind::Introduction if o.audience == CalendarAudience::Coordinator => {
                CalendarEventKind::Introduction
            }
            // Meetings are the routines' series (with the notice as their alarm), check-ins
            // and action items their own events; introductions are for coordinators only.
            ReminderKind::Introduction
            | ReminderKind::Meeting
            | ReminderKind::CheckIn
            | ReminderKind::ActionItem => {
                continue;
            }
        };
        // An agreement by its title; a household by its pseudonymous id (coordinators only).
        let what = r.agreement.as_ref().map_or_else(
            || r.subject.clone(),
            |a| {
                d.agreement(a)
                    .map_or_else(|| a.to_string(), |x| x.title().to_owned())
            },
        );
        let label = capitalised(kind.label(lang));
        let (day, summary) = match r.state {
            ReminderState::Overdue => (
                o.as_of.max(r.due_on),
                format!("{label}: {what} ({})", t(lang, "overskredet", "overdue")),
            ),
            ReminderState::Due => (r.due_on, format!("{label}: {what}")),
        };
        let mut description = r.text.get(lang).to_owned();
        if let Some(s) = &r.source {
            description.push_str(&format!(" ({})", s.cite()));
        }
        let (start, end) = whole_day(day);
        out.push(CalendarEvent {
            uid: uid(&format!("task/{}/{}/{}", kind.code(), r.path, r.due_on)),
            kind,
            start,
            end,
            summary,
            description: Some(description),
            location: None,
            categories: vec![kind.label(lang).to_owned()],
            repeat: None,
            alarm: None,
        });
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn check_ins(d: &Dossier, o: CalendarOptions, out: &mut Vec<CalendarEvent>) {
    let lang = o.lang;
    for r in &d.relationships {
        let schedule = r
            .rule_set
            .as_ref()
            .and_then(|id| find_rule_set(d, id))
            .and_then(|rs| rs.follow_up)
            .unwrap_or_default();
        let Some(due) = schedule.next_due(r, o.as_of) else {
            continue;
        };
        if due > plus(o.as_of, o.horizon_days) {
            continue;
        }
        let day = due.max(o.as_of);
        let (start, end) = whole_day(day);
        let label = capitalised(CalendarEventKind::CheckIn.label(lang));
        let every = DAY.count(lang, u64::from(schedule.every_days.max(1)));
        let description = match lang {
            Lang::Da => format!(
                "Hold opfølgning på forløbet {} mellem {} og {}; derefter hver {every}.{}",
                r.id,
                r.newcomer,
                r.offer,
                if due < o.as_of {
                    format!(" Skulle have været holdt {due}.")
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "Hold a follow-up check-in on the relationship {} of {} and {}; then every {every}.{}",
                r.id,
                r.newcomer,
                r.offer,
                if due < o.as_of {
                    format!(" It was due on {due}.")
                } else {
                    String::new()
                }
            ),
        };
        out.push(CalendarEvent {
            uid: uid(&format!("check-in/{}", r.id)),
            kind: CalendarEventKind::CheckIn,
            start,
            end,
            summary: format!("{label}: {}", r.id),
            description: Some(description),
            location: None,
            categories: vec![CalendarEventKind::CheckIn.label(lang).to_owned()],
            repeat: Some(RepeatRule {
                frequency: Frequency::Daily,
                interval: schedule.every_days.max(1),
                by_day: Vec::new(),
                by_month: None,
                until: None,
            }),
            alarm: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn nth_weekday_of_the_month() {
        assert_eq!(nth_in_month(day("2016-04-12")), 2); // second Tuesday
        assert_eq!(nth_in_month(day("2016-03-29")), -1); // fifth (last) Tuesday
        assert!(is_nth_in_month(day("2016-03-29"), -1));
        assert!(is_nth_in_month(day("2016-03-22"), 4));
        assert!(!is_nth_in_month(day("2016-03-22"), -1));
        assert!(is_nth_in_month(day("2016-02-23"), -1));
    }

    #[test]
    fn weekends_move_to_monday() {
        assert_eq!(working_day(day("2016-04-02")), day("2016-04-04"));
        assert_eq!(working_day(day("2016-04-03")), day("2016-04-04"));
        assert_eq!(working_day(day("2016-04-05")), day("2016-04-05"));
    }
}
