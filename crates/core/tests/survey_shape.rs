#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Surveys of any shape (issue 23, item 2): measures, questions and respondent groups as data.
//! LBB's two measures are one instance (its reference shares come from the data and a round
//! without a shape gives the same shares as before); a round of the municipalities in KL's
//! 2015 shape shows its shares beside KL's published ones; intervals and suppression are the
//! ones the LBB rounds have; bad answers are typed errors and change nothing.

use brobygger::Dossier;
use brobygger::Text;
use brobygger::assessment::{
    CategoryAnswer, RespondentGroup, SurveyMeasure, SurveyPopulation, SurveyQuestion, SurveyRound,
    SurveyShape, kl_2015, kl_2015_shape, round_shares,
};
use proptest::prelude::*;

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn lbbs_measures_are_one_instance_of_a_shape() {
    let lbb = SurveyShape::lbb().unwrap();
    assert_eq!(lbb.id, "lbb-2017");
    assert_eq!(lbb.population, SurveyPopulation::Partnership);
    let groups: Vec<&str> = lbb.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, ["volunteer", "municipal_staff", "newcomer"]);
    for g in RespondentGroup::ALL {
        assert!(groups.contains(&g.key()));
    }
    // The seed's figures (001): 81 % / 84 % know each other better, 72 % improved cooperation.
    assert_eq!(
        lbb.reference("know_each_other_better", Some("volunteer")),
        Some(0.81)
    );
    assert_eq!(
        lbb.reference("know_each_other_better", Some("municipal_staff")),
        Some(0.84)
    );
    assert_eq!(lbb.reference("improved_cooperation", None), Some(0.72));
    assert_eq!(
        SurveyMeasure::KnowEachOtherBetter.reference(Some(RespondentGroup::Volunteer)),
        Some(0.81)
    );
    assert_eq!(
        SurveyMeasure::ImprovedCooperation.reference(None),
        Some(0.72)
    );
    assert_eq!(
        SurveyMeasure::ImprovedCooperation.reference(Some(RespondentGroup::Newcomer)),
        None
    );
}

#[test]
fn a_round_without_a_shape_gives_the_same_shares_as_before() {
    for example in ["aalborg", "ikast-brande"] {
        let d = Dossier::example(example).unwrap();
        for round in &d.surveys {
            let old = round.results();
            let new = round_shares(round, 1).unwrap();
            assert_eq!(old.len(), new.len(), "{}", round.id);
            for (o, n) in old.iter().zip(&new) {
                assert_eq!(o.question, n.question);
                assert_eq!(o.group.map(|g| g.key().to_owned()), n.group);
                assert_eq!(Some(o.respondents), n.respondents);
                assert_eq!(Some(o.positive), n.positive);
                assert_eq!(Some(o.interval), n.interval);
                assert_eq!(o.reference, n.reference);
            }
        }
    }
}

fn municipalities_round() -> SurveyRound {
    let shape = kl_2015_shape().unwrap();
    let questions = shape
        .measures
        .iter()
        .map(|m| SurveyQuestion {
            id: m.id.as_str().into(),
            text: m.label.clone(),
            measure: None,
            measure_key: Some(m.id.clone()),
        })
        .collect();
    SurveyRound {
        id: "region-2017".into(),
        title: "Regionens rundspørge til kommunerne".into(),
        agreement: None,
        closed_on: date("2017-12-01"),
        questions,
        tallies: Vec::new(),
        shape: Some(shape),
        counts: Vec::new(),
    }
}

#[test]
fn a_round_of_the_municipalities_sits_beside_kls_published_shares() {
    let shape = kl_2015_shape().unwrap();
    assert_eq!(shape.population, SurveyPopulation::Municipalities);
    // Every headline share of KL's survey is the reference of its measure.
    let kl = kl_2015().unwrap();
    let refs: Vec<(&str, Option<f64>)> = shape
        .measures
        .iter()
        .map(|m| (m.id.as_str(), shape.reference(&m.id, None)))
        .collect();
    assert_eq!(
        refs,
        [
            ("cooperation_change", Some(0.83)),
            ("cooperation_degree", Some(0.80)),
            ("civil_society_attitude", Some(0.86)),
            ("housing_placement", Some(0.76)),
        ]
    );
    assert_eq!(kl.questions.len(), shape.measures.len());
    let mut d = Dossier::example("aalborg").unwrap();
    d.surveys_mut().add(municipalities_round()).unwrap();
    let id = "region-2017".into();
    // Eleven municipalities answer the housing question: eight cooperate to a high or very high
    // degree.
    for k in 0..11 {
        let category = [
            "very_high",
            "high",
            "high",
            "high",
            "very_high",
            "high",
            "high",
            "high",
            "some",
            "low",
            "some",
        ][k];
        d.surveys_mut()
            .record_answers(
                &id,
                "municipality",
                &[CategoryAnswer {
                    question: "housing_placement".into(),
                    category: category.into(),
                }],
            )
            .unwrap();
    }
    let shares = d.surveys().shares(&id, 5).unwrap();
    let all = shares
        .iter()
        .find(|s| s.question.as_str() == "housing_placement" && s.group.is_none())
        .unwrap();
    assert_eq!((all.positive, all.respondents), (Some(8), Some(11)));
    assert_eq!(all.reference, Some(0.76));
    let i = all.interval.unwrap();
    assert!(i.low < 0.76 && 0.76 < i.high, "{i:?}");
    // A question nobody answered has no share.
    assert!(
        shares
            .iter()
            .all(|s| s.question.as_str() == "housing_placement")
    );
    // Under the threshold everything is hidden.
    let hidden = d.surveys().shares(&id, 12).unwrap();
    assert!(
        hidden
            .iter()
            .all(|s| s.share.is_none() && s.suppression.is_some())
    );
    // A second round: the change with Newcombe's interval.
    let mut later = municipalities_round();
    later.id = "region-2018".into();
    later.closed_on = date("2018-12-01");
    d.surveys_mut().add(later).unwrap();
    for k in 0..10 {
        d.surveys_mut()
            .record_answers(
                &"region-2018".into(),
                "municipality",
                &[CategoryAnswer {
                    question: "housing_placement".into(),
                    category: if k < 9 { "high" } else { "low" }.into(),
                }],
            )
            .unwrap();
    }
    let changes = d
        .surveys()
        .share_changes(&id, &"region-2018".into())
        .unwrap();
    let c = changes.iter().find(|c| c.group.is_none()).unwrap();
    assert!((c.change - (0.9 - 8.0 / 11.0)).abs() < 1e-9);
    assert!(c.interval.low < c.change && c.change < c.interval.high);
    assert!(!c.significant);
}

#[test]
fn bad_answers_and_bad_counts_are_typed_and_change_nothing() {
    let mut d = Dossier::example("aalborg").unwrap();
    d.surveys_mut().add(municipalities_round()).unwrap();
    let id = "region-2017".into();
    let before = d.clone();
    let answer = |q: &str, c: &str| CategoryAnswer {
        question: q.into(),
        category: c.into(),
    };
    let code = |r: Result<(), brobygger::BrobyggerError>| r.unwrap_err().code().to_string();
    assert_eq!(
        code(d.surveys_mut().record_answers(
            &id,
            "volunteer",
            &[answer("housing_placement", "high")]
        )),
        "survey.unknown_group"
    );
    assert_eq!(
        code(d.surveys_mut().record_answers(
            &id,
            "municipality",
            &[answer("housing_placement", "agree")]
        )),
        "survey.unknown_category"
    );
    assert_eq!(
        code(
            d.surveys_mut()
                .record_answers(&id, "municipality", &[answer("weather", "high")])
        ),
        "not_found.question"
    );
    assert_eq!(
        code(d.surveys_mut().record_answers(
            &id,
            "municipality",
            &[
                answer("housing_placement", "high"),
                answer("housing_placement", "low")
            ]
        )),
        "survey.question_answered_twice"
    );
    assert_eq!(d.surveys, before.surveys);
    // Counts naming what the shape lacks are dangling references; twice the same is a warning.
    let mut round = municipalities_round();
    round.id = "bad".into();
    round.counts = vec![
        brobygger::assessment::CategoryTally {
            group: "volunteer".into(),
            question: "housing_placement".into(),
            category: "high".into(),
            count: 1,
        },
        brobygger::assessment::CategoryTally {
            group: "municipality".into(),
            question: "housing_placement".into(),
            category: "agree".into(),
            count: 1,
        },
    ];
    round.questions[0].measure_key = Some("weather".into());
    let err = d.surveys_mut().add(round).unwrap_err();
    let mut paths: Vec<String> = err
        .findings()
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "validation.dangling_reference surveys[3].counts[0].group",
            "validation.dangling_reference surveys[3].counts[1].category",
            "validation.dangling_reference surveys[3].questions[0].measure_key",
        ]
    );
    // The file format keeps older rounds: a round without a shape or counts reads as before.
    let json = serde_json::to_string(&before.surveys[0]).unwrap();
    assert!(!json.contains("\"shape\"") && !json.contains("\"counts\""));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any shape: groups, categories and answers generated; the shares count what was recorded,
    /// every shown group has at least `min` respondents and no hidden group is the only one
    /// hidden beside a shown total.
    #[test]
    fn shares_of_any_shape_count_what_was_recorded(
        groups in 1usize..5,
        categories in 2usize..6,
        answers in prop::collection::vec((0usize..5, 0usize..6), 0..60),
        min in 1u32..6,
    ) {
        let shape = SurveyShape {
            id: "any".into(),
            title: Text::new("Enhver", "Any"),
            population: SurveyPopulation::Other,
            groups: (0..groups).map(|g| brobygger::assessment::ShapeGroup { id: format!("g{g}"), label: Text::new(format!("g{g}"), format!("g{g}")) }).collect(),
            scale: (0..categories).map(|c| brobygger::assessment::ScaleCategory { id: format!("c{c}"), label: Text::new(format!("c{c}"), format!("c{c}")), positive: c == 0 }).collect(),
            measures: Vec::new(),
        };
        let mut d = Dossier::example("aalborg").unwrap();
        d.surveys_mut().add(SurveyRound {
            id: "any".into(),
            title: "Any".into(),
            agreement: None,
            closed_on: date("2020-01-01"),
            questions: vec![SurveyQuestion { id: "q".into(), text: Text::new("Q", "Q"), measure: None, measure_key: None }],
            tallies: Vec::new(),
            shape: Some(shape),
            counts: Vec::new(),
        }).unwrap();
        let mut truth = vec![(0u32, 0u32); groups];
        for (g, c) in &answers {
            let (g, c) = (g % groups, c % categories);
            d.surveys_mut().record_answers(&"any".into(), &format!("g{g}"), &[CategoryAnswer { question: "q".into(), category: format!("c{c}") }]).unwrap();
            truth[g].1 += 1;
            truth[g].0 += u32::from(c == 0);
        }
        let shares = d.surveys().shares(&"any".into(), min).unwrap();
        let total: u32 = truth.iter().map(|t| t.1).sum();
        prop_assert_eq!(shares.is_empty(), total == 0);
        let mut hidden = 0;
        for s in &shares {
            match (&s.group, s.respondents) {
                (Some(g), Some(n)) => {
                    let k: usize = g[1..].parse().unwrap();
                    prop_assert_eq!((s.positive, n), (Some(truth[k].0), truth[k].1));
                    prop_assert!(n >= min);
                }
                (None, Some(n)) => { prop_assert_eq!(n, total); prop_assert!(n >= min); }
                (Some(_), None) => hidden += 1,
                (None, None) => prop_assert!(total < min),
            }
        }
        let total_shown = shares.iter().any(|s| s.group.is_none() && s.respondents.is_some());
        prop_assert!(!(total_shown && hidden == 1));
    }
}
