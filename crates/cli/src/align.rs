//! `brobygger align`: the expectation alignment of an agreement's checklists, side by side,
//! and whether they allow signing.

use crate::format::OutputFormat;
use crate::out::{Outcome, errln, out, outln};
use crate::{exit, inputs, one_agreement, t};
use brobygger::Format;
use brobygger::{Lang, TemplateId};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub(crate) struct AlignArgs {
    /// A dossier JSON file (or use --example).
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// The agreement (may be left out when the dossier has only one).
    #[arg(long)]
    agreement: Option<String>,
    /// Only this checklist template (default: every template answered for the agreement).
    #[arg(long)]
    template: Option<String>,
    /// md (Markdown) or html (a self-contained page; one template).
    #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
    format: OutputFormat,
    /// Write the comparison to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: AlignArgs, lang: Lang) -> Outcome {
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    let agreement = one_agreement(&d, args.agreement)?;
    if d.agreement(&agreement).is_none() {
        return Err(brobygger::BrobyggerError::not_found(
            brobygger::NotFoundCode::Agreement,
            &agreement,
        )
        .into());
    }
    let templates: Vec<TemplateId> = match args.template {
        Some(id) => vec![id.into()],
        None => {
            let mut seen: Vec<TemplateId> = Vec::new();
            for s in d.checklists().sessions(&agreement) {
                if !seen.contains(&s.template) {
                    seen.push(s.template.clone());
                }
            }
            seen
        }
    };
    let format: Format = args.format.page("align")?;
    if matches!(args.format, OutputFormat::Html) && templates.len() != 1 {
        let known: Vec<&str> = templates.iter().map(TemplateId::as_str).collect();
        return Err(inputs::bad_input(
            brobygger::UsageCode::TemplateNeeded,
            "--template",
            format!(
                "HTML shows one checklist; choose one with --template ({})",
                if known.is_empty() {
                    "none answered".to_owned()
                } else {
                    known.join(", ")
                }
            ),
        ));
    }
    let mut text = String::new();
    for template in &templates {
        text.push_str(
            &d.checklists()
                .render_comparison(&agreement, template, format, lang)?,
        );
        if matches!(args.format, OutputFormat::Markdown) {
            text.push('\n');
        }
    }
    match &args.out {
        Some(path) => crate::out::write_file(path, &text, &inputs::given(&[&args.file]))?,
        None => out!("{text}"),
    }
    if templates.is_empty() {
        outln!(
            "{} {agreement}. {}",
            t(
                lang,
                "Ingen tjekliste er besvaret for",
                "No checklist is answered for"
            ),
            t(
                lang,
                "Start med brobygger template checklist joint-expectations.",
                "Start from brobygger template checklist joint-expectations."
            )
        );
    }
    // The verdict goes to standard output with Markdown, to standard error next to an HTML
    // page so the page stays clean.
    let readiness = d.checklists().readiness(&agreement)?;
    let mut lines: Vec<String> = readiness.findings.iter().map(|f| f.render(lang)).collect();
    lines.push(crate::checklist::verdict(readiness.ready, lang).to_owned());
    if matches!(args.format, OutputFormat::Html) && args.out.is_none() {
        for l in lines {
            errln!("{l}");
        }
    } else {
        if !templates.is_empty() {
            outln!("## {}", t(lang, "Klar til underskrift?", "Ready to sign?"));
        }
        for l in lines {
            outln!("{l}");
        }
    }
    Ok(exit(!readiness.ready))
}
