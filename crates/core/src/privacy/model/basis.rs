//! The vocabulary of lawful processing: what personal data is used for ([`Purpose`]) and on
//! which legal basis ([`LegalBasis`]), and the two ways a basis reaches a matching run without a
//! dossier's privacy records: on the profile itself ([`ProfileBasis`], the consent and basis
//! columns of a spreadsheet or table) and declared in the call ([`DeclaredBasis`]). The rule
//! that reads them is written once, in `crate::privacy::gate`.

use crate::i18n::labels;
use crate::ids::BasisId;
use crate::privacy::model::codes::PrivacyError;
use crate::sensitivity::SensitivityClass;
use chrono::NaiveDate;

/// What personal data is used for. A closed vocabulary: a purpose outside it is an error.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Purpose {
    /// Proposing matches with volunteer offers, including describing the household to the
    /// proposed volunteer in the terms the rule set allows.
    Matching,
    /// Passing contact details to the other side of a match both sides accepted.
    ContactDisclosure,
    /// Evaluation and statistics (counts and shares for analysts).
    Statistics,
    /// Being asked in evaluation surveys.
    Surveys,
    /// Linking records across two systems by keyed pseudonyms.
    RecordLinkage,
}

labels!(Purpose, "purpose" {
    Matching => ("matchning med frivillige", "matching with volunteers"),
    ContactDisclosure => ("videregivelse af kontaktoplysninger", "passing on contact details"),
    Statistics => ("evaluering og statistik", "evaluation and statistics"),
    Surveys => ("spørgeskemaundersøgelser", "surveys"),
    RecordLinkage => ("sammenkobling af registre", "linking records across systems"),
});

impl Purpose {
    /// Every purpose, in order.
    pub const ALL: [Purpose; 5] = [
        Purpose::Matching,
        Purpose::ContactDisclosure,
        Purpose::Statistics,
        Purpose::Surveys,
        Purpose::RecordLinkage,
    ];

    /// The value as written in files, e.g. `contact_disclosure`.
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Matching => "matching",
            Purpose::ContactDisclosure => "contact_disclosure",
            Purpose::Statistics => "statistics",
            Purpose::Surveys => "surveys",
            Purpose::RecordLinkage => "record_linkage",
        }
    }

    /// Parses a purpose; an unknown one is an error listing the known ones.
    pub fn parse(s: &str) -> Result<Purpose, PrivacyError> {
        Purpose::ALL
            .into_iter()
            .find(|p| p.key() == s.trim())
            .ok_or_else(|| {
                PrivacyError::UnknownPurpose(
                    Purpose::ALL
                        .iter()
                        .map(|p| p.key())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
    }
}

/// A legal basis for processing or passing on personal data.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LegalBasis {
    /// Consent (GDPR art. 6(1)(a); explicit consent art. 9(2)(a); databeskyttelsesloven § 8,
    /// stk. 3 for criminal-record data). Recorded as a
    /// [`ConsentRecord`](crate::privacy::ConsentRecord), never as a
    /// [`ProcessingBasis`](crate::privacy::ProcessingBasis).
    Consent,
    /// A contract with the person, e.g. a volunteer agreement (art. 6(1)(b)).
    Contract,
    /// A legal obligation of the controller (art. 6(1)(c)), e.g. obtaining a child-protection
    /// certificate (databeskyttelsesloven § 8, stk. 1 and the rules on børneattester).
    LegalObligation,
    /// Vital interests of the person or another (art. 6(1)(d), 9(2)(c)).
    VitalInterests,
    /// A task in the public interest or official authority (art. 6(1)(e)), e.g. the
    /// municipality's integration duties.
    PublicTask,
    /// Legitimate interests (art. 6(1)(f)); not for authorities' own tasks, never for special
    /// categories.
    LegitimateInterests,
    /// Social protection law (art. 9(2)(b)).
    SocialProtectionLaw,
    /// A not-for-profit body's activities for its members (art. 9(2)(d)).
    NotForProfitBody,
    /// Substantial public interest laid down in law (art. 9(2)(g)).
    SubstantialPublicInterest,
    /// Statistics and research (art. 9(2)(j), databeskyttelsesloven § 10).
    ArchivingResearchStatistics,
    /// An exception to the duty of confidentiality (forvaltningsloven § 27, straffeloven § 152 e,
    /// nr. 1): a statute requires passing the information on.
    StatutoryDisclosure,
    /// An exception to the duty of confidentiality (forvaltningsloven § 27, straffeloven § 152 e,
    /// nr. 2): passing it on clearly serves an overriding public or private interest.
    OverridingInterest,
}

labels!(LegalBasis, "legal_basis" {
    Consent => ("samtykke", "consent"),
    Contract => ("aftale", "contract"),
    LegalObligation => ("retlig forpligtelse", "legal obligation"),
    VitalInterests => ("vitale interesser", "vital interests"),
    PublicTask => ("offentlig myndighedsudøvelse", "public task"),
    LegitimateInterests => ("legitime interesser", "legitimate interests"),
    SocialProtectionLaw => ("social sikring og socialbeskyttelse", "social protection law"),
    NotForProfitBody => ("almennyttig organisations aktiviteter", "not-for-profit body"),
    SubstantialPublicInterest => ("væsentlig samfundsinteresse", "substantial public interest"),
    ArchivingResearchStatistics => ("statistik og forskning", "statistics and research"),
    StatutoryDisclosure => ("lovpligtig videregivelse", "statutory disclosure"),
    OverridingInterest => ("åbenbart overvejende interesse", "overriding interest"),
});

impl LegalBasis {
    /// Where the basis is laid down, e.g. `GDPR art. 6(1)(e)`.
    pub fn citation(self) -> &'static str {
        match self {
            LegalBasis::Consent => "GDPR art. 6(1)(a), 9(2)(a); databeskyttelsesloven § 8, stk. 3",
            LegalBasis::Contract => "GDPR art. 6(1)(b)",
            LegalBasis::LegalObligation => "GDPR art. 6(1)(c); databeskyttelsesloven § 8",
            LegalBasis::VitalInterests => "GDPR art. 6(1)(d), 9(2)(c)",
            LegalBasis::PublicTask => "GDPR art. 6(1)(e)",
            LegalBasis::LegitimateInterests => "GDPR art. 6(1)(f)",
            LegalBasis::SocialProtectionLaw => "GDPR art. 9(2)(b)",
            LegalBasis::NotForProfitBody => "GDPR art. 9(2)(d)",
            LegalBasis::SubstantialPublicInterest => "GDPR art. 9(2)(g)",
            LegalBasis::ArchivingResearchStatistics => {
                "GDPR art. 9(2)(j); databeskyttelsesloven § 10"
            }
            LegalBasis::StatutoryDisclosure => {
                "forvaltningsloven § 27; straffeloven § 152 e, nr. 1"
            }
            LegalBasis::OverridingInterest => "forvaltningsloven § 27; straffeloven § 152 e, nr. 2",
        }
    }

    /// Whether the basis can cover data of `class`.
    pub fn covers(self, class: SensitivityClass) -> bool {
        use LegalBasis::*;
        match class {
            SensitivityClass::NotPersonal | SensitivityClass::Ordinary => true,
            SensitivityClass::Confidential => !matches!(self, Contract | LegitimateInterests),
            SensitivityClass::SpecialCategory => matches!(
                self,
                Consent
                    | VitalInterests
                    | SocialProtectionLaw
                    | NotForProfitBody
                    | SubstantialPublicInterest
                    | ArchivingResearchStatistics
            ),
            SensitivityClass::CriminalRecord => {
                matches!(self, Consent | LegalObligation | OverridingInterest)
            }
            // The library never processes national id numbers.
            SensitivityClass::NationalId => false,
        }
    }

    /// Whether the basis can serve `purpose`.
    pub fn fits(self, purpose: Purpose) -> bool {
        use LegalBasis::*;
        match purpose {
            Purpose::Matching => matches!(
                self,
                Consent
                    | Contract
                    | LegalObligation
                    | PublicTask
                    | LegitimateInterests
                    | SocialProtectionLaw
                    | NotForProfitBody
                    | SubstantialPublicInterest
            ),
            Purpose::ContactDisclosure => matches!(
                self,
                Consent | Contract | VitalInterests | StatutoryDisclosure | OverridingInterest
            ),
            Purpose::Statistics => matches!(
                self,
                Consent | PublicTask | LegitimateInterests | ArchivingResearchStatistics
            ),
            Purpose::Surveys => matches!(self, Consent | PublicTask | LegitimateInterests),
            Purpose::RecordLinkage => matches!(
                self,
                Consent | PublicTask | LegalObligation | ArchivingResearchStatistics
            ),
        }
    }
}

/// What a profile kept outside a dossier says about its own basis for matching: the consent and
/// basis columns of a spreadsheet, a table or a list of records. A dossier keeps consents and
/// bases in its privacy records instead; there this is not read (validation warns).
///
/// The consent covers matching on the subject's ordinary and confidential data from
/// `consent_given_on` up to (not including) `consent_ends_on`, and the special-category and
/// criminal-record attributes it names in `consent_attributes`. The other basis covers what its
/// article can cover: the attributes in `basis_attributes` (sensitive ones only when listed).
/// `Debug` shows whether each part is there, never the values.
#[derive(
    Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileBasis {
    /// The day the household or volunteer consented to matching, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub consent_given_on: Option<NaiveDate>,
    /// The first day the consent no longer holds (withdrawn or lapsed), if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub consent_ends_on: Option<NaiveDate>,
    /// The special-category and criminal-record attributes the consent names explicitly, as
    /// `newcomer.<field>` or `offer.<field>` (e.g. `newcomer.preferences`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub consent_attributes: Vec<String>,
    /// Another legal basis for matching (never `consent`), e.g. `legal_obligation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub basis: Option<LegalBasis>,
    /// The attributes that basis covers; sensitive ones only when listed (e.g.
    /// `offer.credentials`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub basis_attributes: Vec<String>,
    /// The statute, decision or agreement behind the basis, e.g. "børneattestloven § 2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub basis_reference: Option<String>,
}

impl std::fmt::Debug for ProfileBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileBasis")
            .field("consent", &self.consent_given_on.is_some())
            .field("basis", &self.basis)
            .finish_non_exhaustive()
    }
}

impl ProfileBasis {
    /// Whether the profile says nothing about its basis.
    pub fn is_empty(&self) -> bool {
        self == &ProfileBasis::default()
    }
}

/// A legal basis the caller declares for one matching call, covering the listed attributes of
/// every household and offer in it (e.g. the child-protection certificates the municipality is
/// obliged to obtain: `offer.credentials` under `legal_obligation`). The run records it and
/// names it in every use it allowed.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeclaredBasis {
    /// An id for the declaration, named by the uses it allowed.
    pub id: BasisId,
    /// The basis (never `consent`: a consent is the subject's, on the profile or in a dossier).
    pub basis: LegalBasis,
    /// The attributes it covers (`offer.credentials`); sensitive ones only when listed, and
    /// only those whose class the basis can cover.
    pub attributes: Vec<String>,
    /// The statute, decision or agreement, e.g. "børneattestloven § 2".
    pub reference: String,
}

impl DeclaredBasis {
    /// A declaration of `basis` for `attributes` under `reference`.
    pub fn new(
        id: impl Into<BasisId>,
        basis: LegalBasis,
        attributes: Vec<String>,
        reference: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            basis,
            attributes,
            reference: reference.into(),
        }
    }
}
