//! Search and filter in the register: free text in any case and inflection, and filters on the
//! association (kind, visibility) and its offers (activity kind, area, language, target group,
//! day of the week).
//!
//! An association matches when it passes the association filters, when at least one of its
//! offers passes every offer filter (if any is given) and when every word of the text is found
//! in the association or in one of those offers. An offer's language, target group and area
//! are its own, or else the association's. Hits come best first: a word found in the name
//! counts most, then in an offer's name, the kind of activity, the area, and the rest.

use crate::actors::OrganisationKind;
use crate::agreement::{ActivityKind, TargetGroup};
use crate::directory::model::{DirectoryOffer, OfferStatus, Visibility};
use crate::directory::register::{Directory, DirectoryAssociation};
use crate::directory::text::{Word, words};
use crate::i18n::{Label, Lang, labels};
use crate::matching::model::profile::{Weekday, language_name};

/// What to look for. Every filter left empty lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryQuery {
    /// Free text: every word must be found (names, descriptions, areas, activities, languages
    /// and target groups in Danish or English).
    pub text: Option<String>,
    /// Kinds of organisation, e.g. ethnic minority associations only.
    pub organisation_kinds: Vec<OrganisationKind>,
    /// Kinds of activity an offer must be.
    pub activity_kinds: Vec<ActivityKind>,
    /// Areas an offer must be in (case and spelling as the text search treats them).
    pub areas: Vec<String>,
    /// Languages an offer must be given in (ISO 639 codes).
    pub languages: Vec<String>,
    /// Target groups an offer must be for.
    pub target_groups: Vec<TargetGroup>,
    /// Days an offer must take place on.
    pub days: Vec<Weekday>,
    /// Only entries with this visibility.
    pub visibility: Option<Visibility>,
    /// Include offers that have ended.
    pub include_ended: bool,
}

impl DirectoryQuery {
    /// A query for free text.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// The list 003 tells of: the ethnic minority associations.
    pub fn ethnic_minority_associations() -> Self {
        Self {
            organisation_kinds: vec![OrganisationKind::EthnicMinorityAssociation],
            ..Self::default()
        }
    }

    fn has_offer_filters(&self) -> bool {
        !(self.activity_kinds.is_empty()
            && self.areas.is_empty()
            && self.languages.is_empty()
            && self.target_groups.is_empty()
            && self.days.is_empty())
    }
}

/// Where a word of the text was found.
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
pub enum MatchedField {
    /// The association's name.
    Name,
    /// An offer's name.
    OfferName,
    /// The kind of organisation or activity.
    Kind,
    /// An area.
    Area,
    /// A description or the activities a profile names.
    Description,
    /// A language.
    Language,
    /// A target group.
    TargetGroup,
}

labels!(MatchedField, "directory_matched_field" {
    Name => ("navn", "name"),
    OfferName => ("tilbuddets navn", "offer name"),
    Kind => ("type", "kind"),
    Area => ("område", "area"),
    Description => ("beskrivelse", "description"),
    Language => ("sprog", "language"),
    TargetGroup => ("målgruppe", "target group"),
});

impl MatchedField {
    fn weight(self) -> u32 {
        match self {
            MatchedField::Name => 8,
            MatchedField::OfferName => 6,
            MatchedField::Kind => 4,
            MatchedField::Area => 3,
            MatchedField::Description | MatchedField::Language | MatchedField::TargetGroup => 2,
        }
    }
}

/// One association found, with the offers that passed the filters.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DirectoryHit {
    /// The association, its offers narrowed to those that passed.
    pub association: DirectoryAssociation,
    /// How well the text matched (0 without a text); higher is better.
    pub score: u32,
    /// Where the text's words were found, best first.
    pub matched: Vec<MatchedField>,
}

/// The searchable words of an association or offer, by field.
struct Fields(Vec<(MatchedField, Vec<Word>)>);

impl Fields {
    fn push(&mut self, field: MatchedField, text: &str) {
        let w = words(text);
        if !w.is_empty() {
            self.0.push((field, w));
        }
    }

    fn both(&mut self, field: MatchedField, label: &dyn Label) {
        self.push(field, label.label(Lang::Da));
        self.push(field, label.label(Lang::En));
    }

    fn languages(&mut self, codes: &[String]) {
        for c in codes {
            self.push(MatchedField::Language, &language_name(c, Lang::Da));
            self.push(MatchedField::Language, &language_name(c, Lang::En));
        }
    }

    /// The best field a query word is found in.
    fn best(&self, q: &Word) -> Option<MatchedField> {
        self.0
            .iter()
            .filter(|(_, ws)| ws.iter().any(|w| q.matches(w)))
            .map(|(f, _)| *f)
            .max_by_key(|f| (f.weight(), std::cmp::Reverse(*f)))
    }
}

fn association_fields(a: &DirectoryAssociation) -> Fields {
    let mut f = Fields(Vec::new());
    f.push(MatchedField::Name, &a.name);
    f.both(MatchedField::Kind, &a.kind);
    if let Some(area) = &a.area {
        f.push(MatchedField::Area, area);
    }
    if let Some(s) = &a.summary {
        f.push(MatchedField::Description, s);
    }
    for act in &a.activities {
        f.push(MatchedField::Description, act);
    }
    f.languages(&a.languages);
    for g in &a.target_groups {
        f.both(MatchedField::TargetGroup, g);
    }
    f
}

fn offer_fields(a: &DirectoryAssociation, o: &DirectoryOffer) -> Fields {
    let mut f = Fields(Vec::new());
    f.push(MatchedField::OfferName, &o.name);
    f.both(MatchedField::Kind, &o.kind);
    if let Some(area) = a.offer_area(o) {
        f.push(MatchedField::Area, area);
    }
    if let Some(d) = &o.description {
        f.push(MatchedField::Description, d);
    }
    f.languages(a.offer_languages(o));
    for g in a.offer_target_groups(o) {
        f.both(MatchedField::TargetGroup, g);
    }
    f
}

fn same_area(want: &str, have: Option<&str>) -> bool {
    let Some(have) = have else { return false };
    let (w, h) = (words(want), words(have));
    !w.is_empty() && w.len() == h.len() && w.iter().zip(&h).all(|(a, b)| a == b)
}

fn offer_passes(q: &DirectoryQuery, a: &DirectoryAssociation, o: &DirectoryOffer) -> bool {
    (q.include_ended || o.status != OfferStatus::Ended)
        && (q.activity_kinds.is_empty() || q.activity_kinds.contains(&o.kind))
        && (q.areas.is_empty() || q.areas.iter().any(|w| same_area(w, a.offer_area(o))))
        && (q.languages.is_empty()
            || a.offer_languages(o)
                .iter()
                .any(|l| q.languages.iter().any(|w| w.eq_ignore_ascii_case(l))))
        && (q.target_groups.is_empty()
            || a.offer_target_groups(o)
                .iter()
                .any(|g| q.target_groups.contains(g)))
        && (q.days.is_empty()
            || o.schedule
                .iter()
                .any(|r| r.days.iter().any(|d| q.days.contains(d))))
}

pub(crate) fn search(directory: &Directory, q: &DirectoryQuery) -> Vec<DirectoryHit> {
    let query_words = q.text.as_deref().map(words).unwrap_or_default();
    let mut hits = Vec::new();
    for a in &directory.associations {
        if !q.organisation_kinds.is_empty() && !q.organisation_kinds.contains(&a.kind) {
            continue;
        }
        if q.visibility.is_some_and(|v| v != a.visibility) {
            continue;
        }
        let offers: Vec<&DirectoryOffer> =
            a.offers.iter().filter(|o| offer_passes(q, a, o)).collect();
        if q.has_offer_filters() && offers.is_empty() {
            continue;
        }
        let mut score = 0;
        let mut matched = Vec::new();
        if !query_words.is_empty() {
            let own = association_fields(a);
            let theirs: Vec<Fields> = offers.iter().map(|o| offer_fields(a, o)).collect();
            let mut all_found = true;
            for w in &query_words {
                let best = std::iter::once(&own)
                    .chain(&theirs)
                    .filter_map(|f| f.best(w))
                    .max_by_key(|f| (f.weight(), std::cmp::Reverse(*f)));
                match best {
                    Some(f) => {
                        score += f.weight();
                        if !matched.contains(&f) {
                            matched.push(f);
                        }
                    }
                    None => {
                        all_found = false;
                        break;
                    }
                }
            }
            if !all_found {
                continue;
            }
            matched.sort_by_key(|f| (std::cmp::Reverse(f.weight()), *f));
        } else if q.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            // A text with no words in it (only punctuation) finds nothing.
            continue;
        }
        let mut association = a.clone();
        association.offers = offers.into_iter().cloned().collect();
        hits.push(DirectoryHit {
            association,
            score,
            matched,
        });
    }
    // Stable: equal scores keep the register's (alphabetical) order.
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    hits
}
