"""scripts/check_layers.py, the layer check of the test command, fails when it should: on an import
cycle, on an import from a lower layer up to a higher one, on a call up through a method the top
layer adds to `Dossier`, and on a file in no layer or in two. Each case plants the problem in a
small crate tree of its own; the real crate passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_layers.py"

LAYERS = """
[[layer]]
name = "ground"
files = ["ids.rs", "time.rs"]

[[layer]]
name = "model"
files = ["**/model.rs"]
exclude = ["**/mod.rs"]

[[layer]]
name = "dossier"
files = ["dossier.rs"]

[[layer]]
name = "operations"
files = ["*/*.rs"]
exclude = ["**/mod.rs", "**/model.rs"]

[[layer]]
name = "api"
files = ["lib.rs", "**/mod.rs", "facets.rs"]
"""

# A crate that keeps its layers: ids (ground) <- roles/model.rs <- dossier <- roles/ops.rs and
# roles/facet.rs <- the front doors and the accessor.
CLEAN = {
    "lib.rs": "pub mod roles;\nmod dossier;\nmod facets;\nmod ids;\npub use dossier::Dossier;\n",
    "ids.rs": "pub struct AgreementId(pub String);\n",
    "roles/mod.rs": "pub(crate) mod facet;\npub(crate) mod model;\npub(crate) mod ops;\n"
    "pub use facet::RolesFacet;\npub use model::RoleSplit;\n",
    "roles/model.rs": "use crate::ids::AgreementId;\npub struct RoleSplit { pub agreement: AgreementId }\n",
    "dossier.rs": "use crate::roles::model::RoleSplit;\npub struct Dossier { pub splits: Vec<RoleSplit> }\n",
    "roles/ops.rs": "use crate::dossier::Dossier;\n"
    "pub(crate) fn split_count(dossier: &Dossier) -> usize { dossier.splits.len() }\n",
    "roles/facet.rs": "use crate::dossier::Dossier;\nuse super::ops::split_count;\n"
    "pub struct RolesFacet<'a> { dossier: &'a Dossier }\n"
    "impl<'a> RolesFacet<'a> {\n"
    "    pub(crate) fn new(dossier: &'a Dossier) -> Self { Self { dossier } }\n"
    "    pub fn count(&self) -> usize { split_count(self.dossier) }\n"
    "}\n",
    "facets.rs": "use crate::dossier::Dossier;\nuse crate::roles::facet::RolesFacet;\n"
    "impl Dossier {\n    pub fn roles(&self) -> RolesFacet<'_> { RolesFacet::new(self) }\n}\n",
}


def run(tmp_path: Path, files: dict[str, str], layers: str = LAYERS) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    for name, text in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "layers.toml").write_text(layers, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--src", str(src), "--layers", str(tmp_path / "layers.toml")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_crate_that_keeps_its_layers_passes(tmp_path: Path) -> None:
    result = run(tmp_path, CLEAN)
    assert result.returncode == 0, result.stdout
    assert "no import cycle and no upward import among 8 files" in result.stdout


def test_a_planted_cycle_fails_naming_both_files_and_lines(tmp_path: Path) -> None:
    files = dict(CLEAN)
    # The operations import each other: the facet from ops, ops back from the facet.
    files["roles/ops.rs"] = (
        "use crate::dossier::Dossier;\nuse super::facet::RolesFacet;\n"
        "pub(crate) fn split_count(dossier: &Dossier) -> usize { dossier.splits.len() }\n"
        "pub(crate) fn facet(dossier: &Dossier) -> RolesFacet<'_> { RolesFacet::new(dossier) }\n"
    )
    result = run(tmp_path, files)
    assert result.returncode == 1
    assert "import cycle among 2 files: roles/facet.rs, roles/ops.rs" in result.stdout
    assert "roles/ops.rs:2: super::facet::RolesFacet" in result.stdout
    assert "roles/facet.rs:2: super::ops::split_count" in result.stdout


def test_a_cycle_through_a_front_door_fails(tmp_path: Path) -> None:
    files = dict(CLEAN)
    # The model imports through the feature's front door, which re-exports the model.
    files["roles/model.rs"] = (
        "use crate::ids::AgreementId;\nuse crate::roles::RolesFacet;\n"
        "pub struct RoleSplit { pub agreement: AgreementId }\n"
    )
    result = run(tmp_path, files)
    assert result.returncode == 1
    assert "import cycle among" in result.stdout
    assert "reaches up from layer 'model' to 'api'" in result.stdout


def test_a_planted_upward_import_fails(tmp_path: Path) -> None:
    files = dict(CLEAN)
    # A ground file reaching up to the dossier: no cycle, but the wrong direction.
    files["lib.rs"] += "mod time;\n"
    files["time.rs"] = "pub struct Day;\npub fn empty() -> crate::dossier::Dossier { todo!() }\n"
    result = run(tmp_path, files)
    assert result.returncode == 1
    assert "time.rs:2: `crate::dossier::Dossier` reaches up from layer 'ground' to 'dossier'" in result.stdout
    assert "cycle" not in result.stdout.split("check_layers:")[0]


def test_a_call_up_through_a_dossier_accessor_fails(tmp_path: Path) -> None:
    files = dict(CLEAN)
    # An operation reaching the facet through the accessor the top layer adds: no path names it.
    files["roles/ops.rs"] = (
        "use crate::dossier::Dossier;\n"
        "pub(crate) fn split_count(dossier: &Dossier) -> usize { dossier.roles().count() }\n"
    )
    result = run(tmp_path, files)
    assert result.returncode == 1
    assert "roles/ops.rs:2: `.roles(..)` calls up from layer 'operations'" in result.stdout


def test_test_modules_may_reach_anything(tmp_path: Path) -> None:
    files = dict(CLEAN)
    files["ids.rs"] = (
        "pub struct AgreementId(pub String);\n"
        "#[cfg(test)]\nmod tests {\n    use crate::dossier::Dossier;\n"
        "    fn calls(d: &Dossier) -> usize { d.roles().count() }\n}\n"
    )
    result = run(tmp_path, files)
    assert result.returncode == 0, result.stdout


def test_a_file_in_no_layer_or_in_two_fails(tmp_path: Path) -> None:
    files = dict(CLEAN)
    files["stray.rs"] = "pub struct Stray;\n"
    result = run(tmp_path, files)
    assert result.returncode == 1
    assert "stray.rs: in no layer" in result.stdout

    overlapping = LAYERS.replace('files = ["ids.rs", "time.rs"]', 'files = ["ids.rs", "dossier.rs"]')
    result = run(tmp_path, CLEAN, overlapping)
    assert result.returncode == 1
    assert "dossier.rs: in more than one layer" in result.stdout
    assert "(ground, dossier)" in result.stdout


def test_the_crate_keeps_its_layers() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
