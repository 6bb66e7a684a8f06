//! Checklist templates as data: sections of items with stable ids, Danish and English text, an
//! answer kind, a weight, a critical flag and a source. Templates are read from TOML or JSON
//! and checked as a whole, so one load reports every problem with its path.

use super::codes::ChecklistCode;
use crate::checklists::model::vocab::Side;
use crate::code::SaveCode;
use crate::error::{BrobyggerError, LoadError};
use crate::finding::{FieldPath, Finding, SourceRef};
use crate::i18n::{Lang, Text, labels};
use crate::ids::{ChoiceId, ItemId, SectionId, TemplateId, is_well_formed};
use crate::validation_code::ValidationCode;
use std::collections::HashSet;
use std::path::Path;

/// The version of the template file format this library reads and writes.
pub const TEMPLATE_SCHEMA_VERSION: u32 = 1;

/// A checklist template: what a party is asked, item by item.
///
/// `id` and `version` together name one template; answers record both, so a session stays
/// readable after the template changes. Item ids are stable across versions so answers to an
/// item can still be compared.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistTemplate {
    /// The version of the template file format; must be [`TEMPLATE_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Id, e.g. `joint-expectations`.
    pub id: TemplateId,
    /// The template's own version: 1, 2, ... A changed template gets a new version.
    pub version: u32,
    /// Title.
    pub title: Text,
    /// What the checklist is for and how to answer it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Which sides are meant to answer it. With both, each party answers on its own and the
    /// answers are compared.
    pub respondents: Vec<Side>,
    /// The source document section the template as a whole comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// The sections, in the order they are asked.
    pub sections: Vec<ChecklistSection>,
}

/// A group of items under one heading.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistSection {
    /// Id, unique within the template.
    pub id: SectionId,
    /// Heading.
    pub title: Text,
    /// An introduction shown under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The items.
    pub items: Vec<ChecklistItem>,
}

/// One question or statement to answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistItem {
    /// Id, unique within the template and stable across its versions.
    pub id: ItemId,
    /// The question.
    pub text: Text,
    /// Sub-points and prompts that help answering (shown under the question).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<Text>,
    /// How it is answered.
    pub answer: AnswerKind,
    /// How much the item counts in the overall score; positive, 1 by default.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// Whether a divergence on this item blocks signing until it is resolved.
    #[serde(default, skip_serializing_if = "is_false")]
    pub critical: bool,
    /// The source document section behind the item; the template's source if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

fn one() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref, clippy::float_cmp)]
fn is_one(x: &f64) -> bool {
    *x == 1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// How an item is answered, and what comparing two answers means for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnswerKind {
    /// Yes, partly, no or not relevant.
    YesNo,
    /// A whole number from 1 to 5.
    Scale {
        /// What 1 means, e.g. "slet ikke" / "not at all".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        low: Option<Text>,
        /// What 5 means, e.g. "i meget høj grad" / "to a very high degree".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        high: Option<Text>,
    },
    /// A number with a unit, e.g. meetings per month or hours per month.
    Number {
        /// The unit, e.g. "timer pr. måned" / "hours per month".
        unit: Text,
        /// The unit after exactly 1, where it differs: "time pr. måned" / "hour per month"
        /// ("1 time", never "1 timer"); `unit` if absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit_one: Option<Text>,
        /// The smallest allowed value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// The largest allowed value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// The relative gap (0–1) still counted as agreement; 0.1 if absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tolerance: Option<f64>,
    },
    /// A choice among options.
    Choice {
        /// The options, at least two.
        options: Vec<ChoiceOption>,
        /// Whether several options may be chosen.
        #[serde(default, skip_serializing_if = "is_false")]
        multiple: bool,
    },
    /// Free text, compared by the parties themselves.
    Text,
}

/// The relative gap between numbers still counted as agreement when an item sets none.
pub const DEFAULT_NUMBER_TOLERANCE: f64 = 0.1;

impl AnswerKind {
    /// The kind's name, for apps choosing an input widget.
    pub fn name(&self) -> AnswerKindName {
        match self {
            AnswerKind::YesNo => AnswerKindName::YesNo,
            AnswerKind::Scale { .. } => AnswerKindName::Scale,
            AnswerKind::Number { .. } => AnswerKindName::Number,
            AnswerKind::Choice { .. } => AnswerKindName::Choice,
            AnswerKind::Text => AnswerKindName::Text,
        }
    }
}

/// The five answer kinds by name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnswerKindName {
    /// Yes, partly, no or not relevant.
    YesNo,
    /// 1 to 5.
    Scale,
    /// A number with a unit.
    Number,
    /// A choice among options.
    Choice,
    /// Free text.
    Text,
}

labels!(AnswerKindName, "answer_kind" {
    YesNo => ("ja/nej", "yes/no"),
    Scale => ("skala 1–5", "scale 1–5"),
    Number => ("tal", "number"),
    Choice => ("valg", "choice"),
    Text => ("fritekst", "free text"),
});

/// One option of a choice item.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChoiceOption {
    /// Id, unique within the item and stable across versions.
    pub id: ChoiceId,
    /// Label.
    pub text: Text,
}

impl ChecklistTemplate {
    /// Every item with its section, in the order asked.
    pub fn items(&self) -> impl Iterator<Item = (&ChecklistSection, &ChecklistItem)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    /// The item with `id`.
    pub fn item(&self, id: &ItemId) -> Option<&ChecklistItem> {
        self.items().map(|(_, i)| i).find(|i| &i.id == id)
    }

    /// The number of items.
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// The source of an item: its own, or the template's.
    pub fn source_of(&self, item: &ChecklistItem) -> Option<SourceRef> {
        item.source.clone().or_else(|| self.source.clone())
    }

    /// Reads a template from TOML and checks it; errors name the path, line and column but
    /// never quote the input.
    pub fn from_toml(toml_text: &str) -> Result<Self, BrobyggerError> {
        let t = parse_toml(toml_text)?;
        t.checked()
    }

    /// Reads a template from JSON and checks it.
    pub fn from_json(json: &str) -> Result<Self, BrobyggerError> {
        let t = parse_json(json)?;
        t.checked()
    }

    /// Reads a template file, TOML or JSON by its extension (`.toml`, `.json`).
    pub fn load(path: impl AsRef<Path>) -> Result<Self, BrobyggerError> {
        let path = path.as_ref();
        let bytes = crate::fsio::read_input(path)?;
        let text = std::str::from_utf8(&bytes).map_err(|e| LoadError::Syntax {
            path: String::new(),
            line: 0,
            column: 0,
            reason: format!(
                "the input is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        })?;
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("toml") => Self::from_toml(text),
            Some(ext) if ext.eq_ignore_ascii_case("json") => Self::from_json(text),
            _ => Err(BrobyggerError::invalid_input(
                ChecklistCode::UnknownFormat,
                "path",
                "a template file must end in .toml or .json",
            )),
        }
    }

    /// The template as TOML.
    pub fn to_toml(&self) -> Result<String, BrobyggerError> {
        toml::to_string_pretty(self).map_err(|e| BrobyggerError::Internal {
            code: SaveCode::Serialize.into(),
            reason: e.to_string(),
        })
    }

    /// The template as pretty-printed JSON with a trailing newline.
    pub fn to_json(&self) -> Result<String, BrobyggerError> {
        let mut s = serde_json::to_string_pretty(self).map_err(|e| BrobyggerError::Internal {
            code: SaveCode::Serialize.into(),
            reason: e.to_string(),
        })?;
        s.push('\n');
        Ok(s)
    }

    /// Every problem with the template, errors first, with paths from the template's root.
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        validate_template(self, &FieldPath::root(), &mut out);
        crate::finding::sort_findings(&mut out);
        out
    }

    /// `Ok(self)` if the template has no errors, otherwise a validation error with all findings.
    pub fn checked(self) -> Result<Self, BrobyggerError> {
        let findings = self.validate();
        if findings
            .iter()
            .any(|f| f.severity == crate::finding::Severity::Error)
        {
            Err(BrobyggerError::Validation {
                code: ChecklistCode::InvalidTemplate.into(),
                findings,
            })
        } else {
            Ok(self)
        }
    }

    /// The items as an app shows them: text, guidance, options and labels in `lang`.
    pub fn item_views(&self, lang: Lang) -> Vec<ChecklistItemView> {
        self.items()
            .map(|(section, item)| ChecklistItemView::new(self, section, item, lang))
            .collect()
    }
}

/// One item as an app lists it, every text in one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistItemView {
    /// The section's id.
    pub section: SectionId,
    /// The section's heading.
    pub section_title: String,
    /// The item's id, to answer it by.
    pub item: ItemId,
    /// The question.
    pub text: String,
    /// Sub-points and prompts.
    pub guidance: Vec<String>,
    /// The answer kind.
    pub kind: AnswerKindName,
    /// The values to pick from: the options of a choice, the four yes/no values, the five
    /// scale steps; empty for numbers and text.
    pub options: Vec<ChecklistOptionView>,
    /// Whether several options may be picked.
    pub multiple: bool,
    /// The unit of a number.
    pub unit: Option<String>,
    /// The smallest allowed number.
    pub min: Option<f64>,
    /// The largest allowed number.
    pub max: Option<f64>,
    /// Whether a divergence blocks signing.
    pub critical: bool,
    /// The item's weight.
    pub weight: f64,
    /// A citation of the source, e.g. `003 "Kom godt i gang"`.
    pub source: Option<String>,
}

/// A value to pick, with its label.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistOptionView {
    /// The value as it is written in answers: a choice id, `yes`/`partly`/`no`/`not_relevant`,
    /// or `1`–`5`.
    pub value: String,
    /// Its label.
    pub label: String,
}

impl ChecklistItemView {
    fn new(
        template: &ChecklistTemplate,
        section: &ChecklistSection,
        item: &ChecklistItem,
        lang: Lang,
    ) -> Self {
        let mut options = Vec::new();
        let mut multiple = false;
        let (mut unit, mut min, mut max) = (None, None, None);
        match &item.answer {
            AnswerKind::YesNo => {
                options = crate::i18n::entries::<super::vocab::YesNo>(lang)
                    .into_iter()
                    .map(|e| ChecklistOptionView {
                        value: e.value,
                        label: e.label,
                    })
                    .collect();
            }
            AnswerKind::Scale { low, high } => {
                for step in 1..=5u8 {
                    let end = match step {
                        1 => low.as_ref(),
                        5 => high.as_ref(),
                        _ => None,
                    };
                    options.push(ChecklistOptionView {
                        value: step.to_string(),
                        label: match end {
                            Some(t) => format!("{step} ({})", t.get(lang)),
                            None => step.to_string(),
                        },
                    });
                }
            }
            AnswerKind::Number {
                unit: u,
                min: lo,
                max: hi,
                ..
            } => {
                unit = Some(u.get(lang).to_owned());
                min = *lo;
                max = *hi;
            }
            AnswerKind::Choice {
                options: opts,
                multiple: m,
            } => {
                multiple = *m;
                options = opts
                    .iter()
                    .map(|o| ChecklistOptionView {
                        value: o.id.to_string(),
                        label: o.text.get(lang).to_owned(),
                    })
                    .collect();
            }
            AnswerKind::Text => {}
        }
        ChecklistItemView {
            section: section.id.clone(),
            section_title: section.title.get(lang).to_owned(),
            item: item.id.clone(),
            text: item.text.get(lang).to_owned(),
            guidance: item
                .guidance
                .iter()
                .map(|g| g.get(lang).to_owned())
                .collect(),
            kind: item.answer.name(),
            options,
            multiple,
            unit,
            min,
            max,
            critical: item.critical,
            weight: item.weight,
            source: template.source_of(item).map(|s| s.cite()),
        }
    }
}

/// The part of a template read first, to check the format version before anything else.
#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

fn check_version(v: Option<serde_json::Value>) -> Result<(), BrobyggerError> {
    match v {
        None => Err(LoadError::MissingSchemaVersion {
            supported: TEMPLATE_SCHEMA_VERSION,
        }
        .into()),
        Some(v) => match v.as_u64() {
            Some(n) => Ok(LoadError::check_version(
                u32::try_from(n).unwrap_or(u32::MAX),
                TEMPLATE_SCHEMA_VERSION,
            )?),
            None => Err(LoadError::Syntax {
                path: "schema_version".into(),
                line: 0,
                column: 0,
                reason: "schema_version must be a non-negative integer".into(),
            }
            .into()),
        },
    }
}

fn parse_json(json: &str) -> Result<ChecklistTemplate, BrobyggerError> {
    let syntax = |path: &str, e: &serde_json::Error| LoadError::Syntax {
        path: if path == "." { "" } else { path }.to_owned(),
        line: u32::try_from(e.line()).unwrap_or(u32::MAX),
        column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        reason: crate::error::redact_message(&e.to_string()),
    };
    let probe: VersionProbe = serde_json::from_str(json).map_err(|e| syntax("", &e))?;
    check_version(probe.schema_version)?;
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de)
        .map_err(|e| syntax(&crate::error::error_path(&e), e.inner()).into())
}

fn parse_toml(text: &str) -> Result<ChecklistTemplate, BrobyggerError> {
    let error = |path: &str, e: &toml::de::Error, redact: bool| {
        let (line, column) = e
            .span()
            .map(|s| line_column(text, s.start))
            .unwrap_or((0, 0));
        // `message()` is the reason alone; the error's Display would quote the input line.
        // Syntax errors describe the grammar only; type errors may quote values, so those are
        // redacted.
        let reason = if redact {
            crate::error::redact_message(e.message())
        } else {
            e.message().to_owned()
        };
        LoadError::Syntax {
            path: if path == "." { "" } else { path }.to_owned(),
            line,
            column,
            reason,
        }
    };
    let parse = || toml::Deserializer::parse(text).map_err(|e| error("", &e, false));
    let probe = <VersionProbe as serde::Deserialize>::deserialize(parse()?)
        .map_err(|e| error("", &e, true))?;
    check_version(probe.schema_version)?;
    serde_path_to_error::deserialize(parse()?)
        .map_err(|e| error(&crate::error::error_path(&e), e.inner(), true).into())
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// Appends every problem of `t` to `out`, with paths under `base`.
pub(crate) fn validate_template(t: &ChecklistTemplate, base: &FieldPath, out: &mut Vec<Finding>) {
    let mut v = TemplateCheck { out };
    v.run(t, base);
}

struct TemplateCheck<'a> {
    out: &'a mut Vec<Finding>,
}

impl TemplateCheck<'_> {
    fn push(
        &mut self,
        kind: impl crate::finding::FindingKind,
        path: FieldPath,
        da: &str,
        en: &str,
    ) {
        self.out.push(Finding::of(kind, path, Text::new(da, en)));
    }

    fn id(&mut self, path: FieldPath, id: &str) {
        if !is_well_formed(id) {
            self.push(
                ValidationCode::InvalidId,
                path,
                "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.",
                "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.",
            );
        }
    }

    fn duplicate(&mut self, path: FieldPath) {
        self.push(
            ValidationCode::DuplicateId,
            path,
            "Id'et er brugt mere end én gang.",
            "The id is used more than once.",
        );
    }

    fn text(&mut self, path: FieldPath, t: &Text) {
        for (lang, s) in [("da", &t.da), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.push(
                    ValidationCode::EmptyText,
                    path.field(lang),
                    "Teksten er tom; hver tekst skal findes på dansk og engelsk.",
                    "The text is empty; every text must exist in Danish and English.",
                );
            }
        }
    }

    fn number(&mut self, path: FieldPath, x: f64) -> bool {
        if x.is_finite() {
            return true;
        }
        self.push(
            ValidationCode::NonFiniteNumber,
            path,
            "Tallet skal være endeligt.",
            "The number must be finite.",
        );
        false
    }

    fn run(&mut self, t: &ChecklistTemplate, base: &FieldPath) {
        if t.schema_version != TEMPLATE_SCHEMA_VERSION {
            self.push(
                ChecklistCode::InvalidVersion,
                base.field("schema_version"),
                "Skabelonformatets version understøttes ikke.",
                "The template format version is not supported.",
            );
        }
        self.id(base.field("id"), t.id.as_str());
        if t.version == 0 {
            self.push(
                ChecklistCode::InvalidVersion,
                base.field("version"),
                "Skabelonens version skal være mindst 1.",
                "The template version must be at least 1.",
            );
        }
        self.text(base.field("title"), &t.title);
        if let Some(d) = &t.description {
            self.text(base.field("description"), d);
        }
        if t.respondents.is_empty() {
            self.push(
                ChecklistCode::NoRespondents,
                base.field("respondents"),
                "Skabelonen siger ikke, hvilken side der skal besvare den.",
                "The template does not say which side answers it.",
            );
        }
        let mut sides = HashSet::new();
        for (i, s) in t.respondents.iter().enumerate() {
            if !sides.insert(*s) {
                self.push(
                    ValidationCode::DuplicateParty,
                    base.field("respondents").index(i),
                    "Siden er nævnt mere end én gang.",
                    "The side is listed more than once.",
                );
            }
        }
        if let Some(src) = &t.source {
            self.source(base.field("source"), src);
        }
        if t.sections.is_empty() {
            self.push(
                ChecklistCode::NoItems,
                base.field("sections"),
                "Skabelonen har ingen afsnit.",
                "The template has no sections.",
            );
        }
        let mut section_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for (i, s) in t.sections.iter().enumerate() {
            let sp = base.field("sections").index(i);
            self.id(sp.field("id"), s.id.as_str());
            if !section_ids.insert(s.id.as_str()) {
                self.duplicate(sp.field("id"));
            }
            self.text(sp.field("title"), &s.title);
            if let Some(intro) = &s.intro {
                self.text(sp.field("intro"), intro);
            }
            if s.items.is_empty() {
                self.push(
                    ChecklistCode::NoItems,
                    sp.field("items"),
                    "Afsnittet har ingen punkter.",
                    "The section has no items.",
                );
            }
            for (j, item) in s.items.iter().enumerate() {
                let ip = sp.field("items").index(j);
                self.id(ip.field("id"), item.id.as_str());
                if !item_ids.insert(item.id.as_str()) {
                    self.duplicate(ip.field("id"));
                }
                self.item(&ip, item);
            }
        }
    }

    fn source(&mut self, path: FieldPath, src: &SourceRef) {
        if src.section.trim().is_empty() {
            self.push(
                ValidationCode::EmptyText,
                path.field("section"),
                "Kildens afsnit er tomt.",
                "The source section is empty.",
            );
        }
    }

    fn item(&mut self, ip: &FieldPath, item: &ChecklistItem) {
        self.text(ip.field("text"), &item.text);
        for (k, g) in item.guidance.iter().enumerate() {
            self.text(ip.field("guidance").index(k), g);
        }
        if self.number(ip.field("weight"), item.weight) && item.weight <= 0.0 {
            self.push(
                ChecklistCode::InvalidWeight,
                ip.field("weight"),
                "Vægten skal være større end 0.",
                "The weight must be greater than 0.",
            );
        }
        if let Some(src) = &item.source {
            self.source(ip.field("source"), src);
        }
        let ap = ip.field("answer");
        match &item.answer {
            AnswerKind::YesNo | AnswerKind::Text => {}
            AnswerKind::Scale { low, high } => {
                if let Some(t) = low {
                    self.text(ap.field("low"), t);
                }
                if let Some(t) = high {
                    self.text(ap.field("high"), t);
                }
            }
            AnswerKind::Number {
                unit,
                unit_one,
                min,
                max,
                tolerance,
            } => {
                self.text(ap.field("unit"), unit);
                if let Some(one) = unit_one {
                    self.text(ap.field("unit_one"), one);
                }
                let lo = min.filter(|x| self.number(ap.field("min"), *x));
                let hi = max.filter(|x| self.number(ap.field("max"), *x));
                if let (Some(lo), Some(hi)) = (lo, hi)
                    && lo > hi
                {
                    self.push(
                        ChecklistCode::InvalidRange,
                        ap.field("max"),
                        "Største værdi er mindre end mindste værdi.",
                        "The largest value is below the smallest value.",
                    );
                }
                if let Some(tol) = tolerance
                    && self.number(ap.field("tolerance"), *tol)
                    && !(0.0..=1.0).contains(tol)
                {
                    self.push(
                        ChecklistCode::InvalidRange,
                        ap.field("tolerance"),
                        "Tolerancen er en relativ forskel og skal ligge mellem 0 og 1.",
                        "The tolerance is a relative gap and must lie between 0 and 1.",
                    );
                }
            }
            AnswerKind::Choice { options, .. } => {
                if options.len() < 2 {
                    self.push(
                        ChecklistCode::TooFewOptions,
                        ap.field("options"),
                        "Et valg skal have mindst to muligheder.",
                        "A choice needs at least two options.",
                    );
                }
                let mut ids = HashSet::new();
                for (k, o) in options.iter().enumerate() {
                    let op = ap.field("options").index(k);
                    self.id(op.field("id"), o.id.as_str());
                    if !ids.insert(o.id.as_str()) {
                        self.duplicate(op.field("id"));
                    }
                    self.text(op.field("text"), &o.text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "a = 1\nø = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // 'ø' is two bytes; the '=' after it is the third character.
        assert_eq!(line_column(text, 9), (2, 3));
        assert_eq!(line_column(text, 1000), (3, 1));
    }
}
