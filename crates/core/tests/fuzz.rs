#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Fuzzing the file readers with a fixed budget (issue 18, item 8): every fixture file of a kind
//! (dossier JSON, rule set TOML and JSON, checklist template TOML and JSON, newcomer and offer
//! CSV, JSON lists and tables) and the seeds in `tests/fixtures/fuzz/` are mutated by a seeded
//! generator (bytes flipped, inserted, deleted, repeated, spliced with another file; nesting
//! thousands deep; numbers beyond every integer type; any Unicode; a canary value planted in
//! keys, cells and values) and read by each reader of that kind. Invariants: no panic, no
//! crash, and no canary in any error message or problem text; a dossier that reads is also
//! validated, summarised and reviewed without a panic.
//!
//! This is mutation fuzzing without coverage feedback (no nightly toolchain or cargo-fuzz is
//! installed on the project's machines). `BROBYGGER_FUZZ_CASES` sets the cases per target (the
//! test command's budget is the default, 400); `scripts/fuzz.sh` runs a longer campaign with a
//! new seed each time and prints the seed of any failure.

use brobygger::import::{self, CsvOptions};
use brobygger::matching;
use brobygger::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

const CANARY: &str = "Kanariefugl Q7 0101901234";

/// splitmix64: a small seeded generator, so a failure is reproduced from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every file under `dir` whose name ends with one of `ends`.
fn files(dir: &Path, ends: &[&str], out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, ends, out);
        } else if ends
            .iter()
            .any(|e| p.file_name().unwrap().to_string_lossy().ends_with(e))
        {
            out.push(std::fs::read(&p).unwrap());
        }
    }
}

fn corpus(ends: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    files(&fixtures(), ends, &mut out);
    assert!(!out.is_empty(), "no seeds for {ends:?}");
    out
}

const INSERTS: &[&str] = &[
    CANARY,
    "\"",
    "\"Kanariefugl Q7 0101901234\": 1, ",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":",
    "18446744073709551616",
    "-9223372036854775809",
    "1e999999",
    "4294967296",
    "NaN",
    "-0",
    "262143-12-31",
    "-262144-01-01",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "ﷺ𝔉𝔞𝔱𝔦𝔪𝔞",
    ";;;;",
    ",,,,\n",
    "\r\n",
    "=HYPERLINK(\"x\")",
    "'",
    "\\u0000",
    "[a]\nb = [",
];

fn mutate(seed: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(9) {
            0 if !v.is_empty() => {
                let k = rng.below(v.len());
                v[k] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, (rng.next() & 0xff) as u8),
            2 if !v.is_empty() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 => {
                let s = INSERTS[rng.below(INSERTS.len())].as_bytes();
                v.splice(at..at, s.iter().copied());
            }
            4 => {
                // Nesting thousands deep.
                let n = 1 + rng.below(5_000);
                let open = if rng.below(2) == 0 { "[" } else { "{\"a\":" };
                v.splice(at..at, open.repeat(n).into_bytes());
            }
            5 if !v.is_empty() => {
                let start = rng.below(v.len());
                let end = (start + rng.below(256)).min(v.len());
                let chunk = v[start..end].to_vec();
                for _ in 0..1 + rng.below(8) {
                    v.splice(at..at, chunk.iter().copied());
                }
            }
            6 if !other.is_empty() => {
                let start = rng.below(other.len());
                let end = (start + rng.below(512)).min(other.len());
                v.splice(at..at, other[start..end].iter().copied());
            }
            7 => {
                // Replace a quoted value or cell by the canary.
                if let Some(q) = v[at.min(v.len())..]
                    .iter()
                    .position(|b| *b == b'"' || *b == b',')
                {
                    let k = at + q + 1;
                    if k <= v.len() {
                        v.splice(k..k, CANARY.bytes());
                    }
                }
            }
            _ => {
                let ch = char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{fffd}');
                let mut buf = [0u8; 4];
                v.splice(at..at, ch.encode_utf8(&mut buf).bytes());
            }
        }
    }
    v
}

fn cases() -> usize {
    std::env::var("BROBYGGER_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400)
}

fn seed() -> u64 {
    std::env::var("BROBYGGER_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x0b50_b066_e518)
}

fn no_canary(target: &str, seed: u64, case: usize, text: &str) {
    assert!(
        !text.contains("Kanariefugl") && !text.contains("0101901234"),
        "{target} (seed {seed}, case {case}) echoed input: {text}"
    );
}

fn error_texts(e: &BrobyggerError) -> Vec<String> {
    let mut out = vec![e.to_string(), e.message(Lang::Da), e.message(Lang::En)];
    if let BrobyggerError::Validation { findings, .. } = e {
        out.extend(findings.iter().map(|f| f.render(Lang::En)));
    }
    out
}

/// Runs `read` on mutations of the corpus; fails on a panic or an echoed canary.
fn fuzz(target: &str, ends: &[&str], read: impl Fn(&[u8]) -> Vec<String>) {
    fuzz_with(target, corpus(ends), read);
}

fn fuzz_with(target: &str, seeds: Vec<Vec<u8>>, read: impl Fn(&[u8]) -> Vec<String>) {
    let base = seed()
        ^ target
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut rng = Rng(base);
    for case in 0..cases() {
        let seed_file = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())];
        let input = mutate(seed_file, other, &mut rng);
        let texts = catch_unwind(AssertUnwindSafe(|| read(&input))).unwrap_or_else(|_| {
            let dir = std::env::temp_dir().join("brobygger-fuzz-failures");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{target}-{base}-{case}"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "{target} panicked (seed {base}, case {case}); input kept in {}",
                path.display()
            )
        });
        for t in texts {
            no_canary(target, base, case, &t);
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn fuzz_dossier_json() {
    let mut seeds = corpus(&[".input.json"]);
    for name in ["aalborg", "ikast-brande", "horsens"] {
        seeds.push(
            Dossier::example(name)
                .unwrap()
                .to_json()
                .unwrap()
                .into_bytes(),
        );
    }
    fuzz_with("dossier", seeds, |b| match Dossier::from_json_bytes(b) {
        Ok(d) => {
            // A dossier that reads is used as a coordinator would: nothing may panic.
            let _ = d.validate();
            let _ = d.summary(SummaryOptions::default());
            let _ = d.privacy().review(
                "2016-06-01".parse().unwrap(),
                privacy::ReviewOptions::default(),
            );
            Vec::new()
        }
        Err(e) => error_texts(&e),
    });
}

#[test]
fn fuzz_rule_sets() {
    fuzz("rules", &[".rules.toml", ".input.toml"], |b| {
        let s = text(b);
        [RuleSet::from_toml(&s), RuleSet::from_json(&s)]
            .into_iter()
            .filter_map(Result::err)
            .flat_map(|e| error_texts(&e))
            .collect()
    });
}

#[test]
fn fuzz_checklist_templates() {
    fuzz("templates", &[".input.toml", ".input.json"], |b| {
        let s = text(b);
        [
            ChecklistTemplate::from_toml(&s),
            ChecklistTemplate::from_json(&s),
        ]
        .into_iter()
        .filter_map(Result::err)
        .flat_map(|e| error_texts(&e))
        .collect()
    });
}

#[test]
fn fuzz_csv_lists() {
    fuzz("csv", &[".csv"], |b| {
        let o = CsvOptions::default();
        let n = import::check_newcomers_csv_bytes(b, &o);
        let f = import::check_offers_csv_bytes(b, &o);
        n.problems
            .iter()
            .chain(&f.problems)
            .map(|p| p.render(Lang::En))
            .collect()
    });
}

#[test]
fn fuzz_json_lists_and_tables() {
    fuzz(
        "tables",
        &[
            "newcomers.json",
            "offers.json",
            "-columns.json",
            "-split.json",
        ],
        |b| {
            let s = text(b);
            let mut out = Vec::new();
            for r in [
                matching::newcomers_from_json(&s).err(),
                matching::newcomers_from_table(&s).err(),
            ] {
                out.extend(r.iter().flat_map(error_texts));
            }
            for r in [
                matching::offers_from_json(&s).err(),
                matching::offers_from_table(&s).err(),
            ] {
                out.extend(r.iter().flat_map(error_texts));
            }
            out
        },
    );
}
