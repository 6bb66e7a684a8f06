//! The stored data of checklists: templates (and the built-in ones), answer sessions with
//! requirements and resolutions, the dated view, and the checklists' codes and error.

pub(crate) mod as_of;
pub(crate) mod builtin;
pub(crate) mod codes;
pub(crate) mod session;
pub(crate) mod store;
pub(crate) mod template;
pub(crate) mod vocab;
