//! The stored data of matching: newcomer and offer profiles, rule sets as data, cohorts with
//! their introduction plans, and runs.

pub(crate) mod cohort;
pub(crate) mod intro;
pub(crate) mod profile;
pub(crate) mod rules;
pub(crate) mod run;
