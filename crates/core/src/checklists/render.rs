//! The side-by-side comparison of a checklist as Markdown or as a self-contained HTML page, in
//! Danish or English: the parties and their progress, the overall score, the items that need
//! attention (critical divergences first) and every item with each party's answer.
//!
//! The report is for the parties themselves, so it shows their answers and comments, but it
//! names parties, never the people who answered.

use super::align::{AlignmentStatus, ChecklistAlignment, ItemAlignment};
use crate::checklists::align::checklist_alignment;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::plural::{OPEN_CRITICAL_DIVERGENCE, pick};
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::ids::{AgreementId, TemplateId};
use crate::present::escape::{html_lines as html, markdown as md};
use crate::present::render::{Format, Present};
use std::fmt::Write;

fn percent(x: f64, lang: Lang) -> String {
    let p = (x * 100.0).round();
    match lang {
        Lang::Da => format!("{p} %"),
        Lang::En => format!("{p}%"),
    }
}

pub(crate) fn render_checklist_comparison(
    dossier: &Dossier,
    agreement: &AgreementId,
    template: &TemplateId,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(checklist_alignment(dossier, agreement, template)?.render(format, lang))
}

impl ChecklistAlignment {
    /// The comparison in `format` and `lang`.
    pub fn render(&self, format: Format, lang: Lang) -> String {
        let doc = Doc::build(self, lang, Audience::Parties);
        match format {
            Format::Markdown => doc.markdown(),
            Format::Html => doc.html(lang),
            // The comparison's own writers are Markdown and a whole page; a terminal and an
            // embedding view get the presentation layer's document of its tables.
            Format::Text | Format::HtmlFragment => self.present(format, lang),
        }
    }

    /// The items in the template's order.
    pub fn items_in_order(&self) -> Vec<&ItemAlignment> {
        let mut items: Vec<&ItemAlignment> = self.items.iter().collect();
        items.sort_by_key(|i| i.position);
        items
    }
}

/// Who a comparison is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    /// The parties themselves: their answers, comments and the notes of resolutions.
    Parties,
    /// Anyone (the shareable report): free-text answers, comments and resolution notes may
    /// hold personal data and are left out; yes/no, scale, number and choice answers stay.
    Shared,
}

/// The report's content, built once and written as Markdown or HTML (and, for the shared
/// audience, as blocks of the health report). Texts are raw; each writer escapes them.
pub(crate) struct Doc {
    pub(crate) title: String,
    pub(crate) subtitle: String,
    pub(crate) party_header: Vec<String>,
    pub(crate) parties: Vec<Vec<String>>,
    pub(crate) totals: Vec<String>,
    pub(crate) attention_title: String,
    pub(crate) attention_empty: String,
    pub(crate) attention: Vec<Attention>,
    pub(crate) all_title: String,
    pub(crate) item_header: Vec<String>,
    pub(crate) sections: Vec<(String, Vec<Row>)>,
}

pub(crate) struct Attention {
    pub(crate) heading: String,
    pub(crate) status: String,
    pub(crate) critical: bool,
    pub(crate) lines: Vec<String>,
}

pub(crate) struct Row {
    pub(crate) cells: Vec<String>,
    pub(crate) status: String,
    pub(crate) critical: bool,
    pub(crate) diverges: bool,
}

/// An answer for display to `audience`: free text only for the parties.
fn shown_answer(
    cell: &super::align::AlignmentCell,
    lang: Lang,
    audience: Audience,
) -> Option<String> {
    if audience == Audience::Shared
        && matches!(
            cell.value,
            Some(super::model::session::AnswerValue::Text { .. })
        )
    {
        return Some(
            t(
                lang,
                "(fritekst, vises ikke her)",
                "(free text, not shown here)",
            )
            .to_owned(),
        );
    }
    cell.display.as_ref().map(|d| d.get(lang).to_owned())
}

impl Doc {
    pub(crate) fn build(a: &ChecklistAlignment, lang: Lang, audience: Audience) -> Doc {
        let critical = t(lang, "kritisk", "critical");
        let title = format!(
            "{}: {}",
            a.title.get(lang),
            t(lang, "sammenligning", "comparison")
        );
        let subtitle = format!(
            "{} {} · {} {} {} {}",
            t(lang, "Aftale", "Agreement"),
            a.agreement,
            t(lang, "skabelon", "template"),
            a.template,
            t(lang, "version", "version"),
            a.template_version
        );
        let party_header = [
            t(lang, "Part", "Party"),
            t(lang, "Side", "Side"),
            t(lang, "Besvaret", "Answered"),
            t(lang, "Indsendt", "Submitted"),
        ]
        .map(str::to_owned)
        .to_vec();
        let parties = a
            .columns
            .iter()
            .map(|c| {
                vec![
                    c.party_name.clone(),
                    c.side.label(lang).to_owned(),
                    format!("{} {} {}", c.answered, t(lang, "af", "of"), c.total),
                    if c.submitted {
                        t(lang, "ja", "yes").to_owned()
                    } else {
                        t(lang, "nej, i gang", "no, in progress").to_owned()
                    },
                ]
            })
            .collect();
        let mut totals = Vec::new();
        totals.push(match a.score {
            Some(s) => format!(
                "{}: {}",
                t(lang, "Samlet enighed", "Overall agreement"),
                percent(s, lang)
            ),
            None => t(
                lang,
                "Samlet enighed: intet at sammenligne endnu",
                "Overall agreement: nothing to compare yet",
            )
            .to_owned(),
        });
        totals.push(format!(
            "{}: {}",
            t(lang, "Besvaret af alle parter", "Answered by every party"),
            percent(a.coverage, lang)
        ));
        let c = &a.counts;
        totals.push(format!(
            "{} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
            c.aligned,
            AlignmentStatus::Aligned.label(lang),
            c.minor,
            AlignmentStatus::MinorDivergence.label(lang),
            c.major,
            AlignmentStatus::MajorDivergence.label(lang),
            c.to_discuss,
            AlignmentStatus::ToDiscuss.label(lang),
            c.missing,
            AlignmentStatus::Missing.label(lang),
            c.resolved,
            t(lang, "løst", "resolved"),
        ));
        totals.push(match c.open_critical {
            0 => t(
                lang,
                "Ingen uløste kritiske uenigheder.",
                "No unresolved critical divergences.",
            )
            .to_owned(),
            n => match lang {
                Lang::Da => format!(
                    "{}: løs {}, før aftalen underskrives.",
                    OPEN_CRITICAL_DIVERGENCE.count(lang, u64::from(n)),
                    pick(u64::from(n), "den", "dem")
                ),
                Lang::En => format!(
                    "{}: resolve {} before the agreement is signed.",
                    OPEN_CRITICAL_DIVERGENCE.count(lang, u64::from(n)),
                    pick(u64::from(n), "it", "them")
                ),
            },
        });

        let attention = a
            .items
            .iter()
            .filter(|i| i.diverges() || i.status == AlignmentStatus::Missing)
            .map(|i| {
                let mut lines = Vec::new();
                for (col, cell) in a.columns.iter().zip(&i.cells) {
                    let value = shown_answer(cell, lang, audience)
                        .unwrap_or_else(|| t(lang, "(ikke besvaret)", "(not answered)").to_owned());
                    let mut line = format!("{}: {value}", col.party_name);
                    if let Some(comment) = cell
                        .comment
                        .as_ref()
                        .filter(|_| audience == Audience::Parties)
                    {
                        line.push_str(&format!(
                            " ({}: {comment})",
                            t(lang, "kommentar", "comment")
                        ));
                    }
                    lines.push(line);
                }
                if let Some(r) = &i.resolution {
                    let date = r.at.date_naive();
                    let mut line = if i.resolved {
                        format!("{} {date}", t(lang, "Løst", "Resolved on"))
                    } else {
                        format!(
                            "{} {date} {}",
                            t(lang, "Beslutningen fra", "The resolution of"),
                            t(
                                lang,
                                "er ældre end et ændret svar",
                                "predates a changed answer"
                            ),
                        )
                    };
                    if audience == Audience::Parties {
                        line.push_str(&format!(": {}", r.note));
                    }
                    lines.push(line);
                }
                if let Some(src) = &i.source {
                    lines.push(format!("{}: {}", t(lang, "Kilde", "Source"), src.cite()));
                }
                let status = match i.score {
                    Some(s) if i.status != AlignmentStatus::Aligned => format!(
                        "{} ({} {})",
                        i.status.label(lang),
                        t(lang, "enighed", "agreement"),
                        percent(s, lang)
                    ),
                    _ => i.status.label(lang).to_owned(),
                };
                let status = if i.resolved {
                    format!("{status}, {}", t(lang, "løst", "resolved"))
                } else {
                    status
                };
                Attention {
                    heading: if i.critical {
                        format!("{} ({critical})", i.text.get(lang))
                    } else {
                        i.text.get(lang).to_owned()
                    },
                    status,
                    critical: i.is_open_critical(),
                    lines,
                }
            })
            .collect();

        let mut item_header = vec![t(lang, "Punkt", "Item").to_owned()];
        item_header.extend(a.columns.iter().map(|c| c.party_name.clone()));
        item_header.push(t(lang, "Status", "Status").to_owned());
        let mut sections: Vec<(String, Vec<Row>)> = Vec::new();
        for i in a.items_in_order() {
            let heading = i.section_title.get(lang).to_owned();
            if sections.last().is_none_or(|(h, _)| h != &heading) {
                sections.push((heading, Vec::new()));
            }
            let mut cells = vec![if i.critical {
                format!("{} ({critical})", i.text.get(lang))
            } else {
                i.text.get(lang).to_owned()
            }];
            cells.extend(
                i.cells
                    .iter()
                    .map(|c| shown_answer(c, lang, audience).unwrap_or_else(|| "–".into())),
            );
            let mut status = i.status.label(lang).to_owned();
            if i.resolved {
                status.push_str(&format!(", {}", t(lang, "løst", "resolved")));
            }
            if let Some((_, rows)) = sections.last_mut() {
                rows.push(Row {
                    cells,
                    status,
                    critical: i.is_open_critical(),
                    diverges: i.diverges() && !i.resolved,
                });
            }
        }

        Doc {
            title,
            subtitle,
            party_header,
            parties,
            totals,
            attention_title: t(lang, "Kræver opmærksomhed", "Needs attention").to_owned(),
            attention_empty: t(
                lang,
                "Ingen punkter kræver opmærksomhed.",
                "No items need attention.",
            )
            .to_owned(),
            attention,
            all_title: t(lang, "Alle punkter", "All items").to_owned(),
            item_header,
            sections,
        }
    }

    fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# {}\n", md(&self.title));
        let _ = writeln!(s, "{}\n", md(&self.subtitle));
        md_table(&mut s, &self.party_header, &self.parties);
        let _ = writeln!(s);
        for line in &self.totals {
            let _ = writeln!(s, "- {}", md(line));
        }
        let _ = writeln!(s, "\n## {}\n", md(&self.attention_title));
        if self.attention.is_empty() {
            let _ = writeln!(s, "{}", md(&self.attention_empty));
        }
        for (n, a) in self.attention.iter().enumerate() {
            let marker = if a.critical { "⚠ " } else { "" };
            let _ = writeln!(
                s,
                "{}. {marker}**{}**: {}",
                n + 1,
                md(&a.heading),
                md(&a.status)
            );
            for line in &a.lines {
                let _ = writeln!(s, "   - {}", md(line));
            }
        }
        let _ = writeln!(s, "\n## {}", md(&self.all_title));
        for (heading, rows) in &self.sections {
            let _ = writeln!(s, "\n### {}\n", md(heading));
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut cells = r.cells.clone();
                    let status = if r.critical {
                        format!("**{}**", md(&r.status))
                    } else {
                        md(&r.status)
                    };
                    cells.push(status);
                    cells
                })
                .collect();
            md_table_raw_last(&mut s, &self.item_header, &rows);
        }
        s
    }

    fn html(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "<!DOCTYPE html>");
        let _ = writeln!(s, "<html lang=\"{}\">", lang.code());
        let _ = writeln!(s, "<head>");
        let _ = writeln!(s, "<meta charset=\"utf-8\">");
        let _ = writeln!(
            s,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        );
        let _ = writeln!(s, "<title>{}</title>", html(&self.title));
        let _ = writeln!(s, "<style>{STYLE}</style>");
        let _ = writeln!(s, "</head>");
        let _ = writeln!(s, "<body>");
        let _ = writeln!(s, "<h1>{}</h1>", html(&self.title));
        let _ = writeln!(s, "<p class=\"meta\">{}</p>", html(&self.subtitle));
        html_table(&mut s, &self.party_header, &self.parties, None);
        let _ = writeln!(s, "<ul class=\"totals\">");
        for line in &self.totals {
            let _ = writeln!(s, "<li>{}</li>", html(line));
        }
        let _ = writeln!(s, "</ul>");
        let _ = writeln!(s, "<h2>{}</h2>", html(&self.attention_title));
        if self.attention.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", html(&self.attention_empty));
        } else {
            let _ = writeln!(s, "<ol class=\"attention\">");
            for a in &self.attention {
                let class = if a.critical {
                    " class=\"critical\""
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "<li{class}><strong>{}</strong>: {}",
                    html(&a.heading),
                    html(&a.status)
                );
                let _ = writeln!(s, "<ul>");
                for line in &a.lines {
                    let _ = writeln!(s, "<li>{}</li>", html(line));
                }
                let _ = writeln!(s, "</ul></li>");
            }
            let _ = writeln!(s, "</ol>");
        }
        let _ = writeln!(s, "<h2>{}</h2>", html(&self.all_title));
        for (heading, rows) in &self.sections {
            let _ = writeln!(s, "<h3>{}</h3>", html(heading));
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut cells = r.cells.clone();
                    cells.push(r.status.clone());
                    cells
                })
                .collect();
            let classes: Vec<&str> = rows
                .iter()
                .map(|r| {
                    if r.critical {
                        "critical"
                    } else if r.diverges {
                        "diverges"
                    } else {
                        ""
                    }
                })
                .collect();
            html_table(&mut s, &self.item_header, &body, Some(&classes));
        }
        let _ = writeln!(s, "</body>");
        let _ = writeln!(s, "</html>");
        s
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.4;overflow-wrap:break-word}\
.scroll{overflow-x:auto;max-width:100%}\
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem}\
th,td{border:1px solid #c8c8c8;padding:0.35rem 0.5rem;text-align:left;vertical-align:top}\
th{background:#f0f0f0}\
tr.critical td{background:#fde2e1}\
tr.diverges td{background:#fff4d6}\
li.critical{color:#8a1c1c}\
.meta{color:#555}";

fn md_table(s: &mut String, header: &[String], rows: &[Vec<String>]) {
    let escaped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| md(c)).collect())
        .collect();
    md_rows(s, header, &escaped);
}

/// Like [`md_table`], but the last cell of each row is already Markdown.
fn md_table_raw_last(s: &mut String, header: &[String], rows: &[Vec<String>]) {
    let escaped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let n = r.len();
            r.iter()
                .enumerate()
                .map(|(i, c)| if i + 1 == n { c.clone() } else { md(c) })
                .collect()
        })
        .collect();
    md_rows(s, header, &escaped);
}

fn md_rows(s: &mut String, header: &[String], rows: &[Vec<String>]) {
    let head: Vec<String> = header.iter().map(|h| md(h)).collect();
    let _ = writeln!(s, "| {} |", head.join(" | "));
    let _ = writeln!(s, "|{}", "---|".repeat(header.len()));
    for r in rows {
        let _ = writeln!(s, "| {} |", r.join(" | "));
    }
}

fn html_table(s: &mut String, header: &[String], rows: &[Vec<String>], classes: Option<&[&str]>) {
    // A wide table scrolls in its own box, so the page stays as wide as a phone.
    let _ = writeln!(s, "<div class=\"scroll\">\n<table>");
    let _ = write!(s, "<thead><tr>");
    for h in header {
        let _ = write!(s, "<th>{}</th>", html(h));
    }
    let _ = writeln!(s, "</tr></thead>");
    let _ = writeln!(s, "<tbody>");
    for (i, r) in rows.iter().enumerate() {
        match classes.and_then(|c| c.get(i)).filter(|c| !c.is_empty()) {
            Some(class) => {
                let _ = write!(s, "<tr class=\"{class}\">");
            }
            None => {
                let _ = write!(s, "<tr>");
            }
        }
        for c in r {
            let _ = write!(s, "<td>{}</td>", html(c));
        }
        let _ = writeln!(s, "</tr>");
    }
    let _ = writeln!(s, "</tbody>");
    let _ = writeln!(s, "</table>\n</div>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_both_formats() {
        assert_eq!(md("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
        assert_eq!(md("1\n2"), "1 2");
        assert_eq!(
            html("<script>alert('x')</script> & \"y\"\nz"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;<br>z"
        );
    }
}
