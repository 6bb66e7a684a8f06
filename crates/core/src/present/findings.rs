//! Findings presented: the `findings` table (severity, code, path, message, source) and the
//! notebook view, a line of counts per severity over the table.
//!
//! Only codes, paths and the library's own texts appear: findings never hold personal values.

use super::doc::{Block, Inline, text};
use super::render::{Document, Format, Present};
use super::table::{Cell, Column, Table};
use crate::finding::{Finding, Severity};
use crate::i18n::plural::{ERROR, FINDING, INFO, WARNING, n};
use crate::i18n::{Label, Lang, Text, t};

/// The tag a severity is shown with (its class styles it in HTML).
pub fn severity_tag(severity: Severity, lang: Lang) -> Inline {
    Inline::Tag {
        class: match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        },
        text: severity.label(lang).to_owned(),
    }
}

/// One finding as a line of a list: its severity as a tag, its path as code, its message and
/// the source it cites.
pub fn line(f: &Finding, lang: Lang) -> Vec<Inline> {
    let source = f.cite_suffix();
    vec![
        severity_tag(f.severity, lang),
        text(" "),
        Inline::Code(f.path.to_string()),
        text(format!(": {}{source}", f.message(lang))),
    ]
}

/// One finding as a line of a shared report: its severity as a tag, where it is in words
/// (from the core's evidence names; the path goes to [`references`]), its message and the
/// source it cites. Without words (a finding made outside a dossier) it is [`line`].
pub fn line_in_words(f: &Finding, words: Option<&Text>, lang: Lang) -> Vec<Inline> {
    let Some(words) = words else {
        return line(f, lang);
    };
    let source = f.cite_suffix();
    vec![
        severity_tag(f.severity, lang),
        text(format!(
            " {}: {}{source}",
            capitalised(words.get(lang)),
            f.message(lang)
        )),
    ]
}

/// A shared report's technical appendix: a heading at `level`, a sentence saying what it is
/// for, and a table of each piece of evidence in words beside its path in the dossier's file,
/// in the order given, each path once. Nothing when there is nothing to refer to.
pub fn references<'a>(
    pairs: impl IntoIterator<Item = (&'a Text, &'a str)>,
    level: u8,
    lang: Lang,
) -> Vec<Block> {
    let mut seen = std::collections::BTreeSet::new();
    let rows: Vec<Vec<Vec<Inline>>> = pairs
        .into_iter()
        .filter(|(_, path)| seen.insert(*path))
        .map(|(words, path)| {
            vec![
                vec![text(capitalised(words.get(lang)))],
                vec![Inline::Code(path.to_owned())],
            ]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(
            level,
            t(
                lang,
                "Bilag: henvisninger til dossieret",
                "Appendix: references into the dossier",
            )
            .to_owned(),
        ),
        Block::para(t(
            lang,
            "Til teknisk brug: hvor i dossierets fil (JSON) det, der henvises til, står.",
            "For technical use: where in the dossier's file (JSON) what is referred to is found.",
        )),
        Block::Table {
            head: vec![
                t(lang, "Henvisning", "Reference").to_owned(),
                t(lang, "Sti i dossieret", "Path in the dossier").to_owned(),
            ],
            rows,
            numeric: vec![false, false],
        },
    ]
}

/// The first letter in upper case: the words begin a cell or follow a tag.
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How many findings of each severity, with their nouns: `0 fejl, 1 advarsel, 3 info` /
/// `0 errors, 1 warning, 3 info`.
pub fn severity_counts(findings: &[Finding], lang: Lang) -> String {
    let count = |s: Severity| n(findings.iter().filter(|f| f.severity == s).count());
    format!(
        "{}, {}, {}",
        ERROR.count(lang, count(Severity::Error)),
        WARNING.count(lang, count(Severity::Warning)),
        INFO.count(lang, count(Severity::Info)),
    )
}

/// `3 fund: 1 fejl, 2 advarsler, 0 info` / `3 findings: 1 error, 2 warnings, 0 info`.
pub fn count_line(findings: &[Finding], lang: Lang) -> String {
    format!(
        "{}: {}",
        FINDING.count(lang, n(findings.len())),
        severity_counts(findings, lang)
    )
}

/// The columns of the `findings` table.
pub fn columns() -> Vec<Column> {
    vec![
        Column::text("severity", "Alvor", "Severity"),
        Column::text("code", "Kode", "Code"),
        Column::text("path", "Sti", "Path"),
        Column::text("message", "Besked", "Message"),
        Column::text("source_document", "Kilde", "Source").optional(),
        Column::text("source_section", "Afsnit", "Section").optional(),
    ]
}

/// The empty `findings` table.
pub fn table() -> Table {
    Table::new("findings", Text::new("Fund", "Findings"), columns())
}

/// One finding's cells, in the order of [`columns`].
pub fn cells(f: &Finding, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::value(&f.severity),
        Cell::text(f.code.clone()),
        Cell::text(f.path.to_string()),
        Cell::text(f.message(lang)),
        Cell::opt(f.source.as_ref(), |s| Cell::text(s.document.number())),
        Cell::opt(f.source.as_ref(), |s| Cell::text(s.section.clone())),
    ]
}

impl Present for [Finding] {
    fn title(&self, lang: Lang) -> String {
        t(lang, "Fund", "Findings").to_owned()
    }

    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = table();
        for f in self {
            table.push(cells(f, lang));
        }
        vec![table]
    }

    /// The counts per severity, then a table of severity (as a tag), code, path, message and
    /// source citation.
    fn document(&self, lang: Lang) -> Document {
        let mut d = Document::new(lang, self.title(lang));
        d.push(Block::para(count_line(self, lang)));
        if !self.is_empty() {
            d.push(Block::Table {
                head: vec![
                    t(lang, "Alvor", "Severity").to_owned(),
                    t(lang, "Kode", "Code").to_owned(),
                    t(lang, "Sti", "Path").to_owned(),
                    t(lang, "Besked", "Message").to_owned(),
                    t(lang, "Kilde", "Source").to_owned(),
                ],
                rows: self
                    .iter()
                    .map(|f| {
                        vec![
                            vec![severity_tag(f.severity, lang)],
                            vec![Inline::Code(f.code.clone())],
                            vec![Inline::Code(f.path.to_string())],
                            vec![text(f.message(lang))],
                            vec![text(
                                f.source.as_ref().map(|s| s.cite()).unwrap_or_default(),
                            )],
                        ]
                    })
                    .collect(),
                numeric: vec![],
            });
        }
        d
    }
}

/// Findings as a self-contained HTML fragment (what a notebook shows): a line of counts per
/// severity and a table of severity, code, path, message and source.
pub fn findings_html(findings: &[Finding], lang: Lang) -> String {
    findings.present(Format::HtmlFragment, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FieldPath;

    #[test]
    fn findings_are_escaped_and_counted() {
        let f = Finding {
            code: "validation.x".into(),
            severity: Severity::Error,
            path: FieldPath::parse("a<b>"),
            text: Text::new("<script>da</script>", "<script>en</script>"),
            source: None,
        };
        let html = findings_html(std::slice::from_ref(&f), Lang::En);
        assert!(
            html.contains("1 finding: 1 error, 0 warnings, 0 info"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;en&lt;/script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.starts_with("<div class=\"bb-report\" lang=\"en\">"));
        let da = findings_html(&[f.clone(), f], Lang::Da);
        assert!(da.contains("2 fund: 2 fejl, 0 advarsler, 0 info"), "{da}");
        let empty = findings_html(&[], Lang::Da);
        assert!(empty.contains("0 fund") && !empty.contains("<table>"));
    }
}
