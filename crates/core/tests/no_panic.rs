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

// ---- bounded work (issue 18, item 7): size caps, depth limits, linear checks ----

fn scratch(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("brobygger-no-panic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn every_reader_refuses_devices_and_fifos_without_waiting() {
    let dir = scratch("fifo");
    let fifo = dir.join("list.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut paths = vec![std::path::PathBuf::from("/dev/zero")];
    if made {
        paths.push(fifo);
    }
    for p in &paths {
        let codes = [
            Dossier::load(p).unwrap_err().code(),
            RuleSet::load(p).unwrap_err().code(),
            ChecklistTemplate::load(p).unwrap_err().code(),
            import::read_newcomers_csv(p).unwrap_err().code(),
            import::read_offers_csv(p).unwrap_err().code(),
        ];
        for c in codes {
            assert_eq!(c, "load.not_regular_file", "{}", p.display());
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_over_the_limit_is_refused_after_reading_at_most_the_limit() {
    let dir = scratch("big");
    let path = dir.join("d.json");
    std::fs::write(&path, vec![b' '; 4096]).unwrap();
    let e = read_input_limited(&path, 1024).unwrap_err();
    assert_eq!(BrobyggerError::from(e).code(), "load.too_large");
    assert_eq!(read_input_limited(&path, 4096).unwrap().len(), 4096);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn nesting_deeper_than_the_readers_take_is_a_syntax_error_not_a_crash() {
    for depth in [200, 20_000] {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        let json = format!(r#"{{"schema_version": 1, "title": {open}{close}}}"#);
        assert_eq!(Dossier::from_json(&json).unwrap_err().code(), "load.syntax");
        let toml = format!("schema_version = 1\nid = \"x\"\nrules = {open}{close}\n");
        assert_eq!(RuleSet::from_toml(&toml).unwrap_err().code(), "load.syntax");
        let inline = format!(
            "schema_version = 1\nid = {}1{}\n",
            "{a = ".repeat(depth),
            "}".repeat(depth)
        );
        assert_eq!(
            RuleSet::from_toml(&inline).unwrap_err().code(),
            "load.syntax"
        );
    }
}

#[test]
fn a_cell_of_many_languages_is_read_in_one_pass() {
    // 60,000 items, one language repeated: every repeat is reported once, with its item number.
    let cell = vec!["da:B1"; 60_000].join(";");
    let csv = format!("id,arrival,languages\nnc-1,2016-01-11,\"{cell}\"\n");
    let read = import::check_newcomers_csv(&csv, &import::CsvOptions::default());
    let repeats = read
        .problems
        .iter()
        .filter(|p| p.code == "import.duplicate_language")
        .count();
    assert_eq!(repeats, 59_999);
}

#[test]
fn duplicate_ids_in_a_run_are_refused_not_double_booked() {
    let d = ikast();
    let mut offers = d.offers.clone();
    offers[0].capacity = 1;
    offers.push(offers[0].clone());
    let e = matching::run(
        &d.rule_sets[0],
        &d.cohorts[0].newcomers,
        &offers,
        MatchOptions::new(Solver::Optimal, "2016-04-01".parse().unwrap()),
    )
    .unwrap_err();
    assert_eq!(e.code(), "validation.duplicate_id");
    assert!(
        matches!(&e, BrobyggerError::InvalidInput { path, .. } if path == "offers[11].id"),
        "{e:?}"
    );
    let mut newcomers = d.cohorts[0].newcomers.clone();
    newcomers.push(newcomers[3].clone());
    let e = d
        .matching()
        .match_profiles(
            &d.rule_sets[0],
            &newcomers,
            &d.offers,
            MatchOptions::new(Solver::Optimal, "2016-04-01".parse().unwrap()),
        )
        .unwrap_err();
    assert_eq!(e.code(), "validation.duplicate_id");
}

#[test]
fn validate_reports_what_would_overflow_duplicates_and_dangling_references() {
    let mut d = ikast();
    d.offers[0].capacity = u32::MAX;
    d.offers[1].capacity = u32::MAX;
    d.offers.push(d.offers[2].clone());
    let n = &mut d.cohorts[0].newcomers[0];
    n.household.adults = u32::MAX;
    n.household.children_ages = vec![3, 5];
    n.arrival = NaiveDate::MIN;
    d.cohorts[0].newcomers[1].waiting_since = Some(NaiveDate::MAX);
    d.cohorts[0]
        .introductions
        .push(matching::IntroductionRecord {
            newcomer: "nc-nobody".into(),
            on: "2016-03-01".parse().unwrap(),
            setting: matching::IntroductionSetting::FollowUpConversation,
            offers: vec![],
            by: None,
        });
    let findings = d.validate();
    let at = |code: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.code == code)
            .map(|f| f.path.to_string())
            .collect()
    };
    let out_of_range = at("validation.out_of_range");
    for p in [
        "offers",
        "cohorts[0].newcomers[0].household",
        "cohorts[0].newcomers[0].arrival",
        "cohorts[0].newcomers[1].waiting_since",
    ] {
        assert!(
            out_of_range.contains(&p.to_owned()),
            "{p}: {out_of_range:?}"
        );
    }
    assert_eq!(at("validation.duplicate_id"), vec!["offers[11].id"]);
    assert!(!at("validation.dangling_reference").is_empty());
    assert!(d.check().is_err());
    // Every operation on it still answers without a panic.
    let _ = d.summary(SummaryOptions::default());
    let _ = d.privacy().review(
        "2016-06-01".parse().unwrap(),
        privacy::ReviewOptions::default(),
    );
}
