#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! No ungated path (issue 18, item 1): every public matching entry point, in Rust, Python,
//! Kotlin and the command line, passes the one consent gate in the core
//! (`crates/core/src/privacy/gate.rs`), and every run records what it withheld and what it used
//! under which basis.
//!
//! The list of entry points is not trusted: [`the_entry_points_are_the_ones_tested_here`] reads
//! the sources of the core, both bindings and the command line and fails on a public function
//! that produces a run or candidates and is not exercised here (Rust) or in the bindings' gate
//! tests (`tests/python/test_gate.py`, `tests/kotlin/GateTest.kt`).

mod common;

use brobygger::matching::{self, Candidates, MatchOptions, MatchRequest, MatchRun, Solver};
use brobygger::privacy::{Register, SensitiveUse, WithheldAttribute, run_consented};
use brobygger::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    common::fixtures().join("matching").join(name)
}

fn rules() -> RuleSet {
    RuleSet::load(fixture("vvv-ikast.rules.toml")).unwrap()
}

/// The fixture profiles with their own consent and basis columns.
fn with_columns() -> (Vec<Newcomer>, Vec<Offer>) {
    let read = |f: &str| std::fs::read_to_string(fixture(f)).unwrap();
    (
        matching::newcomers_from_json(&read("vvv-ikast.newcomers.json")).unwrap(),
        matching::offers_from_json(&read("vvv-ikast.offers.json")).unwrap(),
    )
}

/// The same profiles saying nothing about their basis.
fn bare() -> (Vec<Newcomer>, Vec<Offer>) {
    let (mut n, mut o) = with_columns();
    n.iter_mut()
        .for_each(|x| x.privacy = ProfileBasis::default());
    o.iter_mut()
        .for_each(|x| x.privacy = ProfileBasis::default());
    (n, o)
}

/// Other sensitive values for the same profiles: every household with wishes, no offer with a
/// certificate.
fn other_values(mut n: Vec<Newcomer>, mut o: Vec<Offer>) -> (Vec<Newcomer>, Vec<Offer>) {
    use brobygger::matching::{Gender, OfferKind, Preference};
    for x in &mut n {
        x.preferences = vec![
            Preference::VolunteerGender {
                gender: Gender::Male,
            },
            Preference::OfferKind {
                kind: OfferKind::JobMentor,
            },
        ];
    }
    for x in &mut o {
        x.credentials.clear();
    }
    (n, o)
}

fn options() -> MatchOptions {
    MatchOptions::new(Solver::Optimal, date("2016-04-01"))
}

const SENSITIVE: [&str; 2] = ["newcomer.preferences", "offer.credentials"];

/// Every subject of the run is accounted for: for each sensitive attribute the rules read,
/// either a use with its basis or a withheld entry, never both, never neither; a subject
/// nothing allowed matching is listed as left out instead.
fn accounted(run: &MatchRun, newcomers: &[Newcomer], offers: &[Offer]) {
    let used: BTreeSet<(String, String)> = run
        .sensitive_uses
        .iter()
        .map(|u: &SensitiveUse| (u.subject.to_string(), u.attribute.clone()))
        .collect();
    let withheld: BTreeSet<(String, String)> = run
        .withheld
        .iter()
        .map(|w: &WithheldAttribute| (w.subject.to_string(), w.attribute.clone()))
        .collect();
    let left_out = |s: &str| {
        withheld.contains(&(s.to_owned(), "newcomer".to_owned()))
            || withheld.contains(&(s.to_owned(), "offer".to_owned()))
    };
    let subjects = newcomers
        .iter()
        .map(|n| (Subject::newcomer(n.id.clone()).to_string(), SENSITIVE[0]))
        .chain(
            offers
                .iter()
                .map(|o| (Subject::offer(o.id.clone()).to_string(), SENSITIVE[1])),
        );
    for (s, a) in subjects {
        if left_out(&s) {
            continue;
        }
        let key = (s.clone(), a.to_owned());
        assert!(
            used.contains(&key) != withheld.contains(&key),
            "{s} {a}: used {} withheld {}",
            used.contains(&key),
            withheld.contains(&key)
        );
    }
    // No message names a sensitive value.
    let text = serde_json::to_string(&run.withheld).unwrap();
    for value in ["female", "male", "child_protection_certificate", "activity"] {
        assert!(!text.contains(value), "{value} in {text}");
    }
}

fn pairs(run: &MatchRun) -> Vec<(String, String, String)> {
    run.matches
        .iter()
        .map(|m| {
            (
                m.newcomer.to_string(),
                m.offer.to_string(),
                format!("{:.6}", m.score),
            )
        })
        .collect()
}

// ---- matching::run (Python `match_profiles`, `Profiles.run`; Kotlin `matchProfiles`; CLI
// `match --newcomers --offers`) ----

#[test]
fn run_without_any_basis_withholds_every_sensitive_attribute_and_ignores_its_values() {
    let rules = rules();
    let (n, o) = bare();
    let a = matching::run(&rules, &n, &o, options()).unwrap();
    assert_eq!(a.bases_from, BasisSource::Profiles);
    assert!(a.sensitive_uses.is_empty());
    // Listed for every household and every offer, whatever their data holds.
    assert_eq!(a.withheld.len(), n.len() + o.len());
    accounted(&a, &n, &o);
    // The values never reach the run: other values give the same run, to the byte.
    let (n2, o2) = other_values(n, o);
    let b = matching::run(&rules, &n2, &o2, options()).unwrap();
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        serde_json::to_value(&b).unwrap()
    );
}

#[test]
fn run_uses_the_profiles_own_consent_and_basis_columns_and_names_them() {
    let rules = rules();
    let (n, o) = with_columns();
    let run = matching::run(&rules, &n, &o, options()).unwrap();
    assert!(run.withheld.is_empty(), "{:?}", run.withheld);
    assert_eq!(run.sensitive_uses.len(), n.len() + o.len());
    accounted(&run, &n, &o);
    let consent = run
        .sensitive_uses
        .iter()
        .find(|u| u.attribute == "newcomer.preferences")
        .unwrap();
    assert!(
        matches!(&consent.basis, brobygger::privacy::BasisRef::Consent { consent } if consent.as_str().ends_with("#consent"))
    );
    // The fixture's expected matches hold with the columns (the shared corpus uses them).
    let bare_run = matching::run(&rules, &bare().0, &bare().1, options()).unwrap();
    assert_ne!(pairs(&run), pairs(&bare_run), "the columns changed nothing");
}

#[test]
fn a_consent_that_has_ended_or_not_begun_leaves_the_household_out() {
    let rules = rules();
    let (mut n, o) = with_columns();
    n[0].privacy.consent_ends_on = Some(date("2016-03-01"));
    n[1].privacy.consent_given_on = Some(date("2016-05-01"));
    let run = matching::run(&rules, &n, &o, options()).unwrap();
    for gone in &n[..2] {
        let s = Subject::newcomer(gone.id.clone());
        assert!(
            run.withheld
                .iter()
                .any(|w| w.subject == s && w.attribute == "newcomer"),
            "{s}"
        );
        assert!(run.matches.iter().all(|m| m.newcomer != gone.id));
        assert!(run.unmatched.iter().all(|u| u.newcomer != gone.id));
    }
    accounted(&run, &n, &o);
}

#[test]
fn bases_declared_in_the_call_are_recorded_and_named_by_the_uses() {
    let rules = rules();
    let (n, o) = bare();
    let mut opts = options();
    opts.bases = vec![DeclaredBasis::new(
        "certificates",
        LegalBasis::LegalObligation,
        vec!["offer.credentials".into()],
        "børneattestloven § 2",
    )];
    let run = matching::run(&rules, &n, &o, opts.clone()).unwrap();
    assert_eq!(run.declared_bases, opts.bases);
    let certs: Vec<_> = run
        .sensitive_uses
        .iter()
        .filter(|u| u.attribute == "offer.credentials")
        .collect();
    assert_eq!(certs.len(), o.len());
    assert!(certs.iter().all(|u| matches!(&u.basis,
        brobygger::privacy::BasisRef::Legal { basis } if basis.as_str() == "certificates")));
    // Preferences are special-category data: a legal obligation cannot cover them.
    assert_eq!(
        run.withheld
            .iter()
            .filter(|w| w.attribute == "newcomer.preferences")
            .count(),
        n.len()
    );
    accounted(&run, &n, &o);
    // A basis whose article cannot cover the class covers nothing.
    let mut weak = options();
    weak.bases = vec![DeclaredBasis::new(
        "contract",
        LegalBasis::Contract,
        vec!["offer.credentials".into(), "newcomer.preferences".into()],
        "frivilligaftale",
    )];
    let run = matching::run(&rules, &n, &o, weak).unwrap();
    assert!(run.sensitive_uses.is_empty(), "{:?}", run.sensitive_uses);
    assert_eq!(run.withheld.len(), n.len() + o.len());
}

// ---- run_consented (Python `match_profiles_consented`, Kotlin `matchProfilesConsented`) ----

#[test]
fn run_consented_with_no_records_leaves_everyone_out() {
    let rules = rules();
    let (n, o) = with_columns();
    let privacy = Privacy::default();
    let run = run_consented(&rules, &n, &o, options(), &Register::new(&privacy, &[], &o)).unwrap();
    assert_eq!(run.bases_from, BasisSource::Records);
    assert!(run.matches.is_empty());
    assert!(run.sensitive_uses.is_empty());
    // The profiles' own columns do not count against records.
    assert_eq!(run.withheld.len(), n.len() + o.len());
    accounted(&run, &n, &o);
}

// ---- MatchingFacet::match_cohort (Python `Dossier.match_cohort`, Kotlin `matchCohort`, CLI
// `match --dossier`) ----

#[test]
fn a_stored_cohort_is_gated_by_the_dossiers_records() {
    let d = Dossier::example("ikast-brande").unwrap();
    let request = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: options(),
    };
    let run = d.matching().match_cohort(&request).unwrap();
    assert_eq!(run.bases_from, BasisSource::Dossier);
    assert!(!run.sensitive_uses.is_empty());
    accounted(&run, &d.cohorts[0].newcomers, &d.offers);
    // Bases belong in the dossier, where the review sees them.
    let mut declared = request.clone();
    declared.options.bases = vec![DeclaredBasis::new(
        "x",
        LegalBasis::LegalObligation,
        vec!["offer.credentials".into()],
        "r",
    )];
    let e = d.matching().match_cohort(&declared).unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");
}

// ---- MatchingFacet::rematch (Python `d.matching.rematch`, Kotlin `rematch`, CLI `match
// --rematch`) and why_not (a cohort's run made again, so through match_cohort) ----

#[test]
fn a_rematch_is_gated_by_the_dossiers_records() {
    let d = Dossier::example("ikast-brande").unwrap();
    let request = matching::RematchRequest {
        cohort: None,
        rule_set: "vvv-ikast".into(),
        options: options(),
        rematch: matching::RematchOptions::default(),
    };
    let run = d.matching().rematch(&request).unwrap();
    assert_eq!(run.bases_from, BasisSource::Dossier);
    assert!(!run.sensitive_uses.is_empty());
    // The households in the run (those holding a place stay out of a rematch).
    let in_run: BTreeSet<String> = run
        .matches
        .iter()
        .map(|m| m.newcomer.to_string())
        .chain(run.unmatched.iter().map(|u| u.newcomer.to_string()))
        .collect();
    let newcomers: Vec<Newcomer> = d
        .cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter().cloned())
        .filter(|n| in_run.contains(n.id.as_str()))
        .collect();
    accounted(&run, &newcomers, &d.offers);
    // Bases belong in the dossier here too.
    let mut declared = request.clone();
    declared.options.bases = vec![DeclaredBasis::new(
        "x",
        LegalBasis::LegalObligation,
        vec!["offer.credentials".into()],
        "r",
    )];
    let e = d.matching().rematch(&declared).unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");
    // Why-not makes the cohort's run again through the same gate: declared bases are refused.
    let mut asked = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: options(),
    };
    let n = d.cohorts[0].newcomers[0].id.clone();
    let o = d.offers[0].id.clone();
    assert!(d.matching().why_not(&asked, &n, &o).is_ok());
    asked.options.bases = declared.options.bases.clone();
    let e = d.matching().why_not(&asked, &n, &o).unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");
}

// ---- MatchingFacet::match_profiles (CLI `match --dossier d.json --newcomers x.csv`) ----

#[test]
fn profiles_beside_a_dossier_use_the_dossiers_consents_not_their_own_columns() {
    let d = Dossier::example("ikast-brande").unwrap();
    let rules = d.rule_sets[0].clone();
    let newcomers = d.cohorts[0].newcomers.clone();
    let cohort = d
        .matching()
        .match_cohort(&MatchRequest {
            cohort: "ikast-2016-q1".into(),
            rule_set: "vvv-ikast".into(),
            options: options(),
        })
        .unwrap();
    let beside = d
        .matching()
        .match_profiles(&rules, &newcomers, &d.offers, options())
        .unwrap();
    assert_eq!(beside.bases_from, BasisSource::Dossier);
    assert_eq!(beside.sensitive_uses, cohort.sensitive_uses);
    accounted(&beside, &newcomers, &d.offers);
    // Columns claiming consent to everything change nothing beside a dossier.
    let mut claimed = newcomers.clone();
    for n in &mut claimed {
        n.privacy.consent_given_on = Some(date("2000-01-01"));
        n.privacy.consent_attributes = vec!["newcomer.preferences".into()];
    }
    let again = d
        .matching()
        .match_profiles(&rules, &claimed, &d.offers, options())
        .unwrap();
    assert_eq!(again.withheld, beside.withheld);
    assert_eq!(again.sensitive_uses, beside.sensitive_uses);
    let mut declared = options();
    declared.bases = vec![DeclaredBasis::new(
        "x",
        LegalBasis::LegalObligation,
        vec!["offer.credentials".into()],
        "r",
    )];
    assert_eq!(
        d.matching()
            .match_profiles(&rules, &newcomers, &d.offers, declared)
            .unwrap_err()
            .code(),
        "privacy.declared_basis_in_dossier"
    );
}

// ---- the benchmark hooks: they record nothing, so they use nothing sensitive ----

#[test]
fn candidates_never_depend_on_sensitive_values() {
    let rules = rules();
    let (n, o) = with_columns();
    let (n2, o2) = other_values(n.clone(), o.clone());
    let same = |a: &Candidates, b: &Candidates| {
        assert_eq!(a.capacities, b.capacities);
        for i in 0..n.len() {
            assert_eq!(a.of(i), b.of(i), "household {i}");
        }
    };
    let a = matching::candidates(&rules, &n, &o);
    same(&a, &matching::candidates(&rules, &n2, &o2));
    for threads in [1, 2] {
        same(
            &a,
            &matching::generate_with_threads(&rules, &n2, &o2, threads),
        );
    }
}

// ---- a property over any profiles: the run's lists account for every subject ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_profiles_any_columns_every_subject_is_accounted_for(
        newcomers in prop::collection::vec(common::newcomer(), 0..5),
        offers in prop::collection::vec(common::offer(), 0..4),
        day in common::date(),
    ) {
        // Unique ids, as a file would have them.
        let mut seen = BTreeSet::new();
        let newcomers: Vec<Newcomer> = newcomers.into_iter().filter(|n| seen.insert(n.id.to_string())).collect();
        let mut seen = BTreeSet::new();
        let offers: Vec<Offer> = offers.into_iter().filter(|o| seen.insert(o.id.to_string())).collect();
        let run = matching::run(&rules(), &newcomers, &offers, MatchOptions::new(Solver::Greedy, day)).unwrap();
        accounted(&run, &newcomers, &offers);
        for m in &run.matches {
            let n = newcomers.iter().find(|n| n.id == m.newcomer).unwrap();
            let used = run.sensitive_uses.iter().any(|u| u.subject == Subject::newcomer(n.id.clone()));
            if !used {
                // Without a basis the wishes rule was not applied: its text says so.
                prop_assert!(m.explanation.iter().filter(|x| x.rule.as_str() == "wishes-respected").all(|x| x.text.en.contains("not applied")));
            }
        }
    }
}

// ---- the list of entry points is read from the sources ----

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The functions in `dir` whose signature (from `fn` to the body) satisfies `pick`, by name,
/// with the file they are in.
fn functions(dir: &str, pick: impl Fn(&str, &str) -> bool) -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join(dir), &mut files);
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let mut rest = text.as_str();
        while let Some(k) = rest.find("fn ") {
            let before = &rest[..k];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let prefix = rest[line_start..k].trim().to_owned();
            let sig_end = rest[k..].find(['{', ';']).map_or(rest.len(), |e| k + e);
            let sig = &rest[k..sig_end];
            let fname: String = sig[3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !fname.is_empty() && pick(&prefix, sig) {
                out.insert((name.clone(), fname));
            }
            rest = &rest[k + 3..];
        }
    }
    out
}

fn returns_a_run(sig: &str) -> bool {
    sig.split_once("->").is_some_and(|(_, r)| {
        (r.contains("MatchRun") || r.contains("Candidates"))
            && !r.contains("Option<&")
            && !r.contains("Vec<")
    })
}

// ---- The `*_watched` twins (issue 21: progress and cancellation; Python's `progress=`, the
// mobile async calls) ----

/// Each twin under a watch that never cancels gives the run its gated twin gives, and refuses
/// declared bases the same way: a watch changes when work stops, never what the gate lets in.
#[test]
fn the_watched_twins_pass_the_same_gate() {
    let watch = brobygger::progress::Watch::default();
    let same = |a: &MatchRun, b: &MatchRun| {
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::to_value(b).unwrap()
        );
    };
    let mut declared = options();
    declared.bases = vec![DeclaredBasis::new(
        "x",
        LegalBasis::LegalObligation,
        vec!["offer.credentials".into()],
        "r",
    )];
    // matching::run_watched with the profiles' own columns.
    let rules = rules();
    let (n, o) = bare();
    same(
        &matching::run(&rules, &n, &o, options()).unwrap(),
        &matching::run_watched(&rules, &n, &o, options(), &watch).unwrap(),
    );
    // privacy::run_consented_watched with records held outside a dossier: none, so everyone
    // with a declared attribute is left out, watched or not.
    let (n, o) = with_columns();
    let privacy = Privacy::default();
    let register = Register::new(&privacy, &[], &o);
    let unwatched = run_consented(&rules, &n, &o, options(), &register).unwrap();
    same(
        &unwatched,
        &brobygger::privacy::run_consented_watched(&rules, &n, &o, options(), &register, &watch)
            .unwrap(),
    );
    assert_eq!(unwatched.withheld.len(), n.len() + o.len());
    // The dossier's facet: cohort, rematch and profiles beside it.
    let d = Dossier::example("ikast-brande").unwrap();
    let mut request = MatchRequest {
        cohort: "ikast-2016-q1".into(),
        rule_set: "vvv-ikast".into(),
        options: options(),
    };
    let watched = d.matching().match_cohort_watched(&request, &watch).unwrap();
    assert_eq!(watched.bases_from, BasisSource::Dossier);
    same(&d.matching().match_cohort(&request).unwrap(), &watched);
    request.options = declared.clone();
    let e = d
        .matching()
        .match_cohort_watched(&request, &watch)
        .unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");

    let mut again = matching::RematchRequest {
        cohort: None,
        rule_set: "vvv-ikast".into(),
        options: options(),
        rematch: matching::RematchOptions::default(),
    };
    same(
        &d.matching().rematch(&again).unwrap(),
        &d.matching().rematch_watched(&again, &watch).unwrap(),
    );
    again.options = declared.clone();
    let e = d.matching().rematch_watched(&again, &watch).unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");

    let rules = d.rule_sets[0].clone();
    let newcomers = d.cohorts[0].newcomers.clone();
    same(
        &d.matching()
            .match_profiles(&rules, &newcomers, &d.offers, options())
            .unwrap(),
        &d.matching()
            .match_profiles_watched(&rules, &newcomers, &d.offers, options(), &watch)
            .unwrap(),
    );
    let e = d
        .matching()
        .match_profiles_watched(&rules, &newcomers, &d.offers, declared, &watch)
        .unwrap_err();
    assert_eq!(e.code(), "privacy.declared_basis_in_dossier");
}

#[test]
fn the_entry_points_are_the_ones_tested_here() {
    // Core: every public function that makes a run or candidates, and the test above that
    // proves it passes the gate. A new one fails here until it is gated and tested.
    let core = functions("crates/core/src", |prefix, sig| {
        prefix.starts_with("pub") && !prefix.starts_with("pub(") && returns_a_run(sig)
    });
    let names: BTreeSet<&str> = core.iter().map(|(_, f)| f.as_str()).collect();
    let tested: BTreeSet<&str> = [
        "run",                    // run_without_any_basis_..., run_uses_the_profiles_own_...
        "run_consented",          // run_consented_with_no_records_leaves_everyone_out
        "match_cohort",           // a_stored_cohort_is_gated_by_the_dossiers_records
        "match_profiles",         // profiles_beside_a_dossier_use_the_dossiers_consents_...
        "rematch",                // a_rematch_is_gated_by_the_dossiers_records
        "candidates",             // candidates_never_depend_on_sensitive_values
        "generate_with_threads",  // candidates_never_depend_on_sensitive_values
        "run_watched",            // the_watched_twins_pass_the_same_gate
        "match_cohort_watched",   // the_watched_twins_pass_the_same_gate
        "match_profiles_watched", // the_watched_twins_pass_the_same_gate
        "rematch_watched",        // the_watched_twins_pass_the_same_gate
        "run_consented_watched",  // the_watched_twins_pass_the_same_gate
    ]
    .into_iter()
    .collect();
    assert_eq!(names, tested, "core entry points: {core:?}");

    // The ungated run is reached only through the gate.
    for inner in ["run_unchecked(", "run_with_candidates("] {
        let mut files = Vec::new();
        rust_files(&root().join("crates/core/src"), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if text.contains(inner) {
                assert!(
                    name == "gate.rs" || name == "outcome.rs",
                    "{inner} called in {}",
                    f.display()
                );
            }
        }
    }

    // Bindings: every exported function that returns a run is named in that language's gate
    // test, which checks it records `withheld` and `sensitive_uses`.
    for (dir, test, rename) in [
        ("crates/py/src", "tests/python/test_gate.py", false),
        ("crates/mobile/src", "tests/kotlin/GateTest.kt", true),
    ] {
        let found = functions(dir, |prefix, sig| {
            !prefix.contains("pub(crate)")
                && sig
                    .split_once("->")
                    .is_some_and(|(_, r)| r.contains("MatchRun") && !r.contains("Vec<"))
        });
        let test_text = std::fs::read_to_string(root().join(test))
            .unwrap_or_else(|_| panic!("{test} is missing"));
        for (file, f) in &found {
            // Reading a stored run back is not a run.
            if f.starts_with("from_") {
                continue;
            }
            let name = if rename { camel(f) } else { f.clone() };
            assert!(
                test_text.contains(&name),
                "{file}: {f} returns a run but {test} does not exercise `{name}`"
            );
        }
    }

    // The command line and the store: every run they make comes from one of the gated core
    // entry points above (the store keeps runs, it makes none), and each path is exercised by a
    // CLI test of the gate (crates/cli/tests/gate.rs for a store, commands.rs for files).
    let makes_runs = [
        "match_cohort",
        "match_profiles",
        "rematch",
        "run",
        "run_consented",
        "candidates",
        "generate_with_threads",
        "solve_candidates",
    ];
    let mut calls = BTreeSet::new();
    for dir in ["crates/cli/src", "crates/store/src"] {
        let mut files = Vec::new();
        rust_files(&root().join(dir), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            for call in makes_runs {
                for (k, _) in text.match_indices(&format!("{call}(")) {
                    let before = text[..k].chars().next_back().unwrap_or(' ');
                    let receiver = &text[..k];
                    // A call of the core's function (`matching::run(`, `.match_cohort(`), not a
                    // local function of the same name (`fn run(`, `matching::run(args`).
                    let qualified = before == '.' || receiver.ends_with("matching::");
                    if qualified && !text[k..].starts_with("run(args") {
                        calls.insert((dir.to_owned(), name.clone(), call.to_owned()));
                    }
                }
            }
        }
    }
    let cli = |f: &str, c: &str| ("crates/cli/src".to_owned(), f.to_owned(), c.to_owned());
    let expected: BTreeSet<_> = [
        cli("demo.rs", "match_cohort"),
        cli("matching.rs", "match_cohort"),
        cli("matching.rs", "match_profiles"),
        cli("matching.rs", "rematch"),
        cli("matching.rs", "run"),
    ]
    .into_iter()
    .collect();
    assert_eq!(calls, expected, "runs made by the CLI and the store");
    let cli_gate = std::fs::read_to_string(root().join("crates/cli/tests/gate.rs")).unwrap();
    let cli_files = std::fs::read_to_string(root().join("crates/cli/tests/commands.rs")).unwrap();
    // What each CLI test runs (checked by token, as rustfmt lays the arguments out).
    for (test, needles) in [
        (
            &cli_gate,
            &[
                "\"p.db\"",
                "\"--store\"",
                "\"--newcomers\"",
                "gated(&from_store)",
            ][..],
        ),
        (&cli_gate, &["gated(stored)", "gated(&beside)"][..]),
        (&cli_gate, &["\"--rematch\"", "gated(&rematched)"][..]),
        (
            &cli_files,
            &["\"--example\"", "beside[\"bases_from\"], \"dossier\""][..],
        ),
        (&cli_files, &["run[\"bases_from\"], \"profiles\""][..]),
    ] {
        for needle in needles {
            assert!(
                test.contains(needle),
                "no CLI test of the gate has {needle}"
            );
        }
    }
}

fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

// ---- no echo (issue 18, item 6): unknown keys and header cells are input, never repeated ----

#[test]
fn unknown_keys_and_header_cells_are_never_echoed() {
    let canary = "Fatima Hansen 0101901234";
    let records = format!(r#"[{{"id": "nc-1", "arrival": "2024-01-02", "{canary}": 1}}]"#);
    let columns = format!(r#"{{"id": ["nc-1"], "arrival": ["2024-01-02"], "{canary}": [1]}}"#);
    for text in [&records, &columns] {
        let e = matching::newcomers_from_table(text).unwrap_err();
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains("Fatima"), "{shown}");
    }
    let e = matching::newcomers_from_json(&records).unwrap_err();
    assert!(!format!("{e} {e:?}").contains("Fatima"), "{e}");
    // A CSV file without a header row: its first data row is taken for the header.
    let csv = format!("nc-1,2024-01-02,{canary}\nnc-2,2024-01-03,Ikast\n");
    let e = brobygger::import::newcomers_from_csv(&csv, &brobygger::import::CsvOptions::default())
        .unwrap_err();
    let shown = format!("{e} {e:?} {}", serde_json::to_string(e.findings()).unwrap());
    assert!(
        !shown.contains("Fatima") && !shown.contains("nc-1"),
        "{shown}"
    );
}

/// Found by the coverage-guided fuzzer (fuzz/, ADR 0054): TOML words an unknown key's error
/// differently from JSON, and the key came back as the error's path.
#[test]
fn unknown_keys_of_toml_files_are_never_echoed() {
    let canary = "Fatima Hansen 0101901234";
    let rules = format!("id = \"r\"\n\"{canary}\" = 2\n");
    let template = format!("schema_version = 1\nid = \"t\"\n\"{canary}\" = 2\n");
    let mut shown = Vec::new();
    for e in [
        RuleSet::from_toml(&rules).unwrap_err(),
        ChecklistTemplate::from_toml(&template).unwrap_err(),
    ] {
        shown.push(format!(
            "{e} {e:?} {} {}",
            e.message(Lang::Da),
            e.message(Lang::En)
        ));
    }
    for s in shown {
        assert!(!s.contains("Fatima") && !s.contains("0101901234"), "{s}");
    }
}
