//! The stored data of privacy: consents and other bases, proposals with their disclosures,
//! retention policies, the anonymisation log, what runs used and withheld, the audiences, and
//! the privacy codes and error.

pub(crate) mod audience;
pub(crate) mod basis;
pub(crate) mod codes;
pub(crate) mod consent;
pub(crate) mod proposal;
pub(crate) mod retention;
pub(crate) mod sensitive;
pub(crate) mod store;
