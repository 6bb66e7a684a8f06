"""Fuzzing across the Python boundary (issue 18, item 8): every function of the module and every
method of the dossier's facets, the dossier, rule sets, runs and the store's readers is called
with generated arguments (any Unicode with a planted canary, ints far beyond 64 bits, nesting
deeper than the library reads, dates from year 1 to 9999, bytes, floats with NaN and infinity,
dicts with any keys). Invariants: nothing but the library's own exceptions (or Python's
`TypeError` for an argument of the wrong type) comes out, never a panic, `RuntimeError`,
`RecursionError`, `SystemError`; an int that does not fit is the library's `InvalidInputError`
or pyo3's conversion error for that argument; no message repeats the canary (a
`NotFoundError` names the id it was asked for: ids are the caller's pseudonymous keys). A fixed budget
(`derandomize=True`, a set number of examples) keeps it the same on every run; a longer
campaign: ``BROBYGGER_FFI_FUZZ_EXAMPLES=20000 pytest tests/python/test_ffi_fuzz.py``."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import brobygger as bb

CANARY = "Kanariefugl Q7 0101901234"
EXAMPLES = int(os.environ.get("BROBYGGER_FFI_FUZZ_EXAMPLES", "600"))

# Calls that write files or start long work are left out; they are fuzzed through the readers
# they share (`Store.open` creates a file at any path it is given).
SKIP = {
    "_self_test_panic",  # the test hook that panics on purpose (test_errors.py checks it)
    "generate_person_id",
    "save",
    "open",
    "close",
    "assess_many",
}


def nested(depth: int) -> Any:
    value: Any = CANARY
    for _ in range(depth):
        value = [value]
    return value


scalars = st.one_of(
    st.text(max_size=40),
    st.text(max_size=20).map(lambda s: s + CANARY),
    st.sampled_from(["ikast-brande", "aalborg", "vvv-ikast", "ikast-2016-q1", "matching", "da", "en",
                     "newcomer:nc-6402-1185", "optimal", "greedy", "csv", "html", "md", "text", "", " "]),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**70),
    st.integers(max_value=-(2**63) + 2, min_value=-(2**70)),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.binary(max_size=40),
    st.sampled_from([200, 3_000]).map(nested),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.one_of(st.text(max_size=10), st.just(CANARY), st.just("id"), st.just("type")), inner, max_size=4),
    max_leaves=12,
)


def callables() -> list[tuple[str, Callable[[], Any]]]:
    """(name, a function making the callable afresh) for every public entry point."""
    out: list[tuple[str, Callable[[], Any]]] = []
    native = bb._brobygger
    for name in sorted(dir(native)):
        obj = getattr(native, name)
        if name.startswith("__") or name in SKIP or inspect.isclass(obj) or not callable(obj):
            continue
        out.append((name, functools.partial(lambda o: o, obj)))

    def ikast() -> bb.Dossier:
        return bb.Dossier.example("ikast-brande")

    makers: dict[str, Callable[[], Any]] = {
        "Dossier": ikast,
        "DossierPrivacy": lambda: ikast().privacy,
        "DossierMatching": lambda: ikast().matching,
        "DossierLifecycle": lambda: ikast().lifecycle,
        "DossierChecklists": lambda: ikast().checklists,
        "DossierAssessment": lambda: ikast().assessment,
        "DossierSurveys": lambda: ikast().surveys,
        "DossierReminders": lambda: ikast().reminders,
        "DossierDirectory": lambda: ikast().directory,
        "Roles": lambda: ikast().roles(ikast().agreements[0].id),
        "RuleSet": lambda: ikast().rule_sets[0],
    }
    for cls, make in makers.items():
        for name in sorted(dir(getattr(native, cls))):
            if name.startswith("_") or name in SKIP:
                continue
            attr = inspect.getattr_static(getattr(native, cls), name)
            if isinstance(attr, property) or type(attr).__name__ == "getset_descriptor":
                continue

            def method(make: Callable[[], Any] = make, name: str = name) -> Any:
                return getattr(make(), name)

            out.append((f"{cls}.{name}", method))
    return out


CALLABLES = callables()


def arity(f: Any) -> int:
    try:
        params = inspect.signature(f).parameters.values()
    except (TypeError, ValueError):
        return 2
    return sum(
        1 for p in params
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    )


def test_the_fuzzer_reaches_the_entry_points() -> None:
    names = {n for n, _ in CALLABLES}
    for must in ["match_profiles", "newcomers_from_csv", "Dossier.from_json", "DossierPrivacy.import_dpv",
                 "read_dpv", "DossierMatching.match_cohort", "RuleSet.from_toml", "DossierPrivacy.add_consent"]:
        assert must in names, must
    assert len(names) > 150


def checked(name: str, call: Callable[[], Any]) -> None:
    try:
        call()
    except bb.NotFoundError:
        pass  # names the id it was asked for (ids are pseudonymous; the caller's own argument)
    except bb.BrobyggerError as e:
        text = f"{e} {e.args!r}"
        assert CANARY not in text, f"{name}: the error repeats its input: {e.code}"
    except TypeError:
        pass  # an argument of the wrong Python type (pyo3's conversion)
    except OverflowError as e:
        # pyo3's conversion of an argument into a fixed-size int; never the library's checks.
        assert "int" in str(e) or "convert" in str(e), f"{name}: {e!r}"
        assert CANARY not in str(e)
    except (UnicodeEncodeError, ValueError) as e:
        # A lone surrogate cannot cross into Rust as UTF-8 (Python's own conversion).
        assert "surrogate" in str(e) or isinstance(e, UnicodeEncodeError), f"{name}: {e!r}"


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.sampled_from(CALLABLES), st.lists(values, min_size=0, max_size=4), st.data())
def test_every_entry_point_takes_any_arguments_without_a_panic(
    entry: tuple[str, Callable[[], Any]], extra: list[Any], data: st.DataObject
) -> None:
    name, make = entry
    f = make()
    args = [data.draw(values) for _ in range(arity(f))]
    # The right number of arguments, and sometimes one too many or too few.
    checked(name, lambda: f(*args))
    checked(name, lambda: make()(*(args + extra[:1])))
    if args:
        checked(name, lambda: make()(*args[:-1]))


@settings(max_examples=max(EXAMPLES // 6, 50), deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_the_store_reads_any_file_without_a_panic(content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.db"
        path.write_bytes(content.encode("utf-8", "surrogatepass")[:4096])
        try:
            with bb.Store.open(path) as store:
                checked("Store.verify", store.verify)
                checked("Store.log", lambda: store.log(records=True))
        except bb.BrobyggerError as e:
            assert CANARY not in str(e)
