//! `brobygger meetings`: the minutes of the meetings held, and where their action items stand.

use crate::format::OutputFormat;
use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::Lang;
use brobygger::present::{Format, Present};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct MeetingsArgs {
    /// A dossier JSON file or a store (or use --example); `-` reads standard input.
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// Only the meetings of this agreement.
    #[arg(long)]
    agreement: Option<String>,
    /// The day the action items are judged on (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// Only the action items past their due day and still open.
    #[arg(long)]
    overdue: bool,
    /// Output format: text, md, html, json or csv.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// The formats `meetings` writes.
const WRITES: [OutputFormat; 5] = [
    OutputFormat::Text,
    OutputFormat::Markdown,
    OutputFormat::Html,
    OutputFormat::Json,
    OutputFormat::Csv,
];

pub(crate) fn run(args: MeetingsArgs, lang: Lang) -> Outcome {
    args.format.accept("meetings", &WRITES)?;
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    let agreement = args.agreement.map(brobygger::AgreementId::from);
    let mut minutes = d.meetings().minutes(as_of, agreement.as_ref())?;
    if args.overdue {
        minutes = minutes.overdue_only();
    }
    match args.format {
        OutputFormat::Json => outln!("{}", crate::to_json(&minutes)?),
        OutputFormat::Csv => out!(
            "{}",
            minutes
                .table("action_items", lang)
                .map(|t| t.csv())
                .unwrap_or_default()
        ),
        OutputFormat::Text => out!("{}", minutes.present(Format::Text, lang)),
        OutputFormat::Markdown => out!("{}", minutes.present(Format::Markdown, lang)),
        OutputFormat::Html => out!("{}", minutes.present(Format::Html, lang)),
        other => return Err(other.refused("meetings", &WRITES)),
    }
    Ok(ExitCode::SUCCESS)
}
