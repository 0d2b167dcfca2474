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


def _read(name: str, language: str, raw: bool = False) -> list[list[Any]]:
    """A list's buckets of words, as str, or with `raw` as the UTF-8 bytes the file holds (not decoded: the large
    lists are only hashed and compared, and 300,000 words decoded cost as much as the rest of the read)."""
    import msgpack

    spec = importlib.util.find_spec("wordfreq")  # finds the package without running its heavy __init__
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jdlint needs the wordfreq package for word frequencies")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}_{language}.msgpack.gz"
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


def _key(word: str) -> int:
    return hash(word.encode("utf-8", "surrogatepass"))


class _HashedTable:
    """A large list's words held by their hashes: each distinct word's hash, sorted, beside the index of the list
    that names it first (its Zipf frequency is 9 - index/100). 300,000 words take 3 MB where a dict of them took
    30-45 MB of strings in every worker process; a look-up is a binary search. The hash is Python's 64-bit hash of
    the word's UTF-8 bytes, fixed within a process (the table is built per process), so a word outside the list finds
    a listed word's hash about once in 10^13 look-ups. (Not the hash of the str itself: CPython hashes a string's
    internal buffer, so "1r" and "爱", the same two bytes in different widths, share one.)"""

    def __init__(self, buckets: list[list[bytes]]) -> None:
        import numpy

        sizes = [len(words) for words in buckets]
        # each word's key hashed in C: the lists hold the UTF-8 bytes `_key` would encode
        hashes = numpy.fromiter(map(hash, chain.from_iterable(buckets)), numpy.int64, sum(sizes))
        ranks = numpy.repeat(numpy.arange(len(buckets), dtype=numpy.uint16), sizes)
        order = numpy.argsort(hashes)  # not a stable sort (four times slower): a word listed twice is rare
        hashes, ranks = hashes[order], ranks[order]
        first = numpy.ones(len(hashes), dtype=bool)
        first[1:] = hashes[1:] != hashes[:-1]
        starts = numpy.flatnonzero(first)
        # a word listed twice keeps its best (lowest) rank
        self._hashes, self._ranks = hashes[starts], numpy.minimum.reduceat(ranks, starts)
        self._search = numpy.searchsorted

    def get(self, word: str, default: float) -> float:
        key = _key(word)
        at = int(self._search(self._hashes, key))
        if at < len(self._hashes) and self._hashes[at] == key:
            return round(9 - int(self._ranks[at]) / 100, 2)
        return default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1.0) >= 0.0


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
    def _large(self) -> _HashedTable:
        table = _HashedTable(self._large_lists)
        del self._large_lists  # the table holds it all now
        return table

    def zipf(self, word: str) -> float:
        """The Zipf frequency of a lower-case word (0.0 when wordfreq does not list it)."""
        found = self._small.get(word)
        if found is not None:
            return found
        if "_large" not in self.__dict__ and self._scanned < SCANNED_LOOKUPS:
            # the first few rare words are looked for in the lists themselves (a few milliseconds each) rather
            # than in a table of all 300,000 words, built only once a process has asked for more
            self._scanned += 1
            key = word.encode("utf-8", "surrogatepass")  # the lists' bytes
            for i, words in enumerate(self._large_lists):  # most frequent first: a word's first listing is its best
                if key in words:
                    return round(9 - i / 100, 2)
            return 0.0
        return self._large.get(word, 0.0)

    def load(self) -> None:
        """Both lists now, for a warm-up: a server's first rare word would otherwise pay for reading them."""
        self._small.get("")
        self._large.get("", 0.0)

    def common_zipf(self, word: str) -> float:
        """The Zipf frequency of a word of Zipf 3 or more, else 0.0: answered from the small list alone."""
        return self._small.get(word, 0.0)

    def words(self) -> Container[str]:
        """Every word of the large list, lower-case (`in` is a binary search of their hashes)."""
        return self._large
