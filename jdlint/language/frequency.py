"""Word frequencies from wordfreq's data (Speer et al.; code Apache-2.0, data CC-BY-SA 4.0), for every language.

Read straight from the lists the `wordfreq` wheel ships (no network), without importing wordfreq itself,
whose import costs a second of start-up. The lists are "cB" files: a header, then one list of words per
centibel of frequency, most frequent first, so a word in list i has the Zipf frequency 9 - i/100 (log10 of
its frequency per billion words). Two tiers, each loaded on first use: the small list holds every word of
Zipf 3 or more (120 KB); the large one, down to Zipf 1, is read only when a rarer word must be weighed.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Container
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from .tables import HashedTable, KeyFunction, built_table, stored_table, storing


def _read(name: str, language: str, raw: bool = False) -> list[list[Any]]:
    """A list's buckets of words, as str, or with `raw` as the UTF-8 bytes the file holds (not decoded: the large
    lists are only hashed and compared, and 300,000 words decoded cost as much as the rest of the read)."""
    import msgpack

    path = _source(name, language)
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=raw)  # at once: GzipFile reads in small pieces
    header = {"format": "cB", "version": 1}
    if raw:
        header = {b"format": b"cB", b"version": 1}  # type: ignore[dict-item]
    if not data or data[0] != header:
        raise RuntimeError(f"{path}: not a wordfreq cB list of version 1")
    return list(data[1:])


def _table(buckets: list[list[str]]) -> dict[str, float]:
    table: dict[str, float] = {}
    for i in range(len(buckets) - 1, -1, -1):  # most frequent last, so a word listed twice keeps its best
        table.update(dict.fromkeys(buckets[i], round(9 - i / 100, 2)))
    return table


SCANNED_LOOKUPS = 8


def _source(name: str, language: str) -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running its heavy __init__
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jdlint needs the wordfreq package for word frequencies")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}_{language}.msgpack.gz"


def _ranked(buckets: list[list[bytes]], key: KeyFunction) -> HashedTable:
    """A large list as a table of each word's rank, the index of the list that names it first (its Zipf frequency
    is 9 - rank/100); the lists hold the UTF-8 bytes the table hashes."""
    import numpy

    sizes = [len(words) for words in buckets]
    ranks = numpy.repeat(numpy.arange(len(buckets), dtype=numpy.int64), sizes)
    return HashedTable.build(list(chain.from_iterable(buckets)), ranks, key)


class WordFrequencies:
    """One language's two lists (its ISO 639-1 code names wordfreq's files), each read on first use."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._scanned = 0

    @cached_property
    def _small(self) -> dict[str, float]:
        return _table(_read("small", self.language))

    @cached_property
    def _large_lists(self) -> list[list[bytes]]:
        return _read("large", self.language, raw=True)

    @cached_property
    def _large(self) -> HashedTable:
        table = self._stored
        if table is None:
            table = built_table(
                self._table_name, [_source("large", self.language)], lambda key: _ranked(self._large_lists, key)
            )
        self.__dict__.pop("_large_lists", None)  # the table holds it all now
        return table

    @cached_property
    def _stored(self) -> HashedTable | None:
        """The large list's table stored by an earlier process, if there is one."""
        return stored_table(self._table_name, [_source("large", self.language)])

    @property
    def _table_name(self) -> str:
        return f"wordfreq-large-{self.language}"

    def _scans(self) -> bool:
        """Whether the next rare word is looked for in the lists themselves: the first few are when no table is
        stored and none can be (a few milliseconds each, rather than building a table of all 300,000 words, which a
        process pays for only once it has asked for more)."""
        return (
            "_large" not in self.__dict__ and self._scanned < SCANNED_LOOKUPS and self._stored is None and not storing()
        )

    def zipf(self, word: str) -> float:
        """The Zipf frequency of a lower-case word (0.0 when wordfreq does not list it)."""
        found = self._small.get(word)
        if found is not None:
            return found
        if self._scans():
            self._scanned += 1
            key = word.encode("utf-8", "surrogatepass")  # the lists' bytes
            for i, words in enumerate(self._large_lists):  # most frequent first: a word's first listing is its best
                if key in words:
                    return round(9 - i / 100, 2)
            return 0.0
        rank = self._large.get(word, -1)
        return 0.0 if rank < 0 else round(9 - rank / 100, 2)

    def load(self) -> None:
        """Both lists now, for a warm-up: a server's first rare word would otherwise pay for reading them."""
        self._small.get("")
        self._large.get("", 0)

    def common_zipf(self, word: str) -> float:
        """The Zipf frequency of a word of Zipf 3 or more, else 0.0: answered from the small list alone."""
        return self._small.get(word, 0.0)

    def words(self) -> Container[str]:
        """Every word of the large list, lower-case (`in` is a binary search of their hashes)."""
        return self._large
