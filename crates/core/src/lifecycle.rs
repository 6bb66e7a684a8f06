//! Moving agreements through their lifecycle, with rules that can block a step.
//!
//! A transition must be an edge of [`AgreementStatus`]'s lifecycle and pass the rules of a
//! [`TransitionPolicy`]. Rules return [`Finding`]s; error findings block, unless the request
//! carries an override reason, which is then recorded in the event with the codes it overrode.
//! [`TransitionPolicy::standard`] holds the built-in rules; other modules (checklists, roles) add
//! their own by implementing [`TransitionRule`].

use crate::agreement::{
    Agreement, AgreementTerms, AgreementVersion, Amendment, OverrideRecord, StatusEvent,
};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding, FindingKind, SeedDocument, Severity, SourceRef};
use crate::i18n::{Label, Text};
use crate::ids::{AgreementId, PersonId};
use crate::status::AgreementStatus;
use crate::time::Timestamp;
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

/// The rules a transition must pass.
#[derive(Debug, Default)]
pub struct TransitionPolicy {
    rules: Vec<Box<dyn TransitionRule>>,
}

impl TransitionPolicy {
    /// A policy with no rules: only the lifecycle's edges are enforced.
    pub fn empty() -> Self {
        Self { rules: Vec::new() }
    }

    /// The built-in rules: a valid agreement, signing readiness, not activating before the
    /// term starts, a role split without errors ([`crate::roles::RoleSplitRule`]), and the
    /// checklists required before signing with no unresolved critical divergence
    /// ([`crate::checklists::ChecklistReadinessRule`]).
    pub fn standard() -> Self {
        Self::empty()
            .with_rule(ValidAgreementRule)
            .with_rule(SigningReadinessRule)
            .with_rule(ActivationRule)
            .with_rule(crate::roles::rule::RoleSplitRule)
            .with_rule(crate::checklists::readiness::ChecklistReadinessRule)
    }

    /// This policy with one more rule.
    #[must_use]
    pub fn with_rule(mut self, rule: impl TransitionRule + 'static) -> Self {
        self.rules.push(Box::new(rule));
        self
    }

    /// Adds a rule.
    pub fn add_rule(&mut self, rule: Box<dyn TransitionRule>) {
        self.rules.push(rule);
    }

    /// All findings of all applicable rules.
    pub fn check(&self, ctx: &TransitionContext<'_>) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .rules
            .iter()
            .filter(|r| r.applies(ctx.from, ctx.to))
            .flat_map(|r| r.check(ctx))
            .collect();
        crate::finding::sort_findings(&mut out);
        out
    }
}

/// A request to change an agreement's status.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransitionRequest {
    /// The agreement.
    pub agreement: AgreementId,
    /// The status asked for.
    pub to: AgreementStatus,
    /// Who makes the change; must be a person in the dossier.
    pub by: PersonId,
    /// When.
    pub at: Timestamp,
    /// A note for the history.
    pub note: Option<String>,
    /// Go ahead despite blocking findings, for this reason (recorded).
    pub override_reason: Option<String>,
}

/// The kinds of finding the built-in transition rules produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleCode {
    /// The agreement has validation errors.
    InvalidAgreement,
    /// Fewer than two parties.
    TooFewParties,
    /// No municipal party.
    NoMunicipalParty,
    /// No civil-society party.
    NoCivilSocietyParty,
    /// No shared written goal.
    NoSharedGoal,
    /// A side has no coordinator.
    NoCoordinatorForSide,
    /// No fixed meeting forum.
    NoRoutines,
    /// A party has no signatory.
    NoSignatory,
    /// No exit terms.
    NoExitTerms,
    /// Activation before the term starts.
    BeforeStart,
}

impl FindingKind for LifecycleCode {
    fn code(self) -> &'static str {
        match self {
            LifecycleCode::InvalidAgreement => "lifecycle.invalid_agreement",
            LifecycleCode::TooFewParties => "signing.too_few_parties",
            LifecycleCode::NoMunicipalParty => "signing.no_municipal_party",
            LifecycleCode::NoCivilSocietyParty => "signing.no_civil_society_party",
            LifecycleCode::NoSharedGoal => "signing.no_shared_goal",
            LifecycleCode::NoCoordinatorForSide => "signing.no_coordinator_for_side",
            LifecycleCode::NoRoutines => "signing.no_routines",
            LifecycleCode::NoSignatory => "signing.no_signatory",
            LifecycleCode::NoExitTerms => "signing.no_exit_terms",
            LifecycleCode::BeforeStart => "activation.before_start",
        }
    }

    fn severity(self) -> Severity {
        match self {
            LifecycleCode::NoSignatory | LifecycleCode::NoExitTerms => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn source(self) -> Option<SourceRef> {
        let section = match self {
            LifecycleCode::NoSharedGoal => "Afstemning af forventninger og mål",
            LifecycleCode::NoCoordinatorForSide | LifecycleCode::NoRoutines => {
                "Formalisering og kommunikation"
            }
            LifecycleCode::NoCivilSocietyParty => "Anbefalinger",
            _ => return None,
        };
        Some(SourceRef::new(SeedDocument::Lbb2017, section))
    }
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
        let errors: Vec<Finding> = ctx
            .dossier
            .validate()
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
                format!("Aftalen har {n} valideringsfejl; ret dem først (se validate)."),
                format!(
                    "The agreement has {n} validation error(s); fix them first (see validate)."
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

/// Why an agreement operation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LifecycleError {
    /// No agreement with that id.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    /// No person with that id in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// Not an edge of the lifecycle.
    #[error("{} → {} is not a step of the lifecycle", from.label(crate::i18n::Lang::En), to.label(crate::i18n::Lang::En))]
    NotAnEdge {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
    },
    /// Rules block the transition; an override with a reason can let it through.
    #[error("{} → {} is blocked by {} finding(s)", from.label(crate::i18n::Lang::En), to.label(crate::i18n::Lang::En), findings.len())]
    Blocked {
        /// From.
        from: AgreementStatus,
        /// To.
        to: AgreementStatus,
        /// The blocking findings.
        findings: Vec<Finding>,
    },
    /// An override needs a non-empty reason.
    #[error("an override needs a reason")]
    EmptyOverrideReason,
    /// An ended agreement cannot be amended.
    #[error("an agreement in status {0:?} cannot be amended")]
    NotAmendable(AgreementStatus),
    /// The amended terms are not valid.
    #[error("the amended terms have {} error(s)", .0.len())]
    InvalidTerms(Vec<Finding>),
    /// An amendment needs a non-empty reason.
    #[error("an amendment needs a reason")]
    EmptyAmendmentReason,
}

impl LifecycleError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleError::UnknownAgreement(_) => "not_found.agreement",
            LifecycleError::UnknownPerson(_) => "not_found.person",
            LifecycleError::NotAnEdge { .. } => "lifecycle.not_an_edge",
            LifecycleError::Blocked { .. } => "lifecycle.blocked",
            LifecycleError::EmptyOverrideReason => "lifecycle.empty_override_reason",
            LifecycleError::NotAmendable(_) => "lifecycle.not_amendable",
            LifecycleError::InvalidTerms(_) => "lifecycle.invalid_terms",
            LifecycleError::EmptyAmendmentReason => "lifecycle.empty_amendment_reason",
        }
    }
}

impl From<LifecycleError> for BrobyggerError {
    fn from(e: LifecycleError) -> Self {
        let code = e.code().to_owned();
        match e {
            LifecycleError::UnknownAgreement(id) => BrobyggerError::NotFound {
                code,
                entity: "agreement".into(),
                id,
            },
            LifecycleError::UnknownPerson(id) => BrobyggerError::NotFound {
                code,
                entity: "person".into(),
                id,
            },
            LifecycleError::NotAnEdge { from, to } => BrobyggerError::InvalidTransition {
                code,
                from,
                to,
                findings: Vec::new(),
            },
            LifecycleError::Blocked { from, to, findings } => BrobyggerError::InvalidTransition {
                code,
                from,
                to,
                findings,
            },
            LifecycleError::EmptyOverrideReason => BrobyggerError::InvalidInput {
                code,
                path: "override_reason".into(),
                reason: "an override needs a non-empty reason".into(),
            },
            LifecycleError::EmptyAmendmentReason => BrobyggerError::InvalidInput {
                code,
                path: "amendment.reason".into(),
                reason: "an amendment needs a non-empty reason".into(),
            },
            LifecycleError::NotAmendable(status) => BrobyggerError::InvalidInput {
                code,
                path: "status".into(),
                reason: format!(
                    "an agreement that is {} cannot be amended",
                    status.label(crate::i18n::Lang::En)
                ),
            },
            LifecycleError::InvalidTerms(findings) => BrobyggerError::Validation { code, findings },
        }
    }
}

impl Dossier {
    fn agreement_index(&self, id: &AgreementId) -> Result<usize, LifecycleError> {
        self.agreements
            .iter()
            .position(|a| &a.id == id)
            .ok_or_else(|| LifecycleError::UnknownAgreement(id.to_string()))
    }

    /// The findings a transition would meet under `policy`, without making it.
    pub fn preview_transition(
        &self,
        agreement: &AgreementId,
        to: AgreementStatus,
        at: Timestamp,
        policy: &TransitionPolicy,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        let index = self.agreement_index(agreement)?;
        let a = &self.agreements[index];
        if !a.status.can_move_to(to) {
            return Err(LifecycleError::NotAnEdge { from: a.status, to }.into());
        }
        Ok(policy.check(&TransitionContext {
            dossier: self,
            agreement: a,
            index,
            from: a.status,
            to,
            at,
        }))
    }

    /// Changes an agreement's status under the standard policy.
    pub fn transition(
        &mut self,
        request: TransitionRequest,
    ) -> Result<StatusEvent, BrobyggerError> {
        self.transition_with(request, &TransitionPolicy::standard())
    }

    /// Changes an agreement's status under `policy`, recording a dated, attributed event.
    /// Nothing changes if it fails.
    pub fn transition_with(
        &mut self,
        request: TransitionRequest,
        policy: &TransitionPolicy,
    ) -> Result<StatusEvent, BrobyggerError> {
        let index = self.agreement_index(&request.agreement)?;
        if self.person(&request.by).is_none() {
            return Err(LifecycleError::UnknownPerson(request.by.to_string()).into());
        }
        if request
            .override_reason
            .as_ref()
            .is_some_and(|r| r.trim().is_empty())
        {
            return Err(LifecycleError::EmptyOverrideReason.into());
        }
        let a = &self.agreements[index];
        let from = a.status;
        let to = request.to;
        if !from.can_move_to(to) {
            return Err(LifecycleError::NotAnEdge { from, to }.into());
        }
        let findings = policy.check(&TransitionContext {
            dossier: self,
            agreement: a,
            index,
            from,
            to,
            at: request.at,
        });
        let blocking: Vec<Finding> = findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let override_record = match (&request.override_reason, blocking.is_empty()) {
            (_, true) => None,
            (Some(reason), false) => Some(OverrideRecord {
                reason: reason.clone(),
                overridden: blocking.iter().map(|f| f.code.clone()).collect(),
            }),
            (None, false) => {
                return Err(LifecycleError::Blocked {
                    from,
                    to,
                    findings: blocking,
                }
                .into());
            }
        };
        let event = StatusEvent {
            from,
            to,
            at: request.at,
            by: request.by,
            version: a.current().map(|v| v.number).unwrap_or(1),
            note: request.note,
            override_record,
        };
        let a = &mut self.agreements[index];
        a.status = to;
        a.history.push(event.clone());
        Ok(event)
    }

    /// Replaces the terms of an agreement that is still a draft or under negotiation.
    /// Binding agreements are changed with [`Dossier::amend`].
    pub fn edit_terms(
        &mut self,
        agreement: &AgreementId,
        terms: AgreementTerms,
    ) -> Result<(), BrobyggerError> {
        let index = self.agreement_index(agreement)?;
        let status = self.agreements[index].status;
        if status.is_binding() || status == AgreementStatus::Ended {
            return Err(BrobyggerError::invalid_input(
                "lifecycle.binding_terms",
                "terms",
                "the agreement is signed or ended; amend it to make a new version",
            ));
        }
        let mut next = self.clone();
        match next.agreements[index].versions.last_mut() {
            Some(v) => v.terms = terms,
            None => next.agreements[index].versions.push(AgreementVersion {
                number: 1,
                amendment: None,
                terms,
            }),
        }
        next.ensure_terms_valid(index)?;
        *self = next;
        Ok(())
    }

    /// Amends a signed, active or under-review agreement: appends a new version with the new
    /// terms and the amendment record, keeping earlier versions readable. Returns the new
    /// version number. Nothing changes if the new terms have errors.
    pub fn amend(
        &mut self,
        agreement: &AgreementId,
        terms: AgreementTerms,
        amendment: Amendment,
    ) -> Result<u32, BrobyggerError> {
        let index = self.agreement_index(agreement)?;
        let status = self.agreements[index].status;
        if !status.is_binding() {
            return Err(LifecycleError::NotAmendable(status).into());
        }
        if amendment.reason.trim().is_empty() {
            return Err(LifecycleError::EmptyAmendmentReason.into());
        }
        if self.person(&amendment.by).is_none() {
            return Err(LifecycleError::UnknownPerson(amendment.by.to_string()).into());
        }
        let mut next = self.clone();
        let a = &mut next.agreements[index];
        let number = a.versions.last().map(|v| v.number + 1).unwrap_or(1);
        a.versions.push(AgreementVersion {
            number,
            amendment: Some(amendment),
            terms,
        });
        next.ensure_terms_valid(index)?;
        *self = next;
        Ok(number)
    }

    fn ensure_terms_valid(&self, index: usize) -> Result<(), BrobyggerError> {
        let prefix = FieldPath::root().field("agreements").index(index);
        let errors: Vec<Finding> = self
            .validate()
            .into_iter()
            .filter(|f| f.severity == Severity::Error && f.path.is_within(&prefix))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(LifecycleError::InvalidTerms(errors).into())
        }
    }
}
