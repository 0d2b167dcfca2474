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


def test_format_option_lists_every_output_format():
    from jdlint import report

    row = re.search(r"^\| `--format ([^`]*)` \|", README, re.M).group(1)
    assert row.split("\\|") == list(report.reporters())


def test_readme_gitlab_and_junit_ci_steps_work(tmp_path, monkeypatch):
    """The GitLab job writes the Code Quality file its artifact names; the Jenkins and Azure steps the JUnit file
    their publishing steps read; each fails (or not) as the README says."""
    import json
    import shlex

    import yaml
    from click.testing import CliRunner

    from jdlint.cli import main

    gitlab = yaml.safe_load(re.search(r"```yaml\n(# \.gitlab-ci\.yml\n.*?)```", README, re.S).group(1))["jdlint"]
    azure = yaml.safe_load(re.search(r"```yaml\n(# azure-pipelines\.yml\n.*?)```", README, re.S).group(1))["steps"]
    jenkins = re.search(r"```groovy\n(.*?)```", README, re.S).group(1).splitlines()

    monkeypatch.chdir(tmp_path)
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "sales.md").write_text("# Sales lead\n\nWe need a salesman.\n", encoding="utf-8")
    runner = CliRunner()

    def run(command: str) -> int:
        argv = shlex.split(command)
        assert argv[0] == "jdlint"
        return runner.invoke(main, argv[1:]).exit_code

    gitlab_step = next(line for line in gitlab["script"] if line.startswith("jdlint "))
    assert run(gitlab_step) == 1  # findings fail the job ...
    assert gitlab["artifacts"]["when"] == "always"  # ... and the report is still uploaded
    issues = json.loads((tmp_path / gitlab["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert [i["check_name"] for i in issues] == ["JD201"]

    azure_step = next(step["script"] for step in azure if step.get("script", "").startswith("jdlint "))
    publish = next(step for step in azure if step.get("task") == "PublishTestResults@2")
    assert run(azure_step) == 1 and publish["condition"] == "always()"
    assert publish["inputs"]["testResultsFormat"] == "JUnit"
    assert "<failure" in (tmp_path / publish["inputs"]["testResultsFiles"]).read_text(encoding="utf-8")

    shell, publish_line = jenkins
    assert run(re.fullmatch(r"sh '(.*)'", shell).group(1)) == 0  # --exit-zero: the junit step decides
    assert (tmp_path / re.fullmatch(r"junit '(.*)'", publish_line).group(1)).exists()
