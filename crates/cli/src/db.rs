//! `brobygger db ...`: the SQLite store: create one, import a dossier, export it, read the
//! audit trail and an entity's history, erase a person, exchange changes between two copies,
//! and verify the chain.

use crate::inputs;
use crate::out::{Failure, Outcome, out, outln};
use crate::{exit, t};
use brobygger::present::plural::{self, Plural};
use brobygger::{Dossier, Lang};
use brobygger_store::{Change, ChangeSet, ChangeSummary, Erase, Store, StoreError};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub(crate) enum DbCommand {
    /// Create a store (or bring an older one up to date).
    #[command(after_help = "Example:\n  brobygger db init partnerskab.db")]
    Init {
        /// The store file.
        store: PathBuf,
    },
    /// Put a dossier (a JSON file or a built-in example) into a store; every new, changed or
    /// removed entity is recorded in the audit trail.
    #[command(
        after_help = "Examples:\n  brobygger db import dossier.json partnerskab.db\n  brobygger db import --example ikast-brande partnerskab.db"
    )]
    Import {
        /// The dossier JSON file (or use --example); `-` reads standard input.
        #[arg(required_unless_present = "example")]
        file: Option<PathBuf>,
        /// The store file.
        store: Option<PathBuf>,
        /// A built-in example instead of a file.
        #[arg(long)]
        example: Option<String>,
    },
    /// Print the store's dossier as JSON (the same bytes as the file it came from).
    #[command(
        after_help = "Examples:\n  brobygger db export partnerskab.db > dossier.json\n  brobygger db export partnerskab.db --out dossier.json"
    )]
    Export {
        /// The store file.
        store: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the audit trail: who changed which entity, when, by which operation, and which
    /// fields (never their values).
    #[command(
        after_help = "Examples:\n  brobygger db log partnerskab.db\n  brobygger db log partnerskab.db --collection match_runs --json"
    )]
    Log {
        /// The store file.
        store: PathBuf,
        /// Only this collection (agreements, cohorts, match_runs, privacy.consents, ...).
        #[arg(long)]
        collection: Option<String>,
        /// Only this entity (with --collection).
        #[arg(long, requires = "collection")]
        entity: Option<String>,
        /// JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print every stored version of one entity, oldest first (JSON lines).
    #[command(after_help = "Example:\n  brobygger db history partnerskab.db agreements ikast-vvv")]
    History {
        /// The store file.
        store: PathBuf,
        /// The collection, e.g. agreements.
        collection: String,
        /// The entity's id.
        id: String,
    },
    /// Erase one newcomer household or one person (GDPR art. 17): anonymised with everything
    /// linked to them, and every earlier version naming them emptied; the audit trail records
    /// the erasure and stays verifiable.
    #[command(
        after_help = "Examples:\n  brobygger db erase partnerskab.db --newcomer nc-6402-1185\n  brobygger db erase partnerskab.db --person p-4902-7470-7876-9697 --on 2017-01-01"
    )]
    Erase {
        /// The store file.
        store: PathBuf,
        /// The household's id.
        #[arg(long, conflicts_with = "person", required_unless_present = "person")]
        newcomer: Option<String>,
        /// The person's id.
        #[arg(long)]
        person: Option<String>,
        /// The day of the erasure (YYYY-MM-DD or DD-MM-YYYY; default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Print the changes made after an audit event (`--since SEQ`, 0 for all) as a change file
    /// for the other copy of the partnership (`db apply`); says which SEQ to use next time.
    #[command(
        after_help = "Examples:\n  brobygger db changes kommune.db --since 88 --out til-foreningen.json\n  brobygger db apply forening.db til-foreningen.json"
    )]
    Changes {
        /// The store file.
        store: PathBuf,
        /// The last audit event the other copy has from this one.
        #[arg(long, default_value_t = 0)]
        since: i64,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Apply the other copy's change file: what both held alike is changed, what this copy has
    /// already is left, and what both changed differently is reported as a conflict (exit code
    /// 1) and kept as this copy has it. Applying the same file twice changes nothing.
    #[command(after_help = "Example:\n  brobygger db apply forening.db til-foreningen.json")]
    Apply {
        /// The store file.
        store: PathBuf,
        /// The change file from `db changes`; `-` reads standard input.
        changes: PathBuf,
    },
    /// Check the audit trail's hash chain; exit code 1 if an event or a stored version was
    /// edited, removed or reordered behind the library's back.
    #[command(after_help = "Example:\n  brobygger db verify partnerskab.db")]
    Verify {
        /// The store file.
        store: PathBuf,
    },
}

const CHANGES: Plural = Plural::new("ændring", "ændringer", "change", "changes");
const CONFLICTS: Plural = Plural::new("konflikt", "konflikter", "conflict", "conflicts");
/// Events of the audit trail.
pub(crate) const EVENTS: Plural = Plural::new("hændelse", "hændelser", "event", "events");

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Lib(e.into())
    }
}

/// Who the audit trail names for changes made from the command line: `BROBYGGER_ACTOR`, else
/// the login name, else `cli`.
pub(crate) fn actor() -> String {
    ["BROBYGGER_ACTOR", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "cli".into())
}

/// Whether the file is an SQLite database (a store), by its first bytes.
pub(crate) fn is_store(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    // Only a regular file is opened: a FIFO would make the open wait for a writer.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// The dossier in the store at `path`.
pub(crate) fn load(path: &Path) -> Result<Dossier, Failure> {
    Ok(Store::open(path)?.dossier()?)
}

fn summary(s: &ChangeSummary, lang: Lang) -> String {
    format!(
        "{} {}, {} {}, {} {}",
        s.created,
        t(lang, "oprettet", "created"),
        s.updated,
        t(lang, "ændret", "changed"),
        s.deleted,
        t(lang, "slettet", "removed")
    )
}

/// Refuses `-` as a store before SQLite would create a file of that name.
fn store_file(store: &Path) -> Result<(), Failure> {
    if inputs::is_dash(store) {
        return Err(inputs::bad_input(
            brobygger::UsageCode::StoreIsStream,
            "store",
            "a store is a file: - (standard input or output) cannot hold one; give the store file",
        ));
    }
    Ok(())
}

pub(crate) fn run(command: DbCommand, lang: Lang) -> Outcome {
    let store = match &command {
        DbCommand::Init { store }
        | DbCommand::Export { store, .. }
        | DbCommand::Log { store, .. }
        | DbCommand::History { store, .. }
        | DbCommand::Erase { store, .. }
        | DbCommand::Changes { store, .. }
        | DbCommand::Apply { store, .. }
        | DbCommand::Verify { store } => Some(store.as_path()),
        // With --example the store is the one positional argument.
        DbCommand::Import {
            file,
            store,
            example,
        } => store
            .as_deref()
            .or(file.as_deref().filter(|_| example.is_some())),
    };
    if let Some(store) = store {
        store_file(store)?;
    }
    match command {
        DbCommand::Init { store } => {
            let s = Store::open(&store)?;
            outln!(
                "{} {} {} ({} {}).",
                t(lang, "Lageret", "The store"),
                inputs::shown(&store),
                t(lang, "er klar", "is ready"),
                t(lang, "skemaversion", "schema version"),
                s.schema_version()?
            );
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Import {
            file,
            store,
            example,
        } => {
            // With --example the one positional argument is the store.
            let (file, store) = match (file, store, &example) {
                (Some(s), None, Some(_)) => (None, s),
                (f, Some(s), _) => (f, s),
                (_, None, _) => {
                    return Err(inputs::bad_input(
                        brobygger::UsageCode::NoStore,
                        "store",
                        "give the store file to import into",
                    ));
                }
            };
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let mut s = Store::open(&store)?;
            let who = actor();
            let changed = s.import(&dossier, Change::new(&who, "import"))?;
            outln!(
                "{} {}: {}.",
                t(lang, "Importeret til", "Imported into"),
                inputs::shown(&store),
                summary(&changed, lang)
            );
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Export { store, out } => {
            let json = Store::open(&store)?.export_json()?;
            match out {
                None => out!("{json}"),
                Some(path) => crate::out::write_file(&path, &json, &[store.as_path()])?,
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Log {
            store,
            collection,
            entity,
            json,
        } => {
            let s = Store::open(&store)?;
            let events = match (&collection, &entity) {
                (Some(c), Some(e)) => s.log_of(c, e)?,
                _ => s.log()?,
            };
            for e in events
                .iter()
                .filter(|e| collection.as_ref().is_none_or(|c| *c == e.collection))
            {
                if json {
                    let line = serde_json::json!({
                        "seq": e.seq,
                        "at": e.at,
                        "actor": e.actor,
                        "operation": e.operation,
                        "collection": e.collection,
                        "entity": e.entity,
                        "action": e.action.as_str(),
                        "fields": e.fields,
                        "hash": e.hash,
                    });
                    outln!("{line}");
                } else {
                    let fields = if e.fields.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", e.fields.join(", "))
                    };
                    outln!(
                        "{:>6}  {}  {}  {}  {} {}/{}{fields}",
                        e.seq,
                        e.at,
                        e.actor,
                        e.operation,
                        action(e.action, lang),
                        e.collection,
                        e.entity
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::History {
            store,
            collection,
            id,
        } => {
            let revisions = Store::open(&store)?.history(&collection, &id)?;
            if revisions.is_empty() {
                return Err(Failure::Lib(brobygger::BrobyggerError::NotFound {
                    code: brobygger::StoreCode::NoHistory.into(),
                    entity: collection,
                    id,
                }));
            }
            for r in revisions {
                let line = serde_json::json!({
                    "seq": r.seq,
                    "at": r.at,
                    "actor": r.actor,
                    "operation": r.operation,
                    "action": r.action.as_str(),
                    "json": r.json.as_deref().map(serde_json::from_str::<serde_json::Value>).transpose().ok().flatten(),
                });
                outln!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Erase {
            store,
            newcomer,
            person,
            on,
        } => {
            let subject = match (newcomer, person) {
                (Some(n), _) => Erase::Newcomer(n.into()),
                (None, Some(p)) => Erase::Person(p.into()),
                (None, None) => {
                    return Err(inputs::bad_input(
                        brobygger::UsageCode::NoSubject,
                        "--newcomer",
                        "give --newcomer ID or --person ID",
                    ));
                }
            };
            let on = inputs::date_or_today(on.as_deref())?;
            let who = actor();
            let s = Store::open(&store)?.erase(Change::new(&who, "erase"), subject, on)?;
            outln!(
                "{} {}; {} {}, {} {}.",
                t(
                    lang,
                    "Slettet; de nuværende data:",
                    "Erased; the current data:"
                ),
                summary(&s, lang),
                t(
                    lang,
                    "tidligere versioner renset:",
                    "earlier versions cleaned:"
                ),
                s.redacted,
                t(lang, "tømt:", "emptied:"),
                s.erased
            );
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Changes { store, since, out } => {
            let s = Store::open(&store)?;
            let set = s.changes_since(since)?;
            let json = set.to_json()?;
            match out {
                None => out!("{json}"),
                Some(path) if inputs::is_dash(&path) => out!("{json}"),
                Some(path) => {
                    crate::out::write_file(&path, &json, &[store.as_path()])?;
                    outln!(
                        "{} {} {}; {} --since {}.",
                        CHANGES.count(lang, plural::n(set.changes.len())),
                        t(lang, "skrevet til", "written to"),
                        inputs::shown(&path),
                        t(lang, "næste gang", "next time"),
                        set.until
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Apply { store, changes } => {
            let bytes = inputs::read_bytes(&changes)?;
            let set = ChangeSet::from_json(inputs::utf8(&changes, &bytes)?)
                .map_err(|e| inputs::in_file(&changes, e.into()))?;
            let who = actor();
            let report = Store::open(&store)?.apply(Change::new(&who, "apply"), &set)?;
            outln!(
                "{} {}, {} {}, {}.",
                report.applied,
                t(lang, "anvendt", "applied"),
                report.unchanged,
                t(lang, "havde kopien allerede", "already in this copy"),
                CONFLICTS.count(lang, plural::n(report.conflicts.len()))
            );
            for c in &report.conflicts {
                outln!(
                    "  {} {}/{}: {}",
                    t(lang, "konflikt", "conflict"),
                    c.collection,
                    c.key,
                    t(
                        lang,
                        "ændret forskelligt i begge kopier; denne kopis version er beholdt",
                        "changed differently in both copies; this copy's version is kept"
                    )
                );
            }
            Ok(exit(!report.conflicts.is_empty()))
        }
        DbCommand::Verify { store } => {
            let report = Store::open(&store)?.verify()?;
            match &report.problem {
                None => outln!(
                    "{}: {}.",
                    t(
                        lang,
                        "Revisionssporet er intakt",
                        "The audit trail is intact"
                    ),
                    EVENTS.count(lang, report.events)
                ),
                Some(p) => outln!(
                    "{}: {}.",
                    t(
                        lang,
                        "Revisionssporet er brudt",
                        "The audit trail is broken"
                    ),
                    p.text(lang)
                ),
            }
            Ok(exit(!report.is_intact()))
        }
    }
}

fn action(a: brobygger_store::Action, lang: Lang) -> &'static str {
    match a {
        brobygger_store::Action::Created => t(lang, "oprettede", "created"),
        brobygger_store::Action::Updated => t(lang, "ændrede", "changed"),
        brobygger_store::Action::Deleted => t(lang, "slettede", "removed"),
        brobygger_store::Action::Erased => t(lang, "tømte", "erased"),
    }
}
