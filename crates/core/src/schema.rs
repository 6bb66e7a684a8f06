//! JSON Schemas generated from the types, so apps in any language can validate files and see
//! each personal-data field's sensitivity class (`x-sensitivity`).
//!
//! The dossier schema is committed at `schema/dossier.schema.json`; a test fails when it is out
//! of date (regenerate with `cargo run -p brobygger-cli -- schema > schema/dossier.schema.json`).
//! The results the library returns have a schema of their own (`results_schema.rs`).

use crate::dossier::Dossier;

/// The JSON Schema of a dossier file.
pub fn dossier_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Dossier).to_value();
    strip_doc_links(&mut schema);
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

/// Every `description` in `schema` without rustdoc's link markup: the descriptions are the
/// types' `///` docs, and a reader of the schema (or an app showing a field's help) should see
/// `` `Goal` ``, not `` [`Goal`] `` or `` [`ConsentRecord`](crate::privacy::ConsentRecord) ``.
pub(crate) fn strip_doc_links(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if key == "description" => *s = plain_doc(s),
                    _ => strip_doc_links(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_doc_links),
        _ => {}
    }
}

/// `` [`Foo`] `` and `` [`Foo`](path) `` become `` `Foo` ``; a path in the brackets loses its
/// leading modules (`` [`crate::assessment::kl_2015_shape`] `` is `` `kl_2015_shape` ``, while
/// `` [`SeatKind::need_of`] `` keeps its type). Anything else is left as written.
fn plain_doc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("[`") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("`]") else { break };
        let code = &after[..end];
        out.push_str(&rest[..start]);
        out.push('`');
        out.push_str(&short_path(code));
        out.push('`');
        rest = &after[end + 2..];
        // An explicit target, `(crate::privacy::ConsentRecord)`, goes with the brackets.
        if let Some(target) = rest.strip_prefix('(')
            && let Some(close) = target.find(')')
            && !target[..close].contains(char::is_whitespace)
        {
            rest = &target[close + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// A Rust path without its leading module segments (`crate`, `self`, `super` and lower-case
/// modules before the last segment or a type).
fn short_path(code: &str) -> String {
    let segments: Vec<&str> = code.split("::").collect();
    let keep = segments
        .iter()
        .position(|seg| seg.starts_with(char::is_uppercase))
        .unwrap_or(segments.len().saturating_sub(1));
    segments[keep..].join("::")
}
