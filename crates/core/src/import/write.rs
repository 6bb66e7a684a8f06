//! Writing newcomers and offers in the documented layout: every column, `;` between the values
//! of a multi-valued cell, numbers that read back exactly; as CSV for programs (`,`, English
//! names and keys, ISO dates), as CSV for Excel (Danish: `;`, byte-order mark, decimal commas,
//! Danish headings and words) or as an `.xlsx` workbook, all through the one sheet writer
//! (`crate::present::sheet`, which guards every CSV cell against formula injection). Reading
//! any of them gives the same profiles.

use super::cells::{
    language_key, need_key, preference_key, seat_key, slot_key, vocab_key, written,
};
use super::columns;
use super::csv::CsvTable;
use super::words;
use crate::code::SaveCode;
use crate::error::BrobyggerError;
use crate::i18n::{Lang, Text};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::run::MatchRun;
use crate::matching::present::MatchRunReport;
use crate::present::render::Present;
use crate::present::sheet::SheetStyle;
use crate::present::table::{Cell, Column, Table};
use crate::privacy::model::basis::ProfileBasis;

/// The header row of a layout (with its line end), to start a file from.
pub fn csv_header(table: CsvTable) -> String {
    csv_header_styled(table, SheetStyle::Data)
}

/// The header row of a layout in `style` (for Danish Excel: a byte-order mark, `;` and the
/// Danish headings), to start a file from.
pub fn csv_header_styled(table: CsvTable, style: SheetStyle) -> String {
    layout_table(table, Vec::new()).csv_in(style)
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> Cell {
    text(items.iter().map(f).collect::<Vec<_>>().join(";"))
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Missing
    } else {
        Cell::text(s)
    }
}

/// The consent and basis columns of a profile's own basis, in the layout's order.
fn privacy(p: &ProfileBasis) -> [Cell; 6] {
    [
        Cell::opt(p.consent_given_on, Cell::date),
        Cell::opt(p.consent_ends_on, Cell::date),
        text(p.consent_attributes.join(";")),
        Cell::opt(p.basis.as_ref(), |b| Cell::text(vocab_key(b))),
        text(p.basis_attributes.join(";")),
        text(p.basis_reference.clone().unwrap_or_default()),
    ]
}

/// A layout's rows as a typed table: the columns' names for programs and headings for people,
/// numbers and dates typed, so each form writes them its own way.
fn layout_table(table: CsvTable, rows: Vec<Vec<Cell>>) -> Table {
    let cols = columns::csv_columns(table)
        .into_iter()
        .map(|c| {
            let (da, en) = (c.heading.da.as_str(), c.heading.en.as_str());
            let column = match c.name.as_str() {
                "lat" | "lon" => Column::decimal(&c.name, da, en),
                "adults" | "capacity" | "places_taken" => Column::integer(&c.name, da, en),
                "arrival"
                | "integration_contract_meeting"
                | "waiting_since"
                | "listed_on"
                | "consent_given_on"
                | "consent_ends_on" => Column::date(&c.name, da, en),
                _ => Column::text(&c.name, da, en),
            };
            if c.required {
                column
            } else {
                column.optional()
            }
        })
        .collect();
    let title = match table {
        CsvTable::Newcomers => Text::new("Nyankomne", "Newcomers"),
        CsvTable::Offers => Text::new("Tilbud", "Offers"),
    };
    let mut t = Table::new(table.key(), title, cols);
    for row in rows {
        t.push(row);
    }
    t
}

fn newcomers_table(newcomers: &[Newcomer], lang: Option<Lang>) -> Table {
    let rows = newcomers
        .iter()
        .map(|n| {
            vec![
                Cell::text(n.id.to_string()),
                Cell::date(n.arrival),
                Cell::opt(n.integration_contract_meeting, Cell::date),
                Cell::opt(n.waiting_since, Cell::date),
                text(n.area.clone().unwrap_or_default()),
                Cell::opt(n.location.map(|c| c.lat), Cell::decimal),
                Cell::opt(n.location.map(|c| c.lon), Cell::decimal),
                join(&n.languages, |s| language_key(s, lang)),
                Cell::int(n.household.adults),
                join(&n.household.children_ages, u32::to_string),
                join(&n.needs, |x| need_key(x, lang)),
                join(&n.preferences, |p| preference_key(p, lang)),
                join(&n.availability, |s| slot_key(s, lang)),
                text(n.industries.join(";")),
                text(n.interests.join(";")),
                join(&n.seat_needs, |s| {
                    format!("{}:{}", seat_key(&s.seat, lang), s.count)
                }),
            ]
            .into_iter()
            .chain(privacy(&n.privacy))
            .collect()
        })
        .collect();
    layout_table(CsvTable::Newcomers, rows)
}

fn offers_table(offers: &[Offer], lang: Option<Lang>) -> Table {
    let rows = offers
        .iter()
        .map(|o| {
            vec![
                Cell::text(o.id.to_string()),
                Cell::text(written(words::OFFER_KINDS, &o.kind, lang)),
                Cell::text(o.title.clone()),
                Cell::opt(o.provider.as_ref(), |p| Cell::text(p.key())),
                Cell::opt(o.volunteer.as_ref(), |v| Cell::text(v.to_string())),
                Cell::int(o.capacity),
                Cell::int(o.places_taken),
                join(&o.languages, |s| language_key(s, lang)),
                text(o.area.clone().unwrap_or_default()),
                Cell::opt(o.location.map(|c| c.lat), Cell::decimal),
                Cell::opt(o.location.map(|c| c.lon), Cell::decimal),
                join(&o.serves, |x| need_key(x, lang)),
                Cell::opt(o.gender.as_ref(), |g| {
                    Cell::text(written(words::GENDERS, g, lang))
                }),
                join(&o.credentials, |c| written(words::CREDENTIALS, c, lang)),
                text(o.industries.join(";")),
                text(o.interests.join(";")),
                join(&o.availability, |s| slot_key(s, lang)),
                Cell::opt(o.listed_on, Cell::date),
                join(&o.seats, |s| {
                    if s.taken == 0 {
                        format!("{}:{}", seat_key(&s.seat, lang), s.capacity)
                    } else {
                        format!("{}:{}/{}", seat_key(&s.seat, lang), s.capacity, s.taken)
                    }
                }),
            ]
            .into_iter()
            .chain(privacy(&o.privacy))
            .collect()
        })
        .collect();
    layout_table(CsvTable::Offers, rows)
}

fn xlsx_error(e: crate::present::sheet::XlsxError) -> BrobyggerError {
    BrobyggerError::Internal {
        code: SaveCode::Csv.into(),
        reason: e.to_string(),
    }
}

/// The households as a newcomers file (the data form: `,`, English names and keys, ISO dates).
pub fn newcomers_to_csv(newcomers: &[Newcomer]) -> Result<String, BrobyggerError> {
    Ok(newcomers_to_csv_styled(newcomers, SheetStyle::Data))
}

/// The households as a newcomers file in `style`: for Danish Excel a byte-order mark, `;`,
/// decimal commas, `DD-MM-YYYY`, Danish headings and words (`lørdag:dagtid`). Reading it gives
/// the same households.
pub fn newcomers_to_csv_styled(newcomers: &[Newcomer], style: SheetStyle) -> String {
    newcomers_table(newcomers, style.lang()).csv_in(style)
}

/// The households as an `.xlsx` workbook, headings and words in `lang` (`None`: names and file
/// keys). Reading it gives the same households.
pub fn newcomers_to_xlsx(
    newcomers: &[Newcomer],
    lang: Option<Lang>,
) -> Result<Vec<u8>, BrobyggerError> {
    newcomers_table(newcomers, lang)
        .xlsx(lang)
        .map_err(xlsx_error)
}

/// The offers as an offers file (the data form).
pub fn offers_to_csv(offers: &[Offer]) -> Result<String, BrobyggerError> {
    Ok(offers_to_csv_styled(offers, SheetStyle::Data))
}

/// The offers as an offers file in `style`. Reading it gives the same offers.
pub fn offers_to_csv_styled(offers: &[Offer], style: SheetStyle) -> String {
    offers_table(offers, style.lang()).csv_in(style)
}

/// The offers as an `.xlsx` workbook, headings and words in `lang`. Reading it gives the same
/// offers.
pub fn offers_to_xlsx(offers: &[Offer], lang: Option<Lang>) -> Result<Vec<u8>, BrobyggerError> {
    offers_table(offers, lang).xlsx(lang).map_err(xlsx_error)
}

/// The header of a matching run as CSV ([`match_run_to_csv`]).
pub const MATCH_RUN_COLUMNS: [&str; 7] = [
    "newcomer",
    "status",
    "offer",
    "score",
    "waiting_days",
    "binding",
    "reason",
];

/// A matching run as a table for a spreadsheet: one row per household, the matched first (with
/// the offer, the score and the rules' explanations), then the unmatched (with what bound them
/// and the reasons), texts in `lang`: the run's `outcome` table ([`MatchRunReport`]) as CSV.
/// Explanations and reasons hold no sensitive attributes.
pub fn match_run_to_csv(run: &MatchRun, lang: Lang) -> Result<String, BrobyggerError> {
    Ok(outcome(run, lang, false)?.csv())
}

/// A matching run's outcome table ([`match_run_to_csv`]) in `style`: for Danish Excel with a
/// byte-order mark, `;`, decimal commas and Danish headings.
pub fn match_run_to_csv_styled(
    run: &MatchRun,
    lang: Lang,
    style: SheetStyle,
) -> Result<String, BrobyggerError> {
    Ok(outcome(run, lang, style != SheetStyle::Data)?.csv_in(style))
}

/// A matching run's outcome table as an `.xlsx` workbook with headings in `lang`.
pub fn match_run_to_xlsx(run: &MatchRun, lang: Lang) -> Result<Vec<u8>, BrobyggerError> {
    outcome(run, lang, true)?
        .xlsx(Some(lang))
        .map_err(xlsx_error)
}

/// The outcome table; for people (`words`), the status in `lang`'s words (`matchet`), as the
/// rest of the row already is.
fn outcome(run: &MatchRun, lang: Lang, words: bool) -> Result<Table, BrobyggerError> {
    let mut table = MatchRunReport::new(run)
        .table("match_outcome", lang)
        .ok_or_else(|| BrobyggerError::Internal {
            code: SaveCode::Csv.into(),
            reason: "a match run has an outcome table".into(),
        })?;
    if let (true, Some(i)) = (words, table.column("status")) {
        for row in &mut table.rows {
            if let Some(Cell::Text { value }) = row.get_mut(i) {
                let said = match value.as_str() {
                    "matched" => crate::i18n::t(lang, "matchet", "matched"),
                    "unmatched" => crate::i18n::t(lang, "ikke matchet", "not matched"),
                    _ => continue,
                };
                *value = said.to_owned();
            }
        }
    }
    Ok(table)
}
