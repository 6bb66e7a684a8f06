//! Danish and English text: every user-facing label and message exists in both.

use std::fmt;

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

/// Implements [`Label`] for a fieldless enum from `Variant => ("dansk", "english")` pairs.
macro_rules! labels {
    ($ty:ty { $($variant:ident => ($da:expr, $en:expr)),+ $(,)? }) => {
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
