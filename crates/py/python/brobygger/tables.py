"""Tidy pandas DataFrames of brobygger's results, for evaluators and analysts in notebooks.

One row per observation, one column per variable, vocabulary values as the same strings as in
the files (``"major_divergence"``), texts in the language asked for (``lang="da"`` or
``"en"``). The library decides what each table holds: every frame here is the core's table of
the same name (``bb.table_names()``) converted to pandas, its column types mapped to one dtype
each:

- text: ``str`` (pandas' string dtype from pandas 3 on, objects before; a missing text is
  NaN/None), integer: ``int64``, or ``Int64`` (nullable, ``<NA>`` for "not known") when the
  column may be missing, decimal: ``float64`` (``NaN`` for "not known"), date:
  ``datetime64[ns]``, bool: ``bool``, list: ``object`` (a Python list).

pandas is optional (``pip install 'brobygger[pandas]'``); without it each function raises an
``ImportError`` that says so. Only the pseudonymous ids the library already uses appear (of
households, offers, parties and posts); sensitive attributes of a household or an offer reach a
frame only through :func:`profiles_frame`, which shows what it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Union

from brobygger._brobygger import (
    Assessment,
    ChecklistAlignment,
    Dossier,
    MatchRun,
    RoleMatrix,
    Roles,
    empty_table,
    introductions_table,
    survey_changes_table,
    survey_shares_table,
)
from brobygger.frames import _pandas

__all__ = [
    "alternatives_frame",
    "assessment_findings_frame",
    "checklist_frame",
    "checks_frame",
    "frame",
    "introductions_frame",
    "match_rules_frame",
    "matches_frame",
    "profiles_frame",
    "relationship_events_frame",
    "relationships_frame",
    "role_matrix_frame",
    "scores_frame",
    "survey_changes_frame",
    "survey_shares_frame",
    "unmatched_frame",
    "unmet_demand_frame",
    "why_not_frame",
]

Assessments = Union[Assessment, Iterable[Any]]
Runs = Union[MatchRun, Iterable[MatchRun]]


def _dtype(column: Mapping[str, Any]) -> str:
    """The pandas dtype of a core column type."""
    kind = column["type"]
    if kind == "integer":
        return "Int64" if column["optional"] else "int64"
    return {"text": "str", "decimal": "float64", "date": "datetime64[ns]", "bool": "bool", "list": "object"}[kind]


def frame(tables: Iterable[Mapping[str, Any]], name: str, lang: str = "en") -> Any:
    """A DataFrame of the core's tables named ``name`` (plain dicts from ``tables(lang)`` and the
    ``*_table`` functions), their rows one after the other, with the table's columns in order
    and one dtype per column type (also when there are no rows). ``lang`` is the language the
    tables' texts were asked in (checked here too, so an empty input rejects a bad one)."""
    pd = _pandas()
    columns = empty_table(name, lang)["columns"]
    rows = [row for t in tables if t["name"] == name for row in t["rows"]]
    df = pd.DataFrame(rows, columns=[c["name"] for c in columns])
    modern = int(pd.__version__.split(".")[0]) >= 3
    for column in columns:
        name_, dtype = column["name"], _dtype(column)
        if dtype == "datetime64[ns]":
            df[name_] = pd.to_datetime(df[name_]).astype("datetime64[ns]")
        elif dtype == "str":
            # pandas 3's string dtype keeps missing values missing; older pandas keeps objects.
            if modern:
                df[name_] = df[name_].astype("str")
        elif dtype != "object":
            df[name_] = df[name_].astype(dtype)
    return df


def _assessments(items: Assessments) -> list[Assessment]:
    """An assessment, a list of them, or a list of lists (as ``assess_many`` returns)."""
    if isinstance(items, Assessment):
        return [items]
    out: list[Assessment] = []
    for item in items:
        if isinstance(item, Assessment):
            out.append(item)
        else:
            out.extend(_assessments(item))
    return out


def _runs(runs: Runs) -> list[MatchRun]:
    return [runs] if isinstance(runs, MatchRun) else list(runs)


def scores_frame(assessments: Assessments, lang: str = "en") -> Any:
    """Health scores per dimension: one row per assessment and dimension, plus a row with
    dimension ``"overall"`` per assessment.

    Takes an ``Assessment``, a list of them, or the list of lists :func:`assess_many` returns.
    Columns: ``agreement`` (str), ``as_of`` (datetime64[ns]), ``dimension`` (str: the
    dimension's value, e.g. ``"formalisation"``, or ``"overall"``), ``score`` (Int64, 0-100;
    ``<NA>`` when nothing could be assessed), ``band`` (str: ``"strong"``, ``"fair"`` or
    ``"weak"``; missing without a score), ``met``, ``applicable``, ``not_assessed`` (Int64, weighted
    checks; ``<NA>`` on the overall row), ``reason`` (str, in ``lang``; empty on the overall
    row). For a side-by-side table:
    ``scores_frame(a).pivot(index="dimension", columns="agreement", values="score")``.
    """
    return frame((t for a in _assessments(assessments) for t in a.tables(lang)), "scores", lang)


def checks_frame(assessments: Assessments, lang: str = "en") -> Any:
    """Every check of the assessments: one row per assessment and check.

    Columns: ``agreement`` (str), ``code`` (str, e.g. ``"assessment.not_formalised"``),
    ``dimension`` (str), ``status`` (str: ``"met"``, ``"partly_met"``, ``"not_met"``,
    ``"not_applicable"`` or ``"not_assessed"``), ``weight`` (float64), ``credit`` (float64, 0-1; NaN when not
    assessed), ``note`` (str, in ``lang``).
    """
    return frame((t for a in _assessments(assessments) for t in a.tables(lang)), "checks", lang)


def assessment_findings_frame(assessments: Assessments, lang: str = "en") -> Any:
    """The assessments' findings: one row per assessment and finding.

    Columns: ``agreement``, ``severity`` (``"error"``, ``"warning"``, ``"info"``), ``code``,
    ``path``, ``dimension``, ``check`` (the check's code), ``message`` and ``advice`` (in
    ``lang``), ``source_document`` and ``source_section`` (the seed document behind the rule;
    missing when none) — all str. ``df.groupby(["severity", "source_document"]).size()``
    counts findings by severity and source.
    """
    return frame((t for a in _assessments(assessments) for t in a.tables(lang)), "assessment_findings", lang)


def matches_frame(runs: Runs) -> Any:
    """The proposed matches of one run or several: one row per match.

    Columns: ``run`` (str, the run's id), ``newcomer`` and ``offer`` (str, pseudonymous ids),
    ``score`` (float64, the sum of the soft rules' points), ``waiting_days`` (int64, days the
    household had waited on the run's day), ``hard_rules`` (int64, hard rules met) and
    ``soft_rules_scoring`` (int64, soft rules that added points). Each rule's part is in
    :func:`match_rules_frame`.
    """
    return frame((t for run in _runs(runs) for t in run.tables("en")), "matches")


def match_rules_frame(runs: Runs, lang: str = "en") -> Any:
    """Why each match was proposed: one row per match and rule.

    Columns: ``run``, ``newcomer``, ``offer``, ``rule`` (str), ``hard`` (bool: a hard rule,
    met), ``points`` (float64, 0 for hard rules), ``text`` (str, the rule's explanation in
    ``lang``).
    """
    return frame((t for run in _runs(runs) for t in run.tables(lang)), "match_rules", lang)


def unmatched_frame(runs: Runs, lang: str = "en") -> Any:
    """The households a run left unmatched, and why: one row per household.

    Columns: ``run`` (str), ``newcomer`` (str), ``waiting_days`` (int64), ``binding`` (str, the
    constraint that decided it: ``"rule"``, ``"no_free_places"``, ``"places_taken"`` or
    ``"no_offers"``), ``binding_rule`` (str, the rule when ``binding == "rule"``, else
    missing), ``binding_offers`` (Int64: offers blocked by that rule alone, offers without free
    places, or offers taken by others; ``<NA>`` for ``"no_offers"``), ``reason`` (str, the most
    important reason in ``lang``) and ``reasons`` (object: every reason in ``lang``, most
    important first).
    """
    return frame((t for run in _runs(runs) for t in run.tables(lang)), "unmatched", lang)


def unmet_demand_frame(runs: Runs, lang: str = "en") -> Any:
    """Needs and languages the offers cannot cover: one row per run and demand.

    Columns: ``run`` (str), ``demand_type`` (str: ``"need"`` or ``"language"``), ``demand``
    (str: the need's value or the ISO 639 language code), ``households`` (int64, households
    asking), ``offers`` and ``free_places`` (int64, offers with free places providing it and
    their places), ``text`` (str, in ``lang``).
    """
    return frame((t for run in _runs(runs) for t in run.tables(lang)), "unmet_demand", lang)


def checklist_frame(alignments: Union[ChecklistAlignment, Iterable[ChecklistAlignment]], lang: str = "en") -> Any:
    """Checklist comparisons: one row per compared checklist and item.

    Takes a ``ChecklistAlignment`` or a list (``dossier.checklists.alignments(agreement)``).
    Columns: ``agreement``, ``template``, ``section``, ``item`` (str ids), ``position`` (int64,
    the item's place in the template), ``question`` (str, in ``lang``), ``critical`` (bool),
    ``weight`` (float64), ``status`` (str: ``"aligned"``, ``"minor_divergence"``,
    ``"major_divergence"``, ``"to_discuss"``, ``"missing"`` or ``"not_compared"``), ``score`` (float64, 0-1
    agreement on the item; NaN when not compared), ``resolved`` (bool, settled in a
    resolution), ``answers`` (object: each party's answer as displayed, in the order of the
    alignment's ``columns``; None where a party gave none).
    """
    items = [alignments] if isinstance(alignments, ChecklistAlignment) else list(alignments)
    return frame((t for a in items for t in a.tables(lang)), "checklist", lang)


def survey_shares_frame(dossier: Dossier, surveys: Union[str, Sequence[str]]) -> Any:
    """Survey shares with their 95 % Wilson intervals: one row per survey, question and group.

    ``surveys`` is a survey id or a list of them (see ``dossier.surveys.to_dict()``). Columns:
    ``survey``, ``question`` (str), ``group`` (str: the respondent group, or ``"all"`` for
    everyone), ``positive`` and ``respondents`` (int64), ``share`` (float64, positive /
    respondents), ``low`` and ``high`` (float64, the interval; NaN when it cannot be given),
    ``reference`` (float64, the LBB evaluation's figure to compare with; NaN when none).
    """
    ids = [surveys] if isinstance(surveys, str) else list(surveys)
    return frame([survey_shares_table(dossier, ids)], "survey_shares")


def survey_changes_frame(dossier: Dossier, before: str, after: str) -> Any:
    """How each share changed between two survey rounds: one row per question and group.

    Columns: ``question`` (str), ``group`` (str, ``"all"`` for everyone), ``share_before`` and
    ``share_after`` (float64), ``change`` (float64, after - before), ``low`` and ``high``
    (float64, the Newcombe 95 % interval of the change), ``significant`` (bool: the interval
    excludes 0).
    """
    return frame([survey_changes_table(dossier, before, after)], "survey_changes")


def role_matrix_frame(matrix: Union[RoleMatrix, Roles], lang: str = "en") -> Any:
    """The role matrix in long form: one row per task, party and role held (RACI).

    Takes a ``RoleMatrix`` or a ``Roles`` (its matrix in force). Columns: ``agreement`` (str),
    ``version`` (int64, the split's version), ``task`` (str key), ``task_name`` (str, in
    ``lang``), ``statutory`` (bool, a statutory municipal duty), ``party`` (str key, e.g.
    ``"department:aalborg/jobcenter"``), ``party_name`` (str), ``municipal`` (bool), ``role``
    (str: ``"responsible"``, ``"accountable"``, ``"consulted"`` or ``"informed"``). A wide
    table: ``df.pivot_table(index="task", columns="party", values="role", aggfunc=",".join)``.
    """
    m = matrix.matrix() if isinstance(matrix, Roles) else matrix
    return frame(m.tables(lang), "role_matrix", lang)


def introductions_frame(dossier: Dossier, cohort: str, on: Any, lang: str = "en") -> Any:
    """Where each household of a cohort stands with its introductions to volunteer offers on
    day ``on`` (the introduction plan of seed 001): one row per household.

    Columns: ``cohort``, ``newcomer`` (str), ``state`` (str: ``"upcoming"``, ``"due"``,
    ``"overdue"`` or ``"completed"``), ``introductions`` (int64, given so far),
    ``next_number`` (Int64, the next one's number; ``<NA>`` when complete), ``last_on``,
    ``due_on``, ``deadline`` (datetime64[ns]; NaT when none), ``days_overdue`` (Int64),
    ``text`` (str, in ``lang``). The introductions due:
    ``df[df.state.isin(["due", "overdue"])]``.
    """
    return frame([introductions_table(dossier, cohort, on, lang)], "introductions", lang)


def profiles_frame(profiles: Iterable[Mapping[str, Any]]) -> Any:
    """Newcomers or offers (dicts shaped like the file format: ``dossier.cohorts[0]
    ["newcomers"]``, ``dossier.offers`` or the dicts the CSV readers return) as a DataFrame
    that :func:`brobygger.profiles` reads back: one row per profile, one column per field,
    ``location`` split into ``lat`` and ``lon`` (float64), list fields (``languages``,
    ``needs``, ...) as Python lists and nested records as dicts (object columns), absent
    fields as None or NaN.

    This frame holds what it is given, sensitive attributes included: keep it to the people
    allowed to see them (see the privacy views).
    """
    pd = _pandas()
    rows = []
    for p in profiles:
        row = dict(p)
        location = row.pop("location", None)
        row["lat"] = location["lat"] if location else None
        row["lon"] = location["lon"] if location else None
        rows.append(row)
    df = pd.DataFrame(rows)
    for column in df.columns:
        if column in ("lat", "lon"):
            df[column] = df[column].astype("float64")
            continue
        values = [r[column] for r in rows if r.get(column) is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            # Counts with gaps stay integers (Int64), not floats, so they read back as counts.
            df[column] = df[column].astype("Int64")
    return df


def relationships_frame(dossier: Dossier, on: Any, lang: str = "en") -> Any:
    """Every relationship of the dossier proposed by day ``on``, with its state on that day: one
    row per relationship.

    Columns: ``relationship``, ``newcomer``, ``offer``, ``cohort`` (str; cohort may be None),
    ``state`` (str: ``"proposed"``, ``"accepted"``, ``"declined"``, ``"withdrawn"``,
    ``"started"``, ``"active"`` or ``"ended"``), ``proposed_on``, ``started_on``, ``ended_on``
    (datetime64[ns]; NaT when none), ``end_reason`` (str or None), ``rematch`` (boolean; <NA>
    unless ended), ``replaces`` (str or None), ``days_running`` (int64) and ``state_text`` (in
    ``lang``). Who has had a contact family for how long:
    ``df[df.state.isin(["started", "active"])][["newcomer", "days_running"]]``.
    """
    from brobygger._brobygger import relationships_table

    return frame([relationships_table(dossier, on, lang)], "relationships", lang)


def relationship_events_frame(dossier: Dossier, lang: str = "en") -> Any:
    """Every event of every relationship: ``relationship``, ``newcomer``, ``offer``, ``on``
    (datetime64[ns]), ``event`` (str: ``"accepted"``, ``"declined"``, ``"withdrawn"``,
    ``"started"``, ``"check_in"`` or ``"ended"``), ``detail`` (the side, the check-in's outcome or
    the end's reason, in ``lang``) and ``by`` (the post that recorded it, or None)."""
    from brobygger._brobygger import relationship_events_table

    return frame([relationship_events_table(dossier, lang)], "relationship_events", lang)


def alternatives_frame(runs: Runs, lang: str = "en") -> Any:
    """Each household's next-best offers in runs asked with ``alternatives=k``: ``run``,
    ``newcomer``, ``matched`` (its offer, or None), ``rank`` (1 is the best alternative),
    ``offer``, ``score``, ``gap`` (the score given up against the match, float; NaN when
    unmatched) and ``full`` (bool: the offer had no free place)."""
    return frame((t for run in _runs(runs) for t in run.tables(lang)), "alternatives", lang)


def why_not_frame(runs: Runs, lang: str = "en") -> Any:
    """Answers to the why-not questions of runs: ``run``, ``newcomer``, ``offer``, ``reason``
    (str: ``"hard_rules"``, ``"outscored"``, ...) and ``text`` (in ``lang``)."""
    return frame((t for run in _runs(runs) for t in run.tables(lang)), "why_not", lang)
