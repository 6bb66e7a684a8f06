//! Breadth: the municipal departments 001 recommends, the three kinds of civil-society actor it
//! names, and business at the table.

use super::context::{CheckRun, Ctx, tx};
use crate::actors::{DepartmentKind, OrganisationKind, PartyRef};
use crate::checklists::model::vocab::Side;
use crate::i18n::{Label, Lang, Text};

/// The civil-society categories 001 "Anbefalinger" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CivilCategory {
    Social,
    Leisure,
    Beyond,
}

impl CivilCategory {
    const ALL: [CivilCategory; 3] = [
        CivilCategory::Social,
        CivilCategory::Leisure,
        CivilCategory::Beyond,
    ];

    fn of(kind: OrganisationKind) -> Option<CivilCategory> {
        use OrganisationKind::*;
        match kind {
            NationalNgo | SocialVolunteerAssociation | VolunteerCentre => {
                Some(CivilCategory::Social)
            }
            LeisureAssociation => Some(CivilCategory::Leisure),
            EthnicMinorityAssociation | InformalMovement | Champion | FaithCommunity => {
                Some(CivilCategory::Beyond)
            }
            HousingOrganisation | Business => None,
        }
    }

    fn text(self) -> Text {
        match self {
            CivilCategory::Social => tx(
                "frivillige sociale foreninger",
                "social volunteer associations",
            ),
            CivilCategory::Leisure => tx(
                "folkeoplysende foreninger (fx idræt)",
                "leisure associations (e.g. sports)",
            ),
            CivilCategory::Beyond => tx(
                "aktører uden for foreningslivet (fx etniske foreninger, Venligboerne, trossamfund)",
                "actors outside associations (e.g. ethnic associations, Venligboerne, faith communities)",
            ),
        }
    }
}

pub(super) fn narrow_municipal_side(cx: &Ctx<'_>) -> CheckRun {
    let municipal: Vec<&PartyRef> = cx
        .terms
        .parties
        .iter()
        .map(|p| &p.party)
        .filter(|p| Side::of(p) == Side::Municipality)
        .collect();
    // The whole municipality as a party brings every department with it.
    let whole = municipal
        .iter()
        .any(|p| matches!(p, PartyRef::Municipality { .. }));
    let kinds: Vec<DepartmentKind> = municipal
        .iter()
        .filter_map(|p| cx.d.department(p))
        .map(|d| d.kind)
        .collect();
    let missing: Vec<Text> = DepartmentKind::RECOMMENDED
        .into_iter()
        .filter(|k| !whole && !kinds.contains(k))
        .map(|k| tx(k.label(Lang::Da), k.label(Lang::En)))
        .collect();
    cx.side_breadth(
        Side::Municipality,
        DepartmentKind::RECOMMENDED.len(),
        &missing,
        ", ",
        |covered| {
            tx(
                format!("{covered} af 4 anbefalede forvaltninger er med."),
                format!("{covered} of 4 recommended departments take part."),
            )
        },
        |da, en| {
            tx(
                format!("Disse forvaltninger er ikke med: {da}."),
                format!("These departments do not take part: {en}."),
            )
        },
    )
}

pub(super) fn narrow_civil_society(cx: &Ctx<'_>) -> CheckRun {
    let present: Vec<CivilCategory> = cx
        .terms
        .parties
        .iter()
        .filter_map(|p| org_kind(cx, &p.party))
        .filter_map(CivilCategory::of)
        .collect();
    let missing: Vec<Text> = CivilCategory::ALL
        .into_iter()
        .filter(|c| !present.contains(c))
        .map(CivilCategory::text)
        .collect();
    cx.side_breadth(
        Side::CivilSociety,
        CivilCategory::ALL.len(),
        &missing,
        "; ",
        |covered| {
            tx(
                format!("{covered} af 3 slags civilsamfundsaktører er med."),
                format!("{covered} of 3 kinds of civil-society actor take part."),
            )
        },
        |da, en| {
            tx(
                format!("Disse aktører er ikke med: {da}."),
                format!("These actors do not take part: {en}."),
            )
        },
    )
}

pub(super) fn business_not_at_table(cx: &Ctx<'_>) -> CheckRun {
    let pp = cx.tp.field("parties");
    if cx
        .terms
        .parties
        .iter()
        .any(|p| org_kind(cx, &p.party) == Some(OrganisationKind::Business))
    {
        return CheckRun::met(
            tx("Erhvervslivet er part.", "Business is a party."),
            vec![pp],
        );
    }
    CheckRun::failed(
        tx("Ingen virksomhed.", "No business."),
        vec![pp.clone()],
        pp,
        tx(
            "Ingen virksomhed er part i aftalen.",
            "No business is a party to the agreement.",
        ),
    )
}

fn org_kind(cx: &Ctx<'_>, party: &PartyRef) -> Option<OrganisationKind> {
    match party {
        PartyRef::Organisation { organisation } => cx.d.organisation(organisation).map(|o| o.kind),
        _ => None,
    }
}
