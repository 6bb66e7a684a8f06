"""Writes the README's Python tour (its runnable ```python blocks, in order) to one file, so the
test command can type-check it as a user's program: `mypy --strict --disallow-any-expr`.

Usage: python scripts/readme_tour.py OUT.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guide  # noqa: E402


def main() -> None:
    blocks = [b for b in guide.blocks(Path("README.md")) if b.lang == "python" and b.runs]
    if not blocks:
        sys.exit("README.md has no runnable Python block")
    text = "\n".join(f"# README.md:{b.line}\n{b.code}" for b in blocks)
    Path(sys.argv[1]).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
