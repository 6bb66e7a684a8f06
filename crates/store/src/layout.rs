//! How a dossier lies in the tables, without naming any of its fields.
//!
//! The dossier's JSON is cut into *collections*: every list at the top of the document
//! (`agreements`, `cohorts`, `match_runs`, ...) and every list one level down in a top-level
//! object (`checklists.sessions`, `privacy.consents`, ...). Each element of a collection is one
//! row of `entity`, keyed by its `id` (or by its position when it has none). What is left, the
//! document with every collection emptied, is the *skeleton* (schema version, title, and any
//! field that is not a list). A field another issue adds to `Dossier` is therefore stored
//! without new code: a new list becomes a new collection, anything else rides in the skeleton.
//!
//! Newcomers' personal data is cut out one level further (ADR 0066): each household of a
//! cohort is a row of its own, of the collection `cohorts[].newcomers` keyed
//! `<cohort>/<digest of the household's id>`, kept in the `personal` table rather than `entity`. A cohort's row
//! holds the cohort's own fields; erasing a household touches that household's rows alone.
//!
//! Joining the rows back and reading the result with [`Dossier::from_json`] gives the dossier
//! again, and [`Dossier::to_json`] the same bytes as before (tests/roundtrip.rs).

use crate::error::StoreError;
use brobygger::Dossier;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The name of the pseudo-collection that holds the skeleton, in the history and the log.
pub(crate) const DOCUMENT: &str = "dossier";

/// One element of a collection.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub collection: String,
    pub key: String,
    pub position: i64,
    pub json: String,
}

/// A dossier cut into its skeleton and rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub skeleton: String,
    pub rows: Vec<Row>,
}

fn internal(reason: String) -> StoreError {
    StoreError::Dossier(brobygger::BrobyggerError::Internal {
        code: brobygger::StoreCode::Layout.into(),
        reason,
    })
}

/// Cuts a dossier into rows; with `personal`, households into rows of their own.
pub(crate) fn split(dossier: &Dossier, personal: bool) -> Result<Layout, StoreError> {
    let mut value =
        serde_json::to_value(dossier).map_err(|e| internal(format!("serialize: {}", e)))?;
    let Value::Object(top) = &mut value else {
        return Err(internal("a dossier is not a JSON object".into()));
    };
    // A list with elements leaves the skeleton (so adding the first element, or removing the
    // last, is an event of that collection only); an empty list stays, as the model wrote it.
    let mut rows = Vec::new();
    let mut emptied = Vec::new();
    for (name, field) in top.iter_mut() {
        match field {
            Value::Array(items) if !items.is_empty() => {
                take(name, items, personal, &mut rows)?;
                emptied.push(name.clone());
            }
            Value::Object(inner) => {
                let mut gone = Vec::new();
                for (sub, field) in inner.iter_mut() {
                    if let Value::Array(items) = field
                        && !items.is_empty()
                    {
                        take(&format!("{name}.{sub}"), items, personal, &mut rows)?;
                        gone.push(sub.clone());
                    }
                }
                for sub in &gone {
                    inner.remove(sub);
                }
                if !gone.is_empty() && inner.is_empty() {
                    emptied.push(name.clone());
                }
            }
            _ => {}
        }
    }
    for name in emptied {
        top.remove(&name);
    }
    let skeleton = serde_json::to_string(&value).map_err(|e| internal(e.to_string()))?;
    Ok(Layout { skeleton, rows })
}

/// A list inside each element of a collection whose elements are a person's data: cut out
/// into rows of their own, in the table [`PERSONAL_TABLE`].
struct Personal {
    parent: &'static str,
    field: &'static str,
    collection: &'static str,
}

const PERSONAL: &[Personal] = &[Personal {
    parent: "cohorts",
    field: "newcomers",
    collection: "cohorts[].newcomers",
}];

/// The table of the rows of personal collections; every other row is in `entity`.
pub(crate) const PERSONAL_TABLE: &str = "personal";

/// The table that holds a collection's current rows.
pub(crate) fn table_of(collection: &str) -> &'static str {
    if PERSONAL.iter().any(|p| p.collection == collection) {
        PERSONAL_TABLE
    } else {
        "entity"
    }
}

/// A personal row's key: its parent's key (with `%` and `/` escaped, so the first `/`
/// separates) and a digest of its own id. The audit trail and the history name rows by key and
/// outlive an erasure, so they must never hold the household's id; the digest is the same in
/// every copy of the store, so change sets between copies still meet (ADR 0066).
fn child_key(parent: &str, own: &str) -> String {
    use sha2::{Digest, Sha256};
    let own = if own.starts_with('#') {
        own.to_owned()
    } else {
        let hash = Sha256::digest(format!("brobygger-household:{own}").as_bytes());
        hash.iter().take(10).map(|b| format!("{b:02x}")).collect()
    };
    format!("{}/{own}", parent.replace('%', "%25").replace('/', "%2F"))
}

/// The parent's key a personal row's key starts with.
fn parent_key(key: &str) -> Option<String> {
    let (parent, _) = key.split_once('/')?;
    Some(parent.replace("%2F", "/").replace("%25", "%"))
}

/// An element's key: its `id`, or `#position` when it has none or repeats one before it.
fn key_of(item: &Value, position: usize, seen: &mut HashSet<String>) -> String {
    item.as_object()
        .and_then(|o| o.get("id"))
        .and_then(Value::as_str)
        .filter(|id| !id.starts_with('#') && seen.insert(id.to_string()))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("#{position}"))
}

fn row(collection: &str, key: String, position: usize, item: &Value) -> Result<Row, StoreError> {
    Ok(Row {
        collection: collection.to_owned(),
        key,
        position: i64::try_from(position).map_err(|e| internal(e.to_string()))?,
        json: serde_json::to_string(item).map_err(|e| internal(e.to_string()))?,
    })
}

fn take(
    collection: &str,
    items: &mut Vec<Value>,
    personal: bool,
    rows: &mut Vec<Row>,
) -> Result<(), StoreError> {
    let mut seen = HashSet::new();
    for (position, mut item) in std::mem::take(items).into_iter().enumerate() {
        let key = key_of(&item, position, &mut seen);
        for p in PERSONAL
            .iter()
            .filter(|p| personal && p.parent == collection)
        {
            // As at the top: a list with elements leaves its parent, an empty one stays.
            let Some(fields) = item.as_object_mut() else {
                continue;
            };
            if !matches!(fields.get(p.field), Some(Value::Array(list)) if !list.is_empty()) {
                continue;
            }
            let Some(Value::Array(list)) = fields.remove(p.field) else {
                continue;
            };
            let mut seen_here = HashSet::new();
            for (k, child) in list.iter().enumerate() {
                let own = key_of(child, k, &mut seen_here);
                rows.push(row(p.collection, child_key(&key, &own), k, child)?);
            }
        }
        rows.push(row(collection, key, position, &item)?);
    }
    Ok(())
}

/// Puts rows (in any order) back into the skeleton and reads the dossier.
pub(crate) fn join<'r>(
    skeleton: &str,
    rows: impl IntoIterator<Item = &'r Row>,
) -> Result<Dossier, StoreError> {
    let mut value: Value = serde_json::from_str(skeleton)
        .map_err(|_| internal("the stored skeleton is not JSON".into()))?;
    let mut rows: Vec<&Row> = rows.into_iter().collect();
    rows.sort_by(|a, b| (&a.collection, a.position).cmp(&(&b.collection, b.position)));
    let (children, rows): (Vec<&Row>, Vec<&Row>) = rows
        .into_iter()
        .partition(|r| PERSONAL.iter().any(|p| p.collection == r.collection));
    // Where each parent went, for its children.
    let mut parents: HashMap<(&str, &str), usize> = HashMap::new();
    for row in rows {
        let item: Value = serde_json::from_str(&row.json)
            .map_err(|_| internal(format!("a stored {} is not JSON", row.collection)))?;
        let list = list_at(&mut value, &row.collection)
            .ok_or_else(|| internal(format!("no list for the collection {}", row.collection)))?;
        parents.insert((&row.collection, &row.key), list.len());
        list.push(item);
    }
    for row in children {
        let Some(p) = PERSONAL.iter().find(|p| p.collection == row.collection) else {
            continue;
        };
        let item: Value = serde_json::from_str(&row.json)
            .map_err(|_| internal(format!("a stored {} is not JSON", row.collection)))?;
        let orphan = || internal(format!("a stored {} has no {}", row.collection, p.parent));
        let parent = parent_key(&row.key).ok_or_else(orphan)?;
        let at = *parents
            .get(&(p.parent, parent.as_str()))
            .ok_or_else(orphan)?;
        let list = list_at(&mut value, p.parent)
            .and_then(|l| l.get_mut(at))
            .and_then(Value::as_object_mut)
            .ok_or_else(orphan)?
            .entry(p.field)
            .or_insert_with(|| Value::Array(Vec::new()));
        list.as_array_mut().ok_or_else(orphan)?.push(item);
    }
    // Straight from the tree; only when that fails is the text read again, for the reader's
    // error with its path (serde's own message may quote a value, a person's data).
    match <Dossier as serde::Deserialize>::deserialize(&value) {
        Ok(d) if d.schema_version == brobygger::SCHEMA_VERSION => Ok(d),
        _ => {
            let json = serde_json::to_string(&value).map_err(|e| internal(e.to_string()))?;
            Ok(Dossier::from_json(&json)?)
        }
    }
}

fn list_at<'v>(value: &'v mut Value, collection: &str) -> Option<&'v mut Vec<Value>> {
    // Lists with elements (and containers left empty without them) are not in the skeleton:
    // they are made on the way.
    let mut here = value;
    let mut parts = collection.split('.').peekable();
    while let Some(part) = parts.next() {
        let map: &mut Map<String, Value> = here.as_object_mut()?;
        let last = parts.peek().is_none();
        here = map.entry(part.to_owned()).or_insert_with(|| {
            if last {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        });
    }
    here.as_array_mut()
}

/// The paths of the fields that differ between two versions of an entity: names and list
/// positions only, never values. At most `limit` paths; beyond that, their common parents.
pub(crate) fn changed_fields(before: Option<&str>, after: Option<&str>) -> Vec<String> {
    let parse = |s: Option<&str>| s.and_then(|s| serde_json::from_str::<Value>(s).ok());
    let (a, b) = (parse(before), parse(after));
    let mut paths = Vec::new();
    for depth in (1..=4).rev() {
        paths.clear();
        diff(a.as_ref(), b.as_ref(), "", depth, &mut paths);
        if paths.len() <= 24 {
            break;
        }
    }
    paths
}

fn diff(a: Option<&Value>, b: Option<&Value>, at: &str, depth: usize, out: &mut Vec<String>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) if depth > 0 => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                diff(x.get(k), y.get(k), &path, depth - 1, out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) if depth > 0 && x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff(Some(p), Some(q), &format!("{at}[{i}]"), depth - 1, out);
            }
        }
        _ => out.push(if at.is_empty() { "$".into() } else { at.into() }),
    }
}

/// Removes what an erasure takes from one stored version of an entity: every object that is
/// about or names the erased (a string field equal to one of `terms`: their own record, their
/// match, consent or introduction) leaves the list that holds it; an entry keyed by them leaves
/// its map; a text naming them loses the name. `None` when the version itself is about them
/// (nothing of it may stay).
pub(crate) fn redact(json: &str, terms: &[String]) -> Option<String> {
    let value: Value = serde_json::from_str(json).ok()?;
    let kept = scrub(value, terms)?;
    let text = serde_json::to_string(&kept).ok()?;
    // Whatever still names them (a value that is not JSON text, say) empties the version.
    (!terms.iter().any(|t| text.contains(t.as_str()))).then_some(text)
}

fn names(s: &str, terms: &[String]) -> bool {
    terms.iter().any(|t| s == t)
}

fn scrub(value: Value, terms: &[String]) -> Option<Value> {
    match value {
        Value::String(s) if names(&s, terms) => None,
        Value::String(mut s) => {
            for t in terms {
                if s.contains(t.as_str()) {
                    s = s.replace(t.as_str(), "[…]");
                }
            }
            Some(Value::String(s))
        }
        Value::Array(items) => Some(Value::Array(
            items.into_iter().filter_map(|v| scrub(v, terms)).collect(),
        )),
        Value::Object(fields) => {
            let mut kept = Map::new();
            for (k, v) in fields {
                if terms.iter().any(|t| k.contains(t.as_str())) {
                    continue;
                }
                // A field naming them (directly or through an object that does) makes the
                // whole object theirs; a list only loses its elements about them.
                kept.insert(k, scrub(v, terms)?);
            }
            Some(Value::Object(kept))
        }
        other => Some(other),
    }
}
