//! The directory as Open Referral HSDS 3.0 (Human Services Data Specification): the form in
//! which service directories exchange data, here a list of `organization` objects as HSDS's
//! compiled organization schema describes them, each with its locations (premises and offer
//! addresses), phones, identifiers and services, and each service with its schedules,
//! languages, contacts (post titles only), places of delivery and kind of activity.
//!
//! No personal data leaves this way: individuals (champions) are never in the register, a
//! contact is a post's title, never its holder, and only entries the association has agreed to
//! make public are exported unless the export is asked to include internal ones (for an
//! exchange between municipal systems). Identifiers are UUIDs derived from the dossier's ids
//! (RFC 9562 version 8, SHA-256 of a name), so the same association keeps the same UUID from
//! one export to the next. Times are local Danish time (`HH:MM`): HSDS's `timezone` is a fixed
//! UTC offset, which Danish summer time would make wrong for half the year, so the schedule's
//! description says so instead.

use crate::agreement::TargetGroup;
use crate::directory::model::{
    Address, ClockTime, DirectoryOffer, OfferStatus, Recurrence, Visibility,
};
use crate::directory::register::{Directory, DirectoryAssociation};
use crate::error::BrobyggerError;
use crate::i18n::{Label, Lang, t};
use crate::matching::model::profile::{Weekday, language_name};
use sha2::{Digest, Sha256};

/// The HSDS version the export follows.
pub const HSDS_VERSION: &str = "3.0.1";

/// How the directory is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HsdsOptions {
    /// The language of generated texts (descriptions, kinds, target groups, language names).
    pub lang: Lang,
    /// Also export entries visible to municipal staff only (for an exchange between municipal
    /// systems, never for publication).
    pub include_internal: bool,
}

impl From<Lang> for HsdsOptions {
    fn from(lang: Lang) -> Self {
        Self {
            lang,
            include_internal: false,
        }
    }
}

/// An HSDS organization with what it nests.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsOrganization {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<HsdsPhone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<HsdsLocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization_identifiers: Vec<HsdsIdentifier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<HsdsService>,
}

/// An HSDS phone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsPhone {
    pub id: String,
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
}

/// An HSDS organization identifier (the CVR number).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsIdentifier {
    pub id: String,
    pub organization_id: String,
    pub identifier_scheme: String,
    pub identifier_type: String,
    pub identifier: String,
}

/// An HSDS location.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsLocation {
    pub id: String,
    pub location_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<HsdsAddress>,
}

/// An HSDS address.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsAddress {
    pub id: String,
    pub location_id: String,
    pub address_1: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
}

/// An HSDS service.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsService {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<HsdsSchedule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<HsdsLanguage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_at_locations: Vec<HsdsServiceAtLocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<HsdsContact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<HsdsAttribute>,
}

/// An HSDS schedule (iCalendar recurrence in HSDS's fields).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsSchedule {
    pub id: String,
    pub service_id: String,
    pub freq: String,
    pub interval: u32,
    pub byday: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dtstart: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    pub wkst: String,
    pub description: String,
}

/// An HSDS language.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsLanguage {
    pub id: String,
    pub service_id: String,
    pub name: String,
    pub code: String,
}

/// An HSDS service at a location.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsServiceAtLocation {
    pub id: String,
    pub service_id: String,
    pub location_id: String,
}

/// An HSDS contact: a post's title, never a person's name or details.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsContact {
    pub id: String,
    pub service_id: String,
    pub title: String,
}

/// An HSDS attribute: a taxonomy term attached to a service.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsAttribute {
    pub id: String,
    pub link_id: String,
    pub link_type: String,
    pub link_entity: String,
    pub taxonomy_term: HsdsTaxonomyTerm,
}

/// An HSDS taxonomy term.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs)]
pub struct HsdsTaxonomyTerm {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    pub taxonomy: String,
    pub language: String,
}

/// A UUID (RFC 9562 version 8, name based with SHA-256) for `name` in `table`: the same name
/// always gives the same UUID.
pub fn hsds_uuid(table: &str, name: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"brobygger/hsds/");
    h.update(table.as_bytes());
    h.update(b"\0");
    h.update(name.as_bytes());
    let digest = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // variant 10
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The value as written in files (`homework_cafe`).
fn vocab_key<V: serde::Serialize>(v: &V) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn day_code(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

fn time(t: Option<ClockTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn location(org: &str, key: &str, name: &str, address: &Address) -> Option<HsdsLocation> {
    let id = hsds_uuid("location", key);
    // HSDS requires a region for an address; without a municipality code there is none.
    let region = address.region()?;
    Some(HsdsLocation {
        id: id.clone(),
        location_type: "physical".into(),
        organization_id: Some(org.to_owned()),
        name: Some(name.to_owned()),
        latitude: address.location.map(|c| c.lat),
        longitude: address.location.map(|c| c.lon),
        addresses: vec![HsdsAddress {
            id: hsds_uuid("address", key),
            location_id: id,
            address_1: address.street.clone(),
            city: address.city.clone(),
            state_province: region.label(Lang::Da).to_owned(),
            postal_code: address.postal_code.clone(),
            country: "DK".into(),
            address_type: "physical".into(),
        }],
    })
}

fn status(s: OfferStatus) -> &'static str {
    match s {
        OfferStatus::Active => "active",
        OfferStatus::Paused => "temporarily closed",
        OfferStatus::Ended => "inactive",
    }
}

fn eligibility(groups: &[TargetGroup], lang: Lang) -> Option<String> {
    (!groups.is_empty()).then(|| {
        groups
            .iter()
            .map(|g| g.label(lang))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn term(
    service: &str,
    link_type: &str,
    taxonomy: &str,
    code: &str,
    name: &str,
    lang: Lang,
) -> HsdsAttribute {
    let term_key = format!("{taxonomy}/{code}");
    HsdsAttribute {
        id: hsds_uuid("attribute", &format!("{service}/{term_key}")),
        link_id: service.to_owned(),
        link_type: link_type.to_owned(),
        link_entity: "service".into(),
        taxonomy_term: HsdsTaxonomyTerm {
            id: hsds_uuid("taxonomy_term", &term_key),
            code: code.to_owned(),
            name: name.to_owned(),
            description: name.to_owned(),
            taxonomy: taxonomy.to_owned(),
            language: lang.code().to_owned(),
        },
    }
}

fn service(
    a: &DirectoryAssociation,
    o: &DirectoryOffer,
    org: &str,
    premises: Option<&HsdsLocation>,
    locations: &mut Vec<HsdsLocation>,
    lang: Lang,
) -> HsdsService {
    let id = hsds_uuid("service", o.id.as_str());
    let mut at = Vec::new();
    let own = o
        .address
        .as_ref()
        .and_then(|addr| location(org, &format!("offer/{}", o.id), &o.name, addr));
    let place = match own {
        Some(l) => {
            let lid = l.id.clone();
            locations.push(l);
            Some(lid)
        }
        None => premises.map(|p| p.id.clone()),
    };
    if let Some(lid) = place {
        at.push(HsdsServiceAtLocation {
            id: hsds_uuid("service_at_location", &format!("{}@{lid}", o.id)),
            service_id: id.clone(),
            location_id: lid,
        });
    }
    let note = t(
        lang,
        "Lokal dansk tid (Europe/Copenhagen).",
        "Local Danish time (Europe/Copenhagen).",
    );
    let schedules = o
        .schedule
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (freq, interval, byday) = match r.recurrence {
                Recurrence::Weekly => ("WEEKLY", 1, days(&r.days, None)),
                Recurrence::EveryOtherWeek => ("WEEKLY", 2, days(&r.days, None)),
                Recurrence::Monthly { nth } => ("MONTHLY", 1, days(&r.days, Some(nth))),
            };
            HsdsSchedule {
                id: hsds_uuid("schedule", &format!("{}#{i}", o.id)),
                service_id: id.clone(),
                freq: freq.into(),
                interval,
                byday,
                opens_at: time(r.opens),
                closes_at: time(r.closes),
                dtstart: r.valid_from.map(|d| d.to_string()),
                valid_from: r.valid_from.map(|d| d.to_string()),
                valid_to: r.valid_to.map(|d| d.to_string()),
                wkst: "MO".into(),
                description: match &r.note {
                    Some(n) => format!("{note} {n}"),
                    None => note.to_owned(),
                },
            }
        })
        .collect();
    let languages = a
        .offer_languages(o)
        .iter()
        .map(|code| HsdsLanguage {
            id: hsds_uuid("language", &format!("{}/{code}", o.id)),
            service_id: id.clone(),
            name: language_name(code, lang),
            code: code.clone(),
        })
        .collect();
    let contacts = o
        .contact_post
        .as_ref()
        .map(|p| (p.clone(), None))
        .or_else(|| {
            a.contact_post
                .as_ref()
                .map(|c| (c.post.clone(), Some(c.title.clone())))
        })
        .and_then(|(post, title)| {
            let title = title.or_else(|| {
                a.contact_post
                    .as_ref()
                    .filter(|c| c.post == post)
                    .map(|c| c.title.clone())
            })?;
            (!title.trim().is_empty()).then(|| HsdsContact {
                id: hsds_uuid("contact", &format!("{}/{post}", o.id)),
                service_id: id.clone(),
                title,
            })
        })
        .into_iter()
        .collect();
    let mut attributes = vec![term(
        &id,
        "service_type",
        "brobygger activity kinds",
        &vocab_key(&o.kind),
        o.kind.label(lang),
        lang,
    )];
    for g in a.offer_target_groups(o) {
        attributes.push(term(
            &id,
            "target_group",
            "brobygger target groups",
            &vocab_key(g),
            g.label(lang),
            lang,
        ));
    }
    HsdsService {
        id: id.clone(),
        organization_id: org.to_owned(),
        name: o.name.clone(),
        description: o.description.clone(),
        status: status(o.status).into(),
        eligibility_description: eligibility(a.offer_target_groups(o), lang),
        schedules,
        languages,
        service_at_locations: at,
        contacts,
        attributes,
    }
}

fn days(days: &[Weekday], nth: Option<i8>) -> String {
    days.iter()
        .map(|d| match nth {
            Some(n) => format!("{n}{}", day_code(*d)),
            None => day_code(*d).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn organization(a: &DirectoryAssociation, lang: Lang) -> HsdsOrganization {
    let id = hsds_uuid("organization", a.organisation.as_str());
    let description = a.summary.clone().unwrap_or_else(|| {
        let kind = a.kind.label(lang);
        let mut first = kind.chars();
        let kind = match first.next() {
            Some(c) => c.to_uppercase().chain(first).collect::<String>(),
            None => String::new(),
        };
        match &a.area {
            Some(area) => format!("{kind} {} {area}.", t(lang, "i", "in")),
            None => format!("{kind}."),
        }
    });
    let mut locations = Vec::new();
    let premises = a
        .premises
        .as_ref()
        .and_then(|p| location(&id, &format!("premises/{}", a.organisation), &a.name, p));
    if let Some(p) = &premises {
        locations.push(p.clone());
    }
    let services = a
        .offers
        .iter()
        .map(|o| service(a, o, &id, premises.as_ref(), &mut locations, lang))
        .collect();
    let organization_identifiers = a
        .organisation
        .as_str()
        .strip_prefix("DK-CVR-")
        .map(|cvr| HsdsIdentifier {
            id: hsds_uuid("organization_identifier", a.organisation.as_str()),
            organization_id: id.clone(),
            identifier_scheme: "DK-CVR".into(),
            identifier_type: "CVR".into(),
            identifier: cvr.to_owned(),
        })
        .into_iter()
        .collect();
    HsdsOrganization {
        id: id.clone(),
        name: a.name.clone(),
        description,
        email: a.contact.email.clone(),
        website: a.contact.website.clone(),
        phones: a
            .contact
            .phone
            .iter()
            .map(|n| HsdsPhone {
                id: hsds_uuid("phone", a.organisation.as_str()),
                number: n.clone(),
                organization_id: Some(id.clone()),
            })
            .collect(),
        locations,
        organization_identifiers,
        services,
    }
}

pub(crate) fn export(directory: &Directory, options: HsdsOptions) -> Vec<HsdsOrganization> {
    directory
        .associations
        .iter()
        .filter(|a| options.include_internal || a.visibility == Visibility::Public)
        .map(|a| organization(a, options.lang))
        .collect()
}

pub(crate) fn export_json(
    directory: &Directory,
    options: HsdsOptions,
) -> Result<String, BrobyggerError> {
    let mut s = serde_json::to_string_pretty(&export(directory, options)).map_err(|e| {
        BrobyggerError::Internal {
            code: crate::code::InternalCode::Serialize.into(),
            reason: e.to_string(),
        }
    })?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_version_8() {
        let a = hsds_uuid("organization", "DK-LOCAL-lawan-horsens");
        assert_eq!(a, hsds_uuid("organization", "DK-LOCAL-lawan-horsens"));
        assert_ne!(a, hsds_uuid("service", "DK-LOCAL-lawan-horsens"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
