"""Posting text on a page must not reorder the page: bidi controls in it stay inside their own element.

The page wraps each piece of posting text in an isolating element (`<bdi>`, `dir="auto"`, or CSS
`unicode-bidi: isolate`). A browser closes that isolate with the equivalent of U+2069 (PDI), which an isolate
initiator left open in the text (U+2066-2068) would take as its own, so the isolate would run on over the page's
labels: `balanced` closes those first. Embeddings and overrides (U+202A-202E) need nothing: a PDI ends them.
"""

from __future__ import annotations

import re

ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
PDI = "\u2069"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")


def balanced(text: str) -> str:
    """`text` with a PDI after it for each isolate it opens and leaves open."""
    if not any(c in text for c in ISOLATE_OPENERS):
        return text
    depth = 0
    for char in text:
        if char in ISOLATE_OPENERS:
            depth += 1
        elif char == PDI and depth:
            depth -= 1
    return text + PDI * depth


def visible_controls(text: str) -> str:
    """`text` with each bidi control written as its code point ("<U+202E>"): for jdlint's own messages and
    suggestions that quote a posting, where the quote has no element of its own to be isolated in."""
    return _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
