#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every citation the library makes, a source document and a section (`SourceRef`), resolves to
//! a short verbatim quote vendored in `crates/core/data/sources/excerpts.toml`, so the evidence
//! behind a finding can be read and checked in any clone. The citations are collected from the
//! core's source and built-in data (so a new rule cannot cite a section without an excerpt) and,
//! as a check on that collection, from what the library produces on its examples.
//!
//! When the full source documents are present too (`BROBYGGER_SEEDS=<dir>`, or a
//! `shared/seeds/` folder above the checkout; `BROBYGGER_SEEDS=` means none), each quote must occur verbatim in its document
//! and each section heading in it; without them that part says so and stops.

use brobygger::{Dossier, Example, SeedDocument, SourceRef};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const EXCERPTS: &str = include_str!("../data/sources/excerpts.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Excerpts {
    schema_version: u32,
    excerpt: Vec<Excerpt>,
    claim: Vec<Claim>,
}

/// What a rule, a task or an example value says, held to the words of the section it cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    cited_by: String,
    document: SeedDocument,
    section: String,
    key_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Excerpt {
    document: SeedDocument,
    section: String,
    quote: Vec<String>,
    cited_for: String,
}

type Citation = (SeedDocument, String);

fn claims() -> Vec<Claim> {
    let file: Excerpts = toml::from_str(EXCERPTS).expect("excerpts.toml reads");
    file.claim
}

/// The key words of `claim` its section's quotes lack (empty: the passage says what the claim
/// says). Case is ignored; a key word is a phrase as the document writes it.
fn missing_key_words(claim: &Claim, excerpts: &BTreeMap<Citation, Excerpt>) -> Vec<String> {
    let Some(e) = excerpts.get(&(claim.document, claim.section.clone())) else {
        return claim.key_words.clone();
    };
    let text = e.quote.join(" ").to_lowercase();
    claim
        .key_words
        .iter()
        .filter(|k| k.trim().is_empty() || !text.contains(&k.to_lowercase()))
        .cloned()
        .collect()
}

fn excerpts() -> BTreeMap<Citation, Excerpt> {
    let file: Excerpts = toml::from_str(EXCERPTS).expect("excerpts.toml reads");
    assert_eq!(file.schema_version, 1);
    let mut out = BTreeMap::new();
    for e in file.excerpt {
        let key = (e.document, e.section.clone());
        assert!(
            out.insert(key.clone(), e).is_none(),
            "two excerpts for {key:?}"
        );
    }
    out
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p
            .extension()
            .is_some_and(|e| ext.contains(&e.to_str().unwrap_or("")))
        {
            out.push(p);
        }
    }
}

const DOCUMENTS: [(&str, SeedDocument); 5] = [
    ("Kl2015", SeedDocument::Kl2015),
    ("Lbb2017", SeedDocument::Lbb2017),
    ("Vvv2019", SeedDocument::Vvv2019),
    ("Kem2017", SeedDocument::Kem2017),
    ("Cfbu2023", SeedDocument::Cfbu2023),
];

fn document_named(name: &str) -> Option<SeedDocument> {
    let name = name.rsplit("::").next().unwrap_or(name);
    DOCUMENTS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// The string literal starting at `text[at..]` (which must be `"`), and where it ends.
fn literal(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some((rest[..end].to_owned(), at + 1 + end + 1))
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Citations written in Rust source: a document next to a section literal
/// (`SeedDocument::Lbb2017, "Ressourcer"` or `(Lbb2017, "Ressourcer")`), and a document with a
/// section chosen by a `match` of literals just before `SourceRef::new(SeedDocument::X, section)`.
/// Any other way of building a `SourceRef` fails the test, so no citation escapes it.
fn citations_in_source(path: &Path, text: &str, out: &mut BTreeSet<Citation>) {
    let mut pairs_in_file = 0;
    for (name, doc) in DOCUMENTS {
        for (at, _) in text.match_indices(name) {
            let after = text[at + name.len()..].trim_start();
            let Some(after) = after.strip_prefix(',') else {
                continue;
            };
            let after = after.trim_start();
            if after.starts_with('"') {
                let start = text.len() - after.len();
                let (section, _) = literal(text, start).unwrap();
                out.insert((doc, section));
                pairs_in_file += 1;
            }
        }
    }
    for (at, _) in text.match_indices("SourceRef::new(") {
        let args = &text[at + "SourceRef::new(".len()..];
        let where_ = format!("{}:{}", path.display(), line_of(text, at));
        let comma = args
            .find(',')
            .unwrap_or_else(|| panic!("{where_}: one argument?"));
        let doc = args[..comma].trim();
        let second = args[comma + 1..].trim_start();
        if second.starts_with('"') {
            assert!(
                document_named(doc).is_some(),
                "{where_}: unknown document {doc}"
            );
            continue;
        }
        let section: String = second
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if let Some(doc) = document_named(doc) {
            // `let section = match self { X => "…", … };` just before, in the same function.
            let fn_start = text[..at].rfind("fn ").unwrap();
            let body = &text[fn_start..at];
            let mut found = 0;
            for (arrow, _) in body.match_indices("=>") {
                let after = body[arrow + 2..].trim_start();
                let after = after.strip_prefix('{').unwrap_or(after).trim_start();
                if after.starts_with('"') {
                    let start = at - body.len() + (body.len() - after.len());
                    let (s, _) = literal(text, start).unwrap();
                    out.insert((doc, s));
                    found += 1;
                }
            }
            assert!(
                found > 0 && body.contains(&format!("let {section} = match")),
                "{where_}: cite a section as a literal, or choose it with `let {section} = match … {{ … => \"…\" }}` in the same function"
            );
        } else {
            assert!(
                pairs_in_file > 0,
                "{where_}: SourceRef::new with a computed document: write the (document, \"section\") pairs as literals in the same file"
            );
        }
    }
    for (at, _) in text.match_indices("SourceRef {\n") {
        let next = text[at..].lines().nth(1).unwrap_or("");
        assert!(
            !next.trim_start().starts_with("document:"),
            "{}:{}: build a SourceRef with SourceRef::new so this test can see the citation",
            path.display(),
            line_of(text, at)
        );
    }
}

/// Citations in the built-in data (templates, catalogues, examples): every object with a
/// `document` and a `section`.
fn citations_in_data(value: &serde_json::Value, out: &mut BTreeSet<Citation>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(doc), Some(section)) = (map.get("document"), map.get("section")) {
                let doc: SeedDocument = serde_json::from_value(doc.clone())
                    .unwrap_or_else(|e| panic!("a citation with an unknown document {doc}: {e}"));
                out.insert((doc, section.as_str().unwrap().to_owned()));
            }
            map.values().for_each(|v| citations_in_data(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| citations_in_data(v, out)),
        _ => {}
    }
}

fn cited() -> BTreeSet<Citation> {
    let mut out = BTreeSet::new();
    let mut sources = Vec::new();
    files(&crate_dir().join("src"), &["rs"], &mut sources);
    for path in &sources {
        citations_in_source(path, &fs::read_to_string(path).unwrap(), &mut out);
    }
    let mut data = Vec::new();
    files(&crate_dir().join("data"), &["json", "toml"], &mut data);
    for path in data
        .iter()
        .filter(|p| !p.ends_with("sources/excerpts.toml"))
    {
        let text = fs::read_to_string(path).unwrap();
        let value: serde_json::Value = if path.extension().is_some_and(|e| e == "toml") {
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        } else {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        citations_in_data(&value, &mut out);
    }
    out
}

fn key(s: &SourceRef) -> Citation {
    (s.document, s.section.clone())
}

#[test]
fn every_citation_in_the_code_and_data_has_an_excerpt() {
    let excerpts = excerpts();
    let cited = cited();
    assert!(cited.len() >= 30, "only {} citations found", cited.len());
    let missing: Vec<_> = cited
        .iter()
        .filter(|c| !excerpts.contains_key(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "citations without an excerpt in data/sources/excerpts.toml: {missing:#?}"
    );
    let unused: Vec<_> = excerpts.keys().filter(|k| !cited.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "excerpts nothing cites (remove them): {unused:#?}"
    );
}

#[test]
fn excerpts_are_short_quotes_with_a_reason() {
    for ((doc, section), e) in excerpts() {
        assert!(!section.trim().is_empty(), "{doc:?}: empty section");
        assert!(
            !e.cited_for.trim().is_empty(),
            "{section}: say what it is cited for"
        );
        assert!(!e.quote.is_empty(), "{section}: no quote");
        for q in &e.quote {
            assert!(
                !q.trim().is_empty() && q.chars().count() <= 600 && !q.contains('\n'),
                "{section}: a quote must be one short passage (at most 600 characters)"
            );
        }
    }
}

/// What the library produces on its examples cites nothing the collection above missed: a check
/// that the scan of the source sees every way the code cites.
#[test]
fn what_the_examples_produce_cites_only_collected_sections() {
    let cited = cited();
    let mut produced = BTreeSet::new();
    for c in brobygger::assessment::catalogue() {
        produced.insert(key(&c.source));
    }
    for t in &brobygger::TaskCatalogue::builtin().tasks {
        produced.extend(t.source.iter().map(key));
    }
    for example in Example::ALL {
        let d = Dossier::example(example.name()).unwrap();
        let on = example.reference_date();
        produced.extend(
            d.validate()
                .iter()
                .filter_map(|f| f.source.as_ref())
                .map(key),
        );
        for a in d.assessment().assess_all(on) {
            produced.extend(
                a.findings
                    .iter()
                    .filter_map(|f| f.finding.source.as_ref())
                    .map(key),
            );
        }
        for r in d
            .reminders()
            .due(on, brobygger::ReminderOptions::horizon(365))
        {
            produced.extend(r.source.iter().map(key));
        }
    }
    assert!(produced.len() >= 20, "only {} produced", produced.len());
    let unseen: Vec<_> = produced.difference(&cited).collect();
    assert!(
        unseen.is_empty(),
        "the library cites sections the source scan did not find: {unseen:#?}"
    );
}

fn seeds_dir() -> Option<PathBuf> {
    // Set and empty: behave as a clone without the documents.
    if let Some(dir) = std::env::var_os("BROBYGGER_SEEDS") {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    crate_dir()
        .ancestors()
        .map(|dir| dir.join("shared/seeds"))
        .find(|dir| dir.is_dir())
}

#[test]
fn quotes_occur_verbatim_in_the_source_documents_when_present() {
    let Some(seeds) = seeds_dir() else {
        eprintln!(
            "source documents not found (set BROBYGGER_SEEDS=<dir>): quotes checked against the \
             excerpts only, not against the full documents"
        );
        return;
    };
    let mut checked = 0;
    for ((doc, section), e) in excerpts() {
        let path = seeds.join(doc.file());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(
            text.to_lowercase().contains(&section.to_lowercase()),
            "{}: section {section:?} not in {}",
            doc.number(),
            doc.file()
        );
        for q in &e.quote {
            assert!(
                text.contains(q.as_str()),
                "{} {section:?}: quote not verbatim in {}: {q}",
                doc.number(),
                doc.file()
            );
            checked += 1;
        }
    }
    eprintln!("{checked} quotes found verbatim in {}", seeds.display());
}

#[test]
fn every_claim_s_key_words_are_in_the_section_it_cites() {
    let excerpts = excerpts();
    let claims = claims();
    assert!(claims.len() >= 45, "only {} claims", claims.len());
    for c in &claims {
        assert!(!c.key_words.is_empty(), "{}: no key words", c.cited_by);
        let missing = missing_key_words(c, &excerpts);
        assert!(
            missing.is_empty(),
            "{} cites {} {:?}, whose passage lacks {missing:?}",
            c.cited_by,
            c.document.number(),
            c.section
        );
    }
}

#[test]
fn the_key_word_check_fails_a_citation_that_does_not_say_the_claim() {
    // The citation the issue found wrong: goals need indicators, citing KEM "Om projektet".
    let wrong = Claim {
        cited_by: "assessment.goals_without_indicator".into(),
        document: SeedDocument::Kem2017,
        section: "Om projektet".into(),
        key_words: vec!["målsætning".into()],
    };
    assert_eq!(missing_key_words(&wrong, &excerpts()), ["målsætning"]);
    let unknown = Claim {
        section: "Ingen sådan sektion".into(),
        ..wrong
    };
    assert!(!missing_key_words(&unknown, &excerpts()).is_empty());
}

#[test]
fn every_check_of_the_assessment_has_a_claim_on_its_source() {
    let claims = claims();
    for c in brobygger::assessment::catalogue() {
        let claim = claims
            .iter()
            .find(|k| k.cited_by == c.code)
            .unwrap_or_else(|| panic!("{}: no claim in excerpts.toml", c.code));
        assert_eq!(
            (claim.document, claim.section.as_str()),
            (c.source.document, c.source.section.as_str()),
            "{}: the claim and the catalogue cite different passages",
            c.code
        );
    }
}

#[test]
fn every_statutory_task_cites_a_passage_that_says_so_or_is_the_library_s_judgement() {
    let claims = claims();
    let excerpts = excerpts();
    let mut judged = 0;
    for t in &brobygger::TaskCatalogue::builtin().tasks {
        let claim = claims
            .iter()
            .find(|k| k.cited_by == format!("roles.task.{}", t.id));
        if let Some(source) = &t.source {
            let claim = claim.unwrap_or_else(|| panic!("{}: a source without a claim", t.id));
            assert_eq!(
                (claim.document, claim.section.as_str()),
                (source.document, source.section.as_str()),
                "{}",
                t.id
            );
            assert!(missing_key_words(claim, &excerpts).is_empty(), "{}", t.id);
        }
        if !t.statutory {
            assert!(
                t.judgement.is_none(),
                "{}: a judgement on a non-statutory task",
                t.id
            );
            continue;
        }
        match &t.judgement {
            Some(j) => {
                judged += 1;
                assert!(j.da.starts_with("Bibliotekets egen vurdering"), "{}", t.id);
                assert!(j.en.starts_with("The library's own judgement"), "{}", t.id);
            }
            None => {
                // The passage itself must say the task is a statutory duty.
                let claim = claim.unwrap_or_else(|| {
                    panic!("{}: statutory without a source or a judgement", t.id)
                });
                assert!(
                    claim
                        .key_words
                        .iter()
                        .any(|k| k == "lovmæssig forpligtelse"),
                    "{}: its passage must say it is a statutory duty",
                    t.id
                );
            }
        }
    }
    assert!(judged >= 5, "{judged}");
}

#[test]
fn the_co_creation_term_cites_the_passage_about_co_creation() {
    let mut d = Dossier::example("horsens").unwrap();
    let on = Example::Horsens.reference_date();
    let a = &mut d.agreements[0];
    let v = a.versions.last_mut().unwrap();
    v.terms.purpose = Some("Samskabelse og medborgerskab i Horsens.".into());
    v.terms.definitions.clear();
    let found: Vec<_> = d
        .assessment()
        .assess_all(on)
        .into_iter()
        .flat_map(|r| r.findings)
        .filter(|f| f.finding.code == "assessment.undefined_terms")
        .map(|f| f.finding)
        .collect();
    let co = found
        .iter()
        .find(|f| f.text.da.contains("samskabelse"))
        .expect("a finding on samskabelse");
    assert_eq!(
        co.source,
        Some(SourceRef::new(
            SeedDocument::Lbb2017,
            "Samskabelse og samarbejde"
        ))
    );
    let citizen = found
        .iter()
        .find(|f| f.text.da.contains("medborgerskab"))
        .expect("a finding on medborgerskab");
    assert_eq!(
        citizen.source,
        Some(SourceRef::new(
            SeedDocument::Kem2017,
            "Gode råd til kommuner"
        ))
    );
}

#[test]
fn ikast_brande_says_what_002_says_about_its_volunteers() {
    let d = Dossier::example("ikast-brande").unwrap();
    // About 100 volunteers across the municipality, not in one Red Cross branch.
    for o in &d.organisations {
        assert_eq!(o.profile.active_volunteers, None, "{}", o.id);
    }
    let terms = d.agreements[0].terms().unwrap();
    let count = |id: &str| {
        terms
            .activities
            .iter()
            .find(|a| a.id.as_str() == id)
            .and_then(|a| a.volunteers)
    };
    assert_eq!(count("act-contact-families"), Some(100));
    assert_eq!(count("act-language-mentors"), Some(7));
    // Each count cites the passage whose claim holds its words.
    let claims = claims();
    for (path, claim) in [
        (
            "agreements[0].versions[0].terms.activities[0].volunteers",
            "vvv.volunteers_across_the_municipality",
        ),
        (
            "agreements[0].versions[0].terms.activities[1].volunteers",
            "vvv.seven_language_mentors",
        ),
    ] {
        let claim = claims.iter().find(|c| c.cited_by == claim).unwrap();
        let v: serde_json::Value = serde_json::to_value(&d.provenance).unwrap();
        let entry = v
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == path)
            .unwrap_or_else(|| panic!("no provenance for {path}"));
        assert_eq!(entry["basis"]["source"]["section"], claim.section.as_str());
    }
    // The seed does not date the cooperation contract against the public meeting.
    for h in &d.agreements[0].history {
        if let Some(note) = &h.note {
            assert!(!note.contains("før folkemødet"), "{note}");
        }
    }
}
