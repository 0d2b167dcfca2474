"""YAML (---) or TOML (+++) front matter at the top of a Markdown posting: the document's metadata, and its
string values linted as text.

YAML is read as YAML 1.2 by ruamel.yaml, whose nodes know where each scalar sits; every string value of every
style (plain, quoted, double-quoted with escapes, folded, literal, multi-line), in mappings and sequences at any
depth, is added as a block mapped character by character to the source: an escape sequence maps to the
characters that spell it, a folded line break to the break and indentation it replaced. Front matter that cannot
be read does not stop the posting: its body is linted, and the problem is kept for JD903.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..document import Builder, FrontMatterProblem
from ..model import Span

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)
STRING_TAG = "tag:yaml.org,2002:str"
# keys whose values name files, links, dates or settings, never prose a candidate reads
NOT_PROSE_KEYS = frozenset(
    [
        "layout",
        "permalink",
        "slug",
        "url",
        "link",
        "href",
        "image",
        "images",
        "img",
        "logo",
        "thumbnail",
        "icon",
        "date",
        "published",
        "updated",
        "modified",
        "expires",
        "expiry",
        "id",
        "uuid",
        "lang",
        "language",
        "template",
        "draft",
        "weight",
        "aliases",
        "redirect_from",
        "canonical",
        "canonical_url",
        "email",
        "apply_url",
        "apply_link",
        "application_url",
        "file",
        "path",
        "source_path",
    ]
)
_LETTER = re.compile(r"[^\W\d_]")
_NOT_WORDS = re.compile(r"^\S*(?:://|@|/|\\)\S*$|^#[0-9A-Fa-f]{3,8}$")
# YAML double-quoted escapes: the character each stands for
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
# Limits that keep hostile front matter from using unbounded time and memory: its length, and how many values
# aliases (*name) may add to it once expanded (a few nested aliases can otherwise stand for billions of values,
# which str() of the data or any walk of the metadata would then build).
MAX_FRONT_MATTER_CHARS = 1024 * 1024
MAX_ALIAS_EXPANSION = 10_000


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    body_start: int  # where the Markdown body starts (0 without front matter)
    problem: FrontMatterProblem | None = None


def read_front_matter(text: str, builder: Builder) -> FrontMatter:
    """The front matter of `text` (offsets in `text`; the builder maps them to the source)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, 0)
    raw, base, is_toml = match.group(2), match.start(2), match.group(1) == "+++"
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        reason = f"front matter longer than {MAX_FRONT_MATTER_CHARS:,} characters"
        return FrontMatter({}, match.end(), _problem(text, builder, base, _Unreadable(0, reason), "front matter"))
    try:
        data = _load_toml(raw) if is_toml else _load_yaml(raw, base, builder)
    except _Unreadable as exc:
        problem = _problem(text, builder, base, exc, "TOML" if is_toml else "YAML")
        # the fields that parse on their own still count (title, location, pay) and are still linted
        salvaged = {} if is_toml else _salvage_yaml(raw, base, builder)
        return FrontMatter(salvaged, match.end(), problem)
    if is_toml:
        _add_toml_strings(data, raw, base, builder)
    return FrontMatter(data, match.end())


class _Unreadable(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def _problem(text: str, builder: Builder, base: int, exc: _Unreadable, kind: str) -> FrontMatterProblem:
    """The problem, on the line of the file the parser stopped at."""
    start = base
    for _ in range(exc.line):
        newline = text.find("\n", start)
        if newline == -1:
            break
        start = newline + 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text.count("\n", 0, start) + 1
    span = Span(builder.source_offset(start), builder.source_offset(end))
    return FrontMatterProblem(span, f"line {line}: not valid {kind}: {exc.reason}")


# ------------------------------------------------------------------------------------------------- YAML


def _load_yaml(raw: str, base: int, builder: Builder) -> dict[str, Any]:
    """Parse, then add every string scalar to the builder. A tab used as separation (YAML 1.2 allows it, the
    parser does not) is read as the space it stands for: same length, so every offset still holds."""
    try:
        data, root = _parse_yaml(raw)
    except _Unreadable:
        if "\t" not in raw:
            raise
        data, root = _parse_yaml(raw.replace("\t", " "))
    if not isinstance(data, dict):
        return {}
    for node, scope in _string_scalars(root, None, set()):
        start = _after_properties(raw, node.start_mark.index, node.end_mark.index)
        _add_scalar(builder, node.value, raw, start, node.end_mark.index, base, node.style, scope)
    return data


_PROPERTIES = re.compile(r"(?:[&!][^\s]*\s+)+")  # an anchor (&name) or tag (!!str) written before a value


def _after_properties(raw: str, start: int, end: int) -> int:
    """Where a scalar's own text starts: after any anchor or tag written in front of it."""
    found = _PROPERTIES.match(raw, start, end)
    return found.end() if found else start


_TOP_LEVEL_KEY = re.compile(r"^(?=[^\s#-])", re.M)


def _salvage_yaml(raw: str, base: int, builder: Builder) -> dict[str, Any]:
    """Front matter that does not parse as a whole, read one top-level entry (a key at the start of a line and
    its indented continuation) at a time; entries that do not parse either are left out."""
    starts = [m.start() for m in _TOP_LEVEL_KEY.finditer(raw)] + [len(raw)]
    data: dict[str, Any] = {}
    for start, end in zip(starts, starts[1:]):
        entry = raw[start:end]
        try:
            data.update(_load_yaml(entry, base + start, builder))
        except _Unreadable:
            continue
    return data


def _parse_yaml(raw: str) -> tuple[Any, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        yaml = YAML(typ="safe", pure=True)
        root = yaml.compose(raw)  # the nodes, with positions; the data is built from them (one parse)
        if root is not None:
            _check_expansion(root)
        data = yaml.constructor.construct_document(root) if root is not None else None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _Unreadable(mark.line if mark else 0, _first_line(exc.problem or str(exc))) from None
    except (YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise _Unreadable(0, _first_line(str(exc) or type(exc).__name__)) from None
    return data, root


def _check_expansion(root: Any) -> None:
    """Refuse a document whose values, with every alias expanded, outnumber its own nodes by more than
    MAX_ALIAS_EXPANSION. Each node's expanded size is counted once (memoised), so this is linear in the nodes."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    distinct = 0

    def size(node: Any) -> int:
        nonlocal distinct
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a recursive alias reached again counts once (the data shares it, never copies it)
        distinct += 1
        if isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            children = []
        total = 1
        for child in children:
            total += size(child)
            if total - distinct > MAX_ALIAS_EXPANSION:
                raise _Unreadable(0, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} extra values")
        sizes[id(node)] = total
        return total

    if size(root) - distinct > MAX_ALIAS_EXPANSION:
        raise _Unreadable(0, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} extra values")


def _first_line(text: str) -> str:
    text = text.strip()
    return text.splitlines()[0] if text else "unreadable"


def _string_scalars(node: Any, key: str | None, seen: set[int]) -> Iterator[tuple[Any, str]]:
    """(scalar node, scope) for each prose string under `node`, depth first, in document order. A node reached
    again through an alias (*name) is its anchor's node: visited once, so recursive aliases end."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            name = str(key_node.value).strip().lower() if isinstance(key_node, ScalarNode) else None
            if name not in NOT_PROSE_KEYS:
                yield from _string_scalars(value, name, seen)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, ScalarNode):
                if id(item) not in seen and _is_prose(item):
                    seen.add(id(item))
                    yield item, "list_item"
            else:
                yield from _string_scalars(item, key, seen)
    elif isinstance(node, ScalarNode) and _is_prose(node):
        yield node, "metadata"


def _is_prose(node: Any) -> bool:
    value = node.value
    return (
        node.tag == STRING_TAG
        and isinstance(value, str)
        and _LETTER.search(value) is not None
        and not _NOT_WORDS.match(value.strip())
    )


def _add_scalar(
    builder: Builder, value: str, raw: str, start: int, end: int, base: int, style: str | None, scope: str
) -> None:
    """One block whose text is `value`, each character mapped to the stretch of raw[start:end] that spells it;
    a value that cannot be placed character by character maps as a whole to the scalar's source."""
    pieces = _align_scalar(value, raw, start, end, style)
    builder.open(scope)
    if pieces is None:
        builder.text(value, base + start, base + end)
    else:
        for text, src_start, src_end in pieces:
            builder.text(text, base + src_start, base + src_end)
    builder.close()


def _align_scalar(value: str, raw: str, start: int, end: int, style: str | None) -> list[tuple[str, int, int]] | None:
    """(characters, source start, source end) pieces spelling `value` out of raw[start:end], or None."""
    # most values are written as they read, on one line: one stretch makes the piece its characters would
    # (a quote doubled or an escape inside, or a line break, which a mapped source may have written as \r\n,
    # is placed a character at a time)
    plain = "\n" not in value and not (style == "'" and "'" in value) and not (style == '"' and "\\" in value)
    if value and plain:
        first = _place(value[0], raw, start, end, style)
        if first is not None and first[1] == first[0] + 1 and raw.startswith(value, first[0], end):
            return [(value, first[0], first[0] + len(value))]
    return _align_each(value, raw, start, end, style)


def _align_each(value: str, raw: str, start: int, end: int, style: str | None) -> list[tuple[str, int, int]] | None:
    """_align_scalar a character at a time."""
    pieces: list[tuple[str, int, int]] = []
    pos = start
    for ch in value:
        placed = _place(ch, raw, pos, end, style)
        if placed is None:
            return None
        src_start, pos = placed
        pieces.append((ch, src_start, pos))
    return pieces


def _place(ch: str, raw: str, pos: int, end: int, style: str | None) -> tuple[int, int] | None:
    """Where `ch` is spelled at or after `pos`: (start, end) in raw. Only syntax may be skipped to reach it
    (quotes, block indicators, indentation, escaped line breaks), never a letter or digit."""
    j = pos
    while j < end:
        c = raw[j]
        if style == '"' and c == "\\":
            spelled = _escape(raw, j, end)
            if spelled is None:
                return None
            decoded, after = spelled
            if decoded == ch:
                return j, after
            if decoded:
                return None
            j = after  # an escaped line break stands for nothing
            continue
        if style == "'" and c == "'" and ch == "'" and raw.startswith("''", j):
            return j, j + 2
        if c == ch:
            return j, j + 1
        if ch in " \n" and c in " \t\r\n":
            return j, _whitespace_end(raw, j, end)  # a folded break (and the indentation after it)
        if c.isalnum():
            return None
        j += 1
    return None


def _whitespace_end(raw: str, j: int, end: int) -> int:
    """End of a line break and the indentation that follows it (one folded space); a space stays one space."""
    if raw[j] in " \t":
        return j + 1
    k = j + 1
    while k < end and raw[k] in " \t":
        k += 1
    return k


def _escape(raw: str, j: int, end: int) -> tuple[str, int] | None:
    """(the character a double-quoted escape at raw[j] stands for, where it ends); "" for an escaped break."""
    code = raw[j + 1 : j + 2]
    if code == "\n":
        return "", _whitespace_end(raw, j + 1, end)
    if code in _ESCAPES:
        return _ESCAPES[code], j + 2
    digits = _HEX_ESCAPES.get(code)
    if digits:
        number = raw[j + 2 : j + 2 + digits]
        if len(number) == digits and all(d in "0123456789abcdefABCDEF" for d in number):
            return chr(int(number, 16)), j + 2 + digits
    return None


# ------------------------------------------------------------------------------------------------- TOML


# tomli builds a dotted key's path part by part, copying it each time: a key of n parts costs n * n
MOST_KEY_PARTS = 1000
_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TOML_DOTTED_KEY = re.compile(rf"^[ \t]*\[{{0,2}}[ \t]*{_TOML_KEY}(?:[ \t]*\.[ \t]*{_TOML_KEY})*+", re.M)


def _load_toml(raw: str) -> dict[str, Any]:
    import tomli

    for key in _TOML_DOTTED_KEY.finditer(raw):
        if (
            key.group().count(".") > MOST_KEY_PARTS
            and len(re.findall(rf"\.[ \t]*{_TOML_KEY}", key.group())) >= MOST_KEY_PARTS
        ):
            raise _Unreadable(raw.count("\n", 0, key.start()), f"a key of more than {MOST_KEY_PARTS:,} dotted parts")
    try:
        return tomli.loads(raw)
    except tomli.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise _Unreadable(int(found.group(1)) - 1 if found else 0, _first_line(str(exc))) from None
    except RecursionError:  # past Python's limits, where the parser keeps no line
        raise _Unreadable(0, "nested too deeply") from None
    except ValueError:  # an integer with more digits than Python's int() converts
        raise _Unreadable(0, "a number with too many digits") from None


_TOML_ASSIGNMENT = re.compile(r"""^[ \t]*([A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=[ \t]*(?=["'])""", re.M)


def _add_toml_strings(data: dict[str, Any], raw: str, base: int, builder: Builder) -> None:
    """String values of `key = "..."` assignments at any table level, in each of TOML's four string forms,
    each character mapped to the source (TOML's parser keeps no positions: the literal is found, decoded on its
    own and aligned like a YAML scalar)."""
    import tomli

    for assignment in _TOML_ASSIGNMENT.finditer(raw):
        key = assignment.group(1).strip("\"'")
        end = _toml_string_end(raw, assignment.end())
        if end is None or key.lower() in NOT_PROSE_KEYS:
            continue
        literal = raw[assignment.end() : end]
        try:
            value = tomli.loads(f"v = {literal}")["v"]
        except tomli.TOMLDecodeError:
            continue
        if isinstance(value, str) and _LETTER.search(value) and not _NOT_WORDS.match(value.strip()):
            style = '"' if literal.startswith('"') else None  # basic strings have escapes; literal ones do not
            _add_scalar(builder, value, raw, assignment.end(), end, base, style, "metadata")


def _toml_string_end(raw: str, start: int) -> int | None:
    """End of the TOML string literal at raw[start] (basic, literal, or their multi-line forms)."""
    for quote in ('"""', "'''", '"', "'"):
        if not raw.startswith(quote, start):
            continue
        i = start + len(quote)
        while i < len(raw):
            if quote[0] == '"' and raw[i] == "\\":
                i += 2
                continue
            if raw.startswith(quote, i):
                end = i + len(quote)
                while len(quote) == 3 and raw.startswith(quote[0], end):
                    end += 1  # up to two quotes may close a multi-line string's content
                return end
            if len(quote) == 1 and raw[i] == "\n":
                return None
            i += 1
        return None
    return None
