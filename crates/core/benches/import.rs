//! Criterion benchmarks for CSV import and export of newcomers: the Ikast-Brande example's ten
//! households repeated (with fresh ids) to 1,000 and 20,000 rows, every cell filled as the
//! example fills it. Numbers are in `BENCHMARKS.md`.
//!
//! Run: `cargo bench -p brobygger --bench import` (add `-- --quick` for a fast pass).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::Dossier;
use brobygger::import::{CsvOptions, check_newcomers_csv, newcomers_to_csv};
use brobygger::matching::Newcomer;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn households(n: usize) -> Vec<Newcomer> {
    let d = Dossier::example("ikast-brande").unwrap();
    let base = &d.cohorts[0].newcomers;
    (0..n)
        .map(|i| {
            let mut x = base[i % base.len()].clone();
            x.id = format!("nc-{i:06}").into();
            x
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("csv newcomers");
    g.sample_size(10);
    for n in [1_000usize, 20_000] {
        let list = households(n);
        let text = newcomers_to_csv(&list).unwrap();
        g.bench_with_input(BenchmarkId::new("read", n), &text, |b, t| {
            b.iter(|| {
                let r = check_newcomers_csv(black_box(t), &CsvOptions::default());
                assert_eq!(r.newcomers.len(), n);
                r
            })
        });
        g.bench_with_input(BenchmarkId::new("write", n), &list, |b, l| {
            b.iter(|| newcomers_to_csv(black_box(l)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
