"""brobygger: partnerships between municipalities and civil society receiving refugees.

The core is Rust; this package exposes it with Pythonic names. Vocabulary values are plain
strings as in the files (``"under_review"``), dates are ``datetime.date`` and instants are aware
``datetime.datetime`` in UTC. Every error is a subclass of :class:`BrobyggerError` carrying
``code`` and ``findings``.

>>> import brobygger
>>> d = brobygger.Dossier.example("aalborg")
>>> [f.code for f in d.validate() if f.severity == "error"]
[]
"""

from brobygger._brobygger import (
    SCHEMA_VERSION,
    Agreement,
    AgreementTerms,
    AgreementVersion,
    BrobyggerError,
    Department,
    Dossier,
    Finding,
    HandoverReport,
    InfeasibleError,
    InternalError,
    InvalidInputError,
    InvalidTransitionError,
    MatchRun,
    Municipality,
    NotFoundError,
    Organisation,
    ParseError,
    Person,
    Post,
    RuleSet,
    StatusEvent,
    Tenure,
    UnsupportedVersionError,
    ValidationError,
    __version__,
    dossier_schema_json,
    example_names,
    generate_person_id,
    match_profiles,
    stable_matching,
    vocabulary,
)

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "AgreementTerms",
    "AgreementVersion",
    "BrobyggerError",
    "Department",
    "Dossier",
    "Finding",
    "HandoverReport",
    "InfeasibleError",
    "InternalError",
    "InvalidInputError",
    "InvalidTransitionError",
    "MatchRun",
    "Municipality",
    "NotFoundError",
    "Organisation",
    "ParseError",
    "Person",
    "Post",
    "RuleSet",
    "StatusEvent",
    "Tenure",
    "UnsupportedVersionError",
    "ValidationError",
    "__version__",
    "dossier_schema_json",
    "example_names",
    "generate_person_id",
    "match_profiles",
    "stable_matching",
    "vocabulary",
]
