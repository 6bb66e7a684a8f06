//! Partnership health: an assessment of one agreement as of a date, where every finding cites
//! its evidence (the source section behind the rule and the dossier paths it looked at) and
//! comes with advice in Danish and English; evaluation surveys; and reports the parties can
//! share (seed 001: goals should be "formidlet bredt ... skriftligt").
//!
//! ```
//! use brobygger::{Dossier, Lang};
//! use brobygger::assessment::{AssessmentOptions, Dimension, ReportOptions};
//! use brobygger::Format;
//!
//! let dossier = Dossier::example("aalborg")?;
//! let as_of = "2017-06-30".parse().unwrap();
//! let assessment = dossier.assessment().assess(&"aalborg-lbb".into(), as_of)?;
//! let meetings = assessment.dimension(Dimension::Meetings).unwrap();
//! println!("{:?}: {}", meetings.score, meetings.reason.en);
//! for f in &assessment.findings {
//!     println!("{} → {}", f.finding.render(Lang::En), f.advice.en);
//! }
//!
//! // A report to share, in Danish, as self-contained HTML.
//! let html = dossier.assessment().report(&"aalborg-lbb".into(), ReportOptions::new(as_of, Lang::Da, Format::Html))?;
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! ## How an assessment is made
//! 1. The terms in force on the date (the last version amended on or before it) and the status
//!    on the date (replayed from the history) are what is judged.
//! 2. Each check of the [`catalogue`] gives a [`CheckResult`]: met, partly met, not met, not
//!    applicable on the date (e.g. no meetings in the last 12 months to judge), or not assessed
//!    (an external check whose module's findings were not given). A check that is not met
//!    gives one or more [`AssessedFinding`]s with the paths it looked at and the check's advice.
//! 3. Findings of other modules come in as [`ExternalFindings`] and are routed to their check
//!    in the catalogue by exact code: the role split's, the checklists', and, for agreements
//!    that cohorts concern, the matching runs' and the introductions', on every assessment
//!    ([`builtin_sources`], judged as of the date), or as the caller gives them.
//! 4. Each [`Dimension`] gets a score; see [`DimensionScore`] for the rule.
//!
//! ## What "as of" means for the checks
//! - *Reviews*: a planned review date more than 30 days past counts as held when the agreement
//!   went under review, or was amended, within 90 days of it.
//! - *Term*: an end date before the as-of date while the status is not `ended` is an error.
//! - *Turnover*: a central post (coordinator, steering group, volunteer representative,
//!   signatory, or contact post of the agreement) whose holder changed in the 12 months up to
//!   the date; a governance post without a holder on the date is vacant.
//! - *One person*: a party holding a coordinator post whose contact posts all have the same
//!   holder on the date.
//! - *Meetings*: meetings of the 12 months up to the date, judged against the notice agreed in
//!   the version in force on the meeting day; a forum that has not met for twice its cadence is
//!   not kept.
//! - *Briefings*: a political committee briefed within the 12 months up to the date.
//! - Once the agreement has ended, the time-bound checks no longer apply.
//!
//! ## Scoring
//! A check's *credit* is between 0 (not met) and 1 (met). Most checks are all or nothing; some
//! give partial credit for the share that is in order (e.g. 3 of 4 meetings convened with the
//! agreed notice: 0.75). External checks get 1 when their findings hold no warnings or errors,
//! 0.5 when the worst is a warning and 0 when there is an error. A dimension's score is
//! `100 × Σ(weight × credit) / Σ weight` over its applicable checks, rounded, where the weight
//! is 2 for checks of error severity, 1 for warnings and 0 for advisory (info) checks, which are
//! reported with their advice but never lower a score. A dimension without an applicable
//! weighted check has no score. The band is *strong* from 80, *fair* from 50, otherwise *weak*;
//! the overall score is the plain mean of the dimensions that have one.

pub(crate) mod assess;
pub(crate) mod catalogue;
pub(crate) mod checks;
pub(crate) mod codes;
pub(crate) mod facet;
pub(crate) mod input;
pub(crate) mod model;
pub(crate) mod national;
pub(crate) mod overview;
pub(crate) mod present;
pub(crate) mod report;
pub(crate) mod result;
pub(crate) mod score;
pub(crate) mod shape;
pub(crate) mod sources;
pub(crate) mod survey;
pub(crate) mod survey_view;

pub use crate::ids::{QuestionId, SurveyId};
pub use catalogue::{
    AssessmentCode, CheckBasis, CheckInfo, Dimension, catalogue, check_for_external_code,
    external_source_names,
};
pub use codes::{AssessmentErrorCode, ReportCode};
pub use facet::{AssessmentFacet, SurveysFacet};
pub use input::{AssessmentOptions, FindingSource, SourceContext};
pub use model::{
    AnswerTally, CategoryAnswer, CategoryTally, Interval, LikertAnswer, MIN_REPORTED_RESPONDENTS,
    MeasureReference, RespondentGroup, ScaleCategory, ShapeGroup, ShapeMeasure, ShareChange,
    ShareEstimate, SurveyAnswer, SurveyMeasure, SurveyPopulation, SurveyQuestion, SurveyRound,
    SurveyShape, Z_95, newcombe_interval, wilson_interval,
};
pub use national::{
    NationalComparison, NationalComparisonRow, OwnAnswer, PublishedShare, ReferenceCategory,
    ReferenceQuestion, ReferenceSurvey, compare_with_national, kl_2015,
};
pub use present::{survey_changes_table, survey_shares_table};
pub use report::parts::{HeatCell, HeatMap, ReportBlock, ReportOptions, ReportSection, ReportSlot};
pub use result::{
    AssessedFinding, Assessment, CheckResult, CheckStatus, DimensionScore, ExternalFindings,
    ScoreBand,
};
pub use shape::{GroupShare, GroupShareChange, kl_2015_shape, round_changes, round_shares};
pub use sources::{
    ChecklistSource, IntroductionSource, MatchingSource, RoleSplitSource, builtin_sources,
};
pub use survey::SurveyCode;
pub use survey_view::{SurveyView, SurveyViewOptions};
