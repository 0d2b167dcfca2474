"""Repeated text: a block that repeats another block of the same posting (a front-matter excerpt or summary that
is also the first paragraph, a title repeated as the first heading). Its findings are the other block's findings
again, so they are reported once: in the body when front matter copies it (a summary or excerpt is made from the
posting, which is what a reader sees and a writer edits), else where the text first appears."""

from __future__ import annotations

import bisect
import re

from ..context import Context
from ..model import Match

MIN_PASSAGE_WORDS = 2  # inside a longer block, a repeated passage has at least this many words
Region = tuple[int, int, int, int]  # (copy start, copy end, kept occurrence start, end), extracted text


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def repeated_regions(context: Context) -> list[Region]:
    """Stretches of the posting that repeat an earlier block: a block equal to an earlier one, or (for the blocks
    a posting repeats, front-matter fields and headings) contained in one, or found again inside a later, longer
    block (an excerpt that opens the first paragraph). Linear in the blocks but for those few fields."""

    def compute() -> list[Region]:
        document = context.document
        first: dict[str, tuple[int, int, bool]] = {}  # text -> where it is kept, and whether that is front matter
        fields: list[tuple[int, int, str, bool]] = []  # earlier metadata and heading blocks
        regions: list[Region] = []
        for segment in document.segments:
            start, end = segment.start, segment.end
            text = _normalised(document.text[start:end])
            if not text:
                continue
            in_body = segment.scope != "metadata"
            if text in first:
                kept_start, kept_end, kept_in_front_matter = first[text]
                if kept_in_front_matter and in_body:
                    regions.append((kept_start, kept_end, start, end))
                    first[text] = (start, end, False)
                else:
                    regions.append((start, end, kept_start, kept_end))
            else:
                region = _within_a_field(document.text, start, end, text, fields, in_body)
                if region is not None:
                    regions.append(region)
                first[text] = (start, end, not in_body)
            if segment.scope in ("metadata", "heading"):
                fields.append((start, end, text, not in_body))
        return regions

    return context.memo("repeated-regions", compute)


def _within_a_field(
    text: str, start: int, end: int, block: str, fields: list[tuple[int, int, str, bool]], in_body: bool
) -> Region | None:
    """A block contained in an earlier field, or an earlier field found again inside a longer block, as a region;
    a front-matter field that copies body text is the copy."""
    for field_start, field_end, field, field_in_front_matter in fields:
        body_wins = field_in_front_matter and in_body
        if len(block.split()) >= MIN_PASSAGE_WORDS and block in field:
            if not body_wins:
                return (start, end, field_start, field_end)
            found = _find_words(text, start, end, field_start, field_end)
            if found is not None:
                return (*found, start, end)
        if len(field.split()) >= MIN_PASSAGE_WORDS and field in block:
            found = _find_words(text, field_start, field_end, start, end)
            if found is not None:
                return (field_start, field_end, *found) if body_wins else (*found, field_start, field_end)
    return None


def _find_words(text: str, start: int, end: int, within_start: int, within_end: int) -> tuple[int, int] | None:
    """Where the words of text[start:end] stand again in text[within_start:within_end], whatever the spacing."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in text[start:end].split()), re.IGNORECASE)
    found = pattern.search(text, within_start, within_end)
    return (found.start(), found.end()) if found else None


def without_repeats(context: Context, matches: list[Match]) -> list[Match]:
    """The matches, less those inside a copy whose words are matched in the occurrence that is kept."""
    regions = repeated_regions(context)
    if not regions:
        return matches
    text = context.document.text
    region_of = _RegionIndex(regions)
    kept_words = _SameWords(matches, text)
    kept: list[Match] = []
    for match in matches:
        if match.start is not None and match.end is not None:
            region = region_of.containing(match.start, match.end)
            if region is not None and kept_words.within(match.start, match.end, region[2], region[3]):
                continue
        kept.append(match)
    return kept


class _RegionIndex:
    """The first region (in list order) holding a stretch. Regions of blocks do not overlap, so that is the last
    one starting at or before the stretch, found by bisection; scanning every region for each match was matches x
    regions. Overlapping regions (a field inside a block) are scanned in order, as before."""

    def __init__(self, regions: list[Region]) -> None:
        self.regions = regions
        ordered = sorted(regions)
        self.disjoint = all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))
        self.ordered = ordered
        self.starts = [region[0] for region in ordered]

    def containing(self, start: int, end: int) -> Region | None:
        if not self.disjoint:
            return next((r for r in self.regions if r[0] <= start and end <= r[1]), None)
        i = bisect.bisect_right(self.starts, start) - 1
        return self.ordered[i] if i >= 0 and end <= self.ordered[i][1] else None


class _SameWords:
    """Whether a match of the same words lies inside a stretch: the matches grouped by their words, each group
    sorted by start (comparing each match with every other was quadratic)."""

    def __init__(self, matches: list[Match], text: str) -> None:
        self.text = text
        self.groups: dict[str, list[tuple[int, int]]] = {}
        for match in matches:
            if match.start is not None and match.end is not None:
                words = _normalised(text[match.start : match.end])
                self.groups.setdefault(words, []).append((match.start, match.end))
        for group in self.groups.values():
            group.sort()

    def within(self, start: int, end: int, region_start: int, region_end: int) -> bool:
        group = self.groups[_normalised(self.text[start:end])]
        i = bisect.bisect_left(group, (region_start, -1))
        while i < len(group) and group[i][0] <= region_end:
            if group[i][1] <= region_end:
                return True
            i += 1
        return False
