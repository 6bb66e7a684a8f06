//! `brobygger directory`: the association directory (003) of a dossier, a store or the
//! municipality's spreadsheet: searched and filtered, printed for people, written back as the
//! spreadsheet, or exported as Open Referral HSDS 3.0.

use crate::format::OutputFormat;
use crate::inputs;
use crate::out::{Outcome, errln, out, outln};
use brobygger::directory::{
    Directory, DirectoryOptions, DirectoryQuery, HsdsOptions, directory_from_csv_bytes,
    directory_to_csv,
};
use brobygger::present::{Format, Present};
use brobygger::{FindingsExt, Lang};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct DirectoryArgs {
    /// A dossier JSON file or a store (or use --example or --csv).
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with_all = ["file", "csv"])]
    example: Option<String>,
    /// The directory spreadsheet instead of a dossier (CSV, Danish or English headers).
    #[arg(long, conflicts_with = "file")]
    csv: Option<PathBuf>,
    /// Free text: every word must be found, in any case and inflection.
    #[arg(long)]
    search: Option<String>,
    /// Only ethnic minority associations (the list 003 tells of).
    #[arg(long)]
    ethnic_minority: bool,
    /// Only offers in these languages (ISO 639 codes; repeat the option or separate with commas).
    #[arg(long, value_delimiter = ',')]
    language: Vec<String>,
    /// Only organisations with an entry of their own.
    #[arg(long)]
    listed_only: bool,
    /// Check contact posts for a holder on this day (YYYY-MM-DD).
    #[arg(long)]
    as_of: Option<String>,
    /// HSDS: also entries for municipal staff only (never for publication).
    #[arg(long)]
    include_internal: bool,
    /// Output format: text, md, html, csv (the municipality's spreadsheet, one row per offer, which --csv reads back), hsds (Open Referral HSDS 3.0 organizations as JSON, public entries only) or json.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// The formats `directory` writes.
const WRITES: [OutputFormat; 6] = [
    OutputFormat::Text,
    OutputFormat::Markdown,
    OutputFormat::Html,
    OutputFormat::Csv,
    OutputFormat::Hsds,
    OutputFormat::Json,
];

pub(crate) fn run(args: DirectoryArgs, lang: Lang) -> Outcome {
    args.format.accept("directory", &WRITES)?;
    let as_of = args
        .as_of
        .as_deref()
        .map(|s| inputs::date(s, "--as-of"))
        .transpose()?;
    let options = DirectoryOptions {
        as_of,
        listed_only: args.listed_only,
    };
    let mut has_errors = false;
    let directory = match &args.csv {
        Some(path) => {
            let bytes = inputs::read_bytes(path)?;
            let read = directory_from_csv_bytes(&bytes);
            for p in &read.problems {
                errln!("{}", p.render(lang));
            }
            has_errors = read.problems.has_errors();
            read.directory
        }
        None => inputs::dossier(args.file.as_deref(), args.example.as_deref())?
            .directory()
            .build(options),
    };
    let mut query = if args.ethnic_minority {
        DirectoryQuery::ethnic_minority_associations()
    } else {
        DirectoryQuery::default()
    };
    query.text = args.search.clone();
    query.languages = args.language.clone();
    let shown = if query == DirectoryQuery::default() {
        directory
    } else {
        Directory::from_hits(directory.search(&query))
    };
    let text = match args.format {
        OutputFormat::Text => shown.present(Format::Text, lang),
        OutputFormat::Markdown => shown.present(Format::Markdown, lang),
        OutputFormat::Html => shown.present(Format::Html, lang),
        OutputFormat::Csv => directory_to_csv(&shown),
        OutputFormat::Hsds => shown.hsds_json(HsdsOptions {
            lang,
            include_internal: args.include_internal,
        })?,
        OutputFormat::Json => format!("{}\n", crate::to_json(&shown)?),
        other => return Err(other.refused("directory", &WRITES)),
    };
    match &args.out {
        Some(path) => {
            let mut inputs: Vec<&std::path::Path> = Vec::new();
            inputs.extend(args.file.as_deref());
            inputs.extend(args.csv.as_deref());
            crate::out::write_file(path, &text, &inputs)?;
        }
        None if text.ends_with('\n') => out!("{text}"),
        None => outln!("{text}"),
    }
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
