"""Sections of a posting, found from headings and label lines, named by data/sections.toml.

Every input format ends with `finish_document`, so each format's Document gets its sections the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import LABEL_LEVEL, Builder, Document, OffsetMap, Section, Segment
from ..resources import data_path
from ..source import Source

MAX_LABEL_WORDS = 8
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^a-z0-9-]+")


def normalise_label(text: str) -> str:
    text = _APOSTROPHES.sub("", text.lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[str, tuple[str, ...]], ...]:
    import tomli

    data = tomli.loads(data_path("data").joinpath("sections.toml").read_text(encoding="utf-8"))
    return tuple((entry["name"], tuple(normalise_label(p) for p in entry["phrases"])) for entry in data["section"])


@lru_cache(maxsize=4096)  # labels repeat from posting to posting ("Requirements", "Benefits:")
def section_name(label: str) -> str | None:
    """The first section (in the vocabulary's order) one of whose phrases the label holds as whole words."""
    normalised = normalise_label(label)
    padded = f" {normalised} "
    by_first_word = _by_first_word()
    best: int | None = None
    # a phrase the label holds starts with one of its words: try only those, not the whole vocabulary
    for word in set(normalised.split(" ")):
        for index, phrase in by_first_word.get(word, ()):
            if (best is None or index < best) and f" {phrase} " in padded:
                best = index
    return None if best is None else vocabulary()[best][0]


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[int, str]]]:
    """Each phrase of the vocabulary under its first word, with its section's place in the vocabulary."""
    index: dict[str, list[tuple[int, str]]] = {}
    for place, (_, phrases) in enumerate(vocabulary()):
        for phrase in phrases:
            index.setdefault(phrase.split(" ")[0], []).append((place, phrase))
    return index


def _is_label(text: str) -> bool:
    """A short line that ends with a colon, or that is nothing but a known section name."""
    stripped = text.strip().strip("*_#").strip()
    # split no further than one word past the limit: most blocks are whole paragraphs
    if not stripped or len(stripped.split(None, MAX_LABEL_WORDS)) > MAX_LABEL_WORDS:
        return False
    if stripped.endswith(":"):
        return True
    # a label that is a phrase of the vocabulary is also named by it (section_name finds that phrase)
    return normalise_label(stripped) in _phrases()


@lru_cache(maxsize=1)
def _phrases() -> frozenset[str]:
    return frozenset(phrase for _, phrases in vocabulary() for phrase in phrases)


def assign_sections(text: str, segments: list[Segment]) -> tuple[list[Segment], list[Section]]:
    """Mark label lines as headings, then give every segment the section it sits in."""
    marked: list[Segment] = []
    for segment in segments:
        if segment.scope in ("paragraph", "list_item") and _is_label(text[segment.start : segment.end]):
            segment = Segment(segment.start, segment.end, "heading", LABEL_LEVEL, segment.section)
        marked.append(segment)

    sections: list[Section] = []
    # stack of (level, name, label, start) for the section currently open
    current: tuple[int, str, str, int] | None = None
    result: list[Segment] = []
    for segment in marked:
        if segment.scope == "heading":
            label = text[segment.start : segment.end]
            name = section_name(label)
            if current is not None and (name is not None or segment.level <= current[0]):
                sections.append(Section(current[1], current[2], current[3], _last_end(result, current[3])))
                current = None
            if name is not None:
                current = (segment.level, name, label.strip(), segment.start)
        named = current[1] if current else None
        if named != segment.section:  # segments are immutable: one outside every section is kept as it is
            segment = Segment(segment.start, segment.end, segment.scope, segment.level, named)
        result.append(segment)
    if current is not None:
        sections.append(Section(current[1], current[2], current[3], _last_end(result, current[3])))
    return result, sections


def _last_end(segments: list[Segment], start: int) -> int:
    """The furthest end of the segments starting at or after `start`. A Builder's segments come in the order they
    start, so those are the last ones: read back to the section's start, not every segment for every section."""
    end = start
    for segment in reversed(segments):
        if segment.start < start:
            break
        end = max(end, segment.end)
    return end


def finish_document(source: Source, builder: Builder, metadata: dict | None = None) -> Document:
    """The Document a format built: its blocks marked as headings where they are labels, and named into sections."""
    text, pieces, segments = builder.result()
    segments, sections = assign_sections(text, segments)
    return Document(source, text, segments, OffsetMap(pieces), metadata or {}, sections)
