"""Python that feels native (issue 21, item 3): dates as text, errors that are also the built-in
a caller catches, one display language for every display, Markdown that renders line by line,
and DataFrames straight from the result objects."""

from __future__ import annotations

import builtins
import datetime as dt
import errno
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb

COHORT, RULES, DAY = "ikast-2016-q1", "vvv-ikast", dt.date(2016, 4, 1)


@pytest.fixture
def ikast() -> bb.Dossier:
    return bb.Dossier.example("ikast-brande")


@pytest.fixture(autouse=True)
def danish_displays() -> Iterator[None]:
    """Every test starts and ends with the default display language."""
    bb.options.lang = "da"
    yield
    bb.options.lang = "da"


# -- 1. Dates as `date` or text ---------------------------------------------------------------


@pytest.mark.parametrize("given_as", [DAY, "2016-04-01", "01-04-2016", "01.04.2016", " 2016-04-01 "])
def test_a_date_argument_may_be_text_in_the_forms_the_cli_reads(ikast: bb.Dossier, given_as: Any) -> None:
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=given_as)
    assert run.as_of == DAY
    assert run.pairs() == ikast.matching.match_cohort(COHORT, RULES, as_of=DAY).pairs()


def test_dates_as_text_reach_every_kind_of_call(ikast: bb.Dossier) -> None:
    # A free function, a facet method, an optional date and a datetime counted by its day.
    assert bb.assess_many([ikast], "2017-06-30")[0][0].as_of == dt.date(2017, 6, 30)
    assert ikast.assessment.assess("ikast-vvv", "30-06-2017").as_of == dt.date(2017, 6, 30)
    assert ikast.summary(as_of="2017-06-30") == ikast.summary(as_of=dt.date(2017, 6, 30))
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=dt.datetime(2016, 4, 1, 23, 59))
    assert run.as_of == DAY


@pytest.mark.parametrize("bad", ["april", "2016-02-30", "2016/04/01", "", "32-01-2016"])
def test_text_that_is_no_date_is_a_clear_value_error(ikast: bb.Dossier, bad: str) -> None:
    with pytest.raises(bb.ParseError) as e:
        ikast.matching.match_cohort(COHORT, RULES, as_of=bad)
    assert isinstance(e.value, ValueError)
    assert e.value.code == "input.bad_date"
    assert "YYYY-MM-DD" in str(e.value) and "DD-MM-YYYY" in str(e.value)


def test_a_value_of_another_type_is_a_type_error_that_says_what_is_taken(ikast: bb.Dossier) -> None:
    with pytest.raises(TypeError, match=r"datetime\.date or a str"):
        ikast.matching.match_cohort(COHORT, RULES, as_of=20160401)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_date_reads_the_same_as_text_in_each_form(day: dt.date) -> None:
    d = bb.Dossier.example("horsens")
    post = d.posts[0].id
    expected = d.holder_of(post, day)
    for text in (day.isoformat(), day.strftime("%d-%m-%Y"), day.strftime("%d.%m.%Y")):
        if day.year < 1000:
            text = day.isoformat()  # strftime pads years below 1000 differently per platform
        assert d.holder_of(post, text) == expected, text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_parse_error_never_a_crash(text: str) -> None:
    d = bb.Dossier.example("horsens")
    try:
        d.holder_of(d.posts[0].id, text)
    except bb.ParseError as e:
        assert e.code == "input.bad_date"


def test_an_instant_may_be_rfc3339_text_or_a_day() -> None:
    d = bb.Dossier.example("aalborg")
    ag = d.agreements[0].id
    at = dt.datetime(2017, 7, 1, 8, 0, tzinfo=dt.timezone.utc)
    codes = [f.code for f in d.lifecycle.preview(ag, "ended", at)]
    assert [f.code for f in d.lifecycle.preview(ag, "ended", "2017-07-01T10:00:00+02:00")] == codes
    assert [f.code for f in d.lifecycle.preview(ag, "ended", "2017-07-01T08:00:00Z")] == codes
    with pytest.raises(bb.ParseError) as e:
        d.lifecycle.preview(ag, "ended", "yesterday at noon")
    assert e.value.code == "input.bad_instant" and isinstance(e.value, ValueError)
    assert "RFC 3339" in str(e.value)


# -- 2. Errors that are also the built-in ---------------------------------------------------------


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dossier.json"
    with pytest.raises(FileNotFoundError) as e:
        bb.Dossier.load(str(missing))
    err = e.value
    assert isinstance(err, bb.MissingFileError) and isinstance(err, bb.InvalidInputError)
    assert isinstance(err, OSError) and isinstance(err, ValueError) and isinstance(err, bb.BrobyggerError)
    assert err.code == "load.io" and err.errno == errno.ENOENT and err.filename == str(missing)
    assert err.path == str(missing)
    # A directory is another I/O problem: still load.io, not "file not found".
    with pytest.raises(bb.InvalidInputError) as d:
        bb.Dossier.load(str(tmp_path))
    assert not isinstance(d.value, FileNotFoundError) and d.value.code == "load.io"


def test_each_error_is_also_the_builtin_a_caller_catches(ikast: bb.Dossier) -> None:
    with pytest.raises(LookupError) as nf:
        ikast.matching.match_cohort("no-such-cohort", RULES, as_of=DAY)
    assert isinstance(nf.value, bb.NotFoundError) and nf.value.code.startswith("not_found.")
    with pytest.raises(ValueError) as bad:
        ikast.summary(lang="de")  # type: ignore[arg-type]
    assert isinstance(bad.value, bb.InvalidInputError) and bad.value.path == "lang"
    with pytest.raises(ValueError) as parse:
        bb.Dossier.from_json("{ not json")
    assert isinstance(parse.value, bb.ParseError)
    with pytest.raises(ValueError) as invalid:
        bb.Dossier.from_json('{"schema_version": 999}')
    assert isinstance(invalid.value, (bb.UnsupportedVersionError, bb.ValidationError))


def test_the_hierarchy_is_what_the_stub_says() -> None:
    expected = {
        bb.ParseError: ValueError,
        bb.UnsupportedVersionError: ValueError,
        bb.ValidationError: ValueError,
        bb.InvalidInputError: ValueError,
        bb.NotFoundError: LookupError,
        bb.MissingFileError: FileNotFoundError,
        bb.InternalError: RuntimeError,
    }
    for cls, builtin in expected.items():
        assert issubclass(cls, bb.BrobyggerError) and issubclass(cls, builtin), cls
        assert cls.__module__ == "brobygger" and cls.__doc__
    assert not issubclass(bb.InvalidTransitionError, ValueError)
    # Made once: the module's classes are the ones raised.
    assert bb._brobygger.NotFoundError is bb.NotFoundError
    stub = (Path(bb.__file__).parent / "_brobygger.pyi").read_text(encoding="utf-8")
    for cls, builtin in expected.items():
        assert re.search(rf"^class {cls.__name__}\(.*\b{builtin.__name__}\b.*\):", stub, re.M), cls


def test_errors_still_pickle_and_keep_their_code(ikast: bb.Dossier) -> None:
    import pickle

    with pytest.raises(bb.NotFoundError) as nf:
        ikast.matching.match_cohort("no-such-cohort", RULES, as_of=DAY)
    again = pickle.loads(pickle.dumps(nf.value))
    assert type(again) is bb.NotFoundError and str(again) == str(nf.value)


# -- 3. One display language ---------------------------------------------------------------------


def test_one_option_sets_the_language_of_every_display(ikast: bb.Dossier) -> None:
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=DAY)
    a = ikast.assessment.assess("ikast-vvv", dt.date(2017, 6, 30))
    view = bb.Findings([f.finding for f in a.findings])

    def shown() -> list[str]:
        return [run._repr_html_(), a._repr_html_(), view._repr_html_(), bb.Roles(ikast, "ikast-vvv")._repr_html_()]

    def lang() -> str:
        return bb.options.lang

    assert lang() == "da"
    for html in shown():
        assert re.search(r'lang="da"', html), html[:80]
    assert "Uden match" in run._repr_html_() and "Uden match" in run.html()
    assert ikast._repr_markdown_().splitlines()[2].startswith("Skemaversion")
    bb.set_options(lang="english")
    assert lang() == "en"
    for html in shown():
        assert re.search(r'lang="en"', html) and not re.search(r'lang="da"', html), html[:80]
    assert "Not matched" in run.html() and ikast.summary().splitlines()[1].startswith("Schema version")
    # An explicit language always wins.
    assert "Uden match" in run.html("da") and 'lang="da"' in bb.Findings([], lang="da")._repr_html_()


def test_an_unknown_language_is_refused_and_changes_nothing() -> None:
    bb.options.lang = "en"
    with pytest.raises(bb.InvalidInputError) as e:
        bb.options.lang = "de"
    assert isinstance(e.value, ValueError) and e.value.path == "lang"
    assert bb.options.lang == "en"
    assert repr(bb.options) == "Options(lang='en', progress=False)"


# -- 4. Reprs ------------------------------------------------------------------------------------


def test_the_dossier_markdown_renders_line_for_line() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    for name in bb.example_names():
        d = bb.Dossier.example(name)
        for lang in ("da", "en"):
            bb.options.lang = lang
            html = markdown_it.MarkdownIt().render(d._repr_markdown_())
            # Each line of the plain summary is its own paragraph, heading or list item.
            for line in d.summary(lang).splitlines():
                text = line.strip().removeprefix("- ").removeprefix("#").removeprefix("#").strip()
                if not text:
                    continue
                blocks = re.findall(r"<(p|li|h1|h2)>(.*?)</\1>", html, re.S)
                assert any(_plain(inner) == _plain(text) for _, inner in blocks), (name, lang, line)


def _plain(s: str) -> str:
    import html as h

    return re.sub(r"<[^>]+>", "", h.unescape(s)).strip()


# -- 6. DataFrames from the result objects ---------------------------------------------------------


def test_results_give_their_tables_as_pandas_frames(ikast: bb.Dossier) -> None:
    pd = pytest.importorskip("pandas")
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=DAY)
    df = run.to_pandas()
    assert isinstance(df, pd.DataFrame)
    pd.testing.assert_frame_equal(df, bb.matches_frame(run))
    pd.testing.assert_frame_equal(run.to_pandas("unmatched", lang="da"), bb.unmatched_frame(run, "da"))
    a = ikast.assessment.assess("ikast-vvv", dt.date(2017, 6, 30))
    pd.testing.assert_frame_equal(a.to_pandas(lang="en"), bb.scores_frame(a, "en"))
    pd.testing.assert_frame_equal(a.to_pandas("checks", "en"), bb.checks_frame(a, "en"))
    m = bb.Roles(ikast, "ikast-vvv").matrix()
    pd.testing.assert_frame_equal(m.to_pandas(lang="en"), bb.role_matrix_frame(m, "en"))
    al = bb.Dossier.example("horsens").checklists.alignments("horsens-lawan")
    pd.testing.assert_frame_equal(al[0].to_pandas(lang="en"), bb.checklist_frame(al[0], "en"))
    # Texts follow the display language unless given.
    bb.options.lang = "en"
    assert list(run.to_pandas("unmatched")["reason"]) == list(bb.unmatched_frame(run, "en")["reason"])
    with pytest.raises(ValueError, match="matches"):
        run.to_pandas("scores")


def test_polars_frames_hold_the_same_rows(ikast: bb.Dossier) -> None:
    pl = pytest.importorskip("polars")
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=DAY)
    df = run.to_polars()
    assert isinstance(df, pl.DataFrame)
    assert df.columns == list(run.to_pandas().columns)
    assert df["score"].to_list() == pytest.approx(list(run.to_pandas()["score"]))
    assert df.schema["waiting_days"] == pl.Int64


def test_without_polars_the_error_says_what_to_install(ikast: bb.Dossier, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_polars(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "polars" or name.startswith("polars."):
            raise ImportError("No module named 'polars'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "polars", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_polars)
    import importlib

    real = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda n, *a: no_polars(n) if n == "polars" else real(n, *a))
    run = ikast.matching.match_cohort(COHORT, RULES, as_of=DAY)
    with pytest.raises(ImportError, match="pip install polars"):
        run.to_polars()
