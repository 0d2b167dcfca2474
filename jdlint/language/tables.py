"""Large word tables held as sorted hashes of their words, and kept on disk between runs.

A table maps a word to a small number (a word list's rank, a dictionary's syllable count). It holds each word's
64-bit hash, sorted, beside its number: 300,000 words take 5 MB where a dict of their strings took 30-70 MB, and a
look-up is a binary search. A word outside the table finds a listed word's hash about once in 10^13 look-ups.

Building one from its source (wordfreq's compressed lists, the CMU dictionary's text) costs 50-100 ms per process,
which every one-file `jdlint check` would pay. So a built table is written to jdlint's cache folder, keyed by the
source files' path, size and modification time, jdlint's version and this module's format, and later processes map it
from there in a millisecond. A stored table's hash must be the same in every process, so it is BLAKE2b's
(`stable_key`); a table that cannot be stored (caching off, or a folder that cannot be written) uses Python's own
hash of the bytes, which is five times faster to compute but differs between processes.

The folder is `JDLINT_CACHE_DIR` when set (empty: no caching), else the platform's user cache folder
(platformdirs: `~/.cache/jdlint` on Linux). Anything wrong with the folder or a file in it costs only the time to
build the table again: a file that fails its checks is rebuilt, and a folder that cannot be written to is only read
(tables stored there by someone else still serve).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..version import __version__

CACHE_ENV = "JDLINT_CACHE_DIR"
FORMAT = 1  # bump when a stored table's layout or hash changes
KEPT = 4  # files kept of each table: one per install of jdlint that shares the folder, or per version
KeyFunction = Callable[[bytes], int]


def stable_key(word: bytes) -> int:
    """The same in every process: what a stored table is sorted by."""
    return int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little", signed=True)


# Python's hash of the bytes, called from C when mapped over a list: fixed within one process only. (Not the hash of
# the str itself: CPython hashes a string's internal buffer, so "1r" and "爱", the same two bytes in different
# widths, share one.)
process_key: KeyFunction = hash


class HashedTable:
    """Words (by hash) to numbers. `get` takes a str and hashes its UTF-8 bytes with the table's own key function."""

    def __init__(self, keys: Any, values: Any, key: KeyFunction) -> None:
        self._keys, self._values, self._key = keys, values, key
        self._search = keys.searchsorted  # the bound method: a third of numpy.searchsorted's cost per call

    @classmethod
    def build(cls, words: Sequence[bytes], values: Any, key: KeyFunction) -> HashedTable:
        """From each word's UTF-8 bytes and its number (a numpy array of the same length); a word listed twice keeps
        its lowest number."""
        import numpy

        hashes = numpy.fromiter(map(key, words), numpy.int64, len(words))
        order = numpy.argsort(hashes)  # not a stable sort (four times slower): reduceat below keeps the lowest anyway
        hashes, values = hashes[order], numpy.asarray(values, dtype=numpy.int64)[order]
        first = numpy.ones(len(hashes), dtype=bool)
        first[1:] = hashes[1:] != hashes[:-1]
        starts = numpy.flatnonzero(first)
        if not len(starts):
            return cls(hashes, values, key)
        return cls(hashes[starts], numpy.minimum.reduceat(values, starts), key)

    def get(self, word: str, default: int) -> int:
        key = self._key(word.encode("utf-8", "surrogatepass"))
        at = int(self._search(key))
        if at < len(self._keys) and self._keys[at] == key:
            return int(self._values[at])
        return default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1) != -1

    def __len__(self) -> int:
        return len(self._keys)


def cache_folder() -> Path | None:
    """Where tables are read from; None when caching is off or the folder neither exists nor can be made."""
    return _folder(os.environ.get(CACHE_ENV))


def storing() -> bool:
    """Whether a table built now can be stored: the folder can be written to (a read-only one, made ready by
    someone else, is still read)."""
    return _writable(cache_folder())


@lru_cache(maxsize=4)
def _folder(chosen: str | None) -> Path | None:
    if chosen is not None and not chosen.strip():
        return None
    if chosen is not None:
        folder = Path(chosen)
    else:
        import platformdirs  # here: only a table's first load asks

        folder = Path(platformdirs.user_cache_dir("jdlint", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return folder if folder.is_dir() else None
    return folder


@lru_cache(maxsize=4)
def _writable(folder: Path | None) -> bool:
    return folder is not None and os.access(folder, os.W_OK | os.X_OK)


def _file_name(name: str, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{name}".encode())
    for source in sources:
        status = source.stat()
        digest.update(f"\0{source.resolve()}\0{status.st_size}\0{status.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return f"{name}-{digest.hexdigest()[:20]}.npy"


def stored_table(name: str, sources: Sequence[Path]) -> HashedTable | None:
    """The table stored for these sources, mapped from its file; None when there is none (or caching is off, or the
    file fails its checks)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        import numpy

        pairs = numpy.load(folder / _file_name(name, sources), mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError):  # missing, or damaged
        return None
    if pairs.ndim != 2 or pairs.shape[0] != 2 or pairs.dtype != numpy.int64:
        return None
    return HashedTable(pairs[0], pairs[1], stable_key)


def made_table(name: str, sources: Sequence[Path], build: Callable[[KeyFunction], HashedTable]) -> HashedTable:
    """The stored table for these sources, else `build(key)`'s, stored for the next process when caching is on."""
    found = stored_table(name, sources)
    return found if found is not None else built_table(name, sources, build)  # (an empty table is falsy)


def built_table(name: str, sources: Sequence[Path], build: Callable[[KeyFunction], HashedTable]) -> HashedTable:
    """`build(key)`'s table, stored for the next process when it can be (the caller found none stored)."""
    folder = cache_folder()
    if folder is None or not _writable(folder):
        return build(process_key)
    table = build(stable_key)
    _store(folder, _file_name(name, sources), table)
    return table


def _store(folder: Path, file_name: str, table: HashedTable) -> None:
    """Write the table's file whole or not at all (a process reading it meanwhile sees the old file or none), and keep
    only the newest KEPT files of the same table: each install of jdlint (a pre-commit environment, a pipx one) reads
    its own, and an upgrade leaves an old one behind."""
    import numpy

    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".building-", suffix=".npy")
        try:
            with os.fdopen(handle, "wb") as out:
                numpy.save(out, numpy.stack([table._keys, table._values]), allow_pickle=False)
            os.replace(temporary, folder / file_name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        stem = file_name.rsplit("-", 1)[0]
        versions = sorted(folder.glob(f"{stem}-*.npy"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for older in versions[KEPT:]:
            older.unlink(missing_ok=True)
    except OSError:
        pass  # a full disk, or a file another process removed meanwhile: the next process builds the table again
