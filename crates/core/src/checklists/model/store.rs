//! What a dossier stores about checklists: the container of templates, requirements, sessions
//! and resolutions, and the yes/no answer.

use crate::checklists::model::session::{AnswerSession, ChecklistRequirement, Resolution};
use crate::checklists::model::template::ChecklistTemplate;

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

impl Checklists {
    /// Whether there is nothing: no templates, requirements, sessions or resolutions.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
            && self.requirements.is_empty()
            && self.sessions.is_empty()
            && self.resolutions.is_empty()
    }
}
