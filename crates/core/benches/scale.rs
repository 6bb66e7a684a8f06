//! Criterion benchmarks for matching at scale (issue 12): the dense assignment solver by size,
//! the sparse optimal solver from 1,000 to 100,000 households with about 50 candidates each
//! (bidding + shortest paths, and shortest paths alone for reference), and candidate
//! generation on one and on two threads. Numbers and the machine are in BENCHMARKS.md.
//!
//! Run: `cargo bench -p brobygger --bench scale` (add `-- --quick` for a fast pass, or a
//! filter such as `-- dense`).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::matching;
use brobygger::matching::generate_with_threads;
use brobygger::matching::{Objective, solve_dense};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod instances;

/// The hard distance that leaves about 50 candidates per household when there are `m`
/// offers over the 300 × 300 km square (10.5 km at 20,000 offers).
fn radius_for(m: usize) -> f64 {
    10.5 * (20_000.0 / m as f64).sqrt()
}

fn bench_dense(c: &mut Criterion) {
    let mut g = c.benchmark_group("dense");
    g.sample_size(10);
    for (rows, cols) in [
        (100, 100),
        (500, 500),
        (1000, 1000),
        (2000, 2000),
        (1000, 2000),
    ] {
        let m = instances::dense(rows, cols, 1_000, 5);
        for objective in [Objective::Minimize, Objective::Maximize] {
            g.bench_with_input(
                BenchmarkId::new(format!("{objective:?}"), format!("{rows}x{cols}")),
                &m,
                |b, m| b.iter(|| black_box(solve_dense(m, rows, cols, objective).unwrap())),
            );
        }
    }
    g.finish();
}

fn bench_sparse_optimal(c: &mut Criterion) {
    let mut g = c.benchmark_group("sparse-optimal");
    g.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let m = n / 5;
        let (ns, os) = instances::instance(n, m, 7);
        let cands = generate_with_threads(&instances::rules(radius_for(m)), &ns, &os, 2);
        let size = format!("{n}x{m} ({} pairs)", cands.len());
        g.bench_with_input(BenchmarkId::new("bidding+paths", &size), &cands, |b, c| {
            b.iter(|| black_box(matching::optimal(c)))
        });
        if n <= 10_000 {
            g.bench_with_input(BenchmarkId::new("paths-only", &size), &cands, |b, c| {
                b.iter(|| black_box(matching::optimal_by_shortest_paths(c)))
            });
        }
    }
    g.finish();
}

fn bench_candidates(c: &mut Criterion) {
    let mut g = c.benchmark_group("candidates-threads");
    g.sample_size(10);
    let (n, m) = (20_000usize, 4_000usize);
    let (ns, os) = instances::instance(n, m, 7);
    let rules = instances::rules(radius_for(m));
    for threads in [1usize, 2] {
        g.bench_with_input(
            BenchmarkId::new(format!("{threads}-thread"), format!("{n}x{m}")),
            &threads,
            |b, &t| b.iter(|| black_box(generate_with_threads(&rules, &ns, &os, t))),
        );
    }
    g.finish();
}

criterion_group!(benches, bench_dense, bench_sparse_optimal, bench_candidates);
criterion_main!(benches);
