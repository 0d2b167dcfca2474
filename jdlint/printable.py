"""What jdlint writes is valid UTF-8 whatever names and text it reads.

Two kinds of code point reach jdlint that UTF-8 cannot encode: the bytes of a file name that are not UTF-8
(on POSIX a name is bytes, and os.fsdecode keeps each such byte as a lone surrogate U+DC80..U+DCFF so the file
can still be opened), and a lone surrogate in text handed to the Python API. The path jdlint opens and fixes keeps
them; everything jdlint writes (reports, baselines, audits, messages) goes through here.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTES = ("\udc80", "\udcff")  # os.fsdecode's stand-ins for the bytes 0x80..0xff


def escaped_byte(char: str) -> int | None:
    """The byte a lone surrogate stands for (surrogateescape's U+DC80..U+DCFF), or None for any other character."""
    return ord(char) - 0xDC00 if _ESCAPED_BYTES[0] <= char <= _ESCAPED_BYTES[1] else None


def _escape(match: re.Match[str]) -> str:
    byte = escaped_byte(match.group())
    return f"\\x{byte:02x}" if byte is not None else "\ufffd"


def first_surrogate(text: str) -> str | None:
    """The first lone surrogate in `text`, or None."""
    found = _SURROGATE.search(text)
    return found.group() if found else None


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def shown(name: str) -> str:
    """A path, or a message naming one, as jdlint writes it: each byte of the name that is not UTF-8 as `\\xNN`
    (Python's backslashreplace spelling, so two such files keep different names), any other lone surrogate as
    U+FFFD. Everything else is left as it is."""
    return _SURROGATE.sub(_escape, name) if has_surrogates(name) else name


def writable(text: str) -> str:
    """Posting text as jdlint writes it: each lone surrogate as U+FFFD, one code point for one, so spans into
    the text still slice it."""
    return _SURROGATE.sub("\ufffd", text) if has_surrogates(text) else text


def writable_data(value: object) -> object:
    """`writable` applied to every string inside lists, tuples and dicts (metrics, audit figures)."""
    if isinstance(value, str):
        return writable(value)
    if isinstance(value, dict):
        return {writable_data(key): writable_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(writable_data(item) for item in value)
    return value


# Unicode's explicit directional formatting characters (UAX #9): embeddings and overrides (U+202A-U+202E), isolates
# (U+2066-U+2069) and the implicit marks (U+200E, U+200F, U+061C). In a terminal line or a log they reorder the
# text around them (jdlint's own words included), so those outputs show them as visible escapes.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def has_bidi_controls(text: str) -> bool:
    return _BIDI_CONTROLS.search(text) is not None


def visible_controls(text: str) -> str:
    """Text for a terminal line or a log: each bidi control as `<U+202E>`, so it cannot reorder the line. JSON and
    SARIF keep the exact text; pages isolate it instead (<bdi>)."""
    return _BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text) if has_bidi_controls(text) else text
