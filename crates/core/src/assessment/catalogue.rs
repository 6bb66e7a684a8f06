//! The catalogue of checks: every rule of the source documents the assessment encodes, with its
//! stable code, dimension, severity, source section, a short title and advice in Danish and
//! English.
//!
//! Most checks read the dossier ([`CheckBasis::Model`]). Rules that need data other modules own
//! (role splits, checklist answers, introductions, matches) are [`CheckBasis::External`]: they are
//! judged from those modules' findings, routed here by their exact code (see
//! [`crate::assessment::ExternalFindings`]), and are "not assessed" until such findings are given.

use crate::checklists::ChecklistCode;
use crate::finding::{FindingKind, SeedDocument, Severity, SourceRef};
use crate::i18n::{Text, labels};
use crate::matching::{FollowUpCode, IntroductionCode, MatchingCode};
use crate::roles::RolesCode;

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
}

impl AssessmentCode {
    /// Every check, in catalogue order (grouped by dimension).
    pub const ALL: [AssessmentCode; 40] = {
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
        ]
    };

    /// The check with a stable code, e.g. `assessment.short_notice`.
    pub fn from_code(code: &str) -> Option<AssessmentCode> {
        AssessmentCode::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The dimension the check scores in.
    pub fn dimension(self) -> Dimension {
        use AssessmentCode::*;
        match self {
            NotFormalised | NoRoutines | NoGroundRules | NoReviewDates | ReviewOverdue
            | TermExpired => Dimension::Formalisation,
            NoCoordinatorForSide
            | NoVolunteerRepresentative
            | PossibleDoubleCoverage
            | RoleSplit
            | StatutoryTasks => Dimension::Roles,
            NoSharedGoal
            | NoOwnObjectives
            | GoalsWithoutIndicator
            | UndefinedTerms
            | AssociationStandpointUnknown
            | ExpectationAlignment => Dimension::Expectations,
            ShortNotice | NoAgenda | UnsuitedMeetingTime | RoutineNotKept | FrequentMeetings => {
                Dimension::Meetings
            }
            NoCoordinationTime | NoManagementPriority | CommitteeNotBriefed => Dimension::Resources,
            ContactChanged | PostVacant | SinglePersonDependency => Dimension::Continuity,
            NarrowMunicipalSide | NarrowCivilSociety | BusinessNotAtTable => Dimension::Breadth,
            NoUserTrack | NoSocialOffer | NoJobOffer | Introductions | Matching => {
                Dimension::NewcomerOffers
            }
            NotAnchored | NoCrossCuttingLeadership | ShortTerm | NotCoCreation => {
                Dimension::Anchoring
            }
        }
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
            RoleSplit => RolesCode::ALL
                .into_iter()
                .filter(|c| *c != statutory)
                .map(RolesCode::code)
                .collect(),
            StatutoryTasks => vec![statutory.code()],
            ExpectationAlignment => ChecklistCode::ALL
                .into_iter()
                .map(ChecklistCode::code)
                .collect(),
            Introductions => IntroductionCode::ALL
                .into_iter()
                .map(IntroductionCode::code)
                .collect(),
            Matching => MatchingCode::ALL
                .into_iter()
                .map(MatchingCode::code)
                .chain(FollowUpCode::ALL.into_iter().map(FollowUpCode::code))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A short name for the check, as a quality the partnership should have.
    pub fn title(self) -> Text {
        use AssessmentCode::*;
        let (da, en) = match self {
            NotFormalised => (
                "Skriftlig, underskrevet aftale",
                "A written, signed agreement",
            ),
            NoRoutines => (
                "Faste mødefora og rutiner",
                "Fixed meeting forums and routines",
            ),
            NoGroundRules => (
                "Spilleregler for beslutninger og uenighed",
                "Ground rules for decisions and disagreement",
            ),
            NoReviewDates => ("Planlagte revisioner", "Planned reviews"),
            ReviewOverdue => ("Revisioner holdt som planlagt", "Reviews held as planned"),
            NoCoordinatorForSide => ("En tovholder på hver side", "A coordinator on each side"),
            NoVolunteerRepresentative => (
                "Repræsentant for de frivillige",
                "A volunteer representative",
            ),
            PossibleDoubleCoverage => ("Ingen dobbeltdækning", "No double coverage"),
            RoleSplit => (
                "Tydelig rolle- og ansvarsfordeling",
                "A clear split of roles and responsibilities",
            ),
            StatutoryTasks => (
                "Lovpligtige opgaver bliver i kommunen",
                "Statutory tasks stay with the municipality",
            ),
            NoSharedGoal => ("Skriftligt fælles mål", "A written shared goal"),
            NoOwnObjectives => ("Parternes egne mål", "Each party's own objectives"),
            GoalsWithoutIndicator => ("Målbare mål", "Measurable goals"),
            UndefinedTerms => ("Flertydige begreber defineret", "Ambiguous terms defined"),
            AssociationStandpointUnknown => (
                "Foreningernes ståsted kendt",
                "The associations' standpoint known",
            ),
            ExpectationAlignment => (
                "Grundig forventningsafstemning",
                "A thorough expectation alignment",
            ),
            ShortNotice => ("Indkaldelser i god tid", "Invitations in good time"),
            NoAgenda => ("Møder med indhold", "Meetings with content"),
            UnsuitedMeetingTime => (
                "Mødetidspunkter, der passer begge parter",
                "Meeting times that suit both parties",
            ),
            RoutineNotKept => ("Mødefora holdes som aftalt", "Forums meet as agreed"),
            FrequentMeetings => (
                "Ikke flere møder end nødvendigt",
                "No more meetings than needed",
            ),
            NoCoordinationTime => (
                "Tid til koordinering på begge sider",
                "Coordination time on both sides",
            ),
            NoManagementPriority => ("Ledelsesmæssig prioritering", "Management priority"),
            CommitteeNotBriefed => (
                "Politiske udvalg orienteret",
                "Political committees informed",
            ),
            ContactChanged => ("Stabile kontaktpersoner", "Stable contact persons"),
            PostVacant => ("Centrale poster besat", "Central posts filled"),
            SinglePersonDependency => ("Ikke afhængig af én person", "Not dependent on one person"),
            NarrowMunicipalSide => ("Bred kommunal deltagelse", "Broad municipal involvement"),
            NarrowCivilSociety => (
                "Bred deltagelse fra civilsamfundet",
                "Broad civil-society involvement",
            ),
            BusinessNotAtTable => ("Erhvervslivet med ved bordet", "Business at the table"),
            NoUserTrack => ("Aktiviteter for flygtninge", "Activities for refugees"),
            NoSocialOffer => ("Sociale tilbud", "Social offers"),
            NoJobOffer => ("Tilbud rettet mod job", "Job-related offers"),
            Introductions => (
                "Frivilligtilbud introduceret tidligt og gentaget",
                "Volunteer offers introduced early and repeated",
            ),
            Matching => (
                "Match mellem frivillige og nyankomne",
                "Matches between volunteers and newcomers",
            ),
            TermExpired => ("Aftalen er gældende", "The agreement is in force"),
            NotAnchored => ("Forankret i drift", "Anchored in operation"),
            NoCrossCuttingLeadership => ("Tværgående ledelse", "Cross-cutting leadership"),
            ShortTerm => ("Langsigtet forpligtelse", "Long-term commitment"),
            NotCoCreation => ("Samskabelse", "Co-creation"),
        };
        Text::new(da, en)
    }

    /// What to do when the check finds a problem.
    pub fn advice(self) -> Text {
        use AssessmentCode::*;
        let (da, en) = match self {
            NotFormalised => (
                "Få aftalen underskrevet af alle parter, så samarbejdet ikke kun hviler på mundtlige og personlige relationer.",
                "Have every party sign the agreement so the cooperation does not rest on oral and personal relations alone.",
            ),
            NoRoutines => (
                "Aftal faste mødefora med kadence, mødetidspunkt og varsel, som begge parter kan efterleve.",
                "Agree fixed meeting forums with a cadence, a meeting time and notice that both parties can keep.",
            ),
            NoGroundRules => (
                "Skriv ned, hvordan I træffer beslutninger, og hvordan uenighed håndteres.",
                "Write down how you make decisions and how disagreements are handled.",
            ),
            NoReviewDates => (
                "Sæt datoer for, hvornår I sammen gennemgår aftalen, fx én gang om året.",
                "Set dates on which you review the agreement together, for example once a year.",
            ),
            ReviewOverdue => (
                "Hold den planlagte revision, og registrér den (status 'under revision' eller en ny version).",
                "Hold the planned review and record it (status 'under review' or a new version).",
            ),
            NoCoordinatorForSide => (
                "Udpeg en tovholder både i kommunen og på civilsamfundssiden.",
                "Appoint a coordinator both in the municipality and on the civil-society side.",
            ),
            NoVolunteerRepresentative => (
                "Overvej at udpege en repræsentant for de frivillige som sparringspartner for den kommunale projektleder.",
                "Consider appointing a volunteer representative to spar with the municipal project lead.",
            ),
            PossibleDoubleCoverage => (
                "Afklar, hvem der gør hvad, når flere parter tilbyder det samme til samme målgruppe.",
                "Clarify who does what when several parties offer the same to the same target group.",
            ),
            RoleSplit => (
                "Gennemgå rollefordelingen, og ret det, rolleanalysen peger på.",
                "Go through the role split and resolve what the role analysis points out.",
            ),
            StatutoryTasks => (
                "Flyt lovpligtige opgaver tilbage til kommunen: frivillige supplerer, de overtager ikke myndighedsopgaver.",
                "Move statutory tasks back to the municipality: volunteers complement, they do not take over statutory duties.",
            ),
            NoSharedGoal => (
                "Formulér en fælles målsætning på et dialogmøde, og formidl den skriftligt til alle relevante parter.",
                "Formulate a shared goal at a dialogue meeting and share it in writing with everyone concerned.",
            ),
            NoOwnObjectives => (
                "Skriv også hver parts egne mål ned, så forskellige ambitioner bliver synlige og kan afstemmes.",
                "Also write down each party's own objectives so differing ambitions become visible and can be aligned.",
            ),
            GoalsWithoutIndicator => (
                "Giv de fælles mål en indikator med udgangspunkt og målværdi, så I kan følge og evaluere fremdriften.",
                "Give the shared goals an indicator with a baseline and a target so you can follow and evaluate progress.",
            ),
            UndefinedTerms => (
                "Skriv i aftalen, hvad I mener med fx frivillighed, medborgerskab og samskabelse.",
                "State in the agreement what you mean by, for example, volunteering, citizenship and co-creation.",
            ),
            AssociationStandpointUnknown => (
                "Undersøg foreningens formål, aktiviteter, medlemmer, frivillige, lokaler og organisering, før I aftaler et samarbejde.",
                "Find out the association's purpose, activities, members, volunteers, premises and organisation before agreeing a cooperation.",
            ),
            ExpectationAlignment => (
                "Afstem forventningerne punkt for punkt, og følg op på de forskelle, tjeklisterne viser.",
                "Align expectations point by point and follow up on the differences the checklists show.",
            ),
            ShortNotice => (
                "Send indkaldelser med det aftalte varsel, så de frivillige kan planlægge deres fritid.",
                "Send invitations with the agreed notice so volunteers can plan their free time.",
            ),
            NoAgenda => (
                "Send en dagsorden med indhold sammen med indkaldelsen: de frivillige vil handling, ikke møder for mødernes skyld.",
                "Send an agenda with content with the invitation: volunteers want action, not meetings for their own sake.",
            ),
            UnsuitedMeetingTime => (
                "Læg møder med frivillige, hvor de kan deltage, fx sidst på eftermiddagen eller om aftenen.",
                "Hold meetings with volunteers when they can attend, for example late afternoon or evening.",
            ),
            RoutineNotKept => (
                "Hold møderne i den aftalte kadence, og registrér dem, eller tilpas kadencen i aftalen.",
                "Hold the meetings at the agreed cadence and record them, or adjust the cadence in the agreement.",
            ),
            FrequentMeetings => (
                "Overvej, om mødet kan holdes sjældnere eller erstattes af kortere kontakt: formalisering er ikke mange møder.",
                "Consider meeting less often or replacing the meeting with shorter contact: formalisation does not mean many meetings.",
            ),
            NoCoordinationTime => (
                "Afsæt et fast antal timer om måneden til tovholderfunktionen hos både kommunen og civilsamfundet.",
                "Set aside a fixed number of hours a month for coordination in both the municipality and civil society.",
            ),
            NoManagementPriority => (
                "Få kommunens ledelse til udtrykkeligt at prioritere samarbejdet.",
                "Have the municipality's management explicitly prioritise the partnership.",
            ),
            CommitteeNotBriefed => (
                "Orientér de politiske udvalg med ansvar for området mindst én gang om året.",
                "Brief the political committees responsible for the area at least once a year.",
            ),
            ContactChanged => (
                "Sørg for en grundig overdragelse: introducér den nye person for de andre parter, og gennemgå aftalen sammen.",
                "Make the handover thorough: introduce the new person to the other parties and go through the agreement together.",
            ),
            PostVacant => (
                "Besæt posten hurtigt, og aftal, hvem der varetager den i mellemtiden.",
                "Fill the post quickly and agree who covers it meanwhile.",
            ),
            SinglePersonDependency => (
                "Knyt mindst to personer til partnerskabet hos parten, fx en stedfortræder for tovholderen.",
                "Involve at least two people from the party, for example a deputy for the coordinator.",
            ),
            NarrowMunicipalSide => (
                "Inddrag de forvaltninger, der typisk er relevante: børn og skole, socialforvaltning, jobcenter samt kultur og fritid.",
                "Involve the departments that are typically relevant: children and schools, social services, the jobcentre, and culture and leisure.",
            ),
            NarrowCivilSociety => (
                "Inddrag både frivillige sociale foreninger, folkeoplysende foreninger og aktører uden for foreningslivet, fx etniske foreninger eller Venligboerne.",
                "Involve social volunteer associations, leisure associations and actors outside associations, such as ethnic associations or Venligboerne.",
            ),
            BusinessNotAtTable => (
                "Overvej at invitere erhvervslivet med tidligt, især hvor samarbejdet handler om job og praktik.",
                "Consider inviting business in early, especially where the cooperation is about jobs and internships.",
            ),
            NoUserTrack => (
                "Aftal konkrete aktiviteter for de nyankomne (brugersporet), ikke kun opbygning af partnerskabet.",
                "Agree concrete activities for newcomers (the user track), not only building the partnership.",
            ),
            NoSocialOffer => (
                "Start med den sociale dimension: tilbud mod ensomhed som besøgsvenner, kontaktfamilier og fællesskaber.",
                "Start with the social dimension: offers against loneliness such as visiting friends, contact families and communities.",
            ),
            NoJobOffer => (
                "Overvej frivillige i beskæftigelsesindsatsen: jobnetværk, jobmentorer og hjælp til ansøgninger.",
                "Consider volunteers in employment efforts: job networks, job mentors and help with applications.",
            ),
            Introductions => (
                "Introducér frivilligtilbud inden for de første 3 måneder, første gang ved samtalen om integrationskontrakten, og gentag informationen.",
                "Introduce volunteer offers within the first 3 months, first at the integration-contract conversation, and repeat the information.",
            ),
            Matching => (
                "Følg op på det, matchingen peger på.",
                "Follow up on what the matching points out.",
            ),
            TermExpired => (
                "Forny aftalen med en ny version og slutdato, eller afslut den formelt.",
                "Renew the agreement with a new version and end date, or end it formally.",
            ),
            NotAnchored => (
                "Aftal i god tid før projektets afslutning, hvordan samarbejdet forankres i drift med en tværgående ledelse.",
                "Well before the project ends, agree how the cooperation is anchored in operation with cross-cutting leadership.",
            ),
            NoCrossCuttingLeadership => (
                "Sæt både kommunen og de frivillige i styregruppen eller den ledelse, der bærer samarbejdet videre.",
                "Put both the municipality and the volunteers on the steering group or the leadership that carries the cooperation on.",
            ),
            ShortTerm => (
                "Tænk i forpligtende partnerskaber over flere år frem for korte projekter.",
                "Think in binding partnerships over several years rather than short projects.",
            ),
            NotCoCreation => (
                "Definér behov og løsninger sammen med civilsamfundet, så samarbejdet kan udvikle sig til samskabelse.",
                "Define needs and solutions together with civil society so the cooperation can grow into co-creation.",
            ),
        };
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
        use AssessmentCode::*;
        use SeedDocument::*;
        let (doc, section) = match self {
            NotFormalised | NoReviewDates | ReviewOverdue | TermExpired | FrequentMeetings => {
                (Lbb2017, "Etablering og pleje af relationer")
            }
            NoRoutines | NoCoordinatorForSide | RoleSplit | RoutineNotKept => {
                (Lbb2017, "Formalisering og kommunikation")
            }
            NoGroundRules | NotAnchored | NoCrossCuttingLeadership => {
                (Lbb2017, "Spredning og forankring")
            }
            NoVolunteerRepresentative => (Lbb2017, "Invitation til åben dialog"),
            PossibleDoubleCoverage => (Kl2015, "Boligforeninger spiller nøglerolle"),
            StatutoryTasks => (Lbb2017, "Anerkendelse og respekt"),
            NoSharedGoal | NoOwnObjectives => (Lbb2017, "Afstemning af forventninger og mål"),
            GoalsWithoutIndicator => (Kem2017, "Om projektet"),
            UndefinedTerms | ExpectationAlignment => (Kem2017, "Gode råd til kommuner"),
            AssociationStandpointUnknown => (Kem2017, "Kom godt i gang"),
            ShortNotice | NoAgenda | UnsuitedMeetingTime => (Lbb2017, "Handling i fokus"),
            NoCoordinationTime | NoManagementPriority | CommitteeNotBriefed => {
                (Lbb2017, "Ressourcer")
            }
            ContactChanged | PostVacant | SinglePersonDependency => {
                (Lbb2017, "Kontinuitet i en dynamisk verden")
            }
            NarrowMunicipalSide | NarrowCivilSociety => (Lbb2017, "Anbefalinger"),
            BusinessNotAtTable => (Cfbu2023, "NGO’er og erhvervsliv skal med rundt om bordet"),
            NoUserTrack => (Lbb2017, "De to spor"),
            NoSocialOffer | NoJobOffer => (Lbb2017, "Mange aktivitetsformer – også beskæftigelse"),
            Introductions => (Lbb2017, "Hvornår skal frivilligtilbud introduceres?"),
            Matching => (Vvv2019, "Venner har vist vejen til god integration"),
            ShortTerm => (Cfbu2023, "Drop projektmageriet – tænk langsigtet sammen"),
            NotCoCreation => (Lbb2017, "Samskabelse under udvikling"),
        };
        SourceRef::new(doc, section)
    }
}

impl FindingKind for AssessmentCode {
    fn code(self) -> &'static str {
        use AssessmentCode::*;
        match self {
            NotFormalised => "assessment.not_formalised",
            NoRoutines => "assessment.no_routines",
            NoGroundRules => "assessment.no_ground_rules",
            NoReviewDates => "assessment.no_review_dates",
            ReviewOverdue => "assessment.review_overdue",
            NoCoordinatorForSide => "assessment.no_coordinator_for_side",
            NoVolunteerRepresentative => "assessment.no_volunteer_representative",
            PossibleDoubleCoverage => "assessment.possible_double_coverage",
            RoleSplit => "assessment.role_split",
            StatutoryTasks => "assessment.statutory_tasks",
            NoSharedGoal => "assessment.no_shared_goal",
            NoOwnObjectives => "assessment.no_own_objectives",
            GoalsWithoutIndicator => "assessment.goals_without_indicator",
            UndefinedTerms => "assessment.undefined_terms",
            AssociationStandpointUnknown => "assessment.association_standpoint_unknown",
            ExpectationAlignment => "assessment.expectation_alignment",
            ShortNotice => "assessment.short_notice",
            NoAgenda => "assessment.no_agenda",
            UnsuitedMeetingTime => "assessment.unsuited_meeting_time",
            RoutineNotKept => "assessment.routine_not_kept",
            FrequentMeetings => "assessment.frequent_meetings",
            NoCoordinationTime => "assessment.no_coordination_time",
            NoManagementPriority => "assessment.no_management_priority",
            CommitteeNotBriefed => "assessment.committee_not_briefed",
            ContactChanged => "assessment.contact_changed",
            PostVacant => "assessment.post_vacant",
            SinglePersonDependency => "assessment.single_person_dependency",
            NarrowMunicipalSide => "assessment.narrow_municipal_side",
            NarrowCivilSociety => "assessment.narrow_civil_society",
            BusinessNotAtTable => "assessment.business_not_at_table",
            NoUserTrack => "assessment.no_user_track",
            NoSocialOffer => "assessment.no_social_offer",
            NoJobOffer => "assessment.no_job_offer",
            Introductions => "assessment.introductions",
            Matching => "assessment.matching",
            TermExpired => "assessment.term_expired",
            NotAnchored => "assessment.not_anchored",
            NoCrossCuttingLeadership => "assessment.no_cross_cutting_leadership",
            ShortTerm => "assessment.short_term",
            NotCoCreation => "assessment.not_co_creation",
        }
    }

    fn severity(self) -> Severity {
        use AssessmentCode::*;
        match self {
            NotFormalised | NoRoutines | NoCoordinatorForSide | RoleSplit | StatutoryTasks
            | NoSharedGoal | ExpectationAlignment | PostVacant | NoUserTrack | TermExpired => {
                Severity::Error
            }
            NoVolunteerRepresentative
            | NoOwnObjectives
            | GoalsWithoutIndicator
            | AssociationStandpointUnknown
            | FrequentMeetings
            | BusinessNotAtTable
            | NoJobOffer
            | ShortTerm
            | NotCoCreation => Severity::Info,
            _ => Severity::Warning,
        }
    }

    fn source(self) -> Option<SourceRef> {
        Some(self.source_ref())
    }
}

/// A check as described in the catalogue, for apps and reports ("what was checked").
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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

    /// Exhaustive on purpose: a new roles code fails to compile here until it is placed, and
    /// the test then checks that `RolesCode::ALL` (which the routing reads) lists it.
    fn roles_position(c: RolesCode) -> usize {
        use RolesCode::*;
        match c {
            NoSplit => 0,
            NoResponsible => 1,
            NoAccountable => 2,
            MultipleAccountable => 3,
            StatutoryOutsideMunicipality => 4,
            DoubleCoverage => 5,
            ActivityWithoutTask => 6,
            LeadNotResponsible => 7,
            LoadExceedsHours => 8,
            SinglePointOfFailure => 9,
            AccountableWithoutCarrier => 10,
            VacantCarrier => 11,
            DepartmentNotInvolved => 12,
            UnknownTask => 13,
            DuplicateAssignment => 14,
            ConflictingRoles => 15,
            CarrierNotOfParty => 16,
            ReservedTaskId => 17,
        }
    }

    /// As [`roles_position`], for checklist codes.
    fn checklist_position(c: ChecklistCode) -> usize {
        use ChecklistCode::*;
        match c {
            InvalidVersion => 0,
            NoRespondents => 1,
            NoItems => 2,
            InvalidWeight => 3,
            TooFewOptions => 4,
            InvalidRange => 5,
            UnknownTemplate => 6,
            TemplateShadowsBuiltin => 7,
            UnknownItem => 8,
            DuplicateAnswer => 9,
            AnswerKindMismatch => 10,
            AnswerOutOfRange => 11,
            UnknownOption => 12,
            Unanswered => 13,
            SubmittedIncomplete => 14,
            NoRequiredParties => 15,
            SideNotRespondent => 16,
            AnswererNotOfParty => 17,
            TimeOrder => 18,
            CriticalDivergence => 19,
            Divergence => 20,
            MinorDivergence => 21,
            ToDiscuss => 22,
            MissingAnswer => 23,
            Resolved => 24,
            MixedVersions => 25,
            RequiredNotStarted => 26,
            RequiredIncomplete => 27,
            InvalidData => 28,
            NoExpectationAlignment => 29,
        }
    }

    #[test]
    fn every_roles_and_checklists_code_has_exactly_one_check() {
        for (i, c) in RolesCode::ALL.into_iter().enumerate() {
            assert_eq!(roles_position(c), i, "RolesCode::ALL is out of date");
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
        for (i, c) in ChecklistCode::ALL.into_iter().enumerate() {
            assert_eq!(
                checklist_position(c),
                i,
                "ChecklistCode::ALL is out of date"
            );
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
    fn matching_position(c: MatchingCode) -> usize {
        use MatchingCode::*;
        match c {
            RuleSetVersion => 0,
            NoRules => 1,
            UnknownAttribute => 2,
            UndeclaredSensitiveAttribute => 3,
            UnusedSensitiveAttribute => 4,
            SensitiveFieldShared => 5,
            InvalidWeight => 6,
            ZeroWeight => 7,
            InvalidParameter => 8,
            ContradictoryParameters => 9,
            VacuousRule => 10,
            UnknownPlaceholder => 11,
            InvalidLanguageCode => 12,
            InvalidCoordinates => 13,
            NewcomerIdNotPseudonymous => 14,
            OverCapacity => 15,
            ChildAgeOutOfRange => 16,
            BeforeArrival => 17,
            StoredMatchInvalid => 18,
            DuplicateLanguage => 19,
        }
    }

    fn follow_up_position(c: FollowUpCode) -> usize {
        match c {
            FollowUpCode::NoRun => 0,
            FollowUpCode::Unmatched => 1,
            FollowUpCode::UnmetDemand => 2,
            FollowUpCode::UnusedOffer => 3,
        }
    }

    fn introduction_position(c: IntroductionCode) -> usize {
        match c {
            IntroductionCode::Due => 0,
            IntroductionCode::Overdue => 1,
            IntroductionCode::NotWithinDeadline => 2,
            IntroductionCode::TooFew => 3,
        }
    }

    #[test]
    fn every_matching_and_introduction_code_has_exactly_one_check() {
        let mut codes: Vec<(&str, AssessmentCode)> = Vec::new();
        for (i, c) in MatchingCode::ALL.into_iter().enumerate() {
            assert_eq!(matching_position(c), i, "MatchingCode::ALL is out of date");
            codes.push((c.code(), AssessmentCode::Matching));
        }
        for (i, c) in FollowUpCode::ALL.into_iter().enumerate() {
            assert_eq!(follow_up_position(c), i, "FollowUpCode::ALL is out of date");
            codes.push((c.code(), AssessmentCode::Matching));
        }
        for (i, c) in IntroductionCode::ALL.into_iter().enumerate() {
            assert_eq!(
                introduction_position(c),
                i,
                "IntroductionCode::ALL is out of date"
            );
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
