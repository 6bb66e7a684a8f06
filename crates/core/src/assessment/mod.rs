//! Partnership health: an assessment of one agreement as of a date, where every finding cites
//! its evidence (the source section behind the rule and the dossier paths it looked at) and
//! comes with advice in Danish and English; evaluation surveys; and reports the parties can
//! share (seed 001: goals should be "formidlet bredt ... skriftligt").
//!
//! ```
//! use brobygger::{Dossier, Lang};
//! use brobygger::assessment::{AssessmentOptions, Dimension, ReportFormat, ReportOptions};
//!
//! let dossier = Dossier::example("aalborg")?;
//! let as_of = "2017-06-30".parse().unwrap();
//! let assessment = dossier.assessment().assess(&"aalborg-lbb".into(), as_of)?;
//! let meetings = assessment.dimension(Dimension::Meetings).unwrap();
//! println!("{:?}: {}", meetings.score, meetings.reason.en);
//! for f in &assessment.findings {
//!     println!("{} → {}", f.finding.render(Lang::En), f.advice.en);
//! }
//!
//! // A report to share, in Danish, as self-contained HTML.
//! let html = dossier.assessment().report(&"aalborg-lbb".into(), ReportOptions::new(as_of, Lang::Da, ReportFormat::Html))?;
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! ## How an assessment is made
//! 1. The terms in force on the date (the last version amended on or before it) and the status
//!    on the date (replayed from the history) are what is judged.
//! 2. Each check of the [`catalogue`] gives a [`CheckResult`]: met, partly met, not met, not
//!    applicable on the date (e.g. no meetings in the last 12 months to judge), or not assessed
//!    (an external check whose module's findings were not given). A check that is not met
//!    gives one or more [`AssessedFinding`]s with the paths it looked at and the check's advice.
//! 3. Findings of other modules come in as [`ExternalFindings`] and are routed to their check
//!    in the catalogue by exact code: the role split's, the checklists', and, for agreements
//!    that cohorts concern, the matching runs' and the introductions', on every assessment
//!    ([`builtin_sources`], judged as of the date), or as the caller gives them.
//! 4. Each [`Dimension`] gets a score; see [`DimensionScore`] for the rule.
//!
//! ## What "as of" means for the checks
//! - *Reviews*: a planned review date more than 30 days past counts as held when the agreement
//!   went under review, or was amended, within 90 days of it.
//! - *Term*: an end date before the as-of date while the status is not `ended` is an error.
//! - *Turnover*: a central post (coordinator, steering group, volunteer representative,
//!   signatory, or contact post of the agreement) whose holder changed in the 12 months up to
//!   the date; a governance post without a holder on the date is vacant.
//! - *One person*: a party holding a coordinator post whose contact posts all have the same
//!   holder on the date.
//! - *Meetings*: meetings of the 12 months up to the date, judged against the notice agreed in
//!   the version in force on the meeting day; a forum that has not met for twice its cadence is
//!   not kept.
//! - *Briefings*: a political committee briefed within the 12 months up to the date.
//! - Once the agreement has ended, the time-bound checks no longer apply.
//!
//! ## Scoring
//! A check's *credit* is between 0 (not met) and 1 (met). Most checks are all or nothing; some
//! give partial credit for the share that is in order (e.g. 3 of 4 meetings convened with the
//! agreed notice: 0.75). External checks get 1 when their findings hold no warnings or errors,
//! 0.5 when the worst is a warning and 0 when there is an error. A dimension's score is
//! `100 × Σ(weight × credit) / Σ weight` over its applicable checks, rounded, where the weight
//! is 2 for checks of error severity, 1 for warnings and 0 for advisory (info) checks, which are
//! reported with their advice but never lower a score. A dimension without an applicable
//! weighted check has no score. The band is *strong* from 80, *fair* from 50, otherwise *weak*;
//! the overall score is the plain mean of the dimensions that have one.

pub(crate) mod catalogue;
pub(crate) mod checks;
pub(crate) mod facet;
pub(crate) mod overview;
pub mod report;
pub(crate) mod sources;
pub mod survey;

pub use crate::ids::{QuestionId, SurveyId};
pub use catalogue::{
    AssessmentCode, CheckBasis, CheckInfo, Dimension, catalogue, check_for_external_code,
    external_source_names,
};
pub use facet::{AssessmentFacet, SurveysFacet};
pub use report::{
    HeatCell, HeatMap, ReportBlock, ReportFormat, ReportOptions, ReportSection, ReportSlot,
};
pub use sources::{
    ChecklistSource, IntroductionSource, MatchingSource, RoleSplitSource, builtin_sources,
};
pub use survey::{
    AnswerTally, Interval, LikertAnswer, RespondentGroup, ShareChange, ShareEstimate, SurveyAnswer,
    SurveyMeasure, SurveyQuestion, SurveyRound, wilson_interval,
};

use crate::agreement::Agreement;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, FindingKind, Severity};
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

/// What an assessment needs: the date it is made as of, and other modules' findings.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssessmentOptions {
    /// The day the assessment is made as of.
    pub as_of: NaiveDate,
    /// Findings from other modules, grouped by module (besides the role split and the
    /// checklists, which are weighed by default).
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
/// library's own modules are wired in by default ([`builtin_sources`]); wire another one in
/// with [`Dossier::assess_with_sources`].
pub trait FindingSource {
    /// The module name the findings are filed under (see [`external_source_names`]).
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

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// What to do.
    pub advice: Text,
}

/// How a score reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
            .map_err(|e| BrobyggerError::Internal {
                code: "assessment.serialize".into(),
                reason: e.to_string(),
            })
    }
}

pub(crate) fn assess(
    dossier: &Dossier,
    agreement: &AgreementId,
    options: impl Into<AssessmentOptions>,
) -> Result<Assessment, BrobyggerError> {
    let options = options.into();
    let index = assessed_index(dossier, agreement)?;
    let given = check_external(&options.external)?;
    let mut routed = Routed {
        sources: Vec::new(),
        findings: Vec::new(),
    };
    if let Some(ctx) = source_context(dossier, index, options.as_of) {
        for source in builtin_sources() {
            if given.sources.iter().any(|s| s == source.name()) || !source.applies(&ctx) {
                continue;
            }
            route_builtin(&mut routed, source.name(), source.findings(&ctx)?)?;
        }
    }
    routed.sources.extend(given.sources);
    routed.findings.extend(given.findings);
    checks::assess(dossier, index, options.as_of, &routed)
}

pub(crate) fn assess_with_sources(
    dossier: &Dossier,
    agreement: &AgreementId,
    as_of: NaiveDate,
    sources: &[&dyn FindingSource],
) -> Result<Assessment, BrobyggerError> {
    let index = assessed_index(dossier, agreement)?;
    let mut options = AssessmentOptions::new(as_of);
    if let Some(ctx) = source_context(dossier, index, as_of) {
        for source in sources.iter().filter(|s| s.applies(&ctx)) {
            options = options.with_external(source.name(), source.findings(&ctx)?);
        }
    }
    assess(dossier, agreement, options)
}

pub(crate) fn assess_all(dossier: &Dossier, as_of: NaiveDate) -> Vec<Assessment> {
    dossier
        .agreements
        .iter()
        .filter_map(|a| assess(dossier, &a.id, as_of).ok())
        .collect()
}

fn assessed_index(dossier: &Dossier, agreement: &AgreementId) -> Result<usize, BrobyggerError> {
    dossier
        .agreements
        .iter()
        .position(|a| &a.id == agreement)
        .ok_or_else(|| BrobyggerError::not_found("agreement", agreement))
}

/// What a source sees of agreement `index` on `as_of`; `None` when it has no versions (the
/// assessment then fails on its own).
fn source_context(dossier: &Dossier, index: usize, as_of: NaiveDate) -> Option<SourceContext<'_>> {
    let agreement = dossier.agreements.get(index)?;
    let version_index = checks::context::version_index_on(agreement, as_of)?;
    Some(SourceContext {
        dossier: dossier,
        agreement,
        index,
        as_of,
        version_index,
    })
}

/// Routes a built-in module's findings. Every code the library's modules produce has a check
/// (a test holds the catalogue to that), so a stray code is a defect, reported as such.
fn route_builtin(
    routed: &mut Routed,
    source: &str,
    findings: Vec<Finding>,
) -> Result<(), BrobyggerError> {
    routed.sources.push(source.to_owned());
    for f in findings {
        let check = check_for_external_code(&f.code).ok_or_else(|| BrobyggerError::Internal {
            code: "assessment.unrouted_builtin_finding".into(),
            reason: format!(
                "the {source} module produced {}, which no check takes",
                f.code
            ),
        })?;
        routed.findings.push((check, f));
    }
    Ok(())
}

/// External findings routed to their checks: `(check, source, finding)`; also the module names.
pub(crate) struct Routed {
    pub(crate) sources: Vec<String>,
    pub(crate) findings: Vec<(AssessmentCode, Finding)>,
}

fn check_external(groups: &[ExternalFindings]) -> Result<Routed, BrobyggerError> {
    let known = external_source_names();
    let mut routed = Routed {
        sources: Vec::new(),
        findings: Vec::new(),
    };
    for (i, g) in groups.iter().enumerate() {
        if !known.contains(&g.source.as_str()) {
            return Err(BrobyggerError::invalid_input(
                "assessment.unknown_source",
                &format!("external[{i}].source"),
                format!(
                    "unknown module {:?}; expected one of: {}",
                    g.source,
                    known.join(", ")
                ),
            ));
        }
        if !routed.sources.contains(&g.source) {
            routed.sources.push(g.source.clone());
        }
        for (j, f) in g.findings.iter().enumerate() {
            let check = check_for_external_code(&f.code).ok_or_else(|| {
                BrobyggerError::invalid_input(
                    "assessment.unrouted_finding",
                    &format!("external[{i}].findings[{j}].code"),
                    format!(
                        "no check takes findings with code {:?}; findings carry one of the roles, checklists, matching or introductions modules' own codes (see the catalogue's external_codes)",
                        f.code
                    ),
                )
            })?;
            routed.findings.push((check, f.clone()));
        }
    }
    Ok(routed)
}

/// Builds a check result and its findings from what a check found.
pub(crate) fn conclude(
    code: AssessmentCode,
    run: checks::context::CheckRun,
    out_checks: &mut Vec<CheckResult>,
    out_findings: &mut Vec<AssessedFinding>,
) {
    let status = match run.credit {
        None if code.basis() == CheckBasis::External => CheckStatus::NotAssessed,
        None => CheckStatus::NotApplicable,
        Some(c) if c >= 1.0 => CheckStatus::Met,
        Some(c) if c <= 0.0 => CheckStatus::NotMet,
        Some(_) => CheckStatus::PartlyMet,
    };
    for raw in run.findings {
        let finding = match raw.external {
            Some(f) => f,
            None => Finding::of(code, raw.path, raw.text),
        };
        out_findings.push(AssessedFinding {
            finding,
            dimension: code.dimension(),
            check: code.code().to_owned(),
            evidence: raw.evidence,
            advice: code.advice(),
        });
    }
    out_checks.push(CheckResult {
        code: code.code().to_owned(),
        dimension: code.dimension(),
        status,
        // Rounded so the file format and every language show the same short number.
        credit: run
            .credit
            .map(|c| (c.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0),
        weight: code.weight(),
        evidence: run.evidence,
        note: run.note,
    });
}

/// Scores each dimension from the check results.
pub(crate) fn score(checks: &[CheckResult]) -> Vec<DimensionScore> {
    Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let mine: Vec<&CheckResult> =
                checks.iter().filter(|c| c.dimension == dimension).collect();
            let weighted: Vec<&&CheckResult> = mine
                .iter()
                .filter(|c| c.weight > 0 && c.credit.is_some())
                .collect();
            let total: u32 = weighted.iter().map(|c| c.weight).sum();
            let earned: f64 = weighted
                .iter()
                .map(|c| f64::from(c.weight) * c.credit.unwrap_or(0.0))
                .sum();
            let score = (total > 0).then(|| {
                let s = (100.0 * earned / f64::from(total)).round();
                // In 0..=100 by construction; the cast cannot truncate.
                s.clamp(0.0, 100.0) as u32
            });
            let met = weighted
                .iter()
                .filter(|c| c.status == CheckStatus::Met)
                .count();
            let not_assessed: Vec<&&CheckResult> = mine
                .iter()
                .filter(|c| c.status == CheckStatus::NotAssessed)
                .collect();
            let shortfalls: Vec<&&CheckResult> = weighted
                .iter()
                .filter(|c| c.status != CheckStatus::Met)
                .copied()
                .collect();
            let reason = reason_text(score, met, weighted.len(), &shortfalls, &not_assessed);
            DimensionScore {
                dimension,
                score,
                band: score.map(ScoreBand::of),
                met: u32::try_from(met).unwrap_or(u32::MAX),
                applicable: u32::try_from(weighted.len()).unwrap_or(u32::MAX),
                not_assessed: u32::try_from(not_assessed.len()).unwrap_or(u32::MAX),
                reason,
            }
        })
        .collect()
}

fn reason_text(
    score: Option<u32>,
    met: usize,
    applicable: usize,
    shortfalls: &[&&CheckResult],
    not_assessed: &[&&CheckResult],
) -> Text {
    let title = |c: &CheckResult| {
        AssessmentCode::from_code(&c.code)
            .map(|k| k.title())
            .unwrap_or_else(|| Text::new(c.code.clone(), c.code.clone()))
    };
    let mut da = String::new();
    let mut en = String::new();
    match score {
        None => {
            da.push_str("Ingen vægtede tjek kunne anvendes på datoen.");
            en.push_str("No weighted check applied on the date.");
        }
        Some(_) => {
            da.push_str(&format!("{met} af {applicable} vægtede tjek opfyldt."));
            en.push_str(&format!("{met} of {applicable} weighted checks met."));
        }
    }
    if !shortfalls.is_empty() {
        let items = |lang: crate::i18n::Lang| {
            shortfalls
                .iter()
                .map(|c| {
                    let pct = (c.credit.unwrap_or(0.0) * 100.0).round();
                    let t = title(c);
                    match lang {
                        crate::i18n::Lang::Da => format!("{} ({pct:.0} %)", t.da),
                        crate::i18n::Lang::En => format!("{} ({pct:.0}%)", t.en),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        da.push_str(&format!(" Trækker ned: {}.", items(crate::i18n::Lang::Da)));
        en.push_str(&format!(
            " Pulling it down: {}.",
            items(crate::i18n::Lang::En)
        ));
    }
    if !not_assessed.is_empty() {
        let names = |lang: crate::i18n::Lang| {
            not_assessed
                .iter()
                .map(|c| title(c).get(lang).to_owned())
                .collect::<Vec<_>>()
                .join("; ")
        };
        da.push_str(&format!(
            " Ikke vurderet (kræver fund fra andre moduler): {}.",
            names(crate::i18n::Lang::Da)
        ));
        en.push_str(&format!(
            " Not assessed (needs findings from other modules): {}.",
            names(crate::i18n::Lang::En)
        ));
    }
    Text::new(da, en)
}

/// Orders assessed findings: errors first, then by dimension, path and code.
pub(crate) fn sort_assessed(findings: &mut [AssessedFinding]) {
    findings.sort_by(|a, b| {
        b.finding
            .severity
            .cmp(&a.finding.severity)
            .then_with(|| a.dimension.cmp(&b.dimension))
            .then_with(|| a.finding.path.cmp(&b.finding.path))
            .then_with(|| a.finding.code.cmp(&b.finding.code))
    });
}

/// The overall score: the mean of the dimension scores that exist.
pub(crate) fn overall(dimensions: &[DimensionScore]) -> Option<u32> {
    let scores: Vec<u32> = dimensions.iter().filter_map(|d| d.score).collect();
    if scores.is_empty() {
        return None;
    }
    let sum: u32 = scores.iter().sum();
    let n = u32::try_from(scores.len()).unwrap_or(1);
    Some((f64::from(sum) / f64::from(n)).round() as u32)
}

/// Whether a severity is at least a warning (what lowers an external check's credit).
pub(crate) fn external_credit(findings: &[&Finding]) -> f64 {
    match findings.iter().map(|f| f.severity).max() {
        Some(Severity::Error) => 0.0,
        Some(Severity::Warning) => 0.5,
        _ => 1.0,
    }
}
