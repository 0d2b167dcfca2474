"""jdlint imports spaCy without spaCy's command line (jdlint.spacy_import), and spaCy's CLI still works when asked.

These fail loudly when a spaCy upgrade changes how its __init__ reaches `spacy.cli`: then fix jdlint/spacy_import.py
(or drop it) and move the pin in pyproject.toml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from jdlint.spacy_import import TESTED

ROOT = Path(__file__).resolve().parent.parent
CLI_ONLY = ("typer", "weasel", "httpx", "requests", "spacy.cli.download", "spacy.cli._util")
POSTING = (
    "Warehouse Team Lead\n\nWe are a regional grocery distributor looking for a team lead for our night shift. "
    "You will plan the picking rounds, train new colleagues and keep the loading dock safe. "
    "You have two years of experience in logistics and a forklift licence. The pay is 21 to 24 dollars an hour.\n"
)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, env=env, check=True
    )


def test_linting_a_posting_imports_no_spacy_cli_module():
    code = """
        import json, sys
        import jdlint
        result = jdlint.lint_text(sys.argv[1])
        print(json.dumps({"codes": [f.code for f in result.findings], "modules": sorted(sys.modules)}))
    """
    out = json.loads(run_python(code, POSTING).stdout)
    assert "spacy" in out["modules"] and "spacy.lang.en" in out["modules"]
    assert [name for name in CLI_ONLY if name in out["modules"]] == []


def test_the_check_command_imports_no_spacy_cli_module(tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jdlint", "check", "--exit-zero", str(posting)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "spacy" in imported and "jdlint.linter" in imported
    assert [name for name in CLI_ONLY if name in imported] == []


def test_spacy_cli_still_works_after_jdlint_when_asked_for():
    code = """
        import json, sys
        import jdlint
        import spacy
        from jdlint import spacy_import
        jdlint.lint_text(sys.argv[1])
        before = spacy_import.cli_is_stand_in()
        info = spacy.info()  # spaCy's own function, through the stand-in
        download = spacy.cli.download  # any other attribute swaps in the real spacy.cli
        from spacy.cli import app
        from spacy.cli.info import info as info_function
        print(json.dumps({
            "before": before,
            "after": spacy_import.cli_is_stand_in(),
            "version": info["spacy_version"],
            "download": download.__module__,
            "app": type(app).__name__,
            "typer": "typer" in sys.modules,
            "info": info_function.__module__,
            "same": spacy.cli is sys.modules["spacy.cli"],
        }))
    """
    out = json.loads(run_python(code, POSTING).stdout)
    assert out == {
        "before": True,
        "after": False,
        "version": out["version"],
        "download": "spacy.cli.download",
        "app": "Typer",
        "typer": True,
        "info": "spacy.cli.info",
        "same": True,
    }
    assert out["version"].startswith("3.")


def test_a_spacy_cli_submodule_imports_before_the_rest_of_the_cli():
    code = """
        import sys
        import jdlint
        import spacy.cli.validate
        import spacy
        print(spacy.cli.validate.__name__, callable(spacy.cli.debug_data))
    """
    assert run_python(code).stdout.split() == ["spacy.cli.validate", "True"]


def test_the_installed_spacy_is_the_tested_range_and_the_trick_is_on():
    code = """
        import sys
        import jdlint, spacy
        from jdlint import spacy_import
        print(spacy.__version__, spacy_import.cli_is_stand_in())
    """
    version, on = run_python(code).stdout.split()
    assert tuple(int(part) for part in version.split(".")[:2]) in TESTED
    assert on == "True", "spaCy's CLI was imported: jdlint/spacy_import.py no longer takes effect"


def test_nothing_is_replaced_when_spacy_came_first():
    code = """
        import spacy, sys
        import jdlint
        from jdlint import spacy_import
        print(spacy_import.cli_is_stand_in(), "typer" in sys.modules)
    """
    assert run_python(code).stdout.split() == ["False", "True"]
