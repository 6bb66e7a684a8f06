//! The codes of checklist findings and errors, and the checklists' own error.

use crate::checklists::model::vocab::Side;
use crate::code::{ErrorCode, NotFoundCode, codes};
use crate::error::BrobyggerError;
use crate::finding::{Finding, FindingKind, SeedDocument, SourceRef};
use crate::i18n::Label;

codes! {
    /// The codes about checklists: template problems, problems with the data in a dossier,
    /// alignment results, signing readiness, and the errors of the checklist operations.
    pub enum ChecklistCode in "checklists" {
        /// The template's format version or own version is not acceptable.
        InvalidVersion = "checklists.invalid_version", finding(Error),
            "Skabelonens formatversion eller egen version kan ikke bruges.",
            "The template's format version or own version is not acceptable.";
        /// The template names no side to answer it.
        NoRespondents = "checklists.no_respondents", finding(Error),
            "Skabelonen nævner ingen side, der skal besvare den.",
            "The template names no side to answer it.";
        /// A template or section without items.
        NoItems = "checklists.no_items", finding(Error),
            "En skabelon eller et afsnit har ingen punkter.",
            "A template or section has no items.";
        /// A weight that is not positive.
        InvalidWeight = "checklists.invalid_weight", finding(Error),
            "En vægt er ikke et positivt tal.",
            "A weight is not a positive number.";
        /// A choice with fewer than two options.
        TooFewOptions = "checklists.too_few_options", finding(Error),
            "Et valg har færre end to muligheder.",
            "A choice has fewer than two options.";
        /// A range or tolerance that makes no sense.
        InvalidRange = "checklists.invalid_range", finding(Error),
            "Et interval eller en tolerance giver ikke mening.",
            "A range or tolerance makes no sense.";
        /// A template (id and version) the dossier and the library do not know.
        UnknownTemplate = "checklists.unknown_template", finding(Error),
            "Hverken dossieret eller biblioteket kender skabelonen (id og version).",
            "Neither the dossier nor the library knows the template (id and version).";
        /// A dossier template reuses the id and version of a built-in one.
        TemplateShadowsBuiltin = "checklists.template_shadows_builtin", finding(Error),
            "En af dossierets skabeloner har samme id og version som en indbygget.",
            "A template of the dossier has the id and version of a built-in one.";
        /// An answer to an item the template does not have.
        UnknownItem = "checklists.unknown_item", finding(Error),
            "Et svar gælder et punkt, skabelonen ikke har.",
            "An answer is to an item the template does not have.";
        /// Two answers to one item in a session.
        DuplicateAnswer = "checklists.duplicate_answer", finding(Error),
            "Samme punkt er besvaret to gange i én besvarelse.",
            "One item is answered twice in a session.";
        /// An answer that does not fit the item's answer kind.
        AnswerKindMismatch = "checklists.answer_kind_mismatch", finding(Error),
            "Svaret passer ikke til punktets svartype.",
            "The answer does not fit the item's kind of answer.";
        /// A scale or number outside its range, or a wrong number of choices.
        AnswerOutOfRange = "checklists.answer_out_of_range", finding(Error),
            "Svaret ligger uden for skalaen eller intervallet, eller antallet af valg er forkert.",
            "The answer is outside its scale or range, or has the wrong number of choices.";
        /// A choice that is not one of the item's options.
        UnknownOption = "checklists.unknown_option", finding(Error),
            "Valget er ikke en af punktets muligheder.",
            "The choice is not one of the item's options.";
        /// An item not answered yet.
        Unanswered = "checklists.unanswered", finding(Error),
            "Punktet er ikke besvaret endnu.",
            "The item is not answered yet.";
        /// A session marked submitted with unanswered items.
        SubmittedIncomplete = "checklists.submitted_incomplete", finding(Error),
            "En besvarelse er indsendt med ubesvarede punkter.",
            "A session is submitted with items unanswered.";
        /// A requirement names no party.
        NoRequiredParties = "checklists.no_required_parties", both(Error, InvalidInput),
            "Et krav om en tjekliste skal nævne de parter, der besvarer den.",
            "A required checklist must name the parties that answer it.";
        /// A party answers a template not meant for its side.
        SideNotRespondent = "checklists.side_not_respondent", both(Warning, InvalidInput),
            "Skabelonen er ikke beregnet til at blive besvaret af den side, parten hører til.",
            "The template is not meant to be answered by the party's side.";
        /// An answer given by a person holding no post for the answering party at the time.
        AnswererNotOfParty = "checklists.answerer_not_of_party", finding(Warning),
            "Svaret er givet af en person, der ikke havde en post hos den svarende part på det tidspunkt.",
            "The answer was given by a person holding no post for the answering party at the time.";
        /// Timestamps out of order (an answer before its session started, ...).
        TimeOrder = "checklists.time_order", both(Warning, InvalidInput),
            "Tidspunkterne er i forkert rækkefølge (fx et svar før besvarelsen blev startet).",
            "The times are out of order (an answer before its session started, say).";
        /// A critical item diverges and no resolution is recorded: blocks signing.
        CriticalDivergence = "checklists.critical_divergence", finding(Error),
            "Parterne er uenige om et kritisk punkt, og der er ikke noteret en løsning; det blokerer for underskrift.",
            "The parties diverge on a critical item and no resolution is recorded; it blocks signing.";
        /// The parties' answers diverge clearly.
        Divergence = "checklists.divergence", finding(Warning),
            "Parternes svar er tydeligt forskellige.",
            "The parties' answers diverge clearly.";
        /// The parties' answers diverge a little.
        MinorDivergence = "checklists.minor_divergence", finding(Info),
            "Parternes svar er lidt forskellige.",
            "The parties' answers diverge a little.";
        /// Free text or "don't know": the parties must compare for themselves.
        ToDiscuss = "checklists.to_discuss", finding(Info),
            "Fritekst eller \"ved ikke\": parterne må selv sammenligne svarene.",
            "Free text or \"don't know\": the parties must compare the answers themselves.";
        /// A party has not answered an item the others answered.
        MissingAnswer = "checklists.missing_answer", finding(Warning),
            "En part har ikke besvaret et punkt, de andre har besvaret.",
            "A party has not answered an item the others answered.";
        /// A divergence the parties resolved.
        Resolved = "checklists.resolved", finding(Info),
            "Parterne har løst en uenighed.",
            "The parties resolved a divergence.";
        /// The compared sessions answer different versions of the template.
        MixedVersions = "checklists.mixed_versions", finding(Warning),
            "De sammenlignede besvarelser gælder forskellige versioner af skabelonen.",
            "The compared sessions answer different versions of the template.";
        /// A required checklist has not been started by a party.
        RequiredNotStarted = "checklists.required_not_started", finding(Error),
            "En part har ikke påbegyndt en krævet tjekliste.",
            "A party has not started a required checklist.";
        /// A required checklist is not submitted by a party.
        RequiredIncomplete = "checklists.required_incomplete", finding(Error),
            "En part har ikke indsendt en krævet tjekliste.",
            "A party has not submitted a required checklist.";
        /// Checklist data for the agreement has validation errors.
        InvalidData = "checklists.invalid_data", finding(Error),
            "Aftalens tjeklistedata har fejl.",
            "The agreement's checklist data has errors.";
        /// No checklist is required or answered for the agreement.
        NoExpectationAlignment = "checklists.no_expectation_alignment", finding(Warning),
            "Ingen tjekliste er krævet eller besvaret for aftalen; forventningerne er ikke afstemt.",
            "No checklist is required or answered for the agreement; expectations are not aligned.";
        /// The party is not a party to the agreement.
        NotAParty = "checklists.not_a_party", error(InvalidInput),
            "Den svarende er ikke part i aftalen.",
            "The answering party is not a party to the agreement.";
        /// The session is submitted and frozen.
        SessionSubmitted = "checklists.session_submitted", error(InvalidInput),
            "Besvarelsen er indsendt; start en ny besvarelse for at ændre svarene.",
            "The session is submitted; start a new session to change the answers.";
        /// Answers with problems; nothing was recorded.
        InvalidAnswers = "checklists.invalid_answers", error(Validation),
            "Svarene har fejl; intet er registreret.",
            "The answers have problems; nothing was recorded.";
        /// Items are unanswered.
        Incomplete = "checklists.incomplete", error(Validation),
            "Der er ubesvarede punkter.",
            "Items are unanswered.";
        /// A resolution needs a note of what was agreed.
        EmptyNote = "checklists.empty_note", error(InvalidInput),
            "En løsning skal have en note om, hvad parterne blev enige om.",
            "A resolution needs a note of what was agreed.";
        /// The template id and version are taken.
        TemplateExists = "checklists.template_exists", error(InvalidInput),
            "En skabelon med det id og den version findes allerede.",
            "A template with that id and version exists already.";
        /// A template with errors; every finding is attached.
        InvalidTemplate = "checklists.invalid_template", error(Validation),
            "Skabelonen er ikke gyldig.",
            "The template is not valid.";
        /// A template file that is neither TOML nor JSON.
        UnknownFormat = "checklists.unknown_format", error(InvalidInput),
            "En skabelonfil skal ende på .toml eller .json.",
            "A template file must end in .toml or .json.";
    }
}

impl FindingKind for ChecklistCode {
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
    pub fn code(&self) -> ErrorCode {
        match self {
            ChecklistError::UnknownAgreement(_) => NotFoundCode::Agreement.into(),
            ChecklistError::UnknownPerson(_) => NotFoundCode::Person.into(),
            ChecklistError::UnknownSession(_) => NotFoundCode::ChecklistSession.into(),
            ChecklistError::UnknownTemplate { .. } => NotFoundCode::ChecklistTemplate.into(),
            ChecklistError::UnknownItemId(_) => NotFoundCode::ChecklistItem.into(),
            ChecklistError::NotAParty(_) => ChecklistCode::NotAParty.into(),
            ChecklistError::SideNotRespondent(_) => ChecklistCode::SideNotRespondent.into(),
            ChecklistError::Submitted(_) => ChecklistCode::SessionSubmitted.into(),
            ChecklistError::InvalidAnswers(_) => ChecklistCode::InvalidAnswers.into(),
            ChecklistError::Incomplete(_) => ChecklistCode::Incomplete.into(),
            ChecklistError::NoParties => ChecklistCode::NoRequiredParties.into(),
            ChecklistError::EmptyNote => ChecklistCode::EmptyNote.into(),
            ChecklistError::TemplateExists { .. } => ChecklistCode::TemplateExists.into(),
        }
    }
}

impl From<ChecklistError> for BrobyggerError {
    fn from(e: ChecklistError) -> Self {
        let code = e.code();
        let reason = e.to_string();
        match e {
            ChecklistError::UnknownAgreement(id) => {
                BrobyggerError::not_found(NotFoundCode::Agreement, id)
            }
            ChecklistError::UnknownPerson(id) => {
                BrobyggerError::not_found(NotFoundCode::Person, id)
            }
            ChecklistError::UnknownSession(id) => {
                BrobyggerError::not_found(NotFoundCode::ChecklistSession, id)
            }
            ChecklistError::UnknownTemplate { id, .. } => {
                BrobyggerError::not_found(NotFoundCode::ChecklistTemplate, id)
            }
            ChecklistError::UnknownItemId(id) => {
                BrobyggerError::not_found(NotFoundCode::ChecklistItem, id)
            }
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
