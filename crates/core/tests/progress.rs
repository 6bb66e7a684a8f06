//! Long work watched (ADR 0067): cancelled before it starts, or from another thread while the
//! solver runs, a match returns `work.cancelled` and changes nothing; progress reaches the sink
//! monotone within each stage and ends each stage at its total; watching changes no result.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/instances/mod.rs"]
mod instances;

use brobygger::matching::{
    self, BatchPolicy, MatchOptions, MatchRequest, RematchRequest, Solver, StreamOptions,
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
