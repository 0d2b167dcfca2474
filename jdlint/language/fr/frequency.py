"""French word frequencies from wordfreq's French lists (Speer et al.; code Apache-2.0, data CC-BY-SA 4.0), read as
the English ones are (see ..en.frequency). The large list, every word down to Zipf 1, is also French's dictionary:
no French pronouncing dictionary ships, and a word attested that often is a French word (or a loan in use)."""

from __future__ import annotations

from functools import lru_cache

from ..en.frequency import _read, _table


@lru_cache(maxsize=1)
def _small() -> dict[str, float]:
    return _table(_read("small", "fr"))


@lru_cache(maxsize=1)
def _large() -> dict[str, float]:
    return _table(_read("large", "fr"))


def zipf(word: str) -> float:
    """The Zipf frequency of a lower-case word (0.0 when wordfreq does not list it)."""
    found = _small().get(word)
    if found is not None:
        return found
    return _large().get(word, 0.0)


def common_zipf(word: str) -> float:
    """The Zipf frequency of a word of Zipf 3 or more, else 0.0: answered from the small list alone."""
    return _small().get(word, 0.0)


def words() -> dict[str, float]:
    """The dictionary: every word of the large list (a Container of lower-case words)."""
    return _large()
