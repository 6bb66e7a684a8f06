//! A survey round for people, of any shape: what it asked of whom, its shares by the shape's
//! groups with Wilson intervals and small groups hidden ([`crate::assessment::round_shares`]), and
//! the changes since an earlier round with Newcombe's interval, only for groups whose shares are
//! shown in both rounds. What `brobygger survey` shows.

use crate::assessment::model::{SurveyPopulation, SurveyRound};
use crate::assessment::shape::{GroupShare, GroupShareChange, round_changes, round_shares};
use crate::assessment::survey::find_survey;
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::{Label, Lang, Text, t};
use crate::ids::{AgreementId, SurveyId};
use crate::present::doc::Block;
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};
use crate::privacy::aggregate::DEFAULT_MIN_CELL;
use chrono::NaiveDate;

/// How a round is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SurveyViewOptions {
    /// The earlier round to compare with; `None`: the latest earlier round about the same
    /// agreement, if there is one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub before: Option<SurveyId>,
    /// The fewest respondents a shown share may have (default [`DEFAULT_MIN_CELL`]; the
    /// bindings' default is the same five, checked by a test).
    #[cfg_attr(feature = "uniffi", uniffi(default = 5))]
    pub min_cell: u32,
}

impl Default for SurveyViewOptions {
    fn default() -> Self {
        Self {
            before: None,
            min_cell: DEFAULT_MIN_CELL,
        }
    }
}

/// A survey round's shares and changes, safe to share: no group under the threshold is shown.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SurveyView {
    /// The round.
    pub survey: SurveyId,
    /// Its title.
    pub title: String,
    /// The day it closed.
    pub closed_on: NaiveDate,
    /// The agreement whose partnership was surveyed, if the round is about one.
    pub agreement: Option<AgreementId>,
    /// Who was asked.
    pub population: SurveyPopulation,
    /// The threshold the shares were shown with.
    pub min_cell: u32,
    /// Every share, by question and group ([`round_shares`]).
    pub shares: Vec<GroupShare>,
    /// The earlier round the changes are from, if any.
    pub before: Option<SurveyId>,
    /// The changes since `before`, for groups shown in both rounds.
    pub changes: Vec<GroupShareChange>,
    #[serde(skip)]
    labels: Labels,
}

/// The round's words for its questions and groups, kept for presenting.
#[derive(Debug, Clone, PartialEq, Default)]
struct Labels {
    questions: Vec<(String, Text)>,
    groups: Vec<(String, Text)>,
    reference: Option<Text>,
}

impl Labels {
    fn of(round: &SurveyRound) -> Labels {
        let shape = round.effective_shape();
        Labels {
            questions: round
                .questions
                .iter()
                .map(|q| (q.id.to_string(), q.text.clone()))
                .collect(),
            groups: shape
                .map(|s| {
                    s.groups
                        .iter()
                        .map(|g| (g.id.clone(), g.label.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            reference: shape.map(|s| s.title.clone()),
        }
    }

    fn question(&self, id: &str, lang: Lang) -> String {
        self.questions
            .iter()
            .find(|(q, _)| q == id)
            .map_or_else(|| id.to_owned(), |(_, text)| text.get(lang).to_owned())
    }

    fn group(&self, id: Option<&str>, lang: Lang) -> String {
        match id {
            None => t(lang, "alle", "everyone").to_owned(),
            Some(id) => self
                .groups
                .iter()
                .find(|(g, _)| g == id)
                .map_or_else(|| id.to_owned(), |(_, text)| text.get(lang).to_owned()),
        }
    }
}

pub(crate) fn survey_view(
    d: &Dossier,
    survey: &SurveyId,
    options: &SurveyViewOptions,
) -> Result<SurveyView, BrobyggerError> {
    let round = find_survey(d, survey)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, survey))?;
    let shares = round_shares(round, options.min_cell)?;
    let before = match &options.before {
        Some(id) => Some(
            find_survey(d, id)
                .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, id))?,
        ),
        None => round.agreement.as_ref().and_then(|a| {
            d.surveys
                .iter()
                .filter(|s| s.agreement.as_ref() == Some(a) && s.closed_on < round.closed_on)
                .max_by_key(|s| s.closed_on)
        }),
    };
    let changes = match before {
        Some(b) => {
            let earlier = round_shares(b, options.min_cell)?;
            let shown = |list: &[GroupShare], question: &str, group: &Option<String>| {
                list.iter().any(|s| {
                    s.question.as_str() == question && &s.group == group && s.suppression.is_none()
                })
            };
            // The earlier round's question: the same id, or else one asking the same measure
            // (as `round_changes` pairs them).
            let earlier_question = |id: &crate::ids::QuestionId| {
                b.question(id).map(|q| q.id.to_string()).or_else(|| {
                    let m = round.question(id)?.measure_id()?;
                    b.questions
                        .iter()
                        .find(|q| q.measure_id() == Some(m))
                        .map(|q| q.id.to_string())
                })
            };
            round_changes(b, round)
                .into_iter()
                .filter(|c| {
                    shown(&shares, c.question.as_str(), &c.group)
                        && earlier_question(&c.question)
                            .is_some_and(|q| shown(&earlier, &q, &c.group))
                })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(SurveyView {
        survey: round.id.clone(),
        title: round.title.clone(),
        closed_on: round.closed_on,
        agreement: round.agreement.clone(),
        population: round
            .effective_shape()
            .map_or(SurveyPopulation::Other, |s| s.population),
        min_cell: options.min_cell,
        shares,
        before: before.map(|b| b.id.clone()),
        changes,
        labels: Labels::of(round),
    })
}

pub(crate) fn group_shares_table() -> Table {
    Table::new(
        "group_shares",
        Text::new("Andele", "Shares"),
        vec![
            Column::text("question", "Spørgsmål", "Question"),
            Column::text("group", "Gruppe", "Group"),
            Column::integer("positive", "Enige", "Positive").optional(),
            Column::integer("respondents", "Svar", "Respondents").optional(),
            Column::decimal("share", "Andel", "Share")
                .percent()
                .optional(),
            Column::decimal("low", "Nedre grænse", "Low")
                .percent()
                .optional(),
            Column::decimal("high", "Øvre grænse", "High")
                .percent()
                .optional(),
            Column::decimal("reference", "Offentliggjort", "Published")
                .percent()
                .optional(),
            Column::text("suppressed", "Skjult", "Hidden").optional(),
        ],
    )
}

pub(crate) fn group_share_changes_table() -> Table {
    Table::new(
        "group_share_changes",
        Text::new("Udvikling", "Change"),
        vec![
            Column::text("question", "Spørgsmål", "Question"),
            Column::text("group", "Gruppe", "Group"),
            Column::decimal("share_before", "Før", "Before").percent(),
            Column::decimal("share_after", "Efter", "After").percent(),
            Column::decimal("change", "Ændring", "Change").percent(),
            Column::decimal("low", "Nedre grænse", "Low").percent(),
            Column::decimal("high", "Øvre grænse", "High").percent(),
            Column::bool("significant", "Sikker ændring", "Significant"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    match name {
        "group_shares" => Some(group_shares_table()),
        "group_share_changes" => Some(group_share_changes_table()),
        _ => None,
    }
}

impl Present for SurveyView {
    fn title(&self, _lang: Lang) -> String {
        format!("{} ({})", self.title, self.closed_on)
    }

    /// `group_shares` (one row per question and group; hidden shares say why) and, with an
    /// earlier round, `group_share_changes`.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut shares = group_shares_table();
        for s in &self.shares {
            shares.push(vec![
                Cell::text(self.labels.question(s.question.as_str(), lang)),
                Cell::text(self.labels.group(s.group.as_deref(), lang)),
                Cell::opt(s.positive, Cell::int),
                Cell::opt(s.respondents, Cell::int),
                Cell::opt(s.share, Cell::decimal),
                Cell::opt(s.interval.map(|i| i.low), Cell::decimal),
                Cell::opt(s.interval.map(|i| i.high), Cell::decimal),
                Cell::opt(s.reference, Cell::decimal),
                Cell::opt(s.suppression, |x| Cell::text(x.label(lang))),
            ]);
        }
        let mut out = vec![shares];
        if self.before.is_some() {
            let mut changes = group_share_changes_table();
            for c in &self.changes {
                changes.push(vec![
                    Cell::text(self.labels.question(c.question.as_str(), lang)),
                    Cell::text(self.labels.group(c.group.as_deref(), lang)),
                    Cell::decimal(c.before),
                    Cell::decimal(c.after),
                    Cell::decimal(c.change),
                    Cell::decimal(c.interval.low),
                    Cell::decimal(c.interval.high),
                    Cell::bool(c.significant),
                ]);
            }
            out.push(changes);
        }
        out
    }

    /// The title, who was asked and how the shares are shown, the shares, then the changes.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        let about = match &self.agreement {
            Some(a) => format!(
                "{}: {} ({} {a}).",
                t(lang, "Spurgt", "Asked"),
                self.population.label(lang),
                t(lang, "aftale", "agreement")
            ),
            None => format!(
                "{}: {}.",
                t(lang, "Spurgt", "Asked"),
                self.population.label(lang)
            ),
        };
        let how = match lang {
            Lang::Da => format!(
                "Andelen, der svarede positivt, med 95 %-interval (Wilson); en gruppe med færre end {} svar er skjult, og en mere, hvis den ellers kunne regnes ud.",
                self.min_cell
            ),
            Lang::En => format!(
                "The share who answered positively, with its 95% interval (Wilson); a group with fewer than {} answers is hidden, and one more if it could otherwise be worked out.",
                self.min_cell
            ),
        };
        let published = self.labels.reference.as_ref().map(|r| {
            format!(
                "{}: {}.",
                t(lang, "Offentliggjorte andele", "Published shares"),
                r.get(lang)
            )
        });
        d.push(Block::para(
            [Some(about), Some(how), published]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        ));
        let mut tables = self.tables(lang).into_iter();
        if let Some(shares) = tables.next() {
            d.push(shares.block(lang));
        }
        if let (Some(changes), Some(before)) = (tables.next(), &self.before) {
            d.push(Block::Heading(
                3,
                format!("{} {before}", t(lang, "Udvikling siden", "Change since")),
            ));
            if changes.rows.is_empty() {
                d.push(Block::para(t(
                    lang,
                    "Ingen gruppe er vist i begge runder.",
                    "No group is shown in both rounds.",
                )));
            } else {
                d.push(changes.block(lang));
            }
        }
        d
    }
}
