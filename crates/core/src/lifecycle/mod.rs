//! Moving agreements through their lifecycle, with rules that can block a step.
//!
//! A transition must be an edge of [`AgreementStatus`](crate::AgreementStatus)'s lifecycle and
//! pass the rules of a [`TransitionPolicy`]. Rules return [`Finding`](crate::Finding)s; error
//! findings block, unless the request carries an override reason, which is then recorded in the
//! event with the codes it overrode. [`TransitionPolicy::standard`] holds the built-in rules;
//! other features (checklists, roles) add their own by implementing [`TransitionRule`].
//! Reached through [`Dossier::lifecycle`](crate::Dossier::lifecycle).

pub(crate) mod facet;
pub(crate) mod model;
pub(crate) mod policy;
pub(crate) mod rule;
pub(crate) mod transition;

pub use facet::LifecycleFacet;
pub use model::LifecycleCode;
pub use policy::TransitionPolicy;
pub use rule::{
    ActivationRule, SigningReadinessRule, TransitionContext, TransitionRule, ValidAgreementRule,
    signing_findings,
};
pub use transition::{LifecycleError, TransitionRequest};
