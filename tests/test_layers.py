"""The layer order of ARCHITECTURE.md holds: no upward import, no cycle, every module in a layer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from layers import imports, read_layers, violations

ROOT = Path(__file__).resolve().parent.parent
LAYERS = read_layers((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))


def test_every_import_goes_down_the_layers_and_none_loops():
    assert violations(ROOT, "jdlint", LAYERS) == []


def test_a_kind_never_imports_a_check():
    found = [
        i
        for i in imports(ROOT, "jdlint")
        if i.importer.startswith("jdlint.kinds") and i.imported.startswith("jdlint.checks")
    ]
    assert found == []


@pytest.fixture
def package_copy(tmp_path):
    shutil.copytree(ROOT / "jdlint", tmp_path / "jdlint", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_an_upward_import_inside_a_function_fails(package_copy):
    (package_copy / "jdlint" / "model.py").open("a").write("\n\ndef _probe():\n    from .cli import main\n")
    problems = violations(package_copy, "jdlint", LAYERS)
    assert any("jdlint.model" in p and "jdlint.cli" in p and "inside a function" in p for p in problems), problems


def test_a_cycle_inside_one_layer_fails(package_copy):
    (package_copy / "jdlint" / "tokens.py").open("a").write("\nfrom . import context  # noqa\n")
    problems = violations(package_copy, "jdlint", LAYERS)
    assert any(p.startswith("import cycle") and "jdlint.tokens" in p for p in problems), problems


def test_a_module_outside_every_layer_fails(package_copy):
    (package_copy / "jdlint" / "stray.py").write_text('"""A module nobody placed."""\n')
    assert "jdlint.stray: in no layer of ARCHITECTURE.md" in violations(package_copy, "jdlint", LAYERS)


def test_the_layer_block_lists_each_layer_once():
    names = [name for name, _ in LAYERS]
    assert len(names) == len(set(names)) and len(names) >= 10
