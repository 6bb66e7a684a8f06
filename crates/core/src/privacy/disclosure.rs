//! Disclosure on acceptance: a match proposal's life from "proposed" to "contact details
//! released", with every release recorded with its basis, and the manifest of everything
//! disclosed.
//!
//! Buddy programmes pass a volunteer's details to a household, and the household's to the
//! volunteer, only after both accepted a concrete proposal. Here that is the only way:
//!
//! ```text
//! proposed ──► accepted by the household ──► accepted by the volunteer ──► released
//!    │                  │                             │
//!    └──────────────────┴──── declined · withdrawn ───┘   (and expired, before both accepted)
//! ```
//!
//! The household's side answers first: a volunteer sees the household's shareable profile when
//! asked, so asking the household first means no volunteer reads about someone who does not
//! want the match. A release needs a consent or other basis for passing on contact details for
//! each side whose details go out, on the day of the release; it is refused otherwise, and
//! nothing changes. The library never holds a household's contact details (they stay in the
//! municipality's case system): a release records which fields were passed on, to whom and why.

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::FieldPath;
use crate::i18n::{Label, Lang, Text};
use crate::ids::{ConsentId, MatchRunId, NewcomerId, OfferId, PostId, ProposalId};
use crate::matching::lookup::{find_match_run, find_offer};
use crate::present::render::Present;
use crate::present::table::{Cell, Column, Table};
use crate::privacy::lookup::{find_consent, find_proposal};
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::{BasisRef, Subject};
use crate::privacy::model::proposal::{
    ContactField, DEFAULT_ANSWER_DAYS, Disclosure, MatchProposal, ProposalEvent, ProposalEventKind,
    ProposalSide, ProposalState, Recipient, step,
};
use crate::privacy::register::Register;
use crate::time::Timestamp;
use crate::validation_code::ValidationCode;
use chrono::NaiveDate;

/// A request to propose a match.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProposeMatch {
    /// The household.
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// When.
    pub at: Timestamp,
    /// The first day it is no longer open; [`DEFAULT_ANSWER_DAYS`] after `at` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<NaiveDate>,
    /// The stored run that proposed it; the run must contain the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<MatchRunId>,
    /// The proposal's id; `mp-<n>` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ProposalId>,
    /// The post proposing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PostId>,
}

/// A request to release contact details after both sides accepted.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReleaseRequest {
    /// The proposal.
    pub proposal: ProposalId,
    /// When.
    pub at: Timestamp,
    /// The household's details passed to the volunteer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_volunteer: Vec<ContactField>,
    /// The volunteer's details passed to the household.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_household: Vec<ContactField>,
    /// The post releasing them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PostId>,
}

/// One line of an export manifest: what was disclosed, about whom, to whom and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ManifestEntry {
    /// When, for recorded releases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    /// Whose data; absent for aggregate tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// To whom.
    pub recipient: Recipient,
    /// The fields, e.g. `contact.phone`, `newcomer.languages`, `table:arrival_quarter×area`.
    pub fields: Vec<String>,
    /// What for.
    pub purpose: Purpose,
    /// The consent or basis, when one was needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<BasisRef>,
    /// Why, in words.
    pub reason: Text,
}

/// Every field disclosed, to whom and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExportManifest {
    /// The entries, oldest first for recorded releases.
    pub entries: Vec<ManifestEntry>,
}

impl ExportManifest {
    /// The manifest as a readable Markdown table.
    pub fn markdown(&self, lang: Lang) -> String {
        self.tables(lang)
            .first()
            .map(|t| t.markdown(lang))
            .unwrap_or_default()
    }
}

impl Present for ExportManifest {
    fn title(&self, lang: Lang) -> String {
        crate::i18n::t(lang, "Udleveret", "Disclosed").to_owned()
    }

    /// One table, `manifest`: `at` (the time, for recorded releases), `subject`, `recipient`,
    /// `fields`, `purpose`, `basis` and `reason` (in `lang`).
    fn tables(&self, lang: Lang) -> Vec<Table> {
        let mut t = manifest_table();
        for e in &self.entries {
            let to = match &e.recipient {
                Recipient::Household { newcomer } => format!("newcomer:{newcomer}"),
                Recipient::Volunteer { offer } => format!("offer:{offer}"),
                Recipient::Group { audience } => audience.label(lang).to_owned(),
            };
            t.push(vec![
                Cell::opt(e.at, |at| {
                    Cell::text(at.format("%Y-%m-%d %H:%M").to_string())
                }),
                Cell::opt(e.subject.as_ref(), |s| Cell::text(s.key())),
                Cell::text(to),
                Cell::list(e.fields.iter().cloned()),
                Cell::text(e.purpose.label(lang)),
                Cell::opt(e.basis.as_ref(), |b| Cell::text(b.key())),
                Cell::text(e.reason.get(lang)),
            ]);
        }
        vec![t]
    }
}

fn proposal_path(k: usize) -> FieldPath {
    FieldPath::root()
        .field("privacy")
        .field("proposals")
        .index(k)
}

fn basis_reason(d: &Dossier, basis: &BasisRef, purpose: Purpose) -> Text {
    match basis {
        BasisRef::Consent { consent } => {
            let version = find_consent(d, consent)
                .map(|c| c.text_version.clone())
                .unwrap_or_default();
            Text::new(
                format!(
                    "Samtykke {consent} (tekst {version}) til {}.",
                    purpose.label(Lang::Da)
                ),
                format!(
                    "Consent {consent} (text {version}) to {}.",
                    purpose.label(Lang::En)
                ),
            )
        }
        BasisRef::Legal { basis } => {
            let b = d.privacy.bases.iter().find(|b| &b.id == basis);
            let (da, en, reference) = b
                .map(|b| {
                    (
                        b.basis.label(Lang::Da),
                        b.basis.label(Lang::En),
                        format!("{}; {}", b.basis.citation(), b.reference),
                    )
                })
                .unwrap_or(("", "", String::new()));
            Text::new(
                format!("Hjemmel {basis}: {da} ({reference})."),
                format!("Basis {basis}: {en} ({reference})."),
            )
        }
    }
}

fn proposal_index(dossier: &Dossier, id: &ProposalId) -> Result<usize, BrobyggerError> {
    dossier
        .privacy
        .proposals
        .iter()
        .position(|p| &p.id == id)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Proposal, id))
}

pub(crate) fn propose_match(
    dossier: &mut Dossier,
    request: ProposeMatch,
) -> Result<ProposalId, BrobyggerError> {
    if !dossier
        .cohorts
        .iter()
        .any(|c| c.newcomer(&request.newcomer).is_some())
    {
        return Err(BrobyggerError::not_found(
            NotFoundCode::Newcomer,
            &request.newcomer,
        ));
    }
    if find_offer(dossier, &request.offer).is_none() {
        return Err(BrobyggerError::not_found(
            NotFoundCode::Offer,
            &request.offer,
        ));
    }
    if let Some(run) = &request.run {
        let r = find_match_run(dossier, run)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::MatchRun, run))?;
        if !r
            .matches
            .iter()
            .any(|m| m.newcomer == request.newcomer && m.offer == request.offer)
        {
            return Err(PrivacyError::NotInRun {
                run: run.to_string(),
                newcomer: request.newcomer.to_string(),
                offer: request.offer.to_string(),
            }
            .into());
        }
    }
    let at = request.at;
    if dossier.privacy.proposals.iter().any(|p| {
        p.newcomer == request.newcomer && p.offer == request.offer && !p.state_at(at).is_closed()
    }) {
        return Err(PrivacyError::DuplicateProposal {
            newcomer: request.newcomer.to_string(),
            offer: request.offer.to_string(),
        }
        .into());
    }
    let expires_on = request.expires_on.unwrap_or_else(|| {
        // Checked: at the calendar's end there is no later day, and the check below refuses.
        at.date_naive()
            .checked_add_signed(chrono::TimeDelta::days(DEFAULT_ANSWER_DAYS))
            .unwrap_or(NaiveDate::MAX)
    });
    if expires_on <= at.date_naive() {
        return Err(PrivacyError::DateBefore {
            field: "expires_on",
            before: "the day after the proposal",
        }
        .into());
    }
    Register::of(dossier).require(
        &Subject::newcomer(request.newcomer.clone()),
        Purpose::Matching,
        None,
        at.date_naive(),
    )?;
    let id = match request.id {
        Some(id) => {
            if find_proposal(dossier, &id).is_some() {
                return Err(BrobyggerError::invalid_input(
                    ValidationCode::DuplicateId,
                    "id",
                    format!("the proposal id {id} is already used"),
                ));
            }
            id
        }
        None => {
            let mut n = dossier.privacy.proposals.len() + 1;
            while find_proposal(dossier, &ProposalId::new(format!("mp-{n}"))).is_some() {
                n += 1;
            }
            ProposalId::new(format!("mp-{n}"))
        }
    };
    dossier.privacy.proposals.push(MatchProposal {
        id: id.clone(),
        newcomer: request.newcomer,
        offer: request.offer,
        run: request.run,
        proposed_at: at,
        expires_on,
        events: Vec::new(),
    });
    Ok(id)
}

pub(crate) fn propose_run(
    dossier: &mut Dossier,
    run: &MatchRunId,
    at: Timestamp,
    expires_on: Option<NaiveDate>,
    by: Option<PostId>,
) -> Result<Vec<ProposalId>, BrobyggerError> {
    let r = find_match_run(dossier, run)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::MatchRun, run))?
        .clone();
    let mut next = dossier.clone();
    let mut ids = Vec::new();
    for m in &r.matches {
        ids.push(propose_match(
            &mut next,
            ProposeMatch {
                newcomer: m.newcomer.clone(),
                offer: m.offer.clone(),
                at,
                expires_on,
                run: Some(run.clone()),
                id: None,
                by: by.clone(),
            },
        )?);
    }
    *dossier = next;
    Ok(ids)
}

/// Records a step of a proposal, checking order, time and expiry.
fn record_step(
    dossier: &mut Dossier,
    proposal: &ProposalId,
    at: Timestamp,
    kind: ProposalEventKind,
    by: Option<PostId>,
) -> Result<ProposalState, BrobyggerError> {
    let k = proposal_index(dossier, proposal)?;
    let p = &dossier.privacy.proposals[k];
    let last = p.events.last().map_or(p.proposed_at, |e| e.at);
    if at < last {
        return Err(PrivacyError::EventBeforePrevious.into());
    }
    let current = p.state_at(at);
    if current == ProposalState::Expired && !matches!(kind, ProposalEventKind::Expired) {
        return Err(PrivacyError::ProposalExpired(proposal.to_string()).into());
    }
    if current.is_closed() {
        return Err(PrivacyError::ProposalClosed(proposal.to_string()).into());
    }
    let next = match step(current, &kind) {
        Some(next) => next,
        None => {
            return Err(match kind {
                ProposalEventKind::AcceptedByVolunteer => {
                    PrivacyError::OutOfOrder(proposal.to_string())
                }
                ProposalEventKind::Released { .. } => {
                    PrivacyError::ReleaseBeforeAcceptance(proposal.to_string())
                }
                ProposalEventKind::Expired => PrivacyError::InvalidParameter {
                    field: "at",
                    reason: "a proposal expires only on or after its expiry day, before both sides accepted",
                },
                _ => PrivacyError::ProposalClosed(proposal.to_string()),
            }
            .into());
        }
    };
    dossier.privacy.proposals[k]
        .events
        .push(ProposalEvent { at, kind, by });
    Ok(next)
}

pub(crate) fn accept_proposal(
    dossier: &mut Dossier,
    proposal: &ProposalId,
    side: ProposalSide,
    at: Timestamp,
    by: Option<PostId>,
) -> Result<ProposalState, BrobyggerError> {
    let kind = match side {
        ProposalSide::Newcomer => ProposalEventKind::AcceptedByNewcomer,
        ProposalSide::Volunteer => ProposalEventKind::AcceptedByVolunteer,
    };
    record_step(dossier, proposal, at, kind, by)
}

pub(crate) fn decline_proposal(
    dossier: &mut Dossier,
    proposal: &ProposalId,
    side: ProposalSide,
    at: Timestamp,
    by: Option<PostId>,
) -> Result<ProposalState, BrobyggerError> {
    record_step(
        dossier,
        proposal,
        at,
        ProposalEventKind::Declined { side },
        by,
    )
}

pub(crate) fn withdraw_proposal(
    dossier: &mut Dossier,
    proposal: &ProposalId,
    at: Timestamp,
    by: Option<PostId>,
) -> Result<ProposalState, BrobyggerError> {
    record_step(
        dossier,
        proposal,
        at,
        ProposalEventKind::Withdrawn { consent: None },
        by,
    )
}

pub(crate) fn expire_proposals(dossier: &mut Dossier, on: NaiveDate) -> Vec<ProposalId> {
    let mut out = Vec::new();
    for p in &mut dossier.privacy.proposals {
        let state = p.state();
        if matches!(
            state,
            ProposalState::Proposed | ProposalState::AcceptedByNewcomer
        ) && p.expires_on <= on
        {
            let last = p.events.last().map_or(p.proposed_at, |e| e.at);
            let at = crate::time::start_of_day(p.expires_on).max(last);
            p.events.push(ProposalEvent {
                at,
                kind: ProposalEventKind::Expired,
                by: None,
            });
            out.push(p.id.clone());
        }
    }
    out
}

pub(crate) fn release_contact_details(
    dossier: &mut Dossier,
    request: ReleaseRequest,
) -> Result<Vec<Disclosure>, BrobyggerError> {
    let k = proposal_index(dossier, &request.proposal)?;
    let p = dossier.privacy.proposals[k].clone();
    let state = p.state_at(request.at);
    if state.is_closed() {
        return Err(PrivacyError::ProposalClosed(p.id.to_string()).into());
    }
    if state != ProposalState::AcceptedByVolunteer {
        return Err(PrivacyError::ReleaseBeforeAcceptance(p.id.to_string()).into());
    }
    if request.to_volunteer.is_empty() && request.to_household.is_empty() {
        return Err(PrivacyError::NothingToRelease.into());
    }
    let on = request.at.date_naive();
    let register = Register::of(dossier);
    let mut disclosures = Vec::new();
    let sorted = |v: &[ContactField]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    if !request.to_volunteer.is_empty() {
        let subject = Subject::newcomer(p.newcomer.clone());
        let basis = register.require(&subject, Purpose::ContactDisclosure, None, on)?;
        disclosures.push(Disclosure {
            subject,
            recipient: Recipient::Volunteer {
                offer: p.offer.clone(),
            },
            fields: sorted(&request.to_volunteer),
            purpose: Purpose::ContactDisclosure,
            basis,
        });
    }
    if !request.to_household.is_empty() {
        let subject = match find_offer(dossier, &p.offer).and_then(|o| o.volunteer.clone()) {
            Some(person) => Subject::person(person),
            None => Subject::offer(p.offer.clone()),
        };
        let basis = register.require(&subject, Purpose::ContactDisclosure, None, on)?;
        disclosures.push(Disclosure {
            subject,
            recipient: Recipient::Household {
                newcomer: p.newcomer.clone(),
            },
            fields: sorted(&request.to_household),
            purpose: Purpose::ContactDisclosure,
            basis,
        });
    }
    record_step(
        dossier,
        &request.proposal,
        request.at,
        ProposalEventKind::Released {
            disclosures: disclosures.clone(),
        },
        request.by,
    )?;
    Ok(disclosures)
}

pub(crate) fn disclosure_manifest(
    dossier: &Dossier,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> ExportManifest {
    let mut entries: Vec<ManifestEntry> = dossier
        .privacy
        .proposals
        .iter()
        .flat_map(|p| p.disclosures())
        .filter(|(at, _)| {
            let day = at.date_naive();
            from.is_none_or(|f| f <= day) && until.is_none_or(|u| day < u)
        })
        .map(|(at, d)| ManifestEntry {
            at: Some(at),
            subject: Some(d.subject.clone()),
            recipient: d.recipient.clone(),
            fields: d.fields.iter().map(|f| f.key()).collect(),
            purpose: d.purpose,
            basis: Some(d.basis.clone()),
            reason: basis_reason(dossier, &d.basis, d.purpose),
        })
        .collect();
    entries.sort_by_key(|e| e.at);
    ExportManifest { entries }
}

/// Closes the open proposals of a consent's subject that need it: matching (no other basis for
/// matching the household) or contact disclosure after acceptance. Returns their positions and
/// ids.
pub(crate) fn close_after_withdrawal(
    d: &mut Dossier,
    consent: &ConsentId,
    on: NaiveDate,
) -> Vec<(usize, ProposalId)> {
    let Some(c) = find_consent(d, consent).cloned() else {
        return Vec::new();
    };
    let at = crate::time::start_of_day(on);
    let mut closing = Vec::new();
    for (k, p) in d.privacy.proposals.iter().enumerate() {
        if p.closed_on(on).is_some() {
            continue;
        }
        let household = Subject::newcomer(p.newcomer.clone());
        let volunteer = match find_offer(d, &p.offer).and_then(|o| o.volunteer.clone()) {
            Some(person) => Subject::person(person),
            None => Subject::offer(p.offer.clone()),
        };
        let register = Register::of(d);
        let concerns = register_same(&register, &c.subject, &household)
            || register_same(&register, &c.subject, &volunteer);
        if !concerns {
            continue;
        }
        let lost = |subject: &Subject, purpose: Purpose| {
            c.purposes.contains(&purpose) && register.find(subject, purpose, None, on).is_none()
        };
        let needs_matching =
            register_same(&register, &c.subject, &household) && lost(&household, Purpose::Matching);
        let needs_contact = lost(&household, Purpose::ContactDisclosure)
            && register_same(&register, &c.subject, &household)
            || lost(&volunteer, Purpose::ContactDisclosure)
                && register_same(&register, &c.subject, &volunteer);
        if needs_matching || needs_contact {
            closing.push((k, p.id.clone()));
        }
    }
    for (k, _) in &closing {
        if let Some(p) = d.privacy.proposals.get_mut(*k) {
            let last = p.events.last().map_or(p.proposed_at, |e| e.at);
            p.events.push(ProposalEvent {
                at: at.max(last),
                kind: ProposalEventKind::Withdrawn {
                    consent: Some(consent.clone()),
                },
                by: None,
            });
        }
    }
    closing
}

fn register_same(register: &Register<'_>, a: &Subject, b: &Subject) -> bool {
    register.same_subject(a, b)
}

/// The path of a proposal, for findings.
pub(crate) fn path_of(k: usize) -> FieldPath {
    proposal_path(k)
}

pub(crate) fn manifest_table() -> Table {
    Table::new(
        "manifest",
        Text::new("Udleveret", "Disclosed"),
        vec![
            Column::text("at", "tidspunkt", "when").optional(),
            Column::text("subject", "om hvem", "about").optional(),
            Column::text("recipient", "til hvem", "to"),
            Column::list("fields", "felter", "fields"),
            Column::text("purpose", "formål", "purpose"),
            Column::text("basis", "grundlag", "basis").optional(),
            Column::text("reason", "hvorfor", "why"),
        ],
    )
}

/// The tables of this file by name, empty.
pub(crate) fn empty(name: &str) -> Option<Table> {
    Some(match name {
        "manifest" => manifest_table(),
        _ => return None,
    })
}
