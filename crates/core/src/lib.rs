//! # brobygger
//!
//! Partnerships between Danish municipalities and civil society that receive and integrate
//! refugees, as data and executable rules. One [`Dossier`] holds a partnership's actors, people,
//! posts and agreements, and everything the capabilities below store beside them; everything that
//! judges data answers with [`Finding`]s that carry a stable code, a severity, a path to the
//! field, a message in Danish and English and, where the rule comes from the evidence, the source
//! section it cites. The user guide (`docs/guide/` in the repository) shows every capability in
//! Rust, Python, Kotlin and on the command line.
//!
//! ```
//! use brobygger::matching::{MatchOptions, MatchRequest, Solver};
//! use brobygger::{Dossier, FindingsExt, Lang, RoleOptions};
//!
//! // Three built-in dossiers are modelled on the source documents.
//! let dossier = Dossier::example("ikast-brande")?;
//! assert!(!dossier.validate().has_errors());
//! println!("{}", dossier.summary(Lang::En));
//!
//! // Who does what under an agreement, checked against the statutory line.
//! let roles = dossier.roles(&"ikast-vvv".into()).analyse(RoleOptions::default())?;
//! assert!(!roles.has_errors());
//!
//! // Newcomers matched with volunteer offers, every match explained rule by rule.
//! let on = "2016-04-01".parse().unwrap();
//! let run = dossier.matching().match_cohort(&MatchRequest {
//!     cohort: "ikast-2016-q1".into(),
//!     rule_set: "vvv-ikast".into(),
//!     options: MatchOptions::new(Solver::Optimal, on),
//! })?;
//! assert_eq!(run.matches.len(), 9);
//!
//! // The partnership's health as of a day, per dimension, with reasons and sources.
//! let as_of: brobygger::chrono::NaiveDate = "2019-06-30".parse().unwrap();
//! let health = dossier.assessment().assess(&"ikast-vvv".into(), as_of)?;
//! assert!(health.overall.is_some());
//!
//! // Lossless round trip through the file format, which carries a schema version.
//! assert_eq!(Dossier::from_json(&dossier.to_json()?)?, dossier);
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! ## Capabilities
//!
//! - **Agreements and their lifecycle** ([`agreement`], [`lifecycle`]): versions of the terms
//!   (parties, goals with indicators, activities, governance, routines, resources, term, stage,
//!   cooperation level), a checked lifecycle ([`Dossier::transition`] under a
//!   [`TransitionPolicy`] that refuses to sign an agreement that is not ready, with overrides
//!   recorded), amendments as new versions ([`Dossier::amend`]).
//! - **Posts and handover** ([`posts`]): posts outlive their holders; tenures record who held
//!   what when; [`Dossier::handover`] moves every post of a person at once, or nothing.
//! - **Validation** ([`validate`], [`Dossier::validate`]): every problem at once, each with its
//!   path; parse errors with path, line and column and no quoted input.
//! - **Role splits** ([`roles`]): RACI over a catalogue of statutory and shared tasks, the
//!   agreement's activities and custom tasks; the statutory line, one Accountable, coordinated
//!   coverage, hours, single points of failure ([`Dossier::analyse_roles`]); Markdown and HTML
//!   matrices ([`Dossier::role_matrix`]); changes all or nothing, amendments and diffs.
//! - **Checklists** ([`checklists`]): expectation-alignment templates as TOML or JSON (seven
//!   built in), answer sessions, side-by-side alignment with critical divergences first
//!   ([`Dossier::checklist_alignment`]), and a signing-readiness rule with resolutions.
//! - **Matching** ([`matching`]): pseudonymous newcomer and offer profiles with sensitivity
//!   classes, rule sets as data, sparse candidates, optimal, stable and greedy solvers
//!   ([`Dossier::match_cohort`]), explanations, unmatched households with their reasons, the
//!   volunteer's view; a dense assignment solver ([`matching::linear_sum_assignment`]); profiles
//!   in bulk from tables ([`matching::columns`]).
//! - **Introductions** ([`matching::intro`]): the plan of 001 (first within a month, all within
//!   three, then repeated), each household's status on a day ([`Dossier::introductions_due`]).
//! - **Privacy** ([`privacy`]): consent and other legal bases, the consent gate every dossier
//!   run goes through, disclosure only after both sides accept a match
//!   ([`Dossier::propose_match`]), audience views ([`Dossier::view_newcomer`]), anonymisation
//!   with cascade ([`Dossier::anonymise`]), retention, safe tables with complementary suppression
//!   ([`Dossier::safe_table`]), keyed pseudonyms ([`PseudonymKey`]), the privacy review.
//! - **Assessment and surveys** ([`assessment`]): 40 checks from the sources in nine
//!   dimensions, scored with reasons as of a date ([`Dossier::assess`]), the role split,
//!   checklists, matching and introductions weighed by default; evaluation surveys stored as
//!   counts, with Wilson and Newcombe intervals ([`Dossier::survey_results`]).
//! - **Reports** ([`assessment::report`]): a shareable report per agreement in Markdown or
//!   self-contained HTML with SVG charts ([`Dossier::report`]), no personal data beyond post
//!   titles; [`Dossier::health_summary`] on one page.
//! - **Import and CSV** ([`import`]): newcomers and offers from the spreadsheets municipalities
//!   keep (`,` `;` or tab, UTF-8 or Windows-1252, Danish dates and decimal commas), every bad
//!   cell with file, line and column and never its value; writers that read back the same.
//! - **Reminders** ([`reminders`], [`Dossier::reminders`]): introductions, meetings to convene,
//!   reviews, term ends and committee briefings due or overdue on a day.
//! - **Schema and vocabulary** ([`schema`], [`vocabulary`]): the JSON Schema of the file format
//!   with `x-sensitivity` on personal fields; every closed vocabulary with Danish and English
//!   labels for apps.
//!
//! ## Main types
//!
//! - [`Dossier`]: the document; [`SCHEMA_VERSION`]; [`Dossier::example`] for the built-in
//!   examples ([`Example`]).
//! - [`Agreement`], [`AgreementTerms`], [`AgreementVersion`], [`StatusEvent`]; [`Post`],
//!   [`Tenure`]; [`PartyRef`] (an organisation or a municipal department).
//! - [`Finding`] with [`Severity`], [`FieldPath`] and [`SourceRef`] (one of the five
//!   [`SeedDocument`]s and a section); [`FindingsExt`] on lists of findings.
//! - [`RoleSplit`], [`ChecklistTemplate`], [`ChecklistAlignment`], [`RuleSet`], [`MatchRun`],
//!   [`Assessment`], [`ConsentRecord`], [`Reminder`].
//! - [`BrobyggerError`]: the one error at the boundary, a few kinds a caller acts on, each with
//!   a stable [`code`](BrobyggerError::code).
//! - [`Lang`] and [`Text`]: every text for people exists in Danish and English.
//!
//! ## Non-goals
//!
//! - No storage engine, network service or user interface: apps embed the library and keep the
//!   dossier where they like (it is one JSON document).
//! - No case management: the municipality's statutory case work stays in its own systems;
//!   newcomers appear here only pseudonymously, and the library never holds contact details.
//! - No automatic decisions about people: matching proposes, people decide.
//! - No FFI in this crate's default features: the Python and mobile bindings live in their own
//!   crates and only convert.

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
mod facets;
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
mod status;
pub mod summary;
pub mod time;
pub mod validate;
mod validation_code;

pub use crate::assessment::catalogue::Dimension;
pub use crate::assessment::input::AssessmentOptions;
pub use crate::assessment::model::SurveyRound;
pub use crate::assessment::report::parts::{ReportFormat, ReportOptions};
pub use crate::assessment::result::{Assessment, ExternalFindings};
pub use crate::checklists::align::{AlignmentStatus, ChecklistAlignment};
pub use crate::checklists::model::session::{
    AnswerInput, AnswerSession, AnswerValue, ChecklistRequirement, ResolveItem, StartChecklist,
};
pub use crate::checklists::model::store::Checklists;
pub use crate::checklists::model::template::{AnswerKind, ChecklistTemplate};
pub use crate::checklists::model::vocab::Side;
pub use crate::checklists::model::vocab::YesNo;
pub use crate::checklists::readiness::ChecklistReadiness;
pub use crate::lifecycle::facet::LifecycleFacet;
pub use crate::lifecycle::policy::TransitionPolicy;
pub use crate::lifecycle::rule::TransitionRule;
pub use crate::lifecycle::transition::LifecycleError;
pub use crate::lifecycle::transition::TransitionRequest;
pub use crate::matching::model::cohort::Cohort;
pub use crate::matching::model::intro::{IntroductionPlan, IntroductionRecord};
pub use crate::matching::model::profile::{Newcomer, Offer};
pub use crate::matching::model::rules::RuleSet;
pub use crate::matching::model::run::MatchRun;
pub use crate::matching::model::run::Solver;
pub use crate::matching::outcome::MatchOptions;
pub use crate::matching::store::MatchRequest;
pub use crate::posts::facet::PostsFacet;
pub use crate::posts::handover::HandoverError;
pub use crate::posts::handover::{Handover, HandoverReport, HandoverScope};
pub use crate::posts::model::{Post, PostKind, Tenure};
pub use crate::privacy::model::audience::Audience;
pub use crate::privacy::model::consent::{
    ConsentRecord, LegalBasis, ProcessingBasis, Purpose, Subject,
};
pub use crate::privacy::model::proposal::MatchProposal;
pub use crate::privacy::model::retention::RetentionPolicy;
pub use crate::privacy::model::store::Privacy;
pub use crate::privacy::pseudonym::PseudonymKey;
pub use crate::roles::analysis::RolesCode;
pub use crate::roles::catalogue::{TaskCatalogue, TaskDefinition};
pub use crate::roles::diff::{AssignmentChange, CustomTaskChange, RoleSplitDiff};
pub use crate::roles::matrix::{CellCarrier, MatrixCell, MatrixParty, MatrixRow, RoleMatrix};
pub use crate::roles::model::error::RoleError;
pub use crate::roles::model::split::{
    Assignment, Carrier, CustomTask, Raci, RoleChange, RoleOptions, RoleSplit, TaskRef,
};
pub use crate::roles::ops::{Carrying, Duty};
pub use crate::roles::rule::RoleSplitRule;
pub use crate::roles::tasks::RoleTask;
pub use actors::{
    Affiliation, CertificateCheck, Department, DepartmentKind, Municipality, Organisation,
    OrganisationForm, OrganisationKind, OrganisationProfile, PartyRef, Person, PremisesAccess,
};
pub use agreement::{
    Activity, ActivityKind, Agreement, AgreementParty, AgreementTerms, AgreementVersion, Amendment,
    Cadence, CommitteeBriefing, CooperationLevel, Definition, ExitTerms, Goal, GoalOwner,
    Governance, Indicator, MeetingForum, MeetingRecord, OverrideRecord, ResourceCommitment, Stage,
    StatusEvent, TargetGroup, Term, TimeOfDay, Track,
};
pub use dossier::{Dossier, Provenance, ProvenanceBasis, SCHEMA_VERSION};
pub use error::{BrobyggerError, LoadError, redact_message};
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
pub use reminders::{Reminder, ReminderKind, ReminderOptions, ReminderState, RemindersFacet};
pub use sensitivity::{PersonalData, SensitivityClass};
pub use status::AgreementStatus;
pub use summary::SummaryOptions;
pub use time::Timestamp;

/// Re-exported so binding crates name the same date types.
pub use chrono;

// The README's and the guide's Rust blocks run as doctests (`cargo test`); the other languages'
// blocks run in `scripts/test.sh` (`scripts/guide.py`, `tests/python/test_guide.py`), which
// also checks that every chapter of `docs/guide/src/SUMMARY.md` is listed here.
macro_rules! doctests {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(
            #[cfg(doctest)]
            #[doc = include_str!($file)]
            pub struct $name;
        )*
    };
}

doctests! {
    ReadmeDoctests => "../../../README.md",
    GuideIntroduction => "../../../docs/guide/src/introduction.md",
    GuideGettingStarted => "../../../docs/guide/src/getting-started.md",
    GuideDossier => "../../../docs/guide/src/dossier.md",
    GuideRoles => "../../../docs/guide/src/roles.md",
    GuideChecklists => "../../../docs/guide/src/checklists.md",
    GuideMatching => "../../../docs/guide/src/matching.md",
    GuidePrivacy => "../../../docs/guide/src/privacy.md",
    GuideAssessment => "../../../docs/guide/src/assessment.md",
    GuideSpreadsheets => "../../../docs/guide/src/spreadsheets.md",
    GuideCli => "../../../docs/guide/src/cli.md",
    GuidePython => "../../../docs/guide/src/python.md",
    GuideMobile => "../../../docs/guide/src/mobile.md",
    GuideMobilePackaging => "../../../docs/guide/src/mobile-packaging.md",
    GuideScale => "../../../docs/guide/src/scale.md",
    GuideSources => "../../../docs/guide/src/sources.md",
}

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
        matching::model::profile::need_vocabulary(lang),
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
