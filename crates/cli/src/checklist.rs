//! `brobygger checklist ...`: the built-in templates, checking a template file, and a dossier's
//! comparisons and signing readiness.

use crate::{LangArg, load};
use brobygger::checklists::{RenderFormat, builtin};
use brobygger::{BrobyggerError, ChecklistTemplate, FindingsExt, Lang, TemplateId};
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub(crate) enum ChecklistCommand {
    /// List the built-in templates.
    Templates {
        /// Language of the titles.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
    /// Print a built-in template as a form, or as TOML or JSON to start a template of your own.
    #[command(
        after_help = "Examples:\n  brobygger checklist show joint-expectations --lang en\n  brobygger checklist show joint-expectations --format toml > mine.toml"
    )]
    Show {
        /// The template id, e.g. joint-expectations.
        id: String,
        /// The template version (the newest if absent).
        #[arg(long)]
        version: Option<u32>,
        /// Language of the form.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
        /// What to print.
        #[arg(long, value_enum, default_value_t = ShowFormat::Form)]
        format: ShowFormat,
    },
    /// Check a template file (.toml or .json); exit code 1 if it has errors.
    Check {
        /// The template file.
        file: PathBuf,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
    /// Compare the parties' answers to a checklist side by side.
    #[command(
        after_help = "Example:\n  brobygger checklist compare --example horsens --agreement horsens-lawan --template joint-expectations --format html > comparison.html"
    )]
    Compare {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement.
        #[arg(long)]
        agreement: String,
        /// The template.
        #[arg(long)]
        template: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown)]
        format: FormatArg,
        /// Language of the comparison.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
    /// Whether an agreement's checklists allow signing; exit code 1 if they do not.
    Readiness {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement.
        #[arg(long)]
        agreement: String,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum ShowFormat {
    /// The template as a readable form (Markdown).
    Form,
    /// The template file as TOML.
    Toml,
    /// The template file as JSON.
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum FormatArg {
    Markdown,
    Html,
}

impl From<FormatArg> for RenderFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Markdown => RenderFormat::Markdown,
            FormatArg::Html => RenderFormat::Html,
        }
    }
}

pub(crate) fn run(command: ChecklistCommand) -> Result<ExitCode, BrobyggerError> {
    match command {
        ChecklistCommand::Templates { lang } => {
            let lang = Lang::from(lang);
            for t in builtin::all() {
                let sides: Vec<&str> = t
                    .respondents
                    .iter()
                    .map(|s| brobygger::Label::label(s, lang))
                    .collect();
                println!(
                    "{} (v{}, {} items, {}): {}",
                    t.id,
                    t.version,
                    t.item_count(),
                    sides.join(" + "),
                    t.title.get(lang)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Show {
            id,
            version,
            lang,
            format,
        } => {
            let t = builtin::builtin_template(&TemplateId::new(id), version)?;
            match format {
                ShowFormat::Form => print!("{}", t.describe(lang.into())),
                ShowFormat::Toml => print!("{}", t.to_toml()?),
                ShowFormat::Json => print!("{}", t.to_json()?),
            }
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Check { file, lang } => {
            let lang = Lang::from(lang);
            match ChecklistTemplate::load(&file) {
                Ok(t) => {
                    let findings = t.validate();
                    for f in &findings {
                        println!("{}", f.render(lang));
                    }
                    let ok = match lang {
                        Lang::Da => "gyldig",
                        Lang::En => "valid",
                    };
                    println!("{ok}: {} v{} ({} items)", t.id, t.version, t.item_count());
                    Ok(ExitCode::SUCCESS)
                }
                Err(BrobyggerError::Validation { findings, .. }) => {
                    for f in &findings {
                        println!("{}", f.render(lang));
                    }
                    Ok(if findings.has_errors() {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    })
                }
                Err(e) => Err(e),
            }
        }
        ChecklistCommand::Compare {
            file,
            example,
            agreement,
            template,
            format,
            lang,
        } => {
            let dossier = load(file, example)?;
            print!(
                "{}",
                dossier.render_checklist_comparison(
                    &agreement.into(),
                    &template.into(),
                    format.into(),
                    lang.into()
                )?
            );
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Readiness {
            file,
            example,
            agreement,
            lang,
        } => {
            let lang = Lang::from(lang);
            let dossier = load(file, example)?;
            let readiness = dossier.checklist_readiness(&agreement.into())?;
            for f in &readiness.findings {
                println!("{}", f.render(lang));
            }
            let verdict = match (lang, readiness.ready) {
                (Lang::Da, true) => "tjeklisterne tillader underskrift",
                (Lang::Da, false) => "tjeklisterne blokerer underskrift",
                (Lang::En, true) => "the checklists allow signing",
                (Lang::En, false) => "the checklists block signing",
            };
            println!("{verdict}");
            Ok(if readiness.ready {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
