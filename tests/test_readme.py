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
    """The GitHub Actions example, run through action.yml as GitHub would (tests/github_action.py): the SARIF file
    holds every finding and is the one uploaded, the gate fails only on new findings."""
    import json
    import subprocess

    import yaml
    from click.testing import CliRunner
    from github_action import run_action

    from jdlint.cli import main

    block = re.search(r"```yaml\n(# \.github/workflows/jdlint\.yml\n.*?)```", README, re.S).group(1)
    steps = yaml.safe_load(block)["jobs"]["lint-postings"]["steps"]
    action = next(step for step in steps if step.get("uses", "").startswith("jdlint/jdlint@"))
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == action["with"]["sarif"] and upload["if"] == "always()"
    inputs = {name: str(value) for name, value in action["with"].items()}

    repo = tmp_path / "repo"
    (repo / "postings").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    posting = repo / "postings" / "sales.md"
    posting.write_text("# Sales lead\n\nWe need a salesman.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "--write-baseline", ".jdlint-baseline.json", "postings/"]).exit_code == 0
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()

    clean = run_action(repo, runner_temp, inputs, {})
    assert clean.returncode == 0, clean.stderr
    assert json.loads((repo / "jdlint.sarif").read_text())["version"] == "2.1.0"

    posting.write_text("# Sales lead\n\nWe need a salesman and a foreman.\n", encoding="utf-8")
    gate = run_action(repo, runner_temp, inputs, {})
    assert gate.returncode == 1
    assert "::" in gate.stdout and "foreman" in gate.stdout and "salesman" not in gate.stdout
    assert "foreman" in gate.summary
    sarif = json.loads((repo / "jdlint.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == 2  # every finding, for the code-scanning view
