#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The committed schema of the store's results matches the types (regenerate with
//! `BROBYGGER_BLESS=1 cargo test -p brobygger-store --test schema`).

#[test]
fn committed_store_schema_is_up_to_date() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/store.schema.json");
    let actual = brobygger_store::results_schema_json();
    if std::env::var_os("BROBYGGER_BLESS").is_some() {
        brobygger::write_atomic(&path, actual.as_bytes()).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {} (BROBYGGER_BLESS=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs; rerun with BROBYGGER_BLESS=1 and review the diff",
        path.display()
    );
}

/// A write's summary has the fields the schema names, and no other.
#[test]
fn a_summary_has_the_fields_the_schema_gives_it() {
    let schema = brobygger_store::results_schema();
    let props = schema["$defs"]["ChangeSummary"]["properties"]
        .as_object()
        .unwrap();
    let value = serde_json::to_value(brobygger_store::ChangeSummary::default()).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, props.keys().collect::<Vec<_>>());
}
