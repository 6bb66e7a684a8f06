//! Section 1 of a report: the agreement as the parties signed it, in readable form: key facts,
//! parties, goals, activities, governance, meeting forums, coordination time, ground rules, and
//! the versions and status changes up to the report's date.
//!
//! What a shared report may hold decides what is shown: posts appear by their titles and
//! whether they are filled, never by who holds them; champions appear by their kind; history
//! notes are left out. A subsection with nothing to show is left out, heading and all.

use super::write::Writer;
use crate::actors::PartyRef;
use crate::agreement::{Agreement, AgreementTerms, GoalOwner};
use crate::assessment::result::Assessment;
use crate::i18n::{Label, number};
use crate::ids::PostId;
use crate::present::doc::{Block, Inline, text};

/// A level-3 heading and its body, or nothing when the body is empty.
fn subsection(out: &mut Vec<Block>, title: String, body: Option<Block>) {
    if let Some(body) = body {
        out.push(Block::Heading(3, title));
        out.push(body);
    }
}

/// `–` for a value the agreement leaves open.
fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_owned())
}

impl Writer<'_> {
    /// Section 1, in the order a reader checks an agreement: what and when, who, what for,
    /// doing what, organised how, and how it changed.
    pub(super) fn agreement_section(
        &self,
        out: &mut Vec<Block>,
        a: &Agreement,
        terms: &AgreementTerms,
        assessment: &Assessment,
    ) {
        out.push(Block::Heading(2, self.t("1. Aftalen", "1. The agreement")));
        if let Some(p) = &terms.purpose {
            out.push(Block::para(p.clone()));
        }
        out.push(self.key_facts(terms, assessment));
        subsection(out, self.t("Parter", "Parties"), Some(self.parties(terms)));
        subsection(out, self.t("Mål", "Goals"), self.goals(terms));
        subsection(
            out,
            self.t("Aktiviteter", "Activities"),
            self.activities(terms),
        );
        subsection(
            out,
            self.t("Organisering", "Governance"),
            self.governance(terms),
        );
        subsection(
            out,
            self.t("Mødefora", "Meeting forums"),
            self.forums(terms),
        );
        subsection(
            out,
            self.t("Koordineringstid", "Coordination time"),
            self.coordination_time(terms),
        );
        subsection(
            out,
            self.t("Spilleregler", "Ground rules"),
            self.ground_rules(terms),
        );
        subsection(
            out,
            self.t("Versioner og status", "Versions and status"),
            self.versions_and_status(a),
        );
    }

    /// Status on the date, term, review dates and stage, as a list of labelled facts.
    fn key_facts(&self, terms: &AgreementTerms, assessment: &Assessment) -> Block {
        let lang = self.lang;
        let period = match terms.term.end {
            Some(end) => format!("{} – {end}", terms.term.start),
            None => format!(
                "{} – ({})",
                terms.term.start,
                self.t("ingen slutdato", "no end date")
            ),
        };
        let reviews = if terms.term.review_dates.is_empty() {
            self.t("ingen", "none")
        } else {
            terms
                .term
                .review_dates
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let facts = vec![
            (
                self.t("Status", "Status"),
                format!(
                    "{} ({} {}), {} {}",
                    assessment.status.label(lang),
                    self.t("pr.", "as of"),
                    self.as_of,
                    self.t("version", "version"),
                    assessment.version
                ),
            ),
            (self.t("Periode", "Term"), period),
            (self.t("Revisionsdatoer", "Review dates"), reviews),
            (
                self.t("Fase", "Stage"),
                format!(
                    "{}; {}",
                    terms.stage.label(lang),
                    terms.cooperation_level.label(lang)
                ),
            ),
        ];
        Block::List(
            facts
                .into_iter()
                .map(|(k, v)| vec![Inline::Strong(format!("{k}:")), text(format!(" {v}"))])
                .collect(),
        )
    }

    /// Each party with its kind and its signatory's post (shown even when empty: an agreement
    /// without parties is worth seeing as such).
    fn parties(&self, terms: &AgreementTerms) -> Block {
        Block::table(
            vec![
                self.t("Part", "Party"),
                self.t("Slags", "Kind"),
                self.t("Underskriver (post)", "Signatory (post)"),
            ],
            terms
                .parties
                .iter()
                .map(|p| {
                    let (name, kind) = self.party_and_kind(&p.party);
                    let sig = or_dash(p.signatory.as_ref().map(|s| self.post_title(s)));
                    vec![name, kind, sig]
                })
                .collect(),
            vec![false, false, false],
        )
    }

    /// Each goal with its owner, and its indicator when it has one.
    fn goals(&self, terms: &AgreementTerms) -> Option<Block> {
        if terms.goals.is_empty() {
            return None;
        }
        let lang = self.lang;
        let items = terms
            .goals
            .iter()
            .map(|g| {
                let owner = match &g.owner {
                    GoalOwner::Shared => self.t("Fælles", "Shared"),
                    GoalOwner::Party { party } => self.party_name(party),
                };
                let mut item = vec![
                    Inline::Strong(format!("{owner}:")),
                    text(format!(" {}", g.text)),
                ];
                if let Some(ind) = &g.indicator {
                    let baseline = or_dash(
                        ind.baseline
                            .map(|b| format!("{} {}", number::decimal(lang, b, 2), ind.unit)),
                    );
                    item.push(Inline::Em(format!(
                        " {}: {} ({} {baseline}, {} {} {})",
                        self.t("Indikator", "Indicator"),
                        ind.description,
                        self.t("udgangspunkt", "baseline"),
                        self.t("mål", "target"),
                        number::decimal(lang, ind.target, 2),
                        ind.unit
                    )));
                }
                item
            })
            .collect();
        Some(Block::List(items))
    }

    fn activities(&self, terms: &AgreementTerms) -> Option<Block> {
        if terms.activities.is_empty() {
            return None;
        }
        let lang = self.lang;
        Some(Block::table(
            vec![
                self.t("Aktivitet", "Activity"),
                self.t("Slags", "Kind"),
                self.t("Spor", "Track"),
                self.t("Målgrupper", "Target groups"),
                self.t("Ansvarlig", "Lead"),
            ],
            terms
                .activities
                .iter()
                .map(|act| {
                    vec![
                        act.name.clone(),
                        act.kind.label(lang).to_owned(),
                        act.track.label(lang).to_owned(),
                        act.target_groups
                            .iter()
                            .map(|g| g.label(lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                        or_dash(act.lead.as_ref().map(|p| self.party_name(p))),
                    ]
                })
                .collect(),
            vec![false; 5],
        ))
    }

    /// Coordinators, the volunteer representative and the steering group: each post with its
    /// party and whether it is filled on the date (never who fills it).
    fn governance(&self, terms: &AgreementTerms) -> Option<Block> {
        let g = &terms.governance;
        let roles = g
            .coordinators
            .iter()
            .map(|id| (self.t("Tovholder", "Coordinator"), id))
            .chain(g.volunteer_representative.iter().map(|id| {
                (
                    self.t("Repræsentant for de frivillige", "Volunteer representative"),
                    id,
                )
            }))
            .chain(
                g.steering_group
                    .iter()
                    .map(|id| (self.t("Styregruppe", "Steering group"), id)),
            );
        let rows: Vec<Vec<String>> = roles
            .map(|(role, id)| {
                let (party, filled) = match self.d.post(id) {
                    Some(p) => (
                        self.party_name(&p.party),
                        if p.holder_on(self.as_of).is_some() {
                            self.t("besat", "filled")
                        } else {
                            self.t("ubesat", "vacant")
                        },
                    ),
                    None => ("–".to_owned(), "–".to_owned()),
                };
                vec![role, self.post_title(id), party, filled]
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        Some(Block::table(
            vec![
                self.t("Rolle", "Role"),
                self.t("Post", "Post"),
                self.t("Part", "Party"),
                format!("{} {}", self.t("Pr.", "As of"), self.as_of),
            ],
            rows,
            vec![false; 4],
        ))
    }

    fn forums(&self, terms: &AgreementTerms) -> Option<Block> {
        if terms.routines.is_empty() {
            return None;
        }
        let lang = self.lang;
        Some(Block::table(
            vec![
                self.t("Forum", "Forum"),
                self.t("Kadence", "Cadence"),
                self.t("Tidspunkt", "Time"),
                self.t("Varsel (dage)", "Notice (days)"),
                self.t("Indkaldes af", "Convened by"),
            ],
            terms
                .routines
                .iter()
                .map(|f| {
                    vec![
                        f.name.clone(),
                        f.cadence.describe(lang),
                        or_dash(f.usual_time.map(|x| x.label(lang).to_owned())),
                        f.notice_days.to_string(),
                        or_dash(f.convened_by.as_ref().map(|p| self.post_title(p))),
                    ]
                })
                .collect(),
            vec![false, false, false, true, false],
        ))
    }

    fn coordination_time(&self, terms: &AgreementTerms) -> Option<Block> {
        if terms.resources.is_empty() {
            return None;
        }
        Some(Block::table(
            vec![
                self.t("Part", "Party"),
                self.t("Timer pr. måned", "Hours per month"),
                self.t("Ledelsesprioritet", "Management priority"),
            ],
            terms
                .resources
                .iter()
                .map(|r| {
                    vec![
                        self.party_name(&r.party),
                        number::decimal(self.lang, r.coordination_hours_per_month, 2),
                        if r.management_priority {
                            self.t("ja", "yes")
                        } else {
                            self.t("nej", "no")
                        },
                    ]
                })
                .collect(),
            vec![false, true, false],
        ))
    }

    /// How decisions are made and disagreements handled, the defined terms, and how a party
    /// leaves.
    fn ground_rules(&self, terms: &AgreementTerms) -> Option<Block> {
        let rule = |label: String, body: String| {
            vec![
                Inline::Strong(format!("{label}:")),
                text(format!(" {body}")),
            ]
        };
        let mut rules = Vec::new();
        if let Some(s) = &terms.decision_making {
            rules.push(rule(self.t("Beslutninger", "Decisions"), s.clone()));
        }
        if let Some(s) = &terms.disagreement_handling {
            rules.push(rule(self.t("Uenighed", "Disagreement"), s.clone()));
        }
        for d in &terms.definitions {
            rules.push(rule(format!("«{}»", d.term), d.meaning.clone()));
        }
        if let Some(exit) = &terms.exit {
            rules.push(rule(
                self.t("Udtræden", "Leaving"),
                format!(
                    "{}. {}",
                    crate::i18n::plural::NOTICE.count(self.lang, u64::from(exit.notice_days)),
                    exit.procedure
                ),
            ));
        }
        (!rules.is_empty()).then_some(Block::List(rules))
    }

    /// Every version with the date and reason of its amendment, then the status changes up to
    /// the report's date (their notes stay out: they may name people).
    fn versions_and_status(&self, a: &Agreement) -> Option<Block> {
        let lang = self.lang;
        let versions = a.versions.iter().map(|v| match &v.amendment {
            Some(am) => format!(
                "{} {} ({} {}): {}",
                self.t("Version", "Version"),
                v.number,
                self.t("fra", "from"),
                am.on,
                am.reason
            ),
            None => format!("{} {}", self.t("Version", "Version"), v.number),
        });
        let changes = a
            .history
            .iter()
            .filter(|e| e.at.date_naive() <= self.as_of)
            .map(|e| {
                format!(
                    "{}: {} → {}",
                    e.at.date_naive(),
                    e.from.label(lang),
                    e.to.label(lang)
                )
            });
        let items: Vec<Vec<Inline>> = versions.chain(changes).map(|l| vec![text(l)]).collect();
        (!items.is_empty()).then_some(Block::List(items))
    }

    /// A party's name and kind; a champion (an individual) by kind and id only.
    fn party_and_kind(&self, party: &PartyRef) -> (String, String) {
        let lang = self.lang;
        let name = self.d.party_label(party, lang);
        match party {
            PartyRef::Organisation { organisation } => match self.d.organisation(organisation) {
                Some(o) => (name, o.kind.label(lang).to_owned()),
                None => (name, String::new()),
            },
            PartyRef::Department { .. } => match self.d.department(party) {
                Some(dep) => (name, dep.kind.label(lang).to_owned()),
                None => (name, String::new()),
            },
            PartyRef::Municipality { .. } => (name, self.t("kommune", "municipality")),
        }
    }

    fn party_name(&self, party: &PartyRef) -> String {
        self.d.party_label(party, self.lang)
    }

    /// A post by its title (the id when the post is unknown), never by its holder.
    fn post_title(&self, id: &PostId) -> String {
        self.d
            .post(id)
            .map_or_else(|| id.to_string(), |p| p.title.clone())
    }
}
