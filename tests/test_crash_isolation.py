"""A crash while parsing or linting one posting is that posting's error: exit 2, one line, the rest reported."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdlint import runner
from jdlint.cli import main
from jdlint.config import Config
from jdlint.linter import Linter
from jdlint.parallel import MIN_PARALLEL
from jdlint.source import DEFAULT_MAX_BYTES

GOOD = "We need a salesman who is a rockstar."


def _folder(tmp_path, count: int):
    for i in range(count):
        (tmp_path / f"p{i:03d}.md").write_text(f"Posting {i}. {GOOD}")
    bad = tmp_path / "p000.md"  # the first posting of the first chunk: the whole batch is at risk
    return bad


@pytest.fixture
def broken_check(monkeypatch):
    """Linting raises for any posting whose path or record name contains 'p000' or '#bad'."""
    lint_doc = Linter.lint_doc

    def failing(self, document, doc, *args, **kwargs):
        if "p000" in document.source.path or "#bad" in document.source.path:
            raise ValueError("boom\nsecond line")
        return lint_doc(self, document, doc, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_doc", failing)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("jdlint: error:")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_check_that_raises_costs_one_posting(tmp_path, broken_check, jobs):
    count = MIN_PARALLEL + 2  # enough for worker processes with --jobs 2
    bad = _folder(tmp_path, count)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", jobs, str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert _errors(result.stderr) == [
        f"jdlint: error: {bad}: internal error while linting (ValueError: boom second line); please report it"
    ]
    files = json.loads(result.stdout)["files"]
    assert len(files) == count - 1 and str(bad) not in {f["path"] for f in files}
    assert all(any(f["code"] == "JD201" for f in entry["findings"]) for entry in files)  # salesman


def test_a_parser_that_raises_costs_one_posting(tmp_path, monkeypatch):
    parse = runner.parse

    def failing(source):
        if source.path.endswith("p001.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return parse(source)

    monkeypatch.setattr(runner, "parse", failing)
    _folder(tmp_path, 3)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"jdlint: error: {tmp_path / 'p001.md'}: internal error while parsing "
        "(RecursionError: maximum recursion depth exceeded); please report it"
    ]
    assert len(json.loads(result.stdout)["files"]) == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_goes_on_past_a_crash(tmp_path, broken_check, jobs):
    count = MIN_PARALLEL + 2
    bad = _folder(tmp_path, count)
    result = CliRunner().invoke(main, ["audit", "--format", "json", "--jobs", jobs, str(tmp_path)])
    assert result.exit_code == 2
    assert len(_errors(result.stderr)) == 1 and str(bad) in result.stderr
    assert json.loads(result.stdout)["audit"]["postings"] == count - 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_that_crashes_is_skipped_alone(tmp_path, broken_check, jobs):
    export = tmp_path / "export.jsonl"
    ids = [str(i) for i in range(MIN_PARALLEL + 2)]
    ids[5] = "bad"
    export.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ids))
    result = CliRunner().invoke(main, ["check", "--format", "jsonl", "--jobs", jobs, "--records", str(export)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"jdlint: error: {export}#bad: internal error while linting (ValueError: boom second line); please report it"
    ]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(ids) - 1 and all(line["path"] != f"{export}#bad" for line in lines)


def test_a_record_whose_parsing_crashes_names_its_line(tmp_path, monkeypatch):
    from jdlint import records

    to_document = records.to_document

    def failing(name, text, fmt, metadata, timeout=None):
        if name.endswith("#2"):
            raise IndexError("list index out of range")
        return to_document(name, text, fmt, metadata, timeout)

    monkeypatch.setattr(records, "to_document", failing)
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in range(1, 4)))
    result = CliRunner().invoke(main, ["check", "--format", "jsonl", "--jobs", "1", "--records", str(export)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"jdlint: error: {export}: line 2: internal error while parsing (IndexError: list index out of range); "
        "please report it"
    ]
    assert len(result.stdout.splitlines()) == 2


def test_the_blank_pipeline_takes_any_posting_within_the_size_limit():
    pipeline = Linter(Config()).pipeline
    assert pipeline.nlp.max_length >= DEFAULT_MAX_BYTES
    text = "We hire engineers. " * 63_200  # 1.2 MB, over spaCy's default max_length of 1,000,000
    assert len(pipeline.make_doc(text).text) == len(text) > 1_000_000  # spaCy refuses a text over max_length
    bigger = Linter(Config(max_file_size=8 * 1024 * 1024)).pipeline
    assert bigger.nlp.max_length >= 8 * 1024 * 1024
