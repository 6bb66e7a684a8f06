//! Anchoring and long-term commitment (001, 004): anchored in operation, a steering group with
//! both sides, a term of two years or more, co-creation, NGOs and business at the table before
//! the activities are fixed, and goals for the place a partnership is bound to.

use super::context::{CheckRun, Ctx, Sides, ratio, raw, tx};
use crate::actors::{OrganisationKind, PartyRef};
use crate::agreement::{CooperationLevel, Stage};
use crate::checklists::model::vocab::Side;
use crate::i18n::Lang;
use crate::i18n::date;
use crate::i18n::plural::{self, Plural};

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

/// Whether a party is one 004 wants at the table early: an NGO or other civil-society actor, or
/// a business (not the municipality, and not a housing organisation, which 004 names as a
/// partner of the municipality from the start).
fn early_party(cx: &Ctx<'_>, party: &PartyRef) -> bool {
    match party {
        PartyRef::Organisation { organisation } => {
            cx.d.organisation(organisation)
                .is_some_and(|o| o.kind != OrganisationKind::HousingOrganisation)
        }
        _ => false,
    }
}

/// 004: NGOs and business "skal sidde med rundt om bordet allerede helt tidligt i processen,
/// hvor udfordringer identificeres og løsninger findes". Judged from the agreement's process
/// record: each such party must have come to the table no later than the day the activities
/// were fixed. Not applicable until that day is recorded.
pub(super) fn late_involvement(cx: &Ctx<'_>) -> CheckRun {
    let pp = cx.ap.field("process");
    let Some(fixed) = cx.a.process.activities_fixed_on else {
        return CheckRun::na(
            tx(
                "Det er ikke registreret, hvornår aktiviteterne blev fastlagt.",
                "When the activities were fixed is not recorded.",
            ),
            vec![pp],
        );
    };
    let parties: Vec<&PartyRef> = cx
        .terms
        .parties
        .iter()
        .map(|p| &p.party)
        .filter(|p| early_party(cx, p))
        .collect();
    if parties.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen NGO eller virksomhed er part.",
                "No NGO or business is a party.",
            ),
            vec![pp],
        );
    }
    let mut findings = Vec::new();
    let mut early = 0;
    for party in &parties {
        let name = cx.d.party_name(party);
        match cx.a.process.involved_from(party) {
            Some(from) if from <= fixed => early += 1,
            Some(from) => {
                let k =
                    cx.a.process
                        .involvement
                        .iter()
                        .position(|i| &i.party == *party)
                        .unwrap_or(0);
                let path = pp.field("involvement").index(k);
                findings.push(raw(
                    path.clone(),
                    tx(
                        format!(
                            "{name} kom med {}, efter at aktiviteterne var fastlagt {}.",
                            date::long(Lang::Da, from),
                            date::long(Lang::Da, fixed)
                        ),
                        format!(
                            "{name} joined on {}, after the activities were fixed on {}.",
                            date::long(Lang::En, from),
                            date::long(Lang::En, fixed)
                        ),
                    ),
                    vec![path, pp.field("activities_fixed_on")],
                ));
            }
            None => findings.push(raw(
                pp.field("involvement"),
                tx(
                    format!("Det er ikke registreret, hvornår {name} kom med ved bordet."),
                    format!("When {name} came to the table is not recorded."),
                ),
                vec![pp.field("involvement")],
            )),
        }
    }
    let note = tx(
        format!(
            "{early} af {} var med, før aktiviteterne blev fastlagt.",
            PARTY.count(Lang::Da, plural::n(parties.len()))
        ),
        format!(
            "{early} of {} took part before the activities were fixed.",
            PARTY.count(Lang::En, plural::n(parties.len()))
        ),
    );
    CheckRun::scored(ratio(early, parties.len()), note, vec![pp], findings)
}

/// 004: partnerships bound to a place ("stedsspecifikke") set goals for that place. Only for
/// an agreement bound to a place: at least one of its goals must be about the place.
pub(super) fn no_place_goal(cx: &Ctx<'_>) -> CheckRun {
    let Some(binding) = &cx.terms.place else {
        return CheckRun::na(
            tx(
                "Aftalen er ikke bundet til et sted.",
                "The agreement is not bound to a place.",
            ),
            vec![cx.tp.field("place")],
        );
    };
    let gp = cx.tp.field("goals");
    let evidence = vec![cx.tp.field("place"), gp.clone()];
    let place =
        cx.d.place(&binding.place)
            .map_or_else(|| binding.place.to_string(), |p| p.name.clone());
    let n = cx
        .terms
        .goals
        .iter()
        .filter(|g| g.place.as_ref() == Some(&binding.place))
        .count();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{} handler om {place}.", GOAL.count(Lang::Da, plural::n(n))),
                format!(
                    "{} {} about {place}.",
                    GOAL.count(Lang::En, plural::n(n)),
                    plural::pick(plural::n(n), "is", "are")
                ),
            ),
            evidence,
        );
    }
    CheckRun::failed(
        tx(
            format!("Intet mål handler om {place}."),
            format!("No goal is about {place}."),
        ),
        evidence,
        gp,
        tx(
            format!("Aftalen er bundet til {place}, men intet af dens mål handler om stedet."),
            format!("The agreement is bound to {place}, but none of its goals is about the place."),
        ),
    )
}

const PARTY: Plural = Plural::new("part", "parter", "party", "parties");
const GOAL: Plural = Plural::new("mål", "mål", "goal", "goals");
