//! The documented column layout of newcomers and offers: names, whether required, the profile
//! field each fills with its sensitivity class, how to write a value, an example.
//!
//! This is the one definition of the column names, for CSV files and for tables handed over in
//! bulk ([`crate::matching::columns`], what Python's `profiles` reads from a DataFrame): a
//! column's name is its profile field's name, except the columns that each fill one part of a
//! nested field ([`nested_columns`]: `lat` and `lon` fill `location`, and for newcomers `adults`
//! and `children_ages` fill `household`), so a spreadsheet and a DataFrame with the same columns
//! mean the same thing.

use crate::i18n::Text;
use crate::matching::model::profile::{Newcomer, Offer};
use crate::sensitivity::{SensitivityClass, class_of};

/// One column of a CSV layout.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvColumn {
    /// The header name for programs, e.g. `languages`.
    pub name: String,
    /// The heading a spreadsheet for people writes, in Danish and English (`Sprog`,
    /// `Languages`); reading takes it too, in any case and inflection (`sproget`).
    pub heading: Text,
    /// Whether every file must have it (and every row a value in it).
    pub required: bool,
    /// The profile field it fills, e.g. `location` for `lat` and `lon`.
    pub field: String,
    /// The field's sensitivity class, from the profile's schema.
    pub sensitivity: SensitivityClass,
    /// How to write a value, in Danish and English.
    pub format: Text,
    /// An example value (invented).
    pub example: String,
    /// Whether a problem may quote the cell's value: only columns holding no personal data.
    pub quoted_in_problems: bool,
}

/// `(name, required, field, format da, format en, example)`.
type Spec = (
    &'static str,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const LANGUAGES: (&str, &str) = (
    "sprog:niveau adskilt af ';', fx da:B1;ar:native (ISO 639-kode; A1–C2 eller native)",
    "language:level separated by ';', e.g. da:B1;ar:native (ISO 639 code; A1–C2 or native)",
);
const AVAILABILITY: (&str, &str) = (
    "dag:tidspunkt adskilt af ';', fx monday:evening;saturday:daytime (tidspunkt: morning, daytime, afternoon, evening)",
    "day:time separated by ';', e.g. monday:evening;saturday:daytime (time: morning, daytime, afternoon, evening)",
);
const NEEDS: (&str, &str) = (
    "behov adskilt af ';': social_network, language_practice, homework_help, job_or_internship, childrens_leisure, womens_group, practical_help eller custom:<id>",
    "needs separated by ';': social_network, language_practice, homework_help, job_or_internship, childrens_leisure, womens_group, practical_help or custom:<id>",
);
const DATE: (&str, &str) = (
    "dato ÅÅÅÅ-MM-DD (DD-MM-ÅÅÅÅ læses også)",
    "date YYYY-MM-DD (DD-MM-YYYY is read too)",
);
const LAT: (&str, &str) = (
    "breddegrad i grader (WGS 84), decimalpunktum eller -komma; sammen med lon",
    "latitude in degrees (WGS 84), decimal point or comma; together with lon",
);
const LON: (&str, &str) = (
    "længdegrad i grader (WGS 84); sammen med lat",
    "longitude in degrees (WGS 84); together with lat",
);
const TAGS: (&str, &str) = (
    "id'er adskilt af ';', fx care;construction",
    "ids separated by ';', e.g. care;construction",
);

// The consent and basis columns fill the profile's `privacy` (`crate::privacy::ProfileBasis`):
// what a file kept outside a dossier says about its own basis for matching. The consent gate
// (`crate::privacy::gate`) reads them; a sensitive attribute neither covers is withheld.
const CONSENT_GIVEN_ON: Spec = (
    "consent_given_on",
    false,
    "privacy",
    "dato for samtykke til matchning (ÅÅÅÅ-MM-DD); tom: intet samtykke",
    "day of the consent to matching (YYYY-MM-DD); empty: no consent",
    "2016-01-21",
);
const CONSENT_ENDS_ON: Spec = (
    "consent_ends_on",
    false,
    "privacy",
    "første dag samtykket ikke gælder (tilbagekaldt eller udløbet), ÅÅÅÅ-MM-DD",
    "first day the consent no longer holds (withdrawn or lapsed), YYYY-MM-DD",
    "",
);
const CONSENT_ATTRIBUTES: Spec = (
    "consent_attributes",
    false,
    "privacy",
    "følsomme oplysninger, samtykket udtrykkeligt nævner, adskilt af ';', fx newcomer.preferences",
    "sensitive attributes the consent names explicitly, separated by ';', e.g. newcomer.preferences",
    "",
);
const BASIS: Spec = (
    "basis",
    false,
    "privacy",
    "anden hjemmel til matchning end samtykke, fx legal_obligation eller public_task",
    "a legal basis for matching other than consent, e.g. legal_obligation or public_task",
    "",
);
const BASIS_ATTRIBUTES: Spec = (
    "basis_attributes",
    false,
    "privacy",
    "følsomme oplysninger, hjemlen dækker, adskilt af ';', fx offer.credentials",
    "sensitive attributes the basis covers, separated by ';', e.g. offer.credentials",
    "",
);
const BASIS_REFERENCE: Spec = (
    "basis_reference",
    false,
    "privacy",
    "lov, afgørelse eller aftale bag hjemlen, fx børneattestloven § 2",
    "the statute, decision or agreement behind the basis, e.g. børneattestloven § 2",
    "",
);

const NEWCOMER_SPECS: [Spec; 22] = [
    (
        "id",
        true,
        "id",
        "pseudonymt id (aldrig navn eller cpr-nummer), fx nc-3817-2204",
        "pseudonymous id (never a name or national id number), e.g. nc-3817-2204",
        "nc-3817-2204",
    ),
    ("arrival", true, "arrival", DATE.0, DATE.1, "2016-01-11"),
    (
        "integration_contract_meeting",
        false,
        "integration_contract_meeting",
        DATE.0,
        DATE.1,
        "2016-01-21",
    ),
    (
        "waiting_since",
        false,
        "waiting_since",
        "dato for optagelse på ventelisten (ÅÅÅÅ-MM-DD); ankomst, hvis tom",
        "day put on the waiting list (YYYY-MM-DD); arrival if empty",
        "",
    ),
    (
        "area",
        false,
        "area",
        "by eller bydel",
        "town or district",
        "Ikast",
    ),
    ("lat", false, "location", LAT.0, LAT.1, "56.1268"),
    ("lon", false, "location", LON.0, LON.1, "9.178"),
    (
        "languages",
        false,
        "languages",
        LANGUAGES.0,
        LANGUAGES.1,
        "ar:native;en:A2;da:A1",
    ),
    (
        "adults",
        false,
        "household",
        "antal voksne (1, hvis tom)",
        "number of adults (1 if empty)",
        "2",
    ),
    (
        "children_ages",
        false,
        "household",
        "børnenes alder i år adskilt af ';', fx 6;9",
        "the children's ages in years separated by ';', e.g. 6;9",
        "6;9",
    ),
    (
        "needs",
        false,
        "needs",
        NEEDS.0,
        NEEDS.1,
        "social_network;homework_help",
    ),
    (
        "preferences",
        false,
        "preferences",
        "ønsker adskilt af ';': volunteer_gender:<female|male|other> eller offer_kind:<tilbudstype>",
        "wishes separated by ';': volunteer_gender:<female|male|other> or offer_kind:<offer kind>",
        "",
    ),
    (
        "availability",
        false,
        "availability",
        AVAILABILITY.0,
        AVAILABILITY.1,
        "saturday:daytime;wednesday:evening",
    ),
    ("industries", false, "industries", TAGS.0, TAGS.1, ""),
    (
        "interests",
        false,
        "interests",
        "id'er adskilt af ';', fx football;cooking",
        "ids separated by ';', e.g. football;cooking",
        "football;cooking",
    ),
    (
        "seat_needs",
        false,
        "seat_needs",
        "pladser, husstanden har brug for ud over det, dens sammensætning siger, adskilt af ';': slags:antal, fx rooms:2 (slags: voksne, børn, skolepladser, personer eller et id)",
        "seats the household needs beyond what its composition says, separated by ';': kind:count, e.g. rooms:2 (kind: adults, children, school_places, people or an id)",
        "",
    ),
    CONSENT_GIVEN_ON,
    CONSENT_ENDS_ON,
    CONSENT_ATTRIBUTES,
    BASIS,
    BASIS_ATTRIBUTES,
    BASIS_REFERENCE,
];

const OFFER_SPECS: [Spec; 25] = [
    (
        "id",
        true,
        "id",
        "id, fx vvv-cf-ikast-1",
        "id, e.g. vvv-cf-ikast-1",
        "vvv-cf-ikast-1",
    ),
    (
        "kind",
        true,
        "kind",
        "contact_family, contact_person, language_mentor, job_mentor eller activity",
        "contact_family, contact_person, language_mentor, job_mentor or activity",
        "contact_family",
    ),
    (
        "title",
        true,
        "title",
        "titel uden navne, fx Kontaktfamilie, Ikast (1)",
        "title without names, e.g. Kontaktfamilie, Ikast (1)",
        "Kontaktfamilie, Ikast (1)",
    ),
    (
        "provider",
        false,
        "provider",
        "organisation:<id>, department:<kommune>/<afdeling> eller municipality:<id>",
        "organisation:<id>, department:<municipality>/<department> or municipality:<id>",
        "organisation:DK-LOCAL-roede-kors-ikast",
    ),
    (
        "volunteer",
        false,
        "volunteer",
        "personens id i dossieret (ikke et navn)",
        "the person's id in the dossier (not a name)",
        "",
    ),
    (
        "capacity",
        true,
        "capacity",
        "antal husstande i alt (helt tal)",
        "households in all (a whole number)",
        "2",
    ),
    (
        "places_taken",
        false,
        "places_taken",
        "pladser allerede optaget (0, hvis tom)",
        "places already taken (0 if empty)",
        "0",
    ),
    (
        "languages",
        false,
        "languages",
        LANGUAGES.0,
        LANGUAGES.1,
        "da:native;en:C1",
    ),
    (
        "area",
        false,
        "area",
        "by eller bydel",
        "town or district",
        "Ikast",
    ),
    ("lat", false, "location", LAT.0, LAT.1, "56.1388"),
    ("lon", false, "location", LON.0, LON.1, "9.158"),
    (
        "serves",
        false,
        "serves",
        NEEDS.0,
        NEEDS.1,
        "social_network;practical_help",
    ),
    (
        "gender",
        false,
        "gender",
        "female, male eller other (blandet gruppe)",
        "female, male or other (a mixed group)",
        "other",
    ),
    (
        "credentials",
        false,
        "credentials",
        "adskilt af ';': child_protection_certificate, first_aid, driving_licence, mentor_training",
        "separated by ';': child_protection_certificate, first_aid, driving_licence, mentor_training",
        "child_protection_certificate",
    ),
    ("industries", false, "industries", TAGS.0, TAGS.1, ""),
    (
        "interests",
        false,
        "interests",
        "id'er adskilt af ';', fx football;cooking",
        "ids separated by ';', e.g. football;cooking",
        "football;cooking",
    ),
    (
        "availability",
        false,
        "availability",
        AVAILABILITY.0,
        AVAILABILITY.1,
        "saturday:daytime;sunday:daytime",
    ),
    (
        "listed_on",
        false,
        "listed_on",
        "dato for optagelse på listen (ÅÅÅÅ-MM-DD)",
        "day put on the list (YYYY-MM-DD)",
        "2015-09-01",
    ),
    (
        "seats",
        false,
        "seats",
        "pladser af flere slags adskilt af ';': slags:kapacitet eller slags:kapacitet/optaget, fx voksne:2;børn:3/1 (slags: voksne, børn, skolepladser, personer eller et id)",
        "seats of several kinds separated by ';': kind:capacity or kind:capacity/taken, e.g. adults:2;children:3/1 (kind: adults, children, school_places, people or an id)",
        "",
    ),
    CONSENT_GIVEN_ON,
    CONSENT_ENDS_ON,
    CONSENT_ATTRIBUTES,
    BASIS,
    BASIS_ATTRIBUTES,
    BASIS_REFERENCE,
];

/// Offer columns whose values hold no personal data and no free text, so a problem may quote
/// them to help the user. Ids are left out: a misplaced name in an id column must not echo.
/// No column's cell is quoted in a problem: a value typed in the wrong column, or a file without
/// its header row, may put anyone's data in any column (issue 18, item 6). A problem says what
/// kind of value was expected and where, never what was found.
const QUOTABLE_OFFER_COLUMNS: [&str; 0] = [];

fn build(
    specs: &[Spec],
    class: impl Fn(&str) -> Option<SensitivityClass>,
    quotable: &[&str],
) -> Vec<CsvColumn> {
    specs
        .iter()
        .map(|(name, required, field, da, en, example)| CsvColumn {
            name: (*name).to_owned(),
            heading: Text::new(danish_heading(name, specs), english_heading(name)),
            required: *required,
            field: (*field).to_owned(),
            // Every profile field declares a class (a test holds the profiles to that); the
            // strictest class is the safe reading should one ever be missing.
            sensitivity: class(field).unwrap_or(SensitivityClass::SpecialCategory),
            format: Text::new(*da, *en),
            example: (*example).to_owned(),
            quoted_in_problems: quotable.contains(name),
        })
        .collect()
}

/// The columns of a newcomers file, in the order files are written.
pub fn newcomer_columns() -> Vec<CsvColumn> {
    build(&NEWCOMER_SPECS, class_of::<Newcomer>, &[])
}

/// The columns of an offers file, in the order files are written.
pub fn offer_columns() -> Vec<CsvColumn> {
    build(&OFFER_SPECS, class_of::<Offer>, &QUOTABLE_OFFER_COLUMNS)
}

/// The columns of a layout, in the order files are written.
pub fn csv_columns(table: super::csv::CsvTable) -> Vec<CsvColumn> {
    match table {
        super::csv::CsvTable::Newcomers => newcomer_columns(),
        super::csv::CsvTable::Offers => offer_columns(),
    }
}

/// The columns that each fill one part of a nested profile field, as `(column, field)`: the
/// column's name is the name of the part (`lat` in `location`, `adults` in `household`). The
/// same for CSV files and bulk tables.
pub fn nested_columns(table: super::csv::CsvTable) -> Vec<(&'static str, &'static str)> {
    let specs: &[Spec] = match table {
        super::csv::CsvTable::Newcomers => &NEWCOMER_SPECS,
        super::csv::CsvTable::Offers => &OFFER_SPECS,
    };
    specs
        .iter()
        .filter(|(name, _, field, ..)| name != field)
        .map(|(name, _, field, ..)| (*name, *field))
        .collect()
}

/// `(name, Danish heading, other spellings)` of every column: the Danish heading is what the
/// Excel form writes; reading takes the name, both headings and the other spellings, in any
/// case, with spaces, `_`, `-` and `.` alike and the common Danish endings (`-en`, `-et`,
/// `-ne`, `-erne`, ...).
type Heading = (&'static str, &'static str, &'static [&'static str]);

const COMMON_HEADINGS: &[Heading] = &[
    ("area", "område", &["by", "bydel", "sted", "kommune del"]),
    ("lat", "breddegrad", &["latitude", "bredde"]),
    ("lon", "længdegrad", &["longitude", "længde", "lng"]),
    (
        "languages",
        "sprog",
        &["sprogkundskaber", "talte sprog", "language"],
    ),
    (
        "availability",
        "tilgængelighed",
        &["tider", "ledige tider", "tidspunkter", "kan mødes"],
    ),
    ("industries", "brancher", &["branche", "fag", "industry"]),
    (
        "interests",
        "interesser",
        &["interesse", "fritidsinteresser", "interest"],
    ),
    (
        "consent_given_on",
        "samtykke givet",
        &["samtykke", "samtykkedato", "samtykke dato"],
    ),
    (
        "consent_ends_on",
        "samtykke ophører",
        &[
            "samtykke slutter",
            "samtykke udløber",
            "samtykke trukket tilbage",
        ],
    ),
    (
        "consent_attributes",
        "samtykke omfatter",
        &["samtykkeoplysninger"],
    ),
    ("basis", "hjemmel", &["retsgrundlag", "grundlag"]),
    ("basis_attributes", "hjemmel omfatter", &[]),
    (
        "basis_reference",
        "hjemmel kilde",
        &["hjemmel henvisning", "lovhenvisning"],
    ),
];

const NEWCOMER_HEADINGS: &[Heading] = &[
    (
        "id",
        "id",
        &["husstand", "husstands id", "løbenummer", "reference"],
    ),
    (
        "arrival",
        "ankomst",
        &["ankomstdato", "ankommet", "ankomstdag", "arrival date"],
    ),
    (
        "integration_contract_meeting",
        "integrationskontraktmøde",
        &[
            "møde om integrationskontrakt",
            "samtale om integrationskontrakt",
            "integrationskontrakt",
            "kontraktmøde",
        ],
    ),
    (
        "waiting_since",
        "venter siden",
        &["på venteliste siden", "venteliste"],
    ),
    ("adults", "voksne", &["antal voksne", "voksen"]),
    (
        "children_ages",
        "børns alder",
        &[
            "børnenes alder",
            "alder på børn",
            "børn",
            "børnenes aldre",
            "children",
        ],
    ),
    ("needs", "behov", &["need"]),
    (
        "preferences",
        "ønsker",
        &["ønske", "præferencer", "preference"],
    ),
    ("seat_needs", "pladsbehov", &["behov for pladser"]),
];

const OFFER_HEADINGS: &[Heading] = &[
    ("id", "id", &["tilbuds id", "tilbud id", "løbenummer"]),
    ("kind", "type", &["tilbudstype", "slags", "art"]),
    (
        "title",
        "titel",
        &["navn på tilbud", "tilbudets navn", "overskrift"],
    ),
    (
        "provider",
        "udbyder",
        &["forening", "organisation", "arrangør"],
    ),
    (
        "volunteer",
        "frivillig",
        &["frivilliges id", "frivillig id"],
    ),
    (
        "capacity",
        "kapacitet",
        &["pladser", "antal pladser", "pladser i alt"],
    ),
    (
        "places_taken",
        "optagne pladser",
        &["pladser optaget", "besatte pladser", "optaget"],
    ),
    (
        "serves",
        "behov",
        &["dækker behov", "imødekommer", "need", "needs"],
    ),
    ("gender", "køn", &[]),
    (
        "credentials",
        "attester",
        &["attest", "kvalifikationer", "certifikater", "credential"],
    ),
    (
        "listed_on",
        "oprettet",
        &["på listen siden", "optaget på listen", "listed"],
    ),
    (
        "seats",
        "pladser efter slags",
        &["pladstyper", "pladser fordelt"],
    ),
];

fn headings(table: super::csv::CsvTable) -> impl Iterator<Item = &'static Heading> {
    let own = match table {
        super::csv::CsvTable::Newcomers => NEWCOMER_HEADINGS,
        super::csv::CsvTable::Offers => OFFER_HEADINGS,
    };
    own.iter().chain(COMMON_HEADINGS)
}

/// The Danish heading of a column of `specs`' layout.
fn danish_heading(name: &str, specs: &[Spec]) -> String {
    let table = if specs.iter().any(|s| s.0 == "capacity") {
        super::csv::CsvTable::Offers
    } else {
        super::csv::CsvTable::Newcomers
    };
    heading(table, name, crate::i18n::Lang::Da)
}

/// The English heading of a column: its name in words, `Children ages`.
fn english_heading(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A column's heading in `lang`'s Excel form.
pub(crate) fn heading(table: super::csv::CsvTable, name: &str, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::En => english_heading(name),
        crate::i18n::Lang::Da => {
            let da = headings(table).find(|h| h.0 == name).map_or(name, |h| h.1);
            let mut c = da.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

/// A heading in the form headings are compared in: lower case letters and digits only.
fn squashed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Danish endings a heading may carry: the definite and plural forms (`sproget`, `behovene`,
/// `interesserne`) and the genitive `-s`.
const ENDINGS: [&str; 12] = [
    "", "e", "n", "en", "et", "ne", "r", "er", "ene", "erne", "s", "ens",
];

/// The column a header cell names: its name, its Danish or English heading or another
/// spelling, in any case and inflection; `None` for a heading the layout does not know.
pub(crate) fn resolve(table: super::csv::CsvTable, raw: &str) -> Option<&'static str> {
    let s = squashed(raw);
    if s.is_empty() {
        return None;
    }
    let names = names(table);
    let by_name = names.iter().find(|n| squashed(n) == s);
    if let Some(n) = by_name {
        return Some(n);
    }
    headings(table)
        .find(|(name, da, also)| {
            names.contains(name)
                && std::iter::once(*da)
                    .chain(also.iter().copied())
                    .map(squashed)
                    .any(|form| {
                        s.strip_prefix(form.as_str())
                            .is_some_and(|rest| ENDINGS.contains(&rest))
                    })
        })
        .map(|h| h.0)
}

/// The column names of a layout, in order.
pub(crate) fn names(table: super::csv::CsvTable) -> Vec<&'static str> {
    match table {
        super::csv::CsvTable::Newcomers => NEWCOMER_SPECS.iter().map(|s| s.0).collect(),
        super::csv::CsvTable::Offers => OFFER_SPECS.iter().map(|s| s.0).collect(),
    }
}

/// The required column names of a layout.
pub(crate) fn required(table: super::csv::CsvTable) -> Vec<&'static str> {
    let specs: &[Spec] = match table {
        super::csv::CsvTable::Newcomers => &NEWCOMER_SPECS,
        super::csv::CsvTable::Offers => &OFFER_SPECS,
    };
    specs.iter().filter(|s| s.1).map(|s| s.0).collect()
}

/// Whether a problem may quote values of `column` in `table`.
pub(crate) fn quotable(table: super::csv::CsvTable, column: &str) -> bool {
    table == super::csv::CsvTable::Offers && QUOTABLE_OFFER_COLUMNS.contains(&column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_headings_in_any_case_and_inflection() {
        use super::super::csv::CsvTable::{Newcomers, Offers};
        assert_eq!(resolve(Newcomers, "Ankomst"), Some("arrival"));
        assert_eq!(resolve(Newcomers, "ANKOMSTDATO"), Some("arrival"));
        assert_eq!(resolve(Newcomers, "Sproget"), Some("languages"));
        assert_eq!(resolve(Newcomers, "Behovene"), Some("needs"));
        assert_eq!(resolve(Newcomers, "Børnenes alder"), Some("children_ages"));
        assert_eq!(resolve(Newcomers, "children ages"), Some("children_ages"));
        assert_eq!(resolve(Newcomers, "Children-Ages"), Some("children_ages"));
        assert_eq!(resolve(Newcomers, "Interesserne"), Some("interests"));
        assert_eq!(resolve(Offers, "Behov"), Some("serves"));
        assert_eq!(resolve(Offers, "Optagne pladser"), Some("places_taken"));
        assert_eq!(resolve(Offers, "Kapacitet"), Some("capacity"));
        assert_eq!(resolve(Newcomers, "Kapacitet"), None);
        assert_eq!(resolve(Newcomers, "navn"), None);
        assert_eq!(resolve(Newcomers, ""), None);
        assert_eq!(
            heading(Newcomers, "children_ages", crate::i18n::Lang::Da),
            "Børns alder"
        );
        assert_eq!(heading(Offers, "serves", crate::i18n::Lang::En), "Serves");
    }

    /// No heading, spelling or inflection of one column names another column of its layout,
    /// and every column's headings read back to it.
    #[test]
    fn headings_are_unambiguous() {
        for table in [
            super::super::csv::CsvTable::Newcomers,
            super::super::csv::CsvTable::Offers,
        ] {
            let names = names(table);
            for h in headings(table).filter(|h| names.contains(&h.0)) {
                for form in std::iter::once(h.1).chain(h.2.iter().copied()) {
                    for end in ENDINGS {
                        let spelt = format!("{form}{end}");
                        assert_eq!(resolve(table, &spelt), Some(h.0), "{spelt}");
                    }
                }
            }
            for c in csv_columns(table) {
                assert_eq!(resolve(table, &c.heading.da), Some(c.name.as_str()));
                assert_eq!(resolve(table, &c.heading.en), Some(c.name.as_str()));
                assert_eq!(resolve(table, &c.name), Some(c.name.as_str()));
            }
        }
    }

    #[test]
    fn every_column_fills_a_declared_field_and_only_impersonal_ones_are_quoted() {
        for c in newcomer_columns() {
            assert!(class_of::<Newcomer>(&c.field).is_some(), "{}", c.field);
            assert!(!c.quoted_in_problems, "{}", c.name);
        }
        for c in offer_columns() {
            assert!(class_of::<Offer>(&c.field).is_some(), "{}", c.field);
            if c.quoted_in_problems {
                assert_eq!(c.sensitivity, SensitivityClass::NotPersonal, "{}", c.name);
            }
        }
        // Every field of the profiles has a column, so writing and reading loses nothing.
        for f in Newcomer::field_classes_for_test() {
            assert!(newcomer_columns().iter().any(|c| c.field == f), "{f}");
        }
        for f in Offer::field_classes_for_test() {
            assert!(offer_columns().iter().any(|c| c.field == f), "{f}");
        }
    }

    trait Fields {
        fn field_classes_for_test() -> Vec<String>;
    }

    impl<T: crate::sensitivity::PersonalData> Fields for T {
        fn field_classes_for_test() -> Vec<String> {
            T::field_classes().into_iter().map(|f| f.field).collect()
        }
    }
}
