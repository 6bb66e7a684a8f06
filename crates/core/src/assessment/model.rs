//! Evaluation surveys: rounds of questions answered by volunteers, municipal staff and
//! newcomers, stored as counts per respondent group, and the shares the LBB evaluation reports
//! ("know each other better": 81% of volunteers, 84% of municipal actors; "improved the
//! cooperation": 72%, seed 001) with confidence intervals and the change between two rounds.
//!
//! ## Why counts and not individual answers?
//! A round stores how many respondents of each group gave each answer to each question
//! ([`AnswerTally`]); [`SurveysFacet::record_response`](crate::SurveysFacet::record_response) adds one response to those
//! counts. Every figure the evaluation needs comes from the counts, and a document that never
//! holds a respondent's answer sheet cannot leak one. Small groups can still identify people,
//! so reports leave out shares from fewer than [`MIN_REPORTED_RESPONDENTS`] respondents.
//!
//! ## The statistics
//! - **Share**: respondents answering *agree* or *strongly agree*, divided by everyone who
//!   answered the question, *don't know* and *neutral* included (as the evaluation's "81 pct.
//!   tilkendegiver ..." reads).
//! - **Confidence interval**: the Wilson score interval (Wilson 1927) at `z` = 1.96 (95%). Unlike
//!   the textbook `p ± z·√(p(1−p)/n)` it stays inside 0–100% and keeps its coverage for the small
//!   groups and extreme shares partnership surveys have; at 0 of n it is not the empty interval.
//! - **Change between rounds**: the difference of the two shares with Newcombe's hybrid score
//!   interval (Newcombe 1998, method 10), built from the two Wilson intervals. It assumes the two
//!   rounds are independent samples; when the same people answer both, it is conservative. A
//!   change is *significant* when its interval excludes zero.

use crate::i18n::{Text, labels};
use crate::ids::{AgreementId, QuestionId, SurveyId};
use chrono::NaiveDate;

/// `z` for a two-sided 95% interval: the 0.975 quantile of the standard normal distribution.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// Reports leave out shares from groups smaller than this, so no answer can be traced back to a
/// person (statistical disclosure control).
pub const MIN_REPORTED_RESPONDENTS: u32 = 5;

/// One round of an evaluation survey.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SurveyRound {
    /// Id, e.g. `aalborg-lbb-2016`.
    pub id: SurveyId,
    /// Title, e.g. "Survey ved evalueringen af LBB".
    pub title: String,
    /// The agreement whose partnership was surveyed, if the round is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// The day the round closed; answers are counted up to then.
    pub closed_on: NaiveDate,
    /// The questions asked.
    pub questions: Vec<SurveyQuestion>,
    /// How many respondents of each group gave each answer to each question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tallies: Vec<AnswerTally>,
}

/// A question of a survey round, answered on an agree–disagree scale.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SurveyQuestion {
    /// Id within the round; keep it the same across rounds so changes can be computed.
    pub id: QuestionId,
    /// The statement respondents agree or disagree with, in Danish and English.
    pub text: Text,
    /// The standard measure the question asks about, if any; it gives the LBB reference figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<SurveyMeasure>,
}

/// Measures with reference figures from the LBB evaluation (seed 001).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SurveyMeasure {
    /// Volunteers and municipal actors know each other better (81% / 84% in LBB).
    KnowEachOtherBetter,
    /// The partnership improved the cooperation between volunteers and municipality (72%).
    ImprovedCooperation,
}

labels!(SurveyMeasure, "survey_measure" {
    KnowEachOtherBetter => ("kender hinanden bedre", "know each other better"),
    ImprovedCooperation => ("bedre samarbejde", "improved cooperation"),
});

impl SurveyMeasure {
    /// Where the reference figures come from.
    pub fn source(self) -> crate::finding::SourceRef {
        let section = match self {
            SurveyMeasure::KnowEachOtherBetter => "Mange erfaringer – stor læring",
            SurveyMeasure::ImprovedCooperation => "Invitation til åben dialog",
        };
        crate::finding::SourceRef::new(crate::finding::SeedDocument::Lbb2017, section)
    }

    /// The share the LBB evaluation reports for `group` (`None`: all respondents), if it
    /// reports one (001 "Mange erfaringer – stor læring", "Invitation til åben dialog").
    pub fn reference(self, group: Option<RespondentGroup>) -> Option<f64> {
        match (self, group) {
            (SurveyMeasure::KnowEachOtherBetter, Some(RespondentGroup::Volunteer)) => Some(0.81),
            (SurveyMeasure::KnowEachOtherBetter, Some(RespondentGroup::MunicipalStaff)) => {
                Some(0.84)
            }
            (SurveyMeasure::ImprovedCooperation, None) => Some(0.72),
            _ => None,
        }
    }
}

/// Who answered.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RespondentGroup {
    /// Volunteers and association members.
    Volunteer,
    /// Municipal staff and managers.
    MunicipalStaff,
    /// Newly arrived refugees.
    Newcomer,
}

labels!(RespondentGroup, "respondent_group" {
    Volunteer => ("frivillige", "volunteers"),
    MunicipalStaff => ("kommunale aktører", "municipal staff"),
    Newcomer => ("nyankomne", "newcomers"),
});

impl RespondentGroup {
    /// Every group, in report order.
    pub const ALL: [RespondentGroup; 3] = [
        RespondentGroup::Volunteer,
        RespondentGroup::MunicipalStaff,
        RespondentGroup::Newcomer,
    ];
}

/// An answer on the agree–disagree scale.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LikertAnswer {
    /// Strongly agree.
    StronglyAgree,
    /// Agree.
    Agree,
    /// Neither agree nor disagree.
    Neutral,
    /// Disagree.
    Disagree,
    /// Strongly disagree.
    StronglyDisagree,
    /// Don't know.
    DontKnow,
}

labels!(LikertAnswer, "survey_answer" {
    StronglyAgree => ("meget enig", "strongly agree"),
    Agree => ("enig", "agree"),
    Neutral => ("hverken enig eller uenig", "neither agree nor disagree"),
    Disagree => ("uenig", "disagree"),
    StronglyDisagree => ("meget uenig", "strongly disagree"),
    DontKnow => ("ved ikke", "don't know"),
});

impl LikertAnswer {
    /// Whether the answer counts towards the positive share (agree or strongly agree).
    pub fn is_positive(self) -> bool {
        matches!(self, LikertAnswer::StronglyAgree | LikertAnswer::Agree)
    }
}

/// How many respondents of a group gave one answer to one question.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerTally {
    /// The respondents' group.
    pub group: RespondentGroup,
    /// The question.
    pub question: QuestionId,
    /// The answer.
    pub answer: LikertAnswer,
    /// How many gave it.
    pub count: u32,
}

/// One respondent's answer to one question, for [`crate::SurveysFacet::record_response`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SurveyAnswer {
    /// The question.
    pub question: QuestionId,
    /// The answer.
    pub answer: LikertAnswer,
}

/// A closed interval of shares, both ends in 0–1.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Interval {
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

/// The positive share for one question and group, with its Wilson interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShareEstimate {
    /// The question.
    pub question: QuestionId,
    /// The group; `None` for all respondents together.
    pub group: Option<RespondentGroup>,
    /// Respondents answering agree or strongly agree.
    pub positive: u32,
    /// Respondents who answered the question.
    pub respondents: u32,
    /// `positive / respondents`.
    pub share: f64,
    /// The 95% Wilson score interval of the share.
    pub interval: Interval,
    /// The share the LBB evaluation reports for this measure and group, if any.
    pub reference: Option<f64>,
}

/// The change of one share between two rounds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShareChange {
    /// The question (its id in the later round).
    pub question: QuestionId,
    /// The group; `None` for all respondents together.
    pub group: Option<RespondentGroup>,
    /// The earlier round's estimate.
    pub before: ShareEstimate,
    /// The later round's estimate.
    pub after: ShareEstimate,
    /// `after.share − before.share`, from −1 to 1.
    pub change: f64,
    /// Newcombe's 95% interval of the change.
    pub interval: Interval,
    /// Whether the interval excludes zero.
    pub significant: bool,
}

/// The Wilson score interval for `successes` of `n` at normal quantile `z`; `None` when `n` is 0,
/// `successes > n` or `z` is not a positive finite number.
pub fn wilson_interval(successes: u32, n: u32, z: f64) -> Option<Interval> {
    if n == 0 || successes > n || !z.is_finite() || z <= 0.0 {
        return None;
    }
    let n = f64::from(n);
    let p = f64::from(successes) / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    // At 0 of n and n of n the bound is exactly 0 or 1; rounding would leave 1e-16 off.
    let k = f64::from(successes);
    Some(Interval {
        low: if k == 0.0 {
            0.0
        } else {
            (centre - half).clamp(0.0, 1.0)
        },
        high: if k == n {
            1.0
        } else {
            (centre + half).clamp(0.0, 1.0)
        },
    })
}

/// Newcombe's hybrid score interval for `after.share − before.share` from the two Wilson
/// intervals.
pub fn newcombe_interval(before: &ShareEstimate, after: &ShareEstimate) -> Interval {
    let (a, la, ua) = (after.share, after.interval.low, after.interval.high);
    let (b, lb, ub) = (before.share, before.interval.low, before.interval.high);
    let d = a - b;
    Interval {
        low: (d - ((a - la).powi(2) + (ub - b).powi(2)).sqrt()).max(-1.0),
        high: (d + ((ua - a).powi(2) + (b - lb).powi(2)).sqrt()).min(1.0),
    }
}

impl SurveyRound {
    /// The question with `id`.
    pub fn question(&self, id: &QuestionId) -> Option<&SurveyQuestion> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// `(positive, respondents)` for a question and group (`None`: everyone), saturating.
    pub fn counts(&self, question: &QuestionId, group: Option<RespondentGroup>) -> (u32, u32) {
        self.tallies
            .iter()
            .filter(|t| &t.question == question && group.is_none_or(|g| g == t.group))
            .fold((0u32, 0u32), |(pos, all), t| {
                (
                    if t.answer.is_positive() {
                        pos.saturating_add(t.count)
                    } else {
                        pos
                    },
                    all.saturating_add(t.count),
                )
            })
    }

    /// The estimate for a question and group, if anyone in the group answered.
    pub fn estimate(
        &self,
        question: &SurveyQuestion,
        group: Option<RespondentGroup>,
    ) -> Option<ShareEstimate> {
        let (positive, respondents) = self.counts(&question.id, group);
        let interval = wilson_interval(positive, respondents, Z_95)?;
        Some(ShareEstimate {
            question: question.id.clone(),
            group,
            positive,
            respondents,
            share: f64::from(positive) / f64::from(respondents),
            interval,
            reference: question.measure.and_then(|m| m.reference(group)),
        })
    }

    /// Every estimate: for each question in order, each group that answered, then everyone.
    pub fn results(&self) -> Vec<ShareEstimate> {
        let mut out = Vec::new();
        for q in &self.questions {
            for g in RespondentGroup::ALL {
                out.extend(self.estimate(q, Some(g)));
            }
            out.extend(self.estimate(q, None));
        }
        out
    }

    /// The changes from `before` to this round, for every question both rounds asked (matched
    /// by id, or else by standard measure) and every group that answered in both.
    pub fn changes_since(&self, before: &SurveyRound) -> Vec<ShareChange> {
        let mut out = Vec::new();
        for q in &self.questions {
            let earlier = before.question(&q.id).or_else(|| {
                q.measure
                    .and_then(|m| before.questions.iter().find(|b| b.measure == Some(m)))
            });
            let Some(bq) = earlier else { continue };
            let groups = RespondentGroup::ALL.into_iter().map(Some).chain([None]);
            for g in groups {
                let (Some(b), Some(a)) = (before.estimate(bq, g), self.estimate(q, g)) else {
                    continue;
                };
                let interval = newcombe_interval(&b, &a);
                out.push(ShareChange {
                    question: q.id.clone(),
                    group: g,
                    change: a.share - b.share,
                    significant: interval.low > 0.0 || interval.high < 0.0,
                    interval,
                    before: b,
                    after: a,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-4
    }

    #[test]
    fn wilson_matches_published_values() {
        // Newcombe (1998), table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605.
        let i = wilson_interval(81, 263, Z_95).unwrap();
        assert!(close(i.low, 0.2553) && close(i.high, 0.3662), "{i:?}");
        let i = wilson_interval(15, 148, Z_95).unwrap();
        assert!(close(i.low, 0.0624) && close(i.high, 0.1605), "{i:?}");
        // 0 of 10 is not an empty interval; 10 of 10 reaches 1.
        let i = wilson_interval(0, 10, Z_95).unwrap();
        assert!(i.low == 0.0 && close(i.high, 0.2775), "{i:?}");
        let i = wilson_interval(10, 10, Z_95).unwrap();
        assert!(close(i.low, 0.7225) && i.high == 1.0, "{i:?}");
        assert!(wilson_interval(1, 0, Z_95).is_none());
        assert!(wilson_interval(3, 2, Z_95).is_none());
        assert!(wilson_interval(1, 2, f64::NAN).is_none());
    }

    #[test]
    fn newcombe_matches_published_value() {
        // Newcombe (1998), table II example (56/70 vs 48/80): difference 0.2, 95% CI
        // 0.0524 to 0.3339 (method 10).
        let est = |k: u32, n: u32| ShareEstimate {
            question: "q".into(),
            group: None,
            positive: k,
            respondents: n,
            share: f64::from(k) / f64::from(n),
            interval: wilson_interval(k, n, Z_95).unwrap(),
            reference: None,
        };
        let i = newcombe_interval(&est(48, 80), &est(56, 70));
        assert!(close(i.low, 0.0524) && close(i.high, 0.3339), "{i:?}");
    }
}
