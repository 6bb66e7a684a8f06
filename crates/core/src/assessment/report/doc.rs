//! A small document model (headings, paragraphs, lists, tables, figures, slots) and its
//! Markdown and HTML writers, so every report section is written once for both formats.

use std::fmt::Write as _;

/// A run of text in a paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text(String),
    Strong(String),
    Em(String),
    Code(String),
    /// A label such as a severity, styled by `class` in HTML and bold in Markdown.
    Tag {
        class: &'static str,
        text: String,
    },
}

/// Shorthand for a plain text run.
pub(crate) fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Heading(u8, String),
    Para(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Vec<Inline>>>,
        numeric: Vec<bool>,
    },
    /// An inline SVG chart (HTML only; Markdown shows the data table that follows it).
    Figure {
        svg: String,
        caption: String,
    },
    /// A clearly marked section another module fills in.
    Slot {
        name: String,
        blocks: Vec<Block>,
    },
}

impl Block {
    /// A table whose cells are plain text.
    pub(crate) fn table(head: Vec<String>, rows: Vec<Vec<String>>, numeric: Vec<bool>) -> Self {
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
    pub(crate) fn para(s: impl Into<String>) -> Self {
        Block::Para(vec![text(s)])
    }
}

/// Escapes text for Markdown: every ASCII punctuation that could start markup is
/// backslash-escaped (CommonMark allows escaping any of them), and line breaks become spaces.
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes `t` between `marker`s with its outer whitespace moved outside: CommonMark does not
/// take `* text*` as emphasis.
fn md_delimited(s: &mut String, marker: &str, t: &str) {
    let core = t.trim();
    if core.is_empty() {
        s.push_str(&md_escape(t));
        return;
    }
    let lead = &t[..t.len() - t.trim_start().len()];
    let trail = &t[t.trim_end().len()..];
    let _ = write!(s, "{lead}{marker}{}{marker}{trail}", md_escape(core));
}

fn md_inlines(items: &[Inline]) -> String {
    let mut s = String::new();
    for i in items {
        match i {
            Inline::Text(t) => s.push_str(&md_escape(t)),
            Inline::Strong(t) => md_delimited(&mut s, "**", t),
            Inline::Em(t) => md_delimited(&mut s, "*", t),
            Inline::Code(t) => {
                // A code span cannot escape backticks; the paths written here never hold them.
                let _ = write!(s, "`{}`", t.replace('`', "'"));
            }
            Inline::Tag { text, .. } => {
                let _ = write!(s, "**\\[{}\\]**", md_escape(text));
            }
        }
    }
    s
}

fn html_inlines(items: &[Inline]) -> String {
    let mut s = String::new();
    for i in items {
        match i {
            Inline::Text(t) => s.push_str(&html_escape(t)),
            Inline::Strong(t) => {
                let _ = write!(s, "<strong>{}</strong>", html_escape(t));
            }
            Inline::Em(t) => {
                let _ = write!(s, "<em>{}</em>", html_escape(t));
            }
            Inline::Code(t) => {
                let _ = write!(s, "<code>{}</code>", html_escape(t));
            }
            Inline::Tag { class, text } => {
                let _ = write!(
                    s,
                    "<span class=\"tag {class}\">{}</span>",
                    html_escape(text)
                );
            }
        }
    }
    s
}

/// The blocks as Markdown (CommonMark with GitHub tables).
pub(crate) fn markdown(blocks: &[Block]) -> String {
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
                let _ = writeln!(s, "{hashes} {}\n", md_escape(t));
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
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let cells: Vec<String> = head.iter().map(|h| md_escape(h)).collect();
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
pub(crate) fn html(blocks: &[Block]) -> String {
    let mut s = String::new();
    write_html(&mut s, blocks);
    s
}

fn write_html(s: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading(level, t) => {
                let l = (*level).clamp(1, 6);
                let _ = writeln!(s, "<h{l}>{}</h{l}>", html_escape(t));
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
                s.push_str("<table>\n<thead><tr>");
                for (i, h) in head.iter().enumerate() {
                    let _ = write!(s, "<th{}>{}</th>", class(i), html_escape(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    s.push_str("<tr>");
                    for (i, c) in row.iter().enumerate() {
                        let _ = write!(s, "<td{}>{}</td>", class(i), html_inlines(c));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
            Block::Figure { svg, caption } => {
                let _ = writeln!(
                    s,
                    "<figure>\n{svg}\n<figcaption>{}</figcaption>\n</figure>",
                    html_escape(caption)
                );
            }
            Block::Slot { name, blocks } => {
                let name = html_escape(name);
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

/// The style sheet; every rule is scoped to `.bb-report` so a fragment embedded in another
/// page (a notebook) neither takes nor leaks styles.
pub(crate) const CSS: &str = "\
.bb-report{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1b1b1b;line-height:1.45;max-width:60rem;margin:0 auto;padding:1rem}
.bb-report h1{font-size:1.6rem;margin:.2rem 0 .6rem}
.bb-report h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.bb-report h3{font-size:1.1rem;margin-top:1.4rem}
.bb-report table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
.bb-report th,.bb-report td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left;vertical-align:top}
.bb-report th{background:#f3f3f3}
.bb-report td.num,.bb-report th.num{text-align:right;white-space:nowrap}
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
pub(crate) fn html_document(lang: &str, title: &str, blocks: &[Block]) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"brobygger\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<article class=\"bb-report\">\n{}</article>\n</body>\n</html>\n",
        html_escape(title),
        html(blocks)
    )
}

/// An HTML fragment with its own scoped style sheet, for embedding (e.g. Jupyter).
pub(crate) fn html_fragment(lang: &str, blocks: &[Block]) -> String {
    format!(
        "<div class=\"bb-report\" lang=\"{lang}\">\n<style>\n{CSS}</style>\n{}</div>\n",
        html(blocks)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(md_escape("a*b_[c]<d>|#"), "a\\*b\\_\\[c\\]\\<d\\>\\|\\#");
        assert_eq!(
            html_escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        let blocks = vec![Block::Table {
            head: vec!["a|b".into()],
            rows: vec![vec![vec![text("x|y")]]],
            numeric: vec![false],
        }];
        assert_eq!(markdown(&blocks), "| a\\|b |\n|---|\n| x\\|y |\n");
    }
}
