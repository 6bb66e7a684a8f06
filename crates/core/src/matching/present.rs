//! A match run presented: its tables (what the CLI's CSV, Python's DataFrames and the apps'
//! lists hold) and its document (the CLI's text, the notebook's HTML).
//!
//! Only pseudonymous ids, scores, waiting times and the rules' texts appear: the texts name no
//! personal values.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::number;
use crate::i18n::plural::{DAY, HOUSEHOLD, OFFER, n};
use crate::i18n::{Label, Lang, Text, t};
use crate::ids::CohortId;
use crate::matching::model::intro::IntroductionState;
use crate::matching::model::profile::Offer;
use crate::matching::model::relationship::RelationshipEventKind;
use crate::matching::model::run::{BindingConstraint, Demand, MatchRun, describe_binding};
use crate::matching::store::introduction_status;
use crate::present::doc::{Block, OutlineItem, text};
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table, written};
use chrono::NaiveDate;

/// A match run with what its document shows beside the run itself: the offers' titles (a run
/// holds offer ids only) and, when `explain`, each match's explanation rule by rule.
#[derive(Debug, Clone, Copy)]
pub struct MatchRunReport<'a> {
    /// The run.
    pub run: &'a MatchRun,
    /// The offers of the run, for their titles (may be empty).
    pub offers: &'a [Offer],
    /// Whether each match's explanation is shown.
    pub explain: bool,
}

impl<'a> MatchRunReport<'a> {
    /// The run alone: no titles, no explanations.
    pub fn new(run: &'a MatchRun) -> Self {
        Self {
            run,
            offers: &[],
            explain: false,
        }
    }
}

/// The first lines of a run's document: what was run and how it went.
///
/// `Matchning: 10 husstande × 11 tilbud · regelsæt vvv-ikast · … · pr. 2016-04-01` and
/// `Matchet 9 af 10 · pointsum 55,08 · gennemsnit 6,12 point`.
pub fn headline(run: &MatchRun, lang: Lang) -> [String; 2] {
    let s = &run.statistics;
    let cohort = run
        .cohort
        .as_ref()
        .map(|c| format!(" · {} {c}", t(lang, "kohorte", "cohort")))
        .unwrap_or_default();
    [
        format!(
            "{} {} × {} · {} {}{cohort} · {} · {} {}",
            t(lang, "Matchning:", "Matching:"),
            HOUSEHOLD.count(lang, n(s.newcomers)),
            OFFER.count(lang, n(s.offers)),
            t(lang, "regelsæt", "rule set"),
            run.rule_set,
            run.solver.label(lang),
            t(lang, "pr.", "as of"),
            run.as_of,
        ),
        match lang {
            Lang::Da => format!(
                "Matchet {} af {} · pointsum {} · gennemsnit {} point",
                number::integer(lang, s.matched),
                number::integer(lang, s.newcomers),
                number::fixed(lang, s.total_score, 2),
                number::fixed(lang, s.mean_score, 2),
            ),
            Lang::En => format!(
                "Matched {} of {} · total score {} · mean {}",
                number::integer(lang, s.matched),
                number::integer(lang, s.newcomers),
                number::fixed(lang, s.total_score, 2),
                number::fixed(lang, s.mean_score, 2),
            ),
        },
    ]
}

fn binding_type(b: &BindingConstraint) -> String {
    tag(b)
}

/// The `type` tag an internally tagged enum is written with, e.g. `no_free_place`.
fn tag<V: serde::Serialize>(v: &V) -> String {
    match serde_json::to_value(v) {
        Ok(v) => v
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    }
}

fn binding_offers(b: &BindingConstraint) -> Option<u32> {
    match b {
        BindingConstraint::NoOffers => None,
        BindingConstraint::Rule {
            offers_blocked_only_by_it,
            ..
        } => Some(*offers_blocked_only_by_it),
        BindingConstraint::NoFreePlaces { offers } => Some(*offers),
        BindingConstraint::PlacesTaken { eligible } => Some(*eligible),
        BindingConstraint::History { offers } | BindingConstraint::Seats { offers } => {
            Some(*offers)
        }
    }
}

impl MatchRunReport<'_> {
    fn outcome(&self, lang: Lang) -> Table {
        let mut table = outcome_table();
        for m in &self.run.matches {
            table.push(vec![
                Cell::text(m.newcomer.as_str()),
                Cell::text("matched"),
                Cell::text(m.offer.as_str()),
                Cell::decimal(m.score),
                Cell::int(m.waiting_days),
                Cell::Missing,
                Cell::list(m.explanation.iter().map(|o| o.text.get(lang))),
            ]);
        }
        for u in &self.run.unmatched {
            table.push(vec![
                Cell::text(u.newcomer.as_str()),
                Cell::text("unmatched"),
                Cell::Missing,
                Cell::Missing,
                Cell::int(u.waiting_days),
                Cell::text(describe_binding(&u.binding).get(lang)),
                Cell::list(u.reasons.iter().map(|r| r.get(lang))),
            ]);
        }
        table
    }
}

impl Present for MatchRunReport<'_> {
    fn title(&self, lang: Lang) -> String {
        format!("{} {}", t(lang, "Matchkørsel", "Match run"), self.run.id)
    }

    /// `match_outcome` (one row per household, as the CLI's CSV), `matches`, `match_rules`,
    /// `unmatched`, `unmet_demand`, `unused_offers` and `match_statistics`.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let run = self.run;
        let id = || Cell::text(run.id.as_str());

        let mut matches = matches_table();
        let mut rules = match_rules_table();
        for m in &run.matches {
            matches.push(vec![
                id(),
                Cell::text(m.newcomer.as_str()),
                Cell::text(m.offer.as_str()),
                Cell::decimal(m.score),
                Cell::int(m.waiting_days),
                Cell::int(m.explanation.iter().filter(|r| r.hard).count()),
                Cell::int(
                    m.explanation
                        .iter()
                        .filter(|r| !r.hard && r.points > 0.0)
                        .count(),
                ),
            ]);
            for r in &m.explanation {
                rules.push(vec![
                    id(),
                    Cell::text(m.newcomer.as_str()),
                    Cell::text(m.offer.as_str()),
                    Cell::text(r.rule.as_str()),
                    Cell::bool(r.hard),
                    Cell::decimal(r.points),
                    Cell::text(r.text.get(lang)),
                ]);
            }
        }

        let mut unmatched = unmatched_table();
        for u in &run.unmatched {
            let rule = match &u.binding {
                BindingConstraint::Rule { rule, .. } => Some(rule.as_str()),
                _ => None,
            };
            unmatched.push(vec![
                id(),
                Cell::text(u.newcomer.as_str()),
                Cell::int(u.waiting_days),
                Cell::text(binding_type(&u.binding)),
                Cell::opt(rule, Cell::text),
                Cell::opt(binding_offers(&u.binding), Cell::int),
                Cell::text(u.reasons.first().map(|r| r.get(lang)).unwrap_or_default()),
                Cell::list(u.reasons.iter().map(|r| r.get(lang))),
            ]);
        }

        let mut demand = unmet_demand_table();
        for g in &run.unmet_demand {
            let (kind, value) = match &g.demand {
                Demand::Need { need } => ("need", written(need)),
                Demand::Language { language } => ("language", language.clone()),
            };
            demand.push(vec![
                id(),
                Cell::text(kind),
                Cell::text(value),
                Cell::int(g.households),
                Cell::int(g.offers),
                Cell::int(g.free_places),
                Cell::text(g.text.get(lang)),
            ]);
        }

        let mut unused = unused_offers_table();
        for u in &run.unused_offers {
            unused.push(vec![
                id(),
                Cell::text(u.offer.as_str()),
                Cell::int(u.free_places),
                Cell::int(u.candidates),
                Cell::opt(u.waiting_days, Cell::int),
                Cell::text(u.reason.get(lang)),
            ]);
        }

        let s = &run.statistics;
        let mut statistics = statistics_table();
        statistics.push(vec![
            id(),
            Cell::int(s.newcomers),
            Cell::int(s.offers),
            Cell::int(s.free_places),
            Cell::int(s.matched),
            Cell::int(s.unmatched),
            Cell::decimal(s.total_score),
            Cell::decimal(s.mean_score),
            Cell::int(s.pairs_evaluated),
            Cell::int(s.candidate_pairs),
            Cell::decimal(s.mean_waiting_days_unmatched),
            Cell::int(s.max_waiting_days_unmatched),
            Cell::int(s.offers_used),
            Cell::int(s.offers_without_candidates),
        ]);

        let mut alternatives = alternatives_table();
        for a in &run.alternatives {
            for (rank, o) in a.offers.iter().enumerate() {
                alternatives.push(vec![
                    id(),
                    Cell::text(a.newcomer.as_str()),
                    Cell::opt(a.matched.as_ref().map(|m| m.as_str()), Cell::text),
                    Cell::int(rank.saturating_add(1)),
                    Cell::text(o.offer.as_str()),
                    Cell::decimal(o.score),
                    Cell::opt(o.gap, Cell::decimal),
                    Cell::bool(o.full),
                ]);
            }
        }

        let mut why_not = why_not_table();
        for w in &run.why_not {
            why_not.push(vec![
                id(),
                Cell::text(w.newcomer.as_str()),
                Cell::text(w.offer.as_str()),
                Cell::text(tag(&w.reason)),
                Cell::text(w.text.get(lang)),
            ]);
        }

        vec![
            self.outcome(lang),
            matches,
            rules,
            unmatched,
            demand,
            unused,
            statistics,
            alternatives,
            why_not,
        ]
    }

    /// The headline, the proposed matches (with each rule's part when `explain`), the
    /// households not matched with their main reason, unmet demand, unused offers, and the
    /// reminder that matching proposes and people decide.
    fn document(&self, lang: Lang) -> Document {
        let run = self.run;
        let mut d = Document::new(lang, self.title(lang));
        for line in headline(run, lang) {
            d.push(Block::para(line));
        }
        let waited = |days: u32| {
            format!(
                "{} {}",
                t(lang, "ventet", "waited"),
                DAY.count(lang, n(days))
            )
        };
        if !run.matches.is_empty() {
            d.push(Block::Heading(
                2,
                t(lang, "Forslag", "Proposed matches").to_owned(),
            ));
            let items = run
                .matches
                .iter()
                .map(|m| {
                    let title = self
                        .offers
                        .iter()
                        .find(|o| o.id == m.offer)
                        .map(|o| format!(" ({})", o.title))
                        .unwrap_or_default();
                    OutlineItem {
                        line: vec![text(format!(
                            "{} → {}{title} · {} · {}",
                            m.newcomer,
                            m.offer,
                            match lang {
                                Lang::Da => format!("{} point", number::fixed(lang, m.score, 2)),
                                Lang::En => format!("score {}", number::fixed(lang, m.score, 2)),
                            },
                            waited(m.waiting_days),
                        ))],
                        children: if self.explain {
                            m.explanation
                                .iter()
                                .map(|why| {
                                    let mark = if why.hard { "✓" } else { "+" };
                                    vec![text(format!("{mark} {}", why.text.get(lang)))]
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect();
            d.push(Block::Outline(items));
        }
        if !run.unmatched.is_empty() {
            d.push(Block::Heading(
                2,
                t(lang, "Uden match", "Not matched").to_owned(),
            ));
            d.push(Block::List(
                run.unmatched
                    .iter()
                    .map(|u| {
                        let why = u.reasons.first().map(|r| r.get(lang)).unwrap_or_default();
                        vec![text(format!(
                            "{} ({}): {why}",
                            u.newcomer,
                            waited(u.waiting_days)
                        ))]
                    })
                    .collect(),
            ));
        }
        if !run.unmet_demand.is_empty() {
            d.push(Block::Heading(
                2,
                t(lang, "Efterspørgsel uden tilbud", "Demand no offer meets").to_owned(),
            ));
            d.push(Block::List(
                run.unmet_demand
                    .iter()
                    .map(|g| vec![text(g.text.get(lang))])
                    .collect(),
            ));
        }
        if !run.unused_offers.is_empty() {
            d.push(Block::Heading(
                2,
                t(lang, "Tilbud uden husstand", "Offers nobody got").to_owned(),
            ));
            d.push(Block::List(
                run.unused_offers
                    .iter()
                    .map(|u| vec![text(format!("{}: {}", u.offer, u.reason.get(lang)))])
                    .collect(),
            ));
        }
        // What the consent gate withheld, by subject and attribute (the core's texts, no
        // values), and where the consents and bases came from.
        if !run.withheld.is_empty() {
            d.push(Block::Heading(
                2,
                format!(
                    "{} ({})",
                    t(
                        lang,
                        "Tilbageholdt uden samtykke eller hjemmel",
                        "Withheld without consent or basis"
                    ),
                    run.bases_from.label(lang)
                ),
            ));
            d.push(Block::List(
                run.withheld
                    .iter()
                    .map(|w| vec![text(format!("{}: {}", w.subject, w.text.get(lang)))])
                    .collect(),
            ));
        }
        if run.alternatives.iter().any(|a| !a.offers.is_empty()) {
            d.push(Block::Heading(
                2,
                t(lang, "Næstbedste tilbud", "Next-best offers").to_owned(),
            ));
            d.push(Block::List(
                run.alternatives
                    .iter()
                    .filter(|a| !a.offers.is_empty())
                    .map(|a| {
                        let offers = a
                            .offers
                            .iter()
                            .map(|o| {
                                let score = match (o.gap, lang) {
                                    (Some(g), Lang::Da) if g < 0.0 => {
                                        format!("{} point mere", number::fixed(lang, -g, 2))
                                    }
                                    (Some(g), Lang::En) if g < 0.0 => {
                                        format!("{} points more", number::fixed(lang, -g, 2))
                                    }
                                    (Some(g), Lang::Da) => {
                                        format!("{} point mindre", number::fixed(lang, g, 2))
                                    }
                                    (Some(g), Lang::En) => {
                                        format!("{} points less", number::fixed(lang, g, 2))
                                    }
                                    (None, Lang::Da) => {
                                        format!("{} point", number::fixed(lang, o.score, 2))
                                    }
                                    (None, Lang::En) => {
                                        format!("score {}", number::fixed(lang, o.score, 2))
                                    }
                                };
                                let full = if o.full {
                                    format!(", {}", t(lang, "optaget", "full"))
                                } else {
                                    String::new()
                                };
                                format!("{} ({score}{full})", o.offer)
                            })
                            .collect::<Vec<_>>()
                            .join(", ");
                        vec![text(format!("{}: {offers}", a.newcomer))]
                    })
                    .collect(),
            ));
        }
        if !run.why_not.is_empty() {
            d.push(Block::Heading(
                2,
                t(lang, "Hvorfor ikke?", "Why not?").to_owned(),
            ));
            d.push(Block::List(
                run.why_not
                    .iter()
                    .map(|w| {
                        vec![text(format!(
                            "{} → {}: {}",
                            w.newcomer,
                            w.offer,
                            w.text.get(lang)
                        ))]
                    })
                    .collect(),
            ));
        }
        d.push(Block::para(t(
            lang,
            "Matchningen foreslår; mennesker beslutter.",
            "Matching proposes; people decide.",
        )));
        d
    }
}

impl Present for MatchRun {
    fn title(&self, lang: Lang) -> String {
        MatchRunReport::new(self).title(lang)
    }

    fn tables(&self, lang: Lang) -> Vec<Table> {
        MatchRunReport::new(self).tables(lang)
    }

    fn document(&self, lang: Lang) -> Document {
        MatchRunReport::new(self).document(lang)
    }
}

/// The `introductions` table of a cohort of `d` on day `on`: one row per household with
/// `cohort`, `newcomer`, `state` (`upcoming`, `due`, `overdue` or `completed`),
/// `introductions` (given so far), `next_number` (missing when complete), `last_on`, `due_on`,
/// `deadline`, `days_overdue` and `text` (in `lang`). Throws `NotFound` for an unknown cohort.
pub fn introductions_table(
    d: &Dossier,
    cohort: &CohortId,
    on: NaiveDate,
    lang: Lang,
) -> Result<Table, BrobyggerError> {
    let mut table = introductions_table_empty();
    for s in introduction_status(d, cohort, on)? {
        let completed = s.state == IntroductionState::Completed;
        table.push(vec![
            Cell::text(cohort.as_str()),
            Cell::text(s.newcomer.as_str()),
            Cell::value(&s.state),
            Cell::int(s.introductions),
            if completed {
                Cell::Missing
            } else {
                Cell::int(s.next_number)
            },
            Cell::opt(s.last_on, Cell::date),
            Cell::opt(s.due_on, Cell::date),
            Cell::opt(s.deadline, Cell::date),
            Cell::int(s.days_overdue),
            Cell::text(s.text.get(lang)),
        ]);
    }
    Ok(table)
}

/// The `relationships` table of `d` on day `on`: one row per relationship proposed by then,
/// with `relationship`, `newcomer`, `offer`, `cohort`, `state` (on the day: `proposed`,
/// `accepted`, `declined`, `withdrawn`, `started`, `active` or `ended`), `proposed_on`,
/// `started_on`, `ended_on`, `end_reason`, `rematch` (whether the household waits for a new
/// match), `replaces`, `days_running` (met until ended or the day) and `state_text` (in
/// `lang`). Ids and dates only: no profile value.
pub fn relationships_table(d: &Dossier, on: NaiveDate, lang: Lang) -> Table {
    let mut table = relationships_table_empty();
    for r in &d.relationships {
        let Some(state) = r.state_on(on) else {
            continue;
        };
        let ended = r.ended().filter(|(e, _, _)| *e <= on);
        table.push(vec![
            Cell::text(r.id.as_str()),
            Cell::text(r.newcomer.as_str()),
            Cell::text(r.offer.as_str()),
            Cell::opt(r.cohort.as_ref().map(|c| c.as_str()), Cell::text),
            Cell::value(&state),
            Cell::date(r.proposed_on),
            Cell::opt(r.started_on().filter(|s| *s <= on), Cell::date),
            Cell::opt(ended.map(|e| e.0), Cell::date),
            Cell::opt(ended.map(|e| e.1), |x| Cell::value(&x)),
            Cell::opt(ended.map(|e| e.2), Cell::bool),
            Cell::opt(r.replaces.as_ref().map(|x| x.as_str()), Cell::text),
            Cell::int(r.days_running(on)),
            Cell::text(state.label(lang)),
        ]);
    }
    table
}

/// The `relationship_events` table of `d`: one row per event of every relationship, oldest
/// first within each, with `relationship`, `newcomer`, `offer`, `on`, `event` (`accepted`,
/// `declined`, `withdrawn`, `started`, `check_in` or `ended`), `detail` (the side, the
/// check-in's outcome or the end's reason, in `lang`) and `by` (the post that recorded it).
pub fn relationship_events_table(d: &Dossier, lang: Lang) -> Table {
    let mut table = relationship_events_table_empty();
    for r in &d.relationships {
        for e in &r.events {
            let detail = match &e.kind {
                RelationshipEventKind::Accepted { side }
                | RelationshipEventKind::Declined { side } => Some(side.label(lang)),
                RelationshipEventKind::CheckIn { outcome } => Some(outcome.label(lang)),
                RelationshipEventKind::Ended { reason, .. } => Some(reason.label(lang)),
                RelationshipEventKind::Withdrawn | RelationshipEventKind::Started => None,
            };
            table.push(vec![
                Cell::text(r.id.as_str()),
                Cell::text(r.newcomer.as_str()),
                Cell::text(r.offer.as_str()),
                Cell::date(e.on),
                Cell::text(e.kind.code()),
                Cell::opt(detail, Cell::text),
                Cell::opt(e.by.as_ref().map(|b| b.as_str()), Cell::text),
            ]);
        }
    }
    table
}

pub(crate) fn relationships_table_empty() -> Table {
    Table::new(
        "relationships",
        Text::new("Forløb", "Relationships"),
        vec![
            Column::text("relationship", "Forløb", "Relationship"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::text("cohort", "Kohorte", "Cohort").optional(),
            Column::text("state", "Tilstand", "State"),
            Column::date("proposed_on", "Foreslået", "Proposed"),
            Column::date("started_on", "Startet", "Started").optional(),
            Column::date("ended_on", "Afsluttet", "Ended").optional(),
            Column::text("end_reason", "Årsag til afslutning", "Why it ended").optional(),
            Column::bool("rematch", "Venter på nyt match", "Waits for a new match").optional(),
            Column::text("replaces", "Erstatter", "Replaces").optional(),
            Column::integer("days_running", "Dage i gang", "Days running"),
            Column::text("state_text", "Tilstand (tekst)", "State (text)"),
        ],
    )
}

pub(crate) fn relationship_events_table_empty() -> Table {
    Table::new(
        "relationship_events",
        Text::new("Hændelser i forløbene", "Relationship events"),
        vec![
            Column::text("relationship", "Forløb", "Relationship"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::date("on", "Dato", "Date"),
            Column::text("event", "Hændelse", "Event"),
            Column::text("detail", "Detalje", "Detail").optional(),
            Column::text("by", "Registreret af", "Recorded by").optional(),
        ],
    )
}

pub(crate) fn alternatives_table() -> Table {
    Table::new(
        "alternatives",
        Text::new("Næstbedste tilbud", "Next-best offers"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("matched", "Matchet med", "Matched with").optional(),
            Column::integer("rank", "Plads", "Rank"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::decimal("score", "Point", "Score"),
            Column::decimal("gap", "Afstand til match", "Gap to the match").optional(),
            Column::bool("full", "Optaget", "Full"),
        ],
    )
}

pub(crate) fn why_not_table() -> Table {
    Table::new(
        "why_not",
        Text::new("Hvorfor ikke dette par?", "Why not this pair?"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::text("reason", "Grund", "Reason"),
            Column::text("text", "Forklaring", "Explanation"),
        ],
    )
}

pub(crate) fn outcome_table() -> Table {
    Table::new(
        "match_outcome",
        Text::new("Husstandene", "The households"),
        vec![
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("status", "Status", "Status"),
            Column::text("offer", "Tilbud", "Offer").optional(),
            Column::decimal("score", "Point", "Score")
                .decimals(2)
                .optional(),
            Column::integer("waiting_days", "Ventedage", "Days waited"),
            Column::text("binding", "Afgørende", "Deciding constraint").optional(),
            Column::list("reason", "Begrundelse", "Reason"),
        ],
    )
}

pub(crate) fn matches_table() -> Table {
    Table::new(
        "matches",
        Text::new("Forslag", "Proposed matches"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::decimal("score", "Point", "Score"),
            Column::integer("waiting_days", "Ventedage", "Days waited"),
            Column::integer("hard_rules", "Krav opfyldt", "Hard rules met"),
            Column::integer(
                "soft_rules_scoring",
                "Ønsker med point",
                "Soft rules scoring",
            ),
        ],
    )
}

pub(crate) fn match_rules_table() -> Table {
    Table::new(
        "match_rules",
        Text::new("Begrundelser for forslagene", "Why each match was proposed"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::text("rule", "Regel", "Rule"),
            Column::bool("hard", "Krav", "Hard"),
            Column::decimal("points", "Point", "Points"),
            Column::text("text", "Begrundelse", "Explanation"),
        ],
    )
}

pub(crate) fn unmatched_table() -> Table {
    Table::new(
        "unmatched",
        Text::new("Uden match", "Not matched"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::integer("waiting_days", "Ventedage", "Days waited"),
            Column::text("binding", "Afgørende", "Deciding constraint"),
            Column::text("binding_rule", "Afgørende regel", "Deciding rule").optional(),
            Column::integer("binding_offers", "Tilbud berørt", "Offers concerned").optional(),
            Column::text("reason", "Vigtigste grund", "Main reason"),
            Column::list("reasons", "Grunde", "Reasons"),
        ],
    )
}

pub(crate) fn unmet_demand_table() -> Table {
    Table::new(
        "unmet_demand",
        Text::new("Efterspørgsel uden tilbud", "Demand no offer meets"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("demand_type", "Slags", "Kind"),
            Column::text("demand", "Efterspurgt", "Demand"),
            Column::integer("households", "Husstande", "Households"),
            Column::integer("offers", "Tilbud", "Offers"),
            Column::integer("free_places", "Ledige pladser", "Free places"),
            Column::text("text", "Beskrivelse", "Description"),
        ],
    )
}

pub(crate) fn unused_offers_table() -> Table {
    Table::new(
        "unused_offers",
        Text::new("Tilbud uden husstand", "Offers nobody got"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::integer("free_places", "Ledige pladser", "Free places"),
            Column::integer("candidates", "Mulige husstande", "Possible households"),
            Column::integer("waiting_days", "Ventedage", "Days waited").optional(),
            Column::text("reason", "Grund", "Reason"),
        ],
    )
}

pub(crate) fn statistics_table() -> Table {
    Table::new(
        "match_statistics",
        Text::new("Tal for kørslen", "The run in figures"),
        vec![
            Column::text("run", "Kørsel", "Run"),
            Column::integer("newcomers", "Husstande", "Households"),
            Column::integer("offers", "Tilbud", "Offers"),
            Column::integer("free_places", "Ledige pladser", "Free places"),
            Column::integer("matched", "Matchet", "Matched"),
            Column::integer("unmatched", "Ikke matchet", "Unmatched"),
            Column::decimal("total_score", "Pointsum", "Total score").decimals(2),
            Column::decimal("mean_score", "Gns. point", "Mean score").decimals(2),
            Column::integer("pairs_evaluated", "Par vurderet", "Pairs evaluated"),
            Column::integer("candidate_pairs", "Mulige par", "Candidate pairs"),
            Column::decimal(
                "mean_waiting_days_unmatched",
                "Gns. ventetid uden match (dage)",
                "Mean days waited, unmatched",
            )
            .decimals(1),
            Column::integer(
                "max_waiting_days_unmatched",
                "Længste ventetid uden match (dage)",
                "Longest wait, unmatched (days)",
            ),
            Column::integer("offers_used", "Tilbud brugt", "Offers used"),
            Column::integer(
                "offers_without_candidates",
                "Tilbud uden mulige husstande",
                "Offers without candidates",
            ),
        ],
    )
}

pub(crate) fn introductions_table_empty() -> Table {
    Table::new(
        "introductions",
        Text::new("Introduktioner", "Introductions"),
        vec![
            Column::text("cohort", "Kohorte", "Cohort"),
            Column::text("newcomer", "Husstand", "Household"),
            Column::text("state", "Status", "State"),
            Column::integer("introductions", "Givet", "Given"),
            Column::integer("next_number", "Næste nr.", "Next no.").optional(),
            Column::date("last_on", "Sidst", "Last on").optional(),
            Column::date("due_on", "Planlagt", "Due on").optional(),
            Column::date("deadline", "Senest", "Deadline").optional(),
            Column::integer("days_overdue", "Dage over", "Days overdue").optional(),
            Column::text("text", "Opgave", "Task"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "match_outcome" => outcome_table(),
        "matches" => matches_table(),
        "match_rules" => match_rules_table(),
        "unmatched" => unmatched_table(),
        "unmet_demand" => unmet_demand_table(),
        "unused_offers" => unused_offers_table(),
        "match_statistics" => statistics_table(),
        "introductions" => introductions_table_empty(),
        "alternatives" => alternatives_table(),
        "why_not" => why_not_table(),
        "relationships" => relationships_table_empty(),
        "relationship_events" => relationship_events_table_empty(),
        _ => return None,
    })
}
