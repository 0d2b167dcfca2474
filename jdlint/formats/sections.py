"""Sections of a posting, found from headings and label lines, named by data/sections.toml.

Every input format ends with `finish_document`, so each format's Document gets its sections the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
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
    padded = f" {normalise_label(label)} "
    for name, phrases in vocabulary():
        if any(f" {phrase} " in padded for phrase in phrases):
            return name
    return None


def _is_label(text: str) -> bool:
    """A short line that ends with a colon, or that is nothing but a known section name."""
    stripped = text.strip().strip("*_#").strip()
    if not stripped or len(stripped.split()) > MAX_LABEL_WORDS:
        return False
    if stripped.endswith(":"):
        return True
    return section_name(stripped) is not None and normalise_label(stripped) in _phrases()


@lru_cache(maxsize=1)
def _phrases() -> frozenset[str]:
    return frozenset(phrase for _, phrases in vocabulary() for phrase in phrases)


def assign_sections(text: str, segments: list[Segment]) -> tuple[list[Segment], list[Section]]:
    """Mark label lines as headings, then give every segment the section it sits in."""
    marked: list[Segment] = []
    for segment in segments:
        if segment.scope in ("paragraph", "list_item") and _is_label(text[segment.start : segment.end]):
            segment = replace(segment, scope="heading", level=LABEL_LEVEL)
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
        result.append(replace(segment, section=current[1] if current else None))
    if current is not None:
        sections.append(Section(current[1], current[2], current[3], _last_end(result, current[3])))
    return result, sections


def _last_end(segments: list[Segment], start: int) -> int:
    return max((s.end for s in segments if s.start >= start), default=start)


def finish_document(source: Source, builder: Builder, metadata: dict | None = None) -> Document:
    """The Document a format built: its blocks marked as headings where they are labels, and named into sections."""
    text, pieces, segments = builder.result()
    segments, sections = assign_sections(text, segments)
    return Document(source, text, segments, OffsetMap(pieces), metadata or {}, sections)
