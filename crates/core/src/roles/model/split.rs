//! A role split: who does what under one version of an agreement (RACI over tasks), the
//! changes that can be made to it, and the options for looking at it.

#[cfg(doc)]
use super::catalogue::TaskCatalogue;
use crate::actors::PartyRef;
use crate::i18n::labels;
use crate::ids::{ActivityId, PersonId, PostId, TaskId};
use chrono::NaiveDate;

/// A role in a RACI matrix.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Raci {
    /// Does the work (udfører). Several parties may share it, if they coordinate.
    Responsible,
    /// Answers for the task being done (ansvarlig); exactly one party per task.
    Accountable,
    /// Asked before decisions (konsulteres).
    Consulted,
    /// Kept informed (informeres).
    Informed,
}

labels!(Raci, "raci" {
    Responsible => ("udfører", "responsible"),
    Accountable => ("ansvarlig", "accountable"),
    Consulted => ("konsulteres", "consulted"),
    Informed => ("informeres", "informed"),
});

impl Raci {
    /// Every role, in RACI order.
    pub const ALL: [Raci; 4] = [
        Raci::Responsible,
        Raci::Accountable,
        Raci::Consulted,
        Raci::Informed,
    ];

    /// The letter used in matrices: `R`, `A`, `C` or `I` (the same in Danish and English).
    pub fn letter(self) -> &'static str {
        match self {
            Raci::Responsible => "R",
            Raci::Accountable => "A",
            Raci::Consulted => "C",
            Raci::Informed => "I",
        }
    }

    /// Whether a party with this role carries the task (Responsible or Accountable), as opposed
    /// to being consulted or informed.
    pub fn carries(self) -> bool {
        matches!(self, Raci::Responsible | Raci::Accountable)
    }

    /// Whether one party may hold both `self` and `other` on the same task. Only Responsible and
    /// Accountable combine; being consulted or informed about one's own task says nothing.
    pub fn combines_with(self, other: Raci) -> bool {
        self != other && self.carries() && other.carries()
    }
}

/// A task in a role split.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TaskRef {
    /// A task of the built-in [`TaskCatalogue`], e.g. `integration_contract`.
    Catalogue {
        /// The catalogue id.
        id: TaskId,
    },
    /// One of the agreement's activities.
    Activity {
        /// The activity's id within the agreement.
        activity: ActivityId,
    },
    /// A task the parties defined in [`RoleSplit::tasks`].
    Custom {
        /// The custom task's id.
        id: TaskId,
    },
}

impl TaskRef {
    /// A catalogue task.
    pub fn catalogue(id: impl Into<TaskId>) -> Self {
        TaskRef::Catalogue { id: id.into() }
    }

    /// The task of an agreement activity.
    pub fn activity(id: impl Into<ActivityId>) -> Self {
        TaskRef::Activity {
            activity: id.into(),
        }
    }

    /// A custom task.
    pub fn custom(id: impl Into<TaskId>) -> Self {
        TaskRef::Custom { id: id.into() }
    }
}

/// Who carries an assignment for its party: preferably a post, which survives a change of
/// person; otherwise a named person.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Carrier {
    /// A post acting for the party; whoever holds it carries the task.
    Post {
        /// The post.
        post: PostId,
    },
    /// A person in the dossier (an opaque id; never a name).
    Person {
        /// The person.
        person: PersonId,
    },
}

/// One cell of the matrix: a party's role on a task.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Assignment {
    /// The task.
    pub task: TaskRef,
    /// The party: an organisation, a municipality or one of its departments. Must be a party
    /// to the agreement.
    pub party: PartyRef,
    /// The role.
    pub role: Raci,
    /// The post (or person) carrying it for the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub carried_by: Option<Carrier>,
    /// Hours per month the party expects to spend on it; compared with the coordination time it
    /// declared in the agreement's resources (001 "Ressourcer").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub hours_per_month: Option<f64>,
    /// How the party fills the role, in the parties' own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
}

impl Assignment {
    /// An assignment with no carrier, hours or note.
    pub fn new(task: TaskRef, party: PartyRef, role: Raci) -> Self {
        Self {
            task,
            party,
            role,
            carried_by: None,
            hours_per_month: None,
            note: None,
        }
    }

    /// This assignment carried by a post.
    #[must_use]
    pub fn carried_by_post(mut self, post: impl Into<PostId>) -> Self {
        self.carried_by = Some(Carrier::Post { post: post.into() });
        self
    }

    /// This assignment with an estimate of hours per month.
    #[must_use]
    pub fn with_hours(mut self, hours_per_month: f64) -> Self {
        self.hours_per_month = Some(hours_per_month);
        self
    }

    /// Whether this assignment is the cell `(task, party, role)`.
    pub fn is(&self, task: &TaskRef, party: &PartyRef, role: Raci) -> bool {
        &self.task == task && &self.party == party && self.role == role
    }
}

/// A task the parties define themselves, beyond the catalogue and the activities.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomTask {
    /// Id within the split; must not be a catalogue id.
    pub id: TaskId,
    /// Its name in the parties' own words.
    pub name: String,
    /// Whether it is a statutory municipal duty (then only the municipality may be Responsible
    /// or Accountable).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub statutory: bool,
    /// What the task involves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub description: Option<String>,
}

/// Who does what under one version of an agreement.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleSplit {
    /// Tasks the parties defined themselves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tasks: Vec<CustomTask>,
    /// The cells of the matrix, one per task, party and role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub assignments: Vec<Assignment>,
}

impl RoleSplit {
    /// Whether nothing is split yet.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty() && self.assignments.is_empty()
    }

    /// The custom task with `id`.
    pub fn custom_task(&self, id: &TaskId) -> Option<&CustomTask> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    /// The assignments of one task, with their positions.
    pub fn assignments_of<'a>(
        &'a self,
        task: &'a TaskRef,
    ) -> impl Iterator<Item = (usize, &'a Assignment)> + 'a {
        self.assignments
            .iter()
            .enumerate()
            .filter(move |(_, a)| &a.task == task)
    }
}

/// One change to a split. Changes are applied in order, all or nothing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RoleChange {
    /// Gives a party a role on a task.
    Assign {
        /// The new cell.
        assignment: Assignment,
    },
    /// Takes a role away from a party.
    Unassign {
        /// The task.
        task: TaskRef,
        /// The party.
        party: PartyRef,
        /// The role to take away.
        role: Raci,
    },
    /// Defines a custom task.
    DefineTask {
        /// The task.
        task: CustomTask,
    },
    /// Removes a custom task that no assignment uses any more.
    RemoveTask {
        /// The custom task's id.
        id: TaskId,
    },
}

/// Which version of a split to look at, and on which date to resolve posts to their holders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleOptions {
    /// The agreement version; `None` is the version in force.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub version: Option<u32>,
    /// The date on which post holders are looked up; `None` uses each post's open tenure.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub as_of: Option<NaiveDate>,
    /// Whether the matrix lists every catalogue task, not only those the split uses: for
    /// planning a split from scratch.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub all_catalogue_tasks: bool,
}

impl From<NaiveDate> for RoleOptions {
    /// The version in force, holders on `date`.
    fn from(date: NaiveDate) -> Self {
        Self::as_of(date)
    }
}

impl RoleOptions {
    /// The version in force, holders on `date`.
    pub fn as_of(date: NaiveDate) -> Self {
        Self {
            as_of: Some(date),
            ..Self::default()
        }
    }

    /// Version `number`, holders from open tenures.
    pub fn version(number: u32) -> Self {
        Self {
            version: Some(number),
            ..Self::default()
        }
    }
}
