//! The `brobygger` binary on good and bad input: exit codes and messages, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn bin() -> Command {
    Command::cargo_bin("brobygger").unwrap()
}

#[test]
fn demo_summarises_every_example() {
    let out = bin().args(["demo", "--lang", "en"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for title in ["Aalborg", "Ikast-Brande", "Horsens", "Østerbyen"] {
        assert!(text.contains(title), "{title} missing");
    }
    assert!(text.contains("0 errors"));
    // Each example's health on its own day: scores, role split and checklists.
    for day in ["2017-06-30", "2019-06-30", "2017-08-01", "2022-06-01"] {
        let section = format!("## Health as of {day}");
        assert!(text.contains(&section), "{section} missing");
    }
    assert_eq!(
        text.matches("  - overall ").count(),
        5,
        "one headline per agreement"
    );
    assert_eq!(text.matches("  - Role split (version ").count(), 5);
    assert_eq!(text.matches("  - Checklists: ").count(), 5);
    assert!(text.contains("allow signing: no (1 blocking finding)"));
}

#[test]
fn demo_writes_every_agreements_report_in_both_formats() {
    let dir = std::env::temp_dir().join(format!("brobygger-demo-{}", std::process::id()));
    let out = bin()
        .args(["demo", "--lang", "en", "--out"])
        .arg(&dir)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Written:"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "aalborg.db",
            "dossier-ikast-brande.json",
            "esbjerg.db",
            "horsens.db",
            "ikast-brande.db",
            "match-ikast-2016-q1.csv",
            "match-ikast-2016-q1.json",
            "report-aalborg-lbb-en.html",
            "report-aalborg-lbb-en.md",
            "report-esbjerg-medvind-en.html",
            "report-esbjerg-medvind-en.md",
            "report-horsens-lawan-en.html",
            "report-horsens-lawan-en.md",
            "report-ikast-nursing-internships-en.html",
            "report-ikast-nursing-internships-en.md",
            "report-ikast-vvv-en.html",
            "report-ikast-vvv-en.md",
        ]
    );
    // The same reports as the library's on the example's own day (the golden files).
    let golden = fixtures().join("assessment/golden");
    for name in [
        "report-horsens-lawan-en.md",
        "report-horsens-lawan-en.html",
        "report-aalborg-lbb-en.md",
    ] {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).unwrap(),
            std::fs::read_to_string(golden.join(name)).unwrap(),
            "{name}"
        );
    }
    // Ikast-Brande's reports weigh the run the demo made and stored: 28 households unmatched
    // (11 offers with 30 places for 48 households).
    let ikast = std::fs::read_to_string(dir.join("report-ikast-vvv-en.md")).unwrap();
    assert!(
        ikast.contains("28 of 48 households got no match in the run"),
        "{ikast}"
    );
    assert!(!ikast.contains("no stored matching run"));
    // The dossier written holds the run and loads back valid.
    let d = brobygger::Dossier::load(dir.join("dossier-ikast-brande.json")).unwrap();
    assert_eq!(d.match_runs.len(), 1);
    assert!(!brobygger::FindingsExt::has_errors(d.validate().as_slice()));
    // The demo ran on a store: the same dossier is in it, with the run in its audit trail.
    let store = brobygger_store::Store::open(dir.join("ikast-brande.db")).unwrap();
    assert_eq!(store.dossier().unwrap(), d);
    assert!(store.verify().unwrap().is_intact());
    assert!(
        store
            .log()
            .unwrap()
            .iter()
            .any(|e| e.operation == "match" && e.collection == "match_runs")
    );
    assert!(text.contains("recorded; the chain is intact."));
    std::fs::remove_dir_all(&dir).unwrap();
    // One example, another day; a bad date is a clear error.
    let out = bin()
        .args([
            "demo",
            "--example",
            "horsens",
            "--as-of",
            "2019-01-15",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    assert!(
        String::from_utf8_lossy(&out.get_output().stdout).contains("## Health as of 2019-01-15")
    );
    bin().args(["demo", "--as-of", "soon"]).assert().code(2);
    bin().args(["demo", "--example", "odense"]).assert().code(2);
}

#[test]
fn validate_reports_every_problem_and_exits_1() {
    let out = bin()
        .arg("validate")
        .arg(fixtures().join("validation/many-problems.input.json"))
        .args(["--lang", "en"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.lines().count() >= 30, "{text}");
    assert!(text.contains("agreements[0].versions[0].terms.term.end"));
}

#[test]
fn bad_files_are_clear_errors_with_exit_2() {
    for case in ["truncated", "binary", "newer-version", "wrong-type"] {
        let out = bin()
            .arg("validate")
            .arg(fixtures().join(format!("load-errors/{case}.input.json")))
            .assert()
            .code(2);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.starts_with("brobygger: load."), "{case}: {err}");
        assert!(!err.contains("panicked"), "{case}: {err}");
    }
    let out = bin()
        .args(["validate", "/no/such/file.json"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("load.io"));
    bin()
        .args(["summary", "--example", "odense"])
        .assert()
        .code(2);
    bin()
        .args(["summary", "--example", "aalborg", "--as-of", "1. juni"])
        .assert()
        .code(2);
}

#[test]
fn example_output_loads_back_and_schema_is_json() {
    let out = bin().args(["example", "horsens"]).assert().success();
    let json = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        brobygger::Dossier::from_json(&json).unwrap(),
        brobygger::Dossier::example("horsens").unwrap()
    );
    let out = bin().arg("schema").assert().success();
    let schema: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(schema["title"], "Dossier");
}

#[test]
fn roles_prints_the_matrix_and_exits_1_on_split_errors() {
    let out = bin()
        .args([
            "roles",
            "--example",
            "ikast-brande",
            "--agreement",
            "ikast-vvv",
            "--lang",
            "en",
        ])
        .args(["--as-of", "2019-06-30"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let golden = std::fs::read_to_string(fixtures().join("golden/roles-ikast-vvv-en.md")).unwrap();
    assert_eq!(text, format!("{golden}\n"));

    let out = bin()
        .args(["roles", "--example", "horsens", "--format", "html"])
        .assert()
        .success();
    let html = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"da\">"));

    // Every agreement of a file; the statutory line is crossed in the fixture: exit 1.
    let out = bin()
        .arg("roles")
        .arg(fixtures().join("roles/analysis/every-finding.input.json"))
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // The finding is placed in words; its path waits in the appendix.
    assert!(text.contains("**\\[fejl\\]** Rollen for "), "{text}");
    assert!(text.contains("| `agreements[0].versions[0].terms.roles.assignments[0]` |"));
    assert_eq!(text.matches("# Rollefordeling").count(), 2);

    let out = bin()
        .args([
            "roles",
            "--example",
            "ikast-brande",
            "--format",
            "html",
            "--lang",
            "en",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("cli.agreement_needed") && err.contains("ikast-nursing-internships"));
    bin()
        .args(["roles", "--example", "horsens", "--agreement", "nope"])
        .assert()
        .code(2);
    bin()
        .args(["roles", "--example", "aalborg", "--version", "9"])
        .assert()
        .code(2);
}
