//! The dossier: one document holding the actors, people, posts and agreements of a
//! partnership landscape, with a schema version, read and written losslessly as JSON.

use crate::actors::{Department, Municipality, Organisation, PartyRef, Person};
use crate::agreement::{ActionOwner, Agreement};
use crate::code::SaveCode;
use crate::error::{BrobyggerError, LoadError, redact_message};
use crate::finding::{FieldPath, SourceRef};
use crate::i18n::{Lang, Text};
use crate::ids::{AgreementId, MunicipalityId, OrganisationId, PersonId, PostId};
use crate::posts::model::Post;
use crate::validation_code::ValidationCode;
use std::path::Path;

/// The schema version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything about a set of partnerships, in one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Dossier {
    /// The schema version of the document; must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// A title, e.g. "Aalborg: Lokalsamfundet Bygger Bro".
    pub title: String,
    /// The municipalities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub municipalities: Vec<Municipality>,
    /// The civil-society organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// The people who hold posts (staff and volunteers; never newcomers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The posts and their holders over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// The partnership agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    /// Where facts in this document come from: a source document, or marked as illustrative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    /// Expectation-alignment checklists: the dossier's own templates, the checklists agreements
    /// require before signing, the parties' answer sessions and resolved divergences.
    #[serde(
        default,
        skip_serializing_if = "crate::checklists::Checklists::is_empty"
    )]
    pub checklists: crate::checklists::model::store::Checklists,
    /// Evaluation survey rounds with their answers counted by respondent group (assessment).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<crate::assessment::model::SurveyRound>,
    /// Cohorts of newcomer households (pseudonymous), with their introduction plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cohorts: Vec<crate::matching::model::cohort::Cohort>,
    /// Volunteer offers: contact families, mentors, activities with places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<crate::matching::model::profile::Offer>,
    /// Matching rule sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_sets: Vec<crate::matching::model::rules::RuleSet>,
    /// Stored matching runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_runs: Vec<crate::matching::model::run::MatchRun>,
    /// Matches followed over time: each household–offer relationship from its proposal to its
    /// end, as dated events. Active ones take the offer's places. (Added in 0.2; a file
    /// without it loads with none.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<crate::matching::model::relationship::Relationship>,
    /// Consents and other legal bases, match proposals with their disclosures, retention
    /// policies and the anonymisation log.
    #[serde(default, skip_serializing_if = "crate::privacy::Privacy::is_empty")]
    pub privacy: crate::privacy::model::store::Privacy,
    /// The association directory: each association's entry with its offers (003).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directory: Vec<crate::directory::model::DirectoryEntry>,
    /// Places partnerships can be bound to: housing areas, neighbourhoods, school districts
    /// (004).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<crate::places::model::place::Place>,
    /// Households' outcomes over time (work or education, self-support, Danish, network), each
    /// record kept under a basis for evaluation and statistics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<crate::outcomes::model::OutcomeRecord>,
}

/// Where a value in the dossier comes from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Provenance {
    /// The field (or subtree) this is about.
    pub path: FieldPath,
    /// The basis for it.
    pub basis: ProvenanceBasis,
}

/// The basis for a value: documented in a source, or invented for illustration.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProvenanceBasis {
    /// Stated in a source document.
    Source {
        /// The document and section.
        source: SourceRef,
    },
    /// Invented to make the example complete (dates, hours, names of posts).
    Illustrative {
        /// What was invented and why.
        note: String,
    },
}

impl Dossier {
    /// An empty dossier with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            title: title.into(),
            municipalities: Vec::new(),
            organisations: Vec::new(),
            people: Vec::new(),
            posts: Vec::new(),
            agreements: Vec::new(),
            provenance: Vec::new(),
            checklists: crate::checklists::model::store::Checklists::default(),
            surveys: Vec::new(),
            cohorts: Vec::new(),
            offers: Vec::new(),
            rule_sets: Vec::new(),
            match_runs: Vec::new(),
            relationships: Vec::new(),
            privacy: crate::privacy::model::store::Privacy::default(),
            directory: Vec::new(),
            places: Vec::new(),
            outcomes: Vec::new(),
        }
    }

    /// Reads a dossier from JSON, checking the schema version first.
    ///
    /// This only parses; call [`Dossier::validate`] for the findings. Errors name the path and
    /// position of the problem but never quote input values, which may be personal data.
    pub fn from_json(json: &str) -> Result<Self, BrobyggerError> {
        Ok(parse_json(json)?)
    }

    /// The check every reader of a document makes, for a dossier an app built as data: its
    /// `schema_version` is the one this library reads ([`SCHEMA_VERSION`]). A newer version is
    /// `load.newer_schema_version`, an older one `load.unknown_schema_version`.
    pub fn check_version(&self) -> Result<(), BrobyggerError> {
        Ok(LoadError::check_version(
            self.schema_version,
            SCHEMA_VERSION,
        )?)
    }

    /// Reads a dossier from a JSON file.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, BrobyggerError> {
        let path = path.as_ref();
        let bytes = crate::fsio::read_input(path)?;
        Self::from_json_bytes(&bytes)
    }

    /// Reads a dossier from JSON bytes, which must be UTF-8.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Self, BrobyggerError> {
        let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Syntax {
            path: String::new(),
            line: 0,
            column: 0,
            reason: format!(
                "the input is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        })?;
        Self::from_json(text)
    }

    /// The dossier as pretty-printed JSON (two-space indent, trailing newline).
    pub fn to_json(&self) -> Result<String, BrobyggerError> {
        let mut s = serde_json::to_string_pretty(self)
            .map_err(|e| BrobyggerError::internal(SaveCode::Serialize, e.to_string()))?;
        s.push('\n');
        Ok(s)
    }

    /// Writes the dossier as JSON to a file, atomically: on any failure (a full disk, a killed
    /// process) the file keeps its old contents, and no temporary file is left behind; the
    /// file's permissions and a symbolic link are kept (see [`crate::write_atomic`]).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), BrobyggerError> {
        let json = self.to_json()?;
        Ok(crate::fsio::write_atomic(path, json)?)
    }

    /// Adds a person; refuses an id that is already used or that looks derived from the name
    /// or a national id number.
    pub fn add_person(&mut self, person: Person) -> Result<(), BrobyggerError> {
        if self.person(&person.id).is_some() {
            return Err(BrobyggerError::invalid_input(
                ValidationCode::DuplicateId,
                "person.id",
                format!("the person id {} is already used", person.id),
            ));
        }
        if crate::ids::id_looks_derived(person.id.as_str(), &person.name) {
            return Err(BrobyggerError::invalid_input(
                ValidationCode::PersonIdNotOpaque,
                "person.id",
                "the person id looks derived from the name or a national id number; use PersonId::generate",
            ));
        }
        self.people.push(person);
        Ok(())
    }

    /// The agreement with `id`.
    pub fn agreement(&self, id: &AgreementId) -> Option<&Agreement> {
        self.agreements.iter().find(|a| &a.id == id)
    }

    /// The agreement with `id`, mutably.
    pub fn agreement_mut(&mut self, id: &AgreementId) -> Option<&mut Agreement> {
        self.agreements.iter_mut().find(|a| &a.id == id)
    }

    /// The person with `id`.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The post with `id`.
    pub fn post(&self, id: &PostId) -> Option<&Post> {
        self.posts.iter().find(|p| &p.id == id)
    }

    /// The organisation with `id`.
    pub fn organisation(&self, id: &OrganisationId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| &o.id == id)
    }

    /// The place with `id`.
    pub fn place(&self, id: &crate::ids::PlaceId) -> Option<&crate::places::model::place::Place> {
        self.places.iter().find(|p| &p.id == id)
    }

    /// The municipality with `id`.
    pub fn municipality(&self, id: &MunicipalityId) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| &m.id == id)
    }

    /// The department a party refers to, if it is a department of a known municipality.
    pub fn department(&self, party: &PartyRef) -> Option<&Department> {
        match party {
            PartyRef::Department {
                municipality,
                department,
            } => self
                .municipality(municipality)?
                .departments
                .iter()
                .find(|d| &d.id == department),
            _ => None,
        }
    }

    /// Whether a party reference points at something in the dossier.
    pub fn party_exists(&self, party: &PartyRef) -> bool {
        match party {
            PartyRef::Municipality { municipality } => self.municipality(municipality).is_some(),
            PartyRef::Department { .. } => self.department(party).is_some(),
            PartyRef::Organisation { organisation } => self.organisation(organisation).is_some(),
        }
    }

    /// A display name for a party, safe to show to anyone: "Jobcenter Aalborg (Aalborg
    /// Kommune)", or its key if unknown. A champion (an individual, so its name is personal
    /// data) appears by its kind in both languages and its id: "ildsjæl (champion)
    /// DK-LOCAL-…" (see [`Dossier::party_label`] for one language).
    pub fn party_name(&self, party: &PartyRef) -> String {
        if let Some(o) = self.champion(party) {
            return o.public_label(None);
        }
        match party {
            PartyRef::Municipality { municipality } => self
                .municipality(municipality)
                .map(|m| m.name.clone())
                .unwrap_or_else(|| party.key()),
            PartyRef::Department { municipality, .. } => {
                match (self.department(party), self.municipality(municipality)) {
                    (Some(d), Some(m)) => format!("{} ({})", d.name, m.name),
                    _ => party.key(),
                }
            }
            PartyRef::Organisation { organisation } => self
                .organisation(organisation)
                .map(|o| o.name.clone())
                .unwrap_or_else(|| party.key()),
        }
    }

    /// A party's name in `lang`, safe to show to anyone: as [`Dossier::party_name`], but a
    /// champion appears as "ildsjæl DK-LOCAL-…" in Danish and "champion DK-LOCAL-…" in English.
    pub fn party_label(&self, party: &PartyRef, lang: Lang) -> String {
        match self.champion(party) {
            Some(o) => o.public_label(Some(lang)),
            None => self.party_name(party),
        }
    }

    /// Who owns an action item, safe to show to anyone: the post's title (never its holder's
    /// name) or the party's label; the id when the post is unknown.
    pub fn action_owner_text(&self, owner: &ActionOwner) -> Text {
        match owner {
            ActionOwner::Post { post } => {
                let title = self
                    .post(post)
                    .map_or_else(|| post.to_string(), |p| p.title.clone());
                Text::new(title.clone(), title)
            }
            ActionOwner::Party { party } => self.party_text(party),
        }
    }

    /// [`Dossier::party_label`] in both languages.
    pub fn party_text(&self, party: &PartyRef) -> Text {
        Text::new(
            self.party_label(party, Lang::Da),
            self.party_label(party, Lang::En),
        )
    }

    /// The organisation a party refers to, if it is a champion (an individual).
    fn champion(&self, party: &PartyRef) -> Option<&Organisation> {
        match party {
            PartyRef::Organisation { organisation } => self
                .organisation(organisation)
                .filter(|o| o.is_individual()),
            _ => None,
        }
    }

    /// The posts acting for `party`, including a municipality's departments when `party` is the
    /// whole municipality.
    pub fn posts_for<'a>(&'a self, party: &'a PartyRef) -> impl Iterator<Item = &'a Post> + 'a {
        self.posts.iter().filter(move |p| party.covers(&p.party))
    }
}

/// The part of a document read before anything else, to pick the right reader.
#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

/// Checks the schema version, then parses with paths to the field on error.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, LoadError> {
    let probe: VersionProbe = serde_json::from_str(json).map_err(|e| syntax_error("", &e))?;
    match probe.schema_version {
        None => {
            return Err(LoadError::MissingSchemaVersion {
                supported: SCHEMA_VERSION,
            });
        }
        Some(v) => match v.as_u64() {
            Some(n) => {
                LoadError::check_version(u32::try_from(n).unwrap_or(u32::MAX), SCHEMA_VERSION)?
            }
            None => {
                return Err(LoadError::Syntax {
                    path: "schema_version".into(),
                    line: 0,
                    column: 0,
                    reason: "schema_version must be a non-negative integer".into(),
                });
            }
        },
    }
    let de = &mut serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = crate::error::error_path(&e);
        syntax_error(&path, e.inner())
    })?;
    Ok(value)
}

fn syntax_error(path: &str, e: &serde_json::Error) -> LoadError {
    let path = if path == "." { "" } else { path };
    LoadError::Syntax {
        path: path.to_owned(),
        line: u32::try_from(e.line()).unwrap_or(u32::MAX),
        column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        reason: redact_message(&e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_checks() {
        let e = Dossier::from_json(r#"{"title": "x"}"#).unwrap_err();
        assert_eq!(e.code(), "load.missing_schema_version");
        let e = Dossier::from_json(r#"{"schema_version": 2, "title": "x"}"#).unwrap_err();
        assert_eq!(e.code(), "load.newer_schema_version");
        assert!(matches!(
            e,
            BrobyggerError::UnsupportedVersion {
                found: Some(2),
                supported: 1,
                ..
            }
        ));
        let e = Dossier::from_json(r#"{"schema_version": 0, "title": "x"}"#).unwrap_err();
        assert_eq!(e.code(), "load.unknown_schema_version");
        let e = Dossier::from_json(r#"{"schema_version": "1", "title": "x"}"#).unwrap_err();
        assert_eq!(e.code(), "load.syntax");
        let d = Dossier::from_json(r#"{"schema_version": 1, "title": "x"}"#).unwrap();
        assert_eq!(d, Dossier::new("x"));
        // A dossier built as data meets the same check.
        let mut d = Dossier::new("x");
        assert!(d.check_version().is_ok());
        d.schema_version = 2;
        assert_eq!(
            d.check_version().unwrap_err().code(),
            "load.newer_schema_version"
        );
        d.schema_version = 0;
        assert_eq!(
            d.check_version().unwrap_err().code(),
            "load.unknown_schema_version"
        );
    }

    #[test]
    fn parse_errors_have_paths_and_no_values() {
        let json = r#"{"schema_version": 1, "title": "x",
            "people": [{"id": "p-1", "name": "Fatima Hansen", "email": 12}]}"#;
        let e = Dossier::from_json(json).unwrap_err();
        let BrobyggerError::Parse {
            path, line, reason, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(path, "people[0].email");
        assert_eq!(*line, 2);
        assert!(!reason.contains("Fatima"));
        assert!(!e.to_string().contains("Fatima"));

        let json = r#"{"schema_version": 1, "title": "x", "people": [{"id": "p-1", "name": "Fatima", "nmae": 1}]}"#;
        let e = Dossier::from_json(json).unwrap_err();
        // An unknown key is input: neither the reason nor the path repeats it; the path names
        // the object that has it and the reason lists the keys it may have.
        assert!(e.to_string().contains("unknown field `…`, expected"), "{e}");
        assert!(!e.to_string().contains("nmae"), "{e}");
        assert!(e.to_string().contains("people[0]"), "{e}");
    }
}

/// A change an app makes to a dossier kept by the library elsewhere: the SQLite store's
/// `update` in Kotlin and Swift (crate `brobygger-mobile`) calls it with the latest dossier under
/// the store's write lock and stores what it returns, as one audited transaction. Throwing
/// stores nothing: an error of the library thrown inside arrives unchanged, any other exception
/// as `Internal` (`internal.app_callback`).
///
/// It lives beside [`Dossier`], behind the `uniffi` feature, because the app's exceptions
/// cross back as [`BrobyggerError`]: uniffi generates the callback's error handling in the
/// component that defines the error.
#[cfg(feature = "uniffi")]
#[uniffi::export(callback_interface)]
pub trait DossierChange: Send + Sync {
    /// The dossier after the change (wrap it in a `DossierHandle` to use the facets, and return
    /// the handle's `data()`).
    fn change(&self, dossier: Dossier) -> Result<Dossier, BrobyggerError>;
}
