"""Tidy pandas DataFrames of brobygger's results, for evaluators and analysts in notebooks.

One row per observation, one column per variable, vocabulary values as the same strings as in
the files (``"major_divergence"``), texts in the language asked for (``lang="da"`` or
``"en"``). Every function documents its columns and their dtypes:

- ``str``: text (pandas' string dtype from pandas 3 on, objects before; a missing text is
  NaN/None), ``Int64``: a nullable integer (``<NA>`` for
  "not known"), ``float64``: a float (``NaN`` for "not known"), ``bool``, ``datetime64[ns]``:
  a day, ``object``: a Python list.

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
    compare_surveys,
    survey_results,
)
from brobygger.frames import _pandas

__all__ = [
    "assessment_findings_frame",
    "checklist_frame",
    "checks_frame",
    "introductions_frame",
    "match_rules_frame",
    "matches_frame",
    "profiles_frame",
    "role_matrix_frame",
    "scores_frame",
    "survey_changes_frame",
    "survey_shares_frame",
    "unmatched_frame",
    "unmet_demand_frame",
]

Assessments = Union[Assessment, Iterable[Any]]
Runs = Union[MatchRun, Iterable[MatchRun]]


def _check_lang(lang: str) -> str:
    if lang not in ("da", "en"):
        from brobygger import InvalidInputError

        err = InvalidInputError('input.lang: invalid input at lang: lang must be "da" or "en"')
        err.code = "input.lang"
        err.findings = []
        err.path = "lang"
        err.reason = 'lang must be "da" or "en"'
        raise err
    return lang


def _text(t: Any, lang: str) -> Any:
    """A ``{"da", "en"}`` text in ``lang`` (None stays None)."""
    if t is None:
        return None
    return t[lang]


def _frame(rows: list[dict[str, Any]], dtypes: Mapping[str, str]) -> Any:
    """A DataFrame with exactly the documented columns in order and dtypes (also when empty)."""
    pd = _pandas()
    df = pd.DataFrame(rows, columns=list(dtypes))
    modern = int(pd.__version__.split(".")[0]) >= 3
    for column, dtype in dtypes.items():
        if dtype == "datetime64[ns]":
            df[column] = pd.to_datetime(df[column]).astype("datetime64[ns]")
        elif dtype == "str":
            # pandas 3's string dtype keeps missing values missing; older pandas keeps objects.
            if modern:
                df[column] = df[column].astype("str")
        elif dtype != "object":
            df[column] = df[column].astype(dtype)
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


SCORES = {
    "agreement": "str",
    "as_of": "datetime64[ns]",
    "dimension": "str",
    "score": "Int64",
    "band": "str",
    "met": "Int64",
    "applicable": "Int64",
    "not_assessed": "Int64",
    "reason": "str",
}


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
    _check_lang(lang)
    rows: list[dict[str, Any]] = []
    for a in _assessments(assessments):
        for d in a.dimensions:
            rows.append(
                {
                    "agreement": a.agreement,
                    "as_of": a.as_of,
                    "dimension": d["dimension"],
                    "score": d.get("score"),
                    "band": d.get("band"),
                    "met": d.get("met"),
                    "applicable": d.get("applicable"),
                    "not_assessed": d.get("not_assessed"),
                    "reason": _text(d.get("reason"), lang) or "",
                }
            )
        rows.append(
            {
                "agreement": a.agreement,
                "as_of": a.as_of,
                "dimension": "overall",
                "score": a.overall,
                "band": a.overall_band,
                "met": None,
                "applicable": None,
                "not_assessed": None,
                "reason": "",
            }
        )
    return _frame(rows, SCORES)


CHECKS = {
    "agreement": "str",
    "code": "str",
    "dimension": "str",
    "status": "str",
    "weight": "float64",
    "credit": "float64",
    "note": "str",
}


def checks_frame(assessments: Assessments, lang: str = "en") -> Any:
    """Every check of the assessments: one row per assessment and check.

    Columns: ``agreement`` (str), ``code`` (str, e.g. ``"assessment.not_formalised"``),
    ``dimension`` (str), ``status`` (str: ``"met"``, ``"partly_met"``, ``"not_met"``,
    ``"not_applicable"`` or ``"not_assessed"``), ``weight`` (float64), ``credit`` (float64, 0-1; NaN when not
    assessed), ``note`` (str, in ``lang``).
    """
    _check_lang(lang)
    rows = [
        {
            "agreement": a.agreement,
            "code": c["code"],
            "dimension": c["dimension"],
            "status": c["status"],
            "weight": c.get("weight"),
            "credit": c.get("credit"),
            "note": _text(c.get("note"), lang) or "",
        }
        for a in _assessments(assessments)
        for c in a.checks
    ]
    return _frame(rows, CHECKS)


ASSESSED_FINDINGS = {
    "agreement": "str",
    "severity": "str",
    "code": "str",
    "path": "str",
    "dimension": "str",
    "check": "str",
    "message": "str",
    "advice": "str",
    "source_document": "str",
    "source_section": "str",
}


def assessment_findings_frame(assessments: Assessments, lang: str = "en") -> Any:
    """The assessments' findings: one row per assessment and finding.

    Columns: ``agreement``, ``severity`` (``"error"``, ``"warning"``, ``"info"``), ``code``,
    ``path``, ``dimension``, ``check`` (the check's code), ``message`` and ``advice`` (in
    ``lang``), ``source_document`` and ``source_section`` (the seed document behind the rule;
    missing when none) — all str. ``df.groupby(["severity", "source_document"]).size()``
    counts findings by severity and source.
    """
    _check_lang(lang)
    rows = [
        {
            "agreement": a.agreement,
            "severity": f.severity,
            "code": f.code,
            "path": f.path,
            "dimension": f.dimension,
            "check": f.check,
            "message": f.message(lang),
            "advice": f.advice(lang),
            "source_document": f.finding.source_document,
            "source_section": f.finding.source_section,
        }
        for a in _assessments(assessments)
        for f in a.findings
    ]
    return _frame(rows, ASSESSED_FINDINGS)


MATCHES = {
    "run": "str",
    "newcomer": "str",
    "offer": "str",
    "score": "float64",
    "waiting_days": "int64",
    "hard_rules": "int64",
    "soft_rules_scoring": "int64",
}


def matches_frame(runs: Runs) -> Any:
    """The proposed matches of one run or several: one row per match.

    Columns: ``run`` (str, the run's id), ``newcomer`` and ``offer`` (str, pseudonymous ids),
    ``score`` (float64, the sum of the soft rules' points), ``waiting_days`` (int64, days the
    household had waited on the run's day), ``hard_rules`` (int64, hard rules met) and
    ``soft_rules_scoring`` (int64, soft rules that added points). Each rule's part is in
    :func:`match_rules_frame`.
    """
    rows = [
        {
            "run": run.id,
            "newcomer": m["newcomer"],
            "offer": m["offer"],
            "score": m["score"],
            "waiting_days": m["waiting_days"],
            "hard_rules": sum(1 for r in m["explanation"] if r["hard"]),
            "soft_rules_scoring": sum(1 for r in m["explanation"] if not r["hard"] and r["points"] > 0),
        }
        for run in _runs(runs)
        for m in run.matches
    ]
    return _frame(rows, MATCHES)


MATCH_RULES = {
    "run": "str",
    "newcomer": "str",
    "offer": "str",
    "rule": "str",
    "hard": "bool",
    "points": "float64",
    "text": "str",
}


def match_rules_frame(runs: Runs, lang: str = "en") -> Any:
    """Why each match was proposed: one row per match and rule.

    Columns: ``run``, ``newcomer``, ``offer``, ``rule`` (str), ``hard`` (bool: a hard rule,
    met), ``points`` (float64, 0 for hard rules), ``text`` (str, the rule's explanation in
    ``lang``).
    """
    _check_lang(lang)
    rows = [
        {
            "run": run.id,
            "newcomer": m["newcomer"],
            "offer": m["offer"],
            "rule": r["rule"],
            "hard": r["hard"],
            "points": r["points"],
            "text": r["text"][lang],
        }
        for run in _runs(runs)
        for m in run.matches
        for r in m["explanation"]
    ]
    return _frame(rows, MATCH_RULES)


UNMATCHED = {
    "run": "str",
    "newcomer": "str",
    "waiting_days": "int64",
    "binding": "str",
    "binding_rule": "str",
    "binding_offers": "Int64",
    "reason": "str",
    "reasons": "object",
}


def _binding_offers(b: Mapping[str, Any]) -> Any:
    for key in ("offers_blocked_only_by_it", "offers", "eligible"):
        if key in b:
            return b[key]
    return None


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
    _check_lang(lang)
    rows = [
        {
            "run": run.id,
            "newcomer": u["newcomer"],
            "waiting_days": u["waiting_days"],
            "binding": u["binding"]["type"],
            "binding_rule": u["binding"].get("rule"),
            "binding_offers": _binding_offers(u["binding"]),
            "reason": u["reasons"][0][lang] if u["reasons"] else "",
            "reasons": [r[lang] for r in u["reasons"]],
        }
        for run in _runs(runs)
        for u in run.unmatched
    ]
    return _frame(rows, UNMATCHED)


UNMET = {
    "run": "str",
    "demand_type": "str",
    "demand": "str",
    "households": "int64",
    "offers": "int64",
    "free_places": "int64",
    "text": "str",
}


def unmet_demand_frame(runs: Runs, lang: str = "en") -> Any:
    """Needs and languages the offers cannot cover: one row per run and demand.

    Columns: ``run`` (str), ``demand_type`` (str: ``"need"`` or ``"language"``), ``demand``
    (str: the need's value or the ISO 639 language code), ``households`` (int64, households
    asking), ``offers`` and ``free_places`` (int64, offers with free places providing it and
    their places), ``text`` (str, in ``lang``).
    """
    _check_lang(lang)
    rows = [
        {
            "run": run.id,
            "demand_type": g["demand"]["type"],
            "demand": g["demand"].get("need", g["demand"].get("language")),
            "households": g["households"],
            "offers": g["offers"],
            "free_places": g["free_places"],
            "text": g["text"][lang],
        }
        for run in _runs(runs)
        for g in run.unmet_demand
    ]
    return _frame(rows, UNMET)


CHECKLIST = {
    "agreement": "str",
    "template": "str",
    "section": "str",
    "item": "str",
    "position": "int64",
    "question": "str",
    "critical": "bool",
    "weight": "float64",
    "status": "str",
    "score": "float64",
    "resolved": "bool",
    "answers": "object",
}


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
    _check_lang(lang)
    items = [alignments] if isinstance(alignments, ChecklistAlignment) else list(alignments)
    rows = [
        {
            "agreement": a.agreement,
            "template": a.template,
            "section": i["section"],
            "item": i["item"],
            "position": i["position"],
            "question": i["text"][lang],
            "critical": i["critical"],
            "weight": i["weight"],
            "status": i["status"],
            "score": i.get("score"),
            "resolved": i["resolved"],
            "answers": [_text(c.get("display"), lang) if c else None for c in i["cells"]],
        }
        for a in items
        for i in a.items
    ]
    return _frame(rows, CHECKLIST)


SHARES = {
    "survey": "str",
    "question": "str",
    "group": "str",
    "positive": "int64",
    "respondents": "int64",
    "share": "float64",
    "low": "float64",
    "high": "float64",
    "reference": "float64",
}


def survey_shares_frame(dossier: Dossier, surveys: Union[str, Sequence[str]]) -> Any:
    """Survey shares with their 95 % Wilson intervals: one row per survey, question and group.

    ``surveys`` is a survey id or a list of them (see ``bb.surveys(dossier)``). Columns:
    ``survey``, ``question`` (str), ``group`` (str: the respondent group, or ``"all"`` for
    everyone), ``positive`` and ``respondents`` (int64), ``share`` (float64, positive /
    respondents), ``low`` and ``high`` (float64, the interval; NaN when it cannot be given),
    ``reference`` (float64, the LBB evaluation's figure to compare with; NaN when none).
    """
    ids = [surveys] if isinstance(surveys, str) else list(surveys)
    rows = []
    for survey in ids:
        for s in survey_results(dossier, survey):
            interval = s.get("interval") or {}
            rows.append(
                {
                    "survey": survey,
                    "question": s["question"],
                    "group": s.get("group") or "all",
                    "positive": s["positive"],
                    "respondents": s["respondents"],
                    "share": s["share"],
                    "low": interval.get("low"),
                    "high": interval.get("high"),
                    "reference": s.get("reference"),
                }
            )
    return _frame(rows, SHARES)


CHANGES = {
    "question": "str",
    "group": "str",
    "share_before": "float64",
    "share_after": "float64",
    "change": "float64",
    "low": "float64",
    "high": "float64",
    "significant": "bool",
}


def survey_changes_frame(dossier: Dossier, before: str, after: str) -> Any:
    """How each share changed between two survey rounds: one row per question and group.

    Columns: ``question`` (str), ``group`` (str, ``"all"`` for everyone), ``share_before`` and
    ``share_after`` (float64), ``change`` (float64, after - before), ``low`` and ``high``
    (float64, the Newcombe 95 % interval of the change), ``significant`` (bool: the interval
    excludes 0).
    """
    rows = []
    for c in compare_surveys(dossier, before, after):
        interval = c.get("interval") or {}
        rows.append(
            {
                "question": c["question"],
                "group": c.get("group") or "all",
                "share_before": c["before"]["share"],
                "share_after": c["after"]["share"],
                "change": c["change"],
                "low": interval.get("low"),
                "high": interval.get("high"),
                "significant": c["significant"],
            }
        )
    return _frame(rows, CHANGES)


ROLES = {
    "agreement": "str",
    "version": "int64",
    "task": "str",
    "task_name": "str",
    "statutory": "bool",
    "party": "str",
    "party_name": "str",
    "municipal": "bool",
    "role": "str",
}


def role_matrix_frame(matrix: Union[RoleMatrix, Roles], lang: str = "en") -> Any:
    """The role matrix in long form: one row per task, party and role held (RACI).

    Takes a ``RoleMatrix`` or a ``Roles`` (its matrix in force). Columns: ``agreement`` (str),
    ``version`` (int64, the split's version), ``task`` (str key), ``task_name`` (str, in
    ``lang``), ``statutory`` (bool, a statutory municipal duty), ``party`` (str key, e.g.
    ``"department:aalborg/jobcenter"``), ``party_name`` (str), ``municipal`` (bool), ``role``
    (str: ``"responsible"``, ``"accountable"``, ``"consulted"`` or ``"informed"``). A wide
    table: ``df.pivot_table(index="task", columns="party", values="role", aggfunc=",".join)``.
    """
    _check_lang(lang)
    m = matrix.matrix() if isinstance(matrix, Roles) else matrix
    data = m.to_dict()
    parties = data["parties"]
    rows = [
        {
            "agreement": data["agreement"],
            "version": data["version"],
            "task": row["task"]["key"],
            "task_name": row["task"]["name"][lang],
            "statutory": row["task"]["statutory"],
            "party": parties[i]["key"],
            "party_name": parties[i]["name"],
            "municipal": parties[i]["municipal"],
            "role": role,
        }
        for row in data["rows"]
        for i, cell in enumerate(row["cells"])
        for role in cell["roles"]
    ]
    return _frame(rows, ROLES)


INTRODUCTIONS = {
    "cohort": "str",
    "newcomer": "str",
    "state": "str",
    "introductions": "int64",
    "next_number": "Int64",
    "last_on": "datetime64[ns]",
    "due_on": "datetime64[ns]",
    "deadline": "datetime64[ns]",
    "days_overdue": "Int64",
    "text": "str",
}


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
    _check_lang(lang)
    rows = [
        {
            "cohort": cohort,
            "newcomer": s["newcomer"],
            "state": s["state"],
            "introductions": s["introductions"],
            "next_number": s.get("next_number"),
            "last_on": s.get("last_on"),
            "due_on": s.get("due_on"),
            "deadline": s.get("deadline"),
            "days_overdue": s.get("days_overdue"),
            "text": _text(s.get("text"), lang) or "",
        }
        for s in dossier.introduction_status(cohort, on)
    ]
    return _frame(rows, INTRODUCTIONS)


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
