//! One coverage-guided fuzz target for every reader of outside input (issue 18, item 8;
//! ADR 0054). One binary instead of one per reader: the instrumented build of the core is the
//! expensive part, and linking it once keeps the test command's step short. The reader is chosen
//! by `BROBYGGER_FUZZ_READER` (one of [`READERS`]); unset, every reader reads every input (a
//! campaign over the union of the corpora).
//!
//! Invariants, for every reader: no panic (libFuzzer reports one as a crash, with the input
//! kept), no crash, no unbounded work (libFuzzer's `-timeout` and `-rss_limit_mb`), and no
//! message, problem or finding that repeats the canary planted in the corpus and the dictionary
//! ([`CANARY`]): a text that quoted its input would show it.
#![no_main]

use brobygger::chrono;
use brobygger::directory::directory_from_csv_bytes;
use brobygger::import::{self, CsvOptions, Sheet, SheetCell};
use brobygger::matching::{self, Newcomer, Offer};
use brobygger::privacy::{self, ConsentRecord, ProcessingBasis, Viewer, read_dpv};
use brobygger::{
    Agreement, BrobyggerError, ChecklistTemplate, Dossier, Format, Lang, RuleSet, SummaryOptions,
    error_path, redact_message,
};
use libfuzzer_sys::arbitrary::{Result as ArbitraryResult, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use std::sync::OnceLock;

/// A name and a CPR-like number; the fixtures' fuzz seeds and the dictionary carry it.
const CANARY: &str = "Kanariefugl Q7 0101901234";
/// Its parts: a message that quoted part of a value is as bad.
const CANARY_NAME: &str = "Kanariefugl";
const CANARY_NUMBER: &str = "0101901234";

/// The readers, by the name `BROBYGGER_FUZZ_READER` and the corpus folder use.
const READERS: &[(&str, fn(&[u8]) -> Vec<String>)] = &[
    ("dossier", dossier),
    ("rules", rules),
    ("templates", templates),
    ("csv", csv),
    ("xlsx", csv),
    ("tables", tables),
    ("dpv", dpv),
    ("ffi", ffi),
];

fn selected() -> &'static [(&'static str, fn(&[u8]) -> Vec<String>)] {
    static CHOSEN: OnceLock<Vec<(&str, fn(&[u8]) -> Vec<String>)>> = OnceLock::new();
    CHOSEN.get_or_init(|| match std::env::var("BROBYGGER_FUZZ_READER") {
        Ok(name) => {
            let found: Vec<_> = READERS
                .iter()
                .filter(|(n, _)| *n == name)
                .copied()
                .collect();
            assert!(
                !found.is_empty(),
                "BROBYGGER_FUZZ_READER={name}: not one of {:?}",
                READERS.iter().map(|(n, _)| n).collect::<Vec<_>>()
            );
            found
        }
        Err(_) => READERS.to_vec(),
    })
}

fuzz_target!(|data: &[u8]| {
    for (name, read) in selected() {
        for text in read(data) {
            assert!(
                !text.contains(CANARY)
                    && !text.contains(CANARY_NAME)
                    && !text.contains(CANARY_NUMBER),
                "{name}: a message repeats its input: {text}"
            );
        }
    }
});

/// Every text a caller can be shown of `e`.
fn texts(e: &BrobyggerError) -> Vec<String> {
    let mut out = vec![e.to_string(), e.message(Lang::Da), e.message(Lang::En)];
    if let BrobyggerError::Validation { findings, .. } = e {
        out.extend(findings.iter().map(|f| f.render(Lang::En)));
    }
    out
}

fn errors<T>(results: impl IntoIterator<Item = Result<T, BrobyggerError>>) -> Vec<String> {
    results
        .into_iter()
        .filter_map(Result::err)
        .flat_map(|e| texts(&e))
        .collect()
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2016, 6, 1).unwrap_or_default()
}

/// A dossier file: read; a dossier that reads is used as a coordinator would (validated,
/// summarised, reviewed, exported as consent records, written and read back).
fn dossier(data: &[u8]) -> Vec<String> {
    match Dossier::from_json_bytes(data) {
        Ok(d) => {
            // Findings name ids and paths (ids are pseudonyms, so not checked for the canary);
            // what matters here is that nothing panics on a dossier that reads.
            let _ = d.validate();
            let _ = d.summary(SummaryOptions::default());
            let _ = d.privacy().review(day(), privacy::ReviewOptions::default());
            let _ = d.privacy().export_dpv(day());
            if let Ok(json) = d.to_json() {
                let again = Dossier::from_json(&json);
                assert!(
                    again.is_ok(),
                    "a dossier that reads must read back as written"
                );
            }
            Vec::new()
        }
        Err(e) => texts(&e),
    }
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Matching rule sets, TOML and JSON.
fn rules(data: &[u8]) -> Vec<String> {
    let s = text(data);
    errors([RuleSet::from_toml(&s), RuleSet::from_json(&s)])
}

/// Checklist templates, TOML and JSON.
fn templates(data: &[u8]) -> Vec<String> {
    let s = text(data);
    errors([
        ChecklistTemplate::from_toml(&s),
        ChecklistTemplate::from_json(&s),
    ])
}

/// Spreadsheets: newcomer, offer and association lists as CSV (any bytes, any encoding) or as
/// `.xlsx` workbooks (bytes that start as a zip archive).
fn csv(data: &[u8]) -> Vec<String> {
    let o = CsvOptions::default();
    let n = import::check_newcomers_csv_bytes(data, &o);
    let f = import::check_offers_csv_bytes(data, &o);
    let d = directory_from_csv_bytes(data);
    n.problems
        .iter()
        .chain(&f.problems)
        .map(|p| p.render(Lang::En))
        .chain(d.problems.iter().map(|p| p.render(Lang::En)))
        .collect()
}

/// Newcomers and offers as JSON lists and as tables (records, columns, split).
fn tables(data: &[u8]) -> Vec<String> {
    let s = text(data);
    let mut out = errors([
        matching::newcomers_from_json(&s),
        matching::newcomers_from_table(&s),
    ]);
    out.extend(errors([
        matching::offers_from_json(&s),
        matching::offers_from_table(&s),
    ]));
    out
}

/// Consent records (W3C DPV JSON-LD): read; what reads is written and reads back the same.
fn dpv(data: &[u8]) -> Vec<String> {
    match read_dpv(&text(data)) {
        Ok(records) => {
            let mut d = Dossier::new("");
            d.privacy.consents = records.consents.clone();
            d.privacy.bases = records.bases.clone();
            let again = read_dpv(&d.privacy().export_dpv(day()));
            assert!(
                again.ok().as_ref() == Some(&records),
                "consent records did not read back as written"
            );
            Vec::new()
        }
        Err(e) => texts(&e),
    }
}

/// What the bindings hand the core: plain values a binding converted (Python's dicts and
/// lists, Kotlin's strings) read into the core's types the way `crates/py` reads them
/// ([`error_path`] and [`redact_message`] for a bad field), a table of plain cells
/// ([`Sheet`], from pandas or a list of records) read as a spreadsheet, and the arguments
/// every binding parses by the core's parsers (language, format, viewer, subject, date).
fn ffi(data: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut u = Unstructured::new(data);
    if let Ok(s) = u.arbitrary::<&str>() {
        out.extend(errors([Lang::parse_arg(s, "lang").map(|_| ())]));
        out.extend(errors([Format::parse_arg(s, "format").map(|_| ())]));
        out.extend(errors([Viewer::parse(s).map(|_| ())]));
        out.extend(errors([privacy::Subject::parse_key(s).map(|_| ())]));
        let _ = brobygger::parse_date(s);
    }
    if let Ok(sheet) = sheet(&mut u) {
        if let Some(csv) = sheet.to_csv() {
            let o = CsvOptions::default();
            out.extend(errors([import::newcomers_from_csv(&csv, &o).map(|_| ())]));
            out.extend(errors([import::offers_from_csv(&csv, &o).map(|_| ())]));
        }
    }
    // The rest of the input as JSON, read into each record a binding passes in.
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(u.take_rest()) {
        out.extend(from_value::<Newcomer>(&value));
        out.extend(from_value::<Offer>(&value));
        out.extend(from_value::<Vec<Newcomer>>(&value));
        out.extend(from_value::<ConsentRecord>(&value));
        out.extend(from_value::<ProcessingBasis>(&value));
        out.extend(from_value::<Agreement>(&value));
        out.extend(from_value::<Dossier>(&value));
        out.extend(from_value::<matching::MatchOptions>(&value));
    }
    out
}

/// A value read into `T` as `crates/py`'s `from_py` does; the message it would raise.
fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Vec<String> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(_) => Vec::new(),
        Err(e) => vec![error_path(&e), redact_message(&e.inner().to_string())],
    }
}

/// A table of plain cells, as a binding builds it from a DataFrame or a list of records.
fn sheet(u: &mut Unstructured<'_>) -> ArbitraryResult<Sheet> {
    let columns: Vec<String> = u.arbitrary()?;
    let rows = u.arbitrary_len::<u8>()?.min(64);
    let mut out = Vec::with_capacity(rows);
    for _ in 0..rows {
        let width = u.int_in_range(0..=columns.len())?;
        let mut row = Vec::with_capacity(width);
        for _ in 0..width {
            row.push(match u.int_in_range(0..=6u8)? {
                0 => SheetCell::Empty,
                1 => SheetCell::Bool(u.arbitrary()?),
                2 => SheetCell::Int(u.arbitrary()?),
                3 => SheetCell::Float(u.arbitrary()?),
                4 => SheetCell::Date(
                    chrono::NaiveDate::from_num_days_from_ce_opt(u.arbitrary()?)
                        .unwrap_or_default(),
                ),
                5 => SheetCell::Nested,
                _ => SheetCell::Text(u.arbitrary()?),
            });
        }
        out.push(row);
    }
    Ok(Sheet { columns, rows: out })
}
