//! Newcomer households and volunteer offers as CSV: the lists municipalities and associations
//! keep in spreadsheets, read into [`Newcomer`](crate::Newcomer)s and [`Offer`](crate::Offer)s and written back.
//!
//! The column layout is documented in [`newcomer_columns`] and [`offer_columns`] (and printed by
//! `brobygger template newcomers --describe`). In short:
//!
//! - One row per household or offer, a header row naming the columns (any order, any case;
//!   unknown columns are an error unless [`CsvOptions::ignore_unknown_columns`]).
//! - The delimiter is found from the header: `,`, `;` (what Danish spreadsheets write) or tab.
//!   UTF-8 with or without a byte-order mark; a file that is not UTF-8 is read as Windows-1252,
//!   the encoding older spreadsheet programs save "CSV" in, and a note says so.
//! - Several values in one cell are separated by `;` (quote the cell when the delimiter is `;`,
//!   as spreadsheets do): languages `da:B1;ar:native`, needs `social_network;language_practice`
//!   (a partnership's own need as `custom:<id>`), availability `monday:evening;saturday:daytime`,
//!   preferences `volunteer_gender:female`, children's ages `6;9`.
//! - Columns are named as in bulk tables ([`newcomers_from_table`](crate::matching::newcomers_from_table)) (one definition,
//!   [`nested_columns`]); coordinates in two columns, `lat` and `lon`, with a decimal point or
//!   comma; the household as `adults` and `children_ages`. Dates as
//!   `YYYY-MM-DD`; `DD-MM-YYYY` and `DD.MM.YYYY` are read too.
//!
//! Reading checks every cell and reports **every** problem, not just the first, each with the
//! file name, line and column, a stable code (`import.*`) and Danish and English text. Cell
//! values are never quoted in a problem, except those of the few columns that hold no personal
//! data at all (an offer's kind, needs served, places and listing date), so a misplaced name,
//! national id number or health detail never ends up in a log. Writing gives a file that reads
//! back to the same profiles ([`newcomers_to_csv`], [`offers_to_csv`]).
//!
//! ```
//! use brobygger::import::{self, CsvOptions};
//!
//! let text = "id;arrival;area;languages;needs\n\
//!             nc-1;2016-01-11;Ikast;\"ar:native;da:A1\";social_network\n";
//! let newcomers = import::newcomers_from_csv(text, &CsvOptions::default())?;
//! assert_eq!(newcomers[0].languages.len(), 2);
//!
//! // A bad cell is reported with its line and column, and the value is not repeated.
//! let bad = "id,arrival,languages\nnc-1,11/01/2016,ar:expert\n";
//! let report = import::check_newcomers_csv(bad, &CsvOptions::named("nyankomne.csv"));
//! let where_: Vec<String> = report.problems.iter().map(|p| p.location()).collect();
//! assert_eq!(where_, ["nyankomne.csv:2:2 (arrival)", "nyankomne.csv:2:3 (languages)"]);
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod cells;
pub(crate) mod columns;
pub(crate) mod csv;
pub(crate) mod grid;
pub(crate) mod kind;
pub(crate) mod read;
pub(crate) mod sheet;
pub(crate) mod sheets;
pub(crate) mod words;
pub(crate) mod write;

pub use crate::present::formula::{FORMULA_TRIGGERS, escape_cell, unescape_cell};
pub use crate::present::sheet::SheetStyle;
pub use columns::{CsvColumn, csv_columns, nested_columns, newcomer_columns, offer_columns};
pub use csv::{
    CsvDelimiter, CsvOptions, CsvProblem, CsvTable, ImportCode, NewcomersCsv, OffersCsv,
    TextEncoding, has_errors, problems_error,
};
pub use kind::{FileKind, newcomer_findings, offer_findings};
pub use read::{
    check_newcomers_csv, check_newcomers_csv_bytes, check_offers_csv, check_offers_csv_bytes,
    decode_text, is_workbook, newcomers_from_csv, newcomers_from_csv_bytes, offers_from_csv,
    offers_from_csv_bytes, read_newcomers_csv, read_offers_csv,
};
pub use sheet::{Sheet, SheetCell};
pub use sheets::{
    DossierSheets, PartySheet, SheetFile, Sheets, SheetsOptions, check_dossier_from_sheets,
    dossier_from_sheets, party_sheet_template,
};
pub use write::{
    MATCH_RUN_COLUMNS, csv_header, csv_header_styled, match_run_to_csv, match_run_to_csv_styled,
    match_run_to_xlsx, newcomers_to_csv, newcomers_to_csv_styled, newcomers_to_xlsx, offers_to_csv,
    offers_to_csv_styled, offers_to_xlsx,
};
