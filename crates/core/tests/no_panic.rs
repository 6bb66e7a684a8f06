#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! No panic on extreme numbers and dates (issue 18, item 7, the parts done so far): checked date
//! arithmetic in retention, anonymisation, views and proposals; capacities summed wider than one
//! offer's. Each case panicked before.

use brobygger::matching::{self, MatchOptions, Solver};
use brobygger::privacy::{AnonymisationScope, AnonymiseOptions, RecordType, RetentionAction};
use brobygger::*;
use chrono::NaiveDate;

fn ikast() -> Dossier {
    Dossier::example("ikast-brande").unwrap()
}

#[test]
fn a_warning_period_longer_than_the_calendar_warns_from_its_first_day() {
    let mut d = ikast();
    d.privacy.retention.push(RetentionPolicy {
        id: "r-huge".into(),
        record: RecordType::InactivePerson,
        action: RetentionAction::Anonymise,
        keep_months: u32::MAX,
        warn_days: u32::MAX,
        reference: None,
    });
    for on in [
        NaiveDate::MIN,
        "2016-06-01".parse().unwrap(),
        NaiveDate::MAX,
    ] {
        let _ = d.privacy().retention_report(on);
        let _ = d.privacy().review(on, privacy::ReviewOptions::default());
    }
}

#[test]
fn anonymising_dates_at_the_calendars_edges_does_not_panic() {
    for day in [NaiveDate::MIN, NaiveDate::MAX] {
        let mut d = ikast();
        for n in &mut d.cohorts[0].newcomers {
            n.arrival = day;
            n.waiting_since = Some(day);
            n.integration_contract_meeting = Some(day);
        }
        for p in &mut d.privacy.proposals {
            p.expires_on = day;
        }
        for c in &mut d.privacy.consents {
            c.given_on = day;
        }
        let options = AnonymiseOptions::new(
            AnonymisationScope::Cohort {
                cohort: "ikast-2016-q1".into(),
            },
            "2016-06-01".parse().unwrap(),
        );
        // An error is fine; a panic is not.
        let _ = d.privacy_mut().anonymise(&options, None);
    }
}

#[test]
fn views_and_proposals_on_the_calendars_last_day_do_not_panic() {
    let d = ikast();
    let n = d.cohorts[0].newcomers[0].id.clone();
    for on in [NaiveDate::MIN, NaiveDate::MAX] {
        let _ = d
            .privacy()
            .view_newcomer(&n, &privacy::Viewer::Analyst, on, None);
    }
}

#[test]
fn capacities_summing_past_u32_are_counted_not_wrapped() {
    let d = ikast();
    let mut offers = d.offers.clone();
    for o in &mut offers {
        o.capacity = u32::MAX;
    }
    let run = matching::run(
        &d.rule_sets[0],
        &d.cohorts[0].newcomers,
        &offers,
        MatchOptions::new(Solver::Greedy, "2016-04-01".parse().unwrap()),
    )
    .unwrap();
    assert_eq!(
        run.statistics.free_places,
        offers
            .iter()
            .map(|o| u64::from(o.free_places()))
            .sum::<u64>()
    );
    assert!(run.statistics.free_places > u64::from(u32::MAX));
}
