//! The association directory: a register of associations and their offers, with search and
//! filter, built from a dossier or a spreadsheet and exported as Open Referral HSDS 3.0.
//!
//! The KEM leaflet (003, "Anette Nielsen") tells how a list of ethnic minority associations,
//! "som nu kendes og bruges af flere", made more of Hillerød's municipal staff reach out to the
//! associations and invite them into more forums. This module is such a list, kept as data:
//!
//! - what a dossier stores (`model.rs`): each association's [`DirectoryEntry`] (visibility,
//!   description, languages, target groups, contact post, functional contact details,
//!   premises) with its [`DirectoryOffer`]s and their [`ScheduleRule`]s;
//! - the register ([`Directory`], built by [`DirectoryFacet::build`]): every organisation of
//!   the dossier but individuals, with what its profile, entry and running agreements say;
//! - search and filter ([`DirectoryQuery`], [`Directory::search`]): free text in any case and
//!   inflection, Danish or English, and filters on kind, activity, area, language, target group
//!   and day;
//! - the spreadsheet a municipality keeps ([`directory_from_csv`], [`directory_to_csv`]);
//! - the open-data export ([`Directory::hsds`]): HSDS 3.0 organizations, services, locations,
//!   schedules and languages, without personal data.
//!
//! ```
//! use brobygger::directory::{DirectoryOptions, DirectoryQuery};
//! use brobygger::Dossier;
//!
//! let dossier = Dossier::example("horsens")?;
//! let hits = dossier
//!     .directory()
//!     .search(&DirectoryQuery::text("lektiecafé"), DirectoryOptions::default());
//! for hit in &hits {
//!     println!("{}: {} offer(s)", hit.association.name, hit.association.offers.len());
//! }
//! let hsds = dossier.directory().hsds_json(brobygger::Lang::Da)?;
//! assert!(hsds.starts_with('['));
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

pub(crate) mod facet;
pub(crate) mod hsds;
pub(crate) mod model;
pub(crate) mod present;
pub(crate) mod register;
pub(crate) mod search;
pub(crate) mod spreadsheet;
pub(crate) mod text;
pub(crate) mod validate;

pub use facet::DirectoryFacet;
pub use hsds::{
    HSDS_VERSION, HsdsAddress, HsdsAttribute, HsdsContact, HsdsIdentifier, HsdsLanguage,
    HsdsLocation, HsdsOptions, HsdsOrganization, HsdsPhone, HsdsSchedule, HsdsService,
    HsdsServiceAtLocation, HsdsTaxonomyTerm, hsds_uuid,
};
pub use model::{
    ActivityRef, Address, ClockTime, DirectoryCode, DirectoryEntry, DirectoryOffer, OfferStatus,
    PublicContact, Recurrence, ScheduleRule, Visibility,
};
pub use register::{ContactPost, Directory, DirectoryAssociation, DirectoryOptions};
pub use search::{DirectoryHit, DirectoryQuery, MatchedField};
pub use spreadsheet::{
    DirectoryColumn, DirectoryCsv, directory_columns, directory_from_csv, directory_from_csv_bytes,
    directory_from_sheet, directory_to_csv, directory_to_sheet,
};
