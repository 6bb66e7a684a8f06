//! The solvers: greedy, optimal (maximum total score under capacities, exact) and stable
//! (deferred acceptance with capacities, from either side), over the sparse [`Candidates`], and
//! stable matching over explicit preference lists (hospital/resident form).
//!
//! Every solver is deterministic: ties are broken by longer waiting first, then by position in
//! the input. The optimal solver is a min-cost flow on the implicit residual graph of the
//! candidates: an exact bidding phase (an auction keeping complementary slackness exactly)
//! places most households, and successive shortest paths with potentials (Dijkstra with early
//! exit) place the rest. It never allocates a newcomer × offer matrix. Dense score matrices
//! have their own solver in [`crate::matching::assignment`].

use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::matching::candidates::Candidates;
use crate::matching::model::rules::{MatchingCode, add};
use crate::matching::model::run::{OfferRanking, Solver};
use crate::progress::{STRIDE, Stage, Watch};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

/// Best pair first: sort every candidate pair by score (higher first), then by the newcomer's
/// waiting (longer first), then by position; take a pair while both sides have room.
pub fn greedy(c: &Candidates, waiting_days: &[i64]) -> Vec<Option<u32>> {
    // The default watch never cancels, so there is no error to lose.
    greedy_watched(c, waiting_days, &Watch::default()).unwrap_or_default()
}

/// [`greedy`], looking at `watch` once per [`STRIDE`] pairs taken or passed.
pub(crate) fn greedy_watched(
    c: &Candidates,
    waiting_days: &[i64],
    watch: &Watch,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    let n = c.newcomers();
    let mut pairs: Vec<(i64, i64, u32, u32)> = Vec::with_capacity(c.len());
    for i in 0..n {
        let w = waiting_days.get(i).copied().unwrap_or(0);
        let (offers, scores) = c.of(i);
        for (&j, &s) in offers.iter().zip(scores) {
            pairs.push((s, w, i as u32, j));
        }
    }
    pairs.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut left = c.capacities.clone();
    let mut out = vec![None; n];
    let total = pairs.len() as u64;
    watch.start(Stage::Solve, total)?;
    for (k, (_, _, i, j)) in pairs.into_iter().enumerate() {
        watch.step(Stage::Solve, k as u64, total)?;
        let slot = &mut out[i as usize];
        if slot.is_none() && left[j as usize] > 0 {
            left[j as usize] -= 1;
            *slot = Some(j);
        }
    }
    watch.finish(Stage::Solve, total)?;
    Ok(out)
}

/// The assignment with the largest total score under the capacities; among those, one with the
/// most matches. Exact on the integer scores.
///
/// Most households are placed by an exact bidding phase (an auction that keeps complementary
/// slackness exactly, so its prices are valid potentials), and the rest by shortest augmenting
/// paths from those potentials; [`optimal_by_shortest_paths`] skips the bidding and gives the
/// same total.
pub fn optimal(c: &Candidates) -> Vec<Option<u32>> {
    // The default watch never cancels, so there is no error to lose.
    optimal_watched(c, &Watch::default()).unwrap_or_default()
}

/// [`optimal`], looking at `watch` as it goes: progress counts households placed or left for
/// good (the bidding phase reports its share once it ends; it is fast beside the paths).
pub(crate) fn optimal_watched(
    c: &Candidates,
    watch: &Watch,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    let total = c.newcomers() as u64;
    watch.start(Stage::Solve, total)?;
    let mut flow = Flow::new(c);
    let rest = flow.bid(BID_ROUNDS, watch)?;
    let out = flow.run(rest, watch)?;
    watch.finish(Stage::Solve, total)?;
    Ok(out)
}

/// The optimal solver without the bidding phase: every household by a shortest augmenting path.
/// Slower at scale; kept as the reference the property tests compare [`optimal`] with.
pub fn optimal_by_shortest_paths(c: &Candidates) -> Vec<Option<u32>> {
    let flow = Flow::new(c);
    let all = (0..c.newcomers()).collect();
    // The default watch never cancels, so there is no error to lose.
    flow.run(all, &Watch::default()).unwrap_or_default()
}

/// Bids a household may make in the bidding phase before it is left to the shortest paths:
/// bounds the work spent on ties, where a bid raises no price.
const BID_ROUNDS: u32 = 64;

/// A path cost: (−score, −matches), compared lexicographically, so the cheapest flow has the
/// largest total score and, among those, the most matches. Pairs add componentwise, which keeps
/// Dijkstra and potentials valid (an ordered group) without scaling scores into one number.
type Cost = (i64, i64);

const INF: Cost = (i64::MAX / 4, 0);
const ZERO: Cost = (0, 0);

fn plus(a: Cost, b: Cost) -> Cost {
    (a.0 + b.0, a.1 + b.1)
}

fn minus(a: Cost, b: Cost) -> Cost {
    (a.0 - b.0, a.1 - b.1)
}

/// An offer during the bidding phase.
#[derive(Clone, Copy)]
struct OfferState {
    price: Cost,
    /// What a household must pay to get in: the price while there is room, else the weakest
    /// occupant's threshold.
    entry: Cost,
    full: bool,
}

/// Where the shortest path of an augmentation ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// At an offer with a free place.
    Offer(usize),
    /// At a newcomer who gives up its place and stays unmatched.
    Unmatched(usize),
}

/// Min-cost flow newcomer → offer → T, where every newcomer sends one unit either to an offer
/// (cost (−score, −1)) or straight to T, staying unmatched (cost 0). Newcomers are added one at
/// a time, each by the shortest path from it in the residual graph (successive shortest paths
/// with a single source): after each step the flow is the cheapest for the newcomers added so
/// far, so at the end it is optimal. Dijkstra exits when the sink is settled; potentials are
/// stored relative to a common offset that cancels in every reduced cost, so a step touches only
/// the nodes it reached. Households whose offers are all taken are never revisited.
struct Flow<'a> {
    c: &'a Candidates,
    n: usize,
    matched: Vec<Option<u32>>,
    matched_score: Vec<i64>,
    assigned: Vec<Vec<u32>>,
    load: Vec<u32>,
    pot: Vec<Cost>,
    dist: Vec<Cost>,
    pred: Vec<u32>,
    touched: Vec<usize>,
}

impl<'a> Flow<'a> {
    fn new(c: &'a Candidates) -> Self {
        let n = c.newcomers();
        let m = c.offers();
        // Nodes: newcomers 0..n, offers n..n+m, T = n+m.
        let total = n + m + 1;
        let mut pot = vec![ZERO; total];
        for i in 0..n {
            let (offers, scores) = c.of(i);
            for (&j, &s) in offers.iter().zip(scores) {
                let pj = &mut pot[n + j as usize];
                *pj = (*pj).min((-s, -1));
            }
        }
        pot[n + m] = pot[n..n + m]
            .iter()
            .copied()
            .min()
            .unwrap_or(ZERO)
            .min(ZERO);
        Flow {
            c,
            n,
            matched: vec![None; n],
            matched_score: vec![0; n],
            assigned: vec![Vec::new(); m],
            load: vec![0; m],
            pot,
            dist: vec![INF; total],
            pred: vec![u32::MAX; total],
            touched: Vec::new(),
        }
    }

    /// The bidding phase: an auction that keeps complementary slackness exactly.
    ///
    /// Each offer has a price, zero until it is full and never falling; a household's value for
    /// an offer is the pair's (score, 1) minus the price, and staying unmatched is worth zero.
    /// A placed household has a threshold: the price at which it would be indifferent between
    /// its offer and its next best option. To get into a full offer a household must pay the
    /// lowest threshold among the occupants (that occupant then leaves, indifferent, and bids
    /// again). A free household takes the offer with the best value at these entry prices; the
    /// prices of full offers it values more than what it got rise until it no longer does
    /// (never past an occupant's threshold). So every placed household always has its best
    /// option, and prices and values are exact dual variables: the partial assignment is
    /// optimal for the households placed, and its potentials let the shortest paths finish
    /// the rest exactly. Ties can make households push each other out without any price
    /// rising, so a household gets at most `rounds` bids before it is left to the shortest
    /// paths. Returns those households, in input order.
    fn bid(&mut self, rounds: u32, watch: &Watch) -> Result<Vec<usize>, BrobyggerError> {
        let n = self.n;
        let m = self.c.offers();
        // Occupants' thresholds, as min-heaps per offer: the weakest is on top.
        let mut weakest: Vec<BinaryHeap<Reverse<(Cost, u32)>>> = vec![BinaryHeap::new(); m];
        // Per offer, side by side for the cache: the price, whether it is full, and the price a
        // newcomer must pay to get in (the price, or the weakest occupant's threshold if full).
        let mut state: Vec<OfferState> = (0..m)
            .map(|j| OfferState {
                price: ZERO,
                entry: ZERO,
                full: self.c.capacities[j] == 0,
            })
            .collect();
        let mut bids = vec![0u32; n];
        let mut left = Vec::new();
        let mut free: VecDeque<(u32, u32)> = (0..n as u32)
            .filter(|&i| !self.c.of(i as usize).0.is_empty())
            .map(|i| (i, u32::MAX))
            .collect();
        let mut popped = 0u64;
        while let Some((i, evicted_from)) = free.pop_front() {
            popped += 1;
            if popped.is_multiple_of(STRIDE) {
                watch.check()?;
            }
            let iu = i as usize;
            if bids[iu] >= rounds {
                left.push(iu);
                continue;
            }
            bids[iu] += 1;
            let (offers, scores) = self.c.of(iu);
            // The best value at entry prices; on a tie, an offer with room, then any offer
            // but the one that just pushed this household out.
            let mut best: Option<(Cost, bool, usize, i64)> = None;
            for (&j, &sc) in offers.iter().zip(scores) {
                let ju = j as usize;
                let st = &state[ju];
                if st.full && self.c.capacities[ju] == 0 {
                    continue;
                }
                let room = !st.full;
                let v = minus((sc, 1), st.entry);
                let key = (v, room, j != evicted_from);
                if best.is_none_or(|(bv, br, bj, _)| key > (bv, br, bj as u32 != evicted_from)) {
                    best = Some((v, room, ju, sc));
                }
            }
            let (value, mine) = match best {
                Some((v, room, j, sc)) if v > ZERO => {
                    if !room {
                        let Some(Reverse((low, k))) = weakest[j].pop() else {
                            left.push(iu);
                            continue;
                        };
                        state[j].price = low;
                        self.matched[k as usize] = None;
                        self.assigned[j].retain(|&x| x != k);
                        self.load[j] -= 1;
                        free.push_back((k, j as u32));
                    }
                    self.place(iu, j, sc);
                    (v, Some((j, sc)))
                }
                _ => (ZERO, None),
            };
            // No other offer may be worth more to it than what it got: raise the prices of
            // full ones (never past their weakest occupant's threshold, by the choice above).
            // Its next best option at the prices that result sets its threshold.
            let mut next_best = ZERO;
            for (&j, &sc) in offers.iter().zip(scores) {
                let ju = j as usize;
                if mine.is_some_and(|(m, _)| m == ju) {
                    continue;
                }
                let st = &mut state[ju];
                if st.full {
                    let need = minus((sc, 1), value);
                    if need > st.price {
                        st.price = need;
                    }
                }
                next_best = next_best.max(minus((sc, 1), st.price));
            }
            if let Some((j, sc)) = mine {
                weakest[j].push(Reverse((minus((sc, 1), next_best), i)));
                let st = &mut state[j];
                st.full = self.load[j] >= self.c.capacities[j];
                st.entry = match (st.full, weakest[j].peek()) {
                    (true, Some(Reverse((low, _)))) => *low,
                    _ => st.price,
                };
            }
        }
        // Potentials from the prices: offers at minus their price, the sink at zero, placed
        // households at their value, unmatched ones at zero.
        let t = n + m;
        self.pot[t] = ZERO;
        for (p, st) in self.pot[n..n + m].iter_mut().zip(&state) {
            *p = minus(ZERO, st.price);
        }
        for i in 0..n {
            self.pot[i] = match self.matched[i] {
                Some(j) => minus((self.matched_score[i], 1), state[j as usize].price),
                None => ZERO,
            };
        }
        Ok(left)
    }

    fn place(&mut self, i: usize, j: usize, score: i64) {
        self.load[j] += 1;
        self.matched[i] = Some(j as u32);
        self.matched_score[i] = score;
        self.assigned[j].push(i as u32);
    }

    fn run(
        mut self,
        sources: Vec<usize>,
        watch: &Watch,
    ) -> Result<Vec<Option<u32>>, BrobyggerError> {
        let n = self.n;
        let total = n as u64;
        // Households the bidding phase placed (or that have no candidate) are done already.
        let before = total.saturating_sub(sources.len() as u64);
        for (k, source) in sources.into_iter().enumerate() {
            // One look per path: a path is the solver's unit of work, and many take a while.
            watch.step(Stage::Solve, before + k as u64, total)?;
            if self.c.of(source).0.is_empty() {
                continue;
            }
            // A new source has no flow yet: its potential only has to make its own arcs
            // non-negative (and staying unmatched).
            let (offers, scores) = self.c.of(source);
            let mut p = self.pot[n + self.c.offers()];
            for (&j, &sc) in offers.iter().zip(scores) {
                p = p.max(plus((sc, 1), self.pot[n + j as usize]));
            }
            self.pot[source] = p;
            let (end, dt) = self.dijkstra(source);
            for k in 0..self.touched.len() {
                let v = self.touched[k];
                if self.dist[v] < dt {
                    self.pot[v] = plus(self.pot[v], minus(self.dist[v], dt));
                }
            }
            self.augment(source, end);
            self.reset();
        }
        Ok(self.matched)
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v] = INF;
            self.pred[v] = u32::MAX;
        }
        self.touched.clear();
    }

    fn relax(&mut self, heap: &mut BinaryHeap<Reverse<(Cost, u32)>>, v: usize, d: Cost, from: u32) {
        if d < self.dist[v] {
            if self.dist[v] == INF {
                self.touched.push(v);
            }
            self.dist[v] = d;
            self.pred[v] = from;
            heap.push(Reverse((d, v as u32)));
        }
    }

    /// The shortest path from `source` to the sink: where it ends and its reduced length.
    fn dijkstra(&mut self, source: usize) -> (End, Cost) {
        let n = self.n;
        let t = n + self.c.offers();
        let mut heap = BinaryHeap::new();
        // Staying unmatched is always possible, so there is always a path.
        let mut best = (minus(self.pot[source], self.pot[t]), End::Unmatched(source));
        self.relax(&mut heap, source, ZERO, u32::MAX);
        while let Some(Reverse((d, v))) = heap.pop() {
            let v = v as usize;
            if d > self.dist[v] {
                continue;
            }
            if d >= best.0 {
                break;
            }
            if v < n {
                if v != source && self.matched[v].is_some() {
                    let nd = plus(d, minus(self.pot[v], self.pot[t]));
                    if nd < best.0 {
                        best = (nd, End::Unmatched(v));
                    }
                }
                let (offers, scores) = self.c.of(v);
                for (&j, &sc) in offers.iter().zip(scores) {
                    if self.matched[v] == Some(j) {
                        continue;
                    }
                    let w = n + j as usize;
                    let nd = plus(plus(d, (-sc, -1)), minus(self.pot[v], self.pot[w]));
                    self.relax(&mut heap, w, nd, v as u32);
                }
            } else {
                let j = v - n;
                if self.load[j] < self.c.capacities[j] {
                    let nd = plus(d, minus(self.pot[v], self.pot[t]));
                    if nd < best.0 {
                        best = (nd, End::Offer(j));
                    }
                }
                for k in 0..self.assigned[j].len() {
                    let i = self.assigned[j][k] as usize;
                    let nd = plus(
                        plus(d, (self.matched_score[i], 1)),
                        minus(self.pot[v], self.pot[i]),
                    );
                    self.relax(&mut heap, i, nd, j as u32);
                }
            }
        }
        if self.dist[t] == INF {
            self.touched.push(t);
        }
        self.dist[t] = best.0;
        (best.1, best.0)
    }

    /// Moves every household on the path one step along it.
    fn augment(&mut self, source: usize, end: End) {
        let n = self.n;
        let mut j = match end {
            End::Offer(j) => {
                self.load[j] += 1;
                j
            }
            End::Unmatched(k) if k == source => return,
            End::Unmatched(k) => {
                // k leaves its offer and stays unmatched; whoever reached that offer moves in.
                let Some(p) = self.matched[k].take() else {
                    return;
                };
                self.assigned[p as usize].retain(|&x| x as usize != k);
                p as usize
            }
        };
        loop {
            let i = self.pred[n + j] as usize;
            let Some(score) = self.c.score(i, j as u32) else {
                return;
            };
            let previous = self.matched[i];
            self.matched[i] = Some(j as u32);
            self.matched_score[i] = score;
            self.assigned[j].push(i as u32);
            match previous {
                None => return,
                Some(p) => {
                    let p = p as usize;
                    self.assigned[p].retain(|&x| x as usize != i);
                    j = p;
                }
            }
        }
    }
}

/// Which side proposes in deferred acceptance.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProposingSide {
    /// Newcomers (residents) propose: the resident-optimal stable matching.
    #[default]
    #[serde(alias = "residents")]
    Newcomers,
    /// Offers (hospitals) propose: the hospital-optimal stable matching.
    #[serde(alias = "hospitals")]
    Offers,
}

/// Strict preference lists on both sides, by index, and capacities of the receiving side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preferences {
    /// Each newcomer's (resident's) acceptable offers, best first.
    pub newcomers: Vec<Vec<u32>>,
    /// Each offer's (hospital's) acceptable newcomers, best first.
    pub offers: Vec<Vec<u32>>,
    /// Each offer's places.
    pub capacities: Vec<u32>,
}

impl Preferences {
    /// Preferences from scored candidates: newcomers rank offers by score, then position;
    /// offers rank newcomers by `ranking` with longer waiting breaking ties, then position.
    pub fn from_candidates(c: &Candidates, waiting_days: &[i64], ranking: OfferRanking) -> Self {
        let n = c.newcomers();
        let m = c.offers();
        let mut newcomers = Vec::with_capacity(n);
        let mut by_offer: Vec<Vec<(i64, i64, u32)>> = vec![Vec::new(); m];
        for i in 0..n {
            let (offers, scores) = c.of(i);
            let mut list: Vec<(i64, u32)> =
                offers.iter().zip(scores).map(|(&j, &s)| (s, j)).collect();
            list.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            newcomers.push(list.iter().map(|x| x.1).collect());
            let w = waiting_days.get(i).copied().unwrap_or(0);
            for (&j, &s) in offers.iter().zip(scores) {
                by_offer[j as usize].push((s, w, i as u32));
            }
        }
        let offers = by_offer
            .into_iter()
            .map(|mut l| {
                match ranking {
                    OfferRanking::Score => l.sort_unstable_by(|a, b| {
                        b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
                    }),
                    OfferRanking::LongestWaiting => l.sort_unstable_by(|a, b| {
                        b.1.cmp(&a.1).then(b.0.cmp(&a.0)).then(a.2.cmp(&b.2))
                    }),
                }
                l.into_iter().map(|x| x.2).collect()
            })
            .collect();
        Preferences {
            newcomers,
            offers,
            capacities: c.capacities.clone(),
        }
    }

    fn ranks(lists: &[Vec<u32>]) -> Vec<HashMap<u32, u32>> {
        lists
            .iter()
            .map(|l| l.iter().enumerate().map(|(k, &x)| (x, k as u32)).collect())
            .collect()
    }

    /// Whether this is what a [`PreferenceProblem`] without findings indexes to: every entry
    /// names someone on the other side, no list names anyone twice, and every offer has its
    /// capacity. A caller that indexed ids itself (the Python binding, which looks ids up in
    /// Python's own dicts) solves such preferences directly and gives the problem by id to
    /// [`PreferenceProblem::solve`] otherwise, so the findings come from one place.
    pub fn is_well_formed(&self) -> bool {
        let (n, m) = (self.newcomers.len(), self.offers.len());
        if self.capacities.len() != m {
            return false;
        }
        // One stamp array per side: an entry seen again within the same list is a repeat.
        fn side(lists: &[Vec<u32>], other: usize) -> bool {
            let mut stamp = vec![u32::MAX; other];
            lists.iter().enumerate().all(|(k, l)| {
                l.iter().all(|&x| match stamp.get_mut(x as usize) {
                    Some(s) if *s != k as u32 => {
                        *s = k as u32;
                        true
                    }
                    _ => false,
                })
            })
        }
        side(&self.newcomers, m) && side(&self.offers, n)
    }

    /// Keeps only pairs both sides list.
    pub fn mutually_acceptable(mut self) -> Self {
        let rn = Self::ranks(&self.newcomers);
        let ro = Self::ranks(&self.offers);
        for (i, l) in self.newcomers.iter_mut().enumerate() {
            l.retain(|&j| {
                ro.get(j as usize)
                    .is_some_and(|r| r.contains_key(&(i as u32)))
            });
        }
        for (j, l) in self.offers.iter_mut().enumerate() {
            l.retain(|&i| {
                rn.get(i as usize)
                    .is_some_and(|r| r.contains_key(&(j as u32)))
            });
        }
        self
    }
}

/// Deferred acceptance with capacities; returns each newcomer's offer. Only mutually
/// acceptable pairs are matched.
pub fn stable(p: &Preferences, side: ProposingSide) -> Vec<Option<u32>> {
    // The default watch never cancels, so there is no error to lose.
    stable_watched(p, side, &Watch::default()).unwrap_or_default()
}

/// [`stable`], looking at `watch` as proposals are made: progress counts proposals against
/// the most there can be (every list entry of the proposing side once).
pub(crate) fn stable_watched(
    p: &Preferences,
    side: ProposingSide,
    watch: &Watch,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    let lists = match side {
        ProposingSide::Newcomers => &p.newcomers,
        ProposingSide::Offers => &p.offers,
    };
    let total: u64 = lists.iter().map(|l| l.len() as u64).sum();
    watch.start(Stage::Solve, total)?;
    let r = Ranks::new(p);
    let out = match side {
        ProposingSide::Newcomers => newcomers_propose(p, &r, watch, total)?,
        ProposingSide::Offers => offers_propose(p, &r, watch, total)?,
    };
    watch.finish(Stage::Solve, total)?;
    Ok(out)
}

const UNLISTED: u32 = u32::MAX;

/// The other side's rank at every list entry, aligned with the lists: `of_newcomer[i][k]` is
/// how newcomer `i`'s `k`-th offer ranks `i`, `of_offer[j][k]` how offer `j`'s `k`-th
/// newcomer ranks `j`; [`UNLISTED`] where the other side does not list back. Built in linear
/// time with one scratch array, so deferred acceptance needs no hashing.
struct Ranks {
    of_newcomer: Vec<Vec<u32>>,
    of_offer: Vec<Vec<u32>>,
}

impl Ranks {
    fn new(p: &Preferences) -> Self {
        let n = p.newcomers.len();
        let m = p.offers.len();
        let mut of_newcomer: Vec<Vec<u32>> = p
            .newcomers
            .iter()
            .map(|l| vec![UNLISTED; l.len()])
            .collect();
        let mut of_offer: Vec<Vec<u32>> =
            p.offers.iter().map(|l| vec![UNLISTED; l.len()]).collect();
        // The offers listing each newcomer, with the position it has in their lists.
        let mut start = vec![0usize; n + 1];
        for l in &p.offers {
            for &i in l {
                if let Some(s) = start.get_mut(i as usize + 1) {
                    *s += 1;
                }
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut listing = vec![(0u32, 0u32); start[n]];
        for (j, l) in p.offers.iter().enumerate() {
            for (r, &i) in l.iter().enumerate() {
                if let Some(f) = fill.get_mut(i as usize) {
                    listing[*f] = (j as u32, r as u32);
                    *f += 1;
                }
            }
        }
        // Position of each offer in the current newcomer's list (first listing wins).
        let mut position = vec![UNLISTED; m];
        for (i, l) in p.newcomers.iter().enumerate() {
            for (k, &j) in l.iter().enumerate() {
                if let Some(x) = position.get_mut(j as usize)
                    && *x == UNLISTED
                {
                    *x = k as u32;
                }
            }
            for &(j, r) in &listing[start[i]..start[i + 1]] {
                let k = position[j as usize];
                if k != UNLISTED && of_newcomer[i][k as usize] == UNLISTED {
                    of_newcomer[i][k as usize] = r;
                    of_offer[j as usize][r as usize] = k;
                }
            }
            for &j in l {
                if let Some(x) = position.get_mut(j as usize) {
                    *x = UNLISTED;
                }
            }
        }
        Ranks {
            of_newcomer,
            of_offer,
        }
    }
}

fn newcomers_propose(
    p: &Preferences,
    ranks: &Ranks,
    watch: &Watch,
    total: u64,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    let mut proposals = 0u64;
    let n = p.newcomers.len();
    let mut next = vec![0usize; n];
    let mut out = vec![None; n];
    // Each offer holds its proposers in a max-heap by rank, so the worst is on top.
    let mut held: Vec<BinaryHeap<(u32, u32)>> = vec![BinaryHeap::new(); p.offers.len()];
    let mut free: VecDeque<u32> = (0..n as u32).collect();
    while let Some(i) = free.pop_front() {
        let iu = i as usize;
        let Some(&j) = p.newcomers[iu].get(next[iu]) else {
            continue;
        };
        let r = ranks.of_newcomer[iu][next[iu]];
        next[iu] += 1;
        proposals += 1;
        watch.step(Stage::Solve, proposals, total)?;
        if r == UNLISTED {
            free.push_back(i);
            continue;
        }
        let ju = j as usize;
        let cap = p.capacities.get(ju).copied().unwrap_or(0) as usize;
        let h = &mut held[ju];
        if h.len() < cap {
            h.push((r, i));
            out[iu] = Some(j);
        } else if h.peek().is_some_and(|&(worst, _)| r < worst) {
            if let Some((_, loser)) = h.pop() {
                out[loser as usize] = None;
                free.push_back(loser);
            }
            h.push((r, i));
            out[iu] = Some(j);
        } else {
            free.push_back(i);
        }
    }
    Ok(out)
}

fn offers_propose(
    p: &Preferences,
    ranks: &Ranks,
    watch: &Watch,
    total: u64,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    let mut proposals = 0u64;
    let n = p.newcomers.len();
    let m = p.offers.len();
    let mut next = vec![0usize; m];
    let mut room: Vec<u32> = (0..m)
        .map(|j| p.capacities.get(j).copied().unwrap_or(0))
        .collect();
    let mut out: Vec<Option<u32>> = vec![None; n];
    // The newcomer's rank of the offer it holds.
    let mut held_rank = vec![UNLISTED; n];
    let mut queue: VecDeque<u32> = (0..m as u32).collect();
    while let Some(j) = queue.pop_front() {
        let ju = j as usize;
        while room[ju] > 0 {
            let Some(&i) = p.offers[ju].get(next[ju]) else {
                break;
            };
            let r = ranks.of_offer[ju][next[ju]];
            next[ju] += 1;
            proposals += 1;
            watch.step(Stage::Solve, proposals, total)?;
            if r == UNLISTED {
                continue;
            }
            let iu = i as usize;
            match out[iu] {
                None => {
                    out[iu] = Some(j);
                    held_rank[iu] = r;
                    room[ju] -= 1;
                }
                Some(cur) => {
                    if r < held_rank[iu] {
                        out[iu] = Some(j);
                        held_rank[iu] = r;
                        room[ju] -= 1;
                        room[cur as usize] += 1;
                        queue.push_back(cur);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The blocking pairs of an assignment: a newcomer and an offer who both list each other and
/// would both rather be together than with what they have. A stable assignment has none.
pub fn blocking_pairs(p: &Preferences, assignment: &[Option<u32>]) -> Vec<(u32, u32)> {
    let p = p.clone().mutually_acceptable();
    let rn = Preferences::ranks(&p.newcomers);
    let ro = Preferences::ranks(&p.offers);
    let mut worst: Vec<Option<u32>> = vec![None; p.offers.len()];
    let mut load = vec![0u32; p.offers.len()];
    for (i, a) in assignment.iter().enumerate() {
        if let Some(j) = a {
            let j = *j as usize;
            if j < load.len() {
                load[j] += 1;
                let r = ro[j].get(&(i as u32)).copied().unwrap_or(u32::MAX);
                worst[j] = Some(worst[j].map_or(r, |w| w.max(r)));
            }
        }
    }
    let mut out = Vec::new();
    for (i, list) in p.newcomers.iter().enumerate() {
        let current = assignment.get(i).copied().flatten();
        let cur_rank = current
            .and_then(|c| rn[i].get(&c).copied())
            .unwrap_or(u32::MAX);
        for &j in list {
            let ju = j as usize;
            let r_n = rn[i].get(&j).copied().unwrap_or(u32::MAX);
            if r_n >= cur_rank {
                break;
            }
            let r_o = ro[ju].get(&(i as u32)).copied().unwrap_or(u32::MAX);
            let has_room = load[ju] < p.capacities.get(ju).copied().unwrap_or(0);
            if has_room || worst[ju].is_some_and(|w| r_o < w) {
                out.push((i as u32, j));
            }
        }
    }
    out
}

/// One side's ranking in a preference problem given by ids.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Ranking {
    /// The resident's or hospital's id.
    pub id: String,
    /// The other side's ids, best first; unlisted means unacceptable.
    pub prefers: Vec<String>,
}

/// A hospital's (offer's) number of places.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Places {
    /// The hospital's id.
    pub id: String,
    /// Its capacity.
    pub capacity: u32,
}

/// A stable matching problem with explicit preference lists (hospital/resident form):
/// residents are newcomers, hospitals are offers.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PreferenceProblem {
    /// Residents' rankings of hospitals.
    pub residents: Vec<Ranking>,
    /// Hospitals' rankings of residents.
    pub hospitals: Vec<Ranking>,
    /// Every hospital's places.
    pub capacities: Vec<Places>,
}

/// One resident–hospital pair.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StablePair {
    /// The resident.
    pub resident: String,
    /// The hospital.
    pub hospital: String,
}

/// A stable matching over explicit preferences.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StableAssignment {
    /// The pairs, in the residents' input order.
    pub pairs: Vec<StablePair>,
    /// Residents left without a hospital, in input order.
    pub unmatched_residents: Vec<String>,
}

impl PreferenceProblem {
    /// Checks the problem: every id known, no duplicates, capacities for every hospital. Every
    /// problem is reported with its path.
    pub fn validate(&self) -> Vec<Finding> {
        self.index().0
    }

    /// The findings, and the problem by index (hashing each id once; repeated entries are
    /// found with a stamp per entry instead of a set per list).
    fn index(&self) -> (Vec<Finding>, Preferences) {
        self.index_at(&|side, k, q| {
            FieldPath::root()
                .field(side)
                .index(k)
                .field("prefers")
                .index(q)
        })
    }

    /// As `index`, with `at(side, k, q)` the path of the `q`-th id the `k`-th ranking of
    /// `side` lists (a problem with ties lists its ids in groups: `prefers[g][m]`).
    pub(crate) fn index_at(
        &self,
        at: &dyn Fn(&str, usize, usize) -> FieldPath,
    ) -> (Vec<Finding>, Preferences) {
        let mut out = Vec::new();
        let root = FieldPath::root();
        let dup = |out: &mut Vec<Finding>, path: FieldPath, id: &str| {
            add(
                out,
                crate::validation_code::ValidationCode::DuplicateId,
                path,
                format!("'{id}' står der mere end én gang."),
                format!("'{id}' is listed more than once."),
            );
        };
        let unknown = |out: &mut Vec<Finding>, path: FieldPath, id: &str| {
            add(
                out,
                crate::validation_code::ValidationCode::DanglingReference,
                path,
                format!("'{id}' findes ikke på den anden side."),
                format!("'{id}' is not on the other side."),
            );
        };
        fn ids<'a>(
            side: &str,
            list: &'a [Ranking],
            out: &mut Vec<Finding>,
            dup: &dyn Fn(&mut Vec<Finding>, FieldPath, &str),
        ) -> HashMap<&'a str, u32> {
            let mut map: HashMap<&str, u32> = HashMap::with_capacity(list.len());
            for (k, r) in list.iter().enumerate() {
                if map.insert(r.id.as_str(), k as u32).is_some() {
                    dup(
                        out,
                        FieldPath::root().field(side).index(k).field("id"),
                        &r.id,
                    );
                }
            }
            map
        }
        let res = ids("residents", &self.residents, &mut out, &dup);
        let hos = ids("hospitals", &self.hospitals, &mut out, &dup);
        let lists = |side: &str, list: &[Ranking], other: &HashMap<&str, u32>, size: usize| {
            let mut stamp = vec![u32::MAX; size];
            let mut found = Vec::new();
            let indexed: Vec<Vec<u32>> = list
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    let mut l = Vec::with_capacity(r.prefers.len());
                    for (q, id) in r.prefers.iter().enumerate() {
                        match other.get(id.as_str()) {
                            None => unknown(&mut found, at(side, k, q), id),
                            Some(&x) if stamp[x as usize] == k as u32 => {
                                dup(&mut found, at(side, k, q), id)
                            }
                            Some(&x) => {
                                stamp[x as usize] = k as u32;
                                l.push(x);
                            }
                        }
                    }
                    l
                })
                .collect();
            (indexed, found)
        };
        let (newcomers, found) = lists("residents", &self.residents, &hos, self.hospitals.len());
        out.extend(found);
        let (offers, found) = lists("hospitals", &self.hospitals, &res, self.residents.len());
        out.extend(found);
        let mut capacities = vec![None; self.hospitals.len()];
        for (k, c) in self.capacities.iter().enumerate() {
            let p = root.field("capacities").index(k);
            match hos.get(c.id.as_str()) {
                None => unknown(&mut out, p.field("id"), &c.id),
                Some(&j) if capacities[j as usize].is_some() => dup(&mut out, p.field("id"), &c.id),
                Some(&j) => capacities[j as usize] = Some(c.capacity),
            }
        }
        for (k, h) in self.hospitals.iter().enumerate() {
            let j = hos.get(h.id.as_str()).copied().unwrap_or(k as u32) as usize;
            if capacities[j].is_none() {
                add(
                    &mut out,
                    MatchingCode::InvalidParameter,
                    root.field("hospitals").index(k).field("id"),
                    format!("'{}' har ingen kapacitet i capacities.", h.id),
                    format!("'{}' has no capacity in capacities.", h.id),
                );
            }
        }
        crate::finding::sort_findings(&mut out);
        let p = Preferences {
            newcomers,
            offers,
            capacities: capacities.into_iter().map(|c| c.unwrap_or(0)).collect(),
        };
        (out, p)
    }

    /// The stable matching optimal for `side`. A problem with errors is a `Validation` error
    /// with every finding.
    pub fn solve(&self, side: ProposingSide) -> Result<StableAssignment, BrobyggerError> {
        let (findings, p) = self.index();
        if !findings.is_empty() {
            return Err(BrobyggerError::validation(findings));
        }
        let a = stable(&p, side);
        let mut out = StableAssignment {
            pairs: Vec::new(),
            unmatched_residents: Vec::new(),
        };
        for (r, h) in self.residents.iter().zip(a) {
            match h.and_then(|h| self.hospitals.get(h as usize)) {
                Some(h) => out.pairs.push(StablePair {
                    resident: r.id.clone(),
                    hospital: h.id.clone(),
                }),
                None => out.unmatched_residents.push(r.id.clone()),
            }
        }
        Ok(out)
    }
}

/// A short bilingual description of a solver, for reports.
pub fn describe(solver: Solver) -> Text {
    use crate::i18n::{Label, Lang};
    Text::new(solver.label(Lang::Da), solver.label(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(lists: Vec<Vec<(u32, i64)>>, caps: Vec<u32>) -> Candidates {
        Candidates::from_lists(lists, caps)
    }

    /// What the Python binding indexes itself is solved directly only when the problem by id
    /// would have had no findings: anything else goes the way that reports them.
    #[test]
    fn well_formed_preferences_are_exactly_those_without_findings() {
        let p = |n: Vec<Vec<u32>>, o: Vec<Vec<u32>>, c: Vec<u32>| Preferences {
            newcomers: n,
            offers: o,
            capacities: c,
        };
        assert!(
            p(
                vec![vec![0, 1], vec![1]],
                vec![vec![1, 0], vec![0]],
                vec![1, 2]
            )
            .is_well_formed()
        );
        assert!(p(vec![], vec![], vec![]).is_well_formed());
        // A repeat within one list, an index past the other side, a capacity missing.
        assert!(!p(vec![vec![0, 0]], vec![vec![0]], vec![1]).is_well_formed());
        assert!(!p(vec![vec![0]], vec![vec![0, 0]], vec![1]).is_well_formed());
        assert!(!p(vec![vec![1]], vec![vec![0]], vec![1]).is_well_formed());
        assert!(!p(vec![vec![0]], vec![vec![u32::MAX]], vec![1]).is_well_formed());
        assert!(!p(vec![vec![0]], vec![vec![0]], vec![]).is_well_formed());
        // The same entry in two lists is no repeat.
        assert!(p(vec![vec![0], vec![0]], vec![vec![1, 0]], vec![2]).is_well_formed());
        let by_id = PreferenceProblem {
            residents: vec![Ranking {
                id: "r".into(),
                prefers: vec!["h".into()],
            }],
            hospitals: vec![Ranking {
                id: "h".into(),
                prefers: vec!["r".into()],
            }],
            capacities: vec![Places {
                id: "h".into(),
                capacity: 1,
            }],
        };
        let (findings, indexed) = by_id.index();
        assert!(findings.is_empty() && indexed.is_well_formed());
    }

    #[test]
    fn optimal_beats_greedy_where_greedy_is_myopic() {
        // Greedy takes (0,0)=10 and leaves newcomer 1 unmatched; optimal takes 9 + 8.
        let c = cands(vec![vec![(0, 10), (1, 9)], vec![(0, 8)]], vec![1, 1]);
        assert_eq!(greedy(&c, &[0, 0]), vec![Some(0), None]);
        assert_eq!(optimal(&c), vec![Some(1), Some(0)]);
    }

    #[test]
    fn optimal_respects_capacity_and_prefers_more_matches_on_ties() {
        let c = cands(
            vec![vec![(0, 5)], vec![(0, 5)], vec![(0, 0), (1, 0)]],
            vec![2, 1],
        );
        let a = optimal(&c);
        assert_eq!(a, vec![Some(0), Some(0), Some(1)]);
    }

    /// After the bidding phase the potentials are an exact dual certificate: every residual
    /// arc among the households placed (or settled unmatched) has a non-negative reduced cost,
    /// and every assigned pair is tight. This is what lets the shortest paths finish exactly.
    #[test]
    fn bidding_leaves_exact_dual_feasible_potentials() {
        let mut seed = 5u64;
        let mut next = move |k: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % k
        };
        for round in 0..300 {
            let n = 1 + next(80) as usize;
            let m = 1 + next(20) as usize;
            let spread = if round % 2 == 0 { 4 } else { 1_000 };
            let lists = (0..n)
                .map(|_| {
                    (0..next(8))
                        .map(|_| (next(m as u64) as u32, next(spread) as i64))
                        .collect()
                })
                .collect();
            let caps = (0..m).map(|_| next(4) as u32).collect();
            let c = cands(lists, caps);
            let mut f = Flow::new(&c);
            let left = f.bid(BID_ROUNDS, &Watch::default()).unwrap();
            let t = f.pot[n + m];
            let reduced = |from: Cost, cost: Cost, to: Cost| plus(cost, minus(from, to));
            for i in 0..n {
                if left.contains(&i) || c.of(i).0.is_empty() {
                    continue;
                }
                let (offers, scores) = c.of(i);
                for (&j, &sc) in offers.iter().zip(scores) {
                    let pj = f.pot[n + j as usize];
                    if f.matched[i] == Some(j) {
                        assert_eq!(reduced(pj, (sc, 1), f.pot[i]), ZERO, "tight");
                    } else {
                        assert!(reduced(f.pot[i], (-sc, -1), pj) >= ZERO, "round {round}");
                    }
                }
                match f.matched[i] {
                    Some(_) => assert!(f.pot[i] >= t),
                    None => assert!(f.pot[i] <= t),
                }
            }
            for j in 0..m {
                if f.load[j] < c.capacities[j] {
                    assert!(f.pot[n + j] >= t);
                }
                if f.load[j] > 0 {
                    assert!(f.pot[n + j] <= t);
                }
            }
        }
    }

    #[test]
    fn stable_both_sides_on_the_classic_example() {
        // Two residents, two hospitals with opposed preferences: each side gets its first choice
        // when it proposes.
        let p = Preferences {
            newcomers: vec![vec![0, 1], vec![1, 0]],
            offers: vec![vec![1, 0], vec![0, 1]],
            capacities: vec![1, 1],
        };
        let r = stable(&p, ProposingSide::Newcomers);
        let h = stable(&p, ProposingSide::Offers);
        assert_eq!(r, vec![Some(0), Some(1)]);
        assert_eq!(h, vec![Some(1), Some(0)]);
        assert!(blocking_pairs(&p, &r).is_empty());
        assert!(blocking_pairs(&p, &h).is_empty());
        assert_eq!(blocking_pairs(&p, &[None, None]).len(), 4);
    }

    #[test]
    fn preference_problems_report_every_bad_id() {
        let p = PreferenceProblem {
            residents: vec![Ranking {
                id: "r1".into(),
                prefers: vec!["h1".into(), "hx".into(), "h1".into()],
            }],
            hospitals: vec![Ranking {
                id: "h1".into(),
                prefers: vec!["r1".into(), "ry".into()],
            }],
            capacities: vec![],
        };
        let paths: Vec<String> = p.validate().iter().map(|f| f.path.to_string()).collect();
        assert_eq!(
            paths,
            vec![
                "hospitals[0].id",
                "hospitals[0].prefers[1]",
                "residents[0].prefers[1]",
                "residents[0].prefers[2]"
            ]
        );
        assert!(p.solve(ProposingSide::Newcomers).is_err());
    }
}
