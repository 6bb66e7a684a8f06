#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Expectation-alignment checklists: templates as data, answer sessions, alignment, signing
//! readiness and rendering. The shared fixtures under `tests/fixtures/checklists/` are asserted
//! here exactly as pytest and the Kotlin suite assert them.

mod common;

use brobygger::checklists::BuiltinChecklist;
use brobygger::checklists::{
    AlignmentStatus, AnswerKind, ChecklistItem, ChecklistSection, ChecklistTemplate, ChoiceOption,
    Side,
};
use brobygger::*;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fs;
use std::path::PathBuf;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn rows(findings: &[Finding]) -> Value {
    Value::Array(
        findings
            .iter()
            .map(|f| json!({"severity": f.severity, "code": f.code, "path": f.path}))
            .collect(),
    )
}

fn cases(dir: &str, exts: &[&str]) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(common::fixtures().join(dir))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name()?.to_str()?.to_owned();
            exts.iter().find_map(|ext| {
                name.strip_suffix(&format!(".input.{ext}"))
                    .map(|n| (n.to_owned(), p.clone()))
            })
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no cases in {dir}");
    out
}

fn expected_path(input: &std::path::Path, name: &str) -> PathBuf {
    input.with_file_name(format!("{name}.expected.json"))
}

fn check_expected(path: &std::path::Path, actual: &Value) {
    common::golden(
        path,
        &(serde_json::to_string_pretty(actual).unwrap() + "\n"),
    );
}

fn template_outcome(r: Result<ChecklistTemplate, BrobyggerError>) -> Value {
    match r {
        Ok(t) => json!({
            "kind": "ok",
            "id": t.id,
            "version": t.version,
            "items": t.item_count(),
        }),
        Err(BrobyggerError::Parse {
            code,
            path,
            line,
            column,
            ..
        }) => json!({"kind": "parse", "code": code, "path": path, "line": line, "column": column}),
        Err(BrobyggerError::UnsupportedVersion { code, .. }) => {
            json!({"kind": "unsupported_version", "code": code})
        }
        Err(BrobyggerError::Validation { code, findings }) => {
            json!({"kind": "validation", "code": code, "findings": rows(&findings)})
        }
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

#[test]
fn template_fixtures_load_or_fail_with_paths_and_never_quote_the_input() {
    for (name, input) in cases("checklists/templates", &["toml", "json"]) {
        let result = ChecklistTemplate::load(&input);
        if let Err(e) = &result {
            let text = format!("{e} {e:?}");
            assert!(!text.contains("Fatima"), "{name}: {text}");
        }
        check_expected(&expected_path(&input, &name), &template_outcome(result));
    }
}

/// What the shared dossier fixtures expect: validation, every comparison and readiness.
fn dossier_outcome(d: &Dossier) -> Value {
    let mut alignments = Vec::new();
    let mut readiness = Vec::new();
    for a in &d.agreements {
        for al in d.checklists().alignments(&a.id).unwrap() {
            alignments.push(json!({
                "agreement": al.agreement,
                "template": al.template,
                "template_version": al.template_version,
                "score": al.score,
                "coverage": al.coverage,
                "counts": al.counts,
                "columns": al.columns.iter().map(|c| json!({
                    "session": c.session, "answered": c.answered, "total": c.total, "submitted": c.submitted,
                })).collect::<Vec<_>>(),
                "items": al.items.iter().map(|i| json!({
                    "item": i.item, "status": i.status, "score": i.score, "resolved": i.resolved,
                })).collect::<Vec<_>>(),
                "findings": rows(&al.findings),
            }));
        }
        let r = d.checklists().readiness(&a.id).unwrap();
        readiness.push(json!({
            "agreement": r.agreement,
            "ready": r.ready,
            "requirements": r.requirements.iter().map(|q| json!({
                "template": q.template,
                "complete": q.complete,
                "open_critical": q.open_critical,
                "parties": q.parties.iter().map(|p| json!({
                    "session": p.session, "answered": p.answered, "total": p.total, "submitted": p.submitted,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "findings": rows(&r.findings),
        }));
    }
    json!({"validation": rows(&d.validate()), "alignments": alignments, "readiness": readiness})
}

#[test]
fn dossier_fixtures_give_the_expected_validation_alignment_and_readiness() {
    for (name, input) in cases("checklists/dossiers", &["json"]) {
        let d = Dossier::load(&input).unwrap();
        check_expected(&expected_path(&input, &name), &dossier_outcome(&d));
    }
}

#[test]
fn golden_comparison_of_the_horsens_example_and_item_lists() {
    let d = Dossier::example("horsens").unwrap();
    let golden = common::fixtures().join("golden");
    for lang in [Lang::Da, Lang::En] {
        for (format, ext) in [(Format::Markdown, "md"), (Format::Html, "html")] {
            let out = d
                .checklists()
                .render_comparison(
                    &"horsens-lawan".into(),
                    &"joint-expectations".into(),
                    format,
                    lang,
                )
                .unwrap();
            common::golden(
                &golden.join(format!(
                    "checklist-horsens-joint-expectations-{}.{ext}",
                    lang.code()
                )),
                &out,
            );
        }
        common::golden(
            &golden.join(format!("checklist-summary-horsens-{}.txt", lang.code())),
            &d.checklists().summary(lang),
        );
        let template = BuiltinChecklist::JointExpectations.template().unwrap();
        common::golden(
            &golden.join(format!(
                "checklist-items-joint-expectations-{}.json",
                lang.code()
            )),
            &(serde_json::to_string_pretty(&template.item_views(lang)).unwrap() + "\n"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Built-in templates

#[test]
fn builtin_templates_are_faithful_to_the_sources() {
    let t = |b: BuiltinChecklist| b.template().unwrap();
    assert_eq!(BuiltinChecklist::ALL.len(), 7);

    // 003 "Kom godt i gang": five preparation questions for the municipality.
    let prep = t(BuiltinChecklist::MunicipalPreparation);
    assert_eq!(prep.sections.len(), 5);
    assert_eq!(prep.respondents, vec![Side::Municipality]);
    assert!(
        prep.items()
            .any(|(_, i)| i.text.da == "Har kommunen en integrationspolitik?")
    );
    assert!(
        prep.items()
            .any(|(_, i)| i.text.da == "Har kommunen en frivilligpolitik?")
    );

    // The association's standpoint: five questions with their sub-points; both sides answer.
    let standpoint = t(BuiltinChecklist::AssociationStandpoint);
    assert_eq!(standpoint.sections.len(), 5);
    assert!(standpoint.respondents.contains(&Side::CivilSociety));
    let resources = standpoint
        .sections
        .iter()
        .find(|s| s.id.as_str() == "resources")
        .unwrap();
    assert!(
        resources.items.len() >= 5,
        "premises, members, fee, volunteers, contacts, board"
    );

    // Five things to do and five to avoid, for each side, word for word.
    for (b, avoid_alignment) in [
        (
            BuiltinChecklist::MunicipalityAdvice,
            "Start ikke et samarbejde uden en grundig forventningsafstemning med foreningen.",
        ),
        (
            BuiltinChecklist::AssociationAdvice,
            "Afstem forventninger til hinanden, inden I aftaler et konkret samarbejde med kommunen. Spørg fx til kommunens rolle og opgavefordelingen mellem jer.",
        ),
    ] {
        let advice = t(b);
        assert_eq!(advice.sections.len(), 2);
        assert!(advice.sections.iter().all(|s| s.items.len() == 5));
        let item = advice
            .items()
            .find(|(_, i)| i.text.da == avoid_alignment)
            .unwrap()
            .1;
        assert!(item.critical, "the alignment advice is critical");
        assert!(
            advice
                .source_of(item)
                .unwrap()
                .section
                .starts_with("Fem ting")
        );
    }

    // The eight KEM resource-check themes, in the leaflet's order.
    let check = t(BuiltinChecklist::ResourceCheck);
    let themes: Vec<&str> = check.items().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(
        themes,
        [
            "vision",
            "strategy",
            "action-plan",
            "fundraising",
            "leadership-roles",
            "cooperation-plan",
            "budget-accounts",
            "monitoring-evaluation"
        ]
    );
    assert!(
        check
            .items()
            .all(|(_, i)| matches!(i.answer, AnswerKind::Scale { .. }))
    );

    // 001 "Anbefalinger": every item cites the evaluation.
    let lbb = t(BuiltinChecklist::LbbRecommendations);
    assert!(
        lbb.items()
            .all(|(_, i)| lbb.source_of(i).unwrap().document == SeedDocument::Lbb2017)
    );

    // The joint expectations template covers what the issue lists.
    let joint = t(BuiltinChecklist::JointExpectations);
    for id in [
        "meetings-per-month",
        "meeting-time",
        "municipal-hours",
        "civil-hours",
        "main-goal",
        "who-convenes",
        "task-contact-newcomers",
        "introduce-when",
        "meaning-volunteering",
        "meaning-citizenship",
    ] {
        assert!(joint.item(&id.into()).is_some(), "{id}");
    }
    assert_eq!(
        joint.respondents,
        vec![Side::Municipality, Side::CivilSociety]
    );
}

#[test]
fn every_builtin_item_has_both_languages_a_source_and_a_unique_id() {
    for b in BuiltinChecklist::ALL {
        let t = b.template().unwrap();
        let mut ids = std::collections::HashSet::new();
        for (_, item) in t.items() {
            assert!(
                ids.insert(item.id.clone()),
                "{}: duplicate {}",
                b.id(),
                item.id
            );
            assert!(!item.text.da.is_empty() && !item.text.en.is_empty());
            assert_ne!(
                item.text.da,
                item.text.en,
                "{}: {} is not translated",
                b.id(),
                item.id
            );
            assert!(
                t.source_of(item).is_some(),
                "{}: {} has no source",
                b.id(),
                item.id
            );
        }
    }
}

#[test]
fn builtin_templates_round_trip_through_toml_and_json() {
    for b in BuiltinChecklist::ALL {
        let t = b.template().unwrap();
        assert_eq!(
            ChecklistTemplate::from_toml(&t.to_toml().unwrap()).unwrap(),
            t
        );
        assert_eq!(
            ChecklistTemplate::from_json(&t.to_json().unwrap()).unwrap(),
            t
        );
    }
}

#[test]
fn item_views_list_a_template_in_either_language() {
    let t = BuiltinChecklist::JointExpectations.template().unwrap();
    let da = t.item_views(Lang::Da);
    let en = t.item_views(Lang::En);
    assert_eq!(da.len(), t.item_count());
    let when = da
        .iter()
        .find(|v| v.item.as_str() == "introduce-when")
        .unwrap();
    assert_eq!(when.options.len(), 4);
    assert!(when.critical);
    assert_eq!(
        when.source.as_deref(),
        Some("001 \"Hvornår skal frivilligtilbud introduceres?\"")
    );
    let hours = en
        .iter()
        .find(|v| v.item.as_str() == "civil-hours")
        .unwrap();
    assert_eq!(hours.unit.as_deref(), Some("hours per month"));
    let repeat = en
        .iter()
        .find(|v| v.item.as_str() == "introduce-repeat")
        .unwrap();
    let values: Vec<&str> = repeat.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["yes", "partly", "no", "not_relevant"]);
    assert_eq!(repeat.options[1].label, "partly");
}

// ---------------------------------------------------------------------------------------------
// Sessions

fn ikast() -> Dossier {
    Dossier::example("ikast-brande").unwrap()
}

fn holder(d: &Dossier, post: &str) -> PersonId {
    d.post(&post.into())
        .unwrap()
        .holders
        .last()
        .unwrap()
        .person
        .clone()
}

fn jobcenter() -> PartyRef {
    PartyRef::Department {
        municipality: "ikast-brande".into(),
        department: "jobcenter".into(),
    }
}

fn red_cross() -> PartyRef {
    PartyRef::Organisation {
        organisation: "DK-LOCAL-roede-kors-ikast".into(),
    }
}

fn start(d: &mut Dossier, party: PartyRef, by: &PersonId, when: &str) -> SessionId {
    d.checklists_mut()
        .start(StartChecklist {
            agreement: "ikast-nursing-internships".into(),
            party,
            template: "joint-expectations".into(),
            template_version: None,
            by: by.clone(),
            at: at(when),
            id: None,
        })
        .unwrap()
}

fn input(item: &str, value: AnswerValue) -> AnswerInput {
    AnswerInput {
        item: item.into(),
        value,
        comment: None,
    }
}

/// Answers to every item of the joint template; `variant` shifts some answers so two parties
/// can disagree.
fn full_answers(variant: bool) -> Vec<AnswerInput> {
    let choice = |id: &str| AnswerValue::Choice {
        selected: vec![id.into()],
    };
    let text = |s: &str| AnswerValue::Text { text: s.into() };
    vec![
        input(
            "meetings-per-month",
            AnswerValue::Number {
                value: if variant { 2.0 } else { 1.0 },
            },
        ),
        input(
            "meeting-time",
            AnswerValue::Choice {
                selected: vec!["daytime".into()],
            },
        ),
        input("notice-days", AnswerValue::Number { value: 14.0 }),
        input("who-convenes", choice("municipality")),
        input("municipal-hours", AnswerValue::Number { value: 6.0 }),
        input("civil-hours", AnswerValue::Number { value: 10.0 }),
        input(
            "main-goal",
            text("Praktik på plejecentre med sprog- og fagmentorer."),
        ),
        input("success", text("Flere i job.")),
        input("cooperation-level", choice("cooperation")),
        input("task-recruit-volunteers", choice("civil_society")),
        input(
            "task-contact-newcomers",
            choice(if variant { "together" } else { "municipality" }),
        ),
        input("task-run-activities", choice("together")),
        input("task-premises", choice("municipality")),
        input("task-communication", choice("together")),
        input("task-follow-up", choice("municipality")),
        input("introduce-when", choice("first-month")),
        input("introduce-repeat", AnswerValue::YesNo { value: YesNo::Yes }),
        input("meaning-volunteering", text("Ulønnet og frivilligt.")),
        input("meaning-citizenship", text("Aktiv deltagelse.")),
    ]
}

#[test]
fn a_half_done_session_saves_resumes_and_submits() {
    let mut d = ikast();
    let by = holder(&d, "ib-jobcenter-contact");
    let id = start(&mut d, jobcenter(), &by, "2019-07-01T09:00:00Z");
    assert_eq!(id.as_str(), "cs-001");
    let answers = full_answers(false);
    d.checklists_mut()
        .answer(&id, answers[..5].to_vec(), &by, at("2019-07-01T09:10:00Z"))
        .unwrap();

    // Saved half-done, the dossier goes through its file format and the session resumes.
    let mut d = Dossier::from_json(&d.to_json().unwrap()).unwrap();
    let s = d.checklists().session(&id).unwrap();
    assert_eq!(s.answers.len(), 5);
    assert!(!s.is_submitted());
    let template = d
        .checklists()
        .template(&s.template, Some(s.template_version))
        .unwrap()
        .clone();
    assert_eq!(s.unanswered(&template).len(), template.item_count() - 5);

    // Submitting too early lists every unanswered item and changes nothing.
    let before = d.clone();
    let err = d
        .checklists_mut()
        .submit(&id, &by, at("2019-07-01T09:20:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "checklists.incomplete");
    assert_eq!(err.findings().len(), template.item_count() - 5);
    assert_eq!(d, before);

    // Answering again replaces, timestamped and attributed; answers keep the template's order.
    d.checklists_mut()
        .answer(&id, answers[3..].to_vec(), &by, at("2019-07-02T10:00:00Z"))
        .unwrap();
    let s = d.checklists().session(&id).unwrap();
    assert_eq!(s.answers.len(), answers.len());
    assert_eq!(s.answers[0].item.as_str(), "meetings-per-month");
    assert_eq!(
        s.answer(&"who-convenes".into()).unwrap().at,
        at("2019-07-02T10:00:00Z")
    );
    assert_eq!(
        s.answer(&"meeting-time".into()).unwrap().at,
        at("2019-07-01T09:10:00Z")
    );
    assert!(s.answers.iter().all(|a| a.by == by));

    d.checklists_mut()
        .submit(&id, &by, at("2019-07-02T11:00:00Z"))
        .unwrap();
    assert!(d.checklists().session(&id).unwrap().is_submitted());
    // Frozen once submitted.
    let err = d
        .checklists_mut()
        .answer(&id, answers[..1].to_vec(), &by, at("2019-07-03T10:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "checklists.session_submitted");
    assert!(d.validate().is_empty(), "{:?}", d.validate());
}

#[test]
fn bad_answers_are_all_reported_with_paths_and_nothing_is_recorded() {
    let mut d = ikast();
    let by = holder(&d, "ib-jobcenter-contact");
    let id = start(&mut d, jobcenter(), &by, "2019-07-01T09:00:00Z");
    let before = d.clone();
    let bad = vec![
        input("meetings-per-month", AnswerValue::Number { value: -1.0 }),
        input("meeting-time", AnswerValue::Choice { selected: vec![] }),
        input(
            "who-convenes",
            AnswerValue::Choice {
                selected: vec!["mayor".into()],
            },
        ),
        input("no-such-item", AnswerValue::DontKnow),
        input("introduce-repeat", AnswerValue::Scale { value: 3 }),
        input("municipal-hours", AnswerValue::Number { value: f64::NAN }),
        input("meetings-per-month", AnswerValue::Number { value: 1.0 }),
    ];
    let err = d
        .checklists_mut()
        .answer(&id, bad, &by, at("2019-07-01T09:10:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "checklists.invalid_answers");
    let got: Vec<(&str, &str)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    for want in [
        ("checklists.answer_out_of_range", "answers[0].value.value"),
        (
            "checklists.answer_out_of_range",
            "answers[1].value.selected",
        ),
        ("checklists.unknown_option", "answers[2].value.selected[0]"),
        ("checklists.unknown_item", "answers[3].item"),
        ("checklists.answer_kind_mismatch", "answers[4].value"),
        ("checklists.answer_out_of_range", "answers[5].value.value"),
        ("checklists.duplicate_answer", "answers[6].item"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    assert_eq!(d, before);
    // An answer from before the session started is refused too.
    let err = d
        .checklists_mut()
        .answer(
            &id,
            full_answers(false)[..1].to_vec(),
            &by,
            at("2019-06-01T00:00:00Z"),
        )
        .unwrap_err();
    assert!(
        err.findings()
            .iter()
            .any(|f| f.code == "checklists.time_order")
    );
}

#[test]
fn sessions_are_refused_for_strangers_wrong_sides_and_unknown_things() {
    let mut d = ikast();
    let by = holder(&d, "ib-jobcenter-contact");
    let mk = |party: PartyRef, template: &str, by: PersonId| StartChecklist {
        agreement: "ikast-nursing-internships".into(),
        party,
        template: template.into(),
        template_version: None,
        by,
        at: at("2019-07-01T09:00:00Z"),
        id: None,
    };
    let before = d.clone();
    // A party to another agreement, not this one.
    let brande = PartyRef::Organisation {
        organisation: "DK-LOCAL-roede-kors-brande".into(),
    };
    let e = d
        .checklists_mut()
        .start(mk(brande, "joint-expectations", by.clone()))
        .unwrap_err();
    assert_eq!(e.code(), "checklists.not_a_party");
    // The municipal preparation is for the municipality only.
    let e = d
        .checklists_mut()
        .start(mk(red_cross(), "kem-municipal-preparation", by.clone()))
        .unwrap_err();
    assert_eq!(e.code(), "checklists.side_not_respondent");
    let e = d
        .checklists_mut()
        .start(mk(jobcenter(), "no-such", by.clone()))
        .unwrap_err();
    assert!(
        matches!(e, BrobyggerError::NotFound { ref entity, .. } if entity == "checklist_template")
    );
    let e = d
        .checklists_mut()
        .start(mk(
            jobcenter(),
            "joint-expectations",
            "p-0000-0000-0000-0000".into(),
        ))
        .unwrap_err();
    assert_eq!(e.code(), "not_found.person");
    let e = d
        .checklists_mut()
        .answer(&"cs-999".into(), vec![], &by, at("2019-07-01T09:00:00Z"))
        .unwrap_err();
    assert_eq!(e.code(), "not_found.checklist_session");
    assert_eq!(d, before);
    // Explicit ids must be well formed and unused.
    let mut req = mk(jobcenter(), "joint-expectations", by.clone());
    req.id = Some("mine".into());
    d.checklists_mut().start(req.clone()).unwrap();
    assert_eq!(
        d.checklists_mut().start(req.clone()).unwrap_err().code(),
        "validation.duplicate_id"
    );
    req.id = Some("has space".into());
    assert_eq!(
        d.checklists_mut().start(req).unwrap_err().code(),
        "validation.invalid_id"
    );
}

// ---------------------------------------------------------------------------------------------
// ChecklistAlignment, resolutions and signing readiness

fn answer_all(d: &mut Dossier, party: PartyRef, post: &str, variant: bool, day: &str) -> SessionId {
    let by = holder(d, post);
    let id = start(d, party, &by, &format!("{day}T09:00:00Z"));
    d.checklists_mut()
        .answer(
            &id,
            full_answers(variant),
            &by,
            at(&format!("{day}T10:00:00Z")),
        )
        .unwrap();
    d.checklists_mut()
        .submit(&id, &by, at(&format!("{day}T11:00:00Z")))
        .unwrap();
    id
}

fn to_signed(d: &Dossier, override_reason: Option<&str>) -> TransitionRequest {
    TransitionRequest {
        agreement: "ikast-nursing-internships".into(),
        to: AgreementStatus::Signed,
        by: holder(d, "ib-integration-lead"),
        at: at("2019-08-01T09:00:00Z"),
        note: None,
        override_reason: override_reason.map(str::to_owned),
    }
}

/// The Ikast internship agreement made ready in everything but its checklists.
fn ikast_ready_but_for_checklists() -> Dossier {
    let mut d = ikast();
    let id: AgreementId = "ikast-nursing-internships".into();
    let mut terms = d.agreement(&id).unwrap().terms().unwrap().clone();
    terms.goals.push(Goal {
        id: "g-jobs".into(),
        text: "Praktik på plejecentre fører til job.".into(),
        owner: GoalOwner::Shared,
        indicator: None,
        place: None,
    });
    terms.governance.coordinators = vec![
        "ib-jobcenter-contact".into(),
        "rk-ikast-activity-leader".into(),
    ];
    terms.routines.push(MeetingForum {
        id: "status".into(),
        name: "Statusmøde".into(),
        cadence: Cadence::Monthly,
        usual_time: Some(TimeOfDay::Afternoon),
        notice_days: 14,
        convened_by: Some("ib-jobcenter-contact".into()),
        participants: vec![jobcenter(), red_cross()],
    });
    d.lifecycle_mut().edit_terms(&id, terms).unwrap();
    let by = holder(&d, "ib-integration-lead");
    d.lifecycle_mut()
        .transition(TransitionRequest {
            agreement: id,
            to: AgreementStatus::Negotiating,
            by,
            at: at("2019-06-20T09:00:00Z"),
            note: None,
            override_reason: None,
        })
        .unwrap();
    d
}

#[test]
fn signing_waits_for_required_checklists_and_critical_divergences() {
    let mut d = ikast_ready_but_for_checklists();
    let codes = |d: &Dossier| -> Vec<String> {
        d.lifecycle()
            .preview(
                &"ikast-nursing-internships".into(),
                AgreementStatus::Signed,
                at("2019-08-01T09:00:00Z"),
            )
            .unwrap()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect()
    };
    // Required and not started by either party.
    assert_eq!(
        codes(&d),
        [
            "checklists.required_not_started",
            "checklists.required_not_started"
        ]
    );
    let request = to_signed(&d, None);
    let err = d.lifecycle_mut().transition(request).unwrap_err();
    assert_eq!(err.code(), "lifecycle.blocked");

    // The jobcentre answers everything; Red Cross has started but not finished.
    answer_all(
        &mut d,
        jobcenter(),
        "ib-jobcenter-contact",
        false,
        "2019-07-01",
    );
    let rk = holder(&d, "rk-ikast-activity-leader");
    let rk_session = start(&mut d, red_cross(), &rk, "2019-07-02T09:00:00Z");
    assert_eq!(codes(&d), ["checklists.required_incomplete"]);
    let readiness = d
        .checklists()
        .readiness(&"ikast-nursing-internships".into())
        .unwrap();
    assert!(!readiness.ready);
    assert_eq!(
        readiness.requirements[0].parties[1].session.as_ref(),
        Some(&rk_session)
    );
    assert!(!readiness.requirements[0].complete);

    // Red Cross submits, diverging on who holds the contact with newcomers (critical).
    d.checklists_mut()
        .answer(
            &rk_session,
            full_answers(true),
            &rk,
            at("2019-07-02T10:00:00Z"),
        )
        .unwrap();
    // Answers still being written do not count as stated expectations yet.
    assert_eq!(codes(&d), ["checklists.required_incomplete"]);
    d.checklists_mut()
        .submit(&rk_session, &rk, at("2019-07-02T11:00:00Z"))
        .unwrap();
    let alignment = d
        .checklists()
        .alignment(
            &"ikast-nursing-internships".into(),
            &"joint-expectations".into(),
        )
        .unwrap();
    assert_eq!(
        alignment.items[0].item.as_str(),
        "task-contact-newcomers",
        "critical first"
    );
    assert!(alignment.items[0].is_open_critical());
    assert_eq!(alignment.items[1].item.as_str(), "meetings-per-month");
    assert_eq!(alignment.items[1].status, AlignmentStatus::MajorDivergence);
    assert_eq!(codes(&d), ["checklists.critical_divergence"]);
    let request = to_signed(&d, None);
    let blocked = d.lifecycle_mut().transition(request).unwrap_err();
    let f = &blocked.findings()[0];
    assert_eq!(
        f.source.as_ref().unwrap().section,
        "Anerkendelse og respekt",
        "the item's source"
    );

    // An override goes through and is recorded with the overridden code.
    let mut overridden = d.clone();
    let request = to_signed(&overridden, Some("Kontakten afklares på første statusmøde"));
    let event = overridden.lifecycle_mut().transition(request).unwrap();
    assert_eq!(
        event.override_record.unwrap().overridden,
        ["checklists.critical_divergence"]
    );

    // Resolving the divergence clears the way.
    let by = holder(&d, "ib-jobcenter-contact");
    d.checklists_mut()
        .resolve(ResolveItem {
            agreement: "ikast-nursing-internships".into(),
            template: "joint-expectations".into(),
            item: "task-contact-newcomers".into(),
            by: by.clone(),
            at: at("2019-07-10T12:00:00Z"),
            note: "Jobcentret har kontakten og formidler til Røde Kors.".into(),
        })
        .unwrap();
    assert!(codes(&d).is_empty());
    assert!(
        d.checklists()
            .readiness(&"ikast-nursing-internships".into())
            .unwrap()
            .ready
    );
    let request = to_signed(&d, None);
    let event = d.lifecycle_mut().transition(request).unwrap();
    assert!(event.override_record.is_none());
    assert!(d.validate().is_empty(), "{:?}", d.validate());
}

#[test]
fn a_changed_answer_reopens_a_resolved_divergence() {
    let mut d = ikast_ready_but_for_checklists();
    answer_all(
        &mut d,
        jobcenter(),
        "ib-jobcenter-contact",
        false,
        "2019-07-01",
    );
    answer_all(
        &mut d,
        red_cross(),
        "rk-ikast-activity-leader",
        true,
        "2019-07-02",
    );
    let by = holder(&d, "ib-jobcenter-contact");
    d.checklists_mut()
        .resolve(ResolveItem {
            agreement: "ikast-nursing-internships".into(),
            template: "joint-expectations".into(),
            item: "task-contact-newcomers".into(),
            by,
            at: at("2019-07-10T12:00:00Z"),
            note: "Aftalt.".into(),
        })
        .unwrap();
    let agreement: AgreementId = "ikast-nursing-internships".into();
    let template: TemplateId = "joint-expectations".into();
    assert_eq!(
        d.checklists()
            .alignment(&agreement, &template)
            .unwrap()
            .counts
            .open_critical,
        0
    );
    // Red Cross answers again later (a new session supersedes the old one).
    answer_all(
        &mut d,
        red_cross(),
        "rk-ikast-activity-leader",
        true,
        "2019-07-20",
    );
    let a = d.checklists().alignment(&agreement, &template).unwrap();
    assert_eq!(a.counts.open_critical, 1);
    assert!(a.items[0].resolution.is_some() && !a.items[0].resolved);
    assert!(a.findings[0].text.en.contains("predates a changed answer"));
}

#[test]
fn each_answer_kind_is_compared_the_way_that_fits_it() {
    let d = Dossier::load(common::fixtures().join("checklists/dossiers/every-kind.input.json"))
        .unwrap();
    let a = d
        .checklists()
        .alignment(&"lejre-vb".into(), &"fixture-all-kinds".into())
        .unwrap();
    let item = |id: &str| a.items.iter().find(|i| i.item.as_str() == id).unwrap();
    // yes / partly / yes: one step on the yes–no line.
    assert_eq!(item("yes-no").status, AlignmentStatus::MinorDivergence);
    assert_eq!(item("yes-no").score, Some(0.5));
    // 2 / 5 / 4 on the scale: three steps apart.
    assert_eq!(item("scale").status, AlignmentStatus::MajorDivergence);
    assert_eq!(item("scale").score, Some(0.25));
    // 10 / 11 / 10.5 hours: a relative gap of 1/11, within the item's tolerance of 0.2.
    assert_eq!(item("hours").status, AlignmentStatus::Aligned);
    assert_eq!(item("hours").score, Some(0.909));
    // The same single choice.
    assert_eq!(item("who").status, AlignmentStatus::Aligned);
    // {morning, evening} / {evening} / {evening}: half the options in common.
    assert_eq!(item("when").status, AlignmentStatus::MinorDivergence);
    assert_eq!(item("when").score, Some(0.5));
    // The same words after spaces and case.
    assert_eq!(item("words").status, AlignmentStatus::Aligned);
    // The critical yes/no divergence comes first and is an error.
    assert_eq!(a.items[0].item.as_str(), "yes-no");
    assert_eq!(a.findings[0].code, "checklists.critical_divergence");
    assert_eq!(a.columns.len(), 3);
}

#[test]
fn dossier_templates_are_checked_and_may_not_shadow_builtins() {
    let mut d = ikast();
    let mut t = BuiltinChecklist::JointExpectations.template().unwrap();
    let err = d.checklists_mut().add_template(t.clone()).unwrap_err();
    assert_eq!(err.code(), "checklists.template_exists");
    t.version = 2;
    t.sections[0].items[0].weight = 0.0;
    let err = d.checklists_mut().add_template(t.clone()).unwrap_err();
    assert_eq!(err.code(), "checklists.invalid_template");
    assert_eq!(
        err.findings()[0].path.as_str(),
        "sections[0].items[0].weight"
    );
    t.sections[0].items[0].weight = 1.0;
    d.checklists_mut().add_template(t).unwrap();
    assert_eq!(
        d.checklists()
            .template(&"joint-expectations".into(), None)
            .unwrap()
            .version,
        2,
        "the newest version is the default"
    );
    assert!(d.validate().is_empty());
}

#[test]
fn requirements_name_parties_of_the_agreement() {
    let mut d = ikast();
    let req = |parties: Vec<PartyRef>, template: &str| ChecklistRequirement {
        agreement: "ikast-vvv".into(),
        template: template.into(),
        min_version: None,
        parties,
        note: None,
    };
    let stranger = PartyRef::Organisation {
        organisation: "DK-LOCAL-nobody".into(),
    };
    assert_eq!(
        d.checklists_mut()
            .require(req(vec![], "lbb-recommendations"))
            .unwrap_err()
            .code(),
        "checklists.no_required_parties"
    );
    assert_eq!(
        d.checklists_mut()
            .require(req(vec![stranger], "lbb-recommendations"))
            .unwrap_err()
            .code(),
        "checklists.not_a_party"
    );
    assert_eq!(
        d.checklists_mut()
            .require(req(vec![red_cross()], "nope"))
            .unwrap_err()
            .code(),
        "not_found.checklist_template"
    );
    d.checklists_mut()
        .require(req(vec![red_cross()], "lbb-recommendations"))
        .unwrap();
    d.checklists_mut()
        .require(req(vec![red_cross(), jobcenter()], "lbb-recommendations"))
        .unwrap();
    assert_eq!(d.checklists.requirements.len(), 2, "replaced, not added");
    assert!(
        d.checklists_mut()
            .remove_requirement(&"ikast-vvv".into(), &"lbb-recommendations".into())
    );
    assert!(
        !d.checklists_mut()
            .remove_requirement(&"ikast-vvv".into(), &"lbb-recommendations".into())
    );
}

#[test]
fn the_horsens_example_has_one_open_critical_divergence() {
    let d = Dossier::example("horsens").unwrap();
    assert!(d.validate().is_empty());
    let r = d.checklists().readiness(&"horsens-lawan".into()).unwrap();
    assert!(!r.ready);
    assert_eq!(r.requirements[0].open_critical, 1);
    assert!(r.requirements[0].complete);
    let a = d
        .checklists()
        .alignment(&"horsens-lawan".into(), &"joint-expectations".into())
        .unwrap();
    assert_eq!(a.items[0].item.as_str(), "introduce-when");
    assert_eq!(
        a.counts.resolved, 3,
        "the goal and the two definitions were resolved"
    );
    // The half-done standpoint session is compared with nothing yet.
    let s = d
        .checklists()
        .alignment(
            &"horsens-lawan".into(),
            &"kem-association-standpoint".into(),
        )
        .unwrap();
    assert_eq!(s.columns.len(), 1);
    assert!(!s.columns[0].submitted);
    assert!(
        s.items
            .iter()
            .all(|i| i.status == AlignmentStatus::NotCompared)
    );
}

#[test]
fn free_text_never_appears_in_findings_or_debug_output() {
    let d = Dossier::example("horsens").unwrap();
    let secrets = [
        "kommer igen af sig selv",
        "hjælper hinanden og de nye",
        "Børnene skal møde",
    ];
    let a = d
        .checklists()
        .alignment(&"horsens-lawan".into(), &"joint-expectations".into())
        .unwrap();
    let findings = format!("{:?}", a.findings);
    let debug = format!("{a:?} {d:?}");
    for s in secrets {
        assert!(!findings.contains(s), "finding quotes free text: {s}");
        assert!(!debug.contains(s), "Debug shows free text: {s}");
    }
    // The rendering is for the parties: it does show their answers, but never a person.
    let md = a.render(Format::Markdown, Lang::Da);
    assert!(md.contains("Børnene skal møde foreningen med det samme."));
    for p in &d.people {
        assert!(!md.contains(&p.name) && !md.contains(p.id.as_str()));
    }
}

#[test]
fn html_is_self_contained_and_escapes_answers() {
    let mut d = Dossier::example("horsens").unwrap();
    d.checklists.sessions[1].answers[7].value = AnswerValue::Text {
        text: "<script>alert(1)</script>".into(),
    };
    let html = d
        .checklists()
        .render_comparison(
            &"horsens-lawan".into(),
            &"joint-expectations".into(),
            Format::Html,
            Lang::En,
        )
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"));
}

// ---------------------------------------------------------------------------------------------
// Properties

fn text() -> impl Strategy<Value = Text> {
    ("[a-zæøå ]{1,12}[a-z]", "[a-z ]{1,12}[a-z]").prop_map(|(da, en)| Text::new(da, en))
}

fn answer_kind() -> impl Strategy<Value = AnswerKind> {
    prop_oneof![
        Just(AnswerKind::YesNo),
        Just(AnswerKind::Text),
        (prop::option::of(text()), prop::option::of(text()))
            .prop_map(|(low, high)| AnswerKind::Scale { low, high }),
        (
            text(),
            prop::option::of(0.0f64..10.0),
            prop::option::of(0.0f64..1.0)
        )
            .prop_map(|(unit, min, tolerance)| AnswerKind::Number {
                unit,
                unit_one: None,
                min,
                max: min.map(|m| m + 100.5),
                tolerance,
            }),
        (prop::collection::vec(text(), 2..4), any::<bool>()).prop_map(|(texts, multiple)| {
            AnswerKind::Choice {
                options: texts
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| ChoiceOption {
                        id: format!("o{i}").into(),
                        text,
                    })
                    .collect(),
                multiple,
            }
        }),
    ]
}

fn template() -> impl Strategy<Value = ChecklistTemplate> {
    (
        text(),
        prop::option::of(text()),
        1u32..20,
        prop::collection::vec(
            (
                text(),
                prop::collection::vec(
                    (
                        text(),
                        prop::collection::vec(text(), 0..2),
                        answer_kind(),
                        0.1f64..5.0,
                        any::<bool>(),
                    ),
                    1..4,
                ),
            ),
            1..3,
        ),
    )
        .prop_map(|(title, description, version, sections)| {
            let mut n = 0;
            ChecklistTemplate {
                schema_version: 1,
                id: "generated".into(),
                version,
                title,
                description,
                respondents: vec![Side::Municipality, Side::CivilSociety],
                source: Some(SourceRef::new(SeedDocument::Kem2017, "Gode råd")),
                sections: sections
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, items))| ChecklistSection {
                        id: format!("s{i}").into(),
                        title,
                        intro: None,
                        items: items
                            .into_iter()
                            .map(|(text, guidance, answer, weight, critical)| {
                                n += 1;
                                ChecklistItem {
                                    id: format!("i{n}").into(),
                                    text,
                                    guidance,
                                    answer,
                                    weight,
                                    critical,
                                    source: None,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
}

/// A value that fits `kind`, from a seed.
fn value_for(kind: &AnswerKind, seed: u32) -> AnswerValue {
    match kind {
        AnswerKind::YesNo => AnswerValue::YesNo {
            value: [YesNo::Yes, YesNo::Partly, YesNo::No, YesNo::NotRelevant][(seed % 4) as usize],
        },
        AnswerKind::Scale { .. } => AnswerValue::Scale {
            value: (seed % 5) as u8 + 1,
        },
        AnswerKind::Number { min, .. } => AnswerValue::Number {
            value: min.unwrap_or(0.0) + f64::from(seed % 50) / 2.0,
        },
        AnswerKind::Choice { options, multiple } => {
            let k = seed as usize % options.len();
            let mut selected = vec![options[k].id.clone()];
            if *multiple && seed.is_multiple_of(3) {
                selected.push(options[(k + 1) % options.len()].id.clone());
            }
            AnswerValue::Choice { selected }
        }
        AnswerKind::Text => AnswerValue::Text {
            text: ["a", "b", "A "][(seed % 3) as usize].into(),
        },
    }
}

/// The Ikast dossier with `t` as its own template and two submitted sessions answering it.
fn answered(t: &ChecklistTemplate, seeds_a: &[u32], seeds_b: &[u32], swap: bool) -> Dossier {
    let mut d = ikast();
    d.checklists_mut().add_template(t.clone()).unwrap();
    let parties = [
        (jobcenter(), holder(&d, "ib-jobcenter-contact"), seeds_a),
        (red_cross(), holder(&d, "rk-ikast-activity-leader"), seeds_b),
    ];
    for (k, (party, by, seeds)) in parties.iter().enumerate() {
        let seeds = if swap { [seeds_b, seeds_a][k] } else { *seeds };
        let id = d
            .checklists_mut()
            .start(StartChecklist {
                agreement: "ikast-nursing-internships".into(),
                party: party.clone(),
                template: t.id.clone(),
                template_version: Some(t.version),
                by: by.clone(),
                at: at("2019-07-01T09:00:00Z"),
                id: None,
            })
            .unwrap();
        let answers = t
            .items()
            .zip(seeds.iter().cycle())
            .map(|((_, item), s)| input(item.id.as_str(), value_for(&item.answer, *s)))
            .collect();
        d.checklists_mut()
            .answer(&id, answers, by, at("2019-07-01T10:00:00Z"))
            .unwrap();
        d.checklists_mut()
            .submit(&id, by, at("2019-07-01T11:00:00Z"))
            .unwrap();
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_valid_template_survives_toml_and_json(t in template()) {
        prop_assert!(t.validate().is_empty(), "{:?}", t.validate());
        prop_assert_eq!(&ChecklistTemplate::from_toml(&t.to_toml().unwrap()).unwrap(), &t);
        prop_assert_eq!(&ChecklistTemplate::from_json(&t.to_json().unwrap()).unwrap(), &t);
    }

    #[test]
    fn scores_are_bounded_symmetric_and_one_for_identical_answers(
        t in template(),
        a in prop::collection::vec(0u32..100, 1..8),
        b in prop::collection::vec(0u32..100, 1..8),
    ) {
        let agreement: AgreementId = "ikast-nursing-internships".into();
        let d = answered(&t, &a, &b, false);
        let x = d.checklists().alignment(&agreement, &t.id).unwrap();
        let y = answered(&t, &a, &b, true).checklists().alignment(&agreement, &t.id).unwrap();
        for i in &x.items {
            prop_assert!(i.score.is_none_or(|s| (0.0..=1.0).contains(&s)));
            let j = y.items.iter().find(|j| j.item == i.item).unwrap();
            prop_assert_eq!((i.status, i.score), (j.status, j.score), "swapping the parties changes nothing");
        }
        prop_assert!(x.score.is_none_or(|s| (0.0..=1.0).contains(&s)));
        prop_assert_eq!(x.coverage, 1.0);
        // Critical divergences come first.
        let first_other = x.items.iter().position(|i| !i.is_open_critical()).unwrap_or(x.items.len());
        prop_assert!(x.items[first_other..].iter().all(|i| !i.is_open_critical()));
        // The dossier with its sessions survives its file format.
        prop_assert_eq!(&Dossier::from_json(&d.to_json().unwrap()).unwrap(), &d);
        prop_assert!(d.validate().is_empty(), "{:?}", d.validate());

        let same = answered(&t, &a, &a, false).checklists().alignment(&agreement, &t.id).unwrap();
        prop_assert!(same.items.iter().all(|i| i.status == AlignmentStatus::Aligned), "{:?}", same.items);
        prop_assert_eq!(same.score, Some(1.0));
        prop_assert_eq!(same.counts.open_critical, 0);
    }

    #[test]
    fn template_text_never_panics(s in "\\PC{0,300}") {
        let _ = ChecklistTemplate::from_toml(&s);
        let _ = ChecklistTemplate::from_json(&s);
    }

    #[test]
    fn corrupted_builtin_templates_never_panic(pos in 0usize..20_000, byte in any::<u8>(), which in 0usize..7) {
        let mut bytes = BuiltinChecklist::ALL[which].toml().as_bytes().to_vec();
        let pos = pos % bytes.len();
        bytes[pos] = byte;
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(t) = ChecklistTemplate::from_toml(text)
        {
            let _ = t.item_views(Lang::Da);
            prop_assert!(t.to_toml().is_ok());
        }
    }
}
