#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 18, item 9: consents and legal bases as W3C DPV consent records (ISO/IEC TS 27560) in
//! JSON-LD. Every example, and records generated with any Unicode text and any date chrono
//! accepts, round-trip exactly; the document is JSON-LD whose terms all expand to the DPV,
//! EU-GDPR, Dublin Core or brobygger namespaces; bad documents give typed errors that quote no
//! value; a newer profile is refused.

mod common;

use brobygger::Dossier;
use brobygger::chrono::{Datelike, NaiveDate};
use brobygger::privacy::{
    BasisScope, ConsentForm, ConsentRecord, LegalBasis, ProcessingBasis, Purpose, Subject, read_dpv,
};
use proptest::prelude::*;
use serde_json::Value;

const CANARY: &str = "Zaynab-canary-7781";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Any date chrono can hold.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        common::date(),
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![common::text(), any::<String>(), Just(String::new())]
}

fn subject() -> impl Strategy<Value = Subject> {
    (
        0..3u8,
        any_text().prop_filter("ids are not empty", |s| !s.is_empty()),
    )
        .prop_map(|(k, id)| match k {
            0 => Subject::newcomer(id),
            1 => Subject::person(id),
            _ => Subject::offer(id),
        })
}

fn purpose() -> impl Strategy<Value = Purpose> {
    prop::sample::select(Purpose::ALL.to_vec())
}

fn consent() -> impl Strategy<Value = ConsentRecord> {
    (
        any_text(),
        subject(),
        prop::collection::vec(purpose(), 0..4),
        prop::collection::vec(any_text(), 0..3),
        any_date(),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
        any_text(),
        prop::option::of(any_text()),
        prop::sample::select(vec![
            ConsentForm::Written,
            ConsentForm::Digital,
            ConsentForm::OralRecorded,
        ]),
        prop::option::of(any_text()),
    )
        .prop_map(
            |(
                id,
                subject,
                purposes,
                attributes,
                given,
                expires,
                withdrawn,
                text,
                lang,
                form,
                by,
            )| {
                let mut c = ConsentRecord::new(id, subject, purposes, given, text);
                c.attributes = attributes;
                c.expires_on = expires;
                c.withdrawn_on = withdrawn;
                c.language = lang;
                c.form = form;
                c.recorded_by = by.map(Into::into);
                c
            },
        )
}

fn basis() -> impl Strategy<Value = ProcessingBasis> {
    (
        any_text(),
        prop_oneof![
            subject().prop_map(|subject| BasisScope::Individual { subject }),
            any_text().prop_map(|c| BasisScope::Cohort { cohort: c.into() }),
            common::party().prop_map(|party| BasisScope::Provider { party }),
        ],
        purpose(),
        prop::sample::select(vec![
            LegalBasis::Contract,
            LegalBasis::LegalObligation,
            LegalBasis::VitalInterests,
            LegalBasis::PublicTask,
            LegalBasis::LegitimateInterests,
            LegalBasis::SocialProtectionLaw,
            LegalBasis::NotForProfitBody,
            LegalBasis::SubstantialPublicInterest,
            LegalBasis::ArchivingResearchStatistics,
            LegalBasis::StatutoryDisclosure,
            LegalBasis::OverridingInterest,
        ]),
        prop::collection::vec(any_text(), 0..3),
        any_text(),
        any_date(),
        prop::option::of(any_date()),
    )
        .prop_map(
            |(id, applies_to, purpose, basis, attributes, reference, from, until)| {
                ProcessingBasis {
                    id: id.into(),
                    applies_to,
                    purpose,
                    basis,
                    attributes,
                    reference,
                    from,
                    until,
                }
            },
        )
}

fn export(consents: Vec<ConsentRecord>, bases: Vec<ProcessingBasis>, as_of: NaiveDate) -> String {
    let mut d = Dossier::example("ikast-brande").unwrap();
    d.privacy.consents = consents;
    d.privacy.bases = bases;
    d.privacy().export_dpv(as_of)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_records_round_trip_exactly(
        consents in prop::collection::vec(consent(), 0..4),
        bases in prop::collection::vec(basis(), 0..4),
        as_of in any_date(),
    ) {
        let text = export(consents.clone(), bases.clone(), as_of);
        let back = read_dpv(&text).unwrap();
        prop_assert_eq!(back.consents, consents);
        prop_assert_eq!(back.bases, bases);
    }

    /// Cut or changed documents give a typed error (or records), never a panic, and no error
    /// quotes a value of the document.
    #[test]
    fn damaged_documents_give_typed_errors_without_values(
        cut in 0usize..4000,
        junk in any::<String>(),
    ) {
        let mut c = ConsentRecord::new(
            "c-1", Subject::newcomer(CANARY), vec![Purpose::Matching], day("2016-01-15"), CANARY,
        );
        c.language = Some(CANARY.into());
        let text = export(vec![c], Vec::new(), day("2016-06-01"));
        let end = text.char_indices().map(|(i, _)| i).find(|i| *i >= cut.min(text.len())).unwrap_or(text.len());
        for damaged in [
            format!("{}{junk}", &text[..end]),
            text.replacen("\"2016-01-15\"", "\"15.01.2016\"", 1),
            text.replacen("newcomer:", "nobody:", 1),
            text.replacen("dpv:ConsentGiven", "dpv:ConsentRefused", 2),
            text.replacen("\"matching\"", &format!("\"{CANARY}\""), 1),
        ] {
            if let Err(e) = read_dpv(&damaged) {
                let shown = format!("{e} {e:?} {}", e.message(brobygger::Lang::Da));
                prop_assert!(!shown.contains(CANARY), "{}", shown);
                prop_assert!(e.code().starts_with("privacy.dpv_"), "{}", e.code());
            }
        }
    }
}

#[test]
fn every_examples_records_round_trip() {
    for example in brobygger::Example::ALL {
        let name = example.name();
        let d = Dossier::example(name).unwrap();
        let text = d.privacy().export_dpv(day("2017-01-01"));
        let back = read_dpv(&text).unwrap();
        assert_eq!(back.consents, d.privacy.consents, "{name}");
        assert_eq!(back.bases, d.privacy.bases, "{name}");
    }
}

/// The document as JSON-LD: every property and type is a term of the context or a compact IRI
/// of its prefixes, and expands into the DPV, EU-GDPR, Dublin Core, XSD or brobygger
/// namespaces; each consent record has the mandatory fields of the 27560 record.
#[test]
fn the_document_is_json_ld_in_the_dpv_vocabulary() {
    let d = Dossier::example("ikast-brande").unwrap();
    assert!(!d.privacy.consents.is_empty() && !d.privacy.bases.is_empty());
    let doc: Value = serde_json::from_str(&d.privacy().export_dpv(day("2017-01-01"))).unwrap();
    let context = doc["@context"].as_object().unwrap();
    assert_eq!(context["dpv"], "https://w3id.org/dpv#");
    assert_eq!(context["eu-gdpr"], "https://w3id.org/dpv/legal/eu/gdpr#");
    assert_eq!(context["dct"], "http://purl.org/dc/terms/");
    let known = [
        "https://w3id.org/dpv#",
        "https://w3id.org/dpv/legal/eu/gdpr#",
        "https://w3id.org/dpv/schema/dpv-27560#",
        "http://purl.org/dc/terms/",
        "http://www.w3.org/2001/XMLSchema#",
        "urn:brobygger:dpv#",
    ];
    let expand = |iri: &str| -> String {
        match iri.split_once(':') {
            Some((prefix, rest)) if context.contains_key(prefix) => {
                format!("{}{rest}", context[prefix].as_str().unwrap())
            }
            _ => iri.to_owned(),
        }
    };
    fn walk(v: &Value, f: &mut dyn FnMut(&str, &Value)) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    f(k, x);
                    if k != "bb:scope" && k != "@context" {
                        walk(x, f);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
            _ => {}
        }
    }
    let mut terms = std::collections::BTreeSet::new();
    walk(&doc, &mut |k, v| {
        if !k.starts_with('@') {
            terms.insert(expand(k));
        }
        if k == "@type" {
            for t in v.as_array().cloned().unwrap_or_else(|| vec![v.clone()]) {
                terms.insert(expand(t.as_str().unwrap()));
            }
        }
        if k == "@id" && !v.as_str().unwrap().starts_with("urn:") {
            terms.insert(expand(v.as_str().unwrap()));
        }
    });
    for term in &terms {
        assert!(
            known.iter().any(|ns| term.starts_with(ns)),
            "{term} is in no known namespace"
        );
    }
    // The DPV terms the 27560 guide maps the record's fields to.
    for must in [
        "https://w3id.org/dpv#ConsentRecord",
        "https://w3id.org/dpv#hasDataSubject",
        "https://w3id.org/dpv#hasDataController",
        "https://w3id.org/dpv#hasPurpose",
        "https://w3id.org/dpv#hasLegalBasis",
        "https://w3id.org/dpv#hasConsentStatus",
        "https://w3id.org/dpv#hasNotice",
        "https://w3id.org/dpv#ConsentGiven",
        "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a",
        "http://purl.org/dc/terms/conformsTo",
        "http://purl.org/dc/terms/identifier",
        "http://purl.org/dc/terms/date",
    ] {
        assert!(terms.contains(must), "{must} missing");
    }
}

#[test]
fn the_status_follows_the_day() {
    let mut c = ConsentRecord::new(
        "c-1",
        Subject::newcomer("nc-1"),
        vec![Purpose::Matching],
        day("2016-01-15"),
        "v1",
    );
    c.expires_on = Some(day("2017-01-15"));
    c.withdrawn_on = Some(day("2016-09-01"));
    let status = |c: &ConsentRecord, on: &str| {
        let doc: Value =
            serde_json::from_str(&export(vec![c.clone()], Vec::new(), day(on))).unwrap();
        let graph = doc["@graph"].as_array().unwrap();
        let record = graph
            .iter()
            .find(|n| n["@type"] == "dpv:ConsentRecord")
            .unwrap();
        record["dpv:hasConsentStatus"]["@id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(status(&c, "2016-01-01"), "dpv:ConsentUnknown");
    assert_eq!(status(&c, "2016-03-01"), "dpv:ConsentGiven");
    assert_eq!(status(&c, "2016-09-01"), "dpv:ConsentWithdrawn");
    c.withdrawn_on = None;
    assert_eq!(status(&c, "2017-01-15"), "dpv:ConsentExpired");
}

#[test]
fn a_newer_profile_and_bad_documents_are_typed_errors() {
    let text = export(Vec::new(), Vec::new(), day("2016-01-01"));
    let newer = text.replace("\"bb:profileVersion\": 1", "\"bb:profileVersion\": 2");
    let e = read_dpv(&newer).unwrap_err();
    assert_eq!(e.code(), "privacy.dpv_version");
    let e = read_dpv(&text.replace("\"bb:profileVersion\": 1,", "")).unwrap_err();
    assert_eq!(e.code(), "privacy.dpv_version");
    assert_eq!(read_dpv("{").unwrap_err().code(), "privacy.dpv_syntax");
    assert_eq!(read_dpv("[]").unwrap_err().code(), "privacy.dpv_record");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(read_dpv(&deep).unwrap_err().code(), "privacy.dpv_syntax");
}

#[test]
fn importing_adds_all_or_nothing() {
    let d = Dossier::example("ikast-brande").unwrap();
    let text = d.privacy().export_dpv(day("2017-01-01"));
    let mut empty = d.clone();
    empty.privacy.consents.clear();
    empty.privacy.bases.clear();
    let records = empty.privacy_mut().import_dpv(&text).unwrap();
    assert_eq!(records.consents.len(), d.privacy.consents.len());
    assert_eq!(empty.privacy.consents, d.privacy.consents);
    assert_eq!(empty.privacy.bases, d.privacy.bases);
    // The same records again: their ids are taken, and nothing is added.
    let before = empty.privacy.clone();
    assert!(empty.privacy_mut().import_dpv(&text).is_err());
    assert_eq!(empty.privacy, before);
}
