//! A calendar as data: events with their day or time (Danish local time), how they repeat,
//! their alarm, and what they are about; the options a calendar is made with, and its codes.
//!
//! The same types are what [`crate::calendar`] writes as iCalendar and reads back, so a file
//! and its data convert both ways without loss.

use crate::directory::model::ClockTime;
use crate::i18n::{Lang, labels};
use crate::matching::model::profile::Weekday;
use crate::time::Timestamp;
use chrono::NaiveDate;

/// The version of brobygger's calendar files (`X-BROBYGGER-VERSION`); a newer one is refused.
pub const CALENDAR_VERSION: u32 = 1;

/// How far ahead a calendar looks for dated tasks by default: a year.
pub const DEFAULT_CALENDAR_HORIZON_DAYS: u32 = 365;

/// A partnership's calendar: what it writes as one iCalendar file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Calendar {
    /// The calendar's name, shown by calendar apps (`NAME`, `X-WR-CALNAME`).
    pub name: String,
    /// The language of its texts.
    pub lang: Lang,
    /// When it was made (every event's `DTSTAMP`): the start of the day it was made as of.
    pub stamp: Timestamp,
    /// The events, in the order written.
    pub events: Vec<CalendarEvent>,
}

/// One event: a single day or time, or a series.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CalendarEvent {
    /// A stable id: the same event has the same id in every export, so a subscribed calendar
    /// updates it instead of adding a copy. Made from a hash of what the event is about, so it
    /// shows no id of the dossier.
    pub uid: String,
    /// What the event is about.
    pub kind: CalendarEventKind,
    /// The first (or only) day or time.
    pub start: EventTime,
    /// When the first occurrence ends: for a whole-day event the day after its last day (as
    /// iCalendar counts), for a timed one the time it ends.
    pub end: EventTime,
    /// The title.
    pub summary: String,
    /// The text shown with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Categories a calendar app can filter on, in the calendar's language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// How it repeats, for a series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<RepeatRule>,
    /// A reminder shown some days before each occurrence (the notice a meeting's invitation
    /// needs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm: Option<Alarm>,
}

/// What a calendar event is about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CalendarEventKind {
    /// A fixed meeting forum of an agreement, as a series from its next meeting (001 "Handling
    /// i fokus").
    Routine,
    /// A meeting held (from the agreement's meeting records).
    Meeting,
    /// An offer's activity on its schedule (the association directory).
    Activity,
    /// A planned review of an agreement.
    Review,
    /// The end of an agreement's term.
    TermEnd,
    /// Briefing the political committee again.
    CommitteeBriefing,
    /// Introducing volunteer offers to a newcomer household (for coordinators only).
    Introduction,
    /// Follow-up check-ins of a running relationship (for coordinators only).
    CheckIn,
    /// An action item a meeting agreed, on its due day while it is open (overdue ones on the
    /// calendar's day).
    ActionItem,
    /// An event of another calendar, read from a file that did not say.
    Other,
}

labels!(CalendarEventKind, "calendar_event_kind" {
    Routine => ("fast møde", "fixed meeting"),
    Meeting => ("afholdt møde", "meeting held"),
    Activity => ("aktivitet", "activity"),
    Review => ("revision", "review"),
    TermEnd => ("aftalens udløb", "end of term"),
    CommitteeBriefing => ("orientering af udvalg", "committee briefing"),
    Introduction => ("introduktion", "introduction"),
    CheckIn => ("opfølgning på forløb", "follow-up check-in"),
    ActionItem => ("opgave fra møde", "action item"),
    Other => ("anden begivenhed", "other event"),
});

impl CalendarEventKind {
    /// The value written in files (`X-BROBYGGER-KIND`), e.g. `term_end`.
    pub fn code(self) -> &'static str {
        match self {
            CalendarEventKind::Routine => "routine",
            CalendarEventKind::Meeting => "meeting",
            CalendarEventKind::Activity => "activity",
            CalendarEventKind::Review => "review",
            CalendarEventKind::TermEnd => "term_end",
            CalendarEventKind::CommitteeBriefing => "committee_briefing",
            CalendarEventKind::Introduction => "introduction",
            CalendarEventKind::CheckIn => "check_in",
            CalendarEventKind::ActionItem => "action_item",
            CalendarEventKind::Other => "other",
        }
    }

    /// Every kind, in declaration order.
    pub const ALL: [CalendarEventKind; 10] = [
        CalendarEventKind::Routine,
        CalendarEventKind::Meeting,
        CalendarEventKind::Activity,
        CalendarEventKind::Review,
        CalendarEventKind::TermEnd,
        CalendarEventKind::CommitteeBriefing,
        CalendarEventKind::Introduction,
        CalendarEventKind::CheckIn,
        CalendarEventKind::ActionItem,
        CalendarEventKind::Other,
    ];

    /// The kind written `code`, if it is one.
    pub fn from_code(code: &str) -> Option<CalendarEventKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A day, or a day and a time in Danish local time (Europe/Copenhagen).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EventTime {
    /// A whole day.
    Day {
        /// The day.
        date: NaiveDate,
    },
    /// A time on a day, Danish local time.
    At {
        /// The day.
        date: NaiveDate,
        /// The time of day.
        time: ClockTime,
    },
}

impl EventTime {
    /// The day.
    pub fn date(self) -> NaiveDate {
        match self {
            EventTime::Day { date } | EventTime::At { date, .. } => date,
        }
    }
}

/// How an event repeats (a subset of RFC 5545's RRULE: what partnerships' routines and
/// activity schedules need).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RepeatRule {
    /// Days, weeks, months or years.
    pub frequency: Frequency,
    /// Every how many of them (at least 1).
    pub interval: u32,
    /// On which weekdays, each optionally the nth in the month (or year): `2TU` is the second
    /// Tuesday, `-1FR` the last Friday.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_day: Vec<WeekdayRule>,
    /// In which month (1–12), for a yearly rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_month: Option<u8>,
    /// The last day an occurrence may fall on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// The unit of a [`RepeatRule`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Frequency {
    /// Days.
    Daily,
    /// Weeks.
    Weekly,
    /// Months.
    Monthly,
    /// Years.
    Yearly,
}

impl Frequency {
    /// The RRULE name, e.g. `WEEKLY`.
    pub fn code(self) -> &'static str {
        match self {
            Frequency::Daily => "DAILY",
            Frequency::Weekly => "WEEKLY",
            Frequency::Monthly => "MONTHLY",
            Frequency::Yearly => "YEARLY",
        }
    }
}

/// A weekday in a [`RepeatRule`], optionally the nth of the period (1–5, or −1 to −5 from
/// the end).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeekdayRule {
    /// Which one in the period, if not every one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth: Option<i8>,
    /// The weekday.
    pub day: Weekday,
}

/// A reminder shown before each occurrence of an event.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Alarm {
    /// How many days before the start.
    pub days_before: u32,
    /// What it says.
    pub text: String,
}

/// Who a calendar is for: what it may show about the partnership and its households.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CalendarAudience {
    /// The coordinators: everything, households and relationships by their pseudonymous ids
    /// only (introductions and check-ins).
    #[default]
    Coordinator,
    /// The partnership's people (steering group, volunteers): meetings, activities and the
    /// agreements' dates, nothing about any household.
    Partnership,
    /// Anyone (a public web page, newcomers): the activities of associations listed publicly,
    /// nothing else.
    Public,
}

labels!(CalendarAudience, "calendar_audience" {
    Coordinator => ("koordinatorer", "coordinators"),
    Partnership => ("partnerskabet", "the partnership"),
    Public => ("alle", "everyone"),
});

/// How a calendar is made: [`CalendarFacet::export`](crate::calendar::CalendarFacet::export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CalendarOptions {
    /// The day it is made as of: series start from the next occurrence after it.
    pub as_of: NaiveDate,
    /// The language of its texts.
    pub lang: Lang,
    /// Who it is for.
    pub audience: CalendarAudience,
    /// How far ahead dated tasks (reviews, ends of term, briefings, introductions) are taken
    /// ([`DEFAULT_CALENDAR_HORIZON_DAYS`] by default).
    #[cfg_attr(feature = "uniffi", uniffi(default = 365))]
    pub horizon_days: u32,
}

impl CalendarOptions {
    /// As of `as_of`, in Danish, for coordinators, a year ahead.
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            lang: Lang::Da,
            audience: CalendarAudience::Coordinator,
            horizon_days: DEFAULT_CALENDAR_HORIZON_DAYS,
        }
    }

    /// In `lang`.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// For `audience`.
    pub fn audience(mut self, audience: CalendarAudience) -> Self {
        self.audience = audience;
        self
    }

    /// Looking `days` ahead for dated tasks.
    pub fn horizon(mut self, days: u32) -> Self {
        self.horizon_days = days;
        self
    }
}

impl From<NaiveDate> for CalendarOptions {
    fn from(as_of: NaiveDate) -> Self {
        Self::new(as_of)
    }
}

crate::code::codes! {
    /// Reading an iCalendar file.
    pub enum CalendarCode in "calendar" {
        /// A line of the file is not an iCalendar content line.
        Syntax = "calendar.syntax", error(Parse),
            "En linje i kalenderfilen kan ikke læses som iCalendar (RFC 5545).",
            "A line of the calendar file cannot be read as iCalendar (RFC 5545).";
        /// The file holds no calendar, or its components are not closed in order.
        Structure = "calendar.structure", error(Parse),
            "Kalenderfilen har ingen kalender, eller dens dele (BEGIN/END) passer ikke sammen.",
            "The calendar file holds no calendar, or its parts (BEGIN/END) do not match.";
        /// A value the library does not read: a date, a time, a repeat rule or an alarm in a
        /// form it does not support.
        BadValue = "calendar.bad_value", error(Parse),
            "En værdi i kalenderfilen kan ikke læses (dato, klokkeslæt, gentagelse eller alarm).",
            "A value of the calendar file cannot be read (a date, a time, a repeat rule or an alarm).";
        /// An event without a required property (UID, DTSTART, SUMMARY).
        MissingProperty = "calendar.missing_property", error(Parse),
            "En begivenhed mangler en nødvendig egenskab (UID, DTSTART eller SUMMARY).",
            "An event lacks a required property (UID, DTSTART or SUMMARY).";
        /// A time in another time zone than Danish time or UTC.
        OtherTimeZone = "calendar.other_time_zone", error(Parse),
            "Et tidspunkt er i en anden tidszone end dansk tid; kun Europe/Copenhagen læses.",
            "A time is in another time zone than Danish time; only Europe/Copenhagen is read.";
        /// A calendar file written by a newer version of the library.
        NewerVersion = "calendar.newer_version", error(Parse),
            "Kalenderfilen er skrevet af en nyere version af brobygger.",
            "The calendar file was written by a newer version of brobygger.";
    }
}
