"""Markdown (CommonMark with tables), with YAML or TOML front matter: text tokens aligned back to the source.

markdown-it gives the blocks and inline tokens; each text token is found again in the source so its offsets
are exact, with escapes and entities mapped to the characters that wrote them. Code is left out, link targets
are skipped, and HTML blocks go through the HTML extractor.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..document import Builder, Directive, Document
from ..source import Source
from .directives import find_directives
from .frontmatter import read_front_matter
from .htmltext import ENTITY, add_html
from .sections import finish_document

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

NAME = "markdown"
SUFFIXES = (".md", ".markdown")
EXPLICIT_SUFFIXES = (".mdown",)
ORDER = 1

ToSource = Callable[[int], int]


def parse(source: Source) -> Document:
    norm, to_source = _normalise_newlines(source.text)
    builder = Builder(to_source)
    front_matter = read_front_matter(norm, builder)
    directives: list[Directive] = []
    _add_blocks(builder, norm, front_matter.body_start, to_source, directives)
    document = finish_document(source, builder, front_matter.data)
    document.directives = directives
    document.front_matter_problem = front_matter.problem
    return document


def _normalise_newlines(text: str) -> tuple[str, ToSource | None]:
    """markdown-it works on text with \\r\\n and \\r turned into \\n: that text, and its map back to the source
    (None when the text has no \\r and is its own source)."""
    if "\r" not in text:
        return text, None
    norm_to_src: list[int] = []
    norm_chars: list[str] = []
    i = 0
    while i < len(text):
        norm_to_src.append(i)
        if text[i] == "\r":
            norm_chars.append("\n")
            i += 2 if text[i + 1 : i + 2] == "\n" else 1
        else:
            norm_chars.append(text[i])
            i += 1
    norm_to_src.append(len(text))
    return "".join(norm_chars), norm_to_src.__getitem__


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """The parser, built on first use and kept (building it costs as much as parsing a posting); parsing keeps
    its state in the call, not in the parser."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


# What starts an inline rule of the parser's (escape, code, emphasis, link, image, autolink, inline HTML, entity):
# a block without one is only text and line breaks
_INLINE_SYNTAX = re.compile(r"[\\`*_\[<&]")


def _tokens(md: MarkdownIt, text: str) -> list[Token]:
    """md.parse(text), with the inline stage run only on the blocks holding inline syntax: it costs a third of
    the parse, and most blocks are plain text, whose children `plain_children` gives."""
    from markdown_it.rules_core import StateCore, block, inline, normalize, text_join

    state = StateCore(text, md, {})
    normalize(state)
    block(state)
    marked = StateCore("", md, state.env)  # the env holds the reference definitions links look up
    marked.tokens = [t for t in state.tokens if t.type == "inline" and _INLINE_SYNTAX.search(t.content)]
    inline(marked)
    text_join(marked)
    return state.tokens


class PlainChild(NamedTuple):
    type: str  # "text", "softbreak" or "hardbreak"
    content: str


def plain_children(content: str) -> list[PlainChild]:
    """The inline tokens markdown-it makes of a block without inline syntax: each line's text, and a break
    between lines, hard after two or more spaces (which it drops, as it drops one space before a soft break
    and the spaces and tabs starting the next line)."""
    children: list[PlainChild] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")
        if number == last:
            if line:
                children.append(PlainChild("text", line))
            break
        kind = "softbreak"
        if line.endswith("  "):
            kind, line = "hardbreak", line.rstrip(" ")
        elif line.endswith(" "):
            line = line[:-1]
        if line:
            children.append(PlainChild("text", line))
        children.append(PlainChild(kind, ""))
    return children


def _add_blocks(
    builder: Builder, norm: str, body_start: int, to_source: ToSource | None, directives: list[Directive]
) -> None:
    """Each block of the body (after the front matter) as a heading, list item, paragraph or HTML block."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", norm)]

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(norm)

    md = _markdown()
    body_line = norm.count("\n", 0, body_start)
    list_depth = 0
    heading_level = 0
    for token in _tokens(md, norm[body_start:]):
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
            typed_list = not heading_level and not list_depth and is_typed_list(norm[start:end])
            if heading_level:
                builder.open("heading", heading_level)
            else:
                builder.open("list_item" if list_depth or typed_list else "paragraph")
            breaks = _item_breaks if typed_list else _line_breaks if not heading_level else _soft_breaks
            children = token.children if _INLINE_SYNTAX.search(token.content) else plain_children(token.content)
            _add_inline(builder, children or [], norm, start, end, directives, to_source, breaks)
            builder.close()
            heading_level = 0
        elif kind == "html_block" and token.map:
            start = line_offset(token.map[0] + body_line)
            end = line_offset(token.map[1] + body_line)
            directives.extend(find_directives(norm, start, end, to_source))
            add_html(builder, norm, start, end)


def _add_inline(
    builder: Builder,
    children: Sequence[Any],
    norm: str,
    start: int,
    end: int,
    directives: list[Directive],
    to_source: ToSource | None,
    breaks: BreakPolicy | None = None,
) -> None:
    """The text tokens of one block, in order; code, inline HTML and link targets add no text."""
    cursor = start
    for child in children:
        kind = child.type
        if kind == "text":
            cursor = _align(builder, child.content, norm, cursor, end)
        elif kind in ("softbreak", "hardbreak"):
            cursor = _add_break(builder, kind == "hardbreak", norm, cursor, end, breaks or _soft_breaks)
        elif kind == "code_inline":
            cursor = _skip_code(child.content, norm, cursor, end)
        elif kind == "html_inline":
            cursor = _skip_inline_html(child.content, norm, cursor, end, directives, to_source)
        elif kind == "link_close":
            cursor = _skip_link_target(norm, cursor, end)
        elif kind == "image":
            cursor = _skip_image(norm, cursor, end)


def _add_break(builder: Builder, hard: bool, norm: str, cursor: int, end: int, breaks: BreakPolicy) -> int:
    """A line break at the next newline, as the block's policy reads it: a space (a soft break inside
    running text), a newline (a hard break, or a line of a list typed without list syntax: it ends a
    sentence) or a new list item (a line of a typed bullet list); the cursor after it."""
    newline = norm.find("\n", cursor, end)
    if newline == -1:
        return cursor
    kind = "newline" if hard else breaks(norm, newline, end)
    if kind == "item":
        builder.open("list_item")
    else:
        builder.text("\n" if kind == "newline" else " ", newline, newline + 1)
    return newline + 1


BreakPolicy = Callable[[str, int, int], str]
_TYPED_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□–—*-]|o(?=\s+[A-Z])|\d{1,2}[.)])\s+\S")
LIST_LINE_WORDS = 8  # a line this short, without end punctuation, followed by a line like it, is a list item
_END_PUNCTUATION = (".", "!", "?", ";", ":", ",")


def is_typed_list(block: str) -> bool:
    """Two or more lines, each starting with a bullet or number typed as text (not Markdown list syntax)."""
    lines = [line for line in block.split("\n") if line.strip()]
    return len(lines) >= 2 and all(_TYPED_BULLET.match(line) for line in lines)


def _soft_breaks(norm: str, newline: int, end: int) -> str:
    return "space"


def _item_breaks(norm: str, newline: int, end: int) -> str:
    return "item"


def _line_breaks(norm: str, newline: int, end: int) -> str:
    """A newline where the lines on both sides read as list items (short, capitalised or bulleted, the first
    without end punctuation); a space inside running text that was only wrapped."""
    before = norm[norm.rfind("\n", 0, newline) + 1 : newline].strip()
    after_end = norm.find("\n", newline + 1, end)
    after = norm[newline + 1 : after_end if after_end != -1 else end].strip()
    if not before or not after or before.endswith(_END_PUNCTUATION):
        return "space"
    if _TYPED_BULLET.match(after) or (_list_like(before) and _list_like(after)):
        return "newline"
    return "space"


def _list_like(line: str) -> bool:
    return len(line.split()) <= LIST_LINE_WORDS and (line[:1].isupper() or _TYPED_BULLET.match(line) is not None)


def _skip_code(content: str, norm: str, cursor: int, end: int) -> int:
    """The cursor after the content of the next code span (which adds no text); unmoved if there is none.

    The content is looked for only inside the span's backticks: a span across a line break reads its break as a
    space, so its content is not in the source as it is, and searching the rest of the block for it, once per
    span, was quadratic. Such a span is skipped whole."""
    span_end = _code_span_end(norm, cursor, end)
    if span_end is None:
        return cursor
    found = norm.find(content, cursor, span_end)
    return found + len(content) if found != -1 else span_end


def _code_span_end(norm: str, cursor: int, end: int) -> int | None:
    """Where the code span opened by the next run of backticks ends: after the next run of the same length."""
    opening = norm.find("`", cursor, end)
    if opening == -1:
        return None
    run_end = opening
    while run_end < end and norm[run_end] == "`":
        run_end += 1
    fence = norm[opening:run_end]
    search = run_end
    while True:
        closing = norm.find(fence, search, end)
        if closing == -1:
            return None
        after = closing + len(fence)
        if after < end and norm[after] == "`":  # a longer run closes nothing: skip it whole
            while after < end and norm[after] == "`":
                after += 1
            search = after
            continue
        return after


def _skip_inline_html(
    content: str, norm: str, cursor: int, end: int, directives: list[Directive], to_source: ToSource | None
) -> int:
    """Inline HTML adds no text, but may hold jdlint directives; the cursor after it."""
    found = norm.find(content, cursor, end)
    if found == -1:
        return cursor
    directives.extend(find_directives(norm, found, found + len(content), to_source))
    return found + len(content)


def _skip_image(norm: str, cursor: int, end: int) -> int:
    """An image's alt text and target add no text: the cursor after `![alt](target)`."""
    found = norm.find("![", cursor, end)
    if found == -1:
        return cursor
    return _skip_link_target(norm, norm.find("]", found + 2, end), end)


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


def _align(builder: Builder, content: str, norm: str, cursor: int, end: int) -> int:
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
                entity = ENTITY.match(norm, scan)
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
