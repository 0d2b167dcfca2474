"""German word frequencies from wordfreq's German lists (Speer et al.; code Apache-2.0, data CC-BY-SA 4.0), read
from the files its wheel ships as the English ones are: the small list (Zipf 3 and up) first, the large on demand.
The large list's words are German's dictionary (`Language.words`): German writes compounds as one word
("unternehmensübergreifender"), and the small list holds too few of them to tell German text from another."""

from __future__ import annotations

from functools import lru_cache

from ..en.frequency import _read, _table


@lru_cache(maxsize=1)
def _small() -> dict[str, float]:
    return _table(_read("small", "de"))


@lru_cache(maxsize=1)
def _large() -> dict[str, float]:
    return _table(_read("large", "de"))


def words() -> dict[str, float]:
    """German words (lower-case) down to Zipf 1: a dict, so `in` is a hash look-up."""
    return _large()


def zipf(word: str) -> float:
    found = _small().get(word)
    if found is not None:
        return found
    return _large().get(word, 0.0)


def common_zipf(word: str) -> float:
    return _small().get(word, 0.0)
