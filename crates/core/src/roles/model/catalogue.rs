//! The built-in task catalogue: statutory municipal duties and typical shared tasks, in Danish
//! and English, each citing its source where the source documents give one.
//!
//! The catalogue is data (`crates/core/data/roles/catalogue.json`); ids are stable and never
//! reused, so files and apps can refer to them.

use crate::actors::DepartmentKind;
use crate::finding::SourceRef;
use crate::i18n::Text;
use crate::ids::TaskId;
use crate::roles::model::codes::RolesCode;
use std::sync::OnceLock;

/// One task of the catalogue.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaskDefinition {
    /// Stable id, e.g. `integration_contract`.
    pub id: TaskId,
    /// The name in Danish and English.
    pub name: Text,
    /// What the task involves, in Danish and English.
    pub description: Text,
    /// Whether it is a statutory municipal duty: only the municipality may be Responsible or
    /// Accountable for it (001 "Anerkendelse og respekt").
    pub statutory: bool,
    /// For a statutory duty, the statute that lays it on the municipality (e.g.
    /// `integrationsloven § 12`): what a refusal to hand it to another party cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub legal_basis: Option<String>,
    /// The kind of department that usually holds it, when there is a usual one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_department: Option<DepartmentKind>,
    /// Where the sources describe the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// For a statutory task whose source does not say it is a duty (or that has no source):
    /// why the library counts it as one. This is the library's own judgement, not a claim of
    /// the sources; only 001 "Anerkendelse og respekt" says what is statutory, and in general
    /// terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement: Option<Text>,
}

/// The catalogue of tasks, in a fixed order: statutory duties first.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskCatalogue {
    /// The tasks.
    pub tasks: Vec<TaskDefinition>,
}

static BUILTIN: OnceLock<Result<TaskCatalogue, String>> = OnceLock::new();
static EMPTY: TaskCatalogue = TaskCatalogue { tasks: Vec::new() };

impl TaskCatalogue {
    /// The built-in catalogue. The data is compiled in and checked by the test suite; should it
    /// ever fail to parse, this is empty and [`TaskCatalogue::try_builtin`] says why.
    pub fn builtin() -> &'static TaskCatalogue {
        Self::try_builtin().unwrap_or(&EMPTY)
    }

    /// The built-in catalogue, or why it could not be read.
    pub fn try_builtin() -> Result<&'static TaskCatalogue, crate::error::BrobyggerError> {
        BUILTIN
            .get_or_init(|| {
                serde_json::from_str(include_str!("../../../data/roles/catalogue.json"))
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|reason| crate::error::BrobyggerError::Internal {
                code: RolesCode::Catalogue.into(),
                reason: reason.clone(),
            })
    }

    /// The task with `id`.
    pub fn get(&self, id: &TaskId) -> Option<&TaskDefinition> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    /// The statutory municipal duties.
    pub fn statutory(&self) -> impl Iterator<Item = &TaskDefinition> {
        self.tasks.iter().filter(|t| t.statutory)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_builtin_catalogue_reads_and_is_well_formed() {
        let c = TaskCatalogue::try_builtin().unwrap();
        assert_eq!(c.tasks.len(), 17);
        let ids: HashSet<&str> = c.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), c.tasks.len(), "ids are unique");
        for t in &c.tasks {
            assert!(crate::ids::is_well_formed(t.id.as_str()), "{}", t.id);
            assert!(!t.id.as_str().contains(':'), "{}: ':' is reserved", t.id);
            for s in [&t.name.da, &t.name.en, &t.description.da, &t.description.en] {
                assert!(!s.trim().is_empty(), "{}", t.id);
            }
        }
        // Statutory duties come first, and the seven are all there.
        // Every statutory duty cites the statute that lays it on the municipality.
        for t in c.statutory() {
            assert!(
                t.legal_basis
                    .as_deref()
                    .is_some_and(|b| !b.trim().is_empty()),
                "{}",
                t.id
            );
        }
        assert!(
            c.tasks
                .iter()
                .filter(|t| !t.statutory)
                .all(|t| t.legal_basis.is_none())
        );
        let first_shared = c.tasks.iter().position(|t| !t.statutory).unwrap();
        assert!(c.tasks[first_shared..].iter().all(|t| !t.statutory));
        let statutory: Vec<&str> = c.statutory().map(|t| t.id.as_str()).collect();
        assert_eq!(
            statutory,
            [
                "integration_contract",
                "case_management",
                "employment_measures",
                "housing_placement",
                "school_daycare_placement",
                "financial_support",
                "official_interpreting"
            ]
        );
        assert_eq!(
            c.get(&"employment_measures".into())
                .and_then(|t| t.typical_department),
            Some(DepartmentKind::Jobcentre)
        );
    }
}
