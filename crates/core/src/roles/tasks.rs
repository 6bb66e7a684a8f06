//! Resolving task references against the catalogue, the agreement's activities and the split's
//! own tasks, and the scope (one version of one agreement) every roles operation works in.

use super::model::catalogue::TaskCatalogue;
use super::model::error::RoleError;
use super::model::split::{Carrier, RoleSplit, TaskRef};
use crate::actors::{DepartmentKind, PartyRef};
use crate::agreement::{Agreement, AgreementTerms};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, SourceRef};
use crate::i18n::Text;
use crate::ids::{AgreementId, PersonId};
use chrono::NaiveDate;

/// A task as it appears in a matrix: its reference, key, name and whether it is statutory.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleTask {
    /// The reference, as stored in assignments.
    pub task: TaskRef,
    /// The short key: `integration_contract`, `activity:act-homework`, `custom:t-plan`.
    pub key: String,
    /// The name. Catalogue tasks have both languages; activities and custom tasks carry the
    /// parties' own words in both fields.
    pub name: Text,
    /// What the task involves, when known.
    pub description: Option<Text>,
    /// Whether it is a statutory municipal duty.
    pub statutory: bool,
    /// The statute that lays a statutory duty on the municipality (catalogue tasks).
    pub legal_basis: Option<String>,
    /// The kind of department that usually holds it (catalogue tasks).
    pub typical_department: Option<DepartmentKind>,
    /// Where the sources describe it (catalogue tasks).
    pub source: Option<SourceRef>,
}

/// One version's terms inside a dossier: what every roles operation resolves against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub dossier: &'a Dossier,
    pub terms: &'a AgreementTerms,
    /// `agreements[i].versions[k].terms`.
    pub terms_path: &'a FieldPath,
    pub catalogue: &'static TaskCatalogue,
}

/// An agreement, one of its versions, and where they are in the dossier.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Located<'a> {
    pub agreement: &'a Agreement,
    pub index: usize,
    pub version_index: usize,
}

impl<'a> Located<'a> {
    pub fn find(
        dossier: &'a Dossier,
        id: &AgreementId,
        version: Option<u32>,
    ) -> Result<Self, RoleError> {
        let index = dossier
            .agreements
            .iter()
            .position(|a| &a.id == id)
            .ok_or_else(|| RoleError::UnknownAgreement(id.to_string()))?;
        let agreement = &dossier.agreements[index];
        let version_index = match version {
            None => agreement.versions.len().checked_sub(1),
            Some(n) => agreement.versions.iter().position(|v| v.number == n),
        }
        .ok_or_else(|| RoleError::UnknownVersion {
            agreement: id.to_string(),
            version: version.unwrap_or(0),
        })?;
        Ok(Self {
            agreement,
            index,
            version_index,
        })
    }

    pub fn terms(&self) -> &'a AgreementTerms {
        &self.agreement.versions[self.version_index].terms
    }

    pub fn version_number(&self) -> u32 {
        self.agreement.versions[self.version_index].number
    }

    pub fn terms_path(&self) -> FieldPath {
        FieldPath::root()
            .field("agreements")
            .index(self.index)
            .field("versions")
            .index(self.version_index)
            .field("terms")
    }
}

impl<'a> Scope<'a> {
    pub fn new(dossier: &'a Dossier, terms: &'a AgreementTerms, terms_path: &'a FieldPath) -> Self {
        Self {
            dossier,
            terms,
            terms_path,
            catalogue: TaskCatalogue::builtin(),
        }
    }

    pub fn split(&self) -> &'a RoleSplit {
        &self.terms.roles
    }

    pub fn roles_path(&self) -> FieldPath {
        self.terms_path.field("roles")
    }

    pub fn assignment_path(&self, j: usize) -> FieldPath {
        self.roles_path().field("assignments").index(j)
    }

    /// The task behind a reference, if it exists in this scope.
    pub fn resolve(&self, task: &TaskRef) -> Option<RoleTask> {
        let key = task.key();
        match task {
            TaskRef::Catalogue { id } => self.catalogue.get(id).map(|def| RoleTask {
                task: task.clone(),
                key,
                name: def.name.clone(),
                description: Some(def.description.clone()),
                statutory: def.statutory,
                legal_basis: def.legal_basis.clone(),
                typical_department: def.typical_department,
                source: def.source.clone(),
            }),
            TaskRef::Activity { activity } => self
                .terms
                .activities
                .iter()
                .find(|a| &a.id == activity)
                .map(|a| RoleTask {
                    task: task.clone(),
                    key,
                    name: Text::new(a.name.clone(), a.name.clone()),
                    description: None,
                    statutory: false,
                    legal_basis: None,
                    typical_department: None,
                    source: None,
                }),
            TaskRef::Custom { id } => self.split().custom_task(id).map(|t| RoleTask {
                task: task.clone(),
                key,
                name: Text::new(t.name.clone(), t.name.clone()),
                description: t
                    .description
                    .as_ref()
                    .map(|d| Text::new(d.clone(), d.clone())),
                statutory: t.statutory,
                legal_basis: None,
                typical_department: None,
                source: None,
            }),
        }
    }

    /// The tasks in play, in matrix order: catalogue tasks the split uses (or all of them), then
    /// every activity, then the custom tasks. References that resolve to nothing are left out
    /// (validation reports them).
    pub fn tasks_in_play(&self, all_catalogue: bool) -> Vec<RoleTask> {
        let split = self.split();
        let used = |t: &TaskRef| split.assignments.iter().any(|a| &a.task == t);
        let mut out: Vec<RoleTask> = self
            .catalogue
            .tasks
            .iter()
            .map(|def| TaskRef::Catalogue { id: def.id.clone() })
            .filter(|t| all_catalogue || used(t))
            .filter_map(|t| self.resolve(&t))
            .collect();
        out.extend(
            self.terms
                .activities
                .iter()
                .filter_map(|a| self.resolve(&TaskRef::activity(a.id.clone()))),
        );
        out.extend(
            split
                .tasks
                .iter()
                .filter_map(|t| self.resolve(&TaskRef::custom(t.id.clone()))),
        );
        out
    }

    /// Where a task is defined: the activity or custom task, or for a catalogue task its first
    /// assignment (the catalogue itself is not in the document).
    pub fn task_path(&self, task: &TaskRef) -> FieldPath {
        match task {
            TaskRef::Activity { activity } => {
                match self.terms.activities.iter().position(|a| &a.id == activity) {
                    Some(j) => self.terms_path.field("activities").index(j),
                    None => self.roles_path(),
                }
            }
            TaskRef::Custom { id } => match self.split().tasks.iter().position(|t| &t.id == id) {
                Some(j) => self.roles_path().field("tasks").index(j),
                None => self.roles_path(),
            },
            TaskRef::Catalogue { .. } => match self.split().assignments_of(task).next() {
                Some((j, _)) => self.assignment_path(j),
                None => self.roles_path(),
            },
        }
    }

    /// Whether `party` is (covered by) a party to the agreement.
    pub fn in_agreement(&self, party: &PartyRef) -> bool {
        self.terms.parties.iter().any(|ap| ap.party.covers(party))
    }

    /// The person carrying an assignment: the post's holder on `as_of` (or its open tenure), or
    /// the named person.
    pub fn carrier_person(&self, carrier: &Carrier, as_of: Option<NaiveDate>) -> Option<PersonId> {
        match carrier {
            Carrier::Person { person } => Some(person.clone()),
            Carrier::Post { post } => {
                let post = self.dossier.post(post)?;
                match as_of {
                    Some(date) => post.holder_on(date).cloned(),
                    None => post
                        .holders
                        .last()
                        .filter(|t| t.until.is_none())
                        .map(|t| t.person.clone()),
                }
            }
        }
    }
}
