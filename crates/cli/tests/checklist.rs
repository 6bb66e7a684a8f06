//! `brobygger checklist ...` on the examples and on template files: output, exit codes, and clear
//! errors without panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn bin() -> Command {
    Command::cargo_bin("brobygger").unwrap()
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn templates_are_listed_and_shown_as_forms_and_files() {
    let out = bin()
        .args(["checklist", "templates", "--lang", "en"])
        .assert()
        .success();
    assert_eq!(stdout(&out).lines().count(), 7);
    let out = bin()
        .args(["checklist", "show", "kem-municipal-preparation"])
        .assert()
        .success();
    assert!(stdout(&out).contains("Har kommunen en integrationspolitik?"));
    // A template printed as TOML checks as valid.
    let out = bin()
        .args([
            "checklist",
            "show",
            "joint-expectations",
            "--format",
            "toml",
        ])
        .assert()
        .success();
    let dir = std::env::temp_dir().join(format!("brobygger-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("joint.toml");
    std::fs::write(&file, stdout(&out)).unwrap();
    let out = bin()
        .args(["checklist", "check"])
        .arg(&file)
        .assert()
        .success();
    assert!(stdout(&out).contains("gyldig: joint-expectations v1 (19 punkter)"));
    bin()
        .args(["checklist", "show", "no-such"])
        .assert()
        .code(2);
}

#[test]
fn a_template_with_problems_lists_them_all_and_exits_1() {
    let out = bin()
        .args(["checklist", "check", "--lang", "en"])
        .arg(fixtures().join("checklists/templates/many-problems.input.toml"))
        .assert()
        .code(1);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 14, "{text}");
    assert!(text.contains("sections[0].items[0].weight"));
    let out = bin()
        .args(["checklist", "check", "--lang", "en"])
        .arg(fixtures().join("checklists/templates/unknown-answer-kind.input.toml"))
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("line 14"), "{err}");
    assert!(
        !err.contains("Fatima") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn compare_renders_and_readiness_exits_1_while_signing_is_blocked() {
    let out = bin()
        .args([
            "checklist",
            "compare",
            "--example",
            "horsens",
            "--agreement",
            "horsens-lawan",
            "--template",
            "joint-expectations",
            "--format",
            "html",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    let golden = std::fs::read_to_string(
        fixtures().join("golden/checklist-horsens-joint-expectations-en.html"),
    )
    .unwrap();
    assert_eq!(stdout(&out), golden);
    let out = bin()
        .args([
            "checklist",
            "readiness",
            "--example",
            "horsens",
            "--agreement",
            "horsens-lawan",
            "--lang",
            "en",
        ])
        .assert()
        .code(1);
    assert!(stdout(&out).contains("'introduce-when'"));
    let out = bin()
        .args([
            "checklist",
            "readiness",
            "--example",
            "aalborg",
            "--agreement",
            "aalborg-lbb",
        ])
        .assert()
        .success();
    assert!(stdout(&out).contains("Ingen tjekliste til forventningsafstemning"));
    bin()
        .args([
            "checklist",
            "compare",
            "--example",
            "horsens",
            "--agreement",
            "nope",
            "--template",
            "joint-expectations",
        ])
        .assert()
        .code(2);
}

#[test]
fn demo_shows_where_the_checklists_stand() {
    let out = bin()
        .args(["demo", "--example", "horsens", "--lang", "en"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("## Checklists"));
    assert!(text.contains("Checklists allow signing: no (1 blocking finding)"));
}
