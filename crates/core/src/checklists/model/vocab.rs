//! The checklists' small vocabularies: the side a party is on and the yes/no answer.

use crate::i18n::labels;

/// A yes/no answer.
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
pub enum YesNo {
    /// Yes.
    Yes,
    /// Partly.
    Partly,
    /// No.
    No,
    /// Not relevant here.
    NotRelevant,
}

labels!(YesNo, "yes_no" {
    Yes => ("ja", "yes"),
    Partly => ("delvist", "partly"),
    No => ("nej", "no"),
    NotRelevant => ("ikke relevant", "not relevant"),
});

impl YesNo {
    /// The position on the yes–no line (yes 1, partly ½, no 0); `None` for not relevant.
    pub fn position(self) -> Option<f64> {
        match self {
            YesNo::Yes => Some(1.0),
            YesNo::Partly => Some(0.5),
            YesNo::No => Some(0.0),
            YesNo::NotRelevant => None,
        }
    }
}

/// The two sides of a partnership.
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
pub enum Side {
    /// The municipality or one of its departments.
    Municipality,
    /// A civil-society organisation.
    CivilSociety,
}

labels!(Side, "side" {
    Municipality => ("kommunen", "the municipality"),
    CivilSociety => ("civilsamfundet", "civil society"),
});

impl Side {
    /// The side a party is on.
    pub fn of(party: &crate::actors::PartyRef) -> Side {
        if party.is_municipal() {
            Side::Municipality
        } else {
            Side::CivilSociety
        }
    }
}
