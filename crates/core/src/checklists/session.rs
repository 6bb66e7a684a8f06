//! Answer sessions: each party answers a checklist on its own, answer by answer, each answer
//! timestamped and attributed; a session can be saved half-done and resumed, and is frozen
//! once submitted. Also the requirements (which checklists an agreement needs before signing)
//! and the resolutions the parties record for divergences.

use super::template::{AnswerKind, ChecklistItem, ChecklistTemplate, Side};
use super::{ChecklistCode, ChecklistError, Checklists, YesNo};
use crate::actors::PartyRef;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Label, Lang, Text};
use crate::ids::{AgreementId, ChoiceId, ItemId, PersonId, SessionId, TemplateId};
use crate::sensitivity::PersonalData;
use crate::time::Timestamp;
use std::collections::HashSet;
use std::fmt;

/// One party's answers to one checklist for one agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerSession {
    /// Id, unique in the dossier.
    pub id: SessionId,
    /// The agreement the answers are about.
    pub agreement: AgreementId,
    /// The party answering.
    pub party: PartyRef,
    /// The template answered.
    pub template: TemplateId,
    /// The version of the template answered.
    pub template_version: u32,
    /// When the session was started.
    pub started_at: Timestamp,
    /// Who started it.
    pub started_by: PersonId,
    /// The answers so far, in the template's order; at most one per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// Set when the party submitted its answers; the session is frozen from then on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Submission>,
}

impl AnswerSession {
    /// The answer to `item`, if given.
    pub fn answer(&self, item: &ItemId) -> Option<&Answer> {
        self.answers.iter().find(|a| &a.item == item)
    }

    /// Whether the party has submitted.
    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }

    /// The items of `template` not answered yet, in order.
    pub fn unanswered(&self, template: &ChecklistTemplate) -> Vec<ItemId> {
        template
            .items()
            .filter(|(_, i)| self.answer(&i.id).is_none())
            .map(|(_, i)| i.id.clone())
            .collect()
    }

    /// When the last answer was given.
    pub fn last_answered(&self) -> Option<Timestamp> {
        self.answers.iter().map(|a| a.at).max()
    }
}

/// Who submitted a session, and when.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Submission {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: PersonId,
}

/// One answer, timestamped and attributed.
///
/// Answers are about the partnership, not about people, but free text attracts anything, so the
/// value and the comment are treated as confidential: `Debug` shows neither.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Answer {
    /// The item answered.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub item: ItemId,
    /// The answer.
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub value: AnswerValue,
    /// A comment beside the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub comment: Option<String>,
    /// When it was given (or last changed).
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub at: Timestamp,
    /// Who gave it.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub by: PersonId,
}

impl PersonalData for Answer {}

impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer")
            .field("item", &self.item)
            .field("value", &self.value)
            .field("at", &self.at)
            .field("by", &self.by)
            .finish_non_exhaustive()
    }
}

/// An answer's value; which variant fits depends on the item's [`AnswerKind`]. `DontKnow` fits
/// every kind.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnswerValue {
    /// For a yes/no item.
    YesNo {
        /// Yes, partly, no or not relevant.
        value: YesNo,
    },
    /// For a scale item.
    Scale {
        /// 1 to 5.
        value: u8,
    },
    /// For a number item, in the item's unit.
    Number {
        /// The number; finite and within the item's range.
        value: f64,
    },
    /// For a choice item.
    Choice {
        /// The options chosen: exactly one unless the item allows several.
        selected: Vec<ChoiceId>,
    },
    /// For a free-text item.
    Text {
        /// The text.
        text: String,
    },
    /// The party does not know (yet); counts as answered, and the item is to be discussed.
    DontKnow,
}

impl fmt::Debug for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::YesNo { value } => write!(f, "YesNo({value:?})"),
            AnswerValue::Scale { value } => write!(f, "Scale({value})"),
            AnswerValue::Number { value } => write!(f, "Number({value})"),
            AnswerValue::Choice { selected } => write!(f, "Choice({selected:?})"),
            // Free text may name people: never in Debug output.
            AnswerValue::Text { .. } => f.write_str("Text(…)"),
            AnswerValue::DontKnow => f.write_str("DontKnow"),
        }
    }
}

impl AnswerValue {
    /// The value for display, in Danish and English (free text as written).
    pub fn display(&self, item: &ChecklistItem) -> Text {
        match (self, &item.answer) {
            (AnswerValue::YesNo { value }, _) => {
                Text::new(value.label(Lang::Da), value.label(Lang::En))
            }
            (AnswerValue::Scale { value }, AnswerKind::Scale { low, high }) => {
                let end = match value {
                    1 => low.as_ref(),
                    5 => high.as_ref(),
                    _ => None,
                };
                match end {
                    Some(t) => Text::new(
                        format!("{value} af 5 ({})", t.da),
                        format!("{value} of 5 ({})", t.en),
                    ),
                    None => Text::new(format!("{value} af 5"), format!("{value} of 5")),
                }
            }
            (AnswerValue::Scale { value }, _) => Text::new(value.to_string(), value.to_string()),
            (AnswerValue::Number { value }, AnswerKind::Number { unit, .. }) => Text::new(
                format!("{} {}", format_number(*value, Lang::Da), unit.da),
                format!("{} {}", format_number(*value, Lang::En), unit.en),
            ),
            (AnswerValue::Number { value }, _) => Text::new(
                format_number(*value, Lang::Da),
                format_number(*value, Lang::En),
            ),
            (AnswerValue::Choice { selected }, AnswerKind::Choice { options, .. }) => {
                let label = |lang: Lang| {
                    selected
                        .iter()
                        .map(|id| {
                            options
                                .iter()
                                .find(|o| &o.id == id)
                                .map(|o| o.text.get(lang).to_owned())
                                .unwrap_or_else(|| id.to_string())
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                Text::new(label(Lang::Da), label(Lang::En))
            }
            (AnswerValue::Choice { selected }, _) => {
                let s = selected
                    .iter()
                    .map(ChoiceId::as_str)
                    .collect::<Vec<_>>()
                    .join("; ");
                Text::new(s.clone(), s)
            }
            (AnswerValue::Text { text }, _) => Text::new(text.clone(), text.clone()),
            (AnswerValue::DontKnow, _) => Text::new("ved ikke", "don't know"),
        }
    }
}

/// A number as people write it: no trailing zeros, at most two decimals, a decimal comma in
/// Danish.
pub fn format_number(x: f64, lang: Lang) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let mut s = format!("{rounded:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A number range as people write it: `0–31`, `≥ 0`, `≤ 31`; empty without bounds.
pub(crate) fn format_range(min: Option<f64>, max: Option<f64>, lang: Lang) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{}–{}", format_number(lo, lang), format_number(hi, lang)),
        (Some(lo), None) => format!("≥ {}", format_number(lo, lang)),
        (None, Some(hi)) => format!("≤ {}", format_number(hi, lang)),
        (None, None) => String::new(),
    }
}

/// A recorded decision on a diverging item: what the parties agreed after discussing it.
///
/// A resolution covers the answers given before it; if a party changes its answer later, the
/// divergence counts as open again. The note is free text, so like an answer's comment it is
/// treated as confidential: `Debug` leaves it out, and shared reports show only the date.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Resolution {
    /// The agreement.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub agreement: AgreementId,
    /// The template.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub template: TemplateId,
    /// The item.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub item: ItemId,
    /// When it was resolved.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub at: Timestamp,
    /// Who recorded it.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub by: PersonId,
    /// What was agreed, e.g. the shared definition of "frivillighed".
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub note: String,
}

impl PersonalData for Resolution {}

impl fmt::Debug for Resolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resolution")
            .field("agreement", &self.agreement)
            .field("template", &self.template)
            .field("item", &self.item)
            .field("at", &self.at)
            .field("by", &self.by)
            .finish_non_exhaustive()
    }
}

/// A checklist an agreement needs before it can be signed, and who must answer it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistRequirement {
    /// The agreement.
    pub agreement: AgreementId,
    /// The template.
    pub template: TemplateId,
    /// The oldest template version that counts; any version if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_version: Option<u32>,
    /// The parties that must each submit an answer session. A whole municipality is satisfied
    /// by a session of any of its departments.
    pub parties: Vec<PartyRef>,
    /// Why it is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A request to start an answer session.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StartChecklist {
    /// The agreement.
    pub agreement: AgreementId,
    /// The party answering; must be a party to the agreement.
    pub party: PartyRef,
    /// The template.
    pub template: TemplateId,
    /// The template version; the newest known if absent.
    pub template_version: Option<u32>,
    /// Who starts it.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// The session id; one is made (`cs-001`, ...) if absent.
    pub id: Option<SessionId>,
}

/// One answer to record.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerInput {
    /// The item.
    pub item: ItemId,
    /// The answer.
    pub value: AnswerValue,
    /// A comment beside it.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A request to record a resolution of an item.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResolveItem {
    /// The agreement.
    pub agreement: AgreementId,
    /// The template.
    pub template: TemplateId,
    /// The item.
    pub item: ItemId,
    /// Who records it.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// What the parties agreed.
    pub note: String,
}

/// Appends a finding for every way `value` does not fit `item`, at `path`.
pub(crate) fn check_value(
    item: &ChecklistItem,
    value: &AnswerValue,
    path: &FieldPath,
    out: &mut Vec<Finding>,
) {
    let mut push = |kind: ChecklistCode, path: FieldPath, da: String, en: String| {
        out.push(Finding::of(kind, path, Text::new(da, en)));
    };
    let kind_label = |l: Lang| item.answer.name().label(l);
    match (value, &item.answer) {
        (AnswerValue::DontKnow, _)
        | (AnswerValue::YesNo { .. }, AnswerKind::YesNo)
        | (AnswerValue::Text { .. }, AnswerKind::Text) => {}
        (AnswerValue::Scale { value }, AnswerKind::Scale { .. }) => {
            if !(1..=5).contains(value) {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    "Svaret skal ligge på skalaen fra 1 til 5.".into(),
                    "The answer must lie on the scale from 1 to 5.".into(),
                );
            }
        }
        (AnswerValue::Number { value }, AnswerKind::Number { min, max, .. }) => {
            if !value.is_finite() {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    "Tallet skal være endeligt.".into(),
                    "The number must be finite.".into(),
                );
            } else if min.is_some_and(|m| *value < m) || max.is_some_and(|m| *value > m) {
                let range = |l: Lang| format_range(*min, *max, l);
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    format!("Tallet skal være {}.", range(Lang::Da)),
                    format!("The number must be {}.", range(Lang::En)),
                );
            }
        }
        (AnswerValue::Choice { selected }, AnswerKind::Choice { options, multiple }) => {
            if selected.is_empty() || (!multiple && selected.len() > 1) {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("selected"),
                    if *multiple {
                        "Vælg mindst én mulighed.".into()
                    } else {
                        "Vælg præcis én mulighed.".into()
                    },
                    if *multiple {
                        "Choose at least one option.".into()
                    } else {
                        "Choose exactly one option.".into()
                    },
                );
            }
            let mut seen = HashSet::new();
            for (k, id) in selected.iter().enumerate() {
                if !options.iter().any(|o| &o.id == id) {
                    push(
                        ChecklistCode::UnknownOption,
                        path.field("selected").index(k),
                        "Valget er ikke en af punktets muligheder.".into(),
                        "The choice is not one of the item's options.".into(),
                    );
                } else if !seen.insert(id) {
                    push(
                        ChecklistCode::UnknownOption,
                        path.field("selected").index(k),
                        "Valget er nævnt mere end én gang.".into(),
                        "The choice is listed more than once.".into(),
                    );
                }
            }
        }
        _ => push(
            ChecklistCode::AnswerKindMismatch,
            path.clone(),
            format!(
                "Svaret passer ikke til punktets svartype ({}).",
                kind_label(Lang::Da)
            ),
            format!(
                "The answer does not fit the item's answer kind ({}).",
                kind_label(Lang::En)
            ),
        ),
    }
}

pub(crate) fn checklist_template<'a>(
    dossier: &'a Dossier,
    id: &TemplateId,
    version: Option<u32>,
) -> Option<&'a ChecklistTemplate> {
    let own = dossier.checklists.templates.iter();
    let builtin = super::builtin::all().iter();
    let candidates = own.chain(builtin).filter(|t| &t.id == id);
    match version {
        Some(v) => candidates.into_iter().find(|t| t.version == v),
        None => candidates.max_by_key(|t| t.version),
    }
}

pub(crate) fn add_checklist_template(
    dossier: &mut Dossier,
    template: ChecklistTemplate,
) -> Result<(), BrobyggerError> {
    let template = template.checked()?;
    if checklist_template(dossier, &template.id, Some(template.version)).is_some() {
        return Err(ChecklistError::TemplateExists {
            id: template.id.to_string(),
            version: template.version,
        }
        .into());
    }
    dossier.checklists.templates.push(template);
    Ok(())
}

pub(crate) fn require_checklist(
    dossier: &mut Dossier,
    requirement: ChecklistRequirement,
) -> Result<(), BrobyggerError> {
    let agreement = dossier
        .agreement(&requirement.agreement)
        .ok_or_else(|| ChecklistError::UnknownAgreement(requirement.agreement.to_string()))?;
    let known = checklists_templates_named(dossier, &requirement.template)
        .any(|t| requirement.min_version.is_none_or(|m| t.version >= m));
    if !known {
        return Err(ChecklistError::UnknownTemplate {
            id: requirement.template.to_string(),
            version: requirement.min_version,
        }
        .into());
    }
    if requirement.parties.is_empty() {
        return Err(ChecklistError::NoParties.into());
    }
    for (j, p) in requirement.parties.iter().enumerate() {
        if !agreement_covers(agreement, p) {
            return Err(ChecklistError::NotAParty(format!("parties[{j}]")).into());
        }
    }
    let reqs = &mut dossier.checklists.requirements;
    reqs.retain(|r| !(r.agreement == requirement.agreement && r.template == requirement.template));
    reqs.push(requirement);
    Ok(())
}

pub(crate) fn remove_checklist_requirement(
    dossier: &mut Dossier,
    agreement: &AgreementId,
    template: &TemplateId,
) -> bool {
    let before = dossier.checklists.requirements.len();
    dossier
        .checklists
        .requirements
        .retain(|r| !(&r.agreement == agreement && &r.template == template));
    before != dossier.checklists.requirements.len()
}

pub(crate) fn checklists_templates_named<'a>(
    dossier: &'a Dossier,
    id: &'a TemplateId,
) -> impl Iterator<Item = &'a ChecklistTemplate> + 'a {
    dossier
        .checklists
        .templates
        .iter()
        .chain(super::builtin::all().iter())
        .filter(move |t| &t.id == id)
}

pub(crate) fn start_checklist(
    dossier: &mut Dossier,
    start: StartChecklist,
) -> Result<SessionId, BrobyggerError> {
    let agreement = dossier
        .agreement(&start.agreement)
        .ok_or_else(|| ChecklistError::UnknownAgreement(start.agreement.to_string()))?;
    if dossier.person(&start.by).is_none() {
        return Err(ChecklistError::UnknownPerson(start.by.to_string()).into());
    }
    let template = checklist_template(dossier, &start.template, start.template_version)
        .ok_or_else(|| ChecklistError::UnknownTemplate {
            id: start.template.to_string(),
            version: start.template_version,
        })?;
    if !agreement_covers(agreement, &start.party) {
        return Err(ChecklistError::NotAParty("party".into()).into());
    }
    let side = Side::of(&start.party);
    if !template.respondents.contains(&side) {
        return Err(ChecklistError::SideNotRespondent(side).into());
    }
    let id = match start.id {
        Some(id) => {
            if !crate::ids::is_well_formed(id.as_str()) {
                return Err(BrobyggerError::invalid_input(
                    "validation.invalid_id",
                    "id",
                    "the session id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-'",
                ));
            }
            if checklist_session(dossier, &id).is_some() {
                return Err(BrobyggerError::invalid_input(
                    "validation.duplicate_id",
                    "id",
                    format!("the session id {id} is already used"),
                ));
            }
            id
        }
        None => next_session_id(dossier),
    };
    let session = AnswerSession {
        id: id.clone(),
        agreement: start.agreement,
        party: start.party,
        template: template.id.clone(),
        template_version: template.version,
        started_at: start.at,
        started_by: start.by,
        answers: Vec::new(),
        submitted: None,
    };
    dossier.checklists.sessions.push(session);
    Ok(id)
}

fn next_session_id(dossier: &Dossier) -> SessionId {
    let used: HashSet<&str> = dossier
        .checklists
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let mut n = dossier.checklists.sessions.len() + 1;
    loop {
        let id = format!("cs-{n:03}");
        if !used.contains(id.as_str()) {
            return SessionId::new(id);
        }
        n += 1;
    }
}

pub(crate) fn checklist_session<'a>(
    dossier: &'a Dossier,
    id: &SessionId,
) -> Option<&'a AnswerSession> {
    dossier.checklists.sessions.iter().find(|s| &s.id == id)
}

pub(crate) fn checklist_sessions<'a>(
    dossier: &'a Dossier,
    agreement: &AgreementId,
) -> Vec<&'a AnswerSession> {
    dossier
        .checklists
        .sessions
        .iter()
        .filter(|s| &s.agreement == agreement)
        .collect()
}

pub(crate) fn answer_checklist(
    dossier: &mut Dossier,
    session: &SessionId,
    answers: Vec<AnswerInput>,
    by: &PersonId,
    at: Timestamp,
) -> Result<(), BrobyggerError> {
    let index = session_index(dossier, session)?;
    let s = &dossier.checklists.sessions[index];
    if s.is_submitted() {
        return Err(ChecklistError::Submitted(session.to_string()).into());
    }
    if dossier.person(by).is_none() {
        return Err(ChecklistError::UnknownPerson(by.to_string()).into());
    }
    let template =
        checklist_template(dossier, &s.template, Some(s.template_version)).ok_or_else(|| {
            ChecklistError::UnknownTemplate {
                id: s.template.to_string(),
                version: Some(s.template_version),
            }
        })?;
    let mut problems = Vec::new();
    let root = FieldPath::root().field("answers");
    if at < s.started_at {
        problems.push(Finding::of(
            ChecklistCode::TimeOrder,
            FieldPath::root().field("at"),
            Text::new(
                "Et svar kan ikke være givet, før sessionen blev startet.",
                "An answer cannot be given before the session was started.",
            ),
        ));
    }
    let mut seen = HashSet::new();
    for (i, a) in answers.iter().enumerate() {
        let p = root.index(i);
        match template.item(&a.item) {
            None => problems.push(Finding::of(
                ChecklistCode::UnknownItem,
                p.field("item"),
                Text::new(
                    "Punktet findes ikke i skabelonens version.",
                    "The item is not in the template's version.",
                ),
            )),
            Some(item) => check_value(item, &a.value, &p.field("value"), &mut problems),
        }
        if !seen.insert(&a.item) {
            problems.push(Finding::of(
                ChecklistCode::DuplicateAnswer,
                p.field("item"),
                Text::new(
                    "Punktet besvares mere end én gang.",
                    "The item is answered more than once.",
                ),
            ));
        }
    }
    if !problems.is_empty() {
        crate::finding::sort_findings(&mut problems);
        return Err(ChecklistError::InvalidAnswers(problems).into());
    }
    let order: Vec<ItemId> = template.items().map(|(_, i)| i.id.clone()).collect();
    let s = &mut dossier.checklists.sessions[index];
    for a in answers {
        let answer = Answer {
            item: a.item,
            value: a.value,
            comment: a.comment.filter(|c| !c.trim().is_empty()),
            at,
            by: by.clone(),
        };
        match s.answers.iter_mut().find(|x| x.item == answer.item) {
            Some(existing) => *existing = answer,
            None => s.answers.push(answer),
        }
    }
    s.answers.sort_by_key(|a| {
        order
            .iter()
            .position(|id| id == &a.item)
            .unwrap_or(usize::MAX)
    });
    Ok(())
}

pub(crate) fn submit_checklist(
    dossier: &mut Dossier,
    session: &SessionId,
    by: &PersonId,
    at: Timestamp,
) -> Result<(), BrobyggerError> {
    let index = session_index(dossier, session)?;
    let s = &dossier.checklists.sessions[index];
    if s.is_submitted() {
        return Err(ChecklistError::Submitted(session.to_string()).into());
    }
    if dossier.person(by).is_none() {
        return Err(ChecklistError::UnknownPerson(by.to_string()).into());
    }
    let template =
        checklist_template(dossier, &s.template, Some(s.template_version)).ok_or_else(|| {
            ChecklistError::UnknownTemplate {
                id: s.template.to_string(),
                version: Some(s.template_version),
            }
        })?;
    let path = FieldPath::root()
        .field("checklists")
        .field("sessions")
        .index(index);
    let missing: Vec<Finding> = s
        .unanswered(template)
        .into_iter()
        .map(|item| unanswered_finding(&path, &item))
        .collect();
    if !missing.is_empty() {
        return Err(ChecklistError::Incomplete(missing).into());
    }
    if s.last_answered().is_some_and(|last| at < last) || at < s.started_at {
        return Err(BrobyggerError::invalid_input(
            "checklists.time_order",
            "at",
            "a session cannot be submitted before its last answer",
        ));
    }
    dossier.checklists.sessions[index].submitted = Some(Submission { at, by: by.clone() });
    Ok(())
}

pub(crate) fn resolve_checklist_item(
    dossier: &mut Dossier,
    resolve: ResolveItem,
) -> Result<(), BrobyggerError> {
    if dossier.agreement(&resolve.agreement).is_none() {
        return Err(ChecklistError::UnknownAgreement(resolve.agreement.to_string()).into());
    }
    if dossier.person(&resolve.by).is_none() {
        return Err(ChecklistError::UnknownPerson(resolve.by.to_string()).into());
    }
    let (known, has_item) = {
        let mut templates = checklists_templates_named(dossier, &resolve.template).peekable();
        let known = templates.peek().is_some();
        (known, templates.any(|t| t.item(&resolve.item).is_some()))
    };
    if !known {
        return Err(ChecklistError::UnknownTemplate {
            id: resolve.template.to_string(),
            version: None,
        }
        .into());
    }
    if !has_item {
        return Err(ChecklistError::UnknownItemId(resolve.item.to_string()).into());
    }
    if resolve.note.trim().is_empty() {
        return Err(ChecklistError::EmptyNote.into());
    }
    dossier.checklists.resolutions.push(Resolution {
        agreement: resolve.agreement,
        template: resolve.template,
        item: resolve.item,
        at: resolve.at,
        by: resolve.by,
        note: resolve.note,
    });
    Ok(())
}

fn session_index(dossier: &Dossier, id: &SessionId) -> Result<usize, ChecklistError> {
    dossier
        .checklists
        .sessions
        .iter()
        .position(|s| &s.id == id)
        .ok_or_else(|| ChecklistError::UnknownSession(id.to_string()))
}

/// The latest session of each party for `agreement` and `template`, with each session's
/// position in `checklists.sessions`, municipal parties first and then in the order of the
/// agreement's parties.
pub(crate) fn latest_sessions<'a>(
    dossier: &'a Dossier,
    agreement: &AgreementId,
    template: &TemplateId,
) -> Vec<(usize, &'a AnswerSession)> {
    let mut latest: Vec<(usize, &AnswerSession)> = Vec::new();
    for (k, s) in dossier.checklists.sessions.iter().enumerate() {
        if &s.agreement != agreement || &s.template != template {
            continue;
        }
        match latest.iter_mut().find(|(_, l)| l.party == s.party) {
            // Started later wins; the later position breaks ties.
            Some(slot) if s.started_at >= slot.1.started_at => *slot = (k, s),
            Some(_) => {}
            None => latest.push((k, s)),
        }
    }
    let parties: Vec<PartyRef> = dossier
        .agreement(agreement)
        .and_then(|a| a.terms())
        .map(|t| t.parties.iter().map(|p| p.party.clone()).collect())
        .unwrap_or_default();
    latest.sort_by_key(|(_, s)| {
        (
            !s.party.is_municipal(),
            parties
                .iter()
                .position(|p| p.covers(&s.party))
                .unwrap_or(usize::MAX),
            s.party.key(),
        )
    });
    latest
}

pub(crate) fn unanswered_finding(session_path: &FieldPath, item: &ItemId) -> Finding {
    Finding::of(
        ChecklistCode::Unanswered,
        session_path.field("answers"),
        Text::new(
            format!("Punktet '{item}' er ikke besvaret."),
            format!("The item '{item}' is not answered."),
        ),
    )
}

/// Whether `party` is (covered by) a party to the agreement in force.
pub(crate) fn agreement_covers(agreement: &crate::agreement::Agreement, party: &PartyRef) -> bool {
    agreement
        .terms()
        .is_some_and(|t| t.parties.iter().any(|p| p.party.covers(party)))
}

impl Checklists {
    /// Whether there is nothing: no templates, requirements, sessions or resolutions.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
            && self.requirements.is_empty()
            && self.sessions.is_empty()
            && self.resolutions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_people_write_them() {
        assert_eq!(format_number(2.0, Lang::Da), "2");
        assert_eq!(format_number(1.5, Lang::Da), "1,5");
        assert_eq!(format_number(1.5, Lang::En), "1.5");
        assert_eq!(format_number(0.333_333, Lang::En), "0.33");
        assert_eq!(format_number(-0.001, Lang::En), "0");
    }

    #[test]
    fn resolutions_declare_the_note_confidential_and_hide_it() {
        let classes = Resolution::field_classes();
        assert_eq!(classes.len(), 6);
        assert!(classes.iter().all(|c| c.class.is_some()));
        assert_eq!(
            crate::sensitivity::class_of::<Resolution>("note"),
            Some(crate::sensitivity::SensitivityClass::Confidential)
        );
        let r = Resolution {
            agreement: "a".into(),
            template: "t".into(),
            item: "i".into(),
            at: crate::time::start_of_day(chrono::NaiveDate::MIN),
            by: "p-1".into(),
            note: "Fatima".into(),
        };
        assert!(!format!("{r:?}").contains("Fatima"));
    }

    #[test]
    fn debug_hides_free_text() {
        let v = AnswerValue::Text {
            text: "Fatima ringer".into(),
        };
        assert_eq!(format!("{v:?}"), "Text(…)");
        let a = Answer {
            item: "x".into(),
            value: v,
            comment: Some("Fatima".into()),
            at: crate::time::start_of_day(chrono::NaiveDate::MIN),
            by: "p-1".into(),
        };
        assert!(!format!("{a:?}").contains("Fatima"));
    }
}
