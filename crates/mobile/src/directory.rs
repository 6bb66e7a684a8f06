//! The association directory for Kotlin and Swift: on a [`DossierHandle`] the directory facet
//! (`build`, `search`, `hsds`, `hsdsJson`) and the dossier's places; free functions for the
//! spreadsheet, the HSDS ids and the register's tables and document. Every function delegates
//! to the core.

use crate::convert::read;
use crate::dossier::DossierHandle;
use brobygger::directory::{
    self as dir, Directory, DirectoryColumn, DirectoryCsv, DirectoryHit, DirectoryOptions,
    DirectoryQuery, HsdsOptions, HsdsOrganization,
};
use brobygger::places::Place;
use brobygger::present::{Format, Present, Table};
use brobygger::{BrobyggerError, Dossier, Lang, PlaceId};
use std::sync::{Arc, RwLock};

#[uniffi::export]
impl DossierHandle {
    /// The association directory: the register, its search and its HSDS export.
    pub fn directory(&self) -> Result<Arc<DossierDirectory>, BrobyggerError> {
        Ok(Arc::new(DossierDirectory(Arc::clone(&self.0))))
    }

    /// The place (a housing area, a neighbourhood, a school district) with `id`, if any.
    pub fn place(&self, id: PlaceId) -> Result<Option<Place>, BrobyggerError> {
        Ok(read(&self.0)?.place(&id).cloned())
    }
}

/// The association directory of a dossier (the core's `DirectoryFacet`). Shares the handle's
/// lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierDirectory(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierDirectory {
    /// The register: every organisation but individuals, with its entry and offers.
    pub fn build(&self, options: DirectoryOptions) -> Result<Directory, BrobyggerError> {
        Ok(read(&self.0)?.directory().build(options))
    }

    /// The associations matching `query`, best first, their offers narrowed to those that pass.
    pub fn search(
        &self,
        query: DirectoryQuery,
        options: DirectoryOptions,
    ) -> Result<Vec<DirectoryHit>, BrobyggerError> {
        Ok(read(&self.0)?.directory().search(&query, options))
    }

    /// The register as Open Referral HSDS 3.0 organizations (public entries only unless
    /// `options.includeInternal`); no personal data.
    pub fn hsds(&self, options: HsdsOptions) -> Result<Vec<HsdsOrganization>, BrobyggerError> {
        Ok(read(&self.0)?.directory().hsds(options))
    }

    /// The HSDS export as JSON text (a list of organizations).
    pub fn hsds_json(&self, options: HsdsOptions) -> Result<String, BrobyggerError> {
        read(&self.0)?.directory().hsds_json(options)
    }
}

/// The directory spreadsheet's columns, in order.
#[uniffi::export]
pub fn directory_columns() -> Result<Vec<DirectoryColumn>, BrobyggerError> {
    Ok(dir::directory_columns())
}

/// Reads the directory spreadsheet's text; never throws for the data: the register (rows with
/// errors left out) and every problem with its row and column.
#[uniffi::export]
pub fn directory_from_csv(text: String) -> Result<DirectoryCsv, BrobyggerError> {
    Ok(dir::directory_from_csv(&text))
}

/// As `directoryFromCsv` for a file's bytes (UTF-8 or Windows-1252).
#[uniffi::export]
pub fn directory_from_csv_bytes(bytes: Vec<u8>) -> Result<DirectoryCsv, BrobyggerError> {
    Ok(dir::directory_from_csv_bytes(&bytes))
}

/// The register as the municipality's spreadsheet (`;`-separated CSV text).
#[uniffi::export]
pub fn directory_to_csv(directory: Directory) -> Result<String, BrobyggerError> {
    Ok(dir::directory_to_csv(&directory))
}

/// The stable HSDS id (a name-based UUID) the export gives the row `name` of `table`.
#[uniffi::export]
pub fn hsds_uuid(table: String, name: String) -> Result<String, BrobyggerError> {
    Ok(dir::hsds_uuid(&table, &name))
}

/// The register's tables in `lang`: `directory` (one row per association) and
/// `directory_offers` (one row per offer).
#[uniffi::export]
pub fn directory_tables(directory: Directory, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(directory.tables(lang))
}

/// The register as a document (each association with its offers, days and times) in `format`
/// and `lang`.
#[uniffi::export]
pub fn render_directory(
    directory: Directory,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(directory.present(format, lang))
}
