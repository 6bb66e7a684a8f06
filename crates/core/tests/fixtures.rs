#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The shared fixture corpus (`tests/fixtures/`), read the same way by pytest and Kotlin.

mod common;

use brobygger::{BrobyggerError, Dossier, Example, Lang, SummaryOptions};
use serde_json::{Value, json};
use std::fs;

fn cases(dir: &str) -> Vec<(String, std::path::PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(common::fixtures().join(dir))
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
    out.sort();
    assert!(!out.is_empty(), "no cases in {dir}");
    out
}

#[test]
fn validation_cases_report_every_expected_finding() {
    for (name, input) in cases("validation") {
        let d = Dossier::load(&input).unwrap();
        let actual: Vec<Value> = d
            .validate()
            .iter()
            .map(|f| json!({"severity": f.severity, "code": f.code, "path": f.path}))
            .collect();
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(input.with_file_name(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(Value::Array(actual), expected["findings"], "case {name}");
    }
}

#[test]
fn load_error_cases_fail_with_the_expected_kind_code_and_path() {
    for (name, input) in cases("load-errors") {
        let err = Dossier::load(&input).unwrap_err();
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(input.with_file_name(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        let (kind, path) = match &err {
            BrobyggerError::Parse { path, .. } => ("parse", path.clone()),
            BrobyggerError::UnsupportedVersion { .. } => ("unsupported_version", String::new()),
            other => panic!("case {name}: unexpected error {other:?}"),
        };
        assert_eq!(kind, expected["kind"], "case {name}");
        assert_eq!(err.code(), expected["code"], "case {name}");
        assert_eq!(path, expected["path"], "case {name}");
    }
}

#[test]
fn golden_summaries_and_findings_of_the_examples() {
    let golden = common::fixtures().join("golden");
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        for lang in [Lang::Da, Lang::En] {
            let summary = d.summary(SummaryOptions {
                lang,
                as_of: Some("2019-06-30".parse().unwrap()),
            });
            common::golden(
                &golden.join(format!("summary-{}-{}.txt", e.name(), lang.code())),
                &summary,
            );
        }
        let findings = serde_json::to_string_pretty(&d.validate()).unwrap() + "\n";
        common::golden(
            &golden.join(format!("validate-{}.json", e.name())),
            &findings,
        );
    }
}
