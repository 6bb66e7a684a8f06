//! The checks that read the dossier, one file per [`Dimension`](super::Dimension), and the
//! driver that runs the whole catalogue on one agreement.
//!
//! To find a check, take its dimension in the catalogue: `assessment.short_notice` scores in
//! meetings, so it is [`meetings::short_notice`]. Each check is a function of the shared
//! [`Ctx`] and returns a [`CheckRun`]: a credit (`None` when the rule does not apply on the
//! date), a note saying why, the paths it looked at, and a finding for each thing not in order.
//! What the checks share (the context, the municipal-side/civil-side rules, the date helpers)
//! is in [`context`].
//!
//! The five external checks (role split, statutory tasks, expectation alignment,
//! introductions, matching) have no function of their own: [`external_run`] judges each from
//! the findings other modules routed to it.

pub(crate) mod anchoring;
pub(crate) mod breadth;
pub(super) mod context;
pub(crate) mod continuity;
pub(crate) mod expectations;
pub(crate) mod formalisation;
pub(crate) mod meetings;
pub(crate) mod newcomer_offers;
pub(crate) mod resources;
pub(crate) mod roles;
pub(crate) mod run;
