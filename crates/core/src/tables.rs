//! Every result table the library makes, by name: the one list of what a table holds, so a
//! program (Python's DataFrames, an app's list) knows the columns and their types before it
//! has a result, and never defines them a second time.
//!
//! The tables themselves come from each result's [`Present::tables`]; this file only names
//! them and gives each empty. (Newcomers and offers read from spreadsheets have their own
//! column layout: [`crate::import::csv_columns`].)
//!
//! [`Present::tables`]: crate::present::render::Present::tables

use crate::present::table::Table;

/// The name of every result table, grouped by the result it comes from.
pub const TABLE_NAMES: [&str; 31] = [
    // a match run
    "match_outcome",
    "matches",
    "match_rules",
    "unmatched",
    "unmet_demand",
    "unused_offers",
    "match_statistics",
    "alternatives",
    "why_not",
    // a cohort's introductions on a day
    "introductions",
    // relationships over time
    "relationships",
    "relationship_events",
    // an assessment
    "scores",
    "checks",
    "assessment_findings",
    // survey rounds
    "survey_shares",
    "survey_changes",
    // a municipality's answers beside the national reference (KL 2015)
    "national_comparison",
    // a role matrix, a checklist comparison
    "role_matrix",
    "checklist",
    // reminders, meetings' action items, findings, a disclosure manifest
    "reminders",
    "action_items",
    "findings",
    "manifest",
    // the association directory (or a search's hits)
    "directory",
    "directory_offers",
    // a survey round of any shape, safe to share, and its changes
    "group_shares",
    "group_share_changes",
    // a cohort's outcomes, aggregated
    "outcomes",
    // a store's audit trail, one entity's stored versions
    "audit_log",
    "history",
];

/// The table named `name`, with its columns and no rows; `None` for a name the library does
/// not make.
pub fn empty_table(name: &str) -> Option<Table> {
    if name == "findings" {
        return Some(crate::present::findings::table());
    }
    crate::matching::present::empty(name)
        .or_else(|| crate::assessment::present::empty(name))
        .or_else(|| crate::roles::present::empty(name))
        .or_else(|| crate::checklists::present::empty(name))
        .or_else(|| crate::reminders::empty(name))
        .or_else(|| crate::meetings::empty(name))
        .or_else(|| crate::privacy::disclosure::empty(name))
        .or_else(|| crate::directory::present::empty(name))
        .or_else(|| crate::outcomes::view::empty(name))
        .or_else(|| crate::assessment::survey_view::empty(name))
        .or_else(|| crate::assessment::national::empty(name))
        .or_else(|| crate::store_tables::empty(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_table_exists_under_its_name() {
        for name in TABLE_NAMES {
            let t = empty_table(name).unwrap_or_else(|| panic!("no table {name}"));
            assert_eq!(&t.name, name);
            assert!(t.rows.is_empty() && !t.columns.is_empty());
            let mut seen = std::collections::HashSet::new();
            assert!(
                t.columns.iter().all(|c| seen.insert(c.name.clone())),
                "{name}"
            );
        }
        assert!(empty_table("nothing").is_none());
    }
}
