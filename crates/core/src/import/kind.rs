//! What a file holds, told from its name and content, and the validation of a bare list of
//! households or offers (outside a dossier): the decisions every surface that reads files makes
//! the same way (the CLI's `validate`, `match`; an app that takes a file from its user).

use crate::code::InputCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Lang;
use crate::import::read::decode_text;
use crate::matching::model::cohort::Cohort;
use crate::matching::model::intro::IntroductionPlan;
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::RuleSet;
use crate::validation_code::ValidationCode;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FileKind {
    /// A dossier (JSON).
    Dossier,
    /// A matching rule set (TOML or JSON).
    Rules,
    /// A checklist template (TOML or JSON).
    Template,
    /// Newcomer households (CSV or a JSON list or table).
    Newcomers,
    /// Volunteer offers (CSV or a JSON list or table).
    Offers,
}

impl FileKind {
    /// What the file is, in `lang`: `regelsæt`, `rule set`.
    pub fn label(self, lang: Lang) -> &'static str {
        let (da, en) = match self {
            FileKind::Dossier => ("dossier", "dossier"),
            FileKind::Rules => ("regelsæt", "rule set"),
            FileKind::Template => ("tjeklisteskabelon", "checklist template"),
            FileKind::Newcomers => ("nyankomne husstande", "newcomer households"),
            FileKind::Offers => ("frivilligtilbud", "volunteer offers"),
        };
        match lang {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// `gyldigt regelsæt` / `valid rule set`, `ugyldig liste over frivilligtilbud` /
    /// `invalid list of volunteer offers`: the adjective agrees with the noun's gender.
    pub fn verdict(self, valid: bool, lang: Lang) -> String {
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

    /// Whether a file of this name is read as a spreadsheet list (`.csv`, `.tsv`, `.txt`,
    /// `.xlsx`).
    pub fn is_spreadsheet(name: &str) -> bool {
        matches!(extension(name).as_str(), "csv" | "tsv" | "txt" | "xlsx")
    }

    /// Tells what a file holds from its name (the extension) and its content: a spreadsheet's
    /// header names `arrival` (households) or `capacity`/`kind` (offers); TOML holds `rules` or
    /// `sections`; JSON is a list or table of households or offers, a rule set, a template, or
    /// else a dossier (whose reader then says what is wrong). A file whose kind cannot be told
    /// is `input.unknown_file_kind`.
    pub fn detect(name: &str, bytes: &[u8]) -> Result<FileKind, BrobyggerError> {
        let unknown = |why: &str| {
            BrobyggerError::invalid_input(
                InputCode::UnknownFileKind,
                name,
                format!("{why}; say what it is with --as dossier|rules|template|newcomers|offers"),
            )
        };
        if Self::is_spreadsheet(name) || super::read::is_workbook(bytes) {
            let header: Vec<String> = if super::read::is_workbook(bytes) {
                super::grid::xlsx_grid(bytes, None)
                    .ok()
                    .and_then(|(_, g, _)| {
                        g.rows
                            .into_iter()
                            .find(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
                    })
                    .map(|r| r.cells)
                    .unwrap_or_default()
            } else {
                let (text, _) = decode_text(bytes);
                text.lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .split([',', ';', '\t'])
                    .map(|c| {
                        c.trim()
                            .trim_matches('"')
                            .trim_start_matches('\u{feff}')
                            .to_owned()
                    })
                    .collect()
            };
            // A heading in either language names the column (`Ankomst`, `Kapacitet`).
            let has = |table: super::csv::CsvTable, column: &str| {
                header
                    .iter()
                    .any(|c| super::columns::resolve(table, c) == Some(column))
            };
            let has = |column: &str| match column {
                "arrival" => has(super::csv::CsvTable::Newcomers, column),
                _ => has(super::csv::CsvTable::Offers, column),
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
        if extension(name) == "toml" {
            let value: toml::Table = match text.parse() {
                Ok(v) => v,
                // The rule-set reader gives the TOML error with its line and column.
                Err(_) => {
                    return Err(match RuleSet::from_toml(text) {
                        Err(e) => e,
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
            Ok(serde_json::Value::Object(map)) if table_has(&map, "arrival") => {
                Ok(FileKind::Newcomers)
            }
            Ok(serde_json::Value::Object(map)) if table_has(&map, "capacity") => {
                Ok(FileKind::Offers)
            }
            Ok(serde_json::Value::Object(map)) if map.contains_key("sections") => {
                Ok(FileKind::Template)
            }
            _ => Ok(FileKind::Dossier),
        }
    }
}

fn extension(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a JSON object is a table (columns, or split) with this column.
fn table_has(map: &serde_json::Map<String, serde_json::Value>, column: &str) -> bool {
    map.get(column).is_some_and(serde_json::Value::is_array)
        || map
            .get("columns")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|c| c.iter().any(|n| n.as_str() == Some(column)))
}

/// The findings of a bare list of households, as a dossier's validation gives them, with paths
/// into the list (`newcomers[3].languages`).
pub fn newcomer_findings(list: &[Newcomer]) -> Vec<Finding> {
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

/// The findings of a bare list of offers. References to parties and people cannot be checked
/// without the dossier that holds them, so dangling references are left out.
pub fn offer_findings(list: &[Offer]) -> Vec<Finding> {
    let mut d = Dossier::new("check");
    d.offers = list.to_vec();
    relative(d.validate(), "offers", "offers")
        .into_iter()
        .filter(|f| f.code != ValidationCode::DanglingReference.code())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_from_name_and_content() {
        let k = |name: &str, text: &str| FileKind::detect(name, text.as_bytes());
        assert_eq!(k("a.csv", "id;arrival\n").unwrap(), FileKind::Newcomers);
        assert_eq!(
            k("a.txt", "\u{feff}id,capacity\n").unwrap(),
            FileKind::Offers
        );
        assert_eq!(k("r.toml", "[[rules]]\n").unwrap(), FileKind::Rules);
        assert_eq!(k("t.toml", "[[sections]]\n").unwrap(), FileKind::Template);
        assert_eq!(
            k("l.json", r#"[{"arrival": "2016-01-01"}]"#).unwrap(),
            FileKind::Newcomers
        );
        assert_eq!(
            k("l.json", r#"{"columns": ["capacity"], "data": []}"#).unwrap(),
            FileKind::Offers
        );
        assert_eq!(
            k("d.json", r#"{"schema_version": 1}"#).unwrap(),
            FileKind::Dossier
        );
        let e = k("a.csv", "id;name\n").unwrap_err();
        assert_eq!(e.code(), "input.unknown_file_kind");
        assert_eq!(FileKind::Rules.label(Lang::Da), "regelsæt");
    }
}
