//! Offers for newcomers: activities in the user track, social offers against loneliness first,
//! and job-related offers too. (Introductions and matches are external checks, judged from the
//! matching and introductions modules' findings.)

use super::context::{CheckRun, Ctx, tx};
use crate::agreement::{Activity, ActivityKind, Track};
use crate::i18n::Text;

const SOCIAL_KINDS: [ActivityKind; 6] = [
    ActivityKind::VisitingFriend,
    ActivityKind::ContactFamily,
    ActivityKind::WomensGroup,
    ActivityKind::Excursion,
    ActivityKind::Event,
    ActivityKind::ChildrenLeisure,
];

const JOB_KINDS: [ActivityKind; 3] = [
    ActivityKind::JobMentor,
    ActivityKind::JobNetwork,
    ActivityKind::Internship,
];

pub(super) fn no_user_track(cx: &Ctx<'_>) -> CheckRun {
    let ap = cx.tp.field("activities");
    let n = user_activities(cx).len();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{n} aktiviteter for flygtninge."),
                format!("{n} activities for refugees."),
            ),
            vec![ap],
        );
    }
    CheckRun::failed(
        tx("Intet brugerspor.", "No user track."),
        vec![ap.clone()],
        ap,
        tx(
            "Aftalen har ingen aktiviteter for flygtninge (brugersporet).",
            "The agreement has no activities for refugees (the user track).",
        ),
    )
}

pub(super) fn no_social_offer(cx: &Ctx<'_>) -> CheckRun {
    offer_check(
        cx,
        &SOCIAL_KINDS,
        tx(
            "Aftalen har intet socialt tilbud mod ensomhed (besøgsvenner, kontaktfamilier, fællesskaber).",
            "The agreement has no social offer against loneliness (visiting friends, contact families, communities).",
        ),
        "sociale tilbud",
        "social offer(s)",
    )
}

pub(super) fn no_job_offer(cx: &Ctx<'_>) -> CheckRun {
    offer_check(
        cx,
        &JOB_KINDS,
        tx(
            "Aftalen har intet tilbud rettet mod job (jobnetværk, jobmentorer, praktik).",
            "The agreement has no job-related offer (job networks, job mentors, internships).",
        ),
        "tilbud rettet mod job",
        "job-related offer(s)",
    )
}

fn user_activities<'a>(cx: &Ctx<'a>) -> Vec<&'a Activity> {
    cx.terms
        .activities
        .iter()
        .filter(|a| a.track == Track::User)
        .collect()
}

fn offer_check(
    cx: &Ctx<'_>,
    kinds: &[ActivityKind],
    none: Text,
    found: &str,
    found_en: &str,
) -> CheckRun {
    let ap = cx.tp.field("activities");
    let user = user_activities(cx);
    if user.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen aktiviteter for flygtninge.",
                "No activities for refugees.",
            ),
            vec![ap],
        );
    }
    let n = user.iter().filter(|a| kinds.contains(&a.kind)).count();
    if n > 0 {
        return CheckRun::met(
            tx(format!("{n} {found}."), format!("{n} {found_en}.")),
            vec![ap],
        );
    }
    CheckRun::failed(tx("Ingen.", "None."), vec![ap.clone()], ap, none)
}
