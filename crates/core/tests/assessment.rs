#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The health assessment, evaluation surveys and reports: the shared fixtures
//! (`tests/fixtures/assessment/`, also read by pytest and Kotlin), the as-of logic of each
//! check, the routing of other modules' findings, survey statistics, and report golden files.

mod common;

use brobygger::assessment::{
    AssessedFinding, AssessmentCode, CheckBasis, CheckStatus, ExternalFindings, FindingSource,
    HeatCell, HeatMap, LikertAnswer, ReportBlock, ReportSection, ReportSlot, RespondentGroup,
    SourceContext, SurveyAnswer, SurveyId, SurveyMeasure, SurveyQuestion, catalogue,
    wilson_interval,
};
use brobygger::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dir() -> PathBuf {
    common::fixtures().join("assessment")
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(dir())
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
    assert!(out.len() >= 8);
    out
}

/// The part of an assessment the fixtures pin down, in the shape Python and Kotlin build too.
fn digest(a: &Assessment) -> Value {
    json!({
        "agreement": a.agreement,
        "as_of": a.as_of,
        "status": a.status,
        "version": a.version,
        "overall": a.overall,
        "overall_band": a.overall_band,
        "dimensions": a.dimensions.iter().map(|d| json!({
            "dimension": d.dimension, "score": d.score, "band": d.band,
        })).collect::<Vec<_>>(),
        "checks": a.checks.iter().map(|c| json!({
            "code": c.code, "status": c.status, "credit": c.credit,
        })).collect::<Vec<_>>(),
        "findings": a.findings.iter().map(|f| json!({
            "code": f.finding.code, "severity": f.finding.severity, "path": f.finding.path,
            "dimension": f.dimension, "check": f.check,
        })).collect::<Vec<_>>(),
    })
}

fn run_case(input: &Path) -> Result<Assessment, BrobyggerError> {
    let v: Value = serde_json::from_str(&fs::read_to_string(input).unwrap()).unwrap();
    let d = Dossier::example(v["example"].as_str().unwrap()).unwrap();
    let external: Vec<ExternalFindings> = serde_json::from_value(v["external"].clone()).unwrap();
    d.assessment().assess(
        &v["agreement"].as_str().unwrap().into(),
        AssessmentOptions {
            as_of: date(v["as_of"].as_str().unwrap()),
            external,
        },
    )
}

#[test]
fn fixture_cases_give_the_expected_assessment_or_error() {
    for (name, input) in cases() {
        let actual = match run_case(&input) {
            Ok(a) => digest(&a),
            Err(e) => {
                let path = match &e {
                    BrobyggerError::InvalidInput { path, .. } => path.clone(),
                    _ => String::new(),
                };
                json!({"error": {"code": e.code(), "path": path}})
            }
        };
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        common::golden(
            &input.with_file_name(format!("{name}.expected.json")),
            &text,
        );
    }
}

#[test]
fn the_aalborg_assessment_cites_its_evidence() {
    let d = Dossier::example("aalborg").unwrap();
    let a = d
        .assessment()
        .assess(&"aalborg-lbb".into(), date("2017-06-30"))
        .unwrap();
    assert_eq!(a.status, AgreementStatus::Active);
    assert_eq!(a.version, 2);
    assert_eq!(a.checks.len(), catalogue().len());
    let doc = serde_json::to_value(&d).unwrap();
    // The role split and the checklists are weighed without being asked for.
    assert_eq!(a.external_sources, vec!["roles", "checklists"]);
    for f in &a.findings {
        let code = AssessmentCode::from_code(&f.check).unwrap();
        assert_eq!(f.dimension, code.dimension());
        assert_eq!(f.advice, code.advice());
        assert!(!f.evidence.is_empty(), "{} has no evidence", f.finding.code);
        match code.basis() {
            CheckBasis::Model => {
                assert_eq!(f.finding.code, f.check);
                assert!(
                    f.finding.source.is_some(),
                    "{} has no source",
                    f.finding.code
                );
            }
            CheckBasis::External => {
                assert!(
                    code.external_codes().contains(&f.finding.code.as_str()),
                    "{} routed to {}",
                    f.finding.code,
                    f.check
                );
            }
        }
        for p in f.evidence.iter().chain([&f.finding.path]) {
            // An absent optional field is still evidence ("no routines here"); its parent exists.
            let s = p.as_str();
            let parent = s.rsplit_once(['.', '[']).map_or(s, |(head, _)| head);
            assert!(
                p.resolves_in(&doc) || FieldPath::parse(parent).resolves_in(&doc),
                "{p} of {} resolves nowhere",
                f.finding.code
            );
        }
    }
    // The steering-group meeting of 2016-12-07 was convened 7 days ahead instead of 14.
    let late = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.short_notice")
        .unwrap();
    assert_eq!(
        late.finding.path.as_str(),
        "agreements[0].meetings[1].invited_on"
    );
    assert!(late.finding.text.en.contains("7 days") && late.finding.text.en.contains("14"));
    let meetings = a.check("assessment.short_notice").unwrap();
    assert_eq!(
        (meetings.status, meetings.credit),
        (CheckStatus::PartlyMet, Some(0.75))
    );
    assert_eq!(a.dimension(Dimension::Meetings).unwrap().score, Some(85));
}

#[test]
fn as_of_dates_change_what_is_judged() {
    let d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    // In June 2016 the project lead had changed four months before: within 12 months.
    let a = d.assessment().assess(&id, date("2016-06-01")).unwrap();
    assert_eq!(a.version, 1, "version 2 was amended on 2017-03-01");
    let changed = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.contact_changed")
        .unwrap();
    assert_eq!(changed.finding.path.as_str(), "posts[0].holders");
    assert!(changed.finding.text.da.contains("2016-02-01"));
    assert!(!changed.finding.text.da.contains("Mette"));
    // The project ends in March 2017 and is not yet anchored in operation.
    assert_eq!(
        a.check("assessment.not_anchored").unwrap().status,
        CheckStatus::PartlyMet
    );
    // A year later the change is history and the partnership is in operation.
    let a = d.assessment().assess(&id, date("2017-06-30")).unwrap();
    assert_eq!(
        a.check("assessment.contact_changed").unwrap().status,
        CheckStatus::Met
    );
    assert_eq!(
        a.check("assessment.not_anchored").unwrap().status,
        CheckStatus::Met
    );
    // No meetings are recorded before September 2016: nothing to judge in June 2016.
    let early = d.assessment().assess(&id, date("2016-06-01")).unwrap();
    assert_eq!(
        early.check("assessment.short_notice").unwrap().status,
        CheckStatus::NotApplicable
    );
}

#[test]
fn an_agreement_past_its_end_date_is_flagged_until_ended() {
    let mut d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    let a = d.assessment().assess(&id, date("2019-01-15")).unwrap();
    let f = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.term_expired")
        .unwrap();
    assert_eq!(f.finding.severity, Severity::Error);
    assert_eq!(
        f.finding.path.as_str(),
        "agreements[0].versions[0].terms.term.end"
    );
    // Ending the agreement formally: time-bound checks no longer apply.
    let by = d.people[0].id.clone();
    d.lifecycle_mut()
        .transition(TransitionRequest {
            agreement: id.clone(),
            to: AgreementStatus::Ended,
            by,
            at: brobygger::start_of_day(date("2018-09-01")),
            note: None,
            override_reason: None,
        })
        .unwrap();
    let a = d.assessment().assess(&id, date("2019-01-15")).unwrap();
    assert_eq!(a.status, AgreementStatus::Ended);
    for code in [
        "assessment.term_expired",
        "assessment.contact_changed",
        "assessment.post_vacant",
        "assessment.routine_not_kept",
    ] {
        assert_eq!(
            a.check(code).unwrap().status,
            CheckStatus::NotApplicable,
            "{code}"
        );
    }
}

#[test]
fn reviews_vacancies_and_single_people_are_found() {
    let mut d = Dossier::example("ikast-brande").unwrap();
    let id: AgreementId = "ikast-vvv".into();
    let a = d.assessment().assess(&id, date("2019-06-30")).unwrap();
    // Reviews planned for 2016, 2017 and 2018 were never recorded; 2019-08-20 is not due.
    let reviews: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.finding.code == "assessment.review_overdue")
        .map(|f| f.finding.path.as_str().to_owned())
        .collect();
    assert_eq!(reviews.len(), 3);
    assert!(reviews[2].ends_with("review_dates[2]"));
    // Both coordinating parties rest on one person each.
    assert_eq!(
        a.check("assessment.single_person_dependency")
            .unwrap()
            .status,
        CheckStatus::NotMet
    );
    // Recording a review within 90 days of a planned date counts it as held.
    let by = d.people[0].id.clone();
    d.lifecycle_mut()
        .transition(TransitionRequest {
            agreement: id.clone(),
            to: AgreementStatus::UnderReview,
            by: by.clone(),
            at: brobygger::start_of_day(date("2018-09-10")),
            note: None,
            override_reason: None,
        })
        .unwrap();
    let a = d.assessment().assess(&id, date("2019-06-30")).unwrap();
    let review = a.check("assessment.review_overdue").unwrap();
    assert_eq!(review.status, CheckStatus::PartlyMet);
    assert!((review.credit.unwrap() - 1.0 / 3.0).abs() < 1e-3);
    // A coordinator leaving without successor leaves the post vacant.
    let post = d
        .posts
        .iter_mut()
        .find(|p| p.id.as_str() == "ib-integration-lead")
        .unwrap();
    post.holders[0].until = Some(date("2019-05-01"));
    let a = d.assessment().assess(&id, date("2019-06-30")).unwrap();
    let vacant = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.post_vacant")
        .unwrap();
    assert_eq!(vacant.finding.path.as_str(), "posts[0].holders");
    assert_eq!(vacant.finding.severity, Severity::Error);
}

#[test]
fn the_role_split_and_checklists_are_weighed_by_default() {
    let d = Dossier::example("horsens").unwrap();
    let id: AgreementId = "horsens-lawan".into();
    let a = d.assessment().assess(&id, date("2017-08-01")).unwrap();
    assert_eq!(a.external_sources, vec!["roles", "checklists"]);
    // Neither dimension is left "not assessed" any more.
    for dim in [Dimension::Roles, Dimension::Expectations] {
        let score = a.dimension(dim).unwrap();
        assert_eq!(score.not_assessed, 0, "{dim:?}: {}", score.reason.en);
        assert!(
            !score.reason.en.contains("Not assessed"),
            "{}",
            score.reason.en
        );
    }
    // The role analysis as the roles module makes it, for the version judged, holders on the
    // date: the same findings, routed to the role-split check.
    let roles = d
        .roles(&id)
        .analyse(RoleOptions {
            version: Some(1),
            as_of: Some(date("2017-08-01")),
            all_catalogue_tasks: false,
        })
        .unwrap();
    let routed: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.check == "assessment.role_split")
        .map(|f| &f.finding)
        .collect();
    assert_eq!(routed.len(), roles.len());
    for f in &roles {
        assert!(routed.contains(&f), "{} missing", f.code);
    }
    // One coordinator carries every accountability: a warning, so half credit.
    let split = a.check("assessment.role_split").unwrap();
    assert_eq!(
        (split.status, split.credit),
        (CheckStatus::PartlyMet, Some(0.5))
    );
    assert_eq!(
        a.check("assessment.statutory_tasks").unwrap().status,
        CheckStatus::Met
    );
    // The open critical divergence on when newcomers meet the offers is an error.
    let alignment = a.check("assessment.expectation_alignment").unwrap();
    assert_eq!(
        (alignment.status, alignment.credit),
        (CheckStatus::NotMet, Some(0.0))
    );
    let critical: Vec<&AssessedFinding> = a
        .findings
        .iter()
        .filter(|f| f.finding.code == "checklists.critical_divergence")
        .collect();
    // Alignment and signing readiness both report it; it counts once.
    assert_eq!(critical.len(), 1);
    assert_eq!(critical[0].dimension, Dimension::Expectations);
    assert!(
        critical[0]
            .finding
            .path
            .as_str()
            .starts_with("checklists.sessions[0].answers")
    );

    // Before any checklist was answered, the agreement required one nobody had started.
    let early = d.assessment().assess(&id, date("2017-06-12")).unwrap();
    let codes: Vec<&str> = early
        .findings
        .iter()
        .filter(|f| f.check == "assessment.expectation_alignment")
        .map(|f| f.finding.code.as_str())
        .collect();
    assert_eq!(
        codes,
        vec![
            "checklists.required_not_started",
            "checklists.required_not_started"
        ]
    );
    // Half-way: LAWAN had started but not submitted; the municipality's answers stood alone.
    let mid = d.assessment().assess(&id, date("2017-06-16")).unwrap();
    assert!(
        mid.findings
            .iter()
            .any(|f| f.finding.code == "checklists.required_incomplete"
                && f.finding.path.as_str() == "checklists.sessions[1]")
    );
    assert!(
        !mid.findings
            .iter()
            .any(|f| f.finding.code == "checklists.critical_divergence")
    );
}

#[test]
fn assessing_as_of_a_date_uses_the_split_in_force_then() {
    // Aalborg's version 2 (2017-03-01) added tasks and moved roles; in 2016 version 1 counts.
    let d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let old = d.assessment().assess(&id, date("2016-06-01")).unwrap();
    let new = d.assessment().assess(&id, date("2017-06-30")).unwrap();
    let paths = |a: &Assessment| -> Vec<String> {
        a.findings
            .iter()
            .filter(|f| f.check == "assessment.role_split")
            .map(|f| f.finding.path.as_str().to_owned())
            .collect()
    };
    assert!(!paths(&old).is_empty() && !paths(&new).is_empty());
    assert!(
        paths(&old)
            .iter()
            .all(|p| p.starts_with("agreements[0].versions[0].terms")),
        "{:?}",
        paths(&old)
    );
    assert!(
        paths(&new)
            .iter()
            .all(|p| p.starts_with("agreements[0].versions[1].terms")),
        "{:?}",
        paths(&new)
    );
}

#[test]
fn given_findings_replace_a_builtin_module_and_add_others() {
    let d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let finding = |code: &str, severity: Severity| Finding {
        code: code.into(),
        severity,
        path: FieldPath::parse("agreements[0].versions[1].terms.roles.assignments[0]"),
        text: Text::new("Opgaven mangler en ansvarlig.", "The task has no owner."),
        source: None,
    };
    let options = AssessmentOptions::new(date("2017-06-30"))
        .with_external(
            "roles",
            vec![
                finding("roles.no_responsible", Severity::Warning),
                finding("roles.statutory_outside_municipality", Severity::Error),
            ],
        )
        .with_external("checklists", Vec::new())
        .with_external(
            "matching",
            vec![finding("matching.unmatched", Severity::Warning)],
        );
    let a = d.assessment().assess(&id, options).unwrap();
    assert_eq!(a.external_sources, vec!["roles", "checklists", "matching"]);
    let split = a.check("assessment.role_split").unwrap();
    assert_eq!(
        (split.status, split.credit),
        (CheckStatus::PartlyMet, Some(0.5))
    );
    // Only the given roles findings count: the library's own were replaced.
    assert_eq!(
        a.findings
            .iter()
            .filter(|f| f.check == "assessment.role_split")
            .count(),
        1
    );
    assert_eq!(
        a.check("assessment.statutory_tasks").unwrap().status,
        CheckStatus::NotMet
    );
    // A module that looked and found nothing meets its check.
    assert_eq!(
        a.check("assessment.expectation_alignment").unwrap().status,
        CheckStatus::Met
    );
    assert_eq!(
        a.check("assessment.matching").unwrap().status,
        CheckStatus::PartlyMet
    );
    // The external findings keep their own code and text, gain a dimension and advice.
    let routed = a
        .findings
        .iter()
        .find(|f| f.finding.code == "roles.statutory_outside_municipality")
        .unwrap();
    assert_eq!(routed.dimension, Dimension::Roles);
    assert_eq!(routed.check, "assessment.statutory_tasks");
    assert_eq!(routed.finding.text.en, "The task has no owner.");
    assert_eq!(routed.advice, AssessmentCode::StatutoryTasks.advice());
    // Roles: the model checks (weight 2 + 0 advisory + 1, all met), the role split (weight
    // 2, credit 0.5) and statutory tasks (weight 2, credit 0): 4/7.
    let roles = a.dimension(Dimension::Roles).unwrap();
    assert_eq!(roles.score, Some(57), "{}", roles.reason.en);
    assert!(
        roles
            .reason
            .en
            .contains("Statutory tasks stay with the municipality (0%)")
    );

    // Unknown modules and codes no check takes are refused, with the path of the culprit;
    // that includes codes the roles and checklists modules do not have.
    let err = d
        .assessment()
        .assess(
            &id,
            AssessmentOptions::new(date("2017-06-30")).with_external("budget", vec![]),
        )
        .unwrap_err();
    assert!(
        matches!(&err, BrobyggerError::InvalidInput { path, .. } if path == "external[0].source")
    );
    for code in [
        "validation.empty_text",
        "roles.unassigned_task",
        "checklists.misaligned",
    ] {
        let err = d
            .assessment()
            .assess(
                &id,
                AssessmentOptions::new(date("2017-06-30"))
                    .with_external("matching", vec![])
                    .with_external("roles", vec![finding(code, Severity::Error)]),
            )
            .unwrap_err();
        assert_eq!(err.code(), "assessment.unrouted_finding", "{code}");
        assert!(
            matches!(&err, BrobyggerError::InvalidInput { path, .. } if path == "external[1].findings[0].code"),
            "{err:?}"
        );
    }
}

/// A stand-in for the matching module, given under its name.
struct FakeMatching;

impl FindingSource for FakeMatching {
    fn name(&self) -> &str {
        "matching"
    }

    fn findings(&self, ctx: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        assert_eq!(ctx.agreement.id.as_str(), "ikast-vvv");
        assert_eq!(ctx.as_of, date("2019-06-30"));
        assert_eq!(ctx.version_index, 0);
        Ok(vec![Finding {
            code: "matching.unmatched".into(),
            severity: Severity::Warning,
            path: FieldPath::root().field("agreements").index(ctx.index),
            text: Text::new("2 venter.", "2 are waiting."),
            source: None,
        }])
    }
}

/// A roles module that finds nothing: given under the built-in name, it replaces it.
struct QuietRoles;

impl FindingSource for QuietRoles {
    fn name(&self) -> &str {
        "roles"
    }

    fn findings(&self, _: &SourceContext<'_>) -> Result<Vec<Finding>, BrobyggerError> {
        Ok(Vec::new())
    }
}

#[test]
fn finding_sources_plug_in() {
    let d = Dossier::example("ikast-brande").unwrap();
    let id: AgreementId = "ikast-vvv".into();
    let a = d
        .assessment()
        .assess_with_sources(&id, date("2019-06-30"), &[&FakeMatching])
        .unwrap();
    // The built-in introductions source applies (a cohort concerns the agreement); the given
    // matching module replaces the built-in one.
    assert_eq!(
        a.external_sources,
        vec!["roles", "checklists", "introductions", "matching"]
    );
    assert_eq!(
        a.check("assessment.matching").unwrap().status,
        CheckStatus::PartlyMet
    );
    assert!(
        a.findings
            .iter()
            .any(|f| f.finding.code == "matching.unmatched")
    );
    // The built-in sources are FindingSources too, and can be replaced by name.
    let builtin = d.assessment().assess(&id, date("2019-06-30")).unwrap();
    assert_eq!(
        builtin.check("assessment.role_split").unwrap().status,
        CheckStatus::PartlyMet
    );
    let quiet = d
        .assessment()
        .assess_with_sources(&id, date("2019-06-30"), &[&QuietRoles])
        .unwrap();
    assert_eq!(
        quiet.check("assessment.role_split").unwrap().status,
        CheckStatus::Met
    );
    let names: Vec<&str> = brobygger::assessment::builtin_sources()
        .iter()
        .map(|s| s.name())
        .collect();
    assert_eq!(
        names,
        vec!["roles", "checklists", "matching", "introductions"]
    );
}

#[test]
fn errors_are_clear_and_assessments_serialise() {
    let d = Dossier::example("aalborg").unwrap();
    let err = d
        .assessment()
        .assess(&"nope".into(), date("2017-01-01"))
        .unwrap_err();
    assert_eq!(err.code(), "not_found.agreement");
    let mut broken = d.clone();
    broken.agreements[0].versions.clear();
    let err = broken
        .assessment()
        .assess(&"aalborg-lbb".into(), date("2017-01-01"))
        .unwrap_err();
    assert_eq!(err.code(), "assessment.no_versions");
    assert!(
        broken
            .assessment()
            .assess_all(date("2017-01-01"))
            .is_empty()
    );
    let a = d
        .assessment()
        .assess(&"aalborg-lbb".into(), date("2017-06-30"))
        .unwrap();
    let back: Assessment = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    assert_eq!(back, a);
    assert_eq!(d.assessment().assess_all(date("2017-06-30")), vec![a]);
}

#[test]
fn the_catalogue_covers_every_rule_with_a_source() {
    let all = catalogue();
    assert_eq!(all.len(), 43);
    for c in &all {
        // The section and a quote from it are vendored and checked in tests/citations.rs.
        assert!(!c.source.section.is_empty());
    }
    for d in Dimension::ALL {
        assert!(all.iter().any(|c| c.dimension == d));
    }
}

// ----- surveys -----

#[test]
fn the_aalborg_survey_reproduces_the_lbb_shares() {
    let d = Dossier::example("aalborg").unwrap();
    let results = d.surveys().results(&"aalborg-lbb-2016".into()).unwrap();
    let share = |q: &str, g: Option<RespondentGroup>| {
        results
            .iter()
            .find(|e| e.question.as_str() == q && e.group == g)
            .unwrap()
    };
    let v = share("know-each-other", Some(RespondentGroup::Volunteer));
    assert_eq!((v.positive, v.respondents), (34, 42));
    assert_eq!((v.share * 100.0).round(), 81.0);
    assert_eq!(v.reference, Some(0.81));
    assert!(v.interval.low < v.share && v.share < v.interval.high);
    let m = share("know-each-other", Some(RespondentGroup::MunicipalStaff));
    assert_eq!((m.share * 100.0).round(), 84.0);
    let all = share("cooperation", None);
    assert_eq!((all.share * 100.0).round(), 72.0);
    assert_eq!(all.reference, Some(0.72));
    // No newcomer answered: no estimate rather than 0%.
    assert!(
        results
            .iter()
            .all(|e| e.group != Some(RespondentGroup::Newcomer))
    );

    let changes = d
        .surveys()
        .compare(&"aalborg-lbb-2015".into(), &"aalborg-lbb-2016".into())
        .unwrap();
    let everyone = changes
        .iter()
        .find(|c| c.question.as_str() == "know-each-other" && c.group.is_none())
        .unwrap();
    assert!((everyone.change - (55.0 / 67.0 - 39.0 / 60.0)).abs() < 1e-12);
    assert!(everyone.significant && everyone.interval.low > 0.0);
    let golden = serde_json::to_string_pretty(&json!({
        "results": {
            "aalborg-lbb-2015": d.surveys().results(&"aalborg-lbb-2015".into()).unwrap(),
            "aalborg-lbb-2016": results,
        },
        "changes": changes,
    }))
    .unwrap()
        + "\n";
    common::golden(&dir().join("survey-aalborg.expected.json"), &golden);
}

#[test]
fn wilson_intervals_match_published_values() {
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dir().join("wilson.json")).unwrap()).unwrap();
    let z = v["z"].as_f64().unwrap();
    let tol = v["tolerance"].as_f64().unwrap();
    for c in v["cases"].as_array().unwrap() {
        let (k, n) = (c["successes"].as_u64().unwrap(), c["n"].as_u64().unwrap());
        let i = wilson_interval(k as u32, n as u32, z).unwrap();
        assert!(
            (i.low - c["low"].as_f64().unwrap()).abs() < tol,
            "{c}: {i:?}"
        );
        assert!(
            (i.high - c["high"].as_f64().unwrap()).abs() < tol,
            "{c}: {i:?}"
        );
    }
}

fn round(d: &mut Dossier) -> SurveyId {
    let id: SurveyId = "round".into();
    d.surveys_mut()
        .add(SurveyRound {
            id: id.clone(),
            title: "Runde".into(),
            agreement: Some("aalborg-lbb".into()),
            closed_on: date("2017-05-01"),
            questions: vec![
                SurveyQuestion {
                    id: "q1".into(),
                    text: Text::new("Spørgsmål", "Question"),
                    measure: Some(SurveyMeasure::ImprovedCooperation),
                    measure_key: None,
                },
                SurveyQuestion {
                    id: "q2".into(),
                    text: Text::new("Andet", "Other"),
                    measure: None,
                    measure_key: None,
                },
            ],
            tallies: Vec::new(),
            shape: None,
            counts: Vec::new(),
        })
        .unwrap();
    id
}

#[test]
fn responses_are_counted_all_or_nothing() {
    let mut d = Dossier::example("aalborg").unwrap();
    let id = round(&mut d);
    let answer = |q: &str, a: LikertAnswer| SurveyAnswer {
        question: q.into(),
        answer: a,
    };
    for a in [
        LikertAnswer::Agree,
        LikertAnswer::StronglyAgree,
        LikertAnswer::Neutral,
        LikertAnswer::Agree,
    ] {
        d.surveys_mut()
            .record_response(
                &id,
                RespondentGroup::Newcomer,
                &[answer("q1", a), answer("q2", LikertAnswer::DontKnow)],
            )
            .unwrap();
    }
    let results = d.surveys().results(&id).unwrap();
    let newcomers = results
        .iter()
        .find(|e| e.question.as_str() == "q1" && e.group == Some(RespondentGroup::Newcomer))
        .unwrap();
    assert_eq!((newcomers.positive, newcomers.respondents), (3, 4));
    let before = d.clone();
    let err = d
        .surveys_mut()
        .record_response(
            &id,
            RespondentGroup::Volunteer,
            &[
                answer("q1", LikertAnswer::Agree),
                answer("nope", LikertAnswer::Agree),
            ],
        )
        .unwrap_err();
    assert!(
        matches!(&err, BrobyggerError::InvalidInput { path, .. } if path == "answers[1].question")
    );
    let err = d
        .surveys_mut()
        .record_response(
            &id,
            RespondentGroup::Volunteer,
            &[
                answer("q1", LikertAnswer::Agree),
                answer("q1", LikertAnswer::Disagree),
            ],
        )
        .unwrap_err();
    assert_eq!(err.code(), "survey.question_answered_twice");
    assert_eq!(
        d.surveys_mut()
            .record_response(&"nope".into(), RespondentGroup::Volunteer, &[])
            .unwrap_err()
            .code(),
        "not_found.survey"
    );
    assert_eq!(d, before, "a refused response changes nothing");
    // Four newcomers are too few to show in a report.
    let md = d
        .assessment()
        .report(
            &"aalborg-lbb".into(),
            ReportOptions::new(date("2017-06-30"), Lang::En, Format::Markdown),
        )
        .unwrap();
    assert!(
        md.contains("| Question | newcomers | fewer than 5 answers | – | 4 | – |"),
        "{md}"
    );
}

#[test]
fn surveys_are_validated_with_paths() {
    let mut d = Dossier::example("aalborg").unwrap();
    let s = &mut d.surveys[1];
    s.agreement = Some("missing".into());
    s.questions[1].id = s.questions[0].id.clone();
    s.questions[0].text.en = " ".into();
    s.tallies[0].question = "ghost".into();
    let dup = s.tallies[2].clone();
    s.tallies.push(dup);
    let rows: Vec<(String, String)> = d
        .validate()
        .into_iter()
        .filter(|f| f.path.as_str().starts_with("surveys"))
        .map(|f| (f.code, f.path.as_str().to_owned()))
        .collect();
    for (code, path) in [
        ("validation.dangling_reference", "surveys[1].agreement"),
        ("validation.duplicate_id", "surveys[1].questions[1].id"),
        ("validation.empty_text", "surveys[1].questions[0].text.en"),
        (
            "validation.dangling_reference",
            "surveys[1].tallies[0].question",
        ),
        (
            "validation.duplicate_survey_tally",
            "surveys[1].tallies[18]",
        ),
    ] {
        assert!(
            rows.contains(&(code.to_owned(), path.to_owned())),
            "{code} at {path} missing from {rows:?}"
        );
    }
    // Adding an invalid round is refused with every problem, and changes nothing.
    let mut d = Dossier::example("aalborg").unwrap();
    let mut bad = d.surveys[0].clone();
    bad.id = "new".into();
    bad.title = String::new();
    bad.agreement = Some("missing".into());
    let err = d.surveys_mut().add(bad).unwrap_err();
    assert_eq!(err.code(), "validation.failed");
    assert_eq!(err.findings().len(), 2);
    assert_eq!(d.surveys.len(), 2);
    let mut same = d.surveys[0].clone();
    same.title = "x".into();
    assert_eq!(
        d.surveys_mut().add(same).unwrap_err().code(),
        "validation.duplicate_id"
    );
}

// ----- reports -----

#[test]
fn golden_reports_in_both_languages_and_formats() {
    let golden = dir().join("golden");
    let list: Value =
        serde_json::from_str(&fs::read_to_string(golden.join("reports.json")).unwrap()).unwrap();
    let mut written = 0;
    for case in list["cases"].as_array().unwrap() {
        let d = Dossier::example(case["example"].as_str().unwrap()).unwrap();
        let agreement = case["agreement"].as_str().unwrap();
        for lang in list["langs"].as_array().unwrap() {
            let lang = Lang::parse(lang.as_str().unwrap()).unwrap();
            for ext in case["formats"].as_array().unwrap() {
                let ext = ext.as_str().unwrap();
                let format = Format::parse(ext).unwrap();
                let report = d
                    .assessment()
                    .report(
                        &agreement.into(),
                        ReportOptions::new(date(case["as_of"].as_str().unwrap()), lang, format),
                    )
                    .unwrap();
                common::golden(
                    &golden.join(format!("report-{agreement}-{}.{ext}", lang.code())),
                    &report,
                );
                written += 1;
            }
        }
    }
    assert_eq!(written, 12);
}

fn secrets(d: &Dossier) -> Vec<String> {
    let mut out = Vec::new();
    for p in &d.people {
        out.extend(
            p.name
                .split_whitespace()
                .filter(|s| s.len() > 2)
                .map(str::to_owned),
        );
        out.extend(p.email.clone());
        out.extend(p.phone.clone());
        out.push(p.id.to_string());
    }
    out
}

#[test]
fn reports_hold_no_personal_data_and_no_external_resources() {
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        let secrets = secrets(&d);
        for a in &d.agreements {
            for lang in [Lang::Da, Lang::En] {
                for format in [Format::Markdown, Format::Html, Format::HtmlFragment] {
                    let r = d
                        .assessment()
                        .report(&a.id, ReportOptions::new(date("2019-06-30"), lang, format))
                        .unwrap();
                    for s in &secrets {
                        assert!(!r.contains(s.as_str()), "{} report names a person", a.id);
                    }
                    if format != Format::Markdown {
                        // The only URL is the SVG namespace; no scripts, no remote resources.
                        assert_eq!(
                            r.matches("http").count(),
                            r.matches("http://www.w3.org/2000/svg").count()
                        );
                        assert!(!r.contains("<script"));
                        assert_eq!(r.matches("<svg").count(), r.matches("</svg>").count());
                    }
                }
            }
            let assessed = d.assessment().assess(&a.id, date("2019-06-30")).unwrap();
            let dbg = format!("{assessed:?}");
            for s in &secrets {
                assert!(!dbg.contains(s.as_str()));
            }
        }
    }
}

#[test]
fn champions_appear_by_kind_not_by_name() {
    let mut d = Dossier::example("horsens").unwrap();
    let org = d
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "DK-LOCAL-lawan-horsens")
        .unwrap();
    org.kind = OrganisationKind::Champion;
    org.name = "Hajar Ildsjæl".into();
    let r = d
        .assessment()
        .report(
            &"horsens-lawan".into(),
            ReportOptions::new(date("2017-08-01"), Lang::Da, Format::Markdown),
        )
        .unwrap();
    assert!(!r.contains("Hajar"));
    assert!(
        r.contains("| ildsjæl DK-LOCAL-lawan-horsens | ildsjæl |"),
        "{r}"
    );
    let a = d
        .assessment()
        .assess(&"horsens-lawan".into(), date("2017-08-01"))
        .unwrap();
    assert!(!format!("{a:?}").contains("Hajar"));
}

#[test]
fn slots_take_other_modules_content_including_a_heat_map() {
    let d = Dossier::example("aalborg").unwrap();
    let map = HeatMap {
        title: Text::new("Rollefordeling", "Role split"),
        rows: vec![
            Text::new("Lektiecafé", "Homework café"),
            Text::new("Integrationskontrakt", "Integration contract"),
        ],
        columns: vec![
            Text::new("Kommunen", "Municipality"),
            Text::new("Røde Kors", "Red Cross"),
        ],
        cells: vec![
            HeatCell {
                row: 0,
                column: 1,
                value: 1.0,
                label: Text::new("ansvarlig", "responsible"),
                detail: None,
            },
            HeatCell {
                row: 1,
                column: 0,
                value: 1.0,
                label: Text::new("<ansvarlig>", "<responsible>"),
                detail: Some(Text::new("Post <b>", "Post <b>")),
            },
        ],
        legend: Text::new("Mørk: ansvarlig", "Dark: responsible"),
    };
    let section = ReportSection {
        slot: ReportSlot::RoleSplit,
        blocks: vec![
            ReportBlock::Paragraph {
                text: Text::new("Fra rollemodulet.", "From the roles module."),
            },
            ReportBlock::Matrix { map: map.clone() },
        ],
    };
    let options = ReportOptions::new(date("2017-06-30"), Lang::En, Format::Html)
        .with_section(section.clone());
    let html = d
        .assessment()
        .report(&"aalborg-lbb".into(), options)
        .unwrap();
    let slot = html
        .split("<!-- brobygger:slot role_split begin -->")
        .nth(1)
        .unwrap()
        .split("<!-- brobygger:slot role_split end -->")
        .next()
        .unwrap();
    assert!(slot.contains("From the roles module."));
    assert!(slot.contains("<svg") && slot.contains("Homework café"));
    assert!(slot.contains("&lt;responsible&gt;") && !slot.contains("<responsible>"));
    // The detail goes into the table, escaped, and not into the chart.
    assert!(
        slot.contains("&lt;responsible&gt; (Post &lt;b&gt;)"),
        "{slot}"
    );
    assert!(!slot.contains("not part of this report"));
    // Given content replaces the library's own for that slot only.
    assert!(!slot.contains("Who does what in version"));
    let checklists = html
        .split("<!-- brobygger:slot checklist_alignment begin -->")
        .nth(1)
        .unwrap();
    assert!(checklists.contains("No expectation-alignment checklist is required or answered"));
    let md = d
        .assessment()
        .report(
            &"aalborg-lbb".into(),
            ReportOptions::new(date("2017-06-30"), Lang::Da, Format::Markdown)
                .with_section(section),
        )
        .unwrap();
    assert!(
        md.contains("| Integrationskontrakt | \\<ansvarlig\\> (Post \\<b\\>) |  |"),
        "{md}"
    );

    let mut bad = map;
    bad.cells[0].row = 7;
    let err = d
        .assessment()
        .report(
            &"aalborg-lbb".into(),
            ReportOptions::new(date("2017-06-30"), Lang::En, Format::Html).with_section(
                ReportSection {
                    slot: ReportSlot::RoleSplit,
                    blocks: vec![ReportBlock::Matrix { map: bad }],
                },
            ),
        )
        .unwrap_err();
    assert_eq!(err.code(), "report.cell_out_of_range");
}

#[test]
fn the_assessment_renders_on_its_own() {
    let d = Dossier::example("ikast-brande").unwrap();
    let a = d
        .assessment()
        .assess(&"ikast-vvv".into(), date("2019-06-30"))
        .unwrap();
    let frag = a.render(Lang::En, Format::HtmlFragment);
    assert!(frag.starts_with("<div class=\"bb-report\" lang=\"en\">"));
    assert!(frag.contains("Findings and advice") && frag.contains("<svg"));
    let md = a.render(Lang::Da, Format::Markdown);
    assert!(md.starts_with("## Vurdering: Samarbejdskontrakt"));
}

// ----- invariants -----

fn with_surveys() -> impl Strategy<Value = Dossier> {
    let tally = (
        prop::sample::select(RespondentGroup::ALL.to_vec()),
        prop::sample::select(vec!["q1", "q2", "q3"]),
        prop::sample::select(vec![
            LikertAnswer::StronglyAgree,
            LikertAnswer::Agree,
            LikertAnswer::Neutral,
            LikertAnswer::Disagree,
            LikertAnswer::StronglyDisagree,
            LikertAnswer::DontKnow,
        ]),
        0u32..60,
    );
    (
        common::dossier(),
        prop::collection::vec(prop::collection::vec(tally, 0..12), 0..3),
    )
        .prop_map(|(mut d, rounds)| {
            for (i, tallies) in rounds.into_iter().enumerate() {
                d.surveys.push(SurveyRound {
                    id: format!("r{i}").into(),
                    title: format!("Round {i}"),
                    agreement: d.agreements.first().map(|a| a.id.clone()),
                    closed_on: NaiveDate::from_ymd_opt(2015 + i as i32, 6, 1).unwrap(),
                    questions: ["q1", "q2"]
                        .into_iter()
                        .map(|q| SurveyQuestion {
                            id: q.into(),
                            text: Text::new(q, q),
                            measure: Some(SurveyMeasure::KnowEachOtherBetter),
                            measure_key: None,
                        })
                        .collect(),
                    tallies: tallies
                        .into_iter()
                        .map(
                            |(group, q, answer, count)| brobygger::assessment::AnswerTally {
                                group,
                                question: q.into(),
                                answer,
                                count,
                            },
                        )
                        .collect(),
                    shape: None,
                    counts: Vec::new(),
                });
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_dossier_assesses_and_reports_without_panicking(d in with_surveys(), day in common::date()) {
        // Dossiers with surveys survive the file format.
        prop_assert_eq!(&Dossier::from_json(&d.to_json().unwrap()).unwrap(), &d);
        for a in &d.agreements {
            match d.assessment().assess(&a.id, day) {
                Err(e) => prop_assert!(a.versions.is_empty(), "{e}"),
                Ok(x) => {
                    prop_assert_eq!(x.checks.len(), 43);
                    for c in &x.checks {
                        let mine: Vec<_> = x.findings.iter().filter(|f| f.check == c.code).collect();
                        let n = mine.len();
                        let external = AssessmentCode::from_code(&c.code).unwrap().basis() == CheckBasis::External;
                        match c.status {
                            // Another module's advice (info) rides along with a met check.
                            CheckStatus::Met if external => prop_assert!(mine.iter().all(|f| f.finding.severity == Severity::Info), "{}", c.code),
                            CheckStatus::Met | CheckStatus::NotApplicable | CheckStatus::NotAssessed => prop_assert_eq!(n, 0, "{}", c.code),
                            CheckStatus::PartlyMet | CheckStatus::NotMet => prop_assert!(n > 0, "{} has no finding", c.code),
                        }
                        if let Some(credit) = c.credit {
                            prop_assert!((0.0..=1.0).contains(&credit));
                        }
                    }
                    for dim in &x.dimensions {
                        prop_assert!(dim.score.is_none_or(|s| s <= 100));
                        prop_assert_eq!(dim.score.is_some(), dim.applicable > 0);
                    }
                    for f in &x.findings {
                        // Every finding has evidence; the assessment's own cite a source (other
                        // modules' findings cite one where their rule comes from the seeds).
                        prop_assert!(!f.evidence.is_empty());
                        prop_assert!(f.finding.source.is_some() || !f.finding.code.starts_with("assessment."));
                        // The library's own modules are always weighed.
                        prop_assert!(x.external_sources.iter().any(|s| s == "roles"));
                        prop_assert!(x.external_sources.iter().any(|s| s == "checklists"));
                    }
                    for format in [Format::Markdown, Format::Html] {
                        prop_assert!(d.assessment().report(&a.id, ReportOptions::new(day, Lang::Da, format)).is_ok());
                    }
                }
            }
        }
    }

    #[test]
    fn wilson_intervals_hold_the_share(k in 0u32..500, extra in 0u32..500) {
        let n = k + extra;
        match wilson_interval(k, n, brobygger::assessment::Z_95) {
            None => prop_assert_eq!(n, 0),
            Some(i) => {
                let p = f64::from(k) / f64::from(n);
                prop_assert!(0.0 <= i.low && i.low <= p + 1e-12 && p <= i.high + 1e-12 && i.high <= 1.0);
                // Four times the respondents: a narrower interval.
                let wide = i.high - i.low;
                let j = wilson_interval(4 * k, 4 * n, brobygger::assessment::Z_95).unwrap();
                prop_assert!(j.high - j.low < wide);
            }
        }
    }

    #[test]
    fn changes_contain_the_difference(d in with_surveys()) {
        if d.surveys.len() >= 2 {
            for c in d.surveys[1].changes_since(&d.surveys[0]) {
                prop_assert!(c.interval.low <= c.change + 1e-12 && c.change <= c.interval.high + 1e-12);
                prop_assert!((-1.0..=1.0).contains(&c.interval.low) && (-1.0..=1.0).contains(&c.interval.high));
                prop_assert_eq!(c.significant, c.interval.low > 0.0 || c.interval.high < 0.0);
            }
        }
    }
}

// ---------------------------------------------------------------- evidence in words

/// The findings' lines of a Markdown report: everything before its appendix of paths.
fn before_appendix(report: &str) -> &str {
    report
        .split("## Bilag: henvisninger til dossieret")
        .next()
        .and_then(|r| r.split("## Appendix: references into the dossier").next())
        .unwrap()
}

#[test]
fn evidence_is_named_in_words_and_the_paths_wait_in_the_appendix() {
    let d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let a = d.assessment().assess(&id, date("2017-06-30")).unwrap();
    for f in &a.findings {
        assert_eq!(f.evidence_words.len(), f.evidence.len(), "{}", f.check);
    }
    let notice = a
        .findings
        .iter()
        .find(|f| f.check == "assessment.short_notice")
        .unwrap();
    assert_eq!(
        notice.evidence_words[1],
        Text::new(
            "varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens version 1",
            "the notice for the “Styregruppemøde” meeting (quarterly), agreement version 1",
        )
    );
    assert_eq!(
        notice.evidence_words[0].da,
        "mødet «Styregruppemøde» den 7. december 2016"
    );
    for (lang, words, heading) in [
        (
            Lang::Da,
            "Evidens: mødet «Styregruppemøde» den 7. december 2016; varslet for mødet",
            "## Bilag: henvisninger til dossieret",
        ),
        (
            Lang::En,
            "Evidence: the “Styregruppemøde” meeting on 7 December 2016; the notice for",
            "## Appendix: references into the dossier",
        ),
    ] {
        let r = d
            .assessment()
            .report(
                &id,
                ReportOptions::new(date("2017-06-30"), lang, Format::Markdown),
            )
            .unwrap();
        assert!(r.contains(words), "{lang:?}");
        let (body, appendix) = r.split_once(heading).unwrap();
        // No path into the file before the appendix; each one the findings name in it, once.
        assert!(!body.contains("agreements["), "{lang:?}");
        for f in &a.findings {
            for p in &f.evidence {
                assert_eq!(
                    appendix.matches(&format!("`{}`", p.as_str())).count(),
                    1,
                    "{p}"
                );
            }
        }
    }
    // The text and HTML writers say the same.
    let text = d
        .assessment()
        .report(
            &id,
            ReportOptions::new(date("2017-06-30"), Lang::Da, Format::Text),
        )
        .unwrap();
    assert!(text.contains("varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens version 1"));
    let html = d
        .assessment()
        .report(
            &id,
            ReportOptions::new(date("2017-06-30"), Lang::En, Format::Html),
        )
        .unwrap();
    assert!(
        html.contains(
            "the notice for the “Styregruppemøde” meeting (quarterly), agreement version 1"
        )
    );
    // The assessment shown on its own (a notebook's display) carries the same words.
    let alone = a.render(Lang::Da, Format::Markdown);
    assert!(
        alone.contains("varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens version 1")
    );
    assert!(!before_appendix(&alone).contains("agreements["));
}

#[test]
fn every_examples_evidence_reads_as_words() {
    for e in Example::ALL {
        let d = e.dossier().unwrap();
        for agreement in &d.agreements {
            let Ok(a) = d.assessment().assess(&agreement.id, date("2019-06-30")) else {
                continue;
            };
            for f in &a.findings {
                for w in &f.evidence_words {
                    for words in [&w.da, &w.en] {
                        // Words, not a path; never the fallback for a path that did not resolve.
                        assert!(!words.contains('['), "{words}");
                        assert!(!words.contains("en del af dossieret"), "{words}");
                        assert!(!words.contains("a part of the dossier"), "{words}");
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// A finding given from outside may carry any path at all, in any Unicode, resolving or
    /// not: the report names it in words (never the raw path outside the appendix), and the
    /// path itself is in the appendix, escaped.
    #[test]
    fn any_path_is_named_in_words(
        raw in prop_oneof![
            "\\PC{0,40}",
            "(agreements|posts|checklists|cohorts|surveys)(\\[[0-9]{1,20}\\]|\\.[a-z_]{1,12}){0,8}",
        ],
        lang in prop_oneof![Just(Lang::Da), Just(Lang::En)],
    ) {
        let d = Dossier::example("horsens").unwrap();
        let id: AgreementId = "horsens-lawan".into();
        let marker = "Ø«»<b>`|";
        let path = FieldPath::parse(format!("{raw}{marker}"));
        let finding = Finding {
            code: "roles.no_responsible".into(),
            severity: Severity::Warning,
            path,
            text: Text::new("Opgaven mangler en ansvarlig.", "The task has no owner."),
            source: None,
        };
        let mut options = ReportOptions::new(date("2019-06-30"), lang, Format::Markdown);
        options.external = vec![ExternalFindings {
            source: "roles".into(),
            findings: vec![finding],
        }];
        let r = d.assessment().report(&id, options).unwrap();
        prop_assert!(!before_appendix(&r).contains(marker));
        prop_assert!(r.contains("Ø«»\\<b\\>") || r.contains("Ø«»"));
    }
}

/// An overdue action item of the steering group (001 "Handling i fokus") lowers the meetings
/// score, with the item, its due day and its meeting as evidence; closing it restores it.
#[test]
fn overdue_action_items_are_a_check_with_their_evidence() {
    let mut d = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let a = d.assessment().assess(&id, date("2017-06-30")).unwrap();
    let check = a.check("assessment.overdue_action_items").unwrap();
    assert_eq!(
        (check.status, check.credit),
        (CheckStatus::PartlyMet, Some(0.5))
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.finding.code == "assessment.overdue_action_items")
        .unwrap();
    assert_eq!(
        f.finding.path.as_str(),
        "agreements[0].meetings[1].action_items[1]"
    );
    let evidence: Vec<&str> = f.evidence.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        evidence,
        [
            "agreements[0].meetings[1].action_items[1].due",
            "agreements[0].meetings[1].action_items[1].status",
            "agreements[0].meetings[1]"
        ]
    );
    assert_eq!(
        f.finding.source.as_ref().unwrap().section,
        "Handling i fokus"
    );
    assert!(f.finding.text.da.contains("149 dage over fristen"));
    // Before anything was due the check does not apply.
    let early = d.assessment().assess(&id, date("2016-12-10")).unwrap();
    assert_eq!(
        early
            .check("assessment.overdue_action_items")
            .unwrap()
            .credit,
        None
    );
    // Done on 2017-06-01: met, and the meetings score is back where it was.
    let item = &mut d.agreements[0].meetings[1].action_items[1];
    item.status = brobygger::ActionStatus::Done;
    item.closed_on = Some(date("2017-06-01"));
    let a = d.assessment().assess(&id, date("2017-06-30")).unwrap();
    assert_eq!(
        a.check("assessment.overdue_action_items").unwrap().credit,
        Some(1.0)
    );
    assert_eq!(a.dimension(Dimension::Meetings).unwrap().score, Some(95));
}
