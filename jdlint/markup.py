"""Plain text, Markdown and HTML to a Document: the text the rules read, mapped back to the source.

Rules never see markup. They see `Document.text`, built from pieces; each piece remembers the
source range it came from, so any offset in the extracted text turns into an exact source span.
Blocks (paragraphs, list items, headings, metadata fields) are separated by a blank line in the
extracted text, and a line break inside a block becomes a space.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .document import Builder as _Builder
from .document import Directive, Document, OffsetMap
from .model import Span
from .sections import assign_sections
from .source import Source



_SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def _add_collapsed(builder: _Builder, text: str, base: int) -> None:
    """Add text with whitespace runs collapsed to one space (HTML rendering rules)."""
    pos = 0
    for match in _SPACE_RUN.finditer(text):
        if match.start() > pos:
            builder.text(text[pos : match.start()], base + pos)
        if not builder.at_block_start() and not builder.ends_with_space():
            builder.text(" ", base + match.start(), base + match.end())
        pos = match.end()
    if pos < len(text):
        builder.text(text[pos:], base + pos)


# ---------------------------------------------------------------- plain text

_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪◦●○■□–—]|\d{1,2}[.)])[ \t]+")


def _parse_text(source: Source) -> Document:
    builder = _Builder()
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
    return _finish(source, builder)


def _looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= 8 and ":" not in line and not line.rstrip().endswith((".", "!", "?", ",", ";"))


def _add_plain(builder: _Builder, body: str, base: int) -> None:
    # Same length in and out, so the whole line stays aligned; NBSP reads as a space.
    builder.text(body.replace("\u00a0", " "), base)


# ---------------------------------------------------------------- front matter

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class MarkupError(Exception):
    pass


def _front_matter(source: Source, builder: _Builder) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(source.text)
    if not match:
        return {}, 0
    raw = match.group(2)
    try:
        if match.group(1) == "+++":
            import tomllib

            data = tomllib.loads(raw)
        else:
            import yaml

            data = yaml.safe_load(raw)
    except Exception as exc:  # noqa: BLE001 - any parser error is the user's front matter
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MarkupError(f"front matter is not valid {'TOML' if match.group(1) == '+++' else 'YAML'}: {first}")
    if not isinstance(data, dict):
        data = {}
    body_start = match.start(2)
    # Scalar string fields are linted too, mapped to where they sit in the file.
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            continue
        line = re.search(
            rf"^[ \t]*{re.escape(str(key))}[ \t]*[:=][ \t]*(['\"]?)(.*?)\1[ \t]*$", raw, re.M
        )
        if line and line.group(2) == value:
            builder.open("metadata")
            builder.text(value, body_start + line.start(2))
            builder.close()
    return data, match.end()


# ---------------------------------------------------------------- markdown

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_DIRECTIVE = re.compile(r"<!--\s*jdlint\s*:(.*?)-->", re.S)


def _parse_markdown(source: Source) -> Document:
    from markdown_it import MarkdownIt

    text = source.text
    # markdown-it works on text with \r\n and \r turned into \n; keep a map back to the source.
    if "\r" in text:
        norm_to_src: list[int] = []
        norm_chars: list[str] = []
        i = 0
        while i < len(text):
            if text[i] == "\r":
                norm_to_src.append(i)
                norm_chars.append("\n")
                i += 2 if text[i + 1 : i + 2] == "\n" else 1
            else:
                norm_to_src.append(i)
                norm_chars.append(text[i])
                i += 1
        norm_to_src.append(len(text))
        norm = "".join(norm_chars)

        def to_source(offset: int) -> int:
            return norm_to_src[offset]
    else:
        norm = text
        to_source = None
    builder = _Builder(to_source)
    metadata, body_start = _front_matter(Source(source.path, norm, format="markdown"), builder)
    directives: list[Directive] = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", norm)]

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(norm)

    md = MarkdownIt("commonmark").enable("table")
    body_line = norm.count("\n", 0, body_start)
    tokens = md.parse(norm[body_start:])
    list_depth = 0
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "inline" and token.map:
            start = line_offset(token.map[0] + body_line)
            end = line_offset(token.map[1] + body_line)
            if heading_level:
                builder.open("heading", heading_level)
            else:
                builder.open("list_item" if list_depth else "paragraph")
            _add_inline(builder, token.children or [], norm, start, end, directives)
            builder.close()
            heading_level = 0
        elif kind == "html_block" and token.map:
            start = line_offset(token.map[0] + body_line)
            end = line_offset(token.map[1] + body_line)
            _collect_directives(norm, start, end, directives, to_source)
            _add_html(builder, norm, start, end)
    doc = _finish(source, builder, metadata)
    doc.directives = directives
    return doc


def _collect_directives(norm: str, start: int, end: int, out: list[Directive], to_source=None) -> None:
    convert = to_source or (lambda offset: offset)
    for match in _DIRECTIVE.finditer(norm, start, end):
        out.append(Directive(match.group(1).strip(), Span(convert(match.start()), convert(match.end()))))


def _add_inline(builder: _Builder, children, norm: str, start: int, end: int, directives) -> None:
    cursor = start
    for child in children:
        kind = child.type
        if kind == "text":
            cursor = _align(builder, child.content, norm, cursor, end)
        elif kind in ("softbreak", "hardbreak"):
            newline = norm.find("\n", cursor, end)
            if newline == -1:
                continue
            if kind == "softbreak":
                builder.text(" ", newline, newline + 1)
            else:
                builder.text("\n", newline, newline + 1)
            cursor = newline + 1
        elif kind == "code_inline":
            found = norm.find(child.content, cursor, end)
            if found != -1:
                cursor = found + len(child.content)
        elif kind == "html_inline":
            found = norm.find(child.content, cursor, end)
            if found != -1:
                _collect_directives(norm, found, found + len(child.content), directives, builder._to_source)
                cursor = found + len(child.content)
        elif kind == "link_close":
            cursor = _skip_link_target(norm, cursor, end)
        elif kind == "image":
            found = norm.find("![", cursor, end)
            if found != -1:
                cursor = _skip_link_target(norm, norm.find("]", found + 2, end), end)


def _skip_link_target(norm: str, cursor: int, end: int) -> int:
    """After a link's text: skip `](target "title")` or `][ref]`."""
    if cursor < 0:
        return end
    if norm.startswith("](", cursor):
        depth, i = 0, cursor + 1
        while i < end:
            ch = norm[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return cursor
    if norm.startswith("][", cursor):
        close = norm.find("]", cursor + 2, end)
        return close + 1 if close != -1 else cursor
    if norm.startswith("]", cursor):
        return cursor + 1
    if norm.startswith(">", cursor):  # autolink
        return cursor + 1
    return cursor


def _align(builder: _Builder, content: str, norm: str, cursor: int, end: int) -> int:
    """Find content (a text token) in the source from cursor; add it with its mapping."""
    if not content:
        return cursor
    found = norm.find(content, cursor, end)
    if found != -1 and _only_syntax(norm[cursor:found]):
        builder.text(content.replace("\u00a0", " "), found)
        return found + len(content)
    # Escapes, entities or syntax inside: walk character by character.
    pos = cursor
    for ch in content:
        scan = pos
        while scan < end:
            if norm[scan] == "\\" and scan + 1 < end and norm[scan + 1] == ch:
                builder.text(ch, scan, scan + 2)
                pos = scan + 2
                break
            if norm[scan] == "&":
                entity = _ENTITY.match(norm, scan)
                if entity and html.unescape(entity.group()) == ch:
                    builder.text(ch, scan, entity.end())
                    pos = entity.end()
                    break
            if norm[scan] == ch:
                builder.text(" " if ch == "\u00a0" else ch, scan)
                pos = scan + 1
                break
            scan += 1
        else:
            return pos  # cannot place the rest; keep what was mapped
    return pos


def _only_syntax(gap: str) -> bool:
    """True when skipped source between two text tokens is Markdown syntax, not words."""
    return not re.search(r"[A-Za-z0-9]", gap) or gap.lstrip().startswith(("](", "<", "!["))


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead title "
    "tr ul".split()
)
_SKIP_TAGS = frozenset("script style template noscript svg math iframe object textarea select".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _HTMLExtractor(HTMLParser):
    def __init__(self, builder: _Builder, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.raw = text
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.list_depth = 0
        self.in_title = False
        self.title: str | None = None
        self.lang: str | None = None
        self.directives: list[tuple[str, int, int]] = []
        # structure for the accessibility checks (source offsets)
        self.html_tag: tuple[int, int] | None = None
        self.images: list[dict] = []
        self.links: list[dict] = []
        self.headings: list[dict] = []
        self._open_links: list[dict] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _open_block(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.builder.open("heading", int(tag[1]))
        elif tag == "li":
            self.builder.open("list_item")
        elif tag == "title":
            self.builder.open("heading", 1)
        else:
            self.builder.open("list_item" if self.list_depth and tag not in ("ul", "ol") else "paragraph")

    def _tag_span(self) -> tuple[int, int]:
        start = self.base + self._offset()
        return start, start + len(self.get_starttag_text() or "")

    def _record(self, tag: str, attrs) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_tag = self._tag_span()
            self.lang = values.get("lang")
        elif tag == "img":
            self.images.append({"span": self._tag_span(), "alt": values.get("alt")})
        elif tag == "a":
            link = {"span": self._tag_span(), "href": values.get("href"), "text_start": self.builder.length}
            self._open_links.append(link)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append({"span": self._tag_span(), "level": int(tag[1])})

    def handle_starttag(self, tag, attrs):
        if not self.skip_stack:
            self._record(tag, attrs)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "title" and not self.skip_stack:
            self.in_title = True
            self._open_block(tag)
            return
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag in ("ul", "ol"):
            self.list_depth += 1
        if tag in _BLOCK_TAGS:
            if tag == "br":
                if self.builder.is_open and not self.builder.at_block_start():
                    start = self._offset()
                    self.builder.text("\n", start, start + len(self.get_starttag_text() or ""))
            else:
                self._open_block(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links and not self.skip_stack:
            link = self._open_links.pop()
            end = self.base + self._offset() + len(f"</{tag}>")
            link["span"] = (link["span"][0], end)
            link["text"] = "".join(self.builder.parts)[link.pop("text_start"):]
            self.links.append(link)
        if tag == "title" and self.in_title:
            self.in_title = False
            self.builder.close()
            return
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.pop()
            elif tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in ("ul", "ol"):
            self.list_depth = max(0, self.list_depth - 1)
        if tag in _BLOCK_TAGS and tag != "br":
            self.builder.close()
            if self.list_depth and tag not in ("li", "ul", "ol"):
                self.builder.open("list_item")

    def handle_data(self, data):
        if self.skip_stack:
            return
        if not self.builder.is_open:
            if not data.strip():
                return
            self.builder.open("list_item" if self.list_depth else "paragraph")
        start = self._offset()
        if self.in_title:
            self.title = (self.title or "") + data
        _add_collapsed(self.builder, data, self.base + start)

    def _reference(self, decoded: str) -> None:
        if self.skip_stack:
            return
        start = self._offset()
        match = _ENTITY.match(self.raw, start) or re.compile(r"&#?[A-Za-z0-9]+").match(self.raw, start)
        end = match.end() if match else start + 1
        if not self.builder.is_open:
            self.builder.open("list_item" if self.list_depth else "paragraph")
        if decoded.isspace():
            if not self.builder.at_block_start() and not self.builder.ends_with_space():
                self.builder.text(" ", self.base + start, self.base + end)
            return
        if self.in_title:
            self.title = (self.title or "") + decoded
        self.builder.text(decoded, self.base + start, self.base + end)

    def handle_entityref(self, name):
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._reference(html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        start = self._offset()
        self.directives.append((data, self.base + start, self.base + start + len(data) + 7))


def _add_html(builder: _Builder, text: str, start: int, end: int) -> _HTMLExtractor:
    parser = _HTMLExtractor(builder, text[start:end], start)
    parser.feed(text[start:end])
    parser.close()
    builder.close()
    return parser


def _parse_html(source: Source) -> Document:
    builder = _Builder()
    parser = _add_html(builder, source.text, 0, len(source.text))
    metadata: dict = {}
    if parser.title and parser.title.strip():
        metadata["title"] = " ".join(parser.title.split())
    if parser.lang is not None:
        metadata["lang"] = parser.lang
    doc = _finish(source, builder, metadata)
    doc.html = {"html_tag": parser.html_tag, "lang": parser.lang, "images": parser.images, "links": parser.links,
                "headings": parser.headings}
    doc.directives = [
        Directive(m.group(1).strip(), Span(m.start(), m.end()))
        for _, start, end in parser.directives
        for m in [_DIRECTIVE.match(source.text, start, end)]
        if m
    ]
    return doc


# ---------------------------------------------------------------- sections

def _finish(source: Source, builder: _Builder, metadata: dict | None = None) -> Document:
    text, pieces, segments = builder.result()
    segments, sections = assign_sections(text, segments)
    return Document(source, text, segments, OffsetMap(pieces), metadata or {}, sections)


def parse(source: Source) -> Document:
    """Source -> Document; raises MarkupError for a document that cannot be read as its format."""
    if source.format == "markdown":
        return _parse_markdown(source)
    if source.format == "html":
        return _parse_html(source)
    return _parse_text(source)
