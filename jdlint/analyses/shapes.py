"""The shape of a text: each character reduced to its class ("a" for a-z, "A" for A-Z, "9" for a decimal digit,
other ASCII kept, anything else "_"), and the shapes every match of a regex must show, read from the pattern's
parse. A seam such as "ourteam" + "We" needs "aAa" somewhere in the shape; a substring test on the shape costs a
few microseconds where a regex tried at every character of a posting costs a few hundred, so most postings skip
the regex.
"""

from __future__ import annotations

import importlib
import itertools
import re
from typing import Any

from ..context import Context

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}

_TABLE = bytes(
    (ord("a") if 97 <= b <= 122 else ord("A") if 65 <= b <= 90 else ord("9") if 48 <= b <= 57 else b)
    if b < 128
    else ord("_")
    for b in range(256)
)
_CLASS: dict[tuple[tuple[Any, Any], ...], bytes] = {
    ((_c.RANGE, (97, 122)),): b"a",
    ((_c.RANGE, (65, 90)),): b"A",
    ((_c.RANGE, (48, 57)),): b"9",
    ((_c.CATEGORY, _c.CATEGORY_DIGIT),): b"9",
}
MOST_EXPANSIONS = 512  # beyond this many ways to spell a pattern's shape, the pattern is simply always run
MOST_CLASS_LITERALS = 8
_UNKNOWN = None  # any text, perhaps none: splits the shape into pieces that each must show

Piece = bytes | None
Requirement = frozenset[bytes]  # byte strings all of which the shape holds


def shape(text: str) -> bytes:
    """One byte per character of `text`: its class. Characters beyond Latin-1 become "?" when encoded; a decimal
    digit among them (the regex engine's \\d takes every script's digits) is set to "9" so the shape of a match of
    \\d is always "9"."""
    encoded = text.encode("latin-1", "replace")
    result = encoded.translate(_TABLE)
    if encoded.count(b"?") == text.count("?"):
        return result
    digits = bytearray(result)
    at = encoded.find(b"?")
    while at >= 0:
        if text[at].isdecimal():
            digits[at] = ord("9")
        at = encoded.find(b"?", at + 1)
    return bytes(digits)


def text_shape(context: Context) -> bytes:
    """The shape of the document's extracted text, once per document."""
    return context.memo("text-shape", lambda: shape(context.document.text))


# ASCII letters, digits and "_" stay, everything else becomes a space: the runs left are the ASCII parts of words
_WORD_CHARACTERS = bytes(
    b if chr(b).isascii() and (chr(b).isalnum() or b == ord("_")) else ord(" ") for b in range(256)
)


def pieces(text: str) -> set[bytes]:
    """The ASCII runs of word characters in the text, split apart by every other character (a split, not a
    regex): a word a regex finds between non-word characters ("\\bword\\b", "(?<!\\w)word(?!\\w)") is one of them,
    so a word missing from them is missing from the text."""
    return set(text.encode("latin-1", "replace").translate(_WORD_CHARACTERS).split())


def word_pieces(context: Context) -> set[bytes]:
    """The pieces of the document's extracted text, once per document."""
    return context.memo("word-pieces", lambda: pieces(context.document.text))


def may_match(requirements: tuple[Requirement, ...] | None, text_shape: bytes) -> bool:
    """Whether a text of this shape may hold a match (None: the pattern has no telling shape)."""
    return requirements is None or any(all(piece in text_shape for piece in need) for need in requirements)


def requirements(pattern: re.Pattern[str]) -> tuple[Requirement, ...] | None:
    """Alternatives, one of which the shape of every match of `pattern` meets; None when nothing is required."""
    if pattern.flags & re.IGNORECASE or isinstance(pattern.pattern, bytes):
        return None  # a-z may match A-Z: no class is sure
    try:
        expansions = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001  (too many spellings, or an unexpected parse: the pattern is always run)
        return None
    needs = {_requirement(pieces) for pieces in expansions}
    if not needs or any(not need for need in needs):
        return None
    # an alternative whose every piece shows in another alternative's pieces is implied by it: keep the weaker
    kept = [a for a in needs if not any(b != a and _implies(a, b) for b in needs)]
    return tuple(sorted(kept, key=sorted))


def _implies(a: Requirement, b: Requirement) -> bool:
    """Whether meeting `a` means meeting `b` (every piece of b is inside some piece of a)."""
    return all(any(piece in other for other in a) for piece in b)


def _requirement(pieces: tuple[Piece, ...]) -> Requirement:
    runs, run = set(), b""
    for piece in (*pieces, _UNKNOWN):
        if piece is _UNKNOWN:
            if run:
                runs.add(run)
            run = b""
        else:
            run += piece
    # a run inside another run of the same alternative says nothing more
    return frozenset(r for r in runs if not any(r != o and r in o for o in runs))


class _TooMany(Exception):
    pass


Expansions = list[tuple[Piece, ...]]


def _sequence(items: list[tuple[Any, Any]]) -> Expansions:
    result: Expansions = [()]
    for op, av in items:
        result = _product([result, _item(op, av)])
    return result


def _product(parts: list[Expansions]) -> Expansions:
    size = 1
    for part in parts:
        size *= len(part)
    if size > MOST_EXPANSIONS:
        raise _TooMany
    return list(dict.fromkeys(tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*parts)))


def _item(op: Any, av: Any) -> Expansions:
    if op is _c.LITERAL:
        return [(_literal(av),)]
    if op in _ZERO_WIDTH:
        return [()]  # matches no characters: what stands before and after it are neighbours in the text
    if op is _c.IN:
        return _class(av)
    if op is _c.SUBPATTERN:
        return [(_UNKNOWN,)] if av[1] & re.IGNORECASE else _sequence(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        return list(dict.fromkeys(e for alternative in av[1] for e in _sequence(list(alternative))))
    if op in _REPEATS:
        return _repeat(av)
    return [(_UNKNOWN,)]  # any other character or construct: some text not known


def _literal(code: int) -> Piece:
    return chr(code).encode("latin-1").translate(_TABLE) if code < 128 else _UNKNOWN


def _class(items: list[tuple[Any, Any]]) -> Expansions:
    known = _CLASS.get(tuple(items))
    if known is not None:
        return [(known,)]
    if len(items) <= MOST_CLASS_LITERALS and all(op is _c.LITERAL for op, _ in items):
        return list(dict.fromkeys((_literal(code),) for _, code in items))
    return [(_UNKNOWN,)]


def _repeat(av: Any) -> Expansions:
    least, most, sub = av
    one = _sequence(list(sub))
    if most == 0:
        return [()]
    if least == 0:
        # none, or (when at most one) the one copy; more copies are text not known
        return list(dict.fromkeys([(), *(one if most == 1 else [(_UNKNOWN,)])]))
    copies = _product([one] * least)
    if least == most:
        return copies
    # k >= least copies: the first `least` touch what comes before, the last `least` what comes after
    return _product([copies, [(_UNKNOWN,)], copies])
