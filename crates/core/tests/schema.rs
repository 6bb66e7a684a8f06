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
