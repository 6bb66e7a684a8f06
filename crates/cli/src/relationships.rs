//! `brobygger relationships`: households and volunteer offers over time. Lists the
//! relationships with their state on a day, or their events; proposes a stored run's matches;
//! records a step; ends one. Changes go into the dossier file (under its lock) or the store
//! (one audited transaction); a refused step is a typed error and changes nothing.

use crate::format::OutputFormat;
use crate::inputs::{self, bad_input};
use crate::out::{Failure, Outcome, out, outln};
use crate::t;
use brobygger::matching::{
    EndReason, EventOptions, RelationshipEventKind, relationship_events_table, relationships_table,
};
use brobygger::present::Table;
use brobygger::{BrobyggerError, Dossier, Label, Lang};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub(crate) enum RelationshipsCommand {
    /// List the relationships with their state on a day.
    #[command(
        after_help = "Examples:\n  brobygger relationships list dossier.json --as-of 2016-10-01\n  brobygger relationships list partnerskab.db --format csv > forloeb.csv"
    )]
    List {
        /// A dossier JSON file or store (or use --example); `-` reads standard input.
        file: Option<PathBuf>,
        /// A built-in example instead of a file.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The day (YYYY-MM-DD or DD-MM-YYYY; default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// Output format: text or csv.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// List every event of every relationship.
    Events {
        /// A dossier JSON file or store (or use --example); `-` reads standard input.
        file: Option<PathBuf>,
        /// A built-in example instead of a file.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Output format: text or csv.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Propose every match of a stored run as a relationship, all or nothing.
    #[command(
        after_help = "Example:\n  brobygger relationships propose-run dossier.json rematch-2016-09 --on 2016-09-06"
    )]
    ProposeRun {
        /// The dossier JSON file or store; `-` reads it from standard input and writes it, changed, to standard output.
        file: PathBuf,
        /// The stored run.
        run: String,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        on: String,
    },
    /// Record a step of a relationship: accepted, declined (with --side), withdrawn, started or
    /// check_in (with --outcome).
    #[command(
        after_help = "Examples:\n  brobygger relationships record dossier.json rel-1 started --on 2016-04-20\n  brobygger relationships record dossier.json rel-1 check_in --outcome going --on 2016-05-04"
    )]
    Record {
        /// The dossier JSON file or store; `-` reads it from standard input and writes it, changed, to standard output.
        file: PathBuf,
        /// The relationship.
        id: String,
        /// The step: accepted, declined, withdrawn, started or check_in.
        event: String,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        on: String,
        /// Whose answer: household or volunteer (accepted, declined).
        #[arg(long)]
        side: Option<String>,
        /// How it goes: going, needs_support or not_meeting (check_in).
        #[arg(long)]
        outcome: Option<String>,
        /// The post that records it.
        #[arg(long)]
        by: Option<String>,
    },
    /// End a running relationship with a reason: moved_away, did_not_click, volunteer_stopped,
    /// household_stopped, goal_reached, consent_withdrawn or other.
    #[command(
        after_help = "Example:\n  brobygger relationships end dossier.json rel-1 did_not_click --on 2016-09-01"
    )]
    End {
        /// The dossier JSON file or store; `-` reads it from standard input and writes it, changed, to standard output.
        file: PathBuf,
        /// The relationship.
        id: String,
        /// Why it ended.
        reason: String,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        on: String,
        /// The post that records it.
        #[arg(long)]
        by: Option<String>,
        /// Whether the household waits for a new match (default: as the reason suggests).
        #[arg(long)]
        rematch: Option<bool>,
    },
}

/// A vocabulary value as files write it (`did_not_click`; `did-not-click` too).
fn value<T: serde::de::DeserializeOwned>(json: serde_json::Value, arg: &str) -> Result<T, Failure> {
    serde_json::from_value(json).map_err(|_| {
        bad_input(
            brobygger::InputCode::UnknownValue,
            arg,
            "not a value the library knows; see `brobygger relationships record --help`",
        )
    })
}

fn word(s: &str) -> serde_json::Value {
    serde_json::Value::String(s.trim().replace('-', "_").to_lowercase())
}

/// The formats the relationship lists write.
const WRITES: [OutputFormat; 2] = [OutputFormat::Text, OutputFormat::Csv];

fn print(table: Table, format: OutputFormat, lang: Lang) -> Outcome {
    match format {
        OutputFormat::Csv => out!("{}", table.csv()),
        OutputFormat::Text => out!("{}", table.text(lang)),
        other => return Err(other.refused("relationships", &WRITES)),
    }
    Ok(ExitCode::SUCCESS)
}

/// Applies `change` to the dossier in `file` and writes it back, under the file's lock or in
/// one audited transaction of the store; prints what `change` says.
fn change(
    file: &Path,
    operation: &str,
    change: impl FnOnce(&mut Dossier) -> Result<String, BrobyggerError>,
) -> Outcome {
    // `-`: a filter, the dossier read from standard input and written, changed, to standard
    // output; what the change says goes to standard error so the JSON stays whole.
    if inputs::is_dash(file) {
        let mut d = Dossier::from_json_bytes(&inputs::read_bytes(file)?)?;
        let said = change(&mut d)?;
        crate::out::write_file(file, &d.to_json()?, &[])?;
        crate::out::err_line(&said);
        return Ok(ExitCode::SUCCESS);
    }
    let said = if crate::db::is_store(file) {
        brobygger_store::Store::open(file)?
            .update(
                brobygger_store::Change::new(&crate::db::actor(), operation),
                change,
            )?
            .0
    } else {
        let _lock = brobygger::FileLock::acquire(file).map_err(BrobyggerError::from)?;
        let mut d = Dossier::load(file)?;
        let said = change(&mut d)?;
        crate::out::write_file(file, &d.to_json()?, &[])?;
        said
    };
    outln!("{said}");
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run(command: RelationshipsCommand, lang: Lang) -> Outcome {
    match command {
        RelationshipsCommand::List {
            file,
            example,
            as_of,
            format,
        } => {
            format.accept("relationships list", &WRITES)?;
            let d = inputs::dossier(file.as_deref(), example.as_deref())?;
            let on = inputs::date_or_today(as_of.as_deref())?;
            print(relationships_table(&d, on, lang), format, lang)
        }
        RelationshipsCommand::Events {
            file,
            example,
            format,
        } => {
            format.accept("relationships events", &WRITES)?;
            let d = inputs::dossier(file.as_deref(), example.as_deref())?;
            print(relationship_events_table(&d, lang), format, lang)
        }
        RelationshipsCommand::ProposeRun { file, run, on } => {
            let on = inputs::date(&on, "--on")?;
            change(&file, "relationships.propose_run", |d| {
                let ids = d
                    .relationships_mut()
                    .propose_run(&run.as_str().into(), on)?;
                Ok(format!(
                    "{}: {}",
                    t(lang, "Foreslået", "Proposed"),
                    ids.iter()
                        .map(|i| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
        }
        RelationshipsCommand::Record {
            file,
            id,
            event,
            on,
            side,
            outcome,
            by,
        } => {
            let on = inputs::date(&on, "--on")?;
            let mut kind = serde_json::Map::new();
            kind.insert("type".into(), word(&event));
            if let Some(s) = side {
                kind.insert("side".into(), word(&s));
            }
            if let Some(o) = outcome {
                kind.insert("outcome".into(), word(&o));
            }
            let kind: RelationshipEventKind = value(kind.into(), "event")?;
            let options = EventOptions {
                by: by.map(Into::into),
                rematch: None,
            };
            change(&file, "relationships.record", |d| {
                let state = d
                    .relationships_mut()
                    .record(&id.as_str().into(), on, kind, options)?;
                Ok(format!("{id}: {}", state.label(lang)))
            })
        }
        RelationshipsCommand::End {
            file,
            id,
            reason,
            on,
            by,
            rematch,
        } => {
            let on = inputs::date(&on, "--on")?;
            let reason: EndReason = value(word(&reason), "reason")?;
            let options = EventOptions {
                by: by.map(Into::into),
                rematch,
            };
            change(&file, "relationships.end", |d| {
                let state = d
                    .relationships_mut()
                    .end(&id.as_str().into(), on, reason, options)?;
                Ok(format!("{id}: {}", state.label(lang)))
            })
        }
    }
}
