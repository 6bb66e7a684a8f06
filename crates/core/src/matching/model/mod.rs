//! The stored data of matching: newcomer and offer profiles, rule sets as data, cohorts with
//! their introduction plans, and runs.

pub(crate) mod capacity;
pub(crate) mod cohort;
pub(crate) mod explain;
pub(crate) mod intro;
pub(crate) mod profile;
pub(crate) mod relationship;
pub(crate) mod rules;
pub(crate) mod run;
pub(crate) mod seats;
pub(crate) mod structure;
