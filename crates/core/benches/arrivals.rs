//! Arrivals over time: the hindsight optimum and the weekly batch policies on the simulator's
//! streams (fixed seeds). The figures (ratio to hindsight, spread, waits) are printed by
//! `cargo run --release -p brobygger --example arrivals`; this bench times them.

use brobygger::matching::{
    BatchPolicy, StreamOptions, hindsight, sample_arrivals, simulate, simulate_stream,
};
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
    // The regret policy as reported (16 sampled futures, wait cost 50): seconds a year, so
    // few samples of the timing.
    let regret = BatchPolicy::Regret {
        samples: (0..16)
            .map(|k| sample_arrivals(1, options, 7_000 + k))
            .collect(),
        wait_cost: 50,
        max_wait_weeks: 52,
    };
    g.sample_size(10);
    g.bench_function("weekly regret", |b| {
        b.iter(|| simulate(black_box(&stream), &regret))
    });
    g.finish();
}

criterion_group!(benches, arrivals);
criterion_main!(benches);
