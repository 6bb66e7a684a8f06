//! Every file the command line writes is written safely: `--out` never replaces its own input;
//! `match --store` keeps the dossier's permissions and symbolic link, leaves no temporary file,
//! keeps the old dossier on a full disk, and loses no run when six processes store at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brobygger"))
}

fn run(args: &[&str]) -> Output {
    let out = Command::new(bin()).args(args).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-safe-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ikast(dir: &Path) -> PathBuf {
    let out = run(&["example", "ikast-brande"]);
    assert!(out.status.success());
    let file = dir.join("ikast.json");
    std::fs::write(&file, out.stdout).unwrap();
    file
}

/// Names in `dir` that are not the ones given: temporary files left behind.
fn strays(dir: &Path, expected: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !expected.contains(&n.as_str()))
        .collect()
}

fn runs(file: &Path) -> Vec<String> {
    brobygger::Dossier::load(file)
        .unwrap()
        .match_runs
        .iter()
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn out_refuses_to_replace_its_input() {
    let dir = scratch("out");
    let file = ikast(&dir);
    let before = std::fs::read(&file).unwrap();
    let path = file.to_str().unwrap();
    // The same file under another name: through `.` and through a hard link.
    let dotted = dir.join(".").join("ikast.json");
    let hard = dir.join("hard.json");
    std::fs::hard_link(&file, &hard).unwrap();
    let cases: Vec<Vec<String>> = vec![
        vec![
            "report".into(),
            path.into(),
            "--agreement".into(),
            "ikast-vvv".into(),
            "--as-of".into(),
            "2016-06-01".into(),
            "--out".into(),
            path.into(),
        ],
        vec![
            "report".into(),
            path.into(),
            "--agreement".into(),
            "ikast-vvv".into(),
            "--as-of".into(),
            "2016-06-01".into(),
            "--out".into(),
            dotted.display().to_string(),
        ],
        vec![
            "match".into(),
            "--dossier".into(),
            path.into(),
            "--as-of".into(),
            "2016-04-01".into(),
            "--out".into(),
            hard.display().to_string(),
        ],
        vec![
            "align".into(),
            path.into(),
            "--agreement".into(),
            "ikast-vvv".into(),
            "--out".into(),
            path.into(),
        ],
    ];
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("file.same_as_input"), "{args:?}: {stderr}");
        assert_eq!(std::fs::read(&file).unwrap(), before, "{args:?}");
    }
    assert!(strays(&dir, &["ikast.json", "hard.json"]).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn store_keeps_mode_and_link_and_leaves_no_temp() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let file = ikast(&dir);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink("ikast.json", &link).unwrap();
    let out = run(&[
        "match",
        "--dossier",
        link.to_str().unwrap(),
        "--as-of",
        "2016-04-01",
        "--store",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(runs(&file).len(), 1);
    assert!(strays(&dir, &["ikast.json", "link.json"]).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A write that hits a full disk (here a file-size limit: `ulimit -f`, with SIGXFSZ ignored so
/// the write fails with EFBIG instead of killing the process) fails with a typed error, keeps
/// the old dossier and leaves no temporary file.
#[cfg(unix)]
#[test]
fn a_full_disk_keeps_the_old_dossier() {
    let dir = scratch("full");
    let file = ikast(&dir);
    let before = std::fs::read(&file).unwrap();
    // 512-byte blocks: room for a few, far less than the dossier.
    let script = "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"";
    let out = Command::new("sh")
        .args(["-c", script, bin().to_str().unwrap()])
        .args([
            "match",
            "--dossier",
            file.to_str().unwrap(),
            "--as-of",
            "2016-04-01",
            "--store",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("file.storage_full"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(strays(&dir, &["ikast.json"]).is_empty());
    // The same for a report written with --out: nothing half-written is left.
    let report = dir.join("report.html");
    let out = Command::new("sh")
        .args(["-c", script, bin().to_str().unwrap()])
        .args([
            "report",
            file.to_str().unwrap(),
            "--agreement",
            "ikast-vvv",
            "--as-of",
            "2016-06-01",
            "--format",
            "html",
            "--out",
            report.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!report.exists());
    assert!(strays(&dir, &["ikast.json"]).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn six_concurrent_stores_keep_six_runs() {
    let dir = scratch("six");
    let file = ikast(&dir);
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(bin())
                .args([
                    "match",
                    "--dossier",
                    file.to_str().unwrap(),
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
    let mut ids = runs(&file);
    ids.sort();
    assert_eq!(ids, (0..6).map(|i| format!("run-{i}")).collect::<Vec<_>>());
    assert!(strays(&dir, &["ikast.json"]).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `match --store` killed at seeded random moments never leaves a dossier that does not
/// load: the file holds the old dossier or the new one, whole. A temporary file the killed
/// process left is removed by the next write.
#[test]
fn a_store_killed_at_random_moments_never_breaks_the_dossier() {
    let dir = scratch("killed");
    let file = ikast(&dir);
    let mut x: u64 = 23;
    for round in 0..10 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = (x >> 33) % 200;
        let mut child = Command::new(bin())
            .args([
                "match",
                "--dossier",
                file.to_str().unwrap(),
                "--as-of",
                "2016-04-01",
                "--store",
                "--run-id",
                &format!("run-{round}"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        child.wait().unwrap();
        let ids = runs(&file);
        assert!(ids.len() <= round + 1, "round {round}: {ids:?}");
    }
    // One more write, not killed: it keeps every run stored so far and cleans up.
    let before = runs(&file).len();
    let out = run(&[
        "match",
        "--dossier",
        file.to_str().unwrap(),
        "--as-of",
        "2016-04-01",
        "--store",
        "--run-id",
        "last",
    ]);
    assert!(out.status.success());
    assert_eq!(runs(&file).len(), before + 1);
    assert!(strays(&dir, &["ikast.json"]).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
