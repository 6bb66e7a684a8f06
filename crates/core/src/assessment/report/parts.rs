//! A report's options, its formats and slots, and the sections other features fill the slots
//! with (the role split as a heat map, the checklists side by side).

use crate::assessment::result::ExternalFindings;
use crate::i18n::{Lang, Text, labels};
use crate::present::render::Format;
use chrono::NaiveDate;

/// The places in a report that other modules fill in.
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
pub enum ReportSlot {
    /// The split of roles and responsibilities (the roles module), e.g. as a heat map.
    RoleSplit,
    /// How well the parties' checklist answers align (the checklists module).
    ChecklistAlignment,
}

labels!(ReportSlot, "report_slot" {
    RoleSplit => ("Rolle- og ansvarsfordeling", "Role and responsibility split"),
    ChecklistAlignment => ("Forventningsafstemning", "Expectation alignment"),
});

impl ReportSlot {
    /// The slot's marker name in the output (`<!-- brobygger:slot role_split begin -->`).
    pub fn marker(self) -> &'static str {
        match self {
            ReportSlot::RoleSplit => "role_split",
            ReportSlot::ChecklistAlignment => "checklist_alignment",
        }
    }
}

/// One cell of a [`HeatMap`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HeatCell {
    /// Row index.
    pub row: u32,
    /// Column index.
    pub column: u32,
    /// Intensity from 0 to 1.
    pub value: f64,
    /// A short label shown in the cell (e.g. "ansvarlig" / "responsible").
    pub label: Text,
    /// More about the cell, shown after the label in the table but not in the chart (e.g. the
    /// post that carries a role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub detail: Option<Text>,
}

/// A matrix shown as a heat map (e.g. tasks × parties for the role split), with a table of the
/// same labels in Markdown.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HeatMap {
    /// The chart's title.
    pub title: Text,
    /// Row labels.
    pub rows: Vec<Text>,
    /// Column labels.
    pub columns: Vec<Text>,
    /// The filled cells; missing cells are blank.
    pub cells: Vec<HeatCell>,
    /// What the intensity means.
    pub legend: Text,
}

/// Content another module puts into a report slot.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReportBlock {
    /// A paragraph.
    Paragraph {
        /// The text.
        text: Text,
    },
    /// A bulleted list.
    Bullets {
        /// The items.
        items: Vec<Text>,
    },
    /// A table.
    Table {
        /// Column headings.
        columns: Vec<Text>,
        /// Rows of cells.
        rows: Vec<Vec<Text>>,
    },
    /// A matrix shown as a heat map (HTML) and a table (Markdown).
    Matrix {
        /// The matrix.
        map: HeatMap,
    },
    /// A heading inside the slot (e.g. one per checklist).
    Heading {
        /// The text.
        text: Text,
    },
}

/// A slot's content.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportSection {
    /// Where it goes.
    pub slot: ReportSlot,
    /// What it shows.
    pub blocks: Vec<ReportBlock>,
}

/// How to make a report.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportOptions {
    /// The date the report (and its assessment) is made as of.
    pub as_of: NaiveDate,
    /// The language.
    pub lang: Lang,
    /// The output format.
    pub format: Format,
    /// Other modules' findings for the assessment (none by default in Kotlin and Swift).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub external: Vec<ExternalFindings>,
    /// Content for the role-split and checklist slots. A slot with content here shows only
    /// that; a slot without shows what the library makes of it ([`crate::AssessmentFacet::report_sections`]).
    /// None by default in Kotlin and Swift.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sections: Vec<ReportSection>,
}

impl ReportOptions {
    /// Options with no external findings and the slots filled by the library.
    pub fn new(as_of: NaiveDate, lang: Lang, format: Format) -> Self {
        Self {
            as_of,
            lang,
            format,
            external: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// These options with one module's findings added.
    #[must_use]
    pub fn with_external(mut self, external: ExternalFindings) -> Self {
        self.external.push(external);
        self
    }

    /// These options with a slot's content added.
    #[must_use]
    pub fn with_section(mut self, section: ReportSection) -> Self {
        self.sections.push(section);
        self
    }
}
