#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Reminders on the built-in examples: the shared fixtures (read the same way by pytest and
//! Kotlin) and the rules that hold for any day.

mod common;

use brobygger::{Dossier, Example, ReminderKind, ReminderState};
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;
use std::fs;

#[test]
fn fixture_cases_give_the_expected_reminders() {
    let dir = common::fixtures().join("reminders");
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_name()
            .and_then(|f| f.to_str())
            .and_then(|f| f.strip_suffix(".input.json"))
        else {
            continue;
        };
        let input: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let d = Dossier::example(input["example"].as_str().unwrap()).unwrap();
        let as_of: NaiveDate = input["as_of"].as_str().unwrap().parse().unwrap();
        let horizon = u32::try_from(input["horizon_days"].as_u64().unwrap()).unwrap();
        let mut actual = serde_json::to_string_pretty(
            &d.reminders()
                .due(as_of, brobygger::ReminderOptions::horizon(horizon)),
        )
        .unwrap();
        actual.push('\n');
        common::golden(&dir.join(format!("{name}.expected.json")), &actual);
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn the_examples_remind_of_what_their_data_holds() {
    let d = Dossier::example("ikast-brande").unwrap();
    let r = d.reminders().due(
        "2016-03-01".parse().unwrap(),
        brobygger::ReminderOptions::horizon(14),
    );
    let kinds: Vec<ReminderKind> = r.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&ReminderKind::Introduction) && kinds.contains(&ReminderKind::Meeting));
    // Households by pseudonymous id only, and each introduction cites 001.
    for x in r.iter().filter(|r| r.kind == ReminderKind::Introduction) {
        assert!(x.subject.starts_with("nc-"));
        assert_eq!(x.source.as_ref().unwrap().document.number(), "001");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// On any day: overdue ones are past, due ones are not; overdue come first; a longer
    /// horizon never drops a reminder.
    #[test]
    fn reminders_are_ordered_and_grow_with_the_horizon(
        example in prop::sample::select(Example::ALL.to_vec()),
        offset in 0i64..2500,
        horizon in 0u32..90,
    ) {
        let d = example.dossier().unwrap();
        let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Duration::days(offset);
        let r = d.reminders().due(day, brobygger::ReminderOptions::horizon(horizon));
        let mut seen_due = false;
        for x in &r {
            match x.state {
                ReminderState::Overdue => {
                    prop_assert!(!seen_due);
                    prop_assert!(x.due_on < day && x.days_overdue > 0);
                }
                ReminderState::Due => {
                    seen_due = true;
                    prop_assert!(x.due_on >= day && x.days_overdue == 0);
                }
            }
        }
        let longer = d.reminders().due(day, brobygger::ReminderOptions::horizon(horizon + 30));
        for x in &r {
            prop_assert!(longer.contains(x));
        }
    }
}
