"""Regular expressions that cost less: compiled on first use, and searched only where a match can begin.

A big pattern (the pay check's money grammar) takes a tenth of a second to compile, paid by every process at import
when compiled at module level; `Lazy` compiles it when a posting first needs it. A pattern whose matches all begin
with one of a few words (case aside) is tried only where those words begin (`finditer_from`): a substring search
in the lower-cased text is far cheaper than the regex engine failing at every character. kinds/needles.py derives
such starts from a pattern's parse for the catalog's regexes; the analyses list theirs by hand (a test compares).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any


class Lazy:
    """A compiled pattern made on first use; every attribute of re.Pattern is there once compiled. The search
    methods become the instance's own attributes then, so later calls cost what the pattern's own do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for what the instance lacks: before compiling, or `flags`
        return getattr(self.compiled, name)


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def aligned(text: str, lower: str) -> bool:
    """True when `lower` (text.lower()) spells a word wherever a case-insensitive match in `text` does: no character
    lower-cased to two, and no dotless i or long s, which the regex engine folds to ASCII letters."""
    return len(lower) == len(text) and "\u0131" not in text and "\u017f" not in text


def occurrences(text: str, needle: str) -> Iterator[int]:
    """Every offset at which `needle` occurs in `text`, overlapping ones too, in order."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def places(lower: str, starts: Iterable[str]) -> list[int]:
    """Where any of `starts` occurs in `lower`, each offset once, in order."""
    found: set[int] = set()
    for start in starts:
        found.update(occurrences(lower, start))
    return sorted(found)


def finditer_from(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: Iterable[str], *, word_start: bool = False
) -> Iterator[re.Match[str]]:
    r"""pattern.finditer(text) for a pattern every match of which begins with one of `starts` (lower-case strings,
    in any case in the text), tried only where one begins in `lower`, text.lower(), which the caller has found
    `aligned`: a big case-insensitive alternation is then not tried at every character. `word_start`: the pattern
    opens with a look-behind refusing every letter, as (?<![^\W\d_]) does, so a place right after a letter ("ran"
    in "grant") is not tried."""
    done = 0  # finditer's next search starts where its last match ended
    for at in places(lower, starts):
        if word_start and at and text[at - 1].isalpha():
            continue  # no match can begin here
        if at >= done:
            match = pattern.match(text, at)
            if match:
                yield match
                done = max(match.end(), at + 1)


def finditer(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: Iterable[str] | None
) -> Iterator[re.Match[str]]:
    """`finditer_from` where the pattern's starts are known and the lower-cased text allows it, else the pattern's
    own search."""
    if starts and aligned(text, lower):
        return finditer_from(pattern, text, lower, starts)
    return pattern.finditer(text)
