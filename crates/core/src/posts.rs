//! Posts and their holders: who held which role when, kept as history.
//!
//! A post ("municipal coordinator of the LBB partnership") exists independently of the person
//! holding it. Holders are tenures with a start and an optional end, so a change of person adds
//! history instead of overwriting it; continuity and turnover are computed from that history
//! (001 "Kontinuitet i en dynamisk verden").

use crate::actors::PartyRef;
use crate::error::BrobyggerError;
use crate::i18n::labels;
use crate::ids::{AgreementId, PersonId, PostId};
use chrono::NaiveDate;

/// A role someone holds for a party, optionally tied to one agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Post {
    /// Id, e.g. `aalborg-lbb-coordinator`.
    pub id: PostId,
    /// Title as the parties use it, e.g. "Kommunal projektleder".
    pub title: String,
    /// What kind of post it is.
    pub kind: PostKind,
    /// The party the post acts for.
    pub party: PartyRef,
    /// The agreement the post belongs to, if it is specific to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// Who held it when, oldest first. Never rewritten, only appended to and closed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<Tenure>,
}

/// Kinds of post in a partnership.
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
pub enum PostKind {
    /// The coordinator (tovholder) holding the threads for one side.
    Coordinator,
    /// A project lead.
    ProjectLead,
    /// A named contact person for a party.
    ContactPerson,
    /// A member of the steering group.
    SteeringGroupMember,
    /// The chair of the steering group.
    SteeringGroupChair,
    /// A volunteer-side representative who spars with the municipal project lead (001).
    VolunteerRepresentative,
    /// An activity leader (aktivitetsleder) on the volunteer side.
    ActivityLeader,
    /// The chair of an association's board.
    BoardChair,
    /// Any other post.
    Other,
}

labels!(PostKind, "post_kind" {
    Coordinator => ("tovholder", "coordinator"),
    ProjectLead => ("projektleder", "project lead"),
    ContactPerson => ("kontaktperson", "contact person"),
    SteeringGroupMember => ("styregruppemedlem", "steering group member"),
    SteeringGroupChair => ("styregruppeformand", "steering group chair"),
    VolunteerRepresentative => ("repræsentant for de frivillige", "volunteer representative"),
    ActivityLeader => ("aktivitetsleder", "activity leader"),
    BoardChair => ("formand", "board chair"),
    Other => ("anden post", "other post"),
});

impl PostKind {
    /// Whether the holder of such a post is someone the other side can contact about the
    /// partnership.
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            PostKind::Coordinator
                | PostKind::ProjectLead
                | PostKind::ContactPerson
                | PostKind::VolunteerRepresentative
                | PostKind::ActivityLeader
                | PostKind::BoardChair
                | PostKind::SteeringGroupChair
                | PostKind::SteeringGroupMember
        )
    }
}

/// One person's time in a post: from `from` (inclusive) until `until` (exclusive, open if
/// absent).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tenure {
    /// Who held the post.
    pub person: PersonId,
    /// First day in the post.
    pub from: NaiveDate,
    /// First day no longer in the post; absent while the tenure is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl Tenure {
    /// Whether the tenure covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|u| date < u)
    }
}

impl Post {
    /// The tenure covering `date`, if the post was held then.
    pub fn tenure_on(&self, date: NaiveDate) -> Option<&Tenure> {
        self.holders.iter().rev().find(|t| t.covers(date))
    }

    /// The person holding the post on `date`.
    pub fn holder_on(&self, date: NaiveDate) -> Option<&PersonId> {
        self.tenure_on(date).map(|t| &t.person)
    }

    /// The number of times the holder changed in `[from, until)`: a new tenure starting in the
    /// window after an earlier one counts as one change.
    pub fn changes_between(&self, from: NaiveDate, until: NaiveDate) -> usize {
        self.holders
            .iter()
            .enumerate()
            .filter(|(i, t)| *i > 0 && t.from >= from && t.from < until)
            .count()
    }
}

/// What a handover moves: every post the person holds, or only those of some agreements.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HandoverScope {
    /// Every post the person holds on the handover date.
    #[default]
    AllPosts,
    /// Only posts tied to these agreements.
    Agreements {
        /// The agreements whose posts move.
        agreements: Vec<AgreementId>,
    },
}

/// A request to move one person's posts to another on a date, as one operation.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Handover {
    /// The person leaving the posts.
    pub from: PersonId,
    /// The person taking them over.
    pub to: PersonId,
    /// The first day the new person holds them.
    pub on: NaiveDate,
    /// Which posts move.
    pub scope: HandoverScope,
}

/// What a handover did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HandoverReport {
    /// The posts that changed holder.
    pub posts: Vec<PostId>,
    /// The agreements those posts belong to (deduplicated, in order of first appearance).
    pub agreements: Vec<AgreementId>,
}

/// Why a handover was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HandoverError {
    /// A person is not in the dossier.
    #[error("no person {0}")]
    UnknownPerson(String),
    /// Handing over to oneself.
    #[error("the person handing over and the person taking over are the same")]
    SamePerson,
    /// The person holds no post in scope on the date.
    #[error("{0} holds no post in scope on the handover date")]
    NothingToHandOver(String),
    /// An agreement in the scope does not exist.
    #[error("no agreement {0}")]
    UnknownAgreement(String),
}

impl HandoverError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            HandoverError::UnknownPerson(_) => "not_found.person",
            HandoverError::SamePerson => "handover.same_person",
            HandoverError::NothingToHandOver(_) => "handover.nothing_to_hand_over",
            HandoverError::UnknownAgreement(_) => "not_found.agreement",
        }
    }
}

impl From<HandoverError> for BrobyggerError {
    fn from(e: HandoverError) -> Self {
        let code = e.code().to_owned();
        match e {
            HandoverError::UnknownPerson(id) => BrobyggerError::NotFound {
                code,
                entity: "person".into(),
                id,
            },
            HandoverError::UnknownAgreement(id) => BrobyggerError::NotFound {
                code,
                entity: "agreement".into(),
                id,
            },
            HandoverError::SamePerson => BrobyggerError::InvalidInput {
                code,
                path: "to".into(),
                reason: "the person taking over must differ from the person handing over".into(),
            },
            HandoverError::NothingToHandOver(id) => BrobyggerError::InvalidInput {
                code,
                path: "from".into(),
                reason: format!("{id} holds no post in scope on the handover date"),
            },
        }
    }
}
impl crate::dossier::Dossier {
    /// Moves every post `handover.from` holds on `handover.on` (within the scope) to
    /// `handover.to`, closing the old tenures and opening new ones, as one operation: either
    /// every post moves or nothing changes.
    pub fn handover(
        &mut self,
        handover: &Handover,
    ) -> Result<HandoverReport, crate::error::BrobyggerError> {
        if self.person(&handover.from).is_none() {
            return Err(HandoverError::UnknownPerson(handover.from.to_string()).into());
        }
        if self.person(&handover.to).is_none() {
            return Err(HandoverError::UnknownPerson(handover.to.to_string()).into());
        }
        if handover.from == handover.to {
            return Err(HandoverError::SamePerson.into());
        }
        if let HandoverScope::Agreements { agreements } = &handover.scope
            && let Some(missing) = agreements.iter().find(|a| self.agreement(a).is_none())
        {
            return Err(HandoverError::UnknownAgreement(missing.to_string()).into());
        }
        let in_scope = |post: &Post| match &handover.scope {
            HandoverScope::AllPosts => true,
            HandoverScope::Agreements { agreements } => post
                .agreement
                .as_ref()
                .is_some_and(|a| agreements.contains(a)),
        };
        // Plan first, apply after: a handover is all or nothing.
        let plan: Vec<usize> = self
            .posts
            .iter()
            .enumerate()
            .filter(|(_, p)| in_scope(p))
            .filter(|(_, p)| {
                p.holders
                    .last()
                    .is_some_and(|t| t.person == handover.from && t.covers(handover.on))
            })
            .map(|(i, _)| i)
            .collect();
        if plan.is_empty() {
            return Err(HandoverError::NothingToHandOver(handover.from.to_string()).into());
        }
        let mut report = HandoverReport {
            posts: Vec::new(),
            agreements: Vec::new(),
        };
        for i in plan {
            let post = &mut self.posts[i];
            if let Some(last) = post.holders.last_mut() {
                if last.from == handover.on {
                    // Started the same day: a zero-length tenure would be invalid history.
                    last.person = handover.to.clone();
                } else {
                    let planned_end = last.until.replace(handover.on);
                    post.holders.push(Tenure {
                        person: handover.to.clone(),
                        from: handover.on,
                        until: planned_end,
                    });
                }
            }
            report.posts.push(post.id.clone());
            if let Some(a) = &post.agreement
                && !report.agreements.contains(a)
            {
                report.agreements.push(a.clone());
            }
        }
        Ok(report)
    }

    /// The posts `person` holds on `date`.
    pub fn posts_held_by(&self, person: &PersonId, date: NaiveDate) -> Vec<&Post> {
        self.posts
            .iter()
            .filter(|p| p.holder_on(date) == Some(person))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn tenures_and_changes() {
        let post = Post {
            id: "coord".into(),
            title: "Tovholder".into(),
            kind: PostKind::Coordinator,
            party: PartyRef::Municipality {
                municipality: "m".into(),
            },
            agreement: None,
            holders: vec![
                Tenure {
                    person: "p-a".into(),
                    from: d("2015-01-01"),
                    until: Some(d("2016-03-01")),
                },
                Tenure {
                    person: "p-b".into(),
                    from: d("2016-03-01"),
                    until: None,
                },
            ],
        };
        assert_eq!(
            post.holder_on(d("2015-06-01")).map(|p| p.as_str()),
            Some("p-a")
        );
        assert_eq!(
            post.holder_on(d("2016-03-01")).map(|p| p.as_str()),
            Some("p-b")
        );
        assert_eq!(post.holder_on(d("2014-12-31")), None);
        assert_eq!(post.changes_between(d("2016-01-01"), d("2017-01-01")), 1);
        assert_eq!(post.changes_between(d("2017-01-01"), d("2018-01-01")), 0);
    }
}
