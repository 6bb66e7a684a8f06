//! The national picture (seed 000): KL's survey of the municipalities in December 2015 as a
//! built-in reference of published aggregates, and a municipality's own answers beside it.
//!
//! A reference survey is data (`crates/core/data/surveys/kl2015.toml`): its questions, each
//! question's answer categories, and the shares the publication gives, each with the words it
//! gives them in (verbatim, checked against the seed in the tests) and the categories it
//! covers ("i høj grad eller meget høj grad" covers two). The news item gives no number of
//! responding municipalities, so [`ReferenceSurvey::respondents`] is `None` and no interval is
//! computed for a published share: the figures are shown as published aggregates, never as
//! estimates with an uncertainty the source does not give.
//!
//! ```
//! use brobygger::assessment::{OwnAnswer, compare_with_national, kl_2015};
//!
//! let kl = kl_2015()?;
//! let rows = compare_with_national(&kl, &[OwnAnswer::new("housing_placement", "high")])?;
//! let housing = rows.iter().find(|r| r.question == "housing_placement").unwrap();
//! assert_eq!((housing.percent, housing.own.as_deref()), (Some(76), Some("high")));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::actors::{OrganisationKind, PartyRef};
use crate::assessment::survey::SurveyCode;
use crate::code::{InternalCode, NotFoundCode};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{SeedDocument, SourceRef};
use crate::i18n::{Lang, Text, t};
use crate::ids::MunicipalityId;
use crate::present::doc::Block;
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};
use chrono::NaiveDate;
use std::collections::HashSet;

/// A survey known only from its publication: questions, answer categories and published shares.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReferenceSurvey {
    /// The file format's version.
    pub schema_version: u32,
    /// Id, e.g. `kl-2015`.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// The seed document that publishes it.
    pub document: SeedDocument,
    /// The day it was published.
    pub published_on: NaiveDate,
    /// Who answered, e.g. municipalities.
    pub population: Text,
    /// How many answered, when the publication says; `None` otherwise.
    #[serde(default)]
    pub respondents: Option<u32>,
    /// The questions, in the publication's order.
    #[serde(rename(deserialize = "question"))]
    pub questions: Vec<ReferenceQuestion>,
}

/// A question of a reference survey.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReferenceQuestion {
    /// Id, e.g. `housing_placement`.
    pub id: String,
    /// The question as the library words what the publication reports.
    pub text: Text,
    /// The answer categories.
    pub categories: Vec<ReferenceCategory>,
    /// The shares the publication gives.
    pub published: Vec<PublishedShare>,
    /// The categories of the publication's headline share (more cooperation; a high or very
    /// high degree; a positive attitude): the positive answers when the question is asked again
    /// ([`crate::assessment::kl_2015_shape`]).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub positive: Vec<String>,
}

/// An answer category.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReferenceCategory {
    /// Id, e.g. `high`.
    pub id: String,
    /// Its label.
    pub label: Text,
}

/// A share as the publication gives it: a published aggregate, not an estimate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PublishedShare {
    /// The answer categories the share covers.
    pub categories: Vec<String>,
    /// The share in whole percent, as published ("8 ud af 10" is 80).
    pub percent: u32,
    /// The seed document's section that gives it.
    pub source: SourceRef,
    /// The words the publication gives it in, verbatim.
    pub words: String,
}

/// A municipality's own answer to a question of a reference survey.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OwnAnswer {
    /// The question's id.
    pub question: String,
    /// The answer category's id.
    pub category: String,
}

impl OwnAnswer {
    /// An answer `category` to `question`.
    pub fn new(question: impl Into<String>, category: impl Into<String>) -> Self {
        Self {
            question: question.into(),
            category: category.into(),
        }
    }
}

/// One line of the comparison: a published share, and whether the municipality's own answer
/// falls in it; or an own answer the publication gives no share for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NationalComparisonRow {
    /// The question's id.
    pub question: String,
    /// The question.
    pub question_text: Text,
    /// The answer categories of the line.
    pub categories: Vec<String>,
    /// Their labels, joined ("i høj grad eller i meget høj grad").
    pub answer: Text,
    /// The published share, if the publication gives one for these categories.
    pub percent: Option<u32>,
    /// Where the share is published.
    pub source: Option<SourceRef>,
    /// The municipality's own answer, when it falls in the line's categories.
    pub own: Option<String>,
}

impl ReferenceSurvey {
    /// The question with `id`.
    pub fn question(&self, id: &str) -> Option<&ReferenceQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }
}

impl ReferenceQuestion {
    /// The words of answer category `category`, if the question has it.
    pub fn label(&self, category: &str) -> Option<&Text> {
        self.categories
            .iter()
            .find(|c| c.id == category)
            .map(|c| &c.label)
    }

    fn joined(&self, categories: &[String]) -> Text {
        let labels: Vec<&Text> = categories.iter().filter_map(|c| self.label(c)).collect();
        let join = |lang: Lang| {
            labels
                .iter()
                .map(|l| l.get(lang))
                .collect::<Vec<_>>()
                .join(t(lang, " eller ", " or "))
        };
        Text::new(join(Lang::Da), join(Lang::En))
    }
}

/// KL's 2015 survey of the municipalities (seed 000) as published: 83% cooperate more with
/// civil society than a year before and 17% neither more nor less; 8 out of 10 cooperate with it
/// to a high or very high degree; civil society's attitude to the new refugees is very positive
/// in 30%, mostly positive in 56% (86% positive) and neutral in 14%; 76% cooperate with housing
/// organisations on placing refugees to a high or very high degree.
pub fn kl_2015() -> Result<ReferenceSurvey, BrobyggerError> {
    toml::from_str(include_str!("../../data/surveys/kl2015.toml"))
        .map_err(|e| BrobyggerError::internal(InternalCode::Serialize, e.message().to_owned()))
}

/// The reference's published shares beside a municipality's own answers: every published share
/// (with `own` set where the municipality's answer falls in it), then each own answer the
/// publication gives no share for. An unknown question or category, or a question answered
/// twice, is an error naming the answer's index.
pub fn compare_with_national(
    reference: &ReferenceSurvey,
    answers: &[OwnAnswer],
) -> Result<Vec<NationalComparisonRow>, BrobyggerError> {
    let mut seen = HashSet::new();
    for (i, a) in answers.iter().enumerate() {
        let Some(q) = reference.question(&a.question) else {
            return Err(BrobyggerError::invalid_input(
                NotFoundCode::Question,
                &format!("answers[{i}].question"),
                "the reference survey has no such question",
            ));
        };
        if q.label(&a.category).is_none() {
            return Err(BrobyggerError::invalid_input(
                SurveyCode::UnknownCategory,
                &format!("answers[{i}].category"),
                "the question has no such answer category",
            ));
        }
        if !seen.insert(a.question.as_str()) {
            return Err(BrobyggerError::invalid_input(
                SurveyCode::QuestionAnsweredTwice,
                &format!("answers[{i}].question"),
                "the question is answered twice",
            ));
        }
    }
    let own = |q: &str| answers.iter().find(|a| a.question == q);
    let mut rows = Vec::new();
    for q in &reference.questions {
        let mine = own(&q.id);
        for p in &q.published {
            rows.push(NationalComparisonRow {
                question: q.id.clone(),
                question_text: q.text.clone(),
                categories: p.categories.clone(),
                answer: q.joined(&p.categories),
                percent: Some(p.percent),
                source: Some(p.source.clone()),
                own: mine
                    .filter(|a| p.categories.contains(&a.category))
                    .map(|a| a.category.clone()),
            });
        }
        if let Some(a) = mine
            && !q
                .published
                .iter()
                .any(|p| p.categories.contains(&a.category))
        {
            let categories = vec![a.category.clone()];
            rows.push(NationalComparisonRow {
                question: q.id.clone(),
                question_text: q.text.clone(),
                answer: q.joined(&categories),
                categories,
                percent: None,
                source: None,
                own: Some(a.category.clone()),
            });
        }
    }
    Ok(rows)
}

/// What the dossier itself answers to KL's 2015 questions for `municipality`: today the
/// placement cooperation with housing organisations (`housing_placement`: the closest
/// cooperation any housing organisation in the dossier records with the municipality). A
/// question the dossier says nothing about has no answer. Fails with `not_found.party` for a
/// municipality the dossier does not have.
pub(crate) fn answers_from_dossier(
    d: &Dossier,
    municipality: &MunicipalityId,
) -> Result<Vec<OwnAnswer>, BrobyggerError> {
    if d.municipality(municipality).is_none() {
        let party = PartyRef::Municipality {
            municipality: municipality.clone(),
        };
        return Err(BrobyggerError::not_found(NotFoundCode::Party, party.key()));
    }
    let closest = d
        .organisations
        .iter()
        .filter(|o| o.kind == OrganisationKind::HousingOrganisation)
        .flat_map(|o| &o.housing_cooperation)
        .filter(|c| &c.municipality == municipality)
        .map(|c| c.placement)
        .min();
    Ok(closest
        .map(|degree| OwnAnswer::new("housing_placement", degree.key()))
        .into_iter()
        .collect())
}

/// The dossier's answers for `municipality` beside `reference`, with `answers` added: an answer
/// given for a question the dossier answers too replaces the dossier's.
pub(crate) fn compare_dossier_with_national(
    d: &Dossier,
    municipality: &MunicipalityId,
    reference: &ReferenceSurvey,
    answers: &[OwnAnswer],
) -> Result<Vec<NationalComparisonRow>, BrobyggerError> {
    // The answers given first, so an error names their index.
    let mut all = answers.to_vec();
    all.extend(
        answers_from_dossier(d, municipality)?
            .into_iter()
            .filter(|own| !answers.iter().any(|a| a.question == own.question)),
    );
    compare_with_national(reference, &all)
}

/// A municipality's answers beside a reference survey, for people and tables.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalComparison {
    /// The reference.
    pub reference: ReferenceSurvey,
    /// The lines.
    pub rows: Vec<NationalComparisonRow>,
}

pub(crate) fn comparison_table() -> Table {
    Table::new(
        "national_comparison",
        Text::new(
            "Jeres svar ved siden af landstallene",
            "Your answers beside the national figures",
        ),
        vec![
            Column::text("question", "Spørgsmål", "Question"),
            Column::text("answer", "Svar", "Answer"),
            Column::decimal("share", "Andel af kommunerne", "Share of municipalities")
                .percent()
                .optional(),
            Column::bool("yours", "Jeres svar", "Your answer"),
            Column::text("source", "Kilde", "Source").optional(),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    (name == "national_comparison").then(comparison_table)
}

impl Present for NationalComparison {
    fn title(&self, lang: Lang) -> String {
        self.reference.title.get(lang).to_owned()
    }

    /// `national_comparison`: one row per published share and per own answer without one.
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut table = comparison_table();
        for r in &self.rows {
            table.push(vec![
                Cell::text(r.question_text.get(lang)),
                Cell::text(r.answer.get(lang)),
                Cell::opt(r.percent, |p| Cell::decimal(f64::from(p) / 100.0)),
                Cell::bool(r.own.is_some()),
                Cell::opt(r.source.as_ref(), |s| Cell::text(s.cite())),
            ]);
        }
        vec![table]
    }

    /// The title, what the figures are, then the table.
    fn document(&self, lang: Lang) -> Document {
        let title = self.title(lang);
        let mut d = Document::new(lang, title.clone());
        d.push(Block::Heading(2, title));
        d.push(Block::para(match self.reference.respondents {
            Some(n) => format!(
                "{} {n}.",
                t(lang, "Offentliggjorte andele; antal svar:", "Published shares; respondents:")
            ),
            None => t(
                lang,
                "Offentliggjorte andele; kilden oplyser ikke, hvor mange der svarede, så der er ingen usikkerhed at vise.",
                "Published shares; the source does not say how many answered, so there is no uncertainty to show.",
            )
            .to_owned(),
        }));
        for table in self.tables(lang) {
            d.push(table.block(lang));
        }
        d
    }
}
