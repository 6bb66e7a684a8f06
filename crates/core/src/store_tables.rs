//! The tables of a store's audit trail and of one entity's stored versions (crate
//! `brobygger-store` fills them): named here, with the library's other result tables, so
//! Python's DataFrames and the apps read their columns from one place.

use crate::i18n::Text;
use crate::present::table::{Column, Table};

/// The audit trail, one row per event, oldest first: `seq`, `at` (UTC, RFC 3339), `actor`,
/// `operation`, `collection`, `entity`, `action` (`created`, `updated`, `deleted`, `erased`),
/// `fields` (the paths that changed, never values), `digest`, `prev_hash`, `hash`.
pub fn audit_log_table() -> Table {
    Table::new(
        "audit_log",
        Text::new("Revisionsspor", "Audit trail"),
        vec![
            Column::integer("seq", "Nr.", "Seq"),
            Column::text("at", "Tidspunkt (UTC)", "At (UTC)"),
            Column::text("actor", "Hvem", "Actor"),
            Column::text("operation", "Handling", "Operation"),
            Column::text("collection", "Samling", "Collection"),
            Column::text("entity", "Enhed", "Entity"),
            Column::text("action", "Hvad skete", "Action"),
            Column::list("fields", "Ændrede felter", "Fields changed"),
            Column::text("digest", "Fingeraftryk", "Digest"),
            Column::text("prev_hash", "Forrige hash", "Previous hash"),
            Column::text("hash", "Hash", "Hash"),
        ],
    )
}

/// Every stored version of one entity, oldest first: `seq`, `at`, `actor`, `operation`,
/// `action` and `json` (the entity after the change; missing after a deletion or once erased).
pub fn history_table() -> Table {
    Table::new(
        "history",
        Text::new("Versioner", "History"),
        vec![
            Column::integer("seq", "Nr.", "Seq"),
            Column::text("at", "Tidspunkt (UTC)", "At (UTC)"),
            Column::text("actor", "Hvem", "Actor"),
            Column::text("operation", "Handling", "Operation"),
            Column::text("action", "Hvad skete", "Action"),
            Column::text("json", "Indhold (JSON)", "Content (JSON)").optional(),
        ],
    )
}

pub(crate) fn empty(name: &str) -> Option<Table> {
    match name {
        "audit_log" => Some(audit_log_table()),
        "history" => Some(history_table()),
        _ => None,
    }
}
