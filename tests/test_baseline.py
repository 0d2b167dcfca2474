from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdlint.cli import main


def run(*args):
    return CliRunner().invoke(main, ["check", "--select", "JD2", *args])


def test_baseline_passes_old_findings_and_fails_new_ones(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("We need a salesman.\n\nAnd a foreman.\n")
    written = run("--write-baseline", "base.json", "a.md")
    assert written.exit_code == 0 and "Recorded 2 findings" in written.stderr
    assert set(json.loads((tmp_path / "base.json").read_text())["files"]) == {"a.md"}
    assert run("--baseline", "base.json", "a.md").exit_code == 0
    # moved lines and edits elsewhere keep old findings matched
    (tmp_path / "a.md").write_text("# Sales\n\nIntro text.\n\nAnd a foreman.\n\nWe need a salesman.\n")
    assert run("--baseline", "base.json", "a.md").exit_code == 0
    # a new finding fails the run, and only it is reported
    (tmp_path / "a.md").write_text("We need a salesman.\n\nAnd a foreman.\n\nA chairman too.\n")
    result = run("--baseline", "base.json", "a.md")
    assert result.exit_code == 1 and "chairman" in result.output and "foreman" not in result.output


def test_bad_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / "a.md").write_text("We need a salesman.\n")
    (tmp_path / "base.json").write_text("{}")
    result = run("--baseline", str(tmp_path / "base.json"), str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "not a jdlint baseline" in result.stderr
    missing = run("--baseline", str(tmp_path / "nope.json"), str(tmp_path / "a.md"))
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr


@pytest.mark.parametrize(
    "document, problem",
    [
        ("5", "not a jdlint baseline"),
        ("[[1]]", "not a jdlint baseline"),
        ('{"jdlint_baseline": 1, "files": {"a.md": 5}}', "files.a.md: not a list of fingerprints"),
        ('{"jdlint_baseline": 1, "files": {"a.md": [["JD201:x"]]}}', "files.a.md: not a list of fingerprints"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_malformed_baseline_is_a_one_line_error(tmp_path, document, problem):
    (tmp_path / "a.md").write_text("We need a salesman.\n")
    (tmp_path / "base.json").write_text(document)
    result = run("--baseline", str(tmp_path / "base.json"), str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and problem in result.stderr and "base.json" in result.stderr
