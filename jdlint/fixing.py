"""Fixing files: read each linted file again, fix it (jdlint.fix) and write it back atomically.

Each file's outcome is a value (a FileFix, in input order), so the CLI only prints and the Python API
decides for itself. Text read from stdin is fixed but never written: the caller prints FileFix.data.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterable, Iterator

from .config import ConfigResolver
from .fix import encode, fix_source
from .formats import format_for
from .linter import Linter
from .model import FileResult, Finding
from .source import Source, SourceError, decode, read_path


@dataclasses.dataclass(frozen=True)
class FileFix:
    path: str
    result: FileResult  # the findings after fixing (the original ones when the file could not be read)
    before: str = ""  # the text as read
    fixed: Source | None = None  # None when the file could not be read
    applied: tuple[Finding, ...] = ()
    from_stdin: bool = False
    error: str | None = None  # one line: the file could not be read (nothing fixed) or written (fix lost)

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
) -> Iterator[FileFix]:
    """Fix each linted file (with unsafe fixes too if `unsafe`); with `write`, changed files are written."""
    for result in results:
        stdin = stdin_data if result.path == (stdin_name or "-") else None
        is_stdin = stdin is not None
        config = resolver.for_path(None if is_stdin else result.path)
        try:
            fmt = format_for(result.path)
            source = (
                decode(stdin, result.path, fmt)
                if stdin is not None
                else read_path(result.path, config.max_file_size, fmt)
            )
        except SourceError as exc:
            yield FileFix(result.path, result, error=str(exc))
            continue
        fixed, applied, after = fix_source(source, Linter(config), unsafe=unsafe)
        outcome = FileFix(result.path, after, source.text, fixed, tuple(applied), from_stdin=is_stdin)
        if write and outcome.changed and not is_stdin:
            try:
                write_atomically(outcome.path, outcome.data)
            except OSError as exc:
                outcome = dataclasses.replace(outcome, error=f"{outcome.path}: cannot write ({exc.strerror or exc})")
        yield outcome


def write_atomically(path: str, data: bytes) -> None:
    """Temporary file in the same folder, then rename: a crash leaves the old file or the new one."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".jdlint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
