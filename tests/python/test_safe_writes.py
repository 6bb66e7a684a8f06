"""Saving from Python is safe: a full disk keeps the old dossier (it used to be truncated to
98,304 bytes), leaves no temporary file, and a save keeps the file's mode and symbolic link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import brobygger as bb

# A child that saves under a file-size limit far below the dossier's size (RLIMIT_FSIZE with
# SIGXFSZ ignored makes the write fail with EFBIG, as a full disk fails with ENOSPC).
CHILD = """
import resource, signal, sys
import brobygger as bb
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
d = bb.Dossier.example("ikast-brande")
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
try:
    d.save(sys.argv[1])
except bb.InvalidInputError as e:
    print(e.code)
    sys.exit(3)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are a POSIX feature")
def test_a_full_disk_keeps_the_old_dossier(tmp_path: Path) -> None:
    path = tmp_path / "dossier.json"
    bb.Dossier.example("aalborg").save(path)
    before = path.read_bytes()
    child = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True)
    assert child.returncode == 3, child.stderr
    assert child.stdout.strip() == "file.storage_full"
    assert path.read_bytes() == before
    assert bb.Dossier.load(path) == bb.Dossier.example("aalborg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="modes and symbolic links as on POSIX")
def test_save_keeps_mode_and_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    bb.Dossier.example("aalborg").save(real)
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    bb.Dossier.example("horsens").save(link)
    assert link.is_symlink()
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o600
    assert bb.Dossier.load(real) == bb.Dossier.example("horsens")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]
