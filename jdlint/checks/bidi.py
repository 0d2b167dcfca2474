"""Bidirectional controls (Unicode UAX #9): characters that change the order in which text is shown.

An override (U+202D, U+202E) shows the characters after it in an order other than the one they are written in,
which is the order screen readers, search and ATS filters read; an embedding or isolate left open reorders the
rest of its line ("Trojan Source", CVE-2021-42574). In Arabic, Hebrew and other right-to-left text, balanced
embeddings, isolates and marks are how an author keeps a number or a Latin name in place, so in a posting that
has right-to-left letters only overrides and unbalanced controls are reported. Like the other character checks
this reads the raw source lines (a line is the paragraph UAX #9 resets at).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..context import Context
from ..model import Applicability, Edit, Match, Severity, Span
from ..rule import Rule
from . import check

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
EMBEDDINGS = (LRE, RLE, LRO, RLO)  # each closed by PDF
OVERRIDES = (LRO, RLO)
ISOLATES = (LRI, RLI, FSI)  # each closed by PDI
MARKS = (LRM, RLM, ALM)
RIGHT_TO_LEFT = (RLE, RLO, RLI, RLM, ALM)  # controls that can turn left-to-right text and numbers around
REORDERING = (RLE, RLO, RLI)  # ... a whole run of it (a mark moves only the punctuation beside it)
NAMES = {
    LRE: "left-to-right embedding",
    RLE: "right-to-left embedding",
    PDF: "pop directional formatting",
    LRO: "left-to-right override",
    RLO: "right-to-left override",
    LRI: "left-to-right isolate",
    RLI: "right-to-left isolate",
    FSI: "first strong isolate",
    PDI: "pop directional isolate",
    LRM: "left-to-right mark",
    RLM: "right-to-left mark",
    ALM: "Arabic letter mark",
}
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Blocks that hold the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...); a character found here
# counts when its bidi class is R or AL (the blocks also hold combining marks and the controls above).
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl_letters(text: str) -> bool:
    """Whether `text` has a right-to-left letter (bidi class R or AL; the marks themselves do not count)."""
    return any(
        m.group() not in MARKS and unicodedata.bidirectional(m.group()) in ("R", "AL")
        for m in _RTL_BLOCKS.finditer(text)
    )


def pairs(controls: list[tuple[int, str]]) -> tuple[dict[int, int], list[int], list[int]]:
    """(opener -> closer, openers never closed, closers that close nothing) of one line's controls, as UAX #9
    matches them: a PDF closes the last embedding opened since the last open isolate; a PDI closes the last open
    isolate and every embedding opened inside it."""
    matched: dict[int, int] = {}
    unmatched: list[int] = []
    stack: list[tuple[int, str]] = []
    isolates = 0  # open isolates on the stack (counted, so a line of thousands of controls stays linear)
    for position, char in controls:
        if char in EMBEDDINGS or char in ISOLATES:
            stack.append((position, char))
            isolates += char in ISOLATES
        elif char == PDF:
            if stack and stack[-1][1] in EMBEDDINGS:
                matched[stack.pop()[0]] = position
            else:
                unmatched.append(position)
        elif char == PDI:
            if isolates:
                while True:  # each opener is popped once: linear over the line
                    opener_at, opener = stack.pop()
                    matched[opener_at] = position
                    if opener in ISOLATES:
                        isolates -= 1
                        break
            else:
                unmatched.append(position)
    return matched, [position for position, _ in stack], unmatched


def _problem(
    text: str, overrides: list[int], unclosed: list[int], unmatched: list[int], rtl_controls: bool, count: int
) -> str:
    def name(position: int) -> str:
        return f"a {NAMES[text[position]]} (U+{ord(text[position]):04X})"

    if overrides:
        return (
            f"{name(overrides[0])} shows the text after it in another order than the one it is written and read in; "
            "remove it and write the text in reading order"
        )
    if unclosed:
        return f"{name(unclosed[0])} is never closed, so it reorders the rest of the line; close it or remove it"
    if unmatched:
        return f"{name(unmatched[0])} closes nothing; remove it"
    them = "them" if count > 1 else "it"
    if rtl_controls:
        return (
            f"the posting has no right-to-left text, so {them} can only turn its words and numbers around; "
            f"remove {them}"
        )
    return f"the posting has no right-to-left text for {them} to order; remove {them}"


@check()
def bidi_control(context: Context, rule: Rule) -> Iterator[Match]:
    """One finding a line, at its first reported control; the fix removes every control reported there."""
    text = context.document.source.text
    rtl_posting: bool | None = None  # known once a line has a control
    for start, end in context.document.source_lines():
        controls = [(m.start(), m.group()) for m in _CONTROLS.finditer(text, start, end)]
        if not controls:
            continue
        if rtl_posting is None:
            rtl_posting = has_rtl_letters(text)
        matched, unclosed, unmatched = pairs(controls)
        overrides = [position for position, char in controls if char in OVERRIDES]
        if rtl_posting:  # balanced embeddings, isolates and marks are how right-to-left text is written
            reported = set(overrides) | {matched[o] for o in overrides if o in matched} | set(unclosed) | set(unmatched)
        else:
            reported = {position for position, _ in controls}
        if not reported:
            continue
        rtl_controls = any(char in RIGHT_TO_LEFT for _, char in controls)
        reordering = any(char in REORDERING for _, char in controls)
        serious = bool(overrides or unclosed or unmatched) or (reordering and not rtl_posting)
        # Removing is safe only where it cannot change what a reader sees: a closer that closes nothing is ignored
        # by UAX #9, and left-to-right controls in a posting with no right-to-left text change no order.
        safe = reported <= set(unmatched) or not (rtl_posting or rtl_controls)
        ordered = sorted(reported)
        kinds = sorted({text[position] for position in ordered})
        yield Match.in_source(
            Span(ordered[0], ordered[0] + 1),
            edits=tuple(Edit(position, position + 1, "") for position in ordered),
            applicability=None if safe else Applicability.UNSAFE,
            severity=Severity.WARNING if serious else Severity.INFO,
            params={
                "count": len(ordered),
                "plural": "s" * (len(ordered) > 1),
                "characters": ", ".join(f"U+{ord(char):04X} {NAMES[char]}" for char in kinds),
                "problem": _problem(text, overrides, unclosed, unmatched, rtl_controls, len(ordered)),
            },
        )
