"""Posting text on a page must not reorder the page: bidi controls in it stay inside their own element.

The page wraps each piece of posting text in an isolating element (`<bdi>`, `dir="auto"`, or CSS
`unicode-bidi: isolate`). A browser closes that isolate with the equivalent of U+2069 (PDI), which an isolate
initiator left open in the text (U+2066-2068) would take as its own, so the isolate would run on over the page's
labels: `balanced` closes those first. Embeddings and overrides (U+202A-202E) need nothing: a PDI ends them.
jdlint's own messages quoting a posting show the controls instead (printable.visible_controls).
"""

from __future__ import annotations

ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
PDI = "\u2069"


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
