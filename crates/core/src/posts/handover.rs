//! Handing a person's posts over to another person, all or nothing, and who holds what.

use super::model::{Post, Tenure};
use crate::code::{ErrorCode, NotFoundCode, codes};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::ids::{AgreementId, PersonId, PostId};
use chrono::NaiveDate;

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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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

codes! {
    /// The codes of handing posts over from one person to another.
    pub enum HandoverCode in "handover" {
        /// Handing over to oneself.
        SamePerson = "handover.same_person", error(InvalidInput),
            "Den, der overtager, skal være en anden end den, der afleverer.",
            "The person taking over must differ from the person handing over.";
        /// The person holds no post in scope on the date.
        NothingToHandOver = "handover.nothing_to_hand_over", error(InvalidInput),
            "Personen har ingen post at aflevere på datoen.",
            "The person holds no post in scope on the handover date.";
    }
}

impl HandoverError {
    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            HandoverError::UnknownPerson(_) => NotFoundCode::Person.into(),
            HandoverError::SamePerson => HandoverCode::SamePerson.into(),
            HandoverError::NothingToHandOver(_) => HandoverCode::NothingToHandOver.into(),
            HandoverError::UnknownAgreement(_) => NotFoundCode::Agreement.into(),
        }
    }
}

impl From<HandoverError> for BrobyggerError {
    fn from(e: HandoverError) -> Self {
        let code = e.code();
        match e {
            HandoverError::UnknownPerson(id) => BrobyggerError::not_found(NotFoundCode::Person, id),
            HandoverError::UnknownAgreement(id) => {
                BrobyggerError::not_found(NotFoundCode::Agreement, id)
            }
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

pub(crate) fn handover(
    dossier: &mut Dossier,
    handover: &Handover,
) -> Result<HandoverReport, crate::error::BrobyggerError> {
    if dossier.person(&handover.from).is_none() {
        return Err(HandoverError::UnknownPerson(handover.from.to_string()).into());
    }
    if dossier.person(&handover.to).is_none() {
        return Err(HandoverError::UnknownPerson(handover.to.to_string()).into());
    }
    if handover.from == handover.to {
        return Err(HandoverError::SamePerson.into());
    }
    if let HandoverScope::Agreements { agreements } = &handover.scope
        && let Some(missing) = agreements.iter().find(|a| dossier.agreement(a).is_none())
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
    let plan: Vec<usize> = dossier
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
        let post = &mut dossier.posts[i];
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

pub(crate) fn posts_held_by<'a>(
    dossier: &'a Dossier,
    person: &PersonId,
    date: NaiveDate,
) -> Vec<&'a Post> {
    dossier
        .posts
        .iter()
        .filter(|p| p.holder_on(date) == Some(person))
        .collect()
}
