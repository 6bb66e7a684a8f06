//! Scoring: a check's result from what it found, each dimension's score with its reason, the
//! overall score, and the order of the findings.

use crate::assessment::catalogue::{AssessmentCode, CheckBasis, Dimension};
use crate::assessment::result::{
    AssessedFinding, CheckResult, CheckStatus, DimensionScore, ScoreBand,
};
use crate::finding::{Finding, Severity};
use crate::i18n::Text;

/// Builds a check result and its findings from what a check found.
pub(crate) fn conclude(
    code: AssessmentCode,
    run: super::checks::context::CheckRun,
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
        let mut finding = match raw.external {
            Some(f) => f,
            None => Finding::of(code, raw.path, raw.text),
        };
        if let Some(source) = raw.source {
            finding.source = Some(source);
        }
        out_findings.push(AssessedFinding {
            finding,
            dimension: code.dimension(),
            check: code.code().to_owned(),
            evidence: raw.evidence,
            evidence_words: Vec::new(),
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
