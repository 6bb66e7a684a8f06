//! Changing a split (all or nothing) and asking it questions: what does this party do, who
//! carries this task.

use super::model::split::{
    Assignment, Carrier, CustomTask, Raci, RoleChange, RoleOptions, RoleSplit, TaskRef,
};
use super::tasks::{Located, RoleTask, Scope};
use crate::actors::PartyRef;
use crate::agreement::Amendment;
use crate::code::InputCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::Label;
use crate::ids::{AgreementId, PersonId, PostId};
use crate::lifecycle::transition::amend;
use crate::roles::model::error::RoleError;
use crate::status::AgreementStatus;
use crate::validate::validate;

/// One thing a party does: a task and the party's assignment on it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Duty {
    /// The task.
    pub task: RoleTask,
    /// The party's assignment on it.
    pub assignment: Assignment,
}

/// Who carries a task for one party in one role.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Carrying {
    /// The party.
    pub party: PartyRef,
    /// Its display name, e.g. "Jobcenter Aalborg (Aalborg Kommune)".
    pub party_name: String,
    /// The role.
    pub role: Raci,
    /// The post carrying it, if one is named.
    pub post: Option<PostId>,
    /// The person carrying it on the date asked about: the post's holder, or the named person.
    /// An opaque id; look the person up in the dossier if you may.
    pub person: Option<PersonId>,
}

impl RoleChange {
    /// Reads a JSON array of changes (`[{"type": "assign", "assignment": {...}}, ...]`), as
    /// apps receive change sets. Errors give the path of the bad field and quote no value.
    pub fn list_from_json(json: &str) -> Result<Vec<RoleChange>, BrobyggerError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let inner = e.inner();
            BrobyggerError::Parse {
                code: InputCode::BadChanges.into(),
                path: crate::error::error_path(&e),
                line: u32::try_from(inner.line()).unwrap_or(u32::MAX),
                column: u32::try_from(inner.column()).unwrap_or(u32::MAX),
                reason: crate::error::redact_message(&inner.to_string()),
            }
        })
    }
}

/// The checks an assignment must pass against a split and its scope.
fn check_assignment(scope: &Scope<'_>, split: &RoleSplit, a: &Assignment) -> Result<(), RoleError> {
    // The task may be a custom task defined earlier in the same batch, so resolve against the
    // split being built.
    let task_exists = match &a.task {
        TaskRef::Custom { id } => split.custom_task(id).is_some(),
        other => scope.resolve(other).is_some(),
    };
    if !task_exists {
        return Err(RoleError::UnknownTask(a.task.key()));
    }
    if !scope.dossier.party_exists(&a.party) {
        return Err(RoleError::UnknownParty(a.party.key()));
    }
    if !scope.in_agreement(&a.party) {
        return Err(RoleError::NotAParty(a.party.key()));
    }
    match &a.carried_by {
        Some(Carrier::Post { post }) => {
            let found = scope
                .dossier
                .post(post)
                .ok_or_else(|| RoleError::UnknownPost(post.to_string()))?;
            if !a.party.covers(&found.party) {
                return Err(RoleError::CarrierNotOfParty {
                    post: post.to_string(),
                    acts_for: found.party.key(),
                    party: a.party.key(),
                });
            }
        }
        Some(Carrier::Person { person }) if scope.dossier.person(person).is_none() => {
            return Err(RoleError::UnknownPerson(person.to_string()));
        }
        Some(Carrier::Person { .. }) | None => {}
    }
    if a.hours_per_month.is_some_and(|h| !h.is_finite() || h < 0.0) {
        return Err(RoleError::InvalidHours);
    }
    for b in split.assignments_of(&a.task).map(|(_, b)| b) {
        if b.party == a.party && b.role == a.role {
            return Err(RoleError::AlreadyAssigned {
                task: a.task.key(),
                party: a.party.key(),
                role: a.role.letter(),
            });
        }
        if b.party == a.party && !b.role.combines_with(a.role) {
            return Err(RoleError::ConflictingRoles {
                task: a.task.key(),
                party: a.party.key(),
                existing: b.role.label(crate::i18n::Lang::En),
            });
        }
        if a.role == Raci::Accountable && b.role == Raci::Accountable {
            return Err(RoleError::SecondAccountable {
                task: a.task.key(),
                existing: b.party.key(),
            });
        }
    }
    Ok(())
}

fn apply_one(
    scope: &Scope<'_>,
    split: &mut RoleSplit,
    change: &RoleChange,
) -> Result<(), RoleError> {
    match change {
        RoleChange::Assign { assignment } => {
            check_assignment(scope, split, assignment)?;
            split.assignments.push(assignment.clone());
        }
        RoleChange::Unassign { task, party, role } => {
            let j = split
                .assignments
                .iter()
                .position(|a| a.is(task, party, *role))
                .ok_or_else(|| RoleError::NotAssigned {
                    task: task.key(),
                    party: party.key(),
                    role: role.letter(),
                })?;
            split.assignments.remove(j);
        }
        RoleChange::DefineTask { task } => {
            check_custom_task(scope, split, task)?;
            split.tasks.push(task.clone());
        }
        RoleChange::RemoveTask { id } => {
            let j = split
                .tasks
                .iter()
                .position(|t| &t.id == id)
                .ok_or_else(|| RoleError::UnknownTask(TaskRef::custom(id.clone()).key()))?;
            let task = TaskRef::custom(id.clone());
            if split.assignments_of(&task).next().is_some() {
                return Err(RoleError::TaskInUse(task.key()));
            }
            split.tasks.remove(j);
        }
    }
    Ok(())
}

fn check_custom_task(
    scope: &Scope<'_>,
    split: &RoleSplit,
    t: &CustomTask,
) -> Result<(), RoleError> {
    if !crate::ids::is_well_formed(t.id.as_str()) {
        return Err(RoleError::InvalidTaskId);
    }
    if split.custom_task(&t.id).is_some() || scope.catalogue.get(&t.id).is_some() {
        return Err(RoleError::TaskIdTaken(t.id.to_string()));
    }
    if t.name.trim().is_empty() {
        return Err(RoleError::EmptyTaskName);
    }
    Ok(())
}

/// The split after `changes`, or the first change that fails, by position.
fn applied(scope: &Scope<'_>, changes: &[RoleChange]) -> Result<RoleSplit, (usize, RoleError)> {
    if changes.is_empty() {
        return Err((0, RoleError::NoChanges));
    }
    let mut split = scope.split().clone();
    for (i, change) in changes.iter().enumerate() {
        apply_one(scope, &mut split, change).map_err(|e| (i, e))?;
    }
    Ok(split)
}

/// Where in a change the error lies, e.g. `assignment.party` or `task.id`.
fn path_in_change(change: &RoleChange, e: &RoleError) -> String {
    match change {
        RoleChange::Assign { .. } => format!("assignment.{}", e.field()),
        RoleChange::Unassign { .. } => e.field().to_owned(),
        RoleChange::DefineTask { .. } => format!("task.{}", e.field()),
        RoleChange::RemoveTask { .. } => "id".to_owned(),
    }
}

/// The boundary error for the change at `i`: paths are `changes[i]....` for a batch, and
/// relative to the single change otherwise.
fn batch_error(changes: &[RoleChange], single: bool, (i, e): (usize, RoleError)) -> BrobyggerError {
    let path = match changes.get(i) {
        None => e.field().to_owned(),
        Some(change) if single => path_in_change(change, &e),
        Some(change) => format!("changes[{i}].{}", path_in_change(change, &e)),
    };
    e.into_error(&path)
}

pub(crate) fn role_split<'a>(
    dossier: &'a Dossier,
    agreement: &AgreementId,
    version: Option<u32>,
) -> Result<&'a RoleSplit, BrobyggerError> {
    Ok(&Located::find(dossier, agreement, version)?.terms().roles)
}

pub(crate) fn role_tasks(
    dossier: &Dossier,
    agreement: &AgreementId,
    options: impl Into<RoleOptions>,
) -> Result<Vec<RoleTask>, BrobyggerError> {
    let options = options.into();
    let at = Located::find(dossier, agreement, options.version)?;
    let path = at.terms_path();
    Ok(Scope::new(dossier, at.terms(), &path).tasks_in_play(options.all_catalogue_tasks))
}

pub(crate) fn party_duties(
    dossier: &Dossier,
    agreement: &AgreementId,
    party: &PartyRef,
    options: impl Into<RoleOptions>,
) -> Result<Vec<Duty>, BrobyggerError> {
    let options = options.into();
    let at = Located::find(dossier, agreement, options.version)?;
    if !dossier.party_exists(party) {
        return Err(RoleError::UnknownParty(party.key()).into());
    }
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    let mut out = Vec::new();
    for task in scope.tasks_in_play(false) {
        for (_, a) in scope.split().assignments_of(&task.task) {
            if party.covers(&a.party) {
                out.push(Duty {
                    task: task.clone(),
                    assignment: a.clone(),
                });
            }
        }
    }
    Ok(out)
}

pub(crate) fn task_carriers(
    dossier: &Dossier,
    agreement: &AgreementId,
    task: &TaskRef,
    options: impl Into<RoleOptions>,
) -> Result<Vec<Carrying>, BrobyggerError> {
    let options = options.into();
    let at = Located::find(dossier, agreement, options.version)?;
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    if scope.resolve(task).is_none() {
        return Err(RoleError::UnknownTask(task.key()).into());
    }
    let mut out: Vec<Carrying> = scope
        .split()
        .assignments_of(task)
        .map(|(_, a)| Carrying {
            party: a.party.clone(),
            party_name: dossier.party_name(&a.party),
            role: a.role,
            post: match &a.carried_by {
                Some(Carrier::Post { post }) => Some(post.clone()),
                _ => None,
            },
            person: a
                .carried_by
                .as_ref()
                .and_then(|c| scope.carrier_person(c, options.as_of)),
        })
        .collect();
    out.sort_by_key(|c| c.role);
    Ok(out)
}

pub(crate) fn change_roles(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    changes: &[RoleChange],
) -> Result<(), BrobyggerError> {
    change_roles_inner(dossier, agreement, changes, false)
}

fn change_roles_inner(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    changes: &[RoleChange],
    single: bool,
) -> Result<(), BrobyggerError> {
    let at = Located::find(dossier, agreement, None)?;
    let status = at.agreement.status;
    if status.is_binding() || status == AgreementStatus::Ended {
        return Err(RoleError::BindingTerms(status.label(crate::i18n::Lang::En)).into());
    }
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    let split = applied(&scope, changes).map_err(|e| batch_error(changes, single, e))?;
    let (index, k) = (at.index, at.version_index);
    let mut next = dossier.clone();
    next.agreements[index].versions[k].terms.roles = split;
    ensure_split_valid(&next, &path)?;
    *dossier = next;
    Ok(())
}

pub(crate) fn assign_role(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    assignment: Assignment,
) -> Result<(), BrobyggerError> {
    change_roles_inner(
        dossier,
        agreement,
        &[RoleChange::Assign { assignment }],
        true,
    )
}

pub(crate) fn unassign_role(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    task: &TaskRef,
    party: &PartyRef,
    role: Raci,
) -> Result<Assignment, BrobyggerError> {
    let removed = role_split(dossier, agreement, None)?
        .assignments
        .iter()
        .find(|a| a.is(task, party, role))
        .cloned()
        .ok_or_else(|| RoleError::NotAssigned {
            task: task.key(),
            party: party.key(),
            role: role.letter(),
        })?;
    let change = RoleChange::Unassign {
        task: task.clone(),
        party: party.clone(),
        role,
    };
    change_roles_inner(dossier, agreement, &[change], true)?;
    Ok(removed)
}

pub(crate) fn amend_roles(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    changes: &[RoleChange],
    amendment: Amendment,
) -> Result<u32, BrobyggerError> {
    let at = Located::find(dossier, agreement, None)?;
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    let split = applied(&scope, changes).map_err(|e| batch_error(changes, false, e))?;
    let mut terms = at.terms().clone();
    terms.roles = split;
    amend(dossier, agreement, terms, amendment)
}

/// Refuses a split with structural errors at `terms_path`.
fn ensure_split_valid(dossier: &Dossier, terms_path: &FieldPath) -> Result<(), BrobyggerError> {
    let roles = terms_path.field("roles");
    let errors: Vec<Finding> = validate(dossier)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.path.is_within(&roles))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(BrobyggerError::validation(errors))
    }
}
