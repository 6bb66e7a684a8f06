//! What every check shares: the context of one assessment ([`Ctx`]: the dossier, the agreement,
//! the terms in force and the paths to them), what a check returns ([`CheckRun`]), the
//! municipal-side/civil-side rules ([`Sides`], [`Ctx::each_side`], [`Ctx::side_breadth`]), and
//! the small date and ratio helpers.

use crate::actors::PartyRef;
use crate::agreement::{Agreement, AgreementTerms};
use crate::checklists::model::vocab::Side;
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, SourceRef};
use crate::i18n::{Lang, Text};
use crate::ids::PostId;
use crate::posts::model::Post;
use crate::status::AgreementStatus;
use chrono::{NaiveDate, TimeDelta};

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
    /// The passage behind this finding when it is not the check's own (one ambiguous term of
    /// `undefined_terms` is defined in another source than the others).
    pub(crate) source: Option<SourceRef>,
}

impl CheckRun {
    /// The rule does not apply on the date.
    pub(super) fn na(note: Text, evidence: Vec<FieldPath>) -> Self {
        Self {
            credit: None,
            note,
            evidence,
            findings: Vec::new(),
        }
    }

    pub(super) fn met(note: Text, evidence: Vec<FieldPath>) -> Self {
        Self {
            credit: Some(1.0),
            note,
            evidence,
            findings: Vec::new(),
        }
    }

    /// A credit with the findings that explain why it is below 1.
    pub(super) fn scored(
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
    pub(super) fn failed(
        note: Text,
        evidence: Vec<FieldPath>,
        path: FieldPath,
        text: Text,
    ) -> Self {
        let finding = RawFinding {
            path,
            text,
            evidence: evidence.clone(),
            external: None,
            source: None,
        };
        Self::scored(0.0, note, evidence, vec![finding])
    }

    /// The same run with partial credit, for a finding that is only half as bad.
    pub(super) fn with_credit(mut self, credit: f64) -> Self {
        self.credit = Some(credit);
        self
    }
}

pub(super) fn raw(path: FieldPath, text: Text, evidence: Vec<FieldPath>) -> RawFinding {
    RawFinding {
        path,
        text,
        evidence,
        external: None,
        source: None,
    }
}

pub(super) fn tx(da: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(da, en)
}

/// Saturating, so a date at the edge of chrono's range still gives a window.
pub(super) fn days_before(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_sub_signed(TimeDelta::days(n))
        .unwrap_or(NaiveDate::MIN)
}

pub(super) fn days_after(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(TimeDelta::days(n))
        .unwrap_or(NaiveDate::MAX)
}

/// The share in order; nothing to judge counts as all in order.
pub(super) fn ratio(good: usize, total: usize) -> f64 {
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

/// The two sides in the order their findings are reported: the municipality first.
const BOTH_SIDES: [Side; 2] = [Side::Municipality, Side::CivilSociety];

/// Why a rule about one side does not apply: that side is not a party.
pub(super) fn not_a_party(side: Side) -> Text {
    match side {
        Side::Municipality => tx("Kommunen er ikke part.", "The municipality is not a party."),
        Side::CivilSociety => tx(
            "Ingen civilsamfundspart i aftalen.",
            "No civil-society party to the agreement.",
        ),
    }
}

/// The sides a group of parties spans (the parties to an agreement, a steering group, the
/// holders of coordination time, ...).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Sides {
    municipality: bool,
    civil_society: bool,
}

impl Sides {
    pub(super) fn of<'p>(parties: impl IntoIterator<Item = &'p PartyRef>) -> Sides {
        let mut sides = Sides::default();
        for p in parties {
            match Side::of(p) {
                Side::Municipality => sides.municipality = true,
                Side::CivilSociety => sides.civil_society = true,
            }
        }
        sides
    }

    pub(super) fn has(self, side: Side) -> bool {
        match side {
            Side::Municipality => self.municipality,
            Side::CivilSociety => self.civil_society,
        }
    }
}

/// The rule "each side of the partnership has X" (a coordinator, coordination time), which the
/// sources ask of the municipality and of civil society alike.
pub(super) struct SideRule {
    /// The sides that have X.
    pub(super) covered: Sides,
    /// Where a side's missing X is reported.
    pub(super) path: FieldPath,
    pub(super) evidence: Vec<FieldPath>,
    /// The finding for a side without X: a whole sentence per side, so each reads naturally in
    /// both languages.
    pub(super) lacks: fn(Side) -> Text,
    /// The note from `(sides with X, sides that are parties)`.
    pub(super) note: fn(usize, usize) -> Text,
}

/// The state of one agreement on the assessment's date, which every check reads.
pub(super) struct Ctx<'a> {
    pub(super) d: &'a Dossier,
    pub(super) a: &'a Agreement,
    pub(super) as_of: NaiveDate,
    /// The terms of the version in force on the date.
    pub(super) terms: &'a AgreementTerms,
    pub(super) status: AgreementStatus,
    /// `agreements[i]`.
    pub(super) ap: FieldPath,
    /// `agreements[i].versions[k].terms` of the version in force.
    pub(super) tp: FieldPath,
}

impl<'a> Ctx<'a> {
    pub(super) fn started(&self) -> bool {
        self.terms.term.start <= self.as_of
    }

    pub(super) fn ended(&self) -> bool {
        self.status == AgreementStatus::Ended
    }

    /// What a time-bound check says once the agreement has ended: nothing left to judge.
    pub(super) fn ended_run(&self) -> CheckRun {
        CheckRun::na(
            tx(
                "Aftalen er afsluttet på datoen.",
                "The agreement has ended on the date.",
            ),
            vec![self.ap.field("status")],
        )
    }

    /// The start of the 12 months up to the date that turnover, meetings and briefings count.
    pub(super) fn window_start(&self) -> NaiveDate {
        days_before(self.as_of, 365)
    }

    /// A party's display name; champions (individuals) by their kind and id only.
    pub(super) fn party_text(&self, party: &PartyRef) -> Text {
        self.d.party_text(party)
    }

    pub(super) fn post(&self, id: &PostId) -> Option<(usize, &'a Post)> {
        self.d.posts.iter().enumerate().find(|(_, p)| &p.id == id)
    }

    /// The sides that are parties to the agreement.
    pub(super) fn sides(&self) -> Sides {
        Sides::of(self.terms.parties.iter().map(|p| &p.party))
    }

    /// Judges a [`SideRule`] for each side that is a party, municipality first: one finding
    /// for each side without X, and credit for the share of sides with it. Not applicable to
    /// an agreement without parties.
    pub(super) fn each_side(&self, rule: SideRule) -> CheckRun {
        let parties = self.sides();
        let required: Vec<Side> = BOTH_SIDES.into_iter().filter(|s| parties.has(*s)).collect();
        if required.is_empty() {
            return CheckRun::na(
                tx("Aftalen har ingen parter.", "The agreement has no parties."),
                rule.evidence,
            );
        }
        let findings: Vec<RawFinding> = required
            .iter()
            .filter(|s| !rule.covered.has(**s))
            .map(|s| raw(rule.path.clone(), (rule.lacks)(*s), rule.evidence.clone()))
            .collect();
        let ok = required.len() - findings.len();
        CheckRun::scored(
            ratio(ok, required.len()),
            (rule.note)(ok, required.len()),
            rule.evidence,
            findings,
        )
    }

    /// How broadly one side takes part: of `wanted` recommended kinds of actor, `missing` are
    /// not among the parties. Credit for the share present; not applicable when the side is not
    /// a party. `note` reads the number present; `lacks` the missing kinds, joined by
    /// `separator`.
    pub(super) fn side_breadth(
        &self,
        side: Side,
        wanted: usize,
        missing: &[Text],
        separator: &str,
        note: impl Fn(usize) -> Text,
        lacks: impl Fn(&str, &str) -> Text,
    ) -> CheckRun {
        let pp = self.tp.field("parties");
        if !self.sides().has(side) {
            return CheckRun::na(not_a_party(side), vec![pp]);
        }
        let covered = wanted.saturating_sub(missing.len());
        let note = note(covered);
        if missing.is_empty() {
            return CheckRun::met(note, vec![pp]);
        }
        let list = |lang: Lang| {
            missing
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join(separator)
        };
        CheckRun::failed(
            note,
            vec![pp.clone()],
            pp,
            lacks(&list(Lang::Da), &list(Lang::En)),
        )
        .with_credit(ratio(covered, wanted))
    }
}
