//! Role splits for Kotlin and Swift: questions, changes and reports on a [`DossierHandle`], and
//! free functions for the catalogue, keys and rendering.

use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::{
    AgreementId, Amendment, Assignment, BrobyggerError, Carrying, Dossier, Duty, Finding, Lang,
    PartyRef, Raci, RoleChange, RoleMatrix, RoleOptions, RoleSplit, RoleSplitDiff, RoleTask,
    TaskCatalogue, TaskDefinition, TaskRef,
};
use std::sync::{Arc, RwLock};

/// The role split of one agreement (the core's `RolesFacet`): questions, changes and reports.
/// Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct Roles {
    dossier: Arc<RwLock<Dossier>>,
    agreement: AgreementId,
}

#[uniffi::export]
impl DossierHandle {
    /// The roles facet of an agreement.
    pub fn roles(&self, agreement: AgreementId) -> Result<Arc<Roles>, BrobyggerError> {
        Ok(Arc::new(Roles {
            dossier: Arc::clone(&self.0),
            agreement,
        }))
    }
}

#[uniffi::export]
impl Roles {
    /// The agreement.
    pub fn agreement(&self) -> Result<AgreementId, BrobyggerError> {
        Ok(self.agreement.clone())
    }

    /// The role split of a version of an agreement (`null`: the version in force).
    pub fn split(&self, version: Option<u32>) -> Result<RoleSplit, BrobyggerError> {
        read(&self.dossier)?
            .roles(&self.agreement)
            .split(version)
            .cloned()
    }

    /// The tasks of a split in matrix order: catalogue tasks in use, activities, custom tasks.
    pub fn tasks(&self, options: RoleOptions) -> Result<Vec<RoleTask>, BrobyggerError> {
        read(&self.dossier)?.roles(&self.agreement).tasks(options)
    }

    /// Every finding about a split (codes `roles.*`), errors first.
    pub fn analyse(&self, options: RoleOptions) -> Result<Vec<Finding>, BrobyggerError> {
        read(&self.dossier)?.roles(&self.agreement).analyse(options)
    }

    /// The responsibility matrix with its findings; render it with [`role_matrix_markdown`] or
    /// [`role_matrix_html`].
    pub fn matrix(&self, options: RoleOptions) -> Result<RoleMatrix, BrobyggerError> {
        read(&self.dossier)?.roles(&self.agreement).matrix(options)
    }

    /// What a party does under an agreement (a whole municipality includes its departments).
    pub fn duties(
        &self,
        party: PartyRef,
        options: RoleOptions,
    ) -> Result<Vec<Duty>, BrobyggerError> {
        read(&self.dossier)?
            .roles(&self.agreement)
            .duties(&party, options)
    }

    /// Who carries a task: each party's role, post and the person holding it on `options.asOf`.
    pub fn carriers(
        &self,
        task: TaskRef,
        options: RoleOptions,
    ) -> Result<Vec<Carrying>, BrobyggerError> {
        read(&self.dossier)?
            .roles(&self.agreement)
            .carriers(&task, options)
    }

    /// Gives a party a role on a task of a draft or negotiating agreement. Throws `NotFound` or
    /// `InvalidInput` (a second accountable, a party outside the agreement, ...); nothing
    /// changes then.
    pub fn assign(&self, assignment: Assignment) -> Result<(), BrobyggerError> {
        write(&self.dossier)?
            .roles_mut(&self.agreement)
            .assign(assignment)
    }

    /// Takes a role away from a party and returns the removed assignment.
    pub fn unassign(
        &self,
        task: TaskRef,
        party: PartyRef,
        role: Raci,
    ) -> Result<Assignment, BrobyggerError> {
        write(&self.dossier)?
            .roles_mut(&self.agreement)
            .unassign(&task, &party, role)
    }

    /// Applies changes to the split of a draft or negotiating agreement, in order, all or
    /// nothing; errors name the change (`changes[1].assignment.party`).
    pub fn change(&self, changes: Vec<RoleChange>) -> Result<(), BrobyggerError> {
        write(&self.dossier)?
            .roles_mut(&self.agreement)
            .change(&changes)
    }

    /// Amends a binding agreement with changes to its split; returns the new version number.
    pub fn amend(
        &self,
        changes: Vec<RoleChange>,
        amendment: Amendment,
    ) -> Result<u32, BrobyggerError> {
        write(&self.dossier)?
            .roles_mut(&self.agreement)
            .amend(&changes, amendment)
    }

    /// What changed in the split between two versions.
    pub fn diff(
        &self,
        from_version: u32,
        to_version: u32,
    ) -> Result<RoleSplitDiff, BrobyggerError> {
        read(&self.dossier)?
            .roles(&self.agreement)
            .diff(from_version, to_version)
    }

    /// The change between two versions as a readable Markdown list in `lang`.
    pub fn describe_diff(
        &self,
        from_version: u32,
        to_version: u32,
        lang: Lang,
    ) -> Result<String, BrobyggerError> {
        read(&self.dossier)?
            .roles(&self.agreement)
            .describe_diff(from_version, to_version, lang)
    }
}

/// The built-in task catalogue: statutory municipal duties first, then typical shared tasks.
#[uniffi::export]
pub fn task_catalogue() -> Result<Vec<TaskDefinition>, BrobyggerError> {
    Ok(TaskCatalogue::try_builtin()?.tasks.clone())
}

/// A matrix as a Markdown table with legend and findings, in `lang`.
#[uniffi::export]
pub fn role_matrix_markdown(matrix: RoleMatrix, lang: Lang) -> Result<String, BrobyggerError> {
    Ok(matrix.markdown(lang))
}

/// A matrix as a self-contained HTML page (for a WebView), in `lang`.
#[uniffi::export]
pub fn role_matrix_html(matrix: RoleMatrix, lang: Lang) -> Result<String, BrobyggerError> {
    Ok(matrix.html(lang))
}

/// A task's short key: `integration_contract`, `activity:act-x`, `custom:t-plan`.
#[uniffi::export]
pub fn task_key(task: TaskRef) -> Result<String, BrobyggerError> {
    Ok(task.key())
}

/// Reads a task key. Throws `InvalidInput` (`input.bad_key`).
#[uniffi::export]
pub fn parse_task_key(key: String) -> Result<TaskRef, BrobyggerError> {
    Ok(TaskRef::parse_key(&key)?)
}

/// A party's short key: `department:aalborg/ctf`, `organisation:DK-LOCAL-x`.
#[uniffi::export]
pub fn party_key(party: PartyRef) -> Result<String, BrobyggerError> {
    Ok(party.key())
}

/// Reads a party key. Throws `InvalidInput` (`input.bad_key`).
#[uniffi::export]
pub fn parse_party_key(key: String) -> Result<PartyRef, BrobyggerError> {
    Ok(PartyRef::parse_key(&key)?)
}

/// Reads a JSON array of changes, as received from a server. Throws `Parse` with the path.
#[uniffi::export]
pub fn role_changes_from_json(json: String) -> Result<Vec<RoleChange>, BrobyggerError> {
    RoleChange::list_from_json(&json)
}
