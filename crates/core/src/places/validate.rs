//! Every structural problem with a dossier's places and the agreements' bindings to them and
//! their process records (part of [`Dossier::validate`](crate::Dossier::validate)).

use crate::actors::OrganisationKind;
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, FindingKind};
use crate::i18n::Text;
use crate::ids::is_well_formed;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

fn add(out: &mut Vec<Finding>, kind: impl FindingKind, path: FieldPath, da: String, en: String) {
    out.push(Finding::of(kind, path, Text::new(da, en)));
}

fn dangling(out: &mut Vec<Finding>, path: FieldPath, da: &str, en: &str, id: &str) {
    add(
        out,
        ValidationCode::DanglingReference,
        path,
        format!("Henvisningen peger på {da} '{id}', som ikke findes i dossieret."),
        format!("The reference points at {en} '{id}', which is not in the dossier."),
    );
}

pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (i, p) in d.places.iter().enumerate() {
        let pp = FieldPath::root().field("places").index(i);
        if !is_well_formed(p.id.as_str()) {
            add(
                &mut out,
                ValidationCode::InvalidId,
                pp.field("id"),
                "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
                "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
            );
        }
        if !ids.insert(&p.id) {
            add(
                &mut out,
                ValidationCode::DuplicateId,
                pp.field("id"),
                format!("Id'et '{}' er brugt før.", p.id),
                format!("The id '{}' is used before.", p.id),
            );
        }
        if p.name.trim().is_empty() {
            add(
                &mut out,
                ValidationCode::EmptyText,
                pp.field("name"),
                "Feltet er tomt.".into(),
                "The field is empty.".into(),
            );
        }
        if d.municipality(&p.municipality).is_none() {
            dangling(
                &mut out,
                pp.field("municipality"),
                "kommunen",
                "the municipality",
                p.municipality.as_str(),
            );
        }
        for (k, o) in p.housing_organisations.iter().enumerate() {
            match d.organisation(o) {
                None => dangling(
                    &mut out,
                    pp.field("housing_organisations").index(k),
                    "organisationen",
                    "the organisation",
                    o.as_str(),
                ),
                Some(org) if org.kind != OrganisationKind::HousingOrganisation => add(
                    &mut out,
                    ValidationCode::WrongOrganisationKind,
                    pp.field("housing_organisations").index(k),
                    format!("Organisationen '{o}' er ikke en boligorganisation."),
                    format!("The organisation '{o}' is not a housing organisation."),
                ),
                Some(_) => {}
            }
        }
        if p.location.is_some_and(|c| !c.is_valid()) {
            add(
                &mut out,
                ValidationCode::NonFiniteNumber,
                pp.field("location"),
                "Koordinaterne skal være endelige tal inden for ±90 og ±180 grader.".into(),
                "The coordinates must be finite numbers within ±90 and ±180 degrees.".into(),
            );
        }
    }
    for (i, a) in d.agreements.iter().enumerate() {
        let ap = FieldPath::root().field("agreements").index(i);
        for (v, version) in a.versions.iter().enumerate() {
            let tp = ap.field("versions").index(v).field("terms");
            let t = &version.terms;
            if let Some(b) = &t.place {
                if d.place(&b.place).is_none() {
                    dangling(
                        &mut out,
                        tp.field("place").field("place"),
                        "stedet",
                        "the place",
                        b.place.as_str(),
                    );
                }
                if let Some(until) = b.until
                    && until < b.from
                {
                    add(
                        &mut out,
                        ValidationCode::EndBeforeStart,
                        tp.field("place").field("until"),
                        format!("Slutdatoen {until} ligger før startdatoen {}.", b.from),
                        format!("The end date {until} is before the start date {}.", b.from),
                    );
                }
            }
            for (g, goal) in t.goals.iter().enumerate() {
                if let Some(place) = &goal.place
                    && d.place(place).is_none()
                {
                    dangling(
                        &mut out,
                        tp.field("goals").index(g).field("place"),
                        "stedet",
                        "the place",
                        place.as_str(),
                    );
                }
            }
        }
        let pr = &a.process;
        let pp = ap.field("process");
        if let (Some(from), Some(fixed)) = (pr.problems_identified_from, pr.activities_fixed_on)
            && fixed < from
        {
            add(
                &mut out,
                ValidationCode::EndBeforeStart,
                pp.field("activities_fixed_on"),
                format!(
                    "Aktiviteterne er fastlagt {fixed}, før problemerne blev identificeret {from}."
                ),
                format!(
                    "The activities were fixed on {fixed}, before the problems were identified on {from}."
                ),
            );
        }
        let parties: Vec<_> = a
            .versions
            .iter()
            .flat_map(|v| v.terms.parties.iter().map(|p| &p.party))
            .collect();
        for (k, inv) in pr.involvement.iter().enumerate() {
            if !parties.contains(&&inv.party) {
                add(
                    &mut out,
                    ValidationCode::NotAParty,
                    pp.field("involvement").index(k).field("party"),
                    format!("{} er ikke part i aftalen.", inv.party),
                    format!("{} is not a party to the agreement.", inv.party),
                );
            }
        }
    }
    out
}
