//! Consent records in a standard form: a dossier's consents and other legal bases as W3C Data
//! Privacy Vocabulary (DPV) records in JSON-LD, following ISO/IEC TS 27560:2023 as the DPVCG's
//! guide maps it to DPV (the `dpv-27560` record profile), and read back without loss.
//!
//! Each consent is one `dpv:ConsentRecord` with the 27560 record fields: schema version
//! (`dct:conformsTo`), record id (`dct:identifier`), the subject's pseudonym
//! (`dpv:hasDataSubject`: the pseudonymous subject key `newcomer:<id>`, never a name), the
//! controllers (`dpv:hasDataController`: the dossier's municipalities), the notice
//! (`dpv:hasNotice`: the text version), `dct:language`, purposes (`dpv:hasPurpose`), the legal
//! basis (`dpv:hasLegalBasis`: `dpv:Consent` with GDPR art. 6(1)(a), and art. 9(2)(a) when it
//! covers special-category data), the personal data it explicitly covers
//! (`dpv:hasPersonalData`), the status on the export's day (`dpv:hasConsentStatus`:
//! `dpv:ConsentGiven`, `dpv:ConsentWithdrawn`, `dpv:ConsentExpired`, or `dpv:ConsentUnknown`
//! before it was given) and its events (`dct:hasPart`: given, with `dct:date`, the validity
//! `dct:valid` and the consent type; withdrawn). Every other legal basis is a
//! `dpv:PersonalDataHandling` with its purpose, `dpv:hasLegalBasis` (the GDPR article where
//! there is one), the statute (`dct:source`) and its validity. What DPV has no term for (how a
//! consent was given, who recorded it, the exact Danish basis, a basis' scope) is in the
//! `bb:` namespace (`urn:brobygger:dpv#`), so a record reads back exactly as it was.
//!
//! The document carries `bb:profileVersion` ([`DPV_PROFILE_VERSION`]); a newer one is refused.
//! Errors name the path in the document (`@graph[2].dct:identifier`), never a value.

use crate::code::ErrorCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::ids::{BasisId, ConsentId, PostId};
use crate::matching::model::rules::attribute_class;
use crate::privacy::consent::check_privacy_change;
use crate::privacy::model::basis::{LegalBasis, Purpose};
use crate::privacy::model::codes::PrivacyCode;
use crate::privacy::model::consent::{
    BasisScope, ConsentForm, ConsentRecord, ProcessingBasis, Subject,
};
use crate::sensitivity::SensitivityClass;
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

/// The version of brobygger's DPV profile this library writes and reads.
pub const DPV_PROFILE_VERSION: u32 = 1;

const DPV_27560_RECORD: &str = "https://w3id.org/dpv/schema/dpv-27560#record";
const DPV: &str = "https://w3id.org/dpv#";
const EU_GDPR: &str = "https://w3id.org/dpv/legal/eu/gdpr#";
const DCT: &str = "http://purl.org/dc/terms/";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const BB: &str = "urn:brobygger:dpv#";

/// Consents and other legal bases read from a DPV document.
#[derive(
    Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConsentRecords {
    /// The consents, in the document's order.
    pub consents: Vec<ConsentRecord>,
    /// The other legal bases, in the document's order.
    pub bases: Vec<ProcessingBasis>,
}

/// An IRI part for an id: everything but unreserved characters percent-encoded.
fn iri_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn subject_node(subject: &Subject) -> Value {
    json!({
        "@id": format!("urn:brobygger:subject:{}:{}", subject.kind(), iri_part(subject.id())),
        "@type": "dpv:DataSubject",
        "dct:identifier": subject.key(),
    })
}

fn date(d: NaiveDate) -> Value {
    json!({ "@value": d.to_string(), "@type": "xsd:date" })
}

/// The validity interval `from/until` (ISO 8601; `..` for an open end).
fn valid(from: NaiveDate, until: Option<NaiveDate>) -> Value {
    let until = until.map_or_else(|| "..".to_owned(), |u| u.to_string());
    Value::String(format!("{from}/{until}"))
}

fn purpose_node(p: Purpose) -> Value {
    json!({
        "@id": format!("bb:purpose-{}", p.key()),
        "@type": "dpv:Purpose",
        "dct:identifier": p.key(),
    })
}

fn personal_data_node(attribute: &str) -> Value {
    let kind = match attribute_class(attribute) {
        Some(SensitivityClass::SpecialCategory) => "dpv:SpecialCategoryPersonalData",
        Some(SensitivityClass::CriminalRecord) => "dpv:SensitivePersonalData",
        _ => "dpv:PersonalData",
    };
    json!({ "@type": kind, "dct:identifier": attribute })
}

fn has_special(attributes: &[String]) -> bool {
    attributes
        .iter()
        .any(|a| attribute_class(a) == Some(SensitivityClass::SpecialCategory))
}

/// The GDPR articles (DPV's EU-GDPR extension) behind a basis; none for the Danish exceptions
/// to the duty of confidentiality, which DPV's core terms name instead.
fn basis_iris(basis: LegalBasis) -> &'static [&'static str] {
    match basis {
        LegalBasis::Consent => &["dpv:Consent", "eu-gdpr:A6-1-a"],
        LegalBasis::Contract => &["dpv:Contract", "eu-gdpr:A6-1-b"],
        LegalBasis::LegalObligation => &["dpv:LegalObligation", "eu-gdpr:A6-1-c"],
        LegalBasis::VitalInterests => &["dpv:VitalInterest", "eu-gdpr:A6-1-d", "eu-gdpr:A9-2-c"],
        LegalBasis::PublicTask => &["dpv:OfficialAuthorityOfController", "eu-gdpr:A6-1-e"],
        LegalBasis::LegitimateInterests => &["dpv:LegitimateInterest", "eu-gdpr:A6-1-f"],
        LegalBasis::SocialProtectionLaw => &["eu-gdpr:A9-2-b"],
        LegalBasis::NotForProfitBody => &["eu-gdpr:A9-2-d"],
        LegalBasis::SubstantialPublicInterest => &["dpv:PublicInterest", "eu-gdpr:A9-2-g"],
        LegalBasis::ArchivingResearchStatistics => &["eu-gdpr:A9-2-j"],
        LegalBasis::StatutoryDisclosure => &["dpv:LegalObligation"],
        LegalBasis::OverridingInterest => &["dpv:LegitimateInterest"],
    }
}

fn ids(iris: &[&str]) -> Value {
    Value::Array(iris.iter().map(|i| json!({ "@id": i })).collect())
}

/// The word serde writes for a value (`oral_recorded`, `public_task`).
fn key_of<T: serde::Serialize>(value: &T) -> String {
    crate::present::table::written(value)
}

fn consent_node(c: &ConsentRecord, controllers: &[Value], as_of: NaiveDate) -> Value {
    let subject = subject_node(&c.subject);
    let status = if as_of < c.given_on {
        "dpv:ConsentUnknown"
    } else if c.withdrawn_on.is_some_and(|w| w <= as_of) {
        "dpv:ConsentWithdrawn"
    } else if c.expires_on.is_some_and(|e| e <= as_of) {
        "dpv:ConsentExpired"
    } else {
        "dpv:ConsentGiven"
    };
    let mut legal = basis_iris(LegalBasis::Consent).to_vec();
    if has_special(&c.attributes) {
        legal.push("eu-gdpr:A9-2-a");
    }
    let consent_type = if c.attributes.is_empty() {
        "dpv:ExpressedConsent"
    } else {
        "dpv:ExplicitlyExpressedConsent"
    };
    let mut events = vec![json!({
        "@type": "bb:ConsentEvent",
        "dct:date": date(c.given_on),
        "dct:valid": valid(c.given_on, c.expires_on),
        "dpv:hasConsentStatus": { "@id": "dpv:ConsentGiven" },
        "dpv:hasLegalBasis": { "@id": consent_type },
        "dpv:isImplementedByEntity": { "@id": subject["@id"].clone() },
    })];
    if let Some(w) = c.withdrawn_on {
        events.push(json!({
            "@type": "bb:ConsentEvent",
            "dct:date": date(w),
            "dpv:hasConsentStatus": { "@id": "dpv:ConsentWithdrawn" },
            "dpv:isImplementedByEntity": { "@id": subject["@id"].clone() },
        }));
    }
    let mut node = json!({
        "@id": format!("urn:brobygger:consent:{}", iri_part(c.id.as_str())),
        "@type": "dpv:ConsentRecord",
        "dct:conformsTo": { "@id": DPV_27560_RECORD },
        "dct:identifier": c.id.as_str(),
        "dpv:hasDataSubject": subject,
        "dpv:hasDataController": controllers,
        "dpv:hasNotice": { "@type": "dpv:ConsentNotice", "dct:identifier": c.text_version },
        "dpv:hasPurpose": c.purposes.iter().map(|p| purpose_node(*p)).collect::<Vec<_>>(),
        "dpv:hasLegalBasis": ids(&legal),
        "dpv:hasPersonalData": c.attributes.iter().map(|a| personal_data_node(a)).collect::<Vec<_>>(),
        "dpv:hasConsentStatus": { "@id": status },
        "dct:hasPart": events,
        "bb:form": key_of(&c.form),
    });
    if let Some(obj) = node.as_object_mut() {
        if let Some(lang) = &c.language {
            obj.insert("dct:language".into(), Value::String(lang.clone()));
        }
        if let Some(post) = &c.recorded_by {
            obj.insert("bb:recordedBy".into(), Value::String(post.to_string()));
        }
    }
    node
}

fn basis_node(b: &ProcessingBasis, controllers: &[Value]) -> Value {
    let scope = serde_json::to_value(&b.applies_to).unwrap_or(Value::Null);
    let mut node = json!({
        "@id": format!("urn:brobygger:basis:{}", iri_part(b.id.as_str())),
        "@type": "dpv:PersonalDataHandling",
        "dct:identifier": b.id.as_str(),
        "dpv:hasDataController": controllers,
        "dpv:hasPurpose": [purpose_node(b.purpose)],
        "dpv:hasLegalBasis": ids(basis_iris(b.basis)),
        "dpv:hasPersonalData": b.attributes.iter().map(|a| personal_data_node(a)).collect::<Vec<_>>(),
        "dct:source": b.reference,
        "dct:valid": valid(b.from, b.until),
        "bb:legalBasis": key_of(&b.basis),
        "bb:scope": scope,
    });
    if let (BasisScope::Individual { subject }, Some(obj)) = (&b.applies_to, node.as_object_mut()) {
        obj.insert("dpv:hasDataSubject".into(), subject_node(subject));
    }
    node
}

/// The dossier's consents and legal bases as one JSON-LD document of DPV records, each
/// consent's status as of `as_of`.
pub(crate) fn export_dpv(dossier: &Dossier, as_of: NaiveDate) -> String {
    let controllers: Vec<Value> = dossier
        .municipalities
        .iter()
        .map(
            |m| json!({ "@id": format!("urn:brobygger:municipality:{}", iri_part(m.id.as_str())) }),
        )
        .collect();
    let mut graph: Vec<Value> = dossier
        .municipalities
        .iter()
        .map(|m| {
            json!({
                "@id": format!("urn:brobygger:municipality:{}", iri_part(m.id.as_str())),
                "@type": ["dpv:DataController", "dpv:LegalEntity"],
                "dct:identifier": m.id.as_str(),
                "dpv:hasName": m.name,
            })
        })
        .collect();
    graph.extend(
        dossier
            .privacy
            .consents
            .iter()
            .map(|c| consent_node(c, &controllers, as_of)),
    );
    graph.extend(
        dossier
            .privacy
            .bases
            .iter()
            .map(|b| basis_node(b, &controllers)),
    );
    let doc = json!({
        "@context": {
            "dpv": DPV,
            "eu-gdpr": EU_GDPR,
            "dct": DCT,
            "xsd": XSD,
            "bb": BB,
            "bb:scope": { "@type": "@json" },
        },
        "@id": "urn:brobygger:consent-records",
        "dct:conformsTo": { "@id": DPV_27560_RECORD },
        "dct:created": date(as_of),
        "bb:profileVersion": DPV_PROFILE_VERSION,
        "@graph": graph,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A place in the document being read, for errors that name where, never what.
struct Reader<'a> {
    path: String,
    node: &'a Map<String, Value>,
}

fn bad(path: &str, reason: &str) -> BrobyggerError {
    BrobyggerError::invalid_input(PrivacyCode::DpvRecord, path, reason)
}

impl<'a> Reader<'a> {
    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.node.get(key)
    }

    /// A text, also when written as `{"@value": ...}`.
    fn text(&self, key: &str) -> Result<Option<String>, BrobyggerError> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => literal(v)
                .map(|s| Some(s.to_owned()))
                .ok_or_else(|| bad(&self.at(key), "expected a text")),
        }
    }

    fn required(&self, key: &str) -> Result<String, BrobyggerError> {
        self.text(key)?
            .ok_or_else(|| bad(&self.at(key), "missing; a record needs it"))
    }

    /// The nodes under `key` (one, or a list).
    fn nodes(&self, key: &str) -> Result<Vec<Reader<'a>>, BrobyggerError> {
        let items: Vec<&Value> = match self.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list.iter().collect(),
            Some(one) => vec![one],
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let path = format!("{}[{i}]", self.at(key));
                match v {
                    Value::Object(node) => Ok(Reader { path, node }),
                    _ => Err(bad(&path, "expected an object")),
                }
            })
            .collect()
    }

    fn node(&self, key: &str) -> Result<Reader<'a>, BrobyggerError> {
        self.nodes(key)?
            .into_iter()
            .next()
            .ok_or_else(|| bad(&self.at(key), "missing; a record needs it"))
    }

    /// The `@id`s under `key`, expanded to full IRIs.
    fn iris(&self, key: &str) -> Result<Vec<String>, BrobyggerError> {
        self.nodes(key)?
            .iter()
            .map(|n| n.required("@id").map(|id| expand(&id)))
            .collect()
    }

    fn types(&self) -> Vec<String> {
        match self.get("@type") {
            Some(Value::String(t)) => vec![expand(t)],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).map(expand).collect(),
            _ => Vec::new(),
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, BrobyggerError> {
        self.text(key)?
            .map(|s| {
                s.parse::<NaiveDate>()
                    .map_err(|_| bad(&self.at(key), "expected a date (YYYY-MM-DD)"))
            })
            .transpose()
    }

    /// `dct:valid` as `from/until` (`..` for an open end).
    fn validity(&self) -> Result<(NaiveDate, Option<NaiveDate>), BrobyggerError> {
        let path = self.at("dct:valid");
        let text = self.required("dct:valid")?;
        let (from, until) = text
            .split_once('/')
            .ok_or_else(|| bad(&path, "expected an interval from/until"))?;
        let day = |s: &str| {
            s.parse::<NaiveDate>()
                .map_err(|_| bad(&path, "expected dates (YYYY-MM-DD) in the interval"))
        };
        let until = if until == ".." {
            None
        } else {
            Some(day(until)?)
        };
        Ok((day(from)?, until))
    }

    fn identifiers(&self, key: &str) -> Result<Vec<String>, BrobyggerError> {
        self.nodes(key)?
            .iter()
            .map(|n| n.required("dct:identifier"))
            .collect()
    }

    fn purposes(&self) -> Result<Vec<Purpose>, BrobyggerError> {
        self.nodes("dpv:hasPurpose")?
            .iter()
            .map(|n| {
                let key = n.required("dct:identifier")?;
                Purpose::parse(&key)
                    .map_err(|_| bad(&n.at("dct:identifier"), "not a purpose the library knows"))
            })
            .collect()
    }

    fn subject(&self, key: &str) -> Result<Subject, BrobyggerError> {
        let node = self.node(key)?;
        let id = node.required("dct:identifier")?;
        Subject::parse_key(&id).map_err(|_| {
            bad(
                &node.at("dct:identifier"),
                "expected a subject key newcomer:<id>, person:<id> or offer:<id>",
            )
        })
    }
}

/// A JSON-LD literal's text: a string or `{"@value": "..."}`.
fn literal(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("@value").and_then(Value::as_str),
        _ => None,
    }
}

/// A compact IRI of the document's prefixes, expanded.
fn expand(iri: &str) -> String {
    for (prefix, base) in [
        ("dpv:", DPV),
        ("eu-gdpr:", EU_GDPR),
        ("dct:", DCT),
        ("xsd:", XSD),
        ("bb:", BB),
    ] {
        if let Some(rest) = iri.strip_prefix(prefix) {
            return format!("{base}{rest}");
        }
    }
    iri.to_owned()
}

/// The one basis other than consent that `iris` name without doubt (for a record of another
/// tool without `bb:legalBasis`).
fn basis_from_iris(iris: &[String]) -> Option<LegalBasis> {
    const ALL: [LegalBasis; 11] = [
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterests,
        LegalBasis::SocialProtectionLaw,
        LegalBasis::NotForProfitBody,
        LegalBasis::SubstantialPublicInterest,
        LegalBasis::ArchivingResearchStatistics,
        LegalBasis::StatutoryDisclosure,
        LegalBasis::OverridingInterest,
    ];
    let article = |b: LegalBasis| {
        basis_iris(b)
            .iter()
            .find(|i| i.starts_with("eu-gdpr:"))
            .map(|i| expand(i))
    };
    let found: Vec<LegalBasis> = ALL
        .into_iter()
        .filter(|b| article(*b).is_some_and(|a| iris.contains(&a)))
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn read_consent(r: &Reader<'_>) -> Result<ConsentRecord, BrobyggerError> {
    let id = r.required("dct:identifier")?;
    let subject = r.subject("dpv:hasDataSubject")?;
    let notice = r.node("dpv:hasNotice")?;
    let text_version = notice.required("dct:identifier")?;
    let purposes = r.purposes()?;
    let attributes = r.identifiers("dpv:hasPersonalData")?;
    let mut given = None;
    let mut withdrawn_on = None;
    for event in r.nodes("dct:hasPart")? {
        let status = event.iris("dpv:hasConsentStatus")?;
        let on = event.date("dct:date")?;
        if status.iter().any(|s| s == &format!("{DPV}ConsentGiven")) {
            let (from, until) = event.validity()?;
            given = Some((on.unwrap_or(from), until));
        } else if status
            .iter()
            .any(|s| s == &format!("{DPV}ConsentWithdrawn"))
        {
            withdrawn_on =
                Some(on.ok_or_else(|| {
                    bad(&event.at("dct:date"), "missing; a withdrawal has a day")
                })?);
        }
    }
    let (given_on, expires_on) =
        given.ok_or_else(|| bad(&r.at("dct:hasPart"), "no event in which consent was given"))?;
    let form = match r.text("bb:form")? {
        None => ConsentForm::default(),
        Some(f) => serde_json::from_value(Value::String(f))
            .map_err(|_| bad(&r.at("bb:form"), "not a form of consent the library knows"))?,
    };
    Ok(ConsentRecord {
        id: ConsentId::new(id),
        subject,
        purposes,
        attributes,
        given_on,
        expires_on,
        withdrawn_on,
        text_version,
        language: r.text("dct:language")?,
        form,
        recorded_by: r.text("bb:recordedBy")?.map(PostId::new),
    })
}

fn read_basis(r: &Reader<'_>) -> Result<ProcessingBasis, BrobyggerError> {
    let id = r.required("dct:identifier")?;
    let purposes = r.purposes()?;
    let purpose = match purposes.as_slice() {
        [one] => *one,
        _ => {
            return Err(bad(
                &r.at("dpv:hasPurpose"),
                "a basis has exactly one purpose",
            ));
        }
    };
    let basis = match r.text("bb:legalBasis")? {
        Some(key) => serde_json::from_value(Value::String(key)).map_err(|_| {
            bad(
                &r.at("bb:legalBasis"),
                "not a legal basis the library knows",
            )
        })?,
        None => basis_from_iris(&r.iris("dpv:hasLegalBasis")?).ok_or_else(|| {
            bad(
                &r.at("dpv:hasLegalBasis"),
                "names no single GDPR article the library can read as a basis",
            )
        })?,
    };
    if basis == LegalBasis::Consent {
        return Err(bad(
            &r.at("bb:legalBasis"),
            "consent is recorded as a dpv:ConsentRecord, not as another basis",
        ));
    }
    let applies_to = match r.get("bb:scope") {
        Some(scope) => serde_json::from_value(scope.clone())
            .map_err(|_| bad(&r.at("bb:scope"), "not a scope the library knows"))?,
        None => BasisScope::Individual {
            subject: r.subject("dpv:hasDataSubject")?,
        },
    };
    let (from, until) = r.validity()?;
    Ok(ProcessingBasis {
        id: BasisId::new(id),
        applies_to,
        purpose,
        basis,
        attributes: r.identifiers("dpv:hasPersonalData")?,
        reference: r.required("dct:source")?,
        from,
        until,
    })
}

/// Reads the consents and legal bases of a DPV document as `export_dpv` writes it (or as another
/// tool writes it in the same profile): `dpv:ConsentRecord`s and `dpv:PersonalDataHandling`s; other
/// nodes (controllers) are skipped.
pub fn read_dpv(text: &str) -> Result<ConsentRecords, BrobyggerError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (
            u32::try_from(e.line()).unwrap_or(u32::MAX),
            u32::try_from(e.column()).unwrap_or(u32::MAX),
        );
        BrobyggerError::parse(
            PrivacyCode::DpvSyntax,
            "",
            (line, column),
            "not JSON-LD (not a JSON document)",
        )
    })?;
    let Value::Object(top) = &doc else {
        return Err(bad("(root)", "expected a JSON-LD object with @graph"));
    };
    let version = top
        .get("bb:profileVersion")
        .or_else(|| top.get(&format!("{BB}profileVersion")))
        .and_then(|v| match v {
            Value::Object(o) => o.get("@value").and_then(Value::as_u64),
            other => other.as_u64(),
        });
    match version {
        Some(v) if (1..=u64::from(DPV_PROFILE_VERSION)).contains(&v) => {}
        found => {
            return Err(BrobyggerError::UnsupportedVersion {
                code: ErrorCode::from(PrivacyCode::DpvVersion),
                found: found.map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
                supported: DPV_PROFILE_VERSION,
            });
        }
    }
    let root = Reader {
        path: String::new(),
        node: top,
    };
    let mut out = ConsentRecords::default();
    for (i, node) in root.nodes("@graph")?.iter().enumerate() {
        let node = Reader {
            path: format!("@graph[{i}]"),
            node: node.node,
        };
        let types = node.types();
        if types.iter().any(|t| t == &format!("{DPV}ConsentRecord")) {
            out.consents.push(read_consent(&node)?);
        } else if types
            .iter()
            .any(|t| t == &format!("{DPV}PersonalDataHandling"))
        {
            out.bases.push(read_basis(&node)?);
        }
    }
    Ok(out)
}

/// Adds the consents and bases of a DPV document to the dossier, all or nothing: refused (and
/// nothing changes) when any of them is not valid there (an unknown subject, an id taken).
pub(crate) fn import_dpv(
    dossier: &mut Dossier,
    text: &str,
) -> Result<ConsentRecords, BrobyggerError> {
    let records = read_dpv(text)?;
    let mut candidate = dossier.privacy.clone();
    candidate.consents.extend(records.consents.iter().cloned());
    candidate.bases.extend(records.bases.iter().cloned());
    check_privacy_change(dossier, candidate)?;
    Ok(records)
}
