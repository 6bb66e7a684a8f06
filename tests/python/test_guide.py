"""The Python blocks of the README and of every guide chapter run top to bottom, one namespace per
document, so the docs show what the library does today; a failing block fails with its document,
line and block number. The docs' shape (languages, flags, chapters listed and included as
doctests) is checked here too. The runner is scripts/guide.py, shared with the Kotlin, shell and
Swift steps of scripts/test.sh."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("guide", ROOT / "scripts" / "guide.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["guide"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


guide: Any = load_runner()
DOCS: list[Path] = guide.documents()


def test_the_docs_have_the_expected_shape() -> None:
    problems = guide.inventory_problems()
    assert problems == [], "\n".join(problems)


def test_every_chapter_is_in_the_guide() -> None:
    names = [p.name for p in guide.chapters()]
    for topic in ["getting-started.md", "dossier.md", "roles.md", "checklists.md", "matching.md",
                  "privacy.md", "assessment.md", "spreadsheets.md", "cli.md", "python.md",
                  "mobile.md", "scale.md"]:
        assert topic in names


def test_few_blocks_are_left_out() -> None:
    ignored = [b.where() for b in guide.all_blocks() if b.lang in guide.RUN and not b.runs]
    # The install commands, the two scripts, and packaging steps that need an NDK or Xcode.
    assert len(ignored) <= 8, ignored


@pytest.mark.parametrize("doc", DOCS, ids=[str(d) for d in DOCS])
def test_python_blocks_run(doc: Path) -> None:
    try:
        guide.run_python(doc)
    except guide.BlockFailed as e:
        pytest.fail(str(e), pytrace=False)


def test_the_readme_and_the_guide_have_python_to_run() -> None:
    counted = {str(d): sum(1 for b in guide.blocks(d) if b.lang == "python" and b.runs) for d in DOCS}
    assert counted["README.md"] >= 1
    assert sum(counted.values()) >= 15


def plant(tmp_path: Path, code: str) -> tuple[Path, Path]:
    root, chapter = guide.planted_copy(tmp_path, "python", code)
    return root, chapter


def test_a_failing_block_fails_and_is_named(tmp_path: Path) -> None:
    root, chapter = plant(tmp_path, "import brobygger as bb\nbb.Dossier.example(\"no-such-example\")\n")
    with pytest.raises(guide.BlockFailed) as failed:
        guide.run_python(chapter, root)
    message = str(failed.value)
    assert str(chapter) in message and "python block" in message
    assert "NotFoundError" in message or "InvalidInputError" in message


def test_blocks_share_one_namespace_per_document(tmp_path: Path) -> None:
    root, chapter = plant(tmp_path, "assert planted_value == 42\n")
    with pytest.raises(guide.BlockFailed, match="NameError"):
        guide.run_python(chapter, root)
    text = (root / chapter).read_text(encoding="utf-8")
    (root / chapter).write_text(text.replace("assert planted_value", "planted_value = 42\nassert planted_value"),
                                encoding="utf-8")
    assert guide.run_python(chapter, root) >= 1


def test_a_block_marked_ignore_is_not_run(tmp_path: Path) -> None:
    root, chapter = guide.planted_copy(tmp_path, "python,ignore", "raise SystemExit(3)\n")
    guide.run_python(chapter, root)
