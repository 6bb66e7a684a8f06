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

/// The Aalborg steering group's action items (agreements[0].meetings[1] and [3]): one done in
/// time, one overdue since 2017-02-01, one due on 2017-08-15.
#[test]
fn open_action_items_are_reminded_by_their_due_day_until_closed() {
    use brobygger::{ActionStatus, Lang};
    let mut d = Dossier::example("aalborg").unwrap();
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    let items = |d: &Dossier, on: &str, horizon: u32| -> Vec<brobygger::Reminder> {
        d.reminders()
            .due(day(on), brobygger::ReminderOptions::horizon(horizon))
            .into_iter()
            .filter(|r| r.kind == ReminderKind::ActionItem)
            .collect()
    };
    let r = items(&d, "2017-06-30", 60);
    let paths: Vec<&str> = r.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "agreements[0].meetings[1].action_items[1]",
            "agreements[0].meetings[3].action_items[0]"
        ]
    );
    assert_eq!(
        (r[0].state, r[0].days_overdue),
        (ReminderState::Overdue, 149)
    );
    assert_eq!(r[1].state, ReminderState::Due);
    // The owner by the post's title or the party's name, never a person; the source cited.
    assert!(r[0].text.get(Lang::Da).contains("Røde Kors Aalborg"));
    assert!(r[1].text.get(Lang::En).contains("Sekretariatsleder"));
    assert!(
        r.iter()
            .all(|x| x.source.as_ref().unwrap().section == "Handling i fokus")
    );
    // The item done on 2016-12-19 is never reminded after it was closed, but was before.
    let done = "agreements[0].meetings[1].action_items[0]";
    assert!(
        items(&d, "2016-12-20", 14)
            .iter()
            .all(|x| x.path.as_str() != done)
    );
    assert!(
        items(&d, "2016-12-10", 14)
            .iter()
            .any(|x| x.path.as_str() == done)
    );
    // Recording the overdue one as dropped on 2017-06-01 ends its reminders from that day.
    let item = &mut d.agreements[0].meetings[1].action_items[1];
    item.status = ActionStatus::Dropped;
    item.closed_on = Some(day("2017-06-01"));
    assert_eq!(items(&d, "2017-06-30", 60).len(), 1);
    assert_eq!(
        items(&d, "2017-05-31", 0).len(),
        1,
        "still open the day before"
    );
    assert!(
        d.validate()
            .iter()
            .all(|f| !f.code.starts_with("validation.action"))
    );
}

#[test]
fn action_items_that_contradict_their_meeting_are_flagged_by_validation() {
    use brobygger::{ActionOwner, ActionStatus};
    let mut d = Dossier::example("aalborg").unwrap();
    let m = &mut d.agreements[0].meetings[1];
    m.agenda.push("  ".into());
    m.action_items[0].due = "2016-11-01".parse().unwrap();
    m.action_items[1].owner = ActionOwner::Post {
        post: "no-such-post".into(),
    };
    m.action_items[1].status = ActionStatus::Done;
    let findings = d.validate();
    let at = |code: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.code == code)
            .map(|f| f.path.to_string())
            .collect()
    };
    assert_eq!(
        at("validation.empty_text"),
        ["agreements[0].meetings[1].agenda[3]"]
    );
    assert_eq!(
        at("validation.action_before_meeting"),
        ["agreements[0].meetings[1].action_items[0]"]
    );
    assert_eq!(
        at("validation.dangling_reference"),
        ["agreements[0].meetings[1].action_items[1].owner.post"]
    );
    assert_eq!(
        at("validation.action_closed_without_day"),
        ["agreements[0].meetings[1].action_items[1].closed_on"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any action item, on any day: it is reminded as overdue exactly when it is past its due
    /// day and still open, and never when closed on or before the day.
    #[test]
    fn an_action_item_is_overdue_exactly_when_past_due_and_open(
        item in common::action_item(),
        offset in -4000i64..4000,
    ) {
        let mut d = Dossier::example("aalborg").unwrap();
        let held = d.agreements[0].meetings[1].held_on;
        for m in &mut d.agreements[0].meetings {
            m.action_items.clear();
        }
        d.agreements[0].meetings[1].action_items = vec![item.clone()];
        let Some(on) = held.checked_add_signed(chrono::Duration::days(offset)) else {
            return Ok(());
        };
        let r: Vec<_> = d
            .reminders()
            .due(on, brobygger::ReminderOptions::horizon(0))
            .into_iter()
            .filter(|r| r.kind == ReminderKind::ActionItem)
            .collect();
        let overdue = r.iter().any(|x| x.state == ReminderState::Overdue);
        prop_assert_eq!(overdue, item.due < on && item.open_on(on));
        prop_assert!(r.len() <= 1);
        if item.status != brobygger::ActionStatus::Open && item.closed_on.is_some_and(|c| c <= on) {
            prop_assert!(r.is_empty());
        }
    }
}

#[test]
fn the_minutes_show_every_meeting_with_its_action_items_on_the_day() {
    use brobygger::Lang;
    use brobygger::present::{Format, Present};
    let d = Dossier::example("aalborg").unwrap();
    let on: NaiveDate = "2017-06-30".parse().unwrap();
    let minutes = d.meetings().minutes(on, None).unwrap();
    assert_eq!(minutes.meetings.len(), 4);
    let states: Vec<(bool, &str)> = minutes
        .action_items()
        .map(|i| (i.overdue, i.status.code()))
        .collect();
    assert_eq!(states, [(false, "done"), (true, "open"), (false, "open")]);
    let overdue = minutes.action_items().find(|i| i.overdue).unwrap();
    assert_eq!(overdue.days_overdue, 149);
    assert_eq!(overdue.owner_name.get(Lang::Da), "Røde Kors Aalborg");
    // Before a meeting is held it is not in the minutes.
    let early = d
        .meetings()
        .minutes("2016-12-06".parse().unwrap(), None)
        .unwrap();
    assert!(early.action_items().next().is_none());
    for lang in [Lang::Da, Lang::En] {
        common::golden(
            &common::fixtures().join(format!("golden/meetings-aalborg-{}.md", lang.code())),
            &minutes.present(Format::Markdown, lang),
        );
    }
    let err = d
        .meetings()
        .minutes(on, Some(&"no-such".into()))
        .unwrap_err();
    assert_eq!(err.code(), "not_found.agreement");
}
