//! Audience projections: what a municipal caseworker, a coordinator, a volunteer and an analyst
//! may see of a household, an offer and a match, each view carrying its own manifest (every
//! field shown, how it was treated, why and on which basis) and the fields withheld.
//!
//! | household field | caseworker | coordinator | volunteer | analyst |
//! |---|---|---|---|---|
//! | id | yes | yes | yes | keyed pseudonym |
//! | dates | yes | with a basis for matching (not the integration-contract meeting) | if the rule set shares them | start of the quarter |
//! | area | yes | with a basis | if shared | small areas merged |
//! | location, availability, interests | yes | with a basis | if shared | no |
//! | languages, needs, industries | yes | with a basis | if shared | yes (with a basis for statistics) |
//! | household | yes | with a basis | if shared | children's ages in bands |
//! | preferences (special category) | yes | with explicit consent or basis | never | never |
//!
//! The caseworker sees the municipality's own case data; the coordinator what matching needs,
//! as far as a consent or basis for matching covers it; a volunteer only a household proposed
//! to their offer, only the fields the rule set marks shareable, and contact details only after
//! both sides accepted and the release was recorded; an analyst coarsened, pseudonymous records
//! under a basis for statistics. A volunteer's offer is theirs to see in full; other audiences
//! never see its criminal-record data except a coordinator with a basis.

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::i18n::{Label, Lang, Text, labels};
use crate::ids::{NewcomerId, OfferId, ProposalId};
use crate::matching::audience::{SharedField, VolunteerMatchView, render_field};
use crate::matching::lookup::{find_match_run, find_offer, find_rule_set};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::{RuleSet, attribute_class, is_sensitive};
use crate::matching::model::run::{Match, MatchRun};
use crate::privacy::lookup::find_proposal;
use crate::privacy::model::audience::Audience;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::codes::PrivacyError;
use crate::privacy::model::consent::{BasisRef, Subject};
use crate::privacy::model::proposal::{ContactField, ProposalState, Recipient};
use crate::privacy::pseudonym::PseudonymKey;
use crate::privacy::register::Register;
use crate::sensitivity::{PersonalData, SensitivityClass};
use chrono::NaiveDate;

/// The person looking, with what identifies their reach: a volunteer sees through their offer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Viewer {
    /// A municipal caseworker.
    MunicipalCaseworker,
    /// A coordinator.
    Coordinator,
    /// The volunteer(s) behind an offer.
    Volunteer {
        /// Their offer.
        offer: OfferId,
    },
    /// An analyst.
    Analyst,
}

impl Viewer {
    /// Reads `municipal_caseworker`, `coordinator`, `analyst` or `volunteer:<offer id>`.
    pub fn parse(key: &str) -> Result<Viewer, BrobyggerError> {
        match key.trim().split_once(':') {
            Some(("volunteer", offer)) if !offer.is_empty() => Ok(Viewer::Volunteer {
                offer: offer.into(),
            }),
            None if key.trim() == "municipal_caseworker" => Ok(Viewer::MunicipalCaseworker),
            None if key.trim() == "coordinator" => Ok(Viewer::Coordinator),
            None if key.trim() == "analyst" => Ok(Viewer::Analyst),
            _ => Err(BrobyggerError::invalid_input(
                PrivacyCode::UnknownViewer,
                "viewer",
                "a viewer is municipal_caseworker, coordinator, analyst or volunteer:<offer id>",
            )),
        }
    }

    /// The audience.
    pub fn audience(&self) -> Audience {
        match self {
            Viewer::MunicipalCaseworker => Audience::MunicipalCaseworker,
            Viewer::Coordinator => Audience::Coordinator,
            Viewer::Volunteer { .. } => Audience::Volunteer,
            Viewer::Analyst => Audience::Analyst,
        }
    }
}

/// How a field was treated for the audience.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Treatment {
    /// Shown as it is.
    AsIs,
    /// Coarsened (a date to the start of its quarter, an area merged, ages in bands).
    Coarsened,
    /// Replaced by a keyed pseudonym.
    Pseudonymised,
}

labels!(Treatment, "treatment" {
    AsIs => ("uændret", "as is"),
    Coarsened => ("grovere", "coarsened"),
    Pseudonymised => ("pseudonymiseret", "pseudonymised"),
});

/// One field shown to an audience, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldDisclosure {
    /// The field, e.g. `newcomer.languages`.
    pub field: String,
    /// Its sensitivity class.
    pub class: SensitivityClass,
    /// How it was treated.
    pub treatment: Treatment,
    /// The consent or basis it was shown under, when one was needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<BasisRef>,
    /// Why the audience may see it.
    pub reason: Text,
}

/// A household as an audience may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewcomerView {
    /// The audience.
    pub audience: Audience,
    /// The household with only the visible fields filled in (the rest empty), coarsened and
    /// pseudonymised as `fields` says.
    pub newcomer: Newcomer,
    /// The fields shown, how and why: the view's manifest.
    pub fields: Vec<FieldDisclosure>,
    /// The fields not shown (empty in `newcomer`), whatever they hold.
    pub withheld: Vec<String>,
}

/// An offer as an audience may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OfferView {
    /// The audience.
    pub audience: Audience,
    /// The offer with only the visible fields filled in.
    pub offer: Offer,
    /// The fields shown, how and why.
    pub fields: Vec<FieldDisclosure>,
    /// The fields not shown.
    pub withheld: Vec<String>,
}

/// A match (a stored proposal or a run's match) as an audience may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchView {
    /// The audience.
    pub audience: Audience,
    /// The household (a keyed pseudonym for analysts).
    pub newcomer: NewcomerId,
    /// The offer.
    pub offer: OfferId,
    /// The proposal, if the match was proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
    /// The proposal's state on the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ProposalState>,
    /// The score (not for volunteers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Why it was proposed, from the rules the audience may read about.
    pub explanation: Vec<Text>,
    /// The household's fields the audience may see, rendered.
    pub shared: Vec<SharedField>,
    /// Contact details released to this audience's side, by field (values stay with whoever
    /// holds them: the municipality for a household, the association for a volunteer).
    pub released: Vec<ContactField>,
    /// The view's manifest.
    pub fields: Vec<FieldDisclosure>,
}

/// Whether and how an audience sees a household field.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    Show,
    NeedsBasis(Purpose),
    Coarsen,
    Pseudonymise,
    Shareable,
    Hide,
}

fn newcomer_access(audience: Audience, field: &str) -> Access {
    use Access::*;
    match audience {
        Audience::MunicipalCaseworker => Show,
        Audience::Coordinator => match field {
            "id" => Show,
            "integration_contract_meeting" => Hide,
            _ => NeedsBasis(Purpose::Matching),
        },
        Audience::Volunteer => match field {
            "id" => Show,
            _ => Shareable,
        },
        Audience::Analyst => match field {
            "id" => Pseudonymise,
            "arrival" | "integration_contract_meeting" | "waiting_since" | "area" | "household" => {
                Coarsen
            }
            "languages" | "needs" | "industries" => NeedsBasis(Purpose::Statistics),
            _ => Hide,
        },
    }
}

fn offer_access(audience: Audience, own: bool, field: &str) -> Access {
    use Access::*;
    match audience {
        Audience::Volunteer if own => Show,
        Audience::Volunteer => Hide,
        Audience::MunicipalCaseworker => match field {
            "location" | "credentials" => Hide,
            _ => Show,
        },
        Audience::Coordinator => match field {
            "credentials" => NeedsBasis(Purpose::Matching),
            _ => Show,
        },
        Audience::Analyst => match field {
            "id" | "kind" | "provider" | "capacity" | "places_taken" | "serves" | "languages"
            | "listed_on" | "area" => Show,
            _ => Hide,
        },
    }
}

fn reason_for(audience: Audience, access: Access) -> Text {
    match (audience, access) {
        (Audience::MunicipalCaseworker, _) => Text::new(
            "Kommunens egne sagsoplysninger.",
            "The municipality's own case information.",
        ),
        (_, Access::NeedsBasis(p)) => Text::new(
            format!(
                "Nødvendigt til {} og dækket af et grundlag.",
                p.label(Lang::Da)
            ),
            format!("Needed for {} and covered by a basis.", p.label(Lang::En)),
        ),
        (_, Access::Shareable) => Text::new(
            "Regelsættet tillader at vise feltet for en frivillig, husstanden er foreslået til.",
            "The rule set lets the field be shown to a volunteer the household is proposed to.",
        ),
        (_, Access::Coarsen) => Text::new(
            "Grovere værdi, så posten ikke kan føres tilbage til en husstand.",
            "Coarsened so the record cannot be traced back to a household.",
        ),
        (_, Access::Pseudonymise) => Text::new(
            "Nøglet pseudonym i analysedomænet i stedet for id'et.",
            "A keyed pseudonym in the analysis domain instead of the id.",
        ),
        (Audience::Volunteer, _) => Text::new(
            "Den frivilliges egne oplysninger.",
            "The volunteer's own information.",
        ),
        _ => Text::new(
            "Nødvendigt for opgaven; ikke en personoplysning af særlig art.",
            "Needed for the task; not sensitive personal data.",
        ),
    }
}

/// Coarsening shared with anonymisation: a date to the first day of its quarter.
pub fn quarter_start(d: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let month = (d.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

/// Children's ages in bands (0–5, 6–11, 12–14, 15–17, adult), each as its lowest age: the
/// bands the child-related rules and statistics need.
pub fn age_band(age: u32) -> u32 {
    match age {
        0..=5 => 0,
        6..=11 => 6,
        12..=14 => 12,
        15..=17 => 15,
        _ => 18,
    }
}

/// The areas with at least `min` households among `newcomers` (compared without case).
pub(crate) fn large_areas(newcomers: &[Newcomer], min: u32) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    for n in newcomers {
        if let Some(a) = &n.area {
            *counts.entry(a.trim().to_lowercase()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| *c >= min)
        .map(|(a, _)| a)
        .collect()
}

/// The area a small one is merged into: the cohort's municipality, or "other".
pub(crate) fn merged_area(d: &Dossier, newcomer: &NewcomerId) -> String {
    d.cohorts
        .iter()
        .find(|c| c.newcomer(newcomer).is_some())
        .and_then(|c| c.municipality.as_ref())
        .and_then(|m| d.municipality(m))
        .map(|m| m.name.clone())
        .unwrap_or_else(|| "andet område / other area".to_owned())
}

/// What a withheld required date holds in a view (the field is listed in `withheld`).
pub const WITHHELD_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The smallest number of households an area must have to be shown as it is.
pub const MIN_AREA_HOUSEHOLDS: u32 = 5;

/// The last second of `on`, checked (the calendar's last day ends at its own last second).
fn end_of_day(on: NaiveDate) -> crate::time::Timestamp {
    on.and_hms_opt(23, 59, 59)
        .map(|t| t.and_utc())
        .unwrap_or_else(|| crate::time::start_of_day(on))
}

/// The field names of a type, in schema order. A profile's own consent and basis fields are not
/// part of any view: in a dossier they are not read (the privacy records are), and a view never
/// shows them.
fn field_names<T: PersonalData>() -> Vec<(String, SensitivityClass)> {
    T::field_classes()
        .into_iter()
        .filter(|f| f.field != "privacy")
        .map(|f| (f.field, f.class.unwrap_or(SensitivityClass::Confidential)))
        .collect()
}

/// A copy of a value with only `keep` fields (the others removed, so they take their defaults).
fn keep_only<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &T,
    keep: &[String],
) -> Result<T, BrobyggerError> {
    let internal = |e: serde_json::Error| BrobyggerError::Internal {
        code: PrivacyCode::Project.into(),
        reason: crate::error::redact_message(&e.to_string()),
    };
    let mut v = serde_json::to_value(value).map_err(internal)?;
    if let Some(map) = v.as_object_mut() {
        map.retain(|k, _| keep.iter().any(|f| f == k));
    }
    serde_json::from_value(v).map_err(internal)
}

/// The newcomer fields a volunteer may see under a rule set: shareable and not sensitive.
pub(crate) fn shareable_fields(rules: &RuleSet) -> Vec<&str> {
    rules
        .shareable_with_volunteers
        .iter()
        .filter(|a| attribute_class(a).is_some_and(|c| !is_sensitive(c)))
        .filter_map(|a| a.strip_prefix("newcomer."))
        .collect()
}

/// The matches of `offer` in `run`, as its volunteer may see them. `newcomers` are the run's
/// households (matches whose household is missing are left out). The projection is the
/// volunteer audience's (`crate::privacy::audience`); this form takes the run as given, while
/// [`crate::PrivacyFacet::view_proposal`] also checks the proposal and the consent on a day.
pub fn volunteer_view(
    run: &MatchRun,
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offer: &OfferId,
) -> Vec<VolunteerMatchView> {
    run.matches
        .iter()
        .filter(|m| &m.offer == offer)
        .filter_map(|m| {
            let n = newcomers.iter().find(|n| n.id == m.newcomer)?;
            let (shared, explanation) = volunteer_projection(m, rules, n);
            Some(VolunteerMatchView {
                offer: m.offer.clone(),
                newcomer: m.newcomer.clone(),
                shared,
                explanation,
            })
        })
        .collect()
}

/// A match's fields and explanations for its volunteer: the shareable fields rendered, and the
/// explanations of rules that read no other household field.
pub(crate) fn volunteer_projection(
    m: &Match,
    rules: &RuleSet,
    n: &Newcomer,
) -> (Vec<SharedField>, Vec<Text>) {
    let shareable = shareable_fields(rules);
    (
        render_fields(n, &shareable),
        volunteer_explanation(m, rules, &shareable),
    )
}

fn render_fields(n: &Newcomer, fields: &[&str]) -> Vec<SharedField> {
    fields
        .iter()
        .filter_map(|field| {
            let da = render_field(n, field, Lang::Da)?;
            let en = render_field(n, field, Lang::En)?;
            Some(SharedField {
                field: (*field).to_owned(),
                value: Text::new(da, en),
            })
        })
        .collect()
}

fn volunteer_explanation(m: &Match, rules: &RuleSet, shareable: &[&str]) -> Vec<Text> {
    m.explanation
        .iter()
        .filter(|o| {
            rules.rule(&o.rule).is_some_and(|r| {
                r.kind
                    .reads()
                    .iter()
                    .filter_map(|a| a.strip_prefix("newcomer."))
                    .all(|f| shareable.contains(&f))
            })
        })
        .map(|o| o.text.clone())
        .collect()
}

fn newcomer_record<'a>(
    dossier: &'a Dossier,
    id: &NewcomerId,
) -> Result<&'a Newcomer, BrobyggerError> {
    dossier
        .cohorts
        .iter()
        .find_map(|c| c.newcomer(id))
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Newcomer, id))
}

/// The proposals that let a volunteer's offer see a household on `on`: open or released.
fn visible_proposal(
    dossier: &Dossier,
    newcomer: &NewcomerId,
    offer: &OfferId,
    on: NaiveDate,
) -> Option<usize> {
    let at = end_of_day(on);
    dossier.privacy.proposals.iter().rposition(|p| {
        &p.newcomer == newcomer
            && &p.offer == offer
            && matches!(
                p.state_at(at),
                ProposalState::Proposed
                    | ProposalState::AcceptedByNewcomer
                    | ProposalState::AcceptedByVolunteer
                    | ProposalState::Released
            )
    })
}

/// The rule set that says what a volunteer may see of a proposal: its run's, or else the
/// fields every rule set of the dossier shares.
fn volunteer_fields(dossier: &Dossier, proposal: usize) -> Vec<String> {
    let p = &dossier.privacy.proposals[proposal];
    let from_run = p
        .run
        .as_ref()
        .and_then(|r| find_match_run(dossier, r))
        .and_then(|r| find_rule_set(dossier, &r.rule_set));
    match from_run {
        Some(rules) => shareable_fields(rules)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        None => {
            let mut sets = dossier.rule_sets.iter().map(shareable_fields);
            let Some(first) = sets.next() else {
                return Vec::new();
            };
            let rest: Vec<Vec<&str>> = sets.collect();
            first
                .into_iter()
                .filter(|f| rest.iter().all(|s| s.contains(f)))
                .map(str::to_owned)
                .collect()
        }
    }
}

pub(crate) fn view_newcomer(
    dossier: &Dossier,
    newcomer: &NewcomerId,
    viewer: &Viewer,
    on: NaiveDate,
    key: Option<&PseudonymKey>,
) -> Result<NewcomerView, BrobyggerError> {
    let n = newcomer_record(dossier, newcomer)?;
    let audience = viewer.audience();
    let subject = Subject::newcomer(newcomer.clone());
    let register = Register::of(dossier);
    let volunteer_fields = match viewer {
        Viewer::Volunteer { offer } => {
            let k = visible_proposal(dossier, newcomer, offer, on).ok_or_else(|| {
                PrivacyError::NotProposedToVolunteer {
                    newcomer: newcomer.to_string(),
                    offer: offer.to_string(),
                }
            })?;
            let may_describe = register
                .find(&subject, Purpose::Matching, None, on)
                .is_some();
            if may_describe {
                volunteer_fields(dossier, k)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let mut fields = Vec::new();
    let mut withheld = Vec::new();
    let mut keep = Vec::new();
    let mut coarsen = Vec::new();
    for (field, class) in field_names::<Newcomer>() {
        let attribute = format!("newcomer.{field}");
        let access = newcomer_access(audience, &field);
        let shown: Option<(Treatment, Option<BasisRef>)> = match access {
            Access::Show => Some((Treatment::AsIs, None)),
            Access::Hide => None,
            Access::Shareable => (volunteer_fields.iter().any(|f| f == &field)
                && !is_sensitive(class))
            .then_some((Treatment::AsIs, None)),
            Access::NeedsBasis(p) => register
                .find(&subject, p, Some(&attribute), on)
                .map(|b| (Treatment::AsIs, Some(b))),
            Access::Coarsen => register
                .find(&subject, Purpose::Statistics, Some(&attribute), on)
                .map(|b| (Treatment::Coarsened, Some(b))),
            Access::Pseudonymise => Some((Treatment::Pseudonymised, None)),
        };
        match shown {
            Some((treatment, basis)) => {
                if treatment == Treatment::Coarsened {
                    coarsen.push(field.clone());
                }
                keep.push(field.clone());
                fields.push(FieldDisclosure {
                    field: attribute,
                    class,
                    treatment,
                    basis,
                    reason: reason_for(audience, access),
                });
            }
            None => withheld.push(attribute),
        }
    }
    // `id` and `arrival` are required: a withheld arrival holds the placeholder below.
    let arrival_visible = keep.iter().any(|f| f == "arrival");
    keep.extend(["id".to_owned(), "arrival".to_owned()]);
    let mut out = keep_only(n, &keep)?;
    if !arrival_visible {
        out.arrival = WITHHELD_DATE;
    }
    for field in &coarsen {
        match field.as_str() {
            "arrival" => out.arrival = quarter_start(out.arrival),
            "integration_contract_meeting" => {
                out.integration_contract_meeting =
                    out.integration_contract_meeting.map(quarter_start)
            }
            "waiting_since" => out.waiting_since = out.waiting_since.map(quarter_start),
            "household" => {
                for a in &mut out.household.children_ages {
                    *a = age_band(*a);
                }
                out.household.children_ages.sort_unstable();
            }
            "area" => {
                let cohort = dossier
                    .cohorts
                    .iter()
                    .find(|c| c.newcomer(newcomer).is_some())
                    .map(|c| c.newcomers.as_slice())
                    .unwrap_or_default();
                let large = large_areas(cohort, MIN_AREA_HOUSEHOLDS);
                if let Some(a) = &out.area
                    && !large.contains(&a.trim().to_lowercase())
                {
                    out.area = Some(merged_area(dossier, newcomer));
                }
            }
            _ => {}
        }
    }
    if audience == Audience::Analyst {
        out.id = match key {
            Some(k) => NewcomerId::new(k.pseudonym_of(&subject)?.to_string()),
            None => NewcomerId::generate(),
        };
    }
    Ok(NewcomerView {
        audience,
        newcomer: out,
        fields,
        withheld,
    })
}

pub(crate) fn view_offer(
    dossier: &Dossier,
    offer: &OfferId,
    viewer: &Viewer,
    on: NaiveDate,
) -> Result<OfferView, BrobyggerError> {
    let o = find_offer(dossier, offer)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Offer, offer))?;
    let audience = viewer.audience();
    let own = matches!(viewer, Viewer::Volunteer { offer: mine } if mine == offer);
    if audience == Audience::Volunteer && !own {
        return Err(BrobyggerError::not_found(NotFoundCode::Offer, offer));
    }
    let subject = Subject::offer(offer.clone());
    let register = Register::of(dossier);
    let mut fields = Vec::new();
    let mut withheld = Vec::new();
    let mut keep = vec![
        "id".to_owned(),
        "kind".to_owned(),
        "title".to_owned(),
        "capacity".to_owned(),
    ];
    for (field, class) in field_names::<Offer>() {
        let attribute = format!("offer.{field}");
        let access = offer_access(audience, own, &field);
        let shown = match access {
            Access::Show => Some(None),
            Access::NeedsBasis(p) => register.find(&subject, p, Some(&attribute), on).map(Some),
            _ => None,
        };
        match shown {
            Some(basis) => {
                keep.push(field.clone());
                fields.push(FieldDisclosure {
                    field: attribute,
                    class,
                    treatment: Treatment::AsIs,
                    basis,
                    reason: reason_for(audience, access),
                });
            }
            None => withheld.push(attribute),
        }
    }
    let mut out = keep_only(o, &keep)?;
    // `title` is required but may name the volunteer: audiences that may not see it get
    // the kind instead.
    if withheld.iter().any(|f| f == "offer.title") {
        out.title = out.kind.label(Lang::Da).to_owned();
    }
    Ok(OfferView {
        audience,
        offer: out,
        fields,
        withheld,
    })
}

pub(crate) fn view_proposal(
    dossier: &Dossier,
    proposal: &ProposalId,
    viewer: &Viewer,
    on: NaiveDate,
    key: Option<&PseudonymKey>,
) -> Result<MatchView, BrobyggerError> {
    let p = find_proposal(dossier, proposal)
        .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Proposal, proposal))?;
    if let Viewer::Volunteer { offer } = viewer
        && offer != &p.offer
    {
        return Err(PrivacyError::NotProposedToVolunteer {
            newcomer: p.newcomer.to_string(),
            offer: offer.to_string(),
        }
        .into());
    }
    let run_match = p
        .run
        .as_ref()
        .and_then(|r| find_match_run(dossier, r))
        .and_then(|r| {
            r.matches
                .iter()
                .find(|m| m.newcomer == p.newcomer && m.offer == p.offer)
                .map(|m| (m, r))
        });
    let at = end_of_day(on);
    let state = p.state_at(at);
    let nv = view_newcomer(dossier, &p.newcomer, viewer, on, key)?;
    let audience = viewer.audience();
    let shared: Vec<&str> = nv
        .fields
        .iter()
        .filter_map(|f| f.field.strip_prefix("newcomer."))
        .filter(|f| *f != "id")
        .collect();
    let explanation = match (audience, run_match) {
        (Audience::Analyst, _) | (_, None) => Vec::new(),
        (Audience::Volunteer, Some((m, r))) => find_rule_set(dossier, &r.rule_set)
            .map(|rules| volunteer_explanation(m, rules, &shared))
            .unwrap_or_default(),
        (_, Some((m, _))) => m.explanation.iter().map(|o| o.text.clone()).collect(),
    };
    // Releases this viewer's side received: the volunteer receives the household's details;
    // the household's side (through its caseworker or coordinator) the volunteer's.
    let mine: Vec<&crate::privacy::model::proposal::Disclosure> =
        if state == ProposalState::Released {
            p.disclosures()
                .map(|(_, d)| d)
                .filter(|d| match (&d.recipient, viewer) {
                    (Recipient::Volunteer { offer }, Viewer::Volunteer { offer: v }) => offer == v,
                    (
                        Recipient::Household { .. },
                        Viewer::MunicipalCaseworker | Viewer::Coordinator,
                    ) => true,
                    _ => false,
                })
                .collect()
        } else {
            Vec::new()
        };
    let released: Vec<ContactField> = mine.iter().flat_map(|d| d.fields.iter().copied()).collect();
    let mut fields = nv.fields.clone();
    for d in &mine {
        fields.push(FieldDisclosure {
            field: d
                .fields
                .iter()
                .map(|f| f.key())
                .collect::<Vec<_>>()
                .join(", "),
            class: SensitivityClass::Ordinary,
            treatment: Treatment::AsIs,
            basis: Some(d.basis.clone()),
            reason: Text::new(
                "Begge sider har accepteret matchet, og videregivelsen er registreret.",
                "Both sides accepted the match, and the release is recorded.",
            ),
        });
    }
    Ok(MatchView {
        audience,
        newcomer: nv.newcomer.id.clone(),
        offer: p.offer.clone(),
        proposal: Some(p.id.clone()),
        state: Some(state),
        score: match audience {
            Audience::Volunteer => None,
            _ => run_match.map(|(m, _)| m.score),
        },
        explanation,
        shared: render_fields(
            &nv.newcomer,
            &shared
                .iter()
                .copied()
                .filter(|_| audience != Audience::Analyst)
                .collect::<Vec<_>>(),
        ),
        released,
        fields,
    })
}
