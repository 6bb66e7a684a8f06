//! The national picture for Kotlin and Swift: KL's 2015 survey of the municipalities (seed 000)
//! as published aggregates, and a municipality's own answers beside them. Delegations to the
//! core.

use brobygger::assessment::{
    self as national, NationalComparison, NationalComparisonRow, OwnAnswer, ReferenceSurvey,
};
use brobygger::present::{Format, Present, Table};
use brobygger::{BrobyggerError, Lang};

/// KL's 2015 survey of the municipalities as published (seed 000); `respondents` is null: the
/// source gives no number of answers.
#[uniffi::export]
pub fn kl_2015() -> Result<ReferenceSurvey, BrobyggerError> {
    national::kl_2015()
}

/// KL's 2015 survey as a survey shape: a round with it shows its shares beside KL's.
#[uniffi::export]
pub fn kl_2015_shape() -> Result<brobygger::assessment::SurveyShape, BrobyggerError> {
    national::kl_2015_shape()
}

/// A municipality's own answers beside a reference survey's published shares.
#[uniffi::export]
pub fn compare_with_national(
    reference: ReferenceSurvey,
    answers: Vec<OwnAnswer>,
) -> Result<Vec<NationalComparisonRow>, BrobyggerError> {
    national::compare_with_national(&reference, &answers)
}

/// The comparison's `national_comparison` table in `lang`.
#[uniffi::export]
pub fn national_comparison_tables(
    reference: ReferenceSurvey,
    rows: Vec<NationalComparisonRow>,
    lang: Lang,
) -> Result<Vec<Table>, BrobyggerError> {
    Ok(NationalComparison { reference, rows }.tables(lang))
}

/// The comparison as a document in `format` and `lang`.
#[uniffi::export]
pub fn render_national_comparison(
    reference: ReferenceSurvey,
    rows: Vec<NationalComparisonRow>,
    format: Format,
    lang: Lang,
) -> Result<String, BrobyggerError> {
    Ok(NationalComparison { reference, rows }.present(format, lang))
}
