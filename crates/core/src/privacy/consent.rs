//! Consents and other legal bases in a dossier: the one lookup everything asks
//! ([`Register`]), recording consents and bases, and withdrawal with what it closes.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::ids::{CohortId, ConsentId, MatchRunId, OfferId, ProposalId};
use crate::privacy::model::codes::{PrivacyCode, PrivacyError};
use crate::privacy::model::consent::BasisRef;
use crate::privacy::model::consent::BasisScope;
use crate::privacy::model::consent::ConsentRecord;
use crate::privacy::model::consent::ProcessingBasis;
use crate::privacy::model::consent::Purpose;
use crate::privacy::model::consent::Subject;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Where the records needed to answer "which subject is this?" live: the privacy records and,
/// when known, the cohorts and offers (for cohort and provider scopes and offers' volunteers),
/// indexed so a run asks about every household in time linear in the records.
#[derive(Debug, Clone)]
pub struct Register<'a> {
    privacy: &'a super::model::store::Privacy,
    offers: HashMap<&'a str, &'a crate::matching::model::profile::Offer>,
    consents: HashMap<&'a Subject, Vec<usize>>,
    cohorts_of: HashMap<&'a str, Vec<&'a CohortId>>,
}

/// Why no basis was found: a consent that would have covered it but lapsed or was withdrawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Missing {
    Nothing,
    Expired(ConsentId, NaiveDate),
    Withdrawn(ConsentId, NaiveDate),
}

impl<'a> Register<'a> {
    /// A register over privacy records, cohorts and offers held outside a dossier.
    pub fn new(
        privacy: &'a super::model::store::Privacy,
        cohorts: &'a [crate::matching::model::cohort::Cohort],
        offers: &'a [crate::matching::model::profile::Offer],
    ) -> Self {
        let mut consents: HashMap<&'a Subject, Vec<usize>> = HashMap::new();
        for (k, c) in privacy.consents.iter().enumerate() {
            consents.entry(&c.subject).or_default().push(k);
        }
        let mut cohorts_of: HashMap<&'a str, Vec<&'a CohortId>> = HashMap::new();
        for c in cohorts {
            for n in &c.newcomers {
                cohorts_of.entry(n.id.as_str()).or_default().push(&c.id);
            }
        }
        Self {
            privacy,
            offers: offers.iter().map(|o| (o.id.as_str(), o)).collect(),
            consents,
            cohorts_of,
        }
    }

    /// A register over a dossier.
    pub fn of(d: &'a Dossier) -> Self {
        Self::new(&d.privacy, &d.cohorts, &d.offers)
    }

    fn offer(&self, id: &OfferId) -> Option<&'a crate::matching::model::profile::Offer> {
        self.offers.get(id.as_str()).copied()
    }

    /// Whether a record about `record_subject` covers `subject` (an offer is covered by its
    /// named volunteer's consent).
    pub(crate) fn same_subject(&self, record_subject: &Subject, subject: &Subject) -> bool {
        if record_subject == subject {
            return true;
        }
        match (record_subject, subject) {
            (Subject::Person { person }, Subject::Offer { offer }) => self
                .offer(offer)
                .is_some_and(|o| o.volunteer.as_ref() == Some(person)),
            _ => false,
        }
    }

    /// The consents about `subject` (for an offer, also its volunteer's), in record order.
    fn consents_of(&self, subject: &Subject) -> Vec<usize> {
        let mut v: Vec<usize> = self.consents.get(subject).cloned().unwrap_or_default();
        if let Subject::Offer { offer } = subject
            && let Some(person) = self.offer(offer).and_then(|o| o.volunteer.clone())
        {
            v.extend(
                self.consents
                    .get(&Subject::Person { person })
                    .into_iter()
                    .flatten(),
            );
            v.sort_unstable();
        }
        v
    }

    fn in_scope(&self, scope: &BasisScope, subject: &Subject) -> bool {
        match scope {
            BasisScope::Individual { subject: s } => self.same_subject(s, subject),
            BasisScope::Cohort { cohort } => match subject {
                Subject::Newcomer { newcomer } => self
                    .cohorts_of
                    .get(newcomer.as_str())
                    .is_some_and(|cs| cs.contains(&cohort)),
                _ => false,
            },
            BasisScope::Provider { party } => match subject {
                Subject::Offer { offer } => self
                    .offer(offer)
                    .and_then(|o| o.provider.as_ref())
                    .is_some_and(|p| party.covers(p)),
                _ => false,
            },
        }
    }

    /// The basis covering `subject` for `purpose` (and `attribute`, if given) on `on`, a
    /// consent first.
    pub fn find(
        &self,
        subject: &Subject,
        purpose: Purpose,
        attribute: Option<&str>,
        on: NaiveDate,
    ) -> Option<BasisRef> {
        self.lookup(subject, purpose, attribute, on).ok()
    }

    pub(crate) fn lookup(
        &self,
        subject: &Subject,
        purpose: Purpose,
        attribute: Option<&str>,
        on: NaiveDate,
    ) -> Result<BasisRef, Missing> {
        let mut missing = Missing::Nothing;
        for k in self.consents_of(subject) {
            let Some(c) = self.privacy.consents.get(k) else {
                continue;
            };
            if !c.is_about(purpose, attribute) {
                continue;
            }
            if c.holds_on(on) {
                return Ok(BasisRef::Consent {
                    consent: c.id.clone(),
                });
            }
            if c.given_on <= on {
                missing = match (c.withdrawn_on, c.expires_on) {
                    (Some(w), _) if w <= on => Missing::Withdrawn(c.id.clone(), w),
                    (_, Some(e)) if e <= on => Missing::Expired(c.id.clone(), e),
                    _ => missing,
                };
            }
        }
        self.privacy
            .bases
            .iter()
            .find(|b| {
                b.holds_on(on)
                    && b.is_about(purpose, attribute)
                    && self.in_scope(&b.applies_to, subject)
            })
            .map(|b| BasisRef::Legal {
                basis: b.id.clone(),
            })
            .ok_or(missing)
    }

    /// Like [`Register::find`], as an error saying why nothing covers it.
    pub fn require(
        &self,
        subject: &Subject,
        purpose: Purpose,
        attribute: Option<&str>,
        on: NaiveDate,
    ) -> Result<BasisRef, PrivacyError> {
        self.lookup(subject, purpose, attribute, on)
            .map_err(|m| match m {
                Missing::Expired(consent, expired_on) => PrivacyError::ConsentExpired {
                    consent: consent.to_string(),
                    expired_on,
                },
                Missing::Withdrawn(consent, withdrawn_on) => PrivacyError::ConsentWithdrawn {
                    consent: consent.to_string(),
                    withdrawn_on,
                },
                Missing::Nothing => PrivacyError::NoBasis {
                    subject: subject.key(),
                    purpose: purpose.key(),
                    attribute: attribute.map(str::to_owned),
                    on,
                },
            })
    }
}

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

pub(crate) fn find_consent<'a>(dossier: &'a Dossier, id: &ConsentId) -> Option<&'a ConsentRecord> {
    dossier.privacy.consents.iter().find(|c| &c.id == id)
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
        .ok_or_else(|| BrobyggerError::not_found("consent", id))?;
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
