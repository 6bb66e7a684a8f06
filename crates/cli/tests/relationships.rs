//! `brobygger relationships ...` and `match --rematch`, `--alternatives`, `--why-not`: a
//! relationship recorded step by step in a dossier file and in a store, a refused step that
//! exits 2 and leaves the file as it was, and a rematch that knows who lost a match.
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
    let dir = std::env::temp_dir().join(format!("brobygger-rel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/matching/ikast-relationships.dossier.json"),
        dir.join("forloeb.json"),
    )
    .unwrap();
    dir
}

#[test]
fn a_relationship_is_recorded_step_by_step_in_a_file_and_in_a_store() {
    let dir = scratch("steps");
    let listed = ok(
        &dir,
        &[
            "relationships",
            "list",
            "forloeb.json",
            "--as-of",
            "2016-10-01",
            "--lang",
            "en",
        ],
    );
    assert!(
        listed.contains("rel-2") && listed.contains("proposed"),
        "{listed}"
    );
    ok(&dir, &["db", "import", "forloeb.json", "forloeb.db"]);
    for file in ["forloeb.json", "forloeb.db"] {
        let step = |args: &[&str]| {
            let mut all = vec!["relationships"];
            all.extend_from_slice(args);
            all.extend_from_slice(&["--lang", "en"]);
            all.insert(2, file);
            ok(&dir, &all)
        };
        assert_eq!(
            step(&[
                "record",
                "rel-2",
                "accepted",
                "--side",
                "household",
                "--on",
                "2016-09-07"
            ]),
            "rel-2: proposed\n"
        );
        assert_eq!(
            step(&[
                "record",
                "rel-2",
                "accepted",
                "--side",
                "volunteer",
                "--on",
                "2016-09-08"
            ]),
            "rel-2: accepted\n"
        );
        assert_eq!(
            step(&["record", "rel-2", "started", "--on", "2016-09-20"]),
            "rel-2: started\n"
        );
        assert_eq!(
            step(&[
                "record",
                "rel-2",
                "check-in",
                "--outcome",
                "going",
                "--on",
                "2016-10-04"
            ]),
            "rel-2: active\n"
        );
        assert_eq!(
            step(&["end", "rel-2", "moved_away", "--on", "2016-12-01"]),
            "rel-2: ended\n"
        );
        let events = ok(&dir, &["relationships", "events", file, "--format", "csv"]);
        assert_eq!(
            events.lines().filter(|l| l.starts_with("rel-2,")).count(),
            5,
            "{events}"
        );
    }
    let log = ok(&dir, &["db", "log", "forloeb.db"]);
    assert!(log.contains("relationships.end"), "{log}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_step_exits_2_and_changes_nothing() {
    let dir = scratch("refused");
    let before = std::fs::read(dir.join("forloeb.json")).unwrap();
    // Ending a relationship that never started.
    let out = run(
        &dir,
        &[
            "relationships",
            "end",
            "forloeb.json",
            "rel-2",
            "goal_reached",
            "--on",
            "2016-12-01",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("relationship.invalid_transition"));
    // An unknown step, an unknown relationship.
    let out = run(
        &dir,
        &[
            "relationships",
            "record",
            "forloeb.json",
            "rel-2",
            "dancing",
            "--on",
            "2016-12-01",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &dir,
        &[
            "relationships",
            "record",
            "forloeb.json",
            "rel-9",
            "started",
            "--on",
            "2016-12-01",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("not_found.relationship"));
    assert_eq!(std::fs::read(dir.join("forloeb.json")).unwrap(), before);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rematch_alternatives_and_why_not_from_the_command_line() {
    let dir = scratch("rematch");
    let json = ok(
        &dir,
        &[
            "match",
            "--dossier",
            "forloeb.json",
            "--rematch",
            "--as-of",
            "2016-09-10",
            "--format",
            "json",
        ],
    );
    let rematch: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The household with a proposed replacement holds a place and does not wait.
    assert!(!json.contains("\"nc-3817-2204\""), "{json}");
    assert!(rematch["matches"].as_array().is_some_and(|m| !m.is_empty()));
    let text = ok(
        &dir,
        &[
            "match",
            "--example",
            "ikast-brande",
            "--as-of",
            "2016-04-01",
            "--alternatives",
            "2",
            "--why-not",
            "nc-5120-7741:vvv-cf-ikast-2",
            "--lang",
            "en",
        ],
    );
    assert!(text.contains("## Next-best offers"), "{text}");
    assert!(
        text.contains(
            "nc-5120-7741 → vvv-cf-ikast-2: The pair fails the hard rule 'common-language'."
        ),
        "{text}"
    );
    let out = run(
        &dir,
        &[
            "match",
            "--example",
            "ikast-brande",
            "--why-not",
            "no-colon",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &dir,
        &[
            "match",
            "--example",
            "ikast-brande",
            "--rematch",
            "--previous-partner",
            "sometimes",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
