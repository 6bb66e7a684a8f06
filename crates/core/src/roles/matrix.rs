//! The responsibility matrix of one version of an agreement: tasks × parties with each cell's
//! roles and carrying posts, plus the analysis findings. It is the input of both renderers.

use super::analysis::analyse;
use super::model::split::{Carrier, Raci, RoleOptions};
use super::tasks::{Located, RoleTask, Scope};
use crate::actors::PartyRef;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::i18n::Text;
use crate::ids::AgreementId;
use chrono::NaiveDate;

/// A column of the matrix.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatrixParty {
    /// The party.
    pub party: PartyRef,
    /// Its key, e.g. `department:aalborg/ctf`.
    pub key: String,
    /// Its display name.
    pub name: String,
    /// Whether it is (part of) the municipality.
    pub municipal: bool,
}

/// One cell: a party's roles on a task and who carries them.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatrixCell {
    /// The roles, in RACI order; empty when the party has no role on the task.
    pub roles: Vec<Raci>,
    /// Who carries each role that has a carrier, in the order of `roles`.
    pub carriers: Vec<CellCarrier>,
}

/// Who carries one role of a cell: a post (by title) or a named person (never by name).
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CellCarrier {
    /// The role carried.
    pub role: Raci,
    /// The carrying post's title, when a post carries it.
    pub post_title: Option<String>,
    /// Whether a named person carries it (shown as "named person").
    pub named_person: bool,
}

/// A row of the matrix: a task and one cell per party, in column order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatrixRow {
    /// The task.
    pub task: RoleTask,
    /// One cell per party, in the order of [`RoleMatrix::parties`].
    pub cells: Vec<MatrixCell>,
}

/// The responsibility matrix of one version of an agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleMatrix {
    /// The agreement.
    pub agreement: AgreementId,
    /// The title of that version.
    pub title: String,
    /// The version number.
    pub version: u32,
    /// The date post holders were looked up on, if one was given.
    pub as_of: Option<NaiveDate>,
    /// The columns: the agreement's parties in its order, then any other party holding a role.
    pub parties: Vec<MatrixParty>,
    /// The rows, in task order: catalogue tasks, activities, custom tasks.
    pub rows: Vec<MatrixRow>,
    /// The analysis findings for this split.
    pub findings: Vec<Finding>,
    /// Where each finding is, in words, one for each of `findings` and in its order ("rollen
    /// for Røde Kors Ikast i opgaven «…», aftalens version 1"): what the shared matrix shows,
    /// keeping the paths for its appendix.
    pub finding_words: Vec<Text>,
}

impl RoleMatrix {
    /// The roles `party_key` holds on `task_key`, if both are in the matrix.
    pub fn roles_of(&self, task_key: &str, party_key: &str) -> Option<&[Raci]> {
        let col = self.parties.iter().position(|p| p.key == party_key)?;
        let row = self.rows.iter().find(|r| r.task.key == task_key)?;
        row.cells.get(col).map(|c| c.roles.as_slice())
    }
}

pub(crate) fn role_matrix(
    dossier: &Dossier,
    agreement: &AgreementId,
    options: impl Into<RoleOptions>,
) -> Result<RoleMatrix, BrobyggerError> {
    let options = options.into();
    let at = Located::find(dossier, agreement, options.version)?;
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    let terms = at.terms();
    let split = &terms.roles;

    let mut columns: Vec<PartyRef> = terms.parties.iter().map(|p| p.party.clone()).collect();
    for a in &split.assignments {
        if !columns.contains(&a.party) {
            columns.push(a.party.clone());
        }
    }
    let parties = columns
        .iter()
        .map(|p| MatrixParty {
            party: p.clone(),
            key: p.key(),
            name: dossier.party_name(p),
            municipal: p.is_municipal(),
        })
        .collect();

    let rows = scope
        .tasks_in_play(options.all_catalogue_tasks)
        .into_iter()
        .map(|task| {
            let mut cells = vec![MatrixCell::default(); columns.len()];
            for (_, a) in split.assignments_of(&task.task) {
                let Some(col) = columns.iter().position(|p| p == &a.party) else {
                    continue;
                };
                let cell = &mut cells[col];
                if cell.roles.contains(&a.role) {
                    continue;
                }
                cell.roles.push(a.role);
                let carrier = match &a.carried_by {
                    Some(Carrier::Post { post }) => Some(CellCarrier {
                        role: a.role,
                        post_title: Some(
                            dossier
                                .post(post)
                                .map(|p| p.title.clone())
                                .unwrap_or_else(|| post.to_string()),
                        ),
                        named_person: false,
                    }),
                    Some(Carrier::Person { .. }) => Some(CellCarrier {
                        role: a.role,
                        post_title: None,
                        named_person: true,
                    }),
                    None => None,
                };
                cell.carriers.extend(carrier);
            }
            for cell in &mut cells {
                cell.roles.sort();
                cell.carriers.sort_by_key(|c| c.role);
            }
            MatrixRow { task, cells }
        })
        .collect();

    let findings = analyse(&scope, options.as_of);
    Ok(RoleMatrix {
        agreement: at.agreement.id.clone(),
        title: terms.title.clone(),
        version: at.version_number(),
        as_of: options.as_of,
        parties,
        rows,
        finding_words: findings
            .iter()
            .map(|f| crate::evidence::describe(dossier, &f.path))
            .collect(),
        findings,
    })
}
