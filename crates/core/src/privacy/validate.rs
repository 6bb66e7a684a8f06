//! Validation of the privacy records (part of [`Dossier::validate`]) and the findings a
//! withdrawal leaves; the dated review is in `review.rs`.

use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Label, Lang, Text};
use crate::ids::{ConsentId, is_well_formed};
use crate::matching::lookup::{find_cohort, find_match_run, find_offer};
use crate::matching::model::profile::is_language_code;
use crate::matching::model::rules::{attribute_class, is_sensitive};
use crate::privacy::lookup::find_consent;
use crate::privacy::model::basis::LegalBasis;
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{BasisRef, BasisScope, Subject};
use crate::privacy::model::proposal::{ProposalEventKind, ProposalState, step};
use crate::privacy::register::Register;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

/// A vocabulary value as written in files.
pub(crate) fn enum_key<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn add(
    out: &mut Vec<Finding>,
    kind: impl crate::finding::FindingKind,
    path: FieldPath,
    da: String,
    en: String,
) {
    out.push(Finding::of(kind, path, Text::new(da, en)));
}

fn bad_id(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        ValidationCode::InvalidId,
        path,
        "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
        "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
    );
}

fn duplicate(out: &mut Vec<Finding>, path: FieldPath, id: &str) {
    add(
        out,
        ValidationCode::DuplicateId,
        path,
        format!("Id'et '{id}' er brugt før."),
        format!("The id '{id}' is used before."),
    );
}

fn dangling(out: &mut Vec<Finding>, path: FieldPath, id: &str) {
    add(
        out,
        ValidationCode::DanglingReference,
        path,
        format!("Henvisningen peger på '{id}', som ikke findes i dossieret."),
        format!("The reference points at '{id}', which is not in the dossier."),
    );
}

fn dates_out_of_order(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        PrivacyCode::DatesOutOfOrder,
        path,
        "Datoen ligger før den dato, den følger efter.".into(),
        "The date lies before the date it follows.".into(),
    );
}

fn subject_exists(d: &Dossier, s: &Subject) -> bool {
    match s {
        Subject::Newcomer { newcomer } => d.cohorts.iter().any(|c| c.newcomer(newcomer).is_some()),
        Subject::Person { person } => d.person(person).is_some(),
        Subject::Offer { offer } => find_offer(d, offer).is_some(),
    }
}

fn attribute_checks(
    out: &mut Vec<Finding>,
    path: FieldPath,
    subject: Option<&Subject>,
    attribute: &str,
) {
    match attribute_class(attribute) {
        None => add(
            out,
            PrivacyCode::UnknownAttribute,
            path,
            format!("'{attribute}' er ikke et felt hos en husstand eller et tilbud."),
            format!("'{attribute}' is not a field of a household or an offer."),
        ),
        Some(_) if subject.is_some_and(|s| !s.owns_attribute(attribute)) => add(
            out,
            PrivacyCode::AttributeOfOtherSubject,
            path,
            format!("'{attribute}' hører ikke til denne slags registrerede."),
            format!("'{attribute}' does not belong to this kind of subject."),
        ),
        _ => {}
    }
}

/// Every finding about the privacy records.
/// Profiles in a dossier whose own consent and basis fields (the columns of a file) would be
/// taken for records: the consent gate reads a dossier's privacy records only.
fn profile_bases(d: &Dossier, out: &mut Vec<Finding>) {
    let text = |what: &str| {
        (
            format!(
                "{what} har egne felter for samtykke og hjemmel; i et dossier læses de ikke. Registrér samtykket eller hjemlen under privacy."
            ),
            format!(
                "{what} carries its own consent and basis fields; a dossier does not read them. Record the consent or basis under privacy.",
                what = if what == "Husstanden" {
                    "The household"
                } else {
                    "The offer"
                }
            ),
        )
    };
    for (c, cohort) in d.cohorts.iter().enumerate() {
        for (k, n) in cohort.newcomers.iter().enumerate() {
            if !n.privacy.is_empty() {
                let (da, en) = text("Husstanden");
                let path = FieldPath::root()
                    .field("cohorts")
                    .index(c)
                    .field("newcomers")
                    .index(k)
                    .field("privacy");
                add(out, PrivacyCode::ProfileBasisInDossier, path, da, en);
            }
        }
    }
    for (k, o) in d.offers.iter().enumerate() {
        if !o.privacy.is_empty() {
            let (da, en) = text("Tilbuddet");
            let path = FieldPath::root().field("offers").index(k).field("privacy");
            add(out, PrivacyCode::ProfileBasisInDossier, path, da, en);
        }
    }
}

pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    profile_bases(d, &mut out);
    let root = FieldPath::root().field("privacy");
    let mut ids = HashSet::new();
    for (k, c) in d.privacy.consents.iter().enumerate() {
        let p = root.field("consents").index(k);
        if !is_well_formed(c.id.as_str()) {
            bad_id(&mut out, p.field("id"));
        } else if !ids.insert(c.id.as_str()) {
            duplicate(&mut out, p.field("id"), c.id.as_str());
        }
        if !subject_exists(d, &c.subject) {
            dangling(&mut out, p.field("subject"), &c.subject.key());
        }
        if c.purposes.is_empty() {
            add(
                &mut out,
                PrivacyCode::NoPurpose,
                p.field("purposes"),
                "Samtykket nævner intet formål.".into(),
                "The consent names no purpose.".into(),
            );
        }
        for (a, attribute) in c.attributes.iter().enumerate() {
            let ap = p.field("attributes").index(a);
            attribute_checks(&mut out, ap.clone(), Some(&c.subject), attribute);
            if attribute_class(attribute).is_some_and(|cl| !is_sensitive(cl))
                && c.subject.owns_attribute(attribute)
            {
                add(
                    &mut out,
                    PrivacyCode::AttributeNeedsNoExplicitConsent,
                    ap,
                    format!("'{attribute}' er ikke følsom; formålet dækker den uden at nævne den."),
                    format!(
                        "'{attribute}' is not sensitive; the purpose covers it without naming it."
                    ),
                );
            }
        }
        if c.expires_on.is_some_and(|e| e <= c.given_on) {
            dates_out_of_order(&mut out, p.field("expires_on"));
        }
        if c.withdrawn_on.is_some_and(|w| w < c.given_on) {
            dates_out_of_order(&mut out, p.field("withdrawn_on"));
        }
        if c.text_version.trim().is_empty() {
            add(
                &mut out,
                ValidationCode::EmptyText,
                p.field("text_version"),
                "Feltet er tomt.".into(),
                "The field is empty.".into(),
            );
        }
        if c.language.as_deref().is_some_and(|l| !is_language_code(l)) {
            add(
                &mut out,
                crate::matching::model::rules::MatchingCode::InvalidLanguageCode,
                p.field("language"),
                "Sprogkoden skal være en ISO 639-kode med 2 eller 3 små bogstaver.".into(),
                "The language code must be an ISO 639 code of 2 or 3 lower-case letters.".into(),
            );
        }
        if let Some(post) = &c.recorded_by
            && d.post(post).is_none()
        {
            dangling(&mut out, p.field("recorded_by"), post.as_str());
        }
    }
    let mut basis_ids = HashSet::new();
    for (k, b) in d.privacy.bases.iter().enumerate() {
        let p = root.field("bases").index(k);
        if !is_well_formed(b.id.as_str()) {
            bad_id(&mut out, p.field("id"));
        } else if !basis_ids.insert(b.id.as_str()) {
            duplicate(&mut out, p.field("id"), b.id.as_str());
        }
        match &b.applies_to {
            BasisScope::Individual { subject } if !subject_exists(d, subject) => dangling(
                &mut out,
                p.field("applies_to").field("subject"),
                &subject.key(),
            ),
            BasisScope::Cohort { cohort } if find_cohort(d, cohort).is_none() => dangling(
                &mut out,
                p.field("applies_to").field("cohort"),
                cohort.as_str(),
            ),
            BasisScope::Provider { party } if !d.party_exists(party) => {
                dangling(&mut out, p.field("applies_to").field("party"), &party.key())
            }
            _ => {}
        }
        if b.basis == LegalBasis::Consent {
            add(
                &mut out,
                PrivacyCode::ConsentAsBasis,
                p.field("basis"),
                "Et samtykke registreres som et samtykke, ikke som en anden hjemmel.".into(),
                "A consent is recorded as a consent record, not as another basis.".into(),
            );
        } else if !b.basis.fits(b.purpose) {
            add(
                &mut out,
                PrivacyCode::BasisDoesNotFitPurpose,
                p.field("basis"),
                format!(
                    "Grundlaget '{}' ({}) kan ikke bruges til {}.",
                    b.basis.label(Lang::Da),
                    b.basis.citation(),
                    b.purpose.label(Lang::Da)
                ),
                format!(
                    "The basis '{}' ({}) cannot serve {}.",
                    b.basis.label(Lang::En),
                    b.basis.citation(),
                    b.purpose.label(Lang::En)
                ),
            );
        }
        let subject = match &b.applies_to {
            BasisScope::Individual { subject } => Some(subject.clone()),
            BasisScope::Cohort { .. } => Some(Subject::newcomer("x")),
            BasisScope::Provider { .. } => Some(Subject::offer("x")),
        };
        for (a, attribute) in b.attributes.iter().enumerate() {
            let ap = p.field("attributes").index(a);
            attribute_checks(&mut out, ap.clone(), subject.as_ref(), attribute);
            if let Some(class) = attribute_class(attribute)
                && b.basis != LegalBasis::Consent
                && !b.basis.covers(class)
            {
                add(
                    &mut out,
                    PrivacyCode::BasisDoesNotCoverAttribute,
                    ap,
                    format!(
                        "Grundlaget '{}' kan ikke dække '{attribute}' ({}).",
                        b.basis.label(Lang::Da),
                        class.label(Lang::Da)
                    ),
                    format!(
                        "The basis '{}' cannot cover '{attribute}' ({}).",
                        b.basis.label(Lang::En),
                        class.label(Lang::En)
                    ),
                );
            }
        }
        if b.reference.trim().is_empty() {
            add(
                &mut out,
                ValidationCode::EmptyText,
                p.field("reference"),
                "Feltet er tomt.".into(),
                "The field is empty.".into(),
            );
        }
        if b.until.is_some_and(|u| u <= b.from) {
            dates_out_of_order(&mut out, p.field("until"));
        }
    }
    let mut proposal_ids = HashSet::new();
    for (k, pr) in d.privacy.proposals.iter().enumerate() {
        let p = root.field("proposals").index(k);
        if !is_well_formed(pr.id.as_str()) {
            bad_id(&mut out, p.field("id"));
        } else if !proposal_ids.insert(pr.id.as_str()) {
            duplicate(&mut out, p.field("id"), pr.id.as_str());
        }
        if !d.cohorts.iter().any(|c| c.newcomer(&pr.newcomer).is_some()) {
            dangling(&mut out, p.field("newcomer"), pr.newcomer.as_str());
        }
        if find_offer(d, &pr.offer).is_none() {
            dangling(&mut out, p.field("offer"), pr.offer.as_str());
        }
        if let Some(run) = &pr.run
            && find_match_run(d, run).is_none()
        {
            dangling(&mut out, p.field("run"), run.as_str());
        }
        if pr.expires_on <= pr.proposed_at.date_naive() {
            dates_out_of_order(&mut out, p.field("expires_on"));
        }
        let mut state = ProposalState::Proposed;
        let mut last = pr.proposed_at;
        for (e, ev) in pr.events.iter().enumerate() {
            let ep = p.field("events").index(e);
            if ev.at < last {
                dates_out_of_order(&mut out, ep.field("at"));
            }
            last = last.max(ev.at);
            match step(state, &ev.kind) {
                Some(next) => state = next,
                None => {
                    add(
                        &mut out,
                        PrivacyCode::InvalidProposalHistory,
                        ep.field("kind"),
                        format!(
                            "Skridtet kan ikke tages fra tilstanden '{}'.",
                            state.label(Lang::Da)
                        ),
                        format!(
                            "The step cannot be taken from the state '{}'.",
                            state.label(Lang::En)
                        ),
                    );
                    break;
                }
            }
            if let ProposalEventKind::Released { disclosures } = &ev.kind {
                for (q, disc) in disclosures.iter().enumerate() {
                    let known = match &disc.basis {
                        BasisRef::Consent { consent } => find_consent(d, consent).is_some(),
                        BasisRef::Legal { basis } => d.privacy.bases.iter().any(|b| &b.id == basis),
                    };
                    if !known {
                        add(
                            &mut out,
                            PrivacyCode::DisclosureBasisMissing,
                            ep.field("kind")
                                .field("disclosures")
                                .index(q)
                                .field("basis"),
                            format!("Grundlaget {} findes ikke i dossieret.", disc.basis.key()),
                            format!("The basis {} is not in the dossier.", disc.basis.key()),
                        );
                    }
                }
            }
            if let Some(post) = &ev.by
                && d.post(post).is_none()
            {
                dangling(&mut out, ep.field("by"), post.as_str());
            }
        }
    }
    let mut policy_ids = HashSet::new();
    let mut record_types = HashSet::new();
    for (k, pol) in d.privacy.retention.iter().enumerate() {
        let p = root.field("retention").index(k);
        if !is_well_formed(pol.id.as_str()) {
            bad_id(&mut out, p.field("id"));
        } else if !policy_ids.insert(pol.id.as_str()) {
            duplicate(&mut out, p.field("id"), pol.id.as_str());
        }
        if pol.keep_months == 0 {
            add(
                &mut out,
                ValidationCode::ZeroInterval,
                p.field("keep_months"),
                "Værdien skal være mindst 1.".into(),
                "The value must be at least 1.".into(),
            );
        }
        if !pol.record.supports(pol.action) {
            add(
                &mut out,
                PrivacyCode::RetentionActionNotSupported,
                p.field("action"),
                format!(
                    "'{}' kan ikke bruges på '{}'.",
                    pol.action.label(Lang::Da),
                    pol.record.label(Lang::Da)
                ),
                format!(
                    "'{}' cannot apply to '{}'.",
                    pol.action.label(Lang::En),
                    pol.record.label(Lang::En)
                ),
            );
        }
        if !record_types.insert(pol.record) {
            add(
                &mut out,
                PrivacyCode::DuplicateRetentionPolicy,
                p.field("record"),
                "Der er allerede en politik for denne slags poster; den første gælder først."
                    .into(),
                "There is a policy for this record type already; the first one applies first."
                    .into(),
            );
        }
    }
    for c in &d.privacy.consents {
        if c.withdrawn_on.is_some() {
            out.extend(withdrawal_findings(d, &c.id));
        }
    }
    out
}

/// What still depends on a withdrawn consent: stored runs that used it, releases made under
/// it, and sensitive data it alone covered.
pub(crate) fn withdrawal_findings(d: &Dossier, consent: &ConsentId) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(c) = find_consent(d, consent) else {
        return out;
    };
    let Some(withdrawn) = c.withdrawn_on else {
        return out;
    };
    let me = BasisRef::Consent {
        consent: consent.clone(),
    };
    for (k, r) in d.match_runs.iter().enumerate() {
        for (u, used) in r.sensitive_uses.iter().enumerate() {
            if used.basis == me {
                add(
                    &mut out,
                    PrivacyCode::RunUsesWithdrawnConsent,
                    FieldPath::root()
                        .field("match_runs")
                        .index(k)
                        .field("sensitive_uses")
                        .index(u),
                    format!(
                        "Kørslen brugte {} under samtykket {consent}, som er trukket tilbage {withdrawn}; kør matchningen igen uden, eller slet kørslen.",
                        used.attribute
                    ),
                    format!(
                        "The run used {} under consent {consent}, withdrawn on {withdrawn}; run the matching again without it, or delete the run.",
                        used.attribute
                    ),
                );
            }
        }
    }
    for (k, p) in d.privacy.proposals.iter().enumerate() {
        if p.disclosures().any(|(_, disc)| disc.basis == me) {
            add(
                &mut out,
                PrivacyCode::ReleasedBeforeWithdrawal,
                crate::privacy::disclosure::path_of(k),
                format!(
                    "Kontaktoplysninger blev videregivet under samtykket {consent} før tilbagetrækningen; bed modtageren om at slette dem, hvis de ikke længere skal bruges."
                ),
                format!(
                    "Contact details were released under consent {consent} before the withdrawal; ask the recipient to delete them if they are no longer needed."
                ),
            );
        }
    }
    // Sensitive data the consent listed, still held with no other consent or basis covering it
    // (a withdrawal means the data must go unless something else allows keeping it).
    for attribute in &c.attributes {
        if !attribute_class(attribute).is_some_and(is_sensitive) {
            continue;
        }
        let field = attribute
            .split_once('.')
            .map(|(_, f)| f)
            .unwrap_or_default();
        let covered_otherwise = d.privacy.consents.iter().any(|o| {
            o.id != c.id
                && o.subject == c.subject
                && o.withdrawn_on.is_none()
                && o.attributes.contains(attribute)
        }) || d.privacy.bases.iter().any(|b| {
            b.attributes.contains(attribute)
                && b.until.is_none()
                && Register::of(d)
                    .find(&c.subject, b.purpose, Some(attribute), b.from)
                    .is_some()
        });
        if covered_otherwise {
            continue;
        }
        if let Some(path) = holds_value(d, &c.subject, field) {
            add(
                &mut out,
                PrivacyCode::SensitiveDataAfterWithdrawal,
                path,
                format!(
                    "Feltet er dækket af samtykket {consent}, som er trukket tilbage; slet oplysningen."
                ),
                format!(
                    "The field was covered by consent {consent}, which is withdrawn; erase the information."
                ),
            );
        }
    }
    out
}

/// The path of `field` of a subject's record when it holds a value.
pub(crate) fn holds_value(d: &Dossier, subject: &Subject, field: &str) -> Option<FieldPath> {
    let has = |v: serde_json::Value| {
        v.get(field)
            .is_some_and(|x| !x.is_null() && x != &serde_json::Value::Array(Vec::new()))
    };
    match subject {
        Subject::Newcomer { newcomer } => d.cohorts.iter().enumerate().find_map(|(ci, c)| {
            let ni = c.newcomers.iter().position(|n| &n.id == newcomer)?;
            let v = serde_json::to_value(&c.newcomers[ni]).ok()?;
            has(v).then(|| {
                FieldPath::root()
                    .field("cohorts")
                    .index(ci)
                    .field("newcomers")
                    .index(ni)
                    .field(field)
            })
        }),
        Subject::Offer { offer } => {
            let k = d.offers.iter().position(|o| &o.id == offer)?;
            let v = serde_json::to_value(&d.offers[k]).ok()?;
            has(v).then(|| FieldPath::root().field("offers").index(k).field(field))
        }
        Subject::Person { person } => {
            let k = d
                .offers
                .iter()
                .position(|o| o.volunteer.as_ref() == Some(person))?;
            let v = serde_json::to_value(&d.offers[k]).ok()?;
            has(v).then(|| FieldPath::root().field("offers").index(k).field(field))
        }
    }
}
