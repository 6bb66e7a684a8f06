//! `brobygger meetings`: the minutes of the meetings held, and where their action items stand.

use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::Lang;
use brobygger::present::{Format, Present};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MeetingsFormat {
    /// Readable minutes: each meeting's agenda, decisions and action items.
    Text,
    /// Markdown (`md`, also accepted as `markdown`).
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// The minutes as JSON.
    Json,
    /// One row per action item, for a spreadsheet.
    Csv,
}

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
    /// Output format.
    #[arg(long, value_enum, default_value_t = MeetingsFormat::Text)]
    format: MeetingsFormat,
}

pub(crate) fn run(args: MeetingsArgs, lang: Lang) -> Outcome {
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    let agreement = args.agreement.map(brobygger::AgreementId::from);
    let mut minutes = d.meetings().minutes(as_of, agreement.as_ref())?;
    if args.overdue {
        minutes = minutes.overdue_only();
    }
    match args.format {
        MeetingsFormat::Json => outln!("{}", crate::to_json(&minutes)?),
        MeetingsFormat::Csv => out!(
            "{}",
            minutes
                .table("action_items", lang)
                .map(|t| t.csv())
                .unwrap_or_default()
        ),
        MeetingsFormat::Text => out!("{}", minutes.present(Format::Text, lang)),
        MeetingsFormat::Markdown => out!("{}", minutes.present(Format::Markdown, lang)),
        MeetingsFormat::Html => out!("{}", minutes.present(Format::Html, lang)),
    }
    Ok(ExitCode::SUCCESS)
}
