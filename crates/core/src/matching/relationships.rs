//! Relationships over time: proposing a pair (or a stored run's matches), recording each
//! side's answer, the start, follow-up check-ins and the end, and what they hold of an offer.
//!
//! Every change is checked first and refused with a typed error that changes nothing: a step
//! that does not follow from the state (ending a relationship that never started, starting a
//! declined one), a date before the last event, a pair already together or declined before, an
//! offer with no free place or seat on the day (counting what relationships and open proposals
//! hold from that day on), a household no consent or basis allows matching.

use crate::code::{ErrorCode, NotFoundCode, codes};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::ids::{
    CohortId, MatchRunId, NewcomerId, OfferId, PostId, ProposalId, RelationshipId, RuleSetId,
};
use crate::matching::history::{end_of, households, proposal_holds};
use crate::matching::lookup::{find_match_run, find_offer};
use crate::matching::model::profile::Offer;
use crate::matching::model::relationship::{
    EndReason, Relationship, RelationshipEvent, RelationshipEventKind, RelationshipSide,
    RelationshipState, step,
};
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::Subject;
use crate::privacy::model::proposal::{ProposalEventKind, ProposalSide, ProposalState};
use crate::privacy::register::Register;
use crate::validation_code::ValidationCode;
use chrono::NaiveDate;

/// Why a change to the relationships was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RelationshipError {
    /// No such relationship.
    #[error("no relationship {0}")]
    Unknown(String),
    /// The event cannot follow the relationship's state.
    #[error("relationship {id}: the event '{event}' cannot follow the state '{from}'")]
    InvalidTransition {
        /// The relationship.
        id: String,
        /// Its state.
        from: &'static str,
        /// The event refused.
        event: &'static str,
    },
    /// The event is dated before the relationship's last event (or its proposal).
    #[error("relationship {0}: the event is dated before its last event")]
    BeforeLastEvent(String),
    /// The pair is together now or was before.
    #[error("{newcomer} and {offer} are, or were, together already")]
    AlreadyTogether {
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// A side declined the pair before.
    #[error("{newcomer} and {offer} were declined before; ask again explicitly (allow_declined)")]
    DeclinedBefore {
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// The household is in another relationship or open proposal that holds a place.
    #[error("{0} already holds a place in another relationship or proposal")]
    HouseholdTaken(String),
    /// The offer has no free place, or not enough seats of a kind, from the day on.
    #[error("the offer {offer} has no room for the household from {on}: {what}")]
    OfferFull {
        /// The offer.
        offer: String,
        /// The day.
        on: NaiveDate,
        /// What is missing: `places` or a seat kind.
        what: String,
    },
    /// The relationship it replaces is not an ended relationship of the same household.
    #[error("the relationship {0} is not an ended relationship of the same household")]
    NotReplaceable(String),
    /// The proposal it records is not a proposal of the same pair, or is recorded already.
    #[error("the proposal {0} is not of the same pair, or already has a relationship")]
    ProposalMismatch(String),
    /// The id is taken.
    #[error("the relationship id {0} is already used")]
    DuplicateId(String),
}

codes! {
    /// The codes of refused changes to relationships.
    pub enum RelationshipCode in "relationship" {
        /// The event cannot follow the relationship's state (ending one that never started,
        /// starting a declined one).
        InvalidTransition = "relationship.invalid_transition", error(InvalidInput),
            "Hændelsen kan ikke følge forløbets tilstand (fx at afslutte et forløb, der aldrig er startet, eller starte et, der er afslået).",
            "The event cannot follow the relationship's state (ending one that never started, starting a declined one).";
        /// The event is dated before the relationship's last event.
        BeforeLastEvent = "relationship.before_last_event", error(InvalidInput),
            "Hændelsen er dateret før forløbets seneste hændelse.",
            "The event is dated before the relationship's last event.";
        /// The pair is together now or was before.
        AlreadyTogether = "relationship.already_together", error(InvalidInput),
            "Husstanden og tilbuddet er eller har været i et forløb sammen.",
            "The household and the offer are, or were, in a relationship already.";
        /// A side declined the pair before.
        DeclinedBefore = "relationship.declined_before", error(InvalidInput),
            "Parret er afslået før; spørg igen udtrykkeligt (allow_declined).",
            "The pair was declined before; ask again explicitly (allow_declined).";
        /// The household holds a place in another relationship or open proposal.
        HouseholdTaken = "relationship.household_taken", error(InvalidInput),
            "Husstanden har allerede en plads i et andet forløb eller et åbent forslag.",
            "The household already holds a place in another relationship or open proposal.";
        /// The offer has no free place, or too few seats of a kind, from the day on.
        OfferFull = "relationship.offer_full", error(Infeasible),
            "Tilbuddet har ingen ledig plads eller for få sæder af en slags fra dagen.",
            "The offer has no free place, or too few seats of a kind, from the day on.";
        /// The relationship replaced is not an ended relationship of the same household.
        NotReplaceable = "relationship.not_replaceable", error(InvalidInput),
            "Det forløb, der erstattes, er ikke et afsluttet forløb for samme husstand.",
            "The relationship replaced is not an ended relationship of the same household.";
        /// The proposal recorded is not of the same pair, or has a relationship already.
        ProposalMismatch = "relationship.proposal_mismatch", error(InvalidInput),
            "Matchforslaget gælder ikke samme par, eller det har allerede et forløb.",
            "The proposal is not of the same pair, or already has a relationship.";
        /// The run named does not propose the pair.
        NotInRun = "relationship.not_in_run", error(InvalidInput),
            "Matchningen foreslår ikke dette par.",
            "The run does not propose this pair.";
        /// The stored history is not a valid sequence of steps; it must be corrected first.
        InvalidHistory = "relationship.invalid_history", error(InvalidInput),
            "Forløbets gemte hændelser er ikke en gyldig række af skridt; ret dem først.",
            "The relationship's stored events are not a valid sequence of steps; correct them first.";
    }
}

impl RelationshipError {
    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            RelationshipError::Unknown(_) => NotFoundCode::Relationship.into(),
            RelationshipError::InvalidTransition { .. } => {
                RelationshipCode::InvalidTransition.into()
            }
            RelationshipError::BeforeLastEvent(_) => RelationshipCode::BeforeLastEvent.into(),
            RelationshipError::AlreadyTogether { .. } => RelationshipCode::AlreadyTogether.into(),
            RelationshipError::DeclinedBefore { .. } => RelationshipCode::DeclinedBefore.into(),
            RelationshipError::HouseholdTaken(_) => RelationshipCode::HouseholdTaken.into(),
            RelationshipError::OfferFull { .. } => RelationshipCode::OfferFull.into(),
            RelationshipError::NotReplaceable(_) => RelationshipCode::NotReplaceable.into(),
            RelationshipError::ProposalMismatch(_) => RelationshipCode::ProposalMismatch.into(),
            RelationshipError::DuplicateId(_) => ValidationCode::DuplicateId.into(),
        }
    }
}

impl From<RelationshipError> for BrobyggerError {
    fn from(e: RelationshipError) -> Self {
        let code = e.code();
        match e {
            RelationshipError::Unknown(id) => {
                BrobyggerError::not_found(NotFoundCode::Relationship, id)
            }
            RelationshipError::OfferFull { .. } => BrobyggerError::Infeasible {
                code,
                reason: e.to_string(),
            },
            other => {
                let path = match &other {
                    RelationshipError::InvalidTransition { .. } => "event.kind",
                    RelationshipError::BeforeLastEvent(_) => "event.on",
                    RelationshipError::NotReplaceable(_) => "request.replaces",
                    RelationshipError::ProposalMismatch(_) => "request.proposal",
                    RelationshipError::DuplicateId(_) => "request.id",
                    _ => "request",
                };
                BrobyggerError::InvalidInput {
                    code,
                    path: path.into(),
                    reason: other.to_string(),
                }
            }
        }
    }
}

/// A request to propose a relationship.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProposeRelationship {
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// The day.
    pub on: NaiveDate,
    /// The rule set the match was made under (its follow-up schedule applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub rule_set: Option<RuleSetId>,
    /// The stored run that proposed it; the run must contain the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub run: Option<MatchRunId>,
    /// A privacy proposal of the same pair that this relationship records (its answers are
    /// copied in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub proposal: Option<ProposalId>,
    /// The ended relationship of the household this one replaces (a rematch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub replaces: Option<RelationshipId>,
    /// The id; `rel-<n>` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub id: Option<RelationshipId>,
    /// Propose a pair a side declined before.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub allow_declined: bool,
}

impl ProposeRelationship {
    /// A proposal of `newcomer` with `offer` on `on`.
    pub fn new(newcomer: impl Into<NewcomerId>, offer: impl Into<OfferId>, on: NaiveDate) -> Self {
        Self {
            newcomer: newcomer.into(),
            offer: offer.into(),
            on,
            rule_set: None,
            run: None,
            proposal: None,
            replaces: None,
            id: None,
            allow_declined: false,
        }
    }
}

/// What relationships and open proposals hold of an offer, and what is free, on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OfferLoad {
    /// The offer.
    pub offer: OfferId,
    /// Its capacity in households.
    pub capacity: u32,
    /// Places taken outside the dossier's relationships and proposals.
    pub places_taken: u32,
    /// Places held by relationships (proposed, accepted, started, active) and by open or
    /// released proposals no relationship records.
    pub held: u32,
    /// Places free.
    pub free: u32,
    /// Relationships that have met (started or active).
    pub running: u32,
}

fn index(d: &Dossier, id: &RelationshipId) -> Result<usize, RelationshipError> {
    d.relationships
        .iter()
        .position(|r| &r.id == id)
        .ok_or_else(|| RelationshipError::Unknown(id.to_string()))
}

/// Whether the relationship or proposal at hand holds a place of `offer` at the end of `on`,
/// counting relationships and the proposals they do not record.
fn holders<'a>(
    d: &'a Dossier,
    offer: &'a OfferId,
    on: NaiveDate,
    skip: Option<&'a ProposalId>,
) -> impl Iterator<Item = &'a NewcomerId> + 'a {
    let recorded: std::collections::HashSet<&ProposalId> = d
        .relationships
        .iter()
        .filter_map(|r| r.proposal.as_ref())
        .collect();
    let rels = d
        .relationships
        .iter()
        .filter(move |r| &r.offer == offer && r.holds_place_on(on))
        .map(|r| &r.newcomer);
    let props = d
        .privacy
        .proposals
        .iter()
        .filter(move |p| {
            &p.offer == offer
                && !recorded.contains(&p.id)
                && Some(&p.id) != skip
                && proposal_holds(p, on)
        })
        .map(|p| &p.newcomer);
    rels.chain(props)
}

/// The days from `from` on when what an offer holds can grow: `from` itself and every later
/// proposal.
fn change_days(d: &Dossier, offer: &OfferId, from: NaiveDate) -> Vec<NaiveDate> {
    let mut days = vec![from];
    days.extend(
        d.relationships
            .iter()
            .filter(|r| &r.offer == offer && r.proposed_on > from)
            .map(|r| r.proposed_on),
    );
    days.extend(
        d.privacy
            .proposals
            .iter()
            .filter(|p| &p.offer == offer && p.proposed_at > end_of(from))
            .map(|p| p.proposed_at.date_naive()),
    );
    days.sort();
    days.dedup();
    days
}

/// Refuses if `offer` cannot take `newcomer` from `on` on, whatever else holds it then.
fn check_room(
    d: &Dossier,
    o: &Offer,
    newcomer: &NewcomerId,
    on: NaiveDate,
    skip: Option<&ProposalId>,
) -> Result<(), RelationshipError> {
    let people = households(d);
    let full = |what: String| RelationshipError::OfferFull {
        offer: o.id.to_string(),
        on,
        what,
    };
    for day in change_days(d, &o.id, on) {
        let holding: Vec<&NewcomerId> = holders(d, &o.id, day, skip).collect();
        let held = u32::try_from(holding.len()).unwrap_or(u32::MAX);
        if o.places_taken.saturating_add(held).saturating_add(1) > o.capacity {
            return Err(full("places".into()));
        }
        for s in &o.seats {
            let used: u32 = holding
                .iter()
                .filter_map(|n| people.get(n))
                .map(|n| s.seat.need_of(n))
                .fold(0, u32::saturating_add);
            let need = people.get(newcomer).map_or(0, |n| s.seat.need_of(n));
            if s.taken.saturating_add(used).saturating_add(need) > s.capacity {
                return Err(full(s.seat.label(crate::i18n::Lang::En)));
            }
        }
    }
    Ok(())
}

/// The cohort of a household.
fn cohort_of(d: &Dossier, newcomer: &NewcomerId) -> Option<CohortId> {
    d.cohorts
        .iter()
        .find(|c| c.newcomer(newcomer).is_some())
        .map(|c| c.id.clone())
}

fn fresh_id(d: &Dossier) -> RelationshipId {
    let mut n = d.relationships.len() + 1;
    loop {
        let id = RelationshipId::new(format!("rel-{n}"));
        if !d.relationships.iter().any(|r| r.id == id) {
            return id;
        }
        n += 1;
    }
}

pub(crate) fn propose(
    d: &mut Dossier,
    request: ProposeRelationship,
) -> Result<RelationshipId, BrobyggerError> {
    let r = prepare(d, &request)?;
    let id = r.id.clone();
    d.relationships.push(r);
    Ok(id)
}

/// Checks a proposal and builds the relationship, changing nothing.
fn prepare(d: &Dossier, request: &ProposeRelationship) -> Result<Relationship, BrobyggerError> {
    let on = request.on;
    let cohort = cohort_of(d, &request.newcomer)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Newcomer, &request.newcomer))?;
    let offer = find_offer(d, &request.offer)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Offer, &request.offer))?;
    if let Some(rs) = &request.rule_set
        && crate::matching::lookup::find_rule_set(d, rs).is_none()
    {
        return Err(BrobyggerError::not_found(NotFoundCode::RuleSet, rs));
    }
    if let Some(run) = &request.run {
        let r = find_match_run(d, run)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::MatchRun, run))?;
        if !r
            .matches
            .iter()
            .any(|m| m.newcomer == request.newcomer && m.offer == request.offer)
        {
            return Err(BrobyggerError::invalid_input(
                RelationshipCode::NotInRun,
                "request.run",
                format!(
                    "the run {run} does not propose {} with {}",
                    request.newcomer, request.offer
                ),
            ));
        }
    }
    if let Some(id) = &request.id
        && d.relationships.iter().any(|r| &r.id == id)
    {
        return Err(RelationshipError::DuplicateId(id.to_string()).into());
    }
    // The consent gate: proposing a match is processing for matching.
    Register::of(d).require(
        &Subject::newcomer(request.newcomer.clone()),
        Purpose::Matching,
        None,
        on,
    )?;
    let pair = |r: &Relationship| r.newcomer == request.newcomer && r.offer == request.offer;
    let together = d.relationships.iter().any(|r| {
        pair(r)
            && r.state_on(on)
                .is_some_and(|s| s.holds_place() || s == RelationshipState::Ended)
    });
    let recorded: std::collections::HashSet<&ProposalId> = d
        .relationships
        .iter()
        .filter_map(|r| r.proposal.as_ref())
        .collect();
    let released = d.privacy.proposals.iter().any(|p| {
        p.newcomer == request.newcomer
            && p.offer == request.offer
            && request.proposal.as_ref() != Some(&p.id)
            && !recorded.contains(&p.id)
            && p.state_at(end_of(on)) == ProposalState::Released
    });
    if together || released {
        return Err(RelationshipError::AlreadyTogether {
            newcomer: request.newcomer.to_string(),
            offer: request.offer.to_string(),
        }
        .into());
    }
    let declined = d
        .relationships
        .iter()
        .any(|r| pair(r) && r.state_on(on) == Some(RelationshipState::Declined))
        || d.privacy.proposals.iter().any(|p| {
            p.newcomer == request.newcomer
                && p.offer == request.offer
                && p.state_at(end_of(on)) == ProposalState::Declined
        });
    if declined && !request.allow_declined {
        return Err(RelationshipError::DeclinedBefore {
            newcomer: request.newcomer.to_string(),
            offer: request.offer.to_string(),
        }
        .into());
    }
    // A relationship holds its place from its proposal until it closes, so the household must
    // hold no other place on the day, nor from any later day an existing one was proposed.
    let elsewhere =
        d.relationships.iter().any(|r| {
            r.newcomer == request.newcomer && (r.holds_place_on(on) || r.proposed_on > on)
        }) || d.privacy.proposals.iter().any(|p| {
            p.newcomer == request.newcomer
                && request.proposal.as_ref() != Some(&p.id)
                && !recorded.contains(&p.id)
                && (proposal_holds(p, on) || p.proposed_at > end_of(on))
        });
    if elsewhere {
        return Err(RelationshipError::HouseholdTaken(request.newcomer.to_string()).into());
    }
    let mut events = Vec::new();
    if let Some(pid) = &request.proposal {
        let p = d
            .privacy
            .proposals
            .iter()
            .find(|p| &p.id == pid)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Proposal, pid))?;
        if p.newcomer != request.newcomer || p.offer != request.offer || recorded.contains(pid) {
            return Err(RelationshipError::ProposalMismatch(pid.to_string()).into());
        }
        // The proposal's answers, up to the day, become the relationship's.
        for e in p.events.iter().filter(|e| e.at <= end_of(on)) {
            let kind = match &e.kind {
                ProposalEventKind::AcceptedByNewcomer => RelationshipEventKind::Accepted {
                    side: RelationshipSide::Household,
                },
                ProposalEventKind::AcceptedByVolunteer => RelationshipEventKind::Accepted {
                    side: RelationshipSide::Volunteer,
                },
                ProposalEventKind::Declined { side } => RelationshipEventKind::Declined {
                    side: match side {
                        ProposalSide::Newcomer => RelationshipSide::Household,
                        ProposalSide::Volunteer => RelationshipSide::Volunteer,
                    },
                },
                ProposalEventKind::Withdrawn { .. } | ProposalEventKind::Expired => {
                    RelationshipEventKind::Withdrawn
                }
                ProposalEventKind::Released { .. } => continue,
            };
            events.push(RelationshipEvent {
                on: e.at.date_naive(),
                kind,
                by: e.by.clone(),
            });
        }
    }
    let proposed_on = request
        .proposal
        .as_ref()
        .and_then(|pid| d.privacy.proposals.iter().find(|p| &p.id == pid))
        .map_or(on, |p| p.proposed_at.date_naive().min(on));
    if let Some(prev) = &request.replaces {
        let ok = d.relationships.iter().any(|r| {
            &r.id == prev
                && r.newcomer == request.newcomer
                && r.ended().is_some_and(|(e, _, _)| e <= on)
        });
        if !ok {
            return Err(RelationshipError::NotReplaceable(prev.to_string()).into());
        }
    }
    let relationship = Relationship {
        id: request.id.clone().unwrap_or_else(|| fresh_id(d)),
        newcomer: request.newcomer.clone(),
        offer: request.offer.clone(),
        cohort: Some(cohort),
        rule_set: request.rule_set.clone().or_else(|| {
            request
                .run
                .as_ref()
                .and_then(|run| find_match_run(d, run))
                .map(|r| r.rule_set.clone())
        }),
        run: request.run.clone(),
        proposal: request.proposal.clone(),
        replaces: request.replaces.clone(),
        proposed_on,
        events,
    };
    if relationship.state().holds_place() {
        check_room(
            d,
            offer,
            &request.newcomer,
            proposed_on,
            request.proposal.as_ref(),
        )?;
    }
    Ok(relationship)
}

/// Proposes every match of a stored run as a relationship, all or nothing.
pub(crate) fn propose_run(
    d: &mut Dossier,
    run: &MatchRunId,
    on: NaiveDate,
) -> Result<Vec<RelationshipId>, BrobyggerError> {
    let r = find_match_run(d, run)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::MatchRun, run))?
        .clone();
    let mut next = d.clone();
    let mut ids = Vec::with_capacity(r.matches.len());
    for m in &r.matches {
        let mut req = ProposeRelationship::new(m.newcomer.clone(), m.offer.clone(), on);
        req.run = Some(run.clone());
        req.rule_set = Some(r.rule_set.clone());
        req.replaces = lost_relationship(&next, &m.newcomer, on);
        ids.push(propose(&mut next, req)?);
    }
    *d = next;
    Ok(ids)
}

/// The household's ended relationship it waits to replace, if any.
fn lost_relationship(d: &Dossier, newcomer: &NewcomerId, on: NaiveDate) -> Option<RelationshipId> {
    d.relationships
        .iter()
        .filter(|r| &r.newcomer == newcomer)
        .filter(|r| r.ended().is_some_and(|(e, _, rematch)| rematch && e <= on))
        .max_by_key(|r| r.ended().map(|(e, _, _)| e))
        .map(|r| r.id.clone())
}

/// Records an event on a relationship, checking its order and date.
pub(crate) fn record(
    d: &mut Dossier,
    id: &RelationshipId,
    on: NaiveDate,
    kind: RelationshipEventKind,
    by: Option<PostId>,
) -> Result<RelationshipState, BrobyggerError> {
    let k = index(d, id)?;
    let r = &d.relationships[k];
    if let Some(bad) = r.first_bad_event() {
        return Err(BrobyggerError::invalid_input(
            RelationshipCode::InvalidHistory,
            &format!("relationships[{k}].events[{bad}]"),
            "the stored history is not a valid sequence of steps; correct it first",
        ));
    }
    if on < r.last_event_on() {
        return Err(RelationshipError::BeforeLastEvent(id.to_string()).into());
    }
    if let Some(by) = &by
        && d.post(by).is_none()
    {
        return Err(BrobyggerError::not_found(NotFoundCode::Post, by));
    }
    let mut accepted = [
        r.accepted_by(RelationshipSide::Household),
        r.accepted_by(RelationshipSide::Volunteer),
    ];
    let from = r.state();
    let next =
        step(from, &mut accepted, &kind).map_err(|e| RelationshipError::InvalidTransition {
            id: id.to_string(),
            from: e.from.code(),
            event: kind.code(),
        })?;
    d.relationships[k]
        .events
        .push(RelationshipEvent { on, kind, by });
    Ok(next)
}

/// How an event is recorded: who recorded it, and for an end whether the household waits for
/// a new match. The default: no post named, the rematch as the end's reason suggests.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EventOptions {
    /// The post that records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub by: Option<PostId>,
    /// For an end: whether the household waits for a new match (as the reason suggests if
    /// absent: not after a move or a goal reached).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub rematch: Option<bool>,
}

impl EventOptions {
    /// Recorded by `post`.
    pub fn by(mut self, post: impl Into<PostId>) -> Self {
        self.by = Some(post.into());
        self
    }

    /// For an end: the household waits for a new match, or not.
    pub fn rematch(mut self, yes: bool) -> Self {
        self.rematch = Some(yes);
        self
    }
}

/// Ends a relationship; `rematch` defaults to what the reason suggests.
pub(crate) fn end(
    d: &mut Dossier,
    id: &RelationshipId,
    on: NaiveDate,
    reason: EndReason,
    options: EventOptions,
) -> Result<RelationshipState, BrobyggerError> {
    let rematch = options.rematch.unwrap_or(reason.wants_rematch_by_default());
    record(
        d,
        id,
        on,
        RelationshipEventKind::Ended { reason, rematch },
        options.by,
    )
}

/// What relationships and proposals hold of every offer on `on`, in the dossier's order.
pub(crate) fn offer_loads(d: &Dossier, on: NaiveDate) -> Vec<OfferLoad> {
    let h = crate::matching::history::history(
        d,
        on,
        crate::matching::history::PreviousPartner::Allow,
        true,
    );
    d.offers
        .iter()
        .map(|o| {
            let held = h.held.get(&o.id).map_or(0, |x| x.households);
            let running = d
                .relationships
                .iter()
                .filter(|r| r.offer == o.id && r.state_on(on).is_some_and(|s| s.is_running()))
                .count() as u32;
            OfferLoad {
                offer: o.id.clone(),
                capacity: o.capacity,
                places_taken: o.places_taken,
                held,
                free: o
                    .capacity
                    .saturating_sub(o.places_taken.saturating_add(held)),
                running,
            }
        })
        .collect()
}
