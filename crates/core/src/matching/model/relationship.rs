//! Relationships: a match between a household and a volunteer offer followed over time, from
//! the proposal to its end, as dated events.
//!
//! Venner Viser Vej (002) ran contact families and language mentors for months and years: a
//! match is proposed, both sides answer, the first meeting starts it, follow-up check-ins keep
//! it going, and it ends (the household moved away, it did not click, the volunteer stopped, or
//! it reached its goal), after which the household may wait for a new match.
//!
//! ```text
//! proposed ──accepted (both sides)──► accepted ──started──► started ──check-in──► active
//!    │                                   │                     │                    │
//!    ├── declined ◄──────────────────────┤                     └──── ended (reason) ◄┘
//!    └── withdrawn ◄─────────────────────┘
//! ```
//!
//! Proposed, accepted, started and active relationships hold a place of the offer (and the
//! household's seats of it); declined, withdrawn and ended ones do not. The state is a function
//! of the events, so a relationship's history is its record; an event that does not follow
//! from the state is refused by the operations and reported by validation.

use crate::i18n::{Text, labels};
use crate::ids::RuleSetId;
use crate::ids::{CohortId, MatchRunId, NewcomerId, OfferId, PostId, ProposalId, RelationshipId};
use chrono::NaiveDate;

/// Where a relationship stands.
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
pub enum RelationshipState {
    /// Proposed to both sides; waiting for their answers (one side may have accepted).
    Proposed,
    /// Both sides accepted; the first meeting has not taken place yet.
    Accepted,
    /// One side declined (closed). The pair is not proposed again unless asked.
    Declined,
    /// Withdrawn by the coordinator before it started (closed).
    Withdrawn,
    /// The first meeting took place; the first follow-up has not confirmed it yet.
    Started,
    /// Confirmed going at a follow-up check-in.
    Active,
    /// Ended, with a reason (closed).
    Ended,
}

labels!(RelationshipState, "relationship_state" {
    Proposed => ("foreslået", "proposed"),
    Accepted => ("accepteret", "accepted"),
    Declined => ("afslået", "declined"),
    Withdrawn => ("trukket tilbage", "withdrawn"),
    Started => ("startet", "started"),
    Active => ("aktiv", "active"),
    Ended => ("afsluttet", "ended"),
});

impl RelationshipState {
    /// Whether nothing more can happen.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            RelationshipState::Declined | RelationshipState::Withdrawn | RelationshipState::Ended
        )
    }

    /// Whether the relationship holds a place of the offer: proposed, accepted, started or
    /// active.
    pub fn holds_place(self) -> bool {
        !self.is_closed()
    }

    /// Whether the two have met: started or active.
    pub fn is_running(self) -> bool {
        matches!(self, RelationshipState::Started | RelationshipState::Active)
    }

    /// The state as written in files, e.g. `active`.
    pub fn code(self) -> &'static str {
        match self {
            RelationshipState::Proposed => "proposed",
            RelationshipState::Accepted => "accepted",
            RelationshipState::Declined => "declined",
            RelationshipState::Withdrawn => "withdrawn",
            RelationshipState::Started => "started",
            RelationshipState::Active => "active",
            RelationshipState::Ended => "ended",
        }
    }
}

/// A side of a relationship.
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
pub enum RelationshipSide {
    /// The household (answering through its caseworker or coordinator).
    Household,
    /// The volunteer behind the offer.
    Volunteer,
}

labels!(RelationshipSide, "relationship_side" {
    Household => ("husstanden", "the household"),
    Volunteer => ("den frivillige", "the volunteer"),
});

/// Why a relationship ended.
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
pub enum EndReason {
    /// The household moved away from the area.
    MovedAway,
    /// The two did not click.
    DidNotClick,
    /// The volunteer stopped.
    VolunteerStopped,
    /// The household no longer wanted it.
    HouseholdStopped,
    /// The relationship reached its goal (the household manages on its own, the course ended).
    GoalReached,
    /// A consent the relationship needed was withdrawn.
    ConsentWithdrawn,
    /// Another reason.
    Other,
}

labels!(EndReason, "end_reason" {
    MovedAway => ("flyttet", "moved away"),
    DidNotClick => ("kemien passede ikke", "did not click"),
    VolunteerStopped => ("den frivillige stoppede", "the volunteer stopped"),
    HouseholdStopped => ("husstanden ønskede at stoppe", "the household wanted to stop"),
    GoalReached => ("målet er nået", "goal reached"),
    ConsentWithdrawn => ("samtykket blev trukket tilbage", "consent withdrawn"),
    Other => ("anden årsag", "another reason"),
});

impl EndReason {
    /// Whether the household usually waits for a new match after such an end: it lost its
    /// volunteer without having reached the goal and is still in the area.
    pub fn wants_rematch_by_default(self) -> bool {
        matches!(
            self,
            EndReason::DidNotClick | EndReason::VolunteerStopped | EndReason::Other
        )
    }

    /// The reason as written in files, e.g. `did_not_click`.
    pub fn code(self) -> &'static str {
        match self {
            EndReason::MovedAway => "moved_away",
            EndReason::DidNotClick => "did_not_click",
            EndReason::VolunteerStopped => "volunteer_stopped",
            EndReason::HouseholdStopped => "household_stopped",
            EndReason::GoalReached => "goal_reached",
            EndReason::ConsentWithdrawn => "consent_withdrawn",
            EndReason::Other => "other",
        }
    }
}

/// What a follow-up check-in found.
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
pub enum CheckInOutcome {
    /// It is going well.
    Going,
    /// It goes, but needs the coordinator's support.
    NeedsSupport,
    /// The two have not met since the last check-in.
    NotMeeting,
}

labels!(CheckInOutcome, "check_in_outcome" {
    Going => ("går godt", "going well"),
    NeedsSupport => ("har brug for støtte", "needs support"),
    NotMeeting => ("mødes ikke", "not meeting"),
});

/// What happened to a relationship on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RelationshipEventKind {
    /// One side accepted the proposal.
    Accepted {
        /// Which side.
        side: RelationshipSide,
    },
    /// One side declined the proposal (or backed out before the start).
    Declined {
        /// Which side.
        side: RelationshipSide,
    },
    /// The coordinator withdrew the proposal before it started.
    Withdrawn,
    /// The first meeting took place.
    Started,
    /// A follow-up check-in was held.
    CheckIn {
        /// What it found.
        outcome: CheckInOutcome,
    },
    /// The relationship ended.
    Ended {
        /// Why.
        reason: EndReason,
        /// Whether the household waits for a new match (by default as the reason suggests).
        rematch: bool,
    },
}

impl RelationshipEventKind {
    /// The event type as written in files, e.g. `check_in`.
    pub fn code(&self) -> &'static str {
        match self {
            RelationshipEventKind::Accepted { .. } => "accepted",
            RelationshipEventKind::Declined { .. } => "declined",
            RelationshipEventKind::Withdrawn => "withdrawn",
            RelationshipEventKind::Started => "started",
            RelationshipEventKind::CheckIn { .. } => "check_in",
            RelationshipEventKind::Ended { .. } => "ended",
        }
    }
}

/// One dated step in a relationship's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RelationshipEvent {
    /// The day.
    pub on: NaiveDate,
    /// What happened.
    pub kind: RelationshipEventKind,
    /// The post that recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PostId>,
}

/// A household and a volunteer offer, from the proposal to the end of their relationship.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Relationship {
    /// Id, e.g. `rel-7` (never derived from the household's id).
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub id: RelationshipId,
    /// The household.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub newcomer: NewcomerId,
    /// The offer.
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub offer: OfferId,
    /// The household's cohort, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub cohort: Option<CohortId>,
    /// The rule set the match was made under; its follow-up schedule applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub rule_set: Option<RuleSetId>,
    /// The stored run that proposed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub run: Option<MatchRunId>,
    /// The privacy proposal (disclosure of contact details) that belongs to it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub proposal: Option<ProposalId>,
    /// The ended relationship this one replaces (a rematch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-sensitivity" = "not_personal"))]
    pub replaces: Option<RelationshipId>,
    /// The day it was proposed.
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub proposed_on: NaiveDate,
    /// What happened since, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("x-sensitivity" = "ordinary"))]
    pub events: Vec<RelationshipEvent>,
}

impl crate::sensitivity::PersonalData for Relationship {}

impl std::fmt::Debug for Relationship {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relationship")
            .field("id", &self.id)
            .field("newcomer", &self.newcomer)
            .field("offer", &self.offer)
            .field("state", &self.state())
            .finish_non_exhaustive()
    }
}

/// Why an event cannot follow a relationship's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadStep {
    /// The state it was in.
    pub from: RelationshipState,
}

/// The state after the `kind` event, from `state` with the sides that accepted so far; `Err`
/// if the event cannot happen then.
pub(crate) fn step(
    state: RelationshipState,
    accepted: &mut [bool; 2],
    kind: &RelationshipEventKind,
) -> Result<RelationshipState, BadStep> {
    use RelationshipEventKind as K;
    use RelationshipState as S;
    let bad = Err(BadStep { from: state });
    Ok(match (state, kind) {
        (S::Proposed, K::Accepted { side }) => {
            let k = *side as usize;
            if accepted[k] {
                return bad;
            }
            accepted[k] = true;
            if accepted.iter().all(|a| *a) {
                S::Accepted
            } else {
                S::Proposed
            }
        }
        (S::Proposed | S::Accepted, K::Declined { .. }) => S::Declined,
        (S::Proposed | S::Accepted, K::Withdrawn) => S::Withdrawn,
        (S::Accepted, K::Started) => S::Started,
        (S::Started | S::Active, K::CheckIn { outcome }) => match outcome {
            CheckInOutcome::Going | CheckInOutcome::NeedsSupport => S::Active,
            CheckInOutcome::NotMeeting => state,
        },
        (S::Started | S::Active, K::Ended { .. }) => S::Ended,
        _ => return bad,
    })
}

impl Relationship {
    /// A relationship proposed on `on`, with no answers yet.
    pub fn proposed(
        id: impl Into<RelationshipId>,
        newcomer: impl Into<NewcomerId>,
        offer: impl Into<OfferId>,
        on: NaiveDate,
    ) -> Self {
        Self {
            id: id.into(),
            newcomer: newcomer.into(),
            offer: offer.into(),
            cohort: None,
            rule_set: None,
            run: None,
            proposal: None,
            replaces: None,
            proposed_on: on,
            events: Vec::new(),
        }
    }

    /// The state after every event (an invalid history stops at the last valid step;
    /// validation reports it).
    pub fn state(&self) -> RelationshipState {
        self.walk(None).0
    }

    /// The state at the end of `on` (events up to and including that day). Before it was
    /// proposed there is no relationship (`None`).
    pub fn state_on(&self, on: NaiveDate) -> Option<RelationshipState> {
        (on >= self.proposed_on).then(|| self.walk(Some(on)).0)
    }

    /// Whether it holds a place of the offer at the end of `on`.
    pub fn holds_place_on(&self, on: NaiveDate) -> bool {
        self.state_on(on)
            .is_some_and(RelationshipState::holds_place)
    }

    /// The position of the first event that does not follow from the state before it.
    pub fn first_bad_event(&self) -> Option<usize> {
        self.walk(None).1
    }

    fn walk(&self, until: Option<NaiveDate>) -> (RelationshipState, Option<usize>) {
        let mut state = RelationshipState::Proposed;
        let mut accepted = [false; 2];
        let mut last = self.proposed_on;
        for (k, e) in self.events.iter().enumerate() {
            if until.is_some_and(|u| e.on > u) {
                break;
            }
            if e.on < last {
                return (state, Some(k));
            }
            match step(state, &mut accepted, &e.kind) {
                Ok(next) => state = next,
                Err(_) => return (state, Some(k)),
            }
            last = e.on;
        }
        (state, None)
    }

    /// Whether `side` has accepted (by the end of the history).
    pub fn accepted_by(&self, side: RelationshipSide) -> bool {
        self.events
            .iter()
            .any(|e| e.kind == RelationshipEventKind::Accepted { side })
    }

    /// The day of the first meeting, if it took place.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.events
            .iter()
            .find(|e| e.kind == RelationshipEventKind::Started)
            .map(|e| e.on)
    }

    /// The day it ended, why, and whether the household waits for a new match.
    pub fn ended(&self) -> Option<(NaiveDate, EndReason, bool)> {
        self.events.iter().find_map(|e| match e.kind {
            RelationshipEventKind::Ended { reason, rematch } => Some((e.on, reason, rematch)),
            _ => None,
        })
    }

    /// The day it was declined, if it was.
    pub fn declined_on(&self) -> Option<NaiveDate> {
        self.events.iter().find_map(|e| match e.kind {
            RelationshipEventKind::Declined { .. } => Some(e.on),
            _ => None,
        })
    }

    /// The day of the last check-in, if any.
    pub fn last_check_in(&self) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| matches!(e.kind, RelationshipEventKind::CheckIn { .. }))
            .map(|e| e.on)
            .next_back()
    }

    /// The day of the last event, or the proposal's.
    pub fn last_event_on(&self) -> NaiveDate {
        self.events.last().map_or(self.proposed_on, |e| e.on)
    }

    /// Days the two had met on `on`: from the start to the end (or `on`), 0 before the start.
    pub fn days_running(&self, on: NaiveDate) -> u32 {
        let Some(start) = self.started_on().filter(|s| *s <= on) else {
            return 0;
        };
        let end = self.ended().map_or(on, |(d, _, _)| d.min(on));
        u32::try_from((end - start).num_days().max(0)).unwrap_or(u32::MAX)
    }
}

/// When follow-up check-ins of a running relationship are due: the first some days after the
/// start, then at a fixed interval. A rule set carries it; the reminders list what is due.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FollowUpSchedule {
    /// Days after the first meeting when the first check-in is due (14 by default).
    #[serde(default = "default_first")]
    pub first_after_days: u32,
    /// Days between check-ins after that (42, six weeks, by default).
    #[serde(default = "default_every")]
    pub every_days: u32,
}

fn default_first() -> u32 {
    14
}

fn default_every() -> u32 {
    42
}

impl Default for FollowUpSchedule {
    fn default() -> Self {
        Self {
            first_after_days: default_first(),
            every_days: default_every(),
        }
    }
}

impl FollowUpSchedule {
    /// The day the next check-in of `r` is due as it stands at the end of `on`, if it is
    /// running then: the first one after its start, or one interval after the last check-in
    /// (events after `on` are not counted).
    pub fn next_due(&self, r: &Relationship, on: NaiveDate) -> Option<NaiveDate> {
        if !r.state_on(on).is_some_and(RelationshipState::is_running) {
            return None;
        }
        let start = r.started_on().filter(|s| *s <= on)?;
        let last = r
            .events
            .iter()
            .filter(|e| e.on <= on && matches!(e.kind, RelationshipEventKind::CheckIn { .. }))
            .map(|e| e.on)
            .next_back();
        let (from, days) = match last {
            Some(last) => (last, self.every_days.max(1)),
            None => (start, self.first_after_days),
        };
        from.checked_add_days(chrono::Days::new(u64::from(days)))
    }
}

/// A sentence naming a relationship's pair and state, for lists (ids only).
pub fn describe_relationship(r: &Relationship) -> Text {
    use crate::i18n::{Label, Lang};
    let s = r.state();
    Text::new(
        format!("{} ↔ {}: {}", r.newcomer, r.offer, s.label(Lang::Da)),
        format!("{} ↔ {}: {}", r.newcomer, r.offer, s.label(Lang::En)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    fn ev(on: &str, kind: RelationshipEventKind) -> RelationshipEvent {
        RelationshipEvent {
            on: d(on),
            kind,
            by: None,
        }
    }

    #[test]
    fn states_follow_the_events_and_stop_at_a_bad_one() {
        use RelationshipEventKind as K;
        let mut r = Relationship::proposed("rel-1", "nc-1", "o-1", d("2016-04-04"));
        assert_eq!(r.state(), RelationshipState::Proposed);
        r.events.push(ev(
            "2016-04-06",
            K::Accepted {
                side: RelationshipSide::Household,
            },
        ));
        assert_eq!(r.state(), RelationshipState::Proposed);
        r.events.push(ev(
            "2016-04-08",
            K::Accepted {
                side: RelationshipSide::Volunteer,
            },
        ));
        assert_eq!(r.state(), RelationshipState::Accepted);
        r.events.push(ev("2016-04-20", K::Started));
        assert_eq!(r.state(), RelationshipState::Started);
        r.events.push(ev(
            "2016-05-04",
            K::CheckIn {
                outcome: CheckInOutcome::Going,
            },
        ));
        assert_eq!(r.state(), RelationshipState::Active);
        assert_eq!(
            r.state_on(d("2016-04-30")),
            Some(RelationshipState::Started)
        );
        assert_eq!(r.state_on(d("2016-04-01")), None);
        assert!(r.holds_place_on(d("2016-04-04")));
        r.events.push(ev(
            "2016-09-01",
            K::Ended {
                reason: EndReason::DidNotClick,
                rematch: true,
            },
        ));
        assert_eq!(r.state(), RelationshipState::Ended);
        assert!(!r.holds_place_on(d("2016-09-01")));
        assert_eq!(r.days_running(d("2017-01-01")), 134);
        assert_eq!(r.first_bad_event(), None);
        r.events.push(ev("2016-09-02", K::Started));
        assert_eq!(r.first_bad_event(), Some(5));
        assert_eq!(r.state(), RelationshipState::Ended);
    }

    #[test]
    fn follow_ups_fall_due_after_the_start_and_then_at_the_interval() {
        use RelationshipEventKind as K;
        let mut r = Relationship::proposed("rel-1", "nc-1", "o-1", d("2016-04-04"));
        let s = FollowUpSchedule::default();
        let on = d("2016-12-31");
        assert_eq!(s.next_due(&r, on), None);
        for side in [RelationshipSide::Household, RelationshipSide::Volunteer] {
            r.events.push(ev("2016-04-05", K::Accepted { side }));
        }
        r.events.push(ev("2016-04-10", K::Started));
        assert_eq!(s.next_due(&r, on), Some(d("2016-04-24")));
        r.events.push(ev(
            "2016-04-25",
            K::CheckIn {
                outcome: CheckInOutcome::Going,
            },
        ));
        assert_eq!(s.next_due(&r, on), Some(d("2016-06-06")));
        // As it stood before the check-in.
        assert_eq!(s.next_due(&r, d("2016-04-24")), Some(d("2016-04-24")));
    }
}
