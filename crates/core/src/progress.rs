//! Watching long work: a cancel flag the work looks at, and a progress sink it reports to (ADR
//! 0067).
//!
//! A match of thousands of households, a rematch, a simulation of arrivals week by week and a
//! store's import or verification can take seconds. An app that stopped waiting (a cancelled
//! coroutine, a Swift task, Ctrl-C in Python) wants that work to stop, and a person waiting wants
//! to see how far it is. A [`Watch`] carries both, and the long loops look at it at natural, cheap
//! points (once per household placed, per week simulated, per collection imported), never in an
//! inner loop. The default watch has neither, and every check on it is one branch.
//!
//! Cancelled work returns [`BrobyggerError::Cancelled`] (`work.cancelled`) and changes nothing:
//! the checks sit before anything is written, and a store writes in one transaction.
//!
//! Progress is throttled: the sink hears the first and the last update of a stage and at most one
//! every [`Watch::interval`] in between (a tenth of a second by default), and updates are monotone
//! even when several threads count (the candidates of a big run).
//!
//! ```
//! use brobygger::progress::{Progress, Watch};
//! use brobygger::matching::{self, MatchOptions, Solver};
//! use brobygger::Dossier;
//! use std::sync::{Arc, Mutex};
//!
//! let dossier = Dossier::example("ikast-brande")?;
//! let seen = Arc::new(Mutex::new(Vec::<Progress>::new()));
//! let sink = Arc::clone(&seen);
//! let watch = Watch::new().on_progress(move |p| {
//!     sink.lock().unwrap().push(p);
//!     std::ops::ControlFlow::Continue(())
//! });
//! let on = "2016-03-01".parse().unwrap();
//! let run = matching::run_watched(
//!     &dossier.rule_sets[0],
//!     &dossier.cohorts[0].newcomers,
//!     &dossier.offers,
//!     MatchOptions::new(Solver::Optimal, on),
//!     &watch,
//! )?;
//! let last = *seen.lock().unwrap().last().unwrap();
//! assert_eq!(last.done, last.total);
//!
//! // Raised before the work starts: nothing runs.
//! let watch = Watch::new();
//! watch.cancel();
//! let err = matching::run_watched(&dossier.rule_sets[0], &dossier.cohorts[0].newcomers,
//!     &dossier.offers, MatchOptions::new(Solver::Optimal, on), &watch).unwrap_err();
//! assert_eq!(err.code(), "work.cancelled");
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::error::BrobyggerError;
use std::fmt;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Which part of a long operation an update is about. Each stage counts from 0 to its total.
///
/// Kotlin and Swift call it `ProgressStage`: the agreement's `Stage` (project or operation) has
/// the plain name there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "ProgressStage")
)]
pub enum Stage {
    /// Rules evaluated for each household: the candidate pairs of a match.
    Candidates,
    /// Households placed by the solver.
    Solve,
    /// Why-not questions answered (each solves again).
    Explain,
    /// Weeks of arrivals simulated.
    Simulate,
    /// Collections of a dossier written into a store.
    Import,
    /// Events of a store's audit trail checked.
    Verify,
}

crate::i18n::labels!(Stage, "progress_stage" {
    Candidates => ("kandidater", "candidates"),
    Solve => ("matcher", "matching"),
    Explain => ("forklarer", "explaining"),
    Simulate => ("simulerer uger", "simulating weeks"),
    Import => ("importerer", "importing"),
    Verify => ("kontrollerer", "verifying"),
});

impl Stage {
    /// The stage as written in files and bindings: `candidates`, `solve`, ...
    pub fn name(self) -> &'static str {
        match self {
            Stage::Candidates => "candidates",
            Stage::Solve => "solve",
            Stage::Explain => "explain",
            Stage::Simulate => "simulate",
            Stage::Import => "import",
            Stage::Verify => "verify",
        }
    }
}

/// One progress update: `done` of `total` units of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Progress {
    /// Which part of the work.
    pub stage: Stage,
    /// Units done, from 0 to `total`.
    pub done: u64,
    /// Units in the stage.
    pub total: u64,
}

/// What a Kotlin or Swift app hands a long `…Async` call to hear how far it is (crate
/// `brobygger-mobile`, ADR 0071). The library calls it on the work's own thread (never the
/// app's main thread; post to the UI from there), with the watch's throttled, monotone updates.
/// It only listens: to stop the work, cancel the coroutine or the task. Whatever it throws is
/// ignored and the work goes on, so a failing progress bar never costs the result.
///
/// It lives beside [`Watch`], behind the `uniffi` feature, for the reason `DossierChange` lives
/// beside the dossier: the app's exceptions cross back as [`BrobyggerError`], and uniffi
/// generates a callback's error handling in the component that defines the error.
#[cfg(feature = "uniffi")]
#[uniffi::export(callback_interface)]
pub trait ProgressListener: Send + Sync {
    /// Hears one update. Called from a background thread; keep it short.
    fn on_progress(&self, update: Progress) -> Result<(), BrobyggerError>;
}

/// What a progress sink is: it hears an update and says whether the work may go on
/// (`ControlFlow::Break` cancels it, as the flag does).
pub type Sink = dyn Fn(Progress) -> ControlFlow<()> + Send + Sync;

/// The last update handed to the sink and when; shared by the threads of one piece of work.
#[derive(Default)]
struct Throttle {
    last: Option<(Progress, Instant)>,
}

/// How long work is watched: an optional cancel flag and an optional progress sink (see the
/// module docs). Cloning shares both; the default watches nothing.
#[derive(Clone, Default)]
pub struct Watch {
    cancel: Option<Arc<AtomicBool>>,
    sink: Option<Arc<Sink>>,
    throttle: Arc<Mutex<Throttle>>,
    interval: Option<Duration>,
}

impl fmt::Debug for Watch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("cancelled", &self.is_cancelled())
            .field("sink", &self.sink.is_some())
            .finish()
    }
}

/// Units of a loop between two looks at a watch: cheap enough to be invisible beside the loop's
/// own work, often enough to stop within milliseconds.
pub const STRIDE: u64 = 64;

const DEFAULT_INTERVAL: Duration = Duration::from_millis(100);

impl Watch {
    /// A watch with its own cancel flag ([`Watch::cancel`]) and no sink.
    pub fn new() -> Self {
        Self::default().with_flag(Arc::new(AtomicBool::new(false)))
    }

    /// Watches `flag`: the work stops once it is true (an app's or a binding's own flag).
    pub fn with_flag(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancel = Some(flag);
        self
    }

    /// Hands progress updates to `sink` (throttled; see the module docs). The sink may cancel
    /// the work by returning `ControlFlow::Break(())`.
    pub fn on_progress(
        mut self,
        sink: impl Fn(Progress) -> ControlFlow<()> + Send + Sync + 'static,
    ) -> Self {
        self.sink = Some(Arc::new(sink));
        // A sink that breaks raises the flag, so every thread of the work stops.
        if self.cancel.is_none() {
            self.cancel = Some(Arc::new(AtomicBool::new(false)));
        }
        self
    }

    /// At most one update per `interval` between a stage's first and last (default: 100 ms;
    /// zero hands over every update the work reports).
    pub fn interval(mut self, interval: Duration) -> Self {
        self.interval = Some(interval);
        self
    }

    /// The same flag without the sink: for work inside a step that reports its own progress.
    pub(crate) fn without_progress(&self) -> Self {
        Self {
            cancel: self.cancel.clone(),
            ..Self::default()
        }
    }

    /// Asks the work to stop (and every clone's). The default watch has no flag to raise: make
    /// one with [`Watch::new`] or [`Watch::with_flag`].
    pub fn cancel(&self) {
        if let Some(flag) = &self.cancel {
            flag.store(true, Ordering::Release);
        }
    }

    /// Whether the work was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Acquire))
    }

    /// Whether anything watches: without a flag or a sink every check is skipped.
    pub fn is_watched(&self) -> bool {
        self.cancel.is_some() || self.sink.is_some()
    }

    /// `Err(Cancelled)` once the work was asked to stop.
    pub fn check(&self) -> Result<(), BrobyggerError> {
        if self.is_cancelled() {
            Err(BrobyggerError::cancelled())
        } else {
            Ok(())
        }
    }

    /// Reports `done` of `total` units of `stage` and checks the flag. Cheap to call once per
    /// unit: it looks at the watch every [`STRIDE`] units and at the first and last.
    #[inline]
    pub fn step(&self, stage: Stage, done: u64, total: u64) -> Result<(), BrobyggerError> {
        if !self.is_watched() || (!done.is_multiple_of(STRIDE) && done < total) {
            return Ok(());
        }
        self.report(Progress { stage, done, total })
    }

    /// Reports an update now (throttled for the sink) and checks the flag.
    pub fn report(&self, p: Progress) -> Result<(), BrobyggerError> {
        self.check()?;
        let Some(sink) = &self.sink else {
            return Ok(());
        };
        let now = Instant::now();
        let interval = self.interval.unwrap_or(DEFAULT_INTERVAL);
        // Held while the sink runs, so updates from several threads reach it in order.
        let mut t = self.throttle.lock().unwrap_or_else(PoisonError::into_inner);
        let due = match t.last {
            None => true,
            Some((last, _)) if last.stage != p.stage => true,
            // Several threads may count one stage: never go back.
            Some((last, _)) if p.done <= last.done => false,
            Some((_, _)) if p.done >= p.total => true,
            Some((_, at)) => now.duration_since(at) >= interval,
        };
        if due {
            t.last = Some((p, now));
            if sink(p).is_break() {
                drop(t);
                self.cancel();
                return Err(BrobyggerError::cancelled());
            }
        }
        drop(t);
        self.check()
    }

    /// Reports that `stage` starts with `total` units.
    pub fn start(&self, stage: Stage, total: u64) -> Result<(), BrobyggerError> {
        if !self.is_watched() {
            return Ok(());
        }
        self.report(Progress {
            stage,
            done: 0,
            total,
        })
    }

    /// Reports that `stage` is done (all `total` units).
    pub fn finish(&self, stage: Stage, total: u64) -> Result<(), BrobyggerError> {
        if !self.is_watched() {
            return Ok(());
        }
        self.report(Progress {
            stage,
            done: total,
            total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_watch_never_stops_and_hears_nothing() {
        let w = Watch::default();
        w.cancel();
        assert!(!w.is_cancelled());
        assert!(w.step(Stage::Solve, 0, 10).is_ok());
    }

    #[test]
    fn a_raised_flag_stops_the_next_look() {
        let w = Watch::new();
        assert!(w.check().is_ok());
        w.clone().cancel();
        assert_eq!(w.check().unwrap_err().code(), "work.cancelled");
        // Between strides nothing is looked at, so the loop stays cheap.
        assert!(w.step(Stage::Solve, 1, 10).is_ok());
        assert!(w.step(Stage::Solve, STRIDE, STRIDE * 2).is_err());
    }

    #[test]
    fn the_sink_hears_first_and_last_and_never_goes_back() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = Arc::clone(&seen);
        let w = Watch::new()
            .interval(Duration::from_secs(3600))
            .on_progress(move |p| {
                s.lock().unwrap().push(p.done);
                ControlFlow::Continue(())
            });
        w.start(Stage::Solve, 1000).unwrap();
        for k in 1..=1000 {
            w.step(Stage::Solve, k, 1000).unwrap();
        }
        w.step(Stage::Solve, 5, 1000).unwrap();
        assert_eq!(*seen.lock().unwrap(), vec![0, 1000]);
    }

    #[test]
    fn a_sink_that_breaks_cancels() {
        let w = Watch::new().on_progress(|_| ControlFlow::Break(()));
        assert_eq!(
            w.start(Stage::Import, 3).unwrap_err().code(),
            "work.cancelled"
        );
        assert!(w.is_cancelled());
    }
}
