//! The coordinator's commands on real files: validate, match, remind, align, template, schema;
//! `--help` everywhere; exit codes 0/1/2; CSV errors with their line and column; never a panic,
//! not even when the reader of the output goes away.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn fixture(p: &str) -> String {
    fixtures().join(p).display().to_string()
}

/// Runs the binary; returns exit code, stdout and stderr, and checks no panic text appears.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("brobygger")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "{args:?}: {text}"
        );
    }
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    stdout
}

/// A scratch folder of this test's own (the machine's /tmp is shared).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let commands: &[&[&str]] = &[
        &[],
        &["demo"],
        &["summary"],
        &["validate"],
        &["assess"],
        &["align"],
        &["match"],
        &["national"],
        &["remind"],
        &["calendar"],
        &["meetings"],
        &["report"],
        &["template"],
        &["template", "checklist"],
        &["template", "rules"],
        &["template", "newcomers"],
        &["template", "offers"],
        &["schema"],
        &["example"],
        &["roles"],
        &["checklist"],
        &["checklist", "templates"],
        &["checklist", "show"],
        &["checklist", "check"],
        &["checklist", "compare"],
        &["checklist", "readiness"],
    ];
    for args in commands {
        // English with --lang en, Danish by default and with --lang da.
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--lang", "en", "--help"]);
        let help = ok(&full);
        assert!(help.contains("Usage: brobygger"), "{full:?}");
        let documented = help.contains("Examples:") || help.contains("Example:");
        assert!(documented, "{full:?} has no examples:\n{help}");
        for lang in [&[][..], &["--lang", "da"][..]] {
            let mut full: Vec<&str> = args.to_vec();
            full.extend(lang);
            full.push("--help");
            let hjaelp = ok(&full);
            assert!(hjaelp.contains("Brug: brobygger"), "{full:?}:\n{hjaelp}");
            let documented = hjaelp.contains("Eksempler:") || hjaelp.contains("Eksempel:");
            assert!(documented, "{full:?} has no examples:\n{hjaelp}");
            for english in [
                "Usage:",
                "Options:",
                "Commands:",
                "Arguments:",
                "Examples:",
                "Print help",
                "[default:",
                "[possible values:",
            ] {
                assert!(
                    !hjaelp.contains(english),
                    "{full:?} says {english:?}:\n{hjaelp}"
                );
            }
        }
    }
    // The top-level help documents the exit codes.
    assert!(ok(&["--help", "--lang", "en"]).contains("Exit codes: 0"));
    assert!(ok(&["--help"]).contains("Afslutningskoder: 0"));
    assert!(ok(&["match", "--help"]).contains("Løseren [mulige værdier: optimal, stable"));
    // Bad usage is exit 2, with the message in the language asked for.
    let (code, _, err) = run(&["match", "--solver", "fastest", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'fastest'"), "{err}");
    let (code, _, err) = run(&["match", "--solver", "fastest"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("fejl: ugyldig værdi 'fastest' til '--solver"),
        "{err}"
    );
    assert_eq!(run(&["no-such-command"]).0, 2);
    assert!(
        run(&["no-such-command"])
            .2
            .contains("fejl: ukendt kommando 'no-such-command'")
    );
}

#[test]
fn validate_tells_every_file_kind_and_exits_by_what_it_finds() {
    for (file, kind) in [
        ("import/ikast-newcomers.csv", "newcomer households"),
        ("import/ikast-offers.csv", "volunteer offers"),
        ("import/spreadsheet-newcomers.csv", "newcomer households"),
        ("matching/vvv-ikast.rules.toml", "rule set"),
        ("matching/vvv-ikast.newcomers.json", "newcomer households"),
        ("matching/vvv-ikast.offers.json", "volunteer offers"),
        ("golden/../validation/many-problems.input.json", "dossier"),
    ] {
        let (code, stdout, stderr) = run(&["validate", &fixture(file), "--lang", "en"]);
        let last = stdout.lines().last().unwrap_or("");
        assert!(last.contains(kind), "{file}: {last} {stderr}");
        let expect = if file.contains("many-problems") { 1 } else { 0 };
        assert_eq!(code, expect, "{file}: {stdout}{stderr}");
    }
    // A Windows-1252 file is read, with a note.
    let out = ok(&[
        "validate",
        &fixture("import/windows-1252-offers.csv"),
        "--lang",
        "en",
    ]);
    assert!(out.contains("read as Windows-1252"), "{out}");
    // The rule set with problems: every problem with its path, exit 1.
    let (code, stdout, _) = run(&["validate", &fixture("matching/invalid.rules.toml")]);
    assert_eq!(code, 1);
    assert!(stdout.matches("[fejl]").count() >= 3, "{stdout}");
    // A built-in checklist template printed as TOML validates.
    let dir = scratch("validate");
    let tpl = dir.join("mine.toml");
    std::fs::write(&tpl, ok(&["template", "checklist", "joint-expectations"])).unwrap();
    assert!(ok(&["validate", tpl.to_str().unwrap()]).contains("gyldig: joint-expectations"));
    // A file whose kind cannot be told: exit 2 and a hint; --as settles it.
    let odd = dir.join("list.csv");
    std::fs::write(&odd, "a,b\n1,2\n").unwrap();
    let (code, _, err) = run(&["validate", odd.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--as dossier|rules|template|newcomers|offers"),
        "{err}"
    );
    let (code, stdout, _) = run(&[
        "validate",
        odd.to_str().unwrap(),
        "--as",
        "newcomers",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("import.missing_column") || stdout.contains("lacks the required column id")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_errors_name_the_file_line_and_column_and_never_the_value() {
    let file = fixture("import/bad-newcomers.csv");
    let (code, stdout, _) = run(&["validate", &file, "--lang", "en"]);
    assert_eq!(code, 1);
    for place in [
        "bad-newcomers.csv:2:3 (integration_contract_meeting): [error]",
        "bad-newcomers.csv:3:7 (languages): [error] Item 1:",
        "bad-newcomers.csv:4:1 (id): [error] The id is used before, on line 2.",
        "bad-newcomers.csv:5:14: [error]",
    ] {
        assert!(stdout.contains(place), "{place} missing:\n{stdout}");
    }
    assert!(stdout.ends_with(
        "invalid list of newcomer households (14 errors, 2 warnings, 0 info); 1 row can be used\n"
    ));
    for secret in ["Hajar", "muslim", "fluent", "bike repair", "someday"] {
        assert!(!stdout.contains(secret), "{secret}");
    }
    // As JSON: the problems with line and column, as the shared fixture has them.
    let (_, json, _) = run(&["validate", &file, "--json"]);
    let problems: Value = serde_json::from_str(&json).unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("import/bad-newcomers.expected.json")).unwrap(),
    )
    .unwrap();
    let strip = |v: &Value| -> Vec<(Value, Value, Value)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| (p["code"].clone(), p["line"].clone(), p["column"].clone()))
            .collect()
    };
    assert_eq!(strip(&problems), strip(&expected["problems"]));
    // Header problems, and the offers' own.
    let (code, stdout, _) = run(&[
        "validate",
        &fixture("import/bad-header-newcomers.csv"),
        "--as",
        "newcomers",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            ":1:2: [error] Column 2 of the header is not known (did you mean \"arrival\"?). If the column does not belong to the list, skip it with --ignore-unknown-columns"
        ),
        "{stdout}"
    );
    let (code, stdout, _) = run(&[
        "validate",
        &fixture("import/bad-offers.csv"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains(
        "bad-offers.csv:3:5 (capacity): [error] The value must be a whole number from 0 up."
    ));
    // With unknown columns ignored, they become warnings.
    let (code, stdout, _) = run(&[
        "validate",
        &fixture("import/bad-header-newcomers.csv"),
        "--as",
        "newcomers",
        "--ignore-unknown-columns",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "arrival is still missing");
    assert!(stdout.contains("is skipped"));
}

#[test]
fn match_reads_spreadsheets_and_writes_json_or_csv() {
    let newcomers = fixture("import/ikast-newcomers.csv");
    let offers = fixture("import/ikast-offers.csv");
    let rules = fixture("matching/vvv-ikast.rules.toml");
    let base = [
        "match",
        "--newcomers",
        &newcomers,
        "--offers",
        &offers,
        "--rules",
        &rules,
        "--as-of",
        "2016-04-01",
        "--lang",
        "en",
    ];
    let text = ok(&base);
    // The example's files carry no consent or basis columns: the gate withholds the wishes and
    // the certificates (listed by subject, never by value), so fewer households match.
    assert!(text.contains("Matched 16 of 48"), "{text}");
    assert!(
        text.contains("## Withheld without consent or basis"),
        "{text}"
    );
    assert!(
        text.contains("- offer:vvv-cf-ikast-1: No consent or other basis covers offer.credentials")
    );
    assert!(text.contains(
        "nc-5120-7741 (waited 74 days): No offer within 25 km speaks Tigrinya (at least A2)."
    ));
    assert!(text.ends_with("Matching proposes; people decide.\n"));
    // The same run as JSON equals the library's run on the example's data.
    let mut args = base.to_vec();
    args.extend(["--format", "json"]);
    let run_json: Value = serde_json::from_str(&ok(&args)).unwrap();
    let d = brobygger::Dossier::example("ikast-brande").unwrap();
    let expected = brobygger::matching::run(
        &d.rule_sets[0],
        &d.cohorts[0].newcomers,
        &d.offers,
        brobygger::MatchOptions::new(brobygger::Solver::Optimal, "2016-04-01".parse().unwrap()),
    )
    .unwrap();
    assert_eq!(run_json, serde_json::to_value(&expected).unwrap());
    // CSV: a header and one row per household.
    let mut args = base.to_vec();
    args.extend(["--format", "csv"]);
    let csv = ok(&args);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("newcomer,status,offer,score,waiting_days,binding,reason")
    );
    assert_eq!(csv.lines().count(), 1 + 48);
    assert!(
        csv.contains("nc-5120-7741,unmatched,,,74,the rule 'common-language'"),
        "{csv}"
    );
    // Every solver runs; --out writes the file and prints the headline.
    let dir = scratch("match");
    for solver in ["optimal", "stable", "stable-offers", "greedy"] {
        let out = dir.join(format!("{solver}.json"));
        let mut args = base.to_vec();
        args.extend([
            "--solver",
            solver,
            "--ranking",
            "waiting",
            "--out",
            out.to_str().unwrap(),
        ]);
        let text = ok(&args);
        assert!(
            text.starts_with("Matching: 48 households × 11 offers"),
            "{text}"
        );
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(v["statistics"]["newcomers"], 48);
    }
    // JSON lists work as inputs too.
    let text = ok(&[
        "match",
        "--newcomers",
        &fixture("matching/vvv-ikast.newcomers.json"),
        "--offers",
        &fixture("matching/vvv-ikast.offers.json"),
        "--rules",
        &rules,
        "--as-of",
        "2016-04-01",
    ]);
    assert!(text.contains("Matchet 9 af 10"), "{text}");
    // A table of columns named as the CSV file's (as a DataFrame writes it) means the same.
    let header = brobygger::import::csv_header(brobygger::import::CsvTable::Newcomers);
    let mut columns = serde_json::Map::new();
    for name in header.trim_end().split(',') {
        let cells: Vec<Value> = d.cohorts[0]
            .newcomers
            .iter()
            .map(|n| {
                let v = serde_json::to_value(n).unwrap();
                match name {
                    "lat" | "lon" => v["location"][name].clone(),
                    "adults" | "children_ages" => v["household"][name].clone(),
                    _ => v.get(name).cloned().unwrap_or(Value::Null),
                }
            })
            .collect();
        columns.insert(name.to_owned(), Value::Array(cells));
    }
    let table = dir.join("nyankomne.json");
    std::fs::write(&table, Value::Object(columns).to_string()).unwrap();
    let table = table.display().to_string();
    let (code, validated, _) = run(&["validate", &table, "--lang", "en"]);
    assert_eq!(code, 0, "{validated}");
    let mut args = base.to_vec();
    args[2] = &table;
    args.extend(["--format", "json"]);
    let from_table: Value = serde_json::from_str(&ok(&args)).unwrap();
    assert_eq!(from_table, serde_json::to_value(&expected).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn match_is_gated_by_consent_columns_or_by_the_dossier_beside_the_files() {
    let dir = scratch("match-gate");
    let rules = fixture("matching/vvv-ikast.rules.toml");
    // Spreadsheets with consent and basis columns (the shared fixtures' profiles carry them).
    let read = |p: &str| std::fs::read_to_string(fixture(p)).unwrap();
    let newcomers =
        brobygger::matching::newcomers_from_json(&read("matching/vvv-ikast.newcomers.json"))
            .unwrap();
    let offers =
        brobygger::matching::offers_from_json(&read("matching/vvv-ikast.offers.json")).unwrap();
    let n_csv = dir.join("nyankomne.csv");
    let o_csv = dir.join("tilbud.csv");
    std::fs::write(
        &n_csv,
        brobygger::import::newcomers_to_csv(&newcomers).unwrap(),
    )
    .unwrap();
    std::fs::write(&o_csv, brobygger::import::offers_to_csv(&offers).unwrap()).unwrap();
    let (n_csv, o_csv) = (n_csv.display().to_string(), o_csv.display().to_string());
    let files = [
        "match",
        "--newcomers",
        &n_csv,
        "--offers",
        &o_csv,
        "--rules",
        &rules,
        "--as-of",
        "2016-04-01",
        "--lang",
        "en",
    ];
    let text = ok(&files);
    assert!(text.contains("Matched 9 of 10"), "{text}");
    assert!(!text.contains("Withheld"), "{text}");
    let mut args = files.to_vec();
    args.extend(["--format", "json"]);
    let run: Value = serde_json::from_str(&ok(&args)).unwrap();
    assert_eq!(run["bases_from"], "profiles");
    assert_eq!(run["sensitive_uses"].as_array().unwrap().len(), 21);
    // Beside a dossier, the dossier's consents count and the files' columns do not.
    let d = brobygger::Dossier::example("ikast-brande").unwrap();
    let mut args = files.to_vec();
    args.extend(["--example", "ikast-brande", "--format", "json"]);
    let beside: Value = serde_json::from_str(&ok(&args)).unwrap();
    let expected = d
        .matching()
        .match_profiles(
            &brobygger::RuleSet::load(&rules).unwrap(),
            &newcomers,
            &offers,
            brobygger::MatchOptions::new(brobygger::Solver::Optimal, "2016-04-01".parse().unwrap()),
        )
        .unwrap();
    assert_eq!(beside["bases_from"], "dossier");
    assert_eq!(beside, serde_json::to_value(&expected).unwrap());
    assert_ne!(beside["sensitive_uses"], run["sensitive_uses"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn match_refuses_bad_input_clearly() {
    let offers = fixture("import/ikast-offers.csv");
    let rules = fixture("matching/vvv-ikast.rules.toml");
    // Bad cells: exit 1, every problem on standard error with its place.
    let (code, stdout, stderr) = run(&[
        "match",
        "--newcomers",
        &fixture("import/bad-newcomers.csv"),
        "--offers",
        &offers,
        "--rules",
        &rules,
        "--lang",
        "en",
    ]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.starts_with("brobygger: "), "{stderr}");
    assert!(stderr.contains("14 errors in the CSV file (import.invalid_csv)"));
    assert!(stderr.contains("bad-newcomers.csv:3:2 (arrival): [error]"));
    // A rule set with errors: exit 1 with the findings.
    let (code, _, stderr) = run(&[
        "match",
        "--newcomers",
        &fixture("import/ikast-newcomers.csv"),
        "--offers",
        &offers,
        "--rules",
        &fixture("matching/invalid.rules.toml"),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("[fejl]"), "{stderr}");
    // Missing inputs, missing files, unknown ids: exit 2.
    let (code, _, stderr) = run(&[
        "match",
        "--newcomers",
        &fixture("import/ikast-newcomers.csv"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("give --offers, --rules"), "{stderr}");
    let (code, _, stderr) = run(&[
        "match",
        "--newcomers",
        "/no/such.csv",
        "--offers",
        &offers,
        "--rules",
        &rules,
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("load.io"), "{stderr}");
    assert_eq!(
        run(&["match", "--example", "ikast-brande", "--cohort", "nope"]).0,
        2
    );
    assert_eq!(run(&["match", "--example", "aalborg"]).0, 2, "no cohort");
    assert_eq!(
        run(&["match", "--example", "ikast-brande", "--as-of", "1/4/2016"]).0,
        2
    );
    // --store needs a dossier file and its own data.
    assert_eq!(run(&["match", "--example", "ikast-brande", "--store"]).0, 2);
}

#[test]
fn match_stores_a_run_in_the_dossier_file() {
    let dir = scratch("store");
    let file = dir.join("ikast.json");
    std::fs::write(&file, ok(&["example", "ikast-brande"])).unwrap();
    let path = file.to_str().unwrap();
    let text = ok(&[
        "match",
        "--dossier",
        path,
        "--as-of",
        "2016-04-01",
        "--store",
        "--lang",
        "en",
    ]);
    assert!(text.contains("is stored in"), "{text}");
    let d = brobygger::Dossier::load(&file).unwrap();
    assert_eq!(d.match_runs.len(), 1);
    assert_eq!(
        d.match_runs[0].cohort.as_ref().unwrap().as_str(),
        "ikast-2016-q1"
    );
    // The same run again is refused and the file is left as it was.
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, _, stderr) = run(&[
        "match",
        "--dossier",
        path,
        "--as-of",
        "2016-04-01",
        "--store",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("matching.duplicate_run"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    // Another id is stored; the assessment then weighs the latest run.
    ok(&[
        "match",
        "--dossier",
        path,
        "--as-of",
        "2016-05-01",
        "--store",
        "--run-id",
        "may",
    ]);
    let assessment = ok(&[
        "assess",
        path,
        "--agreement",
        "ikast-vvv",
        "--as-of",
        "2016-06-01",
        "--lang",
        "en",
    ]);
    assert!(
        assessment.contains("got no match in the run may"),
        "{assessment}"
    );
    // A run id that is not an id is refused before anything is written, and the error names
    // the field, not the typed value.
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, _, stderr) = run(&[
        "match",
        "--dossier",
        path,
        "--as-of",
        "2016-05-02",
        "--store",
        "--run-id",
        "Maj runde (Søren)",
    ]);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("run.id"), "{stderr}");
    assert!(!stderr.contains("Søren"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    // Storing data that is not the dossier's own is refused.
    let (code, _, stderr) = run(&[
        "match",
        "--dossier",
        path,
        "--offers",
        &fixture("import/ikast-offers.csv"),
        "--store",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cli.cannot_store"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn remind_lists_what_is_due_in_three_formats() {
    let text = ok(&[
        "remind",
        "--example",
        "ikast-brande",
        "--as-of",
        "2016-03-01",
        "--lang",
        "en",
    ]);
    assert!(text.starts_with("## Reminders as of 2016-03-01 (and the next 14 days)"));
    assert!(
        text.contains("### Overdue (10)") && text.contains("### Due (18)"),
        "{text}"
    );
    // JSON is the library's list, as the shared fixture holds it.
    let json: Value = serde_json::from_str(&ok(&[
        "remind",
        "--example",
        "ikast-brande",
        "--as-of",
        "2016-03-01",
        "--format",
        "json",
    ]))
    .unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("reminders/ikast-2016-03-01.expected.json"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(json, expected);
    let csv = ok(&[
        "remind",
        "--example",
        "aalborg",
        "--as-of",
        "2017-06-30",
        "--days",
        "60",
        "--format",
        "csv",
        "--only",
        "meeting,review",
    ]);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "state,due_on,days_overdue,kind,agreement,cohort,subject,text,source"
    );
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.contains(",meeting,") || r.contains(",review,"))
    );
    assert!(
        ok(&[
            "remind",
            "--example",
            "horsens",
            "--as-of",
            "2017-08-01",
            "--only",
            "meeting",
            "--lang",
            "en"
        ])
        .contains("Nothing is due.")
    );
}

#[test]
fn meetings_show_the_minutes_and_the_overdue_action_items() {
    let args = |extra: &[&'static str]| {
        let mut a = vec!["meetings", "--example", "aalborg", "--as-of", "30-06-2017"];
        a.extend_from_slice(extra);
        a
    };
    let text = ok(&args(&[]));
    assert!(
        text.starts_with("## Møder og opgaver pr. 2017-06-30"),
        "{text}"
    );
    assert!(text.contains("[over fristen] Finde lokaler til netværksmøderne i foråret"));
    assert!(text.contains("- Beslutninger"));
    let csv = ok(&args(&["--overdue", "--format", "csv"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[1].ends_with(",overdue,149,,agreements[0].meetings[1].action_items[1]"));
    let json: Value = serde_json::from_str(&ok(&args(&["--format", "json"]))).unwrap();
    assert_eq!(json["meetings"].as_array().unwrap().len(), 4);
    // remind lists the overdue item too, by its kind.
    let remind = ok(&[
        "remind",
        "--example",
        "aalborg",
        "--as-of",
        "2017-06-30",
        "--only",
        "action-item",
        "--lang",
        "en",
    ]);
    assert!(remind.contains("[action item]") && remind.contains("Røde Kors Aalborg"));
    // An agreement the dossier does not hold is an error naming the id, exit 2.
    let (code, _, err) = run(&args(&["--agreement", "no-such"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no-such"));
}

#[test]
fn align_shows_the_comparison_and_exits_1_while_signing_is_blocked() {
    let (code, stdout, _) = run(&["align", "--example", "horsens", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("## Ready to sign?"));
    assert!(stdout.trim_end().ends_with("the checklists block signing"));
    let golden = std::fs::read_to_string(
        fixtures().join("golden/checklist-horsens-joint-expectations-en.md"),
    )
    .unwrap();
    assert!(
        stdout.starts_with(&golden),
        "the comparison is the library's"
    );
    // HTML to a file; the verdict on standard output.
    let dir = scratch("align");
    let page = dir.join("afstemning.html");
    let (code, stdout, _) = run(&[
        "align",
        "--example",
        "horsens",
        "--template",
        "joint-expectations",
        "--format",
        "html",
        "--out",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    assert!(stdout.contains("tjeklisterne blokerer underskrift"));
    std::fs::remove_dir_all(&dir).unwrap();
    // An agreement without answered checklists says how to start; two agreements need a choice.
    let (code, stdout, _) = run(&[
        "align",
        "--example",
        "ikast-brande",
        "--agreement",
        "ikast-nursing-internships",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "a required checklist is not submitted");
    assert!(stdout.contains("No checklist is answered for ikast-nursing-internships"));
    let (code, _, stderr) = run(&["align", "--example", "ikast-brande", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("choose one with --agreement"));
    let (code, _, stderr) = run(&["align", "--example", "ikast-brande"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("vælg én med --agreement"), "{stderr}");
}

#[test]
fn templates_are_files_that_read_back() {
    // The starter rule set is valid.
    let dir = scratch("templates");
    let rules = dir.join("regler.toml");
    std::fs::write(&rules, ok(&["template", "rules"])).unwrap();
    let checked = ok(&["validate", rules.to_str().unwrap(), "--lang", "en"]);
    assert!(
        checked.starts_with("valid rule set (0 errors, 0 warnings"),
        "{checked}"
    );
    // The CSV headers are the library's layout; example rows read back.
    let header = ok(&["template", "newcomers"]);
    assert_eq!(
        header,
        brobygger::import::csv_header(brobygger::import::CsvTable::Newcomers)
    );
    for table in ["newcomers", "offers"] {
        let file = dir.join(format!("{table}.csv"));
        std::fs::write(&file, ok(&["template", table, "--example-rows"])).unwrap();
        let out = ok(&["validate", file.to_str().unwrap(), "--lang", "en"]);
        assert!(out.ends_with("2 rows can be used\n"), "{out}");
        let doc = ok(&["template", table, "--describe", "--lang", "en"]);
        assert!(doc.contains("| `id` | yes |"));
    }
    // Matching works straight from the templates.
    let text = ok(&[
        "match",
        "--newcomers",
        dir.join("newcomers.csv").to_str().unwrap(),
        "--offers",
        dir.join("offers.csv").to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--as-of",
        "2016-04-01",
        "--lang",
        "en",
    ]);
    assert!(text.contains("Matching: 2 households × 2 offers"), "{text}");
    // The checklist list, and an unknown template.
    assert!(ok(&["template", "checklist"]).contains("joint-expectations (v1)"));
    assert_eq!(run(&["template", "checklist", "nope"]).0, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_schema_is_json_schema() {
    for kind in [
        "dossier",
        "rules",
        "template",
        "newcomers",
        "offers",
        "match-run",
        "reminders",
    ] {
        let v: Value = serde_json::from_str(&ok(&["schema", kind])).unwrap();
        assert!(
            v["$schema"].as_str().unwrap().contains("json-schema.org"),
            "{kind}"
        );
    }
    let newcomers: Value = serde_json::from_str(&ok(&["schema", "newcomers"])).unwrap();
    let text = newcomers.to_string();
    assert!(text.contains("x-sensitivity") && text.contains("special_category"));
}

#[test]
fn demo_runs_the_whole_job_on_ikast_brande() {
    let text = ok(&["demo", "--example", "ikast-brande", "--lang", "en"]);
    let order = [
        "## Validation",
        "## Checklists",
        "## Matching the cohort ikast-2016-q1 (as of 2016-04-01)",
        "Matched 20 of 48",
        "## Personal data and consent as of 2016-04-01",
        "under a consent or other basis and left out 40 that nothing covered",
        "[warning] offers[9].credentials:",
        "## Introductions to volunteer offers as of 2016-04-01",
        "[overdue] nc-5120-7741: introduction no. 1",
        "## Health as of 2019-06-30",
    ];
    let mut at = 0;
    for part in order {
        let found = text[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part} missing or out of order:\n{text}"));
        at += found;
    }
    // The running agreement is assessed on matching and introductions; the draft is not.
    let health = &text[text.find("## Health as of").unwrap()..];
    let vvv = health
        .lines()
        .skip_while(|l| !l.contains("[ikast-vvv]"))
        .nth(4)
        .unwrap();
    assert!(
        vvv.contains("Findings in all") && !vvv.contains("not assessed"),
        "{vvv}"
    );
    // The privacy section names fields by path, never what they hold.
    let privacy =
        &text[text.find("## Personal data").unwrap()..text.find("## Introductions").unwrap()];
    assert!(
        !privacy.contains("child_protection_certificate"),
        "{privacy}"
    );
}

/// Reads a little of the output and closes the pipe: the command must stop quietly.
fn closes_early(args: &[&str]) {
    let bin = assert_cmd::cargo::cargo_bin("brobygger");
    let mut child = std::process::Command::new(bin)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(
        out.status.code().is_some_and(|c| c == 0),
        "{args:?}: {:?} {stderr}",
        out.status
    );
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    closes_early(&["example", "ikast-brande"]);
    closes_early(&["schema"]);
    closes_early(&["demo"]);
}

#[test]
fn no_spinner_or_control_codes_when_not_on_a_terminal() {
    let (code, stdout, stderr) = run(&[
        "match",
        "--example",
        "ikast-brande",
        "--as-of",
        "2016-04-01",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "{stderr:?}");
    assert!(!stdout.contains('\r') && !stdout.contains('\u{1b}'));
}

#[test]
fn calendar_writes_an_ics_file_and_keeps_households_from_the_public() {
    let dir = scratch("calendar");
    let file = dir.join("aalborg.ics");
    let out = ok(&[
        "calendar",
        "--example",
        "aalborg",
        "--as-of",
        "30-06-2017",
        "--lang",
        "en",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(out.contains("events written to"), "{out}");
    let ics = std::fs::read_to_string(&file).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    let back = brobygger::calendar::read_ics(&ics).unwrap();
    assert_eq!(back.lang, brobygger::Lang::En);
    assert_eq!(back.events.len(), 11, "9 and the two open action items");
    let public = ok(&[
        "calendar",
        "--example",
        "ikast-brande",
        "--as-of",
        "2016-03-01",
        "--audience",
        "public",
    ]);
    assert!(!public.contains("nc-"), "no household in a public calendar");
    let coordinator = ok(&[
        "calendar",
        "--example",
        "ikast-brande",
        "--as-of",
        "2016-03-01",
    ]);
    assert!(coordinator.contains("X-BROBYGGER-KIND:introduction"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn national_sets_the_municipality_beside_kl_2015_and_the_demo_shows_the_seeds() {
    // Esbjerg's housing organisation cooperates closely on placement: the dossier answers
    // KL's housing question itself, beside the published 76 %.
    let json: Value = serde_json::from_str(&ok(&[
        "national",
        "--example",
        "esbjerg",
        "--format",
        "json",
    ]))
    .unwrap();
    let rows = json.as_array().unwrap();
    let housing = rows
        .iter()
        .find(|r| r["question"] == "housing_placement" && r["percent"] == 76)
        .unwrap();
    assert_eq!(housing["own"], "high");
    // Own answers to the other questions are added; every published share stays.
    let json: Value = serde_json::from_str(&ok(&[
        "national",
        "--example",
        "esbjerg",
        "--answer",
        "cooperation_change=more",
        "--format",
        "json",
    ]))
    .unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.iter().filter(|r| r["percent"].is_number()).count(), 8);
    assert!(rows.iter().any(|r| r["question"] == "cooperation_change"
        && r["percent"] == 83
        && r["own"] == "more"));
    let text = ok(&["--lang", "da", "national", "--example", "esbjerg"]);
    assert!(
        text.contains("76 %") && text.contains("i meget høj grad eller i høj grad"),
        "{text}"
    );
    // Bad answers are usage errors naming the option or the answer.
    let (code, _, err) = run(&["national", "--example", "esbjerg", "--answer", "more"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("input.bad_field") && err.contains("--answer[0]"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "national",
        "--example",
        "esbjerg",
        "--answer",
        "cooperation_degree=sky",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("survey.unknown_category"), "{err}");
    let (code, _, err) = run(&[
        "national",
        "--example",
        "esbjerg",
        "--municipality",
        "nowhere",
    ]);
    assert_eq!(code, 2, "{err}");
    // The demo shows the directory (003) for every example and KL's figures (000) where the
    // dossier answers a question.
    let demo = ok(&["--lang", "en", "demo", "--example", "esbjerg"]);
    assert!(demo.contains("## The association directory"), "{demo}");
    assert!(
        demo.contains("## Beside the national figures (KL 2015)"),
        "{demo}"
    );
    assert!(demo.contains("76 % of the municipalities"), "{demo}");
    let demo = ok(&["demo", "--example", "horsens"]);
    assert!(demo.contains("etniske minoritetsforeninger: 1"), "{demo}");
    assert!(!demo.contains("landstallene"), "{demo}");
}

#[test]
fn survey_and_outcomes_show_shares_and_cohorts_never_a_small_group() {
    // Aalborg's later round: shares beside LBB's figures and the change since the first round.
    let text = ok(&[
        "survey",
        "--example",
        "aalborg",
        "--survey",
        "aalborg-lbb-2016",
        "--lang",
        "en",
    ]);
    assert!(text.contains("Change since aalborg-lbb-2015"), "{text}");
    assert!(text.contains("81%"), "{text}");
    let json: Value =
        serde_json::from_str(&ok(&["survey", "--example", "aalborg", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    // Ikast-Brande's follow-ups: counted, with no household id in any format.
    for format in ["text", "json", "csv", "md"] {
        let out = ok(&[
            "outcomes",
            "--example",
            "ikast-brande",
            "--as-of",
            "2019-06-30",
            "--format",
            format,
        ]);
        assert!(!out.contains("nc-3817-2204"), "{format}: {out}");
    }
    let text = ok(&[
        "outcomes",
        "--example",
        "ikast-brande",
        "--as-of",
        "2019-06-30",
        "--lang",
        "en",
    ]);
    assert!(text.contains("48 households have a follow-up"), "{text}");
    // Twelve households in each group by first introduction: those cells show figures.
    assert!(
        text.contains("20 of 20 cells with households can be shown") && text.contains("58%"),
        "{text}"
    );
    // The threshold is never lowered below five; HTML is one round.
    assert_eq!(
        run(&["outcomes", "--example", "ikast-brande", "--min-cell", "2"]).0,
        2
    );
    assert_eq!(
        run(&["survey", "--example", "aalborg", "--min-cell", "1"]).0,
        2
    );
    assert_eq!(
        run(&["survey", "--example", "aalborg", "--format", "html"]).0,
        2
    );
    assert_eq!(
        run(&["survey", "--example", "aalborg", "--survey", "nope"]).0,
        2
    );
    // The demo shows the cohort's outcomes.
    let demo = ok(&["demo", "--example", "ikast-brande", "--lang", "en"]);
    assert!(
        demo.contains("Outcomes over time of the cohort ikast-2016-q1"),
        "{demo}"
    );
}
