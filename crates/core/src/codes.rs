//! The registry of codes: every error code and every finding code the library uses, with its
//! concern, how it is used (a finding's severity, an error's kind) and its Danish and English
//! text.
//!
//! The guide's reference (`docs/guide/src/codes.md`) is [`codes_markdown`]'s output and is
//! checked for drift by the test command (`crates/core/tests/codes.rs`); the same test fails
//! when the CLI or a binding writes a code the registry does not have. A concern's enum joins the registry by being listed in [`codes`].

use crate::assessment::catalogue::AssessmentCode;
use crate::assessment::codes::{AssessmentErrorCode, ReportCode};
use crate::assessment::survey::SurveyCode;
use crate::calendar::model::CalendarCode;
use crate::checklists::model::codes::ChecklistCode;
use crate::code::{
    Code, CodeInfo, ErrorCode, InputCode, InternalCode, LoadCode, NotFoundCode, SaveCode, Severity,
    StoreCode, UsageCode, WorkCode,
};
use crate::directory::model::DirectoryCode;
use crate::fsio::FileCode;
use crate::i18n::Lang;
use crate::import::csv::ImportCode;
use crate::lifecycle::model::LifecycleCode;
use crate::matching::assignment::AssignmentCode;
use crate::matching::followup::FollowUpCode;
use crate::matching::model::intro::IntroductionCode;
use crate::matching::model::rules::MatchingCode;
use crate::matching::relationships::RelationshipCode;
use crate::outcomes::model::OutcomeCode;
use crate::posts::handover::HandoverCode;
use crate::privacy::model::codes::PrivacyCode;
use crate::roles::model::codes::RolesCode;
use crate::validation_code::ValidationCode;

/// Every code of the library, grouped by concern in a fixed order (the library's boundary
/// first, then the features from the ground up), each concern's codes in declaration order.
///
/// ```
/// let all = brobygger::codes();
/// assert!(all.iter().any(|c| c.code == "load.newer_schema_version"));
/// assert!(all.iter().any(|c| c.code == "privacy.consent_expired" && c.error.is_some()));
/// ```
pub fn codes() -> Vec<CodeInfo> {
    let mut all = Vec::new();
    all.extend(CodeInfo::all_of::<LoadCode>());
    all.extend(CodeInfo::all_of::<SaveCode>());
    all.extend(CodeInfo::all_of::<FileCode>());
    all.extend(CodeInfo::all_of::<InputCode>());
    all.extend(CodeInfo::all_of::<NotFoundCode>());
    all.extend(CodeInfo::all_of::<InternalCode>());
    all.extend(CodeInfo::all_of::<WorkCode>());
    all.extend(CodeInfo::all_of::<StoreCode>());
    all.extend(CodeInfo::all_of::<UsageCode>());
    all.extend(CodeInfo::all_of::<ValidationCode>());
    all.extend(CodeInfo::all_of::<LifecycleCode>());
    all.extend(CodeInfo::all_of::<HandoverCode>());
    all.extend(CodeInfo::all_of::<RolesCode>());
    all.extend(CodeInfo::all_of::<ChecklistCode>());
    all.extend(CodeInfo::all_of::<DirectoryCode>());
    all.extend(CodeInfo::all_of::<MatchingCode>());
    all.extend(CodeInfo::all_of::<RelationshipCode>());
    all.extend(CodeInfo::all_of::<FollowUpCode>());
    all.extend(CodeInfo::all_of::<IntroductionCode>());
    all.extend(CodeInfo::all_of::<AssignmentCode>());
    all.extend(CodeInfo::all_of::<ImportCode>());
    all.extend(CodeInfo::all_of::<CalendarCode>());
    all.extend(CodeInfo::all_of::<PrivacyCode>());
    all.extend(CodeInfo::all_of::<OutcomeCode>());
    all.extend(CodeInfo::all_of::<SurveyCode>());
    all.extend(CodeInfo::all_of::<AssessmentCode>());
    all.extend(CodeInfo::all_of::<AssessmentErrorCode>());
    all.extend(CodeInfo::all_of::<ReportCode>());
    all
}

/// The code `code` names, when the registry has it: how an error raised by the library comes
/// back from an app (an exception thrown inside a store's change in Kotlin or Swift) with its
/// code intact. Any other text is `None`: a code is never made from outside.
///
/// ```
/// assert_eq!(brobygger::error_code("store.busy").map(|c| c.as_str()), Some("store.busy"));
/// assert!(brobygger::error_code("app.made_up").is_none());
/// ```
pub fn error_code(code: &str) -> Option<ErrorCode> {
    fn find<C: Code>(code: &str) -> Option<ErrorCode> {
        C::all()
            .iter()
            .find(|c| c.code() == code)
            .map(|&c| ErrorCode::from(c))
    }
    find::<LoadCode>(code)
        .or_else(|| find::<SaveCode>(code))
        .or_else(|| find::<FileCode>(code))
        .or_else(|| find::<InputCode>(code))
        .or_else(|| find::<NotFoundCode>(code))
        .or_else(|| find::<InternalCode>(code))
        .or_else(|| find::<WorkCode>(code))
        .or_else(|| find::<StoreCode>(code))
        .or_else(|| find::<UsageCode>(code))
        .or_else(|| find::<ValidationCode>(code))
        .or_else(|| find::<LifecycleCode>(code))
        .or_else(|| find::<HandoverCode>(code))
        .or_else(|| find::<RolesCode>(code))
        .or_else(|| find::<ChecklistCode>(code))
        .or_else(|| find::<MatchingCode>(code))
        .or_else(|| find::<FollowUpCode>(code))
        .or_else(|| find::<IntroductionCode>(code))
        .or_else(|| find::<AssignmentCode>(code))
        .or_else(|| find::<ImportCode>(code))
        .or_else(|| find::<PrivacyCode>(code))
        .or_else(|| find::<SurveyCode>(code))
        .or_else(|| find::<AssessmentCode>(code))
        .or_else(|| find::<AssessmentErrorCode>(code))
        .or_else(|| find::<ReportCode>(code))
}

// An error code crosses to the app as its string, and back only as a code of the registry (an
// app rethrowing the library's error inside a store's change); anything else is refused.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(ErrorCode, String, {
    lower: |c| c.as_str().to_owned(),
    try_lift: |s| error_code(&s).ok_or_else(|| uniffi::deps::anyhow::anyhow!(
        "not a code of the library's registry"
    )),
});

/// An exception of the app's own code inside a callback (a store's change in Kotlin or Swift)
/// arrives as an `Internal` error with the registered code `internal.app_callback`; the change
/// it was part of is not stored.
#[cfg(feature = "uniffi")]
impl From<uniffi::UnexpectedUniFFICallbackError> for crate::error::BrobyggerError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        crate::error::BrobyggerError::internal(
            InternalCode::AppCallback,
            "the app's function failed inside the change; nothing was stored",
        )
    }
}

/// The registry's entry for `code`, if the library has such a code.
pub fn code_info(code: &str) -> Option<CodeInfo> {
    codes().into_iter().find(|c| c.code == code)
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The reference of every code as Markdown: one table per concern with the code, how it is
/// used, and its Danish and English text. `docs/guide/src/codes.md` is this text.
pub fn codes_markdown() -> String {
    let mut out = String::from(
        "# Codes\n\n\
         <!-- Generated from the registry (`brobygger::codes_markdown()`); do not edit: \
         `cargo test -p brobygger --test codes` fails when this file and the registry differ, \
         and BROBYGGER_BLESS=1 rewrites it. -->\n\n\
         Every error and every finding the library reports carries one of these stable codes. \
         A *finding* column names the severity of the findings that carry the code; an *error* \
         column names the kind of error (Python `brobygger.<Kind>Error`, Kotlin \
         `BrobyggerException.<Kind>`). Text in braces is filled in from the case.\n",
    );
    let mut concern = String::new();
    for c in codes() {
        if c.concern != concern {
            concern.clone_from(&c.concern);
            out.push_str(&format!(
                "\n## `{concern}`\n\n| Code | Finding | Error | Dansk | English |\n|---|---|---|---|---|\n"
            ));
        }
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.code,
            c.severity.map_or("", severity_name),
            c.error.map_or("", |k| k.name()),
            cell(c.text.get(Lang::Da)),
            cell(c.text.get(Lang::En)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_prefixed_by_a_known_concern() {
        let mut seen = HashSet::new();
        for c in codes() {
            assert!(seen.insert(c.code.clone()), "{} is listed twice", c.code);
            assert!(c.code.contains('.'), "{}", c.code);
            assert!(
                c.severity.is_some() || c.error.is_some(),
                "{} is used neither as a finding nor as an error",
                c.code
            );
            assert!(!c.text.get(Lang::Da).is_empty() && !c.text.get(Lang::En).is_empty());
        }
    }

    #[test]
    fn the_reference_names_every_code() {
        let md = codes_markdown();
        for c in codes() {
            assert!(md.contains(&format!("`{}`", c.code)), "{}", c.code);
        }
    }
}
