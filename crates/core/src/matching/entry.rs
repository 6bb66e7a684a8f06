//! The public entry points that match profiles held outside a dossier. Each passes the consent
//! gate (`crate::privacy::gate`, where the rule is written): a run records what it withheld and
//! what it used under which basis; the benchmark hooks, which record nothing, use no sensitive
//! attribute.

use crate::error::BrobyggerError;
use crate::matching::candidates::{self, Candidates, Prepared};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::privacy::gate::{run_profiles, without_sensitive};
use crate::progress::Watch;

/// Runs a match of `newcomers` with `offers` under `rules`. Fails with a `Validation` error if
/// the rule set has errors; the profiles are taken as given (validate a dossier to check them).
///
/// A sensitive attribute a rule reads is used for a subject only under the profile's own
/// consent or basis ([`crate::privacy::ProfileBasis`]) or a basis the options declare
/// ([`MatchOptions::bases`]); otherwise it is withheld and the run lists it. A profile whose own
/// consent does not hold on the run's day, and that no other basis covers, is left out. The
/// rule: `crate::privacy::gate`.
pub fn run(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
) -> Result<MatchRun, BrobyggerError> {
    run_watched(rules, newcomers, offers, options, &Watch::default())
}

/// [`run`] under `watch`: progress of the candidates and the solver, and `Cancelled`
/// (`work.cancelled`) as soon as the watch is cancelled ([`crate::progress`]).
pub fn run_watched(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    rules.check()?;
    run_profiles(rules, newcomers, offers, &options.into(), watch)
}

/// The candidates of a run without solving it: for benchmarks and for checking solvers. It
/// records nothing, so it uses no sensitive attribute: the rules that read a household's are
/// left out and offers are seen without theirs (a rule asking for a certificate then keeps
/// every offer away from the households it protects).
pub fn candidates(rules: &RuleSet, newcomers: &[Newcomer], offers: &[Offer]) -> Candidates {
    generate_with_threads(rules, newcomers, offers, 0)
}

/// Like [`candidates`], evaluated on `threads` threads (0: as a run chooses); the result is the
/// same for any number of threads.
pub fn generate_with_threads(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    threads: usize,
) -> Candidates {
    let Ok((rules, newcomers, offers)) = without_sensitive(rules, newcomers, offers) else {
        // Removing a field through its serialised form cannot fail for these types; if it did,
        // nothing sensitive may be evaluated.
        return Candidates::from_lists(vec![Vec::new(); newcomers.len()], vec![0; offers.len()]);
    };
    if threads == 0 {
        candidates::generate(&Prepared::new(&rules, &newcomers, &offers))
    } else {
        candidates::generate_threads(&rules, &newcomers, &offers, threads)
    }
}
