//! An assessment presented: its tables (`scores`, `checks`, `findings`: what Python's
//! DataFrames and the apps' lists hold) and its document (scores, chart, findings, advice).

use crate::assessment::model::{RespondentGroup, SurveyRound};
use crate::assessment::report::write::assessment_document;
use crate::assessment::result::Assessment;
use crate::assessment::survey::{compare_surveys, find_survey};
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::{Lang, Text};
use crate::ids::SurveyId;
use crate::present::render::{Document, Present};
use crate::present::table::{Cell, Column, Table};

impl Present for Assessment {
    fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Da => format!("Vurdering: {} pr. {}", self.title, self.as_of),
            Lang::En => format!("Assessment: {} as of {}", self.title, self.as_of),
        }
    }

    /// `scores` (one row per dimension and one `overall` row), `checks` (one row per check) and
    /// `assessment_findings` (one row per finding, with its dimension, check and advice).
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let agreement = || Cell::text(self.agreement.as_str());

        let mut scores = scores_table();
        for d in &self.dimensions {
            scores.push(vec![
                agreement(),
                Cell::date(self.as_of),
                Cell::value(&d.dimension),
                Cell::opt(d.score, Cell::int),
                Cell::opt(d.band.as_ref(), Cell::value),
                Cell::int(d.met),
                Cell::int(d.applicable),
                Cell::int(d.not_assessed),
                Cell::text(d.reason.get(lang)),
            ]);
        }
        scores.push(vec![
            agreement(),
            Cell::date(self.as_of),
            Cell::text("overall"),
            Cell::opt(self.overall, Cell::int),
            Cell::opt(self.overall_band.as_ref(), Cell::value),
            Cell::Missing,
            Cell::Missing,
            Cell::Missing,
            Cell::text(""),
        ]);

        let mut checks = checks_table();
        for c in &self.checks {
            checks.push(vec![
                agreement(),
                Cell::text(c.code.clone()),
                Cell::value(&c.dimension),
                Cell::value(&c.status),
                Cell::decimal(f64::from(c.weight)),
                Cell::opt(c.credit, Cell::decimal),
                Cell::text(c.note.get(lang)),
            ]);
        }

        let mut findings = assessment_findings_table();
        for f in &self.findings {
            let source = f.finding.source.as_ref();
            findings.push(vec![
                agreement(),
                Cell::value(&f.finding.severity),
                Cell::text(f.finding.code.clone()),
                Cell::text(f.finding.path.to_string()),
                Cell::value(&f.dimension),
                Cell::text(f.check.clone()),
                Cell::text(f.finding.message(lang)),
                Cell::text(f.advice.get(lang)),
                Cell::opt(source, |s| Cell::text(s.document.number())),
                Cell::opt(source, |s| Cell::text(s.section.clone())),
            ]);
        }
        vec![scores, checks, findings]
    }

    fn document(&self, lang: Lang) -> Document {
        assessment_document(self, lang)
    }
}

fn shares_columns() -> Vec<Column> {
    vec![
        Column::text("survey", "Undersøgelse", "Survey"),
        Column::text("question", "Spørgsmål", "Question"),
        Column::text("group", "Gruppe", "Group"),
        Column::integer("positive", "Enige", "Agreeing"),
        Column::integer("respondents", "Svar", "Answers"),
        Column::decimal("share", "Andel", "Share").percent(),
        Column::decimal("low", "Nedre grænse", "Low").percent(),
        Column::decimal("high", "Øvre grænse", "High").percent(),
        Column::decimal("reference", "LBB (001)", "LBB (001)")
            .percent()
            .optional(),
    ]
}

fn group_cell(group: Option<RespondentGroup>) -> Cell {
    group.map_or_else(|| Cell::text("all"), |g| Cell::value(&g))
}

fn push_shares(table: &mut Table, round: &SurveyRound) {
    for s in round.results() {
        table.push(vec![
            Cell::text(round.id.as_str()),
            Cell::text(s.question.as_str()),
            group_cell(s.group),
            Cell::int(s.positive),
            Cell::int(s.respondents),
            Cell::decimal(s.share),
            Cell::decimal(s.interval.low),
            Cell::decimal(s.interval.high),
            Cell::opt(s.reference, Cell::decimal),
        ]);
    }
}

impl Present for SurveyRound {
    fn title(&self, _lang: Lang) -> String {
        format!("{} ({})", self.title, self.closed_on)
    }

    /// One table, `survey_shares`: `survey`, `question`, `group` (`all` for everyone), `positive`,
    /// `respondents`, `share`, `low` and `high` (the 95 % Wilson interval) and `reference` (the
    /// LBB evaluation's figure). Every group is shown, however small: the report hides small
    /// groups, the analyst's table does not.
    fn tables(&self, _lang: Lang) -> Vec<Table> {
        let mut table = survey_shares_table_empty();
        push_shares(&mut table, self);
        vec![table]
    }
}

/// The `survey_shares` tables of several survey rounds of `d`, one after the other. Throws
/// `NotFound` for an unknown round.
pub fn survey_shares_table(d: &Dossier, surveys: &[SurveyId]) -> Result<Table, BrobyggerError> {
    let mut table = survey_shares_table_empty();
    for id in surveys {
        let round = find_survey(d, id)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Survey, id))?;
        push_shares(&mut table, round);
    }
    Ok(table)
}

/// The `survey_changes` table from round `before` to round `after` of `d`: `question`, `group`,
/// `share_before`, `share_after`, `change`, `low` and `high` (Newcombe's 95 % interval of the
/// change) and `significant` (the interval excludes 0). Throws `NotFound` for an unknown round.
pub fn survey_changes_table(
    d: &Dossier,
    before: &SurveyId,
    after: &SurveyId,
) -> Result<Table, BrobyggerError> {
    let mut table = survey_changes_table_empty();
    for c in compare_surveys(d, before, after)? {
        table.push(vec![
            Cell::text(c.question.as_str()),
            group_cell(c.group),
            Cell::decimal(c.before.share),
            Cell::decimal(c.after.share),
            Cell::decimal(c.change),
            Cell::decimal(c.interval.low),
            Cell::decimal(c.interval.high),
            Cell::bool(c.significant),
        ]);
    }
    Ok(table)
}

pub(crate) fn survey_shares_table_empty() -> Table {
    Table::new(
        "survey_shares",
        Text::new("Andele", "Shares"),
        shares_columns(),
    )
}

pub(crate) fn survey_changes_table_empty() -> Table {
    Table::new(
        "survey_changes",
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

pub(crate) fn scores_table() -> Table {
    Table::new(
        "scores",
        Text::new("Point pr. dimension", "Scores per dimension"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::date("as_of", "Pr.", "As of"),
            Column::text("dimension", "Dimension", "Dimension"),
            Column::integer("score", "Point", "Score").optional(),
            Column::text("band", "Niveau", "Band").optional(),
            Column::integer("met", "Opfyldt (vægtet)", "Met (weighted)").optional(),
            Column::integer("applicable", "Relevante (vægtet)", "Applicable (weighted)").optional(),
            Column::integer("not_assessed", "Ikke vurderet", "Not assessed").optional(),
            Column::text("reason", "Begrundelse", "Reason"),
        ],
    )
}

pub(crate) fn checks_table() -> Table {
    Table::new(
        "checks",
        Text::new("Kontroller", "Checks"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::text("code", "Kode", "Code"),
            Column::text("dimension", "Dimension", "Dimension"),
            Column::text("status", "Udfald", "Status"),
            Column::decimal("weight", "Vægt", "Weight"),
            Column::decimal("credit", "Opfyldelse", "Credit").optional(),
            Column::text("note", "Note", "Note"),
        ],
    )
}

pub(crate) fn assessment_findings_table() -> Table {
    Table::new(
        "assessment_findings",
        Text::new("Fund", "Findings"),
        vec![
            Column::text("agreement", "Aftale", "Agreement"),
            Column::text("severity", "Alvor", "Severity"),
            Column::text("code", "Kode", "Code"),
            Column::text("path", "Sti", "Path"),
            Column::text("dimension", "Dimension", "Dimension"),
            Column::text("check", "Kontrol", "Check"),
            Column::text("message", "Besked", "Message"),
            Column::text("advice", "Råd", "Advice"),
            Column::text("source_document", "Kilde", "Source").optional(),
            Column::text("source_section", "Afsnit", "Section").optional(),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "scores" => scores_table(),
        "survey_shares" => survey_shares_table_empty(),
        "survey_changes" => survey_changes_table_empty(),
        "checks" => checks_table(),
        "assessment_findings" => assessment_findings_table(),
        _ => return None,
    })
}
