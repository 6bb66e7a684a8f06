//! Long work watched (ADR 0067): cancelled before it starts, or from another thread while the
//! solver runs, a match returns `work.cancelled` and changes nothing; progress reaches the sink
//! monotone within each stage and ends each stage at its total; watching changes no result.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/instances/mod.rs"]
mod instances;

use brobygger::matching::{
    self, BatchPolicy, MatchOptions, MatchRequest, Objective, RematchRequest, Solver,
    StreamOptions, linear_sum_assignment, linear_sum_assignment_watched, solve_dense_bytes,
    solve_dense_bytes_watched, solve_dense_owned_watched,
};
use brobygger::progress::{Progress, Stage, Watch};
use brobygger::{Dossier, Lang};
use proptest::prelude::*;
use std::ops::ControlFlow;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A watch that hands every update over (no throttle) and the list it records them in.
fn recorder() -> (Watch, Arc<Mutex<Vec<Progress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let watch = Watch::new().interval(Duration::ZERO).on_progress(move |p| {
        sink.lock().unwrap().push(p);
        ControlFlow::Continue(())
    });
    (watch, seen)
}

fn day() -> chrono::NaiveDate {
    "2016-04-01".parse().unwrap()
}

/// What a person watching a bar needs: within a stage `done` only grows and never passes
/// `total`, each stage ends at its total, and a stage, once left, does not come back.
fn assert_well_formed(seen: &[Progress], stages: &[Stage]) {
    let mut order = Vec::new();
    for w in seen.windows(2) {
        if w[0].stage == w[1].stage {
            assert!(w[0].done < w[1].done, "went back: {w:?}");
            assert_eq!(w[0].total, w[1].total);
        } else {
            assert_eq!(w[0].done, w[0].total, "stage left before its end: {w:?}");
        }
    }
    for p in seen {
        assert!(p.done <= p.total, "{p:?}");
        if order.last() != Some(&p.stage) {
            assert!(!order.contains(&p.stage), "stage {:?} came back", p.stage);
            order.push(p.stage);
        }
    }
    let last = seen.last().expect("no update at all");
    assert_eq!(last.done, last.total, "the work ended short of its total");
    assert_eq!(order, stages);
}

#[test]
fn cancelled_before_it_starts_every_long_call_returns_cancelled_and_changes_nothing() {
    let dossier = Dossier::example("ikast-brande").unwrap();
    let before = dossier.clone();
    let (watch, seen) = recorder();
    watch.cancel();
    let request = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: MatchOptions::new(Solver::Optimal, day()),
    };
    let m = dossier.matching();
    let run = m.match_cohort(&request).unwrap();
    let (newcomer, offer) = (
        run.unmatched[0].newcomer.clone(),
        run.matches[0].offer.clone(),
    );
    let errors = [
        m.match_cohort_watched(&request, &watch).unwrap_err(),
        m.rematch_watched(&RematchRequest::new("vvv-ikast", day()), &watch)
            .unwrap_err(),
        m.why_not_watched(&request, &newcomer, &offer, &watch)
            .unwrap_err(),
        matching::run_watched(
            &dossier.rule_sets[0],
            &dossier.cohorts[0].newcomers,
            &dossier.offers,
            MatchOptions::new(Solver::Greedy, day()),
            &watch,
        )
        .unwrap_err(),
        brobygger::privacy::run_consented_watched(
            &dossier.rule_sets[0],
            &dossier.cohorts[0].newcomers,
            &dossier.offers,
            MatchOptions::new(Solver::Optimal, day()),
            &brobygger::privacy::Register::of(&dossier),
            &watch,
        )
        .unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.code(), "work.cancelled", "{e}");
        assert!(matches!(e, brobygger::BrobyggerError::Cancelled { .. }));
    }
    let e = &errors[0];
    assert_eq!(
        e.message(Lang::Da),
        "work.cancelled: Arbejdet blev afbrudt; intet er ændret."
    );
    assert_eq!(
        e.to_string(),
        "work.cancelled: the work was cancelled; nothing was changed"
    );
    assert!(seen.lock().unwrap().is_empty(), "cancelled work reported");
    assert_eq!(dossier, before);
}

#[test]
fn cancelled_from_another_thread_mid_solve_a_big_match_stops_promptly() {
    let (newcomers, offers) = instances::instance(3_000, 900, 11);
    let rules = instances::rules(60.0);
    for solver in [Solver::StableNewcomerProposing, Solver::Greedy] {
        let (started_tx, started_rx) = mpsc::channel();
        let (go_on_tx, go_on_rx) = mpsc::channel::<()>();
        let go_on = Mutex::new(go_on_rx);
        let started = Mutex::new(Some(started_tx));
        // The first update well inside the solve tells the test, and waits until it cancelled:
        // so the cancel lands mid-solve on every machine, however fast.
        let watch = Watch::new().interval(Duration::ZERO).on_progress(move |p| {
            if p.stage == Stage::Solve
                && p.done > 0
                && p.done < p.total
                && let Some(tx) = started.lock().unwrap().take()
            {
                tx.send(p).unwrap();
                go_on.lock().unwrap().recv().unwrap();
            }
            ControlFlow::Continue(())
        });
        let worker = {
            let (watch, rules, newcomers, offers) = (
                watch.clone(),
                rules.clone(),
                newcomers.clone(),
                offers.clone(),
            );
            std::thread::spawn(move || {
                let r = matching::run_watched(
                    &rules,
                    &newcomers,
                    &offers,
                    MatchOptions::new(solver, day()),
                    &watch,
                );
                (r, Instant::now())
            })
        };
        let at = started_rx.recv_timeout(Duration::from_secs(120)).unwrap();
        assert!(at.done < at.total);
        watch.cancel();
        let cancelled = Instant::now();
        go_on_tx.send(()).unwrap();
        let (result, ended) = worker.join().unwrap();
        assert_eq!(result.unwrap_err().code(), "work.cancelled", "{solver:?}");
        let after = ended.saturating_duration_since(cancelled);
        assert!(
            after < Duration::from_secs(2),
            "{solver:?} ran on for {after:?} after the cancel"
        );
    }
}

#[test]
fn a_sink_that_breaks_cancels_the_match_it_watches() {
    let (newcomers, offers) = instances::instance(500, 200, 3);
    let watch = Watch::new().on_progress(|p| {
        if p.stage == Stage::Solve {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let e = matching::run_watched(
        &instances::rules(60.0),
        &newcomers,
        &offers,
        MatchOptions::new(Solver::Optimal, day()),
        &watch,
    )
    .unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
    assert!(watch.is_cancelled());
}

#[test]
fn the_arrivals_simulation_reports_weeks_and_stops_at_the_next_week() {
    let stream = matching::simulate_stream(7, StreamOptions::default());
    let (watch, seen) = recorder();
    let watched = matching::simulate_watched(&stream, &BatchPolicy::Greedy, &watch).unwrap();
    assert_eq!(watched, matching::simulate(&stream, &BatchPolicy::Greedy));
    let seen = seen.lock().unwrap().clone();
    assert_well_formed(&seen, &[Stage::Simulate]);
    assert_eq!(seen.last().unwrap().total, u64::from(stream.weeks));

    let watch = Watch::new().on_progress(|p| {
        if p.done >= 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let watch = watch.interval(Duration::ZERO);
    let e = matching::simulate_watched(&stream, &BatchPolicy::Greedy, &watch).unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
}

/// A random `n × m` matrix of scores in 0..1000 from `seed`, with cell (0, 0) forbidden when
/// asked: a forbidden cell skips the warm start, so every row is placed by a shortest path.
fn matrix(n: usize, m: usize, seed: u64, forbid: bool) -> Vec<f64> {
    let mut x = seed | 1;
    let mut c: Vec<f64> = (0..n * m)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1000) as f64
        })
        .collect();
    if forbid && !c.is_empty() {
        c[0] = f64::NEG_INFINITY;
    }
    c
}

#[test]
fn a_cancelled_dense_assignment_returns_cancelled_and_reports_nothing() {
    let c = matrix(40, 50, 7, false);
    let bytes: Vec<u8> = c.iter().flat_map(|x| x.to_ne_bytes()).collect();
    let ints: Vec<u8> = c.iter().flat_map(|x| (*x as i64).to_ne_bytes()).collect();
    let native = if cfg!(target_endian = "big") {
        ">"
    } else {
        "<"
    };
    let (watch, seen) = recorder();
    watch.cancel();
    let max = Objective::Maximize;
    let errors = [
        linear_sum_assignment_watched(&c, 40, 50, max, &watch).unwrap_err(),
        solve_dense_owned_watched(c.clone(), 40, 50, max, &watch).unwrap_err(),
        solve_dense_bytes_watched(&bytes, &format!("{native}f8"), 40, 50, max, &watch).unwrap_err(),
        solve_dense_bytes_watched(&ints, &format!("{native}i8"), 40, 50, max, &watch).unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.code(), "work.cancelled", "{e}");
    }
    assert!(seen.lock().unwrap().is_empty(), "cancelled work reported");
    // A bad matrix is still its own error under a watch, whatever the flag says.
    let e = linear_sum_assignment_watched(&c, 4, 4, max, &Watch::new()).unwrap_err();
    assert_eq!(e.code(), "assignment.shape");
}

#[test]
fn a_dense_assignment_stops_within_a_row_of_the_cancel() {
    // 400 × 400 with a forbidden cell: 400 shortest paths. The sink cancels at the fifth row,
    // and no row after it is placed.
    let c = matrix(400, 400, 11, true);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let watch = Watch::new().interval(Duration::ZERO).on_progress(move |p| {
        sink.lock().unwrap().push(p);
        if p.done >= 5 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let e = linear_sum_assignment_watched(&c, 400, 400, Objective::Maximize, &watch).unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen.last().map(|p| (p.stage, p.done, p.total)),
        Some((Stage::Solve, 5, 400))
    );
}

/// A run whose offers of one kind may take at most half the households: the solver for seats
/// and quotas (a flow: one augmenting path per household placed).
fn with_a_quota(
    n: usize,
    m: usize,
) -> (
    brobygger::RuleSet,
    Vec<brobygger::Newcomer>,
    Vec<brobygger::Offer>,
) {
    let (newcomers, offers) = instances::instance(n, m, 5);
    let mut rules = instances::rules(80.0);
    rules.quotas = vec![matching::Quota {
        group: matching::QuotaGroup::OfferKind {
            kind: matching::OfferKind::ContactPerson,
        },
        min: 0,
        max: Some(n as u32 / 2),
    }];
    (rules, newcomers, offers)
}

#[test]
fn the_quota_solver_reports_households_placed_and_stops_between_them() {
    let (rules, newcomers, offers) = with_a_quota(300, 120);
    let options = MatchOptions::new(Solver::Optimal, day());
    let plain = matching::run(&rules, &newcomers, &offers, options.clone()).unwrap();
    assert!(plain.structure.is_some(), "the quota solver ran");
    let (watch, seen) = recorder();
    let watched =
        matching::run_watched(&rules, &newcomers, &offers, options.clone(), &watch).unwrap();
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        serde_json::to_string(&watched).unwrap()
    );
    let seen = seen.lock().unwrap().clone();
    assert_well_formed(&seen, &[Stage::Candidates, Stage::Solve]);
    let between = seen
        .iter()
        .filter(|p| p.stage == Stage::Solve && p.done > 0 && p.done < p.total)
        .count();
    assert!(
        between > 10,
        "the solve was watched only before and after: {between}"
    );

    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&heard);
    let watch = Watch::new().interval(Duration::ZERO).on_progress(move |p| {
        sink.lock().unwrap().push(p);
        if p.stage == Stage::Solve && p.done >= 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let e = matching::run_watched(&rules, &newcomers, &offers, options, &watch).unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
    let last = *heard.lock().unwrap().last().unwrap();
    assert_eq!(
        (last.stage, last.done),
        (Stage::Solve, 3),
        "placed more after the stop"
    );
}

/// Tied preferences from a seed: `n` households, `m` offers with 1–2 places, each list a few
/// groups of equally good ones (lists need not agree: the search drops one-sided entries).
fn tied(n: usize, m: usize, seed: u64) -> matching::TiedPreferences {
    let mut x = seed | 1;
    let mut next = move |k: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % k.max(1)
    };
    let mut lists = |count: usize, other: usize| -> Vec<Vec<Vec<u32>>> {
        (0..count)
            .map(|_| {
                let mut groups: Vec<Vec<u32>> = Vec::new();
                for k in 0..other as u32 {
                    match next(4) {
                        0 => {}
                        1 if !groups.is_empty() => groups.last_mut().unwrap().push(k),
                        _ => groups.push(vec![k]),
                    }
                }
                groups
            })
            .collect()
    };
    let newcomers = lists(n, m);
    let offers = lists(m, n);
    let capacities = (0..m).map(|k| 1 + (k as u32 % 2)).collect();
    matching::TiedPreferences {
        newcomers,
        offers,
        capacities,
    }
}

#[test]
fn a_cancelled_ties_search_returns_cancelled_and_reports_nothing() {
    let p = tied(30, 12, 3);
    let (watch, seen) = recorder();
    watch.cancel();
    let e = matching::largest_weakly_stable_watched(&p, &watch).unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
    assert!(seen.lock().unwrap().is_empty(), "cancelled work reported");
    // A sink that stops at the first tie-breaking tried stops the search there.
    let watch = Watch::new().interval(Duration::ZERO).on_progress(|p| {
        if p.done >= 1 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let big = tied(200, 80, 9);
    let e = matching::largest_weakly_stable_watched(&big, &watch).unwrap_err();
    assert_eq!(e.code(), "work.cancelled");
}

fn solver() -> impl Strategy<Value = Solver> {
    prop_oneof![
        Just(Solver::Greedy),
        Just(Solver::Optimal),
        Just(Solver::StableNewcomerProposing),
        Just(Solver::StableOfferProposing),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The watched search for the largest weakly stable matching is the unwatched one, on
    /// instances small enough for the exact search and larger ones; its updates are well formed.
    #[test]
    fn a_watched_ties_search_is_the_unwatched_one(
        n in 0usize..60,
        m in 0usize..25,
        seed in any::<u64>(),
    ) {
        let p = tied(n, m, seed);
        let (watch, seen) = recorder();
        let plain = matching::largest_weakly_stable(&p);
        let watched = matching::largest_weakly_stable_watched(&p, &watch).unwrap();
        prop_assert_eq!(&plain, &watched);
        assert_well_formed(&seen.lock().unwrap(), &[Stage::Solve]);
    }

    /// A watched dense assignment is the unwatched one, bit for bit (rows, columns, total), on
    /// wide, tall, empty and forbidden-cell matrices, reals and integers; its updates are
    /// well formed and count the rows the shortest paths place.
    #[test]
    fn a_watched_dense_assignment_is_the_unwatched_one(
        n in 0usize..40,
        m in 0usize..40,
        seed in any::<u64>(),
        forbid in any::<bool>(),
        maximize in any::<bool>(),
    ) {
        let objective = if maximize { Objective::Maximize } else { Objective::Minimize };
        let mut c = matrix(n, m, seed, false);
        if forbid && !c.is_empty() {
            c[0] = if maximize { f64::NEG_INFINITY } else { f64::INFINITY };
        }
        let (watch, seen) = recorder();
        let plain = linear_sum_assignment(&c, n, m, objective);
        let watched = linear_sum_assignment_watched(&c, n, m, objective, &watch);
        match (&plain, &watched) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(&a.rows, &b.rows);
                prop_assert_eq!(&a.columns, &b.columns);
                prop_assert_eq!(a.total.to_bits(), b.total.to_bits());
                let seen = seen.lock().unwrap().clone();
                if n > 0 && m > 0 {
                    assert_well_formed(&seen, &[Stage::Solve]);
                    prop_assert!(seen.last().unwrap().total <= n.min(m) as u64);
                } else {
                    prop_assert!(seen.is_empty());
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
            _ => prop_assert!(false, "{:?} but watched {:?}", plain, watched),
        }
        let ints: Vec<i64> = c.iter().map(|x| if x.is_finite() { *x as i64 } else { 0 }).collect();
        let bytes: Vec<u8> = ints.iter().flat_map(|x| x.to_ne_bytes()).collect();
        let native = if cfg!(target_endian = "big") { ">i8" } else { "<i8" };
        prop_assert_eq!(
            solve_dense_bytes(&bytes, native, n, m, objective).unwrap(),
            solve_dense_bytes_watched(&bytes, native, n, m, objective, &Watch::new()).unwrap()
        );
    }

    /// Over random instances (empty ones, more offers than households, few candidates or
    /// many): the updates are monotone, each stage ends at its total, the stages come in the
    /// run's order, and the watched run is the run.
    #[test]
    fn progress_is_monotone_and_ends_at_its_total(
        n in 0usize..400,
        m in 0usize..200,
        seed in any::<u64>(),
        km in 1.0f64..2_000.0,
        solver in solver(),
        throttled in any::<bool>(),
    ) {
        let (newcomers, offers) = instances::instance(n, m, seed);
        let rules = instances::rules(km);
        let (watch, seen) = recorder();
        let watch = if throttled { watch.interval(Duration::from_millis(5)) } else { watch };
        let options = MatchOptions::new(solver, day());
        let watched = matching::run_watched(&rules, &newcomers, &offers, options.clone(), &watch).unwrap();
        let plain = matching::run(&rules, &newcomers, &offers, options).unwrap();
        prop_assert_eq!(watched, plain);
        let seen = seen.lock().unwrap().clone();
        assert_well_formed(&seen, &[Stage::Candidates, Stage::Solve]);
        prop_assert_eq!(seen[0], Progress { stage: Stage::Candidates, done: 0, total: n as u64 });
    }
}
