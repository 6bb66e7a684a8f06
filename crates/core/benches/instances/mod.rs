//! Synthetic matching instances with fixed seeds, shared by the criterion benchmarks and the
//! `scale` example, so every number in BENCHMARKS.md comes from the same generator.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, dead_code)]

use brobygger::Text;
use brobygger::matching::Preferences;
use brobygger::matching::*;
use chrono::NaiveDate;

/// A small deterministic generator (splitmix64), so instances are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub const LANGS: [&str; 6] = ["da", "ar", "en", "ti", "prs", "so"];
pub const LEVELS: [LanguageLevel; 4] = [
    LanguageLevel::A2,
    LanguageLevel::B1,
    LanguageLevel::C1,
    LanguageLevel::Native,
];

/// Households and offers spread over a 300 × 300 km square (about Denmark's size).
pub fn instance(n: usize, m: usize, seed: u64) -> (Vec<Newcomer>, Vec<Offer>) {
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

pub fn rules(max_km: f64) -> RuleSet {
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

pub fn waiting(newcomers: &[Newcomer]) -> Vec<i64> {
    let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    newcomers
        .iter()
        .map(|n| (day - n.waiting_start()).num_days())
        .collect()
}

/// A hospital/resident instance: `n` residents, `n / 10` hospitals with capacity 8, each
/// resident ranks 10 random hospitals (deduplicated), each hospital ranks its applicants in a
/// random order.
pub fn hospital_residents(n: usize, seed: u64) -> Preferences {
    let h = (n / 10).max(1);
    let mut r = Rng(seed);
    let residents: Vec<Vec<u32>> = (0..n)
        .map(|_| {
            let mut l: Vec<u32> = (0..10).map(|_| r.below(h as u64) as u32).collect();
            l.sort_unstable();
            l.dedup();
            for k in (1..l.len()).rev() {
                let s = r.below(k as u64 + 1) as usize;
                l.swap(k, s);
            }
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
    Preferences {
        newcomers: residents,
        offers: hospitals,
        capacities: vec![8; h],
    }
}

/// A dense `rows × cols` cost matrix, row-major, with uniform integer costs in `0..range`.
pub fn dense(rows: usize, cols: usize, range: u64, seed: u64) -> Vec<f64> {
    let mut r = Rng(seed);
    (0..rows * cols).map(|_| r.below(range) as f64).collect()
}
