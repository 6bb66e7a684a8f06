"""
Partnerships between municipalities and civil society receiving refugees.
"""

from _typeshed import SupportsGetItem
from datetime import date, datetime
from os import PathLike
from typing import Any, Final, SupportsIndex, final
SCHEMA_VERSION: Final[int]
__version__: Final[str]

@final
class Agreement:
    """
    A partnership agreement with its versions and history.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def history(self, /) -> list[StatusEvent]:
        """
        Every status change, oldest first.
        """
    @property
    def id(self, /) -> str:
        """
        Id.
        """
    @property
    def meetings(self, /) -> Any:
        """
        Meetings held, as dicts.
        """
    @property
    def status(self, /) -> str:
        """
        Status: `"draft"`, `"negotiating"`, `"signed"`, `"active"`, `"under_review"`, `"ended"`.
        """
    def status_on(self, /, date: date) -> str:
        """
        The status on a date, replayed from the history.
        """
    @property
    def terms(self, /) -> AgreementTerms | None:
        """
        The terms in force.
        """
    @property
    def title(self, /) -> str:
        """
        Title of the version in force.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def version(self, /) -> int:
        """
        The number of the version in force.
        """
    @property
    def versions(self, /) -> list[AgreementVersion]:
        """
        Every version, oldest first.
        """

@final
class AgreementTerms:
    """
    What the parties agree on. Nested parts come back as dicts and lists of dicts, ready
    for `pandas.DataFrame(...)`.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def activities(self, /) -> Any:
        """
        The activities, as dicts.
        """
    @property
    def cooperation_level(self, /) -> str:
        """
        `"cooperation"` or `"co_creation"`.
        """
    @property
    def end(self, /) -> date | None:
        """
        Last day, if limited.
        """
    @property
    def goals(self, /) -> Any:
        """
        The goals, as dicts.
        """
    @property
    def governance(self, /) -> Any:
        """
        Steering group, coordinators and volunteer representative, as a dict.
        """
    @property
    def parties(self, /) -> Any:
        """
        The parties with their signatories, as dicts.
        """
    @property
    def party_keys(self, /) -> list[str]:
        """
        The parties' keys: `department:aalborg/ctf`, `organisation:DK-LOCAL-…`.
        """
    @property
    def purpose(self, /) -> str | None:
        """
        Purpose.
        """
    @property
    def resources(self, /) -> Any:
        """
        Coordination hours per party, as dicts.
        """
    @property
    def review_dates(self, /) -> list[date]:
        """
        Review dates.
        """
    @property
    def routines(self, /) -> Any:
        """
        The meeting forums, as dicts.
        """
    @property
    def stage(self, /) -> str:
        """
        `"project"` or `"operation"`.
        """
    @property
    def start(self, /) -> date:
        """
        First day.
        """
    @property
    def title(self, /) -> str:
        """
        Title.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class AgreementVersion:
    """
    One version of an agreement's terms.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def amendment(self, /) -> Any:
        """
        The amendment record (`on`, `by`, `reason`) as a dict, None for version 1.
        """
    @property
    def number(self, /) -> int:
        """
        1, 2, 3, ...
        """
    @property
    def terms(self, /) -> AgreementTerms:
        """
        The terms.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Department:
    """
    A department (forvaltning) of a municipality.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def id(self, /) -> str:
        """
        Id within its municipality.
        """
    @property
    def kind(self, /) -> str:
        """
        Kind, e.g. `"jobcentre"`.
        """
    @property
    def name(self, /) -> str:
        """
        Name.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Dossier:
    """
    A dossier: actors, people, posts and agreements in one document.

    Load one with `Dossier.load(path)`, `Dossier.from_json(text)` or `Dossier.example(name)`.
    Changes (`transition`, `amend`, `handover`, ...) either succeed completely or raise and
    leave the dossier as it was.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __new__(cls, /, title: str) -> Dossier:
        """
        An empty dossier with a title.
        """
    def __repr__(self, /) -> str: ...
    def _repr_markdown_(self, /) -> str:
        """
        The readable summary, rendered by Jupyter as Markdown.
        """
    def add_match_run(self, /, run: MatchRun) -> None:
        """
        Stores a run; raises if its id is taken or it refers to unknown records.
        """
    def add_person(self, /, name: str, email: str | None = None, phone: str | None = None, id: str | None = None) -> str:
        """
        Adds a person and returns their id; a random opaque id is made when `id` is None.
        """
    def agreement(self, /, id: str) -> Agreement:
        """
        One agreement by id. Raises `NotFoundError`.
        """
    @property
    def agreements(self, /) -> list[Agreement]:
        """
        The agreements.
        """
    def amend(self, /, agreement: str, terms: Any, on: date, by: str, reason: str) -> int:
        """
        Amends a signed agreement: a new version with `terms` (a dict), recorded with date,
        person and reason. Returns the new version number.
        """
    def check(self, /) -> list[Finding]:
        """
        The findings if there are no errors; raises `ValidationError` with all of them otherwise.
        """
    def cohort_view(self, /, cohort: str, on: date) -> Any:
        """
        The evaluator's view of a cohort on `on`, as a dict.
        """
    @property
    def cohorts(self, /) -> Any:
        """
        The cohorts of newcomer households, as dicts.
        """
    def edit_terms(self, /, agreement: str, terms: Any) -> None:
        """
        Replaces the terms of a draft or negotiating agreement with `terms` (a dict shaped like
        `AgreementTerms.to_dict()`).
        """
    @staticmethod
    def example(name: str) -> Dossier:
        """
        A built-in example: `"aalborg"`, `"ikast-brande"` or `"horsens"`.
        """
    @staticmethod
    def from_dict(data: Any) -> Dossier:
        """
        Reads a dossier from plain Python data shaped like the JSON file (as from `to_dict()`).
        """
    @staticmethod
    def from_json(json: str) -> Dossier:
        """
        Reads a dossier from JSON text. Raises `ParseError` or `UnsupportedVersionError`.
        """
    def handover(self, /, from_person: str, to_person: str, on: date, agreements: SupportsGetItem[int, str] | None = None) -> HandoverReport:
        """
        Moves every post `from_person` holds on `on` to `to_person`, all at once. Limit it to
        some agreements with `agreements=[...]`.
        """
    def holder_of(self, /, post: str, date: date) -> str | None:
        """
        The person holding `post` on `date`, if anyone. Raises `NotFoundError` for an unknown post.
        """
    def introduction_status(self, /, cohort: str, on: date) -> Any:
        """
        Every household's introduction status in a cohort on `on`, as dicts.
        """
    def introductions_due(self, /, cohort: str, on: date) -> list[Finding]:
        """
        The introductions due or overdue in a cohort on `on`, as findings citing 001.
        """
    @staticmethod
    def load(path: str | PathLike[str]) -> Dossier:
        """
        Reads a dossier from a JSON file.
        """
    def match_cohort(self, /, cohort: str, rule_set: str, as_of: date, solver: str = "optimal", offer_ranking: str = "score", id: str | None = None) -> MatchRun:
        """
        Matches a stored cohort with the dossier's offers under a stored rule set (not stored;
        see `add_match_run`). Releases the GIL while solving.
        """
    @property
    def match_runs(self, /) -> list[MatchRun]:
        """
        The stored matching runs.
        """
    @property
    def municipalities(self, /) -> list[Municipality]:
        """
        The municipalities.
        """
    @property
    def offers(self, /) -> Any:
        """
        The volunteer offers, as dicts.
        """
    @property
    def organisations(self, /) -> list[Organisation]:
        """
        The organisations.
        """
    @property
    def people(self, /) -> list[Person]:
        """
        The people (staff and volunteers).
        """
    @property
    def posts(self, /) -> list[Post]:
        """
        The posts with their holders over time.
        """
    def posts_held_by(self, /, person: str, date: date) -> list[Post]:
        """
        The posts `person` holds on `date`.
        """
    def preview_transition(self, /, agreement: str, to: str, at: datetime) -> list[Finding]:
        """
        The findings a status change would meet, without making it.
        """
    def record_introduction(self, /, cohort: str, newcomer: str, on: date, setting: str = "follow_up_conversation", offers: SupportsGetItem[int, str] | None = None, by: str | None = None) -> None:
        """
        Records that a household was introduced to volunteer offers. `setting` is e.g.
        `"integration_contract_meeting"` or `"follow_up_conversation"`.
        """
    @property
    def rule_sets(self, /) -> list[RuleSet]:
        """
        The matching rule sets.
        """
    def save(self, /, path: str | PathLike[str]) -> None:
        """
        Writes the dossier as JSON to a file.
        """
    @property
    def schema_version(self, /) -> int:
        """
        The schema version of the document.
        """
    def summary(self, /, lang: str = "da", as_of: date | None = None) -> str:
        """
        A readable summary in `lang` (`"da"` or `"en"`), with post holders as of `as_of`.
        """
    @property
    def title(self, /) -> str:
        """
        The title.
        """
    def to_dict(self, /) -> Any:
        """
        The dossier as plain Python data (dicts and lists).
        """
    def to_json(self, /) -> str:
        """
        The dossier as JSON text.
        """
    def transition(self, /, agreement: str, to: str, by: str, at: datetime, note: str | None = None, override_reason: str | None = None) -> StatusEvent:
        """
        Changes an agreement's status, recorded with who and when. Raises
        `InvalidTransitionError` (with the blocking findings), `NotFoundError` or
        `InvalidInputError`; the dossier is unchanged then. Pass `override_reason` to go ahead
        despite blocking findings; the reason is recorded.
        """
    def validate(self, /) -> list[Finding]:
        """
        Every validation finding, errors first.
        """
    def volunteer_view(self, /, run: str, offer: str, lang: str | None = None) -> Any:
        """
        The matches of `offer` in a stored run as its volunteer may see them; texts in `lang`
        if given, otherwise as `{da, en}`.
        """

@final
class Finding:
    """
    A problem or observation: `code`, `severity`, `path`, messages in Danish and English,
    and the source document behind the rule.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def citation(self, /) -> str | None:
        """
        A short citation such as `001 "Anerkendelse og respekt"`, if any.
        """
    @property
    def code(self, /) -> str:
        """
        Stable machine code, e.g. `validation.dangling_reference`.
        """
    def message(self, /, lang: str) -> str:
        """
        The message in `lang` (`"da"` or `"en"`).
        """
    @property
    def message_da(self, /) -> str:
        """
        The message in Danish.
        """
    @property
    def message_en(self, /) -> str:
        """
        The message in English.
        """
    @property
    def path(self, /) -> str:
        """
        Path to the field, e.g. `agreements[0].governance.steering_group[2]`.
        """
    def render(self, /, lang: str) -> str:
        """
        One line: `[severity] path: message (source)`.
        """
    @property
    def severity(self, /) -> str:
        """
        `"error"`, `"warning"` or `"info"`.
        """
    @property
    def source_document(self, /) -> str | None:
        """
        The source document number (`"001"`), if the rule comes from one.
        """
    @property
    def source_section(self, /) -> str | None:
        """
        The section of the source document, if any.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class HandoverReport:
    """
    What a handover did.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def agreements(self, /) -> list[str]:
        """
        The agreements those posts belong to.
        """
    @property
    def posts(self, /) -> list[str]:
        """
        The posts that changed holder.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class MatchRun:
    """
    The result of a matching run: proposed matches with scores and explanations, unmatched
    households with reasons and the binding constraint, unmet demand, unused offers and
    statistics. Nested values are plain dicts shaped like the JSON file.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def as_of(self, /) -> date:
        """
        The day of the run.
        """
    @staticmethod
    def from_dict(data: Any) -> MatchRun:
        """
        Reads a run from plain Python data (as from `to_dict()`).
        """
    @property
    def id(self, /) -> str:
        """
        The run's id.
        """
    @property
    def matches(self, /) -> Any:
        """
        The matches as dicts: `newcomer`, `offer`, `score`, `waiting_days`, `explanation`.
        """
    def pairs(self, /) -> list[tuple[str, str, float]]:
        """
        `(newcomer, offer, score)` for each match, e.g. for a DataFrame.
        """
    @property
    def rule_set(self, /) -> str:
        """
        The rule set's id.
        """
    @property
    def solver(self, /) -> str:
        """
        The solver, e.g. `"optimal"`.
        """
    @property
    def statistics(self, /) -> Any:
        """
        Counts, scores and waiting times as a dict.
        """
    def to_dict(self, /) -> Any:
        """
        The run as plain Python data.
        """
    @property
    def unmatched(self, /) -> Any:
        """
        The unmatched households as dicts: `newcomer`, `waiting_days`, `binding`, `reasons`.
        """
    @property
    def unmet_demand(self, /) -> Any:
        """
        Needs and languages the offers cannot cover.
        """
    @property
    def unused_offers(self, /) -> Any:
        """
        Offers with free places that got no household.
        """

@final
class Municipality:
    """
    A municipality with its departments.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def code(self, /) -> int:
        """
        Official three-digit municipality code.
        """
    @property
    def departments(self, /) -> list[Department]:
        """
        The departments.
        """
    @property
    def id(self, /) -> str:
        """
        Id within the dossier.
        """
    @property
    def name(self, /) -> str:
        """
        Name.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Organisation:
    """
    A civil-society organisation.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def id(self, /) -> str:
        """
        Org-id style id.
        """
    @property
    def kind(self, /) -> str:
        """
        Kind, e.g. `"ethnic_minority_association"`.
        """
    def kind_label(self, /, lang: str) -> str:
        """
        The kind's label in `lang`.
        """
    @property
    def name(self, /) -> str:
        """
        Name.
        """
    @property
    def profile(self, /) -> Any:
        """
        The profile (purpose, activities, members, ...) as a dict.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Person:
    """
    A person acting in a partnership. `repr()` shows the id only.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def email(self, /) -> str | None:
        """
        E-mail (ordinary personal data).
        """
    @property
    def id(self, /) -> str:
        """
        Opaque id.
        """
    @property
    def name(self, /) -> str:
        """
        Name (ordinary personal data).
        """
    @property
    def phone(self, /) -> str | None:
        """
        Phone (ordinary personal data).
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Post:
    """
    A post and who held it when.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def agreement(self, /) -> str | None:
        """
        The agreement it belongs to, if any.
        """
    def holder_on(self, /, date: date) -> str | None:
        """
        The person holding it on `date`, if anyone.
        """
    @property
    def holders(self, /) -> list[Tenure]:
        """
        Who held it when, oldest first.
        """
    @property
    def id(self, /) -> str:
        """
        Id.
        """
    @property
    def kind(self, /) -> str:
        """
        Kind, e.g. `"coordinator"`.
        """
    @property
    def party(self, /) -> Any:
        """
        The party it acts for, as a dict (`{"type": "department", ...}`).
        """
    @property
    def party_key(self, /) -> str:
        """
        A short key for the party: `department:aalborg/ctf`.
        """
    @property
    def title(self, /) -> str:
        """
        Title.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class RuleSet:
    """
    A matching rule set: hard rules (filters) and soft criteria (weighted scores), each with
    an explanation template in Danish and English.

    Load one with `RuleSet.from_toml(text)`, `RuleSet.from_json(text)`, `RuleSet.load(path)`
    or `RuleSet.from_dict(data)`; `validate()` lists every problem with its path.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    def check(self, /) -> list[Finding]:
        """
        The warnings if there are no errors; raises `ValidationError` with every finding
        otherwise.
        """
    @staticmethod
    def from_dict(data: Any) -> RuleSet:
        """
        Reads a rule set from plain Python data shaped like the JSON file.
        """
    @staticmethod
    def from_json(text: str) -> RuleSet:
        """
        Reads a rule set from JSON.
        """
    @staticmethod
    def from_toml(text: str) -> RuleSet:
        """
        Reads a rule set from TOML. Raises `ParseError` (with path, line and column) or
        `UnsupportedVersionError`.
        """
    @property
    def id(self, /) -> str:
        """
        The id.
        """
    @staticmethod
    def load(path: str | PathLike[str]) -> RuleSet:
        """
        Reads a rule set from a `.toml` or `.json` file.
        """
    @property
    def rules(self, /) -> Any:
        """
        The rules as dicts (`id`, `strength`, `kind`, `explanation`).
        """
    @property
    def sensitive_attributes(self, /) -> list[str]:
        """
        The sensitive attributes the rules may use (`newcomer.preferences`, ...).
        """
    @property
    def shareable_with_volunteers(self, /) -> list[str]:
        """
        The newcomer fields volunteers may see.
        """
    def title(self, /, lang: str = "da") -> str:
        """
        The title in `lang` (`"da"` or `"en"`).
        """
    def to_dict(self, /) -> Any:
        """
        The rule set as plain Python data.
        """
    def to_json(self, /) -> str:
        """
        The rule set as JSON text.
        """
    def to_toml(self, /) -> str:
        """
        The rule set as TOML text.
        """
    def validate(self, /) -> list[Finding]:
        """
        Every finding about the rule set, errors first.
        """

@final
class StatusEvent:
    """
    A recorded status change.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def at(self, /) -> datetime:
        """
        When (an aware datetime in UTC).
        """
    @property
    def by(self, /) -> str:
        """
        Who made the change.
        """
    @property
    def from_status(self, /) -> str:
        """
        Status before.
        """
    @property
    def note(self, /) -> str | None:
        """
        The note, if any.
        """
    @property
    def overridden(self, /) -> list[str]:
        """
        The codes of the overridden findings.
        """
    @property
    def override_reason(self, /) -> str | None:
        """
        The reason blocking findings were overridden, if they were.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def to_status(self, /) -> str:
        """
        Status after.
        """
    @property
    def version(self, /) -> int:
        """
        The version in force.
        """

@final
class Tenure:
    """
    One person's time in a post: `from_date` inclusive, `until` exclusive (None while open).
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def from_date(self, /) -> date:
        """
        First day in the post.
        """
    @property
    def person(self, /) -> str:
        """
        Who held the post.
        """
    def to_dict(self, /) -> Any:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def until(self, /) -> date | None:
        """
        First day no longer in the post.
        """

def _self_test_panic() -> None:
    """
    Always panics inside Rust. Private: the test suite uses it to prove a panic arrives as an
    exception (`pyo3_runtime.PanicException`) and the interpreter carries on.
    """

def dossier_schema_json() -> str:
    """
    The JSON Schema of the dossier file format, as JSON text.
    """

def example_names() -> list[str]:
    """
    The names of the built-in example dossiers.
    """

def generate_person_id() -> str:
    """
    A fresh random person id that carries nothing about the person.
    """

def match_profiles(rules: RuleSet, newcomers: Any, offers: Any, as_of: date, solver: str = "optimal", offer_ranking: str = "score", id: str | None = None) -> MatchRun:
    """
    Matches `newcomers` with `offers` (lists of dicts shaped like the file format) under
    `rules`. `solver` is `"greedy"`, `"optimal"`, `"stable_newcomer_proposing"` or
    `"stable_offer_proposing"`. Raises `ValidationError` if the rule set has errors. The GIL is
    released while solving.
    """

def stable_matching(residents: SupportsGetItem[int, tuple[str, SupportsGetItem[int, str]]], hospitals: SupportsGetItem[int, tuple[str, SupportsGetItem[int, str]]], capacities: SupportsGetItem[int, tuple[str, SupportsIndex]], optimal: str = "residents") -> list[tuple[str, str | None]]:
    """
    Stable matching over explicit preference lists (hospital/resident form). `residents` and
    `hospitals` map each id to the other side's ids, best first (unlisted means unacceptable);
    `capacities` maps each hospital to its places. `optimal` is `"residents"` or `"hospitals"`:
    whose optimal stable matching to return. Returns each resident's hospital, or None.
    Raises `ValidationError` listing every unknown or repeated id. The GIL is released while
    solving.
    """

def vocabulary(lang: str = "da") -> Any:
    """
    Every closed vocabulary's values with labels in `lang`, as dicts
    `{"vocabulary", "value", "label"}`.
    """

class BrobyggerError(Exception):
    """Base class of every brobygger error. Attributes: `code` (stable machine code) and `findings`."""
    code: str
    findings: list[Finding]

class ParseError(BrobyggerError):
    """The input could not be read. Attributes: `path`, `line`, `column`, `reason`."""
    path: str
    line: int
    column: int
    reason: str

class UnsupportedVersionError(BrobyggerError):
    """The document's schema version is missing or not supported. Attributes: `found`, `supported`."""
    found: int | None
    supported: int

class ValidationError(BrobyggerError):
    """The data is not valid; `findings` holds every problem with its path."""

class NotFoundError(BrobyggerError):
    """Something referred to does not exist. Attributes: `entity`, `id`."""
    entity: str
    id: str

class InvalidTransitionError(BrobyggerError):
    """A status change is not allowed now. Attributes: `from_status`, `to_status`; `findings` says why."""
    from_status: str
    to_status: str

class InvalidInputError(BrobyggerError):
    """An argument is not acceptable. Attributes: `path`, `reason`."""
    path: str
    reason: str

class InfeasibleError(BrobyggerError):
    """A problem has no solution under its hard constraints. Attribute: `reason`."""
    reason: str

class InternalError(BrobyggerError):
    """A bug in the library. Attribute: `reason`."""
    reason: str
