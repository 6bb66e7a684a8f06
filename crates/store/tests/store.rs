//! The store end to end: lossless round trips of every example and fixture, history and the
//! audit trail, tampering found by `verify`, bad files refused with typed errors, and six
//! processes writing at once losing nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use brobygger::{Dossier, Example, MatchOptions, MatchRequest, Solver};
use brobygger_store::{Action, ChainProblem, Change, Erase, JournalMode, Store, StoreOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every dossier file among the fixtures (the JSON files that read as a dossier).
fn fixture_dossiers() -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut dirs = vec![root().join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if Dossier::from_json(&text).is_ok() {
                    found.push((path, text));
                }
            }
        }
    }
    found.sort();
    found
}

/// The Ikast-Brande example with a stored match run, so every collection the examples fill,
/// and the runs, are in it.
fn ikast_with_run(run_id: &str) -> Dossier {
    let mut d = Example::IkastBrande.dossier().unwrap();
    add_run(&mut d, run_id).unwrap();
    d
}

fn add_run(d: &mut Dossier, run_id: &str) -> Result<(), brobygger::BrobyggerError> {
    let mut options = MatchOptions::new(
        Solver::Optimal,
        chrono::NaiveDate::from_ymd_opt(2016, 4, 1).unwrap(),
    );
    options.id = Some(run_id.to_owned().into());
    let request = MatchRequest {
        cohort: d.cohorts[0].id.clone(),
        rule_set: d.rule_sets[0].id.clone(),
        options,
    };
    let run = d.matching().match_cohort(&request)?;
    d.matching_mut().add_run(run)
}

fn round_trip(dir: &Path, name: &str, dossier: &Dossier) -> String {
    let path = dir.join(format!("{name}.db"));
    let mut store = Store::open(&path).unwrap();
    store
        .import(dossier, Change::new("test", "import"))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    store.export_json().unwrap()
}

#[test]
fn every_example_and_fixture_round_trips_byte_for_byte() {
    let dir = scratch("roundtrip");
    let mut covered = std::collections::BTreeSet::new();
    let mut cover = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        for (k, inner) in v.as_object().unwrap() {
            covered.insert(k.clone());
            if let Some(o) = inner.as_object() {
                covered.extend(o.keys().map(|s| format!("{k}.{s}")));
            }
        }
    };
    for example in Example::ALL {
        let d = example.dossier().unwrap();
        let json = d.to_json().unwrap();
        assert_eq!(
            round_trip(&dir, example.name(), &d),
            json,
            "{}",
            example.name()
        );
        cover(&json);
    }
    let with_run = ikast_with_run("run-1");
    let json = with_run.to_json().unwrap();
    assert_eq!(round_trip(&dir, "with-run", &with_run), json);
    cover(&json);
    // Retention applied years later: deletions and the anonymisation log.
    let mut retained = with_run.clone();
    let outcome = retained
        .privacy_mut()
        .apply_retention(chrono::NaiveDate::from_ymd_opt(2040, 1, 1).unwrap())
        .unwrap();
    assert!(!retained.privacy.anonymisations.is_empty(), "{outcome:?}");
    let json = retained.to_json().unwrap();
    assert_eq!(round_trip(&dir, "retained", &retained), json);
    cover(&json);
    let fixtures = fixture_dossiers();
    assert!(
        fixtures.len() >= 5,
        "only {} fixture dossiers",
        fixtures.len()
    );
    for (i, (path, text)) in fixtures.iter().enumerate() {
        let d = Dossier::from_json(text).unwrap();
        let canonical = d.to_json().unwrap();
        let back = round_trip(&dir, &format!("fixture-{i}"), &d);
        assert_eq!(back, canonical, "{}", path.display());
        if *text == canonical {
            assert_eq!(back, *text, "{}", path.display());
        }
        cover(&canonical);
    }
    // Every field of the dossier (and of its top-level containers) is in at least one of the
    // documents above: a field added to `Dossier` without a fixture that fills it fails here.
    let schema = brobygger::dossier_schema();
    let mut fields: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for (name, prop) in schema["properties"].as_object().unwrap() {
        let reference = prop["$ref"]
            .as_str()
            .or_else(|| prop["allOf"][0]["$ref"].as_str());
        if let Some(def) = reference.and_then(|r| r.rsplit('/').next())
            && let Some(props) = schema["$defs"][def]["properties"].as_object()
        {
            fields.extend(props.keys().map(|k| format!("{name}.{k}")));
        }
    }
    assert!(fields.iter().any(|f| f == "privacy.consents"), "{fields:?}");
    assert!(
        fields.iter().any(|f| f == "checklists.sessions"),
        "{fields:?}"
    );
    let missing: Vec<&String> = fields.iter().filter(|f| !covered.contains(*f)).collect();
    assert!(
        missing.is_empty(),
        "fields no round-trip covers: {missing:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn history_and_audit_trail_record_every_change() {
    let dir = scratch("audit");
    let mut store = Store::open(dir.join("s.db")).unwrap();
    let d = Example::IkastBrande.dossier().unwrap();
    let summary = store.import(&d, Change::new("anna", "import")).unwrap();
    assert!(summary.created > 10 && summary.updated == 0 && summary.deleted == 0);
    // Importing the same dossier again changes nothing and logs nothing.
    let again = store.import(&d, Change::new("anna", "import")).unwrap();
    assert_eq!(again.events(), 0);
    let imported = store.log().unwrap().len();
    assert_eq!(imported as u64, summary.created);

    let (_, s) = store
        .update(Change::new("bo", "match"), |d| add_run(d, "run-1"))
        .unwrap();
    assert_eq!((s.created, s.updated, s.deleted), (1, 0, 0));
    let agreement = d.agreements[0].id.to_string();
    store
        .update(Change::new("carla", "rename"), |d| {
            d.title = "Ny titel".into();
            d.agreements.remove(0);
            Ok(())
        })
        .unwrap();
    let log = store.log().unwrap();
    let tail: Vec<_> = log[imported..]
        .iter()
        .map(|e| {
            (
                e.actor.as_str(),
                e.collection.as_str(),
                e.entity.as_str(),
                e.action,
            )
        })
        .collect();
    assert_eq!(
        tail,
        [
            ("bo", "match_runs", "run-1", Action::Created),
            ("carla", "dossier", "dossier", Action::Updated),
            ("carla", "agreements", agreement.as_str(), Action::Deleted),
        ]
    );
    assert_eq!(log[imported + 1].fields, ["title"]);
    // The history keeps every version: the agreement as imported, then its removal.
    let revisions = store.history("agreements", &agreement).unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(
        Some(serde_json::to_string(&d.agreements[0]).unwrap()),
        revisions[0].json.as_ref().map(|j| {
            let v: serde_json::Value = serde_json::from_str(j).unwrap();
            serde_json::to_string(&serde_json::from_value::<brobygger::Agreement>(v).unwrap())
                .unwrap()
        })
    );
    assert_eq!(revisions[1].json, None);
    assert_eq!(store.log_of("agreements", &agreement).unwrap().len(), 2);
    // A failing operation writes nothing, not even a log entry.
    let e = store
        .update(Change::new("dan", "match"), |d| {
            d.title = "half done".into();
            add_run(d, "run-1") // the id is taken
        })
        .unwrap_err();
    assert!(brobygger::code_info(e.code().as_str()).is_some(), "{e:?}");
    assert_eq!(store.log().unwrap().len(), log.len());
    assert_eq!(store.dossier().unwrap().title, "Ny titel");
    // The log names fields, never values.
    assert!(
        !store
            .log()
            .unwrap()
            .iter()
            .any(|e| e.fields.iter().any(|f| f.contains("Ny titel")))
    );
    assert!(store.verify().unwrap().is_intact());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs `sql` on the store's file behind the library's back.
fn tamper(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn verify_finds_every_edit_deletion_and_reordering() {
    let dir = scratch("verify");
    let base = dir.join("base.db");
    {
        let mut store = Store::open(&base).unwrap();
        store
            .import(
                &Example::Horsens.dossier().unwrap(),
                Change::new("a", "import"),
            )
            .unwrap();
        store
            .update(Change::new("b", "rename"), |d| {
                d.title = "x".into();
                Ok(())
            })
            .unwrap();
        let report = store.verify().unwrap();
        assert!(report.is_intact());
        assert!(report.events > 5);
    }
    type Expect = fn(ChainProblem) -> bool;
    let cases: [(&str, Expect); 7] = [
        ("UPDATE audit SET actor = 'mallory' WHERE seq = 2", |p| {
            p == ChainProblem::Tampered { seq: 2 }
        }),
        (
            "DELETE FROM history WHERE seq = 3; DELETE FROM audit WHERE seq = 3",
            |p| {
                p == ChainProblem::Gap {
                    expected: 3,
                    found: 4,
                }
            },
        ),
        ("UPDATE history SET after = '{}' WHERE seq = 1", |p| {
            p == ChainProblem::HistoryTampered { seq: 1 }
        }),
        (
            "UPDATE audit SET seq = -2 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3;
             UPDATE audit SET seq = 3 WHERE seq = -2;",
            |p| {
                matches!(
                    p,
                    ChainProblem::BrokenLink { seq: 2 } | ChainProblem::Tampered { seq: 2 }
                )
            },
        ),
        (
            "DELETE FROM history WHERE seq = (SELECT max(seq) FROM audit);
             DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
            |p| matches!(p, ChainProblem::Truncated { .. }),
        ),
        (
            "UPDATE audit SET fields = '[\"name\"]' WHERE seq = (SELECT max(seq) FROM audit)",
            |p| matches!(p, ChainProblem::Tampered { .. }),
        ),
        (
            // Re-hashing an edited event is not enough: the next event still chains to the old hash.
            "UPDATE audit SET prev_hash = '0000000000000000000000000000000000000000000000000000000000000001' WHERE seq = 4",
            |p| matches!(p, ChainProblem::BrokenLink { seq: 4 }),
        ),
    ];
    for (i, (sql, expected)) in cases.into_iter().enumerate() {
        let copy = dir.join(format!("case-{i}.db"));
        std::fs::copy(&base, &copy).unwrap();
        tamper(&copy, sql);
        let report = Store::open(&copy).unwrap().verify().unwrap();
        let problem = report
            .problem
            .clone()
            .unwrap_or_else(|| panic!("not found: {sql}"));
        assert!(expected(problem.clone()), "{sql}: {problem:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_files_get_typed_errors_and_stay_as_they_were() {
    let dir = scratch("bad");
    let not_sqlite = dir.join("notes.db");
    std::fs::write(
        &not_sqlite,
        "just some text, not a database at all".repeat(40),
    )
    .unwrap();
    let good = dir.join("good.db");
    let mut store = Store::open(&good).unwrap();
    store
        .import(
            &Example::Aalborg.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    drop(store);
    let truncated = dir.join("truncated.db");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let newer = dir.join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    tamper(&newer, "PRAGMA user_version = 99");
    let foreign = dir.join("foreign.db");
    tamper(&foreign, "CREATE TABLE customers (name TEXT)");
    for (path, code) in [
        (&not_sqlite, "store.not_a_database"),
        (&newer, "store.newer_schema"),
        (&foreign, "store.foreign"),
    ] {
        let before = std::fs::read(path).unwrap();
        let e = Store::open(path).unwrap_err();
        assert_eq!(e.code(), code, "{}", path.display());
        assert_eq!(std::fs::read(path).unwrap(), before, "{}", path.display());
        let boundary: brobygger::BrobyggerError = e.into();
        assert_eq!(boundary.code(), code);
    }
    // A truncated file opens (its header is intact) but cannot be read.
    let e = Store::open(&truncated)
        .and_then(|s| s.dossier())
        .unwrap_err();
    assert!(
        ["store.corrupt", "store.not_a_database"].contains(&e.code().as_str()),
        "{e:?}"
    );
    let e = Store::open(dir.join("no/such/folder/x.db")).unwrap_err();
    assert_eq!(e.code(), "store.cannot_open");
    let e = Store::open(dir.join("empty.db"))
        .unwrap()
        .dossier()
        .unwrap_err();
    assert_eq!(e.code(), "store.empty");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_store_reads_and_refuses_writes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("readonly");
    let path = dir.join("s.db");
    let mut store = Store::open_with(
        &path,
        StoreOptions::default().journal(JournalMode::Rollback),
    )
    .unwrap();
    store
        .import(
            &Example::Aalborg.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    drop(store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    // Root writes through any mode: there, the file is made immutable instead, where the file
    // system lets us (otherwise the case cannot be made and is skipped).
    let immutable = unsafe_is_root();
    if immutable {
        let made = Command::new("chattr")
            .args(["+i", path.to_str().unwrap()])
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            eprintln!("running as root without chattr: skipped");
            std::fs::remove_dir_all(&dir).unwrap();
            return;
        }
    }
    let mut store = Store::open_with(
        &path,
        StoreOptions::default().journal(JournalMode::Rollback),
    )
    .unwrap();
    assert_eq!(
        store.dossier().unwrap().title,
        Example::Aalborg.dossier().unwrap().title
    );
    let e = store
        .update(Change::new("a", "rename"), |d| {
            d.title = "x".into();
            Ok(())
        })
        .unwrap_err();
    assert_eq!(e.code(), "store.read_only");
    if immutable {
        let _ = Command::new("chattr")
            .args(["-i", path.to_str().unwrap()])
            .status();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn unsafe_is_root() -> bool {
    std::env::var("USER").is_ok_and(|u| u == "root")
        || std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
        })
}

/// The child half of `six_processes_storing_six_runs_keep_six_runs`: runs when the test
/// binary is started again with `STORE_CHILD` set.
#[test]
fn child_writer() {
    let (Ok(path), Ok(run)) = (std::env::var("STORE_CHILD"), std::env::var("STORE_RUN")) else {
        return;
    };
    let mut store = Store::open(&path).unwrap();
    store
        .update(Change::new(&run, "match"), |d| add_run(d, &run))
        .unwrap();
}

#[test]
fn six_processes_storing_six_runs_keep_six_runs() {
    let dir = scratch("six");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(
            &Example::IkastBrande.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    drop(store);
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
                .env("STORE_CHILD", &path)
                .env("STORE_RUN", format!("run-{i}"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = Store::open(&path).unwrap();
    let mut runs: Vec<String> = store
        .dossier()
        .unwrap()
        .match_runs
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    runs.sort();
    assert_eq!(runs, (0..6).map(|i| format!("run-{i}")).collect::<Vec<_>>());
    assert!(store.verify().unwrap().is_intact());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An analyst opens the file with Python's standard `sqlite3` (Debian 12: SQLite 3.40) and
/// reads the documented views.
#[test]
fn python_sqlite3_reads_the_store() {
    let Ok(python) = which_python() else {
        eprintln!("no python3: skipped");
        return;
    };
    let dir = scratch("python");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(&ikast_with_run("run-1"), Change::new("anna", "import"))
        .unwrap();
    drop(store);
    let script = r#"
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(sqlite3.sqlite_version)
print(con.execute("PRAGMA user_version").fetchone()[0])
(n,) = con.execute("SELECT count(*) FROM agreements").fetchone()
(title,) = con.execute("SELECT json_extract(json, '$.title') FROM document").fetchone()
runs = [r[0] for r in con.execute("SELECT id FROM match_runs")]
assert con.execute("SELECT count(*) FROM relationships").fetchone()[0] == 0
actors = {r[0] for r in con.execute("SELECT actor FROM audit_log")}
print(n, title, runs, sorted(actors))
"#;
    let out = Command::new(python)
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], brobygger_store::SCHEMA_VERSION.to_string());
    let d = Example::IkastBrande.dossier().unwrap();
    assert_eq!(
        lines[2],
        format!("{} {} ['run-1'] ['anna']", d.agreements.len(), d.title)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn which_python() -> Result<PathBuf, ()> {
    for candidate in ["/usr/bin/python3", "python3"] {
        if Command::new(candidate).arg("--version").output().is_ok() {
            return Ok(PathBuf::from(candidate));
        }
    }
    Err(())
}

/// The child half of the crash and full-disk tests: stores runs `run-<first>...` one after
/// another until it is killed (or, with `STORE_RUNS`, that many).
#[test]
fn child_looping_writer() {
    let Ok(path) = std::env::var("STORE_LOOP") else {
        return;
    };
    let first: u32 = std::env::var("STORE_FIRST").unwrap().parse().unwrap();
    let count: u32 = std::env::var("STORE_RUNS").map_or(u32::MAX, |n| n.parse().unwrap());
    let mut store = Store::open(&path).unwrap();
    for i in first..first.saturating_add(count) {
        let run = format!("run-{i}");
        if let Err(e) = store.update(Change::new("loop", "match"), |d| {
            // Enough to write several pages each time.
            d.title = format!("{} {i}", d.title.split(' ').next().unwrap_or(""));
            add_run(d, &run)
        }) {
            println!("{} {e}", e.code());
            std::process::exit(3);
        }
    }
}

/// A small deterministic generator for the kill delays (the same every run).
fn delays(seed: u64, n: usize, max_ms: u64) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % max_ms
        })
        .collect()
}

#[test]
fn a_writer_killed_at_random_points_never_damages_the_store() {
    let dir = scratch("crash");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(
            &Example::IkastBrande.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    drop(store);
    let mut next = 0u32;
    for (round, delay) in delays(17, 12, 400).into_iter().enumerate() {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_looping_writer", "--test-threads=1"])
            .env("STORE_LOOP", &path)
            .env("STORE_FIRST", next.to_string())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        child.kill().unwrap();
        child.wait().unwrap();
        // Whatever the moment of the kill: the store opens, reads, and its chain is intact;
        // every run is either wholly there (with its audit event) or not at all.
        let store = Store::open(&path).unwrap();
        let d = store
            .dossier()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(store.verify().unwrap().is_intact(), "round {round}");
        let logged = store
            .log()
            .unwrap()
            .iter()
            .filter(|e| e.collection == "match_runs" && e.action == Action::Created)
            .count();
        assert_eq!(d.match_runs.len(), logged, "round {round}");
        next = 1000 * (round as u32 + 1);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A write that hits a full disk (a file-size limit, `ulimit -f`, with SIGXFSZ ignored so the
/// write fails instead of killing the process) fails with a typed error and leaves the store as
/// it was. SQLite reports a full disk (ENOSPC) as `store.storage_full` and a size limit (EFBIG)
/// as a failed write, `store.write_failed`.
#[cfg(unix)]
#[test]
fn a_full_disk_fails_the_write_and_keeps_the_store() {
    let dir = scratch("full");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(
            &Example::IkastBrande.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    let before = store.export_json().unwrap();
    let events = store.log().unwrap().len();
    drop(store);
    let size = std::fs::metadata(&path).unwrap().len();
    // 512-byte blocks: the file as it is, and not much more room.
    let blocks = size / 512 + 2;
    let script = format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\"");
    let out = Command::new("sh")
        .args([
            "-c",
            &script,
            std::env::current_exe().unwrap().to_str().unwrap(),
        ])
        .args([
            "--exact",
            "child_looping_writer",
            "--test-threads=1",
            "--nocapture",
        ])
        .env("STORE_LOOP", &path)
        .env("STORE_FIRST", "0")
        .env("STORE_RUNS", "50")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(
        stdout.contains("store.storage_full") || stdout.contains("store.write_failed"),
        "{stdout}"
    );
    let store = Store::open(&path).unwrap();
    assert!(store.verify().unwrap().is_intact());
    let after = store.dossier().unwrap();
    let logged = store
        .log()
        .unwrap()
        .iter()
        .filter(|e| e.collection == "match_runs")
        .count();
    assert_eq!(after.match_runs.len(), logged);
    assert!(store.log().unwrap().len() >= events);
    if after.match_runs.is_empty() {
        assert_eq!(store.export_json().unwrap(), before);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn erasure_removes_a_person_everywhere_and_the_chain_stays_verifiable() {
    let dir = scratch("erase");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(&ikast_with_run("run-1"), Change::new("a", "import"))
        .unwrap();
    let household = "nc-6402-1185";
    // An earlier version that names the household: a second run, then a changed title.
    store
        .update(Change::new("b", "match"), |d| add_run(d, "run-2"))
        .unwrap();
    let person = Example::IkastBrande.dossier().unwrap().people[0].clone();
    let on = chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
    let s = store
        .erase(
            Change::new("dpo", "erase"),
            Erase::Newcomer(household.into()),
            on,
        )
        .unwrap();
    assert_eq!(s.erasures, 1);
    assert!(s.erased + s.redacted >= 3 && s.updated >= 1, "{s:?}");
    let s = store
        .erase(
            Change::new("dpo", "erase"),
            Erase::Person(person.id.clone()),
            on,
        )
        .unwrap();
    assert!(s.erased + s.redacted >= 1, "{s:?}");
    drop(store);
    // Nowhere: not in the current state, not in any earlier version, not in the file's bytes.
    let store = Store::open(&path).unwrap();
    let json = store.export_json().unwrap();
    for needle in [household, person.id.as_str(), person.name.as_str()] {
        assert!(!json.contains(needle), "{needle} in the dossier");
    }
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for needle in [household, person.id.as_str(), person.name.as_str()] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM history WHERE instr(coalesce(before, ''), ?1) > 0 OR instr(coalesce(after, ''), ?1) > 0",
                [needle],
                |r| r.get(0),
            )
            .unwrap();
        let m: i64 = conn
            .query_row(
                "SELECT count(*) FROM entity WHERE instr(json, ?1) > 0",
                [needle],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!((n, m), (0, 0), "{needle}");
    }
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains(household),
        "the household's id is still in the file"
    );
    // The chain is intact, with the erasures in it; the dossier still reads and validates.
    let store = Store::open(&path).unwrap();
    assert!(store.verify().unwrap().is_intact());
    let erasures: Vec<_> = store
        .log()
        .unwrap()
        .into_iter()
        .filter(|e| e.action == Action::Erased)
        .collect();
    assert_eq!(erasures.len(), 2);
    assert_eq!(erasures[0].entity, "newcomer");
    assert!(!brobygger::FindingsExt::has_errors(
        store.dossier().unwrap().validate().as_slice()
    ));
    // Emptying a version behind the library's back is still found.
    drop(store);
    tamper(
        &path,
        "UPDATE history SET before = NULL, after = NULL WHERE seq = (SELECT min(seq) FROM history WHERE after IS NOT NULL)",
    );
    assert!(!Store::open(&path).unwrap().verify().unwrap().is_intact());
    // Unknown people are refused, and nothing changes.
    let mut store = Store::open(dir.join("s2.db")).unwrap();
    store
        .import(
            &Example::IkastBrande.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    let events = store.log().unwrap().len();
    let e = store
        .erase(
            Change::new("dpo", "erase"),
            Erase::Newcomer("nc-0000-0000".into()),
            on,
        )
        .unwrap_err();
    assert_eq!(e.code(), "not_found.newcomer");
    assert_eq!(store.log().unwrap().len(), events);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_copies_exchange_changes_with_conflicts_reported_and_twice_is_once() {
    let dir = scratch("copies");
    let d = Example::IkastBrande.dossier().unwrap();
    let (mut town, mut club) = (
        Store::open(dir.join("municipality.db")).unwrap(),
        Store::open(dir.join("association.db")).unwrap(),
    );
    town.import(&d, Change::new("kommune", "import")).unwrap();
    club.import(&d, Change::new("forening", "import")).unwrap();
    let (town_point, club_point) = (town.head().unwrap(), club.head().unwrap());
    // Each copy works on its own: the municipality stores a run and renames the dossier, the
    // association stores another run; both change the same agreement differently.
    let agreement = d.agreements[0].id.clone();
    town.update(Change::new("kommune", "work"), |d| {
        d.title = "Fælles titel".into();
        d.agreements[0].history.truncate(1);
        add_run(d, "run-town")
    })
    .unwrap();
    club.update(Change::new("forening", "work"), |d| {
        d.agreements[0].history.clear();
        add_run(d, "run-club")
    })
    .unwrap();
    // The municipality's changes, through a file, into the association's copy.
    let set = town.changes_since(town_point).unwrap();
    assert_eq!(set.since, town_point);
    assert_eq!(set.until, town.head().unwrap());
    let file = dir.join("changes.json");
    std::fs::write(&file, serde_json::to_string(&set).unwrap()).unwrap();
    let set: brobygger_store::ChangeSet =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let report = club.apply(Change::new("forening", "apply"), &set).unwrap();
    assert_eq!(report.applied, 2, "{report:?}"); // the title and the run
    assert_eq!(
        report.conflicts,
        [brobygger_store::Conflict {
            collection: "agreements".into(),
            key: agreement.to_string(),
        }]
    );
    let merged = club.dossier().unwrap();
    assert_eq!(merged.title, "Fælles titel");
    assert!(merged.agreements[0].history.is_empty()); // its own, not overwritten
    let mut runs: Vec<String> = merged.match_runs.iter().map(|r| r.id.to_string()).collect();
    runs.sort();
    assert_eq!(runs, ["run-club", "run-town"]);
    // Applying the same changes again changes nothing and logs nothing.
    let events = club.log().unwrap().len();
    let again = club.apply(Change::new("forening", "apply"), &set).unwrap();
    assert_eq!((again.applied, again.unchanged), (0, 2));
    assert_eq!(again.conflicts.len(), 1);
    assert_eq!(club.log().unwrap().len(), events);
    assert_eq!(club.dossier().unwrap(), merged);
    // And back: the association's own run reaches the municipality; the agreement conflicts there too.
    let back = club.changes_since(club_point).unwrap();
    let report = town.apply(Change::new("kommune", "apply"), &back).unwrap();
    assert!(
        report
            .conflicts
            .iter()
            .any(|c| c.key == agreement.to_string())
    );
    let town_runs = town.dossier().unwrap().match_runs.len();
    assert_eq!(town_runs, 2);
    assert!(town.verify().unwrap().is_intact() && club.verify().unwrap().is_intact());
    // A change file of another version is refused.
    let mut newer = set.clone();
    newer.format_version = 99;
    assert_eq!(
        club.apply(Change::new("x", "apply"), &newer)
            .unwrap_err()
            .code(),
        "store.changes_version"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The events of a store without the parts that depend on the clock (`at` and the hashes that
/// seal it): what Python and Kotlin must reach through their own `Store` for the same script.
fn log_digest(store: &Store) -> serde_json::Value {
    let events: Vec<_> = store
        .log()
        .unwrap()
        .into_iter()
        .map(|e| {
            serde_json::json!({
                "seq": e.seq, "actor": e.actor, "operation": e.operation,
                "collection": e.collection, "entity": e.entity, "action": e.action.as_str(),
                "fields": e.fields, "digest": e.digest,
            })
        })
        .collect();
    serde_json::Value::Array(events)
}

/// The script of tests/fixtures/store/script.expected.json, run through the Rust API: import
/// an example, add a person, fail to add them again (nothing stored), then the log, the
/// person's history and the chain. tests/python/test_store.py and tests/kotlin/StoreTest.kt run
/// the same script and compare.
#[test]
fn the_store_script_gives_the_shared_fixture() {
    let dir = scratch("script");
    let mut store = Store::open(dir.join("s.db")).unwrap();
    store
        .import(
            &Example::IkastBrande.dossier().unwrap(),
            Change::new("coordinator-1", "import"),
        )
        .unwrap();
    let person = || brobygger::Person {
        id: brobygger::PersonId::new("p-7x2k9q"),
        name: "Maren Holm".into(),
        email: Some("maren@example.org".into()),
        phone: None,
        child_protection_certificate: None,
        notes: None,
    };
    store
        .update(Change::new("coordinator-2", "add_person"), |d| {
            d.add_person(person())
        })
        .unwrap();
    let failed = store
        .update(Change::new("coordinator-2", "add_person"), |d| {
            d.add_person(person())
        })
        .unwrap_err();
    let history: Vec<_> = store
        .history("people", "p-7x2k9q")
        .unwrap()
        .into_iter()
        .map(|r| serde_json::json!({"seq": r.seq, "actor": r.actor, "action": r.action.as_str(), "json": r.json}))
        .collect();
    let report = store.verify_intact().unwrap();
    let got = serde_json::json!({
        "log": log_digest(&store),
        "failed_code": failed.code().as_str(),
        "history": history,
        "verified_events": report.events,
        "head": store.head().unwrap(),
    });
    let path = root().join("tests/fixtures/store/script.expected.json");
    let text = format!("{}\n", serde_json::to_string_pretty(&got).unwrap());
    if std::env::var_os("BROBYGGER_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {} (BROBYGGER_BLESS=1)", path.display())),
    )
    .unwrap();
    assert_eq!(got, want, "BROBYGGER_BLESS=1 rewrites {}", path.display());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_tampered_trail_is_a_typed_error_from_verify_intact() {
    let dir = scratch("intact");
    let path = dir.join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .import(
            &Example::Horsens.dossier().unwrap(),
            Change::new("anna", "import"),
        )
        .unwrap();
    assert!(store.verify_intact().is_ok());
    drop(store);
    tamper(&path, "UPDATE audit SET actor = 'mallory' WHERE seq = 2");
    let store = Store::open(&path).unwrap();
    let e = store.verify_intact().unwrap_err();
    assert_eq!(e.code(), "store.tampered");
    assert!(matches!(
        e,
        brobygger_store::StoreError::Tampered {
            problem: ChainProblem::Tampered { seq: 2 },
            ..
        }
    ));
    let boundary = brobygger::BrobyggerError::from(e);
    assert_eq!(boundary.code(), "store.tampered");
    assert!(!boundary.to_string().contains("mallory"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Whether `needle` is anywhere in the bytes of the store's files (the database, its
/// write-ahead log and shared memory).
fn in_files(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found
}

#[test]
fn erasing_one_household_keeps_the_cohorts_history_and_leaves_nothing_in_the_file() {
    let dir = scratch("erase-one");
    let path = dir.join("s.db");
    let mut d = ikast_with_run("run-1");
    let gone = d.cohorts[0].newcomers[0].id.to_string();
    let kept = d.cohorts[0].newcomers[1].id.to_string();
    // Values only the erased household has, in fields the anonymisation removes or merges.
    d.cohorts[0].newcomers[0].interests = vec!["zyxq-interest".into()];
    d.cohorts[0].newcomers[0].area = Some("Zyxq-kvarteret".into());
    let cohort = d.cohorts[0].id.to_string();
    let mut store = Store::open(&path).unwrap();
    store.import(&d, Change::new("a", "import")).unwrap();
    // Two more versions of the kept household (ADR 0066: each household is a row of its own).
    for area in ["Ikast Nord", "Ikast Syd"] {
        store
            .update(Change::new("b", "edit"), |d| {
                d.cohorts[0].newcomers[1].area = Some(area.into());
                Ok(())
            })
            .unwrap();
    }
    // The rows of the two households, found by what their versions hold (their keys are
    // digests, so the trail never holds an id).
    let household_rows = |store: &Store| -> Vec<String> {
        let mut keys: Vec<String> = store
            .log()
            .unwrap()
            .into_iter()
            .filter(|e| e.collection == "cohorts[].newcomers")
            .map(|e| e.entity)
            .collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let versions_naming = |store: &Store, id: &str| -> Vec<(String, usize)> {
        household_rows(store)
            .into_iter()
            .filter_map(|key| {
                let h = store.history("cohorts[].newcomers", &key).unwrap();
                h.iter()
                    .any(|r| r.json.as_deref().is_some_and(|j| j.contains(id)))
                    .then_some((key, h.len()))
            })
            .collect()
    };
    let kept_rows = versions_naming(&store, &kept);
    assert_eq!(kept_rows.len(), 1, "{kept_rows:?}");
    assert_eq!(kept_rows[0].1, 3);
    let gone_rows = versions_naming(&store, &gone);
    assert_eq!(gone_rows.len(), 1);
    assert!(!household_rows(&store).iter().any(|k| k.contains(&gone)));
    let cohort_before = store.history("cohorts", &cohort).unwrap();
    assert_eq!(cohort_before.len(), 1);
    assert!(!in_files(&dir, "zyxq").is_empty());
    let on = chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
    let s = store
        .erase(
            Change::new("dpo", "erase"),
            Erase::Newcomer(gone.as_str().into()),
            on,
        )
        .unwrap();
    assert!(s.erased >= 1 && s.redacted >= 1, "{s:?}");
    // The erased household's own versions are emptied; the other household's versions and the
    // cohort's are as they were.
    let emptied = store
        .history("cohorts[].newcomers", &gone_rows[0].0)
        .unwrap();
    assert!(emptied.iter().all(|r| r.json.is_none()), "{emptied:?}");
    let after = store
        .history("cohorts[].newcomers", &kept_rows[0].0)
        .unwrap();
    assert_eq!(after.len(), 3);
    for (r, area) in after.iter().zip(["", "Ikast Nord", "Ikast Syd"]) {
        let json = r
            .json
            .as_deref()
            .expect("a version of the kept household was emptied");
        assert!(json.contains(&kept) && json.contains(area), "{json}");
    }
    // The cohort's version keeps its own fields; only what names the household (its
    // introductions) is cut out.
    let cohort_after = store.history("cohorts", &cohort).unwrap();
    let json = cohort_after[0]
        .json
        .as_deref()
        .expect("the cohort's version was emptied");
    assert!(!json.contains(&gone) && json.contains("\"plan\""), "{json}");
    // The run's earlier version keeps the other households' matches.
    let run = store.history("match_runs", "run-1").unwrap();
    let json = run[0].json.as_deref().unwrap();
    assert!(!json.contains(&gone) && json.contains("\"matches\""));
    assert!(store.verify().unwrap().is_intact());
    // A cut version edited behind the library's back is still found.
    drop(store);
    assert_eq!(in_files(&dir, "zyxq"), Vec::<String>::new());
    assert_eq!(in_files(&dir, &gone), Vec::<String>::new());
    tamper(
        &path,
        "UPDATE history SET after = replace(after, 'Ikast Nord', 'Ikast Vest') WHERE instr(after, 'Ikast Nord') > 0",
    );
    assert!(!Store::open(&path).unwrap().verify().unwrap().is_intact());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_writer_starts_from_what_other_connections_wrote_since_its_own_last_write() {
    let dir = scratch("cache");
    let path = dir.join("s.db");
    let mut a = Store::open(&path).unwrap();
    let d = Example::Aalborg.dossier().unwrap();
    let people = d.people.len();
    a.import(&d, Change::new("a", "import")).unwrap();
    let mut b = Store::open(&path).unwrap();
    b.update(Change::new("b", "rename"), |d| {
        d.title = "Fra B".into();
        Ok(())
    })
    .unwrap();
    // `a` wrote last; `b` committed since, and `a` reads and writes on top of it.
    assert_eq!(a.dossier().unwrap().title, "Fra B");
    a.update(Change::new("a", "remove"), |d| {
        assert_eq!(d.title, "Fra B");
        d.people.pop();
        Ok(())
    })
    .unwrap();
    let seen = b.dossier().unwrap();
    assert_eq!(
        (seen.title.as_str(), seen.people.len()),
        ("Fra B", people - 1)
    );
    // A write that fails leaves the next one on the stored state, not on its half-done change.
    a.update(Change::new("a", "fail"), |d| {
        d.title = "halvt".into();
        Err::<(), _>(brobygger::BrobyggerError::not_found(
            brobygger::NotFoundCode::Agreement,
            "x",
        ))
    })
    .unwrap_err();
    a.update(Change::new("a", "check"), |d| {
        assert_eq!(d.title, "Fra B");
        Ok(())
    })
    .unwrap();
    // A change made behind the library's back (another connection) is seen too.
    tamper(
        &path,
        "UPDATE document SET json = replace(json, 'Fra B', 'Fra C')",
    );
    assert_eq!(a.dossier().unwrap().title, "Fra C");
    assert_eq!(
        Store::open(&path).unwrap().export_json().unwrap(),
        a.export_json().unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_version_replaced_by_a_number_is_found() {
    let dir = scratch("not-text");
    let path = dir.join("s.db");
    Store::open(&path)
        .unwrap()
        .import(
            &Example::Aalborg.dossier().unwrap(),
            Change::new("a", "import"),
        )
        .unwrap();
    tamper(&path, "UPDATE history SET after = 42 WHERE seq = 2");
    assert_eq!(
        Store::open(&path).unwrap().verify().unwrap().problem,
        Some(ChainProblem::HistoryTampered { seq: 2 })
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn journal_and_durability_names_parse_and_unknown_ones_are_listed_not_echoed() {
    use brobygger_store::Durability;
    for (name, mode) in JournalMode::NAMES {
        assert_eq!(JournalMode::parse(name).unwrap(), mode);
    }
    for (name, durability) in Durability::NAMES {
        assert_eq!(Durability::parse(name).unwrap(), durability);
    }
    let e = Durability::parse("Søren's laptop").unwrap_err();
    let text = e.to_string();
    assert!(text.contains("`normal` or `full`"), "{text}");
    assert!(
        !text.contains("Søren"),
        "the typed value is not repeated: {text}"
    );
    let e = JournalMode::parse("WAL").unwrap_err();
    assert!(e.to_string().contains("`wal` or `rollback`"));
}

/// ADR 0067: an import cancelled half-way (its progress sink stops it after some entities) is
/// rolled back whole: the store holds what it held, its trail has no event of it and still
/// verifies; an import and a verification watched to the end report up to their totals.
#[test]
fn a_cancelled_import_leaves_the_store_as_it_was() {
    use brobygger::progress::{Progress, Stage, Watch};
    use std::ops::ControlFlow;
    use std::sync::{Arc, Mutex};
    let dir = scratch("cancelled-import");
    let mut store = Store::open(dir.join("s.db")).unwrap();
    store
        .import(
            &Example::Horsens.dossier().unwrap(),
            Change::new("anna", "import"),
        )
        .unwrap();
    let before = store.export_json().unwrap();
    let events = store.log().unwrap().len();

    let watch = Watch::new()
        .interval(std::time::Duration::ZERO)
        .on_progress(|p| {
            if p.stage == Stage::Import && p.done > 0 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
    let e = store
        .import_watched(&ikast_with_run("r1"), Change::new("anna", "import"), &watch)
        .unwrap_err();
    assert_eq!(e.code().as_str(), "work.cancelled");
    assert_eq!(store.export_json().unwrap(), before);
    assert_eq!(store.log().unwrap().len(), events);
    assert!(store.verify_intact().is_ok());

    // Watched to the end: each stage ends at its total.
    let seen = Arc::new(Mutex::new(Vec::<Progress>::new()));
    let sink = Arc::clone(&seen);
    let watch = Watch::new()
        .interval(std::time::Duration::ZERO)
        .on_progress(move |p| {
            sink.lock().unwrap().push(p);
            ControlFlow::Continue(())
        });
    store
        .import_watched(&ikast_with_run("r1"), Change::new("anna", "import"), &watch)
        .unwrap();
    let report = store.verify_watched(&watch).unwrap();
    assert!(report.problem.is_none());
    let seen = seen.lock().unwrap();
    for stage in [Stage::Import, Stage::Verify] {
        let of: Vec<_> = seen.iter().filter(|p| p.stage == stage).collect();
        assert!(of.windows(2).all(|w| w[0].done < w[1].done), "{of:?}");
        let last = of.last().unwrap();
        assert_eq!(last.done, last.total);
    }
    assert_eq!(
        seen.iter()
            .rfind(|p| p.stage == Stage::Verify)
            .unwrap()
            .total,
        report.events
    );
}
