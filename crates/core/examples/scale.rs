//! Matching at scale, timed once with wall-clock time and peak memory (criterion cannot report
//! memory): candidate generation, then the optimal solver on the synthetic instance of
//! `benches/instances`. Used for BENCHMARKS.md.
//!
//! Run: `cargo run --release -p brobygger --example scale -- 100000 [offers] [radius_km]`;
//! prints one row of the size table in BENCHMARKS.md (times in seconds).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/instances/mod.rs"]
mod instances;

use brobygger::matching::generate_with_threads;
use brobygger::matching::solve_candidates;
use brobygger::matching::{MatchOptions, OfferRanking, Solver};
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let m: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(n / 5);
    // About 50 candidates per household at any size: the radius shrinks as offers get denser.
    let km: f64 = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.5 * (20_000.0 / m as f64).sqrt());
    let (ns, os) = instances::instance(n, m, 7);
    let rules = instances::rules(km);
    if args.get(4).is_some_and(|a| a == "tables") {
        table_timing(&ns);
        return;
    }
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64()
    };
    let mut c = Default::default();
    let gen1 = time(&mut || c = generate_with_threads(&rules, &ns, &os, 1));
    let gen2 = time(&mut || c = generate_with_threads(&rules, &ns, &os, 2));
    let w = instances::waiting(&ns);
    let mut a = Vec::new();
    let greedy = time(&mut || a = solve_candidates(&c, &w, Solver::Greedy, OfferRanking::Score));
    let optimal = time(&mut || a = solve_candidates(&c, &w, Solver::Optimal, OfferRanking::Score));
    let total: i64 = a
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.and_then(|j| c.score(i, j)))
        .sum();
    let paths = if n <= 30_000 {
        let mut b = Vec::new();
        let s = time(&mut || b = brobygger::matching::optimal_by_shortest_paths(&c));
        let check: i64 = b
            .iter()
            .enumerate()
            .filter_map(|(i, j)| j.and_then(|j| c.score(i, j)))
            .sum();
        assert_eq!(check, total, "both optimal solvers reach the same total");
        format!("{s:.3}")
    } else {
        "—".to_owned()
    };
    let stable = time(&mut || {
        a = solve_candidates(&c, &w, Solver::StableNewcomerProposing, OfferRanking::Score)
    });
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let mut matched = 0;
    let full = time(&mut || {
        let run =
            brobygger::matching::run(&rules, &ns, &os, MatchOptions::new(Solver::Optimal, day))
                .unwrap();
        matched = run.statistics.matched;
    });
    let eval = c.pairs_evaluated as f64;
    println!(
        "| {n} × {m} | {km:.1} km | {} ({:.1}/household) | {gen1:.3} s, {:.1} M/s | {gen2:.3} s, {:.1} M/s | {greedy:.3} | {optimal:.3} | {paths} | {stable:.3} | {full:.3} ({matched} matched) | {:.0} MB |",
        c.len(),
        c.len() as f64 / n as f64,
        eval / gen1 / 1e6,
        eval / gen2 / 1e6,
        peak_rss_mb()
    );
}

/// Reading profiles in bulk: a records table through the column reader against the plain
/// typed list reader, on the instance's newcomers written as JSON.
#[allow(dead_code)]
fn table_timing(ns: &[brobygger::matching::Newcomer]) {
    let json = serde_json::to_string(ns).unwrap();
    let t = Instant::now();
    let a = brobygger::matching::newcomers_from_json(&json).unwrap();
    let typed = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let b = brobygger::matching::newcomers_from_table(&json).unwrap();
    let table = t.elapsed().as_secs_f64();
    assert_eq!(a, b);
    println!(
        "reading {} newcomers ({:.1} MB of JSON records): typed list {typed:.3} s, table reader {table:.3} s",
        ns.len(),
        json.len() as f64 / 1e6
    );
}
