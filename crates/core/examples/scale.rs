//! Matching at scale, timed once with wall-clock time and peak memory (criterion cannot report
//! memory): candidate generation, then the optimal solver on the synthetic instance of
//! `benches/instances`. Used for BENCHMARKS.md.
//!
//! Run: `cargo run --release -p brobygger --example scale -- 100000 20000 [radius_km]`

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/instances/mod.rs"]
mod instances;

use brobygger::matching::candidates::generate_with_threads;
use brobygger::matching::outcome::solve_candidates;
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
    let m: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let km: f64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(12.0);
    let (ns, os) = instances::instance(n, m, 7);
    let rules = instances::rules(km);
    if args.get(4).is_some_and(|a| a == "tables") {
        table_timing(&ns);
        return;
    }
    println!(
        "instance {n} x {m}, hard distance {km} km; peak RSS so far {:.0} MB",
        peak_rss_mb()
    );
    let mut c = Default::default();
    for threads in [1, 2] {
        let t = Instant::now();
        c = generate_with_threads(&rules, &ns, &os, threads);
        let gen_s = t.elapsed().as_secs_f64();
        println!(
            "candidates on {threads} thread(s): {} pairs evaluated, {} candidate pairs ({:.1} per newcomer), {:.3} s, {:.1} M pairs/s",
            c.pairs_evaluated,
            c.len(),
            c.len() as f64 / n as f64,
            gen_s,
            c.pairs_evaluated as f64 / gen_s / 1e6
        );
    }
    let w = instances::waiting(&ns);
    for solver in [Solver::Greedy, Solver::Optimal] {
        let t = Instant::now();
        let a = solve_candidates(&c, &w, solver, OfferRanking::Score);
        let s = t.elapsed().as_secs_f64();
        let matched = a.iter().flatten().count();
        let total: i64 = a
            .iter()
            .enumerate()
            .filter_map(|(i, j)| j.and_then(|j| c.score(i, j)))
            .sum();
        println!("{solver:?}: {s:.3} s, {matched} matched, total score {total}");
    }
    println!("peak RSS {:.0} MB", peak_rss_mb());
    let t = Instant::now();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let run = brobygger::matching::run(&rules, &ns, &os, MatchOptions::new(Solver::Optimal, day))
        .unwrap();
    println!(
        "full run (candidates, optimal, explanations, diagnosis of the unmatched): {:.3} s, {} matched, {} unmatched; peak RSS {:.0} MB",
        t.elapsed().as_secs_f64(),
        run.statistics.matched,
        run.statistics.unmatched,
        peak_rss_mb()
    );
}

/// Reading profiles in bulk: a records table through the column reader against the plain
/// typed list reader, on the instance's newcomers written as JSON.
#[allow(dead_code)]
fn table_timing(ns: &[brobygger::matching::Newcomer]) {
    let json = serde_json::to_string(ns).unwrap();
    let t = Instant::now();
    let a = brobygger::matching::profile::newcomers_from_json(&json).unwrap();
    let typed = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let b = brobygger::matching::columns::newcomers_from_table(&json).unwrap();
    let table = t.elapsed().as_secs_f64();
    assert_eq!(a, b);
    println!(
        "reading {} newcomers ({:.1} MB of JSON records): typed list {typed:.3} s, table reader {table:.3} s",
        ns.len(),
        json.len() as f64 / 1e6
    );
}
