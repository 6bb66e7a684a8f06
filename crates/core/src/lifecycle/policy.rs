//! The set of rules a transition must pass, and the standard set.

use crate::finding::Finding;
use crate::lifecycle::rule::{
    ActivationRule, SigningReadinessRule, TransitionContext, TransitionRule, ValidAgreementRule,
};

/// The rules a transition must pass.
#[derive(Debug, Default)]
pub struct TransitionPolicy {
    rules: Vec<Box<dyn TransitionRule>>,
}

impl TransitionPolicy {
    /// A policy with no rules: only the lifecycle's edges are enforced.
    pub fn empty() -> Self {
        Self { rules: Vec::new() }
    }

    /// The built-in rules: a valid agreement, signing readiness, not activating before the
    /// term starts, a role split without errors ([`crate::roles::RoleSplitRule`]), and the
    /// checklists required before signing with no unresolved critical divergence
    /// ([`crate::checklists::ChecklistReadinessRule`]).
    pub fn standard() -> Self {
        Self::empty()
            .with_rule(ValidAgreementRule)
            .with_rule(SigningReadinessRule)
            .with_rule(ActivationRule)
            .with_rule(crate::roles::rule::RoleSplitRule)
            .with_rule(crate::checklists::readiness::ChecklistReadinessRule)
    }

    /// This policy with one more rule.
    #[must_use]
    pub fn with_rule(mut self, rule: impl TransitionRule + 'static) -> Self {
        self.rules.push(Box::new(rule));
        self
    }

    /// Adds a rule.
    pub fn add_rule(&mut self, rule: Box<dyn TransitionRule>) {
        self.rules.push(rule);
    }

    /// All findings of all applicable rules.
    pub fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .rules
            .iter()
            .filter(|r| r.applies(ctx.from, ctx.to))
            .flat_map(|r| r.check(ctx))
            .collect();
        crate::finding::sort_findings(&mut out);
        out
    }
}
