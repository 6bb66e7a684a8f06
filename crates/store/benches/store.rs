//! Criterion benchmarks for the store (issue 17): opening an existing store, one audited
//! single-field write (also synced per commit, `Durability::Full`; and, for comparison, the same
//! change to a JSON file saved atomically), storing a match run of 10,000 households, importing a
//! dossier of 1,000 agreements and 100,000 households, and verifying a chain of 1,000,000
//! events. File sizes are printed to standard error. Numbers and the machine are in BENCHMARKS.md.
//!
//! Run: `cargo bench -p brobygger-store` (add `-- --quick` for a fast pass, or a filter such as
//! `-- verify`).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::matching::{self, MatchOptions, Solver};
use brobygger::{Dossier, Example};
use brobygger_store::{Change, Durability, Store, StoreOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use std::hint::black_box;
use std::path::{Path, PathBuf};

#[path = "../../core/benches/instances/mod.rs"]
mod instances;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brobygger-store-bench-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn size(path: &Path) -> String {
    let bytes: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn change() -> Change<'static> {
    Change::new("bench", "bench")
}

/// Ikast-Brande with `agreements` copies of its agreements and one cohort of `households`.
fn large(agreements: usize, households: usize) -> Dossier {
    let mut v: Value = serde_json::from_str(Example::IkastBrande.json()).unwrap();
    let first = v["agreements"][0].clone();
    let list = v["agreements"].as_array_mut().unwrap();
    for i in list.len()..agreements {
        let mut a = first.clone();
        a["id"] = Value::String(format!("a-{i}"));
        list.push(a);
    }
    let (newcomers, _) = instances::instance(households, 1, 3);
    v["cohorts"][0]["newcomers"] = serde_json::to_value(&newcomers).unwrap();
    Dossier::from_json(&v.to_string()).unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = scratch("all");
    let mut g = c.benchmark_group("store");
    g.sample_size(10);

    // Open an existing store (the Ikast-Brande example).
    let small = dir.join("ikast.db");
    Store::open(&small)
        .unwrap()
        .import(&Example::IkastBrande.dossier().unwrap(), change())
        .unwrap();
    eprintln!("size: ikast-brande example store {}", size(&small));
    g.bench_function("open-existing", |b| {
        b.iter(|| black_box(Store::open(&small).unwrap()))
    });

    // One audited single-field write, as opened by default and synced before it returns
    // (Durability::Full, ADR 0055): what an fsync per commit costs on this disk.
    let mut i = 0u64;
    for (name, durability) in [
        ("single-field-write", Durability::Normal),
        ("single-field-write-full", Durability::Full),
    ] {
        let mut store =
            Store::open_with(&small, StoreOptions::default().durability(durability)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                store
                    .update(change(), |d| {
                        d.title = format!("Ikast-Brande {i}");
                        Ok(())
                    })
                    .unwrap()
            })
        });
    }

    // The same change kept in a JSON file instead: load, change, save atomically (what a
    // dossier file costs per change, without history, audit trail or concurrency).
    let file = dir.join("ikast.json");
    Example::IkastBrande.dossier().unwrap().save(&file).unwrap();
    let mut j = 0u64;
    g.bench_function("json-file-change", |b| {
        b.iter(|| {
            j += 1;
            let mut d = Dossier::load(&file).unwrap();
            d.title = format!("Ikast-Brande {j}");
            d.save(&file).unwrap()
        })
    });

    // Store a run of 10,000 households. Each heavy setup runs only when its bench is selected
    // (criterion calls a bench's closure only then), so `-- single` takes seconds.
    let runs = dir.join("runs.db");
    let mut setup: Option<(Store, brobygger::MatchRun)> = None;
    let mut k = 0u64;
    g.bench_function("store-run-10k", |b| {
        let (store, run) = setup.get_or_insert_with(|| {
            let (ns, os) = instances::instance(10_000, 2_000, 7);
            let options = MatchOptions::new(
                Solver::Optimal,
                chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            );
            let run = matching::run(&instances::rules(30.0), &ns, &os, options).unwrap();
            let mut store = Store::open(&runs).unwrap();
            store
                .import(&Example::IkastBrande.dossier().unwrap(), change())
                .unwrap();
            (store, run)
        });
        b.iter(|| {
            k += 1;
            let mut run = run.clone();
            run.id = format!("run-{k}").into();
            store
                .update(change(), |d| {
                    // The run alone: the store's cost, not the run's reference checks.
                    d.match_runs.clear();
                    d.match_runs.push(run);
                    Ok(())
                })
                .unwrap()
        })
    });
    if setup.take().is_some() {
        eprintln!(
            "size: store after {k} runs of 10,000 households {}",
            size(&runs)
        );
    }

    // Import 1,000 agreements and 100,000 households into a new store.
    let mut big: Option<Dossier> = None;
    let mut n = 0u64;
    g.bench_function("import-1k-agreements-100k-households", |b| {
        let big = big.get_or_insert_with(|| large(1_000, 100_000));
        b.iter(|| {
            n += 1;
            let path = dir.join(format!("big-{n}.db"));
            Store::open(&path).unwrap().import(big, change()).unwrap();
            if n == 1 {
                eprintln!(
                    "size: 1,000 agreements and 100,000 households {}",
                    size(&path)
                );
            }
            let _ = std::fs::remove_file(&path);
        })
    });
    g.finish();

    // Verify a chain of 1,000,000 events: 20,000 offers imported, then changed 49 times.
    let mut g = c.benchmark_group("verify");
    g.sample_size(10);
    let chain = dir.join("chain.db");
    let mut store: Option<Store> = None;
    g.bench_function("verify-1m-events", |b| {
        let store = store.get_or_insert_with(|| {
            let mut store = Store::open(&chain).unwrap();
            let (_, offers) = instances::instance(1, 20_000, 9);
            let mut d = Example::IkastBrande.dossier().unwrap();
            for round in 0..50 {
                d.offers = offers
                    .iter()
                    .map(|o| {
                        let mut o = o.clone();
                        o.capacity = 1 + round;
                        o
                    })
                    .collect();
                store.import(&d, change()).unwrap();
            }
            let events = store.verify().unwrap().events;
            eprintln!("size: a chain of {events} events {}", size(&chain));
            store
        });
        b.iter(|| assert!(store.verify().unwrap().is_intact()))
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
