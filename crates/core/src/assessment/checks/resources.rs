//! Resources: coordination time on both sides, the municipal management's priority, and
//! political committees briefed within the last 12 months.

use super::context::{CheckRun, Ctx, SideRule, Sides, not_a_party, tx};
use crate::checklists::model::vocab::Side;
use crate::i18n::Lang;
use crate::i18n::plural::{SIDE, n, pick};

pub(super) fn no_coordination_time(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("resources");
    let with_hours = cx
        .terms
        .resources
        .iter()
        .filter(|r| r.coordination_hours_per_month > 0.0)
        .map(|r| &r.party);
    cx.each_side(SideRule {
        covered: Sides::of(with_hours),
        path: rp.clone(),
        evidence: vec![rp, cx.tp.field("parties")],
        lacks: |side| match side {
            Side::Municipality => tx(
                "Kommunen har ikke afsat tid til koordinering.",
                "The municipality has set aside no coordination time.",
            ),
            Side::CivilSociety => tx(
                "Civilsamfundssiden har ikke afsat tid til koordinering.",
                "The civil-society side has set aside no coordination time.",
            ),
        },
        note: |ok, required| {
            tx(
                format!(
                    "{ok} af {} har afsat koordineringstid.",
                    SIDE.count(Lang::Da, n(required))
                ),
                format!(
                    "{ok} of {} {} set aside coordination time.",
                    SIDE.count(Lang::En, n(required)),
                    pick(n(ok), "has", "have")
                ),
            )
        },
    })
}

pub(super) fn no_management_priority(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("resources");
    if !cx.sides().has(Side::Municipality) {
        return CheckRun::na(not_a_party(Side::Municipality), vec![rp]);
    }
    let prioritised = cx
        .terms
        .resources
        .iter()
        .filter(|r| r.management_priority)
        .map(|r| &r.party);
    if Sides::of(prioritised).has(Side::Municipality) {
        return CheckRun::met(
            tx(
                "Kommunens ledelse har prioriteret samarbejdet.",
                "The municipality's management has prioritised the partnership.",
            ),
            vec![rp],
        );
    }
    CheckRun::failed(
        tx("Ingen ledelsesprioritering.", "No management priority."),
        vec![rp.clone()],
        rp,
        tx(
            "Aftalen viser ingen ledelsesmæssig prioritering af samarbejdet i kommunen.",
            "The agreement shows no management priority for the partnership in the municipality.",
        ),
    )
}

pub(super) fn committee_not_briefed(cx: &Ctx<'_>) -> CheckRun {
    let bp = cx.ap.field("committee_briefings");
    if cx.ended() {
        return cx.ended_run();
    }
    if !cx.started() || !cx.sides().has(Side::Municipality) {
        return CheckRun::na(
            tx(
                "Samarbejdet er ikke startet, eller kommunen er ikke part.",
                "The cooperation has not started, or the municipality is not a party.",
            ),
            vec![bp],
        );
    }
    let last =
        cx.a.committee_briefings
            .iter()
            .filter(|b| b.on <= cx.as_of)
            .map(|b| b.on)
            .max();
    match last {
        Some(d) if d > cx.window_start() => CheckRun::met(
            tx(
                format!("Et politisk udvalg blev senest orienteret {d}."),
                format!("A political committee was last briefed on {d}."),
            ),
            vec![bp],
        ),
        Some(d) => CheckRun::failed(
            tx(
                "Ingen orientering i 12 måneder.",
                "No briefing in 12 months.",
            ),
            vec![bp.clone()],
            bp,
            tx(
                format!(
                    "De politiske udvalg er ikke orienteret i de seneste 12 måneder (senest {d})."
                ),
                format!(
                    "No political committee has been briefed in the last 12 months (last on {d})."
                ),
            ),
        ),
        None => CheckRun::failed(
            tx("Ingen orientering.", "No briefing."),
            vec![bp.clone()],
            bp,
            tx(
                "Ingen politiske udvalg er orienteret om samarbejdet.",
                "No political committee has been briefed about the partnership.",
            ),
        ),
    }
}
