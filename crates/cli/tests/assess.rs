//! `brobygger assess` and `brobygger report`: the same output as the library, clear errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn bin() -> Command {
    Command::cargo_bin("brobygger").unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn assess_prints_every_agreement_or_one_as_json() {
    let text = stdout(&[
        "assess",
        "--example",
        "ikast-brande",
        "--as-of",
        "2019-06-30",
        "--lang",
        "en",
    ]);
    assert!(text.contains("## Assessment: Samarbejdskontrakt"));
    assert!(text.contains("## Assessment: Praktik på plejehjem"));
    assert!(text.contains("Findings and advice"));
    let json = stdout(&[
        "assess",
        "--example",
        "aalborg",
        "--agreement",
        "aalborg-lbb",
        "--as-of",
        "2017-06-30",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["agreement"], "aalborg-lbb");
    assert_eq!(v[0]["overall"], 83);
    // The role split and the checklists are weighed without being asked for.
    assert_eq!(
        v[0]["external_sources"],
        serde_json::json!(["roles", "checklists"])
    );
}

#[test]
fn report_matches_the_golden_file_and_writes_files() {
    let md = stdout(&[
        "report",
        "--example",
        "horsens",
        "--as-of",
        "2017-08-01",
        "--lang",
        "en",
    ]);
    let golden =
        std::fs::read_to_string(fixtures().join("assessment/golden/report-horsens-lawan-en.md"))
            .unwrap();
    assert_eq!(md, golden);
    let dir = std::env::temp_dir().join(format!("brobygger-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("aalborg.html");
    bin()
        .args([
            "report",
            "--example",
            "aalborg",
            "--agreement",
            "aalborg-lbb",
            "--as-of",
            "2017-06-30",
            "--format",
            "html",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    let golden =
        std::fs::read_to_string(fixtures().join("assessment/golden/report-aalborg-lbb-da.html"))
            .unwrap();
    assert_eq!(html, golden);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Dates on the command line are read in the forms spreadsheet cells accept (issue 20).
#[test]
fn day_first_dates_are_read_as_cells_read_them() {
    let iso = bin()
        .args([
            "assess",
            "--example",
            "aalborg",
            "--as-of",
            "2017-06-30",
            "--json",
        ])
        .assert()
        .code(0);
    for day_first in ["30-06-2017", "30.06.2017"] {
        let out = bin()
            .args([
                "assess",
                "--example",
                "aalborg",
                "--as-of",
                day_first,
                "--json",
            ])
            .assert()
            .code(0);
        assert_eq!(out.get_output().stdout, iso.get_output().stdout);
    }
}

#[test]
fn bad_requests_are_clear_errors_with_exit_2() {
    for (args, needle) in [
        (
            vec!["report", "--example", "ikast-brande"],
            "choose one with --agreement: ikast-vvv, ikast-nursing-internships",
        ),
        (
            vec!["assess", "--example", "aalborg", "--as-of", "06/30/2017"],
            "expected YYYY-MM-DD or DD-MM-YYYY",
        ),
        (
            vec!["assess", "--example", "aalborg", "--agreement", "nope"],
            "not_found.agreement",
        ),
    ] {
        // The reasons are the English ones; the default language gives the code's Danish text.
        let out = bin().args(&args).args(["--lang", "en"]).assert().code(2);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    let out = bin()
        .args(["assess", "--example", "aalborg", "--agreement", "nope"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("not_found.agreement: Der er ingen aftale med id nope."),
        "{err}"
    );
}
