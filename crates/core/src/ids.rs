//! Identifier newtypes for every entity a dossier refers to.
//!
//! Ids are opaque strings so they survive any storage, but each entity kind has its own type so a
//! post id can never be passed where a person id is expected. Format checks happen during
//! validation (not parsing) so that one load reports every bad id at once.

use std::fmt;

/// Longest id accepted by validation; longer ids are almost always pasted free text.
pub const MAX_ID_LEN: usize = 128;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(transparent)]
        #[schemars(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string as this id type; use [`Dossier::validate`](crate::Dossier::validate) to check its format.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[cfg(feature = "uniffi")]
        uniffi::custom_type!($name, String, {
            lower: |id| id.0,
            try_lift: |s| Ok($name(s)),
        });
    };
}

id_type!(
    /// A municipality within a dossier (e.g. `aalborg`); distinct from its official code.
    MunicipalityId
);
id_type!(
    /// A department (forvaltning) of a municipality, unique within that municipality.
    DepartmentId
);
id_type!(
    /// An organisation in the org-id style: `DK-CVR-<8 digits>` for registered bodies, or
    /// `DK-LOCAL-<slug>` for informal groups and champions without a registry number.
    OrganisationId
);
id_type!(
    /// A person. Opaque: never derived from a name or a national id number (see
    /// [`PersonId::generate`]).
    PersonId
);
id_type!(
    /// A post such as "municipal coordinator of this partnership", independent of its holder.
    PostId
);
id_type!(
    /// A partnership agreement.
    AgreementId
);
id_type!(
    /// A goal or objective within an agreement.
    GoalId
);
id_type!(
    /// An activity within an agreement (homework café, contact families, ...).
    ActivityId
);
id_type!(
    /// A meeting forum within an agreement's routines.
    ForumId
);
id_type!(
    /// A task in a role split: a catalogue task (`integration_contract`) or a task the parties
    /// defined themselves.
    TaskId
);
id_type!(
    /// A checklist template, e.g. `joint-expectations`; with its version it names one template.
    TemplateId
);
id_type!(
    /// A section of a checklist template, unique within the template.
    SectionId
);
id_type!(
    /// A checklist item, stable across template versions so answers stay comparable.
    ItemId
);
id_type!(
    /// One option of a choice item, stable across template versions.
    ChoiceId
);
id_type!(
    /// One party's answer session for a checklist.
    SessionId
);
id_type!(
    /// An evaluation survey round in a dossier (assessment).
    SurveyId
);
id_type!(
    /// A question within a survey round (assessment).
    QuestionId
);
id_type!(
    /// A newcomer household in a matching cohort. Pseudonymous: never a name, a national id
    /// number or anything derived from them.
    NewcomerId
);
id_type!(
    /// A volunteer offer: a contact family, a mentor or an association's activity.
    OfferId
);
id_type!(
    /// A cohort of newcomers followed together (arrivals in one municipality and period).
    CohortId
);
id_type!(
    /// A matching rule set.
    RuleSetId
);
id_type!(
    /// A rule within a rule set.
    RuleId
);
id_type!(
    /// A stored matching run.
    MatchRunId
);
id_type!(
    /// A consent record (privacy).
    ConsentId
);
id_type!(
    /// A legal basis other than consent (privacy).
    BasisId
);
id_type!(
    /// A match proposal put to both sides (privacy). Never derived from a household's id.
    ProposalId
);
id_type!(
    /// A retention policy (privacy).
    PolicyId
);
id_type!(
    /// An association's offer in the directory (a homework café, a women's group, ...).
    ServiceId
);
id_type!(
    /// A place a partnership can be bound to: a housing area, a neighbourhood, a school
    /// district.
    PlaceId
);
id_type!(
    /// A survey instrument: the questions, answer scales, measures and respondent groups of a
    /// survey, as data (e.g. `lbb-2016`, `kl-2015`).
    InstrumentId
);
id_type!(
    /// A measure a survey question asks about (e.g. `know_each_other_better`).
    MeasureId
);
id_type!(
    /// A group of respondents (e.g. `volunteer`, `municipal_staff`, `municipality`).
    GroupId
);
id_type!(
    /// One answer option on a survey's answer scale (e.g. `agree`, `more`).
    AnswerId
);
id_type!(
    /// An answer scale of a survey instrument (e.g. `agreement`, `degree`).
    ScaleId
);
id_type!(
    /// A relationship between a household and a volunteer offer, from proposal to end
    /// (matching over time). Never derived from a household's id.
    RelationshipId
);

impl PersonId {
    /// A fresh random person id of the form `p-dddd-dddd-dddd-dddd` (16 random decimal digits).
    ///
    /// Random so that it carries nothing about the person (GDPR pseudonymisation). Digits in
    /// groups of four can neither spell a name nor look like a CPR number (DDMMYY-XXXX), so
    /// validation never mistakes a generated id for a derived one.
    pub fn generate() -> Self {
        let n = crate::random::random_u64() % 10_000_000_000_000_000;
        let s = format!("{n:016}");
        Self(format!(
            "p-{}-{}-{}-{}",
            &s[0..4],
            &s[4..8],
            &s[8..12],
            &s[12..16]
        ))
    }
}

impl NewcomerId {
    /// A fresh random household id of the form `nc-dddd-dddd-dddd` (12 random decimal digits),
    /// e.g. for anonymised records: it carries nothing about the household.
    pub fn generate() -> Self {
        let n = crate::random::random_u64() % 1_000_000_000_000;
        let s = format!("{n:012}");
        Self(format!("nc-{}-{}-{}", &s[0..4], &s[4..8], &s[8..12]))
    }
}

/// Whether `id` is a well-formed id: 1–128 characters from `A–Z a–z 0–9 . _ : -`, starting with
/// a letter or digit.
pub fn is_well_formed(id: &str) -> bool {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {}
        _ => return false,
    }
    id.len() <= MAX_ID_LEN
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
}

/// The parsed form of an [`OrganisationId`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgIdScheme<'a> {
    /// Registered in the Danish Central Business Register (CVR).
    Cvr(&'a str),
    /// No registry number: a local scheme kept by the partnership.
    Local(&'a str),
}

/// Why an organisation id is not in an accepted scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgIdProblem {
    /// Neither `DK-CVR-` nor `DK-LOCAL-`.
    UnknownScheme,
    /// A CVR number is exactly eight digits.
    CvrNotEightDigits,
    /// The CVR number fails the modulus-11 check.
    CvrChecksum,
    /// The local part is empty or has characters outside `a–z 0–9 -`.
    BadLocalPart,
}

impl OrganisationId {
    /// Parses the id into its scheme, checking CVR numbers with the modulus-11 rule.
    pub fn scheme(&self) -> Result<OrgIdScheme<'_>, OrgIdProblem> {
        if let Some(cvr) = self.0.strip_prefix("DK-CVR-") {
            if cvr.len() != 8 || !cvr.bytes().all(|b| b.is_ascii_digit()) {
                return Err(OrgIdProblem::CvrNotEightDigits);
            }
            if !cvr_checksum_ok(cvr) {
                return Err(OrgIdProblem::CvrChecksum);
            }
            Ok(OrgIdScheme::Cvr(cvr))
        } else if let Some(local) = self.0.strip_prefix("DK-LOCAL-") {
            let ok = !local.is_empty()
                && local
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if ok {
                Ok(OrgIdScheme::Local(local))
            } else {
                Err(OrgIdProblem::BadLocalPart)
            }
        } else {
            Err(OrgIdProblem::UnknownScheme)
        }
    }
}

/// The CVR modulus-11 check: weights 2,7,6,5,4,3,2,1, weighted sum divisible by 11.
pub fn cvr_checksum_ok(digits: &str) -> bool {
    const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
    if digits.len() != 8 {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b.wrapping_sub(b'0')) * w)
        .sum();
    sum.is_multiple_of(11)
}

/// Whether a person id carries the person's name (a name part of 3+ letters) or a national id
/// number (a part of ten digits, or six and four digits joined by a dash: DDMMYY-XXXX).
pub(crate) fn id_looks_derived(id: &str, name: &str) -> bool {
    let id_lower = id.to_lowercase();
    let from_name = name
        .split(|c: char| !c.is_alphabetic())
        .filter(|part| part.chars().count() >= 3)
        .any(|part| id_lower.contains(&part.to_lowercase()));
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = id.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let cpr_like = parts.iter().any(|p| all_digits(p, 10))
        || parts
            .windows(2)
            .any(|w| all_digits(w[0], 6) && all_digits(w[1], 4));
    from_name || cpr_like
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids() {
        assert!(is_well_formed("aalborg"));
        assert!(is_well_formed("p-00ab"));
        assert!(is_well_formed("DK-CVR-12345674"));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed("-leading"));
        assert!(!is_well_formed("has space"));
        assert!(!is_well_formed(&"x".repeat(129)));
    }

    #[test]
    fn cvr_modulus_11() {
        // 2*1+7*2+6*3+5*4+4*5+3*6+2*7+1*x = 106 + x; x = 4 gives 110 = 10*11.
        assert!(cvr_checksum_ok("12345674"));
        assert!(!cvr_checksum_ok("12345675"));
        assert_eq!(
            OrganisationId::new("DK-CVR-12345675").scheme(),
            Err(OrgIdProblem::CvrChecksum)
        );
        assert_eq!(
            OrganisationId::new("DK-CVR-1234").scheme(),
            Err(OrgIdProblem::CvrNotEightDigits)
        );
        assert_eq!(
            OrganisationId::new("DK-LOCAL-venligboerne-aalborg").scheme(),
            Ok(OrgIdScheme::Local("venligboerne-aalborg"))
        );
        assert_eq!(
            OrganisationId::new("DK-LOCAL-Bad Name").scheme(),
            Err(OrgIdProblem::BadLocalPart)
        );
        assert_eq!(
            OrganisationId::new("GB-COH-123").scheme(),
            Err(OrgIdProblem::UnknownScheme)
        );
    }

    #[test]
    fn generated_person_ids_are_distinct_and_well_formed() {
        let a = PersonId::generate();
        let b = PersonId::generate();
        assert_ne!(a, b);
        assert!(is_well_formed(a.as_str()));
        assert_eq!(a.as_str().len(), 21);
    }

    #[test]
    fn derived_ids() {
        assert!(id_looks_derived("fatima-hansen", "Fatima Hansen"));
        assert!(id_looks_derived("p-0101901234", "A B"));
        assert!(id_looks_derived("010190-1234", "A B"));
        assert!(!id_looks_derived("p-3904-1187-5520-0071", "Fatima Hansen"));
        assert!(!id_looks_derived("p-3904-1187-5520-0071", "Ada"));
        assert!(!id_looks_derived("p-12345", "Al"));
    }
}
