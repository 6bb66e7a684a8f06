//! Criterion benchmarks for matching over time (issue 19): what alternatives (k = 5) add to the
//! full run at 100,000 households × 20,000 offers, a rematch of 10% of a 100,000-household
//! programme, and stable matching with ties for 10,000 agents. Instances are made with fixed
//! seeds (`instances`); the numbers and the machine are in BENCHMARKS.md.
//!
//! Run: `cargo bench -p brobygger --bench over_time` (add `-- --quick` for a fast pass, or a
//! filter such as `-- ties`).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::Dossier;
use brobygger::matching::*;
use brobygger::privacy::{ConsentRecord, Purpose, Subject};
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

mod instances;

/// The hard distance that leaves about 50 candidates per household when there are `m`
/// offers over the 300 × 300 km square (as the `scale` bench).
fn radius_for(m: usize) -> f64 {
    10.5 * (20_000.0 / m as f64).sqrt()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
}

/// The full run (candidates, solve, an explanation per match, a diagnosis per unmatched
/// household) with and without the 5 next-best offers of every household.
fn bench_alternatives(c: &mut Criterion) {
    let mut g = c.benchmark_group("alternatives");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(60));
    let (n, m) = (100_000usize, 20_000usize);
    let (ns, os) = instances::instance(n, m, 7);
    let rules = instances::rules(radius_for(m));
    for k in [0u32, 5] {
        let options = MatchOptions::new(Solver::Optimal, day())
            .explain(ExplainOptions::default().alternatives(k));
        g.bench_with_input(
            BenchmarkId::new(format!("full run, k = {k}"), format!("{n}x{m}")),
            &options,
            |b, o| b.iter(|| black_box(run(&rules, &ns, &os, o.clone()).unwrap())),
        );
    }
    g.finish();
}

/// A programme of `n` households and `m` offers in one cohort, every household and offer
/// consenting to matching, with the relationships of a first optimal run (accepted by both
/// sides and started) of which `lost` ended with the household waiting again.
fn programme(n: usize, m: usize, lost: usize) -> Dossier {
    let (ns, os) = instances::instance(n, m, 7);
    let mut rules = instances::rules(radius_for(m));
    rules.rules.push(Rule {
        id: "lost".into(),
        strength: Strength::Soft { weight: 2.0 },
        kind: RuleKind::LostMatch,
        explanation: brobygger::Text::new("x", "x"),
    });
    rules.rules.push(Rule {
        id: "waiting".into(),
        strength: Strength::Soft { weight: 1.0 },
        kind: RuleKind::WaitingTime {
            full_after_days: 365,
        },
        explanation: brobygger::Text::new("x", "x"),
    });
    let first = day() - chrono::Days::new(120);
    let mut d = Dossier::example("ikast-brande").unwrap();
    d.privacy.consents.clear();
    d.privacy.proposals.clear();
    d.relationships.clear();
    d.match_runs.clear();
    let consent = |id: String, subject: Subject| {
        ConsentRecord::new(
            id,
            subject,
            vec![Purpose::Matching],
            NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
            "v1",
        )
    };
    for x in &ns {
        d.privacy.consents.push(consent(
            format!("c-{}", x.id),
            Subject::newcomer(x.id.clone()),
        ));
    }
    for o in &os {
        d.privacy
            .consents
            .push(consent(format!("c-{}", o.id), Subject::offer(o.id.clone())));
    }
    let matched = run(&rules, &ns, &os, MatchOptions::new(Solver::Optimal, first)).unwrap();
    assert!(
        matched.matches.len() >= lost,
        "the first run matched {} households, fewer than the {lost} to rematch",
        matched.matches.len()
    );
    let cohort = d.cohorts[0].id.clone();
    for (k, x) in matched.matches.iter().enumerate() {
        let mut events = vec![
            RelationshipEvent {
                on: first,
                kind: RelationshipEventKind::Accepted {
                    side: RelationshipSide::Household,
                },
                by: None,
            },
            RelationshipEvent {
                on: first,
                kind: RelationshipEventKind::Accepted {
                    side: RelationshipSide::Volunteer,
                },
                by: None,
            },
            RelationshipEvent {
                on: first + chrono::Days::new(7),
                kind: RelationshipEventKind::Started,
                by: None,
            },
        ];
        if k < lost {
            events.push(RelationshipEvent {
                on: first + chrono::Days::new(60),
                kind: RelationshipEventKind::Ended {
                    reason: EndReason::DidNotClick,
                    rematch: true,
                },
                by: None,
            });
        }
        d.relationships.push(Relationship {
            id: format!("rel-{k}").into(),
            newcomer: x.newcomer.clone(),
            offer: x.offer.clone(),
            cohort: Some(cohort.clone()),
            rule_set: Some(rules.id.clone()),
            run: None,
            proposal: None,
            replaces: None,
            proposed_on: first,
            events,
        });
    }
    d.cohorts[0].newcomers = ns;
    d.cohorts[0].introductions.clear();
    d.offers = os;
    d.rule_sets = vec![rules];
    d
}

/// A rematch of the households who lost their match: 10% of a 100,000-household programme.
fn bench_rematch(c: &mut Criterion) {
    let mut g = c.benchmark_group("rematch");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(30));
    let (n, m) = (100_000usize, 20_000usize);
    let lost = n / 10;
    let d = programme(n, m, lost);
    let request = RematchRequest::new("bench", MatchOptions::new(Solver::Optimal, day()))
        .with(RematchOptions::default().only_lost(true));
    let check = d.matching().rematch(&request).unwrap();
    assert_eq!(check.waiting_again.len(), lost);
    g.bench_with_input(
        BenchmarkId::new("lost only", format!("{lost} of {n} households, {m} offers")),
        &request,
        |b, r| b.iter(|| black_box(d.matching().rematch(r).unwrap())),
    );
    g.finish();
}

/// Tied preference lists by id: `n` residents ranking `choices` of `n / 10` hospitals (capacity
/// 8) in groups of up to 3 equally good; each hospital ranks its applicants in `levels` tied
/// groups (a coarse score).
fn tied(n: usize, choices: u64, levels: u64, seed: u64) -> TiedPreferenceProblem {
    let h = (n / 10).max(1);
    let mut r = instances::Rng(seed);
    let mut applicants: Vec<Vec<(u64, usize)>> = vec![Vec::new(); h];
    let residents = (0..n)
        .map(|i| {
            let mut l: Vec<usize> = (0..choices).map(|_| r.below(h as u64) as usize).collect();
            l.sort_unstable();
            l.dedup();
            for k in (1..l.len()).rev() {
                let s = r.below(k as u64 + 1) as usize;
                l.swap(k, s);
            }
            let mut groups: Vec<Vec<String>> = Vec::new();
            let mut left = l.as_slice();
            while !left.is_empty() {
                let take = (1 + r.below(3) as usize).min(left.len());
                groups.push(left[..take].iter().map(|j| format!("h-{j}")).collect());
                for &j in &left[..take] {
                    applicants[j].push((r.below(levels), i));
                }
                left = &left[take..];
            }
            TiedRanking {
                id: format!("r-{i}"),
                prefers: groups,
            }
        })
        .collect();
    let hospitals = applicants
        .into_iter()
        .enumerate()
        .map(|(j, mut a)| {
            a.sort_unstable();
            let mut groups: Vec<Vec<String>> = Vec::new();
            let mut last = None;
            for (level, i) in a {
                if last != Some(level) {
                    groups.push(Vec::new());
                    last = Some(level);
                }
                groups.last_mut().unwrap().push(format!("r-{i}"));
            }
            TiedRanking {
                id: format!("h-{j}"),
                prefers: groups,
            }
        })
        .collect();
    TiedPreferenceProblem {
        residents,
        hospitals,
        capacities: (0..h)
            .map(|j| Places {
                id: format!("h-{j}"),
                capacity: 8,
            })
            .collect(),
    }
}

/// Stable matching with ties: 10,000 residents and 1,000 hospitals, by id (checking and
/// indexing included): ties broken by index, and the largest weakly stable matching found.
fn bench_ties(c: &mut Criterion) {
    let mut g = c.benchmark_group("ties");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let p = tied(n, 10, 5, 11);
        let size = format!("{n} residents, {} hospitals", n / 10);
        g.bench_with_input(BenchmarkId::new("tie-break by index", &size), &p, |b, p| {
            b.iter(|| black_box(p.solve(ProposingSide::Newcomers).unwrap()))
        });
        g.bench_with_input(BenchmarkId::new("largest", &size), &p, |b, p| {
            b.iter(|| black_box(p.largest().unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_ties, bench_rematch, bench_alternatives);
criterion_main!(benches);
