//! Every structural problem with a dossier's cohorts, offers, rule sets, runs and introduction
//! plans (part of [`Dossier::validate`](crate::Dossier::validate)).

use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding};
use crate::ids::{NewcomerId, is_well_formed};
use crate::matching::lookup::{find_cohort, find_offer, find_rule_set};
use crate::matching::model::intro::IntroductionPlan;
use crate::matching::model::profile::{LanguageSkill, Need, is_language_code};
use crate::matching::model::rules::{MatchingCode, add};
use crate::matching::model::run::MatchRun;
use crate::validation_code::ValidationCode;
use std::collections::{HashMap, HashSet};

fn dangling(out: &mut Vec<Finding>, path: FieldPath, what_da: &str, what_en: &str, id: &str) {
    add(
        out,
        ValidationCode::DanglingReference,
        path,
        format!("Henvisningen peger på {what_da} '{id}', som ikke findes i dossieret."),
        format!("The reference points at {what_en} '{id}', which is not in the dossier."),
    );
}

fn bad_id(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        ValidationCode::InvalidId,
        path,
        "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
        "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
    );
}

fn empty(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        ValidationCode::EmptyText,
        path,
        "Feltet er tomt.".into(),
        "The field is empty.".into(),
    );
}

fn duplicate(out: &mut Vec<Finding>, path: FieldPath, id: &str) {
    add(
        out,
        ValidationCode::DuplicateId,
        path,
        format!("Id'et '{id}' er brugt før."),
        format!("The id '{id}' is used before."),
    );
}

fn languages(out: &mut Vec<Finding>, path: FieldPath, skills: &[LanguageSkill]) {
    let mut seen = HashSet::new();
    for (k, s) in skills.iter().enumerate() {
        let p = path.index(k).field("language");
        if !is_language_code(&s.language) {
            add(
                out,
                MatchingCode::InvalidLanguageCode,
                p,
                "Sprogkoden skal være en ISO 639-kode med 2 eller 3 små bogstaver.".into(),
                "The language code must be an ISO 639 code of 2 or 3 lower-case letters.".into(),
            );
        } else if !seen.insert(s.language.as_str()) {
            add(
                out,
                MatchingCode::DuplicateLanguage,
                p,
                "Sproget står der allerede; det højeste niveau gælder.".into(),
                "The language is listed already; the highest level counts.".into(),
            );
        }
    }
}

fn location(
    out: &mut Vec<Finding>,
    path: FieldPath,
    c: Option<crate::matching::model::profile::Coordinates>,
) {
    if c.is_some_and(|c| !c.is_valid()) {
        add(
            out,
            MatchingCode::InvalidCoordinates,
            path,
            "Koordinaterne skal være endelige, med bredde −90 til 90 og længde −180 til 180."
                .into(),
            "Coordinates must be finite, latitude −90 to 90 and longitude −180 to 180.".into(),
        );
    }
}

fn tags(out: &mut Vec<Finding>, path: FieldPath, items: &[String]) {
    for (k, t) in items.iter().enumerate() {
        if !is_well_formed(t) {
            bad_id(out, path.index(k));
        }
    }
}

fn needs(out: &mut Vec<Finding>, path: FieldPath, items: &[Need]) {
    for (k, n) in items.iter().enumerate() {
        if let Need::Custom { id } = n
            && !is_well_formed(id)
        {
            bad_id(out, path.index(k).field("custom").field("id"));
        }
    }
}

/// A run's own id and everything it refers to: what a stored run must satisfy, whether it is
/// being added (so a malformed `--run-id` is refused before it is written) or validated.
pub(crate) fn run_refs(d: &Dossier, run: &MatchRun, p: &FieldPath, out: &mut Vec<Finding>) {
    if !is_well_formed(run.id.as_str()) {
        bad_id(out, p.field("id"));
    }
    if find_rule_set(d, &run.rule_set).is_none() {
        dangling(
            out,
            p.field("rule_set"),
            "regelsættet",
            "the rule set",
            run.rule_set.as_str(),
        );
    }
    let cohort = run.cohort.as_ref().and_then(|c| find_cohort(d, c));
    if let Some(c) = &run.cohort
        && cohort.is_none()
    {
        dangling(out, p.field("cohort"), "kohorten", "the cohort", c.as_str());
    }
    let known = |n: &NewcomerId| match cohort {
        Some(c) => c.newcomer(n).is_some(),
        None => d.cohorts.iter().any(|c| c.newcomer(n).is_some()),
    };
    let mut seen = HashSet::new();
    for (k, m) in run.matches.iter().enumerate() {
        let mp = p.field("matches").index(k);
        if !known(&m.newcomer) {
            dangling(
                out,
                mp.field("newcomer"),
                "husstanden",
                "the household",
                m.newcomer.as_str(),
            );
        }
        if !seen.insert(m.newcomer.as_str()) {
            add(
                out,
                MatchingCode::StoredMatchInvalid,
                mp.field("newcomer"),
                "Husstanden er matchet to gange i samme kørsel.".into(),
                "The household is matched twice in the same run.".into(),
            );
        }
        if find_offer(d, &m.offer).is_none() {
            dangling(
                out,
                mp.field("offer"),
                "tilbuddet",
                "the offer",
                m.offer.as_str(),
            );
        }
    }
    for (k, u) in run.unmatched.iter().enumerate() {
        if !known(&u.newcomer) {
            dangling(
                out,
                p.field("unmatched").index(k).field("newcomer"),
                "husstanden",
                "the household",
                u.newcomer.as_str(),
            );
        }
    }
}

/// Every finding about the dossier's matching data.
pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let root = FieldPath::root();
    let mut cohort_ids = HashSet::new();
    let mut newcomer_ids: HashMap<&str, ()> = HashMap::new();
    for (k, c) in d.cohorts.iter().enumerate() {
        let cp = root.field("cohorts").index(k);
        if !is_well_formed(c.id.as_str()) {
            bad_id(&mut out, cp.field("id"));
        }
        if !cohort_ids.insert(c.id.as_str()) {
            duplicate(&mut out, cp.field("id"), c.id.as_str());
        }
        if c.title.trim().is_empty() {
            empty(&mut out, cp.field("title"));
        }
        if let Some(m) = &c.municipality
            && d.municipality(m).is_none()
        {
            dangling(
                &mut out,
                cp.field("municipality"),
                "kommunen",
                "the municipality",
                m.as_str(),
            );
        }
        plan(&mut out, cp.field("plan"), &c.plan);
        for (i, n) in c.newcomers.iter().enumerate() {
            let np = cp.field("newcomers").index(i);
            if !is_well_formed(n.id.as_str()) {
                bad_id(&mut out, np.field("id"));
            } else if crate::ids::id_looks_derived(n.id.as_str(), "") {
                add(
                    &mut out,
                    MatchingCode::NewcomerIdNotPseudonymous,
                    np.field("id"),
                    "Id'et ligner et personnummer; brug et tilfældigt id.".into(),
                    "The id looks like a national id number; use a random id.".into(),
                );
            }
            if newcomer_ids.insert(n.id.as_str(), ()).is_some() {
                duplicate(&mut out, np.field("id"), n.id.as_str());
            }
            if n.integration_contract_meeting
                .is_some_and(|m| m < n.arrival)
            {
                add(
                    &mut out,
                    MatchingCode::BeforeArrival,
                    np.field("integration_contract_meeting"),
                    "Datoen ligger før husstandens ankomst.".into(),
                    "The date is before the household's arrival.".into(),
                );
            }
            if n.area.as_deref().is_some_and(|a| a.trim().is_empty()) {
                empty(&mut out, np.field("area"));
            }
            location(&mut out, np.field("location"), n.location);
            languages(&mut out, np.field("languages"), &n.languages);
            needs(&mut out, np.field("needs"), &n.needs);
            tags(&mut out, np.field("industries"), &n.industries);
            tags(&mut out, np.field("interests"), &n.interests);
            plausible_date(&mut out, np.field("arrival"), Some(n.arrival));
            plausible_date(
                &mut out,
                np.field("integration_contract_meeting"),
                n.integration_contract_meeting,
            );
            plausible_date(&mut out, np.field("waiting_since"), n.waiting_since);
            let people = u64::from(n.household.adults)
                .saturating_add(n.household.children_ages.len() as u64);
            if people > u64::from(u32::MAX) {
                out_of_range(
                    &mut out,
                    np.field("household"),
                    "Husstanden har flere personer, end et antal kan rumme.",
                    "The household has more people than a count holds.",
                );
            }
            for (a, age) in n.household.children_ages.iter().enumerate() {
                if *age >= 18 {
                    add(
                        &mut out,
                        MatchingCode::ChildAgeOutOfRange,
                        np.field("household").field("children_ages").index(a),
                        "Et barn på 18 år eller mere tæller som voksen.".into(),
                        "A child of 18 or more counts as an adult.".into(),
                    );
                }
            }
        }
        for (r, rec) in c.introductions.iter().enumerate() {
            let rp = cp.field("introductions").index(r);
            match c.newcomer(&rec.newcomer) {
                None => dangling(
                    &mut out,
                    rp.field("newcomer"),
                    "husstanden",
                    "the household",
                    rec.newcomer.as_str(),
                ),
                Some(n) if rec.on < n.arrival => add(
                    &mut out,
                    MatchingCode::BeforeArrival,
                    rp.field("on"),
                    "Introduktionen ligger før husstandens ankomst.".into(),
                    "The introduction is before the household's arrival.".into(),
                ),
                Some(_) => {}
            }
            for (q, o) in rec.offers.iter().enumerate() {
                if find_offer(d, o).is_none() {
                    dangling(
                        &mut out,
                        rp.field("offers").index(q),
                        "tilbuddet",
                        "the offer",
                        o.as_str(),
                    );
                }
            }
            if let Some(p) = &rec.by
                && d.post(p).is_none()
            {
                dangling(&mut out, rp.field("by"), "posten", "the post", p.as_str());
            }
        }
    }
    let places: u64 = d.offers.iter().map(|o| u64::from(o.capacity)).sum();
    if places > u64::from(u32::MAX) {
        out_of_range(
            &mut out,
            root.field("offers"),
            "Tilbuddene har tilsammen flere end fire milliarder pladser.",
            "The offers have more than four billion places together.",
        );
    }
    let mut offer_ids = HashSet::new();
    for (j, o) in d.offers.iter().enumerate() {
        plausible_date(
            &mut out,
            root.field("offers").index(j).field("listed_on"),
            o.listed_on,
        );
        let op = root.field("offers").index(j);
        if !is_well_formed(o.id.as_str()) {
            bad_id(&mut out, op.field("id"));
        }
        if !offer_ids.insert(o.id.as_str()) {
            duplicate(&mut out, op.field("id"), o.id.as_str());
        }
        if o.title.trim().is_empty() {
            empty(&mut out, op.field("title"));
        }
        if let Some(party) = &o.provider
            && !d.party_exists(party)
        {
            dangling(
                &mut out,
                op.field("provider"),
                "parten",
                "the party",
                &party.key(),
            );
        }
        if let Some(v) = &o.volunteer
            && d.person(v).is_none()
        {
            dangling(
                &mut out,
                op.field("volunteer"),
                "personen",
                "the person",
                v.as_str(),
            );
        }
        if o.places_taken > o.capacity {
            add(
                &mut out,
                MatchingCode::OverCapacity,
                op.field("places_taken"),
                "Der er flere optagne pladser end kapaciteten.".into(),
                "More places are taken than the capacity.".into(),
            );
        }
        location(&mut out, op.field("location"), o.location);
        languages(&mut out, op.field("languages"), &o.languages);
        needs(&mut out, op.field("serves"), &o.serves);
        tags(&mut out, op.field("industries"), &o.industries);
        tags(&mut out, op.field("interests"), &o.interests);
    }
    let mut rule_set_ids = HashSet::new();
    for (k, rs) in d.rule_sets.iter().enumerate() {
        let rp = root.field("rule_sets").index(k);
        if !rule_set_ids.insert(rs.id.as_str()) {
            duplicate(&mut out, rp.field("id"), rs.id.as_str());
        }
        rs.validate_into(&rp, &mut out);
    }
    let mut run_ids = HashSet::new();
    for (k, r) in d.match_runs.iter().enumerate() {
        let rp = root.field("match_runs").index(k);
        if !run_ids.insert(r.id.as_str()) {
            duplicate(&mut out, rp.field("id"), r.id.as_str());
        }
        run_refs(d, r, &rp, &mut out);
    }
    relationships(d, &mut out);
    out
}

/// The years a date of a household or an offer may fall in: well beyond any real arrival, and
/// far inside what date arithmetic (retention periods, anonymisation's coarsening) can reach.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn out_of_range(out: &mut Vec<Finding>, path: FieldPath, da: &str, en: &str) {
    add(out, ValidationCode::OutOfRange, path, da.into(), en.into());
}

fn plausible_date(out: &mut Vec<Finding>, path: FieldPath, date: Option<chrono::NaiveDate>) {
    use chrono::Datelike;
    if date.is_some_and(|d| !PLAUSIBLE_YEARS.contains(&d.year())) {
        out_of_range(
            out,
            path,
            "Datoen ligger uden for årene 1900-2200.",
            "The date lies outside the years 1900 to 2200.",
        );
    }
}

fn plan(out: &mut Vec<Finding>, p: FieldPath, plan: &IntroductionPlan) {
    for (field, v) in [
        ("first_within_days", plan.first_within_days),
        ("deadline_months", plan.deadline_months),
        ("repeat_every_days", plan.repeat_every_days),
        ("period_months", plan.period_months),
    ] {
        if v == 0 {
            add(
                out,
                ValidationCode::ZeroInterval,
                p.field(field),
                "Værdien skal være mindst 1.".into(),
                "The value must be at least 1.".into(),
            );
        }
    }
    if plan.period_months < plan.deadline_months {
        add(
            out,
            MatchingCode::ContradictoryParameters,
            p.field("period_months"),
            "Introduktionsperioden er kortere end fristen for første introduktion.".into(),
            "The introduction period is shorter than the deadline for the first introduction."
                .into(),
        );
    }
    if u64::from(plan.first_within_days) > u64::from(plan.deadline_months) * 31 {
        add(
            out,
            MatchingCode::ContradictoryParameters,
            p.field("first_within_days"),
            "Fristen for første introduktion ligger efter fristen for alle introduktioner.".into(),
            "The first introduction's deadline lies after the deadline for every introduction."
                .into(),
        );
    }
}

/// Stored relationships: ids, references, a history that follows the states, and what they
/// hold of each offer on each day it changes.
fn relationships(d: &Dossier, out: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut ids = HashSet::new();
    let households: HashSet<&str> = d
        .cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter().map(|n| n.id.as_str()))
        .collect();
    for (k, r) in d.relationships.iter().enumerate() {
        let rp = root.field("relationships").index(k);
        if !is_well_formed(r.id.as_str()) {
            bad_id(out, rp.field("id"));
        }
        if !ids.insert(r.id.as_str()) {
            duplicate(out, rp.field("id"), r.id.as_str());
        }
        if !households.contains(r.newcomer.as_str()) {
            dangling(
                out,
                rp.field("newcomer"),
                "husstanden",
                "the household",
                r.newcomer.as_str(),
            );
        }
        if find_offer(d, &r.offer).is_none() {
            dangling(
                out,
                rp.field("offer"),
                "tilbuddet",
                "the offer",
                r.offer.as_str(),
            );
        }
        if let Some(rs) = &r.rule_set
            && find_rule_set(d, rs).is_none()
        {
            dangling(
                out,
                rp.field("rule_set"),
                "regelsættet",
                "the rule set",
                rs.as_str(),
            );
        }
        if let Some(c) = &r.cohort
            && find_cohort(d, c).is_none()
        {
            dangling(
                out,
                rp.field("cohort"),
                "kohorten",
                "the cohort",
                c.as_str(),
            );
        }
        if let Some(prev) = &r.replaces
            && !d.relationships.iter().any(|x| &x.id == prev)
        {
            dangling(
                out,
                rp.field("replaces"),
                "forløbet",
                "the relationship",
                prev.as_str(),
            );
        }
        if let Some(bad) = r.first_bad_event() {
            add(
                out,
                MatchingCode::InvalidRelationship,
                rp.field("events").index(bad),
                "Hændelsen kan ikke følge forløbets tilstand eller ligger før den forrige.".into(),
                "The event cannot follow the relationship's state or is dated before the one before it.".into(),
            );
        }
    }
    // Places held: on each day a relationship is proposed, what holds a place of its offer.
    for o in &d.offers {
        let mut days: Vec<chrono::NaiveDate> = d
            .relationships
            .iter()
            .filter(|r| r.offer == o.id)
            .map(|r| r.proposed_on)
            .collect();
        days.sort();
        days.dedup();
        for day in days {
            let held = d
                .relationships
                .iter()
                .filter(|r| r.offer == o.id && r.holds_place_on(day))
                .count();
            let held = u32::try_from(held).unwrap_or(u32::MAX);
            if o.places_taken.saturating_add(held) > o.capacity {
                let k = d.offers.iter().position(|x| x.id == o.id).unwrap_or(0);
                add(
                    out,
                    MatchingCode::RelationshipsOverCapacity,
                    root.field("offers").index(k),
                    format!(
                        "Forløbene holder {} af tilbuddets {} pladser den {day} ud over de {} optagne.",
                        held, o.capacity, o.places_taken
                    ),
                    format!(
                        "Relationships hold {} of the offer's {} places on {day} besides the {} taken.",
                        held, o.capacity, o.places_taken
                    ),
                );
                break;
            }
        }
    }
}
