//! The dossier's operations, reached as facets, and the few whole-document operations.
//!
//! Each feature's operations live in a facet type next to the feature (`roles/facet.rs`,
//! `privacy/facet.rs`, ...); this file only hands them out. A facet borrows the dossier: the
//! plain accessor (`dossier.roles(&id)`) shares it and offers the reading operations, the `_mut`
//! accessor (`dossier.roles_mut(&id)`) borrows it mutably and offers the reading and the
//! changing ones. Nothing inside the crate calls these accessors: operations call each other
//! through the files that define them, so this file stays the top of the crate.

use crate::assessment::facet::{AssessmentFacet, SurveysFacet};
use crate::calendar::facet::CalendarFacet;
use crate::checklists::facet::ChecklistsFacet;
use crate::directory::facet::DirectoryFacet;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::examples::example;
use crate::finding::Finding;
use crate::ids::AgreementId;
use crate::lifecycle::facet::LifecycleFacet;
use crate::matching::facet::{MatchingFacet, RelationshipsFacet};
use crate::meetings::MeetingsFacet;
use crate::outcomes::facet::OutcomesFacet;
use crate::posts::facet::PostsFacet;
use crate::privacy::facet::PrivacyFacet;
use crate::reminders::RemindersFacet;
use crate::roles::facet::RolesFacet;
use crate::summary::{SummaryOptions, summary};
use crate::validate::{check, validate};

impl Dossier {
    /// A built-in example by name (`aalborg`, `ikast-brande`, `horsens`).
    pub fn example(name: &str) -> Result<Dossier, BrobyggerError> {
        example(name)
    }

    /// Every validation finding, errors first.
    pub fn validate(&self) -> Vec<Finding> {
        validate(self)
    }

    /// `Ok` if validation finds no errors (warnings allowed), otherwise a validation error
    /// carrying every finding.
    pub fn check(&self) -> Result<Vec<Finding>, BrobyggerError> {
        check(self)
    }

    /// A readable summary: actors, each agreement's essentials and the validation result.
    pub fn summary(&self, options: impl Into<SummaryOptions>) -> String {
        summary(self, options)
    }

    /// The summary as Markdown that renders line for line (what a notebook shows): each line
    /// that is not a list item is its own paragraph, each list one list.
    pub fn summary_markdown(&self, options: impl Into<SummaryOptions>) -> String {
        crate::summary::summary_markdown(self, options)
    }

    /// Agreements' status transitions, draft terms and amendments.
    pub fn lifecycle(&self) -> LifecycleFacet<&Dossier> {
        LifecycleFacet::new(self)
    }

    /// Agreements' status transitions, draft terms and amendments, to change them.
    pub fn lifecycle_mut(&mut self) -> LifecycleFacet<&mut Dossier> {
        LifecycleFacet::new(self)
    }

    /// The association directory: the register, its search and its HSDS export.
    pub fn directory(&self) -> DirectoryFacet<&Dossier> {
        DirectoryFacet::new(self)
    }

    /// Posts and their holders.
    pub fn posts(&self) -> PostsFacet<&Dossier> {
        PostsFacet::new(self)
    }

    /// Posts and their holders, to hand posts over.
    pub fn posts_mut(&mut self) -> PostsFacet<&mut Dossier> {
        PostsFacet::new(self)
    }

    /// The role split of `agreement`.
    pub fn roles(&self, agreement: &AgreementId) -> RolesFacet<&Dossier> {
        RolesFacet::new(self, agreement.clone())
    }

    /// The role split of `agreement`, to change it.
    pub fn roles_mut(&mut self, agreement: &AgreementId) -> RolesFacet<&mut Dossier> {
        RolesFacet::new(self, agreement.clone())
    }

    /// Expectation-alignment checklists: templates, requirements, sessions, alignment.
    pub fn checklists(&self) -> ChecklistsFacet<&Dossier> {
        ChecklistsFacet::new(self)
    }

    /// Expectation-alignment checklists, to add templates and requirements and answer them.
    pub fn checklists_mut(&mut self) -> ChecklistsFacet<&mut Dossier> {
        ChecklistsFacet::new(self)
    }

    /// Cohorts, offers, rule sets, matching runs and introductions.
    pub fn matching(&self) -> MatchingFacet<&Dossier> {
        MatchingFacet::new(self)
    }

    /// Cohorts, offers, rule sets, matching runs and introductions, to store runs and record
    /// introductions.
    pub fn matching_mut(&mut self) -> MatchingFacet<&mut Dossier> {
        MatchingFacet::new(self)
    }

    /// Matches followed over time: relationships from the proposal to the end, and what they
    /// hold of the offers.
    pub fn relationships(&self) -> RelationshipsFacet<&Dossier> {
        RelationshipsFacet::new(self)
    }

    /// Relationships, to propose them and record answers, starts, check-ins and ends.
    pub fn relationships_mut(&mut self) -> RelationshipsFacet<&mut Dossier> {
        RelationshipsFacet::new(self)
    }

    /// Households' outcomes over time: their records and the cohort's aggregated view.
    pub fn outcomes(&self) -> OutcomesFacet<&Dossier> {
        OutcomesFacet::new(self)
    }

    /// Households' outcomes over time, to record them.
    pub fn outcomes_mut(&mut self) -> OutcomesFacet<&mut Dossier> {
        OutcomesFacet::new(self)
    }

    /// Personal data: consents and bases, proposals and disclosure, audience views,
    /// anonymisation, retention, safe tables and the review.
    pub fn privacy(&self) -> PrivacyFacet<&Dossier> {
        PrivacyFacet::new(self)
    }

    /// Personal data, to record consents and bases, proposals and disclosures, and to
    /// anonymise and apply retention.
    pub fn privacy_mut(&mut self) -> PrivacyFacet<&mut Dossier> {
        PrivacyFacet::new(self)
    }

    /// Partnership health: assessments, the health summary and the report.
    pub fn assessment(&self) -> AssessmentFacet<&Dossier> {
        AssessmentFacet::new(self)
    }

    /// Evaluation survey rounds and their results.
    pub fn surveys(&self) -> SurveysFacet<&Dossier> {
        SurveysFacet::new(self)
    }

    /// Evaluation survey rounds, to add rounds and record responses.
    pub fn surveys_mut(&mut self) -> SurveysFacet<&mut Dossier> {
        SurveysFacet::new(self)
    }

    /// What is due or overdue: introductions, meetings, reviews, terms ending, briefings,
    /// action items.
    pub fn reminders(&self) -> RemindersFacet<&Dossier> {
        RemindersFacet::new(self)
    }

    /// The meetings held and their minutes: agendas, decisions, action items.
    pub fn meetings(&self) -> MeetingsFacet<&Dossier> {
        MeetingsFacet::new(self)
    }

    /// The partnership's calendar: fixed meetings, meetings held, activities, dated tasks and
    /// check-ins, as data or as an iCalendar file.
    pub fn calendar(&self) -> CalendarFacet<&Dossier> {
        CalendarFacet::new(self)
    }
}
