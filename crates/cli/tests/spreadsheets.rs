//! Spreadsheets for people on the command line (issue 20): Danish sheets in, Excel's forms out,
//! workbooks both ways, `-` for standard input and output, dates as cells write them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::PathBuf;

fn fixture(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(p)
}

fn bin() -> Command {
    Command::cargo_bin("brobygger").unwrap()
}

/// A temporary folder of the test's own.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_danish_excel_sheet_is_read_and_its_problems_are_on_the_right_line() {
    // Saved by Excel on Windows: CRLF, Windows-1252, `;`, Danish headings and words.
    let out = bin()
        .args(["validate", "--lang", "en"])
        .arg(fixture("import/danish-crlf-newcomers.csv"))
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("danish-crlf-newcomers.csv:3:2 (arrival): [error]"),
        "{stdout}"
    );
    assert!(stdout.contains("2 rows can be used"), "{stdout}");
}

#[test]
fn excel_forms_and_workbooks_read_back_to_the_same_lists() {
    let dir = folder("excel");
    for what in ["newcomers", "offers"] {
        // Danish Excel CSV: byte-order mark, `;`, Danish headings; it validates as written.
        let out = bin()
            .args(["template", what, "--example-rows", "--excel"])
            .assert()
            .code(0);
        let csv = out.get_output().stdout.clone();
        assert!(csv.starts_with("\u{feff}Id;".as_bytes()));
        assert!(csv.windows(2).any(|w| w == b"\r\n"));
        let path = dir.join(format!("{what}.csv"));
        std::fs::write(&path, &csv).unwrap();
        let data = bin()
            .args(["template", what, "--example-rows"])
            .assert()
            .code(0);
        let data_path = dir.join(format!("{what}-data.csv"));
        std::fs::write(&data_path, &data.get_output().stdout).unwrap();
        // A workbook with Danish headings and words.
        let book = dir.join(format!("{what}.xlsx"));
        bin()
            .args(["template", what, "--example-rows", "--out"])
            .arg(&book)
            .assert()
            .code(0);
        assert!(std::fs::read(&book).unwrap().starts_with(b"PK"));
        for file in [&path, &book] {
            bin().arg("validate").arg(file).assert().code(0);
        }
    }
    // The Excel forms match like the data form: the same rows in the outcome, from standard
    // input as from a file.
    let rules = dir.join("regler.toml");
    let out = bin().args(["template", "rules"]).assert().code(0);
    std::fs::write(&rules, &out.get_output().stdout).unwrap();
    let matched = |newcomers: &PathBuf, offers: &PathBuf, extra: &[&str]| {
        let out = bin()
            .args([
                "match",
                "--as-of",
                "01-04-2016",
                "--format",
                "json",
                "--newcomers",
            ])
            .arg(newcomers)
            .arg("--offers")
            .arg(offers)
            .arg("--rules")
            .arg(&rules)
            .args(extra)
            .assert()
            .code(0);
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        (v["matches"].clone(), v["unmatched"].clone())
    };
    let data = matched(
        &dir.join("newcomers-data.csv"),
        &dir.join("offers-data.csv"),
        &[],
    );
    assert_eq!(
        matched(&dir.join("newcomers.csv"), &dir.join("offers.csv"), &[]),
        data
    );
    assert_eq!(
        matched(&dir.join("newcomers.xlsx"), &dir.join("offers.xlsx"), &[]),
        data
    );
    let stdin = bin()
        .args([
            "match",
            "--as-of",
            "2016-04-01",
            "--format",
            "csv",
            "--excel",
            "--newcomers",
            "-",
        ])
        .arg("--offers")
        .arg(dir.join("offers.xlsx"))
        .arg("--rules")
        .arg(&rules)
        .write_stdin(std::fs::read(dir.join("newcomers.csv")).unwrap())
        .assert()
        .code(0);
    let text = String::from_utf8(stdin.get_output().stdout.clone()).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}Husstand;Status;Tilbud;Point;Ventedage;Afgørende;Begrundelse\r\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(";ikke matchet;") || text.contains(";matchet;"),
        "{text}"
    );
    // `--out -` writes the workbook to standard output.
    let book = bin()
        .args([
            "match",
            "--as-of",
            "2016-04-01",
            "--format",
            "xlsx",
            "--out",
            "-",
            "--newcomers",
        ])
        .arg(dir.join("newcomers.xlsx"))
        .arg("--offers")
        .arg(dir.join("offers.xlsx"))
        .arg("--rules")
        .arg(&rules)
        .assert()
        .code(0);
    assert!(book.get_output().stdout.starts_with(b"PK"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_locked_or_half_written_workbook_is_a_clear_error() {
    let dir = folder("broken");
    let book = dir.join("nyankomne.xlsx");
    bin()
        .args(["template", "newcomers", "--example-rows", "--out"])
        .arg(&book)
        .assert()
        .code(0);
    let bytes = std::fs::read(&book).unwrap();
    std::fs::write(&book, &bytes[..bytes.len() / 2]).unwrap();
    let out = bin()
        .args(["validate", "--as", "newcomers", "--lang", "en"])
        .arg(&book)
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("import.unreadable_workbook") || stdout.contains("password"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
