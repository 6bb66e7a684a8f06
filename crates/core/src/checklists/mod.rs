//! Expectation-alignment checklists: both sides answer, divergences surface before signing.
//!
//! The evaluation of "Lokalsamfundet Bygger Bro" (001 "Afstemning af forventninger og mål") and
//! the KEM leaflet (003 "Gode råd") say the same thing: never start a cooperation without a
//! thorough expectation alignment, because misunderstandings take long to repair. This module
//! makes that alignment data:
//!
//! - [`ChecklistTemplate`]s: items with stable ids, Danish and English text, an
//!   [`AnswerKind`], a weight, a critical flag and a source; read from TOML or JSON and checked
//!   as a whole. Seven built-in templates follow the source documents ([`builtin`]).
//! - [`AnswerSession`]s in the dossier: each party answers on its own; answers are timestamped
//!   and attributed, a session can be saved half-done and resumed, and is frozen once submitted.
//! - [`ChecklistAlignment`]: item by item, agreement or divergence measured the way that fits
//!   the answer kind, a score per item and overall, critical divergences first, and [`Finding`]s.
//! - Signing readiness: [`ChecklistReadinessRule`] (part of
//!   [`crate::TransitionPolicy::standard`]) refuses signing while a required checklist is
//!   incomplete or a critical divergence is unresolved; the lifecycle's override records a
//!   reason and a person.
//! - Rendering: a side-by-side comparison in Markdown or self-contained HTML, Danish or English.
//!
//! ```
//! use brobygger::{Dossier, Lang, TemplateId};
//! use brobygger::checklists::RenderFormat;
//!
//! let d = Dossier::example("horsens")?;
//! let alignment = d.checklists().alignment(&"horsens-lawan".into(), &TemplateId::new("joint-expectations"))?;
//! // Critical divergences come first.
//! let first = &alignment.items[0];
//! assert!(first.critical && !first.resolved);
//! println!("{}", alignment.render(RenderFormat::Markdown, Lang::En));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod align;
pub(crate) mod as_of;
pub mod builtin;
pub(crate) mod facet;
pub(crate) mod overview;
pub(crate) mod readiness;
pub(crate) mod render;
pub(crate) mod session;
pub(crate) mod template;
pub(crate) mod validate;

pub use align::{
    AlignmentCell, AlignmentColumn, AlignmentCounts, AlignmentStatus, ChecklistAlignment,
    ItemAlignment,
};
pub use as_of::ChecklistsAsOf;
pub use facet::ChecklistsFacet;
pub use readiness::{
    ChecklistReadiness, ChecklistReadinessRule, PartyProgress, RequirementProgress,
};
pub use render::RenderFormat;
pub(crate) use render::{
    Attention as ComparisonAttention, Doc as ComparisonDoc, Row as ComparisonRow,
};
pub use session::{
    Answer, AnswerInput, AnswerSession, AnswerValue, ChecklistRequirement, Resolution, ResolveItem,
    StartChecklist, Submission, format_number,
};
pub use template::{
    AnswerKind, AnswerKindName, ChecklistItem, ChecklistItemView, ChecklistOptionView,
    ChecklistSection, ChecklistTemplate, ChoiceOption, DEFAULT_NUMBER_TOLERANCE, Side,
    TEMPLATE_SCHEMA_VERSION,
};

use crate::error::BrobyggerError;
use crate::finding::{Finding, FindingKind, SeedDocument, Severity, SourceRef};
use crate::i18n::{Label, labels};

/// Everything about checklists a dossier stores: its own templates, the checklists each
/// agreement requires before signing, the parties' answer sessions, and the resolutions of
/// divergences.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Checklists {
    /// Templates of the dossier's own, beside the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<ChecklistTemplate>,
    /// Checklists agreements require before signing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<ChecklistRequirement>,
    /// The parties' answer sessions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<AnswerSession>,
    /// Resolutions of diverging items, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
}

/// A yes/no answer.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum YesNo {
    /// Yes.
    Yes,
    /// Partly.
    Partly,
    /// No.
    No,
    /// Not relevant here.
    NotRelevant,
}

labels!(YesNo, "yes_no" {
    Yes => ("ja", "yes"),
    Partly => ("delvist", "partly"),
    No => ("nej", "no"),
    NotRelevant => ("ikke relevant", "not relevant"),
});

impl YesNo {
    /// The position on the yes–no line (yes 1, partly ½, no 0); `None` for not relevant.
    pub fn position(self) -> Option<f64> {
        match self {
            YesNo::Yes => Some(1.0),
            YesNo::Partly => Some(0.5),
            YesNo::No => Some(0.0),
            YesNo::NotRelevant => None,
        }
    }
}

/// The kinds of finding about checklists: template problems, problems with the data in a
/// dossier, alignment results and signing readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecklistCode {
    /// The template's format version or own version is not acceptable.
    InvalidVersion,
    /// The template names no side to answer it.
    NoRespondents,
    /// A template or section without items.
    NoItems,
    /// A weight that is not positive.
    InvalidWeight,
    /// A choice with fewer than two options.
    TooFewOptions,
    /// A range or tolerance that makes no sense.
    InvalidRange,
    /// A template (id and version) the dossier and the library do not know.
    UnknownTemplate,
    /// A dossier template reuses the id and version of a built-in one.
    TemplateShadowsBuiltin,
    /// An answer to an item the template does not have.
    UnknownItem,
    /// Two answers to one item in a session.
    DuplicateAnswer,
    /// An answer that does not fit the item's answer kind.
    AnswerKindMismatch,
    /// A scale or number outside its range, or a wrong number of choices.
    AnswerOutOfRange,
    /// A choice that is not one of the item's options.
    UnknownOption,
    /// An item not answered yet.
    Unanswered,
    /// A session marked submitted with unanswered items.
    SubmittedIncomplete,
    /// A requirement names no party.
    NoRequiredParties,
    /// A party answers a template not meant for its side.
    SideNotRespondent,
    /// An answer given by a person holding no post for the answering party at the time.
    AnswererNotOfParty,
    /// Timestamps out of order (an answer before its session started, ...).
    TimeOrder,
    /// A critical item diverges and no resolution is recorded: blocks signing.
    CriticalDivergence,
    /// The parties' answers diverge clearly.
    Divergence,
    /// The parties' answers diverge a little.
    MinorDivergence,
    /// Free text or "don't know": the parties must compare for themselves.
    ToDiscuss,
    /// A party has not answered an item the others answered.
    MissingAnswer,
    /// A divergence the parties resolved.
    Resolved,
    /// The compared sessions answer different versions of the template.
    MixedVersions,
    /// A required checklist has not been started by a party.
    RequiredNotStarted,
    /// A required checklist is not submitted by a party.
    RequiredIncomplete,
    /// Checklist data for the agreement has validation errors.
    InvalidData,
    /// No checklist is required or answered for the agreement.
    NoExpectationAlignment,
}

impl ChecklistCode {
    /// Every kind, in declaration order.
    pub const ALL: [ChecklistCode; 30] = {
        use ChecklistCode::*;
        [
            InvalidVersion,
            NoRespondents,
            NoItems,
            InvalidWeight,
            TooFewOptions,
            InvalidRange,
            UnknownTemplate,
            TemplateShadowsBuiltin,
            UnknownItem,
            DuplicateAnswer,
            AnswerKindMismatch,
            AnswerOutOfRange,
            UnknownOption,
            Unanswered,
            SubmittedIncomplete,
            NoRequiredParties,
            SideNotRespondent,
            AnswererNotOfParty,
            TimeOrder,
            CriticalDivergence,
            Divergence,
            MinorDivergence,
            ToDiscuss,
            MissingAnswer,
            Resolved,
            MixedVersions,
            RequiredNotStarted,
            RequiredIncomplete,
            InvalidData,
            NoExpectationAlignment,
        ]
    };
}

impl FindingKind for ChecklistCode {
    fn code(self) -> &'static str {
        use ChecklistCode::*;
        match self {
            InvalidVersion => "checklists.invalid_version",
            NoRespondents => "checklists.no_respondents",
            NoItems => "checklists.no_items",
            InvalidWeight => "checklists.invalid_weight",
            TooFewOptions => "checklists.too_few_options",
            InvalidRange => "checklists.invalid_range",
            UnknownTemplate => "checklists.unknown_template",
            TemplateShadowsBuiltin => "checklists.template_shadows_builtin",
            UnknownItem => "checklists.unknown_item",
            DuplicateAnswer => "checklists.duplicate_answer",
            AnswerKindMismatch => "checklists.answer_kind_mismatch",
            AnswerOutOfRange => "checklists.answer_out_of_range",
            UnknownOption => "checklists.unknown_option",
            Unanswered => "checklists.unanswered",
            SubmittedIncomplete => "checklists.submitted_incomplete",
            NoRequiredParties => "checklists.no_required_parties",
            SideNotRespondent => "checklists.side_not_respondent",
            AnswererNotOfParty => "checklists.answerer_not_of_party",
            TimeOrder => "checklists.time_order",
            CriticalDivergence => "checklists.critical_divergence",
            Divergence => "checklists.divergence",
            MinorDivergence => "checklists.minor_divergence",
            ToDiscuss => "checklists.to_discuss",
            MissingAnswer => "checklists.missing_answer",
            Resolved => "checklists.resolved",
            MixedVersions => "checklists.mixed_versions",
            RequiredNotStarted => "checklists.required_not_started",
            RequiredIncomplete => "checklists.required_incomplete",
            InvalidData => "checklists.invalid_data",
            NoExpectationAlignment => "checklists.no_expectation_alignment",
        }
    }

    fn severity(self) -> Severity {
        use ChecklistCode::*;
        match self {
            SideNotRespondent
            | AnswererNotOfParty
            | TimeOrder
            | Divergence
            | MissingAnswer
            | MixedVersions
            | NoExpectationAlignment => Severity::Warning,
            MinorDivergence | ToDiscuss | Resolved => Severity::Info,
            _ => Severity::Error,
        }
    }

    fn source(self) -> Option<SourceRef> {
        use ChecklistCode::*;
        match self {
            CriticalDivergence | Divergence | MinorDivergence | ToDiscuss | MissingAnswer => Some(
                SourceRef::new(SeedDocument::Lbb2017, "Afstemning af forventninger og mål"),
            ),
            RequiredNotStarted | RequiredIncomplete | NoExpectationAlignment => Some(
                SourceRef::new(SeedDocument::Kem2017, "Fem ting, du skal undgå"),
            ),
            _ => None,
        }
    }
}

/// Why a checklist operation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChecklistError {
    /// No agreement with that id.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    /// No person with that id.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// No session with that id.
    #[error("no checklist session {0}")]
    UnknownSession(String),
    /// No template with that id (and version).
    #[error("no checklist template {id}{}", version.map(|v| format!(" version {v}")).unwrap_or_default())]
    UnknownTemplate {
        /// The id.
        id: String,
        /// The version asked for.
        version: Option<u32>,
    },
    /// No item with that id in the template.
    #[error("no item {0} in the template")]
    UnknownItemId(String),
    /// The party is not a party to the agreement.
    #[error("{0} is not a party to the agreement")]
    NotAParty(String),
    /// The template is not meant for the party's side.
    #[error("the template is not meant to be answered by {}", .0.label(crate::i18n::Lang::En))]
    SideNotRespondent(Side),
    /// The session is submitted and frozen.
    #[error("the session {0} is submitted; start a new session to change answers")]
    Submitted(String),
    /// Answers with problems; nothing was recorded.
    #[error("{} problem(s) with the answers", .0.len())]
    InvalidAnswers(Vec<Finding>),
    /// Items are unanswered.
    #[error("{} item(s) unanswered", .0.len())]
    Incomplete(Vec<Finding>),
    /// A requirement without parties.
    #[error("a required checklist must name the parties that answer it")]
    NoParties,
    /// A resolution needs a note of what was agreed.
    #[error("a resolution needs a note of what was agreed")]
    EmptyNote,
    /// The template id and version are taken.
    #[error("template {id} version {version} exists already")]
    TemplateExists {
        /// The id.
        id: String,
        /// The version.
        version: u32,
    },
}

impl ChecklistError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            ChecklistError::UnknownAgreement(_) => "not_found.agreement",
            ChecklistError::UnknownPerson(_) => "not_found.person",
            ChecklistError::UnknownSession(_) => "not_found.checklist_session",
            ChecklistError::UnknownTemplate { .. } => "not_found.checklist_template",
            ChecklistError::UnknownItemId(_) => "not_found.checklist_item",
            ChecklistError::NotAParty(_) => "checklists.not_a_party",
            ChecklistError::SideNotRespondent(_) => "checklists.side_not_respondent",
            ChecklistError::Submitted(_) => "checklists.session_submitted",
            ChecklistError::InvalidAnswers(_) => "checklists.invalid_answers",
            ChecklistError::Incomplete(_) => "checklists.incomplete",
            ChecklistError::NoParties => "checklists.no_required_parties",
            ChecklistError::EmptyNote => "checklists.empty_note",
            ChecklistError::TemplateExists { .. } => "checklists.template_exists",
        }
    }
}

impl From<ChecklistError> for BrobyggerError {
    fn from(e: ChecklistError) -> Self {
        let code = e.code().to_owned();
        let reason = e.to_string();
        let not_found = |entity: &str, id: String| BrobyggerError::NotFound {
            code: code.clone(),
            entity: entity.to_owned(),
            id,
        };
        match e {
            ChecklistError::UnknownAgreement(id) => not_found("agreement", id),
            ChecklistError::UnknownPerson(id) => not_found("person", id),
            ChecklistError::UnknownSession(id) => not_found("checklist_session", id),
            ChecklistError::UnknownTemplate { id, .. } => not_found("checklist_template", id),
            ChecklistError::UnknownItemId(id) => not_found("checklist_item", id),
            ChecklistError::InvalidAnswers(findings) | ChecklistError::Incomplete(findings) => {
                BrobyggerError::Validation { code, findings }
            }
            ChecklistError::NotAParty(path) => BrobyggerError::InvalidInput { code, path, reason },
            ChecklistError::SideNotRespondent(_) => BrobyggerError::InvalidInput {
                code,
                path: "party".into(),
                reason,
            },
            ChecklistError::Submitted(_) => BrobyggerError::InvalidInput {
                code,
                path: "session".into(),
                reason,
            },
            ChecklistError::NoParties => BrobyggerError::InvalidInput {
                code,
                path: "parties".into(),
                reason,
            },
            ChecklistError::EmptyNote => BrobyggerError::InvalidInput {
                code,
                path: "note".into(),
                reason,
            },
            ChecklistError::TemplateExists { .. } => BrobyggerError::InvalidInput {
                code,
                path: "template".into(),
                reason,
            },
        }
    }
}

/// Every problem with a dossier's checklist data (part of [`crate::Dossier::validate`]).
pub fn validate_checklists(d: &crate::dossier::Dossier) -> Vec<Finding> {
    validate::checklist_findings(d)
}
