//! Why a change to a split, or a question about one, was refused.

use super::codes::RolesCode;
use crate::code::{ErrorCode, InputCode, NotFoundCode};
use crate::error::BrobyggerError;
use crate::lifecycle::model::LifecycleCode;
use crate::validation_code::ValidationCode;

/// Why a change to a split, or a question about one, was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoleError {
    /// No agreement with that id.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    /// The agreement has no such version.
    #[error("agreement {agreement} has no version {version}")]
    UnknownVersion {
        /// The agreement.
        agreement: String,
        /// The version asked for (0: the agreement has no versions).
        version: u32,
    },
    /// A task key or party key that cannot be read.
    #[error("not a {what} key: {reason}")]
    BadKey {
        /// `task` or `party`.
        what: &'static str,
        /// What a key looks like.
        reason: String,
    },
    /// The task is neither in the catalogue, an activity of the agreement nor a custom task.
    #[error("no task {0}")]
    UnknownTask(String),
    /// The party is not in the dossier.
    #[error("no party {0}")]
    UnknownParty(String),
    /// The party exists but is not a party to the agreement.
    #[error("{0} is not a party to the agreement")]
    NotAParty(String),
    /// The post is not in the dossier.
    #[error("no post {0}")]
    UnknownPost(String),
    /// The person is not in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// The carrying post acts for another party.
    #[error("post {post} acts for {acts_for}, not for {party}")]
    CarrierNotOfParty {
        /// The post.
        post: String,
        /// The party it acts for.
        acts_for: String,
        /// The assignment's party.
        party: String,
    },
    /// The task already has an Accountable party.
    #[error("{task} already has an accountable party ({existing}); unassign it first")]
    SecondAccountable {
        /// The task key.
        task: String,
        /// The party that is accountable now.
        existing: String,
    },
    /// The party already holds that role on the task.
    #[error("{party} already holds {role} on {task}")]
    AlreadyAssigned {
        /// The task key.
        task: String,
        /// The party key.
        party: String,
        /// The role letter.
        role: &'static str,
    },
    /// Consulted or informed combined with another role for the same party and task.
    #[error("{party} is already {existing} on {task}; only responsible and accountable combine")]
    ConflictingRoles {
        /// The task key.
        task: String,
        /// The party key.
        party: String,
        /// The role the party has now.
        existing: &'static str,
    },
    /// The party does not hold that role on the task.
    #[error("{party} does not hold {role} on {task}")]
    NotAssigned {
        /// The task key.
        task: String,
        /// The party key.
        party: String,
        /// The role letter.
        role: &'static str,
    },
    /// Hours must be a finite, non-negative number.
    #[error("hours per month must be a finite number of at least 0")]
    InvalidHours,
    /// A custom task id is already used, or is a catalogue id.
    #[error("the task id {0} is already taken")]
    TaskIdTaken(String),
    /// A custom task id is not well-formed.
    #[error("the task id is not well-formed")]
    InvalidTaskId,
    /// A custom task needs a name.
    #[error("a task needs a name")]
    EmptyTaskName,
    /// A custom task cannot be removed while assignments use it.
    #[error("the task {0} still has assignments; unassign them first")]
    TaskInUse(String),
    /// The split of a signed, active or ended agreement changes only by amendment.
    #[error("the agreement is {0}; amend it to change the split")]
    BindingTerms(&'static str),
    /// A list of changes with nothing in it.
    #[error("no changes given")]
    NoChanges,
}

impl RoleError {
    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            RoleError::UnknownAgreement(_) => NotFoundCode::Agreement.into(),
            RoleError::UnknownVersion { .. } => NotFoundCode::Version.into(),
            RoleError::BadKey { .. } => InputCode::BadKey.into(),
            RoleError::UnknownTask(_) => NotFoundCode::Task.into(),
            RoleError::UnknownParty(_) => NotFoundCode::Party.into(),
            RoleError::NotAParty(_) => RolesCode::NotAParty.into(),
            RoleError::UnknownPost(_) => NotFoundCode::Post.into(),
            RoleError::UnknownPerson(_) => NotFoundCode::Person.into(),
            RoleError::CarrierNotOfParty { .. } => RolesCode::CarrierNotOfParty.into(),
            RoleError::SecondAccountable { .. } => RolesCode::SecondAccountable.into(),
            RoleError::AlreadyAssigned { .. } => RolesCode::AlreadyAssigned.into(),
            RoleError::ConflictingRoles { .. } => RolesCode::ConflictingRoles.into(),
            RoleError::NotAssigned { .. } => NotFoundCode::Assignment.into(),
            RoleError::InvalidHours => RolesCode::InvalidHours.into(),
            RoleError::TaskIdTaken(_) => RolesCode::TaskIdTaken.into(),
            RoleError::InvalidTaskId => ValidationCode::InvalidId.into(),
            RoleError::EmptyTaskName => ValidationCode::EmptyText.into(),
            RoleError::TaskInUse(_) => RolesCode::TaskInUse.into(),
            RoleError::BindingTerms(_) => LifecycleCode::BindingTerms.into(),
            RoleError::NoChanges => RolesCode::NoChanges.into(),
        }
    }

    /// The field the error is about, e.g. `party`.
    pub(crate) fn field(&self) -> &'static str {
        match self {
            RoleError::UnknownAgreement(_) | RoleError::UnknownVersion { .. } => "agreement",
            RoleError::BadKey { what: "party", .. } => "party",
            RoleError::BadKey { .. } => "task",
            RoleError::UnknownTask(_) | RoleError::TaskInUse(_) => "task",
            RoleError::UnknownParty(_) | RoleError::NotAParty(_) => "party",
            RoleError::UnknownPost(_) => "carried_by.post",
            RoleError::UnknownPerson(_) => "carried_by.person",
            RoleError::CarrierNotOfParty { .. } => "carried_by",
            RoleError::SecondAccountable { .. }
            | RoleError::AlreadyAssigned { .. }
            | RoleError::ConflictingRoles { .. }
            | RoleError::NotAssigned { .. } => "role",
            RoleError::InvalidHours => "hours_per_month",
            RoleError::TaskIdTaken(_) | RoleError::InvalidTaskId => "id",
            RoleError::EmptyTaskName => "name",
            RoleError::BindingTerms(_) => "status",
            RoleError::NoChanges => "changes",
        }
    }

    /// The boundary error; `path` names the field of the input at fault (invalid input only).
    pub fn into_error(self, path: &str) -> BrobyggerError {
        let code = self.code();
        let path = path.to_owned();
        let reason = self.to_string();
        match self {
            RoleError::UnknownAgreement(id) => BrobyggerError::NotFound {
                code,
                entity: "agreement".into(),
                id,
            },
            RoleError::UnknownVersion { agreement, version } => BrobyggerError::NotFound {
                code,
                entity: "version".into(),
                id: format!("{agreement}@{version}"),
            },
            RoleError::UnknownTask(id) => BrobyggerError::NotFound {
                code,
                entity: "task".into(),
                id,
            },
            RoleError::UnknownParty(id) => BrobyggerError::NotFound {
                code,
                entity: "party".into(),
                id,
            },
            RoleError::UnknownPost(id) => BrobyggerError::NotFound {
                code,
                entity: "post".into(),
                id,
            },
            RoleError::UnknownPerson(id) => BrobyggerError::NotFound {
                code,
                entity: "person".into(),
                id,
            },
            RoleError::NotAssigned { task, party, role } => BrobyggerError::NotFound {
                code,
                entity: "assignment".into(),
                id: format!("{task}/{party}/{role}"),
            },
            RoleError::BadKey { .. }
            | RoleError::NotAParty(_)
            | RoleError::CarrierNotOfParty { .. }
            | RoleError::SecondAccountable { .. }
            | RoleError::AlreadyAssigned { .. }
            | RoleError::ConflictingRoles { .. }
            | RoleError::InvalidHours
            | RoleError::TaskIdTaken(_)
            | RoleError::InvalidTaskId
            | RoleError::EmptyTaskName
            | RoleError::TaskInUse(_)
            | RoleError::BindingTerms(_)
            | RoleError::NoChanges => BrobyggerError::InvalidInput { code, path, reason },
        }
    }
}

impl From<RoleError> for BrobyggerError {
    fn from(e: RoleError) -> Self {
        let field = e.field();
        e.into_error(field)
    }
}
