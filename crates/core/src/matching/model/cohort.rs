//! A cohort: newcomer households arriving together, with their introduction plan and record.

use crate::ids::{CohortId, MunicipalityId, NewcomerId};
use crate::matching::model::intro::{IntroductionPlan, IntroductionRecord};
use crate::matching::model::profile::Newcomer;

/// A cohort: newcomer households followed together, with their introduction plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cohort {
    /// Id, e.g. `ikast-2016-h1`.
    pub id: CohortId,
    /// Title, e.g. "Nyankomne i Ikast-Brande, 1. halvår 2016".
    pub title: String,
    /// The municipality receiving them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityId>,
    /// The introduction plan's parameters (seed 001 defaults).
    #[serde(default)]
    pub plan: IntroductionPlan,
    /// The households.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub newcomers: Vec<Newcomer>,
    /// Introductions to volunteer offers, as recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introductions: Vec<IntroductionRecord>,
}

impl Cohort {
    /// The household with `id`.
    pub fn newcomer(&self, id: &NewcomerId) -> Option<&Newcomer> {
        self.newcomers.iter().find(|n| &n.id == id)
    }
}
