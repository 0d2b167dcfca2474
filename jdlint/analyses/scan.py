"""Regular expressions that cost less: compiled on first use, and searched only where a match can begin.

A big pattern (the pay check's money grammar) takes a tenth of a second to compile, paid by every process at import
when compiled at module level; `Lazy` compiles it when a posting first needs it. A pattern whose matches all begin
with one of a few words (case aside) is tried only where those words begin (`finditer_from`): a substring search
in the lower-cased text is far cheaper than the regex engine failing at every character. kinds/needles.py derives
such starts from a pattern's parse for the catalog's regexes; the analyses list theirs by hand (a test compares).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from ..context import Context


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

    @property
    def flags(self) -> int:
        """The compiled pattern's flags; before compiling, the flags given (its inline flags are in its text, which
        is what jdlint.kinds.needles parses), so reading its needles compiles nothing."""
        return self._flags if self._compiled is None else self._compiled.flags

    def __getattr__(self, name: str) -> Any:  # only for what the instance lacks: its search methods before compiling
        if name.startswith("_"):  # not the pattern's (copy and pickle probe __setstate__, ... on a bare instance)
            raise AttributeError(name)
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
    """Where any of `starts` occurs in `lower`, each offset once, in order (`occurrences` of each, in one loop
    without a generator: a start as short as "in" occurs hundreds of times in a posting)."""
    found = places_up_to(lower, starts, sys.maxsize)
    assert found is not None  # (no text holds that many)
    return found


def places_up_to(lower: str, starts: Iterable[str], most: int) -> list[int] | None:
    """`places`, or None as soon as more than `most` are found, each start's counted (two starts at one offset are
    two): a start too common to try one place at a time ("a" in a long run of a's) is not listed whole."""
    starts = tuple(starts)
    if most < len(lower) and sum(lower.count(start) for start in starts if len(start) == 1) > most:
        return None  # a one-letter start ("s", "a") is usually that common: counting it in C is cheaper than listing
    found: list[int] = []
    append, find = found.append, lower.find
    several = False
    for start in starts:
        several = several or bool(found)  # places of two starts: to be merged
        at = find(start)
        while at >= 0:
            append(at)
            if len(found) > most:
                return None
            at = find(start, at + 1)
    return sorted(set(found)) if several else found  # one start's places are in order, each once


def finditer_from(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: Iterable[str], *, word_start: bool = False
) -> Iterator[re.Match[str]]:
    r"""pattern.finditer(text) for a pattern every match of which begins with one of `starts` (lower-case strings,
    in any case in the text), tried only where one begins in `lower`, text.lower(), which the caller has found
    `aligned`: a big case-insensitive alternation is then not tried at every character. `word_start`: the pattern
    opens with a look-behind refusing every letter, as (?<![^\W\d_]) does, so a place right after a letter ("ran"
    in "grant") is not tried."""
    found = places(lower, starts)
    if word_start:  # no match can begin right after a letter
        found = [at for at in found if not (at and text[at - 1].isalpha())]
    return matches_at(pattern, text, found)


def matches_at(pattern: re.Pattern[str] | Lazy, text: str, places: Iterable[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) tried only at `places` (ascending, each once), where the caller knows every match
    begins: each match is taken where the last one ended or after, as finditer takes them."""
    done = 0  # finditer's next search starts where its last match ended
    for at in places:
        if at >= done:
            match = pattern.match(text, at)
            if match:
                yield match
                done = max(match.end(), at + 1)


class Substrings:
    """Which of a fixed set of strings occur in a text, found in one Aho-Corasick pass (ahocorasick-rs): a check that
    asks about dozens of them (each idiom's needles) reads the text once, not once for each."""

    def __init__(self, strings: Iterable[str]) -> None:
        import ahocorasick_rs  # here, not at import: only the checks that build one need it

        self._automaton = ahocorasick_rs.AhoCorasick(sorted(set(strings)))

    def found_in(self, text: str) -> set[str] | None:
        """The strings occurring in `text`, overlapping ones too ("go" in "goes" beside "goe"); None when the text
        holds a lone surrogate, which the automaton cannot read (the caller asks `in` then)."""
        try:
            return set(self._automaton.find_matches_as_strings(text, overlapping=True))
        except UnicodeEncodeError:
            return None


# characters beyond ASCII that IGNORECASE matches to an ASCII letter: dotted and dotless i, long s, Kelvin sign
FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")
WORD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"  # the ASCII characters \w matches


class Letters:
    """A text as one byte per character (its ASCII ones, "?" for any other), read once per text and shared by the
    searches on it: where its words begin with given letters is then a few numpy steps (`word_places`), not a
    Python loop over every word."""

    __slots__ = ("plain", "_codes", "_low", "_words")

    def __init__(self, text: str) -> None:
        ascii_text = text.encode("ascii", "replace") + b"\0"  # one "?" for each other character, lone surrogates too
        self._codes = numpy.frombuffer(ascii_text, dtype=numpy.uint8)
        self._low = numpy.frombuffer(ascii_text.lower(), dtype=numpy.uint8).astype(numpy.uint16)
        self._words: dict[str, tuple[numpy.ndarray, numpy.ndarray]] = {}
        # no character that IGNORECASE reads as an ASCII letter ("\u212a" as "k"): the bytes show every such letter
        self.plain = text.isascii() or not any(c in text for c in FOLDED)

    def words(self, before: str) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The offsets of the characters after none of `before` (ASCII characters), and for each its lower-cased
        code and the next one's as one number (first * 128 + second)."""
        if before not in self._words:
            codes, low = self._codes, self._low
            at = numpy.flatnonzero(~_refused(before).take(codes[:-2])) + 1
            if len(codes) > 1:
                at = numpy.concatenate((numpy.zeros(1, dtype=at.dtype), at))  # the text's first character
            self._words[before] = (at, (low.take(at) << 7) | low.take(at + 1))
        return self._words[before]


def letters_of(context: Context) -> Letters:
    """The posting's Letters, made once and shared by the checks that search it."""
    return context.memo("letters", lambda: doc_letters(context.doc, context.document.text))


def doc_letters(doc: Any, text: str) -> Letters:
    """Letters(text) for the spaCy Doc of `text`, once per document: the checks (through `letters_of`) and the term
    sets, which see the Doc only, share it."""
    cached = doc.user_data.get("jdlint:letters")
    if cached is None or cached[0] is not text:
        cached = doc.user_data["jdlint:letters"] = (text, Letters(text))
    letters: Letters = cached[1]
    return letters


@lru_cache(maxsize=16)
def _refused(before: str) -> numpy.ndarray:
    refused = numpy.zeros(128, dtype=bool)
    refused[[ord(c) for c in before]] = True
    return refused


@lru_cache(maxsize=128)
def _pairs(begins: frozenset[str]) -> numpy.ndarray:
    """Which first two letters (lower-cased, first * 128 + second) begin one of `begins`."""
    pairs = numpy.zeros(128 * 128, dtype=bool)
    for begin in begins:
        first = ord(begin[0]) << 7
        if len(begin) == 1:
            pairs[first : first + 128] = True
        else:
            pairs[first | ord(begin[1])] = True
    return pairs


def word_places(letters: Letters, begins: frozenset[str], before: str) -> list[int]:
    """The offsets where a match can begin, in order: the first two letters (in any case) are those of one of
    `begins` (lower-case ASCII strings), and the character before is none of `before` (ASCII characters). Other
    characters before count as allowed, so the places hold every real one when `letters.plain`."""
    at, keys = letters.words(before)
    places: list[int] = at[_pairs(begins).take(keys)].tolist()
    return places


def finditer_words(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: frozenset[str], before: str, letters: Letters
) -> Iterator[re.Match[str]]:
    r"""pattern.finditer(text) for a pattern every match of which begins with one of `starts` (lower-case ASCII
    strings, in any case in the text) and after none of the ASCII characters `before` (a pattern opening with
    (?<!\w) takes WORD): tried only at the few places `word_places` finds, which a long alternation would otherwise
    try at every character. `letters` is Letters(text) (shared by the callers on one text); `lower`, text.lower(),
    confirms each start. A text whose lower case is not `aligned`, or with a folded letter, is searched whole."""
    if not (letters.plain and aligned(text, lower)):
        return pattern.finditer(text)
    return matches_at_starts(pattern, text, lower, tuple(starts), word_places(letters, starts, before))


def matches_at_starts(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: tuple[str, ...], places: list[int]
) -> Iterator[re.Match[str]]:
    """`matches_at` the `places` where `lower` (text.lower(), aligned) begins with one of `starts`."""
    return matches_at(pattern, text, (at for at in places if lower.startswith(starts, at)))


def finditer(
    pattern: re.Pattern[str] | Lazy, text: str, lower: str, starts: Iterable[str] | None
) -> Iterator[re.Match[str]]:
    """`finditer_from` where the pattern's starts are known and the lower-cased text allows it, else the pattern's
    own search."""
    if starts and aligned(text, lower):
        return finditer_from(pattern, text, lower, starts)
    return pattern.finditer(text)
