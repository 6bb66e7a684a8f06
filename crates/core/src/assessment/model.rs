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

use crate::finding::{FieldPath, Finding};
use crate::i18n::{Text, labels};
use crate::ids::{AgreementId, QuestionId, SurveyId};
use crate::validation_code::ValidationCode;
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
    /// The round's shape: its respondent groups, answer scale and measures (`None`: LBB's,
    /// [`SurveyShape::lbb`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub shape: Option<SurveyShape>,
    /// How many respondents of each of the shape's groups gave each category to each question
    /// (beside `tallies`, which count LBB's groups and scale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub counts: Vec<CategoryTally>,
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
    /// The measure of the round's shape the question asks about, by id (for a shape other than
    /// LBB's; `measure` names LBB's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub measure_key: Option<String>,
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

    /// The measure's id in LBB's shape: `know_each_other_better`, `improved_cooperation`.
    pub fn key(self) -> &'static str {
        match self {
            SurveyMeasure::KnowEachOtherBetter => "know_each_other_better",
            SurveyMeasure::ImprovedCooperation => "improved_cooperation",
        }
    }

    /// The share the LBB evaluation reports for `group` (`None`: all respondents), if it
    /// reports one (001 "Mange erfaringer – stor læring", "Invitation til åben dialog"), read
    /// from LBB's shape ([`SurveyShape::lbb`]).
    pub fn reference(self, group: Option<RespondentGroup>) -> Option<f64> {
        SurveyShape::lbb()?.reference(self.key(), group.map(RespondentGroup::key))
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
    /// The group's id in LBB's shape: `volunteer`, `municipal_staff`, `newcomer`.
    pub fn key(self) -> &'static str {
        match self {
            RespondentGroup::Volunteer => "volunteer",
            RespondentGroup::MunicipalStaff => "municipal_staff",
            RespondentGroup::Newcomer => "newcomer",
        }
    }

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
    /// The category's id in LBB's scale: `strongly_agree`, `agree`, ..., `dont_know`.
    pub fn key(self) -> &'static str {
        match self {
            LikertAnswer::StronglyAgree => "strongly_agree",
            LikertAnswer::Agree => "agree",
            LikertAnswer::Neutral => "neutral",
            LikertAnswer::Disagree => "disagree",
            LikertAnswer::StronglyDisagree => "strongly_disagree",
            LikertAnswer::DontKnow => "dont_know",
        }
    }

    /// Whether the answer counts towards the positive share (agree or strongly agree).
    pub fn is_positive(self) -> bool {
        matches!(self, LikertAnswer::StronglyAgree | LikertAnswer::Agree)
    }
}

/// A survey's shape as data: who answers (its respondent groups), the answer scale, and the
/// measures its questions may ask about, each with the reference figures a publication gives.
/// LBB's evaluation (001) is one built-in instance, [`SurveyShape::lbb`], and a round without a
/// shape has it; KL's 2015 survey of the municipalities (000) is another,
/// [`crate::assessment::kl_2015_shape`]. A round of one partnership's people and a round of a
/// whole population of municipalities are the same kind of data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SurveyShape {
    /// Id, e.g. `lbb-2017`.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Who is surveyed.
    pub population: SurveyPopulation,
    /// The respondent groups.
    pub groups: Vec<ShapeGroup>,
    /// The answer categories, unless a measure has its own.
    pub scale: Vec<ScaleCategory>,
    /// The measures questions may ask about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub measures: Vec<ShapeMeasure>,
}

/// Who a survey asks.
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
pub enum SurveyPopulation {
    /// The volunteers, staff and newcomers of one partnership (001).
    Partnership,
    /// The municipalities of the country or of a region (000).
    Municipalities,
    /// Anyone else.
    Other,
}

labels!(SurveyPopulation, "survey_population" {
    Partnership => ("et partnerskabs deltagere", "a partnership's participants"),
    Municipalities => ("kommuner", "municipalities"),
    Other => ("andre", "others"),
});

/// A respondent group of a shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShapeGroup {
    /// Id, e.g. `volunteer` or `municipality`.
    pub id: String,
    /// Its label.
    pub label: Text,
}

/// An answer category, and whether it counts towards the share.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScaleCategory {
    /// Id, e.g. `agree` or `high`.
    pub id: String,
    /// Its label.
    pub label: Text,
    /// Whether an answer in it counts towards the share.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub positive: bool,
}

/// A measure of a shape, with the figures a publication gives for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShapeMeasure {
    /// Id, e.g. `know_each_other_better`.
    pub id: String,
    /// Its label.
    pub label: Text,
    /// Its own answer categories (empty: the shape's scale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub scale: Vec<ScaleCategory>,
    /// Where its reference figures are published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub source: Option<crate::finding::SourceRef>,
    /// The shares the publication gives, by group (`None`: all respondents).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub references: Vec<MeasureReference>,
}

/// A published share for a measure: a published aggregate, not an estimate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureReference {
    /// The group (`None`: all respondents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub group: Option<String>,
    /// The share, 0–1.
    pub share: f64,
    /// How many answered, when the publication says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub respondents: Option<u32>,
}

/// How many respondents of a shape's group gave one category to one question.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CategoryTally {
    /// The group's id.
    pub group: String,
    /// The question.
    pub question: QuestionId,
    /// The category's id.
    pub category: String,
    /// How many gave it.
    pub count: u32,
}

/// One respondent's answer in a shape's categories, for
/// [`crate::SurveysFacet::record_answers`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CategoryAnswer {
    /// The question.
    pub question: QuestionId,
    /// The category's id.
    pub category: String,
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
#[derive(
    Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Interval {
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

/// The positive share for one question and group, with its Wilson interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
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
    newcombe(before.share, before.interval, after.share, after.interval)
}

/// Newcombe's hybrid score interval for `after − before` from the two shares and their Wilson
/// intervals.
pub(crate) fn newcombe(before: f64, bi: Interval, after: f64, ai: Interval) -> Interval {
    let (a, la, ua) = (after, ai.low, ai.high);
    let (b, lb, ub) = (before, bi.low, bi.high);
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

static LBB_SHAPE: std::sync::LazyLock<Option<SurveyShape>> = std::sync::LazyLock::new(|| {
    toml::from_str(include_str!("../../data/surveys/lbb2017.toml")).ok()
});

impl SurveyShape {
    /// The LBB evaluation's shape (001), from `crates/core/data/surveys/lbb2017.toml`: volunteers,
    /// municipal staff and newcomers on an agree–disagree scale, and its two measures with the
    /// shares it reports. `None` only if the built-in file does not parse (a test holds it).
    pub fn lbb() -> Option<&'static SurveyShape> {
        LBB_SHAPE.as_ref()
    }

    /// The measure with `id`.
    pub fn measure(&self, id: &str) -> Option<&ShapeMeasure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The published share for measure `measure` and `group` (`None`: all respondents).
    pub fn reference(&self, measure: &str, group: Option<&str>) -> Option<f64> {
        self.measure(measure)?
            .references
            .iter()
            .find(|r| r.group.as_deref() == group)
            .map(|r| r.share)
    }

    /// The answer categories of a question asking about `measure` (the measure's own, else the
    /// shape's scale).
    pub fn scale_of(&self, measure: Option<&str>) -> &[ScaleCategory] {
        match measure.and_then(|m| self.measure(m)) {
            Some(m) if !m.scale.is_empty() => &m.scale,
            _ => &self.scale,
        }
    }
}

impl SurveyQuestion {
    /// The id of the shape's measure the question asks about: `measure_key`, else LBB's
    /// `measure`.
    pub fn measure_id(&self) -> Option<&str> {
        self.measure_key
            .as_deref()
            .or(self.measure.map(SurveyMeasure::key))
    }
}

impl SurveyRound {
    /// The round's shape: its own, else LBB's.
    pub fn effective_shape(&self) -> Option<&SurveyShape> {
        self.shape.as_ref().or(SurveyShape::lbb())
    }

    /// `(positive, respondents)` for a question and group id (`None`: everyone) over both the
    /// LBB tallies and the shape's counts, saturating; an answer counts as positive when its
    /// category is positive in the question's scale.
    pub fn category_counts(&self, question: &SurveyQuestion, group: Option<&str>) -> (u32, u32) {
        let Some(shape) = self.effective_shape() else {
            return (0, 0);
        };
        let scale = shape.scale_of(question.measure_id());
        let positive = |category: &str| scale.iter().any(|c| c.id == category && c.positive);
        let lbb = self
            .tallies
            .iter()
            .filter(|t| t.question == question.id)
            .map(|t| (t.group.key(), t.answer.key(), t.count));
        let shaped = self
            .counts
            .iter()
            .filter(|t| t.question == question.id)
            .map(|t| (t.group.as_str(), t.category.as_str(), t.count));
        lbb.chain(shaped)
            .filter(|(g, _, _)| group.is_none_or(|want| want == *g))
            .fold((0u32, 0u32), |(pos, all), (_, category, count)| {
                (
                    if positive(category) {
                        pos.saturating_add(count)
                    } else {
                        pos
                    },
                    all.saturating_add(count),
                )
            })
    }

    /// The shape's problems in this round: questions naming a measure the shape lacks, counts
    /// naming a group, question or category it lacks.
    pub(crate) fn shape_findings(&self, p: &FieldPath) -> Vec<Finding> {
        let mut out = Vec::new();
        let Some(shape) = self.effective_shape() else {
            return out;
        };
        let dangling = |path: FieldPath, what: &str, id: &str| {
            Finding::of(
                ValidationCode::DanglingReference,
                path,
                Text::new(
                    format!(
                        "Henvisningen peger på {what} '{id}', som ikke findes i undersøgelsens form."
                    ),
                    format!(
                        "The reference points at {} '{id}', which is not in the survey's shape.",
                        match what {
                            "gruppen" => "the group",
                            "målet" => "the measure",
                            "svarmuligheden" => "the answer category",
                            _ => "the question",
                        }
                    ),
                ),
            )
        };
        for (j, q) in self.questions.iter().enumerate() {
            if let Some(m) = &q.measure_key
                && shape.measure(m).is_none()
            {
                out.push(dangling(
                    p.field("questions").index(j).field("measure_key"),
                    "målet",
                    m,
                ));
            }
        }
        for (k, t) in self.counts.iter().enumerate() {
            let tp = p.field("counts").index(k);
            if !shape.groups.iter().any(|g| g.id == t.group) {
                out.push(dangling(tp.field("group"), "gruppen", &t.group));
            }
            match self.question(&t.question) {
                None => out.push(dangling(
                    tp.field("question"),
                    "spørgsmålet",
                    t.question.as_str(),
                )),
                Some(q) => {
                    if !shape
                        .scale_of(q.measure_id())
                        .iter()
                        .any(|c| c.id == t.category)
                    {
                        out.push(dangling(
                            tp.field("category"),
                            "svarmuligheden",
                            &t.category,
                        ));
                    }
                }
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
