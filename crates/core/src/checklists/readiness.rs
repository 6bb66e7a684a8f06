//! Signing readiness: an agreement is not signed while a required checklist is incomplete or a
//! critical divergence is unresolved (003 "Fem ting, du skal undgå", no. 4: never start a
//! cooperation without a thorough expectation alignment).

use super::model::codes::{ChecklistCode, ChecklistError};
use crate::actors::PartyRef;
use crate::checklists::align::checklist_alignment;
use crate::checklists::workflow::{checklist_template, checklists_templates_named};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, Severity, sort_findings};
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::i18n::plural::{VALIDATION_ERROR, n, pick};
use crate::ids::{AgreementId, SessionId, TemplateId};
use crate::lifecycle::rule::{TransitionContext, TransitionRule};
use crate::status::AgreementStatus;

/// Where an agreement stands with its checklists before signing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistReadiness {
    /// The agreement.
    pub agreement: AgreementId,
    /// Whether nothing about checklists blocks signing.
    pub ready: bool,
    /// Each required checklist and each party's progress on it.
    pub requirements: Vec<RequirementProgress>,
    /// What blocks signing (errors) and what is worth knowing (warnings), errors first.
    pub findings: Vec<Finding>,
}

/// Progress on one required checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequirementProgress {
    /// The template.
    pub template: TemplateId,
    /// Its title.
    pub title: Text,
    /// Each required party's progress.
    pub parties: Vec<PartyProgress>,
    /// Whether every required party has submitted.
    pub complete: bool,
    /// Critical divergences without a resolution.
    pub open_critical: u32,
}

/// One party's progress on a required checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PartyProgress {
    /// The party.
    pub party: PartyRef,
    /// Its name.
    pub party_name: String,
    /// Its latest session, if started.
    pub session: Option<SessionId>,
    /// Items answered.
    pub answered: u32,
    /// Items in the template version answered.
    pub total: u32,
    /// Whether it has submitted.
    pub submitted: bool,
}

/// Blocks signing while a required checklist is incomplete, or a critical item diverges between
/// the parties' submitted answers without a resolution. Part of
/// [`crate::TransitionPolicy::standard`].
#[derive(Debug, Clone, Copy)]
pub struct ChecklistReadinessRule;

impl TransitionRule for ChecklistReadinessRule {
    fn applies(&self, _from: AgreementStatus, to: AgreementStatus) -> bool {
        to == AgreementStatus::Signed
    }

    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        readiness(ctx.dossier, ctx.index).findings
    }
}

pub(crate) fn checklist_readiness(
    dossier: &Dossier,
    agreement: &AgreementId,
) -> Result<ChecklistReadiness, BrobyggerError> {
    let index = dossier
        .agreements
        .iter()
        .position(|a| &a.id == agreement)
        .ok_or_else(|| ChecklistError::UnknownAgreement(agreement.to_string()))?;
    Ok(readiness(dossier, index))
}

fn readiness(d: &Dossier, index: usize) -> ChecklistReadiness {
    let Some(agreement) = d.agreements.get(index) else {
        return ChecklistReadiness {
            agreement: AgreementId::new(""),
            ready: true,
            requirements: Vec::new(),
            findings: Vec::new(),
        };
    };
    let id = &agreement.id;
    let base = FieldPath::root().field("checklists");
    let mut findings = Vec::new();
    let mut requirements = Vec::new();
    let mut templates: Vec<&TemplateId> = Vec::new();
    let mut own_paths: Vec<FieldPath> = Vec::new();

    for (ri, r) in d.checklists.requirements.iter().enumerate() {
        if &r.agreement != id {
            continue;
        }
        own_paths.push(base.field("requirements").index(ri));
        if !templates.contains(&&r.template) {
            templates.push(&r.template);
        }
        let title = checklists_templates_named(d, &r.template)
            .filter(|t| r.min_version.is_none_or(|m| t.version >= m))
            .max_by_key(|t| t.version)
            .map(|t| t.title.clone())
            .unwrap_or_else(|| Text::new(r.template.as_str(), r.template.as_str()));
        let mut parties = Vec::new();
        for (j, party) in r.parties.iter().enumerate() {
            let latest = d
                .checklists
                .sessions
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    &s.agreement == id
                        && s.template == r.template
                        && party.covers(&s.party)
                        && r.min_version.is_none_or(|m| s.template_version >= m)
                })
                .fold(
                    None,
                    |best: Option<(usize, &super::model::session::AnswerSession)>, (k, s)| {
                        match best {
                            Some((_, b)) if b.started_at > s.started_at => best,
                            _ => Some((k, s)),
                        }
                    },
                );
            let name = d.party_name(party);
            let progress = match latest {
                None => {
                    findings.push(Finding::of(
                        ChecklistCode::RequiredNotStarted,
                        base.field("requirements")
                            .index(ri)
                            .field("parties")
                            .index(j),
                        Text::new(
                            format!(
                                "{name} har ikke besvaret den påkrævede tjekliste '{}'.",
                                r.template
                            ),
                            format!(
                                "{name} has not answered the required checklist '{}'.",
                                r.template
                            ),
                        ),
                    ));
                    PartyProgress {
                        party: party.clone(),
                        party_name: name,
                        session: None,
                        answered: 0,
                        total: 0,
                        submitted: false,
                    }
                }
                Some((k, s)) => {
                    let tpl = checklist_template(d, &s.template, Some(s.template_version));
                    let total = tpl.map(|t| t.item_count()).unwrap_or(0);
                    let answered = tpl
                        .map(|t| total - s.unanswered(t).len())
                        .unwrap_or(s.answers.len());
                    if !s.is_submitted() {
                        findings.push(Finding::of(
                            ChecklistCode::RequiredIncomplete,
                            base.field("sessions").index(k),
                            Text::new(
                                format!(
                                    "{name} har besvaret {answered} af {total} punkter i den påkrævede tjekliste '{}' og har ikke indsendt.",
                                    r.template
                                ),
                                format!(
                                    "{name} has answered {answered} of {total} items of the required checklist '{}' and has not submitted.",
                                    r.template
                                ),
                            ),
                        ));
                    }
                    PartyProgress {
                        party: party.clone(),
                        party_name: name,
                        session: Some(s.id.clone()),
                        answered: u32::try_from(answered).unwrap_or(u32::MAX),
                        total: u32::try_from(total).unwrap_or(u32::MAX),
                        submitted: s.is_submitted(),
                    }
                }
            };
            parties.push(progress);
        }
        requirements.push(RequirementProgress {
            template: r.template.clone(),
            title,
            complete: parties.iter().all(|p| p.submitted),
            parties,
            open_critical: 0,
        });
    }

    for (k, s) in d.checklists.sessions.iter().enumerate() {
        if &s.agreement == id {
            own_paths.push(base.field("sessions").index(k));
            if !templates.contains(&&s.template) {
                templates.push(&s.template);
            }
        }
    }

    for t in &templates {
        let Ok(alignment) = checklist_alignment(d, id, t) else {
            continue;
        };
        if let Some(req) = requirements.iter_mut().find(|r| &&r.template == t) {
            req.open_critical = alignment.counts.open_critical;
        }
        // Answers still being written may change: only submitted answers are the parties'
        // stated expectations. An unfinished required checklist blocks on its own (above).
        if !alignment.columns.iter().all(|c| c.submitted) {
            continue;
        }
        findings.extend(
            alignment
                .findings
                .into_iter()
                .filter(|f| f.code == ChecklistCode::CriticalDivergence.code()),
        );
    }

    let invalid = super::validate::checklist_findings(d)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| own_paths.iter().any(|p| f.path.is_within(p)))
        .count();
    if invalid > 0 {
        findings.push(Finding::of(
            ChecklistCode::InvalidData,
            base.clone(),
            Text::new(
                format!(
                    "Tjeklistedata for aftalen har {}; ret {} først (se validate).",
                    VALIDATION_ERROR.count(Lang::Da, n(invalid)),
                    pick(n(invalid), "den", "dem")
                ),
                format!(
                    "The agreement's checklist data has {}; fix {} first (see validate).",
                    VALIDATION_ERROR.count(Lang::En, n(invalid)),
                    pick(n(invalid), "it", "them")
                ),
            ),
        ));
    }

    let parties_covered = agreement.terms().is_some_and(|t| !t.parties.is_empty())
        && requirements.is_empty()
        && templates.is_empty();
    if parties_covered {
        findings.push(Finding::of(
            ChecklistCode::NoExpectationAlignment,
            FieldPath::root().field("agreements").index(index),
            Text::new(
                "Ingen tjekliste til forventningsafstemning er krævet eller besvaret for aftalen; start ikke et samarbejde uden en grundig forventningsafstemning.",
                "No expectation-alignment checklist is required or answered for the agreement; do not start a cooperation without a thorough expectation alignment.",
            ),
        ));
    }

    sort_findings(&mut findings);
    ChecklistReadiness {
        agreement: id.clone(),
        ready: !findings.iter().any(|f| f.severity == Severity::Error),
        requirements,
        findings,
    }
}
