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


def test_readme_ci_workflow_steps_work(tmp_path, monkeypatch):
    """The GitHub Actions example: the SARIF step never fails, the gate fails only on new findings."""
    import json
    import shlex

    import yaml
    from click.testing import CliRunner

    from jdlint.cli import main

    block = re.search(r"```yaml\n(# \.github/workflows/jdlint\.yml\n.*?)```", README, re.S).group(1)
    steps = yaml.safe_load(block)["jobs"]["lint-postings"]["steps"]
    commands = [shlex.split(step["run"]) for step in steps if step.get("run", "").startswith("jdlint ")]
    sarif_step, gate_step = commands
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == sarif_step[sarif_step.index("--output-file") + 1]

    monkeypatch.chdir(tmp_path)
    (tmp_path / "postings").mkdir()
    posting = tmp_path / "postings" / "sales.md"
    posting.write_text("# Sales lead\n\nWe need a salesman.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--write-baseline", ".jdlint-baseline.json", "postings/"]).exit_code == 0

    sarif = runner.invoke(main, sarif_step[1:])
    assert sarif.exit_code == 0
    assert json.loads((tmp_path / "jdlint.sarif").read_text())["version"] == "2.1.0"
    assert runner.invoke(main, gate_step[1:]).exit_code == 0

    posting.write_text("# Sales lead\n\nWe need a salesman and a foreman.\n", encoding="utf-8")
    gate = runner.invoke(main, gate_step[1:])
    assert gate.exit_code == 1
    assert "::" in gate.output and "foreman" in gate.output and "salesman" not in gate.output
