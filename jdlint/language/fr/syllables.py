"""French syllables from pyphen's French hyphenation patterns (hyph_fr.dic, LGPL/MPL, shipped in the pyphen wheel).

Hyphenation points fall between syllables, so a word has one syllable more than it has points. textstat is not
used: its language is one global setting, and English counting must stay as the en package pins it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="fr_FR")


@lru_cache(maxsize=65536)
def _word_syllables(word: str) -> int:
    return len(_hyphenator().positions(word)) + 1


def syllable_count(text: str) -> int:
    parts = (part for word in _WORD.findall(text) for part in re.split(r"['’-]", word) if part)
    return sum(_word_syllables(part.lower()) for part in parts)


def lexicon_count(text: str) -> int:
    """Words as the readability formulas count them: runs of letters, an elided "l'" or a hyphenated word being one."""
    return len(_WORD.findall(text))
