//! What a volunteer may see of a match: the household's pseudonymous id, the fields the rule set
//! marks as shareable with volunteers, and the explanations of rules that read nothing else.
//!
//! Sensitive fields (special categories, criminal-record data) can never be marked shareable
//! (rule-set validation refuses it), so a volunteer view never contains them. Releasing contact
//! details after both sides accept is the disclosure work's business, not this view's.

use crate::i18n::plural::{ADULT, CHILD};
use crate::i18n::{Label, Lang, Text};
use crate::ids::{NewcomerId, OfferId};
use crate::matching::model::profile::{Newcomer, language_name};

/// One match as its volunteer may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VolunteerMatchView {
    /// The offer.
    pub offer: OfferId,
    /// The household, by its pseudonymous id.
    pub newcomer: NewcomerId,
    /// The shareable fields, rendered in Danish and English.
    pub shared: Vec<SharedField>,
    /// Why the match was proposed, from rules that read only shareable fields.
    pub explanation: Vec<Text>,
}

/// One shared field of a household.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SharedField {
    /// The field, e.g. `languages`.
    pub field: String,
    /// Its value for reading.
    pub value: Text,
}

impl VolunteerMatchView {
    /// The same view in one language: every text read in `lang`. What a volunteer's screen or
    /// letter shows, where the two-language form is for storing and translating.
    pub fn text(&self, lang: Lang) -> VolunteerMatchText {
        VolunteerMatchText {
            offer: self.offer.clone(),
            newcomer: self.newcomer.clone(),
            shared: self
                .shared
                .iter()
                .map(|f| SharedFieldText {
                    field: f.field.clone(),
                    value: f.value.get(lang).to_owned(),
                })
                .collect(),
            explanation: self
                .explanation
                .iter()
                .map(|t| t.get(lang).to_owned())
                .collect(),
        }
    }
}

/// One match as its volunteer may see it, in one language ([`VolunteerMatchView::text`]).
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VolunteerMatchText {
    /// The offer.
    pub offer: OfferId,
    /// The household, by its pseudonymous id.
    pub newcomer: NewcomerId,
    /// The shareable fields, rendered in the one language.
    pub shared: Vec<SharedFieldText>,
    /// Why the match was proposed, from rules that read only shareable fields.
    pub explanation: Vec<String>,
}

/// One shared field of a household, in one language.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SharedFieldText {
    /// The field, e.g. `languages`.
    pub field: String,
    /// Its value for reading.
    pub value: String,
}

pub(crate) fn render_field(n: &Newcomer, field: &str, lang: Lang) -> Option<String> {
    let join = |v: Vec<String>| v.join(", ");
    Some(match field {
        "id" => n.id.to_string(),
        "arrival" => n.arrival.to_string(),
        "integration_contract_meeting" => n.integration_contract_meeting?.to_string(),
        "waiting_since" => n.waiting_start().to_string(),
        "area" => n.area.clone()?,
        "location" => n.location.map(|c| format!("{:.2}, {:.2}", c.lat, c.lon))?,
        "languages" => join(
            n.languages
                .iter()
                .map(|s| format!("{} ({})", language_name(&s.language, lang), s.level.code()))
                .collect(),
        ),
        "household" => {
            let h = &n.household;
            let mut ages = h.children_ages.clone();
            ages.sort_unstable();
            let ages: Vec<String> = ages.iter().map(u32::to_string).collect();
            let adults = ADULT.count(lang, u64::from(h.adults));
            match (lang, ages.is_empty()) {
                (_, true) => adults,
                (Lang::Da, false) => format!(
                    "{adults}, {} ({} år)",
                    CHILD.count(lang, crate::i18n::plural::n(ages.len())),
                    ages.join(", ")
                ),
                (Lang::En, false) => format!(
                    "{adults}, {} (aged {})",
                    CHILD.count(lang, crate::i18n::plural::n(ages.len())),
                    ages.join(", ")
                ),
            }
        }
        "needs" => join(n.needs.iter().map(|x| x.label(lang)).collect()),
        "availability" => join(
            n.availability
                .iter()
                .map(|s| format!("{} {}", s.day.label(lang), s.time.label(lang)))
                .collect(),
        ),
        "industries" => join(n.industries.clone()),
        "interests" => join(n.interests.clone()),
        _ => return None,
    })
}
