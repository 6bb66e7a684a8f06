//! Assessing an agreement: running the catalogue's checks on the terms in force, routing other
//! features' findings to their checks, and scoring the dimensions.

use crate::assessment::catalogue::{check_for_external_code, external_source_names};
use crate::assessment::codes::AssessmentErrorCode;
use crate::assessment::input::{AssessmentOptions, FindingSource, Routed, SourceContext};
use crate::assessment::result::{Assessment, ExternalFindings};
use crate::assessment::sources::builtin_sources;
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::ids::AgreementId;
use chrono::NaiveDate;

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
    super::checks::run::assess(dossier, index, options.as_of, &routed)
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
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Agreement, agreement))
}

/// What a source sees of agreement `index` on `as_of`; `None` when it has no versions (the
/// assessment then fails on its own).
fn source_context(dossier: &Dossier, index: usize, as_of: NaiveDate) -> Option<SourceContext<'_>> {
    let agreement = dossier.agreements.get(index)?;
    let version_index = super::checks::context::version_index_on(agreement, as_of)?;
    Some(SourceContext {
        dossier,
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
        let check = check_for_external_code(&f.code).ok_or_else(|| {
            BrobyggerError::internal(
                AssessmentErrorCode::UnroutedBuiltinFinding,
                format!(
                    "the {source} module produced {}, which no check takes",
                    f.code
                ),
            )
        })?;
        routed.findings.push((check, f));
    }
    Ok(())
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
                AssessmentErrorCode::UnknownSource,
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
                    AssessmentErrorCode::UnroutedFinding,
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
