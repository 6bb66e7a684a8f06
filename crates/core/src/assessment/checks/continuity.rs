//! Continuity: stable holders of the central posts over the last 12 months, governance posts
//! filled on the date, and no coordinating party resting on one person.

use super::context::{CheckRun, Ctx, ratio, raw, tx};
use crate::actors::PartyRef;
use crate::finding::FieldPath;
use crate::ids::PersonId;
use crate::posts::model::Post;
use chrono::NaiveDate;
use std::collections::HashSet;

pub(super) fn contact_changed(cx: &Ctx<'_>) -> CheckRun {
    if cx.ended() {
        return cx.ended_run();
    }
    let posts = central_posts(cx);
    let evidence: Vec<FieldPath> = posts
        .iter()
        .map(|(i, _)| post_path(*i).field("holders"))
        .collect();
    if posts.is_empty() {
        return CheckRun::na(tx("Ingen centrale poster.", "No central posts."), evidence);
    }
    let from = cx.window_start();
    let mut findings = Vec::new();
    for (i, p) in &posts {
        let changes: Vec<NaiveDate> = p
            .holders
            .iter()
            .skip(1)
            .map(|t| t.from)
            .filter(|d| *d > from && *d <= cx.as_of)
            .collect();
        if let Some(last) = changes.last() {
            let hp = post_path(*i).field("holders");
            findings.push(raw(
                hp.clone(),
                tx(
                    format!("Posten «{}» har skiftet indehaver {last} (inden for de seneste 12 måneder).", p.title),
                    format!("The post \"{}\" changed holder on {last} (within the last 12 months).", p.title),
                ),
                vec![hp],
            ));
        }
    }
    let ok = posts.len() - findings.len();
    let note = tx(
        format!(
            "{ok} af {} centrale poster har haft samme indehaver de seneste 12 måneder.",
            posts.len()
        ),
        format!(
            "{ok} of {} central posts kept their holder over the last 12 months.",
            posts.len()
        ),
    );
    CheckRun::scored(ratio(ok, posts.len()), note, evidence, findings)
}

pub(super) fn post_vacant(cx: &Ctx<'_>) -> CheckRun {
    if cx.ended() {
        return cx.ended_run();
    }
    let posts = governance_posts(cx);
    let evidence: Vec<FieldPath> = posts
        .iter()
        .map(|(i, _)| post_path(*i).field("holders"))
        .collect();
    if posts.is_empty() {
        return CheckRun::na(
            tx("Ingen poster i ledelsen.", "No governance posts."),
            evidence,
        );
    }
    let mut findings = Vec::new();
    for (i, p) in &posts {
        if p.holder_on(cx.as_of).is_none() {
            let hp = post_path(*i).field("holders");
            findings.push(raw(
                hp.clone(),
                tx(
                    format!("Posten «{}» er ubesat {}.", p.title, cx.as_of),
                    format!("The post \"{}\" is vacant on {}.", p.title, cx.as_of),
                ),
                vec![hp],
            ));
        }
    }
    let ok = posts.len() - findings.len();
    let note = tx(
        format!("{ok} af {} poster i ledelsen er besat.", posts.len()),
        format!("{ok} of {} governance posts are filled.", posts.len()),
    );
    CheckRun::scored(ratio(ok, posts.len()), note, evidence, findings)
}

/// Parties holding a coordinator post should not rest on one person: their contact posts
/// must have at least two different holders on the date.
pub(super) fn single_person_dependency(cx: &Ctx<'_>) -> CheckRun {
    if cx.ended() {
        return cx.ended_run();
    }
    let mut parties: Vec<&PartyRef> = Vec::new();
    for id in &cx.terms.governance.coordinators {
        if let Some((_, p)) = cx.post(id)
            && !parties.contains(&&p.party)
        {
            parties.push(&p.party);
        }
    }
    if parties.is_empty() {
        return CheckRun::na(
            tx("Ingen tovholdere.", "No coordinators."),
            vec![cx.tp.field("governance").field("coordinators")],
        );
    }
    let mut evidence = Vec::new();
    let mut findings = Vec::new();
    let mut judged = 0;
    for party in &parties {
        let posts: Vec<(usize, &Post)> =
            cx.d.posts
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind.is_contact() && party.covers(&p.party))
                .collect();
        let paths: Vec<FieldPath> = posts
            .iter()
            .map(|(i, _)| post_path(*i).field("holders"))
            .collect();
        evidence.extend(paths.iter().cloned());
        let mut people: Vec<&PersonId> = Vec::new();
        for (_, p) in &posts {
            if let Some(h) = p.holder_on(cx.as_of)
                && !people.contains(&h)
            {
                people.push(h);
            }
        }
        if people.is_empty() {
            continue; // a vacancy, which post_vacant reports
        }
        judged += 1;
        if people.len() == 1 {
            let name = cx.party_text(party);
            findings.push(raw(
                paths.first().cloned().unwrap_or_else(|| cx.tp.field("governance")),
                tx(
                    format!("{} hviler på én person: alle partens kontaktposter har samme indehaver.", name.da),
                    format!("{} rests on one person: all of the party's contact posts have the same holder.", name.en),
                ),
                paths,
            ));
        }
    }
    if judged == 0 {
        return CheckRun::na(
            tx(
                "Tovholderposterne er ubesatte.",
                "The coordinator posts are vacant.",
            ),
            evidence,
        );
    }
    let ok = judged - findings.len();
    let note = tx(
        format!(
            "{ok} af {judged} koordinerende parter har mindst to personer knyttet til partnerskabet."
        ),
        format!("{ok} of {judged} coordinating parties have at least two people involved."),
    );
    CheckRun::scored(ratio(ok, judged), note, evidence, findings)
}

/// Governance posts: coordinators, steering group, volunteer representative (deduplicated).
fn governance_posts<'a>(cx: &Ctx<'a>) -> Vec<(usize, &'a Post)> {
    let g = &cx.terms.governance;
    let ids = g
        .coordinators
        .iter()
        .chain(g.volunteer_representative.iter())
        .chain(g.steering_group.iter());
    let mut out: Vec<(usize, &'a Post)> = Vec::new();
    for id in ids {
        if let Some((i, p)) = cx.post(id)
            && !out.iter().any(|(j, _)| *j == i)
        {
            out.push((i, p));
        }
    }
    out
}

/// Governance posts, signatories, and contact posts tied to the agreement.
fn central_posts<'a>(cx: &Ctx<'a>) -> Vec<(usize, &'a Post)> {
    let mut out = governance_posts(cx);
    // A set, not a scan of `out`: a dossier can hold thousands of posts.
    let mut seen: HashSet<usize> = out.iter().map(|(i, _)| *i).collect();
    let signatories = cx.terms.parties.iter().filter_map(|p| p.signatory.as_ref());
    for id in signatories {
        if let Some((i, p)) = cx.post(id)
            && seen.insert(i)
        {
            out.push((i, p));
        }
    }
    for (i, p) in cx.d.posts.iter().enumerate() {
        if p.agreement.as_ref() == Some(&cx.a.id) && p.kind.is_contact() && seen.insert(i) {
            out.push((i, p));
        }
    }
    out
}

/// The path of the post at `index` in the dossier.
fn post_path(index: usize) -> FieldPath {
    FieldPath::root().field("posts").index(index)
}
