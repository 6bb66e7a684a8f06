//! Matching newcomers with volunteers and activities, explained, and introduced on time.
//!
//! Venner Viser Vej (002) matched refugees with about 100 volunteer contact families and
//! language mentors in one municipality; the LBB evaluation (001 "Hvornår skal frivilligtilbud
//! introduceres?") says volunteer offers must be introduced within the first three months, first
//! at the integration-contract conversation, and repeated. This module holds both:
//!
//! - [`profile`]: the pseudonymous [`Newcomer`] household and the volunteer [`Offer`].
//! - [`rules`]: rule sets as data (TOML or JSON), validated with every problem and its path.
//! - [`candidates`]: rule evaluation and sparse candidate generation with spatial bucketing
//!   (in parallel for large runs).
//! - [`columns`]: profiles in bulk from one JSON table (records, columns or split rows).
//! - [`solve`]: greedy, optimal (exact) and stable solvers, and stable matching over explicit
//!   preference lists (hospital/resident form).
//! - [`assignment`]: dense optimal assignment on a full cost or score matrix (the problem of
//!   `scipy.optimize.linear_sum_assignment`).
//! - [`outcome`]: a run's [`MatchRun`]: matches explained rule by rule, unmatched households with
//!   their binding constraint, unmet demand, unused offers, waiting times and statistics.
//! - [`audience`]: what a volunteer may see of a match.
//! - [`intro`]: the introduction plan: due and overdue introductions and the cohort view.
//! - [`store`]: cohorts, offers, rule sets and runs in the dossier.
//! - [`followup`]: what a cohort's introductions and matching runs leave to follow up on a date,
//!   as findings for the health assessment.
//!
//! ```
//! use brobygger::matching::{self, MatchOptions, RuleSet, Solver};
//! use brobygger::Dossier;
//!
//! let dossier = Dossier::example("ikast-brande")?;
//! let cohort = &dossier.cohorts[0];
//! let rules = &dossier.rule_sets[0];
//! let date = "2016-03-01".parse().unwrap();
//! let run = matching::run(rules, &cohort.newcomers, &dossier.offers, MatchOptions::new(Solver::Optimal, date))?;
//! for m in &run.matches {
//!     println!("{} ↔ {} ({:.2})", m.newcomer, m.offer, m.score);
//! }
//! for u in &run.unmatched {
//!     println!("{}: {}", u.newcomer, u.reasons[0].en);
//! }
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! Matching proposes; people decide. Nothing here contacts anyone or discloses anything.

pub mod assignment;
pub mod audience;
pub mod candidates;
pub mod columns;
pub(crate) mod facet;
pub mod followup;
pub mod intro;
pub mod outcome;
pub mod profile;
pub mod rules;
pub mod solve;
pub mod store;

pub use assignment::{DenseAssignment, Objective, linear_sum_assignment};
pub use audience::{SharedField, VolunteerMatchView};
pub use candidates::{Candidates, SCORE_SCALE};
pub use facet::MatchingFacet;
pub use followup::FollowUpCode;
pub use intro::{
    CohortView, IntroductionCode, IntroductionCount, IntroductionPlan, IntroductionRecord,
    IntroductionSetting, IntroductionState, IntroductionStatus,
};
pub use outcome::{
    BindingConstraint, Demand, DemandGap, Match, MatchOptions, MatchRun, MatchStatistics,
    RuleOutcome, Unmatched, UnusedOffer, run,
};
pub use profile::{
    Coordinates, Credential, Gender, Household, LanguageLevel, LanguageSkill, Need, Newcomer,
    Offer, OfferKind, Preference, Slot, Weekday,
};
pub use rules::{MatchingCode, Rule, RuleKind, RuleSet, Strength};
pub use solve::{
    OfferRanking, Places, PreferenceProblem, ProposingSide, Ranking, Solver, StableAssignment,
    StablePair,
};
pub use store::{Cohort, MatchError, MatchRequest};
