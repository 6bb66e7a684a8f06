//! Places a partnership can be bound to (004): a housing area, a neighbourhood, a school
//! district, with the housing organisations that have homes there.
//!
//! 004 describes partnerships that are "stedsspecifikke, forpligtende og langvarige" (bound to a
//! place, binding and long-running) between the municipality, housing organisations and other
//! actors, with NGOs and business at the table "allerede helt tidligt i processen, hvor
//! udfordringer identificeres og løsninger findes". The checks that read this data are in the
//! assessment's anchoring dimension.

use crate::i18n::labels;
use crate::ids::{MunicipalityId, OrganisationId, PlaceId};
use crate::matching::model::profile::Coordinates;

/// A place a partnership can be bound to.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Place {
    /// Id, e.g. `esbjerg-oesterbyen`.
    pub id: PlaceId,
    /// Its name, e.g. "Østerbyen".
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// The municipality it is in (a municipality of the dossier).
    pub municipality: MunicipalityId,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The housing organisations with homes there (organisations of the dossier).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub housing_organisations: Vec<OrganisationId>,
    /// A coarse point for maps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Coordinates>,
}

/// Kinds of place.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlaceKind {
    /// A social housing area (alment boligområde).
    HousingArea,
    /// A neighbourhood or district of a town (bydel).
    Neighbourhood,
    /// A school district (skoledistrikt).
    SchoolDistrict,
    /// A village or small town (landsby, bysamfund).
    Village,
    /// Any other place.
    Other,
}

labels!(PlaceKind, "place_kind" {
    HousingArea => ("boligområde", "housing area"),
    Neighbourhood => ("bydel", "neighbourhood"),
    SchoolDistrict => ("skoledistrikt", "school district"),
    Village => ("landsby eller bysamfund", "village or small town"),
    Other => ("andet sted", "other place"),
});
