//! `brobygger remind`: what is due or overdue on a day.

use crate::out::{Failure, Outcome, out, outln};
use crate::{inputs, t};
use brobygger::DEFAULT_HORIZON_DAYS;
use brobygger::{BrobyggerError, Label, Lang, Reminder, ReminderKind, ReminderState};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RemindFormat {
    /// A readable list, overdue first.
    Text,
    /// Every reminder with its path and source.
    Json,
    /// One row per reminder, for a spreadsheet.
    Csv,
}

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
}

impl From<KindArg> for ReminderKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Introduction => ReminderKind::Introduction,
            KindArg::Meeting => ReminderKind::Meeting,
            KindArg::Review => ReminderKind::Review,
            KindArg::TermEnd => ReminderKind::TermEnd,
            KindArg::CommitteeBriefing => ReminderKind::CommitteeBriefing,
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct RemindArgs {
    /// A dossier JSON file (or use --example).
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The day (YYYY-MM-DD; default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// Also what falls due within this many days.
    #[arg(long, default_value_t = DEFAULT_HORIZON_DAYS)]
    days: u32,
    /// Only these kinds (repeat the option, or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<KindArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RemindFormat::Text)]
    format: RemindFormat,
}

pub(crate) fn run(args: RemindArgs, lang: Lang) -> Outcome {
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let as_of = inputs::date_or_today(args.as_of.as_deref())?;
    let only: Vec<ReminderKind> = args.only.iter().map(|k| (*k).into()).collect();
    let list: Vec<Reminder> = d
        .reminders()
        .due(as_of, brobygger::ReminderOptions::horizon(args.days))
        .into_iter()
        .filter(|r| only.is_empty() || only.contains(&r.kind))
        .collect();
    match args.format {
        RemindFormat::Json => outln!("{}", crate::to_json(&list)?),
        RemindFormat::Csv => out!("{}", csv(&list, lang)?),
        RemindFormat::Text => out!("{}", text(&list, as_of, args.days, lang)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The readable list: a heading, then overdue and due, one line each.
pub(crate) fn text(
    list: &[Reminder],
    as_of: brobygger::chrono::NaiveDate,
    days: u32,
    lang: Lang,
) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## {} {as_of} ({} {days} {})",
        t(lang, "Påmindelser pr.", "Reminders as of"),
        t(lang, "og de næste", "and the next"),
        t(lang, "dage", "days")
    );
    if list.is_empty() {
        let _ = writeln!(s, "{}", t(lang, "Intet forfalder.", "Nothing is due."));
        return s;
    }
    for state in [ReminderState::Overdue, ReminderState::Due] {
        let mine: Vec<&Reminder> = list.iter().filter(|r| r.state == state).collect();
        if mine.is_empty() {
            continue;
        }
        let head = match state {
            ReminderState::Overdue => t(lang, "Overskredet", "Overdue"),
            ReminderState::Due => t(lang, "Forfalder", "Due"),
        };
        let _ = writeln!(s, "\n### {head} ({})", mine.len());
        for r in mine {
            let source = r
                .source
                .as_ref()
                .map(|x| format!(" ({})", x.cite()))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {} [{}] {}{source}",
                r.due_on,
                r.kind.label(lang),
                r.text.get(lang)
            );
        }
    }
    s
}

fn csv(list: &[Reminder], lang: Lang) -> Result<String, Failure> {
    let fail = |e: &dyn std::fmt::Display| {
        Failure::Lib(BrobyggerError::Internal {
            code: "cli.csv".into(),
            reason: e.to_string(),
        })
    };
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record([
        "state",
        "due_on",
        "days_overdue",
        "kind",
        "agreement",
        "cohort",
        "subject",
        "text",
        "source",
    ])
    .map_err(|e| fail(&e))?;
    for r in list {
        w.write_record([
            r.state.code(),
            &r.due_on.to_string(),
            &r.days_overdue.to_string(),
            &serde_json::to_value(r.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            r.agreement.as_ref().map_or("", |a| a.as_str()),
            r.cohort.as_ref().map_or("", |c| c.as_str()),
            &r.subject,
            r.text.get(lang),
            &r.source.as_ref().map(|s| s.cite()).unwrap_or_default(),
        ])
        .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}
