//! `--help` in the language of `--lang` (Danish by default, like every other output): the
//! command tree clap derives from the code's doc comments is English; for Danish every about
//! text, argument help, value name, example block and clap's own headings are replaced from the
//! table in `help_da.rs`. A test walks the whole tree and fails on any English text left.

use brobygger::Lang;
use clap::builder::StyledStr;
use clap::{Arg, Command};

/// The language `--lang` asks for in `args`, before clap parses them (so `--help`, which
/// exits while parsing, is already in it); Danish when not given or not understood.
pub(crate) fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(v) = value {
            return Lang::parse(v).unwrap_or_default();
        }
    }
    Lang::default()
}

/// The Danish of one line or paragraph, if the table has it.
fn line(english: &str) -> Option<&'static str> {
    let key = english.trim();
    super::help_da::TEXTS
        .iter()
        .find(|(en, _)| en.trim() == key)
        .map(|(_, da)| *da)
}

/// The Danish for an English help text: from the table, or for an example block
/// (`Examples:` then indented commands, then prose) line by line, commands kept as they are
/// and a `# comment` after a command translated.
fn danish(english: &str) -> Option<String> {
    if let Some(da) = line(english) {
        return Some(da.to_owned());
    }
    let mut out = Vec::new();
    for l in english.lines() {
        let da = match l {
            "Examples:" => "Eksempler:".to_owned(),
            "Example:" => "Eksempel:".to_owned(),
            "" => String::new(),
            command if command.starts_with("  ") => match command.split_once(" # ") {
                Some((cmd, comment)) => format!("{cmd} {}", line(&format!("# {comment}"))?),
                None => command.to_owned(),
            },
            prose => line(prose)?.to_owned(),
        };
        out.push(da);
    }
    Some(out.join("\n"))
}

/// A value name in Danish (`FILE` → `FIL`), if the table has it.
fn value_name(name: &str) -> Option<&'static str> {
    super::help_da::VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, da)| *da)
}

fn text(s: Option<&StyledStr>) -> Option<String> {
    s.map(ToString::to_string).filter(|t| !t.trim().is_empty())
}

/// `cmd` with every text in `lang`.
pub(crate) fn localise(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Da => {
            let mut cmd = cmd;
            // Usage lines and the built-in help and version flags exist once the tree is built.
            cmd.build();
            to_danish(cmd)
        }
    }
}

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}";

fn to_danish(mut cmd: Command) -> Command {
    let usage = cmd
        .render_usage()
        .to_string()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[TILVALG]")
        .replace("<COMMAND>", "<KOMMANDO>")
        .replace("[COMMAND]", "[KOMMANDO]");
    let usage = value_names_in(&usage);
    cmd = cmd
        .override_usage(usage)
        .help_template(TEMPLATE.replace("{usage-heading}", "Brug:"))
        .subcommand_help_heading("Kommandoer")
        .subcommand_value_name("KOMMANDO");
    if let Some(t) = text(cmd.get_about()).and_then(|t| danish(&t)) {
        cmd = cmd.about(t);
    }
    if let Some(t) = text(cmd.get_long_about()).and_then(|t| danish(&t)) {
        cmd = cmd.long_about(t);
    }
    if let Some(t) = text(cmd.get_after_help()).and_then(|t| danish(&t)) {
        cmd = cmd.after_help(t);
    }
    if let Some(t) = text(cmd.get_after_long_help()).and_then(|t| danish(&t)) {
        cmd = cmd.after_long_help(t);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, arg_to_danish);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, to_danish);
    }
    cmd
}

/// `<FILE>` → `<FIL>` in a usage line.
fn value_names_in(usage: &str) -> String {
    let mut out = usage.to_owned();
    for (en, da) in super::help_da::VALUE_NAMES {
        out = out.replace(&format!("<{en}>"), &format!("<{da}>"));
        out = out.replace(&format!("[{en}]"), &format!("[{da}]"));
    }
    out
}

fn arg_to_danish(a: Arg) -> Arg {
    let positional = a.is_positional();
    let mut help = text(a.get_help()).and_then(|t| danish(&t));
    let long = text(a.get_long_help()).and_then(|t| danish(&t));
    // clap writes `[default: da]` and `[possible values: ...]` in English: hidden, and written
    // into the help in Danish instead.
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let possible: Vec<String> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_owned())
            .collect()
    };
    let mut extra = String::new();
    if !possible.is_empty() {
        extra.push_str(&format!(" [mulige værdier: {}]", possible.join(", ")));
    }
    if !defaults.is_empty() && a.get_action().takes_values() {
        extra.push_str(&format!(" [standard: {}]", defaults.join(", ")));
    }
    if let Some(h) = help.as_mut() {
        h.push_str(&extra);
    }
    let names: Option<Vec<&'static str>> = a
        .get_value_names()
        .and_then(|ns| ns.iter().map(|n| value_name(n.as_str())).collect());
    let mut a = a
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(if positional { "Argumenter" } else { "Tilvalg" });
    if let Some(h) = help {
        a = a.help(h);
    }
    if let Some(l) = long {
        a = a.long_help(l);
    }
    match names {
        Some(ns) => a.value_names(ns),
        None => a,
    }
}

/// A parse error in Danish: what is wrong with which argument, the usage line and where to
/// read more; `None` for the kinds clap prints itself (help, version) and any kind not named
/// here, which clap then prints in English.
pub(crate) fn danish_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let valid = get(ContextKind::ValidValue);
    let valid = if valid.is_empty() {
        String::new()
    } else {
        format!("\n  [mulige værdier: {}]", valid.trim_matches(['[', ']']))
    };
    let suggested = get(ContextKind::SuggestedSubcommand);
    let suggestion = if suggested.is_empty() {
        String::new()
    } else {
        format!("\n\n  tip: der findes en lignende kommando: '{suggested}'")
    };
    let what = match e.kind() {
        ErrorKind::InvalidValue => format!("ugyldig værdi '{value}' til '{arg}'{valid}"),
        ErrorKind::ValueValidation => format!("ugyldig værdi '{value}' til '{arg}'"),
        ErrorKind::UnknownArgument => format!("uventet argument '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "ukendt kommando '{}'{suggestion}",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::ArgumentConflict => format!(
            "'{arg}' kan ikke bruges sammen med '{}'",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::MissingRequiredArgument => format!("mangler påkrævet argument: {arg}"),
        ErrorKind::MissingSubcommand => "mangler en kommando".to_owned(),
        ErrorKind::NoEquals => format!("'{arg}' skal have en værdi efter '='"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("forkert antal værdier til '{arg}'")
        }
        ErrorKind::InvalidUtf8 => "et argument er ikke gyldig UTF-8".to_owned(),
        _ => return None,
    };
    let usage = get(ContextKind::Usage)
        .trim_start_matches("Usage:")
        .trim()
        .to_owned();
    let usage = if usage.is_empty() {
        String::new()
    } else {
        format!("\n\nBrug: {usage}")
    };
    Some(format!("fejl: {what}{usage}\n\nSe mere med '--help'.\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let mut push = |what: &str, s: Option<&StyledStr>| {
            if let Some(t) = text(s) {
                out.push((format!("{path} {what}"), t));
            }
        };
        push("about", cmd.get_about());
        push("long_about", cmd.get_long_about());
        push("after_help", cmd.get_after_help());
        push("after_long_help", cmd.get_after_long_help());
        for a in cmd.get_arguments() {
            let id = a.get_id().to_string();
            push(&format!("--{id}"), a.get_help());
            push(&format!("--{id} (long)"), a.get_long_help());
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path} {}", s.get_name()), out);
        }
    }

    /// Every English text of the command tree, built as `brobygger` builds it.
    fn english() -> Vec<(String, String)> {
        let mut cmd = crate::cli_command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, "brobygger", &mut out);
        out
    }

    #[test]
    fn every_help_text_has_danish() {
        let missing: Vec<String> = english()
            .into_iter()
            .filter(|(_, t)| danish(t).is_none())
            .map(|(w, t)| format!("{w}: {t:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "help texts without Danish:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn parse_errors_are_danish() {
        let cmd = || localise(crate::cli_command(), Lang::Da);
        let err = |args: &[&str]| {
            cmd()
                .try_get_matches_from(args)
                .err()
                .and_then(|e| danish_error(&e))
                .unwrap_or_default()
        };
        let bad = err(&["brobygger", "match", "--solver", "foo"]);
        assert!(
            bad.starts_with("fejl: ugyldig værdi 'foo' til '--solver <LØSER>'"),
            "{bad}"
        );
        assert!(
            bad.contains("mulige værdier: optimal") && bad.ends_with("Se mere med '--help'.\n")
        );
        let typo = err(&["brobygger", "matc"]);
        assert!(
            typo.contains("ukendt kommando 'matc'") && typo.contains("'match'"),
            "{typo}"
        );
        assert!(
            typo.contains("Brug: brobygger [TILVALG] <KOMMANDO>"),
            "{typo}"
        );
        let unknown = err(&["brobygger", "roles", "--nope"]);
        assert!(
            unknown.starts_with("fejl: uventet argument '--nope'"),
            "{unknown}"
        );
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |s: &str| -> Vec<std::ffi::OsString> { s.split(' ').map(Into::into).collect() };
        assert_eq!(lang_of(&args("brobygger --help")), Lang::Da);
        assert_eq!(lang_of(&args("brobygger match --lang en --help")), Lang::En);
        assert_eq!(lang_of(&args("brobygger --lang=en demo")), Lang::En);
        assert_eq!(lang_of(&args("brobygger validate -- --lang en")), Lang::Da);
    }
}
