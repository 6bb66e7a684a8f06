//! What a run says beyond its matches when asked: each household's next best offers with the
//! score it would give up, and why a given household and offer were not matched.
//!
//! Asked through [`ExplainOptions`] on the run's options, so the answers come from the same
//! gated profiles, history and candidates as the run itself; they name rules, ids and points,
//! never a profile's value.

use crate::i18n::{Text, labels};
use crate::ids::{NewcomerId, OfferId, RuleId};

/// A household and an offer, asked about.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PairQuery {
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
}

impl PairQuery {
    /// `newcomer` with `offer`.
    pub fn new(newcomer: impl Into<NewcomerId>, offer: impl Into<OfferId>) -> Self {
        Self {
            newcomer: newcomer.into(),
            offer: offer.into(),
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What a run explains beyond its matches. The default: nothing more.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExplainOptions {
    /// For each household, this many next-best offers that meet every hard rule (0: none).
    #[serde(skip_serializing_if = "is_zero")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub alternatives: u32,
    /// Pairs to explain: why they were not matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub why_not: Vec<PairQuery>,
}

impl ExplainOptions {
    /// Whether nothing more is asked.
    pub fn is_empty(&self) -> bool {
        self.alternatives == 0 && self.why_not.is_empty()
    }

    /// The `k` next-best offers of every household.
    pub fn alternatives(mut self, k: u32) -> Self {
        self.alternatives = k;
        self
    }

    /// Also why `newcomer` and `offer` were not matched.
    pub fn why_not(mut self, newcomer: impl Into<NewcomerId>, offer: impl Into<OfferId>) -> Self {
        self.why_not.push(PairQuery::new(newcomer, offer));
        self
    }
}

/// An offer a household could also have had.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlternativeOffer {
    /// The offer.
    pub offer: OfferId,
    /// The pair's score.
    pub score: f64,
    /// The household's match's score minus this one (absent when the household is unmatched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// Whether the run filled the offer's places.
    pub full: bool,
}

/// A household's next best offers, best first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Alternatives {
    /// The household.
    pub newcomer: NewcomerId,
    /// Its match in the run, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<OfferId>,
    /// The next best offers that meet every hard rule and the history allows, best first.
    pub offers: Vec<AlternativeOffer>,
}

/// A side of a pair.
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
pub enum PairSide {
    /// The household.
    Household,
    /// The offer.
    Offer,
}

labels!(PairSide, "pair_side" {
    Household => ("husstanden", "the household"),
    Offer => ("tilbuddet", "the offer"),
});

/// Why a household and an offer were not matched.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WhyNotReason {
    /// They were matched.
    Matched,
    /// A side was not in the run: the household holds a place in a relationship or no consent
    /// or basis covers matching on the day, or the id is not the dossier's.
    NotInRun {
        /// The side missing.
        side: PairSide,
    },
    /// Hard rules fail for the pair.
    HardRules {
        /// The rules, in the rule set's order.
        rules: Vec<RuleId>,
    },
    /// A side declined the pair before.
    DeclinedBefore,
    /// The pair is or was together: not proposed again as new.
    Together,
    /// The offer lacks seats of some kind for the household.
    Seats,
    /// The offer had no free place on the day.
    NoFreePlace,
    /// The chosen assignment scores more than the best the solver finds with the pair fixed.
    Outscored {
        /// The run's total score.
        total: f64,
        /// The total with the pair fixed.
        with_pair: f64,
        /// `total − with_pair`: what the pair would cost (negative only for a solver that is
        /// not optimal).
        gap: f64,
    },
    /// With the pair fixed, the quotas or seats cannot all be kept.
    Infeasible,
    /// Stable matching: a side prefers what it has.
    Preferred {
        /// The side that prefers its match.
        side: PairSide,
    },
}

/// The answer to "why was this household not matched with this offer?".
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WhyNot {
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// Why.
    pub reason: WhyNotReason,
    /// The answer as a sentence (ids, rules and points only).
    pub text: Text,
}
