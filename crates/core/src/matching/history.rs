//! What the dossier's history means for a run on a day: which places and seats relationships
//! and proposals hold, which households are in a relationship (not waiting), which lost one
//! and wait again, and which pairs must not be proposed as new.
//!
//! A place is held by a relationship that is proposed, accepted, started or active, and by a
//! privacy proposal that is open, accepted by both or released and that no relationship
//! records (a released proposal is a match that happened). Pairs never proposed again as new:
//! those together now or before (a released proposal, a relationship that started; a previous
//! partner is excluded unless the run allows or prefers it) and those a side declined (unless
//! the run allows it).

use crate::dossier::Dossier;
use crate::ids::{NewcomerId, OfferId};
use crate::matching::candidates::{Exclusion, RunContext};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::relationship::{Relationship, RelationshipState};
use crate::matching::model::seats::SeatKind;
use crate::privacy::model::proposal::{MatchProposal, ProposalState};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What a rematch does with a household's previous partner (the offer of its ended
/// relationship).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PreviousPartner {
    /// Never propose the pair again (the default: it ended for a reason).
    #[default]
    Exclude,
    /// Treat it like any other offer.
    Allow,
    /// Take it when it has room and meets the rules: it outranks every other offer for that
    /// household (the reported score leaves the preference out).
    Prefer,
}

crate::i18n::labels!(PreviousPartner, "previous_partner" {
    Exclude => ("udelukket", "excluded"),
    Allow => ("tilladt", "allowed"),
    Prefer => ("foretrukket", "preferred"),
});

/// The end of `on` as an instant, for proposals' timestamps.
pub(crate) fn end_of(on: NaiveDate) -> crate::time::Timestamp {
    // 23:59:59 always exists, even on the last day chrono knows (no addition to overflow).
    on.and_hms_opt(23, 59, 59)
        .unwrap_or_else(|| on.and_time(chrono::NaiveTime::MIN))
        .and_utc()
}

/// Whether a proposal holds a place at the end of `on`.
pub(crate) fn proposal_holds(p: &MatchProposal, on: NaiveDate) -> bool {
    if p.proposed_at > end_of(on) {
        return false;
    }
    let state = p.state_at(end_of(on));
    !state.is_closed() || state == ProposalState::Released
}

/// The households of every cohort by id.
pub(crate) fn households(d: &Dossier) -> HashMap<&NewcomerId, &Newcomer> {
    d.cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter())
        .map(|n| (&n.id, n))
        .collect()
}

/// Places and seats held of each offer on a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Held {
    pub households: u32,
    pub seats: Vec<(SeatKind, u32)>,
}

impl Held {
    fn take(&mut self, n: Option<&Newcomer>, o: &Offer) {
        self.households = self.households.saturating_add(1);
        for s in &o.seats {
            let need = n.map_or(0, |n| s.seat.need_of(n));
            match self.seats.iter_mut().find(|(k, _)| *k == s.seat) {
                Some((_, used)) => *used = used.saturating_add(need),
                None => self.seats.push((s.seat.clone(), need)),
            }
        }
    }

    /// Seats of `kind` held.
    pub(crate) fn seats_of(&self, kind: &SeatKind) -> u32 {
        self.seats
            .iter()
            .find(|(k, _)| k == kind)
            .map_or(0, |(_, n)| *n)
    }
}

/// The dossier's history on a day, for a run.
#[derive(Debug, Default)]
pub(crate) struct History {
    pub ctx: RunContext,
    /// Households holding a place somewhere (in a relationship or an open proposal).
    pub holding: HashSet<NewcomerId>,
    /// Per offer, what is held.
    pub held: HashMap<OfferId, Held>,
}

impl History {
    /// `offers` with what the history holds added to their places and seats taken.
    pub(crate) fn offers(&self, offers: &[Offer]) -> Vec<Offer> {
        offers
            .iter()
            .map(|o| {
                let mut o = o.clone();
                if let Some(h) = self.held.get(&o.id) {
                    o.places_taken = o.places_taken.saturating_add(h.households);
                    for s in &mut o.seats {
                        s.taken = s.taken.saturating_add(h.seats_of(&s.seat));
                    }
                }
                o
            })
            .collect()
    }
}

/// The relationships that record each proposal.
fn recorded_proposals(d: &Dossier) -> HashSet<&crate::ids::ProposalId> {
    d.relationships
        .iter()
        .filter_map(|r| r.proposal.as_ref())
        .collect()
}

/// The history of `d` at the end of `on`.
pub(crate) fn history(
    d: &Dossier,
    on: NaiveDate,
    previous: PreviousPartner,
    allow_declined: bool,
) -> History {
    let people = households(d);
    let offers: HashMap<&OfferId, &Offer> = d.offers.iter().map(|o| (&o.id, o)).collect();
    let mut h = History {
        ctx: RunContext::on(on),
        ..History::default()
    };
    let mut latest: HashMap<&NewcomerId, &Relationship> = HashMap::new();
    for r in &d.relationships {
        let Some(state) = r.state_on(on) else {
            continue;
        };
        let key = (r.newcomer.clone(), r.offer.clone());
        if state.holds_place() {
            h.holding.insert(r.newcomer.clone());
            if let Some(o) = offers.get(&r.offer) {
                h.held
                    .entry(r.offer.clone())
                    .or_default()
                    .take(people.get(&r.newcomer).copied(), o);
            }
            h.ctx.excluded.insert(key, Exclusion::Together);
        } else if state == RelationshipState::Declined {
            if !allow_declined {
                h.ctx.excluded.insert(key, Exclusion::Declined);
            }
        } else if state == RelationshipState::Ended {
            match previous {
                PreviousPartner::Exclude => {
                    h.ctx.excluded.insert(key, Exclusion::Together);
                }
                PreviousPartner::Allow => {}
                PreviousPartner::Prefer => {
                    h.ctx.bonus.insert(key, PREFER_BONUS);
                }
            }
        }
        let newer = |x: &Relationship| (x.proposed_on, x.last_event_on());
        match latest.get(&r.newcomer) {
            Some(prev) if newer(prev) > newer(r) => {}
            _ => {
                latest.insert(&r.newcomer, r);
            }
        }
    }
    let recorded = recorded_proposals(d);
    for p in &d.privacy.proposals {
        if recorded.contains(&p.id) || p.proposed_at > end_of(on) {
            continue;
        }
        let key = (p.newcomer.clone(), p.offer.clone());
        let state = p.state_at(end_of(on));
        if proposal_holds(p, on) {
            h.holding.insert(p.newcomer.clone());
            if let Some(o) = offers.get(&p.offer) {
                h.held
                    .entry(p.offer.clone())
                    .or_default()
                    .take(people.get(&p.newcomer).copied(), o);
            }
            h.ctx.excluded.insert(key, Exclusion::Together);
        } else if state == ProposalState::Declined && !allow_declined {
            h.ctx.excluded.entry(key).or_insert(Exclusion::Declined);
        }
    }
    for (newcomer, r) in latest {
        if h.holding.contains(newcomer) {
            continue;
        }
        if let Some((ended, _, true)) = r.ended().filter(|(e, _, _)| *e <= on) {
            h.ctx.lost.insert(newcomer.clone(), ended);
        }
    }
    h
}

/// The score bonus of a preferred previous partner: above any total a pair can score (the
/// largest weight is 1,000 and a rule set has no more rules than fit in memory, so 2^50
/// millionths is beyond reach), far below overflow.
pub(crate) const PREFER_BONUS: i64 = 1 << 50;
