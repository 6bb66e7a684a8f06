//! JSON Schemas generated from the types, so apps in any language can validate files and see
//! each personal-data field's sensitivity class (`x-sensitivity`).
//!
//! The dossier schema is committed at `schema/dossier.schema.json`; a test fails when it is out
//! of date (regenerate with `cargo run -p brobygger-cli -- schema > schema/dossier.schema.json`).

use crate::dossier::Dossier;

/// The JSON Schema of a dossier file.
pub fn dossier_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Dossier).to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            serde_json::Value::String(format!(
                "https://brobygger.invalid/schema/dossier-v{}.schema.json",
                crate::dossier::SCHEMA_VERSION
            )),
        );
    }
    schema
}

/// The JSON Schema of a dossier file, pretty-printed with a trailing newline.
pub fn dossier_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&dossier_schema()).unwrap_or_default();
    s.push('\n');
    s
}
