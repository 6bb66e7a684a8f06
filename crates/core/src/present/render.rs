//! The [`Present`] trait every result implements: its tables ([`Present::tables`]) and its
//! document ([`Present::document`]), rendered as text, Markdown or HTML by one set of writers.

use super::doc::{self, Block};
use super::table::Table;
use crate::i18n::{Lang, t};

/// The format of a rendered result: of a report, an assessment, a checklist comparison, a table,
/// any result the library presents. One enum for every writer (issue 16).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Format {
    /// Plain text for a terminal or a log (headings marked with `#`, aligned tables).
    Text,
    /// Markdown (CommonMark with GitHub tables).
    Markdown,
    /// A complete, self-contained HTML document (inline style sheet, no scripts).
    Html,
    /// An HTML fragment with a scoped style sheet, for embedding (a notebook, an app's view).
    HtmlFragment,
}

crate::i18n::labels!(Format, "format" {
    Text => ("Tekst", "Text"),
    Markdown => ("Markdown", "Markdown"),
    Html => ("HTML", "HTML"),
    HtmlFragment => ("HTML-udsnit", "HTML fragment"),
});

impl Format {
    /// Parses `text`/`txt`, `md`/`markdown`, `html` or `html_fragment`/`fragment` (any case).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "html_fragment" | "html-fragment" | "fragment" => Some(Format::HtmlFragment),
            _ => None,
        }
    }
}

/// A document in one language: a title and blocks, ready for any [`Format`].
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The language the texts are in.
    pub lang: Lang,
    /// The title (the HTML page's `<title>`; the blocks carry their own headings).
    pub title: String,
    /// The content.
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty document.
    pub fn new(lang: Lang, title: impl Into<String>) -> Self {
        Self {
            lang,
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    /// Adds a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The document in `format`. Text and Markdown end with one line break.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => doc::plain(&self.blocks),
            Format::Markdown => doc::markdown(&self.blocks),
            Format::Html => doc::html_document(self.lang.code(), &self.title, &self.blocks),
            Format::HtmlFragment => doc::html_fragment(self.lang.code(), &self.blocks),
        }
    }
}

/// A result the library presents: as typed tables (the columns of the CLI's CSV, Python's
/// DataFrames and the apps' lists) and as a document for people.
pub trait Present {
    /// The result's name for people, in `lang`.
    fn title(&self, lang: Lang) -> String;

    /// The result's tables, texts in `lang`.
    fn tables(&self, lang: Lang) -> Vec<Table>;

    /// The table named `name` (see [`Table::name`]), texts in `lang`.
    fn table(&self, name: &str, lang: Lang) -> Option<Table> {
        self.tables(lang).into_iter().find(|t| t.name == name)
    }

    /// The result as a document in `lang`. By default: the title, then each table under its
    /// own title (an empty table says so).
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        for table in self.tables(lang) {
            d.push(Block::Heading(3, table.title.get(lang).to_owned()));
            if table.rows.is_empty() {
                d.push(Block::para(t(lang, "Ingen.", "None.")));
            } else {
                d.push(table.block(lang));
            }
        }
        d
    }

    /// The result rendered in `format` and `lang`.
    fn present(&self, format: Format, lang: Lang) -> String {
        self.document(lang).render(format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::present::table::{Cell, Column};

    struct Counts(Vec<u32>);

    impl Present for Counts {
        fn title(&self, lang: Lang) -> String {
            t(lang, "Optællinger", "Counts").to_owned()
        }
        fn tables(&self, _lang: Lang) -> Vec<Table> {
            let mut table = Table::new(
                "counts",
                Text::new("Tal", "Numbers"),
                vec![Column::integer("n", "Antal", "Count")],
            );
            for n in &self.0 {
                table.push(vec![Cell::int(*n)]);
            }
            vec![table]
        }
    }

    #[test]
    fn every_format_comes_from_one_document() {
        let c = Counts(vec![1234, 5]);
        assert_eq!(
            c.present(Format::Markdown, Lang::Da),
            "## Optællinger\n\n### Tal\n\n| Antal |\n|---:|\n| 1.234 |\n| 5 |\n"
        );
        assert_eq!(
            c.present(Format::Text, Lang::En),
            "## Counts\n\n### Numbers\nCount\n-----\n1,234\n    5\n"
        );
        let page = c.present(Format::Html, Lang::Da);
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"da\">"));
        assert!(
            c.present(Format::HtmlFragment, Lang::En)
                .starts_with("<div class=\"bb-report\" lang=\"en\">")
        );
        assert_eq!(
            Counts(vec![]).present(Format::Text, Lang::Da),
            "## Optællinger\n\n### Tal\nIngen.\n"
        );
        assert_eq!(c.table("counts", Lang::Da).map(|t| t.rows.len()), Some(2));
        assert_eq!(Format::parse(" MD "), Some(Format::Markdown));
    }
}
