"""Notebook display for lists of findings: :class:`Findings` is a ``list`` of ``Finding`` that
Jupyter shows as a table (severity, code, path, message, source) under counts per severity.

>>> import brobygger as bb
>>> found = bb.Findings(bb.Dossier.example("horsens").validate())
>>> found.count_by_severity()["error"]
0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from brobygger._brobygger import Finding, findings_html

__all__ = ["Findings"]


class Findings(list[Finding]):
    """A list of findings that shows itself in Jupyter as an HTML table (``_repr_html_``) and
    in the console as counts per severity (``repr``).

    Wrap any list of findings: ``bb.Findings(dossier.validate())``. The table holds codes,
    paths, the library's own Danish or English texts (``lang``, default ``bb.options.lang`` at
    display time) and sources: nothing a finding does not already hold, and findings never hold
    personal values.
    """

    lang: str | None

    def __init__(self, findings: Iterable[Finding] = (), lang: str | None = None) -> None:
        """Findings from any iterable of ``Finding``; ``lang`` (``"da"`` or ``"en"``) is the
        language of the HTML table, ``None`` for ``bb.options.lang`` when shown."""
        super().__init__(findings)
        for f in self:
            if not isinstance(f, Finding):
                raise TypeError(f"Findings holds Finding objects, not {type(f).__name__}")
        if lang is not None:
            findings_html([], lang)  # an unknown language fails here, not at display time
        self.lang = lang

    def count_by_severity(self) -> dict[str, int]:
        """How many findings of each severity: ``{"error": n, "warning": n, "info": n}``."""
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self:
            counts[f.severity] += 1
        return counts

    def errors(self) -> Findings:
        """Only the findings with severity ``"error"``."""
        return Findings((f for f in self if f.severity == "error"), self.lang)

    def html(self, lang: str | None = None) -> str:
        """The findings as a self-contained HTML fragment in ``lang`` (default: this list's,
        else ``bb.options.lang``)."""
        return findings_html(list(self), lang or self.lang)

    def frame(self, lang: str | None = None) -> Any:
        """The findings as a pandas DataFrame (see :func:`brobygger.findings_frame`)."""
        from brobygger.frames import findings_frame
        from brobygger.options import options

        return findings_frame(self, lang or self.lang or options.lang)

    def _repr_html_(self) -> str:
        """Jupyter: the HTML table in this list's language."""
        return self.html()

    def __repr__(self) -> str:
        """``Findings(n: e errors, w warnings, i info)``; the findings themselves by index."""
        c = self.count_by_severity()
        return f"Findings({len(self)}: {c['error']} errors, {c['warning']} warnings, {c['info']} info)"
