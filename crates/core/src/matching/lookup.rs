//! Finding a cohort, offer, rule set or stored run in a dossier by id: the lookups every
//! operation on matching data starts from.

use crate::dossier::Dossier;
use crate::ids::{CohortId, MatchRunId, OfferId, RuleSetId};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::profile::Offer;
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;

pub(crate) fn find_cohort<'a>(dossier: &'a Dossier, id: &CohortId) -> Option<&'a Cohort> {
    dossier.cohorts.iter().find(|c| &c.id == id)
}

pub(crate) fn find_offer<'a>(dossier: &'a Dossier, id: &OfferId) -> Option<&'a Offer> {
    dossier.offers.iter().find(|o| &o.id == id)
}

pub(crate) fn find_rule_set<'a>(dossier: &'a Dossier, id: &RuleSetId) -> Option<&'a RuleSet> {
    dossier.rule_sets.iter().find(|r| &r.id == id)
}

pub(crate) fn find_match_run<'a>(dossier: &'a Dossier, id: &MatchRunId) -> Option<&'a MatchRun> {
    dossier.match_runs.iter().find(|r| &r.id == id)
}
