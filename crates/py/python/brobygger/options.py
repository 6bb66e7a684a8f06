"""Session-wide options: the display language.

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
"""

from __future__ import annotations

from typing import Literal

from brobygger._brobygger import _display_lang, _set_display_lang

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

    def __repr__(self) -> str:
        """``Options(lang='da')``."""
        return f"Options(lang={self.lang!r})"


options = Options()


def set_options(*, lang: str | None = None) -> None:
    """Sets the given options and leaves the others: ``bb.set_options(lang="en")``."""
    if lang is not None:
        options.lang = lang
