//! The one `--format` vocabulary of every command: each command takes the same values and
//! refuses, with a clear error naming the ones it writes, a format it does not write.

use crate::inputs::bad_input;
use crate::out::Failure;
use clap::ValueEnum;

/// An output format, as `--format` names it in every command.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OutputFormat {
    /// Readable text.
    Text,
    /// Markdown (`md`, also accepted as `markdown`; a checklist's readable form, also `form`).
    #[value(name = "md", alias = "markdown", alias = "form")]
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// JSON.
    Json,
    /// CSV, one row per item, for a spreadsheet.
    Csv,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// An iCalendar file (RFC 5545).
    Ics,
    /// Open Referral HSDS 3.0 as JSON.
    Hsds,
    /// TOML.
    Toml,
}

/// The formats of the commands that write a page: Markdown or HTML.
pub(crate) const PAGES: [OutputFormat; 2] = [OutputFormat::Markdown, OutputFormat::Html];

impl OutputFormat {
    /// The name `--format` takes.
    pub(crate) fn name(self) -> &'static str {
        match self {
            OutputFormat::Text => "text",
            OutputFormat::Markdown => "md",
            OutputFormat::Html => "html",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Ics => "ics",
            OutputFormat::Hsds => "hsds",
            OutputFormat::Toml => "toml",
        }
    }

    /// The format if `command` writes it, otherwise `cli.unsupported_format` naming the ones
    /// it writes.
    pub(crate) fn accept(self, command: &str, writes: &[OutputFormat]) -> Result<Self, Failure> {
        if writes.contains(&self) {
            return Ok(self);
        }
        Err(self.refused(command, writes))
    }

    /// `md` or `html` as the library's page format, for the commands that write a page;
    /// otherwise `cli.unsupported_format`.
    pub(crate) fn page(self, command: &str) -> Result<brobygger::Format, Failure> {
        match self {
            OutputFormat::Markdown => Ok(brobygger::Format::Markdown),
            OutputFormat::Html => Ok(brobygger::Format::Html),
            other => Err(other.refused(command, &PAGES)),
        }
    }

    /// The error for a format `command` does not write.
    pub(crate) fn refused(self, command: &str, writes: &[OutputFormat]) -> Failure {
        let names: Vec<&str> = writes.iter().map(|f| f.name()).collect();
        bad_input(
            brobygger::UsageCode::UnsupportedFormat,
            "--format",
            format!(
                "`brobygger {command}` does not write {}; it writes {}",
                self.name(),
                names.join(", ")
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::OutputFormat::{self, *};
    use clap::ValueEnum;

    #[test]
    fn names_are_what_format_takes() {
        for f in OutputFormat::value_variants() {
            let parsed = OutputFormat::from_str(f.name(), true).ok();
            assert_eq!(parsed, Some(*f));
        }
        assert_eq!(
            OutputFormat::from_str("markdown", true).ok(),
            Some(Markdown)
        );
        assert!(Text.accept("x", &[Text, Json]).is_ok());
        assert!(Hsds.accept("remind", &[Text, Json, Csv]).is_err());
    }
}
