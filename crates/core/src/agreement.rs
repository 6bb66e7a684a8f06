//! Partnership agreements (samarbejdsaftaler): parties, goals, activities, governance,
//! routines, resources, term, and their versions and status history.
//!
//! The terms live in [`AgreementVersion`]s: a draft is edited in place, but amending a signed
//! agreement appends a new version so earlier ones stay readable. The status moves through
//! [`AgreementStatus`] by checked, dated and attributed transitions (see [`crate::lifecycle`]).

use crate::actors::PartyRef;
use crate::i18n::{Lang, labels, t};
use crate::ids::{ActivityId, AgreementId, ForumId, GoalId, PersonId, PlaceId, PostId};
use crate::status::AgreementStatus;
use crate::time::Timestamp;
use chrono::NaiveDate;

/// A partnership agreement with its versions and history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Agreement {
    /// Id, e.g. `aalborg-lbb`.
    pub id: AgreementId,
    /// Where it is in its lifecycle.
    pub status: AgreementStatus,
    /// The terms, oldest first; the last is in force. Never empty.
    pub versions: Vec<AgreementVersion>,
    /// Every status change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusEvent>,
    /// Meetings held under the agreement's routines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<MeetingRecord>,
    /// Political committees informed about the partnership (001 "Ressourcer").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committee_briefings: Vec<CommitteeBriefing>,
    /// How the partnership came about: when problems were identified and activities fixed, and
    /// when each party came to the table (004).
    #[serde(
        default,
        skip_serializing_if = "crate::places::model::binding::PartnershipProcess::is_empty"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub process: crate::places::model::binding::PartnershipProcess,
}

impl Agreement {
    /// The version in force (the last one).
    pub fn current(&self) -> Option<&AgreementVersion> {
        self.versions.last()
    }

    /// The terms in force.
    pub fn terms(&self) -> Option<&AgreementTerms> {
        self.current().map(|v| &v.terms)
    }

    /// A version by its number.
    pub fn version(&self, number: u32) -> Option<&AgreementVersion> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// The title of the version in force, or the id if there is none.
    pub fn title(&self) -> &str {
        self.terms()
            .map(|t| t.title.as_str())
            .unwrap_or(self.id.as_str())
    }

    /// The status on a date, replayed from the history (the initial status before any event).
    pub fn status_on(&self, date: NaiveDate) -> AgreementStatus {
        let mut status = self.history.first().map(|e| e.from).unwrap_or(self.status);
        for e in &self.history {
            if e.at.date_naive() <= date {
                status = e.to;
            }
        }
        status
    }
}

/// One version of an agreement's terms.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgreementVersion {
    /// 1 for the first version, then 2, 3, ...
    pub number: u32,
    /// Why and by whom this version was made; absent for version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<Amendment>,
    /// The terms.
    pub terms: AgreementTerms,
}

/// The record of an amendment.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Amendment {
    /// The day the amendment takes effect.
    pub on: NaiveDate,
    /// Who made it.
    pub by: PersonId,
    /// Why.
    pub reason: String,
}

/// What the parties agree on.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgreementTerms {
    /// Title, e.g. "Samarbejdsaftale om Venner Viser Vej".
    pub title: String,
    /// The overall purpose in one or two sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The parties: the municipality and its involved departments, and organisations.
    pub parties: Vec<AgreementParty>,
    /// Shared goals and each party's own objectives, written down (001 "Afstemning af
    /// forventninger og mål").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// The activities carried out under the agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Steering group, coordinators and volunteer-side representative.
    #[serde(default)]
    pub governance: Governance,
    /// Fixed meeting forums (001 "Formalisering og kommunikation").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routines: Vec<MeetingForum>,
    /// Coordination time each party sets aside (001 "Ressourcer").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceCommitment>,
    /// How decisions are made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_making: Option<String>,
    /// How disagreements are handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreement_handling: Option<String>,
    /// What the parties mean by terms that are easily read differently, such as
    /// "frivillighed" or "medborgerskab" (003 "Gode råd", avoid no. 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<Definition>,
    /// Start, end and review dates.
    pub term: Term,
    /// How a party leaves the agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit: Option<ExitTerms>,
    /// Project or permanent operation (forankring, 001).
    pub stage: Stage,
    /// Cooperation or real co-creation (001 "Samskabelse under udvikling").
    pub cooperation_level: CooperationLevel,
    /// The place the partnership is bound to and for how long (004), if it is place-bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub place: Option<crate::places::model::binding::PlaceBinding>,
    /// Who does what: the role and responsibility split (001 "Formalisering og
    /// kommunikation"), versioned with the rest of the terms.
    #[serde(default, skip_serializing_if = "crate::roles::RoleSplit::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub roles: crate::roles::model::split::RoleSplit,
}

/// A party to the agreement and who signs for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgreementParty {
    /// The party.
    pub party: PartyRef,
    /// The post that signs for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatory: Option<PostId>,
}

/// A written goal, shared or one party's own.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Goal {
    /// Id within the agreement.
    pub id: GoalId,
    /// The goal as written by the parties.
    pub text: String,
    /// Whose goal it is.
    pub owner: GoalOwner,
    /// How progress is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Indicator>,
    /// The place the goal is about, for a place-bound partnership (004).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub place: Option<PlaceId>,
}

/// Whose goal a [`Goal`] is.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GoalOwner {
    /// Shared by all parties.
    Shared,
    /// One party's own objective.
    Party {
        /// The party.
        party: PartyRef,
    },
}

/// A measurable indicator for a goal.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Indicator {
    /// What is measured, e.g. "share of newcomers offered a volunteer contact within 3 months".
    pub description: String,
    /// The unit, e.g. "%", "households", "meetings per quarter".
    pub unit: String,
    /// The value at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The value aimed for.
    pub target: f64,
}

/// An activity carried out under an agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Activity {
    /// Id within the agreement.
    pub id: ActivityId,
    /// Its name, e.g. "Lektiecafé på biblioteket".
    pub name: String,
    /// What kind of activity it is.
    pub kind: ActivityKind,
    /// The organisational track (building the partnership) or the user track (activities for
    /// refugees), 001 "De to spor".
    pub track: Track,
    /// Who it is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    /// Where it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The party leading it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<PartyRef>,
    /// How many volunteers take part, across every party (002: "omkring 100 frivillige" as
    /// contact families and persons across the municipality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub volunteers: Option<u32>,
}

/// Kinds of activity the sources report (000, 001, 002).
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
pub enum ActivityKind {
    /// Homework café (lektiecafé).
    HomeworkCafe,
    /// Visiting friends (besøgsvenner).
    VisitingFriend,
    /// Contact families or persons (kontaktfamilier).
    ContactFamily,
    /// Language mentors (sprogmentorer).
    LanguageMentor,
    /// Job mentors (jobmentorer).
    JobMentor,
    /// Job networks and help with applications.
    JobNetwork,
    /// Internships (praktik), e.g. at nursing homes (002).
    Internship,
    /// Sports and leisure for children.
    ChildrenLeisure,
    /// Women's groups.
    WomensGroup,
    /// Excursions (udflugter).
    Excursion,
    /// Festivals and one-off events.
    Event,
    /// Practical help finding one's way.
    PracticalHelp,
    /// Network meetings, dialogue meetings and other partnership-building (organisational track).
    NetworkMeeting,
    /// Anything else.
    Other,
}

labels!(ActivityKind, "activity_kind" {
    HomeworkCafe => ("lektiecafé", "homework café"),
    VisitingFriend => ("besøgsven", "visiting friend"),
    ContactFamily => ("kontaktfamilie", "contact family"),
    LanguageMentor => ("sprogmentor", "language mentor"),
    JobMentor => ("jobmentor", "job mentor"),
    JobNetwork => ("jobnetværk", "job network"),
    Internship => ("praktik", "internship"),
    ChildrenLeisure => ("fritidsaktivitet for børn", "children's leisure"),
    WomensGroup => ("kvindegruppe", "women's group"),
    Excursion => ("udflugt", "excursion"),
    Event => ("arrangement", "event"),
    PracticalHelp => ("praktisk hjælp", "practical help"),
    NetworkMeeting => ("netværks- og dialogmøde", "network and dialogue meeting"),
    Other => ("anden aktivitet", "other activity"),
});

/// The two tracks of a partnership (001 "De to spor").
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
pub enum Track {
    /// Building the partnership itself.
    Organisational,
    /// Activities for refugees.
    User,
}

labels!(Track, "track" {
    Organisational => ("organisatorisk spor", "organisational track"),
    User => ("brugerspor", "user track"),
});

/// Who an activity is for.
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
pub enum TargetGroup {
    /// Newly arrived refugees in general.
    Newcomers,
    /// Families.
    Families,
    /// Children and young people.
    Children,
    /// Women.
    Women,
    /// Adults looking for work.
    JobSeekers,
    /// Volunteers and staff (organisational track).
    VolunteersAndStaff,
}

labels!(TargetGroup, "target_group" {
    Newcomers => ("nyankomne", "newcomers"),
    Families => ("familier", "families"),
    Children => ("børn og unge", "children and young people"),
    Women => ("kvinder", "women"),
    JobSeekers => ("jobsøgende", "job seekers"),
    VolunteersAndStaff => ("frivillige og medarbejdere", "volunteers and staff"),
});

/// Who steers and who holds the threads.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Governance {
    /// The posts on the steering group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steering_group: Vec<PostId>,
    /// The coordinator posts, one per side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinators: Vec<PostId>,
    /// A volunteer-side representative who spars with the municipal project lead (001
    /// "Invitation til åben dialog").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_representative: Option<PostId>,
}

/// A fixed meeting forum.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeetingForum {
    /// Id within the agreement.
    pub id: ForumId,
    /// Name, e.g. "Styregruppemøde".
    pub name: String,
    /// How often it meets.
    pub cadence: Cadence,
    /// The usual time of day, chosen to suit both parties (001 "Handling i fokus").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usual_time: Option<TimeOfDay>,
    /// How many days before a meeting the invitation goes out.
    pub notice_days: u32,
    /// The post that convenes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convened_by: Option<PostId>,
    /// The parties taking part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<PartyRef>,
}

/// How often a forum meets.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every other week.
    Biweekly,
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Twice a year.
    HalfYearly,
    /// Once a year.
    Yearly,
    /// Every `days` days.
    EveryDays {
        /// The interval in days; at least 1.
        days: u32,
    },
}

impl Cadence {
    /// The nominal interval between meetings in days.
    pub fn interval_days(&self) -> u32 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 30,
            Cadence::Quarterly => 91,
            Cadence::HalfYearly => 182,
            Cadence::Yearly => 365,
            Cadence::EveryDays { days } => *days,
        }
    }

    /// Meetings per year, for comparing cadences.
    pub fn per_year(&self) -> f64 {
        365.0 / f64::from(self.interval_days().max(1))
    }

    /// How often, as an adverb for tables and lists: "kvartalsvis" / "quarterly", "hver 10.
    /// dag" / "every 10 days". With [`Cadence::every`], the one place cadences are phrased.
    pub fn describe(&self, lang: Lang) -> String {
        let (da, en) = match self {
            Cadence::Weekly => ("ugentligt", "weekly"),
            Cadence::Biweekly => ("hver anden uge", "every other week"),
            Cadence::Monthly => ("månedligt", "monthly"),
            Cadence::Quarterly => ("kvartalsvis", "quarterly"),
            Cadence::HalfYearly => ("halvårligt", "twice a year"),
            Cadence::Yearly => ("årligt", "yearly"),
            Cadence::EveryDays { days: 1 } => ("dagligt", "daily"),
            Cadence::EveryDays { days } => return every_days(*days, lang),
        };
        t(lang, da, en).to_owned()
    }

    /// How often, as a phrase with "every" for running text and calendars: "hvert kvartal" /
    /// "every quarter", "hver anden dag" / "every other day".
    pub fn every(&self, lang: Lang) -> String {
        let (da, en) = match self {
            Cadence::Weekly => ("hver uge", "every week"),
            Cadence::Biweekly => ("hver anden uge", "every other week"),
            Cadence::Monthly => ("hver måned", "every month"),
            Cadence::Quarterly => ("hvert kvartal", "every quarter"),
            Cadence::HalfYearly => ("hvert halve år", "every six months"),
            Cadence::Yearly => ("hvert år", "every year"),
            Cadence::EveryDays { days } => return every_days(*days, lang),
        };
        t(lang, da, en).to_owned()
    }
}

/// "hver dag", "hver anden dag", "hver 10. dag" (Danish counts the interval with an ordinal and
/// a singular noun) / "every day", "every other day", "every 10 days".
fn every_days(days: u32, lang: Lang) -> String {
    match (days, lang) {
        (0 | 1, _) => t(lang, "hver dag", "every day").to_owned(),
        (2, _) => t(lang, "hver anden dag", "every other day").to_owned(),
        (n, Lang::Da) => format!("hver {n}. dag"),
        (n, Lang::En) => format!("every {n} days"),
    }
}

/// The usual time of day for meetings.
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
pub enum TimeOfDay {
    /// Morning, before 12.
    Morning,
    /// Working hours (the municipality "can only do casework from 8 to 14", 002).
    Daytime,
    /// Late afternoon, 15–18.
    Afternoon,
    /// Evening, after 18: when most volunteers are free.
    Evening,
}

labels!(TimeOfDay, "time_of_day" {
    Morning => ("formiddag", "morning"),
    Daytime => ("dagtimer", "daytime"),
    Afternoon => ("eftermiddag", "afternoon"),
    Evening => ("aften", "evening"),
});

/// Coordination time a party sets aside.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResourceCommitment {
    /// The party.
    pub party: PartyRef,
    /// Hours per month for coordination (tovholderfunktion).
    pub coordination_hours_per_month: f64,
    /// Whether management has explicitly prioritised the partnership.
    #[serde(default)]
    pub management_priority: bool,
}

/// A term defined in the agreement so both sides read it the same way.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Definition {
    /// The term, e.g. "frivillighed".
    pub term: String,
    /// What the parties mean by it.
    pub meaning: String,
}

/// When the agreement runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Term {
    /// First day.
    pub start: NaiveDate,
    /// Last day, if the term is limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Dates on which the parties review the agreement together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review_dates: Vec<NaiveDate>,
}

/// How a party leaves the agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExitTerms {
    /// Days of notice.
    pub notice_days: u32,
    /// What happens, e.g. handing over activities and informing newcomers.
    pub procedure: String,
}

/// Project or permanent operation.
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
pub enum Stage {
    /// A time-limited project.
    Project,
    /// Anchored in permanent operation (drift).
    Operation,
}

labels!(Stage, "stage" {
    Project => ("projekt", "project"),
    Operation => ("drift", "operation"),
});

/// How deep the cooperation goes (001 "Samskabelse under udvikling").
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
pub enum CooperationLevel {
    /// Cooperation: the parties work together on activities one of them defined.
    Cooperation,
    /// Co-creation (samskabelse): problems and solutions are defined jointly.
    CoCreation,
}

labels!(CooperationLevel, "cooperation_level" {
    Cooperation => ("samarbejde", "cooperation"),
    CoCreation => ("samskabelse", "co-creation"),
});

/// A recorded status change.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatusEvent {
    /// The status before.
    pub from: AgreementStatus,
    /// The status after.
    pub to: AgreementStatus,
    /// When it happened.
    pub at: Timestamp,
    /// Who made the change.
    pub by: PersonId,
    /// The version in force at the time.
    pub version: u32,
    /// A note, e.g. "signed at the steering group meeting".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when blocking findings were overridden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_record: Option<OverrideRecord>,
}

/// A recorded decision to go ahead despite blocking findings.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OverrideRecord {
    /// Why the parties went ahead.
    pub reason: String,
    /// The codes of the findings overridden.
    pub overridden: Vec<String>,
}

/// A meeting held in one of the agreement's forums.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeetingRecord {
    /// The forum.
    pub forum: ForumId,
    /// The day it was held.
    pub held_on: NaiveDate,
    /// The day the invitation went out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_on: Option<NaiveDate>,
    /// Whether an agenda with content went out with the invitation (001 "Handling i fokus").
    #[serde(default)]
    pub agenda_sent: bool,
    /// The agenda's items, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agenda: Vec<String>,
    /// What the meeting decided, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub decisions: Vec<String>,
    /// What is to be done, by whom and by when (001 "Handling i fokus": action, not meetings
    /// for their own sake).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub action_items: Vec<ActionItem>,
}

/// Something a meeting agreed someone does by a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ActionItem {
    /// What is to be done.
    pub what: String,
    /// Who does it: a post (a role, so the item survives a change of holder) or a party.
    pub owner: ActionOwner,
    /// By when.
    pub due: NaiveDate,
    /// Where it stands (open until recorded otherwise).
    #[serde(default)]
    pub status: ActionStatus,
    /// The day it was done or dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub closed_on: Option<NaiveDate>,
}

impl ActionItem {
    /// Whether it is still to be done on `date`: open, or closed only after that day (or on an
    /// unknown day, which counts as closed).
    pub fn open_on(&self, date: NaiveDate) -> bool {
        match self.status {
            ActionStatus::Open => true,
            ActionStatus::Done | ActionStatus::Dropped => self.closed_on.is_some_and(|c| c > date),
        }
    }

    /// Whether it is past its due day and still to be done on `date`.
    pub fn overdue_on(&self, date: NaiveDate) -> bool {
        self.due < date && self.open_on(date)
    }
}

/// Who owns an [`ActionItem`].
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ActionOwner {
    /// A post, e.g. the municipal coordinator: whoever holds it on the day.
    Post {
        /// Which post.
        post: PostId,
    },
    /// A party as a whole.
    Party {
        /// Which party.
        party: PartyRef,
    },
}

/// Where an [`ActionItem`] stands.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
pub enum ActionStatus {
    /// Still to be done.
    #[default]
    Open,
    /// Done.
    Done,
    /// Dropped: the parties decided not to do it.
    Dropped,
}

impl ActionStatus {
    /// `open`, `done` or `dropped`, as files write it.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

labels!(ActionStatus, "action_status" {
    Open => ("åben", "open"),
    Done => ("udført", "done"),
    Dropped => ("opgivet", "dropped"),
});

impl MeetingRecord {
    /// Days of notice given, when the invitation date is known.
    pub fn notice_given(&self) -> Option<i64> {
        self.invited_on.map(|inv| (self.held_on - inv).num_days())
    }
}

/// A briefing of a political committee.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CommitteeBriefing {
    /// The committee, e.g. "Beskæftigelsesudvalget".
    pub committee: String,
    /// When.
    pub on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_edges() {
        use AgreementStatus::*;
        assert!(Draft.can_move_to(Negotiating));
        assert!(Negotiating.can_move_to(Signed));
        assert!(!Draft.can_move_to(Signed));
        assert!(!Ended.can_move_to(Active));
        assert!(Active.can_move_to(UnderReview) && UnderReview.can_move_to(Active));
        for s in AgreementStatus::ALL {
            assert!(!s.can_move_to(s), "{s:?} must not loop");
        }
    }

    #[test]
    fn cadence_interval() {
        assert_eq!(Cadence::Monthly.interval_days(), 30);
        assert_eq!(Cadence::EveryDays { days: 10 }.interval_days(), 10);
        assert!((Cadence::Weekly.per_year() - 52.14).abs() < 0.01);
    }
}
