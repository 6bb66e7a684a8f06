//! The directory facet: the register built from the dossier, searched, and exported as HSDS.

use crate::directory::hsds::{HsdsOptions, HsdsOrganization, export, export_json};
use crate::directory::register::{Directory, DirectoryOptions, build};
use crate::directory::search::{DirectoryHit, DirectoryQuery, search};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use std::ops::Deref;

/// The association directory of a dossier: reached by [`Dossier::directory`].
#[derive(Debug)]
pub struct DirectoryFacet<D> {
    dossier: D,
}

impl<D> DirectoryFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> DirectoryFacet<D> {
    /// The register: every organisation (individuals left out) with its entry and offers.
    pub fn build(&self, options: impl Into<DirectoryOptions>) -> Directory {
        build(&self.dossier, options.into())
    }

    /// The associations matching `query`, best first, their offers narrowed to those that pass.
    pub fn search(
        &self,
        query: &DirectoryQuery,
        options: impl Into<DirectoryOptions>,
    ) -> Vec<DirectoryHit> {
        search(&build(&self.dossier, options.into()), query)
    }

    /// The register as Open Referral HSDS 3.0 organizations (public entries only, unless
    /// `options` include internal ones).
    pub fn hsds(&self, options: impl Into<HsdsOptions>) -> Vec<HsdsOrganization> {
        export(
            &build(&self.dossier, DirectoryOptions::default()),
            options.into(),
        )
    }

    /// The HSDS export as pretty-printed JSON (a list of organizations).
    pub fn hsds_json(&self, options: impl Into<HsdsOptions>) -> Result<String, BrobyggerError> {
        export_json(
            &build(&self.dossier, DirectoryOptions::default()),
            options.into(),
        )
    }
}

impl Directory {
    /// The associations matching `query`, best first, their offers narrowed to those that pass.
    pub fn search(&self, query: &DirectoryQuery) -> Vec<DirectoryHit> {
        search(self, query)
    }

    /// This register as Open Referral HSDS 3.0 organizations.
    pub fn hsds(&self, options: impl Into<HsdsOptions>) -> Vec<HsdsOrganization> {
        export(self, options.into())
    }

    /// The HSDS export as pretty-printed JSON (a list of organizations).
    pub fn hsds_json(&self, options: impl Into<HsdsOptions>) -> Result<String, BrobyggerError> {
        export_json(self, options.into())
    }

    /// Only the associations `hits` found, in their order and with their narrowed offers.
    pub fn from_hits(hits: Vec<DirectoryHit>) -> Directory {
        Directory {
            associations: hits.into_iter().map(|h| h.association).collect(),
        }
    }
}
