#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Privacy by design (#8): the shared fixtures in `tests/fixtures/privacy/` (consent gate,
//! disclosure scripts, audience views, safe tables and survey shares, retention, anonymisation,
//! pseudonyms), and the properties behind them: no release before both acceptances, failed
//! operations change nothing, anonymisation leaves no original id or name and keeps links and
//! statistics, nothing sensitive in explanations, errors, findings or `Debug` output.

mod common;

use brobygger::matching::{MatchOptions, MatchRequest, MatchRun, Newcomer, Solver};
use brobygger::privacy::*;
use brobygger::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    common::fixtures().join("privacy")
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn read(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn cases(prefix: &str) -> Vec<(String, PathBuf)> {
    let mut v: Vec<(String, PathBuf)> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name()?.to_str()?.to_owned();
            let case = name.strip_suffix(".input.json")?.to_owned();
            case.starts_with(prefix).then_some((case, p))
        })
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no {prefix} cases");
    v
}

/// Compares with `<case>.expected.json`, or writes it when blessing.
fn expect(case: &str, actual: &Value) {
    let path = dir().join(format!("{case}.expected.json"));
    let text = serde_json::to_string_pretty(actual).unwrap() + "\n";
    common::golden(&path, &text);
}

fn ikast() -> Dossier {
    Dossier::example("ikast-brande").unwrap()
}

fn recipient_key(r: &Recipient) -> String {
    match r {
        Recipient::Household { newcomer } => format!("newcomer:{newcomer}"),
        Recipient::Volunteer { offer } => format!("offer:{offer}"),
        Recipient::Group { audience } => format!("audience:{}", key(audience)),
    }
}

fn key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn error_code(e: &BrobyggerError) -> Value {
    json!({ "error": e.code() })
}

fn disclosures_digest(ds: &[Disclosure]) -> Value {
    json!(
        ds.iter()
            .map(|d| json!([
                d.subject.key(),
                recipient_key(&d.recipient),
                d.fields.iter().map(key).collect::<Vec<_>>(),
                d.basis.key()
            ]))
            .collect::<Vec<_>>()
    )
}

fn manifest_digest(m: &ExportManifest) -> Value {
    json!(
        m.entries
            .iter()
            .map(|e| json!([
                e.at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                e.subject.as_ref().map(Subject::key),
                recipient_key(&e.recipient),
                e.fields,
                e.basis.as_ref().map(BasisRef::key),
                e.reason.en
            ]))
            .collect::<Vec<_>>()
    )
}

fn run_digest(run: &MatchRun) -> Value {
    json!({
        "matches": run.matches.iter().map(|m| json!([m.newcomer, m.offer, m.score])).collect::<Vec<_>>(),
        "unmatched": run.unmatched.iter().map(|u| json!([u.newcomer, key_of_binding(&u.binding)])).collect::<Vec<_>>(),
        "withheld": run.withheld.iter().map(|w| json!([w.subject.key(), w.attribute, w.rules])).collect::<Vec<_>>(),
        "uses": run.sensitive_uses.iter().map(|u| json!([u.subject.key(), u.attribute, u.basis.key()])).collect::<Vec<_>>(),
        "not_applied": run.matches.iter().flat_map(|m| m.explanation.iter().filter(|o| o.text.en.contains("was not applied")).map(move |o| json!([m.newcomer, o.rule]))).collect::<Vec<_>>(),
    })
}

fn key_of_binding(b: &matching::BindingConstraint) -> String {
    serde_json::to_value(b).unwrap()["type"]
        .as_str()
        .unwrap()
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

#[test]
fn gate_fixtures_use_sensitive_attributes_only_under_a_basis() {
    for (case, path) in cases("gate-") {
        let i = read(&path);
        let mut d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        for w in i["withdraw"].as_array().into_iter().flatten() {
            d.privacy_mut()
                .withdraw_consent(
                    &w["consent"].as_str().unwrap().into(),
                    date(w["on"].as_str().unwrap()),
                )
                .unwrap();
        }
        let request = MatchRequest {
            cohort: i["cohort"].as_str().unwrap().into(),
            rule_set: i["rule_set"].as_str().unwrap().into(),
            options: MatchOptions::new(
                serde_json::from_value(i["solver"].clone()).unwrap(),
                date(i["as_of"].as_str().unwrap()),
            ),
        };
        let run = d.matching().match_cohort(&request).unwrap();
        // The score of every match is what its explanation's points add up to.
        for m in &run.matches {
            let points: f64 = m.explanation.iter().map(|o| o.points).sum();
            assert!((points - m.score).abs() < 1e-5, "{case}: {}", m.newcomer);
        }
        expect(&case, &run_digest(&run));
    }
}

fn step(d: &mut Dossier, s: &Value) -> Result<Value, BrobyggerError> {
    let at = || ts(s["at"].as_str().unwrap());
    let proposal = || ProposalId::new(s["proposal"].as_str().unwrap());
    let side = || serde_json::from_value::<ProposalSide>(s["side"].clone()).unwrap();
    let state = |st: ProposalState| json!({ "ok": key(&st) });
    Ok(match s["op"].as_str().unwrap() {
        "propose" => {
            let id = d.privacy_mut().propose(ProposeMatch {
                newcomer: s["newcomer"].as_str().unwrap().into(),
                offer: s["offer"].as_str().unwrap().into(),
                at: at(),
                expires_on: s["expires_on"].as_str().map(date),
                run: None,
                id: s["id"].as_str().map(Into::into),
                by: None,
            })?;
            json!({ "ok": id })
        }
        "accept" => state(d.privacy_mut().accept(&proposal(), side(), at(), None)?),
        "decline" => state(d.privacy_mut().decline(&proposal(), side(), at(), None)?),
        "withdraw_proposal" => state(d.privacy_mut().withdraw_proposal(&proposal(), at(), None)?),
        "release" => {
            let fields = |k: &str| -> Vec<ContactField> {
                serde_json::from_value(s[k].clone()).unwrap_or_default()
            };
            let ds = d.privacy_mut().release(ReleaseRequest {
                proposal: proposal(),
                at: at(),
                to_volunteer: fields("to_volunteer"),
                to_household: fields("to_household"),
                by: None,
            })?;
            json!({ "ok": disclosures_digest(&ds) })
        }
        "withdraw_consent" => {
            let r = d.privacy_mut().withdraw_consent(
                &s["consent"].as_str().unwrap().into(),
                date(s["on"].as_str().unwrap()),
            )?;
            json!({ "ok": {
                "closed": r.closed_proposals,
                "runs": r.dependent_runs,
                "findings": r.findings.iter().map(|f| json!([f.code, f.path.as_str()])).collect::<Vec<_>>(),
            }})
        }
        "expire" => json!({ "ok": d.privacy_mut().expire(date(s["on"].as_str().unwrap())) }),
        other => panic!("unknown op {other}"),
    })
}

#[test]
fn disclosure_scripts_give_the_expected_states_errors_and_manifest() {
    for (case, path) in cases("disclosure-") {
        let i = read(&path);
        let mut d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        let mut results = Vec::new();
        for s in i["steps"].as_array().unwrap() {
            let before = d.clone();
            match step(&mut d, s) {
                Ok(v) => results.push(v),
                Err(e) => {
                    assert_eq!(d, before, "{case}: a failed step changed the dossier");
                    results.push(error_code(&e));
                }
            }
        }
        assert!(!d.validate().has_errors(), "{case}: {:?}", d.validate());
        let states: BTreeMap<String, String> = d
            .privacy
            .proposals
            .iter()
            .map(|p| (p.id.to_string(), key(&p.state())))
            .collect();
        expect(
            &case,
            &json!({
                "results": results,
                "states": states,
                "manifest": manifest_digest(&d.privacy().manifest(None, None)),
            }),
        );
    }
}

fn viewer(v: &Value) -> Viewer {
    serde_json::from_value(v.clone()).unwrap()
}

fn key_from(i: &Value) -> Option<PseudonymKey> {
    i["key_hex"]
        .as_str()
        .map(|h| PseudonymKey::from_hex(i["key_domain"].as_str().unwrap(), h).unwrap())
}

fn fields_digest(fields: &[FieldDisclosure]) -> Value {
    json!(
        fields
            .iter()
            .map(|f| json!([
                f.field,
                key(&f.treatment),
                f.basis.as_ref().map(BasisRef::key)
            ]))
            .collect::<Vec<_>>()
    )
}

#[test]
fn view_fixtures_show_each_audience_only_what_it_may_see() {
    for (case, path) in cases("view-") {
        let i = read(&path);
        let d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        let on = date(i["on"].as_str().unwrap());
        let v = viewer(&i["viewer"]);
        let k = key_from(&i);
        let out = if let Some(n) = i["newcomer"].as_str() {
            d.privacy()
                .view_newcomer(&n.into(), &v, on, k.as_ref())
                .map(|view| {
                    json!({
                        "id": view.newcomer.id,
                        "arrival": view.newcomer.arrival,
                        "area": view.newcomer.area,
                        "children_ages": view.newcomer.household.children_ages,
                        "fields": fields_digest(&view.fields),
                        "withheld": view.withheld,
                    })
                })
        } else if let Some(o) = i["offer"].as_str() {
            d.privacy().view_offer(&o.into(), &v, on).map(|view| {
                json!({
                    "title": view.offer.title,
                    "fields": fields_digest(&view.fields),
                    "withheld": view.withheld,
                })
            })
        } else {
            let p = i["proposal"].as_str().unwrap();
            d.privacy().view_proposal(&p.into(), &v, on, k.as_ref()).map(|view| {
                json!({
                    "state": view.state.map(|s| key(&s)),
                    "score": view.score,
                    "shared": view.shared.iter().map(|f| json!([f.field, f.value.en])).collect::<Vec<_>>(),
                    "explanation": view.explanation.iter().map(|t| t.en.clone()).collect::<Vec<_>>(),
                    "released": view.released.iter().map(key).collect::<Vec<_>>(),
                    "fields": fields_digest(&view.fields),
                })
            })
        };
        let out = out.unwrap_or_else(|e| error_code(&e));
        expect(&case, &out);
    }
}

fn table_digest(t: &SafeTable) -> Value {
    json!({
        "cells": t.cells.iter().map(|c| {
            let mut row: Vec<Value> = c.keys.iter().map(|k| json!(k)).collect();
            row.push(json!(c.count));
            row.push(json!(c.suppression.map(|s| key(&s))));
            Value::Array(row)
        }).collect::<Vec<_>>(),
        "total": t.total,
        "suppressed": t.suppressed,
        "left_out": t.left_out,
        "note": t.note.en,
    })
}

#[test]
fn table_fixtures_suppress_small_cells_and_say_so() {
    for (case, path) in cases("table-") {
        let i = read(&path);
        let d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        let request: SafeTableRequest = serde_json::from_value(i["request"].clone()).unwrap();
        let out = d
            .privacy()
            .safe_table(&request)
            .map(|t| table_digest(&t))
            .unwrap_or_else(|e| error_code(&e));
        expect(&case, &out);
    }
}

#[test]
fn survey_fixtures_hide_small_groups_and_the_ones_that_would_reveal_them() {
    for (case, path) in cases("survey-") {
        let i = read(&path);
        let d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        let shares = d
            .privacy()
            .safe_survey_results(
                &i["survey"].as_str().unwrap().into(),
                brobygger::privacy::SafeShareOptions::min_cell(
                    i["min_cell"].as_u64().unwrap() as u32
                ),
            )
            .unwrap();
        let out: Vec<Value> = shares
            .iter()
            .map(|s| {
                json!([
                    s.question,
                    s.group.map(|g| key(&g)),
                    s.estimate.as_ref().map(|e| e.respondents),
                    s.estimate.as_ref().map(|e| e.positive),
                    s.suppression.map(|x| key(&x)),
                ])
            })
            .collect();
        expect(&case, &json!(out));
    }
}

fn target_key(r: &RecordRef) -> String {
    match r {
        RecordRef::Proposal { proposal } => format!("proposal:{proposal}"),
        RecordRef::Household { newcomer } => format!("newcomer:{newcomer}"),
        RecordRef::Run { run } => format!("run:{run}"),
        RecordRef::Consent { consent } => format!("consent:{consent}"),
        RecordRef::Person { person } => format!("person:{person}"),
    }
}

#[test]
fn retention_fixtures_report_and_apply_what_is_due() {
    for (case, path) in cases("retention-") {
        let i = read(&path);
        let mut d = Dossier::example(i["example"].as_str().unwrap()).unwrap();
        let on = date(i["on"].as_str().unwrap());
        let report = d.privacy().retention_report(on);
        let items: Vec<Value> = report
            .items
            .iter()
            .map(|it| {
                json!([
                    it.policy,
                    target_key(&it.target),
                    it.since,
                    it.due_on,
                    key(&it.state)
                ])
            })
            .collect();
        let applied = if i["apply"].as_bool().unwrap_or(false) {
            let out = d.privacy_mut().apply_retention(on).unwrap();
            assert!(!d.validate().has_errors(), "{case}: {:?}", d.validate());
            // Applying again does nothing more.
            let again = d.privacy_mut().apply_retention(on).unwrap();
            assert!(again.deleted.is_empty() && again.anonymised == 0, "{case}");
            json!({
                "deleted": out.deleted.iter().map(target_key).collect::<Vec<_>>(),
                "anonymised": out.anonymised,
                "proposals_left": d.privacy.proposals.len(),
                "households_left": d.cohorts.iter().map(|c| c.newcomers.len()).sum::<usize>(),
            })
        } else {
            Value::Null
        };
        expect(&case, &json!({ "items": items, "applied": applied }));
    }
}

/// Counts that anonymisation must keep: per need, language, household size, children, area
/// (of the areas that stay), quarter of arrival, waiting days, matches and introductions.
fn statistics(d: &Dossier) -> Value {
    let mut needs: BTreeMap<String, u32> = BTreeMap::new();
    let mut languages: BTreeMap<String, u32> = BTreeMap::new();
    let mut sizes: BTreeMap<u32, u32> = BTreeMap::new();
    let mut quarters: BTreeMap<String, u32> = BTreeMap::new();
    let mut with_children = 0;
    let mut waiting: Vec<i64> = Vec::new();
    let mut intro_days: Vec<i64> = Vec::new();
    for c in &d.cohorts {
        for n in &c.newcomers {
            for x in &n.needs {
                *needs.entry(x.key().to_owned()).or_default() += 1;
            }
            for l in &n.languages {
                *languages.entry(l.language.clone()).or_default() += 1;
            }
            *sizes
                .entry(n.household.adults + n.household.children_ages.len() as u32)
                .or_default() += 1;
            let q = brobygger::privacy::quarter_start(n.arrival);
            *quarters.entry(q.to_string()).or_default() += 1;
            with_children += u32::from(n.household.has_child_under(18));
            waiting.push((n.waiting_start() - n.arrival).num_days());
            for r in c.introductions.iter().filter(|r| r.newcomer == n.id) {
                intro_days.push((r.on - n.arrival).num_days());
            }
        }
    }
    waiting.sort_unstable();
    intro_days.sort_unstable();
    let scores: Vec<f64> = d
        .match_runs
        .iter()
        .flat_map(|r| r.matches.iter().map(|m| m.score))
        .collect();
    json!({
        "households": d.cohorts.iter().map(|c| c.newcomers.len()).sum::<usize>(),
        "needs": needs, "languages": languages, "sizes": sizes, "quarters": quarters,
        "with_children": with_children, "waiting": waiting, "days_to_introductions": intro_days,
        "proposals": d.privacy.proposals.len(), "consents": d.privacy.consents.len(),
        "scores": scores,
    })
}

fn originals(d: &Dossier) -> Vec<String> {
    let mut v: Vec<String> = d
        .cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter().map(|n| n.id.to_string()))
        .collect();
    v.extend(d.people.iter().map(|p| p.id.to_string()));
    v
}

fn names(d: &Dossier) -> Vec<String> {
    d.people
        .iter()
        .flat_map(|p| {
            p.name
                .split(|c: char| !c.is_alphabetic())
                .filter(|s| s.chars().count() >= 3)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn with_run(mut d: Dossier) -> Dossier {
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        })
        .unwrap();
    d.matching_mut().add_run(run).unwrap();
    d
}

#[test]
fn anonymise_fixtures_keep_statistics_and_leave_no_original() {
    for (case, path) in cases("anonymise-") {
        let i = read(&path);
        let d = with_run(Dossier::example(i["example"].as_str().unwrap()).unwrap());
        let options: AnonymiseOptions = serde_json::from_value(i["options"].clone()).unwrap();
        let k = key_from(&i);
        let (a, report) = d.privacy().anonymised(&options, k.as_ref()).unwrap();
        assert!(!a.validate().has_errors(), "{case}: {:?}", a.validate());
        let text = a.to_json().unwrap();
        let everyone = matches!(options.scope, AnonymisationScope::Everyone);
        if everyone {
            for old in originals(&d) {
                assert!(!text.contains(&old), "{case}: {old} survived");
            }
            for name in names(&d) {
                assert!(!text.contains(&name), "{case}: {name} survived");
            }
        }
        assert_eq!(statistics(&d), statistics(&a), "{case}: statistics changed");
        expect(
            &case,
            &json!({
                "report": serde_json::to_value(&report).unwrap(),
                "ids": a.cohorts[0].newcomers.iter().map(|n| n.id.to_string()).collect::<Vec<_>>(),
                "areas": a.cohorts[0].newcomers.iter().map(|n| n.area.clone()).collect::<Vec<_>>(),
                "arrivals": a.cohorts[0].newcomers.iter().map(|n| n.arrival).collect::<Vec<_>>(),
                "people": a.people.iter().map(|p| p.id.to_string()).collect::<Vec<_>>(),
            }),
        );
    }
}

#[test]
fn pseudonym_vectors_are_the_same_in_every_language() {
    let v = read(&dir().join("pseudonyms.json"));
    for c in v["cases"].as_array().unwrap() {
        let k = PseudonymKey::from_hex(
            c["domain"].as_str().unwrap(),
            c["key_hex"].as_str().unwrap(),
        )
        .unwrap();
        let p = k
            .pseudonym(c["kind"].as_str().unwrap(), c["id"].as_str().unwrap())
            .unwrap();
        assert_eq!(p.as_str(), c["pseudonym"].as_str().unwrap(), "{c}");
    }
    for c in v["refused"].as_array().unwrap() {
        let k = PseudonymKey::generate("analysis").unwrap();
        let e = k
            .pseudonym("person", c["id"].as_str().unwrap())
            .unwrap_err();
        assert_eq!(e.code(), c["code"].as_str().unwrap(), "{c}");
    }
}

// ---------------------------------------------------------------------------------------------
// Domain behaviour.

#[test]
fn the_example_validates_and_its_records_round_trip() {
    let d = ikast();
    assert!(!d.validate().has_errors(), "{:?}", d.validate());
    assert!(d.privacy.consents.len() >= 20 && d.privacy.proposals.len() == 4);
    assert_eq!(Dossier::from_json(&d.to_json().unwrap()).unwrap(), d);
    // A withdrawn consent with a closed proposal, a released proposal with its basis.
    let p1 = d.privacy().proposal(&"mp-1".into()).unwrap();
    assert_eq!(p1.state(), ProposalState::Released);
    assert_eq!(p1.disclosures().count(), 2);
    let p4 = d.privacy().proposal(&"mp-4".into()).unwrap();
    assert_eq!(p4.state(), ProposalState::Withdrawn);
    let review = d.privacy().review(
        date("2016-06-01"),
        brobygger::privacy::ReviewOptions::warn_days(30),
    );
    for code in [
        "privacy.no_basis_for_matching",
        "privacy.sensitive_data_without_basis",
        "privacy.proposal_past_expiry",
    ] {
        assert!(!review.with_code(code).is_empty(), "{code}: {review:?}");
    }
}

#[test]
fn no_basis_for_matching_leaves_a_household_out_and_says_so_without_values() {
    let mut d = ikast();
    d.privacy_mut()
        .withdraw_consent(&"c-vvv-2016-003".into(), date("2016-03-20"))
        .unwrap();
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        })
        .unwrap();
    assert!(
        run.matches
            .iter()
            .chain(std::iter::empty())
            .all(|m| m.newcomer.as_str() != "nc-6402-1185")
    );
    assert!(
        run.unmatched
            .iter()
            .all(|u| u.newcomer.as_str() != "nc-6402-1185")
    );
    let w = run
        .withheld
        .iter()
        .find(|w| w.subject == Subject::newcomer("nc-6402-1185"))
        .unwrap();
    assert_eq!(w.attribute, "newcomer");
    let text = serde_json::to_string(&run).unwrap();
    for secret in ["female", "volunteer_gender", "Female"] {
        assert!(!text.contains(secret), "{secret}");
    }
}

#[test]
fn without_explicit_consent_a_wish_is_not_used_and_the_rule_steps_aside() {
    // nc-2468-3571 wants a female volunteer and an activity. With the preference attribute
    // withdrawn from its consent the rule is not applied, and the explanation says so.
    let mut d = ikast();
    let k = d
        .privacy
        .consents
        .iter()
        .position(|c| c.subject == Subject::newcomer("nc-2468-3571"))
        .unwrap();
    d.privacy.consents[k].attributes.clear();
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        })
        .unwrap();
    assert!(
        run.withheld
            .iter()
            .any(|w| w.subject == Subject::newcomer("nc-2468-3571")
                && w.attribute == "newcomer.preferences"
                && w.rules == vec![RuleId::from("wishes-respected")])
    );
    assert!(
        !run.sensitive_uses
            .iter()
            .any(|u| u.subject == Subject::newcomer("nc-2468-3571"))
    );
    if let Some(m) = run
        .matches
        .iter()
        .find(|m| m.newcomer.as_str() == "nc-2468-3571")
    {
        let o = m
            .explanation
            .iter()
            .find(|o| o.rule.as_str() == "wishes-respected")
            .unwrap();
        assert!(o.text.en.contains("was not applied"));
        assert_eq!(o.points, 0.0);
    }
    // The not-applied statement is the same for every household: it depends on the consent,
    // never on what the household wished.
    let texts: std::collections::HashSet<String> = run
        .withheld
        .iter()
        .filter(|w| w.attribute == "newcomer.preferences")
        .map(|w| w.text.en.clone())
        .collect();
    assert_eq!(texts.len(), 1);
}

#[test]
fn an_offer_without_a_basis_for_its_certificate_is_kept_from_children() {
    // The football team's certificate is not covered: with a place free, households with
    // children still cannot be matched to it.
    let mut d = ikast();
    let j = d
        .offers
        .iter()
        .position(|o| o.id.as_str() == "vvv-football-kids")
        .unwrap();
    d.offers[j].places_taken = 0;
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        })
        .unwrap();
    let children: Vec<&Newcomer> = d.cohorts[0]
        .newcomers
        .iter()
        .filter(|n| n.household.has_child_under(18))
        .collect();
    for m in run
        .matches
        .iter()
        .filter(|m| m.offer.as_str() == "vvv-football-kids")
    {
        assert!(children.iter().all(|n| n.id != m.newcomer));
    }
    assert!(
        run.withheld
            .iter()
            .any(|w| w.subject == Subject::offer("vvv-football-kids"))
    );
}

#[test]
fn consented_runs_over_profile_lists_gate_the_same_way() {
    let d = ikast();
    let register = brobygger::privacy::Register::of(&d);
    let run = brobygger::privacy::run_consented(
        &d.rule_sets[0],
        &d.cohorts[0].newcomers,
        &d.offers,
        MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        &register,
    )
    .unwrap();
    let stored = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
        })
        .unwrap();
    assert_eq!(run.matches, stored.matches);
    assert_eq!(run.withheld, stored.withheld);
    // An empty register leaves everyone out.
    let empty = Privacy::default();
    let none = brobygger::privacy::Register::new(&empty, &[], &d.offers);
    let run = brobygger::privacy::run_consented(
        &d.rule_sets[0],
        &d.cohorts[0].newcomers,
        &d.offers,
        date("2016-04-01"),
        &none,
    )
    .unwrap();
    assert!(run.matches.is_empty() && run.unmatched.is_empty());
    assert_eq!(
        run.withheld.len(),
        d.cohorts[0].newcomers.len() + d.offers.len()
    );
}

#[test]
fn withdrawal_marks_the_runs_and_data_that_depended_on_it() {
    let mut d = with_run(ikast());
    let before = d.clone();
    // nc-6402-1185's consent covered its wishes, used by the stored run.
    let report = d
        .privacy_mut()
        .withdraw_consent(&"c-vvv-2016-003".into(), date("2016-04-10"))
        .unwrap();
    assert_eq!(report.dependent_runs.len(), 1);
    assert_eq!(report.closed_proposals, vec![ProposalId::from("mp-2")]);
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"privacy.run_uses_withdrawn_consent"));
    assert!(codes.contains(&"privacy.sensitive_data_after_withdrawal"));
    assert!(codes.contains(&"privacy.proposal_closed_by_withdrawal"));
    // Validation shows the same marks afterwards, with paths that resolve.
    let findings = d.validate();
    let doc: Value = serde_json::from_str(&d.to_json().unwrap()).unwrap();
    for code in [
        "privacy.run_uses_withdrawn_consent",
        "privacy.sensitive_data_after_withdrawal",
    ] {
        let f = findings.with_code(code);
        assert!(!f.is_empty(), "{code}");
        assert!(f.iter().all(|f| f.path.resolves_in(&doc)), "{code}");
    }
    assert!(!findings.has_errors());
    // A second withdrawal, an unknown consent, or a day before the consent: refused, unchanged.
    let after = d.clone();
    for (id, on, code) in [
        ("c-vvv-2016-003", "2016-07-01", "privacy.already_withdrawn"),
        ("c-nope", "2016-07-01", "not_found.consent"),
        ("c-vvv-2016-001", "2015-01-01", "privacy.date_before"),
    ] {
        let e = d
            .privacy_mut()
            .withdraw_consent(&id.into(), date(on))
            .unwrap_err();
        assert_eq!(e.code(), code);
        assert_eq!(d, after);
    }
    assert_ne!(before, after);
}

#[test]
fn release_needs_both_acceptances_and_a_current_basis() {
    let mut d = ikast();
    let id = d
        .privacy_mut()
        .propose(ProposeMatch {
            newcomer: "nc-9035-4418".into(),
            offer: "vvv-lm-bording".into(),
            at: ts("2016-04-05T09:00:00Z"),
            expires_on: None,
            run: None,
            id: None,
            by: None,
        })
        .unwrap();
    assert_eq!(id.as_str(), "mp-5");
    let release = |d: &mut Dossier, at: &str| {
        d.privacy_mut().release(ReleaseRequest {
            proposal: id.clone(),
            at: ts(at),
            to_volunteer: vec![ContactField::Name, ContactField::Phone],
            to_household: vec![ContactField::Name],
            by: None,
        })
    };
    let snapshot = d.clone();
    assert_eq!(
        release(&mut d, "2016-04-05T10:00:00Z").unwrap_err().code(),
        "privacy.release_before_acceptance"
    );
    assert_eq!(
        d.privacy_mut()
            .accept(
                &id,
                ProposalSide::Volunteer,
                ts("2016-04-05T10:00:00Z"),
                None
            )
            .unwrap_err()
            .code(),
        "privacy.out_of_order"
    );
    assert_eq!(d, snapshot);
    d.privacy_mut()
        .accept(
            &id,
            ProposalSide::Newcomer,
            ts("2016-04-06T10:00:00Z"),
            None,
        )
        .unwrap();
    assert_eq!(
        release(&mut d, "2016-04-06T11:00:00Z").unwrap_err().code(),
        "privacy.release_before_acceptance"
    );
    d.privacy_mut()
        .accept(
            &id,
            ProposalSide::Volunteer,
            ts("2016-04-07T10:00:00Z"),
            None,
        )
        .unwrap();
    let out = release(&mut d, "2016-04-07T11:00:00Z").unwrap();
    assert_eq!(out.len(), 2);
    let manifest = d
        .privacy()
        .manifest(Some(date("2016-04-07")), Some(date("2016-04-08")));
    assert_eq!(manifest.entries.len(), 2);
    assert!(manifest.entries[0].reason.en.contains("c-vvv-2016-006"));
    assert!(manifest.markdown(Lang::Da).contains("contact.phone"));
    assert_eq!(
        release(&mut d, "2016-04-08T11:00:00Z").unwrap_err().code(),
        "privacy.proposal_closed"
    );
}

#[test]
fn an_expired_consent_blocks_a_release_by_name() {
    let mut d = ikast();
    // nc-3817-2204's consent lapsed on 2017-01-11.
    let id = d
        .privacy_mut()
        .propose(ProposeMatch {
            newcomer: "nc-3817-2204".into(),
            offer: "vvv-cf-ikast-1".into(),
            at: ts("2017-01-02T09:00:00Z"),
            expires_on: Some(date("2017-02-01")),
            run: None,
            id: Some("mp-late".into()),
            by: None,
        })
        .unwrap();
    d.privacy_mut()
        .accept(
            &id,
            ProposalSide::Newcomer,
            ts("2017-01-05T09:00:00Z"),
            None,
        )
        .unwrap();
    d.privacy_mut()
        .accept(
            &id,
            ProposalSide::Volunteer,
            ts("2017-01-09T09:00:00Z"),
            None,
        )
        .unwrap();
    let before = d.clone();
    let e = d
        .privacy_mut()
        .release(ReleaseRequest {
            proposal: id.clone(),
            at: ts("2017-01-12T09:00:00Z"),
            to_volunteer: vec![ContactField::Phone],
            to_household: vec![],
            by: None,
        })
        .unwrap_err();
    assert_eq!(e.code(), "privacy.consent_expired");
    assert!(e.to_string().contains("c-vvv-2016-001"));
    assert_eq!(d, before);
    let e = d
        .privacy_mut()
        .propose(ProposeMatch {
            newcomer: "nc-3817-2204".into(),
            offer: "vvv-cf-ikast-2".into(),
            at: ts("2017-02-02T09:00:00Z"),
            expires_on: None,
            run: None,
            id: None,
            by: None,
        })
        .unwrap_err();
    assert_eq!(e.code(), "privacy.consent_expired");
}

#[test]
fn unknown_purposes_and_bad_records_are_clear_errors_that_change_nothing() {
    assert_eq!(
        Purpose::parse("marketing").unwrap_err().code(),
        "privacy.unknown_purpose"
    );
    let e = serde_json::from_str::<ConsentRecord>(
        r#"{"id":"c-x","subject":{"type":"newcomer","newcomer":"nc-1"},"purposes":["marketing"],"given_on":"2016-01-01","text_version":"v"}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("unknown variant"));
    let mut d = ikast();
    let before = d.clone();
    let mut c = ConsentRecord::new(
        "c-bad",
        Subject::newcomer("nc-nobody"),
        vec![],
        date("2016-01-01"),
        "",
    );
    c.attributes = vec!["newcomer.shoe_size".into(), "offer.credentials".into()];
    c.expires_on = Some(date("2015-01-01"));
    let e = d.privacy_mut().add_consent(c).unwrap_err();
    let codes: Vec<&str> = e.findings().iter().map(|f| f.code.as_str()).collect();
    for code in [
        "validation.dangling_reference",
        "privacy.no_purpose",
        "privacy.unknown_attribute",
        "privacy.attribute_of_other_subject",
        "privacy.dates_out_of_order",
        "validation.empty_text",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert_eq!(d, before);
    let bad_basis = ProcessingBasis {
        id: "b-bad".into(),
        applies_to: BasisScope::Cohort {
            cohort: "ikast-2016-q1".into(),
        },
        purpose: Purpose::ContactDisclosure,
        basis: LegalBasis::PublicTask,
        attributes: vec!["newcomer.preferences".into()],
        reference: "x".into(),
        from: date("2016-01-01"),
        until: None,
    };
    let e = d.privacy_mut().add_basis(bad_basis).unwrap_err();
    let codes: Vec<&str> = e.findings().iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"privacy.basis_does_not_fit_purpose"));
    assert!(codes.contains(&"privacy.basis_does_not_cover_attribute"));
    assert_eq!(d, before);
}

#[test]
fn a_volunteer_sees_only_households_proposed_to_their_offer() {
    let d = ikast();
    let on = date("2016-04-10");
    let v = Viewer::Volunteer {
        offer: "vvv-cf-ikast-2".into(),
    };
    let view = d
        .privacy()
        .view_newcomer(&"nc-3817-2204".into(), &v, on, None)
        .unwrap();
    let shown: Vec<&str> = view.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(shown.contains(&"newcomer.languages"));
    for never in [
        "newcomer.preferences",
        "newcomer.needs",
        "newcomer.location",
    ] {
        assert!(!shown.contains(&never) && view.withheld.contains(&never.to_owned()));
    }
    assert!(view.newcomer.preferences.is_empty() && view.newcomer.location.is_none());
    let e = d
        .privacy()
        .view_newcomer(&"nc-5120-7741".into(), &v, on, None)
        .unwrap_err();
    assert_eq!(e.code(), "privacy.not_proposed_to_volunteer");
    // Another volunteer's offer is not theirs to see.
    assert_eq!(
        d.privacy()
            .view_offer(&"vvv-cf-ikast-1".into(), &v, on)
            .unwrap_err()
            .code(),
        "not_found.offer"
    );
    // The released contact fields reach the volunteer's side only after the release.
    let m = d
        .privacy()
        .view_proposal(&"mp-1".into(), &v, on, None)
        .unwrap();
    assert_eq!(
        m.released,
        vec![
            ContactField::Name,
            ContactField::Phone,
            ContactField::Address
        ]
    );
    assert!(m.score.is_none());
    let early = d
        .privacy()
        .view_proposal(&"mp-1".into(), &v, date("2016-04-07"), None)
        .unwrap();
    assert!(early.released.is_empty());
}

#[test]
fn analysts_get_coarse_pseudonymous_records() {
    let d = ikast();
    let k = PseudonymKey::from_bytes("analysis-2016", &[9; 32]).unwrap();
    let a = d
        .privacy()
        .view_newcomer(
            &"nc-5583-2290".into(),
            &Viewer::Analyst,
            date("2016-06-01"),
            Some(&k),
        )
        .unwrap();
    assert_eq!(a.newcomer.arrival, date("2016-01-01"));
    assert_ne!(a.newcomer.id.as_str(), "nc-5583-2290");
    assert_eq!(
        a.newcomer.id.as_str(),
        k.pseudonym_of(&Subject::newcomer("nc-5583-2290"))
            .unwrap()
            .as_str()
    );
    assert_eq!(a.newcomer.household.children_ages, vec![6, 12]);
    assert!(a.newcomer.location.is_none() && a.newcomer.preferences.is_empty());
    // Ikast has 21 households in the cohort and stays; Bording (1) is merged.
    assert_eq!(a.newcomer.area.as_deref(), Some("Ikast"));
    let b = d
        .privacy()
        .view_newcomer(
            &"nc-9035-4418".into(),
            &Viewer::Analyst,
            date("2016-06-01"),
            None,
        )
        .unwrap();
    assert_eq!(b.newcomer.area.as_deref(), Some("Ikast-Brande Kommune"));
}

#[test]
fn explanations_errors_findings_and_debug_never_hold_sensitive_values() {
    let mut d = with_run(ikast());
    // Values that must never leave the records: wishes, certificates, names, contact details.
    let mut secrets: Vec<String> = vec![
        "female".into(),
        "Female".into(),
        "volunteer_gender".into(),
        "VolunteerGender".into(),
        "child_protection_certificate".into(),
        "ChildProtectionCertificate".into(),
    ];
    for p in &d.people {
        secrets.extend(
            p.name
                .split_whitespace()
                .filter(|s| s.len() > 2)
                .map(str::to_owned),
        );
        secrets.extend(p.email.clone());
        secrets.extend(p.phone.clone());
    }
    let mut seen = String::new();
    let run = d.match_runs[0].clone();
    seen.push_str(&format!("{run:?}"));
    for m in &run.matches {
        for o in &m.explanation {
            seen.push_str(&o.text.da);
            seen.push_str(&o.text.en);
        }
    }
    for u in &run.unmatched {
        for r in &u.reasons {
            seen.push_str(&r.en);
        }
    }
    for w in &run.withheld {
        seen.push_str(&w.text.da);
        seen.push_str(&w.text.en);
    }
    seen.push_str(&format!("{:?}", d.privacy));
    seen.push_str(&format!("{:?}", PseudonymKey::generate("x").unwrap()));
    for f in d
        .privacy()
        .review(
            date("2016-06-01"),
            brobygger::privacy::ReviewOptions::warn_days(30),
        )
        .into_iter()
        .chain(d.validate())
        .chain(d.privacy().retention_report(date("2020-01-01")).findings)
    {
        seen.push_str(&f.render(Lang::Da));
        seen.push_str(&f.render(Lang::En));
    }
    let report = d
        .privacy_mut()
        .withdraw_consent(&"c-vvv-2016-003".into(), date("2016-06-01"))
        .unwrap();
    for f in &report.findings {
        seen.push_str(&f.render(Lang::En));
    }
    for e in [
        d.privacy()
            .view_newcomer(
                &"nc-3817-2204".into(),
                &Viewer::Volunteer {
                    offer: "vvv-womens-group".into(),
                },
                date("2016-04-10"),
                None,
            )
            .unwrap_err(),
        d.privacy_mut()
            .release(ReleaseRequest {
                proposal: "mp-2".into(),
                at: ts("2016-04-10T10:00:00Z"),
                to_volunteer: vec![ContactField::Name],
                to_household: vec![],
                by: None,
            })
            .unwrap_err(),
    ] {
        seen.push_str(&format!("{e} {e:?}"));
    }
    for s in &secrets {
        assert!(!seen.contains(s.as_str()), "{s} leaked");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn arb_step() -> impl Strategy<Value = (u8, u8, i64)> {
    (0u8..6, 0u8..2, 0i64..30)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever steps are tried in whatever order, contact details are released only after the
    /// household and then the volunteer accepted, never twice, never after a close; a refused
    /// step changes nothing.
    #[test]
    fn no_release_before_both_acceptances(steps in prop::collection::vec(arb_step(), 1..14)) {
        let mut d = ikast();
        let id = d.privacy_mut().propose(ProposeMatch {
            newcomer: "nc-1176-9902".into(),
            offer: "vvv-cp-brande".into(),
            at: ts("2016-04-05T09:00:00Z"),
            expires_on: Some(date("2016-04-25")),
            run: None,
            id: None,
            by: None,
        }).unwrap();
        let mut at = ts("2016-04-05T09:00:00Z");
        for (op, side, hours) in steps {
            at += chrono::Duration::hours(hours);
            let side = if side == 0 { ProposalSide::Newcomer } else { ProposalSide::Volunteer };
            let before = d.clone();
            let r = match op {
                0 | 1 => d.privacy_mut().accept(&id, side, at, None).map(|_| ()),
                2 => d.privacy_mut().decline(&id, side, at, None).map(|_| ()),
                3 => d.privacy_mut().withdraw_proposal(&id, at, None).map(|_| ()),
                _ => d.privacy_mut().release(ReleaseRequest {
                    proposal: id.clone(),
                    at,
                    to_volunteer: vec![ContactField::Phone],
                    to_household: vec![ContactField::Name],
                    by: None,
                }).map(|_| ()),
            };
            if r.is_err() {
                prop_assert_eq!(&d, &before);
            }
        }
        let p = d.privacy().proposal(&id).unwrap();
        let kinds: Vec<&ProposalEventKind> = p.events.iter().map(|e| &e.kind).collect();
        if let Some(r) = kinds.iter().position(|k| matches!(k, ProposalEventKind::Released { .. })) {
            let n = kinds.iter().position(|k| matches!(k, ProposalEventKind::AcceptedByNewcomer));
            let v = kinds.iter().position(|k| matches!(k, ProposalEventKind::AcceptedByVolunteer));
            prop_assert!(matches!((n, v), (Some(n), Some(v)) if n < v && v < r));
            prop_assert_eq!(r, kinds.len() - 1);
        }
        prop_assert!(!d.validate().has_errors());
    }
}

fn arb_household(k: usize) -> impl Strategy<Value = Newcomer> {
    use brobygger::matching::{Gender, Household, LanguageLevel, LanguageSkill, Need, Preference};
    (
        0i64..700,
        0i64..60,
        prop::sample::select(vec!["Ikast", "Brande", "Bording", "Ikast", "Ikast"]),
        prop::collection::vec(0u32..18, 0..4),
        prop::collection::vec(prop::sample::select(Need::STANDARD.to_vec()), 0..3),
        prop::sample::select(vec!["ar", "ti", "so", "prs"]),
        any::<bool>(),
    )
        .prop_map(move |(arrive, wait, area, kids, needs, lang, pref)| {
            let arrival = date("2016-01-01") + chrono::Duration::days(arrive);
            let mut n = Newcomer::new(format!("nc-{:04}-{:04}", 1000 + k, 7000 + k), arrival);
            n.waiting_since = Some(arrival + chrono::Duration::days(wait));
            n.area = Some(area.into());
            n.household = Household {
                adults: 1 + (k as u32 % 2),
                children_ages: kids,
            };
            n.needs = needs;
            n.languages = vec![LanguageSkill::new(lang, LanguageLevel::Native)];
            if pref {
                n.preferences = vec![Preference::VolunteerGender {
                    gender: Gender::Female,
                }];
            }
            n
        })
}

fn arb_households() -> impl Strategy<Value = Vec<Newcomer>> {
    (1usize..12).prop_flat_map(|n| (0..n).map(arb_household).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Anonymising a cohort (with its consents, proposals, introductions and a stored run)
    /// leaves no original id or name, keeps every link, and keeps the statistics.
    #[test]
    fn anonymisation_keeps_links_and_statistics_and_no_original(
        households in arb_households(),
        names in prop::collection::vec("Q[a-z]{4,8} X[a-z]{4,8}", 1..4),
        keyed in any::<bool>(),
    ) {
        let mut d = ikast();
        d.privacy = Privacy::default();
        d.cohorts[0].introductions.clear();
        // The example's follow-ups are of its own households, which this case replaces.
        d.outcomes.clear();
        d.cohorts[0].newcomers = households.clone();
        for (k, n) in households.iter().enumerate() {
            let mut c = ConsentRecord::new(
                format!("c-{k}"),
                Subject::newcomer(n.id.clone()),
                vec![Purpose::Matching, Purpose::ContactDisclosure, Purpose::Statistics],
                n.arrival,
                "v1",
            );
            c.attributes = vec!["newcomer.preferences".into()];
            d.privacy.consents.push(c);
            d.matching_mut().record_introduction(&"ikast-2016-q1".into(), matching::IntroductionRecord {
                newcomer: n.id.clone(),
                on: n.arrival + chrono::Duration::days(10 + k as i64),
                setting: matching::IntroductionSetting::FollowUpConversation,
                offers: vec![],
                by: None,
            }).unwrap();
        }
        for o in d.offers.clone() {
            d.privacy.consents.push(ConsentRecord::new(
                format!("c-{}", o.id), Subject::offer(o.id.clone()), vec![Purpose::Matching], date("2015-01-01"), "v1"));
        }
        // Staff with random names, one of them named in a meeting note.
        for (k, name) in names.iter().enumerate() {
            let len = d.people.len();
            d.people[k % len].name = name.clone();
        }
        if let Some(h) = d.agreements[0].history.first_mut() {
            h.note = Some(format!("Underskrevet af {}.", names[0]));
        }
        let as_of = households.iter().map(|n| n.arrival).max().unwrap();
        let run = d.matching().match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Greedy, as_of),
        }).unwrap();
        d.matching_mut().add_run(run).unwrap();
        if let Some(m) = d.match_runs[0].matches.first().cloned() {
            let run = Some(d.match_runs[0].id.clone());
            d.privacy_mut().propose(ProposeMatch {
                newcomer: m.newcomer, offer: m.offer, at: common_at(as_of),
                expires_on: None, run, id: None, by: None,
            }).unwrap();
        }
        prop_assert!(!d.validate().has_errors(), "{:?}", d.validate());
        let key = PseudonymKey::from_bytes("research", &[3; 32]).unwrap();
        let (a, report) = d
            .privacy().anonymised(&AnonymiseOptions::new(AnonymisationScope::Everyone, date("2030-01-01")), keyed.then_some(&key))
            .unwrap();
        prop_assert_eq!(report.households as usize, households.len());
        // No original id or name survives anywhere.
        let text = a.to_json().unwrap();
        for old in originals(&d) {
            prop_assert!(!text.contains(&old), "{} survived", old);
        }
        for name in &names {
            for part in name.split(' ') {
                prop_assert!(!text.contains(part), "{} survived", part);
            }
        }
        // Links stay: the result validates (no dangling reference), and each household keeps
        // its consent, introduction, matches and proposal under its new id.
        prop_assert!(!a.validate().has_errors(), "{:?}", a.validate());
        for n in &a.cohorts[0].newcomers {
            prop_assert!(a.privacy.consents.iter().any(|c| c.subject == Subject::newcomer(n.id.clone())));
            prop_assert!(a.cohorts[0].introductions.iter().any(|r| r.newcomer == n.id));
            prop_assert!(n.preferences.is_empty() && n.location.is_none());
        }
        prop_assert_eq!(d.match_runs[0].matches.len(), a.match_runs[0].matches.len());
        prop_assert_eq!(d.privacy.proposals.len(), a.privacy.proposals.len());
        // Statistics: the same counts, waiting days and days to introductions, and every
        // quarter of arrival unchanged.
        prop_assert_eq!(statistics(&d), statistics(&a));
        // Retention does not take the anonymised households again.
        prop_assert_eq!(a.privacy.anonymisations[0].records.len(), households.len() + d.people.len());
        // Keyed: reproducible; random: not.
        let again = d.privacy().anonymised(&AnonymiseOptions::new(AnonymisationScope::Everyone, date("2030-01-01")), keyed.then_some(&key)).unwrap().0;
        prop_assert_eq!(keyed, again.cohorts[0].newcomers[0].id == a.cohorts[0].newcomers[0].id);
    }

    /// Suppression never shows a count under the threshold, and never leaves exactly one
    /// hidden cell among cells that add up to a shown total.
    #[test]
    fn suppression_leaves_nothing_recomputable(counts in prop::collection::vec(1u32..12, 1..8), min in 1u32..8) {
        let states = brobygger::privacy::suppress(&counts, min, true);
        for (c, s) in counts.iter().zip(&states) {
            if *c < min { prop_assert_eq!(*s, Some(Suppression::Primary)); }
        }
        let hidden = states.iter().filter(|s| s.is_some()).count();
        prop_assert!(hidden != 1 || counts.len() == 1);
    }

    /// Privacy records round-trip through JSON.
    #[test]
    fn privacy_records_round_trip(seed in any::<u64>()) {
        let mut d = ikast();
        let run = with_run(ikast()).match_runs[0].clone();
        d.matching_mut().add_run(run).unwrap();
        d.privacy.consents[(seed % 10) as usize].withdrawn_on = Some(date("2016-12-01"));
        let back = Dossier::from_json(&d.to_json().unwrap()).unwrap();
        prop_assert_eq!(back, d);
    }
}

fn common_at(d: NaiveDate) -> Timestamp {
    brobygger::start_of_day(d)
}
