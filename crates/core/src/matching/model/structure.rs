//! What a run with seats or quotas reports: how it was solved, whether the answer is proven
//! optimal, each quota's outcome and the share of the objective the quotas cost.

use crate::i18n::{Text, labels};
use crate::matching::model::capacity::QuotaGroup;

/// How a run with seats or quotas was solved.
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
pub enum StructureMethod {
    /// A min-cost flow: the quotas nest (each side's groups are disjoint or contained in one
    /// another) and every offer's seats reduce to a number of households. Exact.
    Flow,
    /// Branch and bound over the households, for small instances the flow cannot model. Exact.
    BranchAndBound,
    /// A flow relaxation repaired to meet every seat and quota: not proven optimal, with the
    /// relaxation's total as an upper bound.
    Repair,
    /// Best pair first, keeping seats and the quotas' most (the greedy solver).
    Greedy,
}

labels!(StructureMethod, "structure_method" {
    Flow => ("min-cost flow (eksakt)", "min-cost flow (exact)"),
    BranchAndBound => ("branch and bound (eksakt)", "branch and bound (exact)"),
    Repair => ("reparation af en afslapning (ikke bevist optimal)", "repaired relaxation (not proven optimal)"),
    Greedy => ("grådig", "greedy"),
});

/// One quota's outcome.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuotaOutcome {
    /// The group.
    pub group: QuotaGroup,
    /// The least asked for.
    pub min: u32,
    /// The most allowed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Matches in the group.
    pub matched: u32,
    /// Whether the quota is met.
    pub met: bool,
    /// Whether it binds: the run's matches in the group stand at its least or its most and
    /// the run without quotas would have more (least) or fewer (most) there.
    pub binding: bool,
    /// A sentence for the report.
    pub text: Text,
}

/// How a run with seats or quotas was solved and what the quotas cost.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StructureReport {
    /// How it was solved.
    pub method: StructureMethod,
    /// Whether the assignment is proven optimal.
    pub exact: bool,
    /// The run's total score.
    pub total_score: f64,
    /// An upper bound on the best total under the same constraints (the total itself when
    /// exact).
    pub bound: f64,
    /// The best total without the quotas (seats kept), when the rule set has quotas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_without_quotas: Option<f64>,
    /// The share of the objective given up for the quotas: (without − with) / without, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_cost: Option<f64>,
    /// Each quota's outcome, in the rule set's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<QuotaOutcome>,
}
