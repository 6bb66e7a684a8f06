//! Surveys of any shape: the shares of a round by its shape's groups and categories, with
//! Wilson intervals and the one suppression of small groups (`crate::privacy::aggregate`), the
//! changes between two rounds with Newcombe's interval, recording a response in the shape's
//! categories, and KL's 2015 survey of the municipalities (000) as a shape whose published
//! shares are its references.

use crate::assessment::model::{
    CategoryAnswer, CategoryTally, Interval, MeasureReference, ScaleCategory, ShapeGroup,
    ShapeMeasure, SurveyPopulation, SurveyRound, SurveyShape, Z_95, wilson_interval,
};
use crate::assessment::national::kl_2015;
use crate::assessment::survey::{SurveyCode, find_survey, tally_response};
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::Text;
use crate::ids::{QuestionId, SurveyId};
use crate::privacy::aggregate::{Suppression, suppress};
use crate::privacy::model::codes::PrivacyError;

/// The share for one question and group of a round of any shape, with its Wilson interval, or
/// hidden.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupShare {
    /// The question.
    pub question: QuestionId,
    /// The group's id; `None` for all respondents together.
    pub group: Option<String>,
    /// Respondents who answered the question (hidden when suppressed).
    pub respondents: Option<u32>,
    /// Of them, answers in a positive category (hidden when suppressed).
    pub positive: Option<u32>,
    /// `positive / respondents` (hidden when suppressed).
    pub share: Option<f64>,
    /// The 95% Wilson score interval of the share (hidden when suppressed).
    pub interval: Option<Interval>,
    /// The share the shape's publication gives for the question's measure and the group.
    pub reference: Option<f64>,
    /// Why the share is hidden, if it is.
    pub suppression: Option<Suppression>,
}

/// The change of one share between two rounds of any shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupShareChange {
    /// The question (its id in the later round).
    pub question: QuestionId,
    /// The group's id; `None` for all respondents together.
    pub group: Option<String>,
    /// The earlier share.
    pub before: f64,
    /// The later share.
    pub after: f64,
    /// `after − before`, from −1 to 1.
    pub change: f64,
    /// Newcombe's 95% interval of the change.
    pub interval: Interval,
    /// Whether the interval excludes zero.
    pub significant: bool,
}

/// Every share of `round`: for each question in order, each of the shape's groups that
/// answered, then everyone. A group's share is shown only when at least `min_cell` answered,
/// and when one group is hidden while everyone's share is shown, the smallest other group is
/// hidden too (the one suppression rule, `privacy::aggregate::suppress`); everyone's share is
/// hidden under `min_cell` as well.
pub fn round_shares(round: &SurveyRound, min_cell: u32) -> Result<Vec<GroupShare>, BrobyggerError> {
    if min_cell == 0 {
        return Err(PrivacyError::InvalidParameter {
            field: "min_cell",
            reason: "must be at least 1",
        }
        .into());
    }
    let Some(shape) = round.effective_shape() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for q in &round.questions {
        let measure = q.measure_id();
        let reference = |group: Option<&str>| measure.and_then(|m| shape.reference(m, group));
        let groups: Vec<(&str, (u32, u32))> = shape
            .groups
            .iter()
            .map(|g| (g.id.as_str(), round.category_counts(q, Some(&g.id))))
            .filter(|(_, (_, n))| *n > 0)
            .collect();
        let (all_pos, all_n) = round.category_counts(q, None);
        if all_n == 0 {
            continue;
        }
        let all_shown = all_n >= min_cell;
        let counts: Vec<u32> = groups.iter().map(|(_, (_, n))| *n).collect();
        let states = suppress(&counts, min_cell, all_shown && groups.len() > 1);
        for ((g, (pos, n)), state) in groups.iter().zip(states) {
            out.push(share(&q.id, Some(g), *pos, *n, reference(Some(g)), state));
        }
        let state = (!all_shown).then_some(Suppression::Primary);
        out.push(share(&q.id, None, all_pos, all_n, reference(None), state));
    }
    Ok(out)
}

fn share(
    question: &QuestionId,
    group: Option<&str>,
    positive: u32,
    n: u32,
    reference: Option<f64>,
    suppression: Option<Suppression>,
) -> GroupShare {
    let shown = suppression.is_none();
    GroupShare {
        question: question.clone(),
        group: group.map(str::to_owned),
        respondents: shown.then_some(n),
        positive: shown.then_some(positive),
        share: shown.then(|| f64::from(positive) / f64::from(n)),
        interval: if shown {
            wilson_interval(positive, n, Z_95)
        } else {
            None
        },
        reference,
        suppression,
    }
}

/// The changes from `before` to `after` for every question both rounds asked (by id, or else by
/// the measure they ask about) and every group that answered in both, with Newcombe's interval.
pub fn round_changes(before: &SurveyRound, after: &SurveyRound) -> Vec<GroupShareChange> {
    let mut out = Vec::new();
    let Some(shape) = after.effective_shape() else {
        return out;
    };
    for q in &after.questions {
        let earlier = before.question(&q.id).or_else(|| {
            q.measure_id()
                .and_then(|m| before.questions.iter().find(|b| b.measure_id() == Some(m)))
        });
        let Some(bq) = earlier else { continue };
        let groups = shape
            .groups
            .iter()
            .map(|g| Some(g.id.as_str()))
            .chain([None]);
        for g in groups {
            let (bp, bn) = before.category_counts(bq, g);
            let (ap, an) = after.category_counts(q, g);
            let (Some(bi), Some(ai)) =
                (wilson_interval(bp, bn, Z_95), wilson_interval(ap, an, Z_95))
            else {
                continue;
            };
            let (b, a) = (f64::from(bp) / f64::from(bn), f64::from(ap) / f64::from(an));
            let interval = crate::assessment::model::newcombe(b, bi, a, ai);
            out.push(GroupShareChange {
                question: q.id.clone(),
                group: g.map(str::to_owned),
                before: b,
                after: a,
                change: a - b,
                significant: interval.low > 0.0 || interval.high < 0.0,
                interval,
            });
        }
    }
    out
}

/// Adds one respondent of `group` to a round's counts, each answer a category of the question's
/// scale. The group, every question and category must be in the round's shape, each question
/// answered once; otherwise nothing changes.
pub(crate) fn record_answers(
    dossier: &mut Dossier,
    survey: &SurveyId,
    group: &str,
    answers: &[CategoryAnswer],
) -> Result<(), BrobyggerError> {
    let round = dossier
        .surveys
        .iter_mut()
        .find(|s| &s.id == survey)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?;
    let shape = round
        .effective_shape()
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?;
    if !shape.groups.iter().any(|g| g.id == group) {
        return Err(BrobyggerError::invalid_input(
            SurveyCode::UnknownGroup,
            "group",
            "the survey's shape has no such respondent group",
        ));
    }
    for (i, a) in answers.iter().enumerate() {
        let Some(q) = round.question(&a.question) else {
            return Err(BrobyggerError::invalid_input(
                NotFoundCode::Question,
                &format!("answers[{i}].question"),
                format!("the survey has no question {}", a.question),
            ));
        };
        if !shape
            .scale_of(q.measure_id())
            .iter()
            .any(|c| c.id == a.category)
        {
            return Err(BrobyggerError::invalid_input(
                SurveyCode::UnknownCategory,
                &format!("answers[{i}].category"),
                "the question has no such answer category",
            ));
        }
    }
    tally_response(
        &mut round.counts,
        answers,
        |a| &a.question,
        |t, a| t.group == group && t.question == a.question && t.category == a.category,
        |t| &mut t.count,
        |a| CategoryTally {
            group: group.to_owned(),
            question: a.question.clone(),
            category: a.category.clone(),
            count: 1,
        },
    )
}

pub(crate) fn survey_shares(
    dossier: &Dossier,
    survey: &SurveyId,
    min_cell: u32,
) -> Result<Vec<GroupShare>, BrobyggerError> {
    let round = find_survey(dossier, survey)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?;
    round_shares(round, min_cell)
}

pub(crate) fn survey_changes(
    dossier: &Dossier,
    before: &SurveyId,
    after: &SurveyId,
) -> Result<Vec<GroupShareChange>, BrobyggerError> {
    let b = find_survey(dossier, before)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, before))?;
    let a = find_survey(dossier, after)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, after))?;
    Ok(round_changes(b, a))
}

/// KL's 2015 survey of the municipalities (000) as a survey shape: one respondent group
/// (`municipality`), each question a measure with its own answer categories, those the
/// publication's headline share covers positive, and that share its reference. A round of this
/// shape (a region asking its municipalities the same questions) shows its shares beside KL's.
pub fn kl_2015_shape() -> Result<SurveyShape, BrobyggerError> {
    let kl = kl_2015()?;
    Ok(SurveyShape {
        id: kl.id.clone(),
        title: kl.title.clone(),
        population: SurveyPopulation::Municipalities,
        groups: vec![ShapeGroup {
            id: "municipality".to_owned(),
            label: Text::new("kommuner", "municipalities"),
        }],
        scale: Vec::new(),
        measures: kl
            .questions
            .iter()
            .map(|q| {
                let headline = q.published.iter().find(|p| p.categories == q.positive);
                ShapeMeasure {
                    id: q.id.clone(),
                    label: q.text.clone(),
                    scale: q
                        .categories
                        .iter()
                        .map(|c| ScaleCategory {
                            id: c.id.clone(),
                            label: c.label.clone(),
                            positive: q.positive.contains(&c.id),
                        })
                        .collect(),
                    source: headline.map(|p| p.source.clone()),
                    references: headline
                        .map(|p| MeasureReference {
                            group: None,
                            share: f64::from(p.percent) / 100.0,
                            respondents: kl.respondents,
                        })
                        .into_iter()
                        .collect(),
                }
            })
            .collect(),
    })
}
