//! # brobygger
//!
//! Partnerships between Danish municipalities and civil society that receive and integrate
//! refugees, as data and executable rules: partnership agreements with their lifecycle, posts
//! and holders over time, validation that reports every problem with a path, and (in later
//! modules) role splits, expectation checklists, matching and health assessment.
//!
//! ```
//! use brobygger::{Dossier, Lang, FindingsExt};
//!
//! let dossier = Dossier::example("aalborg")?;
//! let findings = dossier.validate();
//! assert!(!findings.has_errors());
//! println!("{}", dossier.summary(Lang::En));
//!
//! // Lossless round trip through the file format.
//! let again = Dossier::from_json(&dossier.to_json()?)?;
//! assert_eq!(again, dossier);
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! ## Main types
//! - [`Dossier`]: one document with actors, people, posts and agreements; [`Dossier::validate`],
//!   [`Dossier::transition`], [`Dossier::amend`], [`Dossier::handover`].
//! - [`Agreement`] and its [`AgreementTerms`], versions and [`StatusEvent`] history.
//! - [`Finding`]: the common finding type (code, severity, path, Danish/English text, source).
//! - [`RoleSplit`]: who does what under an agreement (RACI over catalogue tasks, activities and
//!   custom tasks), with [`Dossier::analyse_roles`], [`Dossier::role_matrix`] and
//!   [`Dossier::change_roles`].
//! - [`privacy`]: consent and other legal bases, disclosure only after both sides accept a
//!   match, audience views, anonymisation and retention, safe aggregates, keyed pseudonyms.
//! - [`BrobyggerError`]: the one error at the boundary.
//!
//! ## Non-goals
//! - No storage engine, network service or user interface: apps embed the library.
//! - No case management: the municipality's statutory case work stays in its own systems;
//!   newcomers appear here only pseudonymously.
//! - No automatic decisions about people: matching proposes, people decide.

#![deny(missing_docs)]
#![warn(rust_2018_idioms)]

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("brobygger");

pub mod actors;
pub mod agreement;
pub mod assessment;
pub mod checklists;
pub mod dossier;
pub mod error;
pub mod examples;
pub mod finding;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod lifecycle;
pub mod matching;
pub mod posts;
pub mod privacy;
mod random;
pub mod reminders;
pub mod roles;
pub mod schema;
pub mod sensitivity;
pub mod summary;
pub mod time;
pub mod validate;

pub use actors::{
    Affiliation, CertificateCheck, Department, DepartmentKind, Municipality, Organisation,
    OrganisationForm, OrganisationKind, OrganisationProfile, PartyRef, Person, PremisesAccess,
};
pub use agreement::{
    Activity, ActivityKind, Agreement, AgreementParty, AgreementStatus, AgreementTerms,
    AgreementVersion, Amendment, Cadence, CommitteeBriefing, CooperationLevel, Definition,
    ExitTerms, Goal, GoalOwner, Governance, Indicator, MeetingForum, MeetingRecord, OverrideRecord,
    ResourceCommitment, Stage, StatusEvent, TargetGroup, Term, TimeOfDay, Track,
};
pub use assessment::{
    Assessment, AssessmentOptions, Dimension, ExternalFindings, ReportFormat, ReportOptions,
    SurveyRound,
};
pub use checklists::{
    AlignmentStatus, AnswerInput, AnswerKind, AnswerSession, AnswerValue, ChecklistAlignment,
    ChecklistReadiness, ChecklistRequirement, ChecklistTemplate, Checklists, ResolveItem, Side,
    StartChecklist, YesNo,
};
pub use dossier::{Dossier, Provenance, ProvenanceBasis, SCHEMA_VERSION};
pub use error::BrobyggerError;
pub use examples::Example;
pub use finding::{
    FieldPath, Finding, FindingKind, FindingsExt, SeedDocument, Severity, SourceRef,
};
pub use i18n::{Label, Lang, Text, Vocabulary, VocabularyEntry};
pub use ids::{
    ActivityId, AgreementId, DepartmentId, ForumId, GoalId, MunicipalityId, OrganisationId,
    PersonId, PostId, TaskId,
};
pub use ids::{BasisId, ConsentId, PolicyId, ProposalId};
pub use ids::{ChoiceId, ItemId, SectionId, SessionId, TemplateId};
pub use ids::{CohortId, MatchRunId, NewcomerId, OfferId, RuleId, RuleSetId};
pub use lifecycle::{TransitionPolicy, TransitionRequest, TransitionRule};
pub use matching::{
    Cohort, IntroductionPlan, IntroductionRecord, MatchOptions, MatchRequest, MatchRun, Newcomer,
    Offer, RuleSet, Solver,
};
pub use posts::{Handover, HandoverReport, HandoverScope, Post, PostKind, Tenure};
pub use privacy::{
    Audience, ConsentRecord, LegalBasis, MatchProposal, Privacy, ProcessingBasis, PseudonymKey,
    Purpose, RetentionPolicy, Subject, Viewer,
};
pub use reminders::{Reminder, ReminderKind, ReminderState};
pub use roles::{
    Assignment, AssignmentChange, Carrier, Carrying, CellCarrier, CustomTask, CustomTaskChange,
    Duty, MatrixCell, MatrixParty, MatrixRow, Raci, RoleChange, RoleError, RoleMatrix, RoleOptions,
    RoleSplit, RoleSplitDiff, RoleSplitRule, RoleTask, RolesCode, TaskCatalogue, TaskDefinition,
    TaskRef,
};
pub use sensitivity::{PersonalData, SensitivityClass};
pub use summary::SummaryOptions;
pub use time::Timestamp;

/// Re-exported so binding crates name the same date types.
pub use chrono;

#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// Every closed vocabulary of the model with its labels in `lang`, for pickers and legends in
/// apps: `agreement_status`, `activity_kind`, `department_kind`, ...
pub fn vocabulary(lang: Lang) -> Vec<i18n::VocabularyEntry> {
    use i18n::entries;
    [
        entries::<AgreementStatus>(lang),
        entries::<assessment::LikertAnswer>(lang),
        entries::<assessment::CheckStatus>(lang),
        entries::<assessment::Dimension>(lang),
        entries::<assessment::ReportSlot>(lang),
        entries::<assessment::RespondentGroup>(lang),
        entries::<assessment::ScoreBand>(lang),
        entries::<assessment::SurveyMeasure>(lang),
        entries::<ActivityKind>(lang),
        entries::<CooperationLevel>(lang),
        entries::<DepartmentKind>(lang),
        entries::<OrganisationForm>(lang),
        entries::<OrganisationKind>(lang),
        entries::<PostKind>(lang),
        entries::<PremisesAccess>(lang),
        entries::<Raci>(lang),
        entries::<SeedDocument>(lang),
        entries::<SensitivityClass>(lang),
        entries::<Severity>(lang),
        entries::<Stage>(lang),
        entries::<TargetGroup>(lang),
        entries::<TimeOfDay>(lang),
        entries::<Track>(lang),
        entries::<checklists::Side>(lang),
        entries::<checklists::YesNo>(lang),
        entries::<checklists::AnswerKindName>(lang),
        entries::<checklists::AlignmentStatus>(lang),
        entries::<checklists::RenderFormat>(lang),
        entries::<matching::LanguageLevel>(lang),
        entries::<matching::Weekday>(lang),
        entries::<matching::Gender>(lang),
        entries::<matching::Credential>(lang),
        entries::<matching::OfferKind>(lang),
        entries::<matching::Solver>(lang),
        entries::<matching::OfferRanking>(lang),
        entries::<matching::IntroductionSetting>(lang),
        entries::<matching::IntroductionState>(lang),
        matching::profile::need_vocabulary(lang),
        entries::<import::CsvTable>(lang),
        entries::<reminders::ReminderKind>(lang),
        entries::<reminders::ReminderState>(lang),
        entries::<privacy::Purpose>(lang),
        entries::<privacy::LegalBasis>(lang),
        entries::<privacy::ConsentForm>(lang),
        entries::<privacy::ProposalSide>(lang),
        entries::<privacy::ProposalState>(lang),
        entries::<privacy::ContactField>(lang),
        entries::<privacy::Audience>(lang),
        entries::<privacy::Treatment>(lang),
        entries::<privacy::RecordType>(lang),
        entries::<privacy::RetentionAction>(lang),
        entries::<privacy::RetentionState>(lang),
        entries::<privacy::AggregateDimension>(lang),
        entries::<privacy::Suppression>(lang),
    ]
    .concat()
}
