//! Working with checklists in a dossier: adding templates and requirements, starting, answering
//! and submitting sessions, and resolving divergences, each all or nothing.

use super::model::codes::{ChecklistCode, ChecklistError};
use super::model::template::ChecklistTemplate;
use super::model::vocab::Side;
use crate::actors::PartyRef;
use crate::checklists::model::session::{
    Answer, AnswerInput, AnswerSession, ChecklistRequirement, Resolution, ResolveItem,
    StartChecklist, Submission, agreement_covers, check_value, unanswered_finding,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::ids::{AgreementId, ItemId, PersonId, SessionId, TemplateId};
use crate::time::Timestamp;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

pub(crate) fn checklist_template<'a>(
    dossier: &'a Dossier,
    id: &TemplateId,
    version: Option<u32>,
) -> Option<&'a ChecklistTemplate> {
    let own = dossier.checklists.templates.iter();
    let builtin = super::model::builtin::all().iter();
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
        .chain(super::model::builtin::all().iter())
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
                    ValidationCode::InvalidId,
                    "id",
                    "the session id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-'",
                ));
            }
            if checklist_session(dossier, &id).is_some() {
                return Err(BrobyggerError::invalid_input(
                    ValidationCode::DuplicateId,
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
            ChecklistCode::TimeOrder,
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
