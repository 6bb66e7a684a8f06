//! The store's errors: one variant per thing a caller can act on, each with a stable code.
//!
//! Messages carry the file's path and SQLite's result code, never a stored value: the store
//! holds newcomers' personal data, and SQLite's own messages can quote it.

use brobygger::{BrobyggerError, ErrorCode, StoreCode};
use rusqlite::ErrorCode as SqliteCode;

/// Why a store could not be opened, read or written. After any of these, the store holds what
/// it held before the failed operation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a newer brobygger (its schema version is higher than this
    /// library knows); it is left untouched.
    #[error("{path}: the store has schema version {found}; this brobygger reads up to {supported}")]
    NewerSchema {
        /// The file.
        path: String,
        /// The schema version in the file.
        found: u32,
        /// The highest version this library reads.
        supported: u32,
    },
    /// The file is not an SQLite database (or is encrypted).
    #[error("{path}: not a brobygger store (not an SQLite database)")]
    NotADatabase {
        /// The file.
        path: String,
    },
    /// The file is an SQLite database, but damaged or truncated.
    #[error("{path}: the store is damaged (corrupt or truncated)")]
    Corrupt {
        /// The file.
        path: String,
    },
    /// An SQLite database that is not a brobygger store (tables of another program).
    #[error("{path}: an SQLite database, but not a brobygger store")]
    Foreign {
        /// The file.
        path: String,
    },
    /// The file or its folder is read-only.
    #[error("{path}: the store is read-only")]
    ReadOnly {
        /// The file.
        path: String,
    },
    /// The disk or a quota is full; the change was not made.
    #[error("{path}: no space left; the change was not made")]
    StorageFull {
        /// The file.
        path: String,
    },
    /// The operating system refused a write (a file-size limit, or a failing disk); the change
    /// was not made.
    #[error(
        "{path}: the disk refused the write (a size limit or a failing disk); the change was not made"
    )]
    WriteFailed {
        /// The file.
        path: String,
    },
    /// Another process held the store for longer than the busy timeout.
    #[error("{path}: the store stayed busy (another writer) past the timeout")]
    Busy {
        /// The file.
        path: String,
    },
    /// The file cannot be opened (a missing folder, no permission).
    #[error("{path}: cannot open the store ({reason})")]
    CannotOpen {
        /// The file.
        path: String,
        /// SQLite's result code.
        reason: String,
    },
    /// A change file that cannot be read (not JSON, or not a change file).
    #[error("not a change file (line {line}, column {column})")]
    ChangeFile {
        /// 1-based line.
        line: u32,
        /// 1-based column.
        column: u32,
    },
    /// The store holds no dossier yet (`import` one first).
    #[error("{path}: the store holds no dossier yet")]
    Empty {
        /// The file.
        path: String,
    },
    /// The audit trail was changed behind the library's back ([`crate::Store::verify_intact`]).
    #[error("{path}: the audit trail was changed behind the library's back: {problem}")]
    Tampered {
        /// The file.
        path: String,
        /// The first problem found.
        problem: crate::ChainProblem,
    },
    /// A call on the store from inside one of its own changes ([`crate::SharedStore::update`]):
    /// it would wait for itself forever.
    #[error("the store cannot be used from inside one of its own changes")]
    Reentrant,
    /// The store was closed ([`crate::SharedStore::close`]).
    #[error("the store is closed")]
    Closed,
    /// The operation on the dossier failed (validation, a missing id, ...); nothing was stored.
    #[error(transparent)]
    Dossier(#[from] BrobyggerError),
    /// Any other failure of SQLite.
    #[error("{path}: SQLite failed ({reason})")]
    Sqlite {
        /// The file.
        path: String,
        /// SQLite's result code, never its message (which may quote a value).
        reason: String,
    },
}

impl StoreError {
    /// The stable machine code: a [`StoreCode`] in the core's registry, or the code of the
    /// dossier's own error.
    pub fn code(&self) -> ErrorCode {
        let code = match self {
            StoreError::Dossier(e) => return e.error_code(),
            StoreError::NewerSchema { .. } => StoreCode::NewerSchema,
            StoreError::NotADatabase { .. } => StoreCode::NotADatabase,
            StoreError::Corrupt { .. } => StoreCode::Corrupt,
            StoreError::Foreign { .. } => StoreCode::Foreign,
            StoreError::ReadOnly { .. } => StoreCode::ReadOnly,
            StoreError::StorageFull { .. } => StoreCode::StorageFull,
            StoreError::WriteFailed { .. } => StoreCode::WriteFailed,
            StoreError::Busy { .. } => StoreCode::Busy,
            StoreError::CannotOpen { .. } => StoreCode::CannotOpen,
            StoreError::ChangeFile { .. } => StoreCode::ChangesSyntax,
            StoreError::Empty { .. } => StoreCode::Empty,
            StoreError::Tampered { .. } => StoreCode::Tampered,
            StoreError::Sqlite { .. } => StoreCode::Sqlite,
            StoreError::Reentrant => StoreCode::Reentrant,
            StoreError::Closed => StoreCode::Closed,
        };
        code.into()
    }

    /// The error for an SQLite failure on the store at `path`.
    pub(crate) fn sqlite(path: &str, e: &rusqlite::Error) -> Self {
        let path = path.to_owned();
        match e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                SqliteCode::NotADatabase => StoreError::NotADatabase { path },
                SqliteCode::DatabaseCorrupt => StoreError::Corrupt { path },
                SqliteCode::ReadOnly => StoreError::ReadOnly { path },
                SqliteCode::DiskFull | SqliteCode::TooBig => StoreError::StorageFull { path },
                SqliteCode::DatabaseBusy | SqliteCode::DatabaseLocked => StoreError::Busy { path },
                // SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE.
                SqliteCode::SystemIoFailure if [778, 1034, 1546].contains(&f.extended_code) => {
                    StoreError::WriteFailed { path }
                }
                SqliteCode::CannotOpen | SqliteCode::PermissionDenied => StoreError::CannotOpen {
                    path,
                    reason: format!("{:?}", f.code),
                },
                code => StoreError::Sqlite {
                    path,
                    reason: format!("{code:?} ({})", f.extended_code),
                },
            },
            other => StoreError::Sqlite {
                path,
                reason: kind(other).to_owned(),
            },
        }
    }
}

/// The kind of a non-SQLite rusqlite error, without its text (which may hold a value).
fn kind(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::QueryReturnedNoRows => "no row",
        rusqlite::Error::InvalidColumnType(..) => "unexpected column type",
        rusqlite::Error::FromSqlConversionFailure(..) => "unreadable value",
        rusqlite::Error::IntegralValueOutOfRange(..) => "number out of range",
        rusqlite::Error::Utf8Error(..) => "text is not UTF-8",
        _ => "rusqlite error",
    }
}

impl From<StoreError> for BrobyggerError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Dossier(e) => e,
            StoreError::NewerSchema {
                found, supported, ..
            } => BrobyggerError::UnsupportedVersion {
                code: StoreCode::NewerSchema.into(),
                found: Some(found),
                supported,
            },
            StoreError::ChangeFile { line, column } => BrobyggerError::Parse {
                code: StoreCode::ChangesSyntax.into(),
                path: String::new(),
                line,
                column,
                reason: "not a change file".into(),
            },
            other => BrobyggerError::InvalidInput {
                code: other.code(),
                path: path_of(&other).to_owned(),
                reason: reason_of(&other),
            },
        }
    }
}

/// The message without the path in front (the boundary error carries the path beside it).
fn reason_of(e: &StoreError) -> String {
    let text = e.to_string();
    let path = path_of(e);
    text.strip_prefix(path)
        .and_then(|t| t.strip_prefix(": "))
        .map_or(text.clone(), str::to_owned)
}

fn path_of(e: &StoreError) -> &str {
    match e {
        StoreError::NewerSchema { path, .. }
        | StoreError::NotADatabase { path }
        | StoreError::Corrupt { path }
        | StoreError::Foreign { path }
        | StoreError::ReadOnly { path }
        | StoreError::StorageFull { path }
        | StoreError::WriteFailed { path }
        | StoreError::Busy { path }
        | StoreError::CannotOpen { path, .. }
        | StoreError::Empty { path }
        | StoreError::Tampered { path, .. }
        | StoreError::Sqlite { path, .. } => path,
        StoreError::Reentrant | StoreError::Closed => "store",
        StoreError::Dossier(_) | StoreError::ChangeFile { .. } => "",
    }
}
