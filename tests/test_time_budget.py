"""The per-posting time budget (lint-timeout, --timeout): a posting over it is its own one-line error naming the
stage, exit 2, and the rest of the batch is linted, in every job mode, for records, in audit and in the API.

No test measures time: a stage that never ends on its own is injected, and the budget is what ends it."""

from __future__ import annotations

import json
import re
import threading
import time

import pytest
from click.testing import CliRunner

import jdlint
from jdlint import budget, records, runner
from jdlint.budget import TimeBudgetExceeded
from jdlint.cli import main
from jdlint.config import Config, ConfigError, ConfigResolver, parse_timeout
from jdlint.kinds import KINDS
from jdlint.parallel import MIN_PARALLEL

GOOD = "We need a salesman who is a rockstar."
BUDGET = "1"  # seconds: ample for these short postings once the lazy tables are loaded (see warmed_up)
STUCK = "in rule JD203 (gendered-candidate-pronoun)"


def _hang_in_python() -> None:
    while True:  # a stage that loops in Python: the timer's exception lands between bytecodes
        time.sleep(0.01)


def _hang_in_one_regex() -> None:
    # one call that backtracks for longer than any test run: the regex engine itself must be interrupted
    re.match(r"(a+)+$", "a" * 64 + "b")


@pytest.fixture(autouse=True, scope="module")
def warmed_up():
    """Tables loaded on first use (word lists, lemmas) are loaded before any budget runs: the first posting of a
    run pays for them, which a one-second budget would not cover. Forked workers inherit them."""
    for fmt in ("text", "markdown"):
        jdlint.lint_text(f"Posting. {GOOD}", format=fmt, config=Config(lint_timeout=0))


@pytest.fixture(params=[_hang_in_python, _hang_in_one_regex], ids=["loop", "regex"])
def stuck_rule(monkeypatch, request):
    """JD203's check never ends for a posting whose path contains 'p000' or '#bad'."""
    kind = KINDS["python"]
    find = type(kind).find

    def hanging(self, context, rule):
        path = context.document.source.path
        if rule.code == "JD203" and ("p000" in path or "#bad" in path):
            request.param()
        return find(self, context, rule)

    monkeypatch.setattr(type(kind), "find", hanging)


def _folder(tmp_path, count: int):
    for i in range(count):
        (tmp_path / f"p{i:03d}.md").write_text(f"Posting {i}. {GOOD}")
    return tmp_path / "p000.md"  # the first posting of the first chunk: the whole batch is at risk


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("jdlint: error:")]


def _message(path) -> str:
    return f"jdlint: error: {path}: took longer than {BUDGET} s {STUCK}; raise lint-timeout or split the file"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_posting_over_its_budget_is_its_error_and_the_batch_goes_on(tmp_path, stuck_rule, jobs):
    count = MIN_PARALLEL + 2  # enough for worker processes with --jobs 2
    bad = _folder(tmp_path, count)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", jobs, "--timeout", BUDGET, str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert _errors(result.stderr) == [_message(bad)]
    files = json.loads(result.stdout)["files"]
    assert len(files) == count - 1 and str(bad) not in {f["path"] for f in files}
    assert all(any(f["code"] == "JD201" for f in entry["findings"]) for entry in files)  # salesman


def test_the_config_sets_the_budget(tmp_path, stuck_rule):
    bad = _folder(tmp_path, 3)
    (tmp_path / ".jdlint.toml").write_text(f"lint-timeout = {BUDGET}\n")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [_message(bad)]
    assert len(json.loads(result.stdout)["files"]) == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_goes_on_past_a_posting_over_its_budget(tmp_path, stuck_rule, jobs):
    count = MIN_PARALLEL + 2
    bad = _folder(tmp_path, count)
    result = CliRunner().invoke(main, ["audit", "--format", "json", "--jobs", jobs, "--timeout", BUDGET, str(tmp_path)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [_message(bad)]
    assert json.loads(result.stdout)["audit"]["postings"] == count - 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_over_its_budget_is_skipped_alone(tmp_path, stuck_rule, jobs):
    export = tmp_path / "export.jsonl"
    ids = [str(i) for i in range(MIN_PARALLEL + 2)]
    ids[5] = "bad"
    export.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ids))
    args = ["check", "--format", "jsonl", "--jobs", jobs, "--timeout", BUDGET, "--records", str(export)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert _errors(result.stderr) == [_message(f"{export}#bad")]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(ids) - 1 and all(line["path"] != f"{export}#bad" for line in lines)


def test_a_parser_over_its_budget_names_parsing(tmp_path, monkeypatch):
    parse = runner.parse

    def slow(source):
        if source.path.endswith("p001.md"):
            _hang_in_python()
        return parse(source)

    monkeypatch.setattr(runner, "parse", slow)
    _folder(tmp_path, 3)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", "--timeout", BUDGET, str(tmp_path)])
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"jdlint: error: {tmp_path / 'p001.md'}: took longer than {BUDGET} s while parsing; "
        "raise lint-timeout or split the file"
    ]
    assert len(json.loads(result.stdout)["files"]) == 2


def test_a_record_whose_parsing_is_over_its_budget_is_skipped_alone(tmp_path, monkeypatch):
    parse = records.parse

    def slow(source):
        if source.path.endswith("#bad"):
            _hang_in_python()
        return parse(source)

    monkeypatch.setattr(records, "parse", slow)
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ("1", "bad", "3")))
    args = ["check", "--format", "jsonl", "--jobs", "1", "--timeout", BUDGET, "--records", str(export)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"jdlint: error: {export}: line 2: took longer than {BUDGET} s while parsing; raise lint-timeout or split "
        "the file"
    ]
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [f"{export}#1", f"{export}#3"]


def test_the_api_raises_for_a_text_and_reports_a_path(tmp_path, stuck_rule):
    with pytest.raises(TimeBudgetExceeded, match=re.escape(STUCK)):
        jdlint.lint_text(GOOD, config=Config(lint_timeout=float(BUDGET)), path="p000.txt")
    bad = _folder(tmp_path, 2)
    results, errors = jdlint.lint_paths([tmp_path], config=Config(lint_timeout=float(BUDGET)))
    assert [e.path for e in errors] == [str(bad)] and STUCK in errors[0].message
    assert [r.path for r in results] == [str(tmp_path / "p001.md")]


def test_no_budget_leaves_a_slow_stage_alone(monkeypatch):
    # 0 turns the budget off: a stage that takes a while (here: one pause) is not cut
    kind = KINDS["python"]
    find = type(kind).find
    paused = []

    def pausing(self, context, rule):
        if rule.code == "JD203":
            time.sleep(float(BUDGET) + 0.3)
            paused.append(rule.code)
        return find(self, context, rule)

    monkeypatch.setattr(type(kind), "find", pausing)
    result = jdlint.lint_text(GOOD, config=Config(lint_timeout=0), path="p000.txt")
    assert paused == ["JD203"] and "JD201" in {f.code for f in result.findings}


def test_outside_the_main_thread_the_budget_is_checked_between_stages(monkeypatch):
    # no timer there: the stage that overran is named when the next one begins
    kind = KINDS["python"]
    find = type(kind).find

    def pausing(self, context, rule):
        if rule.code == "JD203":
            time.sleep(float(BUDGET) + 0.3)
        return find(self, context, rule)

    monkeypatch.setattr(type(kind), "find", pausing)
    caught: list[BaseException] = []

    def lint() -> None:
        try:
            jdlint.lint_text(GOOD, config=Config(lint_timeout=float(BUDGET)))
        except TimeBudgetExceeded as exc:
            caught.append(exc)

    thread = threading.Thread(target=lint)
    thread.start()
    thread.join()
    assert [exc.stage for exc in caught] == [STUCK]


def test_the_budget_leaves_no_timer_or_handler_behind():
    import signal

    handler = signal.getsignal(signal.SIGALRM)
    with budget.limit(5, "while testing"):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is handler


def test_timeout_values_are_checked():
    assert parse_timeout(0) == 0.0 and parse_timeout("2.5") == 2.5 and parse_timeout(60) == 60.0
    for bad in (-1, "inf", "nan", True, "soon", [1]):
        with pytest.raises(ValueError):
            parse_timeout(bad)
    result = CliRunner().invoke(main, ["check", "--timeout", "-3", "x.md"])
    assert result.exit_code == 2 and "--timeout" in result.output


def test_a_bad_lint_timeout_in_the_config_names_the_key(tmp_path):
    from jdlint.catalog import load_catalog

    (tmp_path / ".jdlint.toml").write_text('lint-timeout = "forever"\n')
    with pytest.raises(ConfigError, match="lint-timeout must be a number of seconds"):
        ConfigResolver(load_catalog(), str(tmp_path / ".jdlint.toml"), {}).for_path(None)
