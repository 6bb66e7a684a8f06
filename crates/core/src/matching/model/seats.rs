//! Seats of several kinds: an offer's room beyond a number of households (adults and children,
//! rooms and school places), and a household's stated needs of a kind. How many seats of a
//! kind a household needs by its composition is `SeatKind::need_of` (in `profile.rs`, beside
//! the household).

use crate::i18n::Lang;

/// A kind of seat an offer can have.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SeatKind {
    /// Adults: a household needs one per adult.
    Adults,
    /// Children: one per child.
    Children,
    /// School places: one per child aged 6 to 16.
    SchoolPlaces,
    /// People: one per adult and child.
    People,
    /// A kind the partnership names (rooms, beds, bicycles); a household needs what its
    /// [`SeatNeed`]s say, none otherwise.
    Custom {
        /// Its id, e.g. `rooms`.
        id: String,
    },
}

impl SeatKind {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        let (da, en) = match self {
            SeatKind::Adults => ("voksenpladser", "adult places"),
            SeatKind::Children => ("børnepladser", "children's places"),
            SeatKind::SchoolPlaces => ("skolepladser", "school places"),
            SeatKind::People => ("pladser", "places"),
            SeatKind::Custom { id } => return id.clone(),
        };
        match lang {
            Lang::Da => da.to_owned(),
            Lang::En => en.to_owned(),
        }
    }
}

/// How many seats of a kind an offer has.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Seats {
    /// The kind.
    pub seat: SeatKind,
    /// How many in all.
    pub capacity: u32,
    /// How many are taken by matches outside the dossier's relationships.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub taken: u32,
}

/// Seats of a kind a household needs, stated instead of derived from its composition.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SeatNeed {
    /// The kind.
    pub seat: SeatKind,
    /// How many.
    pub count: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
