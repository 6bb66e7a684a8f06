//! Anchoring and long-term commitment (001, 004): anchored in operation, a steering group with
//! both sides, a term of two years or more, and co-creation.

use super::context::{CheckRun, Ctx, Sides, tx};
use crate::agreement::{CooperationLevel, Stage};
use crate::checklists::model::vocab::Side;

pub(super) fn not_anchored(cx: &Ctx<'_>) -> CheckRun {
    let sp = cx.tp.field("stage");
    let ep = cx.tp.field("term").field("end");
    let evidence = vec![sp.clone(), ep.clone()];
    if cx.ended() {
        return cx.ended_run();
    }
    if cx.terms.stage == Stage::Operation {
        return CheckRun::met(
            tx(
                "Samarbejdet er forankret i drift.",
                "The cooperation is anchored in operation.",
            ),
            evidence,
        );
    }
    match cx.terms.term.end {
        Some(end) if (end - cx.as_of).num_days() <= 182 => CheckRun::failed(
            tx("Projektet slutter snart.", "The project ends soon."),
            evidence,
            sp,
            tx(
                format!("Projektet slutter {end}, og der er ikke aftalt en forankring i drift."),
                format!("The project ends on {end}, and no anchoring in operation is agreed."),
            ),
        ),
        Some(end) => CheckRun::failed(
            tx("Et projekt med slutdato.", "A project with an end date."),
            evidence,
            sp,
            tx(
                format!(
                    "Samarbejdet er et projekt, der slutter {end}; planlæg forankringen i god tid."
                ),
                format!(
                    "The cooperation is a project ending on {end}; plan its anchoring in good time."
                ),
            ),
        )
        .with_credit(0.5),
        None => CheckRun::failed(
            tx("Et projekt.", "A project."),
            evidence,
            sp,
            tx(
                "Samarbejdet er et projekt og endnu ikke forankret i drift.",
                "The cooperation is a project and not yet anchored in operation.",
            ),
        )
        .with_credit(0.5),
    }
}

pub(super) fn no_cross_cutting_leadership(cx: &Ctx<'_>) -> CheckRun {
    let sp = cx.tp.field("governance").field("steering_group");
    let members = cx
        .terms
        .governance
        .steering_group
        .iter()
        .filter_map(|id| cx.post(id))
        .map(|(_, p)| &p.party);
    let sides = Sides::of(members);
    let text = match (sides.has(Side::Municipality), sides.has(Side::CivilSociety)) {
        (true, true) => {
            return CheckRun::met(
                tx(
                    "Både kommunen og civilsamfundet sidder i styregruppen.",
                    "Both the municipality and civil society sit on the steering group.",
                ),
                vec![sp],
            );
        }
        (false, false) => tx(
            "Aftalen har ingen styregruppe, hvor både kommune og frivillige deltager.",
            "The agreement has no steering group where both municipality and volunteers take part.",
        ),
        (true, false) => tx(
            "Styregruppen har ingen medlemmer fra civilsamfundet.",
            "The steering group has no civil-society members.",
        ),
        (false, true) => tx(
            "Styregruppen har ingen medlemmer fra kommunen.",
            "The steering group has no municipal members.",
        ),
    };
    CheckRun::failed(
        tx("Ikke tværgående.", "Not cross-cutting."),
        vec![sp.clone()],
        sp,
        text,
    )
}

pub(super) fn short_term(cx: &Ctx<'_>) -> CheckRun {
    let tp = cx.tp.field("term");
    match cx.terms.term.end {
        None => CheckRun::met(
            tx(
                "Aftalen er uden slutdato.",
                "The agreement has no end date.",
            ),
            vec![tp],
        ),
        Some(end) => {
            let days = (end - cx.terms.term.start).num_days();
            if days >= 730 {
                CheckRun::met(
                    tx(
                        format!("Aftalen løber i {} år.", days / 365),
                        format!("The agreement runs for {} years.", days / 365),
                    ),
                    vec![tp],
                )
            } else {
                CheckRun::failed(
                    tx("Under to år.", "Under two years."),
                    vec![tp.clone()],
                    tp.field("end"),
                    tx(
                        format!(
                            "Aftalen løber kun {} måneder ({} – {end}).",
                            days / 30,
                            cx.terms.term.start
                        ),
                        format!(
                            "The agreement runs for only {} months ({} – {end}).",
                            days / 30,
                            cx.terms.term.start
                        ),
                    ),
                )
            }
        }
    }
}

pub(super) fn not_co_creation(cx: &Ctx<'_>) -> CheckRun {
    let cp = cx.tp.field("cooperation_level");
    if cx.terms.cooperation_level == CooperationLevel::CoCreation {
        return CheckRun::met(
            tx("Parterne samskaber.", "The parties co-create."),
            vec![cp],
        );
    }
    CheckRun::failed(
        tx("Samarbejde.", "Cooperation."),
        vec![cp.clone()],
        cp,
        tx(
            "Samarbejdet er endnu ikke samskabelse: behov og løsninger defineres ikke i fællesskab.",
            "The cooperation is not yet co-creation: needs and solutions are not defined jointly.",
        ),
    )
}
