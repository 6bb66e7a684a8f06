//! What a dossier stores about a household's outcomes: dated records of its employment or
//! education, self-support, Danish and social network, each made under a basis for evaluation
//! and statistics. Personal data of vulnerable people: the household is pseudonymous, every
//! field carries its sensitivity class, and `Debug` shows ids and dates only.

use crate::i18n::labels;
use crate::ids::{CohortId, NewcomerId};
use chrono::NaiveDate;

/// One dated observation of a household's outcomes (002 follows job attachment, self-support
/// and language). Any measure may be absent: a record says what was known on the day.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OutcomeRecord {
    /// The household, by its pseudonymous id.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub household: NewcomerId,
    /// The cohort the household belongs to.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub cohort: CohortId,
    /// The day the outcomes were observed.
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub on: NaiveDate,
    /// Work or education (social circumstances: confidential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub employment: Option<Employment>,
    /// Whether the household supports itself without public benefits (confidential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub self_supporting: Option<bool>,
    /// The adults' level of Danish, on the CEFR scale (ordinary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub danish: Option<DanishLevel>,
    /// Whether the household has a social network beyond the municipality's staff (confidential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub network: Option<SocialNetwork>,
}

impl crate::sensitivity::PersonalData for OutcomeRecord {}

impl std::fmt::Debug for OutcomeRecord {
    // Ids and the day only: the outcomes themselves stay out of logs and errors.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutcomeRecord")
            .field("household", &self.household)
            .field("cohort", &self.cohort)
            .field("on", &self.on)
            .finish_non_exhaustive()
    }
}

/// Work or education.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Employment {
    /// In ordinary paid work.
    Employed,
    /// In education.
    InEducation,
    /// In an internship or subsidised job (virksomhedspraktik, løntilskud).
    Internship,
    /// Looking for work.
    Unemployed,
    /// Outside the labour market (illness, care, age).
    OutsideLabourMarket,
}

labels!(Employment, "employment" {
    Employed => ("i arbejde", "employed"),
    InEducation => ("i uddannelse", "in education"),
    Internship => ("i praktik eller løntilskud", "in an internship or subsidised job"),
    Unemployed => ("ledig", "unemployed"),
    OutsideLabourMarket => ("uden for arbejdsmarkedet", "outside the labour market"),
});

impl Employment {
    /// Work or education (the job attachment 002 follows).
    pub fn is_attached(self) -> bool {
        matches!(self, Employment::Employed | Employment::InEducation)
    }
}

/// A level of Danish on the Common European Framework of Reference.
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
pub enum DanishLevel {
    /// No Danish yet.
    NoDanish,
    /// A1.
    A1,
    /// A2.
    A2,
    /// B1 (about Prøve i Dansk 2).
    B1,
    /// B2 (about Prøve i Dansk 3).
    B2,
    /// C1 or above.
    C1,
}

labels!(DanishLevel, "danish_level" {
    NoDanish => ("intet dansk", "no Danish"),
    A1 => ("A1", "A1"),
    A2 => ("A2", "A2"),
    B1 => ("B1", "B1"),
    B2 => ("B2", "B2"),
    C1 => ("C1 eller derover", "C1 or above"),
});

/// A household's social network beyond the municipality's staff.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SocialNetwork {
    /// Nobody to turn to.
    Isolated,
    /// Contacts within their own community only.
    OwnCommunity,
    /// Contacts among Danes too (neighbours, volunteers, colleagues, club members).
    Wider,
}

labels!(SocialNetwork, "social_network" {
    Isolated => ("intet netværk", "no network"),
    OwnCommunity => ("netværk i egen gruppe", "own community only"),
    Wider => ("netværk også blandt danskere", "contacts among Danes too"),
});

crate::code::codes! {
    /// The codes of outcome records: refused records and the records' validation.
    pub enum OutcomeCode in "outcomes" {
        /// No consent or other basis covers evaluation and statistics for the household on the
        /// record's day.
        NoBasis = "outcome.no_basis", both(Warning, InvalidInput),
            "Intet samtykke eller andet grundlag dækker evaluering og statistik for husstanden på dagen.",
            "No consent or other basis covers evaluation and statistics for the household on the day.";
        /// A record dated before the household arrived.
        BeforeArrival = "outcome.before_arrival", both(Error, InvalidInput),
            "Oplysningerne er dateret, før husstanden kom.",
            "The record is dated before the household arrived.";
        /// Two records of one household on one day.
        DuplicateRecord = "outcome.duplicate_record", both(Error, InvalidInput),
            "Husstanden har allerede oplysninger fra den dag.",
            "The household already has a record of that day.";
    }
}

impl crate::finding::FindingKind for OutcomeCode {}
