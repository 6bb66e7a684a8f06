//! The assessment, evaluation surveys and reports for Kotlin and Swift: methods on
//! [`DossierHandle`] and a few free functions, each a delegation to the core.

use crate::background::off_thread;
use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::assessment::{
    Assessment, AssessmentOptions, CategoryAnswer, CheckInfo, GroupShare, GroupShareChange,
    Interval, NationalComparisonRow, OwnAnswer, ReportOptions, ReportSection, RespondentGroup,
    ShareChange, ShareEstimate, SurveyAnswer, SurveyId, SurveyRound, SurveyViewOptions,
};
use brobygger::chrono::NaiveDate;
use brobygger::present::{Present, Table};
use brobygger::{AgreementId, BrobyggerError, Dossier, Format, Lang, MunicipalityId};
use std::sync::{Arc, RwLock};

#[uniffi::export]
impl DossierHandle {
    /// Partnership health: assessments, the health summary and the report.
    pub fn assessment(&self) -> Result<Arc<DossierAssessment>, BrobyggerError> {
        Ok(Arc::new(DossierAssessment(Arc::clone(&self.0))))
    }

    /// Evaluation survey rounds and their results.
    pub fn surveys(&self) -> Result<Arc<DossierSurveys>, BrobyggerError> {
        Ok(Arc::new(DossierSurveys(Arc::clone(&self.0))))
    }
}

/// Partnership health (the core's `AssessmentFacet`). Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierAssessment(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierAssessment {
    /// Assesses an agreement as of `options.as_of`. The role split and the checklists are
    /// always weighed; `options.external` adds other modules' findings (a `roles` or
    /// `checklists` group replaces the library's own). Throws `NotFound` for an unknown
    /// agreement and `InvalidInput` for an unknown module or a finding no check takes.
    pub fn assess(
        &self,
        agreement: AgreementId,
        options: AssessmentOptions,
    ) -> Result<Assessment, BrobyggerError> {
        read(&self.0)?.assessment().assess(&agreement, options)
    }

    /// Assesses every agreement as of a date.
    pub fn assess_all(&self, as_of: NaiveDate) -> Result<Vec<Assessment>, BrobyggerError> {
        Ok(read(&self.0)?.assessment().assess_all(as_of))
    }

    /// A report on one agreement, in the language and format of `options`, to share. The slots
    /// show the role matrix and the checklists side by side unless `options.sections` fill them.
    pub fn report(
        &self,
        agreement: AgreementId,
        options: ReportOptions,
    ) -> Result<String, BrobyggerError> {
        read(&self.0)?.assessment().report(&agreement, options)
    }

    /// Every agreement's health as of a date, as readable text in `lang`: the assessment's
    /// scores, the role split and the checklists.
    pub fn health_summary(&self, as_of: NaiveDate, lang: Lang) -> Result<String, BrobyggerError> {
        Ok(read(&self.0)?.assessment().health_summary(as_of, lang))
    }

    /// What a report shows in its role-split and checklist slots unless `options.sections`
    /// fills them: the role matrix as a heat map and the checklists side by side.
    pub fn report_sections(
        &self,
        agreement: AgreementId,
        as_of: NaiveDate,
    ) -> Result<Vec<ReportSection>, BrobyggerError> {
        read(&self.0)?
            .assessment()
            .report_sections(&agreement, as_of)
    }

    /// What the dossier answers to KL's 2015 survey of the municipalities for `municipality`
    /// (today `housing_placement`, from its housing organisations' placement cooperation).
    /// Throws `NotFound` for a municipality the dossier does not have.
    pub fn national_answers(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<OwnAnswer>, BrobyggerError> {
        read(&self.0)?.assessment().national_answers(&municipality)
    }

    /// `municipality` beside KL's 2015 figures: the dossier's own answers with `answers` added
    /// (an answer given replaces the dossier's to the same question).
    pub fn compare_with_national(
        &self,
        municipality: MunicipalityId,
        answers: Vec<OwnAnswer>,
    ) -> Result<Vec<NationalComparisonRow>, BrobyggerError> {
        read(&self.0)?
            .assessment()
            .compare_with_national(&municipality, &answers)
    }
}

/// The long assessment operations off the caller's thread: `suspend` functions in Kotlin,
/// `async` in Swift (ADR 0058). Cancelling the caller stops waiting at once.
#[uniffi::export]
impl DossierAssessment {
    /// `assess` off the caller's thread.
    pub async fn assess_async(
        &self,
        agreement: AgreementId,
        options: AssessmentOptions,
    ) -> Result<Assessment, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |_| read(&lock)?.assessment().assess(&agreement, options)).await
    }

    /// `assessAll` off the caller's thread; work not started when the caller stops waiting is
    /// skipped.
    pub async fn assess_all_async(
        &self,
        as_of: NaiveDate,
    ) -> Result<Vec<Assessment>, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |_| Ok(read(&lock)?.assessment().assess_all(as_of))).await
    }

    /// `report` off the caller's thread.
    pub async fn report_async(
        &self,
        agreement: AgreementId,
        options: ReportOptions,
    ) -> Result<String, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |_| read(&lock)?.assessment().report(&agreement, options)).await
    }

    /// `healthSummary` off the caller's thread.
    pub async fn health_summary_async(
        &self,
        as_of: NaiveDate,
        lang: Lang,
    ) -> Result<String, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |_| Ok(read(&lock)?.assessment().health_summary(as_of, lang))).await
    }
}

/// Evaluation survey rounds (the core's `SurveysFacet`). Shares the handle's lock; a change that
/// fails leaves the dossier as it was.
#[derive(Debug, uniffi::Object)]
pub struct DossierSurveys(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierSurveys {
    /// The evaluation survey rounds.
    pub fn data(&self) -> Result<Vec<SurveyRound>, BrobyggerError> {
        Ok(read(&self.0)?.surveys.clone())
    }

    /// Adds a survey round; throws `Validation` with every problem, or `InvalidInput` for a used
    /// id. Nothing changes then.
    pub fn add(&self, round: SurveyRound) -> Result<(), BrobyggerError> {
        write(&self.0)?.surveys_mut().add(round)
    }

    /// Adds one respondent's answers to a round's counts, all or nothing.
    pub fn record_response(
        &self,
        survey: SurveyId,
        group: RespondentGroup,
        answers: Vec<SurveyAnswer>,
    ) -> Result<(), BrobyggerError> {
        write(&self.0)?
            .surveys_mut()
            .record_response(&survey, group, &answers)
    }

    /// Every share with its 95% Wilson interval for a round.
    pub fn results(&self, survey: SurveyId) -> Result<Vec<ShareEstimate>, BrobyggerError> {
        read(&self.0)?.surveys().results(&survey)
    }

    /// The changes of every share from one round to another, with Newcombe intervals.
    pub fn compare(
        &self,
        before: SurveyId,
        after: SurveyId,
    ) -> Result<Vec<ShareChange>, BrobyggerError> {
        read(&self.0)?.surveys().compare(&before, &after)
    }

    /// Adds one respondent of the round's shape's group `group` to its counts, each answer a
    /// category of its question's scale; all or nothing.
    pub fn record_answers(
        &self,
        survey: SurveyId,
        group: String,
        answers: Vec<CategoryAnswer>,
    ) -> Result<(), BrobyggerError> {
        write(&self.0)?
            .surveys_mut()
            .record_answers(&survey, &group, &answers)
    }

    /// Every share of a round of any shape by its shape's groups, groups under `minCell`
    /// answers hidden.
    pub fn shares(
        &self,
        survey: SurveyId,
        min_cell: u32,
    ) -> Result<Vec<GroupShare>, BrobyggerError> {
        read(&self.0)?.surveys().shares(&survey, min_cell)
    }

    /// The changes of every share from one round to another by the later round's shape's
    /// groups, with Newcombe intervals.
    pub fn share_changes(
        &self,
        before: SurveyId,
        after: SurveyId,
    ) -> Result<Vec<GroupShareChange>, BrobyggerError> {
        read(&self.0)?.surveys().share_changes(&before, &after)
    }

    /// The round `survey` as `brobygger survey` shows it: its shares by the shape's groups,
    /// none under `options.minCell` respondents shown, and the changes since `options.before`
    /// (default: the latest earlier round about the same agreement), only for groups shown in
    /// both rounds.
    pub fn view(
        &self,
        survey: SurveyId,
        options: SurveyViewOptions,
    ) -> Result<Arc<SurveyView>, BrobyggerError> {
        Ok(Arc::new(SurveyView(
            read(&self.0)?.surveys().view(&survey, &options)?,
        )))
    }

    /// The survey round `survey`, if the dossier has it.
    pub fn round(&self, survey: SurveyId) -> Result<Option<SurveyRound>, BrobyggerError> {
        Ok(read(&self.0)?.surveys().round(&survey).cloned())
    }

    /// The rounds about `agreement`, oldest first.
    pub fn rounds(&self, agreement: AgreementId) -> Result<Vec<SurveyRound>, BrobyggerError> {
        Ok(read(&self.0)?
            .surveys()
            .rounds(&agreement)
            .into_iter()
            .cloned()
            .collect())
    }
}

/// Every check of the assessment: code, dimension, severity, weight, source and advice.
#[uniffi::export]
pub fn assessment_catalogue() -> Vec<CheckInfo> {
    brobygger::assessment::catalogue()
}

/// The Wilson score interval for `successes` of `n` at normal quantile `z` (1.96 for 95%);
/// null when `n` is 0 or `successes > n`.
#[uniffi::export]
pub fn wilson_interval(successes: u32, n: u32, z: f64) -> Result<Option<Interval>, BrobyggerError> {
    Ok(brobygger::assessment::wilson_interval(successes, n, z))
}

/// An assessment alone as a document (Markdown, HTML, or an HTML fragment) in `lang`.
#[uniffi::export]
pub fn render_assessment(
    assessment: Assessment,
    lang: Lang,
    format: Format,
) -> Result<String, BrobyggerError> {
    Ok(assessment.render(lang, format))
}

/// The day a built-in example is told as of (the demo assesses it then).
#[uniffi::export]
pub fn example_reference_date(name: String) -> Result<NaiveDate, BrobyggerError> {
    brobygger::example_reference_date(&name)
}

/// A survey round for people (the core's `SurveyView`): its shares by the shape's groups, small
/// groups hidden, and the changes since an earlier round.
#[derive(Debug, uniffi::Object)]
pub struct SurveyView(brobygger::assessment::SurveyView);

#[uniffi::export]
impl SurveyView {
    /// The round.
    pub fn survey(&self) -> Result<SurveyId, BrobyggerError> {
        Ok(self.0.survey.clone())
    }

    /// The earlier round the changes are from, if any.
    pub fn before(&self) -> Result<Option<SurveyId>, BrobyggerError> {
        Ok(self.0.before.clone())
    }

    /// The threshold the shares were shown with.
    pub fn min_cell(&self) -> Result<u32, BrobyggerError> {
        Ok(self.0.min_cell)
    }

    /// Every share, by question and group; a hidden share has no numbers.
    pub fn shares(&self) -> Result<Vec<GroupShare>, BrobyggerError> {
        Ok(self.0.shares.clone())
    }

    /// The changes since `before`, for groups shown in both rounds.
    pub fn changes(&self) -> Result<Vec<GroupShareChange>, BrobyggerError> {
        Ok(self.0.changes.clone())
    }

    /// The tables `group_shares` and `group_share_changes` in `lang`.
    pub fn tables(&self, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
        Ok(self.0.tables(lang))
    }

    /// The view as a document (who was asked, how shares are hidden, the tables) in `format`
    /// and `lang`.
    pub fn render(&self, format: Format, lang: Lang) -> Result<String, BrobyggerError> {
        Ok(self.0.present(format, lang))
    }
}
