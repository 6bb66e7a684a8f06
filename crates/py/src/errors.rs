//! The Python exception hierarchy: one base class, one subclass per kind of error a caller can
//! act on. Each instance carries `code` (stable) and `findings` (a list of `Finding`).
//!
//! Each subclass also subclasses the built-in a Python caller already catches: bad input is a
//! `ValueError`, something missing a `LookupError`, a missing file a `FileNotFoundError` (so an
//! `OSError`), a bug a `RuntimeError`. pyo3's `create_exception!` takes one base only, so the
//! subclasses are made with `type(name, bases, ns)` the first time they are needed, once per
//! process, and added to the module. `scripts/finish_stubs.py` reads the `subclass!`
//! declarations below (name, bases, doc) to write them into the stub.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

create_exception!(
    brobygger,
    BrobyggerError,
    PyException,
    "Base class of every brobygger error. Attributes: `code` (stable machine code) and `findings`."
);

/// One exception class with several bases, made once per process.
pub(crate) struct Subclass {
    name: &'static str,
    bases: &'static [&'static str],
    doc: &'static str,
    class: PyOnceLock<Py<PyType>>,
}

impl Subclass {
    /// The class, made on first use.
    pub(crate) fn type_object<'py>(&'static self, py: Python<'py>) -> PyResult<Bound<'py, PyType>> {
        let class = self.class.get_or_try_init(py, || self.make(py))?;
        Ok(class.bind(py).clone())
    }

    /// An error of this class with `message` as its only argument (what `str(e)` shows).
    pub(crate) fn new_err(&'static self, message: String) -> PyErr {
        Python::attach(|py| match self.type_object(py) {
            Ok(t) => PyErr::from_type(t, (message,)),
            Err(e) => e,
        })
    }

    fn make(&self, py: Python<'_>) -> PyResult<Py<PyType>> {
        let builtins = py.import("builtins")?;
        let mut bases = Vec::with_capacity(self.bases.len());
        for base in self.bases {
            bases.push(match *base {
                "BrobyggerError" => py.get_type::<BrobyggerError>().into_any(),
                other => match SUBCLASSES.iter().find(|s| s.name == other) {
                    Some(s) => s.type_object(py)?.into_any(),
                    None => builtins.getattr(other)?,
                },
            });
        }
        let ns = PyDict::new(py);
        ns.set_item("__doc__", self.doc)?;
        ns.set_item("__module__", "brobygger")?;
        let class = builtins
            .getattr("type")?
            .call1((self.name, PyTuple::new(py, bases)?, ns))?;
        Ok(class.cast_into::<PyType>()?.unbind())
    }
}

macro_rules! subclass {
    ($name:ident, [$($base:ident),+], $doc:literal) => {
        #[doc = $doc]
        // Named as the Python class it makes: `ParseError.new_err(..)` reads as a class.
        #[allow(non_upper_case_globals)]
        pub(crate) static $name: Subclass = Subclass {
            name: stringify!($name),
            bases: &[$(stringify!($base)),+],
            doc: $doc,
            class: PyOnceLock::new(),
        };
    };
}

subclass!(
    ParseError,
    [BrobyggerError, ValueError],
    "The input could not be read. Attributes: `path`, `line`, `column`, `reason`."
);
subclass!(
    UnsupportedVersionError,
    [BrobyggerError, ValueError],
    "The document's schema version is missing or not supported. Attributes: `found`, `supported`."
);
subclass!(
    ValidationError,
    [BrobyggerError, ValueError],
    "The data is not valid; `findings` holds every problem with its path."
);
subclass!(
    NotFoundError,
    [BrobyggerError, LookupError],
    "Something referred to does not exist. Attributes: `entity`, `id`."
);
subclass!(
    InvalidTransitionError,
    [BrobyggerError],
    "A status change is not allowed now. Attributes: `from_status`, `to_status`; `findings` says why."
);
subclass!(
    InvalidInputError,
    [BrobyggerError, ValueError],
    "An argument is not acceptable. Attributes: `path`, `reason`."
);
subclass!(
    MissingFileError,
    [InvalidInputError, FileNotFoundError],
    "The file does not exist (code `load.io`): an `InvalidInputError` that is also Python's `FileNotFoundError`. Attributes: `path`, `reason`, `filename`, `errno`."
);
subclass!(
    InfeasibleError,
    [BrobyggerError],
    "A problem has no solution under its hard constraints. Attribute: `reason`."
);
subclass!(
    CancelledError,
    [BrobyggerError],
    "The work was asked to stop and stopped (code `work.cancelled`); nothing was changed. Ctrl-C and an exception in a progress callback come through as themselves, not as this."
);
subclass!(
    InternalError,
    [BrobyggerError, RuntimeError],
    "A bug in the library. Attribute: `reason`."
);

/// Every subclass, parents before children (the order they are added to the module in).
pub(crate) static SUBCLASSES: [&Subclass; 10] = [
    &ParseError,
    &UnsupportedVersionError,
    &ValidationError,
    &NotFoundError,
    &InvalidTransitionError,
    &InvalidInputError,
    &MissingFileError,
    &InfeasibleError,
    &CancelledError,
    &InternalError,
];

/// Adds every subclass to the module.
pub(crate) fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for s in SUBCLASSES {
        m.add(s.name, s.type_object(m.py())?)?;
    }
    Ok(())
}
