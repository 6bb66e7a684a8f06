//! The stored data of role splits: the split itself, the keys that name tasks and parties, and
//! the roles' own error.

pub(crate) mod catalogue;
pub(crate) mod codes;
pub(crate) mod error;
pub(crate) mod keys;
pub(crate) mod split;
