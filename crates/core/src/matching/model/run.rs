//! A stored matching run: the matches with their explanations, the unmatched households and
//! their binding constraint, unmet demand, unused offers and statistics, and the solver that
//! made it.

use crate::i18n::{Text, labels};
use crate::ids::{CohortId, MatchRunId, NewcomerId, OfferId, RuleId};
use crate::matching::model::profile::Need;
use chrono::NaiveDate;

/// Which solver a run uses.
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
pub enum Solver {
    /// Best-scoring pair first, repeatedly: fast, and what coordinators do by hand.
    Greedy,
    /// The largest total score under the capacities (exact); among equal totals, the most
    /// matches.
    #[default]
    Optimal,
    /// Stable, newcomers proposing: the best stable result for every household.
    // Also read as `stable`, the CLI's name (one vocabulary of names with the CLI, issue 21).
    #[serde(alias = "stable")]
    StableNewcomerProposing,
    /// Stable, offers proposing: the best stable result for every offer.
    // Also read as `stable_offers`, the CLI's `stable-offers`.
    #[serde(alias = "stable_offers", alias = "stable-offers")]
    StableOfferProposing,
}

labels!(Solver, "solver" {
    Greedy => ("grådig", "greedy"),
    Optimal => ("optimal", "optimal"),
    StableNewcomerProposing => ("stabil, nyankomne foreslår", "stable, newcomers proposing"),
    StableOfferProposing => ("stabil, tilbud foreslår", "stable, offers proposing"),
});

/// How offers rank households in stable matching.
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
pub enum OfferRanking {
    /// By the pair's score, then longer waiting.
    #[default]
    Score,
    /// Longest waiting first (a waiting list), then by score.
    LongestWaiting,
}

labels!(OfferRanking, "offer_ranking" {
    Score => ("efter point", "by score"),
    LongestWaiting => ("længst ventetid først", "longest waiting first"),
});

/// The result of a matching run. Proposals for people to decide on, never decisions.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchRun {
    /// Id of the run.
    pub id: MatchRunId,
    /// The rule set used.
    pub rule_set: crate::ids::RuleSetId,
    /// The cohort matched, when the run was over a stored cohort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort: Option<CohortId>,
    /// The solver used.
    pub solver: Solver,
    /// How offers ranked households (stable solvers).
    pub offer_ranking: OfferRanking,
    /// The day of the run.
    pub as_of: NaiveDate,
    /// The proposed matches, in the newcomers' input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<Match>,
    /// The households left unmatched, with reasons, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<Unmatched>,
    /// Needs and languages that the offers cannot cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmet_demand: Vec<DemandGap>,
    /// Offers with free places that got no household in this run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unused_offers: Vec<UnusedOffer>,
    /// Counts, scores and waiting times.
    pub statistics: MatchStatistics,
    /// Sensitive attributes the run could not use for a household or an offer, because no
    /// consent or other basis covered them on the run's day (`crate::privacy::gate`). Listed
    /// for every such subject whatever its data holds, so the list reveals no value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<crate::privacy::model::sensitive::WithheldAttribute>,
    /// The sensitive attributes the run used, for whom, and the consent or basis that allowed
    /// it; a later withdrawal of that consent marks the run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_uses: Vec<crate::privacy::model::sensitive::SensitiveUse>,
    /// Where the consents and bases the run was gated by came from (runs stored before this
    /// field existed were matched under their dossier's records).
    #[serde(default)]
    pub bases_from: crate::privacy::model::sensitive::BasisSource,
    /// The bases the call declared, which `sensitive_uses` may name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub declared_bases: Vec<crate::privacy::model::basis::DeclaredBasis>,
    /// Seats and quotas: how the run met them, what the quotas cost, and whether the solution
    /// is proven optimal. Absent when no offer has seats and the rule set has no quotas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<crate::matching::model::structure::StructureReport>,
    /// Households in the run that lost a match and wait for a new one (a rematch), in input
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiting_again: Vec<NewcomerId>,
    /// Each household's next best offers, when the options asked for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<crate::matching::model::explain::Alternatives>,
    /// Answers to the options' why-not questions, in their order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why_not: Vec<crate::matching::model::explain::WhyNot>,
}

/// One proposed match with its score and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Match {
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// The total score (sum of the soft rules' points, in millionths).
    pub score: f64,
    /// Days the household had waited on the day of the run.
    pub waiting_days: u32,
    /// Each rule's part: every hard rule met, and each soft rule's points.
    pub explanation: Vec<RuleOutcome>,
}

/// What one rule contributed to a match.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleOutcome {
    /// The rule.
    pub rule: RuleId,
    /// Whether it is a hard rule (met) or a soft one (scored).
    pub hard: bool,
    /// Points added (0 for hard rules).
    pub points: f64,
    /// The rule's explanation, filled in.
    pub text: Text,
}

/// A household without a match, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Unmatched {
    /// The household.
    pub newcomer: NewcomerId,
    /// Days waited on the day of the run.
    pub waiting_days: u32,
    /// The constraint that decided it.
    pub binding: BindingConstraint,
    /// The reasons, most important first.
    pub reasons: Vec<Text>,
}

/// What kept a household unmatched.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BindingConstraint {
    /// There are no offers at all.
    NoOffers,
    /// A hard rule: relaxing it alone would open `offers_blocked_only_by_it` offers.
    Rule {
        /// The rule.
        rule: RuleId,
        /// Offers that fail this rule and no other.
        offers_blocked_only_by_it: u32,
    },
    /// Offers meet every hard rule but have no free place left before the run.
    NoFreePlaces {
        /// How many such offers.
        offers: u32,
    },
    /// Offers met every hard rule and had places, but the solver gave them to other
    /// households.
    PlacesTaken {
        /// How many offers the household could have had.
        eligible: u32,
    },
    /// Offers met every hard rule and had places, but the household's history rules them out:
    /// a side declined the pair before, or they are or were together.
    History {
        /// How many such offers.
        offers: u32,
    },
    /// Offers met every hard rule and had places, but not enough seats of some kind for the
    /// household (adults, children, rooms, ...).
    Seats {
        /// How many such offers.
        offers: u32,
    },
}

/// A need or language the offers cannot cover.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DemandGap {
    /// What is in demand.
    pub demand: Demand,
    /// Households asking for it.
    pub households: u32,
    /// Offers with free places that provide it.
    pub offers: u32,
    /// Their free places together (a sum of capacities from input: wider than one offer's).
    pub free_places: u64,
    /// A sentence for the report.
    pub text: Text,
}

/// A need or a language.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Demand {
    /// A need.
    Need {
        /// Which.
        need: Need,
    },
    /// A language (ISO 639 code) no offer speaks well enough.
    Language {
        /// Which.
        language: String,
    },
}

/// An offer with free places that got no household.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnusedOffer {
    /// The offer.
    pub offer: OfferId,
    /// Its free places.
    pub free_places: u32,
    /// Households that met every hard rule with it.
    pub candidates: u32,
    /// Days since it was listed, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_days: Option<u32>,
    /// Why it got nobody.
    pub reason: Text,
}

/// Counts, scores and waiting times of a run.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchStatistics {
    /// Households in the run.
    pub newcomers: u32,
    /// Offers in the run.
    pub offers: u32,
    /// Free places before the run (a sum of capacities from input: wider than one offer's).
    pub free_places: u64,
    /// Pairs the rules were evaluated on (after spatial or area pruning).
    pub pairs_evaluated: u64,
    /// Pairs that passed every hard rule.
    pub candidate_pairs: u64,
    /// Households matched.
    pub matched: u32,
    /// Households not matched.
    pub unmatched: u32,
    /// Sum of the matches' scores.
    pub total_score: f64,
    /// Mean score of a match (0 without matches).
    pub mean_score: f64,
    /// Mean days waited by the unmatched (0 without any).
    pub mean_waiting_days_unmatched: f64,
    /// Longest wait among the unmatched.
    pub max_waiting_days_unmatched: u32,
    /// Offers that got at least one household.
    pub offers_used: u32,
    /// Offers with free places that no household could use.
    pub offers_without_candidates: u32,
}

/// A short text for a binding constraint, for reports.
pub fn describe_binding(b: &crate::matching::model::run::BindingConstraint) -> Text {
    use crate::matching::model::run::BindingConstraint as B;
    match b {
        B::NoOffers => Text::new("ingen tilbud", "no offers"),
        B::Rule { rule, .. } => Text::new(format!("reglen '{rule}'"), format!("the rule '{rule}'")),
        B::NoFreePlaces { .. } => Text::new("ingen ledige pladser", "no free places"),
        B::PlacesTaken { .. } => Text::new("pladserne gik til andre", "places went to others"),
        B::History { .. } => Text::new("tidligere forløb", "earlier history"),
        B::Seats { .. } => Text::new("for få pladser af en slags", "too few seats of a kind"),
    }
}
