"""pyphen's hyphenation patterns, read faster: pyphen's own positions for a word, in a fraction of its time.

pyphen parses every line of a dictionary before the first word (English 11,000 patterns, German 78,000, over half a
second) and then, for each word, looks up every substring of up to 35 letters and builds an int subclass per point.
Here a dictionary is split into lines and their letters (the keys) read in one pass; a key's values are parsed by
pyphen's own rule the first time a word meets the key, and kept as the (place, value) pairs that are not zero. The keys
of up to PREFIX letters that match at a place are the prefixes of the PREFIX letters there (a window): the highest
values they give are worked out once per process for each window, which words share, and a longer key is sought only
where the first PREFIX letters of one stand. The answer is pyphen's, as plain ints (no shipped dictionary has the
nonstandard hyphens pyphen's `DataInt` carries data for; a dictionary that has them is left to pyphen itself).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

_DIGITS = re.compile(r"\d")
PREFIX = 5  # keys this long or shorter are looked up by the run of letters they begin (see _Patterns.positions)
MAX_WINDOWS = 100_000

Pairs = tuple[tuple[int, int], ...]  # a key's nonzero values, each with its place from the key's first letter


class Nonstandard(ValueError):
    """The dictionary has a nonstandard hyphen ("ff=f"), which pyphen reports as data on its points."""


def _parse(pattern: str) -> tuple[str, tuple[int, Any]] | None:
    """One stripped pattern line as pyphen 0.18's HyphDict.__init__ reads it: (letters, (offset, values)), or
    None for a line it skips (all values zero)."""
    import pyphen

    pattern = _hex(pattern)
    factory: Any
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        factory = pyphen.AlternativeParser(pattern, alternative)
    else:
        factory = int
    tags, values = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(pattern)])
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return "".join(tags), (start, values[start:end])


def _hex(pattern: str) -> str:
    import pyphen

    return pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)


def _pairs(lines: str | list[str]) -> Pairs:
    """The values of a key's lines as pyphen keeps them (a later line replaces an earlier one, a line all zeros is
    skipped), as nonzero (place, value) pairs; () when no line counts."""
    found: Pairs = ()
    for line in [lines] if isinstance(lines, str) else lines:
        parsed = _parse(line)
        if parsed is not None:
            start, values = parsed[1]
            found = tuple((start + k, int(v)) for k, v in enumerate(values) if v)
    return found


class _Patterns:
    """One dictionary file's patterns (what pyphen's HyphDict holds), for `positions`."""

    def __init__(self, path: Any) -> None:
        import pyphen

        with path.open("rb") as fd:
            encoding = fd.readline().decode()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        text = path.read_text(encoding)
        lines = [p for p in map(str.strip, text.split("\n")[1:]) if p and not p.startswith(pyphen.ignored)]
        if "=" in text or "^^" in text:
            hexed = (_hex(p) if "^^" in p else p for p in lines)
            if any("/" in p and "=" in p for p in hexed):
                raise Nonstandard(str(path))
        if "^^" in text:  # hex escapes: each such line's letters are known only once it is parsed
            keyed = [(key, line) for key, line in zip(map(_key, lines), lines) if key is not None]
            keys, lines = [key for key, _ in keyed], [line for _, line in keyed]
        else:
            keys = _letters("\n".join(lines)).split("\n")
        table: dict[str, Any] = dict(zip(keys, lines))  # a key's line (pyphen's too when a key has one line)
        if len(table) < len(keys):  # a key on several lines: the last with a value other than zero counts
            several = {key for key, count in Counter(keys).items() if count > 1}
            for key in several:
                table[key] = []
            for key, line in zip(keys, lines):
                if key in several:
                    table[key].append(line)
        self._table = table
        # the first PREFIX letters of every longer key: only after these is the search taken further
        self._long = frozenset(key[:PREFIX] for key in table if len(key) > PREFIX)
        self._maxlen = max(map(len, table), default=0)
        # pyphen's slice assignment drops values that run past the word's end; a list this much longer takes them
        self._overhang = max(map(len, lines), default=0) + 1
        self._windows: dict[str, Pairs] = {}  # PREFIX letters -> the values of the keys they begin with
        self._shared: dict[Pairs, Pairs] = {}  # one copy of each such value (most windows share a few)

    def positions(self, word: str) -> list[int]:
        """pyphen's HyphDict.positions(word), as ints."""
        pointed = f".{word.lower()}."
        size = len(pointed)
        references = [0] * (size + 1 + self._overhang)
        windows, long_keys, get = self._windows, self._long, self._table.get
        for i in range(size - 1):
            # the keys no longer than PREFIX that match here are the prefixes of these letters: their values are
            # worked out once per process for each run of letters, which words share
            window = pointed[i : i + PREFIX]
            pairs = windows.get(window)
            if pairs is None:
                pairs = self._window(window)
            for place, value in pairs:
                place += i
                if value > references[place]:
                    references[place] = value
            if window in long_keys:  # a longer key may begin here
                for j in range(i + PREFIX + 1, min(i + self._maxlen, size) + 1):
                    found = get(pointed[i:j])
                    if found:
                        if found.__class__ is not tuple:
                            found = self._parsed(pointed[i:j])
                        for place, value in found:
                            place += i
                            if value > references[place]:
                                references[place] = value
        return [i - 1 for i, reference in enumerate(references[: size + 1]) if reference % 2]

    def _parsed(self, key: str) -> Pairs:
        found = self._table[key] = _pairs(self._table[key])
        return found

    def _window(self, window: str) -> Pairs:
        """The highest value at each place of the keys `window` begins with (pyphen takes the highest of all)."""
        get = self._table.get
        matched = []
        for j in range(1, len(window) + 1):
            found = get(window[:j])
            if found:
                matched.append(found if found.__class__ is tuple else self._parsed(window[:j]))
        if len(matched) == 1:
            pairs = matched[0]  # its places ascend already
        else:
            best: dict[int, int] = {}
            for found in matched:
                for place, value in found:
                    if value > best.get(place, 0):
                        best[place] = value
            pairs = tuple(sorted(best.items()))
        if len(self._windows) >= MAX_WINDOWS:
            self._windows.clear()  # keep memory flat over a long audit
            self._shared.clear()
        pairs = self._windows[window] = self._shared.setdefault(pairs, pairs)
        return pairs


def _letters(text: str) -> str:
    """`text` without its digits (what pyphen's patterns read as values)."""
    try:
        latin = text.encode("latin-1")  # no digits but 0-9 below U+0100: deleted in C, four times as fast
    except UnicodeEncodeError:
        return _DIGITS.sub("", text)
    return latin.translate(None, b"0123456789").decode("latin-1")


def _key(pattern: str) -> str | None:
    """The letters of a pattern line as pyphen keys it; None for a line pyphen skips."""
    if "^^" in pattern or "/" in pattern:
        parsed = _parse(pattern)
        return parsed[0] if parsed else None
    return _DIGITS.sub("", pattern)


class Hyphenator:
    """pyphen.Pyphen(lang=..., left=..., right=...)'s `positions` and `inserted`, over the faster table."""

    def __init__(self, patterns: _Patterns, left: int, right: int) -> None:
        self._patterns, self.left, self.right = patterns, left, right

    def positions(self, word: str) -> list[int]:
        right = len(word) - self.right
        return [i for i in self._patterns.positions(word) if self.left <= i <= right]

    def inserted(self, word: str, hyphen: str = "-") -> str:
        letters = list(word)
        for position in reversed(self.positions(word)):
            letters.insert(position, hyphen)
        return "".join(letters)


@cache
def _patterns(path: Any) -> _Patterns:
    return _Patterns(path)


@cache
def hyphenator(lang: str, left: int = 2, right: int = 2) -> Any:
    """What pyphen.Pyphen(lang=lang, left=left, right=right) answers, read from the faster table (pyphen's own
    object for a dictionary with nonstandard hyphens)."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    try:
        return Hyphenator(_patterns(path), left, right)
    except Nonstandard:
        return pyphen.Pyphen(lang=lang, left=left, right=right)
