//! A role matrix presented: the `roles` table in long form (one row per task, party and role
//! held: what Python's DataFrame and the apps' lists hold) and its document, the findings
//! under the table. The coloured page and the Markdown matrix are [`RoleMatrix::html`] and
//! [`RoleMatrix::markdown`].

use super::matrix::RoleMatrix;
use crate::i18n::{Lang, Text, t};
use crate::present::doc::Block;
use crate::present::findings::line_in_words;
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};

impl Present for RoleMatrix {
    fn title(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            t(lang, "Rollefordeling", "Role split"),
            self.title.trim()
        )
    }

    /// One table, `role_matrix`: `agreement`, `version`, `task`, `task_name` (in `lang`),
    /// `statutory`, `party`, `party_name`, `municipal` and `role` (`responsible`,
    /// `accountable`, `consulted` or `informed`).
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = role_matrix_table();
        for row in &self.rows {
            for (party, cell) in self.parties.iter().zip(&row.cells) {
                for role in &cell.roles {
                    table.push(vec![
                        Cell::text(self.agreement.as_str()),
                        Cell::int(self.version),
                        Cell::text(row.task.key.clone()),
                        Cell::text(row.task.name.get(lang)),
                        Cell::bool(row.task.statutory),
                        Cell::text(party.key.clone()),
                        Cell::text(party.name.clone()),
                        Cell::bool(party.municipal),
                        Cell::value(role),
                    ]);
                }
            }
        }
        vec![table]
    }

    /// The title, the roles in long form and the findings.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        for table in self.tables(lang) {
            d.push(table.block(lang));
        }
        d.push(Block::Heading(3, t(lang, "Fund", "Findings").to_owned()));
        if self.findings.is_empty() {
            d.push(Block::para(t(lang, "Ingen fund.", "No findings.")));
        } else {
            d.push(Block::List(
                self.findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| line_in_words(f, self.finding_words.get(i), lang))
                    .collect(),
            ));
        }
        for block in self.references(lang) {
            d.push(match block {
                Block::Heading(_, h) => Block::Heading(3, h),
                other => other,
            });
        }
        d
    }
}

pub(crate) fn role_matrix_table() -> Table {
    Table::new(
        "role_matrix",
        Text::new("Roller", "Roles"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::integer("version", "Version", "Version"),
            Column::text("task", "Opgave-id", "Task id"),
            Column::text("task_name", "Opgave", "Task"),
            Column::bool("statutory", "Lovpligtig", "Statutory"),
            Column::text("party", "Part-id", "Party id"),
            Column::text("party_name", "Part", "Party"),
            Column::bool("municipal", "Kommunal", "Municipal"),
            Column::text("role", "Rolle", "Role"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "role_matrix" => role_matrix_table(),
        _ => return None,
    })
}
