//! `brobygger remind`: what is due or overdue on a day.

use crate::format::OutputFormat;
use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::present::{Format, Present};
use brobygger::{DEFAULT_HORIZON_DAYS, ReminderList};
use brobygger::{Lang, Reminder, ReminderKind};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KindArg {
    /// Introductions of volunteer offers to newcomer households.
    Introduction,
    /// Meetings to convene.
    Meeting,
    /// Planned reviews of agreements.
    Review,
    /// Agreements whose term ends.
    TermEnd,
    /// Briefings of political committees.
    CommitteeBriefing,
    /// Follow-up check-ins of running relationships.
    CheckIn,
    /// Action items agreed at meetings.
    ActionItem,
}

impl From<KindArg> for ReminderKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Introduction => ReminderKind::Introduction,
            KindArg::Meeting => ReminderKind::Meeting,
            KindArg::Review => ReminderKind::Review,
            KindArg::TermEnd => ReminderKind::TermEnd,
            KindArg::CommitteeBriefing => ReminderKind::CommitteeBriefing,
            KindArg::CheckIn => ReminderKind::CheckIn,
            KindArg::ActionItem => ReminderKind::ActionItem,
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct RemindArgs {
    /// A dossier JSON file (or use --example).
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The day (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// Also what falls due within this many days.
    #[arg(long, default_value_t = DEFAULT_HORIZON_DAYS)]
    days: u32,
    /// Only these kinds (repeat the option, or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<KindArg>,
    /// Output format: text, json or csv.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// The formats `remind` writes.
const WRITES: [OutputFormat; 3] = [OutputFormat::Text, OutputFormat::Json, OutputFormat::Csv];

pub(crate) fn run(args: RemindArgs, lang: Lang) -> Outcome {
    args.format.accept("remind", &WRITES)?;
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    let only: Vec<ReminderKind> = args.only.iter().map(|k| (*k).into()).collect();
    let list: Vec<Reminder> = d
        .reminders()
        .due(as_of, brobygger::ReminderOptions::horizon(args.days))
        .into_iter()
        .filter(|r| only.is_empty() || only.contains(&r.kind))
        .collect();
    let shown = ReminderList {
        as_of,
        horizon_days: args.days,
        reminders: &list,
    };
    match args.format {
        OutputFormat::Json => outln!("{}", crate::to_json(&list)?),
        OutputFormat::Csv => out!(
            "{}",
            shown
                .table("reminders", lang)
                .map(|t| t.csv())
                .unwrap_or_default()
        ),
        OutputFormat::Text => out!("{}", shown.present(Format::Text, lang)),
        other => return Err(other.refused("remind", &WRITES)),
    }
    Ok(ExitCode::SUCCESS)
}
