#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Place-bound, long-term partnerships (004): places, an agreement's binding to one, the record
//! of who came to the table when, and the checks that read them. The Esbjerg dossier
//! (`crates/core/data/examples/esbjerg.json`, illustrative, built on 004's Medvind i Østerbyen)
//! is the fourth example in waiting: it joins `Example::ALL` with the bindings step.

use brobygger::assessment::{CheckResult, CheckStatus};
use brobygger::places::{PartnershipProcess, PlaceKind};
use brobygger::*;
use chrono::NaiveDate;

const ESBJERG: &str = include_str!("../data/examples/esbjerg.json");

fn esbjerg() -> Dossier {
    Dossier::from_json(ESBJERG).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn check<'a>(a: &'a Assessment, code: &str) -> &'a CheckResult {
    a.checks.iter().find(|c| c.code == code).unwrap()
}

fn codes(a: &Assessment) -> Vec<String> {
    a.findings.iter().map(|f| f.finding.code.clone()).collect()
}

#[test]
fn the_esbjerg_dossier_is_valid_and_place_bound() {
    let d = esbjerg();
    let errors: Vec<_> = d
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let terms = d.agreements[0].terms().unwrap();
    let binding = terms.place.as_ref().unwrap();
    let place = d.place(&binding.place).unwrap();
    assert_eq!(place.kind, PlaceKind::Neighbourhood);
    assert_eq!(
        place.housing_organisations[0].as_str(),
        "DK-LOCAL-boligorganisation-oesterbyen"
    );
}

#[test]
fn the_004_checks_are_met_by_the_esbjerg_partnership() {
    let d = esbjerg();
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    for code in [
        "assessment.late_involvement",
        "assessment.no_place_goal",
        "assessment.short_term",
        "assessment.business_not_at_table",
    ] {
        assert_eq!(check(&a, code).status, CheckStatus::Met, "{code}");
        assert!(!codes(&a).contains(&code.to_owned()), "{code}");
    }
}

#[test]
fn ngos_or_business_joining_after_the_activities_are_fixed_is_found() {
    let mut d = esbjerg();
    let process = &mut d.agreements[0].process;
    // The Red Cross comes to the table after the activities were fixed.
    let rc = process
        .involvement
        .iter_mut()
        .find(|i| i.party.key().contains("roede-kors"))
        .unwrap();
    rc.from = day(2021, 5, 1);
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    let c = check(&a, "assessment.late_involvement");
    assert_eq!(c.status, CheckStatus::PartlyMet);
    assert_eq!(c.credit, Some(0.5));
    let f = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.late_involvement")
        .unwrap();
    assert_eq!(
        f.finding.text.da,
        "Røde Kors Esbjerg kom med 1. maj 2021, efter at aktiviteterne var fastlagt 1. marts 2021."
    );
    assert_eq!(
        f.finding.text.en,
        "Røde Kors Esbjerg joined on 1 May 2021, after the activities were fixed on 1 March 2021."
    );
    assert_eq!(
        f.finding.path.to_string(),
        "agreements[0].process.involvement[3]"
    );
    assert_eq!(
        f.finding.source.as_ref().map(|s| s.section.as_str()),
        Some("NGO’er og erhvervsliv skal med rundt om bordet")
    );
    // A housing organisation or a department joining late is not what 004 asks about.
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    let late: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.finding.code == "assessment.late_involvement")
        .collect();
    assert_eq!(late.len(), 1);
}

#[test]
fn an_unrecorded_involvement_is_found_and_no_record_is_not_applicable() {
    let mut d = esbjerg();
    d.agreements[0]
        .process
        .involvement
        .retain(|i| !i.party.key().contains("business"));
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    assert_eq!(
        check(&a, "assessment.late_involvement").status,
        CheckStatus::PartlyMet
    );
    assert!(
        a.findings.iter().any(
            |f| f.finding.text.en == "When Business Esbjerg came to the table is not recorded."
        )
    );
    d.agreements[0].process = PartnershipProcess::default();
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    assert_eq!(
        check(&a, "assessment.late_involvement").status,
        CheckStatus::NotApplicable
    );
}

#[test]
fn a_place_bound_agreement_without_a_goal_for_the_place_is_found() {
    let mut d = esbjerg();
    let v = d.agreements[0].versions.last_mut().unwrap();
    for g in &mut v.terms.goals {
        g.place = None;
    }
    let a = d
        .assessment()
        .assess(&"esbjerg-medvind".into(), day(2022, 6, 1))
        .unwrap();
    assert_eq!(
        check(&a, "assessment.no_place_goal").status,
        CheckStatus::NotMet
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.no_place_goal")
        .unwrap();
    assert_eq!(
        f.finding.text.da,
        "Aftalen er bundet til Østerbyen, men intet af dens mål handler om stedet."
    );
    // The checks from 004 are advice: they weigh nothing in the score.
    for code in ["assessment.no_place_goal", "assessment.late_involvement"] {
        assert_eq!(check(&a, code).weight, 0, "{code}");
    }
}

#[test]
fn an_agreement_not_bound_to_a_place_has_no_place_check() {
    for e in Example::ALL {
        let d = Dossier::example(e.name()).unwrap();
        for a in d.assessment().assess_all(e.reference_date()) {
            let agreement = d.agreement(&a.agreement).unwrap();
            if agreement.versions.iter().any(|v| v.terms.place.is_some()) {
                continue;
            }
            assert_eq!(
                check(&a, "assessment.no_place_goal").status,
                CheckStatus::NotApplicable
            );
        }
    }
}

#[test]
fn place_problems_are_reported_with_paths() {
    let mut d = esbjerg();
    d.places[0].housing_organisations =
        vec!["DK-LOCAL-business-esbjerg".into(), "DK-LOCAL-nobody".into()];
    d.places[0].municipality = "aarhus".into();
    let v = d.agreements[0].versions.last_mut().unwrap();
    v.terms.place.as_mut().unwrap().until = Some(day(2020, 1, 1));
    v.terms.goals[0].place = Some("nowhere".into());
    d.agreements[0].process.activities_fixed_on = Some(day(2019, 1, 1));
    d.agreements[0].process.involvement[0].party = PartyRef::Organisation {
        organisation: "DK-LOCAL-outsider".into(),
    };
    let found: Vec<(String, String)> = d
        .validate()
        .into_iter()
        .map(|f| (f.code, f.path.to_string()))
        .collect();
    for (code, path) in [
        (
            "validation.wrong_organisation_kind",
            "places[0].housing_organisations[0]",
        ),
        (
            "validation.dangling_reference",
            "places[0].housing_organisations[1]",
        ),
        ("validation.dangling_reference", "places[0].municipality"),
        (
            "validation.end_before_start",
            "agreements[0].versions[0].terms.place.until",
        ),
        (
            "validation.dangling_reference",
            "agreements[0].versions[0].terms.goals[0].place",
        ),
        (
            "validation.end_before_start",
            "agreements[0].process.activities_fixed_on",
        ),
        (
            "validation.not_a_party",
            "agreements[0].process.involvement[0].party",
        ),
    ] {
        assert!(
            found.iter().any(|(c, p)| c == code && p == path),
            "{code} at {path} not in {found:?}"
        );
    }
}

#[test]
fn a_dossier_from_before_places_still_loads() {
    let mut v: serde_json::Value = serde_json::from_str(ESBJERG).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("places");
    let a = obj["agreements"][0].as_object_mut().unwrap();
    a.remove("process");
    a["versions"][0]["terms"]
        .as_object_mut()
        .unwrap()
        .remove("place");
    for g in a["versions"][0]["terms"]["goals"].as_array_mut().unwrap() {
        g.as_object_mut().unwrap().remove("place");
    }
    let d = Dossier::from_json(&v.to_string()).unwrap();
    assert!(d.places.is_empty());
    assert!(d.agreements[0].process.is_empty());
}
