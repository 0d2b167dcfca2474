"""Inline `<!-- jdlint: ... -->` comments, found in Markdown and HTML sources (suppress.py reads their bodies)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Directive
from ..model import Span

DIRECTIVE = re.compile(r"<!--\s*jdlint\s*:(.*?)-->", re.S)


def find_directives(text: str, start: int, end: int, to_source: Callable[[int], int] | None = None) -> list[Directive]:
    """Every directive inside text[start:end]; to_source maps offsets in `text` back to the source."""
    convert = to_source or (lambda offset: offset)
    return [
        Directive(match.group(1).strip(), Span(convert(match.start()), convert(match.end())))
        for match in DIRECTIVE.finditer(text, start, end)
    ]


def directive_in_comment(text: str, start: int, end: int) -> Directive | None:
    """The directive a comment spanning text[start:end] holds, if it is one."""
    match = DIRECTIVE.match(text, start, end)
    return Directive(match.group(1).strip(), Span(match.start(), match.end())) if match else None
