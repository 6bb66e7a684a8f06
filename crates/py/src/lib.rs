//! Python bindings for brobygger (`brobygger._brobygger`), built with maturin.
//!
//! Thin by design: classes wrap core values and methods delegate to the core; every conversion
//! (errors, vocabulary values, dates, plain data) lives in `convert.rs`. Vocabulary values are
//! plain strings, the same names as in the files (`"under_review"`), so they drop straight into
//! pandas; the `.pyi` stub lists them as `Literal` types.

mod assessment;
mod bulk;
mod calendar;
mod checklists;
mod convert;
mod directory;
mod dossier;
mod errors;
mod import;
mod matching;
mod meetings;
mod model;
mod national;
mod notebook;
mod outcomes;
mod privacy;
mod progress;
mod roles;
mod scale;
mod store;

use pyo3::prelude::*;

/// The display language, `"da"` or `"en"` (what `bb.options.lang` reads).
#[pyfunction]
fn _display_lang() -> &'static str {
    convert::display_lang().code()
}

/// Sets the display language (what `bb.options.lang = ...` does) and returns its code; any
/// spelling `lang` arguments take (`"dansk"`, `"EN"`), anything else an `InvalidInputError`.
#[pyfunction]
fn _set_display_lang(lang: &str) -> PyResult<&'static str> {
    Ok(convert::set_display_lang(lang)?.code())
}

/// The names of the built-in example dossiers.
#[pyfunction]
fn example_names() -> Vec<&'static str> {
    brobygger::Example::ALL.iter().map(|e| e.name()).collect()
}

/// The JSON Schema of the dossier file format, as JSON text.
#[pyfunction]
fn dossier_schema_json() -> String {
    brobygger::dossier_schema_json()
}

/// A fresh random person id that carries nothing about the person.
#[pyfunction]
fn generate_person_id() -> String {
    brobygger::PersonId::generate().to_string()
}

/// Every closed vocabulary's values with labels in `lang`, as dicts
/// `{"vocabulary", "value", "label"}`.
#[pyfunction]
#[pyo3(signature = (lang = "da"))]
fn vocabulary<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    convert::to_py(py, &brobygger::vocabulary(convert::lang(lang)?))
}

/// Every error and finding code of the library, as dicts `{"code", "concern", "severity",
/// "error", "text": {"da", "en"}}` (the registry the guide's reference of codes is made from).
#[pyfunction]
fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::to_py(py, &brobygger::codes())
}

/// The registry's entry for one code, or None when the library has no such code.
#[pyfunction]
fn code_info<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    convert::to_py(py, &brobygger::code_info(code))
}

/// Always panics inside Rust. Private: the test suite uses it to prove a panic arrives as an
/// exception (`pyo3_runtime.PanicException`) and the interpreter carries on.
#[pyfunction]
#[allow(clippy::panic)]
fn _self_test_panic() {
    panic!("self-test panic from brobygger-py")
}

/// Partnerships between municipalities and civil society receiving refugees.
#[pymodule]
mod _brobygger {
    #[pymodule_export]
    use super::{
        code_info, codes, dossier_schema_json, example_names, generate_person_id, vocabulary,
    };

    #[pymodule_export]
    use super::_self_test_panic;

    #[pymodule_export]
    use super::{_display_lang, _set_display_lang};

    #[pymodule_export]
    use crate::dossier::{Dossier, DossierLifecycle};

    #[pymodule_export]
    use crate::checklists::{
        AnswerSession, ChecklistAlignment, ChecklistReadiness, ChecklistTemplate,
        DossierChecklists, checklist_template, checklist_templates,
    };

    #[pymodule_export]
    use crate::assessment::{
        AssessedFinding, Assessment, DossierAssessment, DossierSurveys, Report, SurveyView,
        assessment_catalogue, wilson_interval,
    };

    #[pymodule_export]
    use crate::matching::{
        DossierMatching, DossierRelationships, MatchRun, RuleSet, largest_weakly_stable_matching,
        match_profiles, stable_matching, weakly_stable_matching,
    };

    #[pymodule_export]
    use crate::import::{
        DossierReminders, check_newcomers_csv, check_offers_csv, csv_columns, match_run_to_csv,
        match_run_to_csv_styled, match_run_to_xlsx, newcomers_from_csv, newcomers_to_csv,
        newcomers_to_csv_styled, newcomers_to_xlsx, offers_from_csv, offers_to_csv,
        offers_to_csv_styled, offers_to_xlsx, read_newcomers_csv, read_offers_csv,
    };

    #[pymodule_export]
    use crate::meetings::{DossierMeetings, Minutes};

    #[pymodule_export]
    use crate::directory::{
        Directory, DossierDirectory, directory_columns, directory_from_csv, directory_to_csv,
        hsds_uuid,
    };

    #[pymodule_export]
    use crate::national::{
        compare_with_national, kl_2015, kl_2015_shape, national_comparison_table,
    };

    #[pymodule_export]
    use crate::outcomes::{DossierOutcomes, OutcomeView};

    #[pymodule_export]
    use crate::calendar::{Calendar, DossierCalendar, read_ics};

    #[pymodule_export]
    use crate::assessment::example_reference_date;

    #[pymodule_export]
    use crate::notebook::{
        assess_many, empty_table, findings_html, findings_table, introductions_table,
        relationship_events_table, relationships_table, survey_changes_table, survey_shares_table,
        table_names,
    };

    #[pymodule_export]
    use crate::privacy::{DossierPrivacy, PseudonymKey, match_profiles_consented, read_dpv};

    #[pymodule_export]
    use crate::store::Store;

    #[pymodule_export]
    use crate::progress::Progress;

    #[pymodule_export]
    use crate::scale::{
        _assign_dense, _assign_dense_typed, _empty_match_table, _match_tables, _spreadsheet_csv,
        Profiles,
    };

    #[pymodule_export]
    use crate::model::{
        Agreement, AgreementTerms, AgreementVersion, Department, Finding, HandoverReport,
        Municipality, Organisation, Person, Post, StatusEvent, Tenure,
    };

    #[pymodule_export]
    use crate::roles::{
        Assignment, Carrying, Duty, RoleDiff, RoleMatrix, RoleTask, Roles, task_catalogue,
    };

    #[pymodule_export]
    use crate::errors::BrobyggerError;

    /// The exception classes with more than one base (`ParseError` is also a `ValueError`,
    /// ...), made here once; and the display options.
    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        crate::errors::add_to(m)
    }

    #[pymodule_export]
    const SCHEMA_VERSION: u32 = brobygger::SCHEMA_VERSION;

    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
