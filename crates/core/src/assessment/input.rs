//! What an assessment takes: its options, and the sources of other features' findings with
//! what they see.

use crate::agreement::Agreement;
use crate::assessment::catalogue::AssessmentCode;
use crate::assessment::result::ExternalFindings;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use chrono::NaiveDate;

/// What an assessment needs: the date it is made as of, and other modules' findings.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssessmentOptions {
    /// The day the assessment is made as of.
    pub as_of: NaiveDate,
    /// Findings from other modules, grouped by module (besides the role split and the
    /// checklists, which are weighed by default). None by default in Kotlin and Swift.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub external: Vec<ExternalFindings>,
}

impl AssessmentOptions {
    /// Options for `as_of` with no external findings.
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            external: Vec::new(),
        }
    }

    /// These options with one module's findings added.
    #[must_use]
    pub fn with_external(mut self, source: impl Into<String>, findings: Vec<Finding>) -> Self {
        self.external.push(ExternalFindings {
            source: source.into(),
            findings,
        });
        self
    }
}

impl From<NaiveDate> for AssessmentOptions {
    fn from(as_of: NaiveDate) -> Self {
        Self::new(as_of)
    }
}

/// What a [`FindingSource`] sees.
#[derive(Debug, Clone, Copy)]
pub struct SourceContext<'a> {
    /// The whole dossier.
    pub dossier: &'a Dossier,
    /// The agreement assessed.
    pub agreement: &'a Agreement,
    /// Its position in `dossier.agreements`, for paths.
    pub index: usize,
    /// The date of the assessment.
    pub as_of: NaiveDate,
    /// The position in `agreement.versions` of the version in force on the date: the terms
    /// the assessment judges.
    pub version_index: usize,
}

/// A module that produces findings about an agreement (roles, checklists, matching). The
/// library's own modules are wired in by default ([`builtin_sources`](crate::assessment::builtin_sources)); wire another one in
/// with [`crate::AssessmentFacet::assess_with_sources`].
pub trait FindingSource {
    /// The module name the findings are filed under (see [`external_source_names`](crate::assessment::external_source_names)).
    fn name(&self) -> &str;
    /// Whether the module has anything to judge for the agreement on the date; when not, its
    /// checks stay "not assessed" instead of counting as met.
    fn applies(&self, ctx: &SourceContext<'_>) -> bool {
        let _ = ctx;
        true
    }
    /// The module's findings about the agreement as of the date.
    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError>;
}

/// External findings routed to their checks: `(check, source, finding)`; also the module names.
pub(crate) struct Routed {
    pub(crate) sources: Vec<String>,
    pub(crate) findings: Vec<(AssessmentCode, Finding)>,
}
