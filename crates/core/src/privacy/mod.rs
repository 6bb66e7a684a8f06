//! Privacy by design: consent and other legal bases, disclosure only after both sides accept,
//! audience projections, anonymisation and retention, safe aggregates and pseudonymous linking.
//!
//! Newcomers are vulnerable people, and a municipality may pass on only what the law allows
//! (forvaltningsloven § 27; GDPR art. 9 special categories; a child-protection certificate is
//! criminal-record data, GDPR art. 10). Every app built on the library inherits these rules:
//!
//! - Consents and bases ([`ConsentRecord`], [`ProcessingBasis`], [`Register`]): consent records (whose, which purposes, the sensitive attributes explicitly
//!   covered, given, expiring, withdrawn, the text version) and other legal bases (GDPR art. 6
//!   and 9, databeskyttelsesloven § 8, the exceptions to the duty of confidentiality), and the
//!   one lookup everything else asks: *is there a basis for this subject, purpose and attribute
//!   on this day?* Withdrawing a consent closes what depended on it and reports the rest.
//! - The consent gate ([`run_consented`]): the hook in matching. A rule set's declared sensitive attribute is used for a
//!   household (or an offer) only when a consent or basis covers it on the run's day; otherwise
//!   the rule sees no value, and the run says so without revealing any value.
//! - Disclosure ([`MatchProposal`]): a match proposal goes proposed → accepted by the household → accepted by
//!   the volunteer → contact details released (or declined, expired, withdrawn). Every release
//!   is a recorded event with its basis; [`ExportManifest`] lists every field disclosed, to
//!   whom and why.
//! - Audiences ([`Viewer`], [`NewcomerView`]): what a municipal caseworker, a coordinator, a volunteer and an analyst may
//!   see of a household, an offer and a match, each view with its own manifest.
//! - Anonymisation and retention ([`AnonymiseOptions`], [`RetentionPolicy`]): transforms that keep statistics useful (dates coarsened
//!   to the start of their quarter with the household's other dates shifted alike, names and
//!   free text removed, fresh ids everywhere the old ones were, small areas merged), applied
//!   with cascade; retention policies per record type report what is due on a day.
//! - Safe aggregates ([`SafeTableRequest`], [`suppress`]): counts for analysts and survey shares with cells under a threshold
//!   (default 5) suppressed, including the complementary cells that would reveal them.
//! - Pseudonyms ([`PseudonymKey`]): keyed pseudonyms (HMAC-SHA256) with one key per domain, for linking
//!   records across two systems without a national id or a name.
//!
//! ```
//! use brobygger::privacy::{Purpose, Subject};
//! use brobygger::Dossier;
//!
//! let d = Dossier::example("ikast-brande")?;
//! let household = Subject::newcomer("nc-6402-1185");
//! let on = "2016-04-01".parse().unwrap();
//! // The household consented to matching, including its wishes about the volunteer.
//! let basis = d.privacy().covering_basis(&household, Purpose::Matching, Some("newcomer.preferences"), on);
//! assert!(basis.is_some());
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! Nothing here contacts anyone: the library records decisions and refuses what the rules
//! forbid; people decide.

pub(crate) mod aggregate;
pub(crate) mod anonymise;
pub(crate) mod audience;
pub(crate) mod consent;
pub(crate) mod disclosure;
pub(crate) mod dpv;
pub(crate) mod facet;
pub(crate) mod gate;
pub(crate) mod lookup;
pub(crate) mod model;
pub(crate) mod pseudonym;
pub(crate) mod register;
pub(crate) mod retention;
pub(crate) mod review;
pub(crate) mod validate;

pub use aggregate::{
    AggregateDimension, AnalystExport, AnalystExportOptions, DEFAULT_MIN_CELL, SafeCell, SafeShare,
    SafeShareOptions, SafeTable, SafeTableRequest, Suppression, suppress,
};
pub use anonymise::{AnonymisationReport, AnonymisationScope, AnonymiseOptions};
pub use audience::{
    FieldDisclosure, MIN_AREA_HOUSEHOLDS, MatchView, NewcomerView, OfferView, Treatment, Viewer,
    WITHHELD_DATE, age_band, quarter_start, volunteer_view,
};
pub use consent::WithdrawalReport;
pub use disclosure::{ExportManifest, ManifestEntry, ProposeMatch, ReleaseRequest};
pub use dpv::{ConsentRecords, DPV_PROFILE_VERSION, read_dpv};
pub use facet::PrivacyFacet;
pub use gate::{run_consented, run_consented_watched};
pub use model::audience::Audience;
pub use model::basis::{DeclaredBasis, LegalBasis, ProfileBasis, Purpose};
pub use model::codes::{PrivacyCode, PrivacyError};
pub use model::consent::{
    BasisRef, BasisScope, ConsentForm, ConsentRecord, ProcessingBasis, Subject,
};
pub use model::proposal::{
    ContactField, DEFAULT_ANSWER_DAYS, Disclosure, MatchProposal, ProposalEvent, ProposalEventKind,
    ProposalSide, ProposalState, Recipient,
};
pub use model::retention::{RecordType, RetentionAction, RetentionPolicy};
pub use model::sensitive::{BasisSource, SensitiveUse, WithheldAttribute};
pub use model::store::{AnonymisationRecord, Privacy};
pub use pseudonym::{MIN_KEY_BYTES, Pseudonym, PseudonymKey};
pub use register::Register;
pub use retention::{RecordRef, RetentionItem, RetentionOutcome, RetentionReport, RetentionState};
pub use review::{DEFAULT_WARN_DAYS, ReviewOptions};
