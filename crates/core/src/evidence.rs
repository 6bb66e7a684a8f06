//! Evidence in words: the one place that turns a path into the dossier
//! (`agreements[0].versions[1].terms.routines[0].notice_days`) into a phrase a steering group
//! can read, in Danish and English: "varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens
//! version 2" / "the notice for the “Styregruppemøde” meeting (quarterly), agreement version 2".
//!
//! Reports show these words; the paths themselves go to a report's technical appendix. The
//! words name only what a shared report may show anyway: agreement parts, party names (a
//! champion by kind and id, as [`Dossier::party_label`] does), post titles, forum, activity,
//! checklist, cohort and survey titles, dates of meetings. A person or a newcomer appears only
//! by what they are ("en nyankommen i kohorten «…»"), never by a name, an id or a value they
//! gave; a checklist answer is named by its question, never by what was answered.

use crate::agreement::{Agreement, AgreementVersion};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, PathSegment};
use crate::i18n::{Lang, Text, date};
use crate::roles::tasks::Scope;

/// One step of a path, borrowed, so that paths can be matched as slices.
#[derive(Clone, Copy)]
enum S<'a> {
    F(&'a str),
    I(usize),
}
use S::{F, I};

/// The evidence at `path` in words, in both languages. A path this function does not know (or
/// that no longer resolves) is named by the nearest part it does know, down to "the dossier".
pub(crate) fn describe(d: &Dossier, path: &FieldPath) -> Text {
    let segments = path.segments();
    let s: Vec<S<'_>> = segments
        .iter()
        .map(|seg| match seg {
            PathSegment::Field(name) => F(name.as_str()),
            PathSegment::Index(i) => I(*i),
        })
        .collect();
    top(d, &s)
}

/// [`describe`] for every path, in order.
pub(crate) fn describe_all(d: &Dossier, paths: &[FieldPath]) -> Vec<Text> {
    paths.iter().map(|p| describe(d, p)).collect()
}

fn tx(da: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(da, en)
}

/// A name in running text: «…» in Danish, “…” in English, shortened at a word boundary when
/// long (a goal's or a question's whole text would drown the sentence).
fn quoted(name: &str) -> (String, String) {
    let short = shorten(name.trim(), 70);
    (format!("«{short}»"), format!("“{short}”"))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

fn party(d: &Dossier, p: &crate::actors::PartyRef) -> Text {
    d.party_text(p)
}

fn top(d: &Dossier, s: &[S<'_>]) -> Text {
    match s {
        [] => tx("dossieret", "the dossier"),
        [F("agreements")] => tx("aftalerne", "the agreements"),
        [F("agreements"), I(i), rest @ ..] => match d.agreements.get(*i) {
            Some(a) => agreement(d, a, rest),
            None => tx("en aftale", "an agreement"),
        },
        [F("posts"), I(i), rest @ ..] => match d.posts.get(*i) {
            Some(p) => {
                let (qd, qe) = quoted(&p.title);
                let at = party(d, &p.party);
                let (da, en) = (
                    format!("posten {qd} hos {}", at.da),
                    format!("the post {qe} at {}", at.en),
                );
                match rest {
                    [F("holders"), ..] => tx(
                        format!("hvem der har haft {da}"),
                        format!("who has held {en}"),
                    ),
                    _ => tx(da, en),
                }
            }
            None => tx("en post", "a post"),
        },
        [F("posts"), ..] => tx("posterne", "the posts"),
        [F("people"), ..] => tx("en person i dossieret", "a person in the dossier"),
        [F("organisations"), I(i), ..] => match d.organisations.get(*i) {
            Some(o) if o.is_individual() => tx(
                format!("organisationen {}", o.public_label(Some(Lang::Da))),
                format!("the organisation {}", o.public_label(Some(Lang::En))),
            ),
            Some(o) => tx(
                format!("organisationen {}", o.name),
                format!("the organisation {}", o.name),
            ),
            None => tx("en organisation", "an organisation"),
        },
        [F("municipalities"), I(i), ..] => match d.municipalities.get(*i) {
            Some(m) => tx(m.name.clone(), m.name.clone()),
            None => tx("en kommune", "a municipality"),
        },
        [F("checklists"), rest @ ..] => checklists(d, rest),
        [F("cohorts"), I(i), rest @ ..] => match d.cohorts.get(*i) {
            Some(c) => {
                let (qd, qe) = quoted(&c.title);
                match rest {
                    [F("newcomers"), ..] => tx(
                        format!("en nyankommen i kohorten {qd}"),
                        format!("a newcomer in the cohort {qe}"),
                    ),
                    [F("introductions"), ..] => tx(
                        format!("introduktionerne i kohorten {qd}"),
                        format!("the introductions in the cohort {qe}"),
                    ),
                    [F("plan"), ..] => tx(
                        format!("introduktionsplanen for kohorten {qd}"),
                        format!("the introduction plan of the cohort {qe}"),
                    ),
                    _ => tx(format!("kohorten {qd}"), format!("the cohort {qe}")),
                }
            }
            None => tx("en kohorte", "a cohort"),
        },
        [F("cohorts"), ..] => tx("kohorterne", "the cohorts"),
        [F("offers"), I(i), ..] => match d.offers.get(*i) {
            Some(o) => {
                let (qd, qe) = quoted(&o.title);
                tx(
                    format!("frivilligtilbuddet {qd}"),
                    format!("the volunteer offer {qe}"),
                )
            }
            None => tx("et frivilligtilbud", "a volunteer offer"),
        },
        [F("offers"), ..] => tx("frivilligtilbuddene", "the volunteer offers"),
        [F("surveys"), I(i), ..] => match d.surveys.get(*i) {
            Some(r) => {
                let (qd, qe) = quoted(&r.title);
                tx(format!("undersøgelsen {qd}"), format!("the survey {qe}"))
            }
            None => tx("en undersøgelse", "a survey"),
        },
        [F("surveys"), ..] => tx("evalueringsundersøgelserne", "the evaluation surveys"),
        [F("match_runs"), I(i), ..] => tx(
            format!("matchkørsel nr. {}", i.saturating_add(1)),
            format!("match run no. {}", i.saturating_add(1)),
        ),
        [F("match_runs"), ..] => tx("matchkørslerne", "the match runs"),
        [F("relationships"), ..] => tx(
            "forløbene mellem frivillige og nyankomne",
            "the relationships between volunteers and newcomers",
        ),
        [F("rule_sets"), ..] => tx("reglerne for matchning", "the matching rules"),
        [F("privacy"), ..] => tx("samtykker og hjemler", "the consents and legal bases"),
        [F("directory"), ..] => tx("foreningsoversigten", "the association directory"),
        [F("places"), ..] => tx("stederne", "the places"),
        [F("outcomes"), ..] => tx("resultaterne", "the outcomes"),
        _ => tx("en del af dossieret", "a part of the dossier"),
    }
}

fn agreement(d: &Dossier, a: &Agreement, s: &[S<'_>]) -> Text {
    match s {
        [F("versions")] => tx("aftalens versioner", "the agreement's versions"),
        [F("versions"), I(k), rest @ ..] => match a.versions.get(*k) {
            Some(v) => version(d, v, rest),
            None => tx("en version af aftalen", "a version of the agreement"),
        },
        [F("history"), ..] => tx("aftalens statushistorik", "the agreement's status history"),
        [F("status"), ..] => tx("aftalens status", "the agreement's status"),
        [F("meetings")] => tx("de afholdte møder", "the meetings held"),
        [F("meetings"), I(j), rest @ ..] => match a.meetings.get(*j) {
            Some(m) => {
                let forum = a
                    .versions
                    .iter()
                    .rev()
                    .flat_map(|v| v.terms.routines.iter())
                    .find(|f| f.id == m.forum)
                    .map(|f| f.name.as_str());
                let (da, en) = match forum {
                    Some(name) => {
                        let (qd, qe) = quoted(name);
                        (format!("mødet {qd}"), format!("the {qe} meeting"))
                    }
                    None => ("mødet".to_owned(), "the meeting".to_owned()),
                };
                let (da, en) = (
                    format!("{da} den {}", date::long(Lang::Da, m.held_on)),
                    format!("{en} on {}", date::long(Lang::En, m.held_on)),
                );
                match rest {
                    [F("invited_on"), ..] => tx(
                        format!("indkaldelsen til {da}"),
                        format!("the invitation to {en}"),
                    ),
                    [F("agenda_sent"), ..] => tx(
                        format!("dagsordenen til {da}"),
                        format!("the agenda for {en}"),
                    ),
                    _ => tx(da, en),
                }
            }
            None => tx("et afholdt møde", "a meeting held"),
        },
        [F("committee_briefings"), I(j), ..] => match a.committee_briefings.get(*j) {
            Some(b) => {
                let (qd, qe) = quoted(&b.committee);
                tx(
                    format!("orienteringen af {qd} den {}", date::long(Lang::Da, b.on)),
                    format!("the briefing of {qe} on {}", date::long(Lang::En, b.on)),
                )
            }
            None => tx("en orientering af et udvalg", "a committee briefing"),
        },
        [F("committee_briefings"), ..] => tx(
            "orienteringerne af de politiske udvalg",
            "the briefings of the political committees",
        ),
        [F("process"), ..] => tx("partnerskabsforløbet", "the partnership process"),
        _ => tx("aftalen", "the agreement"),
    }
}

/// A part of a version's terms, followed by the version: "…, aftalens version 2".
fn version(d: &Dossier, v: &AgreementVersion, s: &[S<'_>]) -> Text {
    let n = v.number;
    let part = match s {
        [F("terms"), rest @ ..] => terms(d, v, rest),
        [F("amendment"), ..] => Some(tx("ændringen", "the amendment")),
        _ => None,
    };
    match part {
        Some(p) => tx(
            format!("{}, aftalens version {n}", p.da),
            format!("{}, agreement version {n}", p.en),
        ),
        None => tx(
            format!("aftalens version {n}"),
            format!("agreement version {n}"),
        ),
    }
}

fn terms(d: &Dossier, v: &AgreementVersion, s: &[S<'_>]) -> Option<Text> {
    let t = &v.terms;
    Some(match s {
        [] => return None,
        [F("title"), ..] => tx("aftalens titel", "the agreement's title"),
        [F("purpose"), ..] => tx("formålet", "the purpose"),
        [F("parties")] => tx("parterne", "the parties"),
        [F("parties"), I(j), rest @ ..] => match t.parties.get(*j) {
            Some(p) => {
                let name = party(d, &p.party);
                match rest {
                    [F("signatory"), ..] => tx(
                        format!("hvem der skriver under for {}", name.da),
                        format!("who signs for {}", name.en),
                    ),
                    _ => tx(
                        format!("parten {}", name.da),
                        format!("the party {}", name.en),
                    ),
                }
            }
            None => tx("en part", "a party"),
        },
        [F("goals")] => tx("de fælles mål", "the shared goals"),
        [F("goals"), I(j), rest @ ..] => match t.goals.get(*j) {
            Some(g) => {
                let (qd, qe) = quoted(&g.text);
                match rest {
                    [F("text"), ..] => tx(
                        format!("ordlyden af målet {qd}"),
                        format!("the wording of the goal {qe}"),
                    ),
                    [F("indicator"), ..] => tx(
                        format!("indikatoren for målet {qd}"),
                        format!("the indicator for the goal {qe}"),
                    ),
                    _ => tx(format!("målet {qd}"), format!("the goal {qe}")),
                }
            }
            None => tx("et mål", "a goal"),
        },
        [F("activities")] => tx("aktiviteterne", "the activities"),
        [F("activities"), I(j), ..] => match t.activities.get(*j) {
            Some(a) => {
                let (qd, qe) = quoted(&a.name);
                tx(format!("aktiviteten {qd}"), format!("the activity {qe}"))
            }
            None => tx("en aktivitet", "an activity"),
        },
        [F("governance"), F("steering_group"), ..] => tx("styregruppen", "the steering group"),
        [F("governance"), F("coordinators"), ..] => tx("koordinatorerne", "the coordinators"),
        [F("governance"), F("volunteer_representative"), ..] => tx(
            "de frivilliges repræsentant",
            "the volunteers' representative",
        ),
        [F("governance"), ..] => tx("styringen af samarbejdet", "the governance"),
        [F("routines")] => tx("de faste møder", "the fixed meetings"),
        [F("routines"), I(j), rest @ ..] => match t.routines.get(*j) {
            Some(f) => {
                let (qd, qe) = quoted(&f.name);
                let (da, en) = (
                    format!("mødet {qd} ({})", f.cadence.describe(Lang::Da)),
                    format!("the {qe} meeting ({})", f.cadence.describe(Lang::En)),
                );
                let (pd, pe) = match rest {
                    [F("notice_days"), ..] => ("varslet for ", "the notice for "),
                    [F("usual_time"), ..] => ("tidspunktet for ", "the time of "),
                    [F("participants"), ..] => ("deltagerne i ", "who takes part in "),
                    [F("cadence"), ..] => ("hvor ofte der holdes ", "how often there is "),
                    [F("convened_by"), ..] => ("hvem der indkalder til ", "who convenes "),
                    _ => ("", ""),
                };
                tx(format!("{pd}{da}"), format!("{pe}{en}"))
            }
            None => tx("et fast møde", "a fixed meeting"),
        },
        [F("resources")] => tx("koordineringstiden", "the coordination time"),
        [F("resources"), I(j), ..] => match t.resources.get(*j) {
            Some(r) => {
                let name = party(d, &r.party);
                tx(
                    format!("koordineringstiden hos {}", name.da),
                    format!("the coordination time of {}", name.en),
                )
            }
            None => tx("koordineringstiden", "the coordination time"),
        },
        [F("decision_making"), ..] => {
            tx("hvordan der træffes beslutninger", "how decisions are made")
        }
        [F("disagreement_handling"), ..] => tx(
            "hvordan uenigheder håndteres",
            "how disagreements are handled",
        ),
        [F("definitions")] => tx("begrebsafklaringen", "the definitions"),
        [F("definitions"), I(j), ..] => match t.definitions.get(*j) {
            Some(def) => {
                let (qd, qe) = quoted(&def.term);
                tx(
                    format!("definitionen af {qd}"),
                    format!("the definition of {qe}"),
                )
            }
            None => tx("begrebsafklaringen", "the definitions"),
        },
        [F("term"), F("review_dates"), ..] => tx("de planlagte revisioner", "the planned reviews"),
        [F("term"), F("end"), ..] => tx("aftalens slutdato", "the agreement's end date"),
        [F("term"), F("start"), ..] => tx("aftalens startdato", "the agreement's start date"),
        [F("term"), ..] => tx("aftaleperioden", "the term of the agreement"),
        [F("exit"), ..] => tx("vilkårene for at træde ud", "the exit terms"),
        [F("stage"), ..] => tx("samarbejdets fase", "the stage of the cooperation"),
        [F("cooperation_level"), ..] => tx("samarbejdsniveauet", "the level of cooperation"),
        [F("place"), ..] => tx("stedet", "the place"),
        [F("roles"), rest @ ..] => roles(d, v, rest),
        _ => return None,
    })
}

fn roles(d: &Dossier, v: &AgreementVersion, s: &[S<'_>]) -> Text {
    let t = &v.terms;
    let whole = || {
        tx(
            "rolle- og ansvarsfordelingen",
            "the role and responsibility split",
        )
    };
    // The path is only for the task catalogue's lookups; no finding is made here.
    let terms_path = FieldPath::root();
    let scope = Scope::new(d, t, &terms_path);
    match s {
        [F("assignments"), I(j), ..] => match t.roles.assignments.get(*j) {
            Some(asg) => {
                let name = party(d, &asg.party);
                match scope.resolve(&asg.task) {
                    Some(task) => {
                        let (qd, _) = quoted(task.name.get(Lang::Da));
                        let (_, qe) = quoted(task.name.get(Lang::En));
                        tx(
                            format!("rollen for {} i opgaven {qd}", name.da),
                            format!("the role of {} in the task {qe}", name.en),
                        )
                    }
                    None => tx(
                        format!("en rolle for {}", name.da),
                        format!("a role of {}", name.en),
                    ),
                }
            }
            None => whole(),
        },
        [F("tasks"), I(j), ..] => match t.roles.tasks.get(*j) {
            Some(task) => {
                let (qd, qe) = quoted(&task.name);
                tx(format!("opgaven {qd}"), format!("the task {qe}"))
            }
            None => whole(),
        },
        _ => whole(),
    }
}

fn checklists(d: &Dossier, s: &[S<'_>]) -> Text {
    let c = &d.checklists;
    let template_title = |id: &crate::ids::TemplateId, version: Option<u32>| {
        crate::checklists::workflow::checklist_template(d, id, version).map(|t| t.title.clone())
    };
    match s {
        [F("sessions"), I(i), rest @ ..] => match c.sessions.get(*i) {
            Some(session) => {
                let who = party(d, &session.party);
                let template = crate::checklists::workflow::checklist_template(
                    d,
                    &session.template,
                    Some(session.template_version),
                );
                let title = template
                    .map(|t| t.title.clone())
                    .unwrap_or_else(|| tx("tjeklisten", "the checklist"));
                let (td, _) = quoted(&title.da);
                let (_, te) = quoted(&title.en);
                let (sd, se) = (
                    format!("besvarelsen af tjeklisten {td} fra {}", who.da),
                    format!("the answers of {} to the checklist {te}", who.en),
                );
                match rest {
                    [F("answers"), I(j), ..] => {
                        let item = session
                            .answers
                            .get(*j)
                            .and_then(|ans| template.and_then(|t| t.item(&ans.item)));
                        match item {
                            Some(item) => {
                                let (qd, _) = quoted(&item.text.da);
                                let (_, qe) = quoted(&item.text.en);
                                tx(
                                    format!("svaret fra {} på {qd} i tjeklisten {td}", who.da),
                                    format!(
                                        "the answer from {} to {qe} in the checklist {te}",
                                        who.en
                                    ),
                                )
                            }
                            None => tx(format!("et svar i {sd}"), format!("an answer in {se}")),
                        }
                    }
                    _ => tx(sd, se),
                }
            }
            None => tx("en besvarelse af en tjekliste", "a checklist's answers"),
        },
        [F("requirements"), I(i), ..] => match c.requirements.get(*i) {
            Some(r) => {
                let title = template_title(&r.template, None)
                    .unwrap_or_else(|| tx("en tjekliste", "a checklist"));
                let (qd, _) = quoted(&title.da);
                let (_, qe) = quoted(&title.en);
                tx(
                    format!("kravet om tjeklisten {qd}"),
                    format!("the requirement of the checklist {qe}"),
                )
            }
            None => tx("kravene om tjeklister", "the checklist requirements"),
        },
        [F("templates"), I(i), ..] => match c.templates.get(*i) {
            Some(t) => {
                let (qd, _) = quoted(&t.title.da);
                let (_, qe) = quoted(&t.title.en);
                tx(
                    format!("tjeklisteskabelonen {qd}"),
                    format!("the checklist template {qe}"),
                )
            }
            None => tx("tjeklisteskabelonerne", "the checklist templates"),
        },
        [F("resolutions"), ..] => tx(
            "afklaringerne af tjeklistepunkter",
            "the resolutions of checklist items",
        ),
        _ => tx("tjeklisterne", "the checklists"),
    }
}
