"""Progress of long calls: what ``progress=`` and ``bb.options.progress`` mean (ADR 0067).

A long call (``match_profiles``, ``match_profiles_consented``, ``Profiles.run``,
``d.matching.match_cohort``, ``rematch``, ``why_not``, ``Store.import_``, ``Store.verify``) takes
``progress=``:

- a callable: it receives each ``brobygger.Progress`` update (``stage``, ``done``, ``total``),
  at most about ten a second, monotone within a stage, the last of a stage at ``done == total``;
  an exception it raises stops the work and comes through as it was raised, and returning
  ``False`` stops it with ``CancelledError`` (``work.cancelled``);
- ``"auto"`` (or ``True``): a tqdm bar per stage, when tqdm is installed and stderr is a terminal
  or the call runs in a notebook; nothing otherwise;
- ``False`` or ``"off"``: nothing;
- ``None`` (the default): what ``bb.options.progress`` says (``False`` until set).

Ctrl-C works whatever the setting: the work looks for it while it runs and stops, raising
``KeyboardInterrupt``; nothing is changed.

>>> import brobygger as bb
>>> seen = []
>>> d = bb.Dossier.example("ikast-brande")
>>> import datetime
>>> run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", datetime.date(2016, 4, 1),
...                               progress=seen.append)
>>> seen[-1].stage, seen[-1].done == seen[-1].total
('solve', True)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from brobygger.types import ProgressOption

if TYPE_CHECKING:
    from brobygger._brobygger import Progress

__all__ = ["ProgressOption"]


def _interactive() -> bool:
    """Whether a bar would be seen: stderr is a terminal, or a notebook kernel runs the call."""
    shell = sys.modules.get("IPython")
    if shell is not None:
        get = getattr(shell, "get_ipython", None)
        ip = get() if callable(get) else None
        if ip is not None and type(ip).__name__ == "ZMQInteractiveShell":
            return True
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(callable(isatty) and isatty())


class _Bars:
    """A tqdm bar per stage, labelled in the display language."""

    def __init__(self, tqdm: type) -> None:
        self._tqdm = tqdm
        self._bar: object = None
        self._stage: str | None = None

    def __call__(self, p: Progress) -> None:
        if p.stage != self._stage:
            self.close()
            self._stage = p.stage
            self._bar = self._tqdm(total=p.total, desc=p.label(), leave=False)
        bar = self._bar
        bar.n = p.done  # type: ignore[attr-defined]
        bar.refresh()  # type: ignore[attr-defined]
        if p.done >= p.total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()  # type: ignore[attr-defined]
        self._bar = None
        self._stage = None


def _bars() -> _Bars | None:
    """Bars when tqdm is installed and someone would see them, else nothing."""
    if not _interactive():
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return _Bars(tqdm)


def _resolve(progress: object) -> Callable[[Progress], object] | None:
    """The callable the native call hands updates to (None: only Ctrl-C is looked for)."""
    if progress is None:
        from brobygger.options import options

        progress = options.progress
    if progress is None or progress is False or progress == "off":
        return None
    if progress is True or progress == "auto":
        return _bars()
    if callable(progress):
        return progress  # type: ignore[no-any-return]
    raise TypeError(
        f"progress must be a function, \"auto\", True, False or \"off\", not {progress!r}"
    )


def _close(callback: object) -> None:
    """Closes a bar left open by work that stopped early."""
    if isinstance(callback, _Bars):
        callback.close()
