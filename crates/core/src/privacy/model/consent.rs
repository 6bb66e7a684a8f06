//! Consent records and other legal bases, and the one question the rest of the library asks:
//! is there a basis for processing this subject's data for this purpose (and this attribute) on
//! this day?
//!
//! ## How a basis is found
//! A [`ConsentRecord`] covers its subject for its purposes from `given_on` up to (not including)
//! `expires_on` and `withdrawn_on`. Ordinary and confidential data are covered by the purpose;
//! special-category and criminal-record attributes only when the consent lists them (GDPR art.
//! 9(2)(a) asks for *explicit* consent to the specific data; databeskyttelsesloven § 8, stk. 3
//! for criminal-record data). A [`ProcessingBasis`] records any other basis (a statute, the
//! municipality's public task) for a subject, a cohort or a provider's offers; it covers the
//! attributes it lists when its [`LegalBasis`] can cover their class, and every ordinary and
//! confidential attribute when it lists none. A consent is preferred over another basis when
//! both exist, because a consent can be withdrawn and the dependency must be visible then.
//!
//! An offer is a subject too: its volunteer's consent (a consent for the person named as the
//! offer's `volunteer`, or for the offer itself when the offer is a family or a group) covers it.
//!
//! National id numbers are never covered: the library never uses them.

use crate::actors::PartyRef;
use crate::error::BrobyggerError;
use crate::i18n::labels;
use crate::ids::{BasisId, CohortId, ConsentId, NewcomerId, OfferId, PersonId, PostId};
use crate::matching::model::rules::{attribute_class, is_sensitive};
use crate::privacy::model::basis::{LegalBasis, Purpose};
use crate::privacy::model::codes::PrivacyCode;
use crate::sensitivity::SensitivityClass;
use chrono::NaiveDate;
use std::fmt;

/// Whose data: a household, a person (a volunteer) or an offer (the family or group behind it).
/// Always by pseudonymous id.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Subject {
    /// A newcomer household.
    Newcomer {
        /// Its pseudonymous id.
        newcomer: NewcomerId,
    },
    /// A person in the dossier, typically a volunteer.
    Person {
        /// Their opaque id.
        person: PersonId,
    },
    /// The volunteer family or group behind an offer, when no single person is named.
    Offer {
        /// The offer.
        offer: OfferId,
    },
}

impl Subject {
    /// A household.
    pub fn newcomer(id: impl Into<NewcomerId>) -> Self {
        Subject::Newcomer {
            newcomer: id.into(),
        }
    }

    /// A person.
    pub fn person(id: impl Into<PersonId>) -> Self {
        Subject::Person { person: id.into() }
    }

    /// An offer's volunteers.
    pub fn offer(id: impl Into<OfferId>) -> Self {
        Subject::Offer { offer: id.into() }
    }

    /// `newcomer:<id>`, `person:<id>` or `offer:<id>`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind(), self.id())
    }

    /// Reads a key made by [`Subject::key`].
    pub fn parse_key(key: &str) -> Result<Self, BrobyggerError> {
        match key.split_once(':') {
            Some(("newcomer", id)) if !id.is_empty() => Ok(Subject::newcomer(id)),
            Some(("person", id)) if !id.is_empty() => Ok(Subject::person(id)),
            Some(("offer", id)) if !id.is_empty() => Ok(Subject::offer(id)),
            _ => Err(BrobyggerError::invalid_input(
                PrivacyCode::BadSubjectKey,
                "subject",
                "a subject key is newcomer:<id>, person:<id> or offer:<id>",
            )),
        }
    }

    /// The kind: `newcomer`, `person` or `offer`.
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Newcomer { .. } => "newcomer",
            Subject::Person { .. } => "person",
            Subject::Offer { .. } => "offer",
        }
    }

    /// The id.
    pub fn id(&self) -> &str {
        match self {
            Subject::Newcomer { newcomer } => newcomer.as_str(),
            Subject::Person { person } => person.as_str(),
            Subject::Offer { offer } => offer.as_str(),
        }
    }

    /// Whether `attribute` (`newcomer.<field>` or `offer.<field>`) is about this kind of
    /// subject. A person's attributes in matching are their offer's.
    pub fn owns_attribute(&self, attribute: &str) -> bool {
        let owner = attribute.split_once('.').map(|(o, _)| o);
        match self {
            Subject::Newcomer { .. } => owner == Some("newcomer"),
            Subject::Person { .. } | Subject::Offer { .. } => owner == Some("offer"),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// How a consent was given.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ConsentForm {
    /// Signed on paper.
    #[default]
    Written,
    /// Given digitally (e.g. with MitID).
    Digital,
    /// Given orally and recorded by the person noted in `recorded_by`.
    OralRecorded,
}

labels!(ConsentForm, "consent_form" {
    Written => ("skriftligt", "written"),
    Digital => ("digitalt", "digital"),
    OralRecorded => ("mundtligt, noteret", "oral, recorded"),
});

/// A consent given by a household or a volunteer. `Debug` shows ids and dates only.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConsentRecord {
    /// Id, e.g. `c-vvv-2016-017`.
    pub id: ConsentId,
    /// Whose consent.
    pub subject: Subject,
    /// What it is given for (at least one).
    pub purposes: Vec<Purpose>,
    /// Special-category and criminal-record attributes the consent explicitly covers, as
    /// `newcomer.<field>` or `offer.<field>` (e.g. `newcomer.preferences`). Ordinary and
    /// confidential data are covered by the purposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// The day it was given.
    pub given_on: NaiveDate,
    /// The first day it no longer holds, if it lapses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<NaiveDate>,
    /// The day the withdrawal took effect, if withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_on: Option<NaiveDate>,
    /// The version of the text consented to, e.g. `vvv-samtykke-2016-01`.
    pub text_version: String,
    /// The language the text was read in or interpreted into (ISO 639), e.g. `ar`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How it was given.
    #[serde(default)]
    pub form: ConsentForm,
    /// The post that recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<PostId>,
}

impl fmt::Debug for ConsentRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConsentRecord")
            .field("id", &self.id)
            .field("subject", &self.subject)
            .field("given_on", &self.given_on)
            .field("withdrawn_on", &self.withdrawn_on)
            .finish_non_exhaustive()
    }
}

impl ConsentRecord {
    /// A written consent for `purposes`, given on `given_on`, with nothing else yet.
    pub fn new(
        id: impl Into<ConsentId>,
        subject: Subject,
        purposes: Vec<Purpose>,
        given_on: NaiveDate,
        text_version: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            subject,
            purposes,
            attributes: Vec::new(),
            given_on,
            expires_on: None,
            withdrawn_on: None,
            text_version: text_version.into(),
            language: None,
            form: ConsentForm::Written,
            recorded_by: None,
        }
    }

    /// Whether the consent holds on `on`.
    pub fn holds_on(&self, on: NaiveDate) -> bool {
        self.given_on <= on
            && self.expires_on.is_none_or(|e| on < e)
            && self.withdrawn_on.is_none_or(|w| on < w)
    }

    /// Whether the consent is about `purpose` and, for a sensitive attribute, lists it.
    pub fn is_about(&self, purpose: Purpose, attribute: Option<&str>) -> bool {
        self.purposes.contains(&purpose)
            && attribute.is_none_or(|a| {
                self.subject.owns_attribute(a)
                    && match attribute_class(a) {
                        Some(c) if is_sensitive(c) => self.attributes.iter().any(|x| x == a),
                        Some(c) => c != SensitivityClass::NationalId,
                        None => false,
                    }
            })
    }
}

/// Who a [`ProcessingBasis`] applies to.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BasisScope {
    /// One household, person or offer.
    Individual {
        /// Whom.
        subject: Subject,
    },
    /// Every household in a cohort.
    Cohort {
        /// The cohort.
        cohort: CohortId,
    },
    /// Every offer of a provider (an organisation, a municipality or a department).
    Provider {
        /// The provider.
        party: PartyRef,
    },
}

/// A legal basis other than consent, with what it covers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProcessingBasis {
    /// Id.
    pub id: BasisId,
    /// Whom it applies to.
    pub applies_to: BasisScope,
    /// The purpose.
    pub purpose: Purpose,
    /// The basis (never `consent`).
    pub basis: LegalBasis,
    /// The attributes covered (`newcomer.<field>`, `offer.<field>`); sensitive ones only when
    /// listed. Empty: every ordinary and confidential attribute.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// The statute, decision or agreement, e.g. "integrationsloven § 4".
    pub reference: String,
    /// First day it applies.
    pub from: NaiveDate,
    /// First day it no longer applies, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl ProcessingBasis {
    /// Whether it applies on `on`.
    pub fn holds_on(&self, on: NaiveDate) -> bool {
        self.from <= on && self.until.is_none_or(|u| on < u)
    }

    /// Whether it is about `purpose` and covers `attribute`.
    pub fn is_about(&self, purpose: Purpose, attribute: Option<&str>) -> bool {
        basis_covers(
            self.purpose,
            self.basis,
            &self.attributes,
            purpose,
            attribute,
        )
    }
}

/// Whether a basis of kind `basis` for `for_purpose`, listing `attributes`, covers `attribute`
/// (or, for `None`, the purpose itself) for `purpose`: the one reading of a basis, for recorded
/// and declared ones alike.
pub(crate) fn basis_covers(
    for_purpose: Purpose,
    basis: LegalBasis,
    attributes: &[String],
    purpose: Purpose,
    attribute: Option<&str>,
) -> bool {
    for_purpose == purpose
        && basis != LegalBasis::Consent
        && basis.fits(purpose)
        && attribute.is_none_or(|a| match attribute_class(a) {
            None => false,
            Some(c) if attributes.iter().any(|x| x == a) => basis.covers(c),
            Some(c) => attributes.is_empty() && !is_sensitive(c) && basis.covers(c),
        })
}

/// The basis a processing step relied on.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BasisRef {
    /// A consent record.
    Consent {
        /// The consent.
        consent: ConsentId,
    },
    /// Another legal basis.
    Legal {
        /// The basis record.
        basis: BasisId,
    },
}

impl BasisRef {
    /// `consent:<id>` or `basis:<id>`.
    pub fn key(&self) -> String {
        match self {
            BasisRef::Consent { consent } => format!("consent:{consent}"),
            BasisRef::Legal { basis } => format!("basis:{basis}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn consent_holds_between_given_and_expiry_or_withdrawal() {
        let mut c = ConsentRecord::new(
            "c-1",
            Subject::newcomer("nc-1"),
            vec![Purpose::Matching],
            d("2016-01-10"),
            "v1",
        );
        c.expires_on = Some(d("2017-01-10"));
        assert!(!c.holds_on(d("2016-01-09")));
        assert!(c.holds_on(d("2016-01-10")));
        assert!(c.holds_on(d("2017-01-09")));
        assert!(!c.holds_on(d("2017-01-10")));
        c.withdrawn_on = Some(d("2016-06-01"));
        assert!(c.holds_on(d("2016-05-31")) && !c.holds_on(d("2016-06-01")));
    }

    #[test]
    fn sensitive_attributes_need_explicit_consent() {
        let mut c = ConsentRecord::new(
            "c-1",
            Subject::newcomer("nc-1"),
            vec![Purpose::Matching],
            d("2016-01-10"),
            "v1",
        );
        assert!(c.is_about(Purpose::Matching, None));
        assert!(c.is_about(Purpose::Matching, Some("newcomer.languages")));
        assert!(c.is_about(Purpose::Matching, Some("newcomer.needs")));
        assert!(!c.is_about(Purpose::Matching, Some("newcomer.preferences")));
        assert!(!c.is_about(Purpose::Matching, Some("offer.languages")));
        assert!(!c.is_about(Purpose::ContactDisclosure, None));
        c.attributes.push("newcomer.preferences".into());
        assert!(c.is_about(Purpose::Matching, Some("newcomer.preferences")));
    }

    #[test]
    fn bases_cover_only_what_their_article_allows() {
        assert!(!LegalBasis::LegitimateInterests.covers(SensitivityClass::SpecialCategory));
        assert!(LegalBasis::SubstantialPublicInterest.covers(SensitivityClass::SpecialCategory));
        assert!(LegalBasis::LegalObligation.covers(SensitivityClass::CriminalRecord));
        assert!(!LegalBasis::PublicTask.covers(SensitivityClass::CriminalRecord));
        for b in <LegalBasis as crate::i18n::Vocabulary>::values() {
            assert!(!b.covers(SensitivityClass::NationalId));
        }
        assert!(!LegalBasis::PublicTask.fits(Purpose::ContactDisclosure));
        assert!(LegalBasis::StatutoryDisclosure.fits(Purpose::ContactDisclosure));
        assert_eq!(Purpose::parse("matching").unwrap(), Purpose::Matching);
        let e = Purpose::parse("marketing").unwrap_err();
        assert_eq!(e.code(), "privacy.unknown_purpose");
        assert!(e.to_string().contains("contact_disclosure"));
    }

    #[test]
    fn subject_keys_round_trip() {
        for s in [
            Subject::newcomer("nc-1"),
            Subject::person("p-1"),
            Subject::offer("o-1"),
        ] {
            assert_eq!(Subject::parse_key(&s.key()).unwrap(), s);
        }
        assert!(Subject::parse_key("household:x").is_err());
        assert!(Subject::parse_key("newcomer:").is_err());
    }
}
