"""The posting as its author sees it: a Markdown or HTML posting's blocks, rebuilt from jdlint's own parse.

Nothing of the posting's markup reaches the page: each block (paragraph, list item, heading, front-matter field)
becomes a p, li or heading holding the block's extracted text, which the page escapes like any posting text.
Findings are placed on that text through the parse's offset map read backwards (source span -> extracted range);
a finding whose span is all markup (a tag, a comment) has no place here and is shown in the source view only.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import LABEL_LEVEL, Document, Piece
from ..formats import parse
from ..model import Span
from ..source import Source

RENDERED_FORMATS = ("markdown", "html")  # plain text is shown as it is
FIRST_LEVEL = 4  # the page's own headings go down to h3 above a posting's text


@dataclass(frozen=True)
class Block:
    tag: str  # p, li, h4 ... h6
    start: int  # extracted-text offsets of the block
    end: int
    kind: str  # paragraph, list_item, heading, label, metadata


def document_of(path: str, text: str, fmt: str) -> Document | None:
    """The posting parsed again from its text (None when it no longer parses: the page shows the source)."""
    try:
        return parse(Source(path, text, format=fmt))
    except Exception:  # noqa: BLE001 - the report falls back to the source view rather than fail the run
        return None


def blocks(document: Document) -> list[Block]:
    """The document's blocks in order; posting headings get page levels that never skip one (h4 below h3)."""
    out: list[Block] = []
    levels = sorted({s.level for s in document.segments if s.scope == "heading" and s.level < LABEL_LEVEL})
    previous = FIRST_LEVEL - 1
    for segment in document.segments:
        if segment.end <= segment.start:
            continue
        if segment.scope == "heading" and segment.level < LABEL_LEVEL:
            level = min(6, previous + 1, FIRST_LEVEL + levels.index(segment.level))
            previous = level
            out.append(Block(f"h{level}", segment.start, segment.end, "heading"))
        elif segment.scope == "heading":
            out.append(Block("p", segment.start, segment.end, "label"))
        elif segment.scope == "list_item":
            out.append(Block("li", segment.start, segment.end, "list_item"))
        elif segment.scope == "metadata":
            out.append(Block("p", segment.start, segment.end, "metadata"))
        else:
            out.append(Block("p", segment.start, segment.end, "paragraph"))
    return out


def extracted_range(pieces: list[Piece], span: Span) -> tuple[int, int] | None:
    """Where a source span lies in the extracted text, or None when it covers no extracted character (markup).

    An aligned piece maps character by character; any other piece (an entity, a collapsed space) maps whole."""
    low: int | None = None
    high = 0
    for piece in pieces:
        if piece.src_end <= piece.src_start:
            continue
        if span.end > span.start:
            if not (piece.src_start < span.end and span.start < piece.src_end):
                continue
            if piece.aligned:
                start = piece.out_start + max(0, span.start - piece.src_start)
                end = piece.out_start + min(piece.out_end - piece.out_start, span.end - piece.src_start)
            else:
                start, end = piece.out_start, piece.out_end
        elif piece.src_start <= span.start < piece.src_end:  # an insertion point
            start = end = piece.out_start + (span.start - piece.src_start if piece.aligned else 0)
        else:
            continue
        low = start if low is None else min(low, start)
        high = max(high, end)
    return None if low is None else (low, max(low, high))


def title_of(document: Document | None, path: str) -> str:
    """The job's title: front matter's title, else the first heading (a plain-text posting's first short line),
    else the file's name."""
    if document is not None:
        title = document.metadata.get("title")
        if isinstance(title, str) and title.strip():
            return " ".join(title.split())
        for segment in document.segments:
            if segment.scope == "heading" and segment.level < LABEL_LEVEL:
                heading = " ".join(document.text[segment.start : segment.end].split())
                if heading:
                    return heading
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path
