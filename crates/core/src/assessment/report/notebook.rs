//! HTML fragments for notebooks (Jupyter's `_repr_html_`): a list of findings and a match run,
//! written with the report's document model so they share its escaping and scoped style sheet.
//!
//! Only codes, paths, pseudonymous ids, scores and the library's own Danish/English texts
//! appear; a match run's explanations are the rules' texts, which name no personal values.

use crate::finding::{Finding, Severity};
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::matching::model::run::{MatchRun, describe_binding};
use crate::present::doc::{Block, Inline, html_fragment, text};

fn severity_tag(s: Severity, lang: Lang) -> Inline {
    let class = match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    Inline::Tag {
        class,
        text: s.label(lang).to_owned(),
    }
}

fn finding_rows(findings: &[Finding], lang: Lang) -> Vec<Vec<Vec<Inline>>> {
    findings
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
        .collect()
}

fn count_line(findings: &[Finding], lang: Lang) -> String {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{} {}: {} {}, {} {}, {} {}",
        findings.len(),
        t(lang, "fund", "findings"),
        n(Severity::Error),
        Severity::Error.label(lang),
        n(Severity::Warning),
        Severity::Warning.label(lang),
        n(Severity::Info),
        Severity::Info.label(lang),
    )
}

/// Findings as an HTML table (severity, code, path, message, source) under a line of counts
/// per severity, as a self-contained fragment.
pub fn findings_html(findings: &[Finding], lang: Lang) -> String {
    let mut blocks = vec![Block::para(count_line(findings, lang))];
    if !findings.is_empty() {
        blocks.push(Block::Table {
            head: vec![
                t(lang, "Alvor", "Severity").to_owned(),
                t(lang, "Kode", "Code").to_owned(),
                t(lang, "Sti", "Path").to_owned(),
                t(lang, "Besked", "Message").to_owned(),
                t(lang, "Kilde", "Source").to_owned(),
            ],
            rows: finding_rows(findings, lang),
            numeric: vec![],
        });
    }
    html_fragment(lang.code(), &blocks)
}

/// A match run as HTML: headline figures, the proposed matches with scores, the unmatched
/// households with the constraint that decided it and the reasons, and unmet demand.
pub fn match_run_html(run: &MatchRun, lang: Lang) -> String {
    let s = &run.statistics;
    let mut blocks = vec![
        Block::Heading(
            3,
            format!(
                "{} {} ({}, {})",
                t(lang, "Matchkørsel", "Match run"),
                run.id.as_str(),
                run.rule_set.as_str(),
                run.as_of
            ),
        ),
        Block::table(
            vec![
                t(lang, "Husstande", "Households").to_owned(),
                t(lang, "Tilbud", "Offers").to_owned(),
                t(lang, "Ledige pladser", "Free places").to_owned(),
                t(lang, "Matchet", "Matched").to_owned(),
                t(lang, "Ikke matchet", "Unmatched").to_owned(),
                t(lang, "Gns. score", "Mean score").to_owned(),
            ],
            vec![vec![
                s.newcomers.to_string(),
                s.offers.to_string(),
                s.free_places.to_string(),
                s.matched.to_string(),
                s.unmatched.to_string(),
                format!("{:.2}", s.mean_score),
            ]],
            vec![true; 6],
        ),
    ];
    if !run.matches.is_empty() {
        blocks.push(Block::Heading(
            4,
            t(lang, "Forslag", "Proposed matches").to_owned(),
        ));
        blocks.push(Block::table(
            vec![
                t(lang, "Husstand", "Household").to_owned(),
                t(lang, "Tilbud", "Offer").to_owned(),
                t(lang, "Score", "Score").to_owned(),
                t(lang, "Ventedage", "Days waited").to_owned(),
            ],
            run.matches
                .iter()
                .map(|m| {
                    vec![
                        m.newcomer.as_str().to_owned(),
                        m.offer.as_str().to_owned(),
                        format!("{:.2}", m.score),
                        m.waiting_days.to_string(),
                    ]
                })
                .collect(),
            vec![false, false, true, true],
        ));
    }
    if !run.unmatched.is_empty() {
        blocks.push(Block::Heading(
            4,
            t(lang, "Ikke matchet", "Unmatched").to_owned(),
        ));
        blocks.push(Block::table(
            vec![
                t(lang, "Husstand", "Household").to_owned(),
                t(lang, "Ventedage", "Days waited").to_owned(),
                t(lang, "Afgørende", "Deciding constraint").to_owned(),
                t(lang, "Begrundelser", "Reasons").to_owned(),
            ],
            run.unmatched
                .iter()
                .map(|u| {
                    vec![
                        u.newcomer.as_str().to_owned(),
                        u.waiting_days.to_string(),
                        describe_binding(&u.binding).get(lang).to_owned(),
                        u.reasons
                            .iter()
                            .map(|r| r.get(lang))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect(),
            vec![false, true, false, false],
        ));
    }
    if !run.unmet_demand.is_empty() {
        blocks.push(Block::Heading(
            4,
            t(lang, "Udækket behov", "Unmet demand").to_owned(),
        ));
        blocks.push(Block::List(
            run.unmet_demand
                .iter()
                .map(|g| vec![text(g.text.get(lang))])
                .collect(),
        ));
    }
    html_fragment(lang.code(), &blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FieldPath;
    use crate::i18n::Text;

    #[test]
    fn findings_are_escaped_and_counted() {
        let f = Finding {
            code: "validation.x".into(),
            severity: Severity::Error,
            path: FieldPath::parse("a<b>"),
            text: Text::new("<script>da</script>", "<script>en</script>"),
            source: None,
        };
        let html = findings_html(&[f], Lang::En);
        assert!(html.contains("1 findings: 1 error, 0 warning, 0 info"));
        assert!(html.contains("&lt;script&gt;en&lt;/script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.starts_with("<div class=\"bb-report\" lang=\"en\">"));
    }

    #[test]
    fn a_match_run_shows_its_outcome_with_ids_only() {
        use crate::matching::model::run::Solver;
        use crate::matching::outcome::MatchOptions;
        use crate::matching::store::MatchRequest;
        let d = crate::dossier::Dossier::example("ikast-brande").unwrap_or_else(|e| panic!("{e}"));
        let as_of = chrono::NaiveDate::from_ymd_opt(2016, 4, 1).unwrap_or_default();
        let run = d
            .matching()
            .match_cohort(&MatchRequest {
                cohort: "ikast-2016-q1".into(),
                rule_set: "vvv-ikast".into(),
                options: MatchOptions::new(Solver::Optimal, as_of),
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let en = match_run_html(&run, Lang::En);
        let da = match_run_html(&run, Lang::Da);
        for m in &run.matches {
            assert!(en.contains(m.newcomer.as_str()) && en.contains(m.offer.as_str()));
        }
        assert_eq!(run.unmatched.len(), 1);
        assert!(en.contains("<h4>Unmatched</h4>") && da.contains("<h4>Ikke matchet</h4>"));
        assert!(en.contains("the rule &#39;common-language&#39;"));
        assert!(en.contains("<h4>Unmet demand</h4>"));
        // Exact coordinates of households never appear.
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert!(json.contains("56.1268") && !en.contains("56.1268"));
    }

    use crate::present::page::fragment as page_fragment;

    fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
        let start = s.find(open)? + open.len();
        let end = start + s[start..].find(close)?;
        Some(&s[start..end])
    }

    fn assert_scoped(fragment: &str) {
        assert!(fragment.starts_with("<div class=\"bb-page\" lang=\"en\">"));
        assert!(
            !fragment.contains("<body")
                && !fragment.contains("<html")
                && !fragment.contains("<head")
        );
        let css = between(fragment, "<style>", "</style>").unwrap_or_default();
        assert!(!css.is_empty());
        for rule in css.split('}').filter(|r| r.contains('{')) {
            let selectors = rule.split('{').next().unwrap_or_default();
            for sel in selectors.split(',') {
                assert!(
                    sel.trim().starts_with(".bb-page"),
                    "unscoped selector {sel:?}"
                );
            }
        }
    }

    #[test]
    fn library_pages_become_scoped_fragments() {
        let horsens = crate::dossier::Dossier::example("horsens").unwrap_or_else(|e| panic!("{e}"));
        let id = crate::AgreementId::new("horsens-lawan");
        let matrix = horsens
            .roles(&id)
            .matrix(crate::roles::model::split::RoleOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let page = matrix.html(Lang::En);
        let fragment = page_fragment(&page);
        assert_scoped(&fragment);
        // The body's content is kept whole.
        assert_eq!(
            between(&fragment, "</style>\n", "</div>\n").map(str::trim),
            between(&page, "<body>", "</body>").map(str::trim)
        );
        let alignment = horsens
            .checklists()
            .alignments(&id)
            .unwrap_or_else(|e| panic!("{e}"))
            .remove(0);
        assert_scoped(&page_fragment(
            &alignment.render(crate::checklists::render::RenderFormat::Html, Lang::En),
        ));
    }

    #[test]
    fn empty_findings_have_no_table() {
        let html = findings_html(&[], Lang::Da);
        assert!(html.contains("0 fund"));
        assert!(!html.contains("<table>"));
    }
}
