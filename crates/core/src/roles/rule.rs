//! The lifecycle rule that holds the statutory line: an agreement is not signed or activated
//! while its split has errors, such as a statutory task held by a non-municipal party.

use super::analysis::analyse;
use super::tasks::Scope;
use crate::finding::{Finding, Severity};
use crate::lifecycle::rule::{TransitionContext, TransitionRule};
use crate::status::AgreementStatus;

/// Blocks signing and activation while the role split of the terms in force has error findings
/// (a statutory task where a non-municipal party is Responsible or Accountable, 001 "Anerkendelse
/// og respekt"; more than one Accountable on a task). Part of
/// [`TransitionPolicy::standard`](crate::TransitionPolicy::standard).
#[derive(Debug, Clone, Copy)]
pub struct RoleSplitRule;

impl TransitionRule for RoleSplitRule {
    fn applies(&self, _from: AgreementStatus, to: AgreementStatus) -> bool {
        matches!(to, AgreementStatus::Signed | AgreementStatus::Active)
    }

    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let Some(terms) = ctx.agreement.terms() else {
            return Vec::new();
        };
        let path = ctx.terms_path();
        let scope = Scope::new(ctx.dossier, terms, &path);
        analyse(&scope, Some(ctx.at.date_naive()))
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }
}
