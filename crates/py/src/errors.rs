//! The Python exception hierarchy: one base class, one subclass per kind of error a caller can
//! act on. Each instance carries `code` (stable) and `findings` (a list of `Finding`).

use pyo3::create_exception;
use pyo3::exceptions::PyException;

create_exception!(
    brobygger,
    BrobyggerError,
    PyException,
    "Base class of every brobygger error. Attributes: `code` (stable machine code) and `findings`."
);
create_exception!(
    brobygger,
    ParseError,
    BrobyggerError,
    "The input could not be read. Attributes: `path`, `line`, `column`, `reason`."
);
create_exception!(
    brobygger,
    UnsupportedVersionError,
    BrobyggerError,
    "The document's schema version is missing or not supported. Attributes: `found`, `supported`."
);
create_exception!(
    brobygger,
    ValidationError,
    BrobyggerError,
    "The data is not valid; `findings` holds every problem with its path."
);
create_exception!(
    brobygger,
    NotFoundError,
    BrobyggerError,
    "Something referred to does not exist. Attributes: `entity`, `id`."
);
create_exception!(
    brobygger,
    InvalidTransitionError,
    BrobyggerError,
    "A status change is not allowed now. Attributes: `from_status`, `to_status`; `findings` says why."
);
create_exception!(
    brobygger,
    InvalidInputError,
    BrobyggerError,
    "An argument is not acceptable. Attributes: `path`, `reason`."
);
create_exception!(
    brobygger,
    InfeasibleError,
    BrobyggerError,
    "A problem has no solution under its hard constraints. Attribute: `reason`."
);
create_exception!(
    brobygger,
    InternalError,
    BrobyggerError,
    "A bug in the library. Attribute: `reason`."
);
