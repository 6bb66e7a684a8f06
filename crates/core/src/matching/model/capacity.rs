//! Capacity with more than one dimension, and quotas.
//!
//! An offer takes a number of households ([`Offer::capacity`](crate::matching::Offer)) and, when
//! it says so, a number of seats of several kinds: a contact family may have room for two adults
//! and three children, a housing offer for rooms and school places. A household needs seats of
//! each kind as its composition says (`SeatKind::need_of`), or as it states itself (`SeatNeed`, for custom
//! kinds); the seat types are in `seats.rs`.
//!
//! A rule set may set quotas: at least or at most so many matches in a group of offers (an
//! area, a kind of offer) or of households (an area). Both are solved exactly by the optimal
//! solver (see `crate::matching::structure`).

use crate::i18n::{Lang, Text};
use crate::matching::model::profile::{Newcomer, Offer, OfferKind};

/// The group a quota counts matches in.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum QuotaGroup {
    /// Matches with offers in an area (compared without case).
    OfferArea {
        /// The area.
        area: String,
    },
    /// Matches with offers of a kind.
    OfferKind {
        /// The kind.
        kind: OfferKind,
    },
    /// Matches of households living in an area (compared without case).
    NewcomerArea {
        /// The area.
        area: String,
    },
}

impl QuotaGroup {
    /// Whether the group is a set of offers (else of households).
    pub fn on_offers(&self) -> bool {
        !matches!(self, QuotaGroup::NewcomerArea { .. })
    }

    /// Whether `o` belongs to the group (always false for a household group).
    pub fn has_offer(&self, o: &Offer) -> bool {
        match self {
            QuotaGroup::OfferArea { area } => o.area.as_deref().is_some_and(|a| same(a, area)),
            QuotaGroup::OfferKind { kind } => o.kind == *kind,
            QuotaGroup::NewcomerArea { .. } => false,
        }
    }

    /// Whether `n` belongs to the group (always false for an offer group).
    pub fn has_newcomer(&self, n: &Newcomer) -> bool {
        match self {
            QuotaGroup::NewcomerArea { area } => n.area.as_deref().is_some_and(|a| same(a, area)),
            _ => false,
        }
    }

    /// A short bilingual name: "tilbud i Brande" / "offers in Brande".
    pub fn describe(&self) -> Text {
        use crate::i18n::Label;
        match self {
            QuotaGroup::OfferArea { area } => {
                Text::new(format!("tilbud i {area}"), format!("offers in {area}"))
            }
            QuotaGroup::OfferKind { kind } => Text::new(
                format!("tilbud af typen {}", kind.label(Lang::Da)),
                format!("offers of the kind {}", kind.label(Lang::En)),
            ),
            QuotaGroup::NewcomerArea { area } => Text::new(
                format!("husstande i {area}"),
                format!("households in {area}"),
            ),
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// At least `min` and at most `max` matches in a group.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Quota {
    /// The group.
    pub group: QuotaGroup,
    /// The fewest matches in the group (0 by default).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min: u32,
    /// The most matches in the group (no limit if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
