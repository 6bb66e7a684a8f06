//! A short, readable health overview of every agreement in a dossier as of a date, for the
//! command line and logs: the assessment's headline (overall and per dimension), where the
//! role split stands and where the checklists stand. Party names and counts only, never a
//! person.

use super::catalogue::Dimension;
use super::result::Assessment;
use super::sources::{DatedChecklists, answered_templates};
use crate::assessment::assess::assess;
use crate::checklists::align::checklist_alignment;
use crate::checklists::readiness::checklist_readiness;
use crate::dossier::Dossier;
use crate::finding::{Finding, FindingsExt, Severity};
use crate::i18n::plural::{BLOCKING_FINDING, OPEN_CRITICAL_DIVERGENCE, PARTY, TASK, n};
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::roles::matrix::role_matrix;
use chrono::NaiveDate;
use std::fmt::Write;

/// "2 fejl, 1 advarsel, 3 info" / "2 errors, 1 warning, 3 info".
fn counts(findings: &[Finding], lang: Lang) -> String {
    crate::present::findings::severity_counts(findings, lang)
}

impl Assessment {
    /// The scores on one line: `samlet 84 (stærk) · formalisering 89 · roller 86 · …`; a
    /// dimension with nothing to judge shows `–`.
    pub fn headline(&self, lang: Lang) -> String {
        let overall = match (self.overall, self.overall_band) {
            (Some(s), Some(b)) => format!("{s} ({})", b.label(lang)),
            _ => "–".to_owned(),
        };
        let mut parts = vec![format!("{} {overall}", t(lang, "samlet", "overall"))];
        for d in &self.dimensions {
            let score = d.score.map_or_else(|| "–".to_owned(), |s| s.to_string());
            parts.push(format!("{} {score}", d.dimension.label(lang)));
        }
        parts.join(" · ")
    }
}

pub(crate) fn health_summary(dossier: &Dossier, as_of: NaiveDate, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## {} {as_of}",
        t(lang, "Sundhedsvurdering pr.", "Health as of")
    );
    let checklists = DatedChecklists::new(dossier, as_of);
    for a in &dossier.agreements {
        let _ = writeln!(s, "{} [{}]", a.title(), a.id);
        let assessment = match assess(dossier, &a.id, as_of) {
            Ok(x) => x,
            Err(e) => {
                let _ = writeln!(
                    s,
                    "  - {}: {}",
                    t(lang, "Kan ikke vurderes", "Cannot be assessed"),
                    e.code()
                );
                continue;
            }
        };
        let _ = writeln!(s, "  - {}", assessment.headline(lang));
        let role_findings: Vec<Finding> = assessment
            .findings
            .iter()
            .filter(|f| f.dimension == Dimension::Roles && f.finding.code.starts_with("roles."))
            .map(|f| f.finding.clone())
            .collect();
        let split = a
            .versions
            .iter()
            .find(|v| v.number == assessment.version)
            .map(|v| &v.terms.roles);
        let roles = match split {
            Some(r) if !r.assignments.is_empty() => {
                let tasks = role_matrix(
                    dossier,
                    &a.id,
                    crate::roles::model::split::RoleOptions {
                        version: Some(assessment.version),
                        as_of: Some(as_of),
                        all_catalogue_tasks: false,
                    },
                )
                .map(|m| (m.rows.len(), m.parties.len()))
                .unwrap_or_default();
                format!(
                    "{}, {} · {}",
                    TASK.count(lang, n(tasks.0)),
                    PARTY.count(lang, n(tasks.1)),
                    counts(&role_findings, lang)
                )
            }
            _ => t(lang, "ingen", "none").to_owned(),
        };
        let _ = writeln!(
            s,
            "  - {} ({} {}): {roles}",
            t(lang, "Rollefordeling", "Role split"),
            t(lang, "version", "version"),
            assessment.version
        );
        let d = checklists.dossier();
        let answered = answered_templates(d, &a.id).len();
        let status = match checklist_readiness(d, &a.id) {
            Ok(r) if answered == 0 && r.requirements.is_empty() => t(
                lang,
                "ingen krævet eller besvaret",
                "none required or answered",
            )
            .to_owned(),
            Ok(r) => {
                let open: u32 = answered_templates(d, &a.id)
                    .into_iter()
                    .filter_map(|tpl| checklist_alignment(d, &a.id, tpl).ok())
                    .map(|al| al.counts.open_critical)
                    .sum();
                let blocking = r.findings.count(Severity::Error);
                format!(
                    "{answered} {} · {} {} · {} · {}: {}",
                    t(lang, "besvaret", "answered"),
                    r.requirements.len(),
                    t(lang, "påkrævet", "required"),
                    OPEN_CRITICAL_DIVERGENCE.count(lang, n(open)),
                    t(lang, "tillader underskrift", "allow signing"),
                    if r.ready {
                        t(lang, "ja", "yes").to_owned()
                    } else {
                        format!(
                            "{} ({})",
                            t(lang, "nej", "no"),
                            BLOCKING_FINDING.count(lang, n(blocking))
                        )
                    }
                )
            }
            Err(e) => e.code().to_owned(),
        };
        let _ = writeln!(s, "  - {}: {status}", t(lang, "Tjeklister", "Checklists"));
        let all = assessment.plain_findings();
        let not_assessed: Vec<String> = assessment
            .checks
            .iter()
            .filter(|c| c.status == super::result::CheckStatus::NotAssessed)
            .filter_map(|c| super::catalogue::AssessmentCode::from_code(&c.code))
            .map(|c| c.title().get(lang).to_owned())
            .collect();
        let mut line = format!(
            "  - {}: {}",
            t(lang, "Fund i alt", "Findings in all"),
            counts(&all, lang)
        );
        if !not_assessed.is_empty() {
            let _ = write!(
                line,
                " · {}: {}",
                t(lang, "ikke vurderet", "not assessed"),
                not_assessed.join("; ")
            );
        }
        let _ = writeln!(s, "{line}");
    }
    s
}
