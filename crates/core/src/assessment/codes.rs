//! The codes of the assessment's and the report's own errors; the checks' finding codes are the
//! catalogue's ([`AssessmentCode`](crate::assessment::AssessmentCode)).

use crate::code::codes;

codes! {
    /// The errors of assessing an agreement.
    pub enum AssessmentErrorCode in "assessment" {
        /// An agreement with no version to assess.
        NoVersions = "assessment.no_versions", error(InvalidInput),
            "Aftalen har ingen versioner at vurdere.",
            "The agreement has no versions to assess.";
        /// Findings from a module the assessment does not know.
        UnknownSource = "assessment.unknown_source", error(InvalidInput),
            "Modulet findes ikke; vurderingen tager fund fra roles, checklists, matching og introductions.",
            "The module is not known; the assessment takes findings from roles, checklists, matching and introductions.";
        /// A finding from another module that no check takes.
        UnroutedFinding = "assessment.unrouted_finding", error(InvalidInput),
            "Ingen kontrol tager fund med den kode; se katalogets external_codes.",
            "No check takes findings with that code; see the catalogue's external_codes.";
        /// A finding of the library's own modules that no check takes (a bug).
        UnroutedBuiltinFinding = "assessment.unrouted_builtin_finding", error(Internal),
            "Et af bibliotekets egne moduler gav et fund, som ingen kontrol tager.",
            "One of the library's own modules produced a finding no check takes.";
        /// The assessment could not be written as JSON (a bug).
        Serialize = "assessment.serialize", error(Internal),
            "Vurderingen kunne ikke skrives som JSON.",
            "The assessment could not be written as JSON.";
    }
}

codes! {
    /// The errors of a report's sections given by the caller.
    pub enum ReportCode in "report" {
        /// A heat map's cell outside its rows and columns.
        CellOutOfRange = "report.cell_out_of_range", error(InvalidInput),
            "Cellens række eller kolonne ligger uden for varmekortet.",
            "The cell's row or column lies outside the heat map.";
        /// A heat map's cell value outside 0 to 1.
        CellValue = "report.cell_value", error(InvalidInput),
            "En celles værdi skal ligge mellem 0 og 1.",
            "A cell's value must lie between 0 and 1.";
        /// A table row with another number of cells than columns.
        TableShape = "report.table_shape", error(InvalidInput),
            "Hver række i en tabel skal have én celle pr. kolonne.",
            "Every row of a table needs one cell per column.";
    }
}
