//! What an assessment says: each check's result, the findings with their evidence and advice,
//! and the dimension scores.

use crate::assessment::catalogue::Dimension;
use crate::assessment::codes::AssessmentErrorCode;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Text, labels};
use crate::ids::AgreementId;
use crate::status::AgreementStatus;
use chrono::NaiveDate;

/// Findings another module produced for the agreement, to be weighed in the assessment.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExternalFindings {
    /// The module: `roles`, `checklists`, `matching` or `introductions`. Giving a group, even
    /// with no findings, means the module looked: its checks count as assessed. All four are
    /// weighed by default where they apply; a group under their name replaces the library's
    /// own findings.
    pub source: String,
    /// Its findings, each with one of the module's own codes
    /// (`roles.statutory_outside_municipality`, `checklists.critical_divergence`,
    /// `matching.unmatched`, `introduction.overdue`, ...; see the catalogue's
    /// `external_codes`).
    pub findings: Vec<Finding>,
}

/// The outcome of one check.
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
pub enum CheckStatus {
    /// In order (credit 1).
    Met,
    /// Partly in order (credit between 0 and 1).
    PartlyMet,
    /// Not in order (credit 0).
    NotMet,
    /// The rule does not apply on the date (nothing to judge).
    NotApplicable,
    /// An external check whose module's findings were not given.
    NotAssessed,
}

labels!(CheckStatus, "check_status" {
    Met => ("opfyldt", "met"),
    PartlyMet => ("delvist opfyldt", "partly met"),
    NotMet => ("ikke opfyldt", "not met"),
    NotApplicable => ("ikke relevant", "not applicable"),
    NotAssessed => ("ikke vurderet", "not assessed"),
});

/// The result of one check.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckResult {
    /// The check's stable code, e.g. `assessment.short_notice`.
    pub code: String,
    /// The dimension it scores in.
    pub dimension: Dimension,
    /// The outcome.
    pub status: CheckStatus,
    /// The credit from 0 to 1; absent when not applicable or not assessed.
    pub credit: Option<f64>,
    /// Its weight in the dimension's score.
    pub weight: u32,
    /// The paths in the dossier it looked at.
    pub evidence: Vec<FieldPath>,
    /// Why it came out this way.
    pub note: Text,
}

/// A finding of the assessment with its evidence and advice.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssessedFinding {
    /// The finding: code, severity, path, message, source.
    pub finding: Finding,
    /// The dimension it concerns.
    pub dimension: Dimension,
    /// The code of the check it belongs to (for external findings, the check they were routed
    /// to; their own code stays in `finding.code`).
    pub check: String,
    /// The paths in the dossier the check looked at.
    pub evidence: Vec<FieldPath>,
    /// The same evidence in words, one for each path in `evidence` and in its order
    /// ("varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens version 2"): what a
    /// report shows, keeping the paths for its technical appendix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_words: Vec<Text>,
    /// What to do.
    pub advice: Text,
}

/// How a score reads.
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
pub enum ScoreBand {
    /// 80–100.
    Strong,
    /// 50–79.
    Fair,
    /// 0–49.
    Weak,
}

labels!(ScoreBand, "score_band" {
    Strong => ("stærk", "strong"),
    Fair => ("middel", "fair"),
    Weak => ("svag", "weak"),
});

impl ScoreBand {
    /// The band of a score from 0 to 100.
    pub fn of(score: u32) -> ScoreBand {
        if score >= 80 {
            ScoreBand::Strong
        } else if score >= 50 {
            ScoreBand::Fair
        } else {
            ScoreBand::Weak
        }
    }
}

/// One dimension's score with the reason for it.
///
/// The score is `100 × Σ(weight × credit) / Σ weight` over the dimension's applicable checks,
/// rounded; advisory checks weigh 0. No score when no weighted check applied.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// 0–100, or absent when nothing could be judged.
    pub score: Option<u32>,
    /// The band of the score.
    pub band: Option<ScoreBand>,
    /// Weighted checks met.
    pub met: u32,
    /// Weighted checks applicable (met, partly met or not met).
    pub applicable: u32,
    /// Checks not assessed because another module's findings were not given.
    pub not_assessed: u32,
    /// Why the score is what it is, naming the checks that pulled it down.
    pub reason: Text,
}

/// The assessment of one agreement as of a date.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Assessment {
    /// The agreement.
    pub agreement: AgreementId,
    /// Its title in the version judged.
    pub title: String,
    /// The date the assessment is made as of.
    pub as_of: NaiveDate,
    /// The agreement's status on that date.
    pub status: AgreementStatus,
    /// The version in force on that date.
    pub version: u32,
    /// The mean of the dimension scores, when any dimension has one.
    pub overall: Option<u32>,
    /// The band of the overall score.
    pub overall_band: Option<ScoreBand>,
    /// Every dimension, in order.
    pub dimensions: Vec<DimensionScore>,
    /// Every check, in catalogue order.
    pub checks: Vec<CheckResult>,
    /// The findings, errors first, then by dimension and path.
    pub findings: Vec<AssessedFinding>,
    /// The modules whose findings were weighed.
    pub external_sources: Vec<String>,
}

impl Assessment {
    /// The score of one dimension.
    pub fn dimension(&self, dimension: Dimension) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.dimension == dimension)
    }

    /// The result of one check by code.
    pub fn check(&self, code: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.code == code)
    }

    /// The findings concerning one dimension.
    pub fn findings_in(&self, dimension: Dimension) -> Vec<&AssessedFinding> {
        self.findings
            .iter()
            .filter(|f| f.dimension == dimension)
            .collect()
    }

    /// The common findings alone, e.g. to merge with other findings.
    pub fn plain_findings(&self) -> Vec<Finding> {
        self.findings.iter().map(|f| f.finding.clone()).collect()
    }

    /// The assessment as pretty-printed JSON.
    pub fn to_json(&self) -> Result<String, BrobyggerError> {
        serde_json::to_string_pretty(self)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| BrobyggerError::internal(AssessmentErrorCode::Serialize, e.to_string()))
    }
}
