//! The codes of checklist findings and the checklists' own error.

use crate::checklists::model::vocab::Side;
use crate::error::BrobyggerError;
use crate::finding::{Finding, FindingKind, SeedDocument, Severity, SourceRef};
use crate::i18n::Label;

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
