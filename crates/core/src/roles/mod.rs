//! Role and responsibility splits (rolle- og ansvarsfordeling): who does what in a partnership,
//! with the municipality's statutory line held.
//!
//! The evaluation of "Lokalsamfundet Bygger Bro" found that a cooperation without an explicit
//! split of roles and responsibilities is too fragile and lets newcomers fall through the cracks
//! (001 "Formalisering og kommunikation"). A [`RoleSplit`] is part of what the parties agree, so
//! it lives in [`AgreementTerms::roles`](crate::AgreementTerms::roles) and is versioned with the
//! agreement: amending the split of a signed agreement makes a new version, and
//! [`RolesFacet::diff`] compares two.
//!
//! A split is a RACI matrix of tasks × parties:
//! - **tasks** ([`TaskRef`]) come from the built-in bilingual [`TaskCatalogue`] (statutory
//!   municipal duties and typical shared tasks, each citing its source), from the agreement's
//!   activities, and from [`CustomTask`]s the parties define;
//! - **parties** are [`PartyRef`](crate::PartyRef)s (an organisation, a municipality or one of its departments);
//! - each [`Assignment`] gives a party one [`Raci`] role on a task, optionally naming the post
//!   (or person) who carries it. Posts are preferred: they survive handovers.
//!
//! [`RolesFacet::analyse`] returns [`Finding`](crate::Finding)s with codes `roles.*`
//! ([`RolesCode`]); structural problems (unknown tasks, parties outside the agreement, dangling
//! posts) are part of [`Dossier::validate`](crate::Dossier::validate). [`RoleSplitRule`] blocks signing and activation while
//! the split has errors, such as a statutory task held by a non-municipal party (001
//! "Anerkendelse og respekt"). Changes go through [`RolesFacet::change`] (drafts) or
//! [`RolesFacet::amend`] (binding agreements), all or nothing. [`RoleMatrix`] renders the split
//! as a Markdown table or a self-contained HTML page in Danish or English.
//!
//! ```
//! use brobygger::{Dossier, Lang, PartyRef, Raci, RoleOptions, TaskRef};
//!
//! let d = Dossier::example("ikast-brande")?;
//! let vvv = "ikast-vvv".into();
//! // Who carries the matching of newcomers with volunteers?
//! let matching = TaskRef::parse_key("match_volunteers")?;
//! for c in d.roles(&vvv).carriers(&matching, RoleOptions::default())? {
//!     println!("{} {}", c.role.letter(), c.party_name);
//! }
//! // What does the jobcentre do?
//! let jobcentre = PartyRef::parse_key("department:ikast-brande/jobcenter")?;
//! assert!(d.roles(&vvv).duties(&jobcentre, RoleOptions::default())?
//!     .iter()
//!     .any(|duty| duty.task.key == "employment_measures" && duty.assignment.role == Raci::Accountable));
//! let matrix = d.roles(&vvv).matrix(RoleOptions::default())?;
//! assert!(matrix.markdown(Lang::En).contains("| Task |"));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod analysis;
pub(crate) mod diff;
pub(crate) mod facet;
pub(crate) mod matrix;
pub(crate) mod model;
pub(crate) mod ops;
pub(crate) mod present;
pub(crate) mod render;
pub(crate) mod rule;
pub(crate) mod tasks;
pub(crate) mod validate;

pub use diff::{AssignmentChange, CustomTaskChange, RoleSplitDiff};
pub use facet::RolesFacet;
pub use matrix::{CellCarrier, MatrixCell, MatrixParty, MatrixRow, RoleMatrix};
pub use model::catalogue::{TaskCatalogue, TaskDefinition};
pub use model::codes::RolesCode;
pub use model::error::RoleError;
pub use model::split::{
    Assignment, Carrier, CustomTask, Raci, RoleChange, RoleOptions, RoleSplit, TaskRef,
};
pub use ops::{Carrying, Duty};
pub use rule::RoleSplitRule;
pub use tasks::RoleTask;
