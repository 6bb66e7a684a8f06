//! The stored data of places: the places (`place.rs`) and an agreement's binding to one with
//! the record of how the partnership came about (`binding.rs`).

pub(crate) mod binding;
pub(crate) mod place;
