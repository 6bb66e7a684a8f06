//! `brobygger checklist ...`: the built-in templates, checking a template file, and a dossier's
//! comparisons and signing readiness.

use crate::format::OutputFormat;
use crate::out::{Outcome, out, outln};
use crate::{exit, inputs, t};
use brobygger::checklists::{builtin_template, builtin_templates};
use brobygger::{BrobyggerError, FindingsExt, Lang, TemplateId};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub(crate) enum ChecklistCommand {
    /// List the built-in templates.
    #[command(after_help = "Example:\n  brobygger checklist templates --lang en")]
    Templates,
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
        /// What to print: md (the readable form, also `form`), toml or json (the template file).
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
    },
    /// Check a template file (.toml or .json); exit code 1 if it has errors.
    #[command(
        after_help = "Examples:\n  brobygger checklist check mine.toml\n  brobygger checklist check mine.json --lang en"
    )]
    Check {
        /// The template file.
        file: PathBuf,
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
        /// Output format: md or html.
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
    },
    /// Whether an agreement's checklists allow signing; exit code 1 if they do not.
    #[command(
        after_help = "Examples:\n  brobygger checklist readiness --example horsens --agreement horsens-lawan\n  brobygger checklist readiness dossier.json --agreement my-agreement && echo ready"
    )]
    Readiness {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement.
        #[arg(long)]
        agreement: String,
    },
}

/// The formats `checklist show` writes.
const SHOW_WRITES: [OutputFormat; 3] = [
    OutputFormat::Markdown,
    OutputFormat::Toml,
    OutputFormat::Json,
];

pub(crate) fn run(command: ChecklistCommand, lang: Lang) -> Outcome {
    match command {
        ChecklistCommand::Templates => {
            for tpl in builtin_templates() {
                let sides: Vec<&str> = tpl
                    .respondents
                    .iter()
                    .map(|s| brobygger::Label::label(s, lang))
                    .collect();
                outln!(
                    "{} (v{}, {} {}, {}): {}",
                    tpl.id,
                    tpl.version,
                    tpl.item_count(),
                    t(lang, "punkter", "items"),
                    sides.join(" + "),
                    tpl.title.get(lang)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Show {
            id,
            version,
            format,
        } => {
            format.accept("checklist show", &SHOW_WRITES)?;
            let tpl = builtin_template(&TemplateId::new(id), version)?;
            match format {
                OutputFormat::Markdown => out!("{}", tpl.describe(lang)),
                OutputFormat::Toml => out!("{}", tpl.to_toml()?),
                OutputFormat::Json => out!("{}", tpl.to_json()?),
                other => return Err(other.refused("checklist show", &SHOW_WRITES)),
            }
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Check { file } => check_template(&file, lang),
        ChecklistCommand::Compare {
            file,
            example,
            agreement,
            template,
            format,
        } => {
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            out!(
                "{}",
                dossier.checklists().render_comparison(
                    &agreement.into(),
                    &template.into(),
                    format.page("checklist compare")?,
                    lang
                )?
            );
            Ok(ExitCode::SUCCESS)
        }
        ChecklistCommand::Readiness {
            file,
            example,
            agreement,
        } => {
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let readiness = dossier.checklists().readiness(&agreement.into())?;
            for f in &readiness.findings {
                outln!("{}", f.render(lang));
            }
            outln!("{}", verdict(readiness.ready, lang));
            Ok(exit(!readiness.ready))
        }
    }
}

/// Whether the checklists allow signing, as a sentence.
pub(crate) fn verdict(ready: bool, lang: Lang) -> &'static str {
    match ready {
        true => t(
            lang,
            "tjeklisterne tillader underskrift",
            "the checklists allow signing",
        ),
        false => t(
            lang,
            "tjeklisterne blokerer underskrift",
            "the checklists block signing",
        ),
    }
}

/// Checks a template file and prints its findings; exit 1 if it has errors.
pub(crate) fn check_template(file: &std::path::Path, lang: Lang) -> Outcome {
    match inputs::checklist_template(file) {
        Ok(tpl) => {
            for f in &tpl.validate() {
                outln!("{}", f.render(lang));
            }
            outln!(
                "{}: {} v{} ({} {})",
                t(lang, "gyldig", "valid"),
                tpl.id,
                tpl.version,
                tpl.item_count(),
                t(lang, "punkter", "items")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BrobyggerError::Validation { findings, .. }) => {
            for f in &findings {
                outln!("{}", f.render(lang));
            }
            Ok(exit(findings.has_errors()))
        }
        Err(e) => Err(e.into()),
    }
}
