"""Long computations release the GIL: while the library assesses many dossiers, renders a report
or matches a cohort, another Python thread keeps running."""

from __future__ import annotations

import bisect
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

import brobygger as bb


def ticks_per_second_inside_calls(operation: Callable[[], Any], busy: float = 0.3) -> float:
    """Runs `operation` on a worker thread, again and again until it has spent `busy` seconds
    inside it, while this thread counts its own steps (one per ~0.2 ms); returns how many of its
    steps per second fell inside the library calls.

    The switch interval is raised to 0.1 s meanwhile: a call that held the GIL would let this
    thread step at most ~10 times a second, one that releases it lets it step thousands."""
    windows: list[tuple[float, float]] = []
    done = threading.Event()

    def work() -> None:
        spent = 0.0
        while spent < busy:
            start = time.perf_counter()
            operation()
            end = time.perf_counter()
            windows.append((start, end))
            spent += end - start
        done.set()

    ticks: list[float] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.1)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0002)
        worker.join()
    finally:
        sys.setswitchinterval(interval)
    starts = [w[0] for w in windows]
    inside = 0
    for t in ticks:
        i = bisect.bisect_right(starts, t) - 1
        if i >= 0 and windows[i][0] < t < windows[i][1]:
            inside += 1
    return inside / sum(e - s for s, e in windows)


def test_assessing_many_dossiers_releases_the_gil() -> None:
    dossiers = [bb.Dossier.example(n) for n in bb.example_names()] * 40
    result = bb.assess_many(dossiers, dt.date(2017, 8, 1))
    assert [len(r) for r in result[:3]] == [1, 2, 1]
    assert result[0][0] == dossiers[0].assessment.assess("aalborg-lbb", dt.date(2017, 8, 1))
    assert ticks_per_second_inside_calls(lambda: bb.assess_many(dossiers, dt.date(2017, 8, 1))) > 200


def test_rendering_a_report_releases_the_gil() -> None:
    r = bb.Dossier.example("horsens").assessment.report("horsens-lawan", dt.date(2017, 8, 1), "en")
    assert ticks_per_second_inside_calls(r.html) > 200


def test_matching_a_cohort_releases_the_gil() -> None:
    d = bb.Dossier.example("ikast-brande")
    assert ticks_per_second_inside_calls(
        lambda: d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1))) > 200


def test_the_measure_tells_a_call_that_holds_the_gil_apart() -> None:
    # `assess_all` keeps the GIL: this thread steps only when the interpreter switches.
    d = bb.Dossier.example("horsens")
    assert ticks_per_second_inside_calls(lambda: d.assessment.assess_all(dt.date(2017, 8, 1))) < 50


def test_a_dossier_being_assessed_can_still_be_read_elsewhere() -> None:
    dossiers = [bb.Dossier.example("horsens")] * 200
    seen: list[int] = []
    t = threading.Thread(target=lambda: seen.append(len(bb.assess_many(dossiers, dt.date(2017, 8, 1)))))
    t.start()
    titles = {dossiers[0].title for _ in range(50)}
    t.join()
    assert seen == [200] and len(titles) == 1


@pytest.mark.parametrize("bad", [[object()], "not a list"])
def test_assess_many_rejects_what_is_not_a_dossier(bad: Any) -> None:
    with pytest.raises(TypeError):
        bb.assess_many(bad, dt.date(2017, 8, 1))
