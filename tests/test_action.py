"""The GitHub Action (action.yml): its inputs and steps, and its scripts run in a temporary repository with a change
(tests/github_action.py runs them as GitHub's runner would), with changed-only on and off; and the job summary's
Markdown, whose posting text must never become markup."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner
from github_action import load, run_action
from markdown_it import MarkdownIt

from jdlint.cli import main
from jdlint.model import FileResult, Finding, Severity, Span
from jdlint.report import summary_report

POSTING = "# Sales lead\n\nWe need a salesman.\n\nYou will visit customers.\n"
CHANGED = POSTING.replace("customers.", "customers with a foreman.")
ZEROS = "0" * 40


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path):
    """Two commits, then an uncommitted change adding a finding on line 5 (line 3's is old)."""
    work = tmp_path / "repo"
    (work / "postings").mkdir(parents=True)
    git(work, "init", "-q")
    git(work, "config", "user.name", "jdlint tests")
    git(work, "config", "user.email", "tests@jdlint.invalid")
    git(work, "config", "commit.gpgsign", "false")
    (work / "postings" / "sales lead.md").write_text(POSTING)
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "first")
    (work / "README.txt").write_text("Postings live in postings/.\n")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "second")
    (work / "postings" / "sales lead.md").write_text(CHANGED)
    return work


def run(repo, tmp_path, event=None, **inputs):
    temp = tmp_path / "runner"
    temp.mkdir(exist_ok=True)
    return run_action(repo, temp, {k.replace("_", "-"): v for k, v in inputs.items()}, event)


def annotated(result):
    return sorted(
        line.split("title=")[1].split("::")[0] + "@" + line.split("line=")[1].split(",")[0]
        for line in result.stdout.splitlines()
        if line.startswith("::warning file=")
    )


def test_inputs_and_steps():
    action = load()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert set(inputs) == {
        "paths", "args", "fail-on", "baseline", "sarif", "changed-only", "python-version", "version"
    }  # fmt: skip
    assert inputs["paths"]["default"] == "." and inputs["changed-only"]["default"] == "false"
    assert inputs["python-version"]["default"] == "3.11"
    assert inputs["fail-on"]["default"] == ""  # the CLI's default (the config's fail-on, else warning)
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    install = next(step for step in steps if "pip install" in step.get("run", ""))
    assert install["env"]["JDLINT_ACTION_PATH"] == "${{ github.action_path }}"  # the action's own code
    for step in steps:
        # an input pasted into a script would run as shell code: they reach scripts through env only
        assert "${{" not in step.get("run", "")
        assert "shell" not in step or step["shell"] == "bash"


def test_changed_only_on_a_pull_request(repo, tmp_path):
    base = git(repo, "rev-parse", "HEAD~1")
    result = run(repo, tmp_path, {"pull_request": {"base": {"sha": base}}}, paths="postings", changed_only="true")
    assert result.returncode == 1, result.stderr
    assert annotated(result) == ["JD201 gendered-job-title@5"]
    assert result.outputs == {"changed-since": base}
    assert "**1 finding** (1 warning) in 1 of 1 posting checked." in result.summary
    assert "| Gendered wording | 1 |" in result.summary and "foreman" in result.summary
    assert "salesman" not in result.summary


def test_changed_only_on_a_push_and_off(repo, tmp_path):
    before = git(repo, "rev-parse", "HEAD")
    pushed = run(repo, tmp_path, {"before": before}, paths="postings", changed_only="true")
    assert annotated(pushed) == ["JD201 gendered-job-title@5"] and pushed.returncode == 1
    everything = run(repo, tmp_path, {"before": before}, paths="postings")
    assert annotated(everything) == ["JD201 gendered-job-title@3", "JD201 gendered-job-title@5"]
    assert everything.outputs == {"changed-since": ""} and everything.returncode == 1


@pytest.mark.parametrize("event", [{}, {"before": ZEROS}], ids=["manual run", "new branch"])
def test_changed_only_without_a_base_checks_every_line(repo, tmp_path, event):
    result = run(repo, tmp_path, event, paths="postings", changed_only="true")
    assert len(annotated(result)) == 2 and result.outputs == {"changed-since": ""}
    assert "every line is checked" in result.stdout


def test_fail_on_args_and_paths_with_spaces(repo, tmp_path):
    result = run(repo, tmp_path, paths="postings/sales lead.md\nREADME.txt", fail_on="error")
    assert result.returncode == 0 and len(annotated(result)) == 2
    assert "in 1 of 2 postings checked" in result.summary
    quiet = run(repo, tmp_path, paths="postings", args="--select JD5 --ignore JD501")
    assert quiet.returncode == 0 and "JD201" not in quiet.stdout


def test_sarif_is_written_even_when_the_gate_fails(repo, tmp_path):
    git(repo, "commit", "-q", "-am", "third")
    (repo / "postings" / "sales lead.md").write_text(CHANGED + "\nAnd a chairman.\n")
    result = run(repo, tmp_path, {"before": git(repo, "rev-parse", "HEAD")}, changed_only="true", sarif="out.sarif")
    assert result.returncode == 1 and annotated(result) == ["JD201 gendered-job-title@7"]
    sarif = json.loads((repo / "out.sarif").read_text())
    assert len([r for r in sarif["runs"][0]["results"] if r["ruleId"] == "JD201"]) == 3  # every line, for scanning


def test_baseline_and_a_broken_run(repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo)  # baseline keys are relative to where jdlint runs: the repository, as in the action
    assert CliRunner().invoke(main, ["check", "--write-baseline", "base.json", "postings"]).exit_code == 0
    known = run(repo, tmp_path, paths="postings", baseline="base.json")
    assert known.returncode == 0 and annotated(known) == [] and "No findings in 1 posting checked." in known.summary
    broken = run(repo, tmp_path, paths="postings", baseline="missing.json")
    assert broken.returncode == 2 and "jdlint stopped with exit code 2" in broken.summary


def test_summary_escapes_posting_text():
    hostile = "<script>alert(1)</script> **bold** [x](https://e.test) www.e.test @someone #1 $x$ | ~~s~~ `c`"
    finding = Finding(
        "JD201", "gendered-job-title", "gendered", Severity.WARNING, f"'{hostile}' names one gender", Span(0, 3), "x"
    )
    result = FileResult("<b>a|b</b>.md", "markdown", "utf-8", [finding], text="abc\n")
    markdown = summary_report.render([result])
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    findings = html.split("<tbody>")[-1]  # the table of findings: posting text and the file name
    for tag in ("<script", "<strong", "<em", "<a ", "<s>", "<del", "<code", "<b>"):
        assert tag not in findings, tag
    assert findings.count("<td") == 4  # the | in the text and the name did not end a cell
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
