//! Sensitivity classes for personal data, declared once on each field.
//!
//! Every field of a type that describes a person carries `x-sensitivity` in the JSON Schema
//! (declared with `#[schemars(extend("x-sensitivity" = ...))]` beside the field). That
//! declaration is the single source: [`field_classes`] reads it back, the committed schema shows
//! it to app developers, and consent, disclosure and anonymisation build on it.

use schemars::JsonSchema;
use std::fmt;

/// How sensitive a piece of personal data is, from least to most.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SensitivityClass {
    /// Not personal data at all (an opaque id, a date a post was created).
    NotPersonal,
    /// Ordinary personal data (GDPR art. 6): names, work contact details.
    Ordinary,
    /// Confidential information (forvaltningsloven § 27): social circumstances, case notes.
    Confidential,
    /// Special categories (GDPR art. 9): health, religion, ethnic origin, sex life.
    SpecialCategory,
    /// Criminal-record data (GDPR art. 10, databeskyttelsesloven § 8), e.g. a child-protection
    /// certificate (børneattest).
    CriminalRecord,
    /// A national identification number (CPR, databeskyttelsesloven § 11).
    NationalId,
}

crate::i18n::labels!(SensitivityClass, "sensitivity_class" {
    NotPersonal => ("ikke personoplysning", "not personal data"),
    Ordinary => ("almindelig personoplysning", "ordinary personal data"),
    Confidential => ("fortrolig oplysning", "confidential information"),
    SpecialCategory => ("særlig kategori (art. 9)", "special category (art. 9)"),
    CriminalRecord => ("strafbare forhold (art. 10)", "criminal-record data (art. 10)"),
    NationalId => ("personnummer", "national id number"),
});

impl SensitivityClass {
    /// The keyword used in the schema's `x-sensitivity`.
    pub fn keyword(self) -> &'static str {
        match self {
            SensitivityClass::NotPersonal => "not_personal",
            SensitivityClass::Ordinary => "ordinary",
            SensitivityClass::Confidential => "confidential",
            SensitivityClass::SpecialCategory => "special_category",
            SensitivityClass::CriminalRecord => "criminal_record",
            SensitivityClass::NationalId => "national_id",
        }
    }

    /// Parses a schema keyword.
    pub fn from_keyword(s: &str) -> Option<Self> {
        Some(match s {
            "not_personal" => SensitivityClass::NotPersonal,
            "ordinary" => SensitivityClass::Ordinary,
            "confidential" => SensitivityClass::Confidential,
            "special_category" => SensitivityClass::SpecialCategory,
            "criminal_record" => SensitivityClass::CriminalRecord,
            "national_id" => SensitivityClass::NationalId,
            _ => return None,
        })
    }

    /// Whether values of this class must never appear in logs, errors, explanations or `Debug`.
    /// Only data that is not personal may.
    pub fn is_redacted(self) -> bool {
        self != SensitivityClass::NotPersonal
    }
}

impl fmt::Display for SensitivityClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// A field of a personal-data type and its class.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldSensitivity {
    /// The field name as serialized.
    pub field: String,
    /// Its sensitivity class; `None` when the field has no declaration (a test forbids that).
    pub class: Option<SensitivityClass>,
}

/// A type whose fields describe a person and therefore each declare a sensitivity class.
pub trait PersonalData: JsonSchema {
    /// The classes of this type's fields, read from the schema declarations.
    fn field_classes() -> Vec<FieldSensitivity> {
        field_classes::<Self>()
    }
}

/// The `x-sensitivity` declarations of the top-level fields of `T`.
pub fn field_classes<T: JsonSchema + ?Sized>() -> Vec<FieldSensitivity> {
    let schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>();
    let value = schema.as_value();
    let mut out = Vec::new();
    if let Some(props) = value.get("properties").and_then(|p| p.as_object()) {
        for (name, prop) in props {
            let class = prop
                .get("x-sensitivity")
                .and_then(|v| v.as_str())
                .and_then(SensitivityClass::from_keyword);
            out.push(FieldSensitivity {
                field: name.clone(),
                class,
            });
        }
    }
    out
}

/// The class declared for `field` of `T`, if any.
pub fn class_of<T: PersonalData>(field: &str) -> Option<SensitivityClass> {
    T::field_classes()
        .into_iter()
        .find(|f| f.field == field)
        .and_then(|f| f.class)
}
