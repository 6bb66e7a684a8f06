//! The report writer: the report's options and sections, and the `Writer` whose methods write
//! its parts (the agreement in `agreement.rs`, the slots' defaults in `sections.rs`, the
//! assessment, survey and sources here) into the document model of [`crate::present::doc`].

use crate::assessment::assess::assess;
use crate::assessment::codes::{AssessmentErrorCode, ReportCode};
use crate::assessment::input::AssessmentOptions;
use crate::assessment::model::{MIN_REPORTED_RESPONDENTS, ShareEstimate, SurveyRound};
use crate::assessment::report::parts::{
    HeatCell, ReportBlock, ReportOptions, ReportSection, ReportSlot,
};
use crate::assessment::report::sections::report_sections;
use crate::assessment::result::{AssessedFinding, Assessment, CheckStatus};
use crate::assessment::survey::find_surveys_for;
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{SeedDocument, Severity};
use crate::i18n::number;
use crate::i18n::{Label, Lang, Text, t};
use crate::ids::AgreementId;
use crate::present::doc::{self, Block, Inline, text};
use crate::present::render::Document;
use crate::present::render::Format;
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn severity_tag(lang: Lang, severity: Severity) -> Inline {
    Inline::Tag {
        class: match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        },
        text: severity.label(lang).to_owned(),
    }
}

pub(crate) fn report(
    dossier: &Dossier,
    agreement: &AgreementId,
    options: ReportOptions,
) -> Result<String, BrobyggerError> {
    check_sections(&options.sections)?;
    let assessment = assess(
        dossier,
        agreement,
        AssessmentOptions {
            as_of: options.as_of,
            external: options.external.clone(),
        },
    )?;
    let a = dossier
        .agreement(agreement)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Agreement, agreement))?;
    let k = crate::assessment::checks::context::version_index_on(a, options.as_of).unwrap_or(0);
    let terms = &a
        .versions
        .get(k)
        .ok_or_else(|| {
            BrobyggerError::invalid_input(
                AssessmentErrorCode::NoVersions,
                "agreement.versions",
                "the agreement has no versions",
            )
        })?
        .terms;
    let lang = options.lang;
    let r = Writer {
        d: dossier,
        lang,
        as_of: options.as_of,
    };
    let mut blocks = vec![Block::Heading(1, terms.title.clone())];
    blocks.push(Block::Para(vec![
        text(t(
            lang,
            "Rapport om partnerskabet pr. ",
            "Report on the partnership as of ",
        )),
        Inline::Strong(options.as_of.to_string()),
        text(t(
            lang,
            ". Den kan deles: personer nævnes kun ved deres posttitel.",
            ". It can be shared: people appear only by their post titles.",
        )),
    ]));
    r.agreement_section(&mut blocks, a, terms, &assessment);
    let defaults = report_sections(dossier, agreement, options.as_of)?;
    for (n, slot) in [
        (2, ReportSlot::RoleSplit),
        (3, ReportSlot::ChecklistAlignment),
    ] {
        let given = options.sections.iter().any(|s| s.slot == slot);
        let sections = if given { &options.sections } else { &defaults };
        r.slot_section(&mut blocks, n, slot, sections);
    }
    blocks.push(Block::Heading(
        2,
        t(lang, "4. Vurdering", "4. Assessment").to_owned(),
    ));
    r.assessment_blocks(&mut blocks, &assessment, 3);
    r.survey_section(&mut blocks, agreement);
    r.sources_section(&mut blocks, &assessment);
    r.evidence_appendix(&mut blocks, &assessment, 2);
    Ok(render(lang, options.format, &terms.title, &blocks))
}

impl Assessment {
    /// The assessment alone (scores, chart, findings and advice) as a document in `lang`.
    pub fn render(&self, lang: Lang, format: Format) -> String {
        let d = assessment_document(self, lang);
        render(lang, format, &d.title, &d.blocks)
    }
}

/// The assessment alone as a document: what [`Assessment::render`] writes and its
/// [`Present::document`](crate::present::render::Present::document).
pub(crate) fn assessment_document(a: &Assessment, lang: Lang) -> Document {
    let r = Writer {
        d: &Dossier::new(""),
        lang,
        as_of: a.as_of,
    };
    let title = match lang {
        Lang::Da => format!("Vurdering: {} pr. {}", a.title, a.as_of),
        Lang::En => format!("Assessment: {} as of {}", a.title, a.as_of),
    };
    let mut d = Document::new(lang, title.clone());
    d.push(Block::Heading(2, title));
    r.assessment_blocks(&mut d.blocks, a, 3);
    r.evidence_appendix(&mut d.blocks, a, 3);
    d
}

fn render(lang: Lang, format: Format, title: &str, blocks: &[Block]) -> String {
    match format {
        Format::Text => doc::plain(blocks),
        Format::Markdown => doc::markdown(blocks),
        Format::Html => doc::html_document(lang.code(), title, blocks),
        Format::HtmlFragment => doc::html_fragment(lang.code(), blocks),
    }
}

fn check_sections(sections: &[ReportSection]) -> Result<(), BrobyggerError> {
    for (i, s) in sections.iter().enumerate() {
        for (j, b) in s.blocks.iter().enumerate() {
            if let ReportBlock::Matrix { map } = b {
                for (k, c) in map.cells.iter().enumerate() {
                    let path = format!("sections[{i}].blocks[{j}].map.cells[{k}]");
                    if usize::try_from(c.row).map_or(true, |r| r >= map.rows.len())
                        || usize::try_from(c.column).map_or(true, |col| col >= map.columns.len())
                    {
                        return Err(BrobyggerError::invalid_input(
                            ReportCode::CellOutOfRange,
                            &path,
                            "the cell's row or column is outside the map",
                        ));
                    }
                    if !c.value.is_finite() || !(0.0..=1.0).contains(&c.value) {
                        return Err(BrobyggerError::invalid_input(
                            ReportCode::CellValue,
                            &format!("{path}.value"),
                            "a cell's value must be between 0 and 1",
                        ));
                    }
                }
            }
            if let ReportBlock::Table { columns, rows } = b
                && let Some(r) = rows.iter().position(|r| r.len() != columns.len())
            {
                return Err(BrobyggerError::invalid_input(
                    ReportCode::TableShape,
                    &format!("sections[{i}].blocks[{j}].rows[{r}]"),
                    "every row needs one cell per column",
                ));
            }
        }
    }
    Ok(())
}

/// Writes a report's blocks in one language as of one date.
pub(crate) struct Writer<'a> {
    pub(crate) d: &'a Dossier,
    pub(crate) lang: Lang,
    pub(crate) as_of: NaiveDate,
}

impl Writer<'_> {
    fn tx(&self, text: &Text) -> String {
        text.get(self.lang).to_owned()
    }

    pub(crate) fn t(&self, da: &str, en: &str) -> String {
        t(self.lang, da, en).to_owned()
    }

    fn slot_section(
        &self,
        out: &mut Vec<Block>,
        n: u8,
        slot: ReportSlot,
        sections: &[ReportSection],
    ) {
        let lang = self.lang;
        out.push(Block::Heading(2, format!("{n}. {}", slot.label(lang))));
        let mut inner = Vec::new();
        for s in sections.iter().filter(|s| s.slot == slot) {
            for (k, b) in s.blocks.iter().enumerate() {
                self.slot_block(&mut inner, slot, k, b);
            }
        }
        if inner.is_empty() {
            let what = match slot {
                ReportSlot::RoleSplit => self.t(
                    "Rollefordelingen er ikke med i denne rapport endnu.",
                    "The role split is not part of this report yet.",
                ),
                ReportSlot::ChecklistAlignment => self.t(
                    "Tjeklisternes forventningsafstemning er ikke med i denne rapport endnu.",
                    "The checklists' expectation alignment is not part of this report yet.",
                ),
            };
            inner.push(Block::Para(vec![Inline::Em(what)]));
        }
        out.push(Block::Slot {
            name: slot.marker().to_owned(),
            blocks: inner,
        });
    }

    fn slot_block(&self, out: &mut Vec<Block>, slot: ReportSlot, k: usize, b: &ReportBlock) {
        match b {
            ReportBlock::Paragraph { text: t } => out.push(Block::para(self.tx(t))),
            ReportBlock::Heading { text: t } => out.push(Block::Heading(3, self.tx(t))),
            ReportBlock::Bullets { items } => out.push(Block::List(
                items.iter().map(|i| vec![text(self.tx(i))]).collect(),
            )),
            ReportBlock::Table { columns, rows } => out.push(Block::table(
                columns.iter().map(|c| self.tx(c)).collect(),
                rows.iter()
                    .map(|r| r.iter().map(|c| self.tx(c)).collect())
                    .collect(),
                vec![false; columns.len()],
            )),
            ReportBlock::Matrix { map } => {
                let rows: Vec<String> = map.rows.iter().map(|r| self.tx(r)).collect();
                let columns: Vec<String> = map.columns.iter().map(|c| self.tx(c)).collect();
                let cells: Vec<super::svg::Cell> = map
                    .cells
                    .iter()
                    .map(|c| super::svg::Cell {
                        row: usize::try_from(c.row).unwrap_or(usize::MAX),
                        column: usize::try_from(c.column).unwrap_or(usize::MAX),
                        value: c.value,
                        label: self.tx(&c.label),
                    })
                    .collect();
                let in_table = |c: &HeatCell| match &c.detail {
                    Some(d) => format!("{} ({})", self.tx(&c.label), self.tx(d)),
                    None => self.tx(&c.label),
                };
                let title = self.tx(&map.title);
                out.push(Block::Figure {
                    svg: super::svg::heat_map(
                        &format!("{}-{k}", slot.marker().replace('_', "-")),
                        &title,
                        &self.tx(&map.legend),
                        &rows,
                        &columns,
                        &cells,
                    ),
                    caption: format!("{title}. {}", self.tx(&map.legend)),
                });
                let mut head = vec![String::new()];
                head.extend(columns.iter().cloned());
                let table_rows = rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut row = vec![r.clone()];
                        for j in 0..columns.len() {
                            row.push(
                                map.cells
                                    .iter()
                                    .find(|c| {
                                        usize::try_from(c.row) == Ok(i)
                                            && usize::try_from(c.column) == Ok(j)
                                    })
                                    .map_or_else(String::new, in_table),
                            );
                        }
                        row
                    })
                    .collect();
                let numeric = vec![false; columns.len() + 1];
                out.push(Block::table(head, table_rows, numeric));
            }
        }
    }

    fn assessment_blocks(&self, out: &mut Vec<Block>, a: &Assessment, h: u8) {
        let lang = self.lang;
        let overall = match (a.overall, a.overall_band) {
            (Some(s), Some(b)) => vec![
                text(self.t("Samlet pointtal: ", "Overall score: ")),
                Inline::Strong(s.to_string()),
                text(" "),
                Inline::Tag {
                    class: band_class(Some(b)),
                    text: b.label(lang).to_owned(),
                },
            ],
            _ => vec![text(self.t(
                "Intet samlet pointtal: intet kunne vurderes.",
                "No overall score: nothing could be judged.",
            ))],
        };
        out.push(Block::Para(overall));
        out.push(Block::para(self.t(
            "Hver dimension får 0–100 ud fra de tjek, der kan anvendes på datoen: tjek af fejlgrad vejer 2, advarsler 1, og råd (info) tæller ikke med. Delvist opfyldte tjek giver delvis point. 80 og derover er stærk, 50–79 middel, under 50 svag.",
            "Each dimension scores 0–100 from the checks that apply on the date: error-level checks weigh 2, warnings 1, and advice (info) does not count. Partly met checks earn partial credit. 80 and above is strong, 50–79 fair, below 50 weak.",
        )));
        let rows: Vec<super::svg::ScoreRow> = a
            .dimensions
            .iter()
            .map(|d| super::svg::ScoreRow {
                label: capitalise(d.dimension.label(lang)),
                score: d.score,
                band: d.band,
            })
            .collect();
        let desc = a
            .dimensions
            .iter()
            .map(|d| {
                format!(
                    "{}: {}",
                    d.dimension.label(lang),
                    d.score.map_or_else(|| "–".to_owned(), |s| s.to_string())
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let title = self.t("Score pr. dimension", "Score by dimension");
        out.push(Block::Figure {
            svg: super::svg::score_chart(
                "bb-scores",
                &title,
                &desc,
                &rows,
                &self.t("ikke vurderet", "not assessed"),
            ),
            caption: format!("{title} {} {}.", self.t("pr.", "as of"), a.as_of),
        });
        out.push(Block::Table {
            head: vec![
                self.t("Dimension", "Dimension"),
                self.t("Point", "Score"),
                self.t("Begrundelse", "Reason"),
            ],
            rows: a
                .dimensions
                .iter()
                .map(|d| {
                    let score = match (d.score, d.band) {
                        (Some(s), Some(b)) => format!("{s} ({})", b.label(lang)),
                        _ => "–".to_owned(),
                    };
                    vec![
                        vec![text(capitalise(d.dimension.label(lang)))],
                        vec![text(score)],
                        vec![text(self.tx(&d.reason))],
                    ]
                })
                .collect(),
            numeric: vec![false, true, false],
        });

        out.push(Block::Heading(
            h,
            self.t("Fund og råd", "Findings and advice"),
        ));
        if a.findings.is_empty() {
            out.push(Block::para(self.t(
                "Ingen fund: alle tjek, der kunne anvendes, er opfyldt.",
                "No findings: every check that applied is met.",
            )));
        }
        for dim in crate::assessment::catalogue::Dimension::ALL {
            let findings = a.findings_in(dim);
            if findings.is_empty() {
                continue;
            }
            let score = a
                .dimension(dim)
                .and_then(|d| d.score)
                .map_or_else(|| "–".to_owned(), |s| s.to_string());
            out.push(Block::Heading(
                h + 1,
                format!("{} ({score})", capitalise(dim.label(lang))),
            ));
            let items = findings
                .iter()
                .map(|f| {
                    let mut item = vec![
                        severity_tag(lang, f.finding.severity),
                        text(format!(" {} ", f.finding.message(lang))),
                        Inline::Strong(format!("{}:", self.t("Råd", "Advice"))),
                        text(format!(" {}", self.tx(&f.advice))),
                    ];
                    if let Some(src) = &f.finding.source {
                        item.push(Inline::Em(format!(
                            " {} {}.",
                            self.t("Kilde:", "Source:"),
                            src.cite()
                        )));
                    }
                    item.push(text(format!(" {}: ", self.t("Evidens", "Evidence"))));
                    let words = self.evidence_words(f);
                    let shown: Vec<&str> = words.iter().take(4).map(|w| w.get(lang)).collect();
                    let mut said = shown.join("; ");
                    if words.len() > 4 {
                        said.push_str(&format!(
                            " {} {} {}",
                            self.t("og", "and"),
                            words.len() - 4,
                            self.t("mere", "more")
                        ));
                    }
                    said.push('.');
                    item.push(text(said));
                    item
                })
                .collect();
            out.push(Block::List(items));
        }
        let not_assessed: Vec<Vec<Inline>> = a
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::NotAssessed)
            .filter_map(|c| crate::assessment::catalogue::AssessmentCode::from_code(&c.code))
            .map(|c| {
                vec![
                    Inline::Strong(c.title().get(lang).to_owned()),
                    text(format!(
                        " ({}): {} {}.",
                        capitalise(c.dimension().label(lang)),
                        self.t("kræver fund fra", "needs findings from"),
                        crate::assessment::catalogue::external_sources_text(
                            c.external_sources(),
                            lang
                        )
                    )),
                ]
            })
            .collect();
        if !not_assessed.is_empty() {
            out.push(Block::Heading(h, self.t("Ikke vurderet", "Not assessed")));
            out.push(Block::List(not_assessed));
        }
    }

    fn survey_section(&self, out: &mut Vec<Block>, agreement: &AgreementId) {
        let lang = self.lang;
        out.push(Block::Heading(
            2,
            self.t("5. Evalueringsundersøgelser", "5. Evaluation surveys"),
        ));
        let rounds: Vec<&SurveyRound> = find_surveys_for(self.d, agreement)
            .into_iter()
            .filter(|s| s.closed_on <= self.as_of)
            .collect();
        if rounds.is_empty() {
            out.push(Block::para(self.t(
                "Der er ingen evalueringsundersøgelser registreret for aftalen.",
                "No evaluation surveys are recorded for the agreement.",
            )));
            return;
        }
        for (idx, round) in rounds.iter().enumerate() {
            out.push(Block::Heading(
                3,
                format!("{} ({})", round.title, round.closed_on),
            ));
            let results = round.results();
            let hidden = Hidden::of(&results);
            let previous = idx.checked_sub(1).and_then(|i| rounds.get(i));
            let previous_hidden = previous.map(|p| Hidden::of(&p.results()));
            if idx + 1 == rounds.len() {
                let rows: Vec<super::svg::ShareRow> = results
                    .iter()
                    .map(|e| super::svg::ShareRow {
                        label: self.short_question_label(round, e),
                        sub: format!("{}, n = {}", self.group_label(e), e.respondents),
                        estimate: hidden.shows(e).then_some((
                            e.share,
                            e.interval.low,
                            e.interval.high,
                        )),
                        reference: e.reference,
                        previous: previous.and_then(|p| {
                            let change = round.changes_since(p);
                            change
                                .iter()
                                .find(|c| c.question == e.question && c.group == e.group)
                                .filter(|c| {
                                    previous_hidden.as_ref().is_some_and(|h| h.shows(&c.before))
                                })
                                .map(|c| c.before.share)
                        }),
                    })
                    .collect();
                let title = self.t(
                    "Andel enige med 95 %-konfidensinterval",
                    "Share agreeing with 95% confidence interval",
                );
                let desc = results
                    .iter()
                    .filter(|e| hidden.shows(e))
                    .map(|e| {
                        format!(
                            "{} ({}): {}",
                            self.question_label(round, e),
                            self.group_label(e),
                            number::percent(lang, e.share)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let previous_label = self.t("forrige runde", "previous round");
                let reference_label = self.t("LBB-evalueringen (001)", "LBB evaluation (001)");
                let share_label = self.t("andel (95 %-KI)", "share (95% CI)");
                out.push(Block::Figure {
                    svg: super::svg::share_chart(
                        "bb-survey",
                        &title,
                        &desc,
                        &rows,
                        [&share_label, &previous_label, &reference_label],
                        &|v| number::percent(lang, v),
                        &self.t("for få svar til at vise", "too few answers to show"),
                    ),
                    caption: format!("{title}: {} ({}).", round.title, round.closed_on),
                });
            }
            out.push(Block::table(
                vec![
                    self.t("Spørgsmål", "Question"),
                    self.t("Gruppe", "Group"),
                    self.t("Enige", "Agreeing"),
                    self.t("95 %-KI", "95% CI"),
                    "n".to_owned(),
                    self.t("LBB (001)", "LBB (001)"),
                ],
                results
                    .iter()
                    .map(|e| {
                        let (share, ci) = if hidden.shows(e) {
                            (
                                format!(
                                    "{} ({}/{})",
                                    number::percent(lang, e.share),
                                    e.positive,
                                    e.respondents
                                ),
                                format!(
                                    "{}–{}",
                                    number::percent(lang, e.interval.low),
                                    number::percent(lang, e.interval.high)
                                ),
                            )
                        } else {
                            (
                                self.t("færre end 5 svar", "fewer than 5 answers"),
                                "–".to_owned(),
                            )
                        };
                        vec![
                            self.question_label(round, e),
                            self.group_label(e),
                            share,
                            ci,
                            e.respondents.to_string(),
                            e.reference
                                .map_or_else(|| "–".to_owned(), |r| number::percent(lang, r)),
                        ]
                    })
                    .collect(),
                vec![false, false, true, true, true, true],
            ));
        }
        if let [.., before, after] = rounds.as_slice() {
            out.push(Block::Heading(
                3,
                format!(
                    "{} {} → {}",
                    self.t("Udvikling", "Change"),
                    before.closed_on,
                    after.closed_on
                ),
            ));
            let changes = after.changes_since(before);
            let (hidden_before, hidden_after) =
                (Hidden::of(&before.results()), Hidden::of(&after.results()));
            let signed = |x: f64| {
                let v = (x * 100.0).round();
                if v > 0.0 {
                    format!("+{v:.0}")
                } else if v < 0.0 {
                    format!("\u{2212}{:.0}", -v)
                } else {
                    "0".to_owned()
                }
            };
            let unit = self.t("pct.-point", "pp");
            let pp = |x: f64| format!("{} {unit}", signed(x));
            out.push(Block::table(
                vec![
                    self.t("Spørgsmål", "Question"),
                    self.t("Gruppe", "Group"),
                    self.t("Før", "Before"),
                    self.t("Efter", "After"),
                    self.t("Ændring", "Change"),
                    self.t("95 %-KI", "95% CI"),
                    self.t("Sikker ændring", "Significant"),
                ],
                changes
                    .iter()
                    .map(|c| {
                        let label = self.question_label(after, &c.after);
                        let group = self.group_label(&c.after);
                        if !(hidden_before.shows(&c.before) && hidden_after.shows(&c.after)) {
                            return vec![
                                label,
                                group,
                                "–".into(),
                                "–".into(),
                                self.t("færre end 5 svar", "fewer than 5 answers"),
                                "–".into(),
                                "–".into(),
                            ];
                        }
                        vec![
                            label,
                            group,
                            number::percent(lang, c.before.share),
                            number::percent(lang, c.after.share),
                            pp(c.change),
                            format!(
                                "{} {} {} {unit}",
                                signed(c.interval.low),
                                self.t("til", "to"),
                                signed(c.interval.high)
                            ),
                            if c.significant {
                                self.t("ja", "yes")
                            } else {
                                self.t("nej", "no")
                            },
                        ]
                    })
                    .collect(),
                vec![false, false, true, true, true, true, false],
            ));
        }
        out.push(Block::para(self.t(
            "Andelen enige er dem, der svarer «enig» eller «meget enig», blandt alle, der har svaret på spørgsmålet. Intervallet er et 95 %-Wilson-interval; ændringer mellem runder har Newcombes interval og kaldes sikre, når intervallet ikke indeholder 0. Grupper med færre end 5 svar vises ikke. LBB-tallene er evalueringens (001): 81 % af de frivillige og 84 % af de kommunale aktører kender hinanden bedre; 72 % siger, at samarbejdet er blevet bedre.",
            "The share agreeing counts those answering \"agree\" or \"strongly agree\" among everyone who answered the question. The interval is a 95% Wilson interval; changes between rounds have Newcombe's interval and are called significant when it excludes 0. Groups with fewer than 5 answers are not shown. The LBB figures are the evaluation's (001): 81% of volunteers and 84% of municipal actors know each other better; 72% say the cooperation improved.",
        )));
    }

    fn question_label(&self, round: &SurveyRound, e: &ShareEstimate) -> String {
        round
            .question(&e.question)
            .map_or_else(|| e.question.to_string(), |q| self.tx(&q.text))
    }

    /// The standard measure's name when the question has one (charts have little room).
    fn short_question_label(&self, round: &SurveyRound, e: &ShareEstimate) -> String {
        match round.question(&e.question).and_then(|q| q.measure) {
            Some(m) => capitalise(m.label(self.lang)),
            None => self.question_label(round, e),
        }
    }

    fn group_label(&self, e: &ShareEstimate) -> String {
        match e.group {
            Some(g) => g.label(self.lang).to_owned(),
            None => self.t("alle", "everyone"),
        }
    }

    /// A finding's evidence in words (from [`crate::evidence`]): the words the assessment
    /// carries, or, for a finding without evidence, its own path in words.
    fn evidence_words(&self, f: &AssessedFinding) -> Vec<Text> {
        if f.evidence.is_empty() {
            return vec![crate::evidence::describe(self.d, &f.finding.path)];
        }
        if f.evidence_words.len() == f.evidence.len() {
            return f.evidence_words.clone();
        }
        crate::evidence::describe_all(self.d, &f.evidence)
    }

    /// The technical appendix ([`crate::present::findings::references`]): every piece of
    /// evidence the findings name, in words and as its path, in the order they name them.
    fn evidence_appendix(&self, out: &mut Vec<Block>, a: &Assessment, level: u8) {
        let mut pairs: Vec<(Text, String)> = Vec::new();
        for f in &a.findings {
            let paths = if f.evidence.is_empty() {
                std::slice::from_ref(&f.finding.path)
            } else {
                f.evidence.as_slice()
            };
            for (p, w) in paths.iter().zip(self.evidence_words(f)) {
                pairs.push((w, p.as_str().to_owned()));
            }
        }
        out.extend(crate::present::findings::references(
            pairs.iter().map(|(w, p)| (w, p.as_str())),
            level,
            self.lang,
        ));
    }

    fn sources_section(&self, out: &mut Vec<Block>, a: &Assessment) {
        let lang = self.lang;
        out.push(Block::Heading(2, self.t("6. Kilder", "6. Sources")));
        let mut cited: BTreeMap<SeedDocument, Vec<String>> = BTreeMap::new();
        for f in &a.findings {
            if let Some(s) = &f.finding.source {
                let sections = cited.entry(s.document).or_default();
                if !sections.contains(&s.section) {
                    sections.push(s.section.clone());
                }
            }
        }
        let references = find_surveys_for(self.d, &a.agreement)
            .into_iter()
            .filter(|s| s.closed_on <= self.as_of)
            .flat_map(|s| s.questions.iter().filter_map(|q| q.measure))
            .collect::<Vec<_>>();
        for m in references {
            let src = m.source();
            let sections = cited.entry(src.document).or_default();
            if !sections.contains(&src.section) {
                sections.push(src.section);
            }
        }
        let items: Vec<Vec<Inline>> = cited
            .iter()
            .map(|(doc, sections)| {
                let quoted: Vec<String> = sections.iter().map(|s| format!("«{s}»")).collect();
                vec![
                    Inline::Strong(doc.number().to_owned()),
                    text(format!(
                        " {}. {}: {}.",
                        doc.label(lang),
                        self.t("Afsnit", "Sections"),
                        quoted.join(", ")
                    )),
                ]
            })
            .collect();
        if items.is_empty() {
            out.push(Block::para(self.t(
                "Ingen fund henviser til kilder.",
                "No finding cites a source.",
            )));
        } else {
            out.push(Block::List(items));
        }
        out.push(Block::Para(vec![Inline::Em(self.t(
            "Lavet med brobygger. Rapporten indeholder ingen personoplysninger: personer nævnes kun ved deres posttitel, og undersøgelser vises kun for grupper med mindst 5 svar (og en gruppe mere skjules, hvis en skjult gruppe ellers kunne regnes ud af totalen).",
            "Made with brobygger. The report holds no personal data: people appear only by their post titles, and surveys are shown only for groups with at least 5 answers (one more group is hidden where a hidden group could otherwise be worked out from the total).",
        ))]));
    }
}

/// The shares of one round that must stay hidden: groups under [`MIN_REPORTED_RESPONDENTS`]
/// answers, plus one more group where the share of all respondents would otherwise let a hidden
/// group be worked out by subtraction (the same rule as the privacy module's safe aggregates).
struct Hidden(
    Vec<(
        crate::ids::QuestionId,
        Option<crate::assessment::model::RespondentGroup>,
    )>,
);

impl Hidden {
    fn of(results: &[ShareEstimate]) -> Self {
        let mut hidden = Vec::new();
        let mut questions: Vec<&crate::ids::QuestionId> = Vec::new();
        for e in results {
            if !questions.contains(&&e.question) {
                questions.push(&e.question);
            }
        }
        for q in questions {
            let groups: Vec<&ShareEstimate> = results
                .iter()
                .filter(|e| &e.question == q && e.group.is_some())
                .collect();
            let all = results
                .iter()
                .find(|e| &e.question == q && e.group.is_none());
            let all_shown = all.is_some_and(|a| a.respondents >= MIN_REPORTED_RESPONDENTS);
            if let Some(a) = all
                && !all_shown
            {
                hidden.push((a.question.clone(), None));
            }
            let counts: Vec<u32> = groups.iter().map(|e| e.respondents).collect();
            let states = crate::privacy::aggregate::suppress(
                &counts,
                MIN_REPORTED_RESPONDENTS,
                all_shown && groups.len() > 1,
            );
            for (e, state) in groups.iter().zip(states) {
                if state.is_some() {
                    hidden.push((e.question.clone(), e.group));
                }
            }
        }
        Self(hidden)
    }

    fn shows(&self, e: &ShareEstimate) -> bool {
        e.respondents >= MIN_REPORTED_RESPONDENTS
            && !self
                .0
                .iter()
                .any(|(q, g)| q == &e.question && *g == e.group)
    }
}

fn band_class(band: Option<crate::assessment::result::ScoreBand>) -> &'static str {
    match band {
        Some(crate::assessment::result::ScoreBand::Strong) => "strong",
        Some(crate::assessment::result::ScoreBand::Fair) => "fair",
        Some(crate::assessment::result::ScoreBand::Weak) => "weak",
        None => "none",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
