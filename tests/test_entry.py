"""The `jdlint` program's end (jdlint.cli.run): the exit code SystemExit would give, the standard streams flushed
first, and a report that could not be written reported; then os._exit, which skips Python's teardown."""

from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jdlint import cli

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-posting.md"


class Ended(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


@pytest.fixture
def ended(monkeypatch):
    """os._exit replaced by an exception carrying its code, so `run` can be called in the test process."""

    def fake_exit(code: int) -> None:
        raise Ended(code)

    monkeypatch.setattr(cli.os, "_exit", fake_exit)


def _run(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["jdlint", *args])
    with pytest.raises(Ended) as raised:
        cli.run()
    return raised.value.code


def test_run_ends_with_the_commands_own_code(monkeypatch, ended, tmp_path, capsys):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("We are hiring a salesman for our Denver office.\n")
    clean = tmp_path / "clean.txt"
    clean.write_text("We are hiring a salesperson for our Denver office.\n")
    assert _run(monkeypatch, "check", str(dirty)) == 1
    assert "JD201" in capsys.readouterr().out
    assert _run(monkeypatch, "check", "--exit-zero", str(dirty)) == 0
    assert _run(monkeypatch, "--version") == 0
    assert _run(monkeypatch, "check", str(tmp_path / "missing.txt")) == 2
    assert _run(monkeypatch, "no-such-command") == 2


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2), ("bad config", 1)])
def test_exit_code_is_the_one_systemexit_gives(code, status, capsys):
    assert cli._exit_code(code) == status
    assert capsys.readouterr().err == ("bad config\n" if isinstance(code, str) else "")


class _Failing(io.StringIO):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def flush(self) -> None:
        raise OSError(self.number, "No space left on device" if self.number == errno.ENOSPC else "Broken pipe")


def test_a_report_that_cannot_be_written_is_an_error_not_success(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _Failing(errno.ENOSPC))
    assert cli._flushed(0) == 2
    assert capsys.readouterr().err == "jdlint: error: writing the report: No space left on device\n"


def test_a_reader_that_closed_the_pipe_keeps_the_code(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _Failing(errno.EPIPE))
    assert cli._flushed(1) == 1
    assert capsys.readouterr().err == ""


def test_held_output_is_flushed_before_the_end(monkeypatch):
    held = io.StringIO()
    flushed = []
    monkeypatch.setattr(held, "flush", lambda: flushed.append(True))
    monkeypatch.setattr(sys, "stdout", held)
    assert cli._flushed(1) == 1 and flushed == [True]


def test_a_real_process_writes_its_whole_report_through_a_pipe(tmp_path):
    """Many files' JSON, far beyond a pipe's buffer, read whole from a process that ends with os._exit."""
    for number in range(40):
        (tmp_path / f"p{number}.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "jdlint", "check", "--format", "json", "--jobs", "1", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    assert proc.returncode == 1 and len(report["files"]) == 40 and len(proc.stdout) > 65536


def test_a_full_disk_is_exit_2_from_a_real_process(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "jdlint", "check", "--exit-zero", str(SAMPLE)], stdout=full, stderr=subprocess.PIPE
        )
    assert proc.returncode == 2 and b"No space left on device" in proc.stderr
