//! Places and place-bound partnerships (004): a [`Place`] (a housing area, a neighbourhood, a
//! school district), an agreement's [`PlaceBinding`] to one with its duration, and the
//! [`PartnershipProcess`] that records when problems were identified, when activities were fixed and when
//! each party came to the table ([`Involvement`]). The assessment's anchoring checks read them:
//! NGOs and business involved early, a long-term commitment, goals for the place.

pub(crate) mod model;
pub(crate) mod validate;

pub use model::binding::{Involvement, PartnershipProcess, PlaceBinding};
pub use model::place::{Place, PlaceKind};
