//! `brobygger match`: newcomer households matched with volunteer offers under a rule set, from
//! spreadsheet files or a dossier's cohort, with a spinner on long runs.

use crate::format::OutputFormat;
use crate::inputs::{self, bad_input};
use crate::out::{Failure, Outcome, out, outln};
use crate::t;
use brobygger::import;
use brobygger::matching::MatchRunReport;
use brobygger::matching::{
    self, MatchOptions, MatchRequest, MatchRun, Newcomer, Offer, OfferRanking, RuleSet, Solver,
};
use brobygger::present::{Format, Present};
use brobygger::{Dossier, Label, Lang};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum SolverArg {
    /// The highest total score under the capacities (exact).
    Optimal,
    /// Stable, households proposing: no household and offer would both rather have each other.
    #[value(alias = "stable_newcomer_proposing")]
    Stable,
    /// Stable, offers proposing.
    #[value(alias = "stable_offer_proposing", alias = "stable_offers")]
    StableOffers,
    /// Best pair first, repeatedly.
    Greedy,
}

impl From<SolverArg> for Solver {
    fn from(s: SolverArg) -> Self {
        match s {
            SolverArg::Optimal => Solver::Optimal,
            SolverArg::Stable => Solver::StableNewcomerProposing,
            SolverArg::StableOffers => Solver::StableOfferProposing,
            SolverArg::Greedy => Solver::Greedy,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum RankingArg {
    /// Offers prefer the best-scoring household.
    Score,
    /// Offers prefer the household that has waited longest (a waiting list).
    Waiting,
}

#[derive(Args, Debug)]
pub(crate) struct MatchArgs {
    /// Newcomer households: a CSV file (see `brobygger template newcomers`) or JSON: a list of
    /// records, or a table of columns with the same column names (as a DataFrame writes it).
    #[arg(long)]
    newcomers: Option<PathBuf>,
    /// Volunteer offers: a CSV file (see `brobygger template offers`) or JSON, as --newcomers.
    #[arg(long)]
    offers: Option<PathBuf>,
    /// The rule set: TOML or JSON (see `brobygger template rules`).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// A dossier whose cohort, offers and rule set are used where no file is given.
    #[arg(long, conflicts_with = "example")]
    dossier: Option<PathBuf>,
    /// A built-in example dossier instead (ikast-brande has a cohort).
    #[arg(long)]
    example: Option<String>,
    /// The dossier's cohort (may be left out when it has only one).
    #[arg(long)]
    cohort: Option<String>,
    /// The dossier's rule set (may be left out when it has only one).
    #[arg(long)]
    rule_set: Option<String>,
    /// The solver.
    #[arg(long, value_enum, default_value_t = SolverArg::Optimal)]
    solver: SolverArg,
    /// How offers rank households in stable matching.
    #[arg(long, value_enum, default_value_t = RankingArg::Score)]
    ranking: RankingArg,
    /// The day of the run, for waiting times (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// What to print or write: text, json, csv or xlsx.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the result to this file (in --format, text meaning JSON; a name ending in .xlsx
    /// means a workbook) and print a summary; `-` writes to standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// CSV for a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark,
    /// decimal commas and Danish headings.
    #[arg(long)]
    excel: bool,
    /// Show each match's explanation, rule by rule (text format).
    #[arg(long)]
    explain: bool,
    /// Store the run in the dossier file (--dossier; cohort, offers and rule set from it).
    #[arg(long)]
    store: bool,
    /// The stored run's id (default: derived from the rule set, cohort, solver and date).
    #[arg(long)]
    run_id: Option<String>,
    /// CSV: skip columns the layout does not know (a warning each) instead of refusing them.
    #[arg(long)]
    ignore_unknown_columns: bool,
    /// Never show the progress spinner (it only shows on a terminal anyway).
    #[arg(long)]
    no_progress: bool,
    /// Rematch: the households that wait on the day (they lost a match or were never matched)
    /// with the places relationships and proposals leave; the dossier's whole programme unless
    /// --cohort is given.
    #[arg(long, conflicts_with_all = ["newcomers", "offers", "rules"])]
    rematch: bool,
    /// Rematch: the previous partner is exclude (the default), allow or prefer.
    #[arg(long, requires = "rematch")]
    previous_partner: Option<String>,
    /// Rematch: also propose pairs a side declined before.
    #[arg(long, requires = "rematch")]
    allow_declined: bool,
    /// Rematch: only the households that lost a match.
    #[arg(long, requires = "rematch")]
    only_lost: bool,
    /// Each household's next best offers, this many, with the score given up.
    #[arg(long, default_value_t = 0)]
    alternatives: u32,
    /// Why a household and an offer were not matched (repeat for more pairs).
    #[arg(long, value_name = "NEWCOMER:OFFER")]
    why_not: Vec<String>,
}

/// A spinner on standard error with the phase and the time spent, shown only on a terminal.
pub(crate) struct Progress(Option<ProgressBar>);

impl Progress {
    pub(crate) fn new(enabled: bool) -> Self {
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {elapsed:>3} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    pub(crate) fn phase(&self, msg: String) {
        if let Some(bar) = &self.0 {
            bar.set_message(msg);
        }
    }

    pub(crate) fn done(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done();
    }
}

/// Everything a run needs, wherever it came from.
struct Inputs {
    dossier: Option<Dossier>,
    /// Cohort, rule set and offers all from the dossier: the run can be stored.
    from_dossier: Option<MatchRequest>,
    newcomers: Vec<Newcomer>,
    offers: Vec<Offer>,
    rules: RuleSet,
}

fn pick<'a, T>(
    (code, what): (brobygger::NotFoundCode, &str),
    arg: &str,
    asked: Option<&str>,
    all: &'a [T],
    id: impl Fn(&T) -> &str,
) -> Result<&'a T, Failure> {
    match asked {
        Some(want) => all
            .iter()
            .find(|x| id(x) == want)
            .ok_or_else(|| brobygger::BrobyggerError::not_found(code, want).into()),
        None => match all {
            [only] => Ok(only),
            [] => Err(bad_input(
                brobygger::UsageCode::MissingInput,
                arg,
                format!("the dossier has no {what}; give one with {arg}"),
            )),
            many => Err(bad_input(
                brobygger::UsageCode::Choose,
                arg,
                format!(
                    "the dossier has {} of them; choose one with {arg}: {}",
                    many.len(),
                    many.iter().map(&id).collect::<Vec<_>>().join(", ")
                ),
            )),
        },
    }
}

fn gather(args: &MatchArgs, lang: Lang, progress: &Progress) -> Result<Inputs, Failure> {
    let dossier = match (&args.dossier, &args.example) {
        (Some(path), _) => Some(inputs::dossier(Some(path), None)?),
        (None, Some(name)) => Some(Dossier::example(name)?),
        (None, None) => None,
    };
    let Some(d) = dossier else {
        let missing: Vec<&str> = [
            ("--newcomers", args.newcomers.is_none()),
            ("--offers", args.offers.is_none()),
            ("--rules", args.rules.is_none()),
        ]
        .iter()
        .filter(|(_, m)| *m)
        .map(|(a, _)| *a)
        .collect();
        if !missing.is_empty() {
            return Err(bad_input(
                brobygger::UsageCode::MissingInput,
                missing[0],
                format!(
                    "give {} (files), or a dossier with --dossier FILE or --example NAME",
                    missing.join(", ")
                ),
            ));
        }
        return Ok(Inputs {
            dossier: None,
            from_dossier: None,
            newcomers: read_newcomers(args, lang, progress)?,
            offers: read_offers(args, lang, progress)?,
            rules: read_rules(args, lang)?,
        });
    };
    let cohort = if args.newcomers.is_none() {
        Some(pick(
            (brobygger::NotFoundCode::Cohort, "cohort"),
            "--cohort",
            args.cohort.as_deref(),
            &d.cohorts,
            |c| c.id.as_str(),
        )?)
    } else {
        None
    };
    let rule_set = if args.rules.is_none() {
        Some(pick(
            (brobygger::NotFoundCode::RuleSet, "rule set"),
            "--rule-set",
            args.rule_set.as_deref(),
            &d.rule_sets,
            |r| r.id.as_str(),
        )?)
    } else {
        None
    };
    let newcomers = match cohort {
        Some(c) => c.newcomers.clone(),
        None => read_newcomers(args, lang, progress)?,
    };
    let offers = match &args.offers {
        Some(_) => read_offers(args, lang, progress)?,
        None => d.offers.clone(),
    };
    let rules = match rule_set {
        Some(r) => {
            let findings = r.validate();
            if findings
                .iter()
                .any(|f| f.severity == brobygger::Severity::Error)
            {
                return Err(brobygger::BrobyggerError::Validation {
                    code: brobygger::matching::MatchingCode::InvalidRuleSet.into(),
                    findings,
                }
                .into());
            }
            r.clone()
        }
        None => read_rules(args, lang)?,
    };
    let from_dossier = match (cohort, rule_set, &args.offers) {
        (Some(c), Some(r), None) => Some(MatchRequest {
            cohort: c.id.clone(),
            rule_set: r.id.clone(),
            options: options(args)?,
        }),
        _ => None,
    };
    Ok(Inputs {
        dossier: Some(d),
        from_dossier,
        newcomers,
        offers,
        rules,
    })
}

fn read_newcomers(
    args: &MatchArgs,
    lang: Lang,
    progress: &Progress,
) -> Result<Vec<Newcomer>, Failure> {
    let path = args.newcomers.as_deref().unwrap_or(Path::new(""));
    progress.phase(format!(
        "{} {}",
        t(lang, "læser", "reading"),
        inputs::shown(path)
    ));
    inputs::newcomers(path, args.ignore_unknown_columns, lang)
}

fn read_offers(args: &MatchArgs, lang: Lang, progress: &Progress) -> Result<Vec<Offer>, Failure> {
    let path = args.offers.as_deref().unwrap_or(Path::new(""));
    progress.phase(format!(
        "{} {}",
        t(lang, "læser", "reading"),
        inputs::shown(path)
    ));
    inputs::offers(path, args.ignore_unknown_columns, lang)
}

fn read_rules(args: &MatchArgs, lang: Lang) -> Result<RuleSet, Failure> {
    inputs::rules(args.rules.as_deref().unwrap_or(Path::new("")), lang)
}

fn options(args: &MatchArgs) -> Result<MatchOptions, Failure> {
    let mut o = MatchOptions::new(
        args.solver.into(),
        inputs::date_or_today(args.as_of.as_deref())?,
    );
    o.offer_ranking = match args.ranking {
        RankingArg::Score => OfferRanking::Score,
        RankingArg::Waiting => OfferRanking::LongestWaiting,
    };
    o.id = args.run_id.clone().map(Into::into);
    o.explain.alternatives = args.alternatives;
    for pair in &args.why_not {
        let Some((newcomer, offer)) = pair.split_once(':') else {
            return Err(bad_input(
                brobygger::InputCode::BadField,
                "--why-not",
                "expected NEWCOMER:OFFER",
            ));
        };
        o.explain
            .why_not
            .push(matching::PairQuery::new(newcomer, offer));
    }
    Ok(o)
}

/// The rematch a dossier asks for: its waiting households with the places left.
fn rematch_request(args: &MatchArgs, d: &Dossier) -> Result<matching::RematchRequest, Failure> {
    let rule_set = pick(
        (brobygger::NotFoundCode::RuleSet, "rule set"),
        "--rule-set",
        args.rule_set.as_deref(),
        &d.rule_sets,
        |r| r.id.as_str(),
    )?;
    let previous_partner = match args.previous_partner.as_deref() {
        None => matching::PreviousPartner::default(),
        Some(s) => serde_json::from_value(serde_json::Value::String(s.replace('-', "_"))).map_err(
            |_| {
                bad_input(
                    brobygger::InputCode::UnknownValue,
                    "--previous-partner",
                    "expected exclude, allow or prefer",
                )
            },
        )?,
    };
    Ok(matching::RematchRequest {
        cohort: args.cohort.clone().map(Into::into),
        rule_set: rule_set.id.clone(),
        options: options(args)?,
        rematch: matching::RematchOptions {
            previous_partner,
            allow_declined: args.allow_declined,
            only_lost: args.only_lost,
        },
    })
}

/// The formats `match` writes.
const WRITES: [OutputFormat; 4] = [
    OutputFormat::Text,
    OutputFormat::Json,
    OutputFormat::Csv,
    OutputFormat::Xlsx,
];

pub(crate) fn run(args: MatchArgs, lang: Lang) -> Outcome {
    args.format.accept("match", &WRITES)?;
    if args.store && args.dossier.is_none() {
        return Err(bad_input(
            brobygger::UsageCode::CannotStore,
            "--store",
            "--store writes the run into a dossier file: give it with --dossier FILE",
        ));
    }
    // Read, match and write back under the file's lock: concurrent `--store`s on one dossier
    // each wait for the one before, and every run is kept. A store locks itself, per write.
    let in_store = args.dossier.as_deref().is_some_and(crate::db::is_store);
    let _lock = match (args.store, &args.dossier) {
        (true, Some(path)) if !in_store => {
            Some(brobygger::FileLock::acquire(path).map_err(brobygger::BrobyggerError::from)?)
        }
        _ => None,
    };
    let progress = Progress::new(!args.no_progress);
    if args.rematch {
        return rematch(args, lang, &progress, in_store);
    }
    let inputs = gather(&args, lang, &progress)?;
    if args.store && inputs.from_dossier.is_none() {
        return Err(bad_input(
            brobygger::UsageCode::CannotStore,
            "--store",
            "a stored run must use the dossier's own cohort, offers and rule set; leave out --newcomers, --offers and --rules",
        ));
    }
    progress.phase(format!(
        "{} {} × {} ({})",
        t(lang, "matcher", "matching"),
        inputs.newcomers.len(),
        inputs.offers.len(),
        Solver::from(args.solver).label(lang)
    ));
    // Every path passes the consent gate in the core: a stored cohort and profiles read beside
    // a dossier under the dossier's consents and bases, files alone under their own consent
    // and basis columns.
    let run = match (&inputs.dossier, &inputs.from_dossier) {
        (Some(d), Some(request)) => d.matching().match_cohort(request)?,
        (Some(d), None) => d.matching().match_profiles(
            &inputs.rules,
            &inputs.newcomers,
            &inputs.offers,
            options(&args)?,
        )?,
        (None, _) => matching::run(
            &inputs.rules,
            &inputs.newcomers,
            &inputs.offers,
            options(&args)?,
        )?,
    };
    progress.done();
    write_run(
        &args,
        &run,
        &inputs.offers,
        &inputs::given(&[&args.dossier, &args.newcomers, &args.offers, &args.rules]),
        lang,
    )?;
    if args.store
        && let (Some(mut d), Some(path)) = (inputs.dossier, args.dossier.as_deref())
    {
        let id = run.id.clone();
        if in_store {
            let who = crate::db::actor();
            brobygger_store::Store::open(path)?
                .update(brobygger_store::Change::new(&who, "match"), |d| {
                    d.matching_mut().add_run(run)
                })?;
        } else {
            d.matching_mut().add_run(run)?;
            crate::out::write_file(path, &d.to_json()?, &[])?;
        }
        outln!(
            "{} {id} {} {}",
            t(lang, "Kørslen", "The run"),
            t(lang, "er gemt i", "is stored in"),
            inputs::shown(path)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `match --rematch`: the dossier's waiting households with the places left, printed or
/// written like a run, and stored with `--store`.
fn rematch(args: MatchArgs, lang: Lang, progress: &Progress, in_store: bool) -> Outcome {
    let d = match (&args.dossier, &args.example) {
        (Some(path), _) => inputs::dossier(Some(path), None)?,
        (None, Some(name)) => Dossier::example(name)?,
        (None, None) => {
            return Err(bad_input(
                brobygger::UsageCode::MissingInput,
                "--rematch",
                "a rematch reads a dossier's relationships: give --dossier FILE or --example NAME",
            ));
        }
    };
    let request = rematch_request(&args, &d)?;
    progress.phase(t(lang, "matcher igen", "rematching").to_owned());
    let run = d.matching().rematch(&request)?;
    progress.done();
    write_run(
        &args,
        &run,
        &d.offers,
        &inputs::given(&[&args.dossier]),
        lang,
    )?;
    if args.store
        && let Some(path) = args.dossier.as_deref()
    {
        let id = run.id.clone();
        if in_store {
            brobygger_store::Store::open(path)?.update(
                brobygger_store::Change::new(&crate::db::actor(), "match"),
                |d| d.matching_mut().add_run(run),
            )?;
        } else {
            let mut d = d;
            d.matching_mut().add_run(run)?;
            crate::out::write_file(path, &d.to_json()?, &[])?;
        }
        outln!(
            "{} {id} {} {}",
            t(lang, "Kørslen", "The run"),
            t(lang, "er gemt i", "is stored in"),
            inputs::shown(path)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The first lines of the readable summary, from the library: what was run and how it went.
pub(crate) fn headline(run: &MatchRun, lang: Lang) -> String {
    let [what, how] = brobygger::matching::headline(run, lang);
    format!("{what}\n{how}\n")
}

/// The readable summary: the library's document of the run, as text.
fn text(run: &MatchRun, offers: &[Offer], explain: bool, lang: Lang) -> String {
    MatchRunReport {
        run,
        offers,
        explain,
    }
    .present(Format::Text, lang)
}

/// Prints or writes a run in `--format` (a workbook for `xlsx` or an `--out` ending in `.xlsx`;
/// Excel's CSV with `--excel`), refusing to overwrite the inputs.
fn write_run(
    args: &MatchArgs,
    run: &brobygger::matching::MatchRun,
    offers: &[brobygger::matching::Offer],
    given: &[&std::path::Path],
    lang: Lang,
) -> Result<(), Failure> {
    let to_xlsx = args.format == OutputFormat::Xlsx
        || args.out.as_deref().is_some_and(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        });
    let body: Vec<u8> = if to_xlsx {
        import::match_run_to_xlsx(run, lang)?
    } else {
        match args.format {
            OutputFormat::Json => (crate::to_json(run)? + "\n").into_bytes(),
            OutputFormat::Csv if args.excel => {
                import::match_run_to_csv_styled(run, lang, import::SheetStyle::excel(lang))?
                    .into_bytes()
            }
            OutputFormat::Csv | OutputFormat::Xlsx => {
                import::match_run_to_csv(run, lang)?.into_bytes()
            }
            OutputFormat::Text if args.out.is_some() => (crate::to_json(run)? + "\n").into_bytes(),
            OutputFormat::Text => text(run, offers, args.explain, lang).into_bytes(),
            other => return Err(other.refused("match", &WRITES)),
        }
    };
    match args.out.as_deref().filter(|p| !inputs::is_dash(p)) {
        Some(path) => {
            crate::out::write_bytes(path, &body, given)?;
            out!("{}", headline(run, lang));
            outln!("{}: {}", t(lang, "Skrevet", "Written"), inputs::shown(path));
        }
        None => crate::out::write_bytes(std::path::Path::new("-"), &body, &[])?,
    }
    Ok(())
}
