//! The consent gate: the one rule every matching run goes through, whatever its entry point.
//!
//! ## The rule
//! A matching run uses a subject's data (a household's, or an offer's volunteers') only under a
//! consent or another legal basis that holds on the run's day, and records what it relied on:
//!
//! 1. **Sensitive attributes** (special-category and criminal-record data: a household's wishes
//!    about the volunteer, a volunteer's child-protection certificate) are used for a subject
//!    only when a consent *names* the attribute (GDPR art. 9(2)(a); databeskyttelsesloven § 8,
//!    stk. 3) or another basis *lists* it and its article can cover the attribute's class
//!    ([`crate::privacy::LegalBasis::covers`]). Without one, the attribute is removed from the
//!    subject before the run and listed in the run's `withheld` by its path
//!    (`newcomer.preferences`), never its value; every use is listed in `sensitive_uses` with the
//!    basis that allowed it.
//! 2. **Where the consents and bases come from** (recorded as the run's `bases_from`):
//!    - a dossier's privacy records, for a stored cohort and for profiles matched *beside* a
//!      dossier (mixed inputs: the dossier's consents count, not the profiles' own columns);
//!    - privacy records handed over with the call ([`run_consented`]);
//!    - otherwise the profiles' own consent and basis fields ([`crate::privacy::ProfileBasis`],
//!      the consent and basis columns of a spreadsheet or table).
//!
//!    In every case the bases the call declares ([`crate::privacy::DeclaredBasis`] in
//!    `MatchOptions::bases`) count too, after the records, and the run lists them in
//!    `declared_bases`; a stored cohort refuses them (its bases belong in the dossier, where the
//!    review sees them).
//! 3. **Matching at all** needs a basis as well. Records are complete: a household or offer that
//!    no record allows matching on the day is left out of the run (listed with the attribute
//!    `newcomer` or `offer`). Profiles outside a dossier are the caller's own records: a
//!    profile that says nothing about its basis is matched on its ordinary data, while one whose
//!    own consent has not started, has ended, or was withdrawn (and no other basis covers it) is
//!    left out.
//!
//! Every public entry point that matches profiles passes here: [`crate::matching::run`],
//! [`crate::MatchingFacet::match_cohort`], [`run_consented`], and the benchmark hooks
//! [`crate::matching::candidates`] and [`crate::matching::generate_with_threads`], which record
//! nothing and so use no sensitive attribute at all. The bindings and the command line call
//! these. `crates/core/tests/gate_everywhere.rs` enumerates them and fails on a new one that
//! does not record what it withheld.
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
//! The run lists every subject whose attribute was withheld ([`WithheldAttribute`]), whatever
//! that subject's data holds, and every use with the basis that allowed it ([`SensitiveUse`]),
//! so neither list reveals a value; the texts name rules and attributes, never values.

use crate::error::BrobyggerError;
use crate::i18n::Text;
use crate::ids::{CohortId, RuleId};
use crate::matching::candidates::{Candidates, RunContext};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::{RuleSet, attribute_class, is_sensitive};
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::{self, MatchOptions};
use crate::privacy::model::basis::{ProfileBasis, Purpose};
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{BasisScope, ConsentRecord, ProcessingBasis, Subject};
use crate::privacy::model::sensitive::BasisSource;
use crate::privacy::model::sensitive::WithheldAttribute;
use crate::privacy::model::store::Privacy;
use crate::privacy::register::Register;
use crate::progress::{Progress, Stage, Watch};
use chrono::NaiveDate;
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
/// for the subjects a consent or basis in `register` (or declared in the options) covers on the
/// run's day; subjects nothing allows matching are left out. Fails with a `Validation` error if
/// the rule set has errors.
///
/// This is the run [`crate::MatchingFacet::match_cohort`] makes, for privacy records held
/// outside a dossier (`Register::new`) or profiles matched beside a dossier (`Register::of`).
pub fn run_consented(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
    register: &Register<'_>,
) -> Result<MatchRun, BrobyggerError> {
    run_consented_watched(
        rules,
        newcomers,
        offers,
        options,
        register,
        &Watch::default(),
    )
}

/// [`run_consented`] under `watch`: progress of the candidates and the solver, and `Cancelled`
/// (`work.cancelled`) as soon as the watch is cancelled ([`crate::progress`]).
pub fn run_consented_watched(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
    register: &Register<'_>,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    rules.check()?;
    let o = options.into();
    let ctx = RunContext::on(o.as_of).watched(watch);
    run_gated(rules, newcomers, offers, &o, None, register, &ctx)
}

/// The gated run over records (the rule set is already checked).
pub(crate) fn run_gated(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    register: &Register<'_>,
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    let declared;
    let register = if o.bases.is_empty() {
        register
    } else {
        declared = register.clone().with_declared(&o.bases);
        &declared
    };
    let gate = Gate {
        register,
        every_subject: true,
    };
    let mut run = run_through(
        rules,
        newcomers,
        offers,
        o,
        cohort,
        &gate,
        |_| true,
        |_| true,
        ctx,
    )?;
    run.bases_from = register.source();
    Ok(run)
}

/// The gated run over profiles kept outside a dossier (the rule set is already checked): their
/// own consent and basis fields, and the bases declared in the options.
pub(crate) fn run_profiles(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    watch.check()?;
    let records = profile_records(newcomers, offers);
    let register = Register::new(&records, &[], offers).with_declared(&o.bases);
    let gate = Gate {
        register: &register,
        every_subject: false,
    };
    let mut run = run_through(
        rules,
        newcomers,
        offers,
        o,
        None,
        &gate,
        |n| !n.privacy.is_empty(),
        |of| !of.privacy.is_empty(),
        &RunContext::on(o.as_of).watched(watch),
    )?;
    run.bases_from = BasisSource::Profiles;
    Ok(run)
}

/// The profiles' own consent and basis fields as privacy records: a consent `<id>#consent` and a
/// basis `<id>#basis` per profile that has them, which the run's uses name.
fn profile_records(newcomers: &[Newcomer], offers: &[Offer]) -> Privacy {
    let mut records = Privacy::default();
    let mut add = |subject: Subject, p: &ProfileBasis| {
        if let Some(given_on) = p.consent_given_on {
            let mut c = ConsentRecord::new(
                format!("{}#consent", subject.id()),
                subject.clone(),
                vec![Purpose::Matching],
                given_on,
                "profile",
            );
            c.attributes.clone_from(&p.consent_attributes);
            c.expires_on = p.consent_ends_on;
            records.consents.push(c);
        }
        if let Some(basis) = p.basis {
            records.bases.push(ProcessingBasis {
                id: format!("{}#basis", subject.id()).into(),
                applies_to: BasisScope::Individual { subject },
                purpose: Purpose::Matching,
                basis,
                attributes: p.basis_attributes.clone(),
                reference: p.basis_reference.clone().unwrap_or_default(),
                from: NaiveDate::MIN,
                until: None,
            });
        }
    };
    for n in newcomers.iter().filter(|n| !n.privacy.is_empty()) {
        add(Subject::newcomer(n.id.clone()), &n.privacy);
    }
    for of in offers.iter().filter(|of| !of.privacy.is_empty()) {
        add(Subject::offer(of.id.clone()), &of.privacy);
    }
    records
}

/// A rule set and profiles with what needs a basis taken out.
pub(crate) type Reduced<'a> = (Cow<'a, RuleSet>, Cow<'a, [Newcomer]>, Cow<'a, [Offer]>);

/// The profiles without any sensitive attribute, and the rules that read a household's
/// sensitive attribute left out: for the benchmark hooks, which record nothing and so may use
/// nothing that needs a basis. Offers keep every rule, so a rule that asks for a certificate
/// still keeps them away from the households it protects.
pub(crate) fn without_sensitive<'a>(
    rules: &'a RuleSet,
    newcomers: &'a [Newcomer],
    offers: &'a [Offer],
) -> Result<Reduced<'a>, BrobyggerError> {
    let attributes = used_sensitive(rules);
    if attributes.is_empty() {
        return Ok((
            Cow::Borrowed(rules),
            Cow::Borrowed(newcomers),
            Cow::Borrowed(offers),
        ));
    }
    let mut reduced = rules.clone();
    let mut n: Vec<Newcomer> = newcomers.to_vec();
    let mut o: Vec<Offer> = offers.to_vec();
    for a in attributes {
        let f = field(a);
        if a.starts_with("newcomer.") {
            let skip = rules_reading(rules, a);
            reduced.rules.retain(|r| !skip.contains(&r.id));
            for x in &mut n {
                *x = without(x, &f)?;
            }
        } else {
            for x in &mut o {
                *x = without(x, &f)?;
            }
        }
    }
    Ok((Cow::Owned(reduced), Cow::Owned(n), Cow::Owned(o)))
}

fn field(a: &str) -> String {
    a.split_once('.')
        .map(|(_, f)| f.to_owned())
        .unwrap_or_default()
}

/// Whose records a run reads and how it treats subjects they say nothing about.
struct Gate<'r> {
    register: &'r Register<'r>,
    /// Records are complete: every subject needs a basis for matching. Otherwise only the
    /// subjects whose profile names its own basis are asked.
    every_subject: bool,
}

/// Leaves out the subjects nothing allows matching, then runs with the sensitive attributes
/// gated.
/// Two households or two offers with one id would be one subject to the gate and two to the
/// solver (a capacity-1 offer listed twice went to two households): refused, naming the second
/// one's place, never the id.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str) -> Result<(), BrobyggerError> {
    let mut seen = std::collections::HashMap::new();
    for (k, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, k) {
            return Err(BrobyggerError::invalid_input(
                crate::validation_code::ValidationCode::DuplicateId,
                &format!("{list}[{k}].id"),
                format!("the id is used before, at {list}[{first}]"),
            ));
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn run_through(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    o: &MatchOptions,
    cohort: Option<&CohortId>,
    gate: &Gate<'_>,
    asks_newcomer: impl Fn(&Newcomer) -> bool,
    asks_offer: impl Fn(&Offer) -> bool,
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    unique_ids(newcomers.iter().map(|n| n.id.as_str()), "newcomers")?;
    unique_ids(offers.iter().map(|o| o.id.as_str()), "offers")?;
    let register = gate.register;
    let mut left_out = Vec::new();
    let newcomers = with_basis(
        newcomers,
        register,
        o.as_of,
        &mut left_out,
        |n| Subject::newcomer(n.id.clone()),
        |n| gate.every_subject || asks_newcomer(n),
    );
    let offers = with_basis(
        offers,
        register,
        o.as_of,
        &mut left_out,
        |of| Subject::offer(of.id.clone()),
        |of| gate.every_subject || asks_offer(of),
    );
    let mut run = run_sensitive(rules, &newcomers, &offers, o, cohort, register, ctx)?;
    if !left_out.is_empty() {
        left_out.append(&mut run.withheld);
        run.withheld = left_out;
    }
    run.declared_bases.clone_from(&o.bases);
    Ok(run)
}

/// The records a basis for matching covers on `on` (or that are not asked); the others are
/// listed in `left_out`.
fn with_basis<'a, T: Clone>(
    records: &'a [T],
    register: &Register<'_>,
    on: chrono::NaiveDate,
    left_out: &mut Vec<WithheldAttribute>,
    subject: impl Fn(&T) -> Subject,
    asked: impl Fn(&T) -> bool,
) -> Cow<'a, [T]> {
    let keep: Vec<bool> = records
        .iter()
        .map(|r| {
            if !asked(r) {
                return true;
            }
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
    ctx: &RunContext,
) -> Result<MatchRun, BrobyggerError> {
    let attributes = used_sensitive(rules);
    if attributes.is_empty() {
        return outcome::run_unchecked(rules, newcomers, offers, o, cohort, ctx);
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
        outcome::run_unchecked(rules, &masked_newcomers, &masked_offers, o, cohort, ctx)?
    } else {
        let mut lists: Vec<Vec<(u32, i64)>> = vec![Vec::new(); newcomers.len()];
        let mut capacities = Vec::new();
        let mut pairs = 0u64;
        // The candidates' progress counts households group by group; the solver reports its own.
        let watch = &ctx.watch;
        let total = newcomers.len() as u64;
        let mut done = 0u64;
        watch.start(Stage::Candidates, total)?;
        for (skip, members) in &groups {
            let mut reduced = rules.clone();
            reduced.rules.retain(|r| !skip.contains(&r.id));
            let group: Vec<Newcomer> = members
                .iter()
                .filter_map(|&i| masked_newcomers.get(i).cloned())
                .collect();
            let c = outcome::candidates_in(&reduced, &group, &masked_offers, ctx);
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
            done = done.saturating_add(members.len() as u64).min(total);
            watch.report(Progress {
                stage: Stage::Candidates,
                done,
                total,
            })?;
        }
        watch.finish(Stage::Candidates, total)?;
        let mut merged = Candidates::from_lists(lists, capacities);
        merged.pairs_evaluated = pairs;
        outcome::run_with_candidates(
            rules,
            &masked_newcomers,
            &masked_offers,
            o,
            cohort,
            merged,
            ctx,
        )?
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
