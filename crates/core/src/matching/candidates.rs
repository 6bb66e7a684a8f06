//! Rule evaluation and candidate generation.
//!
//! Profiles are first *prepared*: strings interned to integers, availability as a bit mask, sets
//! sorted, so evaluating a pair allocates nothing. Candidate generation then builds a sparse
//! structure, for each newcomer the offers that pass every hard rule with their score, without
//! ever forming a newcomer × offer matrix. When a hard area or distance rule prunes, offers are
//! bucketed (by area, or on a latitude/longitude grid) so a newcomer is only compared with the
//! offers near it.
//!
//! Scores are exact integers: each pair's weighted soft score is rounded to millionths
//! ([`SCORE_SCALE`]), so every solver compares and sums the same integers.

use crate::error::BrobyggerError;
use crate::ids::{NewcomerId, OfferId};
use crate::matching::model::profile::{
    Coordinates, Credential, Gender, LanguageLevel, Need, Newcomer, Offer, OfferKind, Preference,
};
use crate::matching::model::rules::{RuleKind, RuleSet};
use crate::progress::{Stage, Watch};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// Scores are integers in millionths of a point.
pub const SCORE_SCALE: f64 = 1_000_000.0;

/// Strings of one kind (languages, areas, ...) mapped to small integers.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    map: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(id) = self.map.get(s) {
            return *id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.map.insert(s.to_owned(), id);
        self.names.push(s.to_owned());
        id
    }

    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    fn sorted_ids<'a>(&mut self, items: impl Iterator<Item = &'a str>) -> Vec<u32> {
        let mut v: Vec<u32> = items.map(|s| self.id(s)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Why a pair that meets every hard rule is still not a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Exclusion {
    /// The household or the volunteer declined this pair before.
    Declined,
    /// The pair is, or was, together: a released proposal or a relationship (a previous
    /// partner the run excludes).
    Together,
    /// The household's seats do not fit the offer's.
    Seats,
}

/// What a run knows beyond the profiles: its day and what the dossier's history says about
/// households and pairs. Empty for runs over bare profiles.
#[derive(Debug, Clone, Default)]
pub(crate) struct RunContext {
    /// The day of the run (waiting times).
    pub as_of: Option<NaiveDate>,
    /// Households that lost a match and wait for a new one, with the day it ended.
    pub lost: HashMap<NewcomerId, NaiveDate>,
    /// Pairs that must not be proposed, and why.
    pub excluded: HashMap<(NewcomerId, OfferId), Exclusion>,
    /// Pairs whose score gets a bonus (a previous partner preferred), in score units.
    pub bonus: HashMap<(NewcomerId, OfferId), i64>,
    /// Who watches the run: its cancel flag and progress sink.
    pub watch: Watch,
}

impl RunContext {
    /// A context with only the day.
    pub(crate) fn on(as_of: NaiveDate) -> Self {
        Self {
            as_of: Some(as_of),
            ..Self::default()
        }
    }

    /// The context watched by `watch`.
    pub(crate) fn watched(mut self, watch: &Watch) -> Self {
        self.watch = watch.clone();
        self
    }

    /// Whether the context changes nothing about pairs.
    pub(crate) fn has_pair_rules(&self) -> bool {
        !self.excluded.is_empty() || !self.bonus.is_empty()
    }
}

/// A newcomer in evaluation form.
#[derive(Debug)]
pub(crate) struct PNewcomer {
    /// Days waited on the day of the run (from the lost match's end for a rematch).
    waited: u32,
    /// The day a lost match ended, if the household waits for a new one.
    lost: Option<NaiveDate>,
    langs: Vec<(u32, LanguageLevel)>,
    loc: Option<Coordinates>,
    area: Option<u32>,
    needs: Vec<u32>,
    job_need: bool,
    avail: u32,
    industries: Vec<u32>,
    interests: Vec<u32>,
    children: Vec<u32>,
    prefs: Vec<Preference>,
}

/// An offer in evaluation form.
#[derive(Debug)]
pub(crate) struct POffer {
    langs: Vec<(u32, LanguageLevel)>,
    loc: Option<Coordinates>,
    area: Option<u32>,
    serves: Vec<u32>,
    avail: u32,
    industries: Vec<u32>,
    interests: Vec<u32>,
    credentials: Vec<Credential>,
    gender: Option<Gender>,
    kind: OfferKind,
    pub(crate) free: u32,
    capacity: u32,
}

/// A rule in evaluation form.
#[derive(Debug)]
pub(crate) enum PRule {
    SharedLanguage {
        min: LanguageLevel,
        langs: Vec<u32>,
    },
    Distance {
        max_km: f64,
        min_km: f64,
    },
    SameArea,
    NeedServed {
        needs: Vec<u32>,
    },
    Capacity {
        min_free: u32,
    },
    Availability {
        min_slots: u32,
    },
    Preferences,
    Credential {
        credential: Credential,
        under_age: u32,
    },
    IndustryFit,
    Interests {
        min_shared: u32,
    },
    Waiting {
        full: u32,
    },
    Lost,
}

/// What a rule found for one pair, for explanations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Detail {
    None,
    Language { lang: u32, level: LanguageLevel },
    Distance { km: f64 },
    Area { area: u32 },
    Needs { served: u32 },
    Capacity { free: u32, capacity: u32 },
    Slots { shared: u32 },
    Industry { industry: u32 },
    Interests { shared: u32 },
    Waited { days: u32 },
    Lost { on: NaiveDate },
}

/// One rule's verdict on one pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Eval {
    /// The pair meets the rule (always true when the rule does not apply).
    pub pass: bool,
    /// The rule is about this pair at all (industry fit only applies to job needs).
    pub applicable: bool,
    /// 0 to 1.
    pub score: f64,
    pub detail: Detail,
}

/// Everything evaluation needs, prepared once per run.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub newcomers: Vec<PNewcomer>,
    pub offers: Vec<POffer>,
    pub rules: Vec<PRule>,
    pub hard: Vec<bool>,
    /// The hard rules, cheapest to check first.
    hard_order: Vec<usize>,
    pub weights: Vec<f64>,
    pub langs: Interner,
    pub tags: Interner,
    /// The spatial or area index, built on first use and shared by candidate generation and
    /// the diagnosis of unmatched households.
    index: OnceLock<Index>,
    /// Diagnosis counts over every offer per group of households the non-pruning hard rules
    /// cannot tell apart (see [`diagnose`]).
    groups: Mutex<HashMap<Vec<u64>, GroupCounts>>,
}

fn need_key(n: &Need) -> String {
    match n {
        Need::Custom { id } => format!("custom:{id}"),
        other => other.key().to_owned(),
    }
}

fn area_key(a: &str) -> String {
    a.trim().to_lowercase()
}

fn mask(slots: &[crate::matching::model::profile::Slot]) -> u32 {
    slots.iter().fold(0, |m, s| m | s.bit())
}

fn langs(
    i: &mut Interner,
    skills: &[crate::matching::model::profile::LanguageSkill],
) -> Vec<(u32, LanguageLevel)> {
    let mut v: Vec<(u32, LanguageLevel)> = skills
        .iter()
        .map(|s| (i.id(&s.language), s.level))
        .collect();
    // Keep the highest level per language.
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    v.dedup_by_key(|x| x.0);
    v
}

fn intersect_count(a: &[u32], b: &[u32]) -> (u32, Option<u32>) {
    let (mut i, mut j, mut n, mut first) = (0, 0, 0u32, None);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                first.get_or_insert(a[i]);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (n, first)
}

impl Prepared {
    pub(crate) fn new(rule_set: &RuleSet, newcomers: &[Newcomer], offers: &[Offer]) -> Self {
        Self::with(rule_set, newcomers, offers, &RunContext::default())
    }

    /// Profiles prepared with what the run knows beyond them (its day, households' history).
    pub(crate) fn with(
        rule_set: &RuleSet,
        newcomers: &[Newcomer],
        offers: &[Offer],
        ctx: &RunContext,
    ) -> Self {
        let mut li = Interner::default();
        let mut ai = Interner::default();
        let mut ni = Interner::default();
        let mut ti = Interner::default();
        let job = ni.id(&need_key(&Need::JobOrInternship));
        let pn = newcomers
            .iter()
            .map(|n| {
                let needs = ni.sorted_ids(
                    n.needs
                        .iter()
                        .map(need_key)
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                );
                let lost = ctx.lost.get(&n.id).copied();
                let since = lost.map_or(n.waiting_start(), |l| l.max(n.waiting_start()));
                let waited = ctx.as_of.map_or(0, |d| {
                    u32::try_from((d - since).num_days().max(0)).unwrap_or(u32::MAX)
                });
                PNewcomer {
                    waited,
                    lost,
                    langs: langs(&mut li, &n.languages),
                    loc: n.location,
                    area: n.area.as_deref().map(|a| ai.id(&area_key(a))),
                    job_need: needs.binary_search(&job).is_ok(),
                    needs,
                    avail: mask(&n.availability),
                    industries: ti.sorted_ids(n.industries.iter().map(|s| s.as_str())),
                    interests: ti.sorted_ids(n.interests.iter().map(|s| s.as_str())),
                    children: n.household.children_ages.clone(),
                    prefs: n.preferences.clone(),
                }
            })
            .collect();
        let po = offers
            .iter()
            .map(|o| POffer {
                langs: langs(&mut li, &o.languages),
                loc: o.location,
                area: o.area.as_deref().map(|a| ai.id(&area_key(a))),
                serves: ni.sorted_ids(
                    o.serves
                        .iter()
                        .map(need_key)
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                ),
                avail: mask(&o.availability),
                industries: ti.sorted_ids(o.industries.iter().map(|s| s.as_str())),
                interests: ti.sorted_ids(o.interests.iter().map(|s| s.as_str())),
                credentials: o.credentials.clone(),
                gender: o.gender,
                kind: o.kind,
                free: o.free_places(),
                capacity: o.capacity,
            })
            .collect();
        let rules: Vec<PRule> = rule_set
            .rules
            .iter()
            .map(|r| match &r.kind {
                RuleKind::SharedLanguage {
                    min_level,
                    languages,
                } => PRule::SharedLanguage {
                    min: *min_level,
                    langs: li.sorted_ids(languages.iter().map(|s| s.as_str())),
                },
                RuleKind::Distance { max_km, min_km } => PRule::Distance {
                    max_km: *max_km,
                    min_km: min_km.unwrap_or(0.0),
                },
                RuleKind::SameArea => PRule::SameArea,
                RuleKind::NeedServed { needs } => PRule::NeedServed {
                    needs: ni.sorted_ids(
                        needs
                            .iter()
                            .map(need_key)
                            .collect::<Vec<_>>()
                            .iter()
                            .map(String::as_str),
                    ),
                },
                RuleKind::Capacity { min_free } => PRule::Capacity {
                    min_free: (*min_free).max(1),
                },
                RuleKind::AvailabilityOverlap { min_slots } => PRule::Availability {
                    min_slots: *min_slots,
                },
                RuleKind::PreferenceRespected => PRule::Preferences,
                RuleKind::CredentialWithChildren {
                    credential,
                    under_age,
                } => PRule::Credential {
                    credential: *credential,
                    under_age: *under_age,
                },
                RuleKind::IndustryFit => PRule::IndustryFit,
                RuleKind::InterestOverlap { min_shared } => PRule::Interests {
                    min_shared: *min_shared,
                },
                RuleKind::WaitingTime { full_after_days } => PRule::Waiting {
                    full: (*full_after_days).max(1),
                },
                RuleKind::LostMatch => PRule::Lost,
            })
            .collect();
        let cost = |r: &PRule| match r {
            PRule::SameArea | PRule::Capacity { .. } | PRule::Waiting { .. } | PRule::Lost => 0,
            PRule::Availability { .. } | PRule::Credential { .. } | PRule::Preferences => 1,
            PRule::SharedLanguage { .. }
            | PRule::NeedServed { .. }
            | PRule::IndustryFit
            | PRule::Interests { .. } => 2,
            PRule::Distance { .. } => 3,
        };
        let mut hard_order: Vec<usize> = (0..rule_set.rules.len())
            .filter(|&r| rule_set.rules[r].strength.is_hard())
            .collect();
        hard_order.sort_by_key(|&r| cost(&rules[r]));
        Prepared {
            newcomers: pn,
            offers: po,
            hard_order,
            rules,
            hard: rule_set
                .rules
                .iter()
                .map(|r| r.strength.is_hard())
                .collect(),
            weights: rule_set.rules.iter().map(|r| r.strength.weight()).collect(),
            langs: li,
            tags: ti,
            index: OnceLock::new(),
            groups: Mutex::new(HashMap::new()),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| build_index(self))
    }

    /// Rule `r` on newcomer `i` and offer `j`.
    pub(crate) fn eval(&self, r: usize, i: usize, j: usize) -> Eval {
        let (Some(rule), Some(n), Some(o)) =
            (self.rules.get(r), self.newcomers.get(i), self.offers.get(j))
        else {
            return Eval {
                pass: false,
                applicable: true,
                score: 0.0,
                detail: Detail::None,
            };
        };
        let yes = |score: f64, detail: Detail| Eval {
            pass: true,
            applicable: true,
            score,
            detail,
        };
        let no = |detail: Detail| Eval {
            pass: false,
            applicable: true,
            score: 0.0,
            detail,
        };
        match rule {
            PRule::SharedLanguage { min, langs } => {
                let mut best: Option<(u32, LanguageLevel)> = None;
                for &(l, nl) in &n.langs {
                    if !langs.is_empty() && langs.binary_search(&l).is_err() {
                        continue;
                    }
                    if let Ok(k) = o.langs.binary_search_by_key(&l, |x| x.0) {
                        let level = nl.min(o.langs[k].1);
                        if level >= *min && best.is_none_or(|b| level > b.1) {
                            best = Some((l, level));
                        }
                    }
                }
                match best {
                    Some((lang, level)) => yes(1.0, Detail::Language { lang, level }),
                    None => no(Detail::None),
                }
            }
            PRule::Distance { max_km, min_km } => match (n.loc, o.loc) {
                (Some(a), Some(b)) => {
                    let km = a.distance_km(b);
                    if km <= *max_km && km >= *min_km {
                        yes((1.0 - km / max_km).clamp(0.0, 1.0), Detail::Distance { km })
                    } else {
                        no(Detail::Distance { km })
                    }
                }
                _ => no(Detail::None),
            },
            PRule::SameArea => match (n.area, o.area) {
                (Some(a), Some(b)) if a == b => yes(1.0, Detail::Area { area: a }),
                _ => no(Detail::None),
            },
            PRule::NeedServed { needs } => {
                // Counted in place: this runs for every pair, so it must not allocate.
                let (mut relevant, mut served) = (0u32, 0u32);
                for x in &n.needs {
                    if needs.is_empty() || needs.binary_search(x).is_ok() {
                        relevant += 1;
                        served += u32::from(o.serves.binary_search(x).is_ok());
                    }
                }
                if served > 0 {
                    yes(
                        f64::from(served) / f64::from(relevant),
                        Detail::Needs { served },
                    )
                } else {
                    no(Detail::Needs { served: 0 })
                }
            }
            PRule::Capacity { min_free } => {
                let d = Detail::Capacity {
                    free: o.free,
                    capacity: o.capacity,
                };
                if o.free >= *min_free {
                    yes(f64::from(o.free) / f64::from(o.capacity.max(1)), d)
                } else {
                    no(d)
                }
            }
            PRule::Availability { min_slots } => {
                let shared = (n.avail & o.avail).count_ones();
                let smaller = n.avail.count_ones().min(o.avail.count_ones());
                let d = Detail::Slots { shared };
                if shared >= *min_slots && (shared > 0 || *min_slots == 0) {
                    let score = if smaller == 0 {
                        0.0
                    } else {
                        f64::from(shared) / f64::from(smaller)
                    };
                    yes(score.min(1.0), d)
                } else {
                    no(d)
                }
            }
            PRule::Preferences => {
                let met = n
                    .prefs
                    .iter()
                    .filter(|p| match p {
                        Preference::VolunteerGender { gender } => o.gender == Some(*gender),
                        Preference::OfferKind { kind } => o.kind == *kind,
                    })
                    .count();
                if met == n.prefs.len() {
                    yes(1.0, Detail::None)
                } else {
                    no(Detail::None)
                }
            }
            PRule::Credential {
                credential,
                under_age,
            } => {
                if !n.children.iter().any(|a| a < under_age) {
                    Eval {
                        pass: true,
                        applicable: false,
                        score: 0.0,
                        detail: Detail::None,
                    }
                } else if o.credentials.contains(credential) {
                    yes(1.0, Detail::None)
                } else {
                    no(Detail::None)
                }
            }
            PRule::IndustryFit => {
                if !n.job_need {
                    return Eval {
                        pass: true,
                        applicable: false,
                        score: 0.0,
                        detail: Detail::None,
                    };
                }
                match intersect_count(&n.industries, &o.industries) {
                    (k, Some(first)) if k > 0 => yes(1.0, Detail::Industry { industry: first }),
                    _ => no(Detail::None),
                }
            }
            PRule::Waiting { full } => {
                let d = Detail::Waited { days: n.waited };
                let score = (f64::from(n.waited) / f64::from(*full)).min(1.0);
                if n.waited >= *full {
                    yes(1.0, d)
                } else {
                    // Soft: partial priority; hard: not yet waited long enough.
                    Eval {
                        pass: false,
                        applicable: true,
                        score,
                        detail: d,
                    }
                }
            }
            PRule::Lost => match n.lost {
                Some(on) => yes(1.0, Detail::Lost { on }),
                None => no(Detail::None),
            },
            PRule::Interests { min_shared } => {
                let (shared, _) = intersect_count(&n.interests, &o.interests);
                let smaller = n.interests.len().min(o.interests.len());
                let d = Detail::Interests { shared };
                if shared >= *min_shared {
                    let score = if smaller == 0 {
                        0.0
                    } else {
                        f64::from(shared) / smaller as f64
                    };
                    yes(score.min(1.0), d)
                } else {
                    no(d)
                }
            }
        }
    }

    /// The pair's exact score if it passes every hard rule. Hard rules are checked first,
    /// cheapest first (a great-circle distance last), so most failing pairs cost one or two
    /// comparisons; soft rules are then summed in their own order, so the score does not
    /// depend on the checking order.
    pub(crate) fn score(&self, i: usize, j: usize) -> Option<i64> {
        for &r in &self.hard_order {
            if !self.eval(r, i, j).pass {
                return None;
            }
        }
        let mut total = 0.0;
        for r in 0..self.rules.len() {
            if self.hard[r] {
                continue;
            }
            let e = self.eval(r, i, j);
            if e.applicable {
                total += self.weights[r] * e.score;
            }
        }
        Some(quantize(total))
    }

    /// The offers a hard rule cannot exclude for newcomer `i`: every offer, or only those in
    /// the newcomer's area or grid neighbourhood when a hard area or distance rule prunes.
    fn reachable(&self, i: usize, index: &Index) -> Reach {
        let Some(n) = self.newcomers.get(i) else {
            return Reach::List(Vec::new());
        };
        match index {
            Index::None => Reach::All,
            Index::Area(_, map) => Reach::List(
                n.area
                    .and_then(|a| map.get(&a).cloned())
                    .unwrap_or_default(),
            ),
            Index::Grid(_, grid) => match n.loc {
                None => Reach::List(Vec::new()),
                Some(c) => grid.near(c),
            },
        }
    }
}

/// Rounds a weighted score to the integer scale.
pub(crate) fn quantize(x: f64) -> i64 {
    (x * SCORE_SCALE).round() as i64
}

#[derive(Debug)]
enum Reach {
    All,
    List(Vec<u32>),
}

#[derive(Debug)]
enum Index {
    None,
    /// Offers by area, for the hard same-area rule at this position.
    Area(usize, HashMap<u32, Vec<u32>>),
    /// Offers on a grid, for the hard distance rule at this position (the smallest radius).
    Grid(usize, Grid),
}

impl Index {
    /// The hard rule every offer outside a household's reach fails.
    fn rule(&self) -> Option<usize> {
        match self {
            Index::None => None,
            Index::Area(r, _) | Index::Grid(r, _) => Some(*r),
        }
    }
}

/// Offers with a location bucketed on a latitude/longitude grid whose cells are one search
/// radius high.
#[derive(Debug)]
struct Grid {
    cell: f64,
    radius_km: f64,
    cells: HashMap<(i64, i64), Vec<u32>>,
    all: Vec<u32>,
}

impl Grid {
    fn new(offers: &[POffer], radius_km: f64) -> Self {
        let cell = (radius_km / 110.574).max(1e-6);
        let mut cells: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
        let mut all = Vec::new();
        for (j, o) in offers.iter().enumerate() {
            if let Some(c) = o.loc.filter(|c| c.is_valid()) {
                let j = j as u32;
                cells.entry(Self::key(c, cell)).or_default().push(j);
                all.push(j);
            }
        }
        Grid {
            cell,
            radius_km,
            cells,
            all,
        }
    }

    fn key(c: Coordinates, cell: f64) -> (i64, i64) {
        ((c.lat / cell).floor() as i64, (c.lon / cell).floor() as i64)
    }

    fn near(&self, c: Coordinates) -> Reach {
        if !c.is_valid() {
            return Reach::List(Vec::new());
        }
        // Degrees of latitude are at least 110.574 km; degrees of longitude shrink with the
        // cosine of the latitude, taken at the edge of the search band nearest the pole.
        let dlat = self.radius_km / 110.574;
        let edge = (c.lat.abs() + dlat).to_radians();
        if edge >= 89f64.to_radians() {
            return Reach::List(self.all.clone());
        }
        let dlon = self.radius_km / (111.320 * edge.cos());
        if c.lon - dlon < -180.0 || c.lon + dlon > 180.0 {
            return Reach::List(self.all.clone());
        }
        let (la0, lo0) = Self::key(
            Coordinates {
                lat: c.lat - dlat,
                lon: c.lon - dlon,
            },
            self.cell,
        );
        let (la1, lo1) = Self::key(
            Coordinates {
                lat: c.lat + dlat,
                lon: c.lon + dlon,
            },
            self.cell,
        );
        if (la1 - la0 + 1).saturating_mul(lo1 - lo0 + 1) as usize > self.cells.len() {
            // Fewer buckets than cells to probe: walk the buckets instead.
            let mut out: Vec<u32> = self
                .cells
                .iter()
                .filter(|((la, lo), _)| (la0..=la1).contains(la) && (lo0..=lo1).contains(lo))
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            out.sort_unstable();
            return Reach::List(out);
        }
        let mut out = Vec::new();
        for la in la0..=la1 {
            for lo in lo0..=lo1 {
                if let Some(v) = self.cells.get(&(la, lo)) {
                    out.extend_from_slice(v);
                }
            }
        }
        out.sort_unstable();
        Reach::List(out)
    }
}

/// For each newcomer, the offers that pass every hard rule and have a free place, with the
/// pair's score: a compressed sparse row structure, never a dense matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidates {
    offsets: Vec<usize>,
    offers: Vec<u32>,
    scores: Vec<i64>,
    /// Free places per offer before the run.
    pub capacities: Vec<u32>,
    /// Pairs evaluated against the rules (after pruning).
    pub pairs_evaluated: u64,
}

impl Candidates {
    /// Builds the candidates from explicit lists: `lists[i]` holds `(offer, score)` pairs for
    /// newcomer `i`. Offers out of range are dropped; a repeated offer keeps its first score.
    pub fn from_lists(lists: Vec<Vec<(u32, i64)>>, capacities: Vec<u32>) -> Self {
        let mut c = Candidates {
            offsets: vec![0],
            capacities,
            ..Default::default()
        };
        let m = c.capacities.len() as u32;
        for list in lists {
            let mut seen = std::collections::HashSet::new();
            for (j, s) in list {
                if j < m && seen.insert(j) {
                    c.offers.push(j);
                    c.scores.push(s);
                }
            }
            c.offsets.push(c.offers.len());
        }
        c
    }

    /// Number of newcomers.
    pub fn newcomers(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of offers.
    pub fn offers(&self) -> usize {
        self.capacities.len()
    }

    /// Number of candidate pairs.
    pub fn len(&self) -> usize {
        self.offers.len()
    }

    /// Whether there are no candidate pairs.
    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    /// Newcomer `i`'s candidate offers and their scores.
    pub fn of(&self, i: usize) -> (&[u32], &[i64]) {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => (&self.offers[a..b], &self.scores[a..b]),
            _ => (&[], &[]),
        }
    }

    /// The score of pair `(i, j)` if it is a candidate.
    pub fn score(&self, i: usize, j: u32) -> Option<i64> {
        let (offers, scores) = self.of(i);
        offers.iter().position(|&o| o == j).map(|k| scores[k])
    }
}

/// Builds the candidates for a run, on as many threads as the machine offers when there are
/// enough households to be worth it (see [`generate_on`]).
pub(crate) fn generate(p: &Prepared) -> Candidates {
    // The default watch never cancels, so there is no error to lose.
    generate_on(p, threads_for(p))
}

/// [`generate`] under `watch`: progress counts households whose candidates are known.
pub(crate) fn generate_watched(p: &Prepared, watch: &Watch) -> Result<Candidates, BrobyggerError> {
    generate_on_watched(p, threads_for(p), watch)
}

fn threads_for(p: &Prepared) -> usize {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Below a few thousand households a thread costs more than it saves.
    threads.min(p.newcomers.len() / 2_000).max(1)
}

/// The candidates of `newcomers` × `offers` under `rules` on `threads` threads, ungated: the
/// public hook is `crate::matching::generate_with_threads`, which passes the gate first.
pub(crate) fn generate_threads(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    threads: usize,
) -> Candidates {
    generate_on(&Prepared::new(rules, newcomers, offers), threads)
}

/// One thread's share of the candidates: households `range`, each with its list length.
struct Part {
    lengths: Vec<usize>,
    offers: Vec<u32>,
    scores: Vec<i64>,
    evaluated: u64,
}

/// Households whose candidates are known, counted by every thread of one generation.
struct Count<'a> {
    watch: &'a Watch,
    done: AtomicU64,
    total: u64,
}

impl Count<'_> {
    /// One more household: looks at the watch once per stride.
    fn one(&self) -> Result<(), BrobyggerError> {
        if !self.watch.is_watched() {
            return Ok(());
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.watch.step(Stage::Candidates, done, self.total)
    }
}

fn part(
    p: &Prepared,
    index: &Index,
    range: Range<usize>,
    count: &Count<'_>,
) -> Result<Part, BrobyggerError> {
    let mut out = Part {
        lengths: Vec::with_capacity(range.len()),
        offers: Vec::new(),
        scores: Vec::new(),
        evaluated: 0,
    };
    let m = p.offers.len();
    for i in range {
        let before = out.offers.len();
        let mut consider = |j: usize| {
            if p.offers[j].free == 0 {
                return;
            }
            out.evaluated += 1;
            if let Some(s) = p.score(i, j) {
                out.offers.push(j as u32);
                out.scores.push(s);
            }
        };
        match p.reachable(i, index) {
            Reach::All => (0..m).for_each(&mut consider),
            Reach::List(list) => list.into_iter().for_each(|j| consider(j as usize)),
        }
        out.lengths.push(out.offers.len() - before);
        count.one()?;
    }
    Ok(out)
}

/// Builds the candidates on `threads` threads (scoped, each taking a contiguous share of the
/// households); the result is the same for any number of threads.
pub(crate) fn generate_on(p: &Prepared, threads: usize) -> Candidates {
    // The default watch never cancels, so there is no error to lose.
    generate_on_watched(p, threads, &Watch::default()).unwrap_or_else(|_| {
        Candidates::from_lists(
            vec![Vec::new(); p.newcomers.len()],
            p.offers.iter().map(|o| o.free).collect(),
        )
    })
}

/// [`generate_on`] under `watch`.
fn generate_on_watched(
    p: &Prepared,
    threads: usize,
    watch: &Watch,
) -> Result<Candidates, BrobyggerError> {
    let index = p.index();
    let n = p.newcomers.len();
    let threads = threads.clamp(1, n.max(1));
    let count = Count {
        watch,
        done: AtomicU64::new(0),
        total: n as u64,
    };
    watch.start(Stage::Candidates, count.total)?;
    let count = &count;
    let parts: Vec<Part> = if threads == 1 {
        vec![part(p, index, 0..n, count)?]
    } else {
        let chunk = n.div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                    s.spawn(move || part(p, index, range, count))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect::<Result<_, _>>()
        })?
    };
    watch.finish(Stage::Candidates, count.total)?;
    let total: usize = parts.iter().map(|x| x.offers.len()).sum();
    let mut c = Candidates {
        offsets: Vec::with_capacity(n + 1),
        offers: Vec::with_capacity(total),
        scores: Vec::with_capacity(total),
        capacities: p.offers.iter().map(|o| o.free).collect(),
        pairs_evaluated: 0,
    };
    c.offsets.push(0);
    for x in parts {
        let mut end = c.offers.len();
        for len in x.lengths {
            end += len;
            c.offsets.push(end);
        }
        c.offers.extend_from_slice(&x.offers);
        c.scores.extend_from_slice(&x.scores);
        c.pairs_evaluated += x.evaluated;
    }
    Ok(c)
}

fn build_index(p: &Prepared) -> Index {
    let has_hard =
        |f: &dyn Fn(&PRule) -> bool| p.rules.iter().zip(&p.hard).any(|(r, h)| *h && f(r));
    if has_hard(&|r| matches!(r, PRule::SameArea)) {
        let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
        for (j, o) in p.offers.iter().enumerate() {
            if let Some(a) = o.area {
                map.entry(a).or_default().push(j as u32);
            }
        }
        let rule = p
            .rules
            .iter()
            .zip(&p.hard)
            .position(|(r, h)| *h && matches!(r, PRule::SameArea))
            .unwrap_or(0);
        return Index::Area(rule, map);
    }
    let tightest = p
        .rules
        .iter()
        .zip(&p.hard)
        .enumerate()
        .filter_map(|(k, (r, h))| match r {
            PRule::Distance { max_km, .. } if *h && max_km.is_finite() && *max_km > 0.0 => {
                Some((k, *max_km))
            }
            _ => None,
        })
        .fold(None, |best: Option<(usize, f64)>, (k, km)| match best {
            Some((_, b)) if b <= km => best,
            _ => Some((k, km)),
        });
    match tightest {
        Some((rule, radius)) => Index::Grid(rule, Grid::new(&p.offers, radius)),
        None => Index::None,
    }
}

/// Why newcomer `i` has the candidates it has: for each hard rule, how many offers fail it and
/// how many fail only it; offers with no free place count as failing capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnosis {
    pub offers: u32,
    pub eligible: u32,
    pub full: u32,
    pub fails: Vec<u32>,
    pub fails_only: Vec<u32>,
}

/// Per group of households, counts over every offer for the hard rules other than the one
/// the index prunes by.
#[derive(Debug, Clone)]
struct GroupCounts {
    /// Offers failing each hard rule (zero for the pruning rule).
    fails: Vec<u32>,
    /// Offers with a free place that pass every other hard rule.
    pass_others_free: u32,
}

/// Why household `i` has the candidates it has, counted over every offer.
///
/// Exact, without comparing the household with every offer: offers outside its reach (by the
/// index of candidate generation) fail the pruning rule, so for them only the other hard rules
/// matter, and those read only a few of the household's attributes. Households that agree on
/// those attributes share one count over all offers (computed once per run), and the offers
/// within reach are evaluated one by one and swapped into it.
pub(crate) fn diagnose(p: &Prepared, i: usize) -> Diagnosis {
    let index = p.index();
    let nr = p.rules.len();
    let Some(r0) = index.rule() else {
        return diagnose_over(p, i, 0..p.offers.len());
    };
    let near: Vec<u32> = match p.reachable(i, index) {
        Reach::All => return diagnose_over(p, i, 0..p.offers.len()),
        Reach::List(list) => list,
    };
    let key = p.signature(i, r0);
    let group = {
        let cached = p
            .groups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        match cached {
            Some(g) => g,
            None => {
                let g = group_counts(p, i, r0);
                p.groups
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, g.clone());
                g
            }
        }
    };
    let mut d = Diagnosis {
        offers: p.offers.len() as u32,
        eligible: 0,
        full: 0,
        fails: vec![0; nr],
        fails_only: vec![0; nr],
    };
    // Offers within reach, one by one; and what they contribute to the group's counts, to
    // take it out again.
    let mut near_fails_others = vec![0u32; nr];
    let mut near_pass_others_free = 0u32;
    let mut failed = Vec::with_capacity(nr);
    for &j in &near {
        let j = j as usize;
        failed.clear();
        for (r, other) in near_fails_others.iter_mut().enumerate() {
            if p.hard[r] && !p.eval(r, i, j).pass {
                failed.push(r);
                d.fails[r] += 1;
                if r != r0 {
                    *other += 1;
                }
            }
        }
        let full = p.offers[j].free == 0;
        if !full && failed.iter().all(|&r| r == r0) {
            near_pass_others_free += 1;
        }
        tally(&mut d, &failed, full);
    }
    let far = p.offers.len().saturating_sub(near.len()) as u32;
    d.fails[r0] += far;
    for (r, ((fails, all), near)) in d
        .fails
        .iter_mut()
        .zip(&group.fails)
        .zip(&near_fails_others)
        .enumerate()
    {
        if r != r0 {
            *fails += all.saturating_sub(*near);
        }
    }
    d.fails_only[r0] += group.pass_others_free.saturating_sub(near_pass_others_free);
    d
}

fn tally(d: &mut Diagnosis, failed: &[usize], full: bool) {
    match (failed, full) {
        ([], false) => d.eligible += 1,
        ([], true) => d.full += 1,
        ([only], false) => d.fails_only[*only] += 1,
        _ => {}
    }
}

/// The plain diagnosis: every offer in `offers` evaluated against every hard rule.
fn diagnose_over(p: &Prepared, i: usize, offers: Range<usize>) -> Diagnosis {
    let nr = p.rules.len();
    let mut d = Diagnosis {
        offers: p.offers.len() as u32,
        eligible: 0,
        full: 0,
        fails: vec![0; nr],
        fails_only: vec![0; nr],
    };
    let mut failed = Vec::with_capacity(nr);
    for j in offers {
        failed.clear();
        for r in 0..nr {
            if p.hard[r] && !p.eval(r, i, j).pass {
                failed.push(r);
                d.fails[r] += 1;
            }
        }
        tally(&mut d, &failed, p.offers[j].free == 0);
    }
    d
}

/// Counts over every offer for household `i`'s group: each hard rule but `skip`.
fn group_counts(p: &Prepared, i: usize, skip: usize) -> GroupCounts {
    let nr = p.rules.len();
    let mut g = GroupCounts {
        fails: vec![0; nr],
        pass_others_free: 0,
    };
    for j in 0..p.offers.len() {
        let mut pass = true;
        for r in 0..nr {
            if r != skip && p.hard[r] && !p.eval(r, i, j).pass {
                g.fails[r] += 1;
                pass = false;
            }
        }
        if pass && p.offers[j].free > 0 {
            g.pass_others_free += 1;
        }
    }
    g
}

impl Prepared {
    /// What the hard rules other than `skip` read of household `i`: households with the same
    /// signature pass and fail those rules with exactly the same offers.
    fn signature(&self, i: usize, skip: usize) -> Vec<u64> {
        let Some(n) = self.newcomers.get(i) else {
            return Vec::new();
        };
        let mut key = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            if r == skip || !self.hard[r] {
                continue;
            }
            key.push(r as u64);
            match rule {
                PRule::SharedLanguage { .. } => key.extend(
                    n.langs
                        .iter()
                        .map(|&(l, lv)| (u64::from(l) << 8) | lv as u64),
                ),
                PRule::Distance { .. } => {
                    key.extend(n.loc.map_or([0, 0], |c| [c.lat.to_bits(), c.lon.to_bits()]))
                }
                PRule::SameArea => key.push(n.area.map_or(u64::MAX, u64::from)),
                PRule::NeedServed { .. } => key.extend(n.needs.iter().map(|&x| u64::from(x))),
                PRule::Capacity { .. } => {}
                PRule::Availability { .. } => key.push(u64::from(n.avail)),
                PRule::Preferences => key.extend(n.prefs.iter().map(|x| match x {
                    Preference::VolunteerGender { gender } => (1 << 32) | *gender as u64,
                    Preference::OfferKind { kind } => (2 << 32) | *kind as u64,
                })),
                PRule::Credential { under_age, .. } => {
                    key.push(u64::from(n.children.iter().any(|a| a < under_age)))
                }
                PRule::IndustryFit => {
                    key.push(u64::from(n.job_need));
                    key.extend(n.industries.iter().map(|&x| u64::from(x)));
                }
                PRule::Interests { .. } => key.extend(n.interests.iter().map(|&x| u64::from(x))),
                PRule::Waiting { .. } => key.push(u64::from(n.waited)),
                PRule::Lost => key.push(u64::from(n.lost.is_some())),
            }
            // Lists of different lengths must not run together.
            key.push(u64::MAX - r as u64);
        }
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::matching::model::profile::{LanguageSkill, Slot, Weekday};
    use crate::matching::model::rules::{Rule, Strength};

    fn rng(seed: &mut u64, k: u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) % k
    }

    fn profiles(seed: &mut u64, n: usize, m: usize) -> (Vec<Newcomer>, Vec<Offer>) {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        let langs = ["da", "ar", "ti", "en"];
        let levels = [LanguageLevel::A1, LanguageLevel::B1, LanguageLevel::Native];
        let slot = |k: u64| Slot {
            day: [Weekday::Monday, Weekday::Tuesday][k as usize % 2],
            time: crate::agreement::TimeOfDay::Evening,
        };
        let loc = |seed: &mut u64| {
            (rng(seed, 5) > 0).then(|| Coordinates {
                lat: 55.0 + rng(seed, 1000) as f64 / 2000.0,
                lon: 10.0 + rng(seed, 1000) as f64 / 2000.0,
            })
        };
        let newcomers = (0..n)
            .map(|i| {
                let mut x = Newcomer::new(format!("n{i}"), date);
                x.location = loc(seed);
                x.area = Some(["A", "B", "C"][rng(seed, 3) as usize].into());
                x.languages = vec![LanguageSkill::new(
                    langs[rng(seed, 4) as usize],
                    levels[rng(seed, 3) as usize],
                )];
                x.needs = vec![Need::STANDARD[rng(seed, 3) as usize].clone()];
                x.availability = vec![slot(rng(seed, 2))];
                if rng(seed, 2) == 0 {
                    x.household.children_ages = vec![rng(seed, 18) as u32];
                }
                if rng(seed, 3) == 0 {
                    x.preferences = vec![Preference::VolunteerGender {
                        gender: Gender::Female,
                    }];
                }
                x
            })
            .collect();
        let offers = (0..m)
            .map(|j| {
                let mut o = Offer::new(format!("o{j}"), OfferKind::ContactPerson, "t", 1);
                o.location = loc(seed);
                o.area = Some(["A", "B", "C"][rng(seed, 3) as usize].into());
                o.languages = vec![LanguageSkill::new(
                    langs[rng(seed, 4) as usize],
                    levels[rng(seed, 3) as usize],
                )];
                o.serves = vec![Need::STANDARD[rng(seed, 3) as usize].clone()];
                o.availability = vec![slot(rng(seed, 2))];
                o.capacity = rng(seed, 3) as u32;
                if rng(seed, 2) == 0 {
                    o.gender = Some(Gender::Female);
                    o.credentials = vec![Credential::ChildProtectionCertificate];
                }
                o
            })
            .collect();
        (newcomers, offers)
    }

    fn rule_set(kinds: Vec<RuleKind>) -> RuleSet {
        let text = Text::new("x", "x");
        let mut rs = RuleSet::new("t", text.clone());
        rs.rules = kinds
            .into_iter()
            .enumerate()
            .map(|(k, kind)| Rule {
                id: format!("r{k}").as_str().into(),
                strength: Strength::Hard,
                kind,
                explanation: text.clone(),
            })
            .collect();
        rs
    }

    /// The grouped diagnosis must count exactly what evaluating every offer counts, and
    /// parallel candidate generation must give the sequential result.
    #[test]
    fn grouped_diagnosis_and_parallel_generation_equal_the_plain_ones() {
        let mut seed = 3;
        let sets = [
            vec![
                RuleKind::Distance {
                    max_km: 8.0,
                    min_km: None,
                },
                RuleKind::SharedLanguage {
                    min_level: LanguageLevel::B1,
                    languages: vec![],
                },
                RuleKind::NeedServed { needs: vec![] },
                RuleKind::Distance {
                    max_km: 20.0,
                    min_km: Some(1.0),
                },
            ],
            vec![
                RuleKind::SameArea,
                RuleKind::PreferenceRespected,
                RuleKind::CredentialWithChildren {
                    credential: Credential::ChildProtectionCertificate,
                    under_age: 10,
                },
                RuleKind::AvailabilityOverlap { min_slots: 1 },
                RuleKind::Capacity { min_free: 1 },
            ],
        ];
        for kinds in sets {
            let rules = rule_set(kinds);
            for _ in 0..5 {
                let (ns, os) = profiles(&mut seed, 150, 60);
                let p = Prepared::new(&rules, &ns, &os);
                let c1 = generate_on(&p, 1);
                assert_eq!(generate_on(&p, 3), c1);
                assert!(p.index().rule().is_some());
                for i in 0..ns.len() {
                    assert_eq!(diagnose(&p, i), diagnose_over(&p, i, 0..os.len()), "{i}");
                }
            }
        }
    }
}
