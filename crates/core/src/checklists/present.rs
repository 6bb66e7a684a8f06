//! A checklist comparison presented: the `items` table (one row per item, with each party's
//! answer as shown: what Python's DataFrame and the apps' lists hold). The side-by-side page
//! for the parties is [`ChecklistAlignment::render`].

use super::align::ChecklistAlignment;
use crate::i18n::{Lang, Text, t};
use crate::present::render::Present;
use crate::present::table::{Cell, Column, Table};

impl Present for ChecklistAlignment {
    fn title(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.title.get(lang),
            t(lang, "sammenligning", "comparison")
        )
    }

    /// One table, `checklist`: `agreement`, `template`, `section`, `item`, `position`, `question`
    /// (in `lang`), `critical`, `weight`, `status`, `score` (0–1; missing when not compared),
    /// `resolved` and `answers` (each party's answer as shown, in the order of the columns;
    /// missing where a party gave none).
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = checklist_table();
        for i in &self.items {
            table.push(vec![
                Cell::text(self.agreement.as_str()),
                Cell::text(self.template.as_str()),
                Cell::text(i.section.as_str()),
                Cell::text(i.item.as_str()),
                Cell::int(i.position),
                Cell::text(i.text.get(lang)),
                Cell::bool(i.critical),
                Cell::decimal(i.weight),
                Cell::value(&i.status),
                Cell::opt(i.score, Cell::decimal),
                Cell::bool(i.resolved),
                Cell::list_of_optional(
                    i.cells
                        .iter()
                        .map(|c| c.display.as_ref().map(|d| d.get(lang).to_owned())),
                ),
            ]);
        }
        vec![table]
    }
}

pub(crate) fn checklist_table() -> Table {
    Table::new(
        "checklist",
        Text::new("Punkter", "Items"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::text("template", "Skabelon", "Template"),
            Column::text("section", "Afsnit", "Section"),
            Column::text("item", "Punkt-id", "Item id"),
            Column::integer("position", "Nr.", "No."),
            Column::text("question", "Punkt", "Item"),
            Column::bool("critical", "Kritisk", "Critical"),
            Column::decimal("weight", "Vægt", "Weight"),
            Column::text("status", "Status", "Status"),
            Column::decimal("score", "Enighed", "Agreement")
                .percent()
                .optional(),
            Column::bool("resolved", "Løst", "Resolved"),
            Column::list("answers", "Svar", "Answers"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "checklist" => checklist_table(),
        _ => return None,
    })
}
