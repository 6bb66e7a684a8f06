//! Formalisation: a written, signed agreement with fixed meeting forums, ground rules for
//! decisions and disagreement, planned reviews that are held, and a term still in force.

use super::context::{CheckRun, Ctx, days_after, days_before, ratio, raw, tx};
use crate::i18n::plural::{self, Plural};
use crate::i18n::{Label, Lang, Text};
use crate::status::AgreementStatus;
use chrono::NaiveDate;

const FORUM: Plural = Plural::new(
    "fast mødeforum",
    "faste mødefora",
    "fixed meeting forum",
    "fixed meeting forums",
);
const REVIEW_DATE: Plural = Plural::new(
    "revisionsdato",
    "revisionsdatoer",
    "review date",
    "review dates",
);

pub(super) fn not_formalised(cx: &Ctx<'_>) -> CheckRun {
    let evidence = vec![
        cx.ap.field("status"),
        cx.ap.field("history"),
        cx.tp.field("term").field("start"),
    ];
    if cx.ended() {
        return cx.ended_run();
    }
    let label = status_text(cx.status);
    if cx.status.is_binding() {
        return CheckRun::met(
            tx(
                format!("Aftalen er underskrevet (status: {}).", label.da),
                format!("The agreement is signed (status: {}).", label.en),
            ),
            evidence,
        );
    }
    if !cx.started() {
        return CheckRun::na(
            tx(
                "Samarbejdet er ikke startet endnu; aftalen er under udarbejdelse.",
                "The cooperation has not started yet; the agreement is being prepared.",
            ),
            evidence,
        );
    }
    let start = cx.terms.term.start;
    CheckRun::failed(
        tx("Ikke underskrevet.", "Not signed."),
        evidence,
        cx.ap.field("status"),
        tx(
            format!(
                "Samarbejdet startede {start}, men aftalen er stadig {}: det hviler på mundtlige aftaler.",
                label.da
            ),
            format!(
                "The cooperation started on {start}, but the agreement is still {}: it rests on oral arrangements.",
                label.en
            ),
        ),
    )
}

pub(super) fn no_routines(cx: &Ctx<'_>) -> CheckRun {
    let evidence = vec![cx.tp.field("routines")];
    let n = cx.terms.routines.len();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{} er aftalt.", FORUM.count(Lang::Da, plural::n(n))),
                format!("{} agreed.", FORUM.count(Lang::En, plural::n(n))),
            ),
            evidence,
        );
    }
    CheckRun::failed(
        tx("Ingen faste mødefora.", "No fixed meeting forums."),
        evidence,
        cx.tp.field("routines"),
        tx(
            "Aftalen har ingen faste mødefora eller rutiner.",
            "The agreement has no fixed meeting forums or routines.",
        ),
    )
}

pub(super) fn no_ground_rules(cx: &Ctx<'_>) -> CheckRun {
    let dm = cx.tp.field("decision_making");
    let dh = cx.tp.field("disagreement_handling");
    let evidence = vec![dm.clone(), dh.clone()];
    let written = |s: &Option<String>| s.as_ref().is_some_and(|s| !s.trim().is_empty());
    let mut findings = Vec::new();
    if !written(&cx.terms.decision_making) {
        findings.push(raw(
            dm.clone(),
            tx(
                "Aftalen siger ikke, hvordan der træffes beslutninger.",
                "The agreement does not say how decisions are made.",
            ),
            evidence.clone(),
        ));
    }
    if !written(&cx.terms.disagreement_handling) {
        findings.push(raw(
            dh.clone(),
            tx(
                "Aftalen siger ikke, hvordan uenighed håndteres.",
                "The agreement does not say how disagreements are handled.",
            ),
            evidence.clone(),
        ));
    }
    let have = 2 - findings.len();
    let note = tx(
        format!("{have} af 2 spilleregler er skrevet ned."),
        format!("{have} of 2 ground rules are written down."),
    );
    if findings.is_empty() {
        CheckRun::met(note, evidence)
    } else {
        CheckRun::scored(ratio(have, 2), note, evidence, findings)
    }
}

pub(super) fn no_review_dates(cx: &Ctx<'_>) -> CheckRun {
    let p = cx.tp.field("term").field("review_dates");
    let n = cx.terms.term.review_dates.len();
    if n > 0 {
        return CheckRun::met(
            tx(
                format!("{} er planlagt.", REVIEW_DATE.count(Lang::Da, plural::n(n))),
                format!("{} planned.", REVIEW_DATE.count(Lang::En, plural::n(n))),
            ),
            vec![p],
        );
    }
    CheckRun::failed(
        tx("Ingen planlagte revisioner.", "No planned reviews."),
        vec![p.clone()],
        p,
        tx(
            "Aftalen har ingen datoer for, hvornår parterne gennemgår den sammen.",
            "The agreement has no dates on which the parties review it together.",
        ),
    )
}

/// A review date counts as held when the agreement went under review, or was amended,
/// within 90 days of it; dates less than 30 days ago are not yet due.
pub(super) fn review_overdue(cx: &Ctx<'_>) -> CheckRun {
    let rp = cx.tp.field("term").field("review_dates");
    let evidence = vec![rp.clone(), cx.ap.field("history"), cx.ap.field("versions")];
    let due_by = days_before(cx.as_of, 30);
    let due: Vec<(usize, NaiveDate)> = cx
        .terms
        .term
        .review_dates
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, r)| *r <= due_by && *r >= cx.terms.term.start)
        .collect();
    if due.is_empty() {
        return CheckRun::na(
            tx(
                "Ingen planlagt revision er forfalden på datoen.",
                "No planned review is due on the date.",
            ),
            evidence,
        );
    }
    let held = |r: NaiveDate| {
        let (lo, hi) = (days_before(r, 90), days_after(r, 90).min(cx.as_of));
        let reviewed = cx.a.history.iter().any(|e| {
            e.to == AgreementStatus::UnderReview && {
                let d = e.at.date_naive();
                d >= lo && d <= hi
            }
        });
        let amended =
            cx.a.versions
                .iter()
                .filter_map(|v| v.amendment.as_ref())
                .any(|am| am.on >= lo && am.on <= hi);
        reviewed || amended
    };
    let mut findings = Vec::new();
    for (j, r) in &due {
        if !held(*r) {
            findings.push(raw(
                rp.index(*j),
                tx(
                    format!("Revisionen planlagt til {r} er ikke registreret (ingen revision eller ny version inden for 90 dage)."),
                    format!("The review planned for {r} is not recorded (no review or new version within 90 days)."),
                ),
                evidence.clone(),
            ));
        }
    }
    let ok = due.len() - findings.len();
    let note = tx(
        format!("{ok} af {} forfaldne revisioner er registreret.", due.len()),
        format!("{ok} of {} due reviews are recorded.", due.len()),
    );
    CheckRun::scored(ratio(ok, due.len()), note, evidence, findings)
}

pub(super) fn term_expired(cx: &Ctx<'_>) -> CheckRun {
    let ep = cx.tp.field("term").field("end");
    let evidence = vec![ep.clone(), cx.ap.field("status")];
    if cx.ended() {
        return cx.ended_run();
    }
    match cx.terms.term.end {
        Some(end) if end < cx.as_of => {
            let label = status_text(cx.status);
            CheckRun::failed(
                tx("Perioden er udløbet.", "The term has run out."),
                evidence,
                ep,
                tx(
                    format!(
                        "Aftalens periode sluttede {end}, men den er stadig registreret som {}.",
                        label.da
                    ),
                    format!(
                        "The agreement's term ended on {end}, but it is still recorded as {}.",
                        label.en
                    ),
                ),
            )
        }
        Some(end) => CheckRun::met(
            tx(
                format!("Aftalen gælder til {end}."),
                format!("The agreement runs until {end}."),
            ),
            evidence,
        ),
        None => CheckRun::met(
            tx(
                "Aftalen gælder uden slutdato.",
                "The agreement runs without an end date.",
            ),
            evidence,
        ),
    }
}

/// A status label in both languages.
fn status_text(status: AgreementStatus) -> Text {
    Text::new(status.label(Lang::Da), status.label(Lang::En))
}
