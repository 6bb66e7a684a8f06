#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Matching: the shared fixtures (also read by pytest and Kotlin), the built-in example, the
//! solvers' invariants as property tests, and personal data kept out of explanations.

mod common;

use brobygger::matching::*;
use brobygger::matching::{self, Preferences, ProposingSide};
use brobygger::{Dossier, FindingsExt, Lang, Severity};
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    common::fixtures().join("matching")
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
}

fn load_rules(v: &Value) -> RuleSet {
    match v {
        Value::String(file) => RuleSet::load(dir().join(file)).unwrap(),
        other => RuleSet::from_json(&other.to_string()).unwrap(),
    }
}

fn load_list<T: serde::de::DeserializeOwned>(v: &Value) -> Vec<T> {
    match v {
        Value::String(file) => serde_json::from_value(read_json(&dir().join(file))).unwrap(),
        other => serde_json::from_value(other.clone()).unwrap(),
    }
}

/// The part of a run every language compares.
fn projection(run: &MatchRun) -> Value {
    let matches: Vec<Value> = run
        .matches
        .iter()
        .map(|m| json!([m.newcomer, m.offer, m.score]))
        .collect();
    let unmatched: Vec<Value> = run
        .unmatched
        .iter()
        .map(|u| {
            let (kind, rule) = match &u.binding {
                BindingConstraint::NoOffers => ("no_offers", Value::Null),
                BindingConstraint::Rule { rule, .. } => ("rule", json!(rule)),
                BindingConstraint::NoFreePlaces { .. } => ("no_free_places", Value::Null),
                BindingConstraint::PlacesTaken { .. } => ("places_taken", Value::Null),
                BindingConstraint::History { .. } => ("history", Value::Null),
                BindingConstraint::Seats { .. } => ("seats", Value::Null),
            };
            json!([u.newcomer, kind, rule])
        })
        .collect();
    json!({"matches": matches, "unmatched": unmatched, "total_score": run.statistics.total_score})
}

fn run_case(input: &Value) -> MatchRun {
    let rules = load_rules(&input["rules"]);
    let newcomers: Vec<Newcomer> = load_list(&input["newcomers"]);
    let offers: Vec<Offer> = load_list(&input["offers"]);
    let options = MatchOptions {
        solver: serde_json::from_value(input["solver"].clone()).unwrap(),
        as_of: serde_json::from_value(input["as_of"].clone()).unwrap(),
        offer_ranking: serde_json::from_value(input["offer_ranking"].clone()).unwrap(),
        id: None,
        bases: input
            .get("bases")
            .map(|b| serde_json::from_value(b.clone()).unwrap())
            .unwrap_or_default(),
        explain: Default::default(),
    };
    run(&rules, &newcomers, &offers, options).unwrap()
}

fn input_cases() -> Vec<(String, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p
                .file_name()?
                .to_str()?
                .strip_suffix(".input.json")?
                .to_owned();
            (!name.starts_with("intro")).then_some((name, p))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn run_fixtures_give_the_expected_matches() {
    let cases = input_cases();
    assert!(cases.len() >= 8);
    for (name, path) in cases {
        let run = run_case(&read_json(&path));
        let actual = serde_json::to_string_pretty(&projection(&run)).unwrap() + "\n";
        common::golden(&dir().join(format!("{name}.expected.json")), &actual);
    }
}

#[test]
fn greedy_is_myopic_and_a_waiting_list_changes_the_stable_result() {
    let get = |name: &str| run_case(&read_json(&dir().join(format!("{name}.input.json"))));
    let greedy = get("myopic-greedy");
    let optimal = get("myopic-optimal");
    assert_eq!(greedy.statistics.matched, 1);
    assert_eq!(optimal.statistics.matched, 2);
    assert!(optimal.statistics.total_score > greedy.statistics.total_score);
    assert_eq!(
        greedy.unmatched[0].binding,
        BindingConstraint::PlacesTaken { eligible: 1 }
    );
    // Offers ranking by score reject the household that waited longer; a waiting list does not.
    assert_eq!(get("myopic-stable-by-score").statistics.matched, 1);
    assert_eq!(get("myopic-stable-waiting-list").statistics.matched, 2);
}

#[test]
fn hospital_resident_fixture_gives_both_optimal_stable_matchings() {
    let problem: PreferenceProblem = serde_json::from_value(read_json(
        &dir().join("hospital-residents.preferences.json"),
    ))
    .unwrap();
    let show = |a: StableAssignment| {
        json!({
            "pairs": a.pairs.iter().map(|p| json!([p.resident, p.hospital])).collect::<Vec<_>>(),
            "unmatched_residents": a.unmatched_residents,
        })
    };
    let actual = json!({
        "residents_optimal": show(problem.solve(ProposingSide::Newcomers).unwrap()),
        "hospitals_optimal": show(problem.solve(ProposingSide::Offers).unwrap()),
    });
    assert_ne!(actual["residents_optimal"], actual["hospitals_optimal"]);
    common::golden(
        &dir().join("hospital-residents.expected.json"),
        &(serde_json::to_string_pretty(&actual).unwrap() + "\n"),
    );
}

#[test]
fn invalid_rule_set_reports_every_problem_with_its_path() {
    let rs = RuleSet::load(dir().join("invalid.rules.toml")).unwrap();
    let findings = rs.validate();
    let rows: Vec<Value> = findings
        .iter()
        .map(|f| json!({"severity": f.severity, "code": f.code, "path": f.path}))
        .collect();
    for code in [
        "matching.unknown_attribute",
        "matching.unused_sensitive_attribute",
        "matching.sensitive_field_shared",
        "matching.undeclared_sensitive_attribute",
        "matching.unknown_placeholder",
        "matching.invalid_weight",
        "matching.zero_weight",
        "matching.contradictory_parameters",
        "matching.invalid_language_code",
        "matching.invalid_parameter",
        "validation.duplicate_id",
        "validation.invalid_id",
        "validation.empty_text",
    ] {
        assert!(!findings.with_code(code).is_empty(), "missing {code}");
    }
    let err = rs.check().unwrap_err();
    assert_eq!(err.code(), "validation.failed");
    assert_eq!(err.findings().len(), findings.len());
    common::golden(
        &dir().join("invalid.expected.json"),
        &(serde_json::to_string_pretty(&json!({"findings": rows})).unwrap() + "\n"),
    );
}

#[test]
fn introduction_fixture_status_and_cohort_view() {
    let input = read_json(&dir().join("intro-ikast.input.json"));
    let d = Dossier::example(input["example"].as_str().unwrap()).unwrap();
    let cohort = CohortId::new(input["cohort"].as_str().unwrap());
    let status = d
        .matching()
        .introduction_status(&cohort, date(input["status_on"].as_str().unwrap()))
        .unwrap();
    let view = d
        .matching()
        .cohort_view(&cohort, date(input["view_on"].as_str().unwrap()))
        .unwrap();
    let actual = json!({
        "status": status.iter().map(|s| json!([s.newcomer, s.state, s.due_on, s.deadline, s.introductions])).collect::<Vec<_>>(),
        "not_offered_within_deadline": view.not_offered_within_deadline,
        "fewer_than_minimum": view.fewer_than_minimum.iter().map(|c| json!([c.newcomer, c.introductions])).collect::<Vec<_>>(),
        "introduced_within_first_days": view.introduced_within_first_days,
        "introduced_within_deadline": view.introduced_within_deadline,
    });
    let states: Vec<IntroductionState> = status.iter().map(|s| s.state).collect();
    assert!(
        states.contains(&IntroductionState::Overdue)
            && states.contains(&IntroductionState::Upcoming)
    );
    assert!(!view.not_offered_within_deadline.is_empty());
    common::golden(
        &dir().join("intro-ikast.expected.json"),
        &(serde_json::to_string_pretty(&actual).unwrap() + "\n"),
    );
}

use brobygger::CohortId;

#[test]
fn toml_and_json_rule_sets_are_the_same_and_round_trip() {
    let d = Dossier::example("ikast-brande").unwrap();
    let from_toml = RuleSet::load(dir().join("vvv-ikast.rules.toml")).unwrap();
    assert_eq!(from_toml, d.rule_sets[0]);
    assert_eq!(
        RuleSet::from_toml(&from_toml.to_toml().unwrap()).unwrap(),
        from_toml
    );
    assert_eq!(
        RuleSet::from_json(&from_toml.to_json().unwrap()).unwrap(),
        from_toml
    );
    // Every built-in rule type is exercised by the example, or (the priority rules that read
    // the history, which the example's runs predate) by its rematch rule set.
    let rematch = RuleSet::load(dir().join("vvv-ikast-rematch.rules.toml")).unwrap();
    assert!(rematch.validate().is_empty(), "{:?}", rematch.validate());
    let types: std::collections::HashSet<&str> = from_toml
        .rules
        .iter()
        .chain(&rematch.rules)
        .map(|r| r.kind.type_name())
        .collect();
    for t in brobygger::matching::RULE_TYPES {
        assert!(types.contains(t), "the example lacks a {t} rule");
    }
    assert!(
        from_toml.validate().is_empty(),
        "{:?}",
        from_toml.validate()
    );
}

#[test]
fn rule_set_parse_errors_have_paths_and_positions() {
    let e = RuleSet::from_toml("schema_version = 1\nid = \"x\"\ntitle = { da = \"a\", en = \"b\" }\nrules = [{ id = \"r\", strength = { type = \"hard\" }, kind = { type = \"no_such_rule\" }, explanation = { da = \"a\", en = \"b\" } }]\n").unwrap_err();
    let brobygger::BrobyggerError::Parse {
        path,
        line,
        code,
        reason,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(code, "load.syntax");
    assert_eq!(path, "rules[0].kind.type");
    assert_eq!(*line, 4);
    assert!(!reason.contains("no_such_rule"), "{reason}");
    let e = RuleSet::from_toml(
        "schema_version = 9\nid = \"x\"\ntitle = { da = \"a\", en = \"b\" }\nrules = []\n",
    )
    .unwrap_err();
    assert_eq!(e.code(), "load.newer_schema_version");
    let e = RuleSet::from_json("{\"schema_version\": 1, \"id\": 3}").unwrap_err();
    assert!(matches!(e, brobygger::BrobyggerError::Parse { ref path, .. } if path == "id"));
    assert!(RuleSet::from_toml("not toml [").is_err());
}

#[test]
fn the_example_matches_explains_and_reports_unmet_demand() {
    let d = Dossier::example("ikast-brande").unwrap();
    assert!(!d.validate().has_errors(), "{:?}", d.validate());
    let req = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
    };
    let run = d.matching().match_cohort(&req).unwrap();
    assert!(run.statistics.matched >= 8);
    // The Tigrinya-speaking household is unmatched, and the reason says why in both languages.
    let u = run
        .unmatched
        .iter()
        .find(|u| u.newcomer.as_str() == "nc-5120-7741")
        .unwrap();
    assert_eq!(
        u.binding,
        BindingConstraint::Rule {
            rule: "common-language".into(),
            offers_blocked_only_by_it: u.binding_count()
        }
    );
    assert_eq!(
        u.reasons[0].en,
        "No offer within 25 km speaks Tigrinya (at least A2)."
    );
    assert_eq!(
        u.reasons[0].da,
        "Intet tilbud inden for 25 km taler tigrinya (mindst A2)."
    );
    assert!(run.unmet_demand.iter().any(|g| g.demand
        == Demand::Language {
            language: "ti".into()
        }));
    assert!(
        run.unused_offers
            .iter()
            .any(|o| o.offer.as_str() == "vvv-cp-engesvang" && o.candidates == 0)
    );
    // Every match explains every hard rule and its soft points add up to the score.
    for m in &run.matches {
        let hard = m.explanation.iter().filter(|o| o.hard).count();
        assert_eq!(
            hard,
            5 - usize::from(
                !m.explanation
                    .iter()
                    .any(|o| o.rule.as_str() == "certificate-with-children")
            )
        );
        let points: f64 = m.explanation.iter().map(|o| o.points).sum();
        assert!(
            (points - m.score).abs() < 1e-5,
            "{} {} vs {}",
            m.newcomer,
            points,
            m.score
        );
        for o in &m.explanation {
            assert!(
                !o.text.da.contains('{') && !o.text.en.contains('{'),
                "{:?}",
                o.text
            );
        }
    }
    // Same input, same output.
    assert_eq!(d.matching().match_cohort(&req).unwrap(), run);
    // Stored in the dossier, the run round-trips and validates.
    let mut d2 = d.clone();
    d2.matching_mut().add_run(run.clone()).unwrap();
    assert_eq!(Dossier::from_json(&d2.to_json().unwrap()).unwrap(), d2);
    assert!(!d2.validate().has_errors());
    let again = d2.matching_mut().add_run(run.clone()).unwrap_err();
    assert_eq!(again.code(), "matching.duplicate_run");
    assert_eq!(d2.match_runs.len(), 1);
}

trait BindingCount {
    fn binding_count(&self) -> u32;
}

impl BindingCount for Unmatched {
    fn binding_count(&self) -> u32 {
        match self.binding {
            BindingConstraint::Rule {
                offers_blocked_only_by_it,
                ..
            } => offers_blocked_only_by_it,
            _ => u32::MAX,
        }
    }
}

#[test]
fn volunteers_see_only_shareable_fields_and_never_sensitive_ones() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    let req = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
    };
    let run = d.matching().match_cohort(&req).unwrap();
    d.matching_mut().add_run(run.clone()).unwrap();
    let views = d
        .matching()
        .volunteer_view(&run.id, &"vvv-womens-group".into())
        .unwrap();
    // One view per household the run gave the women's group (its six places are full).
    assert_eq!(views.len(), 6);
    for v in &views {
        let fields: Vec<&str> = v.shared.iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"languages"));
        for forbidden in ["preferences", "needs", "location", "industries"] {
            assert!(!fields.contains(&forbidden), "{forbidden} shared");
        }
        let text = serde_json::to_string(v).unwrap();
        for secret in ["female", "kvinde", "volunteer_gender", "Tilbuddet dækker"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    // In one language: the same households, fields and explanations, each text as it reads
    // in that language, and nothing the two-language view does not hold.
    for lang in [Lang::Da, Lang::En] {
        for v in &views {
            let t = v.text(lang);
            assert_eq!((&t.offer, &t.newcomer), (&v.offer, &v.newcomer));
            let fields: Vec<(&str, &str)> = t
                .shared
                .iter()
                .map(|f| (f.field.as_str(), f.value.as_str()))
                .collect();
            let expected: Vec<(&str, &str)> = v
                .shared
                .iter()
                .map(|f| (f.field.as_str(), f.value.get(lang)))
                .collect();
            assert_eq!(fields, expected);
            let why: Vec<&str> = v.explanation.iter().map(|x| x.get(lang)).collect();
            assert_eq!(t.explanation, why);
        }
    }
    let languages = |lang| {
        views[0]
            .text(lang)
            .shared
            .into_iter()
            .find(|f| f.field == "languages")
            .map(|f| f.value)
    };
    assert_ne!(
        languages(Lang::Da),
        languages(Lang::En),
        "Danish and English differ"
    );
    assert_eq!(
        d.matching()
            .volunteer_view(&"nope".into(), &"vvv-womens-group".into())
            .unwrap_err()
            .code(),
        "not_found.match_run"
    );
}

#[test]
fn explanations_of_sensitive_rules_do_not_depend_on_the_sensitive_values() {
    let d = Dossier::example("ikast-brande").unwrap();
    let rules = &d.rule_sets[0];
    // Beside the dossier, so its consents and bases let the sensitive rules speak.
    let run = d
        .matching()
        .match_profiles(
            rules,
            &d.cohorts[0].newcomers,
            &d.offers,
            date("2016-04-01"),
        )
        .unwrap();
    assert!(!run.sensitive_uses.is_empty());
    for rule in ["wishes-respected", "certificate-with-children"] {
        // Households the gate withheld the attribute of get the "not applied" text instead.
        let withheld: std::collections::HashSet<String> =
            run.withheld.iter().map(|w| w.subject.to_string()).collect();
        let texts: std::collections::HashSet<String> = run
            .matches
            .iter()
            .filter(|m| {
                !withheld.contains(&brobygger::Subject::newcomer(m.newcomer.clone()).to_string())
            })
            .flat_map(|m| m.explanation.iter())
            .filter(|o| o.rule.as_str() == rule)
            .map(|o| format!("{}|{}", o.text.da, o.text.en))
            .collect();
        assert_eq!(texts.len(), 1, "{rule}: {texts:?}");
    }
    let dbg = format!("{run:?} {:?} {:?}", d.cohorts[0].newcomers, d.offers);
    for secret in [
        "Female",
        "VolunteerGender",
        "ChildProtectionCertificate",
        "Ikast\"",
    ] {
        assert!(!dbg.contains(secret), "{secret} in Debug output");
    }
}

#[test]
fn recording_introductions_checks_everything_and_changes_nothing_on_failure() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    let cohort: CohortId = "ikast-2016-q1".into();
    let before = d.clone();
    let rec = |n: &str, on: &str| IntroductionRecord {
        newcomer: n.into(),
        on: date(on),
        setting: IntroductionSetting::FollowUpConversation,
        offers: vec!["vvv-cf-ikast-1".into()],
        by: None,
    };
    assert_eq!(
        d.matching_mut()
            .record_introduction(&"nope".into(), rec("nc-3817-2204", "2016-04-01"))
            .unwrap_err()
            .code(),
        "not_found.cohort"
    );
    assert_eq!(
        d.matching_mut()
            .record_introduction(&cohort, rec("nc-0000", "2016-04-01"))
            .unwrap_err()
            .code(),
        "not_found.newcomer"
    );
    assert_eq!(
        d.matching_mut()
            .record_introduction(&cohort, rec("nc-3817-2204", "2015-04-01"))
            .unwrap_err()
            .code(),
        "introduction.before_arrival"
    );
    let mut bad_offer = rec("nc-3817-2204", "2016-04-01");
    bad_offer.offers = vec!["no-such-offer".into()];
    assert_eq!(
        d.matching_mut()
            .record_introduction(&cohort, bad_offer)
            .unwrap_err()
            .code(),
        "not_found.offer"
    );
    assert_eq!(d, before);
    d.matching_mut()
        .record_introduction(&cohort, rec("nc-5583-2290", "2016-04-01"))
        .unwrap();
    assert_eq!(
        d.matching_mut()
            .record_introduction(&cohort, rec("nc-5583-2290", "2016-04-01"))
            .unwrap_err()
            .code(),
        "introduction.duplicate"
    );
    let status = d
        .matching()
        .introduction_status(&cohort, date("2016-04-02"))
        .unwrap();
    let s = status
        .iter()
        .find(|s| s.newcomer.as_str() == "nc-5583-2290")
        .unwrap();
    assert_eq!(
        (s.introductions, s.state, s.due_on),
        (1, IntroductionState::Upcoming, Some(date("2016-05-01")))
    );
    let due = d
        .matching()
        .introductions_due(&cohort, date("2016-03-20"))
        .unwrap();
    assert!(
        due.iter()
            .all(|f| f.code.starts_with("introduction.") && f.source.is_some())
    );
    assert!(
        due.iter()
            .any(|f| f.code == "introduction.overdue" && f.severity == Severity::Warning)
    );
}

#[test]
fn matching_problems_in_a_dossier_are_all_found_with_paths() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    d.cohorts[0].newcomers[0].id = "010190-1234".into();
    d.cohorts[0].newcomers[1].languages[0].language = "Tigrinya".into();
    d.cohorts[0].newcomers[2].location = Some(Coordinates {
        lat: 95.0,
        lon: 9.0,
    });
    d.cohorts[0].newcomers[3].household.children_ages.push(19);
    d.offers[0].places_taken = 3;
    d.offers[1].volunteer = Some("p-nobody".into());
    d.offers[2].id = d.offers[3].id.clone();
    d.rule_sets[0].rules[0].strength = Strength::Soft { weight: f64::NAN };
    d.cohorts[0].plan.repeat_every_days = 0;
    d.cohorts[0].introductions[0].newcomer = "nc-ghost".into();
    let f = d.validate();
    let has = |code: &str, path: &str| f.iter().any(|x| x.code == code && x.path.as_str() == path);
    assert!(has(
        "matching.newcomer_id_not_pseudonymous",
        "cohorts[0].newcomers[0].id"
    ));
    assert!(has(
        "matching.invalid_language_code",
        "cohorts[0].newcomers[1].languages[0].language"
    ));
    assert!(has(
        "matching.invalid_coordinates",
        "cohorts[0].newcomers[2].location"
    ));
    assert!(
        has(
            "matching.child_age_out_of_range",
            "cohorts[0].newcomers[3].household.children_ages[1]"
        ) || has(
            "matching.child_age_out_of_range",
            "cohorts[0].newcomers[3].household.children_ages[0]"
        )
    );
    assert!(has("matching.over_capacity", "offers[0].places_taken"));
    assert!(has("validation.dangling_reference", "offers[1].volunteer"));
    assert!(has("validation.duplicate_id", "offers[3].id"));
    assert!(has(
        "matching.invalid_weight",
        "rule_sets[0].rules[0].strength.weight"
    ));
    assert!(has(
        "validation.zero_interval",
        "cohorts[0].plan.repeat_every_days"
    ));
    assert!(has(
        "validation.dangling_reference",
        "cohorts[0].introductions[0].newcomer"
    ));
    for x in &f {
        assert!(
            x.path.resolves_in(&serde_json::to_value(&d).unwrap()),
            "{} does not resolve",
            x.path
        );
        assert!(!x.text.en.contains("010190"), "{}", x.text.en);
    }
    // An invalid rule set refuses to run.
    let req = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
    };
    assert_eq!(
        d.matching().match_cohort(&req).unwrap_err().code(),
        "matching.invalid_rule_set"
    );
}

// ---------------------------------------------------------------------------------------------
// Property tests: solver invariants on random instances.

fn arb_candidates(max_n: usize, max_m: usize) -> impl Strategy<Value = Candidates> {
    (1..=max_n, 1..=max_m).prop_flat_map(move |(n, m)| {
        let lists = prop::collection::vec(prop::collection::vec((0..m as u32, 0i64..20), 0..=m), n);
        let caps = prop::collection::vec(0u32..3, m);
        (lists, caps).prop_map(|(l, c)| Candidates::from_lists(l, c))
    })
}

fn total(c: &Candidates, a: &[Option<u32>]) -> (i64, usize) {
    let mut s = 0;
    let mut k = 0;
    for (i, j) in a.iter().enumerate() {
        if let Some(j) = j {
            s += c.score(i, *j).expect("only candidate pairs are matched");
            k += 1;
        }
    }
    (s, k)
}

fn capacities_hold(c: &Candidates, a: &[Option<u32>]) -> bool {
    let mut load = vec![0u32; c.offers()];
    for j in a.iter().flatten() {
        load[*j as usize] += 1;
    }
    load.iter().zip(&c.capacities).all(|(l, cap)| l <= cap)
}

fn brute_force(c: &Candidates) -> (i64, usize) {
    fn go(c: &Candidates, i: usize, left: &mut Vec<u32>) -> (i64, usize) {
        if i == c.newcomers() {
            return (0, 0);
        }
        let mut best = go(c, i + 1, left);
        let (offers, scores) = c.of(i);
        for (&j, &s) in offers.iter().zip(scores) {
            if left[j as usize] > 0 {
                left[j as usize] -= 1;
                let (rest, k) = go(c, i + 1, left);
                left[j as usize] += 1;
                best = best.max((rest + s, k + 1));
            }
        }
        best
    }
    go(c, 0, &mut c.capacities.clone())
}

/// A plain reference: min-cost flow by Bellman-Ford shortest paths on an explicit graph,
/// augmenting while the path does not lower the total. Slow, simple, independent.
fn reference_optimum(c: &Candidates) -> (i64, usize) {
    let (n, m) = (c.newcomers(), c.offers());
    let (s, t) = (n + m, n + m + 1);
    // Edges: (from, to, capacity, cost), each followed by its reverse. Augmenting while the
    // path costs nothing or less gives the most score, then the most matches (convexity).
    let mut edges: Vec<(usize, usize, i64, i64)> = Vec::new();
    let mut add = |a: usize, b: usize, cap: i64, cost: i64| {
        edges.push((a, b, cap, cost));
        edges.push((b, a, 0, -cost));
    };
    for i in 0..n {
        add(s, i, 1, 0);
        let (offers, scores) = c.of(i);
        for (&j, &sc) in offers.iter().zip(scores) {
            add(i, n + j as usize, 1, -sc);
        }
    }
    for j in 0..m {
        add(n + j, t, i64::from(c.capacities[j]), 0);
    }
    let (mut total, mut flow) = (0i64, 0usize);
    loop {
        let mut dist = vec![i64::MAX; n + m + 2];
        let mut pred = vec![usize::MAX; n + m + 2];
        dist[s] = 0;
        for _ in 0..n + m + 2 {
            let mut changed = false;
            for (k, &(a, b, cap, cost)) in edges.iter().enumerate() {
                if cap > 0 && dist[a] != i64::MAX && dist[a] + cost < dist[b] {
                    dist[b] = dist[a] + cost;
                    pred[b] = k;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        if dist[t] == i64::MAX || dist[t] > 0 {
            return (total, flow);
        }
        let mut v = t;
        while v != s {
            let k = pred[v];
            edges[k].2 -= 1;
            edges[k ^ 1].2 += 1;
            v = edges[k].0;
        }
        total -= dist[t];
        flow += 1;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn optimal_equals_a_reference_min_cost_flow_on_medium_instances(c in arb_candidates(40, 12)) {
        let opt = matching::optimal(&c);
        prop_assert!(capacities_hold(&c, &opt));
        prop_assert_eq!(total(&c, &opt), reference_optimum(&c));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn optimal_equals_brute_force_and_beats_greedy(c in arb_candidates(6, 4), w in prop::collection::vec(0i64..100, 6)) {
        let opt = matching::optimal(&c);
        let gre = matching::greedy(&c, &w);
        prop_assert!(capacities_hold(&c, &opt));
        prop_assert!(capacities_hold(&c, &gre));
        let (so, ko) = total(&c, &opt);
        let (sg, _) = total(&c, &gre);
        prop_assert!(so >= sg);
        // Maximum score, then the most matches among maximum-score assignments.
        prop_assert_eq!((so, ko), brute_force(&c));
        prop_assert_eq!(matching::optimal(&c), opt);
    }

    #[test]
    fn stable_results_have_no_blocking_pair(c in arb_candidates(12, 6), w in prop::collection::vec(0i64..100, 12), by_waiting in any::<bool>()) {
        let ranking = if by_waiting { OfferRanking::LongestWaiting } else { OfferRanking::Score };
        let p = Preferences::from_candidates(&c, &w, ranking);
        for side in [ProposingSide::Newcomers, ProposingSide::Offers] {
            let a = matching::stable(&p, side);
            prop_assert!(capacities_hold(&c, &a));
            prop_assert!(matching::blocking_pairs(&p, &a).is_empty(), "{:?} {:?}", side, a);
        }
    }

    #[test]
    fn explicit_preferences_give_side_optimal_stable_matchings(
        res in prop::collection::vec(prop::collection::vec(0u32..5, 0..5), 1..10),
        hos in prop::collection::vec(prop::collection::vec(0u32..10, 0..10), 5),
        caps in prop::collection::vec(0u32..3, 5),
    ) {
        let dedup = |l: &Vec<u32>, bound: u32| { let mut seen = std::collections::HashSet::new(); l.iter().copied().filter(|x| *x < bound && seen.insert(*x)).collect::<Vec<u32>>() };
        let p = Preferences {
            newcomers: res.iter().map(|l| dedup(l, 5)).collect(),
            offers: hos.iter().map(|l| dedup(l, res.len() as u32)).collect(),
            capacities: caps,
        };
        let r = matching::stable(&p, ProposingSide::Newcomers);
        let h = matching::stable(&p, ProposingSide::Offers);
        prop_assert!(matching::blocking_pairs(&p, &r).is_empty());
        prop_assert!(matching::blocking_pairs(&p, &h).is_empty());
        // Rural hospitals theorem: the same residents are matched in every stable matching.
        prop_assert_eq!(r.iter().map(Option::is_some).collect::<Vec<_>>(), h.iter().map(Option::is_some).collect::<Vec<_>>());
        // Every resident does at least as well when residents propose.
        for (i, (a, b)) in r.iter().zip(&h).enumerate() {
            let rank = |x: &Option<u32>| x.and_then(|j| p.newcomers[i].iter().position(|y| *y == j)).unwrap_or(usize::MAX);
            prop_assert!(rank(a) <= rank(b));
        }
    }
}

// Random profiles under a rule set with every hard rule type: no match ever breaks a hard rule
// (checked here independently of the library's evaluator) and capacities hold.

fn arb_newcomer(k: usize) -> impl Strategy<Value = Newcomer> {
    (
        0u32..3,
        prop::collection::vec((0usize..4, 0usize..7), 1..3),
        prop::collection::vec(0usize..4, 1..3),
        prop::collection::vec(0u32..17, 0..2),
        prop::option::of(prop_oneof![Just(Gender::Female), Just(Gender::Male)]),
        (-0.3f64..0.3, -0.3f64..0.3),
        prop::collection::vec(0usize..4, 0..3),
        prop::collection::vec(0usize..6, 0..3),
    )
        .prop_map(
            move |(area, langs, needs, kids, pref, (dlat, dlon), inds, slots)| {
                let mut n = Newcomer::new(
                    format!("nc-{k}"),
                    NaiveDate::from_ymd_opt(2016, 1, 1 + k as u32 % 28).unwrap(),
                );
                n.area = Some(["Ikast", "Brande", "Bording"][area as usize].into());
                n.location = Some(Coordinates {
                    lat: 56.0 + dlat,
                    lon: 9.2 + dlon,
                });
                n.languages = langs
                    .iter()
                    .map(|(l, v)| LanguageSkill::new(["da", "ar", "ti", "en"][*l], LEVELS[*v]))
                    .collect();
                n.needs = needs.iter().map(|x| Need::STANDARD[*x].clone()).collect();
                n.household.children_ages = kids;
                n.preferences = pref
                    .map(|g| Preference::VolunteerGender { gender: g })
                    .into_iter()
                    .collect();
                n.industries = inds
                    .iter()
                    .map(|x| ["care", "retail", "construction", "it"][*x].to_owned())
                    .collect();
                n.availability = slots
                    .iter()
                    .map(|s| Slot {
                        day: [Weekday::Monday, Weekday::Tuesday, Weekday::Saturday][s % 3],
                        time: [brobygger::TimeOfDay::Daytime, brobygger::TimeOfDay::Evening][s / 3],
                    })
                    .collect();
                n
            },
        )
}

const LEVELS: [LanguageLevel; 7] = [
    LanguageLevel::A1,
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::B2,
    LanguageLevel::C1,
    LanguageLevel::C2,
    LanguageLevel::Native,
];

fn arb_offer(k: usize) -> impl Strategy<Value = Offer> {
    (
        0u32..4,
        0u32..3,
        prop::collection::vec((0usize..4, 0usize..7), 1..3),
        prop::collection::vec(0usize..4, 1..3),
        prop::option::of(prop_oneof![Just(Gender::Female), Just(Gender::Male)]),
        any::<bool>(),
        (-0.3f64..0.3, -0.3f64..0.3),
        prop::collection::vec(0usize..4, 0..3),
    )
        .prop_map(
            move |(cap, taken, langs, serves, gender, cert, (dlat, dlon), inds)| {
                let mut o = Offer::new(format!("o-{k}"), OfferKind::ContactPerson, "Tilbud", cap);
                o.places_taken = taken.min(cap);
                o.location = Some(Coordinates {
                    lat: 56.0 + dlat,
                    lon: 9.2 + dlon,
                });
                o.languages = langs
                    .iter()
                    .map(|(l, v)| LanguageSkill::new(["da", "ar", "ti", "en"][*l], LEVELS[*v]))
                    .collect();
                o.serves = serves.iter().map(|x| Need::STANDARD[*x].clone()).collect();
                o.gender = gender;
                o.credentials = if cert {
                    vec![Credential::ChildProtectionCertificate]
                } else {
                    vec![]
                };
                o.industries = inds
                    .iter()
                    .map(|x| ["care", "retail", "construction", "it"][*x].to_owned())
                    .collect();
                o
            },
        )
}

fn arb_profiles() -> impl Strategy<Value = (Vec<Newcomer>, Vec<Offer>)> {
    (1usize..9, 1usize..6).prop_flat_map(|(n, m)| {
        let ns: Vec<_> = (0..n).map(arb_newcomer).collect();
        let os: Vec<_> = (0..m).map(arb_offer).collect();
        (ns, os)
    })
}

fn hard_rules_ok(n: &Newcomer, o: &Offer, max_km: f64) -> bool {
    let lang = n.languages.iter().any(|a| {
        o.languages.iter().any(|b| {
            a.language == b.language && a.level >= LanguageLevel::A2 && b.level >= LanguageLevel::A2
        })
    });
    let (a, b) = (n.location.unwrap(), o.location.unwrap());
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((b.lon - a.lon).to_radians() / 2.0).sin().powi(2);
    let km = 2.0 * 6371.0088 * h.sqrt().asin();
    let need = n.needs.iter().any(|x| o.serves.contains(x));
    let prefs = n.preferences.iter().all(|p| match p {
        Preference::VolunteerGender { gender } => o.gender == Some(*gender),
        Preference::OfferKind { kind } => o.kind == *kind,
    });
    let cert = !n.household.children_ages.iter().any(|a| *a < 18)
        || o.credentials
            .contains(&Credential::ChildProtectionCertificate);
    let job = !n.needs.contains(&Need::JobOrInternship)
        || n.industries.iter().any(|i| o.industries.contains(i));
    lang && km <= max_km && need && prefs && cert && job && o.free_places() > 0
}

fn all_hard_rules(max_km: f64) -> RuleSet {
    let mut rs = RuleSet::new("props", brobygger::Text::new("t", "t"));
    let text = brobygger::Text::new("ok", "ok");
    let mut push = |id: &str, strength: Strength, kind: RuleKind| {
        rs.rules.push(Rule {
            id: id.into(),
            strength,
            kind,
            explanation: text.clone(),
        })
    };
    push(
        "lang",
        Strength::Hard,
        RuleKind::SharedLanguage {
            min_level: LanguageLevel::A2,
            languages: vec![],
        },
    );
    push(
        "dist",
        Strength::Hard,
        RuleKind::Distance {
            max_km,
            min_km: None,
        },
    );
    push(
        "need",
        Strength::Hard,
        RuleKind::NeedServed { needs: vec![] },
    );
    push("pref", Strength::Hard, RuleKind::PreferenceRespected);
    push(
        "cert",
        Strength::Hard,
        RuleKind::CredentialWithChildren {
            credential: Credential::ChildProtectionCertificate,
            under_age: 18,
        },
    );
    push("job", Strength::Hard, RuleKind::IndustryFit);
    push("cap", Strength::Hard, RuleKind::Capacity { min_free: 1 });
    push(
        "s-need",
        Strength::Soft { weight: 2.0 },
        RuleKind::NeedServed { needs: vec![] },
    );
    push(
        "s-dist",
        Strength::Soft { weight: 1.0 },
        RuleKind::Distance {
            max_km,
            min_km: None,
        },
    );
    push(
        "s-time",
        Strength::Soft { weight: 1.0 },
        RuleKind::AvailabilityOverlap { min_slots: 1 },
    );
    push("s-area", Strength::Soft { weight: 0.5 }, RuleKind::SameArea);
    rs.sensitive_attributes = vec!["newcomer.preferences".into(), "offer.credentials".into()];
    rs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_hard_rule_is_ever_broken_and_capacities_hold(
        (newcomers, offers) in arb_profiles(),
        max_km in prop_oneof![Just(5.0f64), Just(20.0), Just(60.0)],
        solver in prop::sample::select(vec![Solver::Greedy, Solver::Optimal, Solver::StableNewcomerProposing, Solver::StableOfferProposing]),
    ) {
        let rules = all_hard_rules(max_km);
        prop_assert!(!rules.validate().has_errors(), "{:?}", rules.validate());
        // The call declares the bases the hard rules' sensitive attributes need.
        let mut options = MatchOptions::new(solver, date("2016-06-01"));
        options.bases = vec![
            brobygger::DeclaredBasis::new("wishes", brobygger::LegalBasis::SubstantialPublicInterest, vec!["newcomer.preferences".into()], "test"),
            brobygger::DeclaredBasis::new("certificates", brobygger::LegalBasis::LegalObligation, vec!["offer.credentials".into()], "børneattestloven § 2"),
        ];
        let run = run(&rules, &newcomers, &offers, options).unwrap();
        prop_assert!(run.withheld.is_empty(), "{:?}", run.withheld);
        let mut load = std::collections::HashMap::new();
        for m in &run.matches {
            let n = newcomers.iter().find(|n| n.id == m.newcomer).unwrap();
            let o = offers.iter().find(|o| o.id == m.offer).unwrap();
            prop_assert!(hard_rules_ok(n, o, max_km + 1e-9), "{} {}", m.newcomer, m.offer);
            *load.entry(m.offer.clone()).or_insert(0u32) += 1;
        }
        for o in &offers {
            prop_assert!(load.get(&o.id).copied().unwrap_or(0) <= o.free_places());
        }
        // Every household is accounted for exactly once, and candidates were not missed by the
        // spatial index: the unpruned count of pairs passing the hard rules equals the candidates.
        prop_assert_eq!(run.matches.len() + run.unmatched.len(), newcomers.len());
        let brute = newcomers.iter().map(|n| offers.iter().filter(|o| hard_rules_ok(n, o, max_km)).count() as u64).sum::<u64>();
        prop_assert_eq!(run.statistics.candidate_pairs, brute);
        // Unmatched households that had candidates lost them to others, never to a hard rule.
        for u in &run.unmatched {
            let n = newcomers.iter().find(|n| n.id == u.newcomer).unwrap();
            let eligible = offers.iter().filter(|o| hard_rules_ok(n, o, max_km)).count() as u32;
            if eligible > 0 {
                prop_assert_eq!(&u.binding, &BindingConstraint::PlacesTaken { eligible });
            } else {
                let taken = matches!(u.binding, BindingConstraint::PlacesTaken { .. });
                prop_assert!(!taken);
            }
            prop_assert!(!u.reasons.is_empty());
        }
    }
}

#[test]
fn grid_pruning_finds_exactly_the_pairs_within_the_radius() {
    // Offers on a ring around a newcomer: those inside the radius must be candidates, the rest
    // not, including across grid-cell boundaries.
    let mut rules = RuleSet::new("ring", brobygger::Text::new("r", "r"));
    rules.rules.push(Rule {
        id: "d".into(),
        strength: Strength::Hard,
        kind: RuleKind::Distance {
            max_km: 10.0,
            min_km: None,
        },
        explanation: brobygger::Text::new("a", "b"),
    });
    let mut n = Newcomer::new("nc-1", date("2016-01-01"));
    n.location = Some(Coordinates {
        lat: 56.0,
        lon: 9.0,
    });
    let offers: Vec<Offer> = (0..72)
        .map(|k| {
            let angle = (k as f64 * 5.0).to_radians();
            let km = if k % 2 == 0 { 9.9 } else { 10.1 };
            let mut o = Offer::new(format!("o-{k}"), OfferKind::Activity, "x", 1);
            o.location = Some(Coordinates {
                lat: 56.0 + km / 111.2 * angle.cos(),
                lon: 9.0 + km / (111.2 * 56f64.to_radians().cos()) * angle.sin(),
            });
            o
        })
        .collect();
    let c = brobygger::matching::candidates(&rules, &[n.clone()], &offers);
    let expected: Vec<u32> = (0..72)
        .filter(|k| {
            offers[*k as usize]
                .location
                .unwrap()
                .distance_km(n.location.unwrap())
                <= 10.0
        })
        .collect();
    assert_eq!(c.of(0).0, expected.as_slice());
    assert!(
        expected.len() >= 30 && expected.len() <= 42,
        "{}",
        expected.len()
    );
}

#[test]
fn labels_exist_in_both_languages_for_every_new_vocabulary() {
    let da = brobygger::vocabulary(Lang::Da);
    let en = brobygger::vocabulary(Lang::En);
    assert_eq!(da.len(), en.len());
    for v in [
        "language_level",
        "need",
        "solver",
        "introduction_setting",
        "offer_kind",
        "credential",
    ] {
        assert!(da.iter().any(|e| e.vocabulary == v), "{v}");
    }
    assert_eq!(
        en.iter()
            .find(|e| e.vocabulary == "need" && e.value == "womens_group")
            .unwrap()
            .label,
        "women's group"
    );
}

#[test]
fn ties_fixture_gives_the_same_answers_in_every_language() {
    let mut v = read_json(&dir().join("ties.preferences.json"));
    v.as_object_mut().unwrap().remove("_doc");
    let problem: TiedPreferenceProblem = serde_json::from_value(v).unwrap();
    let residents = problem.solve(ProposingSide::Newcomers).unwrap();
    let hospitals = problem.solve(ProposingSide::Offers).unwrap();
    let largest = problem.largest().unwrap();
    for a in [&residents, &hospitals, &largest] {
        assert_eq!(a.blocking_pairs, 0);
        assert_eq!(a.size as usize, a.pairs.len());
        assert!(a.size <= a.bound);
    }
    // Breaking the ties by index leaves a household out that the largest matching places.
    assert!(largest.exact && largest.size > residents.size);
    let actual = json!({
        "residents_optimal": residents,
        "hospitals_optimal": hospitals,
        "largest": largest,
    });
    common::golden(
        &dir().join("ties.expected.json"),
        &(serde_json::to_string_pretty(&actual).unwrap() + "\n"),
    );
    // Every unknown or repeated id, with its path in the groups.
    let mut bad = problem.clone();
    bad.residents[0].prefers[0].push("hx".into());
    bad.residents[3].prefers.push(vec!["h3".into()]);
    let e = bad.largest().unwrap_err();
    let paths: Vec<&str> = e.findings().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["residents[0].prefers[0][2]", "residents[3].prefers[1][0]"]
    );
    assert_eq!(bad.validate().len(), 2);
}
