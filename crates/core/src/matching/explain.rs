//! Alternatives and why-not, computed from a run's own candidates and assignment (so the same
//! consent gate, history and seats apply): each household's next best offers with the score
//! gap, and for a pair asked about, the first thing that kept it apart: a side not in the run,
//! a hard rule, the history, seats, no free place, or, for a candidate pair, by how much the
//! chosen assignment beats the best the solver finds with the pair fixed.

use crate::error::BrobyggerError;
use crate::i18n::plural::{n as count, pick};
use crate::i18n::{Lang, Text, number, t};
use crate::matching::candidates::{Candidates, Exclusion, Prepared, RunContext, SCORE_SCALE};
use crate::matching::model::explain::{
    AlternativeOffer, Alternatives, PairQuery, PairSide, WhyNot, WhyNotReason,
};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::Solver;
use crate::matching::structure::seats_fit;

/// A score as the run reports it: a preferred previous partner's bonus left out.
fn reported(ctx: &RunContext, n: &Newcomer, o: &Offer, s: i64) -> i64 {
    if ctx.bonus.is_empty() {
        return s;
    }
    s - ctx
        .bonus
        .get(&(n.id.clone(), o.id.clone()))
        .copied()
        .unwrap_or(0)
}

/// Each household's `k` next best candidate offers, best first (ties by offer order).
pub(crate) fn alternatives(
    newcomers: &[Newcomer],
    offers: &[Offer],
    c: &Candidates,
    assignment: &[Option<u32>],
    k: u32,
    ctx: &RunContext,
) -> Vec<Alternatives> {
    let mut used = vec![0u32; c.offers()];
    for j in assignment.iter().flatten() {
        if let Some(u) = used.get_mut(*j as usize) {
            *u = u.saturating_add(1);
        }
    }
    let k = k as usize;
    newcomers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mine = assignment.get(i).copied().flatten();
            let (js, ss) = c.of(i);
            let score_of =
                |j: u32, s: i64| offers.get(j as usize).map_or(s, |o| reported(ctx, n, o, s));
            let own = mine.and_then(|m| c.score(i, m).map(|s| score_of(m, s)));
            let mut list: Vec<(i64, u32)> = js
                .iter()
                .zip(ss)
                .filter(|(j, _)| Some(**j) != mine)
                .map(|(&j, &s)| (score_of(j, s), j))
                .collect();
            let take = k.min(list.len());
            if take < list.len() && take > 0 {
                list.select_nth_unstable_by(take - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            }
            list.truncate(take);
            list.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            Alternatives {
                newcomer: n.id.clone(),
                matched: mine
                    .and_then(|m| offers.get(m as usize))
                    .map(|o| o.id.clone()),
                offers: list
                    .into_iter()
                    .filter_map(|(s, j)| {
                        let o = offers.get(j as usize)?;
                        Some(AlternativeOffer {
                            offer: o.id.clone(),
                            score: s as f64 / SCORE_SCALE,
                            gap: own.map(|own| (own - s) as f64 / SCORE_SCALE),
                            full: used.get(j as usize).copied().unwrap_or(0)
                                >= c.capacities.get(j as usize).copied().unwrap_or(0),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Solves candidates the way the run did (its solver, seats and quotas).
pub(crate) type SolveFn<'a> = &'a dyn Fn(&Candidates) -> Result<Vec<Option<u32>>, BrobyggerError>;

/// What the solver of the run needs to answer a why-not: solving other candidates the same way.
pub(crate) struct Resolve<'a> {
    pub solver: Solver,
    pub solve: SolveFn<'a>,
}

/// Why the pair of `q` was not matched in the run.
#[allow(clippy::too_many_arguments)]
pub(crate) fn why_not(
    rules: &RuleSet,
    p: &Prepared,
    newcomers: &[Newcomer],
    offers: &[Offer],
    c: &Candidates,
    assignment: &[Option<u32>],
    ctx: &RunContext,
    resolve: &Resolve<'_>,
    q: &PairQuery,
) -> WhyNot {
    let reason = reason(rules, p, newcomers, offers, c, assignment, ctx, resolve, q);
    let text = Text::new(sentence(&reason, Lang::Da), sentence(&reason, Lang::En));
    WhyNot {
        newcomer: q.newcomer.clone(),
        offer: q.offer.clone(),
        reason,
        text,
    }
}

#[allow(clippy::too_many_arguments)]
fn reason(
    rules: &RuleSet,
    p: &Prepared,
    newcomers: &[Newcomer],
    offers: &[Offer],
    c: &Candidates,
    assignment: &[Option<u32>],
    ctx: &RunContext,
    resolve: &Resolve<'_>,
    q: &PairQuery,
) -> WhyNotReason {
    let Some(i) = newcomers.iter().position(|n| n.id == q.newcomer) else {
        return WhyNotReason::NotInRun {
            side: PairSide::Household,
        };
    };
    let Some(j) = offers.iter().position(|o| o.id == q.offer) else {
        return WhyNotReason::NotInRun {
            side: PairSide::Offer,
        };
    };
    let (n, o) = (&newcomers[i], &offers[j]);
    let mine = assignment.get(i).copied().flatten();
    if mine == Some(j as u32) {
        return WhyNotReason::Matched;
    }
    let Some(score) = c.score(i, j as u32) else {
        let failing: Vec<_> = rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.strength.is_hard())
            .filter(|(r, _)| {
                let e = p.eval(*r, i, j);
                e.applicable && !e.pass
            })
            .map(|(_, r)| r.id.clone())
            .collect();
        if !failing.is_empty() {
            return WhyNotReason::HardRules { rules: failing };
        }
        return match ctx.excluded.get(&(n.id.clone(), o.id.clone())) {
            Some(Exclusion::Declined) => WhyNotReason::DeclinedBefore,
            Some(Exclusion::Together) => WhyNotReason::Together,
            Some(Exclusion::Seats) => WhyNotReason::Seats,
            None if !seats_fit(n, o) => WhyNotReason::Seats,
            None => WhyNotReason::NoFreePlace,
        };
    };
    if c.capacities.get(j).copied().unwrap_or(0) == 0 {
        return WhyNotReason::NoFreePlace;
    }
    let total = |a: &[Option<u32>]| -> i64 {
        a.iter()
            .enumerate()
            .filter_map(|(k, x)| {
                let j = (*x)?;
                let s = c.score(k, j)?;
                Some(reported(ctx, &newcomers[k], offers.get(j as usize)?, s))
            })
            .sum()
    };
    match resolve.solver {
        Solver::StableNewcomerProposing | Solver::StableOfferProposing => {
            let own = mine.and_then(|m| c.score(i, m));
            if own.is_some_and(|own| own >= score) {
                WhyNotReason::Preferred {
                    side: PairSide::Household,
                }
            } else {
                WhyNotReason::Preferred {
                    side: PairSide::Offer,
                }
            }
        }
        Solver::Optimal | Solver::Greedy => {
            // The pair fixed: the household's only candidate, at a bonus beyond any total.
            let lists: Vec<Vec<(u32, i64)>> = (0..c.newcomers())
                .map(|k| {
                    if k == i {
                        vec![(j as u32, score.saturating_add(FIX_BONUS))]
                    } else {
                        let (js, ss) = c.of(k);
                        js.iter().copied().zip(ss.iter().copied()).collect()
                    }
                })
                .collect();
            let fixed = Candidates::from_lists(lists, c.capacities.clone());
            match (resolve.solve)(&fixed) {
                Ok(a) if a.get(i).copied().flatten() == Some(j as u32) => {
                    let (run, with_pair) = (total(assignment), total(&a));
                    WhyNotReason::Outscored {
                        total: run as f64 / SCORE_SCALE,
                        with_pair: with_pair as f64 / SCORE_SCALE,
                        gap: (run - with_pair) as f64 / SCORE_SCALE,
                    }
                }
                _ => WhyNotReason::Infeasible,
            }
        }
    }
}

/// Above any total a run can score (see `history::PREFER_BONUS`), far below overflow.
const FIX_BONUS: i64 = 1 << 52;

fn sentence(r: &WhyNotReason, lang: Lang) -> String {
    match r {
        WhyNotReason::Matched => t(lang, "Parret er matchet i kørslen.", "The pair is matched in the run.").into(),
        WhyNotReason::NotInRun { side: PairSide::Household } => t(
            lang,
            "Husstanden er ikke med i kørslen: den har en plads i et forløb, eller intet samtykke eller anden hjemmel dækker matchning på dagen.",
            "The household is not in the run: it holds a place in a relationship, or no consent or other basis covers matching on the day.",
        )
        .into(),
        WhyNotReason::NotInRun { side: PairSide::Offer } => t(
            lang,
            "Tilbuddet er ikke med i kørslen: intet samtykke eller anden hjemmel dækker matchning med det på dagen.",
            "The offer is not in the run: no consent or other basis covers matching with it on the day.",
        )
        .into(),
        WhyNotReason::HardRules { rules } => {
            let names: Vec<String> = rules.iter().map(|r| format!("'{r}'")).collect();
            let list = join_and(&names, lang);
            let k = count(rules.len());
            match lang {
                Lang::Da => format!(
                    "Parret opfylder ikke {} {list}.",
                    pick(k, "den skarpe regel", "de skarpe regler")
                ),
                Lang::En => format!(
                    "The pair fails {} {list}.",
                    pick(k, "the hard rule", "the hard rules")
                ),
            }
        }
        WhyNotReason::DeclinedBefore => t(
            lang,
            "En af parterne har sagt nej til parret før; det foreslås kun igen, hvis man beder om det.",
            "One side declined the pair before; it is proposed again only when asked.",
        )
        .into(),
        WhyNotReason::Together => t(
            lang,
            "Parret er eller har været sammen og foreslås ikke igen som nyt.",
            "The pair is or was together and is not proposed again as new.",
        )
        .into(),
        WhyNotReason::Seats => t(
            lang,
            "Tilbuddet har ikke pladser nok af alle slags til husstanden.",
            "The offer lacks seats of some kind for the household.",
        )
        .into(),
        WhyNotReason::NoFreePlace => t(
            lang,
            "Tilbuddet har ingen ledige pladser på dagen.",
            "The offer has no free places on the day.",
        )
        .into(),
        WhyNotReason::Outscored { total, with_pair, gap } => {
            let f = |x: f64| number::fixed(lang, x, 2);
            let share = if *total > 0.0 { gap / total } else { 0.0 };
            if *gap >= 0.0 {
                match lang {
                    Lang::Da => format!(
                        "Den valgte fordeling giver {} point i alt. Låses parret fast, giver den samme løser {} point: {} point ({}) mindre.",
                        f(*total),
                        f(*with_pair),
                        f(*gap),
                        number::percent_with(lang, share, 1)
                    ),
                    Lang::En => format!(
                        "The chosen assignment scores {} points in all. With the pair fixed, the same solver scores {}: {} points ({}) less.",
                        f(*total),
                        f(*with_pair),
                        f(*gap),
                        number::percent_with(lang, share, 1)
                    ),
                }
            } else {
                match lang {
                    Lang::Da => format!(
                        "Den valgte fordeling giver {} point i alt. Låses parret fast, giver den samme løser {} point, altså {} point mere; løseren er ikke optimal.",
                        f(*total),
                        f(*with_pair),
                        f(-gap)
                    ),
                    Lang::En => format!(
                        "The chosen assignment scores {} points in all. With the pair fixed, the same solver scores {}, that is {} points more; the solver is not optimal.",
                        f(*total),
                        f(*with_pair),
                        f(-gap)
                    ),
                }
            }
        }
        WhyNotReason::Infeasible => t(
            lang,
            "Låses parret fast, kan kvoterne eller pladserne ikke alle overholdes.",
            "With the pair fixed, the quotas or seats cannot all be kept.",
        )
        .into(),
        WhyNotReason::Preferred { side: PairSide::Household } => t(
            lang,
            "Husstanden foretrækker sit match frem for tilbuddet.",
            "The household prefers its match to the offer.",
        )
        .into(),
        WhyNotReason::Preferred { side: PairSide::Offer } => t(
            lang,
            "Tilbuddets pladser gik til husstande, det rangerer højere.",
            "The offer's places went to households it ranks higher.",
        )
        .into(),
    }
}

/// `a`, `a og b`, `a, b og c` (`and` in English, with the serial comma for three or more).
fn join_and(items: &[String], lang: Lang) -> String {
    let and = t(lang, "og", "and");
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {and} {b}"),
        [rest @ .., last] => {
            let comma = match lang {
                Lang::Da => "",
                Lang::En => ",",
            };
            format!("{}{comma} {and} {last}", rest.join(", "))
        }
    }
}
