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
    AnswerSession,
    BrobyggerError,
    ChecklistAlignment,
    ChecklistReadiness,
    ChecklistTemplate,
    Department,
    Dossier,
    DossierChecklists,
    Finding,
    HandoverReport,
    InfeasibleError,
    InternalError,
    InvalidInputError,
    InvalidTransitionError,
    Municipality,
    NotFoundError,
    Organisation,
    ParseError,
    Person,
    Post,
    StatusEvent,
    Tenure,
    UnsupportedVersionError,
    ValidationError,
    __version__,
    checklist_template,
    checklist_templates,
    dossier_schema_json,
    example_names,
    generate_person_id,
    vocabulary,
)

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "AgreementTerms",
    "AgreementVersion",
    "AnswerSession",
    "BrobyggerError",
    "ChecklistAlignment",
    "ChecklistReadiness",
    "ChecklistTemplate",
    "Department",
    "Dossier",
    "DossierChecklists",
    "Finding",
    "HandoverReport",
    "InfeasibleError",
    "InternalError",
    "InvalidInputError",
    "InvalidTransitionError",
    "Municipality",
    "NotFoundError",
    "Organisation",
    "ParseError",
    "Person",
    "Post",
    "StatusEvent",
    "Tenure",
    "UnsupportedVersionError",
    "ValidationError",
    "__version__",
    "checklist_template",
    "checklist_templates",
    "dossier_schema_json",
    "example_names",
    "generate_person_id",
    "vocabulary",
]
