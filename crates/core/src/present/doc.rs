//! A small document model (headings, paragraphs, lists, tables, figures, slots) and its text,
//! Markdown and HTML writers, so every report, summary and result is written once for every
//! format. Texts in the model are raw; each writer escapes them with [`super::escape`].

use super::escape;
use std::fmt::Write as _;

/// A run of text in a paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Strong emphasis (bold).
    Strong(String),
    /// Emphasis (italics).
    Em(String),
    /// Code: a field path, an id, a code.
    Code(String),
    /// A label such as a severity, styled by `class` in HTML, bold in Markdown and in brackets
    /// in text.
    Tag {
        /// The CSS class (`error`, `warning`, `info`, `strong`, `fair`, `weak`, `none`).
        class: &'static str,
        /// The label.
        text: String,
    },
}

/// Shorthand for a plain text run.
pub fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1 to 6.
    Heading(u8, String),
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted list, one line per item.
    List(Vec<Vec<Inline>>),
    /// A bulleted list whose items may have items of their own (one level).
    Outline(Vec<OutlineItem>),
    /// A table.
    Table {
        /// The column headings.
        head: Vec<String>,
        /// The rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
        /// Which columns hold numbers (aligned right).
        numeric: Vec<bool>,
    },
    /// An inline SVG chart (HTML only; Markdown and text show the data table that follows it).
    Figure {
        /// The SVG element, written by the library with every text escaped.
        svg: String,
        /// The caption.
        caption: String,
    },
    /// A clearly marked section another module fills in.
    Slot {
        /// The slot's marker name.
        name: String,
        /// Its content.
        blocks: Vec<Block>,
    },
}

/// An item of a [`Block::Outline`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutlineItem {
    /// The item's line.
    pub line: Vec<Inline>,
    /// The lines under it.
    pub children: Vec<Vec<Inline>>,
}

impl Block {
    /// A table whose cells are plain text.
    pub fn table(head: Vec<String>, rows: Vec<Vec<String>>, numeric: Vec<bool>) -> Self {
        Block::Table {
            head,
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|c| vec![text(c)]).collect())
                .collect(),
            numeric,
        }
    }

    /// A paragraph of plain text.
    pub fn para(s: impl Into<String>) -> Self {
        Block::Para(vec![text(s)])
    }
}

/// Writes `t` between `marker`s with its outer whitespace moved outside: CommonMark does not
/// take `* text*` as emphasis.
fn md_delimited(s: &mut String, marker: &str, t: &str) {
    let core = t.trim();
    if core.is_empty() {
        s.push_str(&escape::markdown(t));
        return;
    }
    let lead = &t[..t.len() - t.trim_start().len()];
    let trail = &t[t.trim_end().len()..];
    let _ = write!(s, "{lead}{marker}{}{marker}{trail}", escape::markdown(core));
}

fn md_inlines(items: &[Inline]) -> String {
    let mut s = String::new();
    for i in items {
        match i {
            Inline::Text(t) => s.push_str(&escape::markdown(t)),
            Inline::Strong(t) => md_delimited(&mut s, "**", t),
            Inline::Em(t) => md_delimited(&mut s, "*", t),
            Inline::Code(t) => {
                // A code span cannot escape backticks; the paths written here never hold them.
                let _ = write!(s, "`{}`", t.replace('`', "'"));
            }
            Inline::Tag { text, .. } => {
                let _ = write!(s, "**\\[{}\\]**", escape::markdown(text));
            }
        }
    }
    s
}

fn html_inlines(items: &[Inline]) -> String {
    let mut s = String::new();
    for i in items {
        match i {
            Inline::Text(t) => s.push_str(&escape::html(t)),
            Inline::Strong(t) => {
                let _ = write!(s, "<strong>{}</strong>", escape::html(t));
            }
            Inline::Em(t) => {
                let _ = write!(s, "<em>{}</em>", escape::html(t));
            }
            Inline::Code(t) => {
                let _ = write!(s, "<code>{}</code>", escape::html(t));
            }
            Inline::Tag { class, text } => {
                let _ = write!(
                    s,
                    "<span class=\"tag {class}\">{}</span>",
                    escape::html(text)
                );
            }
        }
    }
    s
}

/// The blocks as Markdown (CommonMark with GitHub tables).
pub fn markdown(blocks: &[Block]) -> String {
    let mut s = String::new();
    write_md(&mut s, blocks);
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

fn write_md(s: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading(level, t) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let _ = writeln!(s, "{hashes} {}\n", escape::markdown(t));
            }
            Block::Para(items) => {
                let _ = writeln!(s, "{}\n", md_inlines(items));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", md_inlines(item));
                }
                s.push('\n');
            }
            Block::Outline(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", md_inlines(&item.line));
                    for child in &item.children {
                        let _ = writeln!(s, "  - {}", md_inlines(child));
                    }
                }
                s.push('\n');
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let cells: Vec<String> = head.iter().map(|h| escape::markdown(h)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
                let rule: Vec<&str> = (0..head.len())
                    .map(|i| {
                        if numeric.get(i).copied().unwrap_or(false) {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                let _ = writeln!(s, "|{}|", rule.join("|"));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| md_inlines(c)).collect();
                    let _ = writeln!(s, "| {} |", cells.join(" | "));
                }
                s.push('\n');
            }
            Block::Figure { .. } => {}
            Block::Slot { name, blocks } => {
                let _ = writeln!(s, "<!-- brobygger:slot {name} begin -->\n");
                write_md(s, blocks);
                let _ = writeln!(s, "<!-- brobygger:slot {name} end -->\n");
            }
        }
    }
}

/// The blocks as HTML body content.
pub fn html(blocks: &[Block]) -> String {
    let mut s = String::new();
    write_html(&mut s, blocks);
    s
}

fn write_html(s: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading(level, t) => {
                let l = (*level).clamp(1, 6);
                let _ = writeln!(s, "<h{l}>{}</h{l}>", escape::html(t));
            }
            Block::Para(items) => {
                let _ = writeln!(s, "<p>{}</p>", html_inlines(items));
            }
            Block::List(items) => {
                s.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(s, "<li>{}</li>", html_inlines(item));
                }
                s.push_str("</ul>\n");
            }
            Block::Outline(items) => {
                s.push_str("<ul>\n");
                for item in items {
                    let _ = write!(s, "<li>{}", html_inlines(&item.line));
                    if !item.children.is_empty() {
                        s.push_str("\n<ul>\n");
                        for child in &item.children {
                            let _ = writeln!(s, "<li>{}</li>", html_inlines(child));
                        }
                        s.push_str("</ul>\n");
                    }
                    s.push_str("</li>\n");
                }
                s.push_str("</ul>\n");
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let class = |i: usize| {
                    if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"num\""
                    } else {
                        ""
                    }
                };
                // A wide table scrolls in its own box, so the page stays as wide as a phone.
                s.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
                for (i, h) in head.iter().enumerate() {
                    let _ = write!(s, "<th{}>{}</th>", class(i), escape::html(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    s.push_str("<tr>");
                    for (i, c) in row.iter().enumerate() {
                        let _ = write!(s, "<td{}>{}</td>", class(i), html_inlines(c));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table></div>\n");
            }
            Block::Figure { svg, caption } => {
                let _ = writeln!(
                    s,
                    "<figure>\n{svg}\n<figcaption>{}</figcaption>\n</figure>",
                    escape::html(caption)
                );
            }
            Block::Slot { name, blocks } => {
                let name = escape::html(name);
                let _ = writeln!(
                    s,
                    "<!-- brobygger:slot {name} begin -->\n<section class=\"slot\" data-slot=\"{name}\">"
                );
                write_html(s, blocks);
                let _ = writeln!(s, "</section>\n<!-- brobygger:slot {name} end -->");
            }
        }
    }
}

fn text_inlines(items: &[Inline]) -> String {
    let mut s = String::new();
    for i in items {
        match i {
            Inline::Text(t) | Inline::Strong(t) | Inline::Em(t) | Inline::Code(t) => {
                s.push_str(t);
            }
            Inline::Tag { text, .. } => {
                let _ = write!(s, "[{text}]");
            }
        }
    }
    s
}

/// Pads `cell` to `width` characters, on the left for numbers.
fn pad(cell: &str, width: usize, right: bool) -> String {
    let n = cell.chars().count();
    let fill = " ".repeat(width.saturating_sub(n));
    if right {
        format!("{fill}{cell}")
    } else {
        format!("{cell}{fill}")
    }
}

/// The blocks as plain text for a terminal or a log: headings marked with `#`, lists with `-`,
/// tables in aligned columns; nothing escaped, no figures.
pub fn plain(blocks: &[Block]) -> String {
    let mut s = String::new();
    write_text(&mut s, blocks);
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

fn write_text(s: &mut String, blocks: &[Block]) {
    for (k, b) in blocks.iter().enumerate() {
        match b {
            Block::Heading(level, t) => {
                if k > 0 && !s.ends_with("\n\n") {
                    s.push('\n');
                }
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let _ = writeln!(s, "{hashes} {}", one_line(t));
            }
            Block::Para(items) => {
                let _ = writeln!(s, "{}", text_inlines(items));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", one_line(&text_inlines(item)));
                }
            }
            Block::Outline(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", one_line(&text_inlines(&item.line)));
                    for child in &item.children {
                        let _ = writeln!(s, "    {}", one_line(&text_inlines(child)));
                    }
                }
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| one_line(&text_inlines(c))).collect())
                    .collect();
                let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
                for row in &cells {
                    for (i, c) in row.iter().enumerate() {
                        if let Some(w) = widths.get_mut(i) {
                            *w = (*w).max(c.chars().count());
                        }
                    }
                }
                let right = |i: usize| numeric.get(i).copied().unwrap_or(false);
                let line = |row: &[String]| {
                    row.iter()
                        .enumerate()
                        .map(|(i, c)| pad(c, widths.get(i).copied().unwrap_or(0), right(i)))
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_owned()
                };
                let _ = writeln!(s, "{}", line(head));
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                let _ = writeln!(s, "{}", rule.join("  "));
                for row in &cells {
                    let _ = writeln!(s, "{}", line(row));
                }
            }
            Block::Figure { .. } => {}
            Block::Slot { blocks, .. } => write_text(s, blocks),
        }
    }
}

/// A text on one line: line breaks become spaces.
fn one_line(t: &str) -> String {
    t.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// The style sheet; every rule is scoped to `.bb-report` so a fragment embedded in another
/// page (a notebook) neither takes nor leaks styles. The table rules are one step more
/// specific than a notebook's own (`.jp-RenderedHTMLCommon td` aligns every cell right, and its
/// `table-layout: fixed` clips long cells), so they win wherever the notebook's sheet stands.
pub const CSS: &str = "\
.bb-report{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1b1b1b;line-height:1.45;max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
.bb-report h1{font-size:1.6rem;margin:.2rem 0 .6rem}
.bb-report h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.bb-report h3{font-size:1.1rem;margin-top:1.4rem}
.bb-report .scroll{overflow-x:auto;max-width:100%}
.bb-report table,.bb-report .scroll>table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem;table-layout:auto;width:auto;max-width:none}
.bb-report table th,.bb-report table td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left;vertical-align:top;white-space:normal;max-width:none;line-height:1.35}
.bb-report table th{background:#f3f3f3}
.bb-report table td.num,.bb-report table th.num{text-align:right;white-space:nowrap}
.bb-report code{font-size:.85em;background:#f4f4f4;padding:0 .2em;border-radius:3px}
.bb-report figure{margin:1rem 0}
.bb-report figcaption{font-size:.85rem;color:#555}
.bb-report svg{max-width:100%;height:auto}
.bb-report .tag{display:inline-block;font-size:.78rem;font-weight:600;padding:0 .35rem;border-radius:3px;margin-right:.3rem}
.bb-report .tag.error{background:#d55e00;color:#fff}
.bb-report .tag.warning{background:#e69f00;color:#000}
.bb-report .tag.info{background:#56b4e9;color:#000}
.bb-report .tag.strong{background:#009e73;color:#fff}
.bb-report .tag.fair{background:#e69f00;color:#000}
.bb-report .tag.weak{background:#d55e00;color:#fff}
.bb-report .tag.none{background:#ddd;color:#000}
.bb-report section.slot{border-left:4px solid #999;padding-left:.8rem}
@media print{.bb-report{max-width:none}.bb-report h2{break-after:avoid}}
";

/// A complete, self-contained HTML document (no external resources).
pub fn html_document(lang: &str, title: &str, blocks: &[Block]) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"brobygger\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<article class=\"bb-report\">\n{}</article>\n</body>\n</html>\n",
        escape::html(title),
        html(blocks)
    )
}

/// An HTML fragment with its own scoped style sheet, for embedding (e.g. Jupyter).
pub fn html_fragment(lang: &str, blocks: &[Block]) -> String {
    format!(
        "<div class=\"bb-report\" lang=\"{lang}\">\n<style>\n{CSS}</style>\n{}</div>\n",
        html(blocks)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_writer_escapes_for_its_format() {
        let blocks = vec![
            Block::Heading(2, "Kultur *og* <Fritid>".into()),
            Block::Table {
                head: vec!["a|b".into(), "n".into()],
                rows: vec![vec![vec![text("x|y")], vec![text("1.234")]]],
                numeric: vec![false, true],
            },
            Block::Outline(vec![OutlineItem {
                line: vec![text("1. hold")],
                children: vec![vec![Inline::Tag {
                    class: "info",
                    text: "råd".into(),
                }]],
            }]),
        ];
        assert_eq!(
            markdown(&blocks),
            "## Kultur \\*og\\* \\<Fritid\\>\n\n| a\\|b | n |\n|---|---:|\n| x\\|y | 1.234 |\n\n- 1\\. hold\n  - **\\[råd\\]**\n"
        );
        let h = html(&blocks);
        assert!(h.contains("<h2>Kultur *og* &lt;Fritid&gt;</h2>"), "{h}");
        assert!(h.contains("<td class=\"num\">1.234</td>"), "{h}");
        assert!(h.contains("<li>1. hold\n<ul>\n<li><span class=\"tag info\">råd</span></li>"));
        assert_eq!(
            plain(&blocks),
            "## Kultur *og* <Fritid>\na|b      n\n---  -----\nx|y  1.234\n- 1. hold\n    [råd]\n"
        );
    }
}
