"""Repeated text: a block that repeats another block of the same posting (a front-matter excerpt or summary that
is also the first paragraph, a title repeated as the first heading). Its findings are the other block's findings
again, so they are reported once, where the text first appears."""

from __future__ import annotations

import re

from ..context import Context
from ..model import Match

MIN_PASSAGE_WORDS = 2  # inside a longer block, a repeated passage has at least this many words
Region = tuple[int, int, int, int]  # (repeat start, repeat end, first occurrence start, end), extracted text


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def repeated_regions(context: Context) -> list[Region]:
    """Stretches of the posting that repeat an earlier block: a block equal to or contained in an earlier one,
    or an earlier block's text found again inside a later, longer one (an excerpt that opens the first paragraph)."""

    def compute() -> list[Region]:
        document = context.document
        blocks = [(s.start, s.end, _normalised(document.text[s.start : s.end])) for s in document.segments]
        regions: list[Region] = []
        for i, (start, end, text) in enumerate(blocks):
            for earlier_start, earlier_end, earlier in blocks[:i]:
                if not text or not earlier:
                    continue
                if text == earlier or (len(text.split()) >= MIN_PASSAGE_WORDS and text in earlier):
                    regions.append((start, end, earlier_start, earlier_end))
                    break
                if len(earlier.split()) >= MIN_PASSAGE_WORDS and earlier in text:
                    found = _find_words(document.text, earlier_start, earlier_end, start, end)
                    if found is not None:
                        regions.append((*found, earlier_start, earlier_end))
                        break
        return regions

    return context.memo("repeated-regions", compute)


def _find_words(text: str, start: int, end: int, within_start: int, within_end: int) -> tuple[int, int] | None:
    """Where the words of text[start:end] stand again in text[within_start:within_end], whatever the spacing."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in text[start:end].split()), re.IGNORECASE)
    found = pattern.search(text, within_start, within_end)
    return (found.start(), found.end()) if found else None


def without_repeats(context: Context, matches: list[Match]) -> list[Match]:
    """The matches, less those inside a repeated stretch whose words were already matched where they first appear."""
    regions = repeated_regions(context)
    if not regions:
        return matches
    text = context.document.text
    kept: list[Match] = []
    for match in matches:
        if match.start is not None and match.end is not None:
            region = next((r for r in regions if r[0] <= match.start and match.end <= r[1]), None)
            if region is not None and _matched_in(kept, match.start, match.end, region, text):
                continue
        kept.append(match)
    return kept


def _matched_in(kept: list[Match], start: int, end: int, region: Region, text: str) -> bool:
    """A kept match of the same words inside the first occurrence."""
    words = _normalised(text[start:end])
    return any(
        other.start is not None
        and other.end is not None
        and region[2] <= other.start
        and other.end <= region[3]
        and _normalised(text[other.start : other.end]) == words
        for other in kept
    )
