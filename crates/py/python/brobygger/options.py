"""Session-wide options: the display language and the progress of long calls.

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
always wins.

``bb.options.progress`` is what long calls do with their progress when not given
``progress=`` (``brobygger.progress``): ``False`` (the default) shows nothing, ``"auto"`` a
tqdm bar when tqdm is installed and someone would see it, a function receives each update.

>>> bb.options.progress
False
"""

from __future__ import annotations

from typing import Literal

from brobygger._brobygger import _display_lang, _set_display_lang
from brobygger.progress import ProgressOption, _resolve

__all__ = ["Options", "options", "set_options"]


class Options:
    """The session's options; use the one instance, ``bb.options``."""

    @property
    def lang(self) -> Literal["da", "en"]:
        """The display language, ``"da"`` or ``"en"``; set it with any spelling a ``lang``
        argument takes (``"dansk"``, ``"EN"``). Anything else raises ``InvalidInputError``
        and changes nothing."""
        return "en" if _display_lang() == "en" else "da"

    @lang.setter
    def lang(self, value: str) -> None:
        _set_display_lang(value)

    _progress: ProgressOption = False

    @property
    def progress(self) -> ProgressOption:
        """What long calls do with their progress when not given ``progress=``: ``False``
        (the default) or ``"off"`` nothing, ``"auto"`` or ``True`` a tqdm bar, a function
        receives each ``Progress``. Anything else raises ``TypeError`` and changes nothing."""
        return self._progress

    @progress.setter
    def progress(self, value: ProgressOption) -> None:
        if value is not None:
            _resolve(value)  # refuses what progress= would refuse
        self._progress = False if value is None else value

    def __repr__(self) -> str:
        """``Options(lang='da', progress=False)``."""
        return f"Options(lang={self.lang!r}, progress={self.progress!r})"


options = Options()


_UNSET: object = object()


def set_options(*, lang: str | None = None, progress: object = _UNSET) -> None:
    """Sets the given options and leaves the others: ``bb.set_options(lang="en")``,
    ``bb.set_options(progress="auto")``."""
    if lang is not None:
        options.lang = lang
    if progress is not _UNSET:
        options.progress = progress  # type: ignore[assignment]
