//! Arrivals over time: the hindsight optimum and the weekly batch policies on the simulator's
//! streams (fixed seeds). The figures (ratio to hindsight, spread, waits) are printed by
//! `cargo run --release -p brobygger --example arrivals`; this bench times them.

use brobygger::matching::{BatchPolicy, StreamOptions, hindsight, simulate, simulate_stream};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn arrivals(c: &mut Criterion) {
    let options = StreamOptions::default();
    let stream = simulate_stream(1, options);
    let forecast = BatchPolicy::Forecast {
        expected: simulate_stream(1_000_001, options).households,
        discount: 0.9,
        max_wait_weeks: 8,
    };
    let mut g = c.benchmark_group("arrivals");
    g.sample_size(20);
    g.bench_function("hindsight", |b| b.iter(|| hindsight(black_box(&stream))));
    g.bench_function("weekly greedy", |b| {
        b.iter(|| simulate(black_box(&stream), &BatchPolicy::Greedy))
    });
    g.bench_function("weekly forecast", |b| {
        b.iter(|| simulate(black_box(&stream), &forecast))
    });
    g.finish();
}

criterion_group!(benches, arrivals);
criterion_main!(benches);
