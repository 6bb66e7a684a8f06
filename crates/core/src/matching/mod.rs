//! Matching newcomers with volunteers and activities, explained, and introduced on time.
//!
//! Venner Viser Vej (002) matched refugees with about 100 volunteer contact families and
//! language mentors in one municipality; the LBB evaluation (001 "Hvornår skal frivilligtilbud
//! introduceres?") says volunteer offers must be introduced within the first three months, first
//! at the integration-contract conversation, and repeated. This module holds both:
//!
//! - the stored data (`model/`): the pseudonymous [`Newcomer`] household and the volunteer
//!   [`Offer`] (`profile.rs`), [`RuleSet`]s as data, TOML or JSON, validated with every problem
//!   and its path (`rules.rs`), the [`Cohort`] with its [`IntroductionPlan`] (`cohort.rs`,
//!   `intro.rs`) and the stored [`MatchRun`] (`run.rs`);
//! - rule evaluation and sparse candidate generation with spatial bucketing, in parallel for
//!   large runs ([`candidates`], [`generate_with_threads`]);
//! - profiles in bulk from one JSON table: records, columns or split rows
//!   ([`newcomers_from_table`]);
//! - greedy, optimal (exact) and stable solvers ([`greedy`], [`optimal`], [`stable`]), and
//!   stable matching over explicit preference lists ([`Preferences`], hospital/resident form);
//! - dense optimal assignment on a full cost or score matrix, the problem of
//!   `scipy.optimize.linear_sum_assignment` ([`linear_sum_assignment`]);
//! - a run ([`run`]): matches explained rule by rule, unmatched households with their binding
//!   constraint, unmet demand, unused offers, waiting times and statistics;
//! - what a volunteer may see of a match ([`VolunteerMatchView`]);
//! - the dossier's side, reached by [`Dossier::matching`](crate::Dossier::matching)
//!   ([`MatchingFacet`]): lookups, the consented cohort run, stored runs, introductions, the
//!   cohort view, and what a cohort's introductions and runs leave to follow up (findings for
//!   the health assessment);
//! - table in, table out: one group's run as the `matches`, `unmatched` and `match_statistics`
//!   tables led by the group's key, what data engines call per group ([`match_tables`]);
//! - a run's tables and document (text, Markdown, HTML) for the CLI, notebooks and apps
//!   ([`MatchRunReport`]), and the Danish and English names of profile tags ([`tag_label`]).
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

pub(crate) mod arrivals;
pub(crate) mod assignment;
pub(crate) mod audience;
pub(crate) mod candidates;
pub(crate) mod columns;
pub(crate) mod entry;
pub(crate) mod explain;
pub(crate) mod facet;
pub(crate) mod followup;
pub(crate) mod history;
pub(crate) mod lookup;
pub(crate) mod model;
pub(crate) mod outcome;
pub(crate) mod present;
pub(crate) mod relationships;
mod scratch;
pub(crate) mod solve;
pub(crate) mod store;
pub(crate) mod structure;
pub(crate) mod tabular;
pub(crate) mod tags;
pub(crate) mod ties;
pub(crate) mod validate;

pub use arrivals::{
    Arrival, ArrivalOutcome, ArrivalStream, BatchPolicy, StreamOptions, hindsight, sample_arrivals,
    simulate, simulate_stream, simulate_watched,
};
pub use assignment::{
    AssignmentCode, AssignmentError, DenseAssignment, DenseSolution, DenseTotal, Objective,
    linear_sum_assignment, linear_sum_assignment_watched, solve_dense, solve_dense_bytes,
    solve_dense_bytes_watched, solve_dense_integers, solve_dense_owned, solve_dense_owned_watched,
};
pub use audience::{SharedField, SharedFieldText, VolunteerMatchText, VolunteerMatchView};
pub use candidates::{Candidates, SCORE_SCALE};
pub use columns::{newcomers_from_table, offers_from_table};
pub use entry::{candidates, generate_with_threads, run, run_watched};
pub use facet::{MatchingFacet, RelationshipsFacet};
pub use followup::{FollowUpCode, cohorts_concerning, introduction_findings, matching_findings};
pub use history::PreviousPartner;
pub use model::capacity::{Quota, QuotaGroup};
pub use model::cohort::Cohort;
pub use model::explain::{
    AlternativeOffer, Alternatives, ExplainOptions, PairQuery, PairSide, WhyNot, WhyNotReason,
};
pub use model::intro::{
    CohortView, IntroductionCode, IntroductionCount, IntroductionPlan, IntroductionRecord,
    IntroductionSetting, IntroductionState, IntroductionStatus,
};
pub use model::profile::{
    Coordinates, Credential, Gender, Household, LanguageLevel, LanguageSkill, Need, Newcomer,
    Offer, OfferKind, Preference, Slot, Weekday, is_language_code, language_name, need_vocabulary,
    newcomers_from_json, offers_from_json,
};
pub use model::relationship::{
    CheckInOutcome, EndReason, FollowUpSchedule, Relationship, RelationshipEvent,
    RelationshipEventKind, RelationshipSide, RelationshipState, describe_relationship,
};
pub use model::rules::{
    MAX_WEIGHT, MatchingCode, RULE_SET_SCHEMA_VERSION, RULE_TYPES, Rule, RuleKind, RuleSet,
    Strength, attribute_class, is_sensitive,
};
pub use model::run::{
    BindingConstraint, Demand, DemandGap, Match, MatchRun, MatchStatistics, OfferRanking,
    RuleOutcome, Solver, Unmatched, UnusedOffer, describe_binding,
};
pub use model::seats::{SeatKind, SeatNeed, Seats};
pub use model::structure::{QuotaOutcome, StructureMethod, StructureReport};
pub use outcome::{MatchOptions, solve_candidates, solve_candidates_watched};
pub use present::{
    MatchRunReport, headline, introductions_table, relationship_events_table, relationships_table,
};
pub use relationships::{
    EventOptions, OfferLoad, ProposeRelationship, RelationshipCode, RelationshipError,
};
pub use solve::{
    Places, PreferenceProblem, Preferences, ProposingSide, Ranking, StableAssignment, StablePair,
    blocking_pairs, describe as describe_solver, greedy, optimal, optimal_by_shortest_paths,
    stable,
};
pub use store::{MatchError, MatchRequest, RematchOptions, RematchRequest};
pub use tabular::{
    KeyPart, MATCH_TABLE_NAMES, MatchTables, empty_match_table, match_tables, tables_of_run,
};
pub use tags::tag_label;
pub use ties::{
    TieMethod, TiedPreferenceProblem, TiedPreferences, TiedRanking, TiesAssignment, TiesReport,
    largest_weakly_stable, largest_weakly_stable_watched, tied_from_candidates,
    weak_blocking_pairs, weakly_stable,
};
