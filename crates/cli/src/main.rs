//! The `brobygger` command: the library's main jobs on files, spreadsheet lists and the
//! built-in examples.
//!
//! Exit codes (the same for every subcommand):
//! - `0`: done; the data may hold warnings.
//! - `1`: the input was read but its data has errors: validation findings, bad CSV cells, a
//!   rule set with errors, an operation the rules refuse, or (for `align`, `roles` and
//!   `checklist readiness`) a result that blocks signing.
//! - `2`: bad usage or input that cannot be read: an unknown option or value, a missing or
//!   unreadable file, text that is not JSON, TOML or UTF-8, an unsupported schema version, an
//!   id the dossier does not have.

use brobygger::{
    AgreementId, BrobyggerError, Dossier, FindingsExt, Format, Lang, ReportOptions, SummaryOptions,
};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod align;
mod calendar;
mod checklist;
mod db;
mod demo;
mod directory;
mod format;
mod help;
mod help_da;
mod inputs;
mod matching;
mod meetings;
mod national;
mod new;
mod out;
mod outcomes;
mod relationships;
mod remind;
mod survey;
mod template;
mod validate;

use format::OutputFormat;
use inputs::KindArg;
use out::{Failure, Outcome, errln, out, outln};

#[derive(Parser, Debug)]
#[command(
    name = "brobygger",
    version,
    about = "Partnerships between municipalities and civil society receiving refugees",
    after_help = "Examples:\n  brobygger demo --lang en --out reports/\n  brobygger validate nyankomne.csv\n  brobygger match --newcomers nyankomne.csv --offers tilbud.csv --rules regler.toml --format csv --out forslag.csv\n  brobygger remind --example ikast-brande --as-of 2016-03-01\n  brobygger assess --example aalborg --as-of 2017-06-30\n  brobygger report --example horsens --format html --out horsens.html\n  brobygger template newcomers > nyankomne.csv\n\nExit codes: 0 done (warnings allowed) · 1 the data has errors (findings, bad CSV cells, signing blocked) · 2 bad usage or unreadable input."
)]
struct Cli {
    /// Language of the output: da (Danish) or en (English).
    #[arg(long, global = true, default_value = "da", value_parser = parse_lang)]
    lang: Lang,
    /// Read a dossier that has errors anyway (by default every command but validate refuses
    /// one, with its findings and exit code 1).
    #[arg(long, global = true)]
    allow_invalid: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// The main job on the built-in examples, end to end: validate, role split, checklist
    /// alignment, matching of Ikast-Brande's cohort, introductions due, and each agreement's
    /// health; with --out, also write the reports, the match result and the dossier.
    #[command(
        after_help = "Examples:\n  brobygger demo\n  brobygger demo --example ikast-brande --lang en\n  brobygger demo --out reports/\n\nThe cohort is matched, and its introductions checked, on the first day of the month after its last household arrived (Ikast-Brande: 2016-04-01); the health is assessed on the day each example is told as of. --as-of sets one day for both."
    )]
    Demo {
        /// Only this example: aalborg, ikast-brande, horsens, esbjerg.
        #[arg(long)]
        example: Option<String>,
        /// Use this day (YYYY-MM-DD) for matching, introductions and the assessment.
        #[arg(long)]
        as_of: Option<String>,
        /// Write every agreement's report (Markdown and HTML), each cohort's match (JSON and
        /// CSV) and the dossier with the runs into this folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// A dossier (or a store) from the partnership's own spreadsheets: newcomer households,
    /// offers, the parties and their posts (CSV in any encoding, or .xlsx); every problem with
    /// its file, line and column.
    #[command(
        after_help = "Examples:\n  brobygger new --title \"Venner Viser Vej\" --start 2016-01-01 --newcomers nyankomne.csv --offers tilbud.csv --organisations parter.csv --posts poster.csv --out dossier.json\n  brobygger new --title \"Venner Viser Vej\" --newcomers nyankomne.xlsx --offers tilbud.xlsx --store partnerskab.db\n\nStart from `brobygger template newcomers`, `template offers`, `template organisations` and `template posts`. The parties become a draft agreement; the households one cohort.\n\nExit codes: 0 done (warnings allowed) · 1 the sheets have errors · 2 bad usage or unreadable input."
    )]
    New(new::NewArgs),
    /// Load a dossier, validate it and print a readable summary.
    #[command(
        after_help = "Examples:\n  brobygger summary --example ikast-brande --lang en\n  brobygger summary dossier.json --as-of 2016-06-01"
    )]
    Summary {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Show post holders on this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Check a file and print every problem: a dossier, a rule set, a checklist template, or a
    /// list of newcomers or offers (CSV or JSON). The kind is told from the name and content.
    #[command(
        after_help = "Examples:\n  brobygger validate dossier.json\n  brobygger validate nyankomne.csv --lang en\n  brobygger validate tilbud.csv --json\n  brobygger validate regler.toml\n  brobygger validate liste.txt --as newcomers\n  brobygger validate --example horsens\n\nExit codes: 0 valid (warnings allowed) · 1 errors in the data · 2 the file cannot be read."
    )]
    Validate {
        /// The file: .json, .toml, .csv (or .tsv/.txt).
        file: Option<PathBuf>,
        /// A built-in example dossier instead of a file.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// What the file holds, when its name and content do not tell.
        #[arg(long = "as", value_enum)]
        kind: Option<KindArg>,
        /// Print the problems as JSON (findings, or CSV problems with line and column).
        #[arg(long)]
        json: bool,
        /// CSV: skip columns the layout does not know (a warning each) instead of refusing them.
        #[arg(long)]
        ignore_unknown_columns: bool,
    },
    /// Assess agreements as of a date: scores per dimension, findings with evidence and advice
    /// (role split, checklists, matching and introductions included).
    #[command(
        after_help = "Examples:\n  brobygger assess --example aalborg --as-of 2017-06-30 --lang en\n  brobygger assess dossier.json --agreement my-agreement --json"
    )]
    Assess {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// Only this agreement (default: every agreement).
        #[arg(long)]
        agreement: Option<String>,
        /// The date to assess as of (YYYY-MM-DD or DD-MM-YYYY; default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// Print the assessments as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Expectation alignment: the parties' checklist answers side by side, critical divergences
    /// first, and whether the checklists allow signing (exit 1 if they do not).
    #[command(
        after_help = "Examples:\n  brobygger align --example horsens --lang en\n  brobygger align dossier.json --agreement horsens-lawan --template joint-expectations --format html --out afstemning.html\n\nStart a checklist of your own from `brobygger template checklist joint-expectations`."
    )]
    Align(align::AlignArgs),
    /// Match newcomer households with volunteer offers under a rule set: from CSV or JSON
    /// files, or a dossier's cohort; explained matches, the unmatched with their reasons.
    #[command(
        name = "match",
        after_help = "Examples:\n  brobygger match --newcomers nyankomne.csv --offers tilbud.csv --rules regler.toml\n  brobygger match --newcomers nyankomne.csv --offers tilbud.csv --rules regler.toml --format csv --out forslag.csv\n  brobygger match --example ikast-brande --as-of 2016-04-01 --explain --lang en\n  brobygger match --dossier dossier.json --cohort ikast-2016-q1 --solver stable --store\n  brobygger match --example ikast-brande --as-of 2016-04-01 --alternatives 3 --why-not nc-5120-7741:vvv-cf-ikast-2\n  brobygger match --dossier dossier.json --rematch --previous-partner prefer --as-of 2016-09-05\n\nSolvers: optimal (highest total score, exact), stable (no household and offer would both rather have each other; households propose), stable-offers (offers propose), greedy (best pair first).\nStart from `brobygger template newcomers`, `template offers` and `template rules`."
    )]
    Match(matching::MatchArgs),
    /// What is due or overdue on a day: introductions of volunteer offers, meetings to convene,
    /// planned reviews, the end of the term, committee briefings, meetings' action items.
    #[command(
        after_help = "Examples:\n  brobygger remind --example ikast-brande --as-of 2016-03-01\n  brobygger remind dossier.json --days 30 --format csv > opgaver.csv"
    )]
    Remind(remind::RemindArgs),
    /// The minutes of the meetings held: agenda, decisions and action items with their owners,
    /// due days and where they stand on a day.
    #[command(
        after_help = "Examples:\n  brobygger meetings --example aalborg --as-of 2017-06-30\n  brobygger meetings dossier.json --overdue --format csv > opgaver.csv"
    )]
    Meetings(meetings::MeetingsArgs),
    /// The partnership's calendar as an iCalendar file (RFC 5545) to import or subscribe to:
    /// fixed meetings as series with their notice, meetings held, activities on their
    /// schedules, reviews, ends of term, briefings, and for coordinators introductions and
    /// check-ins.
    #[command(
        after_help = "Examples:\n  brobygger calendar --example aalborg --as-of 2017-06-30 --out aalborg.ics\n  brobygger calendar partnerskab.db --audience partnership --lang en > kalender.ics\n  brobygger calendar --example horsens --audience public --format json\n\nTimes are Danish time (Europe/Copenhagen). Each event keeps its id from one export to the next, so a subscribed calendar updates instead of adding copies."
    )]
    Calendar(calendar::CalendarArgs),
    /// Write a report on one agreement to share: the agreement, role split, checklists,
    /// assessment and surveys.
    #[command(
        after_help = "Examples:\n  brobygger report --example aalborg --as-of 2017-06-30 --format html --out aalborg.html\n  brobygger report dossier.json --agreement my-agreement --lang en"
    )]
    Report {
        /// A dossier JSON file (or use --example).
        file: Option<PathBuf>,
        /// A built-in example: aalborg, ikast-brande, horsens, esbjerg.
        #[arg(long, conflicts_with = "file")]
        example: Option<String>,
        /// The agreement (may be left out when the dossier has only one).
        #[arg(long)]
        agreement: Option<String>,
        /// The date to report as of (YYYY-MM-DD or DD-MM-YYYY; default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// md (Markdown) or html (a self-contained page).
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print a file to start from: a checklist template (TOML), a starter rule set (TOML), or
    /// the newcomers or offers CSV layout.
    #[command(
        after_help = "Examples:\n  brobygger template checklist                       # the built-in templates\n  brobygger template checklist joint-expectations > mine.toml\n  brobygger template rules > regler.toml\n  brobygger template newcomers > nyankomne.csv\n  brobygger template offers --example-rows > tilbud.csv\n  brobygger template newcomers --describe --lang en"
    )]
    Template {
        #[command(subcommand)]
        what: template::TemplateCommand,
    },
    /// Print the JSON Schema of a file format (personal fields carry x-sensitivity).
    #[command(
        after_help = "Examples:\n  brobygger schema > dossier.schema.json\n  brobygger schema rules\n  brobygger schema newcomers"
    )]
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = template::SchemaKind::Dossier)]
        kind: template::SchemaKind,
    },
    /// Print a built-in example dossier as JSON, to start from.
    #[command(after_help = "Example:\n  brobygger example aalborg > aalborg.json")]
    Example {
        /// aalborg, ikast-brande, horsens or esbjerg.
        name: String,
    },
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
        /// md (Markdown table) or html (page).
        #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
        format: OutputFormat,
    },
    /// Expectation-alignment checklists: templates, side-by-side comparisons, signing readiness.
    #[command(
        after_help = "Examples:\n  brobygger checklist templates\n  brobygger checklist compare --example horsens --agreement horsens-lawan --template joint-expectations"
    )]
    Checklist {
        #[command(subcommand)]
        command: checklist::ChecklistCommand,
    },
    /// The SQLite store: a dossier with its history and a verifiable audit trail. Every
    /// command that reads a dossier file also reads a store.
    #[command(
        after_help = "Examples:\n  brobygger db import --example ikast-brande partnerskab.db\n  brobygger match --dossier partnerskab.db --as-of 2016-04-01 --store\n  brobygger db log partnerskab.db\n  brobygger db verify partnerskab.db"
    )]
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
    /// The association directory: every association with its offers, from a dossier, a store
    /// or the municipality's spreadsheet; searched and filtered, written back as the
    /// spreadsheet, or exported as Open Referral HSDS 3.0 (no personal data).
    #[command(
        after_help = "Examples:\n  brobygger directory --example horsens\n  brobygger directory --example horsens --search lektiecafé --lang en\n  brobygger directory partnerskab.db --ethnic-minority --format csv --out foreninger.csv\n  brobygger directory --csv foreninger.csv --format hsds --out hsds.json\n\nExit codes: 0 done · 1 the spreadsheet has errors (its other rows are still shown) · 2 bad usage or unreadable input."
    )]
    Directory(directory::DirectoryArgs),
    /// A municipality beside the national figures of KL's 2015 survey of the municipalities:
    /// what the dossier answers itself (the cooperation with housing organisations on placing
    /// refugees), with your own answers to the other questions.
    #[command(
        after_help = "Examples:\n  brobygger national --example esbjerg\n  brobygger national partnerskab.db --answer cooperation_change=more --answer cooperation_degree=high --lang en\n  brobygger national --example esbjerg --format html --out landstal.html\n\nQuestions and answers: cooperation_change (more, same, less); cooperation_degree and housing_placement (very_high, high, some, low, not_at_all); civil_society_attitude (very_positive, mostly_positive, neutral, negative). The figures are shares as KL published them; the source does not say how many municipalities answered."
    )]
    National(national::NationalArgs),
    /// Survey rounds of any shape (a partnership's volunteers, staff and newcomers, or a
    /// population of municipalities): each round's shares by its respondent groups with their
    /// 95% intervals and small groups hidden, and the changes since an earlier round.
    #[command(
        after_help = "Examples:\n  brobygger survey --example aalborg\n  brobygger survey --example aalborg --survey aalborg-lbb-2016 --lang en\n  brobygger survey partnerskab.db --survey runde-2 --before runde-1 --format html --out runde-2.html\n\nA share is shown only when at least --min-cell answered (5 by default, never fewer); a municipality beside KL's published figures is `brobygger national`."
    )]
    Survey(survey::SurveyArgs),
    /// A cohort's outcomes over time (work or education, self-support, Danish, social network)
    /// by whether and how early its households were matched and introduced, aggregated: never a
    /// household on its own.
    #[command(
        after_help = "Examples:\n  brobygger outcomes --example ikast-brande --as-of 2019-06-30\n  brobygger outcomes partnerskab.db --cohort ikast-2016-q1 --format csv --out udfald.csv\n\nEach household's latest follow-up on or before the day counts, if a consent or other basis for evaluation covers it then. A cell is shown only when at least --min-cell households have the outcome and as many do not (5 by default, never fewer)."
    )]
    Outcomes(outcomes::OutcomesArgs),
    /// Households and volunteer offers over time: list the relationships with their state on a
    /// day or their events, propose a stored run's matches, record a step, end one.
    #[command(
        after_help = "Examples:\n  brobygger relationships list dossier.json --as-of 2016-10-01\n  brobygger match --dossier dossier.json --rematch --as-of 2016-09-05 --run-id rematch-2016-09 --store\n  brobygger relationships propose-run dossier.json rematch-2016-09 --on 2016-09-06"
    )]
    Relationships {
        #[command(subcommand)]
        command: relationships::RelationshipsCommand,
    },
}

/// `--lang` read by the library's one language parser (`da`, `dansk`, `en`, `english`, any
/// case), so the CLI accepts what Python and the apps accept.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse_arg(s, "--lang").map_err(|e| e.to_string())
}

/// A word in the output language: the library's one helper.
pub(crate) use brobygger::present::t;

/// The agreement asked for, or the only one; otherwise an error naming the choices.
pub(crate) fn one_agreement(
    dossier: &Dossier,
    agreement: Option<String>,
) -> Result<AgreementId, Failure> {
    match (agreement, dossier.agreements.as_slice()) {
        (Some(id), _) => Ok(id.into()),
        (None, [only]) => Ok(only.id.clone()),
        (None, all) => Err(inputs::bad_input(
            brobygger::UsageCode::NoAgreement,
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

fn optional_date(as_of: Option<&str>) -> Result<Option<brobygger::chrono::NaiveDate>, Failure> {
    as_of.map(|s| inputs::date(s, "--as-of")).transpose()
}

fn run(cli: Cli) -> Outcome {
    let lang = cli.lang;
    inputs::allow_invalid(cli.allow_invalid);
    match cli.command {
        Command::Demo {
            example,
            as_of,
            out,
        } => demo::run(
            example.as_deref(),
            optional_date(as_of.as_deref())?,
            out,
            lang,
        ),
        Command::Summary {
            file,
            example,
            as_of,
        } => {
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let as_of = optional_date(as_of.as_deref())?;
            out!("{}", dossier.summary(SummaryOptions { lang, as_of }));
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate {
            file,
            example,
            kind,
            json,
            ignore_unknown_columns,
        } => validate::run(
            file.as_deref(),
            example.as_deref(),
            kind.map(Into::into),
            json,
            ignore_unknown_columns,
            lang,
        ),
        Command::Assess {
            file,
            example,
            agreement,
            as_of,
            json,
        } => {
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let as_of = inputs::date_or_today(as_of.as_deref())?;
            let assessments = match agreement {
                Some(id) => vec![dossier.assessment().assess(&id.into(), as_of)?],
                None => dossier
                    .agreements
                    .iter()
                    .map(|a| dossier.assessment().assess(&a.id, as_of))
                    .collect::<Result<Vec<_>, _>>()?,
            };
            if json {
                outln!("{}", to_json(&assessments)?);
            } else {
                for a in &assessments {
                    outln!("{}\n", a.render(lang, Format::Markdown));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New(args) => new::run(args, lang),
        Command::Align(args) => align::run(args, lang),
        Command::Match(args) => matching::run(args, lang),
        Command::Remind(args) => remind::run(args, lang),
        Command::Meetings(args) => meetings::run(args, lang),
        Command::Calendar(args) => calendar::run(args, lang),
        Command::Relationships { command } => relationships::run(command, lang),
        Command::Report {
            file,
            example,
            agreement,
            as_of,
            format,
            out,
        } => {
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let agreement = one_agreement(&dossier, agreement)?;
            let options = ReportOptions::new(
                inputs::date_or_today(as_of.as_deref())?,
                lang,
                format.page("report")?,
            );
            let report = dossier.assessment().report(&agreement, options)?;
            match out {
                None => out!("{report}"),
                Some(path) => out::write_file(&path, &report, &inputs::given(&[&file]))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Template { what } => template::run(what, lang),
        Command::Schema { kind } => template::schema(kind),
        Command::Example { name } => {
            let dossier = Dossier::example(&name)?;
            out!("{}", dossier.to_json()?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Roles {
            file,
            example,
            agreement,
            version,
            as_of,
            format,
        } => {
            format.accept("roles", &format::PAGES)?;
            let dossier = inputs::dossier(file.as_deref(), example.as_deref())?;
            let as_of = optional_date(as_of.as_deref())?;
            let ids: Vec<AgreementId> = match agreement {
                Some(id) => vec![id.into()],
                None => dossier.agreements.iter().map(|a| a.id.clone()).collect(),
            };
            // One HTML page per run: several agreements would make several documents.
            if matches!(format, OutputFormat::Html) && ids.len() > 1 {
                let known: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
                return Err(inputs::bad_input(
                    brobygger::UsageCode::AgreementNeeded,
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
                let matrix = dossier.roles(&id).matrix(options)?;
                errors |= matrix.findings.has_errors();
                match format {
                    OutputFormat::Html => out!("{}", matrix.html(lang)),
                    _ => outln!("{}", matrix.markdown(lang)),
                }
            }
            Ok(exit(errors))
        }
        Command::Checklist { command } => checklist::run(command, lang),
        Command::Db { command } => db::run(command, lang),
        Command::Directory(args) => directory::run(args, lang),
        Command::National(args) => national::run(args, lang),
        Command::Survey(args) => survey::run(args, lang),
        Command::Outcomes(args) => outcomes::run(args, lang),
    }
}

/// Exit code 1 when `errors`, otherwise 0.
pub(crate) fn exit(errors: bool) -> ExitCode {
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Pretty JSON of anything the library serialises.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(v).map_err(|e| {
        Failure::Lib(BrobyggerError::Internal {
            code: brobygger::UsageCode::Serialize.into(),
            reason: e.to_string(),
        })
    })
}

/// The exit code for a library error: 1 for errors in the data, 2 for the rest.
fn exit_code(e: &BrobyggerError) -> u8 {
    match e {
        BrobyggerError::Validation { .. }
        | BrobyggerError::InvalidTransition { .. }
        | BrobyggerError::Infeasible { .. } => 1,
        _ => 2,
    }
}

/// Findings printed with an error before pointing to `validate --json` for the rest.
const MAX_FINDINGS_SHOWN: usize = 200;

/// The command tree clap derives from the code, in English.
pub(crate) fn cli_command() -> clap::Command {
    Cli::command()
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = help::lang_of(&args);
    let cmd = help::localise(cli_command(), asked);
    let cli = match cmd
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => match (asked, help::danish_error(&e)) {
            (Lang::Da, Some(message)) => {
                errln!("{}", message.trim_end());
                return ExitCode::from(2);
            }
            _ => e.exit(),
        },
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Data { message, lines }) => {
            errln!("brobygger: {message}");
            for l in lines.iter().take(MAX_FINDINGS_SHOWN) {
                errln!("  {l}");
            }
            if lines.len() > MAX_FINDINGS_SHOWN {
                errln!(
                    "  … {} {}",
                    lines.len() - MAX_FINDINGS_SHOWN,
                    t(
                        lang,
                        "mere; se dem alle med brobygger validate FIL",
                        "more; see them all with brobygger validate FILE"
                    )
                );
            }
            ExitCode::from(1)
        }
        Err(Failure::Lib(e)) => {
            errln!("brobygger: {}", e.message(lang));
            let findings = e.findings();
            for f in findings.iter().take(MAX_FINDINGS_SHOWN) {
                errln!("  {}", f.render(lang));
            }
            if findings.len() > MAX_FINDINGS_SHOWN {
                errln!(
                    "  … {} {}",
                    findings.len() - MAX_FINDINGS_SHOWN,
                    t(
                        lang,
                        "mere; se dem alle med brobygger validate FIL --json",
                        "more; see them all with brobygger validate FILE --json"
                    )
                );
            }
            if let BrobyggerError::Internal { .. } = e {
                errln!(
                    "{}",
                    t(
                        lang,
                        "Dette er en fejl i brobygger; meld den gerne.",
                        "This is a bug in brobygger; please report it."
                    )
                );
            }
            ExitCode::from(exit_code(&e))
        }
    }
}
