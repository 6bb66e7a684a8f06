//! The `brobygger` command: the library's main jobs on files and built-in examples.

use brobygger::chrono::NaiveDate;
use brobygger::{
    AgreementId, BrobyggerError, Dossier, FindingsExt, Lang, ReportFormat, ReportOptions,
    SummaryOptions,
};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

mod checklist;

#[derive(Parser, Debug)]
#[command(
    name = "brobygger",
    version,
    about = "Partnerships between municipalities and civil society receiving refugees / Partnerskaber mellem kommuner og civilsamfund om modtagelse af flygtninge",
    after_help = "Examples:\n  brobygger summary --example aalborg --lang da\n  brobygger validate my-dossier.json\n  brobygger assess --example aalborg --as-of 2017-06-30\n  brobygger report --example horsens --format html --out horsens.html\n  brobygger schema > dossier.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// The main job on the built-in examples: load, validate and summarise each one, with its
    /// checklists and its health (assessment scores, role split, checklists) on the day the
    /// example is told as of; with --out, also write each agreement's report.
    #[command(
        after_help = "Examples:\n  brobygger demo\n  brobygger demo --example horsens --lang en\n  brobygger demo --out reports/"
    )]
    Demo {
        /// Only this example: aalborg, ikast-brande, horsens.
        #[arg(long)]
        example: Option<String>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Assess as of this date (YYYY-MM-DD) instead of each example's own day.
        #[arg(long)]
        as_of: Option<String>,
        /// Write every agreement's report (Markdown and HTML) into this folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Load a dossier, validate it and print a readable summary.
    #[command(
        after_help = "Examples:\n  brobygger summary --example ikast-brande --lang en\n  brobygger summary dossier.json --as-of 2016-06-01"
    )]
    Summary {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Show post holders on this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Validate a dossier and print every finding; exit code 1 if there are errors.
    #[command(
        after_help = "Examples:\n  brobygger validate dossier.json\n  brobygger validate --example horsens --json"
    )]
    Validate {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Assess agreements as of a date: scores per dimension, findings with evidence and advice.
    #[command(
        after_help = "Examples:\n  brobygger assess --example aalborg --as-of 2017-06-30 --lang en\n  brobygger assess dossier.json --agreement my-agreement --json"
    )]
    Assess {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Only this agreement (default: every agreement).
        #[arg(long)]
        agreement: Option<String>,
        /// The date to assess as of (YYYY-MM-DD; default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Print the assessments as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a report on one agreement to share: the agreement, the assessment and the surveys.
    #[command(
        after_help = "Examples:\n  brobygger report --example aalborg --as-of 2017-06-30 --format html --out aalborg.html\n  brobygger report dossier.json --agreement my-agreement --lang en"
    )]
    Report {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement (may be left out when the dossier has only one).
        #[arg(long)]
        agreement: Option<String>,
        /// The date to report as of (YYYY-MM-DD; default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// Language of the report.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Markdown or self-contained HTML.
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print a built-in example dossier as JSON, to start from.
    #[command(after_help = "Example:\n  brobygger example aalborg > aalborg.json")]
    Example {
        /// aalborg, ikast-brande or horsens.
        name: String,
    },
    /// Print the JSON Schema of the dossier format.
    Schema,
    /// Print who does what under an agreement (RACI matrix) with its findings, as Markdown or
    /// as a self-contained HTML page; exit code 1 if the split has errors.
    #[command(
        after_help = "Examples:\n  brobygger roles --example aalborg --lang en\n  brobygger roles dossier.json --agreement aalborg-lbb --format html > roller.html"
    )]
    Roles {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement's id; every agreement if left out.
        #[arg(long)]
        agreement: Option<String>,
        /// The agreement version; the version in force if left out.
        #[arg(long)]
        version: Option<u32>,
        /// Look post holders up on this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// Markdown table or HTML page.
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown)]
        format: FormatArg,
    },
    /// Expectation-alignment checklists: templates, side-by-side comparisons, signing readiness.
    #[command(
        after_help = "Examples:\n  brobygger checklist templates\n  brobygger checklist compare --example horsens --agreement horsens-lawan --template joint-expectations"
    )]
    Checklist {
        #[command(subcommand)]
        command: checklist::ChecklistCommand,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    /// Markdown (`md`, also accepted as `markdown`).
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A self-contained HTML page.
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Da,
    En,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
        }
    }
}

fn write_error(path: &std::path::Path, e: &std::io::Error) -> BrobyggerError {
    BrobyggerError::invalid_input(
        "cli.write",
        &path.display().to_string(),
        e.kind().to_string(),
    )
}

fn date_arg(as_of: Option<String>) -> Result<NaiveDate, BrobyggerError> {
    match as_of {
        None => Ok(brobygger::chrono::Utc::now().date_naive()),
        Some(s) => brobygger::time::parse_date(&s).ok_or_else(|| {
            BrobyggerError::invalid_input("cli.bad_date", "--as-of", "expected YYYY-MM-DD")
        }),
    }
}

/// The agreement asked for, or the only one; otherwise an error naming the choices.
fn one_agreement(
    dossier: &Dossier,
    agreement: Option<String>,
) -> Result<AgreementId, BrobyggerError> {
    match (agreement, dossier.agreements.as_slice()) {
        (Some(id), _) => Ok(id.into()),
        (None, [only]) => Ok(only.id.clone()),
        (None, all) => Err(BrobyggerError::invalid_input(
            "cli.no_agreement",
            "--agreement",
            format!(
                "the dossier has {} agreements; choose one with --agreement: {}",
                all.len(),
                all.iter()
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

fn load(file: Option<PathBuf>, example: Option<String>) -> Result<Dossier, BrobyggerError> {
    match (file, example) {
        (Some(path), _) => Dossier::load(path),
        (None, Some(name)) => Dossier::example(&name),
        (None, None) => Err(BrobyggerError::invalid_input(
            "cli.no_input",
            "file",
            "give a dossier file or --example NAME (aalborg, ikast-brande, horsens)",
        )),
    }
}

fn run(cli: Cli) -> Result<ExitCode, BrobyggerError> {
    match cli.command {
        Command::Demo {
            example,
            lang,
            as_of,
            out,
        } => {
            let examples: Vec<brobygger::Example> = match example {
                Some(name) => vec![
                    brobygger::Example::from_name(&name)
                        .ok_or_else(|| BrobyggerError::not_found("example", name))?,
                ],
                None => brobygger::Example::ALL.to_vec(),
            };
            let as_of = match as_of {
                None => None,
                Some(s) => Some(date_arg(Some(s))?),
            };
            let lang = Lang::from(lang);
            if let Some(dir) = &out {
                std::fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
            }
            let mut errors = 0;
            let mut written = Vec::new();
            for e in examples {
                let dossier = e.dossier()?;
                let day = as_of.unwrap_or_else(|| e.reference_date());
                errors += dossier
                    .validate()
                    .iter()
                    .filter(|f| f.severity == brobygger::Severity::Error)
                    .count();
                println!("{}", dossier.summary(lang));
                let checklists = dossier.checklist_summary(lang);
                if !checklists.is_empty() {
                    println!("{checklists}");
                }
                println!("{}", dossier.health_summary(day, lang));
                if let Some(dir) = &out {
                    for a in &dossier.agreements {
                        for (format, ext) in
                            [(ReportFormat::Markdown, "md"), (ReportFormat::Html, "html")]
                        {
                            let report =
                                dossier.report(&a.id, ReportOptions::new(day, lang, format))?;
                            let path = dir.join(format!("report-{}-{}.{ext}", a.id, lang.code()));
                            std::fs::write(&path, report).map_err(|e| write_error(&path, &e))?;
                            written.push(path);
                        }
                    }
                }
            }
            if !written.is_empty() {
                let label = match lang {
                    Lang::Da => "Rapporter skrevet",
                    Lang::En => "Reports written",
                };
                println!("{label}:");
                for p in &written {
                    println!("  {}", p.display());
                }
            }
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Summary {
            file,
            example,
            lang,
            as_of,
        } => {
            let dossier = load(file, example)?;
            let as_of = match as_of {
                None => None,
                Some(s) => Some(brobygger::time::parse_date(&s).ok_or_else(|| {
                    BrobyggerError::invalid_input("cli.bad_date", "--as-of", "expected YYYY-MM-DD")
                })?),
            };
            print!(
                "{}",
                dossier.summary(SummaryOptions {
                    lang: lang.into(),
                    as_of
                })
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate {
            file,
            example,
            lang,
            json,
        } => {
            let dossier = load(file, example)?;
            let findings = dossier.validate();
            if json {
                let s = serde_json::to_string_pretty(&findings).map_err(|e| {
                    BrobyggerError::Internal {
                        code: "cli.serialize".into(),
                        reason: e.to_string(),
                    }
                })?;
                println!("{s}");
            } else {
                for f in &findings {
                    println!("{}", f.render(lang.into()));
                }
                let lang: Lang = lang.into();
                let ok = match lang {
                    Lang::Da => "gyldig",
                    Lang::En => "valid",
                };
                if !findings.has_errors() {
                    println!("{ok} ({} finding(s))", findings.len());
                }
            }
            Ok(if findings.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Assess {
            file,
            example,
            agreement,
            as_of,
            lang,
            json,
        } => {
            let dossier = load(file, example)?;
            let as_of = date_arg(as_of)?;
            let assessments = match agreement {
                Some(id) => vec![dossier.assess(&id.into(), as_of)?],
                None => dossier
                    .agreements
                    .iter()
                    .map(|a| dossier.assess(&a.id, as_of))
                    .collect::<Result<Vec<_>, _>>()?,
            };
            if json {
                let s = serde_json::to_string_pretty(&assessments).map_err(|e| {
                    BrobyggerError::Internal {
                        code: "cli.serialize".into(),
                        reason: e.to_string(),
                    }
                })?;
                println!("{s}");
            } else {
                for a in &assessments {
                    println!("{}\n", a.render(lang.into(), ReportFormat::Markdown));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            file,
            example,
            agreement,
            as_of,
            lang,
            format,
            out,
        } => {
            let dossier = load(file, example)?;
            let agreement = one_agreement(&dossier, agreement)?;
            let options = ReportOptions::new(date_arg(as_of)?, lang.into(), format.into());
            let report = dossier.report(&agreement, options)?;
            match out {
                None => print!("{report}"),
                Some(path) => std::fs::write(&path, report).map_err(|e| write_error(&path, &e))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Example { name } => {
            let dossier = Dossier::example(&name)?;
            print!("{}", dossier.to_json()?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", brobygger::schema::dossier_schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Roles {
            file,
            example,
            agreement,
            version,
            as_of,
            lang,
            format,
        } => {
            let dossier = load(file, example)?;
            let as_of = match as_of {
                None => None,
                Some(s) => Some(brobygger::time::parse_date(&s).ok_or_else(|| {
                    BrobyggerError::invalid_input("cli.bad_date", "--as-of", "expected YYYY-MM-DD")
                })?),
            };
            let ids: Vec<brobygger::AgreementId> = match agreement {
                Some(id) => vec![id.into()],
                None => dossier.agreements.iter().map(|a| a.id.clone()).collect(),
            };
            // One HTML page per run: several agreements would make several documents.
            if matches!(format, FormatArg::Html) && ids.len() > 1 {
                let known: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
                return Err(BrobyggerError::invalid_input(
                    "cli.agreement_needed",
                    "--agreement",
                    format!(
                        "HTML shows one agreement; choose one of {}",
                        known.join(", ")
                    ),
                ));
            }
            let options = brobygger::RoleOptions {
                version,
                as_of,
                all_catalogue_tasks: false,
            };
            let mut errors = false;
            for id in ids {
                let matrix = dossier.role_matrix(&id, options)?;
                errors |= matrix.findings.has_errors();
                match format {
                    FormatArg::Markdown => println!("{}", matrix.markdown(lang.into())),
                    FormatArg::Html => print!("{}", matrix.html(lang.into())),
                }
            }
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Checklist { command } => checklist::run(command),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("brobygger: {e}");
            for f in e.findings() {
                eprintln!("  {}", f.render(Lang::En));
            }
            ExitCode::from(2)
        }
    }
}
