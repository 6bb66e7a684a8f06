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
//! assert_eq!(run.matches.len(), 20);
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
//! - **Agreements and their lifecycle** ([`Agreement`], [`lifecycle`]): versions of the terms
//!   (parties, goals with indicators, activities, governance, routines, resources, term, stage,
//!   cooperation level), a checked lifecycle ([`crate::LifecycleFacet::transition`] under a
//!   [`TransitionPolicy`] that refuses to sign an agreement that is not ready, with overrides
//!   recorded), amendments as new versions ([`crate::LifecycleFacet::amend`]).
//! - **Posts and handover** ([`posts`]): posts outlive their holders; tenures record who held
//!   what when; [`crate::PostsFacet::handover`] moves every post of a person at once, or nothing.
//! - **Validation** ([`Dossier::validate`], [`ValidationCode`]): every problem at once, each with its
//!   path; parse errors with path, line and column and no quoted input.
//! - **Role splits** ([`roles`]): RACI over a catalogue of statutory and shared tasks, the
//!   agreement's activities and custom tasks; the statutory line, one Accountable, coordinated
//!   coverage, hours, single points of failure ([`crate::RolesFacet::analyse`]); Markdown and HTML
//!   matrices ([`crate::RolesFacet::matrix`]); changes all or nothing, amendments and diffs.
//! - **Checklists** ([`checklists`]): expectation-alignment templates as TOML or JSON (seven
//!   built in), answer sessions, side-by-side alignment with critical divergences first
//!   ([`crate::ChecklistsFacet::alignment`]), and a signing-readiness rule with resolutions.
//! - **Matching** ([`matching`]): pseudonymous newcomer and offer profiles with sensitivity
//!   classes, rule sets as data, sparse candidates, optimal, stable and greedy solvers
//!   ([`crate::MatchingFacet::match_cohort`]), explanations, unmatched households with their reasons, the
//!   volunteer's view; a dense assignment solver ([`matching::linear_sum_assignment`]); profiles
//!   in bulk from tables ([`matching::newcomers_from_table`]).
//! - **Introductions** ([`matching::IntroductionPlan`]): the plan of 001 (first within a month, all within
//!   three, then repeated), each household's status on a day ([`crate::MatchingFacet::introductions_due`]).
//! - **Privacy** ([`privacy`]): consent and other legal bases, the consent gate every dossier
//!   run goes through, disclosure only after both sides accept a match
//!   ([`crate::PrivacyFacet::propose`]), audience views ([`crate::PrivacyFacet::view_newcomer`]), anonymisation
//!   with cascade ([`crate::PrivacyFacet::anonymise`]), retention, safe tables with complementary suppression
//!   ([`crate::PrivacyFacet::safe_table`]), keyed pseudonyms ([`PseudonymKey`]), the privacy review.
//! - **Assessment and surveys** ([`assessment`]): 43 checks from the sources in nine
//!   dimensions, scored with reasons as of a date ([`crate::AssessmentFacet::assess`]), the role split,
//!   checklists, matching and introductions weighed by default; evaluation surveys stored as
//!   counts, with Wilson and Newcombe intervals ([`crate::SurveysFacet::results`]).
//! - **Reports** ([`assessment::ReportOptions`]): a shareable report per agreement in Markdown or
//!   self-contained HTML with SVG charts ([`crate::AssessmentFacet::report`]), no personal data beyond post
//!   titles; [`crate::AssessmentFacet::health_summary`] on one page.
//! - **Import and CSV** ([`import`]): newcomers and offers from the spreadsheets municipalities
//!   keep (`,` `;` or tab, UTF-8 or Windows-1252, Danish dates and decimal commas), every bad
//!   cell with file, line and column and never its value; writers that read back the same.
//! - **Reminders** ([`Dossier::reminders`], [`RemindersFacet::due`]): introductions, meetings to convene,
//!   reviews, term ends, committee briefings and meetings' action items due or overdue on a day.
//! - **Meetings** ([`Dossier::meetings`], [`MeetingsFacet::minutes`]): the minutes of meetings
//!   held (agenda, decisions, action items with owners and due days) and where each action item
//!   stands on a day.
//! - **Calendars** ([`calendar`], [`Dossier::calendar`]): fixed meetings as series with their
//!   notice, meetings held, activities on their schedules, dated tasks and check-ins, as
//!   iCalendar (RFC 5545) files in Danish time, read back by [`calendar::read_ics`].
//! - **Schema and vocabulary** ([`dossier_schema_json`], [`vocabulary()`]): the JSON Schema of the file format
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

// The layers (crates/core/layers.toml, checked by scripts/check_layers.py): ground types, each
// feature's stored data, the dossier, the operations, and these front doors. The feature modules
// below are public namespaces whose front doors say what they offer; every other module is
// private and re-exported here item by item.
pub mod assessment;
pub mod calendar;
pub mod checklists;
pub mod directory;
pub mod import;
pub mod lifecycle;
pub mod matching;
pub mod outcomes;
pub mod places;
pub mod posts;
pub mod present;
pub mod privacy;
pub mod progress;
pub mod roles;

mod actors;
mod agreement;
mod code;
mod codes;
mod dossier;
mod error;
mod evidence;
mod examples;
mod facets;
mod finding;
mod fsio;
mod i18n;
mod ids;
mod meetings;
mod random;
mod reminders;
mod results_schema;
mod schema;
mod sensitivity;
mod status;
mod store_tables;
mod summary;
mod tables;
mod time;
mod validate;
mod validation_code;
mod vocabulary;

pub use actors::{
    Affiliation, CertificateCheck, CooperationDegree, Department, DepartmentKind,
    HousingCooperation, HousingCooperationArea, MUNICIPALITY_CODES, Municipality, Organisation,
    OrganisationForm, OrganisationKind, OrganisationProfile, PartyRef, Person, PremisesAccess,
    Region, official_municipality_name,
};
pub use agreement::{
    ActionItem, ActionOwner, ActionStatus, Activity, ActivityKind, Agreement, AgreementParty,
    AgreementTerms, AgreementVersion, Amendment, Cadence, CommitteeBriefing, CooperationLevel,
    Definition, ExitTerms, Goal, GoalOwner, Governance, Indicator, MeetingForum, MeetingRecord,
    OverrideRecord, ResourceCommitment, Stage, StatusEvent, TargetGroup, Term, TimeOfDay, Track,
};
pub use assessment::{
    Assessment, AssessmentFacet, AssessmentOptions, Dimension, ExternalFindings, ReportOptions,
    SurveyRound, SurveysFacet,
};
pub use checklists::{
    AlignmentStatus, AnswerInput, AnswerKind, AnswerSession, AnswerValue, ChecklistAlignment,
    ChecklistReadiness, ChecklistRequirement, ChecklistTemplate, Checklists, ChecklistsFacet,
    ResolveItem, Side, StartChecklist, YesNo,
};
pub use code::{
    Code, CodeInfo, ErrorCode, ErrorKind, InputCode, InternalCode, LoadCode, NotFoundCode,
    SaveCode, StoreCode, Usage, UsageCode, WorkCode,
};
pub use codes::{code_info, codes, codes_markdown, error_code};
pub use directory::DirectoryFacet;
#[cfg(feature = "uniffi")]
pub use dossier::DossierChange;
pub use dossier::{Dossier, Provenance, ProvenanceBasis, SCHEMA_VERSION};
pub use error::{BrobyggerError, LoadError, error_path, redact_message};
pub use examples::{Example, example_reference_date};
pub use finding::{
    FieldPath, Finding, FindingKind, FindingsExt, PathSegment, SeedDocument, Severity, SourceRef,
    sort_findings,
};
pub use fsio::{
    FileCode, FileError, FileLock, MAX_INPUT_BYTES, read_input, read_input_limited,
    refuse_same_file, same_file, write_atomic, write_atomic_with,
};
pub use i18n::{Label, Lang, Text, Vocabulary, VocabularyEntry, entries};
pub use ids::{
    ActivityId, AgreementId, DepartmentId, ForumId, GoalId, MunicipalityId, OrganisationId,
    PersonId, PostId, TaskId,
};
pub use ids::{
    AnswerId, GroupId, InstrumentId, MeasureId, PlaceId, QuestionId, ScaleId, ServiceId, SurveyId,
};
pub use ids::{BasisId, ConsentId, PolicyId, ProposalId};
pub use ids::{ChoiceId, ItemId, SectionId, SessionId, TemplateId};
pub use ids::{CohortId, MatchRunId, NewcomerId, OfferId, RelationshipId, RuleId, RuleSetId};
pub use ids::{MAX_ID_LEN, OrgIdProblem, OrgIdScheme, cvr_checksum_ok, is_well_formed};
pub use lifecycle::{
    LifecycleError, LifecycleFacet, TransitionPolicy, TransitionRequest, TransitionRule,
};
pub use matching::{
    Cohort, IntroductionPlan, IntroductionRecord, MatchOptions, MatchRequest, MatchRun,
    MatchingFacet, Newcomer, Offer, Relationship, RelationshipsFacet, RematchRequest, RuleSet,
    Solver,
};
pub use meetings::{ActionItemState, MeetingMinutes, MeetingsFacet, Minutes};
pub use outcomes::OutcomesFacet;
pub use places::{Involvement, PartnershipProcess, Place, PlaceBinding, PlaceKind};
pub use posts::{
    Handover, HandoverError, HandoverReport, HandoverScope, Post, PostKind, PostsFacet, Tenure,
};
pub use present::Format;
pub use privacy::{
    Audience, BasisSource, ConsentRecord, DeclaredBasis, LegalBasis, MatchProposal, Privacy,
    PrivacyFacet, ProcessingBasis, ProfileBasis, PseudonymKey, Purpose, RetentionPolicy, Subject,
    Viewer,
};
pub use reminders::{
    DEFAULT_HORIZON_DAYS, Reminder, ReminderKind, ReminderList, ReminderOptions, ReminderState,
    RemindersFacet,
};
pub use results_schema::{results_schema, results_schema_json};
pub use roles::{
    Assignment, AssignmentChange, Carrier, Carrying, CellCarrier, CustomTask, CustomTaskChange,
    Duty, MatrixCell, MatrixParty, MatrixRow, Raci, RoleChange, RoleError, RoleMatrix, RoleOptions,
    RoleSplit, RoleSplitDiff, RoleSplitRule, RoleTask, RolesCode, RolesFacet, TaskCatalogue,
    TaskDefinition, TaskRef,
};
pub use schema::{dossier_schema, dossier_schema_json};
pub use sensitivity::{FieldSensitivity, PersonalData, SensitivityClass, class_of, field_classes};
pub use status::AgreementStatus;
pub use store_tables::{audit_log_table, history_table};
pub use summary::SummaryOptions;
pub use tables::{TABLE_NAMES, empty_table};
pub use time::{Timestamp, parse_date, parse_date_arg, parse_instant_arg, start_of_day};
pub use validation_code::ValidationCode;
pub use vocabulary::vocabulary;

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
    GuidePackaging => "../../../docs/guide/src/packaging.md",
    GuideWalkthrough => "../../../docs/guide/src/walkthrough.md",
    GuideDossier => "../../../docs/guide/src/dossier.md",
    GuideRoles => "../../../docs/guide/src/roles.md",
    GuideChecklists => "../../../docs/guide/src/checklists.md",
    GuideMatching => "../../../docs/guide/src/matching.md",
    GuidePrivacy => "../../../docs/guide/src/privacy.md",
    GuideAssessment => "../../../docs/guide/src/assessment.md",
    GuideSpreadsheets => "../../../docs/guide/src/spreadsheets.md",
    GuideDirectory => "../../../docs/guide/src/directory.md",
    GuideOutcomes => "../../../docs/guide/src/outcomes.md",
    GuideCli => "../../../docs/guide/src/cli.md",
    GuideStore => "../../../docs/guide/src/store.md",
    GuidePython => "../../../docs/guide/src/python.md",
    GuideMobile => "../../../docs/guide/src/mobile.md",
    GuideMobilePackaging => "../../../docs/guide/src/mobile-packaging.md",
    GuideScale => "../../../docs/guide/src/scale.md",
    GuideSources => "../../../docs/guide/src/sources.md",
    GuideCodes => "../../../docs/guide/src/codes.md",
}
