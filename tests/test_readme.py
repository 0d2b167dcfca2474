"""The README's commands and rule list stay true."""

from __future__ import annotations

import re
from pathlib import Path

from jdlint.catalog import load_catalog
from jdlint.rulelist import render_rules

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_list_is_generated_from_the_catalog():
    block = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", README, re.S).group(1)
    assert block.strip() == render_rules(load_catalog(), "markdown").strip()


def test_ci_runs_the_readme_test_command_exactly():
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", README)
    assert len(commands) == 2
    install, test = commands
    assert "jdlint check" in install and "examples/sample-posting.md" in install
    assert (ROOT / "examples" / "sample-posting.md").exists()
    assert "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
