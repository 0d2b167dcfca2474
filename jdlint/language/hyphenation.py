"""pyphen's hyphenation patterns read lazily: the same patterns, each parsed only when a word asks for it.

pyphen parses every line of a dictionary before the first word (English 11,000 patterns, about 0.2 s; German 78,000,
over a second), in Python, at the first word the CMU dictionary lacks or the first German or French posting.
Here a dictionary is only split into lines and each line's letters (its key) read with one regex; a key's patterns
are parsed by pyphen's own rule when a word's substring first finds it. `Pyphen` objects are pyphen's own: the lazy
table is put in pyphen's per-file cache before the first one for its file is made.
"""

from __future__ import annotations

import re
from typing import Any

_DIGITS = re.compile(r"\d")


class _Pending:
    """A key's patterns not parsed yet, as the value pyphen's `positions` gets from `patterns.get`: it asks the value
    for its truth and unpacks it, which parses the lines (by pyphen's rule; a later line for the same letters
    replaces an earlier one) and puts the result in the value's place. Substrings that are no key stay plain dict
    misses, as fast as pyphen's own table."""

    __slots__ = ("patterns", "key", "lines", "value")

    def __init__(self, patterns: dict[str, Any], key: str, lines: list[str]) -> None:
        self.patterns, self.key, self.lines, self.value = patterns, key, lines, _UNPARSED

    def _parsed(self) -> Any:
        if self.value is _UNPARSED:
            found = None
            for line in self.lines:
                parsed = _parse(line)
                if parsed is not None:
                    found = parsed[1]
            self.value = found
            if found is None:
                self.patterns.pop(self.key, None)  # every line all zeros: pyphen keeps no pattern
            else:
                self.patterns[self.key] = found
        return self.value

    def __bool__(self) -> bool:
        return self._parsed() is not None

    def __iter__(self) -> Any:
        return iter(self._parsed())


_UNPARSED = object()


def _parse(pattern: str) -> tuple[str, tuple[int, Any]] | None:
    """One stripped pattern line as pyphen 0.18's HyphDict.__init__ reads it: (letters, (offset, values)), or
    None for a line it skips (all values zero)."""
    import pyphen

    pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
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


def _key(pattern: str) -> str | None:
    """The letters of a pattern line as pyphen keys it (a plain line: itself without its digits); None for a line
    pyphen skips."""
    if "^^" in pattern or "/" in pattern:  # hex escapes and nonstandard hyphens: read the whole line
        parsed = _parse(pattern)
        return parsed[0] if parsed else None
    return _DIGITS.sub("", pattern)


def lazy_dictionary(path: Any) -> Any:
    """A pyphen HyphDict for the dictionary at `path` whose patterns are parsed on demand."""
    import pyphen

    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines: dict[str, list[str]] = {}
    for line in path.read_text(encoding).split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(pyphen.ignored):
            continue
        key = _key(pattern)
        if key is not None:
            lines.setdefault(key, []).append(pattern)
    hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
    patterns: dict[str, Any] = {}
    for key, key_lines in lines.items():
        patterns[key] = _Pending(patterns, key, key_lines)
    hyph_dict.patterns = patterns
    hyph_dict.cache = {}
    # pyphen's maxlen is that of its kept patterns; a longer bound only looks up substrings that are not there
    hyph_dict.maxlen = max(len(key) for key in lines)
    return hyph_dict


def prepare(lang: str) -> None:
    """Put the lazy dictionary for `lang` in pyphen's cache, unless pyphen has read that file already."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = lazy_dictionary(path)


def hyphenator(lang: str, **options: Any) -> Any:
    """pyphen.Pyphen(lang=lang, **options), its dictionary read lazily."""
    import pyphen

    prepare(lang)
    return pyphen.Pyphen(lang=lang, **options)
