//! The directory as the spreadsheet a municipality keeps: one row per offer (an association
//! without offers on a row of its own), the association's columns repeated on each of its rows.
//!
//! Headers are the English column names or their Danish names (`forening`, `ugedage`, ...), in
//! any order and case; values of a vocabulary are written as in files (`homework_cafe`) or as
//! their Danish or English label (`lektiecafé`); lists are separated by `;`. The delimiter
//! (`,`, `;` or tab) and the encoding (UTF-8 or Windows-1252) are detected. Every problem is
//! reported with its row and column, never with the cell's value.

use crate::actors::OrganisationKind;
use crate::agreement::{ActivityKind, TargetGroup};
use crate::directory::model::{
    Address, ClockTime, DirectoryCode, DirectoryOffer, PublicContact, Recurrence, ScheduleRule,
    Visibility,
};
use crate::directory::register::{ContactPost, Directory, DirectoryAssociation};
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::{Lang, Text, Vocabulary};
use crate::ids::{OrganisationId, PostId, ServiceId};
use crate::import::read::{decode_text, detect_delimiter};
use crate::import::sheet::{Sheet, SheetCell};
use crate::matching::model::profile::{Weekday, is_language_code};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One column of the directory spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryColumn {
    /// The English header.
    pub name: String,
    /// The Danish header (also read).
    pub name_da: String,
    /// Whether every file must have it.
    pub required: bool,
    /// How to write a value.
    pub format: Text,
}

const COLUMNS: [(&str, &str, bool, &str, &str); 28] = [
    ("organisation", "forening", true, "navn", "name"),
    (
        "organisation_id",
        "foreningens_id",
        false,
        "DK-CVR-<8 cifre> eller DK-LOCAL-<navn>; dannes af navnet, hvis tomt",
        "DK-CVR-<8 digits> or DK-LOCAL-<name>; made from the name if empty",
    ),
    (
        "organisation_kind",
        "foreningstype",
        true,
        "fx ethnic_minority_association eller etnisk minoritetsforening",
        "e.g. ethnic_minority_association or ethnic minority association",
    ),
    (
        "visibility",
        "synlighed",
        false,
        "internal (intern) eller public (offentlig); intern, hvis tomt",
        "internal or public; internal if empty",
    ),
    ("summary", "beskrivelse", false, "kort tekst", "short text"),
    (
        "area",
        "område",
        false,
        "by eller bydel",
        "town or district",
    ),
    (
        "languages",
        "sprog",
        false,
        "ISO 639-koder adskilt af ';', fx ar;ckb",
        "ISO 639 codes separated by ';', e.g. ar;ckb",
    ),
    (
        "target_groups",
        "målgrupper",
        false,
        "adskilt af ';', fx children;women",
        "separated by ';', e.g. children;women",
    ),
    (
        "contact_title",
        "kontaktpost",
        false,
        "postens titel, fx Formand (aldrig et navn)",
        "the post's title, e.g. Chair (never a name)",
    ),
    (
        "email",
        "email",
        false,
        "foreningens fælles adresse",
        "the association's shared address",
    ),
    (
        "phone",
        "telefon",
        false,
        "foreningens fælles nummer",
        "the association's shared number",
    ),
    ("website", "hjemmeside", false, "https://…", "https://…"),
    (
        "street",
        "adresse",
        false,
        "vej og nummer",
        "street and number",
    ),
    (
        "postal_code",
        "postnummer",
        false,
        "fire cifre",
        "four digits",
    ),
    ("city", "by", false, "postby", "postal town"),
    (
        "municipality_code",
        "kommunekode",
        false,
        "tre cifre, fx 615",
        "three digits, e.g. 615",
    ),
    (
        "offer",
        "tilbud",
        false,
        "tilbuddets navn; tom række = foreningen uden tilbud",
        "the offer's name; empty = the association without offers",
    ),
    (
        "offer_id",
        "tilbuddets_id",
        false,
        "dannes af navnene, hvis tomt",
        "made from the names if empty",
    ),
    (
        "activity_kind",
        "aktivitetstype",
        false,
        "fx homework_cafe eller lektiecafé; other, hvis tomt",
        "e.g. homework_cafe or homework café; other if empty",
    ),
    (
        "offer_description",
        "tilbuddets_beskrivelse",
        false,
        "kort tekst",
        "short text",
    ),
    (
        "offer_area",
        "tilbuddets_område",
        false,
        "by eller bydel, hvis ikke foreningens",
        "town or district, if not the association's",
    ),
    (
        "offer_languages",
        "tilbuddets_sprog",
        false,
        "som sprog",
        "as languages",
    ),
    (
        "offer_target_groups",
        "tilbuddets_målgrupper",
        false,
        "som målgrupper",
        "as target groups",
    ),
    (
        "days",
        "ugedage",
        false,
        "adskilt af ';', fx tuesday;thursday eller tirsdag;torsdag",
        "separated by ';', e.g. tuesday;thursday",
    ),
    ("opens", "åbner", false, "TT:MM", "HH:MM"),
    ("closes", "lukker", false, "TT:MM", "HH:MM"),
    (
        "recurrence",
        "hyppighed",
        false,
        "weekly (ugentlig), every_other_week (hver anden uge) eller monthly:<1–4 eller -1>; ugentlig, hvis tomt",
        "weekly, every_other_week or monthly:<1–4 or -1>; weekly if empty",
    ),
    (
        "valid_from",
        "gælder_fra",
        false,
        "første dag, ÅÅÅÅ-MM-DD (kræves for hver anden uge)",
        "first day, YYYY-MM-DD (needed for every other week)",
    ),
];

/// The spreadsheet's columns, in order.
pub fn directory_columns() -> Vec<DirectoryColumn> {
    COLUMNS
        .iter()
        .map(|(name, da, required, fda, fen)| DirectoryColumn {
            name: (*name).to_owned(),
            name_da: (*da).to_owned(),
            required: *required,
            format: Text::new(*fda, *fen),
        })
        .collect()
}

/// A directory read from a spreadsheet, with every problem found.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryCsv {
    /// The register (rows with errors left out).
    pub directory: Directory,
    /// Every problem, each at `rows[<line>].<column>` (the line as a spreadsheet numbers it).
    pub problems: Vec<Finding>,
}

/// A spreadsheet problem: its code is one of [`DirectoryCode`]'s, its severity the code's.
fn problem(path: FieldPath, code: DirectoryCode, da: String, en: String) -> Finding {
    Finding::of(code, path, Text::new(da, en))
}

fn header_key(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// A vocabulary value from its key (`homework_cafe`) or its Danish or English label.
fn vocab<V: Vocabulary + serde::de::DeserializeOwned>(cell: &str) -> Option<V> {
    let c = cell.trim();
    let key = c.to_lowercase().replace([' ', '-'], "_");
    if let Ok(v) = serde_json::from_value::<V>(serde_json::Value::String(key)) {
        return Some(v);
    }
    V::values().iter().copied().find(|v| {
        [Lang::Da, Lang::En].into_iter().any(|l| {
            v.label(l).eq_ignore_ascii_case(c) || v.label(l).to_lowercase() == c.to_lowercase()
        })
    })
}

fn vocab_key<V: serde::Serialize>(v: &V) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// An id made from a name: lower case, æ ø å spelt out, anything else a dash.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    let s = out.trim_matches('-').to_owned();
    if s.is_empty() { "x".to_owned() } else { s }
}

struct Row<'a> {
    cells: &'a csv::StringRecord,
    at: &'a HashMap<&'static str, usize>,
    line: usize,
    problems: Vec<Finding>,
}

impl Row<'_> {
    fn get(&self, col: &str) -> &str {
        self.at
            .get(col)
            .and_then(|i| self.cells.get(*i))
            .map(str::trim)
            .unwrap_or("")
    }

    fn opt(&self, col: &str) -> Option<String> {
        let v = self.get(col);
        (!v.is_empty()).then(|| v.to_owned())
    }

    fn bad(&mut self, col: &str, da: &str, en: &str) {
        self.problems.push(problem(
            FieldPath::root().field("rows").index(self.line).field(col),
            DirectoryCode::BadCell,
            format!("Række {}, kolonne {col}: {da}", self.line),
            format!("Row {}, column {col}: {en}", self.line),
        ));
    }

    fn vocab_list<V: Vocabulary + PartialEq + serde::de::DeserializeOwned>(
        &mut self,
        col: &str,
    ) -> Vec<V> {
        let cell = self.get(col).to_owned();
        let mut out = Vec::new();
        for item in list(&cell) {
            match vocab::<V>(item) {
                Some(v) if !out.contains(&v) => out.push(v),
                Some(_) => {}
                None => {
                    let names = V::values()
                        .iter()
                        .map(vocab_key)
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.bad(
                        col,
                        &format!("en værdi er ikke blandt {names}."),
                        &format!("a value is not one of {names}."),
                    );
                }
            }
        }
        out
    }

    fn languages(&mut self, col: &str) -> Vec<String> {
        let cell = self.get(col).to_owned();
        let mut out: Vec<String> = Vec::new();
        for item in list(&cell) {
            let code = item.to_lowercase();
            if is_language_code(&code) {
                if !out.contains(&code) {
                    out.push(code);
                }
            } else {
                self.bad(
                    col,
                    "et sprog er ikke en ISO 639-kode (to eller tre bogstaver).",
                    "a language is not an ISO 639 code (two or three letters).",
                );
            }
        }
        out
    }

    fn time(&mut self, col: &str) -> Option<ClockTime> {
        let v = self.get(col).to_owned();
        if v.is_empty() {
            return None;
        }
        let t = ClockTime::parse(&v);
        if t.is_none() {
            self.bad(
                col,
                "skriv tiden TT:MM, fx 16:30.",
                "write the time HH:MM, e.g. 16:30.",
            );
        }
        t
    }

    fn date(&mut self, col: &str) -> Option<NaiveDate> {
        let v = self.get(col).to_owned();
        if v.is_empty() {
            return None;
        }
        let d = crate::time::parse_date(&v);
        if d.is_none() {
            self.bad(
                col,
                "skriv datoen ÅÅÅÅ-MM-DD.",
                "write the date YYYY-MM-DD.",
            );
        }
        d
    }
}

/// Reads the directory spreadsheet's text; never fails: every problem is reported.
pub fn directory_from_csv(text: &str) -> DirectoryCsv {
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => {
            problems.push(problem(
                FieldPath::root(),
                DirectoryCode::BadCell,
                "Filens første linje kan ikke læses som overskrifter.".into(),
                "The file's first line cannot be read as headers.".into(),
            ));
            return DirectoryCsv {
                directory: Directory {
                    associations: Vec::new(),
                },
                problems,
            };
        }
    };
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let k = header_key(h);
        if let Some((name, ..)) = COLUMNS
            .iter()
            .find(|(name, da, ..)| *name == k || header_key(da) == k)
        {
            at.entry(name).or_insert(i);
        }
    }
    for (name, da, required, ..) in COLUMNS {
        if required && !at.contains_key(name) {
            problems.push(problem(
                FieldPath::root().field("columns").field(name),
                DirectoryCode::MissingColumn,
                format!("Kolonnen {name} ({da}) mangler."),
                format!("The column {name} ({da}) is missing."),
            ));
        }
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return DirectoryCsv {
            directory: Directory {
                associations: Vec::new(),
            },
            problems,
        };
    }
    let mut associations: Vec<DirectoryAssociation> = Vec::new();
    for (k, record) in reader.records().enumerate() {
        // The header is line 1.
        let line = k + 2;
        let Ok(record) = record else {
            problems.push(problem(
                FieldPath::root().field("rows").index(line),
                DirectoryCode::BadCell,
                format!("Række {line} kan ikke læses (et citationstegn lukkes ikke?)."),
                format!("Row {line} cannot be read (an unclosed quote?)."),
            ));
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            cells: &record,
            at: &at,
            line,
            problems: Vec::new(),
        };
        let name = row.get("organisation").to_owned();
        if name.is_empty() {
            row.bad(
                "organisation",
                "foreningens navn mangler.",
                "the association's name is missing.",
            );
        }
        let id = row
            .opt("organisation_id")
            .unwrap_or_else(|| format!("DK-LOCAL-{}", slug(&name)));
        let kind = match vocab::<OrganisationKind>(row.get("organisation_kind")) {
            Some(k) => Some(k),
            None => {
                row.bad(
                    "organisation_kind",
                    "typen er ikke en kendt organisationstype.",
                    "the kind is not a known kind of organisation.",
                );
                None
            }
        };
        if kind == Some(OrganisationKind::Champion) {
            row.bad(
                "organisation_kind",
                "en ildsjæl er en person og hører ikke til i fortegnelsen.",
                "a champion is a person and does not belong in the directory.",
            );
        }
        let visibility = match row.get("visibility") {
            "" => Visibility::Internal,
            v => vocab::<Visibility>(v).unwrap_or_else(|| {
                row.bad(
                    "visibility",
                    "skriv internal eller public.",
                    "write internal or public.",
                );
                Visibility::Internal
            }),
        };
        let languages = row.languages("languages");
        let target_groups = row.vocab_list::<TargetGroup>("target_groups");
        let municipality_code = match row.get("municipality_code") {
            "" => None,
            v => match v.parse::<u16>() {
                Ok(c) if crate::actors::Region::of_municipality(c).is_some() => Some(c),
                _ => {
                    row.bad(
                        "municipality_code",
                        "ikke en dansk kommunekode.",
                        "not a Danish municipality code.",
                    );
                    None
                }
            },
        };
        let premises = match (row.opt("street"), row.opt("postal_code"), row.opt("city")) {
            (Some(street), Some(postal_code), Some(city)) => Some(Address {
                street,
                postal_code,
                city,
                municipality_code,
                location: None,
            }),
            (None, None, None) => None,
            _ => {
                row.bad(
                    "street",
                    "en adresse skal have vej, postnummer og by.",
                    "an address needs street, postal code and city.",
                );
                None
            }
        };
        let offer = row.opt("offer").map(|offer_name| {
            let oid = row
                .opt("offer_id")
                .unwrap_or_else(|| format!("{}-{}", slug(&name), slug(&offer_name)));
            let kind = match row.get("activity_kind") {
                "" => ActivityKind::Other,
                v => vocab::<ActivityKind>(v).unwrap_or_else(|| {
                    row.bad(
                        "activity_kind",
                        "typen er ikke en kendt aktivitetstype.",
                        "the kind is not a known kind of activity.",
                    );
                    ActivityKind::Other
                }),
            };
            let mut o = DirectoryOffer::new(ServiceId::new(oid), offer_name, kind);
            o.description = row.opt("offer_description");
            o.area = row.opt("offer_area");
            o.languages = row.languages("offer_languages");
            o.target_groups = row.vocab_list::<TargetGroup>("offer_target_groups");
            let days = row.vocab_list::<Weekday>("days");
            let opens = row.time("opens");
            let closes = row.time("closes");
            let recurrence = match row.get("recurrence").to_lowercase().as_str() {
                "" | "weekly" | "ugentlig" | "ugentligt" => Recurrence::Weekly,
                "every_other_week" | "hver anden uge" | "hver_anden_uge" => {
                    Recurrence::EveryOtherWeek
                }
                other => match other
                    .strip_prefix("monthly:")
                    .or_else(|| other.strip_prefix("månedlig:"))
                    .and_then(|n| n.trim().parse::<i8>().ok())
                {
                    Some(nth) if matches!(nth, 1..=4 | -1) => Recurrence::Monthly { nth },
                    _ => {
                        row.bad(
                            "recurrence",
                            "skriv weekly, every_other_week eller monthly:<1–4 eller -1>.",
                            "write weekly, every_other_week or monthly:<1–4 or -1>.",
                        );
                        Recurrence::Weekly
                    }
                },
            };
            if let (Some(o), Some(c)) = (opens, closes)
                && c <= o
            {
                row.bad(
                    "closes",
                    "lukketiden ligger ikke efter åbningstiden.",
                    "the closing time is not after the opening time.",
                );
            }
            let valid_from = row.date("valid_from");
            if !days.is_empty() {
                o.schedule.push(ScheduleRule {
                    days,
                    recurrence,
                    opens,
                    closes,
                    valid_from,
                    valid_to: None,
                    note: None,
                });
            } else if opens.is_some() || closes.is_some() {
                row.bad("days", "tider uden ugedage.", "times without days.");
            }
            o
        });
        let contact = PublicContact {
            email: row.opt("email"),
            phone: row.opt("phone"),
            website: row.opt("website"),
        };
        let contact_post = row.opt("contact_title").map(|title| ContactPost {
            post: PostId::new(format!("{}-contact", slug(&name))),
            title,
            vacant: None,
        });
        let summary = row.opt("summary");
        let area = row.opt("area");
        let row_problems = std::mem::take(&mut row.problems);
        let failed = !row_problems.is_empty();
        problems.extend(row_problems);
        let Some(kind) = kind else { continue };
        if failed {
            continue;
        }
        let oid = OrganisationId::new(id);
        match associations.iter_mut().find(|a| a.organisation == oid) {
            Some(a) => {
                let same = a.name == name
                    && a.kind == kind
                    && a.visibility == visibility
                    && (summary.is_none() || a.summary == summary)
                    && (area.is_none() || a.area == area);
                if !same {
                    problems.push(problem(
                        FieldPath::root().field("rows").index(line),
                        DirectoryCode::ConflictingRow,
                        format!("Række {line} siger noget andet om foreningen end en tidligere række."),
                        format!("Row {line} says something else about the association than an earlier row."),
                    ));
                    continue;
                }
                if let Some(o) = offer {
                    if a.offers.iter().any(|x| x.id == o.id) {
                        problems.push(problem(
                            FieldPath::root()
                                .field("rows")
                                .index(line)
                                .field("offer_id"),
                            DirectoryCode::ConflictingRow,
                            format!("Række {line}: tilbuddets id er brugt før."),
                            format!("Row {line}: the offer's id is used before."),
                        ));
                        continue;
                    }
                    a.offers.push(o);
                }
            }
            None => associations.push(DirectoryAssociation {
                organisation: oid,
                name,
                kind,
                visibility,
                listed: true,
                area,
                activities: Vec::new(),
                summary,
                languages,
                target_groups,
                contact_post,
                contact,
                premises,
                offers: offer.into_iter().collect(),
                agreements: Vec::new(),
                updated_on: None,
            }),
        }
    }
    associations.sort_by(|a, b| {
        crate::directory::text::sort_key(&a.name)
            .cmp(&crate::directory::text::sort_key(&b.name))
            .then_with(|| a.organisation.cmp(&b.organisation))
    });
    DirectoryCsv {
        directory: Directory { associations },
        problems,
    }
}

/// As [`directory_from_csv`] for a file's bytes (UTF-8 or Windows-1252).
pub fn directory_from_csv_bytes(bytes: &[u8]) -> DirectoryCsv {
    directory_from_csv(&decode_text(bytes).0)
}

/// Reads the directory from a table of plain cells (a DataFrame or a list of records handed
/// over by Python): the one spreadsheet rule of [`Sheet`] decides whether it is a spreadsheet,
/// and its cells are read as [`directory_from_csv`] reads a file's. A table with a list or a
/// record in a cell is one `directory.bad_cell` problem at `rows`.
pub fn directory_from_sheet(sheet: &Sheet) -> DirectoryCsv {
    match sheet.to_csv() {
        Some(text) => directory_from_csv(&text),
        None => DirectoryCsv {
            directory: Directory {
                associations: Vec::new(),
            },
            problems: vec![problem(
                FieldPath::root().field("rows"),
                DirectoryCode::BadCell,
                "tabellen har en liste eller en post i en celle; et regneark har kun tekst, tal og datoer."
                    .to_owned(),
                "the table holds a list or a record in a cell; a spreadsheet holds only text, numbers and dates."
                    .to_owned(),
            )],
        },
    }
}

/// The register as the spreadsheet's table (English headers, text cells): one row per offer,
/// one for each association without offers.
pub fn directory_to_sheet(directory: &Directory) -> Sheet {
    let mut sheet = Sheet {
        columns: COLUMNS.iter().map(|c| c.0.to_owned()).collect(),
        rows: Vec::new(),
    };
    for a in &directory.associations {
        let join = |v: &[String]| v.join(";");
        let groups = |g: &[TargetGroup]| g.iter().map(vocab_key).collect::<Vec<_>>().join(";");
        let premises = a.premises.as_ref();
        let base = [
            a.name.clone(),
            a.organisation.to_string(),
            vocab_key(&a.kind),
            vocab_key(&a.visibility),
            a.summary.clone().unwrap_or_default(),
            a.area.clone().unwrap_or_default(),
            join(&a.languages),
            groups(&a.target_groups),
            a.contact_post
                .as_ref()
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            a.contact.email.clone().unwrap_or_default(),
            a.contact.phone.clone().unwrap_or_default(),
            a.contact.website.clone().unwrap_or_default(),
            premises.map(|p| p.street.clone()).unwrap_or_default(),
            premises.map(|p| p.postal_code.clone()).unwrap_or_default(),
            premises.map(|p| p.city.clone()).unwrap_or_default(),
            premises
                .and_then(|p| p.municipality_code)
                .map(|c| c.to_string())
                .unwrap_or_default(),
        ];
        let empty_offer = || vec![String::new(); 12];
        let rows: Vec<Vec<String>> = if a.offers.is_empty() {
            vec![empty_offer()]
        } else {
            a.offers
                .iter()
                .map(|o| {
                    let r = o.schedule.first();
                    vec![
                        o.name.clone(),
                        o.id.to_string(),
                        vocab_key(&o.kind),
                        o.description.clone().unwrap_or_default(),
                        o.area.clone().unwrap_or_default(),
                        join(&o.languages),
                        groups(&o.target_groups),
                        r.map(|r| r.days.iter().map(vocab_key).collect::<Vec<_>>().join(";"))
                            .unwrap_or_default(),
                        r.and_then(|r| r.opens)
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                        r.and_then(|r| r.closes)
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                        r.map(|r| match r.recurrence {
                            Recurrence::Weekly => "weekly".to_owned(),
                            Recurrence::EveryOtherWeek => "every_other_week".to_owned(),
                            Recurrence::Monthly { nth } => format!("monthly:{nth}"),
                        })
                        .unwrap_or_default(),
                        r.and_then(|r| r.valid_from)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ]
                })
                .collect()
        };
        for offer in rows {
            sheet.rows.push(
                base.iter()
                    .cloned()
                    .chain(offer)
                    .map(|c| {
                        if c.is_empty() {
                            SheetCell::Empty
                        } else {
                            SheetCell::Text(c)
                        }
                    })
                    .collect(),
            );
        }
    }
    sheet
}

/// The register as the spreadsheet ([`directory_to_sheet`] written by [`Sheet`]'s one rule:
/// `;`-separated, as Danish spreadsheet programs read it). Reading it back gives the same
/// associations and offers (each offer's first schedule rule; the spreadsheet holds one per
/// row).
pub fn directory_to_csv(directory: &Directory) -> String {
    // A sheet of text cells only is always a spreadsheet.
    directory_to_sheet(directory).to_csv().unwrap_or_default()
}
