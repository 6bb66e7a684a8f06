//! Analysis of a split: the findings that say whether who-does-what will hold, each with a
//! stable `roles.*` code, a severity, a path, Danish and English text, and its source.

use super::model::codes::RolesCode;
use super::model::split::{Assignment, Raci, RoleOptions, TaskRef};
use super::tasks::{Located, RoleTask, Scope};
use crate::actors::{DepartmentKind, PartyRef};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, sort_findings};
use crate::i18n::{Label, Lang, Text};
use crate::ids::{AgreementId, PersonId, PostId};
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub(crate) fn analyse_roles(
    dossier: &Dossier,
    agreement: &AgreementId,
    options: impl Into<RoleOptions>,
) -> Result<Vec<Finding>, crate::error::BrobyggerError> {
    let options = options.into();
    let at = Located::find(dossier, agreement, options.version)?;
    let path = at.terms_path();
    let scope = Scope::new(dossier, at.terms(), &path);
    Ok(analyse(&scope, options.as_of))
}

/// The analysis findings for version `version_index` of agreement `index`, post holders on
/// `as_of` (what the health assessment weighs); nothing for positions that do not exist.
pub(crate) fn analyse_version(
    d: &Dossier,
    index: usize,
    version_index: usize,
    as_of: Option<NaiveDate>,
) -> Vec<Finding> {
    let Some(agreement) = d.agreements.get(index) else {
        return Vec::new();
    };
    if version_index >= agreement.versions.len() {
        return Vec::new();
    }
    let at = Located {
        agreement,
        index,
        version_index,
    };
    let path = at.terms_path();
    let scope = Scope::new(d, at.terms(), &path);
    analyse(&scope, as_of)
}

/// The statutory line on one version's terms: every assignment that makes a party outside the
/// municipality Responsible or Accountable for a statutory municipal duty, naming the task and
/// the statute. No override passes it: signing and activation refuse it whatever the policy
/// (`crate::lifecycle`), and validation reports it for every binding agreement, so neither an
/// amendment nor a file edited by hand can put it back.
pub(crate) fn statutory_line(
    dossier: &Dossier,
    terms: &crate::agreement::AgreementTerms,
    terms_path: &FieldPath,
) -> Vec<Finding> {
    let scope = Scope::new(dossier, terms, terms_path);
    let code = RolesCode::StatutoryOutsideMunicipality.code();
    analyse(&scope, None)
        .into_iter()
        .filter(|f| f.code == code)
        .collect()
}

/// The analysis findings for one version's split, sorted.
pub(crate) fn analyse(scope: &Scope<'_>, as_of: Option<NaiveDate>) -> Vec<Finding> {
    let mut a = Analysis {
        scope,
        as_of,
        out: Vec::new(),
    };
    a.run();
    let mut out = a.out;
    sort_findings(&mut out);
    out
}

struct Analysis<'s, 'a> {
    scope: &'s Scope<'a>,
    as_of: Option<NaiveDate>,
    out: Vec<Finding>,
}

impl Analysis<'_, '_> {
    /// A party as people read it (a champion by its kind, never its name).
    fn label(&self, party: &PartyRef) -> Text {
        self.scope.dossier.party_text(party)
    }

    fn push(&mut self, code: RolesCode, path: FieldPath, da: String, en: String) {
        self.out.push(Finding::of(code, path, Text::new(da, en)));
    }

    fn run(&mut self) {
        let split = self.scope.split();
        if split.assignments.is_empty() {
            self.push(
                RolesCode::NoSplit,
                self.scope.terms_path.clone(),
                "Aftalen har ingen rolle- og ansvarsfordeling: skriv ned, hvem der udfører, har ansvaret for, konsulteres om og informeres om hver opgave.".into(),
                "The agreement has no role and responsibility split: write down who is responsible, accountable, consulted and informed for each task.".into(),
            );
            return;
        }
        for task in self.scope.tasks_in_play(false) {
            self.task(&task);
        }
        self.load();
        self.continuity();
        self.departments();
    }

    fn task(&mut self, task: &RoleTask) {
        let split = self.scope.split();
        let cells: Vec<(usize, &Assignment)> = split.assignments_of(&task.task).collect();
        let key = &task.key;
        if cells.is_empty() {
            // An activity nobody took on is the gap 001 warns about; an unused custom task is
            // one nobody carries yet. Unused catalogue tasks are simply not part of the split.
            match task.task {
                TaskRef::Activity { .. } => self.push(
                    RolesCode::ActivityWithoutTask,
                    self.scope.task_path(&task.task),
                    format!("Aktiviteten '{}' har ingen roller: ingen udfører eller har ansvaret for den.", task.name.da),
                    format!("The activity '{}' has no roles: nobody is responsible or accountable for it.", task.name.en),
                ),
                TaskRef::Custom { .. } => self.push(
                    RolesCode::NoResponsible,
                    self.scope.task_path(&task.task),
                    format!("Ingen udfører eller har ansvaret for opgaven '{key}'."),
                    format!("Nobody is responsible or accountable for the task '{key}'."),
                ),
                TaskRef::Catalogue { .. } => {}
            }
            return;
        }
        let with = |role: Raci| -> Vec<(usize, &Assignment)> {
            cells
                .iter()
                .copied()
                .filter(|(_, a)| a.role == role)
                .collect()
        };
        let responsible = with(Raci::Responsible);
        let accountable = with(Raci::Accountable);
        if responsible.is_empty() {
            self.push(
                RolesCode::NoResponsible,
                self.scope.task_path(&task.task),
                format!("Ingen udfører opgaven '{key}'."),
                format!("Nobody is responsible for the task '{key}'."),
            );
        }
        match accountable.as_slice() {
            [] => self.push(
                RolesCode::NoAccountable,
                self.scope.task_path(&task.task),
                format!(
                    "Ingen har ansvaret for opgaven '{key}'; der skal være præcis én ansvarlig."
                ),
                format!("Nobody is accountable for the task '{key}'; there must be exactly one."),
            ),
            [_] => {}
            [(_, first), rest @ ..] => {
                for (j, a) in rest {
                    let (x, y) = (self.label(&first.party), self.label(&a.party));
                    self.push(
                        RolesCode::MultipleAccountable,
                        self.scope.assignment_path(*j).field("role"),
                        format!("Både {} og {} er ansvarlige for opgaven '{key}'; der skal være præcis én ansvarlig.", x.da, y.da),
                        format!("Both {} and {} are accountable for the task '{key}'; there must be exactly one.", x.en, y.en),
                    );
                }
            }
        }
        if task.statutory {
            // The statute is named, so the refusal says what the line rests on.
            let (basis_da, basis_en) = match &task.legal_basis {
                Some(b) => (format!(" efter {b}"), format!(" under {b}")),
                None => (String::new(), String::new()),
            };
            for (j, a) in cells.iter().filter(|(_, a)| a.role.carries()) {
                if !a.party.is_municipal() {
                    let role = a.role.letter();
                    let who = self.label(&a.party);
                    self.push(
                        RolesCode::StatutoryOutsideMunicipality,
                        self.scope.assignment_path(*j),
                        format!("'{key}' er en lovpligtig kommunal opgave{}, men {} er {role} for den. Kommunen har myndighedsansvaret; frivillige kan højst konsulteres eller informeres.", basis_da, who.da),
                        format!("'{key}' is a statutory municipal duty{}, but {} is {role} for it. The municipality holds the statutory duty; volunteers can at most be consulted or informed.", basis_en, who.en),
                    );
                }
            }
        }
        self.double_coverage(key, &responsible);
        if let TaskRef::Activity { activity } = &task.task
            && let Some(lead) = self
                .scope
                .terms
                .activities
                .iter()
                .find(|a| &a.id == activity)
                .and_then(|a| a.lead.as_ref())
            && !responsible.is_empty()
            && !responsible
                .iter()
                .any(|(_, a)| lead.covers(&a.party) || a.party.covers(lead))
        {
            let lead = self.label(lead);
            self.push(
                RolesCode::LeadNotResponsible,
                self.scope.task_path(&task.task),
                format!(
                    "Aktiviteten ledes af {}, men {} er ikke udfører i rollefordelingen.",
                    lead.da, lead.da
                ),
                format!(
                    "The activity is led by {}, but {} is not responsible in the split.",
                    lead.en, lead.en
                ),
            );
        }
    }

    /// Two Responsible parties need a place to coordinate: a meeting forum both take part in.
    /// Parties of which one covers the other (a municipality and its department) coordinate
    /// internally.
    fn double_coverage(&mut self, key: &str, responsible: &[(usize, &Assignment)]) {
        let mut reported = false;
        for (i, (_, a)) in responsible.iter().enumerate() {
            for (j, b) in &responsible[i + 1..] {
                if reported || a.party.covers(&b.party) || b.party.covers(&a.party) {
                    continue;
                }
                if !self.share_a_forum(&a.party, &b.party) {
                    let (x, y) = (self.label(&a.party), self.label(&b.party));
                    self.push(
                        RolesCode::DoubleCoverage,
                        self.scope.assignment_path(*j),
                        format!("Både {} og {} udfører opgaven '{key}', men de har intet fælles mødeforum at koordinere i. Aftal koordineringen eller gør én af dem til udfører, så ingen opgave dækkes dobbelt.", x.da, y.da),
                        format!("Both {} and {} are responsible for the task '{key}', but they share no meeting forum to coordinate in. Agree how they coordinate or make one of them responsible, so that nothing is covered twice.", x.en, y.en),
                    );
                    // One finding per task says what needs doing; more would repeat it.
                    reported = true;
                }
            }
        }
    }

    fn share_a_forum(&self, a: &PartyRef, b: &PartyRef) -> bool {
        let takes_part =
            |participants: &[PartyRef], p: &PartyRef| participants.iter().any(|q| q.covers(p));
        self.scope
            .terms
            .routines
            .iter()
            .any(|f| takes_part(&f.participants, a) && takes_part(&f.participants, b))
    }

    /// Responsible hours per party against the coordination time it declared. Parties are
    /// compared as named: a department's hours against the department's own commitment.
    fn load(&mut self) {
        let split = self.scope.split();
        let mut load: BTreeMap<&PartyRef, (f64, usize)> = BTreeMap::new();
        for (j, a) in split.assignments.iter().enumerate() {
            if a.role != Raci::Responsible {
                continue;
            }
            if let Some(h) = a.hours_per_month.filter(|h| h.is_finite() && *h > 0.0) {
                let e = load.entry(&a.party).or_insert((0.0, j));
                e.0 += h;
            }
        }
        for (party, (hours, first)) in load {
            let declared: Vec<(usize, f64)> = self
                .scope
                .terms
                .resources
                .iter()
                .enumerate()
                .filter(|(_, r)| &r.party == party)
                .map(|(k, r)| (k, r.coordination_hours_per_month))
                .collect();
            let total: f64 = declared.iter().map(|(_, h)| h).sum();
            // Hours are estimates; a rounding difference is not an overload.
            if hours <= total + 1e-6 {
                continue;
            }
            let who = self.label(party);
            let (path, da, en) = match declared.first() {
                Some((k, _)) => (
                    self.scope.terms_path.field("resources").index(*k),
                    format!(
                        "{} udfører opgaver for {} timer om måneden, men har afsat {} timer til koordinering.",
                        who.da,
                        fmt_hours(hours),
                        fmt_hours(total)
                    ),
                    format!(
                        "{} is responsible for {} hours of tasks a month, but has set aside {} hours for coordination.",
                        who.en,
                        fmt_hours(hours),
                        fmt_hours(total)
                    ),
                ),
                None => (
                    self.scope.assignment_path(first),
                    format!(
                        "{} udfører opgaver for {} timer om måneden, men har ikke afsat tid til koordinering i aftalen.",
                        who.da,
                        fmt_hours(hours)
                    ),
                    format!(
                        "{} is responsible for {} hours of tasks a month, but has set aside no coordination time in the agreement.",
                        who.en,
                        fmt_hours(hours)
                    ),
                ),
            };
            self.push(RolesCode::LoadExceedsHours, path, da, en);
        }
    }

    /// Who actually carries the Accountable assignments, from the posts' holders.
    fn continuity(&mut self) {
        let split = self.scope.split();
        let mut by_party: BTreeMap<&PartyRef, Vec<(usize, Option<PersonId>)>> = BTreeMap::new();
        for (j, a) in split.assignments.iter().enumerate() {
            if !a.role.carries() {
                continue;
            }
            let path = self.scope.assignment_path(j);
            match &a.carried_by {
                None if a.role == Raci::Accountable => {
                    let who = self.label(&a.party);
                    self.push(
                        RolesCode::AccountableWithoutCarrier,
                        path,
                        format!("Ingen post er udpeget til at bære ansvaret for '{}' hos {}; en post overlever et personskifte.", a.task, who.da),
                        format!("No post is named to carry the accountability for '{}' at {}; a post survives a change of person.", a.task, who.en),
                    )
                }
                None => {}
                Some(c) => {
                    let person = self.scope.carrier_person(c, self.as_of);
                    if person.is_none()
                        && let super::model::split::Carrier::Post { post } = c
                        && self.scope.dossier.post(post).is_some()
                    {
                        self.vacant(path, post);
                    }
                    if a.role == Raci::Accountable {
                        by_party.entry(&a.party).or_default().push((j, person));
                    }
                }
            }
        }
        for (party, carried) in by_party {
            let accountable = split
                .assignments
                .iter()
                .filter(|a| &a.party == party && a.role == Raci::Accountable)
                .count();
            if accountable < 2 || carried.len() < accountable {
                continue;
            }
            let first = carried.first().and_then(|(_, p)| p.as_ref());
            if first.is_some() && carried.iter().all(|(_, p)| p.as_ref() == first) {
                let j = carried.first().map(|(j, _)| *j).unwrap_or_default();
                let (all_da, all_en) = if accountable == 2 {
                    ("begge".to_owned(), "both".to_owned())
                } else {
                    (format!("alle {accountable}"), format!("all {accountable}"))
                };
                let who = self.label(party);
                self.push(
                    RolesCode::SinglePointOfFailure,
                    self.scope.assignment_path(j),
                    format!("Én og samme person bærer {all_da} ansvarsområder hos {}. Fordel ansvaret på flere poster, så samarbejdet tåler et personskifte.", who.da),
                    format!("One and the same person carries {all_en} accountabilities of {}. Spread them over more posts so that the cooperation survives a change of person.", who.en),
                );
            }
        }
    }

    fn vacant(&mut self, path: FieldPath, post: &PostId) {
        let when_da = match self.as_of {
            Some(d) => format!(" den {d}"),
            None => " nu".to_owned(),
        };
        let when_en = match self.as_of {
            Some(d) => format!(" on {d}"),
            None => " now".to_owned(),
        };
        self.push(
            RolesCode::VacantCarrier,
            path.field("carried_by"),
            format!("Posten '{post}', der bærer opgaven, er ubesat{when_da}."),
            format!("The post '{post}' carrying the task is vacant{when_en}."),
        );
    }

    /// 001 "Anbefalinger": involve children & schools, social services, the jobcentre and
    /// culture & leisure. A whole-municipality assignment names no department, so it counts for
    /// none of them.
    fn departments(&mut self) {
        let split = self.scope.split();
        let mut municipalities: Vec<&crate::ids::MunicipalityId> = Vec::new();
        for m in self
            .scope
            .terms
            .parties
            .iter()
            .filter_map(|p| p.party.municipality())
        {
            if !municipalities.contains(&m) {
                municipalities.push(m);
            }
        }
        for m in municipalities {
            for kind in DepartmentKind::RECOMMENDED {
                let involved = split.assignments.iter().any(|a| {
                    a.party.municipality() == Some(m)
                        && self
                            .scope
                            .dossier
                            .department(&a.party)
                            .is_some_and(|d| d.kind == kind)
                });
                if !involved {
                    let who = self.label(&PartyRef::Municipality {
                        municipality: m.clone(),
                    });
                    self.push(
                        RolesCode::DepartmentNotInvolved,
                        self.scope.roles_path(),
                        format!("Ingen forvaltning af typen '{}' i {} har en rolle i samarbejdet; evalueringen anbefaler at inddrage børne- og skoleforvaltning, socialforvaltning, jobcenter og kultur- og fritidsforvaltning.", kind.label(Lang::Da), who.da),
                        format!("No '{}' department of {} has a role in the cooperation; the evaluation recommends involving children and schools, social services, the jobcentre and culture and leisure.", kind.label(Lang::En), who.en),
                    );
                }
            }
        }
    }
}

/// Hours without a needless `.0`: `12`, `7.5`.
fn fmt_hours(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round())
    } else {
        format!("{h:.1}")
    }
}
