"""Calls the package's functions on the built-in examples and records what they return, by
`Class.function` (or `function`) as the stub names them. test_stub_types.py checks each value
against the stub's return type; scripts/gen_types.py's table was drafted from the same values.

Arguments come from the examples by parameter name (`agreement` is an agreement of the example,
`on` its reference day, ...); a call that raises is skipped, not recorded."""

from __future__ import annotations

import ast
import datetime
import inspect
import os
from collections import defaultdict
from typing import Any, Callable, Iterator

import brobygger
import brobygger._brobygger as native

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STUB = os.path.join(ROOT, "crates", "py", "python", "brobygger", "_brobygger.pyi")

# Calls that change or write outside the object, or take long: never made here.
SKIP = {
    "Store",
    "Dossier.save",
    "Dossier.save_json",
    "DossierPrivacy.apply_retention",
    "DossierPrivacy.anonymise",
    "DossierPrivacy.withdraw_consent",
    "DossierPrivacy.release",
    "DossierPrivacy.import_dpv",
}


def stub_functions() -> dict[str, ast.FunctionDef]:
    """`Class.function` / `function` → its stub definition."""
    tree = ast.parse(open(STUB, encoding="utf-8").read())
    out: dict[str, ast.FunctionDef] = {}
    for st in tree.body:
        if isinstance(st, ast.ClassDef):
            for f in st.body:
                if isinstance(f, ast.FunctionDef):
                    out[f"{st.name}.{f.name}"] = f
        elif isinstance(st, ast.FunctionDef):
            out[st.name] = f if False else st
    return out


def _is_property(f: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)


def _is_static(f: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in f.decorator_list)


class Context:
    """Argument values by parameter name, taken from one example dossier."""

    def __init__(self, name: str) -> None:
        self.dossier = brobygger.Dossier.example(name)
        self.day = brobygger.example_reference_date(name)
        d: Any = self.dossier.to_dict()
        def first(key: str) -> object:
            return next((x.get("id") for x in d.get(key) or [] if isinstance(x, dict)), None)

        cohorts: list[Any] = d.get("cohorts") or []
        cohort: Any = cohorts[0] if cohorts else {}
        newcomers = cohort.get("newcomers") or [] if isinstance(cohort, dict) else []
        offers = d.get("offers") or []
        runs = d.get("match_runs") or d.get("runs") or []
        self.values: dict[str, object] = {
            "agreement": first("agreements"),
            "cohort": first("cohorts"),
            "newcomer": newcomers[0].get("id") if newcomers else None,
            "household": newcomers[0].get("id") if newcomers else None,
            "offer": offers[0].get("id") if offers else None,
            "run": runs[0].get("id") if runs and isinstance(runs[0], dict) else None,
            "survey": first("surveys"),
            "on": self.day,
            "as_of": self.day,
            "lang": "en",
            "dossier": self.dossier,
            "name": name,
            "rule_set": first("rule_sets"),
            "alternatives": 2,
            "why_not": [(newcomers[0].get("id"), offers[-1].get("id"))] if newcomers and offers else None,
            "rules": brobygger.RuleSet.from_dict(d["rule_sets"][0]) if d.get("rule_sets") else None,
            "newcomers": newcomers or None,
            "offers": offers or None,
            "findings": self.dossier.validate(),
            "code": "load.io",
            "table": "newcomers",
            "municipality": first("municipalities"),
        }

    def runs(self) -> list[brobygger.MatchRun]:
        """Runs with matches: the Ikast-Brande cohort on the day it was matched."""
        if "ikast-2016-q1" not in [c["id"] for c in self.dossier.cohorts]:
            return []
        m = self.dossier.matching
        day = datetime.date(2016, 4, 1)
        newcomers = self.dossier.cohorts[0].get("newcomers", [])
        why = [(n["id"], o["id"]) for n in newcomers[:2] for o in self.dossier.offers[:2]]
        return [
            m.match_cohort("ikast-2016-q1", "vvv-ikast", day, alternatives=2, why_not=why),
            m.match_cohort("ikast-2016-q1", "vvv-ikast", day, solver="stable"),
        ]

    def args(self, f: ast.FunctionDef) -> dict[str, object] | None:
        out: dict[str, object] = {}
        a = f.args
        params = [*a.posonlyargs, *a.args, *a.kwonlyargs]
        defaults = len(a.defaults)
        required_pos = {p.arg for p in [*a.posonlyargs, *a.args][: len([*a.posonlyargs, *a.args]) - defaults]}
        required_kw = {p.arg for p, dflt in zip(a.kwonlyargs, a.kw_defaults) if dflt is None}
        for p in params:
            if p.arg == "self":
                continue
            v = self.values.get(p.arg)
            if v is not None:
                out[p.arg] = v
            elif p.arg in required_pos or p.arg in required_kw:
                return None
        return out


def _call(target: object, name: str, f: ast.FunctionDef, ctx: Context) -> Iterator[object]:
    try:
        if _is_property(f):
            yield getattr(target, name)
            return
        args = ctx.args(f)
        if args is None:
            return
        yield getattr(target, name)(**args)
    except Exception:  # noqa: BLE001 - a call the examples cannot make is simply not recorded
        return


def exercise(examples: list[str] | None = None) -> dict[str, list[object]]:
    """`Class.function` → the values it returned on the examples."""
    fns = stub_functions()
    seen: dict[str, list[object]] = defaultdict(list)
    classes = {n for n in (k.split(".")[0] for k in fns if "." in k)}
    for example in examples or list(native.example_names()):
        ctx = Context(example)
        queue: list[object] = [ctx.dossier, *native.checklist_templates(), *ctx.runs()]
        visited: dict[str, int] = defaultdict(int)
        while queue:
            obj = queue.pop(0)
            cls = type(obj).__name__
            if cls not in classes or cls in SKIP or visited[cls] >= 3:
                continue
            visited[cls] += 1
            for key, f in fns.items():
                owner, _, name = key.partition(".")
                if owner != cls or key in SKIP or name.startswith("__") or name in ("_from_state",):
                    continue
                if name.startswith("_repr") or name in ("save", "write", "to_file"):
                    continue
                for value in _call(obj, name, f, ctx):
                    seen[key].append(value)
                    for v in value if isinstance(value, (list, tuple)) else [value]:
                        if type(v).__name__ in classes:
                            queue.append(v)
        for key, f in fns.items():
            if "." in key or key in SKIP or key.startswith("_"):
                continue
            fn: Callable[..., object] | None = getattr(native, key, None)
            if fn is None or not inspect.isbuiltin(fn):
                continue
            args = ctx.args(f)
            if args is None:
                continue
            try:
                seen[key].append(fn(**args))
            except Exception:  # noqa: BLE001
                pass
    return dict(seen)


__all__ = ["exercise", "stub_functions", "Context", "datetime"]
