//! `brobygger validate`: every problem of a dossier, rule set, checklist template, or list of
//! newcomers or offers.

use crate::inputs;
use crate::out::{Failure, Outcome, outln};
use crate::{exit, t};
use brobygger::import::{self, CsvOptions, CsvProblem, FileKind};
use brobygger::present::plural::{ERROR, INFO, ROW, WARNING, n};
use brobygger::{Dossier, Finding, FindingsExt, Lang, Severity};
use std::path::Path;

pub(crate) fn run(
    file: Option<&Path>,
    example: Option<&str>,
    kind: Option<FileKind>,
    json: bool,
    ignore_unknown_columns: bool,
    lang: Lang,
) -> Outcome {
    let Some(path) = file else {
        let d = inputs::dossier_as_is(None, example)?;
        return findings(&d.validate(), FileKind::Dossier, json, lang);
    };
    let bytes = inputs::read_bytes(path)?;
    let kind = match kind {
        Some(k) => k,
        None => inputs::detect(path, &bytes)?,
    };
    let is_csv = FileKind::is_spreadsheet(&path.display().to_string());
    match kind {
        FileKind::Dossier if crate::db::is_store(path) => {
            findings(&crate::db::load(path)?.validate(), kind, json, lang)
        }
        FileKind::Dossier => findings(
            &Dossier::from_json_bytes(&bytes)?.validate(),
            kind,
            json,
            lang,
        ),
        FileKind::Rules => findings(&inputs::rule_set(path)?.validate(), kind, json, lang),
        FileKind::Template => {
            if json {
                let f = match inputs::checklist_template(path) {
                    Ok(tpl) => tpl.validate(),
                    Err(brobygger::BrobyggerError::Validation { findings, .. }) => findings,
                    Err(e) => return Err(e.into()),
                };
                findings(&f, kind, true, lang)
            } else {
                crate::checklist::check_template(path, lang)
            }
        }
        FileKind::Newcomers | FileKind::Offers if is_csv => {
            let options = CsvOptions {
                file_name: Some(inputs::shown(path)),
                delimiter: None,
                ignore_unknown_columns,
                sheet: None,
            };
            let (problems, rows) = match kind {
                FileKind::Newcomers => {
                    let r = import::check_newcomers_csv_bytes(&bytes, &options);
                    (r.problems, r.newcomers.len())
                }
                _ => {
                    let r = import::check_offers_csv_bytes(&bytes, &options);
                    (r.problems, r.offers.len())
                }
            };
            csv_problems(&problems, rows, kind, json, lang)
        }
        FileKind::Newcomers => {
            let text = inputs::utf8(path, &bytes)?;
            let list = brobygger::matching::newcomers_from_table(text)
                .map_err(|e| inputs::in_file(path, e))?;
            findings(&import::newcomer_findings(&list), kind, json, lang)
        }
        FileKind::Offers => {
            let text = inputs::utf8(path, &bytes)?;
            let list = brobygger::matching::offers_from_table(text)
                .map_err(|e| inputs::in_file(path, e))?;
            findings(&import::offer_findings(&list), kind, json, lang)
        }
    }
}

fn summary(errors: usize, warnings: usize, infos: usize, kind: FileKind, lang: Lang) -> String {
    format!(
        "{} ({}, {}, {})",
        kind.verdict(errors == 0, lang),
        ERROR.count(lang, n(errors)),
        WARNING.count(lang, n(warnings)),
        INFO.count(lang, n(infos)),
    )
}

fn findings(list: &[Finding], kind: FileKind, json: bool, lang: Lang) -> Outcome {
    if json {
        outln!("{}", crate::to_json(list)?);
    } else {
        for f in list {
            outln!("{}", f.render(lang));
        }
        outln!(
            "{}",
            summary(
                list.count(Severity::Error),
                list.count(Severity::Warning),
                list.count(Severity::Info),
                kind,
                lang
            )
        );
    }
    Ok(exit(list.has_errors()))
}

fn csv_problems(
    problems: &[CsvProblem],
    rows: usize,
    kind: FileKind,
    json: bool,
    lang: Lang,
) -> Result<std::process::ExitCode, Failure> {
    let count = |s: Severity| problems.iter().filter(|p| p.severity == s).count();
    if json {
        outln!("{}", crate::to_json(problems)?);
    } else {
        for p in problems {
            outln!("{}", p.render(lang));
        }
        outln!(
            "{}; {} {}",
            summary(
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info),
                kind,
                lang
            ),
            ROW.count(lang, n(rows)),
            t(lang, "kan bruges", "can be used")
        );
    }
    Ok(exit(import::has_errors(problems)))
}
