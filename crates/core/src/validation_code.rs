//! The codes of structural validation (`validation.*`): ids, references, texts, dates.
//!
//! A ground type because the models check their own structure with the same codes that
//! [`Dossier::validate`](crate::Dossier::validate) reports.

use crate::code::codes;
use crate::finding::FindingKind;

codes! {
    /// The kinds of validation finding, and the error that carries them.
    pub enum ValidationCode in "validation" {
        /// The data has errors; the error carries every finding.
        Failed = "validation.failed", error(Validation),
            "Data er ikke gyldige.",
            "The data is not valid.";
        /// An id is empty, too long or has characters outside `A–Z a–z 0–9 . _ : -`.
        InvalidId = "validation.invalid_id", both(Error, InvalidInput),
            "Et id er tomt, for langt eller har tegn uden for A–Z a–z 0–9 . _ : -.",
            "An id is empty, too long or has characters outside A–Z a–z 0–9 . _ : -.";
        /// Two entities of the same kind share an id.
        DuplicateId = "validation.duplicate_id", both(Error, InvalidInput),
            "To ting af samme slags har samme id.",
            "Two things of the same kind share an id.";
        /// A reference points at nothing.
        DanglingReference = "validation.dangling_reference", finding(Error),
            "En henvisning peger på noget, der ikke findes.",
            "A reference points at something that does not exist.";
        /// A name, title or text is empty.
        EmptyText = "validation.empty_text", both(Error, InvalidInput),
            "Et navn, en titel eller en tekst er tom.",
            "A name, title or text is empty.";
        /// A municipality code is not one of the 98 official codes.
        UnknownMunicipalityCode = "validation.unknown_municipality_code", finding(Error),
            "Kommunekoden er ikke en af de 98 officielle koder.",
            "The municipality code is not one of the 98 official codes.";
        /// The municipality's name does not match its code.
        MunicipalityNameMismatch = "validation.municipality_name_mismatch", finding(Warning),
            "Kommunens navn passer ikke til dens kode.",
            "The municipality's name does not match its code.";
        /// An organisation id is in no accepted scheme or fails the CVR check.
        InvalidOrganisationId = "validation.invalid_organisation_id", finding(Error),
            "Organisationens id følger ingen kendt ordning eller fejler CVR-kontrollen.",
            "The organisation id follows no accepted scheme or fails the CVR check.";
        /// A person id looks derived from the person's name or a national id number.
        PersonIdNotOpaque = "validation.person_id_not_opaque", both(Error, InvalidInput),
            "Et person-id ligner noget, der er lavet af personens navn eller CPR-nummer; brug et tilfældigt id.",
            "A person id looks made from the person's name or a national id number; use a random id.";
        /// A champion's (an individual's) organisation id looks made from the person's name.
        ChampionIdNotOpaque = "validation.champion_id_not_opaque", finding(Warning),
            "Id'et på en ildsjæl (en enkeltperson) ligner noget, der er lavet af personens navn.",
            "The id of a champion (an individual) looks made from the person's name.";
        /// An e-mail address has no `@`.
        InvalidEmail = "validation.invalid_email", finding(Warning),
            "E-mailadressen har intet @.",
            "The e-mail address has no @.";
        /// An end date is not after its start date.
        EndBeforeStart = "validation.end_before_start", finding(Error),
            "En slutdato ligger ikke efter sin startdato.",
            "An end date is not after its start date.";
        /// Two tenures of one post overlap.
        TenureOverlap = "validation.tenure_overlap", finding(Error),
            "To perioder på samme post overlapper.",
            "Two tenures of one post overlap.";
        /// A review date lies outside the agreement's term.
        ReviewDateOutsideTerm = "validation.review_date_outside_term", finding(Warning),
            "En evalueringsdato ligger uden for aftalens løbetid.",
            "A review date lies outside the agreement's term.";
        /// An agreement has no versions.
        NoVersions = "validation.no_versions", finding(Error),
            "Aftalen har ingen versioner.",
            "The agreement has no versions.";
        /// Version numbers are not 1, 2, 3, ...
        VersionNumbering = "validation.version_numbering", finding(Error),
            "Versionerne er ikke nummereret 1, 2, 3, ...",
            "The versions are not numbered 1, 2, 3, ...";
        /// A later version has no amendment record.
        MissingAmendment = "validation.missing_amendment", finding(Warning),
            "En senere version har ingen oplysning om ændringen (hvornår, hvem og hvorfor).",
            "A later version has no amendment record (when, by whom and why).";
        /// The status history does not chain, is out of order, or does not end in the status.
        HistoryInconsistent = "validation.history_inconsistent", finding(Error),
            "Statushistorikken hænger ikke sammen, er i forkert rækkefølge eller ender ikke i aftalens status.",
            "The status history does not chain, is out of order or does not end in the agreement's status.";
        /// A post, forum participant, lead or goal owner is not one of the agreement's parties.
        NotAParty = "validation.not_a_party", finding(Error),
            "En post, en mødedeltager, en ansvarlig eller en ejer af et mål er ikke part i aftalen.",
            "A post, forum participant, lead or goal owner is not a party to the agreement.";
        /// The same party is listed twice in an agreement.
        DuplicateParty = "validation.duplicate_party", finding(Error),
            "Samme part står to gange i aftalen.",
            "The same party is listed twice in the agreement.";
        /// A party to an agreement has no contact person.
        PartyWithoutContact = "validation.party_without_contact", finding(Warning),
            "En part i aftalen har ingen kontaktperson.",
            "A party to the agreement has no contact person.";
        /// A number is NaN or infinite.
        NonFiniteNumber = "validation.non_finite_number", finding(Error),
            "Et tal er ikke et endeligt tal.",
            "A number is not a finite number.";
        /// A number that cannot be negative is.
        NegativeNumber = "validation.negative_number", finding(Error),
            "Et tal, der ikke kan være negativt, er det.",
            "A number that cannot be negative is.";
        /// A cadence of zero days.
        ZeroInterval = "validation.zero_interval", finding(Error),
            "Et mødeinterval er nul dage.",
            "A meeting interval is zero days.";
        /// A meeting's invitation went out after the meeting.
        InvitedAfterMeeting = "validation.invited_after_meeting", finding(Error),
            "Indkaldelsen til et møde blev sendt efter mødet.",
            "A meeting's invitation went out after the meeting.";
        /// An action item of a meeting is due, or closed, before the meeting that agreed it.
        ActionBeforeMeeting = "validation.action_before_meeting", finding(Warning),
            "En opgave fra et møde har frist eller er afsluttet før mødet.",
            "An action item from a meeting is due or closed before the meeting.";
        /// An action item is marked done or dropped without the day it was closed, or has a
        /// closing day while still open.
        ActionClosedWithoutDay = "validation.action_closed_without_day", finding(Warning),
            "En opgave fra et møde er afsluttet uden dato, eller har en dato, men er åben.",
            "An action item from a meeting is closed without a day, or has a day but is open.";
        /// A provenance path points at nothing in the document.
        UnresolvedProvenance = "validation.unresolved_provenance", finding(Warning),
            "En kildeangivelse peger på noget, der ikke findes i dokumentet.",
            "A provenance path points at nothing in the document.";
        /// A post tied to an agreement acts for a party outside that agreement.
        PostOutsideAgreement = "validation.post_outside_agreement", finding(Warning),
            "En post knyttet til en aftale handler for en part uden for aftalen.",
            "A post tied to an agreement acts for a party outside that agreement.";
        /// An organisation named where another kind is expected (a place's housing organisation
        /// that is not one).
        WrongOrganisationKind = "validation.wrong_organisation_kind", finding(Warning),
            "En organisation er nævnt, hvor der ventes en anden slags (fx en boligorganisation, der ikke er det).",
            "An organisation is named where another kind is expected (e.g. a housing organisation that is not one).";
        /// A number or a date the library would overflow on when it counts or computes with it
        /// (a household of more people than a count holds, free places beyond four billion, a
        /// date outside the years 1900 to 2200).
        OutOfRange = "validation.out_of_range", finding(Error),
            "Et tal eller en dato ligger uden for det, biblioteket kan regne med (en husstand med flere personer, end et antal kan rumme, flere end fire milliarder frie pladser, en dato uden for årene 1900-2200).",
            "A number or date lies outside what the library can compute with (a household of more people than a count holds, over four billion free places, a date outside the years 1900 to 2200).";
        /// A status change went ahead despite blocking findings: who, when, why and what stays
        /// visible for as long as the history holds it.
        OverriddenFindings = "validation.overridden_findings", finding(Warning),
            "Et statusskift gik igennem trods blokerende fund; hvem, hvornår, hvorfor og hvilke fund står i historikken.",
            "A status change went ahead despite blocking findings; who, when, why and which findings stay in the history.";
    }
}

impl FindingKind for ValidationCode {}
