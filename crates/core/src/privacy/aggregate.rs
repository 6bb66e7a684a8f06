//! Safe aggregates: counts for analysts and survey shares with small cells suppressed.
//!
//! A cell (a count of households, or a survey group's respondents) smaller than the threshold
//! (default [`DEFAULT_MIN_CELL`], the same five the assessment's reports use) is not shown
//! (*primary* suppression). When the cells of a table add up to a total that is shown, one
//! hidden cell could be recomputed from the total and the others, so the smallest other cell is
//! hidden too (*complementary* suppression); survey groups are treated the same against the
//! share of all respondents. Every table and share says how many cells were hidden and why.
//!
//! One table's total is not the only sum an attacker has: an analyst export publishes several
//! tables of the same households, so a cell of a two-way table is also a term of a one-way
//! table's cell (its row or column margin), every table's total is the same number, and every
//! listed cell counts at least one household. Across all the tables of one export, cells are
//! hidden until no hidden cell under the threshold can be recovered: none is the only unknown of
//! a sum, none is fixed by the sums together (solved as a linear system), and none is pinned by
//! bounding it from the sums and the known least and greatest counts (*secondary* suppression,
//! reported as complementary). A hidden cell's keys that are free text (an area's name) are
//! written `*`, never as typed.
//!
//! Households enter a table only when a consent or basis for statistics covers them on the day;
//! the table says how many were left out.

use crate::assessment::model::{MIN_REPORTED_RESPONDENTS, RespondentGroup, ShareEstimate};
use crate::assessment::survey::survey_results;
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::{Text, labels};
use crate::ids::{CohortId, MatchRunId, QuestionId, SurveyId};
use crate::matching::lookup::{find_cohort, find_match_run, find_offer};
use crate::matching::model::profile::Newcomer;
use crate::matching::store::introduction_status;
use crate::privacy::audience::quarter_start;
use crate::privacy::disclosure::{ExportManifest, ManifestEntry};
use crate::privacy::model::audience::Audience;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::Subject;
use crate::privacy::model::proposal::Recipient;
use crate::privacy::register::Register;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// The default smallest cell shown.
pub const DEFAULT_MIN_CELL: u32 = MIN_REPORTED_RESPONDENTS;

/// What households are counted by.
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
pub enum AggregateDimension {
    /// The quarter of arrival, e.g. `2016-Q1`.
    ArrivalQuarter,
    /// The area as recorded.
    Area,
    /// Each need (a household with two needs counts under both).
    Need,
    /// Each language spoken (a household counts under each).
    Language,
    /// People in the household: `1` … `4`, `5+`.
    HouseholdSize,
    /// `with_children` or `without_children`.
    Children,
    /// `matched`, `unmatched` or `not_in_run`, in the given run.
    MatchOutcome,
    /// The kind of the offer matched in the given run, or `unmatched`.
    OfferKind,
    /// The introduction state on the day (`upcoming`, `due`, `overdue`, `completed`).
    IntroductionState,
}

labels!(AggregateDimension, "aggregate_dimension" {
    ArrivalQuarter => ("ankomstkvartal", "quarter of arrival"),
    Area => ("område", "area"),
    Need => ("behov", "need"),
    Language => ("sprog", "language"),
    HouseholdSize => ("husstandens størrelse", "household size"),
    Children => ("børn", "children"),
    MatchOutcome => ("match", "match outcome"),
    OfferKind => ("tilbudstype", "offer kind"),
    IntroductionState => ("introduktion", "introduction state"),
});

impl AggregateDimension {
    /// The value as written in files.
    pub fn key(self) -> &'static str {
        match self {
            AggregateDimension::ArrivalQuarter => "arrival_quarter",
            AggregateDimension::Area => "area",
            AggregateDimension::Need => "need",
            AggregateDimension::Language => "language",
            AggregateDimension::HouseholdSize => "household_size",
            AggregateDimension::Children => "children",
            AggregateDimension::MatchOutcome => "match_outcome",
            AggregateDimension::OfferKind => "offer_kind",
            AggregateDimension::IntroductionState => "introduction_state",
        }
    }

    /// Whether each household has exactly one value (so the cells add up to the total).
    pub fn is_partition(self) -> bool {
        !matches!(
            self,
            AggregateDimension::Need | AggregateDimension::Language
        )
    }

    fn needs_run(self) -> bool {
        matches!(
            self,
            AggregateDimension::MatchOutcome | AggregateDimension::OfferKind
        )
    }
}

/// Why a cell is hidden.
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
pub enum Suppression {
    /// Smaller than the threshold.
    Primary,
    /// Hidden so a primary cell cannot be recomputed from the total.
    Complementary,
}

labels!(Suppression, "suppression" {
    Primary => ("for lille", "too small"),
    Complementary => ("skjult for at beskytte en anden celle", "hidden to protect another cell"),
});

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SafeCell {
    /// The values of the table's dimensions, in order.
    pub keys: Vec<String>,
    /// The count, unless hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Why it is hidden, if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
}

/// A table of household counts with small cells suppressed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SafeTable {
    /// What the households are counted by.
    pub dimensions: Vec<AggregateDimension>,
    /// The cells with at least one household, sorted by keys.
    pub cells: Vec<SafeCell>,
    /// Households counted, unless fewer than the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// The smallest count shown.
    pub min_cell: u32,
    /// Cells hidden.
    pub suppressed: u32,
    /// Households left out because nothing covers their use for statistics.
    pub left_out: u32,
    /// What was hidden and why.
    pub note: Text,
}

/// A request for one table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SafeTableRequest {
    /// The cohort.
    pub cohort: CohortId,
    /// One or two dimensions.
    pub by: Vec<AggregateDimension>,
    /// The day (for bases and introduction states).
    pub on: NaiveDate,
    /// The run, for match dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<MatchRunId>,
    /// The smallest count shown (at least 1; default 5).
    #[serde(default = "default_min_cell")]
    pub min_cell: u32,
}

fn default_min_cell() -> u32 {
    DEFAULT_MIN_CELL
}

impl SafeTableRequest {
    /// A table of `cohort` by `by` on `on`, with no run and the default smallest cell
    /// ([`DEFAULT_MIN_CELL`]).
    pub fn new(cohort: impl Into<CohortId>, by: Vec<AggregateDimension>, on: NaiveDate) -> Self {
        Self {
            cohort: cohort.into(),
            by,
            on,
            run: None,
            min_cell: DEFAULT_MIN_CELL,
        }
    }

    /// This request with the outcome of a stored run.
    #[must_use]
    pub fn run(mut self, run: impl Into<MatchRunId>) -> Self {
        self.run = Some(run.into());
        self
    }

    /// This request with another smallest count shown.
    #[must_use]
    pub fn min_cell(mut self, min_cell: u32) -> Self {
        self.min_cell = min_cell;
        self
    }
}

impl AnalystExportOptions {
    /// An export of `cohort` on `on`, with no run and the default smallest cell
    /// ([`DEFAULT_MIN_CELL`]).
    pub fn new(cohort: impl Into<CohortId>, on: NaiveDate) -> Self {
        Self {
            cohort: cohort.into(),
            on,
            run: None,
            min_cell: DEFAULT_MIN_CELL,
        }
    }

    /// These options with the outcome of a stored run.
    #[must_use]
    pub fn run(mut self, run: impl Into<MatchRunId>) -> Self {
        self.run = Some(run.into());
        self
    }

    /// These options with another smallest count shown.
    #[must_use]
    pub fn min_cell(mut self, min_cell: u32) -> Self {
        self.min_cell = min_cell;
        self
    }
}

/// How survey shares are made safe to publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SafeShareOptions {
    /// The smallest group shown ([`DEFAULT_MIN_CELL`] by default; at least 1).
    pub min_cell: u32,
}

impl Default for SafeShareOptions {
    fn default() -> Self {
        Self {
            min_cell: DEFAULT_MIN_CELL,
        }
    }
}

impl SafeShareOptions {
    /// Groups under `min_cell` respondents hidden.
    pub fn min_cell(min_cell: u32) -> Self {
        Self { min_cell }
    }
}

/// Options for an analyst export.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnalystExportOptions {
    /// The cohort.
    pub cohort: CohortId,
    /// The day.
    pub on: NaiveDate,
    /// A stored run whose outcome to include.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<MatchRunId>,
    /// The smallest count shown (default 5).
    #[serde(default = "default_min_cell")]
    pub min_cell: u32,
}

/// The tables an analyst receives about a cohort, and the manifest of what they contain.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnalystExport {
    /// The cohort.
    pub cohort: CohortId,
    /// The day.
    pub on: NaiveDate,
    /// The tables.
    pub tables: Vec<SafeTable>,
    /// What was disclosed, to whom and why.
    pub manifest: ExportManifest,
}

/// A survey share with small groups suppressed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SafeShare {
    /// The question.
    pub question: QuestionId,
    /// The group; `None` for all respondents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<RespondentGroup>,
    /// The share with its interval, unless hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<ShareEstimate>,
    /// Why it is hidden, if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// What was hidden and why (empty when shown).
    pub note: Text,
}

/// Hides cells under `min` and, where a total is shown and cells add up to it, one more so no
/// hidden cell can be recomputed. `counts` are the cells' counts; returns each cell's state.
pub fn suppress(counts: &[u32], min: u32, adds_up: bool) -> Vec<Option<Suppression>> {
    let mut out: Vec<Option<Suppression>> = counts
        .iter()
        .map(|&c| (c < min).then_some(Suppression::Primary))
        .collect();
    let hidden = out.iter().filter(|s| s.is_some()).count();
    if adds_up && hidden == 1 {
        let pick = counts
            .iter()
            .enumerate()
            .filter(|(k, _)| out[*k].is_none())
            .min_by_key(|(k, c)| (**c, *k))
            .map(|(k, _)| k);
        if let Some(k) = pick {
            out[k] = Some(Suppression::Complementary);
        }
    }
    out
}

fn note(primary: usize, complementary: usize, left_out: u32, min: u32) -> Text {
    let mut da = String::new();
    let mut en = String::new();
    if primary + complementary == 0 {
        da.push_str(&format!("Ingen celler er skjult (grænse: {min})."));
        en.push_str(&format!("No cells are hidden (threshold: {min})."));
    } else {
        da.push_str(&format!(
            "{} celle(r) med færre end {min} er skjult",
            primary
        ));
        en.push_str(&format!(
            "{primary} cell(s) with fewer than {min} are hidden"
        ));
        if complementary > 0 {
            da.push_str(&format!(
                ", og {complementary} mere, så de ikke kan regnes ud af totalen"
            ));
            en.push_str(&format!(
                ", and {complementary} more so they cannot be worked out from the total"
            ));
        }
        da.push('.');
        en.push('.');
    }
    if left_out > 0 {
        da.push_str(&format!(
            " {left_out} husstand(e) er udeladt: intet samtykke eller anden hjemmel dækker brug til statistik."
        ));
        en.push_str(&format!(
            " {left_out} household(s) left out: no consent or other basis covers use for statistics."
        ));
    }
    Text::new(da, en)
}

fn household_size(n: &Newcomer) -> String {
    // Wide and saturating: both numbers come from input (validate reports a household of more
    // people than a count holds).
    let size = u64::from(n.household.adults).saturating_add(n.household.children_ages.len() as u64);
    if size >= 5 {
        "5+".to_owned()
    } else {
        size.to_string()
    }
}

/// A table with the true counts of its cells (hidden ones too), before it is handed out.
struct RawTable {
    table: SafeTable,
    counts: Vec<u32>,
    total: u32,
}

/// A published number: a cell of a table, or the households counted (the same in every table
/// of an export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Slot {
    Cell(usize, usize),
    Total,
}

/// The terms add up to the margin (numbers by their index in [`Published`]).
#[derive(Debug, Clone)]
pub(crate) struct Sum {
    pub(crate) terms: Vec<usize>,
    pub(crate) margin: usize,
}

/// Numbers some outputs publish together, with every sum that ties them: what the one secondary
/// suppression ([`protect_published`]) works on. Tables of households and outcome views both
/// hand their numbers over in this shape.
#[derive(Debug, Clone, Default)]
pub(crate) struct Published {
    /// Each number's true value.
    pub(crate) value: Vec<i64>,
    /// What is known of each number without seeing it: its least and greatest value.
    pub(crate) range: Vec<(i64, i64)>,
    /// Whether the number, known, would single someone out (under the threshold).
    pub(crate) sensitive: Vec<bool>,
    /// Numbers no output shows (a total only the sums imply): hidden from the start.
    pub(crate) unpublished: Vec<bool>,
    /// The sums the outputs publish.
    pub(crate) sums: Vec<Sum>,
}

impl Published {
    /// Adds a number; returns its index.
    pub(crate) fn push(&mut self, value: i64, range: (i64, i64), sensitive: bool) -> usize {
        self.value.push(value);
        self.range.push(range);
        self.sensitive.push(sensitive);
        self.unpublished.push(false);
        self.value.len() - 1
    }

    /// Adds a number no output shows, which `hidden` must hold; returns its index.
    pub(crate) fn push_unpublished(
        &mut self,
        value: i64,
        range: (i64, i64),
        sensitive: bool,
    ) -> usize {
        let k = self.push(value, range, sensitive);
        self.unpublished[k] = true;
        k
    }
}

/// Every sum the tables publish: each partition table's cells add up to the total; each
/// two-way table's rows and columns add up to the cells of the one-way tables by the same
/// dimension, where the export has them.
fn relations(raws: &[RawTable], index: &BTreeMap<Slot, usize>) -> Vec<Sum> {
    let at = |s: Slot| index.get(&s).copied().unwrap_or(0);
    let mut out = Vec::new();
    for (t, r) in raws.iter().enumerate() {
        let dims = &r.table.dimensions;
        if !dims.iter().all(|d| d.is_partition()) {
            continue;
        }
        out.push(Sum {
            terms: (0..r.table.cells.len())
                .map(|c| at(Slot::Cell(t, c)))
                .collect(),
            margin: at(Slot::Total),
        });
        if dims.len() != 2 {
            continue;
        }
        for (axis, dim) in dims.iter().enumerate() {
            let Some(one) = raws.iter().position(|o| o.table.dimensions == [*dim]) else {
                continue;
            };
            for (c1, cell1) in raws[one].table.cells.iter().enumerate() {
                out.push(Sum {
                    terms: r
                        .table
                        .cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.keys.get(axis) == cell1.keys.first())
                        .map(|(c, _)| at(Slot::Cell(t, c)))
                        .collect(),
                    margin: at(Slot::Cell(one, c1)),
                });
            }
        }
    }
    out
}

/// The least and greatest value each hidden number can have, given the shown ones, the sums,
/// and what is known of each number's range.
fn bounds(p: &Published, hidden: &BTreeSet<usize>) -> BTreeMap<usize, (i64, i64)> {
    let mut b: BTreeMap<usize, (i64, i64)> = hidden.iter().map(|&s| (s, p.range[s])).collect();
    let get = |b: &BTreeMap<usize, (i64, i64)>, s: usize| {
        b.get(&s).copied().unwrap_or_else(|| {
            let v = p.value[s];
            (v, v)
        })
    };
    // Each pass only narrows; a fixed number of passes reaches what propagation can.
    for _ in 0..64 {
        let mut changed = false;
        for r in &p.sums {
            let (mut lo_sum, mut hi_sum) = (0i64, 0i64);
            for &t in &r.terms {
                let (lo, hi) = get(&b, t);
                lo_sum = lo_sum.saturating_add(lo);
                hi_sum = hi_sum.saturating_add(hi);
            }
            let (m_lo, m_hi) = get(&b, r.margin);
            if let Some(x) = b.get_mut(&r.margin) {
                let next = (x.0.max(lo_sum), x.1.min(hi_sum));
                changed |= next != *x;
                *x = next;
            }
            for &t in &r.terms {
                if !b.contains_key(&t) {
                    continue;
                }
                let (lo, hi) = get(&b, t);
                let next = (
                    lo.max(m_lo.saturating_sub(hi_sum.saturating_sub(hi))),
                    hi.min(m_hi.saturating_sub(lo_sum.saturating_sub(lo))),
                );
                if next != (lo, hi) {
                    b.insert(t, next);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    b
}

/// The hidden numbers the sums fix as a linear system (each is a pivot of the reduced system
/// with no free unknown beside it).
fn determined(sums: &[Sum], hidden: &BTreeSet<usize>) -> BTreeSet<usize> {
    let vars: Vec<usize> = hidden.iter().copied().collect();
    let index: BTreeMap<usize, usize> = vars.iter().enumerate().map(|(k, s)| (*s, k)).collect();
    let mut rows: Vec<Vec<f64>> = sums
        .iter()
        .map(|r| {
            let mut row = vec![0.0; vars.len()];
            for t in &r.terms {
                if let Some(&k) = index.get(t) {
                    row[k] += 1.0;
                }
            }
            if let Some(&k) = index.get(&r.margin) {
                row[k] -= 1.0;
            }
            row
        })
        .filter(|row| row.iter().any(|x| *x != 0.0))
        .collect();
    // Reduced row echelon form (the matrices are small and hold small integers).
    let mut pivots = Vec::new();
    let mut top = 0;
    for col in 0..vars.len() {
        let Some(p) = (top..rows.len()).find(|&r| rows[r][col].abs() > 1e-9) else {
            continue;
        };
        rows.swap(top, p);
        let f = rows[top][col];
        rows[top].iter_mut().for_each(|x| *x /= f);
        for r in 0..rows.len() {
            if r != top && rows[r][col].abs() > 1e-9 {
                let g = rows[r][col];
                let pivot_row = rows[top].clone();
                rows[r]
                    .iter_mut()
                    .zip(&pivot_row)
                    .for_each(|(x, y)| *x -= g * y);
            }
        }
        pivots.push((top, col));
        top += 1;
        if top == rows.len() {
            break;
        }
    }
    pivots
        .into_iter()
        .filter(|&(r, col)| {
            rows[r]
                .iter()
                .enumerate()
                .all(|(k, x)| k == col || x.abs() <= 1e-9)
        })
        .map(|(_, col)| vars[col])
        .collect()
}

/// The one secondary suppression: hides more numbers (beside `hidden`, which it extends) until
/// no hidden sensitive number can be recovered from what is shown: no sum with one unknown, no
/// number fixed by the sums together or pinned by bounds.
pub(crate) fn protect_published(p: &Published, hidden: &mut BTreeSet<usize>) {
    loop {
        // A sum with exactly one unknown gives it away: hide its smallest shown term (or the
        // margin, when every term is hidden).
        let mut changed = true;
        while changed {
            changed = false;
            for r in &p.sums {
                let unknown = r.terms.iter().filter(|t| hidden.contains(t)).count()
                    + usize::from(hidden.contains(&r.margin));
                if unknown != 1 {
                    continue;
                }
                // An unpublished number that singles no one out may be worked out (the sums
                // together still guard what it leads to).
                let lone = r
                    .terms
                    .iter()
                    .chain([&r.margin])
                    .find(|t| hidden.contains(t))
                    .copied();
                if lone.is_some_and(|u| p.unpublished[u] && !p.sensitive[u]) {
                    continue;
                }
                let pick = r
                    .terms
                    .iter()
                    .filter(|t| !hidden.contains(t))
                    .min_by_key(|t| (p.value[**t], **t))
                    .copied()
                    .unwrap_or(r.margin);
                hidden.insert(pick);
                changed = true;
            }
        }
        // What the sums fix together, or bound to one value, and is sensitive: hide every
        // shown number of each sum it is in, and look again.
        let mut exposed: BTreeSet<usize> = determined(&p.sums, hidden);
        exposed.extend(
            bounds(p, hidden)
                .into_iter()
                .filter(|(_, (lo, hi))| lo == hi)
                .map(|(s, _)| s),
        );
        exposed.retain(|s| p.sensitive[*s]);
        if exposed.is_empty() {
            break;
        }
        let before = hidden.len();
        for r in &p.sums {
            if exposed.contains(&r.margin) || r.terms.iter().any(|t| exposed.contains(t)) {
                hidden.extend(r.terms.iter().copied());
                hidden.insert(r.margin);
            }
        }
        if hidden.len() == before {
            break;
        }
    }
}

/// Hides more cells across `raws` until no hidden cell under `min` can be recovered from what
/// is shown ([`protect_published`]): a listed cell counts at least one household and no more
/// than the total. The cells it hides are complementary; the total is hidden in every table if
/// it must be.
fn protect(raws: &mut [RawTable], min: u32) {
    let mut slots: Vec<Slot> = Vec::new();
    for (t, r) in raws.iter().enumerate() {
        slots.extend((0..r.table.cells.len()).map(|c| Slot::Cell(t, c)));
    }
    slots.push(Slot::Total);
    let index: BTreeMap<Slot, usize> = slots.iter().enumerate().map(|(k, s)| (*s, k)).collect();
    let total = raws.first().map_or(0, |r| i64::from(r.total));
    let most = total.max(1);
    let mut p = Published::default();
    for s in &slots {
        let (value, range) = match *s {
            Slot::Cell(t, c) => (i64::from(raws[t].counts[c]), (1, most)),
            Slot::Total => (total, (0, i64::from(u32::MAX))),
        };
        p.push(value, range, value < i64::from(min));
    }
    p.sums = relations(raws, &index);
    let mut hidden: BTreeSet<usize> = BTreeSet::new();
    for (t, r) in raws.iter().enumerate() {
        for (c, cell) in r.table.cells.iter().enumerate() {
            if cell.suppression.is_some() {
                hidden.extend(index.get(&Slot::Cell(t, c)));
            }
        }
    }
    if raws.iter().all(|r| r.table.total.is_none()) {
        hidden.extend(index.get(&Slot::Total));
    }
    protect_published(&p, &mut hidden);
    for k in hidden {
        match slots[k] {
            Slot::Total => raws.iter_mut().for_each(|r| r.table.total = None),
            Slot::Cell(t, c) => {
                let cell = &mut raws[t].table.cells[c];
                if cell.suppression.is_none() {
                    cell.suppression = Some(Suppression::Complementary);
                    cell.count = None;
                }
            }
        }
    }
    for r in raws.iter_mut() {
        finish(r);
    }
}

/// Counts and notes after suppression; a hidden cell's free-text keys (an area's name) become
/// `*`.
fn finish(r: &mut RawTable) {
    let t = &mut r.table;
    for cell in &mut t.cells {
        if cell.suppression.is_some() {
            for (k, d) in t.dimensions.iter().enumerate() {
                if *d == AggregateDimension::Area
                    && let Some(key) = cell.keys.get_mut(k)
                {
                    *key = "*".to_owned();
                }
            }
        }
    }
    let primary = t
        .cells
        .iter()
        .filter(|c| c.suppression == Some(Suppression::Primary))
        .count();
    let complementary = t
        .cells
        .iter()
        .filter(|c| c.suppression == Some(Suppression::Complementary))
        .count();
    t.suppressed = (primary + complementary) as u32;
    t.note = note(primary, complementary, t.left_out, t.min_cell);
}

pub(crate) fn safe_table(
    dossier: &Dossier,
    request: &SafeTableRequest,
) -> Result<SafeTable, BrobyggerError> {
    let mut raw = [safe_table_raw(dossier, request)?];
    protect(&mut raw, request.min_cell);
    let [raw] = raw;
    Ok(raw.table)
}

fn safe_table_raw(
    dossier: &Dossier,
    request: &SafeTableRequest,
) -> Result<RawTable, BrobyggerError> {
    if request.by.is_empty() || request.by.len() > 2 {
        return Err(PrivacyError::InvalidParameter {
            field: "by",
            reason: "a table has one or two dimensions",
        }
        .into());
    }
    if request.min_cell == 0 {
        return Err(PrivacyError::InvalidParameter {
            field: "min_cell",
            reason: "must be at least 1",
        }
        .into());
    }
    let cohort = find_cohort(dossier, &request.cohort)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Cohort, &request.cohort))?;
    let run = match &request.run {
        Some(r) => Some(
            find_match_run(dossier, r)
                .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::MatchRun, r))?,
        ),
        None => None,
    };
    if run.is_none() && request.by.iter().any(|d| d.needs_run()) {
        return Err(PrivacyError::InvalidParameter {
            field: "run",
            reason: "match dimensions need a run",
        }
        .into());
    }
    let status = introduction_status(dossier, &request.cohort, request.on)?;
    let register = Register::of(dossier);
    let mut counts: BTreeMap<Vec<String>, u32> = BTreeMap::new();
    let mut total = 0u32;
    let mut left_out = 0u32;
    for (i, n) in cohort.newcomers.iter().enumerate() {
        if register
            .find(
                &Subject::newcomer(n.id.clone()),
                Purpose::Statistics,
                None,
                request.on,
            )
            .is_none()
        {
            left_out += 1;
            continue;
        }
        total += 1;
        let values = |d: AggregateDimension| -> Vec<String> {
            match d {
                AggregateDimension::ArrivalQuarter => {
                    let q = quarter_start(n.arrival);
                    vec![format!("{}-Q{}", q.year(), q.month0() / 3 + 1)]
                }
                AggregateDimension::Area => {
                    vec![n.area.clone().unwrap_or_else(|| "-".to_owned())]
                }
                AggregateDimension::Need => {
                    let mut v: Vec<String> = n.needs.iter().map(|x| x.key().to_owned()).collect();
                    v.sort();
                    v.dedup();
                    if v.is_empty() {
                        v.push("none".into());
                    }
                    v
                }
                AggregateDimension::Language => {
                    let mut v: Vec<String> =
                        n.languages.iter().map(|x| x.language.clone()).collect();
                    v.sort();
                    v.dedup();
                    if v.is_empty() {
                        v.push("none".into());
                    }
                    v
                }
                AggregateDimension::HouseholdSize => vec![household_size(n)],
                AggregateDimension::Children => vec![if n.household.children_ages.is_empty() {
                    "without_children".into()
                } else {
                    "with_children".into()
                }],
                AggregateDimension::MatchOutcome => {
                    let r = run.map(|r| {
                        if r.matches.iter().any(|m| m.newcomer == n.id) {
                            "matched"
                        } else if r.unmatched.iter().any(|u| u.newcomer == n.id) {
                            "unmatched"
                        } else {
                            "not_in_run"
                        }
                    });
                    vec![r.unwrap_or("not_in_run").to_owned()]
                }
                AggregateDimension::OfferKind => {
                    let kind = run
                        .and_then(|r| r.matches.iter().find(|m| m.newcomer == n.id))
                        .and_then(|m| find_offer(dossier, &m.offer))
                        .map(|o| crate::privacy::validate::enum_key(&o.kind))
                        .unwrap_or_else(|| "unmatched".to_owned());
                    vec![kind]
                }
                AggregateDimension::IntroductionState => vec![
                    status
                        .get(i)
                        .map(|s| crate::privacy::validate::enum_key(&s.state))
                        .unwrap_or_default(),
                ],
            }
        };
        let first = values(request.by[0]);
        let second = request.by.get(1).map(|d| values(*d));
        for a in &first {
            match &second {
                None => *counts.entry(vec![a.clone()]).or_default() += 1,
                Some(bs) => {
                    for b in bs {
                        *counts.entry(vec![a.clone(), b.clone()]).or_default() += 1;
                    }
                }
            }
        }
    }
    let min = request.min_cell;
    let total_shown = total >= min;
    let adds_up = total_shown && request.by.iter().all(|d| d.is_partition());
    let values: Vec<u32> = counts.values().copied().collect();
    let mut states = suppress(&values, min, adds_up);
    if !total_shown {
        for s in &mut states {
            s.get_or_insert(Suppression::Primary);
        }
    }
    let true_counts = values.clone();
    let cells: Vec<SafeCell> = counts
        .into_iter()
        .zip(states)
        .map(|((keys, count), state)| SafeCell {
            keys,
            count: state.is_none().then_some(count),
            suppression: state,
        })
        .collect();
    let primary = cells
        .iter()
        .filter(|c| c.suppression == Some(Suppression::Primary))
        .count();
    let complementary = cells
        .iter()
        .filter(|c| c.suppression == Some(Suppression::Complementary))
        .count();
    Ok(RawTable {
        table: SafeTable {
            dimensions: request.by.clone(),
            suppressed: (primary + complementary) as u32,
            note: note(primary, complementary, left_out, min),
            cells,
            total: total_shown.then_some(total),
            min_cell: min,
            left_out,
        },
        counts: true_counts,
        total,
    })
}

pub(crate) fn analyst_export(
    dossier: &Dossier,
    options: &AnalystExportOptions,
) -> Result<AnalystExport, BrobyggerError> {
    use AggregateDimension as D;
    let mut dims = vec![
        vec![D::ArrivalQuarter],
        vec![D::Area],
        vec![D::Need],
        vec![D::Language],
        vec![D::HouseholdSize],
        vec![D::Children],
        vec![D::IntroductionState],
    ];
    if options.run.is_some() {
        dims.push(vec![D::MatchOutcome]);
        dims.push(vec![D::OfferKind]);
        dims.push(vec![D::MatchOutcome, D::Children]);
    }
    let mut raws = Vec::new();
    for by in dims {
        raws.push(safe_table_raw(
            dossier,
            &SafeTableRequest {
                cohort: options.cohort.clone(),
                by,
                on: options.on,
                run: options.run.clone(),
                min_cell: options.min_cell,
            },
        )?);
    }
    // Secondary suppression over every table of the export together.
    protect(&mut raws, options.min_cell);
    let tables: Vec<SafeTable> = raws.into_iter().map(|r| r.table).collect();
    let entries = tables
        .iter()
        .map(|t| ManifestEntry {
            at: None,
            subject: None,
            recipient: Recipient::Group {
                audience: Audience::Analyst,
            },
            fields: vec![format!(
                "table:{}",
                t.dimensions.iter().map(|d| d.key()).collect::<Vec<_>>().join("×")
            )],
            purpose: Purpose::Statistics,
            basis: None,
            reason: Text::new(
                format!(
                    "Optællinger af husstande med et grundlag for statistik; celler under {} er skjult.",
                    t.min_cell
                ),
                format!(
                    "Counts of households with a basis for statistics; cells under {} are hidden.",
                    t.min_cell
                ),
            ),
        })
        .collect();
    Ok(AnalystExport {
        cohort: options.cohort.clone(),
        on: options.on,
        tables,
        manifest: ExportManifest { entries },
    })
}

pub(crate) fn safe_survey_results(
    dossier: &Dossier,
    survey: &SurveyId,
    min_cell: u32,
) -> Result<Vec<SafeShare>, BrobyggerError> {
    if min_cell == 0 {
        return Err(PrivacyError::InvalidParameter {
            field: "min_cell",
            reason: "must be at least 1",
        }
        .into());
    }
    let estimates = survey_results(dossier, survey)?;
    let mut out = Vec::new();
    let mut questions: Vec<QuestionId> = Vec::new();
    for e in &estimates {
        if !questions.contains(&e.question) {
            questions.push(e.question.clone());
        }
    }
    for q in questions {
        let of_q: Vec<&ShareEstimate> = estimates.iter().filter(|e| e.question == q).collect();
        let groups: Vec<&&ShareEstimate> = of_q.iter().filter(|e| e.group.is_some()).collect();
        let all = of_q.iter().find(|e| e.group.is_none());
        let all_shown = all.is_some_and(|a| a.respondents >= min_cell);
        let counts: Vec<u32> = groups.iter().map(|e| e.respondents).collect();
        let states = suppress(&counts, min_cell, all_shown && groups.len() > 1);
        let hidden_groups = states.iter().filter(|s| s.is_some()).count();
        for (e, state) in groups.iter().zip(states) {
            out.push(share(e, state, min_cell));
        }
        if let Some(a) = all {
            let state = (!all_shown).then_some(Suppression::Primary);
            let mut s = share(a, state, min_cell);
            if state.is_none() && hidden_groups > 0 {
                s.note = Text::new(
                    format!("{hidden_groups} gruppe(r) er skjult; alle svar tæller med her."),
                    format!("{hidden_groups} group(s) are hidden; every answer counts here."),
                );
            }
            out.push(s);
        }
    }
    Ok(out)
}

fn share(e: &ShareEstimate, state: Option<Suppression>, min: u32) -> SafeShare {
    SafeShare {
        question: e.question.clone(),
        group: e.group,
        estimate: state.is_none().then(|| e.clone()),
        suppression: state,
        note: match state {
            None => Text::new("", ""),
            Some(Suppression::Primary) => Text::new(
                format!("Skjult: færre end {min} svar."),
                format!("Hidden: fewer than {min} answers."),
            ),
            Some(Suppression::Complementary) => Text::new(
                "Skjult, så en mindre gruppe ikke kan regnes ud af totalen.",
                "Hidden so a smaller group cannot be worked out from the total.",
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_and_complementary_suppression() {
        use Suppression::*;
        assert_eq!(
            suppress(&[10, 3, 7], 5, true),
            vec![None, Some(Primary), Some(Complementary)]
        );
        assert_eq!(
            suppress(&[10, 3, 7], 5, false),
            vec![None, Some(Primary), None]
        );
        assert_eq!(
            suppress(&[2, 3, 7], 5, true),
            vec![Some(Primary), Some(Primary), None]
        );
        assert_eq!(suppress(&[5, 6], 5, true), vec![None, None]);
        assert_eq!(suppress(&[4], 5, true), vec![Some(Primary)]);
    }
}
