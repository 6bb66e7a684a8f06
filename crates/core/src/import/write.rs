//! Writing newcomers and offers as CSV in the documented layout: every column, `,` between
//! cells, `;` between the values of a multi-valued cell, ISO dates, numbers that read back
//! exactly. Reading the output gives the same profiles. Every cell of every export passes
//! [`escape_cell`] (formula injection, `crate::present::formula`).

use super::cells::{float_text, need_key, preference_key, seat_key, slot_key, vocab_key};
use super::columns;
use super::csv::CsvTable;
use crate::code::SaveCode;
use crate::error::BrobyggerError;
use crate::i18n::Lang;
use crate::matching::model::profile::{LanguageSkill, Newcomer, Offer};
use crate::matching::model::run::MatchRun;
use crate::matching::present::MatchRunReport;
use crate::present::formula::escape_cell;
use crate::present::render::Present;
use crate::privacy::model::basis::ProfileBasis;

/// The header row of a layout (with its line end), to start a file from.
pub fn csv_header(table: CsvTable) -> String {
    let mut s = columns::names(table).join(",");
    s.push('\n');
    s
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(";")
}

fn language(s: &LanguageSkill) -> String {
    format!("{}:{}", s.language, s.level.code())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The consent and basis columns of a profile's own basis, in the layout's order.
fn privacy(p: &ProfileBasis) -> [String; 6] {
    [
        opt(p.consent_given_on),
        opt(p.consent_ends_on),
        p.consent_attributes.join(";"),
        opt(p.basis.as_ref().map(vocab_key)),
        p.basis_attributes.join(";"),
        p.basis_reference.clone().unwrap_or_default(),
    ]
}

fn write(table: CsvTable, rows: Vec<Vec<String>>) -> Result<String, BrobyggerError> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let fail = |e: &dyn std::fmt::Display| BrobyggerError::Internal {
        code: SaveCode::Csv.into(),
        reason: e.to_string(),
    };
    w.write_record(columns::names(table))
        .map_err(|e| fail(&e))?;
    for row in rows {
        w.write_record(row.iter().map(|c| escape_cell(c).into_owned()))
            .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

/// The households as a newcomers file.
pub fn newcomers_to_csv(newcomers: &[Newcomer]) -> Result<String, BrobyggerError> {
    let rows = newcomers
        .iter()
        .map(|n| {
            vec![
                n.id.to_string(),
                n.arrival.to_string(),
                opt(n.integration_contract_meeting),
                opt(n.waiting_since),
                n.area.clone().unwrap_or_default(),
                opt(n.location.map(|c| float_text(c.lat))),
                opt(n.location.map(|c| float_text(c.lon))),
                join(&n.languages, language),
                n.household.adults.to_string(),
                join(&n.household.children_ages, u32::to_string),
                join(&n.needs, need_key),
                join(&n.preferences, preference_key),
                join(&n.availability, slot_key),
                n.industries.join(";"),
                n.interests.join(";"),
                join(&n.seat_needs, |s| {
                    format!("{}:{}", seat_key(&s.seat), s.count)
                }),
            ]
            .into_iter()
            .chain(privacy(&n.privacy))
            .collect()
        })
        .collect();
    write(CsvTable::Newcomers, rows)
}

/// The offers as an offers file.
pub fn offers_to_csv(offers: &[Offer]) -> Result<String, BrobyggerError> {
    let rows = offers
        .iter()
        .map(|o| {
            vec![
                o.id.to_string(),
                vocab_key(&o.kind),
                o.title.clone(),
                opt(o.provider.as_ref().map(|p| p.key())),
                opt(o.volunteer.as_ref()),
                o.capacity.to_string(),
                o.places_taken.to_string(),
                join(&o.languages, language),
                o.area.clone().unwrap_or_default(),
                opt(o.location.map(|c| float_text(c.lat))),
                opt(o.location.map(|c| float_text(c.lon))),
                join(&o.serves, need_key),
                opt(o.gender.as_ref().map(vocab_key)),
                join(&o.credentials, vocab_key),
                o.industries.join(";"),
                o.interests.join(";"),
                join(&o.availability, slot_key),
                opt(o.listed_on),
                join(&o.seats, |s| {
                    if s.taken == 0 {
                        format!("{}:{}", seat_key(&s.seat), s.capacity)
                    } else {
                        format!("{}:{}/{}", seat_key(&s.seat), s.capacity, s.taken)
                    }
                }),
            ]
            .into_iter()
            .chain(privacy(&o.privacy))
            .collect()
        })
        .collect();
    write(CsvTable::Offers, rows)
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
    MatchRunReport::new(run)
        .table("match_outcome", lang)
        .map(|t| t.csv())
        .ok_or_else(|| BrobyggerError::Internal {
            code: SaveCode::Csv.into(),
            reason: "a match run has an outcome table".into(),
        })
}
