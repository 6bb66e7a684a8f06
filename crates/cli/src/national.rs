//! `brobygger national`: a municipality beside the national figures of KL's 2015 survey of the
//! municipalities (seed 000): what the dossier answers itself, with the coordinator's own
//! answers to the other questions added.

use crate::format::OutputFormat;
use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::MunicipalityId;
use brobygger::assessment::{NationalComparison, OwnAnswer, kl_2015};
use brobygger::present::{Format, Present};
use brobygger::{Dossier, Lang};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct NationalArgs {
    /// A dossier JSON file or a store (or use --example); `-` reads standard input.
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The municipality (may be left out when the dossier has only one).
    #[arg(long)]
    municipality: Option<String>,
    /// Your answer to a question the dossier cannot answer, as QUESTION=CATEGORY (e.g.
    /// cooperation_change=more); repeat the option for several.
    #[arg(long = "answer", value_name = "QUESTION=CATEGORY")]
    answers: Vec<String>,
    /// Output format: text, md, html or json.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// The municipality asked for, or the dossier's only one.
fn one_municipality(
    d: &Dossier,
    asked: Option<&str>,
) -> Result<MunicipalityId, crate::out::Failure> {
    match (asked, d.municipalities.as_slice()) {
        (Some(id), _) => Ok(MunicipalityId::from(id)),
        (None, [only]) => Ok(only.id.clone()),
        (None, all) => Err(inputs::bad_input(
            brobygger::UsageCode::Choose,
            "--municipality",
            format!(
                "the dossier has {} municipalities; choose one with --municipality: {}",
                all.len(),
                all.iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// `QUESTION=CATEGORY` pairs; the question and category are checked against the reference by
/// the core.
fn own_answers(given: &[String]) -> Result<Vec<OwnAnswer>, crate::out::Failure> {
    given
        .iter()
        .enumerate()
        .map(|(i, a)| match a.split_once('=') {
            Some((q, c)) if !q.trim().is_empty() && !c.trim().is_empty() => {
                Ok(OwnAnswer::new(q.trim(), c.trim()))
            }
            _ => Err(inputs::bad_input(
                brobygger::InputCode::BadField,
                &format!("--answer[{i}]"),
                "write the answer as QUESTION=CATEGORY",
            )),
        })
        .collect()
}

/// The formats `national` writes.
const WRITES: [OutputFormat; 4] = [
    OutputFormat::Text,
    OutputFormat::Markdown,
    OutputFormat::Html,
    OutputFormat::Json,
];

pub(crate) fn run(args: NationalArgs, lang: Lang) -> Outcome {
    args.format.accept("national", &WRITES)?;
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let municipality = one_municipality(&d, args.municipality.as_deref())?;
    let answers = own_answers(&args.answers)?;
    let rows = d
        .assessment()
        .compare_with_national(&municipality, &answers)?;
    let comparison = NationalComparison {
        reference: kl_2015()?,
        rows,
    };
    let text = match args.format {
        OutputFormat::Text => comparison.present(Format::Text, lang),
        OutputFormat::Markdown => comparison.present(Format::Markdown, lang),
        OutputFormat::Html => comparison.present(Format::Html, lang),
        OutputFormat::Json => format!("{}\n", crate::to_json(&comparison.rows)?),
        other => return Err(other.refused("national", &WRITES)),
    };
    match &args.out {
        Some(path) => {
            let inputs: Vec<&std::path::Path> = args.file.as_deref().into_iter().collect();
            crate::out::write_file(path, &text, &inputs)?;
        }
        None if text.ends_with('\n') => out!("{text}"),
        None => outln!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
