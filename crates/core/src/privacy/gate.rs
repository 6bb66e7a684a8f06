//! The consent gate in matching: a rule set's declared sensitive attribute is used for a subject
//! only when a consent or other basis for matching covers that attribute on the run's day.
//!
//! ## What "not used" means
//! - A **household's** attribute without a basis (e.g. its wishes about the volunteer) is
//!   removed from the household before the run, and the rules that read it are not applied to
//!   that household: they neither filter nor score its pairs. Its matches say so in the rule's
//!   place in the explanation, and its unmatched reasons end with it.
//! - An **offer's** attribute without a basis (e.g. the volunteer's child-protection
//!   certificate) is removed from the offer: rules see no certificate, so a rule that asks for
//!   one keeps that offer away from households with children. A missing basis never loosens a
//!   safeguard.
//!
//! A household or offer that no consent or basis allows matching at all on the day is left out
//! of the run (listed with the attribute `newcomer` or `offer`).
//!
//! The run lists every subject whose attribute was withheld ([`WithheldAttribute`]), whatever
//! that subject's data holds, and every use with the basis that allowed it ([`SensitiveUse`]),
//! so neither list reveals a value; the texts name rules and attributes, never values.

use crate::error::BrobyggerError;
use crate::i18n::Text;
use crate::ids::{CohortId, RuleId};
use crate::matching::candidates::Candidates;
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::{RuleSet, attribute_class, is_sensitive};
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::{self, MatchOptions};
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{Purpose, Subject};
use crate::privacy::model::sensitive::WithheldAttribute;
use crate::privacy::register::Register;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The declared sensitive attributes some rule reads, in the rule set's order.
fn used_sensitive(rules: &RuleSet) -> Vec<&str> {
    rules
        .sensitive_attributes
        .iter()
        .map(String::as_str)
        .filter(|a| attribute_class(a).is_some_and(is_sensitive))
        .filter(|a| rules.rules.iter().any(|r| r.kind.reads().contains(a)))
        .collect()
}

fn rules_reading(rules: &RuleSet, attribute: &str) -> Vec<RuleId> {
    rules
        .rules
        .iter()
        .filter(|r| r.kind.reads().contains(&attribute))
        .map(|r| r.id.clone())
        .collect()
}

/// A copy of `value` without `field` (set to its default), through the serialised form so any
/// sensitive field declared later is removed the same way.
fn without<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &T,
    field: &str,
) -> Result<T, BrobyggerError> {
    let internal = |e: serde_json::Error| BrobyggerError::Internal {
        code: PrivacyCode::Mask.into(),
        reason: crate::error::redact_message(&e.to_string()),
    };
    let mut v = serde_json::to_value(value).map_err(internal)?;
    if let Some(map) = v.as_object_mut() {
        map.remove(field);
    }
    serde_json::from_value(v).map_err(internal)
}

fn not_applied_household(rule: &RuleId) -> Text {
    Text::new(
        format!(
            "Reglen '{rule}' er ikke anvendt for husstanden: der er intet samtykke eller anden hjemmel til at bruge oplysningen i matchningen."
        ),
        format!(
            "The rule '{rule}' was not applied for the household: no consent or other basis allows using the information in matching."
        ),
    )
}

fn withheld_text(subject: &Subject, attribute: &str, rules: &[RuleId]) -> Text {
    let list = rules
        .iter()
        .map(|r| format!("'{r}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let (da_rules, en_rules) = if rules.len() == 1 {
        (format!("reglen {list}"), format!("the rule {list}"))
    } else {
        (format!("reglerne {list}"), format!("the rules {list}"))
    };
    match subject {
        Subject::Newcomer { .. } => Text::new(
            format!(
                "Intet samtykke eller anden hjemmel dækker {attribute} på kørselsdagen; {da_rules} er ikke anvendt for husstanden."
            ),
            format!(
                "No consent or other basis covers {attribute} on the day of the run; {en_rules} not applied for the household.",
                en_rules = if rules.len() == 1 {
                    format!("{en_rules} was")
                } else {
                    format!("{en_rules} were")
                }
            ),
        ),
        _ => Text::new(
            format!(
                "Intet samtykke eller anden hjemmel dækker {attribute} på kørselsdagen; {da_rules} så ingen værdi for tilbuddet."
            ),
            format!(
                "No consent or other basis covers {attribute} on the day of the run; {en_rules} saw no value for the offer."
            ),
        ),
    }
}

/// Matches `newcomers` with `offers` under `rules`, using each declared sensitive attribute only
/// for the subjects a consent or basis in `register` covers on the run's day. Fails with a
/// `Validation` error if the rule set has errors.
///
/// This is the run [`crate::MatchingFacet::match_cohort`] makes; call it directly for profiles held
/// outside a dossier. [`crate::matching::run`] uses every declared attribute as given and
/// leaves the basis to the caller.
pub fn run_consented(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
    register: &Register<'_>,
) -> Result<MatchRun, BrobyggerError> {
    rules.check()?;
    run_gated(rules, newcomers, offers, &options.into(), None, register)
}

/// The gated run (the rule set is already checked).
pub(crate) fn run_gated(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    register: &Register<'_>,
) -> Result<MatchRun, BrobyggerError> {
    // Households and offers nothing allows matching at all are left out of the run.
    let mut left_out = Vec::new();
    let newcomers = with_basis(newcomers, register, o.as_of, &mut left_out, |n| {
        Subject::newcomer(n.id.clone())
    });
    let offers = with_basis(offers, register, o.as_of, &mut left_out, |of| {
        Subject::offer(of.id.clone())
    });
    let mut run = run_sensitive(rules, &newcomers, &offers, o, cohort, register)?;
    if !left_out.is_empty() {
        left_out.append(&mut run.withheld);
        run.withheld = left_out;
    }
    Ok(run)
}

/// The records a basis for matching covers on `on`; the others are listed in `left_out`.
fn with_basis<'a, T: Clone>(
    records: &'a [T],
    register: &Register<'_>,
    on: chrono::NaiveDate,
    left_out: &mut Vec<WithheldAttribute>,
    subject: impl Fn(&T) -> Subject,
) -> Cow<'a, [T]> {
    let keep: Vec<bool> = records
        .iter()
        .map(|r| {
            let s = subject(r);
            let ok = register.find(&s, Purpose::Matching, None, on).is_some();
            if !ok {
                left_out.push(WithheldAttribute {
                    attribute: s.kind().to_owned(),
                    rules: Vec::new(),
                    text: left_out_text(&s),
                    subject: s,
                });
            }
            ok
        })
        .collect();
    if keep.iter().all(|k| *k) {
        Cow::Borrowed(records)
    } else {
        Cow::Owned(
            records
                .iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(r, _)| r.clone())
                .collect(),
        )
    }
}

fn left_out_text(subject: &Subject) -> Text {
    match subject {
        Subject::Newcomer { .. } => Text::new(
            "Intet samtykke eller anden hjemmel dækker matchning af husstanden på kørselsdagen; den er udeladt af kørslen.",
            "No consent or other basis covers matching the household on the day of the run; it was left out of the run.",
        ),
        _ => Text::new(
            "Intet samtykke eller anden hjemmel dækker matchning med tilbuddet på kørselsdagen; det er udeladt af kørslen.",
            "No consent or other basis covers matching with the offer on the day of the run; it was left out of the run.",
        ),
    }
}

/// The run over records with a basis for matching, gating the sensitive attributes.
fn run_sensitive(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    register: &Register<'_>,
) -> Result<MatchRun, BrobyggerError> {
    let attributes = used_sensitive(rules);
    if attributes.is_empty() {
        return Ok(outcome::run_unchecked(rules, newcomers, offers, o, cohort));
    }
    let mut uses = Vec::new();
    let mut withheld = Vec::new();
    // For each household, the newcomer attributes withheld from it.
    let mut household_withheld: Vec<Vec<&str>> = vec![Vec::new(); newcomers.len()];
    let mut offer_withheld: Vec<Vec<&str>> = vec![Vec::new(); offers.len()];
    for &a in &attributes {
        let on_newcomer = a.starts_with("newcomer.");
        let subjects: Vec<Subject> = if on_newcomer {
            newcomers
                .iter()
                .map(|n| Subject::newcomer(n.id.clone()))
                .collect()
        } else {
            offers
                .iter()
                .map(|of| Subject::offer(of.id.clone()))
                .collect()
        };
        let reading = rules_reading(rules, a);
        for (k, subject) in subjects.into_iter().enumerate() {
            match register.find(&subject, Purpose::Matching, Some(a), o.as_of) {
                Some(basis) => uses.push(super::model::sensitive::SensitiveUse {
                    subject,
                    attribute: a.to_owned(),
                    basis,
                }),
                None => {
                    if on_newcomer {
                        household_withheld[k].push(a);
                    } else {
                        offer_withheld[k].push(a);
                    }
                    withheld.push(WithheldAttribute {
                        text: withheld_text(&subject, a, &reading),
                        subject,
                        attribute: a.to_owned(),
                        rules: reading.clone(),
                    });
                }
            }
        }
    }
    let field = |a: &str| {
        a.split_once('.')
            .map(|(_, f)| f.to_owned())
            .unwrap_or_default()
    };
    let masked_newcomers: Cow<'_, [Newcomer]> = if household_withheld.iter().all(Vec::is_empty) {
        Cow::Borrowed(newcomers)
    } else {
        let mut v = Vec::with_capacity(newcomers.len());
        for (n, gone) in newcomers.iter().zip(&household_withheld) {
            let mut n = Cow::Borrowed(n);
            for a in gone {
                n = Cow::Owned(without(n.as_ref(), &field(a))?);
            }
            v.push(n.into_owned());
        }
        Cow::Owned(v)
    };
    let masked_offers: Cow<'_, [Offer]> = if offer_withheld.iter().all(Vec::is_empty) {
        Cow::Borrowed(offers)
    } else {
        let mut v = Vec::with_capacity(offers.len());
        for (of, gone) in offers.iter().zip(&offer_withheld) {
            let mut of = Cow::Borrowed(of);
            for a in gone {
                of = Cow::Owned(without(of.as_ref(), &field(a))?);
            }
            v.push(of.into_owned());
        }
        Cow::Owned(v)
    };

    // Households are grouped by the rules not applied to them; each group's candidates come
    // from the rule set without those rules, so a rule not applied neither filters nor scores.
    let mut groups: BTreeMap<Vec<RuleId>, Vec<usize>> = BTreeMap::new();
    for (i, gone) in household_withheld.iter().enumerate() {
        let mut skip: Vec<RuleId> = gone.iter().flat_map(|a| rules_reading(rules, a)).collect();
        skip.sort();
        skip.dedup();
        groups.entry(skip).or_default().push(i);
    }
    let run = if groups.len() == 1 && groups.keys().all(Vec::is_empty) {
        outcome::run_unchecked(rules, &masked_newcomers, &masked_offers, o, cohort)
    } else {
        let mut lists: Vec<Vec<(u32, i64)>> = vec![Vec::new(); newcomers.len()];
        let mut capacities = Vec::new();
        let mut pairs = 0u64;
        for (skip, members) in &groups {
            let mut reduced = rules.clone();
            reduced.rules.retain(|r| !skip.contains(&r.id));
            let group: Vec<Newcomer> = members
                .iter()
                .filter_map(|&i| masked_newcomers.get(i).cloned())
                .collect();
            let c = outcome::candidates(&reduced, &group, &masked_offers);
            pairs += c.pairs_evaluated;
            capacities.clone_from(&c.capacities);
            for (g, &i) in members.iter().enumerate() {
                let (offer_ix, scores) = c.of(g);
                lists[i] = offer_ix
                    .iter()
                    .copied()
                    .zip(scores.iter().copied())
                    .collect();
            }
        }
        let mut merged = Candidates::from_lists(lists, capacities);
        merged.pairs_evaluated = pairs;
        outcome::run_with_candidates(rules, &masked_newcomers, &masked_offers, o, cohort, &merged)
    };
    Ok(annotate(
        run,
        rules,
        newcomers,
        &household_withheld,
        withheld,
        uses,
    ))
}

/// Puts the "not applied" statements where the rules would have spoken, and the lists on the run.
fn annotate(
    mut run: MatchRun,
    rules: &RuleSet,
    newcomers: &[Newcomer],
    household_withheld: &[Vec<&str>],
    withheld: Vec<WithheldAttribute>,
    uses: Vec<super::model::sensitive::SensitiveUse>,
) -> MatchRun {
    let index: std::collections::HashMap<&str, usize> = newcomers
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let skipped = |id: &crate::ids::NewcomerId| -> Vec<RuleId> {
        let mut v: Vec<RuleId> = index
            .get(id.as_str())
            .and_then(|&i| household_withheld.get(i))
            .map(|gone| gone.iter().flat_map(|a| rules_reading(rules, a)).collect())
            .unwrap_or_default();
        v.sort();
        v.dedup();
        v
    };
    for m in &mut run.matches {
        let skip = skipped(&m.newcomer);
        if skip.is_empty() {
            continue;
        }
        // Keep the rule set's order: each rule not applied takes the place its outcome had.
        let mut explanation = Vec::with_capacity(m.explanation.len() + skip.len());
        for rule in &rules.rules {
            if skip.contains(&rule.id) {
                explanation.push(crate::matching::model::run::RuleOutcome {
                    rule: rule.id.clone(),
                    hard: rule.strength.is_hard(),
                    points: 0.0,
                    text: not_applied_household(&rule.id),
                });
            } else if let Some(o) = m.explanation.iter().find(|o| o.rule == rule.id) {
                explanation.push(o.clone());
            }
        }
        // The score already left these rules out: the candidates were built without them.
        m.explanation = explanation;
    }
    for u in &mut run.unmatched {
        for rule in skipped(&u.newcomer) {
            u.reasons.push(not_applied_household(&rule));
        }
    }
    run.withheld = withheld;
    run.sensitive_uses = uses;
    run
}
