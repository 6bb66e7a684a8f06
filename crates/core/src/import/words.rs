//! The words a spreadsheet's cells are written in: every value of the closed vocabularies the
//! column layout uses, as its file key (English, what data files and programs write), its
//! Danish form (what the Excel form writes and what a Danish coordinator types) and the other
//! spellings people use in either language.
//!
//! Reading accepts any of them in any case, with `_`, `-` and spaces alike (`Social network`,
//! `social_network`, `socialt netværk` are one need); writing gives the key, or the Danish form
//! for Danish Excel. This table and the column names in [`super::columns`] are the one
//! definition of the layout's words: the documentation of each column lists them from here.

use crate::i18n::Lang;

/// One value of a vocabulary as files write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// The file key: `social_network`, `saturday`, `yes`.
    pub(crate) key: &'static str,
    /// The Danish form the Excel form writes: `socialt netværk`, `lørdag`, `ja`.
    pub(crate) da: &'static str,
    /// Other spellings read as this value (abbreviations, English words, synonyms).
    pub(crate) also: &'static [&'static str],
}

impl Word {
    /// The form written in `lang`'s Excel form (`None`: the file key).
    pub(crate) fn written(&self, lang: Option<Lang>) -> &'static str {
        match lang {
            Some(Lang::Da) => self.da,
            _ => self.key,
        }
    }

    fn spellings(&self) -> impl Iterator<Item = &'static str> {
        [self.key, self.da]
            .into_iter()
            .chain(self.also.iter().copied())
    }
}

const fn w(key: &'static str, da: &'static str, also: &'static [&'static str]) -> Word {
    Word { key, da, also }
}

/// Days of the week, with three-letter and common short forms in both languages.
pub(crate) const WEEKDAYS: &[Word] = &[
    w("monday", "mandag", &["mon", "man", "ma"]),
    w("tuesday", "tirsdag", &["tue", "tues", "tir", "tirs", "ti"]),
    w("wednesday", "onsdag", &["wed", "ons", "on"]),
    w(
        "thursday",
        "torsdag",
        &["thu", "thur", "thurs", "tor", "tors", "to"],
    ),
    w("friday", "fredag", &["fri", "fre", "fr"]),
    w("saturday", "lørdag", &["sat", "lør", "lø", "loerdag"]),
    w("sunday", "søndag", &["sun", "søn", "sø", "soendag"]),
];

/// Parts of the day a volunteer or household is free.
pub(crate) const DAY_PARTS: &[Word] = &[
    w("morning", "formiddag", &["morgen"]),
    w("daytime", "dagtid", &["dag", "dagtimer", "day"]),
    w("afternoon", "eftermiddag", &["sen eftermiddag"]),
    w("evening", "aften", &["aftener", "night"]),
];

/// The standard needs (a partnership's own as `custom:<id>` / `eget:<id>`).
pub(crate) const NEEDS: &[Word] = &[
    w(
        "social_network",
        "socialt netværk",
        &["netværk", "socialt", "network", "ensomhed"],
    ),
    w(
        "language_practice",
        "sprogtræning",
        &["sprog", "dansktræning", "sprogpraktik"],
    ),
    w(
        "homework_help",
        "lektiehjælp",
        &["lektiecafé", "lektiecafe", "homework"],
    ),
    w(
        "job_or_internship",
        "job eller praktik",
        &[
            "job",
            "praktik",
            "job og praktik",
            "beskæftigelse",
            "internship",
        ],
    ),
    w(
        "childrens_leisure",
        "fritidsliv for børn",
        &[
            "børns fritid",
            "fritid for børn",
            "fritidsliv",
            "children's leisure",
        ],
    ),
    w(
        "womens_group",
        "kvindegruppe",
        &["kvindenetværk", "women's group"],
    ),
    w(
        "practical_help",
        "praktisk hjælp",
        &["praktisk", "hjælp i hverdagen", "practical"],
    ),
];

/// Language levels: CEFR A1 to C2 and a first language. `begynder` and `flydende` are read as
/// the CEFR levels usually meant by them (A1 and C1).
pub(crate) const LEVELS: &[Word] = &[
    w("A1", "A1", &["begynder", "beginner"]),
    w("A2", "A2", &[]),
    w("B1", "B1", &[]),
    w("B2", "B2", &[]),
    w("C1", "C1", &["flydende", "fluent"]),
    w("C2", "C2", &[]),
    w(
        "native",
        "modersmål",
        &[
            "modersmaal",
            "første sprog",
            "first language",
            "mother tongue",
        ],
    ),
];

/// Genders (of a volunteer, or of a group's participants).
pub(crate) const GENDERS: &[Word] = &[
    w(
        "female",
        "kvinde",
        &["k", "f", "kvindelig", "kvinder", "woman", "women"],
    ),
    w("male", "mand", &["m", "mandlig", "mænd", "man", "men"]),
    w("other", "andet", &["blandet", "mixed", "alle"]),
];

/// Kinds of volunteer offer.
pub(crate) const OFFER_KINDS: &[Word] = &[
    w(
        "contact_family",
        "kontaktfamilie",
        &["familie", "værtsfamilie"],
    ),
    w(
        "contact_person",
        "kontaktperson",
        &["besøgsven", "visiting friend"],
    ),
    w("language_mentor", "sprogmentor", &["sprogven"]),
    w(
        "job_mentor",
        "jobmentor",
        &["faglig mentor", "erhvervsmentor"],
    ),
    w("activity", "aktivitet", &["forløb", "hold", "gruppe"]),
];

/// Credentials a volunteer holds.
pub(crate) const CREDENTIALS: &[Word] = &[
    w(
        "child_protection_certificate",
        "børneattest",
        &["boerneattest", "child-protection certificate"],
    ),
    w("first_aid", "førstehjælp", &["førstehjælpskursus"]),
    w("driving_licence", "kørekort", &["driving license"]),
    w("mentor_training", "mentoruddannelse", &["mentorkursus"]),
];

/// The standard kinds of seats an offer has and a household needs (a partnership's own kinds
/// are written by their id).
pub(crate) const SEAT_KINDS: &[Word] = &[
    w("adults", "voksne", &["voksen", "adult"]),
    w("children", "børn", &["barn", "boern", "child"]),
    w(
        "school_places",
        "skolepladser",
        &["skoleplads", "school place", "school places"],
    ),
    w("people", "personer", &["person", "personer i alt"]),
];

/// What a household's wish is about: `volunteer_gender:<gender>`, `offer_kind:<kind>`.
pub(crate) const PREFERENCE_KINDS: &[Word] = &[
    w("volunteer_gender", "frivilligs køn", &["køn", "gender"]),
    w("offer_kind", "tilbudstype", &["type", "kind"]),
];

/// A text in the form words are compared in: lower case, with `_`, `-` and runs of white space
/// as one space, and `aa`/`oe`/`ae` left alone (they are spelt out in the tables where used).
pub(crate) fn normal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c == '_' || c == '-' || c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// The word `s` spells, in any of its spellings.
pub(crate) fn find(words: &'static [Word], s: &str) -> Option<&'static Word> {
    let s = normal(s);
    if s.is_empty() {
        return None;
    }
    words
        .iter()
        .find(|w| w.spellings().any(|sp| normal(sp) == s))
}

/// The word of a file key.
pub(crate) fn by_key(words: &'static [Word], key: &str) -> Option<&'static Word> {
    words.iter().find(|w| w.key == key)
}

/// The spellings to name in a message: the Danish forms in Danish, the keys in English.
pub(crate) fn listed(words: &[Word], lang: Lang) -> String {
    words
        .iter()
        .map(|w| match lang {
            Lang::Da => w.da,
            Lang::En => w.key,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Vocabulary;

    const ALL: &[&[Word]] = &[
        WEEKDAYS,
        DAY_PARTS,
        NEEDS,
        LEVELS,
        GENDERS,
        OFFER_KINDS,
        CREDENTIALS,
        PREFERENCE_KINDS,
    ];

    #[test]
    fn every_spelling_names_one_value_of_its_vocabulary() {
        for words in ALL {
            for a in *words {
                for sp in a.spellings() {
                    let hits: Vec<&str> = words
                        .iter()
                        .filter(|b| b.spellings().any(|x| normal(x) == normal(sp)))
                        .map(|b| b.key)
                        .collect();
                    assert_eq!(hits, [a.key], "{sp:?} is ambiguous");
                }
            }
        }
    }

    #[test]
    fn spellings_match_in_any_case_and_spacing() {
        assert_eq!(
            find(NEEDS, "Social Network").map(|w| w.key),
            Some("social_network")
        );
        assert_eq!(
            find(NEEDS, " socialt  netværk ").map(|w| w.key),
            Some("social_network")
        );
        assert_eq!(
            find(NEEDS, "KVINDEGRUPPE").map(|w| w.key),
            Some("womens_group")
        );
        assert_eq!(find(WEEKDAYS, "Lør").map(|w| w.key), Some("saturday"));
        assert_eq!(find(DAY_PARTS, "dag").map(|w| w.key), Some("daytime"));
        assert_eq!(find(LEVELS, "Flydende").map(|w| w.key), Some("C1"));
        assert_eq!(find(NEEDS, ""), None);
        assert_eq!(normal("  Job_or-internship "), "job or internship");
    }

    /// Whatever the library shows a Danish reader as a value's label, a Danish file may write.
    #[test]
    fn the_danish_labels_people_see_are_read() {
        fn check<T: Vocabulary>(words: &'static [Word]) {
            for v in T::values() {
                let key = match serde_json::to_value(v) {
                    Ok(serde_json::Value::String(s)) => s,
                    other => panic!("{other:?}"),
                };
                let word = by_key(words, &key).unwrap_or_else(|| panic!("{key} has no word"));
                let label = v.label(Lang::Da);
                assert_eq!(find(words, label), Some(word), "{label}");
                assert_eq!(find(words, v.label(Lang::En)), Some(word), "{key}");
            }
            assert_eq!(words.len(), T::values().len(), "{}", T::NAME);
        }
        use crate::matching::model::profile::{Credential, Gender, OfferKind, Weekday};
        check::<Weekday>(WEEKDAYS);
        check::<crate::agreement::TimeOfDay>(DAY_PARTS);
        check::<Gender>(GENDERS);
        check::<OfferKind>(OFFER_KINDS);
        check::<Credential>(CREDENTIALS);
        use crate::matching::model::profile::Need;
        for n in Need::STANDARD {
            let word = by_key(NEEDS, n.key()).unwrap_or_else(|| panic!("{}", n.key()));
            assert_eq!(find(NEEDS, &n.label(Lang::Da)), Some(word));
            assert_eq!(find(NEEDS, &n.label(Lang::En)), Some(word));
        }
    }
}
