#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Anonymisation under attack (issue 18, item 3): a copy of everyone is searched for what an
//! attacker would look for (a person's name in any case and with the Danish possessive, their
//! e-mail address and phone number however written, CPR-like numbers, a household's id in
//! another case or with something attached, a champion's name) planted in every kind of free
//! text, with generated names and texts, not a fixed list.

use brobygger::privacy::{AnonymisationScope, AnonymiseOptions};
use brobygger::*;
use proptest::prelude::*;

fn ikast() -> Dossier {
    Dossier::example("ikast-brande").unwrap()
}

/// Every string value in a JSON document (never its keys).
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(map) => map.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The words of `s` a person could be named by: none in the library's own text (a lower-case
/// name or path such as `introduce_volunteer_offer` or `offers[0].title`, which the planted
/// texts never are) and none inside `{placeholders}` (a rule explanation's `{under_age}` is the
/// library's word even when a person is called Age).
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    let machine = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c));
    let s = if machine { "" } else { s };
    let mut outside = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                outside.push_str(&rest[..open]);
                outside.push(' ');
                rest = &after[close + 1..];
            }
            _ => {
                outside.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    outside.push_str(rest);
    outside
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// A name part of 3 to 10 letters from any alphabet, capitalised as a name is.
fn name_part() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å', 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm',
            'n', 'r', 's', 't', 'v', 'ş', 'ğ', 'ü', 'ı', 'ع', 'ل', 'ي', 'ሰ', 'ላ', 'ም', 'ж', 'а',
        ]),
        3..10,
    )
    .prop_map(|cs| {
        let s: String = cs.into_iter().collect();
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => s,
        }
    })
    .prop_filter("not a word of the labels the anonymised copy writes", |n| {
        ![
            "anonymiseret",
            "person",
            "ildsjæl",
            "fjernet",
            "ved",
            "anonymisering",
            "removed",
            "anonymisation",
            "other",
            "anonym",
            "local",
        ]
        .contains(&n.to_lowercase().as_str())
    })
}

/// How an attacker might find the name: cased, possessive, in a sentence.
fn mention(name: &str, variant: u8) -> String {
    match variant % 6 {
        0 => name.to_owned(),
        1 => name.to_uppercase(),
        2 => name.to_lowercase(),
        3 => format!("{name}s"),
        4 => format!("{name}'s"),
        _ => format!("hos {}s familie", name.to_lowercase()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn a_copy_of_everyone_holds_no_name_contact_cpr_or_id_in_any_text(
        first in name_part(),
        last in name_part(),
        champion in name_part(),
        variants in prop::collection::vec(any::<u8>(), 6),
        phone in 10_000_000u32..99_999_999,
        day in 1u32..=28, month in 1u32..=12, year in 0u32..100, serial in 0u32..10_000,
        affix in prop::sample::select(vec!["b", "-mor", "_2", ".", ":x", "A"]),
    ) {
        let mut d = ikast();
        let full = format!("{first} {last}");
        let email = format!("{}.{}@example.dk", first.to_lowercase(), last.to_lowercase());
        let phone_text = format!("+45 {} {} {} {}", phone / 1_000_000, phone / 10_000 % 100, phone / 100 % 100, phone % 100);
        let cpr = format!("{day:02}{month:02}{year:02}-{serial:04}");
        let household = d.cohorts[0].newcomers[0].id.to_string();
        // The person: a volunteer with a name, an e-mail address and a phone number.
        d.people[0].name = full.clone();
        d.people[0].email = Some(email.clone());
        d.people[0].phone = Some(format!("{phone}"));
        // A champion: a private person recorded as an organisation.
        d.organisations[0].kind = OrganisationKind::Champion;
        d.organisations[0].name = format!("{champion} (ildsjæl)");
        d.organisations[0].profile.purpose = Some(format!("{champion} hjælper familier"));
        // Free text everywhere an attacker would look.
        let planted = format!(
            "{} og {}: skriv {} / ring {} / cpr {} / sag {}{} / {} / {}",
            mention(&first, variants[0]),
            mention(&last, variants[1]),
            email.to_uppercase(),
            phone_text,
            cpr,
            household.to_uppercase(),
            affix,
            mention(&champion, variants[2]),
            mention(&first, variants[3]),
        );
        d.agreements[0].versions[0].terms.purpose = Some(planted.clone());
        d.cohorts[0].title = planted.clone();
        d.cohorts[0].newcomers[0].area = Some(planted.clone());
        d.cohorts[0].newcomers[1].industries = vec![format!("{}-frisoer", first.to_lowercase())];
        d.offers[0].title = planted.clone();
        let copy = d
            .privacy()
            .anonymised(
                &AnonymiseOptions::new(AnonymisationScope::Everyone, "2017-01-01".parse().unwrap()),
                None,
            )
            .unwrap()
            .0;
        let mut all = Vec::new();
        strings(&serde_json::to_value(&copy).unwrap(), &mut all);
        let parts: Vec<String> = [&first, &last, &champion].iter().map(|p| p.to_lowercase()).collect();
        let digits: String = phone.to_string();
        let cpr_digits: String = cpr.chars().filter(char::is_ascii_digit).collect();
        for s in &all {
            for w in words(s) {
                for p in &parts {
                    prop_assert!(w != *p && w != format!("{p}s"), "{p:?} in {s:?}");
                }
            }
            let lower = s.to_lowercase();
            prop_assert!(!lower.contains(&email.to_lowercase()), "{s:?}");
            prop_assert!(!lower.contains(&household.to_lowercase()), "{s:?}");
            prop_assert!(!s.contains(&digits) && !s.contains(&phone_text), "{s:?}");
            prop_assert!(!s.contains(&cpr) && !s.contains(&cpr_digits), "{s:?}");
        }
        // What stays is still a valid dossier: every link was rewritten consistently.
        prop_assert!(copy.check().is_ok(), "{:?}", copy.validate());
    }
}

/// Champions named as a rule explanation's placeholders are: the names go, the templates stay
/// (a generated "Age" once turned `{under_age}` into `{under_[…]}`, and the copy no longer
/// validated).
#[test]
fn a_champion_who_shares_a_word_with_a_placeholder_leaves_the_templates_whole() {
    for name in [
        "Age", "Offer", "Rule", "Newcomer", "Area", "Days", "Free", "Level", "Count",
    ] {
        let mut d = ikast();
        d.organisations[0].kind = OrganisationKind::Champion;
        d.organisations[0].name = format!("{name} (ildsjæl)");
        d.cohorts[0].title = format!("{name}s hold og {}", name.to_uppercase());
        let copy = d
            .privacy()
            .anonymised(
                &AnonymiseOptions::new(AnonymisationScope::Everyone, "2017-01-01".parse().unwrap()),
                None,
            )
            .unwrap()
            .0;
        assert!(copy.check().is_ok(), "{name}: {:?}", copy.validate());
        assert!(
            !words(&copy.cohorts[0].title)
                .any(|w| w == name.to_lowercase() || w == format!("{}s", name.to_lowercase())),
            "{name}: {}",
            copy.cohorts[0].title
        );
    }
}

#[test]
fn anonymising_a_household_scrubs_its_own_texts_and_keeps_everyone_elses() {
    let mut d = ikast();
    let id = d.cohorts[0].newcomers[0].id.clone();
    d.cohorts[0].newcomers[0].area = Some("Bording, tlf 12 34 56 78, a@b.dk".into());
    d.cohorts[0].newcomers[0].industries = vec!["care".into(), "fatimas-frisoer".into()];
    d.cohorts[0].newcomers[1].area = Some("Bording".into());
    let note = format!("Opfølgning på {}b hos kommunen", id.as_str().to_uppercase());
    d.cohorts[0].title = note;
    let copy = d
        .privacy()
        .anonymised(
            &AnonymiseOptions::new(
                AnonymisationScope::Newcomers {
                    newcomers: vec![id.clone()],
                },
                "2017-01-01".parse().unwrap(),
            ),
            None,
        )
        .unwrap()
        .0;
    let n = &copy.cohorts[0].newcomers[0];
    let area = n.area.clone().unwrap_or_default();
    assert!(
        !area.contains("12 34") && !area.contains("a@b.dk"),
        "{area}"
    );
    assert_eq!(n.industries, vec!["care".to_owned(), "other".to_owned()]);
    assert!(
        !copy.cohorts[0]
            .title
            .to_lowercase()
            .contains(&id.as_str().to_lowercase())
    );
    // A person outside the scope keeps their contact details.
    assert_eq!(copy.people, d.people);
}
