"""Progress and Ctrl-C on long calls (ADR 0067): a callable hears monotone updates that end at
each stage's total; an exception in it, or Ctrl-C, stops the work and comes through as raised,
and a store keeps what it held; ``"auto"`` draws a tqdm bar only where someone would see it;
``bb.options.progress`` is the default of every ``progress=``, on every long call (match,
why-not, the consented match, profiles in bulk, a store's import and verification)."""

from __future__ import annotations

import _thread
import datetime as dt
import json
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest

import brobygger as bb
import brobygger.progress
from brobygger.types import ProgressOption, ProgressStage
from conftest import FIXTURES

ProgressCallback = Callable[[bb.Progress], object]

MATCHING = FIXTURES / "matching"
DAY = dt.date(2016, 4, 1)


def big(copies: int) -> tuple[bb.RuleSet, list[dict[str, Any]], list[dict[str, Any]]]:
    """Ikast-Brande's households and offers copied under new ids: a match that takes a while."""
    rules = bb.RuleSet.load(MATCHING / "vvv-ikast.rules.toml")
    n = json.loads((MATCHING / "vvv-ikast.newcomers.json").read_text(encoding="utf-8"))
    o = json.loads((MATCHING / "vvv-ikast.offers.json").read_text(encoding="utf-8"))
    newcomers = [{**x, "id": f"{x['id']}-{k}"} for k in range(copies) for x in n]
    offers = [{**x, "id": f"{x['id']}-{k}"} for k in range(copies) for x in o]
    return rules, newcomers, offers


def well_formed(seen: list[bb.Progress], stages: list[str]) -> None:
    """Within a stage `done` only grows, each stage ends at its total, in the run's order."""
    order: list[str] = []
    for a, b in zip(seen, seen[1:]):
        if a.stage == b.stage:
            assert a.done < b.done and a.total == b.total, (a, b)
        else:
            assert a.done == a.total, (a, b)
    for p in seen:
        assert 0 <= p.done <= p.total
        if not order or order[-1] != p.stage:
            order.append(p.stage)
    assert order == stages
    assert seen[-1].done == seen[-1].total


def test_a_callable_receives_monotone_updates_ending_at_the_total() -> None:
    d = bb.Dossier.example("ikast-brande")
    seen: list[bb.Progress] = []
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY, progress=seen.append)
    assert run == d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY)
    well_formed(seen, ["candidates", "solve"])
    assert seen[0].done == 0 and seen[0].total == len(d.cohorts[0]["newcomers"])

    rules, newcomers, offers = big(10)
    seen = []
    run = bb.match_profiles(rules, newcomers, offers, DAY, solver="stable", progress=seen.append)
    well_formed(seen, ["candidates", "solve"])
    assert seen[0].total == len(newcomers)
    assert run.matches


def test_a_progress_says_what_it_counts() -> None:
    seen: list[bb.Progress] = []
    bb.Dossier.example("ikast-brande").matching.match_cohort(
        "ikast-2016-q1", "vvv-ikast", DAY, progress=seen.append
    )
    p = seen[-1]
    assert repr(p) == f"Progress(stage='solve', done={p.total}, total={p.total})"
    assert p.label("da") == "matcher" and p.label("en") == "matching"
    # The stages are a vocabulary like any other: apps' progress lines use the same words.
    stages = {e["value"]: e["label"] for e in bb.vocabulary("da") if e["vocabulary"] == "progress_stage"}
    assert set(stages) == set(get_args(ProgressStage))
    assert all(p.stage in stages and p.label("da") == stages[p.stage] for p in seen)


class Stop(Exception):
    pass


def test_an_exception_in_the_callback_stops_the_work_and_comes_through() -> None:
    rules, newcomers, offers = big(10)
    seen: list[bb.Progress] = []

    def stop(p: bb.Progress) -> None:
        seen.append(p)
        raise Stop("enough")

    with pytest.raises(Stop, match="enough"):
        bb.match_profiles(rules, newcomers, offers, DAY, progress=stop)
    assert len(seen) == 1, "the work went on after the callback raised"


def test_a_store_import_stopped_half_way_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    with bb.Store.open(tmp_path / "s.db") as store:
        store.import_(bb.Dossier.example("horsens"), "anna")
        before, head = store.export_json(), store.head()

        def stop(p: bb.Progress) -> None:
            if p.stage == "import" and p.done > 0:
                raise Stop("half-way")

        bb.set_options(progress=stop)
        try:
            with pytest.raises(Stop):
                store.import_(bb.Dossier.example("ikast-brande"), "anna")
        finally:
            bb.set_options(progress=False)
        assert store.export_json() == before
        assert store.head() == head
        seen: list[bb.Progress] = []
        report = store.verify(progress=seen.append)
        assert report == {"events": head, "problem": None}
        well_formed(seen, ["verify"])
        assert seen[-1].total == head


def ctrl_c_during(call: Callable[[ProgressCallback], object]) -> None:
    """Presses Ctrl-C while `call(progress)` works and checks it raises `KeyboardInterrupt`.

    Ctrl-C is simulated with `_thread.interrupt_main` from another thread once the work is
    under way; the callback waits for it, so the signal always lands during the work."""
    started, interrupted = threading.Event(), threading.Event()
    seen: list[bb.Progress] = []

    def press_ctrl_c() -> None:
        started.wait(60)
        _thread.interrupt_main()
        interrupted.set()

    on_main: list[bool] = []

    def waiting(p: bb.Progress) -> None:
        seen.append(p)
        if not started.is_set():
            on_main.append(threading.current_thread() is threading.main_thread())
            started.set()
            interrupted.wait(60)

    # Python keeps SIGINT ignored when it started ignored (a command started in the background by
    # a non-interactive shell, as a CI runner may start the test command): Ctrl-C is then never
    # delivered at all. The test sets the handler an interactive session has.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    helper = threading.Thread(target=press_ctrl_c)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call(waiting)
    finally:
        helper.join()
        signal.signal(signal.SIGINT, before)
    # Where the update that saw Ctrl-C came on the calling thread, the work stopped there. Python
    # runs signal handlers on the main thread only: seen from one of the core's worker threads,
    # the interrupt is raised when the call ends (progress.rs, `outcome`).
    if on_main == [True]:
        assert not any(p.stage == "solve" and p.done == p.total for p in seen), "the match ran to its end"


def test_ctrl_c_stops_the_work_with_keyboard_interrupt() -> None:
    rules, newcomers, offers = big(20)
    ctrl_c_during(lambda progress: bb.match_profiles(rules, newcomers, offers, DAY, progress=progress))
    # The session goes on: the next call works.
    assert bb.match_profiles(rules, newcomers[:50], offers[:50], DAY).matches


# The other long calls take the same `progress=`: why-not (it matches the cohort first), the
# consented match over records held outside a dossier, profiles read in bulk, the dense
# assignment (`bb.linear_sum_assignment`) and the search for the largest weakly stable matching. Each is
# called with a `progress` value and gives its answer.
IKAST = bb.Dossier.example("ikast-brande")
_RUN = IKAST.matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY)
_PAIR = (_RUN.unmatched[0]["newcomer"], _RUN.matches[0]["offer"])
_BIG = big(10)
_PROFILES = bb.Profiles.from_tables(_BIG[1], _BIG[2])
# 300 × 300 scores with one forbidden cell: no warm start, so 300 shortest paths (the stage
# counts rows placed).
_SCORES = [[float((7 * i + 13 * j) % 101) for j in range(300)] for i in range(300)]
_SCORES[0][0] = float("-inf")
# 60 households and 20 offers, each listing a third of the other side in ties of three.
_RESIDENTS = [
    (f"r{i}", [[f"h{(i + 3 * g + k) % 20}" for k in range(3)] for g in range(2)]) for i in range(60)
]
_HOSPITALS = [
    (f"h{j}", [[f"r{(j + 20 * g + k) % 60}" for k in range(0, 60, 7)] for g in range(2)]) for j in range(20)
]
_CAPACITIES = [(f"h{j}", 2) for j in range(20)]
OTHER_CALLS: dict[str, tuple[Callable[[ProgressOption | None], object], list[str]]] = {
    "largest_weakly_stable_matching": (
        lambda progress: bb.largest_weakly_stable_matching(
            _RESIDENTS, _HOSPITALS, _CAPACITIES, progress=progress
        ),
        ["solve"],
    ),
    "linear_sum_assignment": (
        lambda progress: [
            [int(x) for x in side]
            for side in bb.linear_sum_assignment(_SCORES, maximize=True, progress=progress)
        ],
        ["solve"],
    ),
    "why_not": (
        lambda progress: IKAST.matching.why_not(
            "ikast-2016-q1", "vvv-ikast", DAY, *_PAIR, progress=progress
        ),
        ["candidates", "solve", "explain"],
    ),
    "match_profiles_consented": (
        lambda progress: bb.match_profiles_consented(
            IKAST.rule_sets[0],
            IKAST.cohorts[0]["newcomers"],
            IKAST.offers,
            DAY,
            IKAST.privacy.to_dict(),
            cohorts=IKAST.cohorts,
            progress=progress,
        ),
        ["candidates", "solve"],
    ),
    "Profiles.run": (
        lambda progress: _PROFILES.run(_BIG[0], DAY, solver="stable", progress=progress),
        ["candidates", "solve"],
    ),
}


@pytest.mark.parametrize("name", sorted(OTHER_CALLS))
def test_the_other_long_calls_report_progress_and_answer_the_same(name: str) -> None:
    call, stages = OTHER_CALLS[name]
    seen: list[bb.Progress] = []
    watched = call(seen.append)
    well_formed(seen, stages)
    assert watched == call(False), "watching changed the answer"
    # The option is the default, and progress=False wins over it.
    bb.set_options(progress=seen.append)
    try:
        seen.clear()
        assert call(None) == watched and seen, "bb.options.progress was not used"
        seen.clear()
        call(False)
        assert not seen, "progress=False did not win over the option"
    finally:
        bb.set_options(progress=False)


@pytest.mark.parametrize("name", sorted(OTHER_CALLS))
def test_the_other_long_calls_stop_when_asked(name: str) -> None:
    call, _ = OTHER_CALLS[name]
    heard: list[bb.Progress] = []

    def no_more(p: bb.Progress) -> bool:
        heard.append(p)
        return False

    with pytest.raises(bb.CancelledError) as info:
        call(no_more)
    assert info.value.code == "work.cancelled"
    assert len(heard) == 1, "the work went on after it was asked to stop"

    def raising(p: bb.Progress) -> None:
        raise Stop("from the callback")

    with pytest.raises(Stop):
        call(raising)
    ctrl_c_during(call)
    assert call(False) == call(None), "the session goes on after Ctrl-C"


def test_options_progress_is_off_by_default_and_refuses_nonsense() -> None:
    assert bb.options.progress is False
    seen: list[bb.Progress] = []
    bb.options.progress = seen.append
    try:
        bb.Dossier.example("ikast-brande").matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY)
        assert seen, "bb.options.progress was not used"
        n = len(seen)
        bb.Dossier.example("ikast-brande").matching.match_cohort(
            "ikast-2016-q1", "vvv-ikast", DAY, progress=False
        )
        assert len(seen) == n, "progress=False did not win over the option"
    finally:
        bb.set_options(progress=False)
    with pytest.raises(TypeError, match="progress"):
        bb.options.progress = 42  # type: ignore[assignment]
    assert bb.options.progress is False


def test_auto_draws_a_tqdm_bar_only_where_someone_would_see_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    d = bb.Dossier.example("ikast-brande")
    monkeypatch.setattr(brobygger.progress, "_interactive", lambda: False)
    d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY, progress="auto")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(brobygger.progress, "_interactive", lambda: True)
    bb.options.lang = "en"
    try:
        d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", DAY, progress="auto")
    finally:
        bb.options.lang = "da"
    err = capsys.readouterr().err
    assert "candidates" in err and "matching" in err, err
    assert "100%" in err
