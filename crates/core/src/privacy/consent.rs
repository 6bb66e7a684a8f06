//! Consents and other legal bases in a dossier: the one lookup everything asks
//! ([`Register`]), recording consents and bases, and withdrawal with what it closes.

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::ids::{ConsentId, MatchRunId, ProposalId};
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::codes::{PrivacyCode, PrivacyError};
use crate::privacy::model::consent::{BasisRef, ConsentRecord, ProcessingBasis, Subject};
use crate::privacy::register::Register;
use chrono::NaiveDate;

/// What depended on a consent that was withdrawn, as findings with paths; the proposals it
/// closed are listed by id.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WithdrawalReport {
    /// The consent.
    pub consent: ConsentId,
    /// The day the withdrawal took effect.
    pub on: NaiveDate,
    /// Open proposals closed because they can no longer go ahead.
    pub closed_proposals: Vec<ProposalId>,
    /// Stored runs that used the consent (re-run or delete them).
    pub dependent_runs: Vec<MatchRunId>,
    /// Everything that depended on it, as findings with paths.
    pub findings: Vec<Finding>,
}

pub(crate) fn covering_basis(
    dossier: &Dossier,
    subject: &Subject,
    purpose: Purpose,
    attribute: Option<&str>,
    on: NaiveDate,
) -> Option<BasisRef> {
    Register::of(dossier).find(subject, purpose, attribute, on)
}

pub(crate) fn add_consent(
    dossier: &mut Dossier,
    consent: ConsentRecord,
) -> Result<(), BrobyggerError> {
    let mut candidate = dossier.privacy.clone();
    candidate.consents.push(consent);
    check_privacy_change(dossier, candidate)
}

pub(crate) fn add_processing_basis(
    dossier: &mut Dossier,
    basis: ProcessingBasis,
) -> Result<(), BrobyggerError> {
    let mut candidate = dossier.privacy.clone();
    candidate.bases.push(basis);
    check_privacy_change(dossier, candidate)
}

/// Replaces the privacy records with `candidate` if that adds no validation error.
pub(crate) fn check_privacy_change(
    dossier: &mut Dossier,
    candidate: super::model::store::Privacy,
) -> Result<(), BrobyggerError> {
    let before: Vec<Finding> = super::validate::validate(dossier)
        .into_iter()
        .filter(|f| f.severity == crate::finding::Severity::Error)
        .collect();
    let old = std::mem::replace(&mut dossier.privacy, candidate);
    let new_errors: Vec<Finding> = super::validate::validate(dossier)
        .into_iter()
        .filter(|f| f.severity == crate::finding::Severity::Error && !before.contains(f))
        .collect();
    if new_errors.is_empty() {
        Ok(())
    } else {
        dossier.privacy = old;
        Err(PrivacyError::Invalid(new_errors).into())
    }
}

pub(crate) fn withdraw_consent(
    dossier: &mut Dossier,
    id: &ConsentId,
    on: NaiveDate,
) -> Result<WithdrawalReport, BrobyggerError> {
    let k = dossier
        .privacy
        .consents
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Consent, id))?;
    let c = &dossier.privacy.consents[k];
    if c.withdrawn_on.is_some() {
        return Err(PrivacyError::AlreadyWithdrawn(id.to_string()).into());
    }
    if on < c.given_on {
        return Err(PrivacyError::DateBefore {
            field: "on",
            before: "given_on",
        }
        .into());
    }
    let mut next = dossier.clone();
    next.privacy.consents[k].withdrawn_on = Some(on);
    let closed = super::disclosure::close_after_withdrawal(&mut next, id, on);
    let mut findings = super::validate::withdrawal_findings(&next, id);
    for (p, pid) in &closed {
        findings.push(Finding::of(
            PrivacyCode::ProposalClosedByWithdrawal,
            FieldPath::root()
                .field("privacy")
                .field("proposals")
                .index(*p),
            Text::new(
                format!("Matchforslaget {pid} er lukket, fordi samtykket {id} er trukket tilbage."),
                format!("The match proposal {pid} is closed because consent {id} was withdrawn."),
            ),
        ));
    }
    crate::finding::sort_findings(&mut findings);
    let dependent_runs = next
        .match_runs
        .iter()
        .filter(|r| {
            r.sensitive_uses
                .iter()
                .any(|u| matches!(&u.basis, BasisRef::Consent { consent } if consent == id))
        })
        .map(|r| r.id.clone())
        .collect();
    *dossier = next;
    Ok(WithdrawalReport {
        consent: id.clone(),
        on,
        closed_proposals: closed.into_iter().map(|(_, p)| p).collect(),
        dependent_runs,
        findings,
    })
}
