"""Code-point offsets <-> LSP positions, in the position encoding the client and server agreed on.

jdlint's spans are Python str indices (code points) into the decoded source, which has no byte-order mark; the
editor's text may start with one (U+FEFF), so `Positions` takes the editor's text and the count of characters
before jdlint's offset 0. Lines end at \\n, \\r\\n or a lone \\r, as the protocol says (str.splitlines would also
split at U+2028 and form feeds, which the protocol does not count). A character is counted as 1 (utf-32), as its
UTF-16 code units (2 for an astral-plane character) or as its UTF-8 bytes; a lone surrogate counts as the
3 bytes or the 1 unit its code point takes.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))


def _offset_in_line(line: str, count: int, encoding: str) -> int:
    """The code-point index in `line` that `count` code units reach (a count inside a character rounds down;
    past the line's end, the end)."""
    if encoding == UTF32:
        return min(count, len(line))
    used = 0
    for index, char in enumerate(line):
        width = units(char, encoding)
        if used + width > count:
            return index
        used += width
    return len(line)


class Positions:
    """Positions in the editor's `text`; jdlint offsets are shifted by `shift` (1 when the text starts with a BOM
    that jdlint's Source leaves out)."""

    def __init__(self, text: str, encoding: str = UTF16, shift: int = 0) -> None:
        self.text = text
        self.encoding = encoding
        self.shift = shift
        self.starts = [0] + [match.end() for match in _BREAK.finditer(text)]
        # the end of each line's content (before its break)
        self.ends = [match.start() for match in _BREAK.finditer(text)] + [len(text)]

    def position(self, offset: int) -> types.Position:
        """The position of jdlint's code-point `offset`."""
        index = max(0, min(offset + self.shift, len(self.text)))
        line = bisect.bisect_right(self.starts, index) - 1
        index = min(index, self.ends[line])  # never between the \r and \n of one break
        return types.Position(line, units(self.text[self.starts[line] : index], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """jdlint's code-point offset of an editor position (a line past the end is the end of the text)."""
        if position.line >= len(self.starts):
            return len(self.text) - self.shift
        start, end = self.starts[position.line], self.ends[position.line]
        index = start + _offset_in_line(self.text[start:end], position.character, self.encoding)
        return max(0, index - self.shift)

    def end(self) -> types.Position:
        return self.position(len(self.text) - self.shift)
