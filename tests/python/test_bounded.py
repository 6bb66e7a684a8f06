"""Bounded work and typed errors from Python (issue 18, item 7): data nested deeper than the
library reads, ints beyond 64 bits, FIFOs and devices, duplicate ids and writes that meet a
running read all arrive as the library's typed errors (or wait), never as a crash,
`RecursionError`, `OverflowError` or `RuntimeError: Already borrowed`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import datetime as dt
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any, Callable

import pytest

import brobygger as bb
from conftest import FIXTURES

AS_OF = dt.date(2016, 4, 1)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def profiles() -> tuple[list[Any], list[Any]]:
    d = bb.Dossier.example("ikast-brande").to_dict()
    return d["cohorts"][0]["newcomers"], d["offers"]


@pytest.mark.parametrize("depth", [200, 2_000, 50_000])
def test_data_nested_deeper_than_the_library_reads_is_invalid_input(depth: int) -> None:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, depth + 1_000))
    try:
        deep = nested(depth)
        n, o = profiles()
        calls: list[Callable[[], object]] = [
            lambda: bb.match_profiles(bb.Dossier.example("ikast-brande").rule_sets[0], [dict(n[0], interests=deep)], o, AS_OF),
            lambda: bb.Dossier.from_dict({"schema_version": 1, "title": deep}),
            lambda: bb.profiles([dict(n[0], interests=deep)], o),
            lambda: bb.Dossier.example("ikast-brande").privacy.add_consent({"id": "c", "subject": {"type": "newcomer", "newcomer": deep}}),
        ]
        for call in calls:
            with pytest.raises(bb.InvalidInputError) as info:
                call()
            assert info.value.code in {"input.too_deep", "input.bad_field"}, info.value.code
    finally:
        sys.setrecursionlimit(old)


def test_an_int_beyond_64_bits_is_invalid_input_not_overflow() -> None:
    n, o = profiles()
    rules = bb.Dossier.example("ikast-brande").rule_sets[0]
    for huge in [2**64, -(2**63) - 1, 10**40]:
        big = [dict(o[0], capacity=huge)] + o[1:]
        with pytest.raises(bb.InvalidInputError) as info:
            bb.match_profiles(rules, n, big, AS_OF)
        assert info.value.code == "input.number_out_of_range"
        with pytest.raises(bb.InvalidInputError) as info:
            bb.profiles(n, big)
        assert info.value.code == "input.number_out_of_range"
    # Within 64 bits but beyond the field: the field's own error, typed too.
    with pytest.raises(bb.InvalidInputError) as info:
        bb.match_profiles(rules, n, [dict(o[0], capacity=2**40)] + o[1:], AS_OF)
    assert info.value.code == "input.bad_field"


def test_duplicate_ids_are_refused_not_double_booked() -> None:
    n, o = profiles()
    rules = bb.Dossier.example("ikast-brande").rule_sets[0]
    with pytest.raises(bb.InvalidInputError) as info:
        bb.match_profiles(rules, n, o + [dict(o[0], capacity=1)], AS_OF)
    assert info.value.code == "validation.duplicate_id"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "nyankomne.csv"
    os.mkfifo(fifo)
    for path in [fifo, Path("/dev/zero")]:
        readers: list[Callable[[], object]] = [
            lambda: bb.Dossier.load(path),
            lambda: bb.read_newcomers_csv(str(path)),
            lambda: bb.RuleSet.load(path),
        ]
        for call in readers:
            with pytest.raises(bb.InvalidInputError) as info:
                call()
            assert info.value.code == "load.not_regular_file"


def test_writes_meeting_running_reads_never_fail_with_already_borrowed() -> None:
    # The example's first ten households: the test is about locking, and four readers matching
    # all 48 households in a debug build on a busy machine can keep a writer out past the wait.
    data = bb.Dossier.example("ikast-brande").to_dict()
    data["cohorts"][0]["newcomers"] = data["cohorts"][0]["newcomers"][:10]
    d = bb.Dossier.from_dict(data)
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", AS_OF)
                n, o = d.to_dict()["cohorts"][0]["newcomers"], d.to_dict()["offers"]
                d.matching.match_profiles(d.rule_sets[0], n, o, AS_OF)
        except BaseException as e:  # noqa: BLE001 - any failure fails the test
            errors.append(e)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    written = 0
    try:
        for k in range(60):
            run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", AS_OF, id=f"w-{k}")
            d.matching.add_run(run)
            d.privacy.add_consent(
                {
                    "id": f"c-w-{k}",
                    "subject": {"type": "newcomer", "newcomer": "nc-3817-2204"},
                    "purposes": ["matching"],
                    "given_on": "2016-01-15",
                    "text_version": "vvv-samtykke-2016-01",
                }
            )
            written += 1
    except BaseException as e:  # noqa: BLE001
        errors.append(e)
    finally:
        stop.set()
        for t in readers:
            t.join()
    import traceback

    assert errors == [], ["".join(traceback.format_exception(e)) for e in errors]
    assert written == 60
    assert sum(1 for r in d.match_runs if r.id.startswith("w-")) == 60


def test_the_examples_json_round_trips_within_the_depth_limit() -> None:
    data = json.loads((FIXTURES / "matching" / "vvv-ikast.newcomers.json").read_text(encoding="utf-8"))
    n, o = profiles()
    assert bb.match_profiles(bb.Dossier.example("ikast-brande").rule_sets[0], data, o, AS_OF).pairs()
    del n
