//! The JSON Schema of what the store returns (a write's summary, an audit event, a stored
//! version, a change set and what applying it did), committed at `schema/store.schema.json` and
//! checked for drift by `tests/schema.rs`. It types those values where the bindings hand them
//! back as plain data (Python's `TypedDict`s, ADR 0068), so it describes the serialized shape.

/// The JSON Schema of the store's results: a `$defs` entry for each type, named as in Rust.
pub fn results_schema() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    generator.subschema_for::<crate::ChangeSummary>();
    generator.subschema_for::<crate::AuditEvent>();
    generator.subschema_for::<crate::Revision>();
    generator.subschema_for::<crate::ChangeSet>();
    generator.subschema_for::<crate::ApplyReport>();
    generator.subschema_for::<crate::ChainReport>();
    let defs: serde_json::Map<String, serde_json::Value> =
        generator.take_definitions(true).into_iter().collect();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brobygger.invalid/schema/store.schema.json",
        "title": "Store results",
        "description": "The values the store returns (not a file format): one definition per type.",
        "$defs": defs,
    })
}

/// The store's results schema, pretty-printed with a trailing newline.
pub fn results_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&results_schema()).unwrap_or_default();
    s.push('\n');
    s
}
