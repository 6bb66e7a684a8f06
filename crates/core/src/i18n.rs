//! Danish and English text: every user-facing label and message exists in both.
//!
//! This is the one translation home of the library: [`Lang`] and [`Text`], the vocabulary
//! labels ([`Label`], [`Vocabulary`]), the [`t`] helper for a text written in place, and beside
//! them the forms that change with a count ([`plural`]), numbers ([`number`]: decimal comma and
//! Danish thousands separator) and dates ([`date`]: `3. december 2026` in prose, ISO in data).
//!
//! Why no i18n library: there are exactly two languages, both with the same two plural
//! categories for whole numbers (one, other), and the library's texts are written next to the
//! code that fills them in. Fluent (`fluent-bundle`) would move every text into resource files
//! looked up by string keys at run time (a typo is found only when the text is shown), and its
//! Rust number formatter writes neither a decimal comma nor a thousands separator, which is the
//! part Danish needs. ICU4X formats numbers and dates for every locale, but its data and code
//! add several hundred kilobytes to the mobile library (the `release-mobile` profile is counted
//! in kilobytes) and minutes to a cold build on two cores. The rules for Danish and English fit
//! in a few hundred tested lines here.

use std::fmt;

pub mod date;
pub mod number;
pub mod plural;

/// The text in `lang` of a pair written in place: `t(lang, "Forslag", "Proposed matches")`.
///
/// For texts that are used in one place only; a vocabulary value has a [`Label`], a counted
/// word a [`plural::Plural`].
pub fn t<'a>(lang: Lang, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// A language for user-facing text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Lang {
    /// Danish (dansk).
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code, `da` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parses `da`/`dansk`/`danish` or `en`/`english` (any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" | "dansk" | "danish" | "da-dk" => Some(Lang::Da),
            "en" | "english" | "engelsk" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in Danish and English.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Text {
    /// Danish.
    pub da: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its Danish and English versions.
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            da: da.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

/// A vocabulary value with a fixed Danish and English label.
pub trait Label {
    /// The label in `lang`.
    fn label(&self, lang: Lang) -> &'static str;
}

/// A closed vocabulary (an enum without data) whose values have Danish and English labels.
pub trait Vocabulary: Label + serde::Serialize + Sized + Copy + 'static {
    /// The vocabulary's name, e.g. `agreement_status`.
    const NAME: &'static str;
    /// Every value, in declaration order.
    fn values() -> &'static [Self];
}

/// One value of a vocabulary with its label, for apps that build pickers and legends.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VocabularyEntry {
    /// The vocabulary, e.g. `agreement_status`.
    pub vocabulary: String,
    /// The value as written in files, e.g. `under_review`.
    pub value: String,
    /// The label in the requested language.
    pub label: String,
}

/// The entries of one vocabulary in `lang`.
pub fn entries<V: Vocabulary>(lang: Lang) -> Vec<VocabularyEntry> {
    V::values()
        .iter()
        .map(|v| VocabularyEntry {
            vocabulary: V::NAME.to_owned(),
            value: serde_json::to_value(v)
                .ok()
                .and_then(|j| j.as_str().map(str::to_owned))
                .unwrap_or_default(),
            label: v.label(lang).to_owned(),
        })
        .collect()
}

/// Implements [`Label`] and [`Vocabulary`] for a fieldless enum from
/// `Variant => ("dansk", "english")` pairs.
macro_rules! labels {
    ($ty:ty, $name:literal { $($variant:ident => ($da:expr, $en:expr)),+ $(,)? }) => {
        impl $crate::i18n::Label for $ty {
            fn label(&self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (<$ty>::$variant, $crate::i18n::Lang::Da) => $da,
                        (<$ty>::$variant, $crate::i18n::Lang::En) => $en,
                    )+
                }
            }
        }

        impl $crate::i18n::Vocabulary for $ty {
            const NAME: &'static str = $name;
            fn values() -> &'static [Self] {
                &[$(<$ty>::$variant),+]
            }
        }
    };
}
pub(crate) use labels;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parse() {
        assert_eq!(Lang::parse("DA"), Some(Lang::Da));
        assert_eq!(Lang::parse(" english "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
