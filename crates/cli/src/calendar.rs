//! `brobygger calendar`: the partnership's calendar as an iCalendar file.

use crate::format::OutputFormat;
use crate::inputs;
use crate::out::{Outcome, out, outln, write_file};
use brobygger::Lang;
use brobygger::calendar::{CalendarAudience, CalendarOptions, DEFAULT_CALENDAR_HORIZON_DAYS};
use brobygger::present::plural::{self, EVENT};
use brobygger::present::t;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AudienceArg {
    /// Coordinators: everything, households by pseudonymous id only.
    Coordinator,
    /// The partnership's people: meetings, activities and the agreements' dates, no household.
    Partnership,
    /// Anyone: the activities of associations listed publicly.
    Public,
}

impl From<AudienceArg> for CalendarAudience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Coordinator => CalendarAudience::Coordinator,
            AudienceArg::Partnership => CalendarAudience::Partnership,
            AudienceArg::Public => CalendarAudience::Public,
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct CalendarArgs {
    /// A dossier JSON file or a store (or use --example); `-` reads standard input.
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The day the calendar is made as of (YYYY-MM-DD or DD-MM-YYYY; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// Who the calendar is for.
    #[arg(long, value_enum, default_value_t = AudienceArg::Coordinator)]
    audience: AudienceArg,
    /// How many days ahead dated tasks (reviews, ends of term, briefings, introductions) are
    /// taken.
    #[arg(long, default_value_t = DEFAULT_CALENDAR_HORIZON_DAYS)]
    days: u32,
    /// Output format: ics (an iCalendar file, RFC 5545, to import or subscribe to) or json.
    #[arg(long, value_enum, default_value_t = OutputFormat::Ics)]
    format: OutputFormat,
    /// Write to this file instead of standard output (`-` for standard output).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// The formats `calendar` writes.
const WRITES: [OutputFormat; 2] = [OutputFormat::Ics, OutputFormat::Json];

pub(crate) fn run(args: CalendarArgs, lang: Lang) -> Outcome {
    args.format.accept("calendar", &WRITES)?;
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    let options = CalendarOptions::new(as_of)
        .lang(lang)
        .audience(args.audience.into())
        .horizon(args.days);
    let calendar = d.calendar().export(options);
    let text = match args.format {
        OutputFormat::Ics => calendar.to_ics(),
        OutputFormat::Json => format!("{}\n", crate::to_json(&calendar)?),
        other => return Err(other.refused("calendar", &WRITES)),
    };
    match args.out {
        Some(path) => {
            let inputs: Vec<&std::path::Path> = args.file.as_deref().into_iter().collect();
            write_file(&path, &text, &inputs)?;
            if !inputs::is_dash(&path) {
                outln!(
                    "{} {} {}",
                    EVENT.count(lang, plural::n(calendar.events.len())),
                    t(lang, "skrevet til", "written to"),
                    inputs::shown(&path)
                );
            }
        }
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
