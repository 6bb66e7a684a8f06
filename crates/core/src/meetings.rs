//! Meetings held: their minutes (agenda, decisions, action items with owners and due days), and
//! where each action item stands on a day.
//!
//! [`MeetingsFacet::minutes`] gathers the meetings the agreements record, oldest first, each
//! action item with its state on the day (open, overdue, done, dropped) and its owner by a
//! post's title or a party's name: never a person, so the minutes can be shared with the
//! partnership. Overdue items are also in [`Dossier::reminders`] and the assessment's
//! `assessment.overdue_action_items` check (001 "Handling i fokus").
//!
//! ```
//! use brobygger::{Dossier, Lang};
//! use brobygger::present::{Format, Present};
//!
//! let d = Dossier::example("aalborg")?;
//! let minutes = d.meetings().minutes("2017-06-30".parse().unwrap(), None)?;
//! let overdue: Vec<_> = minutes.action_items().filter(|i| i.overdue).collect();
//! assert_eq!(overdue.len(), 1);
//! println!("{}", minutes.present(Format::Text, Lang::En));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::agreement::{ActionOwner, ActionStatus};
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::FieldPath;
use crate::i18n::{Label, Lang, Text, t};
use crate::ids::{AgreementId, ForumId};
use crate::present::doc::{Block, Inline, OutlineItem, text};
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};
use crate::reminders::forum_name;
use chrono::NaiveDate;
use std::ops::Deref;

/// One action item with where it stands on the day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ActionItemState {
    /// What is to be done.
    pub what: String,
    /// Who does it.
    pub owner: ActionOwner,
    /// The owner's name for people: a post's title or a party's name.
    pub owner_name: Text,
    /// By when.
    pub due: NaiveDate,
    /// As recorded.
    pub status: ActionStatus,
    /// The day it was done or dropped.
    pub closed_on: Option<NaiveDate>,
    /// Past its due day and still open on the day.
    pub overdue: bool,
    /// Days past the due day while overdue (0 otherwise).
    pub days_overdue: u32,
    /// Where in the dossier.
    pub path: FieldPath,
}

/// One meeting held, with its minutes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeetingMinutes {
    /// The agreement it was held under.
    pub agreement: AgreementId,
    /// The forum.
    pub forum: ForumId,
    /// The forum's name.
    pub forum_name: String,
    /// The day it was held.
    pub held_on: NaiveDate,
    /// The agenda's items.
    pub agenda: Vec<String>,
    /// What it decided.
    pub decisions: Vec<String>,
    /// What it agreed someone does, with where each stands on the day.
    pub action_items: Vec<ActionItemState>,
    /// Where in the dossier.
    pub path: FieldPath,
}

/// The meetings held up to a day, with their minutes: [`MeetingsFacet::minutes`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Minutes {
    /// The day the action items' states are judged on.
    pub as_of: NaiveDate,
    /// The meetings, oldest first.
    pub meetings: Vec<MeetingMinutes>,
}

impl Minutes {
    /// Every action item, meeting by meeting.
    pub fn action_items(&self) -> impl Iterator<Item = &ActionItemState> {
        self.meetings.iter().flat_map(|m| m.action_items.iter())
    }

    /// Only the overdue action items, under the meetings that agreed them (meetings without
    /// one left out).
    pub fn overdue_only(mut self) -> Minutes {
        for m in &mut self.meetings {
            m.action_items.retain(|i| i.overdue);
        }
        self.meetings.retain(|m| !m.action_items.is_empty());
        self
    }
}

fn state_label(i: &ActionItemState, lang: Lang) -> &'static str {
    if i.overdue {
        t(lang, "over fristen", "overdue")
    } else {
        i.status.label(lang)
    }
}

impl Present for Minutes {
    fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Da => format!("Møder og opgaver pr. {}", self.as_of),
            Lang::En => format!("Meetings and action items as of {}", self.as_of),
        }
    }

    /// One table, `action_items`: `agreement`, `forum`, `held_on`, `what`, `owner`, `due`,
    /// `state` (`overdue`, or the recorded `open`, `done`, `dropped`), `days_overdue`,
    /// `closed_on`, `path`.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = action_items_table();
        for m in &self.meetings {
            for i in &m.action_items {
                table.push(vec![
                    Cell::text(m.agreement.as_str()),
                    Cell::text(m.forum_name.clone()),
                    Cell::date(m.held_on),
                    Cell::text(i.what.clone()),
                    Cell::text(i.owner_name.get(lang)),
                    Cell::date(i.due),
                    Cell::text(if i.overdue {
                        "overdue"
                    } else {
                        i.status.code()
                    }),
                    Cell::int(i.days_overdue),
                    Cell::opt(i.closed_on.as_ref(), |d| Cell::date(*d)),
                    Cell::text(i.path.to_string()),
                ]);
            }
        }
        vec![table]
    }

    /// The title, then each meeting: its agenda, decisions and action items.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        if self.meetings.is_empty() {
            d.push(Block::para(t(
                lang,
                "Ingen møder registreret.",
                "No meetings recorded.",
            )));
            return d;
        }
        for m in &self.meetings {
            d.push(Block::Heading(
                3,
                format!("{} {} ({})", m.forum_name, m.held_on, m.agreement),
            ));
            let mut outline = Vec::new();
            for (head, lines) in [
                (t(lang, "Dagsorden", "Agenda"), &m.agenda),
                (t(lang, "Beslutninger", "Decisions"), &m.decisions),
            ] {
                if !lines.is_empty() {
                    outline.push(OutlineItem {
                        line: vec![text(head)],
                        children: lines.iter().map(|l| vec![text(l.clone())]).collect(),
                    });
                }
            }
            if !m.action_items.is_empty() {
                outline.push(OutlineItem {
                    line: vec![text(t(lang, "Opgaver", "Action items"))],
                    children: m
                        .action_items
                        .iter()
                        .map(|i| {
                            let by = match lang {
                                Lang::Da => format!(
                                    " {} (ansvarlig: {}; frist: {})",
                                    i.what,
                                    i.owner_name.get(lang),
                                    i.due
                                ),
                                Lang::En => format!(
                                    " {} (owner: {}; due: {})",
                                    i.what,
                                    i.owner_name.get(lang),
                                    i.due
                                ),
                            };
                            vec![
                                Inline::Tag {
                                    class: if i.overdue { "warning" } else { "info" },
                                    text: state_label(i, lang).to_owned(),
                                },
                                text(by),
                            ]
                        })
                        .collect(),
                });
            }
            if outline.is_empty() {
                d.push(Block::para(t(
                    lang,
                    "Intet referat registreret.",
                    "No minutes recorded.",
                )));
            } else {
                d.push(Block::Outline(outline));
            }
        }
        d
    }
}

pub(crate) fn action_items_table() -> Table {
    Table::new(
        "action_items",
        Text::new("Opgaver fra møderne", "Action items from meetings"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::text("forum", "Mødeforum", "Forum"),
            Column::date("held_on", "Mødedato", "Held on"),
            Column::text("what", "Opgave", "Action item"),
            Column::text("owner", "Ansvarlig", "Owner"),
            Column::date("due", "Frist", "Due"),
            Column::text("state", "Status", "State"),
            Column::integer("days_overdue", "Dage over", "Days overdue"),
            Column::date("closed_on", "Afsluttet", "Closed on").optional(),
            Column::text("path", "Sti", "Path"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "action_items" => action_items_table(),
        _ => return None,
    })
}

/// The meetings held and their minutes: reached by [`Dossier::meetings`].
#[derive(Debug)]
pub struct MeetingsFacet<D> {
    dossier: D,
}

impl<D> MeetingsFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> MeetingsFacet<D> {
    /// The meetings held on or before `as_of` (of `agreement`, or of every agreement), oldest
    /// first, with their minutes and each action item's state on `as_of`. An agreement the
    /// dossier does not hold is a `not_found.agreement` error.
    pub fn minutes(
        &self,
        as_of: NaiveDate,
        agreement: Option<&AgreementId>,
    ) -> Result<Minutes, BrobyggerError> {
        let d: &Dossier = &self.dossier;
        if let Some(id) = agreement
            && d.agreement(id).is_none()
        {
            return Err(BrobyggerError::not_found(NotFoundCode::Agreement, id));
        }
        let mut meetings = Vec::new();
        for (i, a) in d.agreements.iter().enumerate() {
            if agreement.is_some_and(|id| id != &a.id) {
                continue;
            }
            for (k, m) in a.meetings.iter().enumerate() {
                if m.held_on > as_of {
                    continue;
                }
                let mp = FieldPath::root()
                    .field("agreements")
                    .index(i)
                    .field("meetings")
                    .index(k);
                let action_items = m
                    .action_items
                    .iter()
                    .enumerate()
                    .map(|(j, item)| {
                        let overdue = item.overdue_on(as_of);
                        let late = (as_of - item.due).num_days();
                        ActionItemState {
                            what: item.what.clone(),
                            owner: item.owner.clone(),
                            owner_name: d.action_owner_text(&item.owner),
                            due: item.due,
                            status: item.status,
                            closed_on: item.closed_on,
                            overdue,
                            days_overdue: if overdue {
                                u32::try_from(late).unwrap_or(u32::MAX)
                            } else {
                                0
                            },
                            path: mp.field("action_items").index(j),
                        }
                    })
                    .collect();
                meetings.push(MeetingMinutes {
                    agreement: a.id.clone(),
                    forum: m.forum.clone(),
                    forum_name: forum_name(a, m),
                    held_on: m.held_on,
                    agenda: m.agenda.clone(),
                    decisions: m.decisions.clone(),
                    action_items,
                    path: mp,
                });
            }
        }
        meetings.sort_by(|a, b| a.held_on.cmp(&b.held_on).then(a.path.cmp(&b.path)));
        Ok(Minutes { as_of, meetings })
    }
}
