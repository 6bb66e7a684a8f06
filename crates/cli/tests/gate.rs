//! The consent gate on the command line's matching paths that read a store (issue 18, item 1):
//! `match --dossier p.db` (the store's cohort), `match --dossier p.db --store` (the run stored in
//! one audited write) and `match --dossier p.db --newcomers .. --offers ..` (files beside the
//! store's dossier) each record what the gate used and withheld, under the dossier's consents,
//! and give the same run as the core's gated entry point. The list of paths is checked against
//! the sources in crates/core/tests/gate_everywhere.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brobygger"))
}

fn fixture(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(p)
        .display()
        .to_string()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(bin())
        .current_dir(dir)
        .env("BROBYGGER_ACTOR", "coordinator-1")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    out
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-gate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The run's record of the gate: where its bases came from, and that every sensitive value it
/// read is named with its basis (the Ikast cohort reads preferences and credentials).
fn gated(run: &Value) {
    assert_eq!(run["bases_from"], "dossier", "{run}");
    let uses = run["sensitive_uses"].as_array().unwrap();
    assert!(!uses.is_empty(), "{run}");
    for u in uses {
        assert!(!u["basis"].is_null() && u["attribute"].is_string(), "{u}");
    }
}

#[test]
fn every_match_on_a_store_passes_the_gate_under_the_stores_consents() {
    let dir = scratch("store");
    let example = ok(&dir, &["example", "ikast-brande"]);
    std::fs::write(dir.join("ikast.json"), &example).unwrap();
    ok(&dir, &["db", "init", "p.db"]);
    ok(&dir, &["db", "import", "ikast.json", "p.db"]);
    let d = brobygger::Dossier::example("ikast-brande").unwrap();
    let day: brobygger::chrono::NaiveDate = "2016-04-01".parse().unwrap();

    // The store's own cohort: the same run as the core's gated cohort run.
    let out = ok(
        &dir,
        &[
            "match",
            "--dossier",
            "p.db",
            "--as-of",
            "2016-04-01",
            "--format",
            "json",
        ],
    );
    let from_store: Value = serde_json::from_str(&out).unwrap();
    gated(&from_store);
    let from_json: Value = serde_json::from_str(&ok(
        &dir,
        &[
            "match",
            "--dossier",
            "ikast.json",
            "--as-of",
            "2016-04-01",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(from_store, from_json);

    // Stored into the store in one audited write: the stored run carries the same record.
    ok(
        &dir,
        &[
            "match",
            "--dossier",
            "p.db",
            "--as-of",
            "2016-04-01",
            "--store",
            "--run-id",
            "r1",
        ],
    );
    let exported: Value = serde_json::from_str(&ok(&dir, &["db", "export", "p.db"])).unwrap();
    let stored = exported["match_runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "r1")
        .unwrap();
    gated(stored);
    assert_eq!(stored["sensitive_uses"], from_store["sensitive_uses"]);
    assert_eq!(stored["withheld"], from_store["withheld"]);

    // Files beside the store's dossier: the dossier's consents count, the files' columns not.
    let newcomers = d.cohorts[0].newcomers.clone();
    let offers = d.offers.clone();
    std::fs::write(
        dir.join("n.csv"),
        brobygger::import::newcomers_to_csv(&newcomers).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("o.csv"),
        brobygger::import::offers_to_csv(&offers).unwrap(),
    )
    .unwrap();
    let rules = fixture("matching/vvv-ikast.rules.toml");
    let beside: Value = serde_json::from_str(&ok(
        &dir,
        &[
            "match",
            "--dossier",
            "p.db",
            "--newcomers",
            "n.csv",
            "--offers",
            "o.csv",
            "--rules",
            &rules,
            "--as-of",
            "2016-04-01",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let expected = d
        .matching()
        .match_profiles(
            &brobygger::RuleSet::load(&rules).unwrap(),
            &newcomers,
            &offers,
            brobygger::MatchOptions::new(brobygger::Solver::Optimal, day),
        )
        .unwrap();
    assert_eq!(beside, serde_json::to_value(&expected).unwrap());
    gated(&beside);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `match --rematch` (the waiting households with the places left) is the core's gated rematch:
/// the same run, recorded under the dossier's consents.
#[test]
fn a_rematch_passes_the_gate_under_the_dossiers_consents() {
    let dir = scratch("rematch");
    let example = ok(&dir, &["example", "ikast-brande"]);
    std::fs::write(dir.join("ikast.json"), &example).unwrap();
    let rematched: Value = serde_json::from_str(&ok(
        &dir,
        &[
            "match",
            "--dossier",
            "ikast.json",
            "--rematch",
            "--rule-set",
            "vvv-ikast",
            "--as-of",
            "2016-04-01",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    gated(&rematched);
    let d = brobygger::Dossier::example("ikast-brande").unwrap();
    let day: brobygger::chrono::NaiveDate = "2016-04-01".parse().unwrap();
    let expected = d
        .matching()
        .rematch(&brobygger::matching::RematchRequest {
            cohort: None,
            rule_set: "vvv-ikast".into(),
            options: brobygger::MatchOptions::new(brobygger::Solver::Optimal, day),
            rematch: brobygger::matching::RematchOptions::default(),
        })
        .unwrap();
    assert_eq!(rematched, serde_json::to_value(&expected).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}
