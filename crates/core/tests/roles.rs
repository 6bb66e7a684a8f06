#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Role splits: the shared fixtures (analysis, structural validation, operations), golden
//! matrices and diffs of the built-in examples, and the domain behaviour behind them.

mod common;

use brobygger::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fs;
use std::path::PathBuf;

fn cases(dir: &str) -> Vec<(String, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(common::fixtures().join(dir))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p
                .file_name()?
                .to_str()?
                .strip_suffix(".input.json")?
                .to_owned();
            Some((name, p))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no cases in {dir}");
    out
}

fn expected_path(input: &std::path::Path, name: &str) -> PathBuf {
    input.with_file_name(format!("{name}.expected.json"))
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn row(f: &Finding) -> Value {
    json!({"severity": f.severity, "code": f.code, "path": f.path})
}

fn row_with_source(f: &Finding) -> Value {
    json!({
        "severity": f.severity,
        "code": f.code,
        "path": f.path,
        "source": f.source.as_ref().map(SourceRef::cite),
    })
}

/// The error of an operation in the fixtures' terms: kind, code, and the path or entity.
fn error_row(e: &BrobyggerError) -> Value {
    match e {
        BrobyggerError::NotFound { code, entity, .. } => {
            json!({"kind": "not_found", "code": code, "entity": entity})
        }
        BrobyggerError::InvalidInput { code, path, .. } => {
            json!({"kind": "invalid_input", "code": code, "path": path})
        }
        BrobyggerError::Validation { code, findings } => json!({
            "kind": "validation",
            "code": code,
            "findings": findings.iter().map(row).collect::<Vec<_>>(),
        }),
        other => panic!("unexpected error kind {other:?}"),
    }
}

fn agreement_index(d: &Dossier, id: &str) -> usize {
    d.agreements
        .iter()
        .position(|a| a.id.as_str() == id)
        .unwrap()
}

// ---------------------------------------------------------------- shared fixtures

#[test]
fn analysis_fixtures_report_every_expected_finding() {
    for (name, input) in cases("roles/analysis") {
        let d = Dossier::load(&input).unwrap();
        let analysis: Vec<Value> = d
            .agreements
            .iter()
            .map(|a| {
                let findings = d.roles(&a.id).analyse(RoleOptions::default()).unwrap();
                json!({
                    "agreement": a.id,
                    "findings": findings.iter().map(row_with_source).collect::<Vec<_>>(),
                })
            })
            .collect();
        let actual = json!({
            "validation": d.validate().iter().map(row).collect::<Vec<_>>(),
            "analysis": analysis,
        });
        common::golden(&expected_path(&input, &name), &pretty(&actual));
    }
}

#[test]
fn operation_fixtures_apply_all_or_nothing() {
    for (name, input) in cases("roles/operations") {
        let case: Value = serde_json::from_str(&fs::read_to_string(&input).unwrap()).unwrap();
        let mut d = Dossier::example(case["example"].as_str().unwrap()).unwrap();
        let before = d.clone();
        let agreement: AgreementId = case["agreement"].as_str().unwrap().into();
        let changes: Vec<RoleChange> = serde_json::from_value(case["changes"].clone()).unwrap();
        let actual = match d.roles_mut(&agreement).change(&changes) {
            Ok(()) => {
                let split = d.roles(&agreement).split(None).unwrap();
                json!({"error": null, "roles": split})
            }
            Err(e) => {
                assert_eq!(
                    d, before,
                    "case {name}: a failed change must change nothing"
                );
                json!({"error": error_row(&e)})
            }
        };
        common::golden(&expected_path(&input, &name), &pretty(&actual));
    }
}

// ---------------------------------------------------------------- golden files

/// The agreements whose matrices are golden files.
const MATRICES: [(&str, &str); 4] = [
    ("aalborg", "aalborg-lbb"),
    ("ikast-brande", "ikast-vvv"),
    ("ikast-brande", "ikast-nursing-internships"),
    ("horsens", "horsens-lawan"),
];

/// The date the golden matrices look post holders up on (the same as the golden summaries).
fn golden_as_of() -> RoleOptions {
    RoleOptions::as_of(date("2019-06-30"))
}

#[test]
fn golden_matrices_in_markdown_and_html_in_both_languages() {
    let golden = common::fixtures().join("golden");
    for (example, agreement) in MATRICES {
        let d = Dossier::example(example).unwrap();
        let m = d.roles(&agreement.into()).matrix(golden_as_of()).unwrap();
        for lang in [Lang::Da, Lang::En] {
            let code = lang.code();
            common::golden(
                &golden.join(format!("roles-{agreement}-{code}.md")),
                &m.markdown(lang),
            );
            common::golden(
                &golden.join(format!("roles-{agreement}-{code}.html")),
                &m.html(lang),
            );
        }
    }
}

#[test]
fn golden_diff_between_the_aalborg_versions() {
    let d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let golden = common::fixtures().join("golden");
    for lang in [Lang::Da, Lang::En] {
        common::golden(
            &golden.join(format!("roles-diff-aalborg-lbb-{}.md", lang.code())),
            &d.roles(&id).describe_diff(1, 2, lang).unwrap(),
        );
    }
    let diff = d.roles(&id).diff(1, 2).unwrap();
    common::golden(
        &golden.join("roles-diff-aalborg-lbb.json"),
        &(serde_json::to_string_pretty(&diff).unwrap() + "\n"),
    );
}

// ---------------------------------------------------------------- the examples

#[test]
fn every_example_agreement_has_a_split_without_errors_that_covers_its_activities() {
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        assert!(!d.validate().has_errors(), "{}", e.name());
        for a in &d.agreements {
            for v in &a.versions {
                let findings = d
                    .roles(&a.id)
                    .analyse(RoleOptions::version(v.number))
                    .unwrap();
                assert!(
                    !findings.has_errors(),
                    "{} v{}: {findings:?}",
                    a.id,
                    v.number
                );
                assert!(findings.with_code("roles.no_split").is_empty(), "{}", a.id);
                assert!(
                    findings.with_code("roles.activity_without_task").is_empty(),
                    "{}",
                    a.id
                );
                // The statutory line holds: municipal parties only carry statutory tasks.
                let tasks = d
                    .roles(&a.id)
                    .tasks(RoleOptions::version(v.number))
                    .unwrap();
                for t in tasks.iter().filter(|t| t.statutory) {
                    for c in d
                        .roles(&a.id)
                        .carriers(&t.task, RoleOptions::version(v.number))
                        .unwrap()
                    {
                        assert!(!c.role.carries() || c.party.is_municipal(), "{}", t.key);
                    }
                }
            }
        }
    }
}

#[test]
fn the_examples_show_the_findings_their_seeds_warn_about() {
    let ikast = Dossier::example("ikast-brande").unwrap();
    let f = ikast
        .roles(&"ikast-vvv".into())
        .analyse(RoleOptions::default())
        .unwrap();
    // About 100 volunteers lean on one Red Cross branch: its tasks exceed its declared time.
    let load = f.with_code("roles.load_exceeds_hours");
    assert_eq!(load.len(), 1);
    assert_eq!(
        load[0].path.as_str(),
        "agreements[0].versions[0].terms.resources[2]"
    );
    // Three branches match volunteers, but they share the dialogue forum: no double coverage.
    assert!(f.with_code("roles.double_coverage").is_empty());

    let aalborg = Dossier::example("aalborg").unwrap();
    let f = aalborg
        .roles(&"aalborg-lbb".into())
        .analyse(RoleOptions::default())
        .unwrap();
    let missing: Vec<&str> = f
        .with_code("roles.department_not_involved")
        .iter()
        .map(|f| f.text.en.as_str())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].contains("social services") && missing[1].contains("culture and leisure"));
}

// ---------------------------------------------------------------- operations

fn horsens() -> (Dossier, AgreementId) {
    (Dossier::example("horsens").unwrap(), "horsens-lawan".into())
}

fn fritid() -> PartyRef {
    PartyRef::parse_key("department:horsens/fritid").unwrap()
}

fn lawan() -> PartyRef {
    PartyRef::parse_key("organisation:DK-LOCAL-lawan-horsens").unwrap()
}

#[test]
fn assign_then_unassign_restores_the_split() {
    let (mut d, id) = horsens();
    let before = d.clone();
    let task = TaskRef::catalogue("evaluate");
    d.roles_mut(&id)
        .assign(
            Assignment::new(task.clone(), fritid(), Raci::Responsible)
                .carried_by_post("horsens-leisure-consultant")
                .with_hours(1.0),
        )
        .unwrap();
    assert_eq!(
        d.roles(&id)
            .matrix(RoleOptions::default())
            .unwrap()
            .roles_of("evaluate", "department:horsens/fritid"),
        Some(&[Raci::Responsible][..])
    );
    let removed = d
        .roles_mut(&id)
        .unassign(&task, &fritid(), Raci::Responsible)
        .unwrap();
    assert_eq!(removed.hours_per_month, Some(1.0));
    assert_eq!(d, before);
}

#[test]
fn a_second_accountable_is_refused_with_a_clear_error_and_changes_nothing() {
    let (mut d, id) = horsens();
    let before = d.clone();
    let err = d
        .roles_mut(&id)
        .assign(Assignment::new(
            TaskRef::activity("act-festival"),
            lawan(),
            Raci::Accountable,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "roles.second_accountable");
    assert!(
        matches!(&err, BrobyggerError::InvalidInput { path, reason, .. }
            if path == "assignment.role" && reason.contains("department:horsens/fritid")),
        "{err:?}"
    );
    assert_eq!(d, before);
    // Moving accountability is one batch: unassign, then assign.
    d.roles_mut(&id)
        .change(&[
            RoleChange::Unassign {
                task: TaskRef::activity("act-festival"),
                party: fritid(),
                role: Raci::Accountable,
            },
            RoleChange::Assign {
                assignment: Assignment::new(
                    TaskRef::activity("act-festival"),
                    lawan(),
                    Raci::Accountable,
                )
                .carried_by_post("lawan-chair"),
            },
        ])
        .unwrap();
    let carriers = d
        .roles(&id)
        .carriers(&TaskRef::activity("act-festival"), RoleOptions::default())
        .unwrap();
    let accountable: Vec<&Carrying> = carriers
        .iter()
        .filter(|c| c.role == Raci::Accountable)
        .collect();
    assert_eq!(accountable.len(), 1);
    assert_eq!(accountable[0].party, lawan());
}

#[test]
fn operations_refuse_bad_input_with_paths() {
    let (mut d, id) = horsens();
    let before = d.clone();
    let assign = |task: TaskRef, party: PartyRef, role: Raci| RoleChange::Assign {
        assignment: Assignment::new(task, party, role),
    };
    // (changes, code, path or entity)
    let ok = assign(TaskRef::catalogue("evaluate"), fritid(), Raci::Responsible);
    let cases: Vec<(Vec<RoleChange>, &str, &str)> = vec![
        (
            vec![
                ok.clone(),
                assign(TaskRef::catalogue("evaluate"), fritid(), Raci::Responsible),
            ],
            "roles.already_assigned",
            "changes[1].assignment.role",
        ),
        (
            vec![
                ok.clone(),
                assign(TaskRef::catalogue("evaluate"), fritid(), Raci::Informed),
            ],
            "roles.conflicting_roles",
            "changes[1].assignment.role",
        ),
        (
            vec![RoleChange::Assign {
                assignment: Assignment::new(
                    TaskRef::catalogue("evaluate"),
                    fritid(),
                    Raci::Responsible,
                )
                .with_hours(-2.0),
            }],
            "roles.invalid_hours",
            "changes[0].assignment.hours_per_month",
        ),
        (
            vec![RoleChange::DefineTask {
                task: CustomTask {
                    id: "coordinate".into(),
                    name: "Koordinering".into(),
                    statutory: false,
                    description: None,
                },
            }],
            "roles.task_id_taken",
            "changes[0].task.id",
        ),
        (
            vec![RoleChange::DefineTask {
                task: CustomTask {
                    id: "t-x".into(),
                    name: " ".into(),
                    statutory: false,
                    description: None,
                },
            }],
            "validation.empty_text",
            "changes[0].task.name",
        ),
        (
            vec![RoleChange::DefineTask {
                task: CustomTask {
                    id: "has space".into(),
                    name: "X".into(),
                    statutory: false,
                    description: None,
                },
            }],
            "validation.invalid_id",
            "changes[0].task.id",
        ),
        (vec![], "roles.no_changes", "changes"),
    ];
    for (changes, code, path) in cases {
        let err = d.roles_mut(&id).change(&changes).unwrap_err();
        assert_eq!(err.code(), code, "{err:?}");
        let BrobyggerError::InvalidInput { path: p, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(p, path);
        assert_eq!(d, before, "{code}");
    }
    // Not-found errors name the entity.
    let err = d
        .roles_mut(&id)
        .assign(
            Assignment::new(TaskRef::catalogue("evaluate"), fritid(), Raci::Responsible)
                .carried_by_post("no-such-post"),
        )
        .unwrap_err();
    assert!(matches!(&err, BrobyggerError::NotFound { entity, .. } if entity == "post"));
    let err = d
        .roles_mut(&id)
        .assign(Assignment {
            carried_by: Some(Carrier::Person {
                person: "p-0000-0000-0000-0001".into(),
            }),
            ..Assignment::new(TaskRef::catalogue("evaluate"), fritid(), Raci::Responsible)
        })
        .unwrap_err();
    assert!(matches!(&err, BrobyggerError::NotFound { entity, .. } if entity == "person"));
    let err = d
        .roles_mut(&"nope".into())
        .assign(Assignment::new(
            TaskRef::catalogue("evaluate"),
            fritid(),
            Raci::Responsible,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "not_found.agreement");
    assert_eq!(d, before);
}

#[test]
fn a_custom_task_is_defined_used_and_removed() {
    let (mut d, id) = horsens();
    let task = TaskRef::custom("t-bus");
    d.roles_mut(&id)
        .change(&[
            RoleChange::DefineTask {
                task: CustomTask {
                    id: "t-bus".into(),
                    name: "Bus til festivalen".into(),
                    statutory: false,
                    description: None,
                },
            },
            RoleChange::Assign {
                assignment: Assignment::new(task.clone(), lawan(), Raci::Responsible),
            },
        ])
        .unwrap();
    let remove = RoleChange::RemoveTask { id: "t-bus".into() };
    let err = d
        .roles_mut(&id)
        .change(std::slice::from_ref(&remove))
        .unwrap_err();
    assert_eq!(err.code(), "roles.task_in_use");
    d.roles_mut(&id)
        .change(&[
            RoleChange::Unassign {
                task,
                party: lawan(),
                role: Raci::Responsible,
            },
            remove,
        ])
        .unwrap();
    assert_eq!(d, Dossier::example("horsens").unwrap());
}

#[test]
fn binding_agreements_change_their_split_by_amendment_only() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    let id: AgreementId = "ikast-vvv".into();
    let change = RoleChange::Assign {
        assignment: Assignment::new(
            TaskRef::catalogue("evaluate"),
            PartyRef::parse_key("department:ikast-brande/integration").unwrap(),
            Raci::Responsible,
        ),
    };
    let err = d
        .roles_mut(&id)
        .change(std::slice::from_ref(&change))
        .unwrap_err();
    assert_eq!(err.code(), "lifecycle.binding_terms");

    let by = d.post(&"ib-integration-lead".into()).unwrap().holders[0]
        .person
        .clone();
    let amendment = Amendment {
        on: date("2019-09-01"),
        by,
        reason: "Evalueringen placeres hos integrationsafdelingen.".into(),
    };
    assert_eq!(
        d.roles_mut(&id)
            .amend(std::slice::from_ref(&change), amendment.clone())
            .unwrap(),
        2
    );
    let diff = d.roles(&id).diff(1, 2).unwrap();
    assert_eq!(diff.added.len(), 1);
    assert!(diff.removed.is_empty() && diff.changed.is_empty());
    assert_eq!(d.roles(&id).diff(2, 1).unwrap().removed, diff.added);
    // Version 1 is untouched and still readable.
    assert!(
        d.roles(&id)
            .split(Some(1))
            .unwrap()
            .assignments
            .iter()
            .all(|a| a.task != TaskRef::catalogue("evaluate"))
    );
    // A failing change makes no version.
    let err = d
        .roles_mut(&id)
        .amend(std::slice::from_ref(&change), amendment)
        .unwrap_err();
    assert_eq!(err.code(), "roles.already_assigned");
    assert_eq!(d.agreement(&id).unwrap().versions.len(), 2);
    assert_eq!(
        d.roles(&id).diff(1, 9).unwrap_err().code(),
        "not_found.version"
    );
}

#[test]
fn change_sets_read_from_json_with_paths_and_no_values() {
    let changes = RoleChange::list_from_json(
        r#"[{"type": "unassign", "task": {"type": "catalogue", "id": "coordinate"},
             "party": {"type": "municipality", "municipality": "horsens"}, "role": "informed"},
            {"type": "remove_task", "id": "t-x"}]"#,
    )
    .unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1], RoleChange::RemoveTask { id: "t-x".into() });
    let err = RoleChange::list_from_json(
        r#"[{"type": "remove_task", "id": "t-x"}, {"type": "fire", "who": "Mette Lund"}]"#,
    )
    .unwrap_err();
    let BrobyggerError::Parse {
        code, path, reason, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("input.bad_changes", "[1].type")
    );
    assert!(
        !reason.contains("fire") && !format!("{err}").contains("Mette"),
        "{err}"
    );
}

// ---------------------------------------------------------------- the statutory line

#[test]
fn a_statutory_task_held_by_an_organisation_blocks_signing_and_no_override_passes_it() {
    let (mut d, id) = horsens();
    d.roles_mut(&id)
        .assign(Assignment::new(
            TaskRef::catalogue("school_daycare_placement"),
            lawan(),
            Raci::Responsible,
        ))
        .unwrap();
    let findings = d.roles(&id).analyse(RoleOptions::default()).unwrap();
    let statutory = findings.with_code("roles.statutory_outside_municipality");
    assert_eq!(statutory.len(), 1);
    assert_eq!(statutory[0].severity, Severity::Error);
    assert_eq!(
        statutory[0].source.as_ref().map(SourceRef::cite).as_deref(),
        Some("001 \"Anerkendelse og respekt\"")
    );
    let by = d
        .post(&"horsens-leisure-consultant".into())
        .unwrap()
        .holders[0]
        .person
        .clone();
    let request = TransitionRequest {
        agreement: id.clone(),
        to: AgreementStatus::Signed,
        by,
        at: brobygger::start_of_day(date("2017-08-15")),
        note: None,
        override_reason: None,
    };
    let err = d.lifecycle_mut().transition(request.clone()).unwrap_err();
    assert_eq!(err.code(), "lifecycle.statutory_line");
    // The refusal names the task and the statute that lays it on the municipality.
    let line = err.findings();
    assert_eq!(line.len(), 1);
    assert_eq!(line[0].code, "roles.statutory_outside_municipality");
    assert!(
        line[0].text.en.contains("'school_daycare_placement'")
            && line[0]
                .text
                .en
                .contains("under folkeskoleloven; dagtilbudsloven"),
        "{:?}",
        line[0].text
    );
    assert!(
        line[0]
            .text
            .da
            .contains("efter folkeskoleloven; dagtilbudsloven")
    );
    // The preview shows it too, whatever the policy.
    let preview = d
        .lifecycle()
        .preview_with(
            &id,
            AgreementStatus::Signed,
            request.at,
            &brobygger::TransitionPolicy::empty(),
        )
        .unwrap();
    assert_eq!(preview, line);
    assert_eq!(
        d.agreement(&id).unwrap().status,
        AgreementStatus::Negotiating
    );
    // Consulting the association about the placement is fine.
    let mut fixed = d.clone();
    fixed
        .roles_mut(&id)
        .change(&[
            RoleChange::Unassign {
                task: TaskRef::catalogue("school_daycare_placement"),
                party: lawan(),
                role: Raci::Responsible,
            },
            RoleChange::Assign {
                assignment: Assignment::new(
                    TaskRef::catalogue("school_daycare_placement"),
                    lawan(),
                    Raci::Consulted,
                ),
            },
        ])
        .unwrap();
    // (Horsens also has an open critical checklist divergence, which may still block: only the
    // role findings are gone.)
    if let Err(e) = fixed.lifecycle_mut().transition(request.clone()) {
        assert!(
            !e.findings().iter().any(|f| f.code.starts_with("roles.")),
            "{e:?}"
        );
    }
    // No override signs it away, whatever the reason says, nor a policy without the rule,
    // nor activation; nothing changes.
    let before = d.clone();
    for reason in [
        "vi gør det alligevel",
        "Midlertidigt, indtil kommunen overtager.",
    ] {
        let overriding = TransitionRequest {
            override_reason: Some(reason.into()),
            ..request.clone()
        };
        let e = d
            .lifecycle_mut()
            .transition(overriding.clone())
            .unwrap_err();
        assert_eq!(e.code(), "lifecycle.statutory_line");
        let e = d
            .lifecycle_mut()
            .transition_with(overriding, &brobygger::TransitionPolicy::empty())
            .unwrap_err();
        assert_eq!(e.code(), "lifecycle.statutory_line");
    }
    assert_eq!(d, before);
}

#[test]
fn double_coverage_needs_a_shared_forum() {
    let (mut d, id) = horsens();
    let i = agreement_index(&d, "horsens-lawan");
    // Both Responsible for the festival share the network forum; without it they do not.
    assert!(
        d.roles(&id)
            .analyse(RoleOptions::default())
            .unwrap()
            .with_code("roles.double_coverage")
            .is_empty()
    );
    d.agreements[i].versions[0].terms.routines.clear();
    let findings = d.roles(&id).analyse(RoleOptions::default()).unwrap();
    let double = findings.with_code("roles.double_coverage");
    assert_eq!(double.len(), 2, "coordinate and the festival");
    assert!(
        double
            .iter()
            .all(|f| f.source.as_ref().unwrap().document == SeedDocument::Kl2015)
    );
}

#[test]
fn carriers_follow_the_posts_through_handovers() {
    let mut d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let coordinate = TaskRef::catalogue("coordinate");
    let ctf = PartyRef::parse_key("department:aalborg/ctf").unwrap();
    let lead_on = |d: &Dossier, day: &str| {
        d.roles(&id)
            .carriers(&coordinate, RoleOptions::as_of(date(day)))
            .unwrap()
            .into_iter()
            .find(|c| c.party == ctf && c.role == Raci::Responsible)
            .unwrap()
    };
    // The project lead changed in 2016: the post carries the task, the holder changes.
    let before = lead_on(&d, "2015-06-01");
    let after = lead_on(&d, "2016-06-01");
    assert_eq!(before.post, after.post);
    assert_ne!(before.person, after.person);

    // A handover moves the post; the split itself does not change.
    let rk = PartyRef::parse_key("organisation:DK-LOCAL-roede-kors-aalborg").unwrap();
    let old = d.post(&"rk-aalborg-coordinator".into()).unwrap().holders[0]
        .person
        .clone();
    let new = PersonId::generate();
    d.people.push(Person {
        id: new.clone(),
        name: "Ny Koordinator".into(),
        email: None,
        phone: None,
        child_protection_certificate: None,
        notes: None,
    });
    let split_before = d.roles(&id).split(None).unwrap().clone();
    d.posts_mut()
        .handover(&Handover {
            from: old.clone(),
            to: new.clone(),
            on: date("2018-01-01"),
            scope: HandoverScope::AllPosts,
        })
        .unwrap();
    assert_eq!(d.roles(&id).split(None).unwrap(), &split_before);
    let duties = d.roles(&id).duties(&rk, RoleOptions::default()).unwrap();
    let carried: Vec<&Duty> = duties
        .iter()
        .filter(|duty| duty.assignment.carried_by.is_some())
        .collect();
    assert!(!carried.is_empty());
    let matching = d
        .roles(&id)
        .carriers(
            &TaskRef::catalogue("match_volunteers"),
            RoleOptions::as_of(date("2018-02-01")),
        )
        .unwrap();
    let a = matching
        .iter()
        .find(|c| c.role == Raci::Accountable)
        .unwrap();
    assert_eq!(a.person.as_ref(), Some(&new));
}

#[test]
fn a_vacant_post_and_a_single_person_are_continuity_risks() {
    let d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    // Before the integration contact post was first held (2017-06-01) it is vacant.
    let early = d
        .roles(&id)
        .analyse(RoleOptions::as_of(date("2017-01-01")))
        .unwrap();
    let vacant = early.with_code("roles.vacant_carrier");
    assert_eq!(vacant.len(), 1);
    assert!(vacant[0].text.en.contains("horsens-integration-contact"));
    let later = d
        .roles(&id)
        .analyse(RoleOptions::as_of(date("2017-09-01")))
        .unwrap();
    assert!(later.with_code("roles.vacant_carrier").is_empty());
    // Every accountability of Kultur og Fritid rests on the leisure consultant.
    let spof = later.with_code("roles.single_point_of_failure");
    assert!(
        spof.iter()
            .any(|f| f.text.en.contains("Kultur og Fritid (Horsens Kommune)"))
    );
}

#[test]
fn whole_municipality_questions_include_its_departments() {
    let d = Dossier::example("ikast-brande").unwrap();
    let id: AgreementId = "ikast-vvv".into();
    let whole = PartyRef::parse_key("municipality:ikast-brande").unwrap();
    let jobcentre = PartyRef::parse_key("department:ikast-brande/jobcenter").unwrap();
    let all = d.roles(&id).duties(&whole, RoleOptions::default()).unwrap();
    let jc = d
        .roles(&id)
        .duties(&jobcentre, RoleOptions::default())
        .unwrap();
    assert!(all.len() > jc.len() && !jc.is_empty());
    assert!(jc.iter().all(|duty| all.contains(duty)));
    assert!(
        jc.iter().any(|duty| duty.task.key == "employment_measures"
            && duty.assignment.role == Raci::Accountable)
    );
    let err = d
        .roles(&id)
        .duties(
            &PartyRef::parse_key("organisation:DK-LOCAL-nobody").unwrap(),
            RoleOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_found.party");
    let err = d
        .roles(&id)
        .carriers(&TaskRef::activity("nope"), RoleOptions::default())
        .unwrap_err();
    assert_eq!(err.code(), "not_found.task");
}

// ---------------------------------------------------------------- rendering and privacy

#[test]
fn rendering_escapes_names_and_stays_self_contained() {
    let (mut d, id) = horsens();
    d.organisations[0].name = "LAWAN <script>alert(1)</script> | \"Horsens\"".into();
    let m = d.roles(&id).matrix(RoleOptions::default()).unwrap();
    let html = m.html(Lang::En);
    assert!(!html.contains("<script>"));
    assert!(html.contains("LAWAN &lt;script&gt;alert(1)&lt;/script&gt; | &quot;Horsens&quot;"));
    for external in ["http://", "https://", "<link", "<img", "src=", "<script"] {
        assert!(!html.contains(external), "{external}");
    }
    for class in ["role-r", "role-a", "role-c", "role-i"] {
        assert!(
            html.contains(&format!(".{class} {{")),
            "{class} has a colour"
        );
    }
    let md = m.markdown(Lang::En);
    // Markup in a name is text in Markdown too: a renderer must not run the script.
    assert!(md.contains("LAWAN \\<script\\>alert(1)\\</script\\> \\| \"Horsens\""));
    // Every row of the matrix has one cell per party plus the task and § columns (the
    // appendix of paths after it is a table of its own).
    let matrix = md.split("## Appendix").next().unwrap();
    for line in matrix.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.matches(" |").count();
        assert_eq!(cells, m.parties.len() + 2, "{line}");
    }
    // Labels follow the language.
    assert!(m.markdown(Lang::Da).contains("| Opgave |"));
    assert!(m.html(Lang::Da).contains("<html lang=\"da\">"));
}

#[test]
fn reports_name_no_person() {
    for e in Example::ALL {
        let mut d = e.dossier().unwrap();
        // A cell carried by a named person shows as such, never by name.
        let i = 0;
        let person = d.people[0].id.clone();
        let k = d.agreements[i].versions.len() - 1;
        if let Some(a) = d.agreements[i].versions[k]
            .terms
            .roles
            .assignments
            .first_mut()
        {
            a.carried_by = Some(Carrier::Person {
                person: person.clone(),
            });
        }
        let secrets: Vec<String> = d
            .people
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
            .collect();
        for a in &d.agreements {
            let m = d.roles(&a.id).matrix(RoleOptions::default()).unwrap();
            let texts = [
                m.markdown(Lang::Da),
                m.markdown(Lang::En),
                m.html(Lang::Da),
                m.html(Lang::En),
                format!("{m:?}"),
                serde_json::to_string(&m).unwrap(),
            ];
            for text in &texts {
                for s in &secrets {
                    assert!(!text.contains(s.as_str()), "{}: {s}", a.id);
                }
            }
        }
        let first = &d.agreements[i];
        let md = d
            .roles(&first.id)
            .matrix(RoleOptions::default())
            .unwrap()
            .markdown(Lang::En);
        assert!(md.contains("named person"), "{}", e.name());
    }
}

#[test]
fn the_all_catalogue_option_lists_every_catalogue_task_for_planning() {
    let d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    let used = d.roles(&id).tasks(RoleOptions::default()).unwrap();
    let all = d
        .roles(&id)
        .tasks(RoleOptions {
            all_catalogue_tasks: true,
            ..RoleOptions::default()
        })
        .unwrap();
    assert_eq!(
        all.len(),
        used.len() + TaskCatalogue::builtin().tasks.len() - 4,
        "4 catalogue tasks are in use"
    );
    assert!(all[0].statutory && all[0].key == "integration_contract");
    assert!(all.iter().any(|t| t.key == "custom:t-project-plan"));
}

// ---------------------------------------------------------------- properties

fn change() -> impl Strategy<Value = RoleChange> {
    let task = prop_oneof![
        prop::sample::select(vec![
            "coordinate",
            "evaluate",
            "school_daycare_placement",
            "nope"
        ])
        .prop_map(TaskRef::catalogue),
        prop::sample::select(vec!["act-festival", "act-children", "act-network", "act-x"])
            .prop_map(TaskRef::activity),
        prop::sample::select(vec!["t-project-plan", "t-new"]).prop_map(TaskRef::custom),
    ];
    let party = prop::sample::select(vec![
        "department:horsens/fritid",
        "department:horsens/integration",
        "organisation:DK-LOCAL-lawan-horsens",
        "organisation:DK-LOCAL-dansk-flygtningehjaelp",
        "municipality:horsens",
    ])
    .prop_map(|k| PartyRef::parse_key(k).unwrap());
    let post = prop::option::of(prop::sample::select(vec![
        "horsens-leisure-consultant",
        "lawan-chair",
        "missing-post",
    ]));
    prop_oneof![
        3 => (task.clone(), party.clone(), common::raci(), post).prop_map(|(task, party, role, post)| {
            let mut a = Assignment::new(task, party, role);
            if let Some(p) = post {
                a = a.carried_by_post(p);
            }
            RoleChange::Assign { assignment: a }
        }),
        2 => (task, party, common::raci()).prop_map(|(task, party, role)| RoleChange::Unassign { task, party, role }),
        1 => Just(RoleChange::DefineTask { task: CustomTask { id: "t-new".into(), name: "Ny".into(), statutory: false, description: None } }),
        1 => prop::sample::select(vec!["t-new", "t-project-plan"]).prop_map(|id| RoleChange::RemoveTask { id: id.into() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is asked, a change either leaves a split that validates and has at most one
    /// Accountable per task, or fails and changes nothing.
    #[test]
    fn changes_are_all_or_nothing_and_keep_one_accountable(changes in prop::collection::vec(change(), 0..6)) {
        let (mut d, id) = horsens();
        let before = d.clone();
        match d.roles_mut(&id).change(&changes) {
            Ok(()) => {
                prop_assert!(!d.validate().has_errors());
                let findings = d.roles(&id).analyse(RoleOptions::default()).unwrap();
                prop_assert!(findings.with_code("roles.multiple_accountable").is_empty());
                let diff = RoleSplitDiff::between(
                    before.roles(&id).split(None).unwrap(),
                    d.roles(&id).split(None).unwrap(),
                    1,
                    1,
                );
                prop_assert!(diff.added.len() + diff.removed.len() <= changes.len());
            }
            Err(_) => prop_assert_eq!(&d, &before),
        }
    }

    /// The diff is symmetric and empty exactly when the splits agree on every cell.
    #[test]
    fn diffs_are_symmetric(a in common::role_split(), b in common::role_split()) {
        let ab = RoleSplitDiff::between(&a, &b, 1, 2);
        let ba = RoleSplitDiff::between(&b, &a, 2, 1);
        prop_assert_eq!(&ab.added, &ba.removed);
        prop_assert_eq!(&ab.removed, &ba.added);
        prop_assert_eq!(ab.changed.len(), ba.changed.len());
        prop_assert!(RoleSplitDiff::between(&a, &a, 1, 1).is_empty());
    }

    /// Analysis, matrices and rendering never panic, whatever the dossier holds.
    #[test]
    fn analysis_and_rendering_never_panic(d in common::dossier()) {
        for a in &d.agreements {
            for v in &a.versions {
                let options = RoleOptions { version: Some(v.number), as_of: None, all_catalogue_tasks: true };
                if let Ok(m) = d.roles(&a.id).matrix(options) {
                    let _ = m.markdown(Lang::Da);
                    let _ = m.html(Lang::En);
                    prop_assert_eq!(m.rows.iter().all(|r| r.cells.len() == m.parties.len()), true);
                }
            }
        }
    }

    /// Keys read back as what they were made from.
    #[test]
    fn keys_round_trip(task in common::task_ref(), party in common::party()) {
        prop_assert_eq!(TaskRef::parse_key(&task.key()).unwrap(), task);
        prop_assert_eq!(PartyRef::parse_key(&party.key()).unwrap(), party);
    }
}

#[test]
fn a_binding_agreement_is_held_to_the_statutory_line_and_overrides_stay_visible() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    let id: AgreementId = "ikast-vvv".into();
    let i = agreement_index(&d, "ikast-vvv");
    assert!(d.agreements[i].status.is_binding());
    let association = d.agreements[i]
        .terms()
        .unwrap()
        .parties
        .iter()
        .map(|p| p.party.clone())
        .find(|p| !p.is_municipal())
        .unwrap();
    let housing = RoleChange::Assign {
        assignment: Assignment::new(
            TaskRef::catalogue("housing_placement"),
            association.clone(),
            Raci::Accountable,
        ),
    };
    let by = d.post(&"ib-integration-lead".into()).unwrap().holders[0]
        .person
        .clone();
    // An amendment cannot carry a statutory duty across the line; nothing changes.
    let before = d.clone();
    let err = d
        .roles_mut(&id)
        .amend(
            std::slice::from_ref(&housing),
            Amendment {
                on: date("2019-09-01"),
                by: by.clone(),
                reason: "vi gør det alligevel".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "lifecycle.invalid_terms");
    let line = err
        .findings()
        .with_code("roles.statutory_outside_municipality");
    assert_eq!(line.len(), 1, "{:?}", err.findings());
    assert!(line[0].text.en.contains("under integrationsloven § 12"));
    assert_eq!(d, before);
    assert!(
        d.validate()
            .with_code("roles.statutory_outside_municipality")
            .is_empty()
    );

    // A file edited by hand (or signed by an older version that let overrides through) is an
    // error in validation, and the assessment no longer calls the partnership fair or strong.
    let mut edited = d.clone();
    let k = edited.agreements[i].versions.len() - 1;
    edited.agreements[i].versions[k]
        .terms
        .roles
        .assignments
        .push(Assignment::new(
            TaskRef::catalogue("housing_placement"),
            association,
            Raci::Accountable,
        ));
    let found = edited.validate();
    let line = found.with_code("roles.statutory_outside_municipality");
    assert_eq!(line.len(), 1);
    assert_eq!(line[0].severity, Severity::Error);
    let day = date("2016-06-01");
    let fine = d.assessment().assess(&id, day).unwrap();
    let crossed = edited.assessment().assess(&id, day).unwrap();
    assert!(fine.overall.unwrap() >= 50, "{:?}", fine.overall);
    assert!(crossed.overall.unwrap() < 50, "{:?}", crossed.overall);

    // Overrides of other findings stay visible, with who, when and why, in validation and in
    // the assessment.
    let mut overridden = d.clone();
    let e = &mut overridden.agreements[i].history[0];
    e.override_record = Some(brobygger::OverrideRecord {
        reason: "Pilot i tre måneder".into(),
        overridden: vec!["lifecycle.no_routines".into()],
    });
    let who = e.by.to_string();
    let found = overridden.validate();
    let o = found.with_code("validation.overridden_findings");
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].severity, Severity::Warning);
    assert_eq!(
        o[0].path.to_string(),
        format!("agreements[{i}].history[0].override_record")
    );
    for text in [&o[0].text.da, &o[0].text.en] {
        assert!(
            text.contains(&who)
                && text.contains("Pilot i tre måneder")
                && text.contains("lifecycle.no_routines"),
            "{text}"
        );
    }
    let a = overridden.assessment().assess(&id, day).unwrap();
    assert!(
        a.findings
            .iter()
            .any(|f| f.finding.code == "validation.overridden_findings"),
        "{:?}",
        a.findings
    );
}
