//! The actors of a partnership: municipalities with their departments, civil-society
//! organisations with their profiles, and the people who act for them.

use crate::i18n::{Label, Lang, labels};
use crate::ids::{DepartmentId, MunicipalityId, OrganisationId, PersonId};
use crate::sensitivity::PersonalData;
use chrono::NaiveDate;
use std::fmt;

/// A Danish municipality (kommune), which holds the legal duty for refugees' integration.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Municipality {
    /// Id within the dossier, e.g. `aalborg`.
    pub id: MunicipalityId,
    /// Name, e.g. "Aalborg Kommune".
    pub name: String,
    /// The official three-digit municipality code (kommunekode), e.g. 851 for Aalborg.
    pub code: u16,
    /// The departments (forvaltninger) that take part in partnerships.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<Department>,
}

/// A department (forvaltning) of a municipality.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Department {
    /// Id, unique within its municipality.
    pub id: DepartmentId,
    /// What kind of department it is.
    pub kind: DepartmentKind,
    /// Its own name, e.g. "Jobcenter Aalborg".
    pub name: String,
}

/// The kinds of municipal department the sources name (001 "Anbefalinger").
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
pub enum DepartmentKind {
    /// Children and schools (børne- og skoleforvaltning).
    ChildrenAndSchools,
    /// Social services (socialforvaltning).
    SocialServices,
    /// The jobcentre (jobcenter): employment measures.
    Jobcentre,
    /// Culture and leisure (kultur- og fritidsforvaltning).
    CultureAndLeisure,
    /// Integration (integrationsafdeling).
    Integration,
    /// Any other department.
    Other,
}

labels!(DepartmentKind, "department_kind" {
    ChildrenAndSchools => ("børn og skole", "children and schools"),
    SocialServices => ("socialforvaltning", "social services"),
    Jobcentre => ("jobcenter", "jobcentre"),
    CultureAndLeisure => ("kultur og fritid", "culture and leisure"),
    Integration => ("integration", "integration"),
    Other => ("anden forvaltning", "other department"),
});

impl DepartmentKind {
    /// The departments 001 "Anbefalinger" recommends involving.
    pub const RECOMMENDED: [DepartmentKind; 4] = [
        DepartmentKind::ChildrenAndSchools,
        DepartmentKind::SocialServices,
        DepartmentKind::Jobcentre,
        DepartmentKind::CultureAndLeisure,
    ];
}

/// A civil-society organisation (or an individual champion) taking part in partnerships.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Organisation {
    /// Org-id style id: `DK-CVR-<8 digits>` or `DK-LOCAL-<slug>`.
    pub id: OrganisationId,
    /// Name, e.g. "Dansk Røde Kors, Aalborg afdeling".
    pub name: String,
    /// What kind of actor it is.
    pub kind: OrganisationKind,
    /// What the municipality should know about it (003 "Undersøg foreningens ståsted").
    #[serde(default)]
    pub profile: OrganisationProfile,
    /// For a housing organisation: how municipalities cooperate with it on placing refugees and
    /// beyond (000 "Boligforeninger spiller nøglerolle"), one entry per municipality.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub housing_cooperation: Vec<HousingCooperation>,
}

impl Organisation {
    /// Whether the organisation is an individual (a champion, ildsjæl): then its name is
    /// personal data and never appears in text the library produces.
    pub fn is_individual(&self) -> bool {
        self.kind == OrganisationKind::Champion
    }

    /// How the organisation is named in text for others: its name, or for an individual its
    /// kind and id ("ildsjæl DK-LOCAL-…"; with no language "ildsjæl (champion) DK-LOCAL-…").
    /// An id that looks made from the person's name is left out too.
    pub fn public_label(&self, lang: Option<Lang>) -> String {
        if !self.is_individual() {
            return self.name.clone();
        }
        let kind = match lang {
            Some(lang) => self.kind.label(lang).to_owned(),
            None => format!(
                "{} ({})",
                self.kind.label(Lang::Da),
                self.kind.label(Lang::En)
            ),
        };
        if crate::ids::id_looks_derived(self.id.as_str(), &self.name) {
            kind
        } else {
            format!("{kind} {}", self.id)
        }
    }
}

/// How a municipality cooperates with a housing organisation (000 "Boligforeninger spiller
/// nøglerolle": 76% of the municipalities cooperate with housing organisations on placing
/// refugees to a high or very high degree, and the organisations offer more than a roof).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HousingCooperation {
    /// The municipality.
    pub municipality: MunicipalityId,
    /// How far they cooperate on placing refugees in housing, on the scale of KL's 2015 survey.
    pub placement: CooperationDegree,
    /// Since when, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since: Option<NaiveDate>,
    /// What else they cooperate on (000: mentoring with businesses, volunteer organisations,
    /// social housing staff whom newcomers ask for advice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub beyond_housing: Vec<HousingCooperationArea>,
}

/// A degree of cooperation, on the scale of KL's 2015 survey of the municipalities (000).
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
pub enum CooperationDegree {
    /// To a very high degree.
    VeryHigh,
    /// To a high degree.
    High,
    /// To some degree.
    #[serde(rename = "some")]
    SomeDegree,
    /// To a low degree.
    Low,
    /// Not at all.
    NotAtAll,
}

labels!(CooperationDegree, "cooperation_degree" {
    VeryHigh => ("i meget høj grad", "to a very high degree"),
    High => ("i høj grad", "to a high degree"),
    SomeDegree => ("i nogen grad", "to some degree"),
    Low => ("i lav grad", "to a low degree"),
    NotAtAll => ("slet ikke", "not at all"),
});

/// What a municipality and a housing organisation cooperate on besides placing refugees
/// (000 "Boligforeninger spiller nøglerolle").
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
pub enum HousingCooperationArea {
    /// Mentor schemes with businesses.
    MentorSchemes,
    /// Cooperation with volunteer organisations.
    VolunteerOrganisations,
    /// Social housing staff (boligsociale medarbejdere) whom newcomers ask for advice, in their
    /// language: coordinated with the municipality so that nothing is done twice.
    HousingSocialAdvice,
}

labels!(HousingCooperationArea, "housing_cooperation_area" {
    MentorSchemes => ("mentorordninger med virksomheder", "mentor schemes with businesses"),
    VolunteerOrganisations => ("samarbejde med frivillige organisationer", "cooperation with volunteer organisations"),
    HousingSocialAdvice => ("boligsociale medarbejdere som rådgivere", "social housing staff as advisers"),
});

impl CooperationDegree {
    /// The value as written in files and as KL's 2015 survey names the category: `very_high`,
    /// `high`, `some`, `low`, `not_at_all`.
    pub fn key(self) -> &'static str {
        match self {
            CooperationDegree::VeryHigh => "very_high",
            CooperationDegree::High => "high",
            CooperationDegree::SomeDegree => "some",
            CooperationDegree::Low => "low",
            CooperationDegree::NotAtAll => "not_at_all",
        }
    }
}

/// The kinds of civil-society actor the sources describe (000, 001, 003, 004).
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
pub enum OrganisationKind {
    /// A national NGO such as the Red Cross or the Danish Refugee Council.
    NationalNgo,
    /// A local social volunteer association (Serviceloven).
    SocialVolunteerAssociation,
    /// A leisure association under Folkeoplysningsloven: sports club, scouts.
    LeisureAssociation,
    /// An association formed by and for ethnic minorities.
    EthnicMinorityAssociation,
    /// A loosely organised citizens' movement such as Venligboerne.
    InformalMovement,
    /// An individual driving force (ildsjæl) with no organisation.
    Champion,
    /// A church, congregation or faith network.
    FaithCommunity,
    /// A social housing organisation (boligorganisation).
    HousingOrganisation,
    /// A business.
    Business,
    /// A volunteer centre (frivilligcenter) brokering volunteers.
    VolunteerCentre,
}

labels!(OrganisationKind, "organisation_kind" {
    NationalNgo => ("landsdækkende NGO", "national NGO"),
    SocialVolunteerAssociation => ("frivillig social forening", "social volunteer association"),
    LeisureAssociation => ("folkeoplysende forening", "leisure association"),
    EthnicMinorityAssociation => ("etnisk minoritetsforening", "ethnic minority association"),
    InformalMovement => ("uformel bevægelse", "informal movement"),
    Champion => ("ildsjæl", "champion"),
    FaithCommunity => ("trossamfund", "faith community"),
    HousingOrganisation => ("boligorganisation", "housing organisation"),
    Business => ("virksomhed", "business"),
    VolunteerCentre => ("frivilligcenter", "volunteer centre"),
});

impl OrganisationKind {
    /// Whether actors of this kind are usually outside registered associations, so they need a
    /// local id scheme instead of a CVR number.
    pub fn usually_unregistered(self) -> bool {
        matches!(
            self,
            OrganisationKind::InformalMovement | OrganisationKind::Champion
        )
    }
}

/// An organisation's standpoint and resources, after 003 "Undersøg foreningens ståsted".
/// Every field is optional: a profile is filled in as the municipality learns.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OrganisationProfile {
    /// Its purpose as the statutes state it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The activities it chooses to put its effort into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Number of members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    /// Number of members who pay a membership fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paying_members: Option<u32>,
    /// Number of active volunteers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_volunteers: Option<u32>,
    /// Its access to premises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premises: Option<PremisesAccess>,
    /// How work is organised: the board does everything, or delegates to working groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_form: Option<OrganisationForm>,
    /// Local, or a branch of a national body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Affiliation>,
    /// Other associations and bodies it works closely with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Geographic area it works in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// Access to premises (003: "Har foreningen fx adgang til lokaler?").
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
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PremisesAccess {
    /// Has premises of its own.
    Own,
    /// Borrows or shares premises (school, library, housing organisation).
    Shared,
    /// Uses premises allocated by the municipality.
    Municipal,
    /// Has no access to premises.
    None,
}

labels!(PremisesAccess, "premises_access" {
    Own => ("egne lokaler", "own premises"),
    Shared => ("lånte eller delte lokaler", "borrowed or shared premises"),
    Municipal => ("kommunale lokaler", "municipal premises"),
    None => ("ingen lokaler", "no premises"),
});

/// How an association organises its work (003).
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
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OrganisationForm {
    /// The board carries all tasks.
    BoardDoesEverything,
    /// Work is delegated to working groups.
    DelegatedWorkingGroups,
}

labels!(OrganisationForm, "organisation_form" {
    BoardDoesEverything => ("bestyrelsen løfter alle opgaver", "the board does everything"),
    DelegatedWorkingGroups => ("uddelegeret til arbejdsgrupper", "delegated to working groups"),
});

/// Whether an organisation is local or part of a national body (003).
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Affiliation {
    /// Locally anchored, not part of a national body.
    Local,
    /// A branch (afdeling) of a national organisation.
    Branch {
        /// The national body, e.g. "Dansk Røde Kors".
        national_body: String,
    },
}

/// A person who acts in a partnership: staff, volunteer, association member.
///
/// Newcomers are not `Person`s: they are modelled pseudonymously with the matching profiles.
/// Every field declares its sensitivity class; `Debug` shows the id only.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Person {
    /// Opaque id, never derived from the name or a national id.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub id: PersonId,
    /// Full name.
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub name: String,
    /// Work or volunteer e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub email: Option<String>,
    /// Work or volunteer phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub phone: Option<String>,
    /// The outcome of the child-protection certificate check (børneattest), for volunteers
    /// working with children. Criminal-record data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "criminal_record"))]
    pub child_protection_certificate: Option<CertificateCheck>,
    /// Free-text notes. Treated as confidential because free text attracts anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub notes: Option<String>,
}

impl PersonalData for Person {}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Person")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The result of checking a child-protection certificate (børneattest).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CertificateCheck {
    /// When the certificate was obtained.
    pub checked_on: NaiveDate,
    /// Whether it was clear (no entries).
    pub clear: bool,
}

/// A party to an agreement or a task: a whole municipality, one of its departments, or an
/// organisation.
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
pub enum PartyRef {
    /// A municipality as a whole.
    Municipality {
        /// Which municipality.
        municipality: MunicipalityId,
    },
    /// One department of a municipality.
    Department {
        /// Which municipality.
        municipality: MunicipalityId,
        /// Which of its departments.
        department: DepartmentId,
    },
    /// A civil-society organisation.
    Organisation {
        /// Which organisation.
        organisation: OrganisationId,
    },
}

impl PartyRef {
    /// Whether this party is (part of) a municipality: the side with the statutory duty.
    pub fn is_municipal(&self) -> bool {
        !matches!(self, PartyRef::Organisation { .. })
    }

    /// The municipality this party belongs to, if municipal.
    pub fn municipality(&self) -> Option<&MunicipalityId> {
        match self {
            PartyRef::Municipality { municipality } | PartyRef::Department { municipality, .. } => {
                Some(municipality)
            }
            PartyRef::Organisation { .. } => None,
        }
    }

    /// Whether `self` covers `other`: a municipality covers its departments.
    pub fn covers(&self, other: &PartyRef) -> bool {
        match (self, other) {
            (PartyRef::Municipality { municipality: a }, b) => b.municipality() == Some(a),
            (a, b) => a == b,
        }
    }

    /// A short stable key: `municipality:aalborg`, `department:aalborg/jobcenter`,
    /// `organisation:DK-CVR-…`.
    pub fn key(&self) -> String {
        match self {
            PartyRef::Municipality { municipality } => format!("municipality:{municipality}"),
            PartyRef::Department {
                municipality,
                department,
            } => format!("department:{municipality}/{department}"),
            PartyRef::Organisation { organisation } => format!("organisation:{organisation}"),
        }
    }
}

impl fmt::Display for PartyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// The five Danish regions (regioner), each holding a fixed set of municipalities.
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
pub enum Region {
    /// Region Hovedstaden (the Capital Region).
    Hovedstaden,
    /// Region Sjælland (Zealand).
    Sjaelland,
    /// Region Syddanmark (Southern Denmark).
    Syddanmark,
    /// Region Midtjylland (Central Denmark).
    Midtjylland,
    /// Region Nordjylland (North Denmark).
    Nordjylland,
}

labels!(Region, "region" {
    Hovedstaden => ("Region Hovedstaden", "Capital Region of Denmark"),
    Sjaelland => ("Region Sjælland", "Region Zealand"),
    Syddanmark => ("Region Syddanmark", "Region of Southern Denmark"),
    Midtjylland => ("Region Midtjylland", "Central Denmark Region"),
    Nordjylland => ("Region Nordjylland", "North Denmark Region"),
});

impl Region {
    /// The region of a municipality by its official code; `None` for an unknown code.
    ///
    /// The codes do not follow the regions (Greve, 253, is in Region Sjælland; Bornholm, 400,
    /// in Region Hovedstaden), so the five sets are listed in full.
    pub fn of_municipality(code: u16) -> Option<Region> {
        const HOVEDSTADEN: [u16; 29] = [
            101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173, 175, 183, 185, 187,
            190, 201, 210, 217, 219, 223, 230, 240, 250, 260, 270, 400,
        ];
        const SJAELLAND: [u16; 17] = [
            253, 259, 265, 269, 306, 316, 320, 326, 329, 330, 336, 340, 350, 360, 370, 376, 390,
        ];
        const SYDDANMARK: [u16; 22] = [
            410, 420, 430, 440, 450, 461, 479, 480, 482, 492, 510, 530, 540, 550, 561, 563, 573,
            575, 580, 607, 621, 630,
        ];
        const MIDTJYLLAND: [u16; 19] = [
            615, 657, 661, 665, 671, 706, 707, 710, 727, 730, 740, 741, 746, 751, 756, 760, 766,
            779, 791,
        ];
        const NORDJYLLAND: [u16; 11] = [773, 787, 810, 813, 820, 825, 840, 846, 849, 851, 860];
        [
            (&HOVEDSTADEN[..], Region::Hovedstaden),
            (&SJAELLAND[..], Region::Sjaelland),
            (&SYDDANMARK[..], Region::Syddanmark),
            (&MIDTJYLLAND[..], Region::Midtjylland),
            (&NORDJYLLAND[..], Region::Nordjylland),
        ]
        .into_iter()
        .find(|(codes, _)| codes.contains(&code))
        .map(|(_, r)| r)
    }
}

/// Looks up the official name for a municipality code, from the 98 Danish municipalities.
pub fn official_municipality_name(code: u16) -> Option<&'static str> {
    MUNICIPALITY_CODES
        .binary_search_by_key(&code, |(c, _)| *c)
        .ok()
        .and_then(|i| MUNICIPALITY_CODES.get(i))
        .map(|(_, name)| *name)
}

/// The 98 Danish municipalities with their official codes (Danmarks Statistik), sorted by code.
pub const MUNICIPALITY_CODES: [(u16, &str); 98] = [
    (101, "København"),
    (147, "Frederiksberg"),
    (151, "Ballerup"),
    (153, "Brøndby"),
    (155, "Dragør"),
    (157, "Gentofte"),
    (159, "Gladsaxe"),
    (161, "Glostrup"),
    (163, "Herlev"),
    (165, "Albertslund"),
    (167, "Hvidovre"),
    (169, "Høje-Taastrup"),
    (173, "Lyngby-Taarbæk"),
    (175, "Rødovre"),
    (183, "Ishøj"),
    (185, "Tårnby"),
    (187, "Vallensbæk"),
    (190, "Furesø"),
    (201, "Allerød"),
    (210, "Fredensborg"),
    (217, "Helsingør"),
    (219, "Hillerød"),
    (223, "Hørsholm"),
    (230, "Rudersdal"),
    (240, "Egedal"),
    (250, "Frederikssund"),
    (253, "Greve"),
    (259, "Køge"),
    (260, "Halsnæs"),
    (265, "Roskilde"),
    (269, "Solrød"),
    (270, "Gribskov"),
    (306, "Odsherred"),
    (316, "Holbæk"),
    (320, "Faxe"),
    (326, "Kalundborg"),
    (329, "Ringsted"),
    (330, "Slagelse"),
    (336, "Stevns"),
    (340, "Sorø"),
    (350, "Lejre"),
    (360, "Lolland"),
    (370, "Næstved"),
    (376, "Guldborgsund"),
    (390, "Vordingborg"),
    (400, "Bornholm"),
    (410, "Middelfart"),
    (420, "Assens"),
    (430, "Faaborg-Midtfyn"),
    (440, "Kerteminde"),
    (450, "Nyborg"),
    (461, "Odense"),
    (479, "Svendborg"),
    (480, "Nordfyns"),
    (482, "Langeland"),
    (492, "Ærø"),
    (510, "Haderslev"),
    (530, "Billund"),
    (540, "Sønderborg"),
    (550, "Tønder"),
    (561, "Esbjerg"),
    (563, "Fanø"),
    (573, "Varde"),
    (575, "Vejen"),
    (580, "Aabenraa"),
    (607, "Fredericia"),
    (615, "Horsens"),
    (621, "Kolding"),
    (630, "Vejle"),
    (657, "Herning"),
    (661, "Holstebro"),
    (665, "Lemvig"),
    (671, "Struer"),
    (706, "Syddjurs"),
    (707, "Norddjurs"),
    (710, "Favrskov"),
    (727, "Odder"),
    (730, "Randers"),
    (740, "Silkeborg"),
    (741, "Samsø"),
    (746, "Skanderborg"),
    (751, "Aarhus"),
    (756, "Ikast-Brande"),
    (760, "Ringkøbing-Skjern"),
    (766, "Hedensted"),
    (773, "Morsø"),
    (779, "Skive"),
    (787, "Thisted"),
    (791, "Viborg"),
    (810, "Brønderslev"),
    (813, "Frederikshavn"),
    (820, "Vesthimmerlands"),
    (825, "Læsø"),
    (840, "Rebild"),
    (846, "Mariagerfjord"),
    (849, "Jammerbugt"),
    (851, "Aalborg"),
    (860, "Hjørring"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensitivity::SensitivityClass;

    #[test]
    fn municipality_codes_sorted_unique() {
        assert!(MUNICIPALITY_CODES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(official_municipality_name(851), Some("Aalborg"));
        assert_eq!(official_municipality_name(756), Some("Ikast-Brande"));
        assert_eq!(official_municipality_name(615), Some("Horsens"));
        assert_eq!(official_municipality_name(999), None);
    }

    #[test]
    fn every_municipality_has_a_region() {
        for (code, name) in MUNICIPALITY_CODES {
            assert!(Region::of_municipality(code).is_some(), "{code} {name}");
        }
        assert_eq!(Region::of_municipality(851), Some(Region::Nordjylland));
        assert_eq!(Region::of_municipality(253), Some(Region::Sjaelland));
        assert_eq!(Region::of_municipality(400), Some(Region::Hovedstaden));
        assert_eq!(Region::of_municipality(615), Some(Region::Midtjylland));
        assert_eq!(Region::of_municipality(999), None);
    }

    #[test]
    fn every_person_field_declares_a_class() {
        let classes = Person::field_classes();
        assert_eq!(classes.len(), 6, "{classes:?}");
        for f in &classes {
            assert!(f.class.is_some(), "field {} has no x-sensitivity", f.field);
        }
        assert_eq!(
            crate::sensitivity::class_of::<Person>("child_protection_certificate"),
            Some(SensitivityClass::CriminalRecord)
        );
        assert_eq!(
            crate::sensitivity::class_of::<Person>("notes"),
            Some(SensitivityClass::Confidential)
        );
    }

    #[test]
    fn person_debug_shows_only_the_id() {
        let p = Person {
            id: PersonId::new("p-1"),
            name: "Fatima Hansen".into(),
            email: Some("fatima@example.org".into()),
            phone: Some("+45 12 34 56 78".into()),
            child_protection_certificate: None,
            notes: Some("needs evening meetings".into()),
        };
        let dbg = format!("{p:?}");
        assert!(dbg.contains("p-1"));
        for secret in ["Fatima", "example.org", "12 34", "evening"] {
            assert!(!dbg.contains(secret), "{dbg}");
        }
    }

    #[test]
    fn municipality_covers_its_departments() {
        let m = PartyRef::Municipality {
            municipality: "aalborg".into(),
        };
        let d = PartyRef::Department {
            municipality: "aalborg".into(),
            department: "job".into(),
        };
        let o = PartyRef::Organisation {
            organisation: "DK-CVR-12345674".into(),
        };
        assert!(m.covers(&d));
        assert!(!d.covers(&m));
        assert!(!m.covers(&o));
        assert!(d.is_municipal() && !o.is_municipal());
    }
}
