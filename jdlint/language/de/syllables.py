"""German syllables from pyphen's German hyphenation patterns (LibreOffice's hyph_de_DE, LGPL/MPL): a word has as
many syllables as it has hyphenated parts with a vowel. The patterns keep two letters at each edge by default,
which would merge "A-bend"; with one letter allowed the parts are the syllables, and a stray consonant part
("Mit-a-r-bei-te-rin") counts for none."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_VOWEL = re.compile(r"[aeiouyäöüAEIOUYÄÖÜéèáàêâ]")


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    from ..hyphenation import hyphenator

    return hyphenator("de_DE", left=1, right=1)


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    if "\n" in word:  # never from _WORD; the parts are then those of the word with line breaks put in
        parts = _hyphenator().inserted(word, hyphen="\n").split("\n")
    else:  # the same parts, cut at the points rather than by writing line breaks in and splitting at them
        bounds = [0, *_hyphenator().positions(word), len(word)]
        parts = [word[start:end] for start, end in zip(bounds, bounds[1:])]
    return max(1, sum(1 for part in parts if _VOWEL.search(part)))


def syllable_count(text: str) -> int:
    return sum(map(word_syllables, _WORD.findall(text)))


def polysyllable_count(text: str) -> int:
    """Words of three or more syllables (the fourth Wiener Sachtextformel's MS)."""
    return sum(1 for word in _WORD.findall(text) if word_syllables(word) >= 3)
