"""
Partnerships between municipalities and civil society receiving refugees.
"""

from _typeshed import SupportsGetItem
from collections.abc import Callable, Mapping, Sequence
from brobygger.types import ActionItemStateDict, ActivityDict, AggregateDimension, AgreementDict, AgreementPartyDict, AgreementTermsDict, AgreementVersionDict, AlignmentColumnDict, AlignmentCountsDict, AlternativesDict, AmendmentDict, AnalystExportDict, AnonymisationReportDict, AnswerDict, AnswerSessionDict, ApplyReportDict, AssessmentDict, AssignmentDict, AuditEventDict, CalendarEventDict, CarrierDict, ChainReportDict, ChangeSetDict, ChangeSummaryDict, CheckInfoDict, CheckResultDict, ChecklistItemViewDict, ChecklistRequirementDict, ChecklistSectionDict, ChecklistTemplateDict, ChecklistsDict, CohortDict, CohortViewDict, ConsentRecordDict, ConsentRecordsDict, CsvColumnDict, CsvTable, DemandGapDict, DepartmentDict, DimensionScoreDict, DirectoryAssociationDict, DirectoryDict, DirectoryHitDict, DisclosureDict, DossierDict, FormatName, GoalDict, GovernanceDict, GroupShareChangeDict, GroupShareDict, IntroductionSetting, ItemAlignmentDict, JsonDict, Lang, ManifestEntryDict, MatchDict, MatchProposalDict, MatchRunDict, MatchStatisticsDict, MatchViewDict, MeetingForumDict, MeetingMinutesDict, MeetingRecordDict, MunicipalityDict, NewcomerDict, NewcomerViewDict, NewcomersCsvDict, Objective, OfferDict, OfferRanking, OfferViewDict, OrganisationDict, OrganisationProfileDict, OutcomeCellDict, OutcomeRecordDict, PartyRefDict, PersonDict, PlaceDict, PostDict, PreviousPartner, PrivacyDict, ProcessingBasisDict, ProgressOption, ProgressStage, ProposalSide, Purpose, ReferenceSurveyDict, RelationshipDict, ReportSectionDict, RequirementProgressDict, ResourceCommitmentDict, RetentionOutcomeDict, RetentionPolicyDict, RetentionReportDict, RevisionDict, RoleMatrixDict, RoleSplitDict, RuleDict, RuleSetDict, SafeShareDict, SafeTableDict, SensitiveUseDict, ShareChangeDict, ShareEstimateDict, Solver, StatusEventDict, StructureReportDict, SurveyRoundDict, SurveyShapeDict, TableDict, TaskDefinitionDict, TenureDict, UnmatchedDict, UnusedOfferDict, VocabularyEntryDict, VolunteerMatchTextDict, VolunteerMatchViewDict, WhyNotDict, WithdrawalReportDict, WithheldAttributeDict
from datetime import date, datetime
from os import PathLike
from typing import Final, Literal, SupportsFloat, SupportsIndex, TYPE_CHECKING, final, overload

if TYPE_CHECKING:
    import pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import polars  # type: ignore[import-not-found, import-untyped, unused-ignore]

SCHEMA_VERSION: Final[int]
__version__: Final[str]

@final
class Agreement:
    """
    A partnership agreement with its versions and history.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Agreement:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def meetings(self, /) -> list[MeetingRecordDict]:
        """
        Meetings held, as dicts.
        """
    @property
    def status(self, /) -> str:
        """
        Status: `"draft"`, `"negotiating"`, `"signed"`, `"active"`, `"under_review"`, `"ended"`.
        """
    def status_on(self, /, date: date | str) -> str:
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
    def to_dict(self, /) -> AgreementDict:
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
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> AgreementTerms:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    @property
    def activities(self, /) -> list[ActivityDict]:
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
    def goals(self, /) -> list[GoalDict]:
        """
        The goals, as dicts.
        """
    @property
    def governance(self, /) -> GovernanceDict:
        """
        Steering group, coordinators and volunteer representative, as a dict.
        """
    @property
    def parties(self, /) -> list[AgreementPartyDict]:
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
    def resources(self, /) -> list[ResourceCommitmentDict]:
        """
        Coordination hours per party, as dicts.
        """
    @property
    def review_dates(self, /) -> list[date]:
        """
        Review dates.
        """
    @property
    def routines(self, /) -> list[MeetingForumDict]:
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
    def to_dict(self, /) -> AgreementTermsDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class AgreementVersion:
    """
    One version of an agreement's terms.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> AgreementVersion:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    @property
    def amendment(self, /) -> AmendmentDict | None:
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
    def to_dict(self, /) -> AgreementVersionDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class AnswerSession:
    """
    One party's answers to one checklist for one agreement; `submitted` once frozen.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def agreement(self, /) -> str:
        """
        The agreement.
        """
    @property
    def answers(self, /) -> list[AnswerDict]:
        """
        The answers (`item`, `value`, `comment`, `at`, `by`), as dicts.
        """
    @property
    def id(self, /) -> str:
        """
        Id.
        """
    @property
    def party(self, /) -> PartyRefDict:
        """
        The answering party, as a dict (`{"type": "organisation", ...}`).
        """
    @property
    def party_key(self, /) -> str:
        """
        A short key for the party: `organisation:DK-LOCAL-…`.
        """
    @property
    def started_at(self, /) -> datetime:
        """
        When it was started (aware, UTC).
        """
    @property
    def started_by(self, /) -> str:
        """
        Who started it.
        """
    @property
    def submitted(self, /) -> bool:
        """
        Whether the party has submitted.
        """
    @property
    def submitted_at(self, /) -> datetime | None:
        """
        When it was submitted, if it was.
        """
    @property
    def template(self, /) -> str:
        """
        The template.
        """
    @property
    def template_version(self, /) -> int:
        """
        The template version answered.
        """
    def to_dict(self, /) -> AnswerSessionDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class AssessedFinding:
    """
    A finding of the assessment with its dimension, the check it belongs to, the evidence it
    looked at (paths) and advice.
    """
    def __repr__(self, /) -> str: ...
    def advice(self, /, lang: Lang) -> str:
        """
        The advice in `lang`.
        """
    @property
    def check(self, /) -> str:
        """
        The code of the check it belongs to.
        """
    @property
    def code(self, /) -> str:
        """
        Shortcut for `finding.code`.
        """
    @property
    def dimension(self, /) -> str:
        """
        The dimension, e.g. `"meetings"`.
        """
    @property
    def evidence(self, /) -> list[str]:
        """
        The paths in the dossier the check looked at.
        """
    def evidence_words(self, /, lang: Lang) -> list[str]:
        """
        The evidence in words in `lang`, one for each path in `evidence` and in its order
        ("the notice for the “Styregruppemøde” meeting (quarterly), agreement version 1").
        """
    @property
    def finding(self, /) -> Finding:
        """
        The finding itself (code, severity, path, message, source).
        """
    def message(self, /, lang: Lang) -> str:
        """
        The message in `lang`.
        """
    @property
    def path(self, /) -> str:
        """
        Shortcut for `finding.path`.
        """
    @property
    def severity(self, /) -> str:
        """
        Shortcut for `finding.severity`.
        """
    def to_dict(self, /) -> JsonDict:
        """
        As plain data.
        """

@final
class Assessment:
    """
    The assessment of one agreement as of a date: scores per dimension with reasons, every
    check's result, and findings with evidence and advice. Shows as HTML in Jupyter.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Assessment:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the scores chart, findings and advice, in `bb.options.lang`.
        """
    @property
    def agreement(self, /) -> str:
        """
        The agreement's id.
        """
    @property
    def as_of(self, /) -> date:
        """
        The date the assessment is made as of.
        """
    def check(self, /, code: str) -> CheckResultDict | None:
        """
        One check's result by code (a dict as in `checks`), or None.
        """
    @property
    def checks(self, /) -> list[CheckResultDict]:
        """
        Every check as a dict: `code`, `dimension`, `status`, `credit`, `weight`, `evidence`,
        `note`.
        """
    def dimension(self, /, name: str) -> DimensionScoreDict | None:
        """
        One dimension's score (a dict as in `dimensions`). Raises `InvalidInputError` for an
        unknown dimension.
        """
    @property
    def dimensions(self, /) -> list[DimensionScoreDict]:
        """
        Every dimension as a dict: `dimension`, `score`, `band`, `met`, `applicable`,
        `not_assessed`, `reason` (`{"da", "en"}`).
        """
    @property
    def external_sources(self, /) -> list[str]:
        """
        The modules whose findings were weighed.
        """
    @property
    def findings(self, /) -> list[AssessedFinding]:
        """
        The findings, errors first.
        """
    @property
    def overall(self, /) -> int | None:
        """
        The mean of the dimension scores (0–100), or None.
        """
    @property
    def overall_band(self, /) -> str | None:
        """
        `"strong"`, `"fair"` or `"weak"`, or None.
        """
    def render(self, /, lang: Lang | None = None, format: FormatName = "md") -> str:
        """
        The assessment as a document: `format` is `"md"`, `"html"` or `"html_fragment"`.
        """
    @property
    def status(self, /) -> str:
        """
        The agreement's status on that date, e.g. `"active"`.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The assessment's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
        `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
        (plain values; dates as ISO strings). What `scores_frame`, `checks_frame` and `assessment_findings_frame` read.
        """
    @property
    def title(self, /) -> str:
        """
        The agreement's title in the version judged.
        """
    def to_dict(self, /) -> AssessmentDict:
        """
        The whole assessment as plain data, shaped like its JSON.
        """
    def to_json(self, /) -> str:
        """
        The assessment as JSON text.
        """
    def to_pandas(self, /, table: str = "scores", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`scores`, `checks` or `assessment_findings`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.scores_frame(a)` gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "scores", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
        """
    @property
    def version(self, /) -> int:
        """
        The version in force on that date.
        """

@final
class Assignment:
    """
    One cell of a split: a party's role on a task, and who carries it.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def carried_by(self, /) -> CarrierDict | None:
        """
        The carrying post or person as a dict (`{"type": "post", "post": ...}`), or None.
        """
    @property
    def hours_per_month(self, /) -> float | None:
        """
        Hours per month the party expects to spend on it.
        """
    @property
    def note(self, /) -> str | None:
        """
        The parties' note on how the role is filled.
        """
    @property
    def party_key(self, /) -> str:
        """
        The party's key.
        """
    @property
    def role(self, /) -> str:
        """
        `"responsible"`, `"accountable"`, `"consulted"` or `"informed"`.
        """
    @property
    def task_key(self, /) -> str:
        """
        The task's key.
        """
    def to_dict(self, /) -> AssignmentDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Calendar:
    """
    A calendar: its name, language and events, and the iCalendar text.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __len__(self, /) -> int: ...
    def __repr__(self, /) -> str: ...
    @property
    def events(self, /) -> list[CalendarEventDict]:
        """
        The events as dicts (`uid`, `kind`, `start`, `end`, `summary`, `description`,
        `location`, `categories`, `repeat`, `alarm`); times as `{"type": "day", "date": ...}` or
        `{"type": "at", "date": ..., "time": "HH:MM"}`, Danish time.
        """
    @property
    def lang(self, /) -> str:
        """
        The language of its texts, `"da"` or `"en"`.
        """
    @property
    def name(self, /) -> str:
        """
        The calendar's name.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The calendar as plain Python data.
        """
    def to_ics(self, /) -> str:
        """
        The iCalendar (RFC 5545) text.
        """

@final
class Carrying:
    """
    Who carries a task for one party: the role, the post and the person holding it (an
    opaque id) on the date asked about.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def party_key(self, /) -> str:
        """
        The party's key.
        """
    @property
    def party_name(self, /) -> str:
        """
        The party's display name.
        """
    @property
    def person(self, /) -> str | None:
        """
        The carrying person's id on the date asked about, if known.
        """
    @property
    def post(self, /) -> str | None:
        """
        The carrying post's id, if one is named.
        """
    @property
    def role(self, /) -> str:
        """
        The role.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class ChecklistAlignment:
    """
    The comparison of the parties' latest answers to one checklist: `items` with critical
    divergences first, a `score` from 0 to 1, `coverage`, `counts` and `findings`.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the side-by-side comparison as HTML in `bb.options.lang`, its styles scoped to it.
        """
    def _repr_markdown_(self, /) -> str:
        """
        The Markdown comparison in `bb.options.lang`, for Jupyter.
        """
    @property
    def agreement(self, /) -> str:
        """
        The agreement.
        """
    @property
    def columns(self, /) -> list[AlignmentColumnDict]:
        """
        One dict per party: `session`, `party`, `party_name`, `side`, `answered`, `total`,
        `submitted`.
        """
    @property
    def counts(self, /) -> AlignmentCountsDict:
        """
        How many items have each status, and `resolved` and `open_critical`, as a dict.
        """
    @property
    def coverage(self, /) -> float:
        """
        The share of the weight every party answered, 0 to 1.
        """
    @property
    def findings(self, /) -> list[Finding]:
        """
        The findings, errors first.
        """
    @property
    def items(self, /) -> list[ItemAlignmentDict]:
        """
        One dict per item, critical divergences first: `item`, `text`, `status`, `score`,
        `critical`, `resolved`, `cells` (each party's answer), `resolution`, `source`, ...
        """
    def render(self, /, format: FormatName = "markdown", lang: Lang | None = None) -> str:
        """
        The side-by-side comparison as `"markdown"` or `"html"` in `lang`.
        """
    @property
    def score(self, /) -> float | None:
        """
        The weighted overall agreement from 0 to 1, None when there is nothing to compare.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The comparison's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
        `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
        (plain values; dates as ISO strings). What `checklist_frame` reads.
        """
    @property
    def template(self, /) -> str:
        """
        The template.
        """
    @property
    def template_version(self, /) -> int:
        """
        The template version compared against.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    def to_pandas(self, /, table: str = "checklist", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`checklist`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.checklist_frame(a)` gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "checklist", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
        """

@final
class ChecklistReadiness:
    """
    Where an agreement stands with its checklists: `ready` to sign as far as checklists go,
    each required checklist's progress, and the `findings`.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def agreement(self, /) -> str:
        """
        The agreement.
        """
    @property
    def findings(self, /) -> list[Finding]:
        """
        The findings, errors first.
        """
    @property
    def ready(self, /) -> bool:
        """
        Whether nothing about checklists blocks signing.
        """
    @property
    def requirements(self, /) -> list[RequirementProgressDict]:
        """
        Each required checklist with each party's progress, as dicts.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class ChecklistTemplate:
    """
    A checklist template: sections of items with stable ids, Danish and English text, an
    answer kind, a weight, a critical flag and a source. Read one with
    `ChecklistTemplate.from_toml(text)`, `.from_json(text)`, `.load(path)` or
    `checklist_template(id)`.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    def describe(self, /, lang: Lang | None = None) -> str:
        """
        The template written out as a form in Markdown, in `lang`.
        """
    @staticmethod
    def from_dict(data: Mapping[str, object]) -> ChecklistTemplate:
        """
        Reads a template from plain Python data shaped like the JSON file, and checks it.
        """
    @staticmethod
    def from_json(text: str) -> ChecklistTemplate:
        """
        Reads a template from JSON and checks it.
        """
    @staticmethod
    def from_toml(text: str) -> ChecklistTemplate:
        """
        Reads a template from TOML and checks it. Raises `ParseError` (with `path`, `line`,
        `column`), `UnsupportedVersionError` or `ValidationError` (with every finding).
        """
    @property
    def id(self, /) -> str:
        """
        Id, e.g. `"joint-expectations"`.
        """
    @property
    def item_count(self, /) -> int:
        """
        The number of items.
        """
    def items(self, /, lang: Lang = "da") -> list[ChecklistItemViewDict]:
        """
        The items as an app lists them, every text in `lang`: dicts with `section`,
        `section_title`, `item`, `text`, `guidance`, `kind`, `options` (`value`, `label`),
        `multiple`, `unit`, `min`, `max`, `critical`, `weight` and `source`.
        """
    @staticmethod
    def load(path: str | PathLike[str]) -> ChecklistTemplate:
        """
        Reads a template file (`.toml` or `.json`) and checks it.
        """
    @property
    def respondents(self, /) -> list[str]:
        """
        The sides meant to answer it: `"municipality"`, `"civil_society"`.
        """
    @property
    def sections(self, /) -> list[ChecklistSectionDict]:
        """
        The sections with their items, as dicts shaped like the file.
        """
    def title(self, /, lang: Lang) -> str:
        """
        The title in `lang`.
        """
    def to_dict(self, /) -> ChecklistTemplateDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    def to_json(self, /) -> str:
        """
        The template as JSON.
        """
    def to_toml(self, /) -> str:
        """
        The template as TOML.
        """
    def validate(self, /) -> list[Finding]:
        """
        Every problem with the template, errors first.
        """
    @property
    def version(self, /) -> int:
        """
        The template's own version.
        """

@final
class Department:
    """
    A department (forvaltning) of a municipality.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Department:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> DepartmentDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Directory:
    """
    The register of associations and their offers: from `d.directory.build()` or
    `directory_from_csv(...)`. `tables(lang)` are its DataFrames' tables (`directory`,
    `directory_offers`); `to_csv()` is the municipality's spreadsheet.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __len__(self, /) -> int: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Directory:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the register as HTML in `bb.options.lang`.
        """
    @property
    def associations(self, /) -> list[DirectoryAssociationDict]:
        """
        The associations, as dicts shaped like the core's `DirectoryAssociation`.
        """
    def hsds(self, /, lang: Lang = "da", include_internal: bool = False) -> list[JsonDict]:
        """
        This register as HSDS 3.0 organizations (plain dicts).
        """
    def hsds_json(self, /, lang: Lang = "da", include_internal: bool = False) -> str:
        """
        This register's HSDS export as JSON text.
        """
    def html(self, /, lang: Lang | None = None) -> str:
        """
        The register as an HTML fragment: each association with its offers, days and times.
        """
    def markdown(self, /, lang: Lang | None = None) -> str:
        """
        The register as Markdown.
        """
    def search(self, /, query: str | Mapping[str, object] | None = None) -> list[DirectoryHitDict]:
        """
        The associations matching `query` (free text, or a dict of filters), best first.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The presented tables (`directory`, `directory_offers`) as dicts with `name`, `title`,
        `columns` and `rows`, texts in `lang`.
        """
    def to_csv(self, /) -> str:
        """
        The register as the municipality's spreadsheet (`;`-separated CSV text).
        """
    def to_dict(self, /) -> DirectoryDict:
        """
        The register as plain Python data.
        """
    def to_pandas(self, /, table: str = "directory", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`directory` or `directory_offers`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.frame(d.tables(lang), "directory", lang)` gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "directory", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
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
        The readable summary in `bb.options.lang`, as Markdown that Jupyter shows line for line.
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
    @property
    def assessment(self, /) -> DossierAssessment:
        """
        Partnership health: assessments, the health summary and the report.
        """
    @property
    def calendar(self, /) -> DossierCalendar:
        """
        The partnership's calendar: `d.calendar.export(date(2017, 6, 30))`,
        `d.calendar.ics(date(2017, 6, 30), lang="en")`.
        """
    def check(self, /) -> list[Finding]:
        """
        The findings if there are no errors; raises `ValidationError` with all of them otherwise.
        """
    @property
    def checklists(self, /) -> DossierChecklists:
        """
        The dossier's expectation-alignment checklists: sessions, comparisons, requirements.
        """
    @property
    def cohorts(self, /) -> list[CohortDict]:
        """
        The cohorts of newcomer households, as dicts.
        """
    @property
    def directory(self, /) -> DossierDirectory:
        """
        The association directory: `d.directory.build()`, `d.directory.search("lektiecafé")`,
        `d.directory.hsds_json("da")`.
        """
    @staticmethod
    def example(name: str) -> Dossier:
        """
        A built-in example: `"aalborg"`, `"ikast-brande"` or `"horsens"`.
        """
    @staticmethod
    def from_dict(data: Mapping[str, object]) -> Dossier:
        """
        Reads a dossier from plain Python data shaped like the JSON file (as from `to_dict()`).
        """
    @staticmethod
    def from_json(json: str) -> Dossier:
        """
        Reads a dossier from JSON text. Raises `ParseError` or `UnsupportedVersionError`.
        """
    @staticmethod
    def from_sheets(title: str, *, start: date | str | None = None, newcomers: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None, offers: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None, organisations: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None, posts: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None, rules: str | PathLike[str] | None = None, id: str | None = None, ignore_unknown_columns: bool = False) -> Dossier:
        """
        A dossier from the partnership's own spreadsheets, as `brobygger new` builds it:
        `newcomers`, `offers`, `organisations` (the parties: the municipality and the
        organisations) and `posts`, each a path or a list of paths to CSV files (any encoding
        the importer reads) or `.xlsx` workbooks; `rules` a rule set file (TOML or JSON), so the
        cohort can be matched. The parties become a draft agreement with id
        `id` (made from the title when absent) starting on `start` (default today), the
        households one cohort. Raises `ValidationError` (code `import.invalid_csv`) with every
        problem of every sheet as a finding whose message starts with the file, line and column.
        """
    def handover(self, /, from_person: str, to_person: str, on: date | str, agreements: SupportsGetItem[int, str] | None = None) -> HandoverReport:
        """
        Moves every post `from_person` holds on `on` to `to_person`, all at once. Limit it to
        some agreements with `agreements=[...]`.
        """
    def holder_of(self, /, post: str, date: date | str) -> str | None:
        """
        The person holding `post` on `date`, if anyone. Raises `NotFoundError` for an unknown post.
        """
    @property
    def lifecycle(self, /) -> DossierLifecycle:
        """
        Agreements' status transitions, draft terms and amendments:
        `d.lifecycle.transition("aalborg-lbb", "signed", by, at)`.
        """
    @staticmethod
    def load(path: str | PathLike[str]) -> Dossier:
        """
        Reads a dossier from a JSON file.
        """
    @property
    def match_runs(self, /) -> list[MatchRun]:
        """
        The stored matching runs.
        """
    @property
    def matching(self, /) -> DossierMatching:
        """
        Cohorts' matching runs and introductions: `d.matching.match_cohort(...)`.
        """
    @property
    def meetings(self, /) -> DossierMeetings:
        """
        The meetings held and their minutes: agendas, decisions, action items.
        """
    @property
    def municipalities(self, /) -> list[Municipality]:
        """
        The municipalities.
        """
    @property
    def offers(self, /) -> list[OfferDict]:
        """
        The volunteer offers, as dicts.
        """
    @property
    def organisations(self, /) -> list[Organisation]:
        """
        The organisations.
        """
    @property
    def outcomes(self, /) -> DossierOutcomes:
        """
        Households' outcomes over time: `d.outcomes.record(...)`, `d.outcomes.cohort_view(...)`.
        """
    @property
    def people(self, /) -> list[Person]:
        """
        The people (staff and volunteers).
        """
    def place(self, /, id: str) -> PlaceDict | None:
        """
        The place (a housing area, a neighbourhood, a school district) with `id`, as a dict, or
        None.
        """
    @property
    def posts(self, /) -> list[Post]:
        """
        The posts with their holders over time.
        """
    def posts_held_by(self, /, person: str, date: date | str) -> list[Post]:
        """
        The posts `person` holds on `date`.
        """
    @property
    def privacy(self, /) -> DossierPrivacy:
        """
        The dossier's privacy records and rules: consents, proposals and releases, views,
        anonymisation, retention, safe tables.
        """
    @property
    def relationships(self, /) -> DossierRelationships:
        """
        Relationships over time: proposals, answers, starts, check-ins and ends:
        `d.relationships.propose(...)`.
        """
    @property
    def reminders(self, /) -> DossierReminders:
        """
        What is due or overdue: introductions, meetings, reviews, terms ending, briefings.
        """
    def roles(self, /, agreement: str) -> Roles:
        """
        The role split of `agreement`: `d.roles("aalborg-lbb").matrix()`. Raises
        `NotFoundError` for an unknown agreement.
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
    def summary(self, /, lang: Lang | None = None, as_of: date | str | None = None) -> str:
        """
        A readable summary in `lang` (`"da"` or `"en"`), with post holders as of `as_of`.
        """
    @property
    def surveys(self, /) -> DossierSurveys:
        """
        Evaluation survey rounds and their results.
        """
    @property
    def title(self, /) -> str:
        """
        The title.
        """
    def to_dict(self, /) -> DossierDict:
        """
        The dossier as plain Python data (dicts and lists).
        """
    def to_json(self, /) -> str:
        """
        The dossier as JSON text.
        """
    def validate(self, /) -> list[Finding]:
        """
        Every validation finding, errors first.
        """

@final
class DossierAssessment:
    """
    Partnership health (the core's `AssessmentFacet`): `d.assessment`. Shares the dossier.
    """
    def __repr__(self, /) -> str: ...
    def assess(self, /, agreement: str, as_of: date | str, external: Mapping[str, object] | None = None) -> Assessment:
        """
        Assesses an agreement as of a date. The role split and the checklists are always
        weighed; `external` maps a module name (`"matching"`, `"introductions"`, or `"roles"` /
        `"checklists"` to replace the library's own) to its findings. Raises `NotFoundError` or
        `InvalidInputError`.
        """
    def assess_all(self, /, as_of: date | str) -> list[Assessment]:
        """
        Assesses every agreement as of a date.
        """
    def compare_with_national(self, /, municipality: str, answers: Mapping[str, object] | None = None) -> list[JsonDict]:
        """
        `municipality` beside KL's 2015 figures: the dossier's own answers with `answers`
        (`{question: category}`) added, an answer given replacing the dossier's; rows as
        `brobygger.compare_with_national` gives them.
        """
    def health_summary(self, /, as_of: date | str, lang: Lang | None = None) -> str:
        """
        Every agreement's health as of a date, as readable text in `lang`: the assessment's
        scores, the role split and the checklists (what `brobygger demo` prints).
        """
    def national_answers(self, /, municipality: str) -> dict[str, str]:
        """
        What the dossier answers to KL's 2015 survey of the municipalities for `municipality`,
        as `{question: category}` (today `housing_placement`, from its housing organisations'
        placement cooperation). Raises `NotFoundError` for a municipality the dossier lacks.
        """
    def report(self, /, agreement: str, as_of: date | str, lang: Lang | None = None, external: Mapping[str, object] | None = None, sections: Sequence[Mapping[str, object]] | None = None) -> Report:
        """
        A report on one agreement in `lang`, with other modules' findings (`external`, as for
        `assess`). The role-split and checklist slots show the role matrix and the checklists
        side by side unless `sections` (a list of dicts, see `report_sections`) fill a slot
        instead. Raises the errors of `assess`, and `InvalidInputError` for bad sections.
        """
    def report_sections(self, /, agreement: str, as_of: date | str) -> list[ReportSectionDict]:
        """
        What a report shows in its role-split and checklist slots unless `sections` are given:
        a list of dicts shaped like `sections` (the role matrix as a heat map, the checklists
        side by side), to show elsewhere or to adapt and pass back to `report`.
        """

@final
class DossierCalendar:
    """
    A dossier's calendar (the core's `CalendarFacet`): `d.calendar.export(date(2017, 6, 30))`,
    `d.calendar.ics(date(2017, 6, 30), lang="en", audience="partnership")`.
    """
    def export(self, /, as_of: date | str, lang: Lang = "da", audience: str = "coordinator", horizon_days: SupportsIndex = ...) -> Calendar:
        """
        The calendar as of `as_of` in `lang` for `audience` (`"coordinator"`, `"partnership"`,
        `"public"`): fixed meetings as series with their notice, meetings held, activities on
        their schedules, dated tasks within `horizon_days` and (for coordinators) check-ins.
        """
    def ics(self, /, as_of: date | str, lang: Lang = "da", audience: str = "coordinator", horizon_days: SupportsIndex = ...) -> str:
        """
        The same calendar as iCalendar (RFC 5545) text, to save as a `.ics` file.
        """

@final
class DossierChecklists:
    """
    The checklists of one dossier (`dossier.checklists`): start and answer sessions, compare,
    resolve, require before signing, render. Changes go to the dossier; a failed change leaves
    it as it was.
    """
    def __repr__(self, /) -> str: ...
    def add_template(self, /, template: ChecklistTemplate) -> None:
        """
        Adds a template of the dossier's own.
        """
    def alignment(self, /, agreement: str, template: str) -> ChecklistAlignment:
        """
        The comparison of the parties' latest answers to `template` for `agreement`.
        """
    def alignments(self, /, agreement: str) -> list[ChecklistAlignment]:
        """
        The comparisons of every checklist answered for `agreement`.
        """
    def answer(self, /, session: str, answers: Sequence[Mapping[str, object]], by: str, at: datetime | str) -> None:
        """
        Records answers in an open session: a list of dicts `{"item": ..., "value": {"type":
        "yes_no", "value": "yes"}, "comment": ...}`. Raises `ValidationError` with every problem
        (paths `answers[i]...`); nothing is recorded then.
        """
    def readiness(self, /, agreement: str) -> ChecklistReadiness:
        """
        Progress on the required checklists and what blocks signing.
        """
    def remove_requirement(self, /, agreement: str, template: str) -> bool:
        """
        Drops a requirement; returns whether there was one.
        """
    def render_comparison(self, /, agreement: str, template: str, format: FormatName = "markdown", lang: Lang | None = None) -> str:
        """
        The side-by-side comparison as `"markdown"` or `"html"` in `lang`.
        """
    def require(self, /, agreement: str, template: str, parties: Sequence[Mapping[str, object]], min_version: SupportsIndex | None = None, note: str | None = None) -> None:
        """
        Requires `template` before `agreement` can be signed, answered by each of `parties`
        (dicts like `{"type": "organisation", "organisation": "DK-LOCAL-…"}`).
        """
    @property
    def requirements(self, /) -> list[ChecklistRequirementDict]:
        """
        The requirements, as dicts.
        """
    def resolve(self, /, agreement: str, template: str, item: str, by: str, at: datetime | str, note: str) -> None:
        """
        Records what the parties agreed on a diverging item.
        """
    def session(self, /, id: str) -> AnswerSession:
        """
        One session, to resume it. Raises `NotFoundError`.
        """
    def sessions(self, /, agreement: str) -> list[AnswerSession]:
        """
        The sessions of `agreement`, in the order started.
        """
    def start(self, /, agreement: str, party: str | Mapping[str, object], template: str, by: str, at: datetime | str, version: SupportsIndex | None = None, id: str | None = None) -> str:
        """
        Starts `party`'s answer session (party as a dict) and returns its id.
        """
    def submit(self, /, session: str, by: str, at: datetime | str) -> None:
        """
        Submits a session with every item answered; it is frozen afterwards.
        """
    def summary(self, /, lang: Lang | None = None) -> str:
        """
        Where each agreement stands with its checklists, as text in `lang` (empty without
        checklist data).
        """
    def template(self, /, id: str, version: SupportsIndex | None = None) -> ChecklistTemplate:
        """
        A template by id (the dossier's own first, then built-in), in `version` or the newest.
        """
    def to_dict(self, /) -> ChecklistsDict:
        """
        The dossier's own templates, requirements, sessions and resolutions, as a dict.
        """

@final
class DossierDirectory:
    """
    The association directory of a dossier (the core's `DirectoryFacet`): `d.directory.build()`,
    `d.directory.search("lektiecafé")`, `d.directory.hsds_json("da")`.
    """
    def build(self, /, as_of: date | str | None = None, listed_only: bool = False) -> Directory:
        """
        The register: every organisation but individuals, with its entry and offers. With
        `as_of`, contact posts are checked for a holder on that day; `listed_only` leaves out
        organisations without an entry of their own.
        """
    def hsds(self, /, lang: Lang = "da", include_internal: bool = False) -> list[JsonDict]:
        """
        The register as Open Referral HSDS 3.0 organizations (plain dicts); public entries only
        unless `include_internal`. No personal data.
        """
    def hsds_json(self, /, lang: Lang = "da", include_internal: bool = False) -> str:
        """
        The HSDS export as JSON text (a list of organizations), ready to publish.
        """
    def search(self, /, query: str | Mapping[str, object] | None = None, as_of: date | str | None = None, listed_only: bool = False) -> list[DirectoryHitDict]:
        """
        The associations matching `query` (free text, or a dict of filters), best first, each a
        dict `{"association", "score", "matched"}` with the offers narrowed to those that pass.
        """

@final
class DossierLifecycle:
    """
    An agreement's status transitions, draft terms and amendments (the core's `LifecycleFacet`):
    `d.lifecycle`. Shares the dossier; a change that fails leaves it as it was.
    """
    def amend(self, /, agreement: str, terms: Mapping[str, object], on: date | str, by: str, reason: str) -> int:
        """
        Amends a signed agreement: a new version with `terms` (a dict), recorded with date,
        person and reason. Returns the new version number.
        """
    def edit_terms(self, /, agreement: str, terms: Mapping[str, object]) -> None:
        """
        Replaces the terms of a draft or negotiating agreement with `terms` (a dict shaped like
        `AgreementTerms.to_dict()`).
        """
    def preview(self, /, agreement: str, to: str, at: datetime | str) -> list[Finding]:
        """
        The findings a status change would meet, without making it.
        """
    def transition(self, /, agreement: str, to: str, by: str, at: datetime | str, note: str | None = None, override_reason: str | None = None) -> StatusEvent:
        """
        Changes an agreement's status, recorded with who and when. Raises
        `InvalidTransitionError` (with the blocking findings), `NotFoundError` or
        `InvalidInputError`; the dossier is unchanged then. Pass `override_reason` to go ahead
        despite blocking findings; the reason is recorded.
        """

@final
class DossierMatching:
    """
    Cohorts' matching runs and introductions (the core's `MatchingFacet`): `d.matching`. Shares
    the dossier; a change that fails leaves it as it was.
    """
    def add_run(self, /, run: MatchRun) -> None:
        """
        Stores a run; raises if its id is taken or it refers to unknown records.
        """
    def cohort_view(self, /, cohort: str, on: date | str) -> CohortViewDict:
        """
        The evaluator's view of a cohort on `on`, as a dict.
        """
    def introduction_status(self, /, cohort: str, on: date | str) -> list[JsonDict]:
        """
        Every household's introduction status in a cohort on `on`, as dicts.
        """
    def introductions_due(self, /, cohort: str, on: date | str) -> list[Finding]:
        """
        The introductions due or overdue in a cohort on `on`, as findings citing 001.
        """
    def match_cohort(self, /, cohort: str, rule_set: str, as_of: date | str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", id: str | None = None, alternatives: SupportsIndex = 0, why_not: SupportsGetItem[int, tuple[str, str]] | None = None, progress: ProgressOption | None = None) -> MatchRun:
        """
        Matches a stored cohort with the dossier's offers under a stored rule set (not stored;
        see `add_run`). `alternatives=k` adds each household's `k` next-best offers with the
        score gap (`run.alternatives`); `why_not=[(newcomer, offer), ...]` asks why those pairs
        were not matched (`run.why_not`). Releases the GIL while solving.

        `progress` shows how far it is: a callable receives each `Progress` update, ``"auto"``
        shows a tqdm bar (when tqdm is installed and stderr is a terminal or a notebook),
        ``False`` shows nothing; by default ``bb.options.progress`` (off). Ctrl-C or an
        exception in the callback stops the work; nothing is changed.
        """
    def match_profiles(self, /, rules: RuleSet, newcomers: Sequence[Mapping[str, object]], offers: Sequence[Mapping[str, object]], as_of: date | str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", id: str | None = None, progress: ProgressOption | None = None) -> MatchRun:
        """
        Matches households and offers held outside the dossier (lists of dicts, e.g. read from
        spreadsheets) under the dossier's consents and bases, never the profiles' own consent
        columns (not stored; see `add_run`). Releases the GIL while solving.

        `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
        ``bb.options.progress``).
        """
    def record_introduction(self, /, cohort: str, newcomer: str, on: date | str, setting: IntroductionSetting = "follow_up_conversation", offers: SupportsGetItem[int, str] | None = None, by: str | None = None) -> None:
        """
        Records that a household was introduced to volunteer offers. `setting` is e.g.
        `"integration_contract_meeting"` or `"follow_up_conversation"`.
        """
    def rematch(self, /, rule_set: str, as_of: date | str, cohort: str | None = None, solver: Solver = "optimal", previous_partner: PreviousPartner = "exclude", allow_declined: bool = False, only_lost: bool = False, offer_ranking: OfferRanking = "score", id: str | None = None, alternatives: SupportsIndex = 0, progress: ProgressOption | None = None) -> MatchRun:
        """
        Matches the households that wait on `as_of` (those who lost a match and those never
        matched; only the former with `only_lost=True`) with the places relationships and
        proposals leave, through the consent gate; who comes first is the rule set's
        `waiting_time` and `lost_match` rules. `previous_partner` is `"exclude"` (the default),
        `"allow"` or `"prefer"`; `allow_declined` proposes pairs a side declined before;
        `cohort` limits it to one cohort (default: the whole programme). Not stored; see
        `add_run`. Releases the GIL while solving.

        `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
        ``bb.options.progress``).
        """
    @overload
    def volunteer_view(self, /, run: str, offer: str, lang: None = None) -> list[VolunteerMatchViewDict]: ...
    @overload
    def volunteer_view(self, /, run: str, offer: str, lang: Lang) -> list[VolunteerMatchTextDict]: ...
    @overload
    def volunteer_view(self, /, run: str, offer: str, lang: Lang | None = None) -> list[VolunteerMatchViewDict] | list[VolunteerMatchTextDict]:
        """
        The matches of `offer` in a stored run as its volunteer may see them; texts as
        `{da, en}`, or with `lang` the same keys with each text a string in that language.
        """
    def why_not(self, /, cohort: str, rule_set: str, as_of: date | str, newcomer: str, offer: str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", progress: ProgressOption | None = None) -> WhyNotDict:
        """
        Why `newcomer` and `offer` were not matched in the cohort's run on `as_of`, as a dict:
        `reason` (with `type`: `"not_in_run"`, `"hard_rules"`, `"declined_before"`,
        `"together"`, `"seats"`, `"no_free_place"`, `"outscored"`, ...) and `text` (`{da, en}`),
        naming rules, ids and points, never a profile's value.

        `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
        ``bb.options.progress``); Ctrl-C stops the work.
        """

@final
class DossierMeetings:
    """
    The meetings held and their minutes (the core's `MeetingsFacet`): `d.meetings`. Shares the
    dossier.
    """
    def minutes(self, /, as_of: date | str, agreement: str | None = None) -> Minutes:
        """
        The meetings held on or before `as_of` (of `agreement`, or of every agreement), oldest
        first, with their agenda, decisions and action items, each action item's state judged
        on `as_of`. Raises `NotFoundError` for an agreement the dossier does not hold.
        """

@final
class DossierOutcomes:
    """
    A dossier's outcome records (the core's `OutcomesFacet`): `d.outcomes.record(...)`,
    `d.outcomes.cohort_view("ikast-2016-q1", date(2017, 1, 1))`.
    """
    def cohort_view(self, /, cohort: str, as_of: date | str, min_cell: SupportsIndex | None = None) -> OutcomeView:
        """
        The cohort's outcomes on `as_of` by whether and how early its households were matched and
        introduced; every cell below `min_cell` households (the core's default when None) hidden.
        """
    def record(self, /, household: str, cohort: str, on: date | str, *, employment: str | None = None, self_supporting: bool | None = None, danish: str | None = None, network: str | None = None) -> None:
        """
        Records a household's outcomes on a day: `employment` (`"employed"`, `"in_education"`,
        `"internship"`, `"unemployed"`, `"outside_labour_market"`), `self_supporting`, `danish`
        (`"no_danish"`, `"a1"` ... `"c1"`), `network` (`"isolated"`, `"own_community"`, `"wider"`).
        Raises `InvalidInputError` (`outcome.no_basis`, `outcome.before_arrival`,
        `outcome.duplicate_record`) or `NotFoundError`; nothing changes then.
        """
    def records(self, /, household: str) -> list[OutcomeRecordDict]:
        """
        The household's records, oldest first, as dicts.
        """

@final
class DossierPrivacy:
    """
    The privacy records and rules of one dossier (`dossier.privacy`). Changes go to the dossier;
    a refused change raises and leaves it as it was.
    """
    def __repr__(self, /) -> str: ...
    def accept(self, /, proposal: str, side: ProposalSide, at: datetime | str, by: str | None = None) -> str:
        """
        Records that `side` (`"newcomer"` first, then `"volunteer"`) accepted; returns the state.
        """
    def add_basis(self, /, basis: Mapping[str, object]) -> None:
        """
        Adds a legal basis other than consent (a dict).
        """
    def add_consent(self, /, consent: Mapping[str, object]) -> None:
        """
        Adds a consent (a dict). Raises `ValidationError` with every finding if it is not valid.
        """
    def add_retention_policy(self, /, policy: Mapping[str, object]) -> None:
        """
        Adds a retention policy (a dict).
        """
    def analyst_export(self, /, cohort: str, on: date | str, run: str | None = None, min_cell: SupportsIndex | None = None) -> AnalystExportDict:
        """
        The standard tables about a cohort for analysts, with their manifest, as a dict.
        """
    def anonymise(self, /, scope: Mapping[str, object], on: date | str, min_area_households: SupportsIndex = 5, key: PseudonymKey | None = None, policy: str | None = None) -> AnonymisationReportDict:
        """
        Anonymises the records in `scope` (a dict: `{"type": "everyone"}`, `{"type": "cohort",
        "cohort": ...}`, `{"type": "newcomers", "newcomers": [...]}`, `{"type": "people",
        "people": [...]}`) in place, with cascade; returns the counts.
        """
    def anonymised(self, /, scope: Mapping[str, object], on: date | str, min_area_households: SupportsIndex = 5, key: PseudonymKey | None = None) -> tuple[Dossier, AnonymisationReportDict]:
        """
        An anonymised copy of the dossier (this one is unchanged) and the counts.
        """
    def apply_retention(self, /, on: date | str) -> RetentionOutcomeDict:
        """
        Deletes and anonymises everything due on `on`; returns what was done, as a dict.
        """
    @property
    def bases(self, /) -> list[ProcessingBasisDict]:
        """
        The other legal bases as dicts.
        """
    @property
    def consents(self, /) -> list[ConsentRecordDict]:
        """
        The consents as dicts.
        """
    def covering_basis(self, /, subject_key: str, purpose_name: Purpose, on: date | str, attribute: str | None = None) -> JsonDict | None:
        """
        The consent or basis covering `subject` (`newcomer:<id>`, `person:<id>`, `offer:<id>`)
        for `purpose` (and `attribute`) on `on`, as a dict, or None. An unknown purpose raises
        `InvalidInputError` (`privacy.unknown_purpose`).
        """
    def decline(self, /, proposal: str, side: ProposalSide, at: datetime | str, by: str | None = None) -> str:
        """
        Records that `side` declined; returns the state.
        """
    def expire(self, /, on: date | str) -> list[str]:
        """
        Closes the proposals that lapsed unanswered by `on`; returns their ids.
        """
    def export_dpv(self, /, as_of: date | str) -> str:
        """
        The consents and other legal bases as W3C DPV consent records after ISO/IEC TS 27560
        (JSON-LD text), each consent's status as of `as_of`; subjects by pseudonymous key only.
        """
    def import_dpv(self, /, text: str) -> ConsentRecordsDict:
        """
        Adds the consents and bases of a DPV document (``export_dpv``'s JSON-LD text), all or
        nothing; returns what was added (a dict: ``consents``, ``bases``). Raises
        `ValidationError` when one is not valid here (an id taken), `ParseError`,
        `UnsupportedVersionError` or `InvalidInputError` (codes ``privacy.dpv_*``) for a bad
        document.
        """
    def manifest(self, /, start: date | str | None = None, until: date | str | None = None) -> list[ManifestEntryDict]:
        """
        Every recorded release from `start` up to (not including) `until`: a list of dicts with
        `at`, `subject`, `recipient`, `fields`, `purpose`, `basis`, `reason`.
        """
    def manifest_markdown(self, /, lang_code: str = "da", start: date | str | None = None, until: date | str | None = None) -> str:
        """
        The manifest as a Markdown table in `lang`.
        """
    def proposal_state(self, /, proposal: str, at: datetime | str | None = None) -> str:
        """
        A proposal's state, now or at `at`.
        """
    @property
    def proposals(self, /) -> list[MatchProposalDict]:
        """
        The match proposals and their history as dicts.
        """
    def propose(self, /, newcomer: str, offer: str, at: datetime | str, expires_on: date | str | None = None, run: str | None = None, id: str | None = None, by: str | None = None) -> str:
        """
        Proposes a match; returns the proposal's id.
        """
    def propose_run(self, /, run: str, at: datetime | str, expires_on: date | str | None = None, by: str | None = None) -> list[str]:
        """
        Proposes every match of a stored run, all or nothing; returns the new ids.
        """
    def release(self, /, proposal: str, at: datetime | str, to_volunteer: SupportsGetItem[int, str] = ..., to_household: SupportsGetItem[int, str] = ..., by: str | None = None) -> list[DisclosureDict]:
        """
        Releases contact details after both sides accepted: the household's `to_volunteer`
        fields and the volunteer's `to_household` fields (`"name"`, `"phone"`, `"email"`,
        `"address"`). Returns the recorded disclosures as dicts.
        """
    @property
    def retention_policies(self, /) -> list[RetentionPolicyDict]:
        """
        The retention policies as dicts.
        """
    def retention_report(self, /, on: date | str) -> RetentionReportDict:
        """
        What the retention policies make due on `on` (`items`, `findings`), as a dict.
        """
    def review(self, /, on: date | str, warn_days: SupportsIndex | None = None) -> list[Finding]:
        """
        The privacy review on `on`: households without a basis for matching, sensitive data
        nothing covers, consents lapsing within `warn_days`, lapsed proposals, retention due.
        """
    def safe_survey_results(self, /, survey: str, min_cell: SupportsIndex | None = None) -> list[SafeShareDict]:
        """
        A survey round's shares with groups under `min_cell` respondents hidden (and the ones
        that would reveal them), as dicts.
        """
    def safe_table(self, /, cohort: str, by: Sequence[AggregateDimension], on: date | str, run: str | None = None, min_cell: SupportsIndex | None = None) -> SafeTableDict:
        """
        One table of household counts by one or two dimensions (`"arrival_quarter"`, `"area"`,
        `"need"`, `"language"`, `"household_size"`, `"children"`, `"match_outcome"`,
        `"offer_kind"`, `"introduction_state"`), cells under `min_cell` suppressed.
        """
    def to_dict(self, /) -> PrivacyDict:
        """
        Every privacy record as a dict (`consents`, `bases`, `proposals`, `retention`,
        `anonymisations`).
        """
    def view_newcomer(self, /, newcomer: str, viewer_key: str, on: date | str, key: PseudonymKey | None = None) -> NewcomerViewDict:
        """
        A household as `viewer` (`"municipal_caseworker"`, `"coordinator"`, `"analyst"` or
        `"volunteer:<offer id>"`) may see it on `on`, as a dict (`newcomer`, `fields`,
        `withheld`). Analysts get `key`'s pseudonym as the id.
        """
    def view_offer(self, /, offer: str, viewer_key: str, on: date | str) -> OfferViewDict:
        """
        An offer as `viewer` may see it on `on`, as a dict.
        """
    def view_proposal(self, /, proposal: str, viewer_key: str, on: date | str, key: PseudonymKey | None = None) -> MatchViewDict:
        """
        A proposal as `viewer` may see it on `on`, as a dict (`state`, `score`, `explanation`,
        `shared`, `released`, `fields`).
        """
    def withdraw_consent(self, /, consent: str, on: date | str) -> WithdrawalReportDict:
        """
        Withdraws a consent from `on`; returns what depended on it (`closed_proposals`,
        `dependent_runs`, `findings` as dicts).
        """
    def withdraw_proposal(self, /, proposal: str, at: datetime | str, by: str | None = None) -> str:
        """
        Withdraws an open proposal; returns the state.
        """

@final
class DossierRelationships:
    """
    Relationships over time (the core's `RelationshipsFacet`): `d.relationships`. A match from
    its proposal to its end, as dated events; every change is checked first and a refused one
    (ending a relationship that never started, starting a declined one) raises and changes
    nothing. Records are plain dicts shaped like the JSON file.
    """
    def all(self, /) -> list[RelationshipDict]:
        """
        Every relationship, in the dossier's order, as dicts.
        """
    def end(self, /, id: str, on: date | str, reason: str, by: str | None = None, rematch: bool | None = None) -> str:
        """
        Ends a running relationship on `on` with `reason` (`"moved_away"`, `"did_not_click"`,
        `"volunteer_stopped"`, `"household_stopped"`, `"goal_reached"`, `"consent_withdrawn"`
        or `"other"`) and returns the new state. Whether the household waits for a new match
        follows the reason unless `rematch` says.
        """
    def get(self, /, id: str) -> RelationshipDict | None:
        """
        The relationship with `id` as a dict, or None.
        """
    def of_household(self, /, newcomer: str) -> list[RelationshipDict]:
        """
        The relationships of a household, oldest first, as dicts.
        """
    def offer_loads(self, /, on: date | str) -> list[JsonDict]:
        """
        What relationships and open proposals hold of every offer on `on`, and what is free,
        as dicts: `offer`, `capacity`, `places_taken`, `held`, `free`, `running`.
        """
    def propose(self, /, newcomer: str, offer: str, on: date | str, rule_set: str | None = None, run: str | None = None, proposal: str | None = None, replaces: str | None = None, id: str | None = None, allow_declined: bool = False) -> str:
        """
        Proposes `newcomer` with `offer` on `on` and returns the relationship's id. Raises (and
        nothing changes) for an unknown household, offer, rule set or run, a household no
        consent or basis allows matching, a pair together now or before, a pair declined before
        (unless `allow_declined`), a household held elsewhere, or an offer without room.
        """
    def propose_run(self, /, run: str, on: date | str) -> list[str]:
        """
        Proposes every match of a stored run on `on`, all or nothing, and returns the new ids; a
        household that lost a match gets a relationship that replaces the lost one.
        """
    def record(self, /, id: str, on: date | str, event: str, side: str | None = None, outcome: str | None = None, by: str | None = None) -> str:
        """
        Records an event and returns the new state (`"accepted"`, `"started"`, `"active"`, ...).
        `event` is `"accepted"` or `"declined"` (with `side`: `"household"` or `"volunteer"`),
        `"withdrawn"`, `"started"` or `"check_in"` (with `outcome`: `"going"`,
        `"needs_support"` or `"not_meeting"`); end a relationship with `end`. Raises for a step
        that does not follow from the state or a date before the last event.
        """

@final
class DossierReminders:
    """
    What is due or overdue (the core's `RemindersFacet`): `d.reminders`. Shares the dossier.
    """
    def due(self, /, as_of: date | str, horizon_days: SupportsIndex = ...) -> list[JsonDict]:
        """
        What is due or overdue on `as_of` or within `horizon_days` after it: introductions,
        meetings to convene, reviews, the end of terms, committee briefings; overdue first. A
        list of dicts (`kind`, `state`, `due_on`, `days_overdue`, `agreement`, `cohort`,
        `subject`, `path`, `text`, `source`).
        """

@final
class DossierSurveys:
    """
    Evaluation survey rounds (the core's `SurveysFacet`): `d.surveys`. Shares the dossier; a
    change that fails leaves it as it was.
    """
    def __repr__(self, /) -> str: ...
    def add(self, /, round: Mapping[str, object]) -> None:
        """
        Adds a survey round (a dict shaped like the file). Raises `ValidationError` with every
        problem, or `InvalidInputError`; nothing changes then.
        """
    def compare(self, /, before: str, after: str) -> list[ShareChangeDict]:
        """
        The change of every share from round `before` to round `after`, as dicts with
        `before`, `after`, `change`, `interval` (Newcombe) and `significant`.
        """
    def record_answers(self, /, survey: str, group: str, answers: Mapping[str, object]) -> None:
        """
        Adds one respondent of the round's shape's group `group` (`"municipality"` in KL's
        shape) to a round's counts: `answers` maps each question id to a category of its scale.
        All or nothing; raises `InvalidInputError` for a group, question or category the shape
        lacks.
        """
    def record_response(self, /, survey: str, group: str, answers: Mapping[str, object]) -> None:
        """
        Adds one respondent's answers (`{question_id: "agree", ...}`) to a round's counts for
        `group` (`"volunteer"`, `"municipal_staff"`, `"newcomer"`), all or nothing.
        """
    def results(self, /, survey: str) -> list[ShareEstimateDict]:
        """
        Every share of a round as dicts: `question`, `group` (None for everyone), `positive`,
        `respondents`, `share`, `interval` (`{"low", "high"}`), `reference` (the LBB figure).
        """
    def round(self, /, survey: str) -> SurveyRoundDict | None:
        """
        The survey round `survey` as a dict, or None.
        """
    def rounds(self, /, agreement: str) -> list[SurveyRoundDict]:
        """
        The rounds about `agreement`, oldest first, as dicts.
        """
    def share_changes(self, /, before: str, after: str) -> list[GroupShareChangeDict]:
        """
        The change of every share from round `before` to round `after` by the shape's groups,
        as dicts with `before`, `after`, `change`, `interval` (Newcombe) and `significant`.
        """
    def shares(self, /, survey: str, min_cell: SupportsIndex = 5) -> list[GroupShareDict]:
        """
        Every share of a round of any shape as dicts: `question`, `group` (the shape's group id;
        None for everyone), `respondents`, `positive`, `share`, `interval`, `reference` (the
        shape's published figure), `suppression` (why hidden: groups under `min_cell` answers).
        """
    def to_dict(self, /) -> list[SurveyRoundDict]:
        """
        Every survey round as dicts, shaped like the file.
        """
    def view(self, /, survey: str, before: str | None = None, min_cell: SupportsIndex | None = None) -> SurveyView:
        """
        The round `survey` as `brobygger survey` shows it: its shares by the shape's groups with
        Wilson intervals, none under `min_cell` respondents shown (the core's default, 5, when
        None), and the changes since `before` (default: the latest earlier round about the same
        agreement), only for groups shown in both rounds. Raises `NotFoundError` for an unknown
        round.
        """

@final
class Duty:
    """
    One thing a party does: `task` and the party's `assignment` on it.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def assignment(self, /) -> Assignment:
        """
        The party's assignment on it.
        """
    @property
    def task(self, /) -> RoleTask:
        """
        The task.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Finding:
    """
    A problem or observation: `code`, `severity`, `path`, messages in Danish and English,
    and the source document behind the rule.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Finding:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def message(self, /, lang: Lang) -> str:
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
    def render(self, /, lang: Lang) -> str:
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
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class HandoverReport:
    """
    What a handover did.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> HandoverReport:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> JsonDict:
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
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> MatchRun:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the run as HTML in `bb.options.lang`.
        """
    @property
    def alternatives(self, /) -> list[AlternativesDict]:
        """
        Each household's next best offers, when asked (`alternatives=k`), as dicts: `newcomer`,
        `matched` (its offer or None) and `offers` (each `offer`, `score`, `gap`, `full`).
        """
    @property
    def as_of(self, /) -> date:
        """
        The day of the run.
        """
    @staticmethod
    def from_dict(data: Mapping[str, object]) -> MatchRun:
        """
        Reads a run from plain Python data (as from `to_dict()`).
        """
    def html(self, /, lang: Lang | None = None) -> str:
        """
        The run as an HTML fragment in `lang`: headline figures, proposed matches with scores,
        the unmatched with the deciding constraint and reasons, and unmet demand. Pseudonymous
        ids only.
        """
    @property
    def id(self, /) -> str:
        """
        The run's id.
        """
    @property
    def matches(self, /) -> list[MatchDict]:
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
    def sensitive_uses(self, /) -> list[SensitiveUseDict]:
        """
        The sensitive attributes used and the consent or basis for each, as dicts.
        """
    @property
    def solver(self, /) -> str:
        """
        The solver, e.g. `"optimal"`.
        """
    @property
    def statistics(self, /) -> MatchStatisticsDict:
        """
        Counts, scores and waiting times as a dict.
        """
    @property
    def structure(self, /) -> StructureReportDict | None:
        """
        How seats and quotas were met and what the quotas cost, as a dict; None when no offer
        has seats and the rule set has no quotas.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The run's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
        `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
        (plain values; dates as ISO strings). What `matches_frame` and the other frames read.
        """
    def to_dict(self, /) -> MatchRunDict:
        """
        The run as plain Python data.
        """
    def to_pandas(self, /, table: str = "matches", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`matches`, `match_rules`, `unmatched`, `unmet_demand`, `alternatives` or `why_not`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.matches_frame(run)` and the other match frames gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "matches", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
        """
    @property
    def unmatched(self, /) -> list[UnmatchedDict]:
        """
        The unmatched households as dicts: `newcomer`, `waiting_days`, `binding`, `reasons`.
        """
    @property
    def unmet_demand(self, /) -> list[DemandGapDict]:
        """
        Needs and languages the offers cannot cover.
        """
    @property
    def unused_offers(self, /) -> list[UnusedOfferDict]:
        """
        Offers with free places that got no household.
        """
    @property
    def waiting_again(self, /) -> list[str]:
        """
        The households in the run that lost a match and wait for a new one (a rematch).
        """
    @property
    def why_not(self, /) -> list[WhyNotDict]:
        """
        Answers to the why-not questions asked, as dicts: `newcomer`, `offer`, `reason` (a dict
        with `type`, e.g. `"hard_rules"` or `"outscored"`) and `text` (`{da, en}`).
        """
    @property
    def withheld(self, /) -> list[WithheldAttributeDict]:
        """
        Sensitive attributes withheld for a household or offer (no consent or basis on the
        day), and subjects left out, as dicts: `subject`, `attribute`, `rules`, `text`.
        """

@final
class Minutes:
    """
    Meetings held up to a day with their minutes.
    """
    def _repr_markdown_(self, /) -> str:
        """
        The Markdown minutes in `bb.options.lang`, for Jupyter.
        """
    def action_items(self, /) -> list[ActionItemStateDict]:
        """
        Every action item, meeting by meeting, as dicts.
        """
    @property
    def as_of(self, /) -> date:
        """
        The day the action items are judged on.
        """
    @property
    def meetings(self, /) -> list[MeetingMinutesDict]:
        """
        The meetings, oldest first, as dicts: `agreement`, `forum`, `forum_name`, `held_on`,
        `agenda`, `decisions`, `action_items` (each `what`, `owner`, `owner_name`, `due`,
        `status`, `closed_on`, `overdue`, `days_overdue`, `path`) and `path`.
        """
    def overdue_only(self, /) -> Minutes:
        """
        Only the overdue action items, under the meetings that agreed them.
        """
    def render(self, /, format: FormatName = "markdown", lang: Lang | None = None) -> str:
        """
        The minutes as `"text"`, `"markdown"` or `"html"` in `lang`.
        """

@final
class Municipality:
    """
    A municipality with its departments.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Municipality:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> MunicipalityDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Organisation:
    """
    A civil-society organisation.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Organisation:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def kind_label(self, /, lang: Lang) -> str:
        """
        The kind's label in `lang`.
        """
    @property
    def name(self, /) -> str:
        """
        Name.
        """
    @property
    def profile(self, /) -> OrganisationProfileDict | None:
        """
        The profile (purpose, activities, members, ...) as a dict.
        """
    def to_dict(self, /) -> OrganisationDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class OutcomeView:
    """
    A cohort's outcomes, aggregated: never a household on its own.
    """
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> OutcomeView:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the view as HTML in `bb.options.lang`.
        """
    @property
    def cells(self, /) -> list[OutcomeCellDict]:
        """
        The cells as dicts (`grouping`, `timing`, `measure`, `households`, `with_outcome`,
        `share`, `suppression`).
        """
    @property
    def left_out_without_basis(self, /) -> int:
        """
        Records left out because no basis covered their household on the day.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The `outcomes` table as a dict (`name`, `title`, `columns`, `rows`), texts in `lang`.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The view as plain Python data.
        """
    def to_pandas(self, /, table: str = "outcomes", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`outcomes`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.frame(view.tables(lang), "outcomes", lang)` gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "outcomes", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
        """

@final
class Person:
    """
    A person acting in a partnership. `repr()` shows the id only.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Person:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> PersonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Post:
    """
    A post and who held it when.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Post:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
    @property
    def agreement(self, /) -> str | None:
        """
        The agreement it belongs to, if any.
        """
    def holder_on(self, /, date: date | str) -> str | None:
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
    def party(self, /) -> PartyRefDict:
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
    def to_dict(self, /) -> PostDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """

@final
class Profiles:
    """
    Newcomer households and offers read once, in bulk, ready to be matched under any rule set.

    Make one with `brobygger.profiles(newcomers, offers)` from DataFrames, dicts of columns or
    lists of dicts, with `Profiles.from_tables(...)`, or with
    `Profiles.from_json(newcomers_json, offers_json)`. Reading JSON and matching release the
    GIL.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: both sides in their serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Profiles:
        """
        Unpickling: the profiles from the state `__reduce__` gave.
        """
    @staticmethod
    def from_json(newcomers: Sequence[Mapping[str, object]], offers: Sequence[Mapping[str, object]]) -> Profiles:
        """
        Reads both sides from JSON tables: a list of records, an object of columns, or
        `{"columns": [...], "data": [[...], ...]}` (pandas `orient="split"`), with the column
        names of the CSV files (flat `lat`/`lon`, `adults`/`children_ages`); `null` cells are
        absent fields. Raises `ParseError` or `InvalidInputError` naming the row and field.
        """
    @staticmethod
    def from_tables(newcomers: Sequence[Mapping[str, object]] | object, offers: Sequence[Mapping[str, object]] | object) -> Profiles:
        """
        Reads both sides straight from Python objects: each a dict of equal-length column
        lists (`{"id": [...], "arrival": [...], "lat": [...], "lon": [...]}`, the column names
        of the CSV files, or a nested `location` column) or a list of dicts with the field names
        of the file format; `None` is an absent field.
        Raises `InvalidInputError` naming the row and field (`newcomers[3].needs[0]`).
        """
    @property
    def newcomer_count(self, /) -> int:
        """
        Number of newcomer households.
        """
    @property
    def offer_count(self, /) -> int:
        """
        Number of offers.
        """
    def run(self, /, rules: RuleSet, as_of: date | str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", id: str | None = None, bases: Sequence[Mapping[str, object]] | None = None, progress: ProgressOption | None = None) -> MatchRun:
        """
        Matches the households with the offers under `rules`, like `match_profiles` (the same
        consent gate: the profiles' own consent and basis columns, and `bases`). The GIL is
        released for the whole run. `progress`: as in `match_profiles` (a callable, ``"auto"``
        or ``False``; by default ``bb.options.progress``); Ctrl-C stops the work.
        """

@final
class Progress:
    """
    How far a long call is: `done` of `total` units of `stage` (``"candidates"``, ``"solve"``,
    ``"explain"``, ``"simulate"``, ``"import"``, ``"verify"``). A progress callback receives
    one per update, monotone within a stage, the last of a stage with `done == total`.
    """
    def __repr__(self, /) -> str: ...
    @property
    def done(self, /) -> int:
        """
        Units done, from 0 to `total`.
        """
    def label(self, /, lang: Lang | None = None) -> str:
        """
        The stage in words, in `lang` or the display language (``bb.options.lang``):
        ``"matcher"`` / ``"matching"``.
        """
    @property
    def stage(self, /) -> ProgressStage:
        """
        The part of the work: ``"candidates"``, ``"solve"``, ``"explain"``, ``"simulate"``,
        ``"import"`` or ``"verify"``.
        """
    @property
    def total(self, /) -> int:
        """
        Units in the stage.
        """

@final
class PseudonymKey:
    """
    A secret key for one pseudonymisation domain. Pseudonyms are HMAC-SHA256 of an opaque id
    under the key; the key is never shown by `repr`, errors or logs.

    Make one with `PseudonymKey.generate(domain)` or `PseudonymKey.from_hex(domain, hex)`.
    """
    def __repr__(self, /) -> str: ...
    @property
    def domain(self, /) -> str:
        """
        The domain.
        """
    def export_secret_hex(self, /) -> str:
        """
        The key as hex, for a secrets manager. Never log it.
        """
    @staticmethod
    def from_hex(domain: str, hex: str) -> PseudonymKey:
        """
        A key for `domain` from hex (at least 64 hex digits).
        """
    @staticmethod
    def generate(domain: str) -> PseudonymKey:
        """
        A fresh random key for `domain`.
        """
    def pseudonym(self, /, kind: str, id: str) -> str:
        """
        The pseudonym of an opaque id of a kind (`newcomer`, `person`, `offer`, ...). A national
        id number or a name raises `InvalidInputError` (`privacy.not_an_opaque_id`).
        """
    def pseudonym_of(self, /, subject_key: str) -> str:
        """
        The pseudonym of a subject given as `newcomer:<id>`, `person:<id>` or `offer:<id>`.
        """

@final
class Report:
    """
    A report on one agreement to share, in one language; render it as Markdown or HTML, or
    save it. Shows as HTML in Jupyter.
    """
    def __repr__(self, /) -> str: ...
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the report as an HTML fragment with scoped styles.
        """
    def html(self, /) -> str:
        """
        The report as a complete, self-contained HTML document.
        """
    @property
    def lang(self, /) -> str:
        """
        The language, `"da"` or `"en"`.
        """
    def markdown(self, /) -> str:
        """
        The report as Markdown.
        """
    def render_as(self, /, format: FormatName) -> str:
        """
        The report in `format`: `"md"`, `"html"` or `"html_fragment"`.
        """
    def save(self, /, path: str | PathLike[str], format: FormatName) -> None:
        """
        Writes the report to `path` in `format` (`"md"` or `"html"`).
        """

@final
class RoleDiff:
    """
    What changed in a split between two versions.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def added(self, /) -> list[Assignment]:
        """
        Cells only in the newer version.
        """
    @property
    def changed(self, /) -> list[tuple[Assignment, Assignment]]:
        """
        Cells in both whose carrier, hours or note changed, as `(before, after)` pairs.
        """
    @property
    def from_version(self, /) -> int:
        """
        The older version.
        """
    def is_empty(self, /) -> bool:
        """
        Whether the versions split the roles identically.
        """
    @property
    def removed(self, /) -> list[Assignment]:
        """
        Cells only in the older version.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def to_version(self, /) -> int:
        """
        The newer version.
        """

@final
class RoleMatrix:
    """
    The responsibility matrix of one version of an agreement, with its findings. Render it
    with `markdown(lang)` or `html(lang)`; `to_dict()` gives rows and cells as plain data.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    def _repr_html_(self, /) -> str:
        """
        Jupyter shows the matrix as HTML in `bb.options.lang`, its styles scoped to it.
        """
    @property
    def agreement(self, /) -> str:
        """
        The agreement's id.
        """
    def finding_words(self, /, lang: Lang = "da") -> list[str]:
        """
        Where each finding is, in words in `lang`, one for each of `findings` and in its
        order ("the coordination time of Røde Kors Ikast, agreement version 1").
        """
    @property
    def findings(self, /) -> list[Finding]:
        """
        The analysis findings, errors first.
        """
    def html(self, /, lang: Lang | None = None) -> str:
        """
        The matrix as a self-contained HTML page, in `lang`.
        """
    def markdown(self, /, lang: Lang | None = None) -> str:
        """
        The matrix as a Markdown table with legend and findings, in `lang`.
        """
    @property
    def party_keys(self, /) -> list[str]:
        """
        The parties' keys, in column order.
        """
    @property
    def party_names(self, /) -> list[str]:
        """
        The parties' display names, in column order.
        """
    def roles_of(self, /, task_key: str, party_key: str) -> list[str] | None:
        """
        The roles a party holds on a task (keys), or None if either is not in the matrix.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The matrix's tables in `lang` (`"da"` or `"en"`): the `role_matrix` table in long form as a
        plain dict (`name`, `title`, `columns`, `rows`), what `role_matrix_frame` reads.
        """
    @property
    def tasks(self, /) -> list[RoleTask]:
        """
        The tasks, in row order.
        """
    def to_dict(self, /) -> RoleMatrixDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    def to_pandas(self, /, table: str = "role_matrix", lang: Lang | None = None) -> pandas.DataFrame:
        """
        The table `table` (`role_matrix`) as a pandas DataFrame with one dtype per column, texts in
        `lang` (default `bb.options.lang`): what `bb.role_matrix_frame(m)` gives. Needs pandas
        (`pip install 'brobygger[pandas]'`).
        """
    def to_polars(self, /, table: str = "role_matrix", lang: Lang | None = None) -> polars.DataFrame:
        """
        The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
        polars type per column). Needs polars (`pip install polars`).
        """
    @property
    def version(self, /) -> int:
        """
        The version shown.
        """

@final
class RoleTask:
    """
    A task of a split: its key, name in Danish and English, and whether it is a statutory
    municipal duty.
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def citation(self, /) -> str | None:
        """
        A citation of the source that describes the task, e.g. `001 "Ressourcer"`.
        """
    @property
    def key(self, /) -> str:
        """
        The key: `"integration_contract"`, `"activity:act-homework"`, `"custom:t-plan"`.
        """
    def name(self, /, lang: Lang) -> str:
        """
        The name in `lang` (`"da"` or `"en"`).
        """
    @property
    def statutory(self, /) -> bool:
        """
        Whether it is a statutory municipal duty.
        """
    @property
    def task(self, /) -> JsonDict:
        """
        The reference as a dict (`{"type": "catalogue", "id": ...}`).
        """
    def to_dict(self, /) -> JsonDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def typical_department(self, /) -> str | None:
        """
        The kind of department that usually holds it, e.g. `"jobcentre"`.
        """

@final
class Roles:
    """
    Who does what under one agreement of a dossier: questions, changes and reports.

    `Roles(dossier, "aalborg-lbb")` works on the live dossier: changes (`assign`, `unassign`,
    `change`, `amend`) apply to it all or nothing, and raise with a clear error otherwise.
    Read methods take `version=None` (the version in force) and `as_of=None` (post holders from
    their open tenures).
    """
    def __new__(cls, /, dossier: Dossier, agreement: str) -> Roles:
        """
        The roles of `agreement` in `dossier`. Raises `NotFoundError` for an unknown agreement.
        """
    def __repr__(self, /) -> str: ...
    def _repr_html_(self, /) -> str:
        """
        Jupyter shows the split in force as its responsibility matrix (HTML, `bb.options.lang`): tasks,
        parties by name or post, roles and the analysis findings.
        """
    @property
    def agreement(self, /) -> str:
        """
        The agreement's id.
        """
    def amend(self, /, changes: Sequence[Mapping[str, object]], on: date | str, by: str, reason: str) -> int:
        """
        Amends a signed, active or under-review agreement with changes to its split: a new
        version recorded with `on`, `by` and `reason`. Returns the new version number.
        """
    def analyse(self, /, version: SupportsIndex | None = None, as_of: date | str | None = None) -> list[Finding]:
        """
        Every finding about the split, errors first (codes `roles.*`).
        """
    def assign(self, /, task: str | Mapping[str, object], party: str | Mapping[str, object], role: str, post: str | None = None, person: str | None = None, hours_per_month: SupportsFloat | SupportsIndex | None = None, note: str | None = None) -> None:
        """
        Gives `party` the `role` on `task` (draft or negotiating agreements), carried by `post`
        or `person` if given. Raises `NotFoundError` (task, party, post, person) or
        `InvalidInputError` (a second accountable, a party outside the agreement, ...); nothing
        changes then.
        """
    def assignments(self, /, version: SupportsIndex | None = None) -> list[Assignment]:
        """
        The assignments of the split.
        """
    def carriers(self, /, task: str | Mapping[str, object], version: SupportsIndex | None = None, as_of: date | str | None = None) -> list[Carrying]:
        """
        Who carries a task: each party's role with its post and the person holding it on
        `as_of`. `task` is a key or a dict.
        """
    def change(self, /, changes: Sequence[Mapping[str, object]]) -> None:
        """
        Applies a list of changes (dicts such as `{"type": "assign", "assignment": {...}}`,
        `{"type": "unassign", "task": ..., "party": ..., "role": ...}`, `define_task`,
        `remove_task`) in order, all or nothing. Errors name the change: `changes[1].assignment.party`.
        """
    def describe_diff(self, /, from_version: SupportsIndex, to_version: SupportsIndex, lang: Lang | None = None) -> str:
        """
        The change between two versions as a readable Markdown list in `lang`.
        """
    def diff(self, /, from_version: SupportsIndex, to_version: SupportsIndex) -> RoleDiff:
        """
        What changed in the split from `from_version` to `to_version`.
        """
    def duties(self, /, party: str | Mapping[str, object], version: SupportsIndex | None = None) -> list[Duty]:
        """
        What a party does: every task it holds a role on (a whole municipality includes its
        departments). `party` is a key or a dict.
        """
    def matrix(self, /, version: SupportsIndex | None = None, as_of: date | str | None = None, all_catalogue: bool = False) -> RoleMatrix:
        """
        The responsibility matrix with its findings.
        """
    def split(self, /, version: SupportsIndex | None = None) -> RoleSplitDict | None:
        """
        The split as plain data (`{"tasks": [...], "assignments": [...]}`), as in the file.
        """
    def tasks(self, /, version: SupportsIndex | None = None, all_catalogue: bool = False) -> list[RoleTask]:
        """
        The tasks in matrix order: catalogue tasks in use (all of them with
        `all_catalogue=True`), the activities, then custom tasks.
        """
    def unassign(self, /, task: str | Mapping[str, object], party: str | Mapping[str, object], role: str) -> Assignment:
        """
        Takes `role` on `task` away from `party` (draft or negotiating agreements) and returns
        the removed assignment. Raises `NotFoundError` if the party does not hold it.
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
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the rule set's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> RuleSet:
        """
        Unpickling: the rule set from the state `__reduce__` gave.
        """
    def check(self, /) -> list[Finding]:
        """
        The warnings if there are no errors; raises `ValidationError` with every finding
        otherwise.
        """
    @staticmethod
    def from_dict(data: Mapping[str, object]) -> RuleSet:
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
    def rules(self, /) -> list[RuleDict]:
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
    def title(self, /, lang: Lang = "da") -> str:
        """
        The title in `lang` (`"da"` or `"en"`).
        """
    def to_dict(self, /) -> RuleSetDict:
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
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> StatusEvent:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> StatusEventDict:
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
class Store:
    """
    A dossier kept in an SQLite file: the current state, every earlier version of every entity
    and a hash-chained audit trail of who changed what and when.

    ``with Store.open(path) as store:`` opens (creating or migrating) the file and closes it at
    the end of the block. Every write is one audited transaction that waits for other writers
    (threads or processes) first, so no work is lost; a write that fails changes nothing.
    """
    def __enter__(self, /) -> Store: ...
    def __exit__(self, /, *_args) -> bool: ...
    def __repr__(self, /) -> str: ...
    def apply(self, /, changes: str | Mapping[str, object], actor: str, operation: str = "apply") -> ApplyReportDict:
        """
        Applies another copy's changes (a dict from `changes_since`, or its JSON text). Returns
        ``applied``, ``unchanged`` and ``conflicts`` (entities both copies changed differently;
        this copy kept its own). Applying the same changes twice changes nothing.
        """
    def changes_since(self, /, since: SupportsIndex) -> ChangeSetDict:
        """
        The changes made after audit event `since`, as a change file's data (a dict; write it
        with ``json.dump``): apply it to another copy with `apply`.
        """
    def close(self, /) -> None:
        """
        Closes the file (also at the end of a ``with`` block); any later call raises
        `InvalidInputError` (code ``store.closed``).
        """
    def dossier(self, /) -> Dossier:
        """
        The dossier as it is now (a copy: change the store with `update`).
        """
    def erase(self, /, actor: str, on: date | str, newcomer: str | None = None, person: str | None = None, operation: str = "erase") -> ChangeSummaryDict:
        """
        Erases one newcomer household (`newcomer=`) or one person (`person=`) as of `on` (GDPR
        art. 17): anonymised in the current dossier with cascade, every earlier version naming
        them emptied, one verifiable erasure event. Returns what changed (as `import_`).
        """
    def export_json(self, /) -> str:
        """
        The dossier as canonical JSON, the same text ``Dossier.to_json()`` gives.
        """
    def head(self, /) -> int:
        """
        The number of the last audit event (0 for a new store).
        """
    @overload
    def history(self, /, collection: str, id: str, *, records: Literal[False] = False) -> pandas.DataFrame: ...
    @overload
    def history(self, /, collection: str, id: str, *, records: Literal[True]) -> list[RevisionDict]: ...
    @overload
    def history(self, /, collection: str, id: str, *, records: bool = False) -> pandas.DataFrame | list[RevisionDict]:
        """
        Every stored version of one entity, oldest first, as a pandas DataFrame (the core's
        ``history`` table): ``seq``, ``at``, ``actor``, ``operation``, ``action`` and ``json``
        (the entity after the change; None after a deletion or once erased). ``records=True``
        gives a list of dicts with the same keys.
        """
    def import_(self, /, dossier: Dossier, actor: str, operation: str = "import", progress: ProgressOption | None = None) -> ChangeSummaryDict:
        """
        Puts `dossier` in the store, replacing what it held; every entity that is new, changed or
        gone is recorded. Returns what changed (a dict: ``created``, ``updated``, ``deleted``,
        ``erasures``, ``erased`` (earlier versions emptied), ``redacted`` (earlier versions
        the erased person was cut out of)).

        `progress`: a callable receiving each `Progress` update, ``"auto"`` for a tqdm bar,
        ``False`` for nothing; by default ``bb.options.progress`` (off). Ctrl-C or an exception
        in the callback rolls the import back: the store keeps what it held.
        """
    def is_empty(self, /) -> bool:
        """
        Whether the store holds no dossier yet.
        """
    @overload
    def log(self, /, *, records: Literal[False] = False) -> pandas.DataFrame: ...
    @overload
    def log(self, /, *, records: Literal[True]) -> list[AuditEventDict]: ...
    @overload
    def log(self, /, *, records: bool = False) -> pandas.DataFrame | list[AuditEventDict]:
        """
        The audit trail, oldest first, as a pandas DataFrame (the core's ``audit_log`` table):
        columns ``seq``, ``at`` (UTC, RFC 3339), ``actor``, ``operation``, ``collection``,
        ``entity``, ``action``, ``fields`` (a list of paths, never values), ``digest``,
        ``prev_hash``, ``hash``. ``records=True`` gives the same events as a list of dicts
        (without pandas).
        """
    @overload
    def log_of(self, /, collection: str, id: str, *, records: Literal[False] = False) -> pandas.DataFrame: ...
    @overload
    def log_of(self, /, collection: str, id: str, *, records: Literal[True]) -> list[AuditEventDict]: ...
    @overload
    def log_of(self, /, collection: str, id: str, *, records: bool = False) -> pandas.DataFrame | list[AuditEventDict]:
        """
        The audit events about one entity (`collection`, e.g. ``"agreements"``, and its id), as
        `log` gives them (a DataFrame, or dicts with ``records=True``).
        """
    @classmethod
    def open(cls, /, path: str | PathLike[str], journal: str | None = None, busy_timeout: SupportsFloat | SupportsIndex | None = None, durability: str | None = None) -> Store:
        """
        Opens the store at `path`, creating or migrating it. `journal` is ``"wal"`` (the
        default) or ``"rollback"`` (for a file on a network share); a writer waits up to
        `busy_timeout` seconds for another. `durability` is ``"normal"`` (the default: a write
        does not wait for the disk, and a power cut may undo the last writes whole) or ``"full"``
        (every write synced before it returns; ADR 0055). Raises `UnsupportedVersionError` (code
        ``store.newer_schema``) for a file of a newer brobygger, `InvalidInputError` for a file
        that is not a store (``store.not_a_database``, ``store.corrupt``, ``store.foreign``).
        """
    def path(self, /) -> str:
        """
        The file's path, as given.
        """
    def schema_version(self, /) -> int:
        """
        The schema version of the file.
        """
    def update(self, /, actor: str, operation: str, change: Callable[[Dossier], object]) -> ChangeSummaryDict:
        """
        Changes the dossier with `change`, a function that takes the current `Dossier` and
        changes it (``lambda d: d.lifecycle.transition(...)``). All or nothing: when it raises,
        nothing is stored and the exception comes through as it was. Waits for other writers
        first, so it always works on the latest dossier. Returns what changed (as `import_`).
        """
    def verify(self, /, *, progress: ProgressOption | None = None) -> ChainReportDict:
        """
        Checks the whole audit trail: a dict with ``events`` (checked) and ``problem`` (None when
        intact; else a dict with ``kind``: ``gap``, ``broken_link``, ``tampered``,
        ``history_tampered`` or ``truncated``, and the event numbers). `progress`: as in
        `import_`.
        """
    def verify_intact(self, /) -> ChainReportDict:
        """
        `verify` as an exception: the report when the trail is intact; raises
        `InvalidInputError` with code ``store.tampered`` otherwise.
        """

@final
class SurveyView:
    """
    A survey round for people (`d.surveys.view(...)`): its shares by the shape's groups, small
    groups hidden, and the changes since an earlier round. What `brobygger survey` prints.
    """
    def __repr__(self, /) -> str: ...
    def _repr_html_(self, /) -> str:
        """
        Jupyter: the view as HTML in `bb.options.lang`.
        """
    @property
    def before(self, /) -> str | None:
        """
        The earlier round the changes are from, or None.
        """
    @property
    def changes(self, /) -> list[GroupShareChangeDict]:
        """
        The changes since `before` as dicts, for groups shown in both rounds.
        """
    @property
    def min_cell(self, /) -> int:
        """
        The threshold the shares were shown with.
        """
    def render(self, /, format: FormatName = "text", lang: Lang | None = None) -> str:
        """
        The view as a document in `format` (`"text"`, `"markdown"`, `"html"`) and `lang`
        (default `bb.options.lang`): who was asked, how shares are hidden, then the tables.
        """
    @property
    def shares(self, /) -> list[GroupShareDict]:
        """
        Every share as dicts (`question`, `group`, `respondents`, `positive`, `share`,
        `interval`, `reference`, `suppression`); a hidden share has no numbers.
        """
    @property
    def survey(self, /) -> str:
        """
        The round's id.
        """
    def tables(self, /, lang: Lang = "en") -> list[TableDict]:
        """
        The tables `group_shares` and `group_share_changes` as dicts (`name`, `title`,
        `columns`, `rows`), texts in `lang`.
        """
    def to_dict(self, /) -> JsonDict:
        """
        The view as plain Python data.
        """

@final
class Tenure:
    """
    One person's time in a post: `from_date` inclusive, `until` exclusive (None while open).
    """
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self, /) -> tuple[object, tuple[bytes]]:
        """
        Pickling: the core value's serde form (see `_from_state`).
        """
    def __repr__(self, /) -> str: ...
    @staticmethod
    def _from_state(state: bytes) -> Tenure:
        """
        Unpickling: the value from the state `__reduce__` gave.
        """
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
    def to_dict(self, /) -> TenureDict:
        """
        The value as plain Python data (dicts and lists), shaped like the JSON file.
        """
    @property
    def until(self, /) -> date | None:
        """
        First day no longer in the post.
        """

def _assign_dense(data: bytes, rows: SupportsIndex, cols: SupportsIndex, objective: Objective = "minimize", progress: ProgressOption | None = None) -> tuple[list[int], list[int], float]:
    """
    Dense optimal assignment on a row-major float64 matrix given as `bytes` (native byte
    order), `rows × cols`. `objective` is `"minimize"` or `"maximize"`. Returns the row
    indices, their columns and the total. Private: call `brobygger.linear_sum_assignment`.
    The GIL is released while converting and solving; `progress` and Ctrl-C as for
    `match_profiles`.
    """

def _assign_dense_typed(data: bytes, typestr: str, rows: SupportsIndex, cols: SupportsIndex, objective: Objective = "minimize", progress: ProgressOption | None = None) -> tuple[list[int], list[int], float]:
    """
    Dense optimal assignment on a row-major matrix given as `bytes` in the element type
    `typestr` (numpy's `dtype.str`: `<f8`, `<i8`, `|u1`, `|b1`, ...), `rows × cols`. Returns the
    row indices, their columns and the total: an exact `int` for integer matrices (no rounding
    above 2**53), a `float` otherwise. Complex numbers, text, objects and dates raise
    `InvalidInputError` (`assignment.element_type`). Private: call
    `brobygger.linear_sum_assignment`. The GIL is released while converting and solving;
    `progress` and Ctrl-C as for `match_profiles`.
    """

def _display_lang() -> str:
    """
    The display language, `"da"` or `"en"` (what `bb.options.lang` reads).
    """

def _empty_match_table(name: str, key: Sequence[tuple[str, object]] | None = None) -> TableDict:
    """
    The table `name` (`matches`, `unmatched` or `match_statistics`) with no rows, led by `key`'s
    columns (typed by the values given): what an engine declares as a grouped map's output.
    Private: `brobygger.match_tables` and the engine adapters read it.
    """

def _match_tables(profiles: Profiles, rules: RuleSet, as_of: date | str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", key: Sequence[tuple[str, object]] | None = None, lang: Lang = "en", id: str | None = None, bases: Sequence[Mapping[str, object]] | None = None) -> list[TableDict]:
    """
    One group's run as tables: `profiles` matched under `rules`, returned as the core's tables
    `matches`, `unmatched` and `match_statistics` (plain dicts as `MatchRun.tables` gives them),
    every row led by `key`'s `(column, value)` pairs. The GIL is released for the run. Private:
    call `brobygger.match_tables`.
    """

def _self_test_panic() -> None:
    """
    Always panics inside Rust. Private: the test suite uses it to prove a panic arrives as an
    exception (`pyo3_runtime.PanicException`) and the interpreter carries on.
    """

def _set_display_lang(lang: Lang) -> str:
    """
    Sets the display language (what `bb.options.lang = ...` does) and returns its code; any
    spelling `lang` arguments take (`"dansk"`, `"EN"`), anything else an `InvalidInputError`.
    """

def _spreadsheet_csv(table: Mapping[str, object]) -> str | None:
    """
    The table (a dict of equal-length column lists, or a list of dicts) as `;`-separated CSV
    text when the core finds it shaped like a spreadsheet (no cell holds a list or a record),
    otherwise None. Private: `brobygger.profiles` reads such a side with the CSV reader.
    """

def assess_many(dossiers: SupportsGetItem[int, Dossier], as_of: date | str) -> list[list[Assessment]]:
    """
    Assesses every agreement of every dossier as of `as_of`, with the GIL released while the
    library works: one list of assessments per dossier, in the dossiers' order (agreements in
    each dossier's order). Raises `RuntimeError` if a dossier is being changed by another thread
    at the same time.
    """

def assessment_catalogue() -> list[CheckInfoDict]:
    """
    Every check of the assessment as dicts (code, dimension, severity, weight, basis, source,
    title, advice, external sources and prefixes).
    """

def check_newcomers_csv(data: str | bytes, *, file_name: str | None = None, ignore_unknown_columns: bool = False) -> NewcomersCsvDict:
    """
    Reads newcomers CSV text or bytes and never raises for the data: a dict with `newcomers`
    (the rows without errors), `problems` (every problem with `code`, `severity`, `file`, `line`,
    `column`, `column_name`, `row`, `text`), `delimiter` and `encoding`.
    """

def check_offers_csv(data: str | bytes, *, file_name: str | None = None, ignore_unknown_columns: bool = False) -> JsonDict:
    """
    Reads offers CSV text or bytes and never raises for the data; as `check_newcomers_csv`.
    """

def checklist_template(id: str, version: SupportsIndex | None = None) -> ChecklistTemplate:
    """
    A built-in template by id, in `version` or the newest. Raises `NotFoundError`.
    """

def checklist_templates() -> list[ChecklistTemplate]:
    """
    The built-in checklist templates.
    """

def code_info(code: str) -> JsonDict | None:
    """
    The registry's entry for one code, or None when the library has no such code.
    """

def codes() -> list[JsonDict]:
    """
    Every error and finding code of the library, as dicts `{"code", "concern", "severity",
    "error", "text": {"da", "en"}}` (the registry the guide's reference of codes is made from).
    """

def compare_with_national(answers: Mapping[str, object]) -> list[JsonDict]:
    """
    A municipality's own answers (`{"housing_placement": "high", ...}`) beside KL's 2015 shares:
    one dict per published share (`question`, `question_text`, `categories`, `answer`,
    `percent`, `source`, `own`: the municipality's category when it falls in the share), then
    each own answer the publication gives no share for (`percent` None). Raises
    `InvalidInputError` for an unknown question or category.
    """

def csv_columns(table: CsvTable) -> list[CsvColumnDict]:
    """
    The documented columns of `"newcomers"` or `"offers"` files, as dicts (`name`, `required`,
    `field`, `sensitivity`, `format`, `example`, `quoted_in_problems`).
    """

def directory_columns() -> list[JsonDict]:
    """
    The directory spreadsheet's columns, in order: dicts `{"name", "name_da", "required",
    "format": {"da", "en"}}`.
    """

def directory_from_csv(data: str | bytes | Mapping[str, object] | Sequence[Mapping[str, object]]) -> tuple[Directory, list[Finding]]:
    """
    Reads the directory spreadsheet and never raises for the data: `(Directory, problems)`,
    the rows with errors left out and every problem as a `Finding` at `rows[<line>].<column>`.
    `data` is the file's text (`str`), its bytes (UTF-8 or Windows-1252), or a table of plain
    cells (a dict of column lists, or a list of dicts, e.g. `df.to_dict("list")`).
    """

def directory_to_csv(directory: Directory) -> str:
    """
    The register as the spreadsheet (`;`-separated CSV text); as `Directory.to_csv()`.
    """

def dossier_schema_json() -> str:
    """
    The JSON Schema of the dossier file format, as JSON text.
    """

def empty_table(name: str, lang: Lang = "en") -> TableDict:
    """
    The result table named `name` (`"matches"`, `"scores"`, ...; see `table_names()`) with its
    columns and no rows, as a plain dict: the columns a DataFrame has before there is a result.
    Raises `NotFoundError` for a name the library does not make and `InvalidInputError` for a
    language other than `"da"` or `"en"` (the language the frame's texts are asked in).
    """

def example_names() -> list[str]:
    """
    The names of the built-in example dossiers.
    """

def example_reference_date(name: str) -> date:
    """
    The day a built-in example is told as of (the demo assesses it then).
    """

def findings_html(findings: SupportsGetItem[int, Finding], lang: Lang | None = None) -> str:
    """
    Findings as a self-contained HTML fragment in `lang` (`"da"` or `"en"`): a line of counts
    per severity and a table of severity, code, path, message and source. Codes, paths and the
    library's own texts only; no personal values.
    """

def findings_table(findings: SupportsGetItem[int, Finding], lang: Lang = "en") -> TableDict:
    """
    Findings as the core's `findings` table in `lang` (`"da"` or `"en"`): a plain dict with
    `name`, `title`, `columns` and `rows`, what `findings_frame` reads.
    """

def generate_person_id() -> str:
    """
    A fresh random person id that carries nothing about the person.
    """

def hsds_uuid(table: str, name: str) -> str:
    """
    The stable HSDS id (a name-based UUID) the export gives the row `name` of `table`.
    """

def introductions_table(dossier: Dossier, cohort: str, on: date | str, lang: Lang = "en") -> TableDict:
    """
    The `introductions` table of a cohort of `dossier` on day `on`, texts in `lang`, as a plain
    dict: what `introductions_frame` reads.
    """

def kl_2015() -> ReferenceSurveyDict:
    """
    KL's 2015 survey of the municipalities as published (seed 000): a dict with `id`, `title`,
    `published_on`, `population`, `respondents` (None: the source gives no n) and `questions`,
    each with its `categories` and `published` shares (`categories`, `percent`, `source`,
    `words`, the seed's own words).
    """

def kl_2015_shape() -> SurveyShapeDict:
    """
    KL's 2015 survey as a survey shape (a dict shaped like a round's `shape`): one group,
    `municipality`, and each question a measure with its categories and its headline share as
    the reference. A round with it (`d.surveys.add({..., "shape": bb.kl_2015_shape()})`) shows
    its shares beside KL's.
    """

def largest_weakly_stable_matching(residents: SupportsGetItem[int, tuple[str, SupportsGetItem[int, SupportsGetItem[int, str]]]], hospitals: SupportsGetItem[int, tuple[str, SupportsGetItem[int, SupportsGetItem[int, str]]]], capacities: SupportsGetItem[int, tuple[str, SupportsIndex]], progress: ProgressOption | None = None) -> JsonDict:
    """
    The largest weakly stable matching over explicit preferences with ties (the shapes of
    `weakly_stable_matching`): exact for small problems, else the largest over promoted
    tie-breakings with a maximum matching as `bound` (`exact` says which). Returns the same
    dict. The GIL is released while solving. `progress`: as in `match_profiles`, counting the
    tie-breakings tried; Ctrl-C stops the search.
    """

def match_profiles(rules: RuleSet, newcomers: Sequence[Mapping[str, object]], offers: Sequence[Mapping[str, object]], as_of: date | str, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", id: str | None = None, bases: Sequence[Mapping[str, object]] | None = None, progress: ProgressOption | None = None) -> MatchRun:
    """
    Matches `newcomers` with `offers` (lists of dicts shaped like the file format) under
    `rules`. `solver` is `"greedy"`, `"optimal"`, `"stable_newcomer_proposing"` or
    `"stable_offer_proposing"`. Raises `ValidationError` if the rule set has errors. The GIL is
    released while solving.

    A sensitive attribute a rule reads is used only under the profile's own consent or basis
    (its `privacy` dict) or a basis in `bases` (dicts with `id`, `basis`, `attributes`,
    `reference`); otherwise the run withholds it and lists it in `withheld`.

    `progress` shows how far it is: a callable receives each `Progress` update, ``"auto"``
    shows a tqdm bar (when tqdm is installed and stderr is a terminal or a notebook), ``False``
    shows nothing; by default ``bb.options.progress`` (off). Ctrl-C or an exception in the
    callback stops the work.
    """

def match_profiles_consented(rules: RuleSet, newcomers: Sequence[Mapping[str, object]], offers: Sequence[Mapping[str, object]], as_of: date | str, privacy: Mapping[str, object], cohorts: Sequence[Mapping[str, object]] | None = None, solver: Solver = "optimal", offer_ranking: OfferRanking = "score", id: str | None = None, progress: ProgressOption | None = None) -> MatchRun:
    """
    Matches `newcomers` with `offers` (lists of dicts) under `rules`, using each declared
    sensitive attribute only for the subjects a consent or basis in `privacy` (a dict shaped like
    a dossier's `privacy`) covers on `as_of`; subjects nothing allows matching are left out.
    `cohorts` (dicts) make cohort-wide bases apply. The GIL is released while solving.

    `progress`: as in `match_profiles` (a callable, ``"auto"`` or ``False``; by default
    ``bb.options.progress``). Ctrl-C or an exception in the callback stops the work.
    """

def match_run_to_csv(run: MatchRun, lang: Lang = "da") -> str:
    """
    A matching run as a table for a spreadsheet (one row per household), texts in `lang`.
    """

def match_run_to_csv_styled(run: MatchRun, lang: Lang, style: str) -> str:
    """
    A matching run's household table as CSV in a style (`"data"`, `"excel_da"`, `"excel_en"`),
    texts in `lang`.
    """

def match_run_to_xlsx(run: MatchRun, lang: Lang) -> bytes:
    """
    A matching run's household table as an `.xlsx` workbook (bytes), texts in `lang`.
    """

def national_comparison_table(answers: Mapping[str, object], lang: Lang = "da", markdown: bool = False) -> list[TableDict] | str:
    """
    The comparison as the `national_comparison` table (a plain dict with `name`, `title`,
    `columns`, `rows`; texts in `lang`), or as Markdown with `markdown=True`.
    """

def newcomers_from_csv(data: str | bytes, *, file_name: str | None = None, ignore_unknown_columns: bool = False) -> list[NewcomerDict]:
    """
    Newcomers from CSV text (or bytes in any encoding the reader knows); as `read_newcomers_csv`.
    """

def newcomers_to_csv(newcomers: Sequence[Mapping[str, object]]) -> str:
    """
    Households (dicts shaped like the file format) as CSV text that reads back to them.
    """

def newcomers_to_csv_styled(newcomers: Sequence[Mapping[str, object]], style: str) -> str:
    """
    Households as CSV in a style: `"data"` (for programs, as `newcomers_to_csv`), `"excel_da"`
    (Danish Excel: byte-order mark, `;`, decimal commas, Danish headings and words) or
    `"excel_en"`. Reading it gives the same households.
    """

def newcomers_to_xlsx(newcomers: Sequence[Mapping[str, object]], lang: Lang | None = None) -> bytes:
    """
    Households as an `.xlsx` workbook (bytes), headings and words in `lang` (`None`: the names
    and keys programs use). Reading it gives the same households.
    """

def offers_from_csv(data: str | bytes, *, file_name: str | None = None, ignore_unknown_columns: bool = False) -> list[OfferDict]:
    """
    Offers from CSV text or bytes; as `newcomers_from_csv`.
    """

def offers_to_csv(offers: Sequence[Mapping[str, object]]) -> str:
    """
    Offers (dicts) as CSV text that reads back to them.
    """

def offers_to_csv_styled(offers: Sequence[Mapping[str, object]], style: str) -> str:
    """
    Offers as CSV in a style; as `newcomers_to_csv_styled`.
    """

def offers_to_xlsx(offers: Sequence[Mapping[str, object]], lang: Lang | None = None) -> bytes:
    """
    Offers as an `.xlsx` workbook (bytes); as `newcomers_to_xlsx`.
    """

def read_dpv(text: str) -> ConsentRecordsDict:
    """
    Reads the consents and bases of a DPV document (JSON-LD text, as ``export_dpv`` writes it)
    without a dossier: a dict with ``consents`` and ``bases``, as the dossier holds them.
    """

def read_ics(text: str) -> Calendar:
    """
    Reads iCalendar text into a `Calendar`. Raises `ParseError` (`calendar.*`, with the line)
    for a file it cannot read.
    """

def read_newcomers_csv(path: str | PathLike[str], *, ignore_unknown_columns: bool = False) -> list[NewcomerDict]:
    """
    Reads a newcomers CSV file (any delimiter, UTF-8 or Windows-1252) into dicts. Raises
    `ValidationError` (code `import.invalid_csv`) with every problem as a finding whose message
    starts with the file, line and column; `ParseError`-free: a bad cell is a finding.
    """

def read_offers_csv(path: str | PathLike[str], *, ignore_unknown_columns: bool = False) -> list[OfferDict]:
    """
    Reads an offers CSV file into dicts; as `read_newcomers_csv`.
    """

def relationship_events_table(dossier: Dossier, lang: Lang = "en") -> TableDict:
    """
    The `relationship_events` table of `dossier` (one row per event), texts in `lang`, as a
    plain dict: what `relationship_events_frame` reads.
    """

def relationships_table(dossier: Dossier, on: date | str, lang: Lang = "en") -> TableDict:
    """
    The `relationships` table of `dossier` on day `on` (one row per relationship proposed by
    then, with its state on the day), texts in `lang`, as a plain dict: what
    `relationships_frame` reads.
    """

def stable_matching(residents: Sequence[tuple[str, Sequence[str]]], hospitals: Sequence[tuple[str, Sequence[str]]], capacities: Sequence[tuple[str, int]], optimal: str = "residents") -> list[tuple[str, str | None]]:
    """
    Stable matching over explicit preference lists (hospital/resident form). `residents` and
    `hospitals` map each id to the other side's ids, best first (unlisted means unacceptable);
    `capacities` maps each hospital to its places. `optimal` is `"residents"` or `"hospitals"`:
    whose optimal stable matching to return. Returns each resident's hospital, or None.
    Raises `ValidationError` listing every unknown or repeated id. The GIL is released while
    solving.
    """

def survey_changes_table(dossier: Dossier, before: str, after: str) -> TableDict:
    """
    The `changes` table from survey round `before` to `after` of `dossier`, as a plain dict:
    what `survey_changes_frame` reads.
    """

def survey_shares_table(dossier: Dossier, surveys: SupportsGetItem[int, str]) -> TableDict:
    """
    The `shares` table of survey rounds (ids) of `dossier`, one after the other, as a plain dict
    (`name`, `title`, `columns`, `rows`): what `survey_shares_frame` reads.
    """

def table_names() -> list[str]:
    """
    The name of every result table the library makes.
    """

def task_catalogue() -> list[TaskDefinitionDict]:
    """
    The built-in task catalogue: statutory municipal duties first, then typical shared tasks,
    as dicts `{"id", "name": {"da", "en"}, "description", "statutory", "typical_department",
    "source"}`.
    """

def vocabulary(lang: Lang = "da") -> list[VocabularyEntryDict]:
    """
    Every closed vocabulary's values with labels in `lang`, as dicts
    `{"vocabulary", "value", "label"}`.
    """

def weakly_stable_matching(residents: SupportsGetItem[int, tuple[str, SupportsGetItem[int, SupportsGetItem[int, str]]]], hospitals: SupportsGetItem[int, tuple[str, SupportsGetItem[int, SupportsGetItem[int, str]]]], capacities: SupportsGetItem[int, tuple[str, SupportsIndex]], optimal: str = "residents") -> JsonDict:
    """
    Stable matching with ties and incomplete lists over explicit preferences: `residents` and
    `hospitals` map each id to groups of the other side's ids, best group first, the ids of a
    group equally good (unlisted means unacceptable); `capacities` maps each hospital to its
    places. Ties are broken by the input's order, then deferred acceptance runs from the
    `optimal` side (`"residents"` or `"hospitals"`). Returns a dict: `pairs` (dicts with
    `resident` and `hospital`), `unmatched_residents`, `size`, `blocking_pairs` (always 0),
    `bound`, `exact` and `method`. Raises `ValidationError` listing every unknown or repeated
    id. The GIL is released while solving.
    """

def wilson_interval(successes: SupportsIndex, n: SupportsIndex, z: SupportsFloat | SupportsIndex = ...) -> tuple[float, float] | None:
    """
    The Wilson score interval `(low, high)` for `successes` of `n` at normal quantile `z`
    (1.96 for 95%); None when `n` is 0 or `successes > n`.
    """

class BrobyggerError(Exception):
    """Base class of every brobygger error. Attributes: `code` (stable machine code) and `findings`."""
    code: str
    findings: list[Finding]

class ParseError(BrobyggerError, ValueError):
    """The input could not be read. Attributes: `path`, `line`, `column`, `reason`."""
    path: str
    line: int
    column: int
    reason: str

class UnsupportedVersionError(BrobyggerError, ValueError):
    """The document's schema version is missing or not supported. Attributes: `found`, `supported`."""
    found: int | None
    supported: int

class ValidationError(BrobyggerError, ValueError):
    """The data is not valid; `findings` holds every problem with its path."""

class NotFoundError(BrobyggerError, LookupError):
    """Something referred to does not exist. Attributes: `entity`, `id`."""
    entity: str
    id: str

class InvalidTransitionError(BrobyggerError):
    """A status change is not allowed now. Attributes: `from_status`, `to_status`; `findings` says why."""
    from_status: str
    to_status: str

class InvalidInputError(BrobyggerError, ValueError):
    """An argument is not acceptable. Attributes: `path`, `reason`."""
    path: str
    reason: str

class MissingFileError(InvalidInputError, FileNotFoundError):
    """The file does not exist (code `load.io`): an `InvalidInputError` that is also Python's `FileNotFoundError`. Attributes: `path`, `reason`, `filename`, `errno`."""
    filename: str
    errno: int

class InfeasibleError(BrobyggerError):
    """A problem has no solution under its hard constraints. Attribute: `reason`."""
    reason: str

class CancelledError(BrobyggerError):
    """The work was asked to stop and stopped (code `work.cancelled`); nothing was changed. Ctrl-C and an exception in a progress callback come through as themselves, not as this."""

class InternalError(BrobyggerError, RuntimeError):
    """A bug in the library. Attribute: `reason`."""
    reason: str
