//! What a partnership should follow up from its cohorts on a date: the introductions due,
//! overdue or missed (001 "Hvornår skal frivilligtilbud introduceres?") and what the matching
//! runs left open (households without a match or without a run, demand no offer meets, offers
//! nobody can use). These are the findings the health assessment weighs for the introductions
//! and matching checks ([`crate::assessment::builtin_sources`]).
//!
//! A cohort concerns an agreement when the agreement is (or was) in force on the date (signed,
//! active, under review or ended), its terms in force have an activity for newcomers (the user
//! track), one of its parties belongs to the cohort's municipality (any municipal party when
//! the cohort names none), and the agreement's term overlaps the households' introduction
//! periods. Only households that have arrived by the date count.

use crate::agreement::{Agreement, AgreementTerms, Track};
use crate::code::codes;
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, FindingKind, SeedDocument, SourceRef, sort_findings};
use crate::i18n::plural::{ARRIVED_HOUSEHOLD, DAY, HOUSEHOLD, INTRODUCTION, n, pick};
use crate::i18n::{Lang, Text};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::intro::{IntroductionCode, IntroductionRecord, IntroductionState};
use crate::matching::model::run::describe_binding;
use crate::status::AgreementStatus;
use chrono::NaiveDate;

codes! {
    /// The follow-up findings of matching the assessment weighs: what the latest run left open.
    pub enum FollowUpCode in "matching" {
        /// Households have arrived that no stored matching run covers.
        NoRun = "matching.no_run", finding(Warning),
            "Der er ankommet husstande, som ingen gemt matchning omfatter.",
            "Households have arrived that no stored matching run covers.";
        /// A household got no match in the latest run.
        Unmatched = "matching.unmatched", finding(Warning),
            "En husstand fik intet match i den seneste matchning.",
            "A household got no match in the latest run.";
        /// A need or language the offers could not cover in the latest run.
        UnmetDemand = "matching.unmet_demand", finding(Info),
            "Et behov eller sprog, som tilbuddene ikke kunne dække i den seneste matchning.",
            "A need or language the offers could not cover in the latest run.";
        /// An offer with free places nobody in the latest run could use.
        UnusedOffer = "matching.unused_offer", finding(Info),
            "Et tilbud med ledige pladser, som ingen i den seneste matchning kunne bruge.",
            "An offer with free places nobody in the latest run could use.";
    }
}

impl FindingKind for FollowUpCode {
    fn source(self) -> Option<SourceRef> {
        match self {
            FollowUpCode::NoRun | FollowUpCode::Unmatched => Some(SourceRef::new(
                SeedDocument::Vvv2019,
                "Venner har vist vejen til god integration",
            )),
            FollowUpCode::UnmetDemand => Some(SourceRef::new(SeedDocument::Vvv2019, "Nyt fokus")),
            FollowUpCode::UnusedOffer => None,
        }
    }
}

/// The positions in `dossier.cohorts` of the cohorts that concern an agreement on `as_of`, given
/// the terms judged (see the module docs for the rule).
pub fn cohorts_concerning(
    d: &Dossier,
    agreement: &Agreement,
    terms: &AgreementTerms,
    as_of: NaiveDate,
) -> Vec<usize> {
    let status = agreement.status_on(as_of);
    if !(status.is_binding() || status == AgreementStatus::Ended) {
        return Vec::new();
    }
    if !terms.activities.iter().any(|a| a.track == Track::User) {
        return Vec::new();
    }
    d.cohorts
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let party_of_municipality = terms.parties.iter().any(|p| match &c.municipality {
                Some(m) => p.party.municipality() == Some(m),
                None => p.party.is_municipal(),
            });
            let overlaps = c.newcomers.iter().any(|n| {
                n.arrival <= as_of
                    && terms.term.start <= c.plan.period_end(n)
                    && terms.term.end.is_none_or(|end| n.arrival <= end)
            });
            party_of_municipality && overlaps
        })
        .map(|(k, _)| k)
        .collect()
}

fn cohort_path(k: usize) -> FieldPath {
    FieldPath::root().field("cohorts").index(k)
}

/// The introduction findings of cohort `k` on `as_of`, one per kind with the number of
/// households: not offered a volunteer contact within the deadline; an introduction overdue or
/// due (households still in their period whose deadline was not missed already); the period
/// ended with fewer introductions than the plan asks. Counts only, so a report shared between
/// the parties names no household; [`crate::MatchingFacet::cohort_view`] and
/// [`crate::MatchingFacet::introductions_due`] list them for the coordinator.
pub fn introduction_findings(d: &Dossier, k: usize, as_of: NaiveDate) -> Vec<Finding> {
    let Some(c) = d.cohorts.get(k) else {
        return Vec::new();
    };
    let (mut missed, mut overdue, mut due, mut too_few) = (0u32, 0u32, 0u32, 0u32);
    let mut longest = 0u32;
    let mut arrived = 0u32;
    for n in c.newcomers.iter().filter(|n| n.arrival <= as_of) {
        arrived += 1;
        let mine: Vec<&IntroductionRecord> = c
            .introductions
            .iter()
            .filter(|r| r.newcomer == n.id && r.on <= as_of)
            .collect();
        let deadline = c.plan.deadline(n);
        let first = mine.iter().map(|r| r.on).min();
        let missed_deadline = match first {
            Some(f) => f > deadline,
            None => as_of > deadline,
        };
        let period_over = c.plan.period_end(n) < as_of;
        if missed_deadline {
            missed += 1;
        }
        if period_over {
            if (mine.len() as u32) < c.plan.min_introductions {
                too_few += 1;
            }
            continue;
        }
        if missed_deadline {
            continue;
        }
        let s = c.plan.status(n, &mine, as_of);
        match s.state {
            IntroductionState::Overdue => {
                overdue += 1;
                longest = longest.max(s.days_overdue);
            }
            IntroductionState::Due => due += 1,
            _ => {}
        }
    }
    let id = c.id.as_str();
    let months = c.plan.deadline_months;
    let path = cohort_path(k);
    let mut out = Vec::new();
    if missed > 0 {
        out.push(Finding::of(
            IntroductionCode::NotWithinDeadline,
            path.clone(),
            Text::new(
                format!("{missed} af {arrived} ankomne husstande i kohorten {id} fik ikke tilbud om frivillig kontakt inden for {months} måneder efter ankomst."),
                format!("{missed} of {arrived} households that have arrived in the cohort {id} were not offered a volunteer contact within {months} months of arrival."),
            ),
        ));
    }
    if overdue > 0 {
        out.push(Finding::of(
            IntroductionCode::Overdue,
            path.clone(),
            Text::new(
                format!("{} i kohorten {id} venter på en introduktion til frivilligtilbud, der er overskredet (længst {}).", HOUSEHOLD.count(Lang::Da, n(overdue)), DAY.count(Lang::Da, n(longest))),
                format!("{} in the cohort {id} {} for an introduction to volunteer offers that is overdue (the longest by {}).", HOUSEHOLD.count(Lang::En, n(overdue)), pick(n(overdue), "waits", "wait"), DAY.count(Lang::En, n(longest))),
            ),
        ));
    }
    if due > 0 {
        out.push(Finding::of(
            IntroductionCode::Due,
            path.clone(),
            Text::new(
                format!("{} i kohorten {id} skal have en introduktion til frivilligtilbud inden for {}.", HOUSEHOLD.count(Lang::Da, n(due)), DAY.count(Lang::Da, n(c.plan.due_soon_days))),
                format!("{} in the cohort {id} {} due an introduction to volunteer offers within {}.", HOUSEHOLD.count(Lang::En, n(due)), pick(n(due), "is", "are"), DAY.count(Lang::En, n(c.plan.due_soon_days))),
            ),
        ));
    }
    if too_few > 0 {
        out.push(Finding::of(
            IntroductionCode::TooFew,
            path,
            Text::new(
                format!(
                    "{} i kohorten {id} sluttede introduktionsperioden med færre end {}.",
                    HOUSEHOLD.count(Lang::Da, n(too_few)),
                    INTRODUCTION.count(Lang::Da, n(c.plan.min_introductions))
                ),
                format!(
                    "{} in the cohort {id} ended the introduction period with fewer than {}.",
                    HOUSEHOLD.count(Lang::En, n(too_few)),
                    INTRODUCTION.count(Lang::En, n(c.plan.min_introductions))
                ),
            ),
        ));
    }
    sort_findings(&mut out);
    out
}

/// The matching findings of cohort `k` on `as_of`, from its latest stored run made on or
/// before the date: households that arrived since (or all, when there is no run), how many
/// the run left unmatched and what bound them (no household named), and the demand and the
/// offers it left unused.
pub fn matching_findings(d: &Dossier, k: usize, as_of: NaiveDate) -> Vec<Finding> {
    let Some(c) = d.cohorts.get(k) else {
        return Vec::new();
    };
    let arrived: Vec<&crate::matching::model::profile::Newcomer> =
        c.newcomers.iter().filter(|n| n.arrival <= as_of).collect();
    if arrived.is_empty() {
        return Vec::new();
    }
    let latest = d
        .match_runs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cohort.as_ref() == Some(&c.id) && r.as_of <= as_of)
        .max_by_key(|(r, run)| (run.as_of, *r));
    let mut out = Vec::new();
    let Some((r, run)) = latest else {
        out.push(no_run(c, k, arrived.len(), None));
        return out;
    };
    let covered = |n: &crate::matching::model::profile::Newcomer| {
        run.matches.iter().any(|m| m.newcomer == n.id)
            || run.unmatched.iter().any(|u| u.newcomer == n.id)
    };
    let since = arrived.iter().filter(|n| !covered(n)).count();
    if since > 0 {
        out.push(no_run(c, k, since, Some(run.as_of)));
    }
    let rp = FieldPath::root().field("match_runs").index(r);
    if !run.unmatched.is_empty() {
        // What bound them, most common first (ties by first appearance).
        let mut bindings: Vec<(Text, u32)> = Vec::new();
        for u in &run.unmatched {
            let t = describe_binding(&u.binding);
            match bindings.iter_mut().find(|(b, _)| *b == t) {
                Some((_, n)) => *n += 1,
                None => bindings.push((t, 1)),
            }
        }
        bindings.sort_by_key(|b| std::cmp::Reverse(b.1));
        let list = |lang: crate::i18n::Lang| {
            bindings
                .iter()
                .map(|(t, n)| format!("{} ({n})", t.get(lang)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (n, total) = (run.unmatched.len(), run.statistics.newcomers);
        out.push(Finding::of(
            FollowUpCode::Unmatched,
            rp.field("unmatched"),
            Text::new(
                format!(
                    "{n} af {total} husstande fik intet match i kørslen {} ({}); afgørende: {}.",
                    run.id,
                    run.as_of,
                    list(crate::i18n::Lang::Da)
                ),
                format!(
                    "{n} of {total} households got no match in the run {} ({}); deciding: {}.",
                    run.id,
                    run.as_of,
                    list(crate::i18n::Lang::En)
                ),
            ),
        ));
    }
    for (i, g) in run.unmet_demand.iter().enumerate() {
        out.push(Finding::of(
            FollowUpCode::UnmetDemand,
            rp.field("unmet_demand").index(i),
            g.text.clone(),
        ));
    }
    for (i, u) in run.unused_offers.iter().enumerate() {
        let id = u.offer.as_str();
        out.push(Finding::of(
            FollowUpCode::UnusedOffer,
            rp.field("unused_offers").index(i),
            Text::new(
                format!("Tilbuddet {id} fik ingen husstand: {}", u.reason.da),
                format!("The offer {id} got no household: {}", u.reason.en),
            ),
        ));
    }
    sort_findings(&mut out);
    out
}

fn no_run(c: &Cohort, k: usize, households: usize, last: Option<NaiveDate>) -> Finding {
    let id = c.id.as_str();
    let text = match last {
        None => Text::new(
            format!(
                "Kohorten {id} har {}, men ingen gemt matchningskørsel.",
                ARRIVED_HOUSEHOLD.count(Lang::Da, n(households))
            ),
            format!(
                "The cohort {id} has {} but no stored matching run.",
                ARRIVED_HOUSEHOLD.count(Lang::En, n(households))
            ),
        ),
        Some(day) => Text::new(
            format!(
                "{} i kohorten {id} er ikke med i den seneste matchningskørsel ({day}).",
                HOUSEHOLD.count(Lang::Da, n(households))
            ),
            format!(
                "{} of the cohort {id} {} not in the latest matching run ({day}).",
                HOUSEHOLD.count(Lang::En, n(households)),
                pick(n(households), "is", "are")
            ),
        ),
    };
    Finding::of(FollowUpCode::NoRun, cohort_path(k), text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::model::run::Solver;
    use crate::matching::outcome::MatchOptions;
    use crate::matching::store::MatchRequest;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_ikast_cohort_concerns_the_running_agreement_only() {
        let d = Dossier::example("ikast-brande").unwrap();
        let vvv = &d.agreements[0];
        let nursing = &d.agreements[1];
        let on = day("2016-04-01");
        assert_eq!(
            cohorts_concerning(&d, vvv, &vvv.versions[0].terms, on),
            vec![0]
        );
        assert!(cohorts_concerning(&d, nursing, &nursing.versions[0].terms, on).is_empty());
        // Before any household arrived there is nothing to judge.
        assert!(cohorts_concerning(&d, vvv, &vvv.versions[0].terms, day("2015-12-01")).is_empty());
    }

    #[test]
    fn a_stored_run_replaces_no_run_with_what_it_left_open() {
        let mut d = Dossier::example("ikast-brande").unwrap();
        let on = day("2016-04-01");
        let f = matching_findings(&d, 0, on);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].code.as_str(), f[0].path.as_str()),
            ("matching.no_run", "cohorts[0]")
        );
        let run = d
            .matching()
            .match_cohort(&MatchRequest {
                cohort: "ikast-2016-q1".into(),
                rule_set: "vvv-ikast".into(),
                options: MatchOptions::new(Solver::Optimal, on),
            })
            .unwrap();
        let unmatched = run.unmatched.len();
        assert!(unmatched > 0);
        d.matching_mut().add_run(run).unwrap();
        let f = matching_findings(&d, 0, on);
        assert!(f.iter().all(|f| f.code != "matching.no_run"));
        let u = f.iter().find(|f| f.code == "matching.unmatched").unwrap();
        assert!(
            u.text
                .en
                .starts_with(&format!("{unmatched} of 48 households got no match")),
            "{}",
            u.text.en
        );
        // No household is named: a shared report shows counts.
        for f in &f {
            assert!(
                !f.text.en.contains("nc-") && !f.text.da.contains("nc-"),
                "{}",
                f.text.en
            );
        }
        // The run does not count on a day before it was made.
        assert_eq!(
            matching_findings(&d, 0, day("2016-03-31"))[0].code,
            "matching.no_run"
        );
    }

    #[test]
    fn introductions_are_counted_per_cohort() {
        let d = Dossier::example("ikast-brande").unwrap();
        let codes = |on: &str| -> Vec<(String, String)> {
            introduction_findings(&d, 0, day(on))
                .into_iter()
                .map(|f| (f.code, f.text.en))
                .collect()
        };
        let spring = codes("2016-04-01");
        assert!(
            spring.iter().any(|(c, _)| c == "introduction.overdue"),
            "{spring:?}"
        );
        assert!(spring.iter().all(|(_, t)| !t.contains("nc-")));
        // A year and more later only missed deadlines and too few introductions remain.
        let later = codes("2017-06-01");
        let later_codes: Vec<&str> = later.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            later_codes,
            ["introduction.not_within_deadline", "introduction.too_few"]
        );
        assert!(
            later[0].1.starts_with("24 of 48 households"),
            "{}",
            later[0].1
        );
        assert!(codes("2015-12-01").is_empty());
    }
}
