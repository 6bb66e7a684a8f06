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
//! - industries outside the library's list of industry ids (free text such as the name of a
//!   shop) become `other`.
//!
//! For each person in scope: the name becomes a neutral label, contact details, notes and the
//! child-protection certificate are removed, and the name is scrubbed from every text in the
//! dossier: each part of it as a whole word in any case and with the Danish possessive
//! (`Fatima`, `FATIMA`, `fatima`, `Fatimas`, `Fatima's`; parts of two letters, such as `Al`,
//! only as written, so the word `al` in a sentence stays). The person's e-mail address and
//! phone number are scrubbed from every text too. With [`AnonymisationScope::Everyone`], a
//! champion (an individual, ildsjæl, recorded as an organisation) is a private person too: the
//! name becomes a neutral label and is scrubbed alike, the profile's free text is removed and
//! the id is replaced.
//!
//! In every text of what is anonymised (the households', the people's, their consents',
//! proposals' and introductions' records; with `Everyone`, the whole dossier), e-mail
//! addresses, phone numbers and CPR-like numbers (`DDMMYY-NNNN` with a real day and month) are
//! replaced by `[…]`, whoever they belong to.
//!
//! Then every id of a household or person in scope is replaced by a fresh one everywhere it
//! occurs: in every field that refers to it and inside any text or id that contains it, in any
//! case and with anything attached (`nc-3817-2204b`, `NC-3817-2204`, `sag-nc-3817-2204`), unless
//! what contains it is the id of something else in the dossier. The replacement is a function of
//! the text, so every link stays consistent. Fresh ids are random (the mapping is not kept);
//! with a [`PseudonymKey`] they are keyed pseudonyms instead, reproducible by whoever holds the
//! key (pseudonymisation, not anonymisation).

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::Text;
use crate::ids::{CohortId, NewcomerId, PersonId, PolicyId};
use crate::matching::lookup::find_cohort;
use crate::matching::model::rules::{is_placeholder, placeholder_names};
use crate::privacy::audience::{age_band, large_areas, merged_area, quarter_start};
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{BasisScope, Subject};
use crate::privacy::model::store::AnonymisationRecord;
use crate::privacy::pseudonym::PseudonymKey;
use crate::roles::model::catalogue::TaskCatalogue;
use chrono::NaiveDate;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

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

/// E-mail addresses, phone numbers (Danish eight digits, alone or in pairs; international
/// with `+` or `00`) and CPR-like numbers (`DDMMYY-NNNN`, `DDMMYYNNNN`, with a real day and
/// month), found in linear time (the `regex` crate's automata never backtrack).
static PERSONAL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}",
        r"|(?:\+|\b00)\d{1,3}[ \-.]?(?:\d[ \-.]?){5,12}\d\b",
        r"|\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[ \-]?\d{4}\b",
        r"|\b\d{2}[ \-.]\d{2}[ \-.]\d{2}[ \-.]\d{2}\b",
        r"|\b\d{4} \d{4}\b",
        r"|\b\d{8}\b",
    ))
    .ok()
});

/// `s` with every e-mail address, phone number and CPR-like number replaced by `[…]`.
fn scrub_personal(s: &str) -> Option<String> {
    let re = PERSONAL.as_ref()?;
    if !re.is_match(s) {
        return None;
    }
    Some(re.replace_all(s, "[…]").into_owned())
}

/// The library's own words: every value of a vocabulary a dossier's schema names (`matching`,
/// `national_ngo`, `newcomer`), every field name it has, the built-in task catalogue's ids and
/// every placeholder a rule's explanation may hold. A string that is one of them, or a path of
/// them (`offer.credentials`, `offers[0].title`), is a value the reader needs back as it was,
/// never a text to scrub, whoever shares its spelling (a person named Care, Written or Offer).
static LIBRARY_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    fn collect(v: &serde_json::Value, out: &mut HashSet<String>) {
        match v {
            serde_json::Value::Array(items) => items.iter().for_each(|x| collect(x, out)),
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    match (k.as_str(), x) {
                        ("const", serde_json::Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        ("enum", serde_json::Value::Array(items)) => {
                            out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)));
                        }
                        ("properties", serde_json::Value::Object(fields)) => {
                            out.extend(fields.keys().cloned());
                            collect(x, out);
                        }
                        _ => collect(x, out),
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = HashSet::new();
    collect(&crate::schema::dossier_schema(), &mut out);
    out.extend(
        TaskCatalogue::builtin()
            .tasks
            .iter()
            .map(|t| t.id.as_str().to_owned()),
    );
    out.extend(placeholder_names().map(str::to_owned));
    out
});

/// Whether `s` is the library's own text: one of its words, or a path of them with indices.
fn library_text(s: &str) -> bool {
    LIBRARY_WORDS.contains(s)
        || (s.contains(['.', '['])
            && s.split('.').all(|segment| {
                let name = segment.split('[').next().unwrap_or(segment);
                let indices = &segment[name.len()..];
                LIBRARY_WORDS.contains(name)
                    && indices.split_inclusive(']').all(|i| {
                        i.strip_prefix('[')
                            .and_then(|i| i.strip_suffix(']'))
                            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    })
            }))
}

/// The chars an id is made of.
fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')
}

struct Work {
    /// Ids to replace, exactly as written.
    ids: BTreeMap<String, String>,
    /// The same, ASCII-lower-cased (ids are ASCII), for ids in another case or with affixes.
    folded_ids: HashMap<String, String>,
    /// The lengths of the ids to replace.
    id_lens: BTreeSet<usize>,
    /// Every id in the dossier (lower-cased): a token that is one of them is another record's
    /// id, never an affixed form of an id in scope.
    known_ids: HashSet<String>,
    /// Name parts of two letters, matched as written.
    names: BTreeMap<String, String>,
    /// Longer name parts, lower-cased: matched in any case, with a possessive `s`.
    folded_names: HashSet<String>,
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

    /// Scrubs e-mail addresses, phone numbers and CPR-like numbers from every text of `v` that
    /// is not an id.
    fn scrub(&mut self, v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => {
                if !self.known_ids.contains(&s.to_ascii_lowercase())
                    && let Some(r) = scrub_personal(s)
                {
                    *s = r;
                    self.texts += 1;
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|x| self.scrub(x)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|x| self.scrub(x)),
            _ => {}
        }
    }

    fn string(&mut self, s: &mut String) {
        if let Some(new) = self.ids.get(s.as_str()) {
            *s = new.clone();
            return;
        }
        if library_text(s) {
            return;
        }
        // A rule's explanation holds `{placeholders}` that a person may share a word with
        // ("Age" in `{under_age}`); rewriting one would leave a template that no longer
        // validates, and a placeholder is the library's word, never a person's.
        let mut out = String::with_capacity(s.len());
        let mut changed = false;
        for (piece, protected) in placeholder_pieces(s) {
            let mut piece = piece.to_owned();
            if !protected {
                changed |= self.replace_in(&mut piece);
            }
            out.push_str(&piece);
        }
        if changed {
            *s = out;
            self.texts += 1;
        }
    }

    /// Replaces the ids and names in scope in `s`; whether anything was replaced.
    fn replace_in(&self, s: &mut String) -> bool {
        let mut changed = false;
        if let Some(r) = replace_tokens(s, &self.ids, char::is_alphanumeric, crate::ids::MAX_ID_LEN)
        {
            *s = r;
            changed = true;
        }
        if let Some(r) = self.replace_affixed_ids(s) {
            *s = r;
            changed = true;
        }
        if let Some(r) = replace_tokens(s, &self.names, char::is_alphabetic, 64) {
            *s = r;
            changed = true;
        }
        if let Some(r) = replace_folded_names(s, &self.folded_names) {
            *s = r;
            changed = true;
        }
        changed
    }

    /// Ids in scope inside longer tokens or in another case (`nc-1b`, `NC-1`), where the token
    /// is not itself the id of another record. Linear in `s` times the number of distinct id
    /// lengths.
    fn replace_affixed_ids(&self, s: &str) -> Option<String> {
        if self.folded_ids.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(s.len());
        let mut changed = false;
        let mut rest = s;
        while !rest.is_empty() {
            let start = rest.find(id_char).unwrap_or(rest.len());
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest.find(|c: char| !id_char(c)).unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            let folded = token.to_ascii_lowercase();
            let trimmed = folded.trim_end_matches(['.', ':', '-', '_']);
            if self.known_ids.contains(trimmed) && !self.folded_ids.contains_key(trimmed) {
                out.push_str(token);
                continue;
            }
            // The token is ASCII (id chars), so every byte is a char boundary.
            let mut i = 0;
            let mut copied = 0;
            while i < folded.len() {
                let hit = self.id_lens.iter().rev().find_map(|&len| {
                    folded
                        .get(i..i + len)
                        .and_then(|w| self.folded_ids.get(w))
                        .map(|fresh| (len, fresh))
                });
                match hit {
                    Some((len, fresh)) => {
                        out.push_str(&token[copied..i]);
                        out.push_str(fresh);
                        i += len;
                        copied = i;
                        changed = true;
                    }
                    None => i += 1,
                }
            }
            out.push_str(&token[copied..]);
        }
        changed.then_some(out)
    }
}

/// `s` cut into pieces that together are `s`, each marked whether it is a template placeholder
/// (`{name}` with a name some rule's explanation may use), which anonymisation leaves alone.
fn placeholder_pieces(s: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(['}', '{']) else {
            break;
        };
        let name = &after[..close];
        if after[close..].starts_with('}') && is_placeholder(name) {
            pieces.push((&rest[..open], false));
            pieces.push((&rest[open..open + close + 2], true));
            rest = &after[close + 1..];
        } else {
            // Not a placeholder: keep the brace with the text before it and go on after it.
            pieces.push((&rest[..open + 1], false));
            rest = after;
        }
    }
    pieces.push((rest, false));
    pieces
}

/// Replaces every word of `s` that is one of `names` (lower-cased) in any case, or one of them
/// with the Danish possessive `s`, by `[…]`.
fn replace_folded_names(s: &str, names: &HashSet<String>) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut rest = s;
    while !rest.is_empty() {
        let start = rest.find(char::is_alphabetic).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        let folded = word.to_lowercase();
        let hit = names.contains(&folded)
            || folded
                .strip_suffix('s')
                .is_some_and(|stem| names.contains(stem));
        if hit {
            out.push_str("[…]");
            changed = true;
        } else {
            out.push_str(word);
        }
    }
    changed.then_some(out)
}

/// Every id in a dossier: each string under an `id` key, lower-cased.
fn collect_ids(v: &serde_json::Value, out: &mut HashSet<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|x| collect_ids(x, out)),
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                if k == "id"
                    && let serde_json::Value::String(id) = x
                {
                    out.insert(id.to_ascii_lowercase());
                }
                collect_ids(x, out);
            }
        }
        _ => {}
    }
}

/// The digits of a phone number, its country code left off (the last eight digits for a Danish
/// number).
fn digits_of(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let skip = digits.len().saturating_sub(8);
    digits[skip..].to_owned()
}

/// Replaces each of `contacts` (an e-mail address lower-cased, or a phone number's digits)
/// wherever a text in `v` holds it: an address in any case, a number however it is spaced.
fn scrub_contacts(v: &mut serde_json::Value, contacts: &[String], texts: &mut u32) {
    if contacts.is_empty() {
        return;
    }
    match v {
        serde_json::Value::String(s) => {
            let mut changed = false;
            for c in contacts {
                if c.contains('@') {
                    let folded = s.to_lowercase();
                    // Lower-casing can change byte lengths outside ASCII: replace only where
                    // the text is as long lower-cased (always, for ASCII texts).
                    if folded.len() == s.len() && folded.contains(c.as_str()) {
                        let mut out = String::with_capacity(s.len());
                        let mut from = 0;
                        for (at, _) in folded.match_indices(c.as_str()) {
                            out.push_str(&s[from..at]);
                            out.push_str("[…]");
                            from = at + c.len();
                        }
                        out.push_str(&s[from..]);
                        *s = out;
                        changed = true;
                    }
                } else if let Some(r) = replace_number(s, c) {
                    *s = r;
                    changed = true;
                }
            }
            if changed {
                *texts += 1;
            }
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|x| scrub_contacts(x, contacts, texts)),
        serde_json::Value::Object(map) => map
            .values_mut()
            .for_each(|x| scrub_contacts(x, contacts, texts)),
        _ => {}
    }
}

/// `s` with every run of digits (spaced by blanks, `-`, `.`, `(`, `)` or a leading `+`) whose
/// digits end with `digits` replaced by `[…]`.
fn replace_number(s: &str, digits: &str) -> Option<String> {
    let part = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+');
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut rest = s;
    while !rest.is_empty() {
        let start = rest
            .find(|c: char| c.is_ascii_digit() || c == '+')
            .unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c: char| !part(c)).unwrap_or(rest.len());
        let run = &rest[..end];
        rest = &rest[end..];
        let run_digits: String = run.chars().filter(char::is_ascii_digit).collect();
        if run_digits.ends_with(digits) {
            // Keep the blank that ended a sentence's word before the next one.
            let trailing = &run[run.trim_end().len()..];
            out.push_str("[…]");
            out.push_str(trailing);
            changed = true;
        } else {
            out.push_str(run);
        }
    }
    changed.then_some(out)
}

/// The parts of the dossier's JSON that belong to the records anonymised: each household's
/// profile, the cohort's introductions of it, its consents, bases and proposals, each person's
/// record; with `Everyone`, the whole dossier.
fn personal_records<'v>(
    value: &'v mut serde_json::Value,
    d: &Dossier,
    households: &BTreeSet<NewcomerId>,
    people: &BTreeSet<PersonId>,
    scope: &AnonymisationScope,
) -> Vec<&'v mut serde_json::Value> {
    if *scope == AnonymisationScope::Everyone {
        return vec![value];
    }
    let subject_in_scope = |s: &Subject| match s {
        Subject::Newcomer { newcomer } => households.contains(newcomer),
        Subject::Person { person } => people.contains(person),
        _ => false,
    };
    let consents: BTreeSet<usize> = d
        .privacy
        .consents
        .iter()
        .enumerate()
        .filter(|(_, c)| subject_in_scope(&c.subject))
        .map(|(k, _)| k)
        .collect();
    let proposals: BTreeSet<usize> = d
        .privacy
        .proposals
        .iter()
        .enumerate()
        .filter(|(_, p)| households.contains(&p.newcomer))
        .map(|(k, _)| k)
        .collect();
    let person_rows: BTreeSet<usize> = d
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| people.contains(&p.id))
        .map(|(k, _)| k)
        .collect();
    let mut out = Vec::new();
    let Some(map) = value.as_object_mut() else {
        return out;
    };
    for (key, v) in map.iter_mut() {
        match key.as_str() {
            "cohorts" => {
                for (ci, c) in v.as_array_mut().into_iter().flatten().enumerate() {
                    let Some(cohort) = d.cohorts.get(ci) else {
                        continue;
                    };
                    let Some(c) = c.as_object_mut() else { continue };
                    for (ck, cv) in c.iter_mut() {
                        let rows: Vec<bool> = match ck.as_str() {
                            "newcomers" => cohort
                                .newcomers
                                .iter()
                                .map(|n| households.contains(&n.id))
                                .collect(),
                            "introductions" => cohort
                                .introductions
                                .iter()
                                .map(|r| households.contains(&r.newcomer))
                                .collect(),
                            _ => continue,
                        };
                        for (row, x) in cv.as_array_mut().into_iter().flatten().enumerate() {
                            if rows.get(row).copied().unwrap_or(false) {
                                out.push(x);
                            }
                        }
                    }
                }
            }
            "people" => {
                for (k, x) in v.as_array_mut().into_iter().flatten().enumerate() {
                    if person_rows.contains(&k) {
                        out.push(x);
                    }
                }
            }
            "privacy" => {
                let Some(p) = v.as_object_mut() else { continue };
                for (pk, pv) in p.iter_mut() {
                    let rows = match pk.as_str() {
                        "consents" => &consents,
                        "proposals" => &proposals,
                        _ => continue,
                    };
                    for (k, x) in pv.as_array_mut().into_iter().flatten().enumerate() {
                        if rows.contains(&k) {
                            out.push(x);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
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
            // An industry outside the library's ids is free text (a shop's name, an employer).
            for industry in &mut n.industries {
                if !crate::matching::tags::is_known_tag(industry) {
                    *industry = "other".to_owned();
                    report.fields_removed += 1;
                }
            }
            n.industries.sort_unstable();
            n.industries.dedup();
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
    for r in &mut d.outcomes {
        if let Some(days) = offsets.get(&r.household) {
            r.on = shift(r.on, *days);
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
    let mut folded_names = HashSet::new();
    let mut add_name = |name: &str| {
        for part in name.split(|c: char| !c.is_alphabetic()) {
            match part.chars().count() {
                0 | 1 => {}
                2 => {
                    names.insert(part.to_owned(), "[…]".to_owned());
                }
                _ => {
                    folded_names.insert(part.to_lowercase());
                }
            }
        }
    };
    // The person's own e-mail address and phone number, wherever a text repeats them.
    let mut contacts: Vec<String> = Vec::new();
    for (k, person) in d.people.iter_mut().enumerate() {
        if !people.contains(&person.id) {
            continue;
        }
        add_name(&person.name);
        contacts.extend(person.email.iter().map(|e| e.trim().to_lowercase()));
        contacts.extend(
            person
                .phone
                .iter()
                .map(|p| digits_of(p))
                .filter(|p| p.len() >= 6),
        );
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
    // A champion is a private person: in a copy of everyone, named and described no more.
    let mut champion_ids = Vec::new();
    if options.scope == AnonymisationScope::Everyone {
        let mut k = 0;
        for o in d.organisations.iter_mut().filter(|o| o.is_individual()) {
            k += 1;
            add_name(&o.name);
            o.name = format!("Anonymiseret ildsjæl {k}");
            let p = &mut o.profile;
            report.fields_removed += u32::from(p.purpose.is_some())
                + u32::from(p.area.is_some())
                + p.partners.len() as u32;
            p.purpose = None;
            p.area = None;
            p.partners.clear();
            report.people += 1;
            champion_ids.push(o.id.to_string());
        }
    }
    let mut ids = BTreeMap::new();
    for c in &champion_ids {
        let fresh = format!(
            "DK-LOCAL-anonym-{:012}",
            crate::random::random_u64() % 1_000_000_000_000
        );
        ids.insert(c.clone(), fresh);
    }
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
    let mut value = serde_json::to_value(&d).map_err(|e| BrobyggerError::Internal {
        code: PrivacyCode::Anonymise.into(),
        reason: crate::error::redact_message(&e.to_string()),
    })?;
    let mut known_ids = HashSet::new();
    collect_ids(&value, &mut known_ids);
    known_ids.extend(ids.values().map(|f| f.to_ascii_lowercase()));
    let mut work = Work {
        folded_ids: ids
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
            .collect(),
        id_lens: ids.keys().map(String::len).collect(),
        ids,
        known_ids,
        names,
        folded_names,
        texts: 0,
    };
    // E-mail addresses, phone numbers and CPR-like numbers go from the texts of the records
    // anonymised (all of them in a copy of everyone); then ids and names go from every text.
    // The log of earlier anonymisations holds no ids; the rest is walked.
    for record in personal_records(&mut value, &d, &households, &people, &options.scope) {
        work.scrub(record);
    }
    scrub_contacts(&mut value, &contacts, &mut work.texts);
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
    fn placeholders_are_cut_out_whole_and_nothing_else_is() {
        let pieces = placeholder_pieces("Age {under_age} {Age} {age {offer}} {");
        let joined: String = pieces.iter().map(|(p, _)| *p).collect();
        assert_eq!(joined, "Age {under_age} {Age} {age {offer}} {");
        let protected: Vec<&str> = pieces
            .iter()
            .filter(|(_, kept)| *kept)
            .map(|(p, _)| *p)
            .collect();
        assert_eq!(protected, vec!["{under_age}", "{offer}"]);
        assert_eq!(placeholder_pieces(""), vec![("", false)]);
    }

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

    fn work(ids: &[(&str, &str)], known: &[&str], names: &[&str]) -> Work {
        let ids: BTreeMap<String, String> = ids
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        Work {
            folded_ids: ids
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
                .collect(),
            id_lens: ids.keys().map(String::len).collect(),
            known_ids: known
                .iter()
                .map(|k| k.to_ascii_lowercase())
                .chain(ids.values().map(|v| v.to_ascii_lowercase()))
                .collect(),
            ids,
            names: BTreeMap::new(),
            folded_names: names.iter().map(|n| n.to_lowercase()).collect(),
            texts: 0,
        }
    }

    fn scrubbed(w: &mut Work, s: &str) -> String {
        let mut s = s.to_owned();
        w.string(&mut s);
        s
    }

    #[test]
    fn ids_with_affixes_and_in_another_case_are_replaced_but_other_ids_are_not() {
        let mut w = work(&[("nc-3817-2204", "nc-X")], &["nc-3817-22045", "nc-1"], &[]);
        assert_eq!(scrubbed(&mut w, "sag nc-3817-2204b"), "sag nc-Xb");
        assert_eq!(scrubbed(&mut w, "NC-3817-2204."), "nc-X.");
        assert_eq!(scrubbed(&mut w, "ref:nc-3817-2204_mor"), "ref:nc-X_mor");
        // Another household's id that happens to contain it is left alone.
        assert_eq!(scrubbed(&mut w, "nc-3817-22045"), "nc-3817-22045");
        assert_eq!(scrubbed(&mut w, "se nc-3817-22045."), "se nc-3817-22045.");
    }

    #[test]
    fn names_in_any_case_and_the_possessive_are_scrubbed() {
        let mut w = work(&[], &[], &["Fatima", "Åse"]);
        assert_eq!(
            scrubbed(
                &mut w,
                "FATIMA, fatima, Fatimas cykel og Fatima's bog; Åses mor ÅSE"
            ),
            "[…], […], […] cykel og […]'s bog; […] mor […]"
        );
        assert_eq!(scrubbed(&mut w, "Fatimazone"), "Fatimazone");
    }

    #[test]
    fn emails_phones_and_cpr_like_numbers_are_found() {
        for (text, want) in [
            ("skriv til fatima.h@example.dk i dag", "skriv til […] i dag"),
            ("ring 12 34 56 78 eller +45 12345678", "ring […] eller […]"),
            ("tlf. 1234 5678.", "tlf. […]."),
            ("cpr 010190-1234 og 0101901234", "cpr […] og […]"),
        ] {
            assert_eq!(scrub_personal(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "2016-04-01",
            "kl. 10:30",
            "320999-1234 er ikke en dato",
            "nc-3817-2204",
            "3 børn",
        ] {
            assert_eq!(scrub_personal(text), None, "{text}");
        }
    }

    #[test]
    fn a_persons_phone_is_found_however_it_is_spaced() {
        assert_eq!(
            replace_number("ring 12 34-56 78 i dag", "12345678").as_deref(),
            Some("ring […] i dag")
        );
        assert_eq!(replace_number("1 234 567", "12345678"), None);
    }
}
