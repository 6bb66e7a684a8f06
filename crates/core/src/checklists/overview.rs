//! Short texts for people: a template written out as a form, and where each agreement stands
//! with its checklists (for the command line and summaries). Party names and ids only, never a
//! person.

use super::align::AlignmentStatus;
use super::model::template::{AnswerKind, ChecklistTemplate, DEFAULT_NUMBER_TOLERANCE};
use crate::checklists::align::checklist_alignments;
use crate::checklists::readiness::checklist_readiness;
use crate::dossier::Dossier;
use crate::i18n::number::percent;
use crate::i18n::plural::{OPEN_CRITICAL_DIVERGENCE, OTHER_DIVERGENCE, n};
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::present::escape::markdown as md;
use std::fmt::Write;

impl ChecklistTemplate {
    /// The template written out as a form in Markdown: sections, numbered questions with their
    /// answer kind, guidance, weight, critical flag and source.
    pub fn describe(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# {} ({}, {} {})\n",
            md(self.title.get(lang)),
            md(self.id.as_str()),
            t(lang, "version", "version"),
            self.version
        );
        let sides: Vec<&str> = self.respondents.iter().map(|r| r.label(lang)).collect();
        let mut meta = format!(
            "{}: {}",
            t(lang, "Besvares af", "Answered by"),
            sides.join(", ")
        );
        if let Some(src) = &self.source {
            meta.push_str(&format!(
                " · {}: {}",
                t(lang, "Kilde", "Source"),
                src.cite()
            ));
        }
        let _ = writeln!(s, "{}\n", md(&meta));
        if let Some(d) = &self.description {
            let _ = writeln!(s, "{}\n", md(d.get(lang)));
        }
        let mut n = 0;
        for section in &self.sections {
            let _ = writeln!(s, "## {}\n", md(section.title.get(lang)));
            if let Some(intro) = &section.intro {
                let _ = writeln!(s, "{}\n", md(intro.get(lang)));
            }
            for item in &section.items {
                n += 1;
                let kind = match &item.answer {
                    AnswerKind::YesNo => t(
                        lang,
                        "ja / delvist / nej / ikke relevant",
                        "yes / partly / no / not relevant",
                    )
                    .to_owned(),
                    AnswerKind::Scale { low, high } => {
                        let end = |e: &Option<crate::i18n::Text>, n: u8| match e {
                            Some(x) => format!("{n} = {}", x.get(lang)),
                            None => n.to_string(),
                        };
                        format!(
                            "{} {}–{}",
                            t(lang, "skala", "scale"),
                            end(low, 1),
                            end(high, 5)
                        )
                    }
                    AnswerKind::Number {
                        unit,
                        min,
                        max,
                        tolerance,
                        ..
                    } => {
                        let mut k = format!("{}: {}", t(lang, "tal", "number"), unit.get(lang));
                        if min.is_some() || max.is_some() {
                            k.push_str(&format!(
                                ", {}",
                                super::model::session::format_range(*min, *max, lang)
                            ));
                        }
                        let tol = tolerance.unwrap_or(DEFAULT_NUMBER_TOLERANCE);
                        k.push_str(&format!(
                            ", {} {} %",
                            t(lang, "enige inden for", "agreed within"),
                            super::model::session::format_number(tol * 100.0, lang)
                        ));
                        k
                    }
                    AnswerKind::Choice { options, multiple } => {
                        let labels: Vec<&str> = options.iter().map(|o| o.text.get(lang)).collect();
                        let head = if *multiple {
                            t(lang, "vælg en eller flere", "choose one or more")
                        } else {
                            t(lang, "vælg én", "choose one")
                        };
                        format!("{head}: {}", labels.join(" / "))
                    }
                    AnswerKind::Text => t(lang, "fritekst", "free text").to_owned(),
                };
                let mut line = format!("{n}. {} [{}]", md(item.text.get(lang)), md(&kind));
                if item.critical {
                    line.push_str(&format!(" **{}**", t(lang, "kritisk", "critical")));
                }
                if item.weight != 1.0 {
                    line.push_str(&format!(
                        " ({} {})",
                        t(lang, "vægt", "weight"),
                        super::model::session::format_number(item.weight, lang)
                    ));
                }
                let _ = writeln!(s, "{line}");
                for g in &item.guidance {
                    let _ = writeln!(s, "   - {}", md(g.get(lang)));
                }
                if let Some(src) = &item.source {
                    let _ = writeln!(
                        s,
                        "   - {}: {}",
                        t(lang, "Kilde", "Source"),
                        md(&src.cite())
                    );
                }
            }
            let _ = writeln!(s);
        }
        s
    }
}

pub(crate) fn checklist_summary(dossier: &Dossier, lang: Lang) -> String {
    let mut s = String::new();
    if dossier.checklists.is_empty() {
        return s;
    }
    let _ = writeln!(s, "## {}", t(lang, "Tjeklister", "Checklists"));
    for a in &dossier.agreements {
        let Ok(readiness) = checklist_readiness(dossier, &a.id) else {
            continue;
        };
        let alignments = checklist_alignments(dossier, &a.id).unwrap_or_default();
        if readiness.requirements.is_empty() && alignments.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{} [{}]", a.title(), a.id);
        for r in &readiness.requirements {
            let submitted = r.parties.iter().filter(|p| p.submitted).count();
            let _ = writeln!(
                s,
                "  - {}: {} ({}): {submitted} {} {} {}",
                t(lang, "Påkrævet før underskrift", "Required before signing"),
                r.title.get(lang),
                r.template,
                t(lang, "af", "of"),
                r.parties.len(),
                t(lang, "parter har indsendt", "parties have submitted"),
            );
        }
        for al in &alignments {
            let mut parts = Vec::new();
            if al.columns.len() < 2 {
                for c in &al.columns {
                    parts.push(format!(
                        "{}: {} {} {} {}{}",
                        c.party_name,
                        c.answered,
                        t(lang, "af", "of"),
                        c.total,
                        t(lang, "besvaret", "answered"),
                        if c.submitted {
                            String::new()
                        } else {
                            format!(", {}", t(lang, "ikke indsendt", "not submitted"))
                        }
                    ));
                }
                parts.push(AlignmentStatus::NotCompared.label(lang).to_owned());
            } else {
                if let Some(score) = al.score {
                    parts.push(format!(
                        "{} {}",
                        t(lang, "enighed", "agreement"),
                        percent(lang, score)
                    ));
                }
                parts.push(OPEN_CRITICAL_DIVERGENCE.count(lang, n(al.counts.open_critical)));
                let others = al
                    .items
                    .iter()
                    .filter(|i| i.diverges() && !i.resolved && !i.is_open_critical())
                    .count();
                parts.push(OTHER_DIVERGENCE.count(lang, n(others)));
                parts.push(format!(
                    "{} {}",
                    al.counts.resolved,
                    t(lang, "løst", "resolved")
                ));
            }
            let _ = writeln!(s, "  - {}: {}", al.title.get(lang), parts.join(" · "));
        }
        let blocking = readiness
            .findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .count();
        let _ = writeln!(
            s,
            "  - {}: {}",
            t(
                lang,
                "Tjeklisterne tillader underskrift",
                "Checklists allow signing"
            ),
            if readiness.ready {
                t(lang, "ja", "yes").to_owned()
            } else {
                format!(
                    "{} ({})",
                    t(lang, "nej", "no"),
                    crate::i18n::plural::BLOCKING_FINDING.count(lang, n(blocking))
                )
            }
        );
    }
    s
}
