//! `brobygger db ...` and the store as input: import and export give back the same bytes, the
//! commands that read a dossier read a store, `match --store` into a store from six processes
//! keeps six runs, and `db verify` fails on a store edited behind the library's back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brobygger"))
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
    let dir = std::env::temp_dir().join(format!("brobygger-db-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn import_export_log_and_verify() {
    let dir = scratch("cycle");
    let example = ok(&dir, &["example", "ikast-brande"]);
    std::fs::write(dir.join("ikast.json"), &example).unwrap();
    let out = ok(&dir, &["db", "init", "p.db", "--lang", "en"]);
    assert_eq!(
        out,
        format!(
            "The store p.db is ready (schema version {}).\n",
            brobygger_store::SCHEMA_VERSION
        )
    );
    let out = ok(&dir, &["db", "import", "ikast.json", "p.db"]);
    assert!(out.starts_with("Importeret til p.db: "), "{out}");
    assert!(out.ends_with(", 0 ændret, 0 slettet.\n"), "{out}");
    // The same bytes back, on standard output and with --out.
    assert_eq!(ok(&dir, &["db", "export", "p.db"]), example);
    ok(&dir, &["db", "export", "p.db", "--out", "back.json"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("back.json")).unwrap(),
        example
    );
    let out = run(&dir, &["db", "export", "p.db", "--out", "p.db"]);
    assert_eq!(out.status.code(), Some(2));
    // Commands that read a dossier read the store too.
    let from_json = ok(&dir, &["summary", "ikast.json", "--as-of", "2016-06-01"]);
    assert_eq!(
        ok(&dir, &["summary", "p.db", "--as-of", "2016-06-01"]),
        from_json
    );
    ok(&dir, &["validate", "p.db"]);
    // A run stored into the store is in the log, by the actor.
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
    let log = ok(
        &dir,
        &["db", "log", "p.db", "--collection", "match_runs", "--json"],
    );
    let events: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["actor"], "coordinator-1");
    assert_eq!(events[0]["operation"], "match");
    assert_eq!(events[0]["entity"], "r1");
    let history = ok(&dir, &["db", "history", "p.db", "match_runs", "r1"]);
    assert_eq!(history.lines().count(), 1);
    let out = ok(&dir, &["db", "verify", "p.db", "--lang", "en"]);
    assert!(out.starts_with("The audit trail is intact: "), "{out}");
    // Erasing a household leaves it nowhere in the export, and the chain verifiable.
    let out = ok(
        &dir,
        &[
            "db",
            "erase",
            "p.db",
            "--newcomer",
            "nc-6402-1185",
            "--on",
            "2017-01-01",
            "--lang",
            "en",
        ],
    );
    assert!(out.starts_with("Erased; the current data: "), "{out}");
    assert!(!ok(&dir, &["db", "export", "p.db"]).contains("nc-6402-1185"));
    let out = ok(&dir, &["db", "verify", "p.db", "--lang", "en"]);
    assert!(out.starts_with("The audit trail is intact: "), "{out}");
    let out = run(&dir, &["db", "erase", "p.db", "--person", "p-0000"]);
    assert_eq!(out.status.code(), Some(2));
    // An edit behind the library's back is found: exit code 1, in words.
    let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
    conn.execute_batch("UPDATE audit SET actor = 'someone-else' WHERE seq = 3")
        .unwrap();
    drop(conn);
    let out = run(&dir, &["db", "verify", "p.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Revisionssporet er brudt: hændelse 3 er blevet ændret.\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_stores_are_typed_errors() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("notes.db"),
        "SQLite format 3\0 but then nothing sensible at all, just text".repeat(20),
    )
    .unwrap();
    let out = run(&dir, &["db", "export", "notes.db"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("store.not_a_database") || stderr.contains("store.corrupt"),
        "{stderr}"
    );
    let out = run(&dir, &["db", "export", "empty.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("store.empty"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn six_concurrent_match_stores_into_a_store_keep_six_runs() {
    let dir = scratch("six");
    ok(&dir, &["db", "import", "--example", "ikast-brande", "p.db"]);
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(bin())
                .current_dir(&dir)
                .args([
                    "match",
                    "--dossier",
                    "p.db",
                    "--as-of",
                    "2016-04-01",
                    "--store",
                    "--run-id",
                    &format!("run-{i}"),
                ])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let log = ok(
        &dir,
        &["db", "log", "p.db", "--collection", "match_runs", "--json"],
    );
    let mut ids: Vec<String> = log
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["entity"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, (0..6).map(|i| format!("run-{i}")).collect::<Vec<_>>());
    let exported: serde_json::Value =
        serde_json::from_str(&ok(&dir, &["db", "export", "p.db"])).unwrap();
    assert_eq!(exported["match_runs"].as_array().unwrap().len(), 6);
    ok(&dir, &["db", "verify", "p.db"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_copies_exchange_change_files() {
    let dir = scratch("copies");
    ok(
        &dir,
        &["db", "import", "--example", "ikast-brande", "kommune.db"],
    );
    ok(
        &dir,
        &["db", "import", "--example", "ikast-brande", "forening.db"],
    );
    let log = ok(&dir, &["db", "log", "kommune.db", "--json"]);
    let point = log.lines().count().to_string();
    ok(
        &dir,
        &[
            "match",
            "--dossier",
            "kommune.db",
            "--as-of",
            "2016-04-01",
            "--store",
            "--run-id",
            "k1",
        ],
    );
    let out = ok(
        &dir,
        &[
            "db",
            "changes",
            "kommune.db",
            "--since",
            &point,
            "--out",
            "k.json",
            "--lang",
            "en",
        ],
    );
    assert!(
        out.starts_with("1 change written to k.json; next time --since "),
        "{out}"
    );
    let out = ok(
        &dir,
        &["db", "apply", "forening.db", "k.json", "--lang", "en"],
    );
    assert_eq!(out, "1 applied, 0 already in this copy, 0 conflicts.\n");
    let out = ok(
        &dir,
        &["db", "apply", "forening.db", "k.json", "--lang", "en"],
    );
    assert_eq!(out, "0 applied, 1 already in this copy, 0 conflicts.\n");
    assert_eq!(
        ok(&dir, &["db", "export", "forening.db"]),
        ok(&dir, &["db", "export", "kommune.db"])
    );
    // Not a change file: a typed error.
    std::fs::write(dir.join("bad.json"), "{").unwrap();
    let out = run(&dir, &["db", "apply", "forening.db", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("store.changes_syntax"));
    std::fs::remove_dir_all(&dir).unwrap();
}
