//! An embedded SQLite store for brobygger dossiers: the current state, every earlier version of
//! every entity, and an append-only, hash-chained audit trail of who changed what and when.
//!
//! ```
//! use brobygger::Dossier;
//! use brobygger_store::{Change, Store};
//!
//! # let dir = std::env::temp_dir().join(format!("store-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("ikast.db");
//! let mut store = Store::open(&path)?;
//! let dossier = Dossier::example("ikast-brande")?;
//! store.import(&dossier, Change::new("coordinator-1", "import"))?;
//!
//! // Every write is one audited transaction; a failing operation changes nothing.
//! store.update(Change::new("coordinator-1", "rename"), |d| {
//!     d.title = "Ikast-Brande (2016)".into();
//!     Ok(())
//! })?;
//! assert_eq!(store.dossier()?.title, "Ikast-Brande (2016)");
//! assert!(store.verify()?.is_intact());
//! let last = store.log()?.pop().unwrap();
//! assert_eq!((last.operation.as_str(), last.fields.as_slice()), ("rename", &["title".to_string()][..]));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Store`]: open (creating or migrating the file), import, export, update, log, history,
//!   verify, erase (GDPR art. 17: the person anonymised with cascade, their earlier versions
//!   emptied, one verifiable erasure event).
//! - The schema ([`SCHEMA_VERSION`], `PRAGMA user_version`) is documented table by table in
//!   `migrate.rs` and in the guide; an analyst reads it with any SQLite 3.40 or newer.
//! - [`StoreError`]: typed errors with stable codes (`store.*`); none quotes a stored value.
//!
//! Why its own crate: SQLite is compiled from C (`rusqlite`'s `bundled` feature, the same engine
//! on every platform); Rust services that only use the JSON model do not pay for it.
//!
//! - Two copies of one partnership (the municipality's and the association's):
//!   [`Store::changes_since`] gives a [`ChangeSet`], [`Store::apply`] applies it to the other
//!   copy, reporting conflicts and never resolving them silently.
//!
//! Python (`brobygger.Store`, crates/py) and Kotlin/Swift (`Store`, crates/mobile) wrap this
//! API by the same names; a change from Kotlin is the core's `DossierChange` callback (ADR 0036).

#![deny(missing_docs)]

mod audit;
mod changes;
mod error;
mod layout;
mod migrate;
mod schema;
mod shared;
mod store;
mod tables;

pub use audit::{Action, AuditEvent, ChainProblem, ChainReport};
pub use changes::{
    ApplyReport, CHANGES_FORMAT, CHANGES_VERSION, ChangeSet, Conflict, EntityChange,
};
pub use error::StoreError;
pub use migrate::SCHEMA_VERSION;
pub use schema::{results_schema, results_schema_json};
pub use shared::SharedStore;
pub use store::{
    Change, ChangeSummary, Durability, Erase, JournalMode, Revision, Store, StoreOptions,
};
pub use tables::{history_table, log_table};

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "brobygger-store-unit-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_migration_changes_nothing() {
        let dir = scratch("migration");
        let path = dir.join("s.db");
        drop(Store::open(&path).unwrap());
        let before = std::fs::read(&path).unwrap();
        let mut broken = migrate::MIGRATIONS.to_vec();
        broken.push("CREATE TABLE added (x); INSERT INTO no_such_table VALUES (1);");
        let e = Store::open_migrating(&path, StoreOptions::default(), &broken).unwrap_err();
        assert_eq!(e.code(), "store.sqlite");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let tables: i64 = store
            .conn_for_tests()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'added'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
        drop(store);
        // The main file's pages are as they were (the WAL was checkpointed on close).
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // A second migration applies on top, in one go.
        let mut next = migrate::MIGRATIONS.to_vec();
        next.push("CREATE TABLE added (x INTEGER);");
        let store = Store::open_migrating(&path, StoreOptions::default(), &next).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION + 1);
        drop(store);
        let e = Store::open(&path).unwrap_err();
        assert_eq!(e.code(), "store.newer_schema");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// ADR 0055: a WAL store syncs at checkpoints by default, every commit when asked; a
    /// rollback-journal store always syncs every commit (NORMAL there could corrupt it).
    #[test]
    fn durability_sets_when_commits_are_synced() {
        let dir = scratch("durability");
        let synchronous = |name: &str, options: StoreOptions| -> i64 {
            let store = Store::open_with(dir.join(name), options).unwrap();
            store
                .conn_for_tests()
                .query_row("PRAGMA synchronous", [], |r| r.get(0))
                .unwrap()
        };
        let (normal, full) = (1, 2);
        assert_eq!(synchronous("wal.db", StoreOptions::default()), normal);
        assert_eq!(
            synchronous(
                "wal-full.db",
                StoreOptions::default().durability(Durability::Full)
            ),
            full
        );
        for durability in [Durability::Normal, Durability::Full] {
            let options = StoreOptions::default()
                .journal(JournalMode::Rollback)
                .durability(durability);
            assert_eq!(synchronous("rollback.db", options), full);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// ADR 0066: a version-2 store's households move into the personal table when it is
    /// opened, as one audited `migrate` write; the dossier reads the same, the chain stays
    /// intact, and opening it again writes nothing.
    #[test]
    fn a_version_2_store_moves_its_households_into_the_personal_table() {
        let dir = scratch("v2-personal");
        let path = dir.join("s.db");
        let dossier = brobygger::Example::IkastBrande.dossier().unwrap();
        let households: usize = dossier.cohorts.iter().map(|c| c.newcomers.len()).sum();
        let with_households = dossier
            .cohorts
            .iter()
            .filter(|c| !c.newcomers.is_empty())
            .count();
        assert!(households > 0);
        let mut store =
            Store::open_migrating(&path, StoreOptions::default(), &migrate::MIGRATIONS[..2])
                .unwrap();
        store
            .import(&dossier, Change::new("test", "import"))
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let count = |sql: &str| -> i64 {
            store
                .conn_for_tests()
                .query_row(sql, [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count("SELECT count(*) FROM newcomers") as usize, households);
        assert_eq!(
            count(
                "SELECT count(*) FROM entity WHERE instr(json, '\"newcomers\":[{') > 0 \
                 OR collection LIKE '%newcomers%'"
            ),
            0,
            "no household is left in a cohort's row"
        );
        assert_eq!(store.export_json().unwrap(), dossier.to_json().unwrap());
        assert!(store.verify().unwrap().is_intact());
        let moved = store
            .log()
            .unwrap()
            .iter()
            .filter(|e| e.operation == "migrate" && e.actor == "brobygger")
            .count();
        assert_eq!(moved, households + with_households);
        let head = store.head().unwrap();
        drop(store);
        assert_eq!(Store::open(&path).unwrap().head().unwrap(), head);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A store of version 1 (before the relationships view) opens, migrates to the current
    /// version, and its stored relationships are read through the new view.
    #[test]
    fn a_version_1_store_gains_the_relationships_view() {
        let dir = scratch("v1-relationships");
        let path = dir.join("s.db");
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/matching/ikast-relationships.dossier.json"),
        )
        .unwrap();
        let dossier = brobygger::Dossier::from_json(&text).unwrap();
        let mut store =
            Store::open_migrating(&path, StoreOptions::default(), &migrate::MIGRATIONS[..1])
                .unwrap();
        store
            .import(&dossier, Change::new("test", "import"))
            .unwrap();
        assert_eq!(store.schema_version().unwrap(), 1);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let ids: Vec<String> = store
            .conn_for_tests()
            .prepare("SELECT id FROM relationships")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let expected: Vec<String> = dossier
            .relationships
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(
            store.dossier().unwrap().relationships,
            dossier.relationships
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
