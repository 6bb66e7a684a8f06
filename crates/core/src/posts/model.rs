//! Posts and their holders: who held which role when, kept as history.
//!
//! A post ("municipal coordinator of the LBB partnership") exists independently of the person
//! holding it. Holders are tenures with a start and an optional end, so a change of person adds
//! history instead of overwriting it; continuity and turnover are computed from that history
//! (001 "Kontinuitet i en dynamisk verden").

use crate::actors::PartyRef;
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
