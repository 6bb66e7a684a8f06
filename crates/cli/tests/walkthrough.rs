//! The coordinator's five minutes (issue 20, docs/guide/src/walkthrough.md): from the sheets
//! Excel saved (Danish headings and words, CRLF, Windows-1252) to a store, a stored match, a
//! calendar file and a report; the same sheets as `.xlsx` give the same result. Also the
//! conventions every command shares: `-` for standard input and output, day-first dates, one
//! `--format` vocabulary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/walkthrough")
        .join(p)
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("brobygger").unwrap();
    c.env("BROBYGGER_ACTOR", "test");
    c
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-walk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// `brobygger new` on the sheets into a store in `dir`, then match, calendar and report; what
/// the coordinator gets: the stored run's pairs, the calendar's event ids and the report.
fn walk(dir: &Path, newcomers: &Path, offers: &Path) -> (Vec<(String, String)>, String, String) {
    let store = dir.join("partnerskab.db");
    let out = bin()
        .args(["new", "--title", "Venner Viser Vej i Ikast-Brande"])
        .args(["--start", "01-01-2016"])
        .arg("--newcomers")
        .arg(newcomers)
        .arg("--offers")
        .arg(offers)
        .arg("--organisations")
        .arg(fixture("parter.csv"))
        .arg("--posts")
        .arg(fixture("poster.csv"))
        .arg("--rules")
        .arg(fixture("regler.toml"))
        .arg("--store")
        .arg(&store)
        .assert()
        .code(0);
    let said = text(&out.get_output().stdout);
    assert!(
        said.contains("4 husstande, 4 tilbud, 3 parter, 3 poster."),
        "{said}"
    );
    // The stored match: the store's cohort, offers and rule set, on a day-first date.
    bin()
        .args(["match", "--dossier"])
        .arg(&store)
        .args(["--as-of", "01-03-2016", "--store"])
        .assert()
        .code(0);
    let json = bin().args(["db", "export"]).arg(&store).assert().code(0);
    let d: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    let runs = d["match_runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one stored run");
    let mut pairs: Vec<(String, String)> = runs[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["newcomer"].as_str().unwrap().to_owned(),
                m["offer"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    pairs.sort();
    // The calendar file.
    let ics = dir.join("kalender.ics");
    bin()
        .arg("calendar")
        .arg(&store)
        .args(["--as-of", "2016-03-01", "--out"])
        .arg(&ics)
        .assert()
        .code(0);
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n"), "{calendar}");
    let uids: Vec<&str> = calendar.lines().filter(|l| l.starts_with("UID:")).collect();
    assert!(calendar.contains("nc-1001"), "{calendar}");
    assert!(!uids.is_empty(), "{calendar}");
    // The report.
    let report = bin()
        .arg("report")
        .arg(&store)
        .args(["--as-of", "2016-03-01", "--format", "html", "--out", "-"])
        .assert()
        .code(0);
    let report = text(&report.get_output().stdout);
    (pairs, uids.join("\n"), report)
}

#[test]
fn from_excel_sheets_to_a_stored_match_a_calendar_and_a_report() {
    let dir = folder("csv");
    let (pairs, uids, report) = walk(&dir, &fixture("nyankomne.csv"), &fixture("tilbud.csv"));
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, o)| (n.as_str(), o.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("nc-1001", "vvv-ikast-1"),
            ("nc-1002", "vvv-brande-1"),
            ("nc-1003", "rk-kvinder"),
            ("nc-1004", "rk-job"),
        ]
    );
    assert_eq!(
        uids.lines().count(),
        4,
        "an introduction per household: {uids}"
    );
    assert!(report.contains("<html lang=\"da\""), "{report}");
    assert!(report.contains("Venner Viser Vej i Ikast-Brande"));
    assert!(
        report.contains("Røde Kors Ikast"),
        "the Windows-1252 ø reads"
    );

    // The same sheets as workbooks, written with the project's own xlsx writer: the same
    // match, calendar and report.
    let opts = |name: &str| brobygger::import::CsvOptions::named(name);
    let newcomers = brobygger::import::newcomers_from_csv_bytes(
        &std::fs::read(fixture("nyankomne.csv")).unwrap(),
        &opts("nyankomne.csv"),
    )
    .unwrap();
    let offers = brobygger::import::offers_from_csv_bytes(
        &std::fs::read(fixture("tilbud.csv")).unwrap(),
        &opts("tilbud.csv"),
    )
    .unwrap();
    let books = folder("xlsx");
    let lang = Some(brobygger::Lang::Da);
    std::fs::write(
        books.join("nyankomne.xlsx"),
        brobygger::import::newcomers_to_xlsx(&newcomers, lang).unwrap(),
    )
    .unwrap();
    std::fs::write(
        books.join("tilbud.xlsx"),
        brobygger::import::offers_to_xlsx(&offers, lang).unwrap(),
    )
    .unwrap();
    let dir2 = folder("xlsx-run");
    let (pairs2, uids2, report2) = walk(
        &dir2,
        &books.join("nyankomne.xlsx"),
        &books.join("tilbud.xlsx"),
    );
    let pairs2: Vec<(&str, &str)> = pairs2
        .iter()
        .map(|(n, o)| (n.as_str(), o.as_str()))
        .collect();
    assert_eq!(pairs2, pairs);
    assert_eq!(uids2, uids);
    assert_eq!(report2, report);
}

#[test]
fn every_problem_of_every_sheet_is_placed_and_no_name_is_repeated() {
    let dir = folder("bad");
    // A parties sheet saved by Excel: CRLF, Windows-1252, a bad kind and a municipality
    // without its code; a posts sheet naming a party that is not there.
    let parties = "Id;Navn;Type;Kommunekode\r\n\
                   ikast-brande;Ikast-Brande Kommune;kommune;\r\n\
                   ;Søren Sørensens Venner;fodboldklub;\r\n";
    let mut bytes = Vec::new();
    for c in parties.chars() {
        bytes.push(match c {
            'ø' => 0xF8,
            c => u8::try_from(u32::from(c)).unwrap(),
        });
    }
    std::fs::write(dir.join("parter.csv"), &bytes).unwrap();
    std::fs::write(
        dir.join("poster.csv"),
        "id,title,kind,party\nx,Formand,formand,nowhere\n",
    )
    .unwrap();
    let out = bin()
        .current_dir(&dir)
        .args([
            "--lang",
            "en",
            "new",
            "--title",
            "x",
            "--start",
            "2016-01-01",
        ])
        .args(["--organisations", "parter.csv", "--posts", "poster.csv"])
        .arg("--newcomers")
        .arg(fixture("nyankomne.csv"))
        .assert()
        .code(1);
    let err = text(&out.get_output().stderr);
    for place in [
        "parter.csv:2:4 (code): [error]",
        "parter.csv:3:3 (kind): [error]",
        "poster.csv:2:4 (party): [error]",
    ] {
        assert!(err.contains(place), "{place}: {err}");
    }
    assert!(err.contains("3 errors in the sheets"), "{err}");
    assert!(!err.contains("Søren"), "{err}");
    assert!(!err.contains("nowhere"), "{err}");
    assert!(!dir.join("dossier.json").exists());
}

#[test]
fn new_reads_standard_input_and_writes_standard_output() {
    let sheet = std::fs::read(fixture("parter.csv")).unwrap();
    let out = bin()
        .args(["new", "--title", "P", "--start", "2016-01-01"])
        .args(["--organisations", "-"])
        .write_stdin(sheet)
        .assert()
        .code(0);
    let d: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(d["municipalities"][0]["code"], 756);
    assert_eq!(d["agreements"][0]["id"], "p");
    // Only one sheet can be standard input.
    bin()
        .args([
            "new",
            "--title",
            "P",
            "--organisations",
            "-",
            "--posts",
            "-",
        ])
        .assert()
        .code(2);
}

#[test]
fn the_party_templates_read_back_through_new() {
    let dir = folder("templates");
    for (what, file) in [("organisations", "parter.csv"), ("posts", "poster.csv")] {
        let out = bin()
            .args(["template", what, "--example-rows", "--excel"])
            .assert()
            .code(0);
        let csv = out.get_output().stdout.clone();
        assert!(csv.starts_with("\u{feff}Id;".as_bytes()), "{what}");
        std::fs::write(dir.join(file), csv).unwrap();
    }
    let out = bin()
        .current_dir(&dir)
        .args(["new", "--title", "T", "--start", "2016-01-01"])
        .args(["--organisations", "parter.csv", "--posts", "poster.csv"])
        .args(["--out", "d.json"])
        .assert()
        .code(0);
    assert!(text(&out.get_output().stdout).contains("2 parter, 2 poster"));
    let english = bin()
        .args(["template", "posts", "--excel", "--lang", "en"])
        .assert()
        .code(0);
    assert!(text(&english.get_output().stdout).starts_with("\u{feff}Id,Title,Kind,Party\r\n"));
}

/// `--format` takes one vocabulary everywhere; a command refuses what it does not write,
/// naming what it does.
#[test]
fn one_format_vocabulary_with_a_clear_refusal() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["remind", "--example", "ikast-brande", "--format", "html"],
            "it writes text, json, csv",
        ),
        (
            &["calendar", "--example", "aalborg", "--format", "csv"],
            "it writes ics, json",
        ),
        (
            &["report", "--example", "horsens", "--format", "json"],
            "it writes md, html",
        ),
        (
            &["match", "--example", "ikast-brande", "--format", "ics"],
            "it writes text, json, csv, xlsx",
        ),
        (
            &["directory", "--example", "horsens", "--format", "toml"],
            "it writes text, md, html, csv, hsds, json",
        ),
        (
            &["roles", "--example", "aalborg", "--format", "text"],
            "it writes md, html",
        ),
    ];
    for (args, says) in cases {
        let out = bin().args(args).args(["--lang", "en"]).assert().code(2);
        let err = text(&out.get_output().stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains("cli.unsupported_format"), "{args:?}: {err}");
    }
    // The same names everywhere: md (and markdown) for every page, json for every list.
    for args in [
        &["meetings", "--example", "aalborg", "--format", "markdown"][..],
        &["national", "--example", "esbjerg", "--format", "md"],
        &["checklist", "show", "joint-expectations", "--format", "md"],
        &[
            "checklist",
            "show",
            "joint-expectations",
            "--format",
            "form",
        ],
        &["calendar", "--example", "aalborg", "--format", "json"],
    ] {
        bin().args(args).assert().code(0);
    }
}

/// Every command that reads a file takes `-` for standard input, and every `--out` takes `-`
/// for standard output; dates are read day first as well.
#[test]
fn dash_for_standard_input_and_output_and_day_first_dates() {
    let example = bin().args(["example", "ikast-brande"]).assert().code(0);
    let dossier = example.get_output().stdout.clone();
    for args in [
        &["summary", "-", "--as-of", "01-03-2016"][..],
        &["validate", "-"],
        &["assess", "-", "--as-of", "01-06-2016"],
        &["remind", "-", "--as-of", "01-03-2016"],
        &["meetings", "-", "--as-of", "01-03-2016"],
        &["calendar", "-", "--as-of", "01-03-2016", "--out", "-"],
        &["roles", "-"],
        &["directory", "-", "--out", "-"],
        &["relationships", "list", "-", "--as-of", "01-10-2016"],
        &[
            "match",
            "--dossier",
            "-",
            "--as-of",
            "01-04-2016",
            "--out",
            "-",
        ],
    ] {
        let out = bin().args(args).write_stdin(dossier.clone()).assert();
        let code = out.get_output().status.code();
        assert_eq!(
            code,
            Some(0),
            "{args:?}: {}",
            text(&out.get_output().stderr)
        );
        assert!(!out.get_output().stdout.is_empty(), "{args:?}");
    }
    // A report of a dossier from standard input (one agreement: the parties sheet's).
    let one = bin()
        .args([
            "new",
            "--title",
            "P",
            "--start",
            "2016-01-01",
            "--organisations",
        ])
        .arg(fixture("parter.csv"))
        .assert()
        .code(0);
    let out = bin()
        .args(["report", "-", "--as-of", "01-06-2016", "--out", "-"])
        .write_stdin(one.get_output().stdout.clone())
        .assert()
        .code(0);
    assert!(text(&out.get_output().stdout).starts_with("# P\n"));
    // A rule set and a checklist template from standard input.
    let rules = bin().args(["template", "rules"]).assert().code(0);
    bin()
        .args(["validate", "-", "--as", "rules"])
        .write_stdin(rules.get_output().stdout.clone())
        .assert()
        .code(0);
    let tpl = bin()
        .args(["template", "checklist", "joint-expectations"])
        .assert()
        .code(0);
    bin()
        .args(["checklist", "check", "-"])
        .write_stdin(tpl.get_output().stdout.clone())
        .assert()
        .code(0);
    // `db export --out -` writes standard output.
    let dir = folder("dash");
    let store = dir.join("p.db");
    bin()
        .args(["db", "import", "-"])
        .arg(&store)
        .write_stdin(dossier)
        .assert()
        .code(0);
    let out = bin()
        .args(["db", "export"])
        .arg(&store)
        .args(["--out", "-"])
        .assert()
        .code(0);
    assert!(out.get_output().stdout.starts_with(b"{"));
    // `db changes --out -` is the change file alone (its "next time" line would spoil the
    // JSON), and `db apply STORE -` reads it back: the copy already has every change.
    let changes = bin()
        .args(["db", "changes"])
        .arg(&store)
        .args(["--out", "-"])
        .assert()
        .code(0);
    let set = changes.get_output().stdout.clone();
    assert!(serde_json::from_slice::<serde_json::Value>(&set).is_ok());
    bin()
        .args(["db", "apply"])
        .arg(&store)
        .arg("-")
        .write_stdin(set)
        .assert()
        .code(0);
    // `-` is never a store: SQLite would make a file named `-`.
    for args in [
        &["db", "init", "-"][..],
        &["db", "verify", "-"],
        &["db", "import", "--example", "aalborg", "-"],
    ] {
        let out = bin().args(args).current_dir(&dir).assert().code(2);
        assert!(
            text(&out.get_output().stderr).contains("cli.store_is_stream"),
            "{args:?}"
        );
        assert!(!dir.join("-").exists(), "{args:?}");
    }
}

/// A relationship's change on `-` is a filter: the dossier from standard input, changed, on
/// standard output, and what the change says on standard error; a refused change writes nothing.
#[test]
fn a_relationship_change_on_dash_filters_the_dossier() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/matching/ikast-relationships.dossier.json");
    let before = std::fs::read(&file).unwrap();
    let step = |stdin: Vec<u8>, args: &[&str]| {
        bin()
            .args(["relationships"])
            .args(args)
            .args(["--lang", "en"])
            .write_stdin(stdin)
            .assert()
    };
    let out = step(
        before.clone(),
        &[
            "record",
            "-",
            "rel-2",
            "accepted",
            "--side",
            "household",
            "--on",
            "07-09-2016",
        ],
    )
    .code(0);
    assert_eq!(text(&out.get_output().stderr), "rel-2: proposed\n");
    let changed = out.get_output().stdout.clone();
    let d: serde_json::Value = serde_json::from_slice(&changed).unwrap();
    assert!(d["relationships"].is_array());
    assert_ne!(changed, before);
    // The next step reads the changed dossier from standard input.
    let out = step(
        changed,
        &[
            "record",
            "-",
            "rel-2",
            "accepted",
            "--side",
            "volunteer",
            "--on",
            "08-09-2016",
        ],
    )
    .code(0);
    assert_eq!(text(&out.get_output().stderr), "rel-2: accepted\n");
    // A refused step (starting a relationship that was never accepted, on the original) exits 2
    // and writes no dossier.
    let out = step(
        before,
        &["record", "-", "rel-2", "started", "--on", "10-09-2016"],
    )
    .code(2);
    assert!(out.get_output().stdout.is_empty());
}
