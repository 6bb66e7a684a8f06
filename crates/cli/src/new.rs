//! `brobygger new`: a dossier (or a store) from the partnership's own spreadsheets, through the
//! core's one reader ([`brobygger::import::check_dossier_from_sheets`]); the command only reads
//! the files, prints the problems and writes the result.

use crate::inputs;
use crate::out::{Failure, Outcome, errln, outln};
use crate::t;
use brobygger::import::{self, SheetFile, Sheets, SheetsOptions};
use brobygger::present::plural::{self, ERROR, HOUSEHOLD, OFFER, PARTY, POST};
use brobygger::{Lang, Severity};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct NewArgs {
    /// The partnership's title, e.g. "Venner Viser Vej i Ikast-Brande".
    #[arg(long)]
    title: String,
    /// The draft agreement's first day (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    start: Option<String>,
    /// The draft agreement's id (the cohort is ID-nyankomne); made from the title when absent.
    #[arg(long)]
    id: Option<String>,
    /// Newcomer households: CSV (any encoding, `;` or `,`) or .xlsx; repeat for more files; `-`
    /// reads standard input.
    #[arg(long)]
    newcomers: Vec<PathBuf>,
    /// Volunteer offers: CSV or .xlsx; repeat for more files.
    #[arg(long)]
    offers: Vec<PathBuf>,
    /// The parties (the municipality and the organisations): CSV or .xlsx.
    #[arg(long)]
    organisations: Vec<PathBuf>,
    /// The parties' posts: CSV or .xlsx.
    #[arg(long)]
    posts: Vec<PathBuf>,
    /// The matching rule set (TOML or JSON, see `brobygger template rules`), so `match --store`
    /// can match the cohort.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Skip columns the layouts do not know (a warning each) instead of refusing them.
    #[arg(long)]
    ignore_unknown_columns: bool,
    /// Write the dossier (JSON) to this file; `-` (the default) writes to standard output.
    #[arg(long, conflicts_with = "store")]
    out: Option<PathBuf>,
    /// Import the dossier into this store (SQLite; created if absent) instead.
    #[arg(long)]
    store: Option<PathBuf>,
}

fn files(paths: &[PathBuf]) -> Result<Vec<SheetFile>, Failure> {
    paths
        .iter()
        .map(|p| Ok(SheetFile::new(inputs::shown(p), inputs::read_bytes(p)?)))
        .collect()
}

pub(crate) fn run(args: NewArgs, lang: Lang) -> Outcome {
    let all: Vec<&PathBuf> = args
        .newcomers
        .iter()
        .chain(&args.offers)
        .chain(&args.organisations)
        .chain(&args.posts)
        .collect();
    if all.is_empty() {
        return Err(inputs::bad_input(
            brobygger::UsageCode::NoInput,
            "--newcomers",
            "give at least one sheet: --newcomers, --offers, --organisations or --posts",
        ));
    }
    if all.iter().filter(|p| inputs::is_dash(p)).count() > 1 {
        return Err(inputs::bad_input(
            brobygger::UsageCode::NoInput,
            "-",
            "only one sheet can come from standard input",
        ));
    }
    let sheets = Sheets {
        newcomers: files(&args.newcomers)?,
        offers: files(&args.offers)?,
        organisations: files(&args.organisations)?,
        posts: files(&args.posts)?,
    };
    let mut options = SheetsOptions::new(
        args.title.clone(),
        inputs::date_or_today(args.start.as_deref())?,
    );
    options.id = args.id.clone();
    options.ignore_unknown_columns = args.ignore_unknown_columns;
    options.rules = args
        .rules
        .as_deref()
        .map(|p| inputs::rules(p, lang))
        .transpose()?;
    let read = import::check_dossier_from_sheets(&sheets, &options);
    let errors = read
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(Failure::Data {
            message: format!(
                "{} {}",
                ERROR.count(lang, plural::n(errors)),
                t(lang, "i regnearkene", "in the sheets")
            ),
            lines: read.problems.iter().map(|p| p.render(lang)).collect(),
        });
    }
    inputs::note_problems(&read.problems, lang);
    let dossier = read.dossier;
    // What the sheets do not say (a vacant post, an agreement without routines) is for the
    // coordinator to fill in: warnings go to standard error, errors refuse the dossier.
    for f in dossier.check()? {
        errln!("brobygger: {}", f.render(lang));
    }
    let counts = format!(
        "{}, {}, {}, {}",
        HOUSEHOLD.count(
            lang,
            plural::n(
                dossier
                    .cohorts
                    .iter()
                    .map(|c| c.newcomers.len())
                    .sum::<usize>()
            )
        ),
        OFFER.count(lang, plural::n(dossier.offers.len())),
        PARTY.count(
            lang,
            plural::n(dossier.municipalities.len() + dossier.organisations.len())
        ),
        POST.count(lang, plural::n(dossier.posts.len())),
    );
    let given: Vec<&Path> = all.iter().map(|p| p.as_path()).collect();
    match (&args.store, &args.out) {
        (Some(store), _) => {
            for input in &given {
                brobygger::refuse_same_file(input, store).map_err(|e| Failure::Lib(e.into()))?;
            }
            let mut s = brobygger_store::Store::open(store)?;
            let who = crate::db::actor();
            s.import(&dossier, brobygger_store::Change::new(&who, "new"))?;
            outln!(
                "{} {}: {counts}.",
                t(lang, "Lageret er oprettet i", "The store is made in"),
                inputs::shown(store)
            );
        }
        (None, Some(path)) if !inputs::is_dash(path) => {
            crate::out::write_file(path, &dossier.to_json()?, &given)?;
            outln!(
                "{} {}: {counts}.",
                t(
                    lang,
                    "Dossieret er skrevet til",
                    "The dossier is written to"
                ),
                inputs::shown(path)
            );
        }
        _ => {
            crate::out::write_file(Path::new("-"), &dossier.to_json()?, &[])?;
            errln!("brobygger: {counts}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
