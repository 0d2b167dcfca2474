"""The Document: the text the rules read, its blocks and sections, and the map back to the source.

Rules never see markup. They see `Document.text`, built from pieces; each piece remembers the
source range it came from, so any offset in the extracted text turns into an exact source span.
Blocks (paragraphs, list items, headings, metadata fields) are separated by a blank line in the
extracted text, and a line break inside a block becomes a space. The input formats (jdlint.formats)
build Documents with the Builder below.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .model import Span
from .source import Source

_LINE = re.compile(r"[^\r\n]+")
BLOCK_SEPARATOR = "\n\n"
LABEL_LEVEL = 7  # a label line ("Requirements:") ranks below every real heading


class Piece(NamedTuple):  # a tuple: a posting makes hundreds, and a frozen dataclass costs far more to make
    out_start: int
    out_end: int
    src_start: int
    src_end: int
    aligned: bool  # True: one extracted char per source char (text may differ, e.g. NBSP -> space)


class OffsetMap:
    """Extracted-text offsets -> source offsets."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self._starts = [p.out_start for p in pieces]

    def _piece(self, offset: int) -> Piece | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.pieces[i] if i >= 0 else None

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Map a start offset (or, with end=True, an exclusive end offset)."""
        if not self.pieces:
            return 0
        probe = offset - 1 if end and offset > 0 else offset
        piece = self._piece(probe)
        if piece is None:
            return self.pieces[0].src_start
        if probe >= piece.out_end:  # past the last piece
            return piece.src_end
        if piece.aligned:
            delta = offset - piece.out_start
            return piece.src_start + delta
        return piece.src_end if end else piece.src_start

    def to_source(self, start: int, end: int) -> Span:
        src_start = self.source_offset(start)
        src_end = self.source_offset(end, end=True) if end > start else src_start
        return Span(src_start, max(src_start, src_end))


@dataclass(frozen=True)
class Segment:
    start: int  # extracted-text offsets
    end: int
    scope: str
    level: int = 0  # heading level; LABEL_LEVEL for a label line
    section: str | None = None


@dataclass(frozen=True)
class Section:
    name: str  # requirements, preferred, responsibilities, benefits, about, how-to-apply
    label: str
    start: int  # extracted-text offsets, from the heading to the end of the section
    end: int


@dataclass(frozen=True)
class Directive:
    """An inline `<!-- jdlint: ... -->` comment, parsed later by suppress.py."""

    body: str
    span: Span  # the whole comment, in source offsets


@dataclass(frozen=True)
class ImageTag:
    span: Span  # the <img> tag, in source offsets
    alt: str | None  # None when the tag has no alt attribute at all


@dataclass(frozen=True)
class LinkTag:
    span: Span  # from <a ...> to </a>, in source offsets
    href: str | None
    text: str  # the link's extracted text


@dataclass(frozen=True)
class HeadingTag:
    span: Span  # the <hN> start tag, in source offsets
    level: int


@dataclass
class HtmlOutline:
    """An HTML posting's structure, outside script/style and the like, for the accessibility checks."""

    html_tag: Span | None = None  # the <html> start tag, when there is one
    lang: str | None = None  # its lang attribute
    images: list[ImageTag] = field(default_factory=list)
    links: list[LinkTag] = field(default_factory=list)
    headings: list[HeadingTag] = field(default_factory=list)


@dataclass(frozen=True)
class FrontMatterProblem:
    """Front matter that could not be read: where it is (source offsets) and why, for JD903."""

    span: Span
    message: str


@dataclass
class Document:
    source: Source
    text: str
    segments: list[Segment]
    offsets: OffsetMap
    metadata: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    html: HtmlOutline | None = None  # an HTML posting's structure, for the accessibility checks
    front_matter_problem: FrontMatterProblem | None = None  # front matter that could not be read
    html_as_text: bool = False  # the text was HTML shown as text (escaped tags), read again as that HTML
    shown_tags: tuple[str, ...] = ()  # then the names of the tags it showed, in order ("p", "ul", ...)

    @property
    def format(self) -> str:
        return self.source.format

    def to_source(self, start: int, end: int) -> Span:
        return self.offsets.to_source(start, end)

    def source_text(self, span: Span) -> str:
        return self.source.text[span.start : span.end]

    def source_lines(self) -> list[tuple[int, int]]:
        """Source ranges holding the posting's text (no tags, no code, no front-matter keys), one per line.

        Checks of raw characters (mojibake, invisible characters, leaked entities) read these, so they
        see exactly what is in the file, and only where the file holds words. Computed once per document.
        """
        cached = self.__dict__.get("_source_lines")
        if cached is not None:
            return cached
        runs: list[list[int]] = []
        for piece in self.offsets.pieces:
            if piece.src_end <= piece.src_start:
                continue
            if runs and runs[-1][1] == piece.src_start:
                runs[-1][1] = piece.src_end
            else:
                runs.append([piece.src_start, piece.src_end])
        text = self.source.text
        lines: list[tuple[int, int]] = []
        for start, end in runs:
            for match in _LINE.finditer(text, start, end):
                if match.end() > match.start():
                    lines.append((match.start(), match.end()))
        self.__dict__["_source_lines"] = lines
        return lines

    def segment_at(self, offset: int) -> Segment | None:
        starts = self.__dict__.get("_segment_starts")
        if starts is None or len(starts) != len(self.segments):
            starts = self.__dict__["_segment_starts"] = [s.start for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset <= self.segments[i].end:
            return self.segments[i]
        return None

    def section_at(self, offset: int) -> str | None:
        segment = self.segment_at(offset)
        return segment.section if segment else None

    def passages(self, ranges: Sequence[tuple[int, int]]) -> Document:
        """The posting with only these extracted-text ranges left, the rest blanked with line breaks kept: offsets,
        source spans and sections stay the posting's, so a paragraph in another language can be linted on its own
        and its findings land where they are. What belongs to the whole posting (front matter, the HTML outline)
        stays out."""
        text, parts, last = self.text, [], 0
        for start, end in sorted(ranges):
            parts += [_ALL_BUT_LINE_BREAKS.sub(" ", text[last:start]), text[start:end]]
            last = end
        parts.append(_ALL_BUT_LINE_BREAKS.sub(" ", text[last:]))
        segments = [s for s in self.segments if any(start <= s.start and s.end <= end for start, end in ranges)]
        return replace(self, text="".join(parts), segments=segments, metadata={}, html=None, front_matter_problem=None)


_ALL_BUT_LINE_BREAKS = re.compile(r"[^\n]")


class Builder:
    """Accumulates extracted text, pieces and segments.

    Formats add hundreds of small pieces per posting, so the pieces are kept as plain lists while building
    (a merge extends the last one in place) and become Pieces once, in `result`."""

    def __init__(self, to_source: Callable[[int], int] | None = None) -> None:
        self.parts: list[str] = []
        self._runs: list[list] = []  # [out_start, out_end, src_start, src_end, aligned], Pieces to be
        self.segments: list[Segment] = []
        self.length = 0
        self.last_src = 0
        self._to_source = to_source  # None: offsets in the text read are source offsets
        self._open: tuple[int, str, int] | None = None

    @property
    def maps_identity(self) -> bool:
        """True when offsets in the text read are source offsets (nothing to map between them)."""
        return self._to_source is None

    def source_offset(self, offset: int) -> int:
        """A source offset for an offset of the text this builder reads (they differ where newlines were
        normalised)."""
        return offset if self._to_source is None else self._to_source(offset)

    def text(self, text: str, src_start: int, src_end: int | None = None) -> None:
        """Add text taken from source[src_start:src_end] (aligned when the lengths agree)."""
        if not text:
            return
        if self._open is None:
            raise RuntimeError("text outside a segment")
        if src_end is None:
            src_end = src_start + len(text)
        self._add(text, src_start, src_end, src_end - src_start == len(text))

    def text_joined(self, text: str, src_start: int, joined: Sequence[tuple[int, int]]) -> None:
        """Add text read from the source at src_start, character for character except that each source range of
        `joined` (in order) became one character of `text`: the pieces `text` would make if added one aligned
        stretch and one joined range at a time, in far fewer calls."""
        if self._to_source is not None:  # each call maps its own offsets and judges its alignment on them
            raise RuntimeError("text_joined needs a builder reading the source itself")
        if not text:
            return
        if self._open is None:
            raise RuntimeError("text outside a segment")
        out = 0
        src = src_start
        for start, end in joined:
            if start > src:
                self._add(text[out : out + start - src], src, start, True)
                out += start - src
            self._add(text[out], start, end, end - start == 1)
            out += 1
            src = end
        if out < len(text):
            self._add(text[out:], src, src + len(text) - out, True)

    def _add(self, text: str, src_start: int, src_end: int, aligned: bool) -> None:
        if self._to_source is None:
            real_start, real_end = src_start, src_end
        else:
            real_start, real_end = self._to_source(src_start), self._to_source(src_end)
            if aligned and real_end - real_start != len(text):
                aligned = False  # a CRLF inside the run: map the run as a whole
        length = self.length
        end = length + len(text)
        runs = self._runs
        if aligned and runs:
            last = runs[-1]
            if last[4] and last[1] == length and last[3] == real_start:
                last[1] = end
                last[3] = real_end
                self.parts.append(text)
                self.length = end
                self.last_src = real_end
                return
        runs.append([length, end, real_start, real_end, aligned])
        self.parts.append(text)
        self.length = end
        self.last_src = real_end

    def gap(self, text: str) -> None:
        """Text with no source of its own (a block separator): zero width at the last position."""
        self._runs.append([self.length, self.length + len(text), self.last_src, self.last_src, False])
        self.parts.append(text)
        self.length += len(text)

    def open(self, scope: str, level: int = 0) -> None:
        self.close()
        if self.length:
            self.gap(BLOCK_SEPARATOR)
        self._open = (self.length, scope, level)

    def close(self) -> None:
        if self._open is None:
            return
        start, scope, level = self._open
        self._open = None
        # trim a trailing space left by collapsed whitespace
        while self.length > start and self.parts and self.parts[-1].endswith(" "):
            self._drop_last_char()
        if self.length == start:
            # an empty block: undo its separator
            if self.parts and self.parts[-1] == BLOCK_SEPARATOR and self._runs[-1][1] == self.length:
                self.parts.pop()
                self._runs.pop()
                self.length -= len(BLOCK_SEPARATOR)
            return
        self.segments.append(Segment(start, self.length, scope, level))

    def _drop_last_char(self) -> None:
        last_part = self.parts[-1]
        self.parts[-1] = last_part[:-1]
        if not self.parts[-1]:
            self.parts.pop()
        run = self._runs[-1]
        if run[1] - run[0] <= 1:
            self._runs.pop()
        else:
            run[1] -= 1
            if run[4]:
                run[3] -= 1
        self.length -= 1

    def text_since(self, start: int) -> str:
        """The text added from extracted offset `start` on, read from the last parts only (joining all of them for
        each of many links was quadratic)."""
        need = self.length - start
        if need <= 0:
            return ""
        taken: list[str] = []
        size = 0
        for part in reversed(self.parts):
            taken.append(part)
            size += len(part)
            if size >= need:
                break
        return "".join(reversed(taken))[-need:]

    @property
    def is_open(self) -> bool:
        return self._open is not None

    def at_block_start(self) -> bool:
        return self._open is not None and self._open[0] == self.length

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1].endswith((" ", "\n"))

    def result(self) -> tuple[str, list[Piece], list[Segment]]:
        self.close()
        make = tuple.__new__  # each run is a Piece's five fields: made as a tuple, not through Piece's __new__
        return "".join(self.parts), [make(Piece, run) for run in self._runs], self.segments
