//! A matching run: rules and profiles in, a [`MatchRun`] out, with every match explained rule by
//! rule, every unmatched household's reasons and binding constraint, the demand no offer can
//! meet, the offers nobody can use, waiting times and statistics.
//!
//! Explanations name ids, rule parameters and ordinary profile values (languages, areas,
//! distances); they never contain special-category or criminal-record values.

use crate::error::BrobyggerError;
use crate::i18n::plural::{COMMON_TIME, FREE_PLACE, HOUSEHOLD, INTEREST, OFFER};
use crate::i18n::{Label, Lang, Text, t};
use crate::ids::{CohortId, MatchRunId};
use crate::matching::candidates::{
    self, Candidates, Detail, Exclusion, Prepared, RunContext, SCORE_SCALE,
};
use crate::matching::explain::{Resolve, alternatives, why_not};
use crate::matching::model::explain::ExplainOptions;
use crate::matching::model::profile::{LanguageLevel, Need, Newcomer, Offer, language_name};
use crate::matching::model::rules::{Rule, RuleKind, RuleSet, render};
use crate::matching::model::run::{
    BindingConstraint, Demand, DemandGap, Match, MatchRun, MatchStatistics, OfferRanking,
    RuleOutcome, Solver, Unmatched, UnusedOffer,
};
use crate::matching::solve::{self, Preferences, ProposingSide};
use crate::matching::tags::tag_label;
use crate::privacy::model::basis::DeclaredBasis;
use crate::progress::{Progress, Stage, Watch};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// How to run a match.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchOptions {
    /// The solver.
    pub solver: Solver,
    /// The day of the run, for waiting times.
    pub as_of: NaiveDate,
    /// How offers rank households in stable matching.
    #[serde(default)]
    pub offer_ranking: OfferRanking,
    /// The run's id; a stable one is derived from the rule set, cohort, solver and date if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id: Option<MatchRunId>,
    /// Legal bases the caller declares for this run, covering the attributes they list for every
    /// household and offer in it (`crate::privacy::gate`); recorded on the run. Refused for a
    /// stored cohort, whose bases belong in the dossier's privacy records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bases: Vec<DeclaredBasis>,
    /// What the run explains beyond its matches: alternatives and why-not (nothing by default).
    #[serde(default, skip_serializing_if = "ExplainOptions::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub explain: ExplainOptions,
}

impl MatchOptions {
    /// Options for `solver` on `as_of`, ranking by score.
    pub fn new(solver: Solver, as_of: NaiveDate) -> Self {
        Self {
            solver,
            as_of,
            offer_ranking: OfferRanking::Score,
            id: None,
            bases: Vec::new(),
            explain: ExplainOptions::default(),
        }
    }

    /// With `explain`: alternatives and why-not.
    pub fn explain(mut self, explain: impl Into<ExplainOptions>) -> Self {
        self.explain = explain.into();
        self
    }
}

impl From<NaiveDate> for MatchOptions {
    fn from(as_of: NaiveDate) -> Self {
        Self::new(Solver::Optimal, as_of)
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}

/// Kilometres with at most one decimal, as `lang` writes them: `18,4` in Danish, `18.4` in
/// English, `25` for 25.0.
fn fmt_km(x: f64, lang: Lang) -> String {
    crate::i18n::number::decimal(lang, x, 1)
}

/// A level in prose: `niveau B2` / `level B2`, and `modersmål` / `first language`.
fn level_text(level: LanguageLevel, lang: Lang) -> String {
    match level {
        LanguageLevel::Native => level.label(lang).to_owned(),
        _ => format!("{} {}", t(lang, "niveau", "level"), level.code()),
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Da), f(Lang::En))
}

fn or_list(items: &[String], lang: Lang) -> String {
    let word = match lang {
        Lang::Da => " eller ",
        Lang::En => " or ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{word}{last}", rest.join(", ")),
    }
}

pub(crate) fn run_unchecked(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    let p = Prepared::with(rules, newcomers, offers, ctx);
    let c = candidates::generate_watched(&p, &ctx.watch)?;
    solve_and_build(rules, newcomers, offers, o, cohort, &p, c, ctx)
}

/// Like [`run_unchecked`] on candidates the caller built: the privacy gate builds them with the
/// rules a household's consent allows (`crate::privacy::gate`).
pub(crate) fn run_with_candidates(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    c: Candidates,
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    let p = Prepared::with(rules, newcomers, offers, ctx);
    solve_and_build(rules, newcomers, offers, o, cohort, &p, c, ctx)
}

/// A household's waiting days on `on` as the run counts them (from a lost match's end).
pub(crate) fn waiting_days_of(n: &Newcomer, on: NaiveDate, ctx: &RunContext) -> u32 {
    let since = ctx
        .lost
        .get(&n.id)
        .map_or(n.waiting_start(), |l| (*l).max(n.waiting_start()));
    days(since, on)
}

#[allow(clippy::too_many_arguments)]
fn solve_and_build(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    p: &Prepared,
    c: Candidates,
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    let (c, excluded) = apply_context(c, newcomers, offers, ctx);
    let waiting: Vec<i64> = newcomers
        .iter()
        .map(|n| i64::from(waiting_days_of(n, o.as_of, ctx)))
        .collect();
    let structure = crate::matching::structure::Structure::of(rules, newcomers, offers);
    let watch = &ctx.watch;
    let (assignment, report) = if structure.is_plain() {
        (
            solve_candidates_watched(&c, &waiting, o.solver, o.offer_ranking, watch)?,
            None,
        )
    } else {
        // The solver for seats and quotas reports households placed by its augmenting paths
        // and looks at the watch once per outer step (`structure::solve`).
        let households = c.newcomers() as u64;
        watch.start(Stage::Solve, households)?;
        let (a, r) = crate::matching::structure::solve(&c, &structure, &waiting, o.solver, watch)?;
        watch.finish(Stage::Solve, households)?;
        (a, Some(r))
    };
    let mut run = build(
        rules,
        newcomers,
        offers,
        o,
        cohort,
        p,
        &c,
        &assignment,
        &excluded,
        ctx,
    );
    if !o.explain.is_empty() {
        if o.explain.alternatives > 0 {
            run.alternatives = alternatives(
                newcomers,
                offers,
                &c,
                &assignment,
                o.explain.alternatives,
                ctx,
            );
        }
        // Each why-not question solves again: its progress is the questions answered, and
        // the solves inside are only looked at for cancellation.
        let quiet = watch.without_progress();
        let solve = |fixed: &Candidates| -> Result<Vec<Option<u32>>, BrobyggerError> {
            if structure.is_plain() {
                solve_candidates_watched(fixed, &waiting, o.solver, o.offer_ranking, &quiet)
            } else {
                crate::matching::structure::solve(fixed, &structure, &waiting, o.solver, &quiet)
                    .map(|(a, _)| a)
            }
        };
        let resolve = Resolve {
            solver: o.solver,
            solve: &solve,
        };
        let questions = o.explain.why_not.len() as u64;
        watch.start(Stage::Explain, questions)?;
        run.why_not = o
            .explain
            .why_not
            .iter()
            .enumerate()
            .map(|(k, q)| {
                quiet.check()?;
                watch.report(Progress {
                    stage: Stage::Explain,
                    done: k as u64,
                    total: questions,
                })?;
                Ok(why_not(
                    rules,
                    p,
                    newcomers,
                    offers,
                    &c,
                    &assignment,
                    ctx,
                    &resolve,
                    q,
                ))
            })
            .collect::<Result<_, BrobyggerError>>()?;
        watch.finish(Stage::Explain, questions)?;
    }
    run.structure = report;
    Ok(run)
}

/// The candidates without the pairs the run's history or the offers' seats rule out (and with
/// a preferred previous partner's bonus), and for each household how many offers history and
/// seats took away.
pub(crate) fn apply_context(
    c: Candidates,
    newcomers: &[Newcomer],
    offers: &[Offer],
    ctx: &RunContext,
) -> (Candidates, Vec<(u32, u32)>) {
    let seats = offers.iter().any(|o| !o.seats.is_empty());
    let mut counts = vec![(0u32, 0u32); newcomers.len()];
    if !ctx.has_pair_rules() && !seats {
        return (c, counts);
    }
    let mut lists = Vec::with_capacity(newcomers.len());
    for (i, n) in newcomers.iter().enumerate() {
        let (js, ss) = c.of(i);
        let mut list = Vec::with_capacity(js.len());
        for (&j, &s) in js.iter().zip(ss) {
            let Some(of) = offers.get(j as usize) else {
                continue;
            };
            let key = (n.id.clone(), of.id.clone());
            let why = ctx.excluded.get(&key).copied().or_else(|| {
                (!crate::matching::structure::seats_fit(n, of)).then_some(Exclusion::Seats)
            });
            match why {
                Some(Exclusion::Seats) => counts[i].1 += 1,
                Some(_) => counts[i].0 += 1,
                None => list.push((
                    j,
                    s.saturating_add(ctx.bonus.get(&key).copied().unwrap_or(0)),
                )),
            }
        }
        lists.push(list);
    }
    let mut out = Candidates::from_lists(lists, c.capacities.clone());
    out.pairs_evaluated = c.pairs_evaluated;
    (out, counts)
}

/// Runs `solver` on prepared candidates: each newcomer's offer index, if matched.
pub fn solve_candidates(
    c: &Candidates,
    waiting_days: &[i64],
    solver: Solver,
    ranking: OfferRanking,
) -> Vec<Option<u32>> {
    // The default watch never cancels, so there is no error to lose.
    solve_candidates_watched(c, waiting_days, solver, ranking, &Watch::default())
        .unwrap_or_default()
}

/// [`solve_candidates`] under `watch`: `Cancelled` once it is raised.
pub fn solve_candidates_watched(
    c: &Candidates,
    waiting_days: &[i64],
    solver: Solver,
    ranking: OfferRanking,
    watch: &Watch,
) -> Result<Vec<Option<u32>>, BrobyggerError> {
    match solver {
        Solver::Greedy => solve::greedy_watched(c, waiting_days, watch),
        Solver::Optimal => solve::optimal_watched(c, watch),
        Solver::StableNewcomerProposing => solve::stable_watched(
            &Preferences::from_candidates(c, waiting_days, ranking),
            ProposingSide::Newcomers,
            watch,
        ),
        Solver::StableOfferProposing => solve::stable_watched(
            &Preferences::from_candidates(c, waiting_days, ranking),
            ProposingSide::Offers,
            watch,
        ),
    }
}

/// The candidates of a run that knows its day and the households' history.
pub(crate) fn candidates_in(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    ctx: &RunContext,
) -> Candidates {
    candidates::generate(&Prepared::with(rules, newcomers, offers, ctx))
}

#[allow(clippy::too_many_arguments)]
fn build(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    p: &Prepared,
    c: &Candidates,
    assignment: &[Option<u32>],
    excluded: &[(u32, u32)],
    ctx: &RunContext,
) -> MatchRun {
    let id = o.id.clone().unwrap_or_else(|| {
        let solver = serde_json::to_value(o.solver)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        MatchRunId::new(format!(
            "{}-{}-{}-{}",
            rules.id,
            cohort.map_or("profiles", |c| c.as_str()),
            solver,
            o.as_of.format("%Y-%m-%d")
        ))
    });
    let mut matches = Vec::new();
    let mut unmatched = Vec::new();
    let mut used = vec![0u32; offers.len()];
    let mut total: i64 = 0;
    for (i, n) in newcomers.iter().enumerate() {
        let waiting_days = waiting_days_of(n, o.as_of, ctx);
        match assignment.get(i).copied().flatten() {
            Some(j) => {
                let ju = j as usize;
                let score = c.score(i, j).unwrap_or(0);
                total += score;
                used[ju] += 1;
                matches.push(Match {
                    newcomer: n.id.clone(),
                    offer: offers[ju].id.clone(),
                    score: score as f64 / SCORE_SCALE,
                    waiting_days,
                    explanation: explain(rules, p, n, &offers[ju], i, ju),
                });
            }
            None => {
                let eligible = c.of(i).0.len() as u32;
                let (history, seats) = excluded.get(i).copied().unwrap_or((0, 0));
                let mut u = diagnose(rules, p, n, i, eligible, waiting_days, o.solver);
                if eligible == 0 && (history > 0 || seats > 0) {
                    let (binding, reason) = if history > 0 {
                        (
                            BindingConstraint::History { offers: history },
                            Text::new(
                                format!(
                                    "{history} tilbud opfylder alle skarpe regler og har plads, men en af parterne har sagt nej til parret før, eller de er eller har været sammen."
                                ),
                                format!(
                                    "{history} offer(s) meet every hard rule and have room, but one side declined the pair before, or they are or were together."
                                ),
                            ),
                        )
                    } else {
                        (
                            BindingConstraint::Seats { offers: seats },
                            Text::new(
                                format!(
                                    "{seats} tilbud opfylder alle skarpe regler, men har ikke pladser nok af alle slags til husstanden."
                                ),
                                format!(
                                    "{seats} offer(s) meet every hard rule but lack seats of some kind for the household."
                                ),
                            ),
                        )
                    };
                    u.binding = binding;
                    u.reasons.insert(0, reason);
                }
                unmatched.push(u);
            }
        }
    }
    let mut cand_count = vec![0u32; offers.len()];
    for i in 0..c.newcomers() {
        for &j in c.of(i).0 {
            cand_count[j as usize] += 1;
        }
    }
    let unused_offers: Vec<UnusedOffer> = offers
        .iter()
        .enumerate()
        .filter(|(j, of)| of.free_places() > 0 && used[*j] == 0)
        .map(|(j, of)| UnusedOffer {
            offer: of.id.clone(),
            free_places: of.free_places(),
            candidates: cand_count[j],
            waiting_days: of.listed_on.map(|d| days(d, o.as_of)),
            reason: if cand_count[j] == 0 {
                Text::new(
                    "Ingen husstand opfylder de skarpe regler sammen med dette tilbud.",
                    "No household meets the hard rules together with this offer.",
                )
            } else {
                match cand_count[j] {
                    1 => Text::new(
                        "1 husstand kunne bruge tilbuddet, men blev matchet bedre andetsteds.",
                        "1 household could use the offer but was matched better elsewhere.",
                    ),
                    n => Text::new(
                        format!(
                            "{} kunne bruge tilbuddet, men blev matchet bedre andetsteds.",
                            HOUSEHOLD.count(Lang::Da, u64::from(n))
                        ),
                        format!(
                            "{} could use the offer but were matched better elsewhere.",
                            HOUSEHOLD.count(Lang::En, u64::from(n))
                        ),
                    ),
                }
            },
        })
        .collect();
    let matched = matches.len() as u32;
    let unmatched_waits: Vec<u32> = unmatched
        .iter()
        .map(|u: &Unmatched| u.waiting_days)
        .collect();
    let statistics = MatchStatistics {
        newcomers: newcomers.len() as u32,
        offers: offers.len() as u32,
        free_places: offers.iter().map(|o| u64::from(o.free_places())).sum(),
        pairs_evaluated: c.pairs_evaluated,
        candidate_pairs: c.len() as u64,
        matched,
        unmatched: unmatched.len() as u32,
        total_score: total as f64 / SCORE_SCALE,
        mean_score: if matched == 0 {
            0.0
        } else {
            total as f64 / SCORE_SCALE / f64::from(matched)
        },
        mean_waiting_days_unmatched: if unmatched_waits.is_empty() {
            0.0
        } else {
            unmatched_waits.iter().map(|d| f64::from(*d)).sum::<f64>()
                / unmatched_waits.len() as f64
        },
        max_waiting_days_unmatched: unmatched_waits.iter().copied().max().unwrap_or(0),
        offers_used: used.iter().filter(|u| **u > 0).count() as u32,
        offers_without_candidates: offers
            .iter()
            .enumerate()
            .filter(|(j, of)| of.free_places() > 0 && cand_count[*j] == 0)
            .count() as u32,
    };
    MatchRun {
        id,
        rule_set: rules.id.clone(),
        cohort: cohort.cloned(),
        solver: o.solver,
        offer_ranking: o.offer_ranking,
        as_of: o.as_of,
        matches,
        unmatched,
        unmet_demand: demand_gaps(rules, newcomers, offers),
        unused_offers,
        statistics,
        withheld: Vec::new(),
        sensitive_uses: Vec::new(),
        bases_from: Default::default(),
        declared_bases: Vec::new(),
        structure: None,
        waiting_again: Vec::new(),
        alternatives: Vec::new(),
        why_not: Vec::new(),
    }
}

/// The placeholder values of rule `r` for a pair, in `lang`.
fn values(
    rule: &Rule,
    p: &Prepared,
    n: &Newcomer,
    of: &Offer,
    detail: Detail,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = vec![
        ("newcomer", n.id.to_string()),
        ("offer", of.id.to_string()),
        ("rule", rule.id.to_string()),
    ];
    match (&rule.kind, detail) {
        (RuleKind::SharedLanguage { min_level, .. }, Detail::Language { lang: l, level }) => {
            v.push(("language", language_name(p.langs.name(l), lang)));
            v.push(("level", level.label(lang).to_owned()));
            v.push(("level_text", level_text(level, lang)));
            v.push(("min_level", min_level.label(lang).to_owned()));
        }
        (RuleKind::Distance { max_km, .. }, d) => {
            if let Detail::Distance { km } = d {
                v.push(("distance_km", fmt_km(km, lang)));
            }
            v.push(("max_km", fmt_km(*max_km, lang)));
        }
        (RuleKind::SameArea, _) => v.push(("area", n.area.clone().unwrap_or_default())),
        (RuleKind::NeedServed { needs }, _) => {
            let served: Vec<String> = n
                .needs
                .iter()
                .filter(|x| of.serves.contains(x) && (needs.is_empty() || needs.contains(x)))
                .map(|x| x.label(lang))
                .collect();
            v.push(("needs", served.join(", ")));
        }
        (RuleKind::Capacity { .. }, _) => {
            v.push(("free", of.free_places().to_string()));
            v.push(("capacity", of.capacity.to_string()));
        }
        (RuleKind::AvailabilityOverlap { .. }, Detail::Slots { shared }) => {
            v.push(("slots", shared.to_string()));
            v.push(("times", COMMON_TIME.count(lang, u64::from(shared))));
        }
        (
            RuleKind::CredentialWithChildren {
                credential,
                under_age,
            },
            _,
        ) => {
            v.push(("credential", credential.label(lang).to_owned()));
            v.push(("under_age", under_age.to_string()));
        }
        (RuleKind::IndustryFit, Detail::Industry { industry }) => {
            v.push(("industry", tag_label(p.tags.name(industry), lang)))
        }
        (RuleKind::WaitingTime { full_after_days }, d) => {
            if let Detail::Waited { days } = d {
                v.push(("days", days.to_string()));
            }
            v.push(("full_after_days", full_after_days.to_string()));
        }
        (RuleKind::LostMatch, Detail::Lost { on }) => {
            v.push(("ended_on", on.format("%Y-%m-%d").to_string()))
        }
        (RuleKind::InterestOverlap { .. }, Detail::Interests { shared }) => {
            let list: Vec<String> = n
                .interests
                .iter()
                .filter(|x| of.interests.contains(x))
                .map(|x| tag_label(x, lang))
                .collect();
            v.push(("interests", list.join(", ")));
            v.push(("count", shared.to_string()));
        }
        _ => {}
    }
    v
}

fn explain(
    rules: &RuleSet,
    p: &Prepared,
    n: &Newcomer,
    of: &Offer,
    i: usize,
    j: usize,
) -> Vec<RuleOutcome> {
    let mut out = Vec::new();
    for (r, rule) in rules.rules.iter().enumerate() {
        let e = p.eval(r, i, j);
        // A soft rule that is not met adds nothing and has nothing true to say (a waiting
        // time not yet full still adds its share).
        if !e.applicable || (!e.pass && (rule.strength.is_hard() || e.score <= 0.0)) {
            continue;
        }
        let points = if rule.strength.is_hard() {
            0.0
        } else {
            candidates::quantize(rule.strength.weight() * e.score) as f64 / SCORE_SCALE
        };
        out.push(RuleOutcome {
            rule: rule.id.clone(),
            hard: rule.strength.is_hard(),
            points,
            text: both(|lang| render(rule, lang, &values(rule, p, n, of, e.detail, lang))),
        });
    }
    out
}

/// A sentence for "no offer that meets the other rules passes this one".
fn unmet_text(rules: &RuleSet, rule: &Rule, n: &Newcomer, lang: Lang) -> String {
    let context: Vec<String> = rules
        .rules
        .iter()
        .filter(|r| r.strength.is_hard() && r.id != rule.id)
        .filter_map(|r| match (&r.kind, lang) {
            (RuleKind::Distance { max_km, .. }, Lang::Da) => {
                Some(format!("inden for {} km", fmt_km(*max_km, lang)))
            }
            (RuleKind::Distance { max_km, .. }, Lang::En) => {
                Some(format!("within {} km", fmt_km(*max_km, lang)))
            }
            (RuleKind::SameArea, Lang::Da) => Some("i samme område".to_owned()),
            (RuleKind::SameArea, Lang::En) => Some("in the same area".to_owned()),
            _ => None,
        })
        .collect();
    let ctx = if context.is_empty() {
        String::new()
    } else {
        format!(" {}", context.join(" "))
    };
    let (no_offer, da) = match lang {
        Lang::Da => ("Intet tilbud", true),
        Lang::En => ("No offer", false),
    };
    match &rule.kind {
        RuleKind::SharedLanguage {
            min_level,
            languages,
        } => {
            let spoken: Vec<String> = n
                .languages
                .iter()
                .filter(|s| {
                    s.level >= *min_level
                        && (languages.is_empty() || languages.contains(&s.language))
                })
                .map(|s| language_name(&s.language, lang))
                .collect();
            let level = min_level.code();
            if spoken.is_empty() {
                if da {
                    format!("Husstanden taler ikke et sprog på mindst {level}, som reglen gælder.")
                } else {
                    format!("The household speaks no language the rule covers at {level} or above.")
                }
            } else if da {
                format!(
                    "{no_offer}{ctx} taler {} (mindst {level}).",
                    or_list(&spoken, lang)
                )
            } else {
                format!(
                    "{no_offer}{ctx} speaks {} (at least {level}).",
                    or_list(&spoken, lang)
                )
            }
        }
        RuleKind::Distance { max_km, .. } => {
            if n.location.is_none() {
                if da {
                    "Husstanden har ingen placering, så afstanden kan ikke beregnes.".into()
                } else {
                    "The household has no location, so no distance can be computed.".into()
                }
            } else if da {
                format!(
                    "{no_offer}, der opfylder de andre regler, ligger inden for {} km.",
                    fmt_km(*max_km, lang)
                )
            } else {
                format!(
                    "{no_offer} that meets the other rules is within {} km.",
                    fmt_km(*max_km, lang)
                )
            }
        }
        RuleKind::SameArea => {
            let area = n.area.clone().unwrap_or_default();
            if da {
                format!("{no_offer}, der opfylder de andre regler, findes i {area}.")
            } else {
                format!("{no_offer} that meets the other rules is in {area}.")
            }
        }
        RuleKind::NeedServed { needs } => {
            let relevant: Vec<String> = n
                .needs
                .iter()
                .filter(|x| needs.is_empty() || needs.contains(x))
                .map(|x| x.label(lang))
                .collect();
            if relevant.is_empty() {
                if da {
                    "Husstanden har ingen af de behov, reglen gælder.".into()
                } else {
                    "The household has none of the needs the rule covers.".into()
                }
            } else if da {
                format!("{no_offer}{ctx} dækker {}.", or_list(&relevant, lang))
            } else {
                format!("{no_offer}{ctx} serves {}.", or_list(&relevant, lang))
            }
        }
        RuleKind::Capacity { min_free } => {
            let places = FREE_PLACE.count(lang, u64::from((*min_free).max(1)));
            if da {
                format!("{no_offer}{ctx} har mindst {places}.")
            } else {
                format!("{no_offer}{ctx} has at least {places}.")
            }
        }
        RuleKind::AvailabilityOverlap { min_slots } => {
            if da {
                format!("{no_offer}{ctx} kan på mindst {min_slots} af husstandens tidspunkter.")
            } else {
                format!(
                    "{no_offer}{ctx} is available at {min_slots} or more of the household's times."
                )
            }
        }
        RuleKind::PreferenceRespected => {
            if da {
                format!("{no_offer}{ctx} opfylder husstandens ønsker.")
            } else {
                format!("{no_offer}{ctx} meets the household's wishes.")
            }
        }
        RuleKind::CredentialWithChildren { credential, .. } => {
            if da {
                format!(
                    "{no_offer}{ctx} har den krævede {}.",
                    credential.label(lang)
                )
            } else {
                format!(
                    "{no_offer}{ctx} has the required {}.",
                    credential.label(lang)
                )
            }
        }
        RuleKind::IndustryFit => {
            let names: Vec<String> = n.industries.iter().map(|i| tag_label(i, lang)).collect();
            let list = or_list(&names, lang);
            if da {
                format!("{no_offer}{ctx} kender husstandens brancher ({list}).")
            } else {
                format!("{no_offer}{ctx} knows the household's industries ({list}).")
            }
        }
        RuleKind::InterestOverlap { min_shared } => {
            if da {
                format!(
                    "{no_offer}{ctx} deler mindst {} med husstanden.",
                    INTEREST.count(lang, u64::from(*min_shared))
                )
            } else {
                format!("{no_offer}{ctx} shares {min_shared} or more interests with the household.")
            }
        }
        RuleKind::WaitingTime { full_after_days } => {
            if da {
                format!(
                    "Husstanden har ikke ventet {full_after_days} dage endnu, som reglen kræver."
                )
            } else {
                format!(
                    "The household has not yet waited the {full_after_days} days the rule asks for."
                )
            }
        }
        RuleKind::LostMatch => {
            if da {
                "Reglen gælder kun husstande, der har mistet et match og venter på et nyt.".into()
            } else {
                "The rule covers only households that lost a match and wait for a new one.".into()
            }
        }
    }
}

fn diagnose(
    rules: &RuleSet,
    p: &Prepared,
    n: &Newcomer,
    i: usize,
    eligible: u32,
    waiting_days: u32,
    solver: Solver,
) -> Unmatched {
    let d = candidates::diagnose(p, i);
    let mut reasons = Vec::new();
    let binding = if d.offers == 0 {
        reasons.push(Text::new("Der er ingen tilbud.", "There are no offers."));
        BindingConstraint::NoOffers
    } else if eligible > 0 {
        let why = match solver {
            Solver::StableNewcomerProposing | Solver::StableOfferProposing => (
                "men de foretrak andre husstande",
                "but they preferred other households",
            ),
            _ => (
                "men pladserne gik til andre husstande, der gav en bedre samlet fordeling",
                "but their places went to other households for a better overall assignment",
            ),
        };
        reasons.push(Text::new(
            format!("{eligible} tilbud opfylder alle skarpe regler, {}.", why.0),
            format!(
                "{} {} every hard rule, {}.",
                OFFER.count(Lang::En, u64::from(eligible)),
                if eligible == 1 { "meets" } else { "meet" },
                why.1
            ),
        ));
        BindingConstraint::PlacesTaken { eligible }
    } else if d.full > 0 && d.fails_only.iter().all(|x| *x == 0) {
        reasons.push(Text::new(
            format!(
                "{} tilbud opfylder alle skarpe regler, men har ingen ledige pladser.",
                d.full
            ),
            format!(
                "{} {} every hard rule but {} no free places.",
                OFFER.count(Lang::En, u64::from(d.full)),
                if d.full == 1 { "meets" } else { "meet" },
                if d.full == 1 { "has" } else { "have" },
            ),
        ));
        BindingConstraint::NoFreePlaces { offers: d.full }
    } else {
        // The rule whose relaxation alone opens the most offers; if none does, the one most
        // offers fail.
        let pick = (0..rules.rules.len())
            .filter(|r| rules.rules[*r].strength.is_hard())
            .max_by(|a, b| {
                d.fails_only[*a]
                    .cmp(&d.fails_only[*b])
                    .then(d.fails[*a].cmp(&d.fails[*b]))
                    .then(b.cmp(a))
            });
        match pick.and_then(|r| rules.rules.get(r).map(|rule| (r, rule))) {
            Some((r, rule)) => {
                reasons.push(both(|lang| unmet_text(rules, rule, n, lang)));
                BindingConstraint::Rule {
                    rule: rule.id.clone(),
                    offers_blocked_only_by_it: d.fails_only[r],
                }
            }
            None => {
                reasons.push(Text::new(
                    "Ingen tilbud har ledige pladser.",
                    "No offer has free places.",
                ));
                BindingConstraint::NoFreePlaces { offers: d.full }
            }
        }
    };
    for (r, rule) in rules.rules.iter().enumerate() {
        if rule.strength.is_hard() && d.fails[r] > 0 {
            reasons.push(Text::new(
                format!(
                    "{} af {} tilbud opfylder ikke reglen '{}'.",
                    d.fails[r], d.offers, rule.id
                ),
                format!(
                    "{} of {} offers fail the rule '{}'.",
                    d.fails[r], d.offers, rule.id
                ),
            ));
        }
    }
    Unmatched {
        newcomer: n.id.clone(),
        waiting_days,
        binding,
        reasons,
    }
}

fn demand_gaps(rules: &RuleSet, newcomers: &[Newcomer], offers: &[Offer]) -> Vec<DemandGap> {
    let mut out = Vec::new();
    let open: Vec<&Offer> = offers.iter().filter(|o| o.free_places() > 0).collect();
    let mut needs: BTreeMap<Need, u32> = BTreeMap::new();
    for n in newcomers {
        let distinct: HashSet<&Need> = n.needs.iter().collect();
        for need in distinct {
            *needs.entry(need.clone()).or_default() += 1;
        }
    }
    for (need, households) in needs {
        let serving: Vec<&&Offer> = open.iter().filter(|o| o.serves.contains(&need)).collect();
        let free: u64 = serving.iter().map(|o| u64::from(o.free_places())).sum();
        if free < u64::from(households) {
            let (da, en) = (need.label(Lang::Da), need.label(Lang::En));
            out.push(DemandGap {
                demand: Demand::Need { need },
                households,
                offers: serving.len() as u32,
                free_places: free,
                text: Text::new(
                    format!(
                        "{} har behov for {da}, men tilbuddene har kun {} til det.",
                        HOUSEHOLD.count(Lang::Da, u64::from(households)),
                        FREE_PLACE.count(Lang::Da, free)
                    ),
                    format!(
                        "{} {} {en}, but the offers have only {} for it.",
                        HOUSEHOLD.count(Lang::En, u64::from(households)),
                        if households == 1 { "needs" } else { "need" },
                        FREE_PLACE.count(Lang::En, free)
                    ),
                ),
            });
        }
    }
    // Languages matter only when a rule asks for a shared one; take the strictest level.
    let lang_rules: Vec<(crate::matching::model::profile::LanguageLevel, &Vec<String>)> = rules
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::SharedLanguage {
                min_level,
                languages,
            } if r.strength.is_hard() => Some((*min_level, languages)),
            _ => None,
        })
        .collect();
    if let Some((min, limit)) = lang_rules.iter().max_by_key(|x| x.0) {
        let qualifies = |s: &&crate::matching::model::profile::LanguageSkill| {
            s.level >= *min && (limit.is_empty() || limit.contains(&s.language))
        };
        let spoken_by_offer = |code: &str| {
            open.iter().any(|o| {
                o.languages
                    .iter()
                    .any(|s| s.language == code && s.level >= *min)
            })
        };
        // A household counts only if none of its languages is spoken by an offer with room.
        let mut langs: BTreeMap<&str, u32> = BTreeMap::new();
        for n in newcomers {
            let mine: Vec<&str> = n
                .languages
                .iter()
                .filter(qualifies)
                .map(|s| s.language.as_str())
                .collect();
            if !mine.is_empty() && !mine.iter().any(|l| spoken_by_offer(l)) {
                for l in mine {
                    *langs.entry(l).or_default() += 1;
                }
            }
        }
        for (code, households) in langs {
            let level = min.code();
            out.push(DemandGap {
                demand: Demand::Language { language: code.to_owned() },
                households,
                offers: 0,
                free_places: 0,
                text: Text::new(
                    format!(
                        "{} taler {} og intet andet sprog, som et tilbud med ledige pladser taler på mindst {level}.",
                        HOUSEHOLD.count(Lang::Da, u64::from(households)),
                        language_name(code, Lang::Da)
                    ),
                    format!(
                        "{} {} {} and no other language that an offer with free places speaks at {level} or above.",
                        HOUSEHOLD.count(Lang::En, u64::from(households)),
                        if households == 1 { "speaks" } else { "speak" },
                        language_name(code, Lang::En)
                    ),
                ),
            });
        }
    }
    out
}
