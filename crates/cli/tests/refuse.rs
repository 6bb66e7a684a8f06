//! The command line refuses what it cannot safely read (issue 18, item 7): a dossier with
//! errors (a duplicate id, a dangling reference) is refused by every command but `validate`,
//! with its findings and exit code 1, unless `--allow-invalid`; a FIFO or a device is refused
//! at once instead of hanging or reading without end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_brobygger"))
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-refuse-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_dossier_with_errors_is_refused_unless_allowed() {
    let dir = scratch("invalid");
    let mut d = brobygger::Dossier::example("ikast-brande").unwrap();
    d.offers.push(d.offers[0].clone());
    let path = dir.join("d.json");
    std::fs::write(&path, d.to_json().unwrap()).unwrap();
    let file = path.display().to_string();
    for args in [
        vec!["summary", &file],
        vec!["match", "--dossier", &file, "--as-of", "2016-04-01"],
        vec!["remind", &file, "--as-of", "2016-04-01"],
        vec!["assess", &file, "--as-of", "2016-06-01"],
    ] {
        let mut args = args.clone();
        args.extend(["--lang", "en"]);
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("validation.failed") && stderr.contains("offers[11].id"),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        args.push("--allow-invalid");
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args[0] == "match" {
            // Told to read it anyway, the run itself still refuses two offers with one id: a
            // capacity-1 offer would otherwise go to two households.
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains("validation.duplicate_id"), "{stderr}");
        } else {
            assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        }
    }
    // validate reports the findings (exit 1) without being told.
    let out = run(&["validate", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("used before"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_at_once() {
    let dir = scratch("fifo");
    let fifo = dir.join("nyankomne.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let fifo = fifo.display().to_string();
    let mut inputs = vec!["/dev/zero".to_owned()];
    if made {
        inputs.push(fifo);
    }
    for input in &inputs {
        for args in [
            vec!["validate", input.as_str()],
            vec!["summary", input.as_str()],
            vec!["match", "--dossier", input.as_str()],
        ] {
            let out = run(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(1 | 2)),
                "{args:?}: {stderr}"
            );
            assert!(
                stderr.contains("load.not_regular_file"),
                "{args:?}: {stderr}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
