//! The catalogue of checks: every rule of the source documents the assessment encodes, with its
//! stable code, dimension, severity, source section, a short title and advice in Danish and
//! English.
//!
//! Each check's description is one record, side by side with the others, in the table at the
//! end of this file (`AssessmentCode::entry`); the check itself is a function in
//! `checks/<dimension>.rs`. The table is Rust, not a data file like the role catalogue or the
//! checklists, because no entry means anything without its check: see
//! `docs/adr/0029-assessment-catalogue.md`.
//!
//! Most checks read the dossier ([`CheckBasis::Model`]). Rules that need data other modules own
//! (role splits, checklist answers, introductions, matches) are [`CheckBasis::External`]: they are
//! judged from those modules' findings, routed here by their exact code (see
//! [`crate::assessment::ExternalFindings`]), and are "not assessed" until such findings are given.

use crate::checklists::model::codes::ChecklistCode;
use crate::code::{Code, Usage};
use crate::finding::{FindingKind, SeedDocument, Severity, SourceRef};
use crate::i18n::{Lang, Text, labels};
use crate::matching::followup::FollowUpCode;
use crate::matching::model::intro::IntroductionCode;
use crate::matching::model::rules::MatchingCode;
use crate::roles::model::codes::RolesCode;

/// The dimensions of partnership health (issue #7; anchoring and long-term commitment after 004).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Dimension {
    /// Written, signed agreements with fixed routines and ground rules.
    Formalisation,
    /// Who does what: coordinators, representatives, no double coverage, statutory duties.
    Roles,
    /// Shared, written and measurable goals; aligned expectations; defined terms.
    Expectations,
    /// Meetings with content, at times that suit both, with invitations in good time.
    Meetings,
    /// Coordination time, management priority and political backing.
    Resources,
    /// Stable contact persons, filled posts, no dependency on one person.
    Continuity,
    /// Broad involvement of municipal departments and civil society.
    Breadth,
    /// Offers for newcomers: social first, jobs too, introduced early and repeated.
    NewcomerOffers,
    /// Anchoring in operation and long-term, binding commitment (001, 004).
    Anchoring,
}

labels!(Dimension, "assessment_dimension" {
    Formalisation => ("formalisering", "formalisation"),
    Roles => ("roller", "roles"),
    Expectations => ("forventninger og mål", "expectations and goals"),
    Meetings => ("møder", "meetings"),
    Resources => ("ressourcer", "resources"),
    Continuity => ("kontinuitet", "continuity"),
    Breadth => ("bredde", "breadth"),
    NewcomerOffers => ("tilbud til nyankomne", "offers for newcomers"),
    Anchoring => ("forankring og langsigtet forpligtelse", "anchoring and long-term commitment"),
});

impl Dimension {
    /// Every dimension, in report order.
    pub const ALL: [Dimension; 9] = [
        Dimension::Formalisation,
        Dimension::Roles,
        Dimension::Expectations,
        Dimension::Meetings,
        Dimension::Resources,
        Dimension::Continuity,
        Dimension::Breadth,
        Dimension::NewcomerOffers,
        Dimension::Anchoring,
    ];
}

/// What a check reads.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CheckBasis {
    /// The dossier itself.
    Model,
    /// Findings of another module (roles, checklists, matching, introductions).
    External,
}

/// Every check of the assessment. The code is `assessment.<snake_case_name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssessmentCode {
    // Formalisation
    /// The cooperation has started but the agreement is not signed.
    NotFormalised,
    /// No fixed meeting forums.
    NoRoutines,
    /// No written rules for decisions and disagreements.
    NoGroundRules,
    /// No planned review dates.
    NoReviewDates,
    /// A planned review has passed without a recorded review.
    ReviewOverdue,
    /// The term has ended but the agreement is still recorded as running.
    TermExpired,
    // Roles
    /// A side has no coordinator.
    NoCoordinatorForSide,
    /// No volunteer-side representative.
    NoVolunteerRepresentative,
    /// Two parties offer the same activity to the same target group.
    PossibleDoubleCoverage,
    /// The role split (findings of the roles module).
    RoleSplit,
    /// Statutory tasks stay with the municipality (findings of the roles module).
    StatutoryTasks,
    // Expectations
    /// No written shared goal.
    NoSharedGoal,
    /// No party has written its own objectives.
    NoOwnObjectives,
    /// Shared goals without an indicator.
    GoalsWithoutIndicator,
    /// Ambiguous terms used without a definition.
    UndefinedTerms,
    /// An ethnic minority association's standpoint is not known.
    AssociationStandpointUnknown,
    /// Expectation alignment (findings of the checklists module).
    ExpectationAlignment,
    // Meetings
    /// Meetings convened with less notice than agreed.
    ShortNotice,
    /// Meetings without an agenda.
    NoAgenda,
    /// Forums with volunteers meeting in working hours.
    UnsuitedMeetingTime,
    /// A forum has not met at its agreed cadence.
    RoutineNotKept,
    /// Forums with volunteers meeting more often than every two weeks.
    FrequentMeetings,
    /// Action items agreed at meetings and past their due day, still open.
    OverdueActionItems,
    // Resources
    /// A side has set aside no coordination time.
    NoCoordinationTime,
    /// No management priority on the municipal side.
    NoManagementPriority,
    /// No political committee briefed in the last 12 months.
    CommitteeNotBriefed,
    // Continuity
    /// A central post changed holder in the last 12 months.
    ContactChanged,
    /// A governance post is vacant.
    PostVacant,
    /// A coordinating party relies on one person.
    SinglePersonDependency,
    // Breadth
    /// Recommended municipal departments are missing.
    NarrowMunicipalSide,
    /// Kinds of civil-society actor are missing.
    NarrowCivilSociety,
    /// No business among the parties.
    BusinessNotAtTable,
    // Newcomer offers
    /// No activity for refugees (user track).
    NoUserTrack,
    /// No social offer.
    NoSocialOffer,
    /// No job-related offer.
    NoJobOffer,
    /// Introductions of volunteer offers (findings of the introductions module).
    Introductions,
    /// Matches between volunteers and newcomers (findings of the matching module).
    Matching,
    // Anchoring and long-term commitment
    /// A project not (yet) anchored in operation.
    NotAnchored,
    /// The steering group lacks one side.
    NoCrossCuttingLeadership,
    /// A term shorter than two years.
    ShortTerm,
    /// Cooperation, not yet co-creation.
    NotCoCreation,
    /// NGOs or business came to the table after the activities were fixed (004).
    LateInvolvement,
    /// A partnership bound to a place without a goal for the place (004).
    NoPlaceGoal,
}

impl AssessmentCode {
    /// The stable machine code, e.g. `assessment.short_notice`.
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// Every check, in catalogue order (grouped by dimension).
    pub const ALL: [AssessmentCode; 43] = {
        use AssessmentCode::*;
        [
            NotFormalised,
            NoRoutines,
            NoGroundRules,
            NoReviewDates,
            ReviewOverdue,
            TermExpired,
            NoCoordinatorForSide,
            NoVolunteerRepresentative,
            PossibleDoubleCoverage,
            RoleSplit,
            StatutoryTasks,
            NoSharedGoal,
            NoOwnObjectives,
            GoalsWithoutIndicator,
            UndefinedTerms,
            AssociationStandpointUnknown,
            ExpectationAlignment,
            ShortNotice,
            NoAgenda,
            UnsuitedMeetingTime,
            RoutineNotKept,
            FrequentMeetings,
            OverdueActionItems,
            NoCoordinationTime,
            NoManagementPriority,
            CommitteeNotBriefed,
            ContactChanged,
            PostVacant,
            SinglePersonDependency,
            NarrowMunicipalSide,
            NarrowCivilSociety,
            BusinessNotAtTable,
            NoUserTrack,
            NoSocialOffer,
            NoJobOffer,
            Introductions,
            Matching,
            NotAnchored,
            NoCrossCuttingLeadership,
            ShortTerm,
            NotCoCreation,
            LateInvolvement,
            NoPlaceGoal,
        ]
    };

    /// The check with a stable code, e.g. `assessment.short_notice`.
    pub fn from_code(code: &str) -> Option<AssessmentCode> {
        AssessmentCode::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The dimension the check scores in.
    pub fn dimension(self) -> Dimension {
        self.entry().dimension
    }

    /// How much a check counts in its dimension's score: 2 for checks of error severity, 1 for
    /// warnings, 0 for advisory (info) checks, which are reported but never lower a score.
    pub fn weight(self) -> u32 {
        match self.severity() {
            Severity::Error => 2,
            Severity::Warning => 1,
            Severity::Info => 0,
        }
    }

    /// What the check reads.
    pub fn basis(self) -> CheckBasis {
        if self.external_sources().is_empty() {
            CheckBasis::Model
        } else {
            CheckBasis::External
        }
    }

    /// For external checks: the modules whose findings it is judged from. A check counts as
    /// assessed once findings from one of them are given (even none).
    pub fn external_sources(self) -> &'static [&'static str] {
        use AssessmentCode::*;
        match self {
            RoleSplit | StatutoryTasks => &["roles"],
            ExpectationAlignment => &["checklists"],
            Introductions => &["matching", "introductions"],
            Matching => &["matching"],
            _ => &[],
        }
    }

    /// For external checks: the exact finding codes it takes. Every code the roles,
    /// checklists, matching and introductions modules can produce belongs to exactly one check,
    /// so a code outside these lists is refused rather than guessed at.
    pub fn external_codes(self) -> Vec<&'static str> {
        use AssessmentCode::*;
        let statutory = RolesCode::StatutoryOutsideMunicipality;
        match self {
            RoleSplit => RolesCode::findings()
                .filter(|c| *c != statutory)
                .map(RolesCode::code)
                .collect(),
            StatutoryTasks => vec![statutory.code()],
            ExpectationAlignment => ChecklistCode::ALL
                .iter()
                .filter(|c| c.usage().severity().is_some())
                .map(|c| c.code())
                .collect(),
            Introductions => IntroductionCode::findings()
                .map(IntroductionCode::code)
                .collect(),
            Matching => MatchingCode::ALL
                .iter()
                .filter(|c| c.usage().severity().is_some())
                .map(|c| c.code())
                .chain(FollowUpCode::ALL.iter().map(|c| c.code()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A short name for the check, as a quality the partnership should have.
    pub fn title(self) -> Text {
        let (da, en) = self.entry().title;
        Text::new(da, en)
    }

    /// What to do when the check finds a problem.
    pub fn advice(self) -> Text {
        let (da, en) = self.entry().advice;
        Text::new(da, en)
    }

    /// The catalogue entry of this check.
    pub fn info(self) -> CheckInfo {
        CheckInfo {
            code: self.code().to_owned(),
            dimension: self.dimension(),
            severity: self.severity(),
            weight: self.weight(),
            basis: self.basis(),
            source: self.source_ref(),
            title: self.title(),
            advice: self.advice(),
            external_sources: self
                .external_sources()
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            external_codes: self
                .external_codes()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    /// The source section behind the rule (every check has one).
    pub fn source_ref(self) -> SourceRef {
        let (document, section) = self.entry().source;
        SourceRef::new(document, section)
    }
}

impl Code for AssessmentCode {
    const CONCERN: &'static str = "assessment";

    fn all() -> &'static [Self] {
        &AssessmentCode::ALL
    }

    fn code(self) -> &'static str {
        AssessmentCode::code(self)
    }

    fn usage(self) -> Usage {
        Usage::Finding(self.entry().severity)
    }

    /// The check's title: the quality the partnership should have.
    fn texts(self) -> (&'static str, &'static str) {
        self.entry().title
    }
}

impl FindingKind for AssessmentCode {
    fn severity(self) -> Severity {
        self.entry().severity
    }

    fn source(self) -> Option<SourceRef> {
        Some(self.source_ref())
    }
}

/// A check as described in the catalogue, for apps and reports ("what was checked").
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckInfo {
    /// Stable code, e.g. `assessment.short_notice`.
    pub code: String,
    /// The dimension it scores in.
    pub dimension: Dimension,
    /// The severity of its findings (for external checks: how seriously it counts).
    pub severity: Severity,
    /// Its weight in the dimension's score (2 error, 1 warning, 0 advisory).
    pub weight: u32,
    /// Whether it reads the dossier or other modules' findings.
    pub basis: CheckBasis,
    /// The source section behind the rule.
    pub source: SourceRef,
    /// A short name, as a quality the partnership should have.
    pub title: Text,
    /// What to do when it finds a problem.
    pub advice: Text,
    /// External checks: the modules it is judged from.
    pub external_sources: Vec<String>,
    /// External checks: the exact finding codes it takes.
    pub external_codes: Vec<String>,
}

/// Every check of the assessment, in catalogue order.
pub fn catalogue() -> Vec<CheckInfo> {
    AssessmentCode::ALL
        .into_iter()
        .map(AssessmentCode::info)
        .collect()
}

/// The external check a finding from another module belongs to: the one listing its exact
/// code. `None` for a code no check takes, including a `roles.`, `checklists.`, `matching.` or
/// `introduction.` code those modules do not have.
pub fn check_for_external_code(code: &str) -> Option<AssessmentCode> {
    AssessmentCode::ALL
        .into_iter()
        .find(|c| c.external_codes().contains(&code))
}

/// The name people read for an external source (`matching` → `matchningen`), joined as a
/// list: `rollefordelingen`, `matchningen og introduktionerne`.
pub(crate) fn external_sources_text(sources: &[&str], lang: Lang) -> String {
    let names: Vec<&str> = sources
        .iter()
        .map(|s| match (*s, lang) {
            ("roles", Lang::Da) => "rolleanalysen",
            ("roles", Lang::En) => "the role analysis",
            ("checklists", Lang::Da) => "tjeklisterne",
            ("checklists", Lang::En) => "the checklists",
            ("matching", Lang::Da) => "matchningen",
            ("matching", Lang::En) => "the matching",
            ("introductions", Lang::Da) => "introduktionerne",
            ("introductions", Lang::En) => "the introductions",
            (other, _) => other,
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!(
            "{} {} {last}",
            init.join(", "),
            crate::i18n::t(lang, "og", "and")
        ),
    }
}

/// The module names whose findings the assessment accepts.
pub fn external_source_names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for c in AssessmentCode::ALL {
        for s in c.external_sources() {
            if !out.contains(s) {
                out.push(s);
            }
        }
    }
    out
}

/// One check's entry in the catalogue: everything about it but the check itself (which is in
/// `checks/<dimension>.rs`) and the routing of other modules' findings (`external_*`).
struct Entry {
    /// Stable; files, apps and other languages refer to it.
    code: &'static str,
    dimension: Dimension,
    /// Also the weight in the dimension's score.
    severity: Severity,
    /// Document and section of the rule in the source documents.
    source: (SeedDocument, &'static str),
    /// Danish and English.
    title: (&'static str, &'static str),
    /// Danish and English.
    advice: (&'static str, &'static str),
}

impl AssessmentCode {
    /// The catalogue itself, one entry per check in catalogue order. Rust rather than a data
    /// file (docs/adr/0029-assessment-catalogue.md): every entry needs a check in code, and the
    /// compiler then holds the two to each other.
    fn entry(self) -> &'static Entry {
        use AssessmentCode::*;
        use SeedDocument::*;
        match self {
            // Formalisation
            NotFormalised => &Entry {
                code: "assessment.not_formalised",
                dimension: Dimension::Formalisation,
                severity: Severity::Error,
                source: (Lbb2017, "Etablering og pleje af relationer"),
                title: (
                    "Skriftlig, underskrevet aftale",
                    "A written, signed agreement",
                ),
                advice: (
                    "Få aftalen underskrevet af alle parter, så samarbejdet ikke kun hviler på mundtlige og personlige relationer.",
                    "Have every party sign the agreement so the cooperation does not rest on oral and personal relations alone.",
                ),
            },
            NoRoutines => &Entry {
                code: "assessment.no_routines",
                dimension: Dimension::Formalisation,
                severity: Severity::Error,
                source: (Lbb2017, "Formalisering og kommunikation"),
                title: (
                    "Faste mødefora og rutiner",
                    "Fixed meeting forums and routines",
                ),
                advice: (
                    "Aftal faste mødefora med kadence, mødetidspunkt og varsel, som begge parter kan efterleve.",
                    "Agree fixed meeting forums with a cadence, a meeting time and notice that both parties can keep.",
                ),
            },
            NoGroundRules => &Entry {
                code: "assessment.no_ground_rules",
                dimension: Dimension::Formalisation,
                severity: Severity::Warning,
                source: (Lbb2017, "Spredning og forankring"),
                title: (
                    "Spilleregler for beslutninger og uenighed",
                    "Ground rules for decisions and disagreement",
                ),
                advice: (
                    "Skriv ned, hvordan I træffer beslutninger, og hvordan uenighed håndteres.",
                    "Write down how you make decisions and how disagreements are handled.",
                ),
            },
            NoReviewDates => &Entry {
                code: "assessment.no_review_dates",
                dimension: Dimension::Formalisation,
                severity: Severity::Warning,
                source: (Lbb2017, "Etablering og pleje af relationer"),
                title: ("Planlagte revisioner", "Planned reviews"),
                advice: (
                    "Sæt datoer for, hvornår I sammen gennemgår aftalen, fx én gang om året.",
                    "Set dates on which you review the agreement together, for example once a year.",
                ),
            },
            ReviewOverdue => &Entry {
                code: "assessment.review_overdue",
                dimension: Dimension::Formalisation,
                severity: Severity::Warning,
                source: (Lbb2017, "Etablering og pleje af relationer"),
                title: ("Revisioner holdt som planlagt", "Reviews held as planned"),
                advice: (
                    "Hold den planlagte revision, og registrér den (status 'under revision' eller en ny version).",
                    "Hold the planned review and record it (status 'under review' or a new version).",
                ),
            },
            TermExpired => &Entry {
                code: "assessment.term_expired",
                dimension: Dimension::Formalisation,
                severity: Severity::Error,
                source: (Lbb2017, "Etablering og pleje af relationer"),
                title: ("Aftalen er gældende", "The agreement is in force"),
                advice: (
                    "Forny aftalen med en ny version og slutdato, eller afslut den formelt.",
                    "Renew the agreement with a new version and end date, or end it formally.",
                ),
            },
            // Roles
            NoCoordinatorForSide => &Entry {
                code: "assessment.no_coordinator_for_side",
                dimension: Dimension::Roles,
                severity: Severity::Error,
                source: (Lbb2017, "Formalisering og kommunikation"),
                title: ("En tovholder på hver side", "A coordinator on each side"),
                advice: (
                    "Udpeg en tovholder både i kommunen og på civilsamfundssiden.",
                    "Appoint a coordinator both in the municipality and on the civil-society side.",
                ),
            },
            NoVolunteerRepresentative => &Entry {
                code: "assessment.no_volunteer_representative",
                dimension: Dimension::Roles,
                severity: Severity::Info,
                source: (Lbb2017, "Invitation til åben dialog"),
                title: (
                    "Repræsentant for de frivillige",
                    "A volunteer representative",
                ),
                advice: (
                    "Overvej at udpege en repræsentant for de frivillige som sparringspartner for den kommunale projektleder.",
                    "Consider appointing a volunteer representative to spar with the municipal project lead.",
                ),
            },
            PossibleDoubleCoverage => &Entry {
                code: "assessment.possible_double_coverage",
                dimension: Dimension::Roles,
                severity: Severity::Warning,
                source: (Kl2015, "Boligforeninger spiller nøglerolle"),
                title: ("Ingen dobbeltdækning", "No double coverage"),
                advice: (
                    "Afklar, hvem der gør hvad, når flere parter tilbyder det samme til samme målgruppe.",
                    "Clarify who does what when several parties offer the same to the same target group.",
                ),
            },
            RoleSplit => &Entry {
                code: "assessment.role_split",
                dimension: Dimension::Roles,
                severity: Severity::Error,
                source: (Lbb2017, "Formalisering og kommunikation"),
                title: (
                    "Tydelig rolle- og ansvarsfordeling",
                    "A clear split of roles and responsibilities",
                ),
                advice: (
                    "Gennemgå rollefordelingen, og ret det, rolleanalysen peger på.",
                    "Go through the role split and resolve what the role analysis points out.",
                ),
            },
            StatutoryTasks => &Entry {
                code: "assessment.statutory_tasks",
                dimension: Dimension::Roles,
                severity: Severity::Error,
                source: (Lbb2017, "Anerkendelse og respekt"),
                title: (
                    "Lovpligtige opgaver bliver i kommunen",
                    "Statutory tasks stay with the municipality",
                ),
                advice: (
                    "Flyt lovpligtige opgaver tilbage til kommunen: frivillige supplerer, de overtager ikke myndighedsopgaver.",
                    "Move statutory tasks back to the municipality: volunteers complement, they do not take over statutory duties.",
                ),
            },
            // Expectations
            NoSharedGoal => &Entry {
                code: "assessment.no_shared_goal",
                dimension: Dimension::Expectations,
                severity: Severity::Error,
                source: (Lbb2017, "Afstemning af forventninger og mål"),
                title: ("Skriftligt fælles mål", "A written shared goal"),
                advice: (
                    "Formulér en fælles målsætning på et dialogmøde, og formidl den skriftligt til alle relevante parter.",
                    "Formulate a shared goal at a dialogue meeting and share it in writing with everyone concerned.",
                ),
            },
            NoOwnObjectives => &Entry {
                code: "assessment.no_own_objectives",
                dimension: Dimension::Expectations,
                severity: Severity::Info,
                source: (Lbb2017, "Afstemning af forventninger og mål"),
                title: ("Parternes egne mål", "Each party's own objectives"),
                advice: (
                    "Skriv også hver parts egne mål ned, så forskellige ambitioner bliver synlige og kan afstemmes.",
                    "Also write down each party's own objectives so differing ambitions become visible and can be aligned.",
                ),
            },
            GoalsWithoutIndicator => &Entry {
                code: "assessment.goals_without_indicator",
                dimension: Dimension::Expectations,
                severity: Severity::Info,
                // 001 asks for a shared, written goal; that a goal needs an indicator to be
                // followed is the library's own advice built on it, not a claim of the source.
                source: (Lbb2017, "Afstemning af forventninger og mål"),
                title: ("Målbare mål", "Measurable goals"),
                advice: (
                    "Giv de fælles mål en indikator med udgangspunkt og målværdi, så I kan følge og evaluere fremdriften.",
                    "Give the shared goals an indicator with a baseline and a target so you can follow and evaluate progress.",
                ),
            },
            UndefinedTerms => &Entry {
                code: "assessment.undefined_terms",
                dimension: Dimension::Expectations,
                severity: Severity::Warning,
                source: (Kem2017, "Gode råd til kommuner"),
                title: ("Flertydige begreber defineret", "Ambiguous terms defined"),
                advice: (
                    "Skriv i aftalen, hvad I mener med fx frivillighed, medborgerskab og samskabelse.",
                    "State in the agreement what you mean by, for example, volunteering, citizenship and co-creation.",
                ),
            },
            AssociationStandpointUnknown => &Entry {
                code: "assessment.association_standpoint_unknown",
                dimension: Dimension::Expectations,
                severity: Severity::Info,
                source: (
                    Kem2017,
                    "Undersøg dernæst de etniske minoritetsforeningers ståsted",
                ),
                title: (
                    "Foreningernes ståsted kendt",
                    "The associations' standpoint known",
                ),
                advice: (
                    "Undersøg foreningens formål, aktiviteter, medlemmer, frivillige, lokaler og organisering, før I aftaler et samarbejde.",
                    "Find out the association's purpose, activities, members, volunteers, premises and organisation before agreeing a cooperation.",
                ),
            },
            ExpectationAlignment => &Entry {
                code: "assessment.expectation_alignment",
                dimension: Dimension::Expectations,
                severity: Severity::Error,
                source: (Kem2017, "Gode råd til kommuner"),
                title: (
                    "Grundig forventningsafstemning",
                    "A thorough expectation alignment",
                ),
                advice: (
                    "Afstem forventningerne punkt for punkt, og følg op på de forskelle, tjeklisterne viser.",
                    "Align expectations point by point and follow up on the differences the checklists show.",
                ),
            },
            // Meetings
            ShortNotice => &Entry {
                code: "assessment.short_notice",
                dimension: Dimension::Meetings,
                severity: Severity::Warning,
                source: (Lbb2017, "Handling i fokus"),
                title: ("Indkaldelser i god tid", "Invitations in good time"),
                advice: (
                    "Send indkaldelser med det aftalte varsel, så de frivillige kan planlægge deres fritid.",
                    "Send invitations with the agreed notice so volunteers can plan their free time.",
                ),
            },
            NoAgenda => &Entry {
                code: "assessment.no_agenda",
                dimension: Dimension::Meetings,
                severity: Severity::Warning,
                source: (Lbb2017, "Handling i fokus"),
                title: ("Møder med indhold", "Meetings with content"),
                advice: (
                    "Send en dagsorden med indhold sammen med indkaldelsen: de frivillige vil handling, ikke møder for mødernes skyld.",
                    "Send an agenda with content with the invitation: volunteers want action, not meetings for their own sake.",
                ),
            },
            UnsuitedMeetingTime => &Entry {
                code: "assessment.unsuited_meeting_time",
                dimension: Dimension::Meetings,
                severity: Severity::Warning,
                source: (Lbb2017, "Handling i fokus"),
                title: (
                    "Mødetidspunkter, der passer begge parter",
                    "Meeting times that suit both parties",
                ),
                advice: (
                    "Læg møder med frivillige, hvor de kan deltage, fx sidst på eftermiddagen eller om aftenen.",
                    "Hold meetings with volunteers when they can attend, for example late afternoon or evening.",
                ),
            },
            RoutineNotKept => &Entry {
                code: "assessment.routine_not_kept",
                dimension: Dimension::Meetings,
                severity: Severity::Warning,
                source: (Lbb2017, "Formalisering og kommunikation"),
                title: ("Mødefora holdes som aftalt", "Forums meet as agreed"),
                advice: (
                    "Hold møderne i den aftalte kadence, og registrér dem, eller tilpas kadencen i aftalen.",
                    "Hold the meetings at the agreed cadence and record them, or adjust the cadence in the agreement.",
                ),
            },
            FrequentMeetings => &Entry {
                code: "assessment.frequent_meetings",
                dimension: Dimension::Meetings,
                severity: Severity::Info,
                source: (Lbb2017, "Etablering og pleje af relationer"),
                title: (
                    "Ikke flere møder end nødvendigt",
                    "No more meetings than needed",
                ),
                advice: (
                    "Overvej, om mødet kan holdes sjældnere eller erstattes af kortere kontakt: formalisering er ikke mange møder.",
                    "Consider meeting less often or replacing the meeting with shorter contact: formalisation does not mean many meetings.",
                ),
            },
            OverdueActionItems => &Entry {
                code: "assessment.overdue_action_items",
                dimension: Dimension::Meetings,
                severity: Severity::Warning,
                source: (Lbb2017, "Handling i fokus"),
                title: ("Opgaver fra møderne bliver gjort", "Action items get done"),
                advice: (
                    "Følg op på opgaverne fra møderne: gør dem, flyt fristen ved næste møde, eller opgiv dem udtrykkeligt. De frivillige vil se handling.",
                    "Follow up on the meetings' action items: do them, move the due day at the next meeting, or drop them explicitly. Volunteers want to see action.",
                ),
            },
            // Resources
            NoCoordinationTime => &Entry {
                code: "assessment.no_coordination_time",
                dimension: Dimension::Resources,
                severity: Severity::Warning,
                source: (Lbb2017, "Ressourcer"),
                title: (
                    "Tid til koordinering på begge sider",
                    "Coordination time on both sides",
                ),
                advice: (
                    "Afsæt et fast antal timer om måneden til tovholderfunktionen hos både kommunen og civilsamfundet.",
                    "Set aside a fixed number of hours a month for coordination in both the municipality and civil society.",
                ),
            },
            NoManagementPriority => &Entry {
                code: "assessment.no_management_priority",
                dimension: Dimension::Resources,
                severity: Severity::Warning,
                source: (Lbb2017, "Ressourcer"),
                title: ("Ledelsesmæssig prioritering", "Management priority"),
                advice: (
                    "Få kommunens ledelse til udtrykkeligt at prioritere samarbejdet.",
                    "Have the municipality's management explicitly prioritise the partnership.",
                ),
            },
            CommitteeNotBriefed => &Entry {
                code: "assessment.committee_not_briefed",
                dimension: Dimension::Resources,
                severity: Severity::Warning,
                source: (Lbb2017, "Ressourcer"),
                title: (
                    "Politiske udvalg orienteret",
                    "Political committees informed",
                ),
                advice: (
                    "Orientér de politiske udvalg med ansvar for området mindst én gang om året.",
                    "Brief the political committees responsible for the area at least once a year.",
                ),
            },
            // Continuity
            ContactChanged => &Entry {
                code: "assessment.contact_changed",
                dimension: Dimension::Continuity,
                severity: Severity::Warning,
                source: (Lbb2017, "Kontinuitet i en dynamisk verden"),
                title: ("Stabile kontaktpersoner", "Stable contact persons"),
                advice: (
                    "Sørg for en grundig overdragelse: introducér den nye person for de andre parter, og gennemgå aftalen sammen.",
                    "Make the handover thorough: introduce the new person to the other parties and go through the agreement together.",
                ),
            },
            PostVacant => &Entry {
                code: "assessment.post_vacant",
                dimension: Dimension::Continuity,
                severity: Severity::Error,
                source: (Lbb2017, "Kontinuitet i en dynamisk verden"),
                title: ("Centrale poster besat", "Central posts filled"),
                advice: (
                    "Besæt posten hurtigt, og aftal, hvem der varetager den i mellemtiden.",
                    "Fill the post quickly and agree who covers it meanwhile.",
                ),
            },
            SinglePersonDependency => &Entry {
                code: "assessment.single_person_dependency",
                dimension: Dimension::Continuity,
                severity: Severity::Warning,
                source: (Lbb2017, "Kontinuitet i en dynamisk verden"),
                title: ("Ikke afhængig af én person", "Not dependent on one person"),
                advice: (
                    "Knyt mindst to personer til partnerskabet hos parten, fx en stedfortræder for tovholderen.",
                    "Involve at least two people from the party, for example a deputy for the coordinator.",
                ),
            },
            // Breadth
            NarrowMunicipalSide => &Entry {
                code: "assessment.narrow_municipal_side",
                dimension: Dimension::Breadth,
                severity: Severity::Warning,
                source: (Lbb2017, "Anbefalinger"),
                title: ("Bred kommunal deltagelse", "Broad municipal involvement"),
                advice: (
                    "Inddrag de forvaltninger, der typisk er relevante: børn og skole, socialforvaltning, jobcenter samt kultur og fritid.",
                    "Involve the departments that are typically relevant: children and schools, social services, the jobcentre, and culture and leisure.",
                ),
            },
            NarrowCivilSociety => &Entry {
                code: "assessment.narrow_civil_society",
                dimension: Dimension::Breadth,
                severity: Severity::Warning,
                source: (Lbb2017, "Anbefalinger"),
                title: (
                    "Bred deltagelse fra civilsamfundet",
                    "Broad civil-society involvement",
                ),
                advice: (
                    "Inddrag både frivillige sociale foreninger, folkeoplysende foreninger og aktører uden for foreningslivet, fx etniske foreninger eller Venligboerne.",
                    "Involve social volunteer associations, leisure associations and actors outside associations, such as ethnic associations or Venligboerne.",
                ),
            },
            BusinessNotAtTable => &Entry {
                code: "assessment.business_not_at_table",
                dimension: Dimension::Breadth,
                severity: Severity::Info,
                source: (Cfbu2023, "NGO’er og erhvervsliv skal med rundt om bordet"),
                title: ("Erhvervslivet med ved bordet", "Business at the table"),
                advice: (
                    "Overvej at invitere erhvervslivet med tidligt, især hvor samarbejdet handler om job og praktik.",
                    "Consider inviting business in early, especially where the cooperation is about jobs and internships.",
                ),
            },
            // Newcomer offers
            NoUserTrack => &Entry {
                code: "assessment.no_user_track",
                dimension: Dimension::NewcomerOffers,
                severity: Severity::Error,
                source: (Lbb2017, "De to spor"),
                title: ("Aktiviteter for flygtninge", "Activities for refugees"),
                advice: (
                    "Aftal konkrete aktiviteter for de nyankomne (brugersporet), ikke kun opbygning af partnerskabet.",
                    "Agree concrete activities for newcomers (the user track), not only building the partnership.",
                ),
            },
            NoSocialOffer => &Entry {
                code: "assessment.no_social_offer",
                dimension: Dimension::NewcomerOffers,
                severity: Severity::Warning,
                source: (Lbb2017, "Mange aktivitetsformer – også beskæftigelse"),
                title: ("Sociale tilbud", "Social offers"),
                advice: (
                    "Start med den sociale dimension: tilbud mod ensomhed som besøgsvenner, kontaktfamilier og fællesskaber.",
                    "Start with the social dimension: offers against loneliness such as visiting friends, contact families and communities.",
                ),
            },
            NoJobOffer => &Entry {
                code: "assessment.no_job_offer",
                dimension: Dimension::NewcomerOffers,
                severity: Severity::Info,
                source: (Lbb2017, "Mange aktivitetsformer – også beskæftigelse"),
                title: ("Tilbud rettet mod job", "Job-related offers"),
                advice: (
                    "Overvej frivillige i beskæftigelsesindsatsen: jobnetværk, jobmentorer og hjælp til ansøgninger.",
                    "Consider volunteers in employment efforts: job networks, job mentors and help with applications.",
                ),
            },
            Introductions => &Entry {
                code: "assessment.introductions",
                dimension: Dimension::NewcomerOffers,
                severity: Severity::Warning,
                source: (Lbb2017, "Hvornår skal frivilligtilbud introduceres?"),
                title: (
                    "Frivilligtilbud introduceret tidligt og gentaget",
                    "Volunteer offers introduced early and repeated",
                ),
                advice: (
                    "Introducér frivilligtilbud inden for de første 3 måneder, første gang ved samtalen om integrationskontrakten, og gentag informationen.",
                    "Introduce volunteer offers within the first 3 months, first at the integration-contract conversation, and repeat the information.",
                ),
            },
            Matching => &Entry {
                code: "assessment.matching",
                dimension: Dimension::NewcomerOffers,
                severity: Severity::Warning,
                source: (Vvv2019, "Venner har vist vejen til god integration"),
                title: (
                    "Match mellem frivillige og nyankomne",
                    "Matches between volunteers and newcomers",
                ),
                advice: (
                    "Følg op på det, matchningen peger på.",
                    "Follow up on what the matching points out.",
                ),
            },
            // Anchoring and long-term commitment
            NotAnchored => &Entry {
                code: "assessment.not_anchored",
                dimension: Dimension::Anchoring,
                severity: Severity::Warning,
                source: (Lbb2017, "Spredning og forankring"),
                title: ("Forankret i drift", "Anchored in operation"),
                advice: (
                    "Aftal i god tid før projektets afslutning, hvordan samarbejdet forankres i drift med en tværgående ledelse.",
                    "Well before the project ends, agree how the cooperation is anchored in operation with cross-cutting leadership.",
                ),
            },
            NoCrossCuttingLeadership => &Entry {
                code: "assessment.no_cross_cutting_leadership",
                dimension: Dimension::Anchoring,
                severity: Severity::Warning,
                source: (Lbb2017, "Spredning og forankring"),
                title: ("Tværgående ledelse", "Cross-cutting leadership"),
                advice: (
                    "Sæt både kommunen og de frivillige i styregruppen eller den ledelse, der bærer samarbejdet videre.",
                    "Put both the municipality and the volunteers on the steering group or the leadership that carries the cooperation on.",
                ),
            },
            ShortTerm => &Entry {
                code: "assessment.short_term",
                dimension: Dimension::Anchoring,
                severity: Severity::Info,
                source: (Cfbu2023, "Drop projektmageriet – tænk langsigtet sammen"),
                title: ("Langsigtet forpligtelse", "Long-term commitment"),
                advice: (
                    "Tænk i forpligtende partnerskaber over flere år frem for korte projekter.",
                    "Think in binding partnerships over several years rather than short projects.",
                ),
            },
            NotCoCreation => &Entry {
                code: "assessment.not_co_creation",
                dimension: Dimension::Anchoring,
                severity: Severity::Info,
                source: (Lbb2017, "Samskabelse under udvikling"),
                title: ("Samskabelse", "Co-creation"),
                advice: (
                    "Definér behov og løsninger sammen med civilsamfundet, så samarbejdet kan udvikle sig til samskabelse.",
                    "Define needs and solutions together with civil society so the cooperation can grow into co-creation.",
                ),
            },
            // 004 is a panel's shared view, reported in a news item: advice (weight 0), not a
            // requirement, as for the other two checks from it.
            LateInvolvement => &Entry {
                code: "assessment.late_involvement",
                dimension: Dimension::Anchoring,
                severity: Severity::Info,
                source: (Cfbu2023, "NGO’er og erhvervsliv skal med rundt om bordet"),
                title: (
                    "NGO'er og erhvervsliv med fra starten",
                    "NGOs and business in from the start",
                ),
                advice: (
                    "Inviter NGO'er og erhvervslivet med, mens udfordringerne identificeres, og før aktiviteterne ligger fast.",
                    "Invite NGOs and business in while the problems are identified, before the activities are fixed.",
                ),
            },
            NoPlaceGoal => &Entry {
                code: "assessment.no_place_goal",
                dimension: Dimension::Anchoring,
                severity: Severity::Info,
                source: (Cfbu2023, "Drop projektmageriet – tænk langsigtet sammen"),
                title: ("Mål for stedet", "Goals for the place"),
                advice: (
                    "Sæt mindst ét fælles mål for det sted, partnerskabet er bundet til, så borgerne og bydelen er i centrum.",
                    "Set at least one shared goal for the place the partnership is bound to, so its residents and the area are at the centre.",
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_stable_and_round_trip() {
        let mut seen = HashSet::new();
        for c in AssessmentCode::ALL {
            assert!(c.code().starts_with("assessment."));
            assert!(seen.insert(c.code()), "{} twice", c.code());
            assert_eq!(AssessmentCode::from_code(c.code()), Some(c));
            assert!(!c.title().da.is_empty() && !c.title().en.is_empty());
            assert!(!c.advice().da.is_empty() && !c.advice().en.is_empty());
        }
        // Every dimension has at least one scoring check.
        for d in Dimension::ALL {
            assert!(
                AssessmentCode::ALL
                    .iter()
                    .any(|c| c.dimension() == d && c.weight() > 0),
                "{d:?}"
            );
        }
    }

    #[test]
    fn every_roles_and_checklists_code_has_exactly_one_check() {
        // ALL is made by the `codes!` macro, so it lists every variant; findings carry the
        // codes with a severity, and only those are routed.
        for c in RolesCode::findings() {
            let want = if c == RolesCode::StatutoryOutsideMunicipality {
                AssessmentCode::StatutoryTasks
            } else {
                AssessmentCode::RoleSplit
            };
            assert_eq!(
                check_for_external_code(c.code()),
                Some(want),
                "{}",
                c.code()
            );
            let takers = AssessmentCode::ALL
                .iter()
                .filter(|a| a.external_codes().contains(&c.code()))
                .count();
            assert_eq!(takers, 1, "{}", c.code());
        }
        for c in ChecklistCode::ALL
            .iter()
            .copied()
            .filter(|c| c.usage().severity().is_some())
        {
            assert_eq!(
                check_for_external_code(c.code()),
                Some(AssessmentCode::ExpectationAlignment),
                "{}",
                c.code()
            );
        }
        // Codes those modules do not have are refused, not guessed at.
        for code in [
            "roles.unassigned_task",
            "roles.statutory_task_to_volunteers",
            "checklists.misaligned",
            "roles.",
            "introductions.overdue",
            "matching.",
            "matching.unknown",
        ] {
            assert_eq!(check_for_external_code(code), None, "{code}");
        }
    }

    /// As [`roles_position`], for the matching module's codes (validation and follow-up).
    #[test]
    fn every_matching_and_introduction_code_has_exactly_one_check() {
        let mut codes: Vec<(&str, AssessmentCode)> = Vec::new();
        // ALL is made by the `codes!` macro, so it lists every variant; the ones findings
        // carry are those with a severity.
        for c in MatchingCode::ALL
            .iter()
            .filter(|c| c.usage().severity().is_some())
        {
            codes.push((c.code(), AssessmentCode::Matching));
        }
        for c in FollowUpCode::ALL {
            codes.push((c.code(), AssessmentCode::Matching));
        }
        for c in IntroductionCode::findings() {
            codes.push((c.code(), AssessmentCode::Introductions));
        }
        for (code, want) in codes {
            assert_eq!(check_for_external_code(code), Some(want), "{code}");
            let takers = AssessmentCode::ALL
                .iter()
                .filter(|a| a.external_codes().contains(&code))
                .count();
            assert_eq!(takers, 1, "{code}");
        }
    }

    #[test]
    fn external_codes_route_by_exact_code() {
        assert_eq!(
            check_for_external_code("roles.no_split"),
            Some(AssessmentCode::RoleSplit)
        );
        assert_eq!(
            check_for_external_code("roles.statutory_outside_municipality"),
            Some(AssessmentCode::StatutoryTasks)
        );
        assert_eq!(
            check_for_external_code("checklists.critical_divergence"),
            Some(AssessmentCode::ExpectationAlignment)
        );
        assert_eq!(
            check_for_external_code("introduction.overdue"),
            Some(AssessmentCode::Introductions)
        );
        assert_eq!(
            check_for_external_code("matching.unmatched"),
            Some(AssessmentCode::Matching)
        );
        assert_eq!(check_for_external_code("validation.empty_text"), None);
        assert_eq!(check_for_external_code("rolesx"), None);
        assert_eq!(
            external_source_names(),
            vec!["roles", "checklists", "matching", "introductions"]
        );
    }
}
