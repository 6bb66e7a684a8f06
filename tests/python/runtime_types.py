"""A small runtime check of a value against a type hint: TypedDicts (required keys present,
no unknown keys), Literals, unions, lists, dicts, tuples and the JSON alias. What
test_stub_types.py uses to prove that the stub's types are the values' types."""

from __future__ import annotations

import datetime
import sys
import types
import typing
from typing import Any, ForwardRef, Literal, NotRequired, Required, Union, get_args, get_origin, is_typeddict


def _resolve(hint: object, ns: dict[str, object]) -> object:
    if isinstance(hint, str):
        hint = ForwardRef(hint)
    if isinstance(hint, ForwardRef):
        return eval(hint.__forward_arg__, ns)  # noqa: S307 - our own generated names
    return hint


def problems(value: object, hint: object, ns: dict[str, object], path: str = "$") -> list[str]:
    """Every place where `value` does not fit `hint`, as `path: what` lines (empty if it fits)."""
    hint = _resolve(hint, ns)
    origin = get_origin(hint)
    if hint is typing.Any or hint is object:
        return []
    if hint is None or hint is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if origin in (NotRequired, Required):
        return problems(value, get_args(hint)[0], ns, path)
    if origin is Literal:
        return [] if value in get_args(hint) else [f"{path}: {value!r} not in {get_args(hint)}"]
    if origin is Union or (sys.version_info >= (3, 10) and origin is types.UnionType):
        alts = [problems(value, a, ns, path) for a in get_args(hint)]
        if any(not a for a in alts):
            return []
        return [f"{path}: {value!r:.80} fits none of {hint}"] + min(alts, key=len)
    if origin in (list, typing.List):
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__} is not a list"]
        (item,) = get_args(hint) or (object,)
        return [p for i, v in enumerate(value) for p in problems(v, item, ns, f"{path}[{i}]")]
    if origin in (tuple, typing.Tuple):
        if not isinstance(value, tuple):
            return [f"{path}: {type(value).__name__} is not a tuple"]
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return [p for i, v in enumerate(value) for p in problems(v, args[0], ns, f"{path}[{i}]")]
        if len(args) != len(value):
            return [f"{path}: {len(value)} items, not {len(args)}"]
        return [p for i, (v, a) in enumerate(zip(value, args)) for p in problems(v, a, ns, f"{path}[{i}]")]
    if origin in (dict, typing.Dict):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not a dict"]
        k, v = get_args(hint) or (object, object)
        return [
            p
            for key, item in value.items()
            for p in problems(key, k, ns, f"{path}.key") + problems(item, v, ns, f"{path}.{key}")
        ]
    if is_typeddict(hint):
        td: Any = hint
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not a dict ({td.__name__})"]
        hints = typing.get_type_hints(td, globalns=ns, include_extras=True)
        # NotRequired inside a quoted annotation is only seen once resolved
        required = {
            k for k, h in hints.items() if k in td.__required_keys__ and get_origin(h) is not NotRequired
        }
        out = [f"{path}: missing key {k!r} ({td.__name__})" for k in required if k not in value]
        out += [f"{path}: unknown key {k!r} ({td.__name__})" for k in value if k not in hints]
        for k, item in value.items():
            if k in hints:
                out += problems(item, hints[k], ns, f"{path}.{k}")
        return out
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r:.80} is not a float"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r:.80} is not an int"]
    if isinstance(hint, type):
        if hint is datetime.date and isinstance(value, datetime.datetime):
            return [f"{path}: a datetime, not a date"]
        return [] if isinstance(value, hint) else [f"{path}: {type(value).__name__} is not {hint.__name__}"]
    if origin is not None and isinstance(origin, type):
        return [] if isinstance(value, origin) else [f"{path}: {type(value).__name__} is not {origin.__name__}"]
    return [f"{path}: cannot check {hint!r}"]
