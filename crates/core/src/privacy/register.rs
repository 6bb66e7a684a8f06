//! The one lookup everything asks: which consent or other basis covers a subject's data for a
//! purpose on a day ([`Register`]).

use crate::dossier::Dossier;
use crate::ids::{CohortId, ConsentId, OfferId};
use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::{BasisRef, BasisScope, Purpose, Subject};
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
