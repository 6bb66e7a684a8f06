//! The posts facet: handovers and who holds which post.

use crate::dossier::Dossier;
use crate::ids::PersonId;
use crate::posts::handover;
use crate::posts::handover::{Handover, HandoverReport, posts_held_by};
use crate::posts::model::Post;
use chrono::NaiveDate;
use std::ops::DerefMut;

/// Posts and their holders: reached by [`Dossier::posts`] (read) and [`Dossier::posts_mut`]
/// (read and change).
#[derive(Debug)]
pub struct PostsFacet<D> {
    dossier: D,
}

impl<D> PostsFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> PostsFacet<&'a Dossier> {
    /// The posts `person` holds on `date`.
    pub fn held_by(&self, person: &PersonId, date: NaiveDate) -> Vec<&'a Post> {
        posts_held_by(self.dossier, person, date)
    }
}

impl<D: DerefMut<Target = Dossier>> PostsFacet<D> {
    /// Moves every post `handover.from` holds on `handover.on` (within the scope) to
    /// `handover.to`, closing the old tenures and opening new ones, as one operation: either
    /// every post moves or nothing changes.
    pub fn handover(
        &mut self,
        handover: &Handover,
    ) -> Result<HandoverReport, crate::error::BrobyggerError> {
        handover::handover(&mut self.dossier, handover)
    }
}
