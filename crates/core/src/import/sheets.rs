//! A dossier from the partnership's own spreadsheets: the municipality's list of newcomer
//! households, the associations' offers, the parties (the municipality and the organisations)
//! and their posts, each a CSV file in any encoding [`decode_text`](super::decode_text) reads or
//! an `.xlsx` workbook. Every problem of every sheet is reported with its file, sheet, line and
//! column, never with a personal value; what reads becomes one dossier: the parties, their
//! posts, a draft agreement between the parties, one cohort of the households and the offers.
//!
//! This is the one place that turns sheets into a dossier: `brobygger new`, Python's
//! `Dossier.from_sheets` and an app hand over file names and bytes and get the same dossier and
//! the same problems.
//!
//! The parties sheet has the columns `id` (optional: `DK-LOCAL-<name>` is made from the name),
//! `name` and `kind` (an organisation's kind, or `municipality`/`kommune`, then also `code`, the
//! three-digit municipality code); the posts sheet `id`, `title`, `kind` and `party` (a party's
//! id from the parties sheet, or a party key such as `organisation:DK-LOCAL-x`). Headings may be
//! Danish (`Navn`, `Type`, `Kommunekode`, `Titel`, `Part`) or English, in any case.

use super::csv::{CsvOptions, CsvProblem, ImportCode, has_errors};
use super::grid::{self, Grid};
use super::read::{check_newcomers_csv_bytes, check_offers_csv_bytes, decode_text, is_workbook};
use crate::actors::{Municipality, Organisation, OrganisationKind, PartyRef};
use crate::agreement::{
    Agreement, AgreementParty, AgreementTerms, AgreementVersion, CooperationLevel, Stage, Term,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::FindingKind;
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::{Lang, Text, Vocabulary};
use crate::ids::is_well_formed;
use crate::matching::model::cohort::Cohort;
use crate::matching::model::intro::IntroductionPlan;
use crate::matching::model::rules::RuleSet;
use crate::posts::model::{Post, PostKind};
use crate::status::AgreementStatus;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One sheet handed over: its file name (shown in every problem) and its bytes (CSV in any
/// encoding the importer reads, or an `.xlsx` workbook, told from the bytes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetFile {
    /// The file's name, e.g. `nyankomne.csv`.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl SheetFile {
    /// A sheet from its name and bytes.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// The sheets a dossier is built from; any of them may be absent, and each kind may come in
/// several files (one per association, say).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheets {
    /// Newcomer households (the newcomers layout, `brobygger template newcomers`).
    pub newcomers: Vec<SheetFile>,
    /// Volunteer offers (the offers layout, `brobygger template offers`).
    pub offers: Vec<SheetFile>,
    /// The parties: the municipality and the organisations (`brobygger template organisations`).
    pub organisations: Vec<SheetFile>,
    /// The parties' posts (`brobygger template posts`).
    pub posts: Vec<SheetFile>,
}

/// How to build the dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetsOptions {
    /// The dossier's and the draft agreement's title, e.g. "Venner Viser Vej i Ikast-Brande".
    pub title: String,
    /// The id of the draft agreement; the cohort is `<id>-nyankomne`. Made from the title when
    /// absent.
    pub id: Option<String>,
    /// The agreement's first day.
    pub start: NaiveDate,
    /// Skip columns a layout does not know (a warning each) instead of refusing them.
    pub ignore_unknown_columns: bool,
    /// The partnership's matching rule set, so the cohort can be matched and the run stored.
    pub rules: Option<RuleSet>,
}

impl SheetsOptions {
    /// Options with a title and a first day, otherwise the defaults.
    pub fn new(title: impl Into<String>, start: NaiveDate) -> Self {
        Self {
            title: title.into(),
            id: None,
            start,
            ignore_unknown_columns: false,
            rules: None,
        }
    }
}

/// What reading the sheets gave: the dossier of every row that read, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierSheets {
    /// The dossier built from every row without errors.
    pub dossier: Dossier,
    /// Every problem of every sheet, sheet by sheet in file order.
    pub problems: Vec<CsvProblem>,
}

impl DossierSheets {
    /// Whether any problem is an error (then the dossier lacks the rows that had them).
    pub fn has_errors(&self) -> bool {
        has_errors(&self.problems)
    }

    /// The problems as findings (the text starts with the file, line and column).
    pub fn findings(&self) -> Vec<Finding> {
        self.problems.iter().map(finding).collect()
    }
}

/// Reads every sheet and builds the dossier from what reads; never fails.
pub fn check_dossier_from_sheets(sheets: &Sheets, options: &SheetsOptions) -> DossierSheets {
    let mut problems = Vec::new();
    let csv = |f: &SheetFile| CsvOptions {
        file_name: Some(f.name.clone()),
        delimiter: None,
        ignore_unknown_columns: options.ignore_unknown_columns,
        sheet: None,
    };
    let mut newcomers = Vec::new();
    for f in &sheets.newcomers {
        let r = check_newcomers_csv_bytes(&f.bytes, &csv(f));
        newcomers.extend(r.newcomers);
        problems.extend(r.problems);
    }
    let mut offers = Vec::new();
    for f in &sheets.offers {
        let r = check_offers_csv_bytes(&f.bytes, &csv(f));
        offers.extend(r.offers);
        problems.extend(r.problems);
    }
    let mut d = Dossier::new(options.title.clone());
    let mut party_ids: HashMap<String, PartyRef> = HashMap::new();
    for f in &sheets.organisations {
        read_parties(f, options, &mut d, &mut party_ids, &mut problems);
    }
    for f in &sheets.posts {
        read_posts(f, options, &mut d, &party_ids, &mut problems);
    }
    let id = options
        .id
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| slug(&options.title));
    let parties: Vec<AgreementParty> = d
        .municipalities
        .iter()
        .map(|m| PartyRef::Municipality {
            municipality: m.id.clone(),
        })
        .chain(d.organisations.iter().map(|o| PartyRef::Organisation {
            organisation: o.id.clone(),
        }))
        .map(|party| AgreementParty {
            party,
            signatory: None,
        })
        .collect();
    if !parties.is_empty() {
        d.agreements.push(Agreement {
            id: id.as_str().into(),
            status: AgreementStatus::Draft,
            versions: vec![AgreementVersion {
                number: 1,
                amendment: None,
                terms: AgreementTerms {
                    title: options.title.clone(),
                    purpose: None,
                    parties,
                    goals: Vec::new(),
                    activities: Vec::new(),
                    governance: Default::default(),
                    routines: Vec::new(),
                    resources: Vec::new(),
                    decision_making: None,
                    disagreement_handling: None,
                    definitions: Vec::new(),
                    term: Term {
                        start: options.start,
                        end: None,
                        review_dates: Vec::new(),
                    },
                    exit: None,
                    stage: Stage::Project,
                    cooperation_level: CooperationLevel::Cooperation,
                    place: None,
                    roles: Default::default(),
                },
            }],
            history: Vec::new(),
            meetings: Vec::new(),
            committee_briefings: Vec::new(),
            process: Default::default(),
        });
    }
    if !newcomers.is_empty() {
        let municipality = match d.municipalities.as_slice() {
            [only] => Some(only.id.clone()),
            _ => None,
        };
        d.cohorts.push(Cohort {
            id: format!("{id}-nyankomne").into(),
            title: options.title.clone(),
            municipality,
            plan: IntroductionPlan::default(),
            newcomers,
            introductions: Vec::new(),
        });
    }
    d.offers = offers;
    records_from_profiles(&mut d, options.start);
    d.rule_sets.extend(options.rules.clone());
    DossierSheets {
        dossier: d,
        problems,
    }
}

/// The consent and basis columns of the households and offers as the dossier's privacy
/// records (in a dossier the profiles' own fields are not read): a consent `<id>-samtykke` and
/// a basis `<id>-hjemmel` per profile that has them, the profile's own fields then emptied.
fn records_from_profiles(d: &mut Dossier, start: NaiveDate) {
    use crate::privacy::model::basis::{ProfileBasis, Purpose};
    use crate::privacy::model::consent::{BasisScope, ConsentRecord, ProcessingBasis, Subject};
    let mut consents = Vec::new();
    let mut bases = Vec::new();
    let mut add = |id: &str, subject: Subject, p: &mut ProfileBasis| {
        if let Some(given_on) = p.consent_given_on {
            let mut c = ConsentRecord::new(
                format!("{id}-samtykke"),
                subject.clone(),
                vec![Purpose::Matching],
                given_on,
                "regneark",
            );
            c.attributes.clone_from(&p.consent_attributes);
            c.expires_on = p.consent_ends_on;
            consents.push(c);
        }
        if let Some(basis) = p.basis {
            bases.push(ProcessingBasis {
                id: format!("{id}-hjemmel").into(),
                applies_to: BasisScope::Individual { subject },
                purpose: Purpose::Matching,
                basis,
                attributes: p.basis_attributes.clone(),
                reference: p.basis_reference.clone().unwrap_or_default(),
                from: start,
                until: None,
            });
        }
        *p = ProfileBasis::default();
    };
    for c in &mut d.cohorts {
        for n in &mut c.newcomers {
            let id = n.id.as_str().to_owned();
            add(&id, Subject::newcomer(n.id.clone()), &mut n.privacy);
        }
    }
    for o in &mut d.offers {
        let id = o.id.as_str().to_owned();
        add(&id, Subject::offer(o.id.clone()), &mut o.privacy);
    }
    d.privacy.consents.extend(consents);
    d.privacy.bases.extend(bases);
}

/// The dossier from the sheets: `import.invalid_csv` with every problem as a finding if any
/// sheet has an error, and the dossier's own validation error if what the sheets say together
/// does not hold (an offer naming a provider the parties sheet lacks, say).
pub fn dossier_from_sheets(
    sheets: &Sheets,
    options: &SheetsOptions,
) -> Result<Dossier, BrobyggerError> {
    let r = check_dossier_from_sheets(sheets, options);
    if r.has_errors() {
        let mut findings = r.findings();
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        return Err(BrobyggerError::invalid_data(
            ImportCode::InvalidCsv,
            findings,
        ));
    }
    r.dossier.check()?;
    Ok(r.dossier)
}

fn finding(p: &CsvProblem) -> Finding {
    let location = p.location();
    Finding {
        code: p.code.clone(),
        severity: p.severity,
        path: match &p.column_name {
            Some(name) => FieldPath::root().field("columns").field(name),
            None => FieldPath::root(),
        },
        text: Text::new(
            format!("{location}: {}", p.text.da),
            format!("{location}: {}", p.text.en),
        ),
        source: None,
    }
}

/// An id made from a name: lower case, æ ø å spelt out, anything else a dash.
pub(crate) fn slug(name: &str) -> String {
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
    let s: String = out.trim_matches('-').chars().take(100).collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "partnerskab".to_owned()
    } else {
        s
    }
}

/// A column of the parties or posts layout: its name, whether required, its Danish heading and
/// other spellings (compared in lower case, letters and digits only).
type Column = (&'static str, bool, &'static [&'static str]);

/// The parties sheet's columns.
pub(crate) const PARTY_COLUMNS: [Column; 4] = [
    ("id", false, &["id"]),
    ("name", true, &["navn", "name", "partsnavn", "organisation"]),
    ("kind", true, &["type", "art", "kind", "slags"]),
    ("code", false, &["kommunekode", "kode", "code"]),
];

/// The posts sheet's columns.
pub(crate) const POST_COLUMNS: [Column; 4] = [
    ("id", true, &["id"]),
    ("title", true, &["titel", "title", "stilling"]),
    ("kind", true, &["type", "art", "kind", "slags"]),
    ("party", true, &["part", "party", "for"]),
];

fn squashed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A row's filled cells by column name, each with its 1-based column.
type RowCells = HashMap<&'static str, (u32, String)>;

/// A sheet's rows as cells by column name, each with its line and 1-based column.
struct Read {
    options: CsvOptions,
    /// The layout's columns the header names.
    present: Vec<(&'static str, u32)>,
    rows: Vec<(u32, RowCells)>,
}

fn problem(
    options: &CsvOptions,
    code: ImportCode,
    line: u32,
    column: u32,
    column_name: Option<&str>,
    text: Text,
) -> CsvProblem {
    CsvProblem {
        code: code.code().into(),
        severity: code.severity(),
        file: options.file_name.clone(),
        sheet: options.sheet.clone(),
        line,
        column,
        column_name: column_name.map(str::to_owned),
        row: None,
        text,
    }
}

/// The sheet's grid (CSV in any encoding, or a workbook's first sheet), its rows read by the
/// layout's header; every problem of the header and the file.
fn read_sheet(
    f: &SheetFile,
    layout: &[Column],
    options: &SheetsOptions,
    problems: &mut Vec<CsvProblem>,
) -> Read {
    let mut csv = CsvOptions {
        file_name: Some(f.name.clone()),
        delimiter: None,
        ignore_unknown_columns: options.ignore_unknown_columns,
        sheet: None,
    };
    let grid: Grid = if is_workbook(&f.bytes) {
        match grid::xlsx_grid(&f.bytes, None) {
            Ok((sheet, grid, _)) => {
                csv.sheet = Some(sheet);
                grid
            }
            Err(_) => {
                problems.push(problem(
                    &csv,
                    ImportCode::UnreadableWorkbook,
                    0,
                    0,
                    None,
                    Text::new(
                        "Arbejdsbogen kan ikke læses som .xlsx: den er måske låst med en adgangskode, kun halvt gemt eller i et andet format. Gem den igen i Excel som \"Excel-projektmappe (.xlsx)\" uden adgangskode.",
                        "The workbook cannot be read as .xlsx: it may be locked with a password, half written or in another format. Save it again in Excel as \"Excel Workbook (.xlsx)\" without a password.",
                    ),
                ));
                return Read {
                    options: csv,
                    present: Vec::new(),
                    rows: Vec::new(),
                };
            }
        }
    } else {
        let (text, _) = decode_text(&f.bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut g = grid::csv_grid(text, grid::detect_delimiter(text));
        if let Some(line) = g.broken_at {
            problems.push(problem(
                &csv,
                ImportCode::Syntax,
                line,
                0,
                None,
                Text::new(
                    "Filen kan ikke læses som CSV herfra; tjek anførselstegnene (et felt, der begynder med \", skal slutte med \").",
                    "The file cannot be read as CSV from here; check the quotes (a field that starts with \" must end with \").",
                ),
            ));
        }
        if g.guarded {
            for row in &mut g.rows {
                for c in &mut row.cells {
                    *c = crate::present::formula::unescape_cell(c.trim()).to_string();
                }
            }
        }
        g
    };
    let mut header: Option<Vec<Option<&'static str>>> = None;
    let mut rows = Vec::new();
    for row in &grid.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(cols) = &header else {
            let mut cols = Vec::new();
            for (i, raw) in row.cells.iter().enumerate() {
                let column = u32::try_from(i + 1).unwrap_or(u32::MAX);
                let s = squashed(raw);
                let known = layout
                    .iter()
                    .find(|(name, _, forms)| {
                        squashed(name) == s || forms.iter().any(|f| squashed(f) == s)
                    })
                    .map(|c| c.0);
                if known.is_some() && cols.contains(&known) {
                    problems.push(problem(
                        &csv,
                        ImportCode::DuplicateColumn,
                        row.line,
                        column,
                        known,
                        Text::new(
                            "Kolonnen står to gange i overskriften.",
                            "The column appears twice in the header.",
                        ),
                    ));
                    cols.push(None);
                    continue;
                }
                if known.is_none() && !s.is_empty() {
                    let names: Vec<&str> = layout.iter().map(|c| c.0).collect();
                    let names = names.join(", ");
                    let (code, da, en) = if options.ignore_unknown_columns {
                        (
                            ImportCode::IgnoredColumn,
                            format!(
                                "Kolonne {column} i overskriften kendes ikke og springes over; kendte kolonner: {names}."
                            ),
                            format!(
                                "Column {column} of the header is not known and is skipped; known columns: {names}."
                            ),
                        )
                    } else {
                        (
                            ImportCode::UnknownColumn,
                            format!(
                                "Kolonne {column} i overskriften kendes ikke; kendte kolonner: {names}. Hører kolonnen ikke til listen, så spring den over med --ignore-unknown-columns (ignore_unknown_columns i Python og apps)."
                            ),
                            format!(
                                "Column {column} of the header is not known; known columns: {names}. If the column does not belong to the list, skip it with --ignore-unknown-columns (ignore_unknown_columns in Python and the apps)."
                            ),
                        )
                    };
                    problems.push(problem(
                        &csv,
                        code,
                        row.line,
                        column,
                        None,
                        Text::new(da, en),
                    ));
                }
                cols.push(known);
            }
            for (name, required, _) in layout {
                if *required && !cols.contains(&Some(*name)) {
                    problems.push(problem(
                        &csv,
                        ImportCode::MissingColumn,
                        row.line,
                        0,
                        Some(name),
                        Text::new(
                            format!("Overskriften mangler den påkrævede kolonne {name}."),
                            format!("The header lacks the required column {name}."),
                        ),
                    ));
                }
            }
            header = Some(cols);
            continue;
        };
        let mut cells = HashMap::new();
        for (i, cell) in row.cells.iter().enumerate() {
            let column = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let v = cell.trim();
            match cols.get(i) {
                Some(Some(name)) if !v.is_empty() => {
                    cells.insert(*name, (column, v.to_owned()));
                }
                None if !v.is_empty() => {
                    problems.push(problem(
                        &csv,
                        ImportCode::ExtraCells,
                        row.line,
                        column,
                        None,
                        Text::new(
                            format!(
                                "Rækken har flere celler end overskriften har kolonner ({}).",
                                cols.len()
                            ),
                            format!(
                                "The row has more cells than the header has columns ({}).",
                                cols.len()
                            ),
                        ),
                    ));
                    break;
                }
                _ => {}
            }
        }
        rows.push((row.line, cells));
    }
    if header.is_none() && grid.broken_at.is_none() {
        problems.push(problem(
            &csv,
            ImportCode::EmptyFile,
            0,
            0,
            None,
            Text::new(
                "Filen har ingen overskriftsrække; den første række skal navngive kolonnerne.",
                "The file has no header row; the first row must name the columns.",
            ),
        ));
    }
    let present = header
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|n| (n, u32::try_from(i + 1).unwrap_or(u32::MAX))))
        .collect();
    Read {
        options: csv,
        present,
        rows,
    }
}

/// One row being read: its cells, and whether a cell failed.
struct Cells<'a> {
    read: &'a CsvOptions,
    line: u32,
    cells: &'a RowCells,
    present: &'a [(&'static str, u32)],
    columns: &'a [Column],
    failed: bool,
    problems: &'a mut Vec<CsvProblem>,
}

impl Cells<'_> {
    fn column_of(&self, name: &str) -> u32 {
        match self.cells.get(name) {
            Some(c) => c.0,
            None => self.present.iter().find(|p| p.0 == name).map_or(0, |p| p.1),
        }
    }

    fn flag(&mut self, code: ImportCode, name: &str, da: String, en: String) {
        if code.severity() == Severity::Error {
            self.failed = true;
        }
        let column = self.column_of(name);
        self.problems.push(problem(
            self.read,
            code,
            self.line,
            column,
            Some(name),
            Text::new(da, en),
        ));
    }

    fn get(&mut self, name: &'static str) -> Option<String> {
        match self.cells.get(name) {
            Some((_, v)) => Some(v.clone()),
            None => {
                let required = self.columns.iter().any(|c| c.0 == name && c.1);
                // A required column missing from the header is reported once, by the header.
                if required && !self.present.iter().any(|p| p.0 == name) {
                    self.failed = true;
                } else if required {
                    self.flag(
                        ImportCode::Required,
                        name,
                        "Cellen skal udfyldes.".into(),
                        "The cell must be filled in.".into(),
                    );
                }
                None
            }
        }
    }
}

/// A closed vocabulary's value by its key or its Danish or English word, in any case.
fn vocabulary<T: Vocabulary>(s: &str) -> Option<T> {
    let want = squashed(s);
    T::values().iter().copied().find(|v| {
        let key = serde_json::to_value(v)
            .ok()
            .and_then(|j| j.as_str().map(squashed))
            .unwrap_or_default();
        key == want || squashed(v.label(Lang::Da)) == want || squashed(v.label(Lang::En)) == want
    })
}

fn words<T: Vocabulary>(lang: Lang) -> String {
    T::values()
        .iter()
        .map(|v| v.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

const MUNICIPALITY_WORDS: [&str; 3] = ["kommune", "municipality", "kommunen"];

fn read_parties(
    f: &SheetFile,
    options: &SheetsOptions,
    d: &mut Dossier,
    ids: &mut HashMap<String, PartyRef>,
    problems: &mut Vec<CsvProblem>,
) {
    let read = read_sheet(f, &PARTY_COLUMNS, options, problems);
    for (line, cells) in &read.rows {
        let mut r = Cells {
            read: &read.options,
            line: *line,
            cells,
            present: &read.present,
            columns: &PARTY_COLUMNS,
            failed: false,
            problems,
        };
        let name = r.get("name");
        let kind = r.get("kind");
        let municipality = kind.as_deref().is_some_and(|k| {
            MUNICIPALITY_WORDS
                .iter()
                .any(|w| squashed(w) == squashed(k))
        });
        let org_kind = match (&kind, municipality) {
            (Some(k), false) => {
                let v = vocabulary::<OrganisationKind>(k);
                if v.is_none() {
                    r.flag(
                        ImportCode::UnknownValue,
                        "kind",
                        format!(
                            "Typen skal være kommune eller en af: {}.",
                            words::<OrganisationKind>(Lang::Da)
                        ),
                        format!(
                            "The kind must be municipality or one of: {}.",
                            words::<OrganisationKind>(Lang::En)
                        ),
                    );
                }
                v
            }
            _ => None,
        };
        let id = match r.cells.get("id") {
            Some((_, v)) => Some(v.clone()),
            None => name.as_deref().map(|n| {
                if municipality {
                    slug(n.trim_end_matches(" Kommune").trim_end_matches(" kommune"))
                } else {
                    format!("DK-LOCAL-{}", slug(n))
                }
            }),
        };
        if let Some(id) = &id {
            let scheme_ok = municipality
                || crate::ids::OrganisationId::new(id.as_str())
                    .scheme()
                    .is_ok();
            if !is_well_formed(id) || !scheme_ok {
                let (da, en) = if municipality {
                    (
                        "Id'et må kun have bogstaverne a–z, cifre, '.', '_', ':' og '-'.",
                        "The id may only hold the letters a–z, digits, '.', '_', ':' and '-'.",
                    )
                } else {
                    (
                        "En organisations id skrives DK-CVR-<8 cifre> eller DK-LOCAL-<små bogstaver, cifre og '-'>; lad cellen stå tom, så laves id'et af navnet.",
                        "An organisation's id is written DK-CVR-<8 digits> or DK-LOCAL-<lower case letters, digits and '-'>; leave the cell empty to make the id from the name.",
                    )
                };
                r.flag(ImportCode::InvalidId, "id", da.into(), en.into());
            } else if ids.contains_key(id) {
                r.flag(
                    ImportCode::DuplicateId,
                    "id",
                    "Id'et er brugt før i partsarket.".into(),
                    "The id is used before in the parties sheet.".into(),
                );
            }
        }
        let code = if municipality {
            match r.get("code") {
                Some(c) => match c.parse::<u16>() {
                    Ok(n) if (100..=999).contains(&n) => Some(n),
                    _ => {
                        r.flag(
                            ImportCode::InvalidNumber,
                            "code",
                            "Kommunekoden er tre cifre, fx 751 for Aarhus.".into(),
                            "The municipality code is three digits, e.g. 751 for Aarhus.".into(),
                        );
                        None
                    }
                },
                None => {
                    r.flag(
                        ImportCode::Required,
                        "code",
                        "En kommune skal have sin kommunekode (tre cifre).".into(),
                        "A municipality needs its municipality code (three digits).".into(),
                    );
                    None
                }
            }
        } else {
            None
        };
        if r.failed {
            continue;
        }
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if municipality {
            let Some(code) = code else { continue };
            ids.insert(
                id.clone(),
                PartyRef::Municipality {
                    municipality: id.as_str().into(),
                },
            );
            d.municipalities.push(Municipality {
                id: id.into(),
                name,
                code,
                departments: Vec::new(),
            });
        } else if let Some(kind) = org_kind {
            ids.insert(
                id.clone(),
                PartyRef::Organisation {
                    organisation: id.as_str().into(),
                },
            );
            d.organisations.push(Organisation {
                id: id.into(),
                name,
                kind,
                profile: Default::default(),
                housing_cooperation: Vec::new(),
            });
        }
    }
}

fn read_posts(
    f: &SheetFile,
    options: &SheetsOptions,
    d: &mut Dossier,
    parties: &HashMap<String, PartyRef>,
    problems: &mut Vec<CsvProblem>,
) {
    let read = read_sheet(f, &POST_COLUMNS, options, problems);
    let mut seen: HashMap<String, u32> = d
        .posts
        .iter()
        .map(|p| (p.id.as_str().to_owned(), 0))
        .collect();
    for (line, cells) in &read.rows {
        let mut r = Cells {
            read: &read.options,
            line: *line,
            cells,
            present: &read.present,
            columns: &POST_COLUMNS,
            failed: false,
            problems,
        };
        let id = r.get("id");
        if let Some(id) = &id {
            if !is_well_formed(id) {
                r.flag(
                    ImportCode::InvalidId,
                    "id",
                    "Id'et må kun have bogstaverne a–z, cifre, '.', '_', ':' og '-'.".into(),
                    "The id may only hold the letters a–z, digits, '.', '_', ':' and '-'.".into(),
                );
            } else if let Some(first) = seen.get(id) {
                let first = *first;
                r.flag(
                    ImportCode::DuplicateId,
                    "id",
                    format!("Id'et er brugt før, på linje {first}."),
                    format!("The id is used before, on line {first}."),
                );
            } else {
                seen.insert(id.clone(), *line);
            }
        }
        let title = r.get("title");
        let kind = r.get("kind").and_then(|k| {
            let v = vocabulary::<PostKind>(&k);
            if v.is_none() {
                r.flag(
                    ImportCode::UnknownValue,
                    "kind",
                    format!("Typen skal være en af: {}.", words::<PostKind>(Lang::Da)),
                    format!("The kind must be one of: {}.", words::<PostKind>(Lang::En)),
                );
            }
            v
        });
        let party = r.get("party").and_then(|p| {
            let found = parties
                .get(&p)
                .cloned()
                .or_else(|| PartyRef::parse_key(&p).ok());
            if found.is_none() {
                r.flag(
                    ImportCode::InvalidParty,
                    "party",
                    "Parten findes ikke i partsarket; skriv partens id derfra (eller fx organisation:<id>).".into(),
                    "The party is not in the parties sheet; write the party's id from there (or e.g. organisation:<id>).".into(),
                );
            }
            found
        });
        if r.failed {
            continue;
        }
        if let (Some(id), Some(title), Some(kind), Some(party)) = (id, title, kind, party) {
            d.posts.push(Post {
                id: id.into(),
                title,
                kind,
                party,
                agreement: None,
                holders: Vec::new(),
            });
        }
    }
}

/// Which of the two party layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartySheet {
    /// The parties: the municipality and the organisations.
    Organisations,
    /// The parties' posts.
    Posts,
}

/// The parties or posts sheet to start from: the header (names for programs, or the headings
/// of `style`'s language) and, with `example_rows`, invented rows from a partnership like
/// Ikast-Brande's, in `style`'s words.
pub fn party_sheet_template(
    which: PartySheet,
    style: crate::present::sheet::SheetStyle,
    example_rows: bool,
) -> String {
    let layout: &[Column] = match which {
        PartySheet::Organisations => &PARTY_COLUMNS,
        PartySheet::Posts => &POST_COLUMNS,
    };
    let capital = |s: &str| -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    let header: Vec<String> = layout
        .iter()
        .map(|(name, _, forms)| match style.lang() {
            None => (*name).to_owned(),
            Some(Lang::En) => capital(name),
            Some(Lang::Da) if *name == "code" => "Kommunekode".to_owned(),
            Some(Lang::Da) => capital(forms.first().copied().unwrap_or(name)),
        })
        .collect();
    let da = style.lang() == Some(Lang::Da);
    let word = |key: &str, da_word: &str| {
        if da {
            da_word.to_owned()
        } else {
            key.to_owned()
        }
    };
    let rows: Vec<Vec<String>> = if !example_rows {
        Vec::new()
    } else {
        match which {
            PartySheet::Organisations => vec![
                vec![
                    "ikast-brande".into(),
                    "Ikast-Brande Kommune".into(),
                    word("municipality", "kommune"),
                    "756".into(),
                ],
                vec![
                    "DK-LOCAL-venner-viser-vej".into(),
                    "Venner Viser Vej".into(),
                    word("social_volunteer_association", "frivillig social forening"),
                    String::new(),
                ],
            ],
            PartySheet::Posts => vec![
                vec![
                    "ib-tovholder".into(),
                    "Kommunal tovholder".into(),
                    word("coordinator", "tovholder"),
                    "ikast-brande".into(),
                ],
                vec![
                    "vvv-tovholder".into(),
                    "Frivilligkoordinator".into(),
                    word("coordinator", "tovholder"),
                    "DK-LOCAL-venner-viser-vej".into(),
                ],
            ],
        }
    };
    let delimiter = style.delimiter();
    let end = if style.lang().is_some() { "\r\n" } else { "\n" };
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .map(|c| {
                if c.contains([delimiter, '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(&delimiter.to_string())
    };
    let mut out = String::new();
    if style.lang().is_some() {
        out.push('\u{feff}');
    }
    for r in std::iter::once(&header).chain(rows.iter()) {
        out.push_str(&line(r));
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap()
    }

    #[test]
    fn parties_and_posts_read_in_danish_and_name_each_problem_by_place() {
        let parties = "Id;Navn;Type;Kommunekode\r\n\
                       ikast-brande;Ikast-Brande Kommune;kommune;756\r\n\
                       ;Venner Viser Vej;frivillig social forening;\r\n\
                       ;Sjakket;kommune;\r\n";
        let posts = "Id;Titel;Type;Part\r\n\
                     ib-koord;Kommunal tovholder;tovholder;ikast-brande\r\n\
                     vvv-koord;Frivilligkoordinator;Coordinator;DK-LOCAL-venner-viser-vej\r\n\
                     x;Formand;formand;nowhere\r\n";
        let sheets = Sheets {
            organisations: vec![SheetFile::new("parter.csv", parties)],
            posts: vec![SheetFile::new("poster.csv", posts)],
            ..Sheets::default()
        };
        let r = check_dossier_from_sheets(&sheets, &SheetsOptions::new("VVV", day()));
        let at: Vec<String> = r.problems.iter().map(CsvProblem::location).collect();
        assert_eq!(
            at,
            ["parter.csv:4:4 (code)", "poster.csv:4:4 (party)"],
            "{:?}",
            r.problems
        );
        assert_eq!(r.dossier.municipalities[0].code, 756);
        assert_eq!(
            r.dossier.organisations[0].id.as_str(),
            "DK-LOCAL-venner-viser-vej"
        );
        assert_eq!(r.dossier.posts.len(), 2);
        assert_eq!(r.dossier.posts[1].kind, PostKind::Coordinator);
        assert_eq!(r.dossier.agreements[0].id.as_str(), "vvv");
        assert_eq!(
            r.dossier.agreements[0].terms().unwrap().parties.len(),
            2,
            "the municipality and the association"
        );
    }

    #[test]
    fn a_name_in_a_bad_cell_is_never_repeated() {
        let parties = "id,name,kind\nDK-LOCAL-Anna Hansen,Anna Hansen,Ildsjæl Hansen\n";
        let sheets = Sheets {
            organisations: vec![SheetFile::new("p.csv", parties)],
            ..Sheets::default()
        };
        let r = check_dossier_from_sheets(&sheets, &SheetsOptions::new("x", day()));
        assert_eq!(r.problems.len(), 2);
        for p in &r.problems {
            for lang in [Lang::Da, Lang::En] {
                assert!(!p.render(lang).contains("Hansen"), "{}", p.render(lang));
            }
        }
    }

    #[test]
    fn the_templates_read_back() {
        use crate::present::sheet::SheetStyle;
        for style in [SheetStyle::Data, SheetStyle::ExcelDa, SheetStyle::ExcelEn] {
            let sheets = Sheets {
                organisations: vec![SheetFile::new(
                    "p.csv",
                    party_sheet_template(PartySheet::Organisations, style, true),
                )],
                posts: vec![SheetFile::new(
                    "q.csv",
                    party_sheet_template(PartySheet::Posts, style, true),
                )],
                ..Sheets::default()
            };
            let r = check_dossier_from_sheets(&sheets, &SheetsOptions::new("x", day()));
            assert!(r.problems.is_empty(), "{style:?}: {:?}", r.problems);
            assert_eq!(r.dossier.municipalities.len(), 1);
            assert_eq!(r.dossier.organisations.len(), 1);
            assert_eq!(r.dossier.posts.len(), 2);
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Venner Viser Vej i Ikast-Brande"),
            "venner-viser-vej-i-ikast-brande"
        );
        assert_eq!(slug("Ærø Ø å"), "aeroe-oe-aa");
        assert_eq!(slug("!!"), "partnerskab");
    }
}
