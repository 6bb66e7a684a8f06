//! Words for search: what a query and a text have in common, in Danish and English, whatever
//! the case, inflection, accents or spelling of æ, ø and å.
//!
//! A text is cut into words at anything that is not a letter or digit; each word is normalised
//! (NFKC, lower case), stemmed with the Snowball stemmer of each language (so "kvindegrupper"
//! and "kvindegruppen" meet in "kvindegrup", "cafés" and "café" in "café"), then folded: accents
//! dropped (é → e) and the Danish letters written as their old two-letter spellings (å → aa,
//! æ → ae, ø → oe, and ä, ö, ü as æ, ø and y), so "Ålborg" finds "Aalborg" and "Roede Kors"
//! finds "Røde Kors". A query word matches a text word that contains its stem, which also finds
//! the parts of compounds ("cafe" finds "lektiecafé"); words of one or two letters must match a
//! whole word.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word in its forms for matching: the Danish stem and the English stem, both folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    da: String,
    en: String,
}

fn stemmers() -> &'static (Stemmer, Stemmer) {
    static STEMMERS: OnceLock<(Stemmer, Stemmer)> = OnceLock::new();
    STEMMERS.get_or_init(|| {
        (
            Stemmer::create(Algorithm::Danish),
            Stemmer::create(Algorithm::English),
        )
    })
}

/// Accents dropped and the Danish letters spelt out, so spellings with and without them meet.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ü' => out.push('y'),
            'ß' => out.push_str("ss"),
            _ => {
                // Decompose what is left (é → e + ◌́) and keep the base letters.
                for d in c.to_string().nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
    out
}

/// The words of `text`, in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let normal: String = text.nfkc().collect::<String>().to_lowercase();
    // Letters with a combining mark stay whole (the Danish å typed as a + ring above).
    let normal: String = normal.nfc().collect();
    let (da, en) = stemmers();
    normal
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|w| !w.is_empty())
        .map(|w| Word {
            da: fold(&da.stem(w)),
            en: fold(&en.stem(w)),
        })
        // A "word" of combining marks alone folds to nothing and can match nothing.
        .filter(|w| !(w.da.is_empty() && w.en.is_empty()))
        .collect()
}

impl Word {
    /// Whether this query word matches the text word `w`.
    pub(crate) fn matches(&self, w: &Word) -> bool {
        fn part(q: &str, t: &str) -> bool {
            if q.is_empty() {
                return false;
            }
            if q.chars().count() <= 2 {
                q == t
            } else {
                t.contains(q)
            }
        }
        part(&self.da, &w.da) || part(&self.en, &w.en)
    }
}

/// A key that sorts names in Danish alphabetical order: æ, ø and å after z (and "aa" as å, as
/// in Aalborg), case and accents ignored otherwise.
pub(crate) fn sort_key(name: &str) -> Vec<u32> {
    let lower: String = name
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .replace("aa", "å");
    lower
        .chars()
        .flat_map(|c| match c {
            'æ' | 'ä' => vec![u32::from('z') + 1],
            'ø' | 'ö' => vec![u32::from('z') + 2],
            'å' => vec![u32::from('z') + 3],
            _ => c
                .to_string()
                .nfd()
                .filter(|d| !is_combining_mark(*d))
                .map(u32::from)
                .collect(),
        })
        .collect()
}

/// Whether every word of `query` matches some word of `text` (an empty query matches nothing).
#[cfg(test)]
pub(crate) fn matches_all(query: &str, text: &str) -> bool {
    let q = words(query);
    let t = words(text);
    !q.is_empty() && q.iter().all(|qw| t.iter().any(|tw| qw.matches(tw)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn danish_inflection_case_and_spelling() {
        for (query, text) in [
            ("kvindegrupper", "Kvindegruppe for nyankomne"),
            ("kvindegruppen", "KVINDEGRUPPER"),
            ("lektiecafeer", "Lektiecafé på biblioteket"),
            ("cafe", "Lektiecafé"),
            ("Ålborg", "Aalborg Kommune"),
            ("aalborg", "Ålborg"),
            ("roede kors", "Røde Kors Ikast"),
            ("LAWANs", "LAWAN"),
            ("foreningens", "Kurdisk ungdomsforening"),
            ("homework", "homework café"),
            ("cafés", "Homework Café"),
            ("sprogcafé", "sprogcaféen"),
            ("e\u{301}", "é"),
            ("Østerbyen", "østerbyens beboere"),
        ] {
            assert!(matches_all(query, text), "{query:?} should find {text:?}");
        }
        for (query, text) in [
            ("fodbold", "Lektiecafé"),
            ("ar", "arabisk"),
            ("", "anything"),
            ("horsens", "Herning"),
        ] {
            assert!(
                !matches_all(query, text),
                "{query:?} should not find {text:?}"
            );
        }
    }

    #[test]
    fn danish_order() {
        let mut names = vec![
            "Ølstykke",
            "Aalborg",
            "Zealand",
            "Århus",
            "Ærø",
            "abe",
            "Éclair",
            "Bording",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "abe",
                "Bording",
                "Éclair",
                "Zealand",
                "Ærø",
                "Ølstykke",
                "Aalborg",
                "Århus"
            ]
        );
    }

    proptest! {
        /// Nothing panics on any Unicode, and a text with words finds itself.
        #[test]
        fn any_text_finds_itself(s in "\\PC{0,40}") {
            let has_word = !words(&s).is_empty();
            prop_assert_eq!(matches_all(&s, &s), has_word);
        }

        /// Danish and English names find themselves in any case.
        #[test]
        fn names_in_any_case(s in "[a-zA-ZæøåÆØÅéÉüÜ]{1,12}( [a-zA-ZæøåÆØÅéÉ]{1,12}){0,3}") {
            prop_assert!(matches_all(&s, &s.to_uppercase()));
            prop_assert!(matches_all(&s.to_uppercase(), &s.to_lowercase()));
        }
    }
}
