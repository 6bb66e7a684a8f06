//! Reading what the commands work on: dossiers (files or built-in examples), newcomers and
//! offers (CSV or JSON), rule sets (TOML or JSON), dates; and telling a file's kind from its
//! name and content.

use crate::out::{Failure, errln};
use brobygger::chrono::NaiveDate;
use brobygger::import::{self, CsvOptions, CsvProblem, FileKind};
use brobygger::matching::{Newcomer, Offer, RuleSet};
use brobygger::{BrobyggerError, Dossier, Finding, Lang, Severity};
use clap::ValueEnum;
use std::path::Path;

/// What a file holds, as `--as` names it; the core's [`import::FileKind`].
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KindArg {
    /// A dossier (JSON).
    Dossier,
    /// A matching rule set (TOML or JSON).
    Rules,
    /// A checklist template (TOML or JSON).
    Template,
    /// Newcomer households (CSV or a JSON list).
    Newcomers,
    /// Volunteer offers (CSV or a JSON list).
    Offers,
}

impl From<KindArg> for FileKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Dossier => FileKind::Dossier,
            KindArg::Rules => FileKind::Rules,
            KindArg::Template => FileKind::Template,
            KindArg::Newcomers => FileKind::Newcomers,
            KindArg::Offers => FileKind::Offers,
        }
    }
}

pub(crate) fn bad_input(
    code: impl Into<brobygger::ErrorCode>,
    path: &str,
    reason: impl Into<String>,
) -> Failure {
    Failure::Lib(BrobyggerError::invalid_input(code, path, reason))
}

/// The input files a command was given, for `--out` to refuse.
pub(crate) fn given<'a>(files: &[&'a Option<std::path::PathBuf>]) -> Vec<&'a Path> {
    files.iter().filter_map(|f| f.as_deref()).collect()
}

/// Whether a path given on the command line is `-`: standard input or output.
pub(crate) fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input's bytes once read: a command that looks at them twice (to tell a file's
/// kind, then to read it) gets the same bytes.
static STDIN: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// A file's bytes, or standard input's for `-` (bounded as files are).
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    if is_dash(path) {
        if let Some(bytes) = STDIN.get() {
            return Ok(bytes.clone());
        }
        use std::io::Read;
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(brobygger::MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad_input(brobygger::UsageCode::NoInput, "-", e.kind().to_string()))?;
        if bytes.len() as u64 > brobygger::MAX_INPUT_BYTES {
            return Err(bad_input(
                brobygger::UsageCode::NoInput,
                "-",
                "standard input holds more than 256 MiB",
            ));
        }
        return Ok(STDIN.get_or_init(|| bytes).clone());
    }
    Ok(brobygger::read_input(path).map_err(brobygger::BrobyggerError::from)?)
}

/// Whether a list is read as a spreadsheet: by its name, or, from standard input, by its bytes
/// (a workbook, or text that is not a JSON list or table).
fn is_csv(path: &Path, bytes: &[u8]) -> bool {
    FileKind::is_spreadsheet(&path.display().to_string())
        || import::is_workbook(bytes)
        || (is_dash(path)
            && !matches!(
                bytes.iter().find(|b| !b.is_ascii_whitespace()),
                Some(b'[' | b'{')
            ))
}

/// Tells what a file holds from its name and content (the core's rule).
pub(crate) fn detect(path: &Path, bytes: &[u8]) -> Result<FileKind, Failure> {
    Ok(FileKind::detect(&path.display().to_string(), bytes)?)
}

/// Whether `--allow-invalid` was given: set once, before any command reads a dossier.
static ALLOW_INVALID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records `--allow-invalid` for [`dossier`].
pub(crate) fn allow_invalid(on: bool) {
    ALLOW_INVALID.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// A dossier from a file (JSON or a store) or a built-in example, refused with its findings
/// (exit 1) if it has errors, unless `--allow-invalid` was given: a duplicate id or a dangling
/// reference would otherwise be matched, summarised or reported on as if it were sound.
pub(crate) fn dossier(file: Option<&Path>, example: Option<&str>) -> Result<Dossier, Failure> {
    let d = dossier_as_is(file, example)?;
    if !ALLOW_INVALID.load(std::sync::atomic::Ordering::Relaxed) {
        d.check()?;
    }
    Ok(d)
}

/// A dossier as it is, errors and all (for `validate`, which reports them).
pub(crate) fn dossier_as_is(
    file: Option<&Path>,
    example: Option<&str>,
) -> Result<Dossier, Failure> {
    match (file, example) {
        (Some(path), _) if is_dash(path) => Ok(Dossier::from_json_bytes(&read_bytes(path)?)?),
        (Some(path), _) if crate::db::is_store(path) => crate::db::load(path),
        (Some(path), _) => Ok(Dossier::load(path)?),
        (None, Some(name)) => Ok(Dossier::example(name)?),
        (None, None) => Err(bad_input(
            brobygger::UsageCode::NoInput,
            "file",
            "give a dossier file or --example NAME (aalborg, ikast-brande, horsens, esbjerg)",
        )),
    }
}

/// `--as-of`, or today when absent.
pub(crate) fn date_or_today(as_of: Option<&str>) -> Result<NaiveDate, Failure> {
    match as_of {
        None => Ok(brobygger::chrono::Utc::now().date_naive()),
        Some(s) => date(s, "--as-of"),
    }
}

pub(crate) fn date(s: &str, arg: &str) -> Result<NaiveDate, Failure> {
    brobygger::parse_date(s).ok_or_else(|| {
        bad_input(
            brobygger::UsageCode::BadDate,
            arg,
            "expected YYYY-MM-DD or DD-MM-YYYY",
        )
    })
}

/// CSV problems that are not errors, shown on standard error so the output stays clean.
pub(crate) fn note_problems(problems: &[CsvProblem], lang: Lang) {
    for p in problems.iter().filter(|p| p.severity != Severity::Error) {
        errln!("brobygger: {}", p.render(lang));
    }
}

fn csv_options(path: &Path, ignore_unknown_columns: bool) -> CsvOptions {
    CsvOptions {
        file_name: Some(path.display().to_string()),
        delimiter: None,
        ignore_unknown_columns,
        sheet: None,
    }
}

fn refuse_errors(
    code: impl Into<brobygger::ErrorCode>,
    findings: Vec<Finding>,
) -> Result<Vec<Finding>, Failure> {
    if findings.iter().any(|f| f.severity == Severity::Error) {
        Err(Failure::Lib(BrobyggerError::Validation {
            code: code.into(),
            findings,
        }))
    } else {
        Ok(findings)
    }
}

/// A CSV file with errors: every problem as a line with its place in the file.
fn csv_failure(path: &Path, problems: &[CsvProblem], lang: Lang) -> Failure {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    Failure::Data {
        message: format!(
            "{}: {} {} (import.invalid_csv)",
            shown(path),
            brobygger::present::plural::ERROR.count(lang, brobygger::present::plural::n(errors)),
            crate::t(lang, "i CSV-filen", "in the CSV file")
        ),
        lines: problems.iter().map(|p| p.render(lang)).collect(),
    }
}

/// Households from a CSV or JSON file; every problem refuses them (exit 1), warnings go to
/// standard error.
pub(crate) fn newcomers(
    path: &Path,
    ignore_unknown: bool,
    lang: Lang,
) -> Result<Vec<Newcomer>, Failure> {
    let bytes = read_bytes(path)?;
    if is_csv(path, &bytes) {
        let r = import::check_newcomers_csv_bytes(&bytes, &csv_options(path, ignore_unknown));
        if import::has_errors(&r.problems) {
            return Err(csv_failure(path, &r.problems, lang));
        }
        note_problems(&r.problems, lang);
        return Ok(r.newcomers);
    }
    let text = utf8(path, &bytes)?;
    let list = brobygger::matching::newcomers_from_table(text).map_err(|e| in_file(path, e))?;
    for f in refuse_errors(
        brobygger::ValidationCode::Failed,
        import::newcomer_findings(&list),
    )? {
        errln!("brobygger: {}", f.render(lang));
    }
    Ok(list)
}

/// Offers from a CSV or JSON file; as [`newcomers`].
pub(crate) fn offers(path: &Path, ignore_unknown: bool, lang: Lang) -> Result<Vec<Offer>, Failure> {
    let bytes = read_bytes(path)?;
    if is_csv(path, &bytes) {
        let r = import::check_offers_csv_bytes(&bytes, &csv_options(path, ignore_unknown));
        if import::has_errors(&r.problems) {
            return Err(csv_failure(path, &r.problems, lang));
        }
        note_problems(&r.problems, lang);
        return Ok(r.offers);
    }
    let text = utf8(path, &bytes)?;
    let list = brobygger::matching::offers_from_table(text).map_err(|e| in_file(path, e))?;
    for f in refuse_errors(
        brobygger::ValidationCode::Failed,
        import::offer_findings(&list),
    )? {
        errln!("brobygger: {}", f.render(lang));
    }
    Ok(list)
}

/// Whether a TOML-or-JSON file is read as JSON: by its extension, or from standard input by
/// its first character.
fn is_json(path: &Path, text: &str) -> bool {
    if is_dash(path) {
        return text.trim_start().starts_with(['{', '[']);
    }
    !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// A rule set from TOML or JSON, a file or standard input (`-`), as it is.
pub(crate) fn rule_set(path: &Path) -> Result<RuleSet, Failure> {
    if !is_dash(path) {
        return Ok(RuleSet::load(path)?);
    }
    let bytes = read_bytes(path)?;
    let text = utf8(path, &bytes)?;
    Ok(if is_json(path, text) {
        RuleSet::from_json(text)?
    } else {
        RuleSet::from_toml(text)?
    })
}

/// A checklist template from TOML or JSON, a file or standard input (`-`).
pub(crate) fn checklist_template(
    path: &Path,
) -> Result<brobygger::ChecklistTemplate, BrobyggerError> {
    if !is_dash(path) {
        return brobygger::ChecklistTemplate::load(path);
    }
    let bytes = match read_bytes(path) {
        Ok(b) => b,
        Err(Failure::Lib(e)) => return Err(e),
        Err(_) => Vec::new(),
    };
    let text = String::from_utf8_lossy(&bytes);
    if is_json(path, &text) {
        brobygger::ChecklistTemplate::from_json(&text)
    } else {
        brobygger::ChecklistTemplate::from_toml(&text)
    }
}

/// A rule set from TOML or JSON, refused (exit 1) if it has errors.
pub(crate) fn rules(path: &Path, lang: Lang) -> Result<RuleSet, Failure> {
    let rules = rule_set(path)?;
    for f in refuse_errors(
        brobygger::matching::MatchingCode::InvalidRuleSet,
        rules.validate(),
    )? {
        errln!("brobygger: {}", f.render(lang));
    }
    Ok(rules)
}

/// A list reader's error with the file named before the row and field it gives.
pub(crate) fn in_file(path: &Path, e: BrobyggerError) -> BrobyggerError {
    match e {
        BrobyggerError::Parse {
            code,
            path: at,
            line,
            column,
            reason,
        } => BrobyggerError::Parse {
            code,
            path: format!("{}: {at}", path.display()),
            line,
            column,
            reason,
        },
        BrobyggerError::InvalidInput {
            code,
            path: at,
            reason,
        } => BrobyggerError::InvalidInput {
            code,
            path: format!("{}: {at}", path.display()),
            reason,
        },
        other => other,
    }
}

/// A file's bytes as UTF-8 text, or a parse error naming the file and the first bad byte.
pub(crate) fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Failure> {
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::Lib(BrobyggerError::Parse {
            code: brobygger::LoadCode::Syntax.into(),
            path: path.display().to_string(),
            line: 0,
            column: 0,
            reason: format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        })
    })
}

/// A path given on the command line, for messages.
pub(crate) fn shown(p: &Path) -> String {
    p.display().to_string()
}
