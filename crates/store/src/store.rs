//! The store: an SQLite file holding one dossier, its history and its audit trail.

use crate::audit::{self, Action, AuditEvent, ChainProblem, ChainReport, GENESIS};
use crate::changes::{
    ApplyReport, CHANGES_FORMAT, CHANGES_VERSION, ChangeSet, Conflict, EntityChange,
};
use crate::error::StoreError;
use crate::layout::{self, DOCUMENT, Row};
use crate::migrate::{self, MIGRATIONS};
use brobygger::privacy::{AnonymisationScope, AnonymiseOptions};
use brobygger::progress::{Stage, Watch};
use brobygger::{BrobyggerError, Dossier, NewcomerId, PersonId};
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// How SQLite keeps a transaction safe until it is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JournalMode {
    /// Write-ahead log (the default): readers never wait for the writer. Needs shared memory
    /// between the processes, so it does not work on network file systems.
    #[default]
    Wal,
    /// SQLite's rollback journal: for a store on a network share (SMB, NFS), where WAL does not
    /// work. Readers wait while a writer commits.
    Rollback,
}

/// When a committed write is on the disk (ADR 0055). Either way a commit is atomic, a process
/// killed at any point loses nothing it committed, and the file is never corrupted; the two
/// differ only after a power cut or an operating-system crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// The default: in WAL mode the log is synced at each checkpoint, not at each commit
    /// (SQLite's `synchronous = NORMAL`), so a write costs no `fsync`. A power cut may undo
    /// the last writes before the latest checkpoint, whole: the store and its audit trail stay
    /// consistent, and the writes are simply not there. An erasure and a change set handed to
    /// another copy ([`Store::changes_since`]) are checkpointed at once, so they are never
    /// undone. With the rollback journal the store always syncs every commit.
    #[default]
    Normal,
    /// Every commit is synced before the write returns (`synchronous = FULL`): a write that
    /// returned survives a power cut. Costs an `fsync` per write (about 4 ms on the project's
    /// virtual machines, more than the rest of a small write).
    Full,
}

impl JournalMode {
    /// Every mode with its name, as bindings and command lines spell it.
    pub const NAMES: [(&'static str, JournalMode); 2] = [
        ("wal", JournalMode::Wal),
        ("rollback", JournalMode::Rollback),
    ];

    /// The mode named `name` (`wal` or `rollback`), or an invalid-input error at `journal`
    /// that lists the names.
    pub fn parse(name: &str) -> Result<Self, BrobyggerError> {
        parse_named(&Self::NAMES, "journal", name)
    }
}

impl Durability {
    /// Every durability with its name, as bindings and command lines spell it.
    pub const NAMES: [(&'static str, Durability); 2] =
        [("normal", Durability::Normal), ("full", Durability::Full)];

    /// The durability named `name` (`normal` or `full`), or an invalid-input error at
    /// `durability` that lists the names.
    pub fn parse(name: &str) -> Result<Self, BrobyggerError> {
        parse_named(&Self::NAMES, "durability", name)
    }
}

fn parse_named<T: Copy>(
    names: &[(&'static str, T)],
    field: &str,
    name: &str,
) -> Result<T, BrobyggerError> {
    names
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let expected: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            // The value is not repeated: it may be anything the caller typed.
            BrobyggerError::invalid_input(
                brobygger::StoreCode::Options,
                field,
                format!("unknown value, expected {}", expected.join(" or ")),
            )
        })
}

/// How to open a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreOptions {
    /// The journal mode ([`JournalMode::Wal`] by default).
    pub journal: JournalMode,
    /// How long a writer waits for another to finish before it gives up with
    /// [`StoreError::Busy`] (30 seconds by default).
    pub busy_timeout: Duration,
    /// When a committed write is on the disk ([`Durability::Normal`] by default).
    pub durability: Durability,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            journal: JournalMode::Wal,
            busy_timeout: Duration::from_secs(30),
            durability: Durability::Normal,
        }
    }
}

impl StoreOptions {
    /// The options with this journal mode.
    pub fn journal(mut self, journal: JournalMode) -> Self {
        self.journal = journal;
        self
    }

    /// The options with this busy timeout.
    pub fn busy_timeout(mut self, timeout: Duration) -> Self {
        self.busy_timeout = timeout;
        self
    }

    /// The options with this durability.
    pub fn durability(mut self, durability: Durability) -> Self {
        self.durability = durability;
        self
    }
}

/// Who is making a change and by which operation; recorded with every event of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<'a> {
    /// Who: a user or service name (an id, not a person's full name).
    pub actor: &'a str,
    /// The operation, e.g. `import`, `match`, `erase`.
    pub operation: &'a str,
}

impl<'a> Change<'a> {
    /// A change by `actor` through `operation`.
    pub fn new(actor: &'a str, operation: &'a str) -> Self {
        Self { actor, operation }
    }
}

/// What one write changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, schemars::JsonSchema)]
pub struct ChangeSummary {
    /// Entities added.
    pub created: u64,
    /// Entities changed.
    pub updated: u64,
    /// Entities removed.
    pub deleted: u64,
    /// Erasure events (one per [`Store::erase`]).
    pub erasures: u64,
    /// Earlier versions emptied by an erasure (they were about the erased person alone).
    pub erased: u64,
    /// Earlier versions an erasure cut the erased person out of, keeping the rest (a cohort's
    /// version keeps its other households).
    pub redacted: u64,
}

impl ChangeSummary {
    /// The number of audit events the write appended.
    pub fn events(&self) -> u64 {
        self.created + self.updated + self.deleted + self.erasures
    }
}

/// Whose data [`Store::erase`] erases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Erase {
    /// A newcomer household (with everything linked to it: consents, proposals, runs).
    Newcomer(NewcomerId),
    /// A person who held posts (staff, volunteers).
    Person(PersonId),
}

impl Erase {
    fn kind(&self) -> &'static str {
        match self {
            Erase::Newcomer(_) => "newcomer",
            Erase::Person(_) => "person",
        }
    }
}

/// The pseudo-collection of erasure events in the log.
const ERASURE: &str = "erasure";

/// One stored version of an entity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Revision {
    /// The audit event that made it.
    pub seq: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// Through which operation.
    pub operation: String,
    /// What happened.
    pub action: Action,
    /// The entity's JSON after the change (`None` after a deletion).
    pub json: Option<String>,
}

/// A dossier kept in an SQLite file, with every change recorded.
///
/// Every write is one transaction that takes SQLite's write lock first (`BEGIN IMMEDIATE`),
/// reads the current dossier, applies the change and writes the entities that changed with
/// their history and audit events: writers in other threads or processes wait (up to the busy
/// timeout) and then see the change before theirs, so no work is lost.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: String,
    /// Whether the schema has the `personal` table (version 3, ADR 0066); only a store opened
    /// with fewer migrations, in tests, lacks it, and then keeps households in their cohorts.
    personal: bool,
    /// The state this connection last wrote, valid while no other connection has committed
    /// since (`PRAGMA data_version`): the next write starts from it instead of reading and
    /// parsing every entity again.
    cache: Option<Current>,
}

/// The current state as the tables hold it, with the dossier it joins into.
#[derive(Debug)]
struct Current {
    data_version: i64,
    skeleton: Option<String>,
    rows: HashMap<(String, String), Row>,
    dossier: Option<Dossier>,
}

impl Store {
    /// Opens the store at `path`, creating or migrating it, with the default options (WAL,
    /// 30 s busy timeout).
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(path, StoreOptions::default())
    }

    /// Opens the store at `path` with `options`.
    pub fn open_with(path: impl AsRef<Path>, options: StoreOptions) -> Result<Self, StoreError> {
        Self::open_migrating(path.as_ref(), options, MIGRATIONS)
    }

    pub(crate) fn open_migrating(
        path: &Path,
        options: StoreOptions,
        migrations: &[&str],
    ) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        let fail = |e: rusqlite::Error| StoreError::sqlite(&shown, &e);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.busy_timeout(options.busy_timeout).map_err(fail)?;
        // Refuse what is not ours before changing anything about the file.
        let found = migrate::version(&conn, &shown)?;
        let supported = u32::try_from(migrations.len()).unwrap_or(u32::MAX);
        if found > supported {
            return Err(StoreError::NewerSchema {
                path: shown,
                found,
                supported,
            });
        }
        let wanted = match options.journal {
            JournalMode::Wal => "wal",
            JournalMode::Rollback => "delete",
        };
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(fail)?;
        if !mode.eq_ignore_ascii_case(wanted) {
            let _: String = conn
                .query_row(&format!("PRAGMA journal_mode = {wanted}"), [], |r| r.get(0))
                .map_err(fail)?;
        }
        // ADR 0055: in WAL mode NORMAL keeps every commit atomic and the file consistent
        // through any crash, and only a power cut can undo the writes since the last checkpoint;
        // the rollback journal needs FULL for that (NORMAL there can corrupt on a power cut).
        let synchronous = match (options.journal, options.durability) {
            (JournalMode::Wal, Durability::Normal) => "NORMAL",
            _ => "FULL",
        };
        conn.pragma_update(None, "synchronous", synchronous)
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        // Freed pages are overwritten with zeros: erased data does not linger in the file.
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(fail)?;
        let was = migrate::migrate(&mut conn, &shown, migrations)?;
        let mut store = Store {
            conn,
            path: shown,
            personal: migrations.len() >= migrate::RELAYOUT_FROM as usize,
            cache: None,
        };
        // A file from before the personal table: its households move there now, as one
        // audited write (any later write would move them too; this keeps the file as
        // documented from the moment it is opened).
        if store.personal && was > 0 && was < migrate::RELAYOUT_FROM && !store.is_empty()? {
            let path = store.path.clone();
            store.write(Change::new("brobygger", "migrate"), |current| {
                Ok((current.ok_or(StoreError::Empty { path })?, ()))
            })?;
        }
        Ok(store)
    }

    /// The file's path, as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrate::version(&self.conn, &self.path)
    }

    fn fail(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |e| StoreError::sqlite(&self.path, &e)
    }

    /// Whether the store holds a dossier.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM document", [], |r| r.get(0))
            .map_err(self.fail())?;
        Ok(n == 0)
    }

    /// The dossier as it is now.
    pub fn dossier(&self) -> Result<Dossier, StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(self.fail())?;
        let version = data_version(&tx, &self.path)?;
        let dossier = match &self.cache {
            Some(c) if c.data_version == version => c.dossier.clone(),
            _ => {
                let (skeleton, rows) = read_all(&tx, &self.path, self.personal)?;
                skeleton
                    .map(|s| layout::join(&s, rows.values()))
                    .transpose()?
            }
        };
        tx.commit().map_err(self.fail())?;
        dossier.ok_or_else(|| StoreError::Empty {
            path: self.path.clone(),
        })
    }

    /// The dossier as canonical JSON: the same bytes [`Dossier::to_json`] gives for it.
    pub fn export_json(&self) -> Result<String, StoreError> {
        Ok(self.dossier()?.to_json()?)
    }

    /// Puts `dossier` in the store, replacing what it held; every entity that is new, changed
    /// or gone is recorded in the history and the audit trail.
    pub fn import(
        &mut self,
        dossier: &Dossier,
        change: Change<'_>,
    ) -> Result<ChangeSummary, StoreError> {
        self.import_watched(dossier, change, &Watch::default())
    }

    /// [`Store::import`] under `watch` ([`brobygger::progress`]): progress counts the entities
    /// written; once the watch is cancelled the transaction is rolled back and the store keeps
    /// what it held (`work.cancelled`).
    pub fn import_watched(
        &mut self,
        dossier: &Dossier,
        change: Change<'_>,
        watch: &Watch,
    ) -> Result<ChangeSummary, StoreError> {
        let (_, summary) = self.write_then(
            change,
            |_| Ok((dossier.clone(), ())),
            |_, _, _| Ok(()),
            watch,
        )?;
        Ok(summary)
    }

    /// Changes the dossier with `operation`, all or nothing: when `operation` fails, nothing
    /// is written. Waits for other writers first, so it always works on the latest dossier.
    pub fn update<T>(
        &mut self,
        change: Change<'_>,
        operation: impl FnOnce(&mut Dossier) -> Result<T, BrobyggerError>,
    ) -> Result<(T, ChangeSummary), StoreError> {
        let path = self.path.clone();
        self.write(change, move |current| {
            let mut dossier = current.ok_or(StoreError::Empty { path })?;
            let out = operation(&mut dossier)?;
            Ok((dossier, out))
        })
    }

    /// Erases one newcomer household or one person (GDPR art. 17), all or nothing: the current
    /// dossier is anonymised with cascade ([`brobygger::privacy::AnonymiseOptions`]: fresh ids
    /// everywhere, names, contact details, special-category data and free text about them
    /// removed), and every stored earlier version that names them (their id, or a person's
    /// name) is cleaned: what is about them (their own record, their match, consent or
    /// introduction) is cut out and the rest kept, so a cohort's earlier versions keep its other
    /// households; a version about them alone is emptied. One `erased` event lists the cleaned
    /// versions with their new digests and the emptied ones, so [`Store::verify`] still finds the
    /// chain intact, and any other edit still breaks it.
    pub fn erase(
        &mut self,
        change: Change<'_>,
        subject: Erase,
        on: chrono::NaiveDate,
    ) -> Result<ChangeSummary, StoreError> {
        let path = self.path.clone();
        let (_, summary) = self.write_then(
            change,
            move |current| {
                let mut dossier = current.ok_or(StoreError::Empty { path })?;
                let (scope, terms) = match &subject {
                    Erase::Newcomer(id) => {
                        let known = dossier
                            .cohorts
                            .iter()
                            .any(|c| c.newcomers.iter().any(|n| &n.id == id));
                        if !known {
                            return Err(BrobyggerError::not_found(
                                brobygger::NotFoundCode::Newcomer,
                                id,
                            )
                            .into());
                        }
                        (
                            AnonymisationScope::Newcomers {
                                newcomers: vec![id.clone()],
                            },
                            // The id anywhere, also inside a text (an explanation, a note): a
                            // longer id that contains it loses its versions too, which errs on
                            // the side of the person.
                            vec![id.to_string()],
                        )
                    }
                    Erase::Person(id) => {
                        let person =
                            dossier.people.iter().find(|p| &p.id == id).ok_or_else(|| {
                                BrobyggerError::not_found(brobygger::NotFoundCode::Person, id)
                            })?;
                        let mut terms = vec![id.to_string()];
                        // The name, as free text may carry it; a name too short to be told
                        // from other words is left to the id.
                        if person.name.chars().count() >= 4 {
                            terms.push(person.name.clone());
                        }
                        (
                            AnonymisationScope::People {
                                people: vec![id.clone()],
                            },
                            terms,
                        )
                    }
                };
                dossier
                    .privacy_mut()
                    .anonymise(&AnonymiseOptions::new(scope, on), None)?;
                Ok((dossier, (subject.kind(), terms)))
            },
            |tx, log, (kind, terms)| log.erase(tx, kind, terms),
            &Watch::default(),
        )?;
        // Freed pages are zeroed (secure_delete); the old versions may still sit in the WAL
        // until a checkpoint, so take one now (best effort: a reader may hold it back).
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(summary)
    }

    fn write<T>(
        &mut self,
        change: Change<'_>,
        make: impl FnOnce(Option<Dossier>) -> Result<(Dossier, T), StoreError>,
    ) -> Result<(T, ChangeSummary), StoreError> {
        self.write_then(change, make, |_, _, _| Ok(()), &Watch::default())
    }

    fn write_then<T>(
        &mut self,
        change: Change<'_>,
        make: impl FnOnce(Option<Dossier>) -> Result<(Dossier, T), StoreError>,
        then: impl FnOnce(&Transaction<'_>, &mut Log<'_>, &T) -> Result<(), StoreError>,
        watch: &Watch,
    ) -> Result<(T, ChangeSummary), StoreError> {
        watch.check()?;
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| StoreError::sqlite(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        // Under the write lock: what this connection wrote last is the current state unless
        // another connection committed since.
        let version = data_version(&tx, &path)?;
        let (skeleton, mut old, current) = match self.cache.take() {
            Some(c) if c.data_version == version => (c.skeleton, c.rows, c.dossier),
            _ => {
                let (skeleton, rows) = read_all(&tx, &path, self.personal)?;
                let current = match &skeleton {
                    Some(s) => Some(layout::join(s, rows.values())?),
                    None => None,
                };
                (skeleton, rows, current)
            }
        };
        let (dossier, out) = make(current)?;
        let next = layout::split(&dossier, self.personal)?;
        let mut log = Log::start(&tx, &path, change)?;
        // The document's own fields.
        if skeleton.as_deref() != Some(next.skeleton.as_str()) {
            tx.execute(
                "INSERT INTO document (id, json) VALUES (1, ?1)
                 ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                params![next.skeleton],
            )
            .map_err(fail)?;
            log.record(
                &tx,
                DOCUMENT,
                DOCUMENT,
                skeleton.as_deref(),
                Some(&next.skeleton),
            )?;
        }
        // The entities: new, changed, moved and gone.
        let total = next.rows.len() as u64;
        watch.start(Stage::Import, total)?;
        for (k, row) in next.rows.iter().enumerate() {
            watch.step(Stage::Import, k as u64, total)?;
            match old.remove(&(row.collection.clone(), row.key.clone())) {
                Some(before) if before.json == row.json => {
                    if before.position != row.position {
                        tx.execute(
                            &format!(
                                "UPDATE {} SET position = ?3 WHERE collection = ?1 AND key = ?2",
                                layout::table_of(&row.collection)
                            ),
                            params![row.collection, row.key, row.position],
                        )
                        .map_err(fail)?;
                    }
                }
                before => {
                    tx.execute(
                        &format!(
                            "INSERT INTO {} (collection, key, position, json) VALUES (?1, ?2, ?3, ?4)
                             ON CONFLICT (collection, key) DO UPDATE
                             SET position = excluded.position, json = excluded.json",
                            layout::table_of(&row.collection)
                        ),
                        params![row.collection, row.key, row.position, row.json],
                    )
                    .map_err(fail)?;
                    log.record(
                        &tx,
                        &row.collection,
                        &row.key,
                        before.as_ref().map(|b| b.json.as_str()),
                        Some(&row.json),
                    )?;
                }
            }
        }
        let mut gone: Vec<Row> = old.into_values().collect();
        gone.sort_by(|a, b| (&a.collection, a.position).cmp(&(&b.collection, b.position)));
        for row in gone {
            watch.check()?;
            tx.execute(
                &format!(
                    "DELETE FROM {} WHERE collection = ?1 AND key = ?2",
                    layout::table_of(&row.collection)
                ),
                params![row.collection, row.key],
            )
            .map_err(fail)?;
            log.record(&tx, &row.collection, &row.key, Some(&row.json), None)?;
        }
        then(&tx, &mut log, &out)?;
        log.finish(&tx)?;
        // The last look before anything is kept: cancelled up to here, the store is unchanged.
        watch.finish(Stage::Import, total)?;
        tx.commit().map_err(fail)?;
        // This connection's own commit leaves its data_version as it was.
        self.cache = Some(Current {
            data_version: version,
            rows: next
                .rows
                .into_iter()
                .map(|r| ((r.collection.clone(), r.key.clone()), r))
                .collect(),
            skeleton: Some(next.skeleton),
            dossier: Some(dossier),
        });
        Ok((out, log.summary))
    }

    /// The audit trail, oldest first.
    pub fn log(&self) -> Result<Vec<AuditEvent>, StoreError> {
        self.events("SELECT seq, at, actor, operation, collection, entity, action, fields, digest, prev_hash, hash FROM audit ORDER BY seq", [])
    }

    /// The audit events about one entity, oldest first.
    pub fn log_of(&self, collection: &str, id: &str) -> Result<Vec<AuditEvent>, StoreError> {
        self.events(
            "SELECT seq, at, actor, operation, collection, entity, action, fields, digest, prev_hash, hash FROM audit WHERE collection = ?1 AND entity = ?2 ORDER BY seq",
            [collection, id],
        )
    }

    fn events<P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        let mut stmt = self.conn.prepare(sql).map_err(self.fail())?;
        let rows = stmt
            .query_map(params, read_event)
            .map_err(self.fail())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.fail())?;
        rows.into_iter()
            .map(|r| r.ok_or_else(|| self.corrupt()))
            .collect()
    }

    fn corrupt(&self) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
        }
    }

    /// Every stored version of one entity, oldest first.
    pub fn history(&self, collection: &str, id: &str) -> Result<Vec<Revision>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.seq, a.at, a.actor, a.operation, a.action, h.after
                 FROM history h JOIN audit a ON a.seq = h.seq
                 WHERE h.collection = ?1 AND h.key = ?2 ORDER BY a.seq",
            )
            .map_err(self.fail())?;
        let rows = stmt
            .query_map([collection, id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(self.fail())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(self.fail())?;
        rows.into_iter()
            .map(|(seq, at, actor, operation, action, json)| {
                Ok(Revision {
                    seq,
                    at,
                    actor,
                    operation,
                    action: Action::parse(&action).ok_or_else(|| self.corrupt())?,
                    json,
                })
            })
            .collect()
    }

    /// The number of the last audit event (0 for a new store): the point to export changes
    /// since, next time.
    pub fn head(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(seq), 0) FROM audit", [], |r| r.get(0))
            .map_err(self.fail())
    }

    /// The changes made after audit event `since`: every entity that differs, with its JSON
    /// then and now. Feed it to [`Store::apply`] on another copy.
    pub fn changes_since(&self, since: i64) -> Result<ChangeSet, StoreError> {
        // What leaves this copy must not be undone by a power cut here (Durability::Normal):
        // a checkpoint syncs the log first (best effort: a reader may hold part of it back, and
        // a rollback-journal or FULL store has synced every commit already).
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        let tx = self.conn.unchecked_transaction().map_err(self.fail())?;
        let fail = self.fail();
        let until: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) FROM audit", [], |r| r.get(0))
            .map_err(&fail)?;
        let touched = {
            let mut stmt = tx
                .prepare(
                    "SELECT collection, key FROM history WHERE seq > ?1 AND collection != ?2
                     GROUP BY collection, key ORDER BY min(seq)",
                )
                .map_err(&fail)?;
            stmt.query_map(params![since, ERASURE], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(&fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&fail)?
        };
        let mut changes = Vec::new();
        for (collection, key) in touched {
            let before: Option<String> = tx
                .query_row(
                    "SELECT after FROM history WHERE collection = ?1 AND key = ?2 AND seq <= ?3
                     ORDER BY seq DESC LIMIT 1",
                    params![collection, key, since],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&fail)?
                .flatten();
            let after: Option<String> = if collection == DOCUMENT {
                tx.query_row("SELECT json FROM document WHERE id = 1", [], |r| r.get(0))
                    .optional()
                    .map_err(&fail)?
            } else {
                tx.query_row(
                    &format!(
                        "SELECT json FROM {} WHERE collection = ?1 AND key = ?2",
                        layout::table_of(&collection)
                    ),
                    params![collection, key],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&fail)?
            };
            if before != after {
                changes.push(EntityChange {
                    collection,
                    key,
                    before,
                    after,
                });
            }
        }
        tx.commit().map_err(&fail)?;
        Ok(ChangeSet {
            format: CHANGES_FORMAT.into(),
            format_version: CHANGES_VERSION,
            since,
            until,
            changes,
        })
    }

    /// Applies another copy's changes: what this copy holds as it was there is changed, what it
    /// holds already is left, and what it changed differently is a [`Conflict`] (reported, and
    /// this copy keeps its own). All in one audited write; applying the same set twice changes
    /// nothing.
    pub fn apply(
        &mut self,
        change: Change<'_>,
        set: &ChangeSet,
    ) -> Result<ApplyReport, StoreError> {
        if set.format != CHANGES_FORMAT || set.format_version != CHANGES_VERSION {
            return Err(StoreError::Dossier(BrobyggerError::UnsupportedVersion {
                code: brobygger::StoreCode::ChangesVersion.into(),
                found: Some(set.format_version),
                supported: CHANGES_VERSION,
            }));
        }
        let path = self.path.clone();
        let personal = self.personal;
        let (report, _) = self.write(change, move |current| {
            let current = current.ok_or(StoreError::Empty { path })?;
            let mut cut = layout::split(&current, personal)?;
            let mut report = ApplyReport::default();
            for c in &set.changes {
                let at = cut
                    .rows
                    .iter()
                    .position(|r| r.collection == c.collection && r.key == c.key);
                let local = if c.collection == DOCUMENT {
                    Some(cut.skeleton.as_str())
                } else {
                    at.map(|i| cut.rows[i].json.as_str())
                };
                if local == c.after.as_deref() {
                    report.unchanged += 1;
                    continue;
                }
                if local != c.before.as_deref() {
                    report.conflicts.push(Conflict {
                        collection: c.collection.clone(),
                        key: c.key.clone(),
                    });
                    continue;
                }
                report.applied += 1;
                match (c.collection == DOCUMENT, &c.after, at) {
                    (true, Some(after), _) => cut.skeleton = after.clone(),
                    (true, None, _) => {}
                    (false, Some(after), Some(i)) => cut.rows[i].json = after.clone(),
                    (false, Some(after), None) => {
                        let position = cut
                            .rows
                            .iter()
                            .filter(|r| r.collection == c.collection)
                            .map(|r| r.position + 1)
                            .max()
                            .unwrap_or(0);
                        cut.rows.push(Row {
                            collection: c.collection.clone(),
                            key: c.key.clone(),
                            position,
                            json: after.clone(),
                        });
                    }
                    (false, None, Some(i)) => {
                        cut.rows.remove(i);
                    }
                    (false, None, None) => {}
                }
            }
            Ok((layout::join(&cut.skeleton, &cut.rows)?, report))
        })?;
        Ok(report)
    }

    /// Checks the whole audit trail: every event in order without gaps, each chained to the
    /// one before, each matching its hash, each history row matching its digest, and the chain
    /// reaching the head the store recorded. Finds any edit, deletion or reordering made behind
    /// the library's back.
    pub fn verify(&self) -> Result<ChainReport, StoreError> {
        self.verify_watched(&Watch::default())
    }

    /// [`Store::verify`] under `watch` ([`brobygger::progress`]): progress counts the events
    /// checked, and it stops with `work.cancelled` once the watch is cancelled.
    pub fn verify_watched(&self, watch: &Watch) -> Result<ChainReport, StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(self.fail())?;
        let report = verify_chain(&tx, &self.path, watch)?;
        tx.commit().map_err(self.fail())?;
        Ok(report)
    }

    /// [`Store::verify`] as an error: the report when the chain is intact,
    /// [`StoreError::Tampered`] (code `store.tampered`) with the first problem otherwise.
    pub fn verify_intact(&self) -> Result<ChainReport, StoreError> {
        self.verify()?.intact(&self.path)
    }
}

type EventRow = Option<AuditEvent>;

fn read_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let action: String = r.get(6)?;
    let fields: String = r.get(7)?;
    let (Some(action), Ok(fields)) = (
        Action::parse(&action),
        serde_json::from_str::<Vec<String>>(&fields),
    ) else {
        return Ok(None);
    };
    Ok(Some(AuditEvent {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        operation: r.get(3)?,
        collection: r.get(4)?,
        entity: r.get(5)?,
        action,
        fields,
        digest: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    }))
}

/// A number that changes when another connection commits to the file (not when this one does).
fn data_version(tx: &Transaction<'_>, path: &str) -> Result<i64, StoreError> {
    tx.query_row("PRAGMA data_version", [], |r| r.get(0))
        .map_err(|e| StoreError::sqlite(path, &e))
}

type Rows = HashMap<(String, String), Row>;

fn read_all(
    tx: &Transaction<'_>,
    path: &str,
    personal: bool,
) -> Result<(Option<String>, Rows), StoreError> {
    let fail = |e: rusqlite::Error| StoreError::sqlite(path, &e);
    let skeleton: Option<String> = tx
        .query_row("SELECT json FROM document WHERE id = 1", [], |r| r.get(0))
        .optional()
        .map_err(fail)?;
    let mut stmt = tx
        .prepare(if personal {
            "SELECT collection, key, position, json FROM entity
             UNION ALL SELECT collection, key, position, json FROM personal"
        } else {
            "SELECT collection, key, position, json FROM entity"
        })
        .map_err(fail)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Row {
                collection: r.get(0)?,
                key: r.get(1)?,
                position: r.get(2)?,
                json: r.get(3)?,
            })
        })
        .map_err(fail)?
        .map(|r| r.map(|r: Row| ((r.collection.clone(), r.key.clone()), r)))
        .collect::<Result<Rows, _>>()
        .map_err(fail)?;
    Ok((skeleton, rows))
}

/// The audit events of one write, appended to the chain as they are recorded.
struct Log<'c> {
    path: String,
    change: Change<'c>,
    at: String,
    seq: i64,
    hash: String,
    summary: ChangeSummary,
}

impl<'c> Log<'c> {
    fn start(tx: &Transaction<'_>, path: &str, change: Change<'c>) -> Result<Self, StoreError> {
        let (seq, hash) = tx
            .query_row(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .map_err(|e| StoreError::sqlite(path, &e))?
            .unwrap_or((0, GENESIS.to_owned()));
        Ok(Log {
            path: path.to_owned(),
            change,
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            seq,
            hash,
            summary: ChangeSummary::default(),
        })
    }

    fn record(
        &mut self,
        tx: &Transaction<'_>,
        collection: &str,
        key: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<(), StoreError> {
        let action = match (before, after) {
            (None, _) => Action::Created,
            (Some(_), Some(_)) => Action::Updated,
            (Some(_), None) => Action::Deleted,
        };
        let fields = match action {
            Action::Updated => layout::changed_fields(before, after),
            _ => Vec::new(),
        };
        self.append(tx, action, collection, key, before, after, fields)
    }

    /// Empties every earlier version that contains one of `terms`, and records which in one
    /// `erased` event.
    fn erase(
        &mut self,
        tx: &Transaction<'_>,
        kind: &str,
        terms: &[String],
    ) -> Result<(), StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let mut seqs = std::collections::BTreeSet::new();
        {
            let mut stmt = tx
                .prepare(
                    "SELECT seq FROM history
                     WHERE instr(coalesce(before, ''), ?1) > 0 OR instr(coalesce(after, ''), ?1) > 0",
                )
                .map_err(fail)?;
            for term in terms {
                let found = stmt
                    .query_map([term], |r| r.get::<_, i64>(0))
                    .map_err(fail)?
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(fail)?;
                seqs.extend(found);
            }
        }
        // Each version loses what is about them and keeps the rest (a cohort's version keeps
        // its other households); a version that is theirs alone is emptied.
        let mut fields = Vec::with_capacity(seqs.len());
        for seq in &seqs {
            let (before, after): (Option<String>, Option<String>) = tx
                .query_row(
                    "SELECT before, after FROM history WHERE seq = ?1",
                    [seq],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(fail)?;
            let before = before.and_then(|b| layout::redact(&b, terms));
            let after = after.and_then(|a| layout::redact(&a, terms));
            tx.execute(
                "UPDATE history SET before = ?2, after = ?3 WHERE seq = ?1",
                params![seq, before, after],
            )
            .map_err(fail)?;
            if before.is_none() && after.is_none() {
                fields.push(format!("history.{seq}"));
                self.summary.erased += 1;
            } else {
                // The new digest, sealed by this event's hash, so the chain still verifies
                // and any later edit of the version still breaks it.
                let digest = audit::digest(before.as_deref(), after.as_deref());
                fields.push(format!("history.{seq}:{digest}"));
                self.summary.redacted += 1;
            }
        }
        self.append(tx, Action::Erased, ERASURE, kind, None, None, fields)?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn append(
        &mut self,
        tx: &Transaction<'_>,
        action: Action,
        collection: &str,
        key: &str,
        before: Option<&str>,
        after: Option<&str>,
        fields: Vec<String>,
    ) -> Result<(), StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let mut event = AuditEvent {
            seq: self.seq + 1,
            at: self.at.clone(),
            actor: self.change.actor.to_owned(),
            operation: self.change.operation.to_owned(),
            collection: collection.to_owned(),
            entity: key.to_owned(),
            action,
            fields,
            digest: audit::digest(before, after),
            prev_hash: self.hash.clone(),
            hash: String::new(),
        };
        event.hash = audit::event_hash(&event);
        let fields = serde_json::to_string(&event.fields).map_err(|e| {
            StoreError::Dossier(BrobyggerError::Internal {
                code: brobygger::StoreCode::Audit.into(),
                reason: e.to_string(),
            })
        })?;
        tx.execute(
            "INSERT INTO audit (seq, at, actor, operation, collection, entity, action, fields, digest, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                event.seq,
                event.at,
                event.actor,
                event.operation,
                event.collection,
                event.entity,
                event.action.as_str(),
                fields,
                event.digest,
                event.prev_hash,
                event.hash
            ],
        )
        .map_err(fail)?;
        tx.execute(
            "INSERT INTO history (seq, collection, key, before, after) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![event.seq, collection, key, before, after],
        )
        .map_err(fail)?;
        match action {
            Action::Created => self.summary.created += 1,
            Action::Updated => self.summary.updated += 1,
            Action::Deleted => self.summary.deleted += 1,
            Action::Erased => self.summary.erasures += 1,
        }
        self.seq = event.seq;
        self.hash = event.hash;
        Ok(())
    }

    fn finish(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if self.summary.events() == 0 {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO store_meta (name, value) VALUES ('chain_seq', ?1), ('chain_hash', ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![self.seq.to_string(), self.hash],
        )
        .map_err(|e| StoreError::sqlite(&self.path, &e))?;
        Ok(())
    }
}

fn verify_chain(
    tx: &Transaction<'_>,
    path: &str,
    watch: &Watch,
) -> Result<ChainReport, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::sqlite(path, &e);
    // The head's number is how many events there are, unless some went missing.
    let total: i64 = if watch.is_watched() {
        tx.query_row("SELECT COALESCE(MAX(seq), 0) FROM audit", [], |r| r.get(0))
            .map_err(fail)?
    } else {
        0
    };
    let total = u64::try_from(total).unwrap_or(0);
    watch.start(Stage::Verify, total)?;
    let mut stmt = tx
        .prepare(
            "SELECT a.seq, a.at, a.actor, a.operation, a.collection, a.entity, a.action, a.fields,
                    a.digest, a.prev_hash, a.hash, h.seq IS NOT NULL, h.collection, h.key,
                    h.before, h.after
             FROM audit a LEFT JOIN history h ON h.seq = a.seq ORDER BY a.seq",
        )
        .map_err(fail)?;
    // The versions erasure events emptied (None) or cut (the new digest), the later erasure
    // winning; the events themselves are checked in the chain.
    let mut erased: HashMap<i64, Option<String>> = HashMap::new();
    {
        let mut erasures = tx
            .prepare("SELECT fields FROM audit WHERE action = 'erased' ORDER BY seq")
            .map_err(fail)?;
        let lists = erasures
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        for list in lists {
            let fields: Vec<String> = serde_json::from_str(&list).unwrap_or_default();
            for f in fields {
                let Some(entry) = f.strip_prefix("history.") else {
                    continue;
                };
                let (seq, digest) = match entry.split_once(':') {
                    Some((seq, digest)) => (seq, Some(digest.to_owned())),
                    None => (entry, None),
                };
                if let Ok(seq) = seq.parse::<i64>() {
                    erased.insert(seq, digest);
                }
            }
        }
    }
    let mut rows = stmt.query([]).map_err(fail)?;
    let (mut expected, mut prev) = (1i64, GENESIS.to_owned());
    let mut events = 0u64;
    let report = |events, problem| Ok(ChainReport { events, problem });
    while let Some(r) = rows.next().map_err(fail)? {
        let seq: i64 = r.get(0).map_err(fail)?;
        events += 1;
        watch.step(Stage::Verify, events.min(total), total)?;
        if seq != expected {
            return report(
                events,
                Some(ChainProblem::Gap {
                    expected,
                    found: seq,
                }),
            );
        }
        let Some(event) = read_event(r).map_err(fail)? else {
            return report(events, Some(ChainProblem::Tampered { seq }));
        };
        if event.prev_hash != prev {
            return report(events, Some(ChainProblem::BrokenLink { seq }));
        }
        if audit::event_hash(&event) != event.hash {
            return report(events, Some(ChainProblem::Tampered { seq }));
        }
        let has_history: bool = r.get(11).map_err(fail)?;
        let (collection, key): (Option<String>, Option<String>) =
            (r.get(12).map_err(fail)?, r.get(13).map_err(fail)?);
        // The versions are hashed where SQLite holds them: a million events carry over a
        // gigabyte of JSON, and copying it into strings first was a large part of the time.
        let text = |i: usize| match r.get_ref(i) {
            Ok(rusqlite::types::ValueRef::Null) => Some(None),
            Ok(rusqlite::types::ValueRef::Text(b)) => Some(Some(b)),
            _ => None,
        };
        let (Some(before), Some(after)) = (text(14), text(15)) else {
            return report(events, Some(ChainProblem::HistoryTampered { seq }));
        };
        let digest = audit::digest_bytes(before, after);
        let sealed = match erased.get(&seq) {
            Some(None) => (before.is_none() && after.is_none()) || digest == event.digest,
            Some(Some(cut)) => &digest == cut,
            None => digest == event.digest,
        };
        if !has_history
            || collection.as_deref() != Some(event.collection.as_str())
            || key.as_deref() != Some(event.entity.as_str())
            || !sealed
        {
            return report(events, Some(ChainProblem::HistoryTampered { seq }));
        }
        prev = event.hash;
        expected += 1;
    }
    let head: Option<String> = tx
        .query_row(
            "SELECT value FROM store_meta WHERE name = 'chain_seq'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(fail)?;
    let head = head.and_then(|h| h.parse::<i64>().ok()).unwrap_or(0);
    let found = expected - 1;
    if head > found {
        return report(events, Some(ChainProblem::Truncated { head, found }));
    }
    report(events, None)
}

#[cfg(test)]
impl Store {
    pub(crate) fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }
}
