//! Words that change with a count: `1 husstand` / `2 husstande`, `1 advarsel` / `3 advarsler`,
//! `1 day` / `2 days`. Never `husstand(e)`.
//!
//! Danish and English both have two forms for whole numbers: the singular for exactly one, the
//! plural for everything else, zero included (`0 husstande`, `0 households`). A phrase whose
//! adjectives agree with the count is one [`Plural`] too: `uløst kritisk uenighed` /
//! `uløste kritiske uenigheder`.

use super::number::integer;
use super::{Lang, Text};

/// A word or phrase in its singular and plural form, in Danish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    da: [&'static str; 2],
    en: [&'static str; 2],
}

impl Plural {
    /// The forms: Danish singular and plural, English singular and plural.
    pub const fn new(
        da_one: &'static str,
        da_other: &'static str,
        en_one: &'static str,
        en_other: &'static str,
    ) -> Self {
        Self {
            da: [da_one, da_other],
            en: [en_one, en_other],
        }
    }

    /// The form for `n` in `lang`, without the number: `husstand` for 1, `husstande` otherwise.
    pub fn form(&self, lang: Lang, n: u64) -> &'static str {
        let forms = match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        };
        if n == 1 { forms[0] } else { forms[1] }
    }

    /// The number and the form: `1 husstand`, `1.234 husstande`, `2 households`.
    pub fn count(&self, lang: Lang, n: u64) -> String {
        format!("{} {}", integer(lang, n), self.form(lang, n))
    }

    /// [`Plural::count`] in both languages, for a [`Text`].
    pub fn count_text(&self, n: u64) -> Text {
        Text::new(self.count(Lang::Da, n), self.count(Lang::En, n))
    }
}

/// `one` for a count of 1, `other` otherwise: for a verb that agrees with an English subject
/// (`1 household waits`, `2 households wait`), or any pair of words.
pub fn pick<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

/// A count of anything the library counts, as a `u64` (counts of `usize` and `u32` fit).
pub fn n(count: impl TryInto<u64>) -> u64 {
    count.try_into().unwrap_or(u64::MAX)
}

/// Households (of newcomers).
pub const HOUSEHOLD: Plural = Plural::new("husstand", "husstande", "household", "households");
/// Households that have arrived.
pub const ARRIVED_HOUSEHOLD: Plural = Plural::new(
    "ankommen husstand",
    "ankomne husstande",
    "household that has arrived",
    "households that have arrived",
);
/// Matches of a household and an offer (Danish `match` is the same in both forms).
pub const MATCH: Plural = Plural::new("match", "match", "match", "matches");
/// Volunteer offers (Danish `tilbud` is the same in both forms).
pub const OFFER: Plural = Plural::new("tilbud", "tilbud", "offer", "offers");
/// Free places of an offer.
pub const FREE_PLACE: Plural =
    Plural::new("ledig plads", "ledige pladser", "free place", "free places");
/// Days.
pub const DAY: Plural = Plural::new("dag", "dage", "day", "days");
/// Notice given ahead of a meeting, counted in days: `1 dags varsel`, `7 dages varsel`.
pub const NOTICE: Plural = Plural::new(
    "dags varsel",
    "dages varsel",
    "day's notice",
    "days' notice",
);
/// Active volunteers of an organisation.
pub const ACTIVE_VOLUNTEER: Plural = Plural::new(
    "aktiv frivillig",
    "aktive frivillige",
    "active volunteer",
    "active volunteers",
);
/// Members of an organisation.
pub const MEMBER: Plural = Plural::new("medlem", "medlemmer", "member", "members");
/// Adults of a household.
pub const ADULT: Plural = Plural::new("voksen", "voksne", "adult", "adults");
/// Children of a household.
pub const CHILD: Plural = Plural::new("barn", "børn", "child", "children");
/// Sides of a partnership (municipal, civil society).
pub const SIDE: Plural = Plural::new("side", "sider", "side", "sides");
/// Activities of an agreement.
pub const ACTIVITY: Plural = Plural::new("aktivitet", "aktiviteter", "activity", "activities");
/// Validation errors.
pub const VALIDATION_ERROR: Plural = Plural::new(
    "valideringsfejl",
    "valideringsfejl",
    "validation error",
    "validation errors",
);
/// Hours.
pub const HOUR: Plural = Plural::new("time", "timer", "hour", "hours");
/// Errors (findings of severity error; Danish `fejl` is the same in both forms).
pub const ERROR: Plural = Plural::new("fejl", "fejl", "error", "errors");
/// Warnings.
pub const WARNING: Plural = Plural::new("advarsel", "advarsler", "warning", "warnings");
/// Findings of severity info (`info` is the same in both forms in both languages).
pub const INFO: Plural = Plural::new("info", "info", "info", "info");
/// Pieces of advice (findings of severity info in a report).
pub const ADVICE: Plural = Plural::new("råd", "råd", "piece of advice", "pieces of advice");
/// Findings that block signing.
pub const BLOCKING_FINDING: Plural = Plural::new(
    "blokerende fund",
    "blokerende fund",
    "blocking finding",
    "blocking findings",
);
/// Findings.
pub const FINDING: Plural = Plural::new("fund", "fund", "finding", "findings");
/// Municipalities.
pub const MUNICIPALITY: Plural =
    Plural::new("kommune", "kommuner", "municipality", "municipalities");
/// Organisations.
pub const ORGANISATION: Plural = Plural::new(
    "organisation",
    "organisationer",
    "organisation",
    "organisations",
);
/// Posts (positions people hold).
pub const POST: Plural = Plural::new("post", "poster", "post", "posts");
/// Agreements.
pub const AGREEMENT: Plural = Plural::new("aftale", "aftaler", "agreement", "agreements");
/// Parties to an agreement.
pub const PARTY: Plural = Plural::new("part", "parter", "party", "parties");
/// Tasks of a role split.
pub const TASK: Plural = Plural::new("opgave", "opgaver", "task", "tasks");
/// Introductions of volunteer offers.
pub const INTRODUCTION: Plural = Plural::new(
    "introduktion",
    "introduktioner",
    "introduction",
    "introductions",
);
/// Times a week two people can both meet.
pub const COMMON_TIME: Plural = Plural::new(
    "fælles tidspunkt",
    "fælles tidspunkter",
    "common time",
    "common times",
);
/// Interests (shared between a household and a volunteer).
pub const INTEREST: Plural = Plural::new("interesse", "interesser", "interest", "interests");
/// A calendar's events.
pub const EVENT: Plural = Plural::new("begivenhed", "begivenheder", "event", "events");
/// Items of a checklist.
pub const ITEM: Plural = Plural::new("punkt", "punkter", "item", "items");
/// Items of a checklist not answered.
pub const UNANSWERED_ITEM: Plural = Plural::new(
    "ubesvaret punkt",
    "ubesvarede punkter",
    "unanswered item",
    "unanswered items",
);
/// Divergences in a checklist comparison, other than the open critical ones, to discuss.
pub const OTHER_DIVERGENCE: Plural = Plural::new(
    "anden uenighed at drøfte",
    "andre uenigheder at drøfte",
    "other divergence to discuss",
    "other divergences to discuss",
);
/// Rows of a spreadsheet.
pub const ROW: Plural = Plural::new("række", "rækker", "row", "rows");
/// Answers to a question or survey.
pub const ANSWER: Plural = Plural::new("svar", "svar", "answer", "answers");
/// Sensitive pieces of information about a person.
pub const SENSITIVE_ITEM: Plural = Plural::new(
    "følsom oplysning",
    "følsomme oplysninger",
    "sensitive item",
    "sensitive items",
);
/// Open critical divergences in a checklist comparison.
pub const OPEN_CRITICAL_DIVERGENCE: Plural = Plural::new(
    "uløst kritisk uenighed",
    "uløste kritiske uenigheder",
    "unresolved critical divergence",
    "unresolved critical divergences",
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_singular_is_for_exactly_one() {
        assert_eq!(HOUSEHOLD.count(Lang::Da, 1), "1 husstand");
        assert_eq!(HOUSEHOLD.count(Lang::Da, 2), "2 husstande");
        assert_eq!(HOUSEHOLD.count(Lang::Da, 0), "0 husstande");
        assert_eq!(WARNING.count(Lang::Da, 1), "1 advarsel");
        assert_eq!(WARNING.count(Lang::Da, 3), "3 advarsler");
        assert_eq!(DAY.count(Lang::En, 1), "1 day");
        assert_eq!(DAY.count(Lang::En, 2), "2 days");
        assert_eq!(HOUSEHOLD.count(Lang::Da, 1234), "1.234 husstande");
        assert_eq!(
            OPEN_CRITICAL_DIVERGENCE.count(Lang::Da, 2),
            "2 uløste kritiske uenigheder"
        );
        assert_eq!(n(7usize), 7);
    }

    proptest! {
        #[test]
        fn no_count_reads_as_a_plural_hack(count in any::<u64>()) {
            for noun in [HOUSEHOLD, WARNING, DAY, OPEN_CRITICAL_DIVERGENCE, FREE_PLACE] {
                for lang in [Lang::Da, Lang::En] {
                    let s = noun.count(lang, count);
                    prop_assert!(!s.contains('('), "{}", s);
                    prop_assert_eq!(s.ends_with(noun.form(lang, 1)) && count != 1,
                        noun.form(lang, 1) == noun.form(lang, 2) && count != 1);
                }
            }
        }
    }
}
