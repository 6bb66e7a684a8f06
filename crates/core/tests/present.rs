//! The presentation layer end to end: every result's tables and documents from the one home,
//! in both languages, on the built-in examples.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use brobygger::Lang;
use brobygger::matching::{MatchOptions, MatchRequest, MatchRun, Solver};
use brobygger::present::page_fragment as fragment;
use brobygger::present::{Format, Present};
use brobygger::{AgreementId, Dossier, RoleOptions};

fn ikast_run() -> (Dossier, MatchRun) {
    let d = Dossier::example("ikast-brande").unwrap();
    let run = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: MatchOptions::new(Solver::Optimal, "2016-04-01".parse().unwrap()),
        })
        .unwrap();
    (d, run)
}

#[test]
fn a_match_run_shows_its_outcome_with_ids_only() {
    let (d, run) = ikast_run();
    let en = run.present(Format::HtmlFragment, Lang::En);
    let da = run.present(Format::HtmlFragment, Lang::Da);
    for m in &run.matches {
        assert!(en.contains(m.newcomer.as_str()) && en.contains(m.offer.as_str()));
    }
    assert_eq!(run.unmatched.len(), 28);
    assert!(en.contains("<h2>Not matched</h2>") && da.contains("<h2>Uden match</h2>"));
    assert!(
        da.contains("Matchet 20 af 48 · pointsum 108,51 · gennemsnit 5,43 point"),
        "{da}"
    );
    assert!(
        en.contains("Matched 20 of 48 · total score 108.51 · mean 5.43"),
        "{en}"
    );
    assert!(en.contains("<h2>Demand no offer meets</h2>"));
    // Exact coordinates of households never appear.
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("56.1268") && !en.contains("56.1268"));
    // The CSV of the CLI is the outcome table, with its documented header.
    let csv = brobygger::import::match_run_to_csv(&run, Lang::En).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some(brobygger::import::MATCH_RUN_COLUMNS.join(",").as_str())
    );
    assert!(csv.contains("nc-5120-7741,unmatched,,,74,the rule 'common-language'"));
    // Every table has one cell per column in every row.
    for table in run.tables(Lang::Da) {
        assert!(
            table.rows.iter().all(|r| r.len() == table.columns.len()),
            "{}",
            table.name
        );
    }
    let names: Vec<String> = run.tables(Lang::En).into_iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "match_outcome",
            "matches",
            "match_rules",
            "unmatched",
            "unmet_demand",
            "unused_offers",
            "match_statistics",
            "alternatives",
            "why_not"
        ]
    );
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = start + s[start..].find(close)?;
    Some(&s[start..end])
}

fn assert_scoped(fragment: &str) {
    assert!(fragment.starts_with("<div class=\"bb-page\" lang=\"en\">"));
    assert!(
        !fragment.contains("<body") && !fragment.contains("<html") && !fragment.contains("<head")
    );
    let css = between(fragment, "<style>", "</style>").unwrap_or_default();
    assert!(!css.is_empty());
    for rule in css.split('}').filter(|r| r.contains('{')) {
        let selectors = rule.split('{').next().unwrap_or_default();
        for sel in selectors.split(',') {
            assert!(
                sel.trim().starts_with(".bb-page"),
                "unscoped selector {sel:?}"
            );
        }
    }
}

#[test]
fn library_pages_become_scoped_fragments() {
    let horsens = Dossier::example("horsens").unwrap();
    let id = AgreementId::new("horsens-lawan");
    let matrix = horsens.roles(&id).matrix(RoleOptions::default()).unwrap();
    let page = matrix.html(Lang::En);
    let f = fragment(&page);
    assert_scoped(&f);
    // The body's content is kept whole (up to the fragment's own closing tag: the page has
    // boxes of its own, e.g. the scrolling box around the matrix).
    let inside = f
        .split_once("</style>\n")
        .and_then(|(_, rest)| rest.strip_suffix("</div>\n"));
    assert_eq!(
        inside.map(str::trim),
        between(&page, "<body>", "</body>").map(str::trim)
    );
    let alignment = horsens.checklists().alignments(&id).unwrap().remove(0);
    assert_scoped(&fragment(
        &alignment.render(brobygger::Format::Html, Lang::En),
    ));
}

/// Every table of every result of the examples, in both languages: the columns the one list
/// names (what Python builds an empty DataFrame from), and one cell of the column's type per
/// column in every row.
#[test]
fn every_result_table_has_the_columns_the_list_names() {
    use brobygger::present::{Cell, ColumnType, Table};
    use brobygger::{TABLE_NAMES, empty_table};
    let mut seen = std::collections::BTreeSet::new();
    let mut check = |t: Table| {
        let empty = empty_table(&t.name).unwrap_or_else(|| panic!("{} is not listed", t.name));
        assert_eq!(t.columns, empty.columns, "{}", t.name);
        for row in &t.rows {
            assert_eq!(row.len(), t.columns.len(), "{}", t.name);
            for (cell, col) in row.iter().zip(&t.columns) {
                let ok = match (cell, col.kind) {
                    (Cell::Missing, _) => col.optional,
                    (Cell::Text { .. }, ColumnType::Text)
                    | (Cell::Integer { .. }, ColumnType::Integer)
                    | (Cell::Decimal { .. }, ColumnType::Decimal)
                    | (Cell::Date { .. }, ColumnType::Date)
                    | (Cell::Bool { .. }, ColumnType::Bool)
                    | (Cell::TextList { .. }, ColumnType::List) => true,
                    _ => false,
                };
                assert!(ok, "{}.{}: {cell:?}", t.name, col.name);
            }
        }
        seen.insert(t.name.clone());
    };
    let as_of = "2017-06-30".parse().unwrap();
    for lang in [Lang::Da, Lang::En] {
        for e in brobygger::Example::ALL {
            let d = e.dossier().unwrap();
            for a in d.assessment().assess_all(as_of) {
                a.tables(lang).into_iter().for_each(&mut check);
            }
            for a in &d.agreements {
                let m = d.roles(&a.id).matrix(RoleOptions::default()).unwrap();
                m.tables(lang).into_iter().for_each(&mut check);
                for al in d.checklists().alignments(&a.id).unwrap() {
                    al.tables(lang).into_iter().for_each(&mut check);
                }
                for s in d.surveys().rounds(&a.id) {
                    check(
                        brobygger::assessment::survey_shares_table(&d, std::slice::from_ref(&s.id))
                            .unwrap(),
                    );
                }
            }
            let reminders = d
                .reminders()
                .due(as_of, brobygger::ReminderOptions::horizon(30));
            let list = brobygger::ReminderList {
                as_of,
                horizon_days: 30,
                reminders: &reminders,
            };
            list.tables(lang).into_iter().for_each(&mut check);
            d.validate()
                .as_slice()
                .tables(lang)
                .into_iter()
                .for_each(&mut check);
            check(d.privacy().manifest(None, None).tables(lang).remove(0));
            d.directory()
                .build(brobygger::directory::DirectoryOptions::default())
                .tables(lang)
                .into_iter()
                .for_each(&mut check);
            d.meetings()
                .minutes("2017-06-30".parse().unwrap(), None)
                .unwrap()
                .tables(lang)
                .into_iter()
                .for_each(&mut check);
        }
        let (d, run) = ikast_run();
        run.tables(lang).into_iter().for_each(&mut check);
        let over_time = Dossier::from_json(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../tests/fixtures/matching/ikast-relationships.dossier.json"),
            )
            .unwrap(),
        )
        .unwrap();
        let on = "2016-09-10".parse().unwrap();
        let table = brobygger::matching::relationships_table(&over_time, on, lang);
        assert_eq!(table.rows.len(), 2);
        check(table);
        let events = brobygger::matching::relationship_events_table(&over_time, lang);
        assert!(events.rows.len() >= 4);
        check(events);
        check(
            brobygger::matching::introductions_table(
                &d,
                &"ikast-2016-q1".into(),
                "2016-03-20".parse().unwrap(),
                lang,
            )
            .unwrap(),
        );
        // A municipality's answers beside KL 2015, and a cohort's outcomes (no records: empty
        // cells, the columns still checked).
        let kl = brobygger::assessment::kl_2015().unwrap();
        let rows = brobygger::assessment::compare_with_national(
            &kl,
            &[brobygger::assessment::OwnAnswer::new(
                "housing_placement",
                "high",
            )],
        )
        .unwrap();
        brobygger::assessment::NationalComparison {
            reference: kl,
            rows,
        }
        .tables(lang)
        .into_iter()
        .for_each(&mut check);
        d.outcomes()
            .cohort_view(
                &"ikast-2016-q1".into(),
                brobygger::outcomes::OutcomeOptions::as_of("2017-01-01".parse().unwrap()),
            )
            .unwrap()
            .tables(lang)
            .into_iter()
            .for_each(&mut check);
        // A survey round for people, with the changes since the earlier round.
        d_aalborg_view(lang).into_iter().for_each(&mut check);
        // A store's tables are filled by crate brobygger-store (its unit test checks their
        // cells against these columns); here, that the core names and makes them.
        check(brobygger::audit_log_table());
        check(brobygger::history_table());
        let aalborg = Dossier::example("aalborg").unwrap();
        check(
            brobygger::assessment::survey_changes_table(
                &aalborg,
                &"aalborg-lbb-2015".into(),
                &"aalborg-lbb-2016".into(),
            )
            .unwrap(),
        );
    }
    let listed: std::collections::BTreeSet<String> =
        TABLE_NAMES.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        seen, listed,
        "a listed table no example result makes, or the reverse"
    );
}

/// Every Danish text for people the built-in examples make (tables of data, whose cells hold
/// vocabulary values as files write them, are left out): summaries, validation, assessments, reports,
/// health overviews, role matrices and their changes, checklist comparisons and overviews,
/// reminders, a match run explained (text and CSV), introductions, the privacy review and the
/// disclosure manifest. Each piece is labelled with where it came from.
fn danish_corpus() -> Vec<(String, String)> {
    use brobygger::matching::MatchRunReport;
    use brobygger::{Format, ReportOptions, SummaryOptions};
    let da = Lang::Da;
    let mut out: Vec<(String, String)> = Vec::new();
    for e in brobygger::Example::ALL {
        let d = e.dossier().unwrap();
        let name = e.name();
        let day = e.reference_date();
        out.push((format!("{name} summary"), d.summary(da)));
        out.push((
            format!("{name} summary as of"),
            d.summary(SummaryOptions {
                lang: da,
                as_of: Some(day),
            }),
        ));
        for f in d.validate() {
            out.push((format!("{name} finding {}", f.code), f.render(da)));
        }
        out.push((
            format!("{name} health"),
            d.assessment().health_summary(day, da),
        ));
        out.push((format!("{name} checklists"), d.checklists().summary(da)));
        for a in &d.agreements {
            let id = &a.id;
            let opts = ReportOptions::new(day, da, Format::Markdown);
            out.push((
                format!("{name} report {id}"),
                d.assessment().report(id, opts).unwrap(),
            ));
            let assessment = d.assessment().assess(id, day).unwrap();
            out.push((
                format!("{name} assessment {id}"),
                assessment.render(da, Format::Markdown),
            ));
            let m = d.roles(id).matrix(RoleOptions::default()).unwrap();
            out.push((format!("{name} roles {id}"), m.markdown(da)));
            let versions: Vec<u32> = a.versions.iter().map(|v| v.number).collect();
            if let [.., before, after] = versions.as_slice() {
                out.push((
                    format!("{name} role diff {id}"),
                    d.roles(id).describe_diff(*before, *after, da).unwrap(),
                ));
            }
            for al in d.checklists().alignments(id).unwrap() {
                out.push((
                    format!("{name} checklist {id} {}", al.template),
                    al.render(Format::Markdown, da),
                ));
            }
        }
        let reminders = d
            .reminders()
            .due(day, brobygger::ReminderOptions::horizon(30));
        let list = brobygger::ReminderList {
            as_of: day,
            horizon_days: 30,
            reminders: &reminders,
        };
        out.push((format!("{name} reminders"), list.present(Format::Text, da)));
        for f in d
            .privacy()
            .review(day, brobygger::privacy::ReviewOptions { warn_days: 30 })
        {
            out.push((format!("{name} privacy {}", f.code), f.render(da)));
        }
        for e in d.privacy().manifest(None, None).entries {
            out.push((format!("{name} manifest"), e.reason.get(da).to_owned()));
        }
        for c in &d.cohorts {
            let on = day;
            for s in d.matching().introduction_status(&c.id, on).unwrap() {
                out.push((
                    format!("{name} introduction {}", s.newcomer),
                    s.text.get(da).to_owned(),
                ));
            }
            for f in d.matching().introductions_due(&c.id, on).unwrap() {
                out.push((format!("{name} introduction due"), f.render(da)));
            }
        }
    }
    let (d, run) = ikast_run();
    let report = MatchRunReport {
        run: &run,
        offers: &d.offers,
        explain: true,
    };
    out.push(("match run".into(), report.present(Format::Text, da)));
    for day in ["2016-02-01", "2016-03-01", "2016-04-01", "2016-06-01"] {
        let on = day.parse().unwrap();
        let reminders = d
            .reminders()
            .due(on, brobygger::ReminderOptions::horizon(14));
        let list = brobygger::ReminderList {
            as_of: on,
            horizon_days: 14,
            reminders: &reminders,
        };
        out.push((
            format!("ikast reminders {day}"),
            list.present(Format::Text, da),
        ));
        out.push((
            format!("ikast health {day}"),
            d.assessment().health_summary(on, da),
        ));
    }
    out
}

/// Words that are English vocabulary values or labels where the Danish label differs: a
/// Danish sentence must use the Danish label.
fn english_vocabulary() -> Vec<String> {
    let da = brobygger::vocabulary(Lang::Da);
    let en = brobygger::vocabulary(Lang::En);
    let danish: std::collections::HashSet<String> =
        da.iter().map(|e| e.label.to_lowercase()).collect();
    let mut words = Vec::new();
    for (d, e) in da.iter().zip(&en) {
        assert_eq!((&d.vocabulary, &d.value), (&e.vocabulary, &e.value));
        if d.label.to_lowercase() != d.value.replace('_', " ") {
            for w in [&d.value, &e.label] {
                let w = w.to_lowercase();
                // A word a Danish label also uses (`info`, `jobcenter`) is Danish too.
                if !danish.contains(&w) && !w.contains(' ') && w.len() > 3 {
                    words.push(w);
                }
            }
        }
    }
    words.sort();
    words.dedup();
    words
}

/// Fails on Danish texts that read as machine text: `(e)`/`(er)` plural hacks, numbers with a
/// decimal point, English vocabulary values in Danish sentences.
#[test]
fn danish_texts_read_as_a_dane_wrote_them() {
    let corpus = danish_corpus();
    if let Some(path) = std::env::var_os("BROBYGGER_DANISH_CORPUS") {
        let all: Vec<String> = corpus
            .iter()
            .map(|(k, v)| format!("===== {k}\n{v}"))
            .collect();
        std::fs::write(path, all.join("\n")).unwrap();
    }
    let plural_hack = regex_lite(r"(e)|(er)|(r)|(n)|(ne)|(s)");
    // Texts the issue named, each a kind of mistake: gender agreement, a vocabulary value in a
    // Danish sentence, a meeting that "met".
    let named = [
        "gyldig regelsæt",
        "niveau native",
        "skulle have mødtes",
        "kender branchen",
        "samlet point",
        "skal anonymisér",
        "fund fra matching",
    ];
    let english = english_vocabulary();
    // Proper names keep their own words (Business Esbjerg, 004): a word of an organisation's
    // name, written as in the name, is not a vocabulary value.
    let proper: std::collections::HashSet<String> = brobygger::Example::ALL
        .iter()
        .flat_map(|e| e.dossier().unwrap().organisations)
        .flat_map(|o| {
            o.name
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut problems = Vec::new();
    for (label, text) in &corpus {
        for line in text.lines().filter(|l| !l.starts_with("<!--")) {
            let prose = prose_of(line);
            for hack in &plural_hack {
                if let Some(i) = prose.find(hack.as_str())
                    && prose[..i].chars().last().is_some_and(char::is_alphabetic)
                {
                    problems.push(format!("{label}: plural hack {hack}: {line}"));
                }
            }
            for phrase in named {
                if prose.contains(phrase) {
                    problems.push(format!("{label}: {phrase:?}: {line}"));
                }
            }
            if let Some(n) = decimal_point(&prose) {
                problems.push(format!("{label}: decimal point in {n}: {line}"));
            }
            for word in prose
                .split_whitespace()
                // Ids, keys and paths (`joint-expectations`, `consent:c-1`, `offers[9].x`).
                .filter(|w| !w.contains(['-', ':', '[', '.', '/', '\'', '\\']) || w.ends_with('.'))
                .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_')))
                .filter(|w| !w.is_empty() && !w.contains(['-', ':', '[', '.']))
            {
                let w = word.to_lowercase();
                if w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    problems.push(format!("{label}: code value {word}: {line}"));
                } else if english.binary_search(&w).is_ok() && !proper.contains(word) {
                    problems.push(format!("{label}: English word {word}: {line}"));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} Danish texts read as machine text:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A line without what is not prose: code spans, and ids in single quotes (`'vvv-ikast'`).
fn prose_of(line: &str) -> String {
    let no_code: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let mut quoted = false;
    let chars: Vec<char> = no_code.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // An opening quote follows a space or `(`; a closing one precedes a space or punctuation.
        let before = i.checked_sub(1).map(|j| chars[j]);
        if c == '\'' && !quoted && before.is_none_or(|b| b == ' ' || b == '(') {
            quoted = true;
            continue;
        }
        if c == '\'' && quoted {
            quoted = false;
            out.push_str(" ID ");
            continue;
        }
        if !quoted {
            out.push(c);
        }
    }
    out
}

/// The plural hacks, as literal strings.
fn regex_lite(alternatives: &str) -> Vec<String> {
    alternatives.split('|').map(str::to_owned).collect()
}

/// A number written with a decimal point (`18.4`, `24.39`), not a Danish thousands group
/// (`1.234`), a date (`3. december`) or a version (`v1`).
fn decimal_point(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        if b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            let after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let before = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            // A thousands group is exactly three digits (another group may follow).
            if after != 3 {
                let start = i - before;
                return Some(s[start..i + 1 + after].to_owned());
            }
        }
    }
    None
}

fn d_aalborg_view(lang: brobygger::Lang) -> Vec<brobygger::present::Table> {
    Dossier::example("aalborg")
        .unwrap()
        .surveys()
        .view(
            &"aalborg-lbb-2016".into(),
            &brobygger::assessment::SurveyViewOptions::default(),
        )
        .unwrap()
        .tables(lang)
}
