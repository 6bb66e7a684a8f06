//! Moving an agreement through its lifecycle: previewing and making a status change, editing
//! draft terms and amending binding ones, each all or nothing.

use crate::agreement::{AgreementTerms, AgreementVersion, Amendment, OverrideRecord, StatusEvent};
use crate::code::{ErrorCode, NotFoundCode};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::Label;
use crate::ids::{AgreementId, PersonId};
use crate::lifecycle::model::LifecycleCode;
use crate::lifecycle::policy::TransitionPolicy;
use crate::lifecycle::rule::TransitionContext;
use crate::status::AgreementStatus;
use crate::time::Timestamp;
use crate::validate::validate;

/// A request to change an agreement's status.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransitionRequest {
    /// The agreement.
    pub agreement: AgreementId,
    /// The status asked for.
    pub to: AgreementStatus,
    /// Who makes the change; must be a person in the dossier.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// A note for the history.
    pub note: Option<String>,
    /// Go ahead despite blocking findings, for this reason (recorded).
    pub override_reason: Option<String>,
}

/// Why an agreement operation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LifecycleError {
    /// No agreement with that id.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    /// No person with that id in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// Not an edge of the lifecycle.
    #[error("{} → {} is not a step of the lifecycle", from.label(crate::i18n::Lang::En), to.label(crate::i18n::Lang::En))]
    NotAnEdge {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
    },
    /// Rules block the transition; an override with a reason can let it through.
    #[error("{} → {} is blocked by {} finding(s)", from.label(crate::i18n::Lang::En), to.label(crate::i18n::Lang::En), findings.len())]
    Blocked {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
        /// The blocking findings.
        findings: Vec<Finding>,
    },
    /// The terms would hand a statutory municipal duty to a party outside the municipality.
    /// No override and no policy lets this through; the findings name each task and statute.
    #[error("{} → {} would hand {} statutory municipal dut(ies) to a party outside the municipality; no override can allow it", from.label(crate::i18n::Lang::En), to.label(crate::i18n::Lang::En), findings.len())]
    StatutoryLine {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
        /// One finding per assignment across the line, naming the task and the statute.
        findings: Vec<Finding>,
    },
    /// An override needs a non-empty reason.
    #[error("an override needs a reason")]
    EmptyOverrideReason,
    /// An ended agreement cannot be amended.
    #[error("an agreement in status {0:?} cannot be amended")]
    NotAmendable(AgreementStatus),
    /// The amended terms are not valid.
    #[error("the amended terms have {} error(s)", .0.len())]
    InvalidTerms(Vec<Finding>),
    /// An amendment needs a non-empty reason.
    #[error("an amendment needs a reason")]
    EmptyAmendmentReason,
}

impl LifecycleError {
    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            LifecycleError::UnknownAgreement(_) => NotFoundCode::Agreement.into(),
            LifecycleError::UnknownPerson(_) => NotFoundCode::Person.into(),
            LifecycleError::NotAnEdge { .. } => LifecycleCode::NotAnEdge.into(),
            LifecycleError::Blocked { .. } => LifecycleCode::Blocked.into(),
            LifecycleError::StatutoryLine { .. } => LifecycleCode::StatutoryLine.into(),
            LifecycleError::EmptyOverrideReason => LifecycleCode::EmptyOverrideReason.into(),
            LifecycleError::NotAmendable(_) => LifecycleCode::NotAmendable.into(),
            LifecycleError::InvalidTerms(_) => LifecycleCode::InvalidTerms.into(),
            LifecycleError::EmptyAmendmentReason => LifecycleCode::EmptyAmendmentReason.into(),
        }
    }
}

impl From<LifecycleError> for BrobyggerError {
    fn from(e: LifecycleError) -> Self {
        let code = e.code();
        match e {
            LifecycleError::UnknownAgreement(id) => {
                BrobyggerError::not_found(NotFoundCode::Agreement, id)
            }
            LifecycleError::UnknownPerson(id) => {
                BrobyggerError::not_found(NotFoundCode::Person, id)
            }
            LifecycleError::NotAnEdge { from, to } => BrobyggerError::InvalidTransition {
                code,
                from,
                to,
                findings: Vec::new(),
            },
            LifecycleError::Blocked { from, to, findings }
            | LifecycleError::StatutoryLine { from, to, findings } => {
                BrobyggerError::InvalidTransition {
                    code,
                    from,
                    to,
                    findings,
                }
            }
            LifecycleError::EmptyOverrideReason => BrobyggerError::InvalidInput {
                code,
                path: "override_reason".into(),
                reason: "an override needs a non-empty reason".into(),
            },
            LifecycleError::EmptyAmendmentReason => BrobyggerError::InvalidInput {
                code,
                path: "amendment.reason".into(),
                reason: "an amendment needs a non-empty reason".into(),
            },
            LifecycleError::NotAmendable(status) => BrobyggerError::InvalidInput {
                code,
                path: "status".into(),
                reason: format!(
                    "an agreement that is {} cannot be amended",
                    status.label(crate::i18n::Lang::En)
                ),
            },
            LifecycleError::InvalidTerms(findings) => BrobyggerError::Validation { code, findings },
        }
    }
}

fn agreement_index(dossier: &Dossier, id: &AgreementId) -> Result<usize, LifecycleError> {
    dossier
        .agreements
        .iter()
        .position(|a| &a.id == id)
        .ok_or_else(|| LifecycleError::UnknownAgreement(id.to_string()))
}

pub(crate) fn preview_transition(
    dossier: &Dossier,
    agreement: &AgreementId,
    to: AgreementStatus,
    at: Timestamp,
    policy: &TransitionPolicy,
) -> Result<Vec<Finding>, BrobyggerError> {
    let index = agreement_index(dossier, agreement)?;
    let a = &dossier.agreements[index];
    if !a.status.can_move_to(to) {
        return Err(LifecycleError::NotAnEdge { from: a.status, to }.into());
    }
    let ctx = TransitionContext {
        dossier,
        agreement: a,
        index,
        from: a.status,
        to,
        at,
    };
    let mut findings = policy.check(&ctx);
    // The statutory line holds under any policy; a policy with the role-split rule already
    // reports it.
    for f in statutory_line(&ctx) {
        if !findings.contains(&f) {
            findings.push(f);
        }
    }
    crate::finding::sort_findings(&mut findings);
    Ok(findings)
}

/// The assignments across the statutory line in the terms a transition to signed or active
/// would make binding (`crate::roles::analysis::statutory_line`).
fn statutory_line(ctx: &TransitionContext<'_>) -> Vec<Finding> {
    if !matches!(ctx.to, AgreementStatus::Signed | AgreementStatus::Active) {
        return Vec::new();
    }
    match ctx.agreement.terms() {
        Some(terms) => {
            crate::roles::analysis::statutory_line(ctx.dossier, terms, &ctx.terms_path())
        }
        None => Vec::new(),
    }
}

pub(crate) fn transition(
    dossier: &mut Dossier,
    request: TransitionRequest,
) -> Result<StatusEvent, BrobyggerError> {
    transition_with(dossier, request, &TransitionPolicy::standard())
}

pub(crate) fn transition_with(
    dossier: &mut Dossier,
    request: TransitionRequest,
    policy: &TransitionPolicy,
) -> Result<StatusEvent, BrobyggerError> {
    let index = agreement_index(dossier, &request.agreement)?;
    if dossier.person(&request.by).is_none() {
        return Err(LifecycleError::UnknownPerson(request.by.to_string()).into());
    }
    if request
        .override_reason
        .as_ref()
        .is_some_and(|r| r.trim().is_empty())
    {
        return Err(LifecycleError::EmptyOverrideReason.into());
    }
    let a = &dossier.agreements[index];
    let from = a.status;
    let to = request.to;
    if !from.can_move_to(to) {
        return Err(LifecycleError::NotAnEdge { from, to }.into());
    }
    let ctx = TransitionContext {
        dossier,
        agreement: a,
        index,
        from,
        to,
        at: request.at,
    };
    // Before any override: no reason signs a statutory duty away.
    let line = statutory_line(&ctx);
    if !line.is_empty() {
        return Err(LifecycleError::StatutoryLine {
            from,
            to,
            findings: line,
        }
        .into());
    }
    let findings = policy.check(&ctx);
    let blocking: Vec<Finding> = findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let override_record = match (&request.override_reason, blocking.is_empty()) {
        (_, true) => None,
        (Some(reason), false) => Some(OverrideRecord {
            reason: reason.clone(),
            overridden: blocking.iter().map(|f| f.code.clone()).collect(),
        }),
        (None, false) => {
            return Err(LifecycleError::Blocked {
                from,
                to,
                findings: blocking,
            }
            .into());
        }
    };
    let event = StatusEvent {
        from,
        to,
        at: request.at,
        by: request.by,
        version: a.current().map(|v| v.number).unwrap_or(1),
        note: request.note,
        override_record,
    };
    let a = &mut dossier.agreements[index];
    a.status = to;
    a.history.push(event.clone());
    Ok(event)
}

pub(crate) fn edit_terms(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    terms: AgreementTerms,
) -> Result<(), BrobyggerError> {
    let index = agreement_index(dossier, agreement)?;
    let status = dossier.agreements[index].status;
    if status.is_binding() || status == AgreementStatus::Ended {
        return Err(BrobyggerError::invalid_input(
            LifecycleCode::BindingTerms,
            "terms",
            "the agreement is signed or ended; amend it to make a new version",
        ));
    }
    let mut next = dossier.clone();
    match next.agreements[index].versions.last_mut() {
        Some(v) => v.terms = terms,
        None => next.agreements[index].versions.push(AgreementVersion {
            number: 1,
            amendment: None,
            terms,
        }),
    }
    ensure_terms_valid(&next, index)?;
    *dossier = next;
    Ok(())
}

pub(crate) fn amend(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    terms: AgreementTerms,
    amendment: Amendment,
) -> Result<u32, BrobyggerError> {
    let index = agreement_index(dossier, agreement)?;
    let status = dossier.agreements[index].status;
    if !status.is_binding() {
        return Err(LifecycleError::NotAmendable(status).into());
    }
    if amendment.reason.trim().is_empty() {
        return Err(LifecycleError::EmptyAmendmentReason.into());
    }
    if dossier.person(&amendment.by).is_none() {
        return Err(LifecycleError::UnknownPerson(amendment.by.to_string()).into());
    }
    let mut next = dossier.clone();
    let a = &mut next.agreements[index];
    let number = a.versions.last().map(|v| v.number + 1).unwrap_or(1);
    a.versions.push(AgreementVersion {
        number,
        amendment: Some(amendment),
        terms,
    });
    ensure_terms_valid(&next, index)?;
    *dossier = next;
    Ok(number)
}

fn ensure_terms_valid(dossier: &Dossier, index: usize) -> Result<(), BrobyggerError> {
    let prefix = FieldPath::root().field("agreements").index(index);
    let errors: Vec<Finding> = validate(dossier)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.path.is_within(&prefix))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(LifecycleError::InvalidTerms(errors).into())
    }
}
