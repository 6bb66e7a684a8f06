//! The dated privacy review: households without a basis for matching, sensitive data nothing
//! covers, consents lapsing soon, lapsed proposals, retention due.

use crate::dossier::Dossier;
use crate::finding::{FieldPath, Finding};
use crate::matching::model::rules::is_sensitive;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::Subject;
use crate::privacy::model::proposal::ProposalState;
use crate::privacy::register::Register;
use crate::privacy::retention::retention_report;
use crate::privacy::validate::{add, holds_value};
use chrono::NaiveDate;

/// Consents lapsing within this many days are reported by the review by default.
pub const DEFAULT_WARN_DAYS: u32 = 30;

/// What the privacy review warns about ahead of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewOptions {
    /// Consents lapsing within this many days of the date are reported
    /// ([`DEFAULT_WARN_DAYS`] by default).
    pub warn_days: u32,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        Self {
            warn_days: DEFAULT_WARN_DAYS,
        }
    }
}

impl ReviewOptions {
    /// Warning `days` ahead of a consent's lapse.
    pub fn warn_days(days: u32) -> Self {
        Self { warn_days: days }
    }
}

pub(crate) fn privacy_review(dossier: &Dossier, on: NaiveDate, warn_days: u32) -> Vec<Finding> {
    let mut out = Vec::new();
    let register = Register::of(dossier);
    for (ci, c) in dossier.cohorts.iter().enumerate() {
        for (ni, n) in c.newcomers.iter().enumerate() {
            let np = FieldPath::root()
                .field("cohorts")
                .index(ci)
                .field("newcomers")
                .index(ni);
            let subject = Subject::newcomer(n.id.clone());
            if n.arrival <= on
                && register
                    .find(&subject, Purpose::Matching, None, on)
                    .is_none()
            {
                add(
                    &mut out,
                    PrivacyCode::NoBasisForMatching,
                    np.clone(),
                    "Intet samtykke eller anden hjemmel dækker matchning af husstanden i dag."
                        .into(),
                    "No consent or other basis covers matching the household today.".into(),
                );
            }
        }
    }
    let sensitive_fields = |owner: &str| -> Vec<String> {
        let classes = match owner {
            "newcomer" => {
                <crate::matching::model::profile::Newcomer as crate::sensitivity::PersonalData>::field_classes()
            }
            _ => <crate::matching::model::profile::Offer as crate::sensitivity::PersonalData>::field_classes(),
        };
        classes
            .into_iter()
            .filter(|f| f.class.is_some_and(is_sensitive))
            .map(|f| f.field)
            .collect()
    };
    let mut subjects: Vec<Subject> = dossier
        .cohorts
        .iter()
        .flat_map(|c| c.newcomers.iter().map(|n| Subject::newcomer(n.id.clone())))
        .collect();
    subjects.extend(dossier.offers.iter().map(|o| Subject::offer(o.id.clone())));
    for subject in &subjects {
        for field in sensitive_fields(subject.kind()) {
            let attribute = format!("{}.{field}", subject.kind());
            let Some(path) = holds_value(dossier, subject, &field) else {
                continue;
            };
            if Purpose::ALL
                .iter()
                .all(|p| register.find(subject, *p, Some(&attribute), on).is_none())
            {
                add(
                    &mut out,
                    PrivacyCode::SensitiveDataWithoutBasis,
                    path,
                    "Feltet holder følsomme oplysninger, som intet samtykke eller anden hjemmel dækker i dag.".into(),
                    "The field holds sensitive information no consent or other basis covers today.".into(),
                );
            }
        }
    }
    for (k, c) in dossier.privacy.consents.iter().enumerate() {
        if let Some(e) = c.expires_on
            && c.holds_on(on)
            && (e - on).num_days() <= i64::from(warn_days)
        {
            add(
                &mut out,
                PrivacyCode::ConsentExpiring,
                FieldPath::root()
                    .field("privacy")
                    .field("consents")
                    .index(k),
                format!(
                    "Samtykket {} udløber {e}; forny det, hvis det stadig skal bruges.",
                    c.id
                ),
                format!(
                    "Consent {} lapses on {e}; renew it if it is still needed.",
                    c.id
                ),
            );
        }
    }
    for (k, p) in dossier.privacy.proposals.iter().enumerate() {
        if matches!(
            p.state(),
            ProposalState::Proposed | ProposalState::AcceptedByNewcomer
        ) && p.expires_on <= on
        {
            add(
                &mut out,
                PrivacyCode::ProposalPastExpiry,
                crate::privacy::disclosure::path_of(k),
                format!(
                    "Matchforslaget {} udløb {} uden svar fra begge sider.",
                    p.id, p.expires_on
                ),
                format!(
                    "The match proposal {} lapsed on {} without answers from both sides.",
                    p.id, p.expires_on
                ),
            );
        }
    }
    out.extend(retention_report(dossier, on).findings);
    crate::finding::sort_findings(&mut out);
    out
}
