#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Personal data stays out of errors, Debug output and summaries.

use brobygger::*;

fn all_names_and_contacts(d: &Dossier) -> Vec<String> {
    d.people
        .iter()
        .flat_map(|p| {
            let mut v: Vec<String> = p
                .name
                .split_whitespace()
                .filter(|s| s.len() > 2)
                .map(str::to_owned)
                .collect();
            v.extend(p.email.clone());
            v.extend(p.phone.clone());
            v
        })
        .collect()
}

#[test]
fn summaries_and_debug_output_name_no_person() {
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        let secrets = all_names_and_contacts(&d);
        assert!(!secrets.is_empty());
        for lang in [Lang::Da, Lang::En] {
            let s = d.summary(lang);
            for secret in &secrets {
                assert!(
                    !s.contains(secret.as_str()),
                    "{} summary contains personal data",
                    e.name()
                );
            }
        }
        let dbg = format!("{:?}", d);
        for secret in &secrets {
            assert!(
                !dbg.contains(secret.as_str()),
                "{} Debug contains personal data",
                e.name()
            );
        }
    }
}

#[test]
fn parse_and_validation_errors_quote_no_personal_value() {
    let d = Dossier::example("aalborg").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&d.to_json().unwrap()).unwrap();
    // A name where a number belongs, and an unknown enum value that is a name.
    v["people"][0]["email"] = serde_json::json!(["Mette Lund"]);
    let err = Dossier::from_json(&v.to_string()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains("Mette"), "{err}");
    v["people"][0]["email"] = serde_json::Value::Null;
    v["organisations"][0]["kind"] = serde_json::json!("Mette Lund");
    let err = Dossier::from_json(&v.to_string()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains("Mette"), "{err}");

    // A person id built from the name: the finding says so without repeating it.
    let mut d = d;
    d.people[0].id = "mette-lund".into();
    let findings = d.validate();
    let f = findings
        .iter()
        .find(|f| f.code == "validation.person_id_not_opaque")
        .unwrap();
    assert!(
        !f.text.da.to_lowercase().contains("mette") && !f.text.en.to_lowercase().contains("mette")
    );
}
