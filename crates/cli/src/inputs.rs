//! Reading what the commands work on: dossiers (files or built-in examples), newcomers and
//! offers (CSV or JSON), rule sets (TOML or JSON), dates; and telling a file's kind from its
//! name and content.

use crate::out::{Failure, errln};
use brobygger::chrono::NaiveDate;
use brobygger::import::{self, CsvOptions, CsvProblem};
use brobygger::matching::{Cohort, IntroductionPlan, Newcomer, Offer, RuleSet};
use brobygger::{BrobyggerError, Dossier, FieldPath, Finding, Lang, Severity};
use clap::ValueEnum;
use std::path::Path;

/// What a file holds.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
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

impl FileKind {
    /// `gyldigt regelsæt` / `valid rule set`, `ugyldig liste over frivilligtilbud` /
    /// `invalid list of volunteer offers`: the adjective agrees with the noun's gender.
    pub(crate) fn verdict(self, valid: bool, lang: Lang) -> String {
        let (da_valid, da_invalid) = match self {
            FileKind::Dossier | FileKind::Rules => ("gyldigt", "ugyldigt"),
            _ => ("gyldig", "ugyldig"),
        };
        let (noun_da, noun_en) = match self {
            FileKind::Newcomers => (
                "liste over nyankomne husstande",
                "list of newcomer households",
            ),
            FileKind::Offers => ("liste over frivilligtilbud", "list of volunteer offers"),
            other => (other.label(Lang::Da), other.label(Lang::En)),
        };
        match (lang, valid) {
            (Lang::Da, true) => format!("{da_valid} {noun_da}"),
            (Lang::Da, false) => format!("{da_invalid} {noun_da}"),
            (Lang::En, true) => format!("valid {noun_en}"),
            (Lang::En, false) => format!("invalid {noun_en}"),
        }
    }

    pub(crate) fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FileKind::Dossier, Lang::Da) => "dossier",
            (FileKind::Dossier, Lang::En) => "dossier",
            (FileKind::Rules, Lang::Da) => "regelsæt",
            (FileKind::Rules, Lang::En) => "rule set",
            (FileKind::Template, Lang::Da) => "tjeklisteskabelon",
            (FileKind::Template, Lang::En) => "checklist template",
            (FileKind::Newcomers, Lang::Da) => "nyankomne husstande",
            (FileKind::Newcomers, Lang::En) => "newcomer households",
            (FileKind::Offers, Lang::Da) => "frivilligtilbud",
            (FileKind::Offers, Lang::En) => "volunteer offers",
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

fn io_error(path: &Path, e: &std::io::Error) -> Failure {
    Failure::Lib(BrobyggerError::invalid_input(
        brobygger::LoadCode::Io,
        &path.display().to_string(),
        e.kind().to_string(),
    ))
}

pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| io_error(path, &e))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_csv(path: &Path) -> bool {
    matches!(extension(path).as_str(), "csv" | "tsv" | "txt")
}

/// Tells what a file holds from its extension and content.
pub(crate) fn detect(path: &Path, bytes: &[u8]) -> Result<FileKind, Failure> {
    let unknown = |why: &str| {
        bad_input(
            brobygger::UsageCode::UnknownFileKind,
            &path.display().to_string(),
            format!("{why}; say what it is with --as dossier|rules|template|newcomers|offers"),
        )
    };
    if is_csv(path) {
        let (text, _) = import::decode_text(bytes);
        let header = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_ascii_lowercase();
        let has = |name: &str| {
            header
                .split([',', ';', '\t'])
                .any(|c| c.trim().trim_matches('"').trim_start_matches('\u{feff}') == name)
        };
        return if has("arrival") {
            Ok(FileKind::Newcomers)
        } else if has("capacity") || has("kind") {
            Ok(FileKind::Offers)
        } else {
            Err(unknown(
                "the header names neither arrival (newcomers) nor capacity (offers)",
            ))
        };
    }
    // Text that is not UTF-8 goes to the dossier reader, whose error says so.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(FileKind::Dossier);
    };
    if extension(path) == "toml" {
        let value: toml::Table = match text.parse() {
            Ok(v) => v,
            // The rule-set reader gives the TOML error with its line and column.
            Err(_) => {
                return Err(match RuleSet::from_toml(text) {
                    Err(e) => Failure::Lib(e),
                    Ok(_) => unknown("the file is not TOML"),
                });
            }
        };
        return if value.contains_key("rules") {
            Ok(FileKind::Rules)
        } else if value.contains_key("sections") {
            Ok(FileKind::Template)
        } else {
            Err(unknown(
                "the TOML file has neither rules (a rule set) nor sections (a checklist template)",
            ))
        };
    }
    // JSON: parse errors are reported by the reader of the kind guessed here.
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => match items.first() {
            Some(first) if first.get("arrival").is_some() => Ok(FileKind::Newcomers),
            Some(first) if first.get("capacity").is_some() => Ok(FileKind::Offers),
            _ => Err(unknown(
                "the JSON list is empty or holds neither newcomers nor offers",
            )),
        },
        Ok(serde_json::Value::Object(map)) if map.contains_key("rules") => Ok(FileKind::Rules),
        // A table of columns, or split into column names and rows (pandas `orient="split"`).
        Ok(serde_json::Value::Object(map)) if table_has(&map, "arrival") => Ok(FileKind::Newcomers),
        Ok(serde_json::Value::Object(map)) if table_has(&map, "capacity") => Ok(FileKind::Offers),
        Ok(serde_json::Value::Object(map)) if map.contains_key("sections") => {
            Ok(FileKind::Template)
        }
        _ => Ok(FileKind::Dossier),
    }
}

/// Whether a JSON object is a table (columns, or split) with this column.
fn table_has(map: &serde_json::Map<String, serde_json::Value>, column: &str) -> bool {
    map.get(column).is_some_and(serde_json::Value::is_array)
        || map
            .get("columns")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|c| c.iter().any(|n| n.as_str() == Some(column)))
}

/// A dossier from a file or a built-in example.
pub(crate) fn dossier(file: Option<&Path>, example: Option<&str>) -> Result<Dossier, Failure> {
    match (file, example) {
        (Some(path), _) => Ok(Dossier::load(path)?),
        (None, Some(name)) => Ok(Dossier::example(name)?),
        (None, None) => Err(bad_input(
            brobygger::UsageCode::NoInput,
            "file",
            "give a dossier file or --example NAME (aalborg, ikast-brande, horsens)",
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
    brobygger::parse_date(s)
        .ok_or_else(|| bad_input(brobygger::UsageCode::BadDate, arg, "expected YYYY-MM-DD"))
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
    }
}

/// The findings of a list of households as a dossier's validation gives them, with paths
/// into the list (`newcomers[3].languages`).
pub(crate) fn newcomer_findings(list: &[Newcomer]) -> Vec<Finding> {
    let mut d = Dossier::new("check");
    d.cohorts.push(Cohort {
        id: "check".into(),
        title: "check".into(),
        municipality: None,
        plan: IntroductionPlan::default(),
        newcomers: list.to_vec(),
        introductions: Vec::new(),
    });
    relative(d.validate(), "cohorts[0].newcomers", "newcomers")
}

/// The findings of a list of offers; references to parties and people cannot be checked
/// without their dossier and are left out.
pub(crate) fn offer_findings(list: &[Offer]) -> Vec<Finding> {
    let mut d = Dossier::new("check");
    d.offers = list.to_vec();
    relative(d.validate(), "offers", "offers")
        .into_iter()
        .filter(|f| f.code != "validation.dangling_reference")
        .collect()
}

fn relative(findings: Vec<Finding>, within: &str, to: &str) -> Vec<Finding> {
    let prefix = FieldPath::parse(within);
    findings
        .into_iter()
        .filter(|f| f.path.is_within(&prefix))
        .map(|mut f| {
            f.path = FieldPath::parse(f.path.as_str().replacen(within, to, 1));
            f
        })
        .collect()
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
    if is_csv(path) {
        let r = import::check_newcomers_csv_bytes(&bytes, &csv_options(path, ignore_unknown));
        if import::has_errors(&r.problems) {
            return Err(csv_failure(path, &r.problems, lang));
        }
        note_problems(&r.problems, lang);
        return Ok(r.newcomers);
    }
    let text = utf8(path, &bytes)?;
    let list = brobygger::matching::newcomers_from_table(text).map_err(|e| in_file(path, e))?;
    for f in refuse_errors(brobygger::ValidationCode::Failed, newcomer_findings(&list))? {
        errln!("brobygger: {}", f.render(lang));
    }
    Ok(list)
}

/// Offers from a CSV or JSON file; as [`newcomers`].
pub(crate) fn offers(path: &Path, ignore_unknown: bool, lang: Lang) -> Result<Vec<Offer>, Failure> {
    let bytes = read_bytes(path)?;
    if is_csv(path) {
        let r = import::check_offers_csv_bytes(&bytes, &csv_options(path, ignore_unknown));
        if import::has_errors(&r.problems) {
            return Err(csv_failure(path, &r.problems, lang));
        }
        note_problems(&r.problems, lang);
        return Ok(r.offers);
    }
    let text = utf8(path, &bytes)?;
    let list = brobygger::matching::offers_from_table(text).map_err(|e| in_file(path, e))?;
    for f in refuse_errors(brobygger::ValidationCode::Failed, offer_findings(&list))? {
        errln!("brobygger: {}", f.render(lang));
    }
    Ok(list)
}

/// A rule set from TOML or JSON, refused (exit 1) if it has errors.
pub(crate) fn rules(path: &Path, lang: Lang) -> Result<RuleSet, Failure> {
    let rules = RuleSet::load(path)?;
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
