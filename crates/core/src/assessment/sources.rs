//! The modules of the library that feed every assessment by default: the role split (`roles`),
//! the expectation-alignment checklists (`checklists`), the matching runs (`matching`) and the
//! introductions of volunteer offers (`introductions`). All are judged as of the assessment's
//! date: the role split of the version in force that day with the posts' holders that day, the
//! checklist answers, submissions and resolutions given by the end of it, and the cohorts'
//! households arrived, introductions recorded and runs made by then.
//!
//! Matching and introductions are judged only for agreements that cohorts concern
//! ([`crate::matching::followup::cohorts_concerning`]); elsewhere those checks stay "not
//! assessed". A caller who gives findings for one of these modules itself (in
//! [`AssessmentOptions::external`](super::AssessmentOptions::external) or as a
//! [`FindingSource`]) replaces the built-in source of that name.

use super::input::{FindingSource, SourceContext};
use crate::checklists::align::checklist_alignment;
use crate::checklists::readiness::checklist_readiness;
use crate::checklists::workflow::checklist_sessions;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{Finding, sort_findings};
use crate::ids::TemplateId;
use crate::matching::followup;
use chrono::NaiveDate;
use std::borrow::Cow;

/// The role-split analysis ([`crate::RolesFacet::analyse`]) of the terms judged, with the posts'
/// holders on the date. Filed under `roles`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoleSplitSource;

impl FindingSource for RoleSplitSource {
    fn name(&self) -> &str {
        "roles"
    }

    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        Ok(crate::roles::analysis::analyse_version(
            ctx.dossier,
            ctx.index,
            ctx.version_index,
            Some(ctx.as_of),
        ))
    }
}

/// The alignment of every checklist answered for the agreement
/// ([`crate::ChecklistsFacet::alignment`]) and its signing readiness
/// ([`crate::ChecklistsFacet::readiness`]), as the checklists stood at the end of the date. Filed
/// under `checklists`; a finding both give (a critical divergence) counts once.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChecklistSource;

impl FindingSource for ChecklistSource {
    fn name(&self) -> &str {
        "checklists"
    }

    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        let view = DatedChecklists::new(ctx.dossier, ctx.as_of);
        let d = view.dossier();
        let id = &ctx.agreement.id;
        let mut out: Vec<Finding> = Vec::new();
        for template in answered_templates(d, id) {
            // A template the dossier cannot resolve is a validation error, which readiness
            // reports as `checklists.invalid_data`; there is nothing to compare.
            if let Ok(alignment) = checklist_alignment(d, id, template) {
                out.extend(alignment.findings);
            }
        }
        out.extend(checklist_readiness(d, id)?.findings);
        let mut unique: Vec<Finding> = Vec::with_capacity(out.len());
        for f in out {
            let f = view.restore(f);
            if !unique.contains(&f) {
                unique.push(f);
            }
        }
        sort_findings(&mut unique);
        Ok(unique)
    }
}

/// The introductions of the cohorts that concern the agreement
/// ([`crate::matching::followup::introduction_findings`]). Filed under `introductions`.
#[derive(Debug, Clone, Copy, Default)]
pub struct IntroductionSource;

impl FindingSource for IntroductionSource {
    fn name(&self) -> &str {
        "introductions"
    }

    fn applies(&self, ctx: &SourceContext<'_>) -> bool {
        !concerned(ctx).is_empty()
    }

    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        let mut out: Vec<Finding> = concerned(ctx)
            .into_iter()
            .flat_map(|k| followup::introduction_findings(ctx.dossier, k, ctx.as_of))
            .collect();
        sort_findings(&mut out);
        Ok(out)
    }
}

/// What the latest matching run of each cohort that concerns the agreement left open
/// ([`crate::matching::followup::matching_findings`]). Filed under `matching`.
#[derive(Debug, Clone, Copy, Default)]
pub struct MatchingSource;

impl FindingSource for MatchingSource {
    fn name(&self) -> &str {
        "matching"
    }

    fn applies(&self, ctx: &SourceContext<'_>) -> bool {
        !concerned(ctx).is_empty()
    }

    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        let mut out: Vec<Finding> = concerned(ctx)
            .into_iter()
            .flat_map(|k| followup::matching_findings(ctx.dossier, k, ctx.as_of))
            .collect();
        sort_findings(&mut out);
        Ok(out)
    }
}

fn concerned(ctx: &SourceContext<'_>) -> Vec<usize> {
    match ctx.agreement.versions.get(ctx.version_index) {
        Some(v) => followup::cohorts_concerning(ctx.dossier, ctx.agreement, &v.terms, ctx.as_of),
        None => Vec::new(),
    }
}

/// The sources every assessment uses unless the caller gives findings under their names.
pub fn builtin_sources() -> [&'static dyn FindingSource; 4] {
    [
        &RoleSplitSource,
        &ChecklistSource,
        &MatchingSource,
        &IntroductionSource,
    ]
}

/// The templates answered for an agreement, in the order first started.
pub(crate) fn answered_templates<'a>(
    d: &'a Dossier,
    agreement: &crate::ids::AgreementId,
) -> Vec<&'a TemplateId> {
    let mut out: Vec<&TemplateId> = Vec::new();
    for s in checklist_sessions(d, agreement) {
        if !out.contains(&&s.template) {
            out.push(&s.template);
        }
    }
    out
}

/// A dossier whose checklists are as they stood on a date. Borrows the dossier when nothing is
/// dated later, which is the usual case; otherwise holds a copy with the dated view.
pub(crate) struct DatedChecklists<'a> {
    dossier: Cow<'a, Dossier>,
    view: Option<crate::checklists::model::as_of::ChecklistsAsOf>,
}

impl<'a> DatedChecklists<'a> {
    pub(crate) fn new(d: &'a Dossier, as_of: NaiveDate) -> Self {
        if !d.checklists.changed_after(as_of) {
            return Self {
                dossier: Cow::Borrowed(d),
                view: None,
            };
        }
        let view = d.checklists.as_of(as_of);
        let mut copy = d.clone();
        copy.checklists = view.checklists.clone();
        Self {
            dossier: Cow::Owned(copy),
            view: Some(view),
        }
    }

    pub(crate) fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// A finding made on the view, with its path into the real dossier.
    fn restore(&self, mut f: Finding) -> Finding {
        if let Some(view) = &self.view {
            f.path = view.restore(&f.path);
        }
        f
    }
}
