//! Two copies, one partnership: the changes one store made since a point, as a file, and
//! applying them to another copy.
//!
//! A change names an entity (collection and id) with its JSON before and after. Applying one to
//! a copy:
//! - where the copy holds the `after` already, nothing happens (so applying twice changes
//!   nothing);
//! - where it holds the `before` (the two copies agreed), the entity becomes the `after`;
//! - anywhere else both copies changed it differently: a conflict, reported with the entity's
//!   collection and id and never resolved silently; the copy keeps its own version.
//!
//! Everything that applies is one audited write.

use crate::error::StoreError;
use serde::{Deserialize, Serialize};

/// What a change file says it is, and its version.
pub const CHANGES_FORMAT: &str = "brobygger-changes";
/// The version of the change file format this library writes and reads.
pub const CHANGES_VERSION: u32 = 2;

/// The changes a store made after one audit event, up to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeSet {
    /// Always [`CHANGES_FORMAT`].
    pub format: String,
    /// The file format's version ([`CHANGES_VERSION`]).
    pub format_version: u32,
    /// The changes made after this audit event (its `seq`) ...
    pub since: i64,
    /// ... up to and including this one. Export `--since` this next time.
    pub until: i64,
    /// One per entity that differs, in the order of the log.
    pub changes: Vec<EntityChange>,
}

impl ChangeSet {
    /// Reads a change file (JSON, as [`ChangeSet::to_json`] writes it). The error names the
    /// line and column, never the content (it holds personal data).
    pub fn from_json(json: &str) -> Result<Self, StoreError> {
        serde_json::from_str(json).map_err(|e| StoreError::ChangeFile {
            line: u32::try_from(e.line()).unwrap_or(u32::MAX),
            column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        })
    }

    /// The change file as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> Result<String, StoreError> {
        let mut s = serde_json::to_string_pretty(self).map_err(|e| {
            StoreError::Dossier(brobygger::BrobyggerError::Internal {
                code: brobygger::StoreCode::ChangesSerialize.into(),
                reason: e.to_string(),
            })
        })?;
        s.push('\n');
        Ok(s)
    }
}

/// One entity as it was and as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityChange {
    /// The collection (`agreements`, `privacy.consents`, ...; `dossier` for the document's own
    /// fields).
    pub collection: String,
    /// The entity's id.
    pub key: String,
    /// Its JSON at `since` (absent: it did not exist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Its JSON at `until` (absent: it was removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// What applying a change set did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
pub struct ApplyReport {
    /// Entities changed in this copy.
    pub applied: u64,
    /// Entities this copy already held as the change set has them.
    pub unchanged: u64,
    /// Entities both copies changed differently; this copy kept its own.
    pub conflicts: Vec<Conflict>,
}

/// An entity both copies changed differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Conflict {
    /// The collection.
    pub collection: String,
    /// The entity's id.
    pub key: String,
}
