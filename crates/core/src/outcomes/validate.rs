//! The outcome records' validation: each record's household in its cohort, dated on or after
//! arrival, one record a day, and a basis for evaluation and statistics on its day.

use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::outcomes::model::OutcomeCode;
use crate::privacy::consent::covering_basis;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::Subject;
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut days = HashSet::new();
    for (i, r) in d.outcomes.iter().enumerate() {
        let p = FieldPath::root().field("outcomes").index(i);
        let household = d
            .cohorts
            .iter()
            .filter(|c| c.id == r.cohort)
            .flat_map(|c| &c.newcomers)
            .find(|n| n.id == r.household);
        let Some(household) = household else {
            out.push(Finding::of(
                ValidationCode::DanglingReference,
                p.field("household"),
                Text::new(
                    "Husstanden findes ikke i kohorten.",
                    "The household is not in the cohort.",
                ),
            ));
            continue;
        };
        if r.on < household.arrival {
            out.push(Finding::of(
                OutcomeCode::BeforeArrival,
                p.field("on"),
                Text::new(
                    "Oplysningerne er dateret, før husstanden kom.",
                    "The record is dated before the household arrived.",
                ),
            ));
        }
        if !days.insert((&r.household, r.on)) {
            out.push(Finding::of(
                OutcomeCode::DuplicateRecord,
                p.field("on"),
                Text::new(
                    "Husstanden har to sæt oplysninger fra samme dag.",
                    "The household has two records of the same day.",
                ),
            ));
        }
        let subject = Subject::newcomer(r.household.clone());
        if covering_basis(d, &subject, Purpose::Statistics, None, r.on).is_none() {
            out.push(Finding::of(
                OutcomeCode::NoBasis,
                p.clone(),
                Text::new(
                    "Intet samtykke eller andet grundlag dækker evaluering og statistik for husstanden på dagen.",
                    "No consent or other basis covers evaluation and statistics for the household on the day.",
                ),
            ));
        }
    }
    out
}
