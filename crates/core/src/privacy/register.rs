//! The one lookup everything asks: which consent or other basis covers a subject's data for a
//! purpose on a day ([`Register`]).

use crate::dossier::Dossier;
use crate::ids::{CohortId, ConsentId, OfferId};
use crate::privacy::model::basis::{DeclaredBasis, Purpose};
use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::{BasisRef, BasisScope, Subject, basis_covers};
use crate::privacy::model::sensitive::BasisSource;
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
    /// Bases for one subject, by subject; the others (cohort, provider) in `general`.
    individual: HashMap<&'a Subject, Vec<usize>>,
    general: Vec<usize>,
    cohorts_of: HashMap<&'a str, Vec<&'a CohortId>>,
    /// Bases declared in a call, covering every subject of it.
    declared: &'a [DeclaredBasis],
    source: BasisSource,
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
        let mut individual: HashMap<&'a Subject, Vec<usize>> = HashMap::new();
        let mut general = Vec::new();
        for (k, b) in privacy.bases.iter().enumerate() {
            match &b.applies_to {
                BasisScope::Individual { subject } => {
                    individual.entry(subject).or_default().push(k)
                }
                _ => general.push(k),
            }
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
            individual,
            general,
            cohorts_of,
            declared: &[],
            source: BasisSource::Records,
        }
    }

    /// The same register with bases declared in a call, which cover the attributes they list
    /// for every subject (after the records, which are asked first).
    pub fn with_declared(mut self, declared: &'a [DeclaredBasis]) -> Self {
        self.declared = declared;
        self
    }

    /// A register over a dossier.
    pub fn of(d: &'a Dossier) -> Self {
        let mut r = Self::new(&d.privacy, &d.cohorts, &d.offers);
        r.source = BasisSource::Dossier;
        r
    }

    /// A register over a dossier's privacy records for profiles matched beside it (offers read
    /// from a file, say): the volunteers behind `offers` are looked up among these.
    pub fn beside(d: &'a Dossier, offers: &'a [crate::matching::model::profile::Offer]) -> Self {
        let mut r = Self::new(&d.privacy, &d.cohorts, offers);
        r.source = BasisSource::Dossier;
        r
    }

    /// Where the records come from: a dossier or records handed over.
    pub fn source(&self) -> BasisSource {
        self.source
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

    /// The records of `index` about `subject` (for an offer, also its volunteer's), in record
    /// order.
    fn records_of(
        index: &HashMap<&Subject, Vec<usize>>,
        offer: Option<Subject>,
        subject: &Subject,
    ) -> Vec<usize> {
        let mut v: Vec<usize> = index.get(subject).cloned().unwrap_or_default();
        if let Some(person) = offer {
            v.extend(index.get(&person).into_iter().flatten());
            v.sort_unstable();
        }
        v
    }

    /// The volunteer behind an offer, as a subject.
    fn volunteer_of(&self, subject: &Subject) -> Option<Subject> {
        match subject {
            Subject::Offer { offer } => self
                .offer(offer)
                .and_then(|o| o.volunteer.clone())
                .map(|person| Subject::Person { person }),
            _ => None,
        }
    }

    /// The consents about `subject` (for an offer, also its volunteer's), in record order.
    fn consents_of(&self, subject: &Subject) -> Vec<usize> {
        Self::records_of(&self.consents, self.volunteer_of(subject), subject)
    }

    /// The bases that may apply to `subject`, in record order.
    fn bases_of(&self, subject: &Subject) -> Vec<usize> {
        let mut v = Self::records_of(&self.individual, self.volunteer_of(subject), subject);
        v.extend(&self.general);
        v.sort_unstable();
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
        self.bases_of(subject)
            .into_iter()
            .filter_map(|k| self.privacy.bases.get(k))
            .find(|b| {
                b.holds_on(on)
                    && b.is_about(purpose, attribute)
                    && self.in_scope(&b.applies_to, subject)
            })
            .map(|b| b.id.clone())
            .or_else(|| {
                self.declared
                    .iter()
                    .find(|b| {
                        basis_covers(
                            Purpose::Matching,
                            b.basis,
                            &b.attributes,
                            purpose,
                            attribute,
                        )
                    })
                    .map(|b| b.id.clone())
            })
            .map(|basis| BasisRef::Legal { basis })
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
