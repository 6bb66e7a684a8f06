//! Outcomes over time (002 follows refugees' job attachment, self-support and language): dated
//! records of each household's work or education, self-support, Danish and social network,
//! kept only under a basis for evaluation and statistics, and the cohort's outcomes by whether
//! and how early its households were matched and introduced, aggregated with suppression: no
//! shared output ever shows a household on its own.
//!
//! ```
//! use brobygger::outcomes::OutcomeOptions;
//! use brobygger::Dossier;
//!
//! let dossier = Dossier::example("ikast-brande")?;
//! let cohort = dossier.cohorts[0].id.clone();
//! let view = dossier
//!     .outcomes()
//!     .cohort_view(&cohort, OutcomeOptions::as_of("2017-01-01".parse().unwrap()))?;
//! // Every cell below five households is hidden.
//! assert!(view.cells.iter().all(|c| c.households.is_none_or(|n| n == 0 || n >= 5)));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod facet;
pub(crate) mod model;
pub(crate) mod validate;
pub(crate) mod view;

pub use facet::OutcomesFacet;
pub use model::{DanishLevel, Employment, OutcomeCode, OutcomeRecord, SocialNetwork};
pub use view::{OutcomeCell, OutcomeGrouping, OutcomeMeasure, OutcomeOptions, OutcomeView, Timing};
