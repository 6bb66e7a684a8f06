//! Answer sessions: each party answers a checklist on its own, answer by answer, each answer
//! timestamped and attributed; a session can be saved half-done and resumed, and is frozen
//! once submitted. Also the requirements (which checklists an agreement needs before signing)
//! and the resolutions the parties record for divergences.

use super::codes::ChecklistCode;
use super::template::{AnswerKind, ChecklistItem, ChecklistTemplate};
use super::vocab::YesNo;
use crate::actors::PartyRef;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Label, Lang, Text};
use crate::ids::{AgreementId, ChoiceId, ItemId, PersonId, SessionId, TemplateId};
use crate::sensitivity::PersonalData;
use crate::time::Timestamp;
use std::collections::HashSet;
use std::fmt;

/// One party's answers to one checklist for one agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerSession {
    /// Id, unique in the dossier.
    pub id: SessionId,
    /// The agreement the answers are about.
    pub agreement: AgreementId,
    /// The party answering.
    pub party: PartyRef,
    /// The template answered.
    pub template: TemplateId,
    /// The version of the template answered.
    pub template_version: u32,
    /// When the session was started.
    pub started_at: Timestamp,
    /// Who started it.
    pub started_by: PersonId,
    /// The answers so far, in the template's order; at most one per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// Set when the party submitted its answers; the session is frozen from then on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Submission>,
}

impl AnswerSession {
    /// The answer to `item`, if given.
    pub fn answer(&self, item: &ItemId) -> Option<&Answer> {
        self.answers.iter().find(|a| &a.item == item)
    }

    /// Whether the party has submitted.
    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }

    /// The items of `template` not answered yet, in order.
    pub fn unanswered(&self, template: &ChecklistTemplate) -> Vec<ItemId> {
        template
            .items()
            .filter(|(_, i)| self.answer(&i.id).is_none())
            .map(|(_, i)| i.id.clone())
            .collect()
    }

    /// When the last answer was given.
    pub fn last_answered(&self) -> Option<Timestamp> {
        self.answers.iter().map(|a| a.at).max()
    }
}

/// Who submitted a session, and when.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Submission {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: PersonId,
}

/// One answer, timestamped and attributed.
///
/// Answers are about the partnership, not about people, but free text attracts anything, so the
/// value and the comment are treated as confidential: `Debug` shows neither.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Answer {
    /// The item answered.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub item: ItemId,
    /// The answer.
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub value: AnswerValue,
    /// A comment beside the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub comment: Option<String>,
    /// When it was given (or last changed).
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub at: Timestamp,
    /// Who gave it.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub by: PersonId,
}

impl PersonalData for Answer {}

impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer")
            .field("item", &self.item)
            .field("value", &self.value)
            .field("at", &self.at)
            .field("by", &self.by)
            .finish_non_exhaustive()
    }
}

/// An answer's value; which variant fits depends on the item's [`AnswerKind`]. `DontKnow` fits
/// every kind.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnswerValue {
    /// For a yes/no item.
    YesNo {
        /// Yes, partly, no or not relevant.
        value: YesNo,
    },
    /// For a scale item.
    Scale {
        /// 1 to 5.
        value: u8,
    },
    /// For a number item, in the item's unit.
    Number {
        /// The number; finite and within the item's range.
        value: f64,
    },
    /// For a choice item.
    Choice {
        /// The options chosen: exactly one unless the item allows several.
        selected: Vec<ChoiceId>,
    },
    /// For a free-text item.
    Text {
        /// The text.
        text: String,
    },
    /// The party does not know (yet); counts as answered, and the item is to be discussed.
    DontKnow,
}

impl fmt::Debug for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::YesNo { value } => write!(f, "YesNo({value:?})"),
            AnswerValue::Scale { value } => write!(f, "Scale({value})"),
            AnswerValue::Number { value } => write!(f, "Number({value})"),
            AnswerValue::Choice { selected } => write!(f, "Choice({selected:?})"),
            // Free text may name people: never in Debug output.
            AnswerValue::Text { .. } => f.write_str("Text(…)"),
            AnswerValue::DontKnow => f.write_str("DontKnow"),
        }
    }
}

impl AnswerValue {
    /// The value for display, in Danish and English (free text as written).
    pub fn display(&self, item: &ChecklistItem) -> Text {
        match (self, &item.answer) {
            (AnswerValue::YesNo { value }, _) => {
                Text::new(value.label(Lang::Da), value.label(Lang::En))
            }
            (AnswerValue::Scale { value }, AnswerKind::Scale { low, high }) => {
                let end = match value {
                    1 => low.as_ref(),
                    5 => high.as_ref(),
                    _ => None,
                };
                match end {
                    Some(t) => Text::new(
                        format!("{value} af 5 ({})", t.da),
                        format!("{value} of 5 ({})", t.en),
                    ),
                    None => Text::new(format!("{value} af 5"), format!("{value} of 5")),
                }
            }
            (AnswerValue::Scale { value }, _) => Text::new(value.to_string(), value.to_string()),
            (AnswerValue::Number { value }, AnswerKind::Number { unit, unit_one, .. }) => {
                // The singular goes with the number as shown: "1 møde", "1,5 møder", "0 møder".
                let with_unit = |lang: Lang| {
                    let shown = format_number(*value, lang);
                    let unit = match unit_one {
                        Some(one) if shown == "1" => one,
                        _ => unit,
                    };
                    format!("{shown} {}", unit.get(lang))
                };
                Text::new(with_unit(Lang::Da), with_unit(Lang::En))
            }
            (AnswerValue::Number { value }, _) => Text::new(
                format_number(*value, Lang::Da),
                format_number(*value, Lang::En),
            ),
            (AnswerValue::Choice { selected }, AnswerKind::Choice { options, .. }) => {
                let label = |lang: Lang| {
                    selected
                        .iter()
                        .map(|id| {
                            options
                                .iter()
                                .find(|o| &o.id == id)
                                .map(|o| o.text.get(lang).to_owned())
                                .unwrap_or_else(|| id.to_string())
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                Text::new(label(Lang::Da), label(Lang::En))
            }
            (AnswerValue::Choice { selected }, _) => {
                let s = selected
                    .iter()
                    .map(ChoiceId::as_str)
                    .collect::<Vec<_>>()
                    .join("; ");
                Text::new(s.clone(), s)
            }
            (AnswerValue::Text { text }, _) => Text::new(text.clone(), text.clone()),
            (AnswerValue::DontKnow, _) => Text::new("ved ikke", "don't know"),
        }
    }
}

/// A number as people write it: no trailing zeros, at most two decimals, a decimal comma and
/// a thousands separator in Danish ([`crate::i18n::number::decimal`]).
pub fn format_number(x: f64, lang: Lang) -> String {
    crate::i18n::number::decimal(lang, x, 2)
}

/// A number range as people write it: `0–31`, `≥ 0`, `≤ 31`; empty without bounds.
pub(crate) fn format_range(min: Option<f64>, max: Option<f64>, lang: Lang) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{}–{}", format_number(lo, lang), format_number(hi, lang)),
        (Some(lo), None) => format!("≥ {}", format_number(lo, lang)),
        (None, Some(hi)) => format!("≤ {}", format_number(hi, lang)),
        (None, None) => String::new(),
    }
}

/// A recorded decision on a diverging item: what the parties agreed after discussing it.
///
/// A resolution covers the answers given before it; if a party changes its answer later, the
/// divergence counts as open again. The note is free text, so like an answer's comment it is
/// treated as confidential: `Debug` leaves it out, and shared reports show only the date.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Resolution {
    /// The agreement.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub agreement: AgreementId,
    /// The template.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub template: TemplateId,
    /// The item.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub item: ItemId,
    /// When it was resolved.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub at: Timestamp,
    /// Who recorded it.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub by: PersonId,
    /// What was agreed, e.g. the shared definition of "frivillighed".
    #[schemars(extend("x-sensitivity" = "confidential"))]
    pub note: String,
}

impl PersonalData for Resolution {}

impl fmt::Debug for Resolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resolution")
            .field("agreement", &self.agreement)
            .field("template", &self.template)
            .field("item", &self.item)
            .field("at", &self.at)
            .field("by", &self.by)
            .finish_non_exhaustive()
    }
}

/// A checklist an agreement needs before it can be signed, and who must answer it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistRequirement {
    /// The agreement.
    pub agreement: AgreementId,
    /// The template.
    pub template: TemplateId,
    /// The oldest template version that counts; any version if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_version: Option<u32>,
    /// The parties that must each submit an answer session. A whole municipality is satisfied
    /// by a session of any of its departments.
    pub parties: Vec<PartyRef>,
    /// Why it is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A request to start an answer session.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StartChecklist {
    /// The agreement.
    pub agreement: AgreementId,
    /// The party answering; must be a party to the agreement.
    pub party: PartyRef,
    /// The template.
    pub template: TemplateId,
    /// The template version; the newest known if absent.
    pub template_version: Option<u32>,
    /// Who starts it.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// The session id; one is made (`cs-001`, ...) if absent.
    pub id: Option<SessionId>,
}

/// One answer to record.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnswerInput {
    /// The item.
    pub item: ItemId,
    /// The answer.
    pub value: AnswerValue,
    /// A comment beside it.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A request to record a resolution of an item.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResolveItem {
    /// The agreement.
    pub agreement: AgreementId,
    /// The template.
    pub template: TemplateId,
    /// The item.
    pub item: ItemId,
    /// Who records it.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// What the parties agreed.
    pub note: String,
}

/// Appends a finding for every way `value` does not fit `item`, at `path`.
pub(crate) fn check_value(
    item: &ChecklistItem,
    value: &AnswerValue,
    path: &FieldPath,
    out: &mut Vec<Finding>,
) {
    let mut push = |kind: ChecklistCode, path: FieldPath, da: String, en: String| {
        out.push(Finding::of(kind, path, Text::new(da, en)));
    };
    let kind_label = |l: Lang| item.answer.name().label(l);
    match (value, &item.answer) {
        (AnswerValue::DontKnow, _)
        | (AnswerValue::YesNo { .. }, AnswerKind::YesNo)
        | (AnswerValue::Text { .. }, AnswerKind::Text) => {}
        (AnswerValue::Scale { value }, AnswerKind::Scale { .. }) => {
            if !(1..=5).contains(value) {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    "Svaret skal ligge på skalaen fra 1 til 5.".into(),
                    "The answer must lie on the scale from 1 to 5.".into(),
                );
            }
        }
        (AnswerValue::Number { value }, AnswerKind::Number { min, max, .. }) => {
            if !value.is_finite() {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    "Tallet skal være endeligt.".into(),
                    "The number must be finite.".into(),
                );
            } else if min.is_some_and(|m| *value < m) || max.is_some_and(|m| *value > m) {
                let range = |l: Lang| format_range(*min, *max, l);
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("value"),
                    format!("Tallet skal være {}.", range(Lang::Da)),
                    format!("The number must be {}.", range(Lang::En)),
                );
            }
        }
        (AnswerValue::Choice { selected }, AnswerKind::Choice { options, multiple }) => {
            if selected.is_empty() || (!multiple && selected.len() > 1) {
                push(
                    ChecklistCode::AnswerOutOfRange,
                    path.field("selected"),
                    if *multiple {
                        "Vælg mindst én mulighed.".into()
                    } else {
                        "Vælg præcis én mulighed.".into()
                    },
                    if *multiple {
                        "Choose at least one option.".into()
                    } else {
                        "Choose exactly one option.".into()
                    },
                );
            }
            let mut seen = HashSet::new();
            for (k, id) in selected.iter().enumerate() {
                if !options.iter().any(|o| &o.id == id) {
                    push(
                        ChecklistCode::UnknownOption,
                        path.field("selected").index(k),
                        "Valget er ikke en af punktets muligheder.".into(),
                        "The choice is not one of the item's options.".into(),
                    );
                } else if !seen.insert(id) {
                    push(
                        ChecklistCode::UnknownOption,
                        path.field("selected").index(k),
                        "Valget er nævnt mere end én gang.".into(),
                        "The choice is listed more than once.".into(),
                    );
                }
            }
        }
        _ => push(
            ChecklistCode::AnswerKindMismatch,
            path.clone(),
            format!(
                "Svaret passer ikke til punktets svartype ({}).",
                kind_label(Lang::Da)
            ),
            format!(
                "The answer does not fit the item's answer kind ({}).",
                kind_label(Lang::En)
            ),
        ),
    }
}

pub(crate) fn unanswered_finding(session_path: &FieldPath, item: &ItemId) -> Finding {
    Finding::of(
        ChecklistCode::Unanswered,
        session_path.field("answers"),
        Text::new(
            format!("Punktet '{item}' er ikke besvaret."),
            format!("The item '{item}' is not answered."),
        ),
    )
}

/// Whether `party` is (covered by) a party to the agreement in force.
pub(crate) fn agreement_covers(agreement: &crate::agreement::Agreement, party: &PartyRef) -> bool {
    agreement
        .terms()
        .is_some_and(|t| t.parties.iter().any(|p| p.party.covers(party)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_people_write_them() {
        assert_eq!(format_number(2.0, Lang::Da), "2");
        assert_eq!(format_number(1.5, Lang::Da), "1,5");
        assert_eq!(format_number(1.5, Lang::En), "1.5");
        assert_eq!(format_number(0.333_333, Lang::En), "0.33");
        assert_eq!(format_number(-0.001, Lang::En), "0");
    }

    #[test]
    fn resolutions_declare_the_note_confidential_and_hide_it() {
        let classes = Resolution::field_classes();
        assert_eq!(classes.len(), 6);
        assert!(classes.iter().all(|c| c.class.is_some()));
        assert_eq!(
            crate::sensitivity::class_of::<Resolution>("note"),
            Some(crate::sensitivity::SensitivityClass::Confidential)
        );
        let r = Resolution {
            agreement: "a".into(),
            template: "t".into(),
            item: "i".into(),
            at: crate::time::start_of_day(chrono::NaiveDate::MIN),
            by: "p-1".into(),
            note: "Fatima".into(),
        };
        assert!(!format!("{r:?}").contains("Fatima"));
    }

    #[test]
    fn debug_hides_free_text() {
        let v = AnswerValue::Text {
            text: "Fatima ringer".into(),
        };
        assert_eq!(format!("{v:?}"), "Text(…)");
        let a = Answer {
            item: "x".into(),
            value: v,
            comment: Some("Fatima".into()),
            at: crate::time::start_of_day(chrono::NaiveDate::MIN),
            by: "p-1".into(),
        };
        assert!(!format!("{a:?}").contains("Fatima"));
    }
}
