//! The roles facet: one agreement's role split, read and changed.

use crate::actors::PartyRef;
use crate::agreement::Amendment;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::ids::AgreementId;
use crate::roles::analysis::analyse_roles;
use crate::roles::diff::{RoleSplitDiff, describe_role_diff, role_diff};
use crate::roles::matrix::{RoleMatrix, role_matrix};
use crate::roles::model::split::{Assignment, Raci, RoleChange, RoleOptions, RoleSplit, TaskRef};
use crate::roles::ops::{
    Carrying, Duty, amend_roles, assign_role, change_roles, party_duties, role_split, role_tasks,
    task_carriers, unassign_role,
};
use crate::roles::tasks::RoleTask;
use std::ops::{Deref, DerefMut};

/// The role and responsibility split of one agreement: reached by [`Dossier::roles`] (read) and
/// [`Dossier::roles_mut`] (read and change).
#[derive(Debug)]
pub struct RolesFacet<D> {
    dossier: D,
    agreement: AgreementId,
}

impl<D> RolesFacet<D> {
    pub(crate) fn new(dossier: D, agreement: AgreementId) -> Self {
        Self { dossier, agreement }
    }

    /// The agreement this facet is about.
    pub fn agreement(&self) -> &AgreementId {
        &self.agreement
    }
}

impl<'a> RolesFacet<&'a Dossier> {
    /// The role split of a version of an agreement (the version in force by default).
    pub fn split(&self, version: Option<u32>) -> Result<&'a RoleSplit, BrobyggerError> {
        role_split(self.dossier, &self.agreement, version)
    }
}

impl<D: Deref<Target = Dossier>> RolesFacet<D> {
    /// The tasks of a version's split, in matrix order: catalogue tasks in use (or all of them
    /// with `options.all_catalogue_tasks`), the agreement's activities, then custom tasks.
    pub fn tasks(&self, options: impl Into<RoleOptions>) -> Result<Vec<RoleTask>, BrobyggerError> {
        role_tasks(&self.dossier, &self.agreement, options)
    }

    /// What a party does under an agreement: every task it holds a role on, in matrix order.
    /// Asking about a whole municipality includes its departments.
    pub fn duties(
        &self,
        party: &PartyRef,
        options: impl Into<RoleOptions>,
    ) -> Result<Vec<Duty>, BrobyggerError> {
        party_duties(&self.dossier, &self.agreement, party, options)
    }

    /// Who carries a task: each party's role on it, with the post and the person holding it on
    /// `options.as_of` (or now). Responsible first, then Accountable, Consulted, Informed.
    pub fn carriers(
        &self,
        task: &TaskRef,
        options: impl Into<RoleOptions>,
    ) -> Result<Vec<Carrying>, BrobyggerError> {
        task_carriers(&self.dossier, &self.agreement, task, options)
    }

    /// Every finding about the role split of one version of an agreement (the version in force
    /// unless `options.version` says otherwise), errors first. Structural problems are
    /// [`Dossier::validate`]'s; this says whether the split will hold.
    pub fn analyse(
        &self,
        options: impl Into<RoleOptions>,
    ) -> Result<Vec<Finding>, crate::error::BrobyggerError> {
        analyse_roles(&self.dossier, &self.agreement, options)
    }

    /// The responsibility matrix of a version of an agreement, with its analysis.
    pub fn matrix(&self, options: impl Into<RoleOptions>) -> Result<RoleMatrix, BrobyggerError> {
        role_matrix(&self.dossier, &self.agreement, options)
    }

    /// The difference between the splits of two versions of an agreement.
    pub fn diff(
        &self,
        from_version: u32,
        to_version: u32,
    ) -> Result<RoleSplitDiff, BrobyggerError> {
        role_diff(&self.dossier, &self.agreement, from_version, to_version)
    }

    /// The difference between two versions' splits as a readable Markdown list in `lang`, with
    /// task and party names.
    pub fn describe_diff(
        &self,
        from_version: u32,
        to_version: u32,
        lang: Lang,
    ) -> Result<String, BrobyggerError> {
        describe_role_diff(
            &self.dossier,
            &self.agreement,
            from_version,
            to_version,
            lang,
        )
    }
}

impl<D: DerefMut<Target = Dossier>> RolesFacet<D> {
    /// Applies `changes` to the split of a draft or negotiating agreement, in order, all or
    /// nothing. A failing change is reported with its position (`changes[2].party`); the dossier
    /// is then unchanged. Signed, active and ended agreements change by [`crate::RolesFacet::amend`].
    pub fn change(&mut self, changes: &[RoleChange]) -> Result<(), BrobyggerError> {
        change_roles(&mut self.dossier, &self.agreement, changes)
    }

    /// Gives a party a role on a task of a draft or negotiating agreement. Refuses an unknown
    /// task or party, a party outside the agreement, a second Accountable, and a role the party
    /// already has; nothing changes then.
    pub fn assign(&mut self, assignment: Assignment) -> Result<(), BrobyggerError> {
        assign_role(&mut self.dossier, &self.agreement, assignment)
    }

    /// Takes a role away from a party on a task of a draft or negotiating agreement, returning
    /// the assignment removed.
    pub fn unassign(
        &mut self,
        task: &TaskRef,
        party: &PartyRef,
        role: Raci,
    ) -> Result<Assignment, BrobyggerError> {
        unassign_role(&mut self.dossier, &self.agreement, task, party, role)
    }

    /// Amends a signed, active or under-review agreement with `changes` to its split: a new
    /// version with the changed split and the amendment record. Returns the new version number;
    /// nothing changes if a change or the new terms fail.
    pub fn amend(
        &mut self,
        changes: &[RoleChange],
        amendment: Amendment,
    ) -> Result<u32, BrobyggerError> {
        amend_roles(&mut self.dossier, &self.agreement, changes, amendment)
    }
}
