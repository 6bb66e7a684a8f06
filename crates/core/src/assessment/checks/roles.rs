//! Roles: a coordinator on each side, a representative for the volunteers, and no two parties
//! offering the same to the same people. (The role split itself and the statutory tasks are
//! external checks, judged from the roles module's findings.)

use super::context::{CheckRun, Ctx, SideRule, Sides, not_a_party, raw, tx};
use crate::i18n::Lang;
use crate::i18n::plural::{ACTIVITY, Plural, SIDE, n, pick};

const DOUBLE_COVERAGE: Plural = Plural::new(
    "mulig dobbeltdækning",
    "mulige dobbeltdækninger",
    "possible double coverage",
    "possible double coverages",
);
use crate::agreement::{Activity, Track};
use crate::checklists::model::vocab::Side;

pub(super) fn no_coordinator_for_side(cx: &Ctx<'_>) -> CheckRun {
    let cp = cx.tp.field("governance").field("coordinators");
    let coordinators = cx
        .terms
        .governance
        .coordinators
        .iter()
        .filter_map(|id| cx.post(id))
        .map(|(_, p)| &p.party);
    cx.each_side(SideRule {
        covered: Sides::of(coordinators),
        path: cp.clone(),
        evidence: vec![cp, cx.tp.field("parties")],
        lacks: |side| match side {
            Side::Municipality => tx(
                "Kommunen har ingen tovholder i aftalen.",
                "The municipality has no coordinator in the agreement.",
            ),
            Side::CivilSociety => tx(
                "Civilsamfundssiden har ingen tovholder i aftalen.",
                "The civil-society side has no coordinator in the agreement.",
            ),
        },
        note: |ok, required| {
            tx(
                format!(
                    "{ok} af {} har en tovholder.",
                    SIDE.count(Lang::Da, n(required))
                ),
                format!(
                    "{ok} of {} {} a coordinator.",
                    SIDE.count(Lang::En, n(required)),
                    pick(n(ok), "has", "have")
                ),
            )
        },
    })
}

pub(super) fn no_volunteer_representative(cx: &Ctx<'_>) -> CheckRun {
    let p = cx.tp.field("governance").field("volunteer_representative");
    if !cx.sides().has(Side::CivilSociety) {
        return CheckRun::na(not_a_party(Side::CivilSociety), vec![p]);
    }
    if cx.terms.governance.volunteer_representative.is_some() {
        return CheckRun::met(
            tx(
                "De frivillige har en repræsentant.",
                "The volunteers have a representative.",
            ),
            vec![p],
        );
    }
    CheckRun::failed(
        tx("Ingen repræsentant.", "No representative."),
        vec![p.clone()],
        p,
        tx(
            "Der er ikke udpeget en repræsentant for de frivillige som sparringspartner for kommunen.",
            "No volunteer representative is appointed to spar with the municipality.",
        ),
    )
}

pub(super) fn possible_double_coverage(cx: &Ctx<'_>) -> CheckRun {
    let ap = cx.tp.field("activities");
    let acts: Vec<(usize, &Activity)> = cx
        .terms
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| a.track == Track::User && a.lead.is_some())
        .collect();
    if acts.len() < 2 {
        return CheckRun::na(
            tx(
                "Færre end to aktiviteter med en ansvarlig part at sammenligne.",
                "Fewer than two activities with a lead party to compare.",
            ),
            vec![ap],
        );
    }
    let norm = |s: &Option<String>| s.as_ref().map(|s| s.trim().to_lowercase());
    let mut findings = Vec::new();
    for (x, (i, a)) in acts.iter().enumerate() {
        for (j, b) in acts.iter().skip(x + 1) {
            let groups_overlap = (a.target_groups.is_empty() && b.target_groups.is_empty())
                || a.target_groups.iter().any(|g| b.target_groups.contains(g));
            if a.kind == b.kind
                && a.lead != b.lead
                && groups_overlap
                && norm(&a.area) == norm(&b.area)
            {
                let (pa, pb) = (ap.index(*i), ap.index(*j));
                findings.push(raw(
                    pb.clone(),
                    tx(
                        format!(
                            "Aktiviteterne «{}» og «{}» er af samme slags for samme målgruppe, men ledes af forskellige parter.",
                            a.name, b.name
                        ),
                        format!(
                            "The activities \"{}\" and \"{}\" are of the same kind for the same target group but led by different parties.",
                            a.name, b.name
                        ),
                    ),
                    vec![pa, pb],
                ));
            }
        }
    }
    let note = tx(
        format!(
            "{} blandt {}.",
            DOUBLE_COVERAGE.count(Lang::Da, n(findings.len())),
            ACTIVITY.count(Lang::Da, n(acts.len()))
        ),
        format!(
            "{} among {}.",
            DOUBLE_COVERAGE.count(Lang::En, n(findings.len())),
            ACTIVITY.count(Lang::En, n(acts.len()))
        ),
    );
    if findings.is_empty() {
        CheckRun::met(note, vec![ap])
    } else {
        CheckRun::scored(0.0, note, vec![ap], findings)
    }
}
