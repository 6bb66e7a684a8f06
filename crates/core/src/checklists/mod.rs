//! Expectation-alignment checklists: both sides answer, divergences surface before signing.
//!
//! The evaluation of "Lokalsamfundet Bygger Bro" (001 "Afstemning af forventninger og mål") and
//! the KEM leaflet (003 "Gode råd") say the same thing: never start a cooperation without a
//! thorough expectation alignment, because misunderstandings take long to repair. This module
//! makes that alignment data:
//!
//! - [`ChecklistTemplate`]s: items with stable ids, Danish and English text, an
//!   [`AnswerKind`], a weight, a critical flag and a source; read from TOML or JSON and checked
//!   as a whole. Seven built-in templates follow the source documents ([`BuiltinChecklist`]).
//! - [`AnswerSession`]s in the dossier: each party answers on its own; answers are timestamped
//!   and attributed, a session can be saved half-done and resumed, and is frozen once submitted.
//! - [`ChecklistAlignment`]: item by item, agreement or divergence measured the way that fits
//!   the answer kind, a score per item and overall, critical divergences first, and [`Finding`](crate::Finding)s.
//! - Signing readiness: [`ChecklistReadinessRule`] (part of
//!   [`crate::TransitionPolicy::standard`]) refuses signing while a required checklist is
//!   incomplete or a critical divergence is unresolved; the lifecycle's override records a
//!   reason and a person.
//! - Rendering: a side-by-side comparison in Markdown or self-contained HTML, Danish or English.
//!
//! ```
//! use brobygger::{Dossier, Lang, TemplateId};
//! use brobygger::Format;
//!
//! let d = Dossier::example("horsens")?;
//! let alignment = d.checklists().alignment(&"horsens-lawan".into(), &TemplateId::new("joint-expectations"))?;
//! // Critical divergences come first.
//! let first = &alignment.items[0];
//! assert!(first.critical && !first.resolved);
//! println!("{}", alignment.render(Format::Markdown, Lang::En));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod align;
pub(crate) mod facet;
pub(crate) mod model;
pub(crate) mod overview;
pub(crate) mod present;
pub(crate) mod readiness;
pub(crate) mod render;
pub(crate) mod validate;
pub(crate) mod workflow;

pub use align::{
    AlignmentCell, AlignmentColumn, AlignmentCounts, AlignmentStatus, ChecklistAlignment,
    ItemAlignment,
};
pub use facet::ChecklistsFacet;
pub use model::as_of::ChecklistsAsOf;
pub use model::builtin::{BuiltinChecklist, all as builtin_templates, builtin_template};
pub use model::codes::{ChecklistCode, ChecklistError};
pub use model::session::{
    Answer, AnswerInput, AnswerSession, AnswerValue, ChecklistRequirement, Resolution, ResolveItem,
    StartChecklist, Submission, format_number,
};
pub use model::store::Checklists;
pub use model::template::{
    AnswerKind, AnswerKindName, ChecklistItem, ChecklistItemView, ChecklistOptionView,
    ChecklistSection, ChecklistTemplate, ChoiceOption, DEFAULT_NUMBER_TOLERANCE,
    TEMPLATE_SCHEMA_VERSION,
};
pub use model::vocab::{Side, YesNo};
pub use readiness::{
    ChecklistReadiness, ChecklistReadinessRule, PartyProgress, RequirementProgress,
};
