"""Plain text: blank lines end blocks, bullets start list items, wrapped lines join (short lines one under
another stay apart: a list typed without bullets), a short first line is the title."""

from __future__ import annotations

import re

from ..document import Builder, Document
from ..source import Source
from .sections import finish_document

NAME = "text"
SUFFIXES = (".txt",)
EXPLICIT_SUFFIXES = (".text",)
ORDER = 0

_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪◦●○■□–—]|\d{1,2}[.)]|o(?=[ \t]+[A-Za-z]))[ \t]+")
LIST_LINE_WORDS = 8  # two lines this short, one under the other, are list items, not one wrapped sentence


def parse(source: Source) -> Document:
    builder = Builder()
    text = source.text
    pos = 0
    prev_line = ""
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        start = pos
        pos += len(line)
        stripped = content.strip()
        if not stripped:
            builder.close()
            prev_line = ""
            continue
        lead = len(content) - len(content.lstrip())
        bullet = _BULLET.match(content)
        continuation = (
            builder.is_open
            and not bullet
            and prev_line
            and stripped[0].islower()
            and not prev_line.rstrip().endswith((".", ":", "!", "?", ";"))
            and (_BULLET.match(prev_line) is not None or not _list_lines(prev_line, stripped))
        )
        if continuation:
            builder.text(" ", start - 1, start)  # the line break becomes a space
        else:
            builder.open("list_item" if bullet else "paragraph")
            if bullet:
                lead = bullet.end()
        body = content[lead:].rstrip()
        if not builder.segments and not continuation and not bullet and _looks_like_title(body):
            builder.open("heading", 1)  # a plain-text posting's first short line is its title
        _add_plain(builder, body, start + lead)
        prev_line = content
    return finish_document(source, builder)


def _list_lines(previous: str, line: str) -> bool:
    """Both lines short and neither ends a sentence: a duty list typed one per line ("greet guests" / "take
    orders"), whereas a wrapped sentence has a long line above its continuation or ends on the line below (a
    bulleted line's lower-case continuation is always its wrapped item)."""
    return (
        len(previous.split()) <= LIST_LINE_WORDS
        and len(line.split()) <= LIST_LINE_WORDS
        and not line.rstrip().endswith((".", "!", "?", ",", ";", ":"))
    )


def _looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= 8 and ":" not in line and not line.rstrip().endswith((".", "!", "?", ",", ";"))


def _add_plain(builder: Builder, body: str, base: int) -> None:
    # Same length in and out, so the whole line stays aligned; NBSP reads as a space.
    builder.text(body.replace("\u00a0", " "), base)
