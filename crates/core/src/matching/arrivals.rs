//! Arrivals over time: households arrive week by week and are matched in weekly batches, each
//! place of an offer taken for good. A [`BatchPolicy`] decides what each week's batch does; the
//! hindsight optimum (every household of the year known at once, [`hindsight`]) is the
//! yardstick, and [`ArrivalOutcome`] says how close a policy came, how long households waited
//! and how evenly the placements spread over the weeks.
//!
//! The greedy policy matches every waiting household it can, optimally within the week: early
//! arrivals take the places later ones would have fitted better. The forecast policy holds a
//! little capacity back for expected arrivals: each week it prices every offer's place by what
//! the arrivals it expects for the weeks left (a forecast, e.g. last year's stream) would give
//! for it, and a waiting household takes a place only for more than that price (a bid-price
//! control, as airlines use for seats). A household that has waited `max_wait_weeks`
//! is matched whatever the forecast says, so holding back never strands anyone for long.
//!
//! The bid-price policy prices places better: a place's price is its opportunity cost, what
//! the households expected in the weeks left lose in their optimum when the offer has one place
//! fewer (the marginal value of the place, which accounts for the expected households' other
//! offers), averaged over several sampled futures. It knows the offers (a coordinator does)
//! and how households arrive, not which ones will.
//!
//! The consensus and regret policies plan instead of pricing: each week the waiting households
//! are planned together with each sampled future's households. Consensus lets a household take
//! now the offer most plans give it. Regret weighs each pair the plans make by what fixing it
//! now loses, on average, against the plans (a wrong guess about the future costs that much),
//! and holds a household back only when every pair loses more than a wait is worth
//! (`wait_cost`): the one knob trades quality against waiting, since a policy that waits for
//! everyone until the year's end is the hindsight optimum (ADR 0070).
//!
//! [`simulate_stream`] makes streams from a fixed seed, for the benchmarks and the tests;
//! [`sample_arrivals`] draws other years of households for the same offers (a forecast).

use crate::error::BrobyggerError;
use crate::matching::candidates::Candidates;
use crate::matching::solve::optimal;
use crate::progress::{Progress, Stage, Watch};

/// One household of a stream: the week it arrives (0-based) and its candidate offers with the
/// pair's score (integer points, as the solvers take them; pairs failing a hard rule are left
/// out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// The week it arrives.
    pub week: u32,
    /// `(offer index, score)` for each offer it may have.
    pub candidates: Vec<(u32, i64)>,
}

/// A year (or any number of weeks) of arrivals and the places of the offers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArrivalStream {
    /// How many weekly batches there are.
    pub weeks: u32,
    /// Places per offer over the whole period.
    pub capacities: Vec<u32>,
    /// The households, in any order.
    pub households: Vec<Arrival>,
}

/// What each week's batch does.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchPolicy {
    /// Every waiting household matched if it can be, optimally within the week.
    Greedy,
    /// Capacity held back for expected arrivals: each week every offer's place is priced by
    /// the forecast's households of the weeks left (what they would give for its last free
    /// place, times `discount`: 0 to 1; 0 is greedy), and a waiting household takes a place
    /// only for more than its price. A household waiting `max_wait_weeks` or more is matched
    /// before the prices are looked at.
    Forecast {
        /// Expected arrivals: households with the week they are expected.
        expected: Vec<Arrival>,
        /// How much an expected household's score counts against a real one's.
        discount: f64,
        /// Longest wait before a household is matched regardless of the forecast.
        max_wait_weeks: u32,
    },
    /// Capacity held back by bid prices: each week every offer's place is priced by its
    /// opportunity cost in each sampled future (what that sample's households of the weeks
    /// left lose in their optimum when the offer has one place fewer), averaged over the
    /// samples and times `discount` (0 to 1; 0 is greedy); a waiting household takes a place
    /// only for more than its price. A household waiting `max_wait_weeks` or more is matched
    /// before the prices are looked at.
    BidPrices {
        /// Sampled futures: each a list of households with the week they are expected.
        samples: Vec<Vec<Arrival>>,
        /// How much an expected household's loss counts against a real one's score.
        discount: f64,
        /// Longest wait before a household is matched regardless of the prices.
        max_wait_weeks: u32,
    },
    /// Decisions by consensus over sampled futures: each week the waiting households are
    /// planned together with each sample's households of the weeks left, optimally, under the
    /// places left; a waiting household takes, now, the offer its plans give it most often,
    /// when more plans give it that offer than leave it for later; otherwise it waits. The
    /// week's batch is then solved optimally over those choices. A household waiting
    /// `max_wait_weeks` or more is matched first, with no plan looked at.
    Consensus {
        /// Sampled futures: each a list of households with the week they are expected.
        samples: Vec<Vec<Arrival>>,
        /// Longest wait before a household is matched regardless of the plans.
        max_wait_weeks: u32,
    },
    /// Decisions by expected regret over sampled futures: each week the waiting households are
    /// planned together with each sample's households of the weeks left, optimally, under the
    /// places left, and for every waiting household and offer the plan is solved again with
    /// that pair fixed now. The pair's regret is what fixing it loses against the plan,
    /// averaged over the samples; a household may take, now, an offer whose regret is at most
    /// `wait_cost`, and waits when every offer's is larger. The week's batch is then solved
    /// optimally over the allowed pairs, each worth its score less its regret. A household
    /// waiting `max_wait_weeks` or more is matched first, with no plan looked at.
    Regret {
        /// Sampled futures: each a list of households with the week they are expected.
        samples: Vec<Vec<Arrival>>,
        /// How much a week's wait must be expected to gain (in score points, averaged over
        /// the samples) before a household is held back: 0 holds back whenever a plan loses
        /// anything; larger values hold back only for clearer gains.
        wait_cost: i64,
        /// Longest wait before a household is matched regardless of the plans.
        max_wait_weeks: u32,
    },
}

/// How a stream went under a policy (or in hindsight).
#[derive(Debug, Clone, PartialEq)]
pub struct ArrivalOutcome {
    /// Each household's offer, if matched, in the stream's order.
    pub assignment: Vec<Option<u32>>,
    /// The week each household was matched in, if matched.
    pub matched_week: Vec<Option<u32>>,
    /// The total score of the matches.
    pub total_score: i64,
    /// How many households were matched.
    pub matched: u32,
    /// Placements per week.
    pub placements_per_week: Vec<u32>,
    /// Mean weeks between arrival and match, over the matched households.
    pub mean_wait_weeks: f64,
}

impl ArrivalOutcome {
    /// This outcome's total score as a share of `best`'s (1 when `best` scores nothing).
    pub fn ratio_to(&self, best: &ArrivalOutcome) -> f64 {
        if best.total_score <= 0 {
            1.0
        } else {
            self.total_score as f64 / best.total_score as f64
        }
    }

    /// How evenly the placements spread over the weeks: the coefficient of variation of the
    /// weekly placements (0 when every week places as many; larger is lumpier).
    pub fn spread(&self) -> f64 {
        let n = self.placements_per_week.len();
        if n == 0 {
            return 0.0;
        }
        let mean = self
            .placements_per_week
            .iter()
            .map(|&p| f64::from(p))
            .sum::<f64>()
            / n as f64;
        if mean == 0.0 {
            return 0.0;
        }
        let var = self
            .placements_per_week
            .iter()
            .map(|&p| (f64::from(p) - mean).powi(2))
            .sum::<f64>()
            / n as f64;
        var.sqrt() / mean
    }

    /// The share of all placements made in the first `weeks` weeks.
    pub fn share_placed_by(&self, weeks: usize) -> f64 {
        let total: u32 = self.placements_per_week.iter().sum();
        if total == 0 {
            return 0.0;
        }
        let early: u32 = self.placements_per_week.iter().take(weeks).sum();
        f64::from(early) / f64::from(total)
    }

    fn from(
        stream: &ArrivalStream,
        assignment: Vec<Option<u32>>,
        matched_week: Vec<Option<u32>>,
    ) -> Self {
        let mut total = 0i64;
        let mut per_week = vec![0u32; stream.weeks as usize];
        let mut waited = 0u64;
        let mut matched = 0u32;
        for (i, (a, w)) in assignment.iter().zip(&matched_week).enumerate() {
            if let (Some(j), Some(w)) = (a, w) {
                let h = &stream.households[i];
                total = total.saturating_add(
                    h.candidates
                        .iter()
                        .find(|(o, _)| o == j)
                        .map_or(0, |(_, s)| *s),
                );
                if let Some(slot) = per_week.get_mut(*w as usize) {
                    *slot = slot.saturating_add(1);
                }
                waited = waited.saturating_add(u64::from(w.saturating_sub(h.week)));
                matched = matched.saturating_add(1);
            }
        }
        let mean_wait_weeks = if matched == 0 {
            0.0
        } else {
            waited as f64 / f64::from(matched)
        };
        ArrivalOutcome {
            assignment,
            matched_week,
            total_score: total,
            matched,
            placements_per_week: per_week,
            mean_wait_weeks,
        }
    }
}

/// The hindsight optimum: every household of the stream matched at once (as if all had arrived
/// in the first week), the largest total score the places allow. No policy that learns of
/// households only when they arrive can do better. Households count as matched in the week
/// they arrive.
pub fn hindsight(stream: &ArrivalStream) -> ArrivalOutcome {
    let lists = stream
        .households
        .iter()
        .map(|h| h.candidates.clone())
        .collect();
    let assignment = optimal(&Candidates::from_lists(lists, stream.capacities.clone()));
    let weeks = assignment
        .iter()
        .zip(&stream.households)
        .map(|(a, h)| a.map(|_| h.week))
        .collect();
    ArrivalOutcome::from(stream, assignment, weeks)
}

/// Runs the stream week by week under `policy`. Households of a week join the waiting list
/// that week; a matched household leaves it and its place is taken for good.
pub fn simulate(stream: &ArrivalStream, policy: &BatchPolicy) -> ArrivalOutcome {
    // The default watch never cancels, so there is no error to lose.
    simulate_watched(stream, policy, &Watch::default())
        .unwrap_or_else(|_| ArrivalOutcome::from(stream, Vec::new(), Vec::new()))
}

/// [`simulate`] under `watch`: progress counts the weeks simulated, and the simulation stops
/// with `Cancelled` (`work.cancelled`) at the next week once the watch is cancelled.
pub fn simulate_watched(
    stream: &ArrivalStream,
    policy: &BatchPolicy,
    watch: &Watch,
) -> Result<ArrivalOutcome, BrobyggerError> {
    let n = stream.households.len();
    let mut left = stream.capacities.clone();
    let mut assignment: Vec<Option<u32>> = vec![None; n];
    let mut matched_week: Vec<Option<u32>> = vec![None; n];
    let weeks = u64::from(stream.weeks);
    watch.start(Stage::Simulate, weeks)?;
    for week in 0..stream.weeks {
        // A week is the unit: each solves a batch, and a forecast policy many.
        watch.report(Progress {
            stage: Stage::Simulate,
            done: u64::from(week),
            total: weeks,
        })?;
        let waiting: Vec<usize> = (0..n)
            .filter(|&i| assignment[i].is_none() && stream.households[i].week <= week)
            .collect();
        if waiting.is_empty() {
            continue;
        }
        let chosen = match policy {
            BatchPolicy::Greedy => batch(stream, &waiting, &left, &[]),
            BatchPolicy::Forecast { max_wait_weeks, .. }
            | BatchPolicy::BidPrices { max_wait_weeks, .. }
            | BatchPolicy::Consensus { max_wait_weeks, .. }
            | BatchPolicy::Regret { max_wait_weeks, .. } => {
                // The long waiting first, with no prices: they are not held back again.
                let overdue: Vec<usize> = waiting
                    .iter()
                    .copied()
                    .filter(|&i| week.saturating_sub(stream.households[i].week) >= *max_wait_weeks)
                    .collect();
                let mut chosen = batch(stream, &overdue, &left, &[]);
                let mut rest_left = left.clone();
                for (_, j) in &chosen {
                    if let Some(l) = rest_left.get_mut(*j as usize) {
                        *l = l.saturating_sub(1);
                    }
                }
                let others: Vec<usize> = waiting
                    .iter()
                    .copied()
                    .filter(|i| !overdue.contains(i))
                    .collect();
                if !others.is_empty() {
                    chosen.extend(match policy {
                        BatchPolicy::Consensus { samples, .. } => {
                            consensus(stream, &others, &rest_left, samples, week)
                        }
                        BatchPolicy::Regret {
                            samples, wait_cost, ..
                        } => regret(stream, &others, &rest_left, samples, week, *wait_cost),
                        _ => {
                            let price = prices(policy, week, &rest_left);
                            batch(stream, &others, &rest_left, &price)
                        }
                    });
                }
                chosen
            }
        };
        for (i, j) in chosen {
            if let Some(l) = left.get_mut(j as usize)
                && *l > 0
            {
                *l -= 1;
                assignment[i] = Some(j);
                matched_week[i] = Some(week);
            }
        }
    }
    watch.finish(Stage::Simulate, weeks)?;
    Ok(ArrivalOutcome::from(stream, assignment, matched_week))
}

/// Each offer's price for one of its places `left` in `week` under `policy` (none for greedy).
fn prices(policy: &BatchPolicy, week: u32, left: &[u32]) -> Vec<i64> {
    let clamp = |d: f64| {
        if d.is_finite() {
            d.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    match policy {
        BatchPolicy::Greedy | BatchPolicy::Consensus { .. } | BatchPolicy::Regret { .. } => {
            Vec::new()
        }
        BatchPolicy::Forecast {
            expected, discount, ..
        } => {
            let d = clamp(*discount);
            let future: Vec<&Arrival> = expected.iter().filter(|a| a.week > week).collect();
            if d == 0.0 || future.is_empty() {
                return Vec::new();
            }
            last_place_scores(&future, left)
                .into_iter()
                .map(|p| (p as f64 * d).floor() as i64)
                .collect()
        }
        BatchPolicy::BidPrices {
            samples, discount, ..
        } => {
            let d = clamp(*discount);
            if d == 0.0 || samples.is_empty() {
                return Vec::new();
            }
            let mut sum = vec![0i64; left.len()];
            for sample in samples {
                let future: Vec<&Arrival> = sample.iter().filter(|a| a.week > week).collect();
                for (s, c) in sum.iter_mut().zip(opportunity_costs(&future, left)) {
                    *s = s.saturating_add(c);
                }
            }
            let n = samples.len() as f64;
            sum.into_iter()
                .map(|s| (s as f64 / n * d).floor() as i64)
                .collect()
        }
    }
}

/// The forecast policy's price: what the `future` households would give for each offer's last
/// free place in their own optimum (the lowest score among those it would take; 0 when the
/// forecast leaves a place free).
fn last_place_scores(future: &[&Arrival], left: &[u32]) -> Vec<i64> {
    let lists: Vec<Vec<(u32, i64)>> = future.iter().map(|f| f.candidates.clone()).collect();
    let solved = optimal(&Candidates::from_lists(lists.clone(), left.to_vec()));
    let mut taken = vec![0u32; left.len()];
    let mut lowest = vec![i64::MAX; left.len()];
    for (list, a) in lists.iter().zip(solved) {
        if let Some(j) = a
            && let Some(&(_, s)) = list.iter().find(|(o, _)| *o == j)
        {
            let k = j as usize;
            taken[k] = taken[k].saturating_add(1);
            lowest[k] = lowest[k].min(s);
        }
    }
    (0..left.len())
        .map(|k| {
            if taken[k] >= left[k] && left[k] > 0 {
                lowest[k]
            } else {
                0
            }
        })
        .collect()
}

/// The total score of an assignment of `lists`.
fn total(lists: &[Vec<(u32, i64)>], assignment: &[Option<u32>]) -> i64 {
    lists
        .iter()
        .zip(assignment)
        .filter_map(|(l, a)| a.and_then(|j| l.iter().find(|(o, _)| *o == j)).map(|p| p.1))
        .fold(0i64, i64::saturating_add)
}

/// Each offer's opportunity cost for one place: how much the `future` households' optimum
/// under the places `left` loses when the offer has one place fewer (0 for an offer the
/// optimum leaves a place free in: one place fewer costs nothing).
fn opportunity_costs(future: &[&Arrival], left: &[u32]) -> Vec<i64> {
    let mut cost = vec![0i64; left.len()];
    if future.is_empty() {
        return cost;
    }
    let lists: Vec<Vec<(u32, i64)>> = future.iter().map(|f| f.candidates.clone()).collect();
    let solved = optimal(&Candidates::from_lists(lists.clone(), left.to_vec()));
    let base = total(&lists, &solved);
    let mut taken = vec![0u32; left.len()];
    for j in solved.iter().flatten() {
        if let Some(t) = taken.get_mut(*j as usize) {
            *t = t.saturating_add(1);
        }
    }
    for (k, c) in cost.iter_mut().enumerate() {
        if left[k] == 0 || taken[k] < left[k] {
            continue;
        }
        let mut fewer = left.to_vec();
        fewer[k] -= 1;
        let without = optimal(&Candidates::from_lists(lists.clone(), fewer));
        *c = base.saturating_sub(total(&lists, &without)).max(0);
    }
    cost
}

/// The optimal matches of the `waiting` households with the places `left`, as
/// `(household, offer)`. With prices (one per offer; empty for none), a waiting household takes
/// a place only for a score not below its price, and the week's optimum is over the scores less
/// the prices.
fn batch(
    stream: &ArrivalStream,
    waiting: &[usize],
    left: &[u32],
    price: &[i64],
) -> Vec<(usize, u32)> {
    if waiting.is_empty() {
        return Vec::new();
    }
    let lists: Vec<Vec<(u32, i64)>> = waiting
        .iter()
        .map(|&i| {
            stream.households[i]
                .candidates
                .iter()
                .filter_map(|&(j, s)| {
                    let reduced = s.saturating_sub(price.get(j as usize).copied().unwrap_or(0));
                    // Rounded in the household's favour: a tie goes to the one who is here.
                    (reduced >= 0).then_some((j, reduced.saturating_add(1)))
                })
                .collect()
        })
        .collect();
    let solved = optimal(&Candidates::from_lists(lists, left.to_vec()));
    waiting
        .iter()
        .zip(solved)
        .filter_map(|(&i, a)| a.map(|j| (i, j)))
        .collect()
}

/// The consensus policy's week: the `waiting` households' choices, as `(household, offer)`.
/// Each sample's plan is the optimum of the waiting households together with the sample's
/// households of the weeks left, under the places `left`. A household's vote for an offer is
/// the number of plans that give it that offer; it takes its most voted offer now when that
/// offer has more votes than the plans that leave it waiting (ties go to the better score),
/// and the week's batch is the optimum over the votes (then the scores) of those choices.
fn consensus(
    stream: &ArrivalStream,
    waiting: &[usize],
    left: &[u32],
    samples: &[Vec<Arrival>],
    week: u32,
) -> Vec<(usize, u32)> {
    if samples.is_empty() {
        return batch(stream, waiting, left, &[]);
    }
    let offers = left.len();
    // votes[w * offers + j]: plans that give waiting household w offer j.
    let mut votes = vec![0u32; waiting.len().saturating_mul(offers)];
    let own: Vec<Vec<(u32, i64)>> = waiting
        .iter()
        .map(|&i| stream.households[i].candidates.clone())
        .collect();
    for sample in samples {
        let mut lists = own.clone();
        lists.extend(
            sample
                .iter()
                .filter(|a| a.week > week)
                .map(|a| a.candidates.clone()),
        );
        let plan = optimal(&Candidates::from_lists(lists, left.to_vec()));
        for (w, a) in plan.iter().take(waiting.len()).enumerate() {
            if let Some(j) = a
                && let Some(v) = votes.get_mut(w * offers + *j as usize)
            {
                *v = v.saturating_add(1);
            }
        }
    }
    let plans = u32::try_from(samples.len()).unwrap_or(u32::MAX);
    let lists: Vec<Vec<(u32, i64)>> = own
        .iter()
        .enumerate()
        .map(|(w, list)| {
            let row = &votes[w * offers..(w + 1) * offers];
            let given: u32 = row.iter().sum();
            let waits = plans.saturating_sub(given);
            let best = list
                .iter()
                .filter(|(j, _)| row.get(*j as usize).is_some_and(|&v| v > 0))
                .max_by_key(|(j, s)| (row[*j as usize], *s));
            match best {
                Some(&(j, s)) if row[j as usize] > waits => {
                    // Votes first, the score only between equal votes.
                    let weight = i64::from(row[j as usize])
                        .saturating_mul(1_000_000)
                        .saturating_add(s);
                    vec![(j, weight)]
                }
                _ => Vec::new(),
            }
        })
        .collect();
    let solved = optimal(&Candidates::from_lists(lists, left.to_vec()));
    waiting
        .iter()
        .zip(solved)
        .filter_map(|(&i, a)| a.map(|j| (i, j)))
        .collect()
}

/// A sample's plan: the candidate lists planned (the waiting households first) and their
/// assignment.
type Plan = (Vec<Vec<(u32, i64)>>, Vec<Option<u32>>);

/// The regret policy's week: the `waiting` households' choices, as `(household, offer)`.
/// Each sample's plan is the optimum of the waiting households together with the sample's
/// households of the weeks left, under the places `left`; a pair's regret in that sample is
/// the plan's total less the best total with the pair fixed (its score plus the optimum of the
/// others under one place fewer of the offer), 0 for a pair the plan makes. Only the pairs
/// some plan makes are weighed (an offer no plan gives a household is not its best now). A pair
/// whose mean regret is at most `wait_cost` may be made now, and the week's batch is the
/// optimum over those pairs, each worth its score less its mean regret.
fn regret(
    stream: &ArrivalStream,
    waiting: &[usize],
    left: &[u32],
    samples: &[Vec<Arrival>],
    week: u32,
    wait_cost: i64,
) -> Vec<(usize, u32)> {
    if samples.is_empty() {
        return batch(stream, waiting, left, &[]);
    }
    let own: Vec<Vec<(u32, i64)>> = waiting
        .iter()
        .map(|&i| stream.households[i].candidates.clone())
        .collect();
    let plans: Vec<Plan> = samples
        .iter()
        .map(|sample| {
            let mut lists = own.clone();
            lists.extend(
                sample
                    .iter()
                    .filter(|a| a.week > week)
                    .map(|a| a.candidates.clone()),
            );
            let plan = optimal(&Candidates::from_lists(lists.clone(), left.to_vec()));
            (lists, plan)
        })
        .collect();
    // weighed[w][c]: some plan gives waiting household w its c-th candidate.
    let weighed: Vec<Vec<bool>> = own
        .iter()
        .enumerate()
        .map(|(w, list)| {
            list.iter()
                .map(|(j, _)| plans.iter().any(|(_, plan)| plan.get(w) == Some(&Some(*j))))
                .collect()
        })
        .collect();
    // loss[w][c]: the regret of that pair summed over the samples (the mean is compared as a
    // sum, so nothing is rounded).
    let mut loss: Vec<Vec<i64>> = own.iter().map(|l| vec![0; l.len()]).collect();
    for (lists, plan) in &plans {
        let base = total(lists, plan);
        for (w, list) in own.iter().enumerate() {
            for (c, &(j, s)) in list.iter().enumerate() {
                if !weighed[w][c] || plan.get(w).copied().flatten() == Some(j) {
                    continue;
                }
                let mut fewer = left.to_vec();
                if let Some(l) = fewer.get_mut(j as usize) {
                    *l = l.saturating_sub(1);
                }
                let mut rest = lists.clone();
                rest[w] = Vec::new();
                let others = optimal(&Candidates::from_lists(rest.clone(), fewer));
                let fixed = total(&rest, &others).saturating_add(s);
                loss[w][c] = loss[w][c].saturating_add(base.saturating_sub(fixed).max(0));
            }
        }
    }
    let n = i64::try_from(samples.len()).unwrap_or(i64::MAX);
    let allowed = wait_cost.max(0).saturating_mul(n);
    let lists: Vec<Vec<(u32, i64)>> = own
        .iter()
        .zip(loss.iter().zip(&weighed))
        .map(|(list, (loss, weighed))| {
            list.iter()
                .zip(loss.iter().zip(weighed))
                .filter(|&(_, (&l, &weighed))| weighed && l <= allowed)
                // Worth its score less its regret (both times the samples), and more than
                // nothing: an allowed pair is made when the places allow.
                .map(|(&(j, s), (&l, _))| {
                    let worth = s.saturating_mul(n).saturating_sub(l).max(0);
                    (j, worth.saturating_add(1))
                })
                .collect()
        })
        .collect();
    let solved = optimal(&Candidates::from_lists(lists, left.to_vec()));
    waiting
        .iter()
        .zip(solved)
        .filter_map(|(&i, a)| a.map(|j| (i, j)))
        .collect()
}

/// How [`simulate_stream`] makes a stream.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StreamOptions {
    /// Weeks in the stream.
    pub weeks: u32,
    /// Offers.
    pub offers: u32,
    /// Places per offer (each offer gets 1 to twice this many, evenly at random).
    pub places_per_offer: u32,
    /// Mean arrivals per week.
    pub arrivals_per_week: f64,
    /// Languages: a household speaks one, the `k`-th (from 0) with weight `1 / (k + 1)`, so
    /// the first is common and the last rare; an offer speaks one, drawn the same way, and a
    /// second, drawn evenly, half the time. The common-language hard rule decides the
    /// candidates.
    pub languages: u32,
    /// At most this many of the offers that speak a household's language are within its reach
    /// (its candidates).
    pub candidates_per_household: u32,
    /// How much arrivals swing over the year: 0 is even, 0.5 means half as many in the
    /// quietest week as in the mean and half again in the busiest (a yearly wave).
    pub seasonality: f64,
}

impl Default for StreamOptions {
    fn default() -> Self {
        Self {
            weeks: 52,
            offers: 60,
            places_per_offer: 2,
            arrivals_per_week: 3.0,
            languages: 6,
            candidates_per_household: 8,
            seasonality: 0.5,
        }
    }
}

/// A small deterministic generator (splitmix64): the same seed gives the same stream on every
/// machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// A stream of arrivals from `seed`: households arrive week by week (a Poisson number each
/// week, following a yearly wave of `seasonality`), each speaking one language (some common,
/// some rare) and reaching up to `candidates_per_household` of the offers that speak it; a
/// pair's score mixes the offer's general quality with the pair's fit, so some places are
/// wanted by many. The same seed and options give the same stream.
pub fn simulate_stream(seed: u64, options: StreamOptions) -> ArrivalStream {
    let mut rng = SplitMix(seed ^ 0x5EED_0F00_B80B_7663);
    let offers = Offers::new(&mut rng, options);
    let households = offers.households(&mut rng, options);
    ArrivalStream {
        weeks: options.weeks.max(1),
        capacities: offers.capacities,
        households,
    }
}

/// Another year of households for the offers of `simulate_stream(seed, options)`, drawn from
/// `sample`: the same offers, places and languages, and households arriving as the stream's do
/// (the same wave, languages and reach), but other ones. A forecast for the bid-price policy:
/// a coordinator knows the offers and how many arrive when, not who.
pub fn sample_arrivals(seed: u64, options: StreamOptions, sample: u64) -> Vec<Arrival> {
    let mut rng = SplitMix(seed ^ 0x5EED_0F00_B80B_7663);
    let offers = Offers::new(&mut rng, options);
    let mut rng = SplitMix(sample ^ 0xF0CA_57ED_0A77_1A15);
    offers.households(&mut rng, options)
}

/// The offers of a stream: places, general quality and languages.
struct Offers {
    capacities: Vec<u32>,
    quality: Vec<f64>,
    speaks: Vec<Vec<u32>>,
    weights: Vec<f64>,
}

impl Offers {
    fn new(rng: &mut SplitMix, options: StreamOptions) -> Self {
        let offers = options.offers.max(1);
        let languages = options.languages.max(1);
        let weights: Vec<f64> = (0..languages).map(|k| 1.0 / f64::from(k + 1)).collect();
        let capacities: Vec<u32> = (0..offers)
            .map(|_| 1 + rng.below(u64::from(options.places_per_offer.max(1)) * 2) as u32)
            .collect();
        // Each offer's general quality (some offers suit almost everyone) and its languages.
        let quality: Vec<f64> = (0..offers).map(|_| rng.unit()).collect();
        let mut offers_ = Offers {
            capacities,
            quality,
            speaks: Vec::new(),
            weights,
        };
        offers_.speaks = (0..offers)
            .map(|_| {
                let mut l = vec![offers_.language(rng)];
                if rng.unit() < 0.5 {
                    let second = rng.below(u64::from(languages)) as u32;
                    if !l.contains(&second) {
                        l.push(second);
                    }
                }
                l
            })
            .collect();
        offers_
    }

    /// A language drawn by the weights: the first common, the last rare.
    fn language(&self, rng: &mut SplitMix) -> u32 {
        let total: f64 = self.weights.iter().sum();
        let mut x = rng.unit() * total;
        for (k, w) in self.weights.iter().enumerate() {
            if x < *w {
                return k as u32;
            }
            x -= w;
        }
        (self.weights.len() as u32).saturating_sub(1)
    }

    fn households(&self, rng: &mut SplitMix, options: StreamOptions) -> Vec<Arrival> {
        let offers = self.capacities.len() as u32;
        let mut households = Vec::new();
        let weeks = options.weeks.max(1);
        for week in 0..weeks {
            let phase = std::f64::consts::TAU * f64::from(week) / f64::from(weeks);
            let lambda =
                (options.arrivals_per_week * (1.0 + options.seasonality * phase.sin())).max(0.0);
            // Poisson by Knuth's method (lambda is small).
            let limit = (-lambda).exp();
            let mut k = 0u32;
            let mut p = rng.unit();
            while p > limit && k < 10_000 {
                k += 1;
                p *= rng.unit();
            }
            for _ in 0..k {
                let own = self.language(rng);
                let mut reachable: Vec<u32> = (0..offers)
                    .filter(|&j| self.speaks[j as usize].contains(&own))
                    .collect();
                // A random few of them are within reach.
                let mut candidates = Vec::new();
                while !reachable.is_empty()
                    && candidates.len() < options.candidates_per_household as usize
                {
                    let j = reachable.swap_remove(rng.below(reachable.len() as u64) as usize);
                    let fit = rng.unit();
                    let score =
                        (1000.0 * (0.5 * self.quality[j as usize] + 0.5 * fit)).round() as i64;
                    candidates.push((j, score.max(1)));
                }
                households.push(Arrival { week, candidates });
            }
        }
        households
    }
}
