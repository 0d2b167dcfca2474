"""Output formats are a registry: the CLI offers what jdlint/report/ holds, and a new format is one new module."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from jdlint import report
from jdlint.cli import main
from jdlint.report.audit_formats import AUDIT_FORMATS

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "We are hiring a salesman for our Denver office.\n"

CSV_REPORT = '''"""CSV: one `code,path` row per finding."""

from __future__ import annotations

from typing import Any

from ..model import FileResult

NAME: str = "csv"
ORDER: int = 70
WANTS_METRICS: bool = False
DEFAULT_OUTPUT: str | None = None


def render(results: list[FileResult], **_options: Any) -> str:
    return "".join(f"{finding.code},{result.path}\\n" for result in results for finding in result.findings)
'''


def format_choices(command: str) -> list[str]:
    option = next(p for p in main.commands[command].params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


def test_check_offers_exactly_the_registered_formats_in_order():
    assert format_choices("check") == list(report.reporters())
    assert list(report.reporters()) == [
        "text",
        "json",
        "jsonl",
        "sarif",
        "github",
        "gitlab",
        "summary",
        "junit",
        "html",
    ]


def test_audit_offers_exactly_the_audit_formats():
    assert format_choices("audit") == list(AUDIT_FORMATS) == ["json", "html"]


def test_every_reporter_module_has_the_protocol_attributes():
    for name, reporter in report.reporters().items():
        assert reporter.__name__ == f"jdlint.report.{name}_report"  # type: ignore[attr-defined]
        assert isinstance(reporter.ORDER, int) and isinstance(reporter.WANTS_METRICS, bool)
        assert reporter.DEFAULT_OUTPUT is None or reporter.DEFAULT_OUTPUT.endswith(".html")
        assert callable(reporter.render)
    assert [n for n, r in report.reporters().items() if r.WANTS_METRICS] == ["json", "jsonl", "html"]
    assert report.get("html").DEFAULT_OUTPUT == "jdlint-report.html"


def test_an_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="no output format 'xml'"):
        report.get("xml")


def test_adding_an_output_format_is_one_new_module(tmp_path):
    shutil.copytree(ROOT / "jdlint", tmp_path / "jdlint", ignore=shutil.ignore_patterns("__pycache__"))
    for data in ("rules", "data", "reports"):
        (tmp_path / data).symlink_to(ROOT / data)
    (tmp_path / "jdlint" / "report" / "csv_report.py").write_text(CSV_REPORT, encoding="utf-8")
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def jdlint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "jdlint", *args], check=False, capture_output=True, text=True, cwd=tmp_path, env=env
        )

    done = jdlint("check", "--format", "csv", "dirty.txt")
    assert (done.returncode, done.stdout, done.stderr) == (1, "JD201,dirty.txt\n", "")
    assert "[text|json|jsonl|sarif|github|gitlab|summary|junit|html|csv]" in jdlint("check", "--help").stdout


def test_also_write_renders_more_formats_from_the_same_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(
        main,
        ["check", "--format", "github", "--also-write", "sarif=out.sarif", "--also-write", "summary=s.md", "dirty.txt"],
    )
    assert done.exit_code == 1 and done.stdout.startswith("::")
    assert json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]
    assert (tmp_path / "s.md").read_text().startswith("## jdlint\n")
    for bad, says in (("sarif", "give FORMAT=FILE"), ("xml=out.xml", "no output format 'xml'")):
        refused = runner.invoke(main, ["check", "--also-write", bad, "dirty.txt"])
        assert refused.exit_code == 2 and says in refused.stderr
