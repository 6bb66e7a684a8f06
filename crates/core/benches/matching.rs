//! Criterion benchmarks for matching: candidate generation (with and without spatial pruning)
//! and each solver on synthetic instances made with a fixed seed. First numbers are in
//! `docs/notes/issue-6.md`; the scale targets belong to issue 12.
//!
//! Run: `cargo bench -p brobygger --bench matching` (add `-- --quick` for a fast pass).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::Text;
use brobygger::matching::outcome::{candidates, solve_candidates};
use brobygger::matching::solve::{self, Preferences, ProposingSide};
use brobygger::matching::*;
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A small deterministic generator (splitmix64), so instances are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const LANGS: [&str; 6] = ["da", "ar", "en", "ti", "prs", "so"];
const LEVELS: [LanguageLevel; 4] = [
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::C1,
    LanguageLevel::Native,
];

/// Households and offers spread over a 300 × 300 km square (about Denmark's size).
fn instance(n: usize, m: usize, seed: u64) -> (Vec<Newcomer>, Vec<Offer>) {
    let mut r = Rng(seed);
    let arrival = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let point = |r: &mut Rng| Coordinates {
        lat: 54.8 + 2.7 * r.unit(),
        lon: 8.2 + 4.4 * r.unit(),
    };
    let newcomers = (0..n)
        .map(|i| {
            let mut x = Newcomer::new(format!("nc-{i}"), arrival);
            x.location = Some(point(&mut r));
            x.languages = vec![
                LanguageSkill::new(LANGS[r.below(6) as usize], LanguageLevel::Native),
                LanguageSkill::new("en", LEVELS[r.below(4) as usize]),
            ];
            x.needs = vec![
                Need::STANDARD[r.below(7) as usize].clone(),
                Need::STANDARD[r.below(7) as usize].clone(),
            ];
            x.availability = (0..3)
                .map(|_| Slot {
                    day: [Weekday::Monday, Weekday::Wednesday, Weekday::Saturday]
                        [r.below(3) as usize],
                    time: brobygger::TimeOfDay::Evening,
                })
                .collect();
            x.waiting_since = arrival.checked_sub_days(chrono::Days::new(r.below(200)));
            x
        })
        .collect();
    let offers = (0..m)
        .map(|j| {
            let mut o = Offer::new(
                format!("o-{j}"),
                OfferKind::ContactPerson,
                "Tilbud",
                1 + r.below(3) as u32,
            );
            o.location = Some(point(&mut r));
            o.languages = vec![
                LanguageSkill::new("da", LanguageLevel::Native),
                LanguageSkill::new(LANGS[r.below(6) as usize], LEVELS[r.below(4) as usize]),
                LanguageSkill::new("en", LEVELS[r.below(4) as usize]),
            ];
            o.serves = (0..3)
                .map(|_| Need::STANDARD[r.below(7) as usize].clone())
                .collect();
            o.availability = (0..3)
                .map(|_| Slot {
                    day: [Weekday::Monday, Weekday::Wednesday, Weekday::Saturday]
                        [r.below(3) as usize],
                    time: brobygger::TimeOfDay::Evening,
                })
                .collect();
            o
        })
        .collect();
    (newcomers, offers)
}

fn rules(max_km: f64) -> RuleSet {
    let text = Text::new("x", "x");
    let rule = |id: &str, strength, kind| Rule {
        id: id.into(),
        strength,
        kind,
        explanation: text.clone(),
    };
    let mut rs = RuleSet::new("bench", text.clone());
    rs.rules = vec![
        rule(
            "lang",
            Strength::Hard,
            RuleKind::SharedLanguage {
                min_level: LanguageLevel::A2,
                languages: vec![],
            },
        ),
        rule(
            "dist",
            Strength::Hard,
            RuleKind::Distance {
                max_km,
                min_km: None,
            },
        ),
        rule(
            "need",
            Strength::Hard,
            RuleKind::NeedServed { needs: vec![] },
        ),
        rule(
            "s-need",
            Strength::Soft { weight: 3.0 },
            RuleKind::NeedServed { needs: vec![] },
        ),
        rule(
            "s-dist",
            Strength::Soft { weight: 1.0 },
            RuleKind::Distance {
                max_km,
                min_km: None,
            },
        ),
        rule(
            "s-time",
            Strength::Soft { weight: 1.0 },
            RuleKind::AvailabilityOverlap { min_slots: 1 },
        ),
    ];
    rs
}

fn waiting(newcomers: &[Newcomer]) -> Vec<i64> {
    let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    newcomers
        .iter()
        .map(|n| (day - n.waiting_start()).num_days())
        .collect()
}

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
                b.iter(|| black_box(solve::stable(p, side)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_candidates, bench_solvers, bench_preferences);
criterion_main!(benches);
