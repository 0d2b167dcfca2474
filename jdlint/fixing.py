"""Fixing files: read each linted file again, fix it (jdlint.fix) and write it back as carefully as a
version-control tool would.

Each file's outcome is a value (a FileFix, in input order), so the CLI only prints and the Python API decides for
itself; a crash while fixing one file is that file's error. Text read from stdin is fixed but never written: the
caller prints FileFix.data.

Writing: a symbolic link is followed and its target written (the link stays a link). The new bytes go to a
temporary file in the target's folder, which gets the file's mode, owner and group and then replaces it by
rename, so a crash leaves the old file or the new one. Where a rename would lose something, the bytes are
written through the file itself instead, after a backup copy next to it (deleted once the write is done): a
hard link (a rename would split it from its other names) and a file whose owner or group the user may not give
to a new file. Nothing is written to a read-only file or folder, or to a file that changed after jdlint read it
(size, mtime and SHA-256 of the bytes read are compared just before the write).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator

from .config import ConfigResolver
from .fix import Keep, Skipped, encode, fix_text
from .formats import format_for
from .linter import Linter
from .model import FileResult, Finding, InputError
from .source import Source, SourceError, decode, read_bytes


class WriteRefused(Exception):
    """A file that must not be written; its message is a single line for the user."""


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """What the file was when jdlint read it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> Snapshot:
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclasses.dataclass(frozen=True)
class FileFix:
    path: str
    result: FileResult  # the findings after fixing (the original ones when the file could not be read or written)
    before: str = ""  # the text as read
    fixed: Source | None = None  # None when the file could not be read
    applied: tuple[Finding, ...] = ()
    from_stdin: bool = False
    error: str | None = None  # one line: the file could not be read (nothing fixed) or written (fix lost)
    original: Source | None = None  # the Source as read
    skipped: tuple[Skipped, ...] = ()  # fixable findings left as they are, and why
    written: bool = False  # the fixed bytes are on disk

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed.text != self.before

    @property
    def after(self) -> str:
        """The text after fixing (as read, when nothing could be fixed)."""
        return self.fixed.text if self.fixed is not None else self.before

    @property
    def data(self) -> bytes:
        """The fixed text in the file's own encoding (and byte-order mark)."""
        if self.fixed is None:
            raise ValueError(f"{self.path}: not fixed ({self.error})")
        return encode(self.fixed)


def fix_files(
    results: Iterable[FileResult],
    resolver: ConfigResolver,
    *,
    unsafe: bool = False,
    write: bool = True,
    stdin_data: bytes | None = None,
    stdin_name: str | None = None,
    keep: Keep | None = None,
) -> Iterator[FileFix]:
    """Fix each linted file (with unsafe fixes too if `unsafe`); with `write`, changed files are written. With
    `keep`, only the findings it keeps are fixed."""
    for result in results:
        stdin = stdin_data if result.path == (stdin_name or "-") else None
        try:
            yield _fix_one(result, resolver, unsafe, write, stdin, keep)
        except Exception as exc:  # a bug met while fixing this file must not cost the others their fixes
            yield FileFix(result.path, result, error=InputError.internal(result.path, "fixing", exc).message)


def _fix_one(
    result: FileResult, resolver: ConfigResolver, unsafe: bool, write: bool, stdin: bytes | None, keep: Keep | None
) -> FileFix:
    is_stdin = stdin is not None
    config = resolver.for_path(None if is_stdin else result.path)
    try:
        fmt = format_for(result.path)
        if stdin is not None:
            source, snapshot = decode(stdin, result.path, fmt), None
        else:
            source, snapshot = _read(result.path, config.max_file_size, fmt)
    except SourceError as exc:
        return FileFix(result.path, result, error=str(exc))
    fixed = fix_text(source, Linter(config), unsafe=unsafe, keep=keep)
    outcome = FileFix(
        result.path,
        fixed.result,
        source.text,
        fixed.source,
        fixed.applied,
        from_stdin=is_stdin,
        original=source,
        skipped=fixed.skipped,
    )
    if not (write and outcome.changed and snapshot is not None):
        return outcome
    try:
        write_file(outcome.path, outcome.data, snapshot)
    except WriteRefused as exc:  # the report then gives the findings of the file as it stays
        return dataclasses.replace(outcome, result=result, error=f"{outcome.path}: {exc}")
    except OSError as exc:
        return dataclasses.replace(
            outcome, result=result, error=f"{outcome.path}: cannot write ({exc.strerror or exc})"
        )
    return dataclasses.replace(outcome, written=True)


def _read(path: str, max_bytes: int, fmt: str) -> tuple[Source, Snapshot]:
    """The file (a symbolic link's target) decoded, and a Snapshot of it taken before reading."""
    try:
        info = os.stat(path)
    except OSError:
        info = None  # read_bytes says what is wrong
    data = read_bytes(path, max_bytes)
    if info is None:
        info = os.stat(path)
    return decode(data, path, fmt), Snapshot.of(info, data)


def write_file(path: str, data: bytes, expected: Snapshot | None = None) -> None:
    """Replace the file's bytes with `data` (a link's target), keeping its mode, owner, group and hard links.

    WriteRefused when the file or its folder is read-only or the file is no longer what `expected` says."""
    target = os.path.realpath(path)
    info = _current(target, expected)
    if not os.access(target, os.W_OK) or not info.st_mode & 0o222:  # root may write anything: ask the mode too
        raise WriteRefused("cannot write (read-only file)")
    folder = os.path.dirname(target)
    folder_mode = os.stat(folder).st_mode
    if not os.access(folder, os.W_OK | os.X_OK) or not folder_mode & 0o222:
        raise WriteRefused("cannot write (read-only folder)")
    if info.st_nlink > 1:
        _write_in_place(target, data, expected)
        return
    try:
        write_atomically(target, data, expected, info)
    except _OwnerLost:
        _write_in_place(target, data, expected)


class _OwnerLost(Exception):
    """A new file could not be given the old file's owner or group."""


def _current(target: str, expected: Snapshot | None) -> os.stat_result:
    """The file's status now; WriteRefused when it is gone or differs from `expected`."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise WriteRefused("deleted while jdlint was fixing it; nothing written") from None
    if expected is None:
        return info
    if (info.st_size, info.st_mtime_ns) == (expected.size, expected.mtime_ns):
        with open(target, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() == expected.sha256:
                return info
    raise WriteRefused("changed while jdlint was fixing it; run again")


def write_atomically(path: str, data: bytes, expected: Snapshot | None = None, info: os.stat_result | None = None):
    """Temporary file in the same folder with the file's mode, owner and group, then rename: a crash leaves the
    old file or the new one. The file is checked against `expected` once more just before the rename."""
    info = info or os.stat(path)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".jdlint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        new = os.stat(temporary)
        if (new.st_uid, new.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except PermissionError:
                raise _OwnerLost from None
        os.chmod(temporary, stat.S_IMODE(info.st_mode))  # after chown, which may clear set-id bits
        _current(path, expected)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _write_in_place(path: str, data: bytes, expected: Snapshot | None) -> None:
    """Write through the file itself (same inode: links, owner, group and mode stay), after a backup copy of the
    old bytes next to it that is put back if the write fails and deleted when it succeeds."""
    folder = os.path.dirname(path)
    with open(path, "r+b") as stream:
        old = stream.read()
        if expected is not None and hashlib.sha256(old).hexdigest() != expected.sha256:
            raise WriteRefused("changed while jdlint was fixing it; run again")
        handle, backup = tempfile.mkstemp(dir=folder, prefix=".jdlint-", suffix=".bak")
        with os.fdopen(handle, "wb") as copy:
            copy.write(old)
            copy.flush()
            os.fsync(copy.fileno())
        try:
            stream.seek(0)
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            stream.seek(0)  # put the old bytes back; if this fails too, the backup copy stays for the user
            stream.write(old)
            stream.truncate()
            stream.flush()
            os.unlink(backup)
            raise
    os.unlink(backup)
