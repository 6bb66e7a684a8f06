//! The assessment and surveys facets: partnership health, its report, and evaluation surveys.

use crate::assessment::assess::{assess, assess_all, assess_with_sources};
use crate::assessment::input::{AssessmentOptions, FindingSource};
use crate::assessment::model::{
    CategoryAnswer, RespondentGroup, ShareChange, ShareEstimate, SurveyAnswer, SurveyRound,
};
use crate::assessment::national::{
    NationalComparisonRow, OwnAnswer, answers_from_dossier, compare_dossier_with_national, kl_2015,
};
use crate::assessment::overview::health_summary;
use crate::assessment::report::parts::{ReportOptions, ReportSection};
use crate::assessment::report::sections::report_sections;
use crate::assessment::report::write::report;
use crate::assessment::result::Assessment;
use crate::assessment::shape::{
    GroupShare, GroupShareChange, record_answers, survey_changes, survey_shares,
};
use crate::assessment::survey::{
    add_survey, compare_surveys, find_survey, find_surveys_for, record_survey_response,
    survey_results,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::Lang;
use crate::ids::{AgreementId, MunicipalityId, SurveyId};
use chrono::NaiveDate;
use std::ops::{Deref, DerefMut};

/// Partnership health: reached by [`Dossier::assessment`].
#[derive(Debug)]
pub struct AssessmentFacet<D> {
    dossier: D,
}

impl<D> AssessmentFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> AssessmentFacet<D> {
    /// Assesses an agreement as of a date. The role split and the checklists are weighed
    /// automatically ([`builtin_sources`](crate::assessment::builtin_sources)); `options.external` adds other modules' findings
    /// (matching, introductions), and a group named `roles` or `checklists` there replaces
    /// the built-in one.
    ///
    /// Fails with `NotFound` for an unknown agreement, and with `InvalidInput` for an
    /// agreement without versions, an unknown module name or a finding no check takes.
    pub fn assess(
        &self,
        agreement: &AgreementId,
        options: impl Into<AssessmentOptions>,
    ) -> Result<Assessment, BrobyggerError> {
        assess(&self.dossier, agreement, options)
    }

    /// Assesses an agreement with the findings of `sources` (e.g. a matching module), each
    /// filed under its name; a source named like a built-in one replaces it.
    pub fn assess_with_sources(
        &self,
        agreement: &AgreementId,
        as_of: NaiveDate,
        sources: &[&dyn FindingSource],
    ) -> Result<Assessment, BrobyggerError> {
        assess_with_sources(&self.dossier, agreement, as_of, sources)
    }

    /// Assesses every agreement as of a date, in dossier order; agreements that cannot be
    /// assessed (no versions) are left out.
    pub fn assess_all(&self, as_of: NaiveDate) -> Vec<Assessment> {
        assess_all(&self.dossier, as_of)
    }

    /// Every agreement's health as of `as_of`: the assessment's scores, the role split of the
    /// version in force (tasks, parties, findings) and the checklists (answered, required,
    /// open critical divergences, whether they allow signing). Agreements without versions
    /// are named with the reason.
    pub fn health_summary(&self, as_of: NaiveDate, lang: Lang) -> String {
        health_summary(&self.dossier, as_of, lang)
    }

    /// A report on one agreement as of a date, in the language and format asked for.
    pub fn report(
        &self,
        agreement: &AgreementId,
        options: impl Into<ReportOptions>,
    ) -> Result<String, BrobyggerError> {
        report(&self.dossier, agreement, options.into())
    }

    /// What the report on `agreement` shows in its slots unless other content is given: the
    /// role split of the version in force on `as_of` (holders on that day) as a heat map, and
    /// every checklist answered for the agreement side by side with its signing readiness, as
    /// the answers stood at the end of that day.
    pub fn report_sections(
        &self,
        agreement: &AgreementId,
        as_of: NaiveDate,
    ) -> Result<Vec<ReportSection>, BrobyggerError> {
        report_sections(&self.dossier, agreement, as_of)
    }

    /// What the dossier answers to KL's 2015 survey of the municipalities for `municipality`
    /// (today `housing_placement`, from its housing organisations' placement cooperation).
    /// Fails with `not_found.party` for a municipality the dossier does not have.
    pub fn national_answers(
        &self,
        municipality: &MunicipalityId,
    ) -> Result<Vec<OwnAnswer>, BrobyggerError> {
        answers_from_dossier(&self.dossier, municipality)
    }

    /// `municipality` beside KL's 2015 figures: the dossier's own answers
    /// ([`Self::national_answers`]) with `answers` added (an answer given replaces the
    /// dossier's to the same question).
    pub fn compare_with_national(
        &self,
        municipality: &MunicipalityId,
        answers: &[OwnAnswer],
    ) -> Result<Vec<NationalComparisonRow>, BrobyggerError> {
        compare_dossier_with_national(&self.dossier, municipality, &kl_2015()?, answers)
    }
}

/// Evaluation survey rounds: reached by [`Dossier::surveys`] (read) and
/// [`Dossier::surveys_mut`] (read and change).
#[derive(Debug)]
pub struct SurveysFacet<D> {
    dossier: D,
}

impl<D> SurveysFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> SurveysFacet<&'a Dossier> {
    /// The survey round with `id`.
    pub fn round(&self, id: &SurveyId) -> Option<&'a SurveyRound> {
        find_survey(self.dossier, id)
    }

    /// The rounds about `agreement`, oldest first.
    pub fn rounds(&self, agreement: &AgreementId) -> Vec<&'a SurveyRound> {
        find_surveys_for(self.dossier, agreement)
    }
}

impl<D: Deref<Target = Dossier>> SurveysFacet<D> {
    /// Every share estimate of a round. Throws `NotFound` for an unknown round.
    pub fn results(&self, survey: &SurveyId) -> Result<Vec<ShareEstimate>, BrobyggerError> {
        survey_results(&self.dossier, survey)
    }

    /// The changes from round `before` to round `after`.
    pub fn compare(
        &self,
        before: &SurveyId,
        after: &SurveyId,
    ) -> Result<Vec<ShareChange>, BrobyggerError> {
        compare_surveys(&self.dossier, before, after)
    }

    /// Every share of a round of any shape, by its shape's groups ([`crate::assessment::round_shares`]): groups
    /// under `min_cell` respondents hidden, and one more so none can be recomputed from the
    /// share of all respondents. Throws `NotFound` for an unknown round.
    pub fn shares(
        &self,
        survey: &SurveyId,
        min_cell: u32,
    ) -> Result<Vec<GroupShare>, BrobyggerError> {
        survey_shares(&self.dossier, survey, min_cell)
    }

    /// A round for people, safe to share: its shares by its shape's groups with small groups
    /// hidden, and the changes since `options.before` (by default the latest earlier round
    /// about the same agreement) for the groups shown in both rounds. Throws `NotFound` for an
    /// unknown round, `InvalidInput` for a threshold of 0.
    pub fn view(
        &self,
        survey: &SurveyId,
        options: &crate::assessment::survey_view::SurveyViewOptions,
    ) -> Result<crate::assessment::survey_view::SurveyView, BrobyggerError> {
        crate::assessment::survey_view::survey_view(&self.dossier, survey, options)
    }

    /// The changes from round `before` to round `after` by the later round's shape's groups,
    /// with Newcombe's interval.
    pub fn share_changes(
        &self,
        before: &SurveyId,
        after: &SurveyId,
    ) -> Result<Vec<GroupShareChange>, BrobyggerError> {
        survey_changes(&self.dossier, before, after)
    }
}

impl<D: DerefMut<Target = Dossier>> SurveysFacet<D> {
    /// Adds a survey round. Refuses a used id, or a round with validation errors (all of them
    /// are attached); nothing changes then.
    pub fn add(&mut self, round: SurveyRound) -> Result<(), BrobyggerError> {
        add_survey(&mut self.dossier, round)
    }

    /// Adds one respondent's answers to a round's counts. Every question must be in the round
    /// and answered at most once; otherwise nothing changes.
    pub fn record_response(
        &mut self,
        survey: &SurveyId,
        group: RespondentGroup,
        answers: &[SurveyAnswer],
    ) -> Result<(), BrobyggerError> {
        record_survey_response(&mut self.dossier, survey, group, answers)
    }

    /// Adds one respondent of the shape's group `group` to a round's counts, each answer a
    /// category of its question's scale. Throws `InvalidInput` for a group, question or
    /// category the shape lacks or a question answered twice; nothing changes then.
    pub fn record_answers(
        &mut self,
        survey: &SurveyId,
        group: &str,
        answers: &[CategoryAnswer],
    ) -> Result<(), BrobyggerError> {
        record_answers(&mut self.dossier, survey, group, answers)
    }
}
