#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Outcomes over time (issue 23, item 4): records kept only under a basis for evaluation and
//! statistics, refused with typed errors otherwise; the cohort's outcomes by whether and how early
//! its households were matched and introduced, aggregated so that no shown cell can single out a
//! household (property-tested on any records); withdrawn bases leave records out of views.

use brobygger::chrono::NaiveDate;
use brobygger::matching::{MatchOptions, MatchRequest, Solver};
use brobygger::outcomes::{
    DanishLevel, Employment, OutcomeGrouping, OutcomeMeasure, OutcomeOptions, OutcomeRecord,
    SocialNetwork, Timing,
};
use brobygger::{BrobyggerError, Dossier, FindingsExt};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const COHORT: &str = "ikast-2016-q1";

fn dossier_with_run() -> Dossier {
    let mut d = Dossier::example("ikast-brande").unwrap();
    // The example's own follow-ups (2017 and 2018) aside: each test records its own.
    d.outcomes.clear();
    let req = MatchRequest {
        cohort: COHORT.into(),
        rule_set: "vvv-ikast".into(),
        options: MatchOptions::new(Solver::Optimal, date("2016-04-01")),
    };
    let run = d.matching().match_cohort(&req).unwrap();
    d.matching_mut().add_run(run).unwrap();
    d
}

fn record(household: &str, on: &str, attached: bool) -> OutcomeRecord {
    OutcomeRecord {
        household: household.into(),
        cohort: COHORT.into(),
        on: date(on),
        employment: Some(if attached {
            Employment::Employed
        } else {
            Employment::Unemployed
        }),
        self_supporting: Some(attached),
        danish: Some(if attached {
            DanishLevel::B1
        } else {
            DanishLevel::A2
        }),
        network: Some(SocialNetwork::Wider),
    }
}

fn households(d: &Dossier) -> Vec<String> {
    d.cohorts[0]
        .newcomers
        .iter()
        .map(|n| n.id.to_string())
        .collect()
}

#[test]
fn records_under_a_basis_are_kept_and_round_trip() {
    let mut d = dossier_with_run();
    let ids = households(&d);
    for (i, id) in ids.iter().enumerate() {
        d.outcomes_mut()
            .record(record(id, "2016-12-01", i % 2 == 0))
            .unwrap();
    }
    assert_eq!(d.outcomes.len(), ids.len());
    assert!(!d.validate().has_errors(), "{:?}", d.validate());
    let back = Dossier::from_json(&d.to_json().unwrap()).unwrap();
    assert_eq!(back.outcomes, d.outcomes);
    assert_eq!(d.outcomes().records(&ids[0].as_str().into()).len(), 1);
    // A dossier written before outcomes existed still loads, with none.
    assert!(Dossier::example("aalborg").unwrap().outcomes.is_empty());
}

#[test]
fn a_record_without_a_basis_before_arrival_or_twice_is_refused_and_changes_nothing() {
    let mut d = dossier_with_run();
    let id = households(&d)[0].clone();
    let code = |r: Result<(), BrobyggerError>| match r {
        Err(e) => e.code().to_string(),
        Ok(()) => "ok".into(),
    };
    assert_eq!(
        code(d.outcomes_mut().record(record(&id, "2015-01-01", true))),
        "outcome.before_arrival"
    );
    d.outcomes_mut()
        .record(record(&id, "2016-12-01", true))
        .unwrap();
    assert_eq!(
        code(d.outcomes_mut().record(record(&id, "2016-12-01", false))),
        "outcome.duplicate_record"
    );
    assert_eq!(
        code(
            d.outcomes_mut()
                .record(record("nc-nobody", "2016-12-01", true))
        ),
        "not_found.newcomer"
    );
    // Without the cohort's basis for evaluation and statistics, nothing is kept.
    d.privacy.bases.clear();
    let before = d.outcomes.clone();
    let err = d
        .outcomes_mut()
        .record(record(&id, "2017-01-01", true))
        .unwrap_err();
    assert_eq!(err.code().to_string(), "outcome.no_basis");
    assert!(!err.to_string().contains("employed") && !err.to_string().contains("Employed"));
    assert_eq!(d.outcomes, before);
    // The stored record lost its basis too: validation says so.
    assert!(!d.validate().with_code("outcome.no_basis").is_empty());
}

#[test]
fn the_view_groups_by_matching_and_introduction_and_hides_small_cells() {
    let mut d = dossier_with_run();
    let ids = households(&d);
    for (i, id) in ids.iter().enumerate() {
        d.outcomes_mut()
            .record(record(id, "2016-12-01", i < 6))
            .unwrap();
    }
    let cohort = COHORT.into();
    let open = d
        .outcomes()
        .cohort_view(
            &cohort,
            OutcomeOptions {
                as_of: date("2017-01-01"),
                min_cell: 1,
            },
        )
        .unwrap();
    let n = u32::try_from(ids.len()).unwrap();
    assert_eq!(open.households_with_record, n);
    assert_eq!(open.cells.len(), 2 * 4 * 4);
    // Every household is in exactly one timing group of each grouping.
    for grouping in [OutcomeGrouping::Matched, OutcomeGrouping::Introduced] {
        let all: u32 = open
            .cells
            .iter()
            .filter(|c| c.grouping == grouping && c.measure == OutcomeMeasure::DanishB1)
            .map(|c| c.households.unwrap_or(0))
            .sum();
        assert!(all <= n);
    }
    // The network measure is the same for everyone: any non-empty cell would reveal each
    // member's outcome, so every one is hidden.
    for c in open
        .cells
        .iter()
        .filter(|c| c.measure == OutcomeMeasure::WiderNetwork)
    {
        assert!(c.households.is_none() || c.households == Some(0), "{c:?}");
    }
    let safe = d
        .outcomes()
        .cohort_view(&cohort, OutcomeOptions::as_of(date("2017-01-01")))
        .unwrap();
    assert_eq!(safe.min_cell, 5);
    for c in &safe.cells {
        if let (Some(n), Some(k)) = (c.households, c.with_outcome) {
            assert!(n == 0 || (k >= 5 && n - k >= 5), "{c:?}");
        }
    }
    let table = brobygger::present::Present::table(&safe, "outcomes", brobygger::Lang::Da).unwrap();
    assert_eq!(table.rows.len(), 32);
    assert!(brobygger::empty_table("outcomes").is_some());
}

#[test]
fn a_withdrawn_basis_leaves_the_record_out_of_views() {
    let mut d = dossier_with_run();
    let ids = households(&d);
    for id in &ids {
        d.outcomes_mut()
            .record(record(id, "2016-06-01", true))
            .unwrap();
    }
    // The basis ends: later views leave every record out and say how many.
    d.privacy.bases[0].until = Some(date("2016-09-01"));
    let view = d
        .outcomes()
        .cohort_view(&COHORT.into(), OutcomeOptions::as_of(date("2017-01-01")))
        .unwrap();
    assert_eq!(view.households_with_record, 0);
    assert_eq!(view.left_out_without_basis as usize, ids.len());
}

#[test]
fn the_timing_of_matches_and_introductions_follows_arrival() {
    let d = dossier_with_run();
    let view = d
        .outcomes()
        .cohort_view(&COHORT.into(), OutcomeOptions::as_of(date("2017-01-01")))
        .unwrap();
    // No records yet: every cell is empty, none hidden.
    assert!(
        view.cells
            .iter()
            .all(|c| c.households == Some(0) && c.suppression.is_none())
    );
    assert_eq!(Timing::ALL.len(), 4);
    let err = d
        .outcomes()
        .cohort_view(&"nope".into(), OutcomeOptions::as_of(date("2017-01-01")))
        .unwrap_err();
    assert_eq!(err.code().to_string(), "not_found.cohort");
}

#[test]
fn debug_of_a_record_shows_no_outcome() {
    let r = record("nc-1", "2016-12-01", true);
    let dbg = format!("{r:?}");
    assert!(dbg.contains("nc-1"));
    for word in ["Employed", "B1", "Wider", "true"] {
        assert!(!dbg.contains(word), "{dbg}");
    }
}

static BASE: std::sync::LazyLock<Dossier> = std::sync::LazyLock::new(dossier_with_run);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn no_shown_cell_singles_out_a_household(
        outcomes in prop::collection::vec((any::<bool>(), 0u8..6, any::<bool>()), 10),
        min in 1u32..6,
    ) {
        let mut d = BASE.clone();
        let ids = households(&d);
        let levels = [DanishLevel::NoDanish, DanishLevel::A1, DanishLevel::A2, DanishLevel::B1, DanishLevel::B2, DanishLevel::C1];
        for (id, (attached, level, wider)) in ids.iter().zip(outcomes) {
            let mut r = record(id, "2016-12-01", attached);
            r.danish = Some(levels[usize::from(level)]);
            r.network = Some(if wider { SocialNetwork::Wider } else { SocialNetwork::OwnCommunity });
            d.outcomes_mut().record(r).unwrap();
        }
        let view = d.outcomes().cohort_view(&COHORT.into(), OutcomeOptions { as_of: date("2017-01-01"), min_cell: min }).unwrap();
        for c in &view.cells {
            if let (Some(n), Some(k)) = (c.households, c.with_outcome) {
                prop_assert!(n == 0 || (k >= min && n - k >= min), "{:?}", c);
            }
        }
        // The two groupings partition the same households: a grouping with one hidden cell
        // would give it away when the other grouping shows all of its cells.
        for measure in OutcomeMeasure::ALL {
            let of = |g: OutcomeGrouping| view.cells.iter().filter(move |c| c.grouping == g && c.measure == measure);
            let hidden = |g| of(g).filter(|c| c.suppression.is_some()).count();
            let (m, i) = (OutcomeGrouping::Matched, OutcomeGrouping::Introduced);
            prop_assert!(!(hidden(m) == 1 && hidden(i) == 0), "{:?}", measure);
            prop_assert!(!(hidden(i) == 1 && hidden(m) == 0), "{:?}", measure);
        }
    }
}

#[test]
fn deleting_a_household_under_retention_deletes_its_outcome_records() {
    // The example's follow-ups (2017, 2018) are kept; its household policy deletes instead of
    // anonymising here. The households' records must go with them: they are personal data.
    let mut d = Dossier::example("ikast-brande").unwrap();
    assert!(!d.outcomes.is_empty());
    for p in &mut d.privacy.retention {
        if p.id.as_str() == "r-households" {
            p.action = brobygger::privacy::RetentionAction::Delete;
        }
    }
    let out = d.privacy_mut().apply_retention(date("2025-06-01")).unwrap();
    assert!(!out.deleted.is_empty());
    let left: Vec<_> = d.cohorts[0]
        .newcomers
        .iter()
        .map(|n| n.id.clone())
        .collect();
    assert!(d.outcomes.iter().all(|r| left.contains(&r.household)));
    assert!(!d.validate().has_errors(), "{:?}", d.validate());
}
