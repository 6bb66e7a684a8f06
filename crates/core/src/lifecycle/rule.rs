//! The rules a status transition must pass: what a rule sees ([`TransitionContext`]), the
//! [`TransitionRule`] trait other features implement (roles, checklists), and the built-in
//! rules with their finding codes ([`LifecycleCode`]).

use crate::agreement::{Agreement, AgreementTerms};
use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding, Severity};
use crate::i18n::plural::{self, VALIDATION_ERROR};
use crate::i18n::{Lang, Text};
use crate::lifecycle::model::LifecycleCode;
use crate::status::AgreementStatus;
use crate::time::Timestamp;
use crate::validate::validate;
use std::fmt;

/// What a rule sees when judging a transition.
#[derive(Debug, Clone, Copy)]
pub struct TransitionContext<'a> {
    /// The whole dossier.
    pub dossier: &'a Dossier,
    /// The agreement.
    pub agreement: &'a Agreement,
    /// The agreement's position in `dossier.agreements`, for building paths.
    pub index: usize,
    /// The status now.
    pub from: AgreementStatus,
    /// The status asked for.
    pub to: AgreementStatus,
    /// When the change is to happen.
    pub at: Timestamp,
}

impl TransitionContext<'_> {
    /// The path of the agreement, `agreements[i]`.
    pub fn path(&self) -> FieldPath {
        FieldPath::root().field("agreements").index(self.index)
    }

    /// The path of the terms in force, `agreements[i].versions[k].terms`.
    pub fn terms_path(&self) -> FieldPath {
        let k = self.agreement.versions.len().saturating_sub(1);
        self.path().field("versions").index(k).field("terms")
    }
}

/// A rule judging status transitions. Error findings block the transition.
pub trait TransitionRule: fmt::Debug + Send + Sync {
    /// Whether the rule has anything to say about `from → to`.
    fn applies(&self, from: AgreementStatus, to: AgreementStatus) -> bool;
    /// The findings for this transition.
    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding>;
}

/// Blocks signing and activation while the agreement has validation errors.
#[derive(Debug, Clone, Copy)]
pub struct ValidAgreementRule;

impl TransitionRule for ValidAgreementRule {
    fn applies(&self, _from: AgreementStatus, to: AgreementStatus) -> bool {
        matches!(to, AgreementStatus::Signed | AgreementStatus::Active)
    }

    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let prefix = ctx.path();
        let errors: Vec<Finding> = validate(ctx.dossier)
            .into_iter()
            .filter(|f| f.severity == Severity::Error && f.path.is_within(&prefix))
            .collect();
        if errors.is_empty() {
            return Vec::new();
        }
        let n = errors.len();
        vec![Finding::of(
            LifecycleCode::InvalidAgreement,
            ctx.path(),
            Text::new(
                format!(
                    "Aftalen har {}; ret {} først (se validate).",
                    VALIDATION_ERROR.count(Lang::Da, plural::n(n)),
                    plural::pick(plural::n(n), "den", "dem")
                ),
                format!(
                    "The agreement has {}; fix {} first (see validate).",
                    VALIDATION_ERROR.count(Lang::En, plural::n(n)),
                    plural::pick(plural::n(n), "it", "them")
                ),
            ),
        )]
    }
}

/// What an agreement needs before it is signed: two sides, a written shared goal, a
/// coordinator per side and fixed routines (001 "Formalisering og kommunikation").
#[derive(Debug, Clone, Copy)]
pub struct SigningReadinessRule;

impl TransitionRule for SigningReadinessRule {
    fn applies(&self, _from: AgreementStatus, to: AgreementStatus) -> bool {
        to == AgreementStatus::Signed
    }

    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let Some(terms) = ctx.agreement.terms() else {
            return Vec::new();
        };
        signing_findings(ctx.dossier, terms, &ctx.terms_path())
    }
}

/// The signing-readiness findings for a set of terms.
pub fn signing_findings(dossier: &Dossier, terms: &AgreementTerms, tp: &FieldPath) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |code: LifecycleCode, path: FieldPath, da: &str, en: &str| {
        out.push(Finding::of(code, path, Text::new(da, en)));
    };
    if terms.parties.len() < 2 {
        push(
            LifecycleCode::TooFewParties,
            tp.field("parties"),
            "En aftale kræver mindst to parter.",
            "An agreement needs at least two parties.",
        );
    }
    let municipal = terms.parties.iter().any(|p| p.party.is_municipal());
    let civil = terms.parties.iter().any(|p| !p.party.is_municipal());
    if !municipal {
        push(
            LifecycleCode::NoMunicipalParty,
            tp.field("parties"),
            "Kommunen er ikke part i aftalen.",
            "The municipality is not a party to the agreement.",
        );
    }
    if !civil {
        push(
            LifecycleCode::NoCivilSocietyParty,
            tp.field("parties"),
            "Ingen civilsamfundsaktør er part i aftalen.",
            "No civil-society actor is a party to the agreement.",
        );
    }
    if !terms
        .goals
        .iter()
        .any(|g| g.owner == crate::agreement::GoalOwner::Shared && !g.text.trim().is_empty())
    {
        push(
            LifecycleCode::NoSharedGoal,
            tp.field("goals"),
            "Aftalen har intet skriftligt fælles mål.",
            "The agreement has no written shared goal.",
        );
    }
    let coordinator_parties: Vec<_> = terms
        .governance
        .coordinators
        .iter()
        .filter_map(|id| dossier.post(id))
        .map(|p| &p.party)
        .collect();
    if municipal && !coordinator_parties.iter().any(|p| p.is_municipal()) {
        push(
            LifecycleCode::NoCoordinatorForSide,
            tp.field("governance").field("coordinators"),
            "Kommunen har ingen tovholder i aftalen.",
            "The municipality has no coordinator in the agreement.",
        );
    }
    if civil && !coordinator_parties.iter().any(|p| !p.is_municipal()) {
        push(
            LifecycleCode::NoCoordinatorForSide,
            tp.field("governance").field("coordinators"),
            "Civilsamfundssiden har ingen tovholder i aftalen.",
            "The civil-society side has no coordinator in the agreement.",
        );
    }
    if terms.routines.is_empty() {
        push(
            LifecycleCode::NoRoutines,
            tp.field("routines"),
            "Aftalen har ingen faste mødefora eller rutiner.",
            "The agreement has no fixed meeting forums or routines.",
        );
    }
    for (j, p) in terms.parties.iter().enumerate() {
        if p.signatory.is_none() {
            push(
                LifecycleCode::NoSignatory,
                tp.field("parties").index(j).field("signatory"),
                "Parten har ingen underskriver.",
                "The party has no signatory.",
            );
        }
    }
    if terms.exit.is_none() {
        push(
            LifecycleCode::NoExitTerms,
            tp.field("exit"),
            "Aftalen siger ikke, hvordan en part træder ud.",
            "The agreement does not say how a party exits.",
        );
    }
    out
}

/// An agreement cannot become active before its term starts.
#[derive(Debug, Clone, Copy)]
pub struct ActivationRule;

impl TransitionRule for ActivationRule {
    fn applies(&self, _from: AgreementStatus, to: AgreementStatus) -> bool {
        to == AgreementStatus::Active
    }

    fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let Some(terms) = ctx.agreement.terms() else {
            return Vec::new();
        };
        if ctx.at.date_naive() < terms.term.start {
            let start = terms.term.start;
            vec![Finding::of(
                LifecycleCode::BeforeStart,
                ctx.terms_path().field("term").field("start"),
                Text::new(
                    format!("Aftalen kan ikke blive aktiv før sin startdato {start}."),
                    format!("The agreement cannot become active before its start date {start}."),
                ),
            )]
        } else {
            Vec::new()
        }
    }
}
