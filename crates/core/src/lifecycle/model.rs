//! The codes of the lifecycle: the findings of the built-in transition rules (`lifecycle.*`,
//! `signing.*`, `activation.*`) and the errors of status changes, edits and amendments. Below
//! the operations, since a role split refuses changes to binding terms with the same code.

use crate::code::codes;
use crate::finding::{FindingKind, SeedDocument, SourceRef};

codes! {
    /// The codes of agreements' lifecycle: the built-in transition rules' findings and the
    /// errors of status changes, edits and amendments.
    pub enum LifecycleCode in "lifecycle" {
        /// The agreement has validation errors.
        InvalidAgreement = "lifecycle.invalid_agreement", finding(Error),
            "Aftalen har valideringsfejl.",
            "The agreement has validation errors.";
        /// Fewer than two parties.
        TooFewParties = "signing.too_few_parties", finding(Error),
            "Aftalen har færre end to parter.",
            "The agreement has fewer than two parties.";
        /// No municipal party.
        NoMunicipalParty = "signing.no_municipal_party", finding(Error),
            "Aftalen har ingen kommunal part.",
            "The agreement has no municipal party.";
        /// No civil-society party.
        NoCivilSocietyParty = "signing.no_civil_society_party", finding(Error),
            "Aftalen har ingen part fra civilsamfundet.",
            "The agreement has no civil-society party.";
        /// No shared written goal.
        NoSharedGoal = "signing.no_shared_goal", finding(Error),
            "Aftalen har intet fælles, skriftligt mål.",
            "The agreement has no shared written goal.";
        /// A side has no coordinator.
        NoCoordinatorForSide = "signing.no_coordinator_for_side", finding(Error),
            "En af siderne har ingen koordinator.",
            "One of the sides has no coordinator.";
        /// No fixed meeting forum.
        NoRoutines = "signing.no_routines", finding(Error),
            "Aftalen har intet fast mødeforum.",
            "The agreement has no fixed meeting forum.";
        /// A party has no signatory.
        NoSignatory = "signing.no_signatory", finding(Warning),
            "En part har ingen, der skriver under.",
            "A party has no signatory.";
        /// No exit terms.
        NoExitTerms = "signing.no_exit_terms", finding(Warning),
            "Aftalen siger ikke, hvordan den kan opsiges.",
            "The agreement has no exit terms.";
        /// Activation before the term starts.
        BeforeStart = "activation.before_start", finding(Error),
            "Aftalen kan ikke træde i kraft før sin startdato.",
            "The agreement cannot become active before its start date.";
        /// Not an edge of the lifecycle.
        NotAnEdge = "lifecycle.not_an_edge", error(InvalidTransition),
            "En aftale kan ikke gå fra {from} til {to}.",
            "An agreement cannot go from {from} to {to}.";
        /// Rules block the transition; an override with a reason can let it through.
        Blocked = "lifecycle.blocked", error(InvalidTransition),
            "Skiftet fra {from} til {to} blokeres af fund; ret dem, eller gå videre med en begrundelse.",
            "The step from {from} to {to} is blocked by findings; fix them, or go ahead with a reason.";
        /// The terms would hand a statutory municipal duty to a party outside the municipality;
        /// no override lets it through.
        StatutoryLine = "lifecycle.statutory_line", error(InvalidTransition),
            "Skiftet fra {from} til {to} ville overlade en lovbestemt kommunal opgave til en part uden for kommunen; det kan ingen begrundelse tillade. Fundene nævner opgaven og lovgrundlaget.",
            "The step from {from} to {to} would hand a statutory municipal task to a party outside the municipality; no override can allow it. The findings name the task and the legal basis.";
        /// An override needs a non-empty reason.
        EmptyOverrideReason = "lifecycle.empty_override_reason", error(InvalidInput),
            "At gå videre trods blokerende fund kræver en begrundelse.",
            "Going ahead despite blocking findings needs a reason.";
        /// An ended agreement cannot be amended.
        NotAmendable = "lifecycle.not_amendable", error(InvalidInput),
            "Aftalen kan ikke ændres i sin nuværende status.",
            "The agreement cannot be amended in its current status.";
        /// The amended terms are not valid.
        InvalidTerms = "lifecycle.invalid_terms", error(Validation),
            "De ændrede vilkår er ikke gyldige.",
            "The amended terms are not valid.";
        /// An amendment needs a non-empty reason.
        EmptyAmendmentReason = "lifecycle.empty_amendment_reason", error(InvalidInput),
            "En ændring af aftalen kræver en begrundelse.",
            "An amendment needs a reason.";
        /// The terms of a signed, active or ended agreement change only by amendment.
        BindingTerms = "lifecycle.binding_terms", error(InvalidInput),
            "Aftalen er underskrevet eller afsluttet; lav en ændring (en ny version) i stedet.",
            "The agreement is signed or ended; amend it (a new version) instead.";
    }
}

impl FindingKind for LifecycleCode {
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
