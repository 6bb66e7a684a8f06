//! The audit trail: an append-only, hash-chained log of every change made through the library.
//!
//! Each event names who, when, which operation, which entity and which fields changed (paths,
//! never values), and carries the digest of the entity's stored before/after (in `history`)
//! and the hash of the event before it. Editing, deleting or reordering events, or editing a
//! history row, behind the library's back breaks the chain, and [`crate::Store::verify`] says
//! where.

use brobygger::Lang;
use sha2::{Digest, Sha256};

/// The hash the first event chains to.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// It was added.
    Created,
    /// Some of its fields changed.
    Updated,
    /// It was removed.
    Deleted,
    /// Earlier versions naming an erased person were emptied (GDPR art. 17); the event lists
    /// them (`history.<seq>`), so the chain stays verifiable without them.
    Erased,
}

impl Action {
    /// The word stored in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Deleted => "deleted",
            Action::Erased => "erased",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "created" => Some(Action::Created),
            "updated" => Some(Action::Updated),
            "deleted" => Some(Action::Deleted),
            "erased" => Some(Action::Erased),
            _ => None,
        }
    }
}

/// One event of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct AuditEvent {
    /// Its place in the chain, from 1, without gaps.
    pub seq: i64,
    /// When (UTC, RFC 3339 with milliseconds).
    pub at: String,
    /// Who made the change (a user or service name given to the store).
    pub actor: String,
    /// The operation, e.g. `import`, `match`, `erase`.
    pub operation: String,
    /// The collection, e.g. `agreements`, `privacy.consents`; `dossier` for the document's own
    /// fields (title, schema version).
    pub collection: String,
    /// The entity's id (or `#position` for entities without one).
    pub entity: String,
    /// What happened.
    pub action: Action,
    /// The paths of the fields that changed (names and positions only, never values).
    pub fields: Vec<String>,
    /// SHA-256 of the entity's stored before and after (hex).
    pub digest: String,
    /// The hash of the event before (hex; zeros for the first).
    pub prev_hash: String,
    /// This event's hash (hex).
    pub hash: String,
}

/// SHA-256 of a history row's before and after, as hex.
pub(crate) fn digest(before: Option<&str>, after: Option<&str>) -> String {
    digest_bytes(before.map(str::as_bytes), after.map(str::as_bytes))
}

/// [`digest`] over the stored bytes as SQLite hands them out, without copying them.
pub(crate) fn digest_bytes(before: Option<&[u8]>, after: Option<&[u8]>) -> String {
    let mut h = Sha256::new();
    for part in [before, after] {
        match part {
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_be_bytes());
                h.update(s);
            }
            None => h.update([0u8]),
        }
    }
    hex(&h.finalize())
}

/// The hash of an event: every field but the hash itself, length-prefixed so no two events
/// hash alike by moving text between fields.
pub(crate) fn event_hash(e: &AuditEvent) -> String {
    let mut h = Sha256::new();
    h.update(e.seq.to_be_bytes());
    let fields = serde_json::to_string(&e.fields).unwrap_or_default();
    for part in [
        e.at.as_str(),
        &e.actor,
        &e.operation,
        &e.collection,
        &e.entity,
        e.action.as_str(),
        &fields,
        &e.digest,
        &e.prev_hash,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// What [`crate::Store::verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct ChainReport {
    /// The number of events checked.
    pub events: u64,
    /// The first problem, if any: the chain is intact when this is `None`.
    pub problem: Option<ChainProblem>,
}

impl ChainReport {
    /// Whether the chain is intact.
    pub fn is_intact(&self) -> bool {
        self.problem.is_none()
    }

    /// The report when the chain is intact; a [`StoreError::Tampered`](crate::StoreError) for
    /// the store at `path` otherwise.
    pub fn intact(self, path: &str) -> Result<Self, crate::StoreError> {
        match self.problem {
            None => Ok(self),
            Some(problem) => Err(crate::StoreError::Tampered {
                path: path.to_owned(),
                problem,
            }),
        }
    }
}

/// Where and how the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChainProblem {
    /// An event was removed or the events were reordered: `expected` is the sequence number that
    /// should come next, `found` the one that did.
    Gap {
        /// The expected sequence number.
        expected: i64,
        /// The one found.
        found: i64,
    },
    /// The event does not chain to the one before it (an event before it was edited or removed).
    BrokenLink {
        /// The event.
        seq: i64,
    },
    /// The event's contents do not match its hash (it was edited).
    Tampered {
        /// The event.
        seq: i64,
    },
    /// The stored before/after of the event's change does not match its digest.
    HistoryTampered {
        /// The event.
        seq: i64,
    },
    /// The last events were removed: the chain ends before the head the store recorded.
    Truncated {
        /// The last sequence number the store recorded.
        head: i64,
        /// The last one found.
        found: i64,
    },
}

impl ChainProblem {
    /// The problem in words, in Danish or English.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ChainProblem::Gap { expected, found }, Lang::Da) => {
                format!("hændelse {expected} mangler (hændelse {found} står på dens plads)")
            }
            (ChainProblem::Gap { expected, found }, Lang::En) => {
                format!("event {expected} is missing (event {found} is in its place)")
            }
            (ChainProblem::BrokenLink { seq }, Lang::Da) => {
                format!("hændelse {seq} hænger ikke sammen med hændelsen før")
            }
            (ChainProblem::BrokenLink { seq }, Lang::En) => {
                format!("event {seq} does not chain to the event before it")
            }
            (ChainProblem::Tampered { seq }, Lang::Da) => {
                format!("hændelse {seq} er blevet ændret")
            }
            (ChainProblem::Tampered { seq }, Lang::En) => format!("event {seq} was changed"),
            (ChainProblem::HistoryTampered { seq }, Lang::Da) => {
                format!("den gemte ændring i hændelse {seq} er blevet ændret")
            }
            (ChainProblem::HistoryTampered { seq }, Lang::En) => {
                format!("the stored change of event {seq} was altered")
            }
            (ChainProblem::Truncated { head, found }, Lang::Da) => {
                format!("hændelse {} til {head} er slettet", found + 1)
            }
            (ChainProblem::Truncated { head, found }, Lang::En) => {
                format!("events {} to {head} were removed", found + 1)
            }
        }
    }
}

impl std::fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
