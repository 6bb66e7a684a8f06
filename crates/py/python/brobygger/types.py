"""The types of brobygger's plain data, for type checkers and readers.

What the package returns as plain Python data (dicts and lists, as in the files) is typed here:

- every closed vocabulary of the core as a ``Literal`` (``Solver``, ``AgreementStatus``,
  ``OfferKind``, ...), generated from ``brobygger.vocabulary()``;
- every type of the dossier's JSON schema as a ``TypedDict`` named ``<Type>Dict``
  (``MatchDict``, ``MatchStatisticsDict``, ``CohortDict``, ``AgreementDict``, ...), generated
  from ``brobygger.dossier_schema_json()``;
- the presented tables (``TableDict``) that ``tables()`` and the ``*_frame`` functions use;
- ``Json`` and ``JsonDict`` for data whose shape is the file format itself (``to_dict()``,
  ``from_dict()``).

>>> import datetime, brobygger
>>> from brobygger.types import MatchDict
>>> d = brobygger.Dossier.example("ikast-brande")
>>> run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", datetime.date(2016, 4, 1), solver="stable")
>>> best: MatchDict = run.matches[0]
>>> sorted(best)
['explanation', 'newcomer', 'offer', 'score', 'waiting_days']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, List, Literal, Optional, TypedDict, Union

from brobygger._generated_types import *  # noqa: F401,F403
from brobygger._generated_types import Format, Json, JsonDict, TextDict

# A display language: Danish or English (the core also reads "dansk", "english", ...).
Lang = Literal["da", "en"]

# One cell of a presented table: text, a whole or decimal number, a date as ISO text, a
# yes/no, a list of texts (None for a missing one), or None when missing.
CellValue = Union[str, int, float, bool, List[Optional[str]], None]

# A document format as functions take it: the vocabulary's names and `md` for Markdown.
FormatName = Union[Format, Literal["md"]]

# How a rematch treats a household's previous partner. Not in the core's `vocabulary()` yet
# (like 14 other labelled vocabularies); tests/python/test_stub_types.py checks it against the
# runtime.
PreviousPartner = Literal["exclude", "allow", "prefer"]

# What the dense assignment solver optimises.
Objective = Literal["minimize", "maximize"]

if TYPE_CHECKING:
    from brobygger._brobygger import Progress

# What `progress=` of a long call and `bb.options.progress` take (brobygger.progress): a function
# receiving each update, "auto" or True for a tqdm bar, False or "off" for nothing, None for the
# option's value.
ProgressOption = Union[bool, Literal["auto", "off"], Callable[["Progress"], object], None]


class VocabularyEntryDict(TypedDict):
    """One value of a closed vocabulary with its label, as ``vocabulary(lang)`` lists it."""

    vocabulary: str
    value: str
    label: str


ColumnType = Literal["text", "integer", "decimal", "date", "bool", "list"]


class ColumnDict(TypedDict):
    """A presented table's column."""

    name: str
    label: TextDict
    type: ColumnType
    optional: bool
    decimals: int | None
    percent: bool


class TableDict(TypedDict):
    """A presented table: what ``tables(lang)`` returns and the ``*_frame`` functions read."""

    name: str
    title: TextDict
    columns: List[ColumnDict]
    rows: List[List[CellValue]]


