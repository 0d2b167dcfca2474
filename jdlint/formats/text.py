"""Plain text: blank lines end blocks, bullets start list items, wrapped lines join, a short first line is the title."""

from __future__ import annotations

import re

from ..document import Builder, Document
from ..source import Source
from .sections import finish_document

NAME = "text"
SUFFIXES = (".txt",)
EXPLICIT_SUFFIXES = (".text",)
ORDER = 0

_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪◦●○■□–—]|\d{1,2}[.)])[ \t]+")


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


def _looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= 8 and ":" not in line and not line.rstrip().endswith((".", "!", "?", ",", ";"))


def _add_plain(builder: Builder, body: str, base: int) -> None:
    # Same length in and out, so the whole line stays aligned; NBSP reads as a space.
    builder.text(body.replace("\u00a0", " "), base)
