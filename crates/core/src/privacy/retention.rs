//! Retention: policies per record type, a report of what is due for deletion or anonymisation
//! on a day (with a warning period before), and applying what is due, with cascade.
//!
//! | record type | clock starts | actions |
//! |---|---|---|
//! | `match_correspondence` (a proposal, its answers and releases) | the day it closed | delete |
//! | `inactive_household` | the household's last activity: arrival, meetings, introductions, proposals, consents, runs | anonymise or delete |
//! | `match_run` | the run's day | delete |
//! | `ended_consent` (evidence of a withdrawn or lapsed consent) | withdrawal or lapse | delete, once nothing refers to it |
//! | `inactive_person` (a volunteer or staff member) | the end of their last post, when they hold none and have no offer | anonymise |
//!
//! The periods are the controller's decision (its deletion policy, arkivloven for the
//! municipality's own records); the library only keeps time. A record past its period that
//! another record still needs (a consent a stored run cites) is *held back* and reported.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::{Label, Lang, Text, labels};
use crate::ids::{ConsentId, MatchRunId, NewcomerId, PersonId, PolicyId, ProposalId};
use crate::privacy::anonymise::{
    AnonymisationReport, AnonymisationScope, AnonymiseOptions, anonymise,
};
use crate::privacy::consent::check_privacy_change;
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{BasisRef, BasisScope, Subject};
use crate::privacy::model::retention::{RecordType, RetentionAction, RetentionPolicy};
use chrono::{Months, NaiveDate};
use std::collections::{BTreeSet, HashMap};

/// The record an item is about.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RecordRef {
    /// A proposal.
    Proposal {
        /// Its id.
        proposal: ProposalId,
    },
    /// A household.
    Household {
        /// Its id.
        newcomer: NewcomerId,
    },
    /// A stored run.
    Run {
        /// Its id.
        run: MatchRunId,
    },
    /// A consent.
    Consent {
        /// Its id.
        consent: ConsentId,
    },
    /// A person.
    Person {
        /// Their id.
        person: PersonId,
    },
}

/// Where a record stands against its policy.
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
pub enum RetentionState {
    /// Due within the warning period.
    Upcoming,
    /// Due now.
    Due,
    /// Past its period but still needed by another record.
    HeldBack,
}

labels!(RetentionState, "retention_state" {
    Upcoming => ("snart", "upcoming"),
    Due => ("nu", "due"),
    HeldBack => ("holdt tilbage", "held back"),
});

/// A record due (or soon due) under a policy.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RetentionItem {
    /// The policy.
    pub policy: PolicyId,
    /// The record type.
    pub record: RecordType,
    /// The record.
    pub target: RecordRef,
    /// Where it is in the dossier.
    pub path: FieldPath,
    /// The day its clock started.
    pub since: NaiveDate,
    /// The day it is due.
    pub due_on: NaiveDate,
    /// What happens then.
    pub action: RetentionAction,
    /// Where it stands.
    pub state: RetentionState,
}

/// What is due on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RetentionReport {
    /// The day.
    pub on: NaiveDate,
    /// Due, upcoming and held-back records, by due day.
    pub items: Vec<RetentionItem>,
    /// The same as findings with paths.
    pub findings: Vec<Finding>,
}

/// What applying retention did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RetentionOutcome {
    /// Records deleted.
    pub deleted: Vec<RecordRef>,
    /// Records anonymised (under their old ids, which no longer exist in the dossier).
    pub anonymised: u32,
    /// The anonymisation's counts, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymisation: Option<AnonymisationReport>,
    /// The report the actions were taken from.
    pub report: RetentionReport,
}

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn privacy_path(list: &str, k: usize) -> FieldPath {
    FieldPath::root().field("privacy").field(list).index(k)
}

/// Records already anonymised, by their fresh ids.
fn anonymised_subjects(d: &Dossier) -> BTreeSet<Subject> {
    d.privacy
        .anonymisations
        .iter()
        .flat_map(|a| a.records.iter().cloned())
        .collect()
}

/// The latest day each household was active in something linked to it: introductions,
/// proposals and their events, consents given or withdrawn, runs that considered it.
fn linked_activity(d: &Dossier) -> HashMap<&str, NaiveDate> {
    fn touch<'a>(last: &mut HashMap<&'a str, NaiveDate>, id: &'a NewcomerId, day: NaiveDate) {
        let e = last.entry(id.as_str()).or_insert(day);
        *e = (*e).max(day);
    }
    let mut last: HashMap<&str, NaiveDate> = HashMap::new();

    for c in &d.cohorts {
        for r in &c.introductions {
            touch(&mut last, &r.newcomer, r.on);
        }
    }
    for p in &d.privacy.proposals {
        touch(&mut last, &p.newcomer, p.proposed_at.date_naive());
        if let Some(e) = p.events.last() {
            touch(&mut last, &p.newcomer, e.at.date_naive());
        }
    }
    for c in &d.privacy.consents {
        if let Subject::Newcomer { newcomer } = &c.subject {
            touch(&mut last, newcomer, c.given_on);
            if let Some(w) = c.withdrawn_on {
                touch(&mut last, newcomer, w);
            }
        }
    }
    for r in &d.match_runs {
        for m in &r.matches {
            touch(&mut last, &m.newcomer, r.as_of);
        }
        for u in &r.unmatched {
            touch(&mut last, &u.newcomer, r.as_of);
        }
    }
    last
}

/// The household's last activity: the latest of its own dates and everything linked to it.
fn last_activity(
    linked: &HashMap<&str, NaiveDate>,
    n: &crate::matching::model::profile::Newcomer,
) -> NaiveDate {
    [
        n.integration_contract_meeting,
        n.waiting_since,
        linked.get(n.id.as_str()).copied(),
    ]
    .into_iter()
    .flatten()
    .fold(n.arrival, NaiveDate::max)
}

pub(crate) fn add_retention_policy(
    dossier: &mut Dossier,
    policy: RetentionPolicy,
) -> Result<(), BrobyggerError> {
    let mut candidate = dossier.privacy.clone();
    candidate.retention.push(policy);
    check_privacy_change(dossier, candidate)
}

pub(crate) fn retention_report(dossier: &Dossier, on: NaiveDate) -> RetentionReport {
    let done = anonymised_subjects(dossier);
    let linked = linked_activity(dossier);
    let open_proposals: std::collections::HashSet<&str> = dossier
        .privacy
        .proposals
        .iter()
        .filter(|p| p.closed_on(on).is_none())
        .map(|p| p.newcomer.as_str())
        .collect();
    let mut items = Vec::new();
    for policy in &dossier.privacy.retention {
        if !policy.record.supports(policy.action) || policy.keep_months == 0 {
            continue;
        }
        let mut consider = |target: RecordRef, path: FieldPath, since: NaiveDate, held: bool| {
            let due_on = add_months(since, policy.keep_months);
            // Checked: a warning period longer than the calendar warns from its first day.
            let warn_from = due_on
                .checked_sub_days(chrono::Days::new(u64::from(policy.warn_days)))
                .unwrap_or(NaiveDate::MIN);
            let state = if on >= due_on {
                if held {
                    RetentionState::HeldBack
                } else {
                    RetentionState::Due
                }
            } else if on >= warn_from {
                RetentionState::Upcoming
            } else {
                return;
            };
            items.push(RetentionItem {
                policy: policy.id.clone(),
                record: policy.record,
                target,
                path,
                since,
                due_on,
                action: policy.action,
                state,
            });
        };
        match policy.record {
            RecordType::MatchCorrespondence => {
                for (k, p) in dossier.privacy.proposals.iter().enumerate() {
                    if let Some(closed) = p.closed_on(on) {
                        consider(
                            RecordRef::Proposal {
                                proposal: p.id.clone(),
                            },
                            privacy_path("proposals", k),
                            closed,
                            false,
                        );
                    }
                }
            }
            RecordType::InactiveHousehold => {
                for (ci, c) in dossier.cohorts.iter().enumerate() {
                    for (ni, n) in c.newcomers.iter().enumerate() {
                        if policy.action == RetentionAction::Anonymise
                            && done.contains(&Subject::newcomer(n.id.clone()))
                        {
                            continue;
                        }
                        let open = open_proposals.contains(n.id.as_str());
                        consider(
                            RecordRef::Household {
                                newcomer: n.id.clone(),
                            },
                            FieldPath::root()
                                .field("cohorts")
                                .index(ci)
                                .field("newcomers")
                                .index(ni),
                            last_activity(&linked, n),
                            open,
                        );
                    }
                }
            }
            RecordType::MatchRun => {
                for (k, r) in dossier.match_runs.iter().enumerate() {
                    consider(
                        RecordRef::Run { run: r.id.clone() },
                        FieldPath::root().field("match_runs").index(k),
                        r.as_of,
                        false,
                    );
                }
            }
            RecordType::EndedConsent => {
                for (k, c) in dossier.privacy.consents.iter().enumerate() {
                    let ended = match (c.withdrawn_on, c.expires_on) {
                        (Some(w), _) => Some(w),
                        (None, Some(e)) if e <= on => Some(e),
                        _ => None,
                    };
                    let Some(ended) = ended else { continue };
                    let me = BasisRef::Consent {
                        consent: c.id.clone(),
                    };
                    let cited = dossier
                        .match_runs
                        .iter()
                        .any(|r| r.sensitive_uses.iter().any(|u| u.basis == me))
                        || dossier
                            .privacy
                            .proposals
                            .iter()
                            .any(|p| p.disclosures().any(|(_, d)| d.basis == me));
                    consider(
                        RecordRef::Consent {
                            consent: c.id.clone(),
                        },
                        privacy_path("consents", k),
                        ended,
                        cited,
                    );
                }
            }
            RecordType::InactivePerson => {
                for (k, person) in dossier.people.iter().enumerate() {
                    if done.contains(&Subject::person(person.id.clone())) {
                        continue;
                    }
                    let tenures: Vec<&crate::posts::model::Tenure> = dossier
                        .posts
                        .iter()
                        .flat_map(|p| p.holders.iter())
                        .filter(|t| t.person == person.id)
                        .collect();
                    let active = tenures.iter().any(|t| t.until.is_none_or(|u| on < u))
                        || dossier
                            .offers
                            .iter()
                            .any(|o| o.volunteer.as_ref() == Some(&person.id));
                    let ended = tenures.iter().filter_map(|t| t.until).max();
                    if let (false, Some(ended)) = (active, ended) {
                        consider(
                            RecordRef::Person {
                                person: person.id.clone(),
                            },
                            FieldPath::root().field("people").index(k),
                            ended,
                            false,
                        );
                    }
                }
            }
        }
    }
    items.sort_by(|a, b| a.due_on.cmp(&b.due_on).then_with(|| a.path.cmp(&b.path)));
    let findings = items.iter().map(item_finding).collect();
    RetentionReport {
        on,
        items,
        findings,
    }
}

pub(crate) fn apply_retention(
    dossier: &mut Dossier,
    on: NaiveDate,
) -> Result<RetentionOutcome, BrobyggerError> {
    let report = retention_report(dossier, on);
    let due: Vec<&RetentionItem> = report
        .items
        .iter()
        .filter(|i| i.state == RetentionState::Due)
        .collect();
    let mut d = dossier.clone();
    let mut deleted = Vec::new();
    let mut to_anonymise: Vec<NewcomerId> = Vec::new();
    let mut people: Vec<PersonId> = Vec::new();
    for item in &due {
        match (&item.target, item.action) {
            (RecordRef::Household { newcomer }, RetentionAction::Anonymise) => {
                to_anonymise.push(newcomer.clone())
            }
            (RecordRef::Person { person }, _) => people.push(person.clone()),
            (target, _) => {
                delete(&mut d, target);
                deleted.push(target.clone());
            }
        }
    }
    let mut anonymisation: Option<AnonymisationReport> = None;
    let anonymised = (to_anonymise.len() + people.len()) as u32;
    // A household deleted by another policy is not anonymised as well.
    to_anonymise.retain(|n| d.cohorts.iter().any(|c| c.newcomer(n).is_some()));
    for scope in [
        (!to_anonymise.is_empty()).then(|| AnonymisationScope::Newcomers {
            newcomers: to_anonymise.clone(),
        }),
        (!people.is_empty()).then(|| AnonymisationScope::People {
            people: people.clone(),
        }),
    ]
    .into_iter()
    .flatten()
    {
        let mut options = AnonymiseOptions::new(scope, on);
        options.policy = due
            .iter()
            .find(|i| i.action == RetentionAction::Anonymise)
            .map(|i| i.policy.clone());
        let r = anonymise(&mut d, &options, None)?;
        anonymisation = Some(match anonymisation {
            None => r,
            Some(a) => AnonymisationReport {
                households: a.households + r.households,
                people: a.people + r.people,
                fields_removed: a.fields_removed + r.fields_removed,
                areas_merged: a.areas_merged + r.areas_merged,
                texts_replaced: a.texts_replaced + r.texts_replaced,
            },
        });
    }
    *dossier = d;
    Ok(RetentionOutcome {
        deleted,
        anonymised,
        anonymisation,
        report,
    })
}

/// Deletes a record and what refers only to it.
fn delete(d: &mut Dossier, target: &RecordRef) {
    match target {
        RecordRef::Proposal { proposal } => d.privacy.proposals.retain(|p| &p.id != proposal),
        RecordRef::Run { run } => {
            d.match_runs.retain(|r| &r.id != run);
            for p in &mut d.privacy.proposals {
                if p.run.as_ref() == Some(run) {
                    p.run = None;
                }
            }
        }
        RecordRef::Consent { consent } => d.privacy.consents.retain(|c| &c.id != consent),
        RecordRef::Household { newcomer } => {
            for c in &mut d.cohorts {
                c.newcomers.retain(|n| &n.id != newcomer);
                c.introductions.retain(|r| &r.newcomer != newcomer);
            }
            // The household's outcome records are its personal data too.
            d.outcomes.retain(|o| &o.household != newcomer);
            let me = Subject::newcomer(newcomer.clone());
            for r in &mut d.match_runs {
                r.matches.retain(|m| &m.newcomer != newcomer);
                r.unmatched.retain(|u| &u.newcomer != newcomer);
                r.withheld.retain(|w| w.subject != me);
                r.sensitive_uses.retain(|u| u.subject != me);
            }
            d.privacy.proposals.retain(|p| &p.newcomer != newcomer);
            d.privacy.consents.retain(|c| c.subject != me);
            d.privacy.bases.retain(
                |b| !matches!(&b.applies_to, BasisScope::Individual { subject } if subject == &me),
            );
        }
        RecordRef::Person { .. } => {}
    }
}

fn item_finding(item: &RetentionItem) -> Finding {
    let (code, da, en) = match item.state {
        RetentionState::Due => (
            PrivacyCode::RetentionDue,
            format!(
                "Posten ({}) skal {} nu: opbevaringsperioden under politikken {} sluttede {}.",
                item.record.label(Lang::Da),
                item.action.in_sentence(Lang::Da),
                item.policy,
                item.due_on
            ),
            format!(
                "The record ({}) is due to {} now: the retention period under policy {} ended on {}.",
                item.record.label(Lang::En),
                item.action.in_sentence(Lang::En),
                item.policy,
                item.due_on
            ),
        ),
        RetentionState::Upcoming => (
            PrivacyCode::RetentionUpcoming,
            format!(
                "Posten ({}) skal {} den {} under politikken {}.",
                item.record.label(Lang::Da),
                item.action.in_sentence(Lang::Da),
                crate::i18n::date::long(Lang::Da, item.due_on),
                item.policy
            ),
            format!(
                "The record ({}) is due to {} on {} under policy {}.",
                item.record.label(Lang::En),
                item.action.in_sentence(Lang::En),
                crate::i18n::date::long(Lang::En, item.due_on),
                item.policy
            ),
        ),
        RetentionState::HeldBack => (
            PrivacyCode::RetentionHeldBack,
            format!(
                "Opbevaringsperioden for posten ({}) sluttede {}, men en anden post bruger den stadig.",
                item.record.label(Lang::Da),
                item.due_on
            ),
            format!(
                "The retention period of the record ({}) ended on {}, but another record still needs it.",
                item.record.label(Lang::En),
                item.due_on
            ),
        ),
    };
    Finding::of(code, item.path.clone(), Text::new(da, en))
}
