//! Errors: rich enums per concern inside the crate, one small [`BrobyggerError`] at the boundary.
//!
//! Each concern ([`LoadError`], [`LifecycleError`], [`HandoverError`]) has variants with a stable
//! machine `code()`. They convert into [`BrobyggerError`], whose variants are what a caller can
//! act on; it is the error the Python and mobile bindings expose. Messages carry ids, paths and
//! codes only, never personal data.

use crate::agreement::AgreementStatus;
use crate::finding::Finding;
use crate::i18n::Label;

/// The error every public operation of the library returns at the boundary.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum BrobyggerError {
    /// The input could not be read: bad JSON, TOML or CSV, or a field of the wrong type.
    #[error("{code}: cannot read input at {} (line {line}, column {column}): {reason}", if path.is_empty() { "(root)" } else { path.as_str() })]
    Parse {
        /// Stable code, e.g. `load.syntax`.
        code: String,
        /// Path to the field, as far as the reader got.
        path: String,
        /// 1-based line, 0 if unknown.
        line: u32,
        /// 1-based column, 0 if unknown.
        column: u32,
        /// What is wrong (no input values are quoted).
        reason: String,
    },
    /// The document's schema version is missing, too old or newer than this library.
    #[error("{code}: schema version {} is not supported (this library reads {supported})", found.map_or_else(|| "missing".to_owned(), |v| v.to_string()))]
    UnsupportedVersion {
        /// Stable code, e.g. `load.newer_schema_version`.
        code: String,
        /// The version found, if any.
        found: Option<u32>,
        /// The version this library reads and writes.
        supported: u32,
    },
    /// The data was read but is not valid; every finding is attached.
    #[error("{code}: {} problem(s), first: {}", findings.len(), findings.first().map(|f| f.render(crate::Lang::En)).unwrap_or_default())]
    Validation {
        /// Stable code, e.g. `validation.failed`.
        code: String,
        /// All findings, errors first.
        findings: Vec<Finding>,
    },
    /// Something referred to does not exist.
    #[error("{code}: no {entity} with id {id}")]
    NotFound {
        /// Stable code, e.g. `not_found.agreement`.
        code: String,
        /// What kind of thing, e.g. `agreement`.
        entity: String,
        /// The id asked for.
        id: String,
    },
    /// A status change that is not allowed now: not an edge of the lifecycle, or blocked by
    /// rules (the findings say which).
    #[error("{code}: cannot move from {from:?} to {to:?}")]
    InvalidTransition {
        /// Stable code, e.g. `lifecycle.blocked`.
        code: String,
        /// The current status.
        from: AgreementStatus,
        /// The status asked for.
        to: AgreementStatus,
        /// The blocking findings, if rules blocked it.
        findings: Vec<Finding>,
    },
    /// An argument is not acceptable (empty reason, same person twice, ...).
    #[error("{code}: invalid input at {path}: {reason}")]
    InvalidInput {
        /// Stable code.
        code: String,
        /// The argument or field.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A problem has no solution under its hard constraints.
    #[error("{code}: no solution: {reason}")]
    Infeasible {
        /// Stable code.
        code: String,
        /// Why.
        reason: String,
    },
    /// A bug in the library; please report it.
    #[error("{code}: internal error: {reason}")]
    Internal {
        /// Stable code.
        code: String,
        /// What went wrong.
        reason: String,
    },
}

impl BrobyggerError {
    /// The stable machine code of the error.
    pub fn code(&self) -> &str {
        match self {
            BrobyggerError::Parse { code, .. }
            | BrobyggerError::UnsupportedVersion { code, .. }
            | BrobyggerError::Validation { code, .. }
            | BrobyggerError::NotFound { code, .. }
            | BrobyggerError::InvalidTransition { code, .. }
            | BrobyggerError::InvalidInput { code, .. }
            | BrobyggerError::Infeasible { code, .. }
            | BrobyggerError::Internal { code, .. } => code,
        }
    }

    /// The findings attached, if any.
    pub fn findings(&self) -> &[Finding] {
        match self {
            BrobyggerError::Validation { findings, .. }
            | BrobyggerError::InvalidTransition { findings, .. } => findings,
            _ => &[],
        }
    }

    /// A not-found error for `entity` with `id`.
    pub fn not_found(entity: &str, id: impl std::fmt::Display) -> Self {
        BrobyggerError::NotFound {
            code: format!("not_found.{entity}"),
            entity: entity.to_owned(),
            id: id.to_string(),
        }
    }

    /// An invalid-input error.
    pub fn invalid_input(code: &str, path: &str, reason: impl Into<String>) -> Self {
        BrobyggerError::InvalidInput {
            code: code.to_owned(),
            path: path.to_owned(),
            reason: reason.into(),
        }
    }

    /// A validation error carrying `findings`.
    pub fn validation(findings: Vec<Finding>) -> Self {
        BrobyggerError::Validation {
            code: "validation.failed".to_owned(),
            findings,
        }
    }
}

/// Why a document could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Not well-formed JSON, or a field of the wrong shape.
    #[error("cannot read {path} at line {line}, column {column}: {reason}")]
    Syntax {
        /// Path to the field, as far as the reader got.
        path: String,
        /// 1-based line.
        line: u32,
        /// 1-based column.
        column: u32,
        /// What is wrong, with input values redacted.
        reason: String,
    },
    /// The document has no `schema_version`.
    #[error("the document has no schema_version")]
    MissingSchemaVersion,
    /// The document was written by a newer version of the library.
    #[error("schema version {found} is newer than {supported}")]
    NewerSchemaVersion {
        /// Found.
        found: u32,
        /// Supported.
        supported: u32,
    },
    /// The document's schema version is not one this library knows.
    #[error("schema version {found} is unknown (supported: {supported})")]
    UnknownSchemaVersion {
        /// Found.
        found: u32,
        /// Supported.
        supported: u32,
    },
    /// Reading or writing the file failed.
    #[error("cannot access {path}: {reason}")]
    Io {
        /// The file path.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
}

impl LoadError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Syntax { .. } => "load.syntax",
            LoadError::MissingSchemaVersion => "load.missing_schema_version",
            LoadError::NewerSchemaVersion { .. } => "load.newer_schema_version",
            LoadError::UnknownSchemaVersion { .. } => "load.unknown_schema_version",
            LoadError::Io { .. } => "load.io",
        }
    }
}

impl From<LoadError> for BrobyggerError {
    fn from(e: LoadError) -> Self {
        let code = e.code().to_owned();
        match e {
            LoadError::Syntax {
                path,
                line,
                column,
                reason,
            } => BrobyggerError::Parse {
                code,
                path,
                line,
                column,
                reason,
            },
            LoadError::MissingSchemaVersion => BrobyggerError::UnsupportedVersion {
                code,
                found: None,
                supported: crate::dossier::SCHEMA_VERSION,
            },
            LoadError::NewerSchemaVersion { found, supported }
            | LoadError::UnknownSchemaVersion { found, supported } => {
                BrobyggerError::UnsupportedVersion {
                    code,
                    found: Some(found),
                    supported,
                }
            }
            LoadError::Io { path, reason } => BrobyggerError::InvalidInput { code, path, reason },
        }
    }
}

/// Why an agreement operation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LifecycleError {
    /// No agreement with that id.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    /// No person with that id in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// Not an edge of the lifecycle.
    #[error("{} → {} is not a step of the lifecycle", from.label(crate::Lang::En), to.label(crate::Lang::En))]
    NotAnEdge {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
    },
    /// Rules block the transition; an override with a reason can let it through.
    #[error("{} → {} is blocked by {} finding(s)", from.label(crate::Lang::En), to.label(crate::Lang::En), findings.len())]
    Blocked {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
        /// The blocking findings.
        findings: Vec<Finding>,
    },
    /// An override needs a non-empty reason.
    #[error("an override needs a reason")]
    EmptyOverrideReason,
    /// An ended agreement cannot be amended.
    #[error("an agreement in status {0:?} cannot be amended")]
    NotAmendable(AgreementStatus),
    /// The amended terms are not valid.
    #[error("the amended terms have {} error(s)", .0.len())]
    InvalidTerms(Vec<Finding>),
    /// An amendment needs a non-empty reason.
    #[error("an amendment needs a reason")]
    EmptyAmendmentReason,
}

impl LifecycleError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleError::UnknownAgreement(_) => "not_found.agreement",
            LifecycleError::UnknownPerson(_) => "not_found.person",
            LifecycleError::NotAnEdge { .. } => "lifecycle.not_an_edge",
            LifecycleError::Blocked { .. } => "lifecycle.blocked",
            LifecycleError::EmptyOverrideReason => "lifecycle.empty_override_reason",
            LifecycleError::NotAmendable(_) => "lifecycle.not_amendable",
            LifecycleError::InvalidTerms(_) => "lifecycle.invalid_terms",
            LifecycleError::EmptyAmendmentReason => "lifecycle.empty_amendment_reason",
        }
    }
}

impl From<LifecycleError> for BrobyggerError {
    fn from(e: LifecycleError) -> Self {
        let code = e.code().to_owned();
        match e {
            LifecycleError::UnknownAgreement(id) => BrobyggerError::NotFound {
                code,
                entity: "agreement".into(),
                id,
            },
            LifecycleError::UnknownPerson(id) => BrobyggerError::NotFound {
                code,
                entity: "person".into(),
                id,
            },
            LifecycleError::NotAnEdge { from, to } => BrobyggerError::InvalidTransition {
                code,
                from,
                to,
                findings: Vec::new(),
            },
            LifecycleError::Blocked { from, to, findings } => BrobyggerError::InvalidTransition {
                code,
                from,
                to,
                findings,
            },
            LifecycleError::EmptyOverrideReason => BrobyggerError::InvalidInput {
                code,
                path: "override_reason".into(),
                reason: "an override needs a non-empty reason".into(),
            },
            LifecycleError::EmptyAmendmentReason => BrobyggerError::InvalidInput {
                code,
                path: "amendment.reason".into(),
                reason: "an amendment needs a non-empty reason".into(),
            },
            LifecycleError::NotAmendable(status) => BrobyggerError::InvalidInput {
                code,
                path: "status".into(),
                reason: format!(
                    "an agreement that is {} cannot be amended",
                    status.label(crate::Lang::En)
                ),
            },
            LifecycleError::InvalidTerms(findings) => BrobyggerError::Validation { code, findings },
        }
    }
}

/// Why a handover was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HandoverError {
    /// A person is not in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// Handing over to oneself.
    #[error("the person handing over and the person taking over are the same")]
    SamePerson,
    /// The person holds no post in scope on the date.
    #[error("{0} holds no post in scope on the handover date")]
    NothingToHandOver(String),
    /// An agreement in the scope does not exist.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
}

impl HandoverError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            HandoverError::UnknownPerson(_) => "not_found.person",
            HandoverError::SamePerson => "handover.same_person",
            HandoverError::NothingToHandOver(_) => "handover.nothing_to_hand_over",
            HandoverError::UnknownAgreement(_) => "not_found.agreement",
        }
    }
}

impl From<HandoverError> for BrobyggerError {
    fn from(e: HandoverError) -> Self {
        let code = e.code().to_owned();
        match e {
            HandoverError::UnknownPerson(id) => BrobyggerError::NotFound {
                code,
                entity: "person".into(),
                id,
            },
            HandoverError::UnknownAgreement(id) => BrobyggerError::NotFound {
                code,
                entity: "agreement".into(),
                id,
            },
            HandoverError::SamePerson => BrobyggerError::InvalidInput {
                code,
                path: "to".into(),
                reason: "the person taking over must differ from the person handing over".into(),
            },
            HandoverError::NothingToHandOver(id) => BrobyggerError::InvalidInput {
                code,
                path: "from".into(),
                reason: format!("{id} holds no post in scope on the handover date"),
            },
        }
    }
}
