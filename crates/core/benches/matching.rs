//! Criterion benchmarks for matching: candidate generation (with and without spatial pruning)
//! and each solver on synthetic instances made with a fixed seed. First numbers are in
//! `BENCHMARKS.md`; the scale targets belong to issue 12.
//!
//! Run: `cargo bench -p brobygger --bench matching` (add `-- --quick` for a fast pass).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::matching::*;
use brobygger::matching::{self, Preferences, ProposingSide};
use brobygger::matching::{candidates, solve_candidates, solve_candidates_watched};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod instances;
use instances::*;

fn bench_candidates(c: &mut Criterion) {
    let mut g = c.benchmark_group("candidates");
    g.sample_size(10);
    let (n, o) = instance(5_000, 1_000, 1);
    for km in [15.0, 1_000.0] {
        let rs = rules(km);
        let label = if km < 100.0 {
            "grid-15km"
        } else {
            "no-pruning"
        };
        g.bench_with_input(BenchmarkId::new(label, "5000x1000"), &rs, |b, rs| {
            b.iter(|| black_box(candidates(rs, &n, &o)))
        });
    }
    g.finish();
}

fn bench_solvers(c: &mut Criterion) {
    let mut g = c.benchmark_group("solvers");
    g.sample_size(10);
    for (n, m) in [(1_000usize, 250usize), (5_000, 1_000), (20_000, 4_000)] {
        let (ns, os) = instance(n, m, 7);
        let cands = candidates(&rules(15.0), &ns, &os);
        let w = waiting(&ns);
        let size = format!("{n}x{m} ({} pairs)", cands.len());
        for solver in [
            Solver::Greedy,
            Solver::Optimal,
            Solver::StableNewcomerProposing,
            Solver::StableOfferProposing,
        ] {
            if solver == Solver::Optimal && n > 20_000 {
                continue;
            }
            g.bench_with_input(
                BenchmarkId::new(format!("{solver:?}"), &size),
                &cands,
                |b, c| b.iter(|| black_box(solve_candidates(c, &w, solver, OfferRanking::Score))),
            );
        }
    }
    g.finish();
}

/// The cost of watching (ADR 0067): each solver on one instance unwatched and under a watch with
/// a flag and a sink (throttled as in Python), interleaved in one process so load hits both.
fn bench_watched(c: &mut Criterion) {
    let mut g = c.benchmark_group("watched");
    g.sample_size(10);
    let (ns, os) = instance(5_000, 1_000, 7);
    let cands = candidates(&rules(15.0), &ns, &os);
    let w = waiting(&ns);
    let watch = brobygger::progress::Watch::new().on_progress(|p| {
        black_box(p);
        std::ops::ControlFlow::Continue(())
    });
    for solver in [
        Solver::Greedy,
        Solver::Optimal,
        Solver::StableNewcomerProposing,
    ] {
        g.bench_function(BenchmarkId::new(format!("{solver:?}"), "unwatched"), |b| {
            b.iter(|| black_box(solve_candidates(&cands, &w, solver, OfferRanking::Score)))
        });
        g.bench_function(BenchmarkId::new(format!("{solver:?}"), "watched"), |b| {
            b.iter(|| {
                black_box(solve_candidates_watched(
                    &cands,
                    &w,
                    solver,
                    OfferRanking::Score,
                    &watch,
                ))
            })
        });
    }
    g.finish();
}

fn bench_preferences(c: &mut Criterion) {
    let mut g = c.benchmark_group("hospital-residents");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let h = n / 10;
        let mut r = Rng(3);
        let residents: Vec<Vec<u32>> = (0..n)
            .map(|_| {
                let mut l: Vec<u32> = (0..10).map(|_| r.below(h as u64) as u32).collect();
                l.sort_unstable();
                l.dedup();
                l
            })
            .collect();
        let mut hospitals: Vec<Vec<u32>> = vec![Vec::new(); h];
        for (i, l) in residents.iter().enumerate() {
            for &j in l {
                hospitals[j as usize].push(i as u32);
            }
        }
        for l in &mut hospitals {
            for k in (1..l.len()).rev() {
                let s = r.below(k as u64 + 1) as usize;
                l.swap(k, s);
            }
        }
        let p = Preferences {
            newcomers: residents,
            offers: hospitals,
            capacities: vec![8; h],
        };
        for side in [ProposingSide::Newcomers, ProposingSide::Offers] {
            g.bench_with_input(BenchmarkId::new(format!("{side:?}"), n), &p, |b, p| {
                b.iter(|| black_box(matching::stable(p, side)))
            });
        }
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_candidates,
    bench_solvers,
    bench_watched,
    bench_preferences
);
criterion_main!(benches);
