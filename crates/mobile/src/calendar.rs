//! Calendars for Kotlin and Swift: on a [`DossierHandle`] the calendar facet (`export`, `ics`),
//! and a calendar read from or written as iCalendar text. Delegations to the core.

use crate::convert::read;
use crate::dossier::DossierHandle;
use brobygger::calendar::{self, Calendar, CalendarOptions};
use brobygger::{BrobyggerError, Dossier};
use std::sync::{Arc, RwLock};

#[uniffi::export]
impl DossierHandle {
    /// The partnership's calendar: fixed meetings, meetings held, activities, dated tasks and
    /// check-ins, as data or as an iCalendar file.
    pub fn calendar(&self) -> Result<Arc<DossierCalendar>, BrobyggerError> {
        Ok(Arc::new(DossierCalendar(Arc::clone(&self.0))))
    }
}

/// A dossier's calendar (the core's `CalendarFacet`). Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierCalendar(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierCalendar {
    /// The calendar as of a day for an audience, in a language.
    pub fn export(&self, options: CalendarOptions) -> Result<Calendar, BrobyggerError> {
        Ok(read(&self.0)?.calendar().export(options))
    }

    /// The same calendar as iCalendar (RFC 5545) text, to save as a `.ics` file or serve to
    /// subscribers.
    pub fn ics(&self, options: CalendarOptions) -> Result<String, BrobyggerError> {
        Ok(read(&self.0)?.calendar().ics(options))
    }
}

/// Reads iCalendar text; throws `Parse` (`calendar.*`, with the line) when it cannot.
#[uniffi::export]
pub fn read_ics(text: String) -> Result<Calendar, BrobyggerError> {
    calendar::read_ics(&text)
}

/// A calendar as iCalendar (RFC 5545) text.
#[uniffi::export]
pub fn calendar_to_ics(calendar: Calendar) -> Result<String, BrobyggerError> {
    Ok(calendar.to_ics())
}
