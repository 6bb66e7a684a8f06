//! The directory presented: two tables (`directory`, one row per association; `directory_offers`,
//! one row per offer) that the CLI, Python's DataFrames and the apps read, and a document for
//! people (each association under its name with its offers, days and times). A search's hits
//! are presented the same way through [`Directory::from_hits`].
//!
//! Nothing personal is shown: a contact is a post's title, never its holder.

use crate::directory::model::{DirectoryOffer, Recurrence, ScheduleRule};
use crate::directory::register::{Directory, DirectoryAssociation};
use crate::i18n::plural::{self, Plural};
use crate::i18n::{Label, Lang, Text, t};
use crate::matching::model::profile::language_name;
use crate::present::doc::{Block, text};
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};

const ASSOCIATION: Plural = Plural::new("forening", "foreninger", "association", "associations");
const OFFER: Plural = Plural::new("tilbud", "tilbud", "offer", "offers");

pub(crate) fn associations_table() -> Table {
    Table::new(
        "directory",
        Text::new("Foreninger", "Associations"),
        vec![
            Column::text("organisation", "Organisation", "Organisation"),
            Column::text("name", "Navn", "Name"),
            Column::text("kind", "Slags", "Kind"),
            Column::text("visibility", "Synlighed", "Visibility"),
            Column::bool("listed", "Egen opslag", "Own entry"),
            Column::text("area", "Område", "Area").optional(),
            Column::list("languages", "Sprog", "Languages"),
            Column::list("target_groups", "Målgrupper", "Target groups"),
            Column::text("contact_post", "Kontaktpost", "Contact post").optional(),
            Column::integer("offers", "Tilbud", "Offers"),
            Column::list("agreements", "Aftaler", "Agreements"),
            Column::date("updated_on", "Opdateret", "Updated on").optional(),
        ],
    )
}

pub(crate) fn offers_table() -> Table {
    Table::new(
        "directory_offers",
        Text::new("Tilbud", "Offers"),
        vec![
            Column::text("organisation", "Organisation", "Organisation"),
            Column::text("association", "Forening", "Association"),
            Column::text("offer", "Tilbud", "Offer"),
            Column::text("name", "Navn", "Name"),
            Column::text("kind", "Slags", "Kind"),
            Column::text("status", "Status", "Status"),
            Column::text("area", "Område", "Area").optional(),
            Column::list("languages", "Sprog", "Languages"),
            Column::list("target_groups", "Målgrupper", "Target groups"),
            Column::text("when", "Hvornår", "When").optional(),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "directory" => associations_table(),
        "directory_offers" => offers_table(),
        _ => return None,
    })
}

/// A schedule rule for people: "onsdag 16:00–18:00", "første tirsdag i måneden 19:00–21:00".
fn rule_text(r: &ScheduleRule, lang: Lang) -> String {
    let days = r
        .days
        .iter()
        .map(|d| d.label(lang))
        .collect::<Vec<_>>()
        .join(t(lang, " og ", " and "));
    let mut s = match r.recurrence {
        Recurrence::Weekly => days,
        Recurrence::EveryOtherWeek => {
            format!("{} {days}", t(lang, "hver anden", "every other"))
        }
        Recurrence::Monthly { nth } => {
            let which = match (nth, lang) {
                (1, Lang::Da) => "første",
                (2, Lang::Da) => "anden",
                (3, Lang::Da) => "tredje",
                (4, Lang::Da) => "fjerde",
                (_, Lang::Da) => "sidste",
                (1, Lang::En) => "first",
                (2, Lang::En) => "second",
                (3, Lang::En) => "third",
                (4, Lang::En) => "fourth",
                (_, Lang::En) => "last",
            };
            format!("{which} {days} {}", t(lang, "i måneden", "of the month"))
        }
    };
    match (r.opens, r.closes) {
        (Some(o), Some(c)) => s.push_str(&format!(" {o}–{c}")),
        (Some(o), None) => s.push_str(&format!(" {} {o}", t(lang, "fra", "from"))),
        _ => {}
    }
    if let Some(note) = &r.note {
        s.push_str(&format!(" ({note})"));
    }
    s
}

fn when(o: &DirectoryOffer, lang: Lang) -> Option<String> {
    (!o.schedule.is_empty()).then(|| {
        o.schedule
            .iter()
            .map(|r| rule_text(r, lang))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

fn languages(codes: &[String], lang: Lang) -> Vec<String> {
    codes.iter().map(|c| language_name(c, lang)).collect()
}

fn offer_line(a: &DirectoryAssociation, o: &DirectoryOffer, lang: Lang) -> String {
    let mut parts = vec![format!("{} ({})", o.name, o.kind.label(lang))];
    if let Some(w) = when(o, lang) {
        parts.push(w);
    }
    if let Some(area) = a.offer_area(o) {
        parts.push(area.to_owned());
    }
    let langs = languages(a.offer_languages(o), lang);
    if !langs.is_empty() {
        parts.push(format!(
            "{}: {}",
            t(lang, "sprog", "languages"),
            langs.join(", ")
        ));
    }
    parts.join(" · ")
}

impl Present for Directory {
    fn title(&self, lang: Lang) -> String {
        format!(
            "{} ({}, {})",
            t(lang, "Foreningsfortegnelse", "Association directory"),
            ASSOCIATION.count(lang, plural::n(self.associations.len())),
            OFFER.count(lang, plural::n(self.offer_count()))
        )
    }

    /// `directory` (one row per association) and `directory_offers` (one row per offer).
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut associations = associations_table();
        let mut offers = offers_table();
        for a in &self.associations {
            associations.push(vec![
                Cell::text(a.organisation.as_str()),
                Cell::text(a.name.clone()),
                Cell::value(&a.kind),
                Cell::value(&a.visibility),
                Cell::bool(a.listed),
                Cell::opt(a.area.clone(), Cell::text),
                Cell::list(a.languages.clone()),
                Cell::list(a.target_groups.iter().map(|g| g.label(lang))),
                Cell::opt(a.contact_post.as_ref(), |c| Cell::text(c.title.clone())),
                Cell::int(a.offers.len()),
                Cell::list(a.agreements.iter().map(|x| x.as_str())),
                Cell::opt(a.updated_on, Cell::date),
            ]);
            for o in &a.offers {
                offers.push(vec![
                    Cell::text(a.organisation.as_str()),
                    Cell::text(a.name.clone()),
                    Cell::text(o.id.as_str()),
                    Cell::text(o.name.clone()),
                    Cell::value(&o.kind),
                    Cell::value(&o.status),
                    Cell::opt(a.offer_area(o), Cell::text),
                    Cell::list(a.offer_languages(o).iter().cloned()),
                    Cell::list(a.offer_target_groups(o).iter().map(|g| g.label(lang))),
                    Cell::opt(when(o, lang), Cell::text),
                ]);
            }
        }
        vec![associations, offers]
    }

    /// The title, then each association: its kind and area, what it says about itself, its
    /// contact post, and its offers with days and times.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        if self.associations.is_empty() {
            d.push(Block::para(t(
                lang,
                "Ingen foreninger i fortegnelsen.",
                "No associations in the directory.",
            )));
            return d;
        }
        for a in &self.associations {
            d.push(Block::Heading(3, a.name.clone()));
            let mut about = a.kind.label(lang).to_owned();
            if let Some(area) = &a.area {
                about.push_str(&format!(", {area}"));
            }
            about.push_str(&format!(" · {}", a.visibility.label(lang)));
            d.push(Block::para(about));
            if let Some(s) = &a.summary {
                d.push(Block::para(s.clone()));
            }
            if let Some(c) = &a.contact_post {
                d.push(Block::para(format!(
                    "{}: {}",
                    t(lang, "Kontakt", "Contact"),
                    c.title
                )));
            }
            if !a.offers.is_empty() {
                d.push(Block::List(
                    a.offers
                        .iter()
                        .map(|o| vec![text(offer_line(a, o, lang))])
                        .collect(),
                ));
            }
        }
        d
    }
}
