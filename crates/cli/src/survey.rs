//! `brobygger survey`: survey rounds of any shape (a partnership's volunteers, staff and
//! newcomers as in LBB's evaluation, 001, or a population of municipalities as KL's, 000): each
//! round's shares by its respondent groups with Wilson intervals and small groups hidden, and the
//! changes since an earlier round with Newcombe's interval. A municipality beside KL's published
//! figures is `brobygger national`.

use crate::inputs;
use crate::out::{Outcome, out, outln};
use brobygger::assessment::{SurveyId, SurveyView, SurveyViewOptions};
use brobygger::present::{Format, Present};
use brobygger::{Dossier, Lang};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SurveyFormat {
    /// Each round: who was asked, its shares and changes as tables.
    Text,
    /// As text, in Markdown.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A self-contained HTML page (one round).
    Html,
    /// The rounds' shares and changes as JSON (hidden shares without numbers).
    Json,
    /// One row per share, for a spreadsheet.
    Csv,
}

#[derive(Args, Debug)]
pub(crate) struct SurveyArgs {
    /// A dossier JSON file or a store (or use --example); `-` reads standard input.
    file: Option<PathBuf>,
    /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
    #[arg(long, conflicts_with = "file")]
    example: Option<String>,
    /// Only this round (default: every round, oldest first).
    #[arg(long)]
    survey: Option<String>,
    /// The earlier round to compare with (default: the latest earlier round about the same
    /// agreement).
    #[arg(long, requires = "survey")]
    before: Option<String>,
    /// The fewest respondents a shown share may have (at least 5, the default).
    #[arg(long, default_value_t = brobygger::privacy::DEFAULT_MIN_CELL)]
    min_cell: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SurveyFormat::Text)]
    format: SurveyFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn views(d: &Dossier, args: &SurveyArgs) -> Result<Vec<SurveyView>, crate::out::Failure> {
    let options = SurveyViewOptions {
        before: args.before.as_deref().map(SurveyId::from),
        min_cell: args.min_cell,
    };
    let ids: Vec<SurveyId> = match &args.survey {
        Some(id) => vec![SurveyId::from(id.as_str())],
        None => {
            let mut rounds: Vec<_> = d.surveys.iter().collect();
            rounds.sort_by_key(|r| r.closed_on);
            rounds.into_iter().map(|r| r.id.clone()).collect()
        }
    };
    Ok(ids
        .iter()
        .map(|id| d.surveys().view(id, &options))
        .collect::<Result<Vec<_>, _>>()?)
}

pub(crate) fn run(args: SurveyArgs, lang: Lang) -> Outcome {
    let d = inputs::dossier(args.file.as_deref(), args.example.as_deref())?;
    if args.min_cell < brobygger::privacy::DEFAULT_MIN_CELL {
        return Err(inputs::bad_input(
            brobygger::InputCode::BadField,
            "--min-cell",
            format!(
                "shared output never shows a share of fewer than {} respondents; give {} or more",
                brobygger::privacy::DEFAULT_MIN_CELL,
                brobygger::privacy::DEFAULT_MIN_CELL
            ),
        ));
    }
    let views = views(&d, &args)?;
    // One HTML page per run: several rounds would make several documents.
    if args.format == SurveyFormat::Html && views.len() > 1 {
        return Err(inputs::bad_input(
            brobygger::UsageCode::Choose,
            "--survey",
            format!(
                "HTML shows one round; choose one of {}",
                views
                    .iter()
                    .map(|v| v.survey.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let text = match args.format {
        SurveyFormat::Json => format!("{}\n", crate::to_json(&views)?),
        SurveyFormat::Csv => {
            let mut table: Option<brobygger::present::Table> = None;
            for v in &views {
                if let Some(t) = v.table("group_shares", lang) {
                    match &mut table {
                        None => table = Some(t),
                        Some(all) => all.rows.extend(t.rows),
                    }
                }
            }
            table.map(|t| t.csv()).unwrap_or_default()
        }
        format => {
            let format = match format {
                SurveyFormat::Markdown => Format::Markdown,
                SurveyFormat::Html => Format::Html,
                _ => Format::Text,
            };
            if views.is_empty() {
                format!(
                    "{}\n",
                    crate::t(
                        lang,
                        "Dossieret har ingen spørgerunder.",
                        "The dossier has no survey rounds."
                    )
                )
            } else {
                views
                    .iter()
                    .map(|v| v.present(format, lang))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
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
