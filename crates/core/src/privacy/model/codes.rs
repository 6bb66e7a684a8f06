//! The codes of privacy findings and errors, and the privacy error.

use crate::code::{ErrorCode, codes};
use crate::error::BrobyggerError;
use crate::finding::FindingKind;

codes! {
    /// The codes about personal data: findings of the records' validation, the dated review,
    /// withdrawal and retention reports, and the errors of the privacy operations.
    pub enum PrivacyCode in "privacy" {
        /// An attribute is not a field of a household or an offer.
        UnknownAttribute = "privacy.unknown_attribute", finding(Error),
            "Egenskaben er ikke et felt på en husstand eller et tilbud.",
            "The attribute is not a field of a household or an offer.";
        /// An attribute belongs to the other kind of subject (an offer field on a household's
        /// consent).
        AttributeOfOtherSubject = "privacy.attribute_of_other_subject", finding(Error),
            "Egenskaben hører til den anden slags registrerede (et tilbuds felt i en husstands samtykke).",
            "The attribute belongs to the other kind of subject (an offer's field on a household's consent).";
        /// A consent names no purpose.
        NoPurpose = "privacy.no_purpose", finding(Error),
            "Samtykket nævner intet formål.",
            "The consent names no purpose.";
        /// Dates contradict each other (withdrawn before given, expiring before given).
        DatesOutOfOrder = "privacy.dates_out_of_order", finding(Error),
            "Datoerne modsiger hinanden (trukket tilbage eller udløbet, før det blev givet).",
            "The dates contradict each other (withdrawn or expiring before it was given).";
        /// A legal basis record says "consent"; consents are consent records.
        ConsentAsBasis = "privacy.consent_as_basis", finding(Error),
            "Et retsgrundlag angiver samtykke; samtykker registreres som samtykker.",
            "A legal basis says consent; consents are recorded as consents.";
        /// The legal basis cannot serve the purpose (contact details passed on "for a public task").
        BasisDoesNotFitPurpose = "privacy.basis_does_not_fit_purpose", finding(Error),
            "Retsgrundlaget kan ikke bære formålet (fx kontaktoplysninger givet videre som myndighedsopgave).",
            "The legal basis cannot serve the purpose (contact details passed on as a public task, say).";
        /// The legal basis cannot cover the attribute's class (special-category data on a
        /// legitimate interest).
        BasisDoesNotCoverAttribute = "privacy.basis_does_not_cover_attribute", finding(Error),
            "Retsgrundlaget kan ikke dække egenskabens slags oplysninger (fx følsomme oplysninger på en legitim interesse).",
            "The legal basis cannot cover the attribute's class of data (special-category data on a legitimate interest, say).";
        /// A consent lists an attribute that needs no explicit consent.
        AttributeNeedsNoExplicitConsent = "privacy.attribute_needs_no_explicit_consent", finding(Warning),
            "Samtykket nævner en egenskab, der ikke kræver udtrykkeligt samtykke.",
            "The consent lists an attribute that needs no explicit consent.";
        /// A proposal's history is not a valid sequence of steps.
        InvalidProposalHistory = "privacy.invalid_proposal_history", finding(Error),
            "Matchforslagets historik er ikke en gyldig række af skridt.",
            "The proposal's history is not a valid sequence of steps.";
        /// A release names a basis the dossier does not have.
        DisclosureBasisMissing = "privacy.disclosure_basis_missing", finding(Error),
            "En videregivelse henviser til et grundlag, dossieret ikke har.",
            "A release names a basis the dossier does not have.";
        /// A stored run used a consent that has since been withdrawn.
        RunUsesWithdrawnConsent = "privacy.run_uses_withdrawn_consent", finding(Warning),
            "En gemt matchning brugte et samtykke, der siden er trukket tilbage.",
            "A stored run used a consent that has since been withdrawn.";
        /// A household or offer still holds sensitive data whose only consent was withdrawn.
        SensitiveDataAfterWithdrawal = "privacy.sensitive_data_after_withdrawal", finding(Warning),
            "En husstand eller et tilbud har stadig følsomme oplysninger, hvis eneste samtykke er trukket tilbage.",
            "A household or offer still holds sensitive data whose only consent was withdrawn.";
        /// A retention policy's action cannot apply to its record type.
        RetentionActionNotSupported = "privacy.retention_action_not_supported", finding(Error),
            "Opbevaringsreglens handling kan ikke bruges på dens slags oplysninger.",
            "The retention policy's action cannot apply to its record type.";
        /// Two retention policies for the same record type.
        DuplicateRetentionPolicy = "privacy.duplicate_retention_policy", finding(Warning),
            "To opbevaringsregler gælder samme slags oplysninger.",
            "Two retention policies cover the same record type.";
        /// A consent lapses within its warning period.
        ConsentExpiring = "privacy.consent_expiring", finding(Info),
            "Et samtykke udløber snart.",
            "A consent lapses soon.";
        /// A household in a cohort has no consent or basis for matching on the day.
        NoBasisForMatching = "privacy.no_basis_for_matching", finding(Warning),
            "En husstand i et hold har hverken samtykke eller andet grundlag for matchning på dagen.",
            "A household in a cohort has no consent or other basis for matching on the day.";
        /// A household or offer holds sensitive data no consent or basis covers on the day.
        SensitiveDataWithoutBasis = "privacy.sensitive_data_without_basis", finding(Warning),
            "En husstand eller et tilbud har følsomme oplysninger, som intet samtykke eller grundlag dækker på dagen.",
            "A household or offer holds sensitive data no consent or basis covers on the day.";
        /// An open proposal is past its expiry day.
        ProposalPastExpiry = "privacy.proposal_past_expiry", finding(Info),
            "Et åbent matchforslag er forbi sin udløbsdag.",
            "An open match proposal is past its expiry day.";
        /// A record is due for deletion or anonymisation.
        RetentionDue = "privacy.retention_due", finding(Warning),
            "Oplysninger skal nu slettes eller anonymiseres.",
            "A record is due for deletion or anonymisation.";
        /// A record will be due within the policy's warning period.
        RetentionUpcoming = "privacy.retention_upcoming", finding(Info),
            "Oplysninger skal snart slettes eller anonymiseres.",
            "A record will soon be due for deletion or anonymisation.";
        /// A record is past its retention period but still referenced by another record.
        RetentionHeldBack = "privacy.retention_held_back", finding(Info),
            "Oplysninger er over deres opbevaringstid, men bruges stadig af andre oplysninger.",
            "A record is past its retention period but still referenced by another record.";
        /// A withdrawn consent had data released under it before the withdrawal.
        ReleasedBeforeWithdrawal = "privacy.released_before_withdrawal", finding(Info),
            "Der blev givet oplysninger videre under samtykket, før det blev trukket tilbage.",
            "Data was released under the consent before it was withdrawn.";
        /// A proposal was closed because its basis was withdrawn.
        ProposalClosedByWithdrawal = "privacy.proposal_closed_by_withdrawal", finding(Info),
            "Et matchforslag blev lukket, fordi dets grundlag blev trukket tilbage.",
            "A match proposal was closed because its basis was withdrawn.";
        /// A profile in a dossier carries its own consent and basis fields, which a dossier does
        /// not read (its consents and bases are privacy records).
        ProfileBasisInDossier = "privacy.profile_basis_in_dossier", finding(Warning),
            "En husstand eller et tilbud i dossieret har egne felter for samtykke og grundlag; et dossier læser dem ikke (dets samtykker og grundlag er persondataoplysninger for sig).",
            "A household or offer in the dossier carries its own consent and basis fields; a dossier does not read them (its consents and bases are privacy records).";
        /// No consent or other basis covers the processing on the day.
        NoBasis = "privacy.no_basis", error(InvalidInput),
            "Intet samtykke eller andet grundlag dækker behandlingen på dagen.",
            "No consent or other basis covers the processing on the day.";
        /// The only consent that would cover it has expired.
        ConsentExpired = "privacy.consent_expired", error(InvalidInput),
            "Det eneste samtykke, der ville dække, er udløbet.",
            "The only consent that would cover it has expired.";
        /// The only consent that would cover it was withdrawn.
        ConsentWithdrawn = "privacy.consent_withdrawn", error(InvalidInput),
            "Det eneste samtykke, der ville dække, er trukket tilbage.",
            "The only consent that would cover it was withdrawn.";
        /// A run beside a dossier was given bases in the call; the dossier's own records hold
        /// its bases.
        DeclaredBasisInDossier = "privacy.declared_basis_in_dossier", error(InvalidInput),
            "En matchning i et dossier bruger dossierets egne samtykker og grundlag; registrér grundlaget i dossieret, hvor gennemgangen ser det.",
            "A run beside a dossier uses the dossier's own consents and bases: record the basis in the dossier, where the review sees it.";
        /// The consent is already withdrawn.
        AlreadyWithdrawn = "privacy.already_withdrawn", error(InvalidInput),
            "Samtykket er allerede trukket tilbage.",
            "The consent is already withdrawn.";
        /// A date lies before the record it refers to.
        DateBefore = "privacy.date_before", error(InvalidInput),
            "Datoen ligger før det, den henviser til (fx en tilbagetrækning før samtykket blev givet).",
            "The date lies before what it refers to (a withdrawal before the consent was given, say).";
        /// Contact details can be released only after both sides accepted.
        ReleaseBeforeAcceptance = "privacy.release_before_acceptance", error(InvalidInput),
            "Kontaktoplysninger kan først gives videre, når begge sider har sagt ja.",
            "Contact details can be released only after both sides accepted.";
        /// The volunteer's side answers after the household's side.
        OutOfOrder = "privacy.out_of_order", error(InvalidInput),
            "Husstanden svarer først, derefter den frivillige.",
            "The household answers first, then the volunteer.";
        /// The proposal is closed (released, declined, expired or withdrawn).
        ProposalClosed = "privacy.proposal_closed", error(InvalidInput),
            "Matchforslaget er lukket.",
            "The match proposal is closed.";
        /// The proposal lapsed before the answer.
        ProposalExpired = "privacy.proposal_expired", error(InvalidInput),
            "Matchforslaget udløb før svaret.",
            "The match proposal expired before the answer.";
        /// An event cannot precede the proposal's last event.
        EventBeforePrevious = "privacy.event_before_previous", error(InvalidInput),
            "Hændelsen er dateret før forslagets seneste hændelse.",
            "The event is dated before the proposal's last event.";
        /// The same household and offer already have an open proposal.
        DuplicateProposal = "privacy.duplicate_proposal", error(InvalidInput),
            "Husstanden og tilbuddet har allerede et åbent matchforslag.",
            "The household and the offer already have an open proposal.";
        /// The run does not propose this match.
        NotInRun = "privacy.not_in_run", error(InvalidInput),
            "Matchningen foreslår ikke dette match.",
            "The run does not propose this match.";
        /// A release names no field.
        NothingToRelease = "privacy.nothing_to_release", error(InvalidInput),
            "En videregivelse skal nævne mindst én kontaktoplysning.",
            "A release must name at least one contact field.";
        /// A volunteer asked about a household not proposed to their offer.
        NotProposedToVolunteer = "privacy.not_proposed_to_volunteer", error(InvalidInput),
            "Husstanden er ikke foreslået til den frivilliges tilbud.",
            "The household is not proposed to the volunteer's offer.";
        /// A purpose name outside the vocabulary.
        UnknownPurpose = "privacy.unknown_purpose", error(InvalidInput),
            "Formålet findes ikke i ordforrådet.",
            "The purpose is not in the vocabulary.";
        /// A subject key that is not `newcomer:<id>`, `person:<id>` or `offer:<id>`.
        BadSubjectKey = "privacy.bad_subject_key", error(InvalidInput),
            "En registreret skrives som newcomer:<id>, person:<id> eller offer:<id>.",
            "A subject key is newcomer:<id>, person:<id> or offer:<id>.";
        /// A viewer that is not one of the audiences.
        UnknownViewer = "privacy.unknown_viewer", error(InvalidInput),
            "En modtager er municipal_caseworker, coordinator, analyst eller volunteer:<tilbuds-id>.",
            "A viewer is municipal_caseworker, coordinator, analyst or volunteer:<offer id>.";
        /// A pseudonym key is too short or badly encoded.
        InvalidKey = "privacy.invalid_key", error(InvalidInput),
            "Nøglen til pseudonymer er for kort eller forkert skrevet (mindst 64 hextegn).",
            "The pseudonym key is too short or badly written (at least 64 hex digits).";
        /// Only opaque ids can be pseudonymised.
        NotAnOpaqueId = "privacy.not_an_opaque_id", error(InvalidInput),
            "Kun et tilfældigt id kan gøres til et pseudonym, aldrig et CPR-nummer eller et navn.",
            "Only an opaque id can be pseudonymised, never a national id number or a name.";
        /// A threshold or parameter is out of range.
        InvalidParameter = "privacy.invalid_parameter", error(InvalidInput),
            "En grænse eller parameter er uden for det tilladte område.",
            "A threshold or parameter is out of range.";
        /// A privacy record was not valid; every finding is attached.
        Invalid = "privacy.invalid", error(Validation),
            "Oplysningerne om persondata er ikke gyldige.",
            "The privacy record is not valid.";
        /// A DPV consent-record document that is not JSON.
        DpvSyntax = "privacy.dpv_syntax", error(Parse),
            "Filen er ikke JSON-LD med samtykkeregistreringer (ikke et JSON-dokument).",
            "The file is not JSON-LD consent records (not a JSON document).";
        /// A DPV document of a newer profile version, or without one.
        DpvVersion = "privacy.dpv_version", error(UnsupportedVersion),
            "Samtykkeregistreringerne har profilversion {found}; biblioteket læser op til version {supported}.",
            "The consent records have profile version {found}; the library reads up to version {supported}.";
        /// A record of a DPV document lacks a field or has one the library cannot read.
        DpvRecord = "privacy.dpv_record", error(InvalidInput),
            "En samtykkeregistrering mangler et felt eller har et, biblioteket ikke kan læse.",
            "A consent record lacks a field or has one the library cannot read.";
        /// Anonymising failed inside the library.
        Anonymise = "privacy.anonymise", error(Internal),
            "Anonymiseringen fejlede inde i biblioteket.",
            "Anonymisation failed inside the library.";
        /// Hiding a withheld attribute failed inside the library.
        Mask = "privacy.mask", error(Internal),
            "En tilbageholdt egenskab kunne ikke skjules.",
            "A withheld attribute could not be hidden.";
        /// Projecting a record for an audience failed inside the library.
        Project = "privacy.project", error(Internal),
            "Oplysningerne kunne ikke tilpasses modtageren.",
            "The record could not be cut down for the audience.";
    }
}

impl FindingKind for PrivacyCode {}

/// Why a privacy operation was refused. Messages name ids, fields and codes, never values.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrivacyError {
    /// No consent or other basis covers the processing on the day.
    #[error("no consent or other basis covers {purpose} of {subject}{} on {on}", attribute.as_ref().map(|a| format!(" ({a})")).unwrap_or_default())]
    NoBasis {
        /// The subject, as a key (`newcomer:nc-…`).
        subject: String,
        /// The purpose's key.
        purpose: &'static str,
        /// The attribute asked about, if any.
        attribute: Option<String>,
        /// The day.
        on: chrono::NaiveDate,
    },
    /// The only consent that would cover it has expired.
    #[error("consent {consent} expired on {expired_on}")]
    ConsentExpired {
        /// The consent.
        consent: String,
        /// The first day it no longer held.
        expired_on: chrono::NaiveDate,
    },
    /// The only consent that would cover it was withdrawn.
    #[error("consent {consent} was withdrawn on {withdrawn_on}")]
    ConsentWithdrawn {
        /// The consent.
        consent: String,
        /// The day the withdrawal took effect.
        withdrawn_on: chrono::NaiveDate,
    },
    /// The consent is already withdrawn.
    #[error("consent {0} is already withdrawn")]
    AlreadyWithdrawn(String),
    /// A date lies before the record it refers to (a withdrawal before the consent was given).
    #[error("{field} lies before {before}")]
    DateBefore {
        /// The argument.
        field: &'static str,
        /// What it may not precede.
        before: &'static str,
    },
    /// Contact details can be released only after both sides accepted.
    #[error("proposal {0} is not accepted by both sides; nothing can be released yet")]
    ReleaseBeforeAcceptance(String),
    /// The volunteer's side answers after the household's side.
    #[error("proposal {0}: the household's side accepts first")]
    OutOfOrder(String),
    /// The proposal is closed (released, declined, expired or withdrawn).
    #[error("proposal {0} is closed")]
    ProposalClosed(String),
    /// The proposal lapsed before the answer.
    #[error("proposal {0} expired before this answer")]
    ProposalExpired(String),
    /// An event cannot precede the proposal's last event.
    #[error("the event is dated before the proposal's last event")]
    EventBeforePrevious,
    /// The same household and offer already have an open proposal.
    #[error("household {newcomer} and offer {offer} already have an open proposal")]
    DuplicateProposal {
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// The run does not propose this match.
    #[error("run {run} does not match household {newcomer} with offer {offer}")]
    NotInRun {
        /// The run.
        run: String,
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// A release names no field.
    #[error("a release must name at least one contact field")]
    NothingToRelease,
    /// A volunteer asked about a household not proposed to their offer.
    #[error("household {newcomer} is not proposed to offer {offer}")]
    NotProposedToVolunteer {
        /// The household.
        newcomer: String,
        /// The volunteer's offer.
        offer: String,
    },
    /// A purpose name outside the vocabulary.
    #[error("unknown purpose; expected one of {0}")]
    UnknownPurpose(String),
    /// A pseudonym key is too short or badly encoded.
    #[error("invalid pseudonym key: {0}")]
    InvalidKey(&'static str),
    /// Only opaque ids can be pseudonymised: never a national id number or a name.
    #[error("only an opaque id can be pseudonymised (not a national id number or a name)")]
    NotAnOpaqueId,
    /// A threshold or parameter is out of range.
    #[error("{field}: {reason}")]
    InvalidParameter {
        /// The argument.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A record was not valid; every finding is attached.
    #[error("{} problem(s)", .0.len())]
    Invalid(Vec<crate::finding::Finding>),
}

impl PrivacyError {
    /// The stable machine code.
    pub fn code(&self) -> PrivacyCode {
        match self {
            PrivacyError::NoBasis { .. } => PrivacyCode::NoBasis,
            PrivacyError::ConsentExpired { .. } => PrivacyCode::ConsentExpired,
            PrivacyError::ConsentWithdrawn { .. } => PrivacyCode::ConsentWithdrawn,
            PrivacyError::AlreadyWithdrawn(_) => PrivacyCode::AlreadyWithdrawn,
            PrivacyError::DateBefore { .. } => PrivacyCode::DateBefore,
            PrivacyError::ReleaseBeforeAcceptance(_) => PrivacyCode::ReleaseBeforeAcceptance,
            PrivacyError::OutOfOrder(_) => PrivacyCode::OutOfOrder,
            PrivacyError::ProposalClosed(_) => PrivacyCode::ProposalClosed,
            PrivacyError::ProposalExpired(_) => PrivacyCode::ProposalExpired,
            PrivacyError::EventBeforePrevious => PrivacyCode::EventBeforePrevious,
            PrivacyError::DuplicateProposal { .. } => PrivacyCode::DuplicateProposal,
            PrivacyError::NotInRun { .. } => PrivacyCode::NotInRun,
            PrivacyError::NothingToRelease => PrivacyCode::NothingToRelease,
            PrivacyError::NotProposedToVolunteer { .. } => PrivacyCode::NotProposedToVolunteer,
            PrivacyError::UnknownPurpose(_) => PrivacyCode::UnknownPurpose,
            PrivacyError::InvalidKey(_) => PrivacyCode::InvalidKey,
            PrivacyError::NotAnOpaqueId => PrivacyCode::NotAnOpaqueId,
            PrivacyError::InvalidParameter { .. } => PrivacyCode::InvalidParameter,
            PrivacyError::Invalid(_) => PrivacyCode::Invalid,
        }
    }

    /// The argument or field the error is about, for [`BrobyggerError::InvalidInput`].
    fn path(&self) -> &'static str {
        match self {
            PrivacyError::NoBasis { .. }
            | PrivacyError::ConsentExpired { .. }
            | PrivacyError::ConsentWithdrawn { .. } => "basis",
            PrivacyError::AlreadyWithdrawn(_) => "consent",
            PrivacyError::DateBefore { field, .. } => field,
            PrivacyError::ReleaseBeforeAcceptance(_)
            | PrivacyError::OutOfOrder(_)
            | PrivacyError::ProposalClosed(_)
            | PrivacyError::ProposalExpired(_) => "proposal",
            PrivacyError::EventBeforePrevious => "at",
            PrivacyError::DuplicateProposal { .. } | PrivacyError::NotInRun { .. } => "proposal",
            PrivacyError::NothingToRelease => "fields",
            PrivacyError::NotProposedToVolunteer { .. } => "viewer.offer",
            PrivacyError::UnknownPurpose(_) => "purpose",
            PrivacyError::InvalidKey(_) => "key",
            PrivacyError::NotAnOpaqueId => "id",
            PrivacyError::InvalidParameter { field, .. } => field,
            PrivacyError::Invalid(_) => "",
        }
    }
}

impl From<PrivacyError> for BrobyggerError {
    fn from(e: PrivacyError) -> Self {
        let code = ErrorCode::from(e.code());
        let path = e.path().to_owned();
        match e {
            PrivacyError::Invalid(findings) => BrobyggerError::Validation { code, findings },
            other => BrobyggerError::InvalidInput {
                code,
                path,
                reason: other.to_string(),
            },
        }
    }
}
