//! The JSON Schema of the results the library computes and hands back rather than stores: an
//! assessment, a calendar's events, a search hit, a safe table. It types the values the
//! bindings return as plain data (Python's `TypedDict`s come from it, ADR 0068), so it is
//! generated for the shape a value is *written* in (serde's serialize side), and it only lists
//! types; it validates no file. Committed at `schema/results.schema.json`; a test fails when it
//! is out of date (regenerate with `BROBYGGER_BLESS=1 cargo test -p brobygger --test schema`).
//!
//! Its own file rather than `schema.rs`: it names result types of the operations, some of which
//! read the dossier schema themselves.

use crate::schema::strip_doc_links;

/// The JSON Schema of the results the library returns: a `$defs` entry for each result type
/// (and every type they hold), named as in Rust; no root value.
pub fn results_schema() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    // Each root is a result a binding hands back as plain data; the types it holds follow.
    macro_rules! roots {
        ($($t:ty),* $(,)?) => { $( generator.subschema_for::<$t>(); )* };
    }
    roots!(
        crate::assessment::result::Assessment,
        crate::assessment::catalogue::CheckInfo,
        crate::assessment::model::ShareEstimate,
        crate::assessment::model::ShareChange,
        crate::assessment::shape::GroupShare,
        crate::assessment::shape::GroupShareChange,
        crate::assessment::national::ReferenceSurvey,
        crate::assessment::report::parts::ReportSection,
        crate::calendar::model::Calendar,
        crate::checklists::align::ChecklistAlignment,
        crate::checklists::readiness::ChecklistReadiness,
        crate::checklists::model::template::ChecklistItemView,
        crate::directory::register::Directory,
        crate::directory::search::DirectoryHit,
        crate::import::columns::CsvColumn,
        crate::import::csv::NewcomersCsv,
        crate::matching::model::intro::CohortView,
        crate::matching::audience::VolunteerMatchView,
        crate::matching::audience::VolunteerMatchText,
        crate::meetings::Minutes,
        crate::outcomes::view::OutcomeView,
        crate::privacy::aggregate::AnalystExport,
        crate::privacy::aggregate::SafeShare,
        crate::privacy::aggregate::SafeTable,
        crate::privacy::audience::MatchView,
        crate::privacy::audience::NewcomerView,
        crate::privacy::audience::OfferView,
        crate::privacy::consent::WithdrawalReport,
        crate::privacy::disclosure::ExportManifest,
        crate::privacy::dpv::ConsentRecords,
        crate::privacy::model::proposal::Disclosure,
        crate::privacy::retention::RetentionOutcome,
        crate::privacy::retention::RetentionReport,
        crate::roles::matrix::RoleMatrix,
        crate::roles::model::catalogue::TaskDefinition,
    );
    let defs: serde_json::Map<String, serde_json::Value> =
        generator.take_definitions(true).into_iter().collect();
    let mut schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brobygger.invalid/schema/results.schema.json",
        "title": "Results",
        "description": "The values the library computes and returns (not a file format): one definition per type.",
        "$defs": defs,
    });
    strip_doc_links(&mut schema);
    schema
}

/// The JSON Schema of the results, pretty-printed with a trailing newline.
pub fn results_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&results_schema()).unwrap_or_default();
    s.push('\n');
    s
}
