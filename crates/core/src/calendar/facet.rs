//! The calendar facet: a dossier's calendar as data and as an iCalendar file.

use crate::calendar::build::build;
use crate::calendar::model::{Calendar, CalendarOptions};
use crate::dossier::Dossier;
use std::ops::Deref;

/// A dossier's calendar: reached by [`Dossier::calendar`].
#[derive(Debug)]
pub struct CalendarFacet<D> {
    dossier: D,
}

impl<D> CalendarFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> CalendarFacet<D> {
    /// The calendar as of a day for an audience: the fixed meetings as series with their
    /// notice, the meetings held, the activities on their schedules, the dated tasks within the
    /// horizon and (for coordinators) the check-ins due.
    pub fn export(&self, options: impl Into<CalendarOptions>) -> Calendar {
        build(&self.dossier, options.into())
    }

    /// The same calendar as an iCalendar (RFC 5545) file to import or subscribe to.
    pub fn ics(&self, options: impl Into<CalendarOptions>) -> String {
        build(&self.dossier, options.into()).to_ics()
    }
}
