//! The cohort's outcomes by whether and how early its households were matched and introduced,
//! aggregated so that no household can be picked out: a cell shows its counts only when its
//! households, those with the outcome and those without are each at least the threshold, and
//! the one secondary suppression (`crate::privacy::aggregate`, as for analysts' tables) hides
//! more until no hidden count can be worked out from the shown ones and the sums that tie them
//! (the two groupings partition the same households).

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::plural::{Plural, n as count, pick};
use crate::i18n::{Lang, Text, labels, t};
use crate::ids::{CohortId, NewcomerId};
use crate::outcomes::model::OutcomeRecord;
use crate::present::doc::Block;
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};
use crate::privacy::aggregate::{DEFAULT_MIN_CELL, Published, Sum, Suppression, protect_published};
use crate::privacy::consent::covering_basis;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::Subject;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// How a cohort's outcomes are aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OutcomeOptions {
    /// The day: each household's latest record on or before it counts, if a basis for
    /// evaluation and statistics covers the household on it.
    pub as_of: NaiveDate,
    /// The smallest number of households a shown count may have (default
    /// [`DEFAULT_MIN_CELL`]).
    pub min_cell: u32,
}

impl OutcomeOptions {
    /// The view on `day` with the default threshold.
    pub fn as_of(day: NaiveDate) -> Self {
        Self {
            as_of: day,
            min_cell: DEFAULT_MIN_CELL,
        }
    }
}

impl From<NaiveDate> for OutcomeOptions {
    fn from(day: NaiveDate) -> Self {
        OutcomeOptions::as_of(day)
    }
}

/// What the households are grouped by.
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
pub enum OutcomeGrouping {
    /// When a stored matching run first matched the household with a volunteer offer.
    Matched,
    /// When a volunteer offer was first introduced to the household (001: within the first
    /// three months, typically the first).
    Introduced,
}

labels!(OutcomeGrouping, "outcome_grouping" {
    Matched => ("matchet med en frivillig", "matched with a volunteer"),
    Introduced => ("frivilligtilbud introduceret", "volunteer offers introduced"),
});

/// How early after arrival.
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
pub enum Timing {
    /// Within the first month (30 days) after arrival.
    FirstMonth,
    /// Within the first three months (91 days), after the first.
    FirstThreeMonths,
    /// Later.
    Later,
    /// Not by the day of the view.
    Never,
}

labels!(Timing, "outcome_timing" {
    FirstMonth => ("inden for den første måned", "within the first month"),
    FirstThreeMonths => ("i anden eller tredje måned", "in the second or third month"),
    Later => ("senere", "later"),
    Never => ("ikke endnu", "not yet"),
});

impl Timing {
    /// Every timing, in order.
    pub const ALL: [Timing; 4] = [
        Timing::FirstMonth,
        Timing::FirstThreeMonths,
        Timing::Later,
        Timing::Never,
    ];

    fn of(arrival: NaiveDate, on: Option<NaiveDate>) -> Timing {
        match on.map(|d| (d - arrival).num_days()) {
            None => Timing::Never,
            Some(days) if days <= 30 => Timing::FirstMonth,
            Some(days) if days <= 91 => Timing::FirstThreeMonths,
            Some(_) => Timing::Later,
        }
    }
}

/// An outcome counted as a share.
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
pub enum OutcomeMeasure {
    /// In work or education.
    WorkOrEducation,
    /// Self-supporting.
    SelfSupporting,
    /// Danish at B1 or above.
    DanishB1,
    /// Contacts among Danes too.
    WiderNetwork,
}

labels!(OutcomeMeasure, "outcome_measure" {
    WorkOrEducation => ("i arbejde eller uddannelse", "in work or education"),
    SelfSupporting => ("selvforsørgende", "self-supporting"),
    DanishB1 => ("dansk på B1 eller derover", "Danish at B1 or above"),
    WiderNetwork => ("netværk også blandt danskere", "contacts among Danes too"),
});

impl OutcomeMeasure {
    /// Every measure, in order.
    pub const ALL: [OutcomeMeasure; 4] = [
        OutcomeMeasure::WorkOrEducation,
        OutcomeMeasure::SelfSupporting,
        OutcomeMeasure::DanishB1,
        OutcomeMeasure::WiderNetwork,
    ];

    /// Whether the record has the outcome (`None`: the record does not say).
    fn of(self, r: &OutcomeRecord) -> Option<bool> {
        match self {
            OutcomeMeasure::WorkOrEducation => r.employment.map(|e| e.is_attached()),
            OutcomeMeasure::SelfSupporting => r.self_supporting,
            OutcomeMeasure::DanishB1 => r
                .danish
                .map(|d| d >= crate::outcomes::model::DanishLevel::B1),
            OutcomeMeasure::WiderNetwork => r
                .network
                .map(|n| n == crate::outcomes::model::SocialNetwork::Wider),
        }
    }
}

/// One cell of the view: the households of one timing group whose record tells the measure.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OutcomeCell {
    /// What the households are grouped by.
    pub grouping: OutcomeGrouping,
    /// The group.
    pub timing: Timing,
    /// The outcome.
    pub measure: OutcomeMeasure,
    /// Households whose record tells the outcome (hidden when suppressed).
    pub households: Option<u32>,
    /// Of them, those with the outcome (hidden when suppressed).
    pub with_outcome: Option<u32>,
    /// `with_outcome / households` (hidden when suppressed).
    pub share: Option<f64>,
    /// Why the cell is hidden, if it is.
    pub suppression: Option<Suppression>,
}

/// A cohort's outcomes on a day, aggregated: never a household on its own.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OutcomeView {
    /// The cohort.
    pub cohort: CohortId,
    /// The day.
    pub as_of: NaiveDate,
    /// The threshold the view was made with.
    pub min_cell: u32,
    /// Households whose latest record counts.
    pub households_with_record: u32,
    /// Records left out because no basis for evaluation and statistics covers their household
    /// on the day (a consent withdrawn or expired).
    pub left_out_without_basis: u32,
    /// The cells: each grouping, timing and measure.
    pub cells: Vec<OutcomeCell>,
}

struct Household {
    timing: [Timing; 2],
    record: OutcomeRecord,
}

pub(crate) fn cohort_view(
    d: &Dossier,
    cohort: &CohortId,
    options: OutcomeOptions,
) -> Result<OutcomeView, BrobyggerError> {
    let c = d
        .cohorts
        .iter()
        .find(|c| &c.id == cohort)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Cohort, cohort))?;
    let as_of = options.as_of;
    let mut first_match: HashMap<&NewcomerId, NaiveDate> = HashMap::new();
    for run in d
        .match_runs
        .iter()
        .filter(|r| r.cohort.as_ref() == Some(cohort))
    {
        for m in run.matches.iter().filter(|_| run.as_of <= as_of) {
            let e = first_match.entry(&m.newcomer).or_insert(run.as_of);
            *e = (*e).min(run.as_of);
        }
    }
    let mut first_intro: HashMap<&NewcomerId, NaiveDate> = HashMap::new();
    for i in c.introductions.iter().filter(|i| i.on <= as_of) {
        let e = first_intro.entry(&i.newcomer).or_insert(i.on);
        *e = (*e).min(i.on);
    }
    let mut households = Vec::new();
    let mut left_out = 0u32;
    for n in &c.newcomers {
        let Some(record) = d
            .outcomes
            .iter()
            .filter(|r| r.household == n.id && &r.cohort == cohort && r.on <= as_of)
            .max_by_key(|r| r.on)
        else {
            continue;
        };
        let subject = Subject::newcomer(n.id.clone());
        if covering_basis(d, &subject, Purpose::Statistics, None, as_of).is_none() {
            left_out = left_out.saturating_add(1);
            continue;
        }
        households.push(Household {
            timing: [
                Timing::of(n.arrival, first_match.get(&n.id).copied()),
                Timing::of(n.arrival, first_intro.get(&n.id).copied()),
            ],
            record: record.clone(),
        });
    }
    let min = options.min_cell.max(1);
    let cells = suppressed_cells(&households, min);
    Ok(OutcomeView {
        cohort: cohort.clone(),
        as_of,
        min_cell: min,
        households_with_record: u32::try_from(households.len()).unwrap_or(u32::MAX),
        left_out_without_basis: left_out,
        cells,
    })
}

const GROUPINGS: [OutcomeGrouping; 2] = [OutcomeGrouping::Matched, OutcomeGrouping::Introduced];

/// The cells of the view with the one suppression (`crate::privacy::aggregate`): each cell's
/// households with and without the outcome and their number are published numbers, tied by
/// sums (each cell's two parts add up to its households; each grouping's cells add up to the
/// cohort's totals for the measure, which are not shown but the same for both groupings). A
/// non-empty cell whose households, or those with or without the outcome, are fewer than `min`
/// is hidden (primary); more are hidden until no hidden number under `min` can be worked out
/// from the shown ones, by a sum, the sums together or bounds (complementary). An empty group
/// says nothing about anyone and is shown as 0.
fn suppressed_cells(households: &[Household], min: u32) -> Vec<OutcomeCell> {
    let min_i = i64::from(min);
    let most = i64::try_from(households.len()).unwrap_or(i64::MAX);
    let mut p = Published::default();
    let mut hidden: BTreeSet<usize> = BTreeSet::new();
    // Per cell: (grouping, timing, measure, n, k, [n, with, without] slots, primary).
    let mut cells = Vec::new();
    for measure in OutcomeMeasure::ALL {
        let told: Vec<(usize, bool)> = households
            .iter()
            .enumerate()
            .filter_map(|(i, h)| measure.of(&h.record).map(|yes| (i, yes)))
            .collect();
        let n_all = i64::try_from(told.len()).unwrap_or(i64::MAX);
        let k_all = i64::try_from(told.iter().filter(|(_, yes)| *yes).count()).unwrap_or(0);
        let sensitive = |v: i64, n: i64| n > 0 && v < min_i;
        // The cohort's totals for the measure: tied to both groupings, never shown.
        let totals = [
            p.push_unpublished(n_all, (0, most), sensitive(n_all, n_all)),
            p.push_unpublished(k_all, (0, most), sensitive(k_all, n_all)),
            p.push_unpublished(n_all - k_all, (0, most), sensitive(n_all - k_all, n_all)),
        ];
        hidden.extend(totals);
        p.sums.push(Sum {
            terms: vec![totals[1], totals[2]],
            margin: totals[0],
        });
        for (g, grouping) in GROUPINGS.into_iter().enumerate() {
            let mut row = Vec::new();
            for timing in Timing::ALL {
                let (mut n, mut k) = (0u32, 0u32);
                for (i, yes) in &told {
                    if households[*i].timing[g] == timing {
                        n = n.saturating_add(1);
                        k = k.saturating_add(u32::from(*yes));
                    }
                }
                let (n64, k64) = (i64::from(n), i64::from(k));
                let lower = i64::from(n > 0);
                let slots = [
                    p.push(n64, (lower, most), sensitive(n64, n64)),
                    p.push(k64, (0, most), sensitive(k64, n64)),
                    p.push(n64 - k64, (0, most), sensitive(n64 - k64, n64)),
                ];
                p.sums.push(Sum {
                    terms: vec![slots[1], slots[2]],
                    margin: slots[0],
                });
                let primary = slots.iter().any(|s| p.sensitive[*s]);
                if primary {
                    hidden.extend(slots);
                }
                row.push(slots);
                cells.push((grouping, timing, measure, n, k, slots, primary));
            }
            for part in 0..3 {
                p.sums.push(Sum {
                    terms: row.iter().map(|s| s[part]).collect(),
                    margin: totals[part],
                });
            }
        }
    }
    protect_published(&p, &mut hidden);
    // Views list by grouping, then measure, then timing.
    let mut out: Vec<OutcomeCell> = cells
        .into_iter()
        .map(|(grouping, timing, measure, n, k, slots, primary)| {
            let suppression = if primary {
                Some(Suppression::Primary)
            } else if slots.iter().any(|s| hidden.contains(s)) {
                Some(Suppression::Complementary)
            } else {
                None
            };
            let shown = suppression.is_none();
            OutcomeCell {
                grouping,
                timing,
                measure,
                households: shown.then_some(n),
                with_outcome: shown.then_some(k),
                share: (shown && n > 0).then(|| f64::from(k) / f64::from(n)),
                suppression,
            }
        })
        .collect();
    let position = |c: &OutcomeCell| {
        (
            GROUPINGS.iter().position(|g| *g == c.grouping),
            OutcomeMeasure::ALL.iter().position(|m| *m == c.measure),
            c.timing,
        )
    };
    out.sort_by_key(position);
    out
}

pub(crate) fn outcomes_table() -> Table {
    Table::new(
        "outcomes",
        Text::new(
            "Udfald efter matchning og introduktion",
            "Outcomes by matching and introduction",
        ),
        vec![
            Column::text("grouping", "Gruppering", "Grouping"),
            Column::text("timing", "Hvornår", "When"),
            Column::text("measure", "Udfald", "Outcome"),
            Column::integer("households", "Husstande", "Households").optional(),
            Column::integer("with_outcome", "Med udfaldet", "With the outcome").optional(),
            Column::decimal("share", "Andel", "Share")
                .percent()
                .optional(),
            Column::text("suppressed", "Skjult", "Hidden").optional(),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    (name == "outcomes").then(outcomes_table)
}

const HOUSEHOLD: Plural = Plural::new("husstand", "husstande", "household", "households");
const CELL: Plural = Plural::new("celle", "celler", "cell", "cells");

impl OutcomeView {
    /// What the view holds, in a sentence or two: how many households' records count, how many
    /// were left out for want of a basis, and how many of the cells with households can be shown
    /// (a cohort of a few households shows few or none: most cells could single one out).
    pub fn summary(&self, lang: Lang) -> String {
        let households = count(self.households_with_record);
        // Cells with households: an empty group is shown as 0 and says nothing.
        let cells = count(
            self.cells
                .iter()
                .filter(|c| c.households != Some(0))
                .count(),
        );
        let shown = count(
            self.cells
                .iter()
                .filter(|c| c.suppression.is_none() && c.households.is_some_and(|n| n > 0))
                .count(),
        );
        let left_out = count(self.left_out_without_basis);
        let mut s = match lang {
            Lang::Da => format!(
                "{} har en opfølgning, der tæller (den seneste pr. husstand). {shown} af {} med husstande kan vises; en celle vises kun, når mindst {} har udfaldet og mindst {} ikke har det, så ingen husstand kan udpeges.",
                HOUSEHOLD.count(lang, households),
                CELL.count(lang, cells),
                HOUSEHOLD.count(lang, count(self.min_cell)),
                self.min_cell,
            ),
            Lang::En => format!(
                "{} {} a follow-up that counts (the latest of each). {shown} of {} with households can be shown; a cell is shown only when at least {} {} the outcome and at least {} {} not, so no household can be singled out.",
                HOUSEHOLD.count(lang, households),
                pick(households, "has", "have"),
                CELL.count(lang, cells),
                HOUSEHOLD.count(lang, count(self.min_cell)),
                pick(count(self.min_cell), "has", "have"),
                self.min_cell,
                pick(count(self.min_cell), "does", "do"),
            ),
        };
        if left_out > 0 {
            s.push(' ');
            s.push_str(&match lang {
                Lang::Da => format!(
                    "{} er udeladt, fordi intet samtykke eller anden hjemmel til evaluering dækkede {} på dagen.",
                    HOUSEHOLD.count(lang, left_out),
                    pick(left_out, "den", "dem"),
                ),
                Lang::En => format!(
                    "{} left out: no consent or other basis for evaluation covered {} on the day.",
                    HOUSEHOLD.count(lang, left_out),
                    pick(left_out, "it", "them"),
                ),
            });
        }
        s
    }
}

impl Present for OutcomeView {
    fn title(&self, lang: Lang) -> String {
        format!(
            "{} {} ({} {})",
            t(lang, "Udfald for", "Outcomes of"),
            self.cohort,
            t(lang, "pr.", "as of"),
            self.as_of
        )
    }

    /// `outcomes`: one row per grouping, timing and measure; hidden cells show why.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        use crate::i18n::Label;
        let mut table = outcomes_table();
        for c in &self.cells {
            table.push(vec![
                Cell::text(c.grouping.label(lang)),
                Cell::text(c.timing.label(lang)),
                Cell::text(c.measure.label(lang)),
                Cell::opt(c.households, Cell::int),
                Cell::opt(c.with_outcome, Cell::int),
                Cell::opt(c.share, Cell::decimal),
                Cell::opt(c.suppression, |s| Cell::text(s.label(lang))),
            ]);
        }
        vec![table]
    }

    /// The title, what the view holds ([`OutcomeView::summary`]), then the table.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        d.push(Block::para(self.summary(lang)));
        for table in self.tables(lang) {
            d.push(table.block(lang));
        }
        d
    }
}
