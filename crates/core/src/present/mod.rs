//! The one presentation home: escaping for Markdown and HTML (`escape.rs`), a small document
//! model written as text, Markdown or HTML (`doc.rs`), typed tables (`table.rs`), the
//! [`Present`] trait every result implements (`render.rs`), and HTML pages made into fragments
//! for embedding (`page.rs`). The CLI, Python's DataFrames and notebook HTML and the mobile apps
//! all read the same columns and the same words from here.
//!
//! The files here are in the ground layer (`crates/core/layers.toml`): they import only ground
//! files (`i18n`, `ids`, `time`, `finding`, `sensitivity`), never a feature or the dossier; a
//! feature implements [`Present`] for its results in its own files. Words and numbers come from
//! the i18n home, re-exported here for the CLI and the bindings: [`t`] for a text written in
//! place, [`plural`] for counted words, [`number`] for Danish and English numbers and [`date`]
//! for dates in prose.
//!
//! This file is a front door: `mod` lines and re-exports only.

pub(crate) mod doc;
pub(crate) mod escape;
pub(crate) mod findings;
pub(crate) mod formula;
pub(crate) mod ics;
pub(crate) mod page;
pub(crate) mod render;
pub(crate) mod sheet;
pub(crate) mod table;

pub use crate::i18n::{date, number, plural, t};
pub use doc::{Block, Inline};
pub use findings::findings_html;
pub use formula::{FORMULA_TRIGGERS, escape_cell, unescape_cell};
pub use page::{PAGE_CLASS, fragment as page_fragment};
pub use render::{Document, Format, Present};
pub use sheet::{SheetStyle, XlsxError, date_text, number_text};
pub use table::{Cell, Column, ColumnType, Table};
