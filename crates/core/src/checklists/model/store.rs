//! What a dossier stores about checklists: the container of templates, requirements, sessions
//! and resolutions, and the yes/no answer.

use crate::checklists::model::session::AnswerSession;
use crate::checklists::model::session::ChecklistRequirement;
use crate::checklists::model::session::Resolution;
use crate::checklists::model::template::ChecklistTemplate;
use crate::i18n::labels;

/// Everything about checklists a dossier stores: its own templates, the checklists each
/// agreement requires before signing, the parties' answer sessions, and the resolutions of
/// divergences.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Checklists {
    /// Templates of the dossier's own, beside the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<ChecklistTemplate>,
    /// Checklists agreements require before signing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<ChecklistRequirement>,
    /// The parties' answer sessions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<AnswerSession>,
    /// Resolutions of diverging items, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
}

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
