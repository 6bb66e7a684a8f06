//! Bulk conversion: core values read straight from Python objects by a serde deserializer, with
//! no JSON text and no tree of values in between. A table comes as a dict of equal-length
//! column lists (what `DataFrame.to_dict("list")` or `series.tolist()` give) or a list of
//! dicts; `None` is an absent field, as an empty cell is. Errors name the row and the field
//! and never quote a value.

use crate::convert::to_pyerr;
use brobygger::BrobyggerError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::{self, DeserializeOwned, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A conversion error; serde fills in what was expected. `code` is set for the library's own
/// limits (nesting too deep, an int beyond 64 bits), which keep their code at the boundary.
#[derive(Debug)]
pub(crate) struct DeError(String, Option<brobygger::InputCode>);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string(), None)
    }
}

fn py_err(e: PyErr) -> DeError {
    DeError(format!("unreadable Python value ({e})"), None)
}

/// Deserializes from one Python object at a depth of nesting (refused past
/// [`crate::convert::MAX_DEPTH`], before the stack could run out).
struct PyDe<'a, 'py>(&'a Bound<'py, PyAny>, usize);

impl<'de> de::Deserializer<'de> for PyDe<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (o, depth) = (self.0, self.1);
        if depth > crate::convert::MAX_DEPTH {
            return Err(DeError(
                format!("nested deeper than {} levels", crate::convert::MAX_DEPTH),
                Some(brobygger::InputCode::TooDeep),
            ));
        }
        if o.is_none() {
            return visitor.visit_unit();
        }
        if let Ok(b) = o.cast::<PyBool>() {
            return visitor.visit_bool(b.is_true());
        }
        if o.is_instance_of::<PyInt>() {
            if let Ok(i) = o.extract::<i64>() {
                return visitor.visit_i64(i);
            }
            return match o.extract::<u64>() {
                Ok(u) => visitor.visit_u64(u),
                Err(_) => Err(DeError(
                    "a whole number beyond 64 bits".into(),
                    Some(brobygger::InputCode::NumberOutOfRange),
                )),
            };
        }
        if let Ok(f) = o.cast::<PyFloat>() {
            return visitor.visit_f64(f.value());
        }
        if let Ok(s) = o.cast::<PyString>() {
            return visitor.visit_str(&s.to_cow().map_err(py_err)?);
        }
        if let Ok(d) = o.cast::<PyDict>() {
            let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> =
                d.iter().filter(|(_, v)| !v.is_none()).collect();
            return visitor.visit_map(DictMap {
                items: items.into_iter(),
                value: None,
                depth: depth + 1,
            });
        }
        if let Ok(l) = o.cast::<PyList>() {
            return visitor.visit_seq(Seq {
                items: l.iter().collect::<Vec<_>>().into_iter(),
                depth: depth + 1,
            });
        }
        if let Ok(t) = o.cast::<PyTuple>() {
            return visitor.visit_seq(Seq {
                items: t.iter().collect::<Vec<_>>().into_iter(),
                depth: depth + 1,
            });
        }
        // Dates and datetimes (and numpy scalars) by their ISO text / Python value.
        if o.hasattr("isoformat").map_err(py_err)? {
            let iso: String = o
                .call_method0("isoformat")
                .and_then(|x| x.extract())
                .map_err(py_err)?;
            return visitor.visit_str(iso.get(..10).unwrap_or(&iso));
        }
        if o.hasattr("item").map_err(py_err)? {
            let plain = o.call_method0("item").map_err(py_err)?;
            return PyDe(&plain, depth + 1).deserialize_any(visitor);
        }
        Err(DeError(
            format!(
                "cannot read a {}",
                o.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ),
            None,
        ))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.0.is_none() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if let Ok(s) = self.0.cast::<PyString>() {
            let s = s.to_cow().map_err(py_err)?.into_owned();
            return visitor.visit_enum(s.into_deserializer());
        }
        let _ = (name, variants);
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct Seq<'py> {
    items: std::vec::IntoIter<Bound<'py, PyAny>>,
    depth: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = DeError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(item) => seed.deserialize(PyDe(&item, self.depth)).map(Some),
            None => Ok(None),
        }
    }
}

struct DictMap<'py> {
    items: std::vec::IntoIter<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    value: Option<Bound<'py, PyAny>>,
    depth: usize,
}

impl<'de> MapAccess<'de> for DictMap<'_> {
    type Error = DeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.items.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(PyDe(&k, self.depth)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(v) => seed.deserialize(PyDe(&v, self.depth)),
            None => Err(DeError("a value without a key".into(), None)),
        }
    }
}

/// A named column.
type Column<'py> = (String, Bound<'py, PyList>);

/// A nested field's name and the columns of its parts.
type NestedColumns<'py> = (String, Vec<Column<'py>>);

/// A table's columns: the plain ones by name, and the flat parts of each nested field
/// (`location` from `lat` and `lon`) under the field's name.
struct Columns<'py> {
    plain: Vec<Column<'py>>,
    nested: Vec<NestedColumns<'py>>,
}

/// What a row map has read a key for: a cell, or the parts of nested field `i`.
enum Pending<'py> {
    Cell(Bound<'py, PyAny>),
    Nested(usize),
}

/// Row `k` of a table of columns, as a map of the non-`None` cells; a nested field is a map of
/// its non-empty parts, read in place (no dict is built for it).
struct RowMap<'a, 'py> {
    plain: &'a [Column<'py>],
    nested: &'a [NestedColumns<'py>],
    k: usize,
    next: usize,
    value: Option<Pending<'py>>,
}

impl<'de> MapAccess<'de> for RowMap<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        while let Some((name, column)) = self.plain.get(self.next) {
            self.next += 1;
            let cell = column.get_item(self.k).map_err(py_err)?;
            if !cell.is_none() {
                self.value = Some(Pending::Cell(cell));
                return seed
                    .deserialize(name.as_str().into_deserializer())
                    .map(Some);
            }
        }
        while let Some((field, parts)) = self.nested.get(self.next - self.plain.len()) {
            let i = self.next - self.plain.len();
            self.next += 1;
            let mut filled = false;
            for (_, column) in parts {
                if !column.get_item(self.k).map_err(py_err)?.is_none() {
                    filled = true;
                    break;
                }
            }
            if filled {
                self.value = Some(Pending::Nested(i));
                return seed
                    .deserialize(field.as_str().into_deserializer())
                    .map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(Pending::Cell(v)) => seed.deserialize(PyDe(&v, 1)),
            Some(Pending::Nested(i)) => seed.deserialize(PartsDe(RowMap {
                plain: &self.nested[i].1,
                nested: &[],
                k: self.k,
                next: 0,
                value: None,
            })),
            None => Err(DeError("a value without a key".into(), None)),
        }
    }
}

/// A nested field's parts in one row, read as a map; an optional field is present (the row
/// map only names the field when some part is filled).
struct PartsDe<'a, 'py>(RowMap<'a, 'py>);

impl<'de> de::Deserializer<'de> for PartsDe<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(self.0)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Row `k` read as `T`. Plain serde first; only a row that fails is read again with path
/// tracking, so the error can name the field without every row paying for it.
fn read_row<T: DeserializeOwned>(columns: &Columns<'_>, k: usize, argument: &str) -> PyResult<T> {
    let map = || RowMap {
        plain: &columns.plain,
        nested: &columns.nested,
        k,
        next: 0,
        value: None,
    };
    match T::deserialize(de::value::MapAccessDeserializer::new(map())) {
        Ok(v) => Ok(v),
        Err(_) => serde_path_to_error::deserialize(de::value::MapAccessDeserializer::new(map()))
            .map_err(|e| bad_field(argument, k, e)),
    }
}

fn bad_field(argument: &str, k: usize, e: serde_path_to_error::Error<DeError>) -> PyErr {
    let path = brobygger::error_path(&e);
    let path = if path == "." {
        format!("{argument}[{k}]")
    } else {
        format!("{argument}[{k}].{path}")
    };
    let code = e.inner().1.unwrap_or(brobygger::InputCode::BadField);
    to_pyerr(BrobyggerError::invalid_input(
        code,
        &path,
        brobygger::redact_message(&e.inner().to_string()),
    ))
}

/// Reads a list of core values from a dict of equal-length column lists or a list of dicts.
/// `nested` lists the flat columns that fill one part of a nested field, `(column, field)`, as
/// the core's one column layout gives them (`brobygger::import::nested_columns`).
pub(crate) fn rows<T: DeserializeOwned>(
    table: &Bound<'_, PyAny>,
    argument: &str,
    nested: &[(&'static str, &'static str)],
) -> PyResult<Vec<T>> {
    if let Ok(d) = table.cast::<PyDict>() {
        let mut plain = Vec::with_capacity(d.len());
        for (name, column) in d.iter() {
            let name: String = name.extract()?;
            let column = column.cast_into::<PyList>().map_err(|_| {
                to_pyerr(BrobyggerError::invalid_input(
                    brobygger::InputCode::Table,
                    &format!("{argument}.{name}"),
                    "a column must be a list",
                ))
            })?;
            plain.push((name, column));
        }
        let columns = split_nested(plain, nested);
        let all = || {
            columns
                .plain
                .iter()
                .chain(columns.nested.iter().flat_map(|(_, parts)| parts.iter()))
        };
        let len = all().next().map_or(0, |c| c.1.len());
        if let Some((name, c)) = all().find(|c| c.1.len() != len) {
            return Err(to_pyerr(BrobyggerError::invalid_input(
                brobygger::InputCode::Table,
                &format!("{argument}.{name}"),
                format!("has {} values, the first column {len}", c.len()),
            )));
        }
        return (0..len).map(|k| read_row(&columns, k, argument)).collect();
    }
    let list = table.cast::<PyList>().map_err(|_| {
        to_pyerr(BrobyggerError::invalid_input(
            brobygger::InputCode::Table,
            argument,
            "must be a dict of columns or a list of dicts",
        ))
    })?;
    list.iter()
        .enumerate()
        .map(|(k, row)| {
            serde_path_to_error::deserialize(PyDe(&row, 0)).map_err(|e| bad_field(argument, k, e))
        })
        .collect()
}

/// Sets the flat columns of each nested field (`lat` and `lon` of `location`) apart, so a row
/// reads them as one map under the field's name, as in the file format.
fn split_nested<'py>(
    mut plain: Vec<Column<'py>>,
    nested: &[(&'static str, &'static str)],
) -> Columns<'py> {
    let mut fields: Vec<&str> = nested.iter().map(|(_, f)| *f).collect();
    fields.sort_unstable();
    fields.dedup();
    let mut out = Vec::new();
    for field in fields {
        let mut parts = Vec::new();
        for (column, _) in nested.iter().filter(|(_, f)| *f == field) {
            if let Some(i) = plain.iter().position(|(n, _)| n == column) {
                parts.push(plain.remove(i));
            }
        }
        if !parts.is_empty() {
            out.push((field.to_owned(), parts));
        }
    }
    Columns { plain, nested: out }
}
