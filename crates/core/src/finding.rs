//! The common finding type: one shape for every problem or observation the library reports.
//!
//! Validation, role analysis, checklist alignment, matching and the health assessment all speak
//! in [`Finding`]s, so apps render, filter and translate them one way. A finding carries a stable
//! machine `code`, a [`Severity`], a [`FieldPath`] to what it is about, a Danish and English
//! message, and, where the evidence comes from the source documents, a [`SourceRef`].
//!
//! Messages name ids and paths only, never personal data.

use crate::i18n::{Lang, Text};
use std::fmt;

pub use crate::code::Severity;

/// A path to a field in a document, e.g. `agreements[0].governance.steering_group[2]`.
///
/// Paths order segment by segment, with list indices compared as numbers: `assignments[2]`
/// comes before `assignments[10]`, and a field before its own children.
#[derive(
    Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct FieldPath(String);

#[cfg(feature = "uniffi")]
uniffi::custom_type!(FieldPath, String, {
    lower: |p| p.0,
    try_lift: |s| Ok(FieldPath(s)),
});

impl FieldPath {
    /// The document root (the empty path).
    pub fn root() -> Self {
        Self(String::new())
    }

    /// A path from its rendered form.
    pub fn parse(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// This path followed by a named field.
    #[must_use]
    pub fn field(&self, name: &str) -> Self {
        if self.0.is_empty() {
            Self(name.to_owned())
        } else {
            Self(format!("{}.{}", self.0, name))
        }
    }

    /// This path followed by a list index.
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        Self(format!("{}[{}]", self.0, i))
    }

    /// The rendered path.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this path is `prefix` or lies inside it (`agreements[1].x` is inside
    /// `agreements[1]`, `agreements[10]` is not).
    pub fn is_within(&self, prefix: &FieldPath) -> bool {
        match self.0.strip_prefix(prefix.0.as_str()) {
            Some(rest) => prefix.0.is_empty() || rest.is_empty() || rest.starts_with(['.', '[']),
            None => false,
        }
    }

    /// Whether this is the document root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The path's segments: field names and indices, in order.
    pub fn segments(&self) -> Vec<PathSegment> {
        let mut out = Vec::new();
        for part in self.0.split('.').filter(|p| !p.is_empty()) {
            let (name, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !name.is_empty() {
                out.push(PathSegment::Field(name.to_owned()));
            }
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                if let Ok(i) = stripped[..end].parse() {
                    out.push(PathSegment::Index(i));
                }
                rest = &stripped[end + 1..];
            }
        }
        out
    }

    /// Whether this path points at a value inside `doc` (a serialized document).
    pub fn resolves_in(&self, doc: &serde_json::Value) -> bool {
        let mut cur = doc;
        for seg in self.segments() {
            let next = match seg {
                PathSegment::Field(name) => cur.get(name.as_str()),
                PathSegment::Index(i) => cur.get(i),
            };
            match next {
                Some(v) => cur = v,
                None => return false,
            }
        }
        true
    }
}

impl Ord for FieldPath {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let (mut a, mut b) = (Tokens::new(&self.0), Tokens::new(&other.0));
        loop {
            match (a.next(), b.next()) {
                (Some(x), Some(y)) => match x.cmp(&y) {
                    std::cmp::Ordering::Equal => {}
                    unequal => return unequal,
                },
                (None, Some(_)) => return std::cmp::Ordering::Less,
                (Some(_), None) => return std::cmp::Ordering::Greater,
                // Equal segment by segment (`a[01]` and `a[1]`): the text decides, so the order
                // agrees with equality.
                (None, None) => return self.0.cmp(&other.0),
            }
        }
    }
}

impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A segment of a path for ordering. The variant order is the order of the separators in the
/// text (`.` before `[`), so a field sorts before an index at the same place, as it did when
/// paths sorted as text.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Token<'a> {
    Field(&'a str),
    /// Digits without leading zeros, compared by length first: a number without allocation or
    /// overflow however long it is.
    Index(usize, &'a str),
    /// Anything else between brackets (not written by this library, but paths can be parsed).
    Other(&'a str),
}

struct Tokens<'a> {
    rest: &'a str,
    first: bool,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str) -> Self {
        Self {
            rest: s,
            first: true,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let first = std::mem::replace(&mut self.first, false);
        if self.rest.is_empty() {
            return None;
        }
        if let Some(inner) = self.rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else {
                self.rest = "";
                return Some(Token::Other(inner));
            };
            let content = &inner[..end];
            self.rest = &inner[end + 1..];
            if !content.is_empty() && content.bytes().all(|b| b.is_ascii_digit()) {
                let digits = content.trim_start_matches('0');
                return Some(Token::Index(digits.len(), digits));
            }
            return Some(Token::Other(content));
        }
        let body = match self.rest.strip_prefix('.') {
            Some(after) if !first => after,
            _ => self.rest,
        };
        let end = body.find(['.', '[']).unwrap_or(body.len());
        let (name, rest) = body.split_at(end);
        self.rest = rest;
        Some(Token::Field(name))
    }
}

/// One step in a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A named field.
    Field(String),
    /// A position in a list.
    Index(usize),
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(root)")
        } else {
            f.write_str(&self.0)
        }
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({:?})", self.0)
    }
}

/// One of the five source documents the project's rules come from (`shared/seeds/`).
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
pub enum SeedDocument {
    /// 000: KL news, December 2015: survey of municipalities' cooperation with civil society.
    Kl2015,
    /// 001: LG Insight's evaluation of "Lokalsamfundet Bygger Bro", February 2017.
    Lbb2017,
    /// 002: Local news on Red Cross "Venner Viser Vej" in Ikast-Brande, June 2019.
    Vvv2019,
    /// 003: Danish Refugee Council leaflet on ethnic minority associations (KEM), May 2017.
    Kem2017,
    /// 004: Center for Boligsocial Udvikling on long-term partnerships, April 2023.
    Cfbu2023,
}

impl SeedDocument {
    /// The file name under `shared/seeds/`.
    pub fn file(self) -> &'static str {
        match self {
            SeedDocument::Kl2015 => "000_9deedaf2ad59f88f.txt",
            SeedDocument::Lbb2017 => "001_fa4952a6ca9d3274.txt",
            SeedDocument::Vvv2019 => "002_a0266ed717745c16.txt",
            SeedDocument::Kem2017 => "003_0990c8bb579bb3c7.txt",
            SeedDocument::Cfbu2023 => "004_52c9987cce63917b.txt",
        }
    }

    /// The three-digit number the project uses to cite the document (`001`).
    pub fn number(self) -> &'static str {
        &self.file()[..3]
    }
}

crate::i18n::labels!(SeedDocument, "seed_document" {
    Kl2015 => (
        "KL: Kommuner samarbejder mere med frivillige om flygtninge (2015)",
        "KL: Municipalities cooperate more with volunteers on refugees (2015)"
    ),
    Lbb2017 => (
        "LG Insight: Lokalsamfundet Bygger Bro, evalueringens konklusioner og anbefalinger (2017)",
        "LG Insight: Lokalsamfundet Bygger Bro, evaluation conclusions and recommendations (2017)"
    ),
    Vvv2019 => (
        "Venner har vist vejen til god integration, Ikast-Brande (2019)",
        "Friends have shown the way to good integration, Ikast-Brande (2019)"
    ),
    Kem2017 => (
        "Dansk Flygtningehjælp: Inspiration til samarbejde mellem kommuner og etniske minoritetsforeninger (2017)",
        "Danish Refugee Council: Inspiration for cooperation between municipalities and ethnic minority associations (2017)"
    ),
    Cfbu2023 => (
        "Center for Boligsocial Udvikling: Fra projektsamarbejde til langsigtet strategisk samarbejde (2023)",
        "Center for Boligsocial Udvikling: From project cooperation to long-term strategic cooperation (2023)"
    ),
});

/// Where the evidence for a rule or a fact comes from: a source document and its section.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceRef {
    /// The document.
    pub document: SeedDocument,
    /// The section heading as it appears in the document (Danish), e.g. "Anerkendelse og respekt".
    pub section: String,
}

impl SourceRef {
    /// A reference to `section` of `document`.
    pub fn new(document: SeedDocument, section: impl Into<String>) -> Self {
        Self {
            document,
            section: section.into(),
        }
    }

    /// A short citation such as `001 "Anerkendelse og respekt"`.
    pub fn cite(&self) -> String {
        format!("{} \"{}\"", self.document.number(), self.section)
    }
}

/// A problem or observation, with where it is and, if the rule comes from evidence, its source.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    /// A stable machine code such as `validation.dangling_reference`; never reworded.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// The field it is about.
    pub path: FieldPath,
    /// What is wrong or notable, in Danish and English. Ids and paths only, no personal data.
    pub text: Text,
    /// The source document section behind the rule, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A typed vocabulary of findings for one concern (validation, roles, ...): each kind is a code
/// of the concern's enum ([`Code`](crate::code::Code)) with a severity and optionally a source.
pub trait FindingKind: crate::code::Code {
    /// The severity findings of this kind have: the one the code is declared with.
    fn severity(self) -> Severity {
        crate::code::Code::usage(self)
            .severity()
            .unwrap_or(Severity::Error)
    }
    /// The evidence behind the rule, if it comes from a source document.
    fn source(self) -> Option<SourceRef> {
        None
    }
}

impl Finding {
    /// A finding of `kind` at `path` with its message.
    pub fn of(kind: impl FindingKind, path: FieldPath, text: Text) -> Self {
        Self {
            code: kind.code().to_owned(),
            severity: kind.severity(),
            path,
            text,
            source: kind.source(),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }

    /// One line: `[severity] path: message (source)`.
    pub fn render(&self, lang: Lang) -> String {
        use crate::i18n::Label;
        let mut line = format!(
            "[{}] {}: {}",
            self.severity.label(lang),
            self.path,
            self.text.get(lang)
        );
        line.push_str(&self.cite_suffix());
        line
    }

    /// ` (source)` after a message, or nothing when the finding cites no source.
    pub fn cite_suffix(&self) -> String {
        self.source
            .as_ref()
            .map(|s| format!(" ({})", s.cite()))
            .unwrap_or_default()
    }
}

/// Counts and queries over a list of findings.
pub trait FindingsExt {
    /// Whether any finding is an error.
    fn has_errors(&self) -> bool;
    /// The number of findings with `severity`.
    fn count(&self, severity: Severity) -> usize;
    /// The findings with a given code.
    fn with_code(&self, code: &str) -> Vec<&Finding>;
}

impl FindingsExt for [Finding] {
    fn has_errors(&self) -> bool {
        self.iter().any(|f| f.severity == Severity::Error)
    }

    fn count(&self, severity: Severity) -> usize {
        self.iter().filter(|f| f.severity == severity).count()
    }

    fn with_code(&self, code: &str) -> Vec<&Finding> {
        self.iter().filter(|f| f.code == code).collect()
    }
}

/// Orders findings for display: errors first, then by path, then by code.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.code.cmp(&b.code))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_and_resolve() {
        let p = FieldPath::root()
            .field("agreements")
            .index(0)
            .field("governance")
            .field("steering_group")
            .index(2);
        assert_eq!(p.as_str(), "agreements[0].governance.steering_group[2]");
        assert_eq!(
            p.segments(),
            vec![
                PathSegment::Field("agreements".into()),
                PathSegment::Index(0),
                PathSegment::Field("governance".into()),
                PathSegment::Field("steering_group".into()),
                PathSegment::Index(2),
            ]
        );
        let doc =
            serde_json::json!({"agreements": [{"governance": {"steering_group": [1, 2, 3]}}]});
        assert!(p.resolves_in(&doc));
        assert!(!FieldPath::parse("agreements[1]").resolves_in(&doc));
        assert!(FieldPath::root().resolves_in(&doc));
        let a1 = FieldPath::parse("agreements[1]");
        assert!(FieldPath::parse("agreements[1].status").is_within(&a1));
        assert!(FieldPath::parse("agreements[1]").is_within(&a1));
        assert!(!FieldPath::parse("agreements[10].status").is_within(&a1));
        assert!(a1.is_within(&FieldPath::root()));
    }

    #[test]
    fn paths_order_indices_as_numbers() {
        let mut paths: Vec<FieldPath> = [
            "assignments[10]",
            "assignments[2].role",
            "assignments[2]",
            "assignments",
            "assignments[1]",
            "a.b",
            "a[0]",
            "a",
            "",
            "assignments[02]",
            "assignments[x]",
        ]
        .into_iter()
        .map(FieldPath::parse)
        .collect();
        paths.sort();
        let sorted: Vec<&str> = paths.iter().map(FieldPath::as_str).collect();
        assert_eq!(
            sorted,
            [
                "",
                "a",
                "a.b",
                "a[0]",
                "assignments",
                "assignments[1]",
                "assignments[02]",
                "assignments[2]",
                "assignments[2].role",
                "assignments[10]",
                "assignments[x]",
            ]
        );
        // Consistent with equality: only equal paths compare equal.
        for a in &paths {
            for b in &paths {
                assert_eq!(a.cmp(b) == std::cmp::Ordering::Equal, a == b, "{a:?} {b:?}");
                assert_eq!(a.cmp(b), b.cmp(a).reverse());
            }
        }
    }

    #[test]
    fn seed_numbers() {
        assert_eq!(SeedDocument::Lbb2017.number(), "001");
        assert_eq!(
            SourceRef::new(SeedDocument::Kem2017, "Gode råd").cite(),
            "003 \"Gode råd\""
        );
    }
}
