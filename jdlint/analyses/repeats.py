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
    """Stretches of the posting that repeat an earlier block: a block equal to an earlier one, or (for the blocks
    a posting repeats, front-matter fields and headings) contained in one, or found again inside a later, longer
    block (an excerpt that opens the first paragraph). Linear in the blocks but for those few fields."""

    def compute() -> list[Region]:
        document = context.document
        first: dict[str, tuple[int, int]] = {}
        fields: list[tuple[int, int, str]] = []  # earlier metadata and heading blocks
        regions: list[Region] = []
        for segment in document.segments:
            start, end = segment.start, segment.end
            text = _normalised(document.text[start:end])
            if not text:
                continue
            if text in first:
                regions.append((start, end, *first[text]))
            else:
                region = _within_a_field(document.text, start, end, text, fields)
                if region is not None:
                    regions.append(region)
                first[text] = (start, end)
            if segment.scope in ("metadata", "heading"):
                fields.append((start, end, text))
        return regions

    return context.memo("repeated-regions", compute)


def _within_a_field(text: str, start: int, end: int, block: str, fields: list[tuple[int, int, str]]) -> Region | None:
    """The part of a block that repeats an earlier field, or the block itself when a field contains it."""
    for field_start, field_end, field in fields:
        if len(block.split()) >= MIN_PASSAGE_WORDS and block in field:
            return (start, end, field_start, field_end)
        if len(field.split()) >= MIN_PASSAGE_WORDS and field in block:
            found = _find_words(text, field_start, field_end, start, end)
            if found is not None:
                return (*found, field_start, field_end)
    return None


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
