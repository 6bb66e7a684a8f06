//! Validation of a dossier: every problem, each with a path, a stable code, a severity and a
//! message in Danish and English. It never stops at the first.
//!
//! Validation checks that the document is coherent (ids, references, dates, numbers, history).
//! Whether a partnership is *healthy* is the assessment's business, not validation's.

use crate::actors::{PartyRef, official_municipality_name};
use crate::agreement::{
    ActionOwner, ActionStatus, Agreement, AgreementTerms, Cadence, MeetingRecord,
};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, Severity, sort_findings};
use crate::i18n::{Label, Text};
use crate::ids::{OrgIdProblem, id_looks_derived, is_well_formed};
use crate::status::AgreementStatus;
use crate::validation_code::ValidationCode;
use std::collections::{HashMap, HashSet};

pub(crate) fn validate(dossier: &Dossier) -> Vec<Finding> {
    let mut v = Validator {
        d: dossier,
        out: Vec::new(),
    };
    v.run();
    let mut out = v.out;
    out.extend(crate::matching::validate::validate(dossier));
    out.extend(crate::privacy::validate::validate(dossier));
    out.extend(crate::directory::validate::validate(dossier));
    out.extend(crate::places::validate::validate(dossier));
    out.extend(crate::outcomes::validate::validate(dossier));
    sort_findings(&mut out);
    out
}

pub(crate) fn check(dossier: &Dossier) -> Result<Vec<Finding>, crate::error::BrobyggerError> {
    let findings = validate(dossier);
    if findings.iter().any(|f| f.severity == Severity::Error) {
        Err(crate::error::BrobyggerError::validation(findings))
    } else {
        Ok(findings)
    }
}

/// Every status change of agreement `a` (at `p`) made despite blocking findings, as a warning
/// naming who, when, why and what was overridden: validation and the assessment both show it.
pub(crate) fn override_findings(p: &FieldPath, a: &Agreement) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, e) in a.history.iter().enumerate() {
        let Some(o) = &e.override_record else {
            continue;
        };
        let codes = o.overridden.join(", ");
        let day = e.at.date_naive();
        let (from, to) = (e.from, e.to);
        out.push(Finding::of(
            ValidationCode::OverriddenFindings,
            p.field("history").index(k).field("override_record"),
            Text::new(
                format!(
                    "{} → {} {day} skete trods {codes}; {} tilsidesatte dem med begrundelsen: {}",
                    from.label(crate::i18n::Lang::Da),
                    to.label(crate::i18n::Lang::Da),
                    e.by,
                    o.reason.trim()
                ),
                format!(
                    "{} → {} on {day} went ahead despite {codes}; {} overrode them, giving the reason: {}",
                    from.label(crate::i18n::Lang::En),
                    to.label(crate::i18n::Lang::En),
                    e.by,
                    o.reason.trim()
                ),
            ),
        ));
    }
    out
}

struct Validator<'a> {
    d: &'a Dossier,
    out: Vec<Finding>,
}

impl Validator<'_> {
    fn push(&mut self, code: ValidationCode, path: FieldPath, da: String, en: String) {
        self.out.push(Finding::of(code, path, Text::new(da, en)));
    }

    fn run(&mut self) {
        let root = FieldPath::root();
        if self.d.title.trim().is_empty() {
            self.empty(root.field("title"));
        }
        self.municipalities();
        self.organisations();
        self.people();
        self.posts();
        for (i, a) in self.d.agreements.iter().enumerate() {
            self.agreement(root.field("agreements").index(i), a);
        }
        self.duplicates();
        self.provenance();
        self.out
            .extend(crate::checklists::validate::validate_checklists(self.d));
        crate::assessment::survey::validate_surveys(self.d, &mut self.out);
    }

    fn empty(&mut self, path: FieldPath) {
        self.push(
            ValidationCode::EmptyText,
            path,
            "Feltet er tomt.".into(),
            "The field is empty.".into(),
        );
    }

    fn id(&mut self, path: FieldPath, id: &str) {
        if !is_well_formed(id) {
            self.push(
                ValidationCode::InvalidId,
                path,
                "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
                "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
            );
        }
    }

    fn dangling(&mut self, path: FieldPath, what_da: &str, what_en: &str, id: &str) {
        self.push(
            ValidationCode::DanglingReference,
            path,
            format!("Henvisningen peger på {what_da} '{id}', som ikke findes i dossieret."),
            format!("The reference points at {what_en} '{id}', which is not in the dossier."),
        );
    }

    fn party(&mut self, path: FieldPath, party: &PartyRef) {
        if self.d.party_exists(party) {
            return;
        }
        let key = party.key();
        self.dangling(path, "parten", "the party", &key);
    }

    fn number(&mut self, path: FieldPath, x: f64, non_negative: bool) {
        if !x.is_finite() {
            self.push(
                ValidationCode::NonFiniteNumber,
                path,
                "Tallet skal være endeligt.".into(),
                "The number must be finite.".into(),
            );
        } else if non_negative && x < 0.0 {
            self.push(
                ValidationCode::NegativeNumber,
                path,
                "Tallet må ikke være negativt.".into(),
                "The number must not be negative.".into(),
            );
        }
    }

    fn municipalities(&mut self) {
        let base = FieldPath::root().field("municipalities");
        for (i, m) in self.d.municipalities.iter().enumerate() {
            let p = base.index(i);
            self.id(p.field("id"), m.id.as_str());
            if m.name.trim().is_empty() {
                self.empty(p.field("name"));
            }
            match official_municipality_name(m.code) {
                None => self.push(
                    ValidationCode::UnknownMunicipalityCode,
                    p.field("code"),
                    format!("{} er ikke en af de 98 officielle kommunekoder.", m.code),
                    format!(
                        "{} is not one of the 98 official municipality codes.",
                        m.code
                    ),
                ),
                Some(official) => {
                    if !m.name.to_lowercase().contains(&official.to_lowercase()) {
                        self.push(
                            ValidationCode::MunicipalityNameMismatch,
                            p.field("name"),
                            format!("Kommunekode {} hører til {official} Kommune.", m.code),
                            format!(
                                "Municipality code {} belongs to {official} Municipality.",
                                m.code
                            ),
                        );
                    }
                }
            }
            let mut seen = HashSet::new();
            for (j, dep) in m.departments.iter().enumerate() {
                let dp = p.field("departments").index(j);
                self.id(dp.field("id"), dep.id.as_str());
                if dep.name.trim().is_empty() {
                    self.empty(dp.field("name"));
                }
                if !seen.insert(dep.id.as_str()) {
                    self.duplicate(dp.field("id"), dep.id.as_str());
                }
            }
        }
    }

    fn duplicate(&mut self, path: FieldPath, id: &str) {
        self.push(
            ValidationCode::DuplicateId,
            path,
            format!("Id'et '{id}' er brugt mere end én gang."),
            format!("The id '{id}' is used more than once."),
        );
    }

    fn organisations(&mut self) {
        let base = FieldPath::root().field("organisations");
        for (i, o) in self.d.organisations.iter().enumerate() {
            let p = base.index(i);
            if o.name.trim().is_empty() {
                self.empty(p.field("name"));
            }
            if let Err(problem) = o.id.scheme() {
                let (da, en) = match problem {
                    OrgIdProblem::UnknownScheme => (
                        "Organisations-id skal have formen DK-CVR-<8 cifre> eller DK-LOCAL-<navn>.",
                        "An organisation id must be DK-CVR-<8 digits> or DK-LOCAL-<slug>.",
                    ),
                    OrgIdProblem::CvrNotEightDigits => (
                        "Et CVR-nummer har præcis 8 cifre.",
                        "A CVR number has exactly 8 digits.",
                    ),
                    OrgIdProblem::CvrChecksum => (
                        "CVR-nummeret fejler modulus 11-kontrollen.",
                        "The CVR number fails the modulus-11 check.",
                    ),
                    OrgIdProblem::BadLocalPart => (
                        "Den lokale del må kun indeholde a–z, 0–9 og '-'.",
                        "The local part may only contain a–z, 0–9 and '-'.",
                    ),
                };
                self.push(
                    ValidationCode::InvalidOrganisationId,
                    p.field("id"),
                    da.into(),
                    en.into(),
                );
            }
            if o.is_individual() && id_looks_derived(o.id.as_str(), &o.name) {
                // Ids appear in reports and messages where a champion's name must not; the
                // message must not repeat the name.
                self.push(
                    ValidationCode::ChampionIdNotOpaque,
                    p.field("id"),
                    "Id'et for en ildsjæl (en enkeltperson) ser ud til at være dannet af navnet; brug et neutralt id, da id'er vises i rapporter og meddelelser.".into(),
                    "The id of a champion (an individual) looks made from the name; use a neutral id, as ids appear in reports and messages.".into(),
                );
            }
            for (j, a) in o.profile.activities.iter().enumerate() {
                if a.trim().is_empty() {
                    self.empty(p.field("profile").field("activities").index(j));
                }
            }
            self.housing_cooperation(o, &p);
            if let (Some(paying), Some(members)) = (o.profile.paying_members, o.profile.members)
                && paying > members
            {
                self.push(
                    ValidationCode::NegativeNumber,
                    p.field("profile").field("paying_members"),
                    "Der er flere betalende medlemmer end medlemmer.".into(),
                    "There are more paying members than members.".into(),
                );
            }
        }
    }

    /// A housing organisation's cooperation with municipalities: only a housing organisation
    /// has it, each with a municipality of the dossier.
    fn housing_cooperation(&mut self, o: &crate::actors::Organisation, p: &FieldPath) {
        for (k, c) in o.housing_cooperation.iter().enumerate() {
            let cp = p.field("housing_cooperation").index(k);
            if k == 0 && o.kind != crate::actors::OrganisationKind::HousingOrganisation {
                self.push(
                    ValidationCode::WrongOrganisationKind,
                    p.field("housing_cooperation"),
                    "Kun en boligorganisation har et samarbejde om boligplacering.".into(),
                    "Only a housing organisation has a cooperation on housing placement.".into(),
                );
            }
            if self.d.municipality(&c.municipality).is_none() {
                self.push(
                    ValidationCode::DanglingReference,
                    cp.field("municipality"),
                    format!(
                        "Henvisningen peger på kommunen '{}', som ikke findes i dossieret.",
                        c.municipality
                    ),
                    format!(
                        "The reference points at the municipality '{}', which is not in the dossier.",
                        c.municipality
                    ),
                );
            }
        }
    }

    fn people(&mut self) {
        let base = FieldPath::root().field("people");
        for (i, person) in self.d.people.iter().enumerate() {
            let p = base.index(i);
            self.id(p.field("id"), person.id.as_str());
            if person.name.trim().is_empty() {
                self.empty(p.field("name"));
            }
            if id_looks_derived(person.id.as_str(), &person.name) {
                // The message must not repeat the name or the id's digits.
                self.push(
                    ValidationCode::PersonIdNotOpaque,
                    p.field("id"),
                    "Person-id'et ser ud til at være dannet af navnet eller et personnummer; brug et tilfældigt id (PersonId::generate).".into(),
                    "The person id looks derived from the name or a national id number; use a random id (PersonId::generate).".into(),
                );
            }
            if let Some(email) = &person.email
                && !email.contains('@')
            {
                self.push(
                    ValidationCode::InvalidEmail,
                    p.field("email"),
                    "E-mailadressen mangler '@'.".into(),
                    "The e-mail address has no '@'.".into(),
                );
            }
        }
    }

    fn posts(&mut self) {
        let base = FieldPath::root().field("posts");
        for (i, post) in self.d.posts.iter().enumerate() {
            let p = base.index(i);
            self.id(p.field("id"), post.id.as_str());
            if post.title.trim().is_empty() {
                self.empty(p.field("title"));
            }
            self.party(p.field("party"), &post.party);
            if let Some(aid) = &post.agreement {
                match self.d.agreement(aid) {
                    None => self.dangling(
                        p.field("agreement"),
                        "aftalen",
                        "the agreement",
                        aid.as_str(),
                    ),
                    Some(a) => {
                        let in_agreement = a.terms().is_some_and(|t| {
                            t.parties.iter().any(|ap| ap.party.covers(&post.party))
                        });
                        if !in_agreement && self.d.party_exists(&post.party) {
                            self.push(
                                ValidationCode::PostOutsideAgreement,
                                p.field("party"),
                                format!("Posten hører til aftalen '{aid}', men parten er ikke part i aftalen."),
                                format!("The post belongs to agreement '{aid}', but its party is not a party to it."),
                            );
                        }
                    }
                }
            }
            for (j, t) in post.holders.iter().enumerate() {
                let tp = p.field("holders").index(j);
                if self.d.person(&t.person).is_none() {
                    self.dangling(
                        tp.field("person"),
                        "personen",
                        "the person",
                        t.person.as_str(),
                    );
                }
                if let Some(until) = t.until
                    && until <= t.from
                {
                    self.end_before_start(tp.field("until"));
                }
            }
            // Tenures are kept oldest first; any overlap means two holders at once.
            for j in 1..post.holders.len() {
                let (prev, cur) = (&post.holders[j - 1], &post.holders[j]);
                let overlaps = match prev.until {
                    None => true,
                    Some(u) => cur.from < u,
                };
                if overlaps || cur.from < prev.from {
                    self.push(
                        ValidationCode::TenureOverlap,
                        p.field("holders").index(j),
                        "Perioden overlapper den forrige eller ligger før den; en post har én indehaver ad gangen, ældste først.".into(),
                        "The tenure overlaps or precedes the previous one; a post has one holder at a time, oldest first.".into(),
                    );
                }
            }
        }
    }

    fn end_before_start(&mut self, path: FieldPath) {
        self.push(
            ValidationCode::EndBeforeStart,
            path,
            "Slutdatoen skal ligge efter startdatoen.".into(),
            "The end date must be after the start date.".into(),
        );
    }

    fn post_ref(&mut self, path: FieldPath, post: &crate::ids::PostId, terms: &AgreementTerms) {
        match self.d.post(post) {
            None => self.dangling(path, "posten", "the post", post.as_str()),
            Some(p) => {
                if !terms.parties.iter().any(|ap| ap.party.covers(&p.party)) {
                    self.not_a_party(path);
                }
            }
        }
    }

    fn not_a_party(&mut self, path: FieldPath) {
        self.push(
            ValidationCode::NotAParty,
            path,
            "Det, der henvises til, hører til en part, som ikke er part i aftalen.".into(),
            "What is referred to belongs to a party that is not a party to the agreement.".into(),
        );
    }

    fn party_in_terms(&mut self, path: FieldPath, party: &PartyRef, terms: &AgreementTerms) {
        if !self.d.party_exists(party) {
            self.party(path, party);
        } else if !terms.parties.iter().any(|ap| ap.party.covers(party)) {
            self.not_a_party(path);
        }
    }

    fn agreement(&mut self, p: FieldPath, a: &Agreement) {
        self.id(p.field("id"), a.id.as_str());
        if a.versions.is_empty() {
            self.push(
                ValidationCode::NoVersions,
                p.field("versions"),
                "Aftalen har ingen versioner.".into(),
                "The agreement has no versions.".into(),
            );
        }
        for (k, v) in a.versions.iter().enumerate() {
            let vp = p.field("versions").index(k);
            let expected = u32::try_from(k + 1).unwrap_or(u32::MAX);
            if v.number != expected {
                self.push(
                    ValidationCode::VersionNumbering,
                    vp.field("number"),
                    format!("Versionen skulle have nummer {expected}."),
                    format!("The version should be number {expected}."),
                );
            }
            match &v.amendment {
                None if k > 0 => self.push(
                    ValidationCode::MissingAmendment,
                    vp.field("amendment"),
                    "En senere version bør angive, hvem der ændrede aftalen, hvornår og hvorfor."
                        .into(),
                    "A later version should record who amended the agreement, when and why.".into(),
                ),
                Some(am) => {
                    if self.d.person(&am.by).is_none() {
                        self.dangling(
                            vp.field("amendment").field("by"),
                            "personen",
                            "the person",
                            am.by.as_str(),
                        );
                    }
                    if am.reason.trim().is_empty() {
                        self.empty(vp.field("amendment").field("reason"));
                    }
                }
                None => {}
            }
            self.terms(vp.field("terms"), &v.terms);
        }
        self.history(&p, a);
        self.statutory_line(&p, a);
        if let Some(terms) = a.terms() {
            let forums: HashSet<&str> = terms.routines.iter().map(|f| f.id.as_str()).collect();
            for (k, m) in a.meetings.iter().enumerate() {
                let mp = p.field("meetings").index(k);
                if !forums.contains(m.forum.as_str()) {
                    self.dangling(
                        mp.field("forum"),
                        "mødeforummet",
                        "the meeting forum",
                        m.forum.as_str(),
                    );
                }
                self.meeting_minutes(&mp, m);
                if m.invited_on.is_some_and(|inv| inv > m.held_on) {
                    self.push(
                        ValidationCode::InvitedAfterMeeting,
                        mp.field("invited_on"),
                        "Indkaldelsen er sendt efter mødet.".into(),
                        "The invitation was sent after the meeting.".into(),
                    );
                }
            }
            self.contacts(&p, a, terms);
        }
        for (k, b) in a.committee_briefings.iter().enumerate() {
            if b.committee.trim().is_empty() {
                self.empty(p.field("committee_briefings").index(k).field("committee"));
            }
        }
    }

    /// The agenda, decisions and action items of a meeting held.
    fn meeting_minutes(&mut self, mp: &FieldPath, m: &MeetingRecord) {
        for (field, texts) in [("agenda", &m.agenda), ("decisions", &m.decisions)] {
            for (j, item) in texts.iter().enumerate() {
                if item.trim().is_empty() {
                    self.empty(mp.field(field).index(j));
                }
            }
        }
        for (j, item) in m.action_items.iter().enumerate() {
            let ip = mp.field("action_items").index(j);
            if item.what.trim().is_empty() {
                self.empty(ip.field("what"));
            }
            match &item.owner {
                ActionOwner::Post { post } => {
                    if self.d.post(post).is_none() {
                        self.dangling(
                            ip.field("owner").field("post"),
                            "posten",
                            "the post",
                            post.as_str(),
                        );
                    }
                }
                ActionOwner::Party { party } => self.party(ip.field("owner").field("party"), party),
            }
            if item.due < m.held_on || item.closed_on.is_some_and(|c| c < m.held_on) {
                self.push(
                    ValidationCode::ActionBeforeMeeting,
                    ip.clone(),
                    "Opgaven har frist eller er afsluttet før det møde, der besluttede den.".into(),
                    "The action item is due or closed before the meeting that agreed it.".into(),
                );
            }
            if (item.status == ActionStatus::Open) == item.closed_on.is_some() {
                self.push(
                    ValidationCode::ActionClosedWithoutDay,
                    ip.field("closed_on"),
                    "Angiv datoen, hvis opgaven er udført eller opgivet, og kun da.".into(),
                    "Give the day when the action item is done or dropped, and only then.".into(),
                );
            }
        }
    }

    fn contacts(&mut self, p: &FieldPath, a: &Agreement, terms: &AgreementTerms) {
        let Some(k) = a.versions.len().checked_sub(1) else {
            return;
        };
        for (j, ap) in terms.parties.iter().enumerate() {
            if !self.d.party_exists(&ap.party) {
                continue;
            }
            let has_contact = self.d.posts.iter().any(|post| {
                post.kind.is_contact()
                    && !post.holders.is_empty()
                    && (ap.party.covers(&post.party) || post.party.covers(&ap.party))
            });
            if !has_contact {
                let name = ap.party.key();
                self.push(
                    ValidationCode::PartyWithoutContact,
                    p.field("versions").index(k).field("terms").field("parties").index(j),
                    format!("Parten {name} har ingen kontaktperson (ingen kontaktpost med en indehaver)."),
                    format!("The party {name} has no contact person (no contact post with a holder)."),
                );
            }
        }
    }

    /// A binding agreement never hands a statutory duty outside the municipality, however it
    /// got there (an override in an old file, a hand edit): the terms in force are held to the
    /// line. Overrides of other findings stay visible with who, when and why.
    fn statutory_line(&mut self, p: &FieldPath, a: &Agreement) {
        if a.status.is_binding()
            && let (Some(terms), Some(k)) = (a.terms(), a.versions.len().checked_sub(1))
        {
            let tp = p.field("versions").index(k).field("terms");
            self.out
                .extend(crate::roles::analysis::statutory_line(self.d, terms, &tp));
        }
        self.out.extend(override_findings(p, a));
    }

    fn history(&mut self, p: &FieldPath, a: &Agreement) {
        let hp = p.field("history");
        let mut expected_from: Option<AgreementStatus> = None;
        for (k, e) in a.history.iter().enumerate() {
            let ep = hp.index(k);
            if self.d.person(&e.by).is_none() {
                self.dangling(ep.field("by"), "personen", "the person", e.by.as_str());
            }
            let chain_ok = expected_from.is_none_or(|s| s == e.from);
            let edge_ok = e.from.can_move_to(e.to);
            let order_ok = k == 0 || a.history.get(k - 1).is_none_or(|prev| prev.at <= e.at);
            let version_ok = a.version(e.version).is_some();
            if !(chain_ok && edge_ok && order_ok && version_ok) {
                self.push(
                    ValidationCode::HistoryInconsistent,
                    ep,
                    "Statushændelsen passer ikke i forløbet (forkert rækkefølge, ugyldigt skridt, brud i kæden eller ukendt version).".into(),
                    "The status event does not fit the history (out of order, not a lifecycle step, a broken chain or an unknown version).".into(),
                );
            }
            expected_from = Some(e.to);
        }
        if let Some(last) = a.history.last()
            && last.to != a.status
        {
            self.push(
                ValidationCode::HistoryInconsistent,
                p.field("status"),
                "Status svarer ikke til den sidste statushændelse.".into(),
                "The status does not match the last status event.".into(),
            );
        }
    }

    fn terms(&mut self, p: FieldPath, t: &AgreementTerms) {
        if t.title.trim().is_empty() {
            self.empty(p.field("title"));
        }
        let mut seen_parties = HashSet::new();
        for (j, ap) in t.parties.iter().enumerate() {
            let pp = p.field("parties").index(j);
            self.party(pp.field("party"), &ap.party);
            if !seen_parties.insert(&ap.party) {
                self.push(
                    ValidationCode::DuplicateParty,
                    pp.field("party"),
                    "Parten er nævnt mere end én gang.".into(),
                    "The party is listed more than once.".into(),
                );
            }
            if let Some(sig) = &ap.signatory {
                match self.d.post(sig) {
                    None => {
                        self.dangling(pp.field("signatory"), "posten", "the post", sig.as_str())
                    }
                    Some(post) => {
                        if !ap.party.covers(&post.party) {
                            self.not_a_party(pp.field("signatory"));
                        }
                    }
                }
            }
        }
        let mut ids = HashSet::new();
        for (j, g) in t.goals.iter().enumerate() {
            let gp = p.field("goals").index(j);
            self.id(gp.field("id"), g.id.as_str());
            if !ids.insert(g.id.as_str()) {
                self.duplicate(gp.field("id"), g.id.as_str());
            }
            if g.text.trim().is_empty() {
                self.empty(gp.field("text"));
            }
            if let crate::agreement::GoalOwner::Party { party } = &g.owner {
                self.party_in_terms(gp.field("owner").field("party"), party, t);
            }
            if let Some(ind) = &g.indicator {
                let ip = gp.field("indicator");
                if let Some(b) = ind.baseline {
                    self.number(ip.field("baseline"), b, false);
                }
                self.number(ip.field("target"), ind.target, false);
                if ind.description.trim().is_empty() {
                    self.empty(ip.field("description"));
                }
            }
        }
        let mut ids = HashSet::new();
        for (j, act) in t.activities.iter().enumerate() {
            let ap = p.field("activities").index(j);
            self.id(ap.field("id"), act.id.as_str());
            if !ids.insert(act.id.as_str()) {
                self.duplicate(ap.field("id"), act.id.as_str());
            }
            if act.name.trim().is_empty() {
                self.empty(ap.field("name"));
            }
            if let Some(lead) = &act.lead {
                self.party_in_terms(ap.field("lead"), lead, t);
            }
        }
        let gp = p.field("governance");
        for (j, post) in t.governance.steering_group.iter().enumerate() {
            self.post_ref(gp.field("steering_group").index(j), post, t);
        }
        for (j, post) in t.governance.coordinators.iter().enumerate() {
            self.post_ref(gp.field("coordinators").index(j), post, t);
        }
        if let Some(post) = &t.governance.volunteer_representative {
            self.post_ref(gp.field("volunteer_representative"), post, t);
        }
        let mut ids = HashSet::new();
        for (j, f) in t.routines.iter().enumerate() {
            let fp = p.field("routines").index(j);
            self.id(fp.field("id"), f.id.as_str());
            if !ids.insert(f.id.as_str()) {
                self.duplicate(fp.field("id"), f.id.as_str());
            }
            if f.name.trim().is_empty() {
                self.empty(fp.field("name"));
            }
            if f.cadence == (Cadence::EveryDays { days: 0 }) {
                self.push(
                    ValidationCode::ZeroInterval,
                    fp.field("cadence").field("days"),
                    "Intervallet skal være mindst én dag.".into(),
                    "The interval must be at least one day.".into(),
                );
            }
            if let Some(post) = &f.convened_by {
                self.post_ref(fp.field("convened_by"), post, t);
            }
            for (k, party) in f.participants.iter().enumerate() {
                self.party_in_terms(fp.field("participants").index(k), party, t);
            }
        }
        for (j, r) in t.resources.iter().enumerate() {
            let rp = p.field("resources").index(j);
            self.party_in_terms(rp.field("party"), &r.party, t);
            self.number(
                rp.field("coordination_hours_per_month"),
                r.coordination_hours_per_month,
                true,
            );
        }
        for (j, def) in t.definitions.iter().enumerate() {
            let dp = p.field("definitions").index(j);
            if def.term.trim().is_empty() {
                self.empty(dp.field("term"));
            }
            if def.meaning.trim().is_empty() {
                self.empty(dp.field("meaning"));
            }
        }
        let tp = p.field("term");
        if let Some(end) = t.term.end
            && end < t.term.start
        {
            self.end_before_start(tp.field("end"));
        }
        for (j, r) in t.term.review_dates.iter().enumerate() {
            if *r < t.term.start || t.term.end.is_some_and(|e| *r > e) {
                self.push(
                    ValidationCode::ReviewDateOutsideTerm,
                    tp.field("review_dates").index(j),
                    "Revisionsdatoen ligger uden for aftalens periode.".into(),
                    "The review date lies outside the agreement's term.".into(),
                );
            }
        }
        if let Some(exit) = &t.exit
            && exit.procedure.trim().is_empty()
        {
            self.empty(p.field("exit").field("procedure"));
        }
        crate::roles::validate::validate_split(self.d, &p, t, &mut self.out);
    }

    fn duplicates(&mut self) {
        let root = FieldPath::root();
        let check = |name: &str, ids: Vec<&str>, out: &mut Vec<(FieldPath, String)>| {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (i, id) in ids.into_iter().enumerate() {
                if seen.insert(id, i).is_some() {
                    out.push((root.field(name).index(i).field("id"), id.to_owned()));
                }
            }
        };
        let mut dups = Vec::new();
        check(
            "municipalities",
            self.d
                .municipalities
                .iter()
                .map(|m| m.id.as_str())
                .collect(),
            &mut dups,
        );
        check(
            "organisations",
            self.d.organisations.iter().map(|o| o.id.as_str()).collect(),
            &mut dups,
        );
        check(
            "people",
            self.d.people.iter().map(|p| p.id.as_str()).collect(),
            &mut dups,
        );
        check(
            "posts",
            self.d.posts.iter().map(|p| p.id.as_str()).collect(),
            &mut dups,
        );
        check(
            "agreements",
            self.d.agreements.iter().map(|a| a.id.as_str()).collect(),
            &mut dups,
        );
        for (path, id) in dups {
            self.duplicate(path, &id);
        }
    }

    fn provenance(&mut self) {
        let Ok(doc) = serde_json::to_value(self.d) else {
            return;
        };
        for (i, p) in self.d.provenance.iter().enumerate() {
            if !p.path.resolves_in(&doc) {
                self.push(
                    ValidationCode::UnresolvedProvenance,
                    FieldPath::root().field("provenance").index(i).field("path"),
                    "Stien peger ikke på noget i dossieret.".into(),
                    "The path does not point at anything in the dossier.".into(),
                );
            }
            if let crate::dossier::ProvenanceBasis::Illustrative { note } = &p.basis
                && note.trim().is_empty()
            {
                self.empty(
                    FieldPath::root()
                        .field("provenance")
                        .index(i)
                        .field("basis")
                        .field("note"),
                );
            }
        }
    }
}
