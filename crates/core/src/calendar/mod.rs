//! Calendars: what a partnership has fixed in time, as iCalendar (RFC 5545) files a coordinator
//! imports or subscribes to.
//!
//! 001 asks for "faste mødefora" and "mødeindkaldelser i god tid"; a partnership's days live in
//! people's calendars, not in a report. [`CalendarFacet::export`] makes a [`Calendar`] of a
//! dossier as of a day:
//!
//! - each agreement's fixed meetings as a series (`RRULE`) from the next meeting, with the
//!   notice as an alarm, until the term ends; the meetings held;
//! - the association directory's running offers on their schedules;
//! - the planned reviews, ends of term and committee briefings within the horizon;
//! - for coordinators only, the introductions due and the relationships' follow-up check-ins,
//!   households named by their pseudonymous ids only.
//!
//! [`Calendar::to_ics`] writes the file (Europe/Copenhagen with its `VTIMEZONE`, stable `UID`s,
//! texts in the chosen language) and [`read_ics`] reads one back into the same data.
//!
//! ```
//! use brobygger::calendar::{CalendarAudience, CalendarOptions, read_ics};
//! use brobygger::{Dossier, Lang};
//!
//! let d = Dossier::example("aalborg")?;
//! let options = CalendarOptions::new("2017-06-30".parse().unwrap()).lang(Lang::En);
//! let ics = d.calendar().ics(options);
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
//! assert!(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY="));
//! assert_eq!(read_ics(&ics)?, d.calendar().export(options));
//!
//! // The partnership's people see no household; the public only what associations publish.
//! let public = d.calendar().export(options.audience(CalendarAudience::Public));
//! assert!(public.events.is_empty());
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod build;
pub(crate) mod facet;
pub(crate) mod ics;
pub(crate) mod model;

pub use facet::CalendarFacet;
pub use ics::{TIME_ZONE, read_ics};
pub use model::{
    Alarm, CALENDAR_VERSION, Calendar, CalendarAudience, CalendarCode, CalendarEvent,
    CalendarEventKind, CalendarOptions, DEFAULT_CALENDAR_HORIZON_DAYS, EventTime, Frequency,
    RepeatRule, WeekdayRule,
};
