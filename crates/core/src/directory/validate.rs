//! Every structural problem with a dossier's directory entries (part of
//! [`Dossier::validate`](crate::Dossier::validate)): references to organisations, posts, places
//! and agreement activities, ids, languages, schedules, addresses, and public contact details
//! that are in fact a person's.

use crate::directory::model::{Address, DirectoryCode, PublicContact, Recurrence, ScheduleRule};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, FindingKind};
use crate::i18n::Text;
use crate::ids::is_well_formed;
use crate::matching::model::profile::is_language_code;
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

fn languages(out: &mut Vec<Finding>, path: &FieldPath, codes: &[String]) {
    for (k, c) in codes.iter().enumerate() {
        if !is_language_code(c) {
            add(
                out,
                DirectoryCode::BadLanguage,
                path.index(k),
                "Sproget skal være en ISO 639-kode med små bogstaver, fx ar, ckb eller ti.".into(),
                "The language must be an ISO 639 code in lower case, e.g. ar, ckb or ti.".into(),
            );
        }
    }
}

fn address(out: &mut Vec<Finding>, path: &FieldPath, a: &Address) {
    for (field, value) in [
        ("street", &a.street),
        ("postal_code", &a.postal_code),
        ("city", &a.city),
    ] {
        if value.trim().is_empty() {
            add(
                out,
                ValidationCode::EmptyText,
                path.field(field),
                "Feltet er tomt.".into(),
                "The field is empty.".into(),
            );
        }
    }
    let pc = a.postal_code.trim();
    let four_digits = pc.len() == 4 && pc.bytes().all(|b| b.is_ascii_digit());
    if !pc.is_empty() && !four_digits {
        add(
            out,
            DirectoryCode::BadPostalCode,
            path.field("postal_code"),
            "Et dansk postnummer har fire cifre.".into(),
            "A Danish postal code has four digits.".into(),
        );
    }
    match a.municipality_code {
        None => add(
            out,
            DirectoryCode::AddressWithoutRegion,
            path.field("municipality_code"),
            "Adressen har ingen kommunekode, så regionen er ukendt, og adressen kommer ikke med i en HSDS-eksport.".into(),
            "The address has no municipality code, so its region is unknown and it is left out of an HSDS export.".into(),
        ),
        Some(code) if a.region().is_none() => add(
            out,
            ValidationCode::UnknownMunicipalityCode,
            path.field("municipality_code"),
            format!("{code} er ikke en dansk kommunekode."),
            format!("{code} is not a Danish municipality code."),
        ),
        Some(_) => {}
    }
    if a.location.is_some_and(|c| !c.is_valid()) {
        add(
            out,
            ValidationCode::NonFiniteNumber,
            path.field("location"),
            "Koordinaterne skal være endelige tal inden for ±90 og ±180 grader.".into(),
            "The coordinates must be finite numbers within ±90 and ±180 degrees.".into(),
        );
    }
}

fn schedule(out: &mut Vec<Finding>, path: &FieldPath, rules: &[ScheduleRule]) {
    for (k, r) in rules.iter().enumerate() {
        let p = path.index(k);
        if r.days.is_empty() {
            add(
                out,
                DirectoryCode::ScheduleWithoutDays,
                p.field("days"),
                "Reglen nævner ingen ugedage.".into(),
                "The rule names no days of the week.".into(),
            );
        }
        if let (Some(o), Some(c)) = (r.opens, r.closes)
            && c <= o
        {
            add(
                out,
                DirectoryCode::ClosesBeforeOpens,
                p.field("closes"),
                format!("Lukketiden {c} ligger ikke efter åbningstiden {o}."),
                format!("The closing time {c} is not after the opening time {o}."),
            );
        }
        if let Recurrence::Monthly { nth } = r.recurrence
            && !matches!(nth, 1..=4 | -1)
        {
            add(
                out,
                DirectoryCode::BadMonthlyOccurrence,
                p.field("recurrence").field("nth"),
                "Den månedlige gang skal være 1–4 eller −1 (den sidste).".into(),
                "The monthly occurrence must be 1–4 or −1 (the last).".into(),
            );
        }
        if r.recurrence == Recurrence::EveryOtherWeek && r.valid_from.is_none() {
            add(
                out,
                DirectoryCode::FortnightWithoutStart,
                p.field("valid_from"),
                "Hver anden uge kræver en første dag at tælle fra.".into(),
                "Every other week needs a first day to count from.".into(),
            );
        }
        if let (Some(f), Some(t)) = (r.valid_from, r.valid_to)
            && t < f
        {
            add(
                out,
                ValidationCode::EndBeforeStart,
                p.field("valid_to"),
                format!("Slutdatoen {t} ligger før startdatoen {f}."),
                format!("The end date {t} is before the start date {f}."),
            );
        }
    }
}

fn contact(out: &mut Vec<Finding>, d: &Dossier, path: &FieldPath, c: &PublicContact) {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if let Some(email) = &c.email {
        let e = email.trim();
        let at = e.find('@');
        if at.is_none_or(|i| i == 0 || i + 1 == e.len()) || e.contains(char::is_whitespace) {
            add(
                out,
                ValidationCode::InvalidEmail,
                path.field("email"),
                "E-mailadressen er ikke gyldig.".into(),
                "The e-mail address is not valid.".into(),
            );
        }
        if d.people.iter().any(|p| {
            p.email
                .as_deref()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case(e))
        }) {
            add(
                out,
                DirectoryCode::PersonalContact,
                path.field("email"),
                "E-mailadressen er en persons egen; brug foreningens fælles adresse.".into(),
                "The e-mail address is a person's own; use the association's shared address."
                    .into(),
            );
        }
    }
    if let Some(phone) = &c.phone {
        let n = digits(phone);
        if n.len() >= 8
            && d.people.iter().any(|p| {
                p.phone
                    .as_deref()
                    .is_some_and(|m| digits(m).ends_with(&n[n.len() - 8..]))
            })
        {
            add(
                out,
                DirectoryCode::PersonalContact,
                path.field("phone"),
                "Telefonnummeret er en persons eget; brug foreningens fælles nummer.".into(),
                "The phone number is a person's own; use the association's shared number.".into(),
            );
        }
    }
    if let Some(w) = &c.website {
        let w = w.trim();
        let ok = ["http://", "https://"]
            .iter()
            .any(|s| w.len() > s.len() && w[..s.len()].eq_ignore_ascii_case(s) && !w.contains(' '));
        if !ok {
            add(
                out,
                DirectoryCode::BadWebsite,
                path.field("website"),
                "Hjemmesiden skal være en adresse, der begynder med http:// eller https://.".into(),
                "The website must be an address starting with http:// or https://.".into(),
            );
        }
    }
}

pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut entries = HashSet::new();
    let mut offer_ids = HashSet::new();
    for (i, e) in d.directory.iter().enumerate() {
        let ep = FieldPath::root().field("directory").index(i);
        match d.organisation(&e.organisation) {
            None => dangling(
                &mut out,
                ep.field("organisation"),
                "organisationen",
                "the organisation",
                e.organisation.as_str(),
            ),
            Some(o) if o.is_individual() => add(
                &mut out,
                DirectoryCode::IndividualListed,
                ep.field("organisation"),
                "Fortegnelsen må ikke vise en ildsjæl: navnet er en persons.".into(),
                "The directory must not show a champion: the name is a person's.".into(),
            ),
            Some(_) => {}
        }
        if !entries.insert(&e.organisation) {
            add(
                &mut out,
                DirectoryCode::DuplicateEntry,
                ep.field("organisation"),
                format!(
                    "Organisationen '{}' står i fortegnelsen to gange.",
                    e.organisation
                ),
                format!(
                    "The organisation '{}' is in the directory twice.",
                    e.organisation
                ),
            );
        }
        if let Some(post) = &e.contact_post
            && d.post(post).is_none()
        {
            dangling(
                &mut out,
                ep.field("contact_post"),
                "posten",
                "the post",
                post.as_str(),
            );
        }
        languages(&mut out, &ep.field("languages"), &e.languages);
        contact(&mut out, d, &ep.field("contact"), &e.contact);
        if let Some(a) = &e.premises {
            address(&mut out, &ep.field("premises"), a);
        }
        for (k, o) in e.offers.iter().enumerate() {
            let op = ep.field("offers").index(k);
            if !is_well_formed(o.id.as_str()) {
                add(
                    &mut out,
                    ValidationCode::InvalidId,
                    op.field("id"),
                    "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
                    "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
                );
            }
            if !offer_ids.insert(&o.id) {
                add(
                    &mut out,
                    ValidationCode::DuplicateId,
                    op.field("id"),
                    format!("Id'et '{}' er brugt før.", o.id),
                    format!("The id '{}' is used before.", o.id),
                );
            }
            if o.name.trim().is_empty() {
                add(
                    &mut out,
                    ValidationCode::EmptyText,
                    op.field("name"),
                    "Feltet er tomt.".into(),
                    "The field is empty.".into(),
                );
            }
            if let Some(post) = &o.contact_post
                && d.post(post).is_none()
            {
                dangling(
                    &mut out,
                    op.field("contact_post"),
                    "posten",
                    "the post",
                    post.as_str(),
                );
            }
            if let Some(place) = &o.place
                && d.place(place).is_none()
            {
                dangling(
                    &mut out,
                    op.field("place"),
                    "stedet",
                    "the place",
                    place.as_str(),
                );
            }
            if let Some(r) = &o.activity {
                let found = d
                    .agreement(&r.agreement)
                    .and_then(|a| a.terms())
                    .is_some_and(|t| t.activities.iter().any(|x| x.id == r.activity));
                if !found {
                    dangling(
                        &mut out,
                        op.field("activity"),
                        "aktiviteten",
                        "the activity",
                        &format!("{}/{}", r.agreement, r.activity),
                    );
                }
            }
            languages(&mut out, &op.field("languages"), &o.languages);
            if let Some(a) = &o.address {
                address(&mut out, &op.field("address"), a);
            }
            schedule(&mut out, &op.field("schedule"), &o.schedule);
        }
    }
    out
}
