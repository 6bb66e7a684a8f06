//! Structural checks of a split, run as part of [`Dossier::validate`](crate::Dossier::validate):
//! every reference resolves, every party is a party to the agreement, and no cell is listed
//! twice. Whether the split is *sound* (one Accountable, the statutory line held, ...) is the
//! analysis's business.

use super::model::codes::RolesCode;
use super::model::split::Carrier;
use super::tasks::Scope;
use crate::agreement::AgreementTerms;
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, FindingKind};
use crate::i18n::{Label, Text};
use crate::ids::is_well_formed;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

/// Appends the structural findings for the split in `terms` (at `terms_path`) to `out`.
pub(crate) fn validate_split(
    dossier: &Dossier,
    terms_path: &FieldPath,
    terms: &AgreementTerms,
    out: &mut Vec<Finding>,
) {
    let scope = Scope::new(dossier, terms, terms_path);
    custom_tasks(&scope, out);
    assignments(&scope, out);
}

fn finding(kind: impl FindingKind, path: FieldPath, da: String, en: String) -> Finding {
    Finding::of(kind, path, Text::new(da, en))
}

fn custom_tasks(scope: &Scope<'_>, out: &mut Vec<Finding>) {
    let base = scope.roles_path().field("tasks");
    let mut seen = HashSet::new();
    for (j, t) in scope.split().tasks.iter().enumerate() {
        let p = base.index(j);
        let id = t.id.as_str();
        if !is_well_formed(id) {
            out.push(finding(
                ValidationCode::InvalidId,
                p.field("id"),
                "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
                "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
            ));
        }
        if !seen.insert(id) {
            out.push(finding(
                ValidationCode::DuplicateId,
                p.field("id"),
                format!("Id'et '{id}' er brugt mere end én gang."),
                format!("The id '{id}' is used more than once."),
            ));
        }
        if scope.catalogue.get(&t.id).is_some() {
            out.push(finding(
                RolesCode::ReservedTaskId,
                p.field("id"),
                format!("'{id}' er en opgave i kataloget; giv egne opgaver et andet id."),
                format!("'{id}' is a catalogue task; give the parties' own tasks another id."),
            ));
        }
        if t.name.trim().is_empty() {
            out.push(empty(p.field("name")));
        }
    }
}

fn empty(path: FieldPath) -> Finding {
    finding(
        ValidationCode::EmptyText,
        path,
        "Feltet er tomt.".into(),
        "The field is empty.".into(),
    )
}

fn dangling(path: FieldPath, what_da: &str, what_en: &str, id: &str) -> Finding {
    finding(
        ValidationCode::DanglingReference,
        path,
        format!("Henvisningen peger på {what_da} '{id}', som ikke findes i dossieret."),
        format!("The reference points at {what_en} '{id}', which is not in the dossier."),
    )
}

fn assignments(scope: &Scope<'_>, out: &mut Vec<Finding>) {
    let split = scope.split();
    let mut seen = HashSet::new();
    for (j, a) in split.assignments.iter().enumerate() {
        let p = scope.assignment_path(j);
        let task_key = a.task.key();
        if scope.resolve(&a.task).is_none() {
            out.push(
                finding(
                    RolesCode::UnknownTask,
                    p.field("task"),
                    format!(
                        "Opgaven '{task_key}' findes hverken i kataloget, blandt aftalens aktiviteter eller blandt rollefordelingens egne opgaver."
                    ),
                    format!(
                        "The task '{task_key}' is neither in the catalogue, among the agreement's activities nor among the split's own tasks."
                    ),
                )
            );
        }
        let party_key = a.party.key();
        if !scope.dossier.party_exists(&a.party) {
            out.push(dangling(
                p.field("party"),
                "parten",
                "the party",
                &party_key,
            ));
        } else if !scope.in_agreement(&a.party) {
            out.push(finding(
                ValidationCode::NotAParty,
                p.field("party"),
                format!("{party_key} er ikke part i aftalen og kan ikke have en rolle i den."),
                format!(
                    "{party_key} is not a party to the agreement and cannot hold a role in it."
                ),
            ));
        }
        match &a.carried_by {
            Some(Carrier::Post { post }) => {
                let cp = p.field("carried_by").field("post");
                match scope.dossier.post(post) {
                    None => out.push(dangling(cp.clone(), "posten", "the post", post.as_str())),
                    Some(found) if !a.party.covers(&found.party) => out.push(finding(
                        RolesCode::CarrierNotOfParty,
                        cp.clone(),
                        format!(
                            "Posten '{post}' handler for {}, ikke for {party_key}.",
                            found.party
                        ),
                        format!(
                            "The post '{post}' acts for {}, not for {party_key}.",
                            found.party
                        ),
                    )),
                    Some(_) => {}
                }
            }
            Some(Carrier::Person { person }) if scope.dossier.person(person).is_none() => {
                out.push(dangling(
                    p.field("carried_by").field("person"),
                    "personen",
                    "the person",
                    person.as_str(),
                ));
            }
            Some(Carrier::Person { .. }) | None => {}
        }
        if let Some(h) = a.hours_per_month {
            let hp = p.field("hours_per_month");
            if !h.is_finite() {
                out.push(finding(
                    ValidationCode::NonFiniteNumber,
                    hp.clone(),
                    "Tallet skal være endeligt.".into(),
                    "The number must be finite.".into(),
                ));
            } else if h < 0.0 {
                out.push(finding(
                    ValidationCode::NegativeNumber,
                    hp.clone(),
                    "Tallet må ikke være negativt.".into(),
                    "The number must not be negative.".into(),
                ));
            }
        }
        if a.note.as_ref().is_some_and(|n| n.trim().is_empty()) {
            out.push(empty(p.field("note")));
        }
        if !seen.insert((&a.task, &a.party, a.role)) {
            out.push(finding(
                RolesCode::DuplicateAssignment,
                p.clone(),
                format!(
                    "{party_key} har allerede rollen {} på opgaven '{task_key}'.",
                    a.role.letter()
                ),
                format!(
                    "{party_key} already holds {} on the task '{task_key}'.",
                    a.role.letter()
                ),
            ));
        } else if let Some(other) = split.assignments[..j].iter().find(|b| {
            b.task == a.task
                && b.party == a.party
                && b.role != a.role
                && !b.role.combines_with(a.role)
        }) {
            let (ra, rb) = (a.role, other.role);
            out.push(
                finding(
                    RolesCode::ConflictingRoles,
                    p.field("role"),
                    format!(
                        "{party_key} er både '{}' og '{}' på opgaven '{task_key}'; kun udfører og ansvarlig kan kombineres.",
                        rb.label(crate::i18n::Lang::Da),
                        ra.label(crate::i18n::Lang::Da)
                    ),
                    format!(
                        "{party_key} is both '{}' and '{}' on the task '{task_key}'; only responsible and accountable combine.",
                        rb.label(crate::i18n::Lang::En),
                        ra.label(crate::i18n::Lang::En)
                    ),
                )
            );
        }
    }
}
