"""Damaged characters: mojibake, U+FFFD, control characters, invisible characters.

They read the raw source (Document.source_lines), because the damage is in the bytes the
candidate's browser or screen reader gets, and ftfy decides what is mojibake and what it meant.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

from ..context import Context
from ..model import Edit, Match, Span
from ..rule import Rule
from . import check

_REPLACEMENT = "\ufffd"
# Zero-width and other invisible format characters that carry nothing in an English posting.
# (Joiners, direction marks and soft hyphens are left alone: scripts and emoji need them.)
_INVISIBLE = re.compile("[\u200b\u2060\u180e\ufeff\u2061-\u2064]")
# A zero-width space right after a slash or a dash is a line-break hint typed on purpose ("Sales/\u200bMarketing"):
# it lets a long compound wrap there and changes no word. (Soft hyphens, the hint inside words, are never flagged.)
_BREAK_HINT_AFTER = "/-\u2010\u2011\u2012\u2013\u2014"
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# What UTF-8 looks like when read as cp1252/Latin-1: a lead byte (Â-ô) then a continuation byte
# (0x80-0xBF, shown as € ‚ ƒ ... ¿), or a bare C1 control. Lines without one cannot be mojibake,
# so ftfy only looks at the few lines that have one.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
    "\u017e\u0178]|[\x80-\x9f]|\u00c2 "  # "Â " is a no-break space's mojibake after the NBSP became a space
)
# What is left of that mojibake when a filter later stripped the "â€" it starts with: the last byte of a
# dash or an apostrophe (E2 80 93/94/99) read as cp1252. Only where the real character cannot stand: a
# quotation mark with a space on both sides (an opening quote touches its first word) where a dash
# belongs, and a trade mark sign inside a word ("we™re") where an apostrophe belongs.
_RESIDUE = re.compile(r"(?<=\S )[\u201c\u201d](?= \S)|(?<=[^\W\d_])\u2122(?=(?:s|t|re|ll|ve|d|m)\b)")
_RESIDUE_MEANS = {"\u201c": "\u2013", "\u201d": "\u2014", "\u2122": "\u2019"}
# a line that quotes with these marks (a closing mark after an opening one, German „...“) uses them as quotes
_QUOTING = re.compile("\u201c[^\u201d]*\u201d|\u201e")


def mojibake_repairs(context: Context) -> list[tuple[Span, str]]:
    """(damaged span, repaired text) for every stretch ftfy would re-decode and every residue of mojibake
    whose first bytes were stripped; shared by the rules below."""

    def compute() -> list[tuple[Span, str]]:
        text = context.document.source.text
        if not _may_hold_mojibake(text):
            return []
        repairs: list[tuple[Span, str]] = []
        for start, end in context.document.source_lines():
            line = text[start:end]
            if line.isascii():
                continue
            repairs.extend(_residues(line, start))
            if not _SUSPECT.search(line):
                continue
            import ftfy  # imported on the first suspect line: 0.1 s that most postings never need
            from ftfy.badness import is_bad

            if not is_bad(line):
                continue
            fixed = ftfy.fix_encoding(line)
            if fixed == line:
                continue
            for a_start, a_end, b_start, b_end in _changed_runs(line, fixed):
                repairs.append((Span(start + a_start, start + a_end), fixed[b_start:b_end]))
        return sorted(repairs, key=lambda repair: repair[0].start)

    return context.memo("mojibake", compute)


# every byte but the first characters of mojibake (Â-ô, C1 controls): deleting them leaves nothing in clean text
_NOT_SUSPECT_START = bytes(b for b in range(256) if not (0xC2 <= b <= 0xF4 or 0x80 <= b <= 0x9F))


def _may_hold_mojibake(text: str) -> bool:
    """Whether any line can hold mojibake or its residue: a character that starts _SUSPECT's matches, or a mark
    _RESIDUE looks for. One pass over the whole text in C, where most postings have none."""
    if text.isascii():
        return False
    starts = text.encode("latin-1", "replace").translate(None, _NOT_SUSPECT_START)
    return bool(starts) or any(mark in text for mark in _RESIDUE_MEANS)


def _residues(line: str, start: int) -> list[tuple[Span, str]]:
    """Stripped mojibake: the lone last byte of a dash or apostrophe, with the character it stood for."""
    if not any(mark in line for mark in _RESIDUE_MEANS):
        return []
    quoting = _QUOTING.search(line) is not None
    return [
        (Span(start + m.start(), start + m.end()), _RESIDUE_MEANS[m.group()])
        for m in _RESIDUE.finditer(line)
        if not (quoting and m.group() != "\u2122")
    ]


MERGE_GAP = 2  # edits this close ("Â\xa0Â\xa0Â") are one damaged stretch
# ftfy turns each damaged stretch (at most a few characters, more when text was mis-decoded twice) into fewer
# characters and leaves the rest alone, so the two strings fall back in step within a few characters of each
# difference: these bound how far ahead that is looked for, and how many equal characters make it.
LONGEST_DAMAGE = 16
LONGEST_REPAIR = 4
IN_STEP = 3
# differences closer than this are compared together by difflib, in windows of at most WINDOW characters
NEAR = 8
WINDOW = 200


def _changed_runs(before: str, after: str) -> list[list[int]]:
    """Minimal differing stretches between `before` and ftfy's repair of it, neighbouring edits merged.

    difflib's matcher is quadratic in what it is given (a line of one repeated damaged word took seconds), so it
    is given only short windows: one linear walk finds where the strings differ and fall back in step, nearby
    differences make one window (at most WINDOW characters), and difflib finds the minimal edits inside each."""
    runs: list[list[int]] = []
    for a_start, a_end, b_start, b_end in _windows(before, after):
        matcher = difflib.SequenceMatcher(None, before[a_start:a_end], after[b_start:b_end], autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            a1, a2, b1, b2 = a1 + a_start, a2 + a_start, b1 + b_start, b2 + b_start
            if runs and a1 - runs[-1][1] <= MERGE_GAP:
                runs[-1][1], runs[-1][3] = a2, b2
            else:
                runs.append([a1, a2, b1, b2])
    return runs


def _windows(before: str, after: str) -> Iterator[list[int]]:
    """[a_start, a_end, b_start, b_end] stretches that hold every difference, each ending where the strings are
    back in step."""
    window: list[int] | None = None
    i = j = 0
    while i < len(before) or j < len(after):
        if i < len(before) and j < len(after) and before[i] == after[j]:
            i, j = i + 1, j + 1
            continue
        a_len, b_len = _back_in_step(before, after, i, j)
        if window is not None and i - window[1] < NEAR and i + a_len - window[0] <= WINDOW:
            window[1], window[3] = i + a_len, j + b_len
        else:
            if window is not None:
                yield window
            window = [i, i + a_len, j, j + b_len]
        i, j = i + a_len, j + b_len
    if window is not None:
        yield window


def _back_in_step(before: str, after: str, i: int, j: int) -> tuple[int, int]:
    """(characters of `before`, of `after`) from i and j after which the two strings agree again: for IN_STEP
    characters if they can, else for one (damage packed closer than IN_STEP, "â\x80¦â\x80¦...")."""
    for in_step in (IN_STEP, 1):
        for total in range(1, LONGEST_DAMAGE + LONGEST_REPAIR + 1):
            for b_len in range(min(total, LONGEST_REPAIR) + 1):
                a_len = total - b_len
                a, b = i + a_len, j + b_len
                in_range = a_len <= LONGEST_DAMAGE and a <= len(before) and b <= len(after)
                if in_range and before[a : a + in_step] == after[b : b + in_step]:
                    return a_len, b_len
    # not in step within the bounds: the first difference difflib finds in a bounded stretch
    span = 2 * WINDOW
    matcher = difflib.SequenceMatcher(None, before[i : i + span], after[j : j + span], autojunk=False)
    tag, a1, a2, b1, b2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    return a2, b2  # the stretch starts at a difference, so difflib's first change starts there too


def _inside(position: int, repairs: list[tuple[Span, str]]) -> bool:
    return any(span.start <= position < span.end for span, _ in repairs)


@check()
def mojibake(context: Context, rule: Rule) -> Iterator[Match]:
    for span, repaired in mojibake_repairs(context):
        repair = f"it should read '{repaired}'" if repaired.strip() else "remove it"
        yield Match.in_source(
            span,
            suggestions=(repaired,) if repaired.strip() else (),
            edits=(Edit(span.start, span.end, repaired),),
            params={"repair": repair},
        )


@check()
def replacement_character(context: Context, rule: Rule) -> Iterator[Match]:
    text = context.document.source.text
    repairs = mojibake_repairs(context)
    for start, end in context.document.source_lines():
        position = text.find(_REPLACEMENT, start, end)
        while position != -1:
            run_end = position
            while run_end < end and text[run_end] == _REPLACEMENT:
                run_end += 1
            if not _inside(position, repairs):
                yield Match.in_source(Span(position, run_end))
            position = text.find(_REPLACEMENT, run_end, end)


@check()
def control_character(context: Context, rule: Rule) -> Iterator[Match]:
    text = context.document.source.text
    repairs = mojibake_repairs(context)
    for start, end in context.document.source_lines():
        for match in _CONTROL.finditer(text, start, end):
            if _inside(match.start(), repairs):
                continue  # a C1 byte that ftfy reads as cp1252 punctuation: the mojibake rule repairs it
            name = f"U+{ord(match.group()):04X}"
            yield Match.in_source(
                Span(match.start(), match.end()),
                edits=(Edit(match.start(), match.end(), ""),),
                params={"codepoint": name},
            )


def _break_hint(text: str, position: int, line_start: int) -> bool:
    return text[position] == "\u200b" and position > line_start and text[position - 1] in _BREAK_HINT_AFTER


@check()
def invisible_character(context: Context, rule: Rule) -> Iterator[Match]:
    """One finding per line, not per character: pasted text often holds one between every word."""
    text = context.document.source.text
    for start, end in context.document.source_lines():
        found = [m for m in _INVISIBLE.finditer(text, start, end) if not _break_hint(text, m.start(), start)]
        if not found:
            continue
        kinds = sorted({m.group() for m in found})
        names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}".strip() for c in kinds)
        first = found[0]
        yield Match.in_source(
            Span(first.start(), first.end()),
            edits=tuple(Edit(m.start(), m.end(), "") for m in found),
            params={
                "count": len(found),
                "plural": "s" * (len(found) > 1),
                "character": names,
                "them": "them" if len(found) > 1 else "it",
            },
        )
