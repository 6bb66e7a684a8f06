//! The checks that read the dossier, and the driver that runs the whole catalogue.
//!
//! Each check returns a [`CheckRun`]: a credit (`None` when the rule does not apply on the
//! date), a note saying why, the paths it looked at, and a finding for each thing not in order.

use super::catalogue::{AssessmentCode, CheckBasis};
use super::{Assessment, Routed, conclude, external_credit, overall, score, sort_assessed};
use crate::actors::{DepartmentKind, OrganisationKind, PartyRef};
use crate::agreement::{
    ActivityKind, Agreement, AgreementStatus, AgreementTerms, GoalOwner, TimeOfDay, Track,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Label, Lang, Text};
use crate::ids::PostId;
use crate::posts::Post;
use chrono::{NaiveDate, TimeDelta};
use std::collections::HashSet;

/// What one check found.
#[derive(Debug)]
pub(crate) struct CheckRun {
    pub(crate) credit: Option<f64>,
    pub(crate) note: Text,
    pub(crate) evidence: Vec<FieldPath>,
    pub(crate) findings: Vec<RawFinding>,
}

/// A finding before the catalogue adds code, severity, source and advice.
#[derive(Debug)]
pub(crate) struct RawFinding {
    pub(crate) path: FieldPath,
    pub(crate) text: Text,
    pub(crate) evidence: Vec<FieldPath>,
    /// Set for another module's finding, which keeps its own code and text.
    pub(crate) external: Option<Finding>,
}

impl CheckRun {
    fn na(note: Text, evidence: Vec<FieldPath>) -> Self {
        Self {
            credit: None,
            note,
            evidence,
            findings: Vec::new(),
        }
    }

    fn met(note: Text, evidence: Vec<FieldPath>) -> Self {
        Self {
            credit: Some(1.0),
            note,
            evidence,
            findings: Vec::new(),
        }
    }

    /// A credit with the findings that explain why it is below 1.
    fn scored(
        credit: f64,
        note: Text,
        evidence: Vec<FieldPath>,
        findings: Vec<RawFinding>,
    ) -> Self {
        Self {
            credit: Some(credit),
            note,
            evidence,
            findings,
        }
    }

    /// Not met, with one finding at `path` whose evidence is the check's.
    fn failed(note: Text, evidence: Vec<FieldPath>, path: FieldPath, text: Text) -> Self {
        let finding = RawFinding {
            path,
            text,
            evidence: evidence.clone(),
            external: None,
        };
        Self::scored(0.0, note, evidence, vec![finding])
    }
}

fn raw(path: FieldPath, text: Text, evidence: Vec<FieldPath>) -> RawFinding {
    RawFinding {
        path,
        text,
        evidence,
        external: None,
    }
}

fn tx(da: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(da, en)
}

fn days_before(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_sub_signed(TimeDelta::days(n))
        .unwrap_or(NaiveDate::MIN)
}

fn days_after(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(TimeDelta::days(n))
        .unwrap_or(NaiveDate::MAX)
}

fn ratio(good: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        good as f64 / total as f64
    }
}

/// The version in force on `date`: the last one amended on or before it (version 1 from the
/// start; a later version without an amendment record counts from the start too).
pub(crate) fn version_index_on(a: &Agreement, date: NaiveDate) -> Option<usize> {
    let mut found = None;
    for (k, v) in a.versions.iter().enumerate() {
        match &v.amendment {
            Some(am) if am.on > date => {}
            _ => found = Some(k),
        }
    }
    found.or(if a.versions.is_empty() { None } else { Some(0) })
}

/// Runs the whole catalogue on agreement `index` as of `as_of`.
pub(crate) fn assess(
    d: &Dossier,
    index: usize,
    as_of: NaiveDate,
    external: &Routed,
) -> Result<Assessment, BrobyggerError> {
    let a = d
        .agreements
        .get(index)
        .ok_or_else(|| BrobyggerError::not_found("agreement", index))?;
    let k = version_index_on(a, as_of).ok_or_else(|| {
        BrobyggerError::invalid_input(
            "assessment.no_versions",
            &format!("agreements[{index}].versions"),
            "the agreement has no versions to assess",
        )
    })?;
    let version = &a.versions[k];
    let ap = FieldPath::root().field("agreements").index(index);
    let ctx = Ctx {
        d,
        a,
        as_of,
        terms: &version.terms,
        status: a.status_on(as_of),
        tp: ap.field("versions").index(k).field("terms"),
        ap,
    };
    let mut checks = Vec::new();
    let mut findings = Vec::new();
    for code in AssessmentCode::ALL {
        let run = match code.basis() {
            CheckBasis::Model => ctx.run(code),
            CheckBasis::External => external_run(code, external),
        };
        conclude(code, run, &mut checks, &mut findings);
    }
    sort_assessed(&mut findings);
    let dimensions = score(&checks);
    let overall = overall(&dimensions);
    Ok(Assessment {
        agreement: a.id.clone(),
        title: version.terms.title.clone(),
        as_of,
        status: ctx.status,
        version: version.number,
        overall,
        overall_band: overall.map(super::ScoreBand::of),
        dimensions,
        checks,
        findings,
        external_sources: external.sources.clone(),
    })
}

fn external_run(code: AssessmentCode, routed: &Routed) -> CheckRun {
    let sources = code.external_sources();
    let given = routed.sources.iter().any(|s| sources.contains(&s.as_str()));
    if !given {
        let names = sources.join(", ");
        return CheckRun::na(
            tx(
                format!("Ikke vurderet: kræver fund fra modulet {names}."),
                format!("Not assessed: needs findings from the module {names}."),
            ),
            Vec::new(),
        );
    }
    let mine: Vec<&Finding> = routed
        .findings
        .iter()
        .filter(|(c, _)| *c == code)
        .map(|(_, f)| f)
        .collect();
    let credit = external_credit(&mine);
    let evidence: Vec<FieldPath> = mine.iter().map(|f| f.path.clone()).collect();
    let count = |s: crate::Severity| mine.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (
        count(crate::Severity::Error),
        count(crate::Severity::Warning),
    );
    let note = tx(
        format!("{} fund ({errors} fejl, {warnings} advarsler).", mine.len()),
        format!(
            "{} finding(s) ({errors} error(s), {warnings} warning(s)).",
            mine.len()
        ),
    );
    let findings = mine
        .iter()
        .map(|f| RawFinding {
            path: f.path.clone(),
            text: f.text.clone(),
            evidence: vec![f.path.clone()],
            external: Some((*f).clone()),
        })
        .collect();
    CheckRun::scored(credit, note, evidence, findings)
}

/// The civil-society categories 001 "Anbefalinger" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CivilCategory {
    Social,
    Leisure,
    Beyond,
}

impl CivilCategory {
    const ALL: [CivilCategory; 3] = [
        CivilCategory::Social,
        CivilCategory::Leisure,
        CivilCategory::Beyond,
    ];

    fn of(kind: OrganisationKind) -> Option<CivilCategory> {
        use OrganisationKind::*;
        match kind {
            NationalNgo | SocialVolunteerAssociation | VolunteerCentre => {
                Some(CivilCategory::Social)
            }
            LeisureAssociation => Some(CivilCategory::Leisure),
            EthnicMinorityAssociation | InformalMovement | Champion | FaithCommunity => {
                Some(CivilCategory::Beyond)
            }
            HousingOrganisation | Business => None,
        }
    }

    fn text(self) -> Text {
        match self {
            CivilCategory::Social => tx(
                "frivillige sociale foreninger",
                "social volunteer associations",
            ),
            CivilCategory::Leisure => tx(
                "folkeoplysende foreninger (fx idræt)",
                "leisure associations (e.g. sports)",
            ),
            CivilCategory::Beyond => tx(
                "aktører uden for foreningslivet (fx etniske foreninger, Venligboerne, trossamfund)",
                "actors outside associations (e.g. ethnic associations, Venligboerne, faith communities)",
            ),
        }
    }
}

/// Ambiguous terms 003 warns about (and 001's broad notion of co-creation), with the stems
/// that reveal their use in Danish and English text.
const AMBIGUOUS_TERMS: [(&str, &str, &[&str]); 3] = [
    (
        "frivillighed",
        "volunteering",
        &["frivillighed", "volunteering"],
    ),
    (
        "medborgerskab",
        "citizenship",
        &["medborgerskab", "citizenship"],
    ),
    (
        "samskabelse",
        "co-creation",
        &["samskab", "co-creat", "cocreat"],
    ),
];

const SOCIAL_KINDS: [ActivityKind; 6] = [
    ActivityKind::VisitingFriend,
    ActivityKind::ContactFamily,
    ActivityKind::WomensGroup,
    ActivityKind::Excursion,
    ActivityKind::Event,
    ActivityKind::ChildrenLeisure,
];

const JOB_KINDS: [ActivityKind; 3] = [
    ActivityKind::JobMentor,
    ActivityKind::JobNetwork,
    ActivityKind::Internship,
];

struct Ctx<'a> {
    d: &'a Dossier,
    a: &'a Agreement,
    as_of: NaiveDate,
    terms: &'a AgreementTerms,
    status: AgreementStatus,
    ap: FieldPath,
    tp: FieldPath,
}

impl<'a> Ctx<'a> {
    fn run(&self, code: AssessmentCode) -> CheckRun {
        use AssessmentCode::*;
        match code {
            NotFormalised => self.not_formalised(),
            NoRoutines => self.no_routines(),
            NoGroundRules => self.no_ground_rules(),
            NoReviewDates => self.no_review_dates(),
            ReviewOverdue => self.review_overdue(),
            TermExpired => self.term_expired(),
            NoCoordinatorForSide => self.no_coordinator_for_side(),
            NoVolunteerRepresentative => self.no_volunteer_representative(),
            PossibleDoubleCoverage => self.possible_double_coverage(),
            NoSharedGoal => self.no_shared_goal(),
            NoOwnObjectives => self.no_own_objectives(),
            GoalsWithoutIndicator => self.goals_without_indicator(),
            UndefinedTerms => self.undefined_terms(),
            AssociationStandpointUnknown => self.association_standpoint(),
            ShortNotice => self.short_notice(),
            NoAgenda => self.no_agenda(),
            UnsuitedMeetingTime => self.unsuited_meeting_time(),
            RoutineNotKept => self.routine_not_kept(),
            FrequentMeetings => self.frequent_meetings(),
            NoCoordinationTime => self.no_coordination_time(),
            NoManagementPriority => self.no_management_priority(),
            CommitteeNotBriefed => self.committee_not_briefed(),
            ContactChanged => self.contact_changed(),
            PostVacant => self.post_vacant(),
            SinglePersonDependency => self.single_person_dependency(),
            NarrowMunicipalSide => self.narrow_municipal_side(),
            NarrowCivilSociety => self.narrow_civil_society(),
            BusinessNotAtTable => self.business_not_at_table(),
            NoUserTrack => self.no_user_track(),
            NoSocialOffer => self.no_social_offer(),
            NoJobOffer => self.no_job_offer(),
            NotAnchored => self.not_anchored(),
            NoCrossCuttingLeadership => self.no_cross_cutting_leadership(),
            ShortTerm => self.short_term(),
            NotCoCreation => self.not_co_creation(),
            // External checks are run from other modules' findings, never here.
            RoleSplit | StatutoryTasks | ExpectationAlignment | Introductions | Matching => {
                CheckRun::na(tx("", ""), Vec::new())
            }
        }
    }

    // ----- helpers -----

    fn started(&self) -> bool {
        self.terms.term.start <= self.as_of
    }

    fn ended(&self) -> bool {
        self.status == AgreementStatus::Ended
    }

    fn ended_run(&self) -> CheckRun {
        CheckRun::na(
            tx(
                "Aftalen er afsluttet på datoen.",
                "The agreement has ended on the date.",
            ),
            vec![self.ap.field("status")],
        )
    }

    fn window_start(&self) -> NaiveDate {
        days_before(self.as_of, 365)
    }

    /// A party's display name; champions (individuals) by their kind and id only.
    fn party_text(&self, party: &PartyRef) -> Text {
        self.d.party_text(party)
    }

    fn post(&self, id: &PostId) -> Option<(usize, &'a Post)> {
        self.d.posts.iter().enumerate().find(|(_, p)| &p.id == id)
    }

    fn post_path(&self, index: usize) -> FieldPath {
        FieldPath::root().field("posts").index(index)
    }

    /// Governance posts: coordinators, steering group, volunteer representative (deduplicated).
    fn governance_posts(&self) -> Vec<(usize, &'a Post)> {
        let g = &self.terms.governance;
        let ids = g
            .coordinators
            .iter()
            .chain(g.volunteer_representative.iter())
            .chain(g.steering_group.iter());
        let mut out: Vec<(usize, &'a Post)> = Vec::new();
        for id in ids {
            if let Some((i, p)) = self.post(id)
                && !out.iter().any(|(j, _)| *j == i)
            {
                out.push((i, p));
            }
        }
        out
    }

    /// Governance posts, signatories, and contact posts tied to the agreement.
    fn central_posts(&self) -> Vec<(usize, &'a Post)> {
        let mut out = self.governance_posts();
        // A set, not a scan of `out`: a dossier can hold thousands of posts.
        let mut seen: HashSet<usize> = out.iter().map(|(i, _)| *i).collect();
        let signatories = self
            .terms
            .parties
            .iter()
            .filter_map(|p| p.signatory.as_ref());
        for id in signatories {
            if let Some((i, p)) = self.post(id)
                && seen.insert(i)
            {
                out.push((i, p));
            }
        }
        for (i, p) in self.d.posts.iter().enumerate() {
            if p.agreement.as_ref() == Some(&self.a.id) && p.kind.is_contact() && seen.insert(i) {
                out.push((i, p));
            }
        }
        out
    }

    fn has_municipal(&self) -> bool {
        self.terms.parties.iter().any(|p| p.party.is_municipal())
    }

    fn has_civil(&self) -> bool {
        self.terms.parties.iter().any(|p| !p.party.is_municipal())
    }

    fn org_kind(&self, party: &PartyRef) -> Option<OrganisationKind> {
        match party {
            PartyRef::Organisation { organisation } => {
                self.d.organisation(organisation).map(|o| o.kind)
            }
            _ => None,
        }
    }

    /// Whether a party reference names something with volunteers (an organisation).
    fn forum_has_volunteers(&self, f: &crate::agreement::MeetingForum) -> bool {
        if f.participants.is_empty() {
            self.has_civil()
        } else {
            f.participants.iter().any(|p| !p.is_municipal())
        }
    }

    /// The forum with `id` in the version in force on `date`, with its path.
    fn forum_on(
        &self,
        id: &crate::ids::ForumId,
        date: NaiveDate,
    ) -> Option<(&'a crate::agreement::MeetingForum, FieldPath)> {
        let k = version_index_on(self.a, date)?;
        let v = self.a.versions.get(k)?;
        let (j, f) = v
            .terms
            .routines
            .iter()
            .enumerate()
            .find(|(_, f)| &f.id == id)?;
        Some((
            f,
            self.ap
                .field("versions")
                .index(k)
                .field("terms")
                .field("routines")
                .index(j),
        ))
    }

    /// Meetings held in the 12 months up to the date, with their index.
    fn recent_meetings(&self) -> Vec<(usize, &'a crate::agreement::MeetingRecord)> {
        let from = self.window_start();
        self.a
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| m.held_on > from && m.held_on <= self.as_of)
            .collect()
    }

    // ----- formalisation -----

    fn not_formalised(&self) -> CheckRun {
        let evidence = vec![
            self.ap.field("status"),
            self.ap.field("history"),
            self.tp.field("term").field("start"),
        ];
        if self.ended() {
            return self.ended_run();
        }
        let label = super::status_text(self.status);
        if self.status.is_binding() {
            return CheckRun::met(
                tx(
                    format!("Aftalen er underskrevet (status: {}).", label.da),
                    format!("The agreement is signed (status: {}).", label.en),
                ),
                evidence,
            );
        }
        if !self.started() {
            return CheckRun::na(
                tx(
                    "Samarbejdet er ikke startet endnu; aftalen er under udarbejdelse.",
                    "The cooperation has not started yet; the agreement is being prepared.",
                ),
                evidence,
            );
        }
        let start = self.terms.term.start;
        CheckRun::failed(
            tx("Ikke underskrevet.", "Not signed."),
            evidence,
            self.ap.field("status"),
            tx(
                format!(
                    "Samarbejdet startede {start}, men aftalen er stadig {}: det hviler på mundtlige aftaler.",
                    label.da
                ),
                format!(
                    "The cooperation started on {start}, but the agreement is still {}: it rests on oral arrangements.",
                    label.en
                ),
            ),
        )
    }

    fn no_routines(&self) -> CheckRun {
        let evidence = vec![self.tp.field("routines")];
        let n = self.terms.routines.len();
        if n > 0 {
            return CheckRun::met(
                tx(
                    format!("{n} faste mødefora er aftalt."),
                    format!("{n} fixed meeting forum(s) agreed."),
                ),
                evidence,
            );
        }
        CheckRun::failed(
            tx("Ingen faste mødefora.", "No fixed meeting forums."),
            evidence,
            self.tp.field("routines"),
            tx(
                "Aftalen har ingen faste mødefora eller rutiner.",
                "The agreement has no fixed meeting forums or routines.",
            ),
        )
    }

    fn no_ground_rules(&self) -> CheckRun {
        let dm = self.tp.field("decision_making");
        let dh = self.tp.field("disagreement_handling");
        let evidence = vec![dm.clone(), dh.clone()];
        let written = |s: &Option<String>| s.as_ref().is_some_and(|s| !s.trim().is_empty());
        let mut findings = Vec::new();
        if !written(&self.terms.decision_making) {
            findings.push(raw(
                dm.clone(),
                tx(
                    "Aftalen siger ikke, hvordan der træffes beslutninger.",
                    "The agreement does not say how decisions are made.",
                ),
                evidence.clone(),
            ));
        }
        if !written(&self.terms.disagreement_handling) {
            findings.push(raw(
                dh.clone(),
                tx(
                    "Aftalen siger ikke, hvordan uenighed håndteres.",
                    "The agreement does not say how disagreements are handled.",
                ),
                evidence.clone(),
            ));
        }
        let have = 2 - findings.len();
        let note = tx(
            format!("{have} af 2 spilleregler er skrevet ned."),
            format!("{have} of 2 ground rules are written down."),
        );
        if findings.is_empty() {
            CheckRun::met(note, evidence)
        } else {
            CheckRun::scored(ratio(have, 2), note, evidence, findings)
        }
    }

    fn no_review_dates(&self) -> CheckRun {
        let p = self.tp.field("term").field("review_dates");
        let n = self.terms.term.review_dates.len();
        if n > 0 {
            return CheckRun::met(
                tx(
                    format!("{n} revisionsdatoer er planlagt."),
                    format!("{n} review date(s) planned."),
                ),
                vec![p],
            );
        }
        CheckRun::failed(
            tx("Ingen planlagte revisioner.", "No planned reviews."),
            vec![p.clone()],
            p,
            tx(
                "Aftalen har ingen datoer for, hvornår parterne gennemgår den sammen.",
                "The agreement has no dates on which the parties review it together.",
            ),
        )
    }

    /// A review date counts as held when the agreement went under review, or was amended,
    /// within 90 days of it; dates less than 30 days ago are not yet due.
    fn review_overdue(&self) -> CheckRun {
        let rp = self.tp.field("term").field("review_dates");
        let evidence = vec![
            rp.clone(),
            self.ap.field("history"),
            self.ap.field("versions"),
        ];
        let due_by = days_before(self.as_of, 30);
        let due: Vec<(usize, NaiveDate)> = self
            .terms
            .term
            .review_dates
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, r)| *r <= due_by && *r >= self.terms.term.start)
            .collect();
        if due.is_empty() {
            return CheckRun::na(
                tx(
                    "Ingen planlagt revision er forfalden på datoen.",
                    "No planned review is due on the date.",
                ),
                evidence,
            );
        }
        let held = |r: NaiveDate| {
            let (lo, hi) = (days_before(r, 90), days_after(r, 90).min(self.as_of));
            let reviewed = self.a.history.iter().any(|e| {
                e.to == AgreementStatus::UnderReview && {
                    let d = e.at.date_naive();
                    d >= lo && d <= hi
                }
            });
            let amended = self
                .a
                .versions
                .iter()
                .filter_map(|v| v.amendment.as_ref())
                .any(|am| am.on >= lo && am.on <= hi);
            reviewed || amended
        };
        let mut findings = Vec::new();
        for (j, r) in &due {
            if !held(*r) {
                findings.push(raw(
                    rp.index(*j),
                    tx(
                        format!("Revisionen planlagt til {r} er ikke registreret (ingen revision eller ny version inden for 90 dage)."),
                        format!("The review planned for {r} is not recorded (no review or new version within 90 days)."),
                    ),
                    evidence.clone(),
                ));
            }
        }
        let ok = due.len() - findings.len();
        let note = tx(
            format!("{ok} af {} forfaldne revisioner er registreret.", due.len()),
            format!("{ok} of {} due reviews are recorded.", due.len()),
        );
        CheckRun::scored(ratio(ok, due.len()), note, evidence, findings)
    }

    fn term_expired(&self) -> CheckRun {
        let ep = self.tp.field("term").field("end");
        let evidence = vec![ep.clone(), self.ap.field("status")];
        if self.ended() {
            return self.ended_run();
        }
        match self.terms.term.end {
            Some(end) if end < self.as_of => {
                let label = super::status_text(self.status);
                CheckRun::failed(
                    tx("Perioden er udløbet.", "The term has run out."),
                    evidence,
                    ep,
                    tx(
                        format!(
                            "Aftalens periode sluttede {end}, men den er stadig registreret som {}.",
                            label.da
                        ),
                        format!(
                            "The agreement's term ended on {end}, but it is still recorded as {}.",
                            label.en
                        ),
                    ),
                )
            }
            Some(end) => CheckRun::met(
                tx(
                    format!("Aftalen gælder til {end}."),
                    format!("The agreement runs until {end}."),
                ),
                evidence,
            ),
            None => CheckRun::met(
                tx(
                    "Aftalen gælder uden slutdato.",
                    "The agreement runs without an end date.",
                ),
                evidence,
            ),
        }
    }

    // ----- roles -----

    fn no_coordinator_for_side(&self) -> CheckRun {
        let cp = self.tp.field("governance").field("coordinators");
        let evidence = vec![cp.clone(), self.tp.field("parties")];
        let parties: Vec<&PartyRef> = self
            .terms
            .governance
            .coordinators
            .iter()
            .filter_map(|id| self.post(id))
            .map(|(_, p)| &p.party)
            .collect();
        let mut required = 0;
        let mut findings = Vec::new();
        if self.has_municipal() {
            required += 1;
            if !parties.iter().any(|p| p.is_municipal()) {
                findings.push(raw(
                    cp.clone(),
                    tx(
                        "Kommunen har ingen tovholder i aftalen.",
                        "The municipality has no coordinator in the agreement.",
                    ),
                    evidence.clone(),
                ));
            }
        }
        if self.has_civil() {
            required += 1;
            if !parties.iter().any(|p| !p.is_municipal()) {
                findings.push(raw(
                    cp.clone(),
                    tx(
                        "Civilsamfundssiden har ingen tovholder i aftalen.",
                        "The civil-society side has no coordinator in the agreement.",
                    ),
                    evidence.clone(),
                ));
            }
        }
        if required == 0 {
            return CheckRun::na(
                tx("Aftalen har ingen parter.", "The agreement has no parties."),
                evidence,
            );
        }
        let ok = required - findings.len();
        let note = tx(
            format!("{ok} af {required} sider har en tovholder."),
            format!("{ok} of {required} side(s) have a coordinator."),
        );
        CheckRun::scored(ratio(ok, required), note, evidence, findings)
    }

    fn no_volunteer_representative(&self) -> CheckRun {
        let p = self
            .tp
            .field("governance")
            .field("volunteer_representative");
        if !self.has_civil() {
            return CheckRun::na(
                tx(
                    "Ingen civilsamfundspart i aftalen.",
                    "No civil-society party to the agreement.",
                ),
                vec![p],
            );
        }
        if self.terms.governance.volunteer_representative.is_some() {
            return CheckRun::met(
                tx(
                    "De frivillige har en repræsentant.",
                    "The volunteers have a representative.",
                ),
                vec![p],
            );
        }
        CheckRun::failed(
            tx("Ingen repræsentant.", "No representative."),
            vec![p.clone()],
            p,
            tx(
                "Der er ikke udpeget en repræsentant for de frivillige som sparringspartner for kommunen.",
                "No volunteer representative is appointed to spar with the municipality.",
            ),
        )
    }

    fn possible_double_coverage(&self) -> CheckRun {
        let ap = self.tp.field("activities");
        let acts: Vec<(usize, &crate::agreement::Activity)> = self
            .terms
            .activities
            .iter()
            .enumerate()
            .filter(|(_, a)| a.track == Track::User && a.lead.is_some())
            .collect();
        if acts.len() < 2 {
            return CheckRun::na(
                tx(
                    "Færre end to aktiviteter med en ansvarlig part at sammenligne.",
                    "Fewer than two activities with a lead party to compare.",
                ),
                vec![ap],
            );
        }
        let norm = |s: &Option<String>| s.as_ref().map(|s| s.trim().to_lowercase());
        let mut findings = Vec::new();
        for (x, (i, a)) in acts.iter().enumerate() {
            for (j, b) in acts.iter().skip(x + 1) {
                let groups_overlap = (a.target_groups.is_empty() && b.target_groups.is_empty())
                    || a.target_groups.iter().any(|g| b.target_groups.contains(g));
                if a.kind == b.kind
                    && a.lead != b.lead
                    && groups_overlap
                    && norm(&a.area) == norm(&b.area)
                {
                    let (pa, pb) = (ap.index(*i), ap.index(*j));
                    findings.push(raw(
                        pb.clone(),
                        tx(
                            format!(
                                "Aktiviteterne «{}» og «{}» er af samme slags for samme målgruppe, men ledes af forskellige parter.",
                                a.name, b.name
                            ),
                            format!(
                                "The activities \"{}\" and \"{}\" are of the same kind for the same target group but led by different parties.",
                                a.name, b.name
                            ),
                        ),
                        vec![pa, pb],
                    ));
                }
            }
        }
        let note = tx(
            format!(
                "{} mulige dobbeltdækninger blandt {} aktiviteter.",
                findings.len(),
                acts.len()
            ),
            format!(
                "{} possible double coverage(s) among {} activities.",
                findings.len(),
                acts.len()
            ),
        );
        if findings.is_empty() {
            CheckRun::met(note, vec![ap])
        } else {
            CheckRun::scored(0.0, note, vec![ap], findings)
        }
    }

    // ----- expectations -----

    fn no_shared_goal(&self) -> CheckRun {
        let gp = self.tp.field("goals");
        let n = self
            .terms
            .goals
            .iter()
            .filter(|g| g.owner == GoalOwner::Shared && !g.text.trim().is_empty())
            .count();
        if n > 0 {
            return CheckRun::met(
                tx(
                    format!("{n} skriftlige fælles mål."),
                    format!("{n} written shared goal(s)."),
                ),
                vec![gp],
            );
        }
        CheckRun::failed(
            tx("Intet fælles mål.", "No shared goal."),
            vec![gp.clone()],
            gp,
            tx(
                "Aftalen har intet skriftligt fælles mål.",
                "The agreement has no written shared goal.",
            ),
        )
    }

    fn no_own_objectives(&self) -> CheckRun {
        let gp = self.tp.field("goals");
        let n = self
            .terms
            .goals
            .iter()
            .filter(|g| matches!(g.owner, GoalOwner::Party { .. }))
            .count();
        if n > 0 {
            return CheckRun::met(
                tx(
                    format!("{n} mål tilhører en enkelt part."),
                    format!("{n} goal(s) belong to a single party."),
                ),
                vec![gp],
            );
        }
        CheckRun::failed(
            tx("Ingen egne mål.", "No own objectives."),
            vec![gp.clone()],
            gp,
            tx(
                "Ingen part har skrevet sine egne mål med samarbejdet ned.",
                "No party has written down its own objectives for the cooperation.",
            ),
        )
    }

    fn goals_without_indicator(&self) -> CheckRun {
        let gp = self.tp.field("goals");
        let shared: Vec<(usize, &crate::agreement::Goal)> = self
            .terms
            .goals
            .iter()
            .enumerate()
            .filter(|(_, g)| g.owner == GoalOwner::Shared)
            .collect();
        if shared.is_empty() {
            return CheckRun::na(tx("Ingen fælles mål.", "No shared goals."), vec![gp]);
        }
        let missing: Vec<FieldPath> = shared
            .iter()
            .filter(|(_, g)| g.indicator.is_none())
            .map(|(j, _)| gp.index(*j))
            .collect();
        let ok = shared.len() - missing.len();
        let note = tx(
            format!("{ok} af {} fælles mål har en indikator.", shared.len()),
            format!("{ok} of {} shared goals have an indicator.", shared.len()),
        );
        if missing.is_empty() {
            return CheckRun::met(note, vec![gp]);
        }
        let finding = raw(
            missing.first().cloned().unwrap_or_else(|| gp.clone()),
            tx(
                format!(
                    "{} fælles mål har ingen indikator at måle fremdriften på.",
                    missing.len()
                ),
                format!(
                    "{} shared goal(s) have no indicator to measure progress by.",
                    missing.len()
                ),
            ),
            missing,
        );
        CheckRun::scored(ratio(ok, shared.len()), note, vec![gp], vec![finding])
    }

    fn undefined_terms(&self) -> CheckRun {
        let dp = self.tp.field("definitions");
        let mut texts: Vec<(FieldPath, String)> = Vec::new();
        if let Some(p) = &self.terms.purpose {
            texts.push((self.tp.field("purpose"), p.to_lowercase()));
        }
        for (j, g) in self.terms.goals.iter().enumerate() {
            texts.push((
                self.tp.field("goals").index(j).field("text"),
                g.text.to_lowercase(),
            ));
        }
        for (j, a) in self.terms.activities.iter().enumerate() {
            texts.push((
                self.tp.field("activities").index(j).field("name"),
                a.name.to_lowercase(),
            ));
        }
        let defined = |stems: &[&str]| {
            self.terms.definitions.iter().any(|d| {
                let term = d.term.to_lowercase();
                stems.iter().any(|s| term.contains(s)) && !d.meaning.trim().is_empty()
            })
        };
        let mut used = 0;
        let mut findings = Vec::new();
        for (da, en, stems) in AMBIGUOUS_TERMS {
            let places: Vec<FieldPath> = texts
                .iter()
                .filter(|(_, t)| stems.iter().any(|s| t.contains(s)))
                .map(|(p, _)| p.clone())
                .collect();
            let Some(first) = places.first().cloned() else {
                continue;
            };
            used += 1;
            if !defined(stems) {
                let mut evidence = places;
                evidence.push(dp.clone());
                findings.push(raw(
                    first,
                    tx(
                        format!("Aftalen bruger begrebet «{da}» uden at definere, hvad parterne mener med det."),
                        format!("The agreement uses the term \"{en}\" without defining what the parties mean by it."),
                    ),
                    evidence,
                ));
            }
        }
        let mut evidence: Vec<FieldPath> = texts.into_iter().map(|(p, _)| p).collect();
        evidence.push(dp);
        if used == 0 {
            return CheckRun::na(
                tx(
                    "Aftalen bruger ingen af de flertydige begreber.",
                    "The agreement uses none of the ambiguous terms.",
                ),
                evidence,
            );
        }
        let ok = used - findings.len();
        let note = tx(
            format!("{ok} af {used} flertydige begreber er defineret."),
            format!("{ok} of {used} ambiguous term(s) are defined."),
        );
        CheckRun::scored(ratio(ok, used), note, evidence, findings)
    }

    fn association_standpoint(&self) -> CheckRun {
        let mut findings = Vec::new();
        let mut evidence = Vec::new();
        let mut shares = Vec::new();
        for ap in &self.terms.parties {
            let PartyRef::Organisation { organisation } = &ap.party else {
                continue;
            };
            let Some((i, o)) = self
                .d
                .organisations
                .iter()
                .enumerate()
                .find(|(_, o)| &o.id == organisation)
            else {
                continue;
            };
            if o.kind != OrganisationKind::EthnicMinorityAssociation {
                continue;
            }
            let pp = FieldPath::root()
                .field("organisations")
                .index(i)
                .field("profile");
            evidence.push(pp.clone());
            let p = &o.profile;
            let facts: [(bool, &str, &str); 7] = [
                (p.purpose.is_some(), "formål", "purpose"),
                (!p.activities.is_empty(), "aktiviteter", "activities"),
                (p.members.is_some(), "medlemstal", "members"),
                (
                    p.active_volunteers.is_some(),
                    "aktive frivillige",
                    "active volunteers",
                ),
                (p.premises.is_some(), "lokaler", "premises"),
                (
                    p.organisation_form.is_some(),
                    "organisering",
                    "organisation",
                ),
                (
                    p.affiliation.is_some(),
                    "lokal eller landsdækkende",
                    "local or national",
                ),
            ];
            let known = facts.iter().filter(|f| f.0).count();
            shares.push(ratio(known, facts.len()));
            if known < facts.len() {
                let missing = |lang: Lang| {
                    facts
                        .iter()
                        .filter(|f| !f.0)
                        .map(|f| if lang == Lang::Da { f.1 } else { f.2 })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let name = self.party_text(&ap.party);
                findings.push(raw(
                    pp.clone(),
                    tx(
                        format!("Om {} mangler: {}.", name.da, missing(Lang::Da)),
                        format!("Unknown about {}: {}.", name.en, missing(Lang::En)),
                    ),
                    vec![pp],
                ));
            }
        }
        if shares.is_empty() {
            return CheckRun::na(
                tx(
                    "Ingen etnisk minoritetsforening er part i aftalen.",
                    "No ethnic minority association is a party to the agreement.",
                ),
                evidence,
            );
        }
        let credit = shares.iter().sum::<f64>() / shares.len() as f64;
        let note = tx(
            format!(
                "{} af {} foreningers ståsted er fuldt kendt.",
                shares.len() - findings.len(),
                shares.len()
            ),
            format!(
                "The standpoint of {} of {} association(s) is fully known.",
                shares.len() - findings.len(),
                shares.len()
            ),
        );
        CheckRun::scored(credit, note, evidence, findings)
    }

    // ----- meetings -----

    fn short_notice(&self) -> CheckRun {
        let mp = self.ap.field("meetings");
        let mut judged = 0;
        let mut findings = Vec::new();
        for (k, m) in self.recent_meetings() {
            let (Some(given), Some((forum, fp))) =
                (m.notice_given(), self.forum_on(&m.forum, m.held_on))
            else {
                continue;
            };
            judged += 1;
            let agreed = i64::from(forum.notice_days);
            if given < agreed {
                findings.push(raw(
                    mp.index(k).field("invited_on"),
                    tx(
                        format!(
                            "Mødet i «{}» {} blev indkaldt {given} dage før; det aftalte varsel er {agreed} dage.",
                            forum.name, m.held_on
                        ),
                        format!(
                            "The \"{}\" meeting on {} was convened {given} days ahead; the agreed notice is {agreed} days.",
                            forum.name, m.held_on
                        ),
                    ),
                    vec![mp.index(k), fp.field("notice_days")],
                ));
            }
        }
        if judged == 0 {
            return CheckRun::na(
                tx(
                    "Ingen møder med kendt indkaldelsesdato i de seneste 12 måneder.",
                    "No meetings with a known invitation date in the last 12 months.",
                ),
                vec![mp],
            );
        }
        let ok = judged - findings.len();
        let note = tx(
            format!(
                "{ok} af {judged} møder i de seneste 12 måneder blev indkaldt med det aftalte varsel."
            ),
            format!(
                "{ok} of {judged} meetings in the last 12 months were convened with the agreed notice."
            ),
        );
        CheckRun::scored(ratio(ok, judged), note, vec![mp], findings)
    }

    fn no_agenda(&self) -> CheckRun {
        let mp = self.ap.field("meetings");
        let recent = self.recent_meetings();
        if recent.is_empty() {
            return CheckRun::na(
                tx(
                    "Ingen møder i de seneste 12 måneder.",
                    "No meetings in the last 12 months.",
                ),
                vec![mp],
            );
        }
        let mut findings = Vec::new();
        for (k, m) in &recent {
            if !m.agenda_sent {
                let name = self
                    .forum_on(&m.forum, m.held_on)
                    .map_or_else(|| m.forum.to_string(), |(f, _)| f.name.clone());
                findings.push(raw(
                    mp.index(*k).field("agenda_sent"),
                    tx(
                        format!(
                            "Mødet i «{name}» {} blev indkaldt uden dagsorden.",
                            m.held_on
                        ),
                        format!(
                            "The \"{name}\" meeting on {} was convened without an agenda.",
                            m.held_on
                        ),
                    ),
                    vec![mp.index(*k)],
                ));
            }
        }
        let ok = recent.len() - findings.len();
        let note = tx(
            format!(
                "{ok} af {} møder i de seneste 12 måneder havde en dagsorden.",
                recent.len()
            ),
            format!(
                "{ok} of {} meetings in the last 12 months had an agenda.",
                recent.len()
            ),
        );
        CheckRun::scored(ratio(ok, recent.len()), note, vec![mp], findings)
    }

    fn unsuited_meeting_time(&self) -> CheckRun {
        let rp = self.tp.field("routines");
        let mut judged = 0;
        let mut findings = Vec::new();
        for (j, f) in self.terms.routines.iter().enumerate() {
            let Some(time) = f.usual_time else { continue };
            if !self.forum_has_volunteers(f) {
                continue;
            }
            judged += 1;
            if matches!(time, TimeOfDay::Morning | TimeOfDay::Daytime) {
                findings.push(raw(
                    rp.index(j).field("usual_time"),
                    tx(
                        format!(
                            "«{}» med frivillige holdes om {}, hvor mange frivillige er på arbejde.",
                            f.name,
                            time.label(Lang::Da)
                        ),
                        format!(
                            "\"{}\" with volunteers meets in the {}, when many volunteers are at work.",
                            f.name,
                            time.label(Lang::En)
                        ),
                    ),
                    vec![rp.index(j).field("usual_time"), rp.index(j).field("participants")],
                ));
            }
        }
        if judged == 0 {
            return CheckRun::na(
                tx(
                    "Ingen mødefora med frivillige og et fast tidspunkt.",
                    "No meeting forums with volunteers and a usual time.",
                ),
                vec![rp],
            );
        }
        let ok = judged - findings.len();
        let note = tx(
            format!(
                "{ok} af {judged} mødefora med frivillige holdes på et tidspunkt, de kan deltage."
            ),
            format!("{ok} of {judged} forums with volunteers meet at a time they can attend."),
        );
        CheckRun::scored(ratio(ok, judged), note, vec![rp], findings)
    }

    /// A forum is kept when it met within twice its cadence before the date (counted from the
    /// start of the term, or from when the forum was agreed, if it has not met yet).
    fn routine_not_kept(&self) -> CheckRun {
        let rp = self.tp.field("routines");
        let mp = self.ap.field("meetings");
        if self.ended() {
            return self.ended_run();
        }
        if !matches!(
            self.status,
            AgreementStatus::Active | AgreementStatus::UnderReview
        ) || !self.started()
        {
            return CheckRun::na(
                tx(
                    "Aftalen er ikke aktiv på datoen.",
                    "The agreement is not active on the date.",
                ),
                vec![rp, mp],
            );
        }
        if self.terms.routines.is_empty() {
            return CheckRun::na(tx("Ingen mødefora.", "No meeting forums."), vec![rp, mp]);
        }
        let mut findings = Vec::new();
        for (j, f) in self.terms.routines.iter().enumerate() {
            let since_agreed = self
                .a
                .versions
                .iter()
                .find(|v| v.terms.routines.iter().any(|r| r.id == f.id))
                .and_then(|v| v.amendment.as_ref().map(|am| am.on))
                .unwrap_or(self.terms.term.start)
                .max(self.terms.term.start);
            let last = self
                .a
                .meetings
                .iter()
                .filter(|m| m.forum == f.id && m.held_on <= self.as_of)
                .map(|m| m.held_on)
                .max();
            let reference = last.unwrap_or(since_agreed);
            let gap = (self.as_of - reference).num_days();
            let allowed = 2 * i64::from(f.cadence.interval_days().max(1));
            if gap > allowed {
                let cadence_da = f.cadence.describe(Lang::Da);
                let cadence_en = f.cadence.describe(Lang::En);
                let text = match last {
                    Some(d) => tx(
                        format!(
                            "«{}» skal mødes {cadence_da}, men seneste registrerede møde var {d}.",
                            f.name
                        ),
                        format!(
                            "\"{}\" should meet {cadence_en}, but the last recorded meeting was on {d}.",
                            f.name
                        ),
                    ),
                    None => tx(
                        format!(
                            "«{}» skal mødes {cadence_da}, men der er ikke registreret noget møde siden {reference}.",
                            f.name
                        ),
                        format!(
                            "\"{}\" should meet {cadence_en}, but no meeting is recorded since {reference}.",
                            f.name
                        ),
                    ),
                };
                findings.push(raw(
                    rp.index(j),
                    text,
                    vec![rp.index(j).field("cadence"), mp.clone()],
                ));
            }
        }
        let n = self.terms.routines.len();
        let ok = n - findings.len();
        let note = tx(
            format!("{ok} af {n} mødefora har holdt møde inden for to gange deres kadence."),
            format!("{ok} of {n} forums have met within twice their cadence."),
        );
        CheckRun::scored(ratio(ok, n), note, vec![rp, mp], findings)
    }

    fn frequent_meetings(&self) -> CheckRun {
        let rp = self.tp.field("routines");
        let with_volunteers: Vec<(usize, &crate::agreement::MeetingForum)> = self
            .terms
            .routines
            .iter()
            .enumerate()
            .filter(|(_, f)| self.forum_has_volunteers(f))
            .collect();
        if with_volunteers.is_empty() {
            return CheckRun::na(
                tx(
                    "Ingen mødefora med frivillige.",
                    "No meeting forums with volunteers.",
                ),
                vec![rp],
            );
        }
        let mut findings = Vec::new();
        for (j, f) in &with_volunteers {
            if f.cadence.interval_days() < 14 {
                findings.push(raw(
                    rp.index(*j).field("cadence"),
                    tx(
                        format!(
                            "«{}» med frivillige mødes {}.",
                            f.name,
                            f.cadence.describe(Lang::Da)
                        ),
                        format!(
                            "\"{}\" with volunteers meets {}.",
                            f.name,
                            f.cadence.describe(Lang::En)
                        ),
                    ),
                    vec![rp.index(*j).field("cadence")],
                ));
            }
        }
        let ok = with_volunteers.len() - findings.len();
        let note = tx(
            format!(
                "{ok} af {} mødefora med frivillige mødes højst hver anden uge.",
                with_volunteers.len()
            ),
            format!(
                "{ok} of {} forums with volunteers meet at most every other week.",
                with_volunteers.len()
            ),
        );
        CheckRun::scored(ratio(ok, with_volunteers.len()), note, vec![rp], findings)
    }

    // ----- resources -----

    fn no_coordination_time(&self) -> CheckRun {
        let rp = self.tp.field("resources");
        let evidence = vec![rp.clone(), self.tp.field("parties")];
        let hours = |municipal: bool| {
            self.terms
                .resources
                .iter()
                .filter(|r| r.party.is_municipal() == municipal)
                .any(|r| r.coordination_hours_per_month > 0.0)
        };
        let mut required = 0;
        let mut findings = Vec::new();
        if self.has_municipal() {
            required += 1;
            if !hours(true) {
                findings.push(raw(
                    rp.clone(),
                    tx(
                        "Kommunen har ikke afsat tid til koordinering.",
                        "The municipality has set aside no coordination time.",
                    ),
                    evidence.clone(),
                ));
            }
        }
        if self.has_civil() {
            required += 1;
            if !hours(false) {
                findings.push(raw(
                    rp.clone(),
                    tx(
                        "Civilsamfundssiden har ikke afsat tid til koordinering.",
                        "The civil-society side has set aside no coordination time.",
                    ),
                    evidence.clone(),
                ));
            }
        }
        if required == 0 {
            return CheckRun::na(
                tx("Aftalen har ingen parter.", "The agreement has no parties."),
                evidence,
            );
        }
        let ok = required - findings.len();
        let note = tx(
            format!("{ok} af {required} sider har afsat koordineringstid."),
            format!("{ok} of {required} side(s) have set aside coordination time."),
        );
        CheckRun::scored(ratio(ok, required), note, evidence, findings)
    }

    fn no_management_priority(&self) -> CheckRun {
        let rp = self.tp.field("resources");
        if !self.has_municipal() {
            return CheckRun::na(
                tx("Kommunen er ikke part.", "The municipality is not a party."),
                vec![rp],
            );
        }
        if self
            .terms
            .resources
            .iter()
            .any(|r| r.party.is_municipal() && r.management_priority)
        {
            return CheckRun::met(
                tx(
                    "Kommunens ledelse har prioriteret samarbejdet.",
                    "The municipality's management has prioritised the partnership.",
                ),
                vec![rp],
            );
        }
        CheckRun::failed(
            tx("Ingen ledelsesprioritering.", "No management priority."),
            vec![rp.clone()],
            rp,
            tx(
                "Aftalen viser ingen ledelsesmæssig prioritering af samarbejdet i kommunen.",
                "The agreement shows no management priority for the partnership in the municipality.",
            ),
        )
    }

    fn committee_not_briefed(&self) -> CheckRun {
        let bp = self.ap.field("committee_briefings");
        if self.ended() {
            return self.ended_run();
        }
        if !self.started() || !self.has_municipal() {
            return CheckRun::na(
                tx(
                    "Samarbejdet er ikke startet, eller kommunen er ikke part.",
                    "The cooperation has not started, or the municipality is not a party.",
                ),
                vec![bp],
            );
        }
        let last = self
            .a
            .committee_briefings
            .iter()
            .filter(|b| b.on <= self.as_of)
            .map(|b| b.on)
            .max();
        match last {
            Some(d) if d > self.window_start() => CheckRun::met(
                tx(
                    format!("Et politisk udvalg blev senest orienteret {d}."),
                    format!("A political committee was last briefed on {d}."),
                ),
                vec![bp],
            ),
            Some(d) => CheckRun::failed(
                tx(
                    "Ingen orientering i 12 måneder.",
                    "No briefing in 12 months.",
                ),
                vec![bp.clone()],
                bp,
                tx(
                    format!(
                        "De politiske udvalg er ikke orienteret i de seneste 12 måneder (senest {d})."
                    ),
                    format!(
                        "No political committee has been briefed in the last 12 months (last on {d})."
                    ),
                ),
            ),
            None => CheckRun::failed(
                tx("Ingen orientering.", "No briefing."),
                vec![bp.clone()],
                bp,
                tx(
                    "Ingen politiske udvalg er orienteret om samarbejdet.",
                    "No political committee has been briefed about the partnership.",
                ),
            ),
        }
    }

    // ----- continuity -----

    fn contact_changed(&self) -> CheckRun {
        if self.ended() {
            return self.ended_run();
        }
        let posts = self.central_posts();
        let evidence: Vec<FieldPath> = posts
            .iter()
            .map(|(i, _)| self.post_path(*i).field("holders"))
            .collect();
        if posts.is_empty() {
            return CheckRun::na(tx("Ingen centrale poster.", "No central posts."), evidence);
        }
        let from = self.window_start();
        let mut findings = Vec::new();
        for (i, p) in &posts {
            let changes: Vec<NaiveDate> = p
                .holders
                .iter()
                .skip(1)
                .map(|t| t.from)
                .filter(|d| *d > from && *d <= self.as_of)
                .collect();
            if let Some(last) = changes.last() {
                let hp = self.post_path(*i).field("holders");
                findings.push(raw(
                    hp.clone(),
                    tx(
                        format!("Posten «{}» har skiftet indehaver {last} (inden for de seneste 12 måneder).", p.title),
                        format!("The post \"{}\" changed holder on {last} (within the last 12 months).", p.title),
                    ),
                    vec![hp],
                ));
            }
        }
        let ok = posts.len() - findings.len();
        let note = tx(
            format!(
                "{ok} af {} centrale poster har haft samme indehaver de seneste 12 måneder.",
                posts.len()
            ),
            format!(
                "{ok} of {} central posts kept their holder over the last 12 months.",
                posts.len()
            ),
        );
        CheckRun::scored(ratio(ok, posts.len()), note, evidence, findings)
    }

    fn post_vacant(&self) -> CheckRun {
        if self.ended() {
            return self.ended_run();
        }
        let posts = self.governance_posts();
        let evidence: Vec<FieldPath> = posts
            .iter()
            .map(|(i, _)| self.post_path(*i).field("holders"))
            .collect();
        if posts.is_empty() {
            return CheckRun::na(
                tx("Ingen poster i ledelsen.", "No governance posts."),
                evidence,
            );
        }
        let mut findings = Vec::new();
        for (i, p) in &posts {
            if p.holder_on(self.as_of).is_none() {
                let hp = self.post_path(*i).field("holders");
                findings.push(raw(
                    hp.clone(),
                    tx(
                        format!("Posten «{}» er ubesat {}.", p.title, self.as_of),
                        format!("The post \"{}\" is vacant on {}.", p.title, self.as_of),
                    ),
                    vec![hp],
                ));
            }
        }
        let ok = posts.len() - findings.len();
        let note = tx(
            format!("{ok} af {} poster i ledelsen er besat.", posts.len()),
            format!("{ok} of {} governance posts are filled.", posts.len()),
        );
        CheckRun::scored(ratio(ok, posts.len()), note, evidence, findings)
    }

    /// Parties holding a coordinator post should not rest on one person: their contact posts
    /// must have at least two different holders on the date.
    fn single_person_dependency(&self) -> CheckRun {
        if self.ended() {
            return self.ended_run();
        }
        let mut parties: Vec<&PartyRef> = Vec::new();
        for id in &self.terms.governance.coordinators {
            if let Some((_, p)) = self.post(id)
                && !parties.contains(&&p.party)
            {
                parties.push(&p.party);
            }
        }
        if parties.is_empty() {
            return CheckRun::na(
                tx("Ingen tovholdere.", "No coordinators."),
                vec![self.tp.field("governance").field("coordinators")],
            );
        }
        let mut evidence = Vec::new();
        let mut findings = Vec::new();
        let mut judged = 0;
        for party in &parties {
            let posts: Vec<(usize, &Post)> = self
                .d
                .posts
                .iter()
                .enumerate()
                .filter(|(_, p)| p.kind.is_contact() && party.covers(&p.party))
                .collect();
            let paths: Vec<FieldPath> = posts
                .iter()
                .map(|(i, _)| self.post_path(*i).field("holders"))
                .collect();
            evidence.extend(paths.iter().cloned());
            let mut people: Vec<&crate::ids::PersonId> = Vec::new();
            for (_, p) in &posts {
                if let Some(h) = p.holder_on(self.as_of)
                    && !people.contains(&h)
                {
                    people.push(h);
                }
            }
            if people.is_empty() {
                continue; // a vacancy, which post_vacant reports
            }
            judged += 1;
            if people.len() == 1 {
                let name = self.party_text(party);
                findings.push(raw(
                    paths.first().cloned().unwrap_or_else(|| self.tp.field("governance")),
                    tx(
                        format!("{} hviler på én person: alle partens kontaktposter har samme indehaver.", name.da),
                        format!("{} rests on one person: all of the party's contact posts have the same holder.", name.en),
                    ),
                    paths,
                ));
            }
        }
        if judged == 0 {
            return CheckRun::na(
                tx(
                    "Tovholderposterne er ubesatte.",
                    "The coordinator posts are vacant.",
                ),
                evidence,
            );
        }
        let ok = judged - findings.len();
        let note = tx(
            format!(
                "{ok} af {judged} koordinerende parter har mindst to personer knyttet til partnerskabet."
            ),
            format!("{ok} of {judged} coordinating parties have at least two people involved."),
        );
        CheckRun::scored(ratio(ok, judged), note, evidence, findings)
    }

    // ----- breadth -----

    fn narrow_municipal_side(&self) -> CheckRun {
        let pp = self.tp.field("parties");
        let municipal: Vec<&PartyRef> = self
            .terms
            .parties
            .iter()
            .map(|p| &p.party)
            .filter(|p| p.is_municipal())
            .collect();
        if municipal.is_empty() {
            return CheckRun::na(
                tx("Kommunen er ikke part.", "The municipality is not a party."),
                vec![pp],
            );
        }
        let whole = municipal
            .iter()
            .any(|p| matches!(p, PartyRef::Municipality { .. }));
        let kinds: Vec<DepartmentKind> = municipal
            .iter()
            .filter_map(|p| self.d.department(p))
            .map(|d| d.kind)
            .collect();
        let missing: Vec<DepartmentKind> = if whole {
            Vec::new()
        } else {
            DepartmentKind::RECOMMENDED
                .into_iter()
                .filter(|k| !kinds.contains(k))
                .collect()
        };
        let covered = DepartmentKind::RECOMMENDED.len() - missing.len();
        let note = tx(
            format!("{covered} af 4 anbefalede forvaltninger er med."),
            format!("{covered} of 4 recommended departments take part."),
        );
        if missing.is_empty() {
            return CheckRun::met(note, vec![pp]);
        }
        let list = |lang: Lang| {
            missing
                .iter()
                .map(|k| k.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        CheckRun::failed(
            note,
            vec![pp.clone()],
            pp,
            tx(
                format!("Disse forvaltninger er ikke med: {}.", list(Lang::Da)),
                format!("These departments do not take part: {}.", list(Lang::En)),
            ),
        )
        .with_credit(ratio(covered, 4))
    }

    fn narrow_civil_society(&self) -> CheckRun {
        let pp = self.tp.field("parties");
        let kinds: Vec<OrganisationKind> = self
            .terms
            .parties
            .iter()
            .filter_map(|p| self.org_kind(&p.party))
            .collect();
        if !self.has_civil() {
            return CheckRun::na(
                tx(
                    "Ingen civilsamfundspart i aftalen.",
                    "No civil-society party to the agreement.",
                ),
                vec![pp],
            );
        }
        let present: Vec<CivilCategory> =
            kinds.iter().filter_map(|k| CivilCategory::of(*k)).collect();
        let missing: Vec<CivilCategory> = CivilCategory::ALL
            .into_iter()
            .filter(|c| !present.contains(c))
            .collect();
        let covered = 3 - missing.len();
        let note = tx(
            format!("{covered} af 3 slags civilsamfundsaktører er med."),
            format!("{covered} of 3 kinds of civil-society actor take part."),
        );
        if missing.is_empty() {
            return CheckRun::met(note, vec![pp]);
        }
        let list = |lang: Lang| {
            missing
                .iter()
                .map(|c| c.text().get(lang).to_owned())
                .collect::<Vec<_>>()
                .join("; ")
        };
        CheckRun::failed(
            note,
            vec![pp.clone()],
            pp,
            tx(
                format!("Disse aktører er ikke med: {}.", list(Lang::Da)),
                format!("These actors do not take part: {}.", list(Lang::En)),
            ),
        )
        .with_credit(ratio(covered, 3))
    }

    fn business_not_at_table(&self) -> CheckRun {
        let pp = self.tp.field("parties");
        if self
            .terms
            .parties
            .iter()
            .any(|p| self.org_kind(&p.party) == Some(OrganisationKind::Business))
        {
            return CheckRun::met(
                tx("Erhvervslivet er part.", "Business is a party."),
                vec![pp],
            );
        }
        CheckRun::failed(
            tx("Ingen virksomhed.", "No business."),
            vec![pp.clone()],
            pp,
            tx(
                "Ingen virksomhed er part i aftalen.",
                "No business is a party to the agreement.",
            ),
        )
    }

    // ----- newcomer offers -----

    fn user_activities(&self) -> Vec<&'a crate::agreement::Activity> {
        self.terms
            .activities
            .iter()
            .filter(|a| a.track == Track::User)
            .collect()
    }

    fn no_user_track(&self) -> CheckRun {
        let ap = self.tp.field("activities");
        let n = self.user_activities().len();
        if n > 0 {
            return CheckRun::met(
                tx(
                    format!("{n} aktiviteter for flygtninge."),
                    format!("{n} activities for refugees."),
                ),
                vec![ap],
            );
        }
        CheckRun::failed(
            tx("Intet brugerspor.", "No user track."),
            vec![ap.clone()],
            ap,
            tx(
                "Aftalen har ingen aktiviteter for flygtninge (brugersporet).",
                "The agreement has no activities for refugees (the user track).",
            ),
        )
    }

    fn offer_check(
        &self,
        kinds: &[ActivityKind],
        none: Text,
        found: &str,
        found_en: &str,
    ) -> CheckRun {
        let ap = self.tp.field("activities");
        let user = self.user_activities();
        if user.is_empty() {
            return CheckRun::na(
                tx(
                    "Ingen aktiviteter for flygtninge.",
                    "No activities for refugees.",
                ),
                vec![ap],
            );
        }
        let n = user.iter().filter(|a| kinds.contains(&a.kind)).count();
        if n > 0 {
            return CheckRun::met(
                tx(format!("{n} {found}."), format!("{n} {found_en}.")),
                vec![ap],
            );
        }
        CheckRun::failed(tx("Ingen.", "None."), vec![ap.clone()], ap, none)
    }

    fn no_social_offer(&self) -> CheckRun {
        self.offer_check(
            &SOCIAL_KINDS,
            tx(
                "Aftalen har intet socialt tilbud mod ensomhed (besøgsvenner, kontaktfamilier, fællesskaber).",
                "The agreement has no social offer against loneliness (visiting friends, contact families, communities).",
            ),
            "sociale tilbud",
            "social offer(s)",
        )
    }

    fn no_job_offer(&self) -> CheckRun {
        self.offer_check(
            &JOB_KINDS,
            tx(
                "Aftalen har intet tilbud rettet mod job (jobnetværk, jobmentorer, praktik).",
                "The agreement has no job-related offer (job networks, job mentors, internships).",
            ),
            "tilbud rettet mod job",
            "job-related offer(s)",
        )
    }

    // ----- anchoring and long-term commitment -----

    fn not_anchored(&self) -> CheckRun {
        let sp = self.tp.field("stage");
        let ep = self.tp.field("term").field("end");
        let evidence = vec![sp.clone(), ep.clone()];
        if self.ended() {
            return self.ended_run();
        }
        if self.terms.stage == crate::agreement::Stage::Operation {
            return CheckRun::met(
                tx(
                    "Samarbejdet er forankret i drift.",
                    "The cooperation is anchored in operation.",
                ),
                evidence,
            );
        }
        match self.terms.term.end {
            Some(end) if (end - self.as_of).num_days() <= 182 => CheckRun::failed(
                tx("Projektet slutter snart.", "The project ends soon."),
                evidence,
                sp,
                tx(
                    format!("Projektet slutter {end}, og der er ikke aftalt en forankring i drift."),
                    format!("The project ends on {end}, and no anchoring in operation is agreed."),
                ),
            ),
            Some(end) => CheckRun::failed(
                tx("Et projekt med slutdato.", "A project with an end date."),
                evidence,
                sp,
                tx(
                    format!("Samarbejdet er et projekt, der slutter {end}; planlæg forankringen i god tid."),
                    format!("The cooperation is a project ending on {end}; plan its anchoring in good time."),
                ),
            )
            .with_credit(0.5),
            None => CheckRun::failed(
                tx("Et projekt.", "A project."),
                evidence,
                sp,
                tx(
                    "Samarbejdet er et projekt og endnu ikke forankret i drift.",
                    "The cooperation is a project and not yet anchored in operation.",
                ),
            )
            .with_credit(0.5),
        }
    }

    fn no_cross_cutting_leadership(&self) -> CheckRun {
        let sp = self.tp.field("governance").field("steering_group");
        let parties: Vec<&PartyRef> = self
            .terms
            .governance
            .steering_group
            .iter()
            .filter_map(|id| self.post(id))
            .map(|(_, p)| &p.party)
            .collect();
        let municipal = parties.iter().any(|p| p.is_municipal());
        let civil = parties.iter().any(|p| !p.is_municipal());
        if municipal && civil {
            return CheckRun::met(
                tx(
                    "Både kommunen og civilsamfundet sidder i styregruppen.",
                    "Both the municipality and civil society sit on the steering group.",
                ),
                vec![sp],
            );
        }
        let text = if parties.is_empty() {
            tx(
                "Aftalen har ingen styregruppe, hvor både kommune og frivillige deltager.",
                "The agreement has no steering group where both municipality and volunteers take part.",
            )
        } else if municipal {
            tx(
                "Styregruppen har ingen medlemmer fra civilsamfundet.",
                "The steering group has no civil-society members.",
            )
        } else {
            tx(
                "Styregruppen har ingen medlemmer fra kommunen.",
                "The steering group has no municipal members.",
            )
        };
        CheckRun::failed(
            tx("Ikke tværgående.", "Not cross-cutting."),
            vec![sp.clone()],
            sp,
            text,
        )
    }

    fn short_term(&self) -> CheckRun {
        let tp = self.tp.field("term");
        match self.terms.term.end {
            None => CheckRun::met(
                tx(
                    "Aftalen er uden slutdato.",
                    "The agreement has no end date.",
                ),
                vec![tp],
            ),
            Some(end) => {
                let days = (end - self.terms.term.start).num_days();
                if days >= 730 {
                    CheckRun::met(
                        tx(
                            format!("Aftalen løber i {} år.", days / 365),
                            format!("The agreement runs for {} years.", days / 365),
                        ),
                        vec![tp],
                    )
                } else {
                    CheckRun::failed(
                        tx("Under to år.", "Under two years."),
                        vec![tp.clone()],
                        tp.field("end"),
                        tx(
                            format!(
                                "Aftalen løber kun {} måneder ({} – {end}).",
                                days / 30,
                                self.terms.term.start
                            ),
                            format!(
                                "The agreement runs for only {} months ({} – {end}).",
                                days / 30,
                                self.terms.term.start
                            ),
                        ),
                    )
                }
            }
        }
    }

    fn not_co_creation(&self) -> CheckRun {
        let cp = self.tp.field("cooperation_level");
        if self.terms.cooperation_level == crate::agreement::CooperationLevel::CoCreation {
            return CheckRun::met(
                tx("Parterne samskaber.", "The parties co-create."),
                vec![cp],
            );
        }
        CheckRun::failed(
            tx("Samarbejde.", "Cooperation."),
            vec![cp.clone()],
            cp,
            tx(
                "Samarbejdet er endnu ikke samskabelse: behov og løsninger defineres ikke i fællesskab.",
                "The cooperation is not yet co-creation: needs and solutions are not defined jointly.",
            ),
        )
    }
}

impl CheckRun {
    fn with_credit(mut self, credit: f64) -> Self {
        self.credit = Some(credit);
        self
    }
}
