"""Fixing files through the API: each file's outcome is a value; only changed files are written, atomically."""

from __future__ import annotations

import errno
import os

from jdlint.batch import lint_inputs
from jdlint.catalog import load_catalog
from jdlint.config import ConfigResolver
from jdlint.fixing import fix_files, write_atomically
from jdlint.model import FileResult, InputError

DIRTY = "We are hiring a salesman for our Denver office.\n"
CLEAN = "We are hiring a salesperson for our Denver office.\n"


def lint(paths: list[str], resolver: ConfigResolver, **options) -> list[FileResult | InputError]:
    _, items = lint_inputs(paths, resolver, jobs=1, **options)
    return list(items)


def test_fix_files_writes_the_changed_files_and_reports_each(tmp_path):
    dirty, clean = tmp_path / "dirty.txt", tmp_path / "clean.txt"
    dirty.write_text(DIRTY)
    clean.write_text(CLEAN)
    dirty.chmod(0o640)
    resolver = ConfigResolver(load_catalog())
    outcomes = list(fix_files(lint([str(dirty), str(clean)], resolver), resolver))
    assert [(o.path, o.changed, o.error) for o in outcomes] == [(str(dirty), True, None), (str(clean), False, None)]
    assert [f.code for f in outcomes[0].applied] == ["JD201"] and outcomes[0].result.findings == []
    assert (outcomes[0].before, outcomes[0].after) == (DIRTY, CLEAN)
    assert dirty.read_text() == CLEAN and oct(dirty.stat().st_mode & 0o777) == oct(0o640)
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".jdlint-")]


def test_without_write_nothing_changes_on_disk(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY)
    resolver = ConfigResolver(load_catalog())
    [outcome] = fix_files(lint([str(dirty)], resolver), resolver, write=False)
    assert outcome.changed and outcome.after == CLEAN and dirty.read_text() == DIRTY


def test_failures_are_values(tmp_path, monkeypatch):
    gone, full = tmp_path / "gone.txt", tmp_path / "full.txt"
    gone.write_text(DIRTY)
    full.write_text(DIRTY)
    resolver = ConfigResolver(load_catalog())
    results = lint([str(gone), str(full)], resolver)
    gone.unlink()

    def disk_full(**_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("jdlint.fixing.tempfile.mkstemp", disk_full)
    unreadable, unwritable = fix_files(results, resolver)
    assert unreadable.error is not None and str(gone) in unreadable.error and not unreadable.changed
    assert unreadable.result is results[0]  # the findings as linted
    assert unwritable.changed and unwritable.error == f"{full}: cannot write (No space left on device)"
    assert full.read_text() == DIRTY


def test_stdin_is_fixed_but_never_written(tmp_path):
    resolver = ConfigResolver(load_catalog())
    data = DIRTY.encode()
    results = lint(["-"], resolver, stdin_data=data, stdin_name="posting.txt")
    [outcome] = fix_files(results, resolver, stdin_data=data, stdin_name="posting.txt")
    assert outcome.from_stdin and outcome.data == CLEAN.encode() and outcome.error is None


def test_write_atomically_replaces_the_whole_file(tmp_path):
    target = tmp_path / "posting.txt"
    target.write_bytes(b"old")
    write_atomically(str(target), b"new text")
    assert target.read_bytes() == b"new text" and os.listdir(tmp_path) == ["posting.txt"]
