//! Criterion benchmarks for privacy: what the consent gate adds to a matching run, anonymising
//! a large cohort with cascade, a safe table, the retention report and keyed pseudonyms, on
//! synthetic instances made with a fixed seed. Numbers are in `BENCHMARKS.md`.
//!
//! Run: `cargo bench -p brobygger --bench privacy` (add `-- --quick` for a fast pass).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use brobygger::matching::*;
use brobygger::privacy::Register;
use brobygger::privacy::run_consented;
use brobygger::privacy::*;
use brobygger::{Dossier, Text};
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// splitmix64, so instances are the same on every run.
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

const AREAS: [&str; 8] = [
    "Ikast",
    "Brande",
    "Bording",
    "Engesvang",
    "Herning",
    "Silkeborg",
    "Holstebro",
    "Struer",
];

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A dossier with one cohort of `n` households and `m` offers, consents for 90% of the
/// households (a third of them without their wishes) and every offer but one in ten.
fn dossier(n: usize, m: usize, seed: u64) -> Dossier {
    let mut r = Rng(seed);
    let mut d = Dossier::example("ikast-brande").unwrap();
    let arrival = date("2016-01-01");
    let point = |r: &mut Rng| Coordinates {
        lat: 54.8 + 2.7 * r.unit(),
        lon: 8.2 + 4.4 * r.unit(),
    };
    let newcomers: Vec<Newcomer> = (0..n)
        .map(|i| {
            let mut x = Newcomer::new(
                format!("nc-{:06}", i),
                arrival + chrono::Duration::days(r.below(300) as i64),
            );
            x.location = Some(point(&mut r));
            x.area = Some(AREAS[r.below(8) as usize].into());
            x.languages = vec![
                LanguageSkill::new(
                    ["ar", "ti", "so", "prs"][r.below(4) as usize],
                    LanguageLevel::Native,
                ),
                LanguageSkill::new("en", LanguageLevel::B1),
            ];
            x.needs = vec![Need::STANDARD[r.below(7) as usize].clone()];
            x.household.children_ages = (0..r.below(3)).map(|_| r.below(18) as u32).collect();
            if r.below(4) == 0 {
                x.preferences = vec![Preference::VolunteerGender {
                    gender: Gender::Female,
                }];
            }
            x
        })
        .collect();
    let offers: Vec<Offer> = (0..m)
        .map(|j| {
            let mut o = Offer::new(
                format!("o-{j}"),
                OfferKind::ContactPerson,
                "Tilbud",
                1 + r.below(3) as u32,
            );
            o.location = Some(point(&mut r));
            o.area = Some(AREAS[r.below(8) as usize].into());
            o.languages = vec![
                LanguageSkill::new(
                    ["ar", "ti", "so", "prs"][r.below(4) as usize],
                    LanguageLevel::B1,
                ),
                LanguageSkill::new("en", LanguageLevel::C1),
            ];
            o.serves = (0..3)
                .map(|_| Need::STANDARD[r.below(7) as usize].clone())
                .collect();
            o.gender = Some([Gender::Female, Gender::Male][r.below(2) as usize]);
            if r.below(2) == 0 {
                o.credentials = vec![Credential::ChildProtectionCertificate];
            }
            o
        })
        .collect();
    d.privacy.consents.clear();
    d.privacy.proposals.clear();
    for (k, x) in newcomers.iter().enumerate() {
        if k % 10 == 9 {
            continue;
        }
        let mut c = ConsentRecord::new(
            format!("c-{k}"),
            Subject::newcomer(x.id.clone()),
            vec![Purpose::Matching, Purpose::Statistics],
            x.arrival,
            "v1",
        );
        if k % 3 != 0 {
            c.attributes = vec!["newcomer.preferences".into()];
        }
        d.privacy.consents.push(c);
    }
    for (k, o) in offers.iter().enumerate() {
        if k % 10 == 9 {
            continue;
        }
        let mut c = ConsentRecord::new(
            format!("c-o-{k}"),
            Subject::offer(o.id.clone()),
            vec![Purpose::Matching],
            date("2015-01-01"),
            "v1",
        );
        c.attributes = vec!["offer.credentials".into()];
        d.privacy.consents.push(c);
    }
    d.cohorts[0].newcomers = newcomers;
    d.cohorts[0].introductions.clear();
    d.offers = offers;
    d
}

fn rules() -> RuleSet {
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
            "near",
            Strength::Hard,
            RuleKind::Distance {
                max_km: 20.0,
                min_km: None,
            },
        ),
        rule("wishes", Strength::Hard, RuleKind::PreferenceRespected),
        rule(
            "certificate",
            Strength::Hard,
            RuleKind::CredentialWithChildren {
                credential: Credential::ChildProtectionCertificate,
                under_age: 18,
            },
        ),
        rule(
            "needs",
            Strength::Soft { weight: 3.0 },
            RuleKind::NeedServed { needs: vec![] },
        ),
        rule(
            "close",
            Strength::Soft { weight: 1.0 },
            RuleKind::Distance {
                max_km: 20.0,
                min_km: None,
            },
        ),
    ];
    rs.sensitive_attributes = vec!["newcomer.preferences".into(), "offer.credentials".into()];
    rs
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("privacy");
    g.sample_size(10);
    for (n, m) in [(1_000usize, 250usize), (5_000, 1_000)] {
        let d = dossier(n, m, 42);
        let rs = rules();
        let on = date("2017-01-01");
        let options = MatchOptions::new(Solver::Optimal, on);
        let register = Register::of(&d);
        let label = format!("{n}x{m}");
        g.bench_with_input(BenchmarkId::new("run_ungated", &label), &(), |b, _| {
            b.iter(|| {
                black_box(run(&rs, &d.cohorts[0].newcomers, &d.offers, options.clone()).unwrap())
            })
        });
        g.bench_with_input(BenchmarkId::new("run_consented", &label), &(), |b, _| {
            b.iter(|| {
                black_box(
                    run_consented(
                        &rs,
                        &d.cohorts[0].newcomers,
                        &d.offers,
                        options.clone(),
                        &register,
                    )
                    .unwrap(),
                )
            })
        });
        g.bench_with_input(
            BenchmarkId::new("safe_table_area_x_children", &label),
            &(),
            |b, _| {
                let request = SafeTableRequest {
                    cohort: d.cohorts[0].id.clone(),
                    by: vec![AggregateDimension::Area, AggregateDimension::Children],
                    on,
                    run: None,
                    min_cell: 5,
                };
                b.iter(|| black_box(d.privacy().safe_table(&request).unwrap()))
            },
        );
        g.bench_with_input(
            BenchmarkId::new("anonymise_everyone", &label),
            &(),
            |b, _| {
                let options = AnonymiseOptions::new(AnonymisationScope::Everyone, on);
                b.iter(|| black_box(d.privacy().anonymised(&options, None).unwrap()))
            },
        );
        g.bench_with_input(BenchmarkId::new("retention_report", &label), &(), |b, _| {
            b.iter(|| black_box(d.privacy().retention_report(date("2020-01-01"))))
        });
    }
    let key = PseudonymKey::from_bytes("analysis", &[7; 32]).unwrap();
    let ids: Vec<String> = (0..10_000).map(|i| format!("nc-{i:06}")).collect();
    g.bench_function("pseudonym_10000_ids", |b| {
        b.iter(|| {
            for id in &ids {
                black_box(key.pseudonym("newcomer", id).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
