//! Match proposals as stored: both sides' answers, the events of their history and every
//! release of contact details.

use crate::i18n::labels;
use crate::ids::{ConsentId, MatchRunId, NewcomerId, OfferId, PostId, ProposalId};
use crate::privacy::model::audience::Audience;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::{BasisRef, Subject};
use crate::time::Timestamp;
use chrono::NaiveDate;

/// Days a proposal waits for its answers when no expiry is given.
pub const DEFAULT_ANSWER_DAYS: i64 = 14;

/// The side of a match.
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
pub enum ProposalSide {
    /// The household (answering through its caseworker or coordinator).
    Newcomer,
    /// The volunteer behind the offer.
    Volunteer,
}

labels!(ProposalSide, "proposal_side" {
    Newcomer => ("husstanden", "the household"),
    Volunteer => ("den frivillige", "the volunteer"),
});

/// Where a proposal stands.
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
pub enum ProposalState {
    /// Waiting for the household's answer.
    Proposed,
    /// The household accepted; waiting for the volunteer.
    AcceptedByNewcomer,
    /// Both accepted; contact details may be released.
    AcceptedByVolunteer,
    /// Contact details were released (closed).
    Released,
    /// One side declined (closed).
    Declined,
    /// Not answered in time (closed).
    Expired,
    /// Withdrawn by the coordinator, or because a basis was withdrawn (closed).
    Withdrawn,
}

labels!(ProposalState, "proposal_state" {
    Proposed => ("foreslået", "proposed"),
    AcceptedByNewcomer => ("accepteret af husstanden", "accepted by the household"),
    AcceptedByVolunteer => ("accepteret af begge", "accepted by both"),
    Released => ("kontaktoplysninger videregivet", "contact details released"),
    Declined => ("afslået", "declined"),
    Expired => ("udløbet", "expired"),
    Withdrawn => ("trukket tilbage", "withdrawn"),
});

impl ProposalState {
    /// Whether nothing more can happen.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ProposalState::Released
                | ProposalState::Declined
                | ProposalState::Expired
                | ProposalState::Withdrawn
        )
    }
}

/// A contact detail that can be passed on.
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
pub enum ContactField {
    /// Name.
    Name,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Postal address.
    Address,
}

labels!(ContactField, "contact_field" {
    Name => ("navn", "name"),
    Phone => ("telefon", "phone"),
    Email => ("e-mail", "e-mail"),
    Address => ("adresse", "address"),
});

impl ContactField {
    /// The field as a manifest names it: `contact.phone`.
    pub fn key(self) -> String {
        let field = match self {
            ContactField::Name => "name",
            ContactField::Phone => "phone",
            ContactField::Email => "email",
            ContactField::Address => "address",
        };
        format!("contact.{field}")
    }
}

/// Who received data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Recipient {
    /// A household (through its caseworker).
    Household {
        /// The household.
        newcomer: NewcomerId,
    },
    /// The volunteer(s) behind an offer.
    Volunteer {
        /// The offer.
        offer: OfferId,
    },
    /// Everyone in an audience, e.g. analysts receiving an export.
    Group {
        /// The audience.
        audience: Audience,
    },
}

/// One release of data: whose, to whom, what, for what and on which basis.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Disclosure {
    /// Whose data.
    pub subject: Subject,
    /// To whom.
    pub recipient: Recipient,
    /// The fields passed on.
    pub fields: Vec<ContactField>,
    /// What for.
    pub purpose: Purpose,
    /// The consent or basis that allowed it.
    pub basis: BasisRef,
}

/// What happened to a proposal.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProposalEventKind {
    /// The household accepted.
    AcceptedByNewcomer,
    /// The volunteer accepted (after the household).
    AcceptedByVolunteer,
    /// One side declined.
    Declined {
        /// Which side.
        side: ProposalSide,
    },
    /// It was not answered in time.
    Expired,
    /// It was withdrawn: by the coordinator, or because a consent it needed was withdrawn.
    Withdrawn {
        /// The consent whose withdrawal closed it, if that was why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consent: Option<ConsentId>,
    },
    /// Contact details were released, each with its basis.
    Released {
        /// The releases, one per side whose details went out.
        disclosures: Vec<Disclosure>,
    },
}

/// One step in a proposal's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProposalEvent {
    /// When.
    pub at: Timestamp,
    /// What.
    pub kind: ProposalEventKind,
    /// The post that recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PostId>,
}

/// A proposed match between a household and an offer, and its history.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchProposal {
    /// Id, e.g. `mp-7` (never derived from the household's id).
    pub id: ProposalId,
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// The run that proposed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<MatchRunId>,
    /// When it was proposed.
    pub proposed_at: Timestamp,
    /// The first day it is no longer open for answers, unless both accepted.
    pub expires_on: NaiveDate,
    /// What happened since, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<ProposalEvent>,
}

impl std::fmt::Debug for MatchProposal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MatchProposal")
            .field("id", &self.id)
            .field("newcomer", &self.newcomer)
            .field("offer", &self.offer)
            .field("state", &self.state())
            .finish_non_exhaustive()
    }
}

impl MatchProposal {
    /// The state after its events (an invalid history stops at the last valid step;
    /// validation reports it).
    pub fn state(&self) -> ProposalState {
        let mut state = ProposalState::Proposed;
        for e in &self.events {
            match step(state, &e.kind) {
                Some(next) => state = next,
                None => break,
            }
        }
        state
    }

    /// The state on `at`: the events up to then, and expiry if it lapsed unanswered.
    pub fn state_at(&self, at: Timestamp) -> ProposalState {
        let mut state = ProposalState::Proposed;
        for e in self.events.iter().filter(|e| e.at <= at) {
            match step(state, &e.kind) {
                Some(next) => state = next,
                None => break,
            }
        }
        if matches!(
            state,
            ProposalState::Proposed | ProposalState::AcceptedByNewcomer
        ) && at.date_naive() >= self.expires_on
        {
            ProposalState::Expired
        } else {
            state
        }
    }

    /// The releases recorded, with the time of each.
    pub fn disclosures(&self) -> impl Iterator<Item = (Timestamp, &Disclosure)> {
        self.events.iter().flat_map(|e| match &e.kind {
            ProposalEventKind::Released { disclosures } => {
                disclosures.iter().map(|d| (e.at, d)).collect::<Vec<_>>()
            }
            _ => Vec::new(),
        })
    }

    /// The day it was closed, if it is by `on`: its last event's day, or its expiry day when it
    /// lapsed unanswered.
    pub fn closed_on(&self, on: NaiveDate) -> Option<NaiveDate> {
        let state = self.state();
        if state.is_closed() {
            self.events.last().map(|e| e.at.date_naive())
        } else if matches!(
            state,
            ProposalState::Proposed | ProposalState::AcceptedByNewcomer
        ) && self.expires_on <= on
        {
            Some(self.expires_on)
        } else {
            None
        }
    }
}

/// The next state after `kind`, or `None` if the step is not allowed from `state`.
pub(crate) fn step(state: ProposalState, kind: &ProposalEventKind) -> Option<ProposalState> {
    use ProposalEventKind as K;
    use ProposalState as S;
    if state.is_closed() {
        return None;
    }
    Some(match (state, kind) {
        (S::Proposed, K::AcceptedByNewcomer) => S::AcceptedByNewcomer,
        (S::AcceptedByNewcomer, K::AcceptedByVolunteer) => S::AcceptedByVolunteer,
        (S::AcceptedByVolunteer, K::Released { disclosures }) if !disclosures.is_empty() => {
            S::Released
        }
        (_, K::Declined { .. }) => S::Declined,
        (_, K::Withdrawn { .. }) => S::Withdrawn,
        (S::Proposed | S::AcceptedByNewcomer, K::Expired) => S::Expired,
        _ => return None,
    })
}
