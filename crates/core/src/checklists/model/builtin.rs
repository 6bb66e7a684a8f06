//! The built-in templates, faithful to the source documents. The data lives in TOML files under
//! `crates/core/data/checklists/`, one per template, with the Danish text as the documents word
//! it and an English translation.

use super::template::ChecklistTemplate;
use crate::error::BrobyggerError;
use std::sync::LazyLock;

/// A built-in checklist template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BuiltinChecklist {
    /// The municipality's preparation, 003 "Kom godt i gang" (five questions).
    MunicipalPreparation,
    /// The association's standpoint, 003 "Undersøg dernæst de etniske minoritetsforeningers
    /// ståsted" (five questions with their sub-points).
    AssociationStandpoint,
    /// Five things to do and five to avoid for municipalities, 003 "Gode råd til kommuner".
    MunicipalityAdvice,
    /// Five things to do and five to avoid for associations, 003 "Gode råd til etniske
    /// minoritetsforeninger".
    AssociationAdvice,
    /// The LBB evaluation's recommendations, 001 "Anbefalinger".
    LbbRecommendations,
    /// The resource check over the eight KEM themes (003).
    ResourceCheck,
    /// Both parties state the same expectations (meetings, hours, goals, tasks, words).
    JointExpectations,
}

impl BuiltinChecklist {
    /// Every built-in template.
    pub const ALL: [BuiltinChecklist; 7] = [
        BuiltinChecklist::MunicipalPreparation,
        BuiltinChecklist::AssociationStandpoint,
        BuiltinChecklist::MunicipalityAdvice,
        BuiltinChecklist::AssociationAdvice,
        BuiltinChecklist::LbbRecommendations,
        BuiltinChecklist::ResourceCheck,
        BuiltinChecklist::JointExpectations,
    ];

    /// The template id.
    pub fn id(self) -> &'static str {
        match self {
            BuiltinChecklist::MunicipalPreparation => "kem-municipal-preparation",
            BuiltinChecklist::AssociationStandpoint => "kem-association-standpoint",
            BuiltinChecklist::MunicipalityAdvice => "kem-municipality-advice",
            BuiltinChecklist::AssociationAdvice => "kem-association-advice",
            BuiltinChecklist::LbbRecommendations => "lbb-recommendations",
            BuiltinChecklist::ResourceCheck => "kem-resource-check",
            BuiltinChecklist::JointExpectations => "joint-expectations",
        }
    }

    /// The template's TOML text.
    pub fn toml(self) -> &'static str {
        match self {
            BuiltinChecklist::MunicipalPreparation => {
                include_str!("../../../data/checklists/kem-municipal-preparation.toml")
            }
            BuiltinChecklist::AssociationStandpoint => {
                include_str!("../../../data/checklists/kem-association-standpoint.toml")
            }
            BuiltinChecklist::MunicipalityAdvice => {
                include_str!("../../../data/checklists/kem-municipality-advice.toml")
            }
            BuiltinChecklist::AssociationAdvice => {
                include_str!("../../../data/checklists/kem-association-advice.toml")
            }
            BuiltinChecklist::LbbRecommendations => {
                include_str!("../../../data/checklists/lbb-recommendations.toml")
            }
            BuiltinChecklist::ResourceCheck => {
                include_str!("../../../data/checklists/kem-resource-check.toml")
            }
            BuiltinChecklist::JointExpectations => {
                include_str!("../../../data/checklists/joint-expectations.toml")
            }
        }
    }

    /// The template, read and checked.
    pub fn template(self) -> Result<ChecklistTemplate, BrobyggerError> {
        ChecklistTemplate::from_toml(self.toml())
    }

    /// The built-in template with `id`.
    pub fn from_id(id: &str) -> Option<BuiltinChecklist> {
        BuiltinChecklist::ALL.into_iter().find(|b| b.id() == id)
    }
}

/// The built-in template `id` in `version`, or in its newest version if `None`.
pub fn builtin_template(
    id: &crate::ids::TemplateId,
    version: Option<u32>,
) -> Result<ChecklistTemplate, BrobyggerError> {
    all()
        .iter()
        .filter(|t| &t.id == id)
        .filter(|t| version.is_none_or(|v| t.version == v))
        .max_by_key(|t| t.version)
        .cloned()
        .ok_or_else(|| {
            super::codes::ChecklistError::UnknownTemplate {
                id: id.to_string(),
                version,
            }
            .into()
        })
}

static ALL: LazyLock<Vec<ChecklistTemplate>> = LazyLock::new(|| {
    // A template that fails to read is left out rather than panicking; the tests below make
    // sure none does.
    BuiltinChecklist::ALL
        .iter()
        .filter_map(|b| b.template().ok())
        .collect()
});

/// Every built-in template, read once.
pub fn all() -> &'static [ChecklistTemplate] {
    &ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_reads_and_has_its_id() {
        for b in BuiltinChecklist::ALL {
            let t = b.template().unwrap_or_else(|e| panic!("{}: {e}", b.id()));
            assert_eq!(t.id.as_str(), b.id());
            assert!(t.validate().is_empty(), "{}: {:?}", b.id(), t.validate());
        }
        assert_eq!(all().len(), BuiltinChecklist::ALL.len());
    }
}
