//! The introduction plan (001 "Hvornår skal frivilligtilbud introduceres?"): when volunteer
//! offers must first be introduced to a newcomer household and when the information must be
//! repeated; what is due and overdue on a date; and the cohort view an evaluator asks for.
//!
//! The seed: newcomers were introduced to volunteer offers within the first 3 months, typically
//! within the first month and first at the conversation about the integration contract; one
//! introduction is not enough, so the information is repeated through the introduction period.
//! The plan's parameters are data ([`IntroductionPlan`]) with those values as defaults.

use crate::code::codes;
use crate::finding::{FieldPath, Finding, FindingKind, SeedDocument, SourceRef};
use crate::i18n::Lang;
use crate::i18n::plural::INTRODUCTION;
use crate::i18n::{Text, labels};
use crate::ids::{CohortId, NewcomerId, OfferId, PostId};
use crate::matching::model::profile::Newcomer;
use chrono::{Days, Months, NaiveDate};

/// The plan's parameters. Defaults follow seed 001 where it gives a number; the rest are
/// marked as this library's defaults.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IntroductionPlan {
    /// Days after arrival by which the first introduction is due (001: "typisk allerede inden
    /// for den første måned": 30).
    pub first_within_days: u32,
    /// Months after arrival by which every household must have been introduced (001: "i løbet
    /// af de første 3 måneder": 3).
    pub deadline_months: u32,
    /// Whether the first introduction is planned at the integration-contract conversation when
    /// its date is known (001: "første gang i forbindelse med den indledende samtale": true).
    pub first_at_integration_contract_meeting: bool,
    /// Days between repeated introductions (001 says "løbende"; 30 is this library's default).
    pub repeat_every_days: u32,
    /// Months the introduction period lasts, during which introductions are repeated (this
    /// library's default: 12).
    pub period_months: u32,
    /// Introductions a household should have had (001: the first is "ikke tilstrækkelig": 2).
    pub min_introductions: u32,
    /// Days before its due date an introduction counts as due (this library's default: 7).
    pub due_soon_days: u32,
}

impl Default for IntroductionPlan {
    fn default() -> Self {
        Self {
            first_within_days: 30,
            deadline_months: 3,
            first_at_integration_contract_meeting: true,
            repeat_every_days: 30,
            period_months: 12,
            min_introductions: 2,
            due_soon_days: 7,
        }
    }
}

/// Where an introduction happened.
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
pub enum IntroductionSetting {
    /// The conversation about the integration contract.
    IntegrationContractMeeting,
    /// A later conversation with the caseworker.
    FollowUpConversation,
    /// An information meeting for several newcomers.
    InformationMeeting,
    /// A visit by a volunteer or the volunteer coordinator.
    VolunteerVisit,
    /// Anything else.
    Other,
}

labels!(IntroductionSetting, "introduction_setting" {
    IntegrationContractMeeting => ("samtale om integrationskontrakten", "integration-contract conversation"),
    FollowUpConversation => ("opfølgende samtale", "follow-up conversation"),
    InformationMeeting => ("informationsmøde", "information meeting"),
    VolunteerVisit => ("besøg af frivillig", "volunteer visit"),
    Other => ("andet", "other"),
});

/// That a household was told about volunteer offers on a day.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IntroductionRecord {
    /// The household.
    pub newcomer: NewcomerId,
    /// The day.
    pub on: NaiveDate,
    /// Where.
    pub setting: IntroductionSetting,
    /// The offers presented, if recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<OfferId>,
    /// The post of whoever introduced them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PostId>,
}

/// Where a household stands in its introduction plan on a day.
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
pub enum IntroductionState {
    /// The next introduction is not due yet.
    Upcoming,
    /// The next introduction is due now.
    Due,
    /// The next introduction's deadline has passed.
    Overdue,
    /// The introduction period is over and nothing more is due.
    Completed,
}

labels!(IntroductionState, "introduction_state" {
    Upcoming => ("kommende", "upcoming"),
    Due => ("skal gives nu", "due"),
    Overdue => ("overskredet", "overdue"),
    Completed => ("afsluttet", "completed"),
});

/// One household's introduction status on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IntroductionStatus {
    /// The household.
    pub newcomer: NewcomerId,
    /// Its state.
    pub state: IntroductionState,
    /// Introductions recorded up to and including the day.
    pub introductions: u32,
    /// The last one, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_on: Option<NaiveDate>,
    /// The number of the next introduction (1 for the first).
    pub next_number: u32,
    /// When the next one is planned (the integration-contract conversation for the first,
    /// when the plan says so); none when completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// The latest day for it; none when completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// Days past the deadline (0 unless overdue).
    pub days_overdue: u32,
    /// A sentence for a to-do list.
    pub text: Text,
}

/// One household's count of introductions.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IntroductionCount {
    /// The household.
    pub newcomer: NewcomerId,
    /// Introductions up to the day.
    pub introductions: u32,
    /// Whether its introduction period has ended.
    pub period_ended: bool,
}

/// The evaluator's view of a cohort on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CohortView {
    /// The cohort.
    pub cohort: CohortId,
    /// The day.
    pub on: NaiveDate,
    /// Households in the cohort.
    pub households: u32,
    /// Households first introduced within `first_within_days` of arrival.
    pub introduced_within_first_days: u32,
    /// Households first introduced at the integration-contract conversation.
    pub introduced_at_integration_contract_meeting: u32,
    /// Households first introduced within the deadline (3 months).
    pub introduced_within_deadline: u32,
    /// Households whose deadline has passed without an introduction before it.
    pub not_offered_within_deadline: Vec<NewcomerId>,
    /// Households with fewer than `min_introductions` introductions.
    pub fewer_than_minimum: Vec<IntroductionCount>,
    /// The same as findings, citing the source.
    pub findings: Vec<Finding>,
}

codes! {
    /// The codes of introducing households to volunteer offers: the plan's findings and the
    /// errors of recording an introduction.
    pub enum IntroductionCode in "introduction" {
        /// An introduction is due.
        Due = "introduction.due", finding(Info),
            "Husstanden skal introduceres til frivilligtilbud nu.",
            "The household is due to be introduced to volunteer offers.";
        /// An introduction's deadline has passed.
        Overdue = "introduction.overdue", finding(Warning),
            "Fristen for at introducere husstanden til frivilligtilbud er overskredet.",
            "The deadline for introducing the household to volunteer offers has passed.";
        /// A household was not offered a volunteer contact within the deadline.
        NotWithinDeadline = "introduction.not_within_deadline", finding(Warning),
            "Husstanden fik ikke tilbudt kontakt til en frivillig inden for fristen.",
            "The household was not offered a volunteer contact within the deadline.";
        /// A household has had fewer introductions than the plan asks.
        TooFew = "introduction.too_few", finding(Info),
            "Husstanden er introduceret færre gange, end planen lægger op til.",
            "The household has had fewer introductions than the plan asks.";
        /// An introduction dated before the household arrived.
        BeforeArrival = "introduction.before_arrival", error(InvalidInput),
            "En introduktion kan ikke dateres før husstandens ankomst.",
            "An introduction cannot be dated before the household's arrival.";
        /// The same introduction is recorded already.
        Duplicate = "introduction.duplicate", error(InvalidInput),
            "Den samme introduktion (husstand, dag, anledning) er allerede registreret.",
            "The same introduction (household, day, setting) is already recorded.";
    }
}

impl FindingKind for IntroductionCode {
    fn source(self) -> Option<SourceRef> {
        Some(SourceRef::new(
            SeedDocument::Lbb2017,
            "Hvornår skal frivilligtilbud introduceres?",
        ))
    }
}

impl IntroductionCode {
    /// The codes the plan reports as findings, in declaration order.
    pub fn findings() -> impl Iterator<Item = IntroductionCode> {
        IntroductionCode::ALL
            .iter()
            .copied()
            .filter(|c| c.usage().severity().is_some())
    }
}

fn add_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from((b - a).num_days().max(0)).unwrap_or(u32::MAX)
}

impl IntroductionPlan {
    /// The latest day for the first introduction.
    pub fn first_deadline(&self, n: &Newcomer) -> NaiveDate {
        add_days(n.arrival, self.first_within_days)
    }

    /// The day by which every household must have been introduced (arrival + 3 months).
    pub fn deadline(&self, n: &Newcomer) -> NaiveDate {
        add_months(n.arrival, self.deadline_months)
    }

    /// The last day of the introduction period.
    pub fn period_end(&self, n: &Newcomer) -> NaiveDate {
        add_months(n.arrival, self.period_months)
    }

    /// The household's status on `on`, given its introductions (any order; later ones ignored).
    pub fn status(
        &self,
        n: &Newcomer,
        records: &[&IntroductionRecord],
        on: NaiveDate,
    ) -> IntroductionStatus {
        let mut dates: Vec<NaiveDate> = records
            .iter()
            .filter(|r| r.newcomer == n.id && r.on <= on)
            .map(|r| r.on)
            .collect();
        dates.sort_unstable();
        let count = dates.len() as u32;
        let last = dates.last().copied();
        let (due_on, deadline) = match last {
            None => {
                let deadline = self.first_deadline(n);
                let planned = match n.integration_contract_meeting {
                    Some(m) if self.first_at_integration_contract_meeting && m <= deadline => {
                        m.max(n.arrival)
                    }
                    _ => deadline,
                };
                (Some(planned), Some(deadline))
            }
            Some(last) => {
                let next = add_days(last, self.repeat_every_days.max(1));
                if next > self.period_end(n) {
                    (None, None)
                } else {
                    (Some(next), Some(next))
                }
            }
        };
        let id = n.id.as_str();
        let (state, days_overdue, text) = match (due_on, deadline) {
            (Some(due), Some(deadline)) => {
                if on > deadline {
                    let late = days_between(deadline, on);
                    let (dage, days) = if late == 1 {
                        ("dag", "day")
                    } else {
                        ("dage", "days")
                    };
                    (
                        IntroductionState::Overdue,
                        late,
                        Text::new(
                            format!(
                                "{id}: introduktion nr. {} til frivilligtilbud skulle være givet senest {deadline} ({late} {dage} over).",
                                count + 1
                            ),
                            format!(
                                "{id}: introduction no. {} to volunteer offers was due by {deadline} ({late} {days} overdue).",
                                count + 1
                            ),
                        ),
                    )
                } else if on
                    .checked_add_days(Days::new(u64::from(self.due_soon_days)))
                    .unwrap_or(NaiveDate::MAX)
                    >= due
                    || on >= due
                {
                    (
                        IntroductionState::Due,
                        0,
                        Text::new(
                            format!(
                                "{id}: introduktion nr. {} til frivilligtilbud skal gives {due} (senest {deadline}).",
                                count + 1
                            ),
                            format!(
                                "{id}: introduction no. {} to volunteer offers is due on {due} (by {deadline} at the latest).",
                                count + 1
                            ),
                        ),
                    )
                } else {
                    (
                        IntroductionState::Upcoming,
                        0,
                        Text::new(
                            format!(
                                "{id}: introduktion nr. {} er planlagt til {due}.",
                                count + 1
                            ),
                            format!("{id}: introduction no. {} is planned for {due}.", count + 1),
                        ),
                    )
                }
            }
            _ => (
                IntroductionState::Completed,
                0,
                Text::new(
                    format!(
                        "{id}: introduktionsperioden er slut efter {}.",
                        INTRODUCTION.count(Lang::Da, u64::from(count))
                    ),
                    format!(
                        "{id}: the introduction period is over after {}.",
                        INTRODUCTION.count(Lang::En, u64::from(count))
                    ),
                ),
            ),
        };
        IntroductionStatus {
            newcomer: n.id.clone(),
            state,
            introductions: count,
            last_on: last,
            next_number: count + 1,
            due_on,
            deadline,
            days_overdue,
            text,
        }
    }

    /// The cohort view on `on`. `base` is the path of the cohort, for the findings.
    pub fn cohort_view(
        &self,
        cohort: &CohortId,
        base: &FieldPath,
        newcomers: &[Newcomer],
        records: &[IntroductionRecord],
        on: NaiveDate,
    ) -> CohortView {
        let mut v = CohortView {
            cohort: cohort.clone(),
            on,
            households: newcomers.len() as u32,
            introduced_within_first_days: 0,
            introduced_at_integration_contract_meeting: 0,
            introduced_within_deadline: 0,
            not_offered_within_deadline: Vec::new(),
            fewer_than_minimum: Vec::new(),
            findings: Vec::new(),
        };
        for (i, n) in newcomers.iter().enumerate() {
            let path = base.field("newcomers").index(i);
            let mut mine: Vec<&IntroductionRecord> = records
                .iter()
                .filter(|r| r.newcomer == n.id && r.on <= on)
                .collect();
            mine.sort_by_key(|r| r.on);
            let first = mine.first();
            if let Some(f) = first {
                if f.on <= self.first_deadline(n) {
                    v.introduced_within_first_days += 1;
                }
                if f.setting == IntroductionSetting::IntegrationContractMeeting {
                    v.introduced_at_integration_contract_meeting += 1;
                }
                if f.on <= self.deadline(n) {
                    v.introduced_within_deadline += 1;
                }
            }
            let deadline = self.deadline(n);
            let missed = match first {
                Some(f) => f.on > deadline,
                None => on > deadline,
            };
            let id = n.id.as_str();
            if missed {
                v.not_offered_within_deadline.push(n.id.clone());
                v.findings.push(Finding::of(
                    IntroductionCode::NotWithinDeadline,
                    path.clone(),
                    Text::new(
                        format!("{id} fik ikke tilbud om frivillig kontakt inden for {} måneder efter ankomst ({deadline}).", self.deadline_months),
                        format!("{id} was not offered a volunteer contact within {} months of arrival ({deadline}).", self.deadline_months),
                    ),
                ));
            }
            let count = mine.len() as u32;
            if count < self.min_introductions {
                let ended = on > self.period_end(n);
                v.fewer_than_minimum.push(IntroductionCount {
                    newcomer: n.id.clone(),
                    introductions: count,
                    period_ended: ended,
                });
                v.findings.push(Finding::of(
                    IntroductionCode::TooFew,
                    path,
                    Text::new(
                        format!(
                            "{id} har fået {}; planen siger mindst {}.",
                            INTRODUCTION.count(Lang::Da, u64::from(count)),
                            self.min_introductions
                        ),
                        format!(
                            "{id} has had {}; the plan asks for at least {}.",
                            INTRODUCTION.count(Lang::En, u64::from(count)),
                            self.min_introductions
                        ),
                    ),
                ));
            }
        }
        crate::finding::sort_findings(&mut v.findings);
        v
    }
}

/// The status finding for a household, if anything is due or overdue.
pub(crate) fn status_finding(s: &IntroductionStatus, path: FieldPath) -> Option<Finding> {
    let kind = match s.state {
        IntroductionState::Due => IntroductionCode::Due,
        IntroductionState::Overdue => IntroductionCode::Overdue,
        _ => return None,
    };
    Some(Finding::of(kind, path, s.text.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rec(n: &str, on: &str) -> IntroductionRecord {
        IntroductionRecord {
            newcomer: n.into(),
            on: d(on),
            setting: IntroductionSetting::FollowUpConversation,
            offers: vec![],
            by: None,
        }
    }

    #[test]
    fn first_introduction_is_planned_at_the_contract_meeting_and_overdue_after_30_days() {
        let plan = IntroductionPlan::default();
        let mut n = Newcomer::new("nc-1", d("2016-01-04"));
        n.integration_contract_meeting = Some(d("2016-01-20"));
        let s = plan.status(&n, &[], d("2016-01-05"));
        assert_eq!(
            (s.state, s.due_on, s.deadline),
            (
                IntroductionState::Upcoming,
                Some(d("2016-01-20")),
                Some(d("2016-02-03"))
            )
        );
        assert_eq!(
            plan.status(&n, &[], d("2016-01-14")).state,
            IntroductionState::Due
        );
        assert_eq!(
            plan.status(&n, &[], d("2016-02-03")).state,
            IntroductionState::Due
        );
        let late = plan.status(&n, &[], d("2016-02-10"));
        assert_eq!(
            (late.state, late.days_overdue),
            (IntroductionState::Overdue, 7)
        );
        // After one introduction the next is due 30 days later; after the period nothing is.
        let r = rec("nc-1", "2016-01-20");
        let s = plan.status(&n, &[&r], d("2016-02-01"));
        assert_eq!(
            (s.state, s.introductions, s.due_on),
            (IntroductionState::Upcoming, 1, Some(d("2016-02-19")))
        );
        let r2 = rec("nc-1", "2016-12-20");
        assert_eq!(
            plan.status(&n, &[&r, &r2], d("2017-01-25")).state,
            IntroductionState::Completed
        );
    }

    #[test]
    fn cohort_view_lists_missed_deadlines_and_too_few() {
        let plan = IntroductionPlan::default();
        let a = Newcomer::new("nc-a", d("2016-01-04"));
        let b = Newcomer::new("nc-b", d("2016-01-04"));
        let c = Newcomer::new("nc-c", d("2016-03-01"));
        let recs = vec![
            rec("nc-a", "2016-01-20"),
            rec("nc-a", "2016-02-20"),
            rec("nc-b", "2016-05-01"),
        ];
        let v = plan.cohort_view(
            &"c".into(),
            &FieldPath::root(),
            &[a, b, c],
            &recs,
            d("2016-05-15"),
        );
        assert_eq!(v.not_offered_within_deadline, vec![NewcomerId::new("nc-b")]);
        assert_eq!(v.introduced_within_first_days, 1);
        assert_eq!(v.introduced_within_deadline, 1);
        let few: Vec<&str> = v
            .fewer_than_minimum
            .iter()
            .map(|x| x.newcomer.as_str())
            .collect();
        assert_eq!(few, vec!["nc-b", "nc-c"]);
        assert!(v.findings.iter().all(|f| {
            f.source
                .as_ref()
                .is_some_and(|s| s.document == SeedDocument::Lbb2017)
        }));
    }
}
