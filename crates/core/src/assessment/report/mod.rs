//! Reports the parties can share: one per agreement, in Danish or English, as Markdown or as
//! self-contained HTML with inline SVG charts.
//!
//! A report holds the agreement in readable form (for sharing: people appear only by their post
//! titles; names, contact details, person ids and history notes are left out, and champions are
//! named by their kind), the role split and the checklist alignment (slots other modules fill
//! with [`ReportSection`]s), the assessment with its findings, advice and sources, and the
//! survey figures (shares from fewer than [`MIN_REPORTED_RESPONDENTS`] respondents are left
//! out). The same content is rendered by both writers, so the formats never drift apart.
//!
//! The sections are methods of one `Writer`: section 1 (the agreement) in `agreement`, the
//! default contents of the role split and checklist slots in `sections`, the assessment, survey
//! and sources in `write`; [`crate::present::doc`] is the document model both formats are
//! written from, and `svg` the charts.

pub(crate) mod agreement;
pub(crate) mod parts;
pub(crate) mod sections;
pub(crate) mod svg;
pub(crate) mod write;
