//! A readable summary of a dossier in Danish or English, safe to print or log: it names
//! organisations, posts and agreements, but no person (a champion, an individual, appears by
//! its kind and id).

use crate::agreement::{Agreement, GoalOwner};
use crate::dossier::Dossier;
use crate::i18n::plural::{
    ACTIVE_VOLUNTEER, AGREEMENT, DAY, MEMBER, MUNICIPALITY, ORGANISATION, POST, n,
};
use crate::i18n::t;
use crate::i18n::{Label, Lang};
use crate::validate::validate;
use chrono::NaiveDate;
use std::fmt::Write;

/// Options for [`Dossier::summary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SummaryOptions {
    /// The language.
    pub lang: Lang,
    /// The date to show post holders on; `None` shows whether posts are held at all.
    pub as_of: Option<NaiveDate>,
}

impl From<Lang> for SummaryOptions {
    fn from(lang: Lang) -> Self {
        Self { lang, as_of: None }
    }
}

pub(crate) fn summary(dossier: &Dossier, options: impl Into<SummaryOptions>) -> String {
    let o = options.into();
    let lang = o.lang;
    let mut s = String::new();
    let _ = writeln!(s, "# {}", dossier.title);
    let _ = writeln!(
        s,
        "{} {} · {} · {} · {} · {}",
        t(lang, "Skemaversion", "Schema version"),
        dossier.schema_version,
        MUNICIPALITY.count(lang, n(dossier.municipalities.len())),
        ORGANISATION.count(lang, n(dossier.organisations.len())),
        POST.count(lang, n(dossier.posts.len())),
        AGREEMENT.count(lang, n(dossier.agreements.len())),
    );

    let _ = writeln!(s, "\n## {}", t(lang, "Kommuner", "Municipalities"));
    for m in &dossier.municipalities {
        let deps: Vec<String> = m
            .departments
            .iter()
            .map(|d| format!("{} ({})", d.name, d.kind.label(lang)))
            .collect();
        let _ = writeln!(
            s,
            "- {} ({} {}){}",
            m.name,
            t(lang, "kode", "code"),
            m.code,
            if deps.is_empty() {
                String::new()
            } else {
                format!(": {}", deps.join(", "))
            }
        );
    }

    let _ = writeln!(s, "\n## {}", t(lang, "Organisationer", "Organisations"));
    for org in &dossier.organisations {
        let mut extra = Vec::new();
        if let Some(v) = org.profile.active_volunteers {
            extra.push(ACTIVE_VOLUNTEER.count(lang, u64::from(v)));
        }
        if let Some(m) = org.profile.members {
            extra.push(MEMBER.count(lang, u64::from(m)));
        }
        // A champion is a person: its label already is its kind (never its name).
        let who = if org.is_individual() {
            org.public_label(Some(lang))
        } else {
            format!("{} ({})", org.name, org.kind.label(lang))
        };
        let _ = writeln!(
            s,
            "- {who}{}",
            if extra.is_empty() {
                String::new()
            } else {
                format!(", {}", extra.join(", "))
            }
        );
    }

    for a in &dossier.agreements {
        summarise_agreement(dossier, &mut s, a, &o);
    }

    let findings = validate(dossier);
    let _ = writeln!(s, "\n## {}", t(lang, "Validering", "Validation"));
    let _ = writeln!(
        s,
        "{}",
        crate::present::findings::severity_counts(&findings, lang)
    );
    for f in &findings {
        let _ = writeln!(s, "- {}", f.render(lang));
    }
    s
}

/// The summary as Markdown that shows line for line: every line that is not a list item is a
/// paragraph of its own (the plain text's consecutive lines, "Status: …" then "Parties: …",
/// would run together into one paragraph, and a line after a list would continue its last
/// item), and each list stays one list.
pub(crate) fn summary_markdown(dossier: &Dossier, options: impl Into<SummaryOptions>) -> String {
    let text = summary(dossier, options);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        if let Some(p) = prev
            && !p.is_empty()
            && !line.is_empty()
            && !(list_item(p) && list_item(line))
        {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        prev = Some(line);
    }
    out
}

fn list_item(line: &str) -> bool {
    line.trim_start().starts_with("- ")
}

fn summarise_agreement(dossier: &Dossier, s: &mut String, a: &Agreement, o: &SummaryOptions) {
    let lang = o.lang;
    let _ = writeln!(
        s,
        "\n## {}: {} [{}]",
        t(lang, "Aftale", "Agreement"),
        a.title(),
        a.id
    );
    let Some(v) = a.current() else { return };
    let terms = &v.terms;
    let period = match terms.term.end {
        Some(end) => format!("{} – {}", terms.term.start, end),
        None => format!("{} –", terms.term.start),
    };
    let _ = writeln!(
        s,
        "{}: {} · {} {} · {} · {} · {}",
        t(lang, "Status", "Status"),
        a.status.label(lang),
        t(lang, "version", "version"),
        v.number,
        period,
        terms.stage.label(lang),
        terms.cooperation_level.label(lang),
    );
    let parties: Vec<String> = terms
        .parties
        .iter()
        .map(|p| dossier.party_label(&p.party, lang))
        .collect();
    let _ = writeln!(
        s,
        "{}: {}",
        t(lang, "Parter", "Parties"),
        parties.join("; ")
    );
    if !terms.goals.is_empty() {
        let _ = writeln!(s, "{}:", t(lang, "Mål", "Goals"));
        for g in &terms.goals {
            let owner = match &g.owner {
                GoalOwner::Shared => t(lang, "fælles", "shared").to_owned(),
                GoalOwner::Party { party } => dossier.party_label(party, lang),
            };
            let _ = writeln!(s, "  - [{owner}] {}", g.text);
        }
    }
    if !terms.activities.is_empty() {
        let _ = writeln!(s, "{}:", t(lang, "Aktiviteter", "Activities"));
        for act in &terms.activities {
            let _ = writeln!(
                s,
                "  - {} ({}, {})",
                act.name,
                act.kind.label(lang),
                act.track.label(lang)
            );
        }
    }
    let held = |id: &crate::ids::PostId| -> String {
        match dossier.post(id) {
            None => id.to_string(),
            Some(p) => {
                let state = match o.as_of {
                    Some(date) => match p.tenure_on(date) {
                        Some(ten) => {
                            format!("{} {}", t(lang, "besat siden", "held since"), ten.from)
                        }
                        None => t(lang, "ubesat", "vacant").to_owned(),
                    },
                    None => match p.holders.last() {
                        Some(ten) if ten.until.is_none() => {
                            format!("{} {}", t(lang, "besat siden", "held since"), ten.from)
                        }
                        _ => t(lang, "ubesat", "vacant").to_owned(),
                    },
                };
                format!(
                    "{} – {} ({state})",
                    p.title,
                    dossier.party_label(&p.party, lang)
                )
            }
        }
    };
    let g = &terms.governance;
    if !g.coordinators.is_empty() {
        let _ = writeln!(s, "{}:", t(lang, "Tovholdere", "Coordinators"));
        for c in &g.coordinators {
            let _ = writeln!(s, "  - {}", held(c));
        }
    }
    if let Some(rep) = &g.volunteer_representative {
        let _ = writeln!(
            s,
            "{}: {}",
            t(
                lang,
                "Repræsentant for de frivillige",
                "Volunteer representative"
            ),
            held(rep)
        );
    }
    if !g.steering_group.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            t(lang, "Styregruppe", "Steering group"),
            POST.count(lang, n(g.steering_group.len()))
        );
    }
    if !terms.routines.is_empty() {
        let _ = writeln!(s, "{}:", t(lang, "Mødefora", "Meeting forums"));
        for f in &terms.routines {
            let time = f
                .usual_time
                .map(|tod| format!(", {}", tod.label(lang)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  - {}: {}{time}, {} {} {}",
                f.name,
                f.cadence.describe(lang),
                t(lang, "indkaldelse", "invitation"),
                DAY.count(lang, n(f.notice_days)),
                t(lang, "før", "ahead"),
            );
        }
    }
    if !terms.resources.is_empty() {
        let _ = writeln!(s, "{}:", t(lang, "Koordineringstid", "Coordination time"));
        for r in &terms.resources {
            let _ = writeln!(
                s,
                "  - {}: {} {}",
                dossier.party_label(&r.party, lang),
                r.coordination_hours_per_month,
                t(lang, "timer/md.", "hours/month")
            );
        }
    }
    if a.versions.len() > 1 {
        let _ = writeln!(s, "{}:", t(lang, "Versioner", "Versions"));
        for v in &a.versions {
            match &v.amendment {
                Some(am) => {
                    let _ = writeln!(s, "  - {} ({}): {}", v.number, am.on, am.reason);
                }
                None => {
                    let _ = writeln!(s, "  - {}", v.number);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_summary_keeps_every_line_apart() {
        for name in ["aalborg", "ikast-brande", "horsens", "esbjerg"] {
            let d = crate::Dossier::example(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            for lang in [Lang::Da, Lang::En] {
                let text = summary(&d, lang);
                let md = summary_markdown(&d, lang);
                // The same lines, in the same order; only blank lines added.
                let kept: Vec<&str> = md.lines().filter(|l| !l.is_empty()).collect();
                let orig: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
                assert_eq!(kept, orig, "{name}");
                // No two neighbouring lines that would join: a paragraph line always stands
                // alone, list items only follow list items.
                let lines: Vec<&str> = md.lines().collect();
                for w in lines.windows(2) {
                    if !w[0].is_empty() && !w[1].is_empty() {
                        assert!(list_item(w[0]) && list_item(w[1]), "{name}: {w:?}");
                    }
                }
            }
        }
    }
}
