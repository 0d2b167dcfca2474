"""French syllables from pyphen's French hyphenation patterns (hyph_fr.dic, LGPL/MPL, shipped in the pyphen wheel).

Hyphenation points fall between syllables, so a word has one syllable more than it has points (and one more again
when it opens with a lone vowel, which hyphenation never splits off). textstat is not
used: its language is one global setting, and English counting must stay as the en package pins it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_JOINS = re.compile(r"['’-]")  # elided articles and hyphenated compounds: each part counted as a word
_V, _C = "aeiouyàâäéèêëîïôöùûüœæ", "bcdfghjklmnpqrstvwxzç"
# hyphenation never leaves one letter alone ("équipe", "idée"), though a lone first vowel is its own syllable;
# a short word ending in a mute e ("une", "âge") is not split
_LONE_FIRST_VOWEL = re.compile(f"^[{_V}][{_C}](?=[{_V}])")
_MUTE_ENDING = re.compile(f"^[{_V}][{_C}]es?$")


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    from ..hyphenation import hyphenator

    return hyphenator("fr_FR")


@lru_cache(maxsize=65536)
def _word_syllables(word: str) -> int:
    positions = _hyphenator().positions(word)
    lone = bool(_LONE_FIRST_VOWEL.match(word)) and not _MUTE_ENDING.match(word) and 1 not in positions
    return len(positions) + 1 + lone


def syllable_count(text: str) -> int:
    parts = (part for word in _WORD.findall(text) for part in _JOINS.split(word) if part)
    return sum(_word_syllables(part.lower()) for part in parts)
