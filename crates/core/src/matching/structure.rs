//! Seats of several kinds and quotas, solved exactly where the structure allows.
//!
//! The plain optimal solver moves one unit of flow per household through its offer. Seats and
//! quotas add structure:
//!
//! - **Quotas** on groups of households (by area) and of offers (by area, by kind) become arcs
//!   between the source and the households and between the offers and the sink, when each
//!   side's groups *nest* (any two are disjoint or one contains the other): a household's unit
//!   then passes each of its groups on its way, and a group's arc carries the group's matches.
//!   A least is a first block of the arc at a bonus that outranks any score: the min-cost flow
//!   minimises the shortfall first, then maximises the total score, then the matches
//!   (lexicographic costs, successive shortest paths with potentials). A shortfall left at the
//!   optimum means the quotas cannot be met: the error says which group binds.
//! - **Seats** of several kinds: a pair whose household needs more seats of some kind than the
//!   offer has free is not a candidate; an offer whose candidate households all need the same
//!   seats (or that can take one household) becomes a number of households, and the flow stays
//!   exact.
//!
//! When neither holds (quotas that cross, households of different sizes sharing an offer's
//! seats), the problem is a multi-dimensional assignment (NP-hard): small instances are solved
//! exactly by branch and bound, larger ones by repairing the flow relaxation, with the
//! relaxation's total reported as an upper bound. The report says which method was used and
//! whether the answer is proven optimal.

use crate::error::BrobyggerError;
use crate::i18n::plural::MATCH;
use crate::i18n::{Lang, Text, number, t};
use crate::matching::candidates::{Candidates, SCORE_SCALE};
use crate::matching::model::capacity::Quota;
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::{MatchingCode, RuleSet};
use crate::matching::model::run::Solver;
use crate::matching::model::seats::SeatKind;
use crate::matching::model::structure::{QuotaOutcome, StructureMethod, StructureReport};
use crate::progress::{Progress, Stage, Watch};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Whether `n`'s seat needs fit `o`'s free seats of every kind.
pub(crate) fn seats_fit(n: &Newcomer, o: &Offer) -> bool {
    o.seats
        .iter()
        .all(|s| s.seat.need_of(n) <= s.capacity.saturating_sub(s.taken))
}

/// A quota with its members.
#[derive(Debug, Clone)]
pub(crate) struct QuotaSet {
    pub quota: Quota,
    /// Households (when on households) or offers in the group.
    pub members: Vec<bool>,
}

/// The seats and quotas of a run, by index.
#[derive(Debug, Clone)]
pub(crate) struct Structure {
    quotas: Vec<QuotaSet>,
    /// Per offer: its free seats by kind.
    seats: Vec<Vec<(SeatKind, u32)>>,
    /// Per household: its need of each offer's kinds is computed from this.
    needs: Vec<Vec<(SeatKind, u32)>>,
}

impl Structure {
    pub(crate) fn of(rules: &RuleSet, newcomers: &[Newcomer], offers: &[Offer]) -> Self {
        let quotas = rules
            .quotas
            .iter()
            .map(|q| QuotaSet {
                members: if q.group.on_offers() {
                    offers.iter().map(|o| q.group.has_offer(o)).collect()
                } else {
                    newcomers.iter().map(|n| q.group.has_newcomer(n)).collect()
                },
                quota: q.clone(),
            })
            .collect();
        let seats: Vec<Vec<(SeatKind, u32)>> = offers
            .iter()
            .map(|o| {
                o.seats
                    .iter()
                    .map(|s| (s.seat.clone(), s.capacity.saturating_sub(s.taken)))
                    .collect()
            })
            .collect();
        let mut kinds: Vec<SeatKind> = seats.iter().flatten().map(|(k, _)| k.clone()).collect();
        kinds.sort();
        kinds.dedup();
        let needs = newcomers
            .iter()
            .map(|n| kinds.iter().map(|k| (k.clone(), k.need_of(n))).collect())
            .collect();
        Structure {
            quotas,
            seats,
            needs,
        }
    }

    /// Whether there is nothing beyond households per offer.
    pub(crate) fn is_plain(&self) -> bool {
        self.quotas.is_empty() && self.seats.iter().all(Vec::is_empty)
    }

    fn need(&self, i: usize, kind: &SeatKind) -> u32 {
        self.needs
            .get(i)
            .and_then(|v| v.iter().find(|(k, _)| k == kind))
            .map_or(0, |(_, n)| *n)
    }

    /// Whether household `i` alone fits offer `j`'s free seats of every kind.
    fn fits_alone(&self, i: usize, j: usize) -> bool {
        self.seats
            .get(j)
            .is_none_or(|v| v.iter().all(|(k, free)| self.need(i, k) <= *free))
    }

    fn without_quotas(&self) -> Structure {
        Structure {
            quotas: Vec::new(),
            seats: self.seats.clone(),
            needs: self.needs.clone(),
        }
    }
}

/// Solves `c` under the structure with `solver` (optimal or greedy; the stable solvers have
/// no notion of seats or quotas and are refused).
///
/// Watched (ADR 0067) once per outer step, never inside one: each household an augmenting path
/// places (progress in `solve`, of the households), each household moved into a group short
/// of its least, and every [`BNB_LOOK`] nodes of the branch and bound. The comparison solve
/// without quotas only looks at the flag, so progress never goes back.
pub(crate) fn solve(
    c: &Candidates,
    s: &Structure,
    waiting: &[i64],
    solver: Solver,
    watch: &Watch,
) -> Result<(Vec<Option<u32>>, StructureReport), BrobyggerError> {
    // A pair whose household alone needs more seats of a kind than the offer has free is no
    // candidate (the run drops them before; a caller of the solver may not have).
    let fitting;
    let c = if (0..c.newcomers()).any(|i| c.of(i).0.iter().any(|&j| !s.fits_alone(i, j as usize))) {
        let lists = (0..c.newcomers())
            .map(|i| {
                let (js, ss) = c.of(i);
                js.iter()
                    .zip(ss)
                    .filter(|(j, _)| s.fits_alone(i, **j as usize))
                    .map(|(j, sc)| (*j, *sc))
                    .collect()
            })
            .collect();
        let mut f = Candidates::from_lists(lists, c.capacities.clone());
        f.pairs_evaluated = c.pairs_evaluated;
        fitting = f;
        &fitting
    } else {
        c
    };
    match solver {
        Solver::StableNewcomerProposing | Solver::StableOfferProposing => {
            Err(BrobyggerError::invalid_input(
                MatchingCode::StructureNeedsOptimal,
                "options.solver",
                "seats of several kinds and quotas are solved by the optimal solver (or greedily); a stable solver has no notion of them",
            ))
        }
        Solver::Greedy => {
            let a = greedy(c, s, waiting);
            let total = total_of(c, &a);
            let mut report = StructureReport {
                method: StructureMethod::Greedy,
                exact: false,
                total_score: total as f64 / SCORE_SCALE,
                bound: total as f64 / SCORE_SCALE,
                total_without_quotas: None,
                quota_cost: None,
                quotas: Vec::new(),
            };
            report.quotas = outcomes(c, s, &a, None);
            Ok((a, report))
        }
        Solver::Optimal => {
            let sol = best(c, s, watch)?;
            let total = total_of(c, &sol.assignment);
            let (without, free_a) = if s.quotas.is_empty() {
                (None, None)
            } else {
                let free = best(c, &s.without_quotas(), &watch.without_progress())?;
                (Some(total_of(c, &free.assignment)), Some(free.assignment))
            };
            let quota_cost = without.map(|w| {
                if w <= 0 {
                    0.0
                } else {
                    ((w - total) as f64 / w as f64).clamp(0.0, 1.0)
                }
            });
            let report = StructureReport {
                method: sol.method,
                exact: sol.exact,
                total_score: total as f64 / SCORE_SCALE,
                bound: sol.bound.max(total) as f64 / SCORE_SCALE,
                total_without_quotas: without.map(|w| w as f64 / SCORE_SCALE),
                quota_cost,
                quotas: outcomes(c, s, &sol.assignment, free_a.as_deref()),
            };
            Ok((sol.assignment, report))
        }
    }
}

fn total_of(c: &Candidates, a: &[Option<u32>]) -> i64 {
    a.iter()
        .enumerate()
        .filter_map(|(i, j)| j.and_then(|j| c.score(i, j)))
        .sum()
}

fn counts(c: &Candidates, s: &Structure, a: &[Option<u32>]) -> Vec<u32> {
    let _ = c;
    s.quotas
        .iter()
        .map(|q| {
            a.iter()
                .enumerate()
                .filter(|(i, j)| match j {
                    Some(j) if q.quota.group.on_offers() => {
                        q.members.get(*j as usize).copied().unwrap_or(false)
                    }
                    Some(_) => q.members.get(*i).copied().unwrap_or(false),
                    None => false,
                })
                .count() as u32
        })
        .collect()
}

fn outcomes(
    c: &Candidates,
    s: &Structure,
    a: &[Option<u32>],
    free: Option<&[Option<u32>]>,
) -> Vec<QuotaOutcome> {
    let got = counts(c, s, a);
    let unconstrained = free.map(|f| counts(c, s, f));
    s.quotas
        .iter()
        .zip(&got)
        .enumerate()
        .map(|(k, (q, &matched))| {
            let min = q.quota.min;
            let max = q.quota.max;
            let met = matched >= min && max.is_none_or(|m| matched <= m);
            let binding = unconstrained.as_ref().is_some_and(|u| {
                let free = u[k];
                (matched == min && free < min) || max.is_some_and(|m| matched == m && free > m)
            });
            let g = q.quota.group.describe();
            let sentence = |lang: Lang| {
                let int = |x: u32| number::integer(lang, x);
                let most = max.map_or(String::new(), |m| {
                    format!(", {} {}", t(lang, "højst", "at most"), int(m))
                });
                format!(
                    "{}: {} ({} {}{most}){}.",
                    g.get(lang),
                    MATCH.count(lang, u64::from(matched)),
                    t(lang, "mindst", "at least"),
                    int(min),
                    if met {
                        ""
                    } else {
                        t(lang, " – ikke opfyldt", " – not met")
                    }
                )
            };
            let text = Text::new(sentence(Lang::Da), sentence(Lang::En));
            QuotaOutcome {
                group: q.quota.group.clone(),
                min,
                max,
                matched,
                met,
                binding,
                text,
            }
        })
        .collect()
}

struct Solution {
    assignment: Vec<Option<u32>>,
    method: StructureMethod,
    exact: bool,
    bound: i64,
}

/// The best assignment under the structure: the flow where it models it, else branch and
/// bound when small, else the repaired relaxation. A least that cannot be met is an error
/// naming the group that binds.
fn best(c: &Candidates, s: &Structure, watch: &Watch) -> Result<Solution, BrobyggerError> {
    let caps = flow_capacities(c, s);
    let laminar = laminar(s);
    let sol = match (&caps, laminar) {
        (Some(caps), true) => {
            let (a, shortfall) = flow(c, s, caps, &all_quotas(s), watch)?;
            if shortfall > 0 {
                return Err(infeasible(c, s, &a));
            }
            let total = total_of(c, &a);
            Solution {
                assignment: a,
                method: StructureMethod::Flow,
                exact: true,
                bound: total,
            }
        }
        _ => {
            let active =
                c.newcomers() - (0..c.newcomers()).filter(|&i| c.of(i).0.is_empty()).count();
            let small = active <= BNB_HOUSEHOLDS && c.len() <= BNB_PAIRS;
            if small && let Some(a) = branch_and_bound(c, s, watch)? {
                if !meets_least(c, s, &a) {
                    return Err(infeasible(c, s, &a));
                }
                let total = total_of(c, &a);
                return Ok(Solution {
                    assignment: a,
                    method: StructureMethod::BranchAndBound,
                    exact: true,
                    bound: total,
                });
            }
            repair(c, s, watch)?
        }
    };
    Ok(sol)
}

const BNB_HOUSEHOLDS: usize = 24;
const BNB_PAIRS: usize = 160;
const BNB_NODES: u64 = 3_000_000;
/// The branch and bound looks at its watch once per this many nodes (a node is a few
/// comparisons).
pub(crate) const BNB_LOOK: u64 = 1 << 14;

fn all_quotas(s: &Structure) -> Vec<usize> {
    (0..s.quotas.len()).collect()
}

fn meets_least(c: &Candidates, s: &Structure, a: &[Option<u32>]) -> bool {
    counts(c, s, a)
        .iter()
        .zip(&s.quotas)
        .all(|(n, q)| *n >= q.quota.min)
}

/// Each offer's capacity in households when its seats reduce to one (every candidate needs
/// the same seats, or it can take at most one household); `None` if some offer's do not.
fn flow_capacities(c: &Candidates, s: &Structure) -> Option<Vec<u32>> {
    let m = c.offers();
    let mut need: Vec<Option<Vec<u32>>> = vec![None; m];
    let mut mixed = vec![false; m];
    for i in 0..c.newcomers() {
        for &j in c.of(i).0 {
            let ju = j as usize;
            let seats = &s.seats[ju];
            if seats.is_empty() {
                continue;
            }
            let v: Vec<u32> = seats.iter().map(|(k, _)| s.need(i, k)).collect();
            match &need[ju] {
                None => need[ju] = Some(v),
                Some(w) if *w != v => mixed[ju] = true,
                _ => {}
            }
        }
    }
    let mut caps = c.capacities.clone();
    for j in 0..m {
        let Some(v) = &need[j] else { continue };
        let by_seats = s.seats[j]
            .iter()
            .zip(v)
            .filter(|(_, d)| **d > 0)
            .map(|((_, free), d)| free / d)
            .min()
            .unwrap_or(u32::MAX);
        if mixed[j] {
            // Households of different sizes: fine only if no two fit together.
            let smallest: Vec<u32> = (0..s.seats[j].len())
                .map(|k| {
                    (0..c.newcomers())
                        .filter(|&i| c.of(i).0.contains(&(j as u32)))
                        .map(|i| s.need(i, &s.seats[j][k].0))
                        .min()
                        .unwrap_or(0)
                })
                .collect();
            let two_fit = s.seats[j]
                .iter()
                .zip(&smallest)
                .all(|((_, free), d)| d.saturating_mul(2) <= *free);
            if caps[j] >= 2 && two_fit {
                return None;
            }
            caps[j] = caps[j].min(1);
        } else {
            caps[j] = caps[j].min(by_seats);
        }
    }
    Some(caps)
}

/// Whether each side's quota groups nest (disjoint or contained).
fn laminar(s: &Structure) -> bool {
    for (a, qa) in s.quotas.iter().enumerate() {
        for qb in &s.quotas[a + 1..] {
            if qa.quota.group.on_offers() != qb.quota.group.on_offers() {
                continue;
            }
            let (mut both, mut only_a, mut only_b) = (false, false, false);
            for (x, y) in qa.members.iter().zip(&qb.members) {
                match (x, y) {
                    (true, true) => both = true,
                    (true, false) => only_a = true,
                    (false, true) => only_b = true,
                    _ => {}
                }
            }
            if both && only_a && only_b {
                return false;
            }
        }
    }
    true
}

/// A cost: (shortfall of leasts, −score, −matches), compared in that order.
type Cost = (i64, i64, i64);
const ZERO: Cost = (0, 0, 0);
const INF: Cost = (i64::MAX / 4, 0, 0);

fn add(a: Cost, b: Cost) -> Cost {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

fn sub(a: Cost, b: Cost) -> Cost {
    (a.0 - b.0, a.1 - b.1, a.2 - b.2)
}

#[derive(Debug, Clone)]
struct Arc {
    to: usize,
    cap: i64,
    cost: Cost,
}

/// A residual graph: arcs in pairs (k, k ^ 1).
#[derive(Debug, Default)]
struct Graph {
    arcs: Vec<Arc>,
    out: Vec<Vec<usize>>,
}

impl Graph {
    fn node(&mut self) -> usize {
        self.out.push(Vec::new());
        self.out.len() - 1
    }

    fn arc(&mut self, from: usize, to: usize, cap: i64, cost: Cost) -> usize {
        let k = self.arcs.len();
        self.arcs.push(Arc { to, cap, cost });
        self.arcs.push(Arc {
            to: from,
            cap: 0,
            cost: sub(ZERO, cost),
        });
        self.out[from].push(k);
        self.out[to].push(k + 1);
        k
    }
}

/// The exact min-cost flow with the quotas in `use_quotas` (which must nest on each side) and
/// offer capacities `caps`. Returns the assignment and the shortfall of the leasts.
fn flow(
    c: &Candidates,
    s: &Structure,
    caps: &[u32],
    use_quotas: &[usize],
    watch: &Watch,
) -> Result<(Vec<Option<u32>>, i64), BrobyggerError> {
    let n = c.newcomers();
    let m = c.offers();
    let mut g = Graph::default();
    let source = g.node();
    // Household groups, outermost first (more members first), so arcs run forward.
    let order_groups = |on_offers: bool| {
        let mut v: Vec<usize> = use_quotas
            .iter()
            .copied()
            .filter(|&q| s.quotas[q].quota.group.on_offers() == on_offers)
            .collect();
        v.sort_by_key(|&q| Reverse(s.quotas[q].members.iter().filter(|x| **x).count()));
        v
    };
    let hgroups = order_groups(false);
    let ogroups = order_groups(true);
    let hg_nodes: Vec<usize> = hgroups.iter().map(|_| g.node()).collect();
    let hh: Vec<usize> = (0..n).map(|_| g.node()).collect();
    let oo: Vec<usize> = (0..m).map(|_| g.node()).collect();
    // Offer groups innermost first on the way to the sink.
    let og_rev: Vec<usize> = ogroups.iter().rev().copied().collect();
    let og_nodes: Vec<usize> = og_rev.iter().map(|_| g.node()).collect();
    let sink = g.node();
    let contains = |outer: usize, inner: usize| {
        s.quotas[inner]
            .members
            .iter()
            .zip(&s.quotas[outer].members)
            .all(|(i, o)| !*i || *o)
    };
    // Quota arcs: a least as a block with a bonus, the rest up to the most.
    let quota_arcs = |g: &mut Graph, from: usize, to: usize, q: &Quota| {
        let min = i64::from(q.min);
        let max = q.max.map_or(i64::from(u32::MAX), i64::from);
        if min > 0 {
            g.arc(from, to, min.min(max), (-1, 0, 0));
        }
        if max > min {
            g.arc(from, to, max - min, ZERO);
        }
    };
    // Parent of each household group: the smallest enclosing earlier group.
    for (a, &q) in hgroups.iter().enumerate() {
        let parent = (0..a)
            .rev()
            .find(|&b| contains(hgroups[b], q))
            .map_or(source, |b| hg_nodes[b]);
        quota_arcs(&mut g, parent, hg_nodes[a], &s.quotas[q].quota);
    }
    #[allow(clippy::needless_range_loop)] // `i` indexes the candidates and the quota members too
    for i in 0..n {
        if c.of(i).0.is_empty() {
            continue;
        }
        let parent = (0..hgroups.len())
            .rev()
            .find(|&b| {
                s.quotas[hgroups[b]]
                    .members
                    .get(i)
                    .copied()
                    .unwrap_or(false)
            })
            .map_or(source, |b| hg_nodes[b]);
        g.arc(parent, hh[i], 1, ZERO);
        let (js, ss) = c.of(i);
        for (&j, &sc) in js.iter().zip(ss) {
            g.arc(hh[i], oo[j as usize], 1, (0, -sc, -1));
        }
    }
    for (a, &q) in og_rev.iter().enumerate() {
        let parent = (a + 1..og_rev.len())
            .find(|&b| contains(og_rev[b], q))
            .map_or(sink, |b| og_nodes[b]);
        quota_arcs(&mut g, og_nodes[a], parent, &s.quotas[q].quota);
    }
    for j in 0..m {
        let parent = (0..og_rev.len())
            .find(|&b| s.quotas[og_rev[b]].members.get(j).copied().unwrap_or(false))
            .map_or(sink, |b| og_nodes[b]);
        g.arc(oo[j], parent, i64::from(caps[j]), ZERO);
    }
    // Potentials: shortest distances in the DAG (nodes are in topological order).
    let total = g.out.len();
    let mut pot = vec![INF; total];
    pot[source] = ZERO;
    for v in 0..total {
        if pot[v] == INF {
            continue;
        }
        for &k in &g.out[v] {
            let a = &g.arcs[k];
            if a.cap > 0 {
                let d = add(pot[v], a.cost);
                if d < pot[a.to] {
                    pot[a.to] = d;
                }
            }
        }
    }
    let reach_max = pot
        .iter()
        .copied()
        .filter(|p| *p != INF)
        .max()
        .unwrap_or(ZERO);
    for p in &mut pot {
        if *p == INF {
            *p = reach_max;
        }
    }
    let mut dist = vec![INF; total];
    let mut pred = vec![usize::MAX; total];
    // One unit of flow is one household placed: each path is looked at, none inside.
    let households = n as u64;
    let mut placed = 0u64;
    loop {
        watch.report(Progress {
            stage: Stage::Solve,
            done: placed.min(households),
            total: households,
        })?;
        placed += 1;
        dist.iter_mut().for_each(|d| *d = INF);
        pred.iter_mut().for_each(|p| *p = usize::MAX);
        dist[source] = ZERO;
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((ZERO, source)));
        while let Some(Reverse((d, v))) = heap.pop() {
            if d > dist[v] {
                continue;
            }
            for &k in &g.out[v] {
                let a = &g.arcs[k];
                if a.cap <= 0 {
                    continue;
                }
                let nd = add(d, sub(add(a.cost, pot[v]), pot[a.to]));
                if nd < dist[a.to] {
                    dist[a.to] = nd;
                    pred[a.to] = k;
                    heap.push(Reverse((nd, a.to)));
                }
            }
        }
        if dist[sink] == INF {
            break;
        }
        // The path's true cost: negative means it still improves.
        let true_cost = add(dist[sink], sub(pot[sink], pot[source]));
        if true_cost >= ZERO {
            break;
        }
        let dt = dist[sink];
        for v in 0..total {
            let d = if dist[v] < dt { dist[v] } else { dt };
            pot[v] = add(pot[v], d);
        }
        let mut v = sink;
        while v != source {
            let k = pred[v];
            g.arcs[k].cap -= 1;
            g.arcs[k ^ 1].cap += 1;
            v = g.arcs[k ^ 1].to;
        }
    }
    let mut assignment = vec![None; n];
    for i in 0..n {
        for &k in &g.out[hh[i]] {
            if k % 2 == 0 {
                let a = &g.arcs[k];
                // Offer nodes are consecutive: the arc's head gives the offer's index.
                if a.cap == 0
                    && let Some(j) = oo.first().and_then(|&first| a.to.checked_sub(first))
                    && j < m
                {
                    assignment[i] = Some(j as u32);
                }
            }
        }
    }
    let got = counts(c, s, &assignment);
    let shortfall = use_quotas
        .iter()
        .map(|&q| i64::from(s.quotas[q].quota.min.saturating_sub(got[q])))
        .sum();
    Ok((assignment, shortfall))
}

/// The error for leasts that cannot be met: the first group short of its least, and whether
/// it falls short even alone (its own households or places) or only beside the other quotas.
fn infeasible(c: &Candidates, s: &Structure, a: &[Option<u32>]) -> BrobyggerError {
    let got = counts(c, s, a);
    let Some(q) = (0..s.quotas.len()).find(|&q| got[q] < s.quotas[q].quota.min) else {
        return BrobyggerError::Infeasible {
            code: MatchingCode::QuotaInfeasible.into(),
            reason: "the quotas cannot all be met".into(),
        };
    };
    let quota = &s.quotas[q].quota;
    let caps = flow_capacities(c, s).unwrap_or_else(|| c.capacities.clone());
    let alone_quota = QuotaSet {
        quota: crate::matching::model::capacity::Quota {
            group: quota.group.clone(),
            min: u32::MAX / 2,
            max: None,
        },
        members: s.quotas[q].members.clone(),
    };
    let alone = Structure {
        quotas: vec![alone_quota],
        seats: s.seats.clone(),
        needs: s.needs.clone(),
    };
    // Unwatched: it explains an error already found (a default watch never stops it).
    let best_alone = match flow(c, &alone, &caps, &[0], &Watch::default()) {
        Ok((a, _)) => a,
        Err(e) => return e,
    };
    let most = counts(c, &alone, &best_alone)[0];
    let g = quota.group.describe();
    let reason = if most < quota.min {
        format!(
            "the quota for {} asks for at least {} matches, but at most {most} are possible: that many households meet the hard rules with its offers and find a free place",
            g.en, quota.min
        )
    } else {
        format!(
            "the quota for {} asks for at least {} matches; {most} are possible alone, but not together with the other quotas (they compete for the same households or places)",
            g.en, quota.min
        )
    };
    BrobyggerError::Infeasible {
        code: MatchingCode::QuotaInfeasible.into(),
        reason,
    }
}

/// Whether `i` can join `j` given the seats used and households placed.
struct Load<'a> {
    c: &'a Candidates,
    s: &'a Structure,
    households: Vec<u32>,
    seats: Vec<Vec<u32>>,
    quota: Vec<u32>,
}

impl<'a> Load<'a> {
    fn new(c: &'a Candidates, s: &'a Structure) -> Self {
        Load {
            c,
            s,
            households: vec![0; c.offers()],
            seats: s.seats.iter().map(|v| vec![0; v.len()]).collect(),
            quota: vec![0; s.quotas.len()],
        }
    }

    fn fits(&self, i: usize, j: usize) -> bool {
        if self.households[j] >= self.c.capacities[j] {
            return false;
        }
        for (k, (kind, free)) in self.s.seats[j].iter().enumerate() {
            if self.seats[j][k].saturating_add(self.s.need(i, kind)) > *free {
                return false;
            }
        }
        self.s
            .quotas
            .iter()
            .enumerate()
            .all(|(q, qs)| !self.member(qs, i, j) || qs.quota.max.is_none_or(|m| self.quota[q] < m))
    }

    fn member(&self, qs: &QuotaSet, i: usize, j: usize) -> bool {
        let k = if qs.quota.group.on_offers() { j } else { i };
        qs.members.get(k).copied().unwrap_or(false)
    }

    fn change(&mut self, i: usize, j: usize, sign: i32) {
        let apply = |x: &mut u32, by: u32| {
            *x = if sign > 0 {
                x.saturating_add(by)
            } else {
                x.saturating_sub(by)
            }
        };
        apply(&mut self.households[j], 1);
        for k in 0..self.s.seats[j].len() {
            let need = self.s.need(i, &self.s.seats[j][k].0);
            apply(&mut self.seats[j][k], need);
        }
        for q in 0..self.s.quotas.len() {
            if self.member(&self.s.quotas[q], i, j) {
                apply(&mut self.quota[q], 1);
            }
        }
    }
}

/// Best pair first, keeping every offer's households and seats and each quota's most.
fn greedy(c: &Candidates, s: &Structure, waiting: &[i64]) -> Vec<Option<u32>> {
    let n = c.newcomers();
    let mut pairs: Vec<(i64, i64, u32, u32)> = Vec::with_capacity(c.len());
    for i in 0..n {
        let w = waiting.get(i).copied().unwrap_or(0);
        let (js, ss) = c.of(i);
        for (&j, &sc) in js.iter().zip(ss) {
            pairs.push((sc, w, i as u32, j));
        }
    }
    pairs.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut load = Load::new(c, s);
    let mut out = vec![None; n];
    for (_, _, i, j) in pairs {
        let (iu, ju) = (i as usize, j as usize);
        if out[iu].is_none() && load.fits(iu, ju) {
            load.change(iu, ju, 1);
            out[iu] = Some(j);
        }
    }
    out
}

/// Exact branch and bound for small instances: households in order of fewest candidates,
/// each placed at one of its offers or left out. Objective: fewest leasts missed, then the
/// highest total score, then the most matches. `None` if the node budget runs out.
fn branch_and_bound(
    c: &Candidates,
    s: &Structure,
    watch: &Watch,
) -> Result<Option<Vec<Option<u32>>>, BrobyggerError> {
    let mut order: Vec<usize> = (0..c.newcomers())
        .filter(|&i| !c.of(i).0.is_empty())
        .collect();
    order.sort_by_key(|&i| (c.of(i).0.len(), i));
    let n = c.newcomers();
    // Values: shortfall weighs more than any score total, a score more than any match count.
    let m2: i128 = 1 + n as i128;
    let best_of: Vec<i128> = order
        .iter()
        .map(|&i| {
            c.of(i)
                .1
                .iter()
                .map(|&x| i128::from(x.max(0)) * m2 + 1)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut suffix = vec![0i128; order.len() + 1];
    for k in (0..order.len()).rev() {
        suffix[k] = suffix[k + 1] + best_of[k];
    }
    let max_score: i128 = suffix[0] + 1;
    let m1: i128 = max_score.saturating_mul(2);
    struct Search<'a> {
        c: &'a Candidates,
        s: &'a Structure,
        order: Vec<usize>,
        suffix: Vec<i128>,
        m1: i128,
        m2: i128,
        load: Load<'a>,
        current: Vec<Option<u32>>,
        best: Option<(i128, Vec<Option<u32>>)>,
        nodes: u64,
        watch: &'a Watch,
        stopped: Option<BrobyggerError>,
    }
    impl Search<'_> {
        fn value(&self, score: i128, matches: i128) -> i128 {
            let short: i128 = self
                .s
                .quotas
                .iter()
                .zip(&self.load.quota)
                .map(|(q, got)| i128::from(q.quota.min.saturating_sub(*got)))
                .sum();
            -short * self.m1 + score * self.m2 + matches
        }
        fn go(&mut self, k: usize, score: i128, matches: i128) -> bool {
            self.nodes += 1;
            if self.nodes > BNB_NODES {
                return false;
            }
            if self.nodes.is_multiple_of(BNB_LOOK)
                && let Err(e) = self.watch.check()
            {
                self.stopped = Some(e);
                return false;
            }
            if k == self.order.len() {
                let v = self.value(score, matches);
                if self.best.as_ref().is_none_or(|(b, _)| v > *b) {
                    self.best = Some((v, self.current.clone()));
                }
                return true;
            }
            // Optimistic: every remaining household at its best offer, every least met.
            let optimistic = score * self.m2 + matches + self.suffix[k];
            if let Some((b, _)) = &self.best {
                // The shortfall term is at most 0.
                if optimistic <= *b {
                    return true;
                }
            }
            let i = self.order[k];
            let (js, ss) = self.c.of(i);
            let mut opts: Vec<(i64, u32)> = ss.iter().copied().zip(js.iter().copied()).collect();
            opts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (sc, j) in opts {
                let ju = j as usize;
                if !self.load.fits(i, ju) {
                    continue;
                }
                self.load.change(i, ju, 1);
                self.current[i] = Some(j);
                let ok = self.go(k + 1, score + i128::from(sc), matches + 1);
                self.current[i] = None;
                self.load.change(i, ju, -1);
                if !ok {
                    return false;
                }
            }
            self.go(k + 1, score, matches)
        }
    }
    let mut search = Search {
        c,
        s,
        order,
        suffix,
        m1,
        m2,
        load: Load::new(c, s),
        current: vec![None; n],
        best: None,
        nodes: 0,
        watch,
        stopped: None,
    };
    let finished = search.go(0, 0, 0);
    if let Some(e) = search.stopped {
        return Err(e);
    }
    Ok(if finished {
        search.best.map(|(_, a)| a)
    } else {
        None
    })
}

/// The flow relaxation (seats reduced to households by the smallest need, quotas that cross
/// dropped), repaired: offers over their seats and groups over their most give up their
/// lowest-scoring households, then households left out take the best offer that still fits,
/// and groups short of their least take households that fit. Not proven optimal; the
/// relaxation's total bounds the best.
fn repair(c: &Candidates, s: &Structure, watch: &Watch) -> Result<Solution, BrobyggerError> {
    let n = c.newcomers();
    let m = c.offers();
    // Relaxed capacities: each offer takes at most as many households as its seats allow for
    // the smallest candidate.
    let mut caps = c.capacities.clone();
    for (j, cap) in caps.iter_mut().enumerate() {
        for (kind, free) in &s.seats[j] {
            let smallest = (0..n)
                .filter(|&i| c.of(i).0.contains(&(j as u32)))
                .map(|i| s.need(i, kind))
                .min()
                .unwrap_or(0);
            if let Some(k) = free.checked_div(smallest) {
                *cap = (*cap).min(k);
            }
        }
    }
    // Keep a nesting subset of the quotas in the relaxation.
    let mut kept: Vec<usize> = Vec::new();
    for q in 0..s.quotas.len() {
        let mut trial = kept.clone();
        trial.push(q);
        let sub = Structure {
            quotas: trial.iter().map(|&k| s.quotas[k].clone()).collect(),
            seats: Vec::new(),
            needs: Vec::new(),
        };
        if laminar(&sub) {
            kept = trial;
        }
    }
    let (relaxed, _) = flow(c, s, &caps, &kept, watch)?;
    let bound = total_of(c, &relaxed);
    // Repair: place households in the relaxation's order of score, keeping what fits.
    let mut load = Load::new(c, s);
    let mut out = vec![None; n];
    let mut placed: Vec<(i64, usize, u32)> = relaxed
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (c.score(i, j).unwrap_or(0), i, j)))
        .collect();
    placed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i, j) in placed {
        if load.fits(i, j as usize) {
            load.change(i, j as usize, 1);
            out[i] = Some(j);
        }
    }
    // Households left out take the best offer that still fits.
    let mut pairs: Vec<(i64, u32, u32)> = Vec::new();
    for (i, slot) in out.iter().enumerate() {
        if slot.is_none() {
            let (js, ss) = c.of(i);
            pairs.extend(js.iter().zip(ss).map(|(&j, &sc)| (sc, i as u32, j)));
        }
    }
    pairs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in pairs {
        let (iu, ju) = (i as usize, j as usize);
        if out[iu].is_none() && load.fits(iu, ju) {
            load.change(iu, ju, 1);
            out[iu] = Some(j);
        }
    }
    // Groups short of their least: move in households that fit.
    for q in 0..s.quotas.len() {
        let min = s.quotas[q].quota.min;
        let mut guard = 0;
        while load.quota[q] < min && guard < n + m {
            guard += 1;
            // Each pass scans every household's candidates to move one in.
            watch.check()?;
            let mut moved = false;
            #[allow(clippy::needless_range_loop)] // `out[i]` changes inside the loop
            'find: for i in 0..n {
                let (js, _) = c.of(i);
                for &j in js {
                    let ju = j as usize;
                    if !load.member(&s.quotas[q], i, ju) || out[i] == Some(j) {
                        continue;
                    }
                    if let Some(old) = out[i] {
                        if load.member(&s.quotas[q], i, old as usize) {
                            continue;
                        }
                        load.change(i, old as usize, -1);
                        if load.fits(i, ju) {
                            load.change(i, ju, 1);
                            out[i] = Some(j);
                            moved = true;
                            break 'find;
                        }
                        load.change(i, old as usize, 1);
                    } else if load.fits(i, ju) {
                        load.change(i, ju, 1);
                        out[i] = Some(j);
                        moved = true;
                        break 'find;
                    }
                }
            }
            if !moved {
                break;
            }
        }
    }
    if !meets_least(c, s, &out) {
        return Err(infeasible(c, s, &out));
    }
    Ok(Solution {
        assignment: out,
        method: StructureMethod::Repair,
        exact: false,
        bound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::model::capacity::QuotaGroup;
    use proptest::prelude::*;

    fn structure_with(quotas: Vec<(Quota, Vec<bool>)>, m: usize, n: usize) -> Structure {
        Structure {
            quotas: quotas
                .into_iter()
                .map(|(quota, members)| QuotaSet { quota, members })
                .collect(),
            seats: vec![Vec::new(); m],
            needs: vec![Vec::new(); n],
        }
    }

    #[test]
    fn an_upper_quota_moves_a_household_and_costs_a_share() {
        // Two households both prefer offer 0 (area A); at most one match in A.
        let c = Candidates::from_lists(
            vec![vec![(0, 10), (1, 4)], vec![(0, 9), (1, 8)]],
            vec![2, 2],
        );
        let q = Quota {
            group: QuotaGroup::OfferArea { area: "A".into() },
            min: 0,
            max: Some(1),
        };
        let s = structure_with(vec![(q, vec![true, false])], 2, 2);
        let (a, r) =
            solve(&c, &s, &[0, 0], Solver::Optimal, &Watch::default()).unwrap_or_default_for_test();
        assert_eq!(a, vec![Some(0), Some(1)]);
        assert!(r.exact);
        assert_eq!(r.method, StructureMethod::Flow);
        assert!((r.quota_cost.unwrap_or(0.0) - 1.0 / 19.0).abs() < 1e-9);
        assert!(r.quotas[0].binding);
    }

    #[test]
    fn a_least_that_cannot_be_met_names_its_group() {
        let c = Candidates::from_lists(vec![vec![(0, 10)], vec![(0, 9)]], vec![2, 1]);
        let q = Quota {
            group: QuotaGroup::OfferArea { area: "B".into() },
            min: 1,
            max: None,
        };
        let s = structure_with(vec![(q, vec![false, true])], 2, 2);
        let e = solve(&c, &s, &[0, 0], Solver::Optimal, &Watch::default()).err();
        let text = format!("{e:?}");
        assert!(
            text.contains("matching.quota_infeasible") && text.contains("offers in B"),
            "{text}"
        );
    }

    /// Every assignment of the small instance, by brute force: the best (score, matches) among
    /// those that keep capacities, seats and every quota's most and least; `None` if no
    /// assignment meets the leasts.
    fn brute_force(c: &Candidates, s: &Structure) -> Option<(i64, usize)> {
        let n = c.newcomers();
        let mut best: Option<(i64, usize)> = None;
        let mut a: Vec<Option<u32>> = vec![None; n];
        fn go(
            i: usize,
            c: &Candidates,
            s: &Structure,
            a: &mut Vec<Option<u32>>,
            best: &mut Option<(i64, usize)>,
        ) {
            if i == a.len() {
                let mut load = Load::new(c, s);
                for (k, j) in a.iter().enumerate() {
                    if let Some(j) = j {
                        if !load.fits(k, *j as usize) {
                            return;
                        }
                        load.change(k, *j as usize, 1);
                    }
                }
                if !meets_least(c, s, a) {
                    return;
                }
                let v = (total_of(c, a), a.iter().flatten().count());
                if best.is_none_or(|b| v > b) {
                    *best = Some(v);
                }
                return;
            }
            a[i] = None;
            go(i + 1, c, s, a, best);
            let (js, _) = c.of(i);
            for &j in js {
                a[i] = Some(j);
                go(i + 1, c, s, a, best);
            }
            a[i] = None;
        }
        go(0, c, s, &mut a, &mut best);
        best
    }

    fn arb_instance() -> impl Strategy<Value = (Candidates, Structure)> {
        (1usize..=6, 1usize..=4).prop_flat_map(|(n, m)| {
            let lists = prop::collection::vec(
                prop::collection::vec((0..m as u32, 0i64..=2_000_000_000), 0..=m),
                n,
            );
            let caps = prop::collection::vec(0u32..=3, m);
            // Seats: per offer, adults and children free (or none); per household its needs.
            let seats = prop::collection::vec(prop::option::of((0u32..=6, 0u32..=6)), m);
            let needs = prop::collection::vec((0u32..=4, 0u32..=4), n);
            let quota = (
                any::<bool>(),
                prop::collection::vec(any::<bool>(), n.max(m)),
                0u32..=3,
                prop::option::of(0u32..=3),
            );
            let quotas = prop::collection::vec(quota, 0..=3);
            (lists, caps, seats, needs, quotas).prop_map(
                move |(lists, caps, seats, needs, quotas)| {
                    let c = Candidates::from_lists(lists, caps);
                    let seats: Vec<Vec<(SeatKind, u32)>> = seats
                        .into_iter()
                        .map(|s| match s {
                            Some((a, k)) => {
                                vec![(SeatKind::Adults, a), (SeatKind::Children, k)]
                            }
                            None => Vec::new(),
                        })
                        .collect();
                    let needs = needs
                        .into_iter()
                        .map(|(a, k)| vec![(SeatKind::Adults, a), (SeatKind::Children, k)])
                        .collect();
                    let quotas = quotas
                        .into_iter()
                        .enumerate()
                        .map(|(k, (on_offers, members, min, max))| {
                            let group = if on_offers {
                                QuotaGroup::OfferArea {
                                    area: format!("a{k}"),
                                }
                            } else {
                                QuotaGroup::NewcomerArea {
                                    area: format!("a{k}"),
                                }
                            };
                            let len = if on_offers { m } else { n };
                            QuotaSet {
                                quota: Quota { group, min, max },
                                members: members.into_iter().take(len).collect(),
                            }
                        })
                        .collect();
                    (
                        c,
                        Structure {
                            quotas,
                            seats,
                            needs,
                        },
                    )
                },
            )
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// The optimal solver with seats and quotas equals brute force on small instances: the
        /// same best total when the quotas can be met (and the answer keeps every capacity,
        /// seat and quota), a typed `Infeasible` naming a group when they cannot.
        #[test]
        fn seats_and_quotas_match_brute_force((c, s) in arb_instance()) {
            let expected = brute_force(&c, &s);
            match (solve(&c, &s, &vec![0; c.newcomers()], Solver::Optimal, &Watch::default()), expected) {
                (Ok((a, report)), Some((score, _))) => {
                    let mut load = Load::new(&c, &s);
                    for (i, j) in a.iter().enumerate() {
                        if let Some(j) = j {
                            proptest::prop_assert!(c.score(i, *j).is_some());
                            proptest::prop_assert!(load.fits(i, *j as usize), "{a:?}");
                            load.change(i, *j as usize, 1);
                        }
                    }
                    proptest::prop_assert!(meets_least(&c, &s, &a));
                    if report.exact {
                        proptest::prop_assert_eq!(total_of(&c, &a), score);
                    } else {
                        proptest::prop_assert!(total_of(&c, &a) <= score);
                    }
                    proptest::prop_assert!(report.quota_cost.is_none_or(|q| (0.0..=1.0).contains(&q)));
                }
                (Err(e), None) => {
                    proptest::prop_assert_eq!(e.code(), "matching.quota_infeasible");
                }
                (got, want) => proptest::prop_assert!(false, "solver {:?} but brute force {:?}", got.map(|x| x.0), want),
            }
        }
    }

    trait OrDefault {
        fn unwrap_or_default_for_test(self) -> (Vec<Option<u32>>, StructureReport);
    }

    impl OrDefault for Result<(Vec<Option<u32>>, StructureReport), BrobyggerError> {
        fn unwrap_or_default_for_test(self) -> (Vec<Option<u32>>, StructureReport) {
            match self {
                Ok(x) => x,
                Err(e) => unreachable!("{e}"),
            }
        }
    }
}
