//! The association directory as stored in a dossier: each association's entry (its public
//! contact, premises, the languages and target groups it works with) and its offers with their
//! weekly schedules.
//!
//! 003 tells how a list of ethnic minority associations made more municipal staff reach out to
//! them (Hillerød, "Anette Nielsen"); the entries here are what such a list holds. An entry is
//! about an organisation, never about a person: the contact is a post (whose holder may change)
//! and a functional address, and an association's name is shown only for organisations, never
//! for an individual champion.

use crate::actors::Region;
use crate::agreement::{ActivityKind, TargetGroup};
use crate::i18n::labels;
use crate::ids::{ActivityId, AgreementId, OrganisationId, PlaceId, PostId, ServiceId};
use crate::matching::model::profile::{Coordinates, Weekday};
use chrono::NaiveDate;
use std::fmt;

/// An association's entry in the directory.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryEntry {
    /// The organisation listed (an organisation of the dossier).
    pub organisation: OrganisationId,
    /// Who may see the entry: municipal staff only, or anyone (what an open-data export holds).
    #[serde(default)]
    pub visibility: Visibility,
    /// A short description for people looking for the association, in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The languages the association works in (ISO 639-1 or 639-3 codes: `ar`, `ckb`, `ti`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Who the association works for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    /// The post to contact (a post of the dossier, e.g. the chair or a contact person); the
    /// holder's name is never part of the directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_post: Option<PostId>,
    /// The association's own functional contact (not a person's).
    #[serde(default, skip_serializing_if = "PublicContact::is_empty")]
    pub contact: PublicContact,
    /// Where the association meets, if it has premises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premises: Option<Address>,
    /// Its offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<DirectoryOffer>,
    /// The day the entry was last checked with the association.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_on: Option<NaiveDate>,
}

impl DirectoryEntry {
    /// An internal entry for `organisation` with nothing else yet.
    pub fn new(organisation: impl Into<OrganisationId>) -> Self {
        Self {
            organisation: organisation.into(),
            visibility: Visibility::Internal,
            summary: None,
            languages: Vec::new(),
            target_groups: Vec::new(),
            contact_post: None,
            contact: PublicContact::default(),
            premises: None,
            offers: Vec::new(),
            updated_on: None,
        }
    }
}

/// Who may see a directory entry.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
pub enum Visibility {
    /// Municipal staff and the partnership's own people (the default: an association agrees
    /// before it is published).
    #[default]
    Internal,
    /// Anyone: the association has agreed to be listed publicly.
    Public,
}

labels!(Visibility, "directory_visibility" {
    Internal => ("intern", "internal"),
    Public => ("offentlig", "public"),
});

/// An organisation's own contact details: a shared mailbox, a switchboard, a website. Never a
/// person's (validation refuses an address or number a person of the dossier has).
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PublicContact {
    /// A functional e-mail address, e.g. `kontakt@forening.dk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A functional phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The website (`https://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl PublicContact {
    /// Whether no detail is given.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.website.is_none()
    }
}

/// A Danish street address of premises (never a private home).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Address {
    /// Street and number, e.g. "Østergade 12".
    pub street: String,
    /// The four-digit postal code.
    pub postal_code: String,
    /// The postal town, e.g. "Horsens".
    pub city: String,
    /// The official code of the municipality the address is in (gives the region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_code: Option<u16>,
    /// A coarse point for maps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Coordinates>,
}

impl Address {
    /// The region the address is in, from its municipality code.
    pub fn region(&self) -> Option<Region> {
        self.municipality_code.and_then(Region::of_municipality)
    }
}

/// One offer of an association: an activity people can come to, with when and for whom.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryOffer {
    /// Id, unique in the dossier.
    pub id: ServiceId,
    /// Its name, e.g. "Lektiecafé for børn".
    pub name: String,
    /// What kind of activity it is.
    pub kind: ActivityKind,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is running.
    #[serde(default)]
    pub status: OfferStatus,
    /// Town or district, e.g. "Horsens Vest".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The place (of the dossier) it serves, when it is bound to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceId>,
    /// Where it happens, when not at the association's premises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The languages it is offered in (ISO 639 codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Who it is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    /// When it takes place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduleRule>,
    /// The post to contact about this offer, when not the entry's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_post: Option<PostId>,
    /// The agreement activity it carries out, when it is part of a partnership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityRef>,
}

impl DirectoryOffer {
    /// A running offer with an id, a name and a kind and nothing else yet.
    pub fn new(id: impl Into<ServiceId>, name: impl Into<String>, kind: ActivityKind) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            description: None,
            status: OfferStatus::Active,
            area: None,
            place: None,
            address: None,
            languages: Vec::new(),
            target_groups: Vec::new(),
            schedule: Vec::new(),
            contact_post: None,
            activity: None,
        }
    }
}

/// An activity of an agreement.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ActivityRef {
    /// The agreement.
    pub agreement: AgreementId,
    /// The activity in its current terms.
    pub activity: ActivityId,
}

/// Whether an offer is running.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
pub enum OfferStatus {
    /// Running.
    #[default]
    Active,
    /// Paused for a while (a summer break, no volunteers this term).
    Paused,
    /// Ended.
    Ended,
}

labels!(OfferStatus, "offer_status" {
    Active => ("aktivt", "active"),
    Paused => ("midlertidigt lukket", "paused"),
    Ended => ("ophørt", "ended"),
});

/// When an offer takes place: some days of the week, how often, from when to when.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScheduleRule {
    /// The days (at least one).
    pub days: Vec<Weekday>,
    /// How often.
    #[serde(default)]
    pub recurrence: Recurrence,
    /// Opening time, local Danish time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<ClockTime>,
    /// Closing time, local Danish time; after `opens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<ClockTime>,
    /// The first day the rule holds (needed for every other week: the first meeting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// The last day the rule holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// A note, e.g. "ikke i skolernes ferier".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How often a schedule rule repeats.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Recurrence {
    /// Every week.
    #[default]
    Weekly,
    /// Every other week, counted from the rule's first day.
    EveryOtherWeek,
    /// Once a month, on the `nth` of its days in the month (1–4, or −1 for the last).
    Monthly {
        /// Which occurrence in the month: 1–4, or −1 for the last.
        nth: i8,
    },
}

/// A time of day to the minute, written `HH:MM` (local Danish time).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// The time `hour:minute`, if it is one (00:00–23:59).
    pub fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    /// Reads `HH:MM` (or `H:MM`, `HH.MM` as Danish texts write it).
    pub fn parse(s: &str) -> Option<ClockTime> {
        let s = s.trim();
        let (h, m) = s.split_once([':', '.'])?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        ClockTime::new(h.parse().ok()?, m.parse().ok()?)
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u8 {
        // Below 24 by construction.
        u8::try_from(self.0 / 60).unwrap_or(0)
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u8 {
        u8::try_from(self.0 % 60).unwrap_or(0)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl fmt::Debug for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClockTime({self})")
    }
}

impl serde::Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s)
            .ok_or_else(|| serde::de::Error::custom("expected a time of day written HH:MM"))
    }
}

impl schemars::JsonSchema for ClockTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClockTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "A time of day, HH:MM (local Danish time)."
        })
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(ClockTime, String, {
    lower: |t| t.to_string(),
    try_lift: |s| Ok(ClockTime::parse(&s).ok_or_else(|| crate::error::BrobyggerError::Parse {
        code: crate::code::InputCode::BadTime.into(),
        path: String::new(),
        line: 0,
        column: 0,
        reason: "not a time of day written HH:MM (00:00 to 23:59)".to_owned(),
    })?),
});

crate::code::codes! {
    /// The directory's own validation findings (the generic ones, such as a dangling reference
    /// or a duplicate id, are [`ValidationCode`](crate::ValidationCode)s).
    pub enum DirectoryCode in "directory" {
        /// An entry lists an individual (a champion): the directory would show a person's name.
        IndividualListed = "directory.individual_listed", finding(Error),
            "En post i foreningslisten er en enkeltperson (en ildsjæl); listen ville vise en persons navn.",
            "A directory entry is an individual (a champion); the directory would show a person's name.";
        /// Two entries for one organisation.
        DuplicateEntry = "directory.duplicate_entry", finding(Error),
            "Samme organisation har to poster i foreningslisten.",
            "One organisation has two entries in the directory.";
        /// A public contact detail is a person's own (an address or number a person of the
        /// dossier has).
        PersonalContact = "directory.personal_contact", finding(Error),
            "En offentlig kontaktoplysning er en persons egen; brug foreningens fælles adresse eller nummer.",
            "A public contact detail is a person's own; use the association's shared address or number.";
        /// A language that is not an ISO 639 code.
        BadLanguage = "directory.bad_language", finding(Error),
            "Et sprog er ikke en ISO 639-kode (fx da, ar, so).",
            "A language is not an ISO 639 code (e.g. da, ar, so).";
        /// A schedule rule without days.
        ScheduleWithoutDays = "directory.schedule_without_days", finding(Error),
            "En tidsplan nævner ingen ugedage.",
            "A schedule names no days of the week.";
        /// A schedule rule that closes before it opens.
        ClosesBeforeOpens = "directory.closes_before_opens", finding(Error),
            "En tidsplan slutter, før den begynder.",
            "A schedule closes before it opens.";
        /// A monthly rule whose occurrence is not 1–4 or −1.
        BadMonthlyOccurrence = "directory.bad_monthly_occurrence", finding(Error),
            "En månedlig tidsplan skal gælde den 1.–4. eller den sidste ugedag i måneden.",
            "A monthly schedule must fall on the 1st–4th or the last weekday of the month.";
        /// A rule every other week without a first day to count from.
        FortnightWithoutStart = "directory.fortnight_without_start", finding(Warning),
            "En tidsplan hver anden uge har ingen første dag at tælle fra.",
            "A schedule every other week has no first day to count from.";
        /// An address without a municipality code: it cannot be exported to HSDS (which needs
        /// the region).
        AddressWithoutRegion = "directory.address_without_region", finding(Warning),
            "En adresse har ingen kommunekode og kan ikke eksporteres til HSDS.",
            "An address has no municipality code and cannot be exported to HSDS.";
        /// A postal code that is not four digits.
        BadPostalCode = "directory.bad_postal_code", finding(Warning),
            "Et postnummer er ikke fire cifre.",
            "A postal code is not four digits.";
        /// A website that is not an `http://` or `https://` address.
        BadWebsite = "directory.bad_website", finding(Warning),
            "En hjemmeside er ikke en http://- eller https://-adresse.",
            "A website is not an http:// or https:// address.";
        /// A spreadsheet cell (or row) that cannot be read.
        BadCell = "directory.bad_cell", finding(Error),
            "En celle (eller række) i regnearket kan ikke læses.",
            "A cell (or row) of the spreadsheet cannot be read.";
        /// A spreadsheet without a required column.
        MissingColumn = "directory.missing_column", finding(Error),
            "Regnearket mangler en nødvendig kolonne.",
            "The spreadsheet lacks a required column.";
        /// Two spreadsheet rows of one association that disagree about it.
        ConflictingRow = "directory.conflicting_row", finding(Error),
            "To rækker om samme forening er uenige om den.",
            "Two rows about one association disagree about it.";
    }
}

impl crate::finding::FindingKind for DirectoryCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_read_and_write() {
        assert_eq!(
            ClockTime::parse("16:30").map(|t| t.to_string()),
            Some("16:30".into())
        );
        assert_eq!(
            ClockTime::parse("9.05").map(|t| t.to_string()),
            Some("09:05".into())
        );
        assert_eq!(ClockTime::parse(" 00:00 ").map(ClockTime::minutes), Some(0));
        for bad in [
            "24:00", "12:60", "1230", "12:3", "-1:30", "12:30:00", "", "٣:٣٠", "+1:30",
        ] {
            assert!(ClockTime::parse(bad).is_none(), "{bad}");
        }
        let json = serde_json::to_string(&ClockTime::new(18, 0)).unwrap();
        assert_eq!(json, "\"18:00\"");
        assert!(serde_json::from_str::<ClockTime>("\"25:00\"").is_err());
    }

    #[test]
    fn an_entry_reads_with_defaults() {
        let e: DirectoryEntry = serde_json::from_str(r#"{"organisation": "DK-LOCAL-x"}"#).unwrap();
        assert_eq!(e, DirectoryEntry::new("DK-LOCAL-x"));
        assert_eq!(e.visibility, Visibility::Internal);
        let r: ScheduleRule = serde_json::from_str(r#"{"days": ["tuesday"]}"#).unwrap();
        assert_eq!(r.recurrence, Recurrence::Weekly);
    }
}
