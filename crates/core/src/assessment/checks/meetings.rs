//! Meetings: invitations with the agreed notice and an agenda, times volunteers can attend, forums
//! that meet at their cadence, and no more meetings than needed. Meetings are judged over the 12
//! months up to the date, against the terms in force on the meeting day.

use super::context::{CheckRun, Ctx, Sides, ratio, raw, tx, version_index_on};
use crate::agreement::{MeetingForum, MeetingRecord, TimeOfDay};
use crate::checklists::model::vocab::Side;
use crate::finding::FieldPath;
use crate::i18n::plural::{DAY, n};
use crate::i18n::{Label, Lang};
use crate::ids::ForumId;
use crate::status::AgreementStatus;
use chrono::NaiveDate;

pub(super) fn short_notice(cx: &Ctx<'_>) -> CheckRun {
    let mp = cx.ap.field("meetings");
    let mut judged = 0;
    let mut findings = Vec::new();
    for (k, m) in recent_meetings(cx) {
        let (Some(given), Some((forum, fp))) =
            (m.notice_given(), forum_on(cx, &m.forum, m.held_on))
        else {
            continue;
        };
        judged += 1;
        let agreed = i64::from(forum.notice_days);
        if given < agreed {
            findings.push(raw(
                mp.index(k).field("invited_on"),
                tx(
                    format!(
                        "Mødet i «{}» {} blev indkaldt {} før; det aftalte varsel er {}.",
                        forum.name,
                        m.held_on,
                        DAY.count(Lang::Da, n(given)),
                        DAY.count(Lang::Da, n(agreed))
                    ),
                    format!(
                        "The \"{}\" meeting on {} was convened {} ahead; the agreed notice is {}.",
                        forum.name,
                        m.held_on,
                        DAY.count(Lang::En, n(given)),
                        DAY.count(Lang::En, n(agreed))
                    ),
                ),
                vec![mp.index(k), fp.field("notice_days")],
            ));
        }
    }
    if judged == 0 {
        return CheckRun::na(
            tx(
                "Ingen møder med kendt indkaldelsesdato i de seneste 12 måneder.",
                "No meetings with a known invitation date in the last 12 months.",
            ),
            vec![mp],
        );
    }
    let ok = judged - findings.len();
    let note = tx(
        format!(
            "{ok} af {judged} møder i de seneste 12 måneder blev indkaldt med det aftalte varsel."
        ),
        format!(
            "{ok} of {judged} meetings in the last 12 months were convened with the agreed notice."
        ),
    );
    CheckRun::scored(ratio(ok, judged), note, vec![mp], findings)
}

pub(super) fn no_agenda(cx: &Ctx<'_>) -> CheckRun {
    let mp = cx.ap.field("meetings");
    let recent = recent_meetings(cx);
    if recent.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen møder i de seneste 12 måneder.",
                "No meetings in the last 12 months.",
            ),
            vec![mp],
        );
    }
    let mut findings = Vec::new();
    for (k, m) in &recent {
        if !m.agenda_sent {
            let name = forum_on(cx, &m.forum, m.held_on)
                .map_or_else(|| m.forum.to_string(), |(f, _)| f.name.clone());
            findings.push(raw(
                mp.index(*k).field("agenda_sent"),
                tx(
                    format!(
                        "Mødet i «{name}» {} blev indkaldt uden dagsorden.",
                        m.held_on
                    ),
                    format!(
                        "The \"{name}\" meeting on {} was convened without an agenda.",
                        m.held_on
                    ),
                ),
                vec![mp.index(*k)],
            ));
        }
    }
    let ok = recent.len() - findings.len();
    let note = tx(
        format!(
            "{ok} af {} møder i de seneste 12 måneder havde en dagsorden.",
            recent.len()
        ),
        format!(
            "{ok} of {} meetings in the last 12 months had an agenda.",
            recent.len()
        ),
    );
    CheckRun::scored(ratio(ok, recent.len()), note, vec![mp], findings)
}

/// Action items closed by the date (due in the 12 months up to it or later) and those past their
/// due day and still open: the share closed. Open items not yet due are not judged. The owner
/// appears as a post's title or a party's name, never a person.
pub(super) fn overdue_action_items(cx: &Ctx<'_>) -> CheckRun {
    let mp = cx.ap.field("meetings");
    let from = cx.window_start();
    let mut judged = 0usize;
    let mut findings = Vec::new();
    for (k, m) in cx.a.meetings.iter().enumerate() {
        if m.held_on > cx.as_of {
            continue;
        }
        for (j, item) in m.action_items.iter().enumerate() {
            let open = item.open_on(cx.as_of);
            let overdue = item.overdue_on(cx.as_of);
            if (open && !overdue) || (!open && item.due <= from) {
                continue;
            }
            judged += 1;
            if !overdue {
                continue;
            }
            let ip = mp.index(k).field("action_items").index(j);
            let owner = cx.d.action_owner_text(&item.owner);
            let forum = crate::reminders::forum_name(cx.a, m);
            let late = (cx.as_of - item.due).num_days();
            findings.push(raw(
                ip.clone(),
                tx(
                    format!(
                        "«{}» fra mødet i «{forum}» {} skulle have været gjort af {} senest {}; {} over fristen.",
                        item.what,
                        m.held_on,
                        owner.get(Lang::Da),
                        item.due,
                        DAY.count(Lang::Da, n(late))
                    ),
                    format!(
                        "\"{}\" from the \"{forum}\" meeting on {} was to be done by {} by {}; {} past due.",
                        item.what,
                        m.held_on,
                        owner.get(Lang::En),
                        item.due,
                        DAY.count(Lang::En, n(late))
                    ),
                ),
                vec![ip.field("due"), ip.field("status"), mp.index(k)],
            ));
        }
    }
    if judged == 0 {
        return CheckRun::na(
            tx(
                "Ingen opgaver fra møderne, der er afsluttet i de seneste 12 måneder eller over fristen.",
                "No action items from meetings closed in the last 12 months or past their due day.",
            ),
            vec![mp],
        );
    }
    let ok = judged - findings.len();
    let note = tx(
        format!(
            "{ok} af {judged} opgaver fra møderne er udført eller opgivet; resten er over fristen."
        ),
        format!(
            "{ok} of {judged} action items from meetings are done or dropped; the rest are past their due day."
        ),
    );
    CheckRun::scored(ratio(ok, judged), note, vec![mp], findings)
}

pub(super) fn unsuited_meeting_time(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("routines");
    let mut judged = 0;
    let mut findings = Vec::new();
    for (j, f) in cx.terms.routines.iter().enumerate() {
        let Some(time) = f.usual_time else { continue };
        if !forum_has_volunteers(cx, f) {
            continue;
        }
        judged += 1;
        if matches!(time, TimeOfDay::Morning | TimeOfDay::Daytime) {
            findings.push(raw(
                rp.index(j).field("usual_time"),
                tx(
                    format!(
                        "«{}» med frivillige holdes om {}, hvor mange frivillige er på arbejde.",
                        f.name,
                        time.label(Lang::Da)
                    ),
                    format!(
                        "\"{}\" with volunteers meets in the {}, when many volunteers are at work.",
                        f.name,
                        time.label(Lang::En)
                    ),
                ),
                vec![
                    rp.index(j).field("usual_time"),
                    rp.index(j).field("participants"),
                ],
            ));
        }
    }
    if judged == 0 {
        return CheckRun::na(
            tx(
                "Ingen mødefora med frivillige og et fast tidspunkt.",
                "No meeting forums with volunteers and a usual time.",
            ),
            vec![rp],
        );
    }
    let ok = judged - findings.len();
    let note = tx(
        format!("{ok} af {judged} mødefora med frivillige holdes på et tidspunkt, de kan deltage."),
        format!("{ok} of {judged} forums with volunteers meet at a time they can attend."),
    );
    CheckRun::scored(ratio(ok, judged), note, vec![rp], findings)
}

/// A forum is kept when it met within twice its cadence before the date (counted from the
/// start of the term, or from when the forum was agreed, if it has not met yet).
pub(super) fn routine_not_kept(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("routines");
    let mp = cx.ap.field("meetings");
    if cx.ended() {
        return cx.ended_run();
    }
    if !matches!(
        cx.status,
        AgreementStatus::Active | AgreementStatus::UnderReview
    ) || !cx.started()
    {
        return CheckRun::na(
            tx(
                "Aftalen er ikke aktiv på datoen.",
                "The agreement is not active on the date.",
            ),
            vec![rp, mp],
        );
    }
    if cx.terms.routines.is_empty() {
        return CheckRun::na(tx("Ingen mødefora.", "No meeting forums."), vec![rp, mp]);
    }
    let mut findings = Vec::new();
    for (j, f) in cx.terms.routines.iter().enumerate() {
        let since_agreed =
            cx.a.versions
                .iter()
                .find(|v| v.terms.routines.iter().any(|r| r.id == f.id))
                .and_then(|v| v.amendment.as_ref().map(|am| am.on))
                .unwrap_or(cx.terms.term.start)
                .max(cx.terms.term.start);
        let last =
            cx.a.meetings
                .iter()
                .filter(|m| m.forum == f.id && m.held_on <= cx.as_of)
                .map(|m| m.held_on)
                .max();
        let reference = last.unwrap_or(since_agreed);
        let gap = (cx.as_of - reference).num_days();
        let allowed = 2 * i64::from(f.cadence.interval_days().max(1));
        if gap > allowed {
            let cadence_da = f.cadence.describe(Lang::Da);
            let cadence_en = f.cadence.describe(Lang::En);
            let text = match last {
                Some(d) => tx(
                    format!(
                        "«{}» skal mødes {cadence_da}, men seneste registrerede møde var {d}.",
                        f.name
                    ),
                    format!(
                        "\"{}\" should meet {cadence_en}, but the last recorded meeting was on {d}.",
                        f.name
                    ),
                ),
                None => tx(
                    format!(
                        "«{}» skal mødes {cadence_da}, men der er ikke registreret noget møde siden {reference}.",
                        f.name
                    ),
                    format!(
                        "\"{}\" should meet {cadence_en}, but no meeting is recorded since {reference}.",
                        f.name
                    ),
                ),
            };
            findings.push(raw(
                rp.index(j),
                text,
                vec![rp.index(j).field("cadence"), mp.clone()],
            ));
        }
    }
    let n = cx.terms.routines.len();
    let ok = n - findings.len();
    let note = tx(
        format!("{ok} af {n} mødefora har holdt møde inden for to gange deres kadence."),
        format!("{ok} of {n} forums have met within twice their cadence."),
    );
    CheckRun::scored(ratio(ok, n), note, vec![rp, mp], findings)
}

pub(super) fn frequent_meetings(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("routines");
    let with_volunteers: Vec<(usize, &MeetingForum)> = cx
        .terms
        .routines
        .iter()
        .enumerate()
        .filter(|(_, f)| forum_has_volunteers(cx, f))
        .collect();
    if with_volunteers.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen mødefora med frivillige.",
                "No meeting forums with volunteers.",
            ),
            vec![rp],
        );
    }
    let mut findings = Vec::new();
    for (j, f) in &with_volunteers {
        if f.cadence.interval_days() < 14 {
            findings.push(raw(
                rp.index(*j).field("cadence"),
                tx(
                    format!(
                        "«{}» med frivillige mødes {}.",
                        f.name,
                        f.cadence.describe(Lang::Da)
                    ),
                    format!(
                        "\"{}\" with volunteers meets {}.",
                        f.name,
                        f.cadence.describe(Lang::En)
                    ),
                ),
                vec![rp.index(*j).field("cadence")],
            ));
        }
    }
    let ok = with_volunteers.len() - findings.len();
    let note = tx(
        format!(
            "{ok} af {} mødefora med frivillige mødes højst hver anden uge.",
            with_volunteers.len()
        ),
        format!(
            "{ok} of {} forums with volunteers meet at most every other week.",
            with_volunteers.len()
        ),
    );
    CheckRun::scored(ratio(ok, with_volunteers.len()), note, vec![rp], findings)
}

/// Whether volunteers sit in a forum: one of its participants is on the civil side, or, for a
/// forum that names no participants, the civil side is a party to the agreement.
fn forum_has_volunteers(cx: &Ctx<'_>, f: &MeetingForum) -> bool {
    let sides = if f.participants.is_empty() {
        cx.sides()
    } else {
        Sides::of(&f.participants)
    };
    sides.has(Side::CivilSociety)
}

/// The forum with `id` in the version in force on `date`, with its path.
fn forum_on<'a>(
    cx: &Ctx<'a>,
    id: &ForumId,
    date: NaiveDate,
) -> Option<(&'a MeetingForum, FieldPath)> {
    let k = version_index_on(cx.a, date)?;
    let v = cx.a.versions.get(k)?;
    let (j, f) = v
        .terms
        .routines
        .iter()
        .enumerate()
        .find(|(_, f)| &f.id == id)?;
    Some((
        f,
        cx.ap
            .field("versions")
            .index(k)
            .field("terms")
            .field("routines")
            .index(j),
    ))
}

/// Meetings held in the 12 months up to the date, with their index.
fn recent_meetings<'a>(cx: &Ctx<'a>) -> Vec<(usize, &'a MeetingRecord)> {
    let from = cx.window_start();
    cx.a.meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.held_on > from && m.held_on <= cx.as_of)
        .collect()
}
