//! `brobygger template ...` (files to start from) and `brobygger schema` (the formats' JSON
//! Schemas).

use crate::format::OutputFormat;
use crate::out::{Failure, Outcome, out, outln};
use crate::t;
use brobygger::checklists::{builtin_template, builtin_templates};
use brobygger::import::{self, CsvColumn, CsvTable};
use brobygger::{BrobyggerError, Dossier, Label, Lang, TemplateId};
use clap::{Subcommand, ValueEnum};
use std::process::ExitCode;

/// The starter rule set `brobygger template rules` prints (a test holds it valid).
pub(crate) const STARTER_RULES: &str = include_str!("../templates/starter.rules.toml");

#[derive(Subcommand, Debug)]
pub(crate) enum TemplateCommand {
    /// A built-in checklist template as TOML (or JSON) to start your own; without an id, the
    /// list of built-in templates.
    #[command(
        after_help = "Examples:\n  brobygger template checklist\n  brobygger template checklist joint-expectations > mine.toml\n  brobygger template checklist joint-expectations --format json"
    )]
    Checklist {
        /// The template's id, e.g. joint-expectations.
        id: Option<String>,
        /// The template version (the newest if absent).
        #[arg(long)]
        version: Option<u32>,
        /// toml or json.
        #[arg(long, value_enum, default_value_t = OutputFormat::Toml)]
        format: OutputFormat,
    },
    /// A starter rule set (TOML) with one rule of each common kind, commented.
    #[command(
        after_help = "Examples:\n  brobygger template rules > regler.toml\n  brobygger validate regler.toml"
    )]
    Rules,
    /// The newcomers CSV layout: the header row, optionally two invented example rows, or
    /// (--describe) every column explained.
    #[command(
        after_help = "Examples:\n  brobygger template newcomers > nyankomne.csv\n  brobygger template newcomers --example-rows\n  brobygger template newcomers --describe --lang en\n\nThe same column names are read from JSON tables (brobygger match --newcomers table.json)."
    )]
    Newcomers(CsvTemplateArgs),
    /// The offers CSV layout: the header row, optionally two invented example rows, or
    /// (--describe) every column explained.
    #[command(
        after_help = "Examples:\n  brobygger template offers > tilbud.csv\n  brobygger template offers --example-rows\n  brobygger template offers --describe"
    )]
    Offers(CsvTemplateArgs),
    /// The parties sheet for `brobygger new`: the municipality and the organisations, one row
    /// each (id, name, kind, and a municipality's code).
    #[command(
        after_help = "Examples:\n  brobygger template organisations --example-rows > parter.csv\n  brobygger template organisations --excel --out parter.csv"
    )]
    Organisations(PartyTemplateArgs),
    /// The posts sheet for `brobygger new`: one row per post (id, title, kind, and the party
    /// it is for, by its id in the parties sheet).
    #[command(
        after_help = "Examples:\n  brobygger template posts --example-rows > poster.csv\n  brobygger template posts --excel --lang en"
    )]
    Posts(PartyTemplateArgs),
}

#[derive(clap::Args, Debug)]
pub(crate) struct PartyTemplateArgs {
    /// Add two invented example rows after the header.
    #[arg(long)]
    example_rows: bool,
    /// For a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark and Danish
    /// headings and words.
    #[arg(long)]
    excel: bool,
    /// Write to this file instead of standard output (`-` for standard output).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

#[derive(clap::Args, Debug)]
pub(crate) struct CsvTemplateArgs {
    /// Add two invented example rows (from the Ikast-Brande example) after the header.
    #[arg(long, conflicts_with = "describe")]
    example_rows: bool,
    /// Explain every column (Markdown) instead of printing the file.
    #[arg(long)]
    describe: bool,
    /// For a spreadsheet program in --lang: for Danish Excel `;`, a byte-order mark, decimal
    /// commas, day-first dates and Danish headings and words.
    #[arg(long, conflicts_with = "describe")]
    excel: bool,
    /// Write to this file instead of standard output; a name ending in .xlsx writes an Excel
    /// workbook (headings and words in --lang).
    #[arg(long, conflicts_with = "describe")]
    out: Option<std::path::PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum SchemaKind {
    /// The dossier (`brobygger example`'s output).
    Dossier,
    /// A matching rule set.
    Rules,
    /// A checklist template.
    Template,
    /// A JSON list of newcomer households.
    Newcomers,
    /// A JSON list of volunteer offers.
    Offers,
    /// A matching run (`brobygger match --format json`).
    MatchRun,
    /// A list of reminders (`brobygger remind --format json`).
    Reminders,
}

pub(crate) fn run(what: TemplateCommand, lang: Lang) -> Outcome {
    match what {
        TemplateCommand::Checklist { id: None, .. } => {
            outln!(
                "{}",
                t(
                    lang,
                    "Indbyggede tjeklister (brobygger template checklist ID > min.toml):",
                    "Built-in checklists (brobygger template checklist ID > mine.toml):"
                )
            );
            for tpl in builtin_templates() {
                outln!("  {} (v{}): {}", tpl.id, tpl.version, tpl.title.get(lang));
            }
        }
        TemplateCommand::Checklist {
            id: Some(id),
            version,
            format,
        } => {
            let tpl = builtin_template(&TemplateId::new(id), version)?;
            match format {
                OutputFormat::Toml => out!("{}", tpl.to_toml()?),
                OutputFormat::Json => out!("{}", tpl.to_json()?),
                other => {
                    return Err(other.refused(
                        "template checklist",
                        &[OutputFormat::Toml, OutputFormat::Json],
                    ));
                }
            }
        }
        TemplateCommand::Rules => out!("{STARTER_RULES}"),
        TemplateCommand::Newcomers(args) => csv_template(CsvTable::Newcomers, &args, lang)?,
        TemplateCommand::Offers(args) => csv_template(CsvTable::Offers, &args, lang)?,
        TemplateCommand::Organisations(args) => {
            party_template(import::PartySheet::Organisations, &args, lang)?;
        }
        TemplateCommand::Posts(args) => party_template(import::PartySheet::Posts, &args, lang)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn csv_template(table: CsvTable, args: &CsvTemplateArgs, lang: Lang) -> Result<(), Failure> {
    let columns = match table {
        CsvTable::Newcomers => import::newcomer_columns(),
        CsvTable::Offers => import::offer_columns(),
    };
    if args.describe {
        out!("{}", describe(table, &columns, lang));
        return Ok(());
    }
    let style = if args.excel {
        import::SheetStyle::excel(lang)
    } else {
        import::SheetStyle::Data
    };
    let example = Dossier::example("ikast-brande")?;
    let rows = if args.example_rows { 2 } else { 0 };
    let newcomers = example
        .cohorts
        .first()
        .map(|c| c.newcomers.as_slice())
        .unwrap_or(&[]);
    let newcomers = newcomers.get(..rows).unwrap_or(newcomers);
    let offers = example.offers.get(..rows).unwrap_or(&example.offers);
    let xlsx = args.out.as_deref().is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    });
    // A workbook's headings and words follow --lang unless it is for programs.
    let book_lang = Some(lang);
    let bytes = match (table, xlsx) {
        (CsvTable::Newcomers, true) => import::newcomers_to_xlsx(newcomers, book_lang)?,
        (CsvTable::Offers, true) => import::offers_to_xlsx(offers, book_lang)?,
        (CsvTable::Newcomers, false) => {
            import::newcomers_to_csv_styled(newcomers, style).into_bytes()
        }
        (CsvTable::Offers, false) => import::offers_to_csv_styled(offers, style).into_bytes(),
    };
    match &args.out {
        Some(path) => crate::out::write_bytes(path, &bytes, &[]),
        None => crate::out::write_bytes(std::path::Path::new("-"), &bytes, &[]),
    }
}

fn party_template(
    which: import::PartySheet,
    args: &PartyTemplateArgs,
    lang: Lang,
) -> Result<(), Failure> {
    let style = if args.excel {
        import::SheetStyle::excel(lang)
    } else {
        import::SheetStyle::Data
    };
    let text = import::party_sheet_template(which, style, args.example_rows);
    let to = args
        .out
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("-"));
    crate::out::write_bytes(&to, text.as_bytes(), &[])
}

fn describe(table: CsvTable, columns: &[CsvColumn], lang: Lang) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}: {}\n",
        t(lang, "CSV-layout", "CSV layout"),
        table.label(lang)
    );
    let _ = writeln!(
        s,
        "{}\n",
        t(
            lang,
            "Én række pr. post med en overskriftsrække; kolonnerne i vilkårlig rækkefølge. Skilletegn `,`, `;` eller tabulator (findes af overskriften). Flere værdier i én celle adskilles med `;`. UTF-8 (også med BOM) eller Windows-1252.",
            "One row per entry with a header row; columns in any order. Delimiter `,`, `;` or tab (found from the header). Several values in one cell are separated by `;`. UTF-8 (with or without BOM) or Windows-1252."
        )
    );
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        t(lang, "kolonne", "column"),
        t(lang, "påkrævet", "required"),
        t(lang, "sådan skrives den", "how to write it"),
        t(lang, "følsomhed", "sensitivity"),
        t(lang, "eksempel", "example"),
    );
    for c in columns {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} |",
            c.name,
            if c.required { t(lang, "ja", "yes") } else { "" },
            c.format.get(lang),
            c.sensitivity.label(lang),
            if c.example.is_empty() {
                String::new()
            } else {
                format!("`{}`", c.example)
            },
        );
    }
    s
}

pub(crate) fn schema(kind: SchemaKind) -> Outcome {
    use brobygger::matching::{MatchRun, Newcomer, Offer, RuleSet};
    let text = match kind {
        SchemaKind::Dossier => brobygger::dossier_schema_json(),
        SchemaKind::Rules => pretty(schemars::schema_for!(RuleSet))?,
        SchemaKind::Template => pretty(schemars::schema_for!(brobygger::ChecklistTemplate))?,
        SchemaKind::Newcomers => pretty(schemars::schema_for!(Vec<Newcomer>))?,
        SchemaKind::Offers => pretty(schemars::schema_for!(Vec<Offer>))?,
        SchemaKind::MatchRun => pretty(schemars::schema_for!(MatchRun))?,
        SchemaKind::Reminders => pretty(schemars::schema_for!(Vec<brobygger::Reminder>))?,
    };
    out!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn pretty(schema: schemars::Schema) -> Result<String, Failure> {
    serde_json::to_string_pretty(&schema)
        .map(|s| s + "\n")
        .map_err(|e| {
            Failure::Lib(BrobyggerError::Internal {
                code: brobygger::UsageCode::Serialize.into(),
                reason: e.to_string(),
            })
        })
}
