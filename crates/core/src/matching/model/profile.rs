//! The matching profiles: a newcomer household ([`Newcomer`]) and a volunteer offer ([`Offer`]),
//! with the vocabularies they share (needs, languages with CEFR levels, availability slots).
//!
//! Both are personal data: every field declares its sensitivity class in the schema
//! (`x-sensitivity`), and `Debug` shows ids only. A newcomer is pseudonymous: an opaque id,
//! never a name.

use crate::actors::PartyRef;
use crate::agreement::TimeOfDay;
use crate::i18n::{Lang, labels};
use crate::ids::{NewcomerId, OfferId, PersonId};
use crate::matching::model::seats::SeatKind;
use crate::privacy::model::basis::ProfileBasis;
use crate::sensitivity::PersonalData;
use chrono::NaiveDate;
use std::fmt;

/// A language proficiency level on the CEFR scale (A1 lowest, C2 highest), plus `native` for a
/// first language. Ordered: `a1 < a2 < b1 < b2 < c1 < c2 < native`.
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
pub enum LanguageLevel {
    /// CEFR A1: breakthrough.
    A1,
    /// CEFR A2: waystage.
    A2,
    /// CEFR B1: threshold.
    B1,
    /// CEFR B2: vantage.
    B2,
    /// CEFR C1: effective operational proficiency.
    C1,
    /// CEFR C2: mastery.
    C2,
    /// A first language (modersmål).
    Native,
}

labels!(LanguageLevel, "language_level" {
    A1 => ("A1 (begynder)", "A1 (beginner)"),
    A2 => ("A2", "A2"),
    B1 => ("B1", "B1"),
    B2 => ("B2", "B2"),
    C1 => ("C1", "C1"),
    C2 => ("C2", "C2"),
    Native => ("modersmål", "first language"),
});

impl LanguageLevel {
    /// The short code: `A1` … `C2`, `native`.
    pub fn code(self) -> &'static str {
        match self {
            LanguageLevel::A1 => "A1",
            LanguageLevel::A2 => "A2",
            LanguageLevel::B1 => "B1",
            LanguageLevel::B2 => "B2",
            LanguageLevel::C1 => "C1",
            LanguageLevel::C2 => "C2",
            LanguageLevel::Native => "native",
        }
    }
}

/// A language (ISO 639-1 or 639-3 code, lower case: `da`, `ar`, `ti`, `prs`) at a level.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LanguageSkill {
    /// ISO 639-1 (two letters) or ISO 639-3 (three letters) code, lower case.
    pub language: String,
    /// The level on the CEFR scale.
    pub level: LanguageLevel,
}

impl LanguageSkill {
    /// A skill from a code and a level.
    pub fn new(language: impl Into<String>, level: LanguageLevel) -> Self {
        Self {
            language: language.into(),
            level,
        }
    }
}

/// Whether `code` has the shape of an ISO 639-1 or 639-3 code (two or three lower-case letters).
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// `(code, Danish name, English name)` of the languages the sources' newcomers commonly speak.
const LANGUAGE_NAMES: &[(&str, &str, &str)] = &[
    ("am", "amharisk", "Amharic"),
    ("ar", "arabisk", "Arabic"),
    ("ckb", "sorani", "Sorani"),
    ("da", "dansk", "Danish"),
    ("de", "tysk", "German"),
    ("en", "engelsk", "English"),
    ("fa", "persisk", "Persian"),
    ("fr", "fransk", "French"),
    ("ku", "kurdisk", "Kurdish"),
    ("kmr", "kurmanji", "Kurmanji"),
    ("prs", "dari", "Dari"),
    ("ps", "pashto", "Pashto"),
    ("ru", "russisk", "Russian"),
    ("so", "somali", "Somali"),
    ("sw", "swahili", "Swahili"),
    ("ti", "tigrinya", "Tigrinya"),
    ("tr", "tyrkisk", "Turkish"),
    ("uk", "ukrainsk", "Ukrainian"),
    ("ur", "urdu", "Urdu"),
];

/// The code of a language named in Danish or English (`arabisk`, `Arabic`), any case.
pub fn language_code(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    LANGUAGE_NAMES
        .iter()
        .find(|(_, da, en)| *da == name || en.to_lowercase() == name)
        .map(|(c, _, _)| *c)
}

/// The Danish and English name of a language code the sources' newcomers commonly speak, or
/// the code itself.
pub fn language_name(code: &str, lang: Lang) -> String {
    LANGUAGE_NAMES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, da, en)| match lang {
            Lang::Da => (*da).to_owned(),
            Lang::En => (*en).to_owned(),
        })
        .unwrap_or_else(|| code.to_owned())
}

/// A need a newcomer household has and an offer can serve (001 "Mange aktivitetsformer";
/// 002). `custom` needs are named by an id the partnership chooses.
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
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Need {
    /// A social network: someone to know, against loneliness (001: start with the social
    /// dimension).
    SocialNetwork,
    /// Practising Danish.
    LanguagePractice,
    /// Homework help for the children.
    HomeworkHelp,
    /// A job or an internship: networks, applications.
    JobOrInternship,
    /// Leisure activities for the children (sports clubs, scouts).
    ChildrensLeisure,
    /// A women's group (002: women with large social and language needs).
    WomensGroup,
    /// Practical help finding one's way (authorities, doctor, shops, transport).
    PracticalHelp,
    /// A need the partnership names itself.
    Custom {
        /// Its id, e.g. `bike-repair` (an id, never free text about the household).
        id: String,
    },
}

impl Need {
    /// The needs every partnership knows, in order.
    pub const STANDARD: [Need; 7] = [
        Need::SocialNetwork,
        Need::LanguagePractice,
        Need::HomeworkHelp,
        Need::JobOrInternship,
        Need::ChildrensLeisure,
        Need::WomensGroup,
        Need::PracticalHelp,
    ];

    /// The value as written in files (`homework_help`, or the custom id).
    pub fn key(&self) -> &str {
        match self {
            Need::SocialNetwork => "social_network",
            Need::LanguagePractice => "language_practice",
            Need::HomeworkHelp => "homework_help",
            Need::JobOrInternship => "job_or_internship",
            Need::ChildrensLeisure => "childrens_leisure",
            Need::WomensGroup => "womens_group",
            Need::PracticalHelp => "practical_help",
            Need::Custom { id } => id,
        }
    }

    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        let (da, en) = match self {
            Need::SocialNetwork => ("socialt netværk", "social network"),
            Need::LanguagePractice => ("sprogtræning", "language practice"),
            Need::HomeworkHelp => ("lektiehjælp", "homework help"),
            Need::JobOrInternship => ("job eller praktik", "job or internship"),
            Need::ChildrensLeisure => ("fritidsliv for børn", "children's leisure"),
            Need::WomensGroup => ("kvindegruppe", "women's group"),
            Need::PracticalHelp => ("praktisk hjælp", "practical help"),
            Need::Custom { id } => return id.clone(),
        };
        match lang {
            Lang::Da => da.to_owned(),
            Lang::En => en.to_owned(),
        }
    }
}

/// The standard needs with their labels in `lang`, as vocabulary entries (`need`).
pub fn need_vocabulary(lang: Lang) -> Vec<crate::i18n::VocabularyEntry> {
    Need::STANDARD
        .iter()
        .map(|n| crate::i18n::VocabularyEntry {
            vocabulary: "need".to_owned(),
            value: n.key().to_owned(),
            label: n.label(lang),
        })
        .collect()
}

/// A day of the week.
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
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

labels!(Weekday, "weekday" {
    Monday => ("mandag", "Monday"),
    Tuesday => ("tirsdag", "Tuesday"),
    Wednesday => ("onsdag", "Wednesday"),
    Thursday => ("torsdag", "Thursday"),
    Friday => ("fredag", "Friday"),
    Saturday => ("lørdag", "Saturday"),
    Sunday => ("søndag", "Sunday"),
});

/// A recurring slot in the week when someone is available.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Slot {
    /// The day.
    pub day: Weekday,
    /// The part of the day.
    pub time: TimeOfDay,
}

impl Slot {
    /// The slot's bit in a 28-bit week mask (7 days × 4 parts of the day).
    pub fn bit(self) -> u32 {
        let t = match self.time {
            TimeOfDay::Morning => 0,
            TimeOfDay::Daytime => 1,
            TimeOfDay::Afternoon => 2,
            TimeOfDay::Evening => 3,
        };
        1u32 << (self.day as u32 * 4 + t)
    }
}

/// A point on the earth (WGS 84 degrees).
#[derive(
    Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

impl Coordinates {
    /// Great-circle distance in kilometres (haversine, mean earth radius 6371.0088 km).
    pub fn distance_km(self, other: Coordinates) -> f64 {
        const R: f64 = 6371.0088;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * R * a.sqrt().min(1.0).asin()
    }

    /// Whether both numbers are finite and in range.
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }
}

/// A gender, for volunteers and for newcomers' preferences about their volunteer.
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
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Another gender, or mixed (a group).
    Other,
}

labels!(Gender, "gender" {
    Female => ("kvinde", "female"),
    Male => ("mand", "male"),
    Other => ("andet", "other"),
});

/// What a newcomer household would like respected in a match.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Preference {
    /// The volunteer's gender.
    VolunteerGender {
        /// The gender asked for.
        gender: Gender,
    },
    /// The kind of offer (a contact family rather than a mentor, ...).
    OfferKind {
        /// The kind asked for.
        kind: OfferKind,
    },
}

/// A credential a volunteer holds.
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
pub enum Credential {
    /// A clear child-protection certificate (børneattest). Criminal-record data.
    ChildProtectionCertificate,
    /// A first-aid course.
    FirstAid,
    /// A driving licence.
    DrivingLicence,
    /// Training as a volunteer mentor or contact person.
    MentorTraining,
}

labels!(Credential, "credential" {
    ChildProtectionCertificate => ("børneattest", "child-protection certificate"),
    FirstAid => ("førstehjælp", "first aid"),
    DrivingLicence => ("kørekort", "driving licence"),
    MentorTraining => ("mentoruddannelse", "mentor training"),
});

/// The kinds of volunteer offer the sources describe (001, 002).
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
pub enum OfferKind {
    /// A volunteer contact family (kontaktfamilie, 002).
    ContactFamily,
    /// A contact person or visiting friend (kontaktperson, besøgsven).
    ContactPerson,
    /// A language mentor (sprogmentor, 002).
    LanguageMentor,
    /// A job mentor or professional mentor (jobmentor, faglig mentor).
    JobMentor,
    /// An association's activity with places: homework café, women's group, sports.
    Activity,
}

labels!(OfferKind, "offer_kind" {
    ContactFamily => ("kontaktfamilie", "contact family"),
    ContactPerson => ("kontaktperson", "contact person"),
    LanguageMentor => ("sprogmentor", "language mentor"),
    JobMentor => ("jobmentor", "job mentor"),
    Activity => ("aktivitet", "activity"),
});

/// A household's composition. Adults default to one, in the file format, tables and CSV alike
/// (a household is at least one adult).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Household {
    /// Number of adults (1 if not given).
    #[serde(default = "one_adult")]
    pub adults: u32,
    /// The children's ages in years (a list of numbers, not bytes, in every binding).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children_ages: Vec<u32>,
}

fn one_adult() -> u32 {
    1
}

impl Default for Household {
    fn default() -> Self {
        Household {
            adults: one_adult(),
            children_ages: Vec::new(),
        }
    }
}

impl Household {
    /// Whether a child is younger than `age`.
    pub fn has_child_under(&self, age: u32) -> bool {
        self.children_ages.iter().any(|a| *a < age)
    }
}

/// A newcomer household to be matched with volunteer offers. Pseudonymous: the id is opaque;
/// the case itself stays in the municipality's own systems.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Newcomer {
    /// Pseudonymous id, never a name or a national id number.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub id: NewcomerId,
    /// The day the household arrived in the municipality.
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub arrival: NaiveDate,
    /// The day of the conversation about the integration contract, when known (001: volunteer
    /// offers are introduced first there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub integration_contract_meeting: Option<NaiveDate>,
    /// The day the household was put on the waiting list for a volunteer; arrival if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub waiting_since: Option<NaiveDate>,
    /// Town or district, e.g. "Ikast".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub area: Option<String>,
    /// Where the household lives, for distance rules (a coarse point is enough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub location: Option<Coordinates>,
    /// The languages the household speaks and their levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub languages: Vec<LanguageSkill>,
    /// Adults and children's ages (social circumstances: confidential).
    #[serde(default)]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub household: Household,
    /// What the household needs (social circumstances: confidential).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub needs: Vec<Need>,
    /// Wishes about the volunteer; may reveal religion or beliefs, so a special category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "special_category"))]
    pub preferences: Vec<Preference>,
    /// When the household can meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub availability: Vec<Slot>,
    /// Industries or professions for a job or internship, as ids (`care`, `construction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub industries: Vec<String>,
    /// Interests, as ids (`football`, `cooking`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub interests: Vec<String>,
    /// The profile's own consent and basis for matching, when it is kept outside a dossier (a
    /// spreadsheet's consent and basis columns); a dossier's privacy records count instead.
    #[serde(default, skip_serializing_if = "ProfileBasis::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub privacy: ProfileBasis,
    /// Seats the household needs of kinds its composition does not tell (rooms, beds), or
    /// instead of what it tells; see [`SeatKind::need_of`](crate::matching::SeatKind::need_of).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub seat_needs: Vec<crate::matching::model::seats::SeatNeed>,
}

impl PersonalData for Newcomer {}

impl fmt::Debug for Newcomer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Newcomer")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Newcomer {
    /// A household with an id and an arrival date and nothing else yet.
    pub fn new(id: impl Into<NewcomerId>, arrival: NaiveDate) -> Self {
        Self {
            id: id.into(),
            arrival,
            integration_contract_meeting: None,
            waiting_since: None,
            area: None,
            location: None,
            languages: Vec::new(),
            household: Household {
                adults: 1,
                children_ages: Vec::new(),
            },
            needs: Vec::new(),
            preferences: Vec::new(),
            availability: Vec::new(),
            industries: Vec::new(),
            interests: Vec::new(),
            privacy: ProfileBasis::default(),
            seat_needs: Vec::new(),
        }
    }

    /// The day the household started waiting for a volunteer.
    pub fn waiting_start(&self) -> NaiveDate {
        self.waiting_since.unwrap_or(self.arrival)
    }
}

/// A volunteer offer: a contact family, a mentor, or an association's activity with places.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Offer {
    /// Id.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub id: OfferId,
    /// What kind of offer.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub kind: OfferKind,
    /// A title such as "Kontaktfamilie, Ikast"; no names.
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub title: String,
    /// The organisation behind it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub provider: Option<PartyRef>,
    /// The volunteer, when the offer is one person or family (a person in the dossier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub volunteer: Option<PersonId>,
    /// How many households it can take in all.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub capacity: u32,
    /// How many of those places are already taken by earlier matches.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub places_taken: u32,
    /// The languages the volunteer(s) speak.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub languages: Vec<LanguageSkill>,
    /// Town or district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub area: Option<String>,
    /// Where it takes place or the volunteer lives (a coarse point is enough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub location: Option<Coordinates>,
    /// The needs it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub serves: Vec<Need>,
    /// The volunteer's gender (`other` for mixed groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub gender: Option<Gender>,
    /// Credentials held; a child-protection certificate is criminal-record data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "criminal_record"))]
    pub credentials: Vec<Credential>,
    /// Professions or industries the volunteer knows, as ids (`care`, `construction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub industries: Vec<String>,
    /// Interests, as ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub interests: Vec<String>,
    /// When the volunteer or activity is available.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub availability: Vec<Slot>,
    /// The day the offer was put on the list, for how long volunteers wait unmatched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub listed_on: Option<NaiveDate>,
    /// The profile's own consent and basis for matching, when it is kept outside a dossier (a
    /// spreadsheet's consent and basis columns); a dossier's privacy records count instead.
    #[serde(default, skip_serializing_if = "ProfileBasis::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub privacy: ProfileBasis,
    /// Seats of several kinds (adults and children, rooms and school places), besides the
    /// number of households; a match must fit every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub seats: Vec<crate::matching::model::seats::Seats>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl PersonalData for Offer {}

impl fmt::Debug for Offer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Offer")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Offer {
    /// An offer with an id, kind, title and capacity and nothing else yet.
    pub fn new(
        id: impl Into<OfferId>,
        kind: OfferKind,
        title: impl Into<String>,
        capacity: u32,
    ) -> Self {
        Self {
            id: id.into(),
            kind,
            title: title.into(),
            provider: None,
            volunteer: None,
            capacity,
            places_taken: 0,
            languages: Vec::new(),
            area: None,
            location: None,
            serves: Vec::new(),
            gender: None,
            credentials: Vec::new(),
            industries: Vec::new(),
            interests: Vec::new(),
            availability: Vec::new(),
            listed_on: None,
            privacy: ProfileBasis::default(),
            seats: Vec::new(),
        }
    }

    /// Places still free before a matching run.
    pub fn free_places(&self) -> u32 {
        self.capacity.saturating_sub(self.places_taken)
    }
}

/// Reads a list of newcomer households from JSON (as apps receive them). Errors carry the path
/// and never quote a value.
pub fn newcomers_from_json(json: &str) -> Result<Vec<Newcomer>, crate::error::BrobyggerError> {
    list_from_json(json)
}

/// Reads a list of offers from JSON.
pub fn offers_from_json(json: &str) -> Result<Vec<Offer>, crate::error::BrobyggerError> {
    list_from_json(json)
}

fn list_from_json<T: serde::de::DeserializeOwned>(
    json: &str,
) -> Result<Vec<T>, crate::error::BrobyggerError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = crate::error::error_path(&e);
        let inner = e.inner();
        crate::error::LoadError::Syntax {
            path: if path == "." { String::new() } else { path },
            line: u32::try_from(inner.line()).unwrap_or(u32::MAX),
            column: u32::try_from(inner.column()).unwrap_or(u32::MAX),
            reason: crate::error::redact_message(&inner.to_string()),
        }
        .into()
    })
}

impl SeatKind {
    /// The seats of this kind `n` needs.
    pub fn need_of(&self, n: &Newcomer) -> u32 {
        if let Some(s) = n.seat_needs.iter().find(|s| &s.seat == self) {
            return s.count;
        }
        let h = &n.household;
        let children = u32::try_from(h.children_ages.len()).unwrap_or(u32::MAX);
        match self {
            SeatKind::Adults => h.adults,
            SeatKind::Children => children,
            SeatKind::SchoolPlaces => u32::try_from(
                h.children_ages
                    .iter()
                    .filter(|a| (6..=16).contains(*a))
                    .count(),
            )
            .unwrap_or(u32::MAX),
            SeatKind::People => h.adults.saturating_add(children),
            SeatKind::Custom { .. } => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensitivity::{SensitivityClass, class_of};

    #[test]
    fn every_profile_field_declares_a_class() {
        for f in Newcomer::field_classes()
            .into_iter()
            .chain(Offer::field_classes())
        {
            assert!(f.class.is_some(), "{} has no x-sensitivity", f.field);
        }
        assert_eq!(
            class_of::<Newcomer>("preferences"),
            Some(SensitivityClass::SpecialCategory)
        );
        assert_eq!(
            class_of::<Offer>("credentials"),
            Some(SensitivityClass::CriminalRecord)
        );
        assert_eq!(
            class_of::<Newcomer>("needs"),
            Some(SensitivityClass::Confidential)
        );
    }

    #[test]
    fn debug_shows_ids_only() {
        let mut n = Newcomer::new("nc-1", NaiveDate::from_ymd_opt(2019, 1, 1).unwrap());
        n.area = Some("Ikast".into());
        n.preferences = vec![Preference::VolunteerGender {
            gender: Gender::Female,
        }];
        let dbg = format!("{n:?}");
        assert!(dbg.contains("nc-1") && !dbg.contains("Ikast") && !dbg.contains("Female"));
        let mut o = Offer::new("o-1", OfferKind::ContactFamily, "Kontaktfamilie Bording", 1);
        o.credentials = vec![Credential::ChildProtectionCertificate];
        let dbg = format!("{o:?}");
        assert!(dbg.contains("o-1") && !dbg.contains("Bording") && !dbg.contains("Child"));
    }

    #[test]
    fn distances_and_levels() {
        let ikast = Coordinates {
            lat: 56.1388,
            lon: 9.1580,
        };
        let brande = Coordinates {
            lat: 55.9430,
            lon: 9.1300,
        };
        let d = ikast.distance_km(brande);
        assert!((21.0..23.0).contains(&d), "{d}");
        assert!(ikast.distance_km(ikast).abs() < 1e-9);
        assert!(LanguageLevel::A2 < LanguageLevel::B1 && LanguageLevel::C2 < LanguageLevel::Native);
        assert!(is_language_code("ti") && is_language_code("prs") && !is_language_code("Ti"));
        assert_eq!(language_name("ti", Lang::En), "Tigrinya");
        assert_eq!(language_name("xx", Lang::Da), "xx");
        assert_eq!(
            Slot {
                day: Weekday::Monday,
                time: TimeOfDay::Morning
            }
            .bit(),
            1
        );
        assert_eq!(
            Slot {
                day: Weekday::Sunday,
                time: TimeOfDay::Evening
            }
            .bit(),
            1 << 27
        );
    }
}
