//! Validation of the checklist data a dossier stores: its own templates, requirements,
//! sessions and resolutions. Part of [`Dossier::validate`]; every problem with a path under
//! `checklists`.

use super::model::codes::ChecklistCode;
use super::model::session::{agreement_covers, check_value};
use super::model::template::validate_template;
use super::model::vocab::Side;
use crate::actors::PartyRef;
use crate::checklists::workflow::{checklist_template, checklists_templates_named};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, FindingKind};
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::i18n::plural::{UNANSWERED_ITEM, n};
use crate::ids::is_well_formed;
use crate::posts::handover::posts_held_by;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

/// Every problem with the dossier's checklist data.
pub(crate) fn checklist_findings(d: &Dossier) -> Vec<Finding> {
    let mut v = Check { d, out: Vec::new() };
    v.run();
    v.out
}

struct Check<'a> {
    d: &'a Dossier,
    out: Vec<Finding>,
}

impl Check<'_> {
    fn push(&mut self, kind: impl FindingKind, path: FieldPath, da: String, en: String) {
        self.out.push(Finding::of(kind, path, Text::new(da, en)));
    }

    fn dangling(&mut self, path: FieldPath, what_da: &str, what_en: &str, id: &str) {
        self.push(
            ValidationCode::DanglingReference,
            path,
            format!("Henvisningen peger på {what_da} '{id}', som ikke findes i dossieret."),
            format!("The reference points at {what_en} '{id}', which is not in the dossier."),
        );
    }

    fn person(&mut self, path: FieldPath, id: &crate::ids::PersonId) {
        if self.d.person(id).is_none() {
            self.dangling(path, "personen", "the person", id.as_str());
        }
    }

    fn time_order(&mut self, path: FieldPath, da: &str, en: &str) {
        self.push(ChecklistCode::TimeOrder, path, da.into(), en.into());
    }

    /// Checks a party of a requirement or session against the agreement; `true` if usable.
    fn party(&mut self, path: FieldPath, party: &PartyRef, agreement: &crate::ids::AgreementId) {
        if !self.d.party_exists(party) {
            self.dangling(path, "parten", "the party", &party.key());
            return;
        }
        if let Some(a) = self.d.agreement(agreement)
            && !agreement_covers(a, party)
        {
            self.push(
                ValidationCode::NotAParty,
                path,
                "Parten er ikke part i aftalen.".into(),
                "The party is not a party to the agreement.".into(),
            );
        }
    }

    fn side(&mut self, path: FieldPath, party: &PartyRef, respondents: &[Side]) {
        if !respondents.contains(&Side::of(party)) {
            self.push(
                ChecklistCode::SideNotRespondent,
                path,
                "Skabelonen er ikke beregnet til at blive besvaret af partens side.".into(),
                "The template is not meant to be answered by the party's side.".into(),
            );
        }
    }

    fn run(&mut self) {
        let base = FieldPath::root().field("checklists");
        self.templates(&base.field("templates"));
        self.requirements(&base.field("requirements"));
        self.sessions(&base.field("sessions"));
        self.resolutions(&base.field("resolutions"));
    }

    fn templates(&mut self, base: &FieldPath) {
        let mut seen = HashSet::new();
        for (i, t) in self.d.checklists.templates.iter().enumerate() {
            let p = base.index(i);
            validate_template(t, &p, &mut self.out);
            if super::model::builtin::all()
                .iter()
                .any(|b| b.id == t.id && b.version == t.version)
            {
                self.push(
                    ChecklistCode::TemplateShadowsBuiltin,
                    p.field("version"),
                    "En indbygget skabelon har samme id og version; giv skabelonen et andet id eller en ny version.".into(),
                    "A built-in template has the same id and version; give the template another id or a new version.".into(),
                );
            }
            if !seen.insert((t.id.as_str(), t.version)) {
                self.push(
                    ValidationCode::DuplicateId,
                    p.field("version"),
                    format!(
                        "Skabelonen '{}' version {} findes mere end én gang.",
                        t.id, t.version
                    ),
                    format!(
                        "The template '{}' version {} appears more than once.",
                        t.id, t.version
                    ),
                );
            }
        }
    }

    fn requirements(&mut self, base: &FieldPath) {
        let mut seen = HashSet::new();
        for (i, r) in self.d.checklists.requirements.iter().enumerate() {
            let p = base.index(i);
            if self.d.agreement(&r.agreement).is_none() {
                self.dangling(
                    p.field("agreement"),
                    "aftalen",
                    "the agreement",
                    r.agreement.as_str(),
                );
            }
            let template = checklists_templates_named(self.d, &r.template)
                .filter(|t| r.min_version.is_none_or(|m| t.version >= m))
                .max_by_key(|t| t.version);
            if template.is_none() {
                self.push(
                    ChecklistCode::UnknownTemplate,
                    p.field("template"),
                    format!(
                        "Skabelonen '{}' findes ikke (i den krævede version).",
                        r.template
                    ),
                    format!(
                        "The template '{}' does not exist (in the required version).",
                        r.template
                    ),
                );
            }
            if !seen.insert((r.agreement.as_str(), r.template.as_str())) {
                self.push(
                    ValidationCode::DuplicateId,
                    p.field("template"),
                    "Tjeklisten er krævet mere end én gang for aftalen.".into(),
                    "The checklist is required more than once for the agreement.".into(),
                );
            }
            if r.parties.is_empty() {
                self.push(
                    ChecklistCode::NoRequiredParties,
                    p.field("parties"),
                    "Kravet nævner ingen parter, der skal besvare tjeklisten.".into(),
                    "The requirement names no party to answer the checklist.".into(),
                );
            }
            let mut parties = HashSet::new();
            for (j, party) in r.parties.iter().enumerate() {
                let pp = p.field("parties").index(j);
                self.party(pp.clone(), party, &r.agreement);
                if let Some(t) = template {
                    self.side(pp.clone(), party, &t.respondents);
                }
                if !parties.insert(party) {
                    self.push(
                        ValidationCode::DuplicateParty,
                        pp,
                        "Parten er nævnt mere end én gang.".into(),
                        "The party is listed more than once.".into(),
                    );
                }
            }
        }
    }

    fn sessions(&mut self, base: &FieldPath) {
        let mut ids = HashSet::new();
        for (k, s) in self.d.checklists.sessions.iter().enumerate() {
            let p = base.index(k);
            if !is_well_formed(s.id.as_str()) {
                self.push(
                    ValidationCode::InvalidId,
                    p.field("id"),
                    "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
                    "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
                );
            }
            if !ids.insert(s.id.as_str()) {
                self.push(
                    ValidationCode::DuplicateId,
                    p.field("id"),
                    format!("Id'et '{}' er brugt mere end én gang.", s.id),
                    format!("The id '{}' is used more than once.", s.id),
                );
            }
            if self.d.agreement(&s.agreement).is_none() {
                self.dangling(
                    p.field("agreement"),
                    "aftalen",
                    "the agreement",
                    s.agreement.as_str(),
                );
            }
            self.party(p.field("party"), &s.party, &s.agreement);
            self.person(p.field("started_by"), &s.started_by);
            let Some(template) = checklist_template(self.d, &s.template, Some(s.template_version))
            else {
                self.push(
                    ChecklistCode::UnknownTemplate,
                    p.field("template_version"),
                    format!(
                        "Skabelonen '{}' version {} findes ikke.",
                        s.template, s.template_version
                    ),
                    format!(
                        "The template '{}' version {} does not exist.",
                        s.template, s.template_version
                    ),
                );
                continue;
            };
            self.side(p.field("party"), &s.party, &template.respondents);
            let mut answered = HashSet::new();
            for (j, a) in s.answers.iter().enumerate() {
                let ap = p.field("answers").index(j);
                match template.item(&a.item) {
                    None => self.push(
                        ChecklistCode::UnknownItem,
                        ap.field("item"),
                        "Punktet findes ikke i skabelonens version.".into(),
                        "The item is not in the template's version.".into(),
                    ),
                    Some(item) => check_value(item, &a.value, &ap.field("value"), &mut self.out),
                }
                if !answered.insert(&a.item) {
                    self.push(
                        ChecklistCode::DuplicateAnswer,
                        ap.field("item"),
                        "Punktet er besvaret mere end én gang i sessionen.".into(),
                        "The item is answered more than once in the session.".into(),
                    );
                }
                self.person(ap.field("by"), &a.by);
                if a.at < s.started_at {
                    self.time_order(
                        ap.field("at"),
                        "Svaret er givet, før sessionen blev startet.",
                        "The answer was given before the session was started.",
                    );
                }
                if self.d.person(&a.by).is_some() && self.d.party_exists(&s.party) {
                    let acts_for_party = posts_held_by(self.d, &a.by, a.at.date_naive())
                        .iter()
                        .any(|post| post.party.covers(&s.party) || s.party.covers(&post.party));
                    if !acts_for_party {
                        self.push(
                            ChecklistCode::AnswererNotOfParty,
                            ap.field("by"),
                            "Personen havde ingen post hos den svarende part, da svaret blev givet.".into(),
                            "The person held no post for the answering party when the answer was given.".into(),
                        );
                    }
                }
            }
            if let Some(sub) = &s.submitted {
                self.person(p.field("submitted").field("by"), &sub.by);
                if s.last_answered().is_some_and(|t| sub.at < t) || sub.at < s.started_at {
                    self.time_order(
                        p.field("submitted").field("at"),
                        "Sessionen er indsendt før sit sidste svar.",
                        "The session was submitted before its last answer.",
                    );
                }
                let missing = s.unanswered(template).len();
                if missing > 0 {
                    self.push(
                        ChecklistCode::SubmittedIncomplete,
                        p.field("submitted"),
                        format!(
                            "Sessionen er indsendt med {}.",
                            UNANSWERED_ITEM.count(Lang::Da, n(missing))
                        ),
                        format!(
                            "The session was submitted with {}.",
                            UNANSWERED_ITEM.count(Lang::En, n(missing))
                        ),
                    );
                }
            }
        }
    }

    fn resolutions(&mut self, base: &FieldPath) {
        for (i, r) in self.d.checklists.resolutions.iter().enumerate() {
            let p = base.index(i);
            if self.d.agreement(&r.agreement).is_none() {
                self.dangling(
                    p.field("agreement"),
                    "aftalen",
                    "the agreement",
                    r.agreement.as_str(),
                );
            }
            let mut templates = checklists_templates_named(self.d, &r.template).peekable();
            if templates.peek().is_none() {
                self.push(
                    ChecklistCode::UnknownTemplate,
                    p.field("template"),
                    format!("Skabelonen '{}' findes ikke.", r.template),
                    format!("The template '{}' does not exist.", r.template),
                );
            } else if !templates.any(|t| t.item(&r.item).is_some()) {
                self.push(
                    ChecklistCode::UnknownItem,
                    p.field("item"),
                    "Punktet findes ikke i skabelonen.".into(),
                    "The item is not in the template.".into(),
                );
            }
            self.person(p.field("by"), &r.by);
            if r.note.trim().is_empty() {
                self.push(
                    ValidationCode::EmptyText,
                    p.field("note"),
                    "Feltet er tomt.".into(),
                    "The field is empty.".into(),
                );
            }
        }
    }
}

/// Every problem with a dossier's checklist data (part of [`crate::Dossier::validate`]).
pub(crate) fn validate_checklists(d: &Dossier) -> Vec<Finding> {
    checklist_findings(d)
}
