#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Roles (#4), checklists (#5) and the health assessment (#7) working together: the health
//! overview golden files (also read by pytest and Kotlin), champions never named anywhere the
//! library writes text, free-text answers never quoted outside the parties' own comparison, and
//! findings ordered with list indices as numbers.

mod common;

use brobygger::Format;
use brobygger::assessment::ReportOptions;
use brobygger::*;
use chrono::NaiveDate;
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn golden_health_summaries_of_the_examples() {
    let golden = common::fixtures().join("golden");
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        for lang in [Lang::Da, Lang::En] {
            let text = d.assessment().health_summary(e.reference_date(), lang);
            common::golden(
                &golden.join(format!("health-{}-{}.txt", e.name(), lang.code())),
                &text,
            );
        }
    }
}

#[test]
fn reports_fill_the_role_and_checklist_slots_by_default() {
    let d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    for lang in [Lang::Da, Lang::En] {
        for format in [Format::Markdown, Format::Html] {
            let r = d
                .assessment()
                .report(&id, ReportOptions::new(date("2017-08-01"), lang, format))
                .unwrap();
            assert!(!r.contains("ikke med i denne rapport endnu"));
            assert!(!r.contains("not part of this report yet"));
            let roles = between(&r, "role_split");
            let checklists = between(&r, "checklist_alignment");
            // The RACI letters of the festival: Kultur og Fritid R, A; LAWAN R.
            assert!(
                roles.contains("R, A") && roles.contains("Fritidskonsulent"),
                "{roles}"
            );
            if format == Format::Html {
                assert!(roles.contains("<svg"), "the heat map is drawn");
            }
            // Side by side: both parties' answers to the critical item.
            let (municipal, lawan) = match lang {
                Lang::Da => (
                    "inden for de første 3 måneder",
                    "ved den indledende samtale om integrationskontrakten",
                ),
                Lang::En => (
                    "within the first 3 months",
                    "at the initial conversation about the integration contract",
                ),
            };
            assert!(
                checklists.contains(municipal) && checklists.contains(lawan),
                "{checklists}"
            );
        }
    }
    // As of a day before any checklist was answered there is nothing side by side yet, but the
    // requirement is there.
    let early = d
        .assessment()
        .report(
            &id,
            ReportOptions::new(date("2017-06-12"), Lang::En, Format::Markdown),
        )
        .unwrap();
    let checklists = between(&early, "checklist_alignment");
    assert!(
        checklists.contains("0 of 2 parties have submitted"),
        "{checklists}"
    );
    assert!(!checklists.contains("within the first 3 months"));
    // The sections are public, so an app can show or adapt them.
    let sections = d
        .assessment()
        .report_sections(&id, date("2017-08-01"))
        .unwrap();
    assert_eq!(sections.len(), 2);
}

fn between<'a>(report: &'a str, slot: &str) -> &'a str {
    report
        .split(&format!("<!-- brobygger:slot {slot} begin -->"))
        .nth(1)
        .unwrap()
        .split(&format!("<!-- brobygger:slot {slot} end -->"))
        .next()
        .unwrap()
}

/// Every text the library writes about a dossier for people to read, outside the parties' own
/// checklist comparison (which is theirs and shows their answers).
fn all_texts(d: &Dossier, as_of: NaiveDate) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in [Lang::Da, Lang::En] {
        out.push(("summary".into(), d.summary(lang)));
        out.push(("health".into(), d.assessment().health_summary(as_of, lang)));
        out.push(("checklist summary".into(), d.checklists().summary(lang)));
        for f in d.validate() {
            out.push(("validation".into(), f.render(lang)));
        }
        for a in &d.agreements {
            for format in [Format::Markdown, Format::Html, Format::HtmlFragment] {
                let r = d
                    .assessment()
                    .report(&a.id, ReportOptions::new(as_of, lang, format))
                    .unwrap();
                out.push((format!("report {} {format:?}", a.id), r));
            }
            let m = d.roles(&a.id).matrix(RoleOptions::as_of(as_of)).unwrap();
            out.push(("matrix md".into(), m.markdown(lang)));
            out.push(("matrix html".into(), m.html(lang)));
            out.push(("matrix debug".into(), format!("{m:?}")));
            let assessed = d.assessment().assess(&a.id, as_of).unwrap();
            out.push(("assessment".into(), assessed.to_json().unwrap()));
            out.push(("assessment debug".into(), format!("{assessed:?}")));
            let readiness = d.checklists().readiness(&a.id).unwrap();
            out.push((
                "readiness".into(),
                serde_json::to_string(&readiness).unwrap(),
            ));
            for al in d.checklists().alignments(&a.id).unwrap() {
                out.push((
                    "alignment findings".into(),
                    serde_json::to_string(&al.findings).unwrap(),
                ));
                out.push(("alignment debug".into(), format!("{al:?}")));
            }
        }
    }
    out
}

#[test]
fn a_champion_is_never_named() {
    let mut d = Dossier::example("horsens").unwrap();
    let org = d
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "DK-LOCAL-lawan-horsens")
        .unwrap();
    org.kind = OrganisationKind::Champion;
    org.name = "Hajar Ildsjæl".into();
    let as_of = date("2017-08-01");
    for (what, text) in all_texts(&d, as_of) {
        assert!(
            !text.contains("Hajar"),
            "{what} names the champion:\n{text}"
        );
    }
    // The champion appears by kind and id, in the language of the text.
    let party = PartyRef::Organisation {
        organisation: "DK-LOCAL-lawan-horsens".into(),
    };
    assert_eq!(
        d.party_label(&party, Lang::Da),
        "ildsjæl DK-LOCAL-lawan-horsens"
    );
    assert_eq!(
        d.party_label(&party, Lang::En),
        "champion DK-LOCAL-lawan-horsens"
    );
    assert_eq!(
        d.party_name(&party),
        "ildsjæl (champion) DK-LOCAL-lawan-horsens"
    );
    assert!(
        d.summary(Lang::Da)
            .contains("- ildsjæl DK-LOCAL-lawan-horsens, 12 aktive frivillige")
    );
    let m = d
        .roles(&"horsens-lawan".into())
        .matrix(RoleOptions::default())
        .unwrap();
    assert!(
        m.markdown(Lang::En)
            .contains("ildsjæl (champion) DK-LOCAL-lawan-horsens")
    );
    let spof = d
        .roles(&"horsens-lawan".into())
        .analyse(RoleOptions::as_of(as_of))
        .unwrap();
    assert!(
        spof.iter()
            .any(|f| f.text.en.contains("champion DK-LOCAL-lawan-horsens"))
    );
    // The checklist comparison for the parties names the champion by kind too.
    let comparison = d
        .checklists()
        .render_comparison(
            &"horsens-lawan".into(),
            &"joint-expectations".into(),
            Format::Markdown,
            Lang::Da,
        )
        .unwrap();
    assert!(!comparison.contains("Hajar"));
    assert!(
        d.validate()
            .iter()
            .all(|f| f.code != "validation.champion_id_not_opaque")
    );
}

#[test]
fn a_champion_id_made_from_the_name_is_left_out_and_flagged() {
    let mut d = Dossier::example("horsens").unwrap();
    let org = d
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "DK-LOCAL-lawan-horsens")
        .unwrap();
    org.kind = OrganisationKind::Champion;
    org.name = "Hajar Lawan".into();
    let party = PartyRef::Organisation {
        organisation: "DK-LOCAL-lawan-horsens".into(),
    };
    assert_eq!(d.party_label(&party, Lang::En), "champion");
    let flagged = d.validate();
    let f = flagged
        .iter()
        .find(|f| f.code == "validation.champion_id_not_opaque")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.path.as_str(), "organisations[0].id");
    for (what, text) in all_texts(&d, date("2017-08-01")) {
        assert!(!text.contains("Hajar"), "{what} names the champion");
        if !what.contains("debug") && !what.starts_with("assessment") && what != "readiness" {
            assert!(
                !text.contains("DK-LOCAL-lawan-horsens"),
                "{what} shows the champion's id:\n{text}"
            );
        }
    }
}

const SECRET: &str = "Fatima \"Bibi\" Hansen `Qwz` \\ kl. 17";

#[test]
fn free_text_answers_comments_and_notes_stay_out_of_findings_errors_and_reports() {
    let mut d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    let chair: PersonId = "p-9227-8082-6305-9511".into();
    let at: Timestamp = "2017-06-21T18:00:00Z".parse().unwrap();
    // LAWAN answers the standpoint checklist in its own words, with a comment.
    let session = d
        .checklists_mut()
        .start(StartChecklist {
            agreement: id.clone(),
            party: PartyRef::Organisation {
                organisation: "DK-LOCAL-lawan-horsens".into(),
            },
            template: "kem-association-standpoint".into(),
            template_version: None,
            by: chair.clone(),
            at,
            id: None,
        })
        .unwrap();
    let template = d
        .checklists()
        .template(&"kem-association-standpoint".into(), None)
        .unwrap()
        .clone();
    let (text_items, scale_items): (Vec<_>, Vec<_>) = template
        .items()
        .map(|(_, i)| i.clone())
        .partition(|i| matches!(i.answer, AnswerKind::Text));
    let text_item = text_items[0].id.clone();
    let scale_item = scale_items
        .iter()
        .find(|i| matches!(i.answer, AnswerKind::Scale { .. }))
        .unwrap()
        .id
        .clone();
    d.checklists_mut()
        .answer(
            &session,
            vec![AnswerInput {
                item: text_item.clone(),
                value: AnswerValue::Text {
                    text: SECRET.into(),
                },
                comment: Some(SECRET.into()),
            }],
            &chair,
            at,
        )
        .unwrap();
    // A divergence on the joint checklist resolved with a note that names someone.
    d.checklists_mut()
        .resolve(ResolveItem {
            agreement: id.clone(),
            template: "joint-expectations".into(),
            item: "success".into(),
            by: chair.clone(),
            at,
            note: SECRET.into(),
        })
        .unwrap();
    // The parties' own comparison shows their words: the secret is really in the data.
    let own = d
        .checklists()
        .render_comparison(
            &id,
            &"kem-association-standpoint".into(),
            Format::Markdown,
            Lang::Da,
        )
        .unwrap();
    assert!(own.contains("Fatima"));
    // Everything else leaves it out.
    for (what, text) in all_texts(&d, date("2017-08-01")) {
        for part in ["Fatima", "Bibi", "Hansen", "Qwz"] {
            assert!(!text.contains(part), "{what} quotes free text:\n{text}");
        }
    }
    // Free text in the wrong place is refused without quoting it.
    let err = d
        .checklists_mut()
        .answer(
            &session,
            vec![AnswerInput {
                item: scale_item.clone(),
                value: AnswerValue::Text {
                    text: SECRET.into(),
                },
                comment: None,
            }],
            &chair,
            at,
        )
        .unwrap_err();
    assert_eq!(err.code(), "checklists.invalid_answers");
    assert_no_secret(&format!("{err} {err:?}"));
    for f in err.findings() {
        assert_no_secret(&f.render(Lang::Da));
    }
    // And the same for answers read from JSON (apps, bindings): the parse error is redacted.
    let json = format!(
        r#"[{{"item": "{scale_item}", "value": {{"type": "scale", "value": {}}}}}]"#,
        serde_json::to_string(SECRET).unwrap()
    );
    let parsed = serde_json::from_str::<Vec<AnswerInput>>(&json).unwrap_err();
    assert!(
        parsed.to_string().contains("Fatima"),
        "serde itself quotes it"
    );
    assert_no_secret(&brobygger::redact_message(&parsed.to_string()));
    let variant = format!(
        r#"{{"item": "x", "value": {{"type": {}}}}}"#,
        serde_json::to_string(SECRET).unwrap()
    );
    let parsed = serde_json::from_str::<AnswerInput>(&variant).unwrap_err();
    assert_no_secret(&brobygger::redact_message(&parsed.to_string()));
    // A dossier file with the secret in a wrong place: the load error does not quote it.
    let mut v = serde_json::to_value(&d).unwrap();
    v["checklists"]["sessions"][3]["answers"][0]["value"] =
        serde_json::json!({"type": "scale", "value": SECRET});
    let err = Dossier::from_json(&v.to_string()).unwrap_err();
    assert_no_secret(&format!("{err} {err:?}"));
}

fn assert_no_secret(text: &str) {
    for part in ["Fatima", "Bibi", "Hansen", "Qwz"] {
        assert!(!text.contains(part), "quotes free text: {text}");
    }
}

#[test]
fn findings_list_indices_in_numeric_order() {
    // Aalborg's version 2 split has more than ten assignments.
    let d = Dossier::example("aalborg").unwrap();
    let mut d2 = d.clone();
    // Break two far-apart assignments so that [2] and [1x] both have findings.
    let split = &mut d2.agreements[0].versions[1].terms.roles;
    assert!(split.assignments.len() > 12);
    split.assignments[2].hours_per_month = Some(-1.0);
    split.assignments[12].hours_per_month = Some(-1.0);
    let paths: Vec<String> = d2
        .validate()
        .into_iter()
        .filter(|f| f.code == "validation.negative_number")
        .map(|f| f.path.as_str().to_owned())
        .collect();
    assert_eq!(
        paths,
        vec![
            "agreements[0].versions[1].terms.roles.assignments[2].hours_per_month",
            "agreements[0].versions[1].terms.roles.assignments[12].hours_per_month",
        ]
    );
}

proptest! {
    #[test]
    fn paths_sort_by_their_indices(mut indices in prop::collection::vec((0usize..40, 0usize..40), 1..20)) {
        let mut paths: Vec<FieldPath> = indices
            .iter()
            .map(|(a, b)| FieldPath::root().field("agreements").index(*a).field("meetings").index(*b))
            .collect();
        paths.sort();
        indices.sort();
        let expected: Vec<FieldPath> = indices
            .iter()
            .map(|(a, b)| FieldPath::root().field("agreements").index(*a).field("meetings").index(*b))
            .collect();
        prop_assert_eq!(paths, expected);
    }
}
