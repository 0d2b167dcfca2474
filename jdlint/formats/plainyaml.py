"""The nodes ruamel.yaml composes for the plainest front matter, built without its scanner and parser.

ruamel.yaml reads YAML in pure Python, a token at a time: a front matter of twenty lines costs about a millisecond,
as much as the rest of the posting's parsing. Most front matter is one line per key: `key: value` with plain,
quoted or `!!tag`-ged one-line values, nested mappings by indentation, lists of such values and comments.
`compose` builds, for exactly that, the nodes ruamel composes (tags from ruamel's own resolver, the same values,
styles and scalar positions), and answers None for anything else, which ruamel then reads as before.
tests/test_warm_paths_parsing.py compares the two on many generated front matters.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_SECONDARY = "!!"  # the tag handle of YAML's own types (!!str, !!timestamp)
MAX_KEY = 1000  # ruamel refuses a key longer than 1024 characters on one line


@cache  # compiled on first use, not at import
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    key = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_ .-]*[A-Za-z0-9_.-])?:(?: +|$)")
    tag = re.compile(r"!!([a-z]+) +")
    plain_start = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
    # what YAML reads as a break, a tab, a control or a character ruamel refuses (all but \n, \x20-\x7e,
    # \xa0-\u2027, \u202a-\ud7ff, \ue000-\ufefe, \uff00-\ufffd and the astral planes): left to ruamel
    unusual = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
    return key, tag, plain_start, unusual


class _Frame:
    __slots__ = ("indent", "node", "is_map")

    def __init__(self, indent: int, node: Any, is_map: bool) -> None:
        self.indent, self.node, self.is_map = indent, node, is_map


class _Rejected(Exception):
    """The front matter is not plain enough: ruamel reads it."""


def compose(raw: str, resolver: Any) -> Any | None:
    """ruamel's node tree of `raw` (a block mapping at the top), or None when `raw` is not that plain."""
    if not raw or _patterns()[3].search(raw):
        return None
    composer = _Composer(resolver)
    offset = 0
    try:
        for number, line in enumerate(raw.split("\n")):
            composer.line(line, offset, number)
            offset += len(line) + 1
        return composer.finish()
    except _Rejected:
        return None


class _Composer:
    """One line at a time: a `key: value`, a `key:` whose block follows, or a `- value` of a list."""

    def __init__(self, resolver: Any) -> None:
        self.resolver = resolver
        self.root: Any = None
        self.frames: list[_Frame] = []
        self.pending: tuple[_Frame, Any, int] | None = None  # a key with no value on its line: mapping, node, indent

    def line(self, line: str, start: int, number: int) -> None:
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            return
        indent = len(line) - len(content)
        is_item = content.startswith("- ")
        key = None if is_item else _patterns()[0].match(line, indent)
        if not is_item and (key is None or key.end() - indent > MAX_KEY):
            raise _Rejected
        if self.pending is not None:
            self._open_block(is_item, indent, _mark(start + indent, number, indent))
        if self.root is None:
            if is_item or indent:
                raise _Rejected
            self.root = self._collection(True, _mark(start, number, 0))
            self.frames.append(_Frame(0, self.root, True))
        frames = self.frames
        while frames and (frames[-1].indent > indent or (not is_item and not frames[-1].is_map)):
            frames.pop()  # a block ends where a line is less indented (or a key follows a list at its indent)
        if not frames or frames[-1].indent != indent or frames[-1].is_map == is_item:
            raise _Rejected
        if key is None:
            value = _scalar(self.resolver, start, line, indent + 2, number)
            if value is _EMPTY:
                raise _Rejected
            frames[-1].node.value.append(value)
        else:
            self._key_line(frames[-1], line, start, number, indent, key.end())

    def _key_line(self, frame: _Frame, line: str, start: int, number: int, indent: int, after: int) -> None:
        from ruamel.yaml.nodes import ScalarNode

        name = line[indent:after].rstrip(" ")[:-1]
        key_mark = _mark(start + indent, number, indent)
        key_end = _mark(start + indent + len(name), number, indent + len(name))
        resolved = self.resolver.resolve(ScalarNode, name, (True, False))
        key_node = ScalarNode(resolved, name, key_mark, key_end, style=None)
        value = _scalar(self.resolver, start, line, after, number)
        if value is _EMPTY:
            self.pending = (frame, key_node, indent)
        else:
            frame.node.value.append((key_node, value))

    def _open_block(self, is_item: bool, indent: int, mark: Any) -> None:
        """The block under the pending key, when this line starts one; else the key's value is empty (null)."""
        assert self.pending is not None
        parent, key_node, key_indent = self.pending
        self.pending = None
        if (is_item and indent >= key_indent) or (not is_item and indent > key_indent):
            node = self._collection(not is_item, mark)
            parent.node.value.append((key_node, node))
            self.frames.append(_Frame(indent, node, not is_item))
        else:
            parent.node.value.append((key_node, _empty(self.resolver, key_node.end_mark)))

    def _collection(self, is_map: bool, mark: Any) -> Any:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        kind = MappingNode if is_map else SequenceNode
        return kind(self.resolver.resolve(kind, None, True), [], mark, mark, flow_style=False)

    def finish(self) -> Any:
        if self.pending is not None:
            parent, key_node, _ = self.pending
            parent.node.value.append((key_node, _empty(self.resolver, key_node.end_mark)))
        return self.root


_EMPTY = object()  # a key's line ends after its colon (or a comment)


def _scalar(resolver: Any, start: int, line: str, at: int, number: int) -> Any:
    """The scalar node written on `line` from column `at` (after a key's colon or an item's dash and their
    spaces), or _EMPTY when the line holds none; _Rejected when it is not a plain one-line value."""
    from ruamel.yaml.nodes import ScalarNode

    while at < len(line) and line[at] == " ":
        at += 1
    if at == len(line) or line[at] == "#":
        return _EMPTY
    node_start = at
    tag = None
    if line.startswith(_SECONDARY, at):
        found = _patterns()[1].match(line, at)
        if found is None or found.end() == len(line) or line[found.end()] == "#":
            raise _Rejected
        tag, at = found.group(1), found.end()
    value, style, end = _written(line, at)
    rest = line[end:]
    if rest.strip(" ") and not (rest[0] == " " and rest.lstrip(" ")[0] == "#"):
        raise _Rejected  # more than a comment after the value
    if tag is None:
        resolved = resolver.resolve(ScalarNode, value, (style is None, style is not None))
    else:
        resolved = _explicit_tag(tag)
    start_mark, end_mark = _mark(start + node_start, number, node_start), _mark(start + end, number, end)
    return ScalarNode(resolved, value, start_mark, end_mark, style=style)


def _written(line: str, at: int) -> tuple[str, str | None, int]:
    """The value written at `at`, its style (None for plain) and where it ends; _Rejected for anything else."""
    first = line[at]
    if first == "'":
        close = at + 1
        while True:
            close = line.find("'", close)
            if close == -1:
                raise _Rejected
            if not line.startswith("''", close):
                return line[at + 1 : close].replace("''", "'"), "'", close + 1
            close += 2
    if first == '"':
        close = line.find('"', at + 1)
        if close == -1 or "\\" in line[at + 1 : close]:
            raise _Rejected
        return line[at + 1 : close], '"', close + 1
    if not _patterns()[2].match(first):
        raise _Rejected
    comment = line.find(" #", at)
    value = line[at : comment if comment != -1 else len(line)].rstrip(" ")
    if ": " in value or value.endswith(":"):
        raise _Rejected
    return value, None, at + len(value)


def _explicit_tag(suffix: str) -> Any:
    """A `!!suffix` tag as ruamel's parser makes it (the secondary handle, no %TAG directive)."""
    from ruamel.yaml.parser import Parser
    from ruamel.yaml.tag import Tag

    tag = Tag(handle=_SECONDARY, suffix=suffix, handles=Parser.DEFAULT_TAGS)
    tag.select_transform(False)
    return tag


def _empty(resolver: Any, mark: Any) -> Any:
    from ruamel.yaml.nodes import ScalarNode

    return ScalarNode(resolver.resolve(ScalarNode, "", (True, False)), "", mark, mark, style=None)


def _mark(index: int, line: int, column: int) -> Any:
    from ruamel.yaml.error import StreamMark

    return StreamMark(None, index, line, column)
