"""The text of HTML, as a browser would render it, with its outline: shared by the HTML format and by the
HTML blocks of Markdown.

Whitespace runs collapse to one space, script/style and the like are skipped, block tags open blocks, and
character references are decoded but mapped to the exact source characters they came from.
"""

from __future__ import annotations

import html
import html.parser
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..document import Builder, HeadingTag, HtmlOutline, ImageTag, LinkTag
from ..model import Span

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LOOSE_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;?")  # a reference without its semicolon, or too long for ENTITY
_NUMERIC_REFERENCE = re.compile(r"&#(?:([xX])0*([0-9a-fA-F]+)|0*([0-9]+))")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_WIDE_SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]{2,}")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "template", "noscript", "svg", "math", "iframe", "object", "textarea", "select"]
)
_VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)

Attributes = list[tuple[str, str | None]]


def _shortened(match: re.Match) -> str:
    digits = match.group(2) or match.group(3)
    if len(digits) > 8:  # beyond U+10FFFF whatever the digits: html.unescape gives U+FFFD for it
        return "&#x110000"
    return f"&#{match.group(1) or ''}{digits}"


def unescape(text: str) -> str:
    """html.unescape, safe for a numeric reference of any length (Python's int() refuses thousands of digits):
    leading zeros are dropped and a number past the last code point reads as U+FFFD, as browsers do."""
    return html.unescape(_NUMERIC_REFERENCE.sub(_shortened, text))


def add_collapsed(builder: Builder, text: str, base: int) -> None:
    """Add text with whitespace runs collapsed to one space (HTML rendering rules)."""
    if not builder.maps_identity:
        _add_collapsed_each(builder, text, base)
        return
    # One regex pass instead of a builder call per word: only runs of two or more whitespace characters break
    # the text's alignment with the source, so only they need a piece of their own.
    if builder.at_block_start() or builder.ends_with_space():
        leading = _SPACE_RUN.match(text)
        if leading:  # no space at a block's start or after a space
            text, base = text[leading.end() :], base + leading.end()
    joined = [(base + match.start(), base + match.end()) for match in _WIDE_SPACE_RUN.finditer(text)]
    builder.text_joined(_SPACE_RUN.sub(" ", text), base, joined)


def _add_collapsed_each(builder: Builder, text: str, base: int) -> None:
    """add_collapsed a builder call at a time, for a builder that maps offsets (each call judges its own run's
    alignment on the mapped offsets)."""
    pos = 0
    for match in _SPACE_RUN.finditer(text):
        if match.start() > pos:
            builder.text(text[pos : match.start()], base + pos)
        if not builder.at_block_start() and not builder.ends_with_space():
            builder.text(" ", base + match.start(), base + match.end())
        pos = match.end()
    if pos < len(text):
        builder.text(text[pos:], base + pos)


@dataclass
class _OpenLink:
    start: int  # source offset of <a
    href: str | None
    text_start: int  # extracted-text offset where its text begins


class HtmlExtractor(HTMLParser):
    """Feeds a Builder with the text of an HTML fragment that starts at source offset `base`."""

    def __init__(self, builder: Builder, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.raw = text
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.skip_stack: list[str] = []
        self.list_depth = 0
        self.in_title = False
        self.title: str | None = None
        self.comments: list[tuple[int, int]] = []  # source spans of <!-- ... -->
        self.outline = HtmlOutline()
        self._open_links: list[_OpenLink] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _open_block(self, tag: str) -> None:
        if tag in _HEADINGS:
            self.builder.open("heading", int(tag[1]))
        elif tag == "li":
            self.builder.open("list_item")
        elif tag == "title":
            self.builder.open("heading", 1)
        else:
            self.builder.open("list_item" if self.list_depth and tag not in ("ul", "ol") else "paragraph")

    def _tag_span(self) -> Span:
        start = self.base + self._offset()
        return Span(start, start + len(self.get_starttag_text() or ""))

    def _record(self, tag: str, attrs: Attributes) -> None:
        values = dict(attrs)
        if tag == "html":
            self.outline.html_tag = self._tag_span()
        elif tag == "img":
            self.outline.images.append(ImageTag(self._tag_span(), values.get("alt")))
        elif tag == "a":
            start = self._tag_span().start
            if self._open_links:  # an <a> inside an open one closes it, as browsers do: links never nest
                self._close_link(start)
            self._open_links.append(_OpenLink(start, values.get("href"), self.builder.length))
        elif tag in _HEADINGS:
            self.outline.headings.append(HeadingTag(self._tag_span(), int(tag[1])))

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        if not self.skip_stack:
            self._record(tag, attrs)
        if tag == "html":
            self.outline.lang = dict(attrs).get("lang")
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

    def _close_link(self, end: int) -> None:
        link = self._open_links.pop()
        self.outline.links.append(LinkTag(Span(link.start, end), link.href, self.builder.text_since(link.text_start)))

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_links and not self.skip_stack:
            self._close_link(self.base + self._offset() + len(f"</{tag}>"))
        if tag == "title" and self.in_title:
            self.in_title = False
            self.builder.close()
            return
        if self.skip_stack:
            self._close_skipped(tag)
            return
        if tag in ("ul", "ol"):
            self.list_depth = max(0, self.list_depth - 1)
        if tag in _BLOCK_TAGS and tag != "br":
            self.builder.close()
            if self.list_depth and tag not in ("li", "ul", "ol"):
                self.builder.open("list_item")

    def _close_skipped(self, tag: str) -> None:
        if tag == self.skip_stack[-1]:
            self.skip_stack.pop()
        elif tag in self.skip_stack:
            while self.skip_stack and self.skip_stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        if not self.builder.is_open:
            if not data.strip():
                return
            self.builder.open("list_item" if self.list_depth else "paragraph")
        start = self._offset()
        if self.in_title:
            self.title = (self.title or "") + data
        add_collapsed(self.builder, data, self.base + start)

    def _reference(self, decoded: str) -> None:
        if self.skip_stack:
            return
        start = self._offset()
        match = ENTITY.match(self.raw, start) or _LOOSE_REFERENCE.match(self.raw, start)
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

    def handle_entityref(self, name: str) -> None:
        self._reference(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        delimiters = 7 if self.raw.startswith("<!--", start) else 3  # "<!--" "-->", or a bogus comment's "<!" ">"
        self.comments.append((self.base + start, self.base + start + len(data) + delimiters))

    def parse_starttag(self, i: int) -> int:
        try:
            return super().parse_starttag(i)
        except ValueError:
            # an attribute holds a numeric reference of thousands of digits, which the stdlib's own unescape (a
            # module global) passes to int(): parse the tag again with ours. Nothing is reported before the attributes
            # are decoded, so the retry repeats no event.
            stdlib = html.parser.unescape  # type: ignore[attr-defined]
            html.parser.unescape = unescape  # type: ignore[attr-defined]
            try:
                return super().parse_starttag(i)
            finally:
                html.parser.unescape = stdlib  # type: ignore[attr-defined]

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The stdlib raises AssertionError on a keyword it does not know (<![x[ ... ]]>); outside SVG and MathML a
        # browser reads any such section as a bogus comment that ends at the first ">", and so do we.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)


def add_html(builder: Builder, text: str, start: int, end: int) -> HtmlExtractor:
    """Extract the HTML in text[start:end] into the builder; returns the extractor (title, outline, comments)."""
    extractor = HtmlExtractor(builder, text[start:end], start)
    extractor.feed(text[start:end])
    extractor.close()
    builder.close()
    return extractor
