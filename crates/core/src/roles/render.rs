//! Rendering a [`RoleMatrix`] as a Markdown table or a self-contained HTML page (one colour per
//! role, with a legend), in Danish or English. Cells show roles and the titles of the posts
//! carrying them; a named person is shown only as "named person", never by name.

use super::matrix::{CellCarrier, MatrixCell, RoleMatrix};
use super::model::split::Raci;
use crate::finding::Severity;
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::present::escape::{html as html_escape, markdown as md_escape};
use std::fmt::Write;

fn heading(m: &RoleMatrix, lang: Lang) -> String {
    format!(
        "{}: {}",
        t(lang, "Rollefordeling", "Role split"),
        m.title.trim()
    )
}

fn subtitle(m: &RoleMatrix, lang: Lang) -> String {
    let mut s = format!(
        "{} {}, version {}",
        t(lang, "Aftale", "Agreement"),
        m.agreement,
        m.version
    );
    if let Some(d) = m.as_of {
        let _ = write!(
            s,
            ", {} {d}",
            t(lang, "posternes indehavere pr.", "post holders as of")
        );
    }
    s
}

const STATUTORY_MARK: &str = "§";

fn statutory_label(lang: Lang) -> &'static str {
    t(
        lang,
        "lovpligtig kommunal opgave",
        "statutory municipal duty",
    )
}

fn carrier_label(c: &CellCarrier, lang: Lang) -> String {
    match &c.post_title {
        Some(title) => title.clone(),
        None => t(lang, "navngiven person", "named person").to_owned(),
    }
}

/// Who carries a cell's roles, unambiguously: one label when every role has the same carrier
/// (`Frivillig koordinator`), otherwise each carried role with its letter
/// (`R: Kommunal projektleder; A: Sekretariatsleder`).
fn carriers(cell: &MatrixCell, lang: Lang) -> Vec<String> {
    let labels: Vec<String> = cell
        .carriers
        .iter()
        .map(|c| carrier_label(c, lang))
        .collect();
    let all_same =
        cell.carriers.len() == cell.roles.len() && labels.windows(2).all(|w| w[0] == w[1]);
    if all_same {
        labels.into_iter().take(1).collect()
    } else {
        cell.carriers
            .iter()
            .zip(labels)
            .map(|(c, label)| format!("{}: {label}", c.role.letter()))
            .collect()
    }
}

impl MatrixCell {
    /// Who carries the cell's roles, as the matrices show it: one post title when every role
    /// has the same carrier, otherwise each role's letter with its carrier; a person only as
    /// "named person". `None` when no role names a carrier.
    pub fn carried_by(&self, lang: Lang) -> Option<String> {
        let who = carriers(self, lang);
        (!who.is_empty()).then(|| who.join("; "))
    }
}

impl RoleMatrix {
    /// The matrix as a Markdown table with a legend and the findings, in `lang`.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# {}\n", md_escape(&heading(self, lang)));
        let _ = writeln!(s, "{}\n", md_escape(&subtitle(self, lang)));
        if self.rows.is_empty() {
            let _ = writeln!(
                s,
                "{}\n",
                t(lang, "Ingen opgaver er fordelt.", "No tasks are split.")
            );
        } else {
            let _ = write!(s, "| {} | {STATUTORY_MARK} |", t(lang, "Opgave", "Task"));
            for p in &self.parties {
                let _ = write!(s, " {} |", md_escape(&p.name));
            }
            s.push_str("\n|---|:-:|");
            for _ in &self.parties {
                s.push_str("---|");
            }
            s.push('\n');
            for row in &self.rows {
                let mark = if row.task.statutory {
                    STATUTORY_MARK
                } else {
                    ""
                };
                let _ = write!(s, "| {} | {mark} |", md_escape(row.task.name.get(lang)));
                for cell in &row.cells {
                    let letters: Vec<&str> = cell.roles.iter().map(|r| r.letter()).collect();
                    let who = carriers(cell, lang);
                    if who.is_empty() {
                        let _ = write!(s, " {} |", letters.join(", "));
                    } else {
                        let _ = write!(
                            s,
                            " {} ({}) |",
                            letters.join(", "),
                            md_escape(&who.join("; "))
                        );
                    }
                }
                s.push('\n');
            }
            s.push('\n');
        }
        let legend: Vec<String> = Raci::ALL
            .iter()
            .map(|r| format!("{} = {}", r.letter(), r.label(lang)))
            .chain([format!("{STATUTORY_MARK} = {}", statutory_label(lang))])
            .collect();
        let _ = writeln!(
            s,
            "**{}:** {}\n",
            t(lang, "Forklaring", "Legend"),
            legend.join(" · ")
        );
        let _ = writeln!(
            s,
            "## {} ({})\n",
            t(lang, "Fund", "Findings"),
            self.findings.len()
        );
        if self.findings.is_empty() {
            let _ = writeln!(s, "{}", t(lang, "Ingen fund.", "No findings."));
        }
        let lines = self
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                crate::present::findings::line_in_words(f, self.finding_words.get(i), lang)
            })
            .collect();
        s.push_str(&crate::present::doc::markdown(&[
            crate::present::doc::Block::List(lines),
        ]));
        let appendix = self.references(lang);
        if !appendix.is_empty() {
            s.push('\n');
            s.push_str(&crate::present::doc::markdown(&appendix));
        }
        s
    }

    /// The matrix as a self-contained HTML page (inline CSS, no scripts or external files)
    /// with a colour per role, a legend and the findings, in `lang`.
    pub fn html(&self, lang: Lang) -> String {
        let mut s = String::new();
        let title = html_escape(&heading(self, lang));
        let _ = writeln!(s, "<!DOCTYPE html>");
        let _ = writeln!(s, "<html lang=\"{}\">", lang.code());
        let _ = writeln!(s, "<head>");
        let _ = writeln!(s, "<meta charset=\"utf-8\">");
        let _ = writeln!(
            s,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        );
        let _ = writeln!(s, "<title>{title}</title>");
        let _ = writeln!(s, "<style>\n{}</style>", CSS);
        let _ = writeln!(s, "</head>");
        let _ = writeln!(s, "<body>");
        let _ = writeln!(s, "<h1>{title}</h1>");
        let _ = writeln!(s, "<p>{}</p>", html_escape(&subtitle(self, lang)));
        if self.rows.is_empty() {
            let _ = writeln!(
                s,
                "<p>{}</p>",
                t(lang, "Ingen opgaver er fordelt.", "No tasks are split.")
            );
        } else {
            self.html_table(&mut s, lang);
        }
        let _ = writeln!(s, "<h2>{}</h2>", t(lang, "Forklaring", "Legend"));
        let _ = writeln!(s, "<ul class=\"legend\">");
        for r in Raci::ALL {
            let _ = writeln!(s, "<li>{} {}</li>", role_badge(r, lang), r.label(lang));
        }
        let _ = writeln!(
            s,
            "<li><span class=\"statutory\">{STATUTORY_MARK}</span> {}</li>",
            statutory_label(lang)
        );
        let _ = writeln!(s, "</ul>");
        let _ = writeln!(
            s,
            "<h2>{} ({})</h2>",
            t(lang, "Fund", "Findings"),
            self.findings.len()
        );
        if self.findings.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", t(lang, "Ingen fund.", "No findings."));
        } else {
            let _ = writeln!(s, "<ul class=\"findings\">");
            for (i, f) in self.findings.iter().enumerate() {
                let class = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                let source = f
                    .source
                    .as_ref()
                    .map(|src| format!(" <cite>{}</cite>", html_escape(&src.cite())))
                    .unwrap_or_default();
                // Where the finding is, in words; a finding without them keeps its path.
                let place = match self.finding_words.get(i) {
                    Some(w) => html_escape(&crate::present::findings::capitalised(w.get(lang))),
                    None => format!("<code>{}</code>", html_escape(f.path.as_str())),
                };
                let _ = writeln!(
                    s,
                    "<li class=\"{class}\"><strong>{}</strong> {place}: {}{source}</li>",
                    f.severity.label(lang),
                    html_escape(f.message(lang)),
                );
            }
            let _ = writeln!(s, "</ul>");
        }
        s.push_str(&crate::present::doc::html(&self.references(lang)));
        let _ = writeln!(s, "</body>");
        let _ = writeln!(s, "</html>");
        s
    }

    fn html_table(&self, s: &mut String, lang: Lang) {
        // A wide matrix scrolls in its own box, so the page stays as wide as a phone.
        let _ = writeln!(s, "<div class=\"scroll\">\n<table>");
        let _ = writeln!(s, "<thead>");
        let _ = write!(
            s,
            "<tr><th scope=\"col\">{}</th><th scope=\"col\"><abbr title=\"{}\">{STATUTORY_MARK}</abbr></th>",
            t(lang, "Opgave", "Task"),
            statutory_label(lang)
        );
        for p in &self.parties {
            let class = if p.municipal { "municipal" } else { "civil" };
            let _ = write!(
                s,
                "<th scope=\"col\" class=\"{class}\">{}</th>",
                html_escape(&p.name)
            );
        }
        let _ = writeln!(s, "</tr>");
        let _ = writeln!(s, "</thead>");
        let _ = writeln!(s, "<tbody>");
        for row in &self.rows {
            let (class, mark) = if row.task.statutory {
                (" class=\"statutory-task\"", STATUTORY_MARK)
            } else {
                ("", "")
            };
            let _ = write!(
                s,
                "<tr{class}><th scope=\"row\">{}</th><td class=\"statutory\">{mark}</td>",
                html_escape(row.task.name.get(lang))
            );
            for cell in &row.cells {
                s.push_str("<td>");
                for r in &cell.roles {
                    s.push_str(&role_badge(*r, lang));
                }
                for who in carriers(cell, lang) {
                    let _ = write!(s, "<span class=\"post\">{}</span>", html_escape(&who));
                }
                s.push_str("</td>");
            }
            let _ = writeln!(s, "</tr>");
        }
        let _ = writeln!(s, "</tbody>");
        let _ = writeln!(s, "</table>\n</div>");
    }
}

fn role_badge(r: Raci, lang: Lang) -> String {
    format!(
        "<span class=\"role role-{}\" title=\"{}\">{}</span>",
        r.letter().to_ascii_lowercase(),
        r.label(lang),
        r.letter()
    )
}

/// One colour per role, chosen to differ in lightness as well as hue; the letter is always shown
/// too, so the matrix never depends on colour alone.
const CSS: &str = "body { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; margin: 2rem; color: #1a1a1a; overflow-wrap: break-word; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #c4c4c4; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; }
thead th.municipal { border-top: 4px solid #5c6bc0; }
thead th.civil { border-top: 4px solid #43a047; }
tbody th { font-weight: normal; }
tr.statutory-task th { font-weight: bold; }
.role { display: inline-block; min-width: 1.4em; padding: 0 0.3em; margin: 0 0.15em 0.15em 0; border-radius: 0.25em; font-weight: bold; text-align: center; }
.role-r { background: #2e7d32; color: #ffffff; }
.role-a { background: #1565c0; color: #ffffff; }
.role-c { background: #ffcc80; color: #4e2600; }
.role-i { background: #e0e0e0; color: #303030; }
.post { display: block; font-size: 0.8em; color: #555555; }
.statutory { color: #b71c1c; font-weight: bold; text-align: center; }
ul.legend { list-style: none; padding: 0; }
ul.legend li { margin: 0.2rem 0; }
ul.findings li.error strong { color: #b71c1c; }
ul.findings li.warning strong { color: #8a5300; }
ul.findings li.info strong { color: #33691e; }
cite { color: #555555; }
";

impl RoleMatrix {
    /// The appendix of paths behind the words the findings are placed by.
    pub(crate) fn references(&self, lang: Lang) -> Vec<crate::present::doc::Block> {
        crate::present::findings::references(
            self.finding_words
                .iter()
                .zip(&self.findings)
                .map(|(w, f)| (w, f.path.as_str())),
            2,
            lang,
        )
    }
}
