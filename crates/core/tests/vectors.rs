#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Cross-language golden vectors (`tests/fixtures/vectors/`): each case names an operation and
//! its inputs; the expected file is the operation's result in a small, fixed JSON shape that
//! Rust (here), Kotlin (`tests/kotlin/VectorsTest.kt`) and Python (`tests/python/test_vectors.py`)
//! each build from their own API's typed results. Compared parsed, not as text.
//! `BROBYGGER_BLESS=1` rewrites the expected files from Rust.

mod common;

use brobygger::assessment::{AssessmentOptions, ReportBlock};
use brobygger::matching::{MatchOptions, MatchRequest, MatchRun, RuleSet};
use brobygger::*;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    common::fixtures().join("vectors")
}

/// A vocabulary value as its file-format string (`snake_case`), as Kotlin's `name.lowercase()`
/// and Python's strings give it.
fn word<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn text(t: &Text) -> Value {
    json!({"da": t.da, "en": t.en})
}

fn finding(f: &Finding) -> Value {
    json!({
        "severity": word(&f.severity),
        "code": f.code,
        "path": f.path.to_string(),
        "da": f.text.da,
        "en": f.text.en,
    })
}

fn findings(fs: &[Finding]) -> Value {
    Value::Array(fs.iter().map(finding).collect())
}

fn s<'a>(input: &'a Value, key: &str) -> &'a str {
    input[key]
        .as_str()
        .unwrap_or_else(|| panic!("input field {key} missing"))
}

fn date(input: &Value, key: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s(input, key), "%Y-%m-%d").unwrap()
}

fn dossier(input: &Value) -> Dossier {
    let name = s(input, "dossier");
    match name.strip_prefix("example:") {
        Some(example) => Dossier::example(example).unwrap(),
        None => Dossier::load(dir().join(name)).unwrap(),
    }
}

fn file(input: &Value, key: &str) -> String {
    std::fs::read_to_string(dir().join(s(input, key))).unwrap()
}

fn run_of(run: &MatchRun) -> Value {
    json!({
        "matches": run.matches.iter().map(|m| json!({
            "newcomer": m.newcomer.to_string(),
            "offer": m.offer.to_string(),
            "score": m.score,
        })).collect::<Vec<_>>(),
        "unmatched": run.unmatched.iter().map(|u| u.newcomer.to_string()).collect::<Vec<_>>(),
        "total_score": run.statistics.total_score,
    })
}

fn options(input: &Value) -> MatchOptions {
    MatchOptions {
        solver: serde_json::from_value(input["solver"].clone()).unwrap(),
        as_of: date(input, "as_of"),
        offer_ranking: serde_json::from_value(input["offer_ranking"].clone()).unwrap(),
        id: input["run_id"].as_str().map(Into::into),
        bases: Vec::new(),
        explain: Default::default(),
    }
}

fn block(b: &ReportBlock) -> Value {
    let (kind, t, size) = match b {
        ReportBlock::Paragraph { text: t } => ("paragraph", Some(t), None),
        ReportBlock::Heading { text: t } => ("heading", Some(t), None),
        ReportBlock::Bullets { items } => ("bullets", None, Some(items.len())),
        ReportBlock::Table { rows, .. } => ("table", None, Some(rows.len())),
        ReportBlock::Matrix { map } => ("matrix", None, Some(map.rows.len())),
    };
    json!({"type": kind, "text": t.map(text), "size": size})
}

/// Runs one case and projects its result into the vector shape.
fn run(input: &Value) -> Value {
    match s(input, "operation") {
        "validate" => json!({"findings": findings(&dossier(input).validate())}),
        "party_duties" => {
            let d = dossier(input);
            let party = PartyRef::parse_key(s(input, "party")).unwrap();
            let duties = d
                .roles(&s(input, "agreement").into())
                .duties(&party, RoleOptions::default())
                .unwrap();
            json!({"duties": duties.iter().map(|x| json!({
                "task": x.task.key,
                "role": word(&x.assignment.role),
                "carried_by": x.assignment.carried_by.as_ref().map(word),
            })).collect::<Vec<_>>()})
        }
        "checklist_alignment" => {
            let a = dossier(input)
                .checklists()
                .alignment(&s(input, "agreement").into(), &s(input, "template").into())
                .unwrap();
            json!({
                "score": a.score,
                "coverage": a.coverage,
                "open_critical": a.counts.open_critical,
                "items": a.items.iter().map(|i| json!({
                    "item": i.item.to_string(),
                    "status": word(&i.status),
                    "score": i.score,
                })).collect::<Vec<_>>(),
                "findings": findings(&a.findings),
            })
        }
        "match_run" => {
            let text = file(input, "rules");
            let rules = if s(input, "rules").ends_with(".toml") {
                RuleSet::from_toml(&text)
            } else {
                RuleSet::from_json(&text)
            }
            .unwrap();
            let newcomers =
                brobygger::matching::newcomers_from_json(&file(input, "newcomers")).unwrap();
            let offers = brobygger::matching::offers_from_json(&file(input, "offers")).unwrap();
            run_of(&brobygger::matching::run(&rules, &newcomers, &offers, options(input)).unwrap())
        }
        "volunteer_view" => {
            let mut d = dossier(input);
            let r = d
                .matching()
                .match_cohort(&MatchRequest {
                    cohort: s(input, "cohort").into(),
                    rule_set: s(input, "rule_set").into(),
                    options: options(input),
                })
                .unwrap();
            let id = r.id.clone();
            d.matching_mut().add_run(r).unwrap();
            let views = d
                .matching()
                .volunteer_view(&id, &s(input, "offer").into())
                .unwrap();
            json!({"views": views.iter().map(|v| json!({
                "newcomer": v.newcomer.to_string(),
                "shared": v.shared.iter().map(|f| json!({
                    "field": f.field, "da": f.value.da, "en": f.value.en,
                })).collect::<Vec<_>>(),
                "explanation": v.explanation.iter().map(text).collect::<Vec<_>>(),
            })).collect::<Vec<_>>()})
        }
        "introductions_due" => {
            let due = dossier(input)
                .matching()
                .introductions_due(&s(input, "cohort").into(), date(input, "on"))
                .unwrap();
            json!({"findings": findings(&due)})
        }
        "assessment" => {
            let a = dossier(input)
                .assessment()
                .assess(
                    &s(input, "agreement").into(),
                    AssessmentOptions::new(date(input, "as_of")),
                )
                .unwrap();
            json!({
                "overall": a.overall,
                "dimensions": a.dimensions.iter().map(|x| json!({
                    "dimension": word(&x.dimension),
                    "score": x.score,
                    "met": x.met,
                    "applicable": x.applicable,
                    "not_assessed": x.not_assessed,
                })).collect::<Vec<_>>(),
                "checks": a.checks.iter().map(|c| json!({
                    "code": c.code,
                    "status": word(&c.status),
                    "credit": c.credit,
                })).collect::<Vec<_>>(),
            })
        }
        "report_sections" => {
            let sections = dossier(input)
                .assessment()
                .report_sections(&s(input, "agreement").into(), date(input, "as_of"))
                .unwrap();
            json!({"sections": sections.iter().map(|x| json!({
                "slot": word(&x.slot),
                "blocks": x.blocks.iter().map(block).collect::<Vec<_>>(),
            })).collect::<Vec<_>>()})
        }
        other => panic!("unknown operation {other}"),
    }
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p
                .file_name()?
                .to_str()?
                .strip_suffix(".input.json")?
                .to_owned();
            Some((name, p))
        })
        .collect();
    found.sort();
    found
}

fn expected_path(input: &Path) -> PathBuf {
    let name = input.file_name().unwrap().to_str().unwrap();
    input.with_file_name(name.replace(".input.json", ".expected.json"))
}

#[test]
fn vectors_give_the_expected_json() {
    let cases = cases();
    assert!(cases.len() >= 12, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (name, path) in &cases {
        let input: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let actual = run(&input);
        let out = expected_path(path);
        if common::bless() {
            let mut text = serde_json::to_string_pretty(&actual).unwrap();
            text.push('\n');
            std::fs::write(&out, text).unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&out)
                .unwrap_or_else(|_| panic!("missing {} (BROBYGGER_BLESS=1)", out.display())),
        )
        .unwrap();
        if expected != actual {
            failed.push(name.clone());
        }
    }
    assert!(
        failed.is_empty(),
        "vectors differ: {failed:?}; rerun with BROBYGGER_BLESS=1 and review the diff"
    );
}

#[test]
fn every_operation_has_a_vector_and_no_result_is_empty() {
    let mut ops = std::collections::BTreeSet::new();
    for (name, path) in cases() {
        let input: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        ops.insert(s(&input, "operation").to_owned());
        // A vector whose lists are empty proves little about the conversion; the few cases that
        // show "nothing to report" say so.
        if input["expect_empty"] != Value::Bool(true) {
            let result = run(&input);
            let obj = result.as_object().unwrap();
            for (key, v) in obj {
                if let Value::Array(items) = v {
                    assert!(!items.is_empty(), "{name}: {key} is empty");
                }
            }
        }
    }
    let want = [
        "assessment",
        "checklist_alignment",
        "introductions_due",
        "match_run",
        "party_duties",
        "report_sections",
        "validate",
        "volunteer_view",
    ];
    assert_eq!(ops.into_iter().collect::<Vec<_>>(), want);
}
