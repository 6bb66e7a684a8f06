//! Errors: rich enums per concern inside the crate, one small [`BrobyggerError`] at the boundary.
//!
//! Each concern ([`LoadError`] here; the others next to the operations they belong to, such as
//! the lifecycle's and the handover's) has variants with a stable machine code, a variant of the
//! concern's enum of codes ([`crate::code`]). They convert into [`BrobyggerError`], whose variants
//! are what a caller can act on; it is the error the Python and mobile bindings expose, with its
//! code, an English `reason` and the code's Danish and English text in the registry. Messages
//! carry ids, paths and codes only, never personal data.

use crate::code::{ErrorCode, LoadCode, NotFoundCode, WorkCode};
use crate::finding::Finding;
use crate::i18n::{Label, Lang};
use crate::status::AgreementStatus;
use crate::validation_code::ValidationCode;

/// The error every public operation of the library returns at the boundary.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
pub enum BrobyggerError {
    /// The input could not be read: bad JSON, TOML or CSV, or a field of the wrong type.
    #[error("{code}: cannot read input at {} (line {line}, column {column}): {reason}", if path.is_empty() { "(root)" } else { path.as_str() })]
    Parse {
        /// Stable code, e.g. `load.syntax`.
        code: ErrorCode,
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
        code: ErrorCode,
        /// The version found, if any.
        found: Option<u32>,
        /// The version this library reads and writes.
        supported: u32,
    },
    /// The data was read but is not valid; every finding is attached.
    #[error("{code}: {} problem(s), first: {}", findings.len(), findings.first().map(|f| f.render(Lang::En)).unwrap_or_default())]
    Validation {
        /// Stable code, e.g. `validation.failed`.
        code: ErrorCode,
        /// All findings, errors first.
        findings: Vec<Finding>,
    },
    /// Something referred to does not exist.
    #[error("{code}: no {entity} with id {id}")]
    NotFound {
        /// Stable code, e.g. `not_found.agreement`.
        code: ErrorCode,
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
        code: ErrorCode,
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
        code: ErrorCode,
        /// The argument or field.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A problem has no solution under its hard constraints.
    #[error("{code}: no solution: {reason}")]
    Infeasible {
        /// Stable code.
        code: ErrorCode,
        /// Why.
        reason: String,
    },
    /// The work was asked to stop (a cancelled coroutine or task, Ctrl-C, a progress callback
    /// that failed) and stopped; nothing was changed.
    #[error("{code}: the work was cancelled; nothing was changed")]
    Cancelled {
        /// Stable code, `work.cancelled`.
        code: ErrorCode,
    },
    /// A bug in the library; please report it.
    #[error("{code}: internal error: {reason}")]
    Internal {
        /// Stable code.
        code: ErrorCode,
        /// What went wrong.
        reason: String,
    },
}

impl BrobyggerError {
    /// The stable machine code of the error.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// The code with its concern and its Danish and English text.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            BrobyggerError::Parse { code, .. }
            | BrobyggerError::UnsupportedVersion { code, .. }
            | BrobyggerError::Validation { code, .. }
            | BrobyggerError::NotFound { code, .. }
            | BrobyggerError::InvalidTransition { code, .. }
            | BrobyggerError::InvalidInput { code, .. }
            | BrobyggerError::Infeasible { code, .. }
            | BrobyggerError::Cancelled { code }
            | BrobyggerError::Internal { code, .. } => *code,
        }
    }

    /// Whether this is `load.io` because the file does not exist (as opposed to a directory,
    /// a refused permission, ...): what a binding raises as its language's own "file not
    /// found" (Python's `FileNotFoundError`) while keeping the code.
    pub fn is_missing_file(&self) -> bool {
        matches!(self, BrobyggerError::InvalidInput { code, reason, .. }
            if *code == ErrorCode::from(LoadCode::Io)
                && *reason == std::io::ErrorKind::NotFound.to_string())
    }

    /// The findings attached, if any.
    pub fn findings(&self) -> &[Finding] {
        match self {
            BrobyggerError::Validation { findings, .. }
            | BrobyggerError::InvalidTransition { findings, .. } => findings,
            _ => &[],
        }
    }

    /// A not-found error: no `code.entity()` with `id`.
    pub fn not_found(code: NotFoundCode, id: impl std::fmt::Display) -> Self {
        BrobyggerError::NotFound {
            code: code.into(),
            entity: code.entity().to_owned(),
            id: id.to_string(),
        }
    }

    /// An invalid-input error at `path`.
    pub fn invalid_input(
        code: impl Into<ErrorCode>,
        path: &str,
        reason: impl Into<String>,
    ) -> Self {
        BrobyggerError::InvalidInput {
            code: code.into(),
            path: path.to_owned(),
            reason: reason.into(),
        }
    }

    /// A parse error at `path` (line and column 0 when unknown).
    pub fn parse(
        code: impl Into<ErrorCode>,
        path: impl Into<String>,
        (line, column): (u32, u32),
        reason: impl Into<String>,
    ) -> Self {
        BrobyggerError::Parse {
            code: code.into(),
            path: path.into(),
            line,
            column,
            reason: reason.into(),
        }
    }

    /// A validation error carrying `findings` (`validation.failed`).
    pub fn validation(findings: Vec<Finding>) -> Self {
        Self::invalid_data(ValidationCode::Failed, findings)
    }

    /// A validation error with a concern's own code (`checklists.invalid_template`, ...).
    pub fn invalid_data(code: impl Into<ErrorCode>, findings: Vec<Finding>) -> Self {
        BrobyggerError::Validation {
            code: code.into(),
            findings,
        }
    }

    /// The error of work that was asked to stop (`work.cancelled`): nothing was changed.
    pub fn cancelled() -> Self {
        BrobyggerError::Cancelled {
            code: WorkCode::Cancelled.into(),
        }
    }

    /// A bug in the library.
    pub fn internal(code: impl Into<ErrorCode>, reason: impl Into<String>) -> Self {
        BrobyggerError::Internal {
            code: code.into(),
            reason: reason.into(),
        }
    }

    /// The error for a person in `lang`, starting with its code. In English it is the reason
    /// the library wrote for this case (what `Display` gives); in Danish it is the code's Danish
    /// text with the case's ids, versions and place filled in, and the first finding, if any.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Da => format!("{}: {}", self.code(), self.text(lang)),
        }
    }

    /// The code's text in `lang` with this error's fields filled in (`{id}`, `{found}`,
    /// `{supported}`, `{from}`, `{to}`), followed by where (path, line and column) and, for
    /// findings, how many and the first.
    pub fn text(&self, lang: Lang) -> String {
        let t = |da: &str, en: &str| match lang {
            Lang::Da => da.to_owned(),
            Lang::En => en.to_owned(),
        };
        let code = self.error_code();
        let mut text = code.text(lang).to_owned();
        let mut fill = |name: &str, value: String| {
            text = text.replace(&format!("{{{name}}}"), &value);
        };
        match self {
            BrobyggerError::UnsupportedVersion {
                found, supported, ..
            } => {
                fill(
                    "found",
                    found.map_or_else(|| t("(mangler)", "(missing)"), |v| v.to_string()),
                );
                fill("supported", supported.to_string());
            }
            BrobyggerError::NotFound { id, .. } => fill("id", id.clone()),
            BrobyggerError::InvalidTransition { from, to, .. } => {
                fill("from", from.label(lang).to_owned());
                fill("to", to.label(lang).to_owned());
            }
            _ => {}
        }
        let place = match self {
            BrobyggerError::Parse {
                path, line, column, ..
            } => {
                let mut parts = Vec::new();
                if !path.is_empty() {
                    parts.push(path.clone());
                }
                if *line > 0 {
                    parts.push(format!(
                        "{} {line}, {} {column}",
                        t("linje", "line"),
                        t("kolonne", "column")
                    ));
                }
                parts.join(", ")
            }
            BrobyggerError::InvalidInput { path, .. } => path.clone(),
            _ => String::new(),
        };
        let findings = self.findings();
        let mut notes = Vec::new();
        if !place.is_empty() {
            notes.push(place);
        }
        if let Some(first) = findings.first() {
            let count = match (lang, findings.len()) {
                (_, 1) => "1 problem".to_owned(),
                (Lang::Da, n) => format!("{n} problemer"),
                (Lang::En, n) => format!("{n} problems"),
            };
            notes.push(format!(
                "{count}; {} {}",
                t("det første:", "the first:"),
                first.render(lang)
            ));
        }
        if !notes.is_empty() {
            let bare = text.trim_end_matches('.').to_owned();
            text = format!("{bare} ({}).", notes.join("; "));
        }
        text
    }
}

impl Lang {
    /// Reads a language argument as [`Lang::parse`] does (`da`, `dansk`, `en`, `english`, ...,
    /// any case); anything else is `input.lang` at `argument`. The CLI, Python and every other
    /// surface that takes a language as text use this one parser.
    pub fn parse_arg(s: &str, argument: &str) -> Result<Lang, BrobyggerError> {
        Lang::parse(s).ok_or_else(|| {
            BrobyggerError::invalid_input(
                crate::code::InputCode::Lang,
                argument,
                "the language must be Danish (da, dansk) or English (en, english)",
            )
        })
    }
}

impl crate::present::render::Format {
    /// Reads a format argument as [`Format::parse`](crate::present::render::Format::parse) does
    /// (`text`, `md`/`markdown`, `html`, `html_fragment`, any case); anything else is
    /// `input.unknown_value` at `argument`. Python and every other surface that takes a format
    /// as text use this one parser.
    pub fn parse_arg(
        s: &str,
        argument: &str,
    ) -> Result<crate::present::render::Format, BrobyggerError> {
        crate::present::render::Format::parse(s).ok_or_else(|| {
            BrobyggerError::invalid_input(
                crate::code::InputCode::UnknownValue,
                argument,
                "the format must be text, md (markdown), html or html_fragment",
            )
        })
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
    #[error("the document has no schema_version (supported: {supported})")]
    MissingSchemaVersion {
        /// The version the reader reads.
        supported: u32,
    },
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
    /// The file is larger than a reader takes ([`crate::fsio::MAX_INPUT_BYTES`] unless the
    /// caller said otherwise): nothing past the limit was read.
    #[error("{path} is larger than {limit} bytes; nothing was read past the limit")]
    TooLarge {
        /// The file path.
        path: String,
        /// The most bytes the reader takes.
        limit: u64,
    },
    /// The path names a FIFO, a device or a socket: such a file may never end or never
    /// answer, so it is not read at all.
    #[error("{path} is not a regular file (a FIFO, a device or a socket); it was not read")]
    NotRegularFile {
        /// The file path.
        path: String,
    },
}

impl LoadError {
    /// The stable machine code.
    pub fn code(&self) -> LoadCode {
        match self {
            LoadError::Syntax { .. } => LoadCode::Syntax,
            LoadError::MissingSchemaVersion { .. } => LoadCode::MissingSchemaVersion,
            LoadError::NewerSchemaVersion { .. } => LoadCode::NewerSchemaVersion,
            LoadError::UnknownSchemaVersion { .. } => LoadCode::UnknownSchemaVersion,
            LoadError::Io { .. } => LoadCode::Io,
            LoadError::TooLarge { .. } => LoadCode::TooLarge,
            LoadError::NotRegularFile { .. } => LoadCode::NotRegularFile,
        }
    }

    /// The check every reader of a versioned document makes: a version newer than `supported`
    /// is [`NewerSchemaVersion`](LoadError::NewerSchemaVersion), an older or zero one
    /// [`UnknownSchemaVersion`](LoadError::UnknownSchemaVersion).
    pub fn check_version(found: u32, supported: u32) -> Result<(), LoadError> {
        if found == supported {
            Ok(())
        } else if found > supported {
            Err(LoadError::NewerSchemaVersion { found, supported })
        } else {
            Err(LoadError::UnknownSchemaVersion { found, supported })
        }
    }
}

impl From<LoadError> for BrobyggerError {
    fn from(e: LoadError) -> Self {
        let code = e.code().into();
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
            LoadError::MissingSchemaVersion { supported } => BrobyggerError::UnsupportedVersion {
                code,
                found: None,
                supported,
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
            LoadError::TooLarge { path, limit } => BrobyggerError::InvalidInput {
                code,
                path,
                reason: format!("larger than {limit} bytes; nothing was read past the limit"),
            },
            LoadError::NotRegularFile { path } => BrobyggerError::InvalidInput {
                code,
                path,
                reason: "not a regular file (a FIFO, a device or a socket); it was not read".into(),
            },
        }
    }
}

/// The path of a serde error for a message, as `serde_path_to_error` writes it (`.` for the
/// root), but for an unknown key the path of the object that has it: the key is input (a name
/// typed where a key belongs), not schema, and is never repeated.
///
/// Readers word the unknown key differently (serde_json's message starts with it; TOML's
/// `Display` puts the source line and the position before it), so any message that names an
/// unknown field counts: dropping one segment too many loses a little precision, never a value.
pub fn error_path<E: std::fmt::Display>(e: &serde_path_to_error::Error<E>) -> String {
    let unknown_key = e.inner().to_string().contains("unknown field `");
    let segments: Vec<&serde_path_to_error::Segment> = e.path().iter().collect();
    let keep = if unknown_key {
        segments.len().saturating_sub(1)
    } else {
        segments.len()
    };
    if keep == 0 {
        return ".".to_owned();
    }
    let mut out = String::new();
    for (k, segment) in segments.into_iter().take(keep).enumerate() {
        if k > 0 && !matches!(segment, serde_path_to_error::Segment::Seq { .. }) {
            out.push('.');
        }
        out.push_str(&segment.to_string());
    }
    out
}

/// serde messages quote the offending input (`invalid type: string "Fatima", expected u32`);
/// input may be personal data, so quoted strings are replaced and the position suffix dropped.
///
/// Quoted strings are written escaped (`"say \"hi\""`), so an escaped quote does not end the
/// redaction; a variant name is quoted in backticks without escaping, so it runs up to serde's
/// own `` `, expected`` however many backticks it holds.
pub fn redact_message(msg: &str) -> String {
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    let mut out = String::with_capacity(msg.len());
    let mut in_quote = false;
    let mut escaped = false;
    for c in msg.chars() {
        if in_quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                out.push_str("\"…\"");
                in_quote = false;
            }
        } else if c == '"' {
            in_quote = true;
        } else {
            out.push(c);
        }
    }
    if in_quote {
        out.push_str("\"…");
    }
    // `unknown variant `x``, `unknown field `x`` and `invalid value: integer `42`` quote the
    // input in backticks. An unknown key is input too (a name typed where a key belongs): only
    // the expected keys, which are schema, stay.
    const VARIANT: &str = "unknown variant `";
    const FIELD: &str = "unknown field `";
    if let Some(rest) = out.strip_prefix(FIELD) {
        let end = rest
            .rfind("`, expected")
            .or_else(|| rest.rfind("`, there are no fields"));
        out = match end {
            Some(e) => format!("{FIELD}…{}", &rest[e..]),
            None => format!("{FIELD}…`"),
        };
    } else if let Some(rest) = out.strip_prefix(VARIANT) {
        let end = rest
            .rfind("`, expected")
            .or_else(|| rest.rfind("`, there are no variants"));
        out = match end {
            Some(e) => format!("{VARIANT}…{}", &rest[e..]),
            None => format!("{VARIANT}…`"),
        };
    } else if out.starts_with("invalid")
        && let Some(start) = out.find('`')
        && let Some(len) = out[start + 1..].find('`')
    {
        out.replace_range(start..start + len + 2, "`…`");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_quoted_values() {
        assert_eq!(
            redact_message(
                "invalid type: string \"Fatima Hansen\", expected u32 at line 3 column 10"
            ),
            "invalid type: string \"…\", expected u32"
        );
        assert_eq!(
            redact_message("unknown field `Fatima Hansen`, expected one of `id`, `name`"),
            "unknown field `…`, expected one of `id`, `name`"
        );
        assert_eq!(
            redact_message("unknown field `a`, expected `id`, there are no fields"),
            "unknown field `…`, expected `id`, there are no fields"
        );
        assert_eq!(
            redact_message("unknown variant `secret`, expected `a` or `b`"),
            "unknown variant `…`, expected `a` or `b`"
        );
        assert_eq!(
            redact_message("invalid value: integer `-4`, expected u32"),
            "invalid value: integer `…`, expected u32"
        );
    }

    #[test]
    fn redaction_survives_quotes_and_backticks_inside_the_value() {
        // What serde writes for a string holding quotes, a backslash and backticks.
        let quoted = format!(
            "invalid type: string {:?}, expected u8",
            r#"Hajar "Ildsjæl" H\a"#
        );
        assert_eq!(
            redact_message(&quoted),
            "invalid type: string \"…\", expected u8"
        );
        let e = serde_json::from_str::<u8>(r#""Hajar \"Ildsjæl\" Hansen""#).unwrap_err();
        let r = redact_message(&e.to_string());
        assert!(
            !r.contains("Ildsjæl") && !r.contains("Hansen") && !r.contains("Hajar"),
            "{r}"
        );
        for variant in ["Hajar`s svar", "a`, expected `x` og Hajar", "`Hajar`"] {
            let msg = format!("unknown variant `{variant}`, expected `yes` or `no`");
            assert_eq!(
                redact_message(&msg),
                "unknown variant `…`, expected `yes` or `no`",
                "{variant}"
            );
        }
        assert_eq!(
            redact_message("unknown variant `Hajar`, there are no variants"),
            "unknown variant `…`, there are no variants"
        );
        assert_eq!(
            redact_message("unknown variant `Hajar"),
            "unknown variant `…`"
        );
    }
}
