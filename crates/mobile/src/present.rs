//! The presentation layer for apps: every result's tables (typed columns with Danish and
//! English labels, rows of typed cells) for native lists, and its document rendered as text,
//! Markdown or HTML for a WebView. Delegations to the core's `Present` trait only.

use brobygger::checklists::ChecklistAlignment;
use brobygger::matching::MatchRun;
use brobygger::present::Table;
use brobygger::present::{Format, Present};
use brobygger::{Assessment, BrobyggerError, Finding, Lang, RoleMatrix};

/// A match run's tables in `lang`: `match_outcome`, `matches`, `match_rules`, `unmatched`,
/// `unmet_demand`, `unused_offers`, `match_statistics`, `alternatives`, `why_not`.
#[uniffi::export]
pub fn match_run_tables(run: MatchRun, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(run.tables(lang))
}

/// A match run as a document (headline, proposals, households without a match, unmet demand)
/// in `format` and `lang`.
#[uniffi::export]
pub fn render_match_run(
    run: MatchRun,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(run.present(format, lang))
}

/// An assessment's tables in `lang`: `scores`, `checks`, `assessment_findings`.
#[uniffi::export]
pub fn assessment_tables(assessment: Assessment, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(assessment.tables(lang))
}

/// A role matrix's `role_matrix` table (one row per task, party and role) in `lang`.
#[uniffi::export]
pub fn role_matrix_tables(matrix: RoleMatrix, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(matrix.tables(lang))
}

/// A checklist comparison's `checklist` table (one row per item, each party's answer) in `lang`.
#[uniffi::export]
pub fn checklist_alignment_tables(
    alignment: ChecklistAlignment,
    lang: Lang,
) -> Result<Vec<Table>, BrobyggerError> {
    Ok(alignment.tables(lang))
}

/// Findings as the `findings` table in `lang`.
#[uniffi::export]
pub fn findings_tables(findings: Vec<Finding>, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(findings.as_slice().tables(lang))
}

/// Findings as a document (counts per severity over a table) in `format` and `lang`.
#[uniffi::export]
pub fn render_findings(
    findings: Vec<Finding>,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(findings.as_slice().present(format, lang))
}

/// A table as text, Markdown or HTML (both HTML formats give the `<table>` alone), in `lang`.
#[uniffi::export]
pub fn render_table(table: Table, format: Format, lang: Lang) -> Result<String, BrobyggerError> {
    Ok(match format {
        Format::Text => table.text(lang),
        Format::Markdown => table.markdown(lang),
        Format::Html | Format::HtmlFragment => table.html(lang),
    })
}

/// A table as CSV for a spreadsheet (a header of column names; decimal points, ISO dates).
#[uniffi::export]
pub fn table_csv(table: Table) -> Result<String, BrobyggerError> {
    Ok(table.csv())
}

/// The table named `name` with its columns and no rows; `NotFound` for a name the library
/// does not make.
#[uniffi::export]
pub fn empty_table(name: String) -> Result<Table, BrobyggerError> {
    brobygger::empty_table(&name)
        .ok_or_else(|| BrobyggerError::not_found(brobygger::NotFoundCode::Table, &name))
}

/// The name of every result table the library makes.
#[uniffi::export]
pub fn table_names() -> Vec<String> {
    brobygger::TABLE_NAMES
        .iter()
        .map(|n| (*n).to_owned())
        .collect()
}

/// The dossier's relationships in `lang`: the `relationships` table on day `on` (each
/// relationship proposed by then with its state on the day) and the `relationship_events`
/// table (every event).
#[uniffi::export]
pub fn relationship_tables(
    dossier: std::sync::Arc<crate::dossier::DossierHandle>,
    on: brobygger::chrono::NaiveDate,
    lang: Lang,
) -> Result<Vec<Table>, BrobyggerError> {
    let d = crate::convert::read(dossier.lock())?;
    Ok(vec![
        brobygger::matching::relationships_table(&d, on, lang),
        brobygger::matching::relationship_events_table(&d, lang),
    ])
}
