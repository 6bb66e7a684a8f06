//! Built-in example dossiers modelled on the source documents.
//!
//! Facts the documents give (parties, steering-group members, activities, figures) cite their
//! source in each dossier's `provenance`; invented details (dates, hours, post titles) are marked
//! illustrative there. The examples are data files under `crates/core/data/examples/`.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;

/// A built-in example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Example {
    /// Aalborg in "Lokalsamfundet Bygger Bro" with its steering group (000, 001).
    Aalborg,
    /// Ikast-Brande's "Venner Viser Vej" cooperation contract with the Red Cross (002).
    IkastBrande,
    /// Horsens and the Kurdish youth association LAWAN in the KEM project (003).
    Horsens,
}

impl Example {
    /// Every example.
    pub const ALL: [Example; 3] = [Example::Aalborg, Example::IkastBrande, Example::Horsens];

    /// The example's short name: `aalborg`, `ikast-brande`, `horsens`.
    pub fn name(self) -> &'static str {
        match self {
            Example::Aalborg => "aalborg",
            Example::IkastBrande => "ikast-brande",
            Example::Horsens => "horsens",
        }
    }

    /// Looks an example up by its short name (case-insensitive; `ikast_brande` also accepted).
    pub fn from_name(name: &str) -> Option<Example> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Example::ALL.into_iter().find(|e| e.name() == n)
    }

    /// The example's JSON text.
    pub fn json(self) -> &'static str {
        match self {
            Example::Aalborg => include_str!("../data/examples/aalborg.json"),
            Example::IkastBrande => include_str!("../data/examples/ikast-brande.json"),
            Example::Horsens => include_str!("../data/examples/horsens.json"),
        }
    }

    /// The example as a dossier.
    pub fn dossier(self) -> Result<Dossier, BrobyggerError> {
        Dossier::from_json(self.json())
    }
}

impl Dossier {
    /// A built-in example by name (`aalborg`, `ikast-brande`, `horsens`).
    pub fn example(name: &str) -> Result<Dossier, BrobyggerError> {
        Example::from_name(name)
            .ok_or_else(|| BrobyggerError::not_found("example", name))?
            .dossier()
    }
}
