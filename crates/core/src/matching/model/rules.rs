//! Rule sets as data: hard rules (filters) and soft criteria (weighted scores), each with an id,
//! typed parameters and a Danish/English explanation template. Rule sets load from TOML or JSON
//! and are validated with every problem and its path.
//!
//! A rule set also declares which sensitive attributes its rules use and which profile fields
//! may be shown to volunteers; the consent and disclosure work builds on those declarations.

use crate::code::SaveCode;
use crate::code::codes;
use crate::error::{BrobyggerError, LoadError};
use crate::finding::{FieldPath, Finding, FindingKind, Severity, sort_findings};
use crate::i18n::{Lang, Text};
use crate::ids::{RuleId, RuleSetId, is_well_formed};
use crate::matching::model::profile::{
    Credential, LanguageLevel, Need, Newcomer, Offer, is_language_code,
};
use crate::sensitivity::{PersonalData, SensitivityClass};
use crate::validation_code::ValidationCode;
use std::collections::HashSet;

/// The schema version of a rule-set file.
pub const RULE_SET_SCHEMA_VERSION: u32 = 1;

/// Largest weight a soft rule may have; keeps exact integer scoring far from overflow.
pub const MAX_WEIGHT: f64 = 1_000.0;

/// A named set of matching rules.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleSet {
    /// The schema version of the rule-set format; must be [`RULE_SET_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Id, e.g. `vvv-contact-families`.
    pub id: RuleSetId,
    /// Title in Danish and English.
    pub title: Text,
    /// The rules, applied in order.
    pub rules: Vec<Rule>,
    /// The sensitive profile attributes (special category or criminal-record data) the rules
    /// may use, as `newcomer.<field>` or `offer.<field>`. A rule reading an undeclared one is an
    /// error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_attributes: Vec<String>,
    /// The newcomer fields a volunteer may see about a match, as `newcomer.<field>`. Sensitive
    /// fields can never be shared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shareable_with_volunteers: Vec<String>,
    /// Quotas: at least or at most so many matches in a group of offers or households. Only the
    /// optimal solver honours them (exactly); the other solvers refuse a rule set with quotas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<crate::matching::model::capacity::Quota>,
    /// When follow-up check-ins of the relationships matched under this rule set are due
    /// (the default schedule if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<crate::matching::model::relationship::FollowUpSchedule>,
}

/// One rule of a rule set.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Rule {
    /// Id within the rule set, e.g. `language`.
    pub id: RuleId,
    /// Hard (a filter) or soft (a weighted score).
    pub strength: Strength,
    /// What the rule checks, with its parameters.
    pub kind: RuleKind,
    /// Why a match meets the rule, in Danish and English. Placeholders in braces are filled in:
    /// `{newcomer}`, `{offer}`, `{rule}` always, and per kind the ones
    /// [`RuleKind::placeholders`] lists, each in the text's language: numbers with a decimal
    /// comma in Danish (`{distance_km}` is `1,8`), vocabulary values and common industries and
    /// interests by their Danish or English name, counts with their noun where the noun must
    /// agree (`{times}` is `1 fælles tidspunkt` or `2 fælles tidspunkter`; `{level_text}` is
    /// `niveau B2` or `modersmål`). Never a sensitive value.
    pub explanation: Text,
}

/// Whether a rule filters or scores.
#[derive(
    Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Strength {
    /// A pair that fails the rule is never matched.
    Hard,
    /// The rule adds `weight × (0 … 1)` to a pair's score.
    Soft {
        /// Finite, not negative, at most 1,000.
        weight: f64,
    },
}

impl Strength {
    /// Whether the rule is a filter.
    pub fn is_hard(self) -> bool {
        matches!(self, Strength::Hard)
    }

    /// The weight of a soft rule, 0 for a hard one.
    pub fn weight(self) -> f64 {
        match self {
            Strength::Hard => 0.0,
            Strength::Soft { weight } => weight,
        }
    }
}

fn one() -> u32 {
    1
}

fn eighteen() -> u32 {
    18
}

/// The built-in rule types, each with its parameters.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RuleKind {
    /// Newcomer and offer share a language, both at `min_level` or above. Met by any shared
    /// language, or only by those in `languages` when it is not empty (e.g. `["da"]` for
    /// language practice).
    SharedLanguage {
        /// The lowest level both must have.
        min_level: LanguageLevel,
        /// ISO 639 codes the rule is limited to; empty means any language.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        languages: Vec<String>,
    },
    /// Great-circle distance between the two locations at most `max_km` (and, when given, at
    /// least `min_km`, for programmes that avoid matching next-door neighbours). A pair without
    /// both locations fails. As a soft rule it scores `1 − distance / max_km`.
    Distance {
        /// Largest distance in kilometres.
        max_km: f64,
        /// Smallest distance in kilometres.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_km: Option<f64>,
    },
    /// Both are in the same area (town or district, compared without case).
    SameArea,
    /// The offer serves at least one of the household's needs; only the needs in `needs` count
    /// when it is not empty. Scores the share of the counted needs served.
    NeedServed {
        /// The needs the rule is about; empty means every need.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        needs: Vec<Need>,
    },
    /// The offer has at least `min_free` free places (at least 1) before the run. As a soft
    /// rule it scores the share of the offer's places still free, spreading households over
    /// volunteers. Capacity itself always holds in every solver.
    Capacity {
        /// Free places needed; 0 and 1 both mean "any free place".
        #[serde(default = "one")]
        min_free: u32,
    },
    /// The two are available at `min_slots` common slots in the week or more. Scores the
    /// share of the smaller availability that overlaps.
    AvailabilityOverlap {
        /// Common slots needed.
        #[serde(default = "one")]
        min_slots: u32,
    },
    /// Every preference of the household (the volunteer's gender, the kind of offer) is met.
    /// Uses `newcomer.preferences`, a special category, which the rule set must declare.
    PreferenceRespected,
    /// When the household has a child under `under_age`, the offer's volunteer holds
    /// `credential` (typically a child-protection certificate). Uses `offer.credentials`,
    /// criminal-record data, which the rule set must declare.
    CredentialWithChildren {
        /// The credential required.
        credential: Credential,
        /// The age below which a child counts (default 18).
        #[serde(default = "eighteen")]
        under_age: u32,
    },
    /// For a household that needs a job or internship, the offer knows one of its industries.
    /// Does not apply to other households.
    IndustryFit,
    /// The two share at least `min_shared` interests. Scores shared interests over the smaller
    /// list.
    InterestOverlap {
        /// Shared interests needed.
        #[serde(default = "one")]
        min_shared: u32,
    },
    /// Priority for those who waited longest: scores the days the household has waited on the
    /// day of the run over `full_after_days` (1 from then on). A household that lost a match
    /// waits from the day it ended. As a hard rule: only households that waited that long.
    WaitingTime {
        /// Days of waiting that give the full score (at least 1).
        full_after_days: u32,
    },
    /// Priority for those who lost a match: scores 1 for a household whose last relationship
    /// ended without reaching its goal and that waits for a new one (the dossier's
    /// relationships say so). As a hard rule: a run of rematches only.
    LostMatch,
}

impl RuleKind {
    /// The rule type as written in files, e.g. `shared_language`.
    pub fn type_name(&self) -> &'static str {
        match self {
            RuleKind::SharedLanguage { .. } => "shared_language",
            RuleKind::Distance { .. } => "distance",
            RuleKind::SameArea => "same_area",
            RuleKind::NeedServed { .. } => "need_served",
            RuleKind::Capacity { .. } => "capacity",
            RuleKind::AvailabilityOverlap { .. } => "availability_overlap",
            RuleKind::PreferenceRespected => "preference_respected",
            RuleKind::CredentialWithChildren { .. } => "credential_with_children",
            RuleKind::IndustryFit => "industry_fit",
            RuleKind::InterestOverlap { .. } => "interest_overlap",
            RuleKind::WaitingTime { .. } => "waiting_time",
            RuleKind::LostMatch => "lost_match",
        }
    }

    /// Whether the rule reads the household only (not the offer): a priority among households.
    pub fn is_priority(&self) -> bool {
        matches!(self, RuleKind::WaitingTime { .. } | RuleKind::LostMatch)
    }

    /// The profile attributes the rule reads, as `newcomer.<field>` / `offer.<field>`.
    pub fn reads(&self) -> &'static [&'static str] {
        match self {
            RuleKind::SharedLanguage { .. } => &["newcomer.languages", "offer.languages"],
            RuleKind::Distance { .. } => &["newcomer.location", "offer.location"],
            RuleKind::SameArea => &["newcomer.area", "offer.area"],
            RuleKind::NeedServed { .. } => &["newcomer.needs", "offer.serves"],
            RuleKind::Capacity { .. } => &["offer.capacity", "offer.places_taken"],
            RuleKind::AvailabilityOverlap { .. } => {
                &["newcomer.availability", "offer.availability"]
            }
            RuleKind::PreferenceRespected => {
                &["newcomer.preferences", "offer.gender", "offer.kind"]
            }
            RuleKind::CredentialWithChildren { .. } => &["newcomer.household", "offer.credentials"],
            RuleKind::IndustryFit => &["newcomer.needs", "newcomer.industries", "offer.industries"],
            RuleKind::InterestOverlap { .. } => &["newcomer.interests", "offer.interests"],
            RuleKind::WaitingTime { .. } => &["newcomer.arrival", "newcomer.waiting_since"],
            RuleKind::LostMatch => &["relationships"],
        }
    }

    /// The placeholders an explanation of this kind may use besides `{newcomer}`, `{offer}` and
    /// `{rule}`. Kinds that read sensitive attributes offer none that reveal a value.
    pub fn placeholders(&self) -> &'static [&'static str] {
        let name = self.type_name();
        KIND_PLACEHOLDERS
            .iter()
            .find(|(kind, _)| *kind == name)
            .map_or(&[], |(_, names)| names)
    }
}

/// Each rule type's own placeholders, by type name (one table, so that the anonymiser knows
/// every name a template may hold without building a rule of each kind).
const KIND_PLACEHOLDERS: [(&str, &[&str]); 12] = [
    (
        "shared_language",
        &["language", "level", "level_text", "min_level"],
    ),
    ("distance", &["distance_km", "max_km"]),
    ("same_area", &["area"]),
    ("need_served", &["needs"]),
    ("capacity", &["free", "capacity"]),
    ("availability_overlap", &["slots", "times"]),
    ("preference_respected", &[]),
    ("credential_with_children", &["credential", "under_age"]),
    ("industry_fit", &["industry"]),
    ("interest_overlap", &["interests", "count"]),
    ("waiting_time", &["days", "full_after_days"]),
    ("lost_match", &["ended_on"]),
];

/// The placeholders every explanation may use, whatever its rule's kind.
const COMMON_PLACEHOLDERS: [&str; 3] = ["newcomer", "offer", "rule"];

/// Every placeholder some explanation template may hold: text that must pass through
/// anonymisation untouched even when a person shares the word.
pub(crate) fn placeholder_names() -> impl Iterator<Item = &'static str> {
    COMMON_PLACEHOLDERS.into_iter().chain(
        KIND_PLACEHOLDERS
            .iter()
            .flat_map(|(_, names)| names.iter().copied()),
    )
}

/// Whether `name` is one of [`placeholder_names`].
pub(crate) fn is_placeholder(name: &str) -> bool {
    placeholder_names().any(|p| p == name)
}

/// Every rule type's name, in declaration order.
pub const RULE_TYPES: [&str; 12] = [
    "shared_language",
    "distance",
    "same_area",
    "need_served",
    "capacity",
    "availability_overlap",
    "preference_respected",
    "credential_with_children",
    "industry_fit",
    "interest_overlap",
    "waiting_time",
    "lost_match",
];

codes! {
    /// The codes of matching: rule-set and profile findings, and the errors of runs.
    pub enum MatchingCode in "matching" {
        /// The rule-set file has an unsupported schema version.
        RuleSetVersion = "matching.rule_set_version", finding(Error),
            "Regelsættets fil har en skemaversion, biblioteket ikke læser.",
            "The rule-set file has a schema version the library does not read.";
        /// A rule set has no rules.
        NoRules = "matching.no_rules", finding(Error),
            "Regelsættet har ingen regler.",
            "The rule set has no rules.";
        /// An attribute name is not a field of a newcomer or an offer.
        UnknownAttribute = "matching.unknown_attribute", finding(Error),
            "Egenskaben er ikke et felt på en nyankommen husstand eller et tilbud.",
            "The attribute is not a field of a newcomer household or an offer.";
        /// A rule reads a sensitive attribute the rule set does not declare.
        UndeclaredSensitiveAttribute = "matching.undeclared_sensitive_attribute", finding(Error),
            "En regel læser en følsom egenskab, som regelsættet ikke erklærer.",
            "A rule reads a sensitive attribute the rule set does not declare.";
        /// A declared sensitive attribute is not sensitive or not used by any rule.
        UnusedSensitiveAttribute = "matching.unused_sensitive_attribute", finding(Warning),
            "En erklæret følsom egenskab er ikke følsom eller bruges ikke af nogen regel.",
            "A declared sensitive attribute is not sensitive or is used by no rule.";
        /// A sensitive field is marked as shareable with volunteers.
        SensitiveFieldShared = "matching.sensitive_field_shared", finding(Error),
            "Et følsomt felt er markeret som noget, de frivillige må se.",
            "A sensitive field is marked as shareable with volunteers.";
        /// A weight is negative, not finite or too large.
        InvalidWeight = "matching.invalid_weight", finding(Error),
            "En vægt er negativ, ikke et endeligt tal eller for stor.",
            "A weight is negative, not finite or too large.";
        /// A soft rule has weight zero and never changes anything.
        ZeroWeight = "matching.zero_weight", finding(Warning),
            "En blød regel har vægten nul og ændrer aldrig noget.",
            "A soft rule has weight zero and never changes anything.";
        /// A parameter is out of range (a distance of zero or less, not finite).
        InvalidParameter = "matching.invalid_parameter", finding(Error),
            "En parameter er uden for det tilladte område (fx en afstand på nul eller derunder).",
            "A parameter is out of range (a distance of zero or less, say).";
        /// Parameters contradict each other, so the rule can never be met.
        ContradictoryParameters = "matching.contradictory_parameters", finding(Error),
            "Parametrene modsiger hinanden, så reglen aldrig kan opfyldes.",
            "The parameters contradict each other, so the rule can never be met.";
        /// A parameter makes the rule always met.
        VacuousRule = "matching.vacuous_rule", finding(Warning),
            "En parameter gør, at reglen altid er opfyldt.",
            "A parameter makes the rule always met.";
        /// An explanation template uses a placeholder the rule type does not provide.
        UnknownPlaceholder = "matching.unknown_placeholder", finding(Error),
            "En forklaringstekst bruger en pladsholder, regeltypen ikke har.",
            "An explanation template uses a placeholder the rule type does not provide.";
        /// A language code is not an ISO 639-1 or 639-3 code.
        InvalidLanguageCode = "matching.invalid_language_code", finding(Error),
            "En sprogkode er ikke en ISO 639-1- eller 639-3-kode.",
            "A language code is not an ISO 639-1 or 639-3 code.";
        /// Coordinates are out of range or not finite.
        InvalidCoordinates = "matching.invalid_coordinates", finding(Error),
            "Koordinaterne er uden for det tilladte område eller ikke endelige tal.",
            "The coordinates are out of range or not finite numbers.";
        /// A newcomer id looks like a name or a national id number.
        NewcomerIdNotPseudonymous = "matching.newcomer_id_not_pseudonymous", finding(Error),
            "En husstands id ligner et navn eller et CPR-nummer; brug et pseudonymt id.",
            "A household's id looks like a name or a national id number; use a pseudonymous id.";
        /// An offer's places taken exceed its capacity.
        OverCapacity = "matching.over_capacity", finding(Error),
            "Tilbuddet har flere optagne pladser end pladser i alt.",
            "The offer has more places taken than its capacity.";
        /// A child's age is 18 or more.
        ChildAgeOutOfRange = "matching.child_age_out_of_range", finding(Warning),
            "Et barns alder er 18 år eller derover.",
            "A child's age is 18 or more.";
        /// A date lies before the household's arrival.
        BeforeArrival = "matching.before_arrival", finding(Error),
            "En dato ligger før husstandens ankomst.",
            "A date lies before the household's arrival.";
        /// A stored match breaks a hard rule or capacity.
        StoredMatchInvalid = "matching.stored_match_invalid", finding(Error),
            "Et gemt match bryder en skarp regel eller tilbuddets kapacitet.",
            "A stored match breaks a hard rule or the offer's capacity.";
        /// The same language is listed twice in a profile.
        DuplicateLanguage = "matching.duplicate_language", finding(Warning),
            "Samme sprog står to gange i en profil.",
            "The same language is listed twice in a profile.";
        /// A quota's least is above its most, or it names nothing.
        InvalidQuota = "matching.invalid_quota", finding(Error),
            "En kvote har et mindstetal over sit højeste tal, eller den nævner ingenting.",
            "A quota's least is above its most, or it names nothing.";
        /// A stored relationship's history does not follow its states, or it refers to something
        /// the dossier does not have.
        InvalidRelationship = "matching.invalid_relationship", finding(Error),
            "Et gemt forløb har hændelser, som dets tilstande ikke tillader, eller henviser til noget, dossieret ikke har.",
            "A stored relationship's events do not follow its states, or it refers to something the dossier does not have.";
        /// Relationships hold more places or seats of an offer than it has.
        RelationshipsOverCapacity = "matching.relationships_over_capacity", finding(Error),
            "Forløbene optager flere pladser eller sæder i et tilbud, end det har.",
            "Relationships hold more places or seats of an offer than it has.";
        /// A rule set with errors; every finding is attached.
        InvalidRuleSet = "matching.invalid_rule_set", error(Validation),
            "Regelsættet har fejl.",
            "The rule set has errors.";
        /// A run with the id is already stored.
        DuplicateRun = "matching.duplicate_run", error(InvalidInput),
            "En matchning med det id er allerede gemt.",
            "A match run with that id is already stored.";
        /// A stored run refers to something the dossier does not have.
        InvalidRun = "matching.invalid_run", error(Validation),
            "Matchningen henviser til noget, dossieret ikke har.",
            "The run refers to something the dossier does not have.";
        /// Seats of several kinds or quotas were given to a solver that has no notion of them.
        StructureNeedsOptimal = "matching.structure_needs_optimal", error(InvalidInput),
            "Sæder af flere slags og kvoter løses af den optimale løser (eller grådigt); en stabil løser kender dem ikke.",
            "Seats of several kinds and quotas are solved by the optimal solver (or greedily); a stable solver has no notion of them.";
        /// A quota's least cannot be met; the reason names the group that binds.
        QuotaInfeasible = "matching.quota_infeasible", error(Infeasible),
            "En kvotes mindstetal kan ikke nås; begrundelsen nævner den gruppe, der binder.",
            "A quota's least cannot be met; the reason names the group that binds.";
        /// A why-not question the run left unanswered (a bug).
        WhyNotUnanswered = "matching.why_not_unanswered", error(Internal),
            "Kørslen besvarede ikke spørgsmålet om, hvorfor parret ikke blev matchet (en fejl i biblioteket).",
            "The run did not answer why the pair was not matched (a bug in the library).";
    }
}

impl FindingKind for MatchingCode {}

/// The sensitivity class of an attribute `newcomer.<field>` / `offer.<field>`, or `None` if
/// there is no such field.
pub fn attribute_class(attribute: &str) -> Option<SensitivityClass> {
    // Read from the schema once: the consent gate asks for every household in a run.
    static CLASSES: std::sync::OnceLock<Vec<(String, Option<SensitivityClass>)>> =
        std::sync::OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let tagged = |owner: &str, fields: Vec<crate::sensitivity::FieldSensitivity>| {
            fields
                .into_iter()
                .map(|f| (format!("{owner}.{}", f.field), f.class))
                .collect::<Vec<_>>()
        };
        let mut v = tagged("newcomer", Newcomer::field_classes());
        v.extend(tagged("offer", Offer::field_classes()));
        v
    });
    classes.iter().find(|(a, _)| a == attribute)?.1
}

/// Whether values of `class` must never be used without a declaration, shared with volunteers,
/// or shown in an explanation: special categories, criminal-record data and national ids.
pub fn is_sensitive(class: SensitivityClass) -> bool {
    matches!(
        class,
        SensitivityClass::SpecialCategory
            | SensitivityClass::CriminalRecord
            | SensitivityClass::NationalId
    )
}

impl RuleSet {
    /// An empty rule set.
    pub fn new(id: impl Into<RuleSetId>, title: Text) -> Self {
        Self {
            schema_version: RULE_SET_SCHEMA_VERSION,
            id: id.into(),
            title,
            rules: Vec::new(),
            sensitive_attributes: Vec::new(),
            shareable_with_volunteers: Vec::new(),
            quotas: Vec::new(),
            follow_up: None,
        }
    }

    /// Reads a rule set from JSON. Parse errors carry the path; values are never quoted.
    /// Call [`RuleSet::validate`] (or use [`RuleSet::load_checked`]) for the findings.
    pub fn from_json(json: &str) -> Result<Self, BrobyggerError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let rs: RuleSet = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = crate::error::error_path(&e);
            let inner = e.inner();
            BrobyggerError::from(LoadError::Syntax {
                path: if path == "." { String::new() } else { path },
                line: u32::try_from(inner.line()).unwrap_or(u32::MAX),
                column: u32::try_from(inner.column()).unwrap_or(u32::MAX),
                reason: crate::error::redact_message(&inner.to_string()),
            })
        })?;
        rs.version_ok()?;
        Ok(rs)
    }

    /// Reads a rule set from TOML. Parse errors carry the path, line and column.
    pub fn from_toml(text: &str) -> Result<Self, BrobyggerError> {
        let syntax = |path: String, span: Option<std::ops::Range<usize>>, msg: &str| {
            let (line, column) = span.map(|s| line_col(text, s.start)).unwrap_or((0, 0));
            BrobyggerError::from(LoadError::Syntax {
                path,
                line,
                column,
                reason: crate::error::redact_message(first_line(msg)),
            })
        };
        let de = toml::de::Deserializer::parse(text)
            .map_err(|e| syntax(String::new(), e.span(), e.message()))?;
        let rs: RuleSet = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = crate::error::error_path(&e);
            let path = if path == "." { String::new() } else { path };
            syntax(path, e.inner().span(), e.inner().message())
        })?;
        rs.version_ok()?;
        Ok(rs)
    }

    /// Reads a rule set from a `.toml` or `.json` file (by extension; anything else is read as
    /// JSON).
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Self, BrobyggerError> {
        let path = path.as_ref();
        let bytes = crate::fsio::read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Syntax {
            path: String::new(),
            line: 0,
            column: 0,
            reason: format!(
                "the input is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            Self::from_toml(&text)
        } else {
            Self::from_json(&text)
        }
    }

    /// Parses TOML and validates; a rule set with errors is a `Validation` error with every
    /// finding.
    pub fn load_checked(toml_text: &str) -> Result<Self, BrobyggerError> {
        let rs = Self::from_toml(toml_text)?;
        rs.check()?;
        Ok(rs)
    }

    /// The rule set as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> Result<String, BrobyggerError> {
        serde_json::to_string_pretty(self)
            .map(|s| s + "\n")
            .map_err(|e| BrobyggerError::Internal {
                code: SaveCode::Serialize.into(),
                reason: e.to_string(),
            })
    }

    /// The rule set as TOML.
    pub fn to_toml(&self) -> Result<String, BrobyggerError> {
        toml::to_string(self).map_err(|e| BrobyggerError::Internal {
            code: SaveCode::Serialize.into(),
            reason: e.to_string(),
        })
    }

    fn version_ok(&self) -> Result<(), BrobyggerError> {
        Ok(crate::error::LoadError::check_version(
            self.schema_version,
            RULE_SET_SCHEMA_VERSION,
        )?)
    }

    /// The rule with `id`.
    pub fn rule(&self, id: &RuleId) -> Option<&Rule> {
        self.rules.iter().find(|r| &r.id == id)
    }

    /// Every finding about the rule set, errors first; paths are relative to the rule set.
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        self.validate_into(&FieldPath::root(), &mut out);
        sort_findings(&mut out);
        out
    }

    /// `Ok` with the warnings if the rule set has no errors; otherwise a `Validation` error with
    /// every finding.
    pub fn check(&self) -> Result<Vec<Finding>, BrobyggerError> {
        let findings = self.validate();
        if findings.iter().any(|f| f.severity == Severity::Error) {
            Err(BrobyggerError::validation(findings))
        } else {
            Ok(findings)
        }
    }

    pub(crate) fn validate_into(&self, base: &FieldPath, out: &mut Vec<Finding>) {
        if self.schema_version != RULE_SET_SCHEMA_VERSION {
            add(
                out,
                MatchingCode::RuleSetVersion,
                base.field("schema_version"),
                format!("Regelsættet skal have skemaversion {RULE_SET_SCHEMA_VERSION}."),
                format!("The rule set must have schema version {RULE_SET_SCHEMA_VERSION}."),
            );
        }
        if !is_well_formed(self.id.as_str()) {
            add(
                out,
                ValidationCode::InvalidId,
                base.field("id"),
                "Id'et er ikke velformet.".into(),
                "The id is not well formed.".into(),
            );
        }
        if self.rules.is_empty() {
            add(
                out,
                MatchingCode::NoRules,
                base.field("rules"),
                "Regelsættet har ingen regler.".into(),
                "The rule set has no rules.".into(),
            );
        }
        let declared: HashSet<&str> = self
            .sensitive_attributes
            .iter()
            .map(String::as_str)
            .collect();
        let mut used_sensitive: HashSet<&str> = HashSet::new();
        let mut ids = HashSet::new();
        for (i, rule) in self.rules.iter().enumerate() {
            let rp = base.field("rules").index(i);
            if !is_well_formed(rule.id.as_str()) {
                add(
                    out,
                    ValidationCode::InvalidId,
                    rp.field("id"),
                    "Id'et er ikke velformet.".into(),
                    "The id is not well formed.".into(),
                );
            }
            if !ids.insert(rule.id.as_str()) {
                add(
                    out,
                    ValidationCode::DuplicateId,
                    rp.field("id"),
                    format!("Regel-id'et '{}' er brugt før.", rule.id),
                    format!("The rule id '{}' is used before.", rule.id),
                );
            }
            if let Strength::Soft { weight } = rule.strength {
                let wp = rp.field("strength").field("weight");
                if !weight.is_finite() || !(0.0..=MAX_WEIGHT).contains(&weight) {
                    add(
                        out,
                        MatchingCode::InvalidWeight,
                        wp,
                        "Vægten skal være et endeligt tal mellem 0 og 1.000.".into(),
                        "The weight must be a finite number from 0 to 1,000.".into(),
                    );
                } else if weight == 0.0 {
                    add(
                        out,
                        MatchingCode::ZeroWeight,
                        wp,
                        "Vægten er 0, så reglen ændrer intet.".into(),
                        "The weight is 0, so the rule changes nothing.".into(),
                    );
                }
            }
            for attr in rule.kind.reads() {
                if attribute_class(attr).is_some_and(is_sensitive) {
                    used_sensitive.insert(attr);
                    if !declared.contains(attr) {
                        add(
                            out,
                            MatchingCode::UndeclaredSensitiveAttribute,
                            rp.field("kind"),
                            format!(
                                "Reglen bruger den følsomme oplysning {attr}, som regelsættet ikke erklærer i sensitive_attributes."
                            ),
                            format!(
                                "The rule uses the sensitive attribute {attr}, which the rule set does not declare in sensitive_attributes."
                            ),
                        );
                    }
                }
            }
            self.kind_params(&rp.field("kind"), rule, out);
            let allowed: Vec<&str> = COMMON_PLACEHOLDERS
                .into_iter()
                .chain(rule.kind.placeholders().iter().copied())
                .collect();
            for (lang, text) in [("da", &rule.explanation.da), ("en", &rule.explanation.en)] {
                let tp = rp.field("explanation").field(lang);
                if text.trim().is_empty() {
                    add(
                        out,
                        ValidationCode::EmptyText,
                        tp.clone(),
                        "Forklaringen er tom.".into(),
                        "The explanation is empty.".into(),
                    );
                }
                for name in placeholders_in(text) {
                    if !allowed.contains(&name) {
                        add(
                            out,
                            MatchingCode::UnknownPlaceholder,
                            tp.clone(),
                            format!(
                                "Pladsholderen {{{name}}} findes ikke for reglen {}; mulige: {}.",
                                rule.kind.type_name(),
                                allowed.join(", ")
                            ),
                            format!(
                                "The placeholder {{{name}}} does not exist for the rule {}; possible: {}.",
                                rule.kind.type_name(),
                                allowed.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        for (i, attr) in self.sensitive_attributes.iter().enumerate() {
            let ap = base.field("sensitive_attributes").index(i);
            match attribute_class(attr) {
                None => add(
                    out,
                    MatchingCode::UnknownAttribute,
                    ap,
                    format!(
                        "{attr} er ikke et felt på en nyankommen (newcomer.…) eller et tilbud (offer.…)."
                    ),
                    format!(
                        "{attr} is not a field of a newcomer (newcomer.…) or an offer (offer.…)."
                    ),
                ),
                Some(class) if !is_sensitive(class) || !used_sensitive.contains(attr.as_str()) => {
                    add(
                        out,
                        MatchingCode::UnusedSensitiveAttribute,
                        ap,
                        format!(
                            "{attr} er erklæret som følsom oplysning, men ingen regel bruger den som sådan."
                        ),
                        format!(
                            "{attr} is declared as a sensitive attribute, but no rule uses it as one."
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        for (i, attr) in self.shareable_with_volunteers.iter().enumerate() {
            let sp = base.field("shareable_with_volunteers").index(i);
            let known = attr.starts_with("newcomer.") && attribute_class(attr).is_some();
            match attribute_class(attr) {
                _ if !known => add(
                    out,
                    MatchingCode::UnknownAttribute,
                    sp,
                    format!("{attr} er ikke et felt på en nyankommen (newcomer.…)."),
                    format!("{attr} is not a field of a newcomer (newcomer.…)."),
                ),
                Some(class) if is_sensitive(class) => add(
                    out,
                    MatchingCode::SensitiveFieldShared,
                    sp,
                    format!("{attr} er en følsom oplysning og må aldrig deles med frivillige."),
                    format!("{attr} is sensitive and may never be shared with volunteers."),
                ),
                _ => {}
            }
        }
        for (i, q) in self.quotas.iter().enumerate() {
            let qp = base.field("quotas").index(i);
            if q.max.is_some_and(|max| q.min > max) {
                add(
                    out,
                    MatchingCode::InvalidQuota,
                    qp.field("min"),
                    format!(
                        "Kvoten for {} kræver mindst {} men højst {}.",
                        q.group.describe().da,
                        q.min,
                        q.max.unwrap_or(0)
                    ),
                    format!(
                        "The quota for {} asks for at least {} but at most {}.",
                        q.group.describe().en,
                        q.min,
                        q.max.unwrap_or(0)
                    ),
                );
            }
            if q.min == 0 && q.max.is_none() {
                add(
                    out,
                    MatchingCode::InvalidQuota,
                    qp.clone(),
                    "Kvoten sætter hverken et mindste eller et højeste antal.".into(),
                    "The quota sets neither a least nor a most.".into(),
                );
            }
            if let crate::matching::model::capacity::QuotaGroup::OfferArea { area }
            | crate::matching::model::capacity::QuotaGroup::NewcomerArea { area } = &q.group
                && area.trim().is_empty()
            {
                add(
                    out,
                    ValidationCode::EmptyText,
                    qp.field("group").field("area"),
                    "Området er tomt.".into(),
                    "The area is empty.".into(),
                );
            }
            if self.quotas[..i].iter().any(|p| p.group == q.group) {
                add(
                    out,
                    ValidationCode::DuplicateId,
                    qp.field("group"),
                    "Gruppen har allerede en kvote.".into(),
                    "The group already has a quota.".into(),
                );
            }
        }
        if let Some(f) = &self.follow_up
            && f.every_days == 0
        {
            add(
                out,
                MatchingCode::InvalidParameter,
                base.field("follow_up").field("every_days"),
                "Der skal være mindst 1 dag mellem opfølgningerne.".into(),
                "Follow-ups must be at least 1 day apart.".into(),
            );
        }
    }

    fn kind_params(&self, kp: &FieldPath, rule: &Rule, out: &mut Vec<Finding>) {
        match &rule.kind {
            RuleKind::SharedLanguage { languages, .. } => {
                for (j, code) in languages.iter().enumerate() {
                    if !is_language_code(code) {
                        add(
                out,
                            MatchingCode::InvalidLanguageCode,
                            kp.field("languages").index(j),
                            "Sprogkoden skal være en ISO 639-kode med 2 eller 3 små bogstaver.".into(),
                            "The language code must be an ISO 639 code of 2 or 3 lower-case letters.".into(),
                        );
                    }
                }
            }
            RuleKind::Distance { max_km, min_km } => {
                if !max_km.is_finite() || *max_km <= 0.0 {
                    add(
                        out,
                        MatchingCode::InvalidParameter,
                        kp.field("max_km"),
                        "Den største afstand skal være et endeligt tal over 0.".into(),
                        "The largest distance must be a finite number above 0.".into(),
                    );
                }
                if let Some(min) = min_km {
                    if !min.is_finite() || *min < 0.0 {
                        add(
                            out,
                            MatchingCode::InvalidParameter,
                            kp.field("min_km"),
                            "Den mindste afstand skal være et endeligt tal, mindst 0.".into(),
                            "The smallest distance must be a finite number, at least 0.".into(),
                        );
                    } else if max_km.is_finite() && min >= max_km {
                        add(
                out,
                            MatchingCode::ContradictoryParameters,
                            kp.field("min_km"),
                            "Den mindste afstand er ikke mindre end den største, så reglen kan aldrig opfyldes.".into(),
                            "The smallest distance is not below the largest, so the rule can never be met.".into(),
                        );
                    }
                }
            }
            RuleKind::NeedServed { needs } => {
                for (j, need) in needs.iter().enumerate() {
                    if let Need::Custom { id } = need
                        && !is_well_formed(id)
                    {
                        add(
                            out,
                            ValidationCode::InvalidId,
                            kp.field("needs").index(j),
                            "Et eget behov skal have et velformet id.".into(),
                            "A custom need must have a well-formed id.".into(),
                        );
                    }
                }
            }
            RuleKind::AvailabilityOverlap { min_slots } => {
                if *min_slots > 28 {
                    add(
                        out,
                        MatchingCode::ContradictoryParameters,
                        kp.field("min_slots"),
                        "En uge har kun 28 tidsrum (7 dage × 4), så reglen kan aldrig opfyldes."
                            .into(),
                        "A week has only 28 slots (7 days × 4), so the rule can never be met."
                            .into(),
                    );
                } else if *min_slots == 0 && rule.strength.is_hard() {
                    add(
                        out,
                        MatchingCode::VacuousRule,
                        kp.field("min_slots"),
                        "Med 0 fælles tidsrum er reglen altid opfyldt.".into(),
                        "With 0 common slots the rule is always met.".into(),
                    );
                }
            }
            RuleKind::InterestOverlap { min_shared } => {
                if *min_shared == 0 && rule.strength.is_hard() {
                    add(
                        out,
                        MatchingCode::VacuousRule,
                        kp.field("min_shared"),
                        "Med 0 fælles interesser er reglen altid opfyldt.".into(),
                        "With 0 shared interests the rule is always met.".into(),
                    );
                }
            }
            RuleKind::CredentialWithChildren { under_age, .. } => {
                if *under_age == 0 {
                    add(
                        out,
                        MatchingCode::VacuousRule,
                        kp.field("under_age"),
                        "Ingen børn er under 0 år, så reglen er altid opfyldt.".into(),
                        "No child is under 0, so the rule is always met.".into(),
                    );
                } else if *under_age > 18 {
                    add(
                        out,
                        MatchingCode::InvalidParameter,
                        kp.field("under_age"),
                        "Alderen skal være højst 18.".into(),
                        "The age must be at most 18.".into(),
                    );
                }
            }
            RuleKind::WaitingTime { full_after_days } => {
                if *full_after_days == 0 {
                    add(
                        out,
                        MatchingCode::InvalidParameter,
                        kp.field("full_after_days"),
                        "Antallet af dage skal være mindst 1.".into(),
                        "The number of days must be at least 1.".into(),
                    );
                }
            }
            RuleKind::SameArea
            | RuleKind::Capacity { .. }
            | RuleKind::PreferenceRespected
            | RuleKind::IndustryFit
            | RuleKind::LostMatch => {}
        }
    }
}

/// Adds a finding of `kind` at `path`.
pub(crate) fn add(
    out: &mut Vec<Finding>,
    kind: impl FindingKind,
    path: FieldPath,
    da: String,
    en: String,
) {
    out.push(Finding::of(kind, path, Text::new(da, en)));
}

/// The names of the `{placeholders}` in a template.
pub(crate) fn placeholders_in(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Fills `{name}` placeholders from `values`; unknown ones are left as written.
pub(crate) fn render_template(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

fn first_line(msg: &str) -> &str {
    msg.lines().next().unwrap_or(msg)
}

/// The text of a rule's explanation in `lang`, rendered with `values`.
pub(crate) fn render(rule: &Rule, lang: Lang, values: &[(&str, String)]) -> String {
    render_template(rule.explanation.get(lang), values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_type_has_its_placeholders_listed_once() {
        for name in RULE_TYPES {
            let rows = KIND_PLACEHOLDERS.iter().filter(|(k, _)| *k == name).count();
            assert_eq!(rows, 1, "{name}");
        }
        assert!(is_placeholder("under_age") && is_placeholder("offer"));
        assert!(!is_placeholder("Age") && !is_placeholder(""));
    }

    #[test]
    fn templates_render_and_list_placeholders() {
        assert_eq!(placeholders_in("a {x} b {y}"), vec!["x", "y"]);
        assert_eq!(
            render_template(
                "{offer} taler {language} ({level}) {nope}",
                &[
                    ("offer", "o-1".into()),
                    ("language", "arabisk".into()),
                    ("level", "B1".into())
                ]
            ),
            "o-1 taler arabisk (B1) {nope}"
        );
        assert_eq!(render_template("open { brace", &[]), "open { brace");
    }

    #[test]
    fn attribute_classes_come_from_the_schema() {
        assert_eq!(
            attribute_class("newcomer.preferences"),
            Some(SensitivityClass::SpecialCategory)
        );
        assert_eq!(
            attribute_class("offer.credentials"),
            Some(SensitivityClass::CriminalRecord)
        );
        assert_eq!(attribute_class("newcomer.name"), None);
        assert_eq!(attribute_class("volunteer.id"), None);
    }
}
