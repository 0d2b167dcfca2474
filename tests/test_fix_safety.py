"""--fix as careful as a version-control tool: links, permissions, owners, concurrent edits, every newline byte,
byte order and BOM, fixes the encoding cannot write, stdin, crashes; --diff output that patch and git apply take."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from jdlint import fixing
from jdlint.cli import main
from jdlint.config import Config
from jdlint.fix import fix_source
from jdlint.linter import Linter
from jdlint.source import decode

DIRTY = "We are hiring a salesman for our Denver office.\n"
CLEAN = "We are hiring a salesperson for our Denver office.\n"


def check(*args, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["check", "--select", "JD1,JD2", *args], input=stdin)


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("jdlint: error:")]


def breaks(data: bytes) -> list[bytes]:
    return re.findall(rb"\r\n|\r|\n", data)


# links


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text(DIRTY)
    link.symlink_to(target.name)
    result = check("--fix", str(link))
    assert result.exit_code == 0 and "Fixed 1 file." in result.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text() == CLEAN
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "target.txt"]


def test_a_hard_link_is_not_split(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(DIRTY)
    os.link(first, second)
    inode = first.stat().st_ino
    assert check("--fix", str(first)).exit_code == 0
    assert first.stat().st_ino == inode == second.stat().st_ino and first.stat().st_nlink == 2
    assert second.read_text() == CLEAN
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]  # the backup copy is gone


# permissions and ownership


def test_a_read_only_file_is_not_written(tmp_path):
    locked, other = tmp_path / "locked.txt", tmp_path / "other.txt"
    locked.write_text(DIRTY)
    other.write_text(DIRTY)
    locked.chmod(0o444)
    result = check("--fix", str(locked), str(other))
    assert result.exit_code == 2
    assert errors(result.stderr) == [f"jdlint: error: {locked}: cannot write (read-only file)"]
    assert "Fixed 1 file." in result.stderr  # the other one
    assert locked.read_text() == DIRTY and other.read_text() == CLEAN
    assert oct(locked.stat().st_mode & 0o777) == oct(0o444)


def test_a_read_only_folder_is_an_error_and_nothing_is_counted_as_fixed(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    posting = folder / "p.txt"
    posting.write_text(DIRTY)
    folder.chmod(0o555)
    try:
        result = check("--fix", str(posting))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert errors(result.stderr) == [f"jdlint: error: {posting}: cannot write (read-only folder)"]
    assert "Fixed 0 files." in result.stderr and "Fixed 1 file." not in result.stderr
    assert posting.read_text() == DIRTY and os.listdir(folder) == ["p.txt"]


def test_owner_group_and_mode_are_kept(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text(DIRTY)
    owner = (12345, 23456) if os.geteuid() == 0 else (os.getuid(), os.getgid())  # only root gives files away
    os.chown(posting, *owner)
    posting.chmod(0o640)
    assert check("--fix", str(posting)).exit_code == 0
    info = posting.stat()
    assert (info.st_uid, info.st_gid, oct(info.st_mode & 0o7777)) == (*owner, oct(0o640))
    assert posting.read_text() == CLEAN


def test_an_owner_that_cannot_be_given_keeps_the_file_itself(tmp_path, monkeypatch):
    """Where a new file could not get the old one's owner, the bytes go through the file itself (same inode)."""
    posting = tmp_path / "p.txt"
    posting.write_text(DIRTY)
    info = posting.stat()

    def not_permitted(path, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "stat", _other_owner(os.stat, str(tmp_path)))
    monkeypatch.setattr(os, "chown", not_permitted)
    assert check("--fix", str(posting)).exit_code == 0
    monkeypatch.undo()
    assert posting.stat().st_ino == info.st_ino and posting.read_text() == CLEAN
    assert os.listdir(tmp_path) == ["p.txt"]


def _other_owner(real_stat, folder: str):
    """os.stat that says the postings in `folder` belong to someone else (temporary files stay the user's)."""

    def fake(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        if str(path).startswith(folder) and not os.path.basename(str(path)).startswith(".jdlint-"):
            values = list(info)
            values[4], values[5] = info.st_uid + 1, info.st_gid + 1
            return os.stat_result(values)
        return info

    return fake


# concurrent changes


def test_a_file_changed_while_fixing_is_not_overwritten(tmp_path, monkeypatch):
    busy, calm = tmp_path / "busy.txt", tmp_path / "calm.txt"
    busy.write_text(DIRTY)
    calm.write_text(DIRTY)
    fix_text = fixing.fix_text

    def someone_edits(source, *args, **kwargs):
        outcome = fix_text(source, *args, **kwargs)
        if source.path == str(busy):
            busy.write_text(DIRTY + "Their new line.\n")
        return outcome

    monkeypatch.setattr(fixing, "fix_text", someone_edits)
    result = check("--fix", str(busy), str(calm))
    assert result.exit_code == 2
    assert errors(result.stderr) == [f"jdlint: error: {busy}: changed while jdlint was fixing it; run again"]
    assert busy.read_text() == DIRTY + "Their new line.\n" and calm.read_text() == CLEAN
    assert "Fixed 1 file." in result.stderr


def test_a_file_deleted_while_fixing_exits_2(tmp_path, monkeypatch):
    posting = tmp_path / "p.txt"
    posting.write_text(DIRTY)
    fix_text = fixing.fix_text

    def someone_deletes(source, *args, **kwargs):
        posting.unlink()
        return fix_text(source, *args, **kwargs)

    monkeypatch.setattr(fixing, "fix_text", someone_deletes)
    result = check("--fix", str(posting))
    assert result.exit_code == 2
    assert errors(result.stderr) == [f"jdlint: error: {posting}: deleted while jdlint was fixing it; nothing written"]
    assert os.listdir(tmp_path) == []


def test_a_file_deleted_after_linting_exits_2(tmp_path, monkeypatch):
    posting = tmp_path / "p.txt"
    posting.write_text(DIRTY)
    fix_files = fixing.fix_files

    def deleted_first(results, *args, **kwargs):
        posting.unlink()
        return fix_files(results, *args, **kwargs)

    monkeypatch.setattr("jdlint.cli.check.fix_files", deleted_first)
    result = check("--fix", str(posting))
    assert result.exit_code == 2 and errors(result.stderr) == [f"jdlint: error: {posting}: no such file"]


# newlines


def test_a_fix_never_joins_two_line_breaks(tmp_path):
    """Removing a tag between a lone \\r and a \\n would make them one \\r\\n: that fix is left, and said why."""
    posting = tmp_path / "p.txt"
    data = b"We need a salesman.\r#LI-DNI\nGreat team here.\r\nThe salesman travels.\rEnd.\n"
    posting.write_bytes(data)
    result = check("--select", "JD150,JD201", "--fix", str(posting))
    fixed = posting.read_bytes()
    assert fixed == data.replace(b"salesman", b"salesperson")
    assert breaks(fixed) == breaks(data)
    assert f"jdlint: note: {posting}:2:1: JD150 not fixed: it would join two line breaks into one" in result.stderr
    assert result.exit_code == 1  # the tag is still reported


def test_the_html_rewrite_keeps_the_files_line_breaks():
    text = "<p>Hello</p>\r\n<p>World &amp; more</p>\r<p>Bye</p>\r\n"
    fixed = fix_source(decode(text.encode(), "p.txt", "text"), Linter(Config(select=("JD121",))), unsafe=True)[0]
    assert fixed.text == "Hello\r\n\r\nWorld & more\r\rBye\r\n"


# encodings


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_byte_order_and_bom_are_kept(tmp_path, codec):
    posting = tmp_path / "p.txt"
    posting.write_bytes("\ufeff".encode(codec) + ("Zürich office.\r\n" + DIRTY).encode(codec))
    assert check("--fix", str(posting)).exit_code == 0
    assert posting.read_bytes() == "\ufeff".encode(codec) + ("Zürich office.\r\n" + CLEAN).encode(codec)


def test_a_fix_the_encoding_cannot_write_is_skipped_with_a_note(tmp_path):
    legacy, after = tmp_path / "a.txt", tmp_path / "b.txt"
    text = "Our café team is friendly. Rated &#9733; by staff, we need a salesman.\n"
    legacy.write_bytes(text.encode("latin-1"))
    after.write_text(DIRTY)
    result = check("--select", "JD120,JD201", "--fix", str(legacy), str(after))
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert legacy.read_bytes() == text.replace("salesman", "salesperson").encode("latin-1")
    assert after.read_text() == CLEAN
    notes = [line for line in result.stderr.splitlines() if "not fixed" in line]
    assert len(notes) == 1 and notes[0].startswith(f"jdlint: note: {legacy}:1:")
    assert "JD120 not fixed: the file's encoding" in notes[0] and "cannot write '★' (U+2605)" in notes[0]
    assert result.exit_code == 1 and "JD120" in result.stdout  # the finding stays


# stdin


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "jsonl", "github", "gitlab", "junit"])
def test_fix_of_stdin_writes_the_text_to_stdout_and_the_report_to_stderr(fmt):
    result = CliRunner().invoke(
        main, ["check", "--fix", "--format", fmt, "--stdin-filename", "p.txt", "-"], input=DIRTY.encode()
    )
    assert result.stdout_bytes == CLEAN.encode()
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(result.stderr)
    elif fmt == "junit":
        assert ElementTree.fromstring(result.stderr.encode()).tag == "testsuites"
    elif fmt == "jsonl":
        for line in result.stderr.splitlines():
            json.loads(line)


def test_fix_of_clean_stdin_still_writes_the_text():
    result = check("--fix", "-", stdin=CLEAN.encode())
    assert result.stdout_bytes == CLEAN.encode() and result.exit_code == 0


def test_diff_of_stdin_is_a_diff_on_stdout():
    result = check("--diff", "--stdin-filename", "p.txt", "-", stdin=DIRTY.encode())
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/p.txt\n+++ b/p.txt\n") and f"+{CLEAN}" in result.stdout


# --diff


def test_diff_exits_2_when_an_input_is_missing(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text(DIRTY)
    result = check("--diff", str(posting), str(tmp_path / "gone.txt"))
    assert result.exit_code == 2 and "gone.txt" in result.stderr
    assert f"+{CLEAN}" in result.stdout


PATCH_CASES = {
    "last.txt": b"Line one.\nWe need a salesman.",  # no final newline
    "crlf.txt": b"Hello.\r\nWe need a salesman.\r\nBye.\r\n",
    "cr.txt": b"Hello.\rWe need a salesman.\rBye.\r",
    "mixed.txt": b"Hello.\r\nThe salesman\rtravels.\nOne more salesman.\r\nEnd",
    "legacy.txt": "Café crew. We need a salesman.\n".encode("cp1252"),
    "bom.txt": b"\xef\xbb\xbfWe need a salesman.\nBye.\n",
}


@pytest.mark.parametrize("tool", ["patch", "git"])
def test_diff_applies_with_patch_and_git_apply_and_gives_what_fix_writes(tmp_path, tool):
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is needed to check --diff (apt-get install {tool})")
    for name in ("diffed", "fixed"):
        (tmp_path / name).mkdir()
        for file, data in PATCH_CASES.items():
            (tmp_path / name / file).write_bytes(data)
    names = sorted(PATCH_CASES)
    cwd = os.getcwd()
    os.chdir(tmp_path / "diffed")
    try:
        result = check("--diff", *names)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    diff = result.stdout_bytes
    assert diff.count(b"\n--- a/") + diff.startswith(b"--- a/") == len(names)
    # last.txt and cr.txt (one line: a lone \r ends no line for patch) before and after, mixed.txt's context line
    assert diff.count(b"\\ No newline at end of file\n") == 5
    check("--fix", *(str(tmp_path / "fixed" / name) for name in names))
    command = ["patch", "-p1", "--binary", "-s"] if tool == "patch" else ["git", "apply", "-p1", "--unsafe-paths", "-"]
    subprocess.run(command, input=diff, cwd=tmp_path / "diffed", check=True, capture_output=True)
    for name in names:
        assert (tmp_path / "diffed" / name).read_bytes() == (tmp_path / "fixed" / name).read_bytes(), name
        assert (tmp_path / "fixed" / name).read_bytes() != PATCH_CASES[name]


# crashes


def test_a_crash_while_fixing_one_file_costs_only_that_file(tmp_path, monkeypatch):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(DIRTY)
    good.write_text(DIRTY)
    fix_text = fixing.fix_text

    def failing(source, *args, **kwargs):
        if source.path == str(bad):
            raise ValueError("boom\nagain")
        return fix_text(source, *args, **kwargs)

    monkeypatch.setattr(fixing, "fix_text", failing)
    for mode in ("--fix", "--diff"):
        result = check(mode, str(bad), str(good))
        assert result.exit_code == 2, mode
        assert errors(result.stderr) == [
            f"jdlint: error: {bad}: internal error while fixing (ValueError: boom again); please report it"
        ]
    assert bad.read_text() == DIRTY and good.read_text() == CLEAN


def test_a_file_that_was_not_written_is_reported_as_it_stays(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(DIRTY)
    locked.chmod(0o444)
    result = check("--fix", "--format", "json", str(locked))
    [entry] = json.loads(result.stdout)["files"]
    assert [f["code"] for f in entry["findings"]] == ["JD201"] and result.exit_code == 2


def test_an_article_fix_keeps_the_space_after_the_article_as_written():
    fixed = fix_source(decode(b"We cut out a \tmiddleman.\n", "p.txt", "text"), Linter(Config()))[0]
    assert fixed.text == "We cut out an \tintermediary.\n"


def _finding(start: int, end: int, content: str):
    from jdlint.model import Applicability, Edit, Finding, Fix, Severity, Span

    fix = Fix(Applicability.SAFE, (Edit(start, end, content),))
    return Finding("JD999", "x", "encoding", Severity.WARNING, "m", Span(start, end), "t", fix=fix)


def test_a_fix_that_would_change_the_line_breaks_it_spans_is_not_applied():
    from jdlint.fix import apply_findings

    text = "A native English\r\nspeaker. Bye\u200b.\n"
    across = _finding(2, 25, "fluent English speaker")  # the span holds a \r\n the fix would write as a space
    bye = _finding(30, 31, "")
    assert apply_findings(text, [across, bye]) == ("A native English\r\nspeaker. Bye.\n", [bye])
    assert apply_findings(text, [_finding(2, 25, "fluent English\r\nspeaker")])[0] == (
        "A fluent English\r\nspeaker. Bye\u200b.\n"
    )


def test_a_failed_write_through_a_hard_link_puts_the_old_bytes_back(tmp_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(DIRTY)
    os.link(first, second)
    real_fsync = os.fsync
    calls = []

    def disk_full(fd):
        calls.append(fd)
        if len(calls) == 2:  # the backup copy is synced first, then the file itself
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", disk_full)
    result = check("--fix", str(first))
    monkeypatch.undo()
    assert result.exit_code == 2
    assert errors(result.stderr) == [f"jdlint: error: {first}: cannot write (No space left on device)"]
    assert second.read_text() == DIRTY and first.stat().st_nlink == 2
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]
