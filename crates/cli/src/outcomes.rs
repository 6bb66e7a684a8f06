//! `brobygger outcomes`: a cohort's outcomes over time (002: work or education, self-support,
//! Danish, social network) by whether and how early its households were matched and
//! introduced, aggregated with suppression: never a household on its own.

use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::outcomes::OutcomeOptions;
use brobygger::present::{Format, Present};
use brobygger::{CohortId, Dossier, Lang};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OutcomesFormat {
    /// What the view holds and its cells as a table.
    Text,
    /// As text, in Markdown.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// The view as JSON (hidden cells without numbers).
    Json,
    /// One row per cell, for a spreadsheet.
    Csv,
}

#[derive(Args, Debug)]
pub(crate) struct OutcomesArgs {
    /// A dossier JSON file or a store (or use --example); `-` reads standard input.
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The cohort (may be left out when the dossier has only one).
    #[arg(long)]
    cohort: Option<String>,
    /// The day of the view: each household's latest follow-up on or before it counts
    /// (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// The fewest households a shown number may have (at least 5, the default).
    #[arg(long, default_value_t = brobygger::privacy::DEFAULT_MIN_CELL)]
    min_cell: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutcomesFormat::Text)]
    format: OutcomesFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// The cohort asked for, or the dossier's only one.
fn one_cohort(d: &Dossier, asked: Option<&str>) -> Result<CohortId, crate::out::Failure> {
    match (asked, d.cohorts.as_slice()) {
        (Some(id), _) => Ok(CohortId::from(id)),
        (None, [only]) => Ok(only.id.clone()),
        (None, all) => Err(inputs::bad_input(
            brobygger::UsageCode::Choose,
            "--cohort",
            format!(
                "the dossier has {} cohorts; choose one with --cohort: {}",
                all.len(),
                all.iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

pub(crate) fn run(args: OutcomesArgs, lang: Lang) -> Outcome {
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let cohort = one_cohort(&d, args.cohort.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    if args.min_cell < brobygger::privacy::DEFAULT_MIN_CELL {
        return Err(inputs::bad_input(
            brobygger::InputCode::BadField,
            "--min-cell",
            format!(
                "shared output never shows fewer than {} households; give {} or more",
                brobygger::privacy::DEFAULT_MIN_CELL,
                brobygger::privacy::DEFAULT_MIN_CELL
            ),
        ));
    }
    let view = d.outcomes().cohort_view(
        &cohort,
        OutcomeOptions {
            as_of,
            min_cell: args.min_cell,
        },
    )?;
    let text = match args.format {
        OutcomesFormat::Text => view.present(Format::Text, lang),
        OutcomesFormat::Markdown => view.present(Format::Markdown, lang),
        OutcomesFormat::Html => view.present(Format::Html, lang),
        OutcomesFormat::Json => format!("{}\n", crate::to_json(&view)?),
        OutcomesFormat::Csv => view
            .table("outcomes", lang)
            .map(|t| t.csv())
            .unwrap_or_default(),
    };
    match &args.out {
        Some(path) => {
            let inputs: Vec<&std::path::Path> = args.file.as_deref().into_iter().collect();
            crate::out::write_file(path, &text, &inputs)?;
        }
        None if text.ends_with('\n') => out!("{text}"),
        None => outln!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
