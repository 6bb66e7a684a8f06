//! Reading a newcomers or offers file: the encoding, the delimiter, the header, then every row,
//! collecting every problem with its place.

use super::cells::{self, Bad, at_item, bad};
use super::columns;
use super::csv::{
    CsvDelimiter, CsvOptions, CsvProblem, CsvTable, ImportCode, NewcomersCsv, OffersCsv,
    TextEncoding, has_errors, problems_error,
};
pub(crate) use super::grid::detect_delimiter;
use super::grid::{self, Grid, WorkbookProblem};
use super::words;
use crate::error::BrobyggerError;
use crate::finding::FindingKind;
use crate::i18n::Text;
use crate::matching::model::profile::{
    Coordinates, Credential, Gender, Household, LanguageSkill, Newcomer, Offer, OfferKind,
};
use crate::privacy::model::basis::ProfileBasis;
use std::collections::HashMap;
use std::path::Path;

/// Decodes a file's bytes: UTF-8 (a byte-order mark is dropped), otherwise Windows-1252.
pub fn decode_text(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(s) = std::str::from_utf8(rest)
    {
        return (s.to_owned(), TextEncoding::Utf8WithBom);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), TextEncoding::Utf8);
    }
    let s = bytes.iter().map(|b| windows_1252(*b)).collect();
    (s, TextEncoding::Windows1252)
}

fn windows_1252(b: u8) -> char {
    const HIGH: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .and_then(|c| char::from_u32(*c))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

/// Reads a newcomers file's text and reports every problem; never fails.
pub fn check_newcomers_csv(text: &str, options: &CsvOptions) -> NewcomersCsv {
    let (grid, delimiter) = csv_grid(text, options);
    let (newcomers, problems) = read_table(&grid, options, CsvTable::Newcomers, newcomer);
    NewcomersCsv {
        newcomers,
        problems,
        delimiter,
        encoding: TextEncoding::Utf8,
    }
}

/// Reads an offers file's text and reports every problem; never fails.
pub fn check_offers_csv(text: &str, options: &CsvOptions) -> OffersCsv {
    let (grid, delimiter) = csv_grid(text, options);
    let (offers, problems) = read_table(&grid, options, CsvTable::Offers, offer);
    OffersCsv {
        offers,
        problems,
        delimiter,
        encoding: TextEncoding::Utf8,
    }
}

/// As [`check_newcomers_csv`] for a file's bytes: CSV in any encoding [`decode_text`] reads,
/// or an `.xlsx` workbook (its first sheet, or [`CsvOptions::sheet`]), told from the bytes.
pub fn check_newcomers_csv_bytes(bytes: &[u8], options: &CsvOptions) -> NewcomersCsv {
    if is_workbook(bytes) {
        let (newcomers, problems) = read_workbook(bytes, options, CsvTable::Newcomers, newcomer);
        return NewcomersCsv {
            newcomers,
            problems,
            delimiter: CsvDelimiter::Comma,
            encoding: TextEncoding::Utf8,
        };
    }
    let (text, encoding) = decode_text(bytes);
    let mut out = check_newcomers_csv(&text, options);
    out.encoding = encoding;
    note_encoding(&mut out.problems, encoding, options);
    out
}

/// As [`check_offers_csv`] for a file's bytes: CSV in any encoding, or an `.xlsx` workbook.
pub fn check_offers_csv_bytes(bytes: &[u8], options: &CsvOptions) -> OffersCsv {
    if is_workbook(bytes) {
        let (offers, problems) = read_workbook(bytes, options, CsvTable::Offers, offer);
        return OffersCsv {
            offers,
            problems,
            delimiter: CsvDelimiter::Comma,
            encoding: TextEncoding::Utf8,
        };
    }
    let (text, encoding) = decode_text(bytes);
    let mut out = check_offers_csv(&text, options);
    out.encoding = encoding;
    note_encoding(&mut out.problems, encoding, options);
    out
}

/// Whether the bytes are a zip archive, as every `.xlsx` workbook is (a CSV file never starts
/// with these bytes: they are not text).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn csv_grid(text: &str, options: &CsvOptions) -> (Grid, CsvDelimiter) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| grid::detect_delimiter(text));
    (grid::csv_grid(text, delimiter), delimiter)
}

fn read_workbook<T>(
    bytes: &[u8],
    options: &CsvOptions,
    table: CsvTable,
    read_row: RowReader<T>,
) -> (Vec<T>, Vec<CsvProblem>) {
    match grid::xlsx_grid(bytes, options.sheet.as_deref()) {
        Ok((sheet, grid, errors)) => {
            let options = CsvOptions {
                sheet: Some(sheet),
                ..options.clone()
            };
            let (rows, mut problems) = read_table(&grid, &options, table, read_row);
            for (line, column) in errors {
                let mut p = file_problem(
                    &options,
                    ImportCode::CellError,
                    line,
                    column,
                    None,
                    Text::new(
                        "Cellen viser en regnearksfejl (fx #VÆRDI!) og læses som tom; ret formlen.",
                        "The cell shows a spreadsheet error (e.g. #VALUE!) and is read as empty; fix the formula.",
                    ),
                );
                p.row = None;
                problems.push(p);
            }
            problems.sort_by_key(|p| (p.line, p.column));
            (rows, problems)
        }
        Err(WorkbookProblem::Unreadable) => (
            Vec::new(),
            vec![file_problem(
                options,
                ImportCode::UnreadableWorkbook,
                0,
                0,
                None,
                Text::new(
                    "Arbejdsbogen kan ikke læses som .xlsx: den er måske låst med en adgangskode, kun halvt gemt eller i et andet format. Gem den igen i Excel som \"Excel-projektmappe (.xlsx)\" uden adgangskode.",
                    "The workbook cannot be read as .xlsx: it may be locked with a password, half written or in another format. Save it again in Excel as \"Excel Workbook (.xlsx)\" without a password.",
                ),
            )],
        ),
        Err(WorkbookProblem::NoSuchSheet(names)) => (
            Vec::new(),
            vec![file_problem(
                options,
                ImportCode::NoSuchSheet,
                0,
                0,
                None,
                Text::new(
                    format!(
                        "Arbejdsbogen har ikke det ark; den har: {}.",
                        names.join(", ")
                    ),
                    format!(
                        "The workbook has no such sheet; it has: {}.",
                        names.join(", ")
                    ),
                ),
            )],
        ),
    }
}

fn note_encoding(problems: &mut Vec<CsvProblem>, encoding: TextEncoding, options: &CsvOptions) {
    if encoding == TextEncoding::Windows1252 {
        problems.insert(
            0,
            CsvProblem {
                code: ImportCode::DecodedWindows1252.code().into(),
                severity: ImportCode::DecodedWindows1252.severity(),
                file: options.file_name.clone(),
                sheet: None,
                line: 0,
                column: 0,
                column_name: None,
                row: None,
                text: Text::new(
                    "Filen er ikke UTF-8 og er læst som Windows-1252; gem den som \"CSV UTF-8\" for at være sikker på æ, ø og å.",
                    "The file is not UTF-8 and was read as Windows-1252; save it as \"CSV UTF-8\" to be sure of æ, ø and å.",
                ),
            },
        );
    }
}

/// The households of a newcomers file's text; an `import.invalid_csv` validation error with
/// every problem as a finding if any is an error.
pub fn newcomers_from_csv(
    text: &str,
    options: &CsvOptions,
) -> Result<Vec<Newcomer>, BrobyggerError> {
    let out = check_newcomers_csv(text, options);
    if has_errors(&out.problems) {
        return Err(problems_error(CsvTable::Newcomers, &out.problems));
    }
    Ok(out.newcomers)
}

/// The offers of an offers file's text; an `import.invalid_csv` validation error with every
/// problem as a finding if any is an error.
pub fn offers_from_csv(text: &str, options: &CsvOptions) -> Result<Vec<Offer>, BrobyggerError> {
    let out = check_offers_csv(text, options);
    if has_errors(&out.problems) {
        return Err(problems_error(CsvTable::Offers, &out.problems));
    }
    Ok(out.offers)
}

/// The households of a newcomers file's bytes (any encoding [`decode_text`] reads); an
/// `import.invalid_csv` validation error with every problem if any is an error.
pub fn newcomers_from_csv_bytes(
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<Vec<Newcomer>, BrobyggerError> {
    let out = check_newcomers_csv_bytes(bytes, options);
    if has_errors(&out.problems) {
        return Err(problems_error(CsvTable::Newcomers, &out.problems));
    }
    Ok(out.newcomers)
}

/// The offers of an offers file's bytes; as [`newcomers_from_csv_bytes`].
pub fn offers_from_csv_bytes(
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<Vec<Offer>, BrobyggerError> {
    let out = check_offers_csv_bytes(bytes, options);
    if has_errors(&out.problems) {
        return Err(problems_error(CsvTable::Offers, &out.problems));
    }
    Ok(out.offers)
}

fn read_bytes(path: &Path) -> Result<(Vec<u8>, CsvOptions), BrobyggerError> {
    let bytes = crate::fsio::read_input(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok((bytes, CsvOptions::named(name)))
}

/// Reads a newcomers file from disk (any encoding [`decode_text`] reads; problems name the file).
pub fn read_newcomers_csv(path: impl AsRef<Path>) -> Result<Vec<Newcomer>, BrobyggerError> {
    let (bytes, options) = read_bytes(path.as_ref())?;
    newcomers_from_csv_bytes(&bytes, &options)
}

/// Reads an offers file from disk (any encoding [`decode_text`] reads; problems name the file).
pub fn read_offers_csv(path: impl AsRef<Path>) -> Result<Vec<Offer>, BrobyggerError> {
    let (bytes, options) = read_bytes(path.as_ref())?;
    offers_from_csv_bytes(&bytes, &options)
}

/// What one row's reader sees and records.
pub(crate) struct Row<'a> {
    table: CsvTable,
    file: &'a Option<String>,
    sheet: &'a Option<String>,
    line: u32,
    row: u32,
    /// Known column name → (1-based column, trimmed non-empty cell).
    cells: HashMap<&'static str, (u32, &'a str)>,
    /// Known columns present in the header, with their 1-based position.
    present: &'a HashMap<&'static str, u32>,
    problems: &'a mut Vec<CsvProblem>,
    failed: bool,
    /// Id → line of the row that used it first.
    ids: &'a mut HashMap<String, u32>,
}

impl Row<'_> {
    fn problem(&mut self, column: u32, name: &str, b: Bad, value: Option<&str>) {
        if b.code.severity() == crate::finding::Severity::Error {
            self.failed = true;
        }
        let mut text = b.text;
        if let Some(v) = value.filter(|_| columns::quotable(self.table, name)) {
            let shown: String = v.chars().filter(|c| !c.is_control()).take(40).collect();
            let shown = shown.replace('"', "'");
            text = Text::new(
                format!("{} (fandt \"{shown}\")", text.da),
                format!("{} (found \"{shown}\")", text.en),
            );
        }
        self.problems.push(CsvProblem {
            code: b.code.code().into(),
            severity: b.code.severity(),
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            line: self.line,
            column,
            column_name: Some(name.to_owned()),
            row: Some(self.row),
            text,
        });
    }

    fn column_of(&self, name: &'static str) -> u32 {
        self.present.get(name).copied().unwrap_or(0)
    }

    /// A required cell: missing from the header fails the row silently (the header problem
    /// says it), empty is a problem.
    fn required<T>(&mut self, name: &'static str, f: impl Fn(&str) -> Result<T, Bad>) -> Option<T> {
        let Some(column) = self.present.get(name).copied() else {
            self.failed = true;
            return None;
        };
        match self.cells.get(name).copied() {
            None => {
                let b = bad(
                    ImportCode::Required,
                    "Cellen skal udfyldes.",
                    "The cell must be filled in.",
                );
                self.problem(column, name, b, None);
                None
            }
            Some((column, v)) => match f(v) {
                Ok(x) => Some(x),
                Err(b) => {
                    self.problem(column, name, b, Some(v));
                    None
                }
            },
        }
    }

    fn optional<T>(&mut self, name: &'static str, f: impl Fn(&str) -> Result<T, Bad>) -> Option<T> {
        let (column, v) = self.cells.get(name).copied()?;
        match f(v) {
            Ok(x) => Some(x),
            Err(b) => {
                self.problem(column, name, b, Some(v));
                None
            }
        }
    }

    fn text(&mut self, name: &'static str) -> Option<String> {
        self.cells.get(name).map(|(_, v)| (*v).to_owned())
    }

    /// Every item of a multi-valued cell that reads; a problem for each that does not.
    fn list<T>(
        &mut self,
        name: &'static str,
        f: impl Fn(&str) -> Result<T, Bad>,
    ) -> Vec<(usize, T)> {
        let Some((column, v)) = self.cells.get(name).copied() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (n, item) in cells::items(v) {
            match f(item) {
                Ok(x) => out.push((n, x)),
                Err(b) => self.problem(column, name, at_item(n, b), Some(item)),
            }
        }
        out
    }

    fn location(&mut self) -> Option<Coordinates> {
        let lat = self.optional("lat", cells::degrees);
        let lon = self.optional("lon", cells::degrees);
        let has = |n: &str| self.cells.contains_key(n);
        match (lat, lon) {
            (Some(lat), Some(lon)) => {
                let c = Coordinates { lat, lon };
                if c.is_valid() {
                    Some(c)
                } else {
                    let b = bad(
                        ImportCode::InvalidCoordinates,
                        "Breddegraden skal ligge mellem −90 og 90 og længdegraden mellem −180 og 180.",
                        "The latitude must be between −90 and 90 and the longitude between −180 and 180.",
                    );
                    let (column, name) = if (-90.0..=90.0).contains(&lat) {
                        (self.column_of("lon"), "lon")
                    } else {
                        (self.column_of("lat"), "lat")
                    };
                    self.problem(column, name, b, None);
                    None
                }
            }
            (None, None) => None,
            _ => {
                // One given, the other empty (a cell that did not read is reported already).
                let (missing, other) = if has("lat") {
                    ("lon", "lat")
                } else {
                    ("lat", "lon")
                };
                if has(missing) {
                    return None;
                }
                let b = bad(
                    ImportCode::InvalidCoordinates,
                    "Udfyld både lat og lon, eller ingen af dem.",
                    "Fill in both lat and lon, or neither.",
                );
                let column = self.column_of(other);
                self.problem(column, other, b, None);
                None
            }
        }
    }

    fn unique_id(&mut self, id: &str) {
        match self.ids.get(id) {
            Some(first) => {
                let first = *first;
                let b = bad(
                    ImportCode::DuplicateId,
                    format!("Id'et er brugt før, på linje {first}."),
                    format!("The id is used before, on line {first}."),
                );
                let column = self.column_of("id");
                self.problem(column, "id", b, None);
            }
            None => {
                self.ids.insert(id.to_owned(), self.line);
            }
        }
    }

    /// The consent and basis columns (`crate::import::columns`), as the profile's own basis.
    fn privacy(&mut self) -> ProfileBasis {
        let consent_given_on = self.optional("consent_given_on", cells::date);
        let consent_ends_on = self.optional("consent_ends_on", cells::date);
        if let (Some(given), Some(ends)) = (consent_given_on, consent_ends_on)
            && ends <= given
        {
            let b = bad(
                ImportCode::UnknownValue,
                "Samtykket slutter samme dag eller før, det er givet.",
                "The consent ends on or before the day it was given.",
            );
            let column = self.column_of("consent_ends_on");
            self.problem(column, "consent_ends_on", b, None);
        }
        let consent_attributes = values(self.list("consent_attributes", cells::attribute));
        let basis = self.optional("basis", cells::basis);
        let basis_attributes = values(self.list("basis_attributes", cells::attribute));
        let basis_reference = self.text("basis_reference");
        ProfileBasis {
            consent_given_on,
            consent_ends_on,
            consent_attributes,
            basis,
            basis_attributes,
            basis_reference,
        }
    }

    fn languages(&mut self) -> Vec<LanguageSkill> {
        let skills = self.list("languages", cells::language);
        let column = self.column_of("languages");
        // A set, not a list: a cell of many thousand items stays linear.
        let mut seen = std::collections::HashSet::new();
        let mut repeats = Vec::new();
        for (n, s) in &skills {
            if !seen.insert(s.language.as_str()) {
                repeats.push(*n);
            }
        }
        for n in repeats {
            let b = bad(
                ImportCode::DuplicateLanguage,
                "Sproget står der allerede; det højeste niveau gælder.",
                "The language is listed already; the highest level counts.",
            );
            self.problem(column, "languages", at_item(n, b), None);
        }
        skills.into_iter().map(|(_, s)| s).collect()
    }
}

fn values<T>(items: Vec<(usize, T)>) -> Vec<T> {
    items.into_iter().map(|(_, x)| x).collect()
}

fn newcomer(r: &mut Row<'_>) -> Option<Newcomer> {
    let id = r.required("id", cells::id);
    if let Some(id) = &id {
        r.unique_id(id);
    }
    let arrival = r.required("arrival", cells::date);
    let meeting = r.optional("integration_contract_meeting", cells::date);
    if let (Some(a), Some(m)) = (arrival, meeting)
        && m < a
    {
        let b = bad(
            ImportCode::BeforeArrival,
            "Samtalen om integrationskontrakten ligger før husstandens ankomst.",
            "The integration-contract conversation is dated before the household's arrival.",
        );
        let column = r.column_of("integration_contract_meeting");
        r.problem(column, "integration_contract_meeting", b, None);
    }
    let waiting_since = r.optional("waiting_since", cells::date);
    let area = r.text("area");
    let location = r.location();
    let languages = r.languages();
    let adults = r.optional("adults", cells::count);
    let ages = r.list("children_ages", cells::count);
    let column = r.column_of("children_ages");
    for (n, age) in &ages {
        if *age >= 18 {
            let b = bad(
                ImportCode::ChildAgeOutOfRange,
                "Et barn på 18 år eller mere tæller som voksen.",
                "A child of 18 or more counts as an adult.",
            );
            r.problem(column, "children_ages", at_item(*n, b), None);
        }
    }
    let needs = values(r.list("needs", cells::need));
    let preferences = values(r.list("preferences", cells::preference));
    let availability = values(r.list("availability", cells::slot));
    let industries = values(r.list("industries", cells::id));
    let interests = values(r.list("interests", cells::id));
    let seat_needs = values(r.list("seat_needs", cells::seat_need));
    let privacy = r.privacy();
    if r.failed {
        return None;
    }
    let mut n = Newcomer::new(id?, arrival?);
    n.privacy = privacy;
    n.integration_contract_meeting = meeting;
    n.waiting_since = waiting_since;
    n.area = area;
    n.location = location;
    n.languages = languages;
    n.household = Household {
        adults: adults.unwrap_or(1),
        children_ages: values(ages),
    };
    n.needs = needs;
    n.preferences = preferences;
    n.availability = availability;
    n.industries = industries;
    n.interests = interests;
    n.seat_needs = seat_needs;
    Some(n)
}

fn offer(r: &mut Row<'_>) -> Option<Offer> {
    let id = r.required("id", cells::id);
    if let Some(id) = &id {
        r.unique_id(id);
    }
    let kind = r.required("kind", |v| cells::word::<OfferKind>(words::OFFER_KINDS, v));
    let title = r.required("title", |s| Ok::<_, Bad>(s.to_owned()));
    let provider = r.optional("provider", cells::party);
    let volunteer = r.optional("volunteer", cells::id);
    let capacity = r.required("capacity", cells::count);
    let taken = r.optional("places_taken", cells::count);
    if let (Some(c), Some(t)) = (capacity, taken)
        && t > c
    {
        let b = bad(
            ImportCode::OverCapacity,
            "Der er flere optagne pladser end kapaciteten.",
            "More places are taken than the capacity.",
        );
        let column = r.column_of("places_taken");
        r.problem(column, "places_taken", b, None);
    }
    let languages = r.languages();
    let area = r.text("area");
    let location = r.location();
    let serves = values(r.list("serves", cells::need));
    let gender = r.optional("gender", |v| cells::word::<Gender>(words::GENDERS, v));
    let credentials = values(r.list("credentials", |v| {
        cells::word::<Credential>(words::CREDENTIALS, v)
    }));
    let industries = values(r.list("industries", cells::id));
    let interests = values(r.list("interests", cells::id));
    let availability = values(r.list("availability", cells::slot));
    let listed_on = r.optional("listed_on", cells::date);
    let seats = values(r.list("seats", cells::seats));
    let privacy = r.privacy();
    if r.failed {
        return None;
    }
    let mut o = Offer::new(id?, kind?, title?, capacity?);
    o.privacy = privacy;
    o.provider = provider;
    o.volunteer = volunteer.map(Into::into);
    o.places_taken = taken.unwrap_or(0);
    o.languages = languages;
    o.area = area;
    o.location = location;
    o.serves = serves;
    o.gender = gender;
    o.credentials = credentials;
    o.industries = industries;
    o.interests = interests;
    o.availability = availability;
    o.listed_on = listed_on;
    o.seats = seats;
    Some(o)
}

/// The closest known column name, for a misspelt header.
fn suggestion(name: &str, known: &[&'static str]) -> Option<&'static str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= 2.min(k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let best = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur[j + 1] = best;
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

fn file_problem(
    options: &CsvOptions,
    code: ImportCode,
    line: u32,
    column: u32,
    column_name: Option<String>,
    text: Text,
) -> CsvProblem {
    CsvProblem {
        code: code.code().into(),
        severity: code.severity(),
        file: options.file_name.clone(),
        sheet: options.sheet.clone(),
        line,
        column,
        column_name,
        row: None,
        text,
    }
}

type RowReader<T> = fn(&mut Row<'_>) -> Option<T>;

fn read_table<T>(
    grid: &Grid,
    options: &CsvOptions,
    table: CsvTable,
    read_row: RowReader<T>,
) -> (Vec<T>, Vec<CsvProblem>) {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    // Per header position: the known column it is, or None (ignored or unknown).
    let mut header: Option<Vec<Option<&'static str>>> = None;
    let mut present: HashMap<&'static str, u32> = HashMap::new();
    let mut ids = HashMap::new();
    let mut row_index = 0u32;
    for grid_row in &grid.rows {
        let line = grid_row.line;
        let record = &grid_row.cells;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(cols) = &header else {
            let (cols, found) = read_header(record, line, options, table, &mut problems);
            present = found;
            header = Some(cols);
            continue;
        };
        let first_problem = problems.len();
        let mut cells = HashMap::new();
        let mut extra = false;
        for (i, cell) in record.iter().enumerate() {
            let column = u32::try_from(i + 1).unwrap_or(u32::MAX);
            match cols.get(i) {
                Some(Some(name)) => {
                    // The writer's guard against formula injection comes off here.
                    let v = if grid.guarded {
                        crate::present::formula::unescape_cell(cell.trim())
                    } else {
                        cell.trim()
                    };
                    if !v.is_empty() {
                        cells.insert(*name, (column, v));
                    }
                }
                Some(None) => {}
                None if !cell.trim().is_empty() => {
                    problems.push(CsvProblem {
                        code: ImportCode::ExtraCells.code().into(),
                        severity: ImportCode::ExtraCells.severity(),
                        file: options.file_name.clone(),
                        sheet: options.sheet.clone(),
                        line,
                        column,
                        column_name: None,
                        row: Some(row_index),
                        text: Text::new(
                            format!(
                                "Rækken har flere celler end overskriften har kolonner ({}).",
                                cols.len()
                            ),
                            format!(
                                "The row has more cells than the header has columns ({}).",
                                cols.len()
                            ),
                        ),
                    });
                    extra = true;
                    break;
                }
                None => {}
            }
        }
        let mut row = Row {
            table,
            file: &options.file_name,
            sheet: &options.sheet,
            line,
            row: row_index,
            cells,
            present: &present,
            problems: &mut problems,
            failed: false,
            ids: &mut ids,
        };
        let value = read_row(&mut row);
        let failed = row.failed;
        // A row's problems in column order, as a reader scans the row.
        if let Some(mine) = problems.get_mut(first_problem..) {
            mine.sort_by_key(|p| p.column);
        }
        // A row with extra cells counts as failed even if every known cell read.
        if let (Some(v), false, false) = (value, failed, extra) {
            out.push(v);
        }
        row_index += 1;
    }
    if let Some(line) = grid.broken_at {
        problems.push(file_problem(
            options,
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
    if header.is_none() && grid.broken_at.is_none() {
        problems.push(file_problem(
            options,
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
    (out, problems)
}

fn read_header(
    record: &[String],
    line: u32,
    options: &CsvOptions,
    table: CsvTable,
    problems: &mut Vec<CsvProblem>,
) -> (Vec<Option<&'static str>>, HashMap<&'static str, u32>) {
    let known = columns::names(table);
    let known = known.as_slice();
    let mut cols = Vec::new();
    let mut present: HashMap<&'static str, u32> = HashMap::new();
    for (i, raw) in record.iter().enumerate() {
        let column = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let name = raw
            .trim()
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase();
        match columns::resolve(table, &name).as_ref() {
            Some(k) if present.contains_key(k) => {
                problems.push(file_problem(
                    options,
                    ImportCode::DuplicateColumn,
                    line,
                    column,
                    Some((*k).to_owned()),
                    Text::new(
                        "Kolonnen står to gange i overskriften.",
                        "The column appears twice in the header.",
                    ),
                ));
                cols.push(None);
            }
            Some(k) => {
                present.insert(k, column);
                cols.push(Some(*k));
            }
            None if name.is_empty() => {
                // An unnamed column: spreadsheets add them; its cells must stay empty.
                cols.push(None);
            }
            None => {
                let hint = suggestion(&name, known);
                let (da_hint, en_hint) = match hint {
                    Some(h) => (
                        format!(" (mente du \"{h}\"?)"),
                        format!(" (did you mean \"{h}\"?)"),
                    ),
                    None => (
                        format!("; kendte kolonner: {}", known.join(", ")),
                        format!("; known columns: {}", known.join(", ")),
                    ),
                };
                // Say how to go on when the column is meant to be there (a municipality's own
                // notes column): the option's name on the command line and in the libraries.
                let (da_hint, en_hint) = if options.ignore_unknown_columns {
                    (da_hint, en_hint)
                } else {
                    (
                        format!(
                            "{da_hint}. Hører kolonnen ikke til listen, så spring den over med --ignore-unknown-columns (ignore_unknown_columns i Python og apps)"
                        ),
                        format!(
                            "{en_hint}. If the column does not belong to the list, skip it with --ignore-unknown-columns (ignore_unknown_columns in Python and the apps)"
                        ),
                    )
                };
                let code = if options.ignore_unknown_columns {
                    ImportCode::IgnoredColumn
                } else {
                    ImportCode::UnknownColumn
                };
                // The header cell is never repeated: in a file without a header row it is a
                // person's data (the place, line and column say which cell is meant).
                let (da, en) = if options.ignore_unknown_columns {
                    (
                        format!(
                            "Kolonne {column} i overskriften kendes ikke og springes over{da_hint}"
                        ),
                        format!(
                            "Column {column} of the header is not known and is skipped{en_hint}"
                        ),
                    )
                } else {
                    (
                        format!("Kolonne {column} i overskriften kendes ikke{da_hint}"),
                        format!("Column {column} of the header is not known{en_hint}"),
                    )
                };
                problems.push(file_problem(
                    options,
                    code,
                    line,
                    column,
                    None,
                    Text::new(da, en),
                ));
                cols.push(None);
            }
        }
    }
    for required in columns::required(table) {
        if !present.contains_key(required) {
            problems.push(file_problem(
                options,
                ImportCode::MissingColumn,
                line,
                0,
                Some(required.to_owned()),
                Text::new(
                    format!("Overskriften mangler den påkrævede kolonne {required}."),
                    format!("The header lacks the required column {required}."),
                ),
            ));
        }
    }
    (cols, present)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_encodings_are_found() {
        assert_eq!(
            detect_delimiter("id;arrival;\"a,b\"\n"),
            CsvDelimiter::Semicolon
        );
        assert_eq!(detect_delimiter("\n\nid,arrival\n"), CsvDelimiter::Comma);
        assert_eq!(detect_delimiter("id\tarrival\n"), CsvDelimiter::Tab);
        assert_eq!(decode_text(b"\xEF\xBB\xBFid").1, TextEncoding::Utf8WithBom);
        let (s, e) = decode_text(b"N\xF8rre Snede \x80");
        assert_eq!(
            (s.as_str(), e),
            ("Nørre Snede €", TextEncoding::Windows1252)
        );
        assert_eq!(
            suggestion("languagse", &columns::names(CsvTable::Newcomers)),
            Some("languages")
        );
        assert_eq!(
            suggestion("name", &columns::names(CsvTable::Newcomers)),
            None
        );
    }
}
