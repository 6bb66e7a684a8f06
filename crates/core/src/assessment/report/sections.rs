//! What a report's slots hold unless the caller fills them: the role split as the RACI matrix
//! drawn as a heat map ([`RoleMatrix::heat_map`]), and each checklist's alignment side by side
//! (the checklists module's own comparison, in its shareable form), both as they stood on the
//! report's date.
//!
//! Nothing here goes beyond what a shared report may hold: roles are carried by post titles or
//! by a "named person", never a name; champions appear by their kind; free-text answers,
//! comments and the notes of resolutions are left out, while yes/no, scale, number and choice
//! answers are shown.

use super::parts::{HeatCell, HeatMap, ReportBlock, ReportSection, ReportSlot};
use crate::assessment::sources::{DatedChecklists, answered_templates};
use crate::checklists::align::{ChecklistAlignment, checklist_alignment};
use crate::checklists::readiness::checklist_readiness;
use crate::checklists::render::{
    Attention as ComparisonAttention, Audience, Doc as ComparisonDoc, Row as ComparisonRow,
};
use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FindingsExt, Severity};
use crate::i18n::plural::{ADVICE, ERROR, WARNING, n};
use crate::i18n::t;
use crate::i18n::{Label, Lang, Text};
use crate::ids::AgreementId;
use crate::roles::matrix::{RoleMatrix, role_matrix};
use crate::roles::model::split::{Raci, RoleOptions};
use chrono::NaiveDate;

/// How dark a role colours its cell: the accountable party darkest.
fn intensity(role: Raci) -> f64 {
    match role {
        Raci::Accountable => 1.0,
        Raci::Responsible => 0.75,
        Raci::Consulted => 0.4,
        Raci::Informed => 0.2,
    }
}

/// A text in both languages from one builder.
fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Da), f(Lang::En))
}

/// Zips the same list built in Danish and in English.
fn zip_texts(da: &[String], en: &[String]) -> Vec<Text> {
    da.iter()
        .zip(en)
        .map(|(d, e)| Text::new(d.clone(), e.clone()))
        .collect()
}

impl RoleMatrix {
    /// The matrix as a heat map for a report: tasks × parties, each cell labelled with its
    /// roles' letters and coloured by the strongest (A darkest, then R, C, I); the carrying
    /// posts go with the cell into the table. Statutory tasks start with "§".
    pub fn heat_map(&self) -> HeatMap {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                // In front, so that a shortened label in the chart keeps it.
                let mark = if r.task.statutory { "§ " } else { "" };
                Text::new(
                    format!("{mark}{}", r.task.name.da),
                    format!("{mark}{}", r.task.name.en),
                )
            })
            .collect();
        let columns = self
            .parties
            .iter()
            .map(|p| Text::new(p.name.clone(), p.name.clone()))
            .collect();
        let mut cells = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            for (j, cell) in row.cells.iter().enumerate() {
                if cell.roles.is_empty() {
                    continue;
                }
                let letters: Vec<&str> = cell.roles.iter().map(|r| r.letter()).collect();
                let letters = letters.join(", ");
                let detail = match (cell.carried_by(Lang::Da), cell.carried_by(Lang::En)) {
                    (Some(da), Some(en)) => Some(Text::new(da, en)),
                    _ => None,
                };
                cells.push(HeatCell {
                    row: u32::try_from(i).unwrap_or(u32::MAX),
                    column: u32::try_from(j).unwrap_or(u32::MAX),
                    value: cell.roles.iter().map(|r| intensity(*r)).fold(0.0, f64::max),
                    label: Text::new(letters.clone(), letters),
                    detail,
                });
            }
        }
        HeatMap {
            title: both(|l| {
                format!(
                    "{}, version {}",
                    t(l, "Rollefordeling", "Role split"),
                    self.version
                )
            }),
            rows,
            columns,
            cells,
            legend: both(|l| {
                let roles: Vec<String> = Raci::ALL
                    .iter()
                    .map(|r| format!("{} = {}", r.letter(), r.label(l)))
                    .collect();
                format!(
                    "{} ({}); § = {}",
                    t(
                        l,
                        "Farven viser den stærkeste rolle, mørkest for den ansvarlige",
                        "The colour shows the strongest role, darkest for the accountable party"
                    ),
                    roles.join(", "),
                    t(l, "lovpligtig kommunal opgave", "statutory municipal duty")
                )
            }),
        }
    }
}

impl ChecklistAlignment {
    /// The comparison side by side as report blocks, in its shareable form: parties and their
    /// progress, totals, the items that need attention (critical first) and every item with
    /// each party's answer. Free-text answers, comments and the notes of resolutions are left
    /// out (they may hold personal data); the parties' own comparison
    /// ([`ChecklistAlignment::render`]) shows them.
    pub fn report_blocks(&self) -> Vec<ReportBlock> {
        let da = ComparisonDoc::build(self, Lang::Da, Audience::Shared);
        let en = ComparisonDoc::build(self, Lang::En, Audience::Shared);
        let mut out = vec![
            ReportBlock::Heading {
                text: self.title.clone(),
            },
            ReportBlock::Paragraph {
                text: Text::new(da.subtitle.clone(), en.subtitle.clone()),
            },
            ReportBlock::Table {
                columns: zip_texts(&da.party_header, &en.party_header),
                rows: da
                    .parties
                    .iter()
                    .zip(&en.parties)
                    .map(|(d, e)| zip_texts(d, e))
                    .collect(),
            },
            ReportBlock::Bullets {
                items: zip_texts(&da.totals, &en.totals),
            },
            ReportBlock::Paragraph {
                text: Text::new(
                    format!("{}:", da.attention_title),
                    format!("{}:", en.attention_title),
                ),
            },
        ];
        if da.attention.is_empty() {
            out.push(ReportBlock::Paragraph {
                text: Text::new(da.attention_empty.clone(), en.attention_empty.clone()),
            });
        } else {
            out.push(ReportBlock::Bullets {
                items: da
                    .attention
                    .iter()
                    .zip(&en.attention)
                    .map(|(d, e)| {
                        let line = |a: &ComparisonAttention| {
                            let mark = if a.critical { "⚠ " } else { "" };
                            format!("{mark}{}: {}", a.heading, a.status)
                        };
                        Text::new(line(d), line(e))
                    })
                    .collect(),
            });
        }
        for ((heading_da, rows_da), (heading_en, rows_en)) in da.sections.iter().zip(&en.sections) {
            out.push(ReportBlock::Paragraph {
                text: Text::new(
                    format!("{} – {heading_da}", da.all_title),
                    format!("{} – {heading_en}", en.all_title),
                ),
            });
            let row = |r: &ComparisonRow| {
                let mut cells = r.cells.clone();
                cells.push(if r.critical {
                    format!("⚠ {}", r.status)
                } else {
                    r.status.clone()
                });
                cells
            };
            out.push(ReportBlock::Table {
                columns: zip_texts(&da.item_header, &en.item_header),
                rows: rows_da
                    .iter()
                    .zip(rows_en)
                    .map(|(d, e)| zip_texts(&row(d), &row(e)))
                    .collect(),
            });
        }
        out
    }
}

pub(crate) fn report_sections(
    dossier: &Dossier,
    agreement: &AgreementId,
    as_of: NaiveDate,
) -> Result<Vec<ReportSection>, BrobyggerError> {
    let a = dossier
        .agreement(agreement)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Agreement, agreement))?;
    let mut sections = Vec::new();
    if let Some(k) = crate::assessment::checks::context::version_index_on(a, as_of) {
        let version = a.versions[k].number;
        let matrix = role_matrix(
            dossier,
            agreement,
            RoleOptions {
                version: Some(version),
                as_of: Some(as_of),
                all_catalogue_tasks: false,
            },
        )?;
        sections.push(ReportSection {
            slot: ReportSlot::RoleSplit,
            blocks: role_blocks(&matrix, a.versions[k].terms.roles.assignments.is_empty()),
        });
    }
    sections.push(ReportSection {
        slot: ReportSlot::ChecklistAlignment,
        blocks: checklist_blocks(dossier, agreement, as_of)?,
    });
    Ok(sections)
}

fn checklist_blocks(
    dossier: &Dossier,
    agreement: &AgreementId,
    as_of: NaiveDate,
) -> Result<Vec<ReportBlock>, BrobyggerError> {
    let view = DatedChecklists::new(dossier, as_of);
    let d = view.dossier();
    let mut out = Vec::new();
    for template in answered_templates(d, agreement) {
        // An unresolvable template is a validation error; there is nothing to show.
        if let Ok(alignment) = checklist_alignment(d, agreement, template) {
            out.extend(alignment.report_blocks());
        }
    }
    let readiness = checklist_readiness(d, agreement)?;
    if out.is_empty() && readiness.requirements.is_empty() {
        out.push(ReportBlock::Paragraph {
                text: Text::new(
                    "Der er hverken krævet eller besvaret en tjekliste til forventningsafstemning for aftalen. Start ikke et samarbejde uden en grundig forventningsafstemning (003).",
                    "No expectation-alignment checklist is required or answered for the agreement. Do not start a cooperation without a thorough expectation alignment (003).",
                ),
            });
        return Ok(out);
    }
    let mut lines = Vec::new();
    for r in &readiness.requirements {
        let submitted = r.parties.iter().filter(|p| p.submitted).count();
        let n = r.parties.len();
        lines.push(Text::new(
                format!(
                    "Påkrævet før underskrift: {}: {submitted} af {n} parter har indsendt; {} uløste kritiske uenigheder.",
                    r.title.da, r.open_critical
                ),
                format!(
                    "Required before signing: {}: {submitted} of {n} parties have submitted; {} unresolved critical divergences.",
                    r.title.en, r.open_critical
                ),
            ));
    }
    let blocking = readiness.findings.count(Severity::Error);
    lines.push(if readiness.ready {
        Text::new(
            "Tjeklisterne står ikke i vejen for underskrift.",
            "The checklists do not stand in the way of signing.",
        )
    } else {
        Text::new(
            format!(
                "Tjeklisterne står i vejen for underskrift: {} (se afsnit 4).",
                crate::i18n::plural::BLOCKING_FINDING.count(Lang::Da, n(blocking))
            ),
            format!(
                "The checklists stand in the way of signing: {} (see section 4).",
                crate::i18n::plural::BLOCKING_FINDING.count(Lang::En, n(blocking))
            ),
        )
    });
    out.push(ReportBlock::Heading {
        text: Text::new("Klar til underskrift?", "Ready to sign?"),
    });
    out.push(ReportBlock::Bullets { items: lines });
    Ok(out)
}

fn role_blocks(matrix: &RoleMatrix, no_split: bool) -> Vec<ReportBlock> {
    let v = matrix.version;
    if no_split {
        return vec![ReportBlock::Paragraph {
            text: Text::new(
                format!(
                    "Version {v} af aftalen har ingen rollefordeling: der står ikke, hvem der udfører, har ansvaret for, konsulteres om og informeres om opgaverne."
                ),
                format!(
                    "Version {v} of the agreement has no role split: it does not say who is responsible, accountable, consulted and informed for the tasks."
                ),
            ),
        }];
    }
    let (tasks, parties) = (matrix.rows.len(), matrix.parties.len());
    let as_of = matrix
        .as_of
        .map(|d| (format!(" pr. {d}"), format!(" as of {d}")))
        .unwrap_or_default();
    let intro = Text::new(
        format!(
            "Hvem gør hvad i version {v}: {tasks} opgaver fordelt på {parties} parter. Hver celle viser partens roller og i parentes posten, der bærer dem (indehavere{}); en person uden post vises kun som «navngiven person».",
            as_of.0
        ),
        format!(
            "Who does what in version {v}: {tasks} tasks split over {parties} parties. Each cell shows the party's roles and, in brackets, the post that carries them (holders{}); a person without a post appears only as \"named person\".",
            as_of.1
        ),
    );
    let f = &matrix.findings;
    let (e, w, i) = (
        f.count(Severity::Error),
        f.count(Severity::Warning),
        f.count(Severity::Info),
    );
    let verdict = if f.is_empty() {
        Text::new(
            "Analysen af rollefordelingen finder intet at rette.",
            "The analysis of the role split finds nothing to fix.",
        )
    } else {
        Text::new(
            format!(
                "Analysen af rollefordelingen: {}, {} og {}; de står med råd under «Roller» i afsnit 4.",
                ERROR.count(Lang::Da, n(e)),
                WARNING.count(Lang::Da, n(w)),
                ADVICE.count(Lang::Da, n(i)),
            ),
            format!(
                "The analysis of the role split: {}, {} and {}; they are listed with advice under \"Roles\" in section 4.",
                ERROR.count(Lang::En, n(e)),
                WARNING.count(Lang::En, n(w)),
                ADVICE.count(Lang::En, n(i)),
            ),
        )
    };
    vec![
        ReportBlock::Paragraph { text: intro },
        ReportBlock::Matrix {
            map: matrix.heat_map(),
        },
        ReportBlock::Paragraph { text: verdict },
    ]
}
