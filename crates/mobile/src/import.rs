//! Spreadsheet lists for Kotlin and Swift: newcomers and offers read from CSV text or bytes and
//! written back, the column layout, a matching run as CSV; and on a [`DossierHandle`] the
//! reminders of a day. Every function delegates to the core.

use crate::convert::read;
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::import::{
    self, CsvColumn, CsvOptions, CsvTable, NewcomersCsv, OffersCsv, SheetStyle,
};
use brobygger::matching::{MatchRun, Newcomer, Offer};
use brobygger::{BrobyggerError, Dossier, Lang, Reminder};
use std::sync::{Arc, RwLock};

/// Reads a newcomers CSV file's text. Throws `Validation` (code `import.invalid_csv`) with every
/// problem as a finding whose message starts with the file, line and column.
#[uniffi::export]
pub fn newcomers_from_csv(
    text: String,
    options: CsvOptions,
) -> Result<Vec<Newcomer>, BrobyggerError> {
    import::newcomers_from_csv(&text, &options)
}

/// Reads an offers CSV file's text; as `newcomersFromCsv`.
#[uniffi::export]
pub fn offers_from_csv(text: String, options: CsvOptions) -> Result<Vec<Offer>, BrobyggerError> {
    import::offers_from_csv(&text, &options)
}

/// Reads a newcomers CSV file's bytes (UTF-8 with or without BOM, or Windows-1252) and throws
/// only for a broken call, never for the data: the rows without errors and every problem with its line and column.
#[uniffi::export]
pub fn check_newcomers_csv(
    bytes: Vec<u8>,
    options: CsvOptions,
) -> Result<NewcomersCsv, BrobyggerError> {
    Ok(import::check_newcomers_csv_bytes(&bytes, &options))
}

/// Reads an offers CSV file's bytes; as `checkNewcomersCsv`.
#[uniffi::export]
pub fn check_offers_csv(bytes: Vec<u8>, options: CsvOptions) -> Result<OffersCsv, BrobyggerError> {
    Ok(import::check_offers_csv_bytes(&bytes, &options))
}

/// Households as CSV text that reads back to them.
#[uniffi::export]
pub fn newcomers_to_csv(newcomers: Vec<Newcomer>) -> Result<String, BrobyggerError> {
    import::newcomers_to_csv(&newcomers)
}

/// Offers as CSV text that reads back to them.
#[uniffi::export]
pub fn offers_to_csv(offers: Vec<Offer>) -> Result<String, BrobyggerError> {
    import::offers_to_csv(&offers)
}

/// Households as CSV in a style (`EXCEL_DA`: byte-order mark, `;`, decimal commas, Danish
/// headings and words). Reading it gives the same households.
#[uniffi::export]
pub fn newcomers_to_csv_styled(
    newcomers: Vec<Newcomer>,
    style: SheetStyle,
) -> Result<String, BrobyggerError> {
    Ok(import::newcomers_to_csv_styled(&newcomers, style))
}

/// Offers as CSV in a style. Reading it gives the same offers.
#[uniffi::export]
pub fn offers_to_csv_styled(
    offers: Vec<Offer>,
    style: SheetStyle,
) -> Result<String, BrobyggerError> {
    Ok(import::offers_to_csv_styled(&offers, style))
}

/// Households as an `.xlsx` workbook, headings and words in `lang` (null: names and keys).
#[uniffi::export]
pub fn newcomers_to_xlsx(
    newcomers: Vec<Newcomer>,
    lang: Option<Lang>,
) -> Result<Vec<u8>, BrobyggerError> {
    import::newcomers_to_xlsx(&newcomers, lang)
}

/// Offers as an `.xlsx` workbook, headings and words in `lang` (null: names and keys).
#[uniffi::export]
pub fn offers_to_xlsx(offers: Vec<Offer>, lang: Option<Lang>) -> Result<Vec<u8>, BrobyggerError> {
    import::offers_to_xlsx(&offers, lang)
}

/// A matching run's household table as CSV in a style, texts in `lang`.
#[uniffi::export]
pub fn match_run_to_csv_styled(
    run: MatchRun,
    lang: Lang,
    style: SheetStyle,
) -> Result<String, BrobyggerError> {
    import::match_run_to_csv_styled(&run, lang, style)
}

/// A matching run's household table as an `.xlsx` workbook, texts in `lang`.
#[uniffi::export]
pub fn match_run_to_xlsx(run: MatchRun, lang: Lang) -> Result<Vec<u8>, BrobyggerError> {
    import::match_run_to_xlsx(&run, lang)
}

/// The documented columns of a newcomers or offers file.
#[uniffi::export]
pub fn csv_columns(table: CsvTable) -> Result<Vec<CsvColumn>, BrobyggerError> {
    Ok(import::csv_columns(table))
}

/// A matching run as a table for a spreadsheet (one row per household), texts in `lang`.
#[uniffi::export]
pub fn match_run_to_csv(run: MatchRun, lang: Lang) -> Result<String, BrobyggerError> {
    import::match_run_to_csv(&run, lang)
}

#[uniffi::export]
impl DossierHandle {
    /// What is due or overdue: introductions, meetings, reviews, terms ending, briefings.
    pub fn reminders(&self) -> Result<Arc<DossierReminders>, BrobyggerError> {
        Ok(Arc::new(DossierReminders(Arc::clone(&self.0))))
    }
}

/// What is due or overdue (the core's `RemindersFacet`). Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierReminders(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierReminders {
    /// What is due or overdue on `as_of` or within `horizon_days` after it: introductions,
    /// meetings to convene, reviews, the end of terms, committee briefings; overdue first.
    pub fn due(
        &self,
        as_of: NaiveDate,
        horizon_days: u32,
    ) -> Result<Vec<Reminder>, BrobyggerError> {
        Ok(read(&self.0)?
            .reminders()
            .due(as_of, brobygger::ReminderOptions::horizon(horizon_days)))
    }
}
