//! Expectations and goals: shared and own goals in writing, measurable shared goals, the
//! ambiguous terms defined, and the standpoint of ethnic minority associations known. (The
//! expectation alignment itself is an external check, judged from the checklists' findings.)

use super::context::{CheckRun, Ctx, ratio, raw, tx};
use crate::i18n::plural::{self, Plural};

const WRITTEN_GOAL: Plural = Plural::new(
    "skriftligt fælles mål",
    "skriftlige fælles mål",
    "written shared goal",
    "written shared goals",
);
const ASSOCIATION: Plural = Plural::new("forening", "foreninger", "association", "associations");
const GOAL: Plural = Plural::new("mål", "mål", "goal", "goals");
const SHARED_GOAL: Plural = Plural::new("fælles mål", "fælles mål", "shared goal", "shared goals");
const AMBIGUOUS_TERM: Plural = Plural::new(
    "flertydigt begreb",
    "flertydige begreber",
    "ambiguous term",
    "ambiguous terms",
);
use crate::actors::{OrganisationKind, PartyRef};
use crate::agreement::{Goal, GoalOwner};
use crate::finding::{FieldPath, SeedDocument, SourceRef};
use crate::i18n::Lang;

/// Ambiguous terms 003 warns about (and 001's broad notion of co-creation), with the stems
/// that reveal their use in Danish and English text.
const AMBIGUOUS_TERMS: [(&str, &str, &[&str]); 3] = [
    (
        "frivillighed",
        "volunteering",
        &["frivillighed", "volunteering"],
    ),
    (
        "medborgerskab",
        "citizenship",
        &["medborgerskab", "citizenship"],
    ),
    (
        "samskabelse",
        "co-creation",
        &["samskab", "co-creat", "cocreat"],
    ),
];

/// The passage behind one ambiguous term when it is not the check's own: 003 names
/// "frivillighed" and "medborgerskab"; co-creation is 001's, which found that what the word
/// covers must be left to each place, so an agreement using it has to say what it means.
fn term_source(term: &str) -> Option<SourceRef> {
    (term == "samskabelse")
        .then(|| SourceRef::new(SeedDocument::Lbb2017, "Samskabelse og samarbejde"))
}

pub(super) fn no_shared_goal(cx: &Ctx<'_>) -> CheckRun {
    let gp = cx.tp.field("goals");
    let n = cx
        .terms
        .goals
        .iter()
        .filter(|g| g.owner == GoalOwner::Shared && !g.text.trim().is_empty())
        .count();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{}.", WRITTEN_GOAL.count(Lang::Da, plural::n(n))),
                format!("{}.", WRITTEN_GOAL.count(Lang::En, plural::n(n))),
            ),
            vec![gp],
        );
    }
    CheckRun::failed(
        tx("Intet fælles mål.", "No shared goal."),
        vec![gp.clone()],
        gp,
        tx(
            "Aftalen har intet skriftligt fælles mål.",
            "The agreement has no written shared goal.",
        ),
    )
}

pub(super) fn no_own_objectives(cx: &Ctx<'_>) -> CheckRun {
    let gp = cx.tp.field("goals");
    let n = cx
        .terms
        .goals
        .iter()
        .filter(|g| matches!(g.owner, GoalOwner::Party { .. }))
        .count();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{n} mål tilhører en enkelt part."),
                format!(
                    "{} {} to a single party.",
                    GOAL.count(Lang::En, plural::n(n)),
                    plural::pick(plural::n(n), "belongs", "belong")
                ),
            ),
            vec![gp],
        );
    }
    CheckRun::failed(
        tx("Ingen egne mål.", "No own objectives."),
        vec![gp.clone()],
        gp,
        tx(
            "Ingen part har skrevet sine egne mål med samarbejdet ned.",
            "No party has written down its own objectives for the cooperation.",
        ),
    )
}

pub(super) fn goals_without_indicator(cx: &Ctx<'_>) -> CheckRun {
    let gp = cx.tp.field("goals");
    let shared: Vec<(usize, &Goal)> = cx
        .terms
        .goals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.owner == GoalOwner::Shared)
        .collect();
    if shared.is_empty() {
        return CheckRun::na(tx("Ingen fælles mål.", "No shared goals."), vec![gp]);
    }
    let missing: Vec<FieldPath> = shared
        .iter()
        .filter(|(_, g)| g.indicator.is_none())
        .map(|(j, _)| gp.index(*j))
        .collect();
    let ok = shared.len() - missing.len();
    let note = tx(
        format!("{ok} af {} fælles mål har en indikator.", shared.len()),
        format!("{ok} of {} shared goals have an indicator.", shared.len()),
    );
    if missing.is_empty() {
        return CheckRun::met(note, vec![gp]);
    }
    let finding = raw(
        missing.first().cloned().unwrap_or_else(|| gp.clone()),
        tx(
            format!(
                "{} fælles mål har ingen indikator at måle fremdriften på.",
                missing.len()
            ),
            format!(
                "{} {} no indicator to measure progress by.",
                SHARED_GOAL.count(Lang::En, plural::n(missing.len())),
                plural::pick(plural::n(missing.len()), "has", "have")
            ),
        ),
        missing,
    );
    CheckRun::scored(ratio(ok, shared.len()), note, vec![gp], vec![finding])
}

pub(super) fn undefined_terms(cx: &Ctx<'_>) -> CheckRun {
    let dp = cx.tp.field("definitions");
    let mut texts: Vec<(FieldPath, String)> = Vec::new();
    if let Some(p) = &cx.terms.purpose {
        texts.push((cx.tp.field("purpose"), p.to_lowercase()));
    }
    for (j, g) in cx.terms.goals.iter().enumerate() {
        texts.push((
            cx.tp.field("goals").index(j).field("text"),
            g.text.to_lowercase(),
        ));
    }
    for (j, a) in cx.terms.activities.iter().enumerate() {
        texts.push((
            cx.tp.field("activities").index(j).field("name"),
            a.name.to_lowercase(),
        ));
    }
    let defined = |stems: &[&str]| {
        cx.terms.definitions.iter().any(|d| {
            let term = d.term.to_lowercase();
            stems.iter().any(|s| term.contains(s)) && !d.meaning.trim().is_empty()
        })
    };
    let mut used = 0;
    let mut findings = Vec::new();
    for (da, en, stems) in AMBIGUOUS_TERMS {
        let places: Vec<FieldPath> = texts
            .iter()
            .filter(|(_, t)| stems.iter().any(|s| t.contains(s)))
            .map(|(p, _)| p.clone())
            .collect();
        let Some(first) = places.first().cloned() else {
            continue;
        };
        used += 1;
        if !defined(stems) {
            let mut evidence = places;
            evidence.push(dp.clone());
            let mut finding = raw(
                first,
                tx(
                    format!(
                        "Aftalen bruger begrebet «{da}» uden at definere, hvad parterne mener med det."
                    ),
                    format!(
                        "The agreement uses the term \"{en}\" without defining what the parties mean by it."
                    ),
                ),
                evidence,
            );
            finding.source = term_source(da);
            findings.push(finding);
        }
    }
    let mut evidence: Vec<FieldPath> = texts.into_iter().map(|(p, _)| p).collect();
    evidence.push(dp);
    if used == 0 {
        return CheckRun::na(
            tx(
                "Aftalen bruger ingen af de flertydige begreber.",
                "The agreement uses none of the ambiguous terms.",
            ),
            evidence,
        );
    }
    let ok = used - findings.len();
    let note = tx(
        format!(
            "{ok} af {} er defineret.",
            AMBIGUOUS_TERM.count(Lang::Da, plural::n(used))
        ),
        format!(
            "{ok} of {} {} defined.",
            AMBIGUOUS_TERM.count(Lang::En, plural::n(used)),
            plural::pick(plural::n(ok), "is", "are")
        ),
    );
    CheckRun::scored(ratio(ok, used), note, evidence, findings)
}

pub(super) fn association_standpoint(cx: &Ctx<'_>) -> CheckRun {
    let mut findings = Vec::new();
    let mut evidence = Vec::new();
    let mut shares = Vec::new();
    for ap in &cx.terms.parties {
        let PartyRef::Organisation { organisation } = &ap.party else {
            continue;
        };
        let Some((i, o)) =
            cx.d.organisations
                .iter()
                .enumerate()
                .find(|(_, o)| &o.id == organisation)
        else {
            continue;
        };
        if o.kind != OrganisationKind::EthnicMinorityAssociation {
            continue;
        }
        let pp = FieldPath::root()
            .field("organisations")
            .index(i)
            .field("profile");
        evidence.push(pp.clone());
        let p = &o.profile;
        let facts: [(bool, &str, &str); 7] = [
            (p.purpose.is_some(), "formål", "purpose"),
            (!p.activities.is_empty(), "aktiviteter", "activities"),
            (p.members.is_some(), "medlemstal", "members"),
            (
                p.active_volunteers.is_some(),
                "aktive frivillige",
                "active volunteers",
            ),
            (p.premises.is_some(), "lokaler", "premises"),
            (
                p.organisation_form.is_some(),
                "organisering",
                "organisation",
            ),
            (
                p.affiliation.is_some(),
                "lokal eller landsdækkende",
                "local or national",
            ),
        ];
        let known = facts.iter().filter(|f| f.0).count();
        shares.push(ratio(known, facts.len()));
        if known < facts.len() {
            let missing = |lang: Lang| {
                facts
                    .iter()
                    .filter(|f| !f.0)
                    .map(|f| if lang == Lang::Da { f.1 } else { f.2 })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let name = cx.party_text(&ap.party);
            findings.push(raw(
                pp.clone(),
                tx(
                    format!("Om {} mangler: {}.", name.da, missing(Lang::Da)),
                    format!("Unknown about {}: {}.", name.en, missing(Lang::En)),
                ),
                vec![pp],
            ));
        }
    }
    if shares.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen etnisk minoritetsforening er part i aftalen.",
                "No ethnic minority association is a party to the agreement.",
            ),
            evidence,
        );
    }
    let credit = shares.iter().sum::<f64>() / shares.len() as f64;
    let note = tx(
        format!(
            "{} af {} foreningers ståsted er fuldt kendt.",
            shares.len() - findings.len(),
            shares.len()
        ),
        format!(
            "The standpoint of {} of {} is fully known.",
            shares.len() - findings.len(),
            ASSOCIATION.count(Lang::En, plural::n(shares.len()))
        ),
    );
    CheckRun::scored(credit, note, evidence, findings)
}
