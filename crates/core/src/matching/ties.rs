//! Stable matching with ties and incomplete lists (HRT): preference lists where several offers
//! (or households) are equally good, as a score tie or a coordinator's "either is fine" gives.
//!
//! A matching is **weakly stable** when no household and offer that list each other would both
//! *strictly* rather be together than with what they have (an offer with a free place counts as
//! rather having anyone it lists). Every tie-breaking of the lists turns deferred acceptance into
//! a weakly stable matching, but the matchings differ in size, and the largest is NP-hard to
//! find (Manlove et al. 2002). So:
//!
//! - [`weakly_stable`] breaks every tie **by index** (the lower index first: the household or
//!   offer listed earlier in the input) and runs deferred acceptance from the chosen side. The
//!   result is deterministic and weakly stable.
//! - [`largest_weakly_stable`] searches for the largest weakly stable matching: exactly, by
//!   branch and bound, for small instances; beyond that, the largest over deterministic
//!   tie-breakings, where households left unmatched are promoted within their ties on the
//!   offers' side and deferred acceptance runs again (in the spirit of Király's promotion,
//!   2011). Any weakly stable matching is maximal in the acceptability graph, so it has at
//!   least half the pairs of a maximum matching: the report gives that maximum as the bound,
//!   and the proven ratio of ½ holds for every answer.
//!
//! Each report counts the blocking pairs of its matching (always 0) so a caller can check.

use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::matching::solve::{
    Places, PreferenceProblem, Preferences, ProposingSide, Ranking, StablePair, stable,
};
use crate::progress::{Progress, Stage, Watch};
use std::collections::HashMap;
use std::convert::Infallible;

/// Preference lists with ties, by index: each list is a sequence of groups, best group first;
/// the members of a group are equally good.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TiedPreferences {
    /// Each newcomer's acceptable offers, in groups, best first.
    pub newcomers: Vec<Vec<Vec<u32>>>,
    /// Each offer's acceptable newcomers, in groups, best first.
    pub offers: Vec<Vec<Vec<u32>>>,
    /// Each offer's places.
    pub capacities: Vec<u32>,
}

/// How a matching with ties was found.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TieMethod {
    /// Ties broken by index, deferred acceptance.
    TieBreakByIndex,
    /// Branch and bound over the weakly stable matchings: the largest, proven.
    Exact,
    /// The largest over tie-breakings with unmatched households promoted.
    Promotion,
}

/// A weakly stable matching and how good it is.
#[derive(Debug, Clone, PartialEq)]
pub struct TiesReport {
    /// Each newcomer's offer, if matched.
    pub assignment: Vec<Option<u32>>,
    /// Pairs matched.
    pub size: u32,
    /// Blocking pairs of the matching under weak stability (always 0).
    pub blocking_pairs: u32,
    /// The largest size any weakly stable matching can have: `size` when exact, else the size
    /// of a maximum matching of mutually acceptable pairs (an upper bound).
    pub bound: u32,
    /// Whether `size` is proven the largest.
    pub exact: bool,
    /// How it was found.
    pub method: TieMethod,
}

/// Rank of each listed partner (the group's position): lower is better.
fn ranks(lists: &[Vec<Vec<u32>>]) -> Vec<HashMap<u32, u32>> {
    lists
        .iter()
        .map(|groups| {
            let mut m = HashMap::new();
            for (g, group) in groups.iter().enumerate() {
                for &x in group {
                    m.entry(x).or_insert(g as u32);
                }
            }
            m
        })
        .collect()
}

impl TiedPreferences {
    /// Only pairs both sides list, with partners out of range dropped.
    pub fn mutually_acceptable(&self) -> Self {
        let rn = ranks(&self.newcomers);
        let ro = ranks(&self.offers);
        let keep = |lists: &[Vec<Vec<u32>>], other: &[HashMap<u32, u32>]| -> Vec<Vec<Vec<u32>>> {
            lists
                .iter()
                .enumerate()
                .map(|(k, groups)| {
                    let mut seen = std::collections::HashSet::new();
                    groups
                        .iter()
                        .map(|g| {
                            g.iter()
                                .copied()
                                .filter(|&x| {
                                    other
                                        .get(x as usize)
                                        .is_some_and(|r| r.contains_key(&(k as u32)))
                                        && seen.insert(x)
                                })
                                .collect::<Vec<u32>>()
                        })
                        .filter(|g| !g.is_empty())
                        .collect()
                })
                .collect()
        };
        TiedPreferences {
            newcomers: keep(&self.newcomers, &ro),
            offers: keep(&self.offers, &rn),
            capacities: self.capacities.clone(),
        }
    }

    /// Strict lists: each tie broken by `order` (a key per partner; lower first).
    fn broken(
        &self,
        newcomer_key: &dyn Fn(u32) -> u64,
        offer_key: &dyn Fn(u32) -> u64,
    ) -> Preferences {
        let flat = |groups: &Vec<Vec<u32>>, key: &dyn Fn(u32) -> u64| -> Vec<u32> {
            groups
                .iter()
                .flat_map(|g| {
                    let mut g = g.clone();
                    g.sort_by_key(|&x| (key(x), x));
                    g
                })
                .collect()
        };
        Preferences {
            newcomers: self.newcomers.iter().map(|g| flat(g, offer_key)).collect(),
            offers: self.offers.iter().map(|g| flat(g, newcomer_key)).collect(),
            capacities: self.capacities.clone(),
        }
    }
}

/// A weakly stable matching: ties broken by index, then deferred acceptance from `side`.
pub fn weakly_stable(p: &TiedPreferences, side: ProposingSide) -> Vec<Option<u32>> {
    let p = p.mutually_acceptable();
    stable(&p.broken(&|_| 0, &|_| 0), side)
}

/// The pairs that block `assignment` under weak stability: both list each other, the household
/// is unmatched or strictly prefers the offer, and the offer has a free place or strictly
/// prefers the household to one it has. A weakly stable matching has none.
pub fn weak_blocking_pairs(p: &TiedPreferences, assignment: &[Option<u32>]) -> Vec<(u32, u32)> {
    let p = p.mutually_acceptable();
    let rn = ranks(&p.newcomers);
    let ro = ranks(&p.offers);
    let m = p.offers.len();
    let mut worst: Vec<Option<u32>> = vec![None; m];
    let mut load = vec![0u32; m];
    for (i, a) in assignment.iter().enumerate() {
        if let Some(j) = a.map(|j| j as usize).filter(|j| *j < m) {
            load[j] = load[j].saturating_add(1);
            let r = ro[j].get(&(i as u32)).copied().unwrap_or(u32::MAX);
            worst[j] = Some(worst[j].map_or(r, |w| w.max(r)));
        }
    }
    let mut out = Vec::new();
    for (i, groups) in p.newcomers.iter().enumerate() {
        let cur = assignment
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| rn[i].get(&c).copied())
            .unwrap_or(u32::MAX);
        for &j in groups.iter().flatten() {
            let ju = j as usize;
            if rn[i].get(&j).copied().unwrap_or(u32::MAX) >= cur {
                continue;
            }
            let r_o = ro[ju].get(&(i as u32)).copied().unwrap_or(u32::MAX);
            let room = load[ju] < p.capacities.get(ju).copied().unwrap_or(0);
            if room || worst[ju].is_some_and(|w| r_o < w) {
                out.push((i as u32, j));
            }
        }
    }
    out
}

/// The size of a maximum matching of mutually acceptable pairs under the capacities.
fn maximum_matching(p: &TiedPreferences) -> u32 {
    let lists = p
        .newcomers
        .iter()
        .map(|g| g.iter().flatten().map(|&j| (j, 1i64)).collect())
        .collect();
    let c = crate::matching::candidates::Candidates::from_lists(lists, p.capacities.clone());
    crate::matching::solve::optimal(&c).iter().flatten().count() as u32
}

/// Instances up to this many mutually acceptable pairs are solved exactly.
pub const EXACT_PAIRS: usize = 40;
const EXACT_NODES: u64 = 2_000_000;

/// The largest weakly stable matching found: exact for small instances, else the largest over
/// promoted tie-breakings, with the bound and a blocking-pair count.
pub fn largest_weakly_stable(p: &TiedPreferences) -> TiesReport {
    match largest_looking(p, &mut |_| Ok::<(), Infallible>(())) {
        Ok(report) => report,
        Err(never) => match never {},
    }
}

/// [`largest_weakly_stable`] under `watch`: progress in tie-breakings tried (stage `solve`; up
/// to 64, then one for the exact search), and `Cancelled` (`work.cancelled`) at the next
/// tie-breaking, or within 16,384 nodes of the exact search, once the watch is cancelled
/// ([`crate::progress`]). The answer is the unwatched one.
pub fn largest_weakly_stable_watched(
    p: &TiedPreferences,
    watch: &Watch,
) -> Result<TiesReport, BrobyggerError> {
    let total = PROMOTION_ROUNDS + 2;
    let report = largest_looking(p, &mut |done| {
        watch.report(Progress {
            stage: Stage::Solve,
            done,
            total,
        })
    })?;
    watch.finish(Stage::Solve, total)?;
    Ok(report)
}

/// Rounds of promotion at most: each is one deferred acceptance over the whole instance.
pub(crate) const PROMOTION_ROUNDS: u64 = 64;
/// The exact search looks at its watch once per this many nodes (a node is a few comparisons;
/// the whole search is at most [`EXACT_NODES`] of them).
pub(crate) const EXACT_LOOK: u64 = 1 << 14;

/// How the search looks at its watch: `look(done)` with the tie-breakings tried so far (0
/// before the first, `PROMOTION_ROUNDS + 1` while the exact search runs). The unwatched search
/// passes one that cannot fail.
type Look<'a, E> = &'a mut dyn FnMut(u64) -> Result<(), E>;

fn largest_looking<E>(p: &TiedPreferences, look: Look<'_, E>) -> Result<TiesReport, E> {
    look(0)?;
    let p = p.mutually_acceptable();
    let pairs: usize = p
        .newcomers
        .iter()
        .map(|g| g.iter().map(Vec::len).sum::<usize>())
        .sum();
    let bound = maximum_matching(&p);
    let heuristic = promoted(&p, look)?;
    let size = heuristic.iter().flatten().count() as u32;
    let best = if size < bound && pairs <= EXACT_PAIRS {
        look(PROMOTION_ROUNDS + 1)?;
        exact(&p, size, look)?
    } else {
        None
    };
    if let Some(best) = best {
        let size = best.iter().flatten().count() as u32;
        return Ok(TiesReport {
            blocking_pairs: weak_blocking_pairs(&p, &best).len() as u32,
            assignment: best,
            size,
            bound: size,
            exact: true,
            method: TieMethod::Exact,
        });
    }
    Ok(TiesReport {
        blocking_pairs: weak_blocking_pairs(&p, &heuristic).len() as u32,
        exact: size == bound,
        bound,
        size,
        assignment: heuristic,
        method: if size == bound {
            TieMethod::Exact
        } else {
            TieMethod::Promotion
        },
    })
}

/// Deferred acceptance from the households' side, repeated with the households left unmatched
/// promoted to the front of every tie on the offers' side; the largest matching seen.
fn promoted<E>(p: &TiedPreferences, look: Look<'_, E>) -> Result<Vec<Option<u32>>, E> {
    let n = p.newcomers.len();
    let mut promotion = vec![0u64; n];
    let mut best = stable(&p.broken(&|_| 0, &|_| 0), ProposingSide::Newcomers);
    for round in 1..=(n as u64).min(PROMOTION_ROUNDS) {
        look(round)?;
        let unmatched: Vec<usize> = (0..n).filter(|&i| best[i].is_none()).collect();
        if unmatched.is_empty() {
            break;
        }
        for &i in &unmatched {
            promotion[i] = round;
        }
        // A promoted household comes first within its ties (the latest promotion first).
        let key = |i: u32| u64::MAX - promotion.get(i as usize).copied().unwrap_or(0);
        let next = stable(&p.broken(&key, &|_| 0), ProposingSide::Newcomers);
        if next.iter().flatten().count() > best.iter().flatten().count() {
            best = next;
        } else {
            break;
        }
    }
    Ok(best)
}

/// Branch and bound over assignments: each household gets one of its offers or none, keeping
/// capacities; a complete assignment counts if weakly stable. `None` if the budget runs out.
fn exact<E>(
    p: &TiedPreferences,
    at_least: u32,
    look: Look<'_, E>,
) -> Result<Option<Vec<Option<u32>>>, E> {
    struct S<'a, 'l, E> {
        p: &'a TiedPreferences,
        load: Vec<u32>,
        cur: Vec<Option<u32>>,
        best: Option<(u32, Vec<Option<u32>>)>,
        floor: u32,
        nodes: u64,
        look: Look<'l, E>,
        stopped: Option<E>,
    }
    impl<E> S<'_, '_, E> {
        fn go(&mut self, i: usize, size: u32) -> bool {
            self.nodes += 1;
            if self.nodes > EXACT_NODES {
                return false;
            }
            if self.nodes.is_multiple_of(EXACT_LOOK)
                && let Err(e) = (self.look)(PROMOTION_ROUNDS + 1)
            {
                self.stopped = Some(e);
                return false;
            }
            let n = self.p.newcomers.len();
            let target = self.best.as_ref().map_or(self.floor, |b| b.0);
            if size + (n - i) as u32 <= target {
                return true;
            }
            if i == n {
                if weak_blocking_pairs(self.p, &self.cur).is_empty() {
                    self.best = Some((size, self.cur.clone()));
                }
                return true;
            }
            let options: Vec<u32> = self.p.newcomers[i].iter().flatten().copied().collect();
            for j in options {
                let ju = j as usize;
                if self.load[ju] >= self.p.capacities.get(ju).copied().unwrap_or(0) {
                    continue;
                }
                self.load[ju] += 1;
                self.cur[i] = Some(j);
                let ok = self.go(i + 1, size + 1);
                self.cur[i] = None;
                self.load[ju] -= 1;
                if !ok {
                    return false;
                }
            }
            self.go(i + 1, size)
        }
    }
    let mut s = S {
        p,
        load: vec![0; p.offers.len()],
        cur: vec![None; p.newcomers.len()],
        best: None,
        floor: at_least,
        nodes: 0,
        look,
        stopped: None,
    };
    let finished = s.go(0, 0);
    if let Some(e) = s.stopped {
        return Err(e);
    }
    if !finished {
        return Ok(None);
    }
    Ok(Some(match s.best {
        Some((_, a)) => a,
        // Nothing larger than the heuristic's: it is the largest.
        None => promoted(p, s.look)?,
    }))
}

/// Tied preferences from scores: a household ranks its candidate offers by score, equal scores
/// tied; an offer ranks its candidates by score too (or by waiting, ties for equal days).
pub fn tied_from_candidates(
    c: &crate::matching::candidates::Candidates,
    waiting_days: &[i64],
    ranking: crate::matching::model::run::OfferRanking,
) -> TiedPreferences {
    use crate::matching::model::run::OfferRanking;
    let group = |mut v: Vec<(i64, u32)>| -> Vec<Vec<u32>> {
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<Vec<u32>> = Vec::new();
        let mut last = None;
        for (key, x) in v {
            if last == Some(key) {
                if let Some(g) = out.last_mut() {
                    g.push(x);
                }
            } else {
                out.push(vec![x]);
                last = Some(key);
            }
        }
        out
    };
    let mut by_offer: Vec<Vec<(i64, u32)>> = vec![Vec::new(); c.offers()];
    let newcomers = (0..c.newcomers())
        .map(|i| {
            let (js, ss) = c.of(i);
            for (&j, &s) in js.iter().zip(ss) {
                let key = match ranking {
                    OfferRanking::Score => s,
                    OfferRanking::LongestWaiting => waiting_days.get(i).copied().unwrap_or(0),
                };
                by_offer[j as usize].push((key, i as u32));
            }
            group(js.iter().zip(ss).map(|(&j, &s)| (s, j)).collect())
        })
        .collect();
    TiedPreferences {
        newcomers,
        offers: by_offer.into_iter().map(group).collect(),
        capacities: c.capacities.clone(),
    }
}

/// One side's ranking with ties, by id: groups of equally good partners, best group first.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TiedRanking {
    /// The resident's or hospital's id.
    pub id: String,
    /// The other side's ids in groups, best group first; the ids of a group are equally good;
    /// unlisted means unacceptable.
    pub prefers: Vec<Vec<String>>,
}

/// A stable matching problem with ties and incomplete lists, by id (hospital/resident form):
/// residents are newcomers, hospitals are offers.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TiedPreferenceProblem {
    /// Residents' rankings of hospitals, with ties.
    pub residents: Vec<TiedRanking>,
    /// Hospitals' rankings of residents, with ties.
    pub hospitals: Vec<TiedRanking>,
    /// Every hospital's places.
    pub capacities: Vec<Places>,
}

/// A weakly stable matching over explicit preferences with ties, and how good it is.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TiesAssignment {
    /// The pairs, in the residents' input order.
    pub pairs: Vec<StablePair>,
    /// Residents left without a hospital, in input order.
    pub unmatched_residents: Vec<String>,
    /// Pairs matched.
    pub size: u32,
    /// Blocking pairs under weak stability (always 0).
    pub blocking_pairs: u32,
    /// The largest size a weakly stable matching can have, when proven (`exact`); else the
    /// size of a maximum matching of mutually acceptable pairs (an upper bound).
    pub bound: u32,
    /// Whether `size` is proven the largest a weakly stable matching can have.
    pub exact: bool,
    /// How it was found.
    pub method: TieMethod,
}

impl TiedPreferenceProblem {
    /// Checks the problem: every id known, no id twice in one ranking (even in two groups),
    /// no duplicate rankings, capacities for every hospital. Every problem with its path
    /// (`residents[0].prefers[1][0]`).
    pub fn validate(&self) -> Vec<Finding> {
        self.index().0
    }

    /// The findings, and the problem by index with its groups.
    fn index(&self) -> (Vec<Finding>, TiedPreferences) {
        let flat = |list: &[TiedRanking]| -> Vec<Ranking> {
            list.iter()
                .map(|r| Ranking {
                    id: r.id.clone(),
                    prefers: r.prefers.iter().flatten().cloned().collect(),
                })
                .collect()
        };
        let problem = PreferenceProblem {
            residents: flat(&self.residents),
            hospitals: flat(&self.hospitals),
            capacities: self.capacities.clone(),
        };
        // The flat position q of ranking k on one side is group g, member m.
        let positions = |list: &[TiedRanking]| -> Vec<Vec<(usize, usize)>> {
            list.iter()
                .map(|r| {
                    r.prefers
                        .iter()
                        .enumerate()
                        .flat_map(|(g, group)| (0..group.len()).map(move |m| (g, m)))
                        .collect()
                })
                .collect()
        };
        let res = positions(&self.residents);
        let hos = positions(&self.hospitals);
        let at = |side: &str, k: usize, q: usize| -> FieldPath {
            let path = FieldPath::root().field(side).index(k).field("prefers");
            let groups = if side == "residents" { &res } else { &hos };
            match groups.get(k).and_then(|p| p.get(q)) {
                Some(&(g, m)) => path.index(g).index(m),
                None => path.index(q),
            }
        };
        let (findings, p) = problem.index_at(&at);
        if !findings.is_empty() {
            return (findings, TiedPreferences::default());
        }
        // No finding: every listed id was kept, in order, so the flat lists regroup by length.
        let regroup = |lists: Vec<Vec<u32>>, tied: &[TiedRanking]| -> Vec<Vec<Vec<u32>>> {
            lists
                .into_iter()
                .zip(tied)
                .map(|(flat, r)| {
                    let mut rest = flat.into_iter();
                    r.prefers
                        .iter()
                        .map(|g| rest.by_ref().take(g.len()).collect::<Vec<u32>>())
                        .filter(|g| !g.is_empty())
                        .collect()
                })
                .collect()
        };
        let tied = TiedPreferences {
            newcomers: regroup(p.newcomers, &self.residents),
            offers: regroup(p.offers, &self.hospitals),
            capacities: p.capacities,
        };
        (findings, tied)
    }

    /// A weakly stable matching: every tie broken by the input's order of the rankings (the
    /// resident or hospital given earlier first within a group), then deferred acceptance
    /// from `side` ([`weakly_stable`]).
    /// A problem with errors is a `Validation` error with every finding.
    pub fn solve(&self, side: ProposingSide) -> Result<TiesAssignment, BrobyggerError> {
        let p = self.indexed()?;
        let assignment = weakly_stable(&p, side);
        let size = assignment.iter().flatten().count() as u32;
        let bound = maximum_matching(&p.mutually_acceptable());
        Ok(self.named(
            &p,
            assignment,
            TiesReport {
                assignment: Vec::new(),
                size,
                blocking_pairs: 0,
                bound,
                exact: size == bound,
                method: TieMethod::TieBreakByIndex,
            },
        ))
    }

    /// The largest weakly stable matching: exact for small instances (up to 40 mutually
    /// acceptable pairs), else the largest over promoted tie-breakings with a maximum
    /// matching as the bound ([`largest_weakly_stable`]).
    pub fn largest(&self) -> Result<TiesAssignment, BrobyggerError> {
        self.largest_watched(&Watch::default())
    }

    /// [`TiedPreferenceProblem::largest`] under `watch` ([`largest_weakly_stable_watched`]).
    pub fn largest_watched(&self, watch: &Watch) -> Result<TiesAssignment, BrobyggerError> {
        let p = self.indexed()?;
        let mut report = largest_weakly_stable_watched(&p, watch)?;
        let assignment = std::mem::take(&mut report.assignment);
        Ok(self.named(&p, assignment, report))
    }

    fn indexed(&self) -> Result<TiedPreferences, BrobyggerError> {
        let (findings, p) = self.index();
        if findings.is_empty() {
            Ok(p)
        } else {
            Err(BrobyggerError::validation(findings))
        }
    }

    /// The assignment by id, with the report's figures and its blocking pairs counted.
    fn named(
        &self,
        p: &TiedPreferences,
        assignment: Vec<Option<u32>>,
        report: TiesReport,
    ) -> TiesAssignment {
        let blocking_pairs = weak_blocking_pairs(p, &assignment).len() as u32;
        let mut out = TiesAssignment {
            pairs: Vec::new(),
            unmatched_residents: Vec::new(),
            size: report.size,
            blocking_pairs,
            bound: report.bound,
            exact: report.exact,
            method: report.method,
        };
        for (r, h) in self.residents.iter().zip(assignment) {
            match h.and_then(|h| self.hospitals.get(h as usize)) {
                Some(h) => out.pairs.push(StablePair {
                    resident: r.id.clone(),
                    hospital: h.id.clone(),
                }),
                None => out.unmatched_residents.push(r.id.clone()),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The largest weakly stable matching by enumerating every assignment.
    fn brute(p: &TiedPreferences) -> u32 {
        let p = p.mutually_acceptable();
        let n = p.newcomers.len();
        let mut best = 0;
        let mut cur = vec![None; n];
        fn go(p: &TiedPreferences, i: usize, cur: &mut Vec<Option<u32>>, best: &mut u32) {
            if i == cur.len() {
                let mut load = vec![0u32; p.offers.len()];
                for j in cur.iter().flatten() {
                    load[*j as usize] += 1;
                }
                if load.iter().zip(&p.capacities).all(|(l, c)| l <= c)
                    && weak_blocking_pairs(p, cur).is_empty()
                {
                    *best = (*best).max(cur.iter().flatten().count() as u32);
                }
                return;
            }
            let opts: Vec<u32> = p.newcomers[i].iter().flatten().copied().collect();
            cur[i] = None;
            go(p, i + 1, cur, best);
            for j in opts {
                cur[i] = Some(j);
                go(p, i + 1, cur, best);
            }
            cur[i] = None;
        }
        go(&p, 0, &mut cur, &mut best);
        best
    }

    fn arb_tied(max_n: usize, max_m: usize) -> impl Strategy<Value = TiedPreferences> {
        (1..=max_n, 1..=max_m).prop_flat_map(|(n, m)| {
            // Lists as (partner, group) pairs: small group numbers make many ties.
            let side = |len: usize, other: usize| {
                prop::collection::vec(
                    prop::collection::vec((0..other as u32, 0u32..3), 0..=other),
                    len,
                )
            };
            (side(n, m), side(m, n), prop::collection::vec(0u32..=3, m)).prop_map(
                |(a, b, capacities)| {
                    let groups = |l: Vec<(u32, u32)>| {
                        let mut g: Vec<Vec<u32>> = vec![Vec::new(); 3];
                        for (x, k) in l {
                            g[k as usize].push(x);
                        }
                        g.into_iter().filter(|g| !g.is_empty()).collect::<Vec<_>>()
                    };
                    TiedPreferences {
                        newcomers: a.into_iter().map(groups).collect(),
                        offers: b.into_iter().map(groups).collect(),
                        capacities,
                    }
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Ties broken by index give a weakly stable matching from either side, within the
        /// capacities, the same every time.
        #[test]
        fn tie_breaking_gives_weak_stability(p in arb_tied(14, 6)) {
            for side in [ProposingSide::Newcomers, ProposingSide::Offers] {
                let a = weakly_stable(&p, side);
                prop_assert!(weak_blocking_pairs(&p, &a).is_empty(), "{:?} {:?}", side, a);
                let mut load = vec![0u32; p.capacities.len()];
                for j in a.iter().flatten() { load[*j as usize] += 1; }
                prop_assert!(load.iter().zip(&p.capacities).all(|(l, c)| l <= c));
                prop_assert_eq!(weakly_stable(&p, side), a);
            }
        }

        /// The largest weakly stable matching equals brute force on small instances, has no
        /// blocking pair, and is at least half the bound.
        #[test]
        fn the_largest_weakly_stable_matching_is_exact_on_small_instances(p in arb_tied(6, 4)) {
            let r = largest_weakly_stable(&p);
            prop_assert_eq!(r.blocking_pairs, 0);
            prop_assert!(weak_blocking_pairs(&p, &r.assignment).is_empty());
            prop_assert!(r.exact);
            prop_assert_eq!(r.size, brute(&p));
            prop_assert!(2 * r.size >= r.bound);
        }

        /// Beyond exact sizes: weakly stable, never smaller than the plain tie-breaking, and at
        /// least half the maximum matching.
        #[test]
        fn promotion_keeps_weak_stability_and_the_half_bound(p in arb_tied(40, 12)) {
            let r = largest_weakly_stable(&p);
            prop_assert_eq!(r.blocking_pairs, 0);
            let plain = weakly_stable(&p, ProposingSide::Newcomers).iter().flatten().count() as u32;
            prop_assert!(r.size >= plain);
            prop_assert!(2 * r.size >= r.bound, "{} of {}", r.size, r.bound);
            prop_assert!(r.size <= r.bound);
        }
    }
}
