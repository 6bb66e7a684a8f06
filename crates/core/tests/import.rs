#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! CSV import and export of newcomers and offers: the shared fixtures (good and bad files, read
//! the same way by pytest and Kotlin), every problem with its line and column, no personal
//! values in problems, and the round trip.

mod common;

use brobygger::import::SheetStyle;
use brobygger::import::{
    self, CsvOptions, CsvTable, check_newcomers_csv, check_newcomers_csv_bytes,
    check_offers_csv_bytes, newcomers_to_csv, offers_to_csv,
};
use brobygger::matching::{
    Coordinates, Credential, Gender, Household, LanguageLevel, LanguageSkill, Need, Newcomer,
    Offer, OfferKind, Preference, Slot, Weekday,
};
use brobygger::{BrobyggerError, Dossier, Lang, PartyRef, TimeOfDay};
use proptest::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::PathBuf;

fn dir() -> PathBuf {
    common::fixtures().join("import")
}

/// Every `.csv` fixture with the table its name says it holds.
fn cases() -> Vec<(String, CsvTable, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name()?.to_str()?.strip_suffix(".csv")?.to_owned();
            let table = if name.ends_with("newcomers") {
                CsvTable::Newcomers
            } else if name.ends_with("offers") {
                CsvTable::Offers
            } else {
                return None;
            };
            Some((name, table, p))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 6, "fixtures missing: {out:?}");
    out
}

/// What a fixture reads to, as the expected files hold it.
fn read_case(table: CsvTable, path: &std::path::Path) -> Value {
    let bytes = fs::read(path).unwrap();
    let options = CsvOptions::named(path.file_name().unwrap().to_str().unwrap());
    match table {
        CsvTable::Newcomers => {
            serde_json::to_value(check_newcomers_csv_bytes(&bytes, &options)).unwrap()
        }
        CsvTable::Offers => serde_json::to_value(check_offers_csv_bytes(&bytes, &options)).unwrap(),
    }
}

#[test]
fn the_example_cohort_and_offers_write_the_committed_files() {
    let d = Dossier::example("ikast-brande").unwrap();
    common::golden(
        &dir().join("ikast-newcomers.csv"),
        &newcomers_to_csv(&d.cohorts[0].newcomers).unwrap(),
    );
    common::golden(
        &dir().join("ikast-offers.csv"),
        &offers_to_csv(&d.offers).unwrap(),
    );
    // ... and those files read back to the example's profiles.
    let back = import::read_newcomers_csv(dir().join("ikast-newcomers.csv")).unwrap();
    assert_eq!(back, d.cohorts[0].newcomers);
    let back = import::read_offers_csv(dir().join("ikast-offers.csv")).unwrap();
    assert_eq!(back, d.offers);
}

#[test]
fn every_fixture_reads_to_its_expected_file() {
    for (name, table, path) in cases() {
        let actual = read_case(table, &path);
        let expected_path = dir().join(format!("{name}.expected.json"));
        if common::bless() {
            let mut text = serde_json::to_string_pretty(&actual).unwrap();
            text.push('\n');
            fs::write(&expected_path, text).unwrap();
            continue;
        }
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(&expected_path).unwrap()).unwrap();
        assert_eq!(actual, expected, "case {name}");
    }
}

fn problems(v: &Value) -> Vec<(String, u64, u64)> {
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_bad_cell_is_reported_with_its_line_and_column() {
    let v = read_case(CsvTable::Newcomers, &dir().join("bad-newcomers.csv"));
    let p = problems(&v);
    let want = [
        ("import.before_arrival", 2, 3),
        ("import.child_age_out_of_range", 2, 9),
        ("import.invalid_id", 3, 1),
        ("import.invalid_date", 3, 2),
        ("import.invalid_coordinates", 3, 5),
        ("import.invalid_language", 3, 7),
        ("import.duplicate_language", 3, 7),
        ("import.invalid_number", 3, 8),
        ("import.unknown_value", 3, 10),
        ("import.invalid_id", 3, 10),
        ("import.unknown_value", 3, 11),
        ("import.invalid_slot", 3, 12),
        ("import.duplicate_id", 4, 1),
        ("import.required", 4, 2),
        ("import.invalid_coordinates", 4, 5),
        ("import.extra_cells", 5, 14),
    ];
    let want: Vec<(String, u64, u64)> = want
        .iter()
        .map(|(c, l, col)| ((*c).to_owned(), *l, *col))
        .collect();
    assert_eq!(p, want);
    // The two good rows are read; rows with errors are left out.
    let ids: Vec<&str> = v["newcomers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["nc-1005"]);

    let v = read_case(CsvTable::Offers, &dir().join("bad-offers.csv"));
    let codes: Vec<(String, u64, u64)> = problems(&v);
    assert_eq!(
        codes,
        [
            ("import.unknown_value", 2, 2),
            ("import.over_capacity", 2, 6),
            ("import.required", 3, 3),
            ("import.invalid_party", 3, 4),
            ("import.invalid_number", 3, 5),
            ("import.unknown_value", 3, 7),
            ("import.unknown_value", 3, 8),
            ("import.unknown_value", 3, 9),
            ("import.invalid_date", 3, 10),
            ("import.invalid_id", 3, 11),
        ]
        .map(|(c, l, col)| (c.to_owned(), l, col))
    );
    assert_eq!(v["offers"][0]["id"], "o-3");
}

#[test]
fn header_problems_are_all_reported_with_suggestions() {
    let v = read_case(CsvTable::Newcomers, &dir().join("bad-header-newcomers.csv"));
    assert_eq!(
        problems(&v),
        [
            ("import.unknown_column", 1, 2),
            ("import.unknown_column", 1, 3),
            ("import.duplicate_column", 1, 5),
            ("import.unknown_column", 1, 6),
            ("import.missing_column", 1, 0),
        ]
        .map(|(c, l, col)| (c.to_owned(), l, col))
    );
    let texts: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"]["en"].as_str().unwrap())
        .collect();
    assert!(
        texts[0].contains("(did you mean \"arrival\"?)"),
        "{}",
        texts[0]
    );
    assert!(texts[1].contains("(did you mean \"languages\"?)"));
    // An unknown column says how to go on without it.
    assert!(texts[0].ends_with(
        "skip it with --ignore-unknown-columns (ignore_unknown_columns in Python and the apps)"
    ));
    assert!(texts[3].contains("known columns: id, arrival"));
    // Ignoring unknown columns turns them into warnings; the missing column stays an error.
    let text = fs::read_to_string(dir().join("bad-header-newcomers.csv")).unwrap();
    let options = CsvOptions {
        ignore_unknown_columns: true,
        ..CsvOptions::default()
    };
    let r = check_newcomers_csv(&text, &options);
    let codes: Vec<&str> = r.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "import.ignored_column",
            "import.ignored_column",
            "import.duplicate_column",
            "import.ignored_column",
            "import.missing_column"
        ]
    );
}

#[test]
fn problems_never_quote_personal_values() {
    for (name, table, path) in cases() {
        let v = read_case(table, &path);
        let all = serde_json::to_string(&v["problems"]).unwrap();
        let secrets: &[&str] = match table {
            CsvTable::Newcomers => &[
                "Hajar", "muslim", "religion", "fluent", "bike", "someday", "netwrok", "\"two\"",
                "Someone",
            ],
            CsvTable::Offers => &["mixed", "criminal", "Jens", "roede kors"],
        };
        for secret in secrets {
            assert!(!all.contains(secret), "{name}: {secret} in {all}");
        }
    }
    // No value is quoted at all, not even of a column meant for no personal data: a value in the
    // wrong column, or a file without its header row, may be anyone's (issue 18, item 6).
    let v = read_case(CsvTable::Offers, &dir().join("bad-offers.csv"));
    let all = serde_json::to_string(&v["problems"]).unwrap();
    assert!(
        !all.contains("contact_famly") && !all.contains("found"),
        "{all}"
    );
}

#[test]
fn spreadsheet_files_read_like_the_canonical_ones() {
    // Semicolons, a byte-order mark, CRLF, day-first dates, decimal commas, mixed case, blank
    // and empty rows, a trailing unnamed column.
    let v = read_case(
        CsvTable::Newcomers,
        &dir().join("spreadsheet-newcomers.csv"),
    );
    assert_eq!(v["problems"], Value::Array(vec![]));
    assert_eq!(
        (&v["delimiter"], &v["encoding"]),
        (&"semicolon".into(), &"utf8_with_bom".into())
    );
    let first: Newcomer = serde_json::from_value(v["newcomers"][0].clone()).unwrap();
    let example = Dossier::example("ikast-brande").unwrap();
    let original = &example.cohorts[0].newcomers[0];
    assert_eq!(
        (
            &first.id,
            first.arrival,
            first.integration_contract_meeting,
            first.location
        ),
        (
            &original.id,
            original.arrival,
            original.integration_contract_meeting,
            original.location
        )
    );
    assert_eq!(
        (&first.languages, &first.needs, &first.availability),
        (&original.languages, &original.needs, &original.availability)
    );
    assert_eq!(first.household, original.household);
    let second: Newcomer = serde_json::from_value(v["newcomers"][1].clone()).unwrap();
    assert_eq!(second.area.as_deref(), Some("Ikast"));
    assert_eq!(
        second.needs[2],
        Need::Custom {
            id: "bike-repair".into()
        }
    );

    let v = read_case(CsvTable::Offers, &dir().join("windows-1252-offers.csv"));
    assert_eq!(v["encoding"], "windows1252");
    assert_eq!(v["problems"][0]["code"], "import.decoded_windows_1252");
    assert_eq!(v["offers"][0]["title"], "Kvindegruppe i Nørre Snede");
}

#[test]
fn a_file_with_errors_is_refused_with_every_problem_as_a_finding() {
    let err = import::read_newcomers_csv(dir().join("bad-newcomers.csv")).unwrap_err();
    let BrobyggerError::Validation { code, findings } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(code, "import.invalid_csv");
    assert_eq!(findings.len(), 16);
    // Errors first; each finding's path is the row's place in the list, its text the place in
    // the file.
    assert_eq!(
        findings[0].path.as_str(),
        "newcomers[0].integration_contract_meeting"
    );
    assert!(
        findings[0]
            .text
            .en
            .starts_with("bad-newcomers.csv:2:3 (integration_contract_meeting): ")
    );
    let warnings: Vec<&str> = findings[14..].iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        warnings,
        ["import.child_age_out_of_range", "import.duplicate_language"]
    );
    let err = import::read_offers_csv("/nonexistent/offers.csv").unwrap_err();
    assert_eq!(err.code(), "load.io");
    let empty = import::read_newcomers_csv(dir().join("empty-newcomers.csv")).unwrap_err();
    assert_eq!(empty.findings()[0].code, "import.empty_file");
}

fn level() -> impl Strategy<Value = LanguageLevel> {
    prop::sample::select(vec![
        LanguageLevel::A1,
        LanguageLevel::A2,
        LanguageLevel::B1,
        LanguageLevel::B2,
        LanguageLevel::C1,
        LanguageLevel::C2,
        LanguageLevel::Native,
    ])
}

fn languages() -> impl Strategy<Value = Vec<LanguageSkill>> {
    prop::collection::vec(("[a-z]{2,3}", level()), 0..4).prop_map(|v| {
        v.into_iter()
            .map(|(c, l)| LanguageSkill::new(c, l))
            .collect()
    })
}

fn need() -> impl Strategy<Value = Need> {
    prop_oneof![
        prop::sample::select(Need::STANDARD.to_vec()),
        "[a-z][a-z0-9\\-]{0,10}".prop_map(|id| Need::Custom { id }),
    ]
}

fn slot() -> impl Strategy<Value = Slot> {
    (0usize..7, 0usize..4).prop_map(|(d, t)| Slot {
        day: [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ][d],
        time: [
            TimeOfDay::Morning,
            TimeOfDay::Daytime,
            TimeOfDay::Afternoon,
            TimeOfDay::Evening,
        ][t],
    })
}

/// Free text as a spreadsheet cell can hold it: anything but leading or trailing blanks
/// (which reading trims), including the delimiters, quotes and line breaks.
fn cell_text() -> impl Strategy<Value = String> {
    "[a-zA-ZæøåÆØÅ0-9]([a-zA-ZæøåÆØÅ0-9,;\"' \n-]{0,20}[a-zA-ZæøåÆØÅ0-9])?"
}

fn tags() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z][a-z0-9_\\-]{0,8}", 0..3)
}

fn coordinates() -> impl Strategy<Value = Option<Coordinates>> {
    prop::option::of(
        (-90.0f64..=90.0, -180.0f64..=180.0).prop_map(|(lat, lon)| Coordinates { lat, lon }),
    )
}

fn newcomer() -> impl Strategy<Value = Newcomer> {
    (
        common::id(),
        common::date(),
        prop::option::of(common::date()),
        prop::option::of(cell_text()),
        coordinates(),
        languages(),
        (0u32..5, prop::collection::vec(0u32..18, 0..4)),
        prop::collection::vec(need(), 0..4),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![Gender::Female, Gender::Male, Gender::Other])
                    .prop_map(|gender| Preference::VolunteerGender { gender }),
                Just(Preference::OfferKind {
                    kind: OfferKind::Activity
                }),
            ],
            0..3,
        ),
        prop::collection::vec(slot(), 0..4),
        tags(),
        tags(),
    )
        .prop_map(
            |(
                id,
                arrival,
                waiting,
                area,
                location,
                languages,
                (adults, ages),
                needs,
                preferences,
                availability,
                industries,
                interests,
            )| {
                let mut n = Newcomer::new(id, arrival);
                // A meeting on or after arrival, as reading requires.
                n.integration_contract_meeting = waiting.map(|w| w.max(arrival));
                n.waiting_since = waiting;
                n.area = area;
                n.location = location;
                n.languages = languages;
                n.household = Household {
                    adults,
                    children_ages: ages,
                };
                n.needs = needs;
                n.preferences = preferences;
                n.availability = availability;
                n.industries = industries;
                n.interests = interests;
                n
            },
        )
}

fn offer() -> impl Strategy<Value = Offer> {
    (
        common::id(),
        prop::sample::select(vec![
            OfferKind::ContactFamily,
            OfferKind::ContactPerson,
            OfferKind::LanguageMentor,
            OfferKind::JobMentor,
            OfferKind::Activity,
        ]),
        cell_text(),
        (0u32..20, 0u32..20),
        prop::option::of(prop_oneof![
            common::id().prop_map(|o| PartyRef::Organisation {
                organisation: o.into()
            }),
            (common::id(), common::id()).prop_map(|(m, d)| PartyRef::Department {
                municipality: m.into(),
                department: d.into()
            }),
        ]),
        prop::option::of(common::id()),
        (languages(), prop::option::of(cell_text()), coordinates()),
        prop::collection::vec(need(), 0..3),
        prop::option::of(prop::sample::select(vec![
            Gender::Female,
            Gender::Male,
            Gender::Other,
        ])),
        prop::collection::vec(
            prop::sample::select(vec![
                Credential::ChildProtectionCertificate,
                Credential::FirstAid,
                Credential::DrivingLicence,
                Credential::MentorTraining,
            ]),
            0..3,
        ),
        (
            tags(),
            tags(),
            prop::collection::vec(slot(), 0..3),
            prop::option::of(common::date()),
        ),
    )
        .prop_map(
            |(
                id,
                kind,
                title,
                (a, b),
                provider,
                volunteer,
                (languages, area, location),
                serves,
                gender,
                credentials,
                (industries, interests, availability, listed_on),
            )| {
                let mut o = Offer::new(id, kind, title, a.max(b));
                o.places_taken = a.min(b);
                o.provider = provider;
                o.volunteer = volunteer.map(Into::into);
                o.languages = languages;
                o.area = area;
                o.location = location;
                o.serves = serves;
                o.gender = gender;
                o.credentials = credentials;
                o.industries = industries;
                o.interests = interests;
                o.availability = availability;
                o.listed_on = listed_on;
                o
            },
        )
}

fn unique_ids<T>(items: Vec<T>, id: impl Fn(&T) -> String) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items.into_iter().filter(|x| seen.insert(id(x))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Writing and reading gives back the same households, whatever the cells hold.
    #[test]
    fn newcomers_round_trip(list in prop::collection::vec(newcomer(), 0..6)) {
        let list = unique_ids(list, |n| n.id.to_string());
        let csv = newcomers_to_csv(&list).unwrap();
        let back = check_newcomers_csv(&csv, &CsvOptions::default());
        prop_assert!(back.problems.iter().all(|p| p.severity != brobygger::Severity::Error), "{:?}", back.problems);
        prop_assert_eq!(back.newcomers, list.clone());
        // Every form for people reads back the same: CSV for Danish and English Excel, and
        // workbooks with Danish or program headings.
        for style in [SheetStyle::ExcelDa, SheetStyle::ExcelEn] {
            let text = import::newcomers_to_csv_styled(&list, style);
            let back = import::newcomers_from_csv_bytes(text.as_bytes(), &CsvOptions::default());
            prop_assert_eq!(back.as_ref().ok(), Some(&list), "{:?} {:?}", style, back);
        }
        for lang in [Some(Lang::Da), None] {
            let book = import::newcomers_to_xlsx(&list, lang).unwrap();
            let back = import::newcomers_from_csv_bytes(&book, &CsvOptions::default());
            prop_assert_eq!(back.as_ref().ok(), Some(&list), "{:?} {:?}", lang, back);
        }
    }

    /// Writing and reading gives back the same offers.
    #[test]
    fn offers_round_trip(list in prop::collection::vec(offer(), 0..6)) {
        let list = unique_ids(list, |o| o.id.to_string());
        let csv = offers_to_csv(&list).unwrap();
        let back = import::offers_from_csv(&csv, &CsvOptions::default()).unwrap();
        prop_assert_eq!(back, list.clone());
        for style in [SheetStyle::ExcelDa, SheetStyle::ExcelEn] {
            let text = import::offers_to_csv_styled(&list, style);
            let back = import::offers_from_csv_bytes(text.as_bytes(), &CsvOptions::default());
            prop_assert_eq!(back.as_ref().ok(), Some(&list), "{:?} {:?}", style, back);
        }
        for lang in [Some(Lang::Da), None] {
            let book = import::offers_to_xlsx(&list, lang).unwrap();
            let back = import::offers_from_csv_bytes(&book, &CsvOptions::default());
            prop_assert_eq!(back.as_ref().ok(), Some(&list), "{:?} {:?}", lang, back);
        }
    }

    /// No input makes reading panic, and every problem has a place in the file.
    #[test]
    fn any_text_is_read_without_panicking(text in "[a-z_,;\"\n:0-9.\\-]{0,200}") {
        let header = "id,arrival,languages,lat,lon,needs,availability\n";
        let r = check_newcomers_csv(&format!("{header}{text}"), &CsvOptions::default());
        for p in &r.problems {
            prop_assert!(p.line >= 1);
        }
        let _ = import::check_offers_csv(&text, &CsvOptions::default());
    }
}

// ---------------------------------------------------------------- formula injection (issue 18)

/// Every cell of a CSV export: none may start a formula unless it is a plain number.
fn assert_no_formula(csv_text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    for record in r.records() {
        for cell in record.unwrap().iter() {
            if let Some(c) = cell.chars().next()
                && brobygger::import::FORMULA_TRIGGERS.contains(&c)
            {
                assert!(cell.parse::<f64>().is_ok(), "formula cell {cell:?}");
            }
        }
    }
}

#[test]
fn every_csv_export_is_escaped_against_formula_injection() {
    let d = Dossier::example("ikast-brande").unwrap();
    let mut newcomers = d.cohorts[0].newcomers.clone();
    let mut offers = d.offers.clone();
    let mut rules = d.rule_sets[0].clone();
    for (k, t) in brobygger::import::FORMULA_TRIGGERS.iter().enumerate() {
        newcomers[k].area = Some(format!("{t}HYPERLINK(\"http://x\";\"klik\")"));
        offers[k].title = format!("{t}1+1");
        offers[k].area = Some(format!("{t}cmd|' /C calc'!A0"));
    }
    for r in &mut rules.rules {
        r.explanation.da = format!("=HYPERLINK(\"http://x\") {}", r.explanation.da);
        r.explanation.en = format!("@SUM(A1) {}", r.explanation.en);
    }
    let n_csv = newcomers_to_csv(&newcomers).unwrap();
    let o_csv = offers_to_csv(&offers).unwrap();
    assert_no_formula(&n_csv);
    assert_no_formula(&o_csv);
    // The guard comes off on reading: the profiles read back as they were.
    let back = import::newcomers_from_csv(&n_csv, &CsvOptions::default()).unwrap();
    assert_eq!(back, newcomers);
    let back = import::offers_from_csv(&o_csv, &CsvOptions::default()).unwrap();
    assert_eq!(back, offers);
    // The run's table: explanations and reasons come from rule authors' templates.
    let run = d
        .matching()
        .match_profiles(
            &rules,
            &d.cohorts[0].newcomers,
            &d.offers,
            brobygger::MatchOptions::new(brobygger::Solver::Optimal, "2016-04-01".parse().unwrap()),
        )
        .unwrap();
    for lang in [brobygger::Lang::Da, brobygger::Lang::En] {
        assert_no_formula(&brobygger::import::match_run_to_csv(&run, lang).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_in_any_cell_round_trips_and_never_starts_a_formula(
        area in any::<String>(),
        title in "[=+@\\t\\r'-]?.{0,12}",
    ) {
        let d = Dossier::example("ikast-brande").unwrap();
        let mut n = d.cohorts[0].newcomers[0].clone();
        let mut o = d.offers[0].clone();
        // Cells are trimmed on reading, and control characters other than tab are refused.
        let area = area.trim().replace(|c: char| c.is_control(), "");
        n.area = (!area.is_empty()).then_some(area);
        let title = title.trim().to_owned();
        prop_assume!(!title.is_empty() && !title.chars().any(char::is_control));
        o.title = title;
        let n_csv = newcomers_to_csv(std::slice::from_ref(&n)).unwrap();
        let o_csv = offers_to_csv(std::slice::from_ref(&o)).unwrap();
        assert_no_formula(&n_csv);
        assert_no_formula(&o_csv);
        let back = import::newcomers_from_csv(&n_csv, &CsvOptions::default()).unwrap();
        prop_assert_eq!(&back, &vec![n]);
        let back = import::offers_from_csv(&o_csv, &CsvOptions::default()).unwrap();
        prop_assert_eq!(&back, &vec![o]);
    }
}

/// A Danish coordinator's sheet (Danish headings and words, decimal commas, day-first dates)
/// saved with Windows line ends in Windows-1252, with old Mac line ends, and with Unix ones:
/// every problem is on the same line in all three (the first data row is line 2), and the
/// households read are the same.
#[test]
fn danish_sheets_read_alike_for_every_line_end() {
    let read = |name: &str| {
        let bytes = fs::read(dir().join(name)).unwrap();
        import::check_newcomers_csv_bytes(&bytes, &CsvOptions::default())
    };
    let lf = read("danish-lf-newcomers.csv");
    let where_ = |r: &import::NewcomersCsv| -> Vec<(String, u32, u32)> {
        r.problems
            .iter()
            .filter(|p| p.code != "import.decoded_windows_1252")
            .map(|p| (p.code.clone(), p.line, p.column))
            .collect()
    };
    assert_eq!(where_(&lf), [("import.invalid_date".to_owned(), 3, 2)]);
    for name in ["danish-crlf-newcomers.csv", "danish-cr-newcomers.csv"] {
        let other = read(name);
        assert_eq!(where_(&other), where_(&lf), "{name}");
        assert_eq!(other.newcomers, lf.newcomers, "{name}");
    }
    let ids: Vec<&str> = lf.newcomers.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["nc-2001", "nc-2003"]);
    let first = &lf.newcomers[0];
    assert_eq!(first.area.as_deref(), Some("Møldrup"));
    assert_eq!(first.location.map(|c| c.lat), Some(56.1268));
    assert_eq!(first.household.children_ages, [6, 9]);
    assert_eq!(first.needs.len(), 2);
    assert_eq!(
        import::newcomers_to_csv_styled(&lf.newcomers, SheetStyle::ExcelDa)
            .lines()
            .next(),
        Some(
            "\u{feff}Id;Ankomst;Integrationskontraktmøde;Venter siden;Område;Breddegrad;Længdegrad;Sprog;Voksne;Børns alder;Behov;Ønsker;Tilgængelighed;Brancher;Interesser;Pladsbehov;Samtykke givet;Samtykke ophører;Samtykke omfatter;Hjemmel;Hjemmel omfatter;Hjemmel kilde"
        )
    );
    let row = import::newcomers_to_csv_styled(&lf.newcomers, SheetStyle::ExcelDa);
    assert!(
        row.contains("nc-2001;11-01-2016;;;Møldrup;56,1268;9,178;\"ar:modersmål;da:A1\";2;\"6;9\";\"socialt netværk;lektiehjælp\";frivilligs køn:kvinde;\"lørdag:dagtid;onsdag:aften\";;;;"),
        "{row}"
    );
    // The same sheet as a workbook reads to the same households, and a problem in it is named
    // by sheet and cell.
    let book = import::newcomers_to_xlsx(&lf.newcomers, Some(Lang::Da)).unwrap();
    assert_eq!(
        import::newcomers_from_csv_bytes(&book, &CsvOptions::default()).unwrap(),
        lf.newcomers
    );
    let r = import::check_newcomers_csv_bytes(&book, &CsvOptions::named("nyankomne.xlsx"));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

/// A file that starts like a workbook but is not one (half written, or locked with a password:
/// an encrypted workbook is not a zip file at all) gives one clear problem, never a panic.
#[test]
fn a_broken_workbook_is_a_clear_problem() {
    let d = Dossier::example("ikast-brande").unwrap();
    let book = import::newcomers_to_xlsx(&d.cohorts[0].newcomers, None).unwrap();
    for cut in [4, book.len() / 2, book.len() - 1] {
        let r = import::check_newcomers_csv_bytes(&book[..cut], &CsvOptions::named("n.xlsx"));
        assert_eq!(r.problems.len(), 1, "{cut}");
        assert_eq!(r.problems[0].code, "import.unreadable_workbook");
        assert!(r.problems[0].text.en.contains("password"));
    }
    let options = CsvOptions {
        sheet: Some("Ark9".into()),
        ..CsvOptions::named("n.xlsx")
    };
    let r = import::check_newcomers_csv_bytes(&book, &options);
    assert_eq!(r.problems[0].code, "import.no_such_sheet");
    assert!(r.problems[0].text.en.ends_with("it has: newcomers."));
    // A bad cell in a workbook is named as the spreadsheet names it.
    let mut list = d.cohorts[0].newcomers.clone();
    list[1].id = list[0].id.clone();
    let book = import::newcomers_to_xlsx(&list, Some(Lang::Da)).unwrap();
    let r = import::check_newcomers_csv_bytes(&book, &CsvOptions::named("n.xlsx"));
    assert_eq!(r.problems[0].location(), "n.xlsx[Nyankomne]!A3 (id)");
}

/// Seat kinds are words like any other: Danish in the Danish Excel form and workbook
/// (`voksne:2;børn:3/1`), the key in the program form, a custom kind by its id, and every form
/// reads back to the same offers and households.
#[test]
fn seat_kinds_are_written_in_the_sheets_language() {
    use brobygger::matching::{SeatKind, SeatNeed, Seats};
    let d = Dossier::example("ikast-brande").unwrap();
    let mut offer = d.offers[0].clone();
    let seats = |seat, capacity, taken| Seats {
        seat,
        capacity,
        taken,
    };
    offer.seats = vec![
        seats(SeatKind::Adults, 2, 0),
        seats(SeatKind::Children, 3, 1),
        seats(SeatKind::SchoolPlaces, 1, 0),
        seats(SeatKind::People, 4, 0),
        seats(SeatKind::Custom { id: "rooms".into() }, 2, 0),
    ];
    let offers = vec![offer];
    let da = import::offers_to_csv_styled(&offers, SheetStyle::ExcelDa);
    assert!(
        da.contains("voksne:2;børn:3/1;skolepladser:1;personer:4;rooms:2"),
        "{da}"
    );
    assert!(!da.contains("adults") && !da.contains("children"), "{da}");
    let en = import::offers_to_csv_styled(&offers, SheetStyle::ExcelEn);
    assert!(
        en.contains("adults:2;children:3/1;school_places:1;people:4;rooms:2"),
        "{en}"
    );
    for text in [da, en, offers_to_csv(&offers).unwrap()] {
        let back = import::offers_from_csv_bytes(text.as_bytes(), &CsvOptions::default());
        assert_eq!(back.as_ref().ok(), Some(&offers), "{text}");
    }
    let book = import::offers_to_xlsx(&offers, Some(Lang::Da)).unwrap();
    assert_eq!(
        import::offers_from_csv_bytes(&book, &CsvOptions::default()).unwrap(),
        offers
    );

    let mut household = d.cohorts[0].newcomers[0].clone();
    household.seat_needs = vec![
        SeatNeed {
            seat: SeatKind::Children,
            count: 2,
        },
        SeatNeed {
            seat: SeatKind::Custom { id: "rooms".into() },
            count: 1,
        },
    ];
    let list = vec![household];
    let da = import::newcomers_to_csv_styled(&list, SheetStyle::ExcelDa);
    assert!(da.contains("\"børn:2;rooms:1\""), "{da}");
    let back = import::newcomers_from_csv_bytes(da.as_bytes(), &CsvOptions::default());
    assert_eq!(back.as_ref().ok(), Some(&list));
}
