"""Needles of a regular expression: literal strings one of which every match contains, read from the pattern's
parse. A term set searches its regexes only in a text holding a needle: most regexes of most rules find nothing
in most postings, and a substring test is far cheaper than a regex search that fails at every character."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

from ..analyses.scan import WORD, Lazy, Letters, matches_at, matches_at_starts, places_up_to, word_places

_parser: Any = importlib.import_module("re._parser")  # the stdlib's pattern parser (sre_parse before 3.11)
_c: Any = importlib.import_module("re._constants")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}


class Written(Protocol):
    """What needles and starts read of a pattern: its text and flags (a re.Pattern, or a pattern not yet compiled)."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


def needles(pattern: Written) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which every match of `pattern` contains (in any case); None when the
    pattern has no such set (it can match without any fixed letters)."""
    parsed = _parse(pattern.pattern, pattern.flags)
    return None if parsed is None else _sequence(parsed)


@lru_cache(maxsize=64)
def _parse(pattern: str, flags: int) -> list[tuple[Any, Any]] | None:
    """The pattern's parse, read by needles() and then starts(): parsed once (the parse is most of their cost)."""
    try:
        return list(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001  (an unexpected parse: search the long way)
        return None


def more_needles(pattern: Written, needed: frozenset[str] | None) -> tuple[frozenset[str], ...]:
    """Besides `needed` (its needles), other sets of strings of which every match of `pattern` contains one each
    (the needles of other parts of the pattern, in any case): "years" and "experience" in "5 years of experience
    at most". A text must hold one of each set, so a regex whose first needle is common is still left where another
    part's is missing. The most telling few, of strings of three letters or more (shorter ones are everywhere)."""
    parsed = _parse(pattern.pattern, pattern.flags)
    if parsed is None or needed is None:
        return ()
    found = [c for c in _candidates(parsed) if c != needed and min(len(s) for s in c) >= _LEAST]
    return tuple(sorted(found, key=_telling, reverse=True)[:_MORE])


_LEAST, _MORE = 3, 3


def _telling(candidate: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in candidate), -len(candidate)


def _candidates(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Each item's needles (a run of literal letters is one item), lower-cased; ASCII ones only."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        found = _item(op, av)
        if found:
            candidates.append(found)
    return [frozenset(s.lower() for s in c) for c in candidates if all(s.isascii() for s in c)]


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every match of the sequence matches each item, so any item's needles will do: the most telling is kept."""
    candidates = _candidates(items)
    return max(candidates, key=_telling) if candidates else None


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            one = _sequence(list(alternative))
            if one is None:
                return None  # an alternative without needles: the branch has none
            found |= one
        return frozenset(found)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]))
    return None  # classes, anchors, lookarounds, back-references: no letters every match spells


def starts(pattern: Written, *, digits: bool = False) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which every match of `pattern` begins with (in any case); None when the
    pattern has no such set (a match may begin with a character class, or be empty). `digits`: read \\d as the ten
    ASCII digits, as it is in a text whose digits are all ASCII (`ascii_digits`)."""
    parsed = _parse(pattern.pattern, pattern.flags)
    found = None if parsed is None else _starts(parsed, digits)
    if found is None:
        return None
    # a start's ASCII letters before its first other one begin every match it begins ("it’d": "it")
    heads = [_ascii_head(s) for s in found]
    if not all(heads):
        return None
    return shortest(s.lower() for s in heads)


def refused_before(pattern: Written) -> str | None:
    r"""The ASCII characters a pattern opening with a negative look-behind of one character class refuses before
    its match ("(?<![A-Za-z0-9_])", "(?<!\w)": the letters, digits and "_"), for `word_places`; None for any other
    opening ("\b" counts as "(?<!\w)" before starts that are word characters). Members beyond ASCII are left out:
    refusing fewer characters only tries more places."""
    parsed = _parse(pattern.pattern, pattern.flags)
    if parsed and parsed[0] == (_c.AT, _c.AT_BOUNDARY):
        # "\b" before a match whose every start begins with a word character: no word character before it
        begins = starts(pattern)
        return WORD if begins and all(s[:1] and s[0] in WORD for s in begins) else None
    if not parsed or parsed[0][0] is not _c.ASSERT_NOT or parsed[0][1][0] != -1 or len(parsed[0][1][1]) != 1:
        return None
    op, av = parsed[0][1][1][0]
    members = [(op, av)] if op is _c.LITERAL else av if op is _c.IN else None
    refused: set[str] = set()
    for member, value in members or []:
        if member is _c.LITERAL and value < 128:
            refused.add(chr(value))
        elif member is _c.RANGE:
            refused.update(chr(c) for c in range(value[0], min(value[1], 127) + 1))
        elif member is _c.CATEGORY and value == _c.CATEGORY_WORD:
            refused.update(WORD)
        elif member is _c.NEGATE:
            return None
    return "".join(sorted(refused)) or None


def _ascii_head(text: str) -> str:
    for i, char in enumerate(text):
        if not char.isascii():
            return text[:i]
    return text


def shortest(begins: Iterable[str]) -> frozenset[str]:
    """The starts that begin with no other start: where "balanced" begins, "balance" begins too, so one search
    for "balance" finds both."""
    kept: list[str] = []
    for start in sorted(set(begins)):  # a start sorts right after its prefixes, if any, so the last kept one
        if not (kept and start.startswith(kept[-1])):  # is the prefix to test
            kept.append(start)
    return frozenset(kept)


def _starts(items: list[tuple[Any, Any]], digits: bool = False) -> set[str] | None:
    if not items:
        return None  # the match may be empty here: it begins with whatever follows
    (op, av), rest = items[0], items[1:]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _starts(rest, digits)  # zero-width: the match begins with what follows
    if op is _c.LITERAL:
        return _run_starts(items, digits)
    if op is _c.IN:
        return _class_starts(av, rest, digits)
    if op is _c.SUBPATTERN:
        return _starts(list(av[-1]) + rest, digits)
    if op is _c.ATOMIC_GROUP:
        return _starts(list(av) + rest, digits)
    if op is _c.BRANCH:
        return _branch_starts(av[1], rest, digits)
    if op in _REPEATS:
        return _repeat_starts(av, rest, digits)
    return None  # a class, any character, a back-reference: no fixed first letters


def _run_starts(items: list[tuple[Any, Any]], digits: bool) -> set[str]:
    """The starts of a sequence opening with literal letters: the run of them, lengthened by a following alternation.
    The parser draws a shared prefix out of an alternation ("EEO|EOE" is E, then EO|OE): the alternatives' own starts
    lengthen it, so a start is not one common letter (read without what follows them, which could take as many
    readings as it has optional parts)."""
    run = ""
    for op, av in items:
        if op is not _c.LITERAL:
            break
        run += chr(av)
    rest = items[len(run) :]
    if rest and rest[0][0] is _c.BRANCH:
        tails: set[str] | None = set()
        for alternative in rest[0][1][1]:
            one = _starts(list(alternative), digits)
            if one is None or tails is None:
                tails = None
                break
            tails |= one
        if tails and len(tails) <= _FEW:
            return {run + tail for tail in tails}
    return {run}


_FEW = 16  # a class of more letters than this ("[a-z]") begins too many places to be worth listing


def _class_starts(members: list[tuple[Any, Any]], rest: list[tuple[Any, Any]], digits: bool) -> set[str] | None:
    """A class of a few letters ("[Cc]lass", "[2-5]0"): each of them, followed by what follows the class. Categories
    (\\d, \\w) and negated classes are left out: in a str pattern they hold letters beyond ASCII."""
    letters: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            letters.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _FEW:
            letters.update(chr(c) for c in range(av[0], av[1] + 1))
        elif digits and op == _c.CATEGORY and av == _c.CATEGORY_DIGIT:
            letters.update("0123456789")
        else:
            return None
    if not letters or len(letters) > _FEW:
        return None
    after = _starts(rest, digits)
    if after is None or len(letters) * len(after) > _FEW:
        return letters
    return {letter + tail for letter in letters for tail in after}


def _branch_starts(alternatives: list[Any], rest: list[tuple[Any, Any]], digits: bool) -> set[str] | None:
    found: set[str] = set()
    for alternative in alternatives:
        one = _starts(list(alternative) + rest, digits)
        if one is None:
            return None
        found |= one
    return found


def _repeat_starts(av: Any, rest: list[tuple[Any, Any]], digits: bool) -> set[str] | None:
    least, most, sub = av
    # at most once: what follows joins it; more often, only the first repetition's start is known
    first = _starts(list(sub) + rest, digits) if most == 1 else _starts(list(sub), digits)
    if first is None or least >= 1:
        return first
    skipped = _starts(rest, digits)
    return None if skipped is None else first | skipped


_SCAN_RATIO = 32  # a search of the whole text costs about as much as a match tried at every 32nd character


def few_places(lower: str, starts: Iterable[str]) -> list[int] | None:
    """Where `starts` begin in `lower`, each offset once and in order, when they begin so few places that trying a
    match at each (matches_at) is cheaper than a search of the whole text; None when they begin more. The places
    are found and counted in one pass per start (a short start, "no" or "a", can recur too often in one posting
    and be rare in the next)."""
    return places_up_to(lower, starts, len(lower) // _SCAN_RATIO)


def search(
    pattern: re.Pattern[str] | Lazy,
    text: str,
    lower: str,
    exact: bool,
    needed: frozenset[str] | None,
    begins: frozenset[str] | None,
    more: tuple[frozenset[str], ...] = (),
    before: str | None = None,
    letters: Letters | None = None,
) -> Iterable[re.Match[str]]:
    """pattern.finditer(text) the cheapest way: nothing when `lower` (text.lower(), `exact` when `aligned`) holds
    none of the pattern's needles (or none of one of its `more_needles` sets), a match tried only where one of its
    starts begins when those are few. Starts too common for that ("s") are tried only at words, after none of
    `before` (`refused_before`), when `letters` (Letters(text)) finds few of those."""
    if exact and needed is not None and not any(needle in lower for needle in needed):
        return ()
    if exact and any(not any(needle in lower for needle in other) for other in more):
        return ()
    if exact and begins:
        at = few_places(lower, begins)
        if at is not None:
            return matches_at(pattern, text, at)
    if exact and begins and before and letters is not None and letters.plain:
        at = word_places(letters, begins, before)
        if len(at) <= len(lower) // _WORD_RATIO:
            return matches_at_starts(pattern, text, lower, tuple(begins), at)
    return pattern.finditer(text)


_WORD_RATIO = 32  # a match tried at a word costs about as much as a search over this many characters


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def ascii_digits(text: str) -> bool:
    """True when every character \\d matches in `text` is an ASCII digit (a search for non-ASCII characters is fast,
    and they are few)."""
    return text.isascii() or not any(c.isdecimal() for run in _NON_ASCII.findall(text) for c in run)
