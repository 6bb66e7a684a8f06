#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Each seed system end to end in Rust (issue 23, "done when"), one test per system, named by
//! its seed document: S1 = 000 (KL's 2015 survey of the municipalities, the national
//! reference), S2 = 001 (Lokalsamfundet Bygger Bro: Aalborg's steering group and evaluation
//! survey), S3 = 002 (Venner Viser Vej in Ikast-Brande: matching, introductions and outcomes over
//! time), S4 = 003 (KEM: Horsens and LAWAN, checklists and the association directory), S5 = 004
//! (the long-term place-bound partnership: Esbjerg). The same five run in
//! `tests/python/test_seeds.py`, `tests/kotlin/SeedsTest.kt` and in `brobygger demo`.

use brobygger::assessment::{
    CategoryAnswer, CheckStatus, SurveyRound, SurveyViewOptions, kl_2015, kl_2015_shape,
    round_shares,
};
use brobygger::directory::DirectoryOptions;
use brobygger::matching::{MatchOptions, MatchRequest, Solver};
use brobygger::outcomes::{OutcomeOptions, OutcomeRecord};
use brobygger::present::{Format, Present};
use brobygger::{Dossier, Example, Lang, Severity};

mod common;

fn valid(name: &str) -> Dossier {
    let d = Dossier::example(name).unwrap();
    let errors: Vec<_> = d
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    d
}

fn healthy(d: &Dossier, example: Example) {
    let day = example.reference_date();
    for a in &d.agreements {
        let assessment = d.assessment().assess(&a.id, day).unwrap();
        assert!(assessment.overall.is_some(), "{}", a.id);
        for lang in [Lang::Da, Lang::En] {
            let report = d
                .assessment()
                .report(
                    &a.id,
                    brobygger::ReportOptions::new(day, lang, Format::Markdown),
                )
                .unwrap();
            assert!(report.len() > 200, "{}", a.id);
        }
    }
}

#[test]
fn s1_seed_000_kl_survey_reproduces_the_published_figures_and_a_municipality_sits_beside_them() {
    let kl = kl_2015().unwrap();
    let percent = |q: &str| -> Vec<u32> {
        kl.questions
            .iter()
            .find(|x| x.id == q)
            .unwrap()
            .published
            .iter()
            .map(|p| p.percent)
            .collect()
    };
    assert_eq!(percent("cooperation_change"), [83, 17]);
    assert_eq!(percent("cooperation_degree"), [80]);
    assert_eq!(percent("civil_society_attitude"), [30, 56, 14, 86]);
    assert_eq!(percent("housing_placement"), [76]);
    // Esbjerg's housing organisation answers KL's placement question for its municipality.
    let d = valid("esbjerg");
    let rows = d
        .assessment()
        .compare_with_national(&"esbjerg".into(), &[])
        .unwrap();
    let own: Vec<_> = rows.iter().filter(|r| r.own.is_some()).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].percent, Some(76));
    // A region asking its municipalities KL's questions: a round of KL's shape, with KL's
    // published share beside each of its own.
    let shape = kl_2015_shape().unwrap();
    let questions = shape
        .measures
        .iter()
        .map(|m| brobygger::assessment::SurveyQuestion {
            id: m.id.as_str().into(),
            text: m.label.clone(),
            measure: None,
            measure_key: Some(m.id.clone()),
        })
        .collect();
    let mut d = valid("esbjerg");
    d.surveys.push(SurveyRound {
        id: "region-2025".into(),
        title: "Regionens rundspørge".into(),
        agreement: None,
        closed_on: "2025-06-01".parse().unwrap(),
        questions,
        tallies: Vec::new(),
        shape: Some(shape),
        counts: Vec::new(),
    });
    for i in 0..12 {
        let answer = if i < 9 { "more" } else { "same" };
        d.surveys_mut()
            .record_answers(
                &"region-2025".into(),
                "municipality",
                &[CategoryAnswer {
                    question: "cooperation_change".into(),
                    category: answer.into(),
                }],
            )
            .unwrap();
    }
    let shares = round_shares(d.surveys().round(&"region-2025".into()).unwrap(), 5).unwrap();
    let all = shares
        .iter()
        .find(|s| s.question.as_str() == "cooperation_change" && s.group.is_none())
        .unwrap();
    assert_eq!((all.positive, all.respondents), (Some(9), Some(12)));
    assert_eq!(all.reference, Some(0.83));
    let view = d
        .surveys()
        .view(&"region-2025".into(), &SurveyViewOptions::default())
        .unwrap();
    let text = view.present(Format::Text, Lang::Da);
    assert!(text.contains("75 %") && text.contains("83 %"), "{text}");
}

#[test]
fn s2_seed_001_lbb_aalborg_steering_group_and_its_evaluation_survey() {
    let d = valid("aalborg");
    healthy(&d, Example::Aalborg);
    let rounds = d.surveys().rounds(&"aalborg-lbb".into());
    assert_eq!(rounds.len(), 2);
    // The later round beside LBB's published figures and the change since the first, safe to
    // share: a shown share has at least five respondents.
    let view = d
        .surveys()
        .view(&"aalborg-lbb-2016".into(), &SurveyViewOptions::default())
        .unwrap();
    assert_eq!(
        view.before.as_ref().map(|b| b.as_str()),
        Some("aalborg-lbb-2015")
    );
    assert!(view.shares.iter().any(|s| s.reference.is_some()));
    assert!(
        view.shares
            .iter()
            .all(|s| s.respondents.is_none_or(|n| n >= 5))
    );
    assert!(!view.changes.is_empty());
    let tables: Vec<String> = view.tables(Lang::En).into_iter().map(|t| t.name).collect();
    assert_eq!(tables, ["group_shares", "group_share_changes"]);
}

#[test]
fn s3_seed_002_vvv_ikast_matches_introduces_and_follows_outcomes_without_singling_anyone_out() {
    healthy(&valid("ikast-brande"), Example::IkastBrande);
    let (mut d, view) = ikast_outcomes();
    // The example's follow-ups: one and two years after arrival, under the cohort's basis.
    let households = d.cohorts[0].newcomers.len();
    assert_eq!(households, 48);
    assert_eq!(d.outcomes.len(), 2 * households);
    let first = d.cohorts[0].newcomers[0].id.clone();
    let dates: Vec<_> = d.outcomes().records(&first).iter().map(|r| r.on).collect();
    assert_eq!(dates.len(), 2);
    assert!(dates[0] < dates[1]);
    assert_eq!(view.households_with_record as usize, households);
    assert_eq!(view.left_out_without_basis, 0);
    for c in &view.cells {
        if let (Some(n), Some(k)) = (c.households, c.with_outcome)
            && n > 0
        {
            assert!(k >= 5 && n - k >= 5, "{c:?}");
        }
    }
    // Enough households that figures show: every measure has shown cells, by when offers were
    // first introduced; the demo's match run splits the households so that most matched cells
    // would single some out, and those stay hidden.
    for measure in brobygger::outcomes::OutcomeMeasure::ALL {
        assert!(
            view.cells.iter().any(|c| c.measure == measure
                && c.suppression.is_none()
                && c.households.is_some_and(|n| n > 0)),
            "{measure:?}"
        );
    }
    assert!(view.cells.iter().any(|c| c.suppression.is_some()));
    let en = view.summary(Lang::En);
    assert!(
        en.contains("48 households") && !en.contains(" 0 of "),
        "{en}"
    );
    let da = view.summary(Lang::Da);
    assert!(
        da.contains("48 husstande") && !da.contains(" 0 af "),
        "{da}"
    );
    for lang in [Lang::Da, Lang::En] {
        let text = view.present(Format::Text, lang);
        assert!(!text.contains(first.as_str()), "{text}");
        assert!(text.contains("58 %") || text.contains("58%"), "{text}");
    }
    // A record without a basis is refused; the example's records round-trip.
    let back = Dossier::from_json(&d.to_json().unwrap()).unwrap();
    assert_eq!(back.outcomes, d.outcomes);
    d.privacy.bases.clear();
    let late = OutcomeRecord {
        on: "2019-03-01".parse().unwrap(),
        ..d.outcomes[0].clone()
    };
    assert_eq!(
        d.outcomes_mut()
            .record(late)
            .unwrap_err()
            .code()
            .to_string(),
        "outcome.no_basis"
    );
}

#[test]
fn s4_seed_003_kem_horsens_checklists_and_the_association_directory() {
    let d = valid("horsens");
    healthy(&d, Example::Horsens);
    assert!(!d.checklists().summary(Lang::Da).is_empty());
    let dir = d.directory().build(DirectoryOptions::default());
    assert!(
        dir.associations
            .iter()
            .any(|a| a.kind == brobygger::OrganisationKind::EthnicMinorityAssociation)
    );
    let hsds = d.directory().hsds_json(Lang::Da).unwrap();
    let v: serde_json::Value = serde_json::from_str(&hsds).unwrap();
    assert!(!v.as_array().unwrap().is_empty());
    // No person's name, e-mail or phone reaches the export.
    for p in &d.people {
        assert!(!hsds.contains(&p.name), "a person's name in the export");
    }
}

#[test]
fn s5_seed_004_esbjerg_a_long_term_place_bound_partnership() {
    let d = valid("esbjerg");
    healthy(&d, Example::Esbjerg);
    let terms = d.agreements[0].terms().unwrap();
    assert!(terms.place.is_some());
    let a = d
        .assessment()
        .assess(&d.agreements[0].id, Example::Esbjerg.reference_date())
        .unwrap();
    for code in [
        "assessment.late_involvement",
        "assessment.no_place_goal",
        "assessment.short_term",
        "assessment.business_not_at_table",
    ] {
        let c = a.checks.iter().find(|c| c.code == code).unwrap();
        assert_eq!(c.status, CheckStatus::Met, "{code}");
    }
}

/// The figures a person sees in three of the seeds, as rows of text (`|` between fields, `-`
/// for a hidden or missing number), so Python and Kotlin can assert the very same numbers:
/// `tests/python/test_seeds.py` and `tests/kotlin/SeedsTest.kt` read them from
/// `tests/fixtures/seeds/figures.json`, which this test writes when blessing
/// (`BROBYGGER_BLESS=1`) and compares with otherwise. S1: Esbjerg beside KL's published
/// figures (`brobygger national`); S2: Aalborg's 2016 round as `brobygger survey` shows it;
/// S3: Ikast-Brande's outcomes after the demo's match run, every cell that can be shown.
fn seed_figures() -> serde_json::Value {
    let num = |n: Option<u32>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
    let d = valid("esbjerg");
    let s1: Vec<String> = d
        .assessment()
        .compare_with_national(&"esbjerg".into(), &[])
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}|{}|{}",
                r.question,
                r.own.as_deref().unwrap_or("-"),
                num(r.percent)
            )
        })
        .collect();
    let d = valid("aalborg");
    let view = d
        .surveys()
        .view(&"aalborg-lbb-2016".into(), &SurveyViewOptions::default())
        .unwrap();
    let shares: Vec<String> = view
        .shares
        .iter()
        .map(|s| {
            format!(
                "{}|{}|{}|{}",
                s.question,
                s.group.as_deref().unwrap_or("-"),
                num(s.respondents),
                num(s.positive)
            )
        })
        .collect();
    let changes: Vec<String> = view
        .changes
        .iter()
        .map(|c| {
            format!(
                "{}|{}|{:.6}",
                c.question,
                c.group.as_deref().unwrap_or("-"),
                c.change
            )
        })
        .collect();
    let before = view.before.as_ref().map(|b| b.to_string());
    let (_, view) = ikast_outcomes();
    let snake = |v: serde_json::Value| v.as_str().unwrap().to_owned();
    let shown: Vec<String> = view
        .cells
        .iter()
        .filter(|c| c.suppression.is_none() && c.households.is_some_and(|n| n > 0))
        .map(|c| {
            format!(
                "{}|{}|{}|{}|{}",
                snake(serde_json::to_value(c.grouping).unwrap()),
                snake(serde_json::to_value(c.timing).unwrap()),
                snake(serde_json::to_value(c.measure).unwrap()),
                num(c.households),
                num(c.with_outcome)
            )
        })
        .collect();
    serde_json::json!({
        "s1_esbjerg_beside_kl_2015": s1,
        "s2_aalborg_lbb_2016": {
            "before": before,
            "shares": shares,
            "changes": changes,
        },
        "s3_ikast_2016_q1": {
            "as_of": Example::IkastBrande.reference_date().to_string(),
            "households_with_record": view.households_with_record,
            "shown": shown,
        },
    })
}

/// Ikast-Brande's example with the demo's match run (2016-04-01) stored, and its cohort's
/// outcomes on the example's day.
fn ikast_outcomes() -> (Dossier, brobygger::outcomes::OutcomeView) {
    let mut d = valid("ikast-brande");
    let cohort = d.cohorts[0].id.clone();
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: cohort.clone(),
            rule_set: d.rule_sets[0].id.clone(),
            options: MatchOptions::new(Solver::Optimal, "2016-04-01".parse().unwrap()),
        })
        .unwrap();
    assert!(!run.matches.is_empty());
    d.matching_mut().add_run(run).unwrap();
    let view = d
        .outcomes()
        .cohort_view(
            &cohort,
            OutcomeOptions::as_of(Example::IkastBrande.reference_date()),
        )
        .unwrap();
    (d, view)
}

#[test]
fn the_seed_figures_python_and_kotlin_assert_are_the_rust_figures() {
    let text = serde_json::to_string_pretty(&seed_figures()).unwrap() + "\n";
    common::golden(&common::fixtures().join("seeds/figures.json"), &text);
}
