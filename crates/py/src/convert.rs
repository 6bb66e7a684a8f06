//! Every conversion between Python and the core lives here: errors into the exception
//! hierarchy, vocabulary values to and from their file names (`"under_review"`), JSON-shaped
//! data to and from Python objects, and language codes.

use crate::errors::{
    CancelledError, InfeasibleError, InternalError, InvalidInputError, InvalidTransitionError,
    MissingFileError, NotFoundError, ParseError, UnsupportedVersionError, ValidationError,
};
use crate::model::Finding;
use brobygger::chrono::NaiveDate;
use brobygger::import::{Sheet, SheetCell};
use brobygger::{BrobyggerError, Lang};
use pyo3::IntoPyObjectExt;
use pyo3::inspect::PyStaticExpr;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use pyo3::{type_hint_identifier, type_hint_union};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Converts a core error into the matching Python exception, with `code`, `findings` and the
/// variant's fields as attributes. Exhaustive on purpose: a new variant must be mapped here.
pub(crate) fn to_pyerr(e: BrobyggerError) -> PyErr {
    Python::attach(|py| {
        let message = e.to_string();
        let findings: Vec<Finding> = e.findings().iter().cloned().map(Finding::from).collect();
        let code = e.code().to_owned();
        let missing_file = e.is_missing_file();
        let (err, attrs): (PyErr, Vec<(&str, Py<PyAny>)>) = match e {
            BrobyggerError::Parse {
                path,
                line,
                column,
                reason,
                ..
            } => (
                ParseError.new_err(message),
                vec![
                    ("path", obj(py, path)),
                    ("line", obj(py, line)),
                    ("column", obj(py, column)),
                    ("reason", obj(py, reason)),
                ],
            ),
            BrobyggerError::UnsupportedVersion {
                found, supported, ..
            } => (
                UnsupportedVersionError.new_err(message),
                vec![("found", obj(py, found)), ("supported", obj(py, supported))],
            ),
            BrobyggerError::Validation { .. } => (ValidationError.new_err(message), vec![]),
            BrobyggerError::NotFound { entity, id, .. } => (
                NotFoundError.new_err(message),
                vec![("entity", obj(py, entity)), ("id", obj(py, id))],
            ),
            BrobyggerError::InvalidTransition { from, to, .. } => (
                InvalidTransitionError.new_err(message),
                vec![
                    ("from_status", obj(py, enum_str(&from))),
                    ("to_status", obj(py, enum_str(&to))),
                ],
            ),
            BrobyggerError::InvalidInput { path, reason, .. } if missing_file => (
                MissingFileError.new_err(message),
                vec![
                    // As Python's own: `[Errno 2] <message>: '<path>'`, `e.filename`, `e.errno`.
                    ("filename", obj(py, path.clone())),
                    ("errno", obj(py, ENOENT)),
                    ("strerror", obj(py, reason.clone())),
                    ("path", obj(py, path)),
                    ("reason", obj(py, reason)),
                ],
            ),
            BrobyggerError::InvalidInput { path, reason, .. } => (
                InvalidInputError.new_err(message),
                vec![("path", obj(py, path)), ("reason", obj(py, reason))],
            ),
            BrobyggerError::Infeasible { reason, .. } => (
                InfeasibleError.new_err(message),
                vec![("reason", obj(py, reason))],
            ),
            BrobyggerError::Cancelled { .. } => (CancelledError.new_err(message), vec![]),
            BrobyggerError::Internal { reason, .. } => (
                InternalError.new_err(message),
                vec![("reason", obj(py, reason))],
            ),
        };
        let value = err.value(py);
        let _ = value.setattr("code", code);
        let _ = value.setattr("findings", findings);
        for (name, v) in attrs {
            let _ = value.setattr(name, v);
        }
        err
    })
}

/// `errno.ENOENT`, what `FileNotFoundError.errno` holds on every platform Python runs on.
const ENOENT: i32 = 2;

fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Py<PyAny> {
    v.into_py_any(py).unwrap_or_else(|_| py.None())
}

/// `Result<T, core error>` → `PyResult<T>`.
pub(crate) trait IntoPy<T> {
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, BrobyggerError> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_pyerr)
    }
}

/// A vocabulary value as it is written in files: `AgreementStatus::UnderReview` → `"under_review"`.
pub(crate) fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Parses a vocabulary value from its file name; an unknown value is an `InvalidInputError`
/// naming the argument.
pub(crate) fn parse_enum<T: DeserializeOwned>(s: &str, argument: &str) -> PyResult<T> {
    serde_json::from_value(Value::String(s.to_owned())).map_err(|e| {
        to_pyerr(BrobyggerError::invalid_input(
            brobygger::InputCode::UnknownValue,
            argument,
            brobygger_redacted(&e.to_string()),
        ))
    })
}

fn brobygger_redacted(msg: &str) -> String {
    // serde's own wording lists the allowed values; the rejected value itself is dropped (the
    // last ", expected" is serde's: the value may hold the words too).
    match msg.rfind("`, expected").map(|i| i + 1) {
        Some(i) => format!("unknown value{}", &msg[i..]),
        None => msg.to_owned(),
    }
}

/// Parses a language the core's way (`"da"`, `"en"`, `"dansk"`, ...); anything else is an
/// `InvalidInputError` at `lang`, like every other bad argument.
pub(crate) fn lang(s: &str) -> PyResult<Lang> {
    Lang::parse_arg(s, "lang").map_err(to_pyerr)
}

/// A JSON value as plain Python objects (dict, list, str, int, float, bool, None).
pub(crate) fn json_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serializable core value as plain Python objects.
pub(crate) fn to_py<'py, T: Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(v).map_err(|e| {
        to_pyerr(BrobyggerError::Internal {
            code: brobygger::InternalCode::Serialize.into(),
            reason: e.to_string(),
        })
    })?;
    json_to_py(py, &value)
}

/// How deep plain Python data may nest (lists in lists, dicts in dicts): as deep as the core's
/// JSON reader goes. Deeper data is refused with `input.too_deep` before the conversion could
/// exhaust the stack (a list nested 2,000 deep would otherwise crash the interpreter).
pub(crate) const MAX_DEPTH: usize = 128;

/// The error for data nested deeper than [`MAX_DEPTH`].
pub(crate) fn too_deep(path: &str) -> PyErr {
    to_pyerr(BrobyggerError::invalid_input(
        brobygger::InputCode::TooDeep,
        path,
        format!("nested deeper than {MAX_DEPTH} levels"),
    ))
}

/// The error for a Python int no field of the library holds (beyond 64 bits).
pub(crate) fn out_of_range(path: &str) -> PyErr {
    to_pyerr(BrobyggerError::invalid_input(
        brobygger::InputCode::NumberOutOfRange,
        path,
        "a whole number beyond 64 bits",
    ))
}

/// Plain Python objects (as from `to_dict()`) as a JSON value; dates and datetimes become ISO
/// strings. Data nested deeper than [`MAX_DEPTH`] and ints beyond 64 bits are `InvalidInputError`s.
pub(crate) fn py_to_json(obj: &Bound<'_, PyAny>, argument: &str) -> PyResult<Value> {
    py_to_json_at(obj, argument, 0)
}

fn py_to_json_at(obj: &Bound<'_, PyAny>, argument: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(too_deep(argument));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return match obj.extract::<u64>() {
            Ok(u) => Ok(Value::from(u)),
            Err(_) => Err(out_of_range(argument)),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .unwrap_or(Value::Null));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.extract::<String>()?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            map.insert(
                k.extract::<String>()?,
                py_to_json_at(&v, argument, depth + 1)?,
            );
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for item in obj.try_iter()? {
            items.push(py_to_json_at(&item?, argument, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if obj.hasattr("isoformat")? {
        let iso: String = obj.call_method0("isoformat")?.extract()?;
        return Ok(Value::String(iso));
    }
    Err(to_pyerr(BrobyggerError::invalid_input(
        brobygger::InputCode::UnsupportedType,
        "",
        format!(
            "cannot convert a {} to data",
            obj.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ),
    )))
}

/// Reads a core value from plain Python objects, reporting the path of a bad field.
pub(crate) fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, argument: &str) -> PyResult<T> {
    let value = py_to_json(obj, argument)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = brobygger::error_path(&e);
        let path = if path == "." {
            argument.to_owned()
        } else if path.starts_with('[') {
            format!("{argument}{path}")
        } else {
            format!("{argument}.{path}")
        };
        to_pyerr(BrobyggerError::invalid_input(
            brobygger::InputCode::BadField,
            &path,
            brobygger::redact_message(&e.inner().to_string()),
        ))
    })
}

/// A Python value as a plain table cell: `None`, NaN and pandas' `NA` and `NaT` are empty,
/// numpy scalars are read through `.item()`, a list, tuple or dict is nested; anything else is
/// its text. Whether the table is a spreadsheet is the core's rule (`Sheet`).
fn sheet_cell(v: &Bound<'_, PyAny>, depth: u8) -> PyResult<SheetCell> {
    if v.is_none() {
        return Ok(SheetCell::Empty);
    }
    if v.is_instance_of::<PyBool>() {
        return Ok(SheetCell::Bool(v.extract()?));
    }
    if v.is_instance_of::<PyInt>() {
        return Ok(match v.extract::<i64>() {
            Ok(i) => SheetCell::Int(i),
            Err(_) => SheetCell::Text(v.str()?.to_string()),
        });
    }
    if v.is_instance_of::<PyFloat>() {
        return Ok(SheetCell::Float(v.extract()?));
    }
    if v.is_instance_of::<PyString>() {
        return Ok(SheetCell::Text(v.extract()?));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() || v.is_instance_of::<PyDict>()
    {
        return Ok(SheetCell::Nested);
    }
    let type_name = v.get_type().name()?.to_string();
    if type_name == "NAType" || type_name == "NaTType" {
        return Ok(SheetCell::Empty);
    }
    if let Ok(d) = v.extract::<NaiveDate>() {
        return Ok(SheetCell::Date(d));
    }
    if depth == 0 && v.hasattr("item")? {
        return sheet_cell(&v.call_method0("item")?, 1);
    }
    Ok(SheetCell::Text(v.str()?.to_string()))
}

/// A table as plain cells: a dict of equal-length column lists, or a list of dicts (the
/// columns in the order they first appear). `None` for anything else: the bulk reader says
/// what is wrong with it.
pub(crate) fn sheet(table: &Bound<'_, PyAny>) -> PyResult<Option<Sheet>> {
    if let Ok(dict) = table.cast::<PyDict>() {
        let mut columns = Vec::new();
        let mut cells: Vec<Vec<SheetCell>> = Vec::new();
        for (k, v) in dict.iter() {
            let Ok(list) = v.cast::<PyList>() else {
                return Ok(None);
            };
            columns.push(k.str()?.to_string());
            cells.push(
                list.iter()
                    .map(|x| sheet_cell(&x, 0))
                    .collect::<PyResult<_>>()?,
            );
        }
        let len = cells.first().map_or(0, Vec::len);
        if cells.iter().any(|c| c.len() != len) {
            return Ok(None);
        }
        let rows = (0..len)
            .map(|i| cells.iter().map(|c| c[i].clone()).collect())
            .collect();
        return Ok(Some(Sheet { columns, rows }));
    }
    let Ok(list) = table.cast::<PyList>() else {
        return Ok(None);
    };
    let mut columns: Vec<String> = Vec::new();
    let mut records: Vec<Vec<(usize, SheetCell)>> = Vec::new();
    for r in list.iter() {
        let Ok(record) = r.cast::<PyDict>() else {
            return Ok(None);
        };
        let mut row = Vec::new();
        for (k, v) in record.iter() {
            let name = k.str()?.to_string();
            let i = match columns.iter().position(|c| *c == name) {
                Some(i) => i,
                None => {
                    columns.push(name);
                    columns.len() - 1
                }
            };
            row.push((i, sheet_cell(&v, 0)?));
        }
        records.push(row);
    }
    let rows = records
        .into_iter()
        .map(|r| {
            let mut row = vec![SheetCell::Empty; columns.len()];
            for (i, c) in r {
                row[i] = c;
            }
            row
        })
        .collect();
    Ok(Some(Sheet { columns, rows }))
}

/// The pickled state of a core value: its serde form (JSON text) as bytes. What `__reduce__`
/// returns for every class wrapping a core value, so Dask and Spark can ship it to workers.
pub(crate) fn state<T: Serialize>(v: &T) -> PyResult<Vec<u8>> {
    serde_json::to_vec(v).map_err(|e| {
        to_pyerr(BrobyggerError::Internal {
            code: brobygger::InternalCode::Serialize.into(),
            reason: e.to_string(),
        })
    })
}

/// A core value back from its pickled state (see [`state`]); a state that does not read is an
/// `InvalidInputError` naming `state`.
pub(crate) fn from_state<T: DeserializeOwned>(state: &[u8]) -> PyResult<T> {
    serde_json::from_slice(state).map_err(|e| {
        to_pyerr(BrobyggerError::invalid_input(
            brobygger::InputCode::BadField,
            "state",
            format!(
                "the pickled state does not read (line {}, column {})",
                e.line(),
                e.column()
            ),
        ))
    })
}

/// `(type(obj)._from_state, (state,))`: the reduce value of a class that pickles through its
/// core value's serde form.
pub(crate) fn reduce<'py>(
    obj: &Bound<'py, PyAny>,
    state: Vec<u8>,
) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
    let py = obj.py();
    Ok((
        obj.get_type().getattr("_from_state")?,
        (pyo3::types::PyBytes::new(py, &state),),
    ))
}

/// A group key's value as a table cell: `None` (and NaN) missing, `bool`, `int`, `float`,
/// `str`, `datetime.date`; anything else (numpy scalars are turned into these by the Python
/// layer) is an `InvalidInputError` at `path`.
pub(crate) fn cell(value: &Bound<'_, PyAny>, path: &str) -> PyResult<brobygger::present::Cell> {
    use brobygger::present::Cell;
    if value.is_none() {
        return Ok(Cell::Missing);
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(Cell::bool(value.extract::<bool>()?));
    }
    if value.is_instance_of::<PyInt>() {
        return match value.extract::<i64>() {
            Ok(v) => Ok(Cell::int(v)),
            Err(_) => Err(to_pyerr(BrobyggerError::invalid_input(
                brobygger::InputCode::BadField,
                path,
                "the key's integer does not fit in 64 bits",
            ))),
        };
    }
    if value.is_instance_of::<PyFloat>() {
        let v: f64 = value.extract()?;
        return Ok(if v.is_nan() {
            Cell::Missing
        } else {
            Cell::decimal(v)
        });
    }
    if value.is_instance_of::<PyString>() {
        return Ok(Cell::text(value.extract::<String>()?));
    }
    if let Ok(d) = value.extract::<NaiveDate>() {
        return Ok(Cell::date(d));
    }
    Err(to_pyerr(BrobyggerError::invalid_input(
        brobygger::InputCode::UnsupportedType,
        path,
        "a group key value must be None, a bool, an int, a float, a str or a date",
    )))
}

/// A date argument: a `datetime.date` (a `datetime` counts by its day) or text the core reads
/// as a date, `"2024-04-01"` or day first as the CLI and spreadsheets take it (`"01-04-2024"`,
/// `"01.04.2024"`). Text that is no date is a `ParseError` (`input.bad_date`, also a
/// `ValueError`); any other type is pyo3's `TypeError` naming the argument.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Date(pub(crate) NaiveDate);

impl<'py> FromPyObject<'_, 'py> for Date {
    type Error = PyErr;

    const INPUT_TYPE: PyStaticExpr = type_hint_union!(
        type_hint_identifier!("datetime", "date"),
        type_hint_identifier!("builtins", "str")
    );

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return brobygger::parse_date_arg(&s.to_cow()?, "date")
                .map(Date)
                .map_err(to_pyerr);
        }
        obj.extract::<NaiveDate>().map(Date).map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "expected a datetime.date or a str such as \"2024-04-01\", not {}",
                type_name(&obj)
            ))
        })
    }
}

/// An instant argument: an aware `datetime.datetime`, or text the core reads as an instant
/// (RFC 3339 with an offset, `"2024-04-01T09:30:00Z"`, or a date meaning the start of that
/// day in UTC). Text that is neither is a `ParseError` (`input.bad_instant`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Instant(pub(crate) brobygger::Timestamp);

impl<'py> FromPyObject<'_, 'py> for Instant {
    type Error = PyErr;

    const INPUT_TYPE: PyStaticExpr = type_hint_union!(
        type_hint_identifier!("datetime", "datetime"),
        type_hint_identifier!("builtins", "str")
    );

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return brobygger::parse_instant_arg(&s.to_cow()?, "instant")
                .map(Instant)
                .map_err(to_pyerr);
        }
        obj.extract::<brobygger::Timestamp>()
            .map(Instant)
            .map_err(|e| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "expected an aware datetime.datetime or a str such as \"2024-04-01T09:30:00Z\", not {} ({e})",
                    type_name(&obj)
                ))
            })
    }
}

/// The language every notebook display (`_repr_html_`, `_repr_markdown_`) and every display
/// method called without `lang` uses: `bb.options.lang`, Danish until changed. One per process,
/// as a notebook is.
static DISPLAY_LANG_IS_ENGLISH: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// The display language (`bb.options.lang`).
pub(crate) fn display_lang() -> Lang {
    if DISPLAY_LANG_IS_ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Da
    }
}

/// Sets the display language (`bb.options.lang = "en"`); an unknown language is an
/// `InvalidInputError` at `lang` and changes nothing.
pub(crate) fn set_display_lang(s: &str) -> PyResult<Lang> {
    let l = lang(s)?;
    DISPLAY_LANG_IS_ENGLISH.store(l == Lang::En, std::sync::atomic::Ordering::Relaxed);
    Ok(l)
}

/// `lang` if given, else the display language.
pub(crate) fn lang_or_display(s: Option<&str>) -> PyResult<Lang> {
    s.map_or_else(|| Ok(display_lang()), lang)
}

/// What `to_pandas()` and `to_polars()` of a result object return: its table `table` as a
/// DataFrame of `engine` (`"pandas"` or `"polars"`), made by the Python layer from the
/// object's `tables(lang)` (`brobygger.frames._result_frame`).
pub(crate) fn result_frame<'py>(
    result: &Bound<'py, PyAny>,
    engine: &str,
    table: &str,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    result
        .py()
        .import("brobygger.frames")?
        .getattr("_result_frame")?
        .call1((result, engine, table, lang))
}

fn type_name(obj: &Borrowed<'_, '_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}
