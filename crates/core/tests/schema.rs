#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The committed JSON Schemas (the dossier's and the results') match the types, and the
//! dossier's declares a sensitivity class on every field of a person.

mod common;

#[test]
fn committed_schema_is_up_to_date() {
    let path = common::fixtures().join("../../schema/dossier.schema.json");
    common::golden(&path, &brobygger::dossier_schema_json());
}

#[test]
fn committed_results_schema_is_up_to_date() {
    let path = common::fixtures().join("../../schema/results.schema.json");
    common::golden(&path, &brobygger::results_schema_json());
}

/// The results schema describes what a result serialises to: an example's assessment has
/// every field the schema requires and none it lacks, down to its dimensions and checks.
#[test]
fn an_assessment_has_the_fields_the_results_schema_gives_it() {
    let schema = brobygger::results_schema();
    let defs = schema["$defs"].as_object().expect("$defs");
    let d = brobygger::Dossier::example("ikast-brande").unwrap();
    let day = brobygger::example_reference_date("ikast-brande").unwrap();
    let agreement = d.agreements[0].id.clone();
    let assessment = d.assessment().assess(&agreement, day).unwrap();
    let value = serde_json::to_value(&assessment).unwrap();
    fields_fit(defs, "Assessment", &value);
    fields_fit(defs, "DimensionScore", &value["dimensions"][0]);
    fields_fit(defs, "CheckResult", &value["checks"][0]);
    let text = brobygger::results_schema_json();
    assert!(
        !text.contains("[`"),
        "a rustdoc link is left in the results schema"
    );
}

fn fields_fit(
    defs: &serde_json::Map<String, serde_json::Value>,
    name: &str,
    value: &serde_json::Value,
) {
    let def = &defs[name];
    let props = def["properties"].as_object().expect(name);
    let given = value.as_object().expect(name);
    for key in given.keys() {
        assert!(
            props.contains_key(key),
            "{name}.{key} is not in the results schema"
        );
    }
    for key in def["required"].as_array().into_iter().flatten() {
        let key = key.as_str().unwrap();
        assert!(
            given.contains_key(key),
            "{name}.{key} is required but missing"
        );
    }
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
