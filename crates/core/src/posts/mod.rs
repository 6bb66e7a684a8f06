//! Posts and their holders: who held which role when, kept as history, and handing posts over.
//!
//! A post ("municipal coordinator of the LBB partnership") exists independently of the person
//! holding it. Holders are tenures with a start and an optional end, so a change of person adds
//! history instead of overwriting it; continuity and turnover are computed from that history
//! (001 "Kontinuitet i en dynamisk verden"). Reached through
//! [`Dossier::posts`](crate::Dossier::posts).

pub(crate) mod facet;
pub(crate) mod handover;
pub(crate) mod model;

pub use facet::PostsFacet;
pub use handover::{Handover, HandoverCode, HandoverError, HandoverReport, HandoverScope};
pub use model::{Post, PostKind, Tenure};
