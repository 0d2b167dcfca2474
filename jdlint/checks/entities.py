"""HTML entities that reach the reader as literal text ("R&amp;D", "&nbsp;", "&#39;")."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..context import Context
from ..document import Document
from ..model import Edit, Match, Span
from ..rule import Rule
from . import check

# "&amp;nbsp;" and "&amp;amp;" are one leak escaped twice: match the whole run.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decoded(entity: str) -> str | None:
    """What the entity stands for, unescaped until stable; None when it is not an entity at all."""
    value = entity
    for _ in range(4):
        unescaped = html.unescape(value)
        if unescaped == value:
            break
        value = unescaped
    if value == entity:
        return None
    return value.replace("\u00a0", " ")  # a plain space reads the same and survives every system


def _match(span: Span, value: str) -> Match:
    return Match.in_source(
        span, suggestions=(value,), edits=(Edit(span.start, span.end, value),), params={"decoded": value}
    )


@check()
def leaked_entity(context: Context, rule: Rule) -> Iterator[Match]:
    document = context.document
    if document.format == "html" or document.html_as_text:
        return  # in HTML, entities are the markup's own way of writing characters (JD121 reports escaped HTML)
    if document.format == "markdown":
        # Markdown decodes entities; one that survives into the rendered text (escaped, or written
        # twice as in "&amp;nbsp;") shows literally. Find it there and map it back to the file.
        for match in ENTITY.finditer(document.text):
            value = decoded(match.group())
            segment = document.segment_at(match.start())
            if segment is not None and segment.scope == "metadata":
                continue  # front matter goes to the site's templates, which write it out as HTML
            if value is not None:
                yield _match(document.to_source(match.start(), match.end()), value)
        return
    text = document.source.text
    for start, end in document.source_lines():
        for match in ENTITY.finditer(text, start, end):
            value = decoded(match.group())
            if value is not None:
                yield _match(Span(match.start(), match.end()), value)


@check()
def html_as_text(context: Context, rule: Rule) -> Iterator[Match]:
    """Once per posting read again as the HTML its text spelled (jdlint.formats.escaped). In a plain-text file
    the fix writes the text without the markup, one block a paragraph; elsewhere the file's own format decides."""
    document = context.document
    if not document.html_as_text:
        return
    tags = document.shown_tags
    edits: tuple[Edit, ...] = ()
    if document.format == "text":
        edits = (Edit(0, len(document.source.text), _with_source_line_breaks(document)),)
    yield Match.whole_posting(edits=edits, params={"count": len(tags), "tag": f"<{tags[0]}>" if tags else ""})


def _with_source_line_breaks(document: Document) -> str:
    """The extracted text with its line breaks written as in the file. A run of breaks stands where the file
    has tags and line breaks between two words: it takes those line breaks in order, and where the markup made
    more (a paragraph's blank line) the style of the last one, or the file's dominant newline."""
    text, source = document.text, document.source.text
    parts, position = [], 0
    for run in re.finditer("\n+", text):
        gap_start = document.to_source(run.start() - 1, run.start()).end if run.start() else 0
        gap_end = document.to_source(run.end(), run.end() + 1).start if run.end() < len(text) else len(source)
        breaks = LINE_BREAK.findall(source, gap_start, max(gap_start, gap_end)) or [document.source.newline]
        count = run.end() - run.start()
        parts.append(text[position : run.start()])
        parts.append("".join(breaks[:count]) + breaks[-1] * (count - len(breaks)))
        position = run.end()
    parts.append(text[position:])
    if text and not text.endswith("\n"):  # the file's last line break(s), after the last word
        parts.extend(LINE_BREAK.findall(source, document.to_source(len(text) - 1, len(text)).end))
    return "".join(parts)
