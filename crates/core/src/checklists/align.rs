//! Alignment analysis: the parties' latest answers to one checklist compared item by item.
//!
//! Each answer kind is compared the way that fits it: the relative gap between numbers, the
//! distance on the 1–5 scale or the yes–partly–no line, overlap for choices; free text and
//! "don't know" are left for the parties to discuss; missing answers are reported. Each item
//! gets a score from 0 (opposite) to 1 (the same), the checklist a weighted overall score, and
//! critical divergences come first.

use super::model::codes::{ChecklistCode, ChecklistError};
use super::model::session::{AnswerSession, AnswerValue, Resolution};
use super::model::template::{
    AnswerKind, AnswerKindName, ChecklistItem, ChecklistTemplate, DEFAULT_NUMBER_TOLERANCE,
};
use super::model::vocab::{Side, YesNo};
use crate::actors::PartyRef;
use crate::checklists::workflow::{checklist_sessions, checklist_template, latest_sessions};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, SourceRef, sort_findings};
use crate::i18n::plural::{ITEM, n};
use crate::i18n::{Lang, Text, labels};
use crate::ids::{AgreementId, ItemId, SectionId, SessionId, TemplateId};
use crate::time::Timestamp;
use std::collections::BTreeSet;
use std::fmt;

/// The comparison of the parties' answers to one checklist for one agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistAlignment {
    /// The agreement.
    pub agreement: AgreementId,
    /// The template.
    pub template: TemplateId,
    /// The template version compared against (the newest any compared session answers).
    pub template_version: u32,
    /// The template's title.
    pub title: Text,
    /// One column per party: its latest session.
    pub columns: Vec<AlignmentColumn>,
    /// Every item, critical divergences first, then clear divergences, small divergences,
    /// items to discuss, missing answers, resolved ones and aligned ones (template order
    /// within each group; see `position`).
    pub items: Vec<ItemAlignment>,
    /// The weighted mean of the item scores (0–1), over items every party answered
    /// comparably; `None` when there is nothing to compare.
    pub score: Option<f64>,
    /// The share of the total weight answered by every party in the comparison (0–1).
    pub coverage: f64,
    /// How many items have each status.
    pub counts: AlignmentCounts,
    /// The findings, errors first.
    pub findings: Vec<Finding>,
}

/// One party's session in a comparison.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlignmentColumn {
    /// The session.
    pub session: SessionId,
    /// The party.
    pub party: PartyRef,
    /// The party's name, e.g. "Kultur og Fritid (Horsens Kommune)".
    pub party_name: String,
    /// The party's side.
    pub side: Side,
    /// The template version the session answers.
    pub template_version: u32,
    /// Items answered.
    pub answered: u32,
    /// Items in the template.
    pub total: u32,
    /// Whether the party has submitted.
    pub submitted: bool,
}

/// One item of a comparison.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ItemAlignment {
    /// The item's position in the template (0-based), for template order.
    pub position: u32,
    /// The section.
    pub section: SectionId,
    /// The section's heading.
    pub section_title: Text,
    /// The item.
    pub item: ItemId,
    /// The question.
    pub text: Text,
    /// The answer kind.
    pub kind: AnswerKindName,
    /// Whether a divergence blocks signing.
    pub critical: bool,
    /// The item's weight.
    pub weight: f64,
    /// The source behind the item.
    pub source: Option<SourceRef>,
    /// Agreement or divergence.
    pub status: AlignmentStatus,
    /// 1 for the same answers down to 0 for opposite ones; `None` when not measurable (missing,
    /// free text, don't know, a single party).
    pub score: Option<f64>,
    /// The answers, one per column.
    pub cells: Vec<AlignmentCell>,
    /// Whether a resolution covers the current answers.
    pub resolved: bool,
    /// The latest resolution recorded for the item, if any (it may predate changed answers).
    pub resolution: Option<Resolution>,
}

impl ItemAlignment {
    /// Whether the answers diverge (a little, clearly, or in words to discuss).
    pub fn diverges(&self) -> bool {
        matches!(
            self.status,
            AlignmentStatus::MinorDivergence
                | AlignmentStatus::MajorDivergence
                | AlignmentStatus::ToDiscuss
        )
    }

    /// Whether this is a critical divergence with no resolution covering it: it blocks signing.
    pub fn is_open_critical(&self) -> bool {
        self.critical && self.diverges() && !self.resolved
    }
}

/// One party's answer to one item.
#[derive(Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlignmentCell {
    /// The answer, if given (and fitting the item).
    pub value: Option<AnswerValue>,
    /// The answer for display, in Danish and English.
    pub display: Option<Text>,
    /// The comment beside it.
    pub comment: Option<String>,
    /// When it was given.
    pub at: Option<Timestamp>,
}

impl fmt::Debug for AlignmentCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `display` and `comment` may hold free text: never in Debug output.
        f.debug_struct("AlignmentCell")
            .field("value", &self.value)
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

/// How the parties' answers to an item relate.
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
pub enum AlignmentStatus {
    /// The answers agree (numbers within the item's tolerance).
    Aligned,
    /// The answers differ a little: one step on the yes–no line or the scale, numbers less
    /// than half apart, choices overlapping by half or more.
    MinorDivergence,
    /// The answers differ clearly.
    MajorDivergence,
    /// Free text that differs, or a "don't know": the parties compare for themselves.
    ToDiscuss,
    /// A party has not answered.
    Missing,
    /// Only one party's answers exist, so there is nothing to compare.
    NotCompared,
}

labels!(AlignmentStatus, "alignment_status" {
    Aligned => ("enige", "aligned"),
    MinorDivergence => ("mindre uenighed", "minor divergence"),
    MajorDivergence => ("uenige", "major divergence"),
    ToDiscuss => ("skal drøftes", "to discuss"),
    Missing => ("mangler svar", "missing answer"),
    NotCompared => ("ikke sammenlignet", "not compared"),
});

/// How many items have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlignmentCounts {
    /// Aligned.
    pub aligned: u32,
    /// Minor divergences.
    pub minor: u32,
    /// Major divergences.
    pub major: u32,
    /// To discuss.
    pub to_discuss: u32,
    /// Missing answers.
    pub missing: u32,
    /// Not compared.
    pub not_compared: u32,
    /// Divergences covered by a resolution.
    pub resolved: u32,
    /// Critical divergences without a resolution (these block signing).
    pub open_critical: u32,
}

pub(crate) fn checklist_alignment(
    dossier: &Dossier,
    agreement: &AgreementId,
    template: &TemplateId,
) -> Result<ChecklistAlignment, BrobyggerError> {
    if dossier.agreement(agreement).is_none() {
        return Err(ChecklistError::UnknownAgreement(agreement.to_string()).into());
    }
    let sessions = latest_sessions(dossier, agreement, template);
    let version = sessions.iter().map(|(_, s)| s.template_version).max();
    let tpl = checklist_template(dossier, template, version).ok_or_else(|| {
        ChecklistError::UnknownTemplate {
            id: template.to_string(),
            version,
        }
    })?;
    Ok(align(dossier, agreement, tpl, &sessions))
}

pub(crate) fn checklist_alignments(
    dossier: &Dossier,
    agreement: &AgreementId,
) -> Result<Vec<ChecklistAlignment>, BrobyggerError> {
    let mut templates: Vec<&TemplateId> = Vec::new();
    for s in checklist_sessions(dossier, agreement) {
        // Sessions of unknown templates are validation errors; there is nothing to compare.
        let known = checklist_template(dossier, &s.template, None).is_some();
        if known && !templates.contains(&&s.template) {
            templates.push(&s.template);
        }
    }
    templates
        .into_iter()
        .map(|t| checklist_alignment(dossier, agreement, t))
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The latest resolution of an item.
fn resolution_for<'a>(
    d: &'a Dossier,
    agreement: &AgreementId,
    template: &TemplateId,
    item: &ItemId,
) -> Option<&'a Resolution> {
    d.checklists
        .resolutions
        .iter()
        .filter(|r| &r.agreement == agreement && &r.template == template && &r.item == item)
        .fold(None, |best: Option<&Resolution>, r| match best {
            Some(b) if b.at > r.at => Some(b),
            _ => Some(r),
        })
}

pub(crate) fn align(
    d: &Dossier,
    agreement: &AgreementId,
    tpl: &ChecklistTemplate,
    sessions: &[(usize, &AnswerSession)],
) -> ChecklistAlignment {
    let total = u32::try_from(tpl.item_count()).unwrap_or(u32::MAX);
    let session_path = |k: usize| {
        FieldPath::root()
            .field("checklists")
            .field("sessions")
            .index(k)
    };
    let columns: Vec<AlignmentColumn> = sessions
        .iter()
        .map(|(_, s)| AlignmentColumn {
            session: s.id.clone(),
            party: s.party.clone(),
            party_name: d.party_name(&s.party),
            side: Side::of(&s.party),
            template_version: s.template_version,
            answered: u32::try_from(
                tpl.items()
                    .filter(|(_, i)| fitting_answer(s, i).is_some())
                    .count(),
            )
            .unwrap_or(u32::MAX),
            total,
            submitted: s.is_submitted(),
        })
        .collect();

    let mut findings = Vec::new();
    let versions: BTreeSet<u32> = sessions.iter().map(|(_, s)| s.template_version).collect();
    if versions.len() > 1 {
        let list = versions
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        findings.push(Finding::of(
            ChecklistCode::MixedVersions,
            session_path(sessions[0].0).field("template_version"),
            Text::new(
                format!(
                    "Parterne har besvaret forskellige versioner af skabelonen ({list}); punkterne sammenlignes efter version {}.",
                    tpl.version
                ),
                format!(
                    "The parties answered different versions of the template ({list}); items are compared as in version {}.",
                    tpl.version
                ),
            ),
        ));
    }

    let mut items = Vec::new();
    for (position, (section, item)) in tpl.items().enumerate() {
        let answers: Vec<Option<(usize, &super::model::session::Answer)>> = sessions
            .iter()
            .map(|(_, s)| fitting_answer(s, item))
            .collect();
        let cells: Vec<AlignmentCell> = answers
            .iter()
            .map(|a| match a {
                Some((_, a)) => AlignmentCell {
                    value: Some(a.value.clone()),
                    display: Some(a.value.display(item)),
                    comment: a.comment.clone(),
                    at: Some(a.at),
                },
                None => AlignmentCell {
                    value: None,
                    display: None,
                    comment: None,
                    at: None,
                },
            })
            .collect();
        let values: Vec<&AnswerValue> = answers.iter().flatten().map(|(_, a)| &a.value).collect();
        let (status, score) = if sessions.len() < 2 {
            (AlignmentStatus::NotCompared, None)
        } else if values.len() < sessions.len() {
            (AlignmentStatus::Missing, None)
        } else {
            compare(item, &values)
        };
        let resolution = resolution_for(d, agreement, &tpl.id, &item.id);
        let latest_answer = answers.iter().flatten().map(|(_, a)| a.at).max();
        let covers = resolution.is_some_and(|r| latest_answer.is_none_or(|t| r.at >= t));
        let ia = ItemAlignment {
            position: u32::try_from(position).unwrap_or(u32::MAX),
            section: section.id.clone(),
            section_title: section.title.clone(),
            item: item.id.clone(),
            text: item.text.clone(),
            kind: item.answer.name(),
            critical: item.critical,
            weight: item.weight,
            source: tpl.source_of(item),
            status,
            score: score.map(round3),
            cells,
            resolved: false,
            resolution: resolution.cloned(),
        };
        let resolved = covers && ia.diverges();
        let ia = ItemAlignment { resolved, ..ia };
        // The path of the first answer, so apps can point at what is compared.
        let path = answers
            .iter()
            .zip(sessions)
            .find_map(|(a, (k, _))| a.map(|(j, _)| session_path(*k).field("answers").index(j)))
            .unwrap_or_else(|| match sessions.first() {
                Some((k, _)) => session_path(*k),
                None => FieldPath::root().field("checklists").field("sessions"),
            });
        if let Some(f) = item_finding(&ia, &columns, path, resolution, covers) {
            findings.push(f);
        }
        items.push(ia);
    }

    for (ci, (c, (k, _))) in columns.iter().zip(sessions).enumerate() {
        let lacking = items
            .iter()
            .filter(|i| i.status == AlignmentStatus::Missing)
            .filter(|i| i.cells.get(ci).is_some_and(|cell| cell.value.is_none()))
            .count();
        if lacking > 0 {
            let name = &c.party_name;
            findings.push(Finding::of(
                ChecklistCode::MissingAnswer,
                session_path(*k).field("answers"),
                Text::new(
                    format!("{name} mangler at besvare {}, som andre parter har besvaret eller skal besvare.", ITEM.count(Lang::Da, n(lacking))),
                    format!("{name} has not answered {} that other parties answered or are to answer.", ITEM.count(Lang::En, n(lacking))),
                ),
            ));
        }
    }

    let mut counts = AlignmentCounts::default();
    for i in &items {
        let slot = match i.status {
            AlignmentStatus::Aligned => &mut counts.aligned,
            AlignmentStatus::MinorDivergence => &mut counts.minor,
            AlignmentStatus::MajorDivergence => &mut counts.major,
            AlignmentStatus::ToDiscuss => &mut counts.to_discuss,
            AlignmentStatus::Missing => &mut counts.missing,
            AlignmentStatus::NotCompared => &mut counts.not_compared,
        };
        *slot += 1;
        if i.resolved {
            counts.resolved += 1;
        }
        if i.is_open_critical() {
            counts.open_critical += 1;
        }
    }

    let total_weight: f64 = items.iter().map(|i| i.weight).sum();
    let (mut sum, mut scored_weight, mut covered_weight) = (0.0, 0.0, 0.0);
    for i in &items {
        if let Some(s) = i.score {
            sum += s * i.weight;
            scored_weight += i.weight;
        }
        if !i.cells.is_empty() && i.cells.iter().all(|c| c.value.is_some()) {
            covered_weight += i.weight;
        }
    }
    let score = (scored_weight > 0.0).then(|| round3(sum / scored_weight));
    let coverage = if total_weight > 0.0 {
        round3(covered_weight / total_weight)
    } else {
        0.0
    };

    items.sort_by(|a, b| {
        priority(a)
            .cmp(&priority(b))
            .then_with(|| a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0)))
            .then_with(|| a.position.cmp(&b.position))
    });
    sort_findings(&mut findings);

    ChecklistAlignment {
        agreement: agreement.clone(),
        template: tpl.id.clone(),
        template_version: tpl.version,
        title: tpl.title.clone(),
        columns,
        items,
        score,
        coverage,
        counts,
        findings,
    }
}

/// Lower comes first: open critical divergences, then by how much attention the item needs.
fn priority(i: &ItemAlignment) -> u8 {
    if i.is_open_critical() {
        return 0;
    }
    if i.resolved {
        return 5;
    }
    match i.status {
        AlignmentStatus::MajorDivergence => 1,
        AlignmentStatus::MinorDivergence => 2,
        AlignmentStatus::ToDiscuss => 3,
        AlignmentStatus::Missing => 4,
        AlignmentStatus::NotCompared => 6,
        AlignmentStatus::Aligned => 7,
    }
}

/// The session's answer to `item` with its index, if there is one that fits the item's kind.
fn fitting_answer<'a>(
    s: &'a AnswerSession,
    item: &ChecklistItem,
) -> Option<(usize, &'a super::model::session::Answer)> {
    let (j, a) = s
        .answers
        .iter()
        .enumerate()
        .find(|(_, a)| a.item == item.id)?;
    let mut problems = Vec::new();
    super::model::session::check_value(item, &a.value, &FieldPath::root(), &mut problems);
    problems.is_empty().then_some((j, a))
}

/// The status and score of answers that are all present and fit the item.
fn compare(item: &ChecklistItem, values: &[&AnswerValue]) -> (AlignmentStatus, Option<f64>) {
    use AlignmentStatus::*;
    if values.iter().any(|v| matches!(v, AnswerValue::DontKnow)) {
        return (ToDiscuss, None);
    }
    match &item.answer {
        AnswerKind::YesNo => {
            let answers: Vec<YesNo> = values
                .iter()
                .filter_map(|v| match v {
                    AnswerValue::YesNo { value } => Some(*value),
                    _ => None,
                })
                .collect();
            let not_relevant = answers.iter().filter(|a| **a == YesNo::NotRelevant).count();
            if not_relevant == answers.len() {
                return (Aligned, Some(1.0));
            }
            if not_relevant > 0 {
                // One side finds the question irrelevant, the other answers it: they see the
                // cooperation differently.
                return (MajorDivergence, Some(0.0));
            }
            let positions: Vec<f64> = answers.iter().filter_map(|a| a.position()).collect();
            let spread = spread(&positions);
            let status = if spread == 0.0 {
                Aligned
            } else if spread <= 0.5 {
                MinorDivergence
            } else {
                MajorDivergence
            };
            (status, Some(1.0 - spread))
        }
        AnswerKind::Scale { .. } => {
            let steps: Vec<f64> = values
                .iter()
                .filter_map(|v| match v {
                    AnswerValue::Scale { value } => Some(f64::from(*value)),
                    _ => None,
                })
                .collect();
            let spread = spread(&steps);
            let status = if spread == 0.0 {
                Aligned
            } else if spread <= 1.0 {
                MinorDivergence
            } else {
                MajorDivergence
            };
            (status, Some(1.0 - spread / 4.0))
        }
        AnswerKind::Number { tolerance, .. } => {
            let numbers: Vec<f64> = values
                .iter()
                .filter_map(|v| match v {
                    AnswerValue::Number { value } => Some(*value),
                    _ => None,
                })
                .collect();
            let gap = relative_gap(&numbers);
            let tolerance = tolerance.unwrap_or(DEFAULT_NUMBER_TOLERANCE);
            // A small epsilon so that a gap exactly at the tolerance counts as agreement
            // despite floating-point rounding.
            let status = if gap <= tolerance + 1e-9 {
                Aligned
            } else if gap < 0.5 {
                MinorDivergence
            } else {
                MajorDivergence
            };
            (status, Some(1.0 - gap))
        }
        AnswerKind::Choice { .. } => {
            let sets: Vec<BTreeSet<&str>> = values
                .iter()
                .filter_map(|v| match v {
                    AnswerValue::Choice { selected } => {
                        Some(selected.iter().map(|c| c.as_str()).collect())
                    }
                    _ => None,
                })
                .collect();
            let union: BTreeSet<&str> = sets.iter().flatten().copied().collect();
            let common = sets
                .iter()
                .skip(1)
                .fold(sets.first().cloned().unwrap_or_default(), |acc, s| {
                    acc.intersection(s).copied().collect()
                });
            let overlap = if union.is_empty() {
                1.0
            } else {
                count_f64(common.len()) / count_f64(union.len())
            };
            let status = if overlap >= 1.0 {
                Aligned
            } else if overlap >= 0.5 {
                MinorDivergence
            } else {
                MajorDivergence
            };
            (status, Some(overlap))
        }
        AnswerKind::Text => {
            let texts: BTreeSet<String> = values
                .iter()
                .filter_map(|v| match v {
                    AnswerValue::Text { text } => Some(normalise(text)),
                    _ => None,
                })
                .collect();
            if texts.len() <= 1 {
                (Aligned, Some(1.0))
            } else {
                (ToDiscuss, None)
            }
        }
    }
}

fn count_f64(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

fn spread(xs: &[f64]) -> f64 {
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if xs.is_empty() { 0.0 } else { hi - lo }
}

/// (largest − smallest) / largest magnitude, from 0 (the same) to 1 (one is zero, or signs
/// differ).
pub(crate) fn relative_gap(xs: &[f64]) -> f64 {
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let scale = lo.abs().max(hi.abs());
    if xs.is_empty() || scale == 0.0 {
        0.0
    } else {
        ((hi - lo) / scale).clamp(0.0, 1.0)
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn item_finding(
    ia: &ItemAlignment,
    columns: &[AlignmentColumn],
    path: FieldPath,
    resolution: Option<&Resolution>,
    covers: bool,
) -> Option<Finding> {
    let kind = if ia.resolved {
        ChecklistCode::Resolved
    } else if ia.is_open_critical() {
        ChecklistCode::CriticalDivergence
    } else {
        match ia.status {
            AlignmentStatus::MajorDivergence => ChecklistCode::Divergence,
            AlignmentStatus::MinorDivergence => ChecklistCode::MinorDivergence,
            AlignmentStatus::ToDiscuss => ChecklistCode::ToDiscuss,
            _ => return None,
        }
    };
    let answers = |lang: Lang| {
        if ia.kind == AnswerKindName::Text {
            // Free text is never quoted in findings; the rendering shows it to the parties.
            return String::new();
        }
        let parts: Vec<String> = columns
            .iter()
            .zip(&ia.cells)
            .map(|(c, cell)| {
                let value = cell
                    .display
                    .as_ref()
                    .map(|t| t.get(lang).to_owned())
                    .unwrap_or_else(|| "–".into());
                format!("{}: {value}", c.party_name)
            })
            .collect();
        format!(" ({})", parts.join("; "))
    };
    let (what_da, what_en) = match ia.status {
        AlignmentStatus::ToDiscuss => (
            "svarene skal sammenlignes og drøftes af parterne",
            "the answers must be compared and discussed by the parties",
        ),
        AlignmentStatus::MinorDivergence => ("svarene afviger lidt", "the answers differ a little"),
        _ => ("svarene afviger", "the answers differ"),
    };
    let mut da = format!(
        "Punkt '{}' ({}): {what_da}{}.",
        ia.item,
        ia.text.da,
        answers(Lang::Da)
    );
    let mut en = format!(
        "Item '{}' ({}): {what_en}{}.",
        ia.item,
        ia.text.en,
        answers(Lang::En)
    );
    if ia.is_open_critical() {
        da.push_str(" Punktet er kritisk: løs uenigheden, før aftalen underskrives.");
        en.push_str(
            " The item is critical: resolve the divergence before the agreement is signed.",
        );
    }
    if let Some(r) = resolution {
        let date = r.at.date_naive();
        if covers && ia.resolved {
            da.push_str(&format!(" Løst {date}."));
            en.push_str(&format!(" Resolved on {date}."));
        } else if !covers && ia.diverges() {
            da.push_str(&format!(
                " Beslutningen fra {date} er ældre end et ændret svar."
            ));
            en.push_str(&format!(
                " The resolution of {date} predates a changed answer."
            ));
        }
    }
    let mut f = Finding::of(kind, path, Text::new(da, en));
    if let Some(src) = &ia.source {
        f.source = Some(src.clone());
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_gap_is_symmetric_and_bounded() {
        assert_eq!(relative_gap(&[2.0, 1.0]), 0.5);
        assert_eq!(relative_gap(&[1.0, 2.0]), 0.5);
        assert_eq!(relative_gap(&[0.0, 0.0]), 0.0);
        assert_eq!(relative_gap(&[0.0, 3.0]), 1.0);
        assert_eq!(relative_gap(&[-1.0, 1.0]), 1.0);
        assert!((relative_gap(&[10.0, 11.0, 10.5]) - 1.0 / 11.0).abs() < 1e-12);
    }

    #[test]
    fn text_is_compared_after_normalising_spaces_and_case() {
        assert_eq!(normalise("  Ulønnet   Arbejde "), "ulønnet arbejde");
    }
}
