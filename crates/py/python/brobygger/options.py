"""Session-wide options: the display language and progress bars.

>>> import brobygger as bb
>>> bb.options.lang
'da'
>>> bb.set_options(lang="en")
>>> bb.options.lang
'en'
>>> bb.set_options(lang="da")

``bb.options.lang`` is the language of every notebook display (``_repr_html_``,
``_repr_markdown_``) and of every display method called without ``lang`` (``html()``,
``markdown()``, ``render()``, ``summary()``, ...): Danish until changed. An explicit ``lang=``
always wins. ``bb.options.progress`` turns the progress bars of long work (matching large
instances, ``assess_many``, table runs) on or off; they show only when ``tqdm`` is installed.
"""

from __future__ import annotations

import os
from typing import Literal

from brobygger._brobygger import _display_lang, _set_display_lang

__all__ = ["Options", "options", "set_options"]


class Options:
    """The session's options; use the one instance, ``bb.options``."""

    def __init__(self) -> None:
        """Options as a new session starts: Danish displays, progress bars on unless the
        environment variable ``BROBYGGER_PROGRESS`` is ``0``."""
        self._progress = os.environ.get("BROBYGGER_PROGRESS", "1") != "0"

    @property
    def lang(self) -> Literal["da", "en"]:
        """The display language, ``"da"`` or ``"en"``; set it with any spelling a ``lang``
        argument takes (``"dansk"``, ``"EN"``). Anything else raises ``InvalidInputError``
        and changes nothing."""
        return "en" if _display_lang() == "en" else "da"

    @lang.setter
    def lang(self, value: str) -> None:
        _set_display_lang(value)

    @property
    def progress(self) -> bool:
        """Whether long work shows a progress bar (with ``tqdm`` installed; silent without)."""
        return self._progress

    @progress.setter
    def progress(self, value: bool) -> None:
        if not isinstance(value, bool):
            raise TypeError(f"options.progress is True or False, not {type(value).__name__}")
        self._progress = value

    def __repr__(self) -> str:
        """``Options(lang='da', progress=True)``."""
        return f"Options(lang={self.lang!r}, progress={self.progress!r})"


options = Options()


def set_options(*, lang: str | None = None, progress: bool | None = None) -> None:
    """Sets the given options and leaves the others: ``bb.set_options(lang="en")``."""
    if lang is not None:
        options.lang = lang
    if progress is not None:
        options.progress = progress
