//! The CSV files: which list a file holds, the reading options, the problems found and their
//! codes.

use crate::code::codes;
use crate::finding::{FieldPath, Finding, FindingKind, Severity};
use crate::i18n::{Lang, Text, labels};
use crate::matching::model::profile::{Newcomer, Offer};

/// Which list a CSV file holds.
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
pub enum CsvTable {
    /// Newcomer households ([`Newcomer`]).
    Newcomers,
    /// Volunteer offers ([`Offer`]).
    Offers,
}

labels!(CsvTable, "csv_table" {
    Newcomers => ("nyankomne husstande", "newcomer households"),
    Offers => ("frivilligtilbud", "volunteer offers"),
});

impl CsvTable {
    /// The name used in paths and file names: `newcomers`, `offers`.
    pub fn key(self) -> &'static str {
        match self {
            CsvTable::Newcomers => "newcomers",
            CsvTable::Offers => "offers",
        }
    }
}

/// The field delimiter of a CSV file.
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
pub enum CsvDelimiter {
    /// `,`
    Comma,
    /// `;` (Danish spreadsheets, where the comma is the decimal separator)
    Semicolon,
    /// A tab.
    Tab,
}

impl CsvDelimiter {
    /// The byte.
    pub fn byte(self) -> u8 {
        match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
            CsvDelimiter::Tab => b'\t',
        }
    }
}

/// The text encoding a file was read in.
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
pub enum TextEncoding {
    /// UTF-8.
    Utf8,
    /// UTF-8 with a byte-order mark (what spreadsheets write as "CSV UTF-8").
    Utf8WithBom,
    /// Windows-1252 (older spreadsheets' "CSV"), decoded because the bytes were not UTF-8.
    Windows1252,
}

/// How to read a CSV file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvOptions {
    /// The file's name, shown in every problem (`nyankomne.csv:5:3`).
    pub file_name: Option<String>,
    /// The delimiter; found from the header row when absent.
    pub delimiter: Option<CsvDelimiter>,
    /// Skip columns this layout does not know (with a warning each) instead of refusing them.
    /// Off by default: an unknown column is usually a misspelt one, and its data would be lost.
    pub ignore_unknown_columns: bool,
    /// An `.xlsx` workbook's sheet to read (any case); the first sheet when absent. Ignored
    /// for CSV.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sheet: Option<String>,
}

impl CsvOptions {
    /// Options naming the file, otherwise the defaults.
    pub fn named(file_name: impl Into<String>) -> Self {
        Self {
            file_name: Some(file_name.into()),
            ..Self::default()
        }
    }
}

/// One problem in a CSV file, with where it is.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvProblem {
    /// Stable code, `import.<name>` (see [`ImportCode`]).
    pub code: String,
    /// Error (the row or file cannot be used), warning or info.
    pub severity: Severity,
    /// The file's name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The workbook's sheet, for an `.xlsx` file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based line of the file as an editor counts it (`\r\n`, `\n` and a lone `\r` each end
    /// one), or the sheet's row number for a workbook; 0 for the file as a whole.
    pub line: u32,
    /// 1-based column; 0 for a whole row or the file.
    pub column: u32,
    /// The column's name, when the problem is about one column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// 0-based position of the data row among the file's data rows, when it is about a row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// What is wrong, in Danish and English. Never a cell value of a column with personal data.
    pub text: Text,
}

impl CsvProblem {
    /// Where it is: `file:line:column (name)`, for a workbook `file[sheet]!C5 (name)` (the
    /// cell as the spreadsheet names it), leaving out what is unknown.
    pub fn location(&self) -> String {
        let mut s = self.file.clone().unwrap_or_default();
        if let Some(sheet) = &self.sheet {
            s.push_str(&format!("[{sheet}]"));
            if self.line > 0 {
                s.push('!');
                s.push_str(&column_letters(self.column));
                s.push_str(&self.line.to_string());
            }
            if let Some(name) = &self.column_name {
                s.push_str(&format!(" ({name})"));
            }
            return s;
        }
        if self.line > 0 {
            if !s.is_empty() {
                s.push(':');
            }
            s.push_str(&self.line.to_string());
            if self.column > 0 {
                s.push(':');
                s.push_str(&self.column.to_string());
            }
        }
        if let Some(name) = &self.column_name {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push('(');
            s.push_str(name);
            s.push(')');
        }
        s
    }

    /// One line: `location: [severity] text`.
    pub fn render(&self, lang: Lang) -> String {
        use crate::i18n::Label;
        let location = self.location();
        let head = if location.is_empty() {
            String::new()
        } else {
            format!("{location}: ")
        };
        format!(
            "{head}[{}] {}",
            self.severity.label(lang),
            self.text.get(lang)
        )
    }

    /// The problem as a [`Finding`]: the path is the row's place in the list read
    /// (`newcomers[3].languages`) or the header's column (`columns[4]`), and the text starts
    /// with the file, line and column.
    pub fn to_finding(&self, table: CsvTable) -> Finding {
        let path = match (self.row, &self.column_name) {
            (Some(row), Some(name)) => FieldPath::root()
                .field(table.key())
                .index(row as usize)
                .field(name),
            (Some(row), None) => FieldPath::root().field(table.key()).index(row as usize),
            (None, _) if self.column > 0 => FieldPath::root()
                .field("columns")
                .index(self.column as usize - 1),
            (None, _) => FieldPath::root(),
        };
        let location = self.location();
        let text = if location.is_empty() {
            self.text.clone()
        } else {
            Text::new(
                format!("{location}: {}", self.text.da),
                format!("{location}: {}", self.text.en),
            )
        };
        Finding {
            code: self.code.clone(),
            severity: self.severity,
            path,
            text,
            source: None,
        }
    }
}

/// What reading a newcomers file gave: the households of every row without errors, and every
/// problem found.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewcomersCsv {
    /// The households read, in file order (rows with errors left out).
    pub newcomers: Vec<Newcomer>,
    /// Every problem, in file order.
    pub problems: Vec<CsvProblem>,
    /// The delimiter used.
    pub delimiter: CsvDelimiter,
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
}

/// What reading an offers file gave: the offers of every row without errors, and every
/// problem found.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OffersCsv {
    /// The offers read, in file order (rows with errors left out).
    pub offers: Vec<Offer>,
    /// Every problem, in file order.
    pub problems: Vec<CsvProblem>,
    /// The delimiter used.
    pub delimiter: CsvDelimiter,
    /// The encoding the file was read in.
    pub encoding: TextEncoding,
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[CsvProblem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// The error for a file with errors: `import.invalid_csv` with every problem as a finding.
pub fn problems_error(table: CsvTable, problems: &[CsvProblem]) -> crate::error::BrobyggerError {
    let mut findings: Vec<Finding> = problems.iter().map(|p| p.to_finding(table)).collect();
    // Errors first, otherwise file order (which the problems are in already).
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    crate::error::BrobyggerError::invalid_data(ImportCode::InvalidCsv, findings)
}

codes! {
    /// The codes of reading spreadsheet lists (CSV): the kinds of problem, and the error that
    /// carries them.
    pub enum ImportCode in "import" {
        /// The file has no header row.
        EmptyFile = "import.empty_file", finding(Error),
            "Filen har ingen overskriftsrække.",
            "The file has no header row.";
        /// The file is not valid CSV at this point (e.g. a quote that never closes).
        Syntax = "import.syntax", finding(Error),
            "Filen er ikke gyldig CSV her (fx et anførselstegn, der aldrig lukkes).",
            "The file is not valid CSV here (a quote that never closes, say).";
        /// A required column is missing from the header.
        MissingColumn = "import.missing_column", finding(Error),
            "En påkrævet kolonne mangler i overskriftsrækken.",
            "A required column is missing from the header.";
        /// A column the layout does not know (an error unless unknown columns are ignored).
        UnknownColumn = "import.unknown_column", finding(Error),
            "Kolonnen kendes ikke.",
            "The column is not known.";
        /// A column name appears twice in the header.
        DuplicateColumn = "import.duplicate_column", finding(Error),
            "Et kolonnenavn står to gange i overskriftsrækken.",
            "A column name appears twice in the header.";
        /// A row has more cells than the header has columns, and the extra cells are not empty.
        ExtraCells = "import.extra_cells", finding(Error),
            "Rækken har flere udfyldte celler, end der er kolonner.",
            "The row has more filled cells than there are columns.";
        /// A required cell is empty.
        Required = "import.required", finding(Error),
            "En påkrævet celle er tom.",
            "A required cell is empty.";
        /// An id is not well formed.
        InvalidId = "import.invalid_id", finding(Error),
            "Id'et er ikke velformet.",
            "The id is not well formed.";
        /// An id is used on an earlier row.
        DuplicateId = "import.duplicate_id", finding(Error),
            "Id'et er brugt i en tidligere række.",
            "The id is used on an earlier row.";
        /// A date cannot be read.
        InvalidDate = "import.invalid_date", finding(Error),
            "Datoen kan ikke læses.",
            "The date cannot be read.";
        /// A whole number cannot be read.
        InvalidNumber = "import.invalid_number", finding(Error),
            "Værdien skal være et helt tal fra 0 og op.",
            "The value must be a whole number from 0 up.";
        /// Coordinates cannot be read, are out of range, or only one of `lat` and `lon` is given.
        InvalidCoordinates = "import.invalid_coordinates", finding(Error),
            "Koordinaterne kan ikke læses, er uden for området, eller kun én af lat og lon er udfyldt.",
            "The coordinates cannot be read, are out of range, or only one of lat and lon is given.";
        /// A language item is not `code:level` with an ISO 639 code and a CEFR level or `native`.
        InvalidLanguage = "import.invalid_language", finding(Error),
            "Et sprog skrives kode:niveau med en ISO 639-kode og et CEFR-niveau eller native.",
            "A language is written code:level with an ISO 639 code and a CEFR level or native.";
        /// A value is not one of the vocabulary's values (a need, gender, kind, credential, ...).
        UnknownValue = "import.unknown_value", finding(Error),
            "Værdien findes ikke i ordforrådet.",
            "The value is not in the vocabulary.";
        /// An availability item is not `day:time`.
        InvalidSlot = "import.invalid_slot", finding(Error),
            "Et tidspunkt skrives dag:tid.",
            "An availability slot is written day:time.";
        /// A party key is not `municipality:<id>`, `department:<m>/<d>` or `organisation:<id>`.
        InvalidParty = "import.invalid_party", finding(Error),
            "En part skrives municipality:<id>, department:<kommune>/<forvaltning> eller organisation:<id>.",
            "A party is written municipality:<id>, department:<municipality>/<department> or organisation:<id>.";
        /// An integration-contract meeting dated before the household's arrival.
        BeforeArrival = "import.before_arrival", finding(Error),
            "Mødet om integrationskontrakten er dateret før husstandens ankomst.",
            "The integration-contract meeting is dated before the household's arrival.";
        /// More places taken than the capacity.
        OverCapacity = "import.over_capacity", finding(Error),
            "Flere pladser er optaget, end der er i alt.",
            "More places are taken than the capacity.";
        /// The same language twice in one cell.
        DuplicateLanguage = "import.duplicate_language", finding(Warning),
            "Samme sprog står to gange i cellen.",
            "The same language is listed twice in the cell.";
        /// A child aged 18 or more.
        ChildAgeOutOfRange = "import.child_age_out_of_range", finding(Warning),
            "Et barn er 18 år eller derover.",
            "A child is aged 18 or more.";
        /// A column that was skipped because unknown columns are ignored.
        IgnoredColumn = "import.ignored_column", finding(Warning),
            "Kolonnen er sprunget over, fordi ukendte kolonner ignoreres.",
            "The column was skipped because unknown columns are ignored.";
        /// A workbook cell shows a spreadsheet error (`#VALUE!`, `#REF!`) and is read as empty.
        CellError = "import.cell_error", finding(Warning),
            "Cellen viser en regnearksfejl og læses som tom.",
            "The cell shows a spreadsheet error and is read as empty.";
        /// The bytes look like a workbook but cannot be read as `.xlsx` (locked with a password,
        /// half written, another format).
        UnreadableWorkbook = "import.unreadable_workbook", finding(Error),
            "Arbejdsbogen kan ikke læses som .xlsx.",
            "The workbook cannot be read as .xlsx.";
        /// The workbook has no sheet of the name asked for.
        NoSuchSheet = "import.no_such_sheet", finding(Error),
            "Arbejdsbogen har ikke det ark.",
            "The workbook has no such sheet.";
        /// The file was not UTF-8 and was read as Windows-1252.
        DecodedWindows1252 = "import.decoded_windows_1252", finding(Info),
            "Filen var ikke UTF-8 og er læst som Windows-1252.",
            "The file was not UTF-8 and was read as Windows-1252.";
        /// A file with errors; every problem is attached as a finding.
        InvalidCsv = "import.invalid_csv", error(Validation),
            "CSV-filen har fejl.",
            "The CSV file has errors.";
    }
}

impl FindingKind for ImportCode {}

/// A column's letters as a spreadsheet shows them: 1 → `A`, 27 → `AA`.
pub(crate) fn column_letters(column: u32) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_prefixed() {
        let mut seen = HashSet::new();
        for c in ImportCode::ALL {
            assert!(c.code().starts_with("import."));
            assert!(seen.insert(c.code()), "{}", c.code());
        }
    }

    #[test]
    fn locations_leave_out_what_is_unknown() {
        let mut p = CsvProblem {
            code: "import.required".into(),
            severity: Severity::Error,
            file: Some("a.csv".into()),
            sheet: None,
            line: 3,
            column: 2,
            column_name: Some("arrival".into()),
            row: Some(1),
            text: Text::new("x", "y"),
        };
        assert_eq!(p.location(), "a.csv:3:2 (arrival)");
        assert_eq!(
            p.to_finding(CsvTable::Newcomers).path.as_str(),
            "newcomers[1].arrival"
        );
        assert_eq!(p.render(Lang::En), "a.csv:3:2 (arrival): [error] y");
        p.file = None;
        p.column_name = None;
        p.row = None;
        assert_eq!(p.location(), "3:2");
        assert_eq!(p.to_finding(CsvTable::Offers).path.as_str(), "columns[1]");
        p.line = 0;
        p.column = 0;
        assert_eq!(p.location(), "");
        assert!(p.to_finding(CsvTable::Offers).path.is_root());
    }

    #[test]
    fn columns_have_letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
        assert_eq!(column_letters(0), "");
    }
}
