//! The directory as a register: one row per association, built from a dossier's organisations,
//! their directory entries and the activities they lead in running agreements.
//!
//! Every organisation of the dossier is in the register except individuals (a champion's name
//! is personal data): an organisation with no entry shows what its profile says (kind, area,
//! activities), one with an entry adds its public contact, languages, target groups, premises
//! and offers. An activity an organisation leads in an active or signed agreement is an offer
//! too, unless one of the entry's offers already carries it out.

use crate::actors::{Organisation, OrganisationKind, PartyRef};
use crate::agreement::{TargetGroup, Track};
use crate::directory::model::{
    ActivityRef, Address, DirectoryEntry, DirectoryOffer, PublicContact, Visibility,
};
use crate::dossier::Dossier;
use crate::ids::{AgreementId, OrganisationId, PostId, ServiceId};
use crate::status::AgreementStatus;
use chrono::NaiveDate;

/// The register of associations and their offers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Directory {
    /// The associations, by name.
    pub associations: Vec<DirectoryAssociation>,
}

/// One association in the register.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryAssociation {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Its name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: OrganisationKind,
    /// Who may see it.
    pub visibility: Visibility,
    /// Whether it has an entry of its own (otherwise the row shows its profile only).
    pub listed: bool,
    /// The area it works in.
    pub area: Option<String>,
    /// The activities its profile names.
    pub activities: Vec<String>,
    /// Its description.
    pub summary: Option<String>,
    /// The languages it works in (ISO 639 codes).
    pub languages: Vec<String>,
    /// Who it works for.
    pub target_groups: Vec<TargetGroup>,
    /// The post to contact.
    pub contact_post: Option<ContactPost>,
    /// Its functional contact details.
    pub contact: PublicContact,
    /// Its premises.
    pub premises: Option<Address>,
    /// Its offers: the entry's own, then the activities it leads in running agreements.
    pub offers: Vec<DirectoryOffer>,
    /// The agreements it is a party to.
    pub agreements: Vec<AgreementId>,
    /// When the entry was last checked.
    pub updated_on: Option<NaiveDate>,
}

/// The post to contact, by its title (never its holder).
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContactPost {
    /// The post.
    pub post: PostId,
    /// Its title, e.g. "Formand".
    pub title: String,
    /// Whether nobody held it on the day the register was built for (`None` when built
    /// without a day).
    pub vacant: Option<bool>,
}

/// How a register is built from a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryOptions {
    /// The day the register describes: contact posts are checked for a holder on it. `None`
    /// leaves vacancies unknown.
    pub as_of: Option<NaiveDate>,
    /// Leave out organisations without an entry of their own.
    pub listed_only: bool,
}

impl DirectoryOptions {
    /// A register as of `day`.
    pub fn as_of(day: NaiveDate) -> Self {
        Self {
            as_of: Some(day),
            listed_only: false,
        }
    }
}

impl From<NaiveDate> for DirectoryOptions {
    fn from(day: NaiveDate) -> Self {
        DirectoryOptions::as_of(day)
    }
}

pub(crate) fn build(dossier: &Dossier, options: DirectoryOptions) -> Directory {
    let mut associations: Vec<DirectoryAssociation> = dossier
        .organisations
        .iter()
        .filter(|o| !o.is_individual())
        .filter_map(|o| {
            let entry = dossier.directory.iter().find(|e| e.organisation == o.id);
            if options.listed_only && entry.is_none() {
                return None;
            }
            Some(association(dossier, o, entry, options))
        })
        .collect();
    associations.sort_by(|a, b| {
        crate::directory::text::sort_key(&a.name)
            .cmp(&crate::directory::text::sort_key(&b.name))
            .then_with(|| a.organisation.cmp(&b.organisation))
    });
    Directory { associations }
}

fn association(
    dossier: &Dossier,
    o: &Organisation,
    entry: Option<&DirectoryEntry>,
    options: DirectoryOptions,
) -> DirectoryAssociation {
    let party = PartyRef::Organisation {
        organisation: o.id.clone(),
    };
    let agreements: Vec<AgreementId> = dossier
        .agreements
        .iter()
        .filter(|a| {
            a.terms()
                .is_some_and(|t| t.parties.iter().any(|p| p.party == party))
        })
        .map(|a| a.id.clone())
        .collect();
    let mut offers: Vec<DirectoryOffer> = entry.map(|e| e.offers.clone()).unwrap_or_default();
    for a in &dossier.agreements {
        if !matches!(a.status, AgreementStatus::Active | AgreementStatus::Signed) {
            continue;
        }
        let Some(terms) = a.terms() else { continue };
        for act in &terms.activities {
            if act.track != Track::User || act.lead.as_ref() != Some(&party) {
                continue;
            }
            let r = ActivityRef {
                agreement: a.id.clone(),
                activity: act.id.clone(),
            };
            if offers.iter().any(|x| x.activity.as_ref() == Some(&r)) {
                continue;
            }
            let mut offer = DirectoryOffer::new(
                ServiceId::new(format!("{}/{}", a.id, act.id)),
                act.name.clone(),
                act.kind,
            );
            offer.area = act.area.clone();
            offer.target_groups = act.target_groups.clone();
            offer.activity = Some(r);
            offers.push(offer);
        }
    }
    let contact_post = entry.and_then(|e| e.contact_post.as_ref()).map(|id| {
        let post = dossier.post(id);
        ContactPost {
            post: id.clone(),
            title: post.map(|p| p.title.clone()).unwrap_or_default(),
            vacant: options
                .as_of
                .map(|day| post.is_none_or(|p| p.holder_on(day).is_none())),
        }
    });
    DirectoryAssociation {
        organisation: o.id.clone(),
        name: o.name.clone(),
        kind: o.kind,
        visibility: entry.map(|e| e.visibility).unwrap_or_default(),
        listed: entry.is_some(),
        area: o.profile.area.clone(),
        activities: o.profile.activities.clone(),
        summary: entry.and_then(|e| e.summary.clone()),
        languages: entry.map(|e| e.languages.clone()).unwrap_or_default(),
        target_groups: entry.map(|e| e.target_groups.clone()).unwrap_or_default(),
        contact_post,
        contact: entry.map(|e| e.contact.clone()).unwrap_or_default(),
        premises: entry.and_then(|e| e.premises.clone()),
        offers,
        agreements,
        updated_on: entry.and_then(|e| e.updated_on),
    }
}

impl Directory {
    /// The association with `id`.
    pub fn association(&self, id: &OrganisationId) -> Option<&DirectoryAssociation> {
        self.associations.iter().find(|a| &a.organisation == id)
    }

    /// How many offers the register holds.
    pub fn offer_count(&self) -> usize {
        self.associations.iter().map(|a| a.offers.len()).sum()
    }
}

impl DirectoryAssociation {
    /// The languages an offer is given in: its own, or else the association's.
    pub fn offer_languages<'a>(&'a self, offer: &'a DirectoryOffer) -> &'a [String] {
        if offer.languages.is_empty() {
            &self.languages
        } else {
            &offer.languages
        }
    }

    /// Who an offer is for: its own target groups, or else the association's.
    pub fn offer_target_groups<'a>(&'a self, offer: &'a DirectoryOffer) -> &'a [TargetGroup] {
        if offer.target_groups.is_empty() {
            &self.target_groups
        } else {
            &offer.target_groups
        }
    }

    /// Where an offer is: its own area, or else the association's.
    pub fn offer_area<'a>(&'a self, offer: &'a DirectoryOffer) -> Option<&'a str> {
        offer.area.as_deref().or(self.area.as_deref())
    }
}
