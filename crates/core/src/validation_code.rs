//! The codes of structural validation (`validation.*`): ids, references, texts, dates.
//!
//! A ground type because the models check their own structure with the same codes that
//! [`Dossier::validate`](crate::Dossier::validate) reports.

use crate::finding::{FindingKind, Severity};

/// The kinds of validation finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValidationCode {
    /// An id is empty, too long or has characters outside `A–Z a–z 0–9 . _ : -`.
    InvalidId,
    /// Two entities of the same kind share an id.
    DuplicateId,
    /// A reference points at nothing.
    DanglingReference,
    /// A name, title or text is empty.
    EmptyText,
    /// A municipality code is not one of the 98 official codes.
    UnknownMunicipalityCode,
    /// The municipality's name does not match its code.
    MunicipalityNameMismatch,
    /// An organisation id is in no accepted scheme or fails the CVR check.
    InvalidOrganisationId,
    /// A person id looks derived from the person's name or a national id number.
    PersonIdNotOpaque,
    /// A champion's (an individual's) organisation id looks made from the person's name.
    ChampionIdNotOpaque,
    /// An e-mail address has no `@`.
    InvalidEmail,
    /// An end date is not after its start date.
    EndBeforeStart,
    /// Two tenures of one post overlap.
    TenureOverlap,
    /// A review date lies outside the agreement's term.
    ReviewDateOutsideTerm,
    /// An agreement has no versions.
    NoVersions,
    /// Version numbers are not 1, 2, 3, ...
    VersionNumbering,
    /// A later version has no amendment record.
    MissingAmendment,
    /// The status history does not chain, is out of order, or does not end in the status.
    HistoryInconsistent,
    /// A post, forum participant, lead or goal owner is not one of the agreement's parties.
    NotAParty,
    /// The same party is listed twice in an agreement.
    DuplicateParty,
    /// A party to an agreement has no contact person.
    PartyWithoutContact,
    /// A number is NaN or infinite.
    NonFiniteNumber,
    /// A number that cannot be negative is.
    NegativeNumber,
    /// A cadence of zero days.
    ZeroInterval,
    /// A meeting's invitation went out after the meeting.
    InvitedAfterMeeting,
    /// A provenance path points at nothing in the document.
    UnresolvedProvenance,
    /// A post tied to an agreement acts for a party outside that agreement.
    PostOutsideAgreement,
}

impl FindingKind for ValidationCode {
    fn code(self) -> &'static str {
        use ValidationCode::*;
        match self {
            InvalidId => "validation.invalid_id",
            DuplicateId => "validation.duplicate_id",
            DanglingReference => "validation.dangling_reference",
            EmptyText => "validation.empty_text",
            UnknownMunicipalityCode => "validation.unknown_municipality_code",
            MunicipalityNameMismatch => "validation.municipality_name_mismatch",
            InvalidOrganisationId => "validation.invalid_organisation_id",
            PersonIdNotOpaque => "validation.person_id_not_opaque",
            ChampionIdNotOpaque => "validation.champion_id_not_opaque",
            InvalidEmail => "validation.invalid_email",
            EndBeforeStart => "validation.end_before_start",
            TenureOverlap => "validation.tenure_overlap",
            ReviewDateOutsideTerm => "validation.review_date_outside_term",
            NoVersions => "validation.no_versions",
            VersionNumbering => "validation.version_numbering",
            MissingAmendment => "validation.missing_amendment",
            HistoryInconsistent => "validation.history_inconsistent",
            NotAParty => "validation.not_a_party",
            DuplicateParty => "validation.duplicate_party",
            PartyWithoutContact => "validation.party_without_contact",
            NonFiniteNumber => "validation.non_finite_number",
            NegativeNumber => "validation.negative_number",
            ZeroInterval => "validation.zero_interval",
            InvitedAfterMeeting => "validation.invited_after_meeting",
            UnresolvedProvenance => "validation.unresolved_provenance",
            PostOutsideAgreement => "validation.post_outside_agreement",
        }
    }

    fn severity(self) -> Severity {
        use ValidationCode::*;
        match self {
            MunicipalityNameMismatch
            | InvalidEmail
            | ReviewDateOutsideTerm
            | MissingAmendment
            | PartyWithoutContact
            | UnresolvedProvenance
            | PostOutsideAgreement
            | ChampionIdNotOpaque => Severity::Warning,
            _ => Severity::Error,
        }
    }
}
