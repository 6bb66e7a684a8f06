#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The committed JSON Schema matches the types, and it declares a sensitivity class on every
//! field of a person.

mod common;

#[test]
fn committed_schema_is_up_to_date() {
    let path = common::fixtures().join("../../schema/dossier.schema.json");
    common::golden(&path, &brobygger::dossier_schema_json());
}

#[test]
fn schema_marks_every_person_field_with_a_sensitivity_class() {
    let schema = brobygger::dossier_schema();
    let person = &schema["$defs"]["Person"]["properties"];
    let props = person.as_object().expect("Person in $defs");
    assert!(props.len() >= 6);
    for (name, prop) in props {
        assert!(
            prop.get("x-sensitivity").is_some(),
            "Person.{name} has no x-sensitivity"
        );
    }
    assert_eq!(
        person["child_protection_certificate"]["x-sensitivity"],
        "criminal_record"
    );
}

#[test]
fn examples_validate_against_the_schema_shape() {
    // Every top-level key of every example is a property the schema knows.
    let schema = brobygger::dossier_schema();
    let known = schema["properties"].as_object().unwrap();
    for e in brobygger::Example::ALL {
        let v: serde_json::Value = serde_json::from_str(e.json()).unwrap();
        for key in v.as_object().unwrap().keys() {
            assert!(known.contains_key(key), "{}: {key}", e.name());
        }
    }
}

/// The descriptions are the types' docs without rustdoc's link markup: what an app shows as a
/// field's help reads `Goal`, not [`Goal`] or [`X`](crate::path::X).
#[test]
fn descriptions_carry_no_rustdoc_links() {
    let text = brobygger::dossier_schema_json();
    assert!(!text.contains("[`"), "a rustdoc link is left in the schema");
    assert!(
        !text.contains("](crate::"),
        "a rustdoc link target is left in the schema"
    );
    let schema = brobygger::dossier_schema();
    assert_eq!(
        schema["$defs"]["GoalOwner"]["description"],
        "Whose goal a `Goal` is."
    );
    let described: Vec<String> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("\"description\""))
        .map(str::to_owned)
        .collect();
    assert!(described.iter().any(|l| l.contains("`SeatKind::need_of`.")));
    assert!(described.iter().any(|l| l.contains("`kl_2015_shape`")));
    // Placeholders in braces are not links and stay.
    assert!(described.iter().any(|l| l.contains("`{newcomer}`")));
}
