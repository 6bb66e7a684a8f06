//! The registry of codes and what depends on it: the guide's reference page is the registry's
//! Markdown (`BROBYGGER_BLESS=1` rewrites it), and neither the CLI nor a binding writes a code
//! the registry does not have (a binding converts; it never mints a code).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_guides_reference_is_the_registry() {
    let path = root().join("docs/guide/src/codes.md");
    let want = brobygger::codes_markdown();
    if std::env::var_os("BROBYGGER_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {} (BROBYGGER_BLESS=1)", path.display()));
    assert!(
        have == want,
        "{} differs from brobygger::codes_markdown(); rerun with BROBYGGER_BLESS=1 and review the diff",
        path.display()
    );
}

/// Every string literal of the form `<word>.<word>` in `text` (Rust or Python source).
fn dotted_literals(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for quote in ['"', '\''] {
            let mut parts = line.split(quote);
            parts.next();
            // Odd parts are inside quotes (good enough for code lines; a stray quote only adds
            // candidates, never hides one).
            for (i, part) in parts.enumerate() {
                if i % 2 == 1 {
                    continue;
                }
                let mut words = part.split('.');
                let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
                    continue;
                };
                let word = |w: &str| {
                    !w.is_empty()
                        && w.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                };
                if word(a) && word(b) {
                    out.push((n + 1, part.to_owned()));
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if matches!(
            p.extension().and_then(|x| x.to_str()),
            Some("rs" | "py" | "pyi" | "kt")
        ) {
            out.push(p);
        }
    }
}

#[test]
fn no_binding_or_cli_writes_a_code_the_registry_lacks() {
    let registry = brobygger::codes();
    let known: BTreeSet<&str> = registry.iter().map(|c| c.code.as_str()).collect();
    // A literal is taken for a code when it starts with a concern's name (or with a prefix a
    // binding might invent for itself).
    let mut concerns: BTreeSet<String> = registry
        .iter()
        .filter_map(|c| c.code.split('.').next().map(str::to_owned))
        .collect();
    concerns.extend(["py", "python", "mobile", "kotlin", "swift", "ffi"].map(str::to_owned));
    let mut files = Vec::new();
    for dir in [
        "crates/py/src",
        "crates/py/python",
        "crates/mobile/src",
        "crates/cli/src",
        "crates/store/src",
    ] {
        sources(&root().join(dir), &mut files);
    }
    assert!(files.len() > 10, "the binding sources were not found");
    let mut minted = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (line, lit) in dotted_literals(&text) {
            let concern = lit.split('.').next().unwrap_or_default();
            if concerns.contains(concern) && !known.contains(lit.as_str()) {
                minted.push(format!(
                    "{}:{line}: {lit}",
                    f.strip_prefix(root()).unwrap_or(f).display()
                ));
            }
        }
    }
    assert!(
        minted.is_empty(),
        "codes not in the registry (declare them in the core's enums of codes and use the \
         variant):\n{}",
        minted.join("\n")
    );
}

#[test]
fn the_scan_sees_a_minted_code() {
    let found = dotted_literals(r#"BrobyggerError::invalid_input("py.bad_thing", "x", "y")"#);
    assert_eq!(found, vec![(1, "py.bad_thing".to_owned())]);
    assert!(dotted_literals(r#"let x = a.b("c");"#).is_empty());
}

#[test]
fn every_error_of_the_library_carries_a_registered_code() {
    // The kinds of error the library returns: each code's registry entry names it.
    let e = brobygger::Dossier::from_json(r#"{"schema_version": 9, "title": "x"}"#).unwrap_err();
    let info = brobygger::code_info(e.code()).unwrap();
    assert_eq!(info.error, Some(brobygger::ErrorKind::UnsupportedVersion));
    assert!(
        e.message(brobygger::Lang::Da).contains("nyere"),
        "{}",
        e.message(brobygger::Lang::Da)
    );
}
