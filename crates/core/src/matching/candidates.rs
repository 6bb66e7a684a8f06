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

use crate::matching::profile::{
    Coordinates, Credential, Gender, LanguageLevel, Need, Newcomer, Offer, OfferKind, Preference,
};
use crate::matching::rules::{RuleKind, RuleSet};
use std::collections::HashMap;

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

/// A newcomer in evaluation form.
#[derive(Debug)]
pub(crate) struct PNewcomer {
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
    pub weights: Vec<f64>,
    pub langs: Interner,
    pub tags: Interner,
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

fn mask(slots: &[crate::matching::profile::Slot]) -> u32 {
    slots.iter().fold(0, |m, s| m | s.bit())
}

fn langs(
    i: &mut Interner,
    skills: &[crate::matching::profile::LanguageSkill],
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
                PNewcomer {
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
        let rules = rule_set
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
            })
            .collect();
        Prepared {
            newcomers: pn,
            offers: po,
            rules,
            hard: rule_set
                .rules
                .iter()
                .map(|r| r.strength.is_hard())
                .collect(),
            weights: rule_set.rules.iter().map(|r| r.strength.weight()).collect(),
            langs: li,
            tags: ti,
        }
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
                let relevant: Vec<u32> = if needs.is_empty() {
                    n.needs.clone()
                } else {
                    n.needs
                        .iter()
                        .copied()
                        .filter(|x| needs.binary_search(x).is_ok())
                        .collect()
                };
                let (served, _) = intersect_count(&relevant, &o.serves);
                if served > 0 {
                    yes(
                        f64::from(served) / relevant.len() as f64,
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

    /// The pair's exact score if it passes every hard rule.
    pub(crate) fn score(&self, i: usize, j: usize) -> Option<i64> {
        let mut total = 0.0;
        for r in 0..self.rules.len() {
            let e = self.eval(r, i, j);
            if self.hard[r] {
                if !e.pass {
                    return None;
                }
            } else if e.applicable {
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
            Index::Area(map) => Reach::List(
                n.area
                    .and_then(|a| map.get(&a).cloned())
                    .unwrap_or_default(),
            ),
            Index::Grid(grid) => match n.loc {
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

enum Reach {
    All,
    List(Vec<u32>),
}

enum Index {
    None,
    Area(HashMap<u32, Vec<u32>>),
    Grid(Grid),
}

/// Offers with a location bucketed on a latitude/longitude grid whose cells are one search
/// radius high.
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

/// Builds the candidates for a run.
pub(crate) fn generate(p: &Prepared) -> Candidates {
    let index = build_index(p);
    let mut c = Candidates {
        offsets: Vec::with_capacity(p.newcomers.len() + 1),
        capacities: p.offers.iter().map(|o| o.free).collect(),
        ..Default::default()
    };
    c.offsets.push(0);
    let m = p.offers.len();
    for i in 0..p.newcomers.len() {
        let consider = |j: usize, c: &mut Candidates| {
            if p.offers[j].free == 0 {
                return;
            }
            c.pairs_evaluated += 1;
            if let Some(s) = p.score(i, j) {
                c.offers.push(j as u32);
                c.scores.push(s);
            }
        };
        match p.reachable(i, &index) {
            Reach::All => (0..m).for_each(|j| consider(j, &mut c)),
            Reach::List(list) => list.into_iter().for_each(|j| consider(j as usize, &mut c)),
        }
        c.offsets.push(c.offers.len());
    }
    c
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
        return Index::Area(map);
    }
    let radius = p
        .rules
        .iter()
        .zip(&p.hard)
        .filter_map(|(r, h)| match r {
            PRule::Distance { max_km, .. } if *h && max_km.is_finite() && *max_km > 0.0 => {
                Some(*max_km)
            }
            _ => None,
        })
        .fold(f64::INFINITY, f64::min);
    if radius.is_finite() {
        Index::Grid(Grid::new(&p.offers, radius))
    } else {
        Index::None
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

pub(crate) fn diagnose(p: &Prepared, i: usize) -> Diagnosis {
    let nr = p.rules.len();
    let mut d = Diagnosis {
        offers: p.offers.len() as u32,
        eligible: 0,
        full: 0,
        fails: vec![0; nr],
        fails_only: vec![0; nr],
    };
    let mut failed = Vec::with_capacity(nr);
    for j in 0..p.offers.len() {
        failed.clear();
        for r in 0..nr {
            if p.hard[r] && !p.eval(r, i, j).pass {
                failed.push(r);
                d.fails[r] += 1;
            }
        }
        let full = p.offers[j].free == 0;
        match (failed.as_slice(), full) {
            ([], false) => d.eligible += 1,
            ([], true) => d.full += 1,
            ([only], false) => d.fails_only[*only] += 1,
            _ => {}
        }
    }
    d
}
