#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The association directory (003, Hillerød's list of ethnic minority associations): the
//! register built from a dossier, search and filter, the spreadsheet, the HSDS 3.0.1 export
//! (golden file; `tests/python/test_hsds.py` validates it against the published JSON Schema)
//! and the checks that keep personal data out of it.

mod common;

use brobygger::directory::{
    Directory, DirectoryEntry, DirectoryOptions, DirectoryQuery, HsdsOptions, MatchedField,
    PublicContact, Visibility, directory_from_csv, directory_to_csv,
};
use brobygger::matching::Weekday;
use brobygger::*;
use proptest::prelude::*;

fn horsens() -> Dossier {
    Dossier::example("horsens").unwrap()
}

const LAWAN: &str = "DK-LOCAL-lawan-horsens";
const DRC: &str = "DK-LOCAL-dansk-flygtningehjaelp";

#[test]
fn the_register_lists_every_association_with_its_entry() {
    let d = horsens();
    let dir = d.directory().build(DirectoryOptions::default());
    assert_eq!(dir.associations.len(), 2);
    let lawan = dir.association(&LAWAN.into()).unwrap();
    assert!(lawan.listed);
    assert_eq!(lawan.visibility, Visibility::Public);
    assert_eq!(lawan.kind, OrganisationKind::EthnicMinorityAssociation);
    assert_eq!(lawan.offers.len(), 2);
    assert_eq!(lawan.languages, ["ku", "ar", "da"]);
    // The contact is a post's title, never its holder.
    let post = lawan.contact_post.as_ref().unwrap();
    assert_eq!(post.title, "Formand, LAWAN Horsens");
    assert_eq!(post.vacant, None);
    let drc = dir.association(&DRC.into()).unwrap();
    assert_eq!(drc.visibility, Visibility::Internal);
    // Danish alphabetical order: "Dansk" before "LAWAN".
    assert_eq!(dir.associations[0].organisation.as_str(), DRC);
}

#[test]
fn a_register_as_of_a_day_tells_vacant_posts() {
    let d = horsens();
    let day = chrono::NaiveDate::from_ymd_opt(2017, 6, 1).unwrap();
    let dir = d.directory().build(day);
    let lawan = dir.association(&LAWAN.into()).unwrap();
    assert_eq!(lawan.contact_post.as_ref().unwrap().vacant, Some(false));
    let before = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let dir = d.directory().build(before);
    let lawan = dir.association(&LAWAN.into()).unwrap();
    assert_eq!(lawan.contact_post.as_ref().unwrap().vacant, Some(true));
}

#[test]
fn an_organisation_without_an_entry_shows_its_profile_unless_listed_only() {
    let mut d = horsens();
    d.directory.retain(|e| e.organisation.as_str() == LAWAN);
    let all = d.directory().build(DirectoryOptions::default());
    let drc = all.association(&DRC.into()).unwrap();
    assert!(!drc.listed);
    assert!(drc.offers.is_empty());
    let listed = d.directory().build(DirectoryOptions {
        as_of: None,
        listed_only: true,
    });
    assert_eq!(listed.associations.len(), 1);
}

#[test]
fn search_finds_in_any_case_and_inflection() {
    let d = horsens();
    for text in [
        "flygtningebørn",
        "FLYGTNINGEBØRNENE",
        "kurdisk",
        "Kurdish",
        "aktiviteter for flygtningeboern",
        "netværksmøder",
    ] {
        let hits = d
            .directory()
            .search(&DirectoryQuery::text(text), DirectoryOptions::default());
        assert_eq!(hits.len(), 1, "{text}");
        assert_eq!(hits[0].association.organisation.as_str(), LAWAN, "{text}");
        assert!(hits[0].score > 0);
    }
    let hits = d
        .directory()
        .search(&DirectoryQuery::text("LAWAN"), DirectoryOptions::default());
    assert_eq!(hits[0].matched[0], MatchedField::Name);
    let none = d.directory().search(
        &DirectoryQuery::text("fodbold"),
        DirectoryOptions::default(),
    );
    assert!(none.is_empty());
}

#[test]
fn filters_narrow_the_offers() {
    let d = horsens();
    let q = DirectoryQuery {
        languages: vec!["ku".into()],
        days: vec![Weekday::Wednesday],
        ..DirectoryQuery::default()
    };
    let hits = d.directory().search(&q, DirectoryOptions::default());
    assert_eq!(hits.len(), 1);
    let offers: Vec<_> = hits[0]
        .association
        .offers
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(offers, ["lawan-children"]);
    let q = DirectoryQuery {
        days: vec![Weekday::Friday],
        ..DirectoryQuery::default()
    };
    assert!(
        d.directory()
            .search(&q, DirectoryOptions::default())
            .is_empty()
    );
    let q = DirectoryQuery::ethnic_minority_associations();
    let hits = d.directory().search(&q, DirectoryOptions::default());
    assert_eq!(hits.len(), 1);
    let q = DirectoryQuery {
        visibility: Some(Visibility::Internal),
        ..DirectoryQuery::default()
    };
    let hits = d.directory().search(&q, DirectoryOptions::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].association.organisation.as_str(), DRC);
}

#[test]
fn the_hsds_export_matches_its_golden_file() {
    let d = horsens();
    let json = d.directory().hsds_json(Lang::Da).unwrap();
    common::golden(&common::fixtures().join("hsds/horsens.json"), &json);
    let json = d
        .directory()
        .hsds_json(HsdsOptions {
            lang: Lang::En,
            include_internal: true,
        })
        .unwrap();
    common::golden(
        &common::fixtures().join("hsds/horsens-internal-en.json"),
        &json,
    );
}

#[test]
fn the_hsds_export_holds_public_entries_and_no_personal_data() {
    let d = horsens();
    let public = d.directory().hsds(Lang::Da);
    assert_eq!(public.len(), 1);
    assert_eq!(public[0].name, "LAWAN Horsens");
    assert_eq!(public[0].services.len(), 2);
    let internal = d.directory().hsds(HsdsOptions {
        lang: Lang::Da,
        include_internal: true,
    });
    assert_eq!(internal.len(), 2);
    for lang in [Lang::Da, Lang::En] {
        let json = d
            .directory()
            .hsds_json(HsdsOptions {
                lang,
                include_internal: true,
            })
            .unwrap();
        for p in &d.people {
            assert!(!json.contains(&p.name), "a person's name in the export");
            assert!(!json.contains(p.id.as_str()), "a person's id in the export");
            if let Some(e) = &p.email {
                assert!(
                    !json.contains(e.as_str()),
                    "a person's e-mail in the export"
                );
            }
            if let Some(ph) = &p.phone {
                assert!(
                    !json.contains(ph.as_str()),
                    "a person's phone in the export"
                );
            }
        }
    }
}

#[test]
fn a_champion_never_reaches_the_register_or_the_export() {
    let mut d = horsens();
    let mut champion = d.organisations[0].clone();
    champion.id = "DK-LOCAL-ildsjael".into();
    champion.kind = OrganisationKind::Champion;
    champion.name = "Fatima Hansen".into();
    d.organisations.push(champion);
    let mut entry = DirectoryEntry::new("DK-LOCAL-ildsjael");
    entry.visibility = Visibility::Public;
    d.directory.push(entry);
    let dir = d.directory().build(DirectoryOptions::default());
    assert!(dir.association(&"DK-LOCAL-ildsjael".into()).is_none());
    let json = d
        .directory()
        .hsds_json(HsdsOptions {
            lang: Lang::Da,
            include_internal: true,
        })
        .unwrap();
    assert!(!json.contains("Fatima"));
    let codes: Vec<_> = d.validate().into_iter().map(|f| f.code).collect();
    assert!(
        codes.contains(&"directory.individual_listed".to_owned()),
        "{codes:?}"
    );
}

#[test]
fn validation_reports_every_directory_problem_with_a_path() {
    let mut d = horsens();
    let person_email = d.people[0].email.clone().unwrap();
    let e = &mut d.directory[0];
    e.contact = PublicContact {
        email: Some(person_email),
        phone: None,
        website: Some("lawan.example".into()),
    };
    e.languages.push("kurdish".into());
    e.offers[0].schedule[0].closes = brobygger::directory::ClockTime::new(15, 0);
    e.offers[1].schedule[0].days.clear();
    e.contact_post = Some("no-such-post".into());
    let dup = d.directory[1].clone();
    d.directory.push(dup);
    let found: Vec<(String, String)> = d
        .validate()
        .into_iter()
        .filter(|f| f.path.to_string().starts_with("directory"))
        .map(|f| (f.code, f.path.to_string()))
        .collect();
    for (code, path) in [
        ("directory.personal_contact", "directory[0].contact.email"),
        ("directory.bad_website", "directory[0].contact.website"),
        ("directory.bad_language", "directory[0].languages[3]"),
        (
            "directory.closes_before_opens",
            "directory[0].offers[0].schedule[0]",
        ),
        (
            "directory.schedule_without_days",
            "directory[0].offers[1].schedule[0].days",
        ),
        ("validation.dangling_reference", "directory[0].contact_post"),
        ("directory.duplicate_entry", "directory[2].organisation"),
    ] {
        assert!(
            found.iter().any(|(c, p)| c == code && p.starts_with(path)),
            "{code} at {path} not in {found:?}"
        );
    }
    // The finding never repeats the personal address it refuses.
    let email = d.people[0].email.clone().unwrap();
    for f in d.validate() {
        assert!(!f.text.da.contains(&email) && !f.text.en.contains(&email));
    }
}

#[test]
fn the_example_validates_without_directory_findings() {
    let d = horsens();
    let f: Vec<_> = d
        .validate()
        .into_iter()
        .filter(|f| f.path.to_string().starts_with("directory"))
        .collect();
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn the_spreadsheet_round_trips_the_register() {
    let d = horsens();
    let dir = d.directory().build(DirectoryOptions::default());
    let csv = directory_to_csv(&dir);
    let back = directory_from_csv(&csv);
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.directory.associations.len(), dir.associations.len());
    for (a, b) in dir.associations.iter().zip(&back.directory.associations) {
        assert_eq!(a.organisation, b.organisation);
        assert_eq!(a.name, b.name);
        assert_eq!(a.kind, b.kind);
        assert_eq!(a.visibility, b.visibility);
        assert_eq!(a.languages, b.languages);
        assert_eq!(a.premises, b.premises);
        // The spreadsheet holds a rule's days, times, recurrence and first day, not its note.
        let rules = |o: &brobygger::directory::DirectoryOffer| {
            o.schedule
                .iter()
                .map(|r| {
                    (
                        r.days.clone(),
                        r.recurrence,
                        r.opens,
                        r.closes,
                        r.valid_from,
                    )
                })
                .collect::<Vec<_>>()
        };
        let ao: Vec<_> = a
            .offers
            .iter()
            .map(|o| (&o.id, &o.name, o.kind, rules(o)))
            .collect();
        let bo: Vec<_> = b
            .offers
            .iter()
            .map(|o| (&o.id, &o.name, o.kind, rules(o)))
            .collect();
        assert_eq!(ao, bo);
    }
    // Written again, it is the same file.
    assert_eq!(directory_to_csv(&back.directory), csv);
}

#[test]
fn a_danish_spreadsheet_reads_with_danish_headers_and_labels() {
    let csv = "forening;foreningstype;sprog;tilbud;aktivitetstype;ugedage;åbner;lukker\n\
               Somalisk Kvindeforening;etnisk minoritetsforening;so;Kvindegruppe;kvindegruppe;tirsdag;17.00;19:00\n\
               Somalisk Kvindeforening;etnisk minoritetsforening;so;Lektiecafé;lektiecafé;torsdag;16:00;18:00\n";
    let read = directory_from_csv(csv);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let a = &read.directory.associations[0];
    assert_eq!(a.kind, OrganisationKind::EthnicMinorityAssociation);
    assert_eq!(a.offers.len(), 2);
    let hits = read
        .directory
        .search(&DirectoryQuery::text("kvindegrupper"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].matched[0], MatchedField::OfferName);
    let q = DirectoryQuery {
        days: vec![Weekday::Thursday],
        ..DirectoryQuery::text("somalisk")
    };
    let hits = read.directory.search(&q);
    let offers: Vec<_> = hits[0]
        .association
        .offers
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(offers, ["Lektiecafé"]);
}

#[test]
fn a_bad_spreadsheet_reports_every_problem_with_its_row() {
    let csv = "organisation,organisation_kind,languages,offer,days,opens\n\
               A,ethnic_minority_association,xx-not-a-code,Café,tuesday,25:00\n\
               B,no_such_kind,ar,Café,someday,16:00\n";
    let read = directory_from_csv(csv);
    let paths: Vec<String> = read.problems.iter().map(|f| f.path.to_string()).collect();
    assert!(paths.len() >= 4, "{paths:?}");
    assert!(
        paths
            .iter()
            .any(|p| p.contains("[2]") && p.contains("languages")),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .any(|p| p.contains("[2]") && p.contains("opens")),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .any(|p| p.contains("[3]") && p.contains("organisation_kind")),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .any(|p| p.contains("[3]") && p.contains("days")),
        "{paths:?}"
    );
}

#[test]
fn a_dossier_without_a_directory_still_loads() {
    let mut v: serde_json::Value = serde_json::from_str(Example::Horsens.json()).unwrap();
    v.as_object_mut().unwrap().remove("directory");
    let d = Dossier::from_json(&v.to_string()).unwrap();
    assert!(d.directory.is_empty());
    assert_eq!(d.directory().hsds(Lang::Da).len(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any spreadsheet text: no panic, and every problem has a path.
    #[test]
    fn any_spreadsheet_reads_without_panic(s in any::<String>()) {
        let read = directory_from_csv(&s);
        for p in &read.problems {
            prop_assert!(!p.path.to_string().is_empty());
        }
    }

    /// Any query text: no panic; a hit's offers always pass the filters.
    #[test]
    fn any_query_searches_without_panic(s in "\\PC{0,30}") {
        let d = horsens();
        let hits = d.directory().search(&DirectoryQuery::text(s), DirectoryOptions::default());
        prop_assert!(hits.len() <= 2);
    }
}

#[test]
fn the_directory_presents_as_tables_and_a_document_in_both_languages() {
    use brobygger::present::Present;
    let d = horsens();
    let dir = d.directory().build(DirectoryOptions::default());
    let tables = dir.tables(Lang::Da);
    let names: Vec<_> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["directory", "directory_offers"]);
    assert_eq!(tables[0].rows.len(), 2);
    assert_eq!(tables[1].rows.len(), 2);
    for t in &tables {
        assert!(brobygger::TABLE_NAMES.contains(&t.name.as_str()));
        let empty = brobygger::empty_table(&t.name).unwrap();
        assert_eq!(empty.columns, t.columns, "{}", t.name);
    }
    assert_eq!(
        dir.title(Lang::Da),
        "Foreningsfortegnelse (2 foreninger, 2 tilbud)"
    );
    assert_eq!(
        dir.title(Lang::En),
        "Association directory (2 associations, 2 offers)"
    );
    let one = Directory::from_hits(
        d.directory()
            .search(&DirectoryQuery::text("lawan"), DirectoryOptions::default()),
    );
    assert_eq!(
        one.title(Lang::Da),
        "Foreningsfortegnelse (1 forening, 2 tilbud)"
    );
    assert_eq!(
        one.title(Lang::En),
        "Association directory (1 association, 2 offers)"
    );
    let md = dir.present(brobygger::present::Format::Markdown, Lang::Da);
    assert!(
        md.contains("onsdag 16:00–18:00 (ikke i skolernes ferier)"),
        "{md}"
    );
    assert!(md.contains("første tirsdag i måneden 19:00–21:00"), "{md}");
    assert!(md.contains("Kontakt: Formand, LAWAN Horsens"), "{md}");
    let en = dir.present(brobygger::present::Format::Text, Lang::En);
    assert!(en.contains("Wednesday 16:00–18:00"), "{en}");
    assert!(en.contains("first Tuesday of the month"), "{en}");
    for p in &d.people {
        assert!(!md.contains(&p.name) && !en.contains(&p.name));
    }
    let html = dir.present(brobygger::present::Format::Html, Lang::Da);
    assert!(html.contains("<html") && html.contains("LAWAN Horsens"));
}
