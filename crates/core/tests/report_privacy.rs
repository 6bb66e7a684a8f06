#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Reports never let a hidden survey group be worked out from the share of all respondents.

use brobygger::assessment::{AnswerTally, LikertAnswer, RespondentGroup, SurveyQuestion};
use brobygger::{Dossier, Format, Lang, ReportOptions, SurveyRound, Text};

fn tally(group: RespondentGroup, answer: LikertAnswer, count: u32) -> AnswerTally {
    AnswerTally {
        group,
        question: "q".into(),
        answer,
        count,
    }
}

#[test]
fn a_small_group_hides_one_more_group_when_the_total_is_shown() {
    let mut d = Dossier::example("aalborg").unwrap();
    d.surveys_mut()
        .add(SurveyRound {
            id: "small-groups".into(),
            title: "Small groups".into(),
            agreement: Some("aalborg-lbb".into()),
            closed_on: "2017-05-01".parse().unwrap(),
            questions: vec![SurveyQuestion {
                id: "q".into(),
                text: Text::new("Kender hinanden bedre", "Know each other better"),
                measure: None,
                measure_key: None,
            }],
            // Volunteers 23/30 = 77%, municipal 11/12 = 92%, newcomers 2/3 = 67%.
            tallies: vec![
                tally(RespondentGroup::Volunteer, LikertAnswer::Agree, 23),
                tally(RespondentGroup::Volunteer, LikertAnswer::Disagree, 7),
                tally(RespondentGroup::MunicipalStaff, LikertAnswer::Agree, 11),
                tally(RespondentGroup::MunicipalStaff, LikertAnswer::Disagree, 1),
                tally(RespondentGroup::Newcomer, LikertAnswer::Agree, 2),
                tally(RespondentGroup::Newcomer, LikertAnswer::Disagree, 1),
            ],
            shape: None,
            counts: Vec::new(),
        })
        .unwrap();
    let report = d
        .assessment()
        .report(
            &"aalborg-lbb".into(),
            ReportOptions::new("2017-06-30".parse().unwrap(), Lang::En, Format::Markdown),
        )
        .unwrap();
    let section = &report[report.find("Small groups").unwrap()..];
    // The newcomers (3 answers) are hidden, and so is the municipal group (12): otherwise
    // 36 of 45 overall minus 23 of 30 and 11 of 12 would give the newcomers' 2 of 3.
    assert!(!section.contains("(2/3)"), "{section}");
    assert!(!section.contains("(11/12)"), "{section}");
    assert!(section.contains("(23/30)"), "{section}");
    assert!(section.contains("(36/45)"), "{section}");
}
