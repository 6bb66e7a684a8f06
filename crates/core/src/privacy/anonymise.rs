//! Anonymisation that keeps statistics useful, applied with cascade to everything linked.
//!
//! For each household in scope:
//! - its arrival becomes the first day of its quarter, and every other date of the household
//!   and of what is linked to it (integration-contract meeting, waiting list, introductions,
//!   proposals and their events, consents) moves back by the same number of days, so waiting
//!   times and "introduced within three months" stay exactly as they were while no date
//!   points at a day;
//! - children's ages are put in bands (0–5, 6–11, 12–14, 15–17), which is what the child
//!   rules and statistics need; the library holds no birth dates, by design (data
//!   minimisation: ages are what matching needs);
//! - special-category data, location, availability and interests are removed; languages,
//!   needs, industries and the household's size stay;
//! - areas with fewer than `min_area_households` households in the cohort are merged into the
//!   cohort's municipality;
//! - explanations and reasons about it in stored runs (free text naming areas and languages)
//!   are replaced by a neutral note; rule ids, points, scores and waiting days stay.
//!
//! For each person in scope: the name becomes a neutral label, contact details, notes and the
//! child-protection certificate are removed, and the name is scrubbed from every text in the
//! dossier (whole words, case-sensitive).
//!
//! Then every id of a household or person in scope is replaced by a fresh one everywhere it
//! occurs: in every field that refers to it and inside any text or id that contains it as a
//! whole token. The replacement is a function of the text, so every link stays consistent. Fresh
//! ids are random (the mapping is not kept); with a [`PseudonymKey`] they are keyed pseudonyms
//! instead, reproducible by whoever holds the key (pseudonymisation, not anonymisation).

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::Text;
use crate::ids::{CohortId, NewcomerId, PersonId, PolicyId};
use crate::matching::lookup::find_cohort;
use crate::privacy::audience::{age_band, large_areas, merged_area, quarter_start};
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{BasisScope, Subject};
use crate::privacy::model::store::AnonymisationRecord;
use crate::privacy::pseudonym::PseudonymKey;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Which records to anonymise.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnonymisationScope {
    /// Some households, with everything linked to them.
    Newcomers {
        /// The households.
        newcomers: Vec<NewcomerId>,
    },
    /// Every household of a cohort.
    Cohort {
        /// The cohort.
        cohort: CohortId,
    },
    /// Some people (volunteers, staff), with everything linked to them.
    People {
        /// The people.
        people: Vec<PersonId>,
    },
    /// Every household and every person: a copy for research.
    Everyone,
}

/// How to anonymise.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnonymiseOptions {
    /// What.
    pub scope: AnonymisationScope,
    /// The day, recorded in the dossier's log.
    pub on: NaiveDate,
    /// Areas with fewer households than this in their cohort are merged (default 5).
    #[serde(default = "default_min_area")]
    pub min_area_households: u32,
    /// The retention policy this carries out, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyId>,
}

fn default_min_area() -> u32 {
    crate::privacy::audience::MIN_AREA_HOUSEHOLDS
}

impl AnonymiseOptions {
    /// Options for `scope` on `on` with the default small-area threshold.
    pub fn new(scope: AnonymisationScope, on: NaiveDate) -> Self {
        Self {
            scope,
            on,
            min_area_households: default_min_area(),
            policy: None,
        }
    }
}

/// What an anonymisation changed (counts only).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnonymisationReport {
    /// Households anonymised.
    pub households: u32,
    /// People anonymised.
    pub people: u32,
    /// Field values removed.
    pub fields_removed: u32,
    /// Households whose area was merged.
    pub areas_merged: u32,
    /// Texts replaced (explanations, reasons, texts naming a person).
    pub texts_replaced: u32,
}

fn removed_note() -> Text {
    Text::new("(fjernet ved anonymisering)", "(removed by anonymisation)")
}

/// Replaces every key of `map` that occurs in `s` as a whole token (the chars around it fail
/// `inside`), the longest first where they overlap. Linear in `s`: only token boundaries are
/// tried, each against the map.
fn replace_tokens(
    s: &str,
    map: &BTreeMap<String, String>,
    inside: fn(char) -> bool,
    max_len: usize,
) -> Option<String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(s.len(), |(i, _)| *i);
    let starts: Vec<usize> = (0..chars.len())
        .filter(|&k| (k == 0 || !inside(chars[k - 1].1)) && inside(chars[k].1))
        .collect();
    let ends: Vec<usize> = (1..=chars.len())
        .filter(|&k| (k == chars.len() || !inside(chars[k].1)) && inside(chars[k - 1].1))
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut pos = 0usize;
    let mut changed = false;
    for &start in &starts {
        if start < pos {
            continue;
        }
        let hit = ends
            .iter()
            .rev()
            .filter(|&&e| e > start && at(e) - at(start) <= max_len)
            .find_map(|&e| map.get(&s[at(start)..at(e)]).map(|new| (e, new)));
        if let Some((e, new)) = hit {
            out.push_str(&s[at(pos)..at(start)]);
            out.push_str(new);
            pos = e;
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    out.push_str(&s[at(pos)..]);
    Some(out)
}

/// `d` moved back by `days`, checked: a date that would fall off the calendar stops at its
/// first day (only dates near chrono's limits, which no real record has, are affected).
fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    chrono::TimeDelta::try_days(days)
        .and_then(|dt| d.checked_sub_signed(dt))
        .unwrap_or(NaiveDate::MIN)
}

/// `t` moved back by `days`, checked like [`shift`].
fn shift_time(t: crate::time::Timestamp, days: i64) -> crate::time::Timestamp {
    chrono::TimeDelta::try_days(days)
        .and_then(|dt| t.checked_sub_signed(dt))
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC)
}

struct Work {
    ids: BTreeMap<String, String>,
    names: BTreeMap<String, String>,
    texts: u32,
}

impl Work {
    fn walk(&mut self, v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => self.string(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|x| self.walk(x)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|x| self.walk(x)),
            _ => {}
        }
    }

    fn string(&mut self, s: &mut String) {
        if let Some(new) = self.ids.get(s.as_str()) {
            *s = new.clone();
            return;
        }
        let mut changed = false;
        if let Some(r) = replace_tokens(s, &self.ids, char::is_alphanumeric, crate::ids::MAX_ID_LEN)
        {
            *s = r;
            changed = true;
        }
        if let Some(r) = replace_tokens(s, &self.names, char::is_alphabetic, 64) {
            *s = r;
            changed = true;
        }
        if changed {
            self.texts += 1;
        }
    }
}

fn anonymisation_targets(
    dossier: &Dossier,
    scope: &AnonymisationScope,
) -> Result<(BTreeSet<NewcomerId>, BTreeSet<PersonId>), BrobyggerError> {
    let all_newcomers = || {
        dossier
            .cohorts
            .iter()
            .flat_map(|c| c.newcomers.iter().map(|n| n.id.clone()))
            .collect::<BTreeSet<_>>()
    };
    Ok(match scope {
        AnonymisationScope::Newcomers { newcomers } => {
            let known = all_newcomers();
            if let Some(n) = newcomers.iter().find(|n| !known.contains(*n)) {
                return Err(BrobyggerError::not_found(NotFoundCode::Newcomer, n));
            }
            (newcomers.iter().cloned().collect(), BTreeSet::new())
        }
        AnonymisationScope::Cohort { cohort } => {
            let c = find_cohort(dossier, cohort)
                .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Cohort, cohort))?;
            (
                c.newcomers.iter().map(|n| n.id.clone()).collect(),
                BTreeSet::new(),
            )
        }
        AnonymisationScope::People { people } => {
            if let Some(p) = people.iter().find(|p| dossier.person(p).is_none()) {
                return Err(BrobyggerError::not_found(NotFoundCode::Person, p));
            }
            (BTreeSet::new(), people.iter().cloned().collect())
        }
        AnonymisationScope::Everyone => (
            all_newcomers(),
            dossier.people.iter().map(|p| p.id.clone()).collect(),
        ),
    })
}

pub(crate) fn anonymise(
    dossier: &mut Dossier,
    options: &AnonymiseOptions,
    key: Option<&PseudonymKey>,
) -> Result<AnonymisationReport, BrobyggerError> {
    let (next, report) = anonymised(dossier, options, key)?;
    *dossier = next;
    Ok(report)
}

pub(crate) fn anonymised(
    dossier: &Dossier,
    options: &AnonymiseOptions,
    key: Option<&PseudonymKey>,
) -> Result<(Dossier, AnonymisationReport), BrobyggerError> {
    if options.min_area_households == 0 {
        return Err(
            crate::privacy::model::codes::PrivacyError::InvalidParameter {
                field: "min_area_households",
                reason: "must be at least 1",
            }
            .into(),
        );
    }
    let (households, people) = anonymisation_targets(dossier, &options.scope)?;
    let mut d = dossier.clone();
    let mut report = AnonymisationReport {
        households: households.len() as u32,
        people: people.len() as u32,
        fields_removed: 0,
        areas_merged: 0,
        texts_replaced: 0,
    };
    // Days each household's dates move back.
    let mut offsets: BTreeMap<NewcomerId, i64> = BTreeMap::new();
    for ci in 0..d.cohorts.len() {
        let large = large_areas(&dossier.cohorts[ci].newcomers, options.min_area_households);
        for ni in 0..d.cohorts[ci].newcomers.len() {
            let id = d.cohorts[ci].newcomers[ni].id.clone();
            if !households.contains(&id) {
                continue;
            }
            let merged = merged_area(dossier, &id);
            let n = &mut d.cohorts[ci].newcomers[ni];
            let days = (n.arrival - quarter_start(n.arrival)).num_days();
            offsets.insert(id, days);
            n.arrival = shift(n.arrival, days);
            n.integration_contract_meeting = n.integration_contract_meeting.map(|x| shift(x, days));
            n.waiting_since = n.waiting_since.map(|x| shift(x, days));
            for a in &mut n.household.children_ages {
                *a = age_band(*a);
            }
            n.household.children_ages.sort_unstable();
            let removed = usize::from(n.location.is_some())
                + n.preferences.len()
                + n.availability.len()
                + n.interests.len();
            report.fields_removed += removed as u32;
            n.location = None;
            n.preferences.clear();
            n.availability.clear();
            n.interests.clear();
            if let Some(area) = &n.area
                && !large.contains(&area.trim().to_lowercase())
            {
                n.area = Some(merged);
                report.areas_merged += 1;
            }
        }
        let cohort = &mut d.cohorts[ci];
        for r in &mut cohort.introductions {
            if let Some(days) = offsets.get(&r.newcomer) {
                r.on = shift(r.on, *days);
            }
        }
    }
    for run in &mut d.match_runs {
        for m in &mut run.matches {
            if households.contains(&m.newcomer) {
                for o in &mut m.explanation {
                    o.text = removed_note();
                    report.texts_replaced += 1;
                }
            }
        }
        for u in &mut run.unmatched {
            if households.contains(&u.newcomer) {
                report.texts_replaced += u.reasons.len() as u32;
                u.reasons = vec![removed_note()];
            }
        }
    }
    let days_of = |s: &Subject| match s {
        Subject::Newcomer { newcomer } => offsets.get(newcomer).copied(),
        _ => None,
    };
    for p in &mut d.privacy.proposals {
        if let Some(days) = offsets.get(&p.newcomer).copied() {
            p.proposed_at = shift_time(p.proposed_at, days);
            p.expires_on = shift(p.expires_on, days);
            for e in &mut p.events {
                e.at = shift_time(e.at, days);
            }
        }
    }
    for c in &mut d.privacy.consents {
        if let Some(days) = days_of(&c.subject) {
            c.given_on = shift(c.given_on, days);
            c.expires_on = c.expires_on.map(|x| shift(x, days));
            c.withdrawn_on = c.withdrawn_on.map(|x| shift(x, days));
        }
    }
    for b in &mut d.privacy.bases {
        if let BasisScope::Individual { subject } = &b.applies_to
            && let Some(days) = days_of(subject)
        {
            b.from = shift(b.from, days);
            b.until = b.until.map(|x| shift(x, days));
        }
    }
    let mut names = BTreeMap::new();
    for (k, person) in d.people.iter_mut().enumerate() {
        if !people.contains(&person.id) {
            continue;
        }
        for part in person
            .name
            .split(|c: char| !c.is_alphabetic())
            .filter(|p| p.chars().count() >= 2)
        {
            names.insert(part.to_owned(), "[…]".to_owned());
        }
        report.fields_removed += [
            person.email.is_some(),
            person.phone.is_some(),
            person.notes.is_some(),
            person.child_protection_certificate.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count() as u32;
        person.name = format!("Anonymiseret person {}", k + 1);
        person.email = None;
        person.phone = None;
        person.notes = None;
        person.child_protection_certificate = None;
    }
    let mut ids = BTreeMap::new();
    for n in &households {
        let fresh = match key {
            Some(k) => format!("nc-{}", k.pseudonym_of(&Subject::newcomer(n.clone()))?),
            None => NewcomerId::generate().to_string(),
        };
        ids.insert(n.to_string(), fresh);
    }
    for p in &people {
        let fresh = match key {
            Some(k) => format!("p-{}", k.pseudonym_of(&Subject::person(p.clone()))?),
            None => PersonId::generate().to_string(),
        };
        ids.insert(p.to_string(), fresh);
    }
    let mut work = Work {
        ids,
        names,
        texts: 0,
    };
    let mut value = serde_json::to_value(&d).map_err(|e| BrobyggerError::Internal {
        code: PrivacyCode::Anonymise.into(),
        reason: crate::error::redact_message(&e.to_string()),
    })?;
    // The log of earlier anonymisations holds no ids; the rest is walked.
    work.walk(&mut value);
    report.texts_replaced += work.texts;
    let mut d: Dossier = serde_json::from_value(value).map_err(|e| BrobyggerError::Internal {
        code: PrivacyCode::Anonymise.into(),
        reason: crate::error::redact_message(&e.to_string()),
    })?;
    let records = households
        .iter()
        .filter_map(|n| work.ids.get(n.as_str()))
        .map(|fresh| Subject::newcomer(fresh.as_str()))
        .chain(
            people
                .iter()
                .filter_map(|p| work.ids.get(p.as_str()))
                .map(|fresh| Subject::person(fresh.as_str())),
        )
        .collect();
    d.privacy.anonymisations.push(AnonymisationRecord {
        on: options.on,
        households: report.households,
        people: report.people,
        policy: options.policy.clone(),
        records,
    });
    Ok((d, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_replaced_only_whole() {
        let map = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect::<BTreeMap<_, _>>()
        };
        let ids = map(&[("nc-1", "X"), ("nc-1-2", "Y")]);
        let r = replace_tokens(
            "nc-1 and nc-10, (nc-1). nc-1-2",
            &ids,
            char::is_alphanumeric,
            128,
        );
        assert_eq!(r.as_deref(), Some("X and nc-10, (X). Y"));
        let names = map(&[("Lund", "[…]")]);
        let r = replace_tokens("Lundby Lund, Åse Lund.", &names, char::is_alphabetic, 64);
        assert_eq!(r.as_deref(), Some("Lundby […], Åse […]."));
        assert_eq!(
            replace_tokens("nothing", &ids, char::is_alphanumeric, 128),
            None
        );
        assert_eq!(replace_tokens("", &ids, char::is_alphanumeric, 128), None);
    }

    #[test]
    fn quarters_and_bands() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(quarter_start(d("2016-03-14")), d("2016-01-01"));
        assert_eq!(quarter_start(d("2016-04-01")), d("2016-04-01"));
        assert_eq!(quarter_start(d("2016-12-31")), d("2016-10-01"));
        assert_eq!(
            [age_band(3), age_band(9), age_band(14), age_band(17)],
            [0, 6, 12, 15]
        );
    }
}
