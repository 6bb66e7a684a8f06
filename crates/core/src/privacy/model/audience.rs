//! Who looks at personal data: the audiences that views, proposals and manifests name.

use crate::i18n::labels;

/// Who looks at the data.
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
pub enum Audience {
    /// A municipal caseworker responsible for the household's integration.
    MunicipalCaseworker,
    /// A coordinator who makes matches (municipal or in the association).
    Coordinator,
    /// A volunteer behind an offer.
    Volunteer,
    /// An analyst evaluating the programme.
    Analyst,
}

labels!(Audience, "audience" {
    MunicipalCaseworker => ("kommunal sagsbehandler", "municipal caseworker"),
    Coordinator => ("koordinator", "coordinator"),
    Volunteer => ("frivillig", "volunteer"),
    Analyst => ("analytiker", "analyst"),
});
