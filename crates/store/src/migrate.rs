//! The schema and its migrations, numbered by SQLite's `PRAGMA user_version`.
//!
//! Opening a file runs the migrations it lacks, all in one transaction with the new version
//! number: a failed migration leaves the file as it was. A file with a higher version than
//! [`SCHEMA_VERSION`] was written by a newer brobygger and is refused, untouched.
//!
//! The schema uses nothing newer than SQLite 3.40 (Debian 12's Python `sqlite3`), so analysts
//! can open a store with the standard library: plain tables, JSON as text, views.

use crate::error::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// Version 1: the document, its entities, their history and the audit trail.
const V1: &str = r#"
-- The dossier with every collection emptied (one row, id 1): the schema version, the title and
-- every field that is not a list.
CREATE TABLE document (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);

-- The current state: one row per element of each collection of the dossier. `collection` is
-- the list's place in the dossier (`agreements`, `cohorts`, `privacy.consents`, ...), `key` the
-- element's id (or `#position` when it has none), `json` its canonical JSON.
CREATE TABLE entity (
    collection TEXT NOT NULL,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (collection, key)
) WITHOUT ROWID;
CREATE INDEX entity_order ON entity (collection, position);

-- The append-only, hash-chained audit trail: who changed which entity, when, by which
-- operation, and which fields (paths, never values). `digest` seals the history row with the
-- same `seq`; `hash` seals the event and the one before it.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL,
    collection TEXT NOT NULL,
    entity TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'erased')),
    fields TEXT NOT NULL,
    digest TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (collection, entity);

-- Every version of every entity: its JSON before and after the change of the audit event with
-- the same `seq` (NULL before a creation and after a deletion; both NULL once an erasure
-- emptied it, listed by an `erased` audit event).
CREATE TABLE history (
    seq INTEGER PRIMARY KEY REFERENCES audit (seq),
    collection TEXT NOT NULL,
    key TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX history_entity ON history (collection, key);

-- The store's own facts: the chain's head (`chain_seq`, `chain_hash`), written with each event,
-- so removing the last events is noticed too.
CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Views for analysts: one per main collection, the id and the JSON (read fields with
-- json_extract), in the dossier's order.
CREATE VIEW agreements AS
    SELECT key AS id, json FROM entity WHERE collection = 'agreements' ORDER BY position;
CREATE VIEW organisations AS
    SELECT key AS id, json FROM entity WHERE collection = 'organisations' ORDER BY position;
CREATE VIEW municipalities AS
    SELECT key AS id, json FROM entity WHERE collection = 'municipalities' ORDER BY position;
CREATE VIEW people AS
    SELECT key AS id, json FROM entity WHERE collection = 'people' ORDER BY position;
CREATE VIEW posts AS
    SELECT key AS id, json FROM entity WHERE collection = 'posts' ORDER BY position;
CREATE VIEW cohorts AS
    SELECT key AS id, json FROM entity WHERE collection = 'cohorts' ORDER BY position;
CREATE VIEW offers AS
    SELECT key AS id, json FROM entity WHERE collection = 'offers' ORDER BY position;
CREATE VIEW match_runs AS
    SELECT key AS id, json FROM entity WHERE collection = 'match_runs' ORDER BY position;
CREATE VIEW audit_log AS
    SELECT seq, at, actor, operation, collection, entity, action, fields FROM audit ORDER BY seq;
"#;

/// Version 2: a view of the relationships between households and offers (issue 19); their rows
/// were stored since version 1, as every list of the dossier is.
const V2: &str = r#"
CREATE VIEW relationships AS
    SELECT key AS id, json FROM entity WHERE collection = 'relationships' ORDER BY position;
"#;

/// Version 3: newcomers' personal data in a table of its own (ADR 0066). Each household of a
/// cohort is a row of `personal`, collection `cohorts[].newcomers`, keyed `<cohort>/<digest>`;
/// the cohort's row in `entity` keeps the cohort's own fields. Erasing a household touches its
/// rows alone, and an analyst given the file without `personal`'s rows has no household's data.
/// The households of a version-2 file move when it is opened ([`RELAYOUT_FROM`]), as an audited
/// write by the operation `migrate`.
const V3: &str = r#"
CREATE TABLE personal (
    collection TEXT NOT NULL,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (collection, key)
) WITHOUT ROWID;
CREATE INDEX personal_order ON personal (collection, position);
CREATE VIEW newcomers AS
    SELECT substr(key, 1, instr(key, '/') - 1) AS cohort, json_extract(json, '$.id') AS id, json
    FROM personal WHERE collection = 'cohorts[].newcomers' ORDER BY cohort, position;
"#;

/// Every migration, in order: `MIGRATIONS[n]` takes a file from version `n` to `n + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this library writes.
pub const SCHEMA_VERSION: u32 = 3;

/// A file migrated from a version below this one has its households moved to `personal`.
pub(crate) const RELAYOUT_FROM: u32 = 3;

/// The file's schema version (0 for a new file), refusing a file that is not a store.
pub(crate) fn version(conn: &Connection, path: &str) -> Result<u32, StoreError> {
    let v: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::sqlite(path, &e))?;
    if v == 0 {
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| StoreError::sqlite(path, &e))?;
        if tables > 0 {
            return Err(StoreError::Foreign { path: path.into() });
        }
    }
    Ok(v)
}

/// Brings the file up to `migrations.len()`, all or nothing.
/// Returns the version the file had (the target when there was nothing to do).
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &str,
    migrations: &[&str],
) -> Result<u32, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::sqlite(path, &e);
    let target = u32::try_from(migrations.len()).unwrap_or(u32::MAX);
    let newer = |found| StoreError::NewerSchema {
        path: path.into(),
        found,
        supported: target,
    };
    match version(conn, path)? {
        found if found == target => return Ok(found),
        found if found > target => return Err(newer(found)),
        _ => {}
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(fail)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let found = version(&tx, path)?;
    if found > target {
        return Err(newer(found));
    }
    for sql in migrations.iter().skip(found as usize) {
        tx.execute_batch(sql).map_err(fail)?;
    }
    tx.pragma_update(None, "user_version", target)
        .map_err(fail)?;
    tx.commit().map_err(fail)?;
    Ok(found)
}
