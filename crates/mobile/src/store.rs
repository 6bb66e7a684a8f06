//! The store: a dossier kept in an SQLite file with its history and audit trail
//! (`brobygger-store`), from Kotlin and Swift.
//!
//! Conversion only. The store's records are the store crate's own types, exposed with
//! `uniffi::remote` (the compiler checks each mirror against the type, so they cannot drift).
//! A change is a [`DossierChange`] (declared in the core, beside `Dossier`) the app implements:
//! it gets the latest dossier under the store's write lock, changes it (through a
//! [`DossierHandle`]'s facets) and returns it; the result is stored as one audited transaction,
//! and when it throws, nothing is.

use crate::background::off_thread;
use crate::convert::read;
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::progress::ProgressListener;
use brobygger::{BrobyggerError, DossierChange, NewcomerId, PersonId};
use brobygger_store as store;
use std::sync::Arc;
use std::time::Duration;

pub use brobygger_store::{
    Action, ApplyReport, AuditEvent, ChainProblem, ChainReport, ChangeSet, ChangeSummary, Conflict,
    Durability, EntityChange, Erase, JournalMode, Revision, StoreOptions,
};

/// What happened to an entity.
#[uniffi::remote(Enum)]
pub enum Action {
    Created,
    Updated,
    Deleted,
    Erased,
}

/// One event of the audit trail: who, when, which operation, which entity, which fields (paths,
/// never values), chained to the event before by its hash.
#[uniffi::remote(Record)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub operation: String,
    pub collection: String,
    pub entity: String,
    pub action: Action,
    pub fields: Vec<String>,
    pub digest: String,
    pub prev_hash: String,
    pub hash: String,
}

/// One stored version of an entity (`json` is null after a deletion or once erased).
#[uniffi::remote(Record)]
pub struct Revision {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub operation: String,
    pub action: Action,
    pub json: Option<String>,
}

/// Where and how the audit trail was changed behind the library's back.
#[uniffi::remote(Enum)]
pub enum ChainProblem {
    Gap { expected: i64, found: i64 },
    BrokenLink { seq: i64 },
    Tampered { seq: i64 },
    HistoryTampered { seq: i64 },
    Truncated { head: i64, found: i64 },
}

/// What `verify` found: the events checked and the first problem (null when intact).
#[uniffi::remote(Record)]
pub struct ChainReport {
    pub events: u64,
    pub problem: Option<ChainProblem>,
}

/// What one write changed.
#[uniffi::remote(Record)]
pub struct ChangeSummary {
    pub created: u64,
    pub updated: u64,
    pub deleted: u64,
    pub erasures: u64,
    pub erased: u64,
    pub redacted: u64,
}

/// An entity both copies changed differently; this copy kept its own.
#[uniffi::remote(Record)]
pub struct Conflict {
    pub collection: String,
    pub key: String,
}

/// What applying another copy's changes did.
#[uniffi::remote(Record)]
pub struct ApplyReport {
    pub applied: u64,
    pub unchanged: u64,
    pub conflicts: Vec<Conflict>,
}

/// One entity as it was at `since` and as it is (JSON; null: absent).
#[uniffi::remote(Record)]
pub struct EntityChange {
    pub collection: String,
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The changes a store made after one audit event, up to another.
#[uniffi::remote(Record)]
pub struct ChangeSet {
    pub format: String,
    pub format_version: u32,
    pub since: i64,
    pub until: i64,
    pub changes: Vec<EntityChange>,
}

/// How SQLite keeps a transaction safe: `Wal` (the default) or `Rollback` (files on a network
/// share).
#[uniffi::remote(Enum)]
pub enum JournalMode {
    Wal,
    Rollback,
}

/// When a committed write is on the disk: `Normal` (the default: no `fsync` per write; a power
/// cut may undo the last writes whole, never corrupt the store) or `Full` (every write synced).
#[uniffi::remote(Enum)]
pub enum Durability {
    Normal,
    Full,
}

/// How to open a store: the journal mode, how long a writer waits for another, and when a
/// committed write is on the disk.
#[uniffi::remote(Record)]
pub struct StoreOptions {
    pub journal: JournalMode,
    pub busy_timeout: Duration,
    // No uniffi default: uniffi-bindgen 0.32 refuses a bare default on an enum field ("Invalid
    // literal for enum type: Default"; see the calendar options), so callers name it.
    pub durability: Durability,
}

/// Whose data `erase` erases: a newcomer household or a person who held posts.
#[uniffi::remote(Enum)]
pub enum Erase {
    Newcomer(NewcomerId),
    Person(PersonId),
}

/// A dossier kept in an SQLite file: the current state, every earlier version of every entity
/// and a hash-chained audit trail. Safe to share across threads; every write waits for other
/// writers (threads or processes) first, so no work is lost, and a failing write changes
/// nothing.
#[derive(Debug, uniffi::Object)]
pub struct Store(Arc<store::SharedStore>);

impl Store {
    /// Runs `f` on the store; a call from inside this store's own change is refused
    /// (`store.reentrant`) rather than waiting for itself.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut store::Store) -> Result<T, store::StoreError>,
    ) -> Result<T, BrobyggerError> {
        Ok(self.0.with(f)?)
    }
}

#[uniffi::export]
impl Store {
    /// Opens the store at `path`, creating or migrating it (WAL, 30 s busy timeout). Throws
    /// `UnsupportedVersion` (`store.newer_schema`) for a file of a newer brobygger,
    /// `InvalidInput` for a file that is not a store.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Arc::new(Self(Arc::new(store::SharedStore::new(
            store::Store::open(path)?,
        )))))
    }

    /// Opens the store at `path` with `options`.
    #[uniffi::constructor]
    pub fn open_with(path: String, options: StoreOptions) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Arc::new(Self(Arc::new(store::SharedStore::new(
            store::Store::open_with(path, options)?,
        )))))
    }

    /// The file's path, as given.
    pub fn path(&self) -> Result<String, BrobyggerError> {
        self.with(|s| Ok(s.path().to_owned()))
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<u32, BrobyggerError> {
        self.with(|s| s.schema_version())
    }

    /// Whether the store holds no dossier yet.
    pub fn is_empty(&self) -> Result<bool, BrobyggerError> {
        self.with(|s| s.is_empty())
    }

    /// The dossier as it is now (a copy: change the store with `update`).
    pub fn dossier(&self) -> Result<Arc<DossierHandle>, BrobyggerError> {
        Ok(DossierHandle::wrap(self.with(|s| s.dossier())?))
    }

    /// The dossier as canonical JSON.
    pub fn export_json(&self) -> Result<String, BrobyggerError> {
        self.with(|s| s.export_json())
    }

    /// Puts `dossier` in the store, replacing what it held; every entity that is new, changed
    /// or gone is recorded.
    pub fn import(
        &self,
        dossier: Arc<DossierHandle>,
        actor: String,
        operation: String,
    ) -> Result<ChangeSummary, BrobyggerError> {
        let d = read(dossier.lock())?.clone();
        self.with(|s| s.import(&d, store::Change::new(&actor, &operation)))
    }

    /// Changes the dossier with `change`, all or nothing, on the latest dossier.
    pub fn update(
        &self,
        actor: String,
        operation: String,
        change: Box<dyn DossierChange>,
    ) -> Result<ChangeSummary, BrobyggerError> {
        let ((), summary) = self.0.update(store::Change::new(&actor, &operation), |d| {
            *d = change.change(d.clone())?;
            Ok(())
        })?;
        Ok(summary)
    }

    /// Erases one newcomer household or one person as of `on` (GDPR art. 17): anonymised in
    /// the current dossier with cascade, every earlier version naming them emptied, one
    /// verifiable erasure event.
    pub fn erase(
        &self,
        actor: String,
        operation: String,
        subject: Erase,
        on: NaiveDate,
    ) -> Result<ChangeSummary, BrobyggerError> {
        self.with(|s| s.erase(store::Change::new(&actor, &operation), subject, on))
    }

    /// The audit trail, oldest first.
    pub fn log(&self) -> Result<Vec<AuditEvent>, BrobyggerError> {
        self.with(|s| s.log())
    }

    /// The audit events about one entity (`collection`, e.g. `agreements`, and its id).
    pub fn log_of(
        &self,
        collection: String,
        id: String,
    ) -> Result<Vec<AuditEvent>, BrobyggerError> {
        self.with(|s| s.log_of(&collection, &id))
    }

    /// Every stored version of one entity, oldest first.
    pub fn history(&self, collection: String, id: String) -> Result<Vec<Revision>, BrobyggerError> {
        self.with(|s| s.history(&collection, &id))
    }

    /// The number of the last audit event (0 for a new store).
    pub fn head(&self) -> Result<i64, BrobyggerError> {
        self.with(|s| s.head())
    }

    /// The changes made after audit event `since`, to apply to another copy.
    pub fn changes_since(&self, since: i64) -> Result<ChangeSet, BrobyggerError> {
        self.with(|s| s.changes_since(since))
    }

    /// Applies another copy's changes; conflicts are reported, never resolved silently.
    /// Applying the same changes twice changes nothing.
    pub fn apply(
        &self,
        changes: ChangeSet,
        actor: String,
        operation: String,
    ) -> Result<ApplyReport, BrobyggerError> {
        self.with(|s| s.apply(store::Change::new(&actor, &operation), &changes))
    }

    /// `import` off the caller's thread (Kotlin `suspend`, Swift `async`): a large dossier
    /// takes a while to write, which a `listener` hears (stage `IMPORT`, ADR 0071). The import
    /// is one transaction: it happens whole or not at all, even when the caller stops waiting.
    #[uniffi::method(default(listener = None))]
    pub async fn import_async(
        &self,
        dossier: Arc<DossierHandle>,
        actor: String,
        operation: String,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<ChangeSummary, BrobyggerError> {
        let store = Arc::clone(&self.0);
        off_thread(move |cancel| {
            let d = read(dossier.lock())?.clone();
            let watch = cancel.watch_with(listener);
            Ok(store
                .with(|s| s.import_watched(&d, store::Change::new(&actor, &operation), &watch))?)
        })
        .await
    }

    /// `verify` off the caller's thread (Kotlin `suspend`, Swift `async`): it reads every
    /// audit event, which a `listener` hears (stage `VERIFY`, ADR 0071).
    #[uniffi::method(default(listener = None))]
    pub async fn verify_async(
        &self,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<ChainReport, BrobyggerError> {
        let store = Arc::clone(&self.0);
        off_thread(move |cancel| {
            let watch = cancel.watch_with(listener);
            Ok(store.with(|s| s.verify_watched(&watch))?)
        })
        .await
    }

    /// Checks the whole audit trail; the report names the first problem, if any.
    pub fn verify(&self) -> Result<ChainReport, BrobyggerError> {
        self.with(|s| s.verify())
    }

    /// `verify` as an error: the report when the trail is intact; throws `InvalidInput`
    /// (`store.tampered`) otherwise.
    pub fn verify_intact(&self) -> Result<ChainReport, BrobyggerError> {
        self.with(|s| s.verify_intact())
    }
}
